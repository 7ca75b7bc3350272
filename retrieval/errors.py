"""Exceptions raised by the retrieval library.

Every error the library raises on purpose is a :class:`QuotebotError`; callers convert it into a
message at their edge (the CLI prints one line and exits non-zero, the bot replies with a text from
``bot.messages``). Nothing here is asserted: each failure has its own narrow class.

    QuotebotError
    ├── QuestionError                 the question itself cannot be searched
    │   ├── EmptyQuestionError        nothing but spaces, punctuation or control characters
    │   ├── NoSearchableWordsError    only common words ("what is it?")
    │   │   └── NothingNamedError     a pronoun for a thing, and nothing asked before it
    │   └── QuestionTooLongError      longer than the limit a user may type
    ├── CorpusError                   the documents cannot be turned into a corpus
    │   ├── NoCorpusError             the corpus folder is missing or holds no readable document
    │   └── DocumentError             one file can't be used (binary, undecodable, empty, too large)
    └── StoreError                    the SQLite database cannot be opened, read or written
        └── IndexBuildError           a rebuild failed; the previous corpus is still in place
"""

from __future__ import annotations

from pathlib import Path


class QuotebotError(Exception):
    """Base class of every error the library raises on purpose."""


class QuestionError(QuotebotError):
    """The question cannot be searched."""


class EmptyQuestionError(QuestionError):
    """The question has no searchable text."""

    def __init__(self) -> None:
        super().__init__("the question is empty")


class QuestionTooLongError(QuestionError):
    """The question is longer than ``limit`` characters."""

    def __init__(self, length: int, limit: int) -> None:
        super().__init__(f"the question is {length} characters long; the limit is {limit}")
        self.length = length
        self.limit = limit


class CorpusError(QuotebotError):
    """The documents cannot be turned into a corpus."""


class NoCorpusError(CorpusError):
    """The corpus folder is missing or holds no readable document."""

    def __init__(self, folder: Path, reason: str) -> None:
        super().__init__(f"no corpus in {folder}: {reason}")
        self.folder = folder
        self.reason = reason


class DocumentError(CorpusError):
    """One document file cannot be used; ``reason`` says why in a few words."""

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(f"{path.name}: {reason}")
        self.path = path
        self.reason = reason


class StoreError(QuotebotError):
    """The SQLite database cannot be opened, read or written."""


class IndexBuildError(StoreError):
    """Rebuilding the corpus failed; the previous corpus is still being served."""


class NoSearchableWordsError(QuestionError):
    """The question has only common words ("what is it?"), nothing to search for."""

    def __init__(self) -> None:
        super().__init__("the question has only common words")


class NothingNamedError(NoSearchableWordsError):
    """The question asks about a thing it names only by a pronoun ("how do I install it?"),
    and no question came before it (the first, or after /reset)."""
