"""The bot's tables in the shared SQLite file, and opening it (one mechanism:
:mod:`retrieval.store.db`).

The tables are prefixed ``bot_`` so they never meet the library's own:

    bot_conversations  one row per (chat, user): the follow-up state as JSON, and when it was used
    bot_queries        the query log: one row per question (time, chat type, question, passages
                       shown, answered, hedged or declined, milliseconds, the question's language
                       when the documents lack it), with the short ``key``
                       that "More results" buttons and group deep links carry instead of the
                       question
    bot_feedback       👍/👎 per (query, user), the latest vote winning
    bot_answers        which message of the bot answered which question (chat, message id →
                       query), so a reply to an answer follows up on that answer's question
    bot_pending        an admin's change waiting for a Yes or No: replacing a document (the new
                       file's bytes are kept here meanwhile) or removing one, under a short key
    bot_languages      the language a user chose with /language
    bot_posts          which message of the bot posted a passage (/quote) or offered some, and
                       what about (the /quote words, else the passage's heading), so a reply to
                       it follows up on that

Migrations run under the scope ``bot`` (:func:`retrieval.store.db.apply_migrations`, each in one
transaction, DDL included). Databases made before that recorded versions 1-3 in ``bot_schema``;
those steps create only what is missing, so such a file is brought up to date as it is.
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import sqlite_utils

from bot.errors import StateError
from retrieval.errors import StoreError
from retrieval.store.db import Migration, apply_migrations, connect, table

SCOPE = "bot"


def _create_v1(db: sqlite_utils.Database) -> None:
    table(db, "bot_conversations").create(
        {"chat_id": int, "user_id": int, "state": str, "updated_at": float},
        pk=("chat_id", "user_id"),
        not_null={"state", "updated_at"},
        if_not_exists=True,
    )
    table(db, "bot_queries").create(
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
    table(db, "bot_queries").create_index(["key"], unique=True, if_not_exists=True)
    table(db, "bot_queries").create_index(["chat_id", "user_id", "id"], if_not_exists=True)
    table(db, "bot_feedback").create(
        {"query_id": int, "user_id": int, "vote": int, "voted_at": float},
        pk=("query_id", "user_id"),
        not_null={"vote", "voted_at"},
        foreign_keys=[("query_id", "bot_queries", "id")],
        if_not_exists=True,
    )


def _create_v2(db: sqlite_utils.Database) -> None:
    table(db, "bot_answers").create(
        {"chat_id": int, "message_id": int, "query_id": int},
        pk=("chat_id", "message_id"),
        not_null={"query_id"},
        foreign_keys=[("query_id", "bot_queries", "id")],
        if_not_exists=True,
    )


def _create_v3(db: sqlite_utils.Database) -> None:
    table(db, "bot_pending").create(
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


def _create_languages(db: sqlite_utils.Database) -> None:
    table(db, "bot_languages").create(
        {"user_id": int, "language": str, "chosen_at": float},
        pk="user_id",
        not_null={"language", "chosen_at"},
        if_not_exists=True,
    )


def _add_hedged(db: sqlite_utils.Database) -> None:
    # Whether an answer was hedged (shown with a line that it may not answer fully): /stats
    # counted those as answered like any other. Rows logged before say 0, as they were counted.
    if "hedged" not in table(db, "bot_queries").columns_dict:
        table(db, "bot_queries").add_column("hedged", int, not_null_default=0)


def _create_posts(db: sqlite_utils.Database) -> None:
    table(db, "bot_posts").create(
        {"chat_id": int, "message_id": int, "subject": str, "posted_at": float},
        pk=("chat_id", "message_id"),
        not_null={"subject", "posted_at"},
        if_not_exists=True,
    )


def _add_foreign(db: sqlite_utils.Database) -> None:
    # The question's language when none of the documents is written in it: /stats listed such
    # questions as what to add to the documents, though what they lack is a language, not a
    # subject. Rows logged before are null (they cannot be told apart now).
    if "foreign_language" not in table(db, "bot_queries").columns_dict:
        table(db, "bot_queries").add_column("foreign_language", str)


# Append new steps; never edit or rename one that has shipped.
MIGRATIONS: tuple[tuple[str, Migration], ...] = (
    ("bot-0001-conversations-queries-feedback", _create_v1),
    ("bot-0002-answers", _create_v2),
    ("bot-0003-pending", _create_v3),
    ("bot-0004-languages", _create_languages),
    ("bot-0005-hedged", _add_hedged),
    ("bot-0006-posts", _create_posts),
    ("bot-0007-foreign", _add_foreign),
)


@contextlib.contextmanager
def translated(path: Path) -> Iterator[None]:
    """Raise any ``sqlite3`` error inside as a :class:`StateError` naming the file."""
    try:
        yield
    except sqlite3.Error as error:
        raise StateError(f"cannot use the bot's tables in {path}: {error}") from error


def open_db(path: Path) -> sqlite_utils.Database:
    """The database at ``path`` (WAL), with the bot's tables up to date."""
    try:
        db = connect(path)
    except StoreError as error:
        raise StateError(str(error)) from error
    try:
        with translated(path):
            apply_migrations(db, SCOPE, MIGRATIONS)
    except BaseException:
        db.close()
        raise
    return db


def applied(db: sqlite_utils.Database) -> list[str]:
    """The names of the bot's migrations this file has seen, in the order applied."""
    rows = db.execute(
        "select name from _migrations where scope = ? order by rowid", [SCOPE]
    ).fetchall()
    return [str(row[0]) for row in rows]
