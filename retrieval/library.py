"""The library: one object that opens the corpus and answers questions with quoted passages.

``Library.open(db, corpus)`` brings the SQLite store up to date with the corpus folder, loads the
search snapshot saved beside the database (or builds it), and then serves :meth:`Library.answer`
from any thread. :meth:`Library.reindex` builds a new snapshot to the side and swaps it in at once,
so questions keep being answered from the old one meanwhile.

The question path: :mod:`retrieval.search.query` (terms, spelling, follow-ups) →
:mod:`retrieval.search.bm25` (candidates) → :mod:`retrieval.search.rank` (re-rank, excerpts,
confidence). The corpus path: :mod:`retrieval.ingest.refresh` → :mod:`retrieval.search.snapshot`.
"""

from __future__ import annotations

import contextlib
import dataclasses
import functools
import gc
import hashlib
import json
import logging
import operator
import re
import shutil
import sqlite3
import threading
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from retrieval.errors import (
    EmptyQuestionError,
    IndexBuildError,
    NoCorpusError,
    NoSearchableWordsError,
    NothingNamedError,
    QuestionError,
    QuestionTooLongError,
    StoreError,
)
from retrieval.ingest import refresh as ingest
from retrieval.model import Answer, Document, Hit, Outcome, Passage, ReindexReport
from retrieval.search import (
    abbreviations,
    attached,
    bm25,
    captions,
    causes,
    changelogs,
    cjk,
    definitions,
    divisions,
    earlier,
    followups,
    judge,
    languages,
    named,
    own_language,
    passage_data,
    present,
    quantities,
    query,
    rank,
    repeats,
    scripts,
    snapshot,
    thesaurus,
    upkeep,
    verbatim,
)
from retrieval.search.abbreviations import Found
from retrieval.search.analyzer import Analyzer, Synonyms, default_synonyms_path, name_terms
from retrieval.search.excerpts import (
    Fragment,
    Matches,
    QuestionTerms,
    matched_fragments,
    matches_of,
)
from retrieval.search.languages import corpus_languages
from retrieval.search.passage_data import analyse_passage
from retrieval.store import corpus
from retrieval.store.abbreviations import DefinedAbbreviations
from retrieval.store.corpus import CorpusStore
from retrieval.store.db import is_damaged, set_aside
from retrieval.text import warm_up as load_text_repairs

log = logging.getLogger(__name__)

QUESTION_LIMIT = 5000  # characters; Telegram's own limit is 4,096
DIVISION_PASSAGES = 3  # of a division far down the ranking, the passages brought first
DIVISION_DOCUMENTS = 10  # best passages whose documents a division is looked for in
# An example question about a section; its words besides the topic are stop words, so it
# searches the topic alone ("What do the documents say …" searched "document" and "paper").
EXAMPLE_ABOUT = "Tell me about {topic}"
# Bump when the analyzer changes, so saved indexes are rebuilt (a language's rules in
# languages.py have their own number, RULES, in the same index tag: bump that one alone).
ANALYZER_VERSION = "42"
# Passages searched, in a further search, for results that repeat no quote when repeats left
# fewer than shown (a second search costs the first's again: zhbench's English p50 1.8 -> 3.4 ms
# over up to four searches, and 6.8 ms up to 400 passages deep), then twice as deep each time
# up to REPEATS_MOST: a paragraph printed in 1,279 pages took 230 ms searched to the end, a
# licence footer in 15,000 pages 2.3 s. Past it the results end.
REPEATS_DEPTH = 40
REPEATS_MOST = 400


class Library:
    """The corpus, its index and the question-answering on top of them."""

    def __init__(
        self, store: CorpusStore, corpus_dir: Path, analyzer: Analyzer, synonyms_digest: str
    ) -> None:
        self.store = store
        self.corpus_dir = corpus_dir
        self._analyzers = _Analyzers(analyzer, synonyms_digest)  # each index holds its own
        self._snapshot: snapshot.Snapshot | None = None
        self._reindex_lock = threading.Lock()  # held by a reload, or a merge swapping in
        self._reloading = False  # a reload holds the lock (it is shared, not run twice at once)
        self._reload_state = threading.Lock()  # see _reload_taken
        self._keeper = upkeep.IndexKeeper(store, self.index_path)
        # A passage's sentences and terms are stored in the index; only passages it lacks (text
        # changed by a reload racing the question) are analysed, and those are cached (by the
        # library, by analyzer, not itself: no cycle keeps a closed library alive).
        self._analysed = functools.lru_cache(maxsize=1024)(_analyse)
        # A corpus has few headings; questions meet the same ones.
        self._head_terms = functools.lru_cache(maxsize=4096)(_terms)
        self._last_report: ReindexReport | None = None
        self._last_outcome: ReindexReport | BaseException | None = None
        # The example questions of the index version, by reader language and question form.
        self._examples: Examples = (None, {})
        self._languages: _Languages = ("", (), frozenset())  # index version, see _counted
        self._warming: threading.Thread | None = None  # the language model, loading
        self._counting: threading.Thread | None = None  # the passages' languages, counted
        self._warming_languages: threading.Thread | None = None  # segmenter, thesauri
        self.was_new = False  # the database held no corpus when it was opened
        self.damaged: Path | None = None  # where a damaged database was moved (open(recover=))

    @property
    def analyzer(self) -> Analyzer:
        """The analyzer of the index served: a reload's new one is swapped in with its index."""
        return _analyzer_of(self, self._snapshot)

    # ------------------------------------------------------------------------------- opening
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
        ``recover`` it is moved aside instead (:func:`store.db.set_aside`, its new place in
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
        # The language model and thesaurus load while the corpus is checked, not on question 1.
        library._warming = threading.Thread(target=_warm_up, name="warm-up", daemon=True)
        library._warming.start()
        for leftover in db_path.parent.glob(db_path.name + ".index.npz*"):
            leftover.unlink(missing_ok=True)  # the single-file index of earlier versions
        try:
            if library.store.meta("corpus_version") is None:
                # A new database (or one deleted since): an index beside it is another
                # database's, whose version numbers the new one will reuse.
                library.was_new = True
                shutil.rmtree(library.index_path, ignore_errors=True)
            started = time.perf_counter()
            if refresh:
                library._last_report = ingest.refresh(library.store, corpus_dir)
            elif library.store.passage_count() == 0:
                raise NoCorpusError(
                    corpus_dir, "the database holds no passages; run `quotebot index`"
                )
            tag, analyzer = _tag(library)
            library._counting = _count_languages(library, tag)  # while the index opens
            library._swap(library._keeper.open(tag, analyzer), analyzer)
            if library._last_report is not None:
                library._last_report = _took(library._last_report, started)
            library._warming_languages = _warm_languages_soon(library, library._counting)
        except BaseException:
            library.close()
            raise
        return library

    @property
    def index_path(self) -> Path:
        """The index folder beside the database (:mod:`retrieval.search.generations`)."""
        return self.store.path.with_name(self.store.path.name + ".index")

    @property
    def last_report(self) -> ReindexReport | None:
        """What the most recent refresh of the corpus changed."""
        return self._last_report

    def close(self) -> None:
        self._keeper.wait()
        _join(self._counting, self._warming_languages)  # no thread outlives the library
        self.store.close()

    # --------------------------------------------------------------------------- index upkeep
    def _swap(self, new: snapshot.Snapshot, analyzer: Analyzer | None = None) -> None:
        """Serve ``new``, made by ``analyzer`` (None: the served index's, as a merge's is)."""
        # One assignment: index and analyzer swap in together, atomically (questions read by a
        # new analyzer while the old index was served found none of its new terms). An index
        # made by it already is served as it is: a reload that changed nothing served a copy,
        # and the merge under way, no longer merging the index served, dropped its work.
        analyzer = analyzer or self.analyzer
        same = new.analyzer is analyzer
        self._snapshot = new if same else dataclasses.replace(new, analyzer=analyzer)

    def reindex(self) -> ReindexReport:
        """Re-read the corpus folder and swap in a new index; returns what changed.

        Runs at most once at a time: a call made while another is running waits for it and
        shares its outcome, its report or its error (two reloads at once become one).
        """
        if not _reload_taken(self):
            return _outcome_of_running(self)
        try:
            started = time.perf_counter()
            report = ingest.refresh(self.store, self.corpus_dir)
            tag, analyzer = _tag(self)
            self._swap(self._keeper.refreshed(self._snapshot, tag, analyzer), analyzer)
            report = _took(report, started)
            self._last_report = self._last_outcome = report
            return report
        except BaseException as error:
            self._last_outcome = error
            raise
        finally:
            with self._reload_state:
                self._reloading = False
                self._reindex_lock.release()
            self._keeper.merge_in_background(
                self._snapshot, self._reindex_lock, lambda: self._snapshot, self._swap
            )

    # --------------------------------------------------------------------------------- reads
    def _current(self) -> snapshot.Snapshot:
        current = self._snapshot
        if current is None:
            raise NoCorpusError(self.corpus_dir, "the library is closed or was never opened")
        return current

    def documents(self) -> list[Document]:
        return self.store.documents()

    def passage(self, passage_id: str) -> Passage | None:
        """The passage with this id, or None when it no longer exists."""
        return self.store.passage(passage_id)

    def passage_count(self) -> int:
        return self._current().index.n_docs

    def example_questions(self, lang: str = "en", about: str = EXAMPLE_ABOUT) -> list[str]:
        """Three questions that show what the corpus can answer, for greetings and help: those
        its manifest suggests that it answers, else ``about`` (a question on a ``{topic}``, in
        the reader's language ``lang``) of the largest sections, those in ``lang`` first."""
        self._examples = _examples_of(self, self._examples, self._current().version)
        cached = self._examples[1]
        if (lang, about) not in cached:
            cached[(lang, about)] = _examples(self, cached[()], lang, about)
        return cached[(lang, about)]

    # ----------------------------------------------------------------------------- questions
    def query_weights(
        self, question: str, context: Sequence[str] | str | None = None
    ) -> dict[str, float]:
        """The weighted terms searched for ``question`` after the earlier questions
        ``context`` (oldest first), read as :meth:`answer` reads it."""
        return _read(self, self._current(), *_meant_after(question, _earlier(context)))[1]

    def answer(
        self,
        question: str,
        *,
        context: Sequence[str] | str | None = None,
        k: int = 3,
        offset: int = 0,
    ) -> Answer:
        """The passages that answer ``question``, ranked ``offset`` to ``offset + k``."""
        asked = text = _askable(question)
        current = self._current()
        earlier_ = _earlier(context)
        if not earlier_ and (followups.leans_on_nothing(text) or followups.step(text)):
            # "¿y cómo lo uso?", "and the next one?" with no question before it (first, or
            # after /reset) say what they ask of a thing they do not name: told so.
            raise NothingNamedError()
        text, languages = _meant(text, earlier_), _warmed_languages(self)
        found = _distinct(self, current, text, earlier_, offset + k, asked)
        lang, question_, ranked, total, stepped = found
        analyzer = _analyzer_of(self, current)
        sure, outcome = _judged(analyzer, current, text, lang, question_, ranked, stepped)
        ranked = quantities.with_the_number(ranked[: offset + k], text, question_.terms, offset)
        lang, languages = _languages_of(text, lang, languages, ranked[: offset + k], earlier_)
        if lang not in languages:
            # In a language no document is written in, the reader is told which they are. What
            # its words found in theirs ("configuration" is French too) is shown, hedged: the
            # reader may not read the passage's language. Nothing matched: declined.
            outcome = "declined" if outcome == "declined" else "hedged"
        current.prepare_words()  # for the questions after this one, in the background
        return Answer(
            question=asked,
            query=text if not earlier_ else f"{text} (following: {' / '.join(earlier_)})",
            hits=tuple(
                Hit(item.passage, item.score, item.excerpt, number)
                for number, item in enumerate(ranked[offset : offset + k], offset + 1)
            ),
            answered=outcome != "declined",
            confidence=round(sure, 4),
            total=total,
            terms=tuple(question_.weights),
            outcome=outcome,
            language=lang,
            corpus_languages=languages,
            earlier=earlier_,
        )

    def languages(self) -> tuple[str, ...]:
        """The languages the documents are written in, most passages first."""
        counting = self._counting
        if counting is not None:  # counted as the library opened: wait for that count
            counting.join()
            self._counting = None
        version = self._current().version
        if self._languages[0] != version:
            self._languages = _counted(version, self.store)
        return self._languages[1] or ("en",)


def _meant(question: str, earlier_: Sequence[str]) -> str:
    """The question ``question`` stands for after ``earlier_``: "et l'article suivant ?" after
    "Que dit l'article 97 ?" asks "Que dit l'article 98 ?" (:func:`followups.moved_to`)."""
    return followups.moved_to(question, earlier_) or question


def _meant_after(question: str, earlier_: Sequence[str]) -> tuple[str, Sequence[str]]:
    """:func:`_meant`, and ``earlier_`` it was read after."""
    return _meant(question, earlier_), earlier_


def _distinct(
    library: Library,
    current: snapshot.Snapshot,
    text: str,
    earlier_: Sequence[str],
    shown: int,
    asked: str = "",
) -> tuple[str, rank.QuestionWeights, list[rank.Ranked], int, list[rank.Ranked] | None]:
    """:func:`_ranked` (after :func:`_after_earlier`) for at least ``shown`` passages, none
    repeating a quote above it (:func:`repeats.without_repeats`): searched deeper (at least
    :data:`REPEATS_DEPTH`, then twice as deep, up to :data:`REPEATS_MOST`) while repeats leave
    too few to know whether more follow, so paging on reaches the other passages (a page copied
    into five version folders stopped "/more" at result 10 of 1703). The total is the count of
    matching passages, the same on every page (less the repeats seen, it jumped 1829 → 1806 →
    1454 as the pages went deeper); on the last page, the count of those shown. ``asked``:
    the question as asked, when ``text`` is the earlier one asked of another division
    (:func:`_meant`). And the passages a step through the document led to
    (:func:`_stepped_to`), None for any other question."""
    moved = bool(asked) and asked != text
    # One past the page, to know whether more follow; more: earlier answers may be left out.
    wanted = shown + 1 + len(earlier_)
    # The question read, and the earlier ones searched, once however deep this one is searched.
    read = _read(library, current, text, earlier_)
    before = functools.cache(functools.partial(_earlier_answers, library, current, text, earlier_))
    while True:
        lang, question, ranked, total = _ranked(library, current, text, earlier_, wanted, read)
        ranked, total = _after_earlier(current, (ranked, total), question, before(), text)
        stepped = _stepped_to(library, current, question, before(), text, moved)
        ranked = _stepped_first(ranked, stepped)
        kept = repeats.without_repeats(ranked, shown + 1)
        repeated = len(ranked) - len(kept)
        every = len(ranked) >= total or wanted >= total  # no passage left unranked
        more = len(kept) > shown
        if more or every or wanted >= REPEATS_MOST:
            # The matches' count while more are known to follow; else this is the last page,
            # counted as shown: no "/more" it cannot keep (a page ending on the last passage
            # with copies still unranked offered one).
            stepping = followups.step(asked or text) is not None  # not "and article 7?"
            return lang, question, kept, total if more else len(kept), stepped if stepping else None
        wanted = min(max(2 * wanted + repeated, REPEATS_DEPTH), REPEATS_MOST)


def _earlier_answers(
    library: Library, current: snapshot.Snapshot, text: str, earlier_: Sequence[str]
) -> list[rank.Ranked] | None:
    """The passages quoted for the earlier questions ``text`` follows (:func:`_shown_before`);
    None with no earlier question, for a definition, or when an earlier one cannot be searched."""
    if not earlier_ or definitions.subject(text) is not None:
        return None
    try:
        return _shown_before(library, current, earlier_)
    except QuestionError:
        return None


def _after_earlier(
    current: snapshot.Snapshot,
    found: tuple[list[rank.Ranked], int],
    question: rank.QuestionWeights,
    shown: list[rank.Ranked] | None,
    text: str,
) -> tuple[list[rank.Ranked], int]:
    """A follow-up's ranked passages and how many match (``found``): a close call goes to the
    document the earlier question was answered from, and its answer is neither quoted again
    nor counted for a follow-up with no word of its own, nor those of the follow-ups without
    words before it ("why?" then "when?"; ``shown``: :func:`_earlier_answers`)."""
    ranked, total = found
    if shown is None:
        return ranked, total
    answer = shown[-1] if shown else None
    ranked = earlier.same_document_first(
        ranked, answer, question.weights, question.terms, current.proper, question.phrases
    )
    ranked = earlier.not_again(ranked, answer, question)
    others = earlier.without_the_answers(ranked, shown, question.weights, text)
    if others and len(others) < len(ranked):  # better quoted again than nothing found
        return others, max(total - len(shown), len(others))
    return ranked, total


def _stepped_first(
    ranked: list[rank.Ranked], stepped: list[rank.Ranked] | None
) -> list[rank.Ranked]:
    """``ranked`` with the passages a step through the document leads to first (``stepped``:
    "and the next one?", "¿y el anterior?", from the passage shown last; :func:`_stepped_to`),
    in the order they are written. A step from a question naming its division, or a follow-up
    naming another division alone ("and article 7?"), was read as that question of the other
    division (:func:`followups.moved_to`): that division of the document the last answer is
    from comes first ("article 6 of the Covenant on Civil and Political Rights" then "and
    article 7?" found the other covenant's Article 7, which says "Covenant" and "rights"
    more)."""
    if not stepped:
        return ranked
    return rank.brought_first(ranked, stepped) if ranked else stepped


def _stepped_outcome(
    outcome: Outcome, ranked: Sequence[rank.Ranked], stepped: Sequence[rank.Ranked] | None
) -> Outcome:
    """``outcome``, except for a step through the document (``stepped``: where it led,
    :func:`_stepped_to`; None for any other question): one that leads to the division asked
    for is answered by its first passage, which says none of the question's words ("and the
    next article?" was hedged over Article 98); one past the document's last division or
    before its first is declined, not answered by some passage with the earlier question's
    words (after Article 111 of 111, Article 76)."""
    if stepped is None:
        return outcome
    if not stepped:
        return "declined"
    landed = bool(ranked) and ranked[0].passage.id == stepped[0].passage.id
    return "answered" if landed else outcome


def _stepped_to(
    library: Library,
    current: snapshot.Snapshot,
    question: rank.QuestionWeights,
    shown: list[rank.Ranked] | None,
    text: str,
    moved: bool,
) -> list[rank.Ranked] | None:
    """The passages :func:`_stepped_first` brings first, in the order they are written (none
    when the document has no such division: past its last article, before its first); None
    when ``text`` is no step, nor another division asked alone, or nothing was quoted before."""
    moving = followups.step(text)
    if not shown or (moving is None and not moved):
        return None
    at, division = shown[-1].passage, divisions.named(text)
    if moved:
        passages = _division_passages(library, at.doc, division) if division else []
    else:
        division_passages = functools.partial(_division_passages, library)
        step = moving or (1, None)
        passages = earlier.moved_to(at, step, division_passages, library.store.passage)
    return sorted(_scored(library, current, passages, question), key=lambda r: r.passage.ordinal)


def _shown_before(
    library: Library, current: snapshot.Snapshot, earlier_: Sequence[str]
) -> list[rank.Ranked]:
    """The passages quoted first for the conversation's last questions: the last one with words
    of its own, then each follow-up without ("why?", "when?") after it, each of those quoted
    without the ones before (one search a question)."""
    # Where the chain starts: the last question with words of its own (read, not searched).
    reads = {}
    start = len(earlier_) - 1
    while start >= 0:
        reads[start] = _read(library, current, earlier_[start], earlier_[:start])
        stepping = followups.step(earlier_[start]) is not None  # from the passage before it
        if start == 0 or not (stepping or earlier.leaves_out(reads[start][1])):
            break
        start -= 1
    shown: list[rank.Ranked] = []
    for at in range(max(start, 0), len(earlier_)):
        asked, weights = earlier_[at], reads[at][1]
        found = _ranked(library, current, asked, earlier_[:at], 1 + len(shown), reads[at])
        stepped = _stepped_to(library, current, found[1], shown, asked, False)
        if stepped == []:
            # A step that led nowhere (past the last article) was declined: the reader is
            # where they were, not at the passage shown as closest (the next step went on
            # from there, answered).
            shown += shown[-1:]
            continue
        answers = _stepped_first(found[2], stepped)
        if shown:
            answers = earlier.without_the_answers(answers, shown, weights, asked) or answers
        shown += answers[:1]
    return shown


def _reload_taken(library: Library) -> bool:
    """Take the reload lock for a reload, once a merge holding it is done; False when another
    reload holds it (whose outcome is shared).

    The lock and the flag saying a reload holds it change together, under a lock of their own
    (so does their release, in :meth:`Library.reindex`): a reload starting in the moment
    between them was taken for a merge, waited, and ran again, reporting nothing changed.
    Waiting for a merge under that lock holds up no reload (none holds the reload lock nor can
    take it meanwhile), and the merge takes only the reload lock: it ends, and this goes on.
    """
    with library._reload_state:
        if not library._reindex_lock.acquire(blocking=False):
            if library._reloading:
                return False
            library._reindex_lock.acquire()  # a merge's, swapping in: read the folder after it
        library._reloading = True
        return True


def _outcome_of_running(library: Library) -> ReindexReport:
    """The outcome of the reload running now, once it is done: its report, or its error."""
    with library._reindex_lock:
        outcome = library._last_outcome
    if isinstance(outcome, BaseException):
        raise outcome
    if outcome is None:  # pragma: no cover - a running reindex always leaves one
        raise IndexBuildError("the reload it waited for left no report")
    return outcome


def _took(report: ReindexReport, started: float) -> ReindexReport:
    """``report`` timed until its corpus could be searched: reading the files and building the
    index (which the refresh's own count left out: "Reloaded in 7.7 s" took 21 s)."""
    return dataclasses.replace(report, seconds=time.perf_counter() - started)


def _askable(question: str) -> str:
    """``question`` without the spaces around it or a web address in it; too long or with no
    letter or digit, an error saying so."""
    text = query.without_links(question).strip()
    if len(text) > QUESTION_LIMIT:
        raise QuestionTooLongError(len(text), QUESTION_LIMIT)
    if not any(ch.isalnum() for ch in text):
        raise EmptyQuestionError()
    return text


def _languages_of(
    text: str,
    lang: str,
    languages: tuple[str, ...],
    shown: Sequence[rank.Ranked],
    earlier: Sequence[str],
) -> tuple[str, tuple[str, ...]]:
    """The language the question is taken to be in, and the corpus's languages it is told
    (:func:`_with_answering`). A question of digits alone ("1970") has no language of its own:
    it takes that of the passage answering it, unless it follows ``earlier`` questions, whose
    language it keeps ("15" after an English question was answered in French)."""
    if shown and not earlier and not any(c.isalpha() for c in text):
        lang = shown[0].passage.lang
    return lang, _with_answering(languages, lang, shown)


def _with_answering(
    languages: tuple[str, ...], lang: str, shown: Sequence[rank.Ranked]
) -> tuple[str, ...]:
    """The corpus's ``languages``, and ``lang`` too when a passage ``shown`` is written in it:
    too few passages to count among them (a one-page Russian note beside an English manual),
    but the question's, so it is one of them."""
    if lang in languages or not any(r.passage.lang == lang for r in shown):
        return languages
    return (*languages, lang)


_Languages = tuple[str, tuple[str, ...], frozenset[str]]


def _counted(version: str, store: CorpusStore) -> _Languages:
    """The index version, the languages its documents are written in (see
    :func:`corpus_languages`), most passages first, and those an English word may be read in."""
    counts = store.passage_languages()
    main = store.main_languages(among=languages.rare_languages(counts))  # their documents only
    return (version, corpus_languages(counts, main), query.reading_languages(counts))


def _warmed_languages(library: Library) -> tuple[str, ...]:
    """:meth:`Library.languages`, once the language model and the Chinese segmenter have
    loaded: a question that needs one while it loads would load it a second time (neither is
    loaded under a lock), so it waits for that one instead. The segmenter's load holds the
    GIL (rjieba, 0.25 s), so a question in any language waits for it anyway."""
    warming, warming_languages = library._warming, library._warming_languages
    if warming is not None:
        warming.join()
        library._warming = None
    if warming_languages is not None:
        warming_languages.join()
        library._warming_languages = None
    return library.languages()


def _join(*threads: threading.Thread | None) -> None:
    for thread in threads:
        if thread is not None:
            thread.join()


def _tag(library: Library) -> tuple[str, Analyzer]:
    """The index's tag for the corpus as stored, and the analyzer that index is made by."""
    version = library.store.meta("corpus_version") or "0"
    digest, analyzer = _define(library)
    return f"v{version}:a{ANALYZER_VERSION}:s{digest}:w{languages.stop_words_digest()}", analyzer


def _fragments(library: Library, passage: Passage, current: snapshot.Snapshot) -> list[Fragment]:
    """The sentences and tokens of ``passage``: stored in the question's index ``current``, or
    analysed by its analyzer (a reload changed the text meanwhile)."""
    stored = current.fragments(passage)
    if stored is not None:
        return stored
    return library._analysed(_analyzer_of(library, current), passage)


def _analyzer_of(library: Library, current: snapshot.Snapshot | None) -> Analyzer:
    """The analyzer ``current`` was made by (the synonym table's, before any is served)."""
    if current is None or current.analyzer is None:
        return library._analyzers.table
    return current.analyzer


@dataclasses.dataclass
class _Analyzers:
    """The synonym table's analyzer (``table``, its file's ``digest``), and the digest and
    analyzer last made with the abbreviations a corpus defines besides (:func:`_define`)."""

    table: Analyzer
    digest: str
    last: tuple[str, Analyzer] | None = None


def _define(library: Library) -> tuple[str, Analyzer]:
    """The digest of the synonym table and the abbreviations the corpus defines
    (:mod:`abbreviations`), in the index's tag (a new set of them is a new index), and an
    analyzer searching those as their long forms and back, with the table. A new one when they
    changed: the one serving questions keeps serving them until the new index is in."""
    found, made = _abbreviations(library.store), library._analyzers
    if not found:
        return made.digest, made.table
    digest = made.digest + "+" + hashlib.sha256(json.dumps(found).encode()).hexdigest()[:16]
    if made.last is None or made.last[0] != digest:
        made.last = (digest, Analyzer(made.table.synonyms.with_found(found, thesaurus.is_word)))
    return made.last


def _abbreviations(store: CorpusStore) -> list[Found]:
    """The ``(long form, short form, language)`` abbreviations the corpus defines: kept in the
    database for its version (:class:`DefinedAbbreviations`)."""
    kept = DefinedAbbreviations(store)
    # The stop words tell common short forms: other lists find others (the index is rebuilt).
    words = languages.stop_words_digest()
    version = f"{store.meta('corpus_version')}:{abbreviations.VERSION}:{words}"
    found = kept.kept(version)
    if found is None:
        # A short form that is a stop word of any language ("WHO", "IT", "DIE") is common.
        codes = tuple(sorted(path.stem for path in languages.STOP_WORDS_DIR.glob("*.txt")))
        found = abbreviations.groups(
            kept.texts_holding("("),
            lambda word: languages.is_stop_word_of(word, codes),
            thesaurus.is_word,
            _read_in,
        )
        kept.keep(version, found)
    return found


def _read_in(word: str, lang: str) -> str:
    """The language ``word`` is read in, in a text in ``lang``: its letters' (Latin words in
    Russian or Chinese text are read as English, as the analyzer reads them)."""
    script = next((run.script for run in scripts.runs(word) if run.script != "common"), "common")
    return languages.word_language(script, languages.language(lang)).code


def _count_languages(library: Library, version: str) -> threading.Thread:
    """Count the passages' languages in the background (a quarter of a second at a million
    passages, inside SQLite, so beside the Python work of opening the index)."""

    def count() -> None:
        with contextlib.suppress(StoreError, sqlite3.Error):  # counted again when asked
            library._languages = _counted(version, library.store)

    thread = threading.Thread(target=count, name="languages", daemon=True)
    thread.start()
    return thread


def _search(
    library: Library,
    current: snapshot.Snapshot,
    weights: dict[str, float],
    question: rank.QuestionWeights,
    depth: int,
    names: Sequence[str],
    probe: int = 0,
) -> tuple[list[rank.Ranked], int, bm25.SearchResult]:
    """BM25's best ``depth`` passages re-ranked, how many passages matched at all, and BM25's
    best ``probe`` (when deeper: looked through by :func:`_quoting_deeper`); ``names``: the
    rare names the question asks about (:func:`named.rare_names`)."""
    store, analyzer = library.store, _analyzer_of(library, current)
    fragments = functools.partial(_fragments, library, current=current)
    head_terms = functools.partial(library._head_terms, analyzer)
    probed = current.index.search(weights, k=max(depth, probe))
    pool = bm25.SearchResult(probed.docs[:depth], probed.scores[:depth], probed.total)
    rowids = current.rowids.take(pool.docs)
    passages = store.passages_by_rowid(rowids)
    # A passage deleted by a reload between search and fetch is left out.
    kept = [i for i, r in enumerate(rowids) if r in passages]
    candidates = [(passages[rowids[i]], float(pool.scores[i])) for i in kept]
    positions = pool.docs.tolist()
    stored = current.stored(
        [positions[i] for i in kept], [p for p, _ in candidates], heads=rank.RERANK
    )
    terms = question.terms
    ids = [current.index.term_ids[t] for t in terms.terms]
    matches = [
        found if found is not None else matches_of(fragments(p), terms)
        for found, (p, _) in zip(passage_data.stored_matches(stored, ids), candidates, strict=True)
    ]
    heads = [
        _head_bits(found, ids) | _above_mask(p, terms, head_terms)
        if found is not None
        else _head_mask(p, terms, head_terms)
        for found, (p, _) in zip(stored.heads, candidates[: rank.RERANK], strict=False)
    ]
    extra = rank.admitted(matches, question, names)
    admitted = None
    if extra is not None:
        admitted = (extra, _head_mask(candidates[extra][0], terms, head_terms))
    return rank.rerank(candidates, question, matches, heads, admitted), pool.total, probed


# The terms of a passage's headings: (section, title, language) -> terms.
HeadTerms = Callable[[str | None, str, str], frozenset[str]]


def _head_mask(passage: Passage, terms: QuestionTerms, head_terms: HeadTerms) -> int:
    """The question terms the passage's section, the headings above it and its title hold,
    as bits."""
    found = head_terms(passage.section, passage.title, passage.lang)
    return _bits(found, terms) | _above_mask(passage, terms, head_terms)


def _above_mask(passage: Passage, terms: QuestionTerms, head_terms: HeadTerms) -> int:
    """The question terms the headings above the passage's section hold, as bits: which of a
    document's sections of one name a passage is under ("How to do it" under "Design studio",
    not under "Journey mapping", in a booklet of method cards; "Examples" under "Timeouts")."""
    if not passage.above:
        return 0
    return _bits(head_terms(" ".join(passage.above), "", passage.lang), terms)


def _bits(found: frozenset[str], terms: QuestionTerms) -> int:
    mask = 0
    for term in found:
        bit = terms.bits.get(term)
        if bit is not None:
            mask |= 1 << bit
    return mask


def _head_bits(heads: frozenset[int], ids: list[int]) -> int:
    """The question terms (index term ids ``ids``; bit ``i`` for ``ids[i]``) a passage's
    indexed section and title hold, as bits."""
    return sum(1 << bit for bit, term in enumerate(ids) if term in heads)


def _terms(analyzer: Analyzer, section: str | None, title: str, lang: str) -> frozenset[str]:
    return frozenset(analyzer.terms(f"{section or ''} {title}", lang))


def _analyse(analyzer: Analyzer, passage: Passage) -> list[Fragment]:
    return analyse_passage(passage.text, analyzer, passage.lang)


def _matched(best: rank.Ranked, question: rank.QuestionWeights) -> rank.Fragments:
    """The best passage's sentences with only the tokens of the question's terms, which is
    all :func:`judge.assess` reads of them (what it covers): no Python object for every
    token of the passage."""
    assert best.matches is not None
    fragments = matched_fragments(best.matches, question.terms)
    return lambda passage: fragments


def _matched_among(ranked: list[rank.Ranked], question: rank.QuestionWeights) -> rank.Fragments:
    """:func:`_matched` for each of ``ranked`` (none for another passage), read when asked."""
    matches = {r.passage.id: r.matches for r in ranked if r.matches is not None}

    def fragments(passage: Passage) -> list[Fragment]:
        found = matches.get(passage.id)
        return [] if found is None else matched_fragments(found, question.terms)

    return fragments


def _read(
    library: Library, current: snapshot.Snapshot, text: str, earlier_: Sequence[str]
) -> tuple[str, query.Weights]:
    """The language ``text`` is read in after the questions ``earlier_``, and its weighted
    terms."""
    languages = library.languages()
    read_in = library._languages[2]  # settled for this version by languages() just now
    analyzer = _analyzer_of(library, current)
    lang = query.language_of(text, earlier_, analyzer, languages)
    lang = query.settle_language(text, lang, languages, analyzer, current)
    searched = definitions.purpose_searched(text) or text
    pointing = followups.points_back(text)
    return lang, query.weights(
        searched, earlier_, analyzer, current, lang, languages, read_in, pointing
    )


def _ranked(
    library: Library,
    current: snapshot.Snapshot,
    text: str,
    earlier_: Sequence[str],
    k: int,
    read: tuple[str, query.Weights] | None = None,
) -> tuple[str, rank.QuestionWeights, list[rank.Ranked], int]:
    """The language ``text`` is read in, its weighted terms, at least its best ``k`` passages
    (a defining one first for "what is sed?") and how many passages matched at all. ``read``:
    its language and terms when :func:`_read` has them already."""
    lang, weights = read or _read(library, current, text, earlier_)
    languages = library.languages()
    if not weights:
        raise NoSearchableWordsError()
    analyzer = _analyzer_of(library, current)
    question = rank.QuestionWeights.of(weights, current.index, name_terms(analyzer))
    purpose = definitions.purpose_subject(text)  # "what is X for?" asks no definition
    thing = None if purpose else definitions.subject(text)
    if thing is None and not purpose and not earlier_:
        thing = definitions.term_asked(text)  # a word alone, not one following a question
    neutral = len(languages) > 1 and own_language.asks_by_language(lang, question.found)
    # "what does article 35 say?", "And the Fourth?"
    division = divisions.asked(text, earlier_[-1] if earlier_ else None)
    things = quantities.counted(text, analyzer, lang)  # "how many packages"
    depth = max(
        _depth(text, k, things=bool(things), defining=bool(thing or purpose)),
        # as deep as the own-language orderings reach, so that each page of further results
        # is cut from one ordering (5 deep, "/more" showed some passages twice, others never)
        own_language.WINDOW if len(languages) > 1 else 0,
        divisions.WINDOW if division else 0,
    )
    names = named.rare_names(text, analyzer, current, lang, weights)
    probe = verbatim.WINDOW if verbatim.pasted(text) else 0
    ranked, total, pool = _search(library, current, weights, question, depth, names, probe)
    if len(languages) > 1 and not neutral:
        ranked = _own_language_first(library, ranked, lang, question, weights)
    ranked = captions.below_their_text(ranked, text)
    ranked = named.naming_row_first(ranked, named.writers(names, current, library.store))
    ranked = _release_notes(library, current, ranked, text, question)
    ranked = _quoting_deeper(library, current, ranked, pool, depth, text, lang, question)
    ranked = verbatim.quoted_first(ranked, text, lang)
    ranked = quantities.stating_first(ranked, text)
    ranked = causes.reason_first(ranked, text)
    ranked = quantities.counting_first(ranked, question.terms, things)
    if division:
        ranked = _division_first(library, current, ranked, division, text, lang, question)
    subject = thing or purpose
    openings = _openings(library, current, ranked, subject, question) if subject else []
    if thing:
        ranked = definitions.first_defining(ranked, thing, openings, lang)
    elif purpose:
        ranked = definitions.first_saying_purpose(ranked, purpose, openings, lang)
    if neutral:
        ranked = own_language.written_in_first(ranked, lang, library.store.document_languages)
    return lang, question, ranked, max(total, len(ranked))  # with those brought beside it


def _depth(text: str, k: int, *, things: bool, defining: bool) -> int:
    """How many of BM25's best a question's orderings look through: ``k`` at least, and as
    deep as the orderings for what it asks reach (a count, a definition, a pasted message)."""
    return max(
        quantities.COUNTED_WINDOW if things else 0,
        rank.RERANK,
        k,
        definitions.HEADING_WINDOW if defining else 0,
    )


def _quoting_deeper(
    library: Library,
    current: snapshot.Snapshot,
    ranked: list[rank.Ranked],
    pool: bm25.SearchResult,
    depth: int,
    text: str,
    lang: str,
    question: rank.QuestionWeights,
) -> list[rank.Ranked]:
    """``ranked`` and the passages past its ``depth`` in BM25's ``pool`` that quote ``text``
    (:func:`verbatim.quoting`; a question long enough to be a pasted message is searched
    :data:`verbatim.WINDOW` deep), ranked as the tail of BM25's order. The others are read as
    text only: fetched and re-ranked whole, a hundred cost a long question 10 ms, most of it
    for passages quoting nothing."""
    if len(pool.docs) <= depth:
        return ranked
    rowids = current.rowids.take(pool.docs[depth:])
    scores = pool.scores[depth:].tolist()
    found = corpus.texts_by_rowid(library.store, rowids)
    shown = {r.passage.id for r in ranked}
    deeper = [(r, s) for r, s in zip(rowids, scores, strict=True) if r in found]
    deeper = [(r, s) for r, s in deeper if found[r][0] not in shown]
    chosen = [deeper[i] for i in verbatim.quoting(text, [found[r][1] for r, _ in deeper], lang)]
    passages = library.store.passages_by_rowid([r for r, _ in chosen])
    candidates = [(passages[r], s) for r, s in chosen if r in passages]
    if not candidates:
        return ranked
    matches = _matches(library, current, [p for p, _ in candidates], question)
    return ranked + rank.past_the_head(candidates, question, matches, float(pool.scores[0]))


def _release_notes(
    library: Library,
    current: snapshot.Snapshot,
    ranked: list[rank.Ranked],
    text: str,
    question: rank.QuestionWeights,
) -> list[rank.Ranked]:
    """``ranked`` with the changelogs' lines after the documentation, or before it when the
    question asks about changes (:func:`changelogs.below_the_documentation`); asked what
    changed in a version, the notes under that release's heading first. Its number stands in
    the heading alone, a field BM25 counts at half its weight, while "changed" is in hundreds
    of passages' text: "what changed in 9.7.5?" found no note of that release in the first 50."""
    ranked = changelogs.below_the_documentation(ranked, text)
    version = changelogs.version_asked(text)
    if version is None:
        return ranked
    notes = [
        p
        for document in library.store.documents()
        if changelogs.is_changelog(document.doc)
        for p in changelogs.release_notes(
            library.store.passages_headed(document.doc, version, 4 * changelogs.RELEASE_PASSAGES),
            version,
        )[: changelogs.RELEASE_PASSAGES]
    ]
    if not notes:
        return ranked
    scored = _scored(library, current, notes, question)
    return rank.brought_first(ranked, scored) if ranked else scored


def _own_language_first(
    library: Library,
    ranked: list[rank.Ranked],
    lang: str,
    question: rank.QuestionWeights,
    weights: query.Weights,
) -> list[rank.Ranked]:
    """``ranked`` for a question in ``lang`` to documents in several: an English question's
    English passages first where they hold as much of its words as any other; then, after the
    first, the passages in ``lang`` before other languages' holding no more of them (see
    :func:`own_language.own_before_copies`)."""
    covered = _covering(question, weights)
    documents = library.store.document_languages
    if lang == "en" or (ranked and ranked[0].passage.lang != lang):
        # Another language's passage first: one in the question's holding as much of its
        # words leads instead ("Kubernetes — это PaaS?": the Spanish page's sentence and the
        # Russian one's hold both names alike).
        ranked = own_language.covering_first(ranked, lang, covered, documents, question.scaled)
    return own_language.own_before_copies(ranked, lang, covered, question.scaled, documents)


def _covering(
    question: rank.QuestionWeights, weights: query.Weights
) -> Callable[[rank.Ranked], frozenset[str]]:
    """The question's words (their terms) a passage holds, written in its own language or read
    in another (a reading or synonym counts as the word it stands for), from the terms the
    search found in each of its sentences."""

    def covered(ranked: rank.Ranked) -> frozenset[str]:
        masks = ranked.matches.masks if ranked.matches is not None else ()
        found = question.terms.terms_in(functools.reduce(operator.or_, masks, 0))
        return frozenset(w for t in found for w in weights.words_of(t))

    return covered


def _division_first(
    library: Library,
    current: snapshot.Snapshot,
    ranked: list[rank.Ranked],
    division: divisions.Division,
    text: str,
    lang: str,
    question: rank.QuestionWeights,
) -> list[rank.Ranked]:
    """``ranked`` with the passages under the heading of ``division`` first: those among the
    best (:func:`divisions.first_in`), else those under it in the document asked about, whose
    other words may rank fifty passages citing the article above the article itself ("О чём
    статья 60 Конституции?"). A question with words besides the division's name asks about the
    document they lead to, and no other's division is brought: "the second part of the inflation
    framework" is no gardening note's Part 2."""
    about = _asked_about(library, current, ranked, text, lang, question)
    if about is None:
        return _named_division_first(library, current, ranked, division, lang, question)
    found = divisions.first_in(ranked, division, about)
    if found is not ranked:
        return found
    passages = _division_passages(library, about, division)
    if not passages:
        return ranked
    return rank.brought_first(ranked, _scored(library, current, passages, question))


def _named_division_first(
    library: Library,
    current: snapshot.Snapshot,
    ranked: list[rank.Ranked],
    division: divisions.Division,
    lang: str,
    question: rank.QuestionWeights,
) -> list[rank.Ranked]:
    """``ranked`` for a question whose only words name ``division`` ("что говорится в статье
    5?", "article 7"): the passages under its heading among the best first, in the order they
    are written, a document's in the question's language before another's; when none in its
    language is among the best, the division's first passages in the first document written in
    it that the best passages come from; when one is, its document's division from its first
    passage. Its number stands in the heading alone, so passages
    citing it ("5. В случае, предусмотренном частью 4 статьи 111 …") ranked above Статья 5,
    and a French licence's "Article 6" above the Russian Статья 6."""
    found = divisions.first_in(ranked, division, bare=True, lang=lang)
    top = found[0].passage if found else None
    if top is None:
        return found
    best = [r.passage for r in ranked[: divisions.WINDOW] if r.passage.lang == lang]
    if top.lang == lang and divisions.heads(top.section, division):
        # Its own document's, from the division's first passage: one later paragraph among the
        # best ("Il est responsable devant le Parlement …") is not where article 20 begins.
        best = [top]
    for doc in list(dict.fromkeys(p.doc for p in best))[:DIVISION_DOCUMENTS]:
        passages = _division_passages(library, doc, division)
        if passages:
            scored = sorted(
                _scored(library, current, passages, question), key=lambda r: r.passage.ordinal
            )
            return rank.brought_first(found, scored)
    return found


def _division_passages(library: Library, doc: str, division: divisions.Division) -> list[Passage]:
    """The first :data:`DIVISION_PASSAGES` passages of ``doc`` under ``division``'s heading:
    its own section's, else those of the sections under it ("Chapter XVI" over its articles)."""
    sections = [s for s in library.store.sections_of(doc) if divisions.heads(s, division)]
    if sections:
        return library.store.passages_under(doc, sections, DIVISION_PASSAGES)
    above = [h for h in library.store.headings_above_of(doc) if divisions.heads(h, division)]
    if not above:
        return []
    # (the heading's words may stand in a section's too: kept are those under the heading)
    found = library.store.passages_headed(doc, above[0], 4 * DIVISION_PASSAGES)
    return [p for p in found if above[0] in p.above][:DIVISION_PASSAGES]


def _asked_about(
    library: Library,
    current: snapshot.Snapshot,
    ranked: list[rank.Ranked],
    text: str,
    lang: str,
    question: rank.QuestionWeights,
) -> str | None:
    """The document a question naming a division asks about: the first of the best passages'
    documents, in the question's language first; None when its only words name the division
    ("What does article 5 say?", "And the Fourth?": any document's)."""
    found = divisions.naming_terms(text, _analyzer_of(library, current), lang)
    naming = found[1] if found else set()
    own = [t for t, w in question.weights.items() if w >= 1.0 and t in question.found]
    best = [r.passage for r in ranked[:DIVISION_DOCUMENTS]]
    if not best or all(t in naming for t in own):
        return None
    return next((p.doc for p in best if p.lang == lang), best[0].doc)


def _openings(
    library: Library,
    current: snapshot.Snapshot,
    ranked: list[rank.Ranked],
    thing: str,
    question: rank.QuestionWeights,
) -> list[rank.Ranked]:
    """The opening passages of the documents named after ``thing`` among the best
    (:func:`definitions.opening_ids`) and of the sections titled after it
    (:func:`definitions.sections_named`), with their excerpts, scored below every candidate."""
    found = [library.store.passage(i) for i in definitions.opening_ids(ranked, thing)]
    passages = [p for p in found if p is not None]
    for doc, section in definitions.sections_named(ranked, thing):
        passages += library.store.passages_under(doc, [section], definitions.OPENING)
    passages = list({p.id: p for p in passages}.values())
    if not passages:
        return []
    floor = min((r.score for r in ranked), default=1.0)
    return [
        dataclasses.replace(r, score=floor) for r in _scored(library, current, passages, question)
    ]


def _scored(
    library: Library,
    current: snapshot.Snapshot,
    passages: list[Passage],
    question: rank.QuestionWeights,
) -> list[rank.Ranked]:
    """``passages`` fetched beside the search, re-ranked with their excerpts: analysed as the
    question's snapshot ``current`` analyses them, not as one a reload served since."""
    matches = _matches(library, current, passages, question)
    return rank.rerank([(p, 1.0) for p in passages], question, matches)


def _matches(
    library: Library,
    current: snapshot.Snapshot,
    passages: Sequence[Passage],
    question: rank.QuestionWeights,
) -> list[Matches]:
    """Where the question's terms stand in each of ``passages`` fetched beside the search."""
    return [matches_of(_fragments(library, p, current), question.terms) for p in passages]


def _judged(
    analyzer: Analyzer,
    current: snapshot.Snapshot,
    text: str,
    lang: str,
    question: rank.QuestionWeights,
    ranked: list[rank.Ranked],
    stepped: list[rank.Ranked] | None = None,
) -> tuple[float, Outcome]:
    """How sure the best passage answers ``text``, and so answered, hedged or declined (a
    step through the document by where it led, ``stepped``: :func:`_stepped_outcome`)."""
    sure, missing, passing, unchecked = 0.0, False, False, False
    approval: frozenset[str] = frozenset()
    if ranked:
        best, matched = ranked[0].passage, _matched(ranked[0], question)
        approving = judge.approving(text, lang, analyzer)  # "a good film": no passage holds it
        named = judge.names_only_its_division(  # "ст. 81": "Статья 81"; not "ст. 105 УК"
            judge.named_heading(text, lang, best, analyzer), question, text
        )
        sure, missing = judge.assess(best, question, analyzer, matched, approving, named)
        # An identifier the question names that none of the best passages writes: hedged too.
        missing = missing or bool(judge.unnamed(text, [r.passage for r in ranked[: rank.RERANK]]))
        claim = judge.states(text, lang)  # a claim to check ("Ivermectin cures COVID-19.")
        # Only the passage's title or section holding a claim's words: hedged too.
        missing = missing or (
            claim and not named and judge.heading_only(text, best, question, analyzer, matched)
        )
        sure = judge.with_named_heading(sure, question, named)
        if changelogs.answers_release(text, best):  # the notes are what changed in it
            sure, missing = 1.0, False
        if judge.defines_asked(text, best):  # "Platform engineering is the practice of …"
            sure, missing = 1.0, False
        about = _matched_among(ranked[: judge.ABOUT_AMONG], question)
        recurring = current.index.passages_with
        passing = judge.in_passing(
            text, lang, ranked, question, analyzer, about, current.proper, recurring
        )
        unchecked = claim and judge.checks_none(best, question, analyzer, matched)
        approval = judge.unheld_approval(best, approving, question, analyzer, matched)
    names = query.unknown_names(text, analyzer, current, lang, question.weights)
    # "ООН" where the passages write "Организации Объединенных Наций": a name they hold.
    passages = [r.passage for r in ranked[: judge.SPELLED_AMONG]]
    names = [name for name in names if not judge.spelled_out(name, passages)]
    # "How many …?" answered by an excerpt that states no number does not answer it, nor by one
    # whose numbers count another thing, nor "who is the current …?" by one that does not speak
    # of the present.
    excerpt = ranked[0].excerpt.plain if ranked else ""
    unquantified = bool(ranked) and (
        quantities.unquantified(text, excerpt)
        or present.undated(text, lang, excerpt)
        or _said_elsewhere(analyzer, text, lang, question, ranked)
    )
    known = functools.partial(_any_known, current)
    typos = functools.partial(judge.typos, known=known)  # looked for only if they decide
    outcome = judge.judge(
        sure, question, ranked, names, missing, unquantified, typos, passing, unchecked, approval
    )
    return sure, _stepped_outcome(outcome, ranked, stepped)


def _said_elsewhere(
    analyzer: Analyzer,
    text: str,
    lang: str,
    question: rank.QuestionWeights,
    ranked: list[rank.Ranked],
) -> bool:
    """Whether the best excerpt, as shown, states the number ``text`` asks for only of other
    things (:func:`attached.said_elsewhere`). As shown: widened to the sentence stating the
    number, where an item's number opening it ("1. Конституционный Суд …") is none and "…
    состоит из 11 судей" after it is. Not a follow-up: it names its thing by the conversation,
    not by its own words ("how many ships did they protect?")."""
    if judge.follows(question):
        return False
    shown = quantities.with_the_number(ranked[:1], text, question.terms)[0]
    excerpt, passage = shown.excerpt.plain, shown.passage
    # the heading stands before the excerpt when it opens its passage (no "…" before it)
    heading = "" if excerpt.startswith("…") else passage.section or ""
    return attached.said_elsewhere(text, excerpt, analyzer, lang, passage.lang, heading)


def _any_known(current: snapshot.Snapshot, words: list[str]) -> bool:
    """Whether some passage writes any of ``words``."""
    return any(t is not None for t in current.words.find(words))


# The example questions of one index version: by (reader's language, question form), and the
# manifest's that the corpus answers under ``()``.
Examples = tuple[object, dict[tuple[str, ...], list[str]]]


def _examples_of(library: Library, cached: Examples, version: object) -> Examples:
    """``cached`` when it is of ``version``; else a new cache, the manifest's questions
    answered once for every language."""
    return cached if cached[0] == version else (version, {(): _answered_examples(library)})


def _answered_examples(library: Library) -> list[str]:
    """The manifest's example questions that the corpus answers."""
    chosen = []
    for question in ingest.manifest_examples(library.corpus_dir):
        with contextlib.suppress(QuestionError):
            if library.answer(question, k=1).answered:
                chosen.append(question)
    return chosen


def _examples(library: Library, answered: list[str], lang: str, about: str) -> list[str]:
    """See :meth:`Library.example_questions` (``answered``: :func:`_answered_examples`)."""
    chosen = list(answered)
    store = library.store
    # each once: in a corpus of one language both lists are the same
    topics = dict.fromkeys(
        [*store.largest_sections(limit=12, lang=lang), *store.largest_sections(limit=12)]
    )
    for topic in topics:
        if len(chosen) >= 3:
            break  # no more wanted: the rest's headings are not looked up (one query a document)
        if not re.search(r"[^\W\d_IVXLCDM]{2}", topic):
            continue  # "IX", "2.3": a chapter's number says nothing of what it is about
        if back_matter(topic, _headings_over(store, topic) if _LETTERED.match(topic) else ()):
            continue
        question = about.format(topic=topic)
        if question not in chosen:
            chosen.append(question)
    return chosen[:3]


def _headings_over(store: CorpusStore, topic: str) -> list[str]:
    """The headings above a section so headed, in any document (asked only of a lettered
    heading, "A.1 …": whether it numbers an appendix's part)."""
    over = (store.passages_under(doc.doc, [topic], 1) for doc in store.documents())
    return [heading for passages in over for passage in passages for heading in passage.above]


# What a book carries besides its text, in the languages the bot speaks: the heading as a
# whole is an appendix ("Appendix B", "Annexe 2 : …", "附录A"), a licence ("License", "GNU Free
# Documentation License", "Copyright"), an index ("Index", "Function Index"), a bibliography,
# a glossary, acknowledgements; or a lettered part ("A.1 …") of an appendix. A heading that
# only names one ("Choosing a license", "Glycemic index", "I.2 Getting started") is the text.
_APPENDIX = re.compile(
    r"(?i)^(?:appendix|appendices|annex|annexe|anexo|apéndice|приложение)"
    # its letter a capital: "Приложение в Kubernetes", "Anexo a la ley" are no appendix
    r"(?:\s+(?:(?-i:[A-ZА-Я])|\d+|(?-i:[IVXLC]+))\b|\s*$|\s*[:.]|\s+[—–-]\s)"
    r"|^附录(?:[A-Z\d一二三四五六七八九十]|\s|[:：]|$)"
)
_LETTERED = re.compile(r"^[A-Z](?:\.\d+)+\.?\s")
_LICENCE_NAME = re.compile(  # "GNU Free Documentation License", "Apache License, Version 2.0"
    r"^(?:The\s)?(?:[A-Z][\w.-]*\s){1,5}Licen[cs]e(?:,?\s(?:[Vv]ersion\s)?v?[\d.]+)?"
    r"(?:\s\([\w.-]+\))?$"
)
_BACK_MATTER = re.compile(
    r"(?i)^(?:licen[cs]es?|licensing|copyright(?:\snotices?)?|copying|copyright and licen[cs]e|"
    r"licen[cs]e and copyright|лицензия|licencia|许可证|许可协议|版权(?:声明|信息)?|"
    r"(?:(?:general|subject|name|author|concept|function|variable|command|program|keyword|"
    r"key|option|type|title|topic)\s)?(?:index|indexes|indices)|índice|указатель|索引|"
    r"bibliography|references|glossary|acknowledge?ments?|colophon|errata|credits|"
    r"bibliographie|remerciements|glossaire|bibliografía|glosario|agradecimientos|"
    r"библиография|литература|глоссарий|благодарности|参考文献|术语表|致谢)[:：]?$"
)


def back_matter(topic: str, above: Sequence[str] = ()) -> bool:
    """Whether a section heading (under the headings ``above``) is the back matter of a book,
    not its body: a licence appendix ("A.1 GNU Free Documentation License") was the first
    example a new user was offered, as the largest section of a manual."""
    topic = " ".join(topic.split())
    if _LETTERED.match(topic) and any(_APPENDIX.search(heading) for heading in above):
        return True
    return bool(_APPENDIX.search(topic) or _LICENCE_NAME.match(topic) or _BACK_MATTER.match(topic))


def _warm_languages_soon(library: Library, counting: threading.Thread) -> threading.Thread:
    """:func:`_warm_languages` in a thread of its own, beside the rest of the opening."""
    warm = functools.partial(_warm_languages, library, counting)
    thread = threading.Thread(target=warm, name="warm-up-languages", daemon=True)
    thread.start()
    return thread


def _warm_languages(library: Library, counting: threading.Thread) -> None:
    """Once ``counting`` has counted the passages' languages, what a question in them needs:
    the thesaurus of each that has one and, for a corpus with Chinese passages, the Chinese
    word segmenter's dictionary (0.2 s) and the converter a question is tried in, and whether
    the documents write traditional characters (10 ms at 100k passages); for documents in any
    language but English, ftfy, which cleans a question not in plain ASCII (60 ms): now, not on
    the first question."""
    counting.join()
    thesaurus.warm_up(library._languages[1])  # the Spanish synonyms, when the corpus has Spanish
    if set(library._languages[1]) - {"en"}:
        load_text_repairs()
    if "zh" not in library._languages[1]:
        return
    cjk.chinese_words("中文")
    traditional = query.writes_traditional(library._current())  # close() waits for this
    cjk.other_characters("中文", traditional=traditional)


def _warm_up() -> None:
    languages.warm_up()
    thesaurus.warm_up()
    _settle()


@functools.cache  # once a process
def _settle() -> None:
    """Leave the objects loaded so far (modules, language model, thesaurus: 40,000 objects)
    out of the garbage collector's full passes. They live as long as the process, yet every
    full pass walked them all again: 15 to 35 ms, in the middle of whichever question was
    being answered (half the slowest 1% of questions at 100k passages)."""
    gc.freeze()


def _earlier(context: Sequence[str] | str | None) -> tuple[str, ...]:
    """The earlier questions of a conversation; a string holds them one a line."""
    if context is None:
        return ()
    lines = context.splitlines() if isinstance(context, str) else context
    return tuple(line for line in lines if line.strip())
