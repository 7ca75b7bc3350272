"""Migrations are all or nothing, DDL included, on a real SQLite file."""

from __future__ import annotations

from pathlib import Path

import pytest
import sqlite_utils

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
