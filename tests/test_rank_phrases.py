"""Re-ranking: two question words written next to each other, as the question has them, say
the passage is about that thing ("WAL mode"), more than the same words far apart."""

from __future__ import annotations

from collections.abc import Mapping

from retrieval.model import Passage
from retrieval.search.excerpts import Matches
from retrieval.search.query import Weights
from retrieval.search.rank import QuestionWeights, rerank

# "what does WAL mode change?": three terms, equally rare, in the question's order
OWN = {"wal": 1.0, "mode": 1.0, "chang": 1.0}
Words = tuple[tuple[str, str], ...]  # (word as written, its term)
APART = "The mode it runs in is set by a WAL file.", (("mode", "mode"), ("WAL", "wal"))
TOGETHER = "Setting WAL mode turns on the log.", (("WAL", "wal"), ("mode", "mode"))


def _question(weights: Mapping[str, float]) -> QuestionWeights:
    return QuestionWeights(weights, weights, weights, (), ())


def _order(question: QuestionWeights, *texts: tuple[str, Words]) -> list[str]:
    """The one-sentence passages ``texts``, their words marked where they stand, in the order
    re-ranked. The first has a little more BM25: with no phrase, it stays first."""
    bits = question.terms.bits
    candidates, matches = [], []
    for number, (text, words) in enumerate(texts, 1):
        marks = sorted((text.index(w), text.index(w) + len(w), bits[t]) for w, t in words)
        mask = sum(1 << bit for _, _, bit in marks)
        passage = Passage(f"p{number}", "doc", "Title", None, number, text)
        candidates.append((passage, 5.0 - 0.1 * number))
        matches.append(Matches([(0, len(text))], [mask], [marks]))
    return [r.passage.id for r in rerank(candidates, question, matches)]


def test_the_passage_writing_the_question_words_together_comes_before_one_writing_them_apart() -> (
    None
):
    assert _order(_question(OWN), APART, TOGETHER) == ["p2", "p1"]


def test_words_next_to_each_other_in_another_order_are_no_phrase() -> None:
    reversed_ = "Each mode WAL knows is listed.", (("mode", "mode"), ("WAL", "wal"))
    assert _order(_question(OWN), APART, reversed_) == ["p1", "p2"]


def test_words_apart_in_the_question_are_no_phrase() -> None:
    # "what does WAL change about the mode?": "wal" and "mode" do not follow each other.
    question = _question({"wal": 1.0, "chang": 1.0, "mode": 1.0})
    assert _order(question, APART, TOGETHER) == ["p1", "p2"]


def test_words_carried_over_from_an_earlier_question_make_no_phrase() -> None:
    # "and what does it change?" after "what is WAL mode?": WAL and mode are its context.
    carried = Weights({"chang": 1.0, "wal": 0.7, "mode": 0.7}, {})
    assert _order(_question(carried), APART, TOGETHER) == ["p1", "p2"]


def test_a_word_searched_in_place_of_a_question_word_makes_no_phrase() -> None:
    # "mode" searched as a reading of some other word of the question, at full weight.
    read = Weights({"wal": 1.0, "mode": 1.0}, {"mode": "manner"})
    assert _order(_question(read), APART, TOGETHER) == ["p1", "p2"]
