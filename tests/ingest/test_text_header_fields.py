"""A plain text's title line over "Author: … / Created: …" lines: the fields say who wrote it
and when, and stay searchable as text."""

from __future__ import annotations

from retrieval.ingest.passages import passages
from retrieval.ingest.pipeline import read

PEP = """\
PEP 287 – reStructuredText Docstring Format

Author: David Goodger <goodger@python.org>
Status: Active
Created: 25-Mar-2002

Abstract

When plaintext hasn't been expressive enough for inline documentation, Python programmers
have sought out a format for docstrings.
"""


def test_a_title_line_over_header_fields_gives_title_author_and_date() -> None:
    # The title line was dropped as a flattened menu ("reStructuredText" has two humps) and the
    # document was titled "Abstract", with no author and no date.
    document = read("pep-0287.txt", PEP.encode())
    assert document.title == "PEP 287 – reStructuredText Docstring Format"
    assert document.author == "David Goodger"
    assert document.date == "2002-03-25"


def test_the_header_fields_stay_searchable() -> None:
    found = passages(read("pep-0287.txt", PEP.encode()), "pep-0287.txt")
    assert any("Status: Active" in p.text for p in found)


def test_several_authors_read_without_their_addresses() -> None:
    text = PEP.replace(
        "Author: David Goodger <goodger@python.org>",
        "Author: Chris Angelico <rosuav@gmail.com>, Tim Peters <tim.peters@gmail.com>",
    )
    assert read("pep-0572.txt", text.encode()).author == "Chris Angelico, Tim Peters"
