"""Word files as an admin brings them, found odd in a sweep of public test files (Apache POI's,
mammoth's, python-docx's): each is made here with python-docx, shaped as the real one was."""

from __future__ import annotations

import io
import re
import zipfile
from typing import Any

import docx
from docx.oxml import parse_xml
from readerfiles import rebuilt, refusal, saved, texts

from retrieval.ingest.pipeline import read

# The transitional names and their ISO 29500 Strict forms, as Word's "Strict Open XML Document"
# writes them (mammoth's strict-format.docx).
_TO_STRICT = re.compile(
    rb"http://schemas\.openxmlformats\.org/(wordprocessingml|drawingml|officeDocument)/2006/"
)


def _strict(data: bytes) -> bytes:
    """A .docx saved again as Word saves a Strict Open XML document: same parts, Strict names."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as written:
        for info in source.infolist():
            part = source.read(info)
            if info.filename.endswith((".xml", ".rels")):
                part = _TO_STRICT.sub(rb"http://purl.oclc.org/ooxml/\1/", part)
            written.writestr(info, part)
    return out.getvalue()


def test_a_strict_open_xml_document_is_read_as_any_word_file() -> None:
    # It was skipped as "damaged: not a Word document": python-docx found no main document.
    word = docx.Document()
    word.add_paragraph("City Archive", style="Title")
    word.add_heading("Opening hours", level=1)
    word.add_paragraph("The archive opens at nine on weekdays and is closed on public holidays.")
    table = word.add_table(rows=2, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "Room", "Floor"
    table.cell(1, 0).text, table.cell(1, 1).text = "Reading room", "Second"
    data = _strict(saved(word))
    assert b"purl.oclc.org/ooxml/wordprocessingml/main" in zipfile.ZipFile(io.BytesIO(data)).read(
        "word/document.xml"
    )
    document = read("archive.docx", data)
    assert document.title == "City Archive"
    blocks = [(block.section, block.text) for block in document.blocks]
    assert (
        "Opening hours",
        "The archive opens at nine on weekdays and is closed on public holidays.",
    ) in blocks
    assert any("Reading room" in text and "Second" in text for _, text in blocks)


def test_a_document_whose_one_line_is_a_text_box_is_read() -> None:
    # A diagram's label in a floating box and nothing else (mammoth's text-box.docx): the line
    # was taken for the title, and the file skipped as "no paragraphs of text found".
    word = docx.Document()
    anchor = word.add_paragraph()
    ns = (
        'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
        'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
        'xmlns:v="urn:schemas-microsoft-com:vml"'
    )
    box = "<w:txbxContent><w:p><w:r><w:t>Datum plane</w:t></w:r></w:p></w:txbxContent>"
    anchor._p.append(
        parse_xml(
            f'<w:r {ns}><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing>{box}'
            f"</w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox>{box}"
            "</v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>"
        )
    )
    assert texts(read("figure.docx", saved(word))) == ["Datum plane"]


def _in_content_control(elements: list[Any]) -> None:
    """Wrap ``elements`` (rows of a table, or a cell of a row) in one content control, as Word's
    repeating sections and cell controls do."""
    parent = elements[0].getparent()
    sdt = parse_xml(
        '<w:sdt xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        '<w:sdtPr><w:alias w:val="Rows"/></w:sdtPr><w:sdtContent/></w:sdt>'
    )
    parent.insert(parent.index(elements[0]), sdt)
    for element in elements:
        sdt[1].append(element)


def test_rows_and_cells_inside_content_controls_are_read() -> None:
    # A form's repeating section wraps its rows in a content control, and a cell may be one
    # (Apache POI's Bug54849.docx): python-docx sees neither, and their text was lost.
    word = docx.Document()
    word.add_paragraph("Visitors signed in at the front desk this week.")
    table = word.add_table(rows=4, cols=2)
    rows = [("Name", "Arrived"), ("Ines Moreau", "Monday"), ("Tom Becker", "Tuesday")]
    rows.append(("Ana Ruiz", "Friday"))
    for row, (name, day) in zip(table.rows, rows, strict=True):
        row.cells[0].text, row.cells[1].text = name, day
    last_day = table.rows[3].cells[1]._tc
    _in_content_control([row._tr for row in table.rows[1:3]])
    _in_content_control([last_day])
    everything = " ".join(texts(read("visitors.docx", saved(word))))
    for name, day in rows[1:]:
        assert name in everything and day in everything


def _retyped(data: bytes, content_type: bytes) -> bytes:
    """A .docx whose main part has ``content_type``, as Word saves a template or macros."""
    return rebuilt(
        data,
        "[Content_Types].xml",
        lambda types: types.replace(
            b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
            content_type,
        ),
    )


def test_a_word_template_and_a_document_with_macros_are_read() -> None:
    # They were "unsupported type (.dotx)": an office's letterhead template, a form with macros.
    word = docx.Document()
    word.add_heading("Leave request", level=1)
    word.add_paragraph("Send the form to the office manager two weeks before the leave starts.")
    data = saved(word)
    kinds = {
        "leave.dotx": b"application/vnd.openxmlformats-officedocument.wordprocessingml."
        b"template.main+xml",
        "leave.docm": b"application/vnd.ms-word.document.macroEnabled.main+xml",
        "leave.dotm": b"application/vnd.ms-word.template.macroEnabledTemplate.main+xml",
    }
    for name, content_type in kinds.items():
        document = read(name, _retyped(data, content_type))
        assert texts(document) == [
            "Send the form to the office manager two weeks before the leave starts."
        ], name


def test_a_word_file_cut_short_is_said_to_be() -> None:
    # A copy or download cut short ends before the zip's directory: "not a Word document" sent
    # the admin looking for another format (Apache POI's truncated62886.docx).
    word = docx.Document()
    word.add_paragraph("The minutes of the March meeting.")
    data = saved(word)
    assert refusal("minutes.docx", data[: len(data) * 2 // 3]) == (
        "damaged: the file is cut short (copy it again)"
    )


def test_a_word_file_with_two_sets_of_properties_is_read_without_them() -> None:
    # Which one is the document's? python-docx raised, and the reload reported the reader failed
    # (Apache POI's OnlyOneCorePropertiesPartFAIL.docx).
    word = docx.Document()
    word.core_properties.title = "Minutes"
    word.add_paragraph("The minutes of the March meeting.")
    data = saved(word)
    core = zipfile.ZipFile(io.BytesIO(data)).read("docProps/core.xml")
    data = rebuilt(
        data,
        "_rels/.rels",
        lambda rels: rels.replace(
            b"</Relationships>",
            b'<Relationship Id="rId99" Type="http://schemas.openxmlformats.org/package/2006/'
            b'relationships/metadata/core-properties" Target="docProps/core2.xml"/>'
            b"</Relationships>",
        ),
    )
    buffer = io.BytesIO(data)
    with zipfile.ZipFile(buffer, "a") as package:
        package.writestr("docProps/core2.xml", core)
    document = read("minutes.docx", buffer.getvalue())
    assert texts(document) == ["The minutes of the March meeting."]


def _check_box(ticked: bool) -> Any:
    """A form's check box (Developer › Legacy Tools › Check Box), ticked or not: a field."""
    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    state = "<w:checked/>" if ticked else '<w:checked w:val="0"/>'
    return [
        parse_xml(
            f'<w:r {w}><w:fldChar w:fldCharType="begin"><w:ffData><w:name w:val="Check1"/>'
            f'<w:checkBox><w:sizeAuto/><w:default w:val="0"/>{state}</w:checkBox></w:ffData>'
            "</w:fldChar></w:r>"
        ),
        parse_xml(f'<w:r {w}><w:instrText xml:space="preserve"> FORMCHECKBOX </w:instrText></w:r>'),
        parse_xml(f'<w:r {w}><w:fldChar w:fldCharType="end"/></w:r>'),
    ]


def test_a_forms_check_boxes_read_as_ticked_or_not() -> None:
    # Which box is ticked is the answer a form gives ("Vaccinated: ☒ yes ☐ no"); the boxes were
    # not read at all (Apache POI's checkboxes.docx).
    word = docx.Document()
    answer = word.add_paragraph("The applicant holds a driving licence: ")
    for ticked, label in ((True, " yes "), (False, " no")):
        for run in _check_box(ticked):
            answer._p.append(run)
        answer.add_run(label)
    alone = word.add_paragraph()  # a box whose label stands elsewhere: an empty one says nothing
    for run in _check_box(False):
        alone._p.append(run)
    assert texts(read("application.docx", saved(word))) == [
        "The applicant holds a driving licence: ☒ yes ☐ no"
    ]
