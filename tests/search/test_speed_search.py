"""Every way a search finds its page gives the page of scoring every passage.

A question's terms are added up in one accumulator; the page is then found among the passages
the terms touched (few postings), by passes over the whole accumulator (postings over a large
share of the corpus), or by MaxScore pruning; each keeps only the passages that can reach the
page. Whichever is taken, pages, scores, ties (passage order) and the count of passages that
matched are those of the dense oracle (:meth:`BM25Index.scores`), deleted passages never shown.
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from retrieval.search import bm25
from retrieval.search.bm25 import BM25Index

_word = st.sampled_from("a a a b b c d e f g h i j k l m n o p".split())
_passage = st.lists(_word, min_size=1, max_size=6)
_SAMPLED = {"FLOOR_FROM_AT_MOST": 0, "FLOOR_SAMPLE": 3}  # a floor from every few passages
_BEST = {"SEED_ALL_UP_TO": 1}  # floored by each term's best passages only
_ROUTES = {
    "touched": {"DENSE_RATIO": 0, "PRUNE_FROM": 10**9},
    "dense": {"DENSE_RATIO": 10**9, "PRUNE_FROM": 10**9},
    "pruned, binary search": {"PRUNE_FROM": 0, "ESSENTIAL_SHARE": 1, "LOOKUP_RATIO": 0},
    "touched, sampled floor": {"DENSE_RATIO": 0, "PRUNE_FROM": 10**9, **_SAMPLED},
    "dense, sampled floor": {"DENSE_RATIO": 10**9, "PRUNE_FROM": 10**9, **_SAMPLED},
    "pruned, one pass": {"PRUNE_FROM": 0, "ESSENTIAL_SHARE": 1, "LOOKUP_RATIO": 10**9, **_BEST},
    # postings added by np.add.at (as long lists are), not by indexing
    "touched, add.at": {"DENSE_RATIO": 0, "PRUNE_FROM": 10**9, "ADD_AT_FROM": 0},
    "dense, add.at": {"DENSE_RATIO": 10**9, "PRUNE_FROM": 10**9, "ADD_AT_FROM": 0},
    "pruned, add.at": {"PRUNE_FROM": 0, "ESSENTIAL_SHARE": 1, "ADD_AT_FROM": 0},
    # the essential terms summed over every passage in the thread's work arrays, or not
    "pruned, summed in place": {"PRUNE_FROM": 0, "ESSENTIAL_SHARE": 1, "DENSE_RATIO": 10**9},
    "pruned, touched": {"PRUNE_FROM": 0, "ESSENTIAL_SHARE": 1, "DENSE_RATIO": 0},
}


def oracle(index: BM25Index, weights: dict[str, float]) -> tuple[list[int], np.ndarray]:
    scores = index.scores(weights)
    matched = np.flatnonzero(scores > 0)
    order = matched[np.lexsort((matched, -scores[matched]))]
    return order.tolist(), scores


@settings(max_examples=150, deadline=None)
@given(
    st.lists(_passage, min_size=1, max_size=120),
    st.lists(st.sampled_from("abcdefghijklmnop"), min_size=2, max_size=5, unique=True),
    st.lists(st.floats(min_value=0.3, max_value=2.0), min_size=5, max_size=5),
    st.integers(min_value=1, max_value=12),
    st.integers(min_value=0, max_value=6),
    st.sets(st.integers(min_value=0, max_value=119), max_size=30),
    st.sampled_from(sorted(_ROUTES)),
)
def test_every_route_to_a_page_gives_the_oracle_page(
    corpus: list[list[str]],
    query: list[str],
    weights: list[float],
    k: int,
    offset: int,
    deleted: set[int],
    route: str,
) -> None:
    built = BM25Index.build([[doc] for doc in corpus], weights=(1.0,))
    gone = np.array(sorted(d for d in deleted if d < len(corpus)), dtype=np.int64)
    # The df still counts the deleted passages, so N does too (a positive IDF, as in an index
    # whose deletions are not yet subtracted).
    index = BM25Index(built.vocabulary, built.parts, built.df, len(corpus), gone)
    weighted = dict(zip(query, weights, strict=False))
    expected, scores = oracle(index, weighted)
    with pytest.MonkeyPatch.context() as patch:
        for name, value in _ROUTES[route].items():
            patch.setattr(bm25, name, value)
        page = index.search(weighted, k=k, offset=offset)
        again = index.search(weighted, k=k, offset=offset)  # the accumulator was left clean
    assert page.docs.tolist() == expected[offset : offset + k]
    np.testing.assert_array_equal(page.scores, scores[page.docs].astype(np.float32))
    assert page.total == len(expected)
    assert again.docs.tolist() == page.docs.tolist()


def _two_segments(corpus: list[list[str]], cut: int) -> BM25Index:
    """``corpus`` indexed as two segments, the second numbered from ``cut``."""
    first = BM25Index.build([[doc] for doc in corpus[:cut]], weights=(1.0,))
    second = BM25Index.build([[doc] for doc in corpus[cut:]], weights=(1.0,))
    vocabulary = sorted(set(first.vocabulary) | set(second.vocabulary))
    parts, df = [], np.zeros(len(vocabulary), np.int32)
    for built, at in ((first, 0), (second, cut)):
        ids = {t: i for i, t in enumerate(built.vocabulary)}
        local = np.array([ids.get(t, -1) for t in vocabulary], np.int32)
        df += np.where(local >= 0, built.df[local], 0).astype(np.int32)
        part = built.parts[0]
        parts.append(bm25.Postings(part.indptr, part.docs, part.values, local, at, part.size))
    return BM25Index(vocabulary, parts, df, len(corpus))


@pytest.mark.parametrize(
    "route", ["dense", "pruned, summed in place", "pruned, one pass", "pruned, touched"]
)
def test_questions_one_after_another_in_two_segments_give_the_oracle_pages(route: str) -> None:
    """The work arrays a thread keeps for one term's postings serve the next question, longer
    or shorter, across segments numbered from an offset."""
    rng = np.random.default_rng(7)
    words = list("aaaabbbcccddefghij")
    corpus = [list(rng.choice(words, size=rng.integers(1, 8))) for _ in range(300)]
    index = _two_segments(corpus, 170)
    questions = [{"a": 1.0, "j": 1.5}, {"a": 1.0, "b": 0.7, "c": 1.0, "d": 1.2}, {"i": 1.0, "b": 1}]
    with pytest.MonkeyPatch.context() as patch:
        for name, value in _ROUTES[route].items():
            patch.setattr(bm25, name, value)
        for weighted in questions * 2:
            expected, scores = oracle(index, weighted)
            page = index.search(weighted, k=10)
            assert page.docs.tolist() == expected[:10]
            np.testing.assert_array_equal(page.scores, scores[page.docs].astype(np.float32))
            assert page.total == len(expected)


@pytest.mark.parametrize("route", ["dense", "pruned, summed in place", "pruned, one pass"])
def test_threads_asking_at_once_each_get_the_oracle_pages(route: str) -> None:
    """The bot answers from several threads: each keeps its own work arrays and accumulator,
    so questions asked at once never see each other's sums."""
    rng = np.random.default_rng(11)
    words = list("aaaabbbcccddefghij")
    corpus = [list(rng.choice(words, size=rng.integers(1, 8))) for _ in range(400)]
    index = _two_segments(corpus, 230)
    questions = [{"a": 1.0, "j": 1.5}, {"a": 1.0, "b": 0.7, "c": 1.0, "d": 1.2}, {"i": 1.0, "b": 1}]
    expected = [oracle(index, weighted)[0][:10] for weighted in questions]
    with pytest.MonkeyPatch.context() as patch:
        for name, value in _ROUTES[route].items():
            patch.setattr(bm25, name, value)

        def ask(n: int) -> list[bool]:
            return [
                index.search(questions[(n + i) % 3], k=10).docs.tolist() == expected[(n + i) % 3]
                for i in range(60)
            ]

        with ThreadPoolExecutor(max_workers=4) as pool:
            answers = [ok for oks in pool.map(ask, range(8)) for ok in oks]
    assert all(answers)
