"""A saved page's closing "This page last modified on …" dates the document and is no passage
(it answered "who won the world cup in 2018?" by its year); a sentence saying when something
was updated stays text.

The page is the SQLite documentation's wal.txt (public domain; data/eval/corpora/devdocs).
"""

from __future__ import annotations

from pathlib import Path

from retrieval.ingest.passages import passages
from retrieval.ingest.pipeline import read

WAL = Path(__file__).resolve().parents[2] / "data" / "eval" / "corpora" / "devdocs" / "wal.txt"


def test_the_last_modified_footer_is_the_date_not_a_passage() -> None:
    document = read("wal.txt", WAL.read_bytes())
    assert document.date == "2018-11-26"
    assert not any("last modified" in p.text for p in passages(document, "wal.txt"))


def test_a_sentence_on_an_update_stays() -> None:
    text = (
        "Release notes\n\nThe tool reads the journal and writes the pages back in order.\n\n"
        "This page was last updated in 2019 to describe the new checkpoint mode.\n"
    )
    document = read("notes.txt", text.encode())
    assert any("last updated in 2019" in p.text for p in passages(document, "notes.txt"))
