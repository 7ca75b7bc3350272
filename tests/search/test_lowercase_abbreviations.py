"""Questions typed in small letters: "the us" is the United States, and a stop word typed with
a slip ("hapens") is skipped like the stop word it is, not searched as a word no passage has."""

from __future__ import annotations

from retrieval.library import Library


def test_the_us_in_small_letters_is_the_united_states(shipped_library: Library) -> None:
    # The pronoun "us" never follows "the": typed so it is the abbreviation, and the passage on
    # what China and the United States agree on Taiwan comes first.
    answer = shipped_library.answer("did china and the us agree on anything about taiwan")
    assert "_united_states" in answer.terms
    assert "China and the United States" in answer.hits[0].passage.text
    assert "Taiwan" in answer.hits[0].passage.text
    # Elsewhere "us" stays the pronoun.
    assert "_united_states" not in shipped_library.answer("can you tell us about Japan").terms


def test_a_slip_of_a_question_frame_word_is_not_searched(shipped_library: Library) -> None:
    # "happens" frames the question; "hapens" was searched as a word no passage has.
    answer = shipped_library.answer("what hapens at the Shanghai Cooperation Organization")
    assert not any(term.startswith("hapen") for term in answer.terms)
