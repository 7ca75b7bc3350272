"""Google Docs' PDFs (Skia's): PDFium reads many of their letters as lines of their own, which
were quoted "T his p a g e in t e n tio n ally le ft bla n k" (a tester's company handbook, an
export of 18F's: ``fixtures/google-docs/my-form.pdf``; further pages written the same way by
:mod:`googledocs`)."""

from __future__ import annotations

import pypdfium2 as pdfium
from googledocs import EXPORT, google_docs_pdf

from retrieval.ingest.pipeline import read

FIRST = (
    "Staff get ten paid days off each year. Days not used by the end of the year are lost, so plan"
)
PAGE = [(0.0, "Paid days off", 16.0), (20.8, FIRST, 11.0), (35.35, "them early.", 11.0)]


def _pdfium_lines(data: bytes) -> list[str]:
    pdf = pdfium.PdfDocument(data)
    try:
        return str(pdf[0].get_textpage().get_text_range()).split("\r\n")
    finally:
        pdf.close()


def test_a_google_docs_export_is_read_in_words_and_titled_by_its_name() -> None:
    """Its properties' title is Google Docs' default, "Untitled document": its file name says
    more (see test_default_titles.py)."""
    document = read(EXPORT.name, EXPORT.read_bytes())
    assert document.title == "my-form"
    assert [block.text for block in document.blocks] == [
        "This page intentionally left blank, except for the text that is on it. This is just"
        " a demo PDF. Sorry to have wasted your time."
    ]


def test_letters_read_as_lines_of_their_own_join_their_words_and_lines_stay_lines() -> None:
    """A heading over a paragraph of two lines: the letters PDFium parts on one baseline join
    (without a space where they touch, with one where a word's space parts them), while the
    heading's last letters and the paragraph's first, one line apart, do not."""
    data = google_docs_pdf(PAGE)
    assert _pdfium_lines(data)[:4] == ["P", "aid", "d", "a"]  # as PDFium reads the page
    document = read("leave.pdf", data)
    assert document.title == "Paid days off"
    assert [block.text for block in document.blocks] == [f"{FIRST} them early."]
