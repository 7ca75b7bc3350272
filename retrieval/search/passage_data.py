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
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from itertools import repeat
from typing import NamedTuple

import numpy as np
import numpy.typing as npt

from retrieval.search.analyzer import Analyzer, Synonyms, Token
from retrieval.search.excerpts import Fragment, Matches, fragments

_SENTENCE_ENDS = frozenset('.!?:;"“(')  # the character before the space before a word


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

    def __len__(self) -> int:
        return len(self.rowids)


class _ChunkBuilder:
    """Collects one chunk's arrays passage by passage (Python lists: one chunk is small)."""

    def __init__(self, analyzer: Analyzer) -> None:
        self.analyzer = analyzer
        self.ids: dict[str, int] = {}
        self.tokens: list[int] = []
        self.sentences: list[int] = []
        self.tok_ptr = [0]
        self.sent_ptr = [0]
        self.heads: list[tuple[list[int], list[int]]] = [([0], []), ([0], [])]
        self.head_cache: dict[str, list[int]] = {}
        self.words: dict[str, int] = {}
        self.seen: dict[int, int] = {}
        self.capitals: dict[int, int] = {}

    def term(self, term: str) -> int:
        found = self.ids.get(term)
        if found is None:
            found = self.ids[term] = len(self.ids)
        return found

    def head_terms(self, text: str | None, lang: str) -> list[int]:
        if not text:
            return []
        found = self.head_cache.get(f"{lang}:{text}")
        if found is None:
            terms = self.analyzer.terms(text, lang)
            found = self.head_cache[f"{lang}:{text}"] = [self.term(t) for t in terms]
        return found

    def add(self, row: PassageRow) -> None:
        text = row.text
        ids, tokens, words, seen, capitals = (
            self.ids,
            self.tokens,
            self.words,
            self.seen,
            self.capitals,
        )
        # One loop over every token of the corpus: locals and no calls, it is the build's
        # own share of the work (the analyzer's is the rest).
        for fragment in analyse_passage(text, self.analyzer, row.lang):
            self.sentences += (fragment.start, fragment.end, len(fragment.tokens))
            for term, start, end, word in fragment.tokens:
                number = ids.get(term)
                if number is None:
                    number = ids[term] = len(ids)
                tokens += (start, end, number)
                if word not in words:
                    words[word] = number
                # Capitalised where no sentence starts: a name ("Pakistan"), for follow-ups.
                if start >= 2 and text[start - 2] not in _SENTENCE_ENDS:
                    seen[number] = seen.get(number, 0) + 1
                    if text[start].isupper():
                        capitals[number] = capitals.get(number, 0) + 1
        self.tok_ptr.append(len(tokens) // 3)
        self.sent_ptr.append(len(self.sentences) // 3)
        title = self.head_terms(row.title, row.lang) + ([self.term(row.year)] if row.year else [])
        for (ptr, terms), found in zip(
            self.heads, (self.head_terms(row.section, row.lang), title), strict=True
        ):
            terms += found
            ptr.append(len(terms))


def analyse_rows(rows: Sequence[PassageRow], analyzer: Analyzer) -> Chunk:
    """Analyse passages into one :class:`Chunk`."""
    builder = _ChunkBuilder(analyzer)
    for row in rows:
        builder.add(row)
    words = {w: t for w, t in builder.words.items() if w}
    return Chunk(
        vocabulary=list(builder.ids),
        rowids=np.array([r.rowid for r in rows], dtype=np.int64),
        keys=np.array([passage_key(r.id, r.text) for r in rows], dtype=np.int64),
        tok_ptr=np.array(builder.tok_ptr, dtype=np.int64),
        tokens=np.array(builder.tokens, dtype=np.int32).reshape(-1, 3),
        sent_ptr=np.array(builder.sent_ptr, dtype=np.int64),
        sentences=np.array(builder.sentences, dtype=np.int32).reshape(-1, 3),
        heads=[
            (np.array(ptr, dtype=np.int64), np.array(terms, dtype=np.int32))
            for ptr, terms in builder.heads
        ],
        words=words,
        seen=_per_term(builder.seen, len(builder.ids)),
        capitals=_per_term(builder.capitals, len(builder.ids)),
    )


def _per_term(counts: dict[int, int], n_terms: int) -> npt.NDArray[np.int64]:
    out = np.zeros(n_terms, np.int64)
    out[list(counts)] = list(counts.values())
    return out


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
_worker_analyzer: Analyzer | None = None


def init_worker(synonyms: Synonyms, languages: Collection[str] | None) -> None:
    """Process-pool initialiser: the analyzer is rebuilt from its settings (it holds a C stemmer,
    which does not pickle)."""
    global _worker_analyzer
    _worker_analyzer = Analyzer(synonyms, languages)


def analyse_in_worker(rows: Sequence[PassageRow]) -> Chunk:
    assert _worker_analyzer is not None, "init_worker first"
    return analyse_rows(rows, _worker_analyzer)
