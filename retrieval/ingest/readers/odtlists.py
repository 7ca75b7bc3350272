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

from retrieval.ingest.readers.common import based_on
from retrieval.ingest.readers.docxlists import BULLETS, formatted

_TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
_STYLE = "urn:oasis:names:tc:opendocument:xmlns:style:1.0"
_XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
_BREAK = f"{{{_TEXT}}}soft-page-break"
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
    # A paragraph style → the list style it gives the list its paragraph is in, when that list
    # names none (``style:list-style-name``, through the styles it is based on).
    paragraphs: dict[str, str] = field(default_factory=dict)
    counts: list[int] = field(default_factory=lambda: [0] * 11)
    outer: Any = None  # the outermost list being counted
    chain: Any = None  # the first of the lists the one being counted continues
    kept: dict[Any, list[int]] = field(default_factory=dict)  # chain → its last list's counts
    chains: dict[str, Any] = field(default_factory=dict)  # a list's xml:id → its chain
    styled: dict[str, Any] = field(default_factory=dict)  # list style → its last list's chain
    # The outline style's levels (``text:outline-style``: how headings are numbered), and the
    # counts of the headings read so far, level by level.
    outline: dict[int, _Level] = field(default_factory=dict)
    heads: list[int] = field(default_factory=lambda: [0] * 11)

    def marker(self, item: Any) -> str:
        """The marker of ``item`` (a ``text:list-item``), counting it."""
        lists = [a for a in item.iterancestors(f"{{{_TEXT}}}list")]
        first = next((c for c in item if isinstance(c.tag, str) and c.tag != _BREAK), None)
        if not lists or first is None or first.tag == f"{{{_TEXT}}}list":
            return ""  # an item holding only a list below: no marker, and not counted
        self._enter(lists[-1])
        depth = min(len(lists), len(self.counts) - 1)
        levels = self.styles.get(self._style(item, first), {})
        level = levels.get(depth, _Level("none"))  # a list of no style shows none
        if level.kind == "none":
            return ""
        given = item.get(f"{{{_TEXT}}}start-value")
        start = int(given) if given and given.isdigit() else level.start
        self.counts[depth] = start if given else max(self.counts[depth], start - 1) + 1
        self.counts[depth + 1 :] = [0] * (len(self.counts) - depth - 1)
        if level.kind == "bullet":
            return BULLETS[(depth - 1) % len(BULLETS)]
        return _label(self.counts, levels, depth)

    def heading(self, heading: Any, level: int) -> str:
        """The number the outline style shows before ``heading`` (a ``text:h`` of outline
        ``level``), counting it: "5.2" for the second heading of level 2 under the fifth of
        level 1, "" when the outline style numbers none (most documents)."""
        depth = min(max(level, 1), len(self.heads) - 1)
        style = self.outline.get(depth, _Level("none"))
        if style.kind in ("none", "bullet") or heading.get(f"{{{_TEXT}}}is-list-header") == "true":
            return ""
        given = heading.get(f"{{{_TEXT}}}start-value")
        restart = heading.get(f"{{{_TEXT}}}restart-numbering") == "true"
        start = int(given) if given and given.isdigit() else style.start
        if given or restart:
            self.heads[depth] = start
        else:
            self.heads[depth] = max(self.heads[depth], start - 1) + 1
        self.heads[depth + 1 :] = [0] * (len(self.heads) - depth - 1)
        return _label(self.heads, self.outline, depth)

    def _style(self, item: Any, paragraph: Any) -> str:
        """The list style ``item`` is shown in: the nearest of its own ``text:style-override``,
        its list's style, the override of the item that list is in, and so on up; else the
        list style its paragraph's style gives."""
        for element in (item, *item.iterancestors()):
            name = lxml.etree.QName(element).localname
            if name in ("list-item", "list-header"):
                named = element.get(f"{{{_TEXT}}}style-override")
            else:
                named = element.get(f"{{{_TEXT}}}style-name") if name == "list" else None
            if named:
                return str(named)
        return self.paragraphs.get(paragraph.get(f"{{{_TEXT}}}style-name") or "", "")

    def _enter(self, outer: Any) -> None:
        """Start counting ``outer``, a list of the body: afresh, or on from the list it
        continues (``text:continue-list``, by its id), or from the last list of its style
        (``text:continue-numbering``)."""
        if outer is self.outer:
            return
        if self.outer is not None:
            self.kept[self.chain] = self.counts
        style = outer.get(f"{{{_TEXT}}}style-name") or ""
        continued = outer.get(f"{{{_TEXT}}}continue-list") or ""
        goes_on = outer.get(f"{{{_TEXT}}}continue-numbering") == "true" or bool(continued)
        chain = self.chains.get(continued) if continued else None
        if chain is None and goes_on:  # an id not found: the last list of the style, as before
            chain = self.styled.get(style)
        self.outer, self.chain = outer, chain if chain is not None else outer
        self.counts = list(self.kept.get(self.chain, [0] * 11))
        self.styled[style] = self.chain
        if outer.get(_XML_ID):
            self.chains[outer.get(_XML_ID)] = self.chain


def _label(counts: list[int], levels: dict[int, _Level], depth: int) -> str:
    """The number ``counts`` make at ``depth``, written as ``levels`` say: "2.1.", "b)", "IV"."""
    level = levels[depth]
    shown = max(1, depth - level.shown + 1)
    numbers = [
        formatted(max(counts[n], 1), levels.get(n, level).kind or "decimal")
        for n in range(shown, depth + 1)
    ]
    return f"{level.prefix}{'.'.join(numbers)}{level.suffix}".strip()


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
        for outline in root.iter(f"{{{_TEXT}}}outline-style"):
            for level in outline.iter(f"{{{_TEXT}}}outline-level-style"):
                number = level.get(f"{{{_TEXT}}}level") or ""
                if number.isdigit():
                    numbers.outline[int(number)] = _level(level, numbered=True)
    numbers.paragraphs = _paragraph_lists(roots)
    return numbers


def _paragraph_lists(roots: list[Any]) -> dict[str, str]:
    """Each paragraph style that gives a list style, directly or through a style it is based
    on, mapped to that list style."""
    own: dict[str, str] = {}
    parents: dict[str, str] = {}
    for root in roots:
        for style in root.iter(f"{{{_STYLE}}}style"):
            name = style.get(f"{{{_STYLE}}}name") or ""
            own[name] = style.get(f"{{{_STYLE}}}list-style-name") or ""
            parents[name] = style.get(f"{{{_STYLE}}}parent-style-name") or ""
    found = {}
    for name in own:
        if (at := based_on(name, lambda style: bool(own.get(style)), parents)) is not None:
            found[name] = own[at]
    return found


def _level(level: Any, numbered: bool = False) -> _Level:
    """A level of a list style, or of the outline style (``numbered``: its levels are all
    counted, none is a bullet)."""
    kind = lxml.etree.QName(level).localname
    if kind == "list-level-style-bullet":
        return _Level("bullet")
    if kind != "list-level-style-number" and not numbered:
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
