"""What an OpenDocument text shows as code: fixed-pitch styles, and boxes of code.

Manuals written in LibreOffice often set a listing in a table of one cell, one paragraph a line
(eProsima's Fast RTPS manuals: "class MyPublisher : public PublisherListener" / "{" / …, or a lone
"./configure --libdir=/usr/lib" under "Configure the compilation:"). Read as a table row, its
lines ran together into one line of prose, each ``//`` comment swallowing the code after it, and
it stood apart from the sentence introducing it. Such a box is code, line by line, when its text
is set in a fixed-pitch font (by its paragraphs' styles or its runs') or its lines read as code;
a box of sentences (a note, an address on a cover) stays text.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

_STYLE = "urn:oasis:names:tc:opendocument:xmlns:style:1.0"
_TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
_TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
_SVG = "urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"
_CODE_STYLES = frozenset({"Preformatted_20_Text", "Source_20_Text"})
# A font face LibreOffice wrote without its pitch names its family and fallbacks instead
# ("Consolas, 'Lucida Console', 'DejaVu Sans Mono', Monaco, 'Courier New', monospace").
_MONOSPACED = re.compile(r"\bmono(?:space)?\b|courier|consolas|menlo|monaco|lucida console", re.I)
# A line of code: a comment or a tag opening it, a statement or block ending it, an operator,
# a call, a path or a prompt. Sentences have none of these (a colon or a full stop ends them).
_CODE_LINE = re.compile(
    r"^\s*(?://|/\*|#|<|\$ |>>> |(?:sudo\s+)?\.{0,2}/\w)|[;{}(,\\]\s*$|[=<>{}$\\|]|\w\(|::|->"
)
_SENTENCE_WORDS = 8  # a line this long ending as a sentence ends is prose, not code
_ASIDES = frozenset({"note", "annotation"})


def fixed_fonts(roots: list[Any]) -> frozenset[str]:
    """The names of the font faces that are fixed-pitch: marked so, or named for such a family."""
    return frozenset(
        str(face.get(f"{{{_STYLE}}}name") or "")
        for root in roots
        for face in root.iter(f"{{{_STYLE}}}font-face")
        if face.get(f"{{{_STYLE}}}font-pitch") == "fixed"
        or _MONOSPACED.search(face.get(f"{{{_SVG}}}font-family") or "")
    )


def fixed_styles(roots: list[Any]) -> set[str]:
    """The styles (of paragraphs or of runs) that set a fixed-pitch font themselves, and the
    preformatted paragraph styles."""
    fonts = fixed_fonts(roots)
    fixed = set(_CODE_STYLES)
    for root in roots:
        for style in root.iter(f"{{{_STYLE}}}style"):
            properties = style.find(f"{{{_STYLE}}}text-properties")
            if properties is not None and properties.get(f"{{{_STYLE}}}font-name") in fonts:
                fixed.add(str(style.get(f"{{{_STYLE}}}name") or ""))
    return fixed


def code_box(table: Any, fixed: frozenset[str], text: Callable[[Any], str]) -> list[str] | None:
    """The lines of ``table`` when it is a box of code: one column (a cell a row, no table
    inside), its text mostly in a fixed-pitch font or its lines code rather than sentences.
    ``fixed``: the fixed-pitch styles (see :func:`fixed_styles`); ``text``: a paragraph's text.
    None for any other table."""
    if table.find(f".//{{{_TABLE}}}table") is not None:
        return None
    for row in table.iter(f"{{{_TABLE}}}table-row"):
        if len(row.findall(f"{{{_TABLE}}}table-cell")) != 1:
            return None
    paragraphs = [
        p
        for p in table.iter(f"{{{_TEXT}}}p", f"{{{_TEXT}}}h")
        if not any(local_name(a) in _ASIDES for a in p.iterancestors() if a is not table)
    ]
    lines = [line.rstrip() for p in paragraphs for line in text(p).replace("\xa0", " ").split("\n")]
    while lines and not lines[-1].strip():
        lines.pop()
    while lines and not lines[0].strip():
        lines.pop(0)
    filled = [line for line in lines if line.strip()]
    if not filled:
        return None
    set_fixed = sum(_fixed_length(p, fixed) for p in paragraphs)
    prose = sum(1 for line in filled if _sentence(line))
    if 2 * prose > len(filled):
        return None  # a note or an address typed in a box, whatever its font
    if 2 * set_fixed >= sum(len("".join(p.itertext()).strip()) for p in paragraphs):
        return lines
    code = sum(1 for line in filled if _CODE_LINE.search(line))
    return lines if not prose and 2 * code >= len(filled) else None


def _fixed_length(paragraph: Any, fixed: frozenset[str]) -> int:
    """How many of a paragraph's characters are set in a fixed-pitch font: all of them in a
    fixed-pitch paragraph style, else those of its fixed-pitch runs."""
    if paragraph.get(f"{{{_TEXT}}}style-name") in fixed:
        return len("".join(paragraph.itertext()).strip())
    length = 0
    for span in paragraph.iter(f"{{{_TEXT}}}span"):
        if span.get(f"{{{_TEXT}}}style-name") not in fixed:
            continue
        if any(a.get(f"{{{_TEXT}}}style-name") in fixed for a in _spans_above(span, paragraph)):
            continue  # counted with the run it is in
        length += len("".join(span.itertext()).strip())
    return length


def _spans_above(span: Any, paragraph: Any) -> list[Any]:
    above = []
    for ancestor in span.iterancestors():
        if ancestor is paragraph:
            break
        above.append(ancestor)
    return above


def _sentence(line: str) -> bool:
    """A line of prose: a long one ending as a sentence ends, no comment, no code sign in it."""
    stripped = line.strip()
    return (
        len(stripped.split()) >= _SENTENCE_WORDS
        and stripped.endswith((".", "!", "?", ":"))
        and not _CODE_LINE.search(stripped)
    )


def local_name(element: Any) -> str:
    """An element's name without its namespace ("p" of text:p); "" for a comment."""
    tag = element.tag
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""
