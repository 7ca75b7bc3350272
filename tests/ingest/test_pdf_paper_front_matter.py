"""A paper's authors, as a reader cites the paper.

What a user would notice: the bot named all 23 authors of a paper in every citation (four lines
each), and read the footnote marks after two names as the letter "Ž". A real paper of others
(its source and licence are in fixtures/SOURCES.md). (Its author block is still a passage:
moving a paper's front matter out of the passages lost the authors of papers whose properties
name none, and the "Present: …" of minutes over their summary.)
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.render.answers import answer_reply
from bot.render.citations import cited_author
from bot.terminal import render_answer
from retrieval.ingest.readers.pdf import read_pdf
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


def test_footnote_marks_in_a_symbol_font_are_not_read_as_letters() -> None:
    document = read_pdf(PAPER.read_bytes(), PAPER)
    everything = " ".join(b.text for b in document.blocks)
    assert "Ž" not in everything
    assert "Doug Downey, Jason Dunkelberger" in everything
    assert "USA Northwestern University" in everything


def test_citations_name_the_first_author_et_al(library: Library) -> None:
    answer = library.answer(QUESTION)
    assert "Abstract" in [hit.passage.section for hit in answer.hits[:3]]
    terminal = render_answer(answer)
    telegram = answer_reply(answer).text
    for shown in (terminal, telegram):
        assert "(Ammar et al.)" in shown
        assert "Madeleine van Zuylen, Waleed Ammar" not in shown  # the list of 23 authors
    # the document's author is still all of them, where the documents are listed
    assert "Madeleine van Zuylen" in (answer.hits[0].passage.author or "")


@pytest.mark.parametrize(
    ("author", "cited"),
    [
        ("Arman Cohan, Sergey Feldman, Iz Beltagy, Doug Downey, Daniel Weld", "Cohan et al."),
        ("Madeleine van Zuylen, Waleed Ammar, Oren Etzioni, Kyle Lo", "van Zuylen et al."),
        ("Arman Cohan, Sergey Feldman, Iz Beltagy", "Arman Cohan, Sergey Feldman, Iz Beltagy"),
        ("Voltaire", "Voltaire"),
        # surnames and initials apart: no name can be told from the list, so it stays
        ("Smith, J., Jones, K., Brown, L., Lee, M.", "Smith, J., Jones, K., Brown, L., Lee, M."),
        # surname first, initials after; a suffix after the surname
        ("Smith J, Jones K, Brown L, Lee M", "Smith et al."),
        ("Иванов И. И., Петров П. П., Сидоров С. С., Козлов К. К.", "Иванов et al."),
        ("Martin Luther King Jr., Ann Lee, Bo Chen, Di Wu", "King et al."),
        # bodies, not people: as written
        (
            "Ministry of Health, Ministry of Education, Ministry of Labour, Ministry of Finance",
            "Ministry of Health, Ministry of Education, Ministry of Labour, Ministry of Finance",
        ),
    ],
)
def test_a_citation_names_more_than_three_authors_as_the_first_et_al(
    author: str, cited: str
) -> None:
    assert cited_author(author) == cited
