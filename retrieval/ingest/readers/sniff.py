"""What a refused file really is, from its first bytes, when its name says another format.

A scan saved as "invoice.pdf" that is a PNG, photos zipped and named ".docx", a Word file renamed
".pdf": the reader of the suffix can only say "damaged: not a PDF file", and the admin is left to
guess. The signatures below are the formats' own (the PNG, JPEG, GIF, TIFF, WebP, BMP and ZIP
specifications); each is long enough that text or a PDF never opens with it by chance.
"""

from __future__ import annotations

import codecs
import io
import re
import zipfile
from pathlib import Path

from retrieval.errors import DocumentError
from retrieval.ingest.readers import WORD_SUFFIXES, one_format
from retrieval.ingest.readers.decoding import decode
from retrieval.model import SLIDE_SUFFIXES

# (signature at offset 0, the format's name as its users know it)
_IMAGES = (
    (b"\x89PNG\r\n\x1a\n", "PNG"),
    (b"\xff\xd8\xff", "JPEG"),
    (b"GIF87a", "GIF"),
    (b"GIF89a", "GIF"),
    (b"II*\x00", "TIFF"),
    (b"MM\x00*", "TIFF"),
)
_ARCHIVES = (
    (b"PK\x03\x04", "ZIP"),
    (b"\x1f\x8b", "gzip"),
    (b"7z\xbc\xaf\x27\x1c", "7z"),
    (b"Rar!\x1a\x07", "RAR"),
)
_OPEN_DOCUMENT = {
    b"application/epub+zip": ".epub",
    b"application/vnd.oasis.opendocument.text": ".odt",
}

# Microsoft Office's files the library reads none of, by what to do with each: the Word and
# PowerPoint 97–2003 formats as a ".doc" or ".ppt" is told (readers.SAVE_AS), and a workbook
# printed to PDF.
OLD_WORD = "a Word 97–2003 file (.doc), not a {suffix} file: save it as .docx"
OLD_SLIDES = "a PowerPoint 97–2003 file (.ppt), not a {suffix} file: save it as .pptx"
WORKBOOK = "an Excel file, not a {suffix} file: export it as .pdf"
# The Compound File's signature (the container of Office 97–2003 files), and the stream each
# of those programs keeps its content in, as the container's directory names it.
OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # a Compound File: old Office files, encrypted new ones
# The stream a password-protected Word or PowerPoint package is kept in, inside such a file.
ENCRYPTED_PACKAGE = "EncryptedPackage".encode("utf-16-le")
_ENTRY = 128  # bytes a directory entry takes
_OLE_STREAMS = (
    ("WordDocument", OLD_WORD),
    ("PowerPoint Document", OLD_SLIDES),
    ("Workbook", WORKBOOK),
)
# The main part of an Excel package (.xlsx, .xlsm).
_OFFICE_PARTS = (("xl/workbook.xml", WORKBOOK),)
IMAGE = "an image ({kind}), not a {suffix} file: its text needs OCR"
ARCHIVE = "an archive ({kind}), not a {suffix} file: unpack it"
RENAMED = "a {kind} file, not a {suffix} file: rename it"
TEXT = "plain text, not a {suffix} file: rename it to .txt"
PAGE = "a web page, not a {suffix} file: rename it to .html"
# The formats whose files are never plain text (RTF is text, but opens with "{\rtf": read).
_NEVER_TEXT = frozenset({".pdf", ".epub", ".odt", ".rtf", *WORD_SUFFIXES, *SLIDE_SUFFIXES})


def disguised(suffix: str, data: bytes) -> str | None:
    """Why a file named ``suffix`` that its reader refused is of another format, said so the
    admin knows what to do ("an image (PNG), not a .pdf file: its text needs OCR"); None when
    its bytes name no other format, or the one its suffix says (its reader's reason stands)."""
    if not suffix:  # a "NEWS" that is no text: "unsupported type (no extension)" says it
        return None
    image = _image(data)
    if image is not None:
        return IMAGE.format(kind=image, suffix=suffix)
    office = _office(data)
    if office is not None:
        return office.format(suffix=suffix)
    readable = readable_kind(data)
    if readable is not None:
        return (
            None if one_format(readable, suffix) else RENAMED.format(kind=readable, suffix=suffix)
        )
    archive = next((name for mark, name in _ARCHIVES if data.startswith(mark)), None)
    if archive is not None:  # a .docx, .epub or .odt is a zip: a damaged one
        return (
            None
            if suffix in (".epub", ".odt", *WORD_SUFFIXES, *SLIDE_SUFFIXES)
            else ARCHIVE.format(kind=archive, suffix=suffix)
        )
    return _as_text(suffix, data)


def _as_text(suffix: str, data: bytes) -> str | None:
    """Why a file named as a format that is never text, whose bytes are text, is not read: a
    note saved as "report.docx" was "damaged: not a Word document", and the admin looked for
    damage to repair; renamed .txt (or .html, a web page's), it is read."""
    if suffix not in _NEVER_TEXT:
        return None  # a Markdown or web page's own reader said why (a template, a redirect)
    try:
        text = decode(data, Path(f"file{suffix}"))
    except DocumentError:
        return None  # binary: damaged indeed
    head = text.lstrip("\ufeff \t\r\n")[:20].casefold()
    page = head.startswith(("<!doctype html", "<html"))
    return (PAGE if page else TEXT).format(suffix=suffix)


def has_pdf_header(data: bytes, header: bytes = b"%PDF") -> bool:
    """Whether ``data`` holds a PDF's header where PDF readers look for it: in the first
    kilobyte, after junk a mail gateway or a web server may have put before it."""
    return header in data[:1024]


def is_rtf(data: bytes) -> bool:
    """Whether ``data`` is Rich Text: "{\\rtf" first, after white space or UTF-8's mark."""
    return data.removeprefix(codecs.BOM_UTF8).lstrip()[:5] == b"{\\rtf"


def _image(data: bytes) -> str | None:
    found = next((name for mark, name in _IMAGES if data.startswith(mark)), None)
    if found is not None:
        return found
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "WebP"
    if data[:2] == b"BM" and data[6:10] == b"\0\0\0\0" and len(data) > 26:  # reserved fields
        return "BMP"
    return None


def readable_kind(data: bytes) -> str | None:
    """The suffix of another format the library reads that ``data`` plainly is: a PDF (its
    header in the first kilobyte, as PDF readers look for it), an RTF file, or a Word, EPUB or
    OpenDocument package, a PowerPoint presentation; None for anything else (a plain zip, text)."""
    if has_pdf_header(data, b"%PDF-"):
        return ".pdf"
    if is_rtf(data):
        return ".rtf"
    if not data.startswith(b"PK\x03\x04"):
        return None
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            names = set(package.namelist())
            kind = package.read("mimetype").strip() if "mimetype" in names else b""
    except (zipfile.BadZipFile, OSError, KeyError, RuntimeError, EOFError):
        return None
    if "word/document.xml" in names:
        return ".docx"
    if "ppt/presentation.xml" in names:
        return ".pptx"
    return _OPEN_DOCUMENT.get(kind)


def _office(data: bytes) -> str | None:
    """Why ``data`` is an Office file the library reads none of (the Word 97–2003 format, a
    PowerPoint or Excel file, old or new), or None. A Word 97–2003 file renamed ".docx" was
    "damaged", and a ".pptx" so renamed "damaged: not a Word document": the admin looked for
    damage to repair, not for Word's Save As."""
    if data.startswith(OLE):
        return next((said for name, said in _OLE_STREAMS if _ole_entry(data, name)), None)
    if not data.startswith(b"PK\x03\x04"):
        return None
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            names = set(package.namelist())
    except (zipfile.BadZipFile, OSError, RuntimeError, EOFError):
        return None
    return next((said for part, said in _OFFICE_PARTS if part in names), None)


def _ole_entry(data: bytes, name: str) -> bool:
    """Whether the Compound File ``data`` has a stream ``name`` in its directory: an entry (128
    bytes, where the file's 512-byte sectors hold them) opening with the name in UTF-16 and
    its closing zero, any case ("WORDDOCUMENT" in some writers' files), whose length in bytes
    follows at byte 64; what follows the name before it is not always zeros. No text inside a
    stream matches by chance (an encrypted Word 2007 file's "EncryptedPackage" names none)."""
    encoded = name.lower().encode("utf-16-le") + b"\0\0"
    size = len(encoded).to_bytes(2, "little")
    lowered = data.lower()  # ASCII letters only: the zero bytes of UTF-16 stay
    return any(
        at % _ENTRY == 0 and lowered[at + 64 : at + 66] == size
        for at in (found.start() for found in re.finditer(re.escape(encoded), lowered))
    )
