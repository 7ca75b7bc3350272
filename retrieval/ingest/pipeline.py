"""One way in for every document, however it arrives (corpus folder, ``/reload``, an upload):
bytes → the reader of its format → a :class:`ParsedDocument` with at least one paragraph."""

from __future__ import annotations

import logging
import re
import traceback
from pathlib import Path

from retrieval.errors import DocumentError
from retrieval.ingest.parsed import ParsedDocument
from retrieval.ingest.readers import SUPPORTED_SUFFIXES, reader_for
from retrieval.ingest.readers.decoding import MAX_FILE_BYTES
from retrieval.ingest.readers.sniff import disguised, is_rtf

__all__ = ["MAX_FILE_BYTES", "SUPPORTED_SUFFIXES", "read"]

log = logging.getLogger(__name__)
# Why a file a reader broke on is not read: the fault may be the file's or the reader's, and
# either way the other files are read and the user can send this one to whoever keeps the bot.
READER_FAILED = "the reader failed on it ({error}): please report this file"


def read(name: str | Path, data: bytes) -> ParsedDocument:
    """The document in ``data`` (named ``name``, whose suffix picks the reader).

    Raises :class:`DocumentError` with the reason when it can't be used: unsupported type, too
    large, empty, undecodable, damaged, encrypted, no text layer.
    """
    path = Path(name)
    reader = reader_for(_as_rtf(path) if _is_rtf_named_otherwise(path, data) else path)
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
    except DocumentError as error:
        # "damaged: not a PDF file" for a scan saved as .pdf that is a PNG: say what it is
        said = disguised(path.suffix.lower(), data)
        if said is None:
            raise
        raise DocumentError(path, said) from error
    except Exception as error:  # a reader's bug, or a file no test foresaw: never the reload's end
        log.exception("reading %s failed", path)
        raise DocumentError(path, READER_FAILED.format(error=where(error))) from error
    finally:
        # What the readers kept of this document's lines. Imported here: the bot imports this
        # module at start, for uploads, and the plain-text rules take a tenth of a second.
        from retrieval.ingest.readers.lines import forget

        forget()
    if not document.blocks:
        raise DocumentError(path, "no paragraphs of text found")
    if _error_page(path, document):
        raise DocumentError(path, "an error page")
    return document


# A site's page for a missing address ("404.html", "Page not found"): it says only that, and
# answered a question with "The requested page could not be found (404)". Plainly so only: the
# file named for the error or titled "Page not found", a few short lines saying so. (A page about
# the status code, MDN's "404 Not Found", is titled by it, not named, and says more.) Only a
# site's pages, HTML or the Markdown or reST a site is built from (Sphinx's "404.rst"): a
# numbered FAQ entry, ticket or note ("404.txt": "Question 404: My package is not found on the
# mirror.") is a document like any other. The words are English only: a Chinese or Russian
# site's 404 page is still indexed.
_PAGE_SUFFIXES = frozenset({".html", ".htm", ".xhtml", ".md", ".markdown", ".mdx", ".rst"})
_ERROR_NAME = re.compile(r"^[45]\d\d$")
_ERROR_TITLE = re.compile(r"^(?:error\W*)?(?:page not found|not found)\W*$", re.IGNORECASE)
_NOT_FOUND = re.compile(
    r"\bnot (?:be )?found\b|\bdoes(?: not|n't) exist\b|\bno longer exists\b", re.IGNORECASE
)
_ERROR_PAGE_CHARS = 400


def _error_page(path: Path, document: ParsedDocument) -> bool:
    if path.suffix.lower() not in _PAGE_SUFFIXES:
        return False
    if not (_ERROR_NAME.match(path.stem) or _ERROR_TITLE.match(document.title.strip())):
        return False
    text = "\n".join(block.text for block in document.blocks)
    short = len(document.blocks) <= 3 and len(text) <= _ERROR_PAGE_CHARS
    code = any(block.code for block in document.blocks)
    return short and not code and bool(_NOT_FOUND.search(text))


def _is_rtf_named_otherwise(path: Path, data: bytes) -> bool:
    """Rich Text under another name its editor gives it: a ".doc" (Word and WordPad have long
    saved RTF so; the Word 97–2003 format's hint, "save it as .docx", would send the admin on a
    needless errand), or a ".txt" or ".md" (read as text, its markup was quoted: a title of
    "{\\rtf1\\ansi\\ansicpg1252…")."""
    return path.suffix.lower() in _RTF_NAMES and is_rtf(data)


_RTF_NAMES = (".doc", ".txt", ".md", ".markdown")


def _as_rtf(path: Path) -> Path:
    return path.with_suffix(".rtf")


def where(error: Exception) -> str:
    """What went wrong and where, enough for a report: "ZeroDivisionError at pdf.py:763"."""
    frames = traceback.extract_tb(error.__traceback__)
    at = f" at {Path(frames[-1].filename).name}:{frames[-1].lineno}" if frames else ""
    return f"{type(error).__name__}{at}"
