"""The bot's memory, in the same SQLite file as the corpus: conversations, searches, feedback.

Everything is keyed by chat *and* user, so private chats and groups share the same tables and
two members of a group following up at once never mix. The tables are prefixed ``bot_`` so they
never meet the library's own tables, and the schema is a list of migrations applied in order and
counted in ``bot_schema``.

    bot_conversations  one row per (chat, user): the follow-up state as JSON, and when it was used
    bot_queries        the query log: one row per question (time, chat type, question, passages
                       shown, answered or declined, milliseconds), with the short ``key`` that
                       "More results" buttons and group deep links carry instead of the question
    bot_feedback       👍/👎 per (query, user), the latest vote winning
    bot_answers        which message of the bot answered which question (chat, message id →
                       query), so a reply to an answer follows up on that answer's question
    bot_pending        an admin's change waiting for a Yes or No: replacing a document (the new
                       file's bytes are kept here meanwhile) or removing one, under a short key

:meth:`StateStore.usage` reads the query log and the feedback back as the figures of ``/stats``
and ``quotebot stats``.

The store is used from the event loop's thread only; each call is one small statement, and the
file is in WAL mode so the library can read (and reindex) in its own connection meanwhile.
"""

from __future__ import annotations

import json
import re
import secrets
import sqlite3
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlite_utils import Database
from sqlite_utils.db import Table

KEY_BYTES = 6  # secrets.token_urlsafe(6) gives 8 characters of [A-Za-z0-9_-]
DAY = 24 * 60 * 60  # seconds
WEEK = 7 * DAY
TOP = 5  # questions in each "most asked" list


@dataclass(frozen=True)
class SavedSearch:
    """A logged question, enough to page through its results again after a restart."""

    id: int
    key: str
    chat_id: int
    user_id: int
    question: str
    context: str | None  # the previous question it was read together with, if a follow-up
    shown: tuple[str, ...]  # passage ids shown so far, in order, across pages
    next_offset: int  # where the next page of results starts
    answered: bool
    total: int


def _create_v1(db: Database) -> None:
    Table(db, "bot_conversations").create(
        {"chat_id": int, "user_id": int, "state": str, "updated_at": float},
        pk=("chat_id", "user_id"),
        not_null={"state", "updated_at"},
        if_not_exists=True,
    )
    Table(db, "bot_queries").create(
        {
            "id": int,
            "key": str,
            "asked_at": float,  # Unix time
            "chat_id": int,
            "chat_type": str,
            "user_id": int,
            "question": str,
            "context": str,
            "query": str,  # what was searched, follow-up context included
            "shown": str,  # JSON list of passage ids
            "answered": int,  # 1 answered, 0 declined
            "total": int,
            "ms": int,
            "next_offset": int,
        },
        pk="id",
        not_null={"key", "asked_at", "chat_id", "question", "shown", "answered", "ms"},
        if_not_exists=True,
    )
    Table(db, "bot_queries").create_index(["key"], unique=True, if_not_exists=True)
    Table(db, "bot_queries").create_index(["chat_id", "user_id", "id"], if_not_exists=True)
    Table(db, "bot_feedback").create(
        {"query_id": int, "user_id": int, "vote": int, "voted_at": float},
        pk=("query_id", "user_id"),
        not_null={"vote", "voted_at"},
        foreign_keys=[("query_id", "bot_queries", "id")],
        if_not_exists=True,
    )


def _create_v2(db: Database) -> None:
    Table(db, "bot_answers").create(
        {"chat_id": int, "message_id": int, "query_id": int},
        pk=("chat_id", "message_id"),
        not_null={"query_id"},
        foreign_keys=[("query_id", "bot_queries", "id")],
        if_not_exists=True,
    )


def _create_v3(db: Database) -> None:
    Table(db, "bot_pending").create(
        {
            "key": str,
            "kind": str,  # "replace" or "remove"
            "chat_id": int,
            "user_id": int,
            "name": str,  # the document's file name in the corpus folder
            "data": bytes,  # the new file, for "replace"
            "created_at": float,
        },
        pk="key",
        not_null={"kind", "chat_id", "user_id", "name", "created_at"},
        if_not_exists=True,
    )


# Append new steps; never edit one that has shipped.
MIGRATIONS: tuple[Callable[[Database], None], ...] = (_create_v1, _create_v2, _create_v3)


@dataclass(frozen=True)
class PendingChange:
    """An admin's change to the corpus that waits for a confirmation."""

    key: str
    kind: str  # "replace" or "remove"
    chat_id: int
    user_id: int
    name: str
    data: bytes | None
    created_at: float


@dataclass(frozen=True)
class PeriodCounts:
    """Questions and votes in one period."""

    questions: int = 0
    answered: int = 0
    declined: int = 0
    good: int = 0  # 👍 votes cast in the period
    bad: int = 0  # 👎


@dataclass(frozen=True)
class Usage:
    """How the bot was used: counts per period and the most asked questions of the last week.

    A question's count groups the ways it was written (case, spaces, final punctuation); the
    shown wording is the latest one.
    """

    day: PeriodCounts
    week: PeriodCounts
    all_time: PeriodCounts
    top_asked: tuple[tuple[str, int], ...]  # (question, times asked) in the last week
    top_declined: tuple[tuple[str, int], ...]  # the same, for questions it could not answer


def question_key(question: str) -> str:
    """What makes two questions the same for counting: words in lower case, no end punctuation."""
    return " ".join(re.sub(r"[\s?!.…]+$", "", question.strip()).casefold().split())


class StateStore:
    """Conversation state, the query log and feedback, in one SQLite file."""

    def __init__(self, db: Database) -> None:
        self.db = db

    @classmethod
    def open(cls, path: Path) -> StateStore:
        """Open (creating if needed) the database at ``path`` and bring the schema up to date."""
        path.parent.mkdir(parents=True, exist_ok=True)
        db = Database(sqlite3.connect(str(path), timeout=10.0))
        db.execute("PRAGMA journal_mode=wal")
        # In WAL mode "normal" syncs at checkpoints, not at every commit: a power cut can lose
        # the last moments of the query log, never corrupt it, and each write stays cheap.
        db.execute("PRAGMA synchronous=normal")
        store = cls(db)
        store.migrate()
        return store

    @property
    def schema_version(self) -> int:
        rows = list(self.db.query("SELECT max(version) AS v FROM bot_schema"))
        return int(rows[0]["v"] or 0)

    def migrate(self) -> None:
        """Apply the migrations this file has not seen yet, each one recorded when done."""
        self.db.execute("CREATE TABLE IF NOT EXISTS bot_schema (version INTEGER PRIMARY KEY)")
        for version, step in enumerate(MIGRATIONS, start=1):
            if version <= self.schema_version:
                continue
            with self.db.conn:
                step(self.db)
                self.db.execute("INSERT INTO bot_schema (version) VALUES (?)", [version])

    def close(self) -> None:
        self.db.close()

    # Conversations -------------------------------------------------------------------------

    def load_conversation(
        self, chat_id: int, user_id: int, *, now: float, idle_seconds: float
    ) -> str | None:
        """The stored follow-up state, or None when there is none or it has been idle too long."""
        rows = list(
            self.db.query(
                "SELECT state, updated_at FROM bot_conversations WHERE chat_id = ? AND user_id = ?",
                [chat_id, user_id],
            )
        )
        if not rows:
            return None
        if now - float(rows[0]["updated_at"]) > idle_seconds:
            self.forget_conversation(chat_id, user_id)
            return None
        return str(rows[0]["state"])

    def save_conversation(self, chat_id: int, user_id: int, state: str, *, now: float) -> None:
        # Plain SQL: sqlite-utils' upsert inserts the key columns alone first, which the
        # NOT NULL columns refuse (and its INSERT OR IGNORE would hide that).
        with self.db.conn:
            self.db.execute(
                "INSERT INTO bot_conversations (chat_id, user_id, state, updated_at) "
                "VALUES (?, ?, ?, ?) ON CONFLICT (chat_id, user_id) "
                "DO UPDATE SET state = excluded.state, updated_at = excluded.updated_at",
                [chat_id, user_id, state, now],
            )

    def forget_conversation(self, chat_id: int, user_id: int) -> bool:
        """Drop the follow-up state; True when there was one."""
        with self.db.conn:
            cursor = self.db.execute(
                "DELETE FROM bot_conversations WHERE chat_id = ? AND user_id = ?",
                [chat_id, user_id],
            )
        return bool(cursor.rowcount > 0)

    # The query log -------------------------------------------------------------------------

    def log_query(
        self,
        *,
        asked_at: float,
        chat_id: int,
        chat_type: str,
        user_id: int,
        question: str,
        context: str | None,
        query: str,
        shown: Sequence[str],
        answered: bool,
        total: int,
        ms: int,
    ) -> SavedSearch:
        """Log one question and the passages shown for it; returns it with its new short key."""
        row: dict[str, Any] = {
            "asked_at": asked_at,
            "chat_id": chat_id,
            "chat_type": chat_type,
            "user_id": user_id,
            "question": question,
            "context": context,
            "query": query,
            "shown": json.dumps(list(shown)),
            "answered": int(answered),
            "total": total,
            "ms": ms,
            "next_offset": len(shown),
        }
        while True:
            row["key"] = secrets.token_urlsafe(KEY_BYTES)
            try:
                with self.db.conn:
                    row["id"] = Table(self.db, "bot_queries").insert(row).last_pk
                return _saved(row)
            except sqlite3.IntegrityError:  # the key is taken: draw another
                continue

    def search(self, key: str) -> SavedSearch | None:
        """The logged question a button's key points to, or None if it is unknown."""
        rows = list(self.db.query("SELECT * FROM bot_queries WHERE key = ?", [key]))
        return _saved(rows[0]) if rows else None

    def latest_search(self, chat_id: int, user_id: int) -> SavedSearch | None:
        """The last question this user asked in this chat."""
        rows = list(
            self.db.query(
                "SELECT * FROM bot_queries WHERE chat_id = ? AND user_id = ? "
                "ORDER BY id DESC LIMIT 1",
                [chat_id, user_id],
            )
        )
        return _saved(rows[0]) if rows else None

    def record_page(self, key: str, shown: Sequence[str], next_offset: int) -> None:
        """Remember the passages a further page showed and where the page after starts."""
        saved = self.search(key)
        if saved is None:
            return
        seen = list(saved.shown)
        seen.extend(passage for passage in shown if passage not in seen)
        with self.db.conn:
            self.db.execute(
                "UPDATE bot_queries SET shown = ?, next_offset = max(next_offset, ?) WHERE key = ?",
                [json.dumps(seen), next_offset, key],
            )

    # Answers as messages -------------------------------------------------------------------

    def remember_answer(self, chat_id: int, message_id: int, key: str) -> None:
        """Note that the bot's message ``message_id`` in ``chat_id`` answered question ``key``."""
        saved = self.search(key)
        if saved is None:
            return
        with self.db.conn:
            self.db.execute(
                "INSERT OR REPLACE INTO bot_answers (chat_id, message_id, query_id) "
                "VALUES (?, ?, ?)",
                [chat_id, message_id, saved.id],
            )

    def answered_by(self, chat_id: int, message_id: int) -> SavedSearch | None:
        """The question the bot's message ``message_id`` in ``chat_id`` answered, if any."""
        rows = list(
            self.db.query(
                "SELECT q.* FROM bot_answers a JOIN bot_queries q ON q.id = a.query_id "
                "WHERE a.chat_id = ? AND a.message_id = ?",
                [chat_id, message_id],
            )
        )
        return _saved(rows[0]) if rows else None

    # Feedback ------------------------------------------------------------------------------

    def record_feedback(self, key: str, user_id: int, *, good: bool, now: float) -> bool:
        """Attach 👍 (good) or 👎 to a logged question; False when the key is unknown."""
        saved = self.search(key)
        if saved is None:
            return False
        with self.db.conn:
            self.db.execute(
                "INSERT INTO bot_feedback (query_id, user_id, vote, voted_at) VALUES (?, ?, ?, ?) "
                "ON CONFLICT (query_id, user_id) "
                "DO UPDATE SET vote = excluded.vote, voted_at = excluded.voted_at",
                [saved.id, user_id, 1 if good else -1, now],
            )
        return True

    def feedback(self, key: str) -> dict[int, int]:
        """The votes on a logged question: user id → +1 or -1."""
        rows = self.db.query(
            "SELECT f.user_id, f.vote FROM bot_feedback f JOIN bot_queries q ON q.id = f.query_id "
            "WHERE q.key = ?",
            [key],
        )
        return {int(row["user_id"]): int(row["vote"]) for row in rows}

    # Pending admin changes -----------------------------------------------------------------

    def add_pending(
        self,
        *,
        kind: str,
        chat_id: int,
        user_id: int,
        name: str,
        data: bytes | None = None,
        now: float,
    ) -> str:
        """Keep a change waiting for a Yes; returns the short key its buttons carry."""
        while True:
            key = secrets.token_urlsafe(KEY_BYTES)
            try:
                with self.db.conn:
                    self.db.execute(
                        "INSERT INTO bot_pending (key, kind, chat_id, user_id, name, data, "
                        "created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                        [key, kind, chat_id, user_id, name, data, now],
                    )
                return key
            except sqlite3.IntegrityError:  # the key is taken: draw another
                continue

    def pending(self, key: str) -> PendingChange | None:
        """The change waiting under ``key``, left waiting."""
        rows = list(self.db.query("SELECT * FROM bot_pending WHERE key = ?", [key]))
        return _pending(rows[0]) if rows else None

    def take_pending(self, key: str) -> PendingChange | None:
        """The change waiting under ``key``, no longer waiting (a button works once)."""
        with self.db.conn:
            rows = list(self.db.query("SELECT * FROM bot_pending WHERE key = ?", [key]))
            self.db.execute("DELETE FROM bot_pending WHERE key = ?", [key])
        return _pending(rows[0]) if rows else None

    def forget_pending(self, older_than: float) -> int:
        """Drop the changes nobody confirmed before ``older_than``; how many there were."""
        with self.db.conn:
            cursor = self.db.execute("DELETE FROM bot_pending WHERE created_at < ?", [older_than])
        return int(cursor.rowcount)

    # Usage ---------------------------------------------------------------------------------

    def usage(self, now: float, top: int = TOP) -> Usage:
        """The figures of /stats at time ``now``: the last day, the last week, all time."""
        return Usage(
            day=self._counts(now - DAY),
            week=self._counts(now - WEEK),
            all_time=self._counts(None),
            top_asked=self._most_asked(now - WEEK, top, declined_only=False),
            top_declined=self._most_asked(now - WEEK, top, declined_only=True),
        )

    def _counts(self, since: float | None) -> PeriodCounts:
        after = -1.0 if since is None else since
        (row,) = self.db.query(
            "SELECT count(*) AS n, coalesce(sum(answered), 0) AS answered "
            "FROM bot_queries WHERE asked_at >= ?",
            [after],
        )
        (votes,) = self.db.query(
            "SELECT coalesce(sum(vote > 0), 0) AS good, coalesce(sum(vote < 0), 0) AS bad "
            "FROM bot_feedback WHERE voted_at >= ?",
            [after],
        )
        asked, answered = int(row["n"]), int(row["answered"])
        return PeriodCounts(
            questions=asked,
            answered=answered,
            declined=asked - answered,
            good=int(votes["good"]),
            bad=int(votes["bad"]),
        )

    def _most_asked(
        self, since: float, top: int, *, declined_only: bool
    ) -> tuple[tuple[str, int], ...]:
        sql = "SELECT question FROM bot_queries WHERE asked_at >= ?"
        if declined_only:
            sql += " AND answered = 0"
        counts: Counter[str] = Counter()
        wording: dict[str, str] = {}
        first_seen: dict[str, int] = {}
        for position, row in enumerate(self.db.query(sql + " ORDER BY id", [since])):
            key = question_key(str(row["question"]))
            if not key:
                continue
            counts[key] += 1
            wording[key] = " ".join(str(row["question"]).split())
            first_seen.setdefault(key, position)
        ranked = sorted(counts, key=lambda key: (-counts[key], first_seen[key]))
        return tuple((wording[key], counts[key]) for key in ranked[:top])


def _pending(row: dict[str, Any]) -> PendingChange:
    return PendingChange(
        key=str(row["key"]),
        kind=str(row["kind"]),
        chat_id=int(row["chat_id"]),
        user_id=int(row["user_id"]),
        name=str(row["name"]),
        data=row["data"],
        created_at=float(row["created_at"]),
    )


def _saved(row: dict[str, Any]) -> SavedSearch:
    return SavedSearch(
        id=int(row["id"]),
        key=str(row["key"]),
        chat_id=int(row["chat_id"]),
        user_id=int(row["user_id"]),
        question=str(row["question"]),
        context=row["context"],
        shown=tuple(json.loads(row["shown"])),
        next_offset=int(row["next_offset"] or 0),
        answered=bool(row["answered"]),
        total=int(row["total"] or 0),
    )
