"""A segment's postings are read into the page cache when it opens, whole, however large.

A server started right after a build finds the postings out of the page cache (the build drops
them); the kernel reads only a few megabytes per WILLNEED request, so a file larger than that
was left mostly on disk and the first questions waited for it. Checked with ``mincore`` on real
files on the test machine's disk; skipped where the page cache cannot be observed or emptied.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import sys
import threading
from pathlib import Path

import numpy as np
import pytest

from retrieval.search.segments import _read_ahead

pytestmark = pytest.mark.skipif(
    not sys.platform.startswith("linux") or not hasattr(os, "posix_fadvise"),
    reason="page cache residency is observed with Linux's mincore",
)

SIZE = 48 << 20  # bytes per file: several times the kernel's cap on one read-ahead request
PAGE = os.sysconf("SC_PAGE_SIZE")


def _resident_share(path: Path) -> float:
    """The share of ``path``'s pages in the page cache (mincore over a read-only map)."""
    libc = ctypes.CDLL(ctypes.util.find_library("c"), use_errno=True)
    mapped = np.memmap(path, dtype=np.uint8, mode="r")
    pages = (len(mapped) + PAGE - 1) // PAGE
    vector = (ctypes.c_ubyte * pages)()
    address = ctypes.c_void_p(mapped.ctypes.data)
    if libc.mincore(address, ctypes.c_size_t(len(mapped)), vector) != 0:
        pytest.skip(f"mincore failed: {os.strerror(ctypes.get_errno())}")
    resident = sum(1 for v in vector if v & 1)
    del mapped
    return resident / pages


def _evicted(path: Path) -> Path:
    """Write ``SIZE`` bytes durably, then ask the kernel to forget the pages."""
    with open(path, "wb") as handle:
        handle.write(np.random.default_rng(7).bytes(SIZE))
        handle.flush()
        os.fsync(handle.fileno())
        os.posix_fadvise(handle.fileno(), 0, 0, os.POSIX_FADV_DONTNEED)
    return path


def _wait_for_read_ahead() -> None:
    for thread in threading.enumerate():
        if thread.name == "index-read-ahead":
            thread.join(timeout=60)


def test_every_page_of_large_postings_files_is_read_ahead(tmp_path: Path) -> None:
    paths = [_evicted(tmp_path / "docs.npy"), _evicted(tmp_path / "values.npy")]
    if any(_resident_share(p) > 0.5 for p in paths):
        pytest.skip("this file system keeps written pages cached (tmpfs?)")
    _read_ahead(paths)
    _wait_for_read_ahead()
    # Nearly all: the kernel reads each chunk asynchronously and may still be finishing a few
    # pages, or drop some, on a loaded machine (one run in a few hundred under a parallel
    # eval). Asked whole, as before, only the first few megabytes of 48 were read (< 0.2).
    assert all(_resident_share(p) >= 0.9 for p in paths)


def test_a_segment_removed_before_its_read_ahead_is_no_error(tmp_path: Path) -> None:
    errors: list[BaseException] = []
    previous = threading.excepthook
    threading.excepthook = lambda args: errors.append(args.exc_value)  # type: ignore[assignment]
    try:
        _read_ahead([tmp_path / "gone" / "docs.npy"])
        _wait_for_read_ahead()
    finally:
        threading.excepthook = previous
    assert errors == []
