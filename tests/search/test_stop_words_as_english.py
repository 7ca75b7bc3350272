"""The words English questions lose as stop words (be, have, now, below, above, according,
exactly …) are lost in French, Spanish, Russian and Chinese questions too: a passage is not found
by them. And the Russian "стать" ("to become"), whose stem is that of "статья" ("article"),
finds no article of a charter."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from retrieval.library import Library
from retrieval.search.analyzer import Analyzer


@pytest.mark.parametrize(
    ("question", "lang", "searched"),
    [
        ("Peut-on être enfermé sans raison ?", "fr", ["fr:enferm", "fr:raison"]),
        ("Combien de députés peut-il y avoir ?", "fr", ["fr:deput"]),
        ("¿Y los visayas, según Ezguerra?", "es", ["es:visay", "es:ezgerr"]),
        ("¿Qué pasó después del ataque?", "es", ["es:pas", "es:atac"]),
        ("Марс ниже Земли?", "ru", ["ru:марс", "ru:земл"]),
        ("Какой зонд пролетел мимо Марса?", "ru", ["ru:зонд", "ru:пролетел", "ru:марс"]),
        ("中国的老品种现在还有吗？", "zh", ["zh:中国", "zh:老", "zh:品种"]),
        # (一天, "one day", a numeral and its unit, gives the unit too: 天)
        ("火星上的一天有多长？", "zh", ["zh:火星", "zh:一天", "zh:天"]),
    ],
)
def test_words_english_drops_are_dropped(
    analyzer: Analyzer, question: str, lang: str, searched: list[str]
) -> None:
    assert analyzer.terms(question, lang) == searched


CHARTER = (
    "# Конституция\n\n"
    "## Статья 12\n\n"
    "Статья устанавливает порядок работы Думы.\n\n"
    "## Статья 97\n\n"
    "Депутатом может быть избран гражданин, достигший 21 года.\n"
)


@pytest.fixture(scope="module")
def charter(write_library: Callable[[dict[str, str]], Library]) -> Library:
    return write_library({"charter.md": CHARTER})


def test_to_become_is_no_article(charter: Library) -> None:
    answer = charter.answer("С какого возраста можно стать депутатом?")
    assert "ru:стат" not in answer.terms
    assert "21 года" in answer.hits[0].passage.text
