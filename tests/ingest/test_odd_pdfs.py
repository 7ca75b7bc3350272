"""PDFs as producers other than TeX and office suites write them, and slightly broken ones.

Each case stands for a kind of file a sweep over pdf.js's test corpus (971 real PDFs from bug
reports) found read wrongly, generated here in a few lines: text set at size 1 in a scaled
matrix (Acrobat Distiller; a 352-page book lost nine tenths of its text), a printer's proof with
its marks outside the crop box, a notice set wholly in bold, a form whose answers are in its
fields, junk before the header or padding after the end.
"""

from __future__ import annotations

import io

import pytest
from pdfmaker import Text, make_pdf, pdf_file, titled
from pypdf import PdfWriter
from readerfiles import texts

from retrieval.errors import DocumentError
from retrieval.ingest.passages import passages
from retrieval.ingest.pipeline import read
from retrieval.ingest.readers.pdf import ENCRYPTED

BODY = [
    "The committee met on Tuesday to review the budget for the coming year and",
    "agreed that the library should stay open on Saturday mornings, as most of",
    "the readers who wrote to it had asked, from the first of March onwards.",
]
PARAGRAPH = " ".join(BODY)


def _body(x: float = 72, top: float = 700, size: float = 10.5) -> list[Text]:
    return [Text(x, top - 1.3 * size * i, line, size) for i, line in enumerate(BODY)]


def _reason(name: str, data: bytes) -> str:
    with pytest.raises(DocumentError) as caught:
        read(name, data)
    return caught.value.reason


def test_text_set_at_size_one_in_a_scaled_matrix_is_read_as_headings_and_paragraphs() -> None:
    """Acrobat Distiller writes "/F1 1 Tf 10.5 0 0 10.5 96 577 Tm": the font size alone is 1
    for every line, so all of them looked alike — headings, not a word of text."""
    page = [Text(72, 760, "Minutes of the Library Committee", 18), *_body()]
    document = read("minutes.pdf", make_pdf([page], scaled=True))
    assert document.title == "Minutes of the Library Committee"
    assert texts(document) == [PARAGRAPH]


def test_printers_marks_outside_the_crop_box_are_not_text() -> None:
    """A publisher's proof: the file's name and time above the page, "4TH PASS PAGES" below
    it, a column of line numbers beside it — all outside the crop box a viewer cuts it to."""
    marks = [
        Text(50, 815, "14773_01_1-174_r9jm.qxd 2/10/04 3:51 PM Page 27", 8),
        Text(260, 12, "4TH PASS PAGES", 18),
    ] + [Text(565, 707 - 14 * i, str(i + 1)) for i in range(30)]
    data = make_pdf([_body(x=100) + marks], crop=(42, 42, 553, 800))
    document = read("proof.pdf", data)
    assert texts(document) == [PARAGRAPH]
    assert [p.page for p in passages(document, "proof.pdf")] == [1]


@pytest.mark.parametrize(
    "crop",
    [(600, 900, 700, 1000), (0, 0, 300, 842)],
    ids=["off-the-page", "missing-the-text"],
)
def test_a_crop_box_that_would_hide_all_the_text_is_ignored(crop: tuple[float, ...]) -> None:
    """A crop box off the media box, or one that leaves out every line: the box is wrong, not
    the text."""
    data = make_pdf([_body(x=320)], crop=crop)  # type: ignore[arg-type]
    assert texts(read("cropped.pdf", data)) == [PARAGRAPH]


def test_a_row_of_ornaments_is_no_part_of_a_passage() -> None:
    """A dotted rule between two paragraphs, a bar of registration marks at the foot."""
    after = "The budget itself was approved without changes by the members present."
    page = [*_body(top=700), Text(72, 640, "· · · · · · · · · ·"), Text(72, 610, after, 10.5)]
    page.append(Text(72, 60, "¦¦¦¦ ¦¦¦¦¦¦ ¦¦¦¦¦ ¦¦¦¦"))
    document = read("ornaments.pdf", make_pdf([page]))
    assert texts(document) == [PARAGRAPH, after]


def test_a_notice_set_wholly_in_bold_is_read_not_refused() -> None:
    """Short bold lines are headings in a document with text; in one with nothing else they
    are the text (a flyer, a notice): without them there was "no paragraphs of text found"."""
    page = [
        Text(72, 700, "Office closed on Friday 3 May", 20),
        Text(72, 670, "Opening hours resume on Monday at nine", 20),
    ]
    document = read("notice.pdf", make_pdf([page], base14="Helvetica-Bold"))
    assert document.title.startswith("Office closed on Friday 3 May")
    assert " ".join(texts(document)) == (
        "Office closed on Friday 3 May Opening hours resume on Monday at nine"
    )


def test_a_page_beside_a_chart_whose_labels_are_numbers_is_read() -> None:
    """A chart's axis labelled "0", "10", … "70", a line each, beside three lines of text: the
    page was taken for a back-of-book index (short lines ending in page numbers) and dropped
    whole, and the file was "no paragraphs of text found"."""
    axis = [Text(40, 300 + 40 * i, str(10 * i), 8) for i in range(8)]
    page = [*_body(x=100), *axis]
    assert texts(read("chart.pdf", make_pdf([page]))) == [PARAGRAPH]


def test_junk_before_the_header_and_padding_after_the_end_are_read_past() -> None:
    """A mail gateway's line before "%PDF-", a download padded with zeros after "%%EOF": PDF
    readers open both."""
    data = make_pdf([_body()])
    assert texts(read("mailed.pdf", b"X-Scanned-By: gateway\r\n" + data)) == [PARAGRAPH]
    assert texts(read("padded.pdf", data + b"\0" * 4096)) == [PARAGRAPH]


def test_a_file_that_cannot_be_opened_is_damaged_in_words_a_user_reads() -> None:
    """PDFium's own wording ("PDFium: Data format error", for some files "PDFium: Success")
    means nothing to the owner of the file."""
    data = make_pdf([_body()])
    reason = _reason("broken.pdf", data[:9] + b"1 0 obj\n<< /Type /Catalog" + data[-40:])
    assert reason.startswith("damaged: ") and "PDFium" not in reason


def test_a_contents_list_or_a_numbered_section_does_not_title_an_untitled_document() -> None:
    """LaTeX without \\title: the first large line is "Contents", or "1 Introduction" — a part
    of the document, whose paragraphs stand under it, not the document's name."""
    contents = [Text(72, 760, "Contents", 18)] + [
        Text(72, 746 - 16 * n, f"{n} {name} {n + 1}")
        for n, name in enumerate(["Introduction", "Budget", "Opening hours"], start=1)
    ]
    body = [Text(72, 760, "1 Introduction", 16), *_body()]
    for pages in ([contents, body], [body]):
        document = read("minutes.pdf", make_pdf(pages))
        assert document.title == "minutes"
        assert ("1 Introduction", PARAGRAPH) in [(b.section, b.text) for b in document.blocks]


def _filled_form(answer: bytes) -> bytes:
    """A one-page form as a viewer saves it once filled in: the question in the page's text,
    the answer in a text field's value and in the appearance the field shows, drawn in a font
    whose codes are glyph numbers, not letters ("Mdqh#Grh" for "Jane Doe")."""
    content = b"BT /F1 11 Tf 72 700 Td (Name of the applicant:) Tj ET"
    glyphs = bytes(byte - 3 for byte in answer)
    shown = b"/Tx BMC BT /F1 11 Tf 2 6 Td (%s) Tj ET EMC" % glyphs
    return pdf_file(
        [
            b"<< /Type /Catalog /Pages 2 0 R /AcroForm << /Fields [5 0 R] >> >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R"
            b" /Annots [5 0 R] /Resources << /Font << /F1 7 0 R >> >> >>",
            b"<< /Length %d >>\nstream\n%s\nendstream" % (len(content), content),
            b"<< /Type /Annot /Subtype /Widget /FT /Tx /T (applicant) /V (%s) /F 4 /P 3 0 R"
            b" /Rect [210 692 410 714] /AP << /N 6 0 R >> >>" % answer,
            b"<< /Type /XObject /Subtype /Form /BBox [0 0 200 22] /Resources << /Font"
            b" << /F1 7 0 R >> >> /Length %d >>\nstream\n%s\nendstream" % (len(shown), shown),
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        ]
    )


def test_the_answers_in_a_filled_in_forms_fields_are_read_with_its_questions() -> None:
    document = read("application.pdf", _filled_form(b"Jane Doe"))
    assert " ".join(" ".join(texts(document)).split()) == "Name of the applicant: Jane Doe"
    # A field laid over text the page prints already adds nothing.
    document = read("application.pdf", _filled_form(b"the applicant:"))
    assert texts(document) == ["Name of the applicant:"]


def test_letter_spaced_chinese_is_read_without_the_gaps() -> None:
    """A title set with a gap after every character reads "全 世 界 无 产 者" in PDFium; a
    line with one space between two names keeps it."""
    page = [
        Text(72, 760, "全 世 界 无 产 者 ， 联 合 起 来", 18),
        Text(72, 730, "山西省闻喜县诚镇初中 李新录", 12),
        Text(72, 700, "这份文档介绍了排版系统的基本观点。", 12),
    ]
    document = read("poster.pdf", make_pdf([page], cjk=True))
    assert document.title == "全世界无产者，联合起来"
    assert "山西省闻喜县诚镇初中 李新录" in " ".join(texts(document))


def test_a_contents_list_with_ellipsis_leaders_is_not_text() -> None:
    """Chinese and Japanese contents lists lead to the page number with "… … …", not dots."""
    entries = ["关于红军作战的原则", "对国防问题的意见", "同各方接洽要有谦逊态度", "论持久战"]
    contents = [
        Text(72, 760 - 20 * i, f"{entry} … … … … … … … … {2 * i + 1}", 12)
        for i, entry in enumerate(entries)
    ]
    body = [Text(72, 760, "这份文档介绍了排版系统的基本观点。", 12)]
    document = read("collected.pdf", make_pdf([contents, body], cjk=True))
    assert texts(document) == ["这份文档介绍了排版系统的基本观点。"]


def test_a_damaged_file_read_after_an_encrypted_one_is_not_called_encrypted() -> None:
    """PDFium keeps the last error it set: a file it refuses without setting one (a catalogue
    with no pages) was reported "encrypted" when a locked file had been read before it."""
    writer = PdfWriter()
    writer.add_blank_page(595, 842)
    writer.encrypt("secret", algorithm="RC4-128")
    locked = io.BytesIO()
    writer.write(locked)
    assert _reason("locked.pdf", locked.getvalue()) == ENCRYPTED
    no_pages = pdf_file([b"<< /Type /Catalog >>"])
    assert _reason("empty-catalogue.pdf", no_pages).startswith("damaged: ")


def test_two_pages_starting_with_the_same_two_words_keep_their_first_lines() -> None:
    """Not a running header: a short document whose pages happen to begin alike."""
    first = "The committee met on Tuesday to review the budget for the coming year."
    second = "The committee will meet again in June to hear the readers' proposals."
    pages = [[Text(72, 760, first, 10.5)], [Text(72, 760, second, 10.5)]]
    assert texts(read("minutes.pdf", make_pdf(pages))) == [first, second]


def test_a_notice_printed_twice_keeps_its_lines() -> None:
    """Two pages printed alike: every line repeats, so every line near a page's edge looked
    like a running header or footer, and only the middle of the notice was left."""
    lines = [
        "Notice to all tenants of the building on Harbour Street, from the caretaker.",
        "The water supply will be shut off on Monday from nine in the morning to noon.",
        "Please fill a kettle and a bath before nine if you will need water that day.",
        "The plumbers need access to every cellar during that time, so leave them open.",
        "Questions go to the caretaker in flat one, by telephone or in person, any day.",
    ]
    page = [Text(72, 760 - 14 * i, line, 10.5) for i, line in enumerate(lines)]
    text = " ".join(texts(read("notice.pdf", make_pdf([page, page]))))
    assert all(line in text for line in lines)


def test_a_tables_row_set_in_bold_is_a_row_not_a_heading() -> None:
    # An E-PRTR threshold table sets each substance's row in bold: read as headings, rows with
    # nothing under them vanished from the index ("methane" found nothing).
    from retrieval.ingest.readers.pdf import is_heading
    from retrieval.ingest.readers.pdf_page import Line

    def bold(text: str) -> Line:
        return Line(page=1, text=text, x0=72, x1=400, y=500, size=10, bold=True)

    assert not is_heading(bold("Methane (CH4) 100 000 - -"), body=10)
    assert not is_heading(bold("Aldrin 1 1 1"), body=10)
    assert is_heading(bold("Other organic substances"), body=10)
    assert is_heading(bold("10.1.7 2010"), body=10)  # a release history's section


def test_a_large_line_that_starts_in_lower_case_is_no_title() -> None:
    # A report's pull-quote set large on its first page, mid-sentence: the file's name stands
    # for the title rather than "quarters had a disability in 2010 …".
    page = [Text(72, 760, "quarters had a disability in 2010", 18), *_body()]
    document = read("us-001.pdf", make_pdf([page]))
    assert document.title == "us-001"
    page = [Text(72, 760, "Minutes of the Library Committee", 18), *_body()]
    assert read("minutes.pdf", make_pdf([page])).title == "Minutes of the Library Committee"


def test_a_landscape_page_turned_by_the_viewer_reads_as_the_same_page_upright() -> None:
    """A page the viewer turns (/Rotate 90) whose text runs up the file's page: its lines were
    measured as set, so each "line height" was where it started and a paragraph fell apart."""
    rest = [
        "The treasurer then presented the accounts for the last quarter, which showed",
        "a small surplus after the repairs to the roof had been paid for in full.",
    ]
    page = [
        Text(72, 540, "Minutes of the Library Committee", 18),
        *_body(top=500),
        *[Text(72, 440 - 13.6 * i, line, 10.5) for i, line in enumerate(rest)],
        Text(400, 30, "Page 1", 9),
    ]
    upright = read("minutes.pdf", make_pdf([page], base14="Helvetica"))
    turned = read("minutes.pdf", make_pdf([page], base14="Helvetica", landscape=True))
    assert texts(turned) == texts(upright) == [PARAGRAPH, " ".join(rest)]
    assert turned.title == "Minutes of the Library Committee"


def test_a_title_the_program_took_from_a_file_name_gives_way_to_the_first_pages() -> None:
    """The properties' title of a page printed from a browser or a drawing program ("test.html",
    "IBM-PDFs.graffle"), and one with a stray NUL at its end: the page's own title is read."""
    page = [Text(72, 760, "Minutes of the Library Committee", 18), *_body()]
    for stated, title in [
        ("result.html", "Minutes of the Library Committee"),
        ("minutes_final_v2", "Minutes of the Library Committee"),
        ("Library minutes\x00", "Library minutes"),
    ]:
        assert read("minutes.pdf", titled(make_pdf([page]), stated)).title == title


def test_a_section_name_left_as_the_properties_title_gives_way_to_the_first_pages() -> None:
    """The Dynamo paper's properties say "System Model" (a section's name, as Word's PDF maker
    left it); its first page says "Dynamo: Amazon's Highly Available Key-value Store", and every
    citation read "System Model › 4.6 Handling Failures". A title the first page's own title
    only starts, or spells another way, stays."""
    page = [Text(72, 760, "Minutes of the Library Committee", 18), *_body()]
    for stated, title in [
        ("Budget Model", "Minutes of the Library Committee"),
        ("Library Committee Minutes, March", "Library Committee Minutes, March"),
        (
            "Minutes of the Library Committee: Saturdays",
            "Minutes of the Library Committee: Saturdays",
        ),
    ]:
        assert read("minutes.pdf", titled(make_pdf([page]), stated)).title == title


def test_a_section_name_whose_words_the_abstract_says_apart_is_no_title() -> None:
    """The words of a section's name left in the properties ("Results and Discussion",
    "System Model") all stood somewhere in the first page's abstract ("report results from
    production and close with a discussion", "the system model"), which made it the title
    over "Dynamo: Amazon's Highly Available Key-value Store" printed large above."""
    page = [
        Text(72, 760, "Dynamo: Amazon's Highly Available Key-value Store", 17),
        Text(72, 730, "Giuseppe DeCandia, Deniz Hastorun and Madan Jampani", 11),
        Text(72, 700, "ABSTRACT", 11),
        Text(72, 680, "Reliability at massive scale is one of the biggest challenges we face.", 10),
        Text(72, 667, "We describe the system model, report results from production and", 10),
        Text(72, 654, "close with a discussion of lessons learned from running it for years.", 10),
    ]
    for stated in ["System Model", "Results and Discussion", "Related Work and Lessons Learned"]:
        pdf = titled(make_pdf([page], base14="Helvetica"), stated)
        assert read("dynamo.pdf", pdf).title == "Dynamo: Amazon's Highly Available Key-value Store"
    # printed as a line of its own, at the body's size, it is the title
    memo = [Text(72, 760, "Results and Discussion", 10), *page[3:]]
    pdf = titled(make_pdf([memo], base14="Helvetica"), "Results and Discussion")
    assert read("memo.pdf", pdf).title == "Results and Discussion"


def test_an_accent_set_apart_before_its_letter_is_put_on_it() -> None:
    """TeX's \\"o and \\'e in a font without composed letters: PDFium reads "Schr¨odinger" and
    "´ecole"; a formula's "˜x" stays as it is."""
    line = "Schr\u00a8odinger taught at the \u00b4ecole in Z\u00a8urich; see \u02dcx."
    document = read("notes.pdf", make_pdf([[Text(72, 700, line)]], base14="Helvetica"))
    assert texts(document) == ["Schrödinger taught at the école in Zürich; see ˜x."]


def test_a_notice_at_the_foot_of_a_page_without_a_mark_does_not_cut_the_sentence() -> None:
    """A paper's notice under its first column ("Permission to make digital or hard copies …")
    in small type, no mark before it, where the sentence above runs on to the next column."""
    notice = "Permission to make copies of this work is granted without fee."
    first = [*_body(top=700)[:2], Text(72, 90, notice, 7)]
    second = [Text(72, 780, BODY[2], 10.5), Text(72, 760, "The meeting closed at nine.", 10.5)]
    document = read("paper.pdf", make_pdf([first, second]))
    assert texts(document)[0] == PARAGRAPH
    assert notice in texts(document)


def _word_spaced_k(words: list[bytes]) -> bytes:
    """Helvetica with "k" put at code 32, the space's, and the line's words parted by kerning
    except after a "k", where the word spacing (``Tw``, which applies to code 32) parts them:
    as Acrobat Distiller wrote the Google File System paper."""
    shown = b" ".join(b"(%s)%s" % (w, b"" if w.endswith(b" ") else b" -333") for w in words)
    stream = b"BT /F1 11 Tf 72 700 Td 3.6 Tw [%s] TJ ET" % shown
    return pdf_file(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [4 0 R] /Count 1 >>",
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica"
            b" /Encoding << /Type /Encoding /Differences [32 /k] >> >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 5 0 R"
            b" /Resources << /Font << /F1 3 0 R >> >> >>",
            b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream),
        ]
    )


def test_a_word_ending_in_a_letter_set_at_the_spaces_code_keeps_its_space() -> None:
    """PDFium takes the word spacing after such a "k" for the letter's own width and reads
    "chunksize"; every word ending in "k" ran into the next, so "chunk size" was not found."""
    words = b"Each chun is identified by a chun handle, and the chun size is 64 MB."
    data = _word_spaced_k([w.replace(b"chun", b"chun ") for w in words.split()])
    assert texts(read("gfs.pdf", data)) == [
        "Each chunk is identified by a chunk handle, and the chunk size is 64 MB."
    ]


def test_a_heading_set_with_its_letters_apart_is_read_as_its_words() -> None:
    """Designed reports track capitals ("ANNUAL REPORT" at 4 pt of character spacing): every
    letter stands a fifth of an em from the next, which is no word's space to put in."""
    stream = (
        b"BT /F1 18 Tf 4 Tc 72 760 Td (ANNUAL REPORT) Tj ET "
        b"BT /F1 11 Tf 0 Tc 72 700 Td (The committee met on Tuesday evening.) Tj ET"
    )
    data = pdf_file(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [4 0 R] /Count 1 >>",
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 5 0 R"
            b" /Resources << /Font << /F1 3 0 R >> >> >>",
            b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream),
        ]
    )
    document = read("report.pdf", data)
    assert "A N N U A L" not in " ".join([document.title, *texts(document)])


def _two_fonts(lines: list[tuple[float, bool, str]]) -> bytes:
    """A page of lines at x = 72 (y, bold, text), in Helvetica and Helvetica-Bold, 10 pt."""
    shown = b"".join(
        b"BT /F%d 10 Tf 72 %.1f Td (%s) Tj ET\n" % (2 if bold else 1, y, text.encode())
        for y, bold, text in lines
    )
    return pdf_file(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [4 0 R] /Count 1 >>",
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 5 0 R"
            b" /Resources << /Font << /F1 3 0 R /F2 6 0 R >> >> >>",
            b"<< /Length %d >>\nstream\n%s\nendstream" % (len(shown), shown),
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold >>",
        ]
    )


def test_a_figures_caption_heads_no_text_after_it() -> None:
    """Dynamo's "Figure 1: Service-oriented architecture of Amazon's platform", set in bold
    like its headings, was the section of the text after it: citations read "2.2 Service Level
    Agreements (SLA) › Figure 1: Service-oriented architecture … › ¶ 26"."""
    lines = [(760, True, "2.2 Service Level Agreements"), (740, False, BODY[0])]
    lines += [(727, False, BODY[1]), (714, False, BODY[2])]
    lines += [(680, True, "Figure 1: Service-oriented architecture")]
    after = [
        "In a decentralized service oriented infrastructure, agreements play an important",
        "role: a page request to one of the e-commerce sites typically requires the",
        "rendering engine to construct its response by sending requests to many services.",
    ]
    lines += [(650 - 13 * i, False, line) for i, line in enumerate(after)]
    found = passages(read("dynamo.pdf", _two_fonts(lines)), "dynamo.pdf")
    assert next(p for p in found if "In a decentralized" in p.text).section == (
        "2.2 Service Level Agreements"
    )


def test_a_number_closing_a_formulas_parenthesis_is_no_list_item() -> None:
    """Kalman's theorem broke at "… The optimal estimate x*(t + 1|t) of x(t +" / "1) given
    y(t0), …": the "1)" read as a list's first item, and the theorem ended mid-formula."""
    lines = [
        "Theorem 3. Consider Problem I. The optimal estimate x*(t + 1|t) of x(t +",
        "1) given y(t0), ..., y(t) is generated by the linear dynamic system below.",
    ]
    page = [Text(72, 700 - 13 * i, line, 10) for i, line in enumerate(lines)]
    assert texts(read("kalman.pdf", make_pdf([page]))) == [" ".join(lines)]
