"""Tables drawn as a grid of filled boxes, one per cell (a step of :mod:`pdf_tables`).

An HTML page printed to PDF (wkhtmltopdf, a browser) paints each cell of a table as a filled
rectangle, in the row's shade, with no rules: the boxes tile the table. A cell that spans rows
("Una sola persona cumple con la coordinación política…" beside "Político" and "Coordinador")
is one tall box. Read by baselines, such a table came apart: each wrapped line of a tall cell
was a row of its own, and a row's last cells went with the next. Read by its boxes, the table is
its rows of cells: a row per band between two box edges, each cell the text inside its box, a
cell that spans rows read in each of them (so "Coordinador" reads with all three examples).
"""

from __future__ import annotations

import ctypes
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import pypdfium2.raw as pdfium_c

if TYPE_CHECKING:
    from retrieval.ingest.readers.pdf_page import Line

SNAP = 1.0  # points: two box edges this close are one
MIN_BOXES = 6  # a grid of fewer boxes is a panel or two, no table
MIN_SIDE = 3.0  # points: a box narrower or lower than this is a rule, not a cell
MAX_BOXES = 600  # more boxes than any table paints on a page: a chart's, never read as cells
TILED = 0.03  # the boxes cover their hull to within this share: a grid, no overlapping panels


@dataclass(frozen=True)
class Box:
    """A filled rectangle: its edges in PDF points (y growing upwards) and its fill colour."""

    left: float
    bottom: float
    right: float
    top: float
    fill: tuple[int, int, int, int]

    def holds(self, x: float, y: float) -> bool:
        return self.left <= x <= self.right and self.bottom <= y <= self.top


def filled_box(obj: Any, bounds: tuple[float, float, float, float], segments: int) -> Box | None:
    """The box the path ``obj`` of ``segments`` segments paints, when it is a filled rectangle
    (at most five segments: a move, three or four lines, a close) wider and higher than a
    rule."""
    left, bottom, right, top = bounds
    if right - left < MIN_SIDE or top - bottom < MIN_SIDE:
        return None
    if not 4 <= segments <= 5 or not filled(obj):
        return None
    fill = fill_colour(obj)
    return Box(left, bottom, right, top, fill) if fill is not None else None


def filled(obj: Any) -> bool | None:
    """Whether the path ``obj`` is filled; None when its drawing mode can't be read."""
    mode, stroke = ctypes.c_int(), ctypes.c_int()
    if not pdfium_c.FPDFPath_GetDrawMode(obj, ctypes.byref(mode), ctypes.byref(stroke)):
        return None
    return bool(mode.value != pdfium_c.FPDF_FILLMODE_NONE)


def fill_colour(obj: Any) -> tuple[int, int, int, int] | None:
    """``obj``'s fill colour: red, green, blue and alpha; None when it can't be read."""
    rgba = [ctypes.c_uint() for _ in range(4)]
    if not pdfium_c.FPDFPageObj_GetFillColor(obj, *(ctypes.byref(v) for v in rgba)):
        return None
    r, g, b, a = (int(v.value) for v in rgba)
    return r, g, b, a


def grids(boxes: Sequence[Box]) -> list[list[Box]]:
    """The grids of cells among a page's filled boxes: boxes that touch edge to edge, at least
    :data:`MIN_BOXES` of them in two columns or more and three rows or more, tiling their hull.
    A box painted over another of the same edges (a white ground, then the cell's shade) is the
    upper one."""
    drawn = {(round(b.left), round(b.bottom), round(b.right), round(b.top)): b for b in boxes}
    unique = list(drawn.values())
    if len(unique) < MIN_BOXES or len(unique) > MAX_BOXES:
        return []
    parent = list(range(len(unique)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, a in enumerate(unique):
        for j in range(i + 1, len(unique)):
            if _touch(a, unique[j]):
                parent[root(i)] = root(j)
    groups: dict[int, list[Box]] = {}
    for i, box in enumerate(unique):
        groups.setdefault(root(i), []).append(box)
    return [group for group in groups.values() if _is_grid(group)]


def _touch(a: Box, b: Box) -> bool:
    """Whether ``a`` and ``b`` share a stretch of an edge, side by side or one over the other."""
    across = min(a.top, b.top) - max(a.bottom, b.bottom) > SNAP
    down = min(a.right, b.right) - max(a.left, b.left) > SNAP
    beside = abs(a.right - b.left) <= SNAP or abs(b.right - a.left) <= SNAP
    over = abs(a.bottom - b.top) <= SNAP or abs(b.bottom - a.top) <= SNAP
    return (across and beside) or (down and over)


def _is_grid(group: Sequence[Box]) -> bool:
    if len(group) < MIN_BOXES:
        return False
    if len(_edges([b.left for b in group])) < 2 or len(_edges([b.top for b in group])) < 3:
        return False
    left, right, bottom, top = hull(group)
    whole = (right - left) * (top - bottom)
    area = sum((b.right - b.left) * (b.top - b.bottom) for b in group)
    return whole > 0 and abs(area - whole) <= TILED * whole


def _edges(values: Sequence[float]) -> list[float]:
    """``values`` sorted, those within :data:`SNAP` of the one before dropped."""
    edges: list[float] = []
    for value in sorted(values):
        if not edges or value - edges[-1] > SNAP:
            edges.append(value)
    return edges


Hull = tuple[float, float, float, float]


def hull(grid: Sequence[Box]) -> Hull:
    """The grid's outer edges: left, right, bottom, top."""
    return (
        min(b.left for b in grid),
        max(b.right for b in grid),
        min(b.bottom for b in grid),
        max(b.top for b in grid),
    )


def _middle(line: Line) -> tuple[float, float]:
    """Where a line stands: the middle of its width, a third up its letters."""
    return (line.x0 + line.x1) / 2, line.y + 0.3 * line.size


def hull_holds(edges: Hull, line: Line) -> bool:
    """Whether the middle of ``line`` stands inside a grid's outer ``edges`` (:func:`hull`)."""
    x, y = _middle(line)
    left, right, bottom, top = edges
    return left <= x <= right and bottom <= y <= top


@dataclass
class BoxTable:
    """A grid's rows: each row's cells as the lines of text in them, the baseline of the row's
    top line, and whether the first row is a header painted in a shade no row under it has."""

    records: list[list[list[str]]]
    tops: list[float]
    header: bool
    bold: bool = False  # the first row in bold over rows that are not: a header, though unpainted


def read_grid(grid: Sequence[Box], pieces: Sequence[Line]) -> BoxTable | None:
    """The table ``grid`` holds, with ``pieces`` (the cells of the page's lines inside it) put in
    the box they stand in; None when its boxes hold text in fewer than two columns."""
    inside: dict[int, list[Line]] = {}
    for piece in pieces:
        number = _box_at(grid, *_middle(piece))
        if number is not None:
            inside.setdefault(number, []).append(piece)
    lefts = _edges([b.left for b in grid])
    tops = _edges([b.top for b in grid])[::-1]
    _, right, bottom, _ = hull(grid)
    xs = [(a + b) / 2 for a, b in zip(lefts, [*lefts[1:], right], strict=True)]
    ys = [(a + b) / 2 for a, b in zip(tops, [*tops[1:], bottom], strict=True)]
    rows: list[list[int | None]] = []
    kept: list[float] = []  # the middle of each row's band
    for y in ys:
        row = [_box_at(grid, x, y) for x in xs]
        # a band whose text all stands in boxes the band above holds too is no row of its own:
        # a row's shade drawn as boxes cut across its name's cell repeated its figures
        own = {n for n in row if n in inside} - set(rows[-1] if rows else [])
        if own:
            rows.append(row)
            kept.append(y)
    if len(rows) < 2 or sum(any(r[c] in inside for r in rows) for c in range(len(xs))) < 2:
        return None
    records = [[_texts(inside.get(n, [])) if n is not None else [] for n in row] for row in rows]
    firsts = [tops[ys.index(y)] - 1.0 for y in kept]
    head = {grid[n].fill for n in rows[0] if n is not None}
    body = {grid[n].fill for row in rows[1:] for n in row if n is not None}
    heads = [p for n in rows[0] if n is not None for p in inside.get(n, [])]
    rest = [p for row in rows[1:] for n in row if n is not None for p in inside.get(n, [])]
    bold = bool(heads) and all(p.bold for p in heads) and not all(p.bold for p in rest)
    # A header row is painted in one shade the body does not use: a grid of swatches, each cell
    # its own shade, has none (a colour chart's captions were labelled with another row's).
    shaded = len(head) == 1 and not head & body
    return BoxTable(records, firsts, header=len(rows) >= 3 and shaded, bold=bold)


def _box_at(grid: Sequence[Box], x: float, y: float) -> int | None:
    return next((n for n, box in enumerate(grid) if box.holds(x, y)), None)


def _texts(pieces: Sequence[Line]) -> list[str]:
    """A cell's lines top to bottom, left to right."""
    return [p.text for p in sorted(pieces, key=lambda p: (-round(p.y), p.x0))]
