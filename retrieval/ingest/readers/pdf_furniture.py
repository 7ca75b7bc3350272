"""What a PDF prints on every page besides its text (:func:`furniture_parted`): running
headers and footers (lines that repeat at the top or bottom of pages, mirrored left and right,
numbered in roman numerals), page numbers however printed, watermarks, and the entries of a
table of contents or a back-of-book index. :mod:`pdf` drops them before reading paragraphs.
"""

from __future__ import annotations

import itertools
import re
import statistics
import unicodedata
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Sequence

from retrieval.ingest.readers.pdf_page import (
    DIVISION_LABEL,
    NUMBERED_HEADING,
    Line,
    body_size,
    by_page,
)

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
# A form's line number ("7", "8a", "9 a") and how many lines a page numbered so makes a form; how
# far past the file's pages a printed page number may run (an excerpt of a longer book).
_FORM_NUMBER = re.compile(r"^\d{1,3}(?: ?[a-z])?(?=\s)")
_FORM_LINES = 3
_PAGE_SLACK = 20
_MOST_PAGES = 999  # a page number the contents of an excerpt (its book's) may reach
# A table of contents' own heading, in the languages read ("Contents", "Содержание", "目录").
CONTENTS_TITLE = re.compile(
    r"^(?:table of contents|contents|list of (?:tables|figures)|table des matières|sommaire"
    r"|índice(?: general)?|indice|inhaltsverzeichnis|содержание|оглавление|目\s?[录錄]|目\s?次)$",
    re.IGNORECASE,
)
# A contents entry whose leader is one dot or none: "2 The Implementation 2", "… release) . 9".
_PAGE_TAIL = re.compile(r"\s(?:\.\s)?(?:\d{1,4}|[ivxlc]{1,6})$")
_RUN_IN_ENTRY = re.compile(r",\s\d{1,4}\.(?:—|$)")  # "2.1. Format, 2.—2.2. Spacing, 2.—"
_EDGE_FOLIO = re.compile(r"^(?:#|[ivxlc]{1,6})\s+|\s+(?:#|[ivxlc]{1,6})$")
_EDGE_NUMBER = re.compile(r"^(\d{1,4})\b|\b(\d{1,4})$")
OVERPRINT_WORDS = 3  # emphasis printed over a line of text: a figure or a phrase (_overprints)
STACKED = 5  # letters in a pile, one a line: a word set upright (see _stacked_letters)
_ORNAMENT_KINDS = frozenset({"So", "Po", "Pd", "Pc", "Co"})  # symbols, dots, dashes, private


def furniture_parted(lines: list[Line]) -> tuple[list[Line], list[Line]]:
    """``lines`` without running headers, footers, page numbers and contents-page entries; and
    the running headers and footers (page numbers among them) that went, which still say what
    a page's title is: a report or datasheet prints its own title atop every page, page 1's too.

    A header or footer is a line among the two nearest the top or bottom of its page that is a
    page number alone; or repeats (digits aside) on several pages; or carries the printed page
    number at one end ("3.2. Administrative Duties 13") with the offset most pages share; or, as
    the very first or last line, starts like that line does on a third of the pages ("CHAPTER 1.
    DEFINITIONS AND OVERVIEW 1.3. OK, NOW…"). Lines set larger than the text are spared the
    repetition tests: "Chapter 4" at the top of every chapter's first page is a heading.
    Ornaments go first (see :func:`is_ornament`), so that they take no header's place.
    """
    lines = [line for line in lines if not is_ornament(line)]
    lines = _without_bullet_runs(lines)
    stacked = _stacked_letters(lines) | _overprints(lines)
    lines = [line for line in lines if id(line) not in stacked]
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
    spread = _spread_offsets(margins) if offset is None else frozenset()
    # Two pages that start with the same two words ("The committee …") are a coincidence: a
    # running header that changes with the section shows on three pages or more.
    edges = _edge_prefixes(lines, max(3, page_count // 3))
    doomed = {
        id(line)
        for line in margins
        if _PAGE_NUMBER.match(line.text)
        or len(pages_of[_running_key(line.text)]) >= needed
        or (offset is not None and _edge_number(line, offset))
        or any(_edge_number(line, shift, 2) for shift in spread)
        or id(line) in edges
    }
    doomed |= _header_bands(lines, doomed, needed, body)
    if 2 * sum(len(line.text) for line in margins if id(line) in doomed) > sum(
        len(line.text) for line in lines
    ):
        # Most of the text is no running header: pages printed alike (a notice twice), whose
        # every line repeats. Only the page numbers go.
        doomed = {id(line) for line in margins if _PAGE_NUMBER.match(line.text)}
    contents = _contents_entries(lines) | _index_entries(lines, body) | _watermarks(lines, body)
    kept = [ln for ln in lines if id(ln) not in doomed and id(ln) not in contents]
    return kept, [ln for ln in lines if id(ln) in doomed]


def _stacked_letters(lines: Sequence[Line]) -> set[int]:
    """The ids of lines of a capital letter each set one above the other, :data:`STACKED` or
    more in a pile on a page: a word set upright or turned up the page's edge ("O", "V", "E",
    "R", … the page's title again beside a report's chart), which a reader sees as a line per
    letter (or two or three letters PDFium put on one line, no wider than one) and which, read
    so, says nothing."""
    piled: list[Line] = []
    for line in lines:
        letters = line.text.strip().rstrip(":.,").replace(" ", "")
        narrow = len(letters) == 1 or line.x1 - line.x0 <= line.size
        if (
            letters.isupper()
            and letters.isalpha()
            and len(letters) <= 3
            and narrow
            and line.table is None
        ):
            piled.append(line)
    doomed: set[int] = set()
    for page in by_page(piled):
        page.sort(key=_middle)
        piles = [[page[0]]]
        for line in page[1:]:
            if _middle(line) - _middle(piles[-1][-1]) <= 0.5 * line.size:
                piles[-1].append(line)
            else:
                piles.append([line])
        doomed.update(id(line) for pile in piles if len(pile) >= STACKED for line in pile)
    return doomed


def _overprints(lines: Sequence[Line]) -> set[int]:
    """The ids of lines printed again over a line of the text, on its baseline and inside its
    width, whose words it holds in order ("Sixty-eight percent" in bold over "efforts. Sixty-eight
    percent of our income was"; "72% 22%" over "used: 72% toward programs, 22% toward"): the
    emphasis of a designed report, set as a layer of its own, which would read as a heading."""
    doomed: set[int] = set()
    for page in by_page(lines):
        page.sort(key=lambda line: line.y)
        heights = [line.y for line in page]
        for line in page:
            reach = 0.3 * line.size + 1  # the line under it stands on (about) its baseline
            low, high = bisect_left(heights, line.y - reach), bisect_right(heights, line.y + reach)
            if any(_printed_over(line, under) for under in page[low:high] if under is not line):
                doomed.add(id(line))
    return doomed


def _printed_over(line: Line, under: Line) -> bool:
    if abs(line.y - under.y) > 0.3 * under.size or line.table is not None:
        return False
    if not (under.x0 - 1 <= line.x0 and line.x1 <= under.x1 + 1):
        return False
    said, over = line.text.split(), under.text.split()
    if len(said) > OVERPRINT_WORDS or 2 * len(said) > len(over):
        return False  # a line set twice, not a few words over one
    words = iter(over)
    return all(word in words for word in said)


def _middle(line: Line) -> float:
    return (line.x0 + line.x1) / 2


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
    doomed: set[int] = set()
    for page in by_page(lines):
        entries = [ln for ln in page if _is_index_entry(ln.text)]
        if len(entries) >= 3 and 2 * len(entries) >= len(page):
            doomed.update(id(line) for line in page if line.size < body * 1.15)
        doomed.update(id(line) for line in page if _PAGE_LIST.match(line.text))
    return doomed


def _is_index_entry(text: str) -> bool:
    """Whether ``text`` reads as an index's entry: a term (a word, not a number alone) and the
    pages it is on, in five words at most. Numbers alone are no entries: a chart's axis, a
    form's numbered boxes, the choices of a row of buttons ("1", "2", … "7") made the page an
    index, and its text ("radio button group A", "Test file with numbers 1 2") was dropped."""
    words = [word for word in text.split() if word != "."]
    return (
        len(words) <= 5
        and _INDEX_ENTRY.search(text) is not None
        and any(ch.isalpha() for ch in text)
    )


_LONE_BULLET = re.compile(r"^[•·◦▪●○■□‣⁃∙]$")
BULLET_RUN = 3  # lone bullets in a row: the list's bullets written apart from its items


def _without_bullet_runs(lines: list[Line]) -> list[Line]:
    """``lines`` without the runs of :data:`BULLET_RUN` or more lines that are each a bullet
    alone: a slide's bullets that its file writes after all its text (the ASVS 5.0 release
    talk's), which PDFium gives as lines of their own, read as "· · · ·" in the text. A
    bullet written with its item stands among the item's lines, not in such a run."""
    doomed: set[int] = set()
    for (_, bullets), group in itertools.groupby(lines, key=_page_and_bullet):
        run = list(group)
        if bullets and len(run) >= BULLET_RUN:
            doomed.update(id(ln) for ln in run)
    return [line for line in lines if id(line) not in doomed]


def _page_and_bullet(line: Line) -> tuple[int, bool]:
    """The line's page, and whether it is a bullet alone: a run of bullets shares both."""
    return line.page, bool(_LONE_BULLET.match(line.text.strip()))


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
    (or last) line of at least ``needed`` pages; or end, at the same place, with the same three
    ("Before Your Workshop The Carpentries, https://carpentries.org": the section's name on
    the left of the head, the document's on the right)."""
    firsts: dict[int, Line] = {}
    lasts: dict[int, Line] = {}
    for line in lines:
        if line.page not in firsts or line.y > firsts[line.page].y:
            firsts[line.page] = line
        if line.page not in lasts or line.y < lasts[line.page].y:
            lasts[line.page] = line
    doomed: set[int] = set()
    for edge in (firsts, lasts):
        prefixes = Counter(_prefix(ln.text) for ln in edge.values())
        suffixes = Counter(_suffix(ln) for ln in edge.values())
        doomed.update(
            id(ln)
            for ln in edge.values()
            if len(ln.text.split()) >= 3
            and (prefixes[_prefix(ln.text)] >= needed or suffixes[_suffix(ln)] >= needed)
        )
    return doomed


def _contents_entries(lines: Sequence[Line]) -> set[int]:
    """The ids of table-of-contents lines: those with dot leaders ("4.7 Option processing . . .
    20"), and on a page with three or more of them every line from the first such line to the
    last, which takes the entries without leaders and the wrapped ones too."""
    doomed: set[int] = set()
    last_page = max((line.page for line in lines), default=0)
    for page in by_page(lines):
        numbered = [_form_line(line.text, last_page) for line in page]
        if sum(numbered) >= _FORM_LINES:
            continue  # a form's page: its leaders lead to the boxes to fill in, not to pages
        marked = [i for i, line in enumerate(page) if _LEADER.search(line.text) and not numbered[i]]
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
        if first > 0 and CONTENTS_TITLE.match(page[first - 1].text):
            first -= 1  # "Contents" heads no text: what follows the list belongs to no section
        doomed.update(id(page[i]) for i in range(first, last + 1))
    return doomed


def _form_line(text: str, last_page: int) -> bool:
    """Whether ``text``, a line ending in a leader, is a form's or a statement's line, not a
    contents entry: the leader leads to the line's own number ("7 Wages, salaries, tips, etc.
    . . . 7", "9 a Ordinary dividends . . . 9a": a tax form's box) or to an amount no page of the
    file could be numbered ("Net income . . . . 12,345")."""
    found = _LEADER.search(text)
    if found is None:
        return False
    tail = found[0].lstrip(" .…·・．")
    start = _FORM_NUMBER.match(text)
    if tail and start and start[0].replace(" ", "") == tail.replace(" ", ""):
        return True
    numbers = [int(number) for number in re.findall(r"\d+", tail.replace(",", ""))]
    return bool(numbers) and max(numbers) > max(2 * last_page + _PAGE_SLACK, _MOST_PAGES)


def _unled_contents(page: Sequence[Line]) -> set[int]:
    """The ids of a contents list set without leaders under its title: "Contents", then three
    entries or more, each a numbered title ending in its page ("2. Quick Reference 2") or a
    run of sub-entries with theirs ("2.1. Format, 2.—2.2. Spacing, 2.—", titlesec.pdf).
    Taken for headings, the list would put the text below it under its last entry."""
    for start, line in enumerate(page):
        if not CONTENTS_TITLE.match(line.text):
            continue
        end = start + 1
        while end < len(page) and (
            _unled_entry(page[end].text)
            or _PAGE_TAIL.search(page[end].text)  # a sub-entry: "About the authors 7"
            or _wrapped_entry(page, end)
        ):
            end += 1
        entries = page[start + 1 : end]
        numbered = [ln for ln in entries if NUMBERED_HEADING.match(ln.text)]
        paged = [ln for ln in entries if _PAGE_TAIL.search(ln.text)]
        if len(numbered) >= 3 or (len(paged) >= 5 and (numbered or _ascending(paged))):
            return {id(ln) for ln in page[start:end]}
    return set()


def _ascending(entries: Sequence[Line]) -> bool:
    """Whether the pages ``entries`` end in run on in order, as a contents list's do ("PREFACE
    xiii", "INTRODUCTION 1", "“PIRACY” 15", "CHAPTER ONE: Creators 21"): the front matter's
    roman numbers first, then the body's; a list of figures or prices ending in numbers runs
    any way."""
    numbers = [found[0].strip() for ln in entries if (found := _PAGE_TAIL.search(ln.text))]
    arabic = [int(number) for number in numbers if number.isdigit()]
    body = numbers[len(numbers) - len(arabic) :]
    return all(number.isdigit() for number in body) and arabic == sorted(arabic)


def _wrapped_entry(page: Sequence[Line], index: int) -> bool:
    """Whether ``page[index]`` is the end of a contents entry wrapped under it ("03 Best
    practices for budgeting and overseeing 20" / "tech projects"): a few words, no page of
    their own, and an entry after them."""
    later = page[index + 1].text if index + 1 < len(page) else ""
    return len(page[index].text.split()) <= 6 and bool(later and _PAGE_TAIL.search(later))


def _unled_entry(text: str) -> bool:
    numbered = bool(NUMBERED_HEADING.match(text) and _PAGE_TAIL.search(text))
    return numbered or bool(_RUN_IN_ENTRY.search(text))


def contents_titles(lines: Sequence[Line]) -> frozenset[str]:
    """The headings a contents list names, as :func:`heading_key` s: "10.1.1 2003" of
    "10.1.1 2003 . . . . 34". A heading set in the body's own type ("10.1.1 2003" in roman 10
    pt) is known as one only by being listed there."""
    contents = _contents_entries(lines)
    keys = set()
    for line in lines:
        if id(line) in contents and _LEADER.search(line.text):
            name = _LEADER.sub("", line.text).strip()
            if NUMBERED_HEADING.match(name) and len(name.split()) <= 12:
                keys.add(heading_key(name))
    return frozenset(keys)


def heading_key(text: str) -> str:
    return " ".join(text.lower().split())


def _ends_in_page_number(line: Line, right: float) -> bool:
    return abs(line.x1 - right) <= 0.3 * line.size and bool(_PAGE_TAIL.search(line.text))


def _header_bands(lines: Sequence[Line], doomed: set[int], needed: int, body: float) -> set[int]:
    """The ids of the lines of a running header (or footer) set on more lines than the two
    nearest the page's edge that :func:`_margin_lines` looks at: a datasheet's "FT2232H …
    Datasheet" / "Version 2.6" / "Document No.: FT_000061 Clearance No.: FTDI#77" heads every
    page, and the third line was read into the first paragraph of each. A line further in is
    the header's when every line between it and the edge is, and the same words stand at the
    same height on ``needed`` pages or more (a heading or a table's row at that height on so
    many pages is no coincidence either way: larger type and tables are spared), in the page's
    margin (see :func:`_in_margin`)."""
    pages = by_page(lines)
    at: dict[tuple[str, int], set[int]] = {}
    for page in pages:
        for line in page:
            at.setdefault((_running_key(line.text), round(line.y)), set()).add(line.page)
    found: set[int] = set()
    for page in pages:
        for top, ordered in (
            (True, sorted(page, key=lambda ln: -ln.y)),
            (False, sorted(page, key=lambda ln: ln.y)),
        ):
            for index in range(2, min(len(ordered) - 1, 2 + _BAND_LINES)):
                line = ordered[index]
                if not all(id(ln) in doomed or id(ln) in found for ln in ordered[:index]):
                    break
                if not _in_margin(line, top):
                    break
                repeated = len(at[(_running_key(line.text), round(line.y))]) >= needed
                if not repeated or line.size >= body * 1.15 or line.table is not None:
                    break
                found.add(id(line))
    return found


_BAND_LINES = 3  # lines past the two nearest the edge a running header may take
_BAND_DEPTH = 0.12  # … within this share of the page's height from its edge


def _in_margin(line: Line, top: bool) -> bool:
    """Whether ``line`` stands near enough to the top (or bottom) edge of its page to be part
    of a running header (or footer) of several lines: text repeated further in is the page's."""
    depth = (line.height - line.y) if top else line.y
    return 0 <= depth <= _BAND_DEPTH * line.height


def _margin_lines(lines: Sequence[Line]) -> list[Line]:
    """The two highest and two lowest lines of every page."""
    margins: list[Line] = []
    for page_lines_ in by_page(lines):
        ordered = sorted(page_lines_, key=lambda ln: -ln.y)
        margins.extend(ordered[:2] + ordered[2:][-2:])
    return margins


def _prefix(text: str) -> str:
    return " ".join(_shape(text).split()[:2])


def _suffix(line: Line) -> tuple[str, int]:
    """A line's last three words and where it ends (to the nearest few points): a head set
    flush right ends where the others do."""
    return " ".join(_shape(line.text).split()[-3:]), round(line.x1 / 4)


def _running_key(text: str) -> str:
    """What a running header or footer keeps from page to page: its :func:`_shape` without the
    page number at either end, which a book sets outside ("4 FREE CULTURE" on the left page,
    "FREE CULTURE 5" or "PREFACE xv" on the right)."""
    if DIVISION_LABEL.match(text.strip()):
        # "ARTICLE I" atop page 1, "ARTICLE VIII" atop page 7: each division's own label, which
        # repeats only where the very same one heads every page of its division.
        return heading_key(text)
    shape = _shape(text)
    return _EDGE_FOLIO.sub("", shape) or shape


def _shape(text: str) -> str:
    """A line's text with digits and case folded: "Page 12 of 40" and "Page 13 of 40" match."""
    return re.sub(r"\d+", "#", heading_key(text))


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


def _spread_offsets(margins: Sequence[Line]) -> frozenset[int]:
    """The printed page numbers minus twice the page's position that margin lines on three
    pages or more agree on, beside their facing pages': a file of two-page spreads numbers
    each page twice, its left page's header "6 DE-RISKING GOVERNMENT TECHNOLOGY" and its
    right's "Introduction 7" (parted at the gutter, the chapter's name on one page only)."""
    pages: dict[int, set[int]] = {}
    for line in margins:
        for number in _edge_numbers(line.text):
            pages.setdefault(number - 2 * line.page, set()).add(line.page)
    # On three pages or more, and with its facing page's number beside it (2p + s and
    # 2p + s + 1): a two-page file's heading "3 Citations" and page number "1" agreed on one.
    return frozenset(
        shift
        for shift, on in pages.items()
        if len(on) >= 3 and (shift + 1 in pages or shift - 1 in pages)
    )


def _edge_numbers(text: str) -> list[int]:
    match = _EDGE_NUMBER.search(text)
    numbers = [int(match[1] or match[2])] if match else []
    tail = re.search(r"\b(\d{1,4})$", text)
    if tail and int(tail[1]) not in numbers:
        numbers.append(int(tail[1]))
    return numbers


def _edge_number(line: Line, offset: int, scale: int = 1) -> bool:
    """Whether ``line`` carries its page's printed number (its page times ``scale`` plus
    ``offset``) at one end. Not a number set raised and small before its words: a footnote's
    mark, which page 1's first note ("¹ Pub. L. No. 105-304, …") shares with its page."""
    if line.mark:
        return False
    page = scale * line.page
    return page + offset in _edge_numbers(line.text) and len(line.text.split()) <= 12
