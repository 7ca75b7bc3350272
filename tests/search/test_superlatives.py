"""'What is the maximum / smallest …' of a thing that is no measure is answered in words."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from retrieval.library import Library
from retrieval.search.quantities import unquantified

CORPORA = Path(__file__).parents[2] / "data" / "eval" / "corpora"


def test_the_extreme_of_a_thing_named_in_words_answers_it_in_real_documents(
    write_library: Callable[[dict[str, str]], Library],
) -> None:
    # SQLite's "Atomic Commit" and Python's Unicode HOWTO say it in words, no number: they were
    # hedged at confidence 1.0 for stating none.
    library = write_library(
        {
            path.name: path.read_text(encoding="utf-8")
            for path in [
                CORPORA / "devdocs" / "atomiccommit.txt",
                CORPORA / "docs-dev" / "html" / "python-howto-unicode.html",
            ]
        }
    )
    sector = library.answer("What is the minimum unit of transfer on a spinning disk?")
    assert "a sector is the minimum unit of transfer" in sector.hits[0].excerpt.plain
    assert sector.outcome == "answered"
    assert library.answer("What is the smallest component of a text?").outcome == "answered"


def test_a_measure_asked_still_needs_its_number() -> None:
    # "Sydney is the largest city", "la pena máxima … es la prisión permanente revisable"
    for question, excerpt in [
        ("What is the largest city in Australia?", "Sydney is the largest city in Australia."),
        ("¿Cuál es la pena máxima?", "La pena máxima prevista es la prisión permanente revisable."),
        ("Какое максимальное наказание?", "Максимальное наказание — пожизненное лишение свободы."),
    ]:
        assert not unquantified(question, excerpt), question
    # The size, count or age asked: words naming the limit are no answer.
    no_number = "The maximum number of agents depends on the hardware."
    assert unquantified("What is the maximum number of agents a server can handle?", no_number)
    assert unquantified("¿Cuál es la edad mínima para votar?", "La edad mínima es la mayoría.")
    # Named in passing, not said of the thing: "employers must pay the federal minimum wage".
    assert unquantified("What is the maximum penalty?", "It may impose the maximum penalty.")
