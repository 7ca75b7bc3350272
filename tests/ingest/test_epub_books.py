"""E-books as their publishers mark them: real parts of a Standard Ebooks build and of two IDPF
samples (fixtures/epub/SOURCES.md).

What a user would notice: a passage cited under its chapter ("IV. Sir Henry Baskerville",
"Chapter 24. The Advocate."), not as a bare paragraph number; the book's author and full title
in citations; the publisher's imprint, title page, colophon and copyright page never quoted as
the book's text.
"""

from __future__ import annotations

import re
from functools import partial
from pathlib import Path

from readerfiles import rebuilt

from retrieval.ingest.parsed import ParsedDocument
from retrieval.ingest.pipeline import read

FIXTURES = Path(__file__).parent / "fixtures" / "epub"
HOUND = FIXTURES / "hound-of-the-baskervilles-parts.epub"
MOBY = FIXTURES / "moby-dick-parts.epub"
CHILDREN = FIXTURES / "childrens-literature-parts.epub"


def _read(book: Path) -> ParsedDocument:
    return read(book.name, book.read_bytes())


def _section_of(document: ParsedDocument, start: str) -> str | None:
    return next(b.section for b in document.blocks if b.text.startswith(start))


def _rebuilt(book: Path, *changes: tuple[str, str, str]) -> bytes:
    """``book`` with regular-expression changes (part, pattern, replacement) made to its parts."""
    data = book.read_bytes()
    for part, pattern, replacement in changes:
        data = rebuilt(data, part, partial(_substituted, pattern, replacement))
    return data


def _substituted(pattern: str, replacement: str, data: bytes) -> bytes:
    return re.sub(pattern, replacement, data.decode(), flags=re.S).encode()


def test_a_chapter_heading_in_a_header_heads_the_chapter() -> None:
    # '<header><h1>Chapter 24. The Advocate.</h1></header>', and a header holding the
    # chapter's place line under its heading ("Fore-Top.")
    document = _read(MOBY)
    assert _section_of(document, "As Queequeg and I") == "Chapter 24. The Advocate."
    assert _section_of(document, "Fore-Top.") == "Chapter 39. First Night Watch."
    assert _section_of(document, "Ha! ha! ha!") == "Chapter 39. First Night Watch."


def test_a_numbered_heading_and_its_title_in_an_hgroup_are_one_heading() -> None:
    # '<hgroup><h2>IV</h2><p epub:type="title">Sir Henry Baskerville</p></hgroup>'
    document = _read(HOUND)
    assert _section_of(document, "Our breakfast table") == "IV. Sir Henry Baskerville"
    assert not any(b.text == "IV Sir Henry Baskerville" for b in document.blocks)


def test_a_letter_keeps_its_signature() -> None:
    # the dedication's '<footer><p epub:type="z3998:signature">A. Conan Doyle.</p></footer>'
    texts = [b.text for b in _read(HOUND).blocks]
    assert "A. Conan Doyle." in texts
    assert any(t.startswith("My Dear Robinson") for t in texts)


def test_the_publishers_pages_are_not_the_books_text() -> None:
    # Standard Ebooks' imprint, title page, half-title page, colophon and Uncopyright
    # (epub:type imprint, titlepage, halftitlepage, colophon, copyright-page), and the IDPF
    # sample's Gutenberg licence page and transcriber's note (copyright-page, colophon)
    hound = " ".join(b.text for b in _read(HOUND).blocks)
    for line in ("standardebooks.org", "Standard Ebooks", "Uncopyright", "By Arthur Conan Doyle"):
        assert line not in hound
    assert "Our breakfast table was cleared early" in hound
    moby = " ".join(b.text for b in _read(MOBY).blocks)
    assert "Project Gutenberg" not in moby and "combination of etexts" not in moby


def test_a_page_the_landmarks_name_as_the_publishers_is_left_out() -> None:
    # the navigation document's landmarks name copyright.xhtml a "copyright-page"; the page
    # itself here no longer says so
    book = _rebuilt(MOBY, ("OPS/copyright.xhtml", 'epub:type="frontmatter copyright-page"', ""))
    text = " ".join(b.text for b in read(MOBY.name, book).blocks)
    assert "Project Gutenberg" not in text
    assert "As Queequeg and I are now fairly embarked" in text


def test_the_title_pages_author_is_the_books_when_the_package_names_none() -> None:
    no_creator = ("epub/content.opf", '<dc:creator id="author">.*?</dc:creator>', "")
    document = read(HOUND.name, _rebuilt(HOUND, no_creator))
    assert document.author == "Arthur Conan Doyle"
    assert not any("Arthur Conan Doyle" in b.text for b in document.blocks if not b.note)
    # a title page with no marks, "By Arthur Conan Doyle." alone
    unmarked_title_page = ("epub/text/titlepage.xhtml", ' epub:type="z3998:author[^"]*"', "")
    unmarked = _rebuilt(HOUND, no_creator, unmarked_title_page)
    assert read(HOUND.name, unmarked).author == "Arthur Conan Doyle"


def test_the_author_is_the_packages_creator() -> None:
    assert _read(HOUND).author == "Arthur Conan Doyle"  # not its producers, contributors
    assert _read(MOBY).author == "Herman Melville"
    assert _read(CHILDREN).author == "Charles Madison Curry, Erle Elsworth Clippinger"


def test_an_illustrator_named_as_creator_is_no_author() -> None:
    # EPUB 3's role refinement (marc:relators "ill")
    role = '(<meta refines="#creator" property="role" scheme="marc:relators">)aut'
    book = _rebuilt(MOBY, ("OPS/package.opf", role, r"\1ill"))
    assert read(MOBY.name, book).author is None


def test_a_title_and_its_subtitle_read_with_a_colon() -> None:
    # two dc:title elements refined as title-type main and subtitle
    title = _read(CHILDREN).title
    assert title == (
        "Children's Literature: A Textbook of Sources for Teachers and Teacher-Training Classes"
    )


def test_a_series_name_is_not_part_of_the_title() -> None:
    # the second dc:title refined as the collection the book belongs to
    book = _rebuilt(
        CHILDREN, ("EPUB/package.opf", '(property="title-type">)subtitle', r"\1collection")
    )
    assert read(CHILDREN.name, book).title == "Children's Literature"


def test_the_print_editions_page_numbers_are_not_passages() -> None:
    # '<div class="center"><span epub:type="pagebreak" title="169">169</span></div>'
    blocks = _read(CHILDREN).blocks
    assert not any(b.text.strip().isdigit() for b in blocks)
    assert any(b.section == "BIBLIOGRAPHY" and b.text.startswith("Alden") for b in blocks)


def test_a_chapter_the_guide_names_as_the_title_page_is_still_read() -> None:
    # An EPUB 2 guide naming a file "title-page" or "cover" that holds a chapter too (a title
    # page sharing its file with chapter 1, a book of one file) cost the whole file: only a
    # short page is the publisher's.
    guide = (
        '<guide><reference type="title-page" href="chapter_024.xhtml"/>'
        '<reference type="copyright-page" href="copyright.xhtml"/></guide>'
    )
    book = _rebuilt(MOBY, ("OPS/package.opf", "</package>", guide + "</package>"))
    text = " ".join(b.text for b in read(MOBY.name, book).blocks)
    assert "As Queequeg and I are now fairly embarked" in text
    assert "Project Gutenberg" not in text


def test_a_title_in_another_language_is_not_a_subtitle() -> None:
    french = '<dc:title xml:lang="fr">Moby Dick ou le Cachalot</dc:title>'
    book = _rebuilt(MOBY, ("OPS/package.opf", "</metadata>", french + "</metadata>"))
    assert read(MOBY.name, book).title == "Moby-Dick"
