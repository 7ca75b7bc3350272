"""Release notes written as plain text (a project's CHANGELOG, NEWS or HISTORY file): the lines
that name a release head its entries.

"mkdocs-material-9.6.12 (2025-04-17)", "Version 0.19 (2025-04-05)", "1.2.0", "v2.1.0 -
2021-03-04", "## [1.0.0] - 2017-06-20", "* Noteworthy changes in release 4.9 (2022-09-24)
[stable]", "======= Release 0.6.2 =======": a version number, perhaps the project's name or
"Version" before it, a date or a word in brackets after it. None reads as a heading by its looks
(lower case, digits, brackets), so each was dropped or glued to the entries before it, and a fix
was cited under another release. A line alone so is taken for a release only in a text that
has :data:`RELEASES` or more of them.
"""

from __future__ import annotations

import itertools

from retrieval.ingest.readers.common import Outline
from retrieval.ingest.readers.lines import UNDERLINE, indent_of, text_blocks
from retrieval.ingest.release_names import RELEASES, release
from retrieval.text import squeeze


def release_lines(text: str) -> dict[str, str]:
    """The lines of ``text`` (squeezed) that name a release and open a block (alone, or over
    the entries under them), each with the release it names; none in a text with fewer than
    :data:`RELEASES` of them."""
    found = {}
    for block in text_blocks(text):
        for number, raw in enumerate(block):
            # the block's first line, or one left of the entry above it ("    * Bug fixes" /
            # "Version 0.2" with no blank line between)
            if number and indent_of(raw) >= indent_of(block[number - 1]):
                continue
            named = release(raw)
            if named is not None:
                found[squeeze(raw)] = named
    return found if len(set(found.values())) >= RELEASES else {}


def set_apart(text: str) -> tuple[str, frozenset[str]]:
    """``text`` with each release line standing alone as the release it names (a blank line
    after it: "1.2.0" over "- Adds …" is a heading and its list, not one paragraph), and those
    releases, the headings of release notes."""
    lines = release_lines(text)
    if not lines:
        return text, frozenset()
    out = []
    for raw in text.split("\n"):
        named = lines.get(squeeze(raw))
        out.extend(["", named, ""] if named is not None else [raw])
    return "\n".join(out), frozenset(lines.values())


class Notes:
    """Where the headings of release notes open. A release opens under the heading right over
    the first one, if any ("Changelog" over "1.2.0 (2024-03-01)"), else at the top; a heading
    underlined as that one is ("License" / "=======") closes the releases; any other heading is
    a part of the release above it ("Bug Fixes", "Removals", "Upgrading from 0.5")."""

    def __init__(self, releases: frozenset[str], text: str, outline: Outline) -> None:
        self.releases, self.outline = releases, outline
        self.marks = _underline_marks(text)
        self.level = 0  # the releases' level, once the first is met: 1, or 2 under a heading
        self.mark = ""  # the rule under the heading over the releases ("="), if any
        self.headed_at = -1  # the blocks read when the last heading of the document opened

    def enter(self, heading: str, read: int) -> str:
        """The section ``heading`` opens, ``read`` blocks into the document."""
        opened = self.outline.open
        if heading in self.releases:
            if not self.level:
                top = opened[-1][1] if opened and self.headed_at == read else None
                self.level, self.mark = (2, self.marks.get(top, "")) if top else (1, "")
            return self.outline.enter(self.level, heading)
        if self.level and opened and not (self.mark and self.marks.get(heading) == self.mark):
            return self.outline.enter(self.level + 1, heading)
        self.headed_at = read
        return self.outline.enter(1, heading)


def _underline_marks(text: str) -> dict[str, str]:
    """The headings of ``text`` underlined with a rule (squeezed), each with the rule's mark."""
    return {
        squeeze(line): under.strip()[0]
        for line, under in itertools.pairwise(text.split("\n"))
        if UNDERLINE.match(under) and line.strip() and not UNDERLINE.match(line)
    }
