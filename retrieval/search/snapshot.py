"""The searchable snapshot of a corpus: its segmented BM25 index, passage data and question aids.

A snapshot lives in a folder beside the database (:mod:`generations` describes its layout) and is
opened memory-mapped (:func:`load`): start-up reads the live generation's small files and maps the
large ones, whatever the corpus's size. It changes in three ways, each writing new files and then
switching the live generation atomically, so a question never sees half of each and a crash
leaves the previous snapshot whole:

- :func:`build` indexes every passage into one segment, analysing them in worker processes;
- :func:`update` applies a corpus change: the passages of changed or removed documents are
  marked deleted in their segments and the new passages (rowids above the last indexed one) are
  analysed into one new segment: the cost follows the change, not the corpus;
- :func:`merge_segment` + :func:`adopt_merge` rewrite the live passages of every segment into
  one, from the stored forward data (no analysis), dropping deleted passages; the library runs it
  in the background when :meth:`Snapshot.needs_merge` says the segments have become many, the
  deletions a large share, or the field averages stale.

How segments share BM25's corpus-wide statistics: the IDF is exact at every moment. Each
generation saves the live document frequencies of every term (a change subtracts the deleted
passages' terms, read from their stored tokens, and adds the new segment's), and the IDF is
applied at query time. The field-length averages are fixed per generation: a new segment is
normalised by the averages its base was, so all segments score alike; the true averages drift a
little with every change, and a merge re-normalises everything once they have moved by more than
:data:`MERGE_DRIFT`. Search after an update therefore equals a full rebuild given the same averages,
and search after a merge equals a plain full rebuild (``tests/search/test_segments.py``).
"""

from __future__ import annotations

import bisect
import itertools
import logging
import multiprocessing
import os
import threading
import time
from collections import deque
from collections.abc import Iterable, Iterator, Mapping, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from retrieval.model import Passage
from retrieval.search import generations
from retrieval.search.analyzer import Analyzer
from retrieval.search.bm25 import BM25Index, Postings
from retrieval.search.excerpts import Fragment
from retrieval.search.generations import Generation, SegmentRef
from retrieval.search.passage_data import (
    Chunk,
    PassageRow,
    Stored,
    analyse_in_worker,
    analyse_rows,
    fragments_of,
    init_worker,
    passage_key,
)
from retrieval.search.segments import (
    Segment,
    SegmentWriter,
    forward_chunk,
    gather,
    number_terms,
)
from retrieval.search.token_columns import TermTable
from retrieval.store.corpus import CorpusStore

log = logging.getLogger(__name__)

BATCH = 2048  # passages per analysis task
PARALLEL_FROM = 20_000  # passages: fewer are analysed in-process (a pool costs ~0.5 s to start)
MERGE_DELETED = 0.10  # share of deleted passages that calls for a merge
MERGE_SEGMENTS = 8
MERGE_DRIFT = 0.01  # relative change of a field's average length since it was fixed

IntArray = npt.NDArray[np.int64]
IntArray32 = npt.NDArray[np.int32]
_ROW = 3 * np.dtype(np.int32).itemsize  # bytes of one stored token or sentence


class RowidView:
    """Passage number in the index → rowid in SQLite, across the segments."""

    def __init__(self, segments: Sequence[Segment]) -> None:
        self._segments = list(segments)
        self._starts = np.cumsum([0] + [s.n for s in segments])

    @property
    def starts(self) -> IntArray:
        """Each segment's first passage number, and the total after the last."""
        return self._starts

    def __getitem__(self, position: int | np.integer[Any]) -> np.int64:
        at = int(np.searchsorted(self._starts, position, side="right")) - 1
        return np.int64(self._segments[at].rowids[int(position) - int(self._starts[at])])

    def take(self, positions: npt.NDArray[np.int64]) -> list[int]:
        """The rowids of many passage numbers at once."""
        if len(self._segments) == 1:
            found: list[int] = self._segments[0].rowids[positions].tolist()
            return found
        # Each segment's at once: one by one, a question's hundred cost 50 µs twice over once
        # a reload had added a segment.
        numbers = np.searchsorted(self._starts, positions, side="right") - 1
        taken = np.empty(len(positions), np.int64)
        for number in set(numbers.tolist()):
            chosen = numbers == number
            taken[chosen] = self._segments[number].rowids[positions[chosen] - self._starts[number]]
        rowids: list[int] = taken.tolist()
        return rowids

    def __len__(self) -> int:
        return int(self._starts[-1])


class _Words(Mapping[str, str]):
    """Folded word as written → its term, for spelling correction.

    A segment written with its words' sorted keys (:func:`segments.word_keys`) finds them in
    its mapped files (:class:`_WordKeys`): nothing is read or built when the index opens, and
    :meth:`find` looks up a misspelt word's hundreds of candidates in one vectorised search
    from the first question on. The dict it replaces took a fifth of a second to build at a
    million passages, so it was built in the background, slowly, and the candidates were found
    by bisection meanwhile: a correction took 0.5 ms so at 100k and 1M passages, 0.25 ms once
    the dict was built, and 0.27 ms now, from the first question (a look-up of the keys is
    slower than of a dict, but :func:`spelling.correct` looks each candidate up once). Nor is a
    dict of every word kept in memory (serving 17 MB less at 100k passages, 52 MB at 1M).
    The words are read only to be listed (:meth:`__iter__`, :meth:`starting`).

    An older segment's words are read on first use, in the background after the first question
    (:meth:`prepare`): sorted as written, found by bisection, then by a dict built a slice at a
    time; written before words were sorted, into a dict at once, as before.
    The first segment holding a word gives its term.
    """

    def __init__(self, segments: Sequence[Segment]) -> None:
        self._segments = list(segments)
        self._keyed = [_WordKeys(s) if "word_keys" in s.arrays else None for s in segments]
        self._sources: list[_WordKeys | _WordSource] | None = None
        if all(k is not None for k in self._keyed):
            self._sources = [k for k in self._keyed if k is not None]  # nothing to read
        self._lock = threading.Lock()
        self._started = False

    def prepare(self, paced_only: bool = False) -> None:
        """Read the older segments' words in a background thread (once), so no later question
        waits for them; asked for first, they are read then. ``paced_only``: only if every
        one's words are read a slice at a time (an older segment's are read into a dict in
        one call)."""
        if self._sources is not None or self._started:
            return
        unkeyed = [s for s, k in zip(self._segments, self._keyed, strict=True) if k is None]
        if not paced_only or all(s.meta.get("words_sorted") for s in unkeyed):
            self._started = True
            threading.Thread(target=self._fill, name="index-words", daemon=True).start()

    def _read(self) -> list[_WordKeys | _WordSource]:
        return [
            k if k is not None else _WordSource(s)  # soon: a slice yields
            for s, k in zip(self._segments, self._keyed, strict=True)
        ]

    def _fill(self) -> None:
        """In the background: read the words, a slice at a time (not holding the lock
        meanwhile: a question needing them first reads them itself), then build the dicts,
        slowly: questions find the words by bisection meanwhile."""
        try:
            read = self._read()
        except OSError:  # the index was removed meanwhile: whoever still asks reads them
            return
        with self._lock:
            if self._sources is None:
                self._sources = read
            sources = self._sources
        for source in sources:
            if isinstance(source, _WordSource):
                source.fill(WORDS_DUTY)

    def _all(self) -> list[_WordKeys | _WordSource]:
        sources = self._sources
        if sources is not None:
            return sources
        with self._lock:
            if self._sources is None:
                self._sources = self._read()
            return self._sources

    def find(self, words: Sequence[str]) -> list[str | None]:
        """The term of each of ``words`` (None where no passage writes it), looked up at once."""
        sources = self._all()
        if len(sources) == 1:
            return sources[0].terms(words)
        found: list[str | None] = [None] * len(words)
        pending = list(range(len(words)))
        for source in sources:
            left = []
            for i, term in zip(pending, source.terms([words[i] for i in pending]), strict=True):
                if term is None:
                    left.append(i)
                else:
                    found[i] = term
            pending = left
            if not pending:
                break
        return found

    def __getitem__(self, word: str) -> str:
        term = self.find([word])[0]
        if term is None:
            raise KeyError(word)
        return term

    def get(self, word: str, default: Any = None) -> Any:
        term = self.find([word])[0]
        return default if term is None else term

    def starting(self, prefix: str) -> Iterator[str]:
        """The words beginning with ``prefix`` (as "zh:"), each once: of a segment with keys,
        only theirs are read."""
        return iter(dict.fromkeys(w for source in self._all() for w in source.starting(prefix)))

    def __iter__(self) -> Iterator[str]:
        return iter(dict.fromkeys(w for source in self._all() for w in source.words()))

    def __len__(self) -> int:
        return sum(1 for _ in self)


# Lengths of byte strings in C (numpy 2); numpy 1's np.char loops in Python, more slowly.
_str_len: Any = getattr(np, "strings", np.char).str_len


class _WordKeys:
    """One segment's words found by their sorted keys as mapped (:func:`segments.word_keys`):
    a word's first bytes, searched for all candidates at once; its length (and, for a word
    longer than its key, its bytes) read to tell it from others beginning alike."""

    def __init__(self, segment: Segment) -> None:
        self.segment = segment
        self.vocabulary = segment.vocabulary
        self.keys = segment.arrays["word_keys"]
        self.starts = segment.arrays["word_starts"]
        self.term_ids = segment.arrays["word_terms"]

    def terms(self, words: Sequence[str]) -> list[str | None]:
        """The term of each of ``words``, None where this segment has not the word."""
        found: list[str | None] = [None] * len(words)
        if not words or not len(self.keys):
            return found
        # Lone surrogates (never in the written words) give bytes no word has.
        encoded = [w.encode("utf-8", "surrogatepass") for w in words]
        probes = np.array(encoded, dtype=self.keys.dtype)  # each cut to the key's width
        sizes = _str_len(probes)  # as far as the key holds
        at = np.minimum(np.searchsorted(self.keys, probes), len(self.keys) - 1)
        same = self.keys[at] == probes
        lengths = self.starts[at + 1] - self.starts[at] - 1
        width = self.keys.dtype.itemsize
        # Shorter than the key's width, the word with the same key is the word (words hold no
        # NUL, which pads shorter keys) if it is as long; one as long as the key or longer is
        # looked for among the words beginning with the same key.
        exact = np.flatnonzero(same & (sizes < width) & (lengths == sizes))
        for i, term in zip(exact.tolist(), self.term_ids[at[exact]].tolist(), strict=True):
            found[i] = self.vocabulary[term]
        longer = np.flatnonzero(same & (sizes == width))
        if len(longer):
            lasts = np.searchsorted(self.keys, probes[longer], side="right").tolist()
            ranges: dict[tuple[int, int], dict[bytes, int]] = {}
            for i, last in zip(longer.tolist(), lasts, strict=True):
                first = int(at[i])
                alike = ranges.get((first, last))
                if alike is None:  # the words beginning with this key, read once
                    read = self._bytes(first, last).split(b"\n")
                    alike = ranges[first, last] = {w: first + n for n, w in enumerate(read)}
                place = alike.get(encoded[i])
                if place is not None:
                    found[i] = self.vocabulary[int(self.term_ids[place])]
        return found

    def words(self) -> list[str]:
        return self._read(0, len(self.keys))

    def starting(self, prefix: str) -> list[str]:
        # The keys beginning with the prefix's bytes (as far as a key holds) lie between them
        # and the same bytes with the last one raised (trailing 0xff dropped first).
        encoded = prefix.encode("utf-8", "surrogatepass")[: self.keys.itemsize]
        first = int(np.searchsorted(self.keys, np.array(encoded, dtype=self.keys.dtype)))
        stem = encoded.rstrip(b"\xff")
        last = len(self.keys)
        if stem:
            above = np.array(stem[:-1] + bytes([stem[-1] + 1]), dtype=self.keys.dtype)
            last = int(np.searchsorted(self.keys, above))
        return [w for w in self._read(first, last) if w.startswith(prefix)]

    def _read(self, first: int, last: int) -> list[str]:
        """Words ``first:last``, as written."""
        if first >= last:
            return []
        return self._bytes(first, last).decode("utf-8").split("\n")

    def _bytes(self, first: int, last: int) -> bytes:
        """Words ``first:last`` as the file holds them, one a line."""
        return self.segment.word_bytes(int(self.starts[first]), int(self.starts[last]) - 1)


class _WordSource:
    """An older segment's words: sorted as written (by bisection until :meth:`fill` has
    built a dict of them), or, for a segment written before words were sorted, a dict."""

    def __init__(self, segment: Segment) -> None:
        self.vocabulary = segment.vocabulary
        listed = segment.word_list()
        # Tuples: the garbage collector stops visiting a tuple of strings or numbers after
        # its first full pass, where it would visit a list's 400,000 entries on every one.
        self.sorted: tuple[str, ...] = tuple(listed[0]) if listed is not None else ()
        self.term_ids: tuple[int, ...] = tuple(listed[1]) if listed is not None else ()
        self.mapping: dict[str, int] | None = segment.words if listed is None else None

    def fill(self, duty: float = 1.0) -> None:
        """Build the dict a slice at a time, each slice followed by a pause long enough that
        the building takes at most ``duty`` of the interpreter's time."""
        if self.mapping is not None:
            return
        mapping: dict[str, int] = {}
        for at in range(0, len(self.sorted), WORDS_SLICE):
            began = time.perf_counter()
            mapping.update(
                zip(
                    self.sorted[at : at + WORDS_SLICE],
                    self.term_ids[at : at + WORDS_SLICE],
                    strict=True,
                )
            )
            # let a question's thread take the interpreter
            time.sleep((time.perf_counter() - began) * (1 / duty - 1))
        self.mapping = mapping

    def terms(self, words: Sequence[str]) -> list[str | None]:
        return [self.term(w) for w in words]

    def term(self, word: str) -> str | None:
        mapping = self.mapping
        if mapping is not None:
            found = mapping.get(word)
            return None if found is None else self.vocabulary[found]
        at = bisect.bisect_left(self.sorted, word)
        if at < len(self.sorted) and self.sorted[at] == word:
            return self.vocabulary[self.term_ids[at]]
        return None

    def words(self) -> Iterable[str]:
        return self.mapping.keys() if self.mapping is not None else self.sorted

    def starting(self, prefix: str) -> list[str]:
        return [w for w in self.words() if w.startswith(prefix)]


WORDS_SLICE = 1 << 12  # words added to a dict at once (under a millisecond)
WORDS_DUTY = 0.05  # share of the interpreter's time the background building of it takes


@dataclass(frozen=True)
class Snapshot:
    """Everything one search needs, swapped as a whole when the corpus is reloaded."""

    index: BM25Index
    rowids: RowidView  # passage number in the index → rowid in SQLite
    words: _Words  # folded word as written → its term (for spelling correction)
    proper: frozenset[str]  # terms mostly written with a capital: names of places and bodies
    version: str
    folder: Path | None = None
    generation: Generation | None = None
    segments: tuple[Segment, ...] = ()
    deleted: tuple[IntArray, ...] = ()  # per segment, its deleted passage numbers (sorted)
    globals: tuple[npt.NDArray[np.int32], ...] = ()  # per segment, its term → index term
    df_pair: npt.NDArray[np.int64] | None = None  # live df (text, any field) per index term
    # The analyzer its passages were analysed by, which questions are read by: a reload whose
    # corpus defines new abbreviations swaps a new one in with its index (the library sets it).
    analyzer: Analyzer | None = None

    def prepare_words(self, at_open: bool = False) -> None:
        """Start reading the words for spelling correction in the background. When the index
        opens (``at_open``) only if they are read a slice at a time, pausing between slices:
        read in one call they would hold the interpreter while the first question is
        answered, which seldom needs them; paced, they are ready before most questions that
        do (the first misspelt question after start-up waited for them)."""
        if isinstance(self.words, _Words):
            self.words.prepare(paced_only=at_open)

    def fragments(self, passage: Passage) -> list[Fragment] | None:
        """The stored sentences and tokens of ``passage`` (None: not indexed with this text)."""
        found = self._find(passage_key(passage.id, passage.text))
        if found is None:
            return None
        segment = self.segments[found[0]]
        return fragments_of(*self._rows(segment, found[1]), segment.vocabulary)

    def stored(
        self, positions: Sequence[int], passages: Sequence[Passage], heads: int | None = None
    ) -> Stored:
        """The stored sentences and tokens of the passages at these index positions, their
        tokens' terms in the index's numbering, read in one batch; a passage not indexed with
        its present text (a reload changed it between the search and the fetch) is not.
        ``heads``: of how many passages (the first) the headings are read (None: of all)."""
        wanted = len(passages) if heads is None else heads
        keys = np.array([passage_key(p.id, p.text) for p in passages], dtype=np.int64)
        places = self._places(np.asarray(positions, dtype=np.int64), keys)
        found = [
            p if p is not None else self._find(k)
            for k, p in zip(keys.tolist(), places, strict=True)
        ]
        spans = self._spans([f for f in found if f is not None])
        sentence_bytes, token_bytes, later = [], [], []
        counts: list[int | None] = []
        headings: list[frozenset[int] | None] = []
        rows = 0
        for place in found:
            if place is None:
                counts.append(None)
                if len(headings) < wanted:
                    headings.append(None)
                continue
            number = place[0]
            segment = self.segments[number]
            if len(headings) < wanted:
                headings.append(self._heads(number, place[1]))
            s0, s1, t0, t1 = spans[place]
            if number > 0:  # a later segment numbers its terms its own way
                later.append((rows, t1 - t0, number))
            sentence_bytes.append(segment.passage_bytes("sentences", s0, s1))
            token_bytes.append(segment.passage_bytes("tokens", t0, t1))
            counts.append(s1 - s0)
            rows += t1 - t0
        sentences = np.frombuffer(b"".join(sentence_bytes), dtype=np.int32).reshape(-1, 3)
        tokens = np.frombuffer(b"".join(token_bytes), dtype=np.int32).reshape(-1, 3)
        if later:
            tokens = tokens.copy()
            for first, size, number in later:
                part = tokens[first : first + size, 2]
                part[:] = self.globals[number][part]
        if int(sentences[:, 2].sum()) != len(tokens):  # indexed from terms alone: analysed
            return Stored(np.zeros((0, 3), np.int32), np.zeros((0, 3), np.int32),
                          [None] * len(passages), [None] * len(passages))  # fmt: skip
        return Stored(sentences, tokens, counts, headings)

    def _heads(self, number: int, at: int) -> frozenset[int]:
        """The section and title terms of passage ``at`` of segment ``number``, as indexed (a
        heading is analysed once, when indexed, not at every question that ranks it)."""
        segment = self.segments[number]
        found: list[int] = []
        for field in (1, 2):
            ptr, terms = segment.field_terms(field)
            start, stop = ptr[at : at + 2].tolist()
            found += terms[start:stop].tolist()
        if number > 0:  # a later segment numbers its terms its own way
            found = self.globals[number][found].tolist()
        return frozenset(found)

    def _spans(
        self, places: list[tuple[int, int]]
    ) -> dict[tuple[int, int], tuple[int, int, int, int]]:
        """Where each passage's sentences and tokens are in its segment's arrays: ``(first
        sentence, last + 1, first token, last + 1)``, read for all of a segment's at once."""
        spans = {}
        for number in sorted({n for n, _ in places}):
            segment = self.segments[number]
            at = np.array([a for n, a in places if n == number], dtype=np.int64)
            columns = [segment.sent_ptr[at], segment.sent_ptr[at + 1]]
            columns += [segment.tok_ptr[at], segment.tok_ptr[at + 1]]
            rows = zip(at.tolist(), *(c.tolist() for c in columns), strict=True)
            spans.update({(number, a): (s0, s1, t0, t1) for a, s0, s1, t0, t1 in rows})
        return spans

    def _places(
        self, positions: npt.NDArray[np.int64], keys: npt.NDArray[np.int64]
    ) -> list[tuple[int, int] | None]:
        """(segment, passage number in it) of each position whose stored key is ``keys``'s
        (one look-up per segment for all of them); None where it is not."""
        starts = self.rowids.starts
        numbers = np.searchsorted(starts, positions, side="right") - 1
        places: list[tuple[int, int] | None] = [None] * len(positions)
        for number in sorted(set(numbers.tolist())):  # not np.unique: it imports numpy.ma
            segment = self.segments[number]
            chosen = np.flatnonzero(numbers == number)
            at = positions[chosen] - starts[number]
            where = np.minimum(np.searchsorted(segment.keys, keys[chosen]), segment.n - 1)
            same = (segment.keys[where] == keys[chosen]) & (segment.key_order[where] == at)
            for i, a, ok in zip(chosen.tolist(), at.tolist(), same.tolist(), strict=True):
                places[i] = (number, a) if ok else None
        return places

    def _find(self, key: int) -> tuple[int, int] | None:
        """(segment, passage number in it) of the passage with this key, newest first."""
        for number in range(len(self.segments) - 1, -1, -1):
            at = self.segments[number].locate(key)
            if at >= 0:
                return number, at
        return None

    @staticmethod
    def _rows(segment: Segment, at: int) -> tuple[IntArray32, IntArray32]:
        s0, s1 = int(segment.sent_ptr[at]), int(segment.sent_ptr[at + 1])
        t0, t1 = int(segment.tok_ptr[at]), int(segment.tok_ptr[at + 1])
        return segment.passage_rows("sentences", s0, s1), segment.passage_rows("tokens", t0, t1)

    def needs_merge(self) -> bool:
        """Whether the segments should be merged into one (see the module's docstring)."""
        if self.generation is None or self.folder is None:
            return False
        size = sum(s.n for s in self.segments)
        deleted = sum(len(d) for d in self.deleted)
        return bool(
            (size and deleted / size > MERGE_DELETED)
            or len(self.segments) >= MERGE_SEGMENTS
            or (len(self.segments) > 1 and self.generation.drift() > MERGE_DRIFT)
        )


# ------------------------------------------------------------------------------- composing
class TermIds(Mapping[str, int]):
    """Term → its number in the index (:func:`_terms`), without a dict of every term: the first
    segment's terms, numbered as it numbers them, are found by bisection in their sorted order
    (written with the segment: ``term_order``), the terms later segments add in a dict. A dict
    of a million passages' 411,000 terms took 0.1 to 0.25 s of every start-up to build, and
    30 MB. A look-up by bisection takes a few microseconds; a question looks its terms up
    about six times each (48 look-ups of 8 terms), so the terms looked up are remembered."""

    def __init__(
        self, first: Sequence[str], order: npt.NDArray[np.int32], added: dict[str, int]
    ) -> None:
        self._first = first
        self._order = order
        self._added = added
        self._found: dict[str, int] = {}  # looked up before (-1: no such term)

    def get(self, term: str, default: Any = None) -> Any:
        found = self._found.get(term)
        if found is None:
            found = self._look_up(term)
            if len(self._found) < TERMS_REMEMBERED:
                self._found[term] = found
        return default if found < 0 else found

    def _look_up(self, term: str) -> int:
        first, order = self._first, self._order
        at = bisect.bisect_left(order, term, key=first.__getitem__)
        if at < len(order) and first[order[at]] == term:
            return int(order[at])
        return self._added.get(term, -1)

    def __getitem__(self, term: str) -> int:
        found: int | None = self.get(term)
        if found is None:
            raise KeyError(term)
        return found

    def __contains__(self, term: object) -> bool:
        return isinstance(term, str) and self.get(term) is not None

    def __iter__(self) -> Iterator[str]:
        return itertools.chain(self._first, self._added)

    def __len__(self) -> int:
        return len(self._first) + len(self._added)

    def number(self, term: str) -> int:
        """The number of ``term``, numbered next when it has none yet (while the index is
        composed, before any question looks a term up)."""
        found = self._look_up(term)
        if found < 0:
            found = self._added[term] = len(self)
            self._found.pop(term, None)  # a look-up before it was numbered found none
        return found

    def copy(self) -> TermIds:
        """A numbering to extend, leaving this one as it is."""
        return TermIds(self._first, self._order, dict(self._added))


TERMS_REMEMBERED = 1 << 16  # terms a snapshot remembers having looked up (a few MB)


Terms = tuple[Sequence[str], TermIds, list[npt.NDArray[np.int32]]]


def _terms(segments: Sequence[Segment], base: Snapshot | None = None) -> Terms:
    """The index's term numbering: the first segment's, then each later segment's new terms in
    order; with ``base`` (a snapshot of the first of these segments), its numbering is extended
    instead of rebuilt (copied: the old snapshot keeps answering meanwhile)."""
    vocabulary: Sequence[str]
    if base is not None:
        vocabulary, globals_ = base.index.vocabulary, list(base.globals)
        assert isinstance(base.index.term_ids, TermIds)  # as _compose made it
        term_ids = base.index.term_ids.copy()
    else:
        first = segments[0]
        vocabulary = first.vocabulary  # not copied: a start-up at a million passages made two
        term_ids = TermIds(first.vocabulary, first.term_order, {})
        globals_ = [np.arange(len(vocabulary), dtype=np.int32)]
    new: list[str] = []  # the terms later segments add, joined to the vocabulary once
    for segment in segments[len(globals_) :]:
        known = len(vocabulary) + len(new)
        ids = [term_ids.number(t) for t in segment.vocabulary]
        new.extend(segment.vocabulary[i] for i, g in enumerate(ids) if g >= known)
        globals_.append(np.array(ids, dtype=np.int32).reshape(-1))
    joined = (*vocabulary, *new) if new else tuple(vocabulary)  # a tuple: see Segment.open
    return joined, term_ids, globals_


def _compose(
    segments: Sequence[Segment],
    deleted: Sequence[IntArray],
    df_pair: npt.NDArray[np.int64],
    version: str,
    folder: Path | None,
    generation: Generation | None,
    terms: Terms,
) -> Snapshot:
    """The snapshot of these segments, their deletions and the live df over ``terms``."""
    vocabulary, term_ids, globals_ = terms
    parts, offset = [], 0
    for i, (segment, gl) in enumerate(zip(segments, globals_, strict=True)):
        local = None
        if i > 0:
            local = np.full(len(vocabulary), -1, dtype=np.int32)
            local[gl] = np.arange(len(gl), dtype=np.int32)
        parts.append(
            Postings(segment.indptr, segment.docs, segment.values, local, offset, segment.n)
        )
        offset += segment.n
    starts = np.cumsum([0] + [s.n for s in segments])
    positions = np.concatenate([d + s for d, s in zip(deleted, starts, strict=False)] or [[]])
    body, any_ = df_pair[0], df_pair[1]
    df = np.where(body > 0, body, any_).astype(np.int32)
    n_live = sum(s.n for s in segments) - len(positions)
    index = BM25Index(vocabulary, parts, df, n_live, positions.astype(np.int64), term_ids)
    return Snapshot(
        index, RowidView(segments), _Words(segments), _proper(segments, globals_, vocabulary),
        version, folder, generation, tuple(segments), tuple(deleted), tuple(globals_), df_pair,
    )  # fmt: skip


def _proper(
    segments: Sequence[Segment],
    globals_: Sequence[npt.NDArray[np.int32]],
    vocabulary: Sequence[str],
) -> frozenset[str]:
    """Terms written with a capital at least 80% of the times they appear mid-sentence."""
    seen = np.zeros(len(vocabulary), np.int64)
    capitals = np.zeros(len(vocabulary), np.int64)
    for segment, gl in zip(segments, globals_, strict=True):
        # A segment numbers each of its terms once, so no index repeats in ``gl``: added in
        # place at once (np.add.at, made for repeated ones, took 60 ms at a million passages).
        # The first segment's terms are the index's first ones, in order: added as a slice.
        at = slice(0, len(gl)) if gl is globals_[0] else gl
        seen[at] += segment.seen
        capitals[at] += segment.capitals
    chosen = np.flatnonzero((seen > 0) & (capitals * 10 >= seen * 8))
    return frozenset(vocabulary[i] for i in chosen.tolist())


# ------------------------------------------------------------------------------- opening
def load(folder: Path, tag: str | None = None) -> Snapshot | None:
    """The live snapshot in ``folder`` (only if its tag is ``tag``, when given); None when
    missing, stale or damaged (the caller rebuilds it)."""
    generation = generations.read_current(folder) if folder.is_dir() else None
    if generation is None or (tag is not None and generation.tag != tag):
        return None
    try:
        segments = [Segment.open(folder / ref.name) for ref in generation.segments]
        deleted = [
            np.load(folder / ref.name / ref.deleted) if ref.deleted else np.zeros(0, np.int64)
            for ref in generation.segments
        ]
        df_pair = np.asarray(generations.read_df(folder, generation), dtype=np.int64)
        terms = _terms(segments)
        snapshot = _compose(segments, deleted, df_pair, generation.tag, folder, generation, terms)
    except (OSError, ValueError, KeyError, IndexError, EOFError) as error:
        log.warning("the index in %s can't be read (%s): it is rebuilt", folder, error)
        return None
    if df_pair.shape != (2, len(snapshot.index.vocabulary)) or not segments:
        return None
    return snapshot


# ------------------------------------------------------------------------------- building
def _year(date: str | None) -> str | None:
    return date[:4] if date and date[:4].isdigit() else None


def _batches(store: CorpusStore, after: int) -> Iterator[list[PassageRow]]:
    while True:
        rows = store.index_rows(after, BATCH)
        if not rows:
            return
        yield [PassageRow(r[0], r[1], r[2], r[3], r[4], _year(r[5]), r[6]) for r in rows]
        after = rows[-1][0]


def analysed(
    store: CorpusStore, analyzer: Analyzer, after: int = 0, workers: int = 1
) -> Iterator[Chunk]:
    """The passages above rowid ``after``, analysed in chunks, in rowid order; in ``workers``
    processes when there are many (the analyzer is pure Python: threads would not help)."""
    batches = _batches(store, after)
    if workers <= 1:
        table = TermTable(analyzer)  # this build's spellings: dropped with it
        for batch in batches:
            yield analyse_rows(batch, analyzer, table)
        return
    context = multiprocessing.get_context("spawn")  # fork is unsafe in a threaded bot
    with ProcessPoolExecutor(
        workers, context, initializer=init_worker,
        initargs=(analyzer.synonyms, analyzer.languages),
    ) as pool:  # fmt: skip
        # Chunks are taken in the order they were handed out, never as they complete: each
        # worker sends a term only the first time it meets it (passage_data._Sent), so a
        # chunk read before an earlier one of the same worker would number terms the segment
        # never had. The first batch is analysed here, while the workers start (most of a
        # second: they import the analyzer), the batches after it handed out first; a chunk
        # of all its terms numbers them as a worker's would (SegmentWriter numbers terms in
        # the order the chunks first meet them, whoever analysed them).
        first = next(batches, None)
        if first is None:
            return
        # Bounded: memory holds a few chunks at most.
        ahead = itertools.islice(batches, 2 * workers)
        pending: deque[Future[Chunk]] = deque(pool.submit(analyse_in_worker, b) for b in ahead)
        yield analyse_rows(first, analyzer, TermTable(analyzer))
        for batch in batches:
            pending.append(pool.submit(analyse_in_worker, batch))
            yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()


def default_workers(passages: int) -> int:
    if passages < PARALLEL_FROM:
        return 1
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else 1)


def build(
    store: CorpusStore,
    analyzer: Analyzer,
    tag: str,
    folder: Path | None,
    *,
    workers: int | None = None,
    averages: Sequence[float] | None = None,
) -> Snapshot:
    """Index every passage of ``store`` into one segment and make it the live snapshot of
    ``folder`` (in memory only when ``folder`` is None or can't be written)."""
    started = time.perf_counter()
    count = workers or default_workers(store.passage_count())
    try:
        if folder is None:
            raise OSError("no folder")
        folder.mkdir(parents=True, exist_ok=True)
        number = generations.next_number(folder)
        writer = SegmentWriter(folder / f"seg-{number:06d}")
    except OSError as error:
        if folder is not None:
            log.warning("could not save the index in %s (%s): it is kept in memory", folder, error)
        folder, number, writer = None, 0, SegmentWriter(None)
    for chunk in analysed(store, analyzer, 0, count):
        writer.add(chunk)
    segment = writer.finish(averages)
    df_pair = np.stack([segment.body_df, segment.any_df]).astype(np.int64)
    generation = Generation(
        number, tag, (SegmentRef(f"seg-{number:06d}", None),), tuple(segment.averages),
        tuple(segment.meta["totals"]), segment.n,
        int(segment.rowids[-1]) if segment.n else 0,
    )  # fmt: skip
    if folder is not None:
        generations.publish(folder, generation, df_pair)
    log.info("indexed %d passages in %.2fs", segment.n, time.perf_counter() - started)
    empty = np.zeros(0, np.int64)
    return _compose([segment], [empty], df_pair, tag, folder, generation, _terms([segment]))


# ------------------------------------------------------------------------------- updating
def _forward_counts(segment: Segment, docs: IntArray) -> tuple[IntArray, IntArray, list[int]]:
    """For the passages ``docs`` of a segment: how many hold each of its terms in the text and
    in any field, and their field lengths summed (what deleting them takes from the totals)."""
    n_terms = len(segment.vocabulary)
    width = max(len(docs), 1)
    keys, lengths = [], []
    for field in range(3):
        ptr, terms = segment.field_terms(field)
        owner, found = gather(np.asarray(ptr), terms, docs)
        keys.append(np.unique(found.astype(np.int64) * width + owner))
        lengths.append(int((np.asarray(ptr)[docs + 1] - np.asarray(ptr)[docs]).sum()))
    body = np.bincount(keys[0] // width, minlength=n_terms)
    any_ = np.bincount(np.unique(np.concatenate(keys)) // width, minlength=n_terms)
    return body, any_, lengths


def _present(rowids: npt.NDArray[Any], present: IntArray) -> npt.NDArray[np.bool_]:
    if not len(present):
        return np.zeros(len(rowids), dtype=np.bool_)
    at = np.minimum(np.searchsorted(present, rowids), len(present) - 1)
    found: npt.NDArray[np.bool_] = present[at] == rowids
    return found


def update(old: Snapshot, store: CorpusStore, analyzer: Analyzer, tag: str) -> Snapshot:
    """Apply the corpus's changes since ``old`` was built: a new generation, made live."""
    folder, generation = old.folder, old.generation
    if folder is None or generation is None:
        raise ValueError("only a saved snapshot can be updated")
    number = generations.next_number(folder)
    present = np.array(store.rowids_upto(generation.max_rowid), dtype=np.int64)
    df = np.array(old.df_pair, dtype=np.int64)
    totals = list(generation.totals)
    refs, deleted, removed = [], [], 0
    for segment, ref, gone_before, gl in zip(
        old.segments, generation.segments, old.deleted, old.globals, strict=True
    ):
        gone = np.flatnonzero(~_present(np.asarray(segment.rowids), present)).astype(np.int64)
        fresh = np.setdiff1d(gone, gone_before, assume_unique=True)
        if len(fresh):
            body, any_, lengths = _forward_counts(segment, fresh)
            np.subtract.at(df[0], gl, body)
            np.subtract.at(df[1], gl, any_)
            totals = [t - n for t, n in zip(totals, lengths, strict=True)]
            ref = SegmentRef(ref.name, generations.save_deleted(folder / ref.name, number, gone))
            removed += len(fresh)
        refs.append(ref)
        deleted.append(gone if len(fresh) else gone_before)
    added = _new_segment(old, store, analyzer, folder / f"seg-{number:06d}")
    segments = list(old.segments)
    if added is not None:
        segments.append(added)
        refs.append(SegmentRef(added.folder.name if added.folder else "", None))
        deleted.append(np.zeros(0, np.int64))
        totals = [t + n for t, n in zip(totals, added.meta["totals"], strict=True)]
    terms = _terms(segments, old)
    df = _extend_df(df, terms, added)
    max_rowid = max(generation.max_rowid, int(added.rowids[-1]) if added is not None else 0)
    new_generation = replace(
        generation, number=number, tag=tag, segments=tuple(refs), totals=tuple(totals),
        n_live=generation.n_live - removed + (added.n if added is not None else 0),
        max_rowid=max_rowid,
    )  # fmt: skip
    generations.publish(folder, new_generation, df)
    return _compose(segments, deleted, df, tag, folder, new_generation, terms)


def _new_segment(
    old: Snapshot, store: CorpusStore, analyzer: Analyzer, folder: Path
) -> Segment | None:
    """The passages added since ``old``, in one segment normalised as ``old``'s are."""
    assert old.generation is not None
    writer: SegmentWriter | None = None
    after = old.generation.max_rowid
    for chunk in analysed(store, analyzer, after, default_workers(store.count_after(after))):
        writer = writer or SegmentWriter(folder)
        writer.add(chunk)
    return None if writer is None else writer.finish(old.generation.averages)


def _extend_df(df: IntArray, terms: Terms, added: Segment | None) -> IntArray:
    """The live df over the (possibly grown) index terms, with the new segment's added."""
    grown = np.zeros((2, len(terms[0])), np.int64)
    grown[:, : df.shape[1]] = df
    if added is not None:
        gl = terms[2][-1]
        np.add.at(grown[0], gl, added.body_df)
        np.add.at(grown[1], gl, added.any_df)
    return grown


# ------------------------------------------------------------------------------- merging
MERGE_BATCH = 1 << 15  # passages per merge step


def merge_segment(old: Snapshot) -> Segment:
    """The live passages of every segment of ``old`` rewritten as one segment (not yet live:
    :func:`adopt_merge` makes it so), normalised by their own field averages."""
    folder = old.folder
    if folder is None:
        raise ValueError("only a saved snapshot can be merged")
    writer = SegmentWriter(folder / f"seg-{generations.next_number(folder):06d}")
    for segment, gone in zip(old.segments, old.deleted, strict=True):
        remap = number_terms(writer.vocab, segment.vocabulary).reshape(-1)  # in one C loop
        alive = np.setdiff1d(np.arange(segment.n, dtype=np.int64), gone, assume_unique=True)
        for start in range(0, max(len(alive), 1), MERGE_BATCH):
            docs = alive[start : start + MERGE_BATCH]
            writer.add(forward_chunk(segment, docs, stats=start == 0), remap)
    return writer.finish()


def adopt_merge(old: Snapshot, merged: Segment) -> Snapshot:
    """Make the merged segment live in place of ``old``'s segments (the caller checks that
    ``old`` is still the live snapshot)."""
    assert old.folder is not None and old.generation is not None and merged.folder is not None
    number = generations.next_number(old.folder)
    df = np.stack([merged.body_df, merged.any_df]).astype(np.int64)
    generation = replace(
        old.generation, number=number, segments=(SegmentRef(merged.folder.name, None),),
        averages=tuple(merged.averages), totals=tuple(merged.meta["totals"]), n_live=merged.n,
    )  # fmt: skip
    generations.publish(old.folder, generation, df)
    empty = np.zeros(0, np.int64)
    return _compose([merged], [empty], df, old.version, old.folder, generation, _terms([merged]))
