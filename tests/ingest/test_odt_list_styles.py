"""Which list style and which count an OpenDocument list item's marker comes from (see
:mod:`retrieval.ingest.readers.odtlists`), in documents written here: an item's own
``text:style-override``, a list style given by the paragraph's style, a list continuing another
by its id, and an item that holds only a list below.
"""

from __future__ import annotations

import io
import zipfile

from retrieval.ingest.pipeline import read

_STYLES = (
    '<text:list-style style:name="Roman"><text:list-level-style-number text:level="1"'
    ' style:num-format="I" style:num-suffix="."/><text:list-level-style-number text:level="2"'
    ' style:num-format="i" style:num-suffix="."/></text:list-style>'
    '<text:list-style style:name="Letters"><text:list-level-style-number text:level="1"'
    ' style:num-format="A" style:num-suffix="."/><text:list-level-style-number text:level="2"'
    ' style:num-format="A" style:num-suffix="."/></text:list-style>'
    '<text:list-style style:name="Numbers"><text:list-level-style-number text:level="1"'
    ' style:num-format="1" style:num-suffix="."/><text:list-level-style-number text:level="2"'
    ' style:num-format="1" style:num-suffix="."/></text:list-style>'
    '<style:style style:name="Numbered" style:family="paragraph"'
    ' style:list-style-name="Numbers"/>'
    '<style:style style:name="P1" style:family="paragraph" style:parent-style-name="Numbered"/>'
)
_CONTENT = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"'
    ' xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"'
    ' xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" office:version="1.2">'
    "<office:automatic-styles>{}</office:automatic-styles>"
    "<office:body><office:text><text:p>Steps follow.</text:p>{}</office:text></office:body>"
    "</office:document-content>"
)


def _lines(body: str) -> list[str]:
    """The lines of an OpenDocument text whose body is ``body``, as read."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        archive.writestr("content.xml", _CONTENT.format(_STYLES, body))
    blocks = read("steps.odt", out.getvalue()).blocks
    return [line for block in blocks for line in block.text.split("\n")][1:]


def _list(items: str, attributes: str = 'text:style-name="Numbers"') -> str:
    return f"<text:list {attributes}>{items}</text:list>"


def _item(text: str, attributes: str = "") -> str:
    return f"<text:list-item {attributes}><text:p>{text}</text:p></text:list-item>"


def test_an_items_style_override_writes_its_marker() -> None:
    # The item overrides its list's Roman numbers with letters; a list inside it, of no style
    # of its own, is written in the override too (ODF Toolkit's ListStyleResolution cases).
    nested = _list(_item("Inner step"), "")
    overridden = (
        '<text:list-item text:style-override="Letters"><text:p>Outer step</text:p>'
        f"{nested}</text:list-item>"
    )
    assert _lines(_list(overridden, 'text:style-name="Roman"')) == [
        "A. Outer step",
        "A. Inner step",
    ]


def test_a_list_numbered_through_its_paragraphs_style() -> None:
    # A list naming no style takes the list style of its paragraphs' style (P1, based on a
    # style giving "Numbers"); it read as unnumbered lines.
    items = '<text:list-item><text:p text:style-name="P1">{}</text:p></text:list-item>'
    body = _list(items.format("Unpack") + items.format("Install"), "")
    assert _lines(body) == ["1. Unpack", "2. Install"]


def test_a_list_continues_the_list_it_names_by_id() -> None:
    # An unrelated list of the same style stands between: the third goes on from the first,
    # which it names, not from the list just before it.
    first = _list(_item("Unpack") + _item("Install"), 'xml:id="a" text:style-name="Numbers"')
    other = _list(_item("Any other list"))
    third = _list(_item("Restart"), 'text:continue-list="a" text:style-name="Numbers"')
    assert _lines(first + "<text:p>Then:</text:p>" + other + third)[-1] == "3. Restart"


def test_an_item_holding_only_a_list_below_is_not_counted() -> None:
    # LibreOffice writes a list continued one level down as an item with no paragraph of its
    # own (ODF Toolkit's ContinueListTest): it shows no number, and the next item is the 3rd.
    first = _list(_item("Unpack") + _item("Install"), 'xml:id="a" text:style-name="Numbers"')
    below = f"<text:list-item>{_list(_item('Check the log'), '')}</text:list-item>"
    second = _list(below + _item("Restart"), 'text:continue-list="a" text:style-name="Numbers"')
    assert _lines(first + second)[-2:] == ["1. Check the log", "3. Restart"]
