"""The reader of Word ``.docx`` files, with python-docx.

The body is read in document order: paragraphs in a heading style (Heading 1…9, or a custom style
with an outline level) become sections, nested by their levels (so does a short line set in
bold alone, in a document that styles its other headings), the Title style the title, list
items and other paragraphs paragraphs, and tables one block per row with the row's cells
together; a text box is read after the paragraph it is anchored in. Headers and footers are not
part of the body, so no running header reaches a passage. Runs of paragraphs in a code style
("Code", "HTML Preformatted", any style set in a fixed-pitch font) are code blocks, with the
paragraph introducing them; short bold lines each over one paragraph of its own, as a list of
command-line options is laid out, are terms read with their descriptions (see
:mod:`retrieval.ingest.readers.docxcode`). Footnotes and endnotes are paragraphs of their own right
after the paragraph (or list item, or table) holding their marks; comments are not read (see
:mod:`retrieval.ingest.readers.docxnotes`).
"""

from __future__ import annotations

import datetime as dt
import io
import itertools
import re
import statistics
import textwrap
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import docx
import lxml.etree
from docx.document import Document
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.exceptions import PackageNotFoundError
from docx.oxml.ns import qn
from docx.table import Table
from docx.text.paragraph import Paragraph

from retrieval.errors import DocumentError
from retrieval.ingest.dates import iso_date
from retrieval.ingest.parsed import Block, ParsedDocument
from retrieval.ingest.readers.chapters import is_capitals
from retrieval.ingest.readers.common import (
    Outline,
    attach_code,
    author_names,
    code_text,
    fallback_title,
    is_header,
    is_placeholder_title,
    open_zip,
    prose,
    table_blocks,
    termed,
)
from retrieval.ingest.readers.docxboxes import boxed_cells
from retrieval.ingest.readers.docxcaptions import captions_of
from retrieval.ingest.readers.docxcode import (
    FIELD,
    all_bold,
    code_styles,
    described_terms,
    style_name,
    style_of,
)
from retrieval.ingest.readers.docxlists import markers_of, numbering_of
from retrieval.ingest.readers.docxnotes import NoteKey, notes_of, references
from retrieval.ingest.readers.docxpackage import readable
from retrieval.ingest.readers.docxplaceholders import drop_placeholders
from retrieval.ingest.readers.docxtitle import stray_title
from retrieval.ingest.readers.sniff import ENCRYPTED_PACKAGE, OLE

_HEADING_STYLE = re.compile(r"^(?:heading|titre|überschrift|título|titolo|заголовок)\s*\d$", re.I)
_TITLE_STYLES = frozenset({"title"})
# The content of runs that show: not deleted, not moved away, not inside a text box.
# ``{boxes}``: how many text boxes the element read is itself inside (a paragraph of a box).
# A form's check box (a legacy form field) is read as the box it shows, ticked or not.
# Compiled once: a document of 16,000 paragraphs spent most of its time compiling it again.
_VISIBLE_RUN_CONTENT = lxml.etree.XPath(
    ".//w:r[not(ancestor::w:del) and not(ancestor::w:moveFrom)"
    " and count(ancestor::w:txbxContent) = $boxes]"
    "/*[self::w:t or self::w:tab or self::w:br or self::w:cr or self::w:noBreakHyphen"
    " or self::w:fldChar[w:ffData/w:checkBox]]",
    namespaces={"w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main"},
)
_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
# What holds rows or cells, where a content control may stand for some of them.
_ROW_HOLDERS = frozenset({qn("w:tbl"), qn("w:tr"), qn("w:sdtContent")})
_EMPTY_BOXES = re.compile(r"[☐\s]*☐[☐\s]*")
_RUN_MARKS = {"tab": "\t", "br": "\n", "cr": "\n", "noBreakHyphen": "-"}
# When python-docx's own template, which a generated file keeps unless told otherwise, was made.
_PYTHON_DOCX_TEMPLATE = dt.datetime(2013, 12, 23, 23, 15, tzinfo=dt.UTC)
_NOTE_LABELS = frozenset(
    {"note", "tip", "hint", "warning", "caution", "important", "danger", "attention", "example"}
)
# A full stop ending a sentence, not an ellipsis nor an initial ("… U.S.").
_SENTENCE_END = re.compile(r"[^.\s]{2}\.$")
# The verbs an instruction to the reader opens with (a template's "LIST HERE SPECIFIC PLANS.").
_INSTRUCTION_VERBS = frozenset(
    "add ask attach browse check choose click complete define delete describe discuss enter "
    "explain fill give identify include indicate insert list name note outline provide read "
    "refer remove replace review run see select show specify state summarize summarise try type "
    "use write".split()
)
# A word after the first that makes it a noun, not an order: "Use of Funds", "Review of Fees"
# (not "and": "Try and leave 45m for the exercise." is an order).
_NOUN_AFTER = frozenset({"of"})
_SYMBOL_BULLET = re.compile(r"^[\uf000-\uf0ff][^\S\n]+", re.MULTILINE)
_MERGED_LABEL_WORDS = 12  # a cell merged over rows, longer than this, is read in its first only
_NAME_WORDS = 6  # a line in bold alone this short, over a longer paragraph, names a part
_LABEL_WORDS = 6  # a row of one cell this short over rows of several is their label
_STACKED_WORDS = 8  # a cell line this short is a label or a figure, no paragraph
# A cell holding more text than this, in several paragraphs, is a page laid out in a table (a
# journal article pasted from the web into a one-cell frame), not a cell of data: quoted as a
# row, it made one passage of 46,000 characters.
_PAGE_CELL_CHARS = 6_000  # four passages (passages.MAX_PASSAGE_CHARS)
_PAGE_CELL_PARAGRAPHS = 4
# The styles of what Word generates from the text: a table of contents ("toc 1"), of figures or
# of authorities (a brief's cases), an index ("index 2").
_GENERATED = re.compile(r"^(?:toc|table of (?:figures|authorities)$|index \d$)")
_SKIPPED_STYLES = frozenset({"subtitle", "toc heading", "header", "footer", "caption"})
# A house style named as a heading ("Section Heading", "Body copy heading"), not one of Word's
# own styles of that name for other things.
_NAMED_HEADING = re.compile(r"^(?!(?:toc|index|note|table\b.*) heading$).*\bheading$")


@dataclass
class _Walk:
    document: ParsedDocument
    section: str | None = None
    title_from_style: bool = True
    outline: Outline = field(default_factory=Outline)  # the headings above the section
    # The level of a paragraph set in bold alone taken as a heading (the document's top heading
    # level), ``None`` in a document using no heading style, where bold lines stay text.
    bold_level: int | None = None
    bold_first: bool = False  # the first paragraph is a line in bold alone (see _bold_title)
    before_text: set[Any] = field(default_factory=set)  # see _before_text
    house: dict[str, int] = field(default_factory=dict)  # see _house_levels
    code_styles: frozenset[str] = frozenset()  # see docxcode.code_styles
    code: list[str] = field(default_factory=list)  # the lines of the code being gathered
    intro: int | None = None  # the paragraph right before, which may introduce code
    terms: set[Any] = field(default_factory=set)  # see docxcode.described_terms
    term: str = ""  # a term waiting for its description
    notes: dict[NoteKey, str] = field(default_factory=dict)  # see docxnotes.notes_of
    # The notes whose marks were read, waiting for the end of the paragraph, list or table
    # holding them (see _release_notes).
    pending: list[NoteKey] = field(default_factory=list)
    noted: set[NoteKey] = field(default_factory=set)
    markers: dict[Any, str] = field(default_factory=dict)  # see docxlists.markers_of
    captions: dict[Any, str] = field(default_factory=dict)  # see docxcaptions.captions_of


def read_docx(data: bytes, path: Path) -> ParsedDocument:
    """The reader of ``.docx`` files."""
    word = _open(data, path)
    title, date, author = _properties(word)
    title = "" if stray_title(word, title) else title  # another document's (see docxtitle)
    document = ParsedDocument(title=title, date=date, author=author)
    drop_placeholders(word)  # before row controls lose their marks (see _unwrap_row_controls)
    _unwrap_row_controls(word.element.body)
    items = list(_body(word.element.body, word._body))
    level = _top_level(items)
    walk = _Walk(document, title_from_style=not title, bold_level=level or _bold_names(items))
    walk.outline.watch(document)
    walk.house = _house_levels(items)
    walk.before_text = _before_text(items, walk.house)
    walk.code_styles = code_styles(word, items)
    walk.terms = described_terms(items, walk.code_styles, lambda p: _plain(p, walk))
    walk.terms -= _capital_headings(items, walk)
    walk.notes = notes_of(word, text_of)
    walk.markers = markers_of(numbering_of(word), word.element.body)
    walk.captions = captions_of(items, text_of)
    for item in items:
        if isinstance(item, Table):
            _captioned_table(item, walk)
        else:
            _paragraph(item, walk)
    _flush(walk)
    _lone_term(walk)
    if all(block.note for block in document.blocks):
        # No text but notes: every line set as a title or heading (styles used for emphasis) is
        # the text, not the outline of a text that is not there; the first of them too, when
        # it was taken for the title ("Backups run every night" set in Heading 1), and so is a
        # document's one line, taken for its title (a diagram's label in a text box).
        lines = walk.outline.entered
        if not title and document.title:
            lines = [document.title, *lines]
        document.blocks[:0] = [Block(line) for line in lines]
    else:
        walk.outline.keep_last()
    _release_notes(walk)
    document.title = document.title or fallback_title(path)
    walk.outline.finish(document)
    return document


def _open(data: bytes, path: Path) -> Document:
    """The Word document in ``data``, or :class:`DocumentError` saying why it can't be read."""
    if data.startswith(OLE):
        if ENCRYPTED_PACKAGE in data:
            raise DocumentError(path, "encrypted")
        # A Word 97–2003 file, or PowerPoint's or Excel's: readers.sniff says which.
        raise DocumentError(path, "damaged: not a Word document")
    with open_zip(data, path, "a Word document") as archive:
        data = readable(archive) or data  # a Strict document, a template: names python-docx reads
    try:
        return docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, KeyError, ValueError, zipfile.BadZipFile) as error:
        raise DocumentError(path, "damaged: not a Word document") from error
    except Exception as error:  # lxml's XMLSyntaxError and friends: a broken part inside
        raise DocumentError(path, f"damaged: {type(error).__name__}") from error


def _properties(word: Document) -> tuple[str, str | None, str | None]:
    """The title and date the file's core properties give, ``""`` and ``None`` where they don't.

    python-docx invents properties when a file has none (Google Docs exports: title "Word
    Document", modified today), and its own template says "created 2013-12-23 by python-docx":
    neither is the document's.
    """
    try:
        word.part.package.part_related_by(RT.CORE_PROPERTIES)
        properties = word.core_properties
        made = properties.created or properties.modified
    except (KeyError, ValueError, lxml.etree.LxmlError):
        # None, two of them (which is the document's?), or a part or a date that can't be
        # read: the document is read as one without properties, not refused.
        return "", None, None
    author = author_names(properties.author)
    title = prose(properties.title or "")
    title = "" if is_placeholder_title(title) else title
    invented = properties.last_modified_by == "python-docx" and properties.created is None
    if invented or (properties.author == "python-docx" and made == _PYTHON_DOCX_TEMPLATE):
        return title, None, author
    return title, iso_date(made), author


def _body(element: Any, parent: Any) -> Iterator[Paragraph | Table]:
    """The paragraphs and tables of the body in order, including those inside content controls
    (``w:sdt``), where templates often put whole sections."""
    for child in element.iterchildren():
        if not isinstance(child.tag, str):
            continue  # an XML comment or processing instruction: no text of the document
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            yield Paragraph(child, parent)
        elif tag == "tbl":
            yield Table(child, parent)
        elif tag == "sdt":
            for content in child.iterchildren(qn("w:sdtContent")):
                yield from _body(content, parent)


def _unwrap_row_controls(body: Any) -> None:
    """Put the rows and cells that content controls hold in a table (a form's repeating section
    wraps its rows in one, a cell may be one) in their table, as Word shows them: python-docx
    reads a table's own rows and a row's own cells only, so their text was lost."""
    wrapped = [
        sdt
        for sdt in body.iter(qn("w:sdt"))
        if sdt.getparent() is not None and sdt.getparent().tag in _ROW_HOLDERS
    ]
    for sdt in reversed(wrapped):  # the innermost first: its content moves into the outer one
        parent = sdt.getparent()
        at = parent.index(sdt)
        content = sdt.find(qn("w:sdtContent"))
        parent.remove(sdt)
        for offset, child in enumerate(list(content) if content is not None else []):
            parent.insert(at + offset, child)


def _top_level(items: list[Paragraph | Table]) -> int | None:
    """The highest level (1 the top) of the heading styles the body's paragraphs use."""
    levels = [
        level
        for item in items
        if isinstance(item, Paragraph) and (level := _styled_level(style_of(item))) is not None
    ]
    return min(levels, default=None)


def _bold_names(items: list[Paragraph | Table]) -> int | None:
    """1 when a document with no heading styles heads its parts with short lines in bold
    alone, three or more ("Patrick", "Siobhan", "Annemarie and Keith" over a budget's cases,
    each case's text and table under its name); else None."""
    names = 0
    for item, after in itertools.pairwise(items):
        if not isinstance(item, Paragraph) or not isinstance(after, Paragraph):
            continue
        text = prose(text_of(item._p))
        if 0 < len(text.split()) <= _NAME_WORDS and not text.endswith((":", ".")):
            names += all_bold(item) and len(prose(text_of(after._p)).split()) > _NAME_WORDS
    return 1 if names >= 3 else None


def _house_levels(items: list[Paragraph | Table]) -> dict[str, int]:
    """The levels of the house heading styles the body uses ("Section Heading" over "Body copy
    heading"), under Word's own heading styles: in the order they first appear."""
    top = max(
        (lv for it in items if isinstance(it, Paragraph) and (lv := _heading_level(it, {}))),
        default=0,
    )
    levels: dict[str, int] = {}
    for item in items:
        if isinstance(item, Paragraph) and _heading_level(item, {}) is None:
            name = style_name(item)
            if _NAMED_HEADING.match(name) and name not in levels and prose(text_of(item._p)):
                levels[name] = top + len(levels) + 1
    return levels


def _before_text(items: list[Paragraph | Table], house: dict[str, int]) -> set[Any]:
    """The paragraph elements that text or a table follows, not a heading (nor the end)."""
    found: set[Any] = set()
    text_follows = False
    for item in reversed(items):
        if isinstance(item, Table):
            text_follows = True
        elif prose(text_of(item._p)):
            if text_follows:
                found.add(item._p)
            heading = _heading_level(item, house) is not None
            text_follows = not heading and style_name(item) not in _TITLE_STYLES
    return found


def _bold_heading(paragraph: Paragraph, text: str, walk: _Walk) -> bool:
    """Whether a paragraph in no heading style is a heading all the same: a short line set in
    bold alone (see :func:`_bold_line`) after some text (a bold legend above a handout is none)."""
    return bool(walk.document.blocks) and _bold_line(paragraph, text, walk)


def _bold_line(paragraph: Paragraph, text: str, walk: _Walk) -> bool:
    """A short line set in bold alone ("X\tATTACHMENTS" among "IX\tPROCEDURE" in Heading 1),
    in a document whose other headings have heading styles or are such lines, over text, and
    not a label that introduces what follows ("Procedure:") nor a list item."""
    if walk.bold_level is None or len(text.split()) > 10:
        return False
    if paragraph._p not in walk.before_text or FIELD.match(text):
        return False  # a heading heads text; "State standard: 6c" is a field and its value
    if text.lower().rstrip(":!") in _NOTE_LABELS:
        return False  # "Warning" over a paragraph labels a note, not what follows it
    if text.endswith((":", ",", ";")) or paragraph._p.xpath("./w:pPr/w:numPr"):
        return False
    if _sentence(text):
        return False  # a template's instruction, "LIST HERE SPECIFIC PLANS.", heads nothing
    return all_bold(paragraph)


def _sentence(text: str) -> bool:
    """Whether a line is an instruction, not a heading's name: a sentence of four words or more,
    ending in a full stop, led by a verb telling the reader what to do ("DESCRIBE HERE YOUR
    FINANCIAL INSTITUTION’S PRIMARY FUNDING SOURCES.", set in bold over the paragraphs a template
    asks for; "Ask students for test cases." in a teacher's notes). A headline in bold that is a
    sentence ("Moody’s присвоило «ОмскВодоканалу» рейтинг Caa1.") still heads its story."""
    words = text.split()
    if len(words) < 4 or not _SENTENCE_END.search(text):
        return False
    # "Use of Funds and Equipment.", "Review of Applications.": the verb's noun, naming a part
    return words[0].casefold() in _INSTRUCTION_VERBS and words[1].casefold() not in _NOUN_AFTER


def _capital_headings(items: list[Paragraph | Table], walk: _Walk) -> set[Any]:
    """The terms (see docxcode.described_terms) that are headings: lines in capitals, in a
    document where other lines in capitals and bold alone head sections. A policy's "PURPOSE",
    "POLICY STATEMENT", each over one paragraph, were labels of that paragraph while
    "RESPONSIBILITY" further down headed its section: one document's alike lines read alike,
    and the list under "POLICY STATEMENT" had no section."""
    if walk.bold_level is None or not walk.terms:
        return set()
    capitals = {
        item._p
        for item in items
        if isinstance(item, Paragraph)
        and is_capitals(text := prose(text_of(item._p)))
        and _plain(item, walk)
        and _bold_line(item, text, walk)
    }
    if not capitals - walk.terms:
        return set()  # no line in capitals heads a section: a list of terms ("ACH", "ALCO")
    return capitals & walk.terms


def _heading_level(paragraph: Paragraph, house: dict[str, int]) -> int | None:
    """The level (1 the top) of a paragraph in a heading style: "Heading 2" is at level 2, a
    style at Word's outline level 1 too, and so is a custom style built on "Heading 2" (a
    manual's "DSTOC1-2", set as its headings, whose outline level hides it from the contents);
    a house heading style at the level ``house`` gives it."""
    named = _styled_level(style_of(paragraph), chain=False)
    if named is not None:
        return named
    outline = _outline_level(paragraph)
    if outline is not None:
        return outline + 1
    return _styled_level(style_of(paragraph)) or house.get(style_name(paragraph))


def _styled_level(style: Any, chain: bool = True) -> int | None:
    """The level of the heading style ``style`` is, or (``chain``) is built on."""
    for _ in range(10 if chain else 1):
        if style is None:
            return None
        name = (style.name or "").lower()
        if _HEADING_STYLE.match(name):
            return int(name[-1])
        style = style.base_style
    return None


def _outline_level(paragraph: Paragraph) -> int | None:
    """The outline level Word gives the paragraph (0 for a top heading), set on it or its style."""
    element: Any = paragraph._p
    values = element.xpath("./w:pPr/w:outlineLvl/@w:val")
    style = style_of(paragraph)
    if not values and style is not None:
        values = style.element.xpath("./w:pPr/w:outlineLvl/@w:val")
    level = int(values[0]) if values and str(values[0]).isdigit() else None
    return level if level is not None and level < 9 else None  # 9 means "body text"


def text_of(element: Any) -> str:
    """The text of a paragraph (or cell) element as Word shows it with changes accepted.

    python-docx's ``.text`` skips runs inside tracked insertions (``w:ins``); here every run
    counts except deleted or moved-away ones, and a text box's runs are left to the box itself.
    """
    pieces: list[str] = []
    boxes = sum(1 for _ in element.iterancestors(qn("w:txbxContent")))
    for node in _VISIBLE_RUN_CONTENT(element, boxes=boxes):
        tag = node.tag.rsplit("}", 1)[-1]
        if tag == "t":
            pieces.append(node.text or "")
        elif tag == "fldChar":
            pieces.append("☒" if _ticked(node) else "☐")
        else:
            pieces.append(_RUN_MARKS.get(tag, ""))
    text = "".join(pieces)
    # Empty boxes alone, their labels elsewhere (a column of boxes beside the choices): nothing
    # chosen and nothing named, they would only stand as lines of "☐" in a passage.
    return "" if _EMPTY_BOXES.fullmatch(text) else text


def _ticked(field_start: Any) -> bool:
    """Whether a form's check box is ticked: its ``w:checked`` state, else its default."""
    box = field_start.find(f"{qn('w:ffData')}/{qn('w:checkBox')}")
    for state in (box.find(qn("w:checked")), box.find(qn("w:default"))):
        if state is not None:
            return state.get(qn("w:val"), "1") in ("1", "true", "on")
    return False


def _paragraph(paragraph: Paragraph, walk: _Walk) -> None:
    _own_text(paragraph, walk)
    _hold_notes(paragraph._p, walk)
    _boxes(_text_boxes(paragraph._p), paragraph._parent, walk)


def _boxes(boxes: list[Any], parent: Any, walk: _Walk) -> None:
    """The paragraphs of text boxes, read in order."""
    for box in boxes:
        before = len(walk.document.blocks)
        for item in _body(box, parent):
            if isinstance(item, Paragraph):
                _paragraph(item, walk)
        _box_title(walk, before)


def _box_title(walk: _Walk, before: int) -> None:
    """A text box before any text, holding one short line, is the title of a document that has
    none in its properties or styles ("IGCSE Drama Glossary" floating above a glossary table)."""
    blocks = walk.document.blocks
    if before or len(blocks) != 1 or not walk.title_from_style or walk.section is not None:
        return
    line = blocks[0].text
    if len(line.split()) <= 12 and "\n" not in line and not line.endswith((".", ":", ";", ",")):
        walk.document.title, walk.title_from_style = line, False
        blocks.pop()


def _text_boxes(element: Any) -> list[Any]:
    """The text boxes anchored in a paragraph (a title or a note set in a floating box), each
    once: Word writes a box twice, as a drawing and as a VML fallback for old readers."""
    return [
        box
        for box in element.iter(qn("w:txbxContent"))
        if not any(ancestor.tag == _FALLBACK for ancestor in box.iterancestors())
    ]


def _plain(paragraph: Paragraph, walk: _Walk) -> bool:
    """Whether a paragraph is in no heading nor title style (body text, or a bold line)."""
    style = style_name(paragraph)
    return style not in _TITLE_STYLES and _heading_level(paragraph, walk.house) is None


def _flush(walk: _Walk) -> None:
    """Add the code gathered so far, with the paragraph right before it as its introduction."""
    code = code_text(textwrap.dedent("\n".join(walk.code).replace("\xa0", " ")).strip("\n"))
    if code.strip():
        attach_code(walk.document, code, walk.section, walk.intro)
    walk.code, walk.intro = [], None


def _own_text(paragraph: Paragraph, walk: _Walk) -> None:
    if paragraph._p in walk.captions:
        return  # a table's caption: it heads the table's rows
    if style_name(paragraph) in walk.code_styles:
        walk.code.append(text_of(paragraph._p))  # a blank line of the code too
        return
    # A bullet typed in the Symbol or Wingdings font is a character of their private range
    # (U+F0B7), which shows as a box or nothing anywhere else: it is read as the bullet it is.
    text = _SYMBOL_BULLET.sub("• ", prose(text_of(paragraph._p)))
    if not text:
        return
    if _typed_bullet(paragraph._p):
        text = f"• {text}"
    _flush(walk)
    if not walk.term:
        _release_notes(walk)  # the paragraph (or list item, or table) holding their marks is over
    if paragraph._p in walk.terms:
        walk.term = text
        return
    if not _plain(paragraph, walk):
        _lone_term(walk)
    _styled_text(paragraph, text, walk)


def _listed(paragraph: Paragraph) -> bool:
    """Whether a paragraph is an item of a list: numbered, in a list style, or led by a bullet
    typed in a symbol font (see :func:`_typed_bullet`)."""
    if paragraph._p.xpath("./w:pPr/w:numPr") or style_name(paragraph).startswith("list"):
        return True
    return _typed_bullet(paragraph._p) or bool(_SYMBOL_BULLET.match(text_of(paragraph._p)))


def _typed_bullet(element: Any) -> bool:
    """Whether a paragraph opens with a symbol inserted from a symbol font (``w:sym``, Insert ›
    Symbol: Wingdings' dot) and a tab: a list's bullet typed by hand, which Word shows as one
    and python-docx's text leaves out (a policy's list of abusive conduct, each item "" then
    a tab, read as paragraphs of no list)."""
    first = element.xpath("./w:r/w:sym | ./w:r/w:t | ./w:r/w:tab")[:2]
    return [node.tag.rsplit("}", 1)[-1] for node in first] == ["sym", "tab"]


def _hold_notes(element: Any, walk: _Walk) -> None:
    """The notes marked in ``element`` wait for the end of what holds it (see
    :mod:`retrieval.ingest.readers.docxnotes`); each note is read once."""
    if not walk.notes:
        return  # most documents have none: no paragraph is searched for marks
    for key in references(element):
        if key in walk.notes and key not in walk.noted:
            walk.noted.add(key)
            walk.pending.append(key)


def _release_notes(walk: _Walk) -> None:
    """The notes waiting, each a paragraph of its own in the section their marks stand in."""
    for key in walk.pending:
        walk.document.add(walk.section, walk.notes[key], note=True)
    walk.pending = []


def _lone_term(walk: _Walk) -> None:
    """A term nothing described (a heading or a table came next) is a paragraph of its own."""
    if walk.term:
        walk.document.add(walk.section, walk.term)
        walk.term = ""


def _styled_text(paragraph: Paragraph, text: str, walk: _Walk) -> None:
    """A paragraph of text as its style makes it: the title, a heading, or a paragraph."""
    style = style_name(paragraph)
    if style in _TITLE_STYLES:
        if walk.title_from_style:
            # The title heads the whole document: no heading before it is open any more.
            walk.document.title, walk.title_from_style = text, False
            walk.section = walk.outline.close(1)
        else:
            walk.section = walk.outline.enter(1, text)
        return
    depth = _heading_level(paragraph, walk.house)
    # A long sentence is a paragraph, whatever outline level its style happens to carry.
    if depth is not None and len(text.split()) <= 15:
        top = depth == 1
        if top and walk.title_from_style and not walk.document.blocks and walk.section is None:
            # A first top-level heading before any text names the whole document.
            walk.document.title, walk.title_from_style = text, False
        else:
            walk.section = walk.outline.enter(depth, text)
        return
    if _GENERATED.match(style) or (style in _SKIPPED_STYLES and len(text.split()) < 4):
        # A table of contents repeats the headings, with page numbers; a table of figures
        # the captions ("Figure 9 Proportion of land area by Landslide hazard band 26"); an
        # index its words: none is text of its own, and each outranked the text it points at.
        return
    if walk.bold_level is not None and _bold_heading(paragraph, text, walk):
        _bold_title(walk)
        walk.section = walk.outline.enter(walk.bold_level, text)
        return
    text, walk.term = termed(walk.term, text), ""
    marker = walk.markers.get(paragraph._p, "")  # "2.", "a.", "•": where in which list
    if marker and not text.startswith(marker):
        text = f"{marker} {text}"
    if not walk.document.blocks and walk.section is None:
        walk.bold_first = _bold_line(paragraph, text, walk)
    walk.document.add(walk.section, text, item=_listed(paragraph))
    walk.intro = len(walk.document.blocks) - 1


def _bold_title(walk: _Walk) -> None:
    """A line in bold alone that opens the document and heads only the headings set as such
    lines after it ("ABUSIVE MEMBER POLICY" over "COMPLIANCE STATEMENT", "PURPOSE", …) is the
    document's title, as the Title style's would be; a passage of its own, it said nothing."""
    blocks = walk.document.blocks
    if not walk.bold_first or len(blocks) != 1 or walk.section is not None:
        return
    walk.bold_first = False
    line = blocks[0].text
    if walk.title_from_style:
        walk.document.title, walk.title_from_style = line, False
        blocks.pop()
    elif _words(line) == _words(walk.document.title):
        blocks.pop()  # the title the properties give, again (another line is kept)


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text.casefold())


def _captioned_table(table: Table, walk: _Walk) -> None:
    """A table of the body, its rows under its caption when it has one (see docxcaptions)."""
    caption = walk.captions.get(table._tbl)
    if not caption:
        _table(table, walk)
        return
    _flush(walk)  # what comes before the table stays in its own section
    _lone_term(walk)
    _release_notes(walk)
    section, walk.section = walk.section, walk.outline.beneath(caption)
    _table(table, walk)
    walk.section = section


def _table(table: Table, walk: _Walk) -> None:
    """A table as one block per row; a table of one column is a box of paragraphs.

    A row whose cells hold tables of their own is layout, as in forms and work procedures built
    of tables in tables: its cells are read in order like a body, each inner table row by row;
    so is a row with a heading in a cell (a sidebar's "Overview" over its paragraphs), and one
    with a page of text in a cell (:func:`_page`).
    """
    _flush(walk)
    _lone_term(walk)
    _release_notes(walk)
    # A text box anchored in a cell (a title floating over a table) is read before the table.
    boxes = _text_boxes(table._tbl)
    _boxes(
        [b for b in boxes if next(b.iterancestors(qn("w:tbl"))) is table._tbl], table._parent, walk
    )
    rows: list[list[str]] = []
    # python-docx repeats a vertically merged cell in each row it spans. A set of the cells'
    # elements (held, so lxml keeps each one's proxy): a list scanned for every cell made a
    # 3,000-row table take five times as long.
    walked: set[Any] = set()
    # A box drawn down a column of cells (a form's "Attach photo here" / "size: …") is one.
    drawn = boxed_cells(table, _cell_text)
    for row in table.rows:
        cells = _unique_cells(row)
        if not any(_inner_tables(cell) or _headed(cell, walk) or _page(cell) for cell in cells):
            rows.append(["" if c._tc in drawn else _merged_text(c, walked) for c in cells])
            # The box is read once, as a row of its own after the row it starts in.
            rows.extend([drawn[c._tc]] for c in cells if drawn.get(c._tc))
            for cell in cells:
                _hold_notes(cell._tc, walk)
            continue
        _add_rows(rows, walk)
        rows = []
        for cell in cells:
            if cell._tc in walked:
                continue
            walked.add(cell._tc)
            for item in _body(cell._tc, cell):
                if isinstance(item, Table):
                    _table(item, walk)
                else:
                    _paragraph(item, walk)
    _add_rows(rows, walk)


def _headed(cell: Any, walk: _Walk) -> bool:
    """Whether a cell holds a paragraph in a heading style, and more paragraphs of text: a box
    of the layout, not a cell of data (a table's header cell is one line alone)."""
    paragraphs = [p for p in cell.paragraphs if prose(text_of(p._p))]
    return len(paragraphs) > 1 and any(
        _heading_level(p, walk.house) is not None for p in paragraphs
    )


def _page(cell: Any) -> bool:
    """Whether a cell holds a page of text (:data:`_PAGE_CELL_CHARS`) in several paragraphs."""
    paragraphs = [text_of(p._p) for p in cell.paragraphs]
    return (
        sum(map(len, paragraphs)) > _PAGE_CELL_CHARS
        and sum(1 for text in paragraphs if text.strip()) >= _PAGE_CELL_PARAGRAPHS
    )


def _merged_text(cell: Any, walked: set[Any]) -> str:
    """A cell's text in its row. A cell merged down over several rows is repeated by
    python-docx in each: a label ("High Band") names every row it spans, but a longer text (a
    sidebar laid out beside the body) is read once, in the row where it starts."""
    text = _cell_text(cell)
    if cell._tc in walked:
        return text if len(text.split()) <= _MERGED_LABEL_WORDS else ""
    walked.add(cell._tc)
    return text


def _add_rows(rows: list[list[str]], walk: _Walk) -> None:
    if not rows:
        return
    if max(len(row) for row in rows) == 1:
        for row in rows:
            for cell in row:
                for paragraph in cell.split("\n"):
                    if prose(paragraph):
                        walk.document.add(walk.section, prose(paragraph))
        return
    rows = [line for row in rows for line in _unstacked(row)]
    groups = _labelled_groups(rows)
    labels = _common_header(groups)
    if labels is not None:
        groups = groups[1:]
    for label, group in groups:
        header = not _is_key_value(group)
        # A label names its rows as a heading under those in force would: "Budget › Patrick ›
        # Study Endpoints", the document's title left out, as the outline says every section.
        section = walk.outline.beneath(label) if label else walk.section
        walk.document.blocks.extend(table_blocks(group, section, header=header, labels=labels))


def _common_header(groups: list[tuple[str | None, list[list[str]]]]) -> list[str] | None:
    """The header over a table's label rows ("Forecast 0-30 Days | Forecast 31-60 Days" above
    "Cash Inflows:" and its rows, "Cash Outflows:" and its rows), which labels the rows of every
    group: alone before the first label row, it was a row of its own, and the figures under
    it said nothing."""
    if len(groups) < 2 or groups[0][0] is not None or len(groups[0][1]) != 1:
        return None
    header = [prose(cell) for cell in groups[0][1][0]]
    rows = [[prose(cell) for cell in row] for _, group in groups[1:] for row in group]
    return header if is_header([header, *rows]) else None


def _labelled_groups(rows: list[list[str]]) -> list[tuple[str | None, list[list[str]]]]:
    """The table's rows in runs, each under the label row before it: a row of one short cell
    over rows of several ("Study Endpoints:" over "Primary: | Change in sCD14 …") names them,
    as a heading would, and says nothing as a row of its own."""
    groups: list[tuple[str | None, list[list[str]]]] = [(None, [])]
    filled_rows = [[text for cell in row if (text := prose(cell))] for row in rows]
    for index, (row, filled) in enumerate(zip(rows, filled_rows, strict=True)):
        after = filled_rows[index + 1] if index + 1 < len(rows) else []
        heads = len(after) >= 2 and len(rows) > 2
        if len(filled) == 1 and len(filled[0].split()) <= _LABEL_WORDS and heads:
            groups.append((filled[0].rstrip(":").rstrip(), []))
        else:
            groups[-1][1].append(row)
    return [(label, group) for label, group in groups if group]


def _unstacked(row: list[str]) -> list[list[str]]:
    """A row whose cells stack as many short lines each, a label or a figure a line ("Gross
    Income" / "PRSI" beside "17,542" / "437", as a budget's table is often typed), as a row per
    line: otherwise a figure is read far from its label ("Gross Income … PRSI | 17,542 … 437")."""
    stacks = [_lines(cell) for cell in row]
    filled = {len(stack) for stack in stacks if stack}
    short = all(len(line.split()) <= _STACKED_WORDS for stack in stacks for line in stack)
    if len(row) < 2 or len(filled) != 1 or min(filled) < 3 or not short:
        return [row]
    lines = [[stack[i] if stack else "" for stack in stacks] for i in range(min(filled))]
    return [line for line in lines if any(ch.isalnum() for cell in line for ch in cell)]


def _lines(cell: str) -> list[str]:
    """A cell's lines without the empty ones it ends with."""
    lines = cell.split("\n")
    while lines and not lines[-1].strip():
        lines.pop()
    return lines


def _is_key_value(rows: list[list[str]]) -> bool:
    """A two-column table of names and values ("Specific PPE | Safety harness"), as forms are
    laid out: its first row is a name and value like the others, not a header of labels."""
    names = [prose(row[0]) for row in rows if len(row) == 2]
    if len(names) != len(rows) or len(rows) < 2:
        return False
    if not all(any(ch.isalpha() for ch in name) and len(name.split()) <= 5 for name in names):
        return False
    # A header's label is short beside the values under it ("Term | Definition").
    first, values = len(rows[0][1].split()), [len(row[1].split()) for row in rows[1:]]
    return 2 * first >= statistics.mean(values)


def _unique_cells(row: Any) -> list[Any]:
    """A row's cells, a merged cell (repeated by python-docx in each grid column) once."""
    cells: list[Any] = []
    for cell in row.cells:
        if not any(cell._tc is other._tc for other in cells):
            cells.append(cell)
    return cells


def _inner_tables(cell: Any) -> list[Any]:
    tables: list[Any] = cell._tc.xpath("./w:tbl | ./w:sdt/w:sdtContent/w:tbl")
    return tables


def _cell_text(cell: Any) -> str:
    """A cell's paragraphs, one a line, those inside content controls too."""
    return "\n".join(
        _SYMBOL_BULLET.sub("• ", text_of(item._p))
        for item in _body(cell._tc, cell)
        if isinstance(item, Paragraph)
    )
