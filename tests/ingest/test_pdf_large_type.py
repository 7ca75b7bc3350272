"""PDFs whose text is set large: slides, method cards, checklists (found by the office-dev set).

A line set larger than the body is read as a heading; these are the cases where it is not: a
slide's list, a card's summary sentence under its name, the boxes of a checklist.
"""

from __future__ import annotations

from pdfmaker import Text, make_pdf, titled
from readerfiles import CORPORA, parsed, texts

from retrieval.ingest.pipeline import read

OFFICE_DEV = CORPORA / "office-dev"


def _note(y: float) -> list[Text]:
    """A note in the body's type (21 pt here), so that 32 pt is large."""
    lines = ["Note: blue and white are not conformant,", "however, logos are exceptions to",
             "this rule, so use the black logo as", "the default in every template."]  # fmt: skip
    return [Text(40, y - 26 * i, line, 21) for i, line in enumerate(lines)]


def _cover() -> list[Text]:
    return [Text(40, 780, "Brand Templates", 40), *_note(600)]


def test_a_slides_list_set_large_is_read_as_items_not_headings() -> None:
    # Keynote slides: "• Do use the black version of the" / "logo as your default." in 32 pt
    # were each a heading, which the next replaced: the slide's list was lost.
    slide = [
        Text(40, 780, "Logo Usage", 36),
        Text(40, 700, "• Do use the black version of the", 32),
        Text(60, 660, "logo as your default.", 32),
        Text(40, 600, "• Don't stretch or skew the logo.", 32),
        *_note(400),
    ]
    document = read("slides.pdf", make_pdf([_cover(), slide], base14="Helvetica"))
    items = [b for b in document.blocks if b.item]
    assert [b.text for b in items] == [
        "• Do use the black version of the logo as your default.",
        "• Don't stretch or skew the logo.",
    ]
    assert {b.section for b in items} == {"Logo Usage"}


def test_sentences_set_large_under_a_name_are_its_text() -> None:
    # A method card: its name, then what it is in large type, two sentences long, then its
    # steps in the body's type. The sentences were the section's name, and the name lost.
    card = [
        Text(40, 780, "Bodystorming", 36),
        Text(40, 740, "An improvisational brainstorm based on", 28),
        Text(40, 708, "interaction and movement with the body.", 28),
        Text(40, 660, "Reasons to use it", 28),
        *_note(600),
    ]
    document = read("cards.pdf", make_pdf([_cover(), card], base14="Helvetica"))
    summary = next(b for b in document.blocks if b.text.startswith("An improvisational"))
    assert (
        summary.text
        == "An improvisational brainstorm based on interaction and movement with the body."
    )
    assert summary.section == "Bodystorming"


def test_a_title_page_title_ending_in_a_stop_stays_the_title() -> None:
    page = [
        Text(40, 780, "MultiVae: A Python package for Multimodal", 30),
        Text(40, 746, "Autoencoders on Partial Datasets.", 30),
        *_note(600),
    ]
    document = read("paper.pdf", make_pdf([page], base14="Helvetica"))
    assert (
        document.title
        == "MultiVae: A Python package for Multimodal Autoencoders on Partial Datasets."
    )
    assert not any(b.text.startswith("MultiVae") for b in document.blocks)


def test_each_box_of_a_checklist_is_an_item() -> None:
    # "□ The project has a product owner □ The RFP will be …" was one glued paragraph.
    handbook = parsed(OFFICE_DEV / "pdf" / "18f-state-software-budgeting.pdf")
    items = [b.text for b in handbook.blocks if b.item]
    assert "□ The RFP will be no more than 20 pages in length" in items
    assert "□ A time and materials contract (with a cap) will be used" in items


def test_a_file_name_in_the_title_property_is_not_the_title() -> None:
    page = [Text(40, 780, "Using 18F's Brand Templates", 30), *_note(600)]
    pdf = titled(make_pdf([page], base14="Helvetica"), "Using_18F's_Keynote_Template")
    assert read("brand.pdf", pdf).title == "Using 18F's Brand Templates"


def test_a_ligature_read_with_a_space_after_it_is_one_word() -> None:
    # InDesign's "ﬁ" read by PDFium as "fi " ("take ﬁ ve minutes", "Oﬃ  ce of General Counsel").
    cards = parsed(OFFICE_DEV / "pdf" / "18f-method-cards.pdf")
    text = " ".join(texts(cards))
    assert "take five minutes" in text
    assert "Office of General Counsel" in text
    assert " fi ve" not in text and "specifi c" not in text


def test_a_contents_list_with_unnumbered_entries_heads_nothing() -> None:
    # A handbook's contents: numbered chapters in large type, their sections in the body's, a
    # chapter's title wrapped. The chapters were headings: the introduction on the next page
    # stood under the last, "05 Appendix 56".
    entries = [
        ("TABLE OF CONTENTS", 14), ("01 Introduction 4", 14), ("About the authors 7", 11),
        ("02 Basic principles of modern software design 8", 14), ("User-centered design 9", 11),
        ("Agile software development 10", 11),
        ("03 Best practices for budgeting and overseeing 20", 14), ("tech projects", 14),
        ("Think about risk in a new way 21", 11), ("05 Appendix 56", 14),
    ]  # fmt: skip
    contents = [Text(40, 780 - 22 * i, text, size) for i, (text, size) in enumerate(entries)]
    intro = [
        Text(40, 780 - 14 * i, line, 11)
        for i, line in enumerate(
            ["Only 13% of large government software projects are successful.",
             "State IT projects, in particular, are often challenged because",
             "states lack basic knowledge about modern software development."]
        )
    ]  # fmt: skip
    document = read("handbook.pdf", make_pdf([_cover(), contents, intro], base14="Helvetica"))
    first = next(b for b in document.blocks if b.text.startswith("Only 13%"))
    assert first.section is None
    assert not any("About the authors" in b.text for b in document.blocks)


def test_a_line_cut_by_a_footnote_mark_reads_whole_and_in_order() -> None:
    # PDFium ends a line at a raised footnote mark ("failure.¹ Projects that go wrong"), and on
    # one page took the piece after it first: "keenly interested in ensuring To accomplish
    # that, we met a good return on that investment."
    text = "\n".join(texts(parsed(OFFICE_DEV / "pdf" / "18f-state-software-budgeting.pdf")))
    assert "it cannot outsource the risk of failure. Projects that go wrong reflect back" in text
    assert "ensuring a good return on that investment. To accomplish that, we met with" in text


def test_a_drafts_line_numbers_are_no_part_of_its_text() -> None:
    # A journal's review copy numbers every line in the margin: "6 In recent years, …" was
    # quoted so, and a word hyphenated at a line's end read "represen7 tation".
    lines = [
        "In recent years, multimodal machine learning has seen significant growth,",
        "especially in representation learning and data generation. Recently, the",
        "multimodal variational autoencoders have been attracting growing interest",
        "for both tasks, thanks to their versatility, scalability and their clear",
        "interpretability as latent variable models. They are particularly useful",
        "in partially observed settings, where available datasets are incomplete.",
    ]
    page = [Text(60, 700 - 14 * i, f"{i + 6} {line}", 10) for i, line in enumerate(lines)]
    document = read("draft.pdf", make_pdf([page], base14="Helvetica"))
    text = " ".join(texts(document))
    assert text.startswith("In recent years, multimodal machine learning")
    assert "datasets are incomplete." in text
    assert not any(f" {n} " in f" {text} " for n in range(6, 12))


def test_a_list_of_short_numbered_items_keeps_its_numbers() -> None:
    items = ["1 Apples and pears", "2 Plums", "3 Cherries in season", "4 Grapes", "5 Figs"]
    page = [Text(60, 700 - 14 * i, item, 10) for i, item in enumerate(items)]
    document = read("list.pdf", make_pdf([page], base14="Helvetica"))
    assert "2 Plums" in " ".join(texts(document))


def test_a_watermark_across_every_page_heads_nothing() -> None:
    # "DRAFT" in huge type across each page of a review copy was each page's heading.
    pages = [
        [
            *[
                Text(40, 700 - 26 * i, f"Page {n}, line {i} of the review copy.", 21)
                for i in range(4)
            ],
            Text(100, 300, "DRAFT", 140),
            Text(40, 60, "Journal of Open Source Software", 9),
            Text(300, 40, str(n + 2), 9),
        ]
        for n in range(3)
    ]
    document = read("draft.pdf", make_pdf([_cover(), *pages], base14="Helvetica"))
    assert not any("DRAFT" in (b.section or "") or "DRAFT" in b.text for b in document.blocks)


def test_a_manuals_name_under_its_figure_is_its_title() -> None:
    # A diagram's labels ("f", "A B") stand above "fletcher", set large in lower case.
    body = [
        "A Typst package for diagrams with lots of arrows, built on top of",
        "CeTZ: commutative diagrams, flow charts, state machines and more.",
    ]
    cover = [
        Text(290, 760, "f", 14),
        Text(280, 740, "A B", 14),
        Text(250, 700, "fletcher", 24),
        *[Text(40, 600 - 14 * i, line, 11) for i, line in enumerate(body)],
    ]
    document = read("manual.pdf", make_pdf([cover], base14="Helvetica"))
    assert document.title == "fletcher"
    assert all(b.section is None for b in document.blocks)


def test_a_title_set_on_lines_joined_by_an_ampersand_is_whole() -> None:
    cover = [
        Text(40, 780, "Using 18F's", 40),
        Text(40, 736, "Brand Templates", 40),
        Text(40, 692, "Instructions &", 40),
        Text(40, 648, "Best Practices", 40),
        *_note(500),
    ]
    document = read("brand.pdf", make_pdf([cover], base14="Helvetica"))
    assert document.title == "Using 18F's Brand Templates Instructions & Best Practices"


def test_a_slides_title_written_after_its_list_still_heads_it() -> None:
    # Keynote writes a slide's list first and its title and lead after it: the list stood
    # under no heading, and the title headed the note below the list.
    slide = [
        Text(40, 600, "• Do use the black version of the logo.", 32),
        Text(40, 550, "• Don't stretch or skew the logo.", 32),
        Text(40, 780, "Logo Usage", 36),
        Text(40, 700, "Step 1 Step 2 Step 3", 26),
        *_note(450),
    ]
    document = read("slides.pdf", make_pdf([_cover(), slide], base14="Helvetica"))
    items = [b for b in document.blocks if b.item]
    assert [b.section for b in items] == ["Logo Usage", "Logo Usage"]
    assert document.blocks[-1].section == "Logo Usage"


def test_a_column_of_text_beside_a_boxed_checklist_is_no_table() -> None:
    # A spread: a checklist in a ruled box on the left page, text on the right; the box's
    # border made the two a grid, read as rows ("□ APIs will use open schemas | sprint, working
    # code must be delivered to the agency for its review,").
    blocks = parsed(OFFICE_DEV / "pdf" / "18f-state-software-budgeting.pdf").blocks
    text = "\n".join(b.text for b in blocks if b.page == 18)
    assert "must be provided to end users within no more than six months of the contract" in text
    assert any(b.text.startswith("□ APIs will use open schemas") for b in blocks if b.item)
    assert not [b for b in blocks if b.page == 18 and b.kind == "table"]


def test_each_key_question_set_with_a_question_mark_bullet_is_an_item() -> None:
    # "? Are the data formats … vendors? ? Keeping a software system up-to-date …" was one.
    blocks = parsed(OFFICE_DEV / "pdf" / "18f-state-software-budgeting.pdf").blocks
    items = [b.text for b in blocks if b.item]
    assert "? Are the data formats standardized, open, and usable by other vendors?" in items


def test_a_tables_cells_in_small_letters_are_still_a_table() -> None:
    # The rule above must not take a table's short cells in lower case ("gnu | stuffed",
    # "emu") for a paragraph's lines.
    booktabs = parsed(CORPORA / "docs-dev" / "pdf" / "booktabs.pdf")
    rows = [b.text for b in booktabs.blocks if b.kind == "table"]
    assert "gnu | stuffed | 92.50" in rows
    assert "Animal: Gnu | Description: stuffed | Price ($): 92.50" in rows


def test_a_slides_step_labels_lead_their_columns() -> None:
    """ "Step 1 Step 2 Step 3" stands over a slide's three columns, one line to PDFium: it was
    glued to the first step alone; each step now says which it is."""
    slides = texts(parsed(OFFICE_DEV / "pdf/18f-using-templates-slides.pdf"))
    assert "Step 1 Step 2 Step 3" not in "\n".join(slides)
    assert any(t.startswith("Step 2 In the 18F brand colors folder, select") for t in slides)
    assert any(t.startswith("Step 3 You now have access to 18F’s brand colors") for t in slides)
