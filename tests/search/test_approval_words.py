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


_PURCHASING = (
    "# Procédure d'achat\n\n## Le bon de commande\n\n"
    "Un bon de commande est un document émis par l'acheteur pour commander des marchandises"
    " au fournisseur. Il indique les quantités, les prix et la date de livraison.\n"
)
_SECURITY = (
    "# Security guide\n\n## Passwords\n\n"
    "A good password has at least twelve characters and is not used on any other site.\n\n"
    "## Best practices\n\n"
    "The best practices for SSH are to disable root login and to use keys instead of"
    " passwords.\n"
)


@pytest.mark.parametrize(
    ("files", "question"),
    [
        ({"achats.md": _PURCHASING}, "Qu'est-ce qu'un bon de commande ?"),
        ({"security.md": _SECURITY}, "What makes a good password?"),
        ({"security.md": _SECURITY}, "best practices?"),
    ],
)
def test_a_word_of_approval_naming_the_thing_asked_about_is_answered(
    write_library: Callable[[dict[str, str]], Library], files: dict[str, str], question: str
) -> None:
    # "bon de commande" is a purchase order, "good password" and "best practices" the things
    # the passage is about: written next to the question's other word, the word is answered
    # (a reviewer's cases, all hedged at first).
    answer = write_library(files).answer(question)
    assert answer.outcome == "answered"
