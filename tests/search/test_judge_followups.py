"""A follow-up is hedged, not declined, when only its own few words go unmatched."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from retrieval.library import Library
from retrieval.model import Excerpt, Passage, Segment
from retrieval.search import judge
from retrieval.search.query import Weights
from retrieval.search.rank import QuestionWeights, Ranked

_TEXT = "Ada Lovelace is patron of the society, having previously served as its treasurer."
_BEST = [
    Ranked(
        Passage("p-1", "people.md", "People", None, 1, _TEXT), 1.0, 1.0, Excerpt((Segment(_TEXT),))
    )
]


def _question(carried: dict[str, float]) -> QuestionWeights:
    weights = Weights({"job": 1.0, **carried}, {})
    scaled = {t: w * 3.0 for t, w in weights.items()}
    return QuestionWeights(weights, scaled, scaled, (), ())


def test_a_follow_up_whose_own_words_go_unmatched_is_hedged() -> None:
    carried = {"ada": 0.35, "lovelac": 0.35}  # from "What position does Ada Lovelace hold?"
    assert judge.judge(0.2, _question(carried), _BEST) == "hedged"


def test_a_question_on_its_own_matching_as_little_is_declined() -> None:
    assert judge.judge(0.2, _question({}), _BEST) == "declined"


@pytest.fixture(scope="module")
def people(write_library: Callable[[dict[str, str]], Library]) -> Library:
    return write_library(
        {
            "people.md": f"# People\n\n## Patrons\n\n{_TEXT}\n\n## Members\n\n"
            "Members meet on the first Monday of every month in the library hall.\n",
        }
    )


def test_a_follow_up_on_the_conversations_subject_is_never_declined(people: Library) -> None:
    earlier = "What position does Ada Lovelace hold?"
    answer = people.answer("and what was her job before that?", context=[earlier])
    assert answer.outcome != "declined"
    assert answer.hits[0].passage.text == _TEXT


@pytest.mark.parametrize(
    "follow_up", ["and how do I bake bread?", "and what about chocolate cake?"]
)
def test_a_follow_up_on_another_subject_is_declined(people: Library, follow_up: str) -> None:
    # Its two words of its own are in no document: the carried subject alone found the quote.
    earlier = "What position does Ada Lovelace hold?"
    assert people.answer(follow_up, context=[earlier]).outcome == "declined"


def test_a_follow_up_whose_few_words_are_all_unknown_is_declined() -> None:
    carried = {"ada": 0.35, "lovelac": 0.35}
    weights = Weights({"bake": 1.0, "bread": 1.0, **carried}, {})
    scaled = {t: w * 3.0 for t, w in weights.items()}
    found = {t: v for t, v in scaled.items() if t in carried}
    question = QuestionWeights(weights, scaled, found, (), ("bake", "bread"))
    assert judge.judge(0.2, question, _BEST) == "declined"
