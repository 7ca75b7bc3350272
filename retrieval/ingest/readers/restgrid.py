"""reST's grid tables ("+-----+-----+" borders around "| cell |" rows) as rows of cells, read as
simple tables are (see ``rest.py`` and ``resttables.py``): under a header ("+=====+" below
it), each row with its columns' labels; without one, each row a paragraph of its cells.

A cell may hold paragraphs, lists and roles: it is read as reST and its text flattened into
one line, its list items apart ("System Config path: Environment > Web Server; config.json
setting: …"). Cells are found as docutils finds them, from corner to corner, so a cell
spanning columns or rows is one cell (a cell over several rows is read with each of them).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass

from retrieval.ingest.readers.common import TERMINAL

_BORDER = re.compile(r"^[ \t]*\+(?:[-=]+\+)+[ \t]*$")  # "+-----+----+", "+=====+"
_WIDE_PAD = "\x00"  # after a wide character, which takes two columns (docutils does so)
_MARK = re.compile(r"^(?:[-*+]|\d+[.)]|:  )\s+")  # a Markdown list item's or definition's
_MARKDOWN_MARK = re.compile(r"^([-+*#>]|\d+[.)])(?=\s)")  # what would open a list or heading
_DEFINITION_WORDS = 6  # a first column of cells this short names what the second describes


@dataclass(frozen=True)
class _Cell:
    top: int
    left: int
    bottom: int
    right: int
    lines: list[str]


def is_grid_border(line: str) -> bool:
    """Whether ``line`` is a grid table's top border ("+-----+-----+")."""
    return _BORDER.match(line) is not None and "-" in line


def grid_end(lines: list[str], index: int) -> int:
    """The index after the grid table whose top border is ``lines[index]``: its lines all open
    with "+" or "|" at the border's indent, the last a border; ``index`` when there is none."""
    indent = len(lines[index]) - len(lines[index].lstrip())
    end = index + 1
    while end < len(lines) and lines[end][indent : indent + 1] in ("+", "|"):
        if lines[end][:indent].strip():
            break
        end += 1
    return end if end - index >= 3 and _BORDER.match(lines[end - 1]) else index


def grid_table(lines: list[str], body: Callable[[list[str]], list[str]]) -> list[str] | None:
    """The grid table ``lines`` (its indent removed) as Markdown: a table under its header, or
    each row a paragraph ("cell | cell"), two columns naming and describing a definition
    list; ``body`` reads a cell's lines as Markdown. None when the lines are no well-formed
    grid (they are then read as text)."""
    found = grid_cells(lines, body)
    return None if found is None else table_markdown(*found)


Rows = list[list[str]]


def grid_cells(
    lines: list[str], body: Callable[[list[str]], list[str]]
) -> tuple[Rows, Rows] | None:
    """The grid table ``lines`` (its indent removed) as its header rows and its other rows,
    each a list of its cells' text on one line (``body`` reads a cell's lines); None when the
    lines are no well-formed grid."""
    block = [_padded(line.rstrip()) for line in lines]
    width = len(block[0])
    if any(len(line) != width for line in block):
        realigned = _realigned(block)
        if realigned is None:
            return None
        block = realigned
    separator = next(
        (at for at, line in enumerate(block) if at and "=" in line and _BORDER.match(line)), None
    )  # (a row's text may hold "=": "LimitNOFILE=49152")
    if separator is not None:
        block[separator] = block[separator].replace("=", "-")
    cells = _cells(block)
    if cells is None:
        return None
    columns = sorted({cell.left for cell in cells})
    tops = sorted({cell.top for cell in cells})
    rows: list[list[str]] = []
    head: list[list[str]] = []
    for top in tops:
        row = [""] * len(columns)
        for cell in cells:
            if cell.top <= top < cell.bottom:  # spanning rows: read with each of them
                row[columns.index(cell.left)] = flat(body(cell.lines))
        (head if separator is not None and top < separator else rows).append(row)
    return head, rows


def table_markdown(head: list[list[str]], rows: list[list[str]]) -> list[str]:
    """Rows of cells (each one line) as Markdown: under the header rows ``head`` (their cells
    joined a column at a time) a table; without, each row a paragraph, or a definition list
    when two columns name and describe."""
    cells = len((head + rows)[0]) if head + rows else 0
    if head and rows:
        labels = [" ".join(cell for cell in column if cell) for column in zip(*head, strict=True)]
        out = ["", _row(labels), "|" + "---|" * cells]
        return [*out, *(_row(row) for row in rows), ""]
    rows = head + rows
    if cells == 2 and all(len(row[0].split()) <= _DEFINITION_WORDS for row in rows):
        return [line for term, said in rows for line in ("", as_text(term), ":   " + said, "")]
    return [line for row in rows for line in ("", as_text(" \\| ".join(c for c in row if c)), "")]


def as_text(line: str) -> str:
    """``line`` read as text by Markdown: a mark opening it ("# of users", "- 1") escaped, or
    the row would be read as a heading or a list."""
    return _MARKDOWN_MARK.sub(r"\\\1", line)


def _row(cells: list[str]) -> str:
    return "| " + " | ".join(cell.replace("|", "\\|") for cell in cells) + " |"


def _realigned(block: list[str]) -> list[str] | None:
    """``block`` with its rows a character too long or short set back on the top border's
    columns (docutils calls such a table malformed and Sphinx shows its ASCII art; its author
    meant the columns the border draws): each such line's cells, split at its bars, padded to
    their columns. None when a line has other cells than the border or a cell does not fit."""
    corners = [at for at, mark in enumerate(block[0]) if mark == "+"]
    out: list[str] = []
    for line in block:
        if len(line) == len(block[0]):
            out.append(line)
            continue
        mark = "+" if line.startswith("+") else "|"
        cells = line.strip()[1:-1].split(mark)
        if len(cells) != len(corners) - 1 or not line.strip().endswith(mark):
            return None
        fill = "=" if mark == "+" and "=" in line else "-"
        rebuilt = mark
        for cell, start, end in zip(cells, corners, corners[1:], strict=False):
            text = cell.rstrip() if mark == "|" else fill * (end - start - 1)
            if len(text) > end - start - 1:
                return None
            rebuilt += text.ljust(end - start - 1) + mark
        out.append(rebuilt)
    return out


def _padded(line: str) -> str:
    """``line`` with a pad after each wide character, so columns count as docutils counts."""
    if line.isascii():
        return line
    return "".join(
        char + _WIDE_PAD if unicodedata.east_asian_width(char) in ("W", "F") else char
        for char in line
    )


def flat(markdown: list[str]) -> str:
    """A cell's Markdown as one line: a paragraph's lines joined, its list items, paragraphs and
    boxes kept apart by a semicolon when nothing ends them ("… Web Server; config.json …")."""
    parts: list[str] = []
    new = True
    for raw in markdown:
        line = raw.strip()
        if not line or line.startswith("````"):
            new = True
            continue
        if line.startswith(("!!!", "===")):  # a box's or a tab's title: 'Note "Title"'
            title = line.split('"')[1] if line.count('"') >= 2 else ""
            line = f"{title}:" if title else ""
            if not line:
                continue
        item = _MARK.match(line)
        if item is not None:
            line, new = line[item.end() :], True
        if new or not parts:
            parts.append(line)
        else:
            parts[-1] += " " + line
        new = False
    text = ""
    for part in parts:
        glue = " " if not text or text.endswith(TERMINAL) else "; "
        text = f"{text}{glue}{part}" if text else part
    return text


def _cells(block: list[str]) -> list[_Cell] | None:
    """The cells of the grid ``block`` (docutils' algorithm: from each top-left corner, right
    along the top edge, down the right one, back along the bottom and up the left)."""
    bottom, right = len(block) - 1, len(block[0]) - 1
    done = [-1] * (right + 1)
    corners = [(0, 0)]
    cells: list[_Cell] = []
    while corners:
        top, left = corners.pop(0)
        if top == bottom or left == right or top <= done[left]:
            continue
        found = _scan(block, top, left)
        if found is None:
            continue
        low, high = found
        for column in range(left, high):
            done[column] = low - 1
        inside = [line[left + 1 : high] for line in block[top + 1 : low]]
        content = [line.replace(_WIDE_PAD, "").rstrip() for line in inside]
        cells.append(_Cell(top, left, low, high, dedented(content)))
        corners += [(top, high), (low, left)]
        corners.sort()
    covered = sum((cell.bottom - cell.top) * (cell.right - cell.left) for cell in cells)
    return cells if cells and covered == bottom * right else None


def _scan(block: list[str], top: int, left: int) -> tuple[int, int] | None:
    """The bottom and right of the cell whose top-left corner is at (``top``, ``left``)."""
    line = block[top]
    for right in range(left + 1, len(line)):
        if line[right] == "+":
            bottom = _down(block, top, left, right)
            if bottom is not None:
                return bottom, right
        elif line[right] != "-":
            return None
    return None


def _down(block: list[str], top: int, left: int, right: int) -> int | None:
    for bottom in range(top + 1, len(block)):
        mark = block[bottom][right]
        if mark == "+" and _closed(block, top, left, bottom, right):
            return bottom
        if mark not in "+|":
            return None
    return None


def _closed(block: list[str], top: int, left: int, bottom: int, right: int) -> bool:
    """Whether the bottom edge runs back to a corner at ``left`` and the left edge up to the
    top."""
    edge = block[bottom][left : right + 1]
    if edge[0] != "+" or any(mark not in "-+" for mark in edge):
        return False
    return all(block[at][left] in "+|" for at in range(top + 1, bottom))


def dedented(lines: list[str]) -> list[str]:
    """``lines`` less the indent they all share (blank lines aside)."""
    inner = min((len(line) - len(line.lstrip()) for line in lines if line.strip()), default=0)
    return [line[inner:] for line in lines]
