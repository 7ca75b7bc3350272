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
        ("données", "donnees", "donnée"),
    ],
)
def test_a_french_participle_meets_its_verb(analyzer: Analyzer, forms: tuple[str, ...]) -> None:
    _same_term(analyzer, "fr", *forms)


def test_french_words_are_still_found_without_their_accents(analyzer: Analyzer) -> None:
    assert analyzer.terms("mise à jour du système", "fr") == analyzer.terms(
        "mise a jour du systeme", "fr"
    )
    assert analyzer.terms("nœud", "fr") == analyzer.terms("noeud", "fr")


@pytest.mark.parametrize(
    "forms",
    [
        ("sécurité", "securite", "SÉCURITÉ"),
        ("première", "premiere"),
        ("limite", "limité"),
    ],
)
def test_french_typed_without_accents_meets_the_accented_word(
    analyzer: Analyzer, forms: tuple[str, ...]
) -> None:
    _same_term(analyzer, "fr", *forms)


def test_a_french_question_frame_is_no_word_of_what_it_asks(analyzer: Analyzer) -> None:
    # "une fois" (once) and "à peu près" (about) frame a question as "once" and "about" do
    # in English; "à la fois" in a passage is no answer to "une fois le paquet construit".
    assert analyzer.terms("une fois le paquet construit", "fr") == analyzer.terms(
        "le paquet construit", "fr"
    )
    assert analyzer.terms("combien de paquets à peu près", "fr") == ["fr:paquet"]
    assert analyzer.terms("mon adaptateur n'est pas reconnu sous Linux", "fr") == [
        "fr:adapt",
        "fr:reconnu",
        "fr:linux",
    ]


def test_a_chinese_question_frame_is_no_word_of_what_it_asks(analyzer: Analyzer) -> None:
    # 的时候 "when", 其实 "actually", 知道 "know": the English list drops these too.
    assert analyzer.terms("开机的时候其实我想知道字体", "zh") == analyzer.terms("开机字体", "zh")


def _shares_a_term(analyzer: Analyzer, lang: str, one: str, other: str) -> bool:
    return bool(set(analyzer.terms(one, lang)) & set(analyzer.terms(other, lang)))


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("систему", "система"),  # Snowball reads -ему as an adjective's ending: сист
        ("проблему", "проблемы"),
        ("ошибок", "ошибка"),  # the genitive plural's fleeting vowel
        ("веток", "ветки"),
        ("настроек", "настройки"),
        ("список", "списка"),  # and the nominative's
    ],
)
def test_a_russian_noun_meets_its_other_forms(analyzer: Analyzer, one: str, other: str) -> None:
    assert _shares_a_term(analyzer, "ru", one, other)


def test_russian_words_without_those_forms_keep_their_one_term(analyzer: Analyzer) -> None:
    assert analyzer.terms("поток", "ru") == ["ru:поток", "ru:потк"]  # a harmless second reading
    assert _shares_a_term(analyzer, "ru", "поток", "потока")
    assert analyzer.terms("новому", "ru")[0] == analyzer.terms("новый", "ru")[0]
    assert analyzer.terms("пакет", "ru") == ["ru:пакет"]


def test_a_spanish_adjective_cut_short_meets_its_whole_form(analyzer: Analyzer) -> None:
    # "mi primer paquete" asks about "la primera versión del paquete"
    assert _shares_a_term(analyzer, "es", "primer", "primera")
    assert _shares_a_term(analyzer, "es", "gran", "grandes")


def test_a_french_noun_that_is_also_a_phrasing_verb_stays_searchable() -> None:
    # "montre" is "shows" in a question's phrasing and "a watch" in a story: it is kept.

    terms = Analyzer().terms("Candide reçut une montre en or et le savoir de Pangloss", "fr")
    assert "fr:montr" in terms and any(t.startswith("fr:savoir") for t in terms)
