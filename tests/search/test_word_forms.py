"""The forms of one word in French, Spanish, Russian and Chinese give one term, so a question
that writes a word one way finds the passage that writes it another."""

from __future__ import annotations

import pytest

from retrieval.search.analyzer import Analyzer


@pytest.fixture(scope="module")
def analyzer() -> Analyzer:
    return Analyzer(languages=None)


def _same_term(analyzer: Analyzer, lang: str, *forms: str) -> None:
    terms = {tuple(analyzer.terms(form, lang)) for form in forms}
    assert len(terms) == 1, terms


@pytest.mark.parametrize(
    "forms",
    [
        ("ignorer", "ignorées", "ignorees"),  # a question typed without accents too
        ("installer", "installée", "installee", "installés"),
        ("générer", "générés", "generer"),
        ("données", "donner"),
    ],
)
def test_a_french_participle_meets_its_verb(analyzer: Analyzer, forms: tuple[str, ...]) -> None:
    _same_term(analyzer, "fr", *forms)


def test_french_words_are_still_found_without_their_accents(analyzer: Analyzer) -> None:
    assert analyzer.terms("mise à jour du système", "fr") == analyzer.terms(
        "mise a jour du systeme", "fr"
    )
    assert analyzer.terms("nœud", "fr") == analyzer.terms("noeud", "fr")
