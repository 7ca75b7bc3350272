"""Re-ranking: a passage's section and document title count, less than its own text; the
question's words together in one sentence count more than spread over several."""

from __future__ import annotations

from retrieval.model import Passage
from retrieval.search.excerpts import Matches
from retrieval.search.rank import QuestionWeights, rerank

# "how are backlinks rendered?": two terms, equally rare
WEIGHTS = {"backlink": 1.0, "render": 1.0}
QUESTION = QuestionWeights(WEIGHTS, WEIGHTS, WEIGHTS, (), ())
BACKLINK, RENDER = 1, 2  # the terms' bits


def _candidate(number: int, section: str, mask: int) -> tuple[tuple[Passage, float], Matches]:
    text = f"passage {number}."
    passage = Passage(f"p{number}", "doc", "Options", section, number, text)
    return (passage, 5.0), Matches([(0, len(text))], [mask], [[(0, 7, 0)]])


def _order(*candidates: tuple[tuple[Passage, float], Matches], heads: list[int]) -> list[str]:
    ranked = rerank([c for c, _ in candidates], QUESTION, [m for _, m in candidates], heads)
    return [r.passage.id for r in ranked]


def test_the_passage_under_the_heading_that_names_the_subject_comes_first() -> None:
    # Both say "rendered"; only the second stands under the heading "backlinks".
    first = _candidate(1, "other", RENDER)
    second = _candidate(2, "backlinks", RENDER)
    assert _order(first, second, heads=[0, BACKLINK]) == ["p2", "p1"]
    assert _order(first, second, heads=[0, 0]) == ["p1", "p2"]  # BM25 order stands on a tie


def test_a_term_the_text_holds_counts_more_than_one_only_its_heading_holds() -> None:
    said = _candidate(1, "other", BACKLINK | RENDER)
    headed = _candidate(2, "backlinks", RENDER)
    assert _order(headed, said, heads=[BACKLINK, 0]) == ["p1", "p2"]


def test_the_question_words_in_one_sentence_come_before_the_same_words_spread_over_two() -> None:
    text = "One. Two."
    spans = [(0, 4), (5, 9)]
    apart = Passage("p1", "doc", "Options", None, 1, text)
    together = Passage("p2", "doc", "Options", None, 2, text)
    candidates = [(apart, 5.0), (together, 4.9)]  # a little less BM25
    matches = [
        Matches(spans, [BACKLINK, RENDER], [[(0, 3, 0)], [(5, 8, 1)]]),
        Matches(spans, [BACKLINK | RENDER, 0], [[(0, 3, 0), (0, 3, 1)], []]),
    ]
    assert [r.passage.id for r in rerank(candidates, QUESTION, matches)] == ["p2", "p1"]


def test_a_term_only_the_code_holds_counts_less_than_one_a_sentence_says() -> None:
    # "the paths option": one passage's sentence says "paths", another's code only does.
    text = "Set the option: paths: [src]"
    said = Passage("p1", "doc", "Options", None, 1, text)
    coded = Passage("p2", "doc", "Options", None, 2, text, kind="code", code_at=16)
    spans = [(0, 15), (16, len(text))]
    marks: list[list[tuple[int, int, int]]] = [[(8, 14, 1)], [(16, 21, 0)]]
    candidates = [(coded, 5.0), (said, 4.9)]  # the code's passage a little ahead on BM25
    matches = [Matches(spans, [RENDER, BACKLINK], marks)] * 2
    assert [r.passage.id for r in rerank(candidates, QUESTION, matches)] == ["p1", "p2"]


def test_under_a_question_heading_the_heading_counts_as_much_as_the_text() -> None:
    # A FAQ: "Must I use backlinks to render?" heads the terse answer, which says neither word
    # the question asks about; a passage elsewhere says "rendered" in its own text.
    said = _candidate(1, "other", RENDER)
    answer = _candidate(2, "Do I need backlinks to render?", 0)
    statement = _candidate(2, "Backlinks and rendering", 0)
    assert _order(said, answer, heads=[0, BACKLINK | RENDER]) == ["p2", "p1"]
    assert _order(said, statement, heads=[0, BACKLINK | RENDER]) == ["p1", "p2"]
