"""A table cell that spans several columns, which a grid repeats in each of them.

India's Meteorological Department's weekly rainfall table (camelot's rainfall_distribution.pdf)
heads each region's rows with one cell across all ten columns, "REGION : EAST AND NORTH EAST
INDIA"; read column by column it was a row of ten copies, which ranked for any question about
India. Values that repeat by chance stay, one per column."""

from __future__ import annotations

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
