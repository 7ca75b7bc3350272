"""Spelling correction finds a word's term in a saved index without building a dict first.

A segment writes its folded words sorted, and the snapshot finds them by bisection in the list
as read; an index written before that (words in any order) is read into a dict as it was. Both
give every word the term of the first segment holding it, as the in-memory index does.
"""

from __future__ import annotations

import json
import threading
from pathlib import Path

import numpy as np
import pytest

from retrieval.ingest.refresh import refresh
from retrieval.search import segments, snapshot
from retrieval.search.analyzer import Analyzer
from retrieval.store.corpus import CorpusStore

ANALYZER = Analyzer()
TEXTS = {
    "harbour.txt": "Harbour Notes\n\nThe Harbour has four berths. Cranes unload the ships.\n",
    "orchard.txt": "Orchard Notes\n\nThe apple harvest began. Pickers came from Beijing.\n",
}
LATER = "Later Notes\n\nThe harbour cranes were sold. Volcanoes erupted near the orchard.\n"


def _store(tmp_path: Path) -> tuple[CorpusStore, Path]:
    folder = tmp_path / "corpus"
    folder.mkdir()
    for name, text in TEXTS.items():
        (folder / name).write_text(text, encoding="utf-8")
    store = CorpusStore(tmp_path / "q.db")
    refresh(store, folder)
    return store, folder


def _expected(snap: snapshot.Snapshot) -> dict[str, str]:
    words: dict[str, str] = {}
    for segment in snap.segments:
        for word, term in segment.words.items():
            words.setdefault(word, segment.vocabulary[term])
    return words


def _unsort(segment_folder: Path) -> None:
    """Rewrite a segment as one written before words were sorted: reversed, no flag."""
    words = (segment_folder / "words.txt").read_text(encoding="utf-8").split("\n")
    terms = np.load(segment_folder / "word_terms.npy")
    (segment_folder / "words.txt").write_text("\n".join(reversed(words)), encoding="utf-8")
    np.save(segment_folder / "word_terms.npy", terms[::-1].copy())
    meta = json.loads((segment_folder / "meta.json").read_text(encoding="utf-8"))
    del meta["words_sorted"]
    (segment_folder / "meta.json").write_text(json.dumps(meta), encoding="utf-8")


def test_words_are_found_as_the_first_segment_holding_them_gives(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(segments, "WORDS_SLICE", 8)  # read in many slices, as at 1M passages
    monkeypatch.setattr(snapshot, "WORDS_SLICE", 3)
    store, folder = _store(tmp_path)
    try:
        snap = snapshot.build(store, ANALYZER, "v1", tmp_path / "index")
        (folder / "later.txt").write_text(LATER, encoding="utf-8")
        refresh(store, folder)
        snap = snapshot.update(snap, store, ANALYZER, "v1")
        expected = _expected(snap)
        assert {"harbour", "cranes", "volcanoes"} <= set(expected)
        first = snap.segments[0].folder
        assert first is not None
        written = (first / "words.txt").read_text(encoding="utf-8")
        assert written.split("\n") == sorted(written.split("\n"))
        words = snap.words
        assert {w: words[w] for w in expected} == expected  # by bisection
        assert dict(words.items()) == expected and len(words) == len(expected)
        assert words.get("harbourz") is None and "zzz" not in words
        snap.prepare_words()  # the dicts, built in the background, a slice at a time
        for thread in threading.enumerate():
            if thread.name == "index-words":
                thread.join()
        assert {w: words[w] for w in expected} == expected
        assert words.get("harbourz") is None and len(words) == len(expected)
    finally:
        store.close()


def test_an_index_written_before_words_were_sorted_is_read_as_it_was(tmp_path: Path) -> None:
    store, _ = _store(tmp_path)
    try:
        built = snapshot.build(store, ANALYZER, "v1", tmp_path / "index")
        expected = _expected(built)
        assert built.segments[0].folder is not None
        _unsort(built.segments[0].folder)
        loaded = snapshot.load(tmp_path / "index", "v1")
        assert loaded is not None
        assert {w: loaded.words.get(w) for w in expected} == expected
        assert loaded.words.get("harbourz") is None
        in_memory = snapshot.build(store, ANALYZER, "v1", None)
        assert {w: in_memory.words.get(w) for w in expected} == expected
    finally:
        store.close()
