"""Who holds a place now is answered only by an excerpt that speaks of the present."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from retrieval.library import Library
from retrieval.search.present import asks_now, undated

LEGAL_DEV = Path(__file__).parents[2] / "data" / "eval" / "corpora" / "legal-dev"


@pytest.mark.parametrize(
    ("question", "lang"),
    [
        ("Who is the current Chief Justice?", "en"),
        ("Кто сейчас председатель Совета Федерации?", "ru"),
        ("Qui préside actuellement le Conseil constitutionnel ?", "fr"),
        ("¿Quién es el rey actual de España?", "es"),
        ("现任国务院总理是谁？", "zh"),
    ],
)
def test_questions_asking_what_holds_now_are_recognised(question: str, lang: str) -> None:
    assert asks_now(question, lang)


@pytest.mark.parametrize(
    ("question", "lang"),
    [
        # how to do a thing, why, or yes or no: no fact a date outdates
        ("How do I print the machine's current hostname?", "en"),
        ("why does sqlite fall back to the current directory for temporary files", "en"),
        ("is that safe if it's the kernel I'm running right now?", "en"),
        ("怎么查看系统里现在生效的文件转义？", "zh"),
        # English "actual" is no "actual" of Spanish
        ("Who actually wrote the .sha3sum command?", "en"),
        # what, not who: maintained documents say their present ("the current stable release")
        ("What is the current stable release of Debian?", "en"),
    ],
)
def test_other_questions_naming_the_present_ask_no_fact_of_it(question: str, lang: str) -> None:
    assert not asks_now(question, lang)


def test_an_office_named_current_is_no_excerpt_speaking_of_the_present() -> None:
    question = "Who is the current Debian Project Leader?"
    office = "The Project Secretary is appointed by the Project Leader and the current Secretary."
    assert undated(question, "en", office)
    assert not undated(question, "en", "At present, the Project Leader is elected yearly.")


def test_who_holds_an_office_now_is_hedged_not_answered_by_the_shipped_corpus(
    shipped_library: Library,
) -> None:
    # "Yang Jiechi is State Councillor …, having previously served as the country's Foreign
    # Minister": a name, not who holds the office now. It was answered, at confidence 1.0.
    assert shipped_library.answer("Who is China's foreign minister now?").outcome == "hedged"
    assert shipped_library.answer("who is yang jiechi").outcome == "answered"
    # How many, not who: "At present, 845 PLA personnel are working …".
    serving = "How many PLA personnel are currently serving in UN peacekeeping task areas?"
    assert shipped_library.answer(serving).outcome == "answered"


def test_who_holds_an_office_now_is_hedged_in_each_language_by_the_constitutions(
    write_library: Callable[[dict[str, str]], Library],
) -> None:
    library = write_library(
        {path.name: path.read_text(encoding="utf-8") for path in sorted(LEGAL_DEV.glob("*/*.*"))}
    )
    for question in [
        "Who is the current Chief Justice?",  # "the Chief Justice shall preside"
        "Кто сейчас председатель Совета Федерации?",
        "¿Quién es el rey actual de España?",
        "现在的国务院总理是谁？",
    ]:
        assert library.answer(question).outcome == "hedged", question
    # What the constitution says of the office stays answered.
    assert library.answer("Who presides when the President is tried?").outcome == "answered"
