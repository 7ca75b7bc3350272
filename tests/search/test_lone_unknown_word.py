"""One word no document holds, among three or more, hedges a weak match instead of declining it."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from retrieval.library import Library
from retrieval.model import Excerpt, Passage, Segment
from retrieval.search import judge
from retrieval.search.query import Weights
from retrieval.search.rank import QuestionWeights, Ranked

_GARDEN = (
    "# Garden notes\n\n"
    "## Soil\n\nCompost improves clay soil by loosening it and feeding the worms that aerate "
    "it.\n\n"
    "## Watering\n\nWater seedlings in the morning so the leaves dry before evening and mildew "
    "has no chance.\n\n"
    "## Pests\n\nAphids gather under the leaves; a strong spray of water knocks most of them "
    "off.\n\n"
    "## Frost\n\nCover young plants with fleece on nights when frost is forecast.\n\n"
    "## Hedges\n\nTrim a beech hedge in late summer so it keeps its brown leaves through winter.\n"
)


@pytest.fixture(scope="module")
def garden(write_library: Callable[[dict[str, str]], Library]) -> Library:
    return write_library(
        {
            "garden.md": _GARDEN,
            "kitchen.md": "# Kitchen notes\n\n## Bread\n\n"
            "Bread dough rises best in a warm kitchen away from draughts.\n",
        }
    )


def test_one_word_in_no_document_hedges_the_closest_match(garden: Library) -> None:
    # Every word but "rapeseed" is in the notes, each in another passage: the best one covers
    # little of the question, but it is about the question's subject.
    answer = garden.answer("compost fleece beech aphids rapeseed")
    assert answer.confidence < judge.DECLINE_BELOW
    assert answer.outcome == "hedged"
    assert answer.answered and answer.hits


def test_two_words_in_no_document_still_decline_a_weak_match(garden: Library) -> None:
    answer = garden.answer("compost fleece beech rapeseed marigold")
    assert answer.confidence < judge.DECLINE_BELOW
    assert answer.outcome == "declined"


_TEXT = "Aphids gather under the leaves."
_PASSAGE = Passage("g-1", "garden.md", "Garden", None, 1, _TEXT)
_BEST = [Ranked(_PASSAGE, 1.0, 1.0, Excerpt((Segment(_TEXT),)))]


def _question(own: list[str], unknown: tuple[str, ...]) -> QuestionWeights:
    weights = Weights(dict.fromkeys(own, 1.0), {})
    scaled = {t: 3.0 for t in own}
    found = {t: v for t, v in scaled.items() if t not in unknown}
    return QuestionWeights(weights, scaled, found, (), unknown)


def test_a_word_in_no_document_that_carries_most_of_the_question_still_declines() -> None:
    # "How do countries cooperate on knitting?": the two words the documents hold are everyday
    # ones there; the question is about knitting, which no document is.
    own = ["countri", "cooper", "knit"]
    weights = Weights(dict.fromkeys(own, 1.0), {})
    scaled = {"countri": 1.2, "cooper": 1.0, "knit": 4.5}
    found = {t: v for t, v in scaled.items() if t != "knit"}
    question = QuestionWeights(weights, scaled, found, (), ("knit",))
    assert judge.judge(0.2, question, _BEST) == "declined"
    rarer = QuestionWeights(
        weights, {**scaled, "countri": 3.0, "cooper": 2.5}, found, (), ("knit",)
    )
    assert judge.judge(0.2, rarer, _BEST) == "hedged"


def test_an_off_topic_question_with_one_unknown_word_is_declined(shipped_library: Library) -> None:
    answer = shipped_library.answer("How do countries cooperate on knitting?")
    assert answer.outcome == "declined"


def test_a_short_question_with_a_word_in_no_document_is_still_declined() -> None:
    # Of two words, one unknown is half the question: another subject as likely as not.
    assert judge.judge(0.2, _question(["boil", "aphid"], ("boil",)), _BEST) == "declined"


def test_a_year_no_document_holds_still_declines() -> None:
    weights = Weights(dict.fromkeys(["aphid", "leav", "spray", "2018"], 1.0), {})
    scaled = dict.fromkeys(weights, 3.0)
    found = {t: v for t, v in scaled.items() if t != "2018"}
    question = QuestionWeights(weights, scaled, found, ("2018",), ("2018",))
    assert judge.judge(0.2, question, _BEST) == "declined"


def test_a_lone_word_in_no_document_hedges_no_passage_that_holds_none_of_the_others() -> None:
    # "Tu peux me conseiller un bon film policier ?": the best passage holds only "bon", which
    # the judge does not count; nothing of the question matched, so there is nothing to hedge.
    question = _question(["conseil", "film", "polici"], ("polici",))
    assert judge.judge(0.0, question, _BEST) == "declined"
    assert judge.judge(0.2, question, _BEST) == "hedged"
