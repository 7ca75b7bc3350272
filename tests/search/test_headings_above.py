"""The headings above a passage's section say which of a document's sections of one name it is
under: 18F's method cards give every method its "How to do it", and "design studio" is only in
the card's own heading over it. The passage under "Design studio › How to do it" answers a
question about a design studio session before the one under "Journey mapping › How to do it",
which says "people" and "design" too.

The documents are the office-dev corpus (data/eval/corpora/office-dev/SOURCES.md; the method
cards are public domain)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from retrieval.library import Library
from tests.search.devcorpora import dev_corpus_library


@pytest.fixture(scope="module")
def office(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Library]:
    library = dev_corpus_library(tmp_path_factory, "office-dev")
    yield library
    library.close()


def test_the_card_named_in_the_question_answers_before_another_cards_same_section(
    office: Library,
) -> None:
    answer = office.answer("How many people should I invite to a design studio session?", k=3)
    first = answer.hits[0].passage
    assert (first.above, first.section) == (("Design studio",), "How to do it")
    assert "Invite between six and 12 participants" in first.text
