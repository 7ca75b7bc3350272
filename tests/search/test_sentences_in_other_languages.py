"""Sentences and list items in Russian, Spanish and German as their readers split them: a date,
an abbreviation, initials or a point's number inside a sentence end none, and a Russian list's
letters ("а)", "б)") open its items as Latin ones do.

The texts are real: the Constitution of the Russian Federation and the Russian and Spanish
texts of the multilingual dev corpus (data/eval/corpora/legal-dev/SOURCES.md,
data/eval/corpora/ml-dev2/SOURCES.md), as those files write them, and the opening words of the
German Basic Law (Grundgesetz, 1949), an official text (§ 5 UrhG)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from retrieval.library import Library
from retrieval.sentences import fragment_spans

CORPORA = Path(__file__).resolve().parents[2] / "data" / "eval" / "corpora"
CONSTITUTION = CORPORA / "legal-dev" / "ru" / "constitution-rf.txt"

# The Basic Law's opening words: "am 23. Mai 1949" and "am 8. Mai" are dates, not ends.
GRUNDGESETZ = (
    "Der Parlamentarische Rat hat am 23. Mai 1949 in Bonn am Rhein in öffentlicher Sitzung "
    "festgestellt, daß das am 8. Mai des Jahres 1949 vom Parlamentarischen Rat beschlossene "
    "Grundgesetz für die Bundesrepublik Deutschland in der Woche vom 16. bis 22. Mai 1949 durch "
    "die Volksvertretungen von mehr als Zweidritteln der beteiligten deutschen Länder angenommen "
    "worden ist."
)


def pieces(text: str) -> list[str]:
    return [text[a:b] for a, b in fragment_spans(text)]


@pytest.mark.parametrize(
    "text",
    [
        GRUNDGESETZ,
        # ... and as a PDF breaks its lines, before the day's number
        GRUNDGESETZ.replace("hat am 23.", "hat am\n23.").replace("das am 8.", "das am\n8."),
        # Russian: a year's "г." before a law's number, "ст." before its page
        (
            "<2> Новое наименование Республики дано в соответствии с Указом Президента "
            'Российской Федерации от 9 января 1996 г. N 20 "О включении новых наименований '
            'субъектов Российской Федерации в статью 65 Конституции Российской Федерации" '
            "(Собрание законодательства Российской Федерации, 1996, N 3, ст. 152)."
        ),
        # ... a name after a year's "г.", a title in capitals (Tolstoy's report on the famine
        # relief, 1892), "see" before a law's title: no clause opens after them
        "В 1990 г. Горбачёв стал президентом СССР.",
        "ОТЧЕТ С 3 ДЕКАБРЯ 1891 г. ПО 12 АПРЕЛЯ 1892 г.",
        "Порядок описан там же (см. О порядке рассмотрения обращений).",
        # Russian initials
        "Французские учёные Б. Лио и О. Дольфюс производили с этой целью наблюдения "
        "поляризации рассеянного атмосферой Марса света.",
        "«Сказка о мёртвой царевне и о семи богатырях» А. С. Пушкина",
        # a language named short before the word in it
        "Другие многочисленные наблюдения и объявления известных лиц породили вокруг этой темы "
        "так называемую «Марсианскую лихорадку» (англ. Mars Fever).",
        # Spanish: a page's number
        "Zúñiga, M. Le Gentil y otros que han hablado acerca de Filipinas»\n(pag. 26; tomo II.)",
    ],
)
def test_a_date_an_abbreviation_or_initials_end_no_sentence(text: str) -> None:
    # Cut there, an excerpt quoted "… от 9 января 1996 г." without the decree's number, or
    # "Французские учёные Б." without the scientist's name.
    assert pieces(text) == [text]


@pytest.mark.parametrize(
    ("text", "first"),
    [
        # a year's "г." and a unit ending a sentence, before a pronoun or a preposition
        ("Закон принят в 1993 г. Он вступил в силу позже.", "Закон принят в 1993 г."),
        ("Высота насыпи достигала 40 см. Это мешало проезду.", "Высота насыпи достигала 40 см."),
        # a letter naming a thing, not an initial (the Debian FAQ's Russian text)
        (
            "Пакет A зависит от пакета Б, если Б абсолютно необходим для работы A. В некоторых "
            "случаях A не просто зависит от Б, но дополнительно требует определённую версию Б.",
            "Пакет A зависит от пакета Б, если Б абсолютно необходим для работы A.",
        ),
        ("Вещество обозначено буквой А. Его формула проста.", "Вещество обозначено буквой А."),
        ("Take vitamin C. It helps the body absorb iron.", "Take vitamin C."),
    ],
)
def test_an_abbreviation_or_a_letter_ending_a_sentence_ends_it(text: str, first: str) -> None:
    # Joined, an excerpt quoted the next sentence with the one asked about, and a sentence
    # of the next one was judged as if it said what the first says.
    assert pieces(text) == [first, text[len(first) + 1 :]]


def test_a_point_numbered_with_its_subpoint_keeps_its_number() -> None:
    text = next(
        line
        for line in CONSTITUTION.read_text(encoding="utf-8").splitlines()
        if line.startswith("2.1. ")
    )
    # "2.1." was a sentence of its own, and the point's first sentence lost its number.
    assert pieces(text)[0] == (
        "2.1. Российская Федерация обеспечивает защиту своего суверенитета и территориальной "
        "целостности."
    )


def test_russian_list_letters_open_items() -> None:
    text = (
        "К ведению Государственной Думы относятся:\n"
        "а) утверждение по представлению Президента Российской Федерации кандидатуры "
        "Председателя Правительства Российской Федерации;\n"
        "а.1) утверждение по представлению Председателя Правительства Российской Федерации "
        "кандидатур заместителей Председателя Правительства Российской Федерации и федеральных "
        'министров, за исключением федеральных министров, указанных в пункте "д.1" статьи 83 '
        "Конституции Российской Федерации;\n"
        "б) решение вопроса о доверии Правительству Российской Федерации;"
    )
    assert [piece[:5] for piece in pieces(text)] == ["К вед", "а) ут", "а.1) ", "б) ре"]
    # a list joined to the sentence introducing it, a blank line between, as passages hold it
    joined = (
        "Обязательному рассмотрению в Совете Федерации подлежат принятые Государственной Думой "
        "федеральные законы по вопросам:\n\nа) федерального бюджета;"
    )
    assert pieces(joined)[1:] == ["а) федерального бюджета;"]
    # a line of running text opening with an abbreviation stays whole ("т. е.", "г. Москва")
    running = "Письмо было послано\nг. Лыжину, т. е. его брату.\nт. е. второму."
    assert pieces(running) == [running]


@pytest.fixture(scope="module")
def constitution(write_library: Callable[[dict[str, str]], Library]) -> Library:
    return write_library({"constitution-rf.txt": CONSTITUTION.read_text(encoding="utf-8")})


def test_the_item_answering_is_quoted_not_the_whole_list(constitution: Library) -> None:
    # The article's list of the Federation's matters ran into one sentence (its items end in
    # ";"), and the excerpt quoted all of them up to its length.
    answer = constitution.answer(
        "Что находится в ведении Российской Федерации в области федеративного устройства?", k=3
    )
    excerpt = answer.hits[0].excerpt.plain
    assert "б) федеративное устройство и территория Российской Федерации;" in excerpt
    assert "организация публичной власти" not in excerpt
