"""The PDF reader on real PDFs (Debian and LaTeX manuals, two-column LaTeX News).

What a user would notice: the cited page is the page a paragraph starts on, no running header or
page number inside a passage, words split at line ends whole again, two columns read in order,
and a 300-page manual read in well under ten seconds. The page oracle is PDFium's own text of each
page, independent of the reader's line and paragraph logic.
"""

from __future__ import annotations

import io
import re
import tracemalloc
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from pdfmaker import Text, make_pdf
from pypdf import PdfWriter
from readerfiles import OFFICE, PDF_FILES, parsed, texts

from bot.render.citations import citation
from retrieval.errors import DocumentError
from retrieval.ingest.parsed import ParsedDocument
from retrieval.ingest.passages import passages
from retrieval.ingest.pipeline import read
from retrieval.ingest.readers.common import attach_code
from retrieval.ingest.readers.pdf import join_lines, read_pdf, rejoin
from retrieval.ingest.readers.pdf_page import Line, reading_order
from retrieval.library import Library
from retrieval.model import Excerpt, Hit, Passage, Segment, solid_length
from retrieval.search.analyzer import Analyzer
from retrieval.search.excerpts import excerpt

PDF = OFFICE / "pdf"


def _letters(text: str) -> str:
    """Letters and digits only, lower case: PDFium's line breaks and hyphen marks don't count."""
    return "".join(re.findall(r"\w", text.lower()))


def _words(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.lower()))


def _page_texts(path: Path) -> list[str]:
    pdf = pdfium.PdfDocument(str(path))
    try:
        return [_letters(pdf[i].get_textpage().get_text_range()) for i in range(len(pdf))]
    finally:
        pdf.close()


def test_the_pdfs_are_there() -> None:
    assert len(PDF_FILES) == 4


@pytest.mark.parametrize("path", PDF_FILES, ids=lambda p: p.name)
def test_every_paragraph_starts_on_its_cited_page(path: Path) -> None:
    pages = _page_texts(path)
    located = 0
    blocks = parsed(path).blocks
    for block in blocks:
        opening = _letters(" ".join(block.text.split()[:3]))
        found_on = [number for number, text in enumerate(pages, start=1) if opening in text]
        if found_on:  # a formula whose pieces PDFium orders differently can't be located
            located += 1
            assert block.page in found_on, (block.page, found_on, block.text[:80])
    assert located >= 0.98 * len(blocks)


@pytest.mark.parametrize("path", PDF_FILES, ids=lambda p: p.name)
def test_a_paragraph_running_over_a_page_break_is_one_block_on_its_first_page(path: Path) -> None:
    pages = _page_texts(path)
    spanning = [
        block
        for block in parsed(path).blocks
        if block.page is not None
        and block.page < len(pages)
        and _letters(" ".join(block.text.split()[:4])) in pages[block.page - 1]
        and _letters(" ".join(block.text.split()[-4:])) not in pages[block.page - 1]
        and _letters(" ".join(block.text.split()[-4:])) in pages[block.page]
    ]
    assert spanning


def test_running_headers_footers_and_page_numbers_are_not_in_passages() -> None:
    for path in PDF_FILES:
        for text in texts(parsed(path)):
            assert not re.fullmatch(r"[–-]?\s*(\d+|[ivxlc]+)\s*[–-]?", text), (path.name, text)
            assert "Debian Developer’s Reference, Release 12.18" not in text
            assert not re.search(r"CHAPTER \d+\. [A-Z]{4,}", text), (path.name, text)


def test_contents_pages_are_not_passages() -> None:
    for path in PDF_FILES:
        for text in texts(parsed(path)):
            assert not re.search(r"(\s?\.){4,}\s*\d+", text), (path.name, text)


def test_title_date_and_sections() -> None:
    document = parsed(PDF / "developers-reference.pdf")
    assert (document.title, document.date) == ("Debian Developer's Reference", "2023-03-06")
    faq = parsed(PDF / "debian-faq.en.pdf")
    assert "1.2 What is Debian GNU/Linux?" in {block.section for block in faq.blocks}
    opening = next(b for b in faq.blocks if b.text.startswith("For Debian, free has the GNUish"))
    assert opening.section == "1.2 What is Debian GNU/Linux?" and opening.page == 9
    # a heading set on two lines is one section, never its second line alone
    sections = {block.section for block in faq.blocks}
    assert "3.2 But what about Knoppix, Linux Mint Debian Edition, Ubuntu, and others?" in sections
    assert not [s for s in sections if s and s[0].islower()]


def test_line_end_hyphenation_is_rejoined_and_real_hyphens_kept() -> None:
    faq = " ".join(texts(parsed(PDF / "debian-faq.en.pdf")))
    assert "documentation will be given" in faq  # "docu-" / "mentation" in the PDF
    assert "Debian-based" in faq and "architecture-specific" in faq
    assert "\ufffe" not in faq
    assert rejoin("opportu", "nities", set()) == "opportunities"
    assert rejoin("well", "known", {"well-known"}) == "well-known"
    assert rejoin("pack", "ages", {"packages", "pack", "ages"}) == "packages"


def test_two_columns_are_read_in_order_and_a_sentence_crosses_the_column_break() -> None:
    document = parsed(PDF / "ltnews35.pdf")
    found = [
        t for t in texts(document) if "and phase II is the phase we are currently working on" in t
    ]
    assert found and found[0].startswith("We added a new latex-laboratory bundle")
    order = texts(document)
    left = order.index(
        next(t for t in order if t.startswith("For this reason we introduce the new"))
    )
    right = order.index(next(t for t in order if "you currently enable tagging" in t))
    assert left < right


def test_a_display_of_code_inside_a_sentence_reads_as_part_of_it() -> None:
    """ltnews35.pdf: "With" / "\\DocumentMetadata{testphase=phase-II}" (typewriter, set apart) /
    "you currently enable tagging …" is one sentence, not a paragraph cut at "With" and another
    starting "you currently"."""
    found = [t for t in texts(parsed(PDF / "ltnews35.pdf")) if "currently enable tagging" in t]
    assert found and "With \\DocumentMetadata{testphase=phase-II} you currently enable" in found[0]


def test_a_300_page_pdf_is_read_to_its_last_pages() -> None:
    # How long it takes is measured by `python -m tools.pdfbench`, not asserted here.
    writer = PdfWriter()
    for name in ("developers-reference.pdf", "developers-reference.pdf", "debian-faq.en.pdf"):
        writer.append(str(PDF / name))
    buffer = io.BytesIO()
    writer.write(buffer)
    assert len(writer.pages) >= 300
    document = read("manual.pdf", buffer.getvalue())
    assert max(block.page or 0 for block in document.blocks) >= 295


def test_listings_in_a_fixed_pitch_font_are_code_with_their_introducing_sentence() -> None:
    blocks = parsed(PDF / "clsguide.pdf").blocks
    listing = next(
        b for b in blocks if b.text == "For example, article.sty contains just the following lines:"
    )
    assert listing.kind == "code"
    assert listing.code == (
        "\\NeedsTeXFormat{LaTeX2e}\n\\@obsoletefile{article.cls}{article.sty}\n\\LoadClass{article}"
    )
    warning = next(b for b in blocks if b.code.startswith("LaTeX Warning: You have requested"))
    second = warning.code.split("\n")[1]
    assert second.lstrip().startswith("but the package") and second.startswith(" " * 10)
    # prose that only mentions commands in the same font stays prose
    assert any(
        b.kind == "text" and b.text.startswith("Thus, instead of using \\def...") for b in blocks
    )


def test_memory_stays_bounded_while_reading() -> None:
    """Pages are read one at a time: what Python holds at its peak is a few times the text (here
    about 60 KB), never every page's objects; PDFium itself keeps the file and one page."""
    data = (PDF / "clsguide.pdf").read_bytes()
    read("warm-up.pdf", data)  # the reader's modules are imported on first use, not measured
    tracemalloc.start()
    try:
        read("manual.pdf", data)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 8 * 1024 * 1024, peak


def _line(text: str, x0: float, x1: float, y: float) -> Line:
    return Line(page=1, text=text, x0=x0, x1=x1, y=y, size=10.0, bold=False, y_last=y)


def test_two_text_columns_are_read_left_then_right_below_a_full_width_title() -> None:
    title = _line("Title across the page", 50, 550, 760)
    left = [_line(f"left {i}", 50, 290, 700 - 12 * i) for i in range(8)]
    right = [_line(f"right {i}", 310, 550, 700 - 12 * i) for i in range(8)]
    interleaved = [title] + [line for pair in zip(left, right, strict=True) for line in pair]
    ordered = [line.text for line in reading_order(interleaved, 600)]
    assert ordered == [title.text] + [ln.text for ln in left] + [ln.text for ln in right]


def test_a_table_of_short_cells_is_not_taken_for_two_columns() -> None:
    rows = []
    for i in range(8):
        rows += [_line(f"name {i}", 50, 110, 700 - 12 * i), _line(f"{i}", 400, 420, 700 - 12 * i)]
    assert reading_order(rows, 600) == rows


def test_without_properties_the_title_and_date_come_from_the_first_page() -> None:
    writer = PdfWriter(clone_from=str(PDF / "debian-faq.en.pdf"))
    writer.metadata = None
    buffer = io.BytesIO()
    writer.write(buffer)
    document = read("faq.pdf", buffer.getvalue())
    assert (document.title, document.date) == ("The Debian GNU/Linux FAQ", "2022-05-31")


def test_a_margin_note_beside_a_line_does_not_land_inside_its_sentence() -> None:
    """microtype.pdf (docs-dev corpus) names options in the left margin, on the baseline of a
    line of the paragraph that describes them: PDFium reads note and line as one."""
    path = Path(__file__).parents[2] / "data/eval/corpora/docs-dev/pdf/microtype.pdf"
    text = " ".join(texts(read("microtype.pdf", path.read_bytes())))
    assert "independently from each other by setting" in text  # not "each activate other"
    assert "all glyphs in the" in text and "all glyphs \\ShowProtrusionMissing" not in text
    assert "protrusion true, false, compatibility" in text  # a note heading its paragraph stays


def test_a_footnote_does_not_cut_the_paragraph_that_runs_on_over_the_page_break() -> None:
    """booktabs.pdf (docs-dev corpus): page 1 ends mid-sentence above a footnote."""
    path = Path(__file__).parents[2] / "data/eval/corpora/docs-dev/pdf/booktabs.pdf"
    blocks = read("booktabs.pdf", path.read_bytes()).blocks
    runs_on = next(b for b in blocks if "has been established over centuries" in b.text)
    assert "layout of a table has been established over centuries" in runs_on.text
    assert runs_on.page == 1
    note = next(b for b in blocks if "converging to phi" in b.text)  # the footnote is kept
    assert note.text.startswith("∗ This file has version number")


def test_chinese_lines_run_on_without_a_space_between_their_characters() -> None:
    lines = [
        "这份文档介绍了排版系统的基本观",
        "点，以及如何在文档中插入图",
        "片和表格。它是为初学者写的 ，使用",  # a space where a link ended
        "LaTeX 排版的读者都可以参考。",
    ]
    data = make_pdf([[Text(72, 700 - 16 * i, text, 12) for i, text in enumerate(lines)]], cjk=True)
    assert texts(read("lshort.pdf", data)) == [
        "这份文档介绍了排版系统的基本观点，以及如何在文档中插入图片和表格。"
        "它是为初学者写的，使用 LaTeX 排版的读者都可以参考。"
    ]


def _cp1251_page(lines: list[str]) -> list[Text]:
    """Russian in a font without a Unicode map, as TeX's Cyrillic (T2A) fonts write it: PDFium
    reads every byte as its Latin-1 character, and TeX's hyphen is code 127 ("~" here). The first
    line is a heading."""
    codes = [text.replace("~", "\x7f").encode("cp1251") for text in lines]
    return [Text(72, 730, codes[0], 16)] + [
        Text(72, 700 - 14 * i, text) for i, text in enumerate(codes[1:])
    ]


def test_russian_in_a_font_without_unicode_map_is_read_as_russian() -> None:
    page = _cp1251_page(
        [
            "Комментарии",
            "Когда LaTeX встречает символ процента, он игнорирует оста~",
            "ток текущей строки. Этим можно пользоваться для добавления",
            "в исходный файл замечаний, которые не выводятся на печать.",
        ]
    )
    garbled = pdfium.PdfDocument(make_pdf([page]))[0].get_textpage().get_text_range()
    assert garbled.startswith("Êîììåíòàðèè")  # what PDFium reads
    document = read("lshortru.pdf", make_pdf([page]))
    assert document.title == "Комментарии"
    assert texts(document) == [
        "Когда LaTeX встречает символ процента, он игнорирует остаток текущей строки. Этим можно "
        "пользоваться для добавления в исходный файл замечаний, которые не выводятся на печать."
    ]


@pytest.mark.parametrize(
    "codes",
    [
        "Когда LaTeX встречает символ процента, он игнорирует остаток строки".encode("koi8_r"),
        bytes(range(1, 30)) * 2,  # a font that numbers its glyphs in the order they are used
    ],
    ids=["another-code-page", "glyph-numbers"],
)
def test_a_text_layer_that_cannot_be_read_is_refused_with_the_reason(codes: bytes) -> None:
    data = make_pdf([[Text(72, 700 - 14 * i, codes) for i in range(20)]])
    with pytest.raises(DocumentError) as caught:
        read("garbled.pdf", data)
    assert caught.value.reason == (
        "text layer unreadable: its fonts have no Unicode mapping — needs OCR"
    )


def test_index_entries_and_contents_entries_without_dot_leaders_are_not_text() -> None:
    docs = Path(__file__).parents[2] / "data/eval/corpora/docs-dev/pdf"
    for name in ("microtype.pdf", "booktabs.pdf"):  # "\rightprotrusion . . . . 25, 32"
        index = [
            t
            for t in texts(read(name, (docs / name).read_bytes()))
            if re.search(r"(?:\. ){3,}\d+(?:, \d+)+$", t)
        ]
        assert index == [], name
    # "1 Introduction 2", a chapter's entry set bold without leaders, is no section heading.
    sections = {block.section for block in parsed(PDF / "clsguide.pdf").blocks}
    assert "1 Introduction" in sections and "1 Introduction 2" not in sections
    licence = next(
        b for b in parsed(PDF / "developers-reference.pdf").blocks if "Holger Levsen" in b.text
    )
    assert "Scope of This Document 3" not in (licence.section or "")


DOCS_DEV_PDF = Path(__file__).parents[2] / "data/eval/corpora/docs-dev/pdf"


def test_a_heading_with_a_note_beside_it_heads_its_section() -> None:
    """microtype.pdf sets "pdfTeX 0.14f | LuaTeX 0.30" in small type on the baseline of
    "3.2 Character protrusion": the heading is still a heading, not a passage of its own."""
    blocks = read("microtype.pdf", (DOCS_DEV_PDF / "microtype.pdf").read_bytes()).blocks
    factor = next(b for b in blocks if "globally increase or decrease the amount" in b.text)
    assert factor.section == "3.2 Character protrusion"
    assert not any(b.text.startswith("3.2 Character protrusion") for b in blocks)


def test_the_title_pages_author_address_and_date_head_no_section() -> None:
    booktabs = read("booktabs.pdf", (DOCS_DEV_PDF / "booktabs.pdf").read_bytes())
    microtype = read("microtype.pdf", (DOCS_DEV_PDF / "microtype.pdf").read_bytes())
    assert booktabs.title == "Publication quality tables in LATEX"
    abstract = next(b for b in booktabs.blocks if "additional commands to enhance" in b.text)
    assert abstract.section is None and abstract.text.startswith("Abstract This article")
    front = booktabs.blocks[0]  # the author and the date: findable, not glued to the abstract
    assert front.section is None and "Simon Fear" in front.text and "2020" in front.text
    assert "1 Introduction" in {b.section for b in booktabs.blocks}
    first = [b.section for b in microtype.blocks if b.page == 1]
    assert set(first) == {None}


def test_a_paragraph_printed_again_in_another_layer_is_one_passage() -> None:
    """microtype.pdf page 3 shows the same two paragraphs four times (protrusion and expansion
    on and off, in optional layers): one copy is enough."""
    blocks = read("microtype.pdf", (DOCS_DEV_PDF / "microtype.pdf").read_bytes()).blocks
    copies = [b for b in blocks if b.text.startswith("‘Margin kerning is the adjustments")]
    assert len(copies) == 1


def test_notes_on_lines_of_their_own_in_the_margin_do_not_cut_a_sentence() -> None:
    """booktabs.pdf page 4 names "\\midrule" and "\\bottomrule" in the left margin, beside the
    second and third lines of the paragraph that describes them."""
    blocks = read("booktabs.pdf", (DOCS_DEV_PDF / "booktabs.pdf").read_bytes()).blocks
    described = next(b for b in blocks if "has a single row of column" in b.text)
    assert "has a single row of column headings, then a dividing rule" in described.text
    assert described.kind == "text" and described.page == 4


def test_latex_leftovers_in_the_text_layer_read_as_the_page_prints_them() -> None:
    """microtype.pdf's text layer holds "factor protect <integerprotect > 1000" where the page
    prints "factor ⟨integer⟩ 1000"; booktabs.pdf's footnote mark is glued to its first word."""
    microtype = " ".join(
        texts(read("microtype.pdf", (DOCS_DEV_PDF / "microtype.pdf").read_bytes()))
    )
    assert "factor <integer> 1000" in microtype and "integerprotect" not in microtype
    booktabs = read("booktabs.pdf", (DOCS_DEV_PDF / "booktabs.pdf").read_bytes()).blocks
    assert any(b.text.startswith("2 User feedback suggested") for b in booktabs)


def test_a_heading_set_like_the_text_is_known_by_the_contents_list_naming_it() -> None:
    """texlive-ru.pdf names its release history's subsections by year ("10.1.7 2010"), set in
    the text's own roman type: only its contents list tells they are headings."""
    leader = " ." * 30
    contents = [Text(72, 760, "Contents", 16)] + [
        Text(72, 730 - 16 * i, f"{name}{leader} 2")
        for i, name in enumerate(["1 History", "1.1 2003", "1.2 2004", "1.3 2005"])
    ]
    body = [Text(72, 760, "1 History", 16)]
    y = 730.0
    for year in ("2003", "2004", "2005"):
        body.append(Text(72, y, f"1.{int(year) - 2002} {year}"))
        body.append(Text(72, y - 14, f"In {year} the collection was renamed and rebuilt from"))
        body.append(Text(72, y - 28, "its sources, with many new fonts and a new installer."))
        y -= 60
    document = read("history.pdf", make_pdf([contents, body]))
    rebuilt = [b for b in document.blocks if "rebuilt from its sources" in b.text]
    assert [b.section for b in rebuilt] == ["1.1 2003", "1.2 2004", "1.3 2005"]


@pytest.mark.parametrize("path", PDF_FILES, ids=lambda p: p.name)
def test_every_stretch_of_a_passage_is_cited_on_the_page_it_stands_on(path: Path) -> None:
    """A quote from the end of a paragraph that began a page earlier cites the later page: each
    run of four words is looked up in PDFium's text of the page ``page_at`` names (the oracle).
    Four words that straddle the break, or a formula PDFium orders otherwise, are on no page.
    Only the passage's own pages are searched: manuals repeat sentences elsewhere."""
    pdf = pdfium.PdfDocument(str(path))
    try:  # each page's words, lower case, between spaces: a run of words is found whole
        pages = [f" {_words(pdf[i].get_textpage().get_text_range())} " for i in range(len(pdf))]
    finally:
        pdf.close()
    runs_on = [p for p in passages(parsed(path), path.name) if p.turns]
    assert runs_on  # each of these manuals has paragraphs that run on over a page break
    later = 0
    for passage in runs_on:
        words = [(m.start(), m.group()) for m in re.finditer(r"\S+", passage.text)]
        spread = range(passage.page or 0, passage.turns[-1][1] + 1)  # the pages it stands on
        for i in range(len(words) - 3):
            window = f" {_words(' '.join(word for _, word in words[i : i + 4]))} "
            on = [n for n in spread if window in pages[n - 1]]
            page = passage.page_at(words[i][0])
            if on and len(window) > 14 and re.search(r"\w", words[i][1]):  # not "…" or "—"
                assert page in on, (page, on, passage.text[words[i][0] :][:60])
                later += page != passage.page
    assert later  # some stretches stand on a page after the passage's first


def test_a_quote_from_a_paragraphs_second_page_cites_that_page(tmp_path: Path) -> None:
    """Asked about the end of a paragraph that runs over a page break, the citation names the
    page the quoted words are on, not only the page the paragraph starts on."""
    opening = [
        "The harbour office keeps the register of every vessel that calls at the port",
        "during the season, and its clerks record the tonnage, the cargo, the crew and",
    ]
    ending = [
        "the owner of each ship. The lighthouse keeper rings the copper bell twice at",
        "noon, so that the fishermen know when the tide turns in the narrow channel.",
    ]
    first = [Text(72, 760, "Port Rules", 18)] + [
        Text(72, 100 - 14 * i, text) for i, text in enumerate(opening)
    ]
    second = [Text(72, 760 - 14 * i, text) for i, text in enumerate(ending)]
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "port.pdf").write_bytes(make_pdf([first, second]))
    library = Library.open(tmp_path / "corpus.db", corpus)
    try:
        hit = library.answer("When does the lighthouse keeper ring the copper bell?").hits[0]
    finally:
        library.close()
    assert hit.passage.page == 1 and "harbour office" in hit.passage.text
    assert hit.pages is not None and hit.pages[-1] == 2
    assert citation(hit.passage, pages=hit.pages).endswith(("p. 2", "pp. 1–2"))


def test_a_web_or_mail_address_broken_at_a_line_end_is_whole_again() -> None:
    """The Debian manuals break long addresses after a dot or a slash; a reader who copies one
    from a quote gets an address that works, and a word after a whole address keeps its space."""
    faq = " ".join(texts(parsed(PDF / "debian-faq.en.pdf")))
    reference = " ".join(texts(parsed(PDF / "developers-reference.pdf")))
    assert "maintonly@bugs.debian.org" in reference
    assert "(https://www.debian.org/misc/children-distros)" in faq
    assert "https://www.pathname.com/fhs" in faq and "https://www.stallman.org/" in faq
    assert "https://www.debian.org/ports/hurd/ for" in faq


@pytest.mark.parametrize(
    ("lines", "joined"),
    [
        (
            ["mail maintonly@bugs.debian.", "org instead."],
            "mail maintonly@bugs.debian.org instead.",
        ),
        (
            ["see (https://www.debian.org/doc/", "manuals/howto/)."],
            "see (https://www.debian.org/doc/manuals/howto/).",
        ),
        (
            ["at https://lists.debian.org/", "for details."],
            "at https://lists.debian.org/ for details.",
        ),
        (["It ends at www.example.org.", "Then more."], "It ends at www.example.org. Then more."),
        (["a path /usr/share/doc/", "org/x"], "a path /usr/share/doc/ org/x"),
        (["Write to owner@bugs.debian.org.", "e.g. for spam."], None),
        (["see https://www.debian.org/", "net result"], None),
        (["mirrors at ftp://ftp.debian.org/.", "2.0 is out"], None),
        ([" ", "x"], None),
    ],
)
def test_lines_join_with_a_space_except_inside_an_address(
    lines: list[str], joined: str | None
) -> None:
    """``None``: joined with a space, as any two lines (an address that ends a sentence, a word
    after a whole address)."""
    assert join_lines(lines) == (joined or " ".join(lines))


def _library_answer(tmp_path: Path, pages: list[list[Text]], question: str) -> Hit:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "manual.pdf").write_bytes(make_pdf(pages))
    library = Library.open(tmp_path / "corpus.db", corpus)
    try:
        return library.answer(question).hits[0]
    finally:
        library.close()


def test_a_list_whose_items_stand_on_the_next_page_cites_that_page_too(tmp_path: Path) -> None:
    """ "… offers three modes:" at the foot of p. 1, its items on p. 2: quoted together, and
    the citation names p. 2, where the item asked about stands."""
    first = [
        Text(72, 760, "Modes", 18),
        Text(72, 700, "The archiver reads the files you name and writes them into one archive,"),
        Text(72, 686, "checking each one on the way. The program offers three modes:"),
    ]
    items = [
        "- fast mode skips the checksum of every member",
        "- safe mode verifies each member twice",
        "- frugal mode compresses the archive with the slowest and smallest codec",
    ]
    second = [Text(72, 780 - 14 * i, item) for i, item in enumerate(items)]
    hit = _library_answer(tmp_path, [first, second], "Which mode uses the smallest codec?")
    assert "frugal mode" in hit.passage.text and hit.passage.page == 1
    assert hit.pages is not None and hit.pages[-1] == 2


def test_a_paragraph_running_over_many_pages_cites_each_page_where_its_words_are(
    tmp_path: Path,
) -> None:
    """A transcript whose sentences never end at a page foot is one paragraph over 60 pages (its
    page turns are counted line by line, not by re-reading the paragraph at every turn)."""
    words = "ward log kept by the night nurse who notes each bed round and visit and".split()
    pages = [
        [
            Text(72, 700 - 14 * i, f"{' '.join(words[(n * 7 + i) % 9 :][:6])} on page{n} and")
            for i in range(5)
        ]
        for n in range(1, 61)
    ]
    document = read("log.pdf", make_pdf(pages))
    runs = [p for p in passages(document, "log.pdf") if p.turns]
    assert sum(len(p.turns) for p in runs) >= 50  # some parts of it are passages of their own
    for page in (2, 30, 60):
        for passage in (p for p in passages(document, "log.pdf") if f"page{page} " in p.text):
            assert passage.page_at(passage.text.index(f"page{page} ")) == page


def test_a_sentence_said_twice_is_cited_on_the_page_of_the_one_quoted() -> None:
    """ "Save the file." before and after a page break: a quote of the second cites p. 28, not
    the page of the first occurrence: an excerpt knows where it was cut from."""
    text = (
        "Save the file. Then wait a minute for the editor to close. "
        "Restart the daemon at once. Save the file."
    )
    before = text[: text.index("Restart")]
    passage = Passage(
        "p1", "d.pdf", "Manual", None, 1, text, page=27, turns=((solid_length(before), 28),)
    )
    analyzer = Analyzer()
    quote = excerpt(text, analyzer, {t: 1.0 for t in analyzer.terms("restart daemon save file")})
    assert quote.start is not None and text[quote.start :].startswith("Restart the daemon")
    assert Hit(passage, 1.0, quote, 1).pages == (28, 28)
    second = Excerpt((Segment("Save the file."),), cut_before=True, start=text.rindex("Save"))
    assert Hit(passage, 1.0, second, 1).pages == (28, 28)


def test_a_listing_that_starts_on_the_next_page_after_its_sentence_cites_that_page() -> None:
    """The sentence introducing a listing ends p. 1, the listing is on p. 2 (and runs onto p. 3):
    the block knows both turns, counted over the sentence and then the code."""
    document = ParsedDocument(title="T")
    document.add("Deploy", "To start the service, run the following:", page=1)
    attach_code(document, "deploy --now\n  --quiet", "Deploy", 0, page=2, turns=((8, 3),))
    (block,) = document.blocks
    intro = solid_length("To start the service, run the following:")
    assert block.kind == "code" and block.turns == ((intro, 2), (intro + 8, 3))


def test_a_reference_set_flush_right_ends_its_paragraph_not_the_next() -> None:
    # LaTeX News puts "(github issue 711)" at the right margin under the paragraph it belongs to.
    blocks = texts(parsed(OFFICE / "pdf" / "ltnews35.pdf"))
    assert any(t.endswith("for a given number of text lines. (github issue 711)") for t in blocks)
    for issue in ("711", "714", "735"):  # (536 follows a code listing, which ends at it)
        assert not any(t.startswith(f"(github issue {issue})") for t in blocks)
    assert any(t.startswith("CamelCase commands for changing arguments") for t in blocks)


def test_a_sample_of_letterspaced_type_is_no_heading() -> None:
    microtype = OFFICE.parent / "docs-dev" / "pdf" / "microtype.pdf"  # "Stop st e a l i n g …"
    document = parsed(microtype)
    assert not any("s t e a l" in (b.section or "") for b in document.blocks)
    tracked = next(b for b in document.blocks if b.text.startswith("While the word ‘Stop’"))
    assert tracked.section is not None and tracked.section.startswith("5.3 Tracking")


def test_an_opening_quote_drawn_as_a_grave_accent_reads_as_a_quote() -> None:
    # dblatex's font gives "‘" as a combining grave accent on no letter ("symlinks for ̀frozen’").
    faq = parsed(PDF / "debian-faq.en.pdf")
    assert not any("\u0300" in b.text or "\u0300" in (b.section or "") for b in faq.blocks)
    sections = {b.section for b in faq.blocks}
    assert "6.5.1 What about ”testing”? How is it ‘frozen’?" in sections
    assert "2.2 Are there package upgrades in stable’?" in sections  # its quote was set apart


def test_a_back_of_book_index_without_leaders_is_no_passage() -> None:
    # The Debian FAQ's index sets "apt-file, 39" without dot leaders; microtype's index runs an
    # entry's pages on to a line of their own ("3, 5, 6, 8, 11, 12, 19, 29, 30, 32").
    faq = texts(parsed(PDF / "debian-faq.en.pdf"))
    assert not any("apt-file, 39" in text for text in faq)
    assert any("apt-file" in text for text in faq)  # the FAQ's own text about it stays
    microtype = texts(parsed(OFFICE.parent / "docs-dev" / "pdf" / "microtype.pdf"))
    assert not any(re.fullmatch(r"[\d, ]+", text) for text in microtype)


def test_a_raised_digit_after_a_word_is_a_footnote_mark_but_a_units_power_stays() -> None:
    # Dropping every raised small digit after two letters turned "km²" into "km".
    line = [
        Text(72, 700, "The lake covers twelve square km", 11),
        Text(238, 704.5, "2", 7),
        Text(243, 700, " of the valley floor.", 11),
        Text(72, 680, "The package is loaded in the preamble", 11),
        Text(262, 684.5, "2", 7),
        Text(267, 680, " of every document.", 11),
    ]
    found = texts(read_pdf(make_pdf([line], base14="Helvetica"), Path("lake.pdf")))
    assert any("square km2 of the valley" in text for text in found)
    assert any("in the preamble of every document." in text for text in found)
