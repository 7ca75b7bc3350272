"""The corpus folder as admins change it from Telegram: safe names, HTML to text, atomic writes.

No Telegram here: bytes and file names in, files in the corpus folder out. An upload is checked
the way the library will read it (:func:`retrieval.documents.decode`, then parsed into paragraphs)
before anything is written, so a file that would be skipped is refused up front. Names are made
safe (:func:`safe_name`): a basename of ``[A-Za-z0-9._-]``, never hidden, with a ``.txt`` or
``.md`` suffix; so an upload can never land outside the folder or replace the manifest.

    UploadError          the upload cannot become a document (kind, size, text); ``reason`` says why
"""

from __future__ import annotations

import html
import os
import re
import secrets
import unicodedata
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

from retrieval.errors import DocumentError, NoCorpusError
from retrieval.ingest.readers.text import MAX_FILE_BYTES, SUFFIXES, decode, parse
from retrieval.ingest.refresh import corpus_files
from retrieval.text import clean

NAME_LIMIT = 80  # characters of a saved file name's stem
HTML_SUFFIXES = (".html", ".htm")
TEXT_SUFFIXES = SUFFIXES  # what the library reads: .txt and .md
DEFAULT_STEM = "document"
_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")
_TEMP_PREFIX = ".upload-"  # hidden: the library never reads a file being written


class UploadError(ValueError):
    """An uploaded file cannot become a document; ``reason`` is a few words for the admin."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class Upload:
    """A checked upload, ready to be written: its safe file name and its UTF-8 text."""

    name: str
    data: bytes
    paragraphs: int


def suffix_of(file_name: str) -> str:
    """The lower-case suffix of the last path component (``""`` when it has none)."""
    base = re.split(r"[/\\]", file_name)[-1]
    stem, dot, suffix = base.rpartition(".")
    return "." + suffix.lower() if dot and stem.strip(".") else ""


def is_accepted(file_name: str) -> bool:
    """True for a name the bot takes: ``.txt``, ``.md``, ``.html``/``.htm``, or no suffix."""
    return suffix_of(file_name) in ("", *TEXT_SUFFIXES, *HTML_SUFFIXES)


def safe_name(file_name: str) -> str:
    """The name an upload is saved under: the basename only, ``[A-Za-z0-9._-]``, no leading dot,
    at most :data:`NAME_LIMIT` characters before a ``.txt`` or ``.md`` suffix (HTML and names
    without a suffix become ``.txt``). ``../../etc/passwd`` → ``passwd.txt``."""
    base = re.split(r"[/\\]", file_name)[-1]
    suffix = suffix_of(base)
    stem = base[: -len(suffix)] if suffix else base
    ascii_stem = unicodedata.normalize("NFKD", stem).encode("ascii", "ignore").decode("ascii")
    ascii_stem = _UNSAFE.sub("_", ascii_stem)
    ascii_stem = re.sub(r"\.{2,}", ".", ascii_stem)  # never "..", not even inside a name
    ascii_stem = re.sub(r"_{2,}", "_", ascii_stem).strip("._- ")[:NAME_LIMIT].rstrip("._-")
    return (ascii_stem or DEFAULT_STEM) + (suffix if suffix in TEXT_SUFFIXES else ".txt")


# HTML → text ----------------------------------------------------------------------------------

# Not text: their content is dropped (the <title> is kept apart, as the first paragraph).
_DROPPED = frozenset({"script", "style", "nav", "header", "footer", "noscript", "template", "svg"})
_BLOCKS = frozenset(
    {
        "p", "div", "section", "article", "main", "aside", "blockquote", "pre", "figure",
        "figcaption", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "dl", "dt", "dd",
        "table", "thead", "tbody", "tr", "td", "th", "caption", "address", "hr", "form",
        "fieldset", "details", "summary", "body", "html", "title",
    }
)  # fmt: skip


class _TextExtractor(HTMLParser):
    """Collects the visible text of an HTML page: one paragraph per block element."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)  # entities come out decoded
        self.paragraphs: list[str] = []
        self.title = ""
        self._current: list[str] = []
        self._dropped: list[str] = []  # the open elements whose content is not text
        self._in_title = False

    def _flush(self) -> None:
        text = " ".join("".join(self._current).split())
        if text:
            self.paragraphs.append(text)
        self._current = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "title":
            self._in_title = True
        if tag in _DROPPED:
            self._dropped.append(tag)
        elif tag == "br":
            self._current.append(" ")
        elif tag in _BLOCKS and not self._dropped:
            self._flush()

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False
        if tag in _DROPPED and tag in self._dropped:
            while self._dropped and self._dropped.pop() != tag:
                pass
        elif tag in _BLOCKS and not self._dropped:
            self._flush()

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title += data  # said once, first, by html_to_text
        elif not self._dropped:
            self._current.append(data)

    def close(self) -> None:
        super().close()
        self._flush()


def html_to_text(page: str) -> str:
    """The text of an HTML page: scripts, styles, navigation, headers and footers dropped; every
    block element (paragraph, heading, list item, cell...) a paragraph; blank lines between
    them; entities decoded. The page's ``<title>`` comes first unless the body starts with it."""
    extractor = _TextExtractor()
    extractor.feed(page)
    extractor.close()
    paragraphs = extractor.paragraphs
    title = " ".join(html.unescape(extractor.title).split())
    if title and (not paragraphs or paragraphs[0] != title):
        paragraphs = [title, *paragraphs]
    return "\n\n".join(paragraphs) + "\n" if paragraphs else ""


# Checking and writing -------------------------------------------------------------------------


def prepare_upload(file_name: str, data: bytes) -> Upload:
    """Check an uploaded file as the library will read it and turn it into the text to save.

    Raises :class:`UploadError` for a kind of file the bot does not take, or one that is too
    large, binary, undecodable, empty or without a paragraph of text.
    """
    if not is_accepted(file_name):
        raise UploadError("not a .txt, .md or .html file")
    name = safe_name(file_name)
    if len(data) > MAX_FILE_BYTES:
        raise UploadError(f"too large ({len(data) / 1_048_576:.1f} MB; the limit is 20 MB)")
    try:
        text = decode(data, Path(name))
    except DocumentError as error:
        raise UploadError(error.reason) from error
    if suffix_of(file_name) in HTML_SUFFIXES:
        text = html_to_text(text)
    text = clean(text)
    if not text.strip():
        raise UploadError("empty")
    parsed = parse(text, fallback_title=Path(name).stem.replace("_", " "))
    if not parsed.paragraphs:
        raise UploadError("no paragraphs of text found")
    return Upload(name, text.encode("utf-8"), len(parsed.paragraphs))


def document_names(folder: Path) -> list[str]:
    """The names of the documents in the corpus folder, as the library reads them (none when
    the folder is missing)."""
    try:
        return [path.name for path in corpus_files(folder)]
    except NoCorpusError:
        return []


def find_document(folder: Path, name: str) -> Path | None:
    """The corpus file called exactly ``name``; None for any other name (paths included)."""
    return folder / name if name in document_names(folder) else None


def write_document(folder: Path, name: str, data: bytes, *, replace: bool) -> Path:
    """Write ``data`` as ``folder/name`` atomically (a hidden temporary file, then a rename).

    Without ``replace`` an existing file is never overwritten: :class:`FileExistsError`.
    """
    if name != safe_name(name):
        raise ValueError(f"not a safe document name: {name!r}")
    target = folder / name
    temp = folder / f"{_TEMP_PREFIX}{secrets.token_hex(6)}.tmp"
    try:
        with open(temp, "xb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if replace:
            os.replace(temp, target)
        else:
            os.link(temp, target)  # fails, atomically, when the name is taken meanwhile
    finally:
        temp.unlink(missing_ok=True)
    return target


def remove_document(folder: Path, name: str) -> bool:
    """Delete the corpus file ``name``; False when there is no such document."""
    path = find_document(folder, name)
    if path is None:
        return False
    path.unlink(missing_ok=True)
    return True
