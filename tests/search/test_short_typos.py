"""A short word typed with a letter dropped, doubled or swapped is still found."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from retrieval.library import Library


@pytest.fixture(scope="module")
def manual(write_library: Callable[[dict[str, str]], Library]) -> Library:
    return write_library(
        {
            "manual.md": (
                "# Manual\n\n## Threads\n\n"
                "The library is thread safe when it is compiled with the thread option.\n\n"
                "Each thread opens its own connection.\n\n## Shutdown\n\n"
                "A safe shutdown is safe for the data: it writes every page to a safe place.\n\n"
                "## Prompt\n\n"
                "Type .exit at the prompt to leave the shell.\n\n"
                "The prompt shows the database name.\n\n"
                "Scripts exit with status 1 on an error.\n\n## Trails\n\n"
                "Hiking trails are listed in the trail table.\n\n"
                "Every trail has a length.\n"
            ),
        },
    )


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("is it thred safe?", "thread safe"),  # not "a safe shutdown is safe"
        ("how do I exitt the promt", "at the prompt to leave"),  # nothing found without it
    ],
)
def test_a_slip_in_a_short_word_is_corrected(manual: Library, question: str, expected: str) -> None:
    answer = manual.answer(question)
    assert expected in answer.hits[0].passage.text


@pytest.mark.parametrize("question", ["what happened at the trial?", "what is in Paris?"])
def test_a_real_word_or_a_name_is_not_turned_into_another_word(
    manual: Library, question: str
) -> None:
    # "trial" is an English word and "Paris" a name: not slips from "trail" or "pairs".
    terms = manual.answer(question).terms
    assert "trail" not in terms
    assert not any(t.startswith("pair") for t in terms)


def test_a_dictionary_word_the_documents_lack_is_not_turned_into_one_they_have(
    write_library: Callable[[dict[str, str]], Library],
) -> None:
    # "reset" is no slip from "rest", which the documents hold: a word of its own.
    library = write_library(
        {
            "world.md": (
                "# Trade\n\nChina trades with the rest of the world.\n\n"
                "## Aid\n\nThe rest goes to aid.\n\n## Accounts\n\nA password has eight letters.\n"
            )
        }
    )
    weights = library.query_weights("how do I reset my password")
    assert "reset" in weights and "rest" not in weights


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("what does the manual say abuot the prompt", "what does the manual say about the prompt"),
        ("waht does the prompt show", "what does the prompt show"),
        ("how do I leave teh shell", "how do I leave the shell"),
    ],
)
def test_a_mistyped_stop_word_is_skipped_like_the_word_it_meant(
    manual: Library, typed: str, meant: str
) -> None:
    # Searched as a word no document has, it made the question look like one on another
    # subject: hedged or declined.
    assert manual.query_weights(typed) == manual.query_weights(meant)
    assert manual.answer(typed).outcome == manual.answer(meant).outcome


def test_a_dictionary_word_near_a_stop_word_is_kept(manual: Library) -> None:
    # "ore" is a letter from "more" and "or", but a word: a question on iron ore is about ore.
    assert "ore" in manual.query_weights("is iron ore mentioned")


@pytest.mark.parametrize(
    ("question", "name"),
    [
        ("what does the manual say about Ian", "ian"),  # "an", "in"
        ("is the prompt ISO compliant", "iso"),  # "is", "so"
        ("how does Moe leave the shell", "moe"),  # "me"
        ("how do I read an ini file", "ini"),  # "in": three letters from two, an abbreviation
        ("can the shell show a gif", "gif"),  # "if"
    ],
)
def test_a_name_or_an_abbreviation_near_a_stop_word_is_kept(
    manual: Library, question: str, name: str
) -> None:
    # Written with a capital past the first word, or in capitals, it is a name no dictionary
    # holds, not a slip (nor an abbreviation a letter from a two-letter stop word): skipped, a
    # question on it read as one on the rest.
    assert name in manual.query_weights(question)


@pytest.fixture(scope="module")
def foreign(write_library: Callable[[dict[str, str]], Library]) -> Library:
    return write_library(
        {
            "fr.txt": (
                "Le paquet est construit par le responsable avec dpkg-buildpackage. "
                "Les fichiers du paquet sont placés dans le répertoire parent.\n\n"
                "Pour installer un paquet, utilisez la commande dpkg avec l'option -i.\n"
            ),
            "ru.txt": (
                "Пакет собирается сопровождающим с помощью команды dpkg-buildpackage. "
                "Файлы пакета помещаются в родительский каталог.\n\n"
                "Чтобы установить пакет, используйте команду dpkg с параметром -i.\n"
            ),
            "es.txt": (
                "El paquete es construido por el responsable con dpkg-buildpackage. "
                "Los archivos del paquete se colocan en el directorio padre.\n\n"
                "Para instalar un paquete, use la orden dpkg con la opción -i.\n"
            ),
        }
    )


@pytest.mark.parametrize(
    ("question", "word"),
    [
        ("Comment voter pour un paquet ?", "fr:vot"),  # "votre"
        ("Quel est le sens du paquet ?", "fr:sen"),  # "ses"
        ("¿Cuál es el peso del paquete?", "es:pes"),  # "eso"
        ("Какая тема у пакета?", "ru:тем"),  # "тем"
    ],
)
def test_a_word_of_another_language_near_a_stop_word_is_kept(
    foreign: Library, question: str, word: str
) -> None:
    # No dictionary tells its words from slips: what the question asks about, skipped, let a
    # question on something the documents lack be answered from the rest.
    assert word in foreign.answer(question).terms


def test_a_slip_keeps_the_first_letter_of_the_word_meant(
    write_library: Callable[[dict[str, str]], Library],
) -> None:
    # "acros" is a letter away from "across" and from "macros"; the documents write "macros"
    # more often, and the question asked about macros.
    library = write_library(
        {
            "tex.md": (
                "# Macros\n\nThe package defines macros for tables.\n\n"
                "Its macros are robust.\n\nMacros may take arguments.\n\n"
                "Rules run across the whole table width.\n\n"
                "A rule across two columns needs cmidrule.\n"
            ),
        },
    )
    answer = library.answer("rule acros two columns")
    assert "across" in answer.terms and "macro" not in answer.terms
    assert "cmidrule" in answer.hits[0].passage.text
