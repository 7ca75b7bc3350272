"""A follow-up asking something new of the earlier answer's subject is answered by the passage
under the same heading that says it, not by the earlier answer again: that answer holds every
word of the earlier question, which the follow-up searches too.

The documents are the docs-dev3 corpus (data/eval/corpora/docs-dev3/SOURCES.md: Starlette's
documentation, BSD licence)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from retrieval.library import Library
from tests.search.devcorpora import dev_corpus_library


@pytest.fixture(scope="module")
def starlette(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Library]:
    library = dev_corpus_library(tmp_path_factory, "docs-dev3")
    yield library
    library.close()


def test_asking_of_websockets_after_the_permissions_answer_quotes_the_note_on_them(
    starlette: Library,
) -> None:
    earlier = "How do I return 404 instead of 403 when permissions aren't granted?"
    shown = starlette.answer(earlier, k=1).hits[0].passage
    assert "403 responses will be returned" in shown.text
    follow_up = "and for websocket endpoints, can I change that status code?"
    best = starlette.answer(follow_up, context=[earlier], k=3).hits[0].passage
    assert best.id != shown.id
    assert "not supported with WebSockets" in best.text
    assert (best.doc, best.section) == (shown.doc, shown.section)
