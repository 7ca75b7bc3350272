"""PDF text layers that are not the text printed: read right where the codes can be, else the
file is reported for what it is rather than indexed as garbage.

issue20232.pdf (pdf.js's test corpus, tests/ingest/fixtures/odd/SOURCES.md) is a Russian
drawing's title block written by Haru, whose fonts' codes are the UTF-8 bytes of their
characters; PDFium read each two-byte code as one number, and the block was indexed as Korean
("킟킾킴킿." for "Подп.").
"""

from __future__ import annotations

import ctypes
import io
import zlib
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
import pytest
from pdfmaker import Text, make_pdf, packed_pdf
from pypdf import PdfWriter, Transformation
from pypdf.generic import ArrayObject, FloatObject, NameObject
from readerfiles import refusal as _reason

from retrieval.ingest import pipeline
from retrieval.ingest.readers import mojibake
from retrieval.ingest.readers.pdf import EMPTY, NO_TEXT_LAYER

ODD = Path(__file__).parent / "fixtures" / "odd"
KOREAN = "대한민국은 민주공화국이다. 대한민국의 주권은 국민에게 있고, 모든 권력은 국민으로부터."


def test_a_title_block_whose_codes_are_utf8_is_read_as_russian() -> None:
    document = pipeline.read("issue20232.pdf", (ODD / "issue20232.pdf").read_bytes())
    text = " ".join(block.text for block in document.blocks)
    for words in ("Масштаб", "Инв. № подл.", "Перв. примен.", "Разраб."):
        assert words in text
    assert not any("\uac00" <= ch <= "\ud7a3" for ch in text)


def test_korean_is_korean() -> None:
    # about one Korean syllable in eight is a UTF-8 byte pair by chance: a sentence is not all
    assert not mojibake.is_utf8_codes([KOREAN])
    assert mojibake.utf8_codes_read("킟킾킴킿.") == "Подп."


# An OCR layer that read a Russian tax form as Latin letters (pdf.js's issue12963.pdf: its
# words, in the order the form prints them), and the same layer's numbers, which read.
OCR_LINES = [
    "Hanorosas:t AeKnapai..4VIR no HanoroBoMy Ha AOXOAbl",
    "HoMep KoppeKn1pOBKH Hanor-oBbl111 nep110A (KOA) OT4eTHb11:1 roA",
    "IlpeACTaBJlfleTCfl B Hanor-oBbll1 OpraH (KOA) 3-HAQ 2017",
    "4>aMIIJ11lSI IIMSI OT4eCTBO HanorOIIJlaTeJlbI11HK",
]
MANUAL_LINES = [
    "The meter reads 500kWh a month for a household of four; iPhone and iPad owners",
    "can read it in the app. Call getReading() to fetch the value as a number, then",
    "compare it with last year's, which the supplier sends in January and in July.",
]

# A page of a cheat sheet: code, formulas and product names change case inside words, as words
CHEAT_SHEET_LINES = [
    "JavaScript DOM cheat sheet",
    "document.getElementById(id) returns the element",
    "element.addEventListener(type, fn) element.removeEventListener(type, fn)",
    "element.innerHTML element.textContent element.classList.toggle(name)",
    "JSON.parse(text) JSON.stringify(value) localStorage.getItem(key)",
    "Salts in the lab: NaCl MgSO4 CaCO3 KMnO4 NaHCO3",
    "Runs on macOS, iOS and iPadOS over IPv6; builds on GitHub with PowerShell",
]


def _page(lines: list[str]) -> list[Text]:
    return [Text(72, 760 - 14 * i, line) for i, line in enumerate(lines)]


def test_an_ocr_layer_of_no_words_is_refused_with_its_reason() -> None:
    assert _reason("declaration.pdf", make_pdf([_page(OCR_LINES)] * 3)) == mojibake.JUMBLED


def test_units_names_and_code_in_prose_are_words() -> None:
    document = pipeline.read("meter.pdf", make_pdf([_page(MANUAL_LINES)]))
    assert "500kWh" in document.blocks[0].text


def test_a_page_of_code_formulas_and_product_names_is_read() -> None:
    document = pipeline.read("cheatsheet.pdf", make_pdf([_page(CHEAT_SHEET_LINES)]))
    assert "getElementById" in " ".join(block.text for block in document.blocks)


def test_japanese_words_of_kanji_and_kana_are_words() -> None:
    # pdf.js's issue16538.pdf: notes on finance, every word kanji and kana together
    lines = [
        "標準マーケットモデルは二次元で説明する。取引できない商品がマクロ経済変数などである",
        "モデルを考えることは可能。非完備の場合、リスク中立確率は一意ではなく、価格も一意で",
        "なくなる。取引できない商品に対してリスク中立確率を考えても意味がないからである。",
    ]
    document = pipeline.read("notes.pdf", make_pdf([_page(lines)], cjk=True))
    assert "リスク中立確率" in " ".join(block.text for block in document.blocks)


def _picture_page(label: str, *, on_paper: bool = False) -> bytes:
    """A page the size of its picture (ImageMagick's 3.84 points square), with ``label`` set
    above it, off the page, as ImageMagick writes its "Background" label; or on it."""
    pdf = pdfium.PdfDocument.new()
    try:
        page = pdf.new_page(3.84, 3.84)
        image = pdfium.PdfImage.new(pdf)
        image.set_bitmap(pdfium.PdfBitmap.new_native(4, 4, pdfium_c.FPDFBitmap_BGR))
        image.set_matrix(pdfium.PdfMatrix().scale(3.84, 3.84))
        page.insert_obj(image)
        text = pdfium_c.FPDFPageObj_NewTextObj(pdf.raw, b"Helvetica", 12.0)
        utf16 = (label + "\0").encode("utf-16-le")
        pdfium_c.FPDFText_SetText(text, ctypes.cast(utf16, ctypes.POINTER(ctypes.c_ushort)))
        pdfium_c.FPDFPageObj_Transform(text, 1, 0, 0, 1, 0, 0 if on_paper else 16)
        pdfium_c.FPDFPage_InsertObject(page.raw, text)
        page.gen_content()
        buffer = io.BytesIO()
        pdf.save(buffer)
        return buffer.getvalue()
    finally:
        pdf.close()


def test_a_picture_whose_only_word_is_off_the_page_needs_ocr() -> None:
    assert _reason("images.pdf", _picture_page("Background")) == "no text layer — needs OCR"


def test_a_line_just_off_a_page_of_text_is_read() -> None:
    # PDFium places some lines a little above the page they are printed on (pymupdf's "Hello,
    # World!" at the top): without a picture on the page, nothing says they are not text
    page = [Text(72, 846, "Hello, World! This line is printed at the very top.")]
    document = pipeline.read("hello.pdf", make_pdf([page]))
    assert any("Hello, World!" in block.text for block in document.blocks)


def test_a_page_with_words_on_and_off_the_paper_keeps_those_on_it() -> None:
    page = [*_page(MANUAL_LINES), Text(72, 900, "Background", 12)]
    document = pipeline.read("meter.pdf", make_pdf([page]))
    assert "Background" not in " ".join(block.text for block in document.blocks)


def test_a_blank_page_is_empty() -> None:
    # camelot's empty.pdf: one A4 page whose content draws nothing, no font, no picture; a
    # scan (a picture, no text) still needs OCR (test_bad_files)
    blank = io.BytesIO()
    writer = PdfWriter()
    writer.add_blank_page(595, 842)
    writer.write(blank)
    assert _reason("empty.pdf", blank.getvalue()) == "empty"


@pytest.mark.parametrize(("font", "reason"), [(True, NO_TEXT_LAYER), (False, EMPTY)])
def test_a_damaged_page_of_a_file_naming_fonts_only_packed_is_not_called_empty(
    font: bool, reason: str
) -> None:
    """A PDF 1.5 file names its fonts inside compressed object streams: a page PDFium could
    not draw (its content does not inflate) was called empty for want of "/Font" in the bytes."""
    data = packed_pdf(b"x\x9c not deflated", font=font)
    assert _reason("report.pdf", data) == reason
    sound = packed_pdf(zlib.compress(b"BT /F1 12 Tf 72 760 Td (The wall is rebuilt.) Tj ET"))
    assert [block.text for block in pipeline.read("report.pdf", sound).blocks] == [
        "The wall is rebuilt."
    ]


def test_a_page_whose_box_is_written_upside_down_is_read() -> None:
    # NYPD's CompStat sheets (tabula-java's cs-en-us-pbms.pdf) give the media box as
    # [0 0 612 -792] and set the text below the origin: all of it is on the paper
    writer = PdfWriter(clone_from=io.BytesIO(make_pdf([_page(MANUAL_LINES)])))
    page = writer.pages[0]
    page.add_transformation(Transformation().translate(0, -842))
    page[NameObject("/MediaBox")] = ArrayObject([FloatObject(v) for v in (0, 0, 595, -842)])
    flipped = io.BytesIO()
    writer.write(flipped)
    document = pipeline.read("compstat.pdf", flipped.getvalue())
    assert "500kWh a month" in " ".join(block.text for block in document.blocks)


def test_a_few_glyphs_read_wrong_leave_a_small_file_read() -> None:
    # py-pdf's habibi-rotated.pdf: an Arabic word and its Latin spelling, four times, two
    # glyphs read as Greek ("ϲΒϴΒ") each time: the words that read are kept
    lines = ["habibi ϲΒϴΒhabibi", "habibi ϲΒϴΒ", "ϲΒϴΒhabibi habibi", "habibi ϲΒϴΒhabibi"]
    document = pipeline.read("habibi.pdf", make_pdf([_page(lines)]))
    assert "habibi" in document.blocks[0].text


def test_a_picture_with_its_label_on_it_is_read() -> None:
    document = pipeline.read("images.pdf", _picture_page("Background", on_paper=True))
    assert [block.text for block in document.blocks] == ["Background"]
