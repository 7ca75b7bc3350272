"""Follow-ups asked as a conversation asks them, for the tests of follow-ups."""

from __future__ import annotations

from retrieval.library import Library
from retrieval.search.followups import Conversation


def context_after(first: str, then: str) -> str | None:
    """What a conversation carries into ``then`` asked after ``first`` (None: no follow-up)."""
    return Conversation().after(first, None, now=0.0).context_for(then, now=1.0)


def first_after(library: Library, first: str, then: str) -> str:
    """The passage ranked first for ``then`` asked after ``first``, as a conversation asks it."""
    context = context_after(first, then)
    assert context is not None, f"{then!r} is not read as a follow-up"
    return library.answer(then, context=context).hits[0].passage.text
