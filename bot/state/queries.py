"""The query log: every question, the passages shown for it, its feedback and the messages that
answered it. A logged question is a *saved search*: its short key is what "More results" and
vote buttons and group deep links carry instead of the question."""

from __future__ import annotations

import json
import secrets
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

import sqlite_utils

from bot.errors import StateError
from retrieval.store.db import transaction

KEY_BYTES = 6  # secrets.token_urlsafe(6) gives 8 characters of [A-Za-z0-9_-]
# How many of the latest questions a link to a passage that no longer exists is looked for in:
# anyone can type such a link, and the whole log is read for one that was never shown.
SHOWN_LOOKED_BACK = 10_000


def new_key() -> str:
    """A fresh short key for a saved search or a pending change."""
    return secrets.token_urlsafe(KEY_BYTES)


@dataclass(frozen=True)
class SavedSearch:
    """A logged question, enough to page through its results again after a restart."""

    key: str
    chat_id: int
    user_id: int
    question: str
    context: str | None  # the previous question it was read together with, if a follow-up
    shown: tuple[str, ...]  # passage ids shown so far, in order, across pages
    next_offset: int  # where the next page of results starts
    answered: bool  # shown as an answer, hedged or not; False: declined
    total: int
    query: str = ""
    asked_at: float = 0.0
    chat_type: str = "private"
    ms: int = 0
    hedged: bool = False  # shown with a line that it may not answer fully
    foreign: str | None = None  # the question's language, when none of the documents is in it

    def paged(self, shown: Sequence[str], next_offset: int) -> SavedSearch:
        """This search after a further page showed ``shown`` and the next starts at
        ``next_offset`` (an old page pressed again moves nothing back)."""
        seen = list(self.shown)
        seen.extend(passage for passage in shown if passage not in seen)
        return replace(self, shown=tuple(seen), next_offset=max(self.next_offset, next_offset))


_COLUMNS = "key, asked_at, chat_id, chat_type, user_id, question, context, query, shown, "
_COLUMNS += "answered, total, ms, next_offset, hedged, foreign_language"


class QueryLog:
    """Logged questions, the pages shown for them, the answers' messages and the votes."""

    def __init__(self, db: sqlite_utils.Database) -> None:
        self.db = db

    def log(self, search: SavedSearch) -> SavedSearch:
        """Log ``search`` under its key (a key already taken: another is drawn when the search
        was not handed out yet, i.e. its key is empty)."""
        while True:
            key = search.key or new_key()
            try:
                with transaction(self.db):
                    self.db.execute(
                        f"insert into bot_queries ({_COLUMNS}) "
                        "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        [
                            key, search.asked_at, search.chat_id, search.chat_type,
                            search.user_id, search.question, search.context, search.query,
                            json.dumps(list(search.shown)), int(search.answered), search.total,
                            search.ms, search.next_offset, int(search.hedged), search.foreign,
                        ],
                    )  # fmt: skip
                return replace(search, key=key)
            except sqlite3.IntegrityError as error:
                if search.key:
                    raise StateError(f"the search key {key} is taken") from error

    def search(self, key: str) -> SavedSearch | None:
        """The logged question a button's key points to, or None if it is unknown."""
        return self._one("select * from bot_queries where key = ?", [key])

    def latest(self, chat_id: int, user_id: int) -> SavedSearch | None:
        """The last question this user asked in this chat."""
        return self._one(
            "select * from bot_queries where chat_id = ? and user_id = ? order by id desc limit 1",
            [chat_id, user_id],
        )

    def record_page(self, key: str, shown: Sequence[str], next_offset: int) -> None:
        """Remember the passages a further page showed and where the page after starts."""
        with transaction(self.db):
            saved = self.search(key)
            if saved is None:
                return
            paged = saved.paged(shown, next_offset)
            self.db.execute(
                "update bot_queries set shown = ?, next_offset = ? where key = ?",
                [json.dumps(list(paged.shown)), paged.next_offset, key],
            )

    def ever_shown(self, passage_id: str) -> bool:
        """Whether the passage ``passage_id`` was shown for one of the latest
        ``SHOWN_LOOKED_BACK`` logged questions (for the rare link to a passage that no longer
        exists: a scan of that many rows at most, however long the log)."""
        needle = json.dumps(passage_id)  # as it stands in the JSON list, quotes included
        found = self.db.execute(
            "select 1 from (select shown from bot_queries order by id desc limit ?)"
            " where instr(shown, ?) > 0 limit 1",
            [SHOWN_LOOKED_BACK, needle],
        ).fetchone()
        return found is not None

    def remember_answer(self, chat_id: int, message_id: int, key: str) -> None:
        """Note that the bot's message ``message_id`` in ``chat_id`` answered question ``key``."""
        with transaction(self.db):
            self.db.execute(
                "insert or replace into bot_answers (chat_id, message_id, query_id) "
                "select ?, ?, id from bot_queries where key = ?",
                [chat_id, message_id, key],
            )

    def answered_by(self, chat_id: int, message_id: int) -> SavedSearch | None:
        """The question the bot's message ``message_id`` in ``chat_id`` answered, if any."""
        return self._one(
            "select q.* from bot_answers a join bot_queries q on q.id = a.query_id "
            "where a.chat_id = ? and a.message_id = ?",
            [chat_id, message_id],
        )

    def record_feedback(self, key: str, user_id: int, *, good: bool, now: float) -> bool:
        """Attach 👍 (good) or 👎 to a logged question; False when the key is unknown."""
        with transaction(self.db):
            cursor = self.db.execute(
                "insert into bot_feedback (query_id, user_id, vote, voted_at) "
                "select id, ?, ?, ? from bot_queries where key = ? "
                "on conflict (query_id, user_id) "
                "do update set vote = excluded.vote, voted_at = excluded.voted_at",
                [user_id, 1 if good else -1, now, key],
            )
        return bool(cursor.rowcount > 0)

    def feedback(self, key: str) -> dict[int, int]:
        """The votes on a logged question: user id → +1 or -1."""
        rows = self.db.execute(
            "select f.user_id, f.vote from bot_feedback f join bot_queries q on q.id = f.query_id "
            "where q.key = ?",
            [key],
        ).fetchall()
        return {int(user): int(vote) for user, vote in rows}

    def _one(self, sql: str, parameters: list[Any]) -> SavedSearch | None:
        cursor = self.db.execute(sql, parameters)
        row = cursor.fetchone()
        if row is None:
            return None
        return _saved(dict(zip([column[0] for column in cursor.description], row, strict=True)))


def _saved(row: dict[str, Any]) -> SavedSearch:
    return SavedSearch(
        key=str(row["key"]),
        chat_id=int(row["chat_id"]),
        user_id=int(row["user_id"]),
        question=str(row["question"]),
        context=row["context"],
        shown=tuple(json.loads(row["shown"])),
        next_offset=int(row["next_offset"] or 0),
        answered=bool(row["answered"]),
        total=int(row["total"] or 0),
        query=str(row["query"] or ""),
        asked_at=float(row["asked_at"]),
        chat_type=str(row["chat_type"] or ""),
        ms=int(row["ms"] or 0),
        hedged=bool(row["hedged"]),
        foreign=row.get("foreign_language"),
    )
