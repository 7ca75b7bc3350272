"""Text a viewer never shows: strings set mostly beyond the page's edge.

The PDF is a page of an EPA Inspector General report (tests/ingest/fixtures/SOURCES.md) whose
content carries three invisible strings of the alphabet in 100–120 pt type, each starting on
the page and running some 3000 points past its right edge.
"""

from __future__ import annotations

from pathlib import Path

from readerfiles import parsed, texts

REPORT = Path(__file__).resolve().parent / "fixtures" / "epa-oig-10-P-0154-page-2.pdf"


def test_strings_running_off_the_page_are_neither_title_nor_text() -> None:
    """They were read first: the report was titled "zyxwvutsrqponmlkjihgfedcba…", and its
    first passage opened with two more of them."""
    document = parsed(REPORT)
    assert "zyxw" not in document.title
    assert not [t for t in texts(document) if "zyxw" in t or "yxwv" in t]
    assert "Air toxics are emitted from a wide variety" in texts(document)[0]
