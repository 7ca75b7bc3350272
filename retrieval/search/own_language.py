"""Questions whose searched words belong to no one language, answered in the asker's language.

"什么是 Debian？" and "Что такое Debian?" search one word, the name: the question words are stop
words and a name is the same term in every language (:mod:`analyzer`). BM25 then ranks the
corpus's Russian, Chinese and English passages on "Debian" alike, and the first may be in any
of them. The question's language is the one thing left that tells them apart, so passages of
documents written in it come first. Not for English questions: English terms carry no language
mark, so every English question would look like one, and the English paragraph of a Russian
manual that answers it exactly would go below English pages that only share its words. An
English question is brought its own documents' passages only where they hold as much of its
words, by weight, as any other (:func:`covering_first`), and so is a question in another
language whose best passage is in a third (a Chinese index page's link line, read as English
for its address, over the Chinese definition holding the same words).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Collection, Mapping, Sequence

from retrieval.search.rank import Ranked, brought_first

# The best candidates among which those in the question's language come first: enough for the
# first pages of results ("more") to stay in it while it has passages on the name.
WINDOW = 30


def asks_by_language(lang: str, terms: Collection[str]) -> bool:
    """Whether a question in ``lang`` (not English) found passages by terms of no language
    only (names, numbers: "debian", "9"; ``terms``: those some passage holds), so that only
    its language tells the passages apart: "那稳定版呢？" after "什么是 Debian GNU/Linux？",
    where no passage writes 稳定版, searches the Russian passages on Debian GNU/Linux as much
    as the Chinese."""
    return lang != "en" and bool(terms) and not any(term[2:3] == ":" for term in terms)


def written_in_first(
    ranked: Sequence[Ranked],
    lang: str,
    languages_of: Callable[[Collection[str]], Mapping[str, str]],
) -> list[Ranked]:
    """``ranked``, with those of its best :data:`WINDOW` from documents written in ``lang``
    first, in their order. ``languages_of`` gives the main language of each of some documents."""
    head = ranked[:WINDOW]
    written = languages_of({r.passage.doc for r in head})
    return brought_first(ranked, [r for r in head if written.get(r.passage.doc) == lang])


def covering_first(
    ranked: Sequence[Ranked],
    lang: str,
    covered: Callable[[Ranked], frozenset[str]],
    languages_of: Callable[[Collection[str]], Mapping[str, str]],
    weights: Mapping[str, float],
) -> list[Ranked]:
    """``ranked``, with those of its best :data:`WINDOW` written in ``lang`` that hold as much
    of the question's words as any passage there (``covered``: the words a passage holds, in
    its own language or read in another; ``weights``: each word's term -> its weight) first, in
    their order. An English question to the same pages in five languages ("What is CORS?")
    matches the French page's sentence naming CORS twice as well as the English one, and the
    shorter won; the asker reads English. A passage in another language holding more of the
    question's words still leads: the question may be answered only there. Only where some of
    those best are from documents written in ``lang`` (``languages_of``, as for
    :func:`written_in_first`): the English paragraphs left in a Russian manual are no reason to
    lift anything above its Russian answer, and among English passages the order stands (the
    English paragraph of a Russian manual that answers exactly stays above an English note
    sharing its words). Words count by weight: "what does pavimenta2 detect?" is answered by
    the Spanish manual of the tool Pavimenta2, not by an English datasheet's "event detect"
    registers."""
    head = ranked[:WINDOW]
    if all(r.passage.lang == lang for r in head):
        return list(ranked)  # (the documents' languages not even looked up)
    written = languages_of({r.passage.doc for r in head})
    if lang not in written.values():
        return list(ranked)
    held_by = [sum(weights.get(w, 0.0) for w in covered(r)) for r in head]
    most = max(held_by, default=0.0)
    own = [
        r
        for r, h in zip(head, held_by, strict=True)
        if r.passage.lang == lang and h >= most * (1 - 1e-9)
    ]
    return brought_first(ranked, own) if most and own else list(ranked)


def own_before_copies(
    ranked: Sequence[Ranked],
    lang: str,
    covered: Callable[[Ranked], frozenset[str]],
    weights: Mapping[str, float],
    languages_of: Callable[[Collection[str]], Mapping[str, str]],
) -> list[Ranked]:
    """``ranked`` with each passage in another language than ``lang`` among the best
    :data:`WINDOW` after the first put below the passages in ``lang`` there (or of documents
    written in it: a code block is the page's) that hold as much of the question's words by
    weight (``covered``, ``weights``, ``languages_of``: as for :func:`covering_first`). The same
    page in five languages gives every line and code block five copies, and a French
    question's further results were the Spanish and Russian copies of its code block ("418 I'm
    a teapot") while French passages on it came below; one holding more of the question's
    words keeps its place. The first passage stays: it is the answer judged, and the
    ranking's."""
    head = ranked[1:WINDOW]
    if all(r.passage.lang == lang for r in head):
        return list(ranked)  # nothing to move: no documents' languages looked up
    written = languages_of({r.passage.doc for r in head})
    held = [sum(weights.get(w, 0.0) for w in covered(r)) for r in head]
    mine = [r.passage.lang == lang or written.get(r.passage.doc) == lang for r in head]
    own = [(i, h) for i, (h, m) in enumerate(zip(held, mine, strict=True)) if m]
    if not own or len(own) == len(head):
        return list(ranked)
    keys = []
    for i, (h, m) in enumerate(zip(held, mine, strict=True)):
        below = max((j for j, o in own if o >= h * (1 - 1e-9)), default=-1)
        keys.append((below, 1, i) if not m and below > i else (i, 0, i))
    order = [head[i] for *_, i in sorted(keys)]
    return descending([*ranked[:1], *order, *ranked[WINDOW:]])


def descending(ranked: Sequence[Ranked]) -> list[Ranked]:
    """``ranked`` in its order, each score lowered just below the one before where it is not
    already: a passage moved down keeps the scores' order the order shown."""
    out: list[Ranked] = []
    for r in ranked:
        if out and r.score >= out[-1].score:
            step = max(abs(out[-1].score), 1.0) * 1e-9
            r = dataclasses.replace(r, score=out[-1].score - step)
        out.append(r)
    return out
