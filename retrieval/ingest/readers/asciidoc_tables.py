"""AsciiDoc's tables written as Markdown tables (see :mod:`retrieval.ingest.readers.asciidoc`).

A table ("|===") holds cells, each opened by "|" (or the separator its attributes name; "!" in
a table nested in a cell, commas and colons in CSV and DSV tables), laid out in rows of as many
columns as its ``cols`` attribute names, else as the cells of its first line. A cell's
specifier before its "|" may span columns ("2+|"), rows (".2+|"), repeat it ("3*|") or style it
("a|" AsciiDoc, "m|" monospace). The first row is a header when the attributes say so
("%header") or when it stands on the table's first line with a blank line under it.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from retrieval.ingest.readers.asciidoc_inline import Context, inline

if TYPE_CHECKING:
    from retrieval.ingest.readers.asciidoc_blocks import Attributes

# A cell's specifier: "3*" copies, "2+" columns, ".2+" rows, "2.3+" both, alignments, a style.
_SPEC = re.compile(
    r"(?:^|(?<=\s))(?P<spec>(?:(?P<copies>\d+)\*)?(?:(?P<columns>\d+)?(?:\.(?P<rows>\d+))?\+)?"
    r"(?:[<^>])?(?:\.[<^>])?(?P<style>[adehlmsv])?)$"
)
_COLUMN = re.compile(r"^(?:(?P<copies>\d+)\*)?.*?(?P<style>[adehlmsv])?$")
# A line of markup alone: an attribute list ("[source,yaml]"), an anchor ("[[id]]"), a delimiter,
# a continuation; not a line opening with an anchor ("[[id]]xref:id[`topic.regex`]", its text).
_MARKUP_LINE = re.compile(r"^(?:\[(?:[^\[].*)?\]|\[\[[^\]]*\]\]|[-.=*_+/]{4,}|--|\+|//.*)$")
_LIST_MARK = re.compile(r"^(?:\*+|-|\.+|\d+\.|<\d+>)\s+")


@dataclass
class _Cell:
    text: str
    columns: int = 1
    rows: int = 1
    style: str = ""


def table(opening: str, body: list[str], attributes: Attributes, context: Context) -> list[str]:
    """The Markdown table of a table's ``body`` lines."""
    fmt = attributes.named.get("format", {",": "csv", ":": "dsv"}.get(opening[0], "psv"))
    separator = attributes.named.get("separator") or {"csv": ",", "dsv": ":", "tsv": "\t"}.get(
        fmt, "|"
    )
    if opening[0] == "!" and fmt == "psv":
        separator = "!"
    while body and not body[0].strip():
        body = body[1:]
    if not body:
        return []
    if fmt == "psv":
        cells = _cells("\n".join(body), separator)
        first = sum(cell.columns for cell in _cells(body[0], separator))
    else:
        rows = list(csv.reader(body, delimiter=separator[0]))
        cells, first = [_Cell(cell) for row in rows for cell in row], len(rows[0]) if rows else 0
    cols = attributes.named.get("cols", "").strip()
    styles = _column_styles(cols)
    width = (int(cols) if cols.isdecimal() else len(styles)) or first  # "3": three, unstyled
    if not width or not cells:
        return []
    header = "header" in attributes.options or (
        "noheader" not in attributes.options and len(body) > 1 and not body[1].strip()
    )
    return _markdown(_laid_out(cells, width, context, styles, header), header)


def _cells(text: str, separator: str) -> list[_Cell]:
    """The cells of a table's text, each opened by ``separator`` and the specifier before it."""
    cells: list[_Cell] = []
    pieces = re.split(rf"(?<!\\){re.escape(separator)}", text)
    spec: re.Match[str] | None = None
    for index, piece in enumerate(pieces):
        following = _SPEC.search(piece) if index < len(pieces) - 1 else None
        if following is not None and not following["spec"]:
            following = None
        content = piece[: following.start("spec")] if following is not None else piece
        if index > 0:
            cell = _cell(content.replace("\\" + separator, separator), spec)
            copies = int(spec["copies"]) if spec is not None and spec["copies"] else 1
            cells.extend([cell] * copies)
        spec = following
    return cells


def _cell(text: str, spec: re.Match[str] | None) -> _Cell:
    if spec is None:
        return _Cell(text)
    columns = int(spec["columns"]) if spec["columns"] else 1
    rows = int(spec["rows"]) if spec["rows"] else 1
    return _Cell(text, columns, rows, spec["style"] or "")


def _column_styles(cols: str) -> list[str]:
    """The style ``cols`` gives each column, one entry a column ("1,2,3" three, "3*" three, "2*,1"
    three; "3,4,6a": the third's cells are AsciiDoc, "8*m" all eight monospace), "" where it
    gives none."""
    styles: list[str] = []
    for part in re.split(r"[,;]", cols) if cols else []:
        match = _COLUMN.match(part.strip())
        if match is not None:
            copies = int(match["copies"]) if match["copies"] else 1
            styles += [match["style"] or ""] * copies
    return styles


def _laid_out(
    cells: list[_Cell], width: int, context: Context, styles: list[str], header: bool
) -> list[list[str]]:
    """The cells' text in rows of ``width`` columns; a cell spanning columns or rows leaves the
    places it covers empty. A cell without a style of its own takes its column's (the header
    row's never: Asciidoctor shows it as a header): a Spring or Asciidoctor PDF table of
    examples ("cols="3,4,6a"") showed "[source] abstract: font-color: #5C6266"."""
    rows: list[list[str]] = []
    row: list[str] = []
    covered: dict[int, int] = {}  # a column → how many rows below a cell spanning rows covers
    for cell in cells:
        while len(row) < width and covered.get(len(row), 0) > 0:
            covered[len(row)] -= 1
            row.append("")
        if cell.rows > 1:
            for column in range(len(row), len(row) + cell.columns):
                covered[column] = cell.rows - 1
        column = len(row)
        if not cell.style and column < len(styles) and not (header and not rows):
            cell = replace(cell, style=styles[column])
        row.append(_cell_text(cell, context))
        row.extend([""] * (cell.columns - 1))
        if len(row) >= width:
            rows.append(row[:width])
            row = []
    if any(row):
        rows.append(row + [""] * (width - len(row)))
    return rows


def _cell_text(cell: _Cell, context: Context) -> str:
    """A cell's text on one line, without its comment lines; AsciiDoc content ("a|") read as
    its paragraphs and items."""
    lines = [line.strip() for line in cell.text.strip().split("\n")]
    lines = [line for line in lines if line and not line.startswith("//")]
    if cell.style == "a":
        lines = [_LIST_MARK.sub("", line) for line in lines if not _MARKUP_LINE.match(line)]
    if cell.style in ("m", "l") and lines:
        return "`" + " ".join(lines).replace("`", "") + "`"
    return inline("\n".join(lines), context).replace("\n", " ")


def _markdown(rows: list[list[str]], header: bool) -> list[str]:
    """Rows as a Markdown table; one without a header has an empty one, as Markdown needs."""
    width = len(rows[0])
    head = rows[0] if header else [""] * width
    body = rows[1:] if header else rows

    def line(cells: list[str]) -> str:
        return "| " + " | ".join(re.sub(r"(?<!\\)\|", r"\\|", cell) for cell in cells) + " |"

    return [line(head), "|" + " --- |" * width, *(line(row) for row in body)]
