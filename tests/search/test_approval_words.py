"""A word of approval ("good", "best", "bon", "mejor", "хороший") that the best passage holds
answers nothing of the question: asking for "a good film" asks for an opinion."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from retrieval.library import Library

_NOTES = (
    "# Garden notes\n\n"
    "## Pests\n\nA good spray of water knocks the aphids off the roses.\n\n"
    "## Frost\n\nCover young plants with fleece on nights when frost is forecast.\n\n"
    "## Market\n\nTea and silk were the goods the market traders sold.\n"
)
_NOTAS = (
    "# Notas del huerto\n\n"
    "## Plagas\n\nUn buen chorro de agua quita los pulgones de los rosales.\n\n"
    "## Heladas\n\nCubre las plantas jóvenes con vellón las noches de helada.\n"
)


@pytest.fixture(scope="module")
def garden(write_library: Callable[[dict[str, str]], Library]) -> Library:
    return write_library({"garden.md": _NOTES})


@pytest.fixture(scope="module")
def huerto(write_library: Callable[[dict[str, str]], Library]) -> Library:
    return write_library({"huerto.md": _NOTAS})


def test_a_passage_holding_only_good_does_not_answer_what_is_good(garden: Library) -> None:
    answer = garden.answer("a good film?")
    assert answer.confidence == 0
    assert answer.outcome == "declined"


def test_the_same_in_spanish(huerto: Library) -> None:
    answer = huerto.answer("¿Una buena película?")
    assert answer.outcome == "declined"


def test_the_words_asked_about_still_answer(garden: Library) -> None:
    answer = garden.answer("a good spray against aphids")
    assert answer.outcome == "answered"
    assert "aphids" in answer.hits[0].passage.text


def test_goods_are_no_word_of_approval(garden: Library) -> None:
    # The stemmer makes "goods" the term of "good": the word, not the term, is what approves.
    answer = garden.answer("which goods did the traders sell?")
    assert answer.outcome == "answered"
    assert "silk" in answer.hits[0].passage.text
