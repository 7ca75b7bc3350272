"""The corpus folder as admins change it from Telegram: safe names, checked uploads, atomic writes.

No Telegram here: bytes and file names in, files in the corpus folder out. An upload is read by
the library's own pipeline (:func:`retrieval.ingest.pipeline.read`, the reader of its format)
before anything is written, so a file the library would skip is refused up front with the same
reason, and the file is saved as it came: the folder's next read parses it the same way. Names
are made safe (:func:`safe_name`): a basename of letters and digits of any script and a few plain
signs, never hidden, with a suffix the library reads; so an upload can never land outside the
folder or replace the manifest by chance. ``manifest.toml`` itself (titles, dates, sources and
authors) is sent as that name and checked as the library reads it (:func:`check_manifest`).
"""

from __future__ import annotations

import hashlib
import os
import re
import secrets
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from bot.errors import UploadError
from bot.render.html import unbidi
from retrieval.errors import DocumentError, NoCorpusError
from retrieval.ingest import manifest, pipeline, readers
from retrieval.ingest.readers.sniff import is_rtf, readable_kind
from retrieval.ingest.refresh import corpus_files, is_utf8

NAME_LIMIT = 80  # characters of a saved file name's stem
DEFAULT_STEM = "document"
DEFAULT_SUFFIX = ".txt"  # a file sent without a suffix is read as text
MAX_FILE_BYTES = pipeline.MAX_FILE_BYTES
NAME_BYTES = 200  # UTF-8 bytes of a stem: a file name holds 255, and CJK takes 3 a character
_SIGNS = frozenset(" ._-()[]+,&'")
_TEMP_PREFIX = ".upload-"  # hidden: the library never reads a file being written

MANIFEST = manifest.MANIFEST

__all__ = ["MAX_FILE_BYTES", "Upload", "UploadError", "prepare_upload", "safe_name"]


@dataclass(frozen=True)
class Upload:
    """A checked upload, ready to be written: its safe file name, its bytes, and the paragraphs
    it holds, as /sources and the reload's report count them (the last ¶ its citations show)."""

    name: str
    data: bytes
    paragraphs: int


def _base(file_name: str) -> str:
    """A sent file's name without any folder before it ("a/b\\c.txt" → "c.txt")."""
    return re.split(r"[/\\]", file_name)[-1]


def suffix_of(file_name: str) -> str:
    """The lower-case suffix of the last path component (``""`` when it has none)."""
    base = _base(file_name)
    stem, dot, suffix = base.rpartition(".")
    return "." + suffix.lower() if dot and stem.strip(".") else ""


def is_accepted(file_name: str) -> bool:
    """True for a name the library reads (:data:`pipeline.SUPPORTED_SUFFIXES`) or no suffix."""
    return suffix_of(file_name) in ("", *pipeline.SUPPORTED_SUFFIXES)


def save_as(file_name: str) -> str | None:
    """The suffix a file of a format no reader knows should be saved as, as its hint in
    :data:`readers.SAVE_AS` says (".doc": ".docx", ".ppt": ".pptx"); None for a picture or an
    archive, which no saving turns into text (a photo was told "save it as .docx")."""
    hint = readers.SAVE_AS.get(suffix_of(file_name), "")
    found = re.search(r"\bas (\.\w+)", hint)
    return found.group(1) if found else None


def is_archive(file_name: str) -> bool:
    """Whether the name is an archive's (".zip", ".tar.gz", ".7z"), which is unpacked rather
    than refused as any other kind (see :data:`readers.SAVE_AS`), or a compressed file's
    (".tar.xz", ".bz2", ".zst"), which is unpacked as well."""
    suffix = suffix_of(file_name)
    return suffix in _COMPRESSED or "archive" in readers.SAVE_AS.get(suffix, "")


# The compressors' suffixes beside gzip's, alone or after ".tar" (and tar's short forms).
_COMPRESSED = frozenset(
    (".xz", ".bz2", ".zst", ".lz", ".lzma", ".lz4", ".tbz", ".tbz2", ".txz", ".tzst", ".tgz")
)


def may_be_rtf(file_name: str) -> bool:
    """Whether a file refused by its name may be Rich Text, which Word and WordPad save as
    ".doc" too: its bytes say (see :func:`as_read`)."""
    return suffix_of(file_name) == ".doc"


def as_read(file_name: str, data: bytes) -> str:
    """The name an upload is read under: a ".doc" that is Rich Text as ".rtf"."""
    if may_be_rtf(file_name) and is_rtf(data):
        return file_name[: -len(".doc")] + ".rtf"
    return file_name


def kind_of(data: bytes) -> str | None:
    """The suffix ``data``'s own contents call for, when they say it plainly: ".pdf" for a PDF,
    ".rtf" for Rich Text, ".docx", ".epub" or ".odt" for those zip packages, ".txt" for UTF-8
    text; else None. For a refused upload named wrongly ("notes.txt" that is a PDF, "report.pdf"
    that is text)."""
    readable = readable_kind(data)
    if readable is not None or data.startswith(b"PK\x03\x04"):  # a plain zip is no text
        return readable
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return None
    return ".txt" if text.strip() and "\x00" not in text else None


_PACKAGED = (".pdf", ".docx", ".pptx", ".epub", ".odt", ".rtf")  # kinds that are never plain text


def renamed(file_name: str, data: bytes) -> str | None:
    """The name a refused upload should have been sent with, when its contents are of another
    kind the library reads than its suffix says ("notes.txt" → "notes.pdf"); else None."""
    kind, suffix = kind_of(data), suffix_of(file_name)
    # A Word template or a document with macros is a ".docx" package read as one: "send it
    # again named x.docx" would be refused for the same reason (an empty letterhead template).
    if kind is None or readers.one_format(kind, suffix):
        return None
    if kind == ".txt" and suffix not in _PACKAGED:  # a web page or Markdown is text too
        return None
    stem = safe_name(file_name).rsplit(".", 1)[0]
    return stem + kind


def is_manifest(file_name: str) -> bool:
    """Whether an upload is the corpus's ``manifest.toml`` (in any case: "Manifest.TOML")."""
    return _base(file_name).strip().casefold() == MANIFEST


def check_manifest(data: bytes) -> None:
    """Raise :class:`UploadError` for an uploaded manifest the library could not use at all
    (not TOML, not UTF-8), which must not replace the one the documents have; the smaller
    mistakes in one it can use (a date that is no date) the reload after it reports."""
    read = manifest.parse(data)
    if read.broken:
        raise UploadError(read.why)


def accepted_kinds() -> str:
    """The formats an upload may have, for a message: ".txt, .md, .html", each by its first
    suffix (".md", not also ".markdown" and ".mdx"; ".docx", not its three variants): the
    list of every suffix ran to twenty, and the formats were hard to see in it."""
    readers_of: dict[str, str] = {}
    for suffix, reader in readers.READERS.items():
        readers_of.setdefault(reader, suffix)
    return ", ".join(readers_of.values())


def safe_name(file_name: str) -> str:
    """The name an upload is saved under: the basename only, of letters and digits of any
    script (Cyrillic, CJK, accented: :func:`_kept`), spaces and ``._-()[]+,&'``, no leading dot or
    dash, at most :data:`NAME_LIMIT` characters (and :data:`NAME_BYTES` bytes) before a suffix
    the library reads (a name without one, or with another, gets ``.txt``).
    ``../../etc/passwd`` → ``passwd.txt``; "Отчёт 2024.txt" stays as it is. Bidi controls
    go first, unmarked ("invoice\u202egpj.txt", shown as "invoicetxt.jpg", is "invoicegpj.txt").

    A name that had to lose or change a character (``a?b.txt``), or to be cut, ends with a
    digest of the name sent (``a_b-1c0e5f2a.txt``), so two different names never become one.
    """
    base = unicodedata.normalize("NFC", unbidi(_base(file_name)))
    suffix = suffix_of(base)
    stem = base[: -len(suffix)] if suffix else base
    kept = "".join(char if _kept(char) else "_" for char in stem)
    kept = re.sub(r"\.{2,}", ".", kept).strip("._- ")  # never "..", not even inside a name
    if kept != stem or _too_long(kept):
        digest = "-" + hashlib.sha1(base.encode("utf-8", "surrogatepass")).hexdigest()[:8]
        kept = _cut(kept, NAME_LIMIT - len(digest)) if kept else DEFAULT_STEM
        kept += digest
    ending = suffix if suffix in pipeline.SUPPORTED_SUFFIXES else DEFAULT_SUFFIX
    return (kept or DEFAULT_STEM) + ending


def _kept(char: str) -> bool:
    """Whether ``char`` is kept in a saved name: a letter, digit or mark of any script, or one
    of a few plain signs; never a control or format character (a right-to-left override), a
    path separator, or what Windows refuses (``<>:"|?*``)."""
    return unicodedata.category(char)[0] in "LMN" or char in _SIGNS


def _too_long(stem: str) -> bool:
    return len(stem) > NAME_LIMIT or len(stem.encode("utf-8")) > NAME_BYTES


def _cut(stem: str, most: int) -> str:
    """``stem`` cut to at most ``most`` characters and :data:`NAME_BYTES` bytes, never ending
    in a space or sign."""
    stem = stem[:most]
    while len(stem.encode("utf-8")) > NAME_BYTES - 9:
        stem = stem[:-1]
    return stem.rstrip("._- ") or DEFAULT_STEM


def prepare_upload(file_name: str, data: bytes) -> Upload:
    """Check an uploaded file as the library will read it.

    Raises :class:`UploadError` for a kind of file the library does not read, or one it would
    skip (too large, binary, undecodable, empty, damaged, without a paragraph of text), with the
    library's reason.
    """
    if not is_accepted(file_name):
        raise UploadError(f"not a file I can read ({accepted_kinds()})")
    name = safe_name(file_name)
    try:
        parsed = pipeline.read(name, data)
    except DocumentError as error:
        raise UploadError(error.reason) from error
    return Upload(name, data, len(parsed.blocks))


def document_names(folder: Path) -> list[str]:
    """The names of the documents in the corpus folder, as the library reads them (none when
    the folder is missing). A name that is not UTF-8 is left out: no message can hold it, and
    every reload's report names it (:data:`retrieval.ingest.refresh.NOT_UTF8`)."""
    try:
        names = [path.relative_to(folder).as_posix() for path in corpus_files(folder)]
    except NoCorpusError:
        return []
    return [name for name in names if is_utf8(name)]


def same_document(folder: Path, data: bytes) -> str | None:
    """The name of the document in the corpus folder whose bytes are ``data`` (an upload of a
    copy under another name, which the reload would leave out as a copy), or None. Only files of
    the same size are read."""
    digest = hashlib.sha256(data).digest()
    for name in document_names(folder):
        path = folder / name
        try:
            if (
                path.stat().st_size == len(data)
                and hashlib.sha256(path.read_bytes()).digest() == digest
            ):
                return name
        except OSError:
            continue
    return None


def find_document(folder: Path, name: str) -> Path | None:
    """The corpus file called exactly ``name``; None for any other name (paths included)."""
    return folder / name if name in document_names(folder) else None


def write_document(folder: Path, name: str, data: bytes, *, replace: bool) -> Path:
    """Write ``data`` as ``folder/name`` atomically (a hidden temporary file, then a rename).

    Without ``replace`` an existing file is never overwritten: :class:`FileExistsError`.
    """
    if name != safe_name(name) and name != MANIFEST:
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
