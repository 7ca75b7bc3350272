"""Reliability at the library level: corpus files that are not what they seem, and the database
failing (locked, damaged, deleted, a full disk) while the corpus is read.

Every bad file is skipped with a reason while the good ones beside it are indexed; every fault
leaves the previous corpus serving, or a new one rebuilt from the folder.
"""

from __future__ import annotations

import errno
import random
import shutil
import sqlite3
import threading
import unicodedata
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

import retrieval.ingest.refresh
from retrieval.errors import IndexBuildError, StoreError
from retrieval.ingest.passages import MAX_PASSAGE_CHARS
from retrieval.library import Library
from retrieval.search import generations

MakeCorpus = Callable[..., Path]

HARBOUR = (
    "Harbour Report\n\n"
    "The harbour committee met in spring to discuss the expansion of the port.\n\n"
    "Members agreed that the harbour needs deeper berths for larger cargo ships.\n"
)
ORCHARD = (
    "Orchard Notes\n\n"
    "The apple harvest in the northern valley begins in late September every year.\n"
)
_RANDOM = random.Random(7)

# name: (bytes, the reason it is skipped)
BAD_FILES: dict[str, tuple[bytes, str]] = {
    # A file of another known format says which, and what to do (was "binary").
    "PNG image": (
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 16,
        "an image (PNG)",
    ),
    "ELF program": (b"\x7fELF\x02\x01\x01\x00" + bytes(56) + bytes(range(256)) * 8, "binary"),
    "ZIP archive": (b"PK\x03\x04\x14\x00\x00\x00\x08\x00" + _RANDOM.randbytes(2048), "unpack it"),
    "PDF with a binary stream": (
        b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Length 512 >>\nstream\n"
        + bytes(range(256)) * 2
        + b"\nendstream\nendobj\n",
        "a .pdf file, not a .txt file: rename it",
    ),
    "random bytes": (_RANDOM.randbytes(8192), "binary"),
    "only NUL bytes": (bytes(4096), "binary"),
    "UTF-16 mark, then odd bytes": (b"\xff\xfe" + b"\x00\xd8" * 10, "not decodable as UTF-16"),
    "text full of control characters": (b"\x01\x02\x03\x04 harbour " * 200, "binary"),
    "undecodable": (b"\x81\x8d\x8f\x90\x9d" * 200, "not decodable"),
    "0 bytes": (b"", "empty"),
    "only white space": (b"  \n\n\t \r\n ", "empty"),
    "only a UTF-8 byte order mark": (b"\xef\xbb\xbf", "empty"),
    "only zero-width spaces": ("\u200b\u200b\ufeff\n".encode(), "empty"),
    "only headings": (b"A Title\n\nAnd A Heading\n", "no paragraphs"),
    "one 50 MB line": (b"harbour " * (50 * 1024 * 1024 // 8), "too large"),
    "21 MB of paragraphs": (
        (HARBOUR * (21 * 1024 * 1024 // len(HARBOUR) + 1)).encode(),
        "too large",
    ),
}


@pytest.mark.parametrize("name", list(BAD_FILES))
def test_a_bad_file_is_skipped_with_its_reason_and_the_others_are_indexed(
    make_corpus: MakeCorpus, tmp_path: Path, name: str
) -> None:
    data, reason = BAD_FILES[name]
    folder = make_corpus({"harbour.txt": HARBOUR, "bad.txt": data})
    library = Library.open(tmp_path / "q.db", folder)
    try:
        report = library.last_report
        assert report is not None and report.added == ("harbour.txt",)
        (skipped,) = report.skipped
        assert skipped.doc == "bad.txt" and reason in skipped.reason
        assert [d.doc for d in library.documents()] == ["harbour.txt"]
        assert library.answer("harbour berths").hits[0].passage.doc == "harbour.txt"
    finally:
        library.close()


TEXT = "Pilot Notes\n\nThe pilot said: “Zürich’s façade faces the Rhône harbour” – at dawn.\n"
# name: (bytes, a word of it to search)
GOOD_ENCODINGS: dict[str, tuple[bytes, str]] = {
    "UTF-8": (TEXT.encode(), "façade"),
    "UTF-8 with a byte order mark": (b"\xef\xbb\xbf" + TEXT.encode(), "façade"),
    "Latin-1": (
        TEXT.replace("“", '"')
        .replace("”", '"')
        .replace("’", "'")
        .replace("–", "-")
        .encode("latin-1"),
        "façade",
    ),
    "Windows-1252 (smart quotes)": (TEXT.encode("cp1252"), "Zürich"),
    "UTF-16 LE with a mark": (TEXT.encode("utf-16"), "façade"),
    "UTF-16 BE with a mark": (b"\xfe\xff" + TEXT.encode("utf-16-be"), "Rhône"),
    "Windows line ends": (TEXT.replace("\n", "\r\n").encode(), "façade"),
    "old Mac line ends": (TEXT.replace("\n", "\r").encode(), "façade"),
    "mojibake (UTF-8 read as Latin-1)": (TEXT.encode().decode("latin-1").encode(), "façade"),
    "NFD accents": (unicodedata.normalize("NFD", TEXT).encode(), "façade"),
    "zero-width and control characters inside": (
        TEXT.replace("pilot", "pi\u200blot\x07").encode(),
        "pilot",
    ),
}


@pytest.mark.parametrize("name", list(GOOD_ENCODINGS))
def test_text_in_any_usual_encoding_is_read_and_searchable(
    make_corpus: MakeCorpus, tmp_path: Path, name: str
) -> None:
    data, word = GOOD_ENCODINGS[name]
    folder = make_corpus({"harbour.txt": HARBOUR, "pilot.txt": data})
    library = Library.open(tmp_path / "q.db", folder)
    try:
        report = library.last_report
        assert report is not None and report.skipped == ()
        (passage,) = [p for _, p in library.store.all_passages() if p.doc == "pilot.txt"]
        assert word in passage.text and "pilot" in passage.text
        assert "\x07" not in passage.text and "\u200b" not in passage.text
        assert library.answer(f"{word} pilot").hits[0].passage.doc == "pilot.txt"
    finally:
        library.close()


def test_one_huge_line_without_full_stops_becomes_passages_of_a_usual_size(
    make_corpus: MakeCorpus, tmp_path: Path
) -> None:
    rnd = random.Random(3)
    words = "trade security treaty harbour ships cooperation peace border energy".split()
    line = " ".join(rnd.choice(words) for _ in range(150_000))  # about 1 MB, one "sentence"
    folder = make_corpus({"harbour.txt": HARBOUR, "line.txt": "Long Line\n\n" + line + "\n"})
    library = Library.open(tmp_path / "q.db", folder)
    try:
        passages = [p for _, p in library.store.all_passages() if p.doc == "line.txt"]
        assert max(len(p.text) for p in passages) <= MAX_PASSAGE_CHARS
        assert " ".join(p.text for p in passages) == line  # every word kept, in order
        # Before, this was one passage of a megabyte, and every question that matched it
        # analysed the whole of it: seconds per answer.
        answer = library.answer("treaty energy border")
        assert answer.hits and all(len(h.passage.text) <= MAX_PASSAGE_CHARS for h in answer.hits)
    finally:
        library.close()


def test_documents_with_the_same_title_are_kept_apart(
    make_corpus: MakeCorpus, tmp_path: Path
) -> None:
    folder = make_corpus(
        {
            "report_a.txt": "Annual Report\n\nThe harbour dredged its channel for larger ships.\n",
            "report_b.txt": "Annual Report\n\nThe orchard planted new pear trees by the river.\n",
            "report_b.md": "Annual Report\n\nThe volcano observatory replaced its seismometers.\n",
            "manifest.toml": '["report_c.txt"]\ntitle = "Annual Report"\n',
            "report_c.txt": "Other Title\n\nThe lighthouse keeper logged every passing storm.\n",
        }
    )
    library = Library.open(tmp_path / "q.db", folder)
    try:
        documents = library.documents()
        assert [d.title for d in documents] == ["Annual Report"] * 4
        assert len({d.key for d in documents}) == 4
        for words, doc in [
            ("harbour channel", "report_a.txt"),
            ("pear trees", "report_b.txt"),
            ("volcano seismometers", "report_b.md"),
            ("lighthouse storm", "report_c.txt"),
        ]:
            (hit, *_) = library.answer(words).hits
            assert hit.passage.doc == doc
            assert library.passage(hit.passage.id) == hit.passage  # its id names it alone
    finally:
        library.close()


def test_a_new_file_removed_while_indexing_is_skipped(
    make_corpus: MakeCorpus, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = make_corpus({"harbour.txt": HARBOUR, "orchard.txt": ORCHARD})
    listed = retrieval.ingest.refresh.corpus_walk

    def listed_then_removed(path: Path) -> tuple[list[Path], list[tuple[Path, str]]]:
        walked = listed(path)
        (path / "orchard.txt").unlink()  # gone between the listing and the reading
        return walked

    monkeypatch.setattr(retrieval.ingest.refresh, "corpus_walk", listed_then_removed)
    library = Library.open(tmp_path / "q.db", folder)
    try:
        report = library.last_report
        assert report is not None and report.added == ("harbour.txt",)
        (skipped,) = report.skipped
        assert skipped.doc == "orchard.txt" and "cannot be read" in skipped.reason
    finally:
        library.close()


def test_a_changed_file_removed_while_indexing_keeps_its_indexed_version(
    make_corpus: MakeCorpus, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = make_corpus({"harbour.txt": HARBOUR, "orchard.txt": ORCHARD})
    library = Library.open(tmp_path / "q.db", folder)
    try:
        (folder / "orchard.txt").write_text(ORCHARD.replace("apple", "plum") + "\n", "utf-8")
        opened = retrieval.ingest.refresh.transaction

        def removed_then_written(db: object) -> object:
            (folder / "orchard.txt").unlink(missing_ok=True)  # looked at, not yet read
            return opened(db)  # type: ignore[arg-type]

        monkeypatch.setattr(retrieval.ingest.refresh, "transaction", removed_then_written)
        report = library.reindex()
        (skipped,) = report.skipped
        assert skipped.doc == "orchard.txt" and "cannot be read" in skipped.reason
        assert report.removed == () and report.changed == ()
        assert library.answer("apple harvest").hits[0].passage.doc == "orchard.txt"
    finally:
        library.close()


# The database ---------------------------------------------------------------------------------


@pytest.fixture
def opened(make_corpus: MakeCorpus, tmp_path: Path) -> Iterator[tuple[Library, Path]]:
    folder = make_corpus({"harbour.txt": HARBOUR, "orchard.txt": ORCHARD})
    library = Library.open(tmp_path / "q.db", folder)
    yield library, folder
    library.close()


def test_a_full_disk_while_indexing_fails_plainly_and_the_previous_corpus_keeps_serving(
    opened: tuple[Library, Path],
) -> None:
    library, folder = opened
    before = [(p.id, p.text) for _, p in library.store.all_passages()]
    db = library.store.db  # the connection the corpus is written with
    (pages,) = db.execute("PRAGMA page_count").fetchone()
    db.execute(f"PRAGMA max_page_count = {pages}")  # the file cannot grow: as a full disk
    big = "\n\n".join(f"Volcano note {n}: the crater glowed red at night." * 6 for n in range(400))
    (folder / "volcano.txt").write_text("Volcano Diary\n\n" + big, encoding="utf-8")
    with pytest.raises(IndexBuildError, match="database or disk is full"):
        library.reindex()
    assert [(p.id, p.text) for _, p in library.store.all_passages()] == before
    assert library.answer("harbour berths").hits[0].passage.doc == "harbour.txt"
    assert not library.answer("crater glowed").answered
    db.execute("PRAGMA max_page_count = 1073741823")
    assert library.reindex().added == ("volcano.txt",)
    assert library.answer("crater glowed").hits[0].passage.doc == "volcano.txt"


def test_a_full_disk_when_saving_the_index_still_serves_the_new_corpus(
    opened: tuple[Library, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    library, folder = opened

    def full(*args: object, **kwargs: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(generations, "publish", full)
    (folder / "volcano.txt").write_text("Volcano Diary\n\nThe crater glowed red.\n", "utf-8")
    assert library.reindex().added == ("volcano.txt",)
    assert library.answer("crater glowed").hits[0].passage.doc == "volcano.txt"


def test_a_database_locked_by_another_connection_is_waited_for(
    make_corpus: MakeCorpus, tmp_path: Path
) -> None:
    folder = make_corpus({"harbour.txt": HARBOUR})
    db = tmp_path / "q.db"
    Library.open(db, folder).close()
    (folder / "orchard.txt").write_text(ORCHARD, encoding="utf-8")
    holder = sqlite3.connect(db, isolation_level=None, check_same_thread=False)
    holder.execute("BEGIN IMMEDIATE")
    timer = threading.Timer(0.3, holder.execute, ["ROLLBACK"])
    timer.start()
    try:
        library = Library.open(db, folder)  # writes: waits for the lock, then goes on
    finally:
        timer.join()
        holder.close()
    try:
        report = library.last_report
        assert report is not None and report.added == ("orchard.txt",)
    finally:
        library.close()


@pytest.mark.parametrize("how", ["header", "schema page", "truncated", "zeros"])
def test_a_damaged_database_is_an_error_or_with_recover_set_aside_and_rebuilt(
    make_corpus: MakeCorpus, tmp_path: Path, how: str
) -> None:
    folder = make_corpus({"harbour.txt": HARBOUR, "orchard.txt": ORCHARD})
    db = tmp_path / "q.db"
    Library.open(db, folder).close()
    with sqlite3.connect(db) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    data = db.read_bytes()
    damaged = {
        "header": b"garbage, no sqlite here!" + data[24:],
        "schema page": data[:100] + b"\x5a" * 3996 + data[4096:],
        "truncated": data[: len(data) // 2],
        "zeros": bytes(len(data)),
    }[how]
    db.write_bytes(damaged)
    for suffix in ("-wal", "-shm"):
        db.with_name(db.name + suffix).unlink(missing_ok=True)
    with pytest.raises(StoreError):  # by default: one clear error, the file left alone
        Library.open(db, folder, recover=False)
    assert db.read_bytes() == damaged
    library = Library.open(db, folder, recover=True)
    try:
        assert library.damaged is not None and library.damaged.read_bytes() == damaged
        assert library.damaged.name.startswith("q.db.corrupt-")
        assert library.was_new
        assert library.answer("apple harvest").hits[0].passage.doc == "orchard.txt"
    finally:
        library.close()


def test_a_deleted_database_never_reuses_the_index_saved_beside_it(
    make_corpus: MakeCorpus, tmp_path: Path
) -> None:
    folder = make_corpus({"a.txt": HARBOUR, "b.txt": ORCHARD})
    db = tmp_path / "q.db"
    Library.open(db, folder).close()
    assert (tmp_path / "q.db.index").exists()
    for suffix in ("", "-wal", "-shm"):
        db.with_name(db.name + suffix).unlink(missing_ok=True)
    # A different corpus of the same shape: the new database numbers it as version 1 too.
    shutil.rmtree(folder)
    folder.mkdir()
    (folder / "a.txt").write_text(HARBOUR.replace("harbour", "airport"), encoding="utf-8")
    (folder / "b.txt").write_text(ORCHARD.replace("apple", "cherry"), encoding="utf-8")
    library = Library.open(db, folder)
    try:
        assert library.was_new
        # Words only the new corpus has: the old index never heard of them.
        assert library.answer("cherry").hits[0].passage.doc == "b.txt"
        assert library.answer("airport").hits[0].passage.doc == "a.txt"
    finally:
        library.close()
