"""Two words of a question that the documents write as one word ("thread safe": threadsafe)
find the passage writing it so."""

from __future__ import annotations

from collections.abc import Callable

from retrieval.library import Library

MANUAL = (
    "# Threads\n\n"
    "## Is the library threadsafe?\n\n"
    "The library is threadsafe because it serializes access to its shared structures with "
    "mutexes. If you do not need that, disable the mutexes for speed.\n\n"
    "## Worker threads\n\n"
    "Each worker thread keeps its own cache. A thread started by the pool is stopped when "
    "the pool closes, and the pool waits for every thread to finish its task.\n\n"
    "## Shutdown\n\n"
    "A safe shutdown writes every page to disk first: it is safe to pull the plug after it.\n"
)


def test_two_words_the_documents_join_find_the_joined_word(
    write_library: Callable[[dict[str, str]], Library],
) -> None:
    library = write_library({"manual.md": MANUAL})
    answer = library.answer("is the library thread safe?")
    assert "threadsaf" in answer.terms
    # Not the passage on worker threads nor the one saying "safe" twice.
    assert "serializes access" in answer.hits[0].passage.text
