"""Keeping a library's index in step with its store: open, build, update, merge.

The library holds the live :class:`~retrieval.search.snapshot.Snapshot` and swaps it with one
assignment; :class:`IndexKeeper` decides how each new one is made. A saved index whose tag says
it was analysed the same way is updated with the corpus's changes rather than rebuilt, whatever
version it is at (a start after a crash between the corpus commit and the index save, or after
``quotebot index`` ran in another process). When the disk refuses the index (full, read-only)
the index is built in memory and served from there: a reload never fails for want of disk.
"""

from __future__ import annotations

import logging
import shutil
import threading
from collections.abc import Callable
from pathlib import Path

from retrieval.search import generations, segments, snapshot
from retrieval.search.analyzer import Analyzer
from retrieval.store.corpus import CorpusStore

log = logging.getLogger(__name__)


def analysis_of(tag: str) -> str:
    """The part of an index tag that says how passages were analysed (not the corpus version):
    an index whose analysis matches can be updated instead of rebuilt."""
    return tag.partition(":")[2]


def _mostly_new(store: CorpusStore, current: snapshot.Snapshot) -> bool:
    """Whether most of the corpus was written since ``current`` (a new parser re-read every
    file): a full build is then cheaper than an update, and leaves one segment."""
    if current.generation is None:
        return True
    added = store.count_after(current.generation.max_rowid)
    return added > max(snapshot.PARALLEL_FROM, current.index.n_docs // 2)


def _still_live(folder: Path, current: snapshot.Snapshot) -> bool:
    """Whether ``current``'s generation is still the folder's live one (no other process
    replaced it)."""
    live = generations.read_current(folder)
    return live is not None and live == current.generation


class IndexKeeper:
    """Makes the snapshots of one index folder."""

    def __init__(self, store: CorpusStore, folder: Path) -> None:
        self.store = store
        self.folder = folder
        self._merging: threading.Thread | None = None

    def open(self, tag: str, analyzer: Analyzer) -> snapshot.Snapshot:
        """The saved index when current; else the saved one updated with the corpus's changes
        when it was made by the same analyzer; else a new one (made by ``analyzer``)."""
        saved = snapshot.load(self.folder)
        if saved is not None and saved.version == tag:
            generations.collect_garbage(self.folder)
            saved.prepare_words(at_open=True)
            return saved
        if (
            saved is not None
            and analysis_of(saved.version) == analysis_of(tag)
            and not _mostly_new(self.store, saved)
        ):
            try:
                return self.update(saved, tag, analyzer)
            except ValueError as error:
                log.warning("the index could not be updated (%s): it is rebuilt", error)
        return self.build(tag, analyzer)

    def refreshed(
        self, current: snapshot.Snapshot | None, tag: str, analyzer: Analyzer
    ) -> snapshot.Snapshot:
        """The index for ``tag`` after a reload: ``current`` itself, updated, or rebuilt (by
        ``analyzer``)."""
        if current is not None and current.version == tag:
            return current
        if current is None or analysis_of(current.version) != analysis_of(tag):
            return self.build(tag, analyzer)
        if _mostly_new(self.store, current):
            return self.build(tag, analyzer)  # one segment, and analysed in parallel
        return self.update(current, tag, analyzer)

    def build(self, tag: str, analyzer: Analyzer) -> snapshot.Snapshot:
        try:
            with generations.locked(self.folder):
                # Another process may have built it while this one waited for the lock (both
                # found an index of an older format or analysis): served, not built again,
                # nor removed from under that process.
                built = snapshot.load(self.folder, tag)
                if built is not None:
                    built.prepare_words(at_open=True)
                    return built
                for old in self.folder.iterdir():  # another analysis: nothing is reusable
                    if old.is_dir():
                        shutil.rmtree(old)
                    elif old.name != "LOCK":
                        old.unlink()
                return snapshot.build(self.store, analyzer, tag, self.folder)
        except OSError as error:  # a full disk or a read-only folder: serve from memory
            log.warning("could not save the index in %s: %s", self.folder, error)
            return snapshot.build(self.store, analyzer, tag, None)

    def update(self, current: snapshot.Snapshot, tag: str, analyzer: Analyzer) -> snapshot.Snapshot:
        if current.folder is None or current.generation is None:
            return self.build(tag, analyzer)  # an index kept in memory only: nothing to update
        try:
            with generations.locked(self.folder):
                if not _still_live(self.folder, current):
                    # Another process moved the index on meanwhile: continue from its state.
                    current = snapshot.load(self.folder) or current
                if current.version == tag:
                    return current
                updated = snapshot.update(current, self.store, analyzer, tag)
        except OSError as error:
            log.warning("could not save the index update in %s: %s", self.folder, error)
            return snapshot.build(self.store, analyzer, tag, None)
        generations.collect_garbage(self.folder)
        return updated

    def merge_in_background(
        self,
        current: snapshot.Snapshot | None,
        lock: threading.Lock,
        live: Callable[[], snapshot.Snapshot | None],
        swap: Callable[[snapshot.Snapshot], None],
    ) -> None:
        """Merge ``current``'s segments in a thread when they call for it. It keeps answering
        meanwhile; under ``lock`` (the reload lock) the merged index is swapped in only if
        ``current`` is still the ``live`` one, else dropped (a reload came first)."""
        if current is None or not current.needs_merge():
            return
        if self._merging is not None and self._merging.is_alive():
            return

        def merge() -> None:
            try:
                with generations.locked(self.folder):
                    merged = snapshot.merge_segment(current)
                # The reload lock first, then the folder's, as a reload takes them.
                with lock, generations.locked(self.folder):
                    if live() is current and _still_live(self.folder, current):
                        swap(snapshot.adopt_merge(current, merged))
                        generations.collect_garbage(self.folder)
                        return
                if merged.folder is not None:
                    segments.remove(merged.folder)
            except Exception:  # a merge is an optimisation: the segments keep serving
                log.exception("merging the index segments failed")

        self._merging = threading.Thread(target=merge, name="index-merge", daemon=True)
        self._merging.start()

    def wait(self) -> None:
        """Wait for a merge under way (its files must not outlive the library's close)."""
        merging = self._merging
        if merging is not None:
            merging.join()
