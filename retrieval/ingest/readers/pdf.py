"""The reader of PDF files (their text layer), with pypdfium2.

Reading goes in passes, each a small function over plain :class:`Line` records:

1. :func:`page_lines` — page by page (each page closed before the next is opened, so memory stays
   bounded), PDFium's text lines with their position, font size, weight and pitch, measured as
   the viewer shows the page (a landscape page turned by /Rotate: :class:`_Turn`); two-column
   pages are put in reading order (:func:`reading_order`).
2. :func:`furniture` — running headers and footers (lines that repeat at the top or bottom of
   pages, page numbers however printed) and table-of-contents entries are dropped.
3. :func:`assemble` — lines become headings (larger or bold type), code (fixed-pitch listings,
   with the sentence that introduces them) and paragraphs (lines reflowed, split at vertical
   gaps, first-line indents and short sentence-ending lines), each on the page it starts on, even
   when it runs on over a page break or into the next column.

PDFium joins a word hyphenated at a line end and marks the join (U+FFFE); :func:`rejoin` decides
from the document's own words whether the hyphen was the typesetter's ("opportu-nities" →
"opportunities") or the word's ("well-known", "Debian-based").
"""

from __future__ import annotations

import ctypes
import functools
import itertools
import math
import re
import statistics
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
from retrieval.ingest.parsed import Block, ParsedDocument
from retrieval.ingest.readers import mojibake, pdf_tables
from retrieval.ingest.readers.common import attach_code, is_placeholder_title, iso_date, prose
from retrieval.ingest.readers.text import fallback_title, find_date
from retrieval.model import solid_length
from retrieval.text import word_count

_HYPHEN_JOIN = "\ufffe"  # PDFium's mark where it joined a word hyphenated at a line end
_JOINED_WORD = re.compile(rf"\S*{_HYPHEN_JOIN}\S*")
_WORD = re.compile(r"\w+(?:-\w+)*")
_PASSWORD_ERRORS = (pdfium_c.FPDF_ERR_PASSWORD, pdfium_c.FPDF_ERR_SECURITY)
# What PDFium's other reasons for not opening a file mean to its owner; for some files it
# gives none ("Success").
_HIDDEN_ANNOTATION = pdfium_c.FPDF_ANNOT_FLAG_HIDDEN | pdfium_c.FPDF_ANNOT_FLAG_NOVIEW
_OPEN_ERRORS = {
    pdfium_c.FPDF_ERR_FORMAT: "damaged: its structure cannot be read",
    pdfium_c.FPDF_ERR_PAGE: "damaged: its pages cannot be found",
}
_PAGE_NUMBER = re.compile(
    r"^(?:page\s+)?[-–—(\[]?\s*(?:\d{1,4}|[ivxlcdm]{1,7})\s*[-–—)\]]?(?:\s*(?:of|/)\s*\d{1,4})?$",
    re.IGNORECASE,
)
# "4.7 Option processing . . . . 20"; in an index, "lscommand . . . . 127, 128".
# Leaders may be dots, ellipses or middle dots ("关于红军作战的原则 … … … … １").
_LEADER = re.compile(
    r"(?:\s?[.…·・．]){4,}\s*(?:\S{0,8}|\d(?: ?\d){1,3}|\d{1,4}(?:\s*[,–-]\s*\d{1,4})+)$"
)
# An index entry's page numbers: "apt-file, 39", "daemontools, 19 , 49", "\\vskip . . . 71–73, 94,".
_INDEX_ENTRY = re.compile(r"(?:(?:^|,)\s*\d{1,4}(?:[–-]\d{1,4})?\s*,?|(?:\s\.){3,})$")
_PAGE_LIST = re.compile(r"^\d{1,4}(?:[–-]\d{1,4})?(?:,\s+\d{1,4}(?:[–-]\d{1,4})?){3,},?$")
# A contents entry whose leader is one dot or none: "2 The Implementation 2", "… release) . 9".
_CONTENTS_TITLE = re.compile(
    r"^(?:table of contents|contents|list of (?:tables|figures)|table des matières|sommaire"
    r"|índice(?: general)?|indice|inhaltsverzeichnis|содержание|оглавление|目\s?[录錄]|目\s?次)$",
    re.IGNORECASE,
)
_PAGE_TAIL = re.compile(r"\s(?:\.\s)?(?:\d{1,4}|[ivxlc]{1,6})$")
_RUN_IN_ENTRY = re.compile(r",\s\d{1,4}\.(?:—|$)")  # "2.1. Format, 2.—2.2. Spacing, 2.—"
_EDGE_FOLIO = re.compile(r"^(?:#|[ivxlc]{1,6})\s+|\s+(?:#|[ivxlc]{1,6})$")
_EDGE_NUMBER = re.compile(r"^(\d{1,4})\b|\b(\d{1,4})$")
# Bullets and the boxes of a checklist ("□ The RFP will be no more than 20 pages"), in the glyphs
# word processors and layout programs set them in; "?" is a question's mark set as its bullet
# ("? Are the APIs open and usable by other vendors?"): no line of prose starts with one.
_BULLETS = "•◦▪·*–●○■□☐❑❒➢►▶◆◇✓✔?-"
_SYMBOL_BULLET = re.compile(rf"^[{_BULLETS}]\s")
_BULLET = re.compile(rf"^(?:[{_BULLETS}]|\d{{1,2}}[.)]|[a-z][.)])\s")
# Four letters or more with spaces between: a sample of letterspaced type ("Stop st e a l i n g
# s h e e p!" in a typesetting manual), no heading.
_LETTERSPACED = re.compile(r"(?:^|\s)(?:[^\W\d_]\s){3,}[^\W\d_](?:\s|\W*$)")
_QUOTE_GRAVE = re.compile(r"(?<![^\s(])\u0300(?=[^\W\d_])")  # on no letter, before a word
_STRAY_GRAVE = re.compile(r"(?<![^\s(])\u0300")
_TAG_STARTS = ("(", "[", "—", "–")  # a reference or source set flush right: "(github issue 711)"
_SENTENCE_END = (".", "!", "?", ":", ";", ".”", ".)", '."', "?”")
_BOLD_FONT = re.compile(r"bold|black|heavy|semibold|demi|cmbx|\bbx\d", re.IGNORECASE)
_MONO_FONT = re.compile(r"mono|courier|typewriter|consol|inconsolata|tt\d|tt$", re.I)
_FIXED_PITCH = 1  # FPDF_FONT_FIXEDPITCH in the font flags
_LISTING_NUMBER = re.compile(r"\d{1,3}\s+")
_RUN_THROUGH_LINES = 4  # a display this long may stand inside a sentence (_runs_through_display)
_RUN_ON_WORDS = 6  # a bold line this long running on into roman is a sentence (bold_runs_on)
# before a stop that ends a word: not ".deb", "search .|grep", nor leaders (". . .")
_SPACE_BEFORE_STOP = re.compile(r"(?<=[^\W\d_]|\x00) (?=[,.)](?:\s(?![.…])|$))")
_YEAR_HEADING = re.compile(r"^\d{1,2}(?:\.\d{1,2}){1,3}\.?\s+(?:19|20)\d\d$")
_PROTECTED = re.compile(r"\bprotect <([^<>]*?)\s*protect >")
_NUMBERED_LABELS = re.compile(r"^(\w+) \d+(?: \1 \d+)+$")
_LINE_NUMBER = re.compile(r"^(\d{1,4})\s+(?=\S)")
_LONE_NUMBER = re.compile(r"^\d{1,4}$")
_LIGATURE_SPACE = re.compile(r"(ffi|ffl|ff|fi|fl)( +)(?=[a-z])")
_DROPPED = "\x00"  # a character a line's text leaves out (see _line)
_DOUBLED = re.compile(r"([^\W\d_]{3,})\1")  # "XeTeXXeTeX": a word twice, maybe overdrawn
# A footnote mark after a word or its stop ("preamble.2 Here", "package.8"): digits after three
# letters, or a letter and a stop, before a space or the line's end. Not after two letters: a
# unit's power ("km²", "cm³", "mc²" set as a raised digit) is no footnote.
_MARK_AFTER = re.compile(r"(?:(?<=[^\W\d_][.,;:)])|(?<=[^\W\d_]{3}))\d{1,2}(?=\s|$)")
_GLUED_MARK = re.compile(r"^(\d{1,3}|[∗*†‡§¶])(?=[A-Z“\"‘(])")
_FOOTNOTE_MARK = re.compile(r"^(?:\d{1,3}|[∗*†‡§¶])\s?[A-Z“\"‘(]")  # "4This is", "∗ The"
# Han, kana and the punctuation set with them: written without spaces between words.
_CJK = re.compile(
    r"[\u2e80-\u2fdf\u3000-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]"
)
_HAN_KANA_CHAR = r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]"
_HAN_KANA = re.compile(_HAN_KANA_CHAR)
_HAN_KANA_SPACED = re.compile(rf"(?<={_HAN_KANA_CHAR}) (?={_HAN_KANA_CHAR})")
_HAN_KANA_PAIR = re.compile(rf"(?<={_HAN_KANA_CHAR}){_HAN_KANA_CHAR}")
_CJK_PUNCTUATION = re.compile(r"[\u3000-\u303f\uff01-\uff0f\uff1a-\uff20\uff5b-\uff65]")
_SPACED_PUNCTUATION = re.compile(
    r" +(?=[\u3000-\u303f\uff01-\uff0f\uff1a-\uff20\uff5b-\uff65])"
    r"|(?<=[\u3000-\u303f\uff01-\uff0f\uff1a-\uff20\uff5b-\uff65]) +"
)
# A web or mail address broken at a line end after "." or "/" ("https://www.debian." / "org/",
# "maintonly@bugs.debian." / "org"), and what may continue it on the next line: more of an
# address ("org/fhs).", "manuals/howto/)", "html)") — not a word after a whole one ("… /hurd/"
# / "for").
_WWW = re.compile(r"^\(?www\.")
_ADDRESS_REST = re.compile(r"^[a-z0-9][\w~%+-]*(?:[./#?=&][\w~%+#?=&-]*)+/?[)>\].,;:]*$")
_TOP_DOMAIN = re.compile(r"^(?:com|org|net|edu|gov|html?|php|txt)[)>\].,;:]*$")  # after a "."
_ABBREVIATION = re.compile(r"^(?:[a-z]\.){2,}|^\d")  # "e.g.", "i.e.", "2.0": a new sentence's
# "3.2 Character protrusion", "A. Sources", "IV. Results": a section's number, no title page's.
_NUMBERED_HEADING = re.compile(r"^(?:\d{1,2}(?:\.\d{1,2})*\.?|[A-Z]\.|[IVX]{1,4}\.)\s+\w")
# A title the producing program filled in from the file it printed, no person's: "test.html",
# "Ash02.ps", "IBM-PDFs.graffle", "file:///shared/empty.html", "kkg_province_save_the_date".
_FILE_NAME_TITLE = re.compile(
    r"^(?:file:/\S*|\S+\.(?:html?|txt|ps|eps|ai|indd|qxd|qxp|pub|graffle|rtf|wpd|sd[ow]|sxw"
    r"|od[ps]|xlsx?|pptx?|csv|png|jpe?g|tiff?|gif|bmp|svg|md|cdr|dwg|vsdx?)"
    r"|(?:[^\W_]|['’])+(?:_(?:[^\W_]|['’])+)+)$",
    re.IGNORECASE,
)
# A diacritic TeX sets as a character of its own before its letter (\"{\i} → "na¨ıve",
# \'e → "´ecole"), which PDFium reads as two: put on the letter inside a word.
_SPACING_ACCENT = re.compile(
    r"(?:(?<=[^\W\d_]{2})|(?<=[^\W\d_])(?=..[^\W\d_])|(?<!\S)(?=..[^\W\d_]))([¨´ˆ˜ˇ˚˝¸])([ıa-zA-Z])"
)
_ACCENT_SET_APART = re.compile("[¨´ˆ˜ˇ˚˝¸]")  # (a quick look before the pattern above)
_COMBINING = dict(zip("¨´ˆ˜ˇ˚˝¸", "\u0308\u0301\u0302\u0303\u030c\u030a\u030b\u0327", strict=True))
_ORNAMENT_KINDS = frozenset({"So", "Po", "Pd", "Pc", "Co"})  # symbols, dots, dashes, private
DISPLAY_LINES = 2  # a display of code this short inside a sentence reads as part of it …
DISPLAY_CHARS = 60  # … with lines no longer than this
_TERM = re.compile(r"^[^\W\d_][\w-]*(?: [^\W\d_][\w-]*){0,8}$")  # "raggedleft center"
REPEATED_CHARS = 80  # a paragraph this long printed twice is one paragraph, not two
FRONT_WORDS = 12  # a block this long under the title is text: the title page's block has ended
FAR_JOIN = 1.8  # a hyphenated word's rest this many sizes lower is no next line's (see below)
FOOT = 0.35  # a note at a column's foot starts in this share of the page's height, from below
_CAPTION = re.compile(r"^(?:fig(?:ure)?|table|tab|listing|chart|exhibit)\.?\s*[\dIVX]", re.I)
FOOTNOTE_SIZE = 0.92  # a line this much smaller than the text, below it on its page: a footnote


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
    column: int = 0  # 0 for the only (or left) column, 1 for the right one
    height: float = 0.0  # the page's height, to tell its top and bottom margins
    y_last: float = 0.0  # the last character's baseline: lower than ``y`` where PDFium joined
    # a word hyphenated at the line end with the rest of it on the next line
    mono: bool = False  # set in a fixed-pitch font: a line of code
    shown: bool = True  # inside the page's crop box, which a viewer cuts the page to
    note: bool = False  # a note set beside a heading, kept with it (see _beside)
    table: str | None = None  # a table's row, its cells joined: the table's caption ("" none)


def read_pdf(data: bytes, path: Path) -> ParsedDocument:
    """The reader of ``.pdf`` files."""
    pdf = _open(data, path)
    try:
        meta = pdf.get_metadata_dict(skip_empty=True)
        lines = _marks_closed(shown(list(_all_lines(pdf, path))))
    finally:
        pdf.close()
    if not any(line.text.strip() for line in lines):
        raise DocumentError(path, "no text layer — needs OCR")
    garbled = mojibake.is_garbled(line.text for line in lines)
    if garbled:
        lines = _as_cp1251(lines, path)
    listed = contents_titles(lines)
    lines = _after_their_sentence(
        displays_inlined(
            terms_leading(
                _join_hyphens(
                    bold_runs_on(
                        listing_numbers_dropped(
                            _hyphens_carried(line_numbers_dropped(furniture(lines)))
                        )
                    )
                )
            )
        )
    )
    title = prose(meta.get("Title", ""))
    if garbled and mojibake.is_garbled([title]):
        title = mojibake.as_cp1251(title)
    stated = "" if is_placeholder_title(title) or _FILE_NAME_TITLE.match(title) else title
    document = assemble(lines, stated, listed)
    if not document.blocks and lines:
        # All of it set large (a flyer, a notice, a cover letter's one line): the headings are
        # the text, not sections of a document with none.
        document = assemble(lines, document.title, headings=False)
    document.blocks = front_joined(unrepeated(document.blocks))
    document.title = document.title or fallback_title(path)
    # A title page states the date ("May 31, 2022") when the file's properties don't.
    first_page = [line.text for line in lines if line.page == lines[0].page][:15] if lines else []
    document.date = iso_date(meta.get("CreationDate") or meta.get("ModDate")) or find_date(
        first_page
    )
    return document


def line_numbers_dropped(lines: list[Line]) -> list[Line]:
    """``lines`` without the numbers a draft sets before each line of its text (a journal's
    review copy: "6 In recent years, multimodal machine learning has seen …"), which PDFium
    reads into the text, and into a word where a line ends hyphenated ("represen-" "7 tation"
    read "represen7 tation"). A page is so numbered when most of its lines of prose start with a
    number a little above the last; a number in between, inside a line PDFium joined to the
    one before, goes too."""
    by_page: dict[int, list[int]] = {}
    starts: Counter[int] = Counter()  # lines starting with a digit, a page: most pages have few
    for index, line in enumerate(lines):
        by_page.setdefault(line.page, []).append(index)
        starts[line.page] += line.text[:1].isdigit()
    result = list(lines)
    for page, indexes in by_page.items():
        if starts[page] < 5:
            continue
        numbered = _numbered_lines([lines[i] for i in indexes])
        for position, (number, following) in numbered.items():
            line = lines[indexes[position]]
            text = _LINE_NUMBER.sub("", line.text, count=1)
            for missing in range(number + 1, following):
                text = re.sub(rf"(?<=[\s{_HYPHEN_JOIN}]){missing}(?:\s+|$)", "", text, count=1)
            result[indexes[position]] = replace(line, text=text)
        if numbered:  # a number PDFium set on a line of its own
            for i in indexes:
                if _LONE_NUMBER.match(lines[i].text):
                    result[i] = replace(lines[i], text="")
    return [line for line in result if line.text]


def _numbered_lines(page: Sequence[Line]) -> dict[int, tuple[int, int]]:
    """The positions of a line-numbered page's numbered lines, each with its number and the
    next numbered line's (``{}`` if the page is not so numbered)."""
    found = [
        (i, int(match[1]))
        for i, line in enumerate(page)
        if not line.mono and line.table is None and (match := _LINE_NUMBER.match(line.text))
    ]
    prose = [ln for ln in page if not ln.mono and ln.table is None and len(ln.text.split()) >= 6]
    steps = [b - a for (_, a), (_, b) in itertools.pairwise(found)]
    if len(found) < 5 or 2 * len(found) < len(prose):
        return {}
    if sum(1 for step in steps if 1 <= step <= 4) < 0.8 * len(steps):
        return {}
    long = sum(1 for i, _ in found if len(page[i].text.split()) >= 6)
    if 2 * long < len(found):
        return {}  # a list of short numbered items ("1 Apples"), not lines of prose
    nexts = [number for _, number in found[1:]] + [found[-1][1] + 1]
    return {i: (number, after) for (i, number), after in zip(found, nexts, strict=True)}


def _marks_closed(lines: list[Line]) -> list[Line]:
    """``lines`` with the two pieces of a line that a footnote mark cut one line again: PDFium
    ends a line where the raised mark starts ("it cannot outsource the risk of failure.¹" /
    "Projects that go wrong"), sometimes taking the second piece first; each piece was then a
    paragraph of its own, or the line's halves read swapped. Pieces are the same type, side by
    side on one baseline, a mark's width apart: a column's gutter is wider."""
    joined: list[Line] = []
    for line in lines:
        last = joined[-1] if joined else None
        if last is None or not _same_line(last, line):
            joined.append(line)
            continue
        left, right = (last, line) if line.x0 >= last.x1 else (line, last)
        space = "" if right.text[:1] in _RUNS_ON_MARKS else " "  # "is zero" / "."
        text = left.text + space + right.text
        joined[-1] = replace(left, text=text, x1=right.x1, y_last=right.y_last)
    return joined


def _same_line(one: Line, two: Line) -> bool:
    if abs(one.y - two.y) >= 0.2 * one.size or one.page != two.page or one.column != two.column:
        return False  # (most lines are the next one down: the first test settles them)
    if one.mono or two.mono:
        return False
    if one.table is not None or two.table is not None or one.bold != two.bold:
        return False
    alike = abs(one.size - two.size) <= 0.5
    gap = two.x0 - one.x1 if two.x0 >= one.x1 else one.x0 - two.x1
    return alike and one.y == one.y_last and 0 <= gap < 0.8 * one.size


def unrepeated(blocks: list[Block]) -> list[Block]:
    """``blocks`` without a paragraph printed again word for word: a PDF's optional layers (a
    demonstration shown with a feature on and off, a form's print and screen versions) put the
    same text on the page several times, and four copies of it would fill the answers."""
    seen: set[str] = set()
    kept: list[Block] = []
    for block in blocks:
        key = " ".join(block.text.split())
        if block.kind == "text" and len(key) >= REPEATED_CHARS and key in seen:
            continue
        seen.add(key)
        kept.append(block)
    return kept


def front_joined(blocks: list[Block]) -> list[Block]:
    """``blocks`` with the title page's short lines before the first paragraph (subtitle,
    author, version, date, address: "v3.0f", "2022/06/23", "https://github.com/…") as one block:
    each alone is a fragment, which would be glued to the abstract after it ("v3.0f 2022/06/23
    https://… The microtype package provides …") as if its sentence started so."""
    count = 0
    for block in blocks:
        short = word_count(block.text) < FRONT_WORDS and not block.text.endswith(_SENTENCE_END)
        if not short or block.kind != "text" or block.code or block.section is not None:
            break
        if block.page != blocks[0].page:
            break
        count += 1
    if count < 2:
        return blocks
    text = "\n".join(block.text for block in blocks[:count])
    return [replace(blocks[0], text=text), *blocks[count:]]


def listing_numbers_dropped(lines: list[Line]) -> list[Line]:
    """``lines`` without the numbers a numbered listing sets in small type left of its lines,
    which PDFium reads as lines of their own ("2" beside "A comment"): the listing is one
    piece of code, not one cut at each number (fancyvrb-doc.pdf)."""
    body = body_size(lines)
    code = [(line.page, line.y) for line in lines if line.mono]
    return [
        line
        for line in lines
        if not (
            line.text.isdigit()
            and len(line.text) <= 3
            and line.size < 0.7 * body
            # beside a line of the listing, or between two (the number of a blank line)
            and any(page == line.page and abs(y - line.y) <= 1.5 * body for page, y in code)
        )
    ]


def bold_runs_on(lines: list[Line]) -> list[Line]:
    """``lines`` with a line that is bold only by the names set bold in it ("NOTE With
    align=right (the default), labelindent=! and labelwidth=! behave similarly in", enumitem.pdf)
    no longer bold when its sentence runs on in roman into the line under it ("practice."):
    a sentence, not a heading over the text after it; nor is a bold display a sentence
    introduces (see :func:`_introduced`)."""
    result = list(lines)
    for index, (line, after) in enumerate(itertools.pairwise(lines)):
        if (
            line.bold
            and not after.bold
            and len(line.text.split()) >= _RUN_ON_WORDS
            and not line.text.endswith(_SENTENCE_END)
            and after.text[:1].islower()
            and after.page == line.page
            and 0 < line.y - after.y <= 2 * line.size
            and abs(after.size - line.size) <= 0.5
        ) or _runs_through_display(lines, index):
            result[index] = replace(line, bold=False)
        elif after.bold and (_introduced(line, after) or _goes_on_in_bold(line, after)):
            result[index + 1] = replace(after, bold=False)
    return result


# How far below a line the next line of its paragraph stands, at most, in sizes of its type: a
# heading stands further off (a bold "Installation" after a paragraph ending in a web address).
_LINE_SPACING = 1.5


def _goes_on_in_bold(line: Line, after: Line) -> bool:
    """Whether the sentence ``line`` leaves open goes on in ``after``, set bold by the names
    in it ("… set the new list with" / "\\setlist:", enumitem.pdf): a heading never comes in
    the middle of a sentence."""
    return (
        not line.bold
        and not line.mono
        and not _BULLET.match(line.text)  # an item of a change log ends with no stop
        and not line.text.endswith((*_SENTENCE_END, ","))
        and after.page == line.page
        and 0 < line.y - after.y <= _LINE_SPACING * line.size
        and abs(after.size - line.size) <= 0.5
    )


def _runs_through_display(lines: list[Line], index: int) -> bool:
    """Whether the bold line at ``index`` opens a sentence that runs through the code display
    under it into a line in small letters ("EXAMPLE With" / "\\SetEnumitemKey{midsep}{…}" /
    "you may write", enumitem.pdf): a label starting a sentence, not a heading."""
    line = lines[index]
    if not line.bold or line.mono or line.text.endswith((*_SENTENCE_END, ",")):
        return False
    end = index + 1
    while end < len(lines) and end - index <= _RUN_THROUGH_LINES and lines[end].mono:
        end += 1
    return (
        end > index + 1
        and end < len(lines)
        and lines[end].text[:1].islower()
        and all(ln.page == line.page for ln in lines[index : end + 1])
    )


def _introduced(line: Line, after: Line) -> bool:
    """Whether ``after``, a line set bold, is the display the sentence ``line`` ends with a
    colon introduces ("… related in the following way:" / "\\leftmargin + \\itemindent =
    …", enumitem.pdf): no heading over the text after it."""
    return (
        not line.bold
        and line.text.endswith(":")
        and after.page == line.page
        and 0 < line.y - after.y <= 3 * line.size
        and abs(after.size - line.size) <= 0.5
    )


def terms_leading(lines: list[Line]) -> list[Line]:
    """``lines`` with an option's name set alone on its line in typewriter type, its description
    indented below it ("compact" / "This option … reduces the spacing …"), leading that
    description as a definition list's term does ("compact: This option …"): alone, it was a
    passage of one word, and the description never said what it describes. Code is no term: a
    term is words only ("raggedleft center raggedright"), and code stands right of the text
    after it, not left."""
    result: list[Line] = []
    for index, line in enumerate(lines):
        term = result[-1] if result else None
        if (
            term is not None
            and term.mono
            and not line.mono
            and _TERM.match(term.text)
            and term.page == line.page
            and 0 < term.y - line.y <= 3 * line.size
            and line.x0 - term.x0 > 0.8 * line.size
            and not (index > 1 and lines[index - 2].mono)
        ):
            result[-1] = replace(line, text=f"{term.text}: {line.text}")
            continue
        if term is not None and _names_its_syntax(term, line):
            result[-1] = replace(term, mono=False)
        result.append(line)
    return result


def _names_its_syntax(term: Line, line: Line) -> bool:
    """Whether ``term``, a key's name alone in typewriter type, heads the line under it that
    gives the key's syntax at the same left edge ("wide" / "wide=⟨parindent⟩", enumitem.pdf):
    a name, not a display of code of one word."""
    return (
        term.mono
        and not line.mono
        and bool(_TERM.match(term.text))
        and term.page == line.page
        and 0 < term.y - line.y <= 3 * line.size
        and abs(line.x0 - term.x0) < 0.5 * line.size
        and line.text.startswith(term.text)
        and line.text != term.text
    )


def displays_inlined(lines: list[Line]) -> list[Line]:
    """``lines`` with a short display of code set in the middle of a sentence ("… Thus in" /
    "\\cmidrule{1-2}\\cmidrule{1-2}" / "the second command writes …") run into it, as the
    sentence reads: set apart, the sentence was cut at it and the display went with the text
    after it (or with a footnote waiting for the sentence's end)."""
    result: list[Line] = []
    body = body_size(lines)
    index = 0
    while index < len(lines):
        line = lines[index]
        end = index
        while end < len(lines) and end - index < DISPLAY_LINES and lines[end].mono:
            end += 1
        before = result[-1] if result else None
        after = lines[end] if end < len(lines) else None
        if (
            end > index
            and before is not None
            and after is not None
            and _mid_sentence(before, lines[index:end], after, body)
        ):
            texts = [before.text, *(ln.text for ln in lines[index:end]), after.text]
            result[-1] = replace(before, text=" ".join(texts), x1=after.x1, y_last=after.y_last)
            index = end + 1
            continue
        result.append(line)
        index += 1
    return result


def _mid_sentence(before: Line, display: Sequence[Line], after: Line, body: float) -> bool:
    """Whether ``display`` (code lines) stands inside the sentence ``before`` and ``after``
    (prose, no heading) are parts of, on one page."""
    return (
        not is_heading(before, body)
        and not is_heading(after, body)
        and not before.mono
        and not after.mono
        and not before.text.endswith((*_SENTENCE_END, ","))
        and after.text[:1].islower()
        and before.page == after.page
        and all(ln.page == before.page and len(ln.text) <= DISPLAY_CHARS for ln in display)
    )


def _as_cp1251(lines: list[Line], path: Path) -> list[Line]:
    """Lines whose letters PDFium read as Latin-1 (a font without a Unicode map) read again as
    Windows-1251, or :class:`DocumentError` when that gives no Cyrillic words either."""
    repaired = [replace(line, text=mojibake.as_cp1251(line.text)) for line in lines]
    if not mojibake.is_cyrillic_prose(line.text for line in repaired):
        raise DocumentError(path, mojibake.UNREADABLE)
    return _hyphens_marked(repaired)


def _hyphens_marked(lines: list[Line]) -> list[Line]:
    """``lines`` with a word hyphenated at a line end by the code TeX's Cyrillic fonts give the
    hyphen (127, which PDFium does not know as one) joined as PDFium joins the others: the rest
    of the word brought up to its line after the join mark, for :func:`rejoin` to decide."""
    result = list(lines)
    for i in range(len(result) - 1):
        line, following = result[i], result[i + 1]
        if not line.text.endswith(mojibake.T2A_HYPHEN) or following.page != line.page:
            continue
        rest, _, remainder = following.text.partition(" ")
        text = line.text[:-1] + _HYPHEN_JOIN + rest
        result[i] = replace(line, text=text, y_last=following.y)
        result[i + 1] = replace(following, text=remainder)
    return [line for line in result if line.text]


def _open(data: bytes, path: Path) -> Any:
    # The header may follow some bytes of junk (a mail gateway's, a web server's): PDF readers
    # look for it in the first kilobyte.
    if b"%PDF" not in data[:1024]:
        raise DocumentError(path, "damaged: not a PDF file")
    if b"%%EOF" not in data.rstrip(b"\0 \t\r\n")[-2048:]:  # padding after it is no loss
        raise DocumentError(path, "damaged: truncated (the end of the file is missing)")
    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as error:
        code = getattr(error, "err_code", None)
        # PDFium's error code outlives the failure it was set for: a file that fails without
        # setting one reports the last file's "password". An encrypted file says /Encrypt.
        if code in _PASSWORD_ERRORS and b"/Encrypt" in data:
            raise DocumentError(path, "encrypted") from error
        if code in _PASSWORD_ERRORS:
            code = None
        raise DocumentError(path, _OPEN_ERRORS.get(code, "damaged: cannot be opened")) from error


def _all_lines(pdf: Any, path: Path) -> Iterator[Line]:
    for index in range(len(pdf)):
        try:
            page = pdf[index]
        except pdfium.PdfiumError as error:
            raise DocumentError(path, f"damaged: page {index + 1} cannot be read") from error
        try:
            left, _, right, _ = _viewed_box(page, page.get_cropbox())
            lines = page_lines(page, index + 1)
            yield from reading_order([ln for ln in lines if ln.shown], right - left, left)
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


def _with_annotations(lines: list[Line], page: Any, number: int) -> list[Line]:
    """``lines`` with the annotations' texts (see :func:`_annotation_texts`) among them: each
    line of one after the last line that stands above it or on its row ("Name:" "Jane Doe"),
    set in that line's size and on its baseline when they share the row."""
    for text, left, bottom, right, top in _annotation_texts(page):
        beside = " ".join(ln.text for ln in lines if bottom - ln.size <= ln.y <= top + ln.size)
        if " ".join(text.split()) in beside:
            continue  # the page prints it already (a field laid over its own text)
        rows = [row.strip() for row in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
        at = len(lines)
        for position, line in enumerate(lines):
            if line.y < bottom - 0.5 * line.size:  # the first line below the box's foot
                at = position
                break
        near = lines[at - 1] if at else None
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


def page_lines(page: Any, number: int) -> list[Line]:
    """The text lines of one page in PDFium's order, with position, size and weight; those
    outside the page's crop box (see :func:`_outside`) last, marked not ``shown``."""
    textpage = page.get_textpage()
    try:
        textpage.turn = _turn(page)  # read by _char_box
        text = textpage.get_text_range()
        height = page.get_height()  # as the viewer shows it, turned or not
        found: list[tuple[Line, str, int]] = []
        start = 0
        for raw in text.split("\r\n"):
            for part, part_at in _far_joins_parted(textpage, raw, start):
                for piece, at in _type_runs(textpage, part, part_at):
                    line = _line(textpage, number, piece, at, height)
                    if line is not None:
                        found.append((line, piece, at))
            start += len(raw) + 2
        outside = _outside([line for line, _, _ in found], page)
        shown = [item for item in found if id(item[0]) not in outside]
        hidden = [replace(line, shown=False) for line, _, _ in found if id(line) in outside]
        lines = _with_annotations(_without_margin_notes(textpage, shown), page, number)
        if textpage.turn is None:  # (the table finder measures the file's own frame)
            lines = pdf_tables.tabled(
                page,
                textpage,
                shown,
                lines,
                lambda raw, at: _line(textpage, number, raw, at, height),
            )
        return lines + hidden
    finally:
        textpage.close()


def _outside(lines: Sequence[Line], page: Any) -> set[int]:
    """The ids of the lines wholly outside the page's crop box, which a viewer cuts the page to
    (a crop box leaving next to nothing of the media box is a broken one: then none)."""
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
    }


def shown(lines: list[Line]) -> list[Line]:
    """``lines`` without those outside their page's crop box: a printer's proof carries its
    marks there on every page (the file's name and time, "4TH PASS PAGES", a column of line
    numbers). When most of the text is outside, the boxes are wrong, not the text: all stay."""
    inside = [line for line in lines if line.shown]
    visible = sum(len(line.text) for line in inside)
    return inside if 2 * visible >= sum(len(line.text) for line in lines) else lines


def _far_joins_parted(textpage: Any, raw: str, start: int) -> list[tuple[str, int]]:
    """``raw`` (at ``start``) parted after each hyphenation mark PDFium joined to a line far
    below that cannot be the rest of the word (it starts in another size, or not in lower case):
    the page's last line of text ends in a hyphen ("commercial cre-"), and PDFium takes its
    footer ("8 FREE CULTURE") for the rest of the word. The mark stays at the line's end,
    for :func:`_hyphens_carried` to bring the rest up from the next page."""
    if _HYPHEN_JOIN not in raw[1:-1]:
        return [(raw, start)]
    pieces: list[tuple[str, int]] = []
    begin = 0
    for index, char in enumerate(raw[:-1]):
        if char != _HYPHEN_JOIN or index == 0:
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
        runs_on = previous is not None and not previous.text.endswith(_SENTENCE_END)
        close = previous is not None and previous.y - line.y < 1.5 * line.size
        if runs_on and close and line.x0 < left - line.size and line.x1 > left + 2 * line.size:
            cut = _margin_cut(textpage, raw, start, left - 1, line.size)
            if cut is not None:
                rest = _line(textpage, line.page, raw[cut:], start + cut, line.height)
                line = rest if rest is not None else line
        lines.append(line)
    return _without_lone_notes(lines, left)


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
                and not above.text.endswith(_SENTENCE_END)
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
            plain = any(ch.isalpha() for ch in note) and not _BULLET.match(note + " ")
            return index if gap and plain and len(note.split()) <= 3 else None
        previous_right = box_right
    return None


def _line(textpage: Any, number: int, raw: str, start: int, height: float) -> Line | None:
    """The :class:`Line` of the characters ``raw`` at index ``start`` of the text page."""
    first = len(raw) - len(raw.lstrip())
    last = len(raw.rstrip()) - 1
    if last < first:
        return None
    left, _, baseline = _char_box(textpage, start + first)
    _, right, last_baseline = _char_box(textpage, start + last)
    size, bold, mono = _type_of(textpage, raw, start)
    # Both blank what they drop with _DROPPED, so the characters keep their places.
    raw = _unmarked(textpage, _undoubled(textpage, raw, start), start)
    if not mono:
        raw = _ligatures_closed(textpage, _stops_closed(textpage, raw, start), start)
    raw = raw.replace(_DROPPED, "")
    text = _loose_graves(_unspaced(_unprotected(" ".join(raw.split()))))
    if not mono:
        text = _accented(text)
    # The last character's box reaches lower than the line when it descends (")", "g"): only a
    # drop of half a line is a word PDFium joined from the next one.
    if baseline - last_baseline < 0.5 * size:
        last_baseline = baseline
    return Line(
        number, text, left, max(left, right), baseline, round(size, 1), bold, 0, height,
        min(baseline, last_baseline), mono,
    )  # fmt: skip


def _undoubled(textpage: Any, raw: str, start: int) -> str:
    """``raw`` without the second copy of a word drawn twice on itself: a TeX logo
    ("XeTeX", whose mirrored E is drawn over a plain one) reads "XeTeXXeTeX", which no reader
    sees and no question asks for. A copy is known by its place: it starts back inside the first
    one, where a word written twice ("haha") goes on to the right."""
    if not _DOUBLED.search(raw):
        return raw
    kept, last = [], 0
    for match in _DOUBLED.finditer(raw):
        half = match.start() + len(match[1])
        back = _char_box(textpage, start + half)[0] < _char_box(textpage, start + half - 1)[1] - 0.5
        if back:
            kept += [raw[last:half], _DROPPED * len(match[1])]
            last = match.end()
    return "".join([*kept, raw[last:]])


def _unmarked(textpage: Any, raw: str, start: int) -> str:
    """``raw`` (whose characters stand at ``start`` of the text page) without the footnote
    marks set superscript after a word or a stop ("the preamble.²", "package.⁸"), which PDFium
    reads as digits glued to it ("preamble.2"): smaller than the character before them and
    raised above its baseline. The note itself keeps its number."""
    kept, last = [], 0
    for match in _MARK_AFTER.finditer(raw):
        at = start + match.start()
        before = _font_size(textpage, at - 1)
        raised = _char_box(textpage, at)[2] > _char_box(textpage, at - 1)[2] + 0.2 * before
        if raised and _font_size(textpage, at) < 0.85 * before:
            kept += [raw[last : match.start()], _DROPPED * len(match[0])]
            last = match.end()
    return "".join([*kept, raw[last:]])


def _stops_closed(textpage: Any, raw: str, start: int) -> str:
    """``raw`` without the space PDFium makes up before a comma, stop or closing parenthesis
    where a word's last letter is kerned away from it: a TeX logo ("with LuaTeX , or XeTeX ."
    in microtype.pdf). A space the file itself has there stays; so do leaders (". . .")."""
    kept, last = [], 0
    for match in _SPACE_BEFORE_STOP.finditer(raw):
        at = start + match.start()
        # ".changes" in typewriter type after "the" starts a word of its own.
        if pdfium_c.FPDFText_IsGenerated(textpage.raw, at) and _font_name(
            textpage, at - 1
        ) == _font_name(textpage, at + 1):
            kept += [raw[last : match.start()], _DROPPED]
            last = match.end()
    return "".join([*kept, raw[last:]])


def _ligatures_closed(textpage: Any, raw: str, start: int) -> str:
    """``raw`` without the space a layout program writes after a ligature, which PDFium reads
    as its letters: "ﬁve" reads "fi ve", "oﬃce" "o ffi  ce". The ligature's letters share one
    box, and the next letter starts at its edge, where a space between words leaves a gap."""
    kept, last = [], 0
    for match in _LIGATURE_SPACE.finditer(raw):
        at, letters = start + match.start(), len(match[1])
        left, right, _ = _char_box(textpage, at)
        size = _font_size(textpage, at)
        shared = abs(_char_box(textpage, at + letters - 1)[0] - left) < 0.01
        one_glyph = shared and right - left > 0.3 * size  # (no box at all shares one too)
        if one_glyph and _char_box(textpage, start + match.end())[0] - right < 0.25 * size:
            kept += [raw[last : match.start() + letters], _DROPPED * len(match[2])]
            last = match.end()
    return "".join([*kept, raw[last:]])


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
    samples = {_visible_at(raw, first + round(k * (last - first) / 8)) for k in range(9)}
    sizes: Counter[float] = Counter()
    bold = fixed = 0
    name = ctypes.create_string_buffer(128)
    for offset in samples:
        size = _font_size(textpage, start + offset)
        if size >= 2:  # smaller is no text size but an artefact
            sizes[round(size, 1)] += 1
        heavy, mono = _font(textpage, start + offset, name)
        bold, fixed = bold + heavy, fixed + mono
    size = sizes.most_common(1)[0][0] if sizes else 0.0
    return size, bold * 2 > len(samples), fixed == len(samples)


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
    """``index``, or the next position that is not white space (the line ends with such)."""
    while raw[index].isspace():
        index += 1
    return index


def _font_size(textpage: Any, index: int) -> float:
    """The size the character at ``index`` is printed in, in points: the font size it was set in
    scaled by its text and page matrices. Many producers (Acrobat Distiller, Quartz, Skia) set
    every font at size 1 and scale the matrix to 10.5 or 12, and some set 24 pt type on a page
    scaled by a half: the font size alone would make all their text one (unusable) size."""
    matrix = pdfium_c.FS_MATRIX()
    size = pdfium_c.FPDFText_GetFontSize(textpage.raw, index)
    if not pdfium_c.FPDFText_GetMatrix(textpage.raw, index, ctypes.byref(matrix)):
        return float(size)
    return float(size * math.hypot(matrix.c, matrix.d))  # the em's height, however turned


def _char_box(textpage: Any, index: int) -> tuple[float, float, float]:
    """The character's left, right and bottom as the viewer shows its page (see :class:`_Turn`)."""
    left, right, bottom, top = (ctypes.c_double() for _ in range(4))
    pdfium_c.FPDFText_GetCharBox(
        textpage.raw, index, *(ctypes.byref(v) for v in (left, right, bottom, top))
    )
    if textpage.turn is not None:
        left.value, bottom.value, right.value, _ = textpage.turn.box(
            (left.value, bottom.value, right.value, top.value)
        )
    return left.value, right.value, bottom.value


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


def _font(textpage: Any, index: int, name: Any) -> tuple[bool, bool]:
    """Whether the character at ``index`` is set in a bold font, and in a fixed-pitch one;
    ``name`` is a buffer for the font's name."""
    flags = ctypes.c_int()
    pdfium_c.FPDFText_GetFontInfo(textpage.raw, index, name, 128, ctypes.byref(flags))
    heavy, mono = _font_kind(name.value)
    heavy = heavy or pdfium_c.FPDFText_GetFontWeight(textpage.raw, index) >= 600
    return heavy, mono or bool(flags.value & _FIXED_PITCH)


@functools.lru_cache(maxsize=256)
def _font_kind(name: bytes) -> tuple[bool, bool]:
    """Bold and fixed-pitch as a font's name says ("LMMono10-Bold"); a page uses few fonts."""
    font = name.decode("latin-1")
    return bool(_BOLD_FONT.search(font)), bool(_MONO_FONT.search(font))


def reading_order(lines: list[Line], width: float, left: float = 0.0) -> list[Line]:
    """The page's lines in reading order: on a two-column page, between full-width lines (a
    title, a wide figure), the left column top to bottom, then the right one. The page shows
    ``width`` points from ``left`` on."""
    gutter = _gutter(lines, width, left)
    if gutter is None:
        return _heads_first(lines)
    ordered: list[Line] = []
    band: list[Line] = []
    for line in sorted(lines, key=lambda ln: -ln.y):
        if line.x0 < gutter < line.x1:
            ordered.extend(sorted(band, key=lambda ln: (ln.column, -ln.y)))
            ordered.append(line)
            band = []
        else:
            band.append(replace(line, column=int(line.x0 >= gutter)))
    ordered.extend(sorted(band, key=lambda ln: (ln.column, -ln.y)))
    return ordered


def _heads_first(lines: list[Line]) -> list[Line]:
    """``lines`` with those set larger above the first one brought before it, top first: a
    slide's title and lead sentence, which Keynote writes after the list below them (the list
    stood under no heading, and the title headed the note after it)."""
    if not lines:
        return lines
    first = lines[0]
    above = [ln for ln in lines if ln.y > first.y + first.size and ln.size >= 1.1 * first.size]
    if not above:
        return lines
    raised = {id(line) for line in above}
    return sorted(above, key=lambda ln: -ln.y) + [ln for ln in lines if id(ln) not in raised]


def _gutter(lines: Sequence[Line], width: float, origin: float) -> float | None:
    """The x of an empty vertical strip between two columns, if the page has two."""
    if len(lines) < 10:
        return None
    # Every 2 points; on a page wider than any printed (a crafted one), at most 1,000 steps.
    step = max(2.0, width * 0.3 / 1000)
    steps = np.arange(int(origin + width * 0.35), int(origin + width * 0.65), step, dtype=float)
    x0 = np.array([line.x0 for line in lines])[:, None]
    x1 = np.array([line.x1 for line in lines])[:, None]
    crossing = ((x0 < steps) & (steps < x1)).sum(axis=0)  # lines crossing each candidate x
    if not len(steps) or crossing.min() > len(lines) // 10:
        return None
    best = float(steps[int(crossing.argmin())])
    left = [line.x1 - line.x0 for line in lines if line.x1 <= best]
    right = [line.x1 - line.x0 for line in lines if line.x0 >= best]
    if min(len(left), len(right)) < 5:
        return None
    # Columns of text are filled with long lines; a table's short cells side by side are not two
    # columns to be read one after the other.
    wide = min(statistics.median(left), statistics.median(right)) >= 0.25 * width
    return best if wide else None


def furniture(lines: list[Line]) -> list[Line]:
    """``lines`` without running headers, footers, page numbers and contents-page entries.

    A header or footer is a line among the two nearest the top or bottom of its page that is a
    page number alone; or repeats (digits aside) on several pages; or carries the printed page
    number at one end ("3.2. Administrative Duties 13") with the offset most pages share; or, as
    the very first or last line, starts like that line does on a third of the pages ("CHAPTER 1.
    DEFINITIONS AND OVERVIEW 1.3. OK, NOW…"). Lines set larger than the text are spared the
    repetition tests: "Chapter 4" at the top of every chapter's first page is a heading.
    Ornaments go first (see :func:`is_ornament`), so that they take no header's place.
    """
    lines = [line for line in lines if not is_ornament(line)]
    body = body_size(lines)
    # A table's row is no running header, however alike the rows at the tops of its pages.
    margins = [
        line for line in _margin_lines(lines) if line.size < body * 1.15 and line.table is None
    ]
    pages_of: dict[str, set[int]] = {}
    for line in margins:
        pages_of.setdefault(_running_key(line.text), set()).add(line.page)
    page_count = len({line.page for line in lines})
    needed = 2 if page_count <= 5 else 3
    offset = _page_number_offset(margins)
    # Two pages that start with the same two words ("The committee …") are a coincidence: a
    # running header that changes with the section shows on three pages or more.
    edges = _edge_prefixes(lines, max(3, page_count // 3))
    doomed = {
        id(line)
        for line in margins
        if _PAGE_NUMBER.match(line.text)
        or len(pages_of[_running_key(line.text)]) >= needed
        or (offset is not None and _edge_number(line.text, line.page, offset))
        or id(line) in edges
    }
    if 2 * sum(len(line.text) for line in margins if id(line) in doomed) > sum(
        len(line.text) for line in lines
    ):
        # Most of the text is no running header: pages printed alike (a notice twice), whose
        # every line repeats. Only the page numbers go.
        doomed = {id(line) for line in margins if _PAGE_NUMBER.match(line.text)}
    contents = _contents_entries(lines) | _index_entries(lines, body) | _watermarks(lines, body)
    return [ln for ln in lines if id(ln) not in doomed and id(ln) not in contents]


def _watermarks(lines: Sequence[Line], body: float) -> set[int]:
    """The ids of a watermark's lines: huge type, the same words in the same place on half the
    pages or more ("DRAFT" across every page of a review copy), which read as a heading over
    each page's text."""
    huge = [line for line in lines if line.size >= 3 * body]
    pages_of: dict[tuple[str, int, int], set[int]] = {}
    for line in huge:
        pages_of.setdefault((line.text, round(line.x0), round(line.y)), set()).add(line.page)
    needed = max(2, len({line.page for line in lines}) // 2)
    return {
        id(line)
        for line in huge
        if len(pages_of[(line.text, round(line.x0), round(line.y))]) >= needed
    }


def _index_entries(lines: Sequence[Line], body: float) -> set[int]:
    """The ids of the lines of a back-of-book index set without leaders ("apt-file, 39", ", 49"):
    every line but the headings on a page made mostly of short lines ending in page numbers; and,
    anywhere, a line of page numbers alone ("3, 5, 6, 8, 11, 12"), the end of an entry run on
    from the line above."""
    by_page: dict[int, list[Line]] = {}
    for line in lines:
        by_page.setdefault(line.page, []).append(line)
    doomed: set[int] = set()
    for page in by_page.values():
        entries = [ln for ln in page if _INDEX_ENTRY.search(ln.text) and _short_entry(ln.text)]
        if len(entries) >= 3 and 2 * len(entries) >= len(page):
            doomed.update(id(line) for line in page if line.size < body * 1.15)
        doomed.update(id(line) for line in page if _PAGE_LIST.match(line.text))
    return doomed


def _short_entry(text: str) -> bool:
    return len([word for word in text.split() if word != "."]) <= 5


def is_ornament(line: Line) -> bool:
    """A line of one to three symbols, dashes or dots repeated and nothing else ("❚❘❙❚❘❙",
    "• • • •", "————"): a rule, a border or a printer's mark, which says nothing. A row of a
    table's math signs ("∅ ∅ ∅ ∅") or of emoji says something; code keeps its "};" and "*/"."""
    marks = line.text.replace(" ", "")
    return (
        not line.mono
        and len(marks) >= 4
        and len(set(marks)) <= 3
        and all(unicodedata.category(ch) in _ORNAMENT_KINDS for ch in marks)
    )


def _edge_prefixes(lines: Sequence[Line], needed: int) -> set[int]:
    """The ids of first and last lines of pages that begin with the same two words as the first
    (or last) line of at least ``needed`` pages."""
    firsts: dict[int, Line] = {}
    lasts: dict[int, Line] = {}
    for line in lines:
        if line.page not in firsts or line.y > firsts[line.page].y:
            firsts[line.page] = line
        if line.page not in lasts or line.y < lasts[line.page].y:
            lasts[line.page] = line
    doomed: set[int] = set()
    for edge in (firsts, lasts):
        prefixes = Counter(" ".join(_shape(ln.text).split()[:2]) for ln in edge.values())
        doomed.update(
            id(ln)
            for ln in edge.values()
            if len(ln.text.split()) >= 3
            and prefixes[" ".join(_shape(ln.text).split()[:2])] >= needed
        )
    return doomed


def _contents_entries(lines: Sequence[Line]) -> set[int]:
    """The ids of table-of-contents lines: those with dot leaders ("4.7 Option processing . . .
    20"), and on a page with three or more of them every line from the first such line to the
    last, which takes the entries without leaders and the wrapped ones too."""
    by_page: dict[int, list[Line]] = {}
    for line in lines:
        by_page.setdefault(line.page, []).append(line)
    doomed: set[int] = set()
    for page in by_page.values():
        marked = [i for i, line in enumerate(page) if _LEADER.search(line.text)]
        if len(marked) < 3:
            doomed.update(id(page[i]) for i in marked)
            doomed.update(_unled_contents(page))
            continue
        # Entries without a leader (a chapter's, set bold) end where the leaders end.
        right = statistics.median(page[i].x1 for i in marked)
        first, last = marked[0], marked[-1]
        while first > 0 and _ends_in_page_number(page[first - 1], right):
            first -= 1
        while last + 1 < len(page) and _ends_in_page_number(page[last + 1], right):
            last += 1
        if first > 0 and _CONTENTS_TITLE.match(page[first - 1].text):
            first -= 1  # "Contents" heads no text: what follows the list belongs to no section
        doomed.update(id(page[i]) for i in range(first, last + 1))
    return doomed


def _unled_contents(page: Sequence[Line]) -> set[int]:
    """The ids of a contents list set without leaders under its title: "Contents", then three
    entries or more, each a numbered title ending in its page ("2. Quick Reference 2") or a
    run of sub-entries with theirs ("2.1. Format, 2.—2.2. Spacing, 2.—", titlesec.pdf).
    Taken for headings, the list would put the text below it under its last entry."""
    for start, line in enumerate(page):
        if not _CONTENTS_TITLE.match(line.text):
            continue
        end = start + 1
        while end < len(page) and (
            _unled_entry(page[end].text)
            or _PAGE_TAIL.search(page[end].text)  # a sub-entry: "About the authors 7"
            or _wrapped_entry(page, end)
        ):
            end += 1
        entries = page[start + 1 : end]
        numbered = [ln for ln in entries if _NUMBERED_HEADING.match(ln.text)]
        paged = [ln for ln in entries if _PAGE_TAIL.search(ln.text)]
        if len(numbered) >= 3 or (numbered and len(paged) >= 5):
            return {id(ln) for ln in page[start:end]}
    return set()


def _wrapped_entry(page: Sequence[Line], index: int) -> bool:
    """Whether ``page[index]`` is the end of a contents entry wrapped under it ("03 Best
    practices for budgeting and overseeing 20" / "tech projects"): a few words, no page of
    their own, and an entry after them."""
    later = page[index + 1].text if index + 1 < len(page) else ""
    return len(page[index].text.split()) <= 6 and bool(later and _PAGE_TAIL.search(later))


def _unled_entry(text: str) -> bool:
    numbered = bool(_NUMBERED_HEADING.match(text) and _PAGE_TAIL.search(text))
    return numbered or bool(_RUN_IN_ENTRY.search(text))


def contents_titles(lines: Sequence[Line]) -> frozenset[str]:
    """The headings a contents list names, as :func:`_heading_key` s: "10.1.1 2003" of
    "10.1.1 2003 . . . . 34". A heading set in the body's own type ("10.1.1 2003" in roman 10
    pt) is known as one only by being listed there."""
    contents = _contents_entries(lines)
    keys = set()
    for line in lines:
        if id(line) in contents and _LEADER.search(line.text):
            name = _LEADER.sub("", line.text).strip()
            if _NUMBERED_HEADING.match(name) and len(name.split()) <= 12:
                keys.add(_heading_key(name))
    return frozenset(keys)


def _heading_key(text: str) -> str:
    return " ".join(text.lower().split())


def _ends_in_page_number(line: Line, right: float) -> bool:
    return abs(line.x1 - right) <= 0.3 * line.size and bool(_PAGE_TAIL.search(line.text))


def _margin_lines(lines: Sequence[Line]) -> list[Line]:
    """The two highest and two lowest lines of every page."""
    by_page: dict[int, list[Line]] = {}
    for line in lines:
        by_page.setdefault(line.page, []).append(line)
    margins: list[Line] = []
    for page_lines_ in by_page.values():
        ordered = sorted(page_lines_, key=lambda ln: -ln.y)
        margins.extend(ordered[:2] + ordered[2:][-2:])
    return margins


def _prefix(text: str) -> str:
    return " ".join(_shape(text).split()[:2])


def _running_key(text: str) -> str:
    """What a running header or footer keeps from page to page: its :func:`_shape` without the
    page number at either end, which a book sets outside ("4 FREE CULTURE" on the left page,
    "FREE CULTURE 5" or "PREFACE xv" on the right)."""
    shape = _shape(text)
    return _EDGE_FOLIO.sub("", shape) or shape


def _shape(text: str) -> str:
    """A line's text with digits and case folded: "Page 12 of 40" and "Page 13 of 40" match."""
    return re.sub(r"\d+", "#", " ".join(text.lower().split()))


def _page_number_offset(margins: Sequence[Line]) -> int | None:
    """The printed page number minus the page's position, if at least three margin lines agree."""
    offsets: Counter[int] = Counter()
    for line in margins:
        for number in _edge_numbers(line.text):
            offsets[number - line.page] += 1
    if not offsets:
        return None
    offset, count = offsets.most_common(1)[0]
    return offset if count >= 3 else None


def _edge_numbers(text: str) -> list[int]:
    match = _EDGE_NUMBER.search(text)
    numbers = [int(match[1] or match[2])] if match else []
    tail = re.search(r"\b(\d{1,4})$", text)
    if tail and int(tail[1]) not in numbers:
        numbers.append(int(tail[1]))
    return numbers


def _edge_number(text: str, page: int, offset: int) -> bool:
    return page + offset in _edge_numbers(text) and len(text.split()) <= 12


def _unspaced(text: str) -> str:
    """``text`` without the spaces of letter-spaced Chinese or Japanese ("全 世 界 无 产 者" is
    "全世界无产者"): headings and short lines are set so, and PDFium reads each gap as a space,
    which no reader writes and which cuts every word in two. A line with a space here and there
    between such characters ("初中 李新录") keeps it."""
    if not _HAN_KANA.search(text):
        return text
    spaced = len(_HAN_KANA_SPACED.findall(text))
    if spaced < 2 or spaced < len(_HAN_KANA_PAIR.findall(text)):
        return text
    return _HAN_KANA_SPACED.sub("", text)


def _unprotected(text: str) -> str:
    """``text`` without the "protect" that LaTeX leaves in a text layer around a meta-variable
    ("factor protect <integerprotect > 1000" is printed "factor ⟨integer⟩ 1000")."""
    return _PROTECTED.sub(r"<\1>", text) if "protect <" in text else text


def _hyphens_carried(lines: list[Line]) -> list[Line]:
    """``lines`` with a word hyphenated at a page's (or column's) last line (left ending in
    PDFium's mark by :func:`_far_joins_parted`) whole again: the rest of it brought up from the
    next line, as PDFium does within a page, for :func:`rejoin` to decide."""
    result = list(lines)
    for i in range(len(result) - 1):
        line, following = result[i], result[i + 1]
        if not line.text.endswith(_HYPHEN_JOIN) or following.mono or line.mono:
            continue
        rest, _, remainder = following.text.partition(" ")
        result[i] = replace(line, text=line.text + rest)
        result[i + 1] = replace(following, text=remainder)
    return [line for line in result if line.text]


def _join_hyphens(lines: list[Line]) -> list[Line]:
    """Resolve PDFium's joins of words hyphenated at a line end (see :func:`rejoin`), judged
    against the words the document writes elsewhere."""
    vocabulary: set[str] = set()
    for line in lines:
        text = _JOINED_WORD.sub(" ", line.text) if _HYPHEN_JOIN in line.text else line.text
        vocabulary.update(_WORD.findall(text.lower()))  # never the halves of a joined word
    pattern = re.compile(rf"(\w*){_HYPHEN_JOIN}(\w*)")
    return [
        replace(ln, text=pattern.sub(lambda m: rejoin(m[1], m[2], vocabulary), ln.text))
        if _HYPHEN_JOIN in ln.text
        else ln
        for ln in lines
    ]


def rejoin(left: str, right: str, vocabulary: set[str]) -> str:
    """One word from the halves around a line-end hyphen: "opportu" + "nities" → "opportunities",
    "well" + "known" → "well-known".

    In order: the document writes the hyphenated form elsewhere → keep the hyphen; it writes the
    joined form → join; both halves are words it uses on their own ("Debian", "based") → keep
    the hyphen; else it is a word broken by the typesetter → join.
    """
    hyphenated, joined = f"{left}-{right}", left + right
    if hyphenated.lower() in vocabulary:
        return hyphenated
    if joined.lower() in vocabulary:
        return joined
    halves_are_words = (
        len(left) > 1 and len(right) > 1 and {left.lower(), right.lower()} <= (vocabulary)
    )
    return hyphenated if halves_are_words else joined


def _after_their_sentence(lines: list[Line]) -> list[Line]:
    """``lines`` with each page's footnotes moved after the sentence they interrupt: a paragraph
    running on over a page break would otherwise be cut by them into two fragments."""
    body = body_size(lines)
    notes = _footnotes(lines, body)
    result: list[Line] = []
    waiting: list[Line] = []  # footnotes held until the sentence before them ends
    holding = False
    for line in lines:
        if notes.get(id(line)) == "mark":  # a footnote starts: does it interrupt a sentence?
            holding = bool(waiting) or bool(result and not result[-1].text.endswith(_SENTENCE_END))
            # Its mark, set superscript, is no part of its first word: "2User" reads "2 User".
            line = replace(line, text=_GLUED_MARK.sub(r"\1 ", line.text, count=1))
            notes[id(line)] = "mark"
        if id(line) in notes and holding:
            waiting.append(line)
            continue
        if waiting and (line.mono or is_heading(line, body) or line.page > waiting[0].page + 1):
            result += waiting  # a heading or a listing: the sentence did not run on to here
            waiting = []
        result.append(line)
        if waiting and line.text.endswith(_SENTENCE_END):
            result += waiting
            waiting = []
    return result + waiting


def _footnotes(lines: Sequence[Line], body: float) -> dict[int, str]:
    """The ids of footnote lines ("mark" for a note's first, "more" for the others): below the
    text of their page, in smaller type, not code, the first starting with its mark ("4This is a
    change …", "∗This file …"); and the notes at the foot of a column (see :func:`_column_feet`)."""
    lowest: dict[int, float] = {}  # the lowest line of text in the body size, per page
    for line in lines:
        if abs(line.size - body) <= 0.5:
            lowest[line.page] = min(lowest.get(line.page, line.y), line.y)
    notes: dict[int, str] = {}
    previous: Line | None = None
    for line in lines:
        small = line.size < body * FOOTNOTE_SIZE and not line.mono
        below = line.y < lowest.get(line.page, -1.0)
        if small and below and _FOOTNOTE_MARK.match(line.text):
            notes[id(line)] = "mark"
        elif small and below and previous is not None and id(previous) in notes:
            notes[id(line)] = "more" if previous.page == line.page else ""
        previous = line
    return {**_column_feet(lines, body), **{key: kind for key, kind in notes.items() if kind}}


def _column_feet(lines: Sequence[Line], body: float) -> dict[int, str]:
    """The ids of the lines of a note without a mark set in small type at the foot of a column,
    under its text, the text going on at the top of the next column or page (a paper's notice
    under its first column: "Permission to make digital or hard copies …", "Copyright …"); not
    a figure's caption, which a manual's samples set small at the foot of a page too."""
    notes: dict[int, str] = {}
    index = 1
    while index < len(lines):
        line, before = lines[index], lines[index - 1]
        if not _note_sized(line, body) or not _note_sized(before, body, text=True):
            index += 1
            continue
        end = index
        while end + 1 < len(lines) and _note_sized(lines[end + 1], body, page=line.page):
            end += 1
        after = lines[end + 1] if end + 1 < len(lines) else None
        foot = after is None or after.page != line.page or after.y > before.y
        low = line.y < FOOT * line.height and not _CAPTION.match(line.text)
        if foot and low and before.page == line.page and before.y > line.y:
            notes.update({id(ln): "more" for ln in lines[index + 1 : end + 1]})
            notes[id(line)] = "mark"
        index = end + 1
    return notes


def _note_sized(line: Line, body: float, *, text: bool = False, page: int = 0) -> bool:
    """Whether ``line`` is set in a note's smaller type (on ``page``, if given), or (``text``)
    in the body's."""
    if text:
        return abs(line.size - body) <= 0.5 and not line.mono
    small = line.size < body * FOOTNOTE_SIZE and not line.mono and line.table is None
    return small and page in (0, line.page)


def body_size(lines: Sequence[Line]) -> float:
    """The font size most of the text is set in."""
    sizes: Counter[float] = Counter()
    for line in lines:
        sizes[round(line.size * 2) / 2] += len(line.text)
    return sizes.most_common(1)[0][0] if sizes else 10.0


def is_heading(line: Line, body: float) -> bool:
    """Larger than the body text, or bold, short and not a sentence."""
    words = line.text.split()
    # Without a letter a line is a number, a formula or a table's cells; but a section may be
    # named by a year ("10.1.7 2010" in a release history).
    titled = any(ch.isalpha() for ch in line.text) or bool(_YEAR_HEADING.match(line.text))
    if (
        line.table is not None
        or line.mono
        or not words
        or len(words) > 40
        or not titled
        or _LETTERSPACED.search(line.text)
        or (len(line.text) == 1 and not _HAN_KANA.match(line.text))  # a figure's "T", a drop cap
    ):
        return False
    if _SYMBOL_BULLET.match(line.text):
        return False  # "– topsep" in bold, "• Do use the black logo" on a slide: a list's item
    if _NUMBERED_LABELS.match(line.text):
        return False  # "Step 1 Step 2 Step 3" over a slide's three columns: their labels
    if line.size >= body * 1.15:
        # Large type heads, even a first line ending in "Ubuntu," or one PDFium made of two
        # by joining a hyphenated word (so up to 40 words, not a heading's usual dozen).
        return True
    if line.text.endswith((".", ",", ";")) and not re.match(r"^[\d.]+$", words[-1]):
        return False  # a bold sentence is emphasis, not a heading
    if _has_cells(words):
        return False  # a table's row set in bold: "Methane (CH4) 100 000 - -"
    return line.bold and len(words) <= 12 and line.size >= body * 0.95


_CELL = re.compile(r"^(?:\d[\d.,]*|[-–—])$")


def _has_cells(words: Sequence[str]) -> bool:
    """Whether ``words`` hold a run of table cells: three figures or dashes in a row ("500 000 -
    -", "Aldrin 1 1 1"); a heading holds two at most ("10.1.7 2010")."""
    run: list[str] = []
    for word in [*words, ""]:
        if _CELL.match(word):
            run.append(word)
            continue
        if len(run) >= 3:
            return True
        run = []
    return False


@dataclass
class _Paragraph:
    """A paragraph being gathered: its first line's page and the lines so far."""

    page: int
    section: str | None
    lines: list[Line]


def assemble(
    lines: Sequence[Line],
    title: str,
    listed: frozenset[str] = frozenset(),
    *,
    headings: bool = True,
) -> ParsedDocument:
    """Headings, paragraphs and code from lines in reading order (see :func:`is_heading`); a
    line the contents list names (``listed``, see :func:`contents_titles`) is a heading too.
    Without ``headings`` every line is text."""
    document = ParsedDocument(title=title)
    body = body_size(lines)
    pitch = _line_pitch(lines, body)
    front = _Front(lines[0].page if lines else 1)
    section: str | None = None
    current: _Paragraph | None = None
    heading: list[Line] = []
    intro: int | None = None  # the paragraph just written, which may introduce code
    for line in lines:
        if heading and _beside(heading[-1], line):
            heading.append(replace(line, note=True))  # on its baseline (see _set_heading)
            continue
        headed = is_heading(line, body) and not _item_goes_on(current, line)
        if headings and (headed or (listed and _heading_key(line.text) in listed)):
            intro = _flush(document, current, intro)
            current = None
            ended = heading and not _continues_heading(heading[-1], line)
            if heading and (ended or _heading_full(heading, line)):
                section = _set_heading(document, heading, section, front)
                heading = []
            heading.append(line)
            continue
        if heading:
            section, heading, intro = _set_heading(document, heading, section, front), [], None
        # Type set large (a slide's list) is led wider than the body: its own pitch.
        leading = pitch * line.size / body if line.size >= 1.15 * body else pitch
        if current is None or _breaks(current.lines[-1], line, leading):
            intro = _flush(document, current, intro)
            current = _Paragraph(line.page, section, [])
        current.lines.append(line)
    _flush(document, current, intro)
    if heading:
        _set_heading(document, heading, section, front)
    return document


@dataclass(frozen=True)
class _Front:
    """The title page's block under the title (subtitle, author, address, version, date): set
    large like headings, but no sections: the text below it would stand under "Switzerland
    Printed January 14, 2020" or "v3.0f". It ends at the first paragraph of text (an abstract)
    or the first numbered heading."""

    page: int  # the first page with text

    def open(self, document: ParsedDocument, heading: Sequence[Line]) -> bool:
        """Whether ``heading`` stands on the title page before any text: a title may end in
        a stop ("MultiVae: A Python package for … on Partial Datasets.")."""
        on_it = heading[0].page == self.page
        return on_it and not any(word_count(b.text) >= FRONT_WORDS for b in document.blocks)

    def takes(self, document: ParsedDocument, heading: Sequence[Line], text: str) -> bool:
        """Whether ``heading`` is part of it (then added to ``document`` as text)."""
        if heading[0].page != self.page or not document.title or _NUMBERED_HEADING.match(text):
            return False  # "1 Introduction" heads the text after a title
        if any(word_count(block.text) >= FRONT_WORDS for block in document.blocks):
            return False
        document.add(None, text, page=heading[0].page)
        return True


def _set_heading(
    document: ParsedDocument, heading: list[Line], section: str | None, front: _Front
) -> str | None:
    """The heading's text; the first heading of a document without a title is its title (unless
    it names a part of one: "Contents", "1 Introduction"), and one in the title page's block is
    text (see :class:`_Front`)."""
    notes = [line for line in heading if line.note]  # set beside it: see _beside
    text = prose(join_lines(line.text for line in heading if not line.note))
    part = bool(_CONTENTS_TITLE.match(text) or _NUMBERED_HEADING.match(text))
    # Nor a table's cells ("3. | INFORMATION ON …") nor a line of text set large that starts in
    # lower case ("quarters had a disability in 2010.8 Were …"): no title reads so.
    # A program's name alone may be set in lower case ("fletcher" over its manual).
    lowered = text[:1].islower() and not re.fullmatch(r"[a-z][\w.-]*", text)
    untitled = part or " | " in text or lowered or not _worded([Block(text)])
    if _reads_as_text(text) and not front.open(document, heading):
        # Sentences set large: a slide's lead ("A detailed visual style guide is in the works.
        # Until it's ready, …"), a card's summary under its name. Text of the section above.
        document.add(section or None, text, page=heading[0].page)
    elif not document.title and not _worded(document.blocks) and not untitled:
        document.title = text
        section = section if section and _worded([Block(section)]) else ""  # not "𝐴 𝐵"
    elif not front.takes(document, heading, text):
        section = text
    if notes:
        note = prose(join_lines(line.text for line in notes))
        document.add(section or None, note, page=notes[0].page)
    return section


def _item_goes_on(paragraph: _Paragraph | None, line: Line) -> bool:
    """Whether ``line`` is the next line of a list's item set large ("• Do place the logo on
    a white" / "background with adequate white"), not a heading under it."""
    if paragraph is None or not _SYMBOL_BULLET.match(paragraph.lines[0].text):
        return False
    last = paragraph.lines[-1]
    near = last.page == line.page and 0 < last.y_last - line.y <= 2 * last.size
    same = abs(line.size - last.size) <= 0.5 and not line.bold  # a bold line heads the next
    return near and same and not _SYMBOL_BULLET.match(line.text)


def _heading_full(heading: Sequence[Line], line: Line) -> bool:
    """Whether a heading of three lines or more is whole before ``line``: a headline is, but
    not a sentence set large that goes on in small letters ("… priorities for potential" /
    "features or user stories.")."""
    if _reads_as_text(join_lines(h.text for h in heading)):
        return True  # "… with the body." / "Reasons to use it": the sentence has ended
    goes_on = line.text[:1].islower() and not heading[-1].text.endswith(_SENTENCE_END)
    joins = heading[-1].text.endswith(("&", ",", "–", "—"))  # "Instructions &" / "Best Practices"
    return len(heading) >= 3 and not goes_on and not joins


def _reads_as_text(text: str) -> bool:
    """Whether a line or lines set like a heading are sentences: a stop after eight words or
    more, or thirty words. A question is a heading ("How do I get rid of the pass-phrase?")."""
    words = word_count(text)
    return (words >= 8 and text.endswith((".", ".”", '."'))) or words >= 30


def _worded(blocks: Sequence[Block]) -> bool:
    """Whether any of ``blocks`` has words: a figure's labels over a title page's title ("𝑓",
    "𝐴 𝐵" of the diagram above "fletcher") do not make it text of the document's."""
    return any(sum(ch.isalpha() for ch in block.text) >= 3 for block in blocks)


def _beside(heading: Line, line: Line) -> bool:
    """Whether ``line`` stands right of ``heading`` on its baseline: a note set beside it in the
    margin ("pdfTeX 0.14f | LuaTeX 0.30" in a grey box: the engines a section's feature needs),
    no part of its title. The heading keeps it, marked a ``note``, and it becomes the section's
    first text."""
    near = abs(line.y - heading.y) < 0.4 * heading.size  # a character's box: "p" reaches lower
    note = line.size < heading.size and sum(ch.isalpha() for ch in line.text) >= 3  # not a "∗"
    return line.page == heading.page and near and note and line.x0 > heading.x1


def _continues_heading(previous: Line, line: Line) -> bool:
    """A heading set on two lines in the same type ("Chapter 4" / "Compatibility issues")."""
    near = 0 < previous.y_last - line.y <= 3 * previous.size
    return line.page == previous.page and near and abs(line.size - previous.size) <= 0.5


def _flush(document: ParsedDocument, paragraph: _Paragraph | None, intro: int | None) -> int | None:
    """Write ``paragraph`` (code when set in a fixed-pitch font, joining the paragraph before it);
    return the index of the paragraph a following code block may join."""
    if paragraph is None:
        return intro
    first = paragraph.lines[0]
    if first.table is not None:
        block = pdf_tables.row_block(first.text, first.table, paragraph.section, paragraph.page)
        document.blocks.append(block)
        return None
    if all(line.mono for line in paragraph.lines):
        turns = _turns(paragraph.lines) if paragraph.lines[-1].page != paragraph.page else ()
        attach_code(
            document, _code(paragraph.lines), paragraph.section, intro, paragraph.page, turns
        )
        return None
    text = prose(join_lines(line.text for line in paragraph.lines))
    # A lone footnote mark or list number that PDFium set on a line of its own says nothing.
    if text and (len(text) > 4 or any(ch.isalpha() for ch in text)):
        item = bool(_BULLET.match(paragraph.lines[0].text))
        turns = _turns(paragraph.lines) if paragraph.lines[-1].page != paragraph.page else ()
        document.add(paragraph.section or None, text, page=paragraph.page, item=item, turns=turns)
        return len(document.blocks) - 1
    return intro


def _turns(lines: Sequence[Line]) -> tuple[tuple[int, int], ...]:
    """Where a paragraph (or a listing) runs on over a page break (or two): the solid characters
    before each new page's first line, and that page, so a quote from its end cites the page it
    is on. Counted line by line as they come (spaces, which joining adds, never count)."""
    turns, solid = [], 0
    for index, line in enumerate(lines):
        if index and line.page != lines[index - 1].page:
            turns.append((solid, line.page))
        solid += solid_length(prose(line.text))
    return tuple(turns)


def join_lines(texts: Iterable[str]) -> str:
    """Lines of a paragraph as one text: with a space between them, but none inside a web or
    mail address broken at a line end, nor where a line of Chinese or Japanese runs on (those
    scripts put no spaces between words: "观" + "点" is "观点", not "观 点", which no reader
    writes and a word splitter cuts in two)."""
    joined = ""
    for text in texts:
        if joined and text and not _runs_on(joined[-1], text) and not _address_on(joined, text):
            joined += " "
        joined += text
    # PDFium also puts a space beside full-width punctuation where a link ends ("网站 ，").
    return _SPACED_PUNCTUATION.sub("", joined)


def _address_on(joined: str, text: str) -> bool:
    """Whether ``text`` starts with the rest of an address ``joined`` ends with the start of."""
    if not joined.strip() or not text.strip():
        return False
    last, first = joined.rsplit(None, 1)[-1], text.split(None, 1)[0]
    opened = "://" in last[:-1] or "@" in last[:-1] or _WWW.match(last) is not None
    if last[-1] not in "./" or not opened or not first[0].isalnum():
        return False
    if last.endswith(".") and _ABBREVIATION.match(first):
        return False  # "… owner@bugs.debian.org." / "e.g. for spam": the sentence had ended
    # In parentheses, the address runs to the closing one: "(https://www.debian.org/misc/" /
    # "children-distros)".
    closes = last.startswith("(") and ")" not in last and first.rstrip(".,;:").endswith(")")
    domain = last.endswith(".") and _TOP_DOMAIN.match(first) is not None
    return closes or domain or bool(_ADDRESS_REST.match(first))


def _runs_on(last: str, text: str) -> bool:
    """Whether a line ending in ``last`` runs on without a space into ``text``: between two CJK
    characters, at full-width punctuation ("，" "。"), which has its own, and into the stop or
    comma that ends the sentence of the line before ("… is zero¹¹" / ". There is …"; not
    ".5em" nor an ellipsis ". . .")."""
    first = text[0]
    return bool(
        (_CJK.match(last) and _CJK.match(first))
        or _CJK_PUNCTUATION.match(last)
        or _CJK_PUNCTUATION.match(first)
        or (first in ",;:." and text[1:2] in ("", " ") and text[2:3] != ".")
    )


def _code(lines: Sequence[Line]) -> str:
    """Code lines, each indented as far as it stands right of the leftmost one (a fixed-pitch
    character is about 0.6 of the font size wide)."""
    left = min(line.x0 for line in lines)
    return "\n".join(
        " " * round((line.x0 - left) / (0.6 * max(line.size, 1.0))) + line.text for line in lines
    )


def _line_pitch(lines: Sequence[Line], body: float) -> float:
    """The usual distance between baselines of body text lines that follow each other."""
    gaps = [
        a.y_last - b.y
        for a, b in itertools.pairwise(lines)
        if a.page == b.page and a.column == b.column and 0 < a.y_last - b.y < 3 * body
    ]
    return statistics.median(gaps) if gaps else body * 1.2


def _breaks(previous: Line, line: Line, pitch: float) -> bool:
    """Whether ``line`` starts a new paragraph rather than continuing the one ``previous`` ends."""
    if line.mono != previous.mono or line.table is not None or previous.table is not None:
        return True  # prose to code or back; a table's row is a block of its own
    moved = line.page != previous.page or line.column != previous.column or line.y > previous.y
    if line.mono:  # a listing runs on over a page break, and stops at a wide gap
        return not moved and previous.y_last - line.y > 2.5 * pitch
    ended = previous.text.endswith(_SENTENCE_END)
    if moved:
        # Over a page or column break a paragraph runs on only mid-sentence: into a word in
        # lower case, or into the stop or comma its sentence goes on with ("zero¹¹" / ". There")
        return ended or not (line.text[:1].islower() or line.text[:1] in _RUNS_ON_MARKS)
    if _BULLET.match(line.text) or abs(line.size - previous.size) > 1:
        return True
    if previous.y_last - line.y > 1.4 * pitch:
        return True
    if previous.x0 - line.x0 > 8 * line.size and _closes(previous.text):
        return True  # after a tag set flush right at a paragraph's end, a new paragraph
    if _flush_right_tag(previous, line):
        return False  # "(github issue 711)" set flush right under its paragraph's last line
    indented = line.x0 - previous.x0 > 0.8 * line.size and not _BULLET.match(previous.text)
    return ended and (indented or previous.x1 < line.x1 - 4 * line.size)


_RUNS_ON_MARKS = frozenset(".,;:)")  # a line opening with one goes on with the one before


def _closes(text: str) -> bool:
    """Whether ``text`` is a short tag closing a paragraph: "(github issue 711)"."""
    return (
        len(text.split()) <= 6
        and text.startswith(_TAG_STARTS)
        and text.endswith((")", "]", *_SENTENCE_END))
    )


def _flush_right_tag(previous: Line, line: Line) -> bool:
    """A short reference set at the right margin under its paragraph's last line: "(github issue
    711)", "[3]", "— Mark Twain", starting far right of that line and ending no sooner."""
    return (
        line.x0 - previous.x0 > 8 * line.size
        and line.x1 >= previous.x1 - line.size
        and line.text.startswith(_TAG_STARTS)
        and len(line.text.split()) <= 6
    )
