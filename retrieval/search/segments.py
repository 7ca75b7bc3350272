"""Immutable index segments: postings and passage data as ``.npy`` files, memory-mapped.

A segment is a folder written once (:class:`SegmentWriter`) and never changed; the passages it
holds are numbered 0..n-1 in rowid order. It keeps, as flat arrays:

- the forward data, per passage: its tokens ``(start, end, term)`` and sentences
  ``(start, end, tokens)`` (for excerpts, :mod:`passage_data`), and its section and title terms;
- the postings, term-major: for each (term, passage) the passage's BM25 term-frequency part over
  its three fields, *without* the IDF (``w_f · tf·(k1+1) / (tf + k1·(1 - b + b·len/avgdl_f))``
  summed over fields). The IDF is global, so it is applied at query time from the index's live
  document frequencies; the field averages ``avgdl_f`` are fixed when the segment is written
  (see :mod:`snapshot` for how segments share them);
- per term its document frequency in the passage text and in any field;
- the terms in sorted order (``term_order``: their numbers), so that a term is found by
  bisection (:class:`snapshot.TermIds`) without building a dict of every term on opening;
- the rowids, and the passages' keys (:func:`passage_data.passage_key`) sorted for lookup.

Builds are streamed: chunks of analysed passages are appended to files as they come, and the
postings are computed afterwards a few tens of thousands of passages at a time and merged, so
memory holds one chunk's postings plus the final two arrays, never the whole corpus as objects.
"""

from __future__ import annotations

import contextlib
import itertools
import json
import mmap
import os
import shutil
import struct
import threading
import time
import weakref
from collections import defaultdict, deque
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from retrieval.search.bm25 import FIELD_WEIGHTS, K1, B
from retrieval.search.passage_data import Chunk

POSTINGS_CHUNK = 1 << 16  # passages whose postings are computed at once
_HEADER = 128  # bytes of a streamed .npy header, rewritten with the real shape at the end
FORMAT = 2  # 2: the terms' sorted order (term_order); a segment of another is rebuilt
WORDS_SLICE = 1 << 17  # characters of the words file split at once (a millisecond or so)
WORD_KEY = 16  # bytes of a word its sorted key holds (see word_keys)

IntArray = npt.NDArray[np.int64]


def word_keys(written: bytes, count: int) -> dict[str, npt.NDArray[Any]]:
    """The arrays that find a word without reading the words (``words.txt``, ``written``,
    sorted, ``count`` of them) into Python strings: ``word_keys``, each word's first
    ``WORD_KEY`` bytes (UTF-8 orders as the code points, so the keys are sorted too: one
    ``np.searchsorted`` finds hundreds of spelling candidates at once), and ``word_starts``,
    where each word begins in the file, and one more (word ``i`` is bytes ``starts[i]`` to
    ``starts[i + 1] - 1``), for its length and for the words longer than their key. Made
    without a Python object per word.

    None of them when a word holds a NUL byte (a key pads with them): the words are then read
    as before.
    """
    data = np.frombuffer(written, np.uint8)
    if not count or (data == 0).any():
        return {}
    breaks = np.flatnonzero(data == 10)
    starts = np.concatenate(([0], breaks + 1, [len(data) + 1])).astype(np.int64)
    sizes = np.diff(starts) - 1
    padded = np.concatenate((data, np.zeros(WORD_KEY, np.uint8)))
    keys = np.empty((count, WORD_KEY), np.uint8)
    offsets = np.arange(WORD_KEY)
    for first in range(0, count, 1 << 16):  # a few MB of indices at a time
        last = min(first + (1 << 16), count)
        read = padded[starts[first:last, None] + offsets]
        keys[first:last] = np.where(offsets < sizes[first:last, None], read, 0)
    return {"word_keys": keys.view(f"S{WORD_KEY}").reshape(-1), "word_starts": starts}


class _Column:
    """An array appended in pieces: to a ``.npy`` file (header filled in at the end) or kept in
    memory when the segment has no folder."""

    def __init__(self, path: Path | None, dtype: Any, width: int = 0) -> None:
        self.path = path
        self.dtype = np.dtype(dtype)
        self.width = width
        self.rows = 0
        self.parts: list[npt.NDArray[Any]] = []
        self.handle = open(path, "wb") if path is not None else None  # noqa: SIM115
        if self.handle is not None:
            self.handle.write(b"\0" * _HEADER)

    def append(self, values: npt.ArrayLike) -> None:
        array = np.ascontiguousarray(values, dtype=self.dtype)
        self.rows += len(array)
        if self.handle is not None:
            self.handle.write(array.tobytes())
        else:
            self.parts.append(array)

    def finish(self) -> npt.NDArray[Any]:
        shape = (self.rows, self.width) if self.width else (self.rows,)
        if self.handle is None:
            if not self.parts:
                return np.zeros(shape, dtype=self.dtype)
            return np.concatenate(self.parts).reshape(shape)
        text = f"{{'descr': {self.dtype.str!r}, 'fortran_order': False, 'shape': {shape!r}, }}"
        text = text.ljust(_HEADER - 11) + "\n"
        self.handle.seek(0)
        self.handle.write(b"\x93NUMPY\x01\x00" + struct.pack("<H", len(text)) + text.encode())
        self.handle.flush()
        os.fsync(self.handle.fileno())
        self.handle.close()
        assert self.path is not None
        mapped: npt.NDArray[Any] = np.load(self.path, mmap_mode="r")
        return mapped

    def read(self, start: int, stop: int) -> npt.NDArray[Any]:
        """Rows ``start:stop`` of a finished column, read (not mapped: a build's memory must not
        grow with every page of the file it reads back)."""
        if self.path is None:  # in memory: joined once, each block a view of the whole
            if len(self.parts) > 1:
                self.parts = [np.concatenate(self.parts)]
            return self.parts[0][start:stop] if self.parts else self.finish()
        with open(self.path, "rb") as handle:
            handle.seek(_HEADER + start * self.dtype.itemsize)
            found: npt.NDArray[Any] = np.fromfile(handle, dtype=self.dtype, count=stop - start)
            return found


class Segment:
    """One written segment, its arrays memory-mapped (or in memory)."""

    def __init__(self, arrays: dict[str, npt.NDArray[Any]], meta: dict[str, Any],
                 vocabulary: Sequence[str], words: dict[str, int] | None,
                 folder: Path | None) -> None:  # fmt: skip
        self.arrays = arrays
        self.meta = meta
        self.vocabulary = vocabulary
        self._words = words
        self.folder = folder
        self.n = int(meta["n"])
        self.averages: list[float] = list(meta["averages"])
        self._readers: dict[str, tuple[int, int]] = {}  # array → (file descriptor, data offset)

    def __getattr__(self, name: str) -> npt.NDArray[Any]:
        try:
            found: npt.NDArray[Any] = self.__dict__["arrays"][name]
            return found
        except KeyError:
            raise AttributeError(name) from None

    def passage_rows(self, name: str, start: int, stop: int) -> npt.NDArray[Any]:
        """Rows ``start:stop`` of a passage-data array (tokens, sentences), read from the file
        rather than through its map: the kernel maps large page-cache folios whole, so a few
        hundred bytes read at a thousand scattered places would make hundreds of MB resident."""
        array = self.arrays[name]
        return np.frombuffer(self.passage_bytes(name, start, stop), dtype=array.dtype).reshape(
            -1, *array.shape[1:]
        )

    def passage_bytes(self, name: str, start: int, stop: int) -> bytes:
        """The bytes of rows ``start:stop`` of a passage-data array (as :meth:`passage_rows`
        reads them), for callers that join many passages' rows into one array."""
        array = self.arrays[name]
        reader = self._readers.get(name) if self.folder is not None else None
        width = array.strides[0]
        if reader is None:
            return bytes(np.ascontiguousarray(array[start:stop]).data)
        fd, offset = reader
        return os.pread(fd, (stop - start) * width, offset + start * width)

    def word_bytes(self, start: int, stop: int) -> bytes:
        """Bytes ``start:stop`` of the words file (see :func:`word_keys`)."""
        fd = self._readers["words"][0]
        return os.pread(fd, stop - start, start)

    @property
    def words(self) -> dict[str, int]:
        """Folded word as written → term id; read on first use (spelling correction only)."""
        if self._words is None:
            assert self.folder is not None
            written = _read_lines(self.folder / "words.txt")
            self._words = dict(zip(written, self.arrays["word_terms"].tolist(), strict=True))
        return self._words

    def word_list(self) -> tuple[list[str], list[int]] | None:
        """The folded words, sorted, and their term ids, as written (read on each call: the
        caller keeps them); None for a segment in memory or written before words were
        sorted, whose :attr:`words` serve instead.

        Read a slice at a time, letting other threads run between slices: it is read in the
        background while questions are answered, and one split
        of the whole file would hold the interpreter for tens of milliseconds at a million
        passages."""
        if self.folder is None or not self.meta.get("words_sorted"):
            return None
        text = (self.folder / "words.txt").read_text(encoding="utf-8")
        words: list[str] = []
        start = 0
        while start < len(text):
            end = text.find("\n", start + WORDS_SLICE)
            end = len(text) if end < 0 else end
            words += text[start:end].split("\n")
            start = end + 1
            time.sleep(0)  # let a question's thread take the interpreter
        found = self.arrays["word_terms"]
        terms: list[int] = []
        for at in range(0, len(found), WORDS_SLICE // 8):
            terms += found[at : at + WORDS_SLICE // 8].tolist()
            time.sleep(0)
        return words, terms

    @classmethod
    def open(cls, folder: Path) -> Segment:
        """Map a segment's files; raises OSError/ValueError/KeyError when damaged."""
        meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
        if meta.get("format") != FORMAT:
            raise ValueError(f"segment format {meta.get('format')}")
        # Plain ndarray views of the maps: numpy's memmap subclass costs microseconds on every
        # slice, and a question slices a few hundred times.
        arrays = {name: _map(folder / f"{name}.npy", name) for name in meta["arrays"]}
        # A tuple: the garbage collector stops visiting it after its first full pass (a list's
        # 400,000 entries were visited on every pass: 20 ms of a pass at 1M passages).
        vocabulary = tuple(_read_lines(folder / "vocab.txt"))
        segment = cls(arrays, meta, vocabulary, None, folder)
        for name in ("tokens", "sentences"):
            fd = os.open(folder / f"{name}.npy", os.O_RDONLY)
            weakref.finalize(segment, os.close, fd)
            segment._readers[name] = (fd, _data_offset(folder / f"{name}.npy"))
        if "word_keys" in arrays:  # opened now: a merge may remove the folder meanwhile
            fd = os.open(folder / "words.txt", os.O_RDONLY)
            weakref.finalize(segment, os.close, fd)
            segment._readers["words"] = (fd, 0)
        if (
            len(segment.rowids) != segment.n
            or len(segment.indptr) != len(vocabulary) + 1
            or len(segment.term_order) != len(vocabulary)
        ):
            raise ValueError(f"segment {folder} is inconsistent")
        _read_ahead([folder / f"{name}.npy" for name in _POSTINGS])
        return segment

    def field_terms(self, field: int) -> tuple[IntArray, npt.NDArray[np.int32]]:
        """``(ptr, terms)`` of a field: the passage text (0), section (1) or title (2)."""
        if field == 0:
            return self.tok_ptr, self.tokens[:, 2]
        return self.arrays[f"h{field}_ptr"], self.arrays[f"h{field}_terms"]

    def locate(self, key: int) -> int:
        """The passage with this key (see :func:`passage_data.passage_key`), or -1."""
        keys = self.keys
        at = int(np.searchsorted(keys, key))
        if at < len(keys) and int(keys[at]) == key:
            return int(self.key_order[at])
        return -1


class SegmentWriter:
    """Writes one segment from chunks of analysed passages (in rowid order)."""

    def __init__(self, folder: Path | None, fields: int = 3) -> None:
        self.folder = folder
        if folder is not None:
            folder.mkdir(parents=True, exist_ok=False)
        self.fields = fields
        self.vocab: defaultdict[str, int] = defaultdict(None)
        self.sources: dict[tuple[int, int], npt.NDArray[np.int32]] = {}  # worker's → ours
        self.words: dict[str, int] = {}
        self.seen = np.zeros(0, np.int64)  # per term
        self.capitals = np.zeros(0, np.int64)
        self.n = 0
        self.n_tokens = 0
        self.n_sentences = 0
        self.cols = {
            "rowids": self._column("rowids", np.int64),
            "keys": self._column("keys_unsorted", np.int64),
            "tok_ptr": self._column("tok_ptr", np.int64),
            "tokens": self._column("tokens", np.int32, 3),
            "sent_ptr": self._column("sent_ptr", np.int64),
            "sentences": self._column("sentences", np.int32, 3),
            "body": self._column("body_terms", np.int32),  # read back for the postings
        }
        self.cols["tok_ptr"].append([0])
        self.cols["sent_ptr"].append([0])
        self.heads: list[tuple[list[IntArray], list[npt.NDArray[np.int32]]]] = [
            ([np.zeros(1, np.int64)], []) for _ in range(fields - 1)
        ]

    def _column(self, name: str, dtype: Any, width: int = 0) -> _Column:
        return _Column(None if self.folder is None else self.folder / f"{name}.npy", dtype, width)

    def add(self, chunk: Chunk, remap: npt.NDArray[np.int32] | None = None) -> None:
        """Append a chunk, renumbering its terms into the segment's vocabulary (by ``remap``
        when given: a merge numbers a whole segment's terms once)."""
        if remap is None:
            remap = self._remap(chunk)
        tokens = chunk.tokens.copy()
        if len(tokens):
            tokens[:, 2] = remap[tokens[:, 2]]
        cols = self.cols
        cols["rowids"].append(chunk.rowids)
        cols["keys"].append(chunk.keys)
        cols["tokens"].append(tokens)
        cols["body"].append(tokens[:, 2])
        cols["tok_ptr"].append(chunk.tok_ptr[1:] + self.n_tokens)
        cols["sentences"].append(chunk.sentences)
        cols["sent_ptr"].append(chunk.sent_ptr[1:] + self.n_sentences)
        for (ptrs, terms), (ptr, found) in zip(self.heads, chunk.heads, strict=False):
            ptrs.append(ptr[1:] + sum(len(t) for t in terms))
            terms.append(remap[found] if len(found) else np.zeros(0, np.int32))
        words = chunk.words
        terms = remap[np.fromiter(words.values(), np.int64, len(words))].tolist()
        deque(map(self.words.setdefault, words, terms), maxlen=0)  # the first spelling stays
        self.seen = _accumulate(self.seen, chunk.seen, remap, len(self.vocab))
        self.capitals = _accumulate(self.capitals, chunk.capitals, remap, len(self.vocab))
        self.n += len(chunk)
        self.n_tokens += len(tokens)
        self.n_sentences += len(chunk.sentences)

    def _remap(self, chunk: Chunk) -> npt.NDArray[np.int32]:
        """A chunk's terms in the segment's numbering; a worker's chunk (``chunk.source``)
        through the array of that worker's numbers, only its new terms looked up."""
        if chunk.source is None or chunk.source_ids is None or chunk.fresh is None:
            return number_terms(self.vocab, chunk.vocabulary)
        known = self.sources.get(chunk.source)
        if known is None and not chunk.fresh.all():
            raise ValueError("a chunk numbered against terms this segment never had")
        ids = chunk.source_ids
        known = _grown(known if known is not None else np.zeros(0, np.int32), ids)
        known[ids[chunk.fresh]] = number_terms(self.vocab, chunk.vocabulary)
        self.sources[chunk.source] = known
        return known[ids]

    def finish(
        self,
        averages: Sequence[float] | None = None,
        weights: Sequence[float] = FIELD_WEIGHTS,
        k1: float = K1,
        b: float = B,
    ) -> Segment:
        """Compute the postings and write everything; the segment, opened.

        ``averages``: the field lengths to normalise by; by default this segment's own.
        """
        arrays = {name: col.finish() for name, col in self.cols.items()}
        del arrays["body"]  # read back chunk by chunk below, then removed
        keys = np.asarray(arrays.pop("keys"))
        order = np.argsort(keys, kind="stable")
        arrays["keys"], arrays["key_order"] = keys[order], order.astype(np.int32)
        for f, (ptrs, terms) in enumerate(self.heads, 1):
            arrays[f"h{f}_ptr"] = _join_ptrs(ptrs)
            arrays[f"h{f}_terms"] = (
                np.concatenate(terms).astype(np.int32) if terms else np.zeros(0, np.int32)
            )
        fields = [(np.asarray(arrays["tok_ptr"]), self.cols["body"])] + [
            (arrays[f"h{f}_ptr"], arrays[f"h{f}_terms"]) for f in range(1, self.fields)
        ]
        lengths = [np.diff(ptr) for ptr, _ in fields]
        totals = [int(x.sum()) for x in lengths]
        if averages is None:
            averages = [max(t / self.n, 1.0) if self.n else 1.0 for t in totals]
        n_terms = len(self.vocab)
        postings = build_postings(fields, n_terms, self.n, averages, weights, k1, b, self.folder)
        arrays.update(postings)
        for name, counts in (("seen", self.seen), ("capitals", self.capitals)):
            full = np.zeros(n_terms, np.int32)
            full[: min(len(counts), n_terms)] = counts[:n_terms]
            arrays[name] = full
        # Sorted, so that a word is found by searching the sorted keys as mapped
        # (snapshot._WordKeys) instead of in a dict built first: that took a fifth of a second
        # at 1M passages, holding the interpreter while the first questions were answered.
        written = sorted(self.words)
        arrays["word_terms"] = np.fromiter(
            map(self.words.__getitem__, written), np.int32, len(written)
        )
        # words.txt, and the keys that find its words (a segment kept in memory needs neither)
        words = "\n".join(written).encode("utf-8") if self.folder is not None else b""
        arrays.update(word_keys(words, len(written)) if words else {})
        meta = {
            "format": FORMAT, "n": self.n, "averages": list(averages), "totals": totals,
            "weights": list(weights), "k1": k1, "b": b, "words_sorted": True,
        }  # fmt: skip
        return self._write(arrays, meta, words)

    def _write(
        self, arrays: dict[str, npt.NDArray[Any]], meta: dict[str, Any], words: bytes
    ) -> Segment:
        vocabulary = list(self.vocab)
        arrays["term_order"] = term_order(vocabulary)
        if self.folder is None:
            meta["arrays"] = sorted(arrays)
            return Segment(arrays, meta, vocabulary, self.words, None)
        (self.folder / "body_terms.npy").unlink(missing_ok=True)
        streamed = {"rowids", "tok_ptr", "tokens", "sent_ptr", "sentences"}
        (self.folder / "keys_unsorted.npy").unlink(missing_ok=True)
        for name, array in arrays.items():
            if name not in streamed:
                _save(self.folder / f"{name}.npy", array, drop_cache=name in _POSTINGS)
        meta["arrays"] = sorted(arrays)
        _write_lines(self.folder / "vocab.txt", vocabulary)
        _write_bytes(self.folder / "words.txt", words)
        _write_text(self.folder / "meta.json", json.dumps(meta))
        return Segment.open(self.folder)


def _data_offset(path: Path) -> int:
    """Where a .npy file's data starts (after its header)."""
    mapped = np.load(path, mmap_mode="r")
    return int(mapped.offset) if isinstance(mapped, np.memmap) else 0


_POSTINGS = ("indptr", "docs", "values")  # dropped from the page cache once written
_SCATTERED = frozenset(
    {"tokens", "sentences", "tok_ptr", "sent_ptr", "keys", "key_order", "word_keys",
     "word_starts", "word_terms", "term_order"}
)  # fmt: skip


def _map(path: Path, name: str) -> npt.NDArray[Any]:
    """A file's array, memory-mapped, as a plain ndarray view.

    Passage data is read a few hundred bytes at a time at scattered places: the kernel is told
    so, or it maps in the neighbouring pages of every one read and resident memory grows by
    megabytes per question. (The postings are read ahead: :func:`_read_ahead`.)
    """
    mapped = np.load(path, mmap_mode="r")
    if isinstance(mapped, np.memmap) and name in _SCATTERED:
        _advise(mapped, mmap.MADV_RANDOM)
    view: npt.NDArray[Any] = mapped.view(np.ndarray)
    return view


def _read_ahead(paths: Sequence[Path]) -> None:
    """Have the kernel read a segment's postings into the page cache, in the background.

    Every question reads some postings, and a server started right after a build finds none
    cached (:func:`_save` drops them). Asked for a whole file at once (madvise or fadvise
    WILLNEED), the kernel reads only its first few megabytes (one request is capped at the
    device's largest read: 8 MB of a million passages' 220 MB ``docs``), so the first questions
    waited for the disk, a few milliseconds a fault (1M: the first five 25-65 ms). Asked a
    chunk at a time it reads it all, as small pages, so resident memory still counts only the
    pages a question maps (read by ``read()`` they would come as large folios: 720-770 MB
    serving against 637). Only a few chunks are in flight at once: asked all at once, they
    slowed the opening of the index by a tenth of a second.
    """
    if not hasattr(os, "posix_fadvise"):
        return

    def read() -> None:
        with contextlib.suppress(OSError, AttributeError):  # Linux: this thread only
            os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), 19)
        try:
            handles = [os.open(path, os.O_RDONLY) for path in paths]
        except OSError:  # a merge removed the segment meanwhile
            return
        try:
            asked: deque[tuple[int, int]] = deque()
            for file, at, last in _chunks([os.fstat(fd).st_size for fd in handles]):
                os.posix_fadvise(handles[file], at, last + 1 - at, os.POSIX_FADV_WILLNEED)
                asked.append((handles[file], last))
                if len(asked) > READ_AHEAD_WINDOW:
                    fd, byte = asked.popleft()
                    os.pread(fd, 1, byte)  # waits until that chunk is read
            for fd, last in asked:  # the last ones too: the thread ends once all is read
                os.pread(fd, 1, last)
        except OSError:
            return  # the disk refused: questions read what they need as before
        finally:
            for fd in handles:
                os.close(fd)

    threading.Thread(target=read, name="index-read-ahead", daemon=True).start()


def _chunks(sizes: Sequence[int]) -> Iterator[tuple[int, int, int]]:
    """``(file, first byte, last byte)`` of every :data:`READ_AHEAD_CHUNK` of files of
    ``sizes``, the files' chunks in turn: a term's passages and values come in together."""
    for at in range(0, max(sizes, default=0), READ_AHEAD_CHUNK):
        for file, size in enumerate(sizes):
            if at < size:
                yield file, at, min(at + READ_AHEAD_CHUNK, size) - 1


READ_AHEAD_CHUNK = 1 << 22  # bytes of a file asked for at once (under the kernel's cap)
READ_AHEAD_WINDOW = 8  # chunks asked for and not yet read


def _advise(mapped: npt.NDArray[Any], advice: int) -> bool:
    """madvise the map behind an array (numpy keeps it as ``_mmap``); False when refused."""
    handle: mmap.mmap | None = getattr(mapped.base if not isinstance(mapped, np.memmap)
                                       else mapped, "_mmap", None)  # fmt: skip
    if handle is None:
        return False
    try:
        handle.madvise(advice)
    except (OSError, ValueError):
        return False
    return True


def number_terms(vocab: defaultdict[str, int], terms: Sequence[str]) -> npt.NDArray[np.int32]:
    """The numbers of ``terms`` in ``vocab``, a term not in it numbered next (as
    ``vocab.setdefault(t, len(vocab))`` would): one look-up a term, in a C loop."""
    vocab.default_factory = itertools.count(len(vocab)).__next__
    try:
        return np.fromiter(map(vocab.__getitem__, terms), np.int32, len(terms))
    finally:
        vocab.default_factory = None  # elsewhere a missing term is missing


def term_order(vocabulary: Sequence[str]) -> npt.NDArray[np.int32]:
    """The numbers of the terms ``vocabulary`` in their sorted order (as Python compares
    strings, which :class:`snapshot.TermIds` bisects by)."""
    order = sorted(range(len(vocabulary)), key=vocabulary.__getitem__)
    return np.array(order, dtype=np.int32).reshape(-1)


def _grown(array: npt.NDArray[np.int32], ids: IntArray) -> npt.NDArray[np.int32]:
    """``array``, or a copy twice as long, long enough to be indexed by ``ids``."""
    size = int(ids.max()) + 1 if len(ids) else 0
    if len(array) >= size:
        return array
    grown = np.zeros(max(size, 2 * len(array)), np.int32)
    grown[: len(array)] = array
    return grown


def _accumulate(
    total: IntArray, counts: IntArray | None, remap: npt.NDArray[np.int32], n_terms: int
) -> IntArray:
    """Per-term counts of the segment so far plus a chunk's (in the chunk's numbering), added
    in place; the array grows by doubling (copied once per doubling, not once per chunk), so
    it may be longer than ``n_terms``."""
    if len(total) < n_terms:
        grown = np.zeros(max(n_terms, 2 * len(total)), np.int64)
        grown[: len(total)] = total
        total = grown
    if counts is not None and len(counts):
        total[remap[: len(counts)]] += counts  # a chunk's terms are distinct: no repeats
    return total


def _place(
    pieces: list[tuple[Any, ...]], counts: IntArray, n_terms: int
) -> tuple[IntArray, npt.NDArray[np.int32], npt.NDArray[np.float32]]:
    """Merge chunks of term-major postings into one CSR, each chunk's entries of a term after
    the earlier chunks' (spilled chunks are read back and deleted one at a time)."""
    indptr = np.zeros(n_terms + 1, np.int64)
    np.cumsum(counts, out=indptr[1:])
    docs_out = np.zeros(int(indptr[-1]), np.int32)
    values_out = np.zeros(int(indptr[-1]), np.float32)
    filled = indptr[:-1].copy()
    for piece in pieces:
        if len(piece) == 1:
            with np.load(piece[0]) as data:
                terms_c, docs_c, values_c = data["terms"], data["docs"], data["values"]
            piece[0].unlink()
        else:
            terms_c, docs_c, values_c = piece
        chunk_counts = np.bincount(terms_c, minlength=n_terms)
        first = np.zeros(n_terms, np.int64)
        np.cumsum(chunk_counts[:-1], out=first[1:])
        dest = filled[terms_c] + (np.arange(len(terms_c)) - first[terms_c])
        docs_out[dest] = docs_c
        values_out[dest] = values_c
        filled += chunk_counts
    return indptr, docs_out, values_out


def gather(
    ptr: IntArray, data: npt.NDArray[Any], docs: IntArray
) -> tuple[IntArray, npt.NDArray[Any]]:
    """The rows of ``data`` that belong to passages ``docs`` (CSR ``ptr``), and for each row
    the position in ``docs`` of the passage it belongs to."""
    starts = ptr[docs]
    lengths = ptr[docs + 1] - starts
    total = int(lengths.sum())
    owner = np.repeat(np.arange(len(docs), dtype=np.int64), lengths)
    firsts = np.cumsum(lengths) - lengths
    rows = np.repeat(starts - firsts, lengths) + np.arange(total, dtype=np.int64)
    return owner, np.asarray(data[rows])


def forward_chunk(segment: Segment, docs: IntArray, stats: bool) -> Chunk:
    """Passages ``docs`` of a segment as a chunk in the segment's term numbering, read from the
    stored forward data (a merge re-indexes without analysing); ``stats``: the segment's words
    and capitalisation counts come along (once per segment)."""
    tok_ptr, sent_ptr = np.asarray(segment.tok_ptr), np.asarray(segment.sent_ptr)
    owner, tokens = gather(tok_ptr, segment.tokens, docs)
    _, sentences = gather(sent_ptr, segment.sentences, docs)
    heads = []
    for field in (1, 2):
        ptr, terms = segment.field_terms(field)
        found_owner, found = gather(np.asarray(ptr), terms, docs)
        counts = np.bincount(found_owner, minlength=len(docs))
        heads.append((np.r_[0, np.cumsum(counts)].astype(np.int64), found.astype(np.int32)))
    keys = np.empty(segment.n, np.int64)
    keys[np.asarray(segment.key_order)] = segment.keys
    sent_counts = sent_ptr[docs + 1] - sent_ptr[docs]
    return Chunk(
        vocabulary=[],
        rowids=np.asarray(segment.rowids[docs], dtype=np.int64),
        keys=keys[docs],
        tok_ptr=np.r_[0, np.cumsum(np.bincount(owner, minlength=len(docs)))].astype(np.int64),
        tokens=tokens.astype(np.int32).reshape(-1, 3),
        sent_ptr=np.r_[0, np.cumsum(sent_counts)].astype(np.int64),
        sentences=sentences.astype(np.int32).reshape(-1, 3),
        heads=heads,
        words=dict(segment.words) if stats else {},
        seen=np.asarray(segment.seen, np.int64) if stats else None,
        capitals=np.asarray(segment.capitals, np.int64) if stats else None,
    )


def _join_ptrs(ptrs: list[IntArray]) -> IntArray:
    return np.concatenate(ptrs).astype(np.int64)


def chunk_postings(
    fields: Sequence[tuple[IntArray, npt.NDArray[np.int32]]],
    n_terms: int,
    averages: Sequence[float],
    weights: Sequence[float],
    k1: float,
    b: float,
) -> tuple[npt.NDArray[np.int32], npt.NDArray[np.int32], npt.NDArray[np.float32], IntArray,
           IntArray]:  # fmt: skip
    """Postings of a few passages given as ``(ptr, terms)`` per field (ptr from 0): term ids,
    passage numbers and values sorted term-major, and the text and any-field df per term."""
    n = len(fields[0][0]) - 1
    width = max(n, 1)
    keys_parts, value_parts = [], []
    body_df = np.zeros(n_terms, np.int64)
    for f, (ptr, terms) in enumerate(fields):
        lengths = np.diff(ptr)
        docs = np.repeat(np.arange(n, dtype=np.int64), lengths)
        unique, tf = np.unique(np.asarray(terms, np.int64) * width + docs, return_counts=True)
        if f == 0:
            body_df = np.bincount(unique // width, minlength=n_terms)
        weight = weights[f] if f < len(weights) else 0.0
        if weight == 0 or not len(unique):
            continue
        norm = k1 * (1 - b + b * lengths / averages[f])
        keys_parts.append(unique)
        value_parts.append(weight * tf * (k1 + 1) / (tf + norm[unique % width]))
    if not keys_parts:
        empty = np.zeros(0, np.int32)
        return empty, empty, np.zeros(0, np.float32), body_df, np.zeros(n_terms, np.int64)
    keys = np.concatenate(keys_parts)
    values = np.concatenate(value_parts)
    if len(keys_parts) > 1:
        order = np.argsort(keys, kind="stable")
        keys, values = keys[order], values[order]
        starts = np.flatnonzero(np.r_[True, keys[1:] != keys[:-1]])
        values = np.add.reduceat(values, starts)
        keys = keys[starts]
    terms_out = (keys // width).astype(np.int32)
    any_df = np.bincount(terms_out, minlength=n_terms)
    return terms_out, (keys % width).astype(np.int32), values.astype(np.float32), body_df, any_df


def build_postings(
    fields: Sequence[tuple[IntArray, Any]],
    n_terms: int,
    n: int,
    averages: Sequence[float],
    weights: Sequence[float],
    k1: float,
    b: float,
    folder: Path | None,
) -> dict[str, npt.NDArray[Any]]:
    """The CSR postings of ``n`` passages, computed :data:`POSTINGS_CHUNK` passages at a time
    (each chunk sorted term-major) and then merged by placing each chunk's entries after the
    earlier chunks' entries of the same term: passages stay in order within every term.

    With more than one chunk, two threads compute half-size chunks at once (numpy's sorts
    and arithmetic release the interpreter): the build's last step uses both cores, holding
    about two half-size chunks' work and one finished chunk waiting to be placed."""
    pieces: list[tuple[Any, ...]] = []
    counts = np.zeros(n_terms, np.int64)
    body_df = np.zeros(n_terms, np.int64)
    any_df = np.zeros(n_terms, np.int64)
    spilled = folder is not None and n > POSTINGS_CHUNK  # memory holds a chunk or two
    size = POSTINGS_CHUNK // 2 if n > POSTINGS_CHUNK else POSTINGS_CHUNK

    def block(a: int) -> tuple[npt.NDArray[Any], ...]:
        z = min(n, a + size)
        part = []
        for ptr, terms in fields:
            lo, hi = int(ptr[a]), int(ptr[z])
            found = terms.read(lo, hi) if isinstance(terms, _Column) else np.asarray(terms[lo:hi])
            part.append((np.asarray(ptr[a : z + 1]) - lo, found))
        return chunk_postings(part, n_terms, averages, weights, k1, b)

    for a, (terms_c, docs_c, values_c, body_c, any_c) in _in_order(block, range(0, n, size)):
        body_df += body_c
        any_df += any_c
        counts += np.bincount(terms_c, minlength=n_terms)
        docs_c += a
        if spilled:
            assert folder is not None
            path = folder / f"postings-{a}.tmp.npz"
            np.savez(path, terms=terms_c, docs=docs_c, values=values_c)
            pieces.append((path,))
        else:
            pieces.append((terms_c, docs_c, values_c))
    indptr, docs_out, values_out = _place(pieces, counts, n_terms)
    return {
        "indptr": indptr, "docs": docs_out, "values": values_out,
        "body_df": body_df.astype(np.int32), "any_df": any_df.astype(np.int32),
    }  # fmt: skip


def _in_order(
    work: Callable[[int], tuple[npt.NDArray[Any], ...]], starts: range
) -> Iterator[tuple[int, tuple[npt.NDArray[Any], ...]]]:
    """``(start, work(start))`` for each start, in order: by two threads when there are
    several, each one ahead at most (bounded memory)."""
    if len(starts) <= 1:
        yield from ((a, work(a)) for a in starts)
        return
    with ThreadPoolExecutor(2, thread_name_prefix="postings") as pool:
        pending: deque[tuple[int, Future[tuple[npt.NDArray[Any], ...]]]] = deque()
        for a in starts:
            pending.append((a, pool.submit(work, a)))
            if len(pending) >= 2:
                first, future = pending.popleft()
                yield first, future.result()
        while pending:
            first, future = pending.popleft()
            yield first, future.result()


# ------------------------------------------------------------------------------- file helpers
def _save(path: Path, array: npt.NDArray[Any], drop_cache: bool = False) -> None:
    """Write an array durably; ``drop_cache``: then let the kernel forget the written pages.

    Why for the postings: a file just written sits in the page cache as large folios (up to
    megabytes), and a process mapping it gets a whole folio mapped on each fault, so a server
    started right after a build had every posting resident (1M passages: 820 MB against 640
    MB for the same questions over the same files read back from disk). Read back, by
    :func:`_read_ahead`, they come in small pages and only those touched count.
    """
    with open(path, "wb") as handle:
        np.save(handle, np.ascontiguousarray(array), allow_pickle=False)
        handle.flush()
        os.fsync(handle.fileno())  # clean pages: only those can be dropped
        if drop_cache and hasattr(os, "posix_fadvise"):
            os.posix_fadvise(handle.fileno(), 0, 0, os.POSIX_FADV_DONTNEED)


def _write_text(path: Path, text: str) -> None:
    _write_bytes(path, text.encode("utf-8"))


def _write_bytes(path: Path, data: bytes) -> None:
    with open(path, "wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())


def _write_lines(path: Path, lines: list[str]) -> None:
    # Terms and folded words never hold a line break (the analyzer splits on white space).
    _write_text(path, "\n".join(lines))


def _read_lines(path: Path) -> list[str]:
    text = path.read_text(encoding="utf-8")
    return text.split("\n") if text else []


def remove(folder: Path) -> None:
    """Delete a segment folder (mapped files stay readable to whoever still maps them)."""
    shutil.rmtree(folder, ignore_errors=True)
