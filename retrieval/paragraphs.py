"""A paragraph whole, from the passages a long one was cut into.

A very long paragraph is indexed as several passages that share its ¶ number, so a quote stays
short; "Full passage" promises the paragraph, so the parts are joined back for reading. Only
plain text parts on the same page are joined: code keeps its own layout, and a part's page
breaks are counted from its own start. A paragraph too long to join is read a part at a time:
:func:`parts_beside` names the parts before and after the one shown.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

from retrieval.model import Passage, document_key_of

MOST_PARTS = 20  # a paragraph cut into more is read a part at a time
# Joined longer than this, a paragraph would be cut to fit a message, maybe before the part the
# reader opened: that part is shown alone instead.
MOST_CHARACTERS = 3000


def whole_paragraph(passage: Passage, lookup: Callable[[str], Passage | None]) -> Passage:
    """``passage`` with the text of its whole paragraph (its first part's id), or itself when
    the paragraph was not cut or its parts cannot be joined; ``lookup``: a passage by id."""
    return _joined(passage, _shown(passage, lookup))


def paragraph_shown(
    passage: Passage, lookup: Callable[[str], Passage | None]
) -> tuple[Passage, Passage | None, Passage | None]:
    """What "Full passage" shows of ``passage`` (:func:`whole_paragraph`) with the parts before
    and after it (:func:`parts_beside`), the paragraph's parts looked up once for both."""
    parts = _shown(passage, lookup)
    return (_joined(passage, parts), *_beside(passage, parts, lookup))


def _joined(passage: Passage, parts: list[Passage]) -> Passage:
    """``passage`` with the text of ``parts`` (:func:`_shown`), or itself when it is alone."""
    if len(parts) == 1:
        return passage
    # The whole paragraph is cited "¶ 1", not as its first part ("¶ 1, part 1 of 4"); parts
    # joined short of the whole (a page between) keep the first one's.
    whole = parts[0].part is not None and len(parts) == parts[0].part[1]
    text = " ".join(p.text for p in parts)
    return dataclasses.replace(parts[0], text=text, part=None if whole else parts[0].part)


def parts_beside(
    passage: Passage, lookup: Callable[[str], Passage | None]
) -> tuple[Passage | None, Passage | None]:
    """The parts of ``passage``'s paragraph just before and just after what :func:`whole_paragraph`
    shows of it: a paragraph too long to show whole is read a part at a time, and its reader
    goes on to the next part (or back). None at either end, and for a paragraph shown whole."""
    return _beside(passage, _shown(passage, lookup), lookup)


def _beside(
    passage: Passage, parts: list[Passage], lookup: Callable[[str], Passage | None]
) -> tuple[Passage | None, Passage | None]:
    """The parts of ``passage``'s paragraph just before and after ``parts`` (:func:`_shown`)."""
    if passage.part is None:  # a paragraph never cut has no parts to look up
        return None, None
    key = document_key_of(passage.id)
    before, after = (
        lookup(f"{key}-{parts[0].ordinal - 1}"),
        lookup(f"{key}-{parts[-1].ordinal + 1}"),
    )
    return (
        before if before is not None and _same_paragraph(before, passage) else None,
        after if after is not None and _same_paragraph(after, passage) else None,
    )


def _shown(passage: Passage, lookup: Callable[[str], Passage | None]) -> list[Passage]:
    """The parts :func:`whole_paragraph` joins for ``passage``, in order: itself alone when the
    paragraph was not cut, cannot be joined, or is too long joined."""
    if not _joinable(passage, passage):
        return [passage]
    key = document_key_of(passage.id)
    parts = [passage]
    for step in (-1, 1):
        ordinal = passage.ordinal + step
        while len(parts) < MOST_PARTS:
            found = lookup(f"{key}-{ordinal}")
            if found is None or not _joinable(found, passage):
                break
            parts = [found, *parts] if step < 0 else [*parts, found]
            ordinal += step
    if len(" ".join(p.text for p in parts)) > MOST_CHARACTERS:
        return [passage]
    return parts


def _same_paragraph(part: Passage, passage: Passage) -> bool:
    """Whether ``part`` is another part of the long paragraph ``passage`` is a part of."""
    return (
        part.part is not None
        and passage.part is not None
        and part.part[1] == passage.part[1]
        and part.doc == passage.doc
        and part.paragraph == passage.paragraph
    )


def _joinable(part: Passage, passage: Passage) -> bool:
    return (
        part.paragraph == passage.paragraph
        and part.doc == passage.doc
        and part.kind == "text"
        and not part.turns
        and part.page == passage.page
    )
