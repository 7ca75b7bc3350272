"""Pages set in three columns, read column by column (tryout 6, findings 1 and 2).

What a user would notice: the IRS's instructions for Form 1040NR answered "when is the 1040NR
due?" with one line of each of the page's three columns after the other ("This is the total tax
you have paid. Individuals. If you were an employee The private delivery service can tell you
…"), cited under the wrong heading. Each column is now read top to bottom, so the paragraph that
answers is whole, under "When To File", and no passage runs across the columns.

The PDF is two pages of a real booklet nobody here wrote (tests/ingest/fixtures/SOURCES.md).
"""

from __future__ import annotations

from pathlib import Path

from readerfiles import parsed

FIXTURES = Path(__file__).resolve().parent / "fixtures"
BOOKLET = FIXTURES / "i1040nr-pages-3-4.pdf"  # the IRS's 1040NR instructions: three columns


def test_a_paragraph_of_a_three_column_page_is_whole_under_its_heading() -> None:
    blocks = parsed(BOOKLET).blocks
    due = [b for b in blocks if "file Form 1040NR by the 15th day of the 4th month" in b.text]
    assert len(due) == 1, [b.text for b in due]
    assert due[0].text.startswith("Individuals. If you were an employee and received wages")
    assert due[0].text.endswith("A return for the 2007 calendar year is due by April 15, 2008.")
    assert due[0].section == "When To File" and due[0].page == 2


def test_no_passage_runs_across_the_columns() -> None:
    texts = [block.text for block in parsed(BOOKLET).blocks]
    # the first lines of page 2's three columns, which PDFium reads as one line
    assert not any("You must provide mutual fund" in text for text in texts)
    assert any("You must provide the information required for each type" in t for t in texts)
    assert not any(" | " in text for text in texts)  # three columns of text are no table
    delivery = next(t for t in texts if t.startswith("You can use certain private delivery"))
    assert delivery.endswith("These private delivery services include only the following.")
