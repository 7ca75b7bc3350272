"""The state as the bot uses it: every call off the event loop, and writes never in the way.

:class:`AsyncState` runs the :class:`~bot.state.store.StateStore` calls on two threads, each with
its own connection to the WAL-mode file:

* reads run on the *reader*; in WAL mode a read never waits for a writer, so a reload holding
  the write lock for a minute does not slow a question down;
* writes are queued, in order, on the *writer*. A write the lock holds up waits there (SQLite's
  busy time-out, then retries with back-off) instead of failing with "database is locked", and
  whoever queued it goes on at once: the answer is sent while its query-log row waits.

What is queued but not yet written stays visible to reads (searches handed out, conversations,
answers, languages), so a button pressed, or a follow-up asked, meanwhile finds it. A write that
fails for good (a full disk) is logged; the user already has the answer.
"""

from __future__ import annotations

import asyncio
import logging
import sqlite3
import time
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import Any, TypeVar

from bot.errors import StateError
from bot.state.pending import PendingChange
from bot.state.queries import SavedSearch, new_key
from bot.state.store import StateStore
from bot.state.usage import Usage

logger = logging.getLogger(__name__)

T = TypeVar("T")
WRITE_PATIENCE = 600.0  # seconds a queued write keeps retrying on a locked file before it fails
CACHED_CONVERSATIONS = 10_000  # conversations kept in memory; beyond, they are read again
_BUSY, _LOCKED = 5, 6  # SQLite's primary result codes for a locked database


def is_locked(error: BaseException) -> bool:
    """True when ``error`` (or its cause) is SQLite saying another connection holds the lock."""
    seen: BaseException | None = error
    while seen is not None:
        code = getattr(seen, "sqlite_errorcode", None)
        if isinstance(code, int) and code & 0xFF in (_BUSY, _LOCKED):
            return True
        if isinstance(seen, sqlite3.OperationalError) and "locked" in str(seen):
            return True
        seen = seen.__cause__
    return False


class _Thread:
    """One thread with its own :class:`StateStore` connection."""

    def __init__(self, path: Path, name: str) -> None:
        self.path = path
        self.store: StateStore | None = None
        self.executor = ThreadPoolExecutor(1, thread_name_prefix=f"quotebot-state-{name}")

    def submit(self, work: Callable[[StateStore], T]) -> Future[T]:
        return self.executor.submit(self._run, work)

    def _run(self, work: Callable[[StateStore], T]) -> T:
        if self.store is None:
            self.store = StateStore.open(self.path)
        return work(self.store)

    def close(self) -> None:
        def close(store: StateStore) -> None:
            store.close()

        if self.store is not None:
            self.submit(close).result()
        self.executor.shutdown(wait=True)


class AsyncState:
    """The bot's state, awaited: reads on one thread, queued writes on another."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._reader = _Thread(path, "reader")
        self._writer = _Thread(path, "writer")
        self._queued: set[Future[Any]] = set()
        self._conversations: dict[tuple[int, int], tuple[str | None, float]] = {}
        self._languages: dict[int, str | None] = {}
        self._searches: dict[str, SavedSearch] = {}  # handed out, not written yet
        self._answers: dict[tuple[int, int], str] = {}  # (chat, message) → key, not written yet
        self._posts: dict[tuple[int, int], str] = {}  # (chat, message) → subject, not written yet

    @classmethod
    async def open(cls, path: Path) -> AsyncState:
        """Open the file (the schema brought up to date on the writer) and both threads."""
        state = cls(path)
        try:
            await state._write(lambda store: None)
            await state._read(lambda store: None)
        except BaseException:
            await asyncio.to_thread(state._close_threads)
            raise
        return state

    async def flush(self) -> None:
        """Wait until every write queued so far is done (or has failed and been logged)."""
        await self._write(lambda store: None)

    async def close(self) -> None:
        """Finish the queued writes, then close both connections."""
        await self.flush()
        await asyncio.to_thread(self._close_threads)

    def _close_threads(self) -> None:
        self._reader.close()
        self._writer.close()

    # The two threads ----------------------------------------------------------------------

    async def _read(self, work: Callable[[StateStore], T]) -> T:
        return await asyncio.wrap_future(self._reader.submit(work))

    async def _write(self, work: Callable[[StateStore], T]) -> T:
        return await asyncio.wrap_future(self._writer.submit(self._patient(work)))

    def _queue(
        self, what: str, work: Callable[[StateStore], object], then: Callable[[], object]
    ) -> None:
        """Write in the background; ``then`` runs once the write is done or has failed."""
        future = self._writer.submit(self._patient(work))
        self._queued.add(future)

        def settled(done: Future[Any]) -> None:
            self._queued.discard(done)
            then()
            error = done.exception()
            if error is not None:
                logger.warning(
                    "could not save %s (the reply was sent all the same): %s", what, error
                )

        future.add_done_callback(settled)

    @staticmethod
    def _patient(work: Callable[[StateStore], T]) -> Callable[[StateStore], T]:
        """``work``, tried again with back-off while another connection holds the lock."""

        def patient(store: StateStore) -> T:
            deadline = time.monotonic() + WRITE_PATIENCE
            pause = 0.05
            while True:
                try:
                    return work(store)
                except StateError as error:
                    if not is_locked(error) or time.monotonic() > deadline:
                        raise
                time.sleep(pause)
                pause = min(pause * 2, 1.0)

        return patient

    # Conversations and languages -----------------------------------------------------------

    async def load_conversation(
        self, chat_id: int, user_id: int, *, now: float, idle_seconds: float
    ) -> str | None:
        cached = self._conversations.get((chat_id, user_id))
        if cached is not None:
            state, at = cached
            return state if state is not None and now - at <= idle_seconds else None
        return await self._read(
            lambda s: s.load_conversation(chat_id, user_id, now=now, idle_seconds=idle_seconds)
        )

    def save_conversation(self, chat_id: int, user_id: int, state: str, *, now: float) -> None:
        self._remember_conversation((chat_id, user_id), state, now)
        self._queue(
            "the conversation",
            lambda s: s.save_conversation(chat_id, user_id, state, now=now),
            lambda: None,
        )

    def forget_conversation(self, chat_id: int, user_id: int) -> None:
        self._remember_conversation((chat_id, user_id), None, time.time())
        self._queue("a reset", lambda s: s.forget_conversation(chat_id, user_id), lambda: None)

    def _remember_conversation(self, key: tuple[int, int], state: str | None, at: float) -> None:
        if len(self._conversations) >= CACHED_CONVERSATIONS:
            self._conversations.clear()  # read back from the file when next needed
        self._conversations[key] = (state, at)

    async def language(self, user_id: int) -> str | None:
        if user_id not in self._languages:
            self._languages[user_id] = await self._read(lambda s: s.language(user_id))
        return self._languages[user_id]

    def set_language(self, user_id: int, language: str | None, *, now: float) -> None:
        self._languages[user_id] = language
        self._queue(
            "a language", lambda s: s.set_language(user_id, language, now=now), lambda: None
        )

    # The query log -------------------------------------------------------------------------

    def log_query(self, *, shown: Sequence[str], **fields: Any) -> SavedSearch:
        """Log a question (in the background); returns it with the key its buttons carry."""
        search = SavedSearch(key=new_key(), shown=tuple(shown), next_offset=len(shown), **fields)
        self._searches[search.key] = search
        self._queue(
            "the query log",
            lambda s: s.queries.log(search),
            lambda: self._searches.pop(search.key, None),
        )
        return search

    async def search(self, key: str) -> SavedSearch | None:
        unsaved = self._searches.get(key)
        return unsaved if unsaved is not None else await self._read(lambda s: s.search(key))

    async def latest_search(self, chat_id: int, user_id: int) -> SavedSearch | None:
        # A copy first (one step, under the interpreter lock): the writer's thread drops the
        # searches it has written, and a dict changing size mid-loop raises.
        unsaved = list(self._searches.values())
        mine = [s for s in unsaved if (s.chat_id, s.user_id) == (chat_id, user_id)]
        if mine:
            return max(mine, key=lambda s: s.asked_at)
        return await self._read(lambda s: s.latest_search(chat_id, user_id))

    def record_page(self, key: str, shown: Sequence[str], next_offset: int) -> None:
        if key in self._searches:
            self._searches[key] = self._searches[key].paged(shown, next_offset)
        self._queue("a page", lambda s: s.record_page(key, shown, next_offset), lambda: None)

    async def ever_shown(self, passage_id: str) -> bool:
        """Whether a logged question showed this passage (one still queued is not seen)."""
        return await self._read(lambda s: s.ever_shown(passage_id))

    def remember_answer(self, chat_id: int, message_id: int, key: str) -> None:
        self._answers[(chat_id, message_id)] = key
        self._queue(
            "an answer's message",
            lambda s: s.remember_answer(chat_id, message_id, key),
            lambda: self._answers.pop((chat_id, message_id), None),
        )

    async def answered_by(self, chat_id: int, message_id: int) -> SavedSearch | None:
        key = self._answers.get((chat_id, message_id))
        if key is not None:
            return await self.search(key)
        return await self._read(lambda s: s.answered_by(chat_id, message_id))

    def remember_post(self, chat_id: int, message_id: int, subject: str, *, now: float) -> None:
        self._posts[(chat_id, message_id)] = subject
        self._queue(
            "a post's subject",
            lambda s: s.remember_post(chat_id, message_id, subject, now=now),
            lambda: self._posts.pop((chat_id, message_id), None),
        )

    async def post_subject(self, chat_id: int, message_id: int) -> str | None:
        subject = self._posts.get((chat_id, message_id))
        if subject is not None:
            return subject
        return await self._read(lambda s: s.post_subject(chat_id, message_id))

    async def record_feedback(self, key: str, user_id: int, *, good: bool, now: float) -> bool:
        """Queue 👍 or 👎 on a logged question; False when the key is unknown."""
        if await self.search(key) is None:
            return False
        self._queue(
            "a vote",
            lambda s: s.record_feedback(key, user_id, good=good, now=now),
            lambda: None,
        )
        return True

    async def feedback(self, key: str) -> dict[int, int]:
        await self.flush()
        return await self._read(lambda s: s.feedback(key))

    async def usage(self, now: float) -> Usage:
        await self.flush()  # every question asked so far is counted
        return await self._read(lambda s: s.usage(now))

    # Pending changes (an admin waits for these: they are written before the reply) ---------

    async def add_pending(self, **fields: Any) -> str:
        return await self._write(lambda s: s.add_pending(**fields))

    async def pending(self, key: str) -> PendingChange | None:
        return await self._read(lambda s: s.pending(key))

    async def take_pending(self, key: str) -> PendingChange | None:
        return await self._write(lambda s: s.take_pending(key))

    async def forget_pending(self, older_than: float) -> int:
        return await self._write(lambda s: s.forget_pending(older_than))
