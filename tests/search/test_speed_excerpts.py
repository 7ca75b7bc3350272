"""Excerpts from the index's stored sentences and tokens equal those of analysing the passage.

A question's candidates are quoted from what the index stored when they were indexed
(:func:`passage_data.stored_matches`), not by analysing them again; whatever segment a passage is
in, after any reloads, the excerpt, its marks and its cuts are the ones the analyzer gives.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from retrieval.ingest.refresh import refresh
from retrieval.library import Library
from retrieval.model import Passage
from retrieval.search import snapshot
from retrieval.search.analyzer import Analyzer
from retrieval.search.excerpts import QuestionTerms, excerpt, format_matches, pick_window
from retrieval.search.passage_data import stored_matches
from retrieval.search.rank import QuestionWeights
from retrieval.store.corpus import CorpusStore

WORDS = "harbour cranes ships trade treaty peace volcano island apple river talks Beijing".split()
QUESTIONS = [
    {"harbour": 1.0},
    {"trade": 2.0, "peac": 1.0},
    {"volcano": 1.0, "island": 0.7, "river": 1.0},
    {"appl": 1.0, "talk": 1.0, "beij": 1.0, "ship": 1.0, "crane": 0.5},
]
ANALYZER = Analyzer()

_sentence = st.lists(st.sampled_from(WORDS), min_size=6, max_size=12).map(
    lambda words: " ".join(words).capitalize() + "."
)
_document = st.lists(
    st.lists(_sentence, min_size=1, max_size=5).map(" ".join), min_size=1, max_size=4
).map(lambda paragraphs: "A title\n\n" + "\n\n".join(paragraphs) + "\n")


@settings(max_examples=25, deadline=None)
@given(st.lists(_document, min_size=1, max_size=3), st.lists(_document, min_size=1, max_size=2))
def test_excerpts_from_stored_data_equal_analysed_ones_in_every_segment(
    first: list[str], later: list[str]
) -> None:
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch) / "corpus"
        folder.mkdir()
        for number, text in enumerate(first):
            (folder / f"doc{number}.txt").write_text(text, encoding="utf-8")
        store = CorpusStore(Path(scratch) / "q.db")
        try:
            refresh(store, folder)
            snap = snapshot.build(store, ANALYZER, "v1", Path(scratch) / "q.db.index")
            (folder / "doc0.txt").write_text(later[0], encoding="utf-8")  # a changed document
            for number, text in enumerate(later[1:], 10):
                (folder / f"doc{number}.txt").write_text(text, encoding="utf-8")
            refresh(store, folder)
            snap = snapshot.update(snap, store, ANALYZER, "v2")
            assert_quoted_as_analysed(snap, store)
        finally:
            store.close()


def assert_quoted_as_analysed(snap: snapshot.Snapshot, store: CorpusStore) -> None:
    positions = np.arange(len(snap.rowids), dtype=np.int64)
    rowids = snap.rowids.take(positions)
    found = store.passages_by_rowid(rowids)
    live = [(int(p), found[r]) for p, r in zip(positions, rowids, strict=True) if r in found]
    stored = snap.stored([p for p, _ in live], [passage for _, passage in live])
    assert None not in stored.counts
    for weights in QUESTIONS:
        terms = QuestionTerms(weights)
        ids = [snap.index.term_ids.get(t, -1) for t in terms.terms]
        matches = stored_matches(stored, ids)
        for (_, passage), match in zip(live, matches, strict=True):
            assert match is not None
            quoted = format_matches(passage.text, match, pick_window(match.masks, terms))
            assert quoted == excerpt(passage.text, ANALYZER, weights, passage.lang)


def test_a_passage_whose_text_changed_is_not_quoted_from_stored_data(tmp_path: Path) -> None:
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "a.txt").write_text("Notes\n\nThe harbour has cranes. Ships trade.\n")
    store = CorpusStore(tmp_path / "q.db")
    try:
        refresh(store, folder)
        snap = snapshot.build(store, ANALYZER, "v1", tmp_path / "q.db.index")
        passage = next(p for _, p in store.all_passages())
        changed = Passage(**{**passage.__dict__, "text": passage.text + " More."})
        assert snap.stored([0], [passage]).counts != [None]
        assert snap.stored([0], [changed]).counts == [None]
    finally:
        store.close()


def test_answers_quote_what_analysing_their_passages_gives(tmp_path: Path) -> None:
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "port.txt").write_text(
        # Paragraphs longer than a quote of three sentences, so the quote is a window of them.
        "Port Report\n\nThe harbour has four berths. Cranes unload the ships. Trade grew "
        "after the treaty. The port authority publishes its yearly figures every spring, in a "
        "report that is read in every office along the quay. Visitors may walk on the outer "
        "mole at weekends, when the berths are quiet and the gulls have it to themselves.\n\n"
        "The island harbour is small. Its cranes are old. Ships wait for the tide and the "
        "river pilots. The ferry calls twice a day in summer and once a day in winter, weather "
        "permitting, and the timetable is posted at the harbour office beside the old customs "
        "house, where the fishermen meet in the mornings.\n",
        encoding="utf-8",
    )
    library = Library.open(tmp_path / "q.db", folder)
    try:
        for question in ("harbour cranes", "ships waiting for the tide", "treaty trade growth"):
            answer = library.answer(question, k=5)
            found = QuestionWeights.of(library.query_weights(question), library._current().index)
            assert answer.hits
            for hit in answer.hits:
                expected = excerpt(hit.passage.text, ANALYZER, found.found, hit.passage.lang)
                assert hit.excerpt == expected
    finally:
        library.close()
