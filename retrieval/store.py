"""The corpus tables in SQLite (via sqlite-utils): documents, passages and a little metadata.

The schema is applied by numbered migrations recorded in ``_migrations`` (the pattern of
sqlite-migrate): each runs once, in order, inside a transaction. Other parts of quotebot (the bot's
conversation state and query log) keep their own tables in the same file with their own migrations.
"""

from __future__ import annotations

import sqlite3
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

import sqlite_utils
from sqlite_utils.db import Table

from retrieval.errors import StoreError
from retrieval.model import Document, Passage

Migration = Callable[[sqlite_utils.Database], None]


@contextmanager
def transaction(db: sqlite_utils.Database) -> Iterator[None]:
    """One explicit transaction: committed at the end, rolled back on any exception.

    Inside it use plain SQL: sqlite-utils' ``insert`` and ``insert_all`` run ``with conn:``,
    which would commit this transaction half way.
    """
    conn = db.conn
    if conn.in_transaction:
        conn.commit()  # never let an implicit transaction swallow ours
    conn.execute("begin immediate")
    try:
        yield
    except BaseException:
        if conn.in_transaction:  # SQLite has rolled back already after some errors (a full disk)
            conn.execute("rollback")
        raise
    conn.execute("commit")


def table(db: sqlite_utils.Database, name: str) -> Table:
    """A table of ``db`` (``db[name]`` may also be a view, which has no ``insert``)."""
    return Table(db, name)


def _create_corpus_tables(db: sqlite_utils.Database) -> None:
    table(db, "documents").create(
        {
            "doc": str,
            "key": str,
            "title": str,
            "date": str,
            "source": str,
            "sha256": str,
            "size": int,
            "mtime_ns": int,
            "paragraphs": int,
        },
        pk="doc",
        not_null={"key", "title", "sha256"},
    )
    table(db, "passages").create(
        {
            "rowid": int,
            "id": str,
            "doc": str,
            "ordinal": int,
            "paragraph": int,
            "section": str,
            "text": str,
        },
        pk="rowid",
        not_null={"id", "doc", "text"},
        foreign_keys=[("doc", "documents", "doc")],
    )
    table(db, "passages").create_index(["id"], unique=True)
    table(db, "passages").create_index(["doc", "ordinal"])
    table(db, "meta").create({"key": str, "value": str}, pk="key")


def _never_reuse_passage_rowids(db: sqlite_utils.Database) -> None:
    """Rebuild ``passages`` with AUTOINCREMENT: a rowid is never handed out twice, so an index
    built before a reload can never point at a passage inserted after it."""
    db.execute(
        "create table passages_new (rowid integer primary key autoincrement, id text not null,"
        " doc text not null references documents(doc), ordinal integer, paragraph integer,"
        " section text, text text not null)"
    )
    db.execute(
        "insert into passages_new (rowid, id, doc, ordinal, paragraph, section, text)"
        " select rowid, id, doc, ordinal, paragraph, section, text from passages"
    )
    db.execute("drop table passages")
    db.execute("alter table passages_new rename to passages")
    db.execute("create unique index idx_passages_id on passages (id)")
    db.execute("create index idx_passages_doc_ordinal on passages (doc, ordinal)")


CORPUS_MIGRATIONS: list[tuple[str, Migration]] = [
    ("corpus-0001-create", _create_corpus_tables),
    ("corpus-0002-autoincrement", _never_reuse_passage_rowids),
]


def apply_migrations(
    db: sqlite_utils.Database, scope: str, migrations: Iterable[tuple[str, Migration]]
) -> list[str]:
    """Run the ``migrations`` of ``scope`` not yet recorded; returns the names applied."""
    if "_migrations" not in db.table_names():
        table(db, "_migrations").create(
            {"scope": str, "name": str, "applied_at": str}, pk=("scope", "name")
        )
    done = {row["name"] for row in table(db, "_migrations").rows_where("scope = ?", [scope])}
    applied = []
    for name, migration in migrations:
        if name in done:
            continue
        with db.conn:
            migration(db)
            db.execute(
                "insert into _migrations (scope, name, applied_at) values (?, ?, datetime('now'))",
                [scope, name],
            )
        applied.append(name)
    return applied


_SQLITE_CORRUPT, _SQLITE_NOTADB = 11, 26  # SQLite's primary result codes for a damaged file


def is_damaged(error: BaseException) -> bool:
    """True when ``error`` (or an error it was raised from) says the database file is damaged or
    is no database at all, rather than busy, read-only or on a full disk."""
    seen: BaseException | None = error
    while seen is not None:
        code = getattr(seen, "sqlite_errorcode", None)
        if isinstance(code, int) and code & 0xFF in (_SQLITE_CORRUPT, _SQLITE_NOTADB):
            return True
        seen = seen.__cause__ or seen.__context__
    return False


def set_aside(path: Path) -> Path:
    """Move the database at ``path`` (and its ``-wal`` and ``-shm`` files) to
    ``<path>.corrupt-<time>``, where it can still be looked at; returns the new path."""
    stamp = time.strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.name}.corrupt-{stamp}")
    number = 1
    while target.exists():
        number += 1
        target = path.with_name(f"{path.name}.corrupt-{stamp}-{number}")
    for suffix in ("", "-wal", "-shm"):
        source = path.with_name(path.name + suffix)
        if source.exists():
            source.rename(target.with_name(target.name + suffix))
    return target


def connect(path: Path) -> sqlite_utils.Database:
    """Open (creating if needed) the database at ``path`` in WAL mode."""
    try:
        if not path.parent.is_dir():
            # A misspelt --db should not quietly start an empty database somewhere new.
            raise StoreError(f"cannot open the database {path}: its folder does not exist")
        conn = sqlite3.connect(str(path), timeout=30, check_same_thread=False)
        db = sqlite_utils.Database(conn)
        db.execute("pragma journal_mode = wal")
        db.execute("pragma synchronous = normal")
        db.execute("pragma foreign_keys = on")
        db.execute("select count(*) from sqlite_master").fetchone()
    except (sqlite3.DatabaseError, OSError) as error:
        raise StoreError(f"cannot open the database {path}: {error}") from error
    return db


class CorpusStore:
    """Documents and passages in one SQLite file. Reads are safe from any thread."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.db = connect(path)
        self._local = threading.local()
        try:
            apply_migrations(self.db, "corpus", CORPUS_MIGRATIONS)
        except sqlite3.DatabaseError as error:
            raise StoreError(f"cannot prepare the database {path}: {error}") from error

    def _reader(self) -> sqlite3.Connection:
        """One read connection per thread: SQLite connections must not be shared mid-query."""
        conn: sqlite3.Connection | None = getattr(self._local, "conn", None)
        if conn is None:
            conn = sqlite3.connect(str(self.path), timeout=30, check_same_thread=False)
            conn.row_factory = sqlite3.Row
            self._local.conn = conn
            self._readers().append(conn)
        return conn

    def _readers(self) -> list[sqlite3.Connection]:
        if not hasattr(self, "_all_readers"):
            self._all_readers: list[sqlite3.Connection] = []
        return self._all_readers

    def close(self) -> None:
        for conn in self._readers():
            conn.close()
        self._all_readers = []
        self._local = threading.local()
        self.db.conn.close()

    # --------------------------------------------------------------------------------- reads
    def meta(self, key: str) -> str | None:
        row = self._reader().execute("select value from meta where key = ?", [key]).fetchone()
        return None if row is None else str(row[0])

    def documents(self) -> list[Document]:
        rows = self._reader().execute("select * from documents order by doc").fetchall()
        return [
            Document(
                doc=r["doc"],
                key=r["key"],
                title=r["title"],
                date=r["date"],
                source=r["source"],
                paragraphs=r["paragraphs"] or 0,
                sha256=r["sha256"],
            )
            for r in rows
        ]

    def document_rows(self) -> dict[str, dict[str, object]]:
        rows = self._reader().execute("select * from documents").fetchall()
        return {r["doc"]: dict(r) for r in rows}

    _PASSAGE_SQL = (
        "select p.rowid, p.id, p.doc, p.ordinal, p.paragraph, p.section, p.text, d.title "
        "from passages p join documents d on d.doc = p.doc "
    )

    @staticmethod
    def _passage(row: sqlite3.Row) -> Passage:
        return Passage(
            id=row["id"],
            doc=row["doc"],
            title=row["title"],
            section=row["section"],
            paragraph=row["paragraph"],
            text=row["text"],
            ordinal=row["ordinal"],
        )

    def passage(self, passage_id: str) -> Passage | None:
        row = self._reader().execute(self._PASSAGE_SQL + "where p.id = ?", [passage_id]).fetchone()
        return None if row is None else self._passage(row)

    def passages_by_rowid(self, rowids: list[int]) -> dict[int, Passage]:
        if not rowids:
            return {}
        marks = ",".join("?" * len(rowids))
        rows = self._reader().execute(self._PASSAGE_SQL + f"where p.rowid in ({marks})", rowids)
        return {row["rowid"]: self._passage(row) for row in rows}

    def all_passages(self) -> Iterable[tuple[int, Passage]]:
        """Every passage in a stable order (document, then ordinal), with its rowid."""
        cursor = self._reader().execute(self._PASSAGE_SQL + "order by p.doc, p.ordinal")
        for row in cursor:
            yield row["rowid"], self._passage(row)

    def largest_sections(self, limit: int) -> list[str]:
        """Section headings (or, for documents without any, titles) by passages, most first."""
        rows = self._reader().execute(
            "select coalesce(p.section, d.title) as topic, count(*) as n from passages p"
            " join documents d on d.doc = p.doc group by topic order by n desc, topic limit ?",
            [limit],
        )
        return [str(row["topic"]) for row in rows]

    def passage_count(self) -> int:
        return int(self._reader().execute("select count(*) from passages").fetchone()[0])
