"""The EPUB reader on a real e-book (Debian's Developer's Reference, Sphinx's EPUB build).

What a user would notice: chapters in the book's order with their headings as sections, the
book's title and date, code as code; a locked (DRM) or broken e-book refused with its reason.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from retrieval.errors import DocumentError
from retrieval.ingest.pipeline import read

BOOK = Path(__file__).parent / "fixtures" / "developers-reference.epub"


def _book() -> bytes:
    return BOOK.read_bytes()


def _rebuilt(change: dict[str, bytes | None]) -> bytes:
    """The real book with some parts replaced (bytes) or left out (None)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(_book())) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            if info.filename not in change:
                target.writestr(info, source.read(info.filename))
        for name, data in change.items():
            if data is not None:
                target.writestr(name, data)
    return out.getvalue()


def test_chapters_in_spine_order_with_sections_title_and_date() -> None:
    document = read(BOOK.name, _book())
    # Its dc:title is the project's slug ("developers-reference"): the title page's heading is
    # the book's title.
    assert (document.title, document.date) == ("Debian Developer's Reference", "2023-03-06")
    sections = [b.section for b in document.blocks]
    assert sections.index("1. Scope of This Document") < sections.index("2.1. Getting started")
    assert sections.index("2.1. Getting started") < sections.index(
        "3.1. Package Maintainer's Duties"
    )
    assert len(document.blocks) > 500


def test_code_blocks_keep_their_introducing_sentence() -> None:
    document = read(BOOK.name, _book())
    code = [b for b in document.blocks if b.kind == "code"]
    assert code and all(b.code.strip() for b in code)
    assert any(b.text and b.text.endswith(":") for b in code)


def test_the_table_of_contents_is_not_a_chapter() -> None:
    document = read(BOOK.name, _book())
    texts = [b.text for b in document.blocks]
    assert not any(t.startswith("1. Scope of This Document 2. Applying") for t in texts)


def test_a_locked_book_is_encrypted() -> None:
    encryption = (
        b'<encryption xmlns="urn:oasis:names:tc:opendocument:xmlns:container" '
        b'xmlns:enc="http://www.w3.org/2001/04/xmlenc#"><enc:EncryptedData>'
        b'<enc:CipherData><enc:CipherReference URI="index.xhtml"/></enc:CipherData>'
        b"</enc:EncryptedData></encryption>"
    )
    with pytest.raises(DocumentError) as caught:
        read("locked.epub", _rebuilt({"META-INF/encryption.xml": encryption}))
    assert caught.value.reason == "encrypted"


def test_a_book_without_its_container_is_damaged() -> None:
    with pytest.raises(DocumentError) as caught:
        read("broken.epub", _rebuilt({"META-INF/container.xml": None}))
    assert caught.value.reason == "damaged: META-INF/container.xml is missing or broken"


def test_a_file_named_epub_that_is_not_a_zip() -> None:
    with pytest.raises(DocumentError) as caught:
        read("notes.epub", b"just some text")
    assert caught.value.reason == "plain text, not a .epub file: rename it to .txt"
    with pytest.raises(DocumentError) as caught:
        read("notes.epub", bytes(range(256)) * 4)
    assert caught.value.reason == "damaged: not an EPUB e-book"
