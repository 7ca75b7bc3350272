"""A question in one language finds what the documents say in another of the same script."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from retrieval.library import Library
from retrieval.search import query


@pytest.fixture(scope="module")
def handbook(write_library: Callable[[dict[str, str]], Library]) -> Library:
    return write_library(
        {
            "notes.md": (
                "# Notes\n\n## Cache\n\n"
                "The database becomes slow when the page cache is too small for the working set "
                "of queries.\n\n## Locks\n\n"
                "Writers take an exclusive lock on the whole file while they commit a "
                "transaction.\n"
            ),
            "noyau.md": (
                "# Le noyau\n\n## Les modules\n\n"
                "La configuration des modules du noyau est stockée dans le répertoire "
                "/etc/modprobe.d/ et lue au démarrage.\n\n## Les paquets\n\n"
                "Un paquet de noyau ancien peut être supprimé avec la commande dpkg --purge.\n\n"
                "## Le cache\n\nLe cache des modules est vidé à chaque redémarrage.\n"
            ),
            "arranque.md": (
                "# El arranque\n\n## El nombre del equipo\n\n"
                "Para imprimir el hostname actual, ejecute hostname sin ningún parámetro.\n\n"
                "## Los discos\n\n"
                "Los discos cifrados que se montan al arrancar se configuran en /etc/crypttab.\n"
            ),
        }
    )


def test_an_english_question_finds_the_french_passage_that_says_it(handbook: Library) -> None:
    answer = handbook.answer("Where is the configuration of kernel modules stored?")
    assert answer.language == "en"
    assert "/etc/modprobe.d/" in answer.hits[0].passage.text


def test_an_english_question_finds_the_spanish_passage_that_names_its_command(
    handbook: Library,
) -> None:
    answer = handbook.answer("How do I print the current hostname?")
    assert "ejecute hostname" in answer.hits[0].passage.text


def test_the_other_readings_are_searched_beside_the_english_words(handbook: Library) -> None:
    # The French reading of "configuration" is searched beside the English word; "kernel" has
    # none the documents write ("noyau"), and "stored" is another word in French ("stockée").
    question = "Where is the configuration of kernel modules stored?"
    weights = query.weights(question, (), handbook.analyzer, handbook._current())
    assert {"fr:configur", "fr:modul", "configur", "modul", "kernel"} <= set(weights)
    assert not any(term.startswith("es:") for term in weights)
    # Each reading is the word it reads, for the judge: the passage holding it holds the word.
    assert weights.readings["fr:configur"] == "configur"
    assert weights.alternatives["fr:modul"] == "modul"


def test_a_french_question_is_not_read_in_english_or_spanish(handbook: Library) -> None:
    answer = handbook.answer("Comment supprimer un ancien paquet de noyau ?")
    assert answer.language == "fr"
    assert all(":" in term and term.startswith("fr:") for term in answer.terms)


def test_a_french_inversion_is_no_word_the_documents_lack(handbook: Library) -> None:
    # "existe-t-il" is searched as "existe": "existetil" is how no one writes it, and it
    # would count against the answer as a word no passage has.
    answer = handbook.answer("Existe-t-il un paquet de noyau ancien ?")
    assert "fr:existetil" not in answer.terms
    assert "fr:exist" in answer.terms
    assert "dpkg --purge" in answer.hits[0].passage.text


def test_documents_mostly_in_other_languages_are_searched_in_every_reading(
    handbook: Library,
) -> None:
    # "cache" stands once in the English notes and once in French: no more often in French,
    # so only a corpus written mostly in French (and Spanish) reads it as French too, and
    # only for a question written as an English sentence, not a bare list of words.
    def searched(question: str, languages: tuple[str, ...]) -> set[str]:
        current = handbook._current()
        return set(query.weights(question, (), handbook.analyzer, current, "en", languages))

    sentence = "Where is the cache of the modules?"
    assert "fr:cach" in searched(sentence, ("fr", "es", "en"))
    assert "fr:cach" not in searched(sentence, ("en", "fr", "es"))
    assert "fr:cach" not in searched("cache modules", ("fr", "es", "en"))


@pytest.fixture(scope="module")
def manuel(write_library: Callable[[dict[str, str]], Library]) -> Library:
    """Documents only in French and Spanish: an English question reads in their words."""
    return write_library(
        {
            "noyau.md": (
                "# Le noyau\n\n## Les modules\n\n"
                "La configuration des modules du noyau est stockée dans le répertoire "
                "/etc/modprobe.d/ et lue au démarrage.\n\n## Les paquets\n\n"
                "Un paquet de noyau ancien peut être supprimé avec la commande dpkg --purge.\n\n"
                "## Le réseau\n\n"
                "La configuration du réseau est décrite dans /etc/network/interfaces.\n"
            ),
            "arranque.md": (
                "# El arranque\n\n## El nombre del equipo\n\n"
                "Para imprimir el hostname actual, ejecute hostname sin ningún parámetro.\n\n"
                "## Los discos\n\n"
                "Los discos cifrados que se montan al arrancar se configuran en /etc/crypttab.\n"
            ),
        }
    )


def test_an_english_question_to_documents_in_other_languages_is_answered_in_their_words(
    manuel: Library,
) -> None:
    """Every word read in French counts as the English word it reads: the passage holding
    "configuration" and "modules" answers, not "most of the question is in no document"."""
    answer = manuel.answer("Where is the configuration of kernel modules stored?")
    assert "/etc/modprobe.d/" in answer.hits[0].passage.text
    assert answer.outcome != "declined"
