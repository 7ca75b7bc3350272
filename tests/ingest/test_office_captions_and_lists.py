"""A table's caption and a nested list in office files, as pandoc's test documents hold them
(tests/ingest/fixtures/pandoc: GPL-2+, see SOURCES.md).

What a user would notice: a caption ("Tabelle 1: Table caption") heads the rows it names, as a
PDF table's caption does, rather than standing alone after them; a list inside a list keeps its
place under its item.
"""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path
from typing import Any

import docx
from readerfiles import CORPORA, saved

from retrieval.ingest.parsed import ParsedDocument
from retrieval.ingest.pipeline import read

PANDOC = Path(__file__).parent / "fixtures" / "pandoc"
LANDSLIDE = "testchartoleobjectembeddings.docx"


def _read(name: str, data: bytes | None = None) -> ParsedDocument:
    return read(name, data if data is not None else (PANDOC / name).read_bytes())


def _with_body(name: str, body: str) -> bytes:
    """``name`` (an .odt) with its body's tables and paragraphs replaced by ``body``."""
    out = io.BytesIO()
    with zipfile.ZipFile(PANDOC / name) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename == "content.xml":
                text = data.decode("utf-8")
                start = text.index("<table:table ")
                end = text.index("</office:text>")
                data = (text[:start] + body + text[end:]).encode("utf-8")
            target.writestr(info, data)
    return out.getvalue()


def test_an_odt_tables_caption_heads_its_rows() -> None:
    document = _read("tableWithCaption.odt")
    rows = [b for b in document.blocks if b.kind == "table"]
    assert [b.text for b in rows] == ["Table header | Another header", "Content | More content"]
    assert {b.section for b in rows} == {"Tabelle 1: Table caption"}
    # Before, the caption was a passage of its own after the rows, and quoted nothing of them.
    assert not [b for b in document.blocks if b.kind == "text"]


def _table(label: str) -> str:
    cell = "<table:table-cell><text:p>{}</text:p></table:table-cell>"
    row = "<table:table-row>" + cell.format(f"{label} name") + cell.format(f"{label} value")
    return f'<table:table table:name="{label}">{row}</table:table-row></table:table>'


def _caption(number: int, words: str) -> str:
    sequence = f'<text:sequence text:name="Table">{number}</text:sequence>'
    return f'<text:p text:style-name="Table">Table {sequence}: {words}</text:p>'


def test_captions_set_above_their_tables_head_the_tables_below_them() -> None:
    # (A first heading before any text would be the document's title.)
    heading = '<text:p>Measured in May.</text:p><text:h text:outline-level="1">Results</text:h>'
    body = heading + _caption(1, "Prices") + _table("Price") + _caption(2, "Sizes") + _table("Size")
    document = _read("captions-above.odt", _with_body("tableWithCaption.odt", body))
    rows = {b.text: (b.above, b.section) for b in document.blocks if b.kind == "table"}
    assert rows == {
        "Price name | Price value": (("Results",), "Table 1: Prices"),
        "Size name | Size value": (("Results",), "Table 2: Sizes"),
    }


def test_a_caption_by_no_table_stays_a_paragraph() -> None:
    body = _caption(1, "Prices") + "<text:p>Prices went up in spring.</text:p>" + _table("Price")
    document = _read("apart.odt", _with_body("tableWithCaption.odt", body))
    assert [(b.kind, b.section) for b in document.blocks][-1] == ("table", None)
    assert re.sub(r"\s+", " ", document.blocks[0].text) == "Table 1: Prices"


def test_nested_word_lists_keep_their_markers() -> None:
    # Before: "one / two / a / b / one / two / three / four / Sub paragraph / Same list / …",
    # two lists and their nesting run together with nothing to tell them apart.
    lists = _read("lists.docx").blocks
    assert [b.section for b in lists] == ["Some nested lists"]
    assert lists[0].text.split("\n") == [
        "1. one",
        "2. two",
        "a. a",  # the numbered list's second level, lettered
        "b. b",
        "• one",  # a new list, of bullets, each level its own
        "• two",
        "◦ three",
        "▪ four",
        "Sub paragraph",  # a paragraph of the item above: no marker
        "• Same list",
        "• Different list adjacent to the one above.",
    ]


def test_a_list_numbered_by_its_style_is_counted() -> None:
    word = docx.Document()
    word.add_paragraph("Before you start, read the whole page once.")
    word.add_paragraph("Install it in three steps:")
    for step in ("Unpack the archive.", "Run the installer.", "Restart the computer."):
        word.add_paragraph(step, style="List Number")
    text = "\n".join(b.text for b in read("steps.docx", saved(word)).blocks)
    assert "1. Unpack the archive.\n2. Run the installer.\n3. Restart the computer." in text


def test_a_word_tables_caption_heads_its_rows() -> None:
    # A planning report (docs-dev2): "Table 1: Components of susceptibility mapping" above
    # its table was read as the last line of the paragraph before it.
    report = read("report.docx", (CORPORA / "docs-dev2" / "docx" / LANDSLIDE).read_bytes())
    rows = [
        b for b in report.blocks if b.section == "Table 1: Components of susceptibility mapping"
    ]
    assert rows[0].text.startswith("Deep-seated slide susceptibility | Deep-seated slide")
    assert rows[0].above[-1] == "Tasmanian Landslide Map Series – Susceptibility Zones"
    lines = [line for b in report.blocks for line in b.text.split("\n")]
    assert "Table 1: Components of susceptibility mapping" not in lines


def test_word_captions_above_and_below_their_tables() -> None:
    word = docx.Document()
    word.add_heading("Results", level=1)
    word.add_paragraph("The prices and the sizes we measured are in two tables.")
    word.add_paragraph("Table 1: Prices", style="Caption")  # above its table …
    _word_table(word, "Price")
    _word_table(word, "Size")
    word.add_paragraph("Table 2: Sizes", style="Caption")  # … and this one below
    word.add_paragraph("Figure 1: The harbour", style="Caption")  # by no table: a paragraph
    blocks = read("results.docx", saved(word)).blocks
    assert [(b.section, b.text) for b in blocks if b.kind == "table"] == [
        ("Table 1: Prices", "Price name | Price value"),
        ("Table 2: Sizes", "Size name | Size value"),
    ]
    assert "Figure 1: The harbour" in blocks[-1].text


def _word_table(word: Any, label: str) -> None:
    table = word.add_table(rows=1, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = f"{label} name", f"{label} value"


def test_nested_opendocument_lists_keep_their_numbers() -> None:
    # The list style shows two levels at the second ("3.1."), letters in the third ("a)"),
    # and the next list starts at 4; all of it was "A third / New level! / And another! …".
    texts = [b.text for b in _read("orderedListMixed.odt").blocks]
    assert texts[2:8] == [
        "3. A third",
        "3.1. New level!",
        "a) And another!",
        "b) It's great up here!",
        "3.2. Oh noes",
        "3.3. We fell!",
    ]
    assert texts[-2:] == [
        "4. Start new list, but a different starting point.",
        "5. Because we can.",
    ]


def test_a_list_that_continues_the_numbering_goes_on_counting() -> None:
    texts = [b.text for b in _read("listContinueNumbering.odt").blocks]
    numbered = [t for t in texts if "Some text (" in t]
    # Each item says the number LibreOffice shows it with: "Some text (3.)" is item 3.
    assert numbered and all(t.split(" ", 1)[0] == t[t.index("(") + 1 : -1] for t in numbered)


def test_word_list_items_read_as_headings_are_counted_too() -> None:
    # The reviewer's bold_steps.docx: two items set in bold alone are read as headings, and the
    # third item showed "1." where Word shows "3.".
    word = docx.Document()
    word.add_heading("Guide", 1)
    word.add_paragraph("Follow these steps to set up the service:")
    for step, name in enumerate(("Install the package", "Configure the service"), start=1):
        word.add_paragraph(style="List Number").add_run(name).bold = True
        word.add_paragraph(f"Details about step {step} are written here in plain text.")
    word.add_paragraph("Run the service and check its log.", style="List Number")
    word.add_paragraph("Stop it when done.", style="List Number")
    texts = [b.text for b in read("steps.docx", saved(word)).blocks]
    assert texts[-2:] == ["3. Run the service and check its log.", "4. Stop it when done."]


def test_a_word_list_item_in_a_table_is_counted() -> None:
    word = docx.Document()
    word.add_paragraph("Three steps, the second in a box:")
    word.add_paragraph("Unpack the archive.", style="List Number")
    box = word.add_table(rows=1, cols=1).cell(0, 0).paragraphs[0]
    box.text, box.style = "Run the installer as root.", word.styles["List Number"]
    word.add_paragraph("Restart the computer.", style="List Number")
    assert read("steps.docx", saved(word)).blocks[-1].text == "3. Restart the computer."
