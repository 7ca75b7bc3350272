"""Statistical tables in PDFs as a reader meets them: a caption set close over the header, rows
grouped under names, every other row shaded.

What a user would notice: "How many public high school graduates were there in New York in
2009–10?" is answered by New York's row with each figure beside its school year, under the
table's caption; a row under "Race" is not labelled "Sex"; a shaded row is read once, not once
with its name and again as figures alone.

The PDFs are pages of US government reports (tests/ingest/fixtures/SOURCES.md), and a page
written by :mod:`pdfmaker`.
"""

from __future__ import annotations

from pathlib import Path

from pdfmaker import Box, Text, make_pdf
from readerfiles import parsed

from retrieval.ingest.parsed import Block
from retrieval.library import Library

FIXTURES = Path(__file__).resolve().parent / "fixtures"
GRADUATES = FIXTURES / "nces-projections-2021-table-14-page-1.pdf"  # NCES, Table 14
DEATHS = FIXTURES / "mmwr-2011-chd-stroke-page-2.pdf"  # MMWR, Table 1 and its age groups


def _rows(path: Path) -> list[Block]:
    return [block for block in parsed(path).blocks if block.kind == "table"]


def _row(path: Path, start: str) -> Block:
    found = [row for row in _rows(path) if row.text.startswith(start)]
    assert found, start
    return found[0]


def test_a_caption_over_the_header_heads_the_rows_whose_figures_keep_their_years() -> None:
    """Table 14's caption runs over two lines right above "Actual" / "Projected" and the
    school years: it was read as two rows of the table, and the header under it was then no
    header, so New York's figures stood without their years."""
    new_york = _row(GRADUATES, "Region and state: New York | ")
    assert "2009–10: 182,880" in new_york.text
    assert "2003–04: 142,526" in new_york.text
    assert new_york.section == (
        "Table 14. Actual and projected numbers for public high school graduates, by region "
        "and state: School years 2003–04 through 2021–22"
    )
    assert not any(row.text.startswith("Table 14.") for row in _rows(GRADUATES))


def test_a_question_about_one_state_and_year_finds_its_row(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / GRADUATES.name).write_bytes(GRADUATES.read_bytes())
    library = Library.open(tmp_path / "corpus.db", corpus)
    try:
        question = "How many public high school graduates were there in New York in 2009–10?"
        hits = library.answer(question, k=3).hits
    finally:
        library.close()
    new_york = [h.passage for h in hits if h.passage.text.startswith("Region and state: New York")]
    assert new_york and "2009–10: 182,880" in new_york[0].text  # the figure beside its year


def test_a_group_name_under_the_header_labels_no_rows() -> None:
    """ "Sex" stands alone in the first column over "Female" and "Male", as "Race" over
    "Black": it names a group of rows, it is no line of the header, so "Black" is not read
    as "Characteristic Sex: Black"."""
    black = _row(DEATHS, "Characteristic: Black | ")
    assert "Coronary heart disease no.: 44,530" in black.text
    assert any(row.text == "Characteristic: Sex" for row in _rows(DEATHS))
    assert not any("Characteristic Sex" in row.text for row in _rows(DEATHS))
    # the second table's label wrapped in its corner ("Age group" / "(yrs)") is still its label
    assert any(row.text.startswith("Age group (yrs): 45–54 | ") for row in _rows(DEATHS))


STATES = [
    ("Assam", "14,874,821", "2,554,197"),
    ("Bihar", "21,016,708", "4,332,141"),
    ("Goa", "4,055,567", "110,000"),
    ("Haryana", "15,156,681", "1,333,527"),
    ("Kerala", "27,923,965", "3,985,473"),
    ("Punjab", "19,775,485", "2,208,343"),
]


def _shaded_band(y: float) -> list[Box]:
    """A row's shade as a spreadsheet prints it: a box over each cell, the name's a little
    shorter than the figures', and a strip of boxes under them, tiling the row."""
    return [
        Box(70, y - 3, 130, 14, 0.85),
        Box(200, y - 5, 100, 16, 0.85),
        Box(300, y - 5, 100, 16, 0.85),
        Box(70, y - 10, 130, 7, 0.85),
        Box(200, y - 10, 100, 5, 0.85),
        Box(300, y - 10, 100, 5, 0.85),
    ]


def test_a_table_with_every_other_row_shaded_reads_each_row_once(tmp_path: Path) -> None:
    """Each shaded row's boxes were read as a table of two rows: the row, then its figures
    again without its name; the rows between them as lines of text."""
    lines = [Text(72, 720, "Public health outlay by state (Rs. in 000)", 10)]
    for at, label in ((72, "State"), (220, "Revenue"), (320, "Family Welfare")):
        lines.append(Text(at, 700, label, 10))
    boxes: list[Box] = []
    for number, (state, revenue, welfare) in enumerate(STATES):
        y = 682 - 22 * number
        lines += [Text(72, y, state, 10), Text(220, y, revenue, 10), Text(320, y, welfare, 10)]
        if number % 2 == 0:
            boxes += _shaded_band(y)
    path = tmp_path / "outlay.pdf"
    path.write_bytes(make_pdf([lines], base14="Helvetica", boxes=[boxes]))
    texts = [block.text for block in parsed(path).blocks]
    for state, revenue, _ in STATES:
        holding = [text for text in texts if revenue in text]
        assert len(holding) == 1, (state, holding)
        assert state in holding[0]
