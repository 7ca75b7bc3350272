"""Word policies laid out without heading styles: parts named by lines in bold capitals.

Built here in the shape of a credit union's "Abusive Member Policy" (Cassandra-Labs-Foundation/
pynthia-policies-and-procedures, which states no licence, so the file itself is not committed),
indexed by a tester: its title a bold line, its parts "COMPLIANCE STATEMENT", "PURPOSE",
"POLICY STATEMENT", "RESPONSIBILITY", … each a bold line in capitals, the list of abusive conduct
typed as a Wingdings dot (Insert › Symbol) and a tab before each item. The first three parts,
each over one paragraph, were read as labels of that paragraph ("PURPOSE: The purpose…") and the
later ones as sections, so the list under "POLICY STATEMENT" had no section, and its items,
with no bullet read, were paragraphs of no list: twelve passages, the introduction with the
first item only.
"""

from __future__ import annotations

import docx
from docx.document import Document
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from readerfiles import saved

from retrieval.ingest.parsed import ParsedDocument
from retrieval.ingest.passages import passages
from retrieval.ingest.pipeline import read

CONDUCT = [
    "Any type of harassment, including age, sexual, ethnic, or racial harassment;",
    "Making graphic or degrading comments about an individual or his or her appearance;",
    "Displaying sexually suggestive objects or pictures;",
    "Engaging in offensive or abusive physical contact;",
    "Using profane, abusive, intimidating or threatening language toward credit union staff;",
    "Making or suggesting threats of bodily harm or property damage to an employee; or",
    "Fighting or possession of weapons of any kind on credit union premises.",
]


def _bold(word: Document, text: str) -> None:
    word.add_paragraph().add_run(text).bold = True


def _typed_item(word: Document, text: str) -> None:
    """An item as the policy types it: a Wingdings dot inserted as a symbol, a tab, the text."""
    paragraph = word.add_paragraph(style="Body Text")
    paragraph._p.append(
        parse_xml(f'<w:r {nsdecls("w")}><w:sym w:font="Wingdings" w:char="F09F"/></w:r>')
    )
    run = paragraph.add_run()
    run.add_tab()
    run.add_text(text)


def _policy() -> Document:
    word = docx.Document()
    title = word.add_paragraph().add_run("ABUSIVE MEMBER POLICY")
    title.bold = title.underline = True
    word.add_paragraph()
    _bold(word, "COMPLIANCE STATEMENT")
    word.add_paragraph("The Credit Union will take the necessary actions to protect employees.")
    _bold(word, "PURPOSE")
    word.add_paragraph("The purpose of this policy is to protect the employees and members.")
    _bold(word, "POLICY STATEMENT")
    word.add_paragraph("For purposes of this policy, “abusive conduct” includes the following:")
    for item in CONDUCT:
        _typed_item(word, item)
    _bold(word, "RESPONSIBILITY")
    word.add_paragraph("The Board is committed to a workplace free from any type of abuse.")
    _bold(word, "GUIDELINES/STANDARDS")
    word.add_paragraph("The CEO is hereby authorized to impose sanctions against such member.")
    word.add_paragraph("Threats of any nature will be reported to the local authorities.")
    _bold(word, "TRAINING")
    word.add_paragraph("The Director of Compliance is authorized to coordinate trainings.")
    return word


def _read(word: Document) -> ParsedDocument:
    return read("Member Conduct Policy.docx", saved(word))


def test_every_bold_line_in_capitals_heads_its_part_alike() -> None:
    blocks = _read(_policy()).blocks
    sections = {b.text.split()[1]: b.section for b in blocks if not b.item}
    assert sections == {
        "Credit": "COMPLIANCE STATEMENT",
        "purpose": "PURPOSE",
        "purposes": "POLICY STATEMENT",
        "Board": "RESPONSIBILITY",
        "CEO": "GUIDELINES/STANDARDS",
        "of": "GUIDELINES/STANDARDS",  # "Threats of any nature…"
        "Director": "TRAINING",
    }
    assert not any(b.text.startswith("PURPOSE") for b in blocks)


def test_a_list_of_typed_bullets_is_one_list_under_its_part_with_its_introduction() -> None:
    document = _read(_policy())
    quoted = [p for p in passages(document, "policy.docx") if "abusive conduct" in p.text]
    assert len(quoted) == 1
    assert quoted[0].section == "POLICY STATEMENT"
    assert quoted[0].text.split("\n") == [
        "For purposes of this policy, “abusive conduct” includes the following:",
        *(f"• {item}" for item in CONDUCT),
    ]


def test_the_bold_line_over_the_parts_is_the_title() -> None:
    document = _read(_policy())
    assert document.title == "ABUSIVE MEMBER POLICY"
    assert not any("ABUSIVE MEMBER POLICY" in b.text for b in document.blocks)


def test_terms_in_capitals_stay_terms_where_no_line_in_capitals_heads_a_part() -> None:
    """A glossary of acronyms, each a bold line over its one paragraph, under real headings:
    the acronyms are terms read with their descriptions, not sections."""
    word = docx.Document()
    word.add_heading("Liquidity policy", 1)
    word.add_paragraph("This policy uses the following abbreviations throughout its parts.")
    word.add_heading("Glossary", 2)
    glossary = {
        "ALCO": "The Asset Liability Committee, which meets every month.",
        "NCUA": "The National Credit Union Administration, the regulator.",
        "CFP": "The contingency funding plan the board approves each year.",
    }
    for term, description in glossary.items():
        _bold(word, term)
        word.add_paragraph(description)
    blocks = _read(word).blocks
    assert [b.text for b in blocks if b.section == "Glossary"] == [
        f"{term}: {description}" for term, description in glossary.items()
    ]


# A liquidity policy's cash flow tables (a Bankpolicies.com template from the same collection):
# figures under a header of periods, whose corner above the rows' names is empty.
DAYS = ["Day 1", "Day 2", "Day 3", "Day 4", "Day 5", "Days 6-10"]
FLOWS = {
    "Cash Inflows": ["100", "120", "130", "100", "120", "620"],
    "Cash Outflows": ["90", "130", "100", "150", "150", "510"],
    "Net Surplus (Deficit)": ["10", "(10)", "30", "(50)", "(30)", "110"],
}


def _table(word: Document, rows: list[list[str]]) -> None:
    table = word.add_table(rows=len(rows), cols=len(rows[0]))
    for row, cells in zip(table.rows, rows, strict=True):
        for cell, text in zip(row.cells, cells, strict=True):
            cell.text = text


def test_figures_under_a_header_with_an_empty_corner_are_read_with_their_labels() -> None:
    word = docx.Document()
    word.add_heading("Cash flow projection", 1)
    word.add_paragraph("The following table projects the Bank's cash flows day by day.")
    _table(word, [["", *DAYS], *([name, *figures] for name, figures in FLOWS.items())])
    rows = [b.text for b in _read(word).blocks if b.kind == "table"]
    assert rows[0] == (
        "Cash Inflows | Day 1: 100 | Day 2: 120 | Day 3: 130 | Day 4: 100 | Day 5: 120"
        " | Days 6-10: 620"
    )
    assert len(rows) == len(FLOWS)  # the header is no row of its own


def test_a_header_over_label_rows_labels_the_rows_of_each() -> None:
    """ "Cash Inflows:" and "Cash Outflows:" label runs of rows under one header of forecast
    periods, itself above them alone: every figure is read with its period."""
    periods = ["Forecast 0-30 Days", "Forecast 31-60 Days", "Forecast 61-90 Days"]
    word = docx.Document()
    word.add_heading("Cash flow forecast", 1)
    _table(
        word,
        [
            ["", *periods],
            ["Cash Inflows:", "", "", ""],
            ["Loan Sales", "0", "0", "50"],
            ["Total Inflows", "$1,800", "$2,500", "$3,500"],
            ["Cash Outflows:", "", "", ""],
            ["New Loans", "900", "1,500", "1,600"],
            ["Total Outflows", "$1,900", "$2,400", "$2,600"],
        ],
    )
    rows = [(b.section, b.text) for b in _read(word).blocks if b.kind == "table"]
    assert rows[1] == (
        "Cash Inflows",
        "Total Inflows | Forecast 0-30 Days: $1,800 | Forecast 31-60 Days: $2,500"
        " | Forecast 61-90 Days: $3,500",
    )
    assert rows[3][0] == "Cash Outflows"
    assert rows[3][1].startswith("Total Outflows | Forecast 0-30 Days: $1,900")
    assert len(rows) == 4


def test_a_row_of_figures_first_is_a_row_not_the_header() -> None:
    """A table whose first row holds figures ("1995 | 280 300" over the years after it) has no
    header: its rows are read as they stand, none labelled by another row's figures."""
    word = docx.Document()
    word.add_heading("Projected families", 1)
    years = [["1995", "280 300"], ["2013", "295 400"], ["2030", "310 500"], ["2050", "330 700"]]
    _table(word, years)
    rows = [b.text for b in _read(word).blocks if b.kind == "table"]
    assert rows == [" | ".join(row) for row in years]


def test_a_header_numbering_its_columns_is_a_header() -> None:
    """Figures in a first row are data, but 1, 2 … over a matrix (a statistics report's
    "Treatment | 1 | 2") number its columns: its values are read with them."""
    word = docx.Document()
    word.add_heading("Covariance Matrix for the Log-Rank Statistics", 1)
    _table(
        word, [["Treatment", "1", "2"], ["1", "10.9867", "-10.9867"], ["2", "-10.9867", "10.9867"]]
    )
    rows = [b.text for b in _read(word).blocks if b.kind == "table"]
    assert rows[0] == "Treatment: 1 | 1: 10.9867 | 2: -10.9867"


def test_a_templates_instruction_in_bold_heads_nothing() -> None:
    """The liquidity policy template sets its instructions in bold capitals between its
    paragraphs ("DESCRIBE HERE YOUR FINANCIAL INSTITUTION’S PRIMARY FUNDING SOURCES."): taken for
    headings, they named the section of hundreds of passages in place of the real one."""
    word = docx.Document()
    word.add_heading("ALM and Liquidity Policy", 0)
    word.add_heading("6. FINANCIAL PERFORMANCE OBJECTIVES AND REPORTING", 1)
    word.add_heading("Liquidity Goals", 5)
    word.add_paragraph("In general, the Bank has identified the following sources of funding.")
    _bold(word, "DESCRIBE HERE YOUR FINANCIAL INSTITUTION’S PRIMARY FUNDING SOURCES.")
    word.add_paragraph("The Bank realizes that liquid assets are an important source of funds.")
    word.add_heading("7. CONTINGENCY FUNDING PLAN", 1)
    word.add_paragraph("The Bank has established the following waiver procedures.")
    _bold(word, "LIST HERE SPECIFIC PLANS.")
    word.add_paragraph("Even if a waiver is obtained, interest rate restrictions still apply.")
    _bold(word, "Brokered Deposits")  # a bold line naming a part is still a heading
    word.add_paragraph("Brokered deposits are limited to a share of the Bank's total assets.")
    blocks = {b.text: (b.above, b.section) for b in _read(word).blocks}
    assert blocks["The Bank realizes that liquid assets are an important source of funds."] == (
        ("6. FINANCIAL PERFORMANCE OBJECTIVES AND REPORTING",),
        "Liquidity Goals",
    )
    assert blocks["Even if a waiver is obtained, interest rate restrictions still apply."] == (
        (),
        "7. CONTINGENCY FUNDING PLAN",
    )
    assert blocks["LIST HERE SPECIFIC PLANS."][1] == "7. CONTINGENCY FUNDING PLAN"
    deposits = "Brokered deposits are limited to a share of the Bank's total assets."
    assert blocks[deposits][1] == "Brokered Deposits"


def test_a_bold_heading_naming_a_part_with_a_full_stop_still_heads_it() -> None:
    # "Use of Funds and Equipment." opens with a verb of the instructions' list, but names the
    # clause of a grant agreement under it (a reviewer's case): a heading, as before.
    word = docx.Document()
    word.add_heading("Grant Agreement", 1)
    word.add_paragraph("This agreement sets out how the foundation funds the project.")
    _bold(word, "Use of Funds and Equipment.")
    word.add_paragraph("The grantee shall use the funds only for the purposes of the project.")
    word.add_paragraph("Equipment bought with the grant remains the grantor's property.")
    _bold(word, "Reporting Obligations")
    word.add_paragraph("The grantee sends a financial report every six months.")
    word.add_paragraph("Reports are sent by post and by email to the programme officer.")
    blocks = {b.text: b.section for b in _read(word).blocks}
    assert blocks["Equipment bought with the grant remains the grantor's property."] == (
        "Use of Funds and Equipment."
    )
