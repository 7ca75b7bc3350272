"""Two words of a question that the documents write as one word ("thread safe": threadsafe)
find the passage writing it so, and that word stands for both of them; but only for a question
sharing words with the documents."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from retrieval.library import Library

MANUAL = (
    "# Client manual\n\n## Threads\n\n"
    "The client is threadsafe: it serializes access to its connection pool with a lock.\n\n"
    "## Workers\n\n"
    "Each worker thread keeps its own cache, and a thread started by the pool stops when the "
    "pool closes.\n\n## Connections\n\n"
    "The connection pool opens at most ten connections to the server.\n\n## Reports\n\n"
    "The greenhouse gas report is published every year by the environment office.\n"
)


@pytest.fixture(scope="module")
def manual(write_library: Callable[[dict[str, str]], Library]) -> Library:
    return write_library({"manual.md": MANUAL})


def test_two_words_the_documents_join_find_the_joined_word(manual: Library) -> None:
    # The passage on worker threads came first, and the question was hedged: no passage says
    # "safe", and threadsafe stood for "thread" alone.
    answer = manual.answer("is the client thread safe")
    assert "The client is threadsafe" in answer.hits[0].passage.text
    assert answer.outcome == "answered"


def test_no_joined_word_for_a_question_sharing_no_word(manual: Library) -> None:
    # Neither "green" nor "house" is in the documents: the question is about something else,
    # not their greenhouse gas report.
    assert manual.answer("where is the green house").outcome == "declined"
