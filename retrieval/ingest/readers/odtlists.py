"""The markers an OpenDocument list shows before its items ("1.", "a)", "2.1.", "•").

As in Word, the number is no part of the item's text: the list's style says, level by level,
how items are counted and written (``style:num-format`` "1", "a", "I"; a prefix and suffix; how
many levels above to show, "2.1."; a start value) or which bullet they get. Without the markers a
nested list reads as one run of lines; with them, as the page shows it (see
:mod:`retrieval.ingest.readers.docxlists`, whose bullets by level these share).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import lxml.etree

from retrieval.ingest.readers.docxlists import BULLETS, formatted

_TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
_STYLE = "urn:oasis:names:tc:opendocument:xmlns:style:1.0"
_FORMATS = {
    "1": "decimal", "a": "lowerLetter", "A": "upperLetter", "i": "lowerRoman", "I": "upperRoman"
}  # fmt: skip


@dataclass(frozen=True)
class _Level:
    kind: str  # "bullet", "none", or a counting format ("decimal", "lowerLetter" …)
    prefix: str = ""
    suffix: str = ""
    shown: int = 1  # how many levels' numbers are shown, this one last ("2.1.")
    start: int = 1


@dataclass
class ListNumbers:
    """The list styles of a document and the counters of the list being read."""

    styles: dict[str, dict[int, _Level]] = field(default_factory=dict)
    counts: list[int] = field(default_factory=lambda: [0] * 11)
    outer: Any = None  # the outermost list being counted
    kept: dict[str, list[int]] = field(default_factory=dict)  # style → its last list's counts

    def marker(self, item: Any) -> str:
        """The marker of ``item`` (a ``text:list-item``), counting it."""
        lists = [a for a in item.iterancestors(f"{{{_TEXT}}}list")]
        if not lists:
            return ""
        self._enter(lists[-1])
        depth = min(len(lists), len(self.counts) - 1)
        named = (a.get(f"{{{_TEXT}}}style-name") for a in lists)
        levels = self.styles.get(next((name for name in named if name), ""), {})
        level = levels.get(depth, _Level("none"))  # a list of no style shows none
        if level.kind == "none":
            return ""
        given = item.get(f"{{{_TEXT}}}start-value")
        start = int(given) if given and given.isdigit() else level.start
        self.counts[depth] = start if given else max(self.counts[depth], start - 1) + 1
        self.counts[depth + 1 :] = [0] * (len(self.counts) - depth - 1)
        if level.kind == "bullet":
            return BULLETS[(depth - 1) % len(BULLETS)]
        first = max(1, depth - level.shown + 1)
        numbers = [
            formatted(max(self.counts[n], 1), levels.get(n, level).kind or "decimal")
            for n in range(first, depth + 1)
        ]
        return f"{level.prefix}{'.'.join(numbers)}{level.suffix}".strip()

    def _enter(self, outer: Any) -> None:
        """Start counting ``outer``, a list of the body: afresh, or on from the last list of
        its style when it continues that one's numbering."""
        if outer is self.outer:
            return
        if self.outer is not None:
            self.kept[self.outer.get(f"{{{_TEXT}}}style-name") or ""] = self.counts
        self.outer = outer
        style = outer.get(f"{{{_TEXT}}}style-name") or ""
        goes_on = outer.get(f"{{{_TEXT}}}continue-numbering") == "true"
        goes_on = goes_on or bool(outer.get(f"{{{_TEXT}}}continue-list"))
        self.counts = list(self.kept[style]) if goes_on and style in self.kept else [0] * 11


def list_numbers(roots: list[Any]) -> ListNumbers:
    """The list styles of ``roots`` (styles.xml and content.xml), by name and level."""
    numbers = ListNumbers()
    for root in roots:
        for style in root.iter(f"{{{_TEXT}}}list-style"):
            levels = {}
            for level in style:
                number = level.get(f"{{{_TEXT}}}level") or ""
                if number.isdigit():
                    levels[int(number)] = _level(level)
            numbers.styles[style.get(f"{{{_STYLE}}}name") or ""] = levels
    return numbers


def _level(level: Any) -> _Level:
    kind = lxml.etree.QName(level).localname
    if kind == "list-level-style-bullet":
        return _Level("bullet")
    if kind != "list-level-style-number":
        return _Level("none")  # a picture for a bullet: nothing to write
    written = level.get(f"{{{_STYLE}}}num-format") or ""
    shown, start = level.get(f"{{{_TEXT}}}display-levels"), level.get(f"{{{_TEXT}}}start-value")
    return _Level(
        _FORMATS.get(written, "none" if not written else "decimal"),
        level.get(f"{{{_STYLE}}}num-prefix") or "",
        level.get(f"{{{_STYLE}}}num-suffix") or "",
        int(shown) if shown and shown.isdigit() else 1,
        int(start) if start and start.isdigit() else 1,
    )
