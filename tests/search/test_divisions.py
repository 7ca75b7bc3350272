"""A question naming a numbered article, chapter, section or amendment gets the passages under
that heading first, its number read however it is written."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from hypothesis import given
from hypothesis import strategies as st

from retrieval.library import Library
from retrieval.search.divisions import heads, named


@pytest.mark.parametrize(
    ("text", "division"),
    [
        ("what does article 35 say?", ("article", 35)),
        ("Что говорит статья 22 Конституции?", ("article", 22)),
        ("第三十七条规定了什么", ("article", 37)),
        ("第一百零五条", ("article", 105)),
        ("¿Qué dice el artículo 14?", ("article", 14)),
        ("Que dit l'article 89 ?", ("article", 89)),
        ("What does the Second Amendment protect?", ("amendment", 2)),
        ("the 21st amendment", ("amendment", 21)),
        ("AMENDMENT XIV", ("amendment", 14)),
        ("Chapter iv", ("chapter", 4)),
        ("TÍTULO VIII", ("title", 8)),
    ],
)
def test_a_division_is_read_with_its_number_however_written(
    text: str, division: tuple[str, int]
) -> None:
    assert named(text) == division


@pytest.mark.parametrize(
    "text", ["how do I set a timeout?", "the civil part", "articles of clothing", "I need help"]
)
def test_text_naming_no_numbered_division_names_none(text: str) -> None:
    assert named(text) is None


def test_a_heading_is_the_division_only_when_it_opens_with_its_name() -> None:
    assert heads("Article 5. Freedom of expression", ("article", 5))
    assert heads("AMENDMENT II", ("amendment", 2))
    assert not heads("Notes on article 5", ("article", 5))
    assert not heads("Article 15", ("article", 5))


@given(st.integers(min_value=1, max_value=399))
def test_roman_and_arabic_numbers_name_the_same_article(number: int) -> None:
    numerals = [(100, "C"), (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX")]
    numerals += [(5, "V"), (4, "IV"), (1, "I")]
    roman, left = "", number
    for value, letters in numerals:
        while left >= value:
            roman, left = roman + letters, left - value
    assert named(f"Article {roman}") == named(f"article {number}") == ("article", number)


@pytest.fixture(scope="module")
def charter(write_library: Callable[[dict[str, str]], Library]) -> Library:
    articles = [
        "Everyone has the right to take part in the government of the country.",
        "Everyone has the right to freedom of peaceful assembly.",
        "Everyone has the right to education, as set out in articles 2 and 35.",
    ]
    body = "\n\n".join(f"## Article {n}\n\n{text}" for n, text in enumerate(articles, 34))
    return write_library({"charter.md": f"# A charter\n\n{body}\n"})


def test_what_an_article_says_is_the_passage_under_its_heading(charter: Library) -> None:
    # The third article cites "35" in its text; the 35th holds it in its heading only.
    answer = charter.answer("What does article 35 say?")
    assert answer.hits[0].passage.section == "Article 35"
    assert "peaceful assembly" in answer.hits[0].passage.text
