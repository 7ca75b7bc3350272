"""A follow-up is answered from the document the conversation is in, when it is a close call,
and never with the passage just quoted when it adds no word of its own.

"And on Iran?" after a question on the 2008 China–Russia joint statement asks what that
statement says on Iran; a passage elsewhere mentioning Iran may match the words as well. Among
the best :data:`WINDOW` candidates, the first from the document that answered the earlier
question comes first (measured on the dev sets' follow-ups: hit@1 up in two of four sets, down
in none; a wider window let weaker passages of that document overtake better ones).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence

from retrieval.model import Passage, document_key_of
from retrieval.search import divisions, quantities
from retrieval.search.excerpts import QuestionTerms
from retrieval.search.rank import QuestionWeights, Ranked, brought_first

WINDOW = 3
NAME_GAP = 5  # characters between two words of a name: " of ", " de ", " des "
_JOINING = re.compile(r"\s*|\s+[^\W\d_]{1,3}\s+")  # nothing, a space, or one short word


def same_document_first(
    ranked: Sequence[Ranked],
    answer: Ranked | None,
    weights: Mapping[str, float] | None = None,
    terms: QuestionTerms | None = None,
    names: Collection[str] = (),
    phrases: Collection[tuple[int, int]] = (),
) -> list[Ranked]:
    """``ranked`` with the best of its first :data:`WINDOW` from the document of ``answer``
    (the passage the earlier question was answered with) first.

    Not that answer itself when the follow-up names something of its own (a term of ``names``
    at a word's full weight in ``weights``; ``terms``: the bits its candidates' matches are
    given in) and it holds none of the follow-up's own words: "what about the Gulf of Aden?"
    after a question on missile defence asks for the passage naming the Gulf of Aden, not the
    missile-defence answer again. A follow-up of ordinary words may still be answered by it:
    it can say them in other words ("¿Y en el autobuilder?" after a question on building a
    package is answered by "el sistema automático de construcción no lo requiere"; dev, 2 of
    the follow-ups of ml-dev)."""
    if answer is None:
        return list(ranked)
    own_terms = [t for t, w in weights.items() if w >= 1.0] if weights else []
    own = _bits(own_terms, terms) if terms else 0
    if not (terms is not None and any(t in names for t in own_terms)) and not _named_together(
        ranked[:WINDOW], phrases
    ):
        own = 0

    def fits(r: Ranked) -> bool:
        if r.passage.doc != answer.passage.doc:
            return False
        if r.passage.id != answer.passage.id or not own or r.matches is None:
            return True
        return bool(r.matches.mask & own)

    return brought_first(ranked, [r for r in ranked[:WINDOW] if fits(r)][:1])


# A follow-up asks something new of the subject the earlier answer is on ("and for websocket
# endpoints, can I change that status code?" after a question on answering 404 instead of 403).
# The earlier answer was ranked first for the earlier question's words, which the follow-up
# searches again, so it holds them all; a passage beside it answering the new question holds
# fewer of them and loses to it even when it holds more of the follow-up's own words. Only a
# passage under the same heading, among the first WINDOW: the earlier answer often says what
# is asked in other words ("when did that start?": "established … in 1997"), and elsewhere a
# passage holding the new words is seldom on the subject. Dev, its 150 follow-ups: hit@1
# 102 -> 103 (docs-dev3), none lost; the earlier answer was first for 72 of them and right for
# 56. Tried: any passage holding more own words, 87 (a treaty named in another article of the
# same statement, "email" in another FAQ answer); a document without headings taken as one
# section, 102; one under the same heading holding as many, 94; within 5 or 10, 102; the
# earlier questions' words weighing less (CONTEXT_SHARE and POINTING_SHARE at 1.0), 91.
def not_again(
    ranked: Sequence[Ranked], answer: Ranked | None, question: QuestionWeights
) -> list[Ranked]:
    """``ranked`` with the first of its first :data:`WINDOW` that stands under the heading of
    ``answer`` (the passage the earlier question was answered with) and holds more of the
    follow-up's own words (its terms at a word's full weight in ``question``, by their
    weight) brought before that answer, when it is first. Not under no heading: a document
    without headings says nothing of which of its passages share a subject."""
    first = ranked[0] if ranked else None
    at = answer.passage if answer is not None else None
    if first is None or at is None or first.passage.id != at.id or not at.section:
        return list(ranked)
    terms = question.terms
    own = _bits((t for t, w in question.weights.items() if w >= 1.0), terms)
    if not own:  # "why?": without_the_answers leaves the earlier answer out
        return list(ranked)

    def held(r: Ranked) -> float:
        return terms.coverage(r.matches.mask & own) if r.matches is not None else 0.0

    least = held(first)
    better = [
        r
        for r in ranked[1:WINDOW]
        if (r.passage.doc, r.passage.section) == (at.doc, at.section) and held(r) > least
    ]
    return brought_first(ranked, better[:1])


def _bits(own_terms: Iterable[str], terms: QuestionTerms) -> int:
    """The bits of ``terms`` that ``own_terms`` (the follow-up's own words) are given."""
    return sum(1 << terms.bits[t] for t in own_terms if t in terms.bits)


def _named_together(window: Sequence[Ranked], phrases: Collection[tuple[int, int]]) -> bool:
    """Whether a candidate in ``window`` writes two of the follow-up's own words (``phrases``:
    bit pairs, in the question's order) as a name: capitalised, side by side or joined by one
    short word. "and what about a code of conduct?" names a thing of its own, as a proper name
    would, and "a Code of Conduct (COC)" is that thing; "testing или unstable" are two words
    the earlier answer may say otherwise (ml-dev's "А на testing или unstable так делать
    стоит?" is answered by "НЕ рекомендуется …")."""
    return any(
        (a, b) in phrases
        and 0 <= start - a_end <= NAME_GAP
        and _JOINING.fullmatch(text[a_end:start]) is not None
        and text[a_start].isupper()
        and text[start].isupper()
        for r in window
        if r.matches is not None
        for text in (r.passage.text,)
        for marks in r.matches.marks
        for (a_start, a_end, a), (start, _, b) in itertools.pairwise(marks)
    )


# A follow-up asking when of what was just quoted: the passage quoted may state it in a
# sentence its quote left out ("On July 26, 2006, Du Zhaoyu … lost his life" for "when was that?"
# after "Which Chinese peacekeeper died in Lebanon?"), so a passage that states a year stays a
# candidate, and is quoted at that year (:func:`quantities.with_the_number`). "why?" or "what
# else?" ask for more than it said, and so does "how many?" (the date is no count). Dev: china-dev
# +1 hit@1, no other line moved (nor when every follow-up kept it).
def _states_year_asked(answer: Ranked, question: str) -> bool:
    """Whether ``question`` asks when and ``answer``'s passage states a year."""
    return quantities.asks_when(question) and quantities.states_year(answer.passage.text)


def without_the_answers(
    ranked: Sequence[Ranked],
    answers: Sequence[Ranked],
    weights: Mapping[str, float],
    question: str = "",
) -> list[Ranked]:
    """``ranked`` without ``answers``, the passages the conversation's last questions were
    answered with, when the question's ``weights`` hold no word of its own (only the earlier
    questions' terms, at less than a word's weight): "why?" after an answer asks for more than
    it, and searching the earlier questions' words alone would quote it again. Not an answer
    whose passage states the year ``question`` asks for (:func:`_states_year_asked`)."""
    if not answers or not leaves_out(weights):
        return list(ranked)
    answers = [a for a in answers if not _states_year_asked(a, question)]
    ids = {a.passage.id for a in answers}
    return [r for r in ranked if r.passage.id not in ids]


def leaves_out(weights: Mapping[str, float]) -> bool:
    """Whether a follow-up searched with ``weights`` leaves out the earlier answers (it holds
    no word of its own): those passages, matching every term searched, are no longer counted."""
    return not any(w >= 1.0 for w in weights.values())


def moved_to(
    at: Passage,
    moving: tuple[int, str | None],
    division_passages: Callable[[str, divisions.Division], list[Passage]],
    passage: Callable[[str], Passage | None],
) -> list[Passage]:
    """The passages a step through the document (``moving``: +1 next, -1 previous, and the
    kind of division named, if any: :func:`followups.step`) leads to from ``at``, the passage
    the earlier question was answered with: the division after (before) the one ``at`` stands
    under ("and the next article?" after "Who appoints the Secretary-General?", answered from
    Article 97: Article 98; "and the next chapter?" from Article 97, under "Chapter XV" among
    the headings above it: Chapter XVI), else, in a text without numbered divisions, the
    passage after (before) it. No passage for a division the document lacks, or one of a
    kind ``at`` is under none of ("the next chapter" from a passage under no chapter
    heading)."""
    by, kind = moving
    section = at.section or ""
    under = divisions.named(section, heading=True)
    if under is not None and divisions.heads(section, under) and kind in (None, under[0]):
        return division_passages(at.doc, (under[0], under[1] + by))
    if kind is not None:
        # "the next chapter" from an article: the chapter the headings above it name
        for heading in reversed(at.above):
            above = divisions.named(heading, heading=True)
            if above is not None and above[0] == kind and divisions.heads(heading, above):
                return division_passages(at.doc, (kind, above[1] + by))
        return []
    neighbour = passage(f"{document_key_of(at.id)}-{at.ordinal + by}")
    return [] if neighbour is None else [neighbour]
