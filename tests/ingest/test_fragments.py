"""Short fragments (a caption, a label, a syntax line, a one-word answer) are read with the text
they belong to, never quoted as passages of their own; a text file's lines are left as they are."""

from __future__ import annotations

import io

import docx

from retrieval.ingest.parsed import Block
from retrieval.ingest.pipeline import read
from retrieval.ingest.readers.fragments import merge_fragments

DESCRIPTION = "A rule of width w with space above it and extra vertical space inserted below it."


def test_a_syntax_line_heads_the_description_that_follows_it() -> None:
    blocks = [Block("\\toprule[wd]", "Commands", page=7), Block(DESCRIPTION, "Commands", page=7)]
    merged = merge_fragments(blocks)
    assert [b.text for b in merged] == [f"\\toprule[wd]\n{DESCRIPTION}"]
    assert merged[0].page == 7 and merged[0].section == "Commands"


def test_a_table_caption_and_header_cells_stay_with_the_table() -> None:
    texts = ["Predefined font sets", "Set name Font attributes", "all ∅ ∅ ∅", DESCRIPTION]
    merged = merge_fragments([Block(text, "Fonts", page=11) for text in texts])
    assert len(merged) == 1 and merged[0].text.startswith("Predefined font sets\n")


def test_a_one_word_answer_stays_with_its_question() -> None:
    question = "What is the meaning of life, the universe and everything?"
    merged = merge_fragments([Block(question, "Q"), Block("42", "Q"), Block(DESCRIPTION, "Q")])
    assert [b.text for b in merged] == [f"{question}\n42", DESCRIPTION]


def test_a_fragment_never_crosses_a_section_or_a_page() -> None:
    blocks = [
        Block(DESCRIPTION, "One", page=1),
        Block("Table 3", "One", page=1),
        Block(DESCRIPTION, "One", page=2),
        Block("Options:", "Two", page=2),
    ]
    merged = merge_fragments(blocks)
    assert [b.text for b in merged] == [f"{DESCRIPTION}\nTable 3", DESCRIPTION, "Options:"]
    assert [b.page for b in merged] == [1, 2, 2]


def test_sentences_code_and_table_rows_are_never_fragments() -> None:
    blocks = [
        Block("Never use double rules.", "S"),
        Block("Run this:", "S", kind="code", code="make"),
        Block("Code 582 | Branch", "S", kind="table"),
    ]
    assert merge_fragments(blocks) == blocks


def test_a_caption_in_a_word_file_is_quoted_with_its_paragraph() -> None:
    word = docx.Document()
    word.add_paragraph("Figure 2")
    word.add_paragraph(DESCRIPTION)
    buffer = io.BytesIO()
    word.save(buffer)
    document = read("guide.docx", buffer.getvalue())
    assert [b.text for b in document.blocks] == [f"Figure 2\n{DESCRIPTION}"]


def test_a_text_file_keeps_its_short_lines() -> None:
    text = f"Title\n\nCommands\n\n    make all\n    make install\n\n{DESCRIPTION}\n"
    document = read("notes.txt", text.encode())
    assert any(b.text == DESCRIPTION for b in document.blocks)


def test_headings_of_html_inside_markdown_do_not_head_the_pages_sections() -> None:
    source = (
        "# Options\n\n## show_root_heading\n\nShow the heading of the object.\n\n"
        "<div><h2><code>ClassA</code></h2>\n<p>Docstring of class A.</p></div>\n\n"
        f"{DESCRIPTION}\n"
    )
    document = read("options.md", source.encode())
    assert {b.section for b in document.blocks} == {"show_root_heading"}
    assert any("ClassA" in b.text for b in document.blocks)


def test_a_sentence_introducing_a_paragraph_is_quoted_with_it() -> None:
    page = (
        "<html><body><h1>Unicode</h1><h2>Tips</h2><p>The most important tip is:</p>"
        "<blockquote><p>Software should only work with Unicode strings internally.</p>"
        "</blockquote><p>Other advice follows here, in a paragraph of its own.</p></body></html>"
    )
    document = read("tips.html", page.encode())
    assert [b.text for b in document.blocks] == [
        "The most important tip is:\nSoftware should only work with Unicode strings internally.",
        "Other advice follows here, in a paragraph of its own.",
    ]
