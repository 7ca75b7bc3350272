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
from readerfiles import CORPORA, parsed, rebuilt, saved, texts

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
    return rebuilt((FIXTURES / name).read_bytes(), part, change)


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


def test_a_note_marked_in_an_item_follows_the_list_quoted_with_its_sentence() -> None:
    # "Landslides are caused by the concurrence of conditioning factors and triggering factors
    # (AGS 2007a)." then an item on each, the mark in the first ("Conditioning factors¹ are
    # terrain attributes …"): the sentence leads into the list, quoted as one passage, and the
    # note is quoted right after the whole list, not between its items.
    quoted = [b for _, b in list_runs(parsed(LANDSLIDE).blocks)]
    at = [b.text for b in quoted].index(
        "Conditioning factors have been called pre-conditions in the Guide."
    )
    note, before = quoted[at], quoted[at - 1]
    assert note.section == "What is a Landslide Hazard?" and not note.item
    assert before.text.startswith("Landslides are caused by the concurrence of conditioning")
    assert "\n• Conditioning factors are terrain attributes" in before.text
    assert "\n• Triggering factors may include" in before.text


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
        "The port accepts three kinds of ships:\n" + "\n".join(f"• {item}" for item in items),
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


def _clauses(marked: int) -> bytes:
    """A lease whose four clauses are numbered paragraphs, footnote 1 marked in clause
    ``marked`` (0 the first)."""
    word = docx.Document()
    word.add_heading("Terms of the lease", 1)
    for number, clause in enumerate(_CLAUSES):
        item = word.add_paragraph(clause, style="List Number")
        if number == marked:
            _marked(item, 1)
    word.add_heading("Signatures", 1)
    word.add_paragraph("Signed in Hobart on the first of March by both parties.")
    return _with_footnotes(word, [_HOLIDAY])


_CLAUSES = (
    "The tenant pays the rent on the first day of each month by bank transfer to the landlord.",
    "The landlord repairs the roof, the walls and the pipes when age or weather damage them.",
    "The tenant keeps the garden tidy and cuts the grass at least once a month in summer.",
    "Either party may end the lease with three months of notice given in writing to the other.",
)
_HOLIDAY = "Or on the next working day when the first is a holiday."


def test_a_note_on_a_clause_of_a_numbered_list_follows_that_clause() -> None:
    # Each clause a passage of its own: the note on the rent waited for the list's end, three
    # clauses away from the one it explains, and was quoted after "Either party may end …".
    quoted = [b.text for _, b in list_runs(read("lease.docx", _clauses(0)).blocks)]
    signed = "Signed in Hobart on the first of March by both parties."
    numbered = [f"{n}. {clause}" for n, clause in enumerate(_CLAUSES, start=1)]
    assert quoted == [numbered[0], _HOLIDAY, *numbered[1:], signed]
    last = [b.text for _, b in list_runs(read("lease.docx", _clauses(3)).blocks)]
    assert last[3:5] == [numbered[3], _HOLIDAY]


def test_a_note_on_a_short_item_is_no_item_of_the_list() -> None:
    word = docx.Document()
    word.add_paragraph("Before leaving the pump room, do these things:")
    _marked(word.add_paragraph("Open the valve", style="List Number"), 1)
    word.add_paragraph("Close the tap", style="List Number")
    word.add_paragraph("Lock the door", style="List Number")
    note = "Turn it slowly, or the old pipe bursts under the pressure."
    quoted = [b.text for _, b in list_runs(read("pump.docx", _with_footnotes(word, [note])).blocks)]
    # It read "… Close the tap\nLock the door\nTurn it slowly, …", as if a fourth step.
    assert quoted == [
        "Before leaving the pump room, do these things:\n"
        "1. Open the valve\n2. Close the tap\n3. Lock the door",
        note,
    ]


_ODT_NS = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"'
    ' xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"'
    ' xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"'
)


def _odt(body: str) -> bytes:
    """An OpenDocument text holding ``body`` (content.xml's office:text)."""
    content = (
        f'<?xml version="1.0"?><office:document-content {_ODT_NS}><office:body><office:text>'
        f"{body}</office:text></office:body></office:document-content>"
    )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        archive.writestr("content.xml", content)
    return out.getvalue()


def _note(text: str) -> str:
    """A footnote as LibreOffice writes it, inside the paragraph carrying its mark."""
    return (
        '<text:note text:note-class="footnote"><text:note-citation>1</text:note-citation>'
        f"<text:note-body><text:p>{text}</text:p></text:note-body></text:note>"
    )


def test_an_odt_note_in_a_table_cell_is_read_once_after_the_table() -> None:
    cell = "<table:table-cell><text:p>{}</text:p></table:table-cell>"
    table = (
        "<table:table><table:table-row>"
        + cell.format("Pressure" + _note("Measured at noon each day."))
        + cell.format("3 bar")
        + "</table:table-row></table:table>"
    )
    body = f"<text:p>The figures of the survey:</text:p>{table}<text:p>The end.</text:p>"
    document = read("survey.odt", _odt(body))
    # The note was read into the cell ("Pressure Measured at noon each day. | 3 bar") too.
    assert [(b.kind, b.text) for b in document.blocks][1:] == [
        ("table", "Pressure | 3 bar"),
        ("text", "Measured at noon each day."),
        ("text", "The end."),
    ]


def test_an_odt_note_in_a_list_is_placed_as_in_word() -> None:
    items = ("Open the valve first.", "Close the tap after.", "Drain the tank.")
    note = "Slowly, or the pipe bursts."
    listed = "".join(
        f"<text:list-item><text:p>{item}{_note(note) if n == 0 else ''}</text:p></text:list-item>"
        for n, item in enumerate(items)
    )
    body = f"<text:p>The steps to follow are these:</text:p><text:list>{listed}</text:list>"
    quoted = [b.text for _, b in list_runs(read("steps.odt", _odt(body)).blocks)]
    # Short items joined to their introduction, as in Word; the note after them, not between.
    assert quoted == ["The steps to follow are these:\n" + "\n".join(items), note]
    clauses = "".join(
        f"<text:list-item><text:p>{clause}{_note(_HOLIDAY) if n == 0 else ''}</text:p>"
        "</text:list-item>"
        for n, clause in enumerate(_CLAUSES)
    )
    lease = read("lease.odt", _odt(f"<text:list>{clauses}</text:list>"))
    quoted = [b.text for _, b in list_runs(lease.blocks)]
    assert quoted == [_CLAUSES[0], _HOLIDAY, *_CLAUSES[1:]]
