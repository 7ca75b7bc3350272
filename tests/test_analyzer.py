"""The analyzer: the same terms for the same meaning, and offsets that point at the words."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from retrieval.search.analyzer import Analyzer, Synonyms, default_synonyms_path


@pytest.fixture(scope="module")
def analyzer() -> Analyzer:
    return Analyzer(Synonyms.load(default_synonyms_path()))


@pytest.fixture(scope="module")
def plain() -> Analyzer:
    """An analyzer without the synonym table."""
    return Analyzer()


def same_terms(analyzer: Analyzer, *texts: str) -> bool:
    first = analyzer.terms(texts[0])
    return bool(first) and all(analyzer.terms(t) == first for t in texts[1:])


# ------------------------------------------------------------------------------ folding
def test_case_and_accents_are_folded(plain: Analyzer) -> None:
    assert same_terms(plain, "Café", "cafe", "CAFÉ", "café")
    assert same_terms(plain, "Peacekeeping", "PEACEKEEPING", "peacekeeping")


def test_curly_and_straight_apostrophes_and_possessives_meet(plain: Analyzer) -> None:
    assert same_terms(plain, "China’s", "China's", "China", "china")


def test_stop_words_are_dropped(plain: Analyzer) -> None:
    assert plain.terms("what is the of and to it") == []
    assert plain.terms("What did they say about the harbour?") == ["harbour"]


def test_latin_abbreviations_are_not_searched_but_ie_and_eg_written_as_words_are(
    plain: Analyzer,
) -> None:
    # "e.g." in a question matched every passage giving an example.
    assert plain.terms("abstract mathematics, e.g. group theory; i.e. algebra") == plain.terms(
        "abstract mathematics, group theory; algebra"
    )
    assert plain.terms("Does it work in IE?") == ["work", "ie"]


def test_english_clitics_after_an_apostrophe_are_no_part_of_the_word(plain: Analyzer) -> None:
    # "we'll" was read as "well", "NAT'd" as a word no passage writes.
    assert plain.terms("we'll restart the NAT'd hosts") == plain.terms("restart the NAT hosts")
    assert plain.terms("they're sure I've read it") == plain.terms("sure read it")


def test_an_abbreviations_plural_is_the_abbreviation(plain: Analyzer) -> None:
    # Snowball keeps a final "us" ("bus"): "what is a SELU" found no passage on "SELUs".
    assert same_terms(plain, "SELUs", "SELU", "selu")
    assert same_terms(plain, "GPUs", "GPU")
    assert same_terms(plain, "ReLUs", "ReLU")
    # Words that only end so stay as they are.
    assert plain.terms("bus DOS status") == ["bus", "dos", "status"]
    assert plain.terms("DOs and DON'Ts") == plain.terms("dos and don'ts")  # "do" is a stop word


def test_words_are_stemmed(plain: Analyzer) -> None:
    assert same_terms(plain, "consultations", "consultation", "consult")
    assert same_terms(plain, "running", "runs", "run")
    assert plain.terms("exercises") == plain.terms("exercise")


# ------------------------------------------------------------------------------ hyphens and numbers
def test_counter_terrorism_spellings_meet(analyzer: Analyzer) -> None:
    assert same_terms(analyzer, "counter-terrorism", "counterterrorism", "counter terrorism")


def test_hyphenated_word_meets_its_joined_and_separate_forms(plain: Analyzer) -> None:
    hyphenated = set(plain.terms("cross-border"))
    assert set(plain.terms("crossborder")) <= hyphenated
    assert set(plain.terms("cross border")) <= hyphenated
    assert set(plain.terms("non-traditional")) >= set(plain.terms("traditional"))


def test_numbers_keep_their_digits_and_thousands_separators_fold(plain: Analyzer) -> None:
    assert plain.terms("3,362") == ["3362"]
    assert plain.terms("3362") == ["3362"]
    assert plain.terms("in 2004") == ["2004"]
    assert plain.terms("2.053 percent") == ["2.053", "percent"]


def test_a_number_range_is_its_two_numbers(plain: Analyzer) -> None:
    assert plain.terms("2003-2004") == ["2003", "2004"]


def test_comma_between_a_word_and_digits_is_not_a_thousands_separator(plain: Analyzer) -> None:
    assert plain.terms("Cambodia,654") == ["cambodia", "654"]


# ------------------------------------------------------------------------------ synonyms
@pytest.mark.parametrize(
    "forms",
    [
        ("US", "U.S.", "United States", "America", "USA", "Washington", "Americans"),
        ("UN", "U.N.", "United Nations"),
        ("SCO", "Shanghai Cooperation Organization", "Shanghai Cooperation Organisation"),
        ("DPRK", "North Korea", "north korea", "Democratic People's Republic of Korea"),
        ("BRI", "Belt and Road", "Belt and Road Initiative", "One Belt One Road"),
        ("ASEAN", "asean", "Association of Southeast Asian Nations"),
        ("missile defence", "missile defense", "anti-missile", "antimissile system"),
        ("peacekeeping", "peace-keeping", "peacekeepers", "peace keeping"),
    ],
)
def test_synonym_forms_are_one_term(analyzer: Analyzer, forms: tuple[str, ...]) -> None:
    assert same_terms(analyzer, *forms)
    assert len(analyzer.terms(forms[0])) == 1


def test_the_pronoun_us_is_not_the_united_states(analyzer: Analyzer) -> None:
    us = analyzer.terms("US")[0]
    assert us not in analyzer.terms("Tell us about peacekeeping")
    assert us not in analyzer.terms("us")
    assert us not in analyzer.terms("Us")
    assert us in analyzer.terms("Tell me about US peacekeeping")


def test_lowercase_un_prefix_is_not_the_united_nations(analyzer: Analyzer) -> None:
    un = analyzer.terms("UN")[0]
    assert un not in analyzer.terms("un")
    assert un in analyzer.terms("the UN Charter")


@pytest.mark.parametrize(
    ("british", "american"),
    [
        ("defence", "defense"),
        ("Defence", "defense"),
        ("neighbours", "neighbors"),
        ("organisation", "organization"),
        ("programme", "program"),
        ("labour", "labor"),
    ],
)
def test_british_spellings_are_the_american_ones(
    analyzer: Analyzer, british: str, american: str
) -> None:
    assert same_terms(analyzer, british, american)


def test_sino_us_is_the_united_states_and_sino(analyzer: Analyzer) -> None:
    us = analyzer.terms("US")[0]
    assert us in analyzer.terms("Sino-U.S. relations")


def test_synonym_table_lines_are_groups_and_comments_are_ignored(tmp_path: object) -> None:
    from pathlib import Path

    path = Path(str(tmp_path)) / "synonyms.txt"
    path.write_text("# a comment\nharbour | port | haven  # trailing comment\n\nsolo\n", "utf-8")
    synonyms = Synonyms.load(path)
    assert synonyms.groups == [("harbour", "port", "haven")]
    analyzer = Analyzer(synonyms)
    assert same_terms(analyzer, "harbour", "port", "haven")
    assert analyzer.terms("solo") == ["solo"]


# ------------------------------------------------------------------------------ offsets
def test_token_offsets_point_at_the_words(analyzer: Analyzer) -> None:
    text = "In 2004, China sent 3,362 peace-keepers with the United States’ support."
    spans = {text[t.start : t.end] for t in analyzer.tokens(text)}
    assert spans == {"2004", "China", "sent", "3,362", "peace-keepers", "United States", "support"}


def test_tokens_come_in_text_order(analyzer: Analyzer) -> None:
    tokens = analyzer.tokens("Russia and the U.S. held counter-terrorism talks in Beijing.")
    assert [t.start for t in tokens] == sorted(t.start for t in tokens)


@settings(max_examples=100, deadline=None)
@given(st.text())
def test_tokens_of_any_text_never_raise_and_stay_inside_it(text: str) -> None:
    analyzer = _SHARED
    previous = 0
    for token in analyzer.tokens(text):
        assert 0 <= token.start < token.end <= len(text)
        assert token.start >= previous
        previous = token.start
        assert token.term


@settings(max_examples=100, deadline=None)
@given(st.text(alphabet=st.characters(categories=["L", "N", "Zs", "P"]), max_size=200))
def test_terms_of_a_text_do_not_depend_on_surrounding_spaces(text: str) -> None:
    assert _SHARED.terms(f"  {text}\n") == _SHARED.terms(text)


_SHARED = Analyzer(Synonyms.load(default_synonyms_path()))


# ------------------------------------------------------------------------------ other languages
def test_english_text_is_english_whether_told_or_not(analyzer: Analyzer) -> None:
    text = "China’s counter-terrorism cooperation with the U.S. since 2001"
    assert analyzer.tokens(text) == analyzer.tokens(text, "en")


def test_a_name_in_another_script_does_not_change_the_english_around_it(
    analyzer: Analyzer,
) -> None:
    english = analyzer.terms("President Xi Jinping met the delegation")
    mixed = analyzer.terms("President Xi Jinping (习近平) met the delegation")
    assert [t for t in mixed if not t.startswith("zh:")] == english
    assert "zh:习近平" in mixed
