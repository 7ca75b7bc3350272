"""Migrations are all or nothing, DDL included, on a real SQLite file; an older database opens."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import sqlite_utils

from bot.render.citations import citation
from retrieval.ingest.refresh import PARSER_VERSION
from retrieval.library import Library
from retrieval.store.db import apply_migrations, connect


class Boom(Exception):
    pass


def _creates_then_fails(db: sqlite_utils.Database) -> None:
    db.execute("create table half (x integer)")
    db.execute("insert into half values (1)")
    db.execute("create index idx_half on half (x)")
    raise Boom("the second half of the migration failed")


def _creates(db: sqlite_utils.Database) -> None:
    db.execute("create table whole (x integer)")


def test_a_migration_failing_half_way_leaves_nothing_behind(tmp_path: Path) -> None:
    db = connect(tmp_path / "q.db")
    with pytest.raises(Boom):
        apply_migrations(db, "test", [("0001-whole", _creates), ("0002-half", _creates_then_fails)])
    db.conn.close()

    reopened = sqlite_utils.Database(tmp_path / "q.db")
    assert "half" not in reopened.table_names()
    assert "idx_half" not in [row[0] for row in reopened.execute("select name from sqlite_master")]
    assert "whole" in reopened.table_names()  # the migration before it stays applied
    recorded = [row[0] for row in reopened.execute("select name from _migrations")]
    assert recorded == ["0001-whole"]


def test_a_failed_migration_runs_again_next_time_and_then_is_recorded_once(tmp_path: Path) -> None:
    db = connect(tmp_path / "q.db")
    with pytest.raises(Boom):
        apply_migrations(db, "test", [("0001-half", _creates_then_fails)])

    def fixed(db: sqlite_utils.Database) -> None:
        db.execute("create table half (x integer)")

    assert apply_migrations(db, "test", [("0001-half", fixed)]) == ["0001-half"]
    assert apply_migrations(db, "test", [("0001-half", fixed)]) == []
    assert db.execute("select count(*) from _migrations").fetchone()[0] == 1


SHIPPED = Path(__file__).resolve().parents[1] / "data" / "corpus"
LONG = "004_ac3189a7eefc069c.txt"  # its ¶ 20, 2,040 characters, is indexed as two passages


def _as_before_paragraph_parts(path: Path) -> None:
    """Make ``path`` a database as written before passages knew their part of a long paragraph:
    no part columns, the migration not recorded, every file read by the parser before."""
    db = sqlite_utils.Database(path)
    db.execute("alter table passages drop column part")
    db.execute("alter table passages drop column parts")
    db.execute("delete from _migrations where name = 'corpus-0012-paragraph-parts'")
    db.execute(f"update documents set sha256 = replace(sha256, ':v{PARSER_VERSION}:', ':v197:')")
    db.conn.commit()
    db.conn.close()


def test_a_database_from_before_paragraph_parts_opens_and_cites_the_parts(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(SHIPPED / LONG, corpus / LONG)
    path = tmp_path / "quotebot.db"
    Library.open(path, corpus).close()
    _as_before_paragraph_parts(path)

    # Opened as it is (no refresh), the old rows read as before: a part not known yet.
    library = Library.open(path, corpus, refresh=False)
    try:
        old = library.passage("004_ac3189a7eefc069c-21")
        assert old is not None and old.paragraph == 20 and old.part is None
        assert "1,000 military students" in old.text
    finally:
        library.close()
    # The next refresh reads every file again (a new parser) and fills them in.
    library = Library.open(path, corpus)
    try:
        first, second = (library.passage(f"004_ac3189a7eefc069c-{n}") for n in (20, 21))
        assert first is not None and second is not None
        assert (first.part, second.part) == ((1, 2), (2, 2))
        assert citation(second) == citation(first).replace("part 1 of 2", "part 2 of 2")
        assert citation(second).endswith("Military Exchanges, ¶ 20, part 2 of 2")
        one = library.passage("004_ac3189a7eefc069c-19")
        assert one is not None and one.part is None  # a paragraph read whole is cited as it was
    finally:
        library.close()
