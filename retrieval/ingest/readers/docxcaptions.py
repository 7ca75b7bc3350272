"""Tables' captions in Word documents ("Table 3: Survey results", "Table 5.1").

A caption is a paragraph numbered by a ``SEQ`` field, or in the Caption style (Insert Caption
writes both), right above or below a table, that numbers tables (see
:mod:`retrieval.ingest.readers.tablecaptions`: a figure's caption is never a table's). It heads
the table's rows, as a PDF table's caption does: alone it is a passage that quotes nothing of
the table, or a label too short to be read at all ("Table 5.1"), while the text refers to the
table by it ("See Table 5.1.").
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Any

from docx.table import Table
from docx.text.paragraph import Paragraph

from retrieval.ingest.readers.common import prose
from retrieval.ingest.readers.docxcode import style_name
from retrieval.ingest.readers.tablecaptions import Candidate, assign, of_tables

_FIELDS = ".//w:fldSimple/@w:instr | .//w:instrText/text()"
_SEQUENCE = re.compile(r"\bSEQ\s+(\S+)", re.IGNORECASE)

Item = Paragraph | Table


def captions_of(items: Sequence[Item], text_of: Callable[[Any], str]) -> dict[Any, str]:
    """Each captioned table's element (``w:tbl``) and each caption's paragraph element
    (``w:p``), mapped to the caption's text: the table's to head its rows, the paragraph's to
    be passed over where it stands."""
    # Only the paragraphs next to a table (past blank ones) are looked at: the rest of the
    # text is not read twice over to find a document's few captions.
    near = {
        at
        for table, item in enumerate(items)
        if isinstance(item, Table)
        for step in (-1, 1)
        if (at := _past_blanks(items, table + step, step, text_of)) is not None
    }
    candidates = []
    for at in sorted(near):
        item = items[at]
        if isinstance(item, Paragraph) and _is_caption(item, text_of):
            up, down = _beside(items, at, -1, text_of), _beside(items, at, 1, text_of)
            candidates.append(Candidate(item._p, up, down))
    found: dict[Any, str] = {}
    for caption, table in assign(candidates).items():
        found[table] = found[caption] = prose(text_of(caption))
    return found


def _beside(items: Sequence[Item], at: int, step: int, text_of: Callable[[Any], str]) -> Any:
    """The table (``w:tbl``) right above (``step`` -1) or below (1) ``items[at]``, past empty
    paragraphs (a blank line set between a caption and its table), or None."""
    found = _past_blanks(items, at + step, step, text_of)
    item = items[found] if found is not None else None
    return item._tbl if isinstance(item, Table) else None


def _past_blanks(
    items: Sequence[Item], at: int, step: int, text_of: Callable[[Any], str]
) -> int | None:
    """The index of the first item from ``items[at]`` on, going by ``step``, that is no empty
    paragraph, or None at the document's edge."""
    while 0 <= at < len(items) and _blank(items[at], text_of):
        at += step
    return at if 0 <= at < len(items) else None


def _blank(item: Item, text_of: Callable[[Any], str]) -> bool:
    """Whether ``item`` is a paragraph of no text and no picture."""
    return (
        isinstance(item, Paragraph)
        and not prose(text_of(item._p))
        and not item._p.xpath(".//w:drawing | .//w:pict | .//w:object")
    )


def _is_caption(paragraph: Paragraph, text_of: Callable[[Any], str]) -> bool:
    """Whether ``paragraph`` is a table's caption: numbered by a ``SEQ Table`` field (or the
    word for tables in another language), or in the Caption style starting with that word."""
    text = prose(text_of(paragraph._p))
    if not text:
        return False
    instructions = " ".join(str(part) for part in paragraph._p.xpath(_FIELDS))
    fields = _SEQUENCE.findall(instructions)
    return of_tables(fields, style_name(paragraph) == "caption", text)
