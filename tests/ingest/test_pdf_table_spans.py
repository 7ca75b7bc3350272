"""A table cell that spans several columns, which a grid repeats in each of them.

India's Meteorological Department's weekly rainfall table (camelot's rainfall_distribution.pdf)
heads each region's rows with one cell across all ten columns, "REGION : EAST AND NORTH EAST
INDIA"; read column by column it was a row of ten copies, which ranked for any question about
India. Values that repeat by chance stay, one per column. And a header row set a little further
over the rows than they are apart is the table's, labelling their figures."""

from __future__ import annotations

from pdfmaker import Text, make_pdf

from retrieval.ingest import pipeline
from retrieval.ingest.readers.pdf_tables import labelled

HEADER = ["S NO", "SUBDIVISION", "ACTUAL (mm)", "NORMAL (mm)", "%DEP.", "CAT."]
REGION = ["REGION : EAST AND NORTH EAST INDIA"] * 6
ROWS = [
    ["1", "ARUNACHAL PRADESH", "11.4", "18.4", "-38%", "D"],
    ["2", "ASSAM", "17.9", "17.1", "4%", "N"],
    ["3", "MEGHALAYA", "7.2", "37.7", "-81%", "S"],
]


def test_a_cell_across_the_columns_is_read_once() -> None:
    texts = labelled([HEADER, REGION, *ROWS])
    assert "REGION : EAST AND NORTH EAST INDIA" in texts
    # and the region's name is no second line of the header: the rows keep their labels
    assert texts[-1] == (
        "S NO: 3 | SUBDIVISION: MEGHALAYA | ACTUAL (mm): 7.2 | NORMAL (mm): 37.7 | %DEP.: -81%"
        " | CAT.: S"
    )


def test_marks_and_figures_that_repeat_are_each_column_s() -> None:
    rows = [
        ["pdfTeX", "0.00 %", "0.00 %", "1.40"],
        ["LuaTeX", "Yes", "Yes", "1.10"],
        ["XeTeX", "∅", "∅", "0.99"],
    ]
    assert labelled(rows, header=False) == [
        "pdfTeX | 0.00 % | 0.00 % | 1.40",
        "LuaTeX | Yes | Yes | 1.10",
        "XeTeX | ∅ | ∅ | 0.99",
    ]


def test_a_header_set_a_little_apart_labels_the_rows() -> None:
    # India's census table of decadal growth (camelot's population_growth.pdf): the header row
    # stands 20.6 points over the first row, the rows 15 apart; it was left out of the table,
    # and "Kerala | 24.76 | 26.29 | …" said not which decade each figure is
    columns = [100, 250, 314, 378, 441, 505, 568]
    header = ["States/Union Territories", *(f"{y}-{y + 10}" for y in range(1951, 2011, 10))]
    rows = [
        ["Goa", "7.77", "34.77", "26.74", "16.08", "15.21", "8.23"],
        ["Gujarat", "26.88", "29.39", "27.67", "21.19", "22.66", "19.28"],
        ["Kerala", "24.76", "26.29", "19.24", "14.32", "9.43", "4.86"],
    ]
    page = [Text(x, 770, cell, 9) for x, cell in zip(columns, header, strict=True)]
    for i, row in enumerate(rows):
        page += [Text(x, 749.4 - 15 * i, cell, 9) for x, cell in zip(columns, row, strict=True)]
    document = pipeline.read("population_growth.pdf", make_pdf([page]))
    kerala = [block.text for block in document.blocks if "Kerala" in block.text]
    assert kerala == [
        "States/Union Territories: Kerala | 1951-1961: 24.76 | 1961-1971: 26.29 | 1971-1981: 19.24"
        " | 1981-1991: 14.32 | 1991-2001: 9.43 | 2001-2011: 4.86"
    ]


def test_two_plans_with_the_same_words_side_by_side_are_each_read() -> None:
    """A table without a header read two equal cells of several words side by side once: one
    plan seemed to lack what both offer."""
    rows = [
        ["Basic", "Standard", "Premium"],
        ["Storage", "Email and phone support", "Email and phone support"],
        ["Backups", "Daily", "Hourly"],
    ]
    assert labelled(rows, header=False)[1] == (
        "Storage | Email and phone support | Email and phone support"
    )
