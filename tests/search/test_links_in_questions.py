"""A web address pasted into a question is no part of what it asks."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from retrieval.errors import QuestionError
from retrieval.library import Library
from retrieval.search.query import without_links


@pytest.fixture(scope="module")
def notes(write_library: Callable[[dict[str, str]], Library]) -> Library:
    return write_library(
        {
            "river.md": (
                "# The river\n\n## Length\n\nThe river is 6,650 kilometres long from its source "
                "to the sea.\n\n## Dams\n\nThe high dam holds back a lake 550 kilometres long.\n\n"
                "## Wiki\n\nThe English wiki page of the organisation lists its members.\n"
            )
        }
    )


def test_a_question_with_a_link_is_answered_as_without_it(notes: Library) -> None:
    plain = notes.answer("How long is the river?")
    linked = notes.answer("How long is the river? https://en.wikipedia.org/wiki/River_length")
    assert linked.outcome == plain.outcome == "answered"
    assert linked.terms == plain.terms
    assert linked.hits[0].passage.id == plain.hits[0].passage.id
    # "en", "wiki", "org" of the address would have found the passage on the wiki page.
    assert "wiki" not in linked.hits[0].passage.text


def test_an_address_starting_www_is_left_out_and_a_bare_host_kept() -> None:
    assert without_links("What is it? (source: www.example.gov.cn)").split() == [
        "What", "is", "it?", "(source:"
    ]  # fmt: skip
    assert without_links("what does sqlite.org say?") == "what does sqlite.org say?"
    glued = without_links("see https://sqlite.org/wal.html,and why")
    assert glued.split() == ["see", ",and", "why"]


def test_a_link_alone_is_no_question(notes: Library) -> None:
    with pytest.raises(QuestionError):
        notes.answer("https://en.wikipedia.org/wiki/River")
