"""A fact-checker's claims to abstracts: one no abstract addresses is declined or hedged, not
quoted as evidence; one the abstract states is answered (tryout21)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from retrieval.library import Library

_ABSTRACTS = {
    "crohn.txt": (
        "Can diet cure Crohn's disease?\n\n"
        "Patients with Crohn's disease who followed a semi-vegetarian diet stayed in remission "
        "for two years far more often than those on an omnivorous diet.\n"
    ),
    "biharmonic.txt": (
        "Fast finite-difference solution of biharmonic problems\n\n"
        "Numerical methods for the biharmonic equation in a rectangle are described. An "
        "application is made to a crack-type problem.\n"
    ),
    "rheumatism.txt": (
        "Diet and rheumatoid arthritis\n\n"
        "A one-year vegetarian diet after a fast reduced pain and stiffness in patients with "
        "rheumatoid arthritis.\n"
    ),
    "headache.txt": (
        "Lavender oil for migraine\n\n"
        "Inhaling lavender essential oil eased migraine headache within two hours in a "
        "placebo-controlled trial.\n"
    ),
    "stevens.txt": (
        "Electric light and cancer: surely you're joking, Mr Stevens\n\n"
        "Light at night suppresses melatonin, and night-shift workers show higher rates of "
        "breast cancer.\n"
    ),
    "graph.txt": (
        "The literature graph\n\n"
        "The resulting graph consists of more than 280M nodes, representing papers, authors, "
        "entities and various interactions between them.\n"
    ),
    "scholar.txt": (
        "Semantic search\n\n"
        "Semantic Scholar is a search engine for the scientific literature, with millions of "
        "users.\n"
    ),
    "cognition.txt": (
        "Vitamin status and the risk of cognitive decline in older adults\n\n"
        "Older adults with low vitamin levels showed more cognitive decline over ten years "
        "than those with normal levels.\n"
    ),
    "walking.txt": (
        "Walking speed\n\nFaster walking in elderly women is linked to a longer life.\n"
    ),
    # The desk's own notes: a message's everyday words are common in them.
    **{
        f"desk-{day}.txt": (
            f"Desk notes, {day}\n\nA reader sent the team a viral post with a claim to find "
            "out about, and the editor will run the piece.\n"
        )
        for day in ("monday", "tuesday", "wednesday")
    },
    "farming.txt": (
        "Organic farming\n\nOrganic farms use fewer pesticides on food crops, a study of "
        "farms in three countries found.\n"
    ),
    "organic.txt": (
        "Organic diets and pesticide exposure in children\n\n"
        "This study found that when children switched to organic food, the traces of "
        "pesticides in their urine fell to levels near the limit of detection within days, "
        "and returned when they went back to their conventional food.\n"
    ),
}


@pytest.fixture(scope="module")
def abstracts(write_library: Callable[[dict[str, str]], Library]) -> Library:
    return write_library(_ABSTRACTS)


@pytest.mark.parametrize(
    "claim", ["Cracking your knuckles causes arthritis.", "Ivermectin cures sunburn in adults."]
)
def test_a_claim_only_one_word_of_which_any_passage_holds_is_declined(
    abstracts: Library, claim: str
) -> None:
    # "crack" stands in a passage on finite differences, "cure" in one on Crohn's disease; the
    # claim's other words are in no abstract, or not in that one: nothing checks it.
    assert abstracts.answer(claim).outcome == "declined"


def test_the_same_words_asked_as_a_question_are_not_declined(abstracts: Library) -> None:
    # A question asks of fewer of its words than a claim states ("who do I write to if
    # something goes wrong?" is answered by a passage holding "wrong"): left to the other rules.
    assert abstracts.answer("Does cracking your knuckles cause arthritis?").outcome != "declined"


def test_a_claim_an_abstract_states_is_answered(abstracts: Library) -> None:
    answer = abstracts.answer("Lavender oil eases migraine headaches.")
    assert answer.outcome == "answered"
    assert answer.hits[0].passage.doc == "headache.txt"


def test_a_claim_only_a_title_holds_the_words_of_is_hedged(abstracts: Library) -> None:
    # "joking" in the title, nothing of a joke in the text: the abstract does not check it.
    answer = abstracts.answer("Joking with Mr Stevens is good for you.")
    assert answer.outcome != "answered"


def test_a_question_a_section_heading_names_is_answered_by_that_section(
    write_library: Callable[[dict[str, str]], Library],
) -> None:
    # The section's text need not repeat its heading's word: it is what the heading names.
    library = write_library(
        {
            "client.md": (
                "# Client\n\nThe client sends requests to a server.\n\n"
                "## Timeouts\n\nBy default a request gives up after five seconds; pass "
                "`wait=30` to wait longer, or `wait=None` to wait forever.\n"
            )
        }
    )
    answer = library.answer("What are the timeouts?")
    assert answer.hits[0].passage.section == "Timeouts"
    assert answer.outcome == "answered"


def test_a_word_typed_alone_is_answered_by_the_title_naming_it(abstracts: Library) -> None:
    # A topic typed alone asks for the document named after it (NFCorpus's "Zoloft").
    answer = abstracts.answer("joking")
    assert answer.outcome == "answered"
    assert answer.hits[0].passage.doc == "stevens.txt"


def test_a_number_no_document_writes_still_hedges(abstracts: Library) -> None:
    # "280 million" where the paper writes "280M": shown, hedged. A number the documents never
    # write is as often what they do not say ("bug number 999999"): it is not ignored.
    answer = abstracts.answer("The literature graph has more than 280 million nodes.")
    assert answer.outcome == "hedged"
    assert answer.hits[0].passage.doc == "graph.txt"


def test_a_code_with_a_digit_in_no_document_hedges_rather_than_declines(
    abstracts: Library,
) -> None:
    # "B12" in no abstract (a cleaned one writes it "vitamin num"), most other words of the
    # claim in one: the passage is shown, with the hedge. A name without a digit ("Lisbon")
    # still declines (tests/test_library.py).
    claim = "In elderly women, low vitamin B12 is linked to faster cognitive decline."
    answer = abstracts.answer(claim)
    assert answer.outcome == "hedged"
    assert answer.hits[0].passage.doc == "cognition.txt"


def test_a_pasted_message_is_judged_by_the_words_the_documents_hold(abstracts: Library) -> None:
    # Its greeting, names and times ("Hi team", "Maria", "3pm") are in no document and would
    # weigh most: the right abstract was hedged.
    message = (
        "Hi team, following up on yesterday's call: a reader sent us a viral post claiming "
        "that children who switched to organic food had far fewer pesticide traces in their "
        "urine within days. Before we run the piece, can you find the study and tell me what "
        "it found? We need this by 3pm. Thanks, Maria"
    )
    answer = abstracts.answer(message)
    assert answer.outcome == "answered"
    assert answer.hits[0].passage.doc == "organic.txt"


def test_a_long_question_most_of_whose_words_no_document_holds_is_not_answered(
    shipped_library: Library,
) -> None:
    # Seven of its thirteen words in no document on China's foreign policy: they are what it
    # asks about, not a message's greeting, and count (left out, it was answered at .42).
    question = (
        "We are preparing a briefing on Japan's whaling programme in the Antarctic, the court "
        "case brought by Australia, and the reaction of the International Whaling Commission."
    )
    assert shipped_library.answer(question).outcome != "answered"
