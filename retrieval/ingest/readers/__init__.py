"""Readers: one per file format, each turning a file's bytes into a :class:`ParsedDocument`.

Every reader has the same signature, ``read(data: bytes, path: Path) -> ParsedDocument``, and raises
:class:`~retrieval.errors.DocumentError` with a short reason a user can act on ("encrypted", "no
text layer — needs OCR", "damaged: …"). Readers are imported when a file of their format is first
met, so a corpus of text files never loads the PDF or Word libraries.
"""

from __future__ import annotations

import functools
import importlib
import re
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from retrieval.errors import DocumentError
from retrieval.ingest.parsed import ParsedDocument
from retrieval.ingest.readers.fragments import headed_alone, join_introductions, merge_fragments
from retrieval.model import SLIDE_SUFFIXES
from retrieval.text import strip_accents

Reader = Callable[[bytes, Path], ParsedDocument]

# Word's packages: a document, one with macros, a template, a template with macros.
WORD_SUFFIXES = (".docx", ".docm", ".dotx", ".dotm")


def one_format(suffix: str, other: str) -> bool:
    """Whether two suffixes name one format: the same, or two of Word's (or PowerPoint's)
    packages, a template or a file with macros being read as the document is."""
    return suffix == other or any(
        {suffix, other} <= set(f) for f in (WORD_SUFFIXES, SLIDE_SUFFIXES)
    )


# suffix → "module:function" of the reader for that format
READERS: dict[str, str] = {
    ".txt": "retrieval.ingest.readers.text:read_text",
    ".md": "retrieval.ingest.readers.markdown:read_markdown",
    ".markdown": "retrieval.ingest.readers.markdown:read_markdown",
    # MDX (Docusaurus' pages and the partials they import, "_catalogMode.mdx") is Markdown
    # with JSX, which the Markdown reader reads as the build shows it (see readers.mdx).
    ".mdx": "retrieval.ingest.readers.markdown:read_markdown",
    ".rst": "retrieval.ingest.readers.rest:read_rest",
    # AsciiDoc (Spring's, Quarkus', Asciidoctor's own documentation), read as Asciidoctor's
    # built page shows it (see readers.asciidoc).
    ".adoc": "retrieval.ingest.readers.asciidoc:read_asciidoc",
    ".asciidoc": "retrieval.ingest.readers.asciidoc:read_asciidoc",
    ".html": "retrieval.ingest.readers.html:read_html",
    ".htm": "retrieval.ingest.readers.html:read_html",
    ".pdf": "retrieval.ingest.readers.pdf:read_pdf",
    # A Word template or a document with macros: the same package, read the same way.
    **dict.fromkeys(WORD_SUFFIXES, "retrieval.ingest.readers.docx:read_docx"),
    ".epub": "retrieval.ingest.readers.epub:read_epub",
    ".odt": "retrieval.ingest.readers.odt:read_odt",
    ".rtf": "retrieval.ingest.readers.rtf:read_rtf",
    # PowerPoint: a presentation, a show, a template, one with macros; the same package.
    **dict.fromkeys(SLIDE_SUFFIXES, "retrieval.ingest.readers.pptx:read_pptx"),
}
SUPPORTED_SUFFIXES = tuple(READERS)
# What to do with a format read by none of them whose text an editor at hand saves in one that is.
SAVE_AS = {
    ".doc": "Word 97–2003: save it as .docx",
    ".wpd": "save it as .docx or .odt",
    ".pages": "export it as .docx or .pdf",
    ".ppt": "PowerPoint 97–2003: save it as .pptx",
    **dict.fromkeys((".odp", ".key"), "slides: export them as .pptx or .pdf"),
    # A scan or a photo of a page: its text is pixels, as in a PDF without a text layer.
    **dict.fromkeys(
        (".jpg", ".jpeg", ".png", ".tif", ".tiff", ".gif", ".bmp", ".webp", ".heic"),
        "an image: its text needs OCR",
    ),
    **dict.fromkeys((".zip", ".7z", ".rar", ".tar", ".gz", ".tgz"), "an archive: unpack it"),
}
# Formats laid out for print, whose readers see lines and boxes rather than the author's
# paragraphs: a table's caption and cells, a syntax line, a margin label or a one-word list item
# comes out as a block of its own, and is joined to its text (see readers.fragments). Markup
# (HTML, Markdown, OpenDocument) says what a paragraph is; a text file's short lines are commands
# and list entries its reader keeps on purpose.
_LAID_OUT = frozenset({".pdf", ".rtf", *WORD_SUFFIXES, *SLIDE_SUFFIXES})
# An HTML tag, end tag, comment, doctype or declaration ("<!", "<?xml"): a file named .html or
# .htm without one is text.
_TAG = re.compile(rb"<(?:/?[A-Za-z][\w:-]*[\s/>]|[!?])")


# The files a project writes as plain text without an extension. Not any file without one:
# "credentials", an SSH key or a virtualenv's "activate" is no document to quote.
_PLAIN_NAMES = frozenset(
    """README LICENSE LICENCE COPYING INSTALL NEWS CHANGES CHANGELOG HISTORY AUTHORS
    CONTRIBUTORS CONTRIBUTING THANKS TODO NOTICE BUGS FAQ HACKING MAINTAINERS RELEASE""".split()
)


def reader_for(path: Path) -> Reader:
    """The reader of ``path``'s format; :class:`DocumentError` "unsupported type" otherwise. A
    project's file without an extension ("README", "LICENSE", "INSTALL", :data:`_PLAIN_NAMES`)
    is read as text when its bytes are text (see :func:`_sniffed`)."""
    if not path.suffix and path.name.upper().partition("-")[0] in _PLAIN_NAMES:
        return _sniffed
    target = READERS.get(path.suffix.lower())
    if target is None:
        kind = path.suffix.lower() or "no extension"
        hint = SAVE_AS.get(kind)
        raise DocumentError(path, f"unsupported type ({kind}{'; ' + hint if hint else ''})")
    module, _, function = target.partition(":")
    reader: Reader = getattr(importlib.import_module(module), function)
    if path.suffix.lower() == ".txt":
        return functools.partial(_untitled, reader)
    if path.suffix.lower() in (".html", ".htm"):
        return functools.partial(_markup_or_text, reader)
    return functools.partial(_finished, reader, path.suffix.lower() in _LAID_OUT)


def _markup_or_text(reader: Reader, data: bytes, path: Path) -> ParsedDocument:
    """A web page read as one, or a plain-text file named .htm read as text: a page without a
    single tag is text (pytudes' latlong.htm, a table of cities under state names, lost every
    line break and heading read as HTML)."""
    if _TAG.search(_ascii_view(data)):
        return _finished(reader, False, data, path)
    from retrieval.ingest.readers import text

    try:
        return _untitled(text.read_text, data, path)
    except DocumentError as error:
        if error.reason.startswith("binary"):  # said as a web page's reader says it
            return _finished(reader, False, data, path)
        raise


def _ascii_view(data: bytes) -> bytes:
    """``data`` with the zero bytes of UTF-16 taken out, as its tags would read in ASCII:
    PowerShell's ``ConvertTo-Html | Out-File`` writes a page as UTF-16, whose "<\x00h\x00"
    matched no tag, and the page was read as text, tags and all (a reviewer's case)."""
    if data[:2] in (b"\xff\xfe", b"\xfe\xff") or data[1:2] == b"\x00" or data[:1] == b"\x00":
        return data.replace(b"\x00", b"")
    return data


def _sniffed(data: bytes, path: Path) -> ParsedDocument:
    """A file without an extension read as plain text when its bytes decode as text; otherwise
    "unsupported type (no extension)", as before (a program, an image saved without one)."""
    from retrieval.ingest.readers import text
    from retrieval.ingest.readers.common import fallback_title

    try:
        cleaned = text.text_of(data, path)
    except DocumentError as error:
        if error.reason == "empty" or error.reason.startswith("too large"):
            raise
        raise DocumentError(path, "unsupported type (no extension)") from error
    return untitled(text.parse(cleaned, fallback_title=fallback_title(path)))


def _finished(reader: Reader, laid_out: bool, data: bytes, path: Path) -> ParsedDocument:
    """What ``reader`` reads, a sentence introducing a paragraph joined to it, and in a format
    laid out for print its fragments joined to the text they belong to."""
    document = reader(data, path)
    blocks = headed_alone(merge_fragments(document.blocks)) if laid_out else document.blocks
    document.blocks = join_introductions(blocks)
    return untitled(document)


def _untitled(reader: Reader, data: bytes, path: Path) -> ParsedDocument:
    return untitled(reader(data, path))


def untitled(document: ParsedDocument) -> ParsedDocument:
    """``document`` with no section named as the document itself: a book's title repeated
    over its first chapter ("CONTRIBUCION PARA EL ESTUDIO …" under the title "Contribucion Para
    El Estudio …"), a page's title heading its text, would be cited twice ("Title › TITLE").
    Such a heading heads nothing: its blocks stand under the heading above it, if any."""
    title = _folded(document.title)
    if not title:
        return document
    for i, block in enumerate(document.blocks):
        above = tuple(heading for heading in block.above if _folded(heading) != title)
        section = block.section
        if section is not None and _folded(section) == title:
            section, above = (above[-1], above[:-1]) if above else (None, ())
        if section != block.section or above != block.above:
            document.blocks[i] = replace(block, section=section, above=above)
    return document


@functools.lru_cache(maxsize=1024)
def _folded(text: str) -> str:
    """``text`` without case, accents and spacing: "Contribución  para" → "contribucionpara".
    Kept for the headings asked again, once a paragraph under them."""
    return "".join(strip_accents(text.casefold()).split())
