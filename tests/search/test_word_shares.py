"""A question word the analyzer reads as several terms ("UTF-8": utf8, utf and 8; 普通用户: 普通,
普通用户 and 用户) weighs as one word when the best passages are re-ranked: a passage writing
that word as the question does must not outweigh one holding two other words of the question."""

from __future__ import annotations

from collections.abc import Mapping

from retrieval.model import Passage
from retrieval.search.excerpts import Matches
from retrieval.search.query import Weights, word_shares
from retrieval.search.rank import QuestionWeights, rerank

# "How do I convert latin1 files to UTF-8?"
READ = [
    ("convert", (9, 16)), ("latin1", (17, 23)), ("file", (24, 29)),
    ("utf8", (33, 38)), ("utf", (33, 36)), ("8", (37, 38)),
]  # fmt: skip
SAYS_THE_WORD = "All is in UTF-8.", (("UTF", "utf8"), ("UTF", "utf"), ("8", "8"))
SAYS_TWO_WORDS = "iconv can convert latin1.", (("convert", "convert"), ("latin1", "latin1"))


def test_a_word_read_as_several_terms_is_shared_among_them() -> None:
    shares = word_shares(READ)
    assert shares == {"convert": 1.0, "latin1": 1.0, "file": 1.0, "utf8": 1 / 3, "utf": 1 / 3,
                      "8": 1 / 3}  # fmt: skip


def test_a_term_of_two_words_keeps_its_larger_share() -> None:
    # 用户 alone, then inside 普通用户 (普通, 普通用户, 用户)
    read = [("zh:用户", (0, 2)), ("zh:普通", (3, 5)), ("zh:普通用户", (3, 7)), ("zh:用户", (5, 7))]
    assert word_shares(read)["zh:用户"] == 1.0


def _question(weights: Mapping[str, float]) -> QuestionWeights:
    return QuestionWeights(weights, weights, weights, (), ())


def _order(question: QuestionWeights, *texts: tuple[str, tuple[tuple[str, str], ...]]) -> list[str]:
    """The one-sentence passages ``texts`` (their words marked), in the order re-ranked; the
    first has a little more BM25."""
    bits = question.terms.bits
    candidates, matches = [], []
    for number, (text, words) in enumerate(texts, 1):
        marks = sorted((text.index(w), text.index(w) + len(w), bits[t]) for w, t in words)
        passage = Passage(f"p{number}", "doc", "Title", None, number, text)
        candidates.append((passage, 5.0 - 0.1 * number))
        matches.append(Matches([(0, len(text))], [sum(1 << b for *_, b in marks)], [marks]))
    return [r.passage.id for r in rerank(candidates, question, matches)]


def test_two_words_of_the_question_outweigh_one_word_read_as_three_terms() -> None:
    weights = Weights(dict.fromkeys((t for t, _ in READ), 1.0), {}, None, word_shares(READ))
    assert _order(_question(weights), SAYS_THE_WORD, SAYS_TWO_WORDS) == ["p2", "p1"]


def test_without_shares_each_term_weighs_whole() -> None:
    # The same terms, none split (as a follow-up's carried words are): three beat two.
    weights = Weights(dict.fromkeys((t for t, _ in READ), 1.0), {})
    assert _order(_question(weights), SAYS_THE_WORD, SAYS_TWO_WORDS) == ["p1", "p2"]
