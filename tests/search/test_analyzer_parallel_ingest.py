"""Reading a large corpus in worker processes stores exactly what reading it here does.

A first index of many files parses them on every core (the analyzer's share of a build comes
after); the passages, their order and ids, the documents and what was skipped must be the ones a
one-process read gives, and a reload of one document must still be read in this process.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from retrieval.ingest import refresh as ingest
from retrieval.model import ReindexReport
from retrieval.store.corpus import CorpusStore

SHIPPED = Path(__file__).resolve().parents[2] / "data" / "corpus"


def _corpus(make_corpus: Callable[..., Path]) -> Path:
    folder = make_corpus(
        {
            "empty.txt": "",
            "binary.txt": b"\x00\x01\x02 not text" * 50,
            "notes.md": "# Notes\n\nA short note about [links](http://example.org).\n",
            "unknown.xyz": "a format no reader knows",
        }
    )
    for path in SHIPPED.iterdir():
        shutil.copy(path, folder / path.name)
    return folder


def _read(folder: Path, db: Path, workers: int) -> tuple[ReindexReport, list[object], list[object]]:
    store = CorpusStore(db)
    try:
        report = ingest.refresh(store, folder, workers=workers)
        passages = [p for _, p in store.all_passages()]
        documents = sorted(store.documents(), key=lambda d: d.doc)
        return report, passages, list(documents)
    finally:
        store.close()


def test_worker_processes_store_what_one_process_does(
    make_corpus: Callable[..., Path], tmp_path: Path
) -> None:
    folder = _corpus(make_corpus)
    alone, passages, documents = _read(folder, tmp_path / "one.db", workers=1)
    shared, passages_2, documents_2 = _read(folder, tmp_path / "two.db", workers=2)
    assert passages_2 == passages and len(passages) > 100
    assert documents_2 == documents
    assert (shared.added, shared.skipped) == (alone.added, alone.skipped)
    assert {s.doc for s in shared.skipped} >= {"empty.txt", "binary.txt", "unknown.xyz"}


def test_a_small_reload_is_read_in_this_process(
    make_corpus: Callable[..., Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = make_corpus(
        {
            "a.txt": "One paragraph about apples.\n",
            "b.txt": "Another paragraph, about pears and plums.\n",
        }
    )
    assert ingest._default_workers(sorted(folder.iterdir())) == 1

    def no_pool(*args: object, **kwargs: object) -> None:
        raise AssertionError("a process pool was started for two small files")

    monkeypatch.setattr(ingest, "ProcessPoolExecutor", no_pool)
    store = CorpusStore(folder.parent / "small.db")
    try:
        assert ingest.refresh(store, folder).added == ("a.txt", "b.txt")
    finally:
        store.close()
