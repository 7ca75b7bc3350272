"""The markers Word shows before list items ("1.", "a.", "•"), as the document numbers them.

Word keeps an item's number out of its text: the paragraph names a list (``w:numId``) and its
level (``w:ilvl``), and the numbering part says how each level is counted and written ("%1.",
lowerLetter, a bullet). Without the markers a nested list reads as one run of words ("one / two /
a / b / one / two / three"); with them, as the page shows it ("1. one / 2. two / a. a / b. b /
• one / • two / ◦ three"): where each list starts and which items are under which. Bullets are
written by level (•, ◦, ▪, as browsers draw nested lists): Word's own are characters of a symbol
font's private range, which show as boxes anywhere else.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from docx.document import Document
from docx.oxml.ns import qn

from retrieval.ingest.readers.common import based_on
from retrieval.text import roman_numeral

BULLETS = ("•", "◦", "▪")
_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"


@dataclass(frozen=True)
class _Level:
    kind: str  # Word's numFmt: "decimal", "lowerLetter", "bullet", "none" …
    text: str  # the marker's pattern: "%1.", "(%2)", "%1.%2."
    start: int = 1


@dataclass
class Numbering:
    """The lists of a document and their counters as the walk goes through it."""

    levels: dict[str, dict[int, _Level]] = field(default_factory=dict)  # numId → its levels
    counts: dict[str, list[int]] = field(default_factory=dict)  # numId → count per level
    # styleId → its list (numId, level): "List Number" numbers its paragraphs through the style
    styled: dict[str, tuple[str | None, int]] = field(default_factory=dict)

    def marker(self, paragraph: Any) -> str:
        """The marker Word shows before ``paragraph`` (a ``w:p``), counting it; "" for a
        paragraph of no list, or of a level without one (a paragraph inside an item)."""
        style = paragraph.find(f"{qn('w:pPr')}/{qn('w:pStyle')}")
        num, depth = self.styled.get(
            style.get(qn("w:val"), "") if style is not None else "", (None, 0)
        )
        found = paragraph.find(f"{qn('w:pPr')}/{qn('w:numPr')}")
        if found is not None:
            num, depth = _list_of(found, num, depth)
        levels = self.levels.get(num or "")
        if num is None or not levels or depth not in levels or levels[depth].kind == "none":
            return ""
        counts = self.counts.setdefault(num, [0] * 10)
        if depth >= len(counts):
            return ""
        counts[depth] = max(counts[depth], levels[depth].start - 1) + 1
        counts[depth + 1 :] = [0] * (len(counts) - depth - 1)  # a new item restarts those below
        if levels[depth].kind == "bullet":
            return BULLETS[depth % len(BULLETS)]
        return _written(levels, counts, depth)


def numbering_of(word: Document) -> Numbering:
    """The numbering part of ``word`` read into its lists' levels (none when it has no part)."""
    try:
        root = word.part.numbering_part.element
    except (KeyError, NotImplementedError):
        return Numbering()
    abstract: dict[str, dict[int, _Level]] = {}
    for definition in root.iterchildren(qn("w:abstractNum")):
        abstract[definition.get(qn("w:abstractNumId"), "")] = _levels(definition)
    numbering = Numbering()
    for num in root.iterchildren(qn("w:num")):
        base = num.find(qn("w:abstractNumId"))
        levels = dict(abstract.get(base.get(qn("w:val"), "") if base is not None else "", {}))
        for override in num.iterchildren(qn("w:lvlOverride")):
            depth, start = (
                _int(override.get(qn("w:ilvl"), "0")),
                override.find(qn("w:startOverride")),
            )
            if depth in levels and start is not None:
                kind, text = levels[depth].kind, levels[depth].text
                levels[depth] = _Level(kind, text, _int(start.get(qn("w:val"), "1")))
        numbering.levels[num.get(qn("w:numId"), "")] = levels
    numbering.styled = _styled_lists(word)
    return numbering


def markers_of(numbering: Numbering, body: Any) -> dict[Any, str]:
    """Each paragraph (``w:p``) of ``body`` that shows a marker, mapped to it. Word counts every
    numbered paragraph of a list in document order, whatever the reader takes it for (a
    heading, a bold line read as one, code, a caption, a table's cell, an empty item): counted
    only where a paragraph was read as text, "3. Run the service" after two items read as
    headings was "1."."""
    if not numbering.levels:
        return {}
    found = {}
    for paragraph in body.iter(qn("w:p")):
        # A text box is written twice, as a drawing and as a fallback for old readers.
        if any(ancestor.tag == _FALLBACK for ancestor in paragraph.iterancestors()):
            continue
        if marker := numbering.marker(paragraph):
            found[paragraph] = marker
    return found


def _styled_lists(word: Document) -> dict[str, tuple[str | None, int]]:
    """The list each paragraph style numbers its paragraphs in, through the styles it is based
    on too."""
    own: dict[str, tuple[str | None, int] | None] = {}
    based: dict[str, str] = {}
    for style in word.styles.element.iterchildren(qn("w:style")):
        ident = style.get(qn("w:styleId"), "")
        found = style.find(f"{qn('w:pPr')}/{qn('w:numPr')}")
        own[ident] = _list_of(found, None, 0) if found is not None else None
        parent = style.find(qn("w:basedOn"))
        based[ident] = parent.get(qn("w:val"), "") if parent is not None else ""
    styled = {}
    for ident in own:
        name = based_on(ident, lambda style: own.get(style) is not None, based)
        if name is not None and (found_list := own[name]) is not None:
            styled[ident] = found_list
    return styled


def _list_of(numbered: Any, num: str | None, depth: int) -> tuple[str | None, int]:
    """The list and level a ``w:numPr`` names, each part it leaves out as given."""
    number, level = numbered.find(qn("w:numId")), numbered.find(qn("w:ilvl"))
    num = number.get(qn("w:val")) if number is not None else num
    return num, _int(level.get(qn("w:val"))) if level is not None else depth


def _levels(definition: Any) -> dict[int, _Level]:
    levels = {}
    for level in definition.iterchildren(qn("w:lvl")):
        kind, text, start = (level.find(qn(f"w:{name}")) for name in ("numFmt", "lvlText", "start"))
        levels[_int(level.get(qn("w:ilvl"), "0"))] = _Level(
            kind.get(qn("w:val"), "decimal") if kind is not None else "decimal",
            text.get(qn("w:val"), "") if text is not None else "",
            _int(start.get(qn("w:val"), "1")) if start is not None else 1,
        )
    return levels


def _written(levels: dict[int, _Level], counts: list[int], depth: int) -> str:
    """The level's pattern with each "%n" replaced by level n's count in that level's format."""
    text = levels[depth].text
    for n in range(depth + 1, 0, -1):
        shown = levels.get(n - 1)
        value = formatted(counts[n - 1], shown.kind if shown is not None else "decimal")
        text = text.replace(f"%{n}", value)
    return text.strip()


def formatted(count: int, kind: str) -> str:
    if kind in ("lowerLetter", "upperLetter"):
        letter = chr(ord("a") + (count - 1) % 26) * ((count - 1) // 26 + 1)
        return letter.upper() if kind == "upperLetter" else letter
    if kind in ("lowerRoman", "upperRoman"):
        roman = roman_numeral(count)
        return roman if kind == "upperRoman" else roman.lower()
    return str(count)  # decimal, and any other Word counts in figures


def _int(text: str | None) -> int:
    try:
        return int(text or "")
    except ValueError:
        return 0
