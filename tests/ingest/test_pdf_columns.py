"""Pages set in three columns, read column by column (tryout 6, findings 1 and 2).

What a user would notice: the IRS's instructions for Form 1040NR answered "when is the 1040NR
due?" with one line of each of the page's three columns after the other ("This is the total tax
you have paid. Individuals. If you were an employee The private delivery service can tell you
…"), cited under the wrong heading. Each column is now read top to bottom, so the paragraph that
answers is whole, under "When To File", and no passage runs across the columns.

The PDF is two pages of a real booklet nobody here wrote (tests/ingest/fixtures/SOURCES.md).
"""

from __future__ import annotations

import re
from pathlib import Path

import pypdfium2 as pdfium
from pdfmaker import Text, make_pdf
from readerfiles import parsed

from retrieval.ingest.pipeline import read
from retrieval.ingest.readers.pdf_page import page_lines

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


STATUTE = FIXTURES / "xianfa-2018-pages-1-4.pdf"  # the PRC constitution, in SimSun (tryout 7)


def test_a_chinese_statute_reads_as_articles_not_as_one_listing() -> None:
    """Its font is fixed-pitch, as every Chinese font is: chapter 1 was one "code" block of
    4,000 characters, its lines' breaks inside words ("社⏎会主义") and indents kept, no article
    heading anything. Now each article is a paragraph of joined lines, headed by its number
    under the chapter, as the text reader reads the same constitution."""
    blocks = parsed(STATUTE).blocks
    assert not [b for b in blocks if b.kind == "code"]
    first = next(b for b in blocks if b.text.startswith("第一条"))
    assert first.text == (
        "第一条 中华人民共和国是工人阶级领导的、以工农联盟为基础的人民民主专政的社会主义国家。"
    )
    assert (first.section, first.above) == ("第一条", ("第一章总纲",))
    second = blocks[blocks.index(first) + 1]  # the article's second paragraph is still article 1
    assert second.section == "第一条"
    assert second.text.startswith("社会主义制度是中华人民共和国的根本制度。")
    assert [b.section for b in blocks if b.text.startswith("第")] == [
        "第一条", "第二条", "第三条", "第四条", "第五条",
    ]  # fmt: skip
    assert not any("\n" in b.text or "  " in b.text for b in blocks)


PAPER = FIXTURES / "specter-acl2020-pages-2-9.pdf"  # SPECTER (ACL 2020): two columns


def test_a_paragraph_running_from_the_left_column_into_the_right_stays_in_its_section() -> None:
    """PDFium joins a word hyphenated at the foot of the left column with its rest atop the
    right one, and reads the lines after as the same line: the conclusion's first paragraph was
    read after the whole right column, cited "References", and cut mid-sentence."""
    blocks = parsed(PAPER).blocks
    conclusion = next(b for b in blocks if b.text.startswith("We present SPECTER"))
    assert conclusion.section == "8 Conclusions and Future Work"
    assert "learning representations of scientific papers" in conclusion.text
    assert "pretrained on citations. We achieve substantial improvements over the strongest" in (
        conclusion.text
    )
    assert blocks.index(conclusion) < min(
        i for i, b in enumerate(blocks) if b.section == "References"
    )


def test_a_footnote_mark_glued_to_its_address_is_set_apart() -> None:
    texts = [block.text for block in parsed(PAPER).blocks]
    assert any(text.startswith("3 https://github.com/allenai/scidocs") for text in texts)
    assert not any("3https" in text for text in texts)


def test_a_stamp_set_sideways_in_the_margin_is_not_read() -> None:
    """arXiv stamps a preprint's first page in its left margin, sideways and large: it headed
    the paper's text ("arXiv:0908.0054v1 [astro-ph.CO] 1 Aug 2009 › ¶ 13") and its date
    replaced the document's in every citation; a journal's running head set so
    ("JCAP10(2008)003") headed every citation of the paper. A word set sideways inside the
    text (a table's turned heading) is read."""
    body = [
        Text(72, 700 - 14 * i, f"Line {i} of the text runs on about dark matter and the CMB.")
        for i in range(14)
    ]
    stamp = Text(30, 560, "arXiv:0908.0054v1 [astro-ph.CO] 1 Aug 2009", 20, turned=True)
    turned = Text(200, 420, "Turned heading", 9, turned=True)
    pdf = pdfium.PdfDocument(make_pdf([[*body, stamp, turned]], base14="Helvetica"))
    try:
        lines, _ = page_lines(pdf[0], 1)
    finally:
        pdf.close()
    texts = [line.text for line in lines]
    assert not [text for text in texts if "arXiv" in text]
    assert "Turned heading" in texts and len(texts) == 15


def test_a_paragraph_opening_with_a_term_in_bold_is_text_not_a_heading() -> None:
    """Read column by column, the booklet's paragraphs that open with a term in bold ("Foreign
    address. Enter the …") were headings with their first words: cited "Extension of time to
    file. If you", the text starting "cannot file your return"."""
    blocks = parsed(BOOKLET).blocks
    extension = next(b for b in blocks if b.text.startswith("Extension of time to file."))
    assert extension.text.startswith("Extension of time to file. If you cannot file your return")
    assert extension.section == "When To File"
    # its term and its text on one baseline, a column's line between them as PDFium reads it
    assert any(b.text.startswith("Line 70. Add lines 59 through 69.") for b in blocks)
    assert all(b.section is None or not b.section.endswith((" If you", " the")) for b in blocks)


_WORDS = "the model reads each column from top to bottom and the reader follows it".split()


def _prose(i: int, tag: str) -> str:
    return " ".join(_WORDS[(i + k) % len(_WORDS)] for k in range(7)) + f" {tag}{i:02d}"


def test_a_table_across_both_columns_keeps_its_rows_whole_and_in_place() -> None:
    """A table set across a two-column page was cut at the gutter: its left cells read after
    the left column's text above it, its right cells after the right column's, the text
    below the table inside the paragraph above it. Its rows are whole, between the columns'
    text above it and below it."""
    page = []
    for i, y in enumerate(range(780, 520, -13)):
        page += [Text(72, y, _prose(i, "LA"), 10), Text(320, y - 3, _prose(i, "RA"), 10)]
    rows = [
        ("Region", "Standing charge", "Unit rate", "Supplier"),
        ("London", "54.69", "24.50", "Octopus"),
        ("Wales", "51.20", "23.10", "EDF"),
        ("Scotland", "49.80", "22.70", "SSE"),
    ]
    for j, row in enumerate(rows):
        xs = (72, 190, 320, 440)
        page += [Text(x, 490 - 14 * j, cell, 10) for x, cell in zip(xs, row, strict=True)]
    for i, y in enumerate(range(400, 120, -13)):
        page += [Text(72, y, _prose(i, "LB"), 10), Text(320, y - 3, _prose(i, "RB"), 10)]
    blocks = read("rates.pdf", make_pdf([page], base14="Helvetica")).blocks
    tables = [b.text for b in blocks if b.kind == "table"]
    assert (
        tables[0]
        == "Region: London | Standing charge: 54.69 | Unit rate: 24.50 | Supplier: Octopus"
    )
    assert len(tables) == 3
    order = [tag for b in blocks for tag in re.findall(r"\b[LR][AB]\d\d|London|Scotland", b.text)]
    assert (
        order.index("RA19") < order.index("London") < order.index("Scotland") < order.index("LB00")
    )
    assert order.index("LB21") < order.index("RB00")


def test_a_running_head_of_a_two_page_spread_is_dropped_on_both_pages() -> None:
    """A file of two-page spreads, each set in two columns: the right page's running head,
    "Introduction 7", parted at the gutter from the left page's "6 DE-RISKING GOVERNMENT
    TECHNOLOGY", named its chapter on one spread only and was read as text."""
    chapters = ["Introduction", "Basic principles", "Questions to ask", "Budgeting"]
    pages = []
    for number, chapter in enumerate(chapters, start=1):
        page = [
            Text(36, 790, f"{2 * number} DE-RISKING GOVERNMENT TECHNOLOGY", 8),
            Text(470, 790, f"{chapter} {2 * number + 1}", 8),
        ]
        for i, y in enumerate(range(750, 500, -13)):
            page += [Text(36, y, _prose(i, "L"), 10), Text(320, y, _prose(i, "R"), 10)]
        pages.append(page)
    pdf = make_pdf(pages, base14="Helvetica")
    texts = [b.text for b in read("handbook.pdf", pdf).blocks]
    assert not [t for t in texts if re.search(r"\b\d+ DE-RISKING|[a-z] \d+$", t)], texts
    assert not [t for t in texts if any(t.startswith(chapter) for chapter in chapters)]


def test_a_page_of_columns_drawn_twice_over_itself_reads_each_line_once() -> None:
    """A voucher drawn twice over itself, in two columns: read top to bottom, each line of
    one copy came after the same line of the other ("Before redeeming … a valid, Before
    redeeming … a valid,"), and no paragraph was read twice to be dropped."""
    page = []
    for i, y in enumerate(range(750, 500, -13)):
        page += [Text(72, y, _prose(i, "L"), 10), Text(320, y, _prose(i, "R"), 10)]
    blocks = read("voucher.pdf", make_pdf([page + page], base14="Helvetica")).blocks
    tags = [tag for b in blocks for tag in re.findall(r"\b[LR]\d\d", b.text)]
    assert tags == [f"L{i:02d}" for i in range(20)] + [f"R{i:02d}" for i in range(20)]


def test_a_wide_table_atop_a_page_of_columns_is_read_in_its_place() -> None:
    """A rule book's page: a table across its top, two columns of text under it. The
    table's cells, many to a row, leave no gutter clear until the table's rows are read as
    one line each: its rows were read after both columns, under the next chapter's heading."""
    blocks = parsed(FIXTURES / "diesel_engines.pdf").blocks
    table = "Table 7 : Monitoring of emergency diesel engines"
    row = next(b for b in blocks if b.section == table and b.text.startswith("Engine speed"))
    assert row.above[-1] == "2.7.8 Summary tables"
    starting = next(b for b in blocks if b.section == "3.1.2 Electrical starting")
    assert blocks.index(row) < blocks.index(starting)
