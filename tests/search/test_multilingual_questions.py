"""Questions as native readers write them: their language, and the words that are searched."""

from __future__ import annotations

import pytest

from retrieval.search.analyzer import Analyzer
from retrieval.search.languages import detect

CORPUS = ["zh", "ru", "fr", "es"]


@pytest.mark.parametrize(
    ("question", "lang"),
    [
        # Commands and package names are Latin in every language: half the letters of a
        # Russian question may be, and it is still Russian (not the corpus's French).
        ("чем full-upgrade отличается от upgrade", "ru"),
        ("а что делает dh_auto_test?", "ru"),
        ("Зачем нужен dpkg-buildpackage -us -uc?", "ru"),
        ("Πώς ρυθμίζω το apt-get;", "el"),
    ],
)
def test_a_question_quoting_commands_keeps_its_own_language(question: str, lang: str) -> None:
    assert detect(question, CORPUS) == lang


@pytest.mark.parametrize(
    ("question", "lang"),
    [
        ("¿Qué es pbuilder?", "es"),
        ("Qu'est-ce que pbuilder ?", "fr"),
        ("pbuilder 是什么？", "zh"),
        ("What is pbuilder?", "en"),
        ("¿Cómo borro un kernel viejo?", "es"),
        ("Comment supprimer un vieux noyau ?", "fr"),
        ("Como instalo lintian", "es"),  # no accents, no question mark
        ("comment installer lintian", "fr"),
        ("c est quoi apt-cacher", "fr"),
    ],
)
def test_short_questions_are_told_apart_in_a_corpus_of_five_languages(
    question: str, lang: str
) -> None:
    assert detect(question, ["zh", "es", "fr", "en", "ru"]) == lang


@pytest.mark.parametrize(
    ("question", "lang"),
    [
        ("Como faço upload de um arquivo?", "pt"),
        ("Qual é a diferença entre async e def?", "pt"),
        ("Cómo subo un archivo al servidor", "es"),
        ("cual es la diferencia entre async y def", "es"),
    ],
)
def test_a_portuguese_question_is_not_read_as_spanish(question: str, lang: str) -> None:
    # Spanish shares "como" and "de"; "um", "é", "a" are Portuguese's own: read as Spanish the
    # question was answered, where any other language the corpus lacks is told which it has.
    assert detect(question, ["es", "fr", "ru", "en", "zh"]) == lang


def test_a_latin_text_quoting_a_few_foreign_words_stays_latin() -> None:
    text = "However, if you use apt-get (see Раздел 8.1.2) or aptitude (see Раздел 8.1.3) to manage"
    assert detect(text, prior="ru") == "en"


@pytest.mark.parametrize(
    ("question", "searched"),
    [
        # The inversion of a French question is no word to search for.
        ("Y a-t-il un paquet ?", ["fr:paquet"]),
        ("Est-ce que dpkg marche ?", ["fr:dpkg", "fr:march"]),
        ("lorsqu'on installe", ["fr:install"]),
        ("Lequel choisir ?", ["fr:chois"]),
    ],
)
def test_french_question_forms_leave_the_words_that_matter(
    analyzer: Analyzer, question: str, searched: list[str]
) -> None:
    assert analyzer.terms(question, "fr") == searched


def test_what_is_in_russian_searches_the_thing_asked_about(analyzer: Analyzer) -> None:
    # "Что такое" is how Russian asks for a definition; "такое" is not searched as "так".
    assert analyzer.terms("Что такое виртуальный пакет?", "ru") == ["ru:виртуальн", "ru:пакет"]
    assert analyzer.terms("Зачем нужна эта программа?", "ru") == ["ru:нужн", "ru:программ"]


def test_a_question_without_letters_is_in_the_documents_language() -> None:
    # "2004" or "404?" says no language: to documents with no English it was read as English
    # and refused for its language (a tester's Russian and Spanish corpus).
    assert detect("2004", ["ru", "es"]) == "ru"
    assert detect("404?", ["es"]) == "es"
    assert detect("2004", ["ru", "en"]) == "en"
    assert detect("2004", ["ru"], prior="ru") == "ru"


@pytest.mark.parametrize(
    ("question", "lang"),
    [
        # "was" and "in" are German stop words as much as English ones; "ist" and "ein" are
        # German's alone: read as English it was answered without the line naming the
        # documents' languages.
        ("Was ist ein Namespace in Kubernetes?", "de"),
        ("Wie viele Zeichen darf ein Objektname haben?", "de"),
        # An English stop word German lacks keeps a question English.
        ("What was the name of the ship?", "en"),
        ("Die Hard in 1988 was a hit", "en"),
        ("man in the middle attack", "en"),
    ],
)
def test_a_german_question_sharing_english_stop_words_is_german(question: str, lang: str) -> None:
    assert detect(question, ["zh", "fr", "es", "en", "ru"]) == lang
