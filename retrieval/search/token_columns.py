"""Indexing's fast path: a chunk's English passages analysed at once, into numpy columns.

:meth:`Analyzer.tokens` analyses one text and makes a :class:`~analyzer.Token` per word: a match
object, a dictionary look-up and a tuple each, most of a build's time. Here each English text is
cut into words by one ``re.split`` (words and the text between them, whose lengths give every
word's offsets), each distinct spelling is looked up once per build (:class:`TermTable`), and
the tokens come out as columns: Python runs per passage, per new spelling, and only at the words
where a phrase of the synonym table may start. The terms, offsets and folded words are exactly
:meth:`Analyzer.tokens`' (``tests/search/test_token_columns.py`` compares them).
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from typing import Any, NamedTuple

import numpy as np
import numpy.typing as npt

from retrieval.search.analyzer import (
    ASCII_WORD_SPLIT,
    WORD_SPLIT,
    Analyzer,
    _key,
    _PhraseStart,
)

IntArray = npt.NDArray[np.int64]
_chain = itertools.chain.from_iterable


class Columns(NamedTuple):
    """Tokens of several texts, text after text, each text's in order: the text (its number
    among those given), the token's span, and its term and folded word (numbers of
    :class:`TermTable` strings)."""

    text: IntArray
    start: IntArray
    end: IntArray
    term: IntArray
    word: IntArray


def _empty() -> Columns:
    empty = np.zeros(0, np.int64)
    return Columns(empty, empty, empty, empty, empty)


def concatenate(parts: Sequence[Columns]) -> Columns:
    if not parts:
        return _empty()
    return Columns(*(np.concatenate(column) for column in zip(*parts, strict=True)))


class _Numbering(dict[str, int]):
    """Name → number, a name not in it numbered next and listed in :attr:`names` (in C for
    every name already in it)."""

    def __init__(self) -> None:
        super().__init__()
        self.names: list[str] = []

    def __missing__(self, name: str) -> int:
        number = self[name] = len(self.names)
        self.names.append(name)
        return number


class _Growing:
    """An array appended to in place, its room doubled when full: appended to every chunk, it
    is not copied whole every chunk."""

    def __init__(self, dtype: type) -> None:
        self.data: npt.NDArray[Any] = np.zeros(1024, dtype)
        self.size = 0

    def extend(self, values: npt.ArrayLike) -> None:
        found = np.asarray(values, self.data.dtype)
        end = self.size + len(found)
        if end > len(self.data):
            grown = np.zeros(max(end, 2 * len(self.data)), self.data.dtype)
            grown[: self.size] = self.data[: self.size]
            self.data = grown
        self.data[self.size : end] = found
        self.size = end

    @property
    def array(self) -> npt.NDArray[Any]:
        return self.data[: self.size]


_UNMET = np.iinfo(np.int64).max


class TermTable:
    """Per distinct spelling, what the analyzer gives it (its ``(term, word)`` pairs, and
    whether a phrase may start there), with terms and words numbered: one build's memory.
    Every step of a chunk takes time in proportion to the chunk, not to the table."""

    def __init__(self, analyzer: Analyzer) -> None:
        self.analyzer = analyzer
        self.spellings = _Numbering()
        self.numbers = _Numbering()  # term or folded word → its number
        self.names = self.numbers.names
        self._first = _Growing(np.int64)  # per spelling: its first pair
        self._count = _Growing(np.int64)  # … and how many it has
        self._phrase = _Growing(np.bool_)  # … whether a phrase may start there
        self._keys = _Growing(np.int64)  # … the number of its key (how phrases compare it)
        self.seconds = np.zeros(0, np.int64)  # (phrase start, key of a second word), sorted
        self.starts: dict[int, _PhraseStart] = {}
        self._terms = _Growing(np.int64)  # per pair: its term
        self._words = _Growing(np.int64)  # … and its folded word
        self.phrase_pairs: dict[tuple[str, str], int] = {}
        self.phrase_words: dict[tuple[str, str, int], tuple[int, int]] = {}
        self._unmet = np.zeros(0, np.int64)  # per name: _UNMET (see first_met)
        self.rank = np.zeros(0, np.int32)  # per name: scratch for a chunk's numbering

    first = property(lambda self: self._first.array)
    count = property(lambda self: self._count.array)
    phrase = property(lambda self: self._phrase.array)
    keys = property(lambda self: self._keys.array)
    pair_terms = property(lambda self: self._terms.array)
    pair_words = property(lambda self: self._words.array)

    def number(self, name: str) -> int:
        return self.numbers[name]

    def numbered(self, names: Sequence[str]) -> IntArray:
        """The numbers of ``names``, new ones numbered next, in one C loop."""
        return np.fromiter(map(self.numbers.__getitem__, names), np.int64, len(names))

    def spell(self, words: list[str]) -> IntArray:
        """The spelling number of each of ``words``, new spellings numbered next (in one C
        loop) and then analysed."""
        before = len(self.spellings.names)
        found = np.fromiter(map(self.spellings.__getitem__, words), np.int64, len(words))
        if len(self.spellings.names) > before:
            self._add(self.spellings.names[before:])
        return found

    def first_met(self, numbers: IntArray) -> tuple[IntArray, IntArray]:
        """The distinct ``numbers`` (of names) in the order first met, and where each is
        first met, in time proportional to ``numbers``: an array over every name, kept
        unmet between calls, takes each one's first place."""
        size = len(self.names)
        if len(self._unmet) < size:
            self._unmet = np.full(max(size, 2 * len(self._unmet)), _UNMET, np.int64)
            self.rank = np.zeros(len(self._unmet), np.int32)
        places = np.arange(len(numbers), dtype=np.int64)
        np.minimum.at(self._unmet, numbers, places)
        at = np.flatnonzero(self._unmet[numbers] == places)
        met = numbers[at]
        self._unmet[met] = _UNMET
        return met, at

    def _add(self, raws: list[str]) -> None:
        """Analyse new spellings (numbered in ``raws``' order): their pairs and keys."""
        entries = list(map(self.analyzer.entry, raws))
        flags = [isinstance(entry, _PhraseStart) for entry in entries]
        pairs = [e.terms if isinstance(e, _PhraseStart) else e for e in entries]
        counts = np.fromiter(map(len, pairs), np.int64, len(pairs))
        named = self.numbered(list(_chain(_chain(pairs))))  # term, word, term, word, …
        seconds = []
        for raw, entry, flag in zip(raws, entries, flags, strict=True):
            if flag:
                assert isinstance(entry, _PhraseStart)
                number = self.spellings[raw]
                self.starts[number] = entry
                seconds += [number << 32 | self.number(key) for key in entry.seconds]
        self._first.extend(self._terms.size + np.cumsum(counts) - counts)
        self._count.extend(counts)
        self._phrase.extend(flags)
        self._keys.extend(self.numbered(list(map(_key, raws))))
        if seconds:
            self.seconds = np.unique(np.concatenate((self.seconds, seconds)))
        self._terms.extend(named[0::2])
        self._words.extend(named[1::2])

    def phrase_and_word(self, term: str, word: str, spelling: int) -> tuple[int, int]:
        """The first pair and the number of pairs of a phrase's token followed by those of its
        first word (spelt ``spelling``): a long form that keeps its words."""
        found = self.phrase_words.get((term, word, spelling))
        if found is None:
            first, count = int(self.first[spelling]), int(self.count[spelling])
            at = self._terms.size
            self._terms.extend([self.number(term), *self.pair_terms[first : first + count]])
            self._words.extend([self.number(word), *self.pair_words[first : first + count]])
            found = self.phrase_words[(term, word, spelling)] = (at, count + 1)
        return found

    def phrase_pair(self, term: str, word: str) -> int:
        """The pair of a phrase's token (the phrase's term, the first word's key)."""
        found = self.phrase_pairs.get((term, word))
        if found is None:
            found = self.phrase_pairs[(term, word)] = self._terms.size
            self._terms.extend([self.number(term)])
            self._words.extend([self.number(word)])
        return found


def words_of(texts: Sequence[str]) -> tuple[list[str], IntArray, IntArray, IntArray]:
    """The words of ``texts`` as :meth:`Analyzer._english` finds them: the words, each one's
    start and end in its text, and each text's number of words.

    ``re.split`` with the word pattern in a group gives the text between words, a word, …,
    the text after the last: their lengths summed give every word's offset. An empty piece
    after each text keeps every word at an odd place of the pieces of all texts.
    """
    pieces: list[str] = []
    words: list[str] = []
    counts: list[int] = []
    for text in texts:
        found = (ASCII_WORD_SPLIT if text.isascii() else WORD_SPLIT).split(text)
        pieces += found
        pieces.append("")
        words += found[1::2]
        counts.append(len(found) // 2)
    lengths = np.fromiter(map(len, pieces), np.int64, len(pieces))
    offsets = np.cumsum(lengths) - lengths
    per_text = np.array(counts, np.int64)
    slots = per_text + 1  # each text's words at odd places, then its empty piece
    firsts = np.cumsum(2 * slots) - 2 * slots  # each text's first piece
    keep = np.ones(int(slots.sum()), np.bool_)
    keep[np.cumsum(slots) - 1] = False
    starts = offsets[1::2][keep] - np.repeat(offsets[firsts], per_text)
    return words, starts, starts + lengths[1::2][keep], per_text


def english_columns(table: TermTable, texts: Sequence[str]) -> Columns:
    """The tokens of English ``texts`` (each written in no other script), as
    ``Analyzer.tokens(text, "en")`` gives them."""
    words, starts, ends, per_text = words_of(texts)
    if not words:
        return _empty()
    spelling = table.spell(words)
    first, count = table.first[spelling], table.count[spelling]
    at = _phrase_starts(table, spelling, per_text)
    if len(at):
        ends = ends.copy()
        stops = np.repeat(np.cumsum(per_text), per_text)[at]  # the end of each one's text
        _phrases(table, words, spelling, at, stops, (first, count, ends))
    total = int(count.sum())
    owner = np.repeat(np.arange(len(words), dtype=np.int64), count)
    pair = np.repeat(first - (np.cumsum(count) - count), count) + np.arange(total)
    text = np.repeat(np.arange(len(texts), dtype=np.int64), per_text)
    return Columns(
        text[owner], starts[owner], ends[owner], table.pair_terms[pair], table.pair_words[pair]
    )


def _phrase_starts(table: TermTable, spelling: IntArray, per_text: IntArray) -> IntArray:
    """The words where a phrase may start: a phrase's first word followed, in the same
    text, by a word with the key of a second word of one of its phrases (most fail there)."""
    at = np.flatnonzero(table.phrase[spelling])
    last = np.cumsum(per_text) - 1  # each text's last word
    at = at[~np.isin(at, last)]
    if not len(at) or not len(table.seconds):
        return at[:0]
    pairs = spelling[at] << 32 | table.keys[spelling[at + 1]]
    found = np.minimum(np.searchsorted(table.seconds, pairs), len(table.seconds) - 1)
    starts: IntArray = at[table.seconds[found] == pairs]
    return starts


def _phrases(
    table: TermTable,
    words: list[str],
    spelling: IntArray,
    at: IntArray,
    stops: IntArray,
    columns: tuple[IntArray, IntArray, IntArray],
) -> None:
    """Where a phrase of the synonym table starts at one of the words ``at``: that word gives
    the phrase's token, ending where the phrase ends, and the words it covers give none."""
    first, count, ends = columns
    longest = table.analyzer.synonyms.longest
    phrase = table.analyzer.phrase
    skip = 0
    for i, stop in zip(at.tolist(), stops.tolist(), strict=True):
        if i < skip:
            continue  # covered by the phrase before
        entry = table.starts[int(spelling[i])]
        found = phrase(words[i + 1 : min(i + longest, stop)], entry)
        if found is None:
            continue
        if found[2]:  # a long form the corpus defines: the group's term, then the word's own
            spelt = int(spelling[i])
            first[i], count[i] = table.phrase_and_word(found[0], entry.key, spelt)
            continue
        n = found[1]
        skip = i + n
        first[i], count[i] = table.phrase_pair(found[0], entry.key), 1
        count[i + 1 : i + n] = 0
        ends[i] = ends[i + n - 1]
