"""Bring the corpus folder into the store: find changed files, parse them, write in one transaction.

Only files whose size, modification time or manifest entry changed are read again. A file that
can't be used is skipped with a reason; if an earlier version of it was indexed, that version stays
(a bad upload never costs the corpus what it had). Everything is written in one transaction, so a
failure half way leaves the previous corpus in place.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import time
import tomllib
from dataclasses import dataclass
from pathlib import Path

from retrieval.errors import DocumentError, IndexBuildError, NoCorpusError
from retrieval.ingest.passages import document_key, passages
from retrieval.ingest.readers.text import SUFFIXES, decode, parse
from retrieval.model import Passage, ReindexReport, SkippedFile
from retrieval.store.corpus import CorpusStore
from retrieval.store.db import transaction
from retrieval.text import clean

MANIFEST = "manifest.toml"
PARSER_VERSION = "3"  # bump when parsing changes, so every file is read again


def corpus_files(folder: Path) -> list[Path]:
    """The documents of ``folder``: ``*.txt`` and ``*.md``, not hidden, in name order."""
    if not folder.is_dir():
        raise NoCorpusError(folder, "the folder does not exist")
    return sorted(
        p
        for p in folder.iterdir()
        if p.suffix.lower() in SUFFIXES and not p.name.startswith(".") and p.is_file()
    )


def read_manifest(folder: Path) -> dict[str, dict[str, str]]:
    """Titles, dates and sources from ``manifest.toml``: a table per file name.

    ```toml
    ["004_ac3189a7eefc069c.txt"]
    title = "China's National Defense in 2004, chapter IX"
    date = "2004-12-27"
    source = "Information Office of the State Council"
    ```
    """
    path = folder / MANIFEST
    if not path.is_file():
        return {}
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError, OSError) as error:
        raise DocumentError(path, f"the manifest {path} cannot be read: {error}") from error
    return {
        name: {k: str(v) for k, v in entry.items() if k in ("title", "date", "source")}
        for name, entry in data.items()
        if isinstance(entry, dict)
    }


@dataclass
class _Parsed:
    doc: str
    row: dict[str, object]
    passages: list[Passage]


def _parse_file(path: Path, data: bytes, manifest: dict[str, str], fingerprint: str) -> _Parsed:
    stat = path.stat()
    text = clean(decode(data, path))
    if not text.strip():
        raise DocumentError(path, "empty")
    parsed = parse(
        text, fallback_title=path.stem.replace("_", " "), markdown=path.suffix.lower() == ".md"
    )
    if not parsed.paragraphs:
        raise DocumentError(path, "no paragraphs of text found")
    if manifest.get("title"):
        parsed.title = manifest["title"]
    items = passages(parsed, path.name)
    row: dict[str, object] = {
        "doc": path.name,
        "key": document_key(path.name),
        "title": parsed.title,
        "date": manifest.get("date") or parsed.date,
        "source": manifest.get("source"),
        "sha256": fingerprint,
        "size": stat.st_size,
        "mtime_ns": stat.st_mtime_ns,
        "paragraphs": len(parsed.paragraphs),
    }
    return _Parsed(path.name, row, items)


def refresh(store: CorpusStore, folder: Path, *, lenient: bool = False) -> ReindexReport:
    """Bring ``store`` up to date with ``folder``; returns what changed.

    ``lenient`` (at start-up): a manifest that can't be read leaves the stored corpus as it is,
    or, for a first index, the titles found in the files are used; it is reported as skipped.
    Otherwise a broken manifest raises :class:`DocumentError` and nothing changes.

    First every file is looked at (size, time, hash) without writing; then, in one transaction,
    the changed files are parsed and written one at a time, so memory holds one document at once
    however large the corpus, and a failure anywhere rolls everything back.
    """
    started = time.perf_counter()
    files = corpus_files(folder)
    known = store.document_rows()
    before = store.passage_count()
    try:
        manifest = read_manifest(folder)
    except DocumentError as error:
        if not lenient:
            raise  # a reload asked for says it failed; the corpus stays as it was
        if known:
            # At start-up a broken manifest must not stop the bot: serve the corpus as it is.
            return ReindexReport(
                unchanged=tuple(sorted(known)),
                skipped=(SkippedFile(MANIFEST, error.reason),),
                paragraphs_before=before,
                paragraphs_after=before,
                seconds=time.perf_counter() - started,
            )
        manifest = {}  # a first index goes ahead with the titles found in the files
        manifest_problem: SkippedFile | None = SkippedFile(MANIFEST, error.reason)
    else:
        manifest_problem = None

    unchanged: list[str] = []
    skipped: list[SkippedFile] = [manifest_problem] if manifest_problem else []
    to_parse: list[Path] = []
    touched: list[tuple[str, int, int]] = []  # unchanged content, new size/mtime to record
    present = set()
    for path in files:
        present.add(path.name)
        entry = manifest.get(path.name, {})
        old = known.get(path.name)
        try:
            stat = path.stat()
            same_file = old and old["size"] == stat.st_size and old["mtime_ns"] == stat.st_mtime_ns
            if same_file and old and old["sha256"] == _fingerprint(b"", entry, str(old["sha256"])):
                unchanged.append(path.name)
                continue
            if old and old["sha256"] == _fingerprint(path.read_bytes(), entry):
                unchanged.append(path.name)
                touched.append((path.name, stat.st_size, stat.st_mtime_ns))
                continue
            to_parse.append(path)
        except OSError as error:  # removed or unreadable while we looked at it
            skipped.append(SkippedFile(path.name, f"cannot be read ({error.strerror or error})"))
            if old:
                present.add(path.name)  # keep serving the version that was readable
    removed = sorted(name for name in known if name not in present)

    added: list[str] = []
    changed: list[str] = []
    db = store.db
    try:
        with transaction(db):  # all of it or none of it
            for name in removed:
                _delete(store, name)
            for path in to_parse:
                entry = manifest.get(path.name, {})
                try:
                    data = path.read_bytes()
                    item = _parse_file(path, data, entry, _fingerprint(data, entry))
                except DocumentError as error:
                    skipped.append(SkippedFile(path.name, error.reason))
                    continue  # an earlier readable version, if any, stays
                except OSError as error:
                    skipped.append(SkippedFile(path.name, f"cannot be read ({error.strerror})"))
                    continue
                (changed if path.name in known else added).append(path.name)
                _delete(store, path.name)
                _insert(store, item)
            for name, size, mtime_ns in touched:
                db.execute(
                    "update documents set size = ?, mtime_ns = ? where doc = ?",
                    [size, mtime_ns, name],
                )
            if not added and not unchanged and not (set(known) & present):
                reasons = "; ".join(f"{s.doc}: {s.reason}" for s in skipped)
                raise NoCorpusError(folder, reasons or "no .txt or .md files")
            if added or changed or removed:
                version = int(store.meta("corpus_version") or 0) + 1
                db.execute(
                    "insert or replace into meta (key, value) values ('corpus_version', ?)",
                    [str(version)],
                )
    except sqlite3.Error as error:
        raise IndexBuildError(f"the corpus could not be written: {error}") from error
    return ReindexReport(
        added=tuple(added),
        changed=tuple(changed),
        removed=tuple(removed),
        unchanged=tuple(unchanged),
        skipped=tuple(skipped),
        paragraphs_before=before,
        paragraphs_after=store.passage_count(),
        seconds=time.perf_counter() - started,
    )


def _fingerprint(data: bytes, manifest_entry: dict[str, str], known: str | None = None) -> str:
    """Content hash plus manifest entry. With ``known``, checks only the manifest part."""
    entry = json.dumps([PARSER_VERSION, manifest_entry], sort_keys=True).encode()
    meta = hashlib.sha256(entry).hexdigest()[:16]
    if known is not None:
        return known if known.endswith(":" + meta) else ""
    return hashlib.sha256(data).hexdigest() + ":" + meta


def _delete(store: CorpusStore, name: str) -> None:
    store.db.execute("delete from passages where doc = ?", [name])
    store.db.execute("delete from documents where doc = ?", [name])


def _insert(store: CorpusStore, item: _Parsed) -> None:
    # Plain SQL: sqlite-utils' insert would commit the surrounding transaction.
    row = item.row
    columns = ", ".join(row)
    marks = ", ".join("?" for _ in row)
    store.db.execute(f"insert into documents ({columns}) values ({marks})", list(row.values()))
    store.db.conn.executemany(
        "insert into passages (id, doc, ordinal, paragraph, section, text)"
        " values (?, ?, ?, ?, ?, ?)",
        [(p.id, p.doc, p.ordinal, p.paragraph, p.section, p.text) for p in item.passages],
    )
