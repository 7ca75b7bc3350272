"""Headings a Word or OpenDocument file ends with, heading nothing, stay findable.

A document ending "Appendix A" / "Contact" (its appendix elsewhere, or yet to be written) lost
those headings: no text stood under them, so no passage held them and a reader asking about them
was told nothing of them. Both files are real ones (LibreOffice's and odfpy's), cut as such a
document ends.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from readerfiles import OFFICE, parsed, rebuilt

from retrieval.errors import DocumentError
from retrieval.ingest.pipeline import read

FIXTURES = Path(__file__).parent / "fixtures"
STYLES = OFFICE / "docx" / "tdf135144.docx"  # LibreOffice's "Examples of style use"
LAST = ("Compiling an automatic table of contents", "Defining a sequence of paragraph styles")


def _without_text_after(heading: str) -> bytes:
    """tdf135144.docx without the paragraphs after ``heading``: it ends with headings alone."""

    def cut(xml: bytes) -> bytes:
        at = xml.index(heading.encode())
        head, tail = xml[:at], xml[at:]
        kept = re.sub(
            rb"<w:p [^>]*>(?:(?!</w:p>).)*?<w:pStyle w:val=\"(?:BodyText|Figure)\"/>.*?</w:p>",
            b"",
            tail,
            flags=re.S,
        )
        return head + kept

    return rebuilt(STYLES.read_bytes(), "word/document.xml", cut)


def test_a_word_document_ending_in_headings_keeps_them_as_a_passage() -> None:
    whole = parsed(STYLES)
    cut = read("styles.docx", _without_text_after(LAST[0]))
    assert cut.blocks[:-1] == whole.blocks[:-2]  # the text before them as it was
    last = cut.blocks[-1]
    assert last.text.splitlines() == list(LAST)
    assert last.section is None  # under the title's document, not under one of them


def test_an_odt_ending_in_its_heading_keeps_it_and_one_heading_alone_is_its_title() -> None:
    # odfpy's headerfooter.odt: one heading, "Lorem ipsum", between a page header and footer.
    heading = b'<text:h text:style-name="P1" text:outline-level="1">Lorem ipsum</text:h>'
    text = b"<text:p>Dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor.</text:p>"
    source = (FIXTURES / "headerfooter.odt").read_bytes()

    def moved(before: bytes, after: bytes) -> bytes:
        return rebuilt(source, "content.xml", lambda xml: xml.replace(heading, before + after))

    ending = read("ending.odt", moved(text, heading))
    assert [(b.section, b.text) for b in ending.blocks] == [
        (None, text[8:-9].decode()),
        (None, "Lorem ipsum"),
    ]
    opening = read("opening.odt", moved(heading, text))
    assert opening.title == "Lorem ipsum"  # the one heading over the text titles it
    assert [(b.section, b.text) for b in opening.blocks] == [(None, text[8:-9].decode())]
    with pytest.raises(DocumentError) as caught:  # the heading alone: nothing to quote
        read("alone.odt", source)
    assert caught.value.reason == "no paragraphs of text found"
