"""Sections named under the headings above them, as the rendered page shows them.

What a user would notice: a quote from "paths" in a list of options is cited "Global-only options
› paths", a "References" section says which chapter's references it is; citations name only the
nearest heading above, and never the document's title again. Real documents of others (their
sources and licences are in the SOURCES.md beside them).
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.render.citations import citation
from bot.render.passages import passage_html
from retrieval.ingest.pipeline import read
from retrieval.library import Library

ROOT = Path(__file__).resolve().parents[1]
DOCS_DEV = ROOT / "data" / "eval" / "corpora" / "docs-dev"
OPTIONS = DOCS_DEV / "md" / "usage" / "index.md"  # mkdocstrings-python's usage page
UNICODE = DOCS_DEV / "html" / "python-howto-unicode.html"  # the Python Unicode HOWTO
BOOK = ROOT / "tests" / "ingest" / "fixtures" / "developers-reference.epub"
ODT = ROOT / "tests" / "ingest" / "fixtures" / "api-for-odfpy.odt"
WORD = ROOT / "data" / "eval" / "corpora" / "office" / "docx" / "FDO76248.docx"


@pytest.fixture(scope="module")
def library(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Library]:
    folder = tmp_path_factory.mktemp("paths") / "corpus"
    for source in (OPTIONS, UNICODE):
        target = folder / source.relative_to(DOCS_DEV)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(source, target)
    library = Library.open(folder.parent / "q.db", folder)
    yield library
    library.close()


def test_an_option_is_cited_under_the_list_of_options_it_stands_in(library: Library) -> None:
    hit = library.answer("Which option lists the folders searched for Python modules?").hits[0]
    assert hit.passage.text.startswith("This option is used to provide filesystem paths")
    assert citation(hit.passage).startswith("Usage, Global-only options › paths, ¶ ")


def test_a_citation_names_only_the_nearest_heading_above(library: Library) -> None:
    hit = library.answer("surrogateescape").hits[0]
    assert (hit.passage.above, hit.passage.section) == (
        "Reading and Writing Unicode Data › Tips for Writing Unicode-aware Programs",
        "Files in an Unknown Encoding",
    )
    assert citation(hit.passage).startswith(
        "Unicode HOWTO, Tips for Writing Unicode-aware Programs › Files in an Unknown Encoding, ¶ "
    )
    assert "Tips for Writing Unicode-aware Programs › Files in an Unknown Encoding · ¶" in (
        passage_html(hit.passage)
    )


def test_sections_of_the_same_name_are_told_apart_by_the_heading_above(library: Library) -> None:
    cited = {
        passage.heading
        for _, passage in library.store.all_passages()
        if passage.section == "References"
    }
    assert cited == {
        "Python’s Unicode Support › References",
        "Reading and Writing Unicode Data › References",
    }


def test_the_title_is_never_a_heading_above_and_a_higher_heading_closes_the_lower(
    library: Library,
) -> None:
    passages = [p for _, p in library.store.all_passages()]
    assert all("Unicode HOWTO" not in (p.above or "") for p in passages)  # the page's <h1>
    placed = {(p.section, p.above) for p in passages if p.doc == "md/usage/index.md"}
    assert ("Global-only options", "Configuration") in placed
    assert ("Finding modules", None) in placed  # a "##" after "### …" is at the top again
    assert ("Using the paths option", "Finding modules") in placed


def test_word_opendocument_and_epub_headings_nest_by_their_levels() -> None:
    word = read(WORD.name, WORD.read_bytes())
    assert any(
        (b.above, b.section) == ("*Section IV: World Population Data", "*Projections")
        for b in word.blocks
    )
    odt = read(ODT.name, ODT.read_bytes())
    assert any((b.above, b.section) == ("Introduction", "About OpenDocument") for b in odt.blocks)
    book = read(BOOK.name, BOOK.read_bytes())
    placed = {(b.above, b.section) for b in book.blocks}
    # Chapters are separate pages of the book: a subsection still stands under its chapter.
    assert (
        "3. Debian Developer's Duties › 3.1. Package Maintainer's Duties",
        "3.1.1. Work towards the next stable release",
    ) in placed
    assert (None, "4. Resources for Debian Members") in placed
