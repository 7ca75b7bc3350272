"""Titles of paper notes in Markdown: what each citation and /sources names.

Two collections a tester indexed (aleju/papers, dennybritz/deeplearning-papernotes; neither
states a licence, so the sources below are written for the tests in their layout, not copied).
A hundred notes each opened with "# Paper" over the paper's fields, and were all titled "Paper";
a hundred more opened with the paper's title as their one "##" heading, and were titled by their
file names ("act-rnn").
"""

from __future__ import annotations

from retrieval.ingest.parsed import ParsedDocument
from retrieval.ingest.pipeline import read

NOTE = (
    "# Paper\n\n"
    "* **Title**: Adam: A Method for Stochastic Optimization\n"
    "* **Authors**: Diederik Kingma, Jimmy Ba\n"
    "* **Link**: https://arxiv.org/abs/1412.6980\n"
    "* **Tags**: Neural Network, optimizer\n"
    "* **Year**: 2015\n\n"
    "# Summary\n\n"
    "* What\n  * A stochastic optimizer that keeps running averages of the gradient.\n"
)


def _read(source: str, name: str = "note.md") -> ParsedDocument:
    return read(name, source.encode("utf-8"))


def test_a_note_is_titled_by_its_title_field_not_its_generic_heading() -> None:
    document = _read(NOTE, "Adam.md")
    assert document.title == "Adam: A Method for Stochastic Optimization"
    assert document.author == "Diederik Kingma, Jimmy Ba"
    assert document.date == "2015"
    # The fields stay text: "who wrote adam" is answered by them.
    assert "Authors: Diederik Kingma, Jimmy Ba" in [b.text for b in document.blocks]
    assert [b.section for b in document.blocks][-1] == "Summary"


def test_fields_documenting_a_form_are_no_title() -> None:
    """A page listing a form's keys ("Title: the title of the page.") states no title."""
    source = (
        "# Front matter\n\n* **Title**: the title of the page.\n"
        "* **Author**: who wrote it.\n* **Date**: when it was written.\n"
    )
    assert _read(source).title == "Front matter"
    two = "# Paper\n\n* **Title**: Adam\n* **Year**: 2015\n\nText of the note.\n"
    assert _read(two).title == "Paper"  # two fields are a line or two of text


def test_a_pages_one_top_heading_on_its_first_line_is_its_title() -> None:
    source = (
        "## [Adaptive Computation Time for Recurrent Neural Networks]"
        "(http://arxiv.org/abs/1603.08983)\n\n"
        "TLDR; The author presents ACT, an algorithm to learn how many steps to take.\n\n"
        "#### Key Points\n\n- A halting unit decides when to stop.\n"
    )
    document = _read(source, "act-rnn.md")
    assert document.title == "Adaptive Computation Time for Recurrent Neural Networks"
    assert [b.section for b in document.blocks] == [None, "Key Points"]
    # Renaming the file keeps the title.
    assert _read(source, "adaptive-computation-time.md").title == document.title
    slip = "## [g](http://arxiv.org/abs/1604.00289)\n\nTLDR; The authors explore the gap.\n"
    assert _read(slip, "building-machines.md").title == "building-machines"


def test_a_first_heading_among_others_as_high_titles_nothing() -> None:
    """ "## Installation" then "## Usage": two sections of a page, not its title."""
    source = "## Installation\n\nRun the installer.\n\n## Usage\n\nRun the program.\n"
    document = _read(source, "guide.md")
    assert document.title == "guide"
    assert [b.section for b in document.blocks] == ["Installation", "Usage"]
