"""Word's content controls that show their placeholder: the prompt, not the document's text.

A form or a template holds content controls (``w:sdt``); one nobody filled in shows its
placeholder, a prompt in grey: "Click or tap here to enter text.", "Choose an item.", a résumé
template's "[Job Title]" or a paragraph of instructions. Read as text, those prompts were quoted
as passages ("Choose an item. | Here is just a sample"). Word marks such a control
``w:showingPlcHdr`` and keeps the prompt as a building block of the file's glossary
(``word/glossary/document.xml``), named by the control's ``w:placeholder/w:docPart``.

The mark alone is not enough: a file whose controls hold their own text but keep the mark (Apache
POI's test 55966: "text content from within a paragraph") would lose it. A control's content is
its placeholder when it says what the glossary's building block says, or when it names no
building block the file holds (a cover page's control bound to the document's properties).
"""

from __future__ import annotations

from typing import Any

import lxml.etree
from docx.document import Document
from docx.oxml.ns import qn

_GLOSSARY = "/word/glossary/document.xml"


def drop_placeholders(word: Document) -> None:
    """Empty the content controls of ``word``'s body that show their placeholder: their runs
    are taken out, the paragraphs and cells holding them stay (a row keeps its other cells)."""
    prompts = _prompts(word)
    body = word.element.body
    showing = [
        sdt
        for sdt in body.iter(qn("w:sdt"))
        if sdt.find(f"{qn('w:sdtPr')}/{qn('w:showingPlcHdr')}") is not None
    ]
    for sdt in showing:
        content = sdt.find(qn("w:sdtContent"))
        if content is not None and _is_prompt(sdt, content, prompts):
            for run in list(content.iter(qn("w:r"))):
                run.getparent().remove(run)


def _is_prompt(sdt: Any, content: Any, prompts: dict[str, str]) -> bool:
    part = sdt.find(f"{qn('w:sdtPr')}/{qn('w:placeholder')}/{qn('w:docPart')}")
    prompt = prompts.get(part.get(qn("w:val"), "")) if part is not None else None
    # No building block to compare with (a cover page's control bound to the document's
    # properties, "[Address]"): the mark is all Word goes by, and so is the reader.
    return prompt is None or _squeezed(content) == prompt


def _prompts(word: Document) -> dict[str, str]:
    """The glossary's building blocks by name, each as its text without spacing."""
    part = next((p for p in word.part.package.iter_parts() if str(p.partname) == _GLOSSARY), None)
    if part is None:
        return {}
    try:
        root = lxml.etree.fromstring(part.blob)
    except lxml.etree.XMLSyntaxError:
        return {}
    prompts = {}
    for block in root.iter(qn("w:docPart")):
        name = block.find(f"{qn('w:docPartPr')}/{qn('w:name')}")
        body = block.find(qn("w:docPartBody"))
        if name is not None and body is not None:
            prompts[name.get(qn("w:val"), "")] = _squeezed(body)
    return prompts


def _squeezed(element: Any) -> str:
    """The text of ``element``'s runs without any spacing ("Click or tap here to enter
    text." and its runs split anywhere compare alike)."""
    return "".join("".join(t.text or "" for t in element.iter(qn("w:t"))).split())
