"""Per-user state: the follow-up conversation of each (chat, user), and each user's language;
what each passage the bot posted was about, for the replies that follow up on it."""

from __future__ import annotations

import sqlite_utils

from retrieval.store.db import transaction


class Conversations:
    """The follow-up state of each person in each chat, as JSON, and when it was last used."""

    def __init__(self, db: sqlite_utils.Database) -> None:
        self.db = db

    def load(self, chat_id: int, user_id: int, *, now: float, idle_seconds: float) -> str | None:
        """The stored follow-up state, or None when there is none or it has been idle too long
        (an idle one is left for :meth:`save` or :meth:`forget` to replace)."""
        row = self.db.execute(
            "select state, updated_at from bot_conversations where chat_id = ? and user_id = ?",
            [chat_id, user_id],
        ).fetchone()
        if row is None or now - float(row[1]) > idle_seconds:
            return None
        return str(row[0])

    def save(self, chat_id: int, user_id: int, state: str, *, now: float) -> None:
        with transaction(self.db):
            self.db.execute(
                "insert into bot_conversations (chat_id, user_id, state, updated_at) "
                "values (?, ?, ?, ?) on conflict (chat_id, user_id) "
                "do update set state = excluded.state, updated_at = excluded.updated_at",
                [chat_id, user_id, state, now],
            )

    def forget(self, chat_id: int, user_id: int) -> bool:
        """Drop the follow-up state; True when there was one."""
        with transaction(self.db):
            cursor = self.db.execute(
                "delete from bot_conversations where chat_id = ? and user_id = ?",
                [chat_id, user_id],
            )
        return bool(cursor.rowcount > 0)


class Languages:
    """The language each user chose with /language (others follow their Telegram app)."""

    def __init__(self, db: sqlite_utils.Database) -> None:
        self.db = db

    def get(self, user_id: int) -> str | None:
        row = self.db.execute(
            "select language from bot_languages where user_id = ?", [user_id]
        ).fetchone()
        return str(row[0]) if row else None

    def set(self, user_id: int, language: str | None, *, now: float) -> None:
        """Remember ``language`` for ``user_id``; None goes back to the app's language."""
        with transaction(self.db):
            if language is None:
                self.db.execute("delete from bot_languages where user_id = ?", [user_id])
                return
            self.db.execute(
                "insert into bot_languages (user_id, language, chosen_at) values (?, ?, ?) "
                "on conflict (user_id) do update set language = excluded.language, "
                "chosen_at = excluded.chosen_at",
                [user_id, language, now],
            )


class Posts:
    """What each of the bot's /quote posts (and offers of passages) is about: the subject a
    reply to it follows up on."""

    def __init__(self, db: sqlite_utils.Database) -> None:
        self.db = db

    def remember(self, chat_id: int, message_id: int, subject: str, *, now: float) -> None:
        with transaction(self.db):
            self.db.execute(
                "insert or replace into bot_posts (chat_id, message_id, subject, posted_at) "
                "values (?, ?, ?, ?)",
                [chat_id, message_id, subject, now],
            )

    def subject(self, chat_id: int, message_id: int) -> str | None:
        row = self.db.execute(
            "select subject from bot_posts where chat_id = ? and message_id = ?",
            [chat_id, message_id],
        ).fetchone()
        return str(row[0]) if row else None
