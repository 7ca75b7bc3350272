"""A word no passage has that is a slip of the fingers from one they have is a typo, not a sign of
another subject: it does not hedge the answer."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from retrieval.library import Library
from retrieval.model import Excerpt, Passage, Segment
from retrieval.search import judge
from retrieval.search.query import Weights
from retrieval.search.rank import QuestionWeights, Ranked

KNOWN = {"forev", "grow", "wal", "file"}  # the documents' terms ("forever" stems to "forev")


def _known(words: list[str]) -> bool:
    return not KNOWN.isdisjoint(words)


_BEST = [
    Ranked(
        Passage("p-1", "wal.md", "WAL", None, 1, "The WAL file grows forever."),
        1.0,
        1.0,
        Excerpt((Segment("The WAL file grows forever."),)),
    )
]


def _question(unknown: str) -> QuestionWeights:
    weights = Weights({"wal": 1.0, "file": 1.0, "grow": 1.0, unknown: 1.0}, {})
    scaled = dict.fromkeys(weights, 2.0)
    found = {t: v for t, v in scaled.items() if t != unknown}
    return QuestionWeights(weights, scaled, found, (), (unknown,))


def test_typos_are_the_unknown_words_a_slip_away_from_a_known_one() -> None:
    unknown = ["forevr", "sluggish", "ru:бросил", "wla"]
    assert judge.typos(unknown, _known) == {"forevr"}


def test_a_typo_does_not_hedge_a_middling_match_another_word_does() -> None:
    typo, other = _question("forevr"), _question("sluggish")
    assert judge.judge(0.5, typo, _BEST, typos=judge.typos(["forevr"], _known)) == ("answered")
    assert judge.judge(0.5, other, _BEST, typos=judge.typos(["sluggish"], _known)) == ("hedged")


def test_typos_looked_for_on_demand_judge_alike_and_only_where_they_decide() -> None:
    asked: list[list[str]] = []

    def typos(words: Sequence[str]) -> set[str]:
        asked.append(list(words))
        return judge.typos(words, _known)

    for unknown in ("forevr", "sluggish"):
        question = _question(unknown)
        for sure in (0.1, 0.3, 0.5, 0.9):
            found = judge.typos([unknown], _known)
            assert judge.judge(sure, question, _BEST, typos=typos) == judge.judge(
                sure, question, _BEST, typos=found
            )
    # Only for a middling match (0.40 to 0.55), and only about its unknown word.
    assert asked == [["forevr"], ["sluggish"]]


def test_a_pasted_token_is_no_typo_however_near_a_known_word() -> None:
    # One letter away from a known word, but 4,000 letters long: a pasted key, no slip.
    long_word = "q" * 4000
    assert judge.typos([long_word], lambda words: "q" * 3999 in words) == set()
    assert judge.typos(["q" * 30], lambda words: "q" * 29 in words) == {"q" * 30}


def test_a_question_holding_a_pasted_token_is_still_answered_from_its_other_words(
    write_library: Callable[[dict[str, str]], Library],
) -> None:
    library = write_library(
        {"logs.md": "# Logs\n\nThe server writes its logs to /var/log/server every hour.\n"}
    )
    answer = library.answer("where are the server logs " + "q" * 4000)
    assert answer.outcome != "declined"
    assert "/var/log/server" in answer.hits[0].passage.text
