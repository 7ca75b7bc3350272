"""A question asking why is answered by a passage giving a reason: among the best few, those
stating no cause, reason or purpose come lower."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from retrieval.library import Library
from retrieval.search.causes import asks_why, gives_reason

MARS = (
    "# Mars\n\n"
    "Mars looks red in the night sky, and the red planet has always looked red to people.\n\n"
    "Mars looks red because iron oxide covers its surface.\n"
)


@pytest.mark.parametrize(
    "question",
    ["Why does Mars look red?", "Pourquoi Mars est-elle rouge ?", "¿Por qué Marte es rojo?",
     "Почему Марс красный?", "火星为什么是红色的？"],
)  # fmt: skip
def test_why_is_asked_in_each_language(question: str) -> None:
    assert asks_why(question)


def test_other_questions_ask_no_why() -> None:
    assert not asks_why("What colour is Mars?")
    assert not asks_why("Whyalla is a town in South Australia.")


@pytest.mark.parametrize(
    ("text", "lang"),
    [("It is red because of iron oxide.", "en"), ("La couleur est due à l'oxyde de fer.", "fr"),
     ("Es rojo debido a los óxidos.", "es"), ("Он красный из-за оксида железа.", "ru"),
     ("红色是由氧化铁造成的。", "zh"), ("It restarts every night since the logs grow.", "en")],
)  # fmt: skip
def test_a_reason_is_read_in_each_language(text: str, lang: str) -> None:
    assert gives_reason(text, lang)


def test_each_language_reads_its_own_reason_words() -> None:
    # The French "car" ("because") is an English passage's car (a reviewer's case).
    assert not gives_reason("The car is parked outside.", "en")
    assert gives_reason("Il est rouge, car le sol contient du fer.", "fr")


def test_a_statement_with_porque_asks_no_why() -> None:
    assert not asks_why("Es rojo porque tiene hierro.")
    assert asks_why("porque es rojo marte?")


def test_a_passage_saying_the_words_without_a_reason_gives_none() -> None:
    assert not gives_reason("Mars looks red in the night sky.")
    assert not gives_reason("火星的火红色，自古就吸引着人们，大部分是为了占星。")  # 为了: "for"


def test_why_is_answered_by_the_passage_giving_the_reason(
    write_library: Callable[[dict[str, str]], Library],
) -> None:
    # The first passage says "red" and "looks" more often, and ranked first.
    library = write_library({"mars.md": MARS})
    top = library.answer("Why does Mars look red?").hits[0].passage
    assert "iron oxide" in top.text
    other = library.answer("Does Mars look red?").hits[0].passage
    assert "night sky" in other.text
