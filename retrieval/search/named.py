"""A question about one row of a table: the table's other rows after the row naming its thing.

"How much rain fell in Meghalaya compared with normal in the week to 10 July 2016?" asks about
one row of a table, which holds "Meghalaya" and its figures; the table's summary rows and its
header hold "normal" and "10-07-2016" and won on BM25 and on coverage alike (BM25 weighs two
commoner words over one rare one), though they say nothing of Meghalaya. A table names each
row's thing in that row, so when the question writes a name (with a capital) that only a few
passages hold, the rows of a table writing it that do not write it themselves go after the one
that does. Prose may name its subject once and go on about it ("WaveServe" once, then its power
use), and another document may spell the name otherwise ("Southeast Asian" for ASEAN): placing
every passage writing the name first lost four dev questions so, and gained none.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from retrieval.model import Passage
from retrieval.search import captions
from retrieval.search.analyzer import Analyzer
from retrieval.search.query import _LETTERS, _tokens, searchable
from retrieval.search.rank import Ranked, brought_first
from retrieval.search.snapshot import Snapshot
from retrieval.store.corpus import CorpusStore

# A name is rare when no more passages than one page of results write it: they can all be
# shown first. Past that a name ("SQLite" in SQLite's manual) says nothing of which passage.
RARE_NAME = 10


def rare_names(
    text: str, analyzer: Analyzer, snapshot: Snapshot, lang: str, weights: Mapping[str, float]
) -> tuple[str, ...]:
    """The terms of the names ``text`` writes with a capital (its first word: those the
    documents write with one too) that at most :data:`RARE_NAME` passages hold; none in a
    question in Title Case, whose capitals name nothing (as in :func:`query.unknown_names`)."""
    clean_text = searchable(text)
    words = _LETTERS.findall(clean_text)
    if sum(word[:1].isupper() for word in words) * 2 >= len(words):
        return ()
    names: list[str] = []
    for token in _tokens(analyzer, clean_text, lang, snapshot):
        term = token.term
        written = clean_text[token.start : token.end]
        before = clean_text[: token.start].rstrip()
        if (
            written[:1].isupper()
            and any(ch.islower() for ch in written)  # a name, not an acronym ("AD", "SWF")
            # a sentence's first word is capitalised whatever it is: a name if the documents
            # write it with a capital too
            and ((bool(before) and before[-1] not in ".!?") or term in snapshot.proper)
            and weights.get(term, 0.0) >= 1.0
            and 0 < snapshot.index.passages_with(term) <= RARE_NAME
            and term not in names
        ):
            names.append(term)
    return tuple(names)


def writers(names: Sequence[str], snapshot: Snapshot, store: CorpusStore) -> frozenset[str]:
    """The passages (ids) writing one of ``names``: few, as the names are rare."""
    positions = [snapshot.index.postings(name)[0] for name in names]
    rowids = [r for found in positions for r in snapshot.rowids.take(found)]
    return frozenset(p.id for p in store.passages_by_rowid(rowids).values())


def naming_row_first(ranked: Sequence[Ranked], writing: frozenset[str]) -> list[Ranked]:
    """``ranked`` with the table passages (rows, a header, a caption read as a row) of a
    document whose table passages ``writing`` write a name the question asks about, that do not
    write it themselves, placed right after that document's last such row: a table naming
    each row's thing in that row, its other rows and its header are no answer about it.
    Prose stays in place, and so do the passages of documents that never write the name."""
    # Only where a row writes the name: a spec sheet names its thing in its title or prose,
    # and each row is one of its figures ("WaveServe" / "Power draw | 350 W typical").
    last = {
        r.passage.doc: i
        for i, r in enumerate(ranked)
        if r.passage.id in writing and _of_table(r.passage)
    }
    moved: dict[int, list[Ranked]] = {}
    for i, r in enumerate(ranked):
        after = last.get(r.passage.doc, -1)
        if _of_table(r.passage) and r.passage.id not in writing and i < after:
            moved.setdefault(after, []).append(r)
    if not moved:
        return list(ranked)
    lowered = {r.passage.id for rows in moved.values() for r in rows}
    order = [
        placed
        for i, r in enumerate(ranked[: max(moved) + 1])
        if r.passage.id not in lowered
        for placed in (r, *moved.get(i, ()))
    ]
    return brought_first(ranked, order)


def _of_table(passage: Passage) -> bool:
    """Whether a passage is a table's row or header, or its caption."""
    return passage.kind == "table" or captions.is_table_caption(passage)
