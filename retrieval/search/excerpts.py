"""Excerpts: the 1 to 3 consecutive sentences of a passage that best answer a question.

Small pure steps, as in whoosh's highlighter: :func:`fragments` (passage → sentences with their
terms) → :func:`score_window` (distinct question terms covered, weighted by IDF) → :func:`pick`
(the best window) → :func:`format_excerpt` (text runs with matched words marked, "…" where cut).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from retrieval.model import Excerpt, Segment
from retrieval.search.analyzer import Analyzer, Token
from retrieval.sentences import sentence_spans

MAX_SENTENCES = 3


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
    tokens = analyzer.tokens(text, lang)
    result = []
    for start, end in sentence_spans(text):
        inside = tuple(t for t in tokens if start <= t.start < end)
        result.append(Fragment(start, end, inside))
    return result or [Fragment(0, len(text), tuple(tokens))]


def score_window(window: list[Fragment], weights: Mapping[str, float]) -> float:
    """Weight of the distinct question terms the window covers, less a little per extra sentence.

    Covering more distinct terms always wins over repeating one term; among windows covering the
    same terms the shorter wins.
    """
    covered = {t.term for f in window for t in f.tokens if t.term in weights}
    return _window_score(covered, len(window), weights)


def _window_score(covered: set[str], size: int, weights: Mapping[str, float]) -> float:
    coverage = sum(weights[term] for term in covered)
    return coverage - 0.01 * (size - 1) * max(coverage, 1e-9)


def pick(
    frags: list[Fragment], weights: Mapping[str, float], most: int = MAX_SENTENCES
) -> tuple[int, int]:
    """``(first, last + 1)`` of the best window of 1 to ``most`` consecutive fragments.

    A window of several sentences must have each edge sentence earn its place by adding a term
    the rest lacks; ties go to the shorter, then the earlier window.
    """
    terms = [{t.term for t in f.tokens if t.term in weights} for f in frags]
    best = (0, 1)
    best_score = float("-inf")
    for size in range(1, min(most, len(frags)) + 1):
        for first in range(len(frags) - size + 1):
            last = first + size
            covered = set().union(*terms[first:last])
            if size > 1:
                inner_left = set().union(*terms[first + 1 : last])
                inner_right = set().union(*terms[first : last - 1])
                if not (terms[first] - inner_left and terms[last - 1] - inner_right):
                    continue
            score = _window_score(covered, size, weights)
            if score > best_score + 1e-12:
                best, best_score = (first, last), score
    return best


def format_excerpt(
    text: str, frags: list[Fragment], span: tuple[int, int], weights: Mapping[str, float]
) -> Excerpt:
    """The chosen sentences as text runs, matched words marked, with "…" flags where cut."""
    first, last = span
    start, end = frags[first].start, frags[last - 1].end
    marks: list[tuple[int, int]] = []
    for fragment in frags[first:last]:
        for token in fragment.tokens:
            if token.term in weights:
                if marks and token.start <= marks[-1][1]:
                    marks[-1] = (marks[-1][0], max(marks[-1][1], token.end))
                else:
                    marks.append((token.start, token.end))
    segments: list[Segment] = []
    cursor = start
    for a, b in marks:
        if a > cursor:
            segments.append(Segment(text[cursor:a]))
        segments.append(Segment(text[a:b], marked=True))
        cursor = b
    if cursor < end:
        segments.append(Segment(text[cursor:end]))
    return Excerpt(tuple(segments), cut_before=first > 0, cut_after=last < len(frags))


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
