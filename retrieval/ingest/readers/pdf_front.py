"""What a PDF's title page says of the document itself, for files whose properties say nothing
or only what the program that built them knew: who wrote it ("Thomas Leonard" over his address)
and when its text was last revised ("This is version 0.21 …, last updated 2 October 2018").

A specification or manual built from its sources by a distribution carries the build's date as
its CreationDate (Debian's shared-mime-info 2.2 built the 2018 spec on 2022-04-29): the date its
text states as its revision is the one a reader cites.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence

from retrieval.ingest.readers.chapters import is_name
from retrieval.ingest.readers.common import find_date

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


def title_page_authors(lines: Sequence[str]) -> str | None:
    """The people the title page names over their mail addresses (``lines``: its lines in
    reading order), joined by ", "; None when it names none so. A name alone may be anyone's
    (an editor, a company's founder in its name); a name over an address is its author's."""
    names = [
        line.strip()
        for line, after in itertools.pairwise(lines)
        if is_name(line.strip()) and _ADDRESS_LINE.match(after.strip())
    ]
    return ", ".join(dict.fromkeys(names)) or None
