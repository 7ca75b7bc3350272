"""Labels a PDF sets apart from what they label, read with it (a step of
:mod:`retrieval.ingest.readers.pdf`): a field's name in small capitals over its value ("PHASE" /
"DISCOVER" → "PHASE: DISCOVER"), a row of numbered labels over as many columns ("Step 1 Step 2
Step 3" over a slide's three steps); and the labels of a figure, over its caption, which head
nothing (:func:`figure_labels`)."""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import replace

from retrieval.ingest.readers.pdf_page import (
    NUMBERED_HEADING,
    SENTENCE_END,
    Line,
    body_size,
    by_page,
)

# "Step 1 Step 2 Step 3" over a slide's three columns: their labels, no heading.
NUMBERED_LABELS = re.compile(r"^(\w+) \d+(?: \1 \d+)+$")
# A figure's caption: its label, number and a colon or stop ("Figure 1: GFS Architecture",
# "Fig. 2.3. Load points"), or the number alone before the caption's words, as datasheets set
# them ("Figure 4.22 Single LED UART Configuration", "Figure 6-1 GPIO Block Diagram"). (A
# table's caption may head the table's rows read as lines.)
FIGURE_CAPTION = re.compile(
    r"^(?:fig(?:ure)?|chart)\.?\s*[\dIVX]+(?:[.-]\d+)*(?:\s*[:.]\s|\s+(?-i:[A-Z]))", re.I
)
_PROSE_WORDS = 3  # a line with this many words in small letters is text, no figure's label


def figure_labels(lines: list[Line]) -> list[Line]:
    """``lines`` with the labels of each figure marked ``label``: the short lines a drawing
    sets between its caption ("Figure 4.22 Single LED UART Configuration", under it) and the
    text or heading above it, in the caption's column ("VCCIO", "220R", "TXLED#"; a chip's
    "VCORE 64 FT2232HL" in large bold type, which headed the rest of a datasheet). Labels are
    words of the drawing: they head nothing. The walk up from the caption stops at a line of
    prose (a sentence's end, or words in small letters), a numbered heading, a heading at the
    column's left edge, code, or another caption."""
    marked: set[int] = set()
    body = body_size(lines)
    for page in by_page(lines):
        for caption in page:
            if FIGURE_CAPTION.match(caption.text) and caption.table is None:
                marked.update(id(line) for line in _over(caption, page, body))
    return [replace(line, label=True) if id(line) in marked else line for line in lines]


def _over(caption: Line, page: Sequence[Line], body: float) -> list[Line]:
    """The labels of the figure over ``caption`` (see :func:`figure_labels`)."""
    column = [line for line in page if line.column == caption.column]
    left = min(line.x0 for line in column)
    above = sorted((line for line in column if line.y > caption.y), key=lambda line: line.y)
    labels: list[Line] = []
    for line in above:
        if line.table is not None:
            continue  # a drawing's labels in rows and columns read as a table's: not text
        words = line.text.split()
        prose = line.text.endswith(SENTENCE_END) or (
            sum(word[:1].islower() for word in words) >= _PROSE_WORDS
        )
        at_edge = line.x0 - left < line.size and (line.bold or line.size > body + 0.5)
        if (
            prose
            or at_edge
            or NUMBERED_HEADING.match(line.text)
            or FIGURE_CAPTION.match(line.text)
            or line.mono
        ):
            break
        labels.append(line)
    return labels


def labels_read(lines: list[Line]) -> list[Line]:
    """``lines`` with a field's label set small in capitals over its value ("PHASE" over
    "DISCOVER", "TIME REQUIRED" over "SMALL" on a method card) read as one line of text,
    "PHASE: DISCOVER": set large and bold, the value was a heading over what follows (or lost,
    when a heading came next), and the label a fragment alone."""
    if not lines:
        return lines
    body = body_size(lines)
    result: list[Line] = []
    for line in lines:
        label = result[-1] if result else None
        if label is not None and _labels(label, line, body):
            # (a label that ends in its own colon takes no second: "SUPPLEMENTARY
            # INFORMATION:" over "Comments Invited" in the Federal Register)
            said = label.text if label.text.endswith((":", "：")) else f"{label.text}:"
            result[-1] = replace(line, text=f"{said} {line.text}", size=body, bold=False)
            continue
        result.append(line)
    return result


def steps_labelled(lines: list[Line]) -> list[Line]:
    """``lines`` with a row of numbered labels over as many columns ("Step 1 Step 2 Step 3"
    over a slide's three steps, which PDFium reads as one line) given to the columns: each
    column's first line leads with its label ("Step 1 In Keynote, open …"), where the row of
    labels was a fragment glued to the first step alone."""
    result = list(lines)
    for index, line in enumerate(lines):
        labels = _labels_of(line)
        if not labels:
            continue
        tops = _column_tops(lines[index + 1 :], line)
        if len(tops) != len(labels) or abs(lines[index + 1 + tops[0]].x0 - line.x0) > line.size:
            continue
        for label, top in zip(labels, tops, strict=True):
            first = result[index + 1 + top]
            result[index + 1 + top] = replace(first, text=f"{label} {first.text}")
        result[index] = replace(line, text="")
    return [line for line in result if line.text]


# A definition's category set in brackets at the right margin of its first line, as Texinfo's
# @deffn and @deftypefun set it: "int asn1_create_element (…, const [Function]".
_CATEGORY = re.compile(r"^(?P<head>.*\S)\s+\[(?P<label>[A-Z][a-z]+(?: [A-Za-z][a-z]+){0,2})\]$")


def categories_read(lines: list[Line]) -> list[Line]:
    """``lines`` with a definition's category, flush right in brackets on its first line
    ("[Function]", "[Macro]", "[Data type]"), read before the definition as Texinfo's HTML and
    Info show it: "Function: int asn1_create_element (…". PDFium reads the label into the line,
    and it stood in the middle of the signature ("… const [Function] char * source_name"). A
    definition's first line hangs: the lines under it (the signature's rest, its description)
    start further right; a bracket at the end of a line of text is no such label."""
    right: dict[tuple[int, int], float] = {}
    for line in lines:
        key = (line.page, line.column)
        right[key] = max(right.get(key, 0.0), line.x1)
    result = list(lines)
    for index, (line, after) in enumerate(itertools.pairwise(lines)):
        match = _CATEGORY.match(line.text)
        if (
            match
            and after.page == line.page
            and after.x0 > line.x0 + line.size
            and line.x1 >= right[line.page, line.column] - line.size / 2
            and not line.mono
        ):
            result[index] = replace(line, text=f"{match['label']}: {match['head']}")
    return result


def _labels_of(line: Line) -> list[str]:
    """The labels of a row of numbered labels ("Step 1", "Step 2", "Step 3"), else none."""
    match = NUMBERED_LABELS.match(line.text)
    if not match:
        return []
    words = line.text.split()
    return [f"{words[i]} {words[i + 1]}" for i in range(0, len(words), 2)]


def _column_tops(after: Sequence[Line], labels: Line) -> list[int]:
    """The index in ``after`` of the top line of each column of text under ``labels`` (on its
    page, starting under it, left to right), as many as there are columns."""
    under = [
        (i, ln)
        for i, ln in enumerate(after[:_STEP_LINES])
        if ln.page == labels.page and 0 < labels.y - ln.y <= 6 * labels.size
        and labels.x0 - ln.size <= ln.x0 < labels.x1
    ]  # fmt: skip
    tops: dict[int, tuple[int, Line]] = {}
    for i, ln in under:
        column = next((c for c in tops if abs(c - ln.x0) <= ln.size), round(ln.x0))
        if column not in tops or ln.y > tops[column][1].y:
            tops[column] = (i, ln)
    return [tops[c][0] for c in sorted(tops)]


_STEP_LINES = 40  # the lines after a row of labels looked at for the columns under it


def _labels(label: Line, value: Line, body: float) -> bool:
    """Whether ``label`` is a field's name in small capitals right over ``value`` (at its left
    edge, a few words set larger that make no sentence)."""
    letters = [ch for ch in label.text if ch.isalpha()]
    small_caps = len(letters) >= 2 and all(ch.isupper() for ch in letters)
    return (
        small_caps
        and len(label.text.split()) <= _LABEL_WORDS
        and label.size <= _LABEL_SIZE * body
        and value.size > label.size
        and not (label.mono or value.mono or label.table is not None or value.table is not None)
        and value.page == label.page
        and abs(value.x0 - label.x0) <= label.size
        and 0 < label.y - value.y <= 3 * value.size
        and len(value.text.split()) <= _LABEL_WORDS
        and not value.text.endswith(SENTENCE_END)
    )


_LABEL_WORDS = 3
_LABEL_SIZE = 0.85  # a label this much smaller than the body's type, over a value set larger
