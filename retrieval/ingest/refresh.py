"""Bring the corpus folder into the store: find changed files, parse them, write in one transaction.

Only files whose size, modification time or manifest entry changed are read again. A file that
can't be used is skipped with a reason; if an earlier version of it was indexed, that version stays
(a bad upload never costs the corpus what it had). Everything is written in one transaction, so a
failure half way leaves the previous corpus in place.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import re
import sqlite3
from collections import deque
from collections.abc import Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field, replace
from pathlib import Path

from retrieval.errors import DocumentError, IndexBuildError, NoCorpusError
from retrieval.ingest import fingerprints, links
from retrieval.ingest import manifest as manifests
from retrieval.ingest.savedpages import page_of_parts, parts_reason
from retrieval.model import ReindexReport, SkippedFile
from retrieval.store.corpus import CorpusStore, passage_row
from retrieval.store.db import transaction

MANIFEST = manifests.MANIFEST
PARSER_VERSION = "223"  # bump when parsing changes, so every file is read again
# Below this much to read, files are parsed in this process: the workers' start (imports, the
# language model each) and sending passages back cost 2-4 s of CPU, which reading ~16 MB of text
# on one core (~6 s) is needed to repay; a reload of a few documents never pays it.
PARALLEL_FROM_BYTES = 16 << 20
OUTSIDE = links.OUTSIDE
NOT_UTF8 = "file name is not valid UTF-8 — rename it"
UNREADABLE = "cannot be read"  # a read error (permissions, a locked or lost share): not the file's
logger = logging.getLogger(__name__)


def corpus_files(folder: Path) -> list[Path]:
    """Every file below ``folder``, subfolders included, in path order.

    Hidden files and folders (``.git``, ``.DS_Store``) and the manifest are left out; files of
    formats no reader knows are listed too, so the report can name them instead of skipping them
    silently.
    """
    return corpus_walk(folder)[0]


def corpus_walk(folder: Path) -> tuple[list[Path], list[tuple[Path, str]]]:
    """:func:`corpus_files`, and in the same walk the links that lead to no file (broken,
    looping, to a folder), each with why it is not read (:func:`links.unfollowed`)."""
    if not folder.is_dir():
        if folder.exists():
            raise NoCorpusError(folder, "it is a file, not a folder: give the folder it is in")
        raise NoCorpusError(folder, "the folder does not exist")
    found, unfollowed = [], []
    root = folder.resolve()
    parts: dict[Path, Path | None] = {}  # each folder: the saved page whose parts it holds
    for path in folder.rglob("*"):
        relative = path.relative_to(folder)
        if any(part.startswith(".") for part in relative.parts) or path.name == MANIFEST:
            continue
        if path.is_dir() and not path.is_symlink():
            page = _parts_page(path, parts)
            if page is not None and not _in_parts(path.parent, folder, parts):
                unfollowed.append((path, parts_reason(page)))  # named once, for all in it
            continue
        if _in_parts(path.parent, folder, parts):
            continue
        if path.is_file():
            found.append(path)
        elif path.is_symlink():  # a walk for files passes over it: said why instead
            unfollowed.append((path, links.unfollowed(path, root)))
    return sorted(found, key=lambda p: p.relative_to(folder).as_posix()), sorted(unfollowed)


def _in_parts(directory: Path, folder: Path, parts: dict[Path, Path | None]) -> bool:
    """Whether ``directory`` (below ``folder``) is, or is inside, a saved page's parts folder."""
    while directory != folder:
        if _parts_page(directory, parts) is not None:
            return True
        directory = directory.parent
    return False


def _parts_page(directory: Path, parts: dict[Path, Path | None]) -> Path | None:
    """The saved page whose parts ``directory`` holds (see savedpages), looked up once."""
    if directory not in parts:
        parts[directory] = page_of_parts(directory)
    return parts[directory]


def doc_name(path: Path, folder: Path) -> str:
    """A document's id: its path relative to the corpus folder ("advanced/proxies.md")."""
    return path.relative_to(folder).as_posix()


def shown_name(name: str) -> str:
    """``name`` as it can be shown and sent: the bytes of a file name that are not UTF-8 (the
    surrogates ``os.fsdecode`` stands them for) as "\ufffd"; any other name as it is."""
    try:
        return name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    except UnicodeEncodeError:
        return name.encode("utf-8", "replace").decode("utf-8")


def is_utf8(name: str) -> bool:
    """Whether ``name`` came from a file name that is valid UTF-8 (no stand-in surrogates)."""
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def manifest_examples(folder: Path) -> list[str]:
    """The example questions the manifest suggests (``examples = ["…", …]`` at its top), for
    greetings and help; none when it has none or can't be read (the refresh reports that)."""
    return manifests.read(folder).examples


@dataclass
class _Parsed:
    doc: str
    row: dict[str, object]
    passages: list[tuple[object, ...]]  # as the store writes them (corpus.passage_row)

    @property
    def fingerprint(self) -> str:
        """The fingerprint it was read with (:mod:`fingerprints`)."""
        return str(self.row["sha256"])


def _parse_file(
    path: Path, name: str, data: bytes, manifest: dict[str, str], fingerprint: str
) -> _Parsed:
    # Imported when a file is first read, not with this module: the readers and the passage
    # splitter take a third of a second to import, which a library opened over files that have
    # not changed would pay before its first answer for nothing.
    from retrieval.ingest import pipeline
    from retrieval.ingest.passages import document_key, passages

    stat = path.stat()
    parsed = pipeline.read(path, data)
    title = manifest.get("title") or _without_digest(parsed.title, path)
    parsed.title = title
    items = passages(parsed, name)
    row: dict[str, object] = {
        "doc": name,
        "key": document_key(name),
        "title": title,
        "date": manifest.get("date") or parsed.date,
        "source": manifest.get("source") or parsed.source,
        "author": manifest.get("author") or parsed.author,
        "sha256": fingerprint,
        "size": stat.st_size,
        "mtime_ns": stat.st_mtime_ns,
        "paragraphs": len(parsed.blocks),
        "unread": parsed.unread,
        "keywords": parsed.keywords,
    }
    return _Parsed(name, row, [passage_row(p) for p in items])


# The digest the bot ends an upload's name with when it had to change it ("a_b-1c0e5f2a.txt"
# for "a?b.txt": bot.corpus.safe_name): hex, with a letter and a digit (never a date).
_DIGEST = re.compile(r"-(?=[0-9a-f]*[a-f])(?=[0-9a-f]*[0-9])[0-9a-f]{8}$")


def _without_digest(title: str, path: Path) -> str:
    """A title taken from the file name (``fallback_title``) without the digest of a renamed
    upload: "invoice gpj", not "invoice gpj-5fab1891"; any other title as it is."""
    if title != path.stem.replace("_", " ") or not _DIGEST.search(path.stem):
        return title
    return " ".join(_DIGEST.sub("", path.stem).replace("_", " ").split()) or title


@dataclass
class _Plan:
    """What a refresh found by looking at the files, before writing anything."""

    names: dict[Path, str] = field(default_factory=dict)  # file → its document id
    unchanged: list[str] = field(default_factory=list)
    touched: list[tuple[str, int, int]] = field(default_factory=list)  # new size/mtime only
    to_parse: list[Path] = field(default_factory=list)
    skipped: list[SkippedFile] = field(default_factory=list)
    present: set[str] = field(default_factory=set)
    added: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)  # skipped, its earlier version still served
    read: dict[str, str] = field(default_factory=dict)  # content hash → the document read with it
    entries: dict[str, dict[str, str]] = field(default_factory=dict)  # the manifest's, to parse
    refingerprinted: list[tuple[str, str]] = field(default_factory=list)  # old form, written anew
    manifest_problems: list[str] = field(default_factory=list)
    looked: dict[str, tuple[int, int]] = field(default_factory=dict)  # to parse: size, mtime
    unread: list[tuple[str, str]] = field(default_factory=list)  # parsed and skipped: why
    copies: list[tuple[str, int, int]] = field(default_factory=list)  # skipped: size, mtime
    unread_parts: list[tuple[str, str]] = field(default_factory=list)  # parsed: what not, why
    reread: list[str] = field(default_factory=list)  # changed: only read by a new parser


def refresh(store: CorpusStore, folder: Path, *, workers: int | None = None) -> ReindexReport:
    """Bring ``store`` up to date with ``folder``; returns what changed.

    Mistakes in ``manifest.toml`` are reported (``manifest_problems``) and never stop the
    refresh: what can't be used is left out, and a manifest that is not TOML at all leaves every
    document with the title, date and source it had, even one read again.

    First every file is looked at (size, time, hash) without writing; then, in one transaction,
    the changed files are parsed and written in order, so memory holds a few documents at once
    however large the corpus, and a failure anywhere rolls everything back. Parsing is most of
    the time: with many files it runs in ``workers`` processes (default: one per core) while
    this one writes.
    """
    files, unfollowed = corpus_walk(folder)
    known = store.document_rows()
    before = store.paragraph_count()
    plan = _Plan()
    listed = manifests.read(folder, [doc_name(p, folder) for p in [*files, *dict(unfollowed)]])
    plan.manifest_problems = listed.problems
    plan.skipped.extend(SkippedFile(shown_name(doc_name(p, folder)), why) for p, why in unfollowed)
    _look(plan, files, folder, known, None if listed.broken else listed.entries)
    was_kept = store.skipped.docs() & set(known)  # skipped, their last good version served
    _remembered(plan, store, known)
    _drop_copies(plan, known)
    removed = sorted(name for name in known if name not in plan.present)
    try:
        with transaction(store.db):  # all of it or none of it
            _write(store, plan, removed, known, _parsed(plan, workers))
            if not plan.added and not plan.unchanged and not (set(known) & plan.present):
                reasons = "; ".join(f"{s.doc}: {s.reason}" for s in plan.skipped)
                raise NoCorpusError(folder, reasons or "no documents")
            if plan.added or plan.changed or removed:
                store.bump_version()
    except sqlite3.Error as error:
        raise IndexBuildError(f"the corpus could not be written: {error}") from error
    finally:
        _remember(store, plan)
    report = _report(plan, removed, before, store.paragraph_count())
    # Read again, or found as they were when last read (the spoilt copy put back).
    recovered = tuple(name for name in [*plan.changed, *plan.unchanged] if name in was_kept)
    renamed = _renamed(plan, removed, known)
    partial = _partial(plan, known)
    reread = tuple(name for name in plan.reread if name not in recovered)
    return replace(report, renamed=renamed, recovered=recovered, partial=partial, reread=reread)


def _partial(plan: _Plan, known: dict[str, dict[str, object]]) -> tuple[SkippedFile, ...]:
    """The documents served that were read only in part, and why: those read now as their
    parser said, the others as it said when they were read (a skipped file is named at every
    reload; so is a page left out)."""
    served = {*plan.added, *plan.changed}  # (not a copy found later and dropped)
    unread = {name: why for name, why in plan.unread_parts if name in served}
    for name in plan.unchanged:
        said = known.get(name, {}).get("unread")
        if said:
            unread[name] = str(said)
    return tuple(SkippedFile(name, unread[name]) for name in sorted(unread))


def _renamed(
    plan: _Plan, removed: list[str], known: dict[str, dict[str, object]]
) -> tuple[tuple[str, str], ...]:
    """The documents removed whose content is that of a document added: moved or renamed."""
    pairs = []
    for name in removed:
        moved = plan.read.get(fingerprints.content(str(known[name]["sha256"])))
        if moved is not None and moved in plan.added:
            pairs.append((name, moved))
    return tuple(pairs)


def _remember(store: CorpusStore, plan: _Plan) -> None:
    """Record why the files just parsed were skipped (in a transaction of its own: also when
    no file at all could be read, which rolls the refresh back), and forget the others."""
    try:
        with transaction(store.db):
            for name, reason in plan.unread:
                store.skipped.record(name, *plan.looked[name], PARSER_VERSION, reason)
            # Copies are remembered too, so the next index counts them with the other files
            # skipped as before instead of naming them again (tryout26); never trusted
            # unread (:func:`_remembered`), as their original may have changed since.
            said = {s.doc: s.reason for s in plan.skipped}
            for name, size, mtime_ns in plan.copies:
                store.skipped.record(name, size, mtime_ns, PARSER_VERSION, said[name])
            copies = {name for name, _, _ in plan.copies}
            store.skipped.keep_only({s.doc for s in plan.skipped} & (plan.present | copies))
    except sqlite3.Error:
        logger.warning("could not record the skipped files", exc_info=True)


def _look(
    plan: _Plan,
    files: list[Path],
    folder: Path,
    known: dict[str, dict[str, object]],
    manifest: dict[str, dict[str, str]] | None,
) -> None:
    """Sort the files into unchanged, touched (same content, new time) and to be parsed. With
    no ``manifest`` (it can't be read) each document keeps the entry it was read with last: a
    file whose content did not change is unchanged unless an older parser read it."""
    plan.names = {path: doc_name(path, folder) for path in files}
    root = folder.resolve()
    resolved = _Resolver()
    where = {path: resolved(path) for path in plan.names}  # one look at each file
    documents = {where[p]: name for p, name in plan.names.items() if p not in resolved.links}
    for path, name in plan.names.items():
        if not is_utf8(name):  # no store, message or citation can hold it: said, not read
            plan.skipped.append(SkippedFile(shown_name(name), NOT_UTF8))
            continue
        link = path in resolved.links
        linked = links.problem(path, root, documents) if link else None
        if linked or not where[path].is_relative_to(root):
            # A link out of the folder would let the corpus quote any file of the machine.
            plan.skipped.append(SkippedFile(name, linked or OUTSIDE))
            continue
        if link:  # a second link to the same file is reported, not read again
            documents.setdefault(where[path], name)
        plan.present.add(name)
        old = known.get(name)
        entry = _entry(manifest, name, old)
        try:
            stat = path.stat()
            same_file = old and old["size"] == stat.st_size and old["mtime_ns"] == stat.st_mtime_ns
            # Read and hashed only when the file may be unchanged: not after a parser or a
            # manifest change, which reads it again anyway (once, when it is parsed).
            fits = old is not None and entry is not None and _fits(old, entry)
            if same_file and fits and old and _same(plan, name, str(old["sha256"]), None, entry):
                plan.unchanged.append(name)
                continue
            if fits and old and _same(plan, name, str(old["sha256"]), path.read_bytes(), entry):
                plan.unchanged.append(name)
                plan.touched.append((name, stat.st_size, stat.st_mtime_ns))
                continue
            plan.to_parse.append(path)
            plan.looked[name] = (stat.st_size, stat.st_mtime_ns)
            # While the manifest can't be read and the document's own entry is not known, it is
            # read again with the title, date and source it has, so it keeps them.
            plan.entries[name] = fingerprints.as_entry(old or {}) if entry is None else entry
        except OSError as error:  # removed or unreadable while we looked at it
            plan.skipped.append(SkippedFile(name, f"{UNREADABLE} ({error.strerror or error})"))
            if old:
                plan.kept.append(name)  # an indexed version that was readable stays
            else:
                plan.present.discard(name)


def _remembered(plan: _Plan, store: CorpusStore, known: dict[str, dict[str, object]]) -> None:
    """Leave out of the files to parse those skipped before as they are now (same size, time
    and parser): named with the reason they had, without reading them again (each damaged
    file cost every refresh, so every start of the bot or the CLI, its reading time)."""
    to_parse = []
    for path in plan.to_parse:
        name = plan.names[path]
        reason = store.skipped.reason(name, *plan.looked[name], PARSER_VERSION)
        if reason is None or reason.startswith(COPY_OF) or _readable_now(name, reason):
            to_parse.append(path)  # a copy is checked again
            continue
        plan.skipped.append(SkippedFile(name, reason))
        if name in known:
            plan.kept.append(name)  # its earlier readable version stays
    plan.to_parse = to_parse


def _readable_now(name: str, reason: str) -> bool:
    """Whether a file skipped for a format no reader knew is of one a reader knows now: an
    upgrade that reads PowerPoint reads the slides an admin dropped in before, rather than
    naming them "unsupported" from memory until they are touched."""
    if not reason.startswith("unsupported type"):
        return False
    # Imported here, as the readers are: a start over unchanged files needs none of them.
    from retrieval.ingest.readers import SUPPORTED_SUFFIXES

    return Path(name).suffix.lower() in SUPPORTED_SUFFIXES


def copy_of(name: str) -> str:
    """Why a file with the same bytes as the document ``name`` is not read: every answer from
    it would be shown twice. A copy is a file of its own (a link is said apart: "a link to"),
    so it is "the same text", not "the same file" (tryout26: an admin looked for a link)."""
    return f"{COPY_OF}{name}, which is read under that name"


COPY_OF = "the same text as "  # the start of :func:`copy_of`'s reasons


def _drop_copies(plan: _Plan, known: dict[str, dict[str, object]]) -> None:
    """Leave out each unchanged document whose bytes are those of another (a copy under another
    name, indexed before copies were noticed), reported as such; keep the hash of each one read,
    so a file parsed afterwards (:func:`_write`) is checked against them too."""
    copies = set()
    for name in sorted(plan.unchanged):
        digest = fingerprints.content(str(known[name]["sha256"]))
        if digest in plan.read:
            copies.add(name)
            plan.skipped.append(SkippedFile(name, copy_of(plan.read[digest])))
            row = known[name]
            plan.copies.append((name, int(str(row["size"])), int(str(row["mtime_ns"]))))
        else:
            plan.read[digest] = name
    if copies:
        plan.unchanged = [name for name in plan.unchanged if name not in copies]
        plan.touched = [item for item in plan.touched if item[0] not in copies]
        plan.refingerprinted = [item for item in plan.refingerprinted if item[0] not in copies]
        plan.present -= copies


def _entry(
    manifest: dict[str, dict[str, str]] | None, name: str, old: dict[str, object] | None
) -> dict[str, str] | None:
    """The manifest entry of the document ``name``: the manifest's; while it can't be read
    (None), the one the document was read with last, found from its fingerprint, title, date
    and source (None: not found, as of a fingerprint of the old form from an older parser)."""
    if manifest is not None:
        return manifest.get(name, {})
    if old is None:
        return {}
    return fingerprints.entry_of(str(old["sha256"]), old, PARSER_VERSION)


def _fits(old: dict[str, object], entry: dict[str, str]) -> bool:
    """Whether the document ``old`` was read by this parser with the manifest ``entry``."""
    return fingerprints.matches(str(old["sha256"]), entry, PARSER_VERSION)


def _same(
    plan: _Plan, name: str, stored: str, data: bytes | None, entry: dict[str, str] | None
) -> bool:
    """Whether the fingerprint ``stored`` is that of ``data`` (None: the file's size and time
    are unchanged) read by this parser with the manifest ``entry`` (None: not known, so the
    file is read again). A fingerprint of the old form is noted to be written anew."""
    if entry is None:
        return False
    if data is not None and fingerprints.content(stored) != fingerprints.digest(data):
        return False
    if not fingerprints.matches(stored, entry, PARSER_VERSION):
        return False
    if fingerprints.is_old(stored):
        new = fingerprints.make(fingerprints.content(stored), entry, PARSER_VERSION)
        plan.refingerprinted.append((name, new))
    return True


class _Resolver:
    """``path.resolve()`` of the files of a folder, each folder resolved once: a file that is
    no link resolves to its name in its folder's resolved path, and resolving a path looks up
    every folder above it (thousands of system calls a corpus, not one a file)."""

    def __init__(self) -> None:
        self.folders: dict[Path, Path] = {}
        self.links: set[Path] = set()  # the paths resolved that are links

    def __call__(self, path: Path) -> Path:
        if path.is_symlink():
            self.links.add(path)
            return path.resolve()
        folder = self.folders.get(path.parent)
        if folder is None:
            folder = self.folders[path.parent] = path.parent.resolve()
        return folder / path.name


def _write(
    store: CorpusStore,
    plan: _Plan,
    removed: list[str],
    known: dict[str, dict[str, object]],
    parsed: Iterator[tuple[str, _Parsed | str]],
) -> None:
    """Inside the refresh's transaction: delete, insert the parsed files, record new times."""
    for name in removed:
        store.delete_document(name)
    for name, item in parsed:
        if isinstance(item, str):
            plan.skipped.append(SkippedFile(name, item))
            if not item.startswith(UNREADABLE):  # a read error may pass: read it again
                plan.unread.append((name, item))
            if name in known:
                plan.kept.append(name)  # its earlier readable version stays
            continue
        digest = fingerprints.content(item.fingerprint)
        if digest in plan.read and _older_than(plan, name, plan.read[digest], known):
            # Two new files alike: the older keeps the name, the one copied later is reported
            # ("bat-readme-copy.md" sorted before "bat/README.md" and took its place).
            copy = plan.read[digest]
            store.delete_document(copy)
            plan.added.remove(copy)
            plan.skipped.append(SkippedFile(copy, copy_of(name)))
            plan.copies.append((copy, *plan.looked[copy]))
            del plan.read[digest]
        if digest in plan.read:  # a copy of a document read: every answer would show it twice
            plan.skipped.append(SkippedFile(name, copy_of(plan.read[digest])))
            plan.copies.append((name, *plan.looked[name]))
            if name in known:
                store.delete_document(name)
                removed.append(name)
            continue
        plan.read[digest] = name
        (plan.changed if name in known else plan.added).append(name)
        # An upgrade reads every file again: said apart, not as 87 files "changed" that did not.
        if name in known and fingerprints.only_parser(str(known[name]["sha256"]), item.fingerprint):
            plan.reread.append(name)
        if item.row["unread"]:
            plan.unread_parts.append((name, str(item.row["unread"])))
        store.delete_document(name)
        store.insert_rows(item.row, item.passages)
    for name, size, mtime_ns in plan.touched:
        store.touch_document(name, size, mtime_ns)
    for name, fingerprint in plan.refingerprinted:
        store.set_fingerprint(name, fingerprint)


def _older_than(plan: _Plan, name: str, other: str, known: dict[str, dict[str, object]]) -> bool:
    """Whether the file ``name`` keeps its name over ``other``, new this refresh: a document
    read before does, whatever its copies' times (an upgrade reads both again, and the copy
    sorted first took the name: "Renamed: A00_2021_Introduction.md →
    0x00_2021-introduction.md", tryout26); of two new files, the one changed first."""
    if other in known or other not in plan.added:
        return False
    return name in known or plan.looked[name][1] < plan.looked[other][1]


def _parse_path(path: Path, name: str, entry: dict[str, str], version: str) -> _Parsed | str:
    """One file read and parsed (in a worker process when there are many): its document, or
    why it is skipped. ``version`` is the refreshing process's PARSER_VERSION, so a worker
    started from newer code on disk fingerprints the file as the next refresh will check it."""
    try:
        data = path.read_bytes()
        fingerprint = fingerprints.make(fingerprints.digest(data), entry, version)
        return _parse_file(path, name, data, entry, fingerprint)
    except DocumentError as error:
        return error.reason
    except OSError as error:
        return f"{UNREADABLE} ({error.strerror})"
    except Exception as error:  # splitting its passages broke: the other files are still read
        logger.exception("indexing %s failed", path)
        from retrieval.ingest import pipeline  # (see _parse_file)

        return pipeline.READER_FAILED.format(error=pipeline.where(error))


def _parsed(plan: _Plan, workers: int | None) -> Iterator[tuple[str, _Parsed | str]]:
    """``(document id, parsed document or reason skipped)`` of each file to parse, in order."""
    jobs = [
        (path, plan.names[path], plan.entries[plan.names[path]], PARSER_VERSION)
        for path in plan.to_parse
    ]
    count = _default_workers(plan.to_parse) if workers is None else workers
    if count <= 1 or len(jobs) <= 1:
        for job in jobs:
            yield job[1], _parse_path(*job)
        return
    # spawn, not fork: the bot has threads. A few files ahead at most, so memory stays bounded.
    with ProcessPoolExecutor(count, multiprocessing.get_context("spawn")) as pool:
        pending: deque[tuple[str, Future[_Parsed | str]]] = deque()
        for job in jobs:
            pending.append((job[1], pool.submit(_parse_path, *job)))
            if len(pending) > 2 * count:
                name, future = pending.popleft()
                yield name, future.result()
        while pending:
            name, future = pending.popleft()
            yield name, future.result()


def _default_workers(paths: list[Path]) -> int:
    """One worker per core when there is enough to read, else none (parse here)."""
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else 1
    if cores <= 1:
        return 1
    size = 0
    for path in paths:
        try:
            size += path.stat().st_size
        except OSError:
            continue  # reported when it is parsed
        if size >= PARALLEL_FROM_BYTES:
            return cores
    return 1


def _report(plan: _Plan, removed: list[str], before: int, after: int) -> ReindexReport:
    return ReindexReport(
        added=tuple(plan.added),
        changed=tuple(plan.changed),
        removed=tuple(removed),
        unchanged=tuple(plan.unchanged),
        skipped=tuple(plan.skipped),
        kept=tuple(sorted(plan.kept)),
        paragraphs_before=before,
        paragraphs_after=after,
        manifest_problems=tuple(plan.manifest_problems),
    )
