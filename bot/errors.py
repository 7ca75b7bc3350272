"""Exceptions the bot raises on purpose, beside the library's (:mod:`retrieval.errors`).

Each is converted into a message at the edge: a handler's reply, the error handler's one line
in the log, or the command line's one line on stderr. Raw ``sqlite3`` errors never reach a
handler: the state store turns them into :class:`StateError`.

    QuotebotError                       (retrieval.errors)
    ├── StoreError                      (retrieval.errors) the SQLite file can't be used
    │   └── StateError                  the bot's own tables can't be read or written
    └── UploadError                     an uploaded file can't become a document; ``reason``
    RuntimeError
    └── NotStartedError                 a handler ran before post_init built the services
    telegram.error.NetworkError
    └── DeliveryError                   (bot.delivery) a request still failed after every retry
"""

from __future__ import annotations

from retrieval.errors import QuotebotError, StoreError

# What makes a reload fail without being a bug: the folder is gone or holds nothing readable,
# the database can't be written, a disk is full (a broken manifest is only reported). ``/reload``
# and ``quotebot index`` say "❌ The reload failed" on these, and only on these (and on a bug).
RELOAD_ERRORS = (QuotebotError, OSError)


class StateError(StoreError):
    """The bot's state (conversations, query log, pending changes) can't be read or written."""


class UploadError(QuotebotError):
    """An uploaded file cannot become a document; ``reason`` is a few words for the admin."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class NotStartedError(RuntimeError):
    """A handler ran before post_init built the services (or after post_shutdown closed them)."""
