"""Tables of contents in the shapes real plain-text manuals have them: a contents file of a
manual split one file a chapter, and a FAQ whose entries are numbered "1." but whose headings
are numbered "(1)"."""

from __future__ import annotations

from retrieval.ingest.readers.text import parse

CHAPTERS = (
    "The Debian GNU/Linux FAQ\n\n"
    "Abstract\n\nThis document answers questions frequently asked about Debian.\n\n"
    "Table of Contents\n\n"
    "1. Definitions and overview\n"
    "    1.1. What is this FAQ?\n"
    "    1.2. What is Debian GNU/Linux?\n"
    "    1.3. OK, now I know what Debian is... what is Linux?!\n"
    "    1.4. What is the difference between Debian GNU/Linux and other Linux\n"
    "        distributions? Why should I choose Debian over some other\n"
    "        distribution?\n"
    "2. Getting and installing Debian GNU/Linux\n"
    "    2.1. What is the latest version of Debian?\n"
)

FAQ = (
    "Frequently Asked Questions\n\n"
    "1.  How do I create an AUTOINCREMENT field?\n"
    "2.  SQLite lets me insert a string into a database column of type integer!\n"
    "3.  I deleted a lot of data but the database file did not get any smaller. Is this a bug?\n"
    "4.  Can I use SQLite in my commercial product without paying royalties?\n\n"
    "(1) How do I create an AUTOINCREMENT field?\n\n"
    "  A column declared INTEGER PRIMARY KEY will autoincrement.\n\n"
    "(2) SQLite lets me insert a string into a database column of type integer!\n\n"
    "  This is a feature, not a bug. SQLite uses dynamic typing.\n\n"
    "(3) I deleted a lot of data but the database file did not get any smaller. Is this a bug?\n\n"
    "  No. The unused disk space is added to an internal free-list and reused.\n\n"
    "(4) Can I use SQLite in my commercial product without paying royalties?\n\n"
    "  Yes, you can. SQLite is in the public domain.\n"
)


def test_a_contents_file_listing_other_files_headings_is_no_passage() -> None:
    paragraphs = parse(CHAPTERS, "faq").paragraphs
    assert paragraphs == [
        ("Abstract", "This document answers questions frequently asked about Debian.")
    ]


def test_numbered_entries_listing_parenthesised_headings_are_contents() -> None:
    document = parse(FAQ, "faq")
    assert [text for _, text in document.paragraphs] == [
        "A column declared INTEGER PRIMARY KEY will autoincrement.",
        "This is a feature, not a bug. SQLite uses dynamic typing.",
        "No. The unused disk space is added to an internal free-list and reused.",
        "Yes, you can. SQLite is in the public domain.",
    ]
    assert document.paragraphs[2][0] == (
        "(3) I deleted a lot of data but the database file did not get any smaller. Is this a bug?"
    )
