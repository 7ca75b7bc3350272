"""Tables in PDFs read row by row (issue 12): price lists, tariffs, statistics, forms of rules.

What a user would notice: a question about one row of a table ("what is the standing charge in
London?") is answered by that row, whole, with the labels of its columns beside its figures;
the rows of a ruled table are not run together into one long paragraph, a cell wrapped onto a
second line stays in its row, the table's caption heads its rows, and the notes under it read as
text. Pages without tables read as before: a contents list, a back-of-book index, a page of two
columns or a list of terms and descriptions are no tables.

The PDFs are real files nobody here wrote (tests/ingest/fixtures/SOURCES.md), besides the eval
corpora's manuals and a few pages written by :mod:`pdfmaker`.
"""

from __future__ import annotations

from pathlib import Path

from pdfmaker import Text, make_pdf
from readerfiles import CORPORA, OFFICE, parsed

from retrieval.ingest.parsed import Block
from retrieval.library import Library

FIXTURES = Path(__file__).resolve().parent / "fixtures"
TARIFF = FIXTURES / "good_energy.pdf"  # a supplier's tariff label: prices by region
ENGINES = FIXTURES / "diesel_engines.pdf"  # a classification society's rules: ruled tables
WINES = FIXTURES / "detect_vertical_false.pdf"  # a wine list: names and prices
SURVEY = FIXTURES / "eu-002.pdf"  # a report's tables of correlations


def _rows(path: Path) -> list[Block]:
    return [block for block in parsed(path).blocks if block.kind == "table"]


def _row(path: Path, *words: str) -> Block:
    found = [row for row in _rows(path) if all(word in row.text for word in words)]
    assert found, words
    return found[0]


def test_a_row_of_a_tariff_keeps_its_figures_with_their_columns_labels() -> None:
    """The regional table of a tariff label has its header over two lines ("Standing Charge" /
    "p/day") above rows of figures: each row is one block, each figure with its label."""
    london = _row(TARIFF, "London", "54.69")
    assert london.text.startswith("Region: London | Region no.: 12 | ")
    assert "Standing Charge p/day: 54.69" in london.text
    assert "Unit Rate p/kWh: 25.25" in london.text
    assert london.page == 1
    regions = [row for row in _rows(TARIFF) if row.text.startswith("Region: ")]
    assert len({row.text.split(" | ")[0] for row in regions}) >= 14  # one row per region


def test_a_question_about_one_region_is_answered_by_its_row(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "tariff.pdf").write_bytes(TARIFF.read_bytes())
    library = Library.open(tmp_path / "corpus.db", corpus)
    try:
        hit = library.answer("What is the standing charge in North Scotland?").hits[0]
    finally:
        library.close()
    assert hit.passage.text.startswith("Region: North Scotland | ")
    assert "East England" not in hit.passage.text  # the row alone, not the table run together


def test_a_ruled_table_reads_row_by_row_under_its_caption() -> None:
    """Bureau Veritas's rules list documents in ruled tables: a number and an item per row, an
    item wrapped over two lines (and hyphenated there), notes under the table inside its frame."""
    wrapped = _row(ENGINES, "Shielding and insulation of exhaust pipes")
    assert wrapped.text.startswith("No.: 20 | ")
    assert wrapped.text.endswith("as a result of a fuel system failure, assembly")
    assert wrapped.section == "Table 1 : Document to be submitted for information, as applicable"
    assert wrapped.above  # the section the table stands in, above its caption
    assert _row(ENGINES, "Flywheel").text == "No.: 18 | Item: Flywheel"
    note = next(b for b in parsed(ENGINES).blocks if b.text.startswith("(1) If integral"))
    assert note.kind == "text"


def test_a_price_list_keeps_each_wine_with_its_price() -> None:
    assert _row(WINES, "Montvac « Melodine »").text == "Domaine de Montvac « Melodine » 2016 | 10 €"
    assert _row(WINES, "Château Léoube").text == "Château Léoube 2016 | 10 €"


def test_a_table_of_figures_labels_each_figure_with_its_column() -> None:
    row = _row(SURVEY, "Foreign language competence", "0,3057")
    assert row.text == (
        "Foreign language competence | Preperation and planing: 0,3057"
        " | Production of materials: 0,4184 | Presentation and evaluation: 0,3899"
    )


def test_a_small_table_in_a_manual_is_read_by_its_labels() -> None:
    """A TeX manual's table whose top left corner is empty: rows named, columns labelled."""
    rows = [row.text for row in _rows(OFFICE / "pdf" / "developers-reference.pdf")]
    assert "testing | alpha: 1 | arm: 1 | hurd-i386: -" in rows
    assert "unstable | alpha: 2 | arm: - | hurd-i386: 1" in rows


def test_contents_indexes_and_two_columns_of_text_are_no_tables() -> None:
    """Text set in columns is not a table: the Debian FAQ, LaTeX News (two columns, a contents
    list beside the text), booktabs' back-of-book index in three columns, a caption manual."""
    for path in (
        OFFICE / "pdf" / "debian-faq.en.pdf",
        OFFICE / "pdf" / "ltnews35.pdf",
        CORPORA / "docs-dev2" / "pdf" / "titlesec.pdf",
        CORPORA / "docs-dev2" / "pdf" / "enumitem.pdf",
    ):
        assert not _rows(path), path.name
    booktabs = parsed(CORPORA / "docs-dev" / "pdf" / "booktabs.pdf").blocks
    assert not [b for b in booktabs if b.kind == "table" and (b.page or 0) >= 10]
    # clsguide's only rows: a command in typewriter type beside what it prints
    # ("\\uppercase{aBcD\\ae\\AA\\ss\\OE} | ABCDæÅߌ"), once one run-on line
    rows = _rows(OFFICE / "pdf" / "clsguide.pdf")
    assert [row.text.split(" | ")[0] for row in rows] == [
        "\\uppercase{aBcD\\ae\\AA\\ss\\OE}",
        "\\lowercase{aBcD\\ae\\AA\\ss\\OE}",
        "\\MakeUppercase{aBcD\\ae\\AA\\ss\\OE}",
        "\\MakeLowercase{aBcD\\ae\\AA\\ss\\OE}",
    ]


def _page_of(lines: list[tuple[float, float, str]]) -> bytes:
    return make_pdf([[Text(x, y, text, 10) for x, y, text in lines]], base14="Helvetica")


def test_a_table_set_without_rules_is_found_by_its_columns(tmp_path: Path) -> None:
    """Columns of short cells with wide gaps, a header of labels above figures."""
    rows = [
        ("Model", "Weight (kg)", "Power (kW)"),
        ("D-100", "420", "75"),
        ("D-200", "515", "110"),
        ("D-300", "640", "160"),
    ]
    lines = [(72, 700, "The engines we sell are listed below with their weight and power.")]
    for number, row in enumerate(rows):
        lines += [(x, 670 - 16 * number, cell) for x, cell in zip((72, 220, 360), row, strict=True)]
    lines.append((72, 580, "Prices are given on request from the sales office in Hamburg."))
    path = tmp_path / "engines.pdf"
    path.write_bytes(_page_of(lines))
    blocks = parsed(path).blocks
    assert [b.text for b in blocks if b.kind == "table"] == [
        "Model: D-100 | Weight (kg): 420 | Power (kW): 75",
        "Model: D-200 | Weight (kg): 515 | Power (kW): 110",
        "Model: D-300 | Weight (kg): 640 | Power (kW): 160",
    ]
    assert blocks[0].text.startswith("The engines we sell") and blocks[0].kind == "text"
    assert blocks[-1].text.startswith("Prices are given") and blocks[-1].kind == "text"


def test_terms_and_their_descriptions_are_no_table(tmp_path: Path) -> None:
    """A list of options, each name left of a sentence describing it, is a list."""
    terms = [
        ("compact", "reduces the spacing between the items of the list"),
        ("nosep", "removes all vertical spacing around and inside the list"),
        ("wide", "sets the label in the text so that the item starts at the margin"),
    ]
    lines = [
        (x, 700 - 16 * number, cell)
        for number, term in enumerate(terms)
        for x, cell in zip((72, 200), term, strict=True)
    ]
    path = tmp_path / "options.pdf"
    path.write_bytes(_page_of(lines))
    blocks = parsed(path).blocks
    assert all(block.kind == "text" for block in blocks)
    assert "compact reduces the spacing between the items of the list" in blocks[0].text


def test_a_table_over_several_pages_keeps_the_rows_at_the_tops_of_its_pages(tmp_path: Path) -> None:
    """Rows alike at the top of every page (digits aside) are rows, not a running header."""
    pages = []
    for page in range(4):
        rows = [("Model", "Weight (kg)", "Power (kW)")] + [
            (f"D-{page}0{k}", f"{400 + 10 * k + page}", f"{70 + k}") for k in range(1, 4)
        ]
        pages.append(
            [
                Text(x, 780 - 16 * number, cell, 10)
                for number, row in enumerate(rows)
                for x, cell in zip((72, 220, 360), row, strict=True)
            ]
            + [
                Text(72, 700 - 14 * k, f"The engines of series {page} are built in Kiel {k}.", 10)
                for k in range(8)
            ]
        )
    path = tmp_path / "catalogue.pdf"
    path.write_bytes(make_pdf(pages, base14="Helvetica"))
    rows = [block.text for block in parsed(path).blocks if block.kind == "table"]
    assert len(rows) == 12
    assert "Model: D-201 | Weight (kg): 412 | Power (kW): 71" in rows


def test_a_statistical_table_with_leaders_keeps_each_name_with_its_figures(
    tmp_path: Path,
) -> None:
    """A statistical abstract runs each row's name into its figures along a leader ("Violent
    crime . . . . 467.9"); a contents list's leaders end in one page number and stay contents."""
    rows = [
        ("Violent crime", "467.9", "69.1", "398.8"),
        ("Robbery", "102.1", "25.5", "76.6"),
        ("Burglary", "240.9", "60.3", "180.6"),
        ("Arson", "9.8", "4.3", "5.5"),
    ]
    lines = [(72, 700, "Arrests by offence, in thousands, for the year 2009.")]
    lines += [
        (72 + 90 * k, 680, label)
        for k, label in enumerate(("Offence", "Total", "Under 18", "Adults"))
    ]
    for number, (name, *figures) in enumerate(rows):
        y = 664 - 16 * number
        lines.append((72, y, f"{name} " + ". " * (20 - len(name) // 2)))
        lines += [(172 + 90 * k, y, figure) for k, figure in enumerate(figures)]
    contents = [
        (72, 760 - 16 * k, f"{k + 1} Chapter {k + 1} " + ". " * 30 + f"{3 * k + 1}")
        for k in range(4)
    ]
    path = tmp_path / "abstract.pdf"
    path.write_bytes(
        make_pdf(
            [[Text(x, y, t, 10) for x, y, t in contents], [Text(x, y, t, 10) for x, y, t in lines]],
            base14="Helvetica",
        )
    )
    tables = [block for block in parsed(path).blocks if block.kind == "table"]
    assert [block.page for block in tables] == [2, 2, 2, 2]
    assert (
        tables[0].text == "Offence: Violent crime | Total: 467.9 | Under 18: 69.1 | Adults: 398.8"
    )
    assert tables[3].text == "Offence: Arson | Total: 9.8 | Under 18: 4.3 | Adults: 5.5"


def test_a_first_cell_wrapped_mid_phrase_stays_in_its_row() -> None:
    """A row's name wrapped onto a line of its own ("Metrics: {Likelihood, Coherences, FIDs,"
    / "Reconstruction, Clustering}", "pumps (oil, water," / "fuel, bilge) other") was a row
    of its own, cut from the row's figures."""
    paper = [b.text for b in parsed(CORPORA / "office-dev/pdf/multivae-joss-paper.pdf").blocks]
    assert "Metrics: {Likelihood, Coherences, FIDs, Reconstruction, Clustering} | ✓" in paper
    assert "Reconstruction, Clustering}" not in paper
    rules = [b.text for b in parsed(FIXTURES / "diesel_engines.pdf").blocks]
    assert any(t.startswith("pumps (oil, water, fuel, bilge) other") for t in rules)


def test_a_captions_word_hyphenated_at_its_line_end_is_one_word() -> None:
    """PDFium marks the join of "instruc-" / "tion." (U+FFFE); in a caption, the rows' section,
    the mark stayed: "instruc\ufffetion" matched no "instruction" and showed as a box."""
    spec = parsed(CORPORA / "office-dev2/pdf/riscv-user-isa-v2.2.pdf")
    caption = "Table 2.1: Return-address stack prediction hints encoded in register specifiers"
    sections = {b.section for b in spec.blocks if (b.section or "").startswith(caption)}
    assert sections and all("\ufffe" not in s and "used in the instruction." in s for s in sections)


def test_a_sentence_naming_a_table_is_not_its_caption() -> None:
    """ "Table 22.1 summarizes the standardized subset names." stands over the table and
    names it; the caption is under it ("Table 22.1: Standard ISA subset names. …")."""
    spec = parsed(CORPORA / "office-dev2/pdf/riscv-user-isa-v2.2.pdf")
    rows = [b for b in spec.blocks if b.kind == "table" and "Name: M" in b.text]
    caption = "Table 22.1: Standard ISA subset names"
    assert rows and all((b.section or "").startswith(caption) for b in rows)
    assert "Table 22.1 summarizes the standardized subset names." in [b.text for b in spec.blocks]
