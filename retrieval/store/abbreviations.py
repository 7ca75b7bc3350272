"""The abbreviations a corpus defines (:mod:`retrieval.search.abbreviations`), kept in its
database with the corpus version they were found in: the bot starts far more often than the
documents change, and finding them reads every passage holding a parenthesis."""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence

from retrieval.search.abbreviations import Found
from retrieval.store.corpus import CorpusStore
from retrieval.store.db import transaction

KEY = "abbreviations"  # of the meta table


class DefinedAbbreviations:
    """The abbreviations kept in one corpus database, and the passages they are found in."""

    def __init__(self, store: CorpusStore) -> None:
        self.store = store

    def kept(self, version: str) -> list[Found] | None:
        """Those found at ``version`` (of the corpus and of what is found), or None: not kept,
        or kept at another version."""
        value = self.store.meta(KEY)
        stored = json.loads(value) if value is not None else None
        if not isinstance(stored, dict) or stored.get("version") != version:
            return None
        return [(str(long), str(short), str(lang)) for long, short, lang in stored["found"]]

    def keep(self, version: str, found: Sequence[Found]) -> None:
        """Keep ``found`` for ``version``, committed at once. It is written after a refresh's
        transaction, when the index is opened: left open, the write held the database's lock,
        and the bot's tables in the same file could not be written ("database is locked")."""
        value = json.dumps({"version": version, "found": [list(f) for f in found]})
        with transaction(self.store.db):
            self.store.set_meta(KEY, value)

    def texts_holding(self, mark: str) -> Iterator[tuple[str, str]]:
        """The text and language of every passage holding ``mark``, in the corpus's order
        (SQLite finds them: most passages hold none, and need not be read into Python)."""
        cursor = self.store._reader().execute(
            "select text, lang from passages where instr(text, ?) > 0 order by rowid", [mark]
        )
        for text, lang in cursor:
            yield str(text), str(lang)
