"""BM25 over passages, behind one small interface: build, search.

Term frequencies are scored eagerly when a segment is written, as bm25s does: for every (term,
passage) pair a segment keeps the passage's BM25 term-frequency part for that term, so a search
only adds up a few rows of sparse matrices and picks the top k. The IDF is multiplied in at query
time, per term, from the live document frequencies of the whole index (a few multiplications per
question), which lets segments written at different times share one exact IDF. Three fields
count: the passage text, and more weakly its section title and document title (BM25F-style: each
field's term frequency is normalised by that field's length, then weighted). A question's terms
may carry weights (follow-up context counts less than the question itself).

Where this deliberately differs from rank-bm25's ``BM25Okapi``: the IDF is Lucene's
``ln(1 + (N - df + 0.5) / (df + 0.5))``, which is always positive, where rank-bm25 uses
``ln((N - df + 0.5) / (df + 0.5))`` and replaces the negative values of terms in over half the
passages by ``epsilon * mean idf``. With rank-bm25's formula a term in most passages (here "China")
subtracts from a passage's score, and on a tiny corpus every score can be zero. The term-frequency
part is the same; ``tests/test_index.py`` checks the scores against rank-bm25 with the IDF swapped,
and shows the cases where plain rank-bm25 ranks differently.
"""

from __future__ import annotations

import math
import threading
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt

K1 = 1.2
B = 0.5
# Passage text, section title, document title. The document title at 0.35 (it was 0.25): dev
# docs-dev2 hit@1 +1, ml-dev hit@3 +1, the others unchanged; CISI nDCG@10 +.001 (at 0.5 CISI
# gained .006 but sqlite-dev lost a question, at 0.65 .011 and dev lost one: not done).
FIELD_WEIGHTS = (1.0, 0.5, 0.35)
DENSE_RATIO = 8  # postings over 1/8 of the passages: the page is found by passes over all of them
FLOOR_FROM_AT_MOST = 1 << 16  # postings a page's floor is found among
FLOOR_SAMPLE = 1 << 14  # passages' scores a floor is found among when the terms are common
BITSET_SHARE = 64  # a term in over 1/64 of the passages is counted by a bitset of them
BITSETS = 128  # bitsets kept (1M passages: 125 kB each)
PRUNE_FROM = 20_000  # postings of a question: fewer are scored in full, pruning would not pay
RANGE_SHARE = 16  # a floor is also found among the first 1/16 of the passages
ESSENTIAL_SHARE = 0.15  # pruning gives up when its candidates' postings pass this share
LOOKUP_RATIO = 32  # postings per candidate from which a term is looked up by binary search
SEED_ALL_UP_TO = 1 << 10  # postings: a term with more seeds the floor with its best only
MARGIN = 1e-5  # relative: far above float32 rounding, far below a score that matters
ADD_AT_FROM = 1024  # postings from which np.add.at adds them faster than indexing does


def idf(df: npt.ArrayLike, n_docs: int) -> npt.NDArray[np.float64]:
    """Lucene's BM25 IDF: positive for every term, even one in every passage."""
    d = np.asarray(df, dtype=np.float64)
    return np.log1p((n_docs - d + 0.5) / (d + 0.5))


@dataclass(frozen=True)
class SearchResult:
    """Passage numbers (positions in the build order) ranked by score, and how many matched."""

    docs: npt.NDArray[np.int64]
    scores: npt.NDArray[np.float32]
    total: int


Piece = tuple[npt.NDArray[np.int32], int, npt.NDArray[np.float32], np.float32]


@dataclass(frozen=True)
class Postings:
    """One segment's postings, placed at ``offset`` in the index's passage numbering."""

    indptr: npt.NDArray[np.int64]
    docs: npt.NDArray[np.int32]  # passage numbers within the segment
    values: npt.NDArray[np.float32]  # the BM25 term-frequency part, without the IDF
    local: npt.NDArray[np.int32] | None  # index term id → the segment's (-1: absent); None: same
    offset: int
    size: int  # passages in the segment, deleted ones included

    def span(self, term: int) -> tuple[int, int]:
        """Where the term's postings are in :attr:`docs` (empty when the segment lacks it)."""
        local = term if self.local is None else int(self.local[term])
        if local < 0 or local >= len(self.indptr) - 1:
            return 0, 0
        return int(self.indptr[local]), int(self.indptr[local + 1])


class BM25Index:
    """BM25 over one or more segments, with global statistics.

    Passages are numbered across the segments in order (each segment's ``offset``); passages
    deleted since their segment was written (``deleted``, sorted numbers) never match. The IDF of
    a term comes from ``df``, its document frequency among the live passages of all segments, and
    is applied at query time, so a segment written later never makes the others' scores stale.
    Build a one-segment index from term lists with :meth:`build`; :mod:`snapshot` composes the
    index of a saved corpus.
    """

    def __init__(
        self,
        vocabulary: Sequence[str],
        parts: Sequence[Postings],
        df: npt.NDArray[np.int32],
        n_docs: int,
        deleted: npt.NDArray[np.int64] | None = None,
        term_ids: Mapping[str, int] | None = None,
    ) -> None:
        self.vocabulary = vocabulary
        self.term_ids = (
            term_ids if term_ids is not None else {t: i for i, t in enumerate(vocabulary)}
        )
        self.parts = list(parts)
        self.df = df
        self.n_docs = n_docs  # live passages
        self.size = sum(p.size for p in self.parts)  # passage numbers, deleted ones included
        self.deleted = deleted if deleted is not None else np.zeros(0, np.int64)
        self._alive: npt.NDArray[np.bool_] | None = None
        self._buffers = threading.local()  # per thread: searches run in several at once
        self._terms = _TermCache(self.size, deleted)
        if len(self.deleted):
            self._alive = np.ones(self.size, dtype=np.bool_)
            self._alive[self.deleted] = False
        self.idf = idf(df, n_docs) if n_docs else np.zeros(len(vocabulary))
        self.max_idf = float(idf([1], max(n_docs, 1))[0])

    @classmethod
    def build(
        cls,
        fields: Iterable[Sequence[Sequence[str]]],
        weights: Sequence[float] = FIELD_WEIGHTS,
        k1: float = K1,
        b: float = B,
    ) -> BM25Index:
        """A one-segment index, in memory, of passages given as ``fields[passage][field] =
        terms``; the same code writes the segments of a saved corpus."""
        from retrieval.search.passage_data import terms_chunk
        from retrieval.search.segments import SegmentWriter

        writer = SegmentWriter(None)
        writer.add(terms_chunk(list(fields)))
        segment = writer.finish(None, weights, k1, b)
        df = np.where(segment.body_df > 0, segment.body_df, segment.any_df).astype(np.int32)
        part = Postings(segment.indptr, segment.docs, segment.values, None, 0, segment.n)
        return cls(segment.vocabulary, [part], df, segment.n)

    def _known(self, term: str) -> int | None:
        i = self.term_ids.get(term)
        return None if i is None or self.df[i] <= 0 else i

    def passages_with(self, term: str) -> int:
        """How many live passages hold ``term`` (0 for a term no passage has)."""
        i = self._known(term)
        return 0 if i is None else int(self.df[i])

    def term_idf(self, term: str) -> float | None:
        """The IDF of ``term``, or None when no passage has it."""
        i = self._known(term)
        return None if i is None else float(self.idf[i])

    def _pieces(
        self, term: str, weight: float
    ) -> list[tuple[npt.NDArray[np.int32], int, npt.NDArray[np.float32], np.float32]]:
        """The term's postings in each segment: (passages, offset, values, weight × IDF)."""
        i = self._known(term)
        if i is None or weight <= 0:
            return []
        scale = np.float32(weight * self.idf[i])
        found = []
        for part in self.parts:
            lo, hi = part.span(i)
            if hi > lo:
                found.append((part.docs[lo:hi], part.offset, part.values[lo:hi], scale))
        return found

    def postings(self, term: str) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.float32]]:
        """The live passages holding ``term`` and the term's score in each."""
        pieces = self._pieces(term, 1.0)
        if not pieces:
            return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float32)
        docs = np.concatenate([d.astype(np.int64) + offset for d, offset, _, _ in pieces])
        values = np.concatenate([v * s for _, _, v, s in pieces]).astype(np.float32)
        if self._alive is not None:
            keep = self._alive[docs]
            docs, values = docs[keep], values[keep]
        return docs, values

    def scores(self, query: Mapping[str, float]) -> npt.NDArray[np.float64]:
        """The score of every passage number for weighted query terms (dense; for tests)."""
        total = np.zeros(self.size, dtype=np.float64)
        for term, weight in query.items():
            for docs, offset, values, scale in self._pieces(term, weight):
                # The float32 product search uses, so ties and near-ties order alike in both.
                total[docs.astype(np.int64) + offset] += (values * scale).astype(np.float64)
        total[self.deleted] = 0.0
        return total

    def search(self, query: Mapping[str, float], k: int, offset: int = 0) -> SearchResult:
        """The passages ranked ``offset`` to ``offset + k`` by score, best first.

        Ties are broken by passage number (rowid order), so the same question always pages the
        same way, however the corpus is split into segments.
        """
        held = [(term, found) for term, w in query.items() if (found := self._pieces(term, w))]
        by_term = [found for _, found in held]
        terms = [self.term_ids[term] for term, _ in held]  # postings found: a known term
        pieces = [p for found in by_term for p in found]
        if not pieces or k <= 0:
            return SearchResult(np.zeros(0, np.int64), np.zeros(0, np.float32), 0)
        postings = sum(len(docs) for docs, _, _, _ in pieces)
        if len(by_term) > 1 and postings > PRUNE_FROM:
            pruned = _search_pruned(self, by_term, terms, k, offset)
            if pruned is not None:
                return pruned
        if len(pieces) > 1:
            return self._search_summed(pieces, k, offset)
        docs, at, values, scale = pieces[0]
        candidates, summed = np.add(docs, at, dtype=np.int64), values * scale
        if self._alive is not None:
            keep = self._alive[candidates]
            candidates, summed = candidates[keep], summed[keep]
        return _page(candidates, summed, len(candidates), offset, k)

    def _live(self, docs: npt.NDArray[np.int64]) -> npt.NDArray[np.int64]:
        return docs if self._alive is None else docs[self._alive[docs]]

    def _scratch(self) -> tuple[npt.NDArray[np.float64], npt.NDArray[np.int32]]:
        """This thread's accumulator (zeros between searches) and marker over every passage,
        kept: a fresh 8 MB array per question (1M passages) costs more in page faults."""
        found: tuple[npt.NDArray[np.float64], npt.NDArray[np.int32]] | None = getattr(
            self._buffers, "scratch", None
        )
        if found is None:
            found = (np.zeros(self.size, np.float64), np.zeros(self.size, np.int32))
            self._buffers.scratch = found
        return found

    def _search_summed(self, pieces: list[Piece], k: int, offset: int) -> SearchResult:
        """Several terms' postings added up per passage (each term's additions in the
        question's order, in float64, as every route adds them), then the page found among
        the passages they touched or, when they touch a large share of the corpus, by plain
        passes over all of them (cheaper than gathering that many)."""
        postings = sum(len(docs) for docs, _, _, _ in pieces)
        if postings * DENSE_RATIO > self.size:
            return self._search_dense(pieces, k, offset)
        # As 64-bit numbers even where no offset is added: numpy indexes by int64 three times
        # faster than by the stored int32, which is more than the copy costs.
        touched = [np.add(docs, at, dtype=np.int64) for docs, at, _, _ in pieces]
        scores, marker = self._scratch()
        try:
            for where, (_, _, values, scale) in zip(touched, pieces, strict=True):
                _add(scores, where, values, scale)
            if len(self.deleted):
                scores[self.deleted] = 0
            floor_ = _floor(scores, touched, offset + k)
            every = np.concatenate(touched)
            summed = scores[every]
            # One position per passage among the repeats (whichever write wins, exactly one
            # position reads its own number back), and not a deleted one (score 0).
            numbers = np.arange(len(every), dtype=np.int32)
            marker[every] = numbers
            keep = (marker[every] == numbers) & (summed > 0)
            total = int(np.count_nonzero(keep))
            floor_ = floor_ or _sampled_floor(summed[keep], offset + k)
            keep &= summed >= floor_
            return _page(every[keep].astype(np.int64), summed[keep], total, offset, k)
        finally:
            for where in touched:
                scores[where] = 0

    def _search_dense(self, pieces: list[Piece], k: int, offset: int) -> SearchResult:
        """Postings over a large share of the corpus: summed into this thread's kept
        accumulator over every passage (by int64 positions, four times faster than one
        ``bincount`` of them all), then found by plain passes over it. Each term's positions
        and products are made in this thread's kept work arrays: fresh ones (megabytes each at
        a million passages) cost a page fault every few kilobytes (at a million passages such
        questions took 4-6 ms of their 9-11 more)."""
        scores, _ = self._scratch()
        try:
            _add_dense(self, scores, pieces)
            # The rarest terms' positions floor the page (a term of more postings stops it).
            few = [
                np.add(d, at, dtype=np.int64)
                for d, at, _, _ in pieces
                if len(d) <= FLOOR_FROM_AT_MOST
            ]
            return self._page_dense(scores, few, k, offset)
        finally:
            scores.fill(0)  # one pass of memset: cheaper than undoing as many scattered adds

    def _work(self, size: int) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.float64]]:
        """This thread's work arrays for one term's postings, kept (grown when too small): at
        most 16 bytes per posting of the longest term asked in one segment, per thread (16 MB
        for a term in every passage of a million)."""
        found: tuple[npt.NDArray[np.int64], npt.NDArray[np.float64]] | None = getattr(
            self._buffers, "work", None
        )
        if found is None or len(found[0]) < size:
            found = (np.empty(size, np.int64), np.empty(size, np.float64))
            self._buffers.work = found
        return found

    def _page_dense(
        self, scores: npt.NDArray[np.float64], touched: list[npt.NDArray[Any]], k: int, offset: int
    ) -> SearchResult:
        if len(self.deleted):
            scores[self.deleted] = 0
        floor_ = _floor(scores, touched, offset + k) or _sampled_floor(scores, offset + k)
        # Counted as 64-bit integers, twice as fast: every score is a sum of positive numbers
        # or 0, never -0.0, so it is 0 exactly when all its bits are.
        total = int(np.count_nonzero(scores.view(np.int64)))
        # By a comparison: flatnonzero of the floats themselves is five to twenty times
        # slower at a million passages (it branches on every one).
        candidates = np.flatnonzero(scores >= floor_ if floor_ > 0 else scores > 0)
        return _page(candidates, scores[candidates], total, offset, k)


def _search_pruned(
    index: BM25Index, by_term: list[list[Piece]], terms: list[int], k: int, offset: int
) -> SearchResult | None:
    """MaxScore: the best ``offset + k`` found among the passages that can reach them, or
    None when that would not save work.

    Passages scored in full give a floor: the page's last score is at least their
    ``offset + k``-th best (:func:`_floor_of`). When one term must give a passage more than the
    others can together fall short of the floor by, the candidates are that term's postings
    over it. Otherwise the terms whose most a passage can get from them stays under the floor
    together are optional: a passage holding only those cannot reach the page, so the
    candidates are the passages of the other (essential) terms, their postings summed. Each
    remaining term is then looked up, the strongest first, only for the candidates whose sum so
    far plus the most the terms left can give still reaches the page's last score as far as it
    is known; the few left are scored in full. The page is therefore the same as scoring
    everything, ties included.
    """
    want = offset + k
    cache = index._terms
    most = [cache.most(t, f) * float(f[0][3]) for t, f in zip(terms, by_term, strict=True)]
    sizes = [sum(len(p[0]) for p in found) for found in by_term]
    floor_ = _floor_of(index, by_term, sizes, want)
    if floor_ <= 0:
        return None
    required = _required(by_term, most, sizes, floor_)
    if required is not None:  # one term every passage on the page holds, and how much
        candidates, low, added = required
        optional = [i for i in range(len(by_term)) if i != added]
    else:
        optional = _optional(most, floor_)
        essential = [found for i, found in enumerate(by_term) if i not in optional]
        essential_size = sum(size for i, size in enumerate(sizes) if i not in optional)
        if not optional or sum(sizes) * ESSENTIAL_SHARE < essential_size:
            return None  # common words only: scoring every passage is cheaper
        # A passage whose essential terms give less than this cannot reach the floor with
        # all the optional terms' most (with twice the margin _refine keeps, so none it would
        # keep is left out here).
        remaining = sum(most[i] for i in optional)
        least = floor_ * (1 - 2 * MARGIN) - remaining * (1 + 2 * MARGIN)
        candidates, low = _accumulate(index, essential, least)
    if index._alive is not None:
        keep = index._alive[candidates]
        candidates, low = candidates[keep], low[keep]
    finalists = _refine(by_term, optional, most, (candidates, low), floor_, want, index)
    total = cache.matched(list(zip(terms, by_term, strict=True)))
    return _page(finalists, _score_candidates(by_term, finalists), total, offset, k)


def _floor_of(index: BM25Index, by_term: list[list[Piece]], sizes: list[int], want: int) -> float:
    """A floor for the page: the ``want``-th best full score among the passages of the
    rarest terms, or among the first passages of the index, whichever is higher (both are
    scores of real passages, so the page's last is at least that)."""
    seed = index._live(_seed(by_term, sizes, want))
    floor_ = _kth(_score_candidates(by_term, seed), want) if len(seed) >= want else 0.0
    if sum(sizes) < index.size:
        return floor_  # few postings: the rarest terms' passages floor the page well enough
    end = min(index.size, max(4 * want, index.size // RANGE_SHARE))
    docs, gives = [], []
    for found in by_term:
        for where, at, values, scale in found:
            cut = int(np.searchsorted(where, end - at)) if end > at else 0
            docs.append(np.add(where[:cut], at, dtype=np.int64))
            gives.append(values[:cut] * scale)
    every = np.concatenate(docs)
    # bincount with weights gives float64: asarray types it so without a copy (astype copied)
    summed = np.asarray(np.bincount(every, np.concatenate(gives), minlength=end), np.float64)
    if index._alive is not None:
        summed[~index._alive[:end]] = 0
    return max(floor_, _kth(summed, want)) if len(summed) >= want else floor_


class _TermCache:
    """What pruning needs of a term beyond its postings, kept per term (terms recur across
    questions): the most a passage gets from it, and for a term in many passages a bitset of
    them, so that counting the passages a question matched costs a few ORs over bitsets, not
    a pass over millions of postings."""

    def __init__(self, size: int, deleted: npt.NDArray[np.int64] | None) -> None:
        self.size = size
        self._deleted = deleted if deleted is not None and len(deleted) else None
        self._alive: npt.NDArray[np.uint8] | None = None
        self._most: dict[int, float] = {}
        self._bits: dict[int, npt.NDArray[np.uint8]] = {}

    def most(self, term: int, found: list[Piece]) -> float:
        """The largest term-frequency part of ``term`` in any passage (IDF not applied)."""
        value = self._most.get(term)
        if value is None:
            value = self._most[term] = max(float(v.max()) for _, _, v, _ in found)
        return value

    def matched(self, terms: list[tuple[int, list[Piece]]]) -> int:
        """How many live passages hold any of ``terms`` (term id, its postings)."""
        union: npt.NDArray[np.uint8] | None = None
        few = []
        for term, found in terms:
            if sum(len(p[0]) for p in found) * BITSET_SHARE > self.size:
                bits = self._bitset(term, found)
                union = bits.copy() if union is None else np.bitwise_or(union, bits, out=union)
            else:
                few += [np.add(d, at, dtype=np.int64) for d, at, _, _ in found]
        alive = self._alive_bits()
        if union is not None and alive is not None:
            union &= alive
        total = 0 if union is None else int(np.bitwise_count(union).sum())
        if few:
            docs = _distinct(np.concatenate(few))
            if union is not None:
                docs = docs[_bit(union, docs) == 0]
            if alive is not None:
                docs = docs[_bit(alive, docs) == 1]
            total += len(docs)
        return total

    def _bitset(self, term: int, found: list[Piece]) -> npt.NDArray[np.uint8]:
        bits = self._bits.get(term)
        if bits is None:
            flags = np.zeros(self.size, np.bool_)
            for docs, at, _, _ in found:
                flags[np.add(docs, at, dtype=np.int64)] = True
            bits = np.packbits(flags)
            if len(self._bits) >= BITSETS:
                self._bits.pop(next(iter(self._bits)), None)  # the oldest
            self._bits[term] = bits
        return bits

    def _alive_bits(self) -> npt.NDArray[np.uint8] | None:
        if self._deleted is None:
            return None
        if self._alive is None:
            flags = np.ones(self.size, np.bool_)
            flags[self._deleted] = False
            self._alive = np.packbits(flags)
        return self._alive


def _add(
    scores: npt.NDArray[np.float64],
    where: npt.NDArray[np.int64],
    values: npt.NDArray[np.float32],
    scale: np.float32,
) -> None:
    """``scores[where] += values * scale`` (distinct ``where``; the float32 product added in
    float64, as every route adds it). Many postings by ``np.add.at`` with the products made
    float64 first: a third less time than indexing, which gathers, adds and scatters again
    (at a million passages 2M postings took 5.5 ms, now 3.5); the same sums."""
    if len(where) < ADD_AT_FROM:
        scores[where] += values * scale
    else:
        np.add.at(scores, where, (values * scale).astype(np.float64))


def _add_dense(index: BM25Index, scores: npt.NDArray[np.float64], pieces: list[Piece]) -> None:
    """Every piece's postings added to ``scores``, as :func:`_add` adds them, through the
    thread's kept work arrays (see :meth:`BM25Index._search_dense`)."""
    positions_buf, products_buf = index._work(max(len(docs) for docs, _, _, _ in pieces))
    for docs, at, values, scale in pieces:
        where = np.add(docs, at, out=positions_buf[: len(docs)], dtype=np.int64)
        # the float32 product, then in float64, as every route adds it
        given = np.multiply(values, scale, out=products_buf[: len(docs)], dtype=np.float32)
        np.add.at(scores, where, given)


def _bit(bits: npt.NDArray[np.uint8], docs: npt.NDArray[np.int64]) -> npt.NDArray[np.uint8]:
    """The bits of ``docs`` in a packed (big-endian) bitset."""
    found: npt.NDArray[np.uint8] = (bits[docs >> 3] >> (7 - (docs & 7)).astype(np.uint8)) & 1
    return found


def _docs(found: list[Piece]) -> npt.NDArray[np.int64]:
    """A term's passages in every segment, as index positions."""
    return np.concatenate([np.add(d, at, dtype=np.int64) for d, at, _, _ in found])


def _kth(scores: npt.NDArray[np.float64], want: int) -> float:
    """The ``want``-th highest of ``scores``. Found among the positive ones when they are as
    many: numpy's partition slows down tenfold over many equal values, and a floor sampled
    from the accumulator over every passage is mostly zeros (passages holding no word of the
    question): 1.9 ms of a question at 100k passages where it is nine tenths zeros, 0.1 ms
    among the others. Those above every zero are the same highest ones, so is the number."""
    positive = scores[scores > 0]
    if len(positive) >= want:
        scores = positive
    return float(np.partition(scores, len(scores) - want)[len(scores) - want])


def _floor(scores: npt.NDArray[np.float64], touched: list[npt.NDArray[Any]], want: int) -> float:
    """A floor for the page: the ``want``-th best score among the passages of the rarest terms
    (as many of them as it takes to hold ``want`` passages; 0 when that would be many). Every
    passage on the page, ties included, scores at least that."""
    held: npt.NDArray[Any] = np.zeros(0, np.int64)
    for where in sorted(touched, key=len):
        if len(held) + len(where) > FLOOR_FROM_AT_MOST:
            return 0.0
        held = _distinct(np.concatenate((held, where))) if len(held) else where
        if len(held) >= want:
            found = scores[held]
            return float(np.partition(found, len(found) - want)[len(found) - want])
    return 0.0


def _sampled_floor(scores: npt.NDArray[np.float64], want: int) -> float:
    """A floor for the page from every so many passages' scores (each passage once): the
    ``want``-th best of a sample is at most the ``want``-th best of all. With a sample of
    :data:`FLOOR_SAMPLE`, a few passages per thousand are left to rank, not all."""
    sample = scores[:: max(1, len(scores) // FLOOR_SAMPLE)]
    return _kth(sample, want) if len(sample) >= want else 0.0


def _distinct(values: npt.NDArray[Any]) -> npt.NDArray[Any]:
    """The sorted distinct values: as ``np.unique``, whose first call imports ``numpy.ma``
    (10 to 50 ms, on a first question)."""
    ordered = np.sort(values)
    return ordered[np.r_[True, ordered[1:] != ordered[:-1]]] if len(ordered) else ordered


def _union(a: npt.NDArray[np.int64], b: npt.NDArray[np.int64]) -> npt.NDArray[np.int64]:
    """The sorted union of two sorted arrays of distinct numbers (a stable sort merges the two
    runs in linear time, where np.union1d hashes)."""
    if not len(a):
        return b
    both = np.concatenate((a, b))
    both.sort(kind="stable")
    return both[np.r_[True, both[1:] != both[:-1]]]


def _seed(by_term: list[list[Piece]], sizes: list[int], want: int) -> npt.NDArray[np.int64]:
    """Passages likely on the page, to floor it: all those of the rarest terms, or where a term
    is common, only its ``2 * want`` highest-scoring ones, until there are ``2 * want``."""
    seed = np.zeros(0, np.int64)
    for i in sorted(range(len(by_term)), key=sizes.__getitem__):  # rarest first
        if sizes[i] <= SEED_ALL_UP_TO:
            seed = _union(seed, _docs(by_term[i]))
        else:
            best = []
            for docs, at, values, _ in by_term[i]:
                n = min(2 * want, len(values))
                top = np.argpartition(values, len(values) - n)[len(values) - n :]
                best.append(np.add(docs[top], at, dtype=np.int64))
            seed = _union(seed, _distinct(np.concatenate(best)))
        if len(seed) >= 2 * want:
            break
    return seed


def _required(
    by_term: list[list[Piece]], most: list[float], sizes: list[int], floor_: float
) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.float64], int] | None:
    """A term that must give a passage more than the others can together fall short of the
    floor by: its postings over that (the only candidates), their scores from it, and which
    term it is; None when no term must."""
    strongest = sum(most)
    needs = [floor_ * (1 - MARGIN) - (strongest - m) * (1 + MARGIN) for m in most]
    held = [i for i in range(len(most)) if needs[i] > 0]
    if not held:
        return None
    i = min(held, key=sizes.__getitem__)
    docs, gives = [], []
    for where, at, values, scale in by_term[i]:
        given = values * scale
        over = np.flatnonzero(given >= needs[i])
        docs.append(np.add(where[over], at, dtype=np.int64))
        gives.append(given[over].astype(np.float64))
    return np.concatenate(docs), np.concatenate(gives), i


def _optional(most: list[float], floor_: float) -> list[int]:
    """The terms, weakest first, whose most a passage can get from them together stays under
    ``floor_`` (by a margin far above float32 rounding)."""
    optional, budget = [], 0.0
    for i in sorted(range(len(most)), key=most.__getitem__):
        if (budget + most[i]) * (1 + MARGIN) >= floor_:
            break
        optional.append(i)
        budget += most[i]
    return optional


def _accumulate(
    index: BM25Index, terms: list[list[Piece]], least: float
) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.float64]]:
    """The passages of ``terms`` whose postings sum to ``least`` at least (to more than 0 when
    that is 0 or less) and those sums, added up in the thread's accumulator (left as it was
    found: zeros)."""
    scores, marker = index._scratch()
    touched = []
    dense = sum(len(p[0]) for found in terms for p in found) * DENSE_RATIO > len(scores)
    try:
        if dense:  # in the thread's work arrays (see BM25Index._search_dense)
            _add_dense(index, scores, [p for found in terms for p in found])
            # a pass over every passage costs less than gathering that many; not flatnonzero
            # of the floats (see _page_dense)
            first = np.flatnonzero(scores >= least if least > 0 else scores > 0)
        else:
            for found in terms:
                for docs, at, values, scale in found:
                    where = np.add(docs, at, dtype=np.int64)  # int64: faster to index by
                    _add(scores, where, values, scale)
                    touched.append(where)
            every = np.concatenate(touched)
            numbers = np.arange(len(every), dtype=np.int32)
            marker[every] = numbers  # one position per passage reads its own number back
            first = every[marker[every] == numbers].astype(np.int64)
            first = first[scores[first] >= least] if least > 0 else first
        return first, scores[first]
    finally:
        if dense:
            scores.fill(0)
        else:
            for where in touched:
                scores[where] = 0


def _refine(
    by_term: list[list[Piece]],
    optional: list[int],
    most: list[float],
    found: tuple[npt.NDArray[np.int64], npt.NDArray[np.float64]],
    floor_: float,
    want: int,
    index: BM25Index,
) -> npt.NDArray[np.int64]:
    """The candidates that can still reach the page once the optional terms are added (the
    strongest first, each for the candidates left): their sums so far are lower bounds of
    their scores, and the page's last score is at least the ``want``-th best of them."""
    candidates, low = found
    remaining = sum(most[i] for i in optional)
    bar = max(floor_, _best_known(low, want))
    for i in sorted(optional, key=most.__getitem__, reverse=True):
        keep = low + remaining * (1 + MARGIN) >= bar * (1 - MARGIN)
        candidates, low = candidates[keep], low[keep]
        low = low + _lookup(by_term[i], candidates, index)
        remaining -= most[i]
        bar = max(bar, _best_known(low, want))
    finalists: npt.NDArray[np.int64] = candidates[low >= bar * (1 - MARGIN)]
    return finalists


def _best_known(low: npt.NDArray[np.float64], want: int) -> float:
    """A floor from lower bounds of distinct passages' scores: their ``want``-th best, or
    among many, a sample's (cheaper, and as safe)."""
    if len(low) > 4 * FLOOR_SAMPLE:
        return _sampled_floor(low, want)
    return _kth(low, want) if len(low) >= want else 0.0


def _lookup(
    found: list[Piece], candidates: npt.NDArray[np.int64], index: BM25Index
) -> npt.NDArray[np.float64]:
    """A term's score in each of the (sorted) candidates, 0 where it is absent: by binary
    search for a few candidates; for many, the term's postings are written into the thread's
    accumulator (through its work arrays, see :meth:`BM25Index._search_dense`) and read back
    at the candidates, two passes over them where matching them up took five."""
    given = np.zeros(len(candidates), np.float64)
    if not len(candidates):
        return given
    many = []
    for piece in found:
        docs, at, values, scale = piece
        if len(candidates) * LOOKUP_RATIO >= len(docs):
            many.append(piece)
            continue
        local = (candidates - at).astype(docs.dtype)
        where = np.minimum(np.searchsorted(docs, local), len(docs) - 1)
        hit = docs[where] == local
        given[hit] += values[where[hit]] * scale
    if many:
        scores = index._scratch()[0]  # zeros between uses
        try:
            _add_dense(index, scores, many)
            given += scores[candidates]  # a passage is in one piece: the same sums
        finally:
            _clear(index, scores, many)
    return given


def _clear(index: BM25Index, scores: npt.NDArray[np.float64], pieces: list[Piece]) -> None:
    """``scores`` back to zeros where ``pieces`` added to them: one pass of memset over them
    all where the postings are many, else at the postings' passages."""
    if sum(len(docs) for docs, _, _, _ in pieces) * DENSE_RATIO > len(scores):
        scores.fill(0)
        return
    positions_buf, _ = index._work(max(len(docs) for docs, _, _, _ in pieces))
    for docs, at, _, _ in pieces:
        scores[np.add(docs, at, out=positions_buf[: len(docs)], dtype=np.int64)] = 0


def _score_candidates(
    by_term: list[list[Piece]], candidates: npt.NDArray[np.int64]
) -> npt.NDArray[np.float64]:
    """Full scores of sorted passage numbers, found in each term's (sorted) postings; added in
    the question's term order, as every other path adds them."""
    scores = np.zeros(len(candidates), dtype=np.float64)
    for found in by_term:
        for docs, at, values, scale in found:
            local = (candidates - at).astype(docs.dtype)  # not docs cast to int64 per call
            where = np.minimum(np.searchsorted(docs, local), len(docs) - 1)
            hit = docs[where] == local
            scores[hit] += values[where[hit]] * scale
    return scores


def _page(
    candidates: npt.NDArray[np.int64],
    summed: npt.NDArray[np.floating[Any]],
    total: int,
    offset: int,
    k: int,
) -> SearchResult:
    """Ranks ``offset`` to ``offset + k`` of scored candidates (score, then passage order)."""
    want = min(offset + k, len(candidates))
    if want < len(candidates):
        # partition finds the top `want` without sorting everything; every passage tied with
        # the last of them is kept too, so ties are broken by passage order below and not by
        # where the partition happened to cut (pages must never repeat or skip a passage).
        cutoff = np.partition(summed, len(summed) - want)[len(summed) - want]
        top = np.flatnonzero(summed >= cutoff)
    else:
        top = np.arange(len(candidates))
    # lexsort: the last key is primary: score descending, then passage number ascending.
    ranked = top[np.lexsort((candidates[top], -summed[top]))]
    chosen = ranked[offset : offset + k]
    return SearchResult(candidates[chosen], summed[chosen].astype(np.float32), total)


def lucene_idf(df: int, n_docs: int) -> float:
    """Scalar form of :func:`idf`, for oracle tests."""
    return math.log(1 + (n_docs - df + 0.5) / (df + 0.5))
