"""An admin's change to the corpus waiting for a Yes or No: a replace or a removal."""

from __future__ import annotations

from dataclasses import dataclass

import sqlite_utils

from retrieval.store.db import transaction


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


_COLUMNS = "key, kind, chat_id, user_id, name, data, created_at"


class Pending:
    """The changes waiting for a Yes, each under the short key its buttons carry."""

    def __init__(self, db: sqlite_utils.Database) -> None:
        self.db = db

    def add(self, change: PendingChange) -> None:
        with transaction(self.db):
            self.db.execute(
                f"insert into bot_pending ({_COLUMNS}) values (?, ?, ?, ?, ?, ?, ?)",
                [
                    change.key, change.kind, change.chat_id, change.user_id, change.name,
                    change.data, change.created_at,
                ],
            )  # fmt: skip

    def get(self, key: str) -> PendingChange | None:
        """The change waiting under ``key``, left waiting."""
        row = self.db.execute(f"select {_COLUMNS} from bot_pending where key = ?", [key]).fetchone()
        return PendingChange(*row) if row else None

    def take(self, key: str) -> PendingChange | None:
        """The change waiting under ``key``, no longer waiting (a button works once)."""
        with transaction(self.db):
            change = self.get(key)
            self.db.execute("delete from bot_pending where key = ?", [key])
        return change

    def forget(self, older_than: float) -> int:
        """Drop the changes nobody confirmed before ``older_than``; how many there were."""
        with transaction(self.db):
            cursor = self.db.execute("delete from bot_pending where created_at < ?", [older_than])
        return int(cursor.rowcount)
