"""The reader of OpenDocument text (``.odt``, LibreOffice's own format), with zipfile and lxml.

No extra library is needed: an ``.odt`` is a zip whose ``content.xml`` holds the body in document
order. Headings (``text:h``) become sections, nested by their outline levels and numbered as the
outline style shows them ("5.2 Participant"), paragraphs and list items paragraphs (list items
marked as such, as Word's are), tables one block per row, and runs of paragraphs set in a fixed-
pitch font (the "Preformatted Text" style or any style using such a font) code blocks with the
paragraph that introduces them; so are boxes of code (a table of one cell, one paragraph a line,
see :mod:`retrieval.ingest.readers.odtcode`). A table's caption (a paragraph numbered by a sequence
field of tables, or in a caption style and starting "Table 1: …", right above or below it; see
:mod:`retrieval.ingest.readers.tablecaptions`) heads its rows, as a PDF table's does. Page headers
and footers live in ``styles.xml`` and are never read; tables of contents are skipped. A footnote
or an endnote (``text:note``, written inside the paragraph that carries its mark) is a paragraph of
its own right after that paragraph or list item (after the table or the listing holding it, never
inside a cell's text), under the same section, its number not read, as the Word reader reads them
(see :mod:`retrieval.ingest.readers.docxnotes`); comments (``office:annotation``) are reviewers'
remarks, not the text, and are not read.
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import lxml.etree

from retrieval.errors import DocumentError
from retrieval.ingest.dates import iso_date
from retrieval.ingest.parsed import ParsedDocument
from retrieval.ingest.readers.common import (
    Outline,
    attach_code,
    author_names,
    based_on,
    code_text,
    fallback_title,
    is_placeholder_title,
    open_zip,
    prose,
    table_blocks,
    zip_xml,
)
from retrieval.ingest.readers.odtcode import code_box, fixed_styles, local_name
from retrieval.ingest.readers.odtcover import Cover, cover, page_breaks, title_of
from retrieval.ingest.readers.odtlists import ListNumbers, list_numbers
from retrieval.ingest.readers.tablecaptions import Candidate, assign, of_tables

_NS = {
    "office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
    "style": "urn:oasis:names:tc:opendocument:xmlns:style:1.0",
    "text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
    "table": "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
    "meta": "urn:oasis:names:tc:opendocument:xmlns:meta:1.0",
    "dc": "http://purl.org/dc/elements/1.1/",
    "manifest": "urn:oasis:names:tc:opendocument:xmlns:manifest:1.0",
}
_TEXT_TYPES = (
    "application/vnd.oasis.opendocument.text",
    "application/vnd.oasis.opendocument.text-template",
)
_MEDIA_TYPE = re.compile(r"[\w.+-]+/[\w.+-]+")
# Boxes whose children are read as the body's own; indexes and declarations are not text.
_CONTAINERS = frozenset({"list", "list-item", "list-header", "section", "text-box", "frame"})
_DRAW = "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"
_BLOCKS = frozenset({"p", "h", "list", "table"})  # what a frame or a shape holds, as the body
_ASIDES = frozenset({"note", "annotation"})  # a note, read after its paragraph; a comment, never
_OWNERS = _BLOCKS | _ASIDES  # what an anchored frame's text belongs to (see _owner)
_SKIPPED_INLINE = frozenset({"note", "annotation", "frame", "bookmark-ref", "reference-ref"})


def _attr(element: Any, prefix: str, name: str) -> str:
    return str(element.get(f"{{{_NS[prefix]}}}{name}") or "")


@dataclass
class _Walk:
    document: ParsedDocument
    fixed: frozenset[str]  # names of the styles set in a fixed-pitch font (see odtcode)
    # Each table caption's paragraph → its table, each captioned table → the caption's text
    tables: dict[Any, Any]  # see _table_captions
    title_from_heading: bool = True
    section: str | None = None
    intro: int | None = None
    code: list[str] = field(default_factory=list)  # the listing being gathered, line by line
    outline: Outline = field(default_factory=Outline)  # the headings above the section
    notes: list[str] = field(default_factory=list)  # notes waiting for their paragraph's end
    listed: bool = False  # inside a list item
    numbers: ListNumbers = field(default_factory=ListNumbers)  # the lists' markers (odtlists)
    marker: str = ""  # the marker of the list item whose first paragraph is next
    cover: frozenset[Any] = frozenset()  # the first page's title, read as the title (odtcover)


def read_odt(data: bytes, path: Path) -> ParsedDocument:
    """The reader of ``.odt`` files."""
    with open_zip(data, path, "an OpenDocument text") as archive:
        _check(archive, path)
        content = zip_xml(archive, "content.xml", path)
        styles = zip_xml(archive, "styles.xml")
        meta = zip_xml(archive, "meta.xml")
    title = _meta(meta, "dc:title")
    roots = [root for root in (styles, content) if root is not None]
    body = content.find(".//office:body/office:text", _NS)
    page = Cover() if body is None else _cover(body, roots)
    title = title_of("" if is_placeholder_title(title) else prose(title), page)
    # The date it was last saved, as the text now reads; the creation date only without one: a
    # document made from another or from a template keeps that one's (the Fast RTPS manuals of
    # 2015-2016 were all "created" 2010-11-15 at 09:32).
    saved = _meta(meta, "dc:date") or _meta(meta, "meta:creation-date")
    document = ParsedDocument(title=title, date=iso_date(saved) if saved else None)
    # The file's creator, else the last to save it (ODF's dc:creator): a person's name, never an
    # account's ("jsmith", "Administrator").
    document.author = author_names(_meta(meta, "meta:initial-creator")) or author_names(
        _meta(meta, "dc:creator")
    )
    fixed, captions = _fixed_pitch_styles(roots), _styles_under(roots, {"Caption"})
    tables = _table_captions(content, captions)
    walk = _Walk(document, fixed, tables, not document.title, numbers=list_numbers(roots))
    walk.cover = frozenset(page.titles)
    walk.outline.watch(document)
    for body in content.iterfind(".//office:body/office:text", _NS):
        _walk(body, walk)
    _flush_code(walk)
    walk.outline.keep_last()
    _release_notes(walk)
    document.title = document.title or fallback_title(path)
    walk.outline.finish(document)
    return document


def _cover(body: Any, roots: list[Any]) -> Cover:
    """The first page of ``body`` (see :mod:`retrieval.ingest.readers.odtcover`)."""
    return cover(body, _styles_under(roots, {"Title"}), page_breaks(roots), _text)


def _check(archive: zipfile.ZipFile, path: Path) -> None:
    """Refuse a locked file, or a spreadsheet or drawing saved under a text document's name."""
    names = archive.namelist()
    if "mimetype" in names:
        kind = archive.read("mimetype").decode("ascii", "replace").strip()
        # An entry that names no type at all (a picture's bytes written over it) says nothing
        # the content can't: the file is read as a package without one.
        if kind not in _TEXT_TYPES and _MEDIA_TYPE.fullmatch(kind):
            raise DocumentError(path, f"damaged: not an OpenDocument text ({kind or 'no type'})")
    if "META-INF/manifest.xml" in names and b"encryption-data" in archive.read(
        "META-INF/manifest.xml"
    ):
        raise DocumentError(path, "encrypted")


def _meta(meta: Any, name: str) -> str:
    if meta is None:
        return ""
    found = meta.find(f".//{name}", _NS)
    return prose(found.text or "") if found is not None else ""


def _fixed_pitch_styles(roots: list[Any]) -> frozenset[str]:
    """Names of the styles set in a fixed-pitch font, directly or through a parent: those of
    paragraphs (a listing's lines) and those of runs (a box's code typed in a plain paragraph)."""
    return _styles_under(roots, fixed_styles(roots))


def _styles_under(roots: list[Any], bases: set[str]) -> frozenset[str]:
    """Names of the styles that are one of ``bases`` or inherit from one: LibreOffice's "Table"
    and "Illustration" caption styles are children of "Caption", and a paragraph's automatic
    style ("P3") a child of the style it was given."""
    parents: dict[str, str] = {}
    for root in roots:
        for style in root.iterfind(".//style:style", _NS):
            parents[_attr(style, "style", "name")] = _attr(style, "style", "parent-style-name")
    heirs = {name for name in parents if based_on(name, bases.__contains__, parents) is not None}
    return frozenset(heirs | bases)


def _text(element: Any) -> str:
    """An element's text as written: ``text:s`` spaces counted, tabs and line breaks kept, notes
    and annotations (read elsewhere, or not part of the sentence) left out."""
    parts = [element.text or ""]
    for child in element:
        name = local_name(child)
        if name == "s":
            parts.append(" " * int(_attr(child, "text", "c") or 1))
        elif name == "tab":
            parts.append("\t")
        elif name == "line-break":
            parts.append("\n")
        elif name and name not in _SKIPPED_INLINE:
            parts.append(_text(child))
        parts.append(child.tail or "")
    return "".join(parts)


def _walk(element: Any, walk: _Walk) -> None:
    for child in element:
        name = local_name(child)
        if name == "p" and _attr(child, "text", "style-name") in walk.fixed:
            walk.code.append(_text(child))
            _hold_notes(child, walk)
            continue
        boxed = name == "table" and child not in walk.tables
        if boxed and (lines := code_box(child, walk.fixed, _text)) is not None:
            _flush_code(walk)  # another listing: its own block
            walk.code = lines  # joins the sentence before it when flushed (_flush_code)
            _hold_notes(child, walk)
            continue
        if name == "p" and child in walk.tables:
            _hold_notes(child, walk)  # read with the table it captions
            continue
        if name in ("h", "p", "table"):
            _flush_code(walk)
            _release_notes(walk)
            _hold_notes(child, walk)
        if name == "h":
            written = _attr(child, "text", "outline-level")
            level = int(written) if written.isdigit() else 1
            # "5.2": a heading's number, as its list or else the outline style shows it
            number, walk.marker = walk.marker or walk.numbers.heading(child, level), ""
            _heading(prose(_text(child)), walk, level, number)
        elif name == "p":
            _paragraph(child, walk)
            listed, walk.listed = walk.listed, False  # a frame's caption is no list item
            _walk(_anchored(child), walk)
            walk.listed = listed
        elif name == "table":
            caption = walk.tables.get(child, "")
            section = walk.outline.beneath(caption) if caption else walk.section
            walk.document.blocks.extend(table_blocks(_rows(child), section))
            walk.intro = None
        elif name in _CONTAINERS:
            listed, walk.listed = walk.listed, walk.listed or name == "list-item"
            if name == "list-item":  # "2.", "a)", "•": which item of which list
                walk.marker = walk.numbers.marker(child)
            _walk(child, walk)
            walk.listed, walk.marker = listed, ""


def _table_captions(body: Any, captions: frozenset[str]) -> dict[Any, Any]:
    """Each table caption's paragraph mapped to the table it names, and each captioned table
    to its caption's text (see :mod:`retrieval.ingest.readers.tablecaptions`)."""
    candidates = []
    for paragraph in body.iter(f"{{{_NS['text']}}}p"):
        up, down = _beside(paragraph, "getprevious"), _beside(paragraph, "getnext")
        if (up is not None or down is not None) and _caption(paragraph, captions):
            candidates.append(Candidate(paragraph, up, down))
    found: dict[Any, Any] = {}
    for paragraph, table in assign(candidates).items():
        found[paragraph], found[table] = table, prose(_text(paragraph))
    return found


def _beside(paragraph: Any, step: str) -> Any:
    """The table right above (``step`` "getprevious") or below ("getnext") ``paragraph``, past
    empty paragraphs (a blank line set between a caption and its table), or None."""
    found = getattr(paragraph, step)()
    while found is not None and local_name(found) == "p" and not "".join(found.itertext()).strip():
        if next(found.iter(f"{{{_DRAW}}}*"), None) is not None:
            return None  # a picture's paragraph
        found = getattr(found, step)()
    return found if found is not None and local_name(found) == "table" else None


def _caption(element: Any, captions: frozenset[str]) -> bool:
    """Whether ``element`` is a table's caption: a paragraph with words, numbered by a sequence
    field of tables ("Tabelle <text:sequence text:name="Table">1</text:sequence>: …"), or in a
    caption style and starting with the word for tables."""
    text = prose(_text(element))
    if not text:
        return False
    fields = [
        _attr(sequence, "text", "name")
        for sequence in element.iterfind(".//text:sequence", _NS)
        if _owner(sequence) is element  # not a figure's, in a frame anchored in the paragraph
    ]
    return of_tables(fields, _attr(element, "text", "style-name") in captions, text)


def _anchored(paragraph: Any) -> list[Any]:
    """The paragraphs, lists and tables of the frames, text boxes and shapes anchored in
    ``paragraph`` (a figure's caption, a text box, a labelled drawing), in order: its own text
    leaves them out, and they are part of the page. Those of a note or of a frame inside them
    are left to that note or to their own paragraph."""
    found = []
    for element in paragraph.iterdescendants():
        if local_name(element) in _BLOCKS and _owner(element) is paragraph:
            found.append(element)
    return found


def _owner(element: Any) -> Any:
    """The nearest paragraph, heading, list, table, note or comment ``element`` is inside."""
    for ancestor in element.iterancestors():
        if local_name(ancestor) in _OWNERS:
            return ancestor
    return None


def _hold_notes(element: Any, walk: _Walk) -> None:
    """The notes written in ``element``, each as its paragraphs one a line, waiting for the
    paragraph (or table, or listing) to be read."""
    for note in element.iterfind(".//text:note", _NS):
        if _in_drawing(note, element):
            continue  # read with the frame or shape it is in (see _anchored)
        body = note.iterfind(".//text:note-body//*", _NS)
        lines = [line for p in body if local_name(p) in ("p", "h") and (line := prose(_text(p)))]
        if lines:
            walk.notes.append("\n".join(lines))


def _in_drawing(element: Any, outer: Any) -> bool:
    """Whether ``element`` is inside a frame or a shape (the drawing namespace) within ``outer``."""
    for ancestor in element.iterancestors():
        if ancestor is outer:
            return False
        if lxml.etree.QName(ancestor).namespace == _DRAW:
            return True
    return False


def _release_notes(walk: _Walk) -> None:
    for note in walk.notes:
        walk.document.add(walk.section, note, note=True)
    walk.notes = []


def _heading(text: str, walk: _Walk, level: int = 1, number: str = "") -> None:
    """A heading: the document's title (without its number), or the section it opens, named
    with its number as the page shows it ("5.2 Participant")."""
    walk.intro = None
    if not text:
        return
    if walk.title_from_heading and not walk.document.blocks and walk.section is None:
        walk.document.title, walk.title_from_heading = text, False
    elif text != walk.document.title:
        walk.section = walk.outline.enter(level, f"{number} {text}" if number else text)
    else:  # the title again heads no section, but ends those at its level and below
        walk.section = walk.outline.close(level)


def _paragraph(element: Any, walk: _Walk) -> None:
    text = prose(_text(element))
    style = _attr(element, "text", "style-name")
    if not text or style in ("Subtitle", "Contents_20_Heading") or element in walk.cover:
        return
    if style == "Title":
        _heading(text, walk)
        return
    if walk.marker:
        text, walk.marker = f"{walk.marker} {text}", ""
    walk.document.add(walk.section, text, item=walk.listed)
    walk.intro = len(walk.document.blocks) - 1


def _flush_code(walk: _Walk) -> None:
    if walk.code:
        attach_code(walk.document, code_text("\n".join(walk.code)), walk.section, walk.intro)
        walk.code, walk.intro = [], None


def _rows(table: Any) -> list[list[str]]:
    """A table's rows, header rows included, each the text of its cells (covered cells, the
    hidden part of a merged cell, left out; a note's or a comment's paragraphs too: a note is
    read after the table, a comment not at all)."""
    rows: list[list[str]] = []
    for row in table.iterfind(".//table:table-row", _NS):
        cells = row.iterfind("table:table-cell", _NS)
        rows.append([" ".join(_text(p) for p in _cell_paragraphs(cell)) for cell in cells])
    return rows


def _cell_paragraphs(cell: Any) -> list[Any]:
    return [
        p
        for p in cell.iterfind(".//text:p", _NS)
        if not any(local_name(a) in _ASIDES for a in p.iterancestors() if a is not cell)
    ]
