"""Tables of contents in plain text: a run of short lines that repeat the headings found later.

A contents block is no passage a reader wants quoted ("1.2 What is Debian? ..... 3" answers
nothing) and, indexed, it competes with the sections it lists. It is told by what it is, not by
its title: many short lines in a row, most of which come back later in the document as headings
(numbering, dot leaders and page numbers aside).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from retrieval.text import word_count

ENTRY_WORDS = 16  # the longest line read as a contents entry
# … unless numbered: a FAQ's list of its questions ("25. The SQL standard requires that a UNIQUE
# constraint be enforced even if … Isn't that a bug?") repeats them whole
NUMBERED_ENTRY_WORDS = 3 * ENTRY_WORDS
FEWEST_ENTRIES = 4  # a run shorter than this is a few headings, not a table of contents
REPEATED_SHARE = 0.6  # this share of a run's lines must come back later
KEY_CHARACTERS = 40  # entries and headings are compared on this many characters
_NUMBER = re.compile(
    r"^(?:(?:chapter|section|part|appendix)\s+)?\(?(?:\d+(?:\.\d+)*|[IVXLC]+|[A-Z])[.):]?\s+",
    re.IGNORECASE,
)
_VERSE_ENDS = (",", ";", ":", "!")  # how a line of verse ends, and a contents' entry seldom
_NUMBER_ALONE = re.compile(r"^\(?(?P<number>\d+|[IVXLC]+)[.):]?$")
NUMBERED_SHARE = 0.8  # of a run under a "Contents" title numbered: its entries, listed or not
_PAGE = re.compile(r"(?:\s*(?:\.\s*){2,}|\s*…+\s*|\s+)(?:\d{1,4}|[ivxlc]{1,6})$")
_TITLE = re.compile(
    r"^\W*(table of contents|contents|index|目录|目錄|содержание|оглавление|"
    r"table des mati[eè]res|sommaire|[ií]ndice|contenido)\W*$",
    re.IGNORECASE,
)


def is_contents_title(line: str) -> bool:
    """Whether ``line`` is the title of a table of contents ("Table of Contents", "Índice",
    "Содержание", "目录")."""
    return bool(_TITLE.match(line))


def entry_key(line: str) -> str:
    """What a contents entry and the heading it lists have in common: the words, lower-cased,
    without numbering, dot leaders and page number."""
    if len(line.split(None, NUMBERED_ENTRY_WORDS)) > NUMBERED_ENTRY_WORDS:
        return ""  # longer than any entry, numbered or not: the patterns below need not run
    bare = _NUMBER.sub("", _PAGE.sub("", line.strip()))
    numbered = len(bare) < len(line.strip())  # a numbered entry may be a long FAQ question
    longest = NUMBERED_ENTRY_WORDS if numbered else ENTRY_WORDS
    if not 1 <= len(line.split()) <= longest or not any(ch.isalpha() for ch in line):
        return ""
    if bare.endswith((".", "!", "。", "！")) and word_count(bare) > 3 and not numbered:
        # a sentence, not an entry (a numbered one may be: "3. It lets me …!"); Chinese counted
        # by its characters, or a paragraph under the contents ("Debian 的目标之一是…。") reads
        # as one more entry and the contents run on through the document
        return ""
    return " ".join(bare.lower().split())[:KEY_CHARACTERS]


def contents_lines(lines: Sequence[str]) -> set[int]:
    """The positions in ``lines`` (non-empty lines of a document) of its table-of-contents
    entries, with the "Contents" line above them."""
    # A line that runs on into the next, or continues the one before, is wrapped prose; not a
    # numbered heading over a paragraph that opens with a command ("9.1.1. aptitude" over
    # "aptitude 是 Debian 系统推荐的…"): it is the heading an entry lists.
    keys = [
        ""
        if line[:1].islower()
        or (i + 1 < len(lines) and lines[i + 1][:1].islower() and not _NUMBER.match(line))
        else entry_key(line)
        for i, line in enumerate(lines)
    ]
    following: list[int] = [len(lines)] * len(lines)  # where each key comes back next
    seen: dict[str, int] = {}
    for i in range(len(lines) - 1, -1, -1):
        if keys[i]:
            following[i] = seen.get(keys[i], len(lines))
            seen[keys[i]] = i
    doomed: set[int] = set()
    start = 0
    while start < len(lines):
        end = start
        while end < len(lines) and keys[end]:
            end += 1
        end = _numbering_restarts(lines, start, end)
        found = _contents_run(lines, following, start, end)
        if found and _TITLE.match(lines[min(found)]):
            found |= _entries_after(lines, min(found), max(found) + 1, {keys[i] for i in found})
        doomed |= found
        start = max(end, max(found, default=end)) + 1
    return doomed


def _numbering_restarts(lines: Sequence[str], start: int, end: int) -> int:
    """Where the run ``start``–``end`` starts its numbering again with a number alone ("I." after
    "I. Deux Parents et Deux Enfants 7", … "XL. La Sortie de l'Ecole 77"): the first chapter's
    heading, whose short lines of verse ran on from the contents and were blanked with them."""
    seen: set[str] = set()  # the numbers of the entries so far (kept as the run grows: the
    for i in range(start, end):  # run's lines are looked at once each, not once each line)
        if _renumbers(lines[i], seen):
            return i
        seen |= _entry_number(lines[i])
    return end


def _renumbers(line: str, seen: set[str]) -> bool:
    """Whether ``line`` is a number alone that an entry was numbered with (``seen``: "I.")."""
    alone = _NUMBER_ALONE.match(line)
    return alone is not None and alone["number"].upper() in seen


def _entry_number(line: str) -> set[str]:
    """The number an entry is numbered with ("I." of "I. Deux Parents … 7"), as a set."""
    numbered = _NUMBER.match(line)
    return {numbered[0].strip(" .):(").upper()} if numbered else set()


def _entries_after(lines: Sequence[str], first: int, start: int, listed: set[str]) -> set[int]:
    """The rest of a titled table of contents (from ``first``) from ``start``: short lines
    among numbered ones (an entry wrapped over two lines; "1.3. OK, … what is Linux?!"), up to
    the first that repeats an entry (the first heading), numbers one again ("I.") or reads as
    prose."""
    found = set()
    seen = {n for j in range(first, start) for n in _entry_number(lines[j])}
    for i in range(start, len(lines)):
        line = lines[i]
        near = lines[max(i - 2, 0) : i + 3]
        numbered = _NUMBER.match(line) is not None
        prose = not numbered and (
            (line[:1].isupper() and line.endswith(".") and len(line.split()) > 6)
            or (line.endswith(("。", "！")) and word_count(line) > 6)  # "Debian 的目标之一是…。"
        )
        if len(line.split()) > ENTRY_WORDS or prose or entry_key(line) in listed:
            break
        if _renumbers(line, seen):
            break  # "I." after "I. Deux Parents et Deux Enfants 7": the first chapter
        if not any(_NUMBER.match(other) for other in near):
            break
        found.add(i)
        seen |= _entry_number(line)
    return found


def _contents_run(lines: Sequence[str], following: list[int], start: int, end: int) -> set[int]:
    """The entries of a run of short lines ``start``–``end``: the run shrunk to its last line
    that comes back after it, if most of it does."""
    if end - start < FEWEST_ENTRIES:
        return set()
    titled = _TITLE.match(lines[start]) or (start > 0 and _TITLE.match(lines[start - 1]))
    numbered = sum(1 for i in range(start, end) if _NUMBER.match(lines[i]))
    if titled and numbered >= NUMBERED_SHARE * (end - start - 1):
        # "Table of Contents" and numbered entries whose headings are in other files (a
        # manual split into one file a chapter): contents all the same.
        return set(range(start - (not _TITLE.match(lines[start])), end))
    while True:
        repeated = [i for i in range(start, end) if end <= following[i] < len(lines)]
        if not repeated:
            return set()
        shrunk = repeated[-1] + 1
        if shrunk == end:
            break
        end = shrunk
    first = start
    while first < end and following[first] >= len(lines) and not _TITLE.match(lines[first]):
        first += 1  # a heading before the contents that is not its title stays
    size = end - first
    if size < FEWEST_ENTRIES or len(repeated) < REPEATED_SHARE * size:
        return set()
    if 2 * sum(lines[i].endswith(_VERSE_ENDS) for i in range(first, end)) > size:
        # a song sung twice ("«Petit Pierre," / "La lumière" / "Déjà luit:" / "Hors du lit!"),
        # its lines come back as a contents' entries would: most end as verse does, no entry so
        return set()
    if first > 0 and _introduces(lines[first - 1]):
        # "SQLite currently uses nine distinct types of temporary files:" over "1. Rollback
        # journals" …: a list a sentence introduces, whose items the sections after it take up
        # one by one, is what the text says; a table of contents has a title, not a sentence.
        return set()
    return set(range(first, end))


def _introduces(line: str) -> bool:
    """Whether ``line`` is a sentence leading into the lines under it (ends with a colon; four
    words at least and no "Contents:" title)."""
    return line.endswith((":", "：")) and word_count(line) >= 4 and not _TITLE.match(line)


def without_contents(text: str) -> tuple[str, set[str]]:
    """``text`` with its table of contents blanked, and the entries' keys (:func:`entry_key`):
    the lines they list are the document's headings."""
    lines = text.split("\n")
    if not _short_run(lines):
        return text, set()  # most documents: every line cleaned and keyed below for nothing
    filled = [i for i, line in enumerate(lines) if line.strip()]
    doomed = contents_lines([" ".join(lines[i].split()) for i in filled])
    listed = {entry_key(lines[filled[position]]) for position in doomed} - {""}
    for position in doomed:
        lines[filled[position]] = ""
    return "\n".join(lines), listed


def _short_run(lines: Sequence[str]) -> bool:
    """Whether :data:`FEWEST_ENTRIES` non-empty lines in a row are short enough to be entries,
    as :func:`contents_lines` needs to find any: a line of more words has no
    :func:`entry_key` (however its spaces are written), and a run of keys is a table's only
    way in."""
    run = 0
    for line in lines:
        if not line.strip():
            continue  # blank lines are not counted between entries
        words = len(line.split(None, NUMBERED_ENTRY_WORDS))
        if words > NUMBERED_ENTRY_WORDS or (words > ENTRY_WORDS and not _numbered(line)):
            run = 0
        else:
            run += 1
            if run >= FEWEST_ENTRIES:
                return True
    return False


def _numbered(line: str) -> bool:
    """Whether :func:`entry_key` could read ``line`` as numbered (a number before it, or a page
    number after it): only such a line may be longer than :data:`ENTRY_WORDS`. Most prose
    paragraphs are not, so most documents are not searched for contents at all."""
    stripped = line.strip()
    if _NUMBER.match(stripped):
        return True
    # a page number ends the line: most prose ends otherwise, and the search is not tried
    return stripped[-1:] in _PAGE_ENDS and _PAGE.search(stripped) is not None


_PAGE_ENDS = frozenset("0123456789ivxlc")  # what :data:`_PAGE` can end on
