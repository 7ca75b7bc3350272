"""Chinese questions asking "how many years", "how old", "how big": 几年, 几岁 are read as the
unit the answer counts in (年, 岁), and the adjective of 多大 ("how big") is no word of the
question, as neither is searched in the answer, which gives a number."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from hypothesis import given
from hypothesis import strategies as st

from retrieval.library import Library
from retrieval.search import cjk
from retrieval.search.analyzer import Analyzer

ORCHARD = (
    "# 苹果\n\n"
    "## 栽培\n\n"
    "一般苹果栽种后，于2-3年才开始结出果实。\n\n"
    "## 病害\n\n"
    "苹果树的病害会影响结果，果农要及时防治。\n\n"
    "## 品种\n\n"
    "世界上的苹果品种很多，大的果实重达一公斤。\n"
)


@pytest.fixture(scope="module")
def orchard(write_library: Callable[[dict[str, str]], Library]) -> Library:
    return write_library({"orchard.md": ORCHARD})


def test_how_many_years_finds_the_passage_counting_years(orchard: Library) -> None:
    # 几年 was searched as a word no passage writes; 结果 ("fruit", and "result") then chose
    # the passage on diseases.
    answer = orchard.answer("苹果树种下去以后要过几年才结果？")
    assert "zh:几年" not in answer.terms
    assert "zh:年" in answer.terms
    assert "2-3年" in answer.hits[0].passage.text


@pytest.mark.parametrize(
    ("question", "unit"),
    [("几岁可以投票？", "zh:岁"), ("需要几天？", "zh:天"), ("这几次", "zh:次")],
)
def test_a_count_asked_with_ji_is_its_unit(analyzer: Analyzer, question: str, unit: str) -> None:
    terms = analyzer.terms(question, "zh")
    assert unit in terms
    assert not any(term.startswith("zh:几") for term in terms)


def test_how_big_searches_no_big(analyzer: Analyzer) -> None:
    # 要多大年纪 "how old must one be": 多 | 大 searched 大 ("big"), in every other passage.
    assert analyzer.terms("要多大年纪才有资格当主席？", "zh") == ["zh:年纪", "zh:资格", "zh:主席"]


def test_words_that_only_begin_with_ji_or_duo_are_kept(analyzer: Analyzer) -> None:
    assert "zh:几何" in analyzer.terms("几何形状", "zh")  # geometry
    assert "zh:大程度" in analyzer.terms("在多大程度上", "zh")  # 大 is part of a word here


@given(st.text(alphabet="几多年岁天大长高的火星苹果软件包", max_size=12))
def test_each_word_keeps_its_place_in_the_text(run: str) -> None:
    # The unit read off 几年 keeps its own characters' span: quotes still mark the text.
    for word, start, end in cjk.chinese_words(run):
        assert run[start:end] == word
