"""A PDF page's text layer as lines (:func:`page_lines`): PDFium's lines with their position,
font size, weight and pitch, measured as the viewer shows the page (a landscape page turned by
/Rotate: :class:`_Turn`), marks and ligatures mended, margin notes set apart; two-column pages
put in reading order (:func:`reading_order`). :mod:`pdf` reads paragraphs from these lines.
"""

from __future__ import annotations

import ctypes
import functools
import math
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import numpy as np
import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from retrieval.errors import DocumentError
from retrieval.ingest.readers import (
    pdf_columns,
    pdf_tables,
    pdf_tounicode,
    pdf_unseen,
    symbol_font,
)
from retrieval.ingest.readers.pdf_columns import HYPHEN_JOIN as HYPHEN_JOIN

# An annotation the viewer does not show (hidden, or not for viewing): its text is not read.
_HIDDEN_ANNOTATION = pdfium_c.FPDF_ANNOT_FLAG_HIDDEN | pdfium_c.FPDF_ANNOT_FLAG_NOVIEW
# Bullets and the boxes of a checklist ("□ The RFP will be no more than 20 pages"), in the glyphs
# word processors and layout programs set them in; "?" is a question's mark set as its bullet
# ("? Are the APIs open and usable by other vendors?"): no line of prose starts with one.
BULLETS = "•◦▪·*–●○■□☐❑❒➢►▶◆◇✓✔?-"
BULLET = re.compile(rf"^(?:[{BULLETS}]|\d{{1,2}}[.)]|[a-z][.)])\s")
_QUOTE_GRAVE = re.compile(r"(?<![^\s(])\u0300(?=[^\W\d_])")  # on no letter, before a word
_STRAY_GRAVE = re.compile(r"(?<![^\s(])\u0300")
SENTENCE_END = (".", "!", "?", ":", ";", ".”", ".)", '."', "?”")
_BOLD_FONT = re.compile(r"bold|black|heavy|semibold|demi|cmbx|\bbx\d", re.IGNORECASE)
# Fixed-pitch families by name, for fonts whose files leave the fixed-pitch flag unset: URW's
# Courier clone "Nimbus Mono L" is "NimbusMonL-Regu" (TeX's and DocBook's typewriter type on
# Debian), Apple's code fonts Monaco and Menlo, and a typewriter face named for its pitch
# (Bitstream's "LetterGothic12PitchBT", microtype's manual's code).
_MONO_FONT = re.compile(
    r"mono|nimbusmon|monaco|menlo|\dpitch|courier|typewriter|consol|inconsolata|tt\d|tt$", re.I
)
_FIXED_PITCH = 1  # FPDF_FONT_FIXEDPITCH in the font flags
_LISTING_NUMBER = re.compile(r"\d{1,3}\s+")
# before a stop that ends a word: not ".deb", "search .|grep", nor leaders (". . .")
_SPACE_BEFORE_STOP = re.compile(r"(?<=[^\W\d_]|\x00) (?=[,.)](?:\s(?![.…])|$))")
_PROTECTED = re.compile(r"\bprotect <([^<>]*?)\s*protect >")
_LIGATURE_SPACE = re.compile(r"(ffi|ffl|ff|fi|fl)( +)(?=[a-z])")
_DROPPED = "\x00"  # a character a line's text leaves out (see _line)
_DOUBLED = re.compile(r"([^\W\d_]{3,})\1")  # "XeTeXXeTeX": a word twice, maybe overdrawn
# A footnote mark after a word or its stop ("preamble.2 Here", "package.8"): digits after three
# letters, or a letter and a stop, before a space or the line's end. Not after two letters: a
# unit's power ("km²", "cm³", "mc²" set as a raised digit) is no footnote.
_MARK_AFTER = re.compile(
    r"(?:(?<=[^\W\d_][.,;:)])|(?<=[^\W\d_]\)[.,;:])|(?<=[^\W\d_]{3}))\d{1,2}(?=\s|$)"
)
_DIGIT = re.compile(r"\d")
# A code with no character in Unicode (C1 controls): a symbol font's glyph, such as the footnote
# mark after "Downey," in a paper's author list (MathTime's MT2MIS), which a repair of Windows
# text would read as "Ž". Dropped when set as a mark (:func:`_marks`).
_NO_CHARACTER = re.compile("[\x80-\x9f]")
_HAN_KANA_CHAR = r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]"
HAN_KANA = re.compile(_HAN_KANA_CHAR)
# Chinese, Japanese and Korean characters and full-width forms, which every font sets fixed-pitch
_FULL_WIDTH = re.compile(
    r"[\u3000-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]"
)
_CODE_SAMPLES = 1  # characters of a code line sampled outside Chinese, Japanese and Korean
_HAN_KANA_SPACED = re.compile(rf"(?<={_HAN_KANA_CHAR}) (?={_HAN_KANA_CHAR})")
_HAN_KANA_PAIR = re.compile(rf"(?<={_HAN_KANA_CHAR}){_HAN_KANA_CHAR}")
# A diacritic TeX sets as a character of its own before its letter (\"{\i} → "na¨ıve",
# \'e → "´ecole"), which PDFium reads as two: put on the letter inside a word.
_SPACING_ACCENT = re.compile(
    r"(?:(?<=[^\W\d_]{2})|(?<=[^\W\d_])(?=..[^\W\d_])|(?<!\S)(?=..[^\W\d_]))([¨´ˆ˜ˇ˚˝¸])([ıa-zA-Z])"
)
_ACCENT_SET_APART = re.compile("[¨´ˆ˜ˇ˚˝¸]")  # (a quick look before the pattern above)
_COMBINING = dict(zip("¨´ˆ˜ˇ˚˝¸", "\u0308\u0301\u0302\u0303\u030c\u030a\u030b\u0327", strict=True))
_WORD_GAP = 0.2  # ems between two letters' advance boxes that part two words (see _gaps_spaced)
_SPACING_PAGES = 3  # pages a document's word gaps are checked on before none is looked for
_LEAST_SIZE = 2  # points: letters smaller are no text whose word spaces can be measured
_KERNED = 0.25  # ems a letter may be kerned back over the one before it ("F." in Arial: 0.11)
_PRIVATE = "Co"  # the Unicode category of private-use codes
_ASTRAL = re.compile("[\U00010000-\U0010ffff]")  # outside the Basic Multilingual Plane
_WIDEST_SPACE = 0.6  # ems: a wider gap on a baseline parts two cells, not two words (as columns')
FAR_JOIN = 1.8  # a hyphenated word's rest this many sizes lower is no next line's (see below)


@dataclass(frozen=True)
class Line:
    """One line of a page's text layer (PDF points, y growing upwards)."""

    page: int  # 1-based position of the page in the file
    text: str
    x0: float
    x1: float
    y: float  # the baseline's height: larger is higher on the page
    size: float
    bold: bool
    column: int = 0  # its column, numbered from 0 at the left (0 on a page of one column)
    height: float = 0.0  # the page's height, to tell its top and bottom margins
    y_last: float = 0.0  # the last character's baseline: lower than ``y`` where PDFium joined
    # a word hyphenated at the line end with the rest of it on the next line
    mono: bool = False  # set in a fixed-pitch font: a line of code
    shown: bool = True  # inside the page's crop box, which a viewer cuts the page to
    note: bool = False  # a note set beside a heading, kept with it (see _beside)
    table: str | None = None  # a table's row, its cells joined: the table's caption ("" none)
    label: bool = False  # a figure's label ("220R", "VCORE 64"): no heading, whatever its type
    cells: int = 1  # runs of words parted by a table's gaps or rules: a lone row has several
    plain: bool = False  # in the type its page's prose is set in: not large, whatever the body's
    mark: int = 0  # characters of the footnote mark it starts with, set superscript (see _line)
    mark_foot: float = 0.0  # then the baseline of the words after the mark, which ``y`` is not
    tile: bool = False  # opens with a chapter's tile, a label set far larger ("A4", see _tile)


def all_lines(pdf: Any, path: Path, maps: pdf_tounicode.CharMaps | None = None) -> Iterator[Line]:
    """The lines of every page of ``pdf``, in reading order; ``maps``, the file's fonts' own
    Unicode maps, put right what PDFium gives as a font's codes (:mod:`pdf_tounicode`)."""
    for index in range(len(pdf)):
        try:
            page = pdf[index]
        except pdfium.PdfiumError as error:
            raise DocumentError(path, f"damaged: page {index + 1} cannot be read") from error
        try:
            left, _, right, _ = _viewed_box(page, page.get_cropbox())
            lines, gutters = page_lines(page, index + 1, maps)
            if not gutters and any(line.table is not None for line in lines):
                gutters = None  # a table's rows, one line each now, may leave a gutter clear
            yield from reading_order([ln for ln in lines if ln.shown], right - left, left, gutters)
            yield from reading_order([ln for ln in lines if not ln.shown], right - left, left)
        finally:
            page.close()


def _annotation_texts(page: Any) -> list[tuple[str, float, float, float, float]]:
    """What a filled-in form field (its value) or a typed-in comment (its text) shows on the
    page, with the box it shows it in (left, bottom, right, top): that text is not in the page's
    own content, and a form with nothing else was "no text layer — needs OCR". Read from the
    field's value, not from how it is drawn (whose font may have no Unicode map); links, notes,
    buttons, check boxes and hidden fields say nothing."""
    found = []
    buffer = (ctypes.c_uint16 * 2048)()
    rect = pdfium_c.FS_RECTF()
    for index in range(pdfium_c.FPDFPage_GetAnnotCount(page.raw)):
        annotation = pdfium_c.FPDFPage_GetAnnot(page.raw, index)
        try:
            kind = pdfium_c.FPDFAnnot_GetSubtype(annotation)
            key = {pdfium_c.FPDF_ANNOT_WIDGET: b"V", pdfium_c.FPDF_ANNOT_FREETEXT: b"Contents"}
            hidden = pdfium_c.FPDFAnnot_GetFlags(annotation) & _HIDDEN_ANNOTATION
            if kind not in key or hidden:
                continue
            if (
                pdfium_c.FPDFAnnot_GetValueType(annotation, key[kind])
                != pdfium_c.FPDF_OBJECT_STRING
            ):
                continue  # a check box's value is a name ("/Yes"), a button has none
            length = pdfium_c.FPDFAnnot_GetStringValue(annotation, key[kind], buffer, 4096)
            text = bytes(buffer)[: max(0, min(length, 4096) - 2)].decode("utf-16-le", "replace")
            if text.strip() and pdfium_c.FPDFAnnot_GetRect(annotation, ctypes.byref(rect)):
                found.append((text, rect.left, rect.bottom, rect.right, rect.top))
        finally:
            pdfium_c.FPDFPage_CloseAnnot(annotation)
    return found


def _with_annotations(lines: list[Line], page: Any, number: int, textpage: Any) -> list[Line]:
    """``lines`` with the annotations' texts (see :func:`_annotation_texts`) among them: each
    line of one after the last line that stands above it or on its row ("Name:" "Jane Doe"),
    set in that line's size and on its baseline when they share the row; a value of one line
    inside its label's line when the line goes on past the field (see :func:`_filled_in`)."""
    for text, left, bottom, right, top in _annotation_texts(page):
        beside = " ".join(ln.text for ln in lines if bottom - ln.size <= ln.y <= top + ln.size)
        value = " ".join(text.split())
        if value in beside:
            continue  # the page prints it already (a field laid over its own text)
        rows = [row.strip() for row in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
        at = _field_place(lines, left, bottom, top)
        near = lines[at - 1] if at else None
        if near is not None and sum(map(bool, rows)) == 1:
            filled = _filled_in(textpage, near, value, (left, bottom, right, top))
            if filled is not None:
                lines[at - 1] = filled
                continue
        size = near.size if near is not None else 10.0
        y = top - size
        if near is not None and bottom - 0.5 * size <= near.y <= top:
            y = near.y  # beside its label, on its baseline
        added = [
            Line(number, " ".join(row.split()), left, right, y - 1.2 * size * k, size, False)
            for k, row in enumerate(rows)
            if row
        ]
        lines[at:at] = added
    return lines


def _filled_in(
    textpage: Any, label: Line, value: str, box: tuple[float, float, float, float]
) -> Line | None:
    """``label``, the line of a form's labels a field (its ``box``: left, bottom, right, top)
    stands inside, with the field's ``value`` where the field is: "First Name Alice Last Name",
    not "First Name Last Name Alice", which names Alice's last name. None when the line does
    not go on past the field, or its words are not all read on each side of it."""
    left, bottom, right, top = box
    if label.x1 <= right or textpage.turn is not None:
        return None
    low, high = min(bottom, label.y) - 0.2 * label.size, max(top, label.y + label.size)
    before = _bounded_text(textpage, label.x0 - 1, high, left, low)
    after = _bounded_text(textpage, right, high, label.x1 + 1, low)
    if not before or not after or f"{before} {after}" != label.text:
        return None
    return replace(label, text=f"{before} {value} {after}")


def _bounded_text(textpage: Any, left: float, top: float, right: float, bottom: float) -> str:
    """The words of the text page inside a box (PDF points), spaced as the lines' are."""
    count = pdfium_c.FPDFText_GetBoundedText(textpage.raw, left, top, right, bottom, None, 0)
    if count <= 0:
        return ""
    buffer = (ctypes.c_uint16 * (count + 1))()
    pdfium_c.FPDFText_GetBoundedText(textpage.raw, left, top, right, bottom, buffer, count + 1)
    return " ".join(bytes(buffer)[: 2 * count].decode("utf-16-le", "replace").split())


def _field_place(lines: list[Line], left: float, bottom: float, top: float) -> int:
    """Where among ``lines`` a field's value (its box ``left``, ``bottom``, ``top``) goes: after
    its label, a line on the box's row that starts left of it; else before the first line below
    the box's foot. The label first: LibreOffice writes a form's labels in no order down the
    page, and "Alice", filled in beside "First Name", went under the form's title, whose size
    it took, and was read as part of it ("Example for a Form Alice")."""
    labels = [
        i for i, ln in enumerate(lines) if bottom - 0.5 * ln.size <= ln.y <= top and ln.x0 <= left
    ]
    if labels:
        return labels[-1] + 1
    for position, line in enumerate(lines):
        if line.y < bottom - 0.5 * line.size:  # the first line below the box's foot
            return position
    return len(lines)


def page_lines(
    page: Any, number: int, maps: pdf_tounicode.CharMaps | None = None
) -> tuple[list[Line], list[float] | None]:
    """The text lines of one page in PDFium's order, with position, size and weight; those
    outside the page's crop box (see :func:`_outside`) last, marked not ``shown``; and the x
    of the gutters between its columns of text, if it has several (see :mod:`pdf_columns`),
    None on a page turned by the viewer, where they were not looked for."""
    textpage = page.get_textpage()
    try:
        textpage.turn = _turn(page)  # read by _char_box
        textpage.spacing = spacing = _spacing(page)  # read by _gaps_spaced
        text = _seen(textpage.get_text_range(), pdf_unseen.unseen_chars(page, textpage))
        # read by _codes_read: only a page with a character standing apart needs the maps
        textpage.codes = maps.page(number - 1) if maps and pdf_tounicode.strays(text) else None
        height = page.get_height()  # as the viewer shows it, turned or not
        raws = []
        start = 0
        for raw in text.split("\r\n"):
            raws.append((raw, start))
            start += len(raw) + 2
        raws = _breaks_closed(textpage, raws)
        gutters: list[float] | None = None
        if textpage.turn is None:  # (both measure the file's own frame, as the table finder)
            box = page.get_cropbox()
            raws, gutters = pdf_columns.parted(
                textpage, raws, box, lambda at: _font_size(textpage, at)
            )
        found: list[tuple[Line, str, int]] = []
        for raw, start in raws:
            for part, part_at in _far_joins_parted(textpage, raw, start):
                for piece, at in _type_runs(textpage, part, part_at):
                    line = _line(textpage, number, piece, at, height)
                    if line is not None:
                        found.append((line, piece, at))
        found = _on_paper(found, page)
        outside = _outside([line for line, _, _ in found], page)
        shown = [item for item in found if id(item[0]) not in outside]
        hidden = [replace(line, shown=False) for line, _, _ in found if id(line) in outside]
        shown = _without_margin_stamps(textpage, shown)
        lines = _with_annotations(_without_margin_notes(textpage, shown), page, number, textpage)
        lines = _tile_rests(lines)
        if textpage.turn is None:
            lines = pdf_tables.tabled(
                page,
                textpage,
                shown,
                lines,
                lambda raw, at: _line(textpage, number, raw, at, height),
                gutters or [],
            )
        spacing.checked += 1
        return lines + hidden, gutters
    finally:
        textpage.close()


def _seen(text: str, unseen: set[int]) -> str:
    """The page's ``text`` with the characters no reader sees (``unseen``, see
    :mod:`pdf_unseen`) as spaces, which keep the others at their indices in the text page."""
    if not unseen:
        return text
    chars = list(text)
    for index in unseen:
        if index < len(chars) and chars[index] not in "\r\n":
            chars[index] = " "
    return "".join(chars)


# A line no text opens: a colon and figures after it, no words (":2017", "：1").
_REST = re.compile(r"^[:：]\d[\d.–-]*$")


def _tile_rests(lines: list[Line]) -> list[Line]:
    """``lines`` with a line opening with a colon, no letters after it, joined to the line in
    larger type right over it, from the same left edge: a label set as a tile ("A8" over
    ":2017", OWASP's "A8:2017") whose rest was read as a passage of its own and cited as the
    answer to a question about the title beside it."""
    result = list(lines)
    for line in lines:
        if not _REST.match(line.text):
            continue
        over = [
            other
            for other in result
            if other.size > line.size
            and abs(other.x0 - line.x0) <= line.size
            and 0 < other.y - line.y <= 1.5 * other.size
            and not other.text.endswith((":", "："))
        ]
        if over:
            head = min(over, key=lambda other: other.y - line.y)
            at = next(i for i, other in enumerate(result) if other is head)
            result[at] = replace(head, text=head.text + line.text)
            result = [other for other in result if other is not line]
    return result


class _Spacing:
    """Whether a document's word gaps are still checked (see :func:`_gaps_spaced`): on its
    first :data:`_SPACING_PAGES` pages, and on every page after once one found a space to put
    in. A font that puts a letter at the space's code is the document's, on every page; a
    300-page report without one was read two and a half times slower for checking each."""

    def __init__(self) -> None:
        self.checked = 0  # pages read
        self.found = False  # a space put in on one of them

    def wanted(self) -> bool:
        return self.found or self.checked < _SPACING_PAGES


def _spacing(page: Any) -> _Spacing:
    """The :class:`_Spacing` of ``page``'s document, kept on it."""
    found: _Spacing | None = getattr(page.pdf, "quotebot_spacing", None)
    if found is None:
        found = page.pdf.quotebot_spacing = _Spacing()
    return found


def _on_paper(found: list[tuple[Line, str, int]], page: Any) -> list[tuple[Line, str, int]]:
    """``found``, or none of it on a page that draws a picture and whose every line is wholly
    off its media box, the paper itself: ImageMagick writes a picture as a page the picture's
    size with a label ("Background") set above it, a scan with a word that was never on it.
    PDFium places some printed lines off the paper (a font's odd matrix: pymupdf's "Hello,
    World!" at the top, a voucher's text beside its logo): a page with any line on it, or with
    no picture, keeps them all, for :func:`shown` to judge by the crop box."""
    x0, y0, x1, y1 = _viewed_box(page, page.get_mediabox())
    # (a box may be written upside down: NYPD's CompStat sheets say [0 0 612 -792])
    (left, right), (bottom, top) = sorted((x0, x1)), sorted((y0, y1))
    on_it = any(
        line.x1 > left and line.x0 < right and bottom - line.size < line.y < top
        for line, _, _ in found
    )
    return found if on_it or not found or not _pictured(page) else []


def _pictured(page: Any) -> bool:
    """Whether ``page`` draws a picture (an image object at its top level)."""
    return any(
        pdfium_c.FPDFPageObj_GetType(pdfium_c.FPDFPage_GetObject(page.raw, index))
        == pdfium_c.FPDF_PAGEOBJ_IMAGE
        for index in range(pdfium_c.FPDFPage_CountObjects(page.raw))
    )


def _outside(lines: Sequence[Line], page: Any) -> set[int]:
    """The ids of the lines outside the page's crop box, which a viewer cuts the page to (a
    crop box leaving next to nothing of the media box is a broken one: then none): wholly, or
    for most of their width, which no reader sees either (an EPA report's invisible strings of
    the alphabet in 100 pt type, "zyxwvutsrqponmlkjihgfedcba…", starting near the right edge
    and running 3000 points on, were read as the report's title)."""
    m_left, m_bottom, m_right, m_top = _viewed_box(page, page.get_mediabox())
    c_left, c_bottom, c_right, c_top = _viewed_box(page, page.get_cropbox())
    left, bottom = max(m_left, c_left), max(m_bottom, c_bottom)
    right, top = min(m_right, c_right), min(m_top, c_top)
    if (right - left) * (top - bottom) < 0.1 * (m_right - m_left) * (m_top - m_bottom):
        return set()
    return {
        id(line)
        for line in lines
        if not (line.x1 > left and line.x0 < right and bottom - line.size < line.y < top)
        or min(line.x1, right) - max(line.x0, left) < 0.5 * (line.x1 - line.x0)
    }


def shown(lines: list[Line]) -> list[Line]:
    """``lines`` without those outside their page's crop box: a printer's proof carries its
    marks there on every page (the file's name and time, "4TH PASS PAGES", a column of line
    numbers). When most of the text is outside, the boxes are wrong, not the text: all stay."""
    inside = [line for line in lines if line.shown]
    visible = sum(len(line.text) for line in inside)
    return inside if 2 * visible >= sum(len(line.text) for line in lines) else lines


def _breaks_closed(textpage: Any, raws: list[tuple[str, int]]) -> list[tuple[str, int]]:
    """``raws`` (a page's lines as PDFium breaks them: each line's characters at their index in
    the text page) with the breaks PDFium made up inside a line closed. Google Docs' PDFs
    (Skia's) place each glyph on its own where the last one ends, to a millionth of a point, and
    on a page of a few lines PDFium reads most of their letters as lines of their own ("T" /
    "his" / "p" / "a" / "g" / "e in"): each break is one it generated, and the next letter
    stands on the same baseline right after the last. A real line break (the next line lower,
    back at the margin) stays, and so does a gap wider than a word's space (a table's next
    cell). The break's two characters stay two, dropped or spaces, so that the offsets the
    next steps go by still hold."""
    joined: list[tuple[str, int]] = []
    shift = 0  # characters outside the Basic Multilingual Plane so far: each counts twice
    previous = ("", 0)  # the last line, at its index in the text page itself
    for raw, start in raws:
        here = (raw, start + shift)
        shift += len(_ASTRAL.findall(raw))
        spaced = (
            _made_up_break(textpage, previous, here) if joined and previous[0].strip() else None
        )
        previous = here
        if spaced is not None:
            before, at = joined[-1]
            joined[-1] = (before + ("  " if spaced else _DROPPED * 2) + raw, at)
        else:
            joined.append((raw, start))
    return joined


def _made_up_break(textpage: Any, before: tuple[str, int], after: tuple[str, int]) -> bool | None:
    """None when the break between the lines ``before`` and ``after`` (each its characters and
    their index in the text page) is a line's end; else whether the letters either side of it
    are a word's space apart (see :func:`_parted`) or touch (see :func:`_breaks_closed`)."""
    (text, at), (raw, start) = before, after
    last = len(text.rstrip()) - 1
    first = len(raw) - len(raw.lstrip())
    if first >= len(raw) or _PRIVATE in (
        unicodedata.category(text[last]),
        unicodedata.category(raw[first]),
    ):
        return None  # (a private-use code is no letter, but a piece of a drawn sign: a brace's)
    last = at + last + len(_ASTRAL.findall(text, 0, last))
    first = start + first + len(_ASTRAL.findall(raw, 0, first))
    if pdfium_c.FPDFText_GetUnicode(textpage.raw, start - 2) != ord("\r"):
        return None  # (the offsets are not the text page's: no break of PDFium's is known)
    if not pdfium_c.FPDFText_IsGenerated(textpage.raw, start - 2):
        return None
    size = _font_size(textpage, first)
    if abs(_origin(textpage, last) - _origin(textpage, first)) > 0.1 * size:
        return None  # (most breaks: a line's end; the other size is not looked up)
    size = min(size, _font_size(textpage, last))
    if size < _LEAST_SIZE or not (_upright(textpage, last) and _upright(textpage, first)):
        return None  # (labels set aslant along a map's lines: "320" "2" "5" "00", no word)
    gap = _advance_box(textpage, first)[0] - _advance_box(textpage, last)[1]
    if not -_KERNED * size <= gap < _WIDEST_SPACE * size:
        return None
    return gap >= _WORD_GAP * size


def _upright(textpage: Any, index: int) -> bool:
    """Whether the character at ``index`` is set upright as the viewer shows its page."""
    angle = pdfium_c.FPDFText_GetCharAngle(textpage.raw, index)
    turn: _Turn | None = textpage.turn
    upright = 0.0 if turn is None else (360 - turn.degrees) * math.pi / 180
    return bool(abs((angle - upright + math.pi) % (2 * math.pi) - math.pi) < 0.01)


def _origin(textpage: Any, index: int) -> float:
    """The height of the baseline the character at ``index`` stands on, as the viewer shows it."""
    x, y = ctypes.c_double(), ctypes.c_double()
    pdfium_c.FPDFText_GetCharOrigin(textpage.raw, index, ctypes.byref(x), ctypes.byref(y))
    if textpage.turn is not None:
        return float(textpage.turn.box((x.value, y.value, x.value, y.value))[1])
    return float(y.value)


def _far_joins_parted(textpage: Any, raw: str, start: int) -> list[tuple[str, int]]:
    """``raw`` (at ``start``) parted after each hyphenation mark PDFium joined to a line far
    below that cannot be the rest of the word (it starts in another size, or not in lower case):
    the page's last line of text ends in a hyphen ("commercial cre-"), and PDFium takes its
    footer ("8 FREE CULTURE") for the rest of the word. The mark stays at the line's end,
    for :func:`_hyphens_carried` to bring the rest up from the next page."""
    if HYPHEN_JOIN not in raw[1:-1]:
        return [(raw, start)]
    pieces: list[tuple[str, int]] = []
    begin = 0
    for index, char in enumerate(raw[:-1]):
        if char != HYPHEN_JOIN or index == 0:
            continue
        size = _font_size(textpage, start + index - 1)
        drop = _char_box(textpage, start + index - 1)[2] - _char_box(textpage, start + index + 1)[2]
        after = _font_size(textpage, start + index + 1)
        rest = raw[index + 1].islower() and abs(after - size) <= 0.15 * size  # "opportu-" "nities"
        if drop > FAR_JOIN * size and size >= 2 and not rest:
            pieces.append((raw[begin : index + 1], start + begin))
            begin = index + 1
    return [*pieces, (raw[begin:], start + begin)] if pieces else [(raw, start)]


def _type_runs(textpage: Any, raw: str, start: int) -> list[tuple[str, int]]:
    """``raw`` (at ``start``) as one piece, or as two where a wide gap parts two sizes of type
    on one baseline: a heading and the note set beside it ("3.2 Character protrusion" in 12 pt,
    "pdfTeX 0.14f | LuaTeX 0.30" in 9 pt at the margin), which PDFium reads as one line whose
    type is mostly the note's, so the heading would be taken for text."""
    first = len(raw) - len(raw.lstrip())
    last = len(raw.rstrip()) - 1
    if last - first < 8:
        return [(raw, start)]
    sizes = [_font_size(textpage, start + i) for i in (first, last)]
    if max(sizes) < 1.15 * min(sizes) or min(sizes) < 2:
        return [(raw, start)]
    widest, cut = 0.0, 0
    for index in range(first + 1, last):
        if raw[index] == " " and not raw[index - 1].isspace() and not raw[index + 1].isspace():
            gap = (
                _char_box(textpage, start + index + 1)[0]
                - _char_box(textpage, start + index - 1)[1]
            )
            widest, cut = max((widest, cut), (gap, index))
    if widest < 2 * max(sizes):
        return [(raw, start)]
    return [(raw[:cut], start), (raw[cut + 1 :], start + cut + 1)]


def _without_margin_notes(textpage: Any, found: list[tuple[Line, str, int]]) -> list[Line]:
    """The lines with a note set in the left margin on the same baseline as a line of text
    ("expansion" beside "… the main options") cut off where it would land inside a sentence:
    PDFium reads the two as one line."""
    body = [line for line, _, _ in found if len(line.text) > 40]
    if len(body) < 5:
        return [line for line, _, _ in found]
    left = Counter(round(line.x0) for line in body).most_common(1)[0][0]
    lines: list[Line] = []
    for line, raw, start in found:
        previous = lines[-1] if lines else None
        # A note beside a paragraph's first line (an option's name) may stay: it heads it.
        runs_on = previous is not None and not previous.text.endswith(SENTENCE_END)
        close = previous is not None and previous.y - line.y < 1.5 * line.size
        if runs_on and close and line.x0 < left - line.size and line.x1 > left + 2 * line.size:
            cut = _margin_cut(textpage, raw, start, left - 1, line.size)
            if cut is not None:
                rest = _line(textpage, line.page, raw[cut:], start + cut, line.height)
                line = rest if rest is not None else line
        lines.append(line)
    return _without_lone_notes(lines, left)


def _without_margin_stamps(
    textpage: Any, items: list[tuple[Line, str, int]]
) -> list[tuple[Line, str, int]]:
    """``items`` (a page's lines with their characters) but the lines set sideways (their
    characters turned a quarter) in the margin beside the page's text: arXiv's stamp
    ("arXiv:0908.0054v1 [astro-ph.CO] 1 Aug 2009", which headed the paper's text and dated it)
    or a journal's running head ("JCAP10(2008)003", which headed every citation). A page with
    more than a few such lines (vertical writing, a table's turned headings) keeps them."""
    turned = {
        id(line)
        for line, raw, start in items
        if len(line.text) >= _STAMP_CHARS
        and abs(math.sin(pdfium_c.FPDFText_GetCharAngle(textpage.raw, start + _visible_at(raw, 0))))
        > _TURNED
    }
    upright = [line for line, _, _ in items if id(line) not in turned]
    if not turned or len(turned) > _STAMPS or len(upright) < 2 * _STAMP_CHARS:
        return items
    left = float(np.percentile([ln.x0 for ln in upright], 10))
    right = float(np.percentile([ln.x1 for ln in upright], 90))
    return [
        item
        for item in items
        if id(item[0]) not in turned or (left <= item[0].x1 and item[0].x0 <= right)
    ]


_STAMP_CHARS = 6  # characters of a line set sideways that make it a stamp, no figure's label
_STAMPS = 2  # stamps a page's margins hold at most
_TURNED = 0.9  # the sine of a character's angle that sets it sideways


def _without_lone_notes(lines: list[Line], left: float) -> list[Line]:
    """``lines`` without the notes set on lines of their own in the left margin beside a
    paragraph that runs on past them (booktabs names "\\midrule" and "\\bottomrule" there,
    beside the lines that describe them): in reading order they would cut its sentence in two.
    They go as a note sharing a line with the text goes: they name, in the paragraph's own
    words, what it is about."""
    kept: list[Line] = []
    for index, line in enumerate(lines):
        if line.x1 < left - 0.5 * line.size and len(line.text.split()) <= 3:
            above = next((ln for ln in reversed(kept) if ln.x1 > left + 2 * ln.size), None)
            below = next((ln for ln in lines[index + 1 :] if ln.x1 > left + 2 * ln.size), None)
            if (
                above is not None
                and below is not None
                and not above.text.endswith(SENTENCE_END)
                and 0 < above.y - below.y < 2.5 * below.size
                and below.y - 3 * line.size <= line.y <= above.y
            ):
                continue
        kept.append(line)
    return kept


def _margin_cut(textpage: Any, raw: str, start: int, left: float, size: float) -> int | None:
    """Where the text column starts in ``raw``, if a short note (a word or three, not a number
    or a bullet) stands before it in the margin with a gap between them."""
    previous_right = None
    for index, char in enumerate(raw):
        if char.isspace():
            continue
        box_left, box_right, _ = _char_box(textpage, start + index)
        if box_left >= left:
            note = raw[:index].strip()
            gap = previous_right is not None and box_left - previous_right > 0.5 * size
            plain = any(ch.isalpha() for ch in note) and not BULLET.match(note + " ")
            return index if gap and plain and len(note.split()) <= 3 else None
        previous_right = box_right
    return None


def _line(textpage: Any, number: int, raw: str, start: int, height: float) -> Line | None:
    """The :class:`Line` of the characters ``raw`` at index ``start`` of the text page."""
    first = len(raw) - len(raw.lstrip())
    last = len(raw.rstrip()) - 1
    if last < first:
        return None
    behind = _mark_behind(textpage, raw, start, first)
    lead = ""
    if behind is not None:  # the mark, last in ``raw``, leaves it: the offsets before it hold
        cut, lead = behind
        raw = raw[:cut].rstrip()
        last = len(raw) - 1
        if _HYPHEN_END.search(raw):  # "exclus-": the join PDFium makes at a line's end,
            raw = raw[:-1] + HYPHEN_JOIN  # which the mark after the hyphen kept it from
    left, _, baseline = _char_box(textpage, start + first)
    _, right, last_baseline = _char_box(textpage, start + last)
    size, bold, mono = _type_of(textpage, raw, start)
    mark, after = _lead_mark(textpage, raw, start)
    tile = _tile(textpage, raw, start, size)
    raw_tile = raw[tile[0] : tile[1]] if tile else ""
    if tile:
        raw = raw[: tile[0]] + " " * (tile[1] - tile[0]) + raw[tile[1] :]
    # Both blank what they drop with _DROPPED, so the characters keep their places.
    raw = _unmarked(textpage, _undoubled(textpage, raw, start), start)
    if not mono:
        raw = _ligatures_closed(textpage, _stops_closed(textpage, raw, start), start)
    raw = _symbols_read(textpage, _codes_read(textpage, raw, start), start)
    raw = _pi_read(textpage, raw, start)
    raw = _gaps_spaced(textpage, raw, start).replace(_DROPPED, "")
    text = _loose_graves(_unspaced(_unprotected(" ".join(raw.split()))))
    if not mono:
        text = _accented(text)
    if tile:
        text = raw_tile + " " + text  # (the tile's text read before ``raw`` was blanked)
    if lead:  # (marked as _lead_mark marks one: the furniture takes "1 Pub. L. …" on page 1
        text = lead + " " + text  # for a footer numbered as its page otherwise)
        mark, after = len(lead), baseline
    # The last character's box reaches lower than the line when it descends (")", "g"): only a
    # drop of half a line is a word PDFium joined from the next one.
    if baseline - last_baseline < 0.5 * size:
        last_baseline = baseline
    return Line(
        number, text, left, max(left, right), baseline, round(size, 1), bold, 0, height,
        min(baseline, last_baseline), mono, mark=mark, mark_foot=after, tile=bool(tile),
    )  # fmt: skip


# A chapter's tile: a label of capitals, figures or a plus ("O", "A4", "T10", "RN", "+D").
# A word of them, found in the line at once: a letter in it ("01" is a table's).
_TILE = re.compile(r"(?<!\S)(?=[A-Z0-9+]{0,2}[A-Z])[A-Z0-9+]{1,3}(?!\S)")
_TILE_LARGER = 1.3  # a tile's type is this much larger than its title's, or more


def _tile(textpage: Any, raw: str, start: int, size: float) -> tuple[int, int] | None:
    """Where in ``raw`` (at ``start``) a chapter's tile stands, if it has one: a label of a few
    capitals or figures in type far larger than the rest of the line (``size``), apart from the
    title's words, which PDFium reads wherever its height falls among the title's lines
    ("Références directes non A4 sécurisées à un objet", the tile set left of both lines)."""
    if size < 2 or not _TILE.search(raw) or sum(ch.isalpha() for ch in raw) < 6:
        return None
    for match in _TILE.finditer(raw):
        tile = _font_size(textpage, start + match.start())
        if tile < _TILE_LARGER * size or match.end() >= len(raw.rstrip()):
            continue
        after = len(raw) - len(raw[match.end() :].lstrip())  # the next word's first character
        gap = (
            _char_box(textpage, start + after)[0] - _char_box(textpage, start + match.end() - 1)[1]
        )
        if abs(gap) >= 0.5 * tile:  # (the next word may stand on the line under it, left)
            return match.start(), match.end()
    return None


_LAST_NUMBER = re.compile(r"\s(\d{1,2})\s*$")
_HYPHEN_END = re.compile(r"[^\W\d_]-$")


def _mark_behind(textpage: Any, raw: str, start: int, first: int) -> tuple[int, str] | None:
    """Where in ``raw`` (its first character not a space at ``first``) a footnote mark stands
    that the file draws after its line's text but sets back inside it, and the mark when it
    leads the line ("" when not): WordPerfect writes a line's raised marks last, and PDFium
    gives them at its end ("… exclus- 2" for the note "² “Copying” is …", "… devices or
    services that 2" for "copying²"). Then the note was known by no mark and read before the
    text it notes, and a word hyphenated at the line's end ("exclus-" / "ive") kept the mark
    inside it. A mark is raised, smaller than the line's type, and starts left of the character
    before it; it leads the line when it starts left of the line's first one."""
    match = _LAST_NUMBER.search(raw, first)
    if match is None or match.start(1) - 1 <= first:
        return None
    begin, end = match.start(1), match.end(1)
    before = len(raw[:begin].rstrip()) - 1
    mark_left = _char_box(textpage, start + begin)[0]
    if mark_left >= _char_box(textpage, start + before)[0] or not _at(textpage, raw, start, begin):
        return None
    # measured by a letter or figure on the baseline: a hyphen's or a quote's box is higher
    letter = next((at for at in range(first, begin) if raw[at].isalnum()), before)
    if not _raised_mark(textpage, start + begin, start + letter):
        return None
    return begin, raw[begin:end] if mark_left < _char_box(textpage, start + first)[0] else ""


# A line's first word a number of one or two digits, a space, a word: maybe a footnote's mark
# ("1 The MGT Act"); not a figure with its power ("10𝑘", a formula's).
_LEAD_MARK = re.compile(r"\s*(\d{1,2})\s+(?=[^\W\d_])")


def _lead_mark(textpage: Any, raw: str, start: int) -> tuple[int, float]:
    """The length of the footnote mark a line starts with and the baseline of the words after
    it, or (0, 0.0): PDFium starts a new line at a mark set superscript mid-line ("…on December
    12, 2017.¹ The MGT Act…"), and that line's height, the mark's, is above the line it goes
    on (see ``pdf._marks_closed``). A mark is smaller than the words after it and raised
    above their baseline; a footnote's own number keeps its place in the text."""
    match = _LEAD_MARK.match(raw)
    if match is None:
        return 0, 0.0
    mark, after = start + match.start(1), start + match.end()
    if _raised_mark(textpage, mark, after):
        return len(match[1]), _char_box(textpage, after)[2]
    return 0, 0.0


def _raised_mark(textpage: Any, mark: int, word: int) -> bool:
    """Whether the character at ``mark`` is set as a footnote's mark beside the one at
    ``word``: in smaller type, and raised above its baseline."""
    size = _font_size(textpage, word)
    raised = _char_box(textpage, mark)[2] > _char_box(textpage, word)[2] + 0.2 * size
    return raised and _font_size(textpage, mark) < 0.85 * size


def _symbols_read(textpage: Any, raw: str, start: int) -> str:
    """``raw`` with the private-use codes a Symbol font's characters are read as (U+F02B for
    "+") as the characters they are (:mod:`symbol_font`); the same codes in another font stay.
    One character for one, so the text page's offsets still hold."""
    if not symbol_font.SYMBOL_CODE.search(raw):
        return raw
    chars = list(raw)
    for match in symbol_font.SYMBOL_CODE.finditer(raw):
        at = match.start()
        if _at(textpage, raw, start, at) and symbol_font.is_symbol_font(
            _font_name(textpage, start + at)
        ):
            chars[at] = symbol_font.symbol_char(match[0])
    return "".join(chars)


# Symbol fonts whose glyphs stand at the codes of other characters, which PDFium gives: a font
# (its name without spaces) → {the character given: the glyph drawn}. WordPerfect's "WP
# TypographicSymbols" draws its bullet (WordPerfect's character 4,0) at "!" (the Copyright
# Office's DMCA summary, 1998); the IRS's forms draw their pointer "▶" ("This is your total
# effectively connected income ▶ 23") in Universal News with Commercial Pi at "©".
_PI_FONTS = {
    b"WPTypographicSymbols": {"!": "•"},
    b"Universal-NewswithCommPi": {"©": "▶"},
}
_PI_CODES = frozenset(code for glyphs in _PI_FONTS.values() for code in glyphs)


def _pi_read(textpage: Any, raw: str, start: int) -> str:
    """``raw`` with the characters of :data:`_PI_FONTS` read as the glyphs their font draws:
    "! Title II, the “Online …" was no list item (its first line, in bold, headed the items
    after it), and a form's pointers read "©". One character for one."""
    if not _PI_CODES.intersection(raw):
        return raw
    chars = list(raw)
    for at, char in enumerate(raw):
        if char not in _PI_CODES or not _at(textpage, raw, start, at):
            continue
        font = _font_name(textpage, start + at).replace(b" ", b"")
        glyphs = next((g for name, g in _PI_FONTS.items() if name in font), {})
        chars[at] = glyphs.get(char, char)
    return "".join(chars)


def _codes_read(textpage: Any, raw: str, start: int) -> str:
    """``raw`` with the characters PDFium gave as their font's codes read from the font's own
    Unicode map (:meth:`pdf_tounicode.PageMaps.read`), on a page whose maps were read (see
    :func:`page_lines`). One character for one, so the text page's offsets still hold."""
    maps: pdf_tounicode.PageMaps | None = getattr(textpage, "codes", None)
    if not maps or not maps.fonts:
        return raw
    chars = list(raw)
    for at, char in enumerate(raw):
        if char.isascii() or not _at(textpage, raw, start, at):
            continue
        chars[at] = maps.read(char, _font_name(textpage, start + at))
    return "".join(chars)


def _undoubled(textpage: Any, raw: str, start: int) -> str:
    """``raw`` without the second copy of a word drawn twice on itself: a TeX logo
    ("XeTeX", whose mirrored E is drawn over a plain one) reads "XeTeXXeTeX", which no reader
    sees and no question asks for. A copy is known by its place: it starts back inside the first
    one, where a word written twice ("haha") goes on to the right. Back past the first copy's
    last character, not only into it: type set tight kerns "infringing"'s second "ing" a point
    into the first, and it was read "infring" (the Copyright Office's DMCA summary)."""
    if not _DOUBLED.search(raw):
        return raw
    return _blanked(raw, _doubles(textpage, raw, start))


def _doubles(textpage: Any, raw: str, start: int) -> Iterator[tuple[int, int]]:
    for match in _DOUBLED.finditer(raw):
        half = match.start() + len(match[1])
        back = _char_box(textpage, start + half)[0] < _char_box(textpage, start + half - 1)[0]
        if back:
            yield half, match.end()


def _blanked(raw: str, spans: Iterable[tuple[int, int]]) -> str:
    """``raw`` with each of ``spans`` (in order) set to dropped characters, as long as it was:
    what the text page's offsets count on (see _line)."""
    kept, last = [], 0
    for begin, end in spans:
        kept += [raw[last:begin], _DROPPED * (end - begin)]
        last = end
    return "".join([*kept, raw[last:]])


def _unmarked(textpage: Any, raw: str, start: int) -> str:
    """``raw`` (whose characters stand at ``start`` of the text page) without the footnote
    marks set superscript after a word or a stop ("the preamble.²", "package.⁸"), which PDFium
    reads as digits glued to it ("preamble.2"): smaller than the character before them and
    raised above its baseline. The note itself keeps its number."""
    return _blanked(raw, _marks(textpage, raw, start))


def _marks(textpage: Any, raw: str, start: int) -> Iterator[tuple[int, int]]:
    # (a line without a digit has no such mark: most of them, and the pattern is slow to say so)
    spans = [match.span() for match in _MARK_AFTER.finditer(raw)] if _DIGIT.search(raw) else []
    if _NO_CHARACTER.search(raw):
        spans = sorted([*spans, *(m.span() for m in _NO_CHARACTER.finditer(raw))])
    for begin, end in spans:
        at = start + begin
        # the text the mark is set beside: the word before it, or after it at a line's start
        if begin and not raw[begin - 1].isspace():
            by = at - 1
        elif raw[end:].strip().strip(_DROPPED):
            by = start + _visible_at(raw, end)
        else:
            continue  # a mark alone on its line: nothing to measure it by
        size = _font_size(textpage, by)
        raised = _char_box(textpage, at)[2] > _char_box(textpage, by)[2] + 0.2 * size
        if raised and _font_size(textpage, at) < 0.85 * size:
            yield begin, end


def _stops_closed(textpage: Any, raw: str, start: int) -> str:
    """``raw`` without the space PDFium makes up before a comma, stop or closing parenthesis
    where a word's last letter is kerned away from it: a TeX logo ("with LuaTeX , or XeTeX ."
    in microtype.pdf). A space the file itself has there stays; so do leaders (". . .")."""
    return _blanked(raw, _made_up_spaces(textpage, raw, start))


def _made_up_spaces(textpage: Any, raw: str, start: int) -> Iterator[tuple[int, int]]:
    if " ," not in raw and " ." not in raw and " )" not in raw:
        return  # (most lines: the pattern is slow to say so)
    for match in _SPACE_BEFORE_STOP.finditer(raw):
        at = start + match.start()
        # ".changes" in typewriter type after "the" starts a word of its own.
        if pdfium_c.FPDFText_IsGenerated(textpage.raw, at) and _font_name(
            textpage, at - 1
        ) == _font_name(textpage, at + 1):
            yield match.span()


def _ligatures_closed(textpage: Any, raw: str, start: int) -> str:
    """``raw`` without the space a layout program writes after a ligature, which PDFium reads
    as its letters: "ﬁve" reads "fi ve", "oﬃce" "o ffi  ce". The ligature's letters share one
    box, and the next letter starts at its edge, where a space between words leaves a gap."""
    return _blanked(raw, _ligature_spaces(textpage, raw, start))


def _ligature_spaces(textpage: Any, raw: str, start: int) -> Iterator[tuple[int, int]]:
    for match in _LIGATURE_SPACE.finditer(raw):
        at, letters = start + match.start(), len(match[1])
        left, right, _ = _char_box(textpage, at)
        size = _font_size(textpage, at)
        shared = abs(_char_box(textpage, at + letters - 1)[0] - left) < 0.01
        one_glyph = shared and right - left > 0.3 * size  # (no box at all shares one too)
        if one_glyph and _char_box(textpage, start + match.end())[0] - right < 0.25 * size:
            yield match.span(2)


def _gaps_spaced(textpage: Any, raw: str, start: int) -> str:
    """``raw`` with a space where two letters are set a word's space apart and PDFium gave none.

    A font may put a letter at character code 32, the space's, to which the line's word spacing
    (``Tw``) applies: Acrobat Distiller put "k" there in the Google File System paper and parted
    the next word by the word spacing. PDFium counts that gap as the letter's own, makes up no
    space, and every word ending in "k" ran into the next ("chunksize", "diskspace"). The
    letters' advance boxes tell: inside a word they touch (kerning moves them a hundredth of an
    em), between words a fifth of an em or more parts them. (The second copy of a word drawn
    twice, blanked already, is no letter.)"""
    spacing: _Spacing | None = getattr(textpage, "spacing", None)
    if spacing is not None and not spacing.wanted():
        return raw
    letters = [
        char.isalpha() and _at(textpage, raw, start, index) for index, char in enumerate(raw)
    ]
    pairs = [index for index in range(1, len(raw)) if letters[index - 1] and letters[index]]
    # Each letter's box looked up once, though two pairs share it (a mirrored glyph has none).
    boxes = {
        index: None if _mirrored(textpage, start + index) else _advance_box(textpage, start + index)
        for index in {*pairs, *(index - 1 for index in pairs)}
    }
    cuts = [
        index for index in pairs if _parted(textpage, start + index, boxes[index - 1], boxes[index])
    ]
    # Letters set apart all along are a heading's tracking ("A N N U A L  R E P O R T" came of
    # "ANNUAL REPORT" set 0.2 em apart: a reviewer's case), not words run together.
    if not cuts or 2 * len(cuts) > len(pairs):
        return raw
    if spacing is not None:
        spacing.found = True
    # (the last step that looks a character up by its offset: a space may shift them now)
    pieces = [raw[begin:end] for begin, end in zip([0, *cuts], [*cuts, len(raw)], strict=True)]
    return " ".join(pieces)


def _at(textpage: Any, raw: str, start: int, index: int) -> bool:
    """Whether ``raw[index]`` is the text page's character at ``start + index``: a character
    outside the Basic Multilingual Plane ("𝑥") counts twice in the page, once in ``raw``."""
    return bool(pdfium_c.FPDFText_GetUnicode(textpage.raw, start + index) == ord(raw[index]))


def _parted(
    textpage: Any,
    index: int,
    before: tuple[float, float, float] | None,
    after: tuple[float, float, float] | None,
) -> bool:
    """Whether the character at ``index`` (its advance box ``after``) starts a fifth of an em or
    more after the end of the one before it (``before``), on its baseline (see
    :func:`_gaps_spaced`). A mirrored glyph (the XeTeX logo's reversed E) has no advance box to
    go by (None)."""
    if before is None or after is None:
        return False
    gap = after[0] - before[1]
    if gap < _WORD_GAP * _LEAST_SIZE:  # no word's space at any size read: letters of a word
        return False  # (most pairs: their font's size is not looked up)
    size = _font_size(textpage, index)
    if size < _LEAST_SIZE or abs(before[2] - after[2]) > 0.3 * size:  # a sub- or superscript
        return False
    return gap >= _WORD_GAP * size


def _mirrored(textpage: Any, index: int) -> bool:
    matrix = pdfium_c.FS_MATRIX()
    if not pdfium_c.FPDFText_GetMatrix(textpage.raw, index, ctypes.byref(matrix)):
        return False
    return bool(matrix.a * matrix.d - matrix.b * matrix.c < 0)


def _advance_box(textpage: Any, index: int) -> tuple[float, float, float]:
    """The character's left, right and bottom by its advance width (PDFium's "loose" box), as
    the viewer shows its page: its glyph's own box (:func:`_char_box`) is narrower by its side
    bearings, which part letters inside a word too ("r" before "t")."""
    rect = pdfium_c.FS_RECTF()
    pdfium_c.FPDFText_GetLooseCharBox(textpage.raw, index, ctypes.byref(rect))
    box = (rect.left, rect.bottom, rect.right, rect.top)
    if textpage.turn is not None:
        box = textpage.turn.box(box)
    return box[0], box[2], box[1]


def _font_name(textpage: Any, index: int) -> bytes:
    name = ctypes.create_string_buffer(128)
    flags = ctypes.c_int()
    pdfium_c.FPDFText_GetFontInfo(textpage.raw, index, name, 128, ctypes.byref(flags))
    return name.value


def _accented(text: str) -> str:
    """``text`` with each diacritic set apart before its letter (see :data:`_SPACING_ACCENT`)
    put on it, where Unicode has the accented letter ("naïve", "école"); "˜x" in a formula
    stays."""
    return _SPACING_ACCENT.sub(_accent_on, text) if _ACCENT_SET_APART.search(text) else text


def _accent_on(match: re.Match[str]) -> str:
    joined = unicodedata.normalize("NFC", match[2].replace("ı", "i") + _COMBINING[match[1]])
    return joined if len(joined) == 1 and "\u00c0" <= joined <= "\u017f" else match[0]


def _loose_graves(text: str) -> str:
    """The opening quote a TeX font draws as a grave accent, which PDFium gives as a combining
    U+0300 on no letter (dblatex: "symlinks for ̀frozen’"): a quote before a word; where PDFium
    moved it away from its word ("the stable’ distribution ̀"), nothing."""
    if "\u0300" not in text:
        return text
    text = _QUOTE_GRAVE.sub("\u2018", text)
    return " ".join(_STRAY_GRAVE.sub("", text).split())


def _type_of(textpage: Any, raw: str, start: int) -> tuple[float, bool, bool]:
    """The line's font size, whether it is bold and whether it is code (fixed pitch), from nine
    of its visible characters.

    One character can mislead (a link anchor or a generated space reports size 1), so the size
    most of the samples share is taken, and the line is bold when most samples are. It is code
    only when every sample is fixed-pitch: prose mentioning ``\\input`` or ``foo.sty`` is prose.
    """
    first = _after_line_number(textpage, raw, start)
    last = len(raw.rstrip()) - 1
    samples = sorted({_visible_at(raw, first + round(k * (last - first) / 8)) for k in range(9)})
    sizes: Counter[float] = Counter()
    fixed = latin = 0
    cjk = bool(_FULL_WIDTH.search(raw))
    weights: list[bool] = []
    monos: list[bool] = []
    name = b""  # the last font named on the line
    opens_in_code = None  # beside Chinese: whether the line's first character is in a code font
    for offset in samples:
        size = _font_size(textpage, start + offset)
        if size >= 2:  # smaller is no text size but an artefact
            sizes[round(size, 1)] += 1
        heavy, mono, named, name = _font(textpage, start + offset, name)
        weights.append(heavy)
        monos.append(mono)
        # Every Chinese or Japanese font is fixed-pitch, its text no code (a constitution set
        # in SimSun was one "listing" a chapter, its lines' breaks and indents kept): such
        # characters count neither way, a code line's comment or string in Chinese ("print(
        # '你好，' + name)") is still code, a line of them alone never. Beside them, a font is
        # a code font by its name only: SimSun's quotes and MS Gothic's figures are fixed-pitch.
        wide = cjk and _FULL_WIDTH.match(raw[offset]) is not None
        if not wide:
            latin, fixed = latin + 1, fixed + (named if cjk else mono)
        if opens_in_code is None:
            opens_in_code = not wide and named
    # A Chinese line is code when it opens so ("# 打印问候语", "print('你好，' + name)"), not
    # when a command stands inside its sentence ("运行 pip install quotebot 即可安装").
    code = latin >= _CODE_SAMPLES and fixed == latin and (not cjk or bool(opens_in_code))
    size = sizes.most_common(1)[0][0] if sizes else 0.0
    if not code and _named_in_code(raw, samples, weights, monos):
        return size, True, code
    # A paragraph opening with a term in bold, its text in roman ("Foreign address. Enter the
    # information …", a tax booklet's every paragraph) is text, however long the term: bold
    # at its start, roman over its end (a note's mark after a bold heading is one character).
    lead = len(weights) > 3 and weights[0] and not any(weights[-2:])
    bold = sum(weights)
    return size, bold * 2 > len(samples) and not lead, code


def _named_in_code(
    raw: str, samples: Sequence[int], heavy: Sequence[bool], mono: Sequence[bool]
) -> bool:
    """Whether the line's sampled characters (at ``samples``) are bold over two words or more,
    then in a code font to its end: a heading ending in a name set so ("6.1 Best practices
    for debian/rules", Sphinx's and LaTeX's way), bold all through; no paragraph runs on in a
    code font (a figure's label, "NODE ⏞0pt", is one word)."""
    cut = next((i for i, bold in enumerate(heavy) if not bold), len(heavy))
    if cut == 0 or cut == len(heavy) or not all(mono[cut:]):
        return False
    # A bold label and its value ("Default value: true", "See also: quotebot search") is a
    # field of a reference, no heading.
    end = raw.find(" ", samples[cut - 1])  # the last bold sample's word whole
    bold = raw[: end if end >= 0 else samples[cut]].rstrip()
    return len(raw[: samples[cut]].split()) >= 2 and ":" not in bold


def _after_line_number(textpage: Any, raw: str, start: int) -> int:
    """Where the line's text starts, after the number a numbered listing sets before each of
    its lines in small type ("1 \\begin{Verbatim}", the 1 in 5 pt roman): the listing is still
    code, whatever font its numbers are in."""
    first = len(raw) - len(raw.lstrip())
    number = _LISTING_NUMBER.match(raw, first)
    if number is None or number.end() >= len(raw.rstrip()):
        return first
    smaller = _font_size(textpage, start + first) < 0.8 * _font_size(textpage, start + number.end())
    return number.end() if smaller else first


def _visible_at(raw: str, index: int) -> int:
    """``index``, or the next position that is not white space (the line ends with such) nor
    a character left out (:data:`_DROPPED`: where :func:`_breaks_closed` closed a break)."""
    while raw[index].isspace() or raw[index] == _DROPPED:
        index += 1
    return index


def _font_size(textpage: Any, index: int) -> float:
    """The size the character at ``index`` is printed in, in points: the font size it was set in
    scaled by its text and page matrices. Many producers (Acrobat Distiller, Quartz, Skia) set
    every font at size 1 and scale the matrix to 10.5 or 12, and some set 24 pt type on a page
    scaled by a half: the font size alone would make all their text one (unusable) size. A
    negative size (``-12 Tf``: the glyphs mirrored, often turned back by the matrix) is as large
    as the positive one."""
    probe = _probe(textpage)
    found = probe.sizes.get(index)
    if found is None:
        size = abs(pdfium_c.FPDFText_GetFontSize(probe.raw, index))
        if pdfium_c.FPDFText_GetMatrix(probe.raw, index, probe.matrix_ref):
            size *= math.hypot(probe.matrix.c, probe.matrix.d)  # the em's height, however turned
        found = probe.sizes[index] = float(size)
    return found


def _char_box(textpage: Any, index: int) -> tuple[float, float, float]:
    """The character's left, right and bottom as the viewer shows its page (see :class:`_Turn`)."""
    probe = _probe(textpage)
    found = probe.boxes.get(index)
    if found is None:
        left, right, bottom, top = probe.box
        box = (0.0, 0.0, 0.0, 0.0)  # (no character there: PDFium writes nothing)
        if pdfium_c.FPDFText_GetCharBox(probe.raw, index, *probe.box_refs):
            box = (left.value, bottom.value, right.value, top.value)
        if textpage.turn is not None:
            box = textpage.turn.box(box)
        found = probe.boxes[index] = (box[0], box[2], box[1])
    return found


@dataclass(frozen=True)
class _Turn:
    """A page the viewer turns (/Rotate 90, 180 or 270 degrees clockwise) whose text is set to
    read across once turned: a landscape page, or one a scanner or "Rotate page" left so. Its
    lines run up (or down) the file's own page, so every position is taken as the viewer shows
    it, in which they run across: otherwise each line's "height" is where it starts and the
    lines of a paragraph, its headers and footers and its columns are not told apart."""

    degrees: int
    media: tuple[float, float, float, float]  # the file's media box: left, bottom, right, top

    def box(self, rect: tuple[float, float, float, float]) -> tuple[float, float, float, float]:
        """``rect`` (left, bottom, right, top on the file's page) on the turned page."""
        left, bottom, right, top = rect
        m_left, m_bottom, m_right, m_top = self.media
        width, height = m_right - m_left, m_top - m_bottom
        u0, u1, v0, v1 = left - m_left, right - m_left, bottom - m_bottom, top - m_bottom
        if self.degrees == 90:
            return v0, width - u1, v1, width - u0
        if self.degrees == 180:
            return width - u1, height - v1, width - u0, height - v0
        return height - v1, u0, height - v0, u1


def _turn(page: Any) -> _Turn | None:
    """The page's :class:`_Turn`, when the viewer turns it and most of its characters are set to
    read across once turned (a page whose text the turn leaves on its side is read as set).
    Worked out once per page."""
    if not hasattr(page, "turn"):
        page.turn = None
        degrees = page.get_rotation()
        if degrees in (90, 180, 270) and _mostly_at(page, (360 - degrees) * math.pi / 180):
            page.turn = _Turn(degrees, tuple(page.get_mediabox()))
    turn: _Turn | None = page.turn
    return turn


def _mostly_at(page: Any, angle: float) -> bool:
    """Whether most of the page's characters are set at ``angle`` (PDFium's, in radians)."""
    textpage = page.get_textpage()
    try:
        count = pdfium_c.FPDFText_CountChars(textpage.raw)
        angles = [pdfium_c.FPDFText_GetCharAngle(textpage.raw, i) for i in range(count)]
    finally:
        textpage.close()
    return bool(2 * sum(abs(found - angle) < 0.1 for found in angles) > len(angles) > 0)


def _viewed_box(page: Any, rect: tuple[float, float, float, float]) -> tuple[float, ...]:
    """``rect`` (a box of the page: left, bottom, right, top) as the viewer shows the page."""
    turn = _turn(page)
    return rect if turn is None else turn.box(rect)


def _font(textpage: Any, index: int, last: bytes) -> tuple[bool, bool, bool, bytes]:
    """Whether the character at ``index`` is set in a bold font, in a fixed-pitch one, and in
    one whose name says so, and the font's name: where PDFium names none (no font, or a name
    too long), ``last``, the one named before it on the line, as a buffer kept for the line
    would still hold."""
    probe = _probe(textpage)
    found = probe.fonts.get(index)
    if found is None:
        probe.flags.value = 0
        length = pdfium_c.FPDFText_GetFontInfo(probe.raw, index, probe.name, 128, probe.flags_ref)
        fixed = probe.flags.value & _FIXED_PITCH
        named = probe.name.value if 0 < length <= 128 else None
        kinds = None if named is None else _font_kinds(probe, index, named, fixed)
        found = probe.fonts[index] = (named, fixed, kinds)
    named, fixed, kinds = found
    if named is None or kinds is None:
        return (*_font_kinds(probe, index, last, fixed), last)
    return (*kinds, named)


def _font_kinds(probe: _Probe, index: int, name: bytes, fixed: int) -> tuple[bool, bool, bool]:
    """Bold, fixed-pitch and named so (see :func:`_font`), for the font named ``name``."""
    heavy, mono = _font_kind(name)
    heavy = heavy or pdfium_c.FPDFText_GetFontWeight(probe.raw, index) >= 600
    return heavy, mono or bool(fixed), mono


class _Probe:
    """A text page's buffers for PDFium's per-character calls, made once, and the answers
    already read: a page's lines ask for the same characters' sizes, boxes and fonts again
    (the column finder, the line's type, its marks), some hundred thousand times a book."""

    def __init__(self, textpage: Any) -> None:
        self.raw = textpage.raw
        self.matrix = pdfium_c.FS_MATRIX()
        self.matrix_ref = ctypes.byref(self.matrix)
        self.box = tuple(ctypes.c_double() for _ in range(4))
        self.box_refs = tuple(ctypes.byref(value) for value in self.box)
        self.flags = ctypes.c_int()
        self.flags_ref = ctypes.byref(self.flags)
        self.name = ctypes.create_string_buffer(128)
        self.sizes: dict[int, float] = {}
        self.boxes: dict[int, tuple[float, float, float]] = {}
        self.fonts: dict[int, tuple[bytes | None, int, tuple[bool, bool, bool] | None]] = {}


def _probe(textpage: Any) -> _Probe:
    """The :class:`_Probe` of ``textpage``, made at its first use."""
    probe: _Probe | None = getattr(textpage, "probe", None)
    if probe is None:
        probe = textpage.probe = _Probe(textpage)
    return probe


@functools.lru_cache(maxsize=256)
def _font_kind(name: bytes) -> tuple[bool, bool]:
    """Bold and fixed-pitch as a font's name says ("LMMono10-Bold"); a page uses few fonts."""
    font = name.decode("latin-1")
    return bool(_BOLD_FONT.search(font)), bool(_MONO_FONT.search(font))


def reading_order(
    lines: list[Line], width: float, left: float = 0.0, gutters: Sequence[float] | None = None
) -> list[Line]:
    """The page's lines in reading order: on a page of two to four columns, between lines
    across them (a title, a wide figure, a wide table's rows), each column top to bottom, left
    to right (see :mod:`pdf_columns`: the ``gutters`` found when its lines were read, none there
    on a page of one column, or found here when they were not looked for). The page shows
    ``width`` points from ``left`` on."""
    found = gutters
    if found is None:
        spans = [(ln.x0, ln.x1, ln.text, ln.y, n, ln.size) for n, ln in enumerate(lines)]
        found = pdf_columns.gutters(spans, width, left)
    return pdf_columns.in_columns(lines, found) if found else _heads_first(lines)


def _heads_first(lines: list[Line]) -> list[Line]:
    """``lines`` with those set larger above the first one brought before it, top first: a
    slide's title and lead sentence, which Keynote writes after the list below them (the list
    stood under no heading, and the title headed the note after it)."""
    if not lines:
        return lines
    # The first line with words: a page number written first ("3" at the foot of a memo's
    # page, in a note's type) is no slide's lead, and all the page's text is larger than it.
    # A running footer written first (ASVS's "OWASP … 4.0.3 (es) 59" at the page's foot) is no
    # lead either: every heading of the page stood above it, and all were raised over the text,
    # the page's last heading citing all of it.
    lowest = min(ln.y for ln in lines)
    worded = [ln for ln in lines if sum(ch.isalpha() for ch in ln.text) >= 3]
    worded = [ln for ln in worded if not _foot(ln, lowest)] or worded
    text = worded[0] if worded else lines[0]
    first = lines[0] if any(ch.isalpha() for ch in lines[0].text) else text
    if _foot(first, lowest):
        first = text
    above = [ln for ln in lines if ln.y > first.y + first.size and ln.size >= 1.1 * first.size]
    # A chapter's title set large on the left of a spread, beside its right page's text, which
    # the file writes first: "02 Basic principles" / "of modern" / "software design" came
    # after that page's text, inside a paragraph running on to the next page.
    left = [ln for ln in lines if ln.x1 <= text.x0 and ln.size >= 1.5 * text.size]
    if left and max(ln.y for ln in left) >= text.y - 2 * text.size:
        above += [ln for ln in left if ln not in above]
    if not above:
        return lines
    raised = {id(line) for line in above}
    return sorted(above, key=lambda ln: -ln.y) + [ln for ln in lines if id(ln) not in raised]


def _foot(line: Line, lowest: float) -> bool:
    """Whether ``line`` is the lowest of its page (``lowest``) and in its bottom eighth: a
    footer's place."""
    return line.y <= lowest and line.height > 0 and line.y < line.height / 8


def _unspaced(text: str) -> str:
    """``text`` without the spaces of letter-spaced Chinese or Japanese ("全 世 界 无 产 者" is
    "全世界无产者"): headings and short lines are set so, and PDFium reads each gap as a space,
    which no reader writes and which cuts every word in two. A line with a space here and there
    between such characters ("初中 李新录") keeps it."""
    if not HAN_KANA.search(text):
        return text
    spaced = len(_HAN_KANA_SPACED.findall(text))
    if spaced < 2 or spaced < len(_HAN_KANA_PAIR.findall(text)):
        return text
    return _HAN_KANA_SPACED.sub("", text)


def _unprotected(text: str) -> str:
    """``text`` without the "protect" that LaTeX leaves in a text layer around a meta-variable
    ("factor protect <integerprotect > 1000" is printed "factor ⟨integer⟩ 1000")."""
    return _PROTECTED.sub(r"<\1>", text) if "protect <" in text else text


# "3.2 Character protrusion", "A. Sources", "IV. Results": a section's number, no title page's.
NUMBERED_HEADING = re.compile(r"^(?:\d{1,2}(?:\.\d{1,2})*\.?|[A-Z]\.|[IVX]{1,4}\.)\s+\w")
# "ARTICLE VIII", "Chapter 4", "PART II" on a line of their own: a division's label, whose number
# is its name (bylaws and statutes set them centred in the text's type, the title on the next line).
DIVISION_LABEL = re.compile(
    r"^(?:article|chapter|part|title|schedule|annex|appendix|book)\s+(?:[ivxlc]{1,7}|\d{1,3}|[a-z])\.?$",
    re.IGNORECASE,
)


def pages_prose_marked(lines: list[Line]) -> list[Line]:
    """``lines`` with those set in the type their page's prose is set in marked ``plain``, on a
    page whose prose is set in another size than the document's body (see :func:`body_size`):
    BCM2835's chapters are set in 12 pt, its register tables' many descriptions in 10 pt,
    which made every line of the chapters' text "large type", and a sentence such as "The
    block diagram for an individual GPIO pin is given below :" the heading of 47 rows."""
    body = body_size(lines)
    pages: dict[int, Counter[float]] = {}
    for line in lines:
        if _reads_as_prose(line):
            pages.setdefault(line.page, Counter())[round(line.size * 2) / 2] += 1
    sizes = {
        page: size
        for page, counted in pages.items()
        for size, count in counted.most_common(1)
        if count >= _PROSE_LINES and abs(size - body) > 0.5
    }
    return [
        replace(line, plain=True)
        if line.page in sizes and abs(line.size - sizes[line.page]) <= 0.5
        else line
        for line in lines
    ]


_PROSE_LINES = 3  # lines of prose in one size on a page that make it the page's text type


def _reads_as_prose(line: Line) -> bool:
    """A line of running text: six words or more, most of them in small letters."""
    words = line.text.split()
    lower = sum(word[:1].islower() for word in words)
    return len(words) >= 6 and 2 * lower >= len(words) and not line.mono and line.table is None


def by_page(lines: Sequence[Line]) -> list[list[Line]]:
    """``lines`` by page, in their order."""
    pages: dict[int, list[Line]] = {}
    for line in lines:
        pages.setdefault(line.page, []).append(line)
    return list(pages.values())


def body_size(lines: Sequence[Line]) -> float:
    """The font size most of the text is set in; lines of no known size (0: see :func:`_type_of`)
    don't count, and text of no known size at all is taken as set in 10 pt."""
    sizes: Counter[float] = Counter()
    for line in lines:
        if line.size > 0:
            sizes[round(line.size * 2) / 2] += len(line.text)
    return sizes.most_common(1)[0][0] if sizes else 10.0
