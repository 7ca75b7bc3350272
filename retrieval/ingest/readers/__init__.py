"""Readers: one per file format, each turning a file's bytes into a :class:`ParsedDocument`.

Every reader has the same signature, ``read(data: bytes, path: Path) -> ParsedDocument``, and raises
:class:`~retrieval.errors.DocumentError` with a short reason a user can act on ("encrypted", "no
text layer — needs OCR", "damaged: …"). Readers are imported when a file of their format is first
met, so a corpus of text files never loads the PDF or Word libraries.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from pathlib import Path

from retrieval.errors import DocumentError
from retrieval.ingest.parsed import ParsedDocument

Reader = Callable[[bytes, Path], ParsedDocument]

# suffix → "module:function" of the reader for that format
READERS: dict[str, str] = {
    ".txt": "retrieval.ingest.readers.text:read_text",
    ".md": "retrieval.ingest.readers.markdown:read_markdown",
    ".markdown": "retrieval.ingest.readers.markdown:read_markdown",
    ".html": "retrieval.ingest.readers.html:read_html",
    ".htm": "retrieval.ingest.readers.html:read_html",
    ".pdf": "retrieval.ingest.readers.pdf:read_pdf",
    ".docx": "retrieval.ingest.readers.docx:read_docx",
    ".epub": "retrieval.ingest.readers.epub:read_epub",
    ".odt": "retrieval.ingest.readers.odt:read_odt",
}
SUPPORTED_SUFFIXES = tuple(READERS)


def reader_for(path: Path) -> Reader:
    """The reader of ``path``'s format; :class:`DocumentError` "unsupported type" otherwise."""
    target = READERS.get(path.suffix.lower())
    if target is None:
        kind = path.suffix.lower() or "no extension"
        raise DocumentError(path, f"unsupported type ({kind})")
    module, _, function = target.partition(":")
    reader: Reader = getattr(importlib.import_module(module), function)
    return reader
