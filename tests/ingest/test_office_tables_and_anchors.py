"""Word tables typed as stacks of lines, and HTML reference pages (found by the office-dev set:
a budget's illustrative cases, the Apache HTTP Server manual)."""

from __future__ import annotations

import docx
from readerfiles import CORPORA, parsed, saved

from retrieval.ingest.parsed import ParsedDocument
from retrieval.ingest.pipeline import read


def _budget_case() -> bytes:
    """A table as a budget's cases are typed: one row, a cell of labels beside a cell of
    figures per year, a label or a figure a line (the first line of each: blank, "€")."""
    document = docx.Document()
    document.add_paragraph("Patrick is single and will gain €825 from the Budget.")
    table = document.add_table(rows=2, cols=3)
    for cell, year in zip(table.rows[0].cells, ("", "2006", "2007"), strict=True):
        cell.text = year
    stacks = (
        ["", "Gross Income", "PRSI", "Net Cash Income"],
        ["€", "17,542", "437", "16,717"],
        ["€", "17,542", "0", "17,542"],
    )
    for cell, lines in zip(table.rows[1].cells, stacks, strict=True):
        cell.text = lines[0]
        for line in lines[1:]:
            cell.add_paragraph(line)
    return saved(document)


def test_a_figure_in_a_stacked_cell_is_read_with_its_label() -> None:
    rows = [b.text for b in read("cases.docx", _budget_case()).blocks if b.kind == "table"]
    # (each figure with its year too: the header's corner above the labels is empty)
    assert "Net Cash Income | 2006: 16,717 | 2007: 17,542" in rows
    assert "PRSI | 2006: 437 | 2007: 0" in rows
    assert not any("€" in row for row in rows)  # the currency line labels nothing


def test_names_in_bold_alone_head_their_parts_without_heading_styles() -> None:
    # A budget's cases: "Patrick", "Siobhan", "Eddie" in bold alone over each case's text and
    # table, no heading style anywhere. The tables' rows stood under no name.
    document = docx.Document()
    for name, text in (("Patrick", "waiter"), ("Siobhan", "shop assistant"), ("Eddie", "engineer")):
        document.add_paragraph().add_run(name).bold = True
        document.add_paragraph(f"{name} is single and employed as a {text}, earning a wage.")
        table = document.add_table(rows=2, cols=2)
        table.rows[0].cells[0].text, table.rows[0].cells[1].text = "Gross Income", "17,542"
        table.rows[1].cells[0].text, table.rows[1].cells[1].text = "Net Cash Income", "16,717"
    blocks = read("cases.docx", saved(document)).blocks
    assert [b.section for b in blocks if b.kind == "table"][-2:] == ["Eddie", "Eddie"]
    assert not any(b.text == "Eddie" for b in blocks)


def test_a_table_of_paragraphs_is_not_split_into_lines() -> None:
    document = docx.Document()
    table = document.add_table(rows=1, cols=2)
    left, right = table.rows[0].cells
    left.text = "Study design"
    for cell in (left, right):
        for n in range(3):
            cell.add_paragraph(f"A sentence of the protocol number {n} that runs on for a while.")
    rows = [b.text for b in read("protocol.docx", saved(document)).blocks]
    assert len(rows) == 1 and rows[0].startswith("Study design")


def test_a_page_of_text_laid_out_in_a_table_is_read_as_paragraphs() -> None:
    # An article pasted from the web into a frame: a caption row over one merged cell that
    # holds the whole text. Quoted as a row, it was one passage of 46,000 characters.
    document = docx.Document()
    table = document.add_table(rows=2, cols=2)
    table.rows[0].cells[0].text, table.rows[0].cells[1].text = "Journal", "Issue 12"
    frame = table.rows[1].cells[0].merge(table.rows[1].cells[1])
    frame.text = "Introduction"
    for n in range(8):
        frame.add_paragraph(f"Paragraph {n} of the article. " + "It runs on and on. " * 50)
    blocks = read("article.docx", saved(document)).blocks
    assert max(len(b.text) for b in blocks) < 1_500
    assert sum("of the article." in b.text for b in blocks) == 8
    assert "Journal | Issue 12" in [b.text for b in blocks]


def test_a_row_of_one_short_cell_names_the_rows_under_it() -> None:
    # A protocol's summary: "Study Endpoints:" alone in a row over "Primary: | Change in …".
    document = docx.Document()
    table = document.add_table(rows=5, cols=2)
    cells = [
        ("Study Objectives:", ""),
        ("Primary:", "To assess the effect of 16 weeks of the drug on plasma sCD14."),
        ("Study Endpoints:", ""),
        ("Primary:", "Change in sCD14 from baseline to week 16."),
        ("Secondary:", "Change from baseline to week 16 in other biomarkers."),
    ]
    for row, (label, value) in zip(table.rows, cells, strict=True):
        row.cells[0].text, row.cells[1].text = label, value
    blocks = read("protocol.docx", saved(document)).blocks
    rows = {b.text: b.section for b in blocks}
    assert rows["Primary: | Change in sCD14 from baseline to week 16."] == "Study Endpoints"
    assert "Study Endpoints:" not in rows


def test_a_label_row_stands_under_every_heading_above_it() -> None:
    # Under "Budget › Patrick" the label names its rows as a third level; the document's
    # title stays out of the headings above (it was the outline's inner path "Budget\nPatrick").
    document = docx.Document()
    document.core_properties.title = "Household"
    document.add_heading("Budget", 1)
    document.add_paragraph("Some text here about the budget of the household for this year.")
    document.add_heading("Patrick", 2)
    document.add_paragraph("Patrick's case is described below in more words than six.")
    table = document.add_table(rows=3, cols=2)
    cells = [("Study Endpoints:", ""), ("Primary:", "Change in sCD14"), ("Secondary:", "IL-6")]
    for row, (label, value) in zip(table.rows, cells, strict=True):
        row.cells[0].text, row.cells[1].text = label, value
    blocks = read("case.docx", saved(document)).blocks
    row = next(b for b in blocks if b.text.startswith("Primary:"))
    assert (row.section, row.above) == ("Study Endpoints", ("Budget", "Patrick"))


def _page(body: str) -> ParsedDocument:
    html = f"<html><head><title>Manual</title></head><body>{body}</body></html>"
    return read("page.html", html.encode("utf-8"))


def test_a_permalink_is_no_part_of_its_heading_nor_an_anchor_named_like_furniture() -> None:
    # '<h2><a id="related">.htaccess files</a> <a class="permalink">¶</a></h2>': the section
    # was "¶", its heading dropped as a box of related links by the anchor's id.
    page = _page(
        '<h1>Tutorial</h1><h2><a name="related" id="related">.htaccess files</a> '
        '<a title="Permanent link" href="#related" class="permalink">&para;</a></h2>'
        "<p>You should avoid using .htaccess files if you can edit the main config.</p>"
        '<h2><a id="what">How to use them</a> <a class="permalink" href="#what">&para;</a></h2>'
        "<p>A file of configuration directives is placed in a particular directory.</p>"
    )
    assert [b.section for b in page.blocks] == [".htaccess files", "How to use them"]


def test_a_table_of_row_headers_is_names_and_values() -> None:
    # A directive's summary: each row a <th> name and a <td> value. The first row labelled the
    # others: "Description:: Syntax: | Default algorithm …: ExpiresDefault …".
    page = _page(
        "<h1>mod_expires</h1><p>How long documents stay fresh in a client's cache.</p>"
        '<table class="directive">'
        "<tr><th>Description:</th><td>Default algorithm for calculating expiration time</td></tr>"
        "<tr><th>Syntax:</th><td>ExpiresDefault <var>seconds</var></td></tr>"
        "<tr><th>Context:</th><td>server config, virtual host, directory</td></tr></table>"
    )
    rows = [b.text for b in page.blocks if b.kind == "table"]
    assert rows == [
        "Description: | Default algorithm for calculating expiration time",
        "Syntax: | ExpiresDefault seconds",
        "Context: | server config, virtual host, directory",
    ]


def test_a_banner_and_the_language_bars_are_dropped_but_a_title_box_stays() -> None:
    page = _page(
        '<div id="page-header"><p class="menu"><a href="/mod/">Modules</a></p>'
        '<p class="apache">Apache HTTP Server Version 2.5</p></div>'
        '<div class="toplang"><p><span>Available Languages: </span><a href="/en/">en</a> | '
        '<a href="/fr/">fr</a></p></div>'
        "<h1>Security Tips</h1><p>Some hints and tips on security in setting up a server.</p>"
        '<div class="page-header"><h2>Denial of Service</h2></div>'
        "<p>All network servers can be subject to denial of service attacks.</p>"
    )
    text = " ".join(b.text for b in page.blocks)
    assert "Version 2.5" not in text and "Available Languages" not in text
    assert page.blocks[-1].section == "Denial of Service"


def test_a_box_drawn_down_a_forms_column_of_cells_is_one_cell() -> None:
    """The visa form's photo box runs down the last column beside six rows of fields, a line
    a cell, the rules between them left out: its lines were scattered over the fields' rows,
    and "Attach photo here" headed the rest of the form."""
    form = parsed(CORPORA / "office-dev/docx/form_footnotes.docx")
    box = (
        "Attach photo here size: 40 mm x 35mm (1 9/6 x 1 3/8 inches) white or off-white"
        " background front view, full face must be recent picture"
    )
    assert box in [b.text for b in form.blocks]  # a row of its own: no field's row grows
    assert not [b for b in form.blocks if b.section == "Attach photo here"]
    assert "02 - Place of birth (city/state/country) | 03 - Date of birth Day Month Year" in [
        b.text for b in form.blocks
    ]
