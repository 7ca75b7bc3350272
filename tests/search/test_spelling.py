"""Spelling correction of questions: a word the corpus lacks is rewritten only when the
correction is clearly what was meant."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from retrieval.library import Library

GLOSSARY = {
    "stage.md": (
        "# Stage terms\n\n"
        "A cyclorama is a fabric drop hung from a curved batten at the back of the stage.\n\n"
        "A soliloquy is a speech in which a character speaks their inner thoughts aloud.\n\n"
        "Vitamin E is tocopherol, found in nuts and seeds.\n\n"
        "Lighting rigs hold the lamps above the stage.\n"
    )
}


@pytest.fixture
def glossary(make_corpus: Callable[..., Path], tmp_path: Path) -> Iterator[Library]:
    library = Library.open(tmp_path / "g.db", make_corpus(GLOSSARY))
    yield library
    library.close()


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("What is a cyclorma?", "cyclorama"),  # a letter dropped
        ("what does solliloquy mean", "soliloquy"),  # a letter doubled
        ("what is a cycloarma", "cyclorama"),  # two letters swapped
    ],
)
def test_a_slip_of_the_fingers_finds_a_word_only_one_passage_has(
    glossary: Library, question: str, expected: str
) -> None:
    answer = glossary.answer(question)
    assert answer.hits and expected in answer.hits[0].passage.text


def test_a_letter_replaced_is_not_corrected_towards_a_word_of_one_passage(
    glossary: Library,
) -> None:
    # "tocopheryl" is a word of its own, not a misspelt "tocopherol".
    answer = glossary.answer("tocopheryl acetate")
    assert "tocopheryl" in answer.terms
    assert answer.outcome == "declined"


NOTES = {
    "notes.md": (
        "# Notes\n\n"
        "Musical notation writes pitch on a staff of five lines.\n\n"
        "Dance notation records steps as symbols.\n\n"
        "Amnesic shellfish poisoning follows eating mussels that hold domoic acid.\n\n"
        "Amnesic syndromes after a stroke are treated by rehabilitation.\n\n"
        "Creating a new staff starts the notation of a second voice.\n\n"
        "Creating rehearsal notes helps a choir learn a piece.\n"
    )
}


def test_a_dictionary_word_is_not_rewritten_to_its_neighbour_at_the_start(
    make_corpus: Callable[..., Path], tmp_path: Path
) -> None:
    library = Library.open(tmp_path / "n.db", make_corpus(NOTES))
    try:
        # "rotation" is a word, not a misspelt "notation"; "amnesia" is what "amnesic" says.
        assert "notat" not in library.answer("crop rotation").terms
        assert "amnes" in library.answer("amnesia").terms
        # Nor is a word of the dictionary another word's inflection a letter away at its end:
        # "creatine" is no misspelt "creating" (tryout21: quoted as evidence on creatine).
        assert "creat" not in library.answer("creatine kidney damage").terms
    finally:
        library.close()


FOREIGN = {
    "fr.md": (
        "# Paquets\n\n"
        "La commande dch ajoute une nouvelle révision au début du fichier changelog.\n\n"
        "La commande lintian vérifie le paquet construit.\n\n"
        "Le fichier control décrit le paquet source.\n"
    ),
    "ru.md": (
        "# Обновление\n\n"
        "Чтобы обновить систему целиком, выполните команду обновления дистрибутива.\n\n"
        "Система пакетов хранит список установленных пакетов.\n\n"
        "Обновить один пакет можно той же командой.\n"
    ),
}


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("A quoi sert la comande dch ?", "dch ajoute"),
        ("Как обнавить систему целиком?", "целиком"),
    ],
)
def test_a_misspelt_word_of_another_language_is_corrected_in_that_language(
    make_corpus: Callable[..., Path], tmp_path: Path, question: str, expected: str
) -> None:
    library = Library.open(tmp_path / "f.db", make_corpus(FOREIGN))
    try:
        answer = library.answer(question)
        assert answer.hits and expected in answer.hits[0].passage.text
        assert not any(t.endswith(("comand", "обнав")) for t in answer.terms)
    finally:
        library.close()
