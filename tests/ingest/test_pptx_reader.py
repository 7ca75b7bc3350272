"""PowerPoint presentations are read slide by slide: each slide's title heads its text, its
number is the page a citation names, the master's slide numbers and footers are no text, and
tables, SmartArt and the speaker's notes are read. Before, a .pptx was "unsupported type"."""

from __future__ import annotations

import io
import re
import shutil
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from readerfiles import refusal

from bot.locales import en, fr
from bot.render.citations import where
from retrieval.ingest.parsed import ParsedDocument
from retrieval.ingest.pipeline import read
from retrieval.ingest.readers.pptx import SLIDE_UNREAD
from retrieval.library import Library

FIXTURES = Path(__file__).parent / "fixtures"
SLIDES = FIXTURES / "pptx"
TALK = SLIDES / "alterman_security.pptx"


def _read(path: Path) -> ParsedDocument:
    return read(path.name, path.read_bytes())


def _text(document: ParsedDocument) -> str:
    return "\n".join(block.text for block in document.blocks)


def test_a_talk_is_read_slide_by_slide_under_its_titles() -> None:
    document = _read(TALK)
    assert document.title == "Government-University Identity Management Opportunities"
    assert document.author == "Peter Alterman"
    pages = [block.page for block in document.blocks]
    assert pages == sorted(pages), "slides in the order the presentation shows them"
    assert pages[0] == 1 and pages[-1] == 23
    (binding,) = [b for b in document.blocks if b.text.startswith("Identity Binding")]
    assert binding.page == 6
    assert binding.section == (
        "General Considerations for Determining LOA of an Electronic Identity Credential (EIC)"
    )
    assert "how sure are you that the person proffering the EIC" in binding.text


def test_the_masters_slide_numbers_and_footers_are_not_text() -> None:
    talk = _read(TALK)
    # Each slide's number, a field of the master's placeholder, stood before its title.
    assert not [b.text for b in talk.blocks if b.text.strip().isdigit()]
    assert not any(line.strip().isdigit() for b in talk.blocks for line in b.text.split("\n"))
    footers = _read(SLIDES / "bug58144-headers-footers-2007.pptx")
    assert "Has some text in the headers and footers" in _text(footers)
    assert "Slide footer" not in _text(footers)


def test_tables_smartart_and_lists_are_read() -> None:
    shapes = _read(SLIDES / "with_japanese.pptx")
    rows = [b.text for b in shapes.blocks if b.kind == "table"]
    assert rows == [
        "Row 1 Col 1 | Row 1 Col 2 | Row 1 Col 3",
        "Row 2 Col 1 | Row 2 Col 2 | Row 2 Col 3",
    ]
    for line in ("Here is a list:", "Bullet 1", "Number bullet 3"):
        assert line in _text(shapes)
    diagram = _text(_read(SLIDES / "smartart-simple.pptx"))
    assert all(point in diagram.split("\n") for point in ("abc", "def", "ghi"))


def test_a_slide_of_its_title_alone_says_its_title() -> None:
    # A title over a picture or a chart was read nowhere: slide 12 of the talk ("… Model"
    # over its diagram) could not be found, and POI's one-slide chart "My Line Chart" was
    # refused as "no paragraphs of text found".
    talk = _read(TALK)
    (model,) = [b for b in talk.blocks if b.page == 12]
    assert model.text == "US Government E-Authentication Interfederation Model"
    chart = _read(SLIDES / "line-chart.pptx")
    assert [(b.text, b.page) for b in chart.blocks] == [("My Line Chart", 1)]


def test_the_speakers_notes_follow_their_slide() -> None:
    document = _read(FIXTURES / "poi" / "SampleShow.pptx")
    (notes,) = [b for b in document.blocks if "notes of the 2nd slide" in b.text]
    assert notes.page == 2 and notes.section == "This is the second slide"


def test_bad_presentations_are_told_why() -> None:
    data = TALK.read_bytes()
    assert (
        refusal("talk.pptx", data[: len(data) // 2])
        == "damaged: the file is cut short (copy it again)"
    )
    locked = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + "EncryptedPackage".encode("utf-16-le") * 8
    assert refusal("talk.pptx", locked + bytes(600)) == "encrypted"
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as package:
        package.writestr("[Content_Types].xml", "<Types/>")
    assert refusal("talk.pptx", buffer.getvalue()) == "damaged: ppt/presentation.xml is missing"


@pytest.fixture(scope="module")
def library(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Library]:
    folder = tmp_path_factory.mktemp("corpus")
    (folder / "talks").mkdir()
    shutil.copy(TALK, folder / "talks" / TALK.name)
    shutil.copy(FIXTURES / "poi" / "SampleShow.pptx", folder)
    opened = Library.open(tmp_path_factory.mktemp("db") / "corpus.db", folder)
    yield opened
    opened.close()


def test_a_question_is_answered_from_the_slide_and_cited_by_it(library: Library) -> None:
    answer = library.answer(
        "Which PKI bridge did the Federal PKI cross-certify with in production?"
    )
    best = answer.hits[0].passage
    assert best.doc == "talks/alterman_security.pptx"
    assert "CertiPath – Aerospace Industry PKI Bridge" in best.text
    assert best.pages == (17, 17)
    assert where(best, en).endswith(", slide 17")
    assert where(best, fr).endswith(", diapositive 17")


def test_slides_skipped_by_an_older_reader_are_read_once_one_knows_them(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The skipped files are remembered with their reason; an upgrade that reads their format
    # kept naming them "unsupported" until someone touched them.
    from retrieval.ingest import readers

    folder = tmp_path / "corpus"
    folder.mkdir()
    shutil.copy(TALK, folder)
    shutil.copy(FIXTURES / "peps" / "pep-0008-excerpt.rst", folder)
    without = {k: v for k, v in readers.READERS.items() if not k.startswith(".ppt")}
    with monkeypatch.context() as patch:
        patch.setattr(readers, "READERS", without)
        patch.setattr(readers, "SUPPORTED_SUFFIXES", tuple(without))
        older = Library.open(tmp_path / "q.db", folder)
        report = older.last_report
        older.close()
    assert report is not None
    assert [s.doc for s in report.skipped] == [TALK.name]
    opened = Library.open(tmp_path / "q.db", folder)
    try:
        assert TALK.name in {d.doc for d in opened.documents()}
        assert opened.last_report is not None and opened.last_report.skipped == ()
    finally:
        opened.close()


def test_a_slide_drawn_in_boxes_of_its_own_is_titled_by_its_top_line() -> None:
    # LibreOffice's export of an Impress deck: no placeholders, each slide's title a box at
    # its top, which ran into the slide's first bullet ("The Client / My client is Rosemary").
    deck = _read(SLIDES / "ececapstonespring2012.pptx")
    (client,) = [b for b in deck.blocks if b.text.startswith("My client is Rosemary")]
    assert client.section == "The Client" and client.page == 3
    sections = {b.section for b in deck.blocks}
    assert {"The Rundown", "Some Facts about Down Syndrome", "Total Cost"} <= sections
    assert not any(b.text.startswith("The Client") for b in deck.blocks)


@pytest.mark.parametrize("named", ["PowerPoint Presentation", "Folie 1", "Презентация PowerPoint"])
def test_a_title_powerpoint_filled_in_gives_way_to_the_first_slides(named: str) -> None:
    # A German deck's properties titled it "Folie 1" ("Slide 1"), and every citation said so.
    source = zipfile.ZipFile(FIXTURES / "poi" / "SampleShow.pptx")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as copy:
        for part in source.namelist():
            data = source.read(part)
            if part == "docProps/core.xml":
                data = re.sub(
                    rb"<dc:title>[^<]*</dc:title>", f"<dc:title>{named}</dc:title>".encode(), data
                )
            copy.writestr(part, data)
    assert read("talk.pptx", buffer.getvalue()).title == "Title of the first slide"


def _deck_without(part: str, broken: bool = False) -> bytes:
    """The talk with ``part`` left out (or its XML cut in half)."""
    source = zipfile.ZipFile(TALK)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as copy:
        for name in source.namelist():
            data = source.read(name)
            if name == part and broken:
                copy.writestr(name, data[: len(data) // 2])
            elif name != part:
                copy.writestr(name, data)
    return buffer.getvalue()


def test_a_damaged_slide_costs_that_slide_not_the_deck() -> None:
    # One broken slide refused the whole talk as "damaged".
    document = read("talk.pptx", _deck_without("ppt/slides/slide6.xml", broken=True))
    assert 6 not in {block.page for block in document.blocks}
    assert {5, 7} <= {block.page for block in document.blocks}
    assert document.unread == "slide 6 not read: damaged"
    assert fr.REASONS[SLIDE_UNREAD].format(slide=6) == "diapositive 6 non lue\u00a0: endommagée"


def test_where_the_slides_are_is_lost_the_deck_is_damaged() -> None:
    # It said "no paragraphs of text found", as of an empty deck.
    said = refusal("talk.pptx", _deck_without("ppt/_rels/presentation.xml.rels"))
    assert said == "damaged: ppt/_rels/presentation.xml.rels is missing"
