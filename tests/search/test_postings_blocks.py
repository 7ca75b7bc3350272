"""Postings computed a few passages at a time (by two threads, spilled to disk) equal those
computed at once: the same CSR, passages in order within every term, the same values."""

from __future__ import annotations

import random
from pathlib import Path

import numpy as np
import pytest

from retrieval.search import segments
from retrieval.search.passage_data import terms_chunk
from retrieval.search.segments import SegmentWriter


def _docs(count: int, seed: int = 5) -> list[list[list[str]]]:
    rng = random.Random(seed)
    words = [f"w{i}" for i in range(60)]
    return [
        [rng.choices(words, k=rng.randint(0, 12)), rng.choices(words, k=rng.randint(0, 3)),
         rng.choices(words, k=rng.randint(0, 2))]
        for _ in range(count)
    ]  # fmt: skip


def _written(folder: Path | None, docs: list[list[list[str]]]) -> dict[str, np.ndarray]:
    writer = SegmentWriter(folder)
    for first in range(0, len(docs), 50):
        writer.add(terms_chunk(docs[first : first + 50], first))
    segment = writer.finish()
    return {name: np.asarray(segment.arrays[name]) for name in segment.arrays}


@pytest.mark.parametrize("chunk", [4, 7, 64])
def test_postings_in_blocks_equal_postings_at_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, chunk: int
) -> None:
    docs = _docs(333)
    whole = _written(None, docs)
    monkeypatch.setattr(segments, "POSTINGS_CHUNK", chunk)
    blocks = _written(tmp_path / "seg", docs)
    for name in ("indptr", "docs", "values", "body_df", "any_df"):
        assert np.array_equal(blocks[name], whole[name]), name
    assert not list((tmp_path / "seg").glob("*.tmp.npz"))  # spilled blocks are removed
