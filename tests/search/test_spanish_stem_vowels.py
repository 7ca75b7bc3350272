"""A Spanish verb writes its stem's e and o as ie and ue where the stress falls on them (cierra,
muestra) and as e and o elsewhere (cerrado, mostrar): a question asking "¿qué cierra …?" finds
the passage saying "sera «cerrado»". Only a verb's: a noun keeps its diphthong in every form
(pueblo is no form of poblar). The documents are real: chapters of the Debian New Maintainers'
Guide and the Debian Reference in Spanish (GPL-2.0+) and José Rizal's "Filipinas dentro de cien
años" (public domain), as the dev corpora hold them (data/eval/corpora/ml-dev/SOURCES.md,
data/eval/corpora/ml-dev2/SOURCES.md)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from retrieval.library import Library

CORPORA = Path(__file__).resolve().parents[2] / "data" / "eval" / "corpora"


def _read(*paths: str) -> dict[str, str]:
    return {Path(p).name: (CORPORA / p).read_text(encoding="utf-8") for p in paths}


@pytest.fixture(scope="module")
def debian(write_library: Callable[[dict[str, str]], Library]) -> Library:
    return write_library(
        _read(
            "ml-dev/es/maint-guide-update.txt",
            "ml-dev/es/maint-guide-checkit.txt",
            "ml-dev/es/maint-guide-build.txt",
            "ml-dev/es/debian-reference-ch03-boot.txt",
        )
    )


@pytest.fixture(scope="module")
def rizal(write_library: Callable[[dict[str, str]], Library]) -> Library:
    return write_library(_read("ml-dev2/es/rizal-filipinas-dentro-de-cien-anos.txt"))


@pytest.mark.parametrize(
    ("question", "says"),
    [
        ("¿Qué cierra el informe de error al aceptar el paquete?", "sera «cerrado»"),
        ("¿Qué orden muestra el estado de una unidad?", "Mostrar breve información del estado"),
    ],
)
def test_a_stressed_verb_finds_its_other_forms(debian: Library, question: str, says: str) -> None:
    assert says in debian.answer(question).hits[0].passage.text


def test_a_noun_is_not_read_as_a_verb(rizal: Library) -> None:
    # "el pueblo" is a noun: read as poblar too, a question about the Filipino people quoted
    # the one passage writing "un suelo que ella no puede poblar" (a reviewer's finding: nuevo
    # read as nov, cuenta as contar, fuente as font).
    answer = rizal.answer("¿Es necio el pueblo filipino?")
    assert answer.hits
    assert not any("poblar" in hit.passage.text for hit in answer.hits)


def test_want_is_not_searched(debian: Library) -> None:
    # "Quiero" and "querría" ("I want", "I would like") were searched, as words no passage
    # holds, and the answer was hedged.
    answer = debian.answer("Quiero actualizar el paquete")
    assert answer.outcome == "answered"
    assert "Para actualizar un paquete" in answer.hits[0].passage.text
    answer = debian.answer("querría saber qué hace el cargador de arranque")
    assert answer.outcome == "answered"
    assert "El cargador de arranque" in answer.hits[0].passage.text
