"""Quotes shown once: a passage that says word for word, or nearly, what one above it says.

A changelog kept as a text file and as a page of the docs, a warning printed in every model's
manual, a paper kept as Markdown and as its PDF, or as version 1 and as latest: the reader
would see the same words two or three times among three results. The PDF's copy differs in
what the page adds ("●" before list items, a word hyphenated over a line, a footnote mark) and
the excerpt may start a sentence later, so besides the quote written the same, a quote whose
word triples all but a few stand in one shown above from another document is a repeat: it
is left out. (Near copies inside one document, a table's rows differing in a cell, are not.)

Not a repeat: the same words under another heading of one document (a fix listed under two
releases says something of each), a quote of a few words ("Yes.", a FAQ's answer to two
questions), nor a near copy naming what the one above does not: a number (version 2.2's entry
beside 2.1's) or a name (the latest list of projects adding "Keycloak" to version 1's).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from retrieval.search.rank import Ranked

REPEAT_WORDS = 4  # words at least of a quote left out when repeated (not "Yes.")
NEAR_WORDS = 12  # words at least of a quote left out when nearly repeated
# Share of the shorter quote's word triples the other holds: one word changed in a quote of
# twenty words leaves 15 of 18 (0.83), kept; a list's bullets, a hyphen or a shifted start, 1.0.
NEAR_SHARE = 0.9
# And the shorter holds at least this share of the longer's: a sentence is no copy of the
# paragraph quoting it with more.
NEAR_LENGTHS = 0.5
_WORD = re.compile(r"\w+(?:[.,:/'-]\w+)*")  # "2.1", "growth/churn" one word each


def _straight(text: str) -> str:
    """``text`` with a PDF's curly apostrophes as a page's straight ones. Replaced, not
    translated: translate looks every character up (a third of reading a text's words)."""
    return text.replace("’", "'").replace("‘", "'")


def _words(text: str) -> list[str]:
    return _WORD.findall(_straight(text.casefold()))


# Marks a copy adds, which name nothing: a reference ("[4]"), a list's number opening a line
# ("7. Secure by default").
_MARKS = re.compile(r"\[\d{1,3}\]|(?m:^\s*\d{1,3}[.)](?=\s))")
# What a capital after it does not make a name: the end of a sentence before it. (After a
# colon, a bracket, a quote or a list's bullet a capital may be a name: "Projects: Keycloak,
# Dex", "(Keycloak)", "- Keycloak" — the one a newer copy adds.)
_OPENERS = frozenset(".!?")


def _named(text: str) -> set[str]:
    """The numbers and names ``text`` writes (folded): words with a digit, or with a capital
    where no sentence begins; not its reference marks or list numbers."""
    text = _straight(_MARKS.sub(" ", text))
    named = set()
    for match in _WORD.finditer(text):
        word = match.group()
        at = match.start() - 1
        while at >= 0 and text[at] in " \t":
            at -= 1
        opens = at < 0 or text[at] in _OPENERS
        if any(c.isdigit() for c in word) or (not opens and any(c.isupper() for c in word)):
            named.add(word.casefold())
    return named


# One question's: the distinct word triples of a text compared (made once a question, from
# the words kept in :class:`_Text`).
Triples = set[tuple[str, str, str]]
# What stays cached across questions (:func:`_read`, :func:`_names`) is tuples, not sets:
# thousands of texts stay cached, and the garbage collector walks every element of a set each
# time it looks at the oldest objects (30 ms at a time at 4,096 texts, the slowest 1% of
# questions), while a tuple of strings it stops following after one look. Words, not their
# triples: a question makes the triples' set once (hashing them once), and a tuple of triples
# made first for the cache cost as much again.


@dataclass(frozen=True, slots=True)
class _Text:
    """A quote's or passage's words, in order; its distinct words and names are read when
    asked (:meth:`words`, :meth:`named`: only for a near copy, seldom)."""

    text: str
    spoken: tuple[str, ...]  # its words

    def triples(self) -> Triples:
        """Its distinct word triples."""
        spoken = self.spoken
        return set(zip(spoken, spoken[1:], spoken[2:], strict=False))

    def words(self) -> set[str]:
        return set(self.spoken)

    def named(self) -> tuple[str, ...]:
        return _names(self.text)


@functools.lru_cache(maxsize=4096)
def _names(text: str) -> tuple[str, ...]:
    """:func:`_named`, kept (a tuple: see above :class:`_Text`): where passages repeat each other's
    sentences (a manual's boilerplate, a page in five version folders) a near copy adding a
    word is met at every question, and again at each deeper search a short page makes, and
    reading its names took a quarter of such a question."""
    return tuple(_named(text))


@functools.lru_cache(maxsize=4096)
def _read(text: str) -> _Text:
    """A text read for comparing, kept: the search goes deeper and pages on over the same
    passages, each time comparing them again."""
    return _Text(text, tuple(_words(text)))


class _Shown:
    """The quotes kept so far, and every word triple they hold, for telling at once that a
    quote is no near copy of any: nearly every quote shares not one triple with those above
    (a near copy shares nine in ten of the shorter's), so only the few that do are counted
    against each quote, one by one."""

    def __init__(self) -> None:
        self.docs: list[str] = []
        self.texts: list[_Text] = []
        self.triples: list[Triples] = []  # (one question's: sets are fine)
        self.held: Triples = set()

    def add(self, doc: str, text: _Text, triples: Triples) -> None:
        """Keep ``text`` of ``doc``, whose distinct triples are ``triples``."""
        self.docs.append(doc)
        self.texts.append(text)
        self.triples.append(triples)
        self.held.update(triples)

    def nearly(self, doc: str, text: _Text, triples: Triples) -> bool:
        """Whether a quote shown above from a document other than ``doc`` holds nearly all of
        this one's words (its distinct ``triples``), or this one nearly all of its, and this
        one names nothing it does not (``named``: its numbers and names)."""
        if self.held.isdisjoint(triples):
            return False
        words: set[str] | None = None  # read once, and only for a near copy
        shown = zip(self.docs, self.texts, self.triples, strict=True)
        for other_doc, other, others in shown:
            # Copies are of another document: near copies in one (a table's rows that differ
            # in one cell, "Yes" for "No") say something of their own.
            if other_doc == doc:
                continue
            shorter, longer = sorted((len(triples), len(others)))
            if shorter < NEAR_LENGTHS * longer:
                continue
            if len(triples & others) >= NEAR_SHARE * shorter:
                words = text.words() if words is None else words
                added = words.difference(other.words())
                if not added or added.isdisjoint(text.named()):
                    return True
        return False


def without_repeats(ranked: list[Ranked], wanted: int | None = None) -> list[Ranked]:
    """``ranked`` without the passages whose quote is word for word one quoted above it from
    another document or from the same place, or nearly so (:data:`NEAR_SHARE`) when long, or
    whose whole passage nearly is one above it (the excerpt of a copy may be other sentences
    of the same paragraph). Near copies are looked for among the first ``wanted`` kept (all
    when None); past them, only quotes written the same are left out."""
    seen: dict[str, list[tuple[str, str | None]]] = {}
    quotes, passages = _Shown(), _Shown()
    kept: list[Ranked] = []
    for item in ranked:
        rendered = item.excerpt.render()
        spaced = rendered.split()
        quoted = " ".join(spaced).casefold()
        passage = item.passage
        places = seen.setdefault(quoted, [])
        repeated = len(spaced) >= REPEAT_WORDS and any(
            doc != passage.doc or section == passage.section for doc, section in places
        )
        places.append((passage.doc, passage.section))
        if repeated:
            continue
        # Past the results wanted, only whether more follow is asked: no near copy is looked
        # for (every passage searched was compared, 57% of a question's time).
        looked = wanted is None or len(kept) < wanted
        texts = ((quotes, rendered), (passages, passage.text)) if looked else ()
        read = [(shown, _read(t)) for shown, t in texts]
        # Each text's triples hashed once, into the set both tests and the kept ones use.
        sets = [
            (shown, text, text.triples()) for shown, text in read if len(text.spoken) >= NEAR_WORDS
        ]
        if any(shown.nearly(passage.doc, text, triples) for shown, text, triples in sets):
            continue
        kept.append(item)
        for shown, text, triples in sets:
            shown.add(passage.doc, text, triples)
    return kept
