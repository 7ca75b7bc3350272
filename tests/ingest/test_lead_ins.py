"""A sentence leading into a list, a table or a listing is quoted with it, in every format: a
short sentence right over a list ("… presents a number of problems.", "… in a well-defined
order – a pipeline"), a sentence ending in a colon over a table's short rows; an indented
listing in a text file is one code passage, and a title page's copyright line is text.

The documents are from the dev corpora data/eval/corpora (sources in each one's SOURCES.md)."""

from __future__ import annotations

from pathlib import Path

from readerfiles import CORPORA, parsed

from retrieval.ingest.passages import passages
from retrieval.model import Passage


def _passages(path: Path) -> list[Passage]:
    return passages(parsed(path), path.name)


def _holding(path: Path, words: str) -> Passage:
    return next(p for p in _passages(path) if words in p.text)


def test_a_web_pages_list_is_quoted_with_the_sentence_over_it() -> None:
    """Python's Unicode HOWTO: "… using it presents a number of problems." over a bulleted list.
    The item "It's not portable; different processors order the bytes differently." alone
    never said what is not portable."""
    item = _holding(CORPORA / "docs-dev/html/python-howto-unicode.html", "It’s not portable;")
    assert item.text.startswith("This representation is straightforward but using it presents")


def test_a_word_files_list_goes_on_from_the_words_over_it() -> None:
    """A lesson script: "All things happening occur in a well-defined order – a pipeline" (no
    full stop) over the steps FROM, WHERE, SELECT, ORDER: one passage."""
    path = CORPORA / "office-dev2/docx/swc-databases-script.docx"
    steps = _holding(path, "retrieving records from Person (FROM)")
    assert steps.text.startswith("All things happening occur in a well-defined order – a pipeline")
    assert "ordering the results by a particular column (ORDER)" in steps.text


def test_a_markdown_list_of_links_reads_with_its_sentence() -> None:
    """mkdocstrings' options: "The options for the docstring parser." over two links, each a
    passage of two words ("Numpydoc-style options") that outranked the pages about them."""
    path = CORPORA / "docs-dev/md/usage/configuration/docstrings.md"
    links = _holding(path, "Numpydoc-style options")
    assert links.text == (
        "The options for the docstring parser.\nGoogle-style options\nNumpydoc-style options"
    )


def test_a_text_files_grid_table_reads_as_rows_under_its_sentence() -> None:
    """SQLite's CLI page: 'The ".expert" command accepts the following options:' over a reST
    grid table. Its lines were rows of their own (a cell's second paragraph a row of "| |")
    and the sentence a passage alone, which outranked the section on the command."""
    path = CORPORA / "devdocs/cli.txt"
    first = _holding(path, 'The ".expert" command accepts the following options:')
    assert first.text.split("\n") == [
        'The ".expert" command accepts the following options:',
        "‑‑verbose | If present, output a more verbose report for each query analyzed.",
    ]
    sample = _holding(path, "‑‑sample PERCENT | This parameter defaults to 0")
    assert sample.kind == "table"
    assert "If this option is passed a non-zero argument" in sample.text
    assert not any(p.text.startswith("| |") for p in _passages(path))


def test_a_text_files_indented_listing_is_one_code_passage() -> None:
    """SQLite's datatypes page: the collation examples, an indented listing of SQL, comments and
    "--result" lines in blocks between blank lines. Line by line, the comment "/* Text
    comparison d=a is performed using the NOCASE collating sequence. */" was a passage that
    outranked the definition of NOCASE."""
    path = CORPORA / "devdocs/datatype3.txt"
    listing = _holding(path, "Text comparison d=a is performed using the NOCASE")
    assert listing.kind == "code"
    assert "CREATE TABLE t1(" in listing.text
    assert "SELECT x FROM t1 WHERE d = a ORDER BY x;\n--result 1 2 3 4" in listing.text


def test_a_title_pages_copyright_line_is_text() -> None:
    """The Debian FAQ's title page: "Copyright © 1996-2021 Software in the Public Interest" was
    dropped as a saved page's footer, and a question on who holds the copyright found nothing."""
    path = CORPORA / "second/faq/00-title-copyright-contents.txt"
    texts = [p.text for p in _passages(path)]
    assert "Copyright © 1996-2021 Software in the Public Interest" in texts
