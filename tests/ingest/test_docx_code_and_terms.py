"""Word manuals: code set in a code style, and lists of options laid out as bold terms.

Built here in the shape of a real manual (rricharz/Tek4010's, indexed by a tester): its commands
in a "Code" paragraph style built on its body style "body", its command-line options each a bold
line ("-exit") over a paragraph of description, a "Heading 2" after them. Quoted, the install
steps stopped at "reboot the system with" (the command was prose, cut off), and every option was
a section, the next real heading cited "-h, --help › APL mode".
"""

from __future__ import annotations

import docx
from docx.document import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from readerfiles import CORPORA, parsed, saved

from retrieval.ingest.parsed import ParsedDocument
from retrieval.ingest.pipeline import read

OPTIONS = {
    "-exit": "Close the window after the command has finished.",
    "-raw": "Do not execute an automatic carriage return (CR) after a line feed (LF).",
    "-tab1": "Insert a blank instead of a tab to the next 8-character column.",
    "-h, --help": "Display a list of available options.",
}


def _read(word: Document, name: str = "manual.docx") -> ParsedDocument:
    return read(name, saved(word))


def _manual() -> Document:
    word = docx.Document()
    body = word.styles.add_style("body", WD_STYLE_TYPE.PARAGRAPH)
    code = word.styles.add_style("Code", WD_STYLE_TYPE.PARAGRAPH)
    code.base_style = body
    word.add_heading("Getting started", 1)
    word.add_paragraph("Compile the program on the target system:", style=body)
    word.add_paragraph("", style=body)
    for line in ("cd ~/Tek4010", "make", "make install"):
        word.add_paragraph(line, style=code)
    word.add_paragraph("", style=body)
    word.add_paragraph("If this is your first installation, reboot the system with", style=body)
    word.add_paragraph("sudo reboot", style=code)
    word.add_paragraph("Start tek4010 in terminal mode.", style=body)
    word.add_heading("Advanced features", 1)
    word.add_heading("Command line options", 2)
    word.add_paragraph("The following options are available:", style=body)
    for option, description in OPTIONS.items():
        word.add_paragraph(style=body).add_run(option).bold = True
        word.add_paragraph(description, style=body)
    word.add_heading("APL mode", 2)
    word.add_paragraph("A Tektronix 4013 terminal is emulated with the APL set.", style=body)
    return word


def test_code_styled_paragraphs_are_code_with_the_sentence_introducing_them() -> None:
    blocks = _read(_manual()).blocks
    codes = [(b.text, b.code) for b in blocks if b.kind == "code"]
    assert codes == [
        ("Compile the program on the target system:", "cd ~/Tek4010\nmake\nmake install"),
        ("If this is your first installation, reboot the system with", "sudo reboot"),
    ]
    assert any(b.text == "Start tek4010 in terminal mode." and not b.code for b in blocks)


def test_bold_options_over_their_descriptions_are_terms_not_headings() -> None:
    blocks = _read(_manual()).blocks
    # (the sentence introducing the list is joined to its first entry, as to any paragraph)
    described = [b for b in blocks if b.text.split("\n")[-1].startswith("-")]
    assert [b.text.split("\n")[-1] for b in described] == [f"{o}: {d}" for o, d in OPTIONS.items()]
    assert {(b.above, b.section) for b in described} == {
        (("Advanced features",), "Command line options")
    }
    apl = next(b for b in blocks if b.text.startswith("A Tektronix 4013"))
    assert (apl.above, apl.section) == (("Advanced features",), "APL mode")


def test_a_style_set_in_a_fixed_pitch_font_is_code() -> None:
    word = docx.Document()
    listing = word.styles.add_style("Terminal", WD_STYLE_TYPE.PARAGRAPH)
    listing.font.name = "Consolas"
    fonts = word.part.part_related_by(RT.FONT_TABLE)
    fonts._blob = fonts.blob.replace(  # the font table says Consolas is fixed-pitch
        b"</w:fonts>", b'<w:font w:name="Consolas"><w:pitch w:val="fixed"/></w:font></w:fonts>'
    )
    word.add_heading("Backups", 1)
    word.add_paragraph("The nightly job runs this:")
    word.add_paragraph("rsync -a /srv/data backup:/srv", style=listing)
    word.add_paragraph("It keeps seven copies.")
    word.add_paragraph("Old copies are deleted by the job itself.")
    document = _read(word)
    assert [(b.kind, b.text, b.code) for b in document.blocks][:2] == [
        ("code", "The nightly job runs this:", "rsync -a /srv/data backup:/srv"),
        ("text", "It keeps seven copies.", ""),
    ]


def test_a_document_typed_all_in_a_code_style_stays_text() -> None:
    """A memo typed in Word's "Macro Text" style (Courier) all through: its body, not code."""
    word = docx.Document()
    word.add_heading("Memo", 1)
    for line in ("The office closes early on Friday.", "Please lock the back door."):
        word.add_paragraph(line, style="macro")
    document = _read(word)
    assert [(b.kind, b.text) for b in document.blocks] == [
        ("text", "The office closes early on Friday."),
        ("text", "Please lock the back door."),
    ]


def test_a_bold_line_over_several_paragraphs_is_still_a_heading() -> None:
    word = docx.Document()
    word.add_heading("Setup", 1)
    word.add_paragraph("Unpack the archive.")
    word.add_paragraph().add_run("Starting the service").bold = True
    word.add_paragraph("Run the service once the files are in place.")
    word.add_paragraph("It starts again after a reboot.")
    run = next(b for b in _read(word).blocks if b.text.startswith("Run the service"))
    assert run.section == "Starting the service"


def test_a_scripts_commands_in_a_code_style_are_code_though_as_many_as_its_paragraphs() -> None:
    """A teaching script sets each command on a line of its own in its "Code" style: as many
    paragraphs as its prose (215 of 430), a fraction of its text. They are code, each run
    with the sentence before it; the prose around them is not."""
    path = CORPORA / "office-dev2/docx/swc-python-intro-script.docx"
    blocks = parsed(path).blocks
    code = [b for b in blocks if b.code]
    assert any(b.code.startswith("print planet\nmoon = 'Charon'") for b in code)
    assert any(b.text == "Variables are just names." and not b.code for b in blocks)
