"""The Word reader on real .docx files (LibreOffice's import tests) and generated ones.

What a user would notice: headings as sections, the document's own title and date, a table row
quoted as one line with its cells together, numbered list items as paragraphs.
"""

from __future__ import annotations

import datetime
import io
import re
import zipfile

import docx
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml import OxmlElement, parse_xml
from docx.text.paragraph import Paragraph
from readerfiles import DOCX_FILES, OFFICE, parsed, saved, texts

from retrieval.ingest.pipeline import read

DOCX = OFFICE / "docx"


def test_the_files_are_there() -> None:
    assert len(DOCX_FILES) == 4


def test_every_file_is_read() -> None:
    for path in DOCX_FILES:
        assert parsed(path).blocks, path.name


def test_title_from_the_properties_or_the_title_style_and_date_from_the_properties() -> None:
    sop = parsed(DOCX / "2129393649.docx")
    assert (sop.title, sop.date) == ("Measuring Respiratory Rate", "2008-02-21")
    lab = parsed(DOCX / "FDO76248.docx")
    assert (lab.title, lab.date) == ("Human Population Growth", "2013-08-27")
    styles = parsed(DOCX / "tdf135144.docx")
    assert styles.title == "Examples of style use"  # a first Heading 1 before any text


def test_heading_styles_become_sections() -> None:
    document = parsed(DOCX / "tdf135144.docx")
    sections = {block.section for block in document.blocks}
    assert "Dividing a document into chapters" in sections
    assert any(
        b.section == "Dividing a document into chapters" and b.text.startswith("In a similar way")
        for b in document.blocks
    )


def test_a_table_row_is_one_block_with_its_cells_together() -> None:
    rows = [b for b in parsed(DOCX / "FDO76248.docx").blocks if b.kind == "table"]
    assert "Time (hour): 3 | Number of Organisms: 7,000" in [b.text for b in rows]


def test_numbered_list_items_are_paragraphs_under_their_heading() -> None:
    document = parsed(DOCX / "tdf121111_fillStyleNone.docx")
    # Numbered "%1" (no stop), as Word shows it: "1" before the paragraph.
    first = next(b for b in document.blocks if b.text.startswith("1 Sir Walter Elliot, of Kel"))
    assert first.section == "Proposal" and first.kind == "text"


def test_a_long_paragraph_is_never_a_section() -> None:
    for path in DOCX_FILES:
        for block in parsed(path).blocks:
            assert block.section is None or len(block.section.split()) <= 15


def test_generated_document_with_merged_cells_and_a_list() -> None:
    word = docx.Document()
    word.core_properties.title = "Branch directory"
    word.add_heading("Branches", level=1)
    word.add_paragraph("The branches of the engineering directorate are listed below.")
    table = word.add_table(rows=2, cols=3)
    table.cell(0, 0).text = "Code 582"
    table.cell(0, 1).merge(table.cell(0, 2)).text = "The Flight Software Branch builds flight code."
    table.cell(1, 0).text = "Code 581"
    table.cell(1, 1).text = "Systems Engineering"
    table.cell(1, 2).text = "Plans missions."
    word.add_paragraph("Call the branch office first.", style="List Number")
    document = read("directory.docx", saved(word))
    assert document.title == "Branch directory"
    assert [(b.section, b.kind, b.text) for b in document.blocks] == [
        ("Branches", "text", "The branches of the engineering directorate are listed below."),
        ("Branches", "table", "Code 582 | The Flight Software Branch builds flight code."),
        ("Branches", "table", "Code 581 | Systems Engineering | Plans missions."),
        ("Branches", "text", "1. Call the branch office first."),  # numbered as Word shows it
    ]
    assert texts(document)


def test_text_inside_content_controls_is_read_and_a_table_of_contents_is_not() -> None:
    word = docx.Document()
    word.add_heading("Contents", level=1)
    styles = word.styles
    toc = styles.add_style("TOC 1", WD_STYLE_TYPE.PARAGRAPH)
    word.add_paragraph("Harbour expansion\t3", style=toc)
    boxed = word.add_paragraph("The harbour committee met in spring to discuss the expansion.")
    # Wrap the paragraph in a content control (w:sdt), as Word's cover pages and templates do.
    sdt = OxmlElement("w:sdt")
    content = OxmlElement("w:sdtContent")
    boxed._p.addprevious(sdt)
    content.append(boxed._p)
    sdt.append(content)
    document = read("boxed.docx", saved(word))
    assert texts(document) == ["The harbour committee met in spring to discuss the expansion."]


def test_tracked_changes_read_as_accepted() -> None:
    word = docx.Document()
    paragraph = word.add_paragraph("The harbour committee met in ")
    inserted, deleted = OxmlElement("w:ins"), OxmlElement("w:del")
    for wrapper, tag, text in ((inserted, "w:t", "spring"), (deleted, "w:delText", "winter")):
        run, piece = OxmlElement("w:r"), OxmlElement(tag)
        piece.text = text
        run.append(piece)
        wrapper.append(run)
        paragraph._p.append(wrapper)
    paragraph.add_run(" to discuss the port.")
    document = read("tracked.docx", saved(word))
    assert texts(document) == ["The harbour committee met in spring to discuss the port."]


def test_a_form_laid_out_in_tables_inside_tables_is_read_row_by_row() -> None:
    # Work procedures, forms and CV templates put their tables inside the cells of a layout table.
    word = docx.Document()
    layout = word.add_table(rows=2, cols=2)
    header = layout.cell(0, 0).merge(layout.cell(0, 1))
    header.paragraphs[0].text = "Task: lay down tubulars"
    # Names and values: the first row is no header labelling the others.
    people = header.add_table(rows=3, cols=2)
    people.cell(0, 0).text, people.cell(0, 1).text = "Key personnel", "Drill crew and crane crew"
    people.cell(1, 0).text, people.cell(1, 1).text = "Specific PPE", "Safety harness"
    people.cell(2, 0).text, people.cell(2, 1).text = "Specific tools", "Iron roughneck"
    # A cell merged down two rows: python-docx hands it out again in the second row.
    tall = layout.cell(1, 0)
    steps = tall.add_table(rows=2, cols=2)
    steps.cell(0, 0).text, steps.cell(0, 1).text = "1", "Check the elevator size."
    steps.cell(1, 0).text, steps.cell(1, 1).text = "2", "Pull the joint and set the slips."
    layout.cell(1, 1).text = "Never turn your back to the V-door."
    layout.add_row()
    tall.merge(layout.cell(2, 0))
    layout.cell(2, 1).text = "Enforce red zones."
    document = read("procedure.docx", saved(word))
    assert texts(document) == [
        "Task: lay down tubulars",
        "Key personnel | Drill crew and crane crew",
        "Specific PPE | Safety harness",
        "Specific tools | Iron roughneck",
        "1 | Check the elevator size.",
        "2 | Pull the joint and set the slips.",
        "Never turn your back to the V-door.",
        "Enforce red zones.",
    ]


def _without_core_properties(data: bytes) -> bytes:
    """``data`` as Google Docs exports it: no docProps/core.xml, nothing pointing at it."""
    source, buffer = zipfile.ZipFile(io.BytesIO(data)), io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as target:
        for info in source.infolist():
            if info.filename.startswith("docProps/"):
                continue
            content = source.read(info)
            if info.filename in ("_rels/.rels", "[Content_Types].xml"):
                content = re.sub(rb"<(?:Relationship|Override)[^>]*docProps/[^>]*/>", b"", content)
            target.writestr(info, content)
    return buffer.getvalue()


def test_a_file_without_properties_is_named_after_the_file_and_has_no_date() -> None:
    word = docx.Document()
    word.add_paragraph("The harbour committee met in spring to discuss the expansion.")
    exported = _without_core_properties(saved(word))
    assert b"docProps/core.xml" not in exported
    document = read("harbour_minutes.docx", exported)
    assert (document.title, document.date) == ("harbour minutes", None)
    assert texts(document) == ["The harbour committee met in spring to discuss the expansion."]


def test_the_date_of_the_python_docx_template_is_not_the_documents() -> None:
    word = docx.Document()
    word.add_paragraph("The harbour committee met in spring to discuss the expansion.")
    assert read("minutes.docx", saved(word)).date is None
    word.core_properties.created = datetime.datetime(2024, 5, 6, tzinfo=datetime.UTC)
    assert read("minutes.docx", saved(word)).date == "2024-05-06"


def test_the_author_is_the_person_the_properties_name_not_the_account() -> None:
    word = docx.Document()  # python-docx's template says "python-docx" wrote it
    word.add_paragraph("The harbour committee met in spring to discuss the expansion.")
    assert read("minutes.docx", saved(word)).author is None
    word.core_properties.author = "Windows User"
    assert read("minutes.docx", saved(word)).author is None
    word.core_properties.author = "Ana Ruiz"
    assert read("minutes.docx", saved(word)).author == "Ana Ruiz"


def _with_text_box(paragraph: Paragraph, text: str) -> None:
    """Anchor a floating text box holding ``text`` in ``paragraph``, as Word writes one: a
    drawing, and the same box again as a VML fallback for old readers."""
    ns = (
        'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
        'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
        'xmlns:v="urn:schemas-microsoft-com:vml"'
    )
    box = f"<w:txbxContent><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:txbxContent>"
    xml = (
        f'<w:r {ns}><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing>{box}'
        f"</w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox>{box}</v:textbox>"
        "</v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>"
    )
    paragraph._p.append(parse_xml(xml))


def test_a_text_box_is_read_once_in_the_body_and_in_a_table() -> None:
    word = docx.Document()
    anchor = word.add_paragraph("The drama department keeps this list up to date every year.")
    _with_text_box(anchor, "IGCSE Drama Glossary")
    table = word.add_table(rows=3, cols=2)
    _with_text_box(table.cell(0, 0).paragraphs[0], "Terms for the written paper")
    table.cell(0, 0).paragraphs[0].add_run("Term")
    table.cell(0, 1).text = "Definition"
    table.cell(1, 0).text, table.cell(1, 1).text = "Blackout", "All stage lights go off at once."
    table.cell(2, 0).text, table.cell(2, 1).text = "Farce", "An extreme form of comedy."
    everything = texts(read("glossary.docx", saved(word)))
    assert sum("IGCSE Drama Glossary" in text for text in everything) == 1
    assert sum("Terms for the written paper" in text for text in everything) == 1
    assert any(text.startswith("Term: Blackout") for text in everything)  # the header unchanged


def test_a_document_set_all_in_title_and_heading_styles_is_read_as_its_lines() -> None:
    # Styles used for emphasis: without this the file was "no paragraphs of text found".
    word = docx.Document()
    word.add_paragraph("Harbour Notes", style="Title")
    word.add_paragraph("The pier reopens to ferries on the first of May.", style="Title")
    word.add_heading("Tickets are sold at the harbour office only.", level=1)
    document = read("notes.docx", saved(word))
    text = " ".join(block.text for block in document.blocks)
    assert "The pier reopens to ferries on the first of May." in text
    assert "Tickets are sold at the harbour office only." in text


def test_the_first_line_of_a_document_all_in_headings_is_read_too() -> None:
    # Taken for the title, it was in no passage: "when do backups run?" was answered with the
    # other lines.
    word = docx.Document()
    word.add_heading("Backups run every night at two in the morning.", level=1)
    word.add_heading("Passwords expire after ninety days.", level=1)
    document = read("policy.docx", saved(word))
    assert [block.text for block in document.blocks] == [
        "Backups run every night at two in the morning.",
        "Passwords expire after ninety days.",
    ]


def test_a_document_with_a_body_keeps_its_headings_as_headings() -> None:
    word = docx.Document()
    word.add_paragraph("Harbour Notes", style="Title")
    word.add_heading("Ferries", level=1)
    word.add_paragraph("The pier reopens to ferries on the first of May.")
    document = read("notes.docx", saved(word))
    assert [(b.section, b.text) for b in document.blocks] == [
        ("Ferries", "The pier reopens to ferries on the first of May.")
    ]


def test_a_line_set_in_bold_alone_heads_its_text_like_the_styled_headings() -> None:
    # "X\tATTACHMENTS" is bold in no style, among "IX\tPROCEDURE" and the others in Heading 1.
    sop = parsed(DOCX / "2129393649.docx")
    attachments = next(b for b in sop.blocks if b.text.startswith("X.A. For a list of materials"))
    assert attachments.section == "X ATTACHMENTS"
    assert not any("ATTACHMENTS" in b.text for b in sop.blocks)
    lab = parsed(DOCX / "FDO76248.docx")
    human = next(b for b in lab.blocks if b.text.startswith("The human population can also"))
    assert human.section == "*Section II: Exponential Growth"  # not "*Conclusions for Section I"


def test_bold_lines_that_head_no_text_or_give_a_value_stay_text() -> None:
    memo = parsed(DOCX / "tdf121111_fillStyleNone.docx")  # the subject right above a heading
    assert any("PERSUASION" in b.text for b in memo.blocks)
    lab = parsed(DOCX / "FDO76248.docx")  # a legend above all text, a field and its value
    assert "*-include in lab write-up" in lab.blocks[0].text
    sections = {b.section for b in lab.blocks}
    assert not sections & {"*-include in lab write-up", "*State standard: 6c"}


def test_a_glossary_table_reads_term_and_description_without_the_header_in_every_row() -> None:
    # One two-column table, header "Drama Vocabulary | Definition", 136 terms under it.
    glossary = parsed(OFFICE.parent / "docs-dev" / "docx" / "fdo68607.docx")
    rows = [b.text for b in glossary.blocks if b.kind == "table"]
    assert "Apron | The area between the front curtain and the edge of the stage." in rows
    assert not any("Drama Vocabulary" in row for row in rows)
    # A table of numbers keeps its labels: "3" alone says nothing.
    lab = [b.text for b in parsed(DOCX / "FDO76248.docx").blocks if b.kind == "table"]
    assert "Time (hour): 3 | Number of Organisms: 7,000" in lab


def test_a_title_floating_in_a_text_box_above_the_text_is_the_documents_title() -> None:
    # The glossary's properties name no title; "IGCSE Drama Glossary" floats above its table.
    glossary = parsed(OFFICE.parent / "docs-dev" / "docx" / "fdo68607.docx")
    assert glossary.title == "IGCSE Drama Glossary"
    assert "IGCSE Drama Glossary" not in texts(glossary)
    memo = parsed(DOCX / "tdf121111_fillStyleNone.docx")  # its first lines are in no text box
    assert memo.blocks[0].text.startswith("In Confidence")


def test_a_bold_note_label_heads_nothing() -> None:
    word = docx.Document()
    word.add_paragraph("This guide sets up the recorder.")
    word.add_heading("Installation", 1)
    word.add_paragraph("Unpack the archive into the folder of your choice.")
    word.add_paragraph().add_run("Warning").bold = True
    word.add_paragraph("Do not unplug the device while it is writing.")
    word.add_paragraph().add_run("Starting the service").bold = True
    word.add_paragraph("Run the service once the files are in place.")
    document = read("setup.docx", saved(word))
    unplug = next(b for b in document.blocks if b.text.endswith("while it is writing."))
    assert unplug.section == "Installation"  # "Warning" is read with the note it labels
    run = next(b for b in document.blocks if b.text.startswith("Run the service"))
    assert run.section == "Starting the service"
