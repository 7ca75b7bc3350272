"""What a Word document shows as code, and as a list of terms, rather than as body text.

Code: paragraphs in a style named for code ("Code", "Source Code", "HTML Preformatted") or set in
a fixed-pitch font (the font table says which are), as ODT's reader reads "Preformatted Text";
unless that style is the body's own, holding most of the text (a memo typed in Courier).

Terms: a list of options or of words laid out as a short bold line over one paragraph that
describes it ("-exit" then "Close the window after the command terminates."), again and again.
The bold lines are no headings: each is read with its description ("-exit: Close the window…"),
and a real heading after them is no section of the last one.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Any

from docx.document import Document
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.ns import qn
from docx.table import Table
from docx.text.paragraph import Paragraph
from lxml import etree

from retrieval.ingest.readers.common import prose


def style_of(paragraph: Paragraph) -> Any:
    """``paragraph.style``, looked up once a style per document: python-docx scans every style
    of the document at each call, and the reader asks it of each paragraph several times (a
    long manual took twice as long to read)."""
    cache: dict[str | None, Any] = paragraph.part.__dict__.setdefault("_quotebot_styles", {})
    key = paragraph._p.style
    if key not in cache:
        cache[key] = paragraph.style
    return cache[key]


_CODE_STYLE = re.compile(
    r"^(?:html )?(?:code|source ?code|source text|preformatted(?: text)?|html preformatted|"
    r"verbatim|code block|console|listing|program listing|macro(?: text)?)$"
)
_TERM_WORDS = 10  # a term is a short line
_RUN = 3  # terms come in a list: three at least, one after the other
FIELD = re.compile(r"^\W*[^\W\d][\w ]{0,30}:\s*\S+$")  # "Version: 3", "*State standard: 6c"
_OFF = frozenset({"0", "false", "off", "none"})
_OWN_RUNS = "./w:r | ./w:hyperlink/w:r | ./w:ins/w:r | ./w:smartTag/w:r"

Item = Paragraph | Table


def code_styles(word: Document, items: Sequence[Item]) -> frozenset[str]:
    """The names (lower case) of the paragraph styles the body uses for code."""
    fixed = _fixed_pitch_fonts(word)
    counts: dict[str, int] = {}
    text = 0
    for item in items:
        if not isinstance(item, Paragraph):
            continue
        length = len(prose(item.text))
        if length:
            text += length
            style = style_of(item)
            if style is not None and _is_code_style(style, fixed):
                name = (style.name or "").lower()
                counts[name] = counts.get(name, 0) + length
    # The body's own style is no code style, whatever its font: it holds most of the text.
    # Counted in characters, not paragraphs: a teaching script's commands, a line each, are
    # as many paragraphs as its prose but a fraction of its text.
    return frozenset(name for name, count in counts.items() if 2 * count < text)


def _is_code_style(style: Any, fixed: frozenset[str]) -> bool:
    """Whether a style, or one it is built on, is named for code or set in a fixed-pitch font
    (the nearest style naming a font decides)."""
    font_decided = False
    for _ in range(10):
        if style is None:
            return False
        if _CODE_STYLE.match((style.name or "").lower().strip()):
            return True
        fonts = style.element.xpath("./w:rPr/w:rFonts/@w:ascii")
        if fonts and not font_decided:
            if fonts[0] in fixed:
                return True
            font_decided = True
        style = style.base_style
    return False


def _fixed_pitch_fonts(word: Document) -> frozenset[str]:
    """The fonts the document's font table marks fixed-pitch ("Consolas", "Courier New")."""
    try:
        part = word.part.part_related_by(RT.FONT_TABLE)
        root = etree.fromstring(part.blob)
    except (KeyError, etree.XMLSyntaxError):
        return frozenset()
    return frozenset(
        font.get(qn("w:name"), "")
        for font in root.iter(qn("w:font"))
        if font.xpath("./w:pitch/@w:val", namespaces=_NS) == ["fixed"]
    )


_NS = {"w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main"}


def described_terms(
    items: Sequence[Item], code: frozenset[str], plain: Callable[[Paragraph], bool]
) -> set[Any]:
    """The paragraph elements that are terms: a short line in bold alone, in body text
    (``plain``), followed by one paragraph of body text that is not bold alone, in a run of at
    least three such pairs one after the other."""
    texts = [
        item
        for item in items
        if isinstance(item, Table) or prose(item.text) or style_name(item) in code
    ]
    plains = [isinstance(t, Paragraph) and plain(t) for t in texts]
    bold = [
        isinstance(t, Paragraph) and p and _bold_alone(t)
        for p, t in zip(plains, texts, strict=True)
    ]
    body = [
        p and not b and style_name(t) not in code
        for p, b, t in zip(plains, bold, texts, strict=True)
    ]
    described = [bold[i] and i + 1 < len(texts) and body[i + 1] for i in range(len(texts))]
    terms: set[Any] = set()
    start = 0
    while start < len(texts):
        end = start
        while end < len(texts) and described[end]:
            end += 2  # a term, its description, the next term…
        if end - start >= 2 * _RUN:
            terms.update(item._p for item in texts[start:end:2] if isinstance(item, Paragraph))
        start = end + 1 if end > start else start + 1
    return terms


def style_name(paragraph: Item) -> str:
    """The name of a paragraph's style in lower case ("" for a table or none)."""
    style = style_of(paragraph) if isinstance(paragraph, Paragraph) else None
    return (style.name or "").lower() if style is not None else ""


def _bold_alone(paragraph: Paragraph) -> bool:
    """A short line, no list item, every run of it with letters or digits set in bold; not a
    field and its value ("State standard: 6c") nor a label ending in a colon."""
    text = prose(paragraph.text)
    if not text or len(text.split()) > _TERM_WORDS or paragraph._p.xpath("./w:pPr/w:numPr"):
        return False
    if FIELD.match(text) or text.endswith((":", ",", ";")):
        return False
    return all_bold(paragraph)


def all_bold(paragraph: Paragraph) -> bool:
    """Whether every run of ``paragraph`` that writes a letter or digit is bold (one at least)."""
    runs = [
        run
        for run in paragraph._p.xpath(_OWN_RUNS)
        if any(ch.isalnum() for ch in "".join(run.xpath("./w:t/text()")))
    ]
    return bool(runs) and all(is_bold(run) for run in runs)


def is_bold(run: Any) -> bool:
    """Whether a run (``w:r``) is set bold, not switched off (``w:val=\"0\"``)."""
    values = run.xpath("./w:rPr/w:b/@w:val")
    return bool(run.xpath("./w:rPr/w:b")) and not (values and values[0] in _OFF)
