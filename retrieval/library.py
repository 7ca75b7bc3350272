"""The library: one object that opens the corpus and answers questions with quoted passages.

``Library.open(db, corpus)`` brings the SQLite store up to date with the corpus folder, loads the
BM25 index saved beside the database (or builds it), and then serves :meth:`Library.answer` from
any thread. :meth:`Library.reindex` builds a new index to the side and swaps it in at once, so
questions keep being answered from the old one meanwhile.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import logging
import re
import sqlite3
import threading
import time
from array import array
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import numpy.typing as npt

from retrieval.errors import (
    EmptyQuestionError,
    IndexBuildError,
    NoCorpusError,
    NoSearchableWordsError,
    QuestionError,
    QuestionTooLongError,
    StoreError,
)
from retrieval.ingest import refresh as ingest
from retrieval.model import Answer, Document, Excerpt, Hit, Passage, ReindexReport
from retrieval.search.analyzer import Analyzer, Synonyms, Token, default_synonyms_path
from retrieval.search.bm25 import BM25Index
from retrieval.search.excerpts import (
    Fragment,
    covered_terms,
    format_excerpt,
    fragments,
    pick,
    score_window,
)
from retrieval.store.corpus import CorpusStore
from retrieval.store.db import is_damaged, set_aside
from retrieval.text import clean, strip_accents

log = logging.getLogger(__name__)

QUESTION_LIMIT = 5000  # characters; Telegram's own limit is 4,096
CONTEXT_WEIGHT = 0.7  # a follow-up's carried-over terms count less than its own
DECLINE_BELOW = 0.43  # confidence under which the answer is "I couldn't find this"
RERANK = 5  # how many of BM25's best are re-ranked by their best excerpt
RERANK_BM25 = 0.35  # the share of BM25 in the re-ranking score; the rest is excerpt coverage
EXAMPLE_QUESTIONS = (
    "What do China and Russia say about missile defence?",
    "How many peacekeepers has China sent to UN missions?",
    "What is the Belt and Road initiative?",
)
ANALYZER_VERSION = "2"  # bump when the analyzer changes, so saved indexes are rebuilt
LONGEST_CORRECTED = 40  # characters of the longest question word spelling correction tries
_NUMBER = re.compile(r"^\d[\d.]*$")
_YEAR = re.compile(r"^(1[89]|20)\d\d$")
_SENTENCE_ENDS = frozenset('.!?:;"“(')  # the character before the space before a word


@dataclass(frozen=True)
class _Snapshot:
    """Everything one search needs, swapped as a whole when the corpus is reloaded."""

    index: BM25Index
    rowids: npt.NDArray[np.int64]  # passage number in the index → rowid in SQLite
    words: dict[str, str]  # folded word as written → its term (for spelling correction)
    proper: frozenset[str]  # terms mostly written with a capital: names of places and bodies
    version: str


class Library:
    """The corpus, its index and the question-answering on top of them."""

    def __init__(
        self, store: CorpusStore, corpus_dir: Path, analyzer: Analyzer, synonyms_digest: str
    ) -> None:
        self.store = store
        self.corpus_dir = corpus_dir
        self.analyzer = analyzer
        self._synonyms_digest = synonyms_digest
        self._snapshot: _Snapshot | None = None
        self._reindex_lock = threading.Lock()
        # Sentences and terms of recently ranked passages: the same passages come up again and
        # again, and analysing them is most of the time a question takes.
        self._fragments = functools.lru_cache(maxsize=8192)(self._analyse)
        self._last_report: ReindexReport | None = None
        self._last_outcome: ReindexReport | BaseException | None = None
        self._examples: dict[str, list[str]] = {}  # by index version
        self.was_new = False  # the database held no corpus when it was opened
        self.damaged: Path | None = None  # where a damaged database was moved (open(recover=))

    def _analyse(self, text: str) -> list[Fragment]:
        return fragments(text, self.analyzer)

    @classmethod
    def open(
        cls,
        db_path: Path,
        corpus_dir: Path,
        synonyms_path: Path | None = None,
        refresh: bool = True,
        recover: bool = False,
    ) -> Library:
        """Open the database, bring it up to date with ``corpus_dir`` and load the index.

        A database file that is damaged (or no database at all) is a :class:`StoreError`; with
        ``recover`` it is moved aside instead (:func:`store.set_aside`, its new place in
        :attr:`damaged`) and a new one is built from ``corpus_dir``.
        """
        try:
            return cls._open(db_path, corpus_dir, synonyms_path, refresh)
        except (StoreError, sqlite3.DatabaseError) as error:
            if not recover or not is_damaged(error):
                raise
            moved = set_aside(db_path)
            log.warning(
                "the database %s is damaged (%s): moved to %s; the corpus is indexed again from %s",
                db_path,
                error,
                moved,
                corpus_dir,
            )
        library = cls._open(db_path, corpus_dir, synonyms_path, refresh)
        library.damaged = moved
        return library

    @classmethod
    def _open(
        cls, db_path: Path, corpus_dir: Path, synonyms_path: Path | None, refresh: bool
    ) -> Library:
        path = synonyms_path or default_synonyms_path()
        synonyms = Synonyms.load(path) if path.is_file() else Synonyms()
        digest = hashlib.sha256(path.read_bytes()).hexdigest()[:16] if path.is_file() else "none"
        library = cls(CorpusStore(db_path), corpus_dir, Analyzer(synonyms), digest)
        for leftover in db_path.parent.glob(db_path.name + ".index.npz.tmp*"):
            leftover.unlink(missing_ok=True)  # an index save cut short by a crash
        try:
            if library.store.meta("corpus_version") is None:
                # A new database (or one deleted since): an index file beside it is another
                # database's, whose version numbers the new one will reuse.
                library.was_new = True
                library.index_path.unlink(missing_ok=True)
            if refresh:
                library._last_report = ingest.refresh(library.store, corpus_dir, lenient=True)
            elif library.store.passage_count() == 0:
                raise NoCorpusError(
                    corpus_dir, "the database holds no passages; run `quotebot index`"
                )
            library._snapshot = library._load_or_build()
        except BaseException:
            library.close()
            raise
        return library

    @property
    def index_path(self) -> Path:
        return self.store.path.with_name(self.store.path.name + ".index.npz")

    @property
    def last_report(self) -> ReindexReport | None:
        """What the most recent refresh of the corpus changed."""
        return self._last_report

    def close(self) -> None:
        self.store.close()

    # --------------------------------------------------------------------------- index upkeep
    def _tag(self) -> str:
        version = self.store.meta("corpus_version") or "0"
        return f"v{version}:a{ANALYZER_VERSION}:s{self._synonyms_digest}"

    def _load_or_build(self) -> _Snapshot:
        tag = self._tag()
        loaded = BM25Index.load(self.index_path, tag)
        if loaded is not None:
            index, extras, side = loaded
            rowids = side.get("rowids", np.zeros(0, dtype=np.int64))
            if len(rowids) == index.n_docs:
                words = dict(zip(extras["words"], extras["word_terms"], strict=True))
                return _Snapshot(index, rowids, words, frozenset(extras["proper"]), tag)
        return self._build(tag)

    def _build(self, tag: str) -> _Snapshot:
        started = time.perf_counter()
        rowids = array("q")
        words: dict[str, str] = {}
        capitals: dict[str, int] = {}
        seen: dict[str, int] = {}
        heading_terms: dict[str, list[str]] = {}
        # The document's year counts with its title: "the 2008 statement" finds its passages.
        dates = {
            d.doc: [d.date[:4]] for d in self.store.documents() if d.date and d.date[:4].isdigit()
        }

        def terms_of(text: str | None) -> list[str]:
            if not text:
                return []
            if text not in heading_terms:
                heading_terms[text] = self.analyzer.terms(text)
            return heading_terms[text]

        def passages_fields() -> Iterator[tuple[list[str], list[str], list[str]]]:
            for rowid, passage in self.store.all_passages():
                tokens = self.analyzer.tokens(passage.text)
                text = passage.text
                for term, start, _, word in tokens:
                    if word not in words:
                        words[word] = term
                    # Capitalised where no sentence starts: a name ("Pakistan"), for follow-ups.
                    if start >= 2 and text[start - 2] not in _SENTENCE_ENDS:
                        seen[term] = seen.get(term, 0) + 1
                        if text[start].isupper():
                            capitals[term] = capitals.get(term, 0) + 1
                rowids.append(rowid)
                yield (
                    [t.term for t in tokens],
                    terms_of(passage.section),
                    terms_of(passage.title) + dates.get(passage.doc, []),
                )

        index = BM25Index.build(passages_fields())
        proper = frozenset(t for t, n in seen.items() if capitals.get(t, 0) * 10 >= n * 8)
        rowid_array = np.frombuffer(rowids, dtype=np.int64).copy()
        snapshot = _Snapshot(index, rowid_array, words, proper, tag)
        extras = {
            "words": list(words),
            "word_terms": list(words.values()),
            "proper": sorted(proper),
        }
        try:
            index.save(self.index_path, tag, extras, {"rowids": rowid_array})
        except OSError as error:  # a read-only folder still serves, it just rebuilds next start
            log.warning("could not save the index to %s: %s", self.index_path, error)
        log.info("indexed %d passages in %.2fs", len(rowids), time.perf_counter() - started)
        return snapshot

    def reindex(self) -> ReindexReport:
        """Re-read the corpus folder and swap in a new index; returns what changed.

        Runs at most once at a time: a call made while another is running waits for it and
        shares its outcome, its report or its error (two reloads at once become one).
        """
        if not self._reindex_lock.acquire(blocking=False):
            with self._reindex_lock:
                outcome = self._last_outcome
            if isinstance(outcome, BaseException):
                raise outcome
            if outcome is None:  # pragma: no cover - a running reindex always leaves one
                raise IndexBuildError("the reload it waited for left no report")
            return outcome
        try:
            report = ingest.refresh(self.store, self.corpus_dir)
            tag = self._tag()
            if self._snapshot is None or self._snapshot.version != tag:
                self._snapshot = self._build(tag)  # one assignment: the swap is atomic
            self._last_report = self._last_outcome = report
            return report
        except BaseException as error:
            self._last_outcome = error
            raise
        finally:
            self._reindex_lock.release()

    # --------------------------------------------------------------------------------- reads
    def _current(self) -> _Snapshot:
        snapshot = self._snapshot
        if snapshot is None:
            raise NoCorpusError(self.corpus_dir, "the library is closed or was never opened")
        return snapshot

    def documents(self) -> list[Document]:
        return self.store.documents()

    def passage(self, passage_id: str) -> Passage | None:
        """The passage with this id, or None when it no longer exists."""
        return self.store.passage(passage_id)

    def passage_count(self) -> int:
        return self._current().index.n_docs

    def example_questions(self) -> list[str]:
        """Three questions that show what the corpus can answer, for greetings and help.

        The curated ones, where this corpus answers them; otherwise questions about the
        sections (or titles) that hold the most passages, so another corpus gets its own.
        """
        snapshot = self._current()
        cached = self._examples.get(snapshot.version)
        if cached is not None:
            return cached
        chosen = []
        for question in EXAMPLE_QUESTIONS:
            with contextlib.suppress(QuestionError):
                if self.answer(question, k=1).answered:
                    chosen.append(question)
        if len(chosen) < 3:
            for topic in self.store.largest_sections(limit=6):
                question = f"What do the documents say about {topic}?"
                if question not in chosen:
                    chosen.append(question)
                if len(chosen) == 3:
                    break
        self._examples = {snapshot.version: chosen[:3]}
        return chosen[:3]

    # ----------------------------------------------------------------------------- questions
    def _correct(self, token: Token, snapshot: _Snapshot) -> str | None:
        """The indexed term a misspelt (or British-spelt) word most likely meant, or None."""
        word = token.word
        # Not short words, numbers, nor "words" longer than any real one: their one-edit
        # neighbours number 54 per letter, and a 4,000-letter "word" would cost seconds.
        if len(word) < 4 or len(word) > LONGEST_CORRECTED or word.isdigit():
            return None
        for variant in _american_spellings(word):
            stem = self.analyzer.stem(variant)
            if stem in snapshot.index.term_ids:
                return stem
        if len(word) < 6:
            return None  # short words have too many neighbours: "paris" is not "parts"
        best: tuple[int, str] | None = None
        for candidate in _edits1(word):
            term = snapshot.words.get(candidate)
            if term is None:
                continue
            docs, _ = snapshot.index.postings(term)
            if best is None or len(docs) > best[0]:
                best = (len(docs), term)
        return best[1] if best else None

    def query_weights(self, question: str, context: str | None = None) -> dict[str, float]:
        """The weighted terms searched for ``question`` (with follow-up ``context``).

        ``context`` holds the earlier questions of the conversation, oldest first, one a line.
        They are read in order, each one that names its own place or year replacing those
        before it ("… Russia in 2004?" → "and with Pakistan?" keeps the topic, drops Russia;
        "and in 2003?" then keeps Pakistan, not Russia).
        """
        snapshot = self._current()

        def terms_of(text: str) -> list[str]:
            found = []
            for token in self.analyzer.tokens(_searchable(text)):
                term = token.term
                if snapshot.index.term_ids.get(term) is None:
                    term = self._correct(token, snapshot) or term
                found.append(term)
            return found

        carried: dict[str, None] = {}  # ordered set of the subject's terms so far
        for earlier in (context or "").split("\n"):
            _carry(carried, terms_of(earlier), snapshot.proper)
        own = terms_of(question)
        _carry(carried, own, snapshot.proper)
        weights = dict.fromkeys(own, 1.0)
        for term in carried:
            weights.setdefault(term, CONTEXT_WEIGHT)
        return weights

    def answer(
        self, question: str, *, context: str | None = None, k: int = 3, offset: int = 0
    ) -> Answer:
        """The passages that answer ``question``, ranked ``offset`` to ``offset + k``.

        BM25 finds the candidates; the best :data:`RERANK` are then re-ranked by how well their
        best excerpt (1 to 3 consecutive sentences) covers the question, since an answer is a
        few sentences, not a paragraph that mentions every word somewhere. The ranking is
        deterministic, so paging with a larger ``offset`` continues the same list.
        """
        text = question.strip()
        if len(text) > QUESTION_LIMIT:
            raise QuestionTooLongError(len(text), QUESTION_LIMIT)
        if not any(ch.isalnum() for ch in text):
            raise EmptyQuestionError()
        snapshot = self._current()
        weights = self.query_weights(text, context)
        if not weights:
            raise NoSearchableWordsError()
        index = snapshot.index
        idf = {t: index.term_idf(t) for t in weights}
        # Words no passage has count at full strength: a question about something the corpus
        # never mentions must not look answered because its commonest words matched.
        scaled = {t: w * _or(idf[t], index.max_idf) for t, w in weights.items()}
        total_weight = sum(scaled.values()) or 1.0
        found = {t: v for t, v in scaled.items() if idf[t] is not None}

        pool = index.search(weights, k=max(RERANK, offset + k))
        rowids = [int(snapshot.rowids[d]) for d in pool.docs]
        passages = self.store.passages_by_rowid(rowids)
        ranked: list[tuple[float, int, Passage, float, Excerpt]] = []
        top_score = float(pool.scores[0]) if len(pool.scores) else 1.0
        for position, (rowid, score) in enumerate(zip(rowids, pool.scores, strict=True)):
            passage = passages.get(rowid)
            if passage is None:  # deleted by a reload between search and fetch
                continue
            frags = self._fragments(passage.text)
            span = pick(frags, found)
            coverage = score_window(frags[span[0] : span[1]], found) / total_weight
            blended = (
                RERANK_BM25 * float(score) / top_score + (1 - RERANK_BM25) * coverage
                if position < RERANK
                else -1.0 - position  # beyond the re-ranked head, BM25 order stands
            )
            ranked.append(
                (
                    blended,
                    position,
                    passage,
                    float(score),
                    format_excerpt(passage.text, frags, span, found),
                )
            )
        ranked.sort(key=lambda item: (-item[0], item[1]))
        confidence = 0.0
        if ranked:
            best = ranked[0][2]
            covered = {
                t.term for f in self._fragments(best.text) for t in f.tokens if t.term in found
            }
            headed = covered_terms(f"{best.section or ''} {best.title}", self.analyzer, set(found))
            # A word only the title or section holds counts half: the passage itself must say
            # something ("Yang Jiechi" in the title does not make his bio line an answer).
            confidence = (
                sum(scaled[t] for t in covered) + 0.5 * sum(scaled[t] for t in headed - covered)
            ) / total_weight
        hits = tuple(
            Hit(passage, score, excerpt_, rank)
            for rank, (_, _, passage, score, excerpt_) in enumerate(
                ranked[offset : offset + k], offset + 1
            )
        )
        # A question naming a year or a known place or body that no passage mentions is about
        # something outside the documents, however well its other words match.
        unknown_names = [
            t
            for t, w in weights.items()
            if w == 1.0 and idf[t] is None and (t.startswith("_") or _YEAR.match(t))
        ]
        return Answer(
            question=text,
            query=text
            if not context
            else f"{text} (following: {' / '.join(context.splitlines())})",
            hits=hits,
            answered=confidence >= DECLINE_BELOW and bool(ranked) and not unknown_names,
            confidence=round(confidence, 4),
            total=pool.total,
            terms=tuple(weights),
        )


def _carry(subject: dict[str, None], terms: list[str], proper: frozenset[str]) -> None:
    """Add ``terms`` to the ``subject`` of a conversation; names or numbers among them replace
    the subject's names or numbers."""
    if any(t in proper for t in terms):
        for term in [t for t in subject if t in proper]:
            del subject[term]
    if any(_NUMBER.match(t) for t in terms):
        for term in [t for t in subject if _NUMBER.match(t)]:
            del subject[term]
    subject.update(dict.fromkeys(terms))


def _one_line(context: str) -> str:
    return " / ".join(line for line in context.splitlines() if line.strip())


def _searchable(text: str) -> str:
    """A question as the analyzer should see it: repaired like a document (zero-width and
    control characters gone, NFC) and without combining marks, which would otherwise split
    "Z̷a̷l̷g̷o̷" text into letters; accents are folded by the analyzer anyway."""
    return strip_accents(clean(text))


def _or(value: float | None, default: float) -> float:
    return default if value is None else value


def _holds(index: BM25Index, term: str, doc: int) -> bool:
    docs, _ = index.postings(term)
    at = int(np.searchsorted(docs, doc))
    return at < len(docs) and int(docs[at]) == doc


_LETTERS = "abcdefghijklmnopqrstuvwxyz"
_BRITISH = (
    ("isation", "ization"),
    ("ise", "ize"),
    ("ising", "izing"),
    ("yse", "yze"),
    ("our", "or"),
    ("tre", "ter"),
    ("ence", "ense"),
    ("ogue", "og"),
    ("lled", "led"),
)


def _american_spellings(word: str) -> list[str]:
    """American spellings of a British word: "normalise" → "normalize", "labour" → "labor"."""
    return [word.replace(gb, us) for gb, us in _BRITISH if gb in word]


def _edits1(word: str) -> set[str]:
    """Every word one deletion, transposition, replacement or insertion away."""
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    deletes = [a + b[1:] for a, b in splits if b]
    transposes = [a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1]
    replaces = [a + c + b[1:] for a, b in splits if b for c in _LETTERS]
    inserts = [a + c + b for a, b in splits for c in _LETTERS]
    return set(deletes + transposes + replaces + inserts)
