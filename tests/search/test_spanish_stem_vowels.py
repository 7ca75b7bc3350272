"""A Spanish verb writes its stem's e and o as ie and ue where the stress falls on them (cierra,
muestra) and as e and o elsewhere (cerrado, mostrar): a question asking "¿cuándo se cierra …?"
finds the passage saying "queda cerrado". The text is written for these tests."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from retrieval.library import Library

GUIDE = (
    "# Errores\n\n"
    "Cada informe de error lleva un número. El número del informe de error se escribe en el "
    "campo Closes del informe, junto al número de cada error corregido.\n\n"
    "El informe de error queda cerrado automáticamente cuando se acepta la nueva versión.\n\n"
    "# Registro\n\n"
    "La orden dpkg -l permite mostrar los paquetes instalados.\n\n"
    "Cada orden de instalación deja los paquetes instalados en el registro; la orden apt y la "
    "orden dpkg escriben en él los paquetes instalados de cada versión.\n\n"
    "Los paquetes se envían con porte pagado.\n"
)


@pytest.fixture(scope="module")
def guide(write_library: Callable[[dict[str, str]], Library]) -> Library:
    return write_library({"guia.md": GUIDE})


@pytest.mark.parametrize(
    ("question", "says"),
    [
        ("¿Cuándo se cierra el informe de error?", "queda cerrado"),
        ("¿Qué orden muestra los paquetes instalados?", "permite mostrar"),
    ],
)
def test_a_stressed_verb_finds_its_other_forms(guide: Library, question: str, says: str) -> None:
    assert says in guide.answer(question).hits[0].passage.text


def test_a_name_is_not_read_as_a_verb(guide: Library) -> None:
    # "Puerto Rico" is no form of portar: a capitalised word after the first is a name.
    assert "es:port" in guide.query_weights("¿Qué puertas usa el paquete?")
    assert "es:port" not in guide.query_weights("¿Qué paquetes llegan a Puerto Rico?")


def test_want_is_not_searched(guide: Library) -> None:
    # "Quiero" (folded as "ciero", as "quiero" is written "ciero" with qu read as c) was
    # searched, and read without its diphthong it was "cero" (zero).
    weights = guide.query_weights("Quiero saber cuándo se cierra el informe")
    assert not any(term.startswith("es:cier") and term != "es:cierr" for term in weights)
    assert "es:cerr" in weights
