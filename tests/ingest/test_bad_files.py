"""Files that can't be read are refused with a reason a user can act on, one file at a time.

Every bad file is generated here from a real one: a scanned (image-only) PDF, a truncated and an
encrypted PDF, a .docx that is not a zip, an old .doc or encrypted Word file, an empty file, a web
page that is only navigation.
"""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pypdf import PdfWriter
from readerfiles import OFFICE
from readerfiles import refusal as _reason

from retrieval.errors import DocumentError
from retrieval.ingest.pipeline import read
from retrieval.ingest.readers.pdf import ENCRYPTED

REAL_PDF = OFFICE / "pdf" / "clsguide.pdf"
REAL_DOCX = OFFICE / "docx" / "tdf135144.docx"
FIXTURES = Path(__file__).parent / "fixtures"


def _scanned_pdf() -> bytes:
    """Page 1 of a real PDF rendered to pixels and placed alone on a new page, as a scanner does."""
    source = pdfium.PdfDocument(str(REAL_PDF))
    scan = pdfium.PdfDocument.new()
    try:
        page = source[0]
        width, height = page.get_size()
        image = pdfium.PdfImage.new(scan)
        image.set_bitmap(page.render(scale=0.5))
        image.set_matrix(pdfium.PdfMatrix().scale(width, height))
        new_page = scan.new_page(width, height)
        new_page.insert_obj(image)
        new_page.gen_content()
        buffer = io.BytesIO()
        scan.save(buffer)
        return buffer.getvalue()
    finally:
        scan.close()
        source.close()


def test_a_scanned_pdf_needs_ocr() -> None:
    data = _scanned_pdf()
    assert pdfium.PdfDocument(data)[0].get_objects()  # the page does hold the image
    assert _reason("scan.pdf", data) == "no text layer — needs OCR"


def test_an_encrypted_pdf() -> None:
    writer = PdfWriter(clone_from=str(REAL_PDF))
    writer.encrypt("secret", algorithm="RC4-128")
    buffer = io.BytesIO()
    writer.write(buffer)
    assert _reason("locked.pdf", buffer.getvalue()) == ENCRYPTED


@pytest.mark.parametrize("fraction", [0.1, 0.5, 0.95])
def test_a_truncated_pdf_is_damaged(fraction: float) -> None:
    data = REAL_PDF.read_bytes()
    said = "damaged: the file is cut short (copy it again)"  # as a Word file cut short says
    assert _reason("cut.pdf", data[: int(len(data) * fraction)]) == said


def test_a_pdf_with_junk_after_its_end_or_only_its_trailer_lost_is_read_whole() -> None:
    # Kilobytes after "%%EOF" (a mail gateway's or a server's) and a copy that lost only its
    # last lines ("startxref" and "%%EOF", which PDFium rebuilds) hold every page: they were
    # refused as "truncated" because no "%%EOF" stood in the last two kilobytes.
    data = REAL_PDF.read_bytes()
    whole = read("guide.pdf", data)
    padded = data + bytes(range(256)) * 16
    cut = data[: data.rindex(b"startxref")]
    for name, damaged in (("padded.pdf", padded), ("cut.pdf", cut)):
        assert read(name, damaged).blocks == whole.blocks


def test_a_pdf_with_its_cross_reference_broken_is_damaged() -> None:
    data = REAL_PDF.read_bytes()
    assert _reason("broken.pdf", b"%PDF-1.5\n" + data[4096:]).startswith("damaged: ")


def test_a_file_named_pdf_that_is_not_one() -> None:
    said = "plain text, not a .pdf file: rename it to .txt"
    assert _reason("notes.pdf", b"Meeting notes, not a PDF at all.\n") == said
    assert _reason("data.pdf", bytes(range(256)) * 4) == "damaged: not a PDF file"


def _picture(suffix: str) -> bytes:
    """A real picture: the one of that type in a real Word file (a PNG logo, a JPEG photo)."""
    with zipfile.ZipFile(REAL_DOCX) as package:
        name = next(
            n for n in package.namelist() if n.startswith("word/media/") and n.endswith(suffix)
        )
        return package.read(name)


def test_a_picture_named_as_a_document_is_called_an_image_that_needs_ocr() -> None:
    # A scanned invoice saved as "scan-of-invoice.pdf" that is a PNG was "damaged: not a PDF
    # file"; the admin could not tell that it needs OCR, not a repair.
    png, jpeg = _picture(".png"), _picture(".jpeg")
    assert (
        _reason("scan-of-invoice.pdf", png) == "an image (PNG), not a .pdf file: its text needs OCR"
    )
    assert _reason("photo.docx", jpeg) == "an image (JPEG), not a .docx file: its text needs OCR"
    assert _reason("page.txt", png) == "an image (PNG), not a .txt file: its text needs OCR"


def test_a_document_of_another_kind_is_named_and_an_archive_is_said_to_be_one() -> None:
    assert (
        _reason("report.pdf", REAL_DOCX.read_bytes()) == "a .docx file, not a .pdf file: rename it"
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("scans/page-1.png", _picture(".png"))
    assert _reason("scans.pdf", buffer.getvalue()) == "an archive (ZIP), not a .pdf file: unpack it"
    # a zip named .docx is a broken Word file, as before; a PDF's own problems are its own
    assert _reason("scans.docx", buffer.getvalue()) == "damaged: not a Word document"
    assert _reason("cut.pdf", REAL_PDF.read_bytes()[:5000]).startswith("damaged: ")


def test_a_docx_that_is_not_a_zip() -> None:
    # a zip's first header and nothing after it: a copy cut short
    assert _reason("report.docx", b"PK\x03\x04 but then nothing") == (
        "damaged: the file is cut short (copy it again)"
    )
    assert _reason("report.docx", bytes(range(256)) * 4) == "damaged: not a Word document"


def test_a_text_file_or_a_web_page_named_as_a_document_says_what_it_is_and_what_to_do() -> None:
    """A tester's note saved as "notazip.docx" was "damaged: not a Word document": nothing
    in it is damaged, and renamed as told it is read."""
    text = (FIXTURES / "candide-excerpt.txt").read_bytes()
    for suffix in (".docx", ".pdf", ".odt", ".epub", ".rtf"):
        said = f"plain text, not a {suffix} file: rename it to .txt"
        assert _reason(f"candide{suffix}", text) == said
    assert read("candide.txt", text).blocks
    page = (FIXTURES / "lua" / "manual-excerpt.html").read_bytes()
    said = "a web page, not a .docx file: rename it to .html"
    assert _reason("manual.docx", page) == said
    assert read("manual.html", page).blocks


def test_a_zip_that_is_not_a_word_document() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("notes.txt", "hello")
    assert _reason("archive.docx", buffer.getvalue()) == "damaged: not a Word document"


def test_a_truncated_docx_is_damaged() -> None:
    data = REAL_DOCX.read_bytes()
    assert _reason("cut.docx", data[: len(data) // 2]).startswith("damaged: ")


def test_an_encrypted_word_file() -> None:
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504)
    locked = ole + "EncryptedPackage".encode("utf-16-le").ljust(512, b"\0")
    assert _reason("locked.docx", locked) == "encrypted"


def test_office_files_renamed_docx_are_named_with_what_to_do() -> None:
    # A Word 97–2003 file renamed ".docx" was "damaged: an old Word .doc file …", and slides or
    # a workbook so renamed "damaged: not a Word document": the admin looked for a repair.
    poi = FIXTURES / "poi"
    word = (poi / "simple.doc").read_bytes()
    assert _reason("minutes.docx", word) == (
        "a Word 97–2003 file (.doc), not a .docx file: save it as .docx"
    )
    assert _reason("minutes.pdf", word) == (
        "a Word 97–2003 file (.doc), not a .pdf file: save it as .docx"
    )
    for name in ("SampleSS.xls", "SampleSS.xlsx"):
        said = "an Excel file, not a .docx file: export it as .pdf"
        assert _reason("budget.docx", (poi / name).read_bytes()) == said
    # Slides are read now: renamed, they are told to be named as they are.
    said = "a .pptx file, not a .docx file: rename it"
    assert _reason("talk.docx", (poi / "SampleShow.pptx").read_bytes()) == said
    # named as it is, the Word 97–2003 file gets the same advice
    assert _reason("minutes.doc", word) == "unsupported type (.doc; Word 97–2003: save it as .docx)"


@pytest.mark.parametrize(
    "name", ["empty.pdf", "empty.docx", "empty.html", "empty.md", "empty.epub", "empty.odt"]
)
def test_an_empty_file(name: str) -> None:
    assert _reason(name, b"") == "empty"


def test_a_page_that_is_only_navigation() -> None:
    page = (
        b"<html><head><title>Menu</title><script>track()</script></head><body>"
        b'<nav><ul><li><a href="/">Home</a></li><li><a href="/docs">Docs</a></li></ul></nav>'
        b"<footer>Copyright 2024</footer></body></html>"
    )
    assert _reason("menu.html", page) == "no main text (only navigation, scripts or markup)"


def test_a_binary_file_named_html() -> None:
    assert _reason("photo.html", bytes(range(256)) * 4) == "binary, not a web page"


def test_one_bad_file_does_not_stop_the_others() -> None:
    files = {
        "good.md": b"# Notes\n\nThe harbour committee met in spring to discuss the port.\n",
        "bad.pdf": b"%PDF-1.4 truncated",
        "bad.docx": b"not a zip",
        "good.html": b"<p>The volcano erupted twice during the last decade.</p>",
    }
    outcomes = {}
    for name, data in files.items():
        try:
            outcomes[name] = len(read(name, data).blocks)
        except DocumentError as error:
            outcomes[name] = error.reason
    assert outcomes == {
        "good.md": 1,
        "bad.pdf": "damaged: the file is cut short (copy it again)",
        "bad.docx": "plain text, not a .docx file: rename it to .txt",
        "good.html": 1,
    }


_REAL = {
    ".pdf": OFFICE / "pdf" / "ltnews35.pdf",
    ".docx": REAL_DOCX,
    ".html": OFFICE / "html" / "python-howto-sorting.html",
    ".md": OFFICE.parent / "mddocs" / "cli.md",
    ".epub": Path(__file__).parent / "fixtures" / "developers-reference.epub",
    ".odt": Path(__file__).parent / "fixtures" / "api-for-odfpy.odt",
}


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    suffix=st.sampled_from(sorted(_REAL)),
    damage=st.lists(st.tuples(st.floats(0, 1, exclude_max=True), st.integers(0, 255)), max_size=50),
    keep=st.floats(0.05, 1),
)
def test_a_damaged_real_file_is_read_or_refused_never_a_crash(
    suffix: str, damage: list[tuple[float, int]], keep: float
) -> None:
    data = bytearray(_REAL[suffix].read_bytes())
    for where, byte in damage:
        data[int(where * len(data))] = byte
    try:
        document = read(f"damaged{suffix}", bytes(data[: max(1, int(keep * len(data)))]))
    except DocumentError as error:
        assert error.reason  # a reason a user can read, whatever broke
    else:
        assert document.blocks


def test_a_file_nested_too_deeply_is_skipped_as_damaged_not_the_whole_reload() -> None:
    # Three hundred MyST boxes one inside the other: the reader's recursion gives out, and the
    # file is reported instead of stopping the reload of every other file.
    fences = [f"{'`' * (304 - depth)}{{note}}" for depth in range(300)]
    text = "\n".join(fences) + "\ndeep\n" + "\n".join(f"{'`' * (5 + d)}" for d in range(300))
    with pytest.raises(DocumentError) as caught:
        read("deep.md", text.encode())
    assert caught.value.reason == "damaged: nested too deeply"


def _words_of(text: str) -> list[str]:
    return sorted({word.strip(".,;:!?\"'()").lower() for word in text.split()} - {""})


def test_a_list_of_words_one_a_line_is_skipped_saying_so() -> None:
    """A spelling dictionary (pytudes' enable1.txt) was read as one "paragraph" of 1,166 passages
    of words in alphabetical order, the first quote for off-topic questions. Here: the words of
    a novel's excerpt, one a line."""
    words = _words_of((FIXTURES / "candide-excerpt.txt").read_text(encoding="utf-8"))
    assert len(words) > 1000
    data = "\n".join(words).encode()
    assert _reason("words.txt", data) == "a list of words, one a line, not text to quote"


def test_a_documents_own_list_of_words_and_its_table_are_read() -> None:
    """A glossary's two hundred terms, one a line, between two sentences: a list of a document's,
    read as it was."""
    words = _words_of((FIXTURES / "candide-excerpt.txt").read_text(encoding="utf-8"))[:200]
    text = "Terms used in this guide.\n\n" + "\n".join(words) + "\n\nThat is all of them.\n"
    document = read("glossary.txt", text.encode())
    assert any(words[100] in block.text for block in document.blocks)


def test_chinese_lines_without_punctuation_are_no_list_of_words() -> None:
    """Verse set a line at a time without punctuation ("床前明月光"): no spaces, yet no word
    list; a reviewer's 1,200 lines of it were refused as one. (Lines that end no sentence are
    still no paragraph to the text reader: refused, but not for being a list of words.)"""
    excerpt = (FIXTURES / "sanguo-yanyi-excerpt.txt").read_text(encoding="utf-8")
    parts = re.split(r"[，。！？；：、\s]+", excerpt)
    lines = [part for part in parts if re.fullmatch(r"[\u4e00-\u9fff]+", part)][:1200]
    assert len(lines) >= 1000
    data = "\n".join(lines).encode()
    assert _reason("verse.txt", data) != "a list of words, one a line, not text to quote"
