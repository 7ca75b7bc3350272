"""What an answer needs from a passage, computed once when it is indexed.

Analysing a passage (sentences, tokens, terms) is the costly part of quoting it, so it is done at
index time, in worker processes when the corpus is large (:func:`analyse_rows`), and stored in the
segment beside the postings as flat arrays: per passage its sentences ``(start, end, tokens)`` and
its tokens ``(start, end, term id)``. :func:`fragments_of` turns them back into the
:class:`~retrieval.search.excerpts.Fragment` list that :mod:`rank` and :mod:`excerpts` consume,
without running the analyzer: the first question about a passage costs what a repeated one does.

A passage is found by a 64-bit hash of its id *and* text (:func:`passage_key`), so a passage whose
text changed since the index was built never gets the old offsets: it is simply not found, and the
caller analyses it as before.
"""

from __future__ import annotations

import hashlib
import itertools
import operator
import os
from collections import defaultdict
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field, replace
from itertools import repeat
from typing import NamedTuple

import numpy as np
import numpy.typing as npt

from retrieval.search import scripts
from retrieval.search.analyzer import Analyzer, Synonyms, Token
from retrieval.search.excerpts import Fragment, Matches, fragments
from retrieval.search.languages import ENGLISH
from retrieval.search.token_columns import Columns, TermTable, concatenate, english_columns
from retrieval.sentences import fragment_spans

_SENTENCE_ENDS = frozenset('.!?:;"“(')  # the character before the space before a word
_START = operator.itemgetter(1)  # a Token's start
IntArray = npt.NDArray[np.int64]


class PassageRow(NamedTuple):
    """One passage as the index reads it from the store."""

    rowid: int
    id: str
    text: str
    section: str | None
    title: str
    year: str | None  # the document's year: "the 2008 statement" finds its passages
    lang: str = "en"  # analysed with that language's stemmer, stop words and segmentation


def passage_key(passage_id: str, text: str) -> int:
    """A 64-bit key of a passage's id and text (as a signed int64, numpy's index type)."""
    digest = hashlib.blake2b(f"{passage_id}\0{text}".encode(), digest_size=8).digest()
    return int.from_bytes(digest, "little", signed=True)


def analyse_passage(text: str, analyzer: Analyzer, lang: str = "en") -> list[Fragment]:
    """The sentences of a passage with their tokens: the one analysis both indexing and the
    fallback for passages missing from the index use, so the two can never disagree."""
    return fragments(text, analyzer, lang)


@dataclass
class Chunk:
    """A run of analysed passages, its terms numbered in the chunk's own ``vocabulary``."""

    vocabulary: list[str]
    rowids: npt.NDArray[np.int64]
    keys: npt.NDArray[np.int64]
    tok_ptr: npt.NDArray[np.int64]  # passage → its tokens
    tokens: npt.NDArray[np.int32]  # (start, end, term) per token
    sent_ptr: npt.NDArray[np.int64]  # passage → its sentences
    sentences: npt.NDArray[np.int32]  # (start, end, tokens in it) per sentence
    heads: list[tuple[npt.NDArray[np.int64], npt.NDArray[np.int32]]]  # section, title terms
    words: dict[str, int] = field(default_factory=dict)  # folded word → term (first seen)
    seen: npt.NDArray[np.int64] | None = None  # per term: times written mid-sentence
    capitals: npt.NDArray[np.int64] | None = None  # … of those, with a capital
    # From a worker process (:class:`_Sent`): each term's number in that worker, ``vocabulary``
    # and ``words`` holding only what the worker had not sent before (``fresh`` terms).
    source: tuple[int, int] | None = None
    source_ids: npt.NDArray[np.int64] | None = None
    fresh: npt.NDArray[np.bool_] | None = None

    def __len__(self) -> int:
        return len(self.rowids)


class _ChunkBuilder:
    """One chunk's passages analysed together: the English ones' tokens as columns at once
    (:mod:`token_columns`), any other's by :meth:`Analyzer.tokens`; then every token kept in
    its sentence, the terms numbered, counted and checked for capitals in whole-chunk steps,
    not one Python step per token. The same chunk as analysing each passage alone
    (:func:`analyse_passage`) would give."""

    def __init__(self, table: TermTable) -> None:
        self.table = table
        self.analyzer = table.analyzer
        self.head_cache: dict[tuple[str, str], list[int]] = {}

    def head_terms(self, text: str | None, lang: str) -> list[int]:
        if not text:
            return []
        found = self.head_cache.get((lang, text))
        if found is None:
            terms = self.analyzer.terms(text, lang)
            found = self.head_cache[(lang, text)] = list(map(self.table.number, terms))
        return found

    def body(self, rows: Sequence[PassageRow]) -> Columns:
        """Every passage's tokens, passage after passage, each passage's ordered by start."""
        fast, slow = [], []
        for i, row in enumerate(rows):
            own = row.lang or self.analyzer._language_of(row.text)
            if own == ENGLISH and not scripts.has_other_scripts(row.text):
                fast.append(i)
            else:
                slow.append(i)
        found = english_columns(self.table, [rows[i].text for i in fast])
        parts = [found._replace(text=np.asarray(fast, np.int64)[found.text])]
        for i in slow:
            tokens = self.analyzer.tokens(rows[i].text, rows[i].lang)
            tokens = sorted(tokens, key=_START)  # stable: as sentence_tokens orders them
            number = self.table.number
            parts.append(Columns(
                np.full(len(tokens), i, np.int64),
                np.array([t.start for t in tokens], np.int64),
                np.array([t.end for t in tokens], np.int64),
                np.array([number(t.term) for t in tokens], np.int64),
                np.array([number(t.word) for t in tokens], np.int64),
            ))  # fmt: skip
        body = concatenate(parts)
        if slow:
            order = np.argsort(body.text, kind="stable")
            body = Columns(*(column[order] for column in body))
        return body

    def finish(self, rows: Sequence[PassageRow]) -> Chunk:
        texts = [r.text for r in rows]
        body, sentences, sent_counts = _in_sentences(texts, self.body(rows))
        titles = [self.head_terms(r.title, r.lang) + self._year(r.year) for r in rows]
        sections = [self.head_terms(r.section, r.lang) for r in rows]
        lengths = np.stack([
            np.bincount(body.text, minlength=len(rows)),
            np.fromiter(map(len, titles), np.int64, len(rows)),
            np.fromiter(map(len, sections), np.int64, len(rows)),
        ], axis=1)  # fmt: skip
        fields = [body.term, _flat(titles), _flat(sections)]
        sequence, where = _interleave(lengths, fields)
        numbers, vocabulary = self._numbered(sequence)
        text_terms = numbers[where[0]]
        tokens = np.empty((len(text_terms), 3), dtype=np.int32)
        tokens[:, 0], tokens[:, 1], tokens[:, 2] = body.start, body.end, text_terms
        seen, capitals = _capitalised(texts, lengths[:, 0].tolist(), tokens, len(vocabulary))
        return Chunk(
            vocabulary=vocabulary,
            rowids=np.array([r.rowid for r in rows], dtype=np.int64),
            keys=np.array([passage_key(r.id, r.text) for r in rows], dtype=np.int64),
            tok_ptr=_ptr(lengths[:, 0]),
            tokens=tokens,
            sent_ptr=_ptr(sent_counts),
            sentences=sentences,
            heads=[(_ptr(lengths[:, f]), numbers[where[f]]) for f in (2, 1)],  # section, title
            words=self._words(body.word, text_terms),
            seen=seen,
            capitals=capitals,
        )

    def _year(self, year: str | None) -> list[int]:
        return [self.table.number(year)] if year else []

    def _numbered(self, sequence: IntArray) -> tuple[npt.NDArray[np.int32], list[str]]:
        """The chunk's numbering of terms given as table numbers: each numbered where it is
        first met in ``sequence``, as the chunk's vocabulary lists them."""
        met, _ = self.table.first_met(sequence)
        rank = self.table.rank
        rank[met] = np.arange(len(met), dtype=np.int32)
        return rank[sequence], list(map(self.table.names.__getitem__, met.tolist()))

    def _words(self, words: IntArray, terms: npt.NDArray[np.int32]) -> dict[str, int]:
        """Folded word → the term of its first token."""
        met, first = self.table.first_met(words)
        names = self.table.names
        found = dict(zip(list(map(names.__getitem__, met.tolist())),
                         terms[first].tolist(), strict=True))  # fmt: skip
        found.pop("", None)
        return found


def _flat(lists: list[list[int]]) -> IntArray:
    return np.fromiter(itertools.chain.from_iterable(lists), np.int64)


def _interleave(lengths: IntArray, fields: list[IntArray]) -> tuple[IntArray, list[IntArray]]:
    """The fields' terms passage after passage (each passage's text, title, then section
    terms), and where each field's terms went."""
    totals = lengths.sum(axis=1)
    offsets = np.cumsum(totals) - totals
    sequence = np.empty(int(totals.sum()), np.int64)
    where = []
    before = np.zeros(len(lengths), np.int64)
    for f, terms in enumerate(fields):
        counts = lengths[:, f]
        local = np.arange(len(terms)) - np.repeat(np.cumsum(counts) - counts, counts)
        at = np.repeat(offsets + before, counts) + local
        sequence[at] = terms
        where.append(at)
        before = before + counts
    return sequence, where


def _in_sentences(
    texts: Sequence[str], body: Columns
) -> tuple[Columns, npt.NDArray[np.int32], IntArray]:
    """Each passage's sentences ``(start, end, tokens)`` and the tokens inside one, as
    :func:`excerpts.sentence_tokens` keeps them (a token starting in no sentence is
    dropped); also each passage's number of sentences."""
    spans: list[int] = []
    counts = []
    for text in texts:
        found = fragment_spans(text) or [(0, len(text))]
        spans += itertools.chain.from_iterable(found)
        counts.append(len(found))
    sent_counts = np.array(counts, np.int64)
    pairs = np.array(spans, np.int64).reshape(-1, 2)
    lengths = np.fromiter(map(len, texts), np.int64, len(texts))
    bases = np.cumsum(lengths) - lengths
    at = bases[body.text] + body.start  # sorted: passages in order, tokens by start
    sent_bases = np.repeat(bases, sent_counts)
    lo = np.searchsorted(at, pairs[:, 0] + sent_bases)
    hi = np.searchsorted(at, pairs[:, 1] + sent_bases)
    size = len(at) + 1
    kept = np.cumsum(np.bincount(lo, minlength=size) - np.bincount(hi, minlength=size))[:-1] > 0
    if not kept.all():
        body = Columns(*(column[kept] for column in body))
    sentences = np.empty((len(pairs), 3), np.int32)
    sentences[:, 0], sentences[:, 1], sentences[:, 2] = pairs[:, 0], pairs[:, 1], hi - lo
    return body, sentences, sent_counts


def _ptr(counts: npt.NDArray[np.int64]) -> npt.NDArray[np.int64]:
    ptr = np.zeros(len(counts) + 1, dtype=np.int64)
    np.cumsum(counts, out=ptr[1:])
    return ptr


_ENDS = np.array([ord(ch) for ch in _SENTENCE_ENDS], dtype=np.uint32)


def _capitalised(
    texts: Sequence[str], counts: Sequence[int], tokens: npt.NDArray[np.int32], n_terms: int
) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.int64]]:
    """Per term: how often it is written where no sentence starts (not after a sentence end
    and a space, nor in a passage's first two characters), and how often of those with a
    capital: names ("Pakistan") for follow-ups. The chunk's texts are read as one array of
    code points."""
    offsets = np.zeros(len(texts), dtype=np.int64)
    np.cumsum([len(t) for t in texts[:-1]], out=offsets[1:])
    points = np.frombuffer("".join(texts).encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    starts = tokens[:, 0].astype(np.int64)
    at = np.repeat(offsets, counts) + starts
    inside = starts >= 2
    mid = inside.copy()
    mid[inside] = ~np.isin(points[at[inside] - 2], _ENDS)
    first = points[at[mid]]
    upper = (first >= 65) & (first <= 90)
    wide = first >= 128
    if wide.any():
        found = np.unique(first[wide])
        capitals = found[[chr(int(c)).isupper() for c in found.tolist()]]
        upper |= np.isin(first, capitals)
    terms = tokens[mid, 2]
    seen = np.bincount(terms, minlength=n_terms).astype(np.int64)
    return seen, np.bincount(terms[upper], minlength=n_terms).astype(np.int64)


def analyse_rows(
    rows: Sequence[PassageRow], analyzer: Analyzer, table: TermTable | None = None
) -> Chunk:
    """Analyse passages into one :class:`Chunk`; ``table``: the spellings analysed so far by
    this build (a new one when not given)."""
    return _ChunkBuilder(table or TermTable(analyzer)).finish(rows)


def terms_chunk(fields: Sequence[Sequence[Sequence[str]]], first: int = 0) -> Chunk:
    """A chunk from passages given only as term lists per field (no text: no sentences and
    token offsets of 0), for indexes built from terms, as the oracle tests do."""
    ids: dict[str, int] = {}
    n_fields = max((len(doc) for doc in fields), default=1)
    columns: list[tuple[list[int], list[int]]] = [([0], []) for _ in range(max(n_fields, 3))]
    for doc in fields:
        for f, (ptr, terms) in enumerate(columns):
            terms += [ids.setdefault(t, len(ids)) for t in (doc[f] if f < len(doc) else ())]
            ptr.append(len(terms))
    body_ptr, body = columns[0]
    tokens = np.zeros((len(body), 3), dtype=np.int32)
    tokens[:, 2] = body
    n = len(fields)
    return Chunk(
        vocabulary=list(ids),
        rowids=np.arange(first, first + n, dtype=np.int64),
        keys=np.zeros(n, dtype=np.int64),
        tok_ptr=np.array(body_ptr, dtype=np.int64),
        tokens=tokens,
        sent_ptr=np.zeros(n + 1, dtype=np.int64),
        sentences=np.zeros((0, 3), dtype=np.int32),
        heads=[(np.array(p, dtype=np.int64), np.array(t, dtype=np.int32)) for p, t in columns[1:]],
    )


def fragments_of(
    sentences: npt.NDArray[np.int32], tokens: npt.NDArray[np.int32], vocabulary: Sequence[str]
) -> list[Fragment]:
    """One passage's stored sentences and tokens as :class:`Fragment` values (no analysis).

    ``Token.word`` is left empty: it serves the spelling correction of questions, never excerpts.
    """
    starts, ends, terms = tokens.T.tolist() if len(tokens) else ([], [], [])
    words = [vocabulary[t] for t in terms]
    out: list[Fragment] = []
    cursor = 0
    for start, end, count in sentences.tolist():
        stop = cursor + count
        # tuple.__new__ called by map stays in C: twice as fast as Token(...) per token.
        rows = zip(words[cursor:stop], starts[cursor:stop], ends[cursor:stop], repeat(""))
        found = tuple(map(tuple.__new__, repeat(Token), rows))
        out.append(Fragment(start, end, found))
        cursor = stop
    return out


@dataclass(frozen=True)
class Stored:
    """Several passages' stored sentences ``(start, end, tokens)`` and tokens ``(start, end,
    term)``, one after another, the terms in the index's numbering; ``counts``: each passage's
    number of sentences, None for one not stored (not indexed with its present text)."""

    sentences: npt.NDArray[np.int32]
    tokens: npt.NDArray[np.int32]
    counts: list[int | None]
    # Each passage's section and title terms (with its document's year), in the index's
    # numbering; None for one not stored.
    heads: list[frozenset[int] | None] = field(default_factory=list)


def stored_matches(stored: Stored, term_ids: Sequence[int]) -> list[Matches | None]:
    """The :class:`Matches` of stored passages for question terms ``term_ids`` (term ``i`` is
    bit ``i``); None for a passage not stored.

    All the passages' tokens are compared with the question's terms at once, in numpy; Python
    then sees only the tokens that match, a few per sentence, not every token of every passage.
    """
    sentences, tokens = stored.sentences, stored.tokens
    wanted = np.asarray(term_ids, dtype=np.int32)
    order = np.argsort(wanted, kind="stable")
    ordered = wanted[order]
    rows: list[tuple[int, int, int, int]] = []
    if len(ordered) and len(tokens):
        terms = tokens[:, 2]
        at = np.minimum(np.searchsorted(ordered, terms), len(ordered) - 1)
        hit = np.flatnonzero(ordered[at] == terms)
        owner = np.repeat(np.arange(len(sentences)), sentences[:, 2])[hit].tolist()
        found = tokens[hit]
        starts, ends = found[:, 0].tolist(), found[:, 1].tolist()
        rows = list(zip(owner, starts, ends, order[at[hit]].tolist(), strict=True))
    masks = [0] * len(sentences)
    marks: list[list[tuple[int, int, int]]] = [[] for _ in range(len(sentences))]
    for sentence, start, end, bit in rows:
        masks[sentence] |= 1 << bit
        marks[sentence].append((start, end, bit))
    spans = list(zip(sentences[:, 0].tolist(), sentences[:, 1].tolist(), strict=True))
    out: list[Matches | None] = []
    first = 0
    for count in stored.counts:
        if count is None:
            out.append(None)
            continue
        last = first + count
        out.append(Matches(spans[first:last], masks[first:last], marks[first:last]))
        first = last
    return out


# ------------------------------------------------------------------------- worker processes
class _Sent:
    """What one worker process has sent the segment writer: its terms, numbered in the worker,
    and the spellings. The writer reads a worker's chunks in the order they were given out, so
    it has every earlier chunk of this worker when it reads the next one: a chunk carries only
    the terms and spellings new to the worker, and the writer, instead of looking up every term
    of every chunk in a dictionary of the whole vocabulary (at a million paragraphs the most of
    its work), maps the rest through an array."""

    def __init__(self) -> None:
        self.source = (os.getpid(), int.from_bytes(os.urandom(4), "little"))
        self.terms: defaultdict[str, int] = defaultdict(None)
        self.words: set[str] = set()

    def thin(self, chunk: Chunk) -> Chunk:
        before = len(self.terms)
        self.terms.default_factory = itertools.count(before).__next__  # a new term: next number
        terms = chunk.vocabulary
        ids = np.fromiter(map(self.terms.__getitem__, terms), np.int64, len(terms))
        fresh = ids >= before
        new = list(itertools.filterfalse(self.words.__contains__, chunk.words))
        self.words.update(new)
        return replace(
            chunk, vocabulary=list(itertools.compress(terms, fresh.tolist())),
            words=dict(zip(new, map(chunk.words.__getitem__, new), strict=True)),
            source=self.source, source_ids=ids, fresh=fresh,
        )  # fmt: skip


_worker_analyzer: Analyzer | None = None
_worker_sent: _Sent | None = None
_worker_table: TermTable | None = None


def init_worker(synonyms: Synonyms, languages: Collection[str] | None) -> None:
    """Process-pool initialiser: the analyzer is rebuilt from its settings (it holds a C stemmer,
    which does not pickle); a pool serves one segment writer, so what was sent starts empty."""
    global _worker_analyzer, _worker_sent, _worker_table
    _worker_analyzer = Analyzer(synonyms, languages)
    _worker_sent = _Sent()
    _worker_table = TermTable(_worker_analyzer)


def analyse_in_worker(rows: Sequence[PassageRow]) -> Chunk:
    assert _worker_analyzer is not None and _worker_sent is not None, "init_worker first"
    return _worker_sent.thin(analyse_rows(rows, _worker_analyzer, _worker_table))
