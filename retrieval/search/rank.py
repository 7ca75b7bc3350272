"""Rank BM25's candidates by the excerpt that would be quoted.

BM25 scores whole passages; an answer is a few sentences. The best :data:`RERANK` candidates are
re-ranked by blending their BM25 score with how much of the question their best excerpt (1 to 3
consecutive sentences) covers, and by the pairs of question words they write side by side as
the question does. Then :func:`judge` says how sure the answer is.
"""

from __future__ import annotations

import dataclasses
import functools
import itertools
import re
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass, field

from retrieval.model import Excerpt, Passage
from retrieval.search.bm25 import BM25Index
from retrieval.search.excerpts import (
    Fragment,
    Matches,
    QuestionTerms,
    pick_window,
    shown_excerpt,
    window_score,
)
from retrieval.search.query import Weights

RERANK = 5  # how many of BM25's best are re-ranked by their best excerpt
RERANK_BM25 = 0.35  # the share of BM25 in the re-ranking score; the rest is excerpt coverage
# A question term only the passage's section or document title holds counts this share of its
# weight in the coverage, as in the judge: the heading says what the passage is about ("backlinks"
# over the paragraph on them), but the passage itself must say something. Measured on the four dev
# sets: hit@1 up in three (ml-dev .491 → .517), down in none. The headings above the section
# count as it does: in a booklet of method cards each card has its "How to do it", and "design
# studio" is only in the card's own heading over it (dev hit@1 office-dev and ja-dev +1 question
# each, none lower; CACM and MEDLINE nDCG@10 unchanged or up).
HEAD_SHARE = 0.5
# Under a heading that is itself a question (a FAQ's "Must I go to single-user mode to upgrade a
# package?"), the passage is its answer, and answers seldom repeat the question ("No. Packages can
# be upgraded in place."): the heading's terms count in full. Dev hit@1: ml-dev +2 questions
# (Debian FAQ in four languages), sqlite-dev MRR +.002, the others unchanged. Counting such
# headings twice in BM25's section field as well gained one more dev question but lost two
# held-out ones (word-processor manuals whose question headings head tutorials): not done.
QUESTION_HEAD_SHARE = 1.0
# A question term an excerpt holds only inside its code counts this share of its weight: an
# identifier in an example ("python:", "paths: [..]") says less than a sentence saying what it is.
CODE_SHARE = 0.5
# Of the coverage, this share is what the best single sentence covers: the question's words
# together in one sentence answer it more surely than the same words spread over three. Dev
# hit@1 at 0.2: docs-dev +.025, ml-dev +.009, the others unchanged (0.4: the same on dev, but
# two held-out sets lost a question each).
SENTENCE_SHARE = 0.2
# The coverage is not made fair to length: it does not pay. Of 29 dev questions (office-dev,
# office-dev2, docs-dev 1-4, debian-dev, sqlite-dev) whose right passage the re-ranking pushed
# down within BM25's best 5, the right passage was shorter in 19, but the winner had as few
# sentences (median 2 each), its best window was one sentence in 22, and its best sentence covered
# at least as much of the question in 25: it wins by one sentence holding more of the question,
# not by many windows to choose from. Tried on all dev sets (hit@1 summed): the words a window
# gathers beyond its best sentence counted less as the passage has more sentences (-6, -7), or
# the window weighed by its share of the passage's matched weight (-3 at half, -6 in full);
# each term discounted by its chance of turning up in that many characters (1 - e^-idf per 300 to
# 600 characters) gained +2 with 14 questions moving, hedged one more answerable question into a
# decline (china-dev) and lost hit@3 (-2); in the best sentence's share too, the same. Re-ranking
# the best 10 instead: hit@1 -1, hit@3 +12 (with the chance discount +2 and +9, docs-dev2 -1 and
# an unanswerable sqlite-dev question answered instead of hedged), though CACM and MEDLINE
# nDCG@10 rose (.506 → .513, .686 → .688; with the discount .513, .690).
# Re-ranking the best 10 with those beyond the head held just under the head's best: dev hit@1
# ±0, hit@3 +12, MRR up, but the held-out sets lost three first answers (shipped corpus's two
# sets among them) and gained no hit@3: not done. In 60 such dev questions a head passage's best
# sentence held more of the question in 46 and as much in 13: coverage cannot find them.
# Two of the question's own words next to each other in it ("multilateral treaties", "WAL
# mode") written next to each other in a passage (at most PHRASE_GAP characters apart: a space,
# a hyphen, an underscore) say it is about that thing, not about each word apart: each such
# pair adds this share of its rarer word's weight to the coverage. Dev hit@1: dev +2, sqlite-dev
# +2 questions, docs-dev and ml-dev unchanged (MRR -0.1 and -0.2 of a question); cost per
# question unchanged. Flat from 0.75 to 1.0 on dev; at 1.0 ml-dev lost one. In the whole passage,
# not only the excerpt's sentences (those: +2 on dev, docs-dev -1).
PHRASE_SHARE = 0.75
PHRASE_GAP = 2
# Tried on every dev set and not done (issue 12, hit@1 + MRR summed over the sets; "head": the
# re-ranking's own first answer, 644 + 743.7): where the right passage is in the head and loses,
# it holds LESS of the question's weight than the winner in 61 of 100 (more in 9), as the terms
# are read here (stems, each word once, headings at HEAD_SHARE): terms it alone holds cannot pick
# it. So: a bonus for terms few head candidates hold, weighted by IDF (-5 to -20 on the head; by
# the candidates of one document, -1 to -8); among candidates within 0.02 to 0.2 of the first,
# the one holding more of the question first (-8 to -74; within one section -11 to +1), or the
# one holding the question's rarest term (one section: whole runs +3.2 at 0.05, +4.7 at 0.1, -2.6
# at 0.2, ml-dev2 -4: the sign turns with the margin, not done); IDF squared or to the 1.5 in the
# coverage (whole runs -14.8, -9.3; to the 0.75, +2.3 and hit@3 -3). The passage's own heading's
# terms counted though the passage holds them too (-8 to -26), only for headings of one to five
# terms all or half of them the question's (-3 to -22), the nearest heading at 0.75 or 1.0 and
# the others at HEAD_SHARE (-1.5, -0.8), the headings above and titles at 0.25 or 0.35 (-4.9,
# -3.4). Figure and table captions ("Figure 8: …", under 200 characters) scaled down: no question
# moved (six in dev heads, none first); any passage under 60 or 100 characters not ending a
# sentence scaled by 0.8 or 0.9: -5 to -10 (ml-dev's short definitions). Terms beyond the window
# at 0.1 to 0.3: 0 to -1.7. A FAQ answer's first passage before its neighbours within 0.05 to
# 0.2: ±2.
# Nor fitted instead of set by hand (tools/rerank_features.py: 25 features of BM25's best
# candidates for every dev question, these shares reproducing this order exactly;
# tools/rerank_fit.py: pairwise or listwise logistic regression, each dev set scored by weights
# fitted on the others): hit@1 summed over the 14 dev sets 670 by hand, 653 to 660 fitted, hit@3
# 834 to 839 against 837 (re-ranking the best 10: 843 to 848, hit@1 653 to 660). Length,
# sentences, code, tables, lists, heading depth, same section, rarest term, first of its
# section and how near the question's words stand earned no weight that held across corpora;
# even a small fitted correction to these shares lost more first answers than it won.
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
    matches: Matches | None = field(default=None, compare=False, repr=False)


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

    @functools.cached_property
    def terms(self) -> QuestionTerms:
        """The terms some passage holds, as the bits excerpts are chosen by."""
        return QuestionTerms(self.found)

    @functools.cached_property
    def ranking(self) -> QuestionTerms:
        """:attr:`terms` as the re-ranking weighs them: each word of the question once, however
        many terms it was read as (:func:`query.word_shares`)."""
        return QuestionTerms({t: v * self.shares.get(t, 1.0) for t, v in self.found.items()})

    @property
    def ranking_total(self) -> float:
        """:attr:`total` as the re-ranking weighs the terms (those no passage has in full, as
        in :attr:`total`: ml-dev lost a question when they were split too)."""
        return (
            sum(self.ranking.weights)
            + sum(v for t, v in self.scaled.items() if t not in self.found)
            or 1.0
        )

    @property
    def shares(self) -> Mapping[str, float]:
        """Each of the question's terms → the share of its word it stands for (its own words'
        and those its earlier questions add)."""
        return self.weights.shares if isinstance(self.weights, Weights) else {}

    @property
    def alternatives(self) -> Mapping[str, str]:
        """Each synonym searched for a question word → that word's term (:class:`Weights`)."""
        return self.weights.alternatives if isinstance(self.weights, Weights) else {}

    def words_of(self, term: str) -> tuple[str, ...]:
        """The terms of the question's words ``term`` stands for (:meth:`Weights.words_of`)."""
        return self.weights.words_of(term) if isinstance(self.weights, Weights) else (term,)

    @property
    def readings(self) -> Mapping[str, str]:
        """Each reading of a question word in another language → that word's term."""
        return self.weights.readings if isinstance(self.weights, Weights) else {}

    @functools.cached_property
    def phrases(self) -> frozenset[tuple[int, int]]:
        """Each two of the question's own words (bits) that follow each other in it, once
        its stop words are gone; not the follow-up's context nor synonyms searched for it."""
        weights, alternatives = self.weights, self.alternatives
        own = [
            bit
            for bit, term in enumerate(self.terms.terms)
            if weights[term] >= 1.0 and term not in alternatives
        ]
        return frozenset(itertools.pairwise(own))

    @classmethod
    def of(
        cls, weights: Mapping[str, float], index: BM25Index, names: Collection[str] = ()
    ) -> QuestionWeights:
        """``weights`` scaled by ``index``'s IDF; ``names``: the terms of the synonym groups
        that name something (:func:`analyzer.name_terms`), which with years are the names a
        question asks that no passage may lack."""
        idf = {t: index.term_idf(t) for t in weights}
        # Words no passage has count at full strength: a question about something the corpus
        # never mentions must not look answered because its commonest words matched.
        scaled = {t: w * _or(idf[t], index.max_idf) for t, w in weights.items()}
        found = {t: v for t, v in scaled.items() if idf[t] is not None}
        unknown = tuple(t for t, w in weights.items() if w >= 1.0 and idf[t] is None)
        asked = tuple(t for t in unknown if t in names or _YEAR.match(t))
        return cls(weights, scaled, found, asked, unknown)


def admitted(
    matches: Sequence[Matches], question: QuestionWeights, names: Collection[str]
) -> int | None:
    """The position of the best candidate beyond the head holding the rarest of the names the
    question asks about (``names``, few passages hold them), when no candidate of the head
    holds it: re-ranked with the head."""
    terms = question.terms
    asked = [t for t in terms.terms if t in names]
    if not asked or len(matches) <= RERANK:
        return None
    bit = terms.bits[max(asked, key=lambda t: terms.weights[terms.bits[t]])]
    if any(found.mask >> bit & 1 for found in matches[:RERANK]):
        return None
    return next((i for i in range(RERANK, len(matches)) if matches[i].mask >> bit & 1), None)


def rerank(
    candidates: Sequence[tuple[Passage, float]],
    question: QuestionWeights,
    matches: Sequence[Matches],
    heads: Sequence[int] = (),
    extra: tuple[int, int] | None = None,
) -> list[Ranked]:
    """The candidates (in BM25 order, each with its :class:`Matches`) re-ranked; beyond the
    head, BM25 order stands. ``heads``: the question terms (bits) the first candidates' section,
    the headings above it and document titles hold; ``extra``: the position of one more
    candidate re-ranked with the head (:func:`admitted`) and its headings' and title's terms:
    BM25 weighs two commoner words over one rare name in a long passage ("Dhemaji school
    attendance": the district table's run of rows, under "Children currently attending
    school", was 6th behind passages on school alone, and lost), and coverage tells them apart.

    Deterministic, so paging with a larger offset continues the same list.
    """
    ranked: list[tuple[float, int, Ranked]] = []
    top = candidates[0][1] if candidates else 1.0
    # A word read as several terms ("UTF-8": utf8, utf, 8) weighs as one word: else a passage
    # writing it as the question does outweighs one holding two more of the question's words.
    # Dev: ml-dev hit@3 +1, ml-dev2 hit@1 +1, office-dev hit@1 +1 and hit@3 +1, docs-dev4 MRR
    # +.003, none lower; the judge unchanged. Not in BM25's weights too (ml-dev, sqlite-dev and
    # office-dev2 lost a question each), nor in the judge (answerable questions hedged more in
    # most sets); each term at 1/sqrt(n) of its word gained only half as much.
    terms, total = question.ranking, question.ranking_total
    for position, ((passage, bm25), found) in enumerate(zip(candidates, matches, strict=True)):
        span = pick_window(found.masks, terms)
        # Beyond the head coverage is not counted, so the tail keeps BM25 order and stays
        # below every head passage with as much BM25: the final score is the order shown.
        coverage = 0.0
        extra_head = extra[1] if extra is not None and extra[0] == position else None
        if position < RERANK or extra_head is not None:
            covered, coverage = _window_coverage(passage, found, span, terms)
            coverage /= total
            single = max(map(terms.coverage, set(found.masks)), default=0.0) / total
            coverage = (1 - SENTENCE_SHARE) * coverage + SENTENCE_SHARE * single
            head = heads[position] if position < len(heads) else extra_head
            if head is not None:
                share = QUESTION_HEAD_SHARE if _asks(passage.section) else HEAD_SHARE
                coverage += share * terms.coverage(head & ~covered) / total
            coverage += PHRASE_SHARE * phrase_weight(found, question.phrases, terms) / total
        blended = RERANK_BM25 * bm25 / top + (1 - RERANK_BM25) * coverage
        excerpt = shown_excerpt(passage.text, found, span, terms)
        ranked.append((blended, position, Ranked(passage, blended, bm25, excerpt, found)))
    ranked.sort(key=lambda item: (-item[0], item[1]))
    return [item for _, _, item in ranked]


def past_the_head(
    candidates: Sequence[tuple[Passage, float]],
    question: QuestionWeights,
    matches: Sequence[Matches],
    top: float,
) -> list[Ranked]:
    """Candidates from deeper in BM25's order than :func:`rerank` was given, ranked as it ranks
    those past its head: by BM25 alone, over ``top`` (BM25's best score), in their order."""
    terms = question.ranking
    return [
        Ranked(
            passage,
            RERANK_BM25 * bm25 / top,
            bm25,
            shown_excerpt(passage.text, found, pick_window(found.masks, terms), terms),
            found,
        )
        for (passage, bm25), found in zip(candidates, matches, strict=True)
    ]


def _window_coverage(
    passage: Passage, found: Matches, span: tuple[int, int], terms: QuestionTerms
) -> tuple[int, float]:
    """The question terms the window ``span`` of a passage holds, and their weight; those only
    its code holds count :data:`CODE_SHARE`."""
    first, last = span
    covered = prose = 0
    for (start, _), mask in zip(found.spans[first:last], found.masks[first:last], strict=True):
        covered |= mask
        if passage.code_at is None or start < passage.code_at:
            prose |= mask
    in_code = terms.coverage(covered & ~prose)
    return covered, window_score(prose, last - first, terms) + CODE_SHARE * in_code


def phrase_weight(
    found: Matches, phrases: frozenset[tuple[int, int]], terms: QuestionTerms
) -> float:
    """The weight of the question's word pairs ``phrases`` that a passage writes as they are
    asked (in that order, at most :data:`PHRASE_GAP` characters apart, in one sentence), each
    pair counted once, at its rarer word's weight."""
    if not phrases:
        return 0.0
    seen = {
        (a, b)
        for marks in found.marks
        for (a_start, a_end, a), (start, _, b) in itertools.pairwise(marks)
        if (a, b) in phrases and start - a_end <= PHRASE_GAP and start >= a_start
    }
    weights = terms.weights
    return sum(min(weights[a], weights[b]) for a, b in seen)


def _asks(section: str | None) -> bool:
    """Whether a section's heading is a question (ends in a question mark, in any script)."""
    return section is not None and section.rstrip()[-1:] in ("?", "？", "؟")


def _or(value: float | None, default: float) -> float:
    return default if value is None else value


def lowered(
    ranked: Sequence[Ranked], lower: Callable[[Ranked], bool], share: float, window: int
) -> list[Ranked]:
    """``ranked`` with the scores of those of its best ``window`` that ``lower`` picks multiplied
    by ``share`` and the window sorted again (stably: ties keep their order); the rest after it,
    as they were."""
    head = [
        dataclasses.replace(r, score=r.score * share) if lower(r) else r for r in ranked[:window]
    ]
    head.sort(key=lambda r: -r.score)
    return head + list(ranked[window:])


def brought_first(ranked: Sequence[Ranked], chosen: Sequence[Ranked]) -> list[Ranked]:
    """``ranked`` with ``chosen`` (passages of it or new ones, in their order) first, each
    scored just above the best of the rest, so the order shown is still the score's and the
    scores stay comparable; those of ``chosen`` already first, in order, stay as they are."""
    lead, most = 0, min(len(chosen), len(ranked))
    while lead < most and chosen[lead].passage.id == ranked[lead].passage.id:
        lead += 1
    placed, ranked, chosen = list(ranked[:lead]), ranked[lead:], chosen[lead:]
    if not chosen or not ranked:
        return [*placed, *ranked]
    top = ranked[0].score
    step = max(abs(top), 1.0) * 1e-9
    lifted = [
        dataclasses.replace(r, score=top + (len(chosen) - i) * step) for i, r in enumerate(chosen)
    ]
    # By id: a chosen passage may come from outside ``ranked`` (a document's opening, scored
    # on its own) and be in it too, where it must not stay a second time.
    ids = {c.passage.id for c in chosen}
    return [*placed, *lifted, *(r for r in ranked if r.passage.id not in ids)]
