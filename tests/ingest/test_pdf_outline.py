"""A PDF's headings nested by their type, and the passages cut where the office dev sets found
them cut wrongly: a card's lead cut at its thirtieth word, a form's sentence cut at its comma, a
list of the page's own headings read as text."""

from __future__ import annotations

from readerfiles import CORPORA, parsed, texts

from retrieval.ingest.parsed import Block

CARDS = CORPORA / "office-dev/pdf/18f-method-cards.pdf"
HANDBOOK = CORPORA / "office-dev/pdf/18f-state-software-budgeting.pdf"
WORKSHOPS = CORPORA / "office-dev2/pdf/carpentries-online-workshops.pdf"
W4 = CORPORA / "office-dev2/pdf/irs-form-w4-2009.pdf"
MICROTYPE = CORPORA / "docs-dev/pdf/microtype.pdf"


def _block(path: object, words: str) -> Block:
    return next(b for b in parsed(path).blocks if words in b.text)  # type: ignore[arg-type]


def test_a_cards_steps_stand_under_the_cards_name() -> None:
    """Thirty cards have a "How to do it"; set under the card's name in larger type, a step is
    cited "KJ method › How to do it", not one "How to do it" of thirty."""
    step = _block(CARDS, "Gather four or more participants for 90 minutes")
    assert (step.above[-1:], step.section) == (("KJ method",), "How to do it")
    other = _block(CARDS, "Bring plenty of Post-It notes")
    assert other.above[-1:] == ("Feature dot voting",)


def test_numbered_sections_stand_under_their_chapter() -> None:
    blocks = parsed(MICROTYPE).blocks
    protrusion = [b.above for b in blocks if b.section == "5.1 Character protrusion"]
    assert protrusion and set(protrusion) == {("5 Micro fine tuning",)}


def test_a_pull_quote_set_large_heads_no_chapter() -> None:
    """The handbook sets a sixteen-word quote large between its chapters ("Designing with and
    for users reduces project risks …"): no chapter after it is cited under it."""
    blocks = parsed(HANDBOOK).blocks
    appendix = [b for b in blocks if (b.section or "").startswith("05 Appendix")]
    assert appendix and all(b.above == () for b in appendix)
    assert not [b for b in blocks if any(len(h.split()) > 12 for h in b.above)]


def test_a_chapter_heading_right_over_its_first_section_is_kept() -> None:
    """ "Before Your Workshop" is followed at once by "Planning your workshop" / "Planning
    Checklist": the chapter heads no text of its own, but the sections under it say so."""
    block = _block(WORKSHOPS, "Use this list to be sure you have given time")
    assert block.section == "Planning Checklist"
    assert "Before Your Workshop" in block.above


def test_a_cards_lead_set_large_reads_whole_past_thirty_words() -> None:
    """The lead of "Reasons to use it" runs to a thirty-first word on its last line ("with high
    risk of disagreement."): the line is the sentence's end, not a heading over the card."""
    found = texts(parsed(CARDS))
    assert any(t.startswith("Reasons to use it To reach a consensus") and
               "larger groups of stake holders and groups with high risk of disagreement." in t
               for t in found)  # fmt: skip
    sections = {b.section for b in parsed(CARDS).blocks}
    assert "with high risk of disagreement." not in sections
    assert not [s for s in sections if s and s[:1].islower()]


def test_a_forms_sentence_cut_at_its_comma_reads_whole() -> None:
    """Line 4 of Form W-4 runs over two lines around the field's box: one sentence."""
    assert any(
        "If your last name differs from that shown on your social security card, check here."
        " You must call 1-800-772-1213 for a replacement card." in t
        for t in texts(parsed(W4))
    )


def test_a_list_of_the_pages_own_headings_is_no_text() -> None:
    """The page's "Outline" lists its headings ("• Before Your Workshop", "• Setting up" …):
    quoted, it answers any question about a section with the section's name."""
    blocks = parsed(WORKSHOPS).blocks
    assert not [b for b in blocks if b.text.startswith("• Overall Comments on Teaching Online")]
    assert any(b.section == "Overall Comments on Teaching Online" for b in blocks)
    # A checklist naming the sections with what to do in them stays.
    assert any(b.text.startswith("• Think about time") for b in blocks)


def test_a_cards_fields_read_as_label_and_value() -> None:
    """Each card sets "PHASE" and "TIME REQUIRED" small over their values in large bold type:
    the values were headings over the card's back ("DISCOVER") or lost ("SMALL")."""
    found = "\n".join(texts(parsed(CARDS)))
    assert "PHASE: DISCOVER\nTIME REQUIRED: SMALL" in found
    assert "TIME REQUIRED: MEDIUM" in found
    sections = {b.section for b in parsed(CARDS).blocks}
    assert not sections & {"DISCOVER", "DECIDE", "MAKE", "VALIDATE", "SMALL"}


def test_a_long_bold_question_wrapped_over_four_lines_heads_its_answers() -> None:
    """The handbook's question runs over four bold lines, the second too long to be a heading
    alone: it was cut into a heading, a line of text and another heading."""
    question = (
        "If the selected vendor doesn’t perform adequately, how difficult will it be to terminate"
        " the contract? How long will it take to replace them with another vendor? How much do"
        " you think that will cost?"
    )
    answer = _block(HANDBOOK, "Wrong answer: “We would be very reluctant to terminate")
    assert answer.section == question
    assert not [t for t in texts(parsed(HANDBOOK)) if t.startswith("will it be to terminate")]


def test_a_cards_lead_goes_on_past_thirty_words_into_a_parenthesis() -> None:
    block = _block(CARDS, "Static prototypes (often paper) are helpful")
    assert block.section == "Prototyping"


def test_a_figure_alone_under_its_heading_is_quoted_with_it() -> None:
    """The request's "Budget" section is one line, "● $10,000 - $25,000 USD": quoted alone it
    says nothing of what the sum is."""
    block = _block(CORPORA / "office-dev2/pdf/carpentries-website-rfq.pdf", "$10,000 - $25,000")
    assert block.text == "Budget\n● $10,000 - $25,000 USD"
    # A section of several paragraphs is not led by its heading.
    assert not [t for t in texts(parsed(WORKSHOPS)) if t.startswith("Planning Checklist\n")]


def test_a_bold_phrase_going_on_with_its_sentence_is_no_heading() -> None:
    """Form W-4 sets "and Adjustments Worksheet on page 2." and "complete all" / "worksheets"
    in bold on lines of their own, inside sentences: they were headings over what follows."""
    found = texts(parsed(W4))
    assert any(t.endswith("see the Deductions and Adjustments Worksheet on page 2.") for t in found)
    assert "For accuracy, complete all worksheets that apply." in found
    sections = {b.section for b in parsed(W4).blocks}
    assert not [s for s in sections if s and s[:1].islower()]


def test_a_contents_list_run_into_one_line_is_no_text() -> None:
    """The report's contents, "Overview: Income and Expenses 3 Financials by Quarter 4 … Key
    Metrics 6 … Concluding Remarks 8", is one line of titles and page numbers."""
    report = texts(parsed(CORPORA / "office-dev2/pdf/carpentries-2022-financial-report.pdf"))
    assert not [t for t in report if "Financials by Quarter 4 Funding the Mission 5" in t]
    assert any(t.startswith("This financial report for the 2022 fiscal year") for t in report)


def test_a_chapter_title_on_a_spreads_left_page_heads_its_right_page() -> None:
    """The handbook is set as two-page spreads; a chapter's title, set large on the left page,
    came after the right page's text (the file writes it last), inside a paragraph running on
    to the next page: "… end users regularly" / "02 Basic principles …" / "review the work"."""
    blocks = parsed(HANDBOOK).blocks
    joined = _block(HANDBOOK, "The technical team and end users regularly review the work")
    assert joined.section == "User-centered design"
    assert joined.above == ("02 Basic principles of modern software design",)
    lead = _block(HANDBOOK, "Only 13% of large government software projects are successful.")
    assert lead.section == "01 Introduction" and "State IT projects" in lead.text
    assert not [b for b in blocks if b.text.startswith("review the work")]


def test_a_pull_quote_set_larger_than_a_chapter_title_closes_no_chapter() -> None:
    """The handbook sets a sixteen-word quote in 36 pt inside chapter 02 (titled in 32 pt):
    the sections after it stand in chapter 02 still."""
    block = _block(HANDBOOK, "The product owner is the key person for any software project")
    assert (block.above, block.section) == (
        ("02 Basic principles of modern software design",),
        "Product ownership",
    )


def test_a_numbered_question_opening_with_a_bracket_is_numbered() -> None:
    """ "5.7 (How) Does Debian support Java?" is section 5.7: 5.8 stands beside it, not under."""
    faq = parsed(CORPORA / "office/pdf/debian-faq.en.pdf")
    assert not [b for b in faq.blocks if any(h.startswith("5.7 ") for h in b.above)]
