"""List items that are entries of their own, never one passage with the rest of their list.

A list that opens its section is quoted as one passage under its heading (a method card's
steps, a constitution's clauses: see passages.list_runs). But some lists are lists of separate
entries, each read alone and asked about alone, and joined, one passage would match every
question on any of them while its excerpt showed another entry's words:

- a release's entries ("Fixes" under "1.4.0 (2025-04-05)"), in a text naming releases in
  :data:`~retrieval.ingest.release_names.RELEASES` or more of its headings;
- a term, an option or a field with its description ("--host <str>: Bind socket to this host.
  Default: 127.0.0.1.", "Chaîne : une chaîne est une suite d'arêtes …"), as Markdown's reader
  keeps them (mdnested.termed, where the term is in code or bold; elsewhere the words before
  a colon or a spaced dash, short as a term is);
- a reference to a work, opening with its author's name written surname first ("7. Stevens,
  G. (2012). Rainfall thresholds …", "Alden, Raymond Macdonald, Why the Chimes Rang"), or
  with initials first and the year it appeared ("G. Stevens, …, 2012.").
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from retrieval.ingest.parsed import Block
from retrieval.ingest.release_names import RELEASES, release

DESCRIBING = 8  # letters a description has at least: a phrase, not a value ("Default: 8000")
TERM_CHARS = 40  # a term is shorter than this …
TERM_WORDS = 5  # … and has at most this many words

# A list item's marker, as the readers keep it: "•", "1.", "a)", "[7]".
_MARKER = re.compile(r"^\s*(?:[-*•●○◦▪■□‣⁃–—]|\(?\d{1,3}[.)]|\(?[a-z][.)]|\[\d{1,3}\])\s+")
# A term, then what parts it from its description: a colon (spaced in French: "Chaîne : …") or
# a spaced dash ("--port <int> - Bind …").
_TERMED = re.compile(r"(?P<term>[^:：]+?)(?: ?[:：]| [-–—]) ")
_NAME = r"[A-Z][^\W\d_]*(?:['’-][^\W\d_]+)*"  # "Stevens", "Montaña-Brown", "O'Brien"
_GIVEN = rf"(?:(?:[A-Z]\.|{_NAME}) ?){{1,4}}"  # "G.", "D. M.", "Raymond Macdonald", "L. Frank"
# "Stevens, G. (2012)", "Fell, R. et al.", "Cruden, D. M. and Varnes, D. J.", "Baum, L. Frank,",
# "Chamisso, Adelbert von,", a pen name quoted: '"Carroll, Lewis," Alice's Adventures …'
_SURNAME_FIRST = re.compile(
    rf"[\"“]?{_NAME}(?: {_NAME})?, {_GIVEN}(?:[a-z]{{1,3}} ?)?(?=[,(]|et al|and |& )"
)
# "G. Stevens, …", "Smith J, Jones K. …": with the year the work appeared
_INITIALS_FIRST = re.compile(rf"(?:[A-Z]\. ?){{1,3}}{_NAME},|{_NAME} [A-Z]{{1,3}}[,.] ")
_YEAR = re.compile(r"\b(?:1[5-9]|20)\d\d\b")


def release_headings(blocks: Iterable[Block]) -> frozenset[str]:
    """The headings of ``blocks`` that name a release, when they name :data:`RELEASES` or more
    (as a plain text's release lines must: releases.release_lines); none otherwise: one
    "Ubuntu 22.04", "Python 3.11" or "Section 4.2" is no release notes."""
    headings = {heading for b in blocks for heading in (*b.above, b.section) if heading}
    named = {heading: release(heading) for heading in headings}
    found = {heading: name for heading, name in named.items() if name is not None}
    return frozenset(found) if len(set(found.values())) >= RELEASES else frozenset()


def stand_apart(items: Sequence[Block], releases: frozenset[str]) -> bool:
    """Whether the list ``items``, opening their section, are entries of their own: under a
    release (``releases``: :func:`release_headings`), or each a term described or a work."""
    first = items[0]
    if any(heading in releases for heading in (*first.above, first.section)):
        return True
    return len(items) > 1 and all(_termed(i.text) or _reference(i.text) for i in items)


def _termed(text: str) -> bool:
    """Whether an item names a term, an option or a field, then describes it."""
    body = _MARKER.sub("", text, count=1)
    found = _TERMED.match(body)
    if found is None:
        return False
    term = found["term"]
    if len(term) >= TERM_CHARS or len(term.split()) > TERM_WORDS or term.endswith("."):
        return False
    return sum(char.isalpha() for char in body[found.end() :]) >= DESCRIBING


def _reference(text: str) -> bool:
    """Whether an item cites a work: its author's name first, surname first or with a year."""
    body = _MARKER.sub("", text, count=1)
    return bool(_SURNAME_FIRST.match(body)) or (
        bool(_INITIALS_FIRST.match(body)) and bool(_YEAR.search(body))
    )
