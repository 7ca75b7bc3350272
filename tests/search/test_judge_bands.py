"""How much of a question the best passage covers decides, alone, between answered, hedged and
declined when every word of the question is in some document and nothing else is amiss."""

from __future__ import annotations

import pytest

from retrieval.model import Excerpt, Passage, Segment
from retrieval.search import judge
from retrieval.search.query import Weights
from retrieval.search.rank import QuestionWeights, Ranked

_TEXT = "Queries become slow when the cache is too small."
_PASSAGE = Passage("n-1", "notes.md", "Notes", None, 1, _TEXT)
_BEST = [Ranked(_PASSAGE, 1.0, 1.0, Excerpt((Segment(_TEXT),)))]


def _weights(idf: dict[str, float]) -> QuestionWeights:
    """A question of these terms, each asked once, every one in some passage."""
    return QuestionWeights(Weights(dict.fromkeys(idf, 1.0), {}), dict(idf), dict(idf), (), ())


_KNOWN = _weights({"queri": 2.0, "slow": 2.0, "cach": 3.0})


@pytest.mark.parametrize(
    ("confidence", "outcome"),
    [
        (0.1, "declined"),  # nothing plausibly matches
        (0.24, "declined"),
        (0.25, "hedged"),  # a weak match: shown, said to be unsure (most such are wrong)
        (0.39, "hedged"),
        (0.40, "answered"),
        (0.8, "answered"),
    ],
)
def test_the_share_covered_decides_the_outcome(confidence: float, outcome: str) -> None:
    assert judge.judge(confidence, _KNOWN, _BEST) == outcome


def test_nothing_found_is_declined() -> None:
    assert judge.judge(0.0, _KNOWN, []) == "declined"


_CHINESE = _weights({"zh:系统": 2.0, "zh:定时": 3.0, "zh:更新": 2.0})


@pytest.mark.parametrize(
    ("confidence", "outcome"),
    [(0.1, "declined"), (0.14, "declined"), (0.2, "hedged"), (0.39, "hedged"), (0.4, "answered")],
)
def test_a_question_in_another_language_is_declined_only_below_a_lower_share(
    confidence: float, outcome: str
) -> None:
    # Its words meet the passage's less often (cases, segmentation, colloquial words): a weak
    # match is more often right than in English, so it is shown, hedged.
    assert judge.judge(confidence, _CHINESE, _BEST) == outcome


# "Interested in articles on robotics, motion planning particularly the geometric and
# combinatorial aspects. We are not interested in the dynamics of arm motion." (CACM): ten words
# of its own describe what the reader looks for; no one passage holds them all.
_NEED = _weights(
    {
        w: 2.0
        for w in (
            "interest articl robot motion plan particular geometr combinatori dynam arm".split()
        )
    }
)


@pytest.mark.parametrize(("confidence", "outcome"), [(0.1, "hedged"), (0.3, "hedged")])
def test_a_described_need_of_ten_words_is_hedged_not_declined(
    confidence: float, outcome: str
) -> None:
    assert judge.judge(confidence, _NEED, _BEST) == outcome


def test_a_long_question_nothing_matches_is_still_declined() -> None:
    # "Which running shoes are best for long distance marathon training on hard city pavement"
    # to documents on diplomacy: ten words of its own, none covered.
    assert judge.judge(0.0, _NEED, _BEST) == "declined"
