"""A Russian verb and the words made of it meet: the noun of the action (обновление,
использование), the imperfective (обновлять, проверять) and the participle (установлен) are
read as the verb too, which Snowball stems apart from them."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from hypothesis import given
from hypothesis import strategies as st

from retrieval.library import Library
from retrieval.search.analyzer import Analyzer
from retrieval.search.languages import other_readings


@pytest.mark.parametrize(
    ("made", "verb"),
    [
        ("обновление", "обновить"),
        ("обновлять", "обновить"),
        ("обновляет", "обновить"),
        ("проверять", "проверить"),
        ("изменения", "изменить"),
        ("использование", "использовать"),
        ("тестирования", "тестировать"),
        ("установленных", "установить"),
        ("решение", "решить"),
    ],
)
def test_a_word_made_of_a_verb_shares_the_verbs_term(
    analyzer: Analyzer, made: str, verb: str
) -> None:
    assert set(analyzer.terms(verb, "ru")) <= set(analyzer.terms(made, "ru"))


@pytest.mark.parametrize("word", ["мнение", "имени", "здание", "время", "история", "работа"])
def test_short_or_other_words_gain_no_verb(word: str) -> None:
    assert other_readings(word, "ru") == ()


@given(st.text(alphabet="абвгдеилмнопрстяюйщ", max_size=14))
def test_a_reading_is_a_word_and_never_the_word_itself(word: str) -> None:
    for reading in other_readings(word, "ru"):
        assert reading and reading != word


FAQ = (
    "# Пакеты\n\n"
    "## Обновление\n\n"
    "Пакеты можно обновлять сразу, даже на работающей системе.\n\n"
    "## Сборка\n\n"
    "Пакеты собирают в чистой среде, чтобы найти пропущенные зависимости пакетов.\n"
)


@pytest.fixture(scope="module")
def faq(write_library: Callable[[dict[str, str]], Library]) -> Library:
    return write_library({"faq.md": FAQ})


def test_to_update_finds_updating(faq: Library) -> None:
    # "обновить" (perfective) was ru:обнов, "обновлять" ru:обновля: the passage that says
    # packages can be updated on a running system matched only its other words.
    answer = faq.answer("Как обновить пакеты?")
    assert "ru:обнов" in answer.terms
    assert "обновлять сразу" in answer.hits[0].passage.text
