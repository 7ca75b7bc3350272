"""A word carrying much of a question's weight that the passage answering it words otherwise
(the question's own verb: "keep ties" where the passage says "established relations") does
not keep a right answer hedged."""

from __future__ import annotations

import pytest

from retrieval.library import Library


@pytest.mark.parametrize(
    ("question", "context", "said"),
    [
        (
            "How many countries does China keep military ties with?",
            None,
            "military relations with more than 150 countries",
        ),
        # A follow-up's own word is most of its weight: "close" the gap, which the passage
        # answers with the strategy it supports.
        (
            "how do they want to close it?",
            "What do China and Russia say about the gap between the North and the South?",
            "promotion of North-South dialogue",
        ),
    ],
)
def test_a_heavy_word_said_otherwise_leaves_the_answer_answered(
    shipped_library: Library, question: str, context: str | None, said: str
) -> None:
    answer = shipped_library.answer(question, context=context)
    assert said in answer.hits[0].passage.text
    assert answer.outcome == "answered"
