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
    # 要多大年纪 "how old must one be": 多 | 大 searched 大 ("big"), in every other passage;
    # the age asked is searched as the unit an answer states it in (年满四十五周岁).
    assert analyzer.terms("要多大年纪才有资格当主席？", "zh") == ["zh:岁", "zh:资格", "zh:主席"]


@pytest.mark.parametrize(
    ("question", "unit"),
    [("多少岁可以投票？", "zh:岁"), ("年龄多大可以投票？", "zh:岁"), ("多大岁数退休？", "zh:岁")],
)
def test_an_age_or_count_asked_with_duo_is_its_unit(
    analyzer: Analyzer, question: str, unit: str
) -> None:
    terms = analyzer.terms(question, "zh")
    assert unit in terms
    assert not {"zh:多少岁", "zh:年龄", "zh:岁数"} & set(terms)


@pytest.mark.parametrize(
    ("text", "unit"),
    [("每届任期五年。", "zh:年"), ("年满十八周岁的公民", "zh:岁"), ("六十天内", "zh:天")],
)
def test_an_amount_in_chinese_numerals_also_gives_its_unit(
    analyzer: Analyzer, text: str, unit: str
) -> None:
    # jieba keeps 五年, 十八周岁, 六十天 whole: the unit a question asks with (几年, 几岁,
    # 多少天) was in none of them. The unit is written once (十八周岁 and 周岁 end in one 岁).
    assert analyzer.terms(text, "zh").count(unit) == 1


def test_which_year_states_no_amount(analyzer: Analyzer) -> None:
    # 一年 inside 哪一年 ("which year") is no year counted: 年 would match every dated passage.
    assert "zh:年" not in analyzer.terms("勇气号是哪一年登陆火星的？", "zh")
    assert "zh:年" not in analyzer.terms("十分重要", "zh")  # nor is 十分 ("very") minutes


def test_how_old_finds_the_age_in_full_years(
    write_library: Callable[[dict[str, str]], Library],
) -> None:
    constitution = (
        "# 宪法\n\n"
        "第三十四条 年满十八周岁的公民，都有选举权和被选举权。\n\n"
        "第三十五条 公民有参加社会活动的自由。\n\n"
        "第三十六条 公民参加国家建设事业。\n"
    )
    library = write_library({"constitution.md": constitution})
    answer = library.answer("几岁以后可以参加投票？")
    assert "十八周岁" in answer.hits[0].passage.text


def test_words_that_only_begin_with_ji_or_duo_are_kept(analyzer: Analyzer) -> None:
    assert "zh:几何" in analyzer.terms("几何形状", "zh")  # geometry
    assert "zh:大程度" in analyzer.terms("在多大程度上", "zh")  # 大 is part of a word here


@given(st.text(alphabet="几多年岁天大长高的火星苹果软件包", max_size=12))
def test_each_word_keeps_its_place_in_the_text(run: str) -> None:
    # The unit read off 几年 keeps its own characters' span: quotes still mark the text.
    for word, start, end in cjk.chinese_words(run):
        assert run[start:end] == word
