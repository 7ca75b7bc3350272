"""The reader of PowerPoint presentations (``.pptx``, and the show, template and macro variants
``.ppsx``, ``.potx``, ``.pptm``), with zipfile and lxml, as the OpenDocument reader reads its own.

A presentation is read slide by slide, in the order the presentation lists them (not the order
of the parts in the zip, where "slide10" may come before "slide2"). Each slide's title heads its
section; its other text boxes, in the order they were placed on the slide, are its paragraphs,
a bulleted line a list item (so a slide's bullets are quoted together, as a list is); a table is
read row by row, as in Word; SmartArt (a diagram of text boxes) is read as the list its points
are. The speaker's notes under a slide follow its text: they are often where the slide's short
lines are explained. Every block carries the slide's number as its page, so a citation names
the slide a reader turns to.

What the slide master stamps on every slide — the slide number, the date, the footer — is not
the slide's text, and is not read (it was the running header of a PDF). Charts, pictures and
embedded media hold no text a reader reads here.
"""

from __future__ import annotations

import posixpath
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import lxml.etree

from retrieval.errors import DocumentError
from retrieval.ingest.dates import iso_date
from retrieval.ingest.parsed import Block, ParsedDocument
from retrieval.ingest.readers.common import (
    author_names,
    fallback_title,
    is_placeholder_title,
    joined_lines,
    open_zip,
    prose,
    table_blocks,
    zip_xml,
)
from retrieval.ingest.readers.sniff import ENCRYPTED_PACKAGE, OLE

_NS = {
    "p": "http://schemas.openxmlformats.org/presentationml/2006/main",
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "rel": "http://schemas.openxmlformats.org/package/2006/relationships",
    "dgm": "http://schemas.openxmlformats.org/drawingml/2006/diagram",
    "cp": "http://schemas.openxmlformats.org/package/2006/metadata/core-properties",
    "dc": "http://purl.org/dc/elements/1.1/",
    "dcterms": "http://purl.org/dc/terms/",
}
_R_ID = f"{{{_NS['r']}}}id"
_NOTES = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/notesSlide"
# Placeholders the master fills in on every slide: the slide number, date, header and footer
# (and, on a notes page, the picture of the slide).
_FURNITURE = frozenset({"sldNum", "dt", "ftr", "hdr", "sldImg"})
_TITLES = frozenset({"title", "ctrTitle"})
# Placeholders whose paragraphs are bullets unless a paragraph says otherwise (a:buNone).
_BULLETED = frozenset({"body", "obj", ""})
# The title PowerPoint gives a new file's properties, which its writer never changed, in the
# languages its users write: "PowerPoint Presentation", "Folie 1" (a German deck's properties
# named it so), "Diapositiva 1", "Слайд 1", "幻灯片 1".
_PROGRAM_TITLE = re.compile(
    r"^(?:(?:powerpoint[- ])?(?:presentation|präsentation|presentación|présentation|презентация"
    r"|演示文稿)(?: (?:de |)powerpoint)?\s*\d*|(?:slide|folie|diapositiva|diapositive|слайд"
    r"|幻灯片)\s*\d+)$",
    re.I,
)


@dataclass
class _Slide:
    """What one slide says: its number, title, and blocks in reading order."""

    number: int
    title: str | None = None
    blocks: list[Block] = field(default_factory=list)


def read_pptx(data: bytes, path: Path) -> ParsedDocument:
    """Read a PowerPoint presentation: each slide's title a section, its text, tables and
    speaker's notes its paragraphs, its number their page."""
    if data.startswith(OLE):
        # An encrypted presentation is a Compound File around the package; so is PowerPoint
        # 97–2003's own format, which readers.sniff names.
        reason = "encrypted" if ENCRYPTED_PACKAGE in data else None
        raise DocumentError(path, reason or "damaged: not a PowerPoint presentation")
    with open_zip(data, path, "a PowerPoint presentation") as archive:
        slides, unread = _slides(archive, path)
        title, date, author = _properties(archive)
    document = ParsedDocument(title=title, date=date, author=author)
    document.unread = slides_unread(unread) if unread else None
    for slide in slides:
        document.blocks += slide.blocks
    opening = next((slide.title for slide in slides if slide.title), None)
    document.title = document.title or opening or fallback_title(path)
    return document


def _slides(archive: zipfile.ZipFile, path: Path) -> tuple[list[_Slide], list[int]]:
    """The slides read, and the numbers of those that could not be (a part missing or
    broken): one damaged slide costs that slide, not the deck; every one, the deck."""
    slides, unread, errors = [], [], []
    for number, part in _slide_parts(archive, path):
        try:
            slides.append(_slide(archive, part, number, path))
        except DocumentError as error:
            unread.append(number)
            errors.append(error)
    if errors and not slides:
        raise errors[0]
    return slides, unread


def slides_unread(numbers: list[int]) -> str:
    """Why some slides of a deck were left out, for the index report ("Read in part")."""
    if len(numbers) == 1:
        return SLIDE_UNREAD.format(slide=numbers[0])
    return SLIDES_UNREAD.format(slides=", ".join(map(str, numbers)))


SLIDE_UNREAD = "slide {slide} not read: damaged"
SLIDES_UNREAD = "slides {slides} not read: damaged"


def _slide_parts(archive: zipfile.ZipFile, path: Path) -> list[tuple[int, str]]:
    """The slides' parts in the order the presentation shows them, numbered from 1."""
    presentation = zip_xml(archive, "ppt/presentation.xml", path)
    targets = {id_: target for id_, _, target in _links(archive, "ppt/presentation.xml")}
    ids = list(presentation.iterfind("p:sldIdLst/p:sldId", _NS))
    if ids and not targets:  # the slides are listed, but where they are is lost
        raise DocumentError(path, "damaged: ppt/_rels/presentation.xml.rels is missing")
    parts = [targets.get(slide.get(_R_ID, "")) for slide in ids]
    return [(number, part) for number, part in enumerate(parts, 1) if part is not None]


def _links(archive: zipfile.ZipFile, part: str) -> list[tuple[str, str, str]]:
    """A part's relationships, each its id, its type and the path inside the zip of the part
    it points to (none when its relationships are missing or broken)."""
    folder, name = posixpath.split(part)
    root = zip_xml(archive, f"{folder}/_rels/{name}.rels")
    return [
        (
            rel.get("Id", ""),
            rel.get("Type", ""),
            posixpath.normpath(posixpath.join(folder, rel.get("Target", ""))),
        )
        for rel in ([] if root is None else root.iterfind("rel:Relationship", _NS))
        if rel.get("TargetMode") != "External"
    ]


def _slide(archive: zipfile.ZipFile, part: str, number: int, path: Path) -> _Slide:
    """One slide read: its title, then its shapes' text in order, then its speaker's notes."""
    slide = _Slide(number)
    tree = zip_xml(archive, part, path).find("p:cSld/p:spTree", _NS)
    if tree is None:
        return slide
    links = _links(archive, part)  # its diagrams' data, its notes page
    diagrams = {id_: target for id_, _, target in links}
    shapes = list(_shapes(tree))
    titles = [shape for shape in shapes if _placeholder(shape) in _TITLES]
    heading = titles[0] if titles else _drawn_title(tree, shapes)
    if heading is not None:
        slide.title = prose(" ".join(_paragraph(p) for p in _paragraphs(heading))) or None
    for shape in shapes:
        if shape is not heading:
            slide.blocks += _blocks(archive, shape, diagrams, slide)
    notes = next((target for _, kind, target in links if kind == _NOTES), None)
    slide.blocks += _notes(archive, notes, slide)
    if slide.title and not slide.blocks:
        # A title over a chart or a picture, or a part's divider: the title is all the slide
        # says, and it was read nowhere ("My Line Chart" alone: "no paragraphs of text found").
        slide.blocks.append(Block(slide.title, slide.title, page=number))
    return slide


def _notes(archive: zipfile.ZipFile, notes: str | None, slide: _Slide) -> list[Block]:
    """The speaker's notes under a slide (its notes page ``notes``); none when that page is
    missing or broken (the slide itself is read: its notes are an aside)."""
    root = None if notes is None else zip_xml(archive, notes)
    if root is None:
        return []
    tree = root.find("p:cSld/p:spTree", _NS)
    blocks = []
    for shape in _shapes(tree):
        if _placeholder(shape) == "body":
            blocks += _text_blocks(shape, slide, bulleted=False)
    return blocks


def _drawn_title(tree: Any, shapes: list[Any]) -> Any | None:
    """The text box a slide without a title placeholder shows as its title: the topmost box,
    above all the slide's other text, of one short line (ten words at most, no full stop).
    Slides drawn in boxes of their own (LibreOffice's export of an Impress deck) have no
    placeholders, and each slide's title ran into its first bullet ("The Client / My client
    is Rosemary")."""
    placed = [(y, shape) for shape in shapes if (y := _top(shape, tree)) is not None]
    if len(placed) < 2 or len(placed) != len(shapes):
        return None
    placed.sort(key=lambda pair: pair[0])
    (top, shape), (below, _) = placed[0], placed[1]
    lines = [text for p in _paragraphs(shape) if (text := prose(_paragraph(p)))]
    if top == below or len(lines) != 1 or shape.find(".//a:tbl", _NS) is not None:
        return None
    line = lines[0]
    return shape if len(line.split()) <= 10 and not line.endswith(".") else None


def _top(shape: Any, tree: Any) -> int | None:
    """How far from the slide's top ``shape`` stands (EMU), when it says so itself and stands
    on the slide, not inside a group (whose children are placed in the group's own frame)."""
    if shape.getparent() is not tree:
        return None
    offset = shape.find("p:spPr/a:xfrm/a:off", _NS)
    offset = offset if offset is not None else shape.find("p:xfrm/a:off", _NS)
    try:
        return None if offset is None else int(offset.get("y", ""))
    except ValueError:
        return None


def _shapes(tree: Any) -> Iterator[Any]:
    """The slide's shapes with text or a table in the order they were placed, inside groups too;
    the master's furniture (slide number, date, footer) left out."""
    if tree is None:
        return
    for child in tree:
        name = lxml.etree.QName(child).localname if isinstance(child.tag, str) else ""
        if name == "grpSp":
            yield from _shapes(child)
        elif name in ("sp", "graphicFrame") and _placeholder(child) not in _FURNITURE:
            yield child


def _placeholder(shape: Any) -> str | None:
    """The kind of placeholder ``shape`` is ("title", "body", "sldNum"; "" for a plain content
    placeholder), or None for a shape of its own."""
    found = shape.find("./*/p:nvPr/p:ph", _NS)
    return None if found is None else str(found.get("type", ""))


def _blocks(
    archive: zipfile.ZipFile, shape: Any, rels: dict[str, str], slide: _Slide
) -> list[Block]:
    table = shape.find(".//a:tbl", _NS)
    if table is not None:
        rows = [
            [_cell(cell) for cell in row.iterfind("a:tc", _NS)]
            for row in table.iterfind("a:tr", _NS)
        ]
        rows = [row for row in rows if any(row)]
        return table_blocks(rows, slide.title, slide.number) if rows else []
    diagram = shape.find(".//dgm:relIds", _NS)
    if diagram is not None:
        part = rels.get(diagram.get(f"{{{_NS['r']}}}dm", ""))
        root = None if part is None else zip_xml(archive, part)
        return [] if root is None else _diagram(root, slide)
    return _text_blocks(shape, slide, bulleted=_placeholder(shape) in _BULLETED)


def _text_blocks(shape: Any, slide: _Slide, *, bulleted: bool) -> list[Block]:
    """A text box's paragraphs, each a block; a bulleted one a list item."""
    blocks = []
    for paragraph in _paragraphs(shape):
        text = prose(_paragraph(paragraph))
        if text:
            item = _bullet(paragraph, bulleted)
            blocks.append(Block(text, slide.title, page=slide.number, item=item))
    return blocks


def _paragraphs(shape: Any) -> Iterator[Any]:
    body = shape.find("p:txBody", _NS)
    if body is not None:
        yield from body.iterfind("a:p", _NS)


def _paragraph(paragraph: Any) -> str:
    """A paragraph's text as shown: its runs and fields (a date, a number typed as a field),
    each line break a line of its own, joined as wrapped lines are."""
    lines = [""]
    for child in paragraph:
        name = lxml.etree.QName(child).localname if isinstance(child.tag, str) else ""
        if name == "br":
            lines.append("")
        elif name in ("r", "fld"):
            lines[-1] += "".join(child.itertext(f"{{{_NS['a']}}}t"))
    return joined_lines([line for line in lines if line.strip()])


def _bullet(paragraph: Any, bulleted: bool) -> bool:
    """Whether the paragraph shows a bullet or a number: its own marks say so, else the kind
    of box it is in (a content placeholder's lines are bullets, a text box's are not)."""
    properties = paragraph.find("a:pPr", _NS)
    if properties is not None:
        if properties.find("a:buNone", _NS) is not None:
            return False
        if (
            properties.find("a:buChar", _NS) is not None
            or properties.find("a:buAutoNum", _NS) is not None
        ):
            return True
    return bulleted


def _cell(cell: Any) -> str:
    return prose(" ".join(_paragraph(p) for p in cell.iterfind("a:txBody/a:p", _NS)))


def _diagram(root: Any, slide: _Slide) -> list[Block]:
    """A SmartArt diagram's points, each a list item: its data part (``root``) holds the text
    typed in (the drawing PowerPoint caches beside it repeats it, and is not read)."""
    blocks = []
    for point in root.iterfind("dgm:ptLst/dgm:pt", _NS):
        if point.get("type", "node") not in ("node", "doc", ""):
            continue  # the connectors between points and the layout's own boxes
        for paragraph in point.iterfind("dgm:t/a:p", _NS):
            text = prose(_paragraph(paragraph))
            if text:
                blocks.append(Block(text, slide.title, page=slide.number, item=True))
    return blocks


def _properties(archive: zipfile.ZipFile) -> tuple[str, str | None, str | None]:
    """The title, date and author the file's core properties give (``""``/None where not):
    a title PowerPoint filled in ("PowerPoint Presentation") is none."""
    root = zip_xml(archive, "docProps/core.xml")
    if root is None:
        return "", None, None

    def value(name: str) -> str:
        found = root.find(name, _NS)
        return prose(found.text or "") if found is not None else ""

    title = value("dc:title")
    if is_placeholder_title(title) or _PROGRAM_TITLE.match(title):
        title = ""
    made = value("dcterms:created") or value("dcterms:modified")
    return title, iso_date(made) if made else None, author_names(value("dc:creator"))
