"""A question's passages are fetched by the rowids of their index positions, read for all of
them at once: the same rowids, in the same order, as reading each position alone, however
many segments reloads have added."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any, cast

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from retrieval.search.snapshot import RowidView


def _view(sizes: list[int]) -> RowidView:
    segments, next_rowid = [], 1
    for size in sizes:
        # rowids grow across segments, with gaps where passages were deleted
        rowids = np.arange(next_rowid, next_rowid + 3 * size, 3, dtype=np.int64)
        segments.append(SimpleNamespace(n=size, rowids=rowids))
        next_rowid += 3 * size + 7
    return RowidView(cast(Any, segments))


@settings(max_examples=200, deadline=None)
@given(st.lists(st.integers(min_value=1, max_value=40), min_size=1, max_size=4), st.data())
def test_rowids_taken_at_once_are_those_of_each_position(
    sizes: list[int], data: st.DataObject
) -> None:
    view = _view(sizes)
    positions = data.draw(st.lists(st.integers(min_value=0, max_value=len(view) - 1), max_size=60))
    taken = view.take(np.array(positions, dtype=np.int64))
    assert taken == [int(view[p]) for p in positions]
    assert all(type(rowid) is int for rowid in taken)
