"""Spanish verbs with their object pronouns written onto them (instálelo "install it",
dígame "tell me", and in older prose examinóse): searched as the verb too."""

from __future__ import annotations

from collections.abc import Callable

from hypothesis import given
from hypothesis import strategies as st

from retrieval.library import Library
from retrieval.search.analyzer import Analyzer
from retrieval.search.languages import enclitic_base


def test_an_imperative_with_its_pronoun_is_the_verb_too() -> None:
    analyzer = Analyzer()
    for written, plain in [
        ("instálelo", "instale"),
        ("ejecútelo", "ejecute"),
        ("guárdelo", "guarde"),
        ("dígaselo", "diga"),
        ("examinóse", "examinó"),
    ]:
        assert set(analyzer.terms(plain, "es")) <= set(analyzer.terms(written, "es"))


def test_words_that_merely_end_like_a_pronoun_are_left_alone() -> None:
    # No accent the pronoun put there: a noun (modelo, escuela), an infinitive (Snowball's).
    for word in ["modelo", "escuela", "abuela", "cielo", "instalarlo", "sólo"]:
        assert enclitic_base(word) is None


# An imperative (usted) of a regular -ar verb with one pronoun or two, written as Spanish
# writes it: the accent on the stem's last vowel.
STEMS = st.sampled_from(["instal", "guard", "bor", "configur", "cambi", "copi", "prob"])
PRONOUNS = st.sampled_from(["lo", "la", "los", "las", "le", "les", "me", "nos", "selo", "sela"])


@given(STEMS, PRONOUNS)
def test_every_imperative_with_pronouns_meets_its_infinitive(stem: str, pronoun: str) -> None:
    analyzer = Analyzer()
    last = max(i for i, ch in enumerate(stem) if ch in "aeiou")
    accented = stem[:last] + "áéíóú"["aeiou".index(stem[last])] + stem[last + 1 :]
    written = accented + "e" + pronoun
    assert analyzer.terms(stem + "ar", "es")[0] in analyzer.terms(written, "es")


def test_a_manual_saying_install_it_answers_how_to_install(
    write_library: Callable[[dict[str, str]], Library],
) -> None:
    library = write_library(
        {
            "guia.md": "# Guía\n\n## Descarga\n\n"
            "El paquete se descarga desde el servidor del proyecto.\n\n"
            "## Contenido\n\nEl paquete incluye la documentación y los ejemplos.\n\n"
            "## Puesta en marcha\n\nInstálelo con dpkg -i antes de reiniciar el equipo.\n",
        }
    )
    answer = library.answer("¿Cómo se instala el paquete?")
    assert "dpkg -i" in answer.hits[0].passage.text
