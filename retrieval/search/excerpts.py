"""Excerpts: the 1 to 3 consecutive sentences of a passage that best answer a question.

Text without sentence punctuation is cut into pieces of a sentence's length
(:func:`retrieval.sentences.fragment_spans`), which stand for its sentences here.

Small pure steps, as in whoosh's highlighter: :func:`fragments` (passage → sentences with their
terms) → :class:`Matches` (per sentence, the question's terms it holds, as bits of one int) →
:func:`pick_window` (the best window, by the distinct question terms covered, weighted by IDF) →
:func:`format_matches` (text runs with matched words marked, "…" where cut). A question's
candidates come from the index's stored sentences and tokens straight to :class:`Matches`
(:func:`passage_data.stored_matches`), without a Python object per token.
"""

from __future__ import annotations

import bisect
import operator
import re
from collections.abc import Mapping
from dataclasses import dataclass

from retrieval.model import Excerpt, Segment
from retrieval.search.analyzer import Analyzer, Token
from retrieval.sentences import fragment_spans, piece_cut

MAX_SENTENCES = 3
_START = operator.itemgetter(1)  # a Token's start


@dataclass(frozen=True)
class Fragment:
    """One sentence of a passage and the terms found in it."""

    start: int
    end: int
    tokens: tuple[Token, ...]


def fragments(text: str, analyzer: Analyzer, lang: str | None = None) -> list[Fragment]:
    """The sentences of ``text`` with their tokens (offsets are into ``text``).

    ``lang`` is the passage's language, as it was indexed (None: the analyzer's guess); in
    Chinese the tokens are words, so the marks fall on the matched words.
    """
    tokens, sentences = sentence_tokens(text, analyzer, lang)
    result = []
    first = 0
    for start, end, count in sentences:
        result.append(Fragment(start, end, tuple(tokens[first : first + count])))
        first += count
    return result


def sentence_tokens(
    text: str, analyzer: Analyzer, lang: str | None = None
) -> tuple[list[Token], list[tuple[int, int, int]]]:
    """The tokens of ``text`` sentence after sentence, and each sentence's ``(start, end,
    number of its tokens)``: :func:`fragments` without an object per sentence (indexing reads
    them straight into arrays).

    A sentence's tokens are those starting inside it. Tokens come out ordered by start, so
    each sentence's are one slice, found by bisection instead of a scan of every token.
    """
    tokens = analyzer.tokens(text, lang)
    spans = fragment_spans(text)
    if not spans:
        return tokens, [(0, len(text), len(tokens))]
    starts = list(map(_START, tokens))
    if starts != sorted(starts):  # never seen; kept correct rather than assumed
        tokens = sorted(tokens, key=_START)
        starts.sort()
    sentences, kept, lo = [], 0, 0
    for start, end in spans:
        lo = bisect.bisect_left(starts, start, lo)
        hi = bisect.bisect_left(starts, end, lo)
        sentences.append((start, end, hi - lo))
        if lo != kept:  # a token outside every sentence: dropped, as a scan would
            del tokens[kept:lo], starts[kept:lo]
            hi -= lo - kept
        kept = lo = hi
    del tokens[kept:]
    return tokens, sentences


class QuestionTerms:
    """A question's weighted terms as bits (term ``i`` is bit ``i``): the terms a sentence
    holds are one int and a window's are the OR of its sentences', so choosing an excerpt
    compares ints instead of building sets of strings."""

    def __init__(self, weights: Mapping[str, float]) -> None:
        self.terms = list(weights)
        self.weights = [weights[t] for t in self.terms]
        self.bits = {t: i for i, t in enumerate(self.terms)}
        self._sums: dict[int, float] = {0: 0.0}

    def coverage(self, mask: int) -> float:
        """The weight of the terms in ``mask`` (memoised: a question meets few combinations)."""
        found = self._sums.get(mask)
        if found is None:
            found = sum(w for i, w in enumerate(self.weights) if mask >> i & 1)
            self._sums[mask] = found
        return found

    def terms_in(self, mask: int) -> set[str]:
        return {t for i, t in enumerate(self.terms) if mask >> i & 1}


@dataclass(frozen=True)
class Matches:
    """Where one passage holds a question's terms, sentence by sentence: each sentence's span,
    the question terms it holds (:class:`QuestionTerms` bits) and the matched words'
    ``(start, end, bit)`` in text order. All that choosing and marking an excerpt needs."""

    spans: list[tuple[int, int]]
    masks: list[int]
    marks: list[list[tuple[int, int, int]]]

    @property
    def mask(self) -> int:
        """Every question term the passage holds."""
        found = 0
        for mask in self.masks:
            found |= mask
        return found


def matches_of(frags: list[Fragment], terms: QuestionTerms) -> Matches:
    """The :class:`Matches` of a passage given as fragments."""
    bits = terms.bits
    masks, marks = [], []
    for fragment in frags:
        mask, found = 0, []
        for token in fragment.tokens:
            bit = bits.get(token.term)
            if bit is not None:
                mask |= 1 << bit
                found.append((token.start, token.end, bit))
        masks.append(mask)
        marks.append(found)
    return Matches([(f.start, f.end) for f in frags], masks, marks)


def matched_fragments(matches: Matches, terms: QuestionTerms) -> list[Fragment]:
    """A passage's sentences holding only the tokens of the question's terms."""
    return [
        Fragment(start, end, tuple(Token(terms.terms[bit], a, b) for a, b, bit in found))
        for (start, end), found in zip(matches.spans, matches.marks, strict=True)
    ]


def score_window(window: list[Fragment], weights: Mapping[str, float]) -> float:
    """Weight of the distinct question terms the window covers, less a little per extra sentence.

    Covering more distinct terms always wins over repeating one term; among windows covering the
    same terms the shorter wins.
    """
    terms = QuestionTerms(weights)
    mask = 0
    for found in matches_of(window, terms).masks:
        mask |= found
    return window_score(mask, len(window), terms)


def window_score(mask: int, size: int, terms: QuestionTerms) -> float:
    """The score of a window of ``size`` sentences holding the terms ``mask``."""
    coverage = terms.coverage(mask)
    return coverage - 0.01 * (size - 1) * max(coverage, 1e-9)


def pick(
    frags: list[Fragment], weights: Mapping[str, float], most: int = MAX_SENTENCES
) -> tuple[int, int]:
    """``(first, last + 1)`` of the best window of 1 to ``most`` consecutive fragments."""
    terms = QuestionTerms(weights)
    return pick_window(matches_of(frags, terms).masks, terms, most)


def pick_window(
    masks: list[int], terms: QuestionTerms, most: int = MAX_SENTENCES
) -> tuple[int, int]:
    """``(first, last + 1)`` of the best window of 1 to ``most`` consecutive sentences holding
    the terms ``masks``.

    A window of several sentences must have each edge sentence earn its place by adding a term
    the rest lacks; ties go to the shorter, then the earlier window.

    Most sentences hold no question term: of those only the first is scored alone (the others
    score as much, so never win), and a longer window is scored only where both its edge
    sentences hold some (an edge holding none adds nothing).
    """
    if not masks:
        return (0, 1)
    coverage = terms.coverage
    best, best_score = (0, 1), coverage(masks[0])  # one sentence: nothing taken off
    held = []  # the sentences holding some term
    blank = not masks[0]  # a sentence holding none was scored
    for at, mask in enumerate(masks):
        if mask:
            held.append(at)
            score = coverage(mask)
        elif blank:
            continue
        else:
            blank, score = True, 0.0
        if score > best_score + 1e-12:
            best, best_score = (at, at + 1), score
    if len(held) < 2:
        return best
    holds = set(held)
    for size in range(2, min(most, len(masks)) + 1):
        for first in held:
            last = first + size
            if last - 1 not in holds:
                continue
            head, tail = masks[first], masks[last - 1]
            inner = 0
            for at in range(first + 1, last - 1):
                inner |= masks[at]
            if not (head & ~(inner | tail) and tail & ~(inner | head)):
                continue  # an edge sentence adds no term the rest lacks
            found = coverage(head | inner | tail)
            score = found - 0.01 * (size - 1) * max(found, 1e-9)
            if score > best_score + 1e-12:
                best, best_score = (first, last), score
    return best


LABEL_WORDS = 4  # a sentence this short opening a passage names what follows ("Term.")


def past_label(text: str, matches: Matches, span: tuple[int, int]) -> tuple[int, int]:
    """``span`` with the sentence after it when it is a passage's label alone: "Срок действия
    лицензии." (the licence's "Term.") was all a quote of "Срок действия лицензии. Настоящая
    Публичная Лицензия действует в течение срока …" showed, its one word of use cut."""
    first, last = span
    if first != 0 or last != 1 or last >= len(matches.spans):
        return span
    start, end = matches.spans[0]
    label = text[start:end].strip()
    if len(label.split()) > LABEL_WORDS or not label.endswith((".", ":")):
        return span
    return (first, last + 1)


# A passage this short, of no more sentences than an excerpt may hold, is quoted whole: cut, it
# hid what its other sentence said ("总的来说，v-if 有更高的切换开销……。 …" left out "因此，如果需要
# 频繁切换，则使用 v-show 较好", the answer to "when to use which?"), to save a line.
WHOLE_PASSAGE = 320  # characters


def shown_span(text: str, matches: Matches, span: tuple[int, int]) -> tuple[int, int]:
    """The sentences of a passage to quote: ``span`` (the window that answers), past a label
    alone (:func:`past_label`), or the whole passage when it is short (:data:`WHOLE_PASSAGE`)."""
    count = len(matches.spans)
    if count <= MAX_SENTENCES and len(text.strip()) <= WHOLE_PASSAGE:
        return (0, count) if count else span
    return past_label(text, matches, span)


def shown_excerpt(
    text: str, matches: Matches, span: tuple[int, int], terms: QuestionTerms
) -> Excerpt:
    """The excerpt quoted for the window ``span``: its sentences (:func:`shown_span`), or, in
    text without sentence punctuation, the words around the densest matches
    (:func:`run_words`)."""
    shown = shown_span(text, matches, span)
    run = run_of(text, matches, shown)
    if run is None:
        return format_matches(text, matches, shown)
    words = _words_of(text, matches.spans, shown)
    least, most = WINDOW_WORDS
    return format_matches(text, *run_words(text, matches, run, terms, min(max(words, least), most)))


# The words an excerpt of unpunctuated text holds: as many as the pieces the ranking chose,
# within a sentence's length (whoosh's highlighter cuts fragments of 200 characters or so).
WINDOW_WORDS = (40, 60)


def run_of(text: str, matches: Matches, span: tuple[int, int]) -> tuple[int, int] | None:
    """``(first, last + 1)`` of the pieces of the unpunctuated run (:func:`retrieval.sentences.
    run_pieces`) that ``span`` lies in, or None when it is not inside one."""
    first, last = span
    spans = matches.spans
    inside = [piece_cut(text, spans[at][1]) for at in range(first, last - 1)]
    after = last < len(spans) and piece_cut(text, spans[last - 1][1])
    before = first > 0 and piece_cut(text, spans[first - 1][1])
    if not all(inside) or not (after or before):
        return None
    while first > 0 and piece_cut(text, spans[first - 1][1]):
        first -= 1
    while last < len(spans) and piece_cut(text, spans[last - 1][1]):
        last += 1
    return first, last


def _words_of(text: str, spans: list[tuple[int, int]], span: tuple[int, int]) -> int:
    """How many words the sentences ``span`` hold."""
    return sum(len(text[a:b].split()) for a, b in spans[span[0] : span[1]])


_WORD = re.compile(r"\S+")


def run_words(
    text: str, matches: Matches, run: tuple[int, int], terms: QuestionTerms, size: int
) -> tuple[Matches, tuple[int, int]]:
    """The ``size`` words of the unpunctuated run ``run`` (pieces of ``matches``) around its
    densest matches, as :class:`Matches` of three spans (the text before them, them, the
    text after) and the span of the middle one, for :func:`format_matches`.

    Densest: of the runs of matched words less than ``size`` words apart end to end, the one
    holding the heaviest question terms, then the most matches, then the tightest, then the
    first; the window is centred on it and cut at word boundaries."""
    low, high = matches.spans[run[0]][0], matches.spans[run[1] - 1][1]
    words = [m.span() for m in _WORD.finditer(text, low, high)]  # offsets in ``text``
    starts = [a for a, _ in words]
    marks = [mark for found in matches.marks[run[0] : run[1]] for mark in found]
    at = [bisect.bisect_right(starts, a) - 1 for a, _, _ in marks]
    best, best_key = (0, 0), (-1.0, 0, 0)
    for i in range(len(marks)):
        j, mask = i, 0
        while j < len(marks) and at[j] - at[i] < size:
            mask |= 1 << marks[j][2]
            j += 1
        key = (terms.coverage(mask), j - i, at[i] - at[j - 1])
        if key > best_key:
            best, best_key = (at[i], at[j - 1]), key
    first = max(0, min(best[0] - (size - 1 - best[1] + best[0]) // 2, len(words) - size))
    last = min(len(words), first + size)
    start, end = words[first][0], words[last - 1][1]
    inside = [mark for mark in marks if start <= mark[0] < end]
    mask = 0
    for _, _, bit in inside:
        mask |= 1 << bit
    # the text before and after the window, when there is some: the "…" flags are theirs
    before = [(matches.spans[0][0], start)] if start > matches.spans[0][0] else []
    after = [(end, matches.spans[-1][1])] if end < matches.spans[-1][1] else []
    spans = [*before, (start, end), *after]
    masks = [0] * len(before) + [mask] + [0] * len(after)
    marks_of: list[list[tuple[int, int, int]]] = (
        [[] for _ in before] + [inside] + [[] for _ in after]
    )
    return Matches(spans, masks, marks_of), (len(before), len(before) + 1)


def format_excerpt(
    text: str, frags: list[Fragment], span: tuple[int, int], weights: Mapping[str, float]
) -> Excerpt:
    """The chosen sentences as text runs, matched words marked, with "…" flags where cut."""
    return format_matches(text, matches_of(frags, QuestionTerms(weights)), span)


def format_matches(text: str, matches: Matches, span: tuple[int, int]) -> Excerpt:
    """The sentences ``span`` of a passage as text runs, matched words marked, with "…" flags
    where cut."""
    first, last = span
    start, end = matches.spans[first][0], matches.spans[last - 1][1]
    segments: list[Segment] = []
    append = segments.append
    cursor = start  # the text before it is in the segments
    mark_start = mark_end = -1  # the marked run being joined (overlapping or touching words)
    for found in matches.marks[first:last]:
        for a, b, _ in found:
            a, b = identifier_around(text, a, b, start, end)
            if a <= mark_end or _one_identifier(text, mark_end, a):
                mark_end = max(mark_end, b)
                continue
            if mark_end >= 0:
                append(Segment(text[mark_start:mark_end], True))
                cursor = mark_end
            if a > cursor:
                append(Segment(text[cursor:a]))
            mark_start, mark_end = a, b
    if mark_end >= 0:
        append(Segment(text[mark_start:mark_end], True))
        cursor = mark_end
    if cursor < end:
        append(Segment(text[cursor:end]))
    cut_after = last < len(matches.spans)
    return Excerpt(tuple(segments), first > 0, cut_after, start)


def identifier_around(text: str, a: int, b: int, low: int, high: int) -> tuple[int, int]:
    """The word ``text[a:b]`` widened to the identifier it is a part of (within ``low`` and
    ``high``): "FZF_CTRL_R_COMMAND" for its "CTRL" ("$env.FZF_CTRL_R_COMMAND", its dotted
    parts and "$" too), so that a mark never cuts an identifier in
    two ("**FZF_CTRL**_R_COMMAND" read as another name), and "--bash" for its "bash" (an
    option's dashes are part of its name). A word joined by no underscore stays as it is."""
    start, end = a, b
    while start > low and (
        _identifier_char(text[start - 1])
        or (text[start - 1] == "." and start - 1 > low and _identifier_char(text[start - 2]))
    ):
        start -= 1
    while end < high and (
        _identifier_char(text[end])
        or (text[end] == "." and end + 1 < high and _identifier_char(text[end + 1]))
    ):
        end += 1
    if "_" in text[start:a] or "_" in text[b:end]:
        a, b = start - (text[start - 1 : start] == "$" and start > low), end
    if text[max(a - 2, low) : a] == "--" and _starts_option(text, a - 2, low):
        a -= 2
    return a, b


def _starts_option(text: str, at: int, low: int) -> bool:
    """Whether the "--" at ``at`` opens an option ("--bash", "(--zsh"), not a dash between
    words ("a--b")."""
    return at == low or not (_identifier_char(text[at - 1]) or text[at - 1] == "-")


def _identifier_char(char: str) -> bool:
    """A letter, digit or underscore of an identifier: Chinese and Japanese characters, which
    are written without spaces between words, are none (a mark would take the whole line)."""
    return char == "_" or (char.isalnum() and char < "\u2e80")


def _one_identifier(text: str, end: int, start: int) -> bool:
    """Whether the words marked up to ``end`` and from ``start`` are parts of one identifier,
    only underscores between them, or one dot or hyphen: "allow_credentials" is marked whole,
    not as "**allow**_**credentials**" (Telegram's Markdown reads underscores, too), nor
    "data.gouv.fr" as "**data**.**gouv**.**fr**"."""
    if not 0 <= end < start <= end + _JOINER_RUN:
        return False
    between = text[end:start]
    return between == "_" * (start - end) or between in (".", "-")


_JOINER_RUN = 2  # underscores between two parts of an identifier ("__init__" has two)


def excerpt(
    text: str, analyzer: Analyzer, weights: Mapping[str, float], lang: str | None = None
) -> Excerpt:
    """The excerpt of ``text`` that best covers the weighted question terms."""
    frags = fragments(text, analyzer, lang)
    return format_excerpt(text, frags, pick(frags, weights), weights)


def covered_terms(
    text: str, analyzer: Analyzer, terms: set[str], lang: str | None = None
) -> set[str]:
    """Which of ``terms`` occur anywhere in ``text``."""
    return {t.term for t in analyzer.tokens(text, lang) if t.term in terms}
