"""A word of a Russian question that no passage holds, in the form asked ("жены" where the
Constitution says "супруга"), is mostly a form or a wording the documents do not share, not
another subject: it does not keep the article answering the question hedged.

The document is the Constitution of the Russian Federation (data/eval/corpora/legal-dev, sources
in its SOURCES.md); the question is written here."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from retrieval.library import Library

CONSTITUTION = (
    Path(__file__).resolve().parents[2] / "data/eval/corpora/legal-dev/ru/constitution-rf.txt"
)


@pytest.fixture(scope="module")
def constitution(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Library]:
    folder = tmp_path_factory.mktemp("constitution")
    shutil.copy(CONSTITUTION, folder)
    library = Library.open(tmp_path_factory.mktemp("constitution-db") / "quotebot.db", folder)
    yield library
    library.close()


def test_a_colloquial_word_no_article_holds_leaves_the_answer_answered(
    constitution: Library,
) -> None:
    answer = constitution.answer(
        "Могут ли меня заставить свидетельствовать против собственной жены?"
    )
    best = answer.hits[0].passage
    assert best.section == "Статья 51" and "против себя самого, своего супруга" in best.text
    assert answer.outcome == "answered"


def test_a_question_on_nothing_the_constitution_says_is_still_not_answered(
    constitution: Library,
) -> None:
    # Its words no article holds weigh less, yet a question most of whose words are in no
    # document is about something else: no recipe is in the Constitution.
    answer = constitution.answer("Как приготовить борщ со свёклой и капустой?")
    assert answer.outcome == "declined"
