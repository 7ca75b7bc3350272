"""Pages set in columns of text (a step of :mod:`retrieval.ingest.readers.pdf_page`).

A page of two to four columns is read as ``pdftotext -layout`` shows it: each column top to
bottom, left to right, between lines that run across the columns (a title, a wide figure).
Where two columns' lines stand on one baseline, PDFium may read them as one line ("appropriate
space. You must provide mutual fund or REIT and provides the the “timely mailing as …": one line
of each of a tax booklet's three columns): such a line is parted at the gutters first, then the
columns are found from the parts.

A gutter is an empty vertical strip that (nearly) no line crosses, with columns of running text
either side of it: lines that fill their column, and that run on into the next in small letters
(a third of them in three or four narrow columns, which a table's short cells also make; some
in two: a table's rows open in names and figures).
"""

from __future__ import annotations

import itertools
import re
import statistics
from collections.abc import Callable, Hashable, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, Any

import numpy as np

from retrieval.ingest.readers import pdf_tables

if TYPE_CHECKING:
    from retrieval.ingest.readers.pdf_page import Line

COLUMN_GAP = 0.6  # a gap this many type sizes wide may be a gutter (a word space is at most 0.5)
LEAST_LINES = 5  # lines a column has at least
MOST_COLUMNS = 4  # columns a page is read in at most
FILLED = 0.5  # a column's lines are (median) at least this share of its width: running text
RUNNING_ON = 0.3  # in narrow columns, this share of the lines at least opens in small letters
NEW_LINE = 0.25  # a word this many type sizes above or below the one before may be on another line
BACK = 5.0  # type sizes a word stands left of the one before it, on another baseline: a new line
GUTTER_GAP = 0.8  # type sizes of a gap across a gutter that parts two columns' lines
JOIN_GAP = 1.5  # type sizes between two parts of a line that are one line of a column
BAND_GAP = 3.0  # type sizes between two baselines, nothing between: a strip across the page

_RIGHT_TO_LEFT = re.compile("[\u0590-\u08ff\ufb1d-\ufefc]")  # Hebrew, Arabic: words run leftwards
_LIST_LABEL = re.compile(r"^(?:[•◦▪·*–●○■□➢►▶◆◇✓✔❏-]|\(?(?:\d{1,3}|[a-zA-Z]|[ivxlc]{1,5})[.)])$")
HYPHEN_JOIN = "\ufffe"  # PDFium's mark where it joined a word hyphenated at a line's end
# where a line may run on to another: a space, or the mark of a word PDFium joined from the
# next line, which may be the next column's first ("learning repre-" / "sentations of …")
_WORD_BREAK = re.compile(f" +|{HYPHEN_JOIN}")
Piece = tuple[str, int]  # characters of a page's text, at their index in it
# a part's bounds, left, right, baseline, which of its line's baselines it stands on, type size
PartBox = tuple[int, int, float, float, float, int, float]
Sizer = Callable[[int], float]
# a line's (or a part's) left, right, text, baseline, the line it is part of, and type size
Span = tuple[float, float, str, float, Hashable, float]


def baselines_parted(chars: pdf_tables.Chars, raw: str, start: int, size: float) -> list[Piece]:
    """``raw`` (at ``start``, in ``size`` points) as one piece, or parted before each word that
    stands on another baseline than the word before it, away from it or back to the left:
    PDFium reads some files' three columns as lines of a thousand characters that run across
    the columns and down ("of income for which a treaty claim is payments. These private
    delivery If you are claiming …"), and one line has one baseline. (A word raised just
    after the one before, as a superscript is, stays.) A word hyphenated at the foot of a
    column, which PDFium joins with its rest atop the next, is parted after its mark."""
    rtl = bool(_RIGHT_TO_LEFT.search(raw))
    pieces: list[Piece] = []
    begin = len(raw) - len(raw.lstrip(" "))
    if begin >= len(raw) or size <= 0:
        return [(raw, start)]
    baseline = chars.baseline(start + begin)
    for found in _WORD_BREAK.finditer(raw, begin):
        index, word = found.start(), found.end()
        if word >= len(raw):
            break
        height = chars.baseline(start + word)
        rise = height - baseline
        if abs(rise) > 0.1 * size and _moves_on(chars, start, index, word, size, rise, rtl):
            # a word hyphenated at a column's foot keeps its mark, for its rest to join it
            end = word if found.group() == HYPHEN_JOIN else index
            pieces.append((raw[begin:end], start + begin))
            begin = word
        baseline = height
    return [*pieces, (raw[begin:], start + begin)] if pieces else [(raw, start)]


def _moves_on(
    chars: pdf_tables.Chars, start: int, space: int, word: int, size: float, rise: float, rtl: bool
) -> bool:
    """Whether the word at ``word`` (after the space at ``space``), ``rise`` points above the
    one before (below it when negative), may be on another line: far back to the left (a
    column's width), or a quarter of a line away, back to the left or after a gap."""
    left = chars.box(start + word)[0]
    right = chars.box(start + space - 1)[1]
    if left < right - BACK * size and not rtl:
        return True  # (in a script written left to right: Hebrew's words run leftwards)
    if abs(rise) <= NEW_LINE * size:
        return False
    return left < right or left - right > pdf_tables.GAP * size


def parted(
    textpage: Any, raws: Sequence[Piece], box: tuple[float, float, float, float], size_at: Sizer
) -> tuple[list[Piece], list[float]]:
    """PDFium's lines of a page (``raws``: each line's characters at their index in the text
    page) parted where one crosses a gutter between two columns of text (see the module's
    description), and the gutters' x; as they were, and none, on a page of one column, whose
    lines may run over several baselines (a formula's) as PDFium reads them. ``box``: the
    page's crop box (left, bottom, right, top); ``size_at``: the type size at an index."""
    chars = pdf_tables.chars_of(textpage)
    left, bottom, right, top = box
    parts = [_parts(chars, raw, start, size_at) for raw, start in raws]
    spans = [
        (x0, x1, raw[a - start : b - start], y, (start, piece), size)
        for (raw, start), found in zip(raws, parts, strict=True)
        for a, b, x0, x1, y, piece, size in found
        if bottom <= y <= top and x1 >= left and x0 <= right  # (a printer's marks outside)
    ]
    found_gutters = gutters(spans, right - left, left)
    if not found_gutters:
        return list(raws), []
    # a table's rows across the columns, two at least (a header and a row), stay whole
    rows = [_wide_row(line_parts, found_gutters, right - left) for line_parts in parts]
    wide = sum(rows) >= 2
    result: list[Piece] = []
    for (raw, start), line_parts, row in zip(raws, parts, rows, strict=True):
        if wide and row:
            result.append((raw, start))
            continue
        for a, b in _grouped(line_parts, found_gutters):
            result.append((raw[a - start : b - start], a))
    return result, found_gutters


def _wide_row(parts: Sequence[PartBox], found: Sequence[float], width: float) -> bool:
    """Whether a line's ``parts`` are a row of a table set across the columns parted at
    ``found`` on a page ``width`` points wide: on one baseline, three cells or more (parts
    farther apart than a justified line's word space) in two columns or more, none of them
    half a column wide (two columns' lines of running text side by side fill them)."""
    if not parts or len({part[5] for part in parts}) > 1:
        return False
    cells: list[list[float]] = []
    for part in parts:
        if cells and part[2] - cells[-1][1] <= JOIN_GAP * part[6]:
            cells[-1][1] = part[3]
        else:
            cells.append([part[2], part[3]])
    half = 0.5 * width / (len(found) + 1)
    columns = {sum(x0 > x for x in found) for x0, _ in cells}
    return len(cells) >= 3 and len(columns) >= 2 and all(x1 - x0 < half for x0, x1 in cells)


def _parts(chars: pdf_tables.Chars, raw: str, start: int, size_at: Sizer) -> list[PartBox]:
    """The runs of the line's characters on one baseline (see :func:`baselines_parted`),
    parted by gaps :data:`COLUMN_GAP` wide or wider: their bounds in the text page, their left
    and right and their baseline."""
    first = len(raw) - len(raw.lstrip())
    if first >= len(raw):
        return []
    size = size_at(start + first)
    found = []
    for number, (piece, at) in enumerate(baselines_parted(chars, raw, start, size)):
        cuts = sorted(pdf_tables.gap_cuts(chars, piece, at, size, COLUMN_GAP))
        for a, b in itertools.pairwise([0, *cuts, len(piece)]):
            last = len(piece[:b].rstrip()) - 1
            head = a + len(piece[a:b]) - len(piece[a:b].lstrip())
            if last >= head:
                x0, x1 = chars.box(at + head)[0], chars.box(at + last)[1]
                baseline = chars.baseline(at + head)
                found.append((at + a, at + b, x0, max(x0, x1), baseline, number, size))
    return _labels_joined(found, raw, start)


def _labels_joined(parts: list[PartBox], raw: str, start: int) -> list[PartBox]:
    """``parts`` with a list's label ("c)", "•") and the item after it on its baseline as one
    part: a label hung in the gutter beside its column is no line of the column before."""
    joined: list[PartBox] = []
    for part in parts:
        if joined and _LIST_LABEL.match(raw[joined[-1][0] - start : joined[-1][1] - start].strip()):
            label = joined[-1]
            if label[5] == part[5]:  # on one baseline
                joined[-1] = (label[0], part[1], label[2], part[3], *part[4:])
                continue
        joined.append(part)
    return joined


def _grouped(parts: Sequence[PartBox], found: Sequence[float]) -> list[tuple[int, int]]:
    """The bounds (in the text page) of the runs of ``parts`` that stand in one column: parted
    where a gap :data:`GUTTER_GAP` wide spans a gutter (a title's word space across it does
    not), or where the line runs onto another baseline in another column (a part across a
    gutter stays in the column it starts in)."""
    groups: list[tuple[int, int, int]] = []
    previous: PartBox | None = None
    for part in parts:
        column = sum(part[2] > x for x in found)
        if previous is not None and groups:
            if previous[5] != part[5]:
                joins = groups[-1][2] == column
            else:
                wide = part[2] - previous[3] >= GUTTER_GAP * part[6]
                joins = not (wide and any(previous[3] <= x <= part[2] for x in found))
            if joins:
                groups[-1] = (groups[-1][0], part[1], column)
                previous = part
                continue
        groups.append((part[0], part[1], column))
        previous = part
    return [(a, b) for a, b, _ in groups]


def gutters(spans: Sequence[Span], width: float, origin: float) -> list[float]:
    """The x of each gutter between columns of text on a page ``width`` points wide from
    ``origin``, given its lines' ``spans`` (none on a page of one column)."""
    if len(spans) < 2 * LEAST_LINES:
        return []
    # Every 2 points; on a page wider than any printed (a crafted one), at most 1,000 steps.
    step = max(2.0, width / 1000)
    xs = np.arange(origin + 0.1 * width, origin + 0.9 * width, step, dtype=float)
    if not len(xs):
        return []
    ordered = sorted(spans, key=lambda span: -span[3])
    x0 = np.array([span[0] for span in ordered])[:, None]
    x1 = np.array([span[1] for span in ordered])[:, None]
    across = (x0 < xs) & (xs < x1)
    crossing = across.sum(axis=0)  # lines crossing each candidate x
    # Lines across the columns stand above or below them in a block or two (a paper's title,
    # authors and abstract over its first page's columns), not here and there between them.
    blocks = across[0] + (across[1:] & ~across[:-1]).sum(axis=0)
    lines = len({span[4] for span in spans})
    few = crossing <= len(spans) // 10
    open_strip = few | ((blocks <= 2) & (2 * crossing <= lines))
    candidates = _strips(xs, crossing, open_strip)
    for count in range(min(len(candidates), MOST_COLUMNS - 1), 0, -1):
        fits = [
            (sum(crossed for _, crossed, _ in chosen), odd, x)
            for chosen in itertools.combinations(candidates, count)
            if (odd := _columns_of_text(spans, x := [at for at, _, _ in chosen], width)) is not None
        ]
        if fits:
            # the least crossed; of two as little, the one whose columns are most alike (not
            # a contents entry's gap before its page number, nor a list's labels' after them)
            return min(fits)[2]
    return []


def _strips(xs: Any, crossing: Any, open_strip: Any) -> list[tuple[float, int, int]]:
    """The middle of the least crossed stretch of each run of ``xs`` that may be a gutter
    (``open_strip``), with how many lines cross it there and how many steps wide that is; of
    a long run (across a page whose worksheet's many cells make few lines cross anywhere)
    where it is crossed about as little as it is least, each such stretch."""
    strips = []
    for low, run in itertools.groupby(enumerate(open_strip.tolist()), key=lambda item: item[1]):
        if not low:
            continue
        indices = [index for index, _ in run]
        least = int(min(crossing[indices]))
        near = [index for index in indices if crossing[index] <= 1.5 * least + 2]
        for _, stretch in itertools.groupby(enumerate(near), key=lambda item: item[1] - item[0]):
            found = [index for _, index in stretch]
            fewest = min(crossing[found])
            middle = [index for index in found if crossing[index] == fewest]
            strips.append((float(xs[middle[len(middle) // 2]]), int(fewest), len(middle)))
    fewest_first = sorted(strips, key=lambda strip: strip[1])[: 2 * MOST_COLUMNS]
    return sorted(fewest_first)  # left to right


def _columns_of_text(spans: Sequence[Span], found: Sequence[float], width: float) -> float | None:
    """Whether the spans between the gutters ``found`` (and either side of them) are columns
    of running text (see the module's description): how much the columns' widths differ, or
    None."""
    bounds = [-np.inf, *found, np.inf]
    count = len(found) + 1
    extents = []
    for low, high in itertools.pairwise(bounds):
        inside = _joined([span for span in spans if span[0] >= low and span[1] <= high])
        if len(inside) < LEAST_LINES:
            return None
        extent = max(span[1] for span in inside) - min(span[0] for span in inside)
        # (by characters in three or four columns, over a worksheet's many cells below them;
        # by lines in two, whose short lines are a figure's labels beside another figure)
        if count > 2:
            median = _weighted_median(inside)
        else:
            median = statistics.median(span[1] - span[0] for span in inside)
        # two columns fill half the page between them (a table's short cells side by side don't)
        if median < FILLED * extent or median < 0.5 * width / count:
            return None
        filled = [span for span in inside if span[1] - span[0] >= FILLED * extent]
        # (some at least, as a page of references has: a table's rows open in names or figures)
        running = RUNNING_ON if count > 2 else RUNNING_ON / 3
        if sum(_opens_small(span[2]) for span in filled) < running * len(filled):
            return None
        extents.append(extent)
    return max(extents) - min(extents)


def _weighted_median(spans: Sequence[Span]) -> float:
    """The width of the line that half the spans' characters are in lines as wide or wider
    than: a worksheet's many small cells under a page's columns of text don't make them a
    table's columns."""
    ordered = sorted(spans, key=lambda span: span[1] - span[0])
    half = sum(len(span[2]) for span in ordered) / 2
    total = 0
    for span in ordered:
        total += len(span[2])
        if total >= half:
            return span[1] - span[0]
    return 0.0


def _joined(spans: Sequence[Span]) -> list[Span]:
    """``spans`` with the parts of one line set a word space apart (a justified column's
    line with a wide space) as one; a table's cells, farther apart, stay apart."""
    joined: list[Span] = []
    last: dict[Hashable, int] = {}
    for span in sorted(spans, key=lambda span: span[0]):
        at = last.get(span[4])
        if at is not None and span[0] - joined[at][1] <= JOIN_GAP * span[5]:
            left, _, text, y, key, size = joined[at]
            joined[at] = (left, max(joined[at][1], span[1]), text, y, key, size)
        else:
            last[span[4]] = len(joined)
            joined.append(span)
    return joined


def _opens_small(text: str) -> bool:
    """Whether a line opens in a small letter, or in a script without capitals (Chinese): a
    sentence running on from the line before."""
    first = text.lstrip()[:1]
    return first.islower() or (first.isalpha() and not first.isupper() and not first.isascii())


def in_columns(lines: list[Line], found: Sequence[float]) -> list[Line]:
    """``lines`` in reading order on a page of columns parted at ``found``: between lines that
    cross a gutter, and white strips across the page under lines that stand over some of the
    columns only (a journal's masthead; a slide's three columns' headings are theirs), each
    column top to bottom, left to right; each line marked with its column."""
    ordered: list[Line] = []
    band: list[Line] = []
    above: Line | None = None
    for line in _drawn_once(sorted(lines, key=lambda ln: -ln.y)):
        column = sum(line.x0 >= x for x in found)
        across = any(line.x0 < x < line.x1 for x in found)
        strip = above is not None and above.y - line.y > BAND_GAP * max(line.size, 1.0)
        if across or (strip and len({ln.column for ln in band}) <= len(found)):
            ordered.extend(sorted(band, key=lambda ln: (ln.column, -ln.y)))
            band = []
        if across:
            ordered.append(line)
        else:
            band.append(replace(line, column=column))
        above = line
    ordered.extend(sorted(band, key=lambda ln: (ln.column, -ln.y)))
    return ordered


def _drawn_once(lines: list[Line]) -> list[Line]:
    """``lines`` without a second copy of a line drawn twice where it stands (a voucher's
    every line of small print): read top to bottom, the copies' lines interleaved ("Before
    redeeming … a valid, Before redeeming … a valid,"), where PDFium's order kept each copy
    whole, and the second was dropped as a paragraph read twice."""
    seen: set[tuple[str, int, int]] = set()
    kept = []
    for line in lines:
        key = (line.text, round(line.x0), round(line.y))
        if key not in seen:
            seen.add(key)
            kept.append(line)
    return kept
