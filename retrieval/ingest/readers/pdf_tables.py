"""Tables in a PDF's text layer, read row by row (a step of :mod:`retrieval.ingest.readers.pdf`).

PDFium reads a table as lines: a row's cells on one line, joined by a space ("Gnu stuffed
92.50"), or a line per cell where the file wrote the table column by column, and a cell
wrapped over two lines as two lines that cut the rows they stand in. As paragraphs, the rows
ran together into one long text, mixed with those before and after. A page's table is found
from its layout:

- a line's cells are the runs of its words parted by a wide gap (:data:`GAP` of the type size),
  or by a vertical rule drawn between them (:func:`rulings`); a row's name run into its figures
  along a leader ("Robbery . . . . 102.1 25.5") is parted there, a contents entry never;
- lines on one baseline are one row; a run of rows of two cells or more, close under each other,
  is a table when white strips part the same columns in (nearly) all of them
  (:func:`_separators`), and when it is no two columns of prose, no contents list, no
  back-of-book index;
- a line with nothing in the first column continues the row above it (a cell wrapped onto a
  second line); between two horizontal rules, the lines are one row unless the first column
  has several of its own;
- under a header of labels, one over each column, ruled off from the rows, a column may hold
  text (a requirement's description beside its levels): a row spans from its first column's
  cell to the next one, the cells of the other columns in that span its own, on its first
  line or on those its text wraps onto (see :func:`_headed_tables`); its columns are the
  header's labels (a column no row fills is one), its rows go on as far apart as the header
  stands over the first (Chinese type sets them further apart than Latin), and a line
  reaching over two labels' columns (a note under the table) ends it;
- boxes of text side by side (a risk's "Threat agents | Attack vectors | Security weakness |
  Impacts") are read down, each box one text: where the first column's lines and another's
  are paragraphs wrapped line after line (see :func:`_boxes`), not a table's cells;
- the caption above or below it ("Table 3: …") goes with it, and so does one its first rows
  hold, alone in the first column right over the header (see :func:`_caption_taken`);
- a header of figures' labels runs over up to :data:`HEADER_LINES` lines; a name alone in the
  first column over figures ("Sex", "Race") names the group of rows under it, no header line.

Each row becomes one line whose cells are joined by " | " as the Word reader joins them, each
short value with its column's label from the header row ("Price ($): 13.65"): so a question
that names the column finds the row. Its ``table`` holds the caption ("" without one); the
paragraph builder makes every such line a block of its own, of kind "table", under the caption.
"""

from __future__ import annotations

import ctypes
import itertools
import re
import statistics
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

import numpy as np
import pypdfium2.raw as pdfium_c

from retrieval.ingest.parsed import Block
from retrieval.ingest.readers import pdf_boxes
from retrieval.ingest.readers.common import (
    FIGURE,
    LABEL_WORDS,
    VALUE_WORDS,
    is_figure,
    joined_lines,
    labelled_cells,
    prose,
    row_text,
)
from retrieval.text import CJK_CHAR, word_count

if TYPE_CHECKING:
    from retrieval.ingest.readers.pdf_page import Line

GAP = 1.0  # a gap between words this many times the type size may part two cells
NARROWEST = 0.2  # no character is narrower than this many type sizes ("i", "l", ".")
MIN_ROWS = 3  # rows of two cells or more a table has at least (two when ruled)
ROW_SPACING = 2.2  # rows of a table stand at most this many type sizes apart
HEADER_SPACING = 3.5  # its header row at most this many over the first (see _header_over)
HEADER_LINES = 4  # a header of figures wraps its labels over at most this many lines
PROSE_WORDS = 6  # a column whose cells have more words than this (median) is text
MAX_SEGMENTS = 20000  # path segments read for rules on one page (a chart has many)
RULE_WIDTH = 3.0  # a rule is at most this thick, in points
MAX_RULES = 3000  # rules kept of one page: tables draw hundreds; a crafted page, any number
WIDEST_TABLE = 20_000.0  # points: no page is wider (PDF's limit is 14,400 at unit 1)
# "4.7 Option processing . . . . 20": a contents entry, never a row.
_LEADER = re.compile(r"(?:\s?[.…·・．]){4,}")
_LEADER_CHAR = re.compile("[.…·・．]")  # (a quick look before the pattern above)
_INDEX_ENTRY = re.compile(r"(?:^|,)\s*\d{1,4}(?:[–-]\d{1,4})?\s*,?$")
_PAGE_NUMBER = re.compile(r"^\d{1,4}$")
_CAPTION = re.compile(
    r"^(?i:table|tab\.|tabelle|tableau|tabla|tabela|tabella|таблица):?\s+(?:[\dIVXL]+|[A-Z](?=[.\d:\s]))"
    r"|^表\s*\d"
)
# A figure in a table of figures, or what stands for none: "11,062.6", "–", "(NA)", "X".
_FIGURE = re.compile(r"^(?:[-–—X]|\([A-Z]{1,2}\)|[-+−(]?[$€£¥]?\d(?:[\d,.]*\d)?%?\)?)$")
_LIST_LABEL = re.compile(
    r"^(?:[•◦▪·*–\-●○■□➢►▶◆◇❑❒✓✔]|\(?(?:\d{1,3}|[ivxlc]{1,6}|[IVXLC]{1,6}|[a-zA-Z])[.):]?)$"
)

Maker = Callable[[str, int], "Line | None"]  # a Line of the characters ``raw`` at ``start``


@dataclass(frozen=True)
class Rules:
    """A page's rules: vertical ones as (x, bottom, top), horizontal ones as (y, left, right)."""

    vertical: tuple[tuple[float, float, float], ...] = ()
    horizontal: tuple[tuple[float, float, float], ...] = ()
    boxes: tuple[pdf_boxes.Box, ...] = ()  # filled rectangles: a table's cells, painted


@dataclass
class _Row:
    """Cells on one baseline, left to right, and the page lines they come from."""

    y: float
    size: float
    bottom: float  # the lowest baseline of its lines (a word joined from the next line)
    cells: list[Line] = field(default_factory=list)
    sources: list[Line] = field(default_factory=list)
    blocked: bool = False  # a contents or index entry with its leader: never a table's row
    code: bool = False  # a line of it all in a code font: a listing's, unless under a table's
    column: int = 0  # the page's column of text it stands in (see pdf_columns)


@dataclass
class _Table:
    """A table found on a page: its rows' texts per column, its page lines, its caption."""

    records: list[list[list[str]]]  # rows of columns of the lines of a cell
    starts: list[int]  # the index in ``rows`` of each record's first row
    members: set[int]  # ids of the page lines it is made of
    rows: list[_Row]
    header: bool  # whether its first record is set apart as a header (see _header)
    caption: list[Line] = field(default_factory=list)
    painted: bool = False  # its header painted (see pdf_boxes) or ruled apart: one row, no more
    boxes: list[str] | None = None  # each column's text, when read column by column (_boxes)


def tabled(
    page: Any,
    textpage: Any,
    items: Sequence[tuple[Line, str, int]],
    lines: list[Line],
    make: Maker,
    gutters: Sequence[float] = (),
) -> list[Line]:
    """``lines`` (a page's, in PDFium's order) with each table on the page as its rows (see the
    module's description). ``items``: the page's lines with their characters (``raw`` at
    ``start`` of ``textpage``), which ``make`` turns into a :class:`Line` of a cell. On a page
    of columns of text parted at ``gutters``, a table stands in one column: the lines of three
    columns side by side are no table's rows."""
    if len(items) < MIN_ROWS:
        return lines
    rules = rulings(page)
    chars = chars_of(textpage)
    cells: dict[int, list[Line]] = {}
    # Lines of code are parted too: rows of code under a header in roman are a table's (see
    # _worded_row); a listing's columns alone stay code.
    for line, raw, start in items:
        if _leads(line):
            split = _led_cells(raw, start, make)
        else:
            split = _cells(chars, raw, start, line, rules, make)
        if len(split) > 1:
            cells[id(line)] = split
    tables = _boxed(rules, lines, cells)
    if not cells and not tables:
        return lines
    taken = {member for table in tables for member in table.members}
    rows = _rows([line for line in lines if id(line) not in taken], cells, gutters)
    claimed: set[int] = set()  # rows a headed table took beyond its run
    for run in _runs(rows):
        run = [row for row in run if id(row) not in claimed]
        if sum(len(row.cells) > 1 for row in run) < 2:
            continue
        found = _run_tables(run, rules, rows)
        claimed |= {id(row) for table in found for row in table.rows}
        tables += found
    for table in tables:
        table.caption = _caption(lines, table)
        if not table.caption and table.boxes is None:
            _caption_taken(table)
    return _counted(_replaced(lines, tables) if tables else lines, cells)


CAPTION_LINES = 3  # a caption the table's first rows hold runs over at most this many lines


def _caption_taken(table: _Table) -> None:
    """``table`` with the caption its first rows hold made its caption: a title set close over
    the header ("Table 14. Actual and projected numbers …" / "through 2021–22", in the first
    column and alone on its lines) was read as rows of one cell, and over them the header
    was no header (its labels a sentence), so no value was read with its column's label."""
    cells = [[" ".join(cell).strip() for cell in record] for record in table.records]
    count = 0
    while (
        count < min(CAPTION_LINES, len(cells) - MIN_ROWS)
        and cells[count][0]
        and (_captions(cells[0][0]) if not count else not any(cells[count][1:]))
    ):
        count += 1
    if not count:
        return
    start = table.starts[count]
    table.caption = [line for row in table.rows[:start] for line in row.sources]
    table.records = table.records[count:]
    table.starts = [at - start for at in table.starts[count:]]
    table.rows = table.rows[start:]


def _run_tables(run: list[_Row], rules: Rules, rows: Sequence[_Row]) -> list[_Table]:
    """The tables of ``run``: itself one (see :func:`_table`), or those under ruled headers
    whose rows wrap text (see :func:`_headed_tables`). Under a ruled header opening the run,
    the headed reading when it takes more rows (its last row's wrapped lines, rows set
    further apart) or when the run reads on past the table into lines in another type (a
    heading, the list under it: "Références" / "• OWASP …" were its rows); the rest of
    the run may be a table of its own."""
    table = _table(run, rules)
    if table is None:
        return _headed_tables(run, rules, rows)
    if table.boxes is not None:
        return [_boxes_read_on(table, rows)]
    if not _ruled_header(run, 0, rules):
        return [table]
    headed = _headed_tables(run, rules, rows)
    if not headed:
        return [table]
    general = {id(row) for row in table.rows}
    taken = {id(row) for found in headed for row in found.rows}
    resized = any(abs(row.size - run[0].size) > 0.5 for row in table.rows)
    if not (general < taken or (resized and taken < general)):
        return [table]
    end = min(row.y for row in headed[-1].rows)
    rest = [row for row in run if id(row) not in taken and row.y < end]
    more = _table(rest, rules) if sum(len(row.cells) > 1 for row in rest) >= 2 else None
    return [*headed, more] if more is not None else headed


def _boxed(rules: Rules, lines: Sequence[Line], cells: dict[int, list[Line]]) -> list[_Table]:
    """The page's tables painted as grids of cell boxes (see :mod:`pdf_boxes`)."""
    tables = []
    for grid in pdf_boxes.grids(rules.boxes):
        hull = pdf_boxes.hull(grid)  # once a grid, not once a line
        members = [ln for ln in lines if ln.shown and pdf_boxes.hull_holds(hull, ln)]
        pieces = [piece for ln in members for piece in cells.get(id(ln), [ln])]
        read = pdf_boxes.read_grid(grid, pieces)
        if read is None:
            continue
        size = statistics.median(piece.size for piece in pieces)
        rows = [
            _Row(y, size, y, cells=[p for p in pieces if abs(p.y - y) < 1] or pieces[:1])
            for y in read.tops
        ]
        rows[0].sources = members[:1]
        record_ids = {id(ln) for ln in members}
        starts = list(range(len(rows)))
        header = read.header or read.bold
        tables.append(_Table(read.records, starts, record_ids, rows, header, painted=read.header))
    return tables


def _counted(lines: list[Line], cells: dict[int, list[Line]]) -> list[Line]:
    """``lines`` each with the number of its cells (see :func:`_cells`), for the lines no table
    took: a table's header row over rows read as lines ("Bit(s)  Field Name  Description  Type
    Reset" in bold over a register's bits) is no heading (see ``pdf.is_heading``)."""
    return [replace(ln, cells=len(cells[id(ln)])) if id(ln) in cells else ln for ln in lines]


def rulings(page: Any) -> Rules:
    """The straight rules drawn on ``page`` (a table's borders, booktabs' rules): each path's
    straight segments that run across or down the page, and each thin filled bar."""
    vertical: list[tuple[float, float, float]] = []
    horizontal: list[tuple[float, float, float]] = []
    boxes: list[pdf_boxes.Box] = []
    box = [ctypes.c_float() for _ in range(4)]
    budget = MAX_SEGMENTS
    for index in range(pdfium_c.FPDFPage_CountObjects(page.raw)):
        obj = pdfium_c.FPDFPage_GetObject(page.raw, index)
        if pdfium_c.FPDFPageObj_GetType(obj) != pdfium_c.FPDF_PAGEOBJ_PATH:
            continue
        if not pdfium_c.FPDFPageObj_GetBounds(obj, *(ctypes.byref(v) for v in box)):
            continue
        left, bottom, right, top = (v.value for v in box)
        if right - left <= RULE_WIDTH and top - bottom > RULE_WIDTH:
            vertical.append(((left + right) / 2, bottom, top))
        elif top - bottom <= RULE_WIDTH and right - left > RULE_WIDTH:
            horizontal.append(((bottom + top) / 2, left, right))
        elif budget > 0:
            count = _segments(obj, vertical, horizontal)
            budget -= count
            filled = pdf_boxes.filled_box(obj, (left, bottom, right, top), count)
            if filled is not None:
                boxes.append(filled)
        if len(vertical) + len(horizontal) >= MAX_RULES:
            break  # more than any table draws (60,000 thin bars made a page take 29 s)
    return Rules(tuple(vertical), tuple(horizontal), tuple(boxes))


def _segments(
    obj: Any,
    vertical: list[tuple[float, float, float]],
    horizontal: list[tuple[float, float, float]],
) -> int:
    """Add the straight segments of the path ``obj`` that are rules (a grid drawn as one path, a
    cell's box); return how many segments it has."""
    count = int(pdfium_c.FPDFPath_CountSegments(obj))
    if count <= 1 or count > MAX_SEGMENTS:
        return max(count, 0)
    matrix = pdfium_c.FS_MATRIX()
    if not pdfium_c.FPDFPageObj_GetMatrix(obj, ctypes.byref(matrix)):
        return count
    x, y = ctypes.c_float(), ctypes.c_float()
    points: list[tuple[float, float]] = []
    start: tuple[float, float] | None = None
    for index in range(count):
        segment = pdfium_c.FPDFPath_GetPathSegment(obj, index)
        pdfium_c.FPDFPathSegment_GetPoint(segment, ctypes.byref(x), ctypes.byref(y))
        at = (
            matrix.a * x.value + matrix.c * y.value + matrix.e,
            matrix.b * x.value + matrix.d * y.value + matrix.f,
        )
        kind = pdfium_c.FPDFPathSegment_GetType(segment)
        if kind == pdfium_c.FPDF_SEGMENT_LINETO and points:
            _add_rule(points[-1], at, vertical, horizontal)
        if kind == pdfium_c.FPDF_SEGMENT_MOVETO:
            start = at
        points.append(at)
        if pdfium_c.FPDFPathSegment_GetClose(segment) and start is not None:
            _add_rule(at, start, vertical, horizontal)
    return count


def _add_rule(
    a: tuple[float, float],
    b: tuple[float, float],
    vertical: list[tuple[float, float, float]],
    horizontal: list[tuple[float, float, float]],
) -> None:
    (x0, y0), (x1, y1) = a, b
    if abs(x0 - x1) < 1 and abs(y0 - y1) > RULE_WIDTH:
        vertical.append(((x0 + x1) / 2, min(y0, y1), max(y0, y1)))
    elif abs(y0 - y1) < 1 and abs(x0 - x1) > RULE_WIDTH:
        horizontal.append(((y0 + y1) / 2, min(x0, x1), max(x0, x1)))


def _cells(chars: Chars, raw: str, start: int, line: Line, rules: Rules, make: Maker) -> list[Line]:
    """The line's cells: its characters parted at each gap wider than :data:`GAP` and at each
    vertical rule that runs between two of them."""
    cuts = gap_cuts(chars, raw, start, line.size)
    for x, bottom, top in rules.vertical:
        if line.x0 < x < line.x1 and bottom - line.size < line.y < top:
            cut = _cut_at(chars, raw, start, x)
            if cut is not None:
                cuts.add(cut)
    if not cuts:
        return [line]
    bounds = [0, *sorted(cuts), len(raw)]
    cells = [make(raw[a:b], start + a) for a, b in itertools.pairwise(bounds)]
    return [cell for cell in cells if cell is not None and cell.text]


def _led_cells(raw: str, start: int, make: Maker) -> list[Line]:
    """The cells of a row of a table of figures whose name runs into its figures along a
    leader ("Violent crime . . . . . 467.9 69.1 398.8", a statistical abstract): the name, then
    each figure. None for a contents entry (one page number after its leader) or an index
    entry ("\\vskip . . . 71–73, 94,")."""
    leader = _LEADER.search(raw)
    if leader is None or not raw[: leader.start()].strip():
        return []
    figures = list(re.finditer(r"\S+", raw[leader.end() :]))
    if len(figures) < 2 or not all(_FIGURE.match(figure[0]) for figure in figures):
        return []
    cells = [make(raw[: leader.start()], start)] + [
        make(figure[0], start + leader.end() + figure.start()) for figure in figures
    ]
    return [cell for cell in cells if cell is not None and cell.text]


def gap_cuts(chars: Chars, raw: str, start: int, size: float, gap: float = GAP) -> set[int]:
    """Where a run of spaces in ``raw`` stands for a gap wider than ``gap`` type sizes: the index of
    the first character after it. A word's characters are at least :data:`NARROWEST` wide, so
    from where one word starts to where the next does, most gaps are known to be narrow
    without asking where the word ends (one box a word, not two)."""
    cuts: set[int] = set()
    word = len(raw) - len(raw.lstrip(" "))
    if word >= len(raw):
        return cuts
    # (a page asks this of every word: the boxes read already are looked up here, not called for)
    boxes, box, wide, end = chars.boxes, chars.box, gap * size, len(raw) - 1
    word_left = box(start + word)[0]
    for spaces in _SPACES.finditer(raw, word):
        index, after = spaces.span()
        if index >= end or after > end:
            break
        left = (boxes.get(start + after) or box(start + after))[0]
        widest = left - word_left - (index - word) * NARROWEST * size
        if (
            widest > wide
            and left - (boxes.get(start + index - 1) or box(start + index - 1))[1] > wide
        ):
            cuts.add(after)
        word, word_left = after, left
    return cuts


_SPACES = re.compile(" +")


def _cut_at(chars: Chars, raw: str, start: int, x: float) -> int | None:
    """The index of the first character of ``raw`` right of ``x`` when the one before it is
    left of ``x`` (a rule between them); a binary search, characters running left to right."""
    low, high = 0, len(raw) - 1
    if chars.box(start + low)[0] >= x or chars.box(start + high)[1] <= x:
        return None
    while high - low > 1:
        middle = (low + high) // 2
        if chars.box(start + middle)[0] < x:
            low = middle
        else:
            high = middle
    return high if chars.box(start + low)[1] <= x + 1 else None


class Chars:
    """The characters' boxes of a text page, read through buffers made once (a page asks for
    some thousands), each once: the column finder and the table finder ask for the same."""

    def __init__(self, textpage: Any) -> None:
        self.raw = textpage.raw
        self.values = [ctypes.c_double() for _ in range(4)]
        self.refs = [ctypes.byref(value) for value in self.values]
        self.boxes: dict[int, tuple[float, float]] = {}

    def box(self, index: int) -> tuple[float, float]:
        """The left and right of the character at ``index``."""
        found = self.boxes.get(index)
        if found is None:
            pdfium_c.FPDFText_GetCharBox(self.raw, index, *self.refs)
            found = self.boxes[index] = (self.values[0].value, self.values[1].value)
        return found

    def baseline(self, index: int) -> float:
        """The height of the baseline the character at ``index`` stands on."""
        pdfium_c.FPDFText_GetCharOrigin(self.raw, index, self.refs[2], self.refs[3])
        return self.values[3].value


def chars_of(textpage: Any) -> Chars:
    """The page's :class:`Chars`, made at its first use."""
    chars = getattr(textpage, "chars", None)
    if not isinstance(chars, Chars):
        chars = textpage.chars = Chars(textpage)
    return chars


def _rows(
    lines: Sequence[Line], cells: dict[int, list[Line]], gutters: Sequence[float] = ()
) -> list[_Row]:
    """The page's lines as rows, top to bottom (column by column on a page of columns parted at
    ``gutters``): the lines (their cells) on one baseline."""
    rows: list[_Row] = []
    columns = {id(line): sum(line.x0 >= x for x in gutters) for line in lines}
    for line in sorted(lines, key=lambda ln: (columns[id(ln)], -ln.y)):
        if not line.shown:
            continue
        row = rows[-1] if rows else None
        column = columns[id(line)]
        if (
            row is None
            or row.column != column
            or abs(row.y - line.y) > 0.4 * max(row.size, line.size)
        ):
            row = _Row(line.y, line.size, line.y_last, column=column)
            rows.append(row)
        row.bottom = min(row.bottom, line.y_last)
        split = cells.get(id(line), [line])
        row.cells += split
        row.sources.append(line)
        led = _leads(line) and id(line) not in cells  # a contents entry, not figures
        row.code = row.code or all(cell.mono for cell in split)
        row.blocked = row.blocked or any(_TO_PAGES.search(c.text) for c in split) or led
    for row in rows:
        row.cells.sort(key=lambda cell: cell.x0)
    return rows


# A leader of three dots or more, spaced or not, running to a number: a page's.
_TO_PAGES = re.compile(r"(?:\.\s?){3,}\s*\d")


def _leads(line: Line) -> bool:
    """Whether ``line`` is a contents entry with a leader ("Options . . . . 5")."""
    return bool(_LEADER_CHAR.search(line.text)) and bool(_LEADER.search(line.text))


def _runs(rows: Sequence[_Row]) -> list[list[_Row]]:
    """Runs of rows close under each other, from a row of two cells or more to the last such,
    none of them code."""
    runs: list[list[_Row]] = []
    current: list[_Row] = []
    for row in rows:
        close = bool(current) and current[-1].bottom - row.y <= ROW_SPACING * max(row.size, 1.0)
        close = (close or _header_over(current, row)) and current[-1].column == row.column
        barred = row.blocked or (row.code and not (close and _worded_row(current)))
        if barred or not close:
            runs.append(current)
            current = []
        if not barred and (current or len(row.cells) > 1):
            current.append(row)
    runs.append(current)
    trimmed = []
    for run in runs:
        while run and len(run[-1].cells) < 2:
            run.pop()
        if sum(len(row.cells) > 1 for row in run) >= 2:
            trimmed.append(run)
    return trimmed


def _header_over(run: Sequence[_Row], row: _Row) -> bool:
    """Whether ``run`` is one row of labels over ``row`` set a little further apart than rows
    are (a rule between them, or room for one), its cells as many as ``row``'s: a table's
    header ("States/Union Territories | 1951-1961 | … | 2001-2011" over "Kerala | 24.76 | …"),
    which went without its rows, and they without their labels."""
    if len(run) != 1 or len(row.cells) < 2 or len(run[0].cells) != len(row.cells):
        return False
    head = run[0]
    labels = all(not is_figure(cell.text) for cell in head.cells)
    # in the rows' type (a heading over the table is larger), each label over its column
    over = all(
        label.x0 < cell.x1 and cell.x0 < label.x1
        for label, cell in zip(head.cells, row.cells, strict=True)
    )
    same = abs(head.size - row.size) <= 0.5
    near = head.bottom - row.y <= HEADER_SPACING * max(row.size, 1.0)
    return labels and over and same and near


def _worded_row(run: Sequence[_Row]) -> bool:
    """Whether ``run`` has a row of cells not all in a code font, as a table's header is
    ("Option | default value"): rows of code under it are its rows ("format= | plain"), while
    rows of code alone are a listing's columns ("4 CARD32 N_ALIASES", a binary layout). A name
    in typewriter type beside its meaning in roman is a row ("normalfont  Normal shape")."""
    return any(
        len(row.cells) > 1 and not row.code and _WORD.search(" ".join(c.text for c in row.cells))
        for row in run
    )


_WORD = re.compile(r"[^\W\d_]{2}")  # two letters: not a row of ornaments ("✲ ❄")


def _table(run: list[_Row], rules: Rules) -> _Table | None:
    """The table ``run`` holds, or None when it is not one (see :func:`_is_table`)."""
    run = _inside_rules(run, rules)
    multi = [row for row in run if len(row.cells) > 1]
    separators = _separators(multi) if len(multi) >= 2 else []
    if not separators:
        return None
    columns = [_column_of(separators, row) for row in run]
    grid = _grid(run, rules)
    if not _is_table(run, columns, len(separators) + 1, grid):
        return None
    bands = _bands(run, rules)
    records, starts = _records(run, columns, len(separators) + 1, bands)
    members = {id(line) for row in run for line in row.sources}
    header = _header(run, starts, bands, grid)
    return _Table(records, starts, members, run, header, boxes=_boxes(run))


def _headed_tables(run: list[_Row], rules: Rules, rows: Sequence[_Row]) -> list[_Table]:
    """The tables under a header ruled off from its rows, one label over each column, whose
    rows wrap a column of text (a standard's requirements: "# | Description | L1 | L2 | L3 |
    CWE" over "1.2.1 | Verify that … | ✓ | ✓ | 250"): its text column made it look like a
    page's column of prose, the text above it (which the rows stand close under) its first
    rows, and the wrapped lines of its last row no rows of it. ``run`` may hold several, with
    text between them; a table goes on under it over the page's ``rows`` (rows set further
    apart than :data:`ROW_SPACING`, as Chinese type sets them, cut the run)."""
    tables: list[_Table] = []
    start = 0
    while True:
        found = next((i for i in range(start, len(run) - 1) if _ruled_header(run, i, rules)), -1)
        if found < 0:
            return tables
        table = _headed_table(run[found], rules, rows)
        if table is not None:
            tables.append(table)
        taken = {id(row) for row in table.rows} if table is not None else set()
        start = found + 1
        while start < len(run) and id(run[start]) in taken:
            start += 1


def _headed_table(head: _Row, rules: Rules, rows: Sequence[_Row]) -> _Table | None:
    """The table under the header ``head`` (see :func:`_headed_tables`): a row spans from its
    first column's cell to the next one's, its cells in the other columns those that stand in
    that span, on its first line or on those its text wraps onto. The columns are the
    header's: a column empty in most rows (a CWE given for one requirement of three) is one."""
    at = next(i for i, row in enumerate(rows) if row is head)
    run = _under_header(rows[at:])
    separators = _label_separators(run)
    if separators is None:
        return None
    columns = [_column_of(separators, row) for row in run]
    run, columns = _raised_down(run, columns)
    bands = _bands(run, rules)
    records, starts = _records(run, columns, len(head.cells), bands, wraps=True)
    if len(records) < 2:
        return None  # the header and one row: its rule sets it apart, as a grid's does
    members = {id(line) for row in run for line in row.sources}
    above = _label_line(rows, at)
    if above is not None:  # "NIST" over "§": the header's labels set over two lines
        for cell, col in zip(above.cells, _column_of(separators, above), strict=True):
            records[0][col].insert(0, cell.text)
        members |= {id(line) for line in above.sources}
    return _Table(records, starts, members, run, header=True, painted=True)


def _ruled_header(run: Sequence[_Row], index: int, rules: Rules) -> bool:
    """Whether ``run[index]`` is a header: three labels or more, not code, in the type of the
    row under it, a rule across the table between them (drawn in one piece or one a cell),
    and no such row right above it."""
    row, under = run[index], run[index + 1]
    if index and len(run[index - 1].cells) >= 3:
        return False  # a row of the table above, ruled off from the next
    if row.code or len(row.cells) < 3 or len(under.cells) < 2 or abs(row.size - under.size) > 0.5:
        return False
    if any(is_figure(c.text) or len(c.text.split()) > LABEL_WORDS for c in row.cells):
        return False
    left, right = row.cells[0].x0, row.cells[-1].x1
    between = sorted((x0, x1) for y, x0, x1 in rules.horizontal if under.y < y < row.bottom)
    return any(x1 - x0 >= 0.5 * (right - left) for x0, x1 in _joined(between, left, right))


def _joined(
    spans: Sequence[tuple[float, float]], left: float, right: float
) -> list[tuple[float, float]]:
    """``spans`` (sorted) cut to ``left``–``right``, those that meet joined into one: a
    rule drawn as each cell's border."""
    joined: list[tuple[float, float]] = []
    for x0, x1 in spans:
        x0, x1 = max(x0, left), min(x1, right)
        if x1 <= x0:
            continue
        if joined and x0 <= joined[-1][1] + 1:
            joined[-1] = (joined[-1][0], max(joined[-1][1], x1))
        else:
            joined.append((x0, x1))
    return joined


def _raised_down(run: list[_Row], columns: list[list[int]]) -> tuple[list[_Row], list[list[int]]]:
    """``run`` with a line set a little above the row under it (an exponent: "2" with "30"
    raised over its baseline), nothing in its first column, after that row: its top stands in
    that row's span, not in the one above."""
    rows, cols = list(run), list(columns)
    for i in range(1, len(rows) - 1):
        raised = 0 not in cols[i] and 0 in cols[i + 1]
        if raised and rows[i].y - rows[i + 1].y < 0.8 * rows[i + 1].size:
            rows[i], rows[i + 1] = rows[i + 1], rows[i]
            cols[i], cols[i + 1] = cols[i + 1], cols[i]
    return rows, cols


def _under_header(rows: Sequence[_Row]) -> list[_Row]:
    """``rows`` from the header to the last row of its table: in the header's type, in its
    column of the page, as close under the one above as the first row is under the header
    (a little more: rows wrapping text stand further apart than its lines), under its labels,
    with no line reaching from one label's column over the next's (a paragraph, a note under
    the table).
    A heading or a paragraph after the table is no row of it."""
    head = rows[0]
    size, labels = head.size, head.cells
    end = 1  # (a note's mark beside a row, in small type, leaves it in the header's)
    while end < len(rows) and abs(max(c.size for c in rows[end].cells) - size) <= 0.5:
        row, above = rows[end], rows[end - 1]
        reach = ROW_SPACING * max(size, 1.0)
        if end > 1:
            reach = max(reach, ROW_SPREAD * (head.bottom - rows[1].y))
        if above.bottom - row.y > reach or row.column != head.column:
            break
        if any(_spans_labels(cell, labels) or not _under(cell, labels) for cell in row.cells):
            break
        end += 1
    return list(rows[:end])


ROW_SPREAD = 1.5  # rows of a headed table at most this many times the header's distance apart


def _spans_labels(cell: Line, labels: Sequence[Line]) -> bool:
    """Whether ``cell`` reaches from one label's column into the next one's: from left of a
    label's end to right of where the next begins."""
    return any(cell.x0 < a.x1 and cell.x1 > b.x0 for a, b in itertools.pairwise(labels))


def _under(cell: Line, labels: Sequence[Line]) -> bool:
    """Whether ``cell`` starts under the header's labels, give or take a few type sizes (a
    row's number set out left of "#"; a last column's text runs on right of its label): the
    lines of a title block beside it are no rows."""
    margin = 3 * cell.size
    return labels[0].x0 - margin <= cell.x0 <= labels[-1].x1 + margin


def _label_separators(run: Sequence[_Row]) -> list[tuple[float, float]] | None:
    """A column's edge between each two labels of the header ``run[0]``: the white strip
    down the rows ``run`` nearest the right one's label (its cells start under it), or None
    when two labels have no white strip between them."""
    labels = run[0].cells
    strips = _white_strips(run)
    separators = []
    for a, b in itertools.pairwise(labels):
        between = [(x0, x1) for x0, x1 in strips if x0 >= a.x1 - 1 and x1 <= b.x0 + 1]
        if not between:
            return None
        separators.append(between[-1])
    return separators


def _white_strips(rows: Sequence[_Row]) -> list[tuple[float, float]]:
    """The left and right of each strip, left to right, that no cell of ``rows`` crosses, at
    least 0.4 type sizes wide."""
    left = min(cell.x0 for row in rows for cell in row.cells)
    right = max(cell.x1 for row in rows for cell in row.cells)
    if right - left > WIDEST_TABLE:
        return []
    xs = np.arange(left, right, 0.5)
    ink = np.zeros(len(xs), dtype=bool)
    for row in rows:
        for cell in row.cells:
            ink[(xs >= cell.x0 - 0.5) & (xs <= cell.x1 + 0.5)] = True
    size = statistics.median(row.size for row in rows)
    strips = []
    index = 0
    while index < len(xs):
        if ink[index]:
            index += 1
            continue
        end = index
        while end < len(xs) and not ink[end]:
            end += 1
        if (end - index) * 0.5 >= 0.4 * size:
            strips.append((float(xs[index]), float(xs[end - 1])))
        index = end
    return strips


def _close_above(above: _Row, row: _Row, reach: float) -> bool:
    """Whether ``above`` is a line of the same type over ``row`` no further than ``reach`` (the
    header's distance under ``row``): ``row`` ends a paragraph, it is no first line of labels."""
    near = above.bottom - row.y <= reach
    return near and abs(above.size - row.size) <= 0.5 and above.column == row.column


def _label_line(rows: Sequence[_Row], at: int) -> _Row | None:
    """The line right over the header ``rows[at]`` holding the first words of some of its
    labels ("NIST" over "§"), each over one label: a header set over two lines."""
    if at == 0:
        return None
    head, over = rows[at], rows[at - 1]
    near = over.y - head.y <= ROW_SPACING * head.size and abs(over.size - head.size) <= 0.5
    if not near or over.column != head.column or len(over.cells) >= len(head.cells):
        return None
    if at > 1 and _close_above(rows[at - 2], over, over.y - head.y):
        return None  # a paragraph's last line ("… de code non" / "géré.")
    for cell in over.cells:
        # over one label, no wider than it by more than a type size each side ("起始" / "时间")
        under = [lab for lab in head.cells if lab.x0 < cell.x1 and cell.x0 < lab.x1]
        if len(under) != 1 or is_figure(cell.text) or len(cell.text.split()) > LABEL_WORDS:
            return None
        if cell.x0 < under[0].x0 - head.size or cell.x1 > under[0].x1 + head.size:
            return None
    return over


def _header(run: Sequence[_Row], starts: Sequence[int], bands: Sequence[int], grid: bool) -> bool:
    """Whether the table's first record is set apart as its header: by a rule under it, in
    bold or larger type over the rows under it, or inside a grid of rules (as a Word table's
    first row is read). Without, a first row is a row ("gnats | gram | $13.65")."""
    if len(starts) < 3:
        return False
    head, rest = run[: starts[1]], run[starts[1] :]
    if bands[starts[1] - 1] != bands[starts[1]]:
        return True
    cells = [cell for row in head for cell in row.cells]
    if all(cell.bold for cell in cells) and not all(c.bold for row in rest for c in row.cells):
        return True
    if min(c.size for c in cells) > max(c.size for row in rest for c in row.cells) + 0.4:
        return True
    return grid


def _separators(rows: Sequence[_Row]) -> list[tuple[float, float]]:
    """The left and right of each white strip that parts the cells of (nearly) all of ``rows``,
    with cells left and right of it in most of them: a column's edge."""
    left = min(cell.x0 for row in rows for cell in row.cells)
    right = max(cell.x1 for row in rows for cell in row.cells)
    if right - left > WIDEST_TABLE:
        return []  # no page is that wide: a crafted file's, not a table
    xs = np.arange(left, right, 0.5)
    if len(xs) < 2:
        return []
    ink = np.zeros((len(rows), len(xs)), dtype=bool)
    for number, row in enumerate(rows):
        for cell in row.cells:
            ink[number, (xs >= cell.x0 - 0.5) & (xs <= cell.x1 + 0.5)] = True
    crossing = ink.sum(axis=0) <= len(rows) // 10
    size = statistics.median(row.size for row in rows)
    separators = []
    index = 0
    while index < len(xs):
        if not crossing[index]:
            index += 1
            continue
        end = index
        while end < len(xs) and crossing[end]:
            end += 1
        both = ink[:, :index].any(axis=1) & ink[:, end:].any(axis=1)
        if (end - index) * 0.5 >= 0.4 * size and 2 * both.sum() >= len(rows):
            separators.append((float(xs[index]), float(xs[end - 1])))
        index = end
    return separators


def _inside_rules(run: list[_Row], rules: Rules) -> list[_Row]:
    """``run`` cut to the rows beside the vertical rules that part its cells, when it has
    such: the notes under a ruled table ("(1) If integral with …") are no rows of it."""
    down = _parting_rules(run, rules)
    if not down:
        return run
    low, high = min(low for low, _ in down), max(high for _, high in down)
    inside = [row for row in run if low < row.y < high]
    while inside and len(inside[-1].cells) < 2:
        inside.pop()
    return inside


def _parts(x: float, row: _Row) -> bool:
    """Whether a vertical rule at ``x`` stands between two of the row's cells."""
    return any(a.x1 <= x + 1 and b.x0 >= x - 1 for a, b in itertools.pairwise(row.cells))


def _column_of(separators: Sequence[tuple[float, float]], row: _Row) -> list[int]:
    """The column of each of the row's cells: where its left edge stands."""
    return [sum(cell.x0 > (a + b) / 2 for a, b in separators) for cell in row.cells]


def _parting_rules(run: Sequence[_Row], rules: Rules) -> list[tuple[float, float]]:
    """The bottom and top of each vertical rule that parts the cells of two rows of ``run`` or
    more."""
    return [
        (low, high)
        for x, low, high in rules.vertical
        if sum(low < row.y < high and _parts(x, row) for row in run) >= 2
    ]


def _grid(run: Sequence[_Row], rules: Rules) -> bool:
    """Whether vertical rules part the cells of two rows or more: a table drawn as a grid."""
    return bool(_parting_rules(run, rules))


def _is_table(run: Sequence[_Row], columns: Sequence[list[int]], count: int, grid: bool) -> bool:
    """Whether rows split into ``count`` columns read as a table: three rows of two cells or
    more (two in a grid of rules), most of the rows unless in a grid, and no text laid out in
    columns (see :func:`_laid_out_text`)."""
    multi = sum(len(set(cols)) > 1 for cols in columns)
    if multi < (2 if grid else MIN_ROWS) or (not grid and 2 * multi < len(run)):
        return False
    if any(max(c.size for c in row.cells) > 1.25 * min(c.size for c in row.cells) for row in run):
        return False  # a heading and the note set beside it
    return not _laid_out_text(_column_texts(run, columns, count), grid)


def _column_texts(run: Sequence[_Row], columns: Sequence[list[int]], count: int) -> list[list[str]]:
    """The cells of each of ``count`` columns, top to bottom. In a column of one cell a row
    but for a few, a row's cells in it are one line: justified text spaces a line's words as
    widely as cells part ("a) | satisfaire | aux | exigences"), which made a column of prose
    look like one of short cells. A column of several cells in most rows keeps them apart (a
    bit-field diagram's "31 | 30 | 25 | …")."""
    texts: list[list[str]] = [[] for _ in range(count)]
    for col in range(count):
        lines = [
            [cell.text for cell, k in zip(row.cells, cols, strict=True) if k == col]
            for row, cols in zip(run, columns, strict=True)
        ]
        lines = [line for line in lines if line]
        spaced = sum(len(line) > 1 for line in lines)
        for line in lines:
            texts[col] += [" ".join(line)] if 2 * spaced < len(lines) else line
    return texts


def _boxes(run: Sequence[_Row]) -> list[str] | None:
    """Each column's lines read down as one text, when the first column and another are
    paragraphs wrapped line after line (see :func:`_wraps_on`): boxes of text set side by
    side (a risk's "Threat agents | Attack vectors | Security weakness | Impacts"), whose
    lines, read across as rows, mixed sentences of different boxes. Else None: a table's
    cells wrapped onto a second line begin no sentence there in its first column (a name, a
    number). The columns are parted at every strip no line crosses: boxes' edges, which a
    table's columns of few cells need not all be."""
    strips = _white_strips(run)
    columns = [_column_of(strips, row) for row in run]
    lines: list[list[str]] = [[] for _ in range(len(strips) + 1)]
    for row, cols in zip(run, columns, strict=True):
        for col in sorted(set(cols)):
            cells = [cell.text for cell, k in zip(row.cells, cols, strict=True) if k == col]
            lines[col].append(" ".join(cells))
    if not _wraps_on(lines[0]) or not any(_wraps_on(col, strict=False) for col in lines[1:]):
        return None
    return [joined_lines(column) for column in lines]


def _boxes_read_on(table: _Table, rows: Sequence[_Row]) -> _Table:
    """``table``, read column by column, with the lines under it that go on in its columns:
    boxes' lines set on different baselines (one box's line between two of the next) are
    rows of one cell, which end a run of rows (see :func:`_runs`), though the boxes go on."""
    run = list(table.rows)
    strips = _white_strips(run)
    left = min(cell.x0 for row in run for cell in row.cells)
    right = max(cell.x1 for row in run for cell in row.cells)
    at = next(i for i, row in enumerate(rows) if row is run[-1]) + 1
    while at < len(rows):
        row, above = rows[at], run[-1]
        close = above.bottom - row.y <= ROW_SPACING * max(row.size, 1.0)
        inside = all(left - 1 <= cell.x0 and cell.x1 <= right + 1 for cell in row.cells)
        crossing = any(cell.x0 < a and cell.x1 > b for cell in row.cells for a, b in strips)
        if not close or row.column != above.column or not inside or crossing or row.code:
            break
        run.append(row)
        at += 1
    boxes = _boxes(run)
    if boxes is None:
        return table
    members = {id(line) for row in run for line in row.sources}
    return replace(table, rows=run, members=members, boxes=boxes)


def _wraps_on(lines: Sequence[str], strict: bool = True) -> bool:
    """Whether a column's ``lines`` are a paragraph wrapped (or a few): three pairs of lines
    or more, in most of them a line of words that ends no sentence over one going on with it
    in small letters ("Почти любой источник данных может" / "оказаться вектором …"), or a
    Chinese line over another. A table's cell wrapped in its first column ("A new Performance
    ID was added to the" / "system but …") does so now and then, a table's rows not at all.
    Not ``strict``: the line under may open with a capital ("… XPath- или" / "NoSQL-…")."""
    pairs = list(itertools.pairwise(lines))
    on = sum(_goes_on(a, b) if strict else _open(a) for a, b in pairs)
    return len(pairs) >= 3 and 2 * on >= len(pairs)


def _goes_on(line: str, after: str) -> bool:
    """Whether ``after`` goes on with the sentence ``line`` leaves open (see :func:`_wraps_on`)."""
    if not _open(line):
        return False
    chinese = bool(CJK_CHAR.match(line[-1])) and bool(CJK_CHAR.match(after[:1]))
    return chinese or after[:1].islower()


def _open(line: str) -> bool:
    """Whether ``line`` is words (four or more: "la rd, symbol" is an instruction's operands)
    that end no sentence."""
    return word_count(line) >= 4 and not line.endswith(_SENTENCE_END) and bool(_WORD.search(line))


_SENTENCE_END = (".", "!", "?", ";", ":", "。", "！", "？", "；", "：")


def _laid_out_text(texts: Sequence[list[str]], grid: bool) -> bool:
    """Whether the columns' cells (``texts``) are text set in columns rather than a table's:
    running text in a column (in two, when drawn as a grid): a page of two columns; a term and
    its description or a list's labels and items (unless drawn as a grid); a sentence cut at
    its commas; a contents list (page numbers down the last column); an index ("apt-file, 39").
    """
    # Chinese lines count their characters about two to a word, as a reader counts them
    words = [statistics.median(word_count(t) for t in col) if col else 0 for col in texts]
    if sum(w > PROSE_WORDS for w in words) >= (2 if grid else 1):
        return True  # unless drawn as a grid, a column of text beside others is a page's column
    if not grid and len(texts) == 2 and max(words) > VALUE_WORDS:
        return True
    if not grid and len(texts) == 2 and all(_LIST_LABEL.match(t) for t in texts[0]):
        return True
    if any(2 * sum(t.endswith(",") for t in col) >= len(col) for col in texts if col):
        return True
    if any(_runs_down(col) for col in texts):
        return True
    cells = [text for col in texts for text in col]
    if 2 * sum(bool(_INDEX_ENTRY.search(t)) and not FIGURE.match(t) for t in cells) >= len(cells):
        return True
    last = texts[-1]
    return len(last) >= MIN_ROWS and all(_PAGE_NUMBER.match(t) for t in last)


def _runs_down(cells: Sequence[str]) -> bool:
    """Whether a column's cells are the lines of a paragraph, each going on in the next ("…
    within no more than six months of the contract being" / "awarded, and constantly …"): a
    column of text beside a boxed list on a spread, which the box's border made a grid."""
    pairs = list(itertools.pairwise(cells))
    on = sum(1 for a, b in pairs if _line_goes_on(a, b))
    return len(pairs) >= 3 and 3 * on >= 2 * len(pairs)


def _line_goes_on(line: str, after: str) -> bool:
    """Whether ``after`` goes on with ``line`` as a paragraph's next line: both of several
    words ("gnu | stuffed" / "emu" are a table's cells in small letters), the sentence open."""
    long = len(line.split()) >= PROSE_WORDS - 1 and len(after.split()) >= 3
    return long and after[:1].islower() and not line.endswith((".", ":", ";", "?", "!"))


def _bands(run: Sequence[_Row], rules: Rules) -> list[int]:
    """Each row's band: how many horizontal rules across the table stand above it (all 0
    without such rules)."""
    left = min(cell.x0 for row in run for cell in row.cells)
    right = max(cell.x1 for row in run for cell in row.cells)
    width = right - left
    ys = sorted(
        y for y, x0, x1 in rules.horizontal if min(x1, right) - max(x0, left) >= 0.5 * width
    )
    inside = [y for y in ys if run[-1].y - run[-1].size < y < run[0].y]
    if not inside:
        return [0] * len(run)
    return [sum(y > row.y for y in inside) for row in run]


def _records(
    run: Sequence[_Row],
    columns: Sequence[list[int]],
    count: int,
    bands: Sequence[int],
    wraps: bool = False,
) -> tuple[list[list[list[str]]], list[int]]:
    """The table's rows as records of ``count`` cells (each its lines): a row of one cell that
    leaves the first column empty continues the one above (a cell wrapped onto a second line),
    and so does any such row where the rows' text ``wraps`` (see :func:`_headed_table`), and
    all the lines between two horizontal rules unless the first column has several of its own."""
    firsts: dict[int, int] = {}
    for band, cols in zip(bands, columns, strict=True):
        firsts[band] = firsts.get(band, 0) + (0 in cols)
    records: list[list[list[str]]] = []
    starts: list[int] = []
    previous_band = None
    for index, (row, cols, band) in enumerate(zip(run, columns, bands, strict=True)):
        ruled_band = any(bands) and firsts[band] <= 1
        new_band = band != previous_band
        # under a ruled header, a row starts at its first column's cell: a line without one
        # is its cells' wrapped lines, in one column or more ("… bloqueo de | 5.1.4.2 /")
        spread = len(cols) > 1 and not wraps
        begins = (0 in cols or spread) and not (ruled_band and not new_band)
        rest = row.cells[0].text
        if begins and cols == [0] and records and _cell_open(records[-1][0], rest):
            begins = False  # "Metrics: {Likelihood, Coherences, FIDs," / "Reconstruction, …}"
        if ruled_band and new_band:
            begins = True
        if not records or begins or (any(bands) and new_band):
            records.append([[] for _ in range(count)])
            starts.append(index)
        for cell, col in zip(row.cells, cols, strict=True):
            records[-1][col].append(cell.text)
        previous_band = band
    return records, starts


def _cell_open(lines: Sequence[str], rest: str) -> bool:
    """Whether a cell's text so far breaks off mid-phrase (after a comma, with a bracket still
    open), so that a line in its column alone under it (``rest``) is its rest, not a row of its
    own; a line introducing what follows ("… counter:") is no cell's rest."""
    text = " ".join(lines).rstrip()
    if rest.rstrip().endswith(":"):
        return False
    unclosed = any(text.count(o) > text.count(c) for o, c in ("()", "[]", "{}"))
    return bool(text) and (unclosed or text.endswith((",", "&", "–", "-")))


def _caption(lines: Sequence[Line], table: _Table) -> list[Line]:
    """The caption right above the table ("Table 3: Documentation for …", on a line or two), or
    right below it."""
    top, bottom = table.rows[0], table.rows[-1]
    page = [ln for ln in lines if id(ln) not in table.members]
    above = sorted((ln for ln in page if 0 < ln.y - top.y <= 4 * top.size), key=lambda ln: ln.y)
    for index, line in enumerate(above):
        if _captions(line.text) and index <= 2:
            return above[index::-1]
    below = [ln for ln in page if 0 < bottom.y - ln.y <= 3 * bottom.size]
    below.sort(key=lambda ln: -ln.y)
    if below and _captions(below[0].text) and len(below[0].text.split()) > 1:
        return below[:1]
    return []


def _captions(text: str) -> bool:
    """Whether ``text`` starts a caption ("Table 22.1: Standard ISA subset naming …"), not a
    sentence that names the table ("Table 22.1 summarizes the standardized subset names.")."""
    match = _CAPTION.match(text)
    return match is not None and not _SENTENCE_AFTER.match(text, match.end())


_SENTENCE_AFTER = re.compile(r"[\w.]*\s+(?:[a-z]+s|is|are|was|were|has|have|shows?|lists?)\b")


def _replaced(lines: Sequence[Line], tables: Sequence[_Table]) -> list[Line]:
    """``lines`` with each table's lines (and caption) given way to its rows, where its first
    line stood."""
    owner = {member: table for table in tables for member in table.members}
    captions = {id(line) for table in tables for line in table.caption}
    result: list[Line] = []
    written: set[int] = set()
    for line in lines:
        table = owner.get(id(line))
        if table is None:
            if id(line) not in captions:
                result.append(line)
            continue
        if id(table) not in written:
            written.add(id(table))
            result += _row_lines(table)
    return result


def _row_lines(table: _Table) -> list[Line]:
    """One line per row of ``table``: its cells joined by " | ", short values with their
    column's label (see :func:`labelled`), its caption as ``table``; one per column of a
    table read column by column (see :func:`_boxes`)."""
    caption = prose(" ".join(line.text for line in table.caption))
    if table.boxes is not None:
        first, top = table.rows[0].sources[0], table.rows[0].y
        return [
            replace(first, text=text, y=top, y_last=top, bold=False, table=caption)
            for text in table.boxes
            if text
        ]
    # a cell wrapped between two Chinese characters reads on without a space ("医" / "疗设备")
    records = [[joined_lines(parts) for parts in record] for record in table.records]
    texts = labelled(records, header=table.header, painted=table.painted)
    first = table.rows[0].sources[0]
    left = min(cell.x0 for row in table.rows for cell in row.cells)
    right = max(cell.x1 for row in table.rows for cell in row.cells)
    tops = [table.rows[start].y for start in table.starts][len(records) - len(texts) :]
    return [
        replace(first, text=text, x0=left, x1=right, y=y, y_last=y, bold=False, table=caption)
        for text, y in zip(texts, tops, strict=True)
        if text
    ]


def labelled(
    records: Sequence[Sequence[str]], *, header: bool = True, painted: bool = False
) -> list[str]:
    """The rows' texts: cells joined by " | ", and when the table has a header of short labels
    (a corner left empty too), a short value under a label read with it ("Price ($): 13.65"),
    the header itself no row of its own. As :func:`common.table_blocks` does for Word tables,
    with room for the empty corner a table of figures leaves above its row names, and for a
    header over two or three lines above figures ("Unit Rate" / "p/kWh"). ``header``: whether
    the layout sets the first row apart (see :func:`_header`); ``painted``: whether it is that
    row alone, painted apart from the rows under it (so a first row of names over figures is a
    row, not the header's second line)."""
    rows = [[prose(cell) for cell in record] for record in records]
    count = int(header) if painted else _header_rows(rows, header)
    labels = [" ".join(row[i] for row in rows[:count] if row[i]) for i in range(len(rows[0]))]
    # a header set apart labels a single row too; else three rows show what is a header
    if not count or not _is_header([labels, *rows[count:]], 2 if painted else 3):
        return [row_text(_spans_once(row)) for row in rows]
    texts = [""] * (count - 1)  # the header's lines are no rows
    for row in rows[count:]:
        texts.append(row_text(_spans_once(labelled_cells(labels, row))))
    return texts


def _spans_once(cells: Sequence[str]) -> list[str]:
    """``cells`` with a cell that spans several columns read once: the same text in cells side
    by side is one cell the grid repeated in each column it spans ("REGION : EAST AND NORTH
    EAST INDIA" across a rainfall table's ten), not so many values. Words and marks repeat by
    chance, as a feature table's "Yes | Yes", "∅ | ∅ | ∅" or a ledger's "0.00 % | 0.00 %" do:
    only cells of several words are taken for one, when they fill the row or three columns at
    least. Two plans' "Email and phone support" side by side are each plan's."""
    kept: list[str] = []
    for cell, run in itertools.groupby(cells):
        count = len(list(run))
        worded = sum(any(ch.isalpha() for ch in word) for word in cell.split()) > 1
        spans = count == len(cells) or count >= _SPAN_COLUMNS
        kept += [cell] if worded and spans else [cell] * count
    return kept


_SPAN_COLUMNS = 3  # side by side, the same words are one cell across them


def _header_rows(rows: Sequence[Sequence[str]], evident: bool) -> int:
    """How many of the first rows make the header: those without a figure, up to four, when
    figures fill most cells under them (a table of figures needs no rule to show its header);
    else the first row when the layout sets it apart (``evident``), else none. A row of one
    cell across the columns ends the header: it names the group of rows under it; so does its
    first cell alone over a row of figures ("Women" over "45–54 | 47 | 21.8"), where a label
    wrapped in its corner ("Age group" / "(yrs) | no. | Rate") goes on over the header's line."""
    count = 0
    while (
        count < min(HEADER_LINES, len(rows) - 2)
        and not any(is_figure(cell) for cell in rows[count])
        and not (count and _group_name(rows[count], rows[count + 1]))
    ):
        count += 1
    if not count:
        return 0
    values = [cell for row in rows[count:] for cell in row[1:] if cell]
    if values and 2 * sum(bool(FIGURE.match(cell)) for cell in values) >= len(values):
        return count
    return 1 if evident else 0


def _group_name(row: Sequence[str], below: Sequence[str]) -> bool:
    """Whether ``row`` is one cell across the columns, or its first cell alone over a row of
    figures or over another name alone: no line of a header's, which goes on in its columns."""
    if len(_spans_once(row)) == 1:
        return True
    return _alone(row) and (_alone(below) or any(is_figure(cell) for cell in below))


def _alone(row: Sequence[str]) -> bool:
    return bool(row[0]) and not any(row[1:])


def _is_header(rows: Sequence[Sequence[str]], least: int = 3) -> bool:
    if len(rows) < least:
        return False
    labels = [cell for cell in rows[0] if cell]
    corner = not rows[0][0] and len(labels) == len(rows[0]) - 1
    return (
        len(labels) >= 2
        and (len(labels) == len(rows[0]) or corner)
        and all(len(cell.split()) <= LABEL_WORDS for cell in labels)
        and not any(is_figure(cell) for cell in labels)
    )


def row_block(text: str, caption: str, section: str | None, page: int) -> Block:
    """The block of a table's row: under its caption when it has one (the section it stands in
    above that), else in its section."""
    if caption:
        above = (section,) if section else ()
        return Block(text, caption, page=page, kind="table", above=above)
    return Block(text, section, page=page, kind="table")
