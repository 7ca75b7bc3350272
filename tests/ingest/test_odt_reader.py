"""The OpenDocument reader on real .odt files: odfpy's manual and test documents.

What a user would notice: the manual's sections and code examples (indentation and comments
kept, with the sentence before them), tables row by row, list items as paragraphs, and never a
page header or footer, a table of contents, or a spreadsheet passed off as text.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from retrieval.errors import DocumentError
from retrieval.ingest.parsed import ParsedDocument
from retrieval.ingest.pipeline import read

FIXTURES = Path(__file__).parent / "fixtures"


def _read(name: str) -> ParsedDocument:
    return read(name, (FIXTURES / name).read_bytes())


def _rebuilt(name: str, change: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(FIXTURES / name) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            target.writestr(info, change.get(info.filename, source.read(info.filename)))
    return out.getvalue()


def test_the_manual_title_date_and_sections() -> None:
    document = _read("api-for-odfpy.odt")
    assert document.title == "Application Programmer's Interface for ODFPY"
    # Last saved 2009-12-17, created 2007-01-03: the date of the text as it now reads (its
    # copyright line says "2007-2009").
    assert document.date == "2009-12-17"
    sections = {block.section for block in document.blocks}
    # numbered as the outline style shows them, and as the manual's contents list them
    assert {"1 Introduction", "2 Creating a document", "3.1 Loading a document"} <= sections


def test_code_examples_are_code_with_their_introducing_sentence() -> None:
    blocks = _read("api-for-odfpy.odt").blocks
    loading = next(b for b in blocks if b.text.startswith("ODFPY can load a document into memory"))
    assert loading.kind == "code"
    assert loading.code == (
        'from odf.opendocument import load\ndoc = load("my document.odt")\n'
        'doc.save("new document.odt")'
    )
    styles = next(b for b in blocks if b.text == "Print the style reference from all paragraphs.")
    assert "\nfor paragraph in doc.getElementsByType(text.P):\n    print paragraph" in styles.code


def test_the_table_of_contents_is_not_read() -> None:
    texts = [b.text for b in _read("api-for-odfpy.odt").blocks]
    assert not any(t.startswith("Introduction") and t.rstrip()[-1:].isdigit() for t in texts)


def test_a_table_row_by_row_and_a_list_item_by_item() -> None:
    assert [(b.kind, b.text) for b in _read("simpletable.odt").blocks] == [
        ("table", "Cell 1 | Cell 2"),
        ("table", "Cell 3 (bold) | Cell 4 (italic)"),
    ]
    assert [b.text for b in _read("twolevellist.odt").blocks] == [
        "Line 1",
        "• Item A",  # each item with its list's bullet, by level
        "• Item B",
        "◦ Subitem B.1",
        "◦ Subitem B.2 (bold)",
        "• Item C",
        "Line 4",
    ]


def test_page_headers_and_footers_are_never_text() -> None:
    # The page holds only a heading between its header and footer: nothing else to index.
    with pytest.raises(DocumentError) as caught:
        _read("headerfooter.odt")
    assert caught.value.reason == "no paragraphs of text found"


def test_a_spreadsheet_named_odt_and_a_locked_file_are_refused() -> None:
    sheet = _rebuilt(
        "simpletable.odt", {"mimetype": b"application/vnd.oasis.opendocument.spreadsheet"}
    )
    with pytest.raises(DocumentError) as caught:
        read("sheet.odt", sheet)
    assert caught.value.reason == (
        "damaged: not an OpenDocument text (application/vnd.oasis.opendocument.spreadsheet)"
    )
    manifest = zipfile.ZipFile(FIXTURES / "simpletable.odt").read("META-INF/manifest.xml")
    locked_manifest = manifest.replace(
        b"</manifest:manifest>",
        b'<manifest:file-entry manifest:full-path="content.xml"><manifest:encryption-data/>'
        b"</manifest:file-entry></manifest:manifest>",
    )
    with pytest.raises(DocumentError) as caught:
        read("locked.odt", _rebuilt("simpletable.odt", {"META-INF/manifest.xml": locked_manifest}))
    assert caught.value.reason == "encrypted"
