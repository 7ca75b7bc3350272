"""A Word form's box drawn down a column of table cells: each row's cell in that column holds a
line of it, and the cells' borders leave out the rules between them, which the cells beside
them draw ("Attach photo here" / "size: 40 mm x 35mm" / "white or off-white background" / …
beside the form's fields). Read row by row, the box's lines were scattered over the rows of
fields beside it; it is one cell."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from docx.table import Table, _Cell

_OPEN = frozenset({"nil", "none"})  # a border left out


def boxed_cells(table: Table, text: Callable[[Any], str]) -> dict[Any, str]:
    """The text of each cell of ``table`` (by its ``w:tc``) that is part of a box of two
    cells or more, the whole box's in its first cell, nothing in the others. A box: cells one
    under the other at the same grid column and width, the upper's bottom border and the
    lower's top border left out, where a cell beside them draws the rule between those rows
    (a table drawn without rules between its rows has no boxes)."""
    boxes: dict[Any, str] = {}
    runs: dict[tuple[int, int], list[Any]] = {}  # (grid column, width) -> the box so far
    ruled = False
    previous: list[Any] = []
    for tr in table._tbl.tr_lst:
        cells = _placed(tr.tc_lst)
        drawn = any(_drawn(tc, "bottom") for tc in previous) or any(
            _drawn(tc, "top") for _, tc in cells
        )
        here: dict[tuple[int, int], list[Any]] = {}
        for key, tc in cells:
            box = runs.get(key)
            if box is not None and _left_out(box[-1], "bottom") and _left_out(tc, "top"):
                here[key] = [*box, tc]
                ruled = ruled or drawn
            else:
                here[key] = [tc]
        _settle([b for k, b in runs.items() if here.get(k, [None])[0] is not b[0]], ruled, table,
                text, boxes)  # fmt: skip
        runs, previous = here, [tc for _, tc in cells]
    _settle(list(runs.values()), ruled, table, text, boxes)
    return boxes


def _placed(tcs: list[Any]) -> list[tuple[tuple[int, int], Any]]:
    """A row's cells with their grid column and width."""
    placed, column = [], 0
    for tc in tcs:
        width = int(tc.xpath("string(./w:tcPr/w:gridSpan/@w:val)") or 1)
        placed.append(((column, width), tc))
        column += width
    return placed


def _border(tc: Any, side: str) -> str | None:
    """The cell's own ``side`` border ("single", "nil", …), None when it sets none."""
    values = tc.xpath(f"./w:tcPr/w:tcBorders/w:{side}/@w:val")
    return str(values[0]) if values else None


def _left_out(tc: Any, side: str) -> bool:
    """Whether the cell's ``side`` border is explicitly left out."""
    return _border(tc, side) in _OPEN and not tc.xpath("./w:tcPr/w:vMerge")


def _drawn(tc: Any, side: str) -> bool:
    border = _border(tc, side)
    return border is not None and border not in _OPEN


def _settle(
    found: list[list[Any]],
    ruled: bool,
    table: Table,
    text: Callable[[Any], str],
    boxes: dict[Any, str],
) -> None:
    """Record each box of ``found`` (two cells or more of words, in a table with rules)."""
    for box in found:
        lines = [line for tc in box if (line := text(_Cell(tc, table)).strip())]
        worded = sum(any(ch.isalpha() for ch in line) for line in lines) >= 2
        if len(box) < 2 or not ruled or not worded:
            continue
        boxes[box[0]] = "\n".join(lines)
        for tc in box[1:]:
            boxes[tc] = ""
