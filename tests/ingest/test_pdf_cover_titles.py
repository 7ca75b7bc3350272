"""A PDF's title as its cover prints it or its properties state it (tryout 16): shown in every
citation and in /sources, so two guides of one series must not both read "GUÍA PARA LA
APERTURA DE DATOS EN", nor a book be called by the first heading inside it.

Real files: Argentina's open-data guides (tests/ingest/fixtures/SOURCES.md, datosgobar/); and a
book written here whose cover is a picture, as calibre's e-books are.
"""

from __future__ import annotations

import io
from pathlib import Path

from pdfmaker import Text, make_pdf
from pypdf import PdfWriter
from readerfiles import parsed

GUIDES = Path(__file__).resolve().parent / "fixtures" / "datosgobar"


def test_a_cover_title_over_six_lines_in_capitals_is_read_whole() -> None:
    # "GUÍA PARA LA" / "APERTURA DE" / "DATOS EN" / "GOBIERNOS" / "PROVINCIALES Y" / "LOCALES"
    document = parsed(GUIDES / "guia-subnacionales.pdf")
    assert document.title == "GUÍA PARA LA APERTURA DE DATOS EN GOBIERNOS PROVINCIALES Y LOCALES"
    assert not any("GOBIERNOS PROVINCIALES" in block.text for block in document.blocks)


def test_an_annex_label_above_the_title_leaves_it_the_title() -> None:
    document = parsed(GUIDES / "guia-abiertos.pdf")
    assert document.title == "GUÍA PARA LA PUBLICACIÓN DE DATOS EN FORMATOS ABIERTOS"
    # the contents list ends the title page: the introduction is a section of its own
    assert any(block.section == "INTRODUCCIÓN" for block in document.blocks)


def test_a_book_whose_cover_is_a_picture_keeps_its_properties_title(tmp_path: Path) -> None:
    pages = [
        [],  # the cover: a picture, no text
        [
            Text(72, 760, "Useful links", 20),
            Text(72, 730, "Chat rooms to talk about the language and to get help with it."),
            Text(72, 715, "Issues and pull requests for the translation of this book."),
        ],
        [
            Text(72, 760, "Getting started", 20),
            Text(72, 730, "The first step is to install the compiler and its package manager."),
        ],
    ]
    writer = PdfWriter(clone_from=io.BytesIO(make_pdf(pages, base14="Helvetica")))
    writer.add_metadata({"/Title": "The Rust Programming Language"})
    buffer = io.BytesIO()
    writer.write(buffer)
    path = tmp_path / "rustbook.pdf"
    path.write_bytes(buffer.getvalue())
    document = parsed(path)
    assert document.title == "The Rust Programming Language"
    assert [b.section for b in document.blocks] == ["Useful links", "Getting started"]
