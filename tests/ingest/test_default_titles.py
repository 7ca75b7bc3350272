"""A title the program gave a new file, which its writer never changed ("Untitled document",
Google Docs' default; Word's "Document1", "Microsoft Word - leave.docx"), says nothing of the
document: every format that takes its title from the file's properties reads it as no title,
and falls back as it does without one (a tester's handbook cited a PDF as "Untitled
document")."""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable
from pathlib import Path

import docx
import pytest
from pdfmaker import Text, make_pdf, titled
from readerfiles import saved

from retrieval.ingest.pipeline import read

DEFAULTS = ["Untitled document", "Untitled", "Document1", "Microsoft Word - leave.docx"]
LOCALIZED = ["Documento sin título", "Document sans titre", "Новый документ", "未命名文档"]
BOOK = Path(__file__).parent / "fixtures" / "developers-reference.epub"
TEXT = "Staff get ten paid days off each year, and the days not taken by the end of it are lost."


def _pdf(title: str | None) -> bytes:
    data = make_pdf([[Text(72, 700, TEXT, 10.5)]])
    return data if title is None else titled(data, title)


def _docx(title: str | None) -> bytes:
    word = docx.Document()
    word.core_properties.title = title or ""
    word.add_paragraph(TEXT)
    return saved(word)


def _odt(title: str | None) -> bytes:
    ns = (
        'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/"'
    )
    named = f"<dc:title>{title}</dc:title>" if title is not None else ""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        archive.writestr(
            "meta.xml",
            f"<office:document-meta {ns}><office:meta>{named}</office:meta></office:document-meta>",
        )
        archive.writestr(
            "content.xml",
            f"<office:document-content {ns}><office:body><office:text><text:p>{TEXT}</text:p>"
            "</office:text></office:body></office:document-content>",
        )
    return out.getvalue()


def _epub(title: str | None) -> bytes:
    named = f"<dc:title>{title}</dc:title>" if title is not None else ""
    out = io.BytesIO()
    with zipfile.ZipFile(BOOK) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename == "content.opf":
                data = re.sub(r"<dc:title>[^<]*</dc:title>", named, data.decode()).encode()
            target.writestr(info, data)
    return out.getvalue()


def _rtf(title: str | None) -> bytes:
    named = r"{\info{\title " + title + "}}" if title is not None else ""
    return (r"{\rtf1\ansi\ansicpg1252\deff0\uc1 " + named + r"\pard " + TEXT + r"\par}").encode(
        "cp1252", "backslashreplace"
    )


def _html(title: str | None) -> bytes:
    # Google Docs' "Download as HTML": its <title> is the document's name, the default unchanged
    named = f"<title>{title}</title>" if title is not None else ""
    return (
        f'<html><head><meta content="text/html; charset=UTF-8" http-equiv="content-type">{named}'
        '<style>.c0{font-weight:400}</style></head><body class="c2 doc-content">'
        f'<p class="c1"><span class="c0">{TEXT}</span></p></body></html>'
    ).encode()


MAKERS: dict[str, Callable[[str | None], bytes]] = {
    "pdf": _pdf,
    "docx": _docx,
    "odt": _odt,
    "epub": _epub,
    "rtf": _rtf,
    "html": _html,
}


@pytest.mark.parametrize("kind", MAKERS)
def test_a_default_title_reads_as_no_title(kind: str) -> None:
    make = MAKERS[kind]
    untitled = read(f"leave.{kind}", make(None)).title
    for default in DEFAULTS:
        assert read(f"leave.{kind}", make(default)).title == untitled, default
    assert read(f"leave.{kind}", make("Paid leave")).title == "Paid leave"  # a title given


@pytest.mark.parametrize("default", LOCALIZED)
def test_google_docs_default_title_in_the_bots_other_languages_reads_as_no_title(
    default: str,
) -> None:
    assert read("leave.docx", _docx(default)).title == read("leave.docx", _docx(None)).title


@pytest.mark.parametrize("title", ["Export a report to .pdf", "pthread_create", "README.md"])
def test_a_web_pages_title_naming_a_file_or_a_function_is_its_title(title: str) -> None:
    # A file's name in a PDF's properties is the converter's; a page's <title> is its writer's:
    # "Export a report to .pdf" (a help page, no <h1>) was titled by the file's name, and a
    # manual page's "pthread_create" by its folder's ("man3").
    assert read("man3/page.html", _html(title)).title == title
