"""Footnotes and endnotes of Word and OpenDocument files, on real files (mammoth.js's,
python-docx's and odfdo's test documents, a Tasmanian planning report from LibreOffice's tests).

What a user would notice: a note's text is found, quoted under the section whose paragraph
carries its mark, right after that paragraph (after the list or table holding the mark, never
cutting it); the mark's number is no stray digit in the text; reviewers' comments, the rule
Word keeps among the notes and a note whose mark was deleted are never read.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable
from pathlib import Path

import docx
from docx.document import Document
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import parse_xml
from docx.text.paragraph import Paragraph
from readerfiles import CORPORA, parsed, saved, texts

from retrieval.ingest.passages import list_runs
from retrieval.ingest.pipeline import read
from retrieval.library import Library

FIXTURES = Path(__file__).parent / "fixtures"
LANDSLIDE = CORPORA / "docs-dev2" / "docx" / "testchartoleobjectembeddings.docx"
_W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def _texts(name: str, data: bytes | None = None) -> list[str]:
    return texts(read(name, data if data is not None else (FIXTURES / name).read_bytes()))


def _rebuilt(name: str, part: str, change: Callable[[bytes], bytes]) -> bytes:
    """The fixture ``name`` with one part of its zip changed."""
    out = io.BytesIO()
    with zipfile.ZipFile(FIXTURES / name) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            data = source.read(info.filename)
            target.writestr(info, change(data) if info.filename == part else data)
    return out.getvalue()


def test_each_footnote_follows_the_paragraph_carrying_its_mark() -> None:
    assert _texts("python-docx-footnotes.docx") == [
        "This paragraph contains one footnote here.",
        "This is footnote text for the first footnote.",
        "This paragraph has no footnote.",
        "And this paragraph contains two footnotes, here and here.",
        "This is footnote text for the second footnote.",
        "This is footnote text for the third footnote.",
    ]


def test_footnotes_and_endnotes_are_read_without_their_numbers() -> None:
    for name in ("mammoth-footnotes.docx", "mammoth-endnotes.docx"):
        text = "\n".join(_texts(name))
        # "Ouch¹.²" in Word (endnotes "Ouch^i.^ii"): the marks are no text of their own.
        assert text == "Ouch.\nA tachyon walks into a bar.\nFin.", name


def test_a_document_holding_only_a_footnote_is_read() -> None:
    # Nothing in the body but a mark; the note is a link ("Example"). It was refused: "no
    # paragraphs of text found".
    assert _texts("mammoth-footnote-hyperlink.docx") == ["Example"]


def test_a_note_whose_mark_was_deleted_in_tracked_changes_is_not_read() -> None:
    second = re.compile(
        rb'(<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr>'
        rb'<w:footnoteReference w:id="2"/></w:r>)'
    )
    deleted = _rebuilt(
        "mammoth-footnotes.docx",
        "word/document.xml",
        lambda xml: second.sub(rb'<w:del w:id="9" w:author="x">\1</w:del>', xml),
    )
    assert _texts("deleted.docx", deleted) == ["Ouch.\nA tachyon walks into a bar."]


def test_a_broken_notes_part_leaves_the_body_readable() -> None:
    broken = _rebuilt("mammoth-footnotes.docx", "word/footnotes.xml", lambda xml: xml[:300])
    assert _texts("broken.docx", broken) == ["Ouch."]


def test_comments_are_not_read() -> None:
    # The comments say "A tachyon walks into a bar." and "Fin.": remarks on the text, not it.
    assert _texts("mammoth-comments.docx") == ["Ouch."]


def test_a_note_is_quoted_under_its_section_after_the_list_holding_its_mark() -> None:
    blocks = parsed(LANDSLIDE).blocks
    at = [b.text for b in blocks].index(
        "Conditioning factors have been called pre-conditions in the Guide."
    )
    note, before = blocks[at], blocks[at - 2 : at]
    assert note.section == "What is a Landslide Hazard?" and not note.item
    # The two items of the list, the mark in the first ("Conditioning factors¹ are terrain
    # attributes …"), stay together before it.
    assert [b.item for b in before] == [True, True]
    assert before[0].text.startswith("Conditioning factors are terrain attributes")
    assert before[1].text.startswith("Triggering factors may include")


def test_a_note_marked_in_a_table_follows_the_table() -> None:
    blocks = parsed(LANDSLIDE).blocks
    at = next(i for i, b in enumerate(blocks) if b.text.startswith("The Tamar Valley mapping"))
    assert blocks[at - 1].kind == "table" and blocks[at + 1].kind != "table"
    assert blocks[at].section == "Summary of Data Layers considered for Hazard Planning Bands"


def test_an_authors_note_reads_with_the_name_it_is_on() -> None:
    # "Colin Mazengarb¹" with the footnote "Senior Geologist, …": short lines, read together.
    assert any(
        "Colin Mazengarb\nSenior Geologist, Mineral Resources Tasmania, DIER" in text
        for text in texts(parsed(LANDSLIDE))
    )


def test_a_footnote_is_found_by_a_question_on_it(tmp_path: Path) -> None:
    folder = tmp_path / "corpus"
    folder.mkdir()
    for name in ("mammoth-footnotes.docx", "python-docx-footnotes.docx"):
        (folder / name).write_bytes((FIXTURES / name).read_bytes())
    library = Library.open(tmp_path / "notes.db", folder)
    try:
        first = library.answer("what walks into a bar?").hits[0].passage
        assert "A tachyon walks into a bar." in first.text
        assert first.doc == "mammoth-footnotes.docx"
        third = library.answer("footnote text for the third footnote").hits[0].passage
        assert third.text == "This is footnote text for the third footnote."
    finally:
        library.close()


def _marked(paragraph: Paragraph, number: int) -> Paragraph:
    """``paragraph`` with footnote ``number``'s mark at its end, as Word writes it."""
    paragraph._p.append(parse_xml(f'<w:r {_W}><w:footnoteReference w:id="{number}"/></w:r>'))
    return paragraph


def _with_footnotes(word: Document, notes: list[str]) -> bytes:
    """``word`` saved with a footnotes part holding ``notes`` (ids 1, 2, …) after Word's
    separator, as python-docx cannot write one."""
    written = "".join(
        f'<w:footnote w:id="{number}"><w:p><w:r><w:footnoteRef/></w:r>'
        f'<w:r><w:t xml:space="preserve"> {note}</w:t></w:r></w:p></w:footnote>'
        for number, note in enumerate(notes, start=1)
    )
    separator = '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p>'
    blob = f"<w:footnotes {_W}>{separator}</w:footnote>{written}</w:footnotes>".encode()
    part = Part(PackURI("/word/footnotes.xml"), CT.WML_FOOTNOTES, blob, word.part.package)
    word.part.relate_to(part, RT.FOOTNOTES)
    return saved(word)


def test_a_note_on_a_heading_heads_its_section_and_code_keeps_its_sentence() -> None:
    word = docx.Document()
    word.core_properties.title = "Port works"
    _marked(word.add_heading("Dredging", 1), 1)
    _marked(word.add_paragraph("The channel is dredged with:"), 2)
    word.add_paragraph("dredge --depth 14", style=word.styles.add_style("Code", 1))
    word.add_heading("Berths", 1)
    word.add_paragraph("Two berths are added for larger cargo ships in the north basin.")
    document = read("port.docx", _with_footnotes(word, ["As planned in 2019.", "Since 2021."]))
    assert [(b.section, b.text, b.code) for b in document.blocks] == [
        ("Dredging", "As planned in 2019.", ""),
        ("Dredging", "The channel is dredged with:", "dredge --depth 14"),
        ("Dredging", "Since 2021.", ""),
        ("Berths", "Two berths are added for larger cargo ships in the north basin.", ""),
    ]


def test_a_list_with_a_note_in_an_item_is_still_quoted_with_its_introduction() -> None:
    word = docx.Document()
    word.add_paragraph("The port accepts three kinds of ships:")
    items = (
        "Container ships at the deep quay.",
        "Bulk carriers at the east pier.",
        "Ferries at the west landing.",
    )
    for number, kind in enumerate(items):
        item = word.add_paragraph(kind, style="List Bullet")
        if number == 1:
            _marked(item, 1)  # on the bulk carriers
    word.add_paragraph("Tankers unload at the oil terminal outside the harbour walls.")
    blocks = read("ships.docx", _with_footnotes(word, ["Up to 200 m long."])).blocks
    quoted = [block.text for _, block in list_runs(blocks)]
    # The note after the list: between two items it would cut it in two.
    assert quoted == [
        "The port accepts three kinds of ships:\n" + "\n".join(items),
        "Up to 200 m long.",
        "Tankers unload at the oil terminal outside the harbour walls.",
    ]


def test_odt_notes_follow_their_paragraph_and_comments_are_not_read() -> None:
    # "Un paragraphe¹ d'apparence^i banale" with a comment "Sauf qu'il est commenté !".
    assert _texts("odfdo-note.odt") == [
        "Un paragraphe d'apparence banale.",
        "C'est-à-dire l'élément « text:p ».",
        "Les apparences sont trompeuses !",
    ]


def test_odt_notes_in_a_title_a_poem_and_a_link() -> None:
    document = read("dormeur.odt", (FIXTURES / "odfdo-dormeur-notes.odt").read_bytes())
    assert document.title == "Le dormeur du val"  # "Le dormeur¹ du val": no "1" in it
    lines = texts(document)
    poem = next(i for i, text in enumerate(lines) if text.startswith("C'est un trou de verdure"))
    assert "de la montagne fière" in lines[poem]  # the marks "²" and "ⁱ" are not read
    assert lines[poem - 1] == "Note dormeur"  # the title's note, before the text under it
    assert lines[poem + 1 : poem + 3] == ["Note next remote link", "End note"]
    assert lines[-1] == "Arthur Rimbaud"  # its comment, "Second comment", is not read
    assert not any("comment" in text.lower() for text in lines)
