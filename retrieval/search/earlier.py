"""A follow-up is answered from the document the conversation is in, when it is a close call,
and never with the passage just quoted when it adds no word of its own.

"And on Iran?" after a question on the 2008 China–Russia joint statement asks what that
statement says on Iran; a passage elsewhere mentioning Iran may match the words as well. Among
the best :data:`WINDOW` candidates, the first from the document that answered the earlier
question comes first (measured on the dev sets' follow-ups: hit@1 up in two of four sets, down
in none; a wider window let weaker passages of that document overtake better ones).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from retrieval.search.rank import Ranked, brought_first

WINDOW = 3


def same_document_first(ranked: Sequence[Ranked], document: str | None) -> list[Ranked]:
    """``ranked`` with the best of its first :data:`WINDOW` from ``document`` first."""
    return brought_first(ranked, [r for r in ranked[:WINDOW] if r.passage.doc == document][:1])


def without_the_answers(
    ranked: Sequence[Ranked], answers: Sequence[Ranked], weights: Mapping[str, float]
) -> list[Ranked]:
    """``ranked`` without ``answers``, the passages the conversation's last questions were
    answered with, when the question's ``weights`` hold no word of its own (only the earlier
    questions' terms, at less than a word's weight): "why?" or "when?" after an answer asks for
    more than it, and searching the earlier questions' words alone would quote it again."""
    if not answers or not leaves_out(weights):
        return list(ranked)
    ids = {a.passage.id for a in answers}
    return [r for r in ranked if r.passage.id not in ids]


def leaves_out(weights: Mapping[str, float]) -> bool:
    """Whether a follow-up searched with ``weights`` leaves out the earlier answers (it holds
    no word of its own): those passages, matching every term searched, are no longer counted."""
    return not any(w >= 1.0 for w in weights.values())
