"""What a PDF's title page says of the document itself, for files whose properties say nothing
or only what the program that built them knew: who wrote it ("Thomas Leonard" over his address)
and when its text was last revised ("This is version 0.21 …, last updated 2 October 2018").

A specification or manual built from its sources by a distribution carries the build's date as
its CreationDate (Debian's shared-mime-info 2.2 built the 2018 spec on 2022-04-29): the date its
text states as its revision is the one a reader cites.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from retrieval.ingest.dates import find_date
from retrieval.ingest.readers.chapters import is_name

# A date the text gives as its own revision's: "last updated 2 October 2018", "Revised:
# March 3, 2021", "Last modified on 2020-05-01". The date must follow at once.
_REVISED = re.compile(
    r"\b(?:last\s+)?(?:updated|revised|modified)(?:\s+on)?\s*[:,]?\s+(?P<rest>.{6,40})",
    re.IGNORECASE,
)
# What opens with a date: "2 October 2018", "2020-07-13", "March 3, 2021".
_OPENS_WITH_DATE = re.compile(r"\d|[A-Z][a-z]{2,8}\.?\s+\d")
# A line that is only a mail address, written out or spelt to keep it from robots
# ("tal197 at users.sf.net", "jdoe@example.org", "<jdoe@example.org>").
_ADDRESS_LINE = re.compile(r"^<?[\w.+-]+(?:@|\s+at\s+)[\w-]+(?:\.[\w-]+)+>?$", re.IGNORECASE)

# A name with its address after it, in brackets: "Nikos Mavrogiannopoulos (help-libtasn1@gnu.org)".
_NAMED_ADDRESS = re.compile(r"^(?P<name>\S.*?)\s+[(<][\w.+-]+@[\w-]+(?:\.[\w-]+)+[)>]$")

TITLE_PAGE_LINES = 15  # the title page's block: title, names, addresses, version, date


def revised_date(lines: Sequence[str]) -> str | None:
    """The date the first of ``lines`` (the title page's, :data:`TITLE_PAGE_LINES` of them) to
    state one gives as the text's last revision, as ISO ``YYYY-MM-DD``; None when none does."""
    for line in lines:
        for match in _REVISED.finditer(line):
            # the date opens what follows ("2 October 2018", "March 3, 2021"), not further on
            # ("updated the list of types in 2018")
            rest = match["rest"]
            if _OPENS_WITH_DATE.match(rest) and (found := find_date([rest[:22]])):
                return found
    return None


def title_page_authors(lines: Sequence[str], sizes: Sequence[float] = ()) -> str | None:
    """The people the title page names over their mail addresses (``lines``: its lines in
    reading order, ``sizes`` their type sizes), joined by ", "; None when it names none so. A
    name alone may be anyone's (an editor, a company's founder in its name); a name over an
    address is its author's."""
    names = [_named(lines[index]) for index in author_lines(lines, sizes)]
    return ", ".join(dict.fromkeys(names)) or None


def author_lines(lines: Sequence[str], sizes: Sequence[float] = ()) -> list[int]:
    """Which of ``lines`` (a title page's, in reading order; ``sizes``, their type sizes, when
    known) name its authors: a name over its address ("Thomas Leonard" / "tal197 at
    users.sf.net"), or a run of names, one a line, one of which gives its address after it, as
    Texinfo's title page sets its authors ("Fabio Fiorina" / "Simon Josefsson" / "Nikos
    Mavrogiannopoulos (help-libtasn1@gnu.org)"). The run holds the lines set in the addressed
    name's own size next to it: a title in Title Case over the name ("Release Engineering
    Handbook" / "Jane Doe" / "jane@…") is set larger, and the page's largest line is its title,
    never a name."""
    sized = list(sizes) if len(sizes) == len(lines) else [0.0] * len(lines)
    largest = max(sized, default=0.0)
    titled = largest > min(sized, default=0.0)  # a page all in one size has no title by size
    found: list[int] = []
    run: list[int] = []
    for index, line in enumerate([*lines, ""]):
        title = titled and index < len(lines) and sized[index] >= largest - _SAME_SIZE
        if index < len(lines) and is_name(_named(line)) and not title:
            run.append(index)
            continue
        addressed = [i for i in run if _NAMED_ADDRESS.match(lines[i].strip())]
        if not addressed and run and _ADDRESS_LINE.match(line.strip()):
            addressed = [run[-1]]
        if addressed:
            found.extend(_same_sized(run, addressed[-1], sized))
        run = []
    return found


_SAME_SIZE = 0.5  # points: a run of names is set in one size; a title a size or more larger


def _same_sized(run: list[int], anchor: int, sizes: Sequence[float]) -> list[int]:
    """The lines of ``run`` (consecutive indexes) next to ``anchor`` and in its size."""
    near = [i for i in run if abs(sizes[i] - sizes[anchor]) <= _SAME_SIZE]
    start = stop = anchor
    while start - 1 in near:
        start -= 1
    while stop + 1 in near:
        stop += 1
    return list(range(start, stop + 1))


def _named(line: str) -> str:
    """``line`` without the mail address after the name it gives ("Nikos Mavrogiannopoulos
    (help-libtasn1@gnu.org)" → "Nikos Mavrogiannopoulos")."""
    match = _NAMED_ADDRESS.match(line.strip())
    return match["name"] if match else line.strip()
