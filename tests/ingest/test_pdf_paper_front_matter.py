"""A paper's title, authors and affiliations over its abstract, as a reader cites the paper.

What a user would notice: asked about a paper, the bot quoted its 23 authors and a mail address
as a passage ahead of the abstract, named all 23 in every citation (four lines each), and read
the footnote marks after two names as the letter "Ž". A real paper of others (its source and
licence are in fixtures/SOURCES.md).
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.render.answers import answer_reply
from bot.render.citations import cited_author
from bot.terminal import render_answer
from retrieval.ingest.parsed import Block
from retrieval.ingest.readers.pdf import read_pdf
from retrieval.ingest.readers.pdf_front import front_matter
from retrieval.library import Library

FIXTURES = Path(__file__).parent / "fixtures"
# "Construction of the Literature Graph in Semantic Scholar" (NAACL 2018), pages 1 and 2
PAPER = FIXTURES / "s2-literature-graph-pages-1-2.pdf"
QUESTION = "Semantic Scholar's literature graph has more than 280 million nodes."


@pytest.fixture(scope="module")
def library(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Library]:
    folder = tmp_path_factory.mktemp("paper") / "corpus"
    folder.mkdir()
    shutil.copy(PAPER, folder / PAPER.name)
    library = Library.open(folder.parent / "q.db", folder)
    yield library
    library.close()


def test_the_title_authors_and_affiliations_are_no_passage_but_are_searched() -> None:
    document = read_pdf(PAPER.read_bytes(), PAPER)
    first = document.blocks[0]
    assert (first.section, first.page) == ("Abstract", 1)
    assert first.text.startswith("We describe a deployed scalable system")
    text = "\n".join(block.text for block in document.blocks)
    assert "Dirk Groeneveld" not in text and "waleeda@allenai.org" not in text
    assert "Allen Institute for Artificial Intelligence" in (document.keywords or "")
    assert "Northwestern University" in (document.keywords or "")
    assert "Construction of the Literature Graph" not in (document.keywords or "")


def test_footnote_marks_in_a_symbol_font_are_not_read_as_letters() -> None:
    document = read_pdf(PAPER.read_bytes(), PAPER)
    everything = " ".join([document.keywords or "", *(b.text for b in document.blocks)])
    assert "Ž" not in everything
    assert "Doug Downey, Jason Dunkelberger" in everything
    assert "USA Northwestern University" in everything


def test_the_abstract_answers_and_citations_name_the_first_author_et_al(library: Library) -> None:
    answer = library.answer(QUESTION)
    # the abstract's sentence is quoted among the first, and never the list of authors
    assert "Abstract" in [hit.passage.section for hit in answer.hits[:3]]
    assert all("waleeda@allenai.org" not in hit.passage.text for hit in answer.hits)
    terminal = render_answer(answer)
    telegram = answer_reply(answer).text
    for shown in (terminal, telegram):
        assert "(Ammar et al.)" in shown
        assert "Groeneveld" not in shown  # the second of 23 authors
    # the document's author is still all of them, where the documents are listed
    assert "Madeleine van Zuylen" in (answer.hits[0].passage.author or "")
    # and a question naming an affiliation finds the paper through its front matter
    assert library.answer("Northwestern University Evanston").hits[0].passage.doc == PAPER.name


@pytest.mark.parametrize(
    ("author", "cited"),
    [
        ("Arman Cohan, Sergey Feldman, Iz Beltagy, Doug Downey, Daniel Weld", "Cohan et al."),
        ("Madeleine van Zuylen, Waleed Ammar, Oren Etzioni, Kyle Lo", "van Zuylen et al."),
        ("Arman Cohan, Sergey Feldman, Iz Beltagy", "Arman Cohan, Sergey Feldman, Iz Beltagy"),
        ("Voltaire", "Voltaire"),
        # surnames and initials apart: no name can be told from the list, so it stays
        ("Smith, J., Jones, K., Brown, L.", "Smith, J., Jones, K., Brown, L."),
    ],
)
def test_a_citation_names_more_than_three_authors_as_the_first_et_al(
    author: str, cited: str
) -> None:
    assert cited_author(author) == cited


def test_a_report_whose_first_paragraph_precedes_its_summary_keeps_it() -> None:
    blocks = [
        Block("Annual Report 2024", page=1),
        Block("This report covers the year. It was a good year. Sales rose. Costs fell.", page=1),
        Block("We sold more than before.", section="Summary", page=1),
    ]
    assert front_matter(blocks, "Annual Report 2024") == (blocks, None)
