"""A word the documents write only inside a synonym's form ("missile" in "anti-missile") is found.

Every form of a synonym group is indexed as the group's term, not as its words, so without this a
question asking "missile" of documents that say "anti-missile" found nothing at all.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from retrieval.library import Library
from retrieval.search.analyzer import Analyzer, Synonyms

TABLE = Synonyms(
    [
        ["anti-missile", "missile defence", "BMD"],
        ["multipolar", "multi-polar", "multi-polarization"],
        ["defense", "defence"],
    ]
)


def test_the_words_of_a_form_lead_to_its_group() -> None:
    analyzer = Analyzer(TABLE)
    missile = analyzer.groups_holding("missil")
    assert missile == analyzer.groups_holding(analyzer.stem("missiles"))
    assert missile and missile[0].startswith("_")
    assert analyzer.groups_holding("polar") == ("multipolar",)  # stemmed, as its forms are
    assert analyzer.groups_holding("anti") == missile
    # One-word forms lead nowhere: "defence" is the group "defense" itself.
    assert analyzer.groups_holding("bmd") == ()
    assert analyzer.groups_holding("treaty") == ()


@pytest.fixture(scope="module")
def statement(write_library: Callable[[dict[str, str]], Library]) -> Library:
    # The shipped synonyms hold "anti-missile" and "win-win" as groups of several forms.
    return write_library(
        {
            "statement.md": (
                "# Joint statement\n\n## Security\n\n"
                "The two sides oppose the deployment of anti-missile systems in the region.\n\n"
                "## Trade\n\nBoth sides call for win-win cooperation in trade and investment.\n\n"
                "## Culture\n\nThe two sides will hold a year of culture and tourism.\n"
            )
        }
    )


@pytest.mark.parametrize(
    ("question", "answer"),
    [("missile", "anti-missile systems"), ("missiles in the region", "anti-missile systems")],
)
def test_a_word_written_only_inside_a_synonym_finds_its_passage(
    statement: Library, question: str, answer: str
) -> None:
    found = statement.answer(question)
    assert found.hits and answer in found.hits[0].passage.text


def test_two_words_of_a_named_body_find_the_passages_naming_it(shipped_library: Library) -> None:
    # "Shanghai Cooperation Organization" is indexed as its group (with "SCO"); a passage on
    # China–US consultations "in Shanghai" on "cooperation" used to come first.
    answer = shipped_library.answer("shanghai cooperation")
    assert "Shanghai Cooperation Organization" in answer.hits[0].passage.text


def test_two_words_no_document_has_are_not_read_inside_a_synonym(shipped_library: Library) -> None:
    # "polar" is inside "multi-polarization", but "polar vortex" is about something else.
    answer = shipped_library.answer("what is the polar vortex?")
    assert answer.outcome == "declined"
    assert "multipolar" not in answer.terms


def test_the_one_word_read_inside_a_synonym_weighs_as_a_word(shipped_library: Library) -> None:
    # "missiles" is the subject: searched as its group at a synonym's weight, China and Russia
    # outweighed it and the statement's paragraph on missile defence was not first.
    answer = shipped_library.answer("what do China and Russia say about missiles?")
    assert "anti-missile" in answer.hits[0].passage.text
