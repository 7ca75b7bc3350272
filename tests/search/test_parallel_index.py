"""An index analysed by worker processes is the index analysed in this one.

A large corpus is analysed by worker processes a batch of passages at a time, a small one in the
writing process: every passage must be analysed once, in rowid order, also when removed documents
left gaps between the rowids, and the segment written must be byte for byte the one a
one-process build writes (nothing else builds in parallel in the tests: their corpora are small).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from retrieval.ingest.refresh import refresh
from retrieval.search import snapshot
from retrieval.search.analyzer import Analyzer
from retrieval.store.corpus import CorpusStore

SHIPPED = Path(__file__).resolve().parents[2] / "data" / "corpus"


def _store(tmp_path: Path) -> CorpusStore:
    """The shipped corpus, one of its documents read and then removed (a gap of rowids)."""
    corpus = tmp_path / "corpus"
    shutil.copytree(SHIPPED, corpus)
    store = CorpusStore(tmp_path / "corpus.db")
    refresh(store, corpus)
    # One in the middle: its passages' rowids stay a gap between those kept.
    removed = sorted(p for p in corpus.iterdir() if p.suffix in (".md", ".txt", ".html"))[2]
    removed.unlink()
    refresh(store, corpus)
    return store


def _files(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def test_workers_write_the_segment_this_process_writes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(snapshot, "BATCH", 16)  # many batches, some given to the workers
    store = _store(tmp_path)
    try:
        analyzer = Analyzer()
        here = snapshot.build(store, analyzer, "t", tmp_path / "one", workers=1)
        pooled = snapshot.build(store, analyzer, "t", tmp_path / "two", workers=2)
        assert pooled.index.n_docs == here.index.n_docs == store.passage_count()
        assert _files(tmp_path / "two") == _files(tmp_path / "one")
    finally:
        store.close()
