"""BM25: scores against rank-bm25 as an oracle, top-k and paging (persistence, segments and
merges: tests/search/test_segments.py)."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rank_bm25 import BM25Okapi

from retrieval.search import bm25
from retrieval.search.bm25 import BM25Index, lucene_idf


class LuceneBM25Okapi(BM25Okapi):  # type: ignore[misc]
    """rank-bm25's BM25Okapi with its IDF swapped for Lucene's (always positive)."""

    def _calc_idf(self, nd: dict[str, int]) -> None:
        for word, freq in nd.items():
            self.idf[word] = math.log(1 + (self.corpus_size - freq + 0.5) / (freq + 0.5))


def single_field(corpus: list[list[str]], k1: float = 1.5, b: float = 0.75) -> BM25Index:
    return BM25Index.build([[doc] for doc in corpus], weights=(1.0,), k1=k1, b=b)


_vocabulary = st.sampled_from("peace trade china russia harbour treaty security un".split())
_corpus = st.lists(st.lists(_vocabulary, min_size=1, max_size=12), min_size=1, max_size=25)


# ------------------------------------------------------------------------------ the oracle
@settings(max_examples=100, deadline=None)
@given(
    _corpus,
    st.lists(_vocabulary, min_size=1, max_size=4, unique=True),
    st.floats(min_value=0.5, max_value=2.0),
    st.floats(min_value=0.0, max_value=1.0),
)
def test_scores_equal_rank_bm25_with_lucene_idf(
    corpus: list[list[str]], query: list[str], k1: float, b: float
) -> None:
    ours = single_field(corpus, k1, b).scores(dict.fromkeys(query, 1.0))
    oracle = LuceneBM25Okapi(corpus, k1=k1, b=b).get_scores(query)
    np.testing.assert_allclose(ours, oracle, rtol=1e-5, atol=1e-6)


def test_scores_on_a_hand_computed_example() -> None:
    corpus = [["peace", "trade"], ["peace", "peace", "talks", "now"], ["trade"]]
    index = single_field(corpus, k1=1.2, b=0.75)
    average = 7 / 3
    idf_peace = lucene_idf(2, 3)
    expected_0 = idf_peace * 1 * 2.2 / (1 + 1.2 * (0.25 + 0.75 * 2 / average))
    expected_1 = idf_peace * 2 * 2.2 / (2 + 1.2 * (0.25 + 0.75 * 4 / average))
    assert index.scores({"peace": 1.0}) == pytest.approx([expected_0, expected_1, 0.0], rel=1e-6)
    assert index.term_idf("peace") == pytest.approx(math.log(1 + 1.5 / 2.5))
    assert index.term_idf("absent") is None


def test_query_weights_scale_a_terms_contribution() -> None:
    index = single_field([["peace", "trade"], ["peace"], ["trade", "talks"]])
    once = index.scores({"peace": 1.0, "trade": 1.0})
    weighted = index.scores({"peace": 1.0, "trade": 0.5})
    trade = index.scores({"trade": 1.0})
    np.testing.assert_allclose(weighted, once - 0.5 * trade, rtol=1e-6)


# ---------------------------------------------------------------------- deliberate difference
def test_term_in_every_document_scores_zero_or_less_in_rank_bm25_but_positive_here() -> None:
    corpus = [["china", "peace"], ["china", "trade"], ["china", "russia"]]
    plain = BM25Okapi(corpus).get_scores(["china"])
    # ln(0.5/3.5) is negative; rank-bm25 floors it at epsilon * mean IDF, itself negative here.
    mean_idf = (3 * math.log(2.5 / 1.5) + math.log(0.5 / 3.5)) / 4
    assert plain == pytest.approx([0.25 * mean_idf] * 3)
    assert all(score < 0 for score in plain)
    ours = single_field(corpus).scores({"china": 1.0})
    assert ours == pytest.approx([math.log(1 + 0.5 / 3.5)] * 3, rel=1e-6)
    assert all(score > 0 for score in ours)


def test_on_a_two_document_corpus_rank_bm25_scores_everything_zero() -> None:
    corpus = [["harbour"], ["treaty"]]
    assert list(BM25Okapi(corpus).get_scores(["harbour"])) == [0.0, 0.0]
    ours = single_field(corpus).scores({"harbour": 1.0})
    assert ours == pytest.approx([math.log(2), 0.0], rel=1e-6)


def test_common_term_still_ranks_a_document_that_has_it_above_one_that_does_not() -> None:
    corpus = [["china", "peace"], ["china", "trade"], ["trade", "peace"], ["china", "russia"]]
    # "china" is in 3 of 4 documents: rank-bm25 gives it IDF 0 here (the epsilon floor of a
    # mean IDF of 0), so the document without "china" ties with those that have it.
    plain = BM25Okapi(corpus).get_scores(["china", "trade"])
    assert plain[1] == pytest.approx(plain[2])
    ours = single_field(corpus).scores({"china": 1.0, "trade": 1.0})
    assert ours[1] > ours[2] > 0


# ------------------------------------------------------------------------------ fields
def test_text_counts_more_than_section_which_counts_more_than_title() -> None:
    fields = [
        [["harbour", "plan"], ["report"], ["notes"]],
        [["report", "plan"], ["harbour"], ["notes"]],
        [["report", "plan"], ["report"], ["harbour"]],
        [["report", "plan"], ["report"], ["notes"]],
    ]
    scores = BM25Index.build(fields).scores({"harbour": 1.0})
    assert scores[0] > scores[1] > scores[2] > 0
    assert scores[3] == 0


def test_idf_of_a_title_word_comes_from_the_passage_text() -> None:
    # The title is in every passage's title field; the word is in the text of one passage only.
    fields = [[["harbour", "plan"], [], ["harbour"]]] + [[["cargo"], [], ["harbour"]]] * 3
    index = BM25Index.build(fields)
    assert index.term_idf("harbour") == pytest.approx(lucene_idf(1, 4))


# ------------------------------------------------------------------------------ top k and paging
def oracle_ranking(index: BM25Index, query: dict[str, float]) -> list[int]:
    scores = index.scores(query)
    matched = [d for d in range(index.n_docs) if scores[d] > 0]
    return sorted(matched, key=lambda d: (-scores[d], d))


@settings(max_examples=100, deadline=None)
@given(_corpus, st.lists(_vocabulary, min_size=1, max_size=4, unique=True))
def test_full_ranking_is_score_order_with_ties_in_passage_order(
    corpus: list[list[str]], query: list[str]
) -> None:
    index = single_field(corpus)
    weights = dict.fromkeys(query, 1.0)
    expected = oracle_ranking(index, weights)
    result = index.search(weights, k=len(corpus))
    assert result.docs.tolist() == expected
    assert result.total == len(expected)
    np.testing.assert_allclose(result.scores, index.scores(weights)[expected], rtol=1e-6)


@settings(max_examples=100, deadline=None)
@given(
    _corpus,
    st.lists(_vocabulary, min_size=1, max_size=4, unique=True),
    st.integers(min_value=1, max_value=10),
    st.integers(min_value=0, max_value=12),
)
def test_top_k_and_pages_agree_with_the_oracle(
    corpus: list[list[str]], query: list[str], k: int, offset: int
) -> None:
    index = single_field(corpus)
    weights = dict.fromkeys(query, 1.0)
    expected = oracle_ranking(index, weights)
    scores = index.scores(weights)
    page = index.search(weights, k=k, offset=offset)
    want = expected[offset : offset + k]
    # The scores on the page are always right; which of several equal-scored passages sits on
    # either side of a page boundary is checked separately (see the tie tests below).
    np.testing.assert_allclose(np.sort(page.scores), np.sort(scores[want]), rtol=1e-6)

    def tied(at: int) -> bool:
        return 0 < at < len(expected) and scores[expected[at - 1]] == scores[expected[at]]

    if not tied(offset) and not tied(offset + k):
        assert page.docs.tolist() == want
    assert page.total == len(expected)


def test_no_match_and_k_zero_give_empty_results() -> None:
    index = single_field([["peace"], ["trade"]])
    assert index.search({"absent": 1.0}, k=5).docs.tolist() == []
    assert index.search({"absent": 1.0}, k=5).total == 0
    assert index.search({"peace": 1.0}, k=0).docs.tolist() == []
    assert index.search({"peace": 1.0}, k=5, offset=7).docs.tolist() == []


_TIED = [["a"], ["a"], ["a", "a"], ["a", "a"]]  # passages 2 and 3 tie, and so do 0 and 1


def test_equal_scores_rank_in_passage_order_in_a_full_list() -> None:
    assert single_field(_TIED).search({"a": 1.0}, k=4).docs.tolist() == [2, 3, 0, 1]


def test_top_k_breaks_ties_at_the_boundary_by_passage_order() -> None:
    assert single_field(_TIED).search({"a": 1.0}, k=1).docs.tolist() == [2]


def test_paging_through_tied_scores_shows_each_passage_once() -> None:
    index = single_field(_TIED)
    pages = [index.search({"a": 1.0}, k=1, offset=n).docs.tolist() for n in range(4)]
    assert pages == [[2], [3], [0], [1]]


# ------------------------------------------------------------------------------ pruning
_skewed = st.sampled_from("a a a a a a b b b b c c d e f g h".split())


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.lists(_skewed, min_size=1, max_size=8), min_size=1, max_size=40),
    st.lists(st.sampled_from("abcdefgh"), min_size=2, max_size=5, unique=True),
    st.lists(st.floats(min_value=0.3, max_value=1.0), min_size=5, max_size=5),
    st.integers(min_value=1, max_value=10),
    st.integers(min_value=0, max_value=5),
)
def test_pruned_search_equals_scoring_everything(
    corpus: list[list[str]], query: list[str], weights: list[float], k: int, offset: int
) -> None:
    index = single_field(corpus)
    weighted = dict(zip(query, weights, strict=False))
    expected = index.search(weighted, k=k, offset=offset)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(bm25, "PRUNE_FROM", 0)
        patch.setattr(bm25, "ESSENTIAL_SHARE", 1)
        patch.setattr(bm25, "SEED_ALL_UP_TO", 1)  # floored by the best of each term
        pruned = index.search(weighted, k=k, offset=offset)
    assert pruned.docs.tolist() == expected.docs.tolist()
    np.testing.assert_array_equal(pruned.scores, expected.scores)
    assert pruned.total == expected.total
