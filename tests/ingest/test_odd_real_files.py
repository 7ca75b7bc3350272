"""Odd files met in the wild: each is read, or refused with a reason that fits it, and one file
a reader breaks on never costs the other files their reload.

The files are real test files of other parsers (tests/ingest/fixtures/odd/SOURCES.md) or made
here the way the program that makes them does.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from pathlib import Path

import docx
import lxml.etree
import pytest
from pdfmaker import Text, make_pdf
from readerfiles import saved

from retrieval.errors import DocumentError
from retrieval.ingest import passages as splitting
from retrieval.ingest import pipeline
from retrieval.ingest.parsed import ParsedDocument
from retrieval.ingest.readers import markdown
from retrieval.library import Library
from retrieval.model import Passage

MakeCorpus = Callable[..., Path]
FIXTURES = Path(__file__).parent / "fixtures"
ODD = FIXTURES / "odd"
HARBOUR = "# Harbour\n\nThe harbour committee met in spring to discuss the expansion of the port.\n"
ORCHARD = "Orchard\n\nThe apple harvest in the northern valley begins in late September.\n"


def _reason(name: str, data: bytes) -> str:
    with pytest.raises(DocumentError) as caught:
        pipeline.read(name, data)
    return caught.value.reason


def test_a_file_a_reader_breaks_on_is_reported_and_the_others_are_indexed(
    make_corpus: MakeCorpus, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = make_corpus({"harbour.md": HARBOUR, "orchard.txt": ORCHARD})
    Library.open(tmp_path / "q.db", folder).close()

    def broken(data: bytes, path: Path) -> None:
        raise ZeroDivisionError("float division by zero")  # as a reader's bug raises it

    monkeypatch.setattr(markdown, "read_markdown", broken)
    (folder / "harbour.md").write_text(HARBOUR + "\nThe berths were deepened.\n", "utf-8")
    (folder / "volcano.md").write_text("The volcano erupted twice.\n", "utf-8")
    library = Library.open(tmp_path / "q.db", folder)
    try:
        report = library.last_report
        assert report is not None
        reasons = {s.doc: s.reason for s in report.skipped}
        assert sorted(reasons) == ["harbour.md", "volcano.md"]
        assert reasons["volcano.md"].startswith("the reader failed on it (ZeroDivisionError at ")
        assert reasons["volcano.md"].endswith("): please report this file")
        # the version read before stays, and the other files are served
        assert report.kept == ("harbour.md",)
        assert library.answer("harbour committee spring").answered
        assert library.answer("apple harvest valley").answered
    finally:
        library.close()


def test_a_file_whose_passages_break_is_reported_and_the_others_are_indexed(
    make_corpus: MakeCorpus, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = make_corpus({"harbour.md": HARBOUR, "orchard.txt": ORCHARD})
    split = splitting.passages

    def passages(document: ParsedDocument, name: str) -> list[Passage]:
        if name == "harbour.md":
            raise IndexError("list index out of range")  # as a splitting bug raises it
        return split(document, name)

    monkeypatch.setattr(splitting, "passages", passages)
    library = Library.open(tmp_path / "q.db", folder)
    try:
        report = library.last_report
        assert report is not None and report.added == ("orchard.txt",)
        [(doc, reason)] = [(s.doc, s.reason) for s in report.skipped]
        assert doc == "harbour.md" and reason.startswith("the reader failed on it (IndexError at ")
        assert library.answer("apple harvest valley").answered
    finally:
        library.close()


# ------------------------------------------------------------------------------ PDF
def test_type_set_at_a_negative_size_is_read_as_headings_and_paragraphs() -> None:
    # "-11 Tf" draws the glyphs turned half round; a word processor's export (pdf.js issue
    # 14415) sets a whole page so. The size is as large as "11 Tf": PDFium's negative figure
    # made every line of no known size, and the reader divided by that.
    lines = [
        Text(72, 760, "Terms of the Agreement", -16),
        Text(72, 730, "This agreement states that both companies have the authority", -11),
        Text(72, 716, "to enter into this binding agreement with each other.", -11),
        Text(72, 690, "Signatures", -16),
        Text(72, 660, "Signatures on this page are reflective of their employers.", -11),
    ]
    document = pipeline.read("terms.pdf", make_pdf([lines], base14="Helvetica"))
    assert document.title == "Terms of the Agreement"
    assert document.paragraphs == [
        (
            None,
            "This agreement states that both companies have the authority to enter into this"
            " binding agreement with each other.",
        ),
        ("Signatures", "Signatures on this page are reflective of their employers."),
    ]


def test_a_real_page_set_at_a_negative_size_is_read() -> None:
    document = pipeline.read("issue14415.pdf", (ODD / "issue14415.pdf").read_bytes())
    text = " ".join(block.text + " " + block.code for block in document.blocks)
    for words in ("have the authority that's", "binding agreement", "on behalf of their employers"):
        assert words in text


# ------------------------------------------------------------------------------ Word
def test_a_word_body_with_xml_comments_is_read() -> None:
    # python-docx's own test files (tbl-props.docx) note what each table shows in XML comments
    # between the body's paragraphs and tables, as hand-edited or generated files do.
    word = docx.Document()
    word.add_paragraph("The harbour committee met in spring to discuss the port.")
    word.add_table(rows=1, cols=2).rows[0].cells[0].text = "Berths"
    body = word.element.body
    body.insert(0, lxml.etree.Comment(" a table whose rows start with empty grid positions "))
    body.insert(2, lxml.etree.Comment(" then a table "))
    document = pipeline.read("notes.docx", saved(word))
    assert [block.text for block in document.blocks] == [
        "The harbour committee met in spring to discuss the port.",
        "Berths",
    ]


# ------------------------------------------------------------------------------ OpenDocument
def _odt_with(change: dict[str, bytes]) -> bytes:
    """odfpy's simpletable.odt (a two-by-two table) with the parts ``change`` names replaced."""
    out = io.BytesIO()
    source_file = FIXTURES / "simpletable.odt"
    with zipfile.ZipFile(source_file) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            target.writestr(info, change.get(info.filename, source.read(info.filename)))
    return out.getvalue()


def test_a_table_in_a_frame_anchored_in_a_paragraph_is_read() -> None:
    # A frame (a text box, a figure with its caption, a drawing's label) sits inside the
    # paragraph it is anchored to; its paragraphs and tables were never read.
    document = pipeline.read("frame.odt", (ODD / "FrameWithTable.odt").read_bytes())
    assert [(block.kind, block.text) for block in document.blocks] == [
        ("text", "Frame with Table:"),
        ("table", "a | b | c | d"),
        ("table", "e | f | g | h"),
        ("text", "This is the end!"),
    ]


_NOTED = b"""<?xml version="1.0" encoding="UTF-8"?>
<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"><office:body><office:text>
<text:p>The harbour committee met in spring.<text:note><text:note-citation>1</text:note-citation>
<text:note-body><text:p>Minutes kept by the clerk.</text:p></text:note-body></text:note>
<draw:frame><draw:text-box><text:p>Figure 1: the port in 1900.<text:note>
<text:note-citation>2</text:note-citation><text:note-body><text:p>From the town archive.</text:p>
</text:note-body></text:note></text:p></draw:text-box></draw:frame></text:p>
<text:p>The berths were deepened the next year.</text:p>
</office:text></office:body></office:document-content>"""


def test_a_note_in_a_frame_is_read_once_after_the_frames_caption() -> None:
    document = pipeline.read("noted.odt", _odt_with({"content.xml": _NOTED}))
    assert [block.text for block in document.blocks] == [
        "The harbour committee met in spring.",
        "Minutes kept by the clerk.",
        "Figure 1: the port in 1900.",
        "From the town archive.",
        "The berths were deepened the next year.",
    ]


@pytest.mark.parametrize(
    "change",
    [
        {"mimetype": (FIXTURES / "simpletable.odt").read_bytes()[:300]},  # bytes of no type
        {"meta.xml": b'<?xml version="1.0"?><office:document-meta xmlns:office="urn:x"><office:'},
    ],
)
def test_a_damaged_type_entry_or_properties_part_costs_no_text(change: dict[str, bytes]) -> None:
    # odftoolkit's testInvalidPkg1.odt (a picture written over its mimetype) was refused with
    # the picture's bytes as its "type"; its invalid.odt (meta.xml cut short) as damaged.
    document = pipeline.read("table.odt", _odt_with(change))
    assert [block.text for block in document.blocks] == [
        "Cell 1 | Cell 2",
        "Cell 3 (bold) | Cell 4 (italic)",
    ]


def test_a_spreadsheet_named_odt_is_still_refused_by_its_type() -> None:
    change = {"mimetype": b"application/vnd.oasis.opendocument.spreadsheet"}
    assert _reason("sheet.odt", _odt_with(change)) == (
        "damaged: not an OpenDocument text (application/vnd.oasis.opendocument.spreadsheet)"
    )


# ------------------------------------------------------------------------------ EPUB
def test_a_chapter_in_another_format_is_read_from_its_fallback_page() -> None:
    # W3C's EPUB test (pub-foreign_json-spine): the spine names a JSON file, whose manifest
    # entry falls back to an XHTML page for reading systems that can't show it.
    document = pipeline.read("book.epub", (ODD / "pub-foreign_json-spine.epub").read_bytes())
    assert [block.text for block in document.blocks] == ["Test passes if you see this text."]


def test_a_forms_lines_with_leaders_to_their_boxes_are_text_not_contents() -> None:
    # A tax form (pdf.js's prefilled_f1040.pdf) leads each line to its box, numbered as the
    # line is; a pay slip leads to an amount. Read as a contents list, they were dropped.
    rows = [
        "7 Wages, salaries, tips, etc. Attach Form(s) W-2 . . . . . . . . . . 7",
        "8a Taxable interest. Attach Schedule B if required . . . . . . . 8a",
        "9 a Ordinary dividends. Attach Schedule B if required . . . . . 9a",
        "10 Alimony received from a former spouse . . . . . . . . . . . . 10",
        "Gross pay for the month of March . . . . . . . . . . . . . . 14,587",
    ]
    lines = [Text(72, 700 - 24 * i, row) for i, row in enumerate(rows)]
    document = pipeline.read("form.pdf", make_pdf([lines], base14="Helvetica"))
    text = " ".join(block.text for block in document.blocks)
    for words in ("Wages, salaries, tips", "Taxable interest", "Alimony", "Gross pay"):
        assert words in text


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("scan.JPG", "unsupported type (.jpg; an image: its text needs OCR)"),
        ("talk.ppt", "unsupported type (.ppt; PowerPoint 97–2003: save it as .pptx)"),
        ("talk.key", "unsupported type (.key; slides: export them as .pptx or .pdf)"),
        ("reports.zip", "unsupported type (.zip; an archive: unpack it)"),
    ],
)
def test_what_admins_drop_besides_documents_is_refused_with_what_to_do(
    name: str, reason: str
) -> None:
    assert _reason(name, b"PK\x03\x04 or pixels") == reason


# ------------------------------------------------------------------------------ HTML
@pytest.mark.parametrize(
    "page",
    [b"<!DOCTYPE HTML>\n<!-- to be written -->\n", b"\xef\xbb\xbf<!DOCTYPE html>\n", b"<!\n"],
)
def test_a_page_of_nothing_but_a_doctype_or_a_comment_has_no_main_text(page: bytes) -> None:
    # html5lib's encoding tests hold such pages; lxml's "Document is empty" made them damaged.
    assert _reason("draft.html", page) == "no main text (only navigation, scripts or markup)"
