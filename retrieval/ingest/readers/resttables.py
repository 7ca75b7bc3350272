"""reST's simple tables ("=====  =====" borders over rows of cells) as Markdown's tables, read
row by row as those are (see ``rest.py``)."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

_BORDER = re.compile(r"^[ \t]*=+(?:[ \t]+=+)+[ \t]*$")  # two columns or more
_SPAN_RULE = re.compile(r"^[ \t]*-+(?:[ \t]+-+)*[ \t]*$")  # a header cell's span: "-------"


def is_border(line: str) -> bool:
    """Whether ``line`` is a simple table's border ("=========== ======")."""
    return _BORDER.match(line) is not None


def table_end(lines: list[str], index: int) -> int:
    """The index after the simple table whose top border is ``lines[index]``: after its last
    border (the one followed by a blank line or the end), or ``index`` when none closes it
    before two blank lines do. (Looked for from ``index`` on, once: a page of two thousand
    tables took five seconds when every table looked through the rest of the file.)"""
    for at in range(index + 1, len(lines)):
        if not lines[at].strip() and at + 1 < len(lines) and not lines[at + 1].strip():
            return index  # two blank lines before any closing border
        if is_border(lines[at]) and (at + 1 == len(lines) or not lines[at + 1].strip()):
            return at + 1
    return index


def table(lines: list[str], inline: Callable[[str], str]) -> list[str]:
    """The simple table ``lines`` (borders included) as Markdown: under a header, a Markdown
    table (its rows read with their column's labels); without one, two columns as a definition
    list ("string: accepts any text without a slash"), more as a paragraph a row, its cells
    apart ("a | b | c"). A row's next lines (first cell blank) are joined to it."""
    spans = [(m.start(), m.end()) for m in re.finditer(r"=+", lines[0])]
    inner = [at for at in range(1, len(lines) - 1) if is_border(lines[at])]
    if not inner:
        rows = [[inline(cell) for cell in row] for row in _rows(lines[1:-1], spans)]
        if len(spans) == 2:
            return [line for term, said in rows for line in ("", term, ":   " + said, "")]
        return [line for row in rows for line in ("", " \\| ".join(row), "")]
    head = [" ".join(cells) for cells in zip(*_rows(lines[1 : inner[0]], spans), strict=True)]
    out = ["", _row(head, inline), "|" + "---|" * len(spans)]
    return [*out, *(_row(cells, inline) for cells in _rows(lines[inner[0] + 1 : -1], spans)), ""]


def _rows(lines: list[str], spans: list[tuple[int, int]]) -> list[list[str]]:
    rows: list[list[str]] = []
    for line in lines:
        if not line.strip() or _SPAN_RULE.match(line):
            continue
        cells = [_cell(line, spans, column) for column in range(len(spans))]
        if rows and not cells[0]:  # the row above goes on
            rows[-1] = [f"{old} {new}".strip() for old, new in zip(rows[-1], cells, strict=True)]
        else:
            rows.append(cells)
    return rows


def _cell(line: str, spans: list[tuple[int, int]], column: int) -> str:
    """The cell of ``column`` in ``line``, by the columns the border sets, counted as docutils
    counts them: a Chinese or Japanese character (wide) takes two ("名前    説明" has 名前 in
    the first six)."""
    start = spans[column][0]
    end = spans[column + 1][0] if column + 1 < len(spans) else None
    kept, at = [], 0
    for char in line:
        if at >= start and (end is None or at < end):
            kept.append(char)
        at += 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1
    return "".join(kept).strip()


def _row(cells: list[str], inline: Callable[[str], str]) -> str:
    return "| " + " | ".join(inline(cell).replace("|", "\\|") for cell in cells) + " |"
