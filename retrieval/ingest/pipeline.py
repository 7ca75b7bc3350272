"""One way in for every document, however it arrives (corpus folder, ``/reload``, an upload):
bytes → the reader of its format → a :class:`ParsedDocument` with at least one paragraph."""

from __future__ import annotations

from pathlib import Path

from retrieval.errors import DocumentError
from retrieval.ingest.parsed import ParsedDocument
from retrieval.ingest.readers import SUPPORTED_SUFFIXES, reader_for
from retrieval.ingest.readers.decoding import MAX_FILE_BYTES

__all__ = ["MAX_FILE_BYTES", "SUPPORTED_SUFFIXES", "read"]


def read(name: str | Path, data: bytes) -> ParsedDocument:
    """The document in ``data`` (named ``name``, whose suffix picks the reader).

    Raises :class:`DocumentError` with the reason when it can't be used: unsupported type, too
    large, empty, undecodable, damaged, encrypted, no text layer.
    """
    path = Path(name)
    reader = reader_for(path)
    if len(data) > MAX_FILE_BYTES:
        raise DocumentError(path, f"too large ({len(data) / 1_048_576:.2f} MB; the limit is 20 MB)")
    if not data.strip():
        raise DocumentError(path, "empty")
    try:
        document = reader(data, path)
    except (RecursionError, MemoryError) as error:
        # A crafted file (a thousand nested boxes, a page 200 km wide) must not cost the reload
        # every other file: it is skipped as damaged, like a file its library cannot open.
        kind = "nested too deeply" if isinstance(error, RecursionError) else "too large to lay out"
        raise DocumentError(path, f"damaged: {kind}") from None
    if not document.blocks:
        raise DocumentError(path, "no paragraphs of text found")
    return document
