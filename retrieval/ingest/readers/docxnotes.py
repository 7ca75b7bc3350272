"""The footnotes and endnotes of a Word document, read where their reference marks stand.

Word keeps each note's text in a part of its own (``word/footnotes.xml``, ``word/endnotes.xml``),
which python-docx does not read; the body holds only a reference (``w:footnoteReference``) that
Word draws as a raised number it counts itself. A reader meets a footnote at the foot of the page
its mark is on, as a remark on the sentence that carries the mark: each note is read as a
paragraph of its own right after that paragraph (after the table holding the mark, whose rows it
would otherwise cut in two), under the same section ("Conditioning factors¹ are terrain
attributes …" then "Conditioning factors have been called pre-conditions in the Guide.", both
under "Landslide components"). In a list the note follows its item (a contract's clause, each a
passage of its own), or the whole list when the list is quoted as one passage (short items
joined to the sentence introducing them): the passes that join blocks pass over a note
(``Block.note``, see :class:`~retrieval.ingest.parsed.HeldNotes`), so it never reads as one more
item nor cuts a list in two. Endnotes too: Word prints them together at the end, under no
heading, where a quoted note would no longer say what it is a note on; the Markdown and web-page
readers place their footnotes the same way.

The mark's number is no text: neither in the body ("Ouch¹." reads "Ouch.") nor before the note.
The separator and continuation "notes" (the short rule above the notes of a page) are referenced
from no paragraph, so never read; nor is a note whose mark was deleted (tracked changes are read
as accepted). Comments (``word/comments.xml``) are reviewers' remarks on the document, not its
text, and are not read either.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from docx.document import Document
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import parse_xml
from docx.oxml.ns import qn
from lxml import etree

from retrieval.ingest.readers.common import prose

NoteKey = tuple[str, str]  # ("footnote" or "endnote", the note's id)

_PARTS = (("footnote", RT.FOOTNOTES), ("endnote", RT.ENDNOTES))
_REFERENCES = {qn("w:footnoteReference"): "footnote", qn("w:endnoteReference"): "endnote"}
# Runs inside these do not show: deleted, or moved away (tracked changes read as accepted).
_HIDDEN = frozenset({qn("w:del"), qn("w:moveFrom")})
_BOX = qn("w:txbxContent")


def notes_of(word: Document, text_of: Callable[[Any], str]) -> dict[NoteKey, str]:
    """Every footnote and endnote of ``word`` with text, its paragraphs (read by ``text_of``)
    one a line; the separators Word keeps among them (a ``w:type`` other than "normal") left
    out. A notes part that is missing or broken gives no notes: the body is still the document."""
    notes: dict[NoteKey, str] = {}
    for kind, relationship in _PARTS:
        try:
            root = parse_xml(word.part.part_related_by(relationship).blob)
        except (KeyError, etree.XMLSyntaxError):
            continue
        for note in root.iterchildren(qn(f"w:{kind}")):
            if note.get(qn("w:type"), "normal") != "normal":
                continue
            lines = [line for p in note.iter(qn("w:p")) if (line := prose(text_of(p)))]
            if lines:
                notes[(kind, str(note.get(qn("w:id"))))] = "\n".join(lines)
    return notes


def references(element: Any) -> list[NoteKey]:
    """The notes whose marks show in ``element`` (a paragraph or a table cell), in order: not
    in deleted or moved-away runs (as in ``docx.text_of``), nor in a text box inside it, whose
    marks are read with the box."""
    boxes = sum(1 for _ in element.iterancestors(_BOX))
    found: list[NoteKey] = []
    for node in element.iter(*_REFERENCES):  # a fast scan: most paragraphs have no mark
        above = [a.tag for a in node.iterancestors()]
        if _HIDDEN.isdisjoint(above) and above.count(_BOX) == boxes:
            found.append((_REFERENCES[node.tag], str(node.get(qn("w:id")))))
    return found
