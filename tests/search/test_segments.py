"""Segments, updates and merges: search after any sequence of reloads equals a full rebuild.

The oracle is :func:`snapshot.build` over the same store. After incremental updates the segments
keep the field averages they were normalised by (see :mod:`retrieval.search.snapshot`), so the
rebuild is given those averages; after a merge it is a plain full rebuild.
"""

from __future__ import annotations

import tempfile
import threading
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from retrieval.ingest.refresh import refresh
from retrieval.model import Passage, ReindexReport
from retrieval.search import generations, snapshot
from retrieval.search.analyzer import Analyzer
from retrieval.search.excerpts import Fragment
from retrieval.search.passage_data import analyse_passage
from retrieval.store.corpus import CorpusStore

if TYPE_CHECKING:
    from retrieval.library import Library

WORDS = "harbour cranes ships trade treaty peace volcano island apple river talks Beijing".split()
QUERIES = [
    {"harbour": 1.0},
    {"trade": 1.0, "peac": 1.0},
    {"volcano": 1.0, "island": 0.7, "river": 1.0},
    {"appl": 1.0, "talk": 1.0, "beij": 1.0, "ship": 1.0},
]
ANALYZER = Analyzer()

_sentence = st.lists(st.sampled_from(WORDS), min_size=6, max_size=12).map(
    lambda words: " ".join(words).capitalize() + "."
)
_document = st.lists(
    st.lists(_sentence, min_size=2, max_size=3).map(" ".join), min_size=1, max_size=4
).map(lambda paragraphs: "A title\n\n" + "\n\n".join(paragraphs) + "\n")
_step = st.tuples(st.sampled_from(["add", "change", "remove"]), st.integers(0, 4), _document)


def ranking(snap: snapshot.Snapshot, query: dict[str, float]) -> tuple[list[int], list[float]]:
    """Rowids and scores of every match, best first."""
    found = snap.index.search(query, k=1000)
    return [int(snap.rowids[d]) for d in found.docs], found.scores.tolist()


def assert_same_search(ours: snapshot.Snapshot, oracle: snapshot.Snapshot) -> None:
    assert ours.index.n_docs == oracle.index.n_docs
    for query in QUERIES:
        rowids, scores = ranking(ours, query)
        expected_rowids, expected_scores = ranking(oracle, query)
        assert rowids == expected_rowids, query
        np.testing.assert_allclose(scores, expected_scores, rtol=1e-5)
        for term in query:
            assert ours.index.term_idf(term) == pytest.approx(oracle.index.term_idf(term))


def apply(folder: Path, step: tuple[str, int, str]) -> None:
    """Add, change or remove a document; the corpus never becomes empty."""
    action, number, text = step
    path = folder / f"doc{number}.txt"
    if action == "remove":
        if path.exists() and len(list(folder.iterdir())) > 1:
            path.unlink()
    elif action == "add" or path.exists():
        path.write_text(text, encoding="utf-8")


def tag(store: CorpusStore) -> str:
    return f"v{store.meta('corpus_version')}:a:s"


@settings(max_examples=30, deadline=None)
@given(st.lists(_document, min_size=1, max_size=3), st.lists(_step, min_size=1, max_size=6))
def test_search_after_any_reloads_equals_a_full_rebuild(
    initial: list[str], steps: list[tuple[str, int, str]]
) -> None:
    with tempfile.TemporaryDirectory() as scratch:
        folder, index = Path(scratch) / "corpus", Path(scratch) / "q.db.index"
        folder.mkdir()
        for number, text in enumerate(initial):
            (folder / f"doc{number}.txt").write_text(text, encoding="utf-8")
        store = CorpusStore(Path(scratch) / "q.db")
        try:
            refresh(store, folder)
            snap = snapshot.build(store, ANALYZER, tag(store), index)
            for step in steps:
                apply(folder, step)
                refresh(store, folder)
                if snap.version != tag(store):
                    snap = snapshot.update(snap, store, ANALYZER, tag(store))
                assert snap.generation is not None
                averages = snap.generation.averages
                assert_same_search(
                    snap, snapshot.build(store, ANALYZER, "", None, averages=averages)
                )
                reopened = snapshot.load(index, snap.version)
                assert reopened is not None
                assert_same_search(reopened, snap)
            merged = snapshot.adopt_merge(snap, snapshot.merge_segment(snap))
            assert len(merged.segments) == 1
            assert_same_search(merged, snapshot.build(store, ANALYZER, "", None))
            assert snapshot.load(index, snap.version) is not None
        finally:
            store.close()


def make_store(scratch: Path, documents: dict[str, str]) -> tuple[CorpusStore, Path]:
    folder = scratch / "corpus"
    folder.mkdir()
    for name, text in documents.items():
        (folder / name).write_text(text, encoding="utf-8")
    store = CorpusStore(scratch / "q.db")
    refresh(store, folder)
    return store, folder


HARBOUR = "Harbour Notes\n\nThe harbour has four berths. Cranes unload the ships.\n\nTrade grew.\n"
ORCHARD = "Orchard Notes\n\nThe apple harvest began. Pickers came from Beijing.\n"


def test_stored_fragments_equal_the_analysed_ones(tmp_path: Path) -> None:
    store, _ = make_store(tmp_path, {"a.txt": HARBOUR, "b.txt": ORCHARD})
    try:
        snap = snapshot.build(store, ANALYZER, "v1:a:s", tmp_path / "index")
        passages = [p for _, p in store.all_passages()]
        for passage in passages:
            expected = _without_words(analyse_passage(passage.text, ANALYZER))
            assert snap.fragments(passage) == expected
        changed = Passage(**{**passages[0].__dict__, "text": passages[0].text + " More."})
        assert snap.fragments(changed) is None  # new text: not the stored offsets
    finally:
        store.close()


def _without_words(fragments: list[Fragment]) -> list[Fragment]:
    """Fragments as the index stores them: tokens without their written word."""
    return [
        Fragment(f.start, f.end, tuple(t._replace(word="") for t in f.tokens)) for f in fragments
    ]


def test_a_generation_not_yet_made_current_is_never_loaded(tmp_path: Path) -> None:
    store, folder = make_store(tmp_path, {"a.txt": HARBOUR})
    try:
        index = tmp_path / "index"
        first = snapshot.build(store, ANALYZER, "v1:a:s", index)
        (folder / "b.txt").write_text(ORCHARD, encoding="utf-8")
        refresh(store, folder)

        def crash(*args: object) -> None:
            raise KeyboardInterrupt  # killed just before CURRENT is replaced

        publish = generations.publish
        generations.publish = crash  # type: ignore[assignment]
        try:
            with pytest.raises(KeyboardInterrupt):
                snapshot.update(first, store, ANALYZER, "v2:a:s")
        finally:
            generations.publish = publish
        loaded = snapshot.load(index)
        assert loaded is not None and loaded.version == "v1:a:s"
        assert loaded.index.n_docs == first.index.n_docs
        updated = snapshot.update(loaded, store, ANALYZER, "v2:a:s")  # the next reload
        assert updated.index.search({"appl": 1.0}, k=1).total == 1
        generations.collect_garbage(index, now=float("inf"))
        live = generations.read_current(index)
        assert live is not None
        names = {ref.name for ref in live.segments}
        assert {p.name for p in index.glob("seg-*")} == names
    finally:
        store.close()


def test_merge_policy_calls_for_a_merge_when_deletions_pile_up(tmp_path: Path) -> None:
    store, folder = make_store(tmp_path, {"a.txt": HARBOUR, "b.txt": ORCHARD})
    try:
        snap = snapshot.build(store, ANALYZER, "v1:a:s", tmp_path / "index")
        assert not snap.needs_merge()
        (folder / "a.txt").write_text(HARBOUR + "\nA new paragraph.\n", encoding="utf-8")
        refresh(store, folder)
        snap = snapshot.update(snap, store, ANALYZER, "v2:a:s")
        assert len(snap.segments) == 2 and snap.needs_merge()  # half the passages deleted
    finally:
        store.close()


def test_a_reload_merges_in_the_background_and_the_merge_is_kept(tmp_path: Path) -> None:

    db = tmp_path / "q.db"
    library = _opened_then_edited(tmp_path, db)
    try:
        library.reindex()  # half the passages deleted: a merge is due
        library._keeper.wait()
        assert len(library._current().segments) == 1
        assert library.answer("volcano island", k=1).hits[0].passage.doc == "a.txt"
    finally:
        library.close()
    reopened = snapshot.load(db.with_name("q.db.index"))
    assert reopened is not None and len(reopened.segments) == 1


def test_a_reload_asked_while_a_merge_swaps_in_reads_the_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A merge swaps its index in under the reload lock; a reload asked meanwhile took it for
    # a reload running and returned that one's report: a folder renamed and a file edited
    # right after a reload were neither read nor reported (the bot test of a renamed folder
    # failed under load, when the merge's swap took long enough).
    from retrieval.library import Library

    swapping, gate = threading.Event(), threading.Event()
    collect = generations.collect_garbage

    def held(folder: Path, now: float | None = None) -> None:
        if threading.current_thread().name == "index-merge":  # the merge, holding the lock
            swapping.set()
            assert gate.wait(60), "the test never let the merge go on"
        collect(folder, now)

    monkeypatch.setattr(generations, "collect_garbage", held)
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "a.txt").write_text(HARBOUR, encoding="utf-8")
    (folder / "b.txt").write_text(ORCHARD, encoding="utf-8")
    library = Library.open(tmp_path / "q.db", folder)
    try:
        (folder / "a.txt").write_text(HARBOUR + "\nThe volcano island ships apples.\n", "utf-8")
        library.reindex()  # half the passages deleted: a merge is due, and swaps in
        assert swapping.wait(60), "no merge started"
        (folder / "c.txt").write_text("Island Notes\n\nThe volcano erupted at dawn.\n", "utf-8")
        reports: list[ReindexReport] = []
        reload = threading.Thread(target=lambda: reports.append(library.reindex()))
        reload.start()
        gate.set()
        reload.join(60)
        assert [r.added for r in reports] == [("c.txt",)]
        assert library.answer("volcano erupted", k=1).hits[0].passage.doc == "c.txt"
    finally:
        gate.set()
        library.close()


def test_a_reload_that_changes_nothing_keeps_the_merge_under_way(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A reload finding the folder unchanged served its index again as a copy (to set its
    # analyzer): the merge under way then found its index no longer served and dropped its
    # work, and the index stayed in segments until the next change.

    merging, gate = threading.Event(), threading.Event()
    merge = snapshot.merge_segment

    def held(old: snapshot.Snapshot) -> snapshot.Segment:
        merging.set()
        assert gate.wait(60), "the test never let the merge go on"
        return merge(old)

    monkeypatch.setattr(snapshot, "merge_segment", held)
    db = tmp_path / "q.db"
    library = _opened_then_edited(tmp_path, db)
    try:
        library.reindex()  # half the passages deleted: a merge is due
        assert merging.wait(60), "no merge started"
        assert library.reindex().added == ()  # nothing changed meanwhile
        gate.set()
        library._keeper.wait()
        assert len(library._current().segments) == 1
        assert library.answer("volcano island", k=1).hits[0].passage.doc == "a.txt"
    finally:
        gate.set()
        library.close()
    reopened = snapshot.load(db.with_name("q.db.index"))
    assert reopened is not None and len(reopened.segments) == 1


def test_a_saved_index_is_memory_mapped_not_read(tmp_path: Path) -> None:
    store, _ = make_store(tmp_path, {"a.txt": HARBOUR, "b.txt": ORCHARD})
    try:
        snapshot.build(store, ANALYZER, "v1:a:s", tmp_path / "index")
        loaded = snapshot.load(tmp_path / "index", "v1:a:s")
        assert loaded is not None
        segment = loaded.segments[0]
        for name in ("docs", "values", "tokens", "sentences"):
            array = getattr(segment, name)
            assert isinstance(array.base, np.memmap), name  # a view of the map, no copy
    finally:
        store.close()


def _opened_then_edited(tmp_path: Path, db: Path) -> Library:
    """A library over two documents, one of them edited since (a reload of it is due)."""
    from retrieval.library import Library

    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "a.txt").write_text(HARBOUR, encoding="utf-8")
    (folder / "b.txt").write_text(ORCHARD, encoding="utf-8")
    library = Library.open(db, folder)
    (folder / "a.txt").write_text(HARBOUR + "\nThe volcano island ships apples.\n", "utf-8")
    return library
