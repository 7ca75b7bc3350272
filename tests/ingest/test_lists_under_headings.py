"""A list that opens its section, with no sentence of its own leading into it, is quoted as one
passage under its heading, as the heading introduces it: a method card's steps, a
constitution's clauses. A release's entries stay apart, each news of its own.

The documents are from the dev corpora data/eval/corpora (sources in each one's SOURCES.md) and
the release notes of tests/ingest/fixtures/changelogs."""

from __future__ import annotations

from pathlib import Path

from retrieval.ingest.passages import passages
from retrieval.ingest.pipeline import read
from retrieval.model import Passage

CORPORA = Path(__file__).parents[2] / "data/eval/corpora"
FIXTURES = Path(__file__).parent / "fixtures"


def _passages(path: Path) -> list[Passage]:
    return passages(read(path, path.read_bytes()), path.name)


def test_a_method_cards_steps_are_one_passage_under_their_heading() -> None:
    """18F's KJ method card: "How to do it" then eight numbered steps. A step alone ("7.
    Reiterate the focus question and have each person rank …") never said which method it is
    a step of, nor came up for "how many participants does a KJ workshop need?" with step 1."""
    steps = [
        p
        for p in _passages(CORPORA / "office-dev/pdf/18f-method-cards.pdf")
        if p.above == ("KJ method",) and p.section == "How to do it"
    ]
    assert len(steps) == 1
    assert steps[0].text.startswith("1. Gather four or more participants for 90 minutes.")
    assert "\n7. Reiterate the focus question and have each person rank" in steps[0].text


def test_a_constitutions_clauses_under_their_heading_read_together() -> None:
    """The Debian constitution's "6.2. Composition": "1. The Technical Committee consists of up
    to 8 Developers, …" and the clauses after it on appointing members, one passage (the
    clauses on terms, past the length a passage quotes, another)."""
    composition = [
        p
        for p in _passages(CORPORA / "second/doc-debian/constitution.txt")
        if p.section == "6. Technical committee › 6.2. Composition"
    ]
    assert composition[0].text.startswith("1. The Technical Committee consists of up to 8")
    assert "\n3. When there are 5 members or fewer" in composition[0].text


def test_a_releases_entries_stay_apart_under_its_heading() -> None:
    """AIDE's NEWS lists each version's changes under "Version 0.11": each change is a passage
    of its own, as in any release notes, not one list of the version."""
    found = [p.text for p in _passages(FIXTURES / "changelogs/aide/NEWS")]
    assert "Fixed many bugs" in found
    assert "Updated automake/autoconf scripts" in found


def test_a_lists_short_last_items_stay_in_the_list_not_the_paragraph_after_it() -> None:
    """The State Software Budgeting Handbook's "… related problems like:" and six bullets, the
    last two short ("• Security threats"): they were read as the first lines of the paragraph
    after the list ("This is written specifically for procurement …"), and the list lost them."""
    found = [p.text for p in _passages(CORPORA / "office-dev/pdf/18f-state-software-budgeting.pdf")]
    listed = next(t for t in found if t.startswith("This handbook also gives you the tools"))
    assert listed.endswith("• Security threats\n• Hiring, staffing, and other resource constraints")
    assert any(t.startswith("This is written specifically for procurement") for t in found)
