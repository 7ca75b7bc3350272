"""A question that quotes a passage word for word comes to that passage first.

People paste what they see: an error message ("File C:\\scripts\\test.ps1 cannot be loaded because
running scripts is disabled on this system."), a line they half remember. Its words are the
documents' commonest ("script", "run", "system"), so BM25 ranks first a passage sharing its one
rare word (the file name of the example that failed) and leaves the passage that prints the same
message 83rd. A passage that holds a long run of the question's words in the question's order
(:data:`RUN` words or more, and at least half of the question) is what the question quotes.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from retrieval.search.languages import is_stop_word_of
from retrieval.search.rank import Ranked, brought_first

RUN = 6  # words in a row, stop words included: shorter runs are phrases any text may share
CONTENT = 3  # of them words that are no stop words: "what is the name of the" is in any FAQ
# A question this long (in words) is searched deeper, BM25's best WINDOW, for the passage it
# quotes: a pasted message's words are common ones. Shorter questions, most of them, are not
# (their cost stays); those quoting a passage are found in the usual depth. The deeper ones
# are read as text (:func:`quoting`); only those quoting the question are fetched whole.
PASTED = 10
WINDOW = 100
_WORD = re.compile(r"\w+")


def words(text: str) -> list[str]:
    """The words of ``text`` in lower case (letters and digits; punctuation and paths' slashes
    are no words: "C:\\tmp\\a.ps1" is c, tmp, a, ps1)."""
    return [w.casefold() for w in _WORD.findall(text)]


def pasted(question: str) -> bool:
    """Whether ``question`` is long enough to be a pasted message (:data:`PASTED` words)."""
    return len(words(question)) >= PASTED


Starts = dict[tuple[str, ...], list[int]]  # each run of RUN words of a question → where


def run_starts(asked: Sequence[str]) -> Starts:
    """Where each :data:`RUN` words in a row of ``asked`` start (once a question, not once a
    passage: :func:`quoted_first` looks through a hundred)."""
    starts: Starts = {}
    for i in range(len(asked) - RUN + 1):
        starts.setdefault(tuple(asked[i : i + RUN]), []).append(i)
    return starts


def longest_run(
    asked: Sequence[str], text: str, starts: Starts | None = None, lang: str = "en"
) -> int:
    """How many words in a row of ``asked`` (a question's :func:`words`) ``text`` holds in the
    same order, among the runs holding :data:`CONTENT` words that are no stop words ("what is
    the name of the" is in any FAQ). Each run is followed once from where it starts (a stack
    trace repeating its frames is read in time linear in the matches, not their cube).
    ``starts``: :func:`run_starts` of ``asked``, when known; ``lang``: the question's language,
    whose stop words count as such, and English's (a message pasted into a question in another
    language is most often English)."""
    if len(asked) < RUN:
        return 0
    starts = run_starts(asked) if starts is None else starts
    firsts = {run[0] for run in starts}
    found = words(text)
    best = 0
    for i in range(len(found) - RUN + 1):
        if found[i] not in firsts:
            continue  # no run of the question starts with this word
        for start in starts.get(tuple(found[i : i + RUN]), ()):
            if i and start and found[i - 1] == asked[start - 1]:
                continue  # inside a run met from an earlier word
            length = RUN
            while (
                start + length < len(asked)
                and i + length < len(found)
                and asked[start + length] == found[i + length]
            ):
                length += 1
            if length > best and _content(asked[start : start + length], lang) >= CONTENT:
                best = length
    return best


def quoting(question: str, texts: Sequence[str], lang: str = "en") -> list[int]:
    """Which of ``texts`` (by position) :func:`quoted_first` would bring first for
    ``question``: read as text, before a passage is fetched whole."""
    return [position for _, position in _quoting_runs(question, texts, lang)]


def _quoting_runs(question: str, texts: Sequence[str], lang: str) -> list[tuple[int, int]]:
    """``(longest run, position)`` of each of ``texts`` holding at least :data:`RUN` words of
    ``question`` in a row, and half of its words, in their order. A text lacking a word of
    every run long enough is passed over unread (its folded text must hold each word of the
    run: most of BM25's hundred best lack some)."""
    asked = words(question)
    if len(asked) < RUN:
        return []
    least = _least(asked)
    starts = run_starts(asked)
    found = []
    for position, text in enumerate(texts):
        if not holds_words_of_a_run(asked, least, text.casefold()):
            continue
        run = longest_run(asked, text, starts, lang)
        if run >= least:
            found.append((run, position))
    return found


def holds_words_of_a_run(asked: Sequence[str], least: int, folded: str) -> bool:
    """Whether ``folded`` holds (anywhere, as text) each word of some ``least`` words in a row
    of ``asked``: looked for in the question's order, each word once, and given up on where the
    words left are too few for a run (most texts lack an early word: not every word of the
    question is looked for in each of a hundred texts). A text whose :func:`longest_run` is
    ``least`` or more passes: each of its words, folded, is text of its folded text (folding
    maps each character alone)."""
    held: dict[str, bool] = {}
    streak = 0
    for at, word in enumerate(asked):
        found = held.get(word)
        if found is None:
            found = held[word] = word in folded
        if found:
            streak += 1
            if streak >= least:
                return True
        else:
            streak = 0
            if len(asked) - at - 1 < least:
                return False
    return False


def _least(asked: Sequence[str]) -> int:
    """The words in a row that make a text quote the question ``asked``: :data:`RUN`, and
    half of it."""
    return max(RUN, (len(asked) + 1) // 2)


def _content(run: Sequence[str], lang: str) -> int:
    codes = ("en", lang)
    return sum(1 for word in run if not word.isdigit() and not is_stop_word_of(word, codes))


def quoted_first(ranked: Sequence[Ranked], question: str, lang: str = "en") -> list[Ranked]:
    """``ranked`` with the passages holding at least :data:`RUN` words of ``question`` in a row,
    and half of its words, first: the longest run first, ties in their order."""
    found = _quoting_runs(question, [r.passage.text for r in ranked], lang)
    chosen = sorted((-n, i) for n, i in found)
    if not chosen:
        return list(ranked)
    return brought_first(ranked, [ranked[i] for _, i in chosen])
