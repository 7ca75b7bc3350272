"""Whether a Word document's properties name another document: :func:`stray_title`.

A document made from another one, or from a template, keeps that one's title in its properties:
datos.gob.es's report "Inteligencia Artificial" (its cover: "Inteligencia Artificial" /
"TECNOLOGÍAS EMERGENTES Y DATOS ABIERTOS" / "Enero 2020") says "Cómo los datos abiertos pueden
impulsar el sector agrícola y forestal", the report of the series it was made from, and every
citation of it said so. As the PDF and OpenDocument readers weigh theirs, the properties' title
stands when the document prints it anywhere (a line or a run of lines of its own, inside a line,
or its words apart), and when its first page prints no title in a title or heading style (a
cover of pictures, a memo: nothing to weigh it against), and when that title says half of it or
it half of that one; otherwise the first page's title is the document's. The first page ends at
its page or section break (or a table of contents); a document breaking no page early has none.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from docx.document import Document
from docx.oxml.ns import qn

from retrieval.ingest.readers.common import half_said, prose, said_in_order, title_words

_COVER_ITEMS = 25  # a first page ends within so many paragraphs and tables, or is no cover
_APART_WORDS = 3  # fewer words may be any page's ("User Manual")


def stray_title(word: Document, stated: str) -> bool:
    """Whether the properties' title (``stated``) is another document's (see the module)."""
    if not stated:
        return False
    lines = [title_words(line) for line in _lines(word)]
    words = title_words(stated)
    folded = " ".join(words)
    if said_in_order(words, lines) or any(folded in " ".join(line) for line in lines):
        return False
    if len(set(words)) >= _APART_WORDS and set(words) <= {w for line in lines for w in line}:
        return False
    printed = _cover_title(word)
    if not printed:
        return False
    return not half_said(set(title_words(printed)), set(words))


def _lines(word: Document) -> Iterator[str]:
    """Every paragraph's text: the body's (in tables and text boxes too), headers' and footers'."""
    parts = [word.element.body]
    for section in word.sections:
        for part in (section.header, section.footer, section.first_page_header):
            if not part.is_linked_to_previous:
                parts.append(part._element)
    for part in parts:
        for paragraph in part.iter(qn("w:p")):
            if text := _text(paragraph):
                yield text


def _text(paragraph: Any) -> str:
    """A paragraph's own text, without the paragraphs of text boxes anchored in it."""
    runs = [t.text or "" for t in paragraph.iter(qn("w:t")) if _owner(t) is paragraph]
    return prose("".join(runs))


def _owner(element: Any) -> Any:
    """The paragraph holding ``element`` nearest to it."""
    parent = element.getparent()
    while parent is not None and parent.tag != qn("w:p"):
        parent = parent.getparent()
    return parent


def _cover_title(word: Document) -> str:
    """The first line of the first page set in the Title style or a heading style, "" when
    there is none or the document breaks no page within its first items."""
    names = _style_names(word)
    found = ""
    for index, item in enumerate(word.element.body.iterchildren()):
        if index >= _COVER_ITEMS or _contents(item, names):
            return ""
        found = found or _title_in(item, names)
        if _page_ends(item):
            return found
    return ""


def _title_in(item: Any, names: dict[str, str]) -> str:
    """The first line of text in ``item`` set in the Title style or a heading style; "" when
    there is none."""
    for paragraph in item.iter(qn("w:p")):  # a text box's too: a cover's title often is
        name = _style(paragraph, names)
        if name != "title" and not name.startswith("heading "):
            continue
        # its own text, or its text boxes' first line (a heading of boxes alone)
        if text := next(filter(None, map(_text, paragraph.iter(qn("w:p")))), ""):
            return text
    return ""


def _page_ends(item: Any) -> bool:
    """Whether the page turns in or after ``item``: a page break, a section's end."""
    breaks = any(br.get(qn("w:type")) == "page" for br in item.iter(qn("w:br")))
    return breaks or item.find(f"./{qn('w:pPr')}/{qn('w:sectPr')}") is not None


def _style_names(word: Document) -> dict[str, str]:
    """Each paragraph style's name by its id, read from the XML: python-docx's styles refuse a
    style without a type, which some writers leave."""
    try:
        styles = word.styles.element
    except (KeyError, ValueError):
        return {}
    names: dict[str, str] = {}
    for style in styles.iter(qn("w:style")):
        name = style.find(qn("w:name"))
        if name is not None:
            names[str(style.get(qn("w:styleId")))] = str(name.get(qn("w:val")) or "").lower()
    return names


def _style(paragraph: Any, names: dict[str, str]) -> str:
    """The name of a paragraph's style in lower case ("heading 2" for Spanish Word's "Ttulo2")."""
    style = paragraph.find(f"./{qn('w:pPr')}/{qn('w:pStyle')}")
    return names.get(str(style.get(qn("w:val"))), "") if style is not None else ""


def _contents(item: Any, names: dict[str, str]) -> bool:
    """Whether ``item`` opens a table of contents (a content control Word fills with one, or a
    paragraph in a "toc 1" style)."""
    if item.tag == qn("w:sdt") and item.find(f".//{qn('w:docPartGallery')}") is not None:
        return True
    return item.tag == qn("w:p") and _style(item, names).startswith("toc")
