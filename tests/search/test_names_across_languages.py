"""A name asked about in one language finds the documents of another that write it."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from retrieval.library import Library

# Two tales and a Russian note: each character is named only in their own tale's language.
TALES = {
    "candide.txt": (
        "Candide\n\n"
        "Le précepteur Pangloss était l'oracle de la maison, et le petit Candide écoutait ses "
        "leçons avec toute la bonne foi de son âge et de son caractère.\n\n"
        "Candide fut chassé du plus beau des châteaux à grands coups de pied dans le derrière, "
        "et il marcha longtemps sans savoir où.\n"
    ),
    "quijote.txt": (
        "Don Quijote\n\n"
        "Fue luego a ver su rocín, y aunque tenía más cuartos que un real, le puso por nombre "
        "Rocinante, nombre a su parecer alto, sonoro y significativo.\n\n"
        "En un lugar de la Mancha vivía un hidalgo de los de lanza en astillero, adarga antigua, "
        "rocín flaco y galgo corredor.\n"
    ),
    "заметки.txt": (
        "Заметки\n\n"
        "Рассказы читают вслух по вечерам, и каждый выбирает свой любимый отрывок для чтения.\n\n"
        "Библиотека открыта по субботам, книги выдают на две недели без залога.\n"
    ),
}


@pytest.fixture(scope="module")
def tales(write_library: Callable[[dict[str, str]], Library]) -> Library:
    return write_library(TALES)


@pytest.mark.parametrize(
    ("question", "language", "document"),
    [
        ("Кто такой Pangloss?", "ru", "candide.txt"),  # a Latin name in a Russian question
        ("Qui est Rocinante ?", "fr", "quijote.txt"),  # a Spanish name in a French question
        ("¿Quién es Pangloss?", "es", "candide.txt"),  # "¿": Spanish, though "es" is French too
    ],
)
def test_a_name_is_found_in_the_language_that_writes_it(
    tales: Library, question: str, language: str, document: str
) -> None:
    answer = tales.answer(question)
    assert answer.language == language
    assert answer.outcome != "declined"
    assert answer.hits[0].passage.doc == document


def test_an_ordinary_word_is_not_read_in_a_neighbouring_language(tales: Library) -> None:
    # "marcha" is a Spanish word too ("walk"), but a Spanish question saying it asks nothing
    # of the French tale: only a name (capitalised after the first word) is read across.
    for question in ("¿Cuánto tiempo marcha el hidalgo?", "¿Marcha mucho tiempo el hidalgo?"):
        # (capitalised as the question's first word, after its "¿": no name either)
        answer = tales.answer(question)
        assert answer.language == "es"
        assert "es:hidalg" in answer.terms
        assert not any(term.startswith("fr:") for term in answer.terms), question


def test_an_english_question_to_books_in_other_languages_is_english(tales: Library) -> None:
    # No document is in English; "who" and "is" say the question is, though it is too short
    # for the language model to be sure. Its name is still found, hedged, with the language line.
    answer = tales.answer("who is Pangloss?")
    assert answer.language == "en" and "en" not in answer.corpus_languages
    assert answer.outcome == "hedged"
    assert answer.hits[0].passage.doc == "candide.txt"


def test_a_follow_up_keeps_the_name_as_it_was_found(tales: Library) -> None:
    # "а почему?" carries Pangloss from the question before, read in French as it was then.
    answer = tales.answer("а почему?", context="Кто такой Pangloss?")
    assert "fr:pangloss" in answer.terms
    assert answer.hits and answer.hits[0].passage.doc == "candide.txt"


def test_an_english_question_finds_a_name_on_the_one_page_in_another_language(
    write_library: Callable[[dict[str, str]], Library],
) -> None:
    # A corpus of English stories with one Portuguese results page: Portuguese holds no real
    # share of it, so English words are not read in Portuguese; a name is.
    english = {
        f"story{n}.txt": f"Story {n}\n\nThe race in round {n} was won by a rookie driver who "
        "started from the back of the grid and passed the whole field in the final laps.\n"
        for n in range(6)
    }
    library = write_library(
        {
            **english,
            "classificacao.txt": "Classificação\n\nKyle Busch venceu o campeonato de 2019 "
            "com 5040 pontos, à frente de Martin Truex Jr. e de Kevin Harvick.\n",
        }
    )
    answer = library.answer("How many points did Kyle Busch have?")
    assert answer.hits[0].passage.doc == "classificacao.txt"
