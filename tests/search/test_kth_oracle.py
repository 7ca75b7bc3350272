"""The floor a search cuts its page at is the same number however it is found: the ``want``-th
highest score, looked for among the positive scores when they are as many (numpy's partition
is ten times slower over the zeros of passages holding no word of the question), is the
``want``-th highest of them all, as a partition of every score gives it."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from retrieval.search import bm25

# Few distinct values, zeros and negatives among them: ties at the cut, fewer positive
# scores than wanted, all zero.
_score = st.one_of(
    st.just(0.0),
    st.sampled_from([0.5, 1.0, 2.25, -1.0]),
    st.floats(min_value=-5, max_value=50, allow_nan=False, width=64),
)


def slow_kth(scores: np.ndarray, want: int) -> float:
    return float(np.partition(scores, len(scores) - want)[len(scores) - want])


@settings(max_examples=400, deadline=None)
@given(st.lists(_score, min_size=1, max_size=60), st.data())
def test_the_kth_highest_found_among_the_positive_is_that_of_every_score(
    values: list[float], data: st.DataObject
) -> None:
    scores = np.array(values, dtype=np.float64)
    want = data.draw(st.integers(min_value=1, max_value=len(values)))
    assert bm25._kth(scores, want) == slow_kth(scores, want)


def test_a_mostly_zero_accumulator_sampled_gives_the_same_floor() -> None:
    """As a floor is sampled from a 100,000-passage accumulator nine tenths zeros."""
    rng = np.random.default_rng(3)
    scores = np.zeros(100_928)
    held = rng.random(len(scores)) < 0.1
    scores[held] = rng.random(int(held.sum())) * 12
    for want in (1, 11, 51, 101, 2_000):
        sample = scores[:: len(scores) // bm25.FLOOR_SAMPLE]
        assert bm25._sampled_floor(scores, want) == slow_kth(sample, want)
