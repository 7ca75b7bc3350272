"""Which table a caption heads, in Word and OpenDocument files (see
:mod:`retrieval.ingest.readers.tablecaptions`).

What a user would notice: no caption's words are lost, a figure's caption is not the name of
the table under the figure, and a caption between two tables heads the one it names.
"""

from __future__ import annotations

import io
import zipfile
from typing import Any

import docx
from readerfiles import saved

from retrieval.ingest.parsed import ParsedDocument
from retrieval.ingest.pipeline import read

_CONTENT = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"'
    ' xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"'
    ' xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" office:version="1.2">'
    "<office:body><office:text>{}</office:text></office:body></office:document-content>"
)


def _odt(body: str) -> ParsedDocument:
    """An OpenDocument text whose body is ``body``, as read."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        archive.writestr("content.xml", _CONTENT.format(body))
    return read("report.odt", out.getvalue())


def _odt_table(label: str) -> str:
    cell = "<table:table-cell><text:p>{}</text:p></table:table-cell>"
    row = cell.format(f"{label} name") + cell.format(f"{label} value")
    return f"<table:table><table:table-row>{row}</table:table-row></table:table>"


def _odt_caption(kind: str, number: int, words: str) -> str:
    sequence = f'<text:sequence text:name="{kind}">{number}</text:sequence>'
    return f'<text:p text:style-name="{kind}">{kind} {sequence}: {words}</text:p>'


def _said(document: ParsedDocument) -> list[str]:
    """Every line of the document as read, its tables' captions too."""
    lines = [line for block in document.blocks for line in block.text.split("\n")]
    return lines + [block.section or "" for block in document.blocks]


def test_two_captions_around_one_odt_table_are_both_read() -> None:
    # A picture's caption set above the table and the table's own below it (the reviewer's
    # fig_then_table.odt): both were taken for the table's, one kept, the other lost.
    body = (
        "<text:p>The system is drawn below.</text:p>"
        + _odt_caption("Illustration", 1, "System architecture overview")
        + _odt_table("Latency")
        + _odt_caption("Table", 1, "Measured performance")
        + "<text:p>Some text after.</text:p>"
    )
    said = _said(_odt(body))
    assert "Illustration 1: System architecture overview" in said
    assert "Table 1: Measured performance" in said


def _word_table(word: Any, label: str) -> None:
    table = word.add_table(rows=1, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = f"{label} name", f"{label} value"


def _headed(document: ParsedDocument) -> list[tuple[str | None, str]]:
    return [(b.section, b.text) for b in document.blocks if b.kind == "table"]


def test_a_caption_between_two_tables_goes_where_the_others_stand() -> None:
    # The document sets its captions above its tables ("Table 1" above the prices): the one
    # between the contacts and the sizes is the sizes', not the contacts' above it.
    word = docx.Document()
    word.add_paragraph("Prices, contacts and sizes follow.")
    word.add_paragraph("Table 1: Prices", style="Caption")
    _word_table(word, "Price")
    word.add_paragraph("Call us for the rest.")
    _word_table(word, "Contact")
    word.add_paragraph("Table 2: Sizes", style="Caption")
    _word_table(word, "Size")
    assert _headed(read("results.docx", saved(word))) == [
        ("Table 1: Prices", "Price name | Price value"),
        (None, "Contact name | Contact value"),
        ("Table 2: Sizes", "Size name | Size value"),
    ]


def test_a_caption_between_two_tables_and_nothing_to_tell_stays_a_paragraph() -> None:
    # The reviewer's uncaptioned_then_captioned.docx: the box of contacts took "Table 1".
    word = docx.Document()
    word.add_paragraph("Contact details are in the box below and the results in Table 1.")
    _word_table(word, "Phone")
    word.add_paragraph("Table 1: Measured latency", style="Caption")
    _word_table(word, "Latency")
    document = read("results.docx", saved(word))
    assert [section for section, _ in _headed(document)] == [None, None]
    assert "Table 1: Measured latency" in _said(document)


def test_an_odt_caption_between_two_tables_goes_where_the_others_stand() -> None:
    body = (
        "<text:p>Prices, contacts and sizes follow.</text:p>"
        + _odt_caption("Table", 1, "Prices")
        + _odt_table("Price")
        + "<text:p>Call us for the rest.</text:p>"
        + _odt_table("Contact")
        + _odt_caption("Table", 2, "Sizes")
        + _odt_table("Size")
    )  # captions above their tables: the second is the sizes', the contacts have none
    assert _headed(_odt(body)) == [
        ("Table 1: Prices", "Price name | Price value"),
        (None, "Contact name | Contact value"),
        ("Table 2: Sizes", "Size name | Size value"),
    ]


def test_a_figures_caption_above_a_word_table_is_not_the_tables() -> None:
    # The reviewer's fig_then_table.docx: the table was named "Figure 1: System architecture
    # overview", its own caption below read as a paragraph after it.
    word = docx.Document()
    word.add_paragraph("The system is shown below.")
    word.add_paragraph("Figure 1: System architecture overview", style="Caption")
    _word_table(word, "Latency")
    word.add_paragraph("Table 1: Measured performance", style="Caption")
    document = read("report.docx", saved(word))
    assert _headed(document) == [("Table 1: Measured performance", "Latency name | Latency value")]
    assert "Figure 1: System architecture overview" in document.blocks[0].text


def test_a_figures_caption_above_an_odt_table_is_not_the_tables() -> None:
    body = (
        "<text:p>The system is drawn below.</text:p>"
        + _odt_caption("Illustration", 1, "System architecture overview")
        + _odt_table("Latency")
        + _odt_caption("Table", 1, "Measured performance")
    )
    document = _odt(body)
    assert _headed(document) == [("Table 1: Measured performance", "Latency name | Latency value")]
    assert "Illustration 1: System architecture overview" in _said(document)


def test_a_word_caption_says_its_kind_by_its_field() -> None:
    # "SEQ Tabelle" numbers tables (a German document); "SEQ Abbildung" figures, whatever the
    # paragraph's words.
    word = docx.Document()
    word.add_paragraph("Die Messwerte folgen.")
    for label, words in (("Abbildung", "Aufbau"), ("Tabelle", "Messwerte")):
        caption = word.add_paragraph(f"{label} ", style="Caption")
        field = docx.oxml.parse_xml(
            '<w:fldSimple xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
            f' w:instr=" SEQ {label} \\* ARABIC "><w:r><w:t>1</w:t></w:r></w:fldSimple>'
        )
        caption._p.append(field)
        caption.add_run(f": {words}")
        _word_table(word, words)
        word.add_paragraph(f"Die {words} sind oben.")
    assert [section for section, _ in _headed(read("bericht.docx", saved(word)))] == [
        None,
        "Tabelle 1: Messwerte",
    ]


def test_a_caption_parted_from_its_table_by_a_blank_line_heads_it() -> None:
    # The OpenDocument 1.2 specification: "Table 20 - Horizontal relation values", an empty
    # paragraph, then its table; the caption was taken by the table above it (whose own
    # caption, "Table 19", was lost), then read as a paragraph.
    body = (
        _odt_caption("Table", 19, "Horizontal position values")
        + _odt_table("Position")
        + _odt_caption("Table", 20, "Horizontal relation values")
        + '<text:p text:style-name="Table"/>'
        + _odt_table("Relation")
    )
    assert _headed(_odt("<text:p>Two tables follow.</text:p>" + body)) == [
        ("Table 19: Horizontal position values", "Position name | Position value"),
        ("Table 20: Horizontal relation values", "Relation name | Relation value"),
    ]


def test_a_word_caption_parted_from_its_table_by_a_blank_line_heads_it() -> None:
    word = docx.Document()
    word.add_paragraph("The prices follow.")
    word.add_paragraph("Table 1: Prices", style="Caption")
    word.add_paragraph()
    _word_table(word, "Price")
    document = read("prices.docx", saved(word))
    assert _headed(document) == [("Table 1: Prices", "Price name | Price value")]
    assert document.blocks[0].text == "The prices follow."
