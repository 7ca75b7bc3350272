"""One way to open quotebot's SQLite file, run a transaction and apply migrations.

The corpus (:mod:`retrieval.store.corpus`) and the bot's state (``bot.state``) keep their tables in
the same file; both open it with :func:`connect`, write inside :func:`transaction` and evolve their
schema with :func:`apply_migrations`, each under its own scope.

sqlite-utils is imported only to write (:func:`wrapped`): its import (click, dateutil and its
plugins' entry points, a tenth of a second) was most of the store's share of a start-up that
only reads, where plain ``sqlite3`` serves (:func:`open_connection`, :func:`migrations_due`).
"""

from __future__ import annotations

import os
import sqlite3
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from retrieval.errors import StoreError

if TYPE_CHECKING:
    import sqlite_utils
    from sqlite_utils.db import Table

Migration = Callable[["sqlite_utils.Database"], None]


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
    from sqlite_utils.db import Table

    return Table(db, name)


def apply_migrations(
    db: sqlite_utils.Database, scope: str, migrations: Iterable[tuple[str, Migration]]
) -> list[str]:
    """Run the ``migrations`` of ``scope`` not yet recorded; returns the names applied.

    Each migration and its record run in one explicit transaction, DDL included: Python's
    ``sqlite3`` opens transactions only before data changes, so under ``with conn:`` a
    ``create table`` would be committed at once and survive a migration that fails later.
    """
    with transaction(db):
        db.execute(
            "create table if not exists _migrations"
            " (scope text, name text, applied_at text, primary key (scope, name))"
        )
    done = {
        row[0]
        for row in db.execute("select name from _migrations where scope = ?", [scope]).fetchall()
    }
    applied = []
    for name, migration in migrations:
        if name in done:
            continue
        with transaction(db):
            migration(db)
            db.execute(
                "insert into _migrations (scope, name, applied_at) values (?, ?, datetime('now'))",
                [scope, name],
            )
        applied.append(name)
    return applied


def migrations_due(
    conn: sqlite3.Connection, scope: str, migrations: Iterable[tuple[str, Migration]]
) -> bool:
    """Whether any of the ``migrations`` of ``scope`` is not yet recorded (read only: a
    database that has them all is opened without sqlite-utils, nor the write lock)."""
    try:
        rows = conn.execute("select name from _migrations where scope = ?", [scope]).fetchall()
    except sqlite3.OperationalError:  # no _migrations table yet (any other error: said there)
        return True
    done = {row[0] for row in rows}
    return any(name not in done for name, _ in migrations)


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
    return wrapped(open_connection(path))


def wrapped(conn: sqlite3.Connection) -> sqlite_utils.Database:
    """sqlite-utils' database over ``conn``, to write (imported only now)."""
    import sqlite_utils

    return sqlite_utils.Database(conn)


def open_connection(path: Path) -> sqlite3.Connection:
    """Open (creating if needed) the database at ``path`` in WAL mode, a plain connection."""
    try:
        if not path.parent.is_dir():
            # A misspelt --db should not quietly start an empty database somewhere new.
            raise StoreError(f"cannot open the database {path}: its folder does not exist")
        conn = sqlite3.connect(str(path), timeout=30, check_same_thread=False)
        conn.execute("pragma journal_mode = wal")
        conn.execute("pragma synchronous = normal")
        conn.execute("pragma foreign_keys = on")
        conn.execute("select count(*) from sqlite_master").fetchone()
    except (sqlite3.DatabaseError, OSError) as error:
        unopened = isinstance(error, sqlite3.OperationalError) and "unable to open" in str(error)
        if unopened and not os.access(path.parent, os.W_OK):
            # SQLite writes its journal beside the database, even to read it: "unable to open
            # database file" said nothing of why.
            raise StoreError(
                f"cannot open the database {path}: its folder {path.parent} is not writable "
                "(the database needs to write beside itself; use --db with a writable folder)"
            ) from error
        raise StoreError(f"cannot open the database {path}: {error}") from error
    return conn
