"""Which table each table caption names, in Word and OpenDocument files alike.

A caption says what it numbers: Word's ``SEQ Table`` field, LibreOffice's
``<text:sequence text:name="Table">``, or, in a caption style without a field, its first word
("Tabelle 2", "表 1"). A figure's caption ("Figure 1", ``SEQ Illustration``) right above a table
is the picture's, never the table's. A caption between two tables goes to the one on the side
the document's other captions stand (a document sets its captions all above or all below its
tables), or to the one that has no caption yet; when nothing tells, to neither, and it stays
a paragraph. Each table takes one caption: a second stays a paragraph too, so no caption's
words are lost.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

# The word captions number tables with, in the languages Word and LibreOffice label them in.
_TABLE_WORDS = (
    "table", "tab.", "tabelle", "tableau", "tabla", "tabela", "tabella", "tabel", "tabell",
    "tabulka", "taulukko", "tablo", "táblázat", "tafla", "πίνακας", "таблица", "таблиця",
    "табл.", "табела", "表", "표", "جدول", "טבלה", "bảng",
)  # fmt: skip
_LEADING = re.compile(r"\s*(\S+)")


def names_tables(label: str) -> bool:
    """Whether ``label`` (a sequence field's name, or a caption's text) starts with a word for
    tables standing alone ("Table 3", "表1", "Tab. 2"; not "Tables of …" nor "表示")."""
    folded = label.casefold().lstrip()
    for word in _TABLE_WORDS:
        if folded.startswith(word):
            rest = folded[len(word) :]
            if not rest or not rest[0].isalpha():
                return True
    return False


def of_tables(fields: Sequence[str], styled: bool, text: str) -> bool:
    """Whether a paragraph is a table's caption: its numbering fields (their names) number
    tables, or it has none, is in a caption style and its text starts with a table word."""
    if fields:
        return any(names_tables(name) for name in fields)
    return styled and names_tables(text)


@dataclass(frozen=True)
class Candidate:
    """A table's caption and the tables right above (``up``) and below (``down``) it."""

    caption: Any
    up: Any | None
    down: Any | None


def assign(candidates: Sequence[Candidate]) -> dict[Any, Any]:
    """Each caption that names a table, mapped to that table (see the module's docstring);
    ``candidates`` in document order, each with a table on at least one side."""
    alone = [c for c in candidates if (c.up is None) != (c.down is None)]
    above = sum(1 for c in alone if c.down is not None)
    below = len(alone) - above
    side = "above" if above > below else "below" if below > above else ""
    taken: dict[Any, Any] = {}  # table → caption

    def usual(c: Candidate) -> int:  # a caption where the others stand comes first
        return 0 if side == ("above" if c.down is not None else "below") else 1

    for c in sorted(alone, key=usual):  # sorted() keeps document order among equals
        table = c.up if c.up is not None else c.down
        taken.setdefault(table, c.caption)
    for c in candidates:
        if c.up is None or c.down is None:
            continue
        free = [t for t in (c.up, c.down) if t not in taken]
        if len(free) == 2 and side:
            free = [c.down if side == "above" else c.up]
        if len(free) == 1:
            taken[free[0]] = c.caption
    return {caption: table for table, caption in taken.items()}
