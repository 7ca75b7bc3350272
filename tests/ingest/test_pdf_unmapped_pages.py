"""PDFs whose text layer reads on some pages only, and the Symbol font's characters.

pdf.js's TAMReview.pdf (a 23-page paper; its licence, CC BY-NC-ND, keeps it out of the
fixtures) sets its title page and references in fonts with a Unicode map and pages 2–22 in a
font whose codes are glyph numbers: it was refused whole as "text layer unreadable". The files
here are made the same way (:mod:`pdfmaker`'s one-byte font has no map: a byte under 32 reads as
a control code, as PDFium gives glyph numbers)."""

from __future__ import annotations

import contextlib
from pathlib import Path

import pytest
from pdfmaker import Text, make_pdf

from bot.locales import ru
from bot.render.admin import report_html, skipped_pages
from bot.render.reasons import reason_text
from retrieval.errors import DocumentError
from retrieval.ingest.pipeline import read
from retrieval.ingest.readers.mojibake import page_ranges
from retrieval.ingest.readers.symbol_font import SYMBOL_ENCODING
from retrieval.library import Library

GLYPH_NUMBERS = bytes(range(1, 30)) * 2  # a font that numbers its glyphs as they are used
WHY = "pages 2–3 not read: their fonts have no Unicode mapping — needs OCR"


def _paper() -> bytes:
    """Four pages: a title page and a page of references that read, and between them two pages
    of body text in a font without a map."""
    title = [
        Text(72, 760, "Overview of the Harbour Acceptance Model", 18),
        Text(72, 700, "The harbour acceptance model explains why pilots take up new charts."),
        Text(72, 686, "It has been tested in many ports over two decades of shipping studies."),
    ]
    body = [Text(72, 760 - 14 * i, GLYPH_NUMBERS) for i in range(30)]
    references = [
        Text(72, 760, "References", 16),
        Text(72, 700, "Davis, F. (1989). Perceived usefulness of lighthouse keepers' logs."),
        Text(72, 686, "Quarterly Journal of Tides, volume 13, pages 319 to 340, in full."),
    ]
    return make_pdf([title, body, body, references])


def test_the_pages_that_read_are_read_and_the_others_named() -> None:
    document = read("paper.pdf", _paper())
    assert document.title == "Overview of the Harbour Acceptance Model"
    assert {block.page for block in document.blocks} == {1, 4}
    assert any("pilots take up new charts" in block.text for block in document.blocks)
    assert any("lighthouse keepers' logs" in block.text for block in document.blocks)
    assert not any("\x05" in block.text for block in document.blocks)
    assert document.unread == WHY


def test_a_page_with_a_few_codes_of_no_character_is_read() -> None:
    # A formula's signs in a font without a map: three codes among the words, or alone on a
    # page (a logo's letters), are no reason to leave a page out.
    page = [
        Text(72, 760, "Tide tables", 16),
        Text(72, 700, b"The height is h \x03 a \x04 b \x05 c at the harbour mouth."),
    ]
    logo = [Text(72, 760, b"\x01\x02\x03")]
    document = read("tides.pdf", make_pdf([page, logo]))
    assert document.unread is None
    assert any("harbour mouth" in block.text for block in document.blocks)


def test_a_file_with_no_page_that_reads_is_refused_as_before() -> None:
    body = [Text(72, 760 - 14 * i, GLYPH_NUMBERS) for i in range(30)]
    with pytest.raises(DocumentError) as caught:
        read("body.pdf", make_pdf([body, body]))
    assert caught.value.reason == (
        "text layer unreadable: its fonts have no Unicode mapping — needs OCR"
    )


def test_page_numbers_are_written_as_ranges() -> None:
    assert page_ranges([7, 3, 5, 6]) == "3, 5–7"
    assert page_ranges(range(2, 23)) == "2–22"
    assert page_ranges([4]) == "4"


def test_the_reload_report_and_sources_name_the_pages_not_read(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "paper.pdf").write_bytes(_paper())
    (corpus / "notes.txt").write_text("The ferry runs twice a day in summer.\n")
    with contextlib.closing(Library.open(tmp_path / "q.db", corpus)) as library:
        report = library.last_report
        assert report is not None
        assert report.added == ("notes.txt", "paper.pdf") and not report.skipped
        shown = report_html(report, limit=1 << 20)
        heading = "<b>Read in part</b> (indexed without the pages named):"
        assert f"{heading}\n• <code>paper.pdf</code>: {WHY}" in shown
        hit = library.answer("Why do pilots take up new charts?").hits[0]
        assert hit.passage.doc == "paper.pdf" and hit.passage.page == 1
        assert any(WHY in page for page in skipped_pages(report))
        # Read again, unchanged: still named, and the next /reload counts it as before.
        again = library.reindex()
        assert again.unchanged == ("notes.txt", "paper.pdf")
        assert [(p.doc, p.reason) for p in again.partial] == [("paper.pdf", WHY)]
        repeated = report_html(again, earlier=report)
        assert WHY not in repeated
        assert "Still read in part as at the last reload: 1 (/sources lists them)." in repeated


def test_the_pages_not_read_are_said_in_every_language() -> None:
    assert reason_text(WHY, ru) == (
        "страницы 2–3 не прочитаны: у их шрифтов нет соответствия Unicode — "
        "нужно распознавание (OCR)"
    )
    one = "page 5 not read: its font has no Unicode mapping — needs OCR"
    assert reason_text(one, ru).startswith("страница 5 не прочитана")


@pytest.mark.parametrize(
    ("font", "expected"),
    [
        ("SymbolMT", "Let a + b = c, where α × 2 ⋅ d."),
        ("BIOPPG+Symbol", "Let a + b = c, where α × 2 ⋅ d."),
        # Another symbol font puts other glyphs at the same codes: they are not guessed.
        ("Wingdings", "Let a \uf02b b \uf03d c, where \uf061 \uf0b4 2 \uf0d7 d."),
    ],
)
def test_the_symbol_font_s_private_use_codes_read_as_its_characters(
    font: str, expected: str
) -> None:
    # Word writes SymbolMT's characters as U+F000 plus their code in the Symbol encoding (the
    # maker's font maps five characters at most).
    line = "Let a \uf02b b \uf03d c, where \uf061 \uf0b4 2 \uf0d7 d."
    document = read("formula.pdf", make_pdf([[Text(72, 700, line)]], font_name=font))
    assert [block.text for block in document.blocks] == [expected]


def test_the_symbol_encoding_is_adobe_s() -> None:
    # (PDF 32000-1, annex D.5): the codes a reader checks first, and the codes left empty.
    def at(code: int) -> str:
        return SYMBOL_ENCODING[code - 0x20]

    assert len(SYMBOL_ENCODING) == 0xE0
    assert (at(0x2B), at(0x3D), at(0x61), at(0xB4), at(0xD7)) == ("+", "=", "α", "×", "⋅")
    assert (at(0x22), at(0x2D), at(0x6D), at(0xE5), at(0xF2)) == ("∀", "−", "μ", "∑", "∫")
    assert at(0x7F) == at(0x80) == at(0xF0) == at(0xFF) == "\x00"
