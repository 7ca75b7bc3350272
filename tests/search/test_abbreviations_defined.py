"""Abbreviations a document defines ("the Transport Layer Security (TLS) protocol") are searched
as their long forms and back: a question asking by either finds the passages written with the
other, in English, French and Russian text alike (Schwartz & Hearst's algorithm)."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from retrieval.library import Library
from retrieval.search import abbreviations, languages
from retrieval.search.abbreviations import Definition, definitions
from retrieval.search.analyzer import Analyzer, Synonyms

# Hand-checked definitions, each in the words of a real document.
ORACLE = {
    # RFC 8446, Abstract
    "This document specifies version 1.3 of the Transport Layer Security (TLS) protocol.": [
        Definition("TLS", "Transport Layer Security")
    ],
    # The Charter of the Shanghai Cooperation Organisation's site, "About SCO"
    "The Shanghai Cooperation Organisation (SCO) is a permanent intergovernmental international "
    "organisation.": [Definition("SCO", "Shanghai Cooperation Organisation")],
    # Regulation (EU) 2024/2847, as the Commission's pages name it
    "The Cyber Resilience Act (CRA) aims to safeguard consumers and businesses buying software "
    "or hardware products with a digital component.": [Definition("CRA", "Cyber Resilience Act")],
    # Russian Wikipedia, "Организация Объединённых Наций"
    "Организация Объединённых Наций (ООН) — международная организация, созданная для "
    "поддержания и укрепления международного мира и безопасности.": [
        Definition("ООН", "Организация Объединённых Наций")
    ],
    # French Wikipedia, "Organisation des Nations unies": the elided article is no part of it
    "L'Organisation des Nations unies (ONU) est une organisation internationale.": [
        Definition("ONU", "Organisation des Nations unies")
    ],
    # The WHO's Spanish pages
    "La Organización Mundial de la Salud (OMS) es el organismo de las Naciones Unidas "
    "especializado en salud.": [Definition("OMS", "Organización Mundial de la Salud")],
    # The long form in the parenthesis, after the short form
    "Clients negotiate TLS (Transport Layer Security) before any data is sent.": [
        Definition("TLS", "Transport Layer Security")
    ],
    # No definitions: a reference, a sample size, a year
    "The results (see Table 2) were confirmed in 2004 (n = 34) by Bean (1960).": [],
    # The first letter taken from an article: no definition ("l’utilisation" is no LAN)
    "Le mode LAN (l’utilisation sur un réseau local) est activé.": [],
}


def test_the_algorithm_finds_the_definitions_a_reader_sees() -> None:
    for text, expected in ORACLE.items():
        assert definitions(text) == expected, text


def test_a_short_form_for_two_things_equally_often_or_a_common_word_is_left_out() -> None:
    texts = [
        "The Control Module (CM) starts first.",
        "The Cooling Manifold (CM) is cleaned monthly.",
        "The World Health Organization (WHO) publishes guidance.",  # "who": a common word
        "The Border Gateway Protocol (BGP) routes between networks.",
        "The Border Gateway Protocol (BGP) is old.",
        "A Basic Gateway Program (BGP) was a fluke.",  # the commoner long form wins
    ]
    found = abbreviations.groups(
        [(text, "en") for text in texts], lambda word: word in {"who", "it", "us"}
    )
    assert found == [("Border Gateway Protocol", "BGP", "en")]


def test_the_synonym_table_wins_over_a_definition_found() -> None:
    table = Synonyms([("Shanghai Cooperation Organization", "SCO")])
    merged = table.with_found(
        [("Shanghai Cooperative Office", "SCO", "en"), ("Cyber Resilience Act", "CRA", "en")],
        lambda w: False,
    )
    analyzer = Analyzer(merged)
    assert analyzer.terms("SCO") == analyzer.terms("Shanghai Cooperation Organization")
    # The long form is the short form's term, and its own words still (it is about resilience).
    assert analyzer.terms("the CRA")[0] == analyzer.terms("the Cyber Resilience Act")[0]
    assert "resili" in analyzer.terms("the Cyber Resilience Act")
    assert analyzer.terms("CRAs") == analyzer.terms("CRA")


_LETTERS = st.sampled_from("abcdeABCDEXYZабвАБВ ()'-.,;1")


@settings(max_examples=300, deadline=None)
@given(st.text(_LETTERS, max_size=80))
def test_a_long_form_found_is_the_words_written_right_before_the_parenthesis(text: str) -> None:
    def words(part: str) -> list[str]:
        return [w.strip("'") for w in part.split() if w.strip("'")]

    for short, long in definitions(text):
        before = [
            words(text[: m.start()])[-len(words(long)) :]
            for m in re.finditer(r"\(", text)
            if text[m.end() :].lstrip().startswith(short)
        ]
        inside = [
            words(text[m.end() :].split(")")[0])
            for m in re.finditer(r"\(", text)
            if words(text[: m.start()])[-1:] == [short]
        ]
        assert words(long) in before or words(long) in inside, (text, short, long)


RFC = (
    "# The Transport Layer Security (TLS) Protocol Version 1.3\n\n"
    "## Abstract\n\n"
    "This document specifies version 1.3 of the Transport Layer Security (TLS) protocol. TLS "
    "allows client/server applications to communicate over the Internet in a way that is "
    "designed to prevent eavesdropping, tampering, and message forgery.\n\n"
    "## Major Differences from TLS 1.2\n\n"
    "Static RSA and Diffie-Hellman cipher suites have been removed; all public-key based key "
    "exchange mechanisms in TLS 1.3 now provide forward secrecy.\n\n"
    "## Transport\n\n"
    "The underlying transport layer must deliver a reliable, in-order data stream; security "
    "of the records is the protocol's own.\n"
)


def test_a_question_by_the_long_form_finds_the_passage_written_with_the_short_form(
    write_library: Callable[[dict[str, str]], Library],
) -> None:
    library = write_library({"rfc8446.md": RFC})
    answer = library.answer("Does Transport Layer Security provide forward secrecy?")
    assert "forward secrecy" in answer.hits[0].passage.text
    # The passages about TLS come before one on a transport layer's security.
    assert "Transport Layer Security (TLS)" in answer.hits[1].passage.text


ONU = (
    "# L'ONU\n\n"
    "L'Organisation des Nations unies (ONU) a son siège à New York, au bord de l'East River.\n\n"
    "# Histoire\n\n"
    "L'Organisation des Nations unies a été fondée en 1945 à San Francisco par cinquante et un "
    "États.\n\n"
    "# La Société des Nations\n\n"
    "La Société des Nations a été fondée en 1920, après la Première Guerre mondiale.\n"
)


def test_a_french_definition_is_searched_both_ways(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "other.md").write_text("# Note\n\nNothing is defined here.\n", encoding="utf-8")
    library = Library.open(tmp_path / "db.sqlite", corpus)
    try:
        # Defined after the library was opened: the reload finds it and indexes it anew.
        (corpus / "onu.md").write_text(ONU, encoding="utf-8")
        library.reindex()
        # Asked by the short form, answered by the passage written with the long form (not
        # the League of Nations, founded too).
        answer = library.answer("Quand l'ONU a-t-elle été fondée ?")
        assert "fondée en 1945" in answer.hits[0].passage.text
    finally:
        library.close()


QOA = (
    "# Telescopes\n\n"
    "The Quasar Orbital Array (QOA) maps distant galaxies from a high orbit.\n\n"
    "# Funding\n\n"
    "The QOA was paid for by eleven universities over ten years.\n"
)


def test_the_abbreviations_are_found_again_when_the_stop_words_change(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The abbreviations found are kept with the corpus; a new stop-word list (shipped with an
    # update) rebuilds the index, and must find them anew: "QOA" become a common word is no
    # name of the array any more, or the index was rebuilt with the old list's findings.
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "qoa.md").write_text(QOA, encoding="utf-8")
    asked = "Quasar Orbital Array"
    library = Library.open(tmp_path / "db.sqlite", corpus)
    try:
        hits = library.answer(asked).hits
        assert any("eleven universities" in hit.passage.text for hit in hits)
    finally:
        library.close()
    common, digest = languages.is_stop_word_of, languages.stop_words_digest()
    monkeypatch.setattr(
        languages, "is_stop_word_of", lambda word, codes: word == "qoa" or common(word, codes)
    )
    monkeypatch.setattr(languages, "stop_words_digest", lambda: digest + "-new")
    library = Library.open(tmp_path / "db.sqlite", corpus)
    try:
        hits = library.answer(asked).hits
        assert all("eleven universities" not in hit.passage.text for hit in hits)
    finally:
        library.close()


STORE = (
    "# Storage\n\n"
    "keep the cold storage ledger (csl) locked after the evening count.\n\n"
    "# Hours\n\n"
    "The CSL office opens at nine on weekdays and closes at noon on Saturdays.\n\n"
    "# Vault\n\n"
    "Full backups (kept for a year) are copied to the vault on Sundays.\n\n"
    "# Keys\n\n"
    "The vault keys (two sets) are held by the shift manager.\n"
)


def test_one_passage_in_small_letters_defines_no_abbreviation_of_a_corpus_with_capitals(
    write_library: Callable[[dict[str, str]], Library],
) -> None:
    # A note typed in small letters, "(csl)", is no abbreviation a reader of a corpus written
    # with capitals takes the "CSL" elsewhere for: the office is no match of the ledger.
    library = write_library({"store.md": STORE})
    hits = library.answer("Is the cold storage ledger locked?").hits
    assert "cold storage ledger (csl) locked" in hits[0].passage.text
    marked = {seg.text for hit in hits for seg in hit.excerpt.segments if seg.marked}
    assert "CSL" not in marked
