"""Arabic and Persian as their readers write them (qa7 #4, #6, #12).

The texts are written for these tests. Persian spells words with a zero-width non-joiner
("می‌کرد"), kept in what is quoted; typed with it, without it or with a space, a word meets.
Arabic letters written two ways (أ/ا, ى/ي, ة/ه) meet in search, never changed in a quote.
A short Arabic or Persian line between paragraphs heads them, as an English one does.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from retrieval.library import Library
from retrieval.search.analyzer import Analyzer

ZWNJ = "\u200c"
NILE = (
    "نهر النيل\n\n"
    "نهر النيل هو أطول نهر في قارة أفريقيا، ويصب في البحر الأبيض المتوسط شمال مصر.\n\n"
    "المنابع\n\n"
    "ينبع النيل الأبيض من بحيرة فيكتوريا، أما النيل الأزرق فينبع من بحيرة تانا في إثيوبيا.\n\n"
    "السد العالي\n\n"
    "بني السد العالي في أسوان في ستينيات القرن العشرين، وخلفه تكونت بحيرة ناصر.\n"
)
SAADI = (
    "سعدی شیرازی\n\n"
    f"سعدی از بزرگ{ZWNJ}ترین شاعران زبان فارسی است و در شیراز زندگی می{ZWNJ}کرد.\n\n"
    "گلستان\n\n"
    f"گلستان مجموعه{ZWNJ}ای از حکایت{ZWNJ}های کوتاه به نثر و نظم است.\n"
)


@pytest.fixture(scope="module")
def library(write_library: Callable[[dict[str, str]], Library]) -> Library:
    return write_library({"nile.txt": NILE, "saadi.txt": SAADI})


def test_a_persian_quote_keeps_its_non_joiners(library: Library) -> None:
    answer = library.answer("سعدی کجا زندگی می\u200cکرد؟")
    assert f"زندگی می{ZWNJ}کرد" in answer.hits[0].passage.text
    assert f"بزرگ{ZWNJ}ترین" in answer.hits[0].excerpt.render()


@pytest.mark.parametrize("spelt", [f"می{ZWNJ}کرد", "میکرد", "می کرد"])
def test_a_persian_word_meets_however_its_joint_is_typed(spelt: str) -> None:
    analyzer = Analyzer(languages=None)
    assert analyzer.terms(spelt, "fa") == analyzer.terms(f"می{ZWNJ}کرد", "fa") != []


def test_the_superlative_typed_with_a_space_finds_the_passage(library: Library) -> None:
    answer = library.answer("بزرگ ترین شاعر فارسی")
    assert answer.hits[0].passage.doc == "saadi.txt"
    assert answer.hits[0].passage.paragraph == 1


@pytest.mark.parametrize(
    ("typed", "written"),
    [
        ("السد العالى", "السد العالي"),
        ("اسوان", "أسوان"),
        ("اثيوبيا", "إثيوبيا"),
        ("بحيره", "بحيرة"),
    ],
)
def test_arabic_letters_written_two_ways_meet(typed: str, written: str) -> None:
    analyzer = Analyzer(languages=None)
    assert analyzer.terms(typed, "ar") == analyzer.terms(written, "ar")


def test_persian_typed_on_an_arabic_keyboard_meets() -> None:
    analyzer = Analyzer(languages=None)
    assert analyzer.terms("شيراز كتاب", "fa") == analyzer.terms("شیراز کتاب", "fa")


def test_an_arabic_question_with_final_alef_maksura_is_quoted_as_written(library: Library) -> None:
    answer = library.answer("السد العالى")
    assert answer.outcome == "answered"
    assert "بني السد العالي في أسوان" in answer.hits[0].excerpt.render()


@pytest.mark.parametrize(
    ("question", "section"), [("السد العالي", "السد العالي"), ("بحيرة تانا", "المنابع")]
)
def test_arabic_headings_head_their_passages(library: Library, question: str, section: str) -> None:
    assert library.answer(question).hits[0].passage.section == section


def test_a_persian_heading_heads_its_passage(library: Library) -> None:
    assert library.answer("حکایت").hits[0].passage.section == "گلستان"
