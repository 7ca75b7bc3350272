"""Text painted white on the white page, which no reader sees, is not read; white text on a dark
ground is.

The PDFs are pages of US government reports (tests/ingest/fixtures/SOURCES.md): an NCES table
whose caption's label Word wrote again, in white, on each of the caption's lines; an EPA table
whose header is set in white on black.
"""

from __future__ import annotations

from pathlib import Path

from readerfiles import parsed, texts

FIXTURES = Path(__file__).resolve().parent / "fixtures"
BORROWING = FIXTURES / "nces-graduate-borrowing-table-4-page-1.pdf"
AIR_TOXICS = FIXTURES / "epa-oig-10-P-0154-page-2.pdf"


def test_a_captions_label_written_in_white_on_each_line_reads_once() -> None:
    """The caption read "Table 4.—Among 1992–93 … percentage who Table 4.—borrowed for graduate
    education … Table 4.—distribution of amount borrowed …"."""
    text = " ".join(texts(parsed(BORROWING)))
    assert text.count("Table 4.") == 1
    assert (
        "Table 4. Among 1992–93 bachelor’s degree recipients with graduate degree enrollment, "
        "percentage who borrowed for graduate education and, among borrowers, average amount"
    ) in text


def test_white_text_on_a_black_header_is_read() -> None:
    text = " ".join(texts(parsed(AIR_TOXICS)))
    assert "Source Definition Examples" in text
