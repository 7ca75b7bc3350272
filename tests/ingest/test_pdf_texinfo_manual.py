"""A GNU manual typeset by Texinfo (GNU Libtasn1's, as Debian ships it: pages 1, 2, 11 and 24,
tests/ingest/fixtures/SOURCES.md): constants wrapped after an underscore, each function's
category flush right on its signature's first line, and a title page naming its authors and
the version's date while the file's properties carry only the date Debian built it."""

from __future__ import annotations

from pathlib import Path

from pdfmaker import Text, make_pdf
from readerfiles import parsed

from retrieval.ingest.pipeline import read

MANUAL = Path(__file__).parent / "fixtures" / "libtasn1-pages-1-2-11-24.pdf"


def _paragraph(*lines: str) -> bytes:
    return make_pdf([[Text(72, 700 - 14 * i, line, 11) for i, line in enumerate(lines)]])


def test_a_constant_wrapped_after_an_underscore_is_quoted_whole() -> None:
    # "ASN1_MAX_" / "NAME_SIZE" was quoted "ASN1_MAX_ NAME_SIZE": a user copying it got it wrong.
    texts = [b.text for b in parsed(MANUAL).blocks]
    said = " ".join(texts)
    assert "more than ASN1_MAX_NAME_SIZE characters" in said
    assert "ASN1_SYNTAX_ERROR if the syntax is not correct" in said
    assert "function asn1_der_decoding() to fill a structure" in said
    assert "_ " not in said


def test_a_functions_category_leads_its_signature() -> None:
    # "int asn1_parser2array (const char * inputFileName, const char * [Function] outputFileName,
    # …)": the label at the right margin stood in the middle of the signature.
    manual = parsed(MANUAL)
    signature = next(b.text for b in manual.blocks if b.section == "asn1 parser2array")
    assert signature.startswith(
        "Function: int asn1_parser2array (const char * inputFileName, const char * "
        "outputFileName, const char * vectorName, char * error_desc)"
    )
    assert not [b for b in manual.blocks if "[Function]" in b.text]


def test_the_title_pages_authors_are_the_documents_not_a_heading() -> None:
    # The three names (and the list's address) headed the copyright page, and no author was
    # recorded: "who wrote libtasn1" had no answer.
    manual = parsed(MANUAL)
    assert manual.author == "Fabio Fiorina, Simon Josefsson, Nikos Mavrogiannopoulos"
    assert not [b for b in manual.blocks if "Fiorina" in (b.section or "")]
    assert any(b.text.startswith("Fabio Fiorina Simon Josefsson") for b in manual.blocks)


def _cover(*first: Text) -> bytes:
    body = [
        Text(72, 760 - 14 * i, f"Line {i} of the text on how we ship builds.", 11)
        for i in range(30)
    ]
    return make_pdf([list(first), body])


def test_a_title_in_title_case_over_the_author_stays_the_title() -> None:
    # "Release Engineering Handbook" (24 pt) over "Jane Doe" / her address (11 pt) was taken for
    # a name in the run of authors: the author read "Release Engineering Handbook, Jane Doe" and
    # the title fell to the file's name.
    title = Text(72, 700, "Release Engineering Handbook", 24)
    handbook = read(
        "handbook.pdf",
        _cover(title, Text(72, 660, "Jane Doe", 11), Text(72, 646, "jane.doe@example.org", 11)),
    )
    assert (handbook.title, handbook.author) == ("Release Engineering Handbook", "Jane Doe")
    two = [Text(72, 660, "Jane Doe", 11), Text(72, 646, "John Smith (team@example.org)", 11)]
    guide = read("guide.pdf", _cover(Text(72, 700, "Project Guide", 24), *two))
    assert (guide.title, guide.author) == ("Project Guide", "Jane Doe, John Smith")


def test_the_date_the_title_page_prints_wins_over_the_builds() -> None:
    # "for version 4.19.0, 18 August 2022"; the properties' CreationDate is Debian's rebuild's,
    # 2025-02-08, which every citation gave.
    assert parsed(MANUAL).date == "2022-08-18"


def test_a_name_ending_in_an_underscore_at_a_line_end_stays_a_word() -> None:
    # Only a break inside an identifier (one half holds another underscore) joins: Python's
    # "class_" ends its name, and the next line's word is the sentence's.
    data = _paragraph("The keyword is passed as class_", "instead, so the word stays free.")
    text = read("note.pdf", data).blocks[0].text
    assert "as class_ instead, so" in text


def test_a_word_after_a_name_ending_in_an_underscore_is_the_sentences() -> None:
    # "set FOO_BAR_" / "and then run" read "FOO_BAR_and", and a form's blanks
    # "Signature____" / "Date____" one "Signature____Date____": the next line's word is joined
    # only when it reads as the name's rest (capitals after capitals, an underscore, a call).
    lines = ("To build it, set FOO_BAR_", "and then run make, or call my_func_", "instead.")
    data = _paragraph(*lines)
    text = read("note.pdf", data).blocks[0].text
    assert "set FOO_BAR_ and then run make, or call my_func_ instead." in text
    form = read("form.pdf", _paragraph("Please sign the form. Signature____", "Date____")).blocks
    assert "Signature____ Date____" in form[0].text


def test_a_bracketed_reference_ending_a_line_of_text_stays_where_it_is() -> None:
    # A category label hangs over the lines under it; a reference ending a line of a paragraph
    # whose next line starts where it does is the sentence's.
    data = _paragraph(
        "The algorithm is the one Knuth gives in [Seminumerical]", "and it is fast enough."
    )
    text = read("note.pdf", data).blocks[0].text
    assert text.startswith("The algorithm is the one Knuth gives in [Seminumerical] and")
