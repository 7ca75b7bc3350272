"""The rows of Sphinx's data tables in reST (see ``rest.py``): a ``csv-table``'s (inline: a
``:file:`` is not read, as a change to it would not be) and a ``list-table``'s (a list of rows,
each a list of cells).
Each cell is returned as its reST lines, which the caller reads as it reads a grid table's."""

from __future__ import annotations

import csv
import re

from retrieval.ingest.readers.restgrid import dedented

# A bullet list's item: a list-table's row, or its cell; a bullet alone on its line is an empty
# cell (docutils writes one so), else the cells after it move one column left.
_ITEM = re.compile(r"^[*+-](?:[ \t]+|$)")


def csv_rows(lines: list[str], options: dict[str, str]) -> list[list[list[str]]]:
    """The rows of a csv-table whose body is ``lines``: its ``:header:`` first (CSV too), then
    its body's, each cell as lines (a quoted cell may hold paragraphs). docutils reads CSV
    with spaces after a delimiter skipped, ``:delim:`` (one character, "tab" or "space") apart."""
    delimiter = _delimiter(options.get("delim", ","))
    if not "\n".join(lines).strip():
        return []  # no body (its rows in a :file:, which is not read): no labels alone either
    rows: list[list[list[str]]] = []
    for source in (options.get("header", ""), "\n".join(lines)):
        if not source.strip():
            continue
        lines_read = source.splitlines(keepends=True)  # a quoted cell's paragraphs kept apart
        reader = csv.reader(lines_read, delimiter=delimiter, skipinitialspace=True)
        try:
            rows += [[cell.split("\n") for cell in row] for row in reader if row]
        except csv.Error:  # a quote left open: Sphinx shows an error there, no table
            return []
    return rows


def _delimiter(value: str) -> str:
    value = value.strip()
    return {"tab": "\t", "space": " "}.get(value, value[:1] or ",")


def list_rows(lines: list[str]) -> list[list[list[str]]]:
    """The rows of a list-table whose body is ``lines``: each item of its outer list a row, the
    items of that item's inner list its cells."""
    return [_items(row) for row in _items(lines)]


def _items(lines: list[str]) -> list[list[str]]:
    """The items of the bullet list ``lines`` (at its own indent), each as its lines with the
    bullet made spaces, so the item's text keeps one indent."""
    items: list[list[str]] = []
    for line in dedented(lines):
        text = line if line.strip() else ""
        bullet = _ITEM.match(text)
        if bullet is not None:
            items.append([" " * bullet.end() + text[bullet.end() :]])
        elif items:
            items[-1].append(text)
    return [dedented(item) for item in items]
