"""A word asking for an opinion ("the best") counts as in no document when two thirds of a
question's words must be in none for it to be about something else."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from retrieval.library import Library

# A working group's blog, as tryout22d's corpus holds it: a conference city named in passing.
_BLOG = (
    "# KubeCon Chicago\n\n"
    "At KubeCon Chicago the working group will bring together maintainers and users of"
    " projects that enable cloud-native application delivery.\n\n"
    "## Booth meetups\n\nSee you in Chicago!\n\n"
    "## Best practices\n\nThe best practices for platform teams are to treat the platform as a"
    " product and to measure its adoption.\n"
)


@pytest.fixture(scope="module")
def blog(write_library: Callable[[dict[str, str]], Library]) -> Library:
    return write_library({"kubecon.md": _BLOG})


def test_the_best_of_something_no_document_names_is_declined(blog: Library) -> None:
    # "pizza" is in no document, "best" is asked as an opinion: only "Chicago" is matched.
    answer = blog.answer("what's the best pizza in Chicago")
    assert answer.outcome == "declined"


def test_best_in_a_phrase_the_documents_write_is_no_opinion(blog: Library) -> None:
    answer = blog.answer("what are the best practices for platform teams?")
    assert answer.hits[0].passage.section == "Best practices"
    assert answer.outcome == "answered"
