"""What a reader of the LaTeX package manuals in the dev corpora sees, read right: a logo once, a
heading without the note beside it, the title page apart from the abstract, footnote marks apart
from their words, a display inside its sentence, an option's name leading its description."""

from __future__ import annotations

from pathlib import Path

from pdfmaker import pdf_file
from readerfiles import parsed, texts

from retrieval.ingest.passages import passages
from retrieval.ingest.pipeline import read

CORPORA = Path(__file__).parents[2] / "data/eval/corpora"
MICROTYPE = CORPORA / "docs-dev/pdf/microtype.pdf"
BOOKTABS = CORPORA / "docs-dev/pdf/booktabs.pdf"
TITLESEC = CORPORA / "docs-dev2/pdf/titlesec.pdf"


def test_a_logo_drawn_twice_over_itself_reads_once() -> None:
    """microtype.pdf draws "XeTeX" twice, the second copy (mirrored E) over the first."""
    found = texts(parsed(MICROTYPE))
    assert not [t for t in found if "XeTeXXeTeX" in t]
    assert any("or XeTeX (at least version 0.9997)" in t for t in found)


def test_the_engines_note_beside_a_heading_is_no_part_of_it() -> None:
    """ "5.1 Character protrusion" has "pdfTeX 0.14f | LuaTeX 0.30 | XeTeX 0.9997" in a grey
    box beside it: the section is "5.1 Character protrusion", the note its first text."""
    blocks = parsed(MICROTYPE).blocks
    sections = {b.section for b in blocks}
    assert "5.1 Character protrusion" in sections
    assert "9 Being pedantic about protrusion" in sections
    assert not [s for s in sections if s and ("pdfTeX" in s or "e-TeX" in s)]
    first = next(b for b in blocks if b.section == "5.1 Character protrusion")
    assert first.text.startswith("pdfTeX 0.14f | LuaTeX 0.30 | XeTeX 0.9997")


def test_the_title_pages_version_date_and_address_stay_off_the_abstract() -> None:
    blocks = parsed(MICROTYPE).blocks
    abstract = next(b for b in blocks if "provides a LaTeX interface" in b.text)
    assert abstract.text.startswith("The microtype package provides a LaTeX interface")
    front = blocks[0].text
    assert "v3.0f" in front and "2022/06/23" in front and "github.com/schlcht" in front


def test_a_footnote_mark_after_a_word_is_no_part_of_it() -> None:
    """booktabs.pdf: "… in the preamble.²", "… with the colortbl package.⁸"."""
    found = texts(read("booktabs.pdf", BOOKTABS.read_bytes()))
    joined = "\n".join(found)
    assert "preamble.2" not in joined and "package.8" not in joined
    assert any("Booktabs is now compatible with the colortbl package. The" in t for t in found)
    assert any(t.endswith("can be set by the user in the preamble.") for t in found)


def test_a_sentence_runs_on_through_the_code_displayed_inside_it() -> None:
    """booktabs.pdf page 6: "Thus in" / (display) / "the second command writes a rule …"."""
    found = passages(read("booktabs.pdf", BOOKTABS.read_bytes()), "pdf/booktabs.pdf")
    rule_row = next(p for p in found if "the same ‘rule row’. Thus in" in p.text)
    assert (
        "Thus in \\cmidrule{1-2}\\cmidrule{1-2} the second command writes a rule" in rule_row.text
    )
    assert "I suppose you wanted \\cmidrule{1-2}\\morecmidrules\\cmidrule{1-2} which gives you" in (
        rule_row.text
    )


def test_an_options_name_alone_on_its_line_leads_its_description() -> None:
    """titlesec.pdf sets "compact" in typewriter type in the margin, its description indented
    below it: one passage "compact: This option …", not a passage of one word."""
    found = passages(read("titlesec.pdf", TITLESEC.read_bytes()), "pdf/titlesec.pdf")
    compact = next(p for p in found if "reduces the spacing above and below" in p.text)
    assert compact.text.startswith("compact: This option is independent")
    assert compact.section == "2.2. Spacing"
    assert not [p for p in found if p.text.strip() in {"compact", "uppercase"}]
    assert any(p.text.startswith("raggedleft center raggedright: Control") for p in found)


def test_a_heading_never_runs_into_the_code_after_it() -> None:
    """enumitem.pdf: "3.9 “Wide” lists" over the key "wide" (typewriter) and "wide=⟨parindent⟩"
    (lower case): the heading ends a sentence of its own, and keeps its name."""
    path = CORPORA / "docs-dev2/pdf/enumitem.pdf"
    sections = {b.section for b in read(path.name, path.read_bytes()).blocks}
    assert "3.9 “Wide” lists" in sections
    assert not [s for s in sections if s and s.startswith("3.9") and s != "3.9 “Wide” lists"]


def _escaped(text: str) -> bytes:
    return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)").encode()


def test_a_bold_heading_ending_in_a_name_in_a_code_font_is_a_heading() -> None:
    """Sphinx and LaTeX set a heading's file or option name in a fixed-pitch font, not bold
    ("6.1 Best practices for debian/rules"): read as a paragraph opening with a bold term, the
    heading was no heading and its section ran into the one before."""
    heads = [
        ("Configuring the server with", " settings.toml", "server reads the settings once"),
        ("Logging to a file with", " --log-file", "log file grows until it is rotated"),
        ("Reading the", " quotebot.conf", "conf file names the corpus to quote"),
    ]
    ops, y = [b"BT /F2 16 Tf 72 780 Td (The quotebot manual) Tj ET\n"], 700
    ops.append(
        b"BT /F1 10 Tf 72 750 Td (This manual tells how to set the bot up and run it.) Tj ET\n"
    )
    for bold, code, says in heads:
        ops.append(
            b"BT /F2 10 Tf 72 %d Td (%s) Tj /F3 10 Tf (%s) Tj ET\n"
            % (y, _escaped(bold), _escaped(code))
        )
        for k in range(3):
            line = f"The {says}, and line {k} of its paragraph says a little more about it."
            ops.append(b"BT /F1 10 Tf 72 %d Td (%s) Tj ET\n" % (y - 16 - 13 * k, _escaped(line)))
        y -= 80
    stream = b"".join(ops)
    fonts = [
        f"<< /Type /Font /Subtype /Type1 /BaseFont /{name} /Encoding /WinAnsiEncoding >>".encode()
        for name in ("Helvetica", "Helvetica-Bold", "Courier")
    ]
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [7 0 R] /Count 1 >>",
        *fonts,
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream),
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 6 0 R"
        b" /Resources << /Font << /F1 3 0 R /F2 4 0 R /F3 5 0 R >> >> >>",
    ]
    blocks = read("manual.pdf", pdf_file(objects)).blocks
    assert [b.section for b in blocks] == [
        None,
        "Configuring the server with settings.toml",
        "Logging to a file with --log-file",
        "Reading the quotebot.conf",
    ]
    assert all(b.text.startswith("The ") for b in blocks[1:])


def test_a_bold_label_and_its_value_in_a_code_font_is_no_heading() -> None:
    # "Default value: true" (Helvetica-Bold, then Courier) inside an option's description was
    # taken for a heading ending in a name set in a code font, and filed the text after it.
    from retrieval.ingest.readers.pdf_page import _named_in_code

    label = "Default value: true"
    samples = [0, 3, 8, 12, 15, 18]
    heavy, mono = [True, True, True, False, False, False], [False, False, False, True, True, True]
    assert not _named_in_code(label, samples, heavy, mono)
    heading = "6.1 Best practices for debian/rules"
    samples = [0, 5, 10, 18, 24, 30]
    heavy, mono = [True, True, True, True, False, False], [False, False, False, False, True, True]
    assert _named_in_code(heading, samples, heavy, mono)
