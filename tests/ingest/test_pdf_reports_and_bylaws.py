"""What the office-dev2 corpus showed the PDF reader getting wrong, each in a small file: bylaws
whose "ARTICLE VIII" atop a page was dropped as a running header, and whose articles set in the
text's type headed nothing; a running head naming the section on the left and the document on the
right, kept on the pages of a section too short to repeat it; a report's page title set upright
one letter a line beside its chart; a figure with its label in large type ("Total Expenses
$2,192,066") taken for a heading and lost; a list whose bullets stand apart from their items read
as a table; a paper's numbered headings centred in the text's type, no headings; a formula's bold
symbols ("µs") the heading of the pages after them."""

from __future__ import annotations

from pdfmaker import Text, make_pdf
from readerfiles import texts

from retrieval.ingest.pipeline import read

_CLAUSES = [
    "Section {n}.01 The Board shall meet at least once a year at a time fixed by the Chair,",
    "and may meet more often when two directors ask for a meeting in writing to the Secretary.",
    "Section {n}.02 Notice of every meeting shall be given to each director by email or post,",
    "at least four days before the meeting, and shall state the time and the place of it.",
]


def _article(number: str, name: str, n: int, top: float) -> list[Text]:
    clauses = [line.format(n=n) for line in _CLAUSES]
    return [
        Text(280, top, f"ARTICLE {number}"),
        Text(285, top - 14, name),
        *(Text(72, top - 40 - 14 * i, line) for i, line in enumerate(clauses)),
    ]


def test_articles_heading_their_sections_stay_though_each_page_opens_with_one() -> None:
    articles = [("I", "NAME"), ("II", "OFFICES"), ("III", "PURPOSE"), ("VIII", "OFFICERS")]
    pages = [
        [*_article(number, name, n, 760), Text(480, 52, f"Page {n} of 4", 10)]
        for n, (number, name) in enumerate(articles, start=1)
    ]
    document = read("bylaws.pdf", make_pdf(pages))
    sections = [f"ARTICLE {number} {name}" for number, name in articles]
    first = [b.section for b in document.blocks if b.text.startswith("Section 1.01")]
    assert first == sections[:1]
    assert {b.section for b in document.blocks} == set(sections)
    assert not [b for b in document.blocks if "ARTICLE" in b.text or "Page" in b.text]


def test_a_running_head_naming_each_section_and_then_the_document_is_dropped() -> None:
    said = [
        "Breaks are vital in any workshop, and in an online setting they matter even more.",
        "Plan time zones with care, so that everyone can arrive on time for each session.",
        "Sign on to the video call at least ten minutes before the scheduled start time.",
        "Take attendance with screenshots of the participants list rather than a sign-in.",
        "Send the learners a survey after the workshop and read their feedback together.",
        "Share the recordings only when everyone who appears in them has agreed to it.",
    ]
    parts = ["Before Your Workshop"] * 3 + ["During Your Workshop", "After Your Workshop"] * 1
    parts += ["After Your Workshop"]
    pages = [
        [
            Text(72, 790, part, 9),
            Text(400, 790, "The Carpentries, https://carpentries.org", 9),
            Text(72, 700, line),
        ]
        for part, line in zip(parts, said, strict=True)
    ]
    assert texts(read("online.pdf", make_pdf(pages))) == said


def test_a_title_set_one_letter_a_line_up_the_pages_edge_is_no_text() -> None:
    body = [
        "The Carpentries generated $1.5M in income in 2022 to support our mission and",
        "community efforts. Sixty-eight percent of our income came through programs.",
    ]
    # (A space after each letter: PDFium reads no text object of one glyph of this font.)
    upright = [Text(42, 200 + 22 * i, f"{letter} ", 28) for i, letter in enumerate("OVERVIEW")]
    page = [Text(150, 760, "FUNDING THE MISSION", 24), *upright]
    page += [Text(150, 700 - 14 * i, line) for i, line in enumerate(body)]
    found = texts(read("report.pdf", make_pdf([page])))
    assert found == [" ".join(body)]


def test_a_figure_with_its_label_in_large_type_is_text_not_a_lost_heading() -> None:
    cover = [
        Text(72, 760, "2022 FINANCIAL REPORT", 30),
        Text(72, 700, "This report was created for transparency, planning and sustainability."),
    ]
    figures = [
        Text(137, 790, "INCOME", 30),
        Text(236, 700, "Income by Category", 18),
        Text(197, 520, "Total Income $1,495,148", 16),
        Text(137, 420, "EXPENSES", 30),
        Text(279, 300, "Expenses by Category", 18),
        Text(287, 120, "Total Expenses $2,192,066", 16),
    ]
    metrics = [
        Text(72, 790, "KEY METRICS", 30),
        Text(72, 700, "The metrics below are a few indicators of the sustainability of our work."),
    ]
    document = read("report.pdf", make_pdf([cover, figures, metrics]))
    found = texts(document)
    # Each figure is all its section holds: it is quoted with the heading that says what it is.
    assert "Income by Category\nTotal Income $1,495,148" in found
    assert "Expenses by Category\nTotal Expenses $2,192,066" in found
    assert not [b for b in document.blocks if (b.section or "").startswith("Total")]


def test_bullets_set_apart_from_their_items_are_a_list_not_a_table() -> None:
    items = ["Current Website", "Current Code Repository", "Phase 1- Mock Up"]
    page = [Text(73, 780, "Existing Resources:", 14)]
    page += [Text(91, 745 - 14 * i, f"●    {item}") for i, item in enumerate(items)]
    page.append(Text(72, 650, "The organisation selected will be contracted by our sponsor."))
    document = read("rfq.pdf", make_pdf([page]))
    assert texts(document)[0] == "\n".join(f"● {item}" for item in items)
    assert all(block.kind == "text" for block in document.blocks)


def test_a_numbered_heading_centred_in_the_texts_type_heads_its_section() -> None:
    """A paper's "1. Introduction" in small capitals, centred over its column in the type of the
    text (ethereum-yellow-paper.pdf): neither larger nor bold, yet its section's name."""
    said = [
        "With ubiquitous internet connections in most places of",
        "the world, global information transmission has become",
        "incredibly cheap, and consensus mechanisms showed that.",
        "A blockchain is a cryptographically secure state machine",
        "that moves from one state to the next with each block it",
        "records, a journal of the transactions that changed it.",
    ]
    page = [Text(139, 760, "1. Introduction", 9)]
    page += [Text(57, 740 - 11 * i, line, 9) for i, line in enumerate(said[:3])]
    page.append(Text(117, 680, "2. The Blockchain Paradigm", 9))
    page += [Text(57, 660 - 11 * i, line, 9) for i, line in enumerate(said[3:])]
    document = read("paper.pdf", make_pdf([page]))
    assert [(b.section, b.text) for b in document.blocks] == [
        ("1. Introduction", " ".join(said[:3])),
        ("2. The Blockchain Paradigm", " ".join(said[3:])),
    ]


def test_a_formulas_symbols_in_bold_head_nothing() -> None:
    said = [
        "The machine state holds the stack of the virtual machine, whose top item is written",
        "µs",
        "[0] here, the next item [1], and so on down the stack until its very last item.",
    ]
    page = [Text(72, 760, "Conventions", 14)]
    page += [Text(72, 730 - 13 * i, line) for i, line in enumerate(said)]
    document = read("paper.pdf", make_pdf([page], base14="Helvetica-Bold"))
    assert "µs" not in {b.section for b in document.blocks}


def test_emphasis_printed_again_over_its_sentence_is_read_once() -> None:
    """A designed report draws its figures and key words a second time, in bold, over the text
    ("Sixty-eight percent" over "efforts. Sixty-eight percent of our income was"): once read."""
    said = [
        "The Carpentries generated $1.5M in income in",
        "2022 to support our mission and community",
        "efforts. Sixty-eight percent of our income was",
        "generated through programs, providing just",
        "above $1M in unrestricted funds.",
    ]
    page = [Text(150, 790, "FUNDING THE MISSION", 30)]
    page += [Text(151, 753 - 26 * i, line, 16) for i, line in enumerate(said)]
    page += [Text(223, 701, "Sixty-eight percent", 16), Text(199, 649, "$1M", 16)]
    cover = [
        Text(72, 790, "2022 REPORT", 30),
        Text(72, 700, "This report was made for transparency."),
    ]
    document = read("report.pdf", make_pdf([cover, page]))
    assert texts(document)[-1] == " ".join(said)
