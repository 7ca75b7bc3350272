"""Numbered listings beside their typeset output, and a contents list without leaders, in PDF
manuals (docs-dev2: fancyvrb-doc.pdf and titlesec.pdf, TeX Live documentation; sources in that
folder's SOURCES.md)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pdfmaker
from pdfmaker import Text, make_pdf, pdf_file
from readerfiles import CORPORA, parsed

from retrieval.ingest.readers.pdf import read_pdf

FANCYVRB = CORPORA / "docs-dev2" / "pdf" / "fancyvrb-doc.pdf"


def test_a_numbered_listing_is_code_and_never_opens_the_sentence_after_it() -> None:
    # Each source line is numbered in 5 pt roman ("5 \end{Verbatim}"): still code, and the
    # listing's last line no longer starts the paragraph that follows it.
    manual = parsed(FANCYVRB)
    assert not [b.text for b in manual.blocks if re.match(r"\d+ \\end\{Verbatim\}", b.text)]
    care = next(b for b in manual.blocks if b.text.startswith("Take care to a special effect"))
    assert "\\begin{Verbatim}[commentchar=\\%]" in care.code


def test_an_example_output_goes_with_its_listing_not_alone() -> None:
    # "Verbatim line." is what the example prints; it is quoted with the listing that makes it.
    manual = parsed(FANCYVRB)
    alone = [b for b in manual.blocks if b.kind == "code" and b.code.strip() == "Verbatim line."]
    assert len(alone) <= 4  # 42 before, one a listing number
    gobble = next(b for b in manual.blocks if b.text.startswith("gobble (integer)"))
    assert "Verbatim line." in gobble.code and "\\begin{Verbatim}" in gobble.code


def test_a_contents_list_without_leaders_is_no_heading_nor_text() -> None:
    # titlesec.pdf lists "2. Quick Reference 2" in bold and "2.1. Format, 2.—2.2. Spacing, 2.—"
    # run in under it, no dots: once read as headings, its last entry headed the note after it.
    manual = parsed(CORPORA / "docs-dev2" / "pdf" / "titlesec.pdf")
    assert not [b for b in manual.blocks if "2.1. Format, 2.—" in b.text]
    sections = {b.section for b in manual.blocks}
    assert not [s for s in sections if s and s.endswith(("Quick Reference 2", "Appendix 20"))]
    note = next(b for b in manual.blocks if "report any issues you find" in b.text)
    assert note.section is None
    assert "1. Introduction" in sections


def test_a_keys_name_over_its_syntax_leads_its_description() -> None:
    # enumitem.pdf sets "wide" in typewriter type over "wide=⟨parindent⟩", not indented: a
    # name, read with the description, not a passage of one word of code.
    manual = parsed(CORPORA / "docs-dev2" / "pdf" / "enumitem.pdf")
    assert not [b for b in manual.blocks if b.kind == "code" and b.code.strip() == "wide"]
    wide = next(b for b in manual.blocks if b.text.startswith("wide wide="))
    assert "With this convenience key, the leftmargin is null" in wide.text
    assert wide.section == "3.9 “Wide” lists"


def test_no_space_is_made_up_before_a_comma_after_a_tex_logo() -> None:
    # "pdfTeX (version 0.14f or later), LuaTeX, or XeTeX": the logo's kerns made PDFium put a
    # space before the comma ("LuaTeX ,"); a space the file has, or one between two fonts
    # ("the .changes file" in developers-reference.pdf), stays.
    manual = parsed(CORPORA / "docs-dev" / "pdf" / "microtype.pdf")
    microtype = " ".join(b.text for b in manual.blocks)
    assert "LuaTeX ," not in microtype and "pdfTeX ," not in microtype
    assert "(version 0.14f or later), LuaTeX, or XeTeX" in microtype
    reference = parsed(CORPORA / "office" / "pdf" / "developers-reference.pdf")
    assert not any("email the. changes" in b.text for b in reference.blocks)


def test_a_sentence_bold_only_in_its_names_is_no_heading() -> None:
    # "NOTE With align=right (the default), labelindent=! and labelwidth=! behave similarly in"
    # / "practice.": the key names set bold made the first line look like a heading.
    manual = parsed(CORPORA / "docs-dev2" / "pdf" / "enumitem.pdf")
    assert not [b for b in manual.blocks if b.section and b.section.startswith("NOTE With")]
    texts = [b.text for b in manual.blocks]
    note = "NOTE With align=right (the default), labelindent=! and labelwidth=! behave similarly"
    assert f"{note} in practice." in texts


def test_a_space_before_a_name_or_in_code_stays() -> None:
    # "those .deb archive files", "apt-cache search .|grep dummy", "cp po_fridge/*.po ."
    reference = parsed(CORPORA / "office" / "pdf" / "developers-reference.pdf")
    text = " ".join(f"{b.text} {b.code}" for b in reference.blocks)
    assert "apt-cache search .|grep dummy" in text and "cp po_fridge/*.po ." in text
    faq = parsed(CORPORA / "office" / "pdf" / "debian-faq.en.pdf")
    assert any("keep all those .deb archive files" in (b.section or "") for b in faq.blocks)


def test_a_line_ending_in_a_parenthesis_is_not_taken_for_a_joined_hyphenation() -> None:
    # The box of ")" reaches below the baseline; read as PDFium's drop to the next line, it
    # brought the next item closer and ran "runin A run-in title" into "display …".
    manual = parsed(CORPORA / "docs-dev2" / "pdf" / "titlesec.pdf")
    texts = [b.text for b in manual.blocks]
    assert "display puts the label in a separate paragraph. (Like the standard \\chapter.)" in texts
    assert "runin A run-in title, like the standard \\paragraph." in texts


def test_a_bold_display_or_list_item_is_no_heading() -> None:
    # "The five parameters are related in the following way:" / "\leftmargin + \itemindent =
    # …" in bold; "– topsep", "– partopsep" … in bold under "• Vertical spacing:".
    manual = parsed(CORPORA / "docs-dev2" / "pdf" / "enumitem.pdf")
    sections = {b.section or "" for b in manual.blocks}
    assert not [s for s in sections if s.startswith(("\\leftmargin", "– "))]
    spacing = next(b for b in manual.blocks if b.text.startswith("• Vertical spacing:"))
    assert "– partopsep" in spacing.text and spacing.section == "1 Introduction"


def test_a_sentence_going_on_in_bold_names_heads_nothing() -> None:
    # "After creating a list, you can … set the new list with" / "\setlist:" (bold) / code.
    manual = parsed(CORPORA / "docs-dev2" / "pdf" / "enumitem.pdf")
    sections = {b.section or "" for b in manual.blocks}
    assert not sections & {"\\setlist:", "2\\parindent:", "with \\parindent:"}
    microtype = parsed(CORPORA / "docs-dev" / "pdf" / "microtype.pdf")
    assert "2.3c (2008/11/11)" in {b.section for b in microtype.blocks}  # after an item


def test_a_bold_label_opening_a_sentence_through_a_display_is_no_heading() -> None:
    # "EXAMPLE With" (bold) / "\SetEnumitemKey{midsep}{…}" / "you may write"
    manual = parsed(CORPORA / "docs-dev2" / "pdf" / "enumitem.pdf")
    assert "EXAMPLE With" not in {b.section for b in manual.blocks}
    example = next(b for b in manual.blocks if b.text.startswith("EXAMPLE With \\SetEnumitemKey"))
    assert (
        example.text.endswith("you may write") and example.section == "3.11 Generic keys and values"
    )


def _bold_and_roman(lines: list[tuple[float, str, bool]]) -> bytes:
    """A page of Helvetica lines at 10 pt, bold where asked, at the heights given."""
    fonts = [
        b"<< /Type /Font /Subtype /Type1 /BaseFont /%s /Encoding /WinAnsiEncoding >>" % name
        for name in (b"Helvetica", b"Helvetica-Bold")
    ]
    stream = b"".join(
        b"BT /%s 10 Tf 72 %.1f Td <%s> Tj ET\n"
        % (b"F2" if bold else b"F1", y, text.encode("cp1252").hex().upper().encode())
        for y, text, bold in lines
    )
    return pdf_file(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [6 0 R] /Count 1 >>",
            *fonts,
            b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream),
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 5 0 R"
            b" /Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> >>",
        ]
    )


def test_a_bold_heading_after_a_paragraph_ending_without_a_stop_is_still_a_heading() -> None:
    # A paragraph ending in a web address leaves its sentence "open": the bold line 18 points
    # below was read as its sentence going on in bold, and "Installation" lost its section.
    data = _bold_and_roman(
        [
            (800, "A Small Manual", True),
            (
                770,
                "The sources and the issue tracker are kept at the project site, which is",
                False,
            ),
            (758, "https://example.org/tool", False),
            (740, "Installation", True),
            (
                728,
                "Unpack the archive into a folder of your choice and run the setup script.",
                False,
            ),
        ]
    )
    blocks = read_pdf(data, Path("manual.pdf")).blocks
    assert any(b.section == "Installation" and b.text.startswith("Unpack") for b in blocks)


def test_a_code_line_with_a_chinese_comment_or_string_is_code(monkeypatch: Any) -> None:
    """A listing in a fixed-pitch font covering Chinese ("Source Han Mono"): its lines with
    a Chinese comment or string ("print('你好，' + name)") were prose, as Chinese text in a
    fixed-pitch font is, the listing cut into a line of code and a paragraph. The paragraph
    of Chinese before it, in that font, is still no code."""
    plain = pdfmaker._cjk_font
    monkeypatch.setattr(
        pdfmaker,
        "_cjk_font",
        lambda used: [o.replace(b"/SimSun", b"/SourceHanMono-Regular") for o in plain(used)],
    )
    prose = ["下面的函数向用户问好，它读取用户的名字并打印一行问候语，", "然后把名字返回给调用者："]
    code = ["def greet(name):", "    # 打印问候语", "    print('你好，' + name)", "    return name"]
    page = [Text(72, 760 - 16 * i, line, 10) for i, line in enumerate(prose)]
    page += [Text(72, 700 - 14 * i, line, 10) for i, line in enumerate(code)]
    blocks = read_pdf(make_pdf([page], cjk=True), Path("guide.pdf")).blocks
    assert [b.text for b in blocks] == [prose[0] + prose[1]]
    assert blocks[0].code.split("\n") == [
        "def greet(name):",
        "       # 打印问候语",
        "       print('你好，' + name)",
        "       return name",
    ]
