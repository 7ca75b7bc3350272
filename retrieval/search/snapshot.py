"""The searchable snapshot of a corpus: its BM25 index and what question preparation needs.

A :class:`Snapshot` is built from the store's passages in one pass (:func:`build`) and saved beside
the database (:func:`save`); the next start loads it (:func:`load`) when its tag still matches the
corpus version, the analyzer and the synonym table. It is immutable: a reload builds a new one and
the library swaps it in with one assignment, so a question never sees half of each.
"""

from __future__ import annotations

import logging
import time
from array import array
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import numpy.typing as npt

from retrieval.search.analyzer import Analyzer
from retrieval.search.bm25 import BM25Index
from retrieval.store.corpus import CorpusStore

log = logging.getLogger(__name__)

_SENTENCE_ENDS = frozenset('.!?:;"“(')  # the character before the space before a word


@dataclass(frozen=True)
class Snapshot:
    """Everything one search needs, swapped as a whole when the corpus is reloaded."""

    index: BM25Index
    rowids: npt.NDArray[np.int64]  # passage number in the index → rowid in SQLite
    words: dict[str, str]  # folded word as written → its term (for spelling correction)
    proper: frozenset[str]  # terms mostly written with a capital: names of places and bodies
    version: str


def load(path: Path, tag: str) -> Snapshot | None:
    """The snapshot saved at ``path`` with this ``tag``; None when missing, stale or damaged."""
    loaded = BM25Index.load(path, tag)
    if loaded is None:
        return None
    index, extras, side = loaded
    rowids = side.get("rowids", np.zeros(0, dtype=np.int64))
    if len(rowids) != index.n_docs:
        return None
    words = dict(zip(extras["words"], extras["word_terms"], strict=True))
    return Snapshot(index, rowids, words, frozenset(extras["proper"]), tag)


def save(snapshot: Snapshot, path: Path) -> None:
    """Write ``snapshot`` atomically; a read-only folder only costs a rebuild at the next start."""
    extras = {
        "words": list(snapshot.words),
        "word_terms": list(snapshot.words.values()),
        "proper": sorted(snapshot.proper),
    }
    try:
        snapshot.index.save(path, snapshot.version, extras, {"rowids": snapshot.rowids})
    except OSError as error:
        log.warning("could not save the index to %s: %s", path, error)


class _Collector:
    """Reads every passage once, yielding its fields for the index and noting, on the way, the
    spellings of each term and which terms are names."""

    def __init__(self, store: CorpusStore, analyzer: Analyzer) -> None:
        self.store = store
        self.analyzer = analyzer
        self.rowids = array("q")
        self.words: dict[str, str] = {}
        self.capitals: dict[str, int] = {}
        self.seen: dict[str, int] = {}
        self._heading_terms: dict[str, list[str]] = {}
        # The document's year counts with its title: "the 2008 statement" finds its passages.
        self.dates = {
            d.doc: [d.date[:4]] for d in store.documents() if d.date and d.date[:4].isdigit()
        }

    def _terms_of(self, text: str | None) -> list[str]:
        if not text:
            return []
        if text not in self._heading_terms:
            self._heading_terms[text] = self.analyzer.terms(text)
        return self._heading_terms[text]

    def fields(self) -> Iterator[tuple[list[str], list[str], list[str]]]:
        for rowid, passage in self.store.all_passages():
            tokens = self.analyzer.tokens(passage.text)
            text = passage.text
            for term, start, _, word in tokens:
                self.words.setdefault(word, term)
                # Capitalised where no sentence starts: a name ("Pakistan"), for follow-ups.
                if start >= 2 and text[start - 2] not in _SENTENCE_ENDS:
                    self.seen[term] = self.seen.get(term, 0) + 1
                    if text[start].isupper():
                        self.capitals[term] = self.capitals.get(term, 0) + 1
            self.rowids.append(rowid)
            yield (
                [t.term for t in tokens],
                self._terms_of(passage.section),
                self._terms_of(passage.title) + self.dates.get(passage.doc, []),
            )

    def proper(self) -> frozenset[str]:
        return frozenset(t for t, n in self.seen.items() if self.capitals.get(t, 0) * 10 >= n * 8)


def build(store: CorpusStore, analyzer: Analyzer, tag: str) -> Snapshot:
    """Index every passage of ``store``."""
    started = time.perf_counter()
    collector = _Collector(store, analyzer)
    index = BM25Index.build(collector.fields())
    rowids = np.frombuffer(collector.rowids, dtype=np.int64).copy()
    log.info("indexed %d passages in %.2fs", len(rowids), time.perf_counter() - started)
    return Snapshot(index, rowids, collector.words, collector.proper(), tag)
