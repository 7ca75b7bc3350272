"""A passage's section and document title count in the re-ranking, less than its own text."""

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
