"""A FAQ's numbered list of its questions is contents, and a heading with plural acronyms is kept.

The texts are excerpts of the SQLite documentation (public domain; the pages of
data/eval/corpora/devdocs), cut short.
"""

from __future__ import annotations

from retrieval.ingest.junk import is_junk
from retrieval.ingest.pipeline import read

FAQ = (
    "Frequently Asked Questions\n\n"
    "1.  How do I create an AUTOINCREMENT field?\n"
    "2.  What datatypes does SQLite support?\n"
    "3.  The SQL standard requires that a UNIQUE constraint be enforced even if one or more of "
    "the columns in the constraint are NULL, but SQLite does not do this. Isn't that a bug?\n"
    "4.  What is the Export Control Classification Number (ECCN) for SQLite?\n\n"
    "(1) How do I create an AUTOINCREMENT field?\n\n"
    "  Short answer: A column declared INTEGER PRIMARY KEY will autoincrement.\n\n"
    "(2) What datatypes does SQLite support?\n\n"
    "  SQLite uses dynamic typing. Content can be stored as INTEGER, REAL, TEXT, BLOB, or as "
    "NULL.\n\n"
    "(3) The SQL standard requires that a UNIQUE constraint be enforced even if one or more of "
    "the columns in the constraint are NULL, but SQLite does not do this. Isn't that a bug?\n\n"
    "  Perhaps you are referring to the following statement from SQL92.\n\n"
    "(4) What is the Export Control Classification Number (ECCN) for SQLite?\n\n"
    "  After careful review of the Commerce Control List (CCL), we are convinced that the core "
    "public-domain SQLite source code is not described by any ECCN.\n"
)


def test_a_faq_list_of_its_long_questions_is_contents_not_passages() -> None:
    texts = [b.text for b in read("faq.txt", FAQ.encode()).blocks]
    # The questions listed at the top head their answers; none is a passage of its own, not
    # even the one of 33 words.
    assert not any("Export Control Classification Number" in t for t in texts)
    assert not any("UNIQUE constraint be enforced" in t for t in texts)
    assert texts[-1].startswith("After careful review of the Commerce Control List")


def test_a_heading_with_plural_acronyms_is_no_run_together_menu() -> None:
    assert not is_junk("5. PRIMARY KEYs Can Sometimes Contain NULLs")
    assert is_junk("Send your storiesGet more from cnMobileRSSNewsletter")
