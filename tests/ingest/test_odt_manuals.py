"""The OpenDocument reader on eProsima's Fast RTPS manuals (tests/ingest/fixtures/fastrtps/),
written in LibreOffice from an old template: what a user asking about them would notice.

Code examples and commands are boxes (tables of one cell, one paragraph a line): quoted as code,
line by line, with the sentence that introduces them.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from readerfiles import rebuilt

from retrieval.ingest.parsed import Block, ParsedDocument
from retrieval.ingest.pipeline import read

FIXTURES = Path(__file__).parent / "fixtures" / "fastrtps"


def _read(name: str) -> ParsedDocument:
    return read(name, (FIXTURES / name).read_bytes())


def _block(document: ParsedDocument, start: str) -> Block:
    return next(block for block in document.blocks if block.text.startswith(start))


def test_a_command_in_a_box_is_the_code_of_the_step_introducing_it() -> None:
    manual = _read("FastRTPS-Installation-Manual.odt")
    configure = _block(manual, "Configure the compilation:")
    assert (configure.kind, configure.code) == ("code", "./configure –-libdir=/usr/lib")
    install = _block(manual, "After the configuration is complete just run this command")
    assert (install.kind, install.code) == ("code", "sudo make install")
    assert not any(block.text.startswith("sudo make") for block in manual.blocks)


def test_a_code_example_in_a_box_keeps_its_lines_and_its_sentence() -> None:
    manual = _read("FastRTPS-User-Manual.odt")
    register = _block(manual, "Finally, to register the type")
    assert register.kind == "code" and register.text.endswith("as shown below:")
    lines = register.code.split("\n")
    assert lines[:3] == ["int main()", "{", "Participant* part; //CREATE A PARTICIPANT SOMEWHERE"]
    assert "Domain::registerType(part,(TopicDataType*)&TestTypeData);" in lines
    publisher = next(b for b in manual.blocks if "class MyPublisher" in b.code)
    # Each comment on its own line (indented as typed): it no longer swallows the code after it.
    comment = "\t\t//Create participant(or receive it from somewhere else)"
    assert comment in publisher.code.split("\n")
    assert "class MyPublisher" not in " ".join(block.text for block in manual.blocks)


def test_a_box_in_a_plain_font_is_code_when_its_lines_are() -> None:
    # "// HelloWorld.idl" / "struct HelloWorld" / "{" …: paragraphs of the body style, the
    # code typed in Consolas runs.
    idl = _block(_read("FastRTPS-User-Manual.odt"), "The first step is to define a datatype")
    assert idl.code.split("\n")[:3] == ["// HelloWorld.idl", "struct HelloWorld", "{"]


def test_boxes_of_sentences_on_the_cover_stay_text() -> None:
    manual = _read("FastRTPS-Installation-Manual.odt")
    licence = next(b for b in manual.blocks if "licensed under Apache License 2.0" in b.text)
    assert licence.kind == "table" and not licence.code


def _with_meta(name: str, old: bytes, new: bytes) -> bytes:
    """``name`` with ``old`` replaced by ``new`` in its meta.xml, every other part as it is."""
    return rebuilt((FIXTURES / name).read_bytes(), "meta.xml", lambda xml: xml.replace(old, new))


def test_the_author_is_the_person_who_created_the_file() -> None:
    assert _read("FastRTPS-User-Manual.odt").author == "Gonzalo Rodriguez Canosa"


def test_an_account_name_is_no_author() -> None:
    creator = b"<meta:initial-creator>Gonzalo Rodriguez Canosa</meta:initial-creator>"
    account = _with_meta(
        "FastRTPS-User-Manual.odt",
        creator,
        creator.replace(b"Gonzalo Rodriguez Canosa", b"gonzalo"),
    )
    assert read("manual.odt", account).author is None
    # … but the person who last saved it, named as such, is one.
    saved = _with_meta(
        "FastRTPS-User-Manual.odt",
        creator,
        b"<meta:initial-creator>Administrator</meta:initial-creator>"
        b"<dc:creator>Jaime Martin</dc:creator>",
    )
    assert read("manual.odt", saved).author == "Jaime Martin"


def test_a_title_left_from_the_template_gives_way_to_the_one_on_the_cover() -> None:
    # Properties: "eProsima RTPS User Manual", created 2010-11-15 (the template's), last saved
    # 2016-06-20. The cover: "Fast RTPS" / "Latency Test" in the Title style.
    document = _read("FastRTPS-Latency-Test.odt")
    assert (document.title, document.date) == ("Fast RTPS Latency Test", "2016-06-20")
    assert not any(block.text in ("Fast RTPS", "Latency Test") for block in document.blocks)


def test_a_stated_title_the_cover_prints_stands() -> None:
    # The cover prints "Fast RTPS v0.0.0" / "User Manual"; the address box below, "eProsima".
    document = _read("FastRTPS-User-Manual.odt")
    assert (document.title, document.date) == ("eProsima RTPS User Manual", "2016-06-23")


def test_headings_keep_the_numbers_the_outline_style_shows() -> None:
    # The manual cross-refers by number ("see 6.4.2"): its citations say "5.2 Participant".
    manual = _read("FastRTPS-User-Manual.odt")
    participant = _block(manual, "The Participant is the grouping class")
    assert participant.section == "5.2 Participant"
    assert participant.above == ("5 Publisher – Subscriber Interface Layer",)
    assert "6.4.2 ReaderHistoryAttributes" in {block.section for block in manual.blocks}


def test_only_the_first_pages_run_of_title_lines_is_the_title() -> None:
    # A document written here, with no title in its properties, that sets its parts in the
    # Title style too: the first is its title (set in a section of its own, as templates
    # do), a later one heads the text under it.
    content = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"'
        ' xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
        '<office:body><office:text><text:section text:name="Cover">'
        '<text:p text:style-name="Title">Club Rules</text:p>'
        '<text:p text:style-name="Title">2024 edition</text:p></text:section>'
        "<text:p>Members pay dues.</text:p>"
        '<text:p text:style-name="Title">Meetings</text:p><text:p>We meet on Mondays.</text:p>'
        "</office:text></office:body></office:document-content>"
    )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        archive.writestr("content.xml", content)
    document = read("rules.odt", out.getvalue())
    assert document.title == "Club Rules 2024 edition"
    assert [(b.section, b.text) for b in document.blocks] == [
        (None, "Members pay dues."),
        ("Meetings", "We meet on Mondays."),
    ]


def test_the_cover_ends_where_libreoffice_turned_the_page() -> None:
    # A template's title left in the properties, printed on page 2 among the related documents:
    # LibreOffice marks the page turn between paragraphs (its usual place) as well as inside
    # one; only the latter ended the cover, and page 2's line kept the stale title.
    ns = (
        'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
        'xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/"'
    )
    content = (
        f'<?xml version="1.0"?><office:document-content {ns}><office:body><office:text>'
        '<text:p text:style-name="Title">Shapes Demo</text:p>'
        "<text:p>User guide for the demonstration program.</text:p><text:soft-page-break/>"
        "<text:p>Related documents</text:p><text:p>eProsima RTPS User Manual</text:p>"
        "<text:p>The demo publishes moving shapes, each in its own topic.</text:p>"
        "</office:text></office:body></office:document-content>"
    )
    meta = (
        f'<?xml version="1.0"?><office:document-meta {ns}><office:meta>'
        "<dc:title>eProsima RTPS User Manual</dc:title></office:meta></office:document-meta>"
    )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        archive.writestr("meta.xml", meta)
        archive.writestr("content.xml", content)
    assert read("shapes.odt", out.getvalue()).title == "Shapes Demo"
