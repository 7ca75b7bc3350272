"""French plurals Snowball leaves apart from their singular (lieux, noyaux, pneus): read as the
singular too, so a question in the singular finds a passage in the plural and back."""

from __future__ import annotations

from collections.abc import Callable

from hypothesis import given
from hypothesis import strategies as st

from retrieval.library import Library
from retrieval.search.analyzer import Analyzer


def test_a_plural_in_x_or_after_eu_meets_its_singular() -> None:
    analyzer = Analyzer()
    for plural, singular in [
        ("lieux", "lieu"),
        ("milieux", "milieu"),
        ("jeux", "jeu"),
        ("noyaux", "noyau"),
        ("tuyaux", "tuyau"),
        ("pneus", "pneu"),
        ("bleus", "bleu"),
    ]:
        assert analyzer.terms(singular, "fr")[0] in analyzer.terms(plural, "fr")


# Nouns in -eu and -au of any stem: the plural in -x (or -s) keeps the singular's term.
STEMS = st.text(alphabet="bcdfglmnprstvy", min_size=1, max_size=6)


@given(STEMS, st.sampled_from(["eu", "au"]), st.sampled_from(["x", "s"]))
def test_every_plural_of_a_word_in_eu_or_au_holds_its_singular(
    stem: str, ending: str, mark: str
) -> None:
    analyzer = Analyzer()
    singular = stem + ending
    singular_terms = analyzer.terms(singular, "fr")
    plural_terms = analyzer.terms(singular + mark, "fr")
    if singular_terms and plural_terms:  # neither a stop word (veux of vouloir)
        assert singular_terms[0] in plural_terms


def test_a_question_about_the_kernel_finds_the_passage_on_kernels(
    write_library: Callable[[dict[str, str]], Library],
) -> None:
    library = write_library(
        {
            "systeme.md": "# Système\n\n## Démarrage\n\n"
            "Les noyaux installés se trouvent dans le dossier /boot.\n\n"
            "## Cache\n\nLe dossier des paquets.\n",
        }
    )
    answer = library.answer("Dans quel dossier est le noyau ?")
    assert "/boot" in answer.hits[0].passage.text
