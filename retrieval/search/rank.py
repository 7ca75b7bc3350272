"""Rank BM25's candidates by the excerpt that would be quoted, and judge whether the best answers.

BM25 scores whole passages; an answer is a few sentences. The best :data:`RERANK` candidates are
re-ranked by blending their BM25 score with how much of the question their best excerpt (1 to 3
consecutive sentences) covers. Then :func:`judge` says how sure the answer is.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from retrieval.model import Excerpt, Outcome, Passage
from retrieval.search.analyzer import Analyzer
from retrieval.search.bm25 import BM25Index
from retrieval.search.excerpts import Fragment, covered_terms, format_excerpt, pick, score_window

RERANK = 5  # how many of BM25's best are re-ranked by their best excerpt
RERANK_BM25 = 0.35  # the share of BM25 in the re-ranking score; the rest is excerpt coverage
# Calibrated on the dev sets (data/eval/sets.toml), checked on the held-out ones: under
# DECLINE_BELOW nothing plausibly matches; under HEDGE_BELOW the best match is shown with a word
# that it may not answer fully, and so it is when a word of the question is in no passage at all
# and the rest covers less than UNKNOWN_HEDGE_BELOW.
DECLINE_BELOW = 0.25
HEDGE_BELOW = 0.45
UNKNOWN_HEDGE_BELOW = 0.60
TELLING_WORDS = 8  # the question's words (by weight) that confidence counts
LONG_QUESTION = 12  # words of its own that make a question a description of a need
_YEAR = re.compile(r"^(1[89]|20)\d\d$")

# The sentences and terms of a passage (computed once per passage, not per question).
Fragments = Callable[[Passage], list[Fragment]]


@dataclass(frozen=True)
class Ranked:
    """A candidate after re-ranking: its passage, final score and the excerpt to quote."""

    passage: Passage
    score: float  # the score the order was decided by
    bm25: float
    excerpt: Excerpt


@dataclass(frozen=True)
class QuestionWeights:
    """The question's terms, weighted by their IDF; unknown words at the highest IDF."""

    weights: Mapping[str, float]  # as searched (follow-up context weighs less)
    scaled: Mapping[str, float]  # times IDF
    found: Mapping[str, float]  # the scaled terms some passage holds
    unknown_names: tuple[str, ...]  # years or names the question asks about that no passage has
    unknown_words: tuple[str, ...]  # the question's own words that no passage has

    @property
    def total(self) -> float:
        return sum(self.scaled.values()) or 1.0

    @classmethod
    def of(cls, weights: Mapping[str, float], index: BM25Index) -> QuestionWeights:
        idf = {t: index.term_idf(t) for t in weights}
        # Words no passage has count at full strength: a question about something the corpus
        # never mentions must not look answered because its commonest words matched.
        scaled = {t: w * _or(idf[t], index.max_idf) for t, w in weights.items()}
        found = {t: v for t, v in scaled.items() if idf[t] is not None}
        unknown = tuple(t for t, w in weights.items() if w >= 1.0 and idf[t] is None)
        names = tuple(t for t in unknown if t.startswith("_") or _YEAR.match(t))
        return cls(weights, scaled, found, names, unknown)


def rerank(
    candidates: Sequence[tuple[Passage, float]], question: QuestionWeights, fragments: Fragments
) -> list[Ranked]:
    """The candidates (in BM25 order) re-ranked; beyond the head, BM25 order stands.

    Deterministic, so paging with a larger offset continues the same list.
    """
    ranked: list[tuple[float, int, Ranked]] = []
    top = candidates[0][1] if candidates else 1.0
    for position, (passage, bm25) in enumerate(candidates):
        frags = fragments(passage)
        span = pick(frags, question.found)
        coverage = score_window(frags[span[0] : span[1]], question.found) / question.total
        # Beyond the head coverage is not counted, so the tail keeps BM25 order and stays
        # below every head passage with as much BM25: the final score is the order shown.
        blended = RERANK_BM25 * bm25 / top + (1 - RERANK_BM25) * coverage * (position < RERANK)
        excerpt = format_excerpt(passage.text, frags, span, question.found)
        ranked.append((blended, position, Ranked(passage, blended, bm25, excerpt)))
    ranked.sort(key=lambda item: (-item[0], item[1]))
    return [item for _, _, item in ranked]


def confidence(
    best: Passage, question: QuestionWeights, analyzer: Analyzer, fragments: Fragments
) -> float:
    """The share of the question's weight the best passage covers (0..1).

    A word only the title or section holds counts half: the passage itself must say something
    ("Yang Jiechi" in the title does not make his bio line an answer).
    """
    # A long question (a paragraph describing a need) hinges on its most telling words: only
    # they are counted, so length alone does not make a question look unanswered.
    scaled = dict(sorted(question.scaled.items(), key=lambda item: -item[1])[:TELLING_WORDS])
    found = {t: v for t, v in question.found.items() if t in scaled}
    covered = {t.term for f in fragments(best) for t in f.tokens if t.term in found}
    headed = covered_terms(f"{best.section or ''} {best.title}", analyzer, set(found))
    share = sum(scaled[t] for t in covered) + 0.5 * sum(scaled[t] for t in headed - covered)
    return share / (sum(scaled.values()) or 1.0)


def judge(confidence_: float, question: QuestionWeights, ranked: Sequence[Ranked]) -> Outcome:
    """Answered, hedged or declined.

    A question naming a year or a known place or body that no passage mentions, or most of
    whose words no passage has, is about something outside the documents, however well its
    other words match.
    """
    if not ranked:
        return "declined"
    own = [t for t, w in question.weights.items() if w >= 1.0]
    if len(own) >= LONG_QUESTION:
        # A paragraph describing what someone looks for: the closest passages are what they
        # want, even when no one passage holds its rarest words.
        return "answered" if confidence_ >= HEDGE_BELOW else "hedged"
    if question.unknown_names or confidence_ < DECLINE_BELOW:
        return "declined"
    if len(own) >= 3 and len(question.unknown_words) * 3 >= len(own) * 2:
        return "declined"  # most of what it asks about is in no document: another subject
    if confidence_ < HEDGE_BELOW or (question.unknown_words and confidence_ < UNKNOWN_HEDGE_BELOW):
        return "hedged"
    return "answered"


def _or(value: float | None, default: float) -> float:
    return default if value is None else value
