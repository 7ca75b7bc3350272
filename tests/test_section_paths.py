"""Sections named under the headings above them, as the rendered page shows them.

What a user would notice: a quote from "paths" in a list of options is cited "Global-only options
› paths", a "References" section says which chapter's references it is; citations name only the
nearest heading above, and never the document's title again. Real documents of others (their
sources and licences are in the SOURCES.md beside them).
"""

from __future__ import annotations

import io
import shutil
import zipfile
from collections.abc import Iterator
from pathlib import Path

import docx
import pytest

from bot.render.citations import citation
from bot.render.passages import passage_html
from retrieval.ingest.passages import passages
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
        ("Reading and Writing Unicode Data", "Tips for Writing Unicode-aware Programs"),
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
    # The first is Sphinx's '<section id="references">', no Wikipedia reference list.
    assert cited == {
        "Introduction to Unicode › References",
        "Python’s Unicode Support › References",
        "Reading and Writing Unicode Data › References",
    }


def test_the_title_is_never_a_heading_above_and_a_higher_heading_closes_the_lower(
    library: Library,
) -> None:
    passages = [p for _, p in library.store.all_passages()]
    assert all("Unicode HOWTO" not in p.above for p in passages)  # the page's <h1>
    placed = {(p.section, p.above) for p in passages if p.doc == "md/usage/index.md"}
    assert ("Global-only options", ("Configuration",)) in placed
    assert ("Finding modules", ()) in placed  # a "##" after "### …" is at the top again
    assert ("Using the paths option", ("Finding modules",)) in placed


def test_word_opendocument_and_epub_headings_nest_by_their_levels() -> None:
    word = read(WORD.name, WORD.read_bytes())
    assert any(
        (b.above, b.section) == (("*Section IV: World Population Data",), "*Projections")
        for b in word.blocks
    )
    odt = read(ODT.name, ODT.read_bytes())
    assert any(
        (b.above, b.section) == (("1 Introduction",), "1.1 About OpenDocument") for b in odt.blocks
    )
    book = read(BOOK.name, BOOK.read_bytes())
    placed = {(b.above, b.section) for b in book.blocks}
    # Chapters are separate pages of the book: a subsection still stands under its chapter.
    assert (
        ("3. Debian Developer's Duties", "3.1. Package Maintainer's Duties"),
        "3.1.1. Work towards the next stable release",
    ) in placed
    assert ((), "4. Resources for Debian Members") in placed


# Small documents made here, each showing one way a heading path could go wrong.


def _cited(name: str, data: bytes | str) -> dict[str, str]:
    """Each passage's first words, and the citation (without paragraph) it gets."""
    raw = data.encode() if isinstance(data, str) else data
    return {
        " ".join(p.text.split()[:3]): citation(p).rsplit(", ¶", 1)[0]
        for p in passages(read(name, raw), name)
    }


def _zipped(parts: dict[str, str]) -> bytes:
    """A zip container holding ``parts`` (name → text), in that order."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as container:
        for name, text in parts.items():
            container.writestr(name, text)
    return buffer.getvalue()


def _epub(title: str, pages: list[str]) -> bytes:
    items = "".join(
        f'<item id="p{i}" href="p{i}.xhtml" media-type="application/xhtml+xml"/>'
        for i in range(len(pages))
    )
    spine = "".join(f'<itemref idref="p{i}"/>' for i in range(len(pages)))
    return _zipped(
        {
            "mimetype": "application/epub+zip",
            "META-INF/container.xml": '<?xml version="1.0"?><container version="1.0" xmlns='
            '"urn:oasis:names:tc:opendocument:xmlns:container"><rootfiles><rootfile full-path='
            '"content.opf" media-type="application/oebps-package+xml"/></rootfiles></container>',
            "content.opf": '<?xml version="1.0"?><package xmlns="http://www.idpf.org/2007/opf"'
            ' version="3.0"><metadata xmlns:dc="http://purl.org/dc/elements/1.1/">'
            f"<dc:title>{title}</dc:title></metadata><manifest>{items}</manifest>"
            f"<spine>{spine}</spine></package>",
            **{
                f"p{i}.xhtml": '<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml">'
                f"<head><title>x</title></head><body>{body}</body></html>"
                for i, body in enumerate(pages)
            },
        }
    )


def _odt(body: str) -> bytes:
    return _zipped(
        {
            "mimetype": "application/vnd.oasis.opendocument.text",
            "content.xml": '<?xml version="1.0"?><office:document-content'
            ' xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"'
            ' xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0">'
            f"<office:body><office:text>{body}</office:text></office:body>"
            "</office:document-content>",
        }
    )


def test_a_heading_repeating_the_title_is_no_heading_above() -> None:
    book = _epub(
        "Pride and Prejudice",
        [
            "<h1>Pride and Prejudice</h1><p>By Jane Austen, published in London in 1813.</p>",
            "<h2>Chapter 1</h2><p>It is a truth universally acknowledged, that a single man in"
            " possession of a good fortune must be in want of a wife.</p>",
        ],
    )
    assert _cited("book.epub", book)["It is a"] == "Pride and Prejudice, Chapter 1"
    page = (
        "<html><head><title>Site</title></head><body><main><h1>Article Title</h1>"
        "<h2>Part</h2><p>The first part of the article, in a sentence.</p>"
        "<h2>Article Title</h2><h3>Sub</h3><p>Text of the subsection, in a sentence.</p>"
        "</main></body></html>"
    )
    assert _cited("page.html", page)["Text of the"] == "Article Title, Sub"
    word = docx.Document()
    word.add_paragraph("Annual Report", style="Title")
    word.add_paragraph("This report describes the work of the year in some detail.")
    word.add_heading("Annual Report", 1)
    word.add_heading("Summary", 2)
    word.add_paragraph("The summary of the year's work, in a sentence of its own.")
    saved = io.BytesIO()
    word.save(saved)
    assert _cited("report.docx", saved.getvalue())["The summary of"] == "Annual Report, Summary"
    guide = (
        "# Guide\n\nThe guide's introduction, in a sentence.\n\n## Guide\n\n"
        "### Installing\n\nRun the installer and follow its steps.\n"
    )
    assert _cited("guide.md", guide)["Run the installer"] == "Guide, Installing"
    again = (
        "---\ntitle: Front Title\n---\n\n## Before\n\nSome text before the title heading.\n\n"
        "# Front Title\n\n### Details\n\nThe details, in a sentence of their own.\n"
    )
    assert _cited("front.md", again)["The details, in"] == "Front Title, Details"


def test_a_heading_taken_as_the_title_closes_the_headings_before_it() -> None:
    page = (
        "<html><head><title>Site</title></head><body><main>"
        "<h4>Latest news</h4><p>Some news of the site, in a sentence.</p>"
        "<h1>Article Title</h1><h5>Posted by admin</h5>"
        "<p>The article body starts here with a sentence.</p></main></body></html>"
    )
    assert _cited("news.html", page)["The article body"] == "Article Title, Posted by admin"
    notes = (
        "## Preface\n\nThe preface, before the title heading.\n\n# The Real Title\n\n"
        "The first words under the title.\n\n### Chapter detail\n\nDetail text, in a sentence.\n"
    )
    cited = _cited("notes.md", notes)
    assert cited["The first words"] == "The Real Title"
    assert cited["Detail text, in"] == "The Real Title, Chapter detail"
    handbook = _odt(
        '<text:h text:outline-level="1">Handbook</text:h>'
        "<text:p>The handbook explains how the team works day to day.</text:p>"
        '<text:h text:outline-level="1">Part A</text:h>'
        '<text:h text:outline-level="2">Rules</text:h>'
        "<text:p>The rules of part A, in a sentence of their own.</text:p>"
        '<text:h text:outline-level="1">Handbook</text:h>'
        '<text:h text:outline-level="2">Contacts</text:h>'
        "<text:p>Whom to call, in a sentence of its own.</text:p>"
    )
    cited = _cited("handbook.odt", handbook)
    assert cited["The rules of"] == "Handbook, Part A › Rules"
    assert cited["Whom to call,"] == "Handbook, Contacts"


def test_sections_of_one_name_under_different_headings_are_not_merged() -> None:
    page = (
        "# Doc\n\n## Timeouts\n\n### Examples\n\nThe syntax is:\n\n## Retries\n\n### Examples\n\n"
        "Retries are attempted three times with a growing delay between them.\n"
    )
    cited = _cited("doc.md", page)
    assert cited["The syntax is:"] == "Doc, Timeouts › Examples"
    assert cited["Retries are attempted"] == "Doc, Retries › Examples"


def test_a_heading_holding_the_separator_is_cited_whole(tmp_path: Path) -> None:
    text = "# Doc\n\n## A › B\n\nText under the first heading.\n\n### C\n\nText under C alone.\n"
    assert _cited("doc.md", text)["Text under C"] == "Doc, A › B › C"
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "doc.md").write_text(text)
    library = Library.open(tmp_path / "q.db", folder)
    try:
        stored = {p.text: p for _, p in library.store.all_passages()}
    finally:
        library.close()
    assert stored["Text under C alone."].above == ("A › B",)
    assert stored["Text under C alone."].heading == "A › B › C"


def test_a_slug_titled_book_is_named_by_its_title_page_not_its_first_chapter() -> None:
    """A book whose package names it by a slug took its first heading as its title: a book
    with no title page was cited as "Chapter 1", a test book by a sentence. The slug made
    readable names it better; a title page's heading still names it."""
    chapter = "<h1>Chapter 1</h1><p>It was a bright cold day in April.</p>"
    sentence = "<h1>Test passes if document paginates left-to-right (page 1)</h1><p>Text.</p>"
    titled = "<h1>Debian Developer's Reference</h1><p>The reference for developers.</p>"
    assert read("a.epub", _epub("developers-reference", [chapter])).title == "Developers reference"
    assert read("b.epub", _epub("pkg-spine-progression", [sentence])).title == (
        "Pkg spine progression"
    )
    assert read("c.epub", _epub("developers-reference", [titled])).title == (
        "Debian Developer's Reference"
    )


def test_a_slug_titled_books_title_in_sentence_case_names_it() -> None:
    """Sentence case is how French, Russian and Spanish write titles: four lower-case words
    refused them as sentences, and the books were cited as "Ml book", "Guide ru"."""
    for slug, heading in [
        ("ml-book", "Introduction to machine learning with python"),
        ("fr-book", "Guide pratique pour les administrateurs système"),
        ("guide-ru", "Руководство разработчика по созданию пакетов для дистрибутива"),
    ]:
        page = f"<h1>{heading}</h1><p>Some text of the book that follows the heading.</p>"
        assert read(f"{slug}.epub", _epub(slug, [page])).title == heading
    said = "<h1>Pages flow from left to right.</h1><p>Text.</p>"
    assert read("d.epub", _epub("pkg-flow", [said])).title == "Pkg flow"
