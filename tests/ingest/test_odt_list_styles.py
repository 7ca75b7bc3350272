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


_OUTLINE = (
    '<text:outline-style style:name="Outline"><text:outline-level-style text:level="1"'
    ' style:num-format="1"/><text:outline-level-style text:level="2" style:num-format="1"'
    ' text:display-levels="2"/></text:outline-style>'
)


def _sections(body: str, outline: str = _OUTLINE) -> list[str | None]:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        archive.writestr("content.xml", _CONTENT.format(_STYLES + outline, body))
    return [block.section for block in read("manual.odt", out.getvalue()).blocks][1:]


def _heading(text: str, level: int, attributes: str = "") -> str:
    return f'<text:h text:outline-level="{level}" {attributes}>{text}</text:h><text:p>…</text:p>'


def test_headings_are_numbered_as_the_outline_style_shows_them() -> None:
    body = _heading("Setup", 1) + _heading("Linux", 2) + _heading("Windows", 2)
    body += _heading("Usage", 1) + _heading("Options", 2)
    assert _sections(body) == ["1 Setup", "1.1 Linux", "1.2 Windows", "2 Usage", "2.1 Options"]
    # A restart, and a heading set as a list header (numbered by nothing).
    restarted = _heading("Appendix", 1, 'text:restart-numbering="true" text:start-value="7"')
    unnumbered = _heading("Foreword", 1, 'text:is-list-header="true"')
    assert _sections(unnumbered + restarted) == ["Foreword", "7 Appendix"]
    # An outline style that numbers nothing, as most documents' is, adds nothing.
    assert _sections(body, outline="") == ["Setup", "Linux", "Windows", "Usage", "Options"]


def test_a_heading_in_a_numbered_list_takes_its_items_marker() -> None:
    item = '<text:list-item><text:h text:outline-level="1">{}</text:h></text:list-item>'
    body = _list(item.format("Scope") + item.format("Terms")) + "<text:p>…</text:p>"
    assert _sections(body, outline="")[-1] == "2. Terms"
