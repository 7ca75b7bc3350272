"""The bot's state on one connection, for one thread: conversations, the query log with its
feedback and saved searches, pending changes, languages and usage figures.

The bot itself goes through :class:`bot.state.worker.AsyncState`, which runs these calls on
threads of its own; the command line (``quotebot stats``, the terminal's query log) and tests
use this class directly. Every ``sqlite3`` error comes out as :class:`bot.errors.StateError`.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, ParamSpec, TypeVar

import sqlite_utils

from bot.state.conversations import Conversations, Languages, Posts
from bot.state.pending import Pending, PendingChange
from bot.state.queries import QueryLog, SavedSearch, new_key
from bot.state.schema import applied, open_db, translated
from bot.state.usage import Usage, usage

P = ParamSpec("P")
R = TypeVar("R")


def _guarded(method: Callable[P, R]) -> Callable[P, R]:
    """Run ``method`` with its ``sqlite3`` errors raised as :class:`StateError`."""

    @functools.wraps(method)
    def guarded(*args: P.args, **kwargs: P.kwargs) -> R:
        store = args[0]
        assert isinstance(store, StateStore)
        with translated(store.path):
            return method(*args, **kwargs)

    return guarded


class StateStore:
    """The bot's tables in the SQLite file at :attr:`path`, one concern per attribute."""

    def __init__(self, db: sqlite_utils.Database, path: Path) -> None:
        self.db = db
        self.path = path
        self.conversations = Conversations(db)
        self.languages = Languages(db)
        self.queries = QueryLog(db)
        self.changes = Pending(db)
        self.posts = Posts(db)

    @classmethod
    def open(cls, path: Path) -> StateStore:
        """Open the database at ``path`` (its folder must exist) with the bot's tables up to
        date."""
        return cls(open_db(path), path)

    def close(self) -> None:
        self.db.close()

    @property
    @_guarded
    def applied_migrations(self) -> list[str]:
        return applied(self.db)

    @_guarded
    def load_conversation(
        self, chat_id: int, user_id: int, *, now: float, idle_seconds: float
    ) -> str | None:
        return self.conversations.load(chat_id, user_id, now=now, idle_seconds=idle_seconds)

    @_guarded
    def save_conversation(self, chat_id: int, user_id: int, state: str, *, now: float) -> None:
        self.conversations.save(chat_id, user_id, state, now=now)

    @_guarded
    def forget_conversation(self, chat_id: int, user_id: int) -> bool:
        return self.conversations.forget(chat_id, user_id)

    @_guarded
    def log_query(self, *, shown: Sequence[str], key: str = "", **fields: Any) -> SavedSearch:
        """Log one question and the passages shown for it; returns it with its short key."""
        search = SavedSearch(key=key, shown=tuple(shown), next_offset=len(shown), **fields)
        return self.queries.log(search)

    @_guarded
    def search(self, key: str) -> SavedSearch | None:
        return self.queries.search(key)

    @_guarded
    def latest_search(self, chat_id: int, user_id: int) -> SavedSearch | None:
        return self.queries.latest(chat_id, user_id)

    @_guarded
    def record_page(self, key: str, shown: Sequence[str], next_offset: int) -> None:
        self.queries.record_page(key, shown, next_offset)

    @_guarded
    def ever_shown(self, passage_id: str) -> bool:
        return self.queries.ever_shown(passage_id)

    @_guarded
    def remember_answer(self, chat_id: int, message_id: int, key: str) -> None:
        self.queries.remember_answer(chat_id, message_id, key)

    @_guarded
    def answered_by(self, chat_id: int, message_id: int) -> SavedSearch | None:
        return self.queries.answered_by(chat_id, message_id)

    @_guarded
    def remember_post(self, chat_id: int, message_id: int, subject: str, *, now: float) -> None:
        self.posts.remember(chat_id, message_id, subject, now=now)

    @_guarded
    def post_subject(self, chat_id: int, message_id: int) -> str | None:
        return self.posts.subject(chat_id, message_id)

    @_guarded
    def record_feedback(self, key: str, user_id: int, *, good: bool, now: float) -> bool:
        return self.queries.record_feedback(key, user_id, good=good, now=now)

    @_guarded
    def feedback(self, key: str) -> dict[int, int]:
        return self.queries.feedback(key)

    @_guarded
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
        key = new_key()
        self.changes.add(PendingChange(key, kind, chat_id, user_id, name, data, now))
        return key

    @_guarded
    def pending(self, key: str) -> PendingChange | None:
        return self.changes.get(key)

    @_guarded
    def take_pending(self, key: str) -> PendingChange | None:
        return self.changes.take(key)

    @_guarded
    def forget_pending(self, older_than: float) -> int:
        return self.changes.forget(older_than)

    @_guarded
    def language(self, user_id: int) -> str | None:
        return self.languages.get(user_id)

    @_guarded
    def set_language(self, user_id: int, language: str | None, *, now: float) -> None:
        self.languages.set(user_id, language, now=now)

    @_guarded
    def usage(self, now: float) -> Usage:
        return usage(self.db, now)
