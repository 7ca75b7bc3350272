"""The reader of Markdown files: headings become sections, markup is read as a reader sees it."""

from __future__ import annotations

from pathlib import Path

from retrieval.ingest.parsed import ParsedDocument
from retrieval.ingest.readers.text import fallback_title, parse, text_of


def read_markdown(data: bytes, path: Path) -> ParsedDocument:
    """The reader of ``.md`` files."""
    return parse(text_of(data, path), fallback_title=fallback_title(path), markdown=True)
