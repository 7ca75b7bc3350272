"""A Chinese question naming a place, person or body no passage holds asks about something the
documents do not cover, as a capitalised name does in the languages that write capitals."""

from __future__ import annotations

from retrieval.model import Excerpt, Passage, Segment
from retrieval.search import judge
from retrieval.search.query import Weights
from retrieval.search.rank import QuestionWeights, Ranked

_TEXT = "火星的天气比地球容易预测。"
_PASSAGE = Passage("m-1", "mars.txt", "火星", None, 1, _TEXT)
_BEST = [Ranked(_PASSAGE, 1.0, 1.0, Excerpt((Segment(_TEXT),)))]


def _question(own: list[str], unknown: tuple[str, ...]) -> QuestionWeights:
    scaled = {t: 3.0 for t in own}
    found = {t: v for t, v in scaled.items() if t not in unknown}
    return QuestionWeights(Weights(dict.fromkeys(own, 1.0), {}), scaled, found, (), unknown)


_WEATHER = "今天上海的天气怎么样？"
_SHANGHAI = _question(["zh:今天", "zh:上海", "zh:天气"], ("zh:上海",))


def test_a_place_no_passage_holds_is_a_name_the_documents_lack() -> None:
    names = judge.chinese_names(_WEATHER, "zh", _SHANGHAI)
    assert names == ["上海"]
    assert judge.judge(0.29, _SHANGHAI, _BEST, names) == "declined"


def test_a_place_the_documents_hold_is_none() -> None:
    known = _question(["zh:今天", "zh:上海", "zh:天气"], ())
    assert judge.chinese_names(_WEATHER, "zh", known) == []


def test_an_unknown_common_noun_is_no_name() -> None:
    # 秋天 ("autumn") is in no passage, but it names no place, person or body.
    question = _question(["zh:写", "zh:秋天", "zh:诗"], ("zh:秋天",))
    assert judge.chinese_names("帮我写一首关于秋天的诗吧。", "zh", question) == []
