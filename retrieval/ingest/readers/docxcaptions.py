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
    candidates = []
    for at, item in enumerate(items):
        if not isinstance(item, Paragraph) or not _is_caption(item, text_of):
            continue
        up = items[at - 1] if at > 0 else None
        down = items[at + 1] if at + 1 < len(items) else None
        up = up._tbl if isinstance(up, Table) else None
        down = down._tbl if isinstance(down, Table) else None
        if up is not None or down is not None:
            candidates.append(Candidate(item._p, up, down))
    found: dict[Any, str] = {}
    for caption, table in assign(candidates).items():
        found[table] = found[caption] = prose(text_of(caption))
    return found


def _is_caption(paragraph: Paragraph, text_of: Callable[[Any], str]) -> bool:
    """Whether ``paragraph`` is a table's caption: numbered by a ``SEQ Table`` field (or the
    word for tables in another language), or in the Caption style starting with that word."""
    text = prose(text_of(paragraph._p))
    if not text:
        return False
    instructions = " ".join(str(part) for part in paragraph._p.xpath(_FIELDS))
    fields = _SEQUENCE.findall(instructions)
    return of_tables(fields, style_name(paragraph) == "caption", text)
