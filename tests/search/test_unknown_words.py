"""A question word no passage has: a sign of another subject only when nothing explains it."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from retrieval.library import Library
from retrieval.model import Excerpt, Passage, Segment
from retrieval.search import judge
from retrieval.search.query import Weights
from retrieval.search.rank import QuestionWeights, Ranked


@pytest.fixture(scope="module")
def notes(write_library: Callable[[dict[str, str]], Library]) -> Library:
    return write_library(
        {
            "notes.md": (
                "# Notes\n\n## Cache\n\n"
                "The database becomes slow when the page cache is too small for the working set of "
                "queries.\n\n## Locks\n\n"
                "Writers take an exclusive lock on the whole file while they commit a "
                "transaction.\n"
            ),
            "ru.md": (
                "# Заметки\n\n## Резервные копии\n\n"
                "Программа резервного копирования перестала поддерживать старые форматы в "
                "версии 4, и поддержка была прекращена окончательно.\n\n## Кэш\n\n"
                "Кэш страниц хранит недавно прочитанные страницы файла базы данных в памяти.\n"
            ),
        },
    )


def test_a_russian_word_form_the_documents_lack_does_not_hedge_the_answer(
    notes: Library,
) -> None:
    # "бросили" and "разработчики" are forms no passage has; the passage answers all the rest.
    answer = notes.answer("Почему разработчики бросили старые форматы?")
    assert "перестала поддерживать старые форматы" in answer.hits[0].passage.text
    assert answer.outcome == "answered"


def _question(unknown: str, alternatives: dict[str, str]) -> QuestionWeights:
    weights = Weights(
        {"queri": 1.0, unknown: 1.0, **dict.fromkeys(alternatives, 0.3)}, alternatives
    )
    scaled = {"queri": 2.0, unknown: 3.0, **dict.fromkeys(alternatives, 0.6)}
    found = {t: v for t, v in scaled.items() if t != unknown}
    return QuestionWeights(weights, scaled, found, (), (unknown,))


_BEST = [
    Ranked(
        Passage("notes-1", "notes.md", "Notes", None, 1, "Queries become slow."),
        1.0,
        1.0,
        Excerpt((Segment("Queries become slow."),)),
    )
]


@pytest.mark.parametrize(
    ("unknown", "alternatives", "outcome"),
    [
        ("sluggish", {}, "hedged"),  # nothing explains it: perhaps another subject
        ("sluggish", {"slow": "sluggish"}, "answered"),  # the documents say it otherwise
        ("ru:бросил", {}, "answered"),  # a Russian form the stemmer does not join
    ],
)
def test_only_an_unexplained_english_word_hedges_a_middling_match(
    unknown: str, alternatives: dict[str, str], outcome: str
) -> None:
    assert judge.judge(0.5, _question(unknown, alternatives), _BEST) == outcome
