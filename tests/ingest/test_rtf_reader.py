"""The RTF reader: Word's and LibreOffice's heading styles as sections, tables as rows, the
information group's title, author and date, and a file saved without heading styles (a court's
register, WordPad, TextEdit) read by its paragraphs' shapes, as a text file is.

What a user would notice: a ruling saved as .rtf is indexed and quoted in its language rather than
refused as "unsupported type"; a cited passage names its section; a link's address does not cut
into a sentence; a file that is not RTF is refused with a reason that says so.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from retrieval.errors import DocumentError
from retrieval.ingest.pipeline import read

FIXTURES = Path(__file__).parent / "fixtures" / "rtf"

# As Word writes a short document: a stylesheet whose heading styles carry outline levels, the
# information group, paragraphs restating their style after \pard, a table, a hyperlink field,
# and Cyrillic written as \u escapes with a one-character fallback.
WORD = r"""{\rtf1\ansi\ansicpg1252\deff0\uc1
{\fonttbl{\f0\froman\fcharset0 Times New Roman;}{\f1\fswiss\fcharset204 Arial;}}
{\stylesheet{\ql \li0\ri0\widctlpar \f0\fs24 \snext0 Normal;}
{\s1\ql \li0\ri0\sb240\sa60\keepn\outlinelevel0 \b\f1\fs32 \sbasedon0 \snext0 heading 1;}
{\s2\ql \li0\ri0\sb240\sa60\keepn\outlinelevel1 \b\i\f1\fs28 \sbasedon0 \snext0 heading 2;}}
{\info{\title Staff Handbook}{\author Maria Lopez}{\operator jdoe}
{\creatim\yr2021\mo3\dy15\hr9\min30}{\revtim\yr2022\mo1\dy2\hr8\min0}}
\pard\plain \s1\ql\outlinelevel0 \b\f1\fs32 Leave\par
\pard\plain \s2\ql\outlinelevel1 \b\i\f1\fs28 Annual leave\par
\pard\plain \ql \f0\fs24 Every employee is entitled to 25 days of paid annual leave a year. Requests
go to your line manager at least two weeks ahead, see the {\field{\*\fldinst{HYPERLINK
"https://intranet.example.org/leave"}}{\fldrslt{\ul leave portal}}} for the form.\par
\pard\plain \s2\ql\outlinelevel1 \b\i\f1\fs28 Sick leave\par
\pard\plain \ql \f0\fs24 Tell your manager before 10:00 on the first day of absence.\par
\pard\plain \s1\ql\outlinelevel0 \b\f1\fs32 Allowances\par
\trowd\cellx3000\cellx6000
\pard\intbl Item\cell Amount\cell\row
\trowd\cellx3000\cellx6000
\pard\intbl Meals\cell 30 EUR a day\cell\row
\trowd\cellx3000\cellx6000
\pard\intbl Hotel\cell 120 EUR a night\cell\row
\trowd\cellx3000\cellx6000
\pard\intbl Taxi\cell actual cost, with the receipt\cell\row
\pard\plain \ql \f1\fs24 {\lang1049 \u1054?\u1090?\u1087?\u1091?\u1089?\u1082? \u1085?\u1077?
 \u1087?\u1077?\u1088?\u1077?\u1085?\u1086?\u1089?\u1080?\u1090?\u1089?\u1103?.}\par
}"""


def test_heading_styles_are_sections_nested_by_outline_level() -> None:
    document = read("handbook.rtf", WORD.encode("ascii"))
    assert document.title == "Staff Handbook"
    assert (document.author, document.date) == ("Maria Lopez", "2021-03-15")
    annual = next(b for b in document.blocks if "25 days" in b.text)
    assert (annual.section, annual.above) == ("Annual leave", ("Leave",))
    sick = next(b for b in document.blocks if "10:00" in b.text)
    assert (sick.section, sick.above) == ("Sick leave", ("Leave",))
    # no heading is a passage of its own
    assert not any(b.text in ("Leave", "Annual leave", "Allowances") for b in document.blocks)


def test_a_link_reads_as_its_text_without_its_address() -> None:
    document = read("handbook.rtf", WORD.encode("ascii"))
    annual = next(b for b in document.blocks if "25 days" in b.text)
    assert "see the leave portal for the form." in annual.text
    assert "intranet.example.org" not in annual.text and "HYPERLINK" not in annual.text


def test_a_table_row_keeps_its_cells_together_under_their_labels() -> None:
    document = read("handbook.rtf", WORD.encode("ascii"))
    rows = [b.text for b in document.blocks if b.kind == "table"]
    assert "Item: Hotel | Amount: 120 EUR a night" in rows
    assert all(b.section == "Allowances" for b in document.blocks if b.kind == "table")


def test_unicode_escapes_read_as_their_letters_without_the_fallback() -> None:
    document = read("handbook.rtf", WORD.encode("ascii"))
    assert document.blocks[-1].text == "Отпуск не переносится."


def test_a_ruling_saved_as_rtf_reads_in_ukrainian_paragraph_by_paragraph() -> None:
    path = FIXTURES / "verkhovnyi-sud-ukhvala.rtf"
    document = read(path.name, path.read_bytes())
    texts = [b.text for b in document.blocks]
    assert document.title == "УХВАЛА"
    assert "Указана справа надійшла до Верховного Суду." in texts
    assert "Ухвала оскарженню не підлягає." in texts
    # Windows-1251 escapes decoded, nothing left of the RTF's control words
    assert not any("\\" in t or "{" in t or "'" in t[:2] for t in texts)
    assert len(texts) > 10


def test_pages_table_is_read_between_the_paragraphs_around_it() -> None:
    path = FIXTURES / "pages-table-sample.rtf"
    document = read(path.name, path.read_bytes())
    texts = [b.text for b in document.blocks]
    row = texts.index("Header A: A2 | Header B: B2 | Header C: C2")
    assert texts.index("Hier steht normaler Text, dann kommt eine Tabelle.") < row
    assert row < texts.index("Hier steht wieder normaler Text.")


def test_a_file_named_rtf_that_is_not_rtf_is_refused_saying_so() -> None:
    with pytest.raises(DocumentError) as error:
        read("notes.rtf", b"Just some notes, typed in a text editor.\n")
    assert error.value.reason == "plain text, not a .rtf file: rename it to .txt"
    with pytest.raises(DocumentError) as error:
        read("notes.rtf", bytes(range(256)) * 4)
    assert "not an RTF file" in error.value.reason


def test_an_rtf_file_named_docx_is_told_to_be_renamed() -> None:
    with pytest.raises(DocumentError) as error:
        read("handbook.docx", WORD.encode("ascii"))
    assert error.value.reason == "a .rtf file, not a .docx file: rename it"


def test_an_rtf_file_without_text_is_empty() -> None:
    with pytest.raises(DocumentError) as error:
        read("blank.rtf", rb"{\rtf1\ansi{\fonttbl{\f0 Arial;}}\pard\par}")
    assert error.value.reason in ("empty", "no paragraphs of text found")


def test_a_doc_file_that_is_rich_text_is_read_as_rtf() -> None:
    document = read("handbook.doc", WORD.encode("ascii"))
    assert any("25 days of paid annual leave" in b.text for b in document.blocks)
    with pytest.raises(DocumentError) as error:
        read("old.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600))
    assert "save it as .docx" in error.value.reason


# A licence typed with line breaks, as a text editor saved it to RTF: a \par ends every line, an
# empty one ends each paragraph.
TYPED = r"""{\rtf1\ansi\ansicpg1252\deff0{\fonttbl{\f0\fmodern Courier New;}}
\pard\f0\fs20 Copyright Notice and License Terms\par
\par
Redistribution and use in source and binary\par
forms, with or without modification, are\par
permitted provided that the following conditions\par
are met:\par
\par
1. Redistributions of source code must retain\par
the above copyright notice, this list of\par
conditions, and the following disclaimer.\par
\par
2. Neither the name of the Group nor the names\par
of its contributors may be used to endorse\par
products derived from this software.\par
}"""


def test_lines_typed_with_breaks_are_rejoined_into_their_paragraphs() -> None:
    document = read("licence.rtf", TYPED.encode("ascii"))
    texts = [b.text for b in document.blocks]
    assert (
        "2. Neither the name of the Group nor the names of its contributors may be used to "
        "endorse products derived from this software."
    ) in texts
    assert not any("\n" in t for t in texts)


def test_properties_are_read_in_the_files_code_page() -> None:
    # Word writes a Russian title as escapes of code page 1251, as it writes the text: read as
    # Western European, "Ухвала суду" was "Óõâàëà ñóäó" in every citation.
    rtf = (
        rb"{\rtf1\ansi\ansicpg1251\deff0{\fonttbl{\f0\fcharset204 Arial;}}"
        rb"{\info{\title \'d3\'f5\'e2\'e0\'eb\'e0 \'f1\'f3\'e4\'f3}"
        rb"{\author \'c8\'e2\'e0\'ed \'cf\'e5\'f2\'f0\'e5\'ed\'ea\'ee}}"
        rb"\pard \'d2\'e5\'ea\'f1\'f2 \'f0\'e5\'f8\'e5\'ed\'e8\'ff.\par}"
    )
    document = read("ukhvala.rtf", rtf)
    assert (document.title, document.author) == ("Ухвала суду", "Иван Петренко")
    assert document.blocks[0].text == "Текст решения."


def test_a_file_opening_with_a_byte_order_mark_is_read() -> None:
    document = read("handbook.rtf", b"\xef\xbb\xbf" + WORD.encode("ascii"))
    assert any("25 days of paid annual leave" in b.text for b in document.blocks)


def test_a_nested_tables_rows_are_rows() -> None:
    # A table inside a cell (a report's figures boxed in its layout): its rows ended inside a
    # group striprtf skips, and all twelve cells read as one row.
    rtf = (
        r"{\rtf1\ansi{\fonttbl{\f0 Arial;}}\trowd\cellx9000\pard\intbl\itap1 Score\par"
        r"\pard\intbl\itap2 Artery\nestcell Score\nestcell{\*\nesttableprops\trowd\cellx3000"
        r"\cellx6000\nestrow}"
        r"\pard\intbl\itap2 RCA\nestcell 0\nestcell{\*\nesttableprops\trowd\cellx3000"
        r"\cellx6000\nestrow}"
        r"\pard\intbl\itap2 LAD\nestcell 12\nestcell{\*\nesttableprops\trowd\cellx3000"
        r"\cellx6000\nestrow}"
        r"\pard\intbl\itap1\cell\row\pard After the table.\par}"
    )
    rows = [b.text for b in read("scores.rtf", rtf.encode("ascii")).blocks if b.kind == "table"]
    assert len(rows) == 2 and rows[0].endswith(": 0") and rows[1].endswith(": 12"), rows
    assert "RCA" in rows[0] and "LAD" in rows[1]


def test_rich_text_saved_as_txt_is_read_as_rtf() -> None:
    document = read("handbook.txt", WORD.encode("ascii"))
    assert document.title == "Staff Handbook"
    assert not any("\\" in b.text or "{" in b.text for b in document.blocks)


def test_a_picture_written_without_its_length_does_not_cost_the_text() -> None:
    # pandoc writes "\bin" before a picture's hex digits without the byte count striprtf
    # expects: the file was refused as "damaged: invalid literal for int()".
    rtf = (
        r"{\rtf1\ansi{\fonttbl{\f0 Arial;}}\pard The logo follows.\par"
        r"{\pict\jpegblip\picw250\pich250 \bin ffd8ffe000104a464946}\par"
        r"\pard The report ends here.\par}"
    )
    texts = [b.text for b in read("logo.rtf", rtf.encode("ascii")).blocks]
    assert "The report ends here." in " ".join(texts)
