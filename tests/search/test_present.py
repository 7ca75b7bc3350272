"""Who holds a place now is answered only by an excerpt that speaks of the present."""

from __future__ import annotations

import pytest

from retrieval.search.present import asks_now, undated


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
