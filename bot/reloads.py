"""Reloads of the corpus, one at a time, off the event loop.

:meth:`Library.reindex` builds the new index off to the side and swaps it in at once; here it
runs in a worker thread, so the bot keeps answering from the old index meanwhile. Whoever asks
for a reload gets a future of its report:

* ``/reload`` while a reload runs joins it: two reloads at the same time become one;
* a reload after a change to the folder (an upload, a removal) must read the folder as it is
  now, so while one runs it is queued to start right after it; every change made meanwhile joins
  that queued one.
"""

from __future__ import annotations

import asyncio
import contextlib

from retrieval.library import Library
from retrieval.model import ReindexReport


class Reloads:
    """Starts reloads of one library and lets concurrent requests share them."""

    def __init__(self, library: Library) -> None:
        self.library = library
        self._running: asyncio.Future[ReindexReport] | None = None
        self._queued: asyncio.Future[ReindexReport] | None = None

    @property
    def busy(self) -> bool:
        """True while a reload runs (or waits to run)."""
        return any(f is not None and not f.done() for f in (self._running, self._queued))

    def start(self, *, after_change: bool = False) -> asyncio.Future[ReindexReport]:
        """The report of a reload that reads the folder from now on (``after_change``) or of any
        reload running now."""
        if self._queued is not None and not self._queued.done():
            return self._queued  # starts later still: it will see every change made so far
        if self._running is not None and not self._running.done():
            if not after_change:
                return self._running
            self._queued = asyncio.ensure_future(self._after(self._running))
            return self._queued
        self._running = asyncio.ensure_future(asyncio.to_thread(self.library.reindex))
        return self._running

    async def _after(self, previous: asyncio.Future[ReindexReport]) -> ReindexReport:
        with contextlib.suppress(Exception):  # its failure is reported to those who asked for it
            await asyncio.shield(previous)
        self._running, self._queued = self._queued, None
        return await asyncio.to_thread(self.library.reindex)
