"""Tables' captions in Word documents ("Table 3: Survey results", "Table 5.1").

A caption is a paragraph in the Caption style, or numbered by a ``SEQ`` field (Insert Caption
writes both), right above or below a table. It heads the table's rows, as a PDF table's caption
does: alone it is a passage that quotes nothing of the table, or a label too short to be read
at all ("Table 5.1"), while the text refers to the table by it ("See Table 5.1.").
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from docx.table import Table
from docx.text.paragraph import Paragraph

from retrieval.ingest.readers.common import prose
from retrieval.ingest.readers.docxcode import style_name

_NUMBERED = ".//w:fldSimple[contains(@w:instr, 'SEQ ')] | .//w:instrText[contains(., 'SEQ ')]"

Item = Paragraph | Table


def captions_of(items: Sequence[Item], text_of: Callable[[Any], str]) -> dict[Any, str]:
    """Each captioned table's element (``w:tbl``) and each caption's paragraph element
    (``w:p``), mapped to the caption's text: the table's to head its rows, the paragraph's to
    be passed over where it stands."""
    found: dict[Any, str] = {}
    for at, item in enumerate(items):
        if not isinstance(item, Paragraph) or not _is_caption(item, text_of):
            continue
        up = items[at - 1] if at > 0 else None
        down = items[at + 1] if at + 1 < len(items) else None
        above_up = items[at - 2] if at > 1 else None
        table = _captioned(up, down, above_up, text_of)
        if table is not None and table._tbl not in found:
            found[table._tbl] = found[item._p] = prose(text_of(item._p))
    return found


def _captioned(up: Item | None, down: Item | None, above_up: Item | None, text_of: Any) -> Any:
    """The table a caption between ``up`` and ``down`` names: the one above, unless a table
    stands below too and the one above has its own caption above it (a document sets its
    captions all above or all below its tables)."""
    upper = up if isinstance(up, Table) else None
    lower = down if isinstance(down, Table) else None
    captioned_above = isinstance(above_up, Paragraph) and _is_caption(above_up, text_of)
    if upper is not None and (lower is None or not captioned_above):
        return upper
    return lower


def _is_caption(paragraph: Paragraph, text_of: Callable[[Any], str]) -> bool:
    if not prose(text_of(paragraph._p)):
        return False
    return style_name(paragraph) == "caption" or bool(paragraph._p.xpath(_NUMBERED))
