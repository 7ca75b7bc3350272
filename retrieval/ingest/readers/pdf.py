"""The reader of PDF files (their text layer), with pypdfium2.

Reading goes in passes, each a small function over plain :class:`Line` records:

1. :func:`pdf_page.page_lines` — page by page (each page closed before the next is opened, so
   memory stays bounded), PDFium's text lines with their position, font size, weight and pitch,
   measured as the viewer shows the page (a landscape page turned by /Rotate); two-column pages
   are put in reading order (:func:`pdf_page.reading_order`).
2. :func:`pdf_furniture.furniture_parted` — running headers and footers (lines that repeat at
   the top or bottom of pages, page numbers however printed) and table-of-contents entries are
   dropped; page 1's running header is kept aside, to judge the file's stated title by.
3. :func:`assemble` — lines become headings (larger or bold type), code (fixed-pitch listings,
   with the sentence that introduces them) and paragraphs (lines reflowed, split at vertical
   gaps, first-line indents and short sentence-ending lines), each on the page it starts on, even
   when it runs on over a page break or into the next column.

PDFium joins a word hyphenated at a line end and marks the join (U+FFFE); :func:`rejoin` decides
from the document's own words whether the hyphen was the typesetter's ("opportu-nities" →
"opportunities") or the word's ("well-known", "Debian-based").
"""

from __future__ import annotations

import itertools
import re
import statistics
import zlib
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from retrieval.errors import DocumentError
from retrieval.ingest.dates import find_date, iso_date
from retrieval.ingest.parsed import Block, ParsedDocument
from retrieval.ingest.readers import mojibake, pdf_tables, pdf_tounicode
from retrieval.ingest.readers.common import (
    attach_code,
    author_names,
    fallback_title,
    half_said,
    is_placeholder_title,
    prose,
    said_in_order,
)
from retrieval.ingest.readers.pdf_front import (
    TITLE_PAGE_LINES,
    author_lines,
    revised_date,
    title_page_authors,
)
from retrieval.ingest.readers.pdf_furniture import (
    CONTENTS_TITLE,
    contents_titles,
    furniture_parted,
    heading_key,
)
from retrieval.ingest.readers.pdf_labels import (
    FIGURE_CAPTION,
    NUMBERED_LABELS,
    categories_read,
    figure_labels,
    labels_read,
    steps_labelled,
)
from retrieval.ingest.readers.pdf_outline import (
    Heading,
    articles_headed,
    nested,
    outline_dropped,
)
from retrieval.ingest.readers.pdf_page import (
    BULLET,
    BULLETS,
    DIVISION_LABEL,
    HAN_KANA,
    HYPHEN_JOIN,
    NUMBERED_HEADING,
    SENTENCE_END,
    Line,
    all_lines,
    body_size,
    pages_prose_marked,
    shown,
)
from retrieval.ingest.readers.sniff import has_pdf_header
from retrieval.model import solid_length
from retrieval.text import fold, word_count

_JOINED_WORD = re.compile(rf"\S*{HYPHEN_JOIN}\S*")
_WORD = re.compile(r"\w+(?:-\w+)*")
_PASSWORD_ERRORS = (pdfium_c.FPDF_ERR_PASSWORD, pdfium_c.FPDF_ERR_SECURITY)
# What PDFium's other reasons for not opening a file mean to its owner; for some files it
# gives none ("Success").
_OPEN_ERRORS = {
    pdfium_c.FPDF_ERR_FORMAT: "damaged: its structure cannot be read",
    pdfium_c.FPDF_ERR_PAGE: "damaged: its pages cannot be found",
}
_SYMBOL_BULLET = re.compile(rf"^[{BULLETS}]\s")
# Four letters or more with spaces between: a sample of letterspaced type ("Stop st e a l i n g
# s h e e p!" in a typesetting manual), no heading.
_LETTERSPACED = re.compile(r"(?:^|\s)(?:[^\W\d_]\s){3,}[^\W\d_](?:\s|\W*$)")
_TAG_STARTS = ("(", "[", "—", "–")  # a reference or source set flush right: "(github issue 711)"
_RUN_THROUGH_LINES = 4  # a display this long may stand inside a sentence (_runs_through_display)
_RUN_ON_WORDS = 6  # a bold line this long running on into roman is a sentence (bold_runs_on)
_YEAR_HEADING = re.compile(r"^\d{1,2}(?:\.\d{1,2}){1,3}\.?\s+(?:19|20)\d\d$")
_LINE_NUMBER = re.compile(r"^(\d{1,4})\s+(?=\S)")
_LONE_NUMBER = re.compile(r"^\d{1,4}$")
# a note's mark before its first word or the address it gives ("3https://github.com/…")
_GLUED_MARK = re.compile(r"^(\d{1,3}|[∗*†‡§¶])(?=[A-Z“\"‘(]|https?://|www\.)")
_FOOTNOTE_MARK = re.compile(  # "4This is", "∗ The", "11https://…"
    r"^(?:\d{1,3}|[∗*†‡§¶])\s?(?:[A-Z“\"‘(]|https?://|www\.)"
)
# Han, kana and the punctuation set with them: written without spaces between words.
_CJK = re.compile(
    r"[\u2e80-\u2fdf\u3000-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]"
)
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
DISPLAY_LINES = 2  # a display of code this short inside a sentence reads as part of it …
DISPLAY_CHARS = 60  # … with lines no longer than this
_TERM = re.compile(r"^[^\W\d_][\w-]*(?: [^\W\d_][\w-]*){0,8}$")  # "raggedleft center"
REPEATED_CHARS = 80  # a paragraph this long printed twice is one paragraph, not two
FRONT_WORDS = 12  # a block this long under the title is text: the title page's block has ended
FOOT = 0.35  # a note at a column's foot starts in this share of the page's height, from below
_CAPTION = re.compile(r"^(?:fig(?:ure)?|table|tab|listing|chart|exhibit)\.?\s*[\dIVX]", re.I)
_TITLE_WORD = re.compile(r"\w+")
FOOTNOTE_SIZE = 0.92  # a line this much smaller than the text, below it on its page: a footnote
_TITLE_LARGER = 1.05  # a title page's line this much larger than the title taken is the title
_NO_PAGE = -1  # the title page of a document that has none
NO_TEXT_LAYER = "no text layer — needs OCR"
# A file PDFium cannot open for its /Encrypt has a password to open it (one with only a
# password for editing opens and is read): what the owner can do about it is said.
ENCRYPTED = "encrypted — needs its password (save a copy without one)"
# The reason a ZIP package cut short is given too (see common.open_zip).
CUT_SHORT = "damaged: the file is cut short (copy it again)"
EMPTY = "empty"  # (the reason every reader gives a file with nothing in it)


def read_pdf(data: bytes, path: Path) -> ParsedDocument:
    """The reader of ``.pdf`` files."""
    pdf = _open(data, path)
    try:
        meta = pdf.get_metadata_dict(skip_empty=True)
        maps = pdf_tounicode.CharMaps(data)
        lines = _marks_closed(shown(list(all_lines(pdf, path, maps))))
        if not any(line.text.strip() for line in lines):
            # A download cut short whose first pages PDFium opened without their text: the
            # text is missing, not a scan's (which "needs OCR" would send the admin to do).
            raise DocumentError(path, CUT_SHORT if _cut_short(data) else _why_no_text(pdf, data))
    finally:
        pdf.close()
    if mojibake.is_utf8_codes(line.text for line in lines):
        lines = [replace(line, text=mojibake.utf8_codes_read(line.text)) for line in lines]
    lines, unread = _mapped_pages(lines)
    if not lines:
        raise DocumentError(path, mojibake.UNREADABLE)
    garbled = mojibake.is_garbled(line.text for line in lines)
    if garbled:
        lines = _as_cp1251(lines, path)
    if mojibake.is_jumbled(line.text for line in lines):
        raise DocumentError(path, mojibake.JUMBLED)
    listed = contents_titles(lines)
    lines, running = furniture_parted(lines)
    # page 1's running header, whose title the file's own may be ("TCPDF Example 055")
    heads = [line.text for line in running if lines and line.page == lines[0].page]
    for step in _PASSES:
        lines = step(lines)
    title = prose(meta.get("Title", ""))
    if garbled and mojibake.is_garbled([title]):
        title = mojibake.as_cp1251(title)
    stated = "" if is_placeholder_title(title) else title
    document = _assembled(lines, stated, listed, heads)
    if not document.blocks and lines:
        # All of it set large (a flyer, a notice, a cover letter's one line): the headings are
        # the text, not sections of a document with none.
        document = assemble(lines, document.title, headings=False)
    document.blocks = articles_headed(front_joined(unrepeated(document.blocks)))
    document.title = document.title or fallback_title(path)
    # A title page states the date ("May 31, 2022") when the file's properties don't, and the
    # text's revision ("last updated 2 October 2018") over a build's date in them.
    page = [line for line in lines if line.page == lines[0].page] if lines else []
    first_page = [line.text for line in page[:TITLE_PAGE_LINES]]
    built = _property_date(meta)
    # A title page of its own (a few lines: a manual's, a report's cover) prints the date of the
    # text ("for version 4.19.0, 18 August 2022"); the properties', the build's (a distribution
    # rebuilt the manual in 2025). A first page that is the text's start may date anything.
    dated = find_date(first_page)
    printed = dated if len(page) <= TITLE_PAGE_LINES else None
    document.date = revised_date(first_page) or printed or built or dated
    document.author = author_names(meta.get("Author")) or title_page_authors(
        first_page, [line.size for line in page[:TITLE_PAGE_LINES]]
    )
    document.unread = _unread_said(unread, lines)
    return document


# PDF came out in 1993: a file's date before it is a placeholder its writer left (Acrobat
# PDFWriter 3's "D:00000101000000Z", a clock's epoch), no date of the document.
_FIRST_PDF_YEAR = 1993


def _property_date(meta: Mapping[str, str]) -> str | None:
    """The file's date from its properties: when it was made, else last saved. A placeholder
    (:data:`_FIRST_PDF_YEAR`) is passed over: the DMCA summary's "D:00000101…" was cited as
    written on 0000-01-01."""
    for key in ("CreationDate", "ModDate"):
        date = iso_date(meta.get(key))
        if date and int(date[:4]) >= _FIRST_PDF_YEAR:
            return date
    return None


def _unread_said(unread: list[int], lines: Sequence[Line]) -> str | None:
    """What the index report says was not read: the pages left out (``unread``), else those
    whose characters are partly no letters of their text (:func:`pdf_tounicode.untrusted`).
    When some pages are left out, pages with such characters are not reported separately."""
    if unread:
        return mojibake.pages_unread(unread)
    pages: dict[int, list[str]] = {}
    for line in lines:
        pages.setdefault(line.page, []).append(line.text)
    untrusted = pdf_tounicode.untrusted(pages)
    return pdf_tounicode.pages_untrusted(untrusted) if untrusted else None


def authors_unheaded(lines: list[Line]) -> list[Line]:
    """``lines`` with the names of the authors on the title page (:func:`author_lines`) set as
    its text: Texinfo sets them large and bold at the page's foot, and they headed the pages
    after it ("Fabio Fiorina Simon Josefsson Nikos Mavrogiannopoulos (help-libtasn1@gnu.org)")."""
    if not lines:
        return lines
    first = [i for i, line in enumerate(lines) if line.page == lines[0].page][:TITLE_PAGE_LINES]
    texts, sizes = [lines[i].text for i in first], [lines[i].size for i in first]
    named = [first[i] for i in author_lines(texts, sizes)]
    body = body_size(lines) if named else 0.0
    result = list(lines)
    for index in named:
        if is_heading(lines[index], body):
            result[index] = replace(lines[index], size=body, bold=False, plain=True)
    return result


def _why_no_text(pdf: Any, data: bytes) -> str:
    """Why a file with no text has none: its pages draw nothing and it names no font or picture
    to draw (a blank page saved as a PDF: nothing to recognise), or it draws pictures (a scan:
    needs OCR). Pages that draw nothing from a file naming fonts may hold content PDFium could
    not read (a damaged stream): not called blank."""
    parts = itertools.chain([data], _packed_objects(data))  # fonts named packed too: PDF 1.5's
    if any(b"/Font" in part or b"/XObject" in part for part in parts):
        return NO_TEXT_LAYER
    for index in range(len(pdf)):
        page = pdf[index]
        try:
            if pdfium_c.FPDFPage_CountObjects(page.raw):
                return NO_TEXT_LAYER
        finally:
            page.close()
    return EMPTY


def _packed_objects(data: bytes) -> Iterator[bytes]:
    """The objects a PDF 1.5 file packs into compressed object streams ("/Type /ObjStm"), one
    stream's at a time, unpacked: where a modern file names its fonts and pictures (the first
    megabyte of each; a stream that does not inflate gives what it did)."""
    for found in _OBJECT_STREAM.finditer(data):
        inflate = zlib.decompressobj()
        try:
            yield inflate.decompress(data[found.end() :], _PACKED_MOST)
        except zlib.error:
            continue


_OBJECT_STREAM = re.compile(rb"<<[^<>]*/ObjStm[^<>]*>>\s*stream\r?\n")
_PACKED_MOST = 1 << 20


def _mapped_pages(lines: list[Line]) -> tuple[list[Line], list[int]]:
    """``lines`` without the pages whose text is glyph numbers (:func:`mojibake.is_unmapped`),
    and those pages: the rest of the file is read (a paper whose body font has no Unicode map
    still has its title, abstract and references to quote)."""
    pages: dict[int, list[str]] = {}
    for line in lines:
        pages.setdefault(line.page, []).append(line.text)
    unread = [page for page, texts in pages.items() if mojibake.is_unmapped(texts)]
    if not unread:
        return lines, []
    dropped = set(unread)
    return [line for line in lines if line.page not in dropped], unread


def _assembled(
    lines: Sequence[Line], stated: str, listed: frozenset[str], heads: Sequence[str] = ()
) -> ParsedDocument:
    """The document :func:`assemble` reads, titled as its properties say (``stated``) unless
    that title is a stray: a section's name left in the properties by the program that wrote
    the file, a heading inside it or not on its first page (its running header, ``heads``,
    counts: a title printed only there is the page's, but the page is no title page), that
    shares not half its words with
    the title the first page sets in large type, nor that title half its own. The Dynamo
    paper's properties say "System Model"; its first page "Dynamo: Amazon's Highly Available
    Key-value Store"."""
    document = assemble(lines, stated, listed)
    if not stated or not lines:
        return document
    folded = fold(stated)
    inside = any(fold(block.section or "") == folded for block in document.blocks)
    first = [line for line in lines if line.page == lines[0].page]
    if not inside and (_printed_whole(folded, first) or _printed_apart(folded, first)):
        return document
    if not inside and (lines[0].page > 1 or folded in fold(" ".join(heads))):
        # The cover is a picture (an e-book's, calibre's), or the title is printed only atop the
        # page: no title page prints one to weigh the properties' against; the first heading
        # inside ("Полезные ссылки") is none, and the first page with text is the text's.
        return assemble(lines, stated, listed, title_page=False)
    own = assemble(lines, "", listed)
    words, own_words = (set(_TITLE_WORD.findall(t)) for t in (folded, fold(own.title)))
    # neither says half of what the other does ("State Software Budgeting Handbook" is the
    # start of its properties' longer title; "LaTeX2ε" is "LATEX 2ε")
    return own if own.title and not half_said(words, own_words) else document


def _printed_whole(title: str, page: Sequence[Line]) -> bool:
    """Whether the first ``page`` prints the properties' ``title`` (folded), its words in
    order, as a line or a run of lines of their own (a paper's "Results and Discussion" or
    "system model" inside a sentence of its abstract is no title of it)."""
    words = _TITLE_WORD.findall(title)
    return said_in_order(words, [_TITLE_WORD.findall(fold(line.text)) for line in page])


def _printed_apart(title: str, page: Sequence[Line]) -> bool:
    """Whether every word of the properties' ``title`` (folded) is on the first ``page`` if
    not in its order, most of them larger than its text: a form's "2007 Form 1040NR", whose
    year and number its first page prints apart in large type (its largest line, "OMB No.
    1545-0074 U.S. Nonresident Alien Income Tax Return", titled it); a paper's section name
    whose words are all somewhere in its abstract ("Results and Discussion") is none. Three
    words or more: two may be any page's ("Budget Model")."""
    words = set(_TITLE_WORD.findall(title))
    said = [(set(_TITLE_WORD.findall(fold(line.text))), line.size) for line in page]
    if len(words) < 3 or not words <= set().union(*(found for found, _ in said)):
        return False
    body = statistics.median(size for line in page for size in [line.size] * len(line.text))
    large = set().union(*(found for found, size in said if size > 1.2 * body))
    return 2 * len(words & large) > len(words)


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
                text = re.sub(rf"(?<=[\s{HYPHEN_JOIN}]){missing}(?:\s+|$)", "", text, count=1)
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
        if last is not None and _lone_mark(last, line):
            continue
        if last is None or not _same_line(last, line):
            joined.append(line)
            continue
        left, right = (last, line) if line.x0 >= last.x1 else (line, last)
        # The mark itself, set superscript where the line goes on, is no word ("2017.¹ The").
        rest = right.text[right.mark :].lstrip() if right.mark else right.text
        space = "" if rest[:1] in _RUNS_ON_MARKS else " "  # "is zero" / "."
        text = left.text + space + rest
        # (a term in bold running in before its text in roman is text: see _same_line)
        bold = left.bold and right.bold
        joined[-1] = replace(left, text=text, x1=right.x1, y_last=right.y_last, bold=bold)
    return joined


_MARK_ONLY = re.compile(r"^(?:\d{1,3}|[∗*†‡§¶])$")


def _lone_mark(line: Line, mark: Line) -> bool:
    """Whether ``mark`` is a footnote mark alone, set raised and small over ``line``, the line
    before it, which PDFium gives as a line of its own after it: WordPerfect writes a line's
    marks last. Kept, it cut the paragraph in two there ("… was signed into law by" /
    "President Clinton on October 28, 1998.")."""
    if not _MARK_ONLY.match(mark.text) or mark.page != line.page or mark.size >= 0.85 * line.size:
        return False
    raised = 0.2 * line.size < mark.y - line.y < line.size
    return raised and line.x0 <= mark.x0 and mark.x1 <= line.x1 + line.size


def _same_line(one: Line, two: Line) -> bool:
    # A piece after a mark stands on its first letter's foot; the piece before may start with
    # a bracket, which reaches lower ("(NDAA) on December 12, 2017.¹ The MGT Act").
    slack, foot = (0.3, two.mark_foot) if two.mark else (0.2, two.y)
    if abs(one.y - foot) >= slack * one.size or one.page != two.page or one.column != two.column:
        return False  # (most lines are the next one down: the first test settles them)
    if one.mono or two.mono:
        return False
    if one.table is not None or two.table is not None:
        return False
    if one.bold != two.bold:
        # only a paragraph's term in bold and its text in roman, which a column between them
        # (as PDFium reads a tax booklet's lines) parts: "Line 70." … "Add lines 59 through 69."
        left, right = (one, two) if two.x0 >= one.x1 else (two, one)
        if not (left.bold and left.text.endswith((".", ":")) and right.text[:1].isupper()):
            return False
    alike = abs(one.size - two.size) <= 0.5
    gap = two.x0 - one.x1 if two.x0 >= one.x1 else one.x0 - two.x1
    return alike and one.y == one.y_last and 0 <= gap < 0.8 * one.size


def unrepeated(blocks: list[Block]) -> list[Block]:
    """``blocks`` without a paragraph printed again word for word: a PDF's optional layers (a
    demonstration shown with a feature on and off, a form's print and screen versions) put the
    same text on the page several times, and four copies of it would fill the answers; nor a
    table's row printed twice over, which answered a search twice."""
    seen: set[str] = set()
    kept: list[Block] = []
    for block in blocks:
        key = " ".join(block.text.split())
        if block.kind == "text" and len(key) >= REPEATED_CHARS and key in seen:
            continue
        if (
            block.kind == "table"
            and kept
            and kept[-1].kind == "table"
            and kept[-1].text == block.text
        ):
            continue  # a table's row printed twice in a row (BCM2835's GPFSEL0) says it once
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
        short = word_count(block.text) < FRONT_WORDS and not block.text.endswith(SENTENCE_END)
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
            _bold_lead_runs_on(line, after)
            or _runs_through_display(lines, index)
            or _open_in_bold(lines, index)
        ):
            result[index] = replace(line, bold=False)
        elif after.bold and (_introduced(line, after) or _goes_on_in_bold(line, after)):
            result[index + 1] = replace(after, bold=False)
    return result


_INTRO_WORDS = 8  # a bold line this long ending in a colon is a sentence, no heading
# How far below a line the next line of its paragraph stands, at most, in sizes of its type: a
# heading stands further off (a bold "Installation" after a paragraph ending in a web address).
_LINE_SPACING = 1.5


def _bold_lead_runs_on(line: Line, after: Line) -> bool:
    """Whether a bold line of a sentence's first words (:data:`_RUN_ON_WORDS` or more, no
    stop) runs on in plain type right under it: emphasis, no heading."""
    return (
        line.bold
        and not after.bold
        and len(line.text.split()) >= _RUN_ON_WORDS
        and not line.text.endswith(SENTENCE_END)
        and _right_under(line, after)
    )


def _right_under(line: Line, after: Line) -> bool:
    """Whether ``after`` goes on in small letters right under ``line``: the same page, at most
    two of its sizes below, in type of its size."""
    return (
        after.text[:1].islower()
        and after.page == line.page
        and 0 < line.y - after.y <= 2 * line.size
        and abs(after.size - line.size) <= 0.5
    )


def _open_in_bold(lines: Sequence[Line], index: int) -> bool:
    """Whether the line at ``index``, set bold, breaks off after a word no heading ends with and
    goes on in small letters right under it: a sentence's first words in bold for emphasis
    ("Las entidades interoperables son las que permiten que los" / "datasets hablen entre
    sí , pero esto no puede suceder cuando"), no heading over the text after it. Not a
    heading's next line ("Table 5" /
    "Correlations between … of pupils in" / "project activities"), nor a numbered heading
    ("2.7.4 Overspeed protective devices of main and" / "auxiliary engines")."""
    line, after = lines[index], lines[index + 1]
    before = lines[index - 1] if index else None
    first = (
        before is None
        or not before.bold
        or before.page != line.page
        or abs(before.size - line.size) > 0.5  # a heading in larger type above it
    )
    return (
        line.bold
        and first
        and not NUMBERED_HEADING.match(line.text)
        # and the sentence runs on past the next line: a question set bold over two lines
        # ("Do you anticipate … or a time and" / "materials contract?") heads its answers
        and not after.text.endswith(SENTENCE_END)
        and _ends_open(line.text)
        and _right_under(line, after)
    )


def _goes_on_in_bold(line: Line, after: Line) -> bool:
    """Whether the sentence ``line`` leaves open goes on in ``after``, set bold by the names
    in it ("… set the new list with" / "\\setlist:", enumitem.pdf): a heading never comes in
    the middle of a sentence."""
    return (
        not line.bold
        and not line.mono
        and not BULLET.match(line.text)  # an item of a change log ends with no stop
        and not line.text.endswith((*SENTENCE_END, ","))
        and after.page == line.page
        and 0 < line.y - after.y <= _LINE_SPACING * line.size
        and abs(after.size - line.size) <= 0.5
    )


def _runs_through_display(lines: list[Line], index: int) -> bool:
    """Whether the bold line at ``index`` opens a sentence that runs through the code display
    under it into a line in small letters ("EXAMPLE With" / "\\SetEnumitemKey{midsep}{…}" /
    "you may write", enumitem.pdf): a label starting a sentence, not a heading."""
    line = lines[index]
    if not line.bold or line.mono or line.text.endswith((*SENTENCE_END, ",")):
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
    # (a bold line too, when it is a sentence: in a file whose every font says it is bold)
    sentence = not line.bold or word_count(line.text) >= _INTRO_WORDS
    return (
        sentence
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
        and not before.text.endswith((*SENTENCE_END, ","))
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
        text = line.text[:-1] + HYPHEN_JOIN + rest
        result[i] = replace(line, text=text, y_last=following.y)
        result[i + 1] = replace(following, text=remainder)
    return [line for line in result if line.text]


def _cut_short(data: bytes) -> bool:
    """Whether ``data`` is a PDF that ends before its first "%%EOF": a download or copy cut
    short (an incremental update's end, or junk after the end, leave one earlier in the file)."""
    return b"%%EOF" not in data


def _open(data: bytes, path: Path) -> Any:
    """The PDF in ``data`` as PDFium opens it, or :class:`DocumentError` saying why not.

    A file is refused as cut short only when PDFium can't open it and no "%%EOF" ends any
    version of it: one with bytes after its end (a mail gateway's or a server's junk, kilobytes
    of it) or missing only its last lines (the trailer PDFium rebuilds) holds all its pages, and
    was refused as "truncated" by a look at its last two kilobytes alone."""
    if not has_pdf_header(data):
        raise DocumentError(path, "damaged: not a PDF file")
    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as error:
        if _cut_short(data):
            raise DocumentError(path, CUT_SHORT) from error
        code = getattr(error, "err_code", None)
        # PDFium's error code outlives the failure it was set for: a file that fails without
        # setting one reports the last file's "password". An encrypted file says /Encrypt.
        if code in _PASSWORD_ERRORS and b"/Encrypt" in data:
            raise DocumentError(path, ENCRYPTED) from error
        if code in _PASSWORD_ERRORS:
            code = None
        raise DocumentError(path, _OPEN_ERRORS.get(code, "damaged: cannot be opened")) from error


def _hyphens_carried(lines: list[Line]) -> list[Line]:
    """``lines`` with a word hyphenated at a page's (or column's) last line (left ending in
    PDFium's mark by :func:`_far_joins_parted`) whole again: the rest of it brought up from the
    next line, as PDFium does within a page, for :func:`rejoin` to decide."""
    result = list(lines)
    for i in range(len(result) - 1):
        line, following = result[i], result[i + 1]
        if not line.text.endswith(HYPHEN_JOIN) or following.mono or line.mono:
            continue
        rest, _, remainder = following.text.partition(" ")
        if rest.rstrip('”’")]').endswith((".", "!", "?")):
            # The word's first part goes down to its rest, not the rest up, when the rest ends
            # a sentence: "… pretrained on cita-" / "tions. We achieve …" over a column break
            # ran on with "citations." ending the line before, and the paragraph was cut there.
            kept, _, first = line.text.rpartition(" ")
            result[i] = replace(line, text=kept)
            result[i + 1] = replace(following, text=first + following.text)
        else:
            result[i] = replace(line, text=line.text + rest)
            result[i + 1] = replace(following, text=remainder)
    return [line for line in result if line.text]


def _join_hyphens(lines: list[Line]) -> list[Line]:
    """Resolve PDFium's joins of words hyphenated at a line end (see :func:`rejoin`), judged
    against the words the document writes elsewhere."""
    vocabulary: set[str] = set()
    for line in lines:
        text = _JOINED_WORD.sub(" ", line.text) if HYPHEN_JOIN in line.text else line.text
        vocabulary.update(_WORD.findall(text.lower()))  # never the halves of a joined word
    pattern = re.compile(rf"(\w*){HYPHEN_JOIN}(\w*)")

    def joined(text: str) -> str:
        return pattern.sub(lambda m: _rejoined(text, m, vocabulary), text)

    # A table's caption ("… used in the instruc-" / "tion.") is joined as its rows' section.
    return [
        replace(ln, text=joined(ln.text), table=ln.table and joined(ln.table))
        if HYPHEN_JOIN in ln.text or HYPHEN_JOIN in (ln.table or "")
        else ln
        for ln in lines
    ]


def _rejoined(text: str, match: re.Match[str], vocabulary: set[str]) -> str:
    """The word :func:`rejoin` makes of ``match``'s halves, unless they stand in a web address
    ("…/paquete-apertura-datos/guia-" / "interoperables/"): no typesetter hyphenates one, so a
    break there is at the address's own hyphen, which stays."""
    before = text[: match.start()].rsplit(None, 1)
    if before and "/" in before[-1] + match[1] and ("://" in before[-1] or "www." in before[-1]):
        return f"{match[1]}-{match[2]}"
    return rejoin(match[1], match[2], vocabulary)


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
    lines = _notes_written_first_last(lines, notes)
    result: list[Line] = []
    waiting: list[Line] = []  # footnotes held until the sentence before them ends
    holding = False
    for line in lines:
        if ("http" in line.text or "www." in line.text) and _GLUED_ADDRESS.search(line.text):
            kind = notes.pop(id(line), None)  # a note's mark before the address it gives
            line = replace(line, text=_GLUED_ADDRESS.sub(r"\1 ", line.text))
            if kind is not None:
                notes[id(line)] = kind
        if notes.get(id(line)) == "mark":  # a footnote starts: does it interrupt a sentence?
            holding = bool(waiting) or bool(result and not result[-1].text.endswith(SENTENCE_END))
            # Its mark, set superscript, is no part of its first word: "2User" reads "2 User".
            line = replace(line, text=_glued_marks_parted(line.text))
            notes[id(line)] = "mark"
        if id(line) in notes and holding:
            waiting.append(line)
            continue
        if waiting and (line.mono or is_heading(line, body) or line.page > waiting[0].page + 1):
            result += waiting  # a heading or a listing: the sentence did not run on to here
            waiting = []
        result.append(line)
        if waiting and line.text.endswith(SENTENCE_END):
            result += waiting
            waiting = []
    return result + waiting


def _notes_written_first_last(lines: list[Line], notes: dict[int, str]) -> list[Line]:
    """``lines`` with the footnotes a page's content writes before text of their column that
    stands above them (``notes``: the ids of the notes' lines) after that text, where they
    stand: WordPerfect writes a page's notes first, and the note "¹ Pub. L. No. 105-304, …" was
    read between the title and the date over the text it notes."""
    result: list[Line] = []
    for _, group in itertools.groupby(lines, key=lambda line: line.page):
        page = list(group)
        kept: list[Line] = []
        moved: list[tuple[list[Line], int]] = []  # a note and the line it goes after
        end = 0
        for noted, same in itertools.groupby(page, key=lambda line: id(line) in notes):
            run = list(same)
            end += len(run)
            if not noted:
                kept += run
                continue
            above = [
                ln
                for ln in page[end:]
                if id(ln) not in notes and ln.column == run[0].column and ln.y > run[0].y
            ]
            if above:
                moved.append((run, id(above[-1])))
            else:
                kept += run
        for note, anchor in moved:
            at = next(i for i, line in enumerate(kept) if id(line) == anchor) + 1
            kept[at:at] = note
        result += kept
    return result


def _glued_marks_parted(text: str) -> str:
    """A footnote's line with its mark, set superscript, apart from the word or address after
    it: "2User" reads "2 User", "3https://github.com/…" "3 https://github.com/…"."""
    return _GLUED_MARK.sub(r"\1 ", text, count=1)


# "8https://academic.microsoft.com/": a note's mark glued to the address it gives, wherever
# the note stands (a second note on the first's line, a note no smaller than the text)
_GLUED_ADDRESS = re.compile(r"(?:^|(?<=\s))(\d{1,3})(?=https?://|www\.)")


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
        or (len(line.text) == 1 and not HAN_KANA.match(line.text))  # a figure's "T", a drop cap
    ):
        return False
    if (
        line.cells >= _ROW_CELLS
        and not NUMBERED_HEADING.match(line.text)
        and not (line.size >= body * 1.15 and _justified(line))
    ):
        # "Bit(s)  Field Name  Description  Type  Reset": a table's header row (or a row) whose
        # table was not found, words parted by a table's gaps, which no heading has (but a
        # numbered one may set its number and a note apart: "6.4.  Partial lists      2.6")
        return False
    if FIGURE_CAPTION.match(line.text) or line.label:
        # "Figure 1: GFS Architecture" names the figure, and its labels ("220R") are words of
        # the drawing: neither heads the text after it
        return False
    if _SYMBOL_BULLET.match(line.text):
        # "– topsep" in bold, "• Do use the black logo" on a slide: a list's item; but a check
        # box set large and bold over text in the body's type is a step of a kit's manual ("☐
        # Axial Capacitors and" / "Transistors"), which heads the step's instructions
        return _step(line, body)
    if NUMBERED_LABELS.match(line.text):
        return False  # "Step 1 Step 2 Step 3" over a slide's three columns: their labels
    if _AMOUNT.match(words[-1]):
        return False  # "Total Expenses $2,192,066", "$2.2M" by a chart's bar: a figure, no title
    if DIVISION_LABEL.match(line.text) and line.size >= body * 0.95:
        return True  # "ARTICLE IV" set in the text's type, centred over its sections
    if _DIVISION_TITLED.match(line.text) and len(words) <= 12 and line.size >= body * 0.85:
        # "Section 3 – Initial Project Proposal Submissions Process" in the text's type (a
        # memo's): its division's label and title, which no sentence starts with
        return not line.text.endswith(SENTENCE_END)
    if line.plain and not line.bold:
        return False  # in the type of its page's prose, however large (see pages_prose_marked)
    if line.size >= body * 1.15:
        # Large type heads, even a first line ending in "Ubuntu," or one PDFium made of two
        # by joining a hyphenated word (so up to 40 words, not a heading's usual dozen).
        return True
    if line.text.endswith((".", ",", ";")) and not re.match(r"^[\d.]+$", words[-1]):
        return False  # a bold sentence is emphasis, not a heading
    if _cells_or_code(words):
        return False  # a table's row, a box's rating, an example's address or code in bold
    if all(len(word) == 1 for word in words):
        return False  # "F F": a form's labels of its lines, left and right, in bold
    if _MATHS.search(line.text) and not _WORD3.search(line.text):
        return False  # "µs", "σ[µs": a formula's symbols in bold, which name no section
    return line.bold and _reader_words(line.text) <= 12 and line.size >= body * 0.95


# Letters of the scripts written without spaces between words (Thai, Lao, Myanmar, Khmer),
# their vowel and tone marks aside: a word is about three of them.
_UNSPACED_LETTER = re.compile(
    "[\u0e01-\u0e30\u0e32\u0e33\u0e40-\u0e46"  # Thai
    "\u0e81-\u0eb0\u0eb2\u0eb3\u0ec0-\u0ec6"  # Lao
    "\u1000-\u102a\u1780-\u17b3]"  # Myanmar, Khmer
)
_UNSPACED_WORD_LETTERS = 3


def _reader_words(text: str) -> int:
    """Words of ``text`` as a reader counts them, in the scripts that set no space between
    words too: a line of Thai with two spaces ("ในข้อดังกล่าว และตั้งฉากกับระนาบที่ผ่าน i j −",
    an exam's question) is some fourteen words, no heading's five. A run of Thai counts once, by
    its letters (its last word cut short by the space), not also as a word of its own: a bold
    thesis chapter's "บทที่ 1 ความเป็นมาและความสำคัญของปัญหา" is eleven, a heading still.
    (Chinese and Japanese are counted by their spaces still: a title of 24 characters over one
    space is a heading.)"""
    words = 0
    for run in text.split():
        letters = len(_UNSPACED_LETTER.findall(run))
        words += -(-letters // _UNSPACED_WORD_LETTERS) if letters else 1
    return words


# A division's label, a dash, its title in capitals: "Section 1 – The Technology Modernization
# Fund (TMF)", "Part II — Definitions", "Section 3 –Initial …" (the dash set close).
_DIVISION_TITLED = re.compile(
    r"^(?i:section|article|chapter|part|appendix|annex)\s+(?:\d{1,3}|[IVXLC]{1,7}|[A-Z])"
    r"\s*[–—-]\s*[A-Z]"
)
_STEP_BOX = re.compile(r"^[☐□❑❒]\s+")  # a check box opening a step of a manual


def _step(line: Line, body: float) -> bool:
    """Whether ``line`` is a step's heading: a check box and a few words, no sentence, in bold
    type larger than the body's ("☐ Install Iambino")."""
    step = _STEP_BOX.match(line.text) and line.bold and line.size >= body * 1.15
    return bool(step) and len(line.text.split()) <= 12 and not line.text.endswith(SENTENCE_END)


def _justified(line: Line) -> bool:
    """Whether ``line``, set large, reads as a heading's first line set justified, its word
    gaps spread wide ("Преобразования при разыменовании (deref" over "coercions)"): each of its
    cells one word, the line ending mid-phrase (a bracket open, a comma, a preposition), not a
    row of a table's labels."""
    text, words = line.text, line.text.split()
    open_ = text.count("(") > text.count(")") or text.endswith((",", "–", "—"))
    return (open_ or _ends_open(text)) and len(words) == line.cells


_CELL = re.compile(r"^(?:\d[\d.,]*|[-–—])$")
_ROW_CELLS = 3  # a line of this many cells is a table's row (a heading may set its number apart)
_DOTTED_NUMBER = re.compile(r"^\d{1,2}(?:\.\d{1,2})*\.\s+[A-Z]")  # "1. Introduction", "4.2. Fees"
_WORD3 = re.compile(r"[^\W\d_]{3}")  # three letters running: a word, not a symbol
_MATHS = re.compile(r"[\u00b5\u0370-\u03ff\u2200-\u22ff]")  # µ, Greek, operators: a formula's
# A sum of money or a share, a report's figure: "$2,192,066", "-$696,917", "$2.2M", "46%".
_AMOUNT = re.compile(r"^[-−+]?(?:[$€£¥]\d[\d,.]*[kKmMbB]?|\d[\d,.]*%)$")


# A label and its figure ending the line: "Распространенность: 2", "Exploitability: 1".
_RATED = re.compile(r"[^\W\d_]:\s?\d{1,3}$")
# A word of code or an address: "http://…", "www.…", "dest=Hawaii", "i:3;s:32:".
_CODE_WORD = re.compile(r"://|^\W*www\.|\w=|=\w|;\S")


def _cells_or_code(words: Sequence[str]) -> bool:
    """Whether ``words``, set bold, name no section: a table's row ("Methane (CH4) 100 000 -
    -"), a box's ratings ("Технические: 3 обнаружения: 2"), a web address, a query or a line of
    code set bold in an example ("amount=1500&acct=…", "i:3;s:32:"…";}")."""
    return _has_cells(words) or bool(_RATED.search(" ".join(words))) or _code_or_address(words)


def _code_or_address(words: Sequence[str]) -> bool:
    """Whether ``words`` are code or web addresses, no title's words: each word with letters in
    it an address or holds an assignment or a statement's end ("2P0OC2JSN?dest=Hawaii",
    "http://example.com/app/a http://example.com/app/b"), or the line leaves an assignment open
    ("PreparedStatement pstmt =")."""
    worded = [word for word in words if any(ch.isalpha() for ch in word)]
    coded = bool(worded) and all(_CODE_WORD.search(word) for word in worded)
    return coded or words[-1] == "="


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
    title_page: bool = True,
) -> ParsedDocument:
    """Headings, paragraphs and code from lines in reading order (see :func:`is_heading`); a
    line the contents list names (``listed``, see :func:`contents_titles`) is a heading too.
    Without ``headings`` every line is text; without ``title_page`` the first page is text
    like the others, no title page whose headings are its block (see :class:`_Front`)."""
    document = ParsedDocument(title=title)
    body = body_size(lines)
    pitch = _line_pitch(lines, body)
    front = _Front(lines[0].page if lines and title_page else _NO_PAGE)
    outline: list[Heading] = []  # every heading that opened a section, where it did
    section: str | None = None
    current: _Paragraph | None = None
    heading: list[Line] = []
    intro: int | None = None  # the paragraph just written, which may introduce code
    for index, line in enumerate(lines):
        if heading and _beside(heading[-1], line):
            heading.append(replace(line, note=True))  # on its baseline (see _set_heading)
            continue
        headed = _heads(line, current, heading, body, pitch) or _centred_number(
            line, lines[index + 1 : index + 4], body
        )
        if headings and (headed or (listed and heading_key(line.text) in listed)):
            intro = _flush(document, current, intro)
            current = None
            apart = _stands_apart(heading[-1], line) if heading else False
            ended = heading and (
                not _continues_heading(heading[-1], line)
                or (apart and not front.open(document, heading))
            )
            if heading and (ended or _heading_full(heading, line)):
                section = _set_heading(document, heading, section, front, outline)
                heading = []
            heading.append(line)
            continue
        if heading:
            section = _set_heading(document, heading, section, front, outline)
            heading, intro = [], None
        # Type set large (a slide's list) is led wider than the body: its own pitch.
        leading = pitch * line.size / body if line.size >= 1.15 * body else pitch
        if current is None or _breaks(current.lines[-1], line, leading):
            intro = _flush(document, current, intro)
            current = _Paragraph(line.page, section, [])
        current.lines.append(line)
    _flush(document, current, intro)
    if heading:
        _set_heading(document, heading, section, front, outline)
    document.blocks = outline_dropped(nested(document.blocks, outline), outline)
    return document


@dataclass
class _Front:
    """The title page's block under the title (subtitle, author, address, version, date): set
    large like headings, but no sections: the text below it would stand under "Switzerland
    Printed January 14, 2020" or "v3.0f". It ends at the first paragraph of text (an abstract)
    or the first numbered heading."""

    page: int  # the first page with text
    title_size: float = 0.0  # the type of the title its first heading gave the document
    title_at: int = 0  # the block before which that title stood
    closed: bool = False  # a contents list's heading ended it ("INDICE" under the title)
    tiled: bool = False  # a chapter's tile opened a section ("O" by "Acerca de OWASP")

    def outsized(self, document: ParsedDocument, heading: Sequence[Line], text: str) -> bool:
        """Whether ``heading`` is the title page's title, set larger than the line its first
        heading made the title: a company's or a series' name set above it ("Future
        Technology Devices International Ltd." in 18 pt over "Command Processor for MPSSE and
        MCU Host Bus Emulation Modes" in 22 pt); then that line is the title page's text."""
        larger = heading[0].size >= _TITLE_LARGER * self.title_size > 0
        # two words at least: a division's label set large beside the title ("SECTION 2" by
        # "DIESEL ENGINES") names no document
        worded = sum(bool(_WORD3.search(word)) for word in text.split()) >= 2
        if not larger or not worded or not self.open(document, heading):
            return False
        document.blocks.insert(self.title_at, Block(document.title, page=self.page))
        document.title, self.title_size = text, heading[0].size
        self.title_at += 1
        return True

    def open(self, document: ParsedDocument, heading: Sequence[Line]) -> bool:
        """Whether ``heading`` stands on the title page before any text: a title may end in
        a stop ("MultiVae: A Python package for … on Partial Datasets.")."""
        on_it = heading[0].page == self.page and not self.closed
        return on_it and not any(word_count(b.text) >= FRONT_WORDS for b in document.blocks)

    def takes(self, document: ParsedDocument, heading: Sequence[Line], text: str) -> bool:
        """Whether ``heading`` is part of it (then added to ``document`` as text)."""
        # (a chapter's tile before it, "A2", numbers it too)
        numbered = bool(NUMBERED_HEADING.match(text) or DIVISION_LABEL.match(heading[0].text))
        numbered = numbered or heading[0].tile
        if CONTENTS_TITLE.match(text) and document.title:
            self.closed = True  # the contents list after the title page's block: the text's
        if not document.title or numbered or not self.open(document, heading):
            return False  # "1 Introduction", "ARTICLE I" head the text after a title
        document.add(None, text, page=heading[0].page)
        return True


def _set_heading(
    document: ParsedDocument,
    heading: list[Line],
    section: str | None,
    front: _Front,
    outline: list[Heading],
) -> str | None:
    """The heading's text; the first heading of a document without a title is its title (unless
    it names a part of one: "Contents", "1 Introduction"), and one in the title page's block is
    text (see :class:`_Front`)."""
    notes = [line for line in heading if line.note]  # set beside it: see _beside
    text = prose(join_lines(line.text for line in heading if not line.note))
    text = _STEP_BOX.sub("", text)  # "☐ Resistors": the step is "Resistors"
    part = bool(
        CONTENTS_TITLE.match(text)
        or NUMBERED_HEADING.match(text)
        or DIVISION_LABEL.match(heading[0].text)
        or heading[0].tile  # a chapter's tile before it ("O", "A4"): a chapter's, as a number
    )
    # Nor a table's cells ("3. | INFORMATION ON …") nor a line of text set large that starts in
    # lower case ("quarters had a disability in 2010.8 Were …"): no title reads so.
    # A program's name alone may be set in lower case ("fletcher" over its manual).
    lowered = text[:1].islower() and not re.fullmatch(r"[a-z][\w.-]*", text)
    untitled = part or " | " in text or lowered or not _has_words(text)
    if _reads_as_text(text) and not front.open(document, heading):
        # Sentences set large: a slide's lead ("A detailed visual style guide is in the works.
        # Until it's ready, …"), a card's summary under its name. Text of the section above.
        document.add(section or None, text, page=heading[0].page)
    elif not document.title and not _worded(document.blocks) and not untitled and not front.tiled:
        # (nor a heading inside a tiled chapter: "Prefacio" under "O Acerca de OWASP")
        document.title = text
        front.title_size, front.title_at = heading[0].size, len(document.blocks)
        section = section if section and _has_words(section) else ""  # not "𝐴 𝐵"
    elif not untitled and front.outsized(document, heading, text):
        pass
    elif not front.takes(document, heading, text):
        section = text
        first = heading[0]
        outline.append(Heading(len(document.blocks), text, (first.size, first.bold)))
        front.tiled = front.tiled or first.tile
    if notes:
        note = prose(join_lines(line.text for line in notes))
        document.add(section or None, note, page=notes[0].page)
    return section


def _item_goes_on(paragraph: _Paragraph | None, line: Line) -> bool:
    """Whether ``line`` is the next line of a list's item set large ("• Do place the logo on
    a white" / "background with adequate white"), not a heading under it."""
    if paragraph is None or not _SYMBOL_BULLET.match(paragraph.lines[0].text):
        return False
    under = _continues_heading(paragraph.lines[-1], line, reach=2)
    return under and not line.bold and not _SYMBOL_BULLET.match(line.text)


def _heads(
    line: Line, current: _Paragraph | None, heading: Sequence[Line], body: float, pitch: float
) -> bool:
    """Whether ``line`` is (part of) a heading, by its type or the heading it goes on with."""
    typed = (
        is_heading(line, body)
        and not _item_goes_on(current, line)
        and not _sentence_goes_on(current, line, pitch)
    )
    return typed or _wraps_heading(heading, line) or _names_division(heading, line)


def _sentence_goes_on(paragraph: _Paragraph | None, line: Line, pitch: float) -> bool:
    """Whether ``line``, set bold, goes on with the sentence the paragraph's last line leaves
    open ("… see the Deductions" / "and Adjustments Worksheet on page 2.", a form's emphasis):
    in small letters, in the same type, right under it."""
    if paragraph is None:
        return False
    last = paragraph.lines[-1]
    # In a paragraph set bold, bold marks nothing: its next line may open with any letter
    # ("… se desarrollan generalmente en física" / "(radiometría, óptica y diseño …").
    if not line.text[:1].islower() and not (last.bold and line.bold):
        return False
    return (
        not last.text.endswith(SENTENCE_END)
        and last.page == line.page
        and abs(last.size - line.size) <= 0.5
        and 0 < last.y_last - line.y <= 1.4 * pitch
    )


def _centred_number(line: Line, next_lines: Sequence[Line], body: float) -> bool:
    """Whether ``line`` is a numbered heading set in the text's type, centred over the text
    under it ("1. Introduction" in small capitals over a paper's column): a few words, no
    sentence, well in from the text's edges."""
    words = line.text.split()
    if not _DOTTED_NUMBER.match(line.text) or len(words) > 8 or line.size < 0.95 * body:
        return False
    if line.text.endswith(SENTENCE_END) or line.table is not None or line.mono:
        return False
    below = [ln for ln in next_lines if ln.page == line.page]
    if not below:
        return False
    left, right = min(ln.x0 for ln in below), max(ln.x1 for ln in below)
    centred = abs((line.x0 + line.x1) - (left + right)) <= 2 * line.size
    return centred and line.x0 - left > 4 * line.size


def _names_division(heading: Sequence[Line], line: Line) -> bool:
    """Whether ``line`` names the division labelled right above it ("ARTICLE II" / "OFFICES"):
    in capitals ("CONFLICT OF INTEREST TRANSACTIONS and ANTITRUST"), a few words and no
    sentence, in the label's type just under it."""
    if not heading or not DIVISION_LABEL.match(heading[-1].text):
        return False
    words = line.text.split()
    capitals = 2 * sum(word.isupper() for word in words) > len(words)
    short = len(words) <= 10 and not line.text.endswith(SENTENCE_END)
    return capitals and short and _continues_heading(heading[-1], line)


def _wraps_heading(heading: Sequence[Line], line: Line) -> bool:
    """Whether ``line`` is the next line of a long bold heading wrapped mid-sentence ("If the
    selected vendor doesn't perform adequately, how difficult" / "will it be to terminate the
    contract? How long will it take to" / …): too long to be a heading alone, it is one's."""
    if not heading or line.mono or line.table is not None:
        return False
    last = heading[-1]
    wrapped = len(last.text.split()) >= _WRAPPED_WORDS and not last.text.endswith(SENTENCE_END)
    return wrapped and last.bold and line.bold and _continues_heading(last, line)


_WRAPPED_WORDS = 6  # a heading's line this long, ending mid-sentence, wrapped onto the next


def _heading_full(heading: Sequence[Line], line: Line) -> bool:
    """Whether a heading of three lines or more is whole before ``line``: a headline is, but
    not a sentence set large that goes on in small letters ("… priorities for potential" /
    "features or user stories.")."""
    ended = heading[-1].text.endswith(SENTENCE_END)
    goes_on = (line.text[:1].islower() or line.text.startswith("(")) and not ended
    if _reads_as_text(join_lines(h.text for h in heading)):
        # "… with the body." / "Reasons to use it": the sentence has ended; but thirty words
        # into a card's lead ("… larger groups of stake holders and groups" / "with high risk
        # of disagreement.", "… Static prototypes" / "(often paper) are …") it goes on.
        return ended or not _continues_heading(heading[-1], line)
    joins = heading[-1].text.endswith(("&", ",", "–", "—"))  # "Instructions &" / "Best Practices"
    # "GUÍA PARA LA" / "APERTURA DE" / "DATOS EN" / "GOBIERNOS": a title ending in a preposition
    # goes on; one in capitals on a cover may run to six lines of a few words each.
    joins = joins or _ends_open(heading[-1].text)
    capitals = all(h.text.isupper() for h in (*heading, line))
    return len(heading) >= (_CAPITALS_LINES if capitals else 3) and not goes_on and not joins


_CAPITALS_LINES = 6  # a title in capitals, three words a line, runs to this many lines
# Words no title ends with: articles, prepositions, conjunctions (en, es, fr, de, pt, it, ru).
_OPEN_WORDS = frozenset(
    "of and the for to in on with an de del la las el los en y para por con du des le les et"
    " pour der die das und für von zu dos com di per il и в для на по".split()
)


def _ends_open(text: str) -> bool:
    """Whether ``text`` ends on a word no title ends with (:data:`_OPEN_WORDS`)."""
    words = text.split()
    return bool(words) and words[-1].casefold() in _OPEN_WORDS


def _reads_as_text(text: str) -> bool:
    """Whether a line or lines set like a heading are sentences: a stop after eight words or
    more, or thirty words. A question is a heading ("How do I get rid of the pass-phrase?")."""
    words = word_count(text)
    # A long question set bold over its answers ("If the selected vendor doesn't perform
    # adequately, how difficult … How much do you think that will cost?") heads them.
    return (words >= 8 and text.endswith((".", ".”", '."'))) or (
        words >= 30 and not text.endswith("?")
    )


def _worded(blocks: Sequence[Block]) -> bool:
    """Whether any of ``blocks`` has words: a figure's labels over a title page's title ("𝑓",
    "𝐴 𝐵" of the diagram above "fletcher") do not make it text of the document's; nor does a
    label of a few words in the text's type above it, the part of a set it is ("ANEXO II" over
    "GUÍA PARA LA PUBLICACIÓN DE DATOS EN FORMATOS ABIERTOS")."""
    return any(_has_words(block.text) and not _LABEL_ABOVE.match(block.text) for block in blocks)


# "ANEXO II", "Annex B", "Appendix 3", "Part IV": a division's label, set over a title.
_LABEL_ABOVE = re.compile(
    r"^(?i:anexo|annex|appendix|ap[ée]ndice|annexe|anhang|part|parte|partie|приложение)"
    r"\s+(?:[IVXLC]{1,7}|\d{1,3}|[A-Z])$"
)


def _has_words(text: str) -> bool:
    return sum(ch.isalpha() for ch in text) >= 3


def _beside(heading: Line, line: Line) -> bool:
    """Whether ``line`` stands right of ``heading`` on its baseline: a note set beside it in the
    margin ("pdfTeX 0.14f | LuaTeX 0.30" in a grey box: the engines a section's feature needs),
    no part of its title. The heading keeps it, marked a ``note``, and it becomes the section's
    first text."""
    near = abs(line.y - heading.y) < 0.4 * heading.size  # a character's box: "p" reaches lower
    note = line.size < heading.size and _has_words(line.text)  # not a "∗"
    # A sentence is no note: the first line of a spread's right page, beside its left page's
    # chapter title ("01 Introduction" / "Only 13% of large government software projects …").
    note = note and not line.text.endswith(SENTENCE_END)
    return line.page == heading.page and near and note and line.x0 > heading.x1


def _stands_apart(previous: Line, line: Line) -> bool:
    """Whether ``line``, in the type of the heading line ``previous`` and close enough under it
    to go on with it (:func:`_continues_heading`), is a heading of its own: more than twice its
    size below, where a heading's own lines wrap closer ("Planning your workshop" / "Planning
    Checklist", 2.4 sizes apart, a section's heading and its first subsection's). Not when it
    reads on ("… Version" / "2.0 draft" starts in small letters, "Instructions &" / "Best
    Practices"), nor a sentence ("… developing software?" / "Wrong answer: “Nobody.”", a
    question and its answer set large), nor under a division's label ("Chapter 4" /
    "Compatibility issues"). Lines on the title page are its block (see :class:`_Front`)."""
    if previous.y_last - line.y <= 2 * previous.size or DIVISION_LABEL.match(previous.text):
        return False
    reads_on = line.text[:1].islower() or previous.text.endswith(("&", ",", "–", "—", "-"))
    return not reads_on and not line.text.endswith(SENTENCE_END)


def _continues_heading(previous: Line, line: Line, reach: float = 3) -> bool:
    """A heading set on two lines in the same type ("Chapter 4" / "Compatibility issues")."""
    near = 0 < previous.y_last - line.y <= reach * previous.size
    return line.page == previous.page and near and abs(line.size - previous.size) <= 0.5


def _flush(document: ParsedDocument, paragraph: _Paragraph | None, intro: int | None) -> int | None:
    """Write ``paragraph`` (code when set in a fixed-pitch font, joining the paragraph before it);
    return the index of the paragraph a following code block may join."""
    if paragraph is None:
        return intro
    first = paragraph.lines[0]
    if first.table is not None:
        # ("" is the section of the text after a title taken from its heading: none)
        section = paragraph.section or None
        block = pdf_tables.row_block(first.text, first.table, section, paragraph.page)
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
        item = bool(BULLET.match(paragraph.lines[0].text))
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
        if (
            joined
            and text
            and not _runs_on(joined[-1], text)
            and not _address_on(joined, text)
            and not _identifier_on(joined, text)
            and not _dash_on(joined, text)
        ):
            joined += " "
        joined += text
    # PDFium also puts a space beside full-width punctuation where a link ends ("网站 ，").
    return _SPACED_PUNCTUATION.sub("", joined)


# An identifier a line ends inside, after one of its underscores (TeX breaks "ASN1_TAG_" /
# "ERROR" there, as a word at a hyphen), and the rest it goes on with on the next line.
# (A word set between underscores, "_delimiter_", is emphasis in a plain-text style; a word
# capitalised as a sentence opens, "And", starts one.)
_IDENTIFIER_START = re.compile(r"(?:^|[\s(\[‘'\"`])([^\W_]\w*_)$")
_IDENTIFIER_REST = re.compile(r"^(?![A-Z][a-z]+\b)([^\W_]\w*)(?=$|[\s.,;:)\]’'\"`(])")


def _identifier_on(joined: str, text: str) -> bool:
    """Whether ``text`` starts with the rest of an identifier ``joined`` ends with the start of,
    broken after an underscore: "ASN1_TAG_" / "ERROR", "ASN1_" / "SYNTAX_ERROR",
    "asn1_der_" / "decoding()". One half holds another underscore, so a name that ends in one
    ("class_" / "is the …") stays a word; and the rest reads as the same name's: with an
    underscore of its own, in capitals after capitals, or called. A word of the sentence
    ("set FOO_BAR_" / "and then run", "call my_func_" / "instead") starts small and stands
    alone; a run of underscores is a form's blank to fill in ("Signature____" / "Date____")."""
    start, rest = _IDENTIFIER_START.search(joined[-80:]), _IDENTIFIER_REST.match(text)
    if not start or not rest or "_" not in start[1][:-1] + rest[1]:
        return False
    if start[1].endswith("__") or "__" in rest[1]:
        return False
    word = rest[1]
    capitals = start[1].isupper() and word.isupper()
    return "_" in word or capitals or text[len(word) : len(word) + 1] == "("


def _address_on(joined: str, text: str) -> bool:
    """Whether ``text`` starts with the rest of an address ``joined`` ends with the start of."""
    if not joined.strip() or not text.strip():
        return False
    last, first = joined.rsplit(None, 1)[-1], text.split(None, 1)[0]
    if _BROKEN_AT_HOST.search(last) and _HOST.match(first):
        return True  # "https://" / "www.myboeingfleet.com", "Inquiry@" / "faa.gov"
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


# An address broken right before its host: after its scheme ("https://") or a mail address's
# "@" (the Federal Register's "9-FAA-SACO-AD-Inquiry@" / "faa.gov"); and a host.
_BROKEN_AT_HOST = re.compile(r"(?:^\(?[a-z][a-z0-9+.-]*://|\w@)$")
_HOST = re.compile(r"^[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)+(?=$|[/)>\].,;:])", re.IGNORECASE)
# A dash set close after a word or figure at a line's end: "AD 2018–" / "23–51",
# "Room M–" / "30", "737–" / "9", as the Federal Register breaks its numbers; an unspaced
# dash between words ("the agency—" / "which") is set close to both.
_CLOSE_DASH = re.compile(r"[^\W_][–—]$")


def _dash_on(joined: str, text: str) -> bool:
    """Whether ``text`` goes on right after the dash set close that ends ``joined``."""
    return bool(_CLOSE_DASH.search(joined[-2:])) and text[0].isalnum()


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
    ended = previous.text.endswith(SENTENCE_END)
    if moved:
        # Over a page or column break a paragraph runs on only mid-sentence: into a word in
        # lower case, or into the stop or comma its sentence goes on with ("zero¹¹" / ". There")
        return ended or not (line.text[:1].islower() or line.text[:1] in _RUNS_ON_MARKS)
    item = BULLET.match(line.text) and not _formula_goes_on(previous, line)
    gap = previous.y_last - line.y
    if item or (abs(line.size - previous.size) > 1 and not _goes_on_resized(previous, line, gap)):
        return True
    if gap > 1.4 * pitch and (
        gap > _MID_SENTENCE_GAP * pitch or not _mid_sentence_on(previous, line)
    ):
        return True  # a gap wider than the lines' pitch, unless a sentence cut at a comma goes on
    if previous.x0 - line.x0 > 8 * line.size and _closes(previous.text):
        return True  # after a tag set flush right at a paragraph's end, a new paragraph
    if _flush_right_tag(previous, line):
        return False  # "(github issue 711)" set flush right under its paragraph's last line
    indented = line.x0 - previous.x0 > 0.8 * line.size and not BULLET.match(previous.text)
    return ended and (indented or previous.x1 < line.x1 - 4 * line.size)


def _goes_on_resized(previous: Line, line: Line, gap: float) -> bool:
    """Whether ``line``, in a slightly other size, goes on with the sentence ``previous`` leaves
    open, right under it: a form's item whose rest the file set a point smaller ("4. Describe why
    the project will succeed … (1) executive level support for this" / "effort, (2) the
    strength …")."""
    near = abs(line.size - previous.size) <= 0.15 * max(line.size, previous.size)
    under = 0 < gap <= 1.4 * max(line.size, previous.size)
    open_ = not previous.text.endswith(SENTENCE_END) and line.text[:1].islower()
    return near and under and open_


def _formula_goes_on(previous: Line, line: Line) -> bool:
    """Whether ``line``, opening with what reads as a list's number ("1) given …"), closes a
    parenthesis the line before left open: Kalman's "The optimal estimate … of x(t +" / "1)
    given y(t0), …" is one sentence, cut mid-formula, not a theorem and a list's first item."""
    opened = previous.text.count("(") > previous.text.count(")")
    return opened and _CLOSING_NUMBER.match(line.text) is not None


_CLOSING_NUMBER = re.compile(r"^\d{1,2}\)")
_RUNS_ON_MARKS = frozenset(".,;:)")  # a line opening with one goes on with the one before
# A sentence cut after a comma goes on in small letters under a wider gap than a paragraph's
# lines are set at (a form's "4 If your last name differs from …," / "check here. You must call
# …", the field's box between them), but not past a blank line's worth.
_MID_SENTENCE_GAP = 2.0


def _mid_sentence_on(previous: Line, line: Line) -> bool:
    """Whether ``line`` goes on with the sentence ``previous`` leaves at a comma: it starts in
    small letters, in the same type, and no further left than the paragraph."""
    return (
        previous.text.endswith(",")
        and line.text[:1].islower()
        and abs(line.size - previous.size) <= 0.5
        and line.x0 >= previous.x0 - line.size
    )


def _closes(text: str) -> bool:
    """Whether ``text`` is a short tag closing a paragraph: "(github issue 711)"."""
    return (
        len(text.split()) <= 6
        and text.startswith(_TAG_STARTS)
        and text.endswith((")", "]", *SENTENCE_END))
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


# The passes over a document's lines between reading them and assembling paragraphs, in order.
# (:func:`furniture_parted` goes first, in :func:`read_pdf`, which keeps the running headers.)
def addresses_read(lines: list[Line]) -> list[Line]:
    """``lines`` with a line that is only a web or mail address read as text though set in a
    code font, as LaTeX's ``\\url`` sets it: a title page's "https://gitlab.com/…/caption"
    under its author, or the address a sentence ends on ("Progress could be tracked here:"),
    is no listing of one line."""
    return [
        replace(line, mono=False) if line.mono and _ADDRESS_ONLY.match(line.text.strip()) else line
        for line in lines
    ]


_ADDRESS_ONLY = re.compile(
    r"^<?(?:(?:https?|ftp)://|www\.)[^\s<>]+>?$|^<?[\w.+-]+@[\w-]+(?:\.[\w-]+)+>?$"
)


_PASSES: tuple[Callable[[list[Line]], list[Line]], ...] = (
    addresses_read,
    figure_labels,
    pages_prose_marked,
    line_numbers_dropped,
    _hyphens_carried,
    listing_numbers_dropped,
    bold_runs_on,
    _join_hyphens,
    labels_read,
    categories_read,
    steps_labelled,
    terms_leading,
    displays_inlined,
    _after_their_sentence,
    authors_unheaded,
)
