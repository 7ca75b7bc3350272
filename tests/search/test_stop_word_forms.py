"""A stop word is dropped in every form its language writes it: Russian declines its pronouns in
six cases, and Snowball's list holds one or two forms of each."""

from __future__ import annotations

import pytest

from retrieval.search.analyzer import Analyzer


@pytest.mark.parametrize(
    ("question", "lang", "searched"),
    [
        # "без моего участия" ("without my doing anything"): моего was searched as ru:мо.
        (
            "Обновляется ли система без моего участия?",
            "ru",
            ["ru:обновля", "ru:обнов", "ru:систем", "ru:участ"],
        ),
        (
            "Как сделать обновление всей системы?",
            "ru",
            ["ru:обновлен", "ru:обнов", "ru:систем"],
        ),
        (
            "Которыми командами программа сама собирается?",
            "ru",
            ["ru:команд", "ru:программ", "ru:собира"],
        ),
        # "ко мне" ("to me"): ко is к before мне, as со is с and во is в.
        ("Может ли полиция войти ко мне в квартиру?", "ru", ["ru:полиц", "ru:войт", "ru:квартир"]),
        ("Quelques paquets sont-ils installés ?", "fr", ["fr:paquet", "fr:install"]),
        ("¿Cómo actualizo todas las máquinas?", "es", ["es:actualiz", "es:macin"]),
    ],
)
def test_every_form_of_a_stop_word_is_dropped(
    analyzer: Analyzer, question: str, lang: str, searched: list[str]
) -> None:
    assert analyzer.terms(question, lang) == searched
