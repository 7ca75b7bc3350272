"""A value a security guide quotes under its sentence, and a table of notations, read whole.

Real pages (fixtures/security-guides, sources in fixtures/SOURCES.md): OWASP's HTTP Security
Response Headers Cheat Sheet sets each header's value off in a quote under the sentence saying
what to do ("Do not allow displaying of the page in a frame." over "> `X-Frame-Options: DENY`");
OpenSSF's guide to regular expressions tabulates each platform's anchors. A tester (tryout 27)
asked "What value should the X-Frame-Options header have?" and was answered with the sentence
alone, the value cited as a passage of its own that said nothing of what it was for; and the
table's Python row read "Prepend: “^” or “\\A” | “\\Z” (not “$” nor “\\z”)", its anchor for the
end of the input without its column's name.
"""

from __future__ import annotations

from pathlib import Path

from readerfiles import parsed, texts

from retrieval.ingest.readers.markdown import read_markdown

FIXTURES = Path(__file__).parent / "fixtures" / "security-guides"
HEADERS = FIXTURES / "HTTP_Headers_Cheat_Sheet.md"
REGEXES = FIXTURES / "Correctly-Using-Regular-Expressions.md"


def test_a_quoted_value_is_read_with_the_sentence_over_it() -> None:
    blocks = parsed(HEADERS).blocks
    frame = next(block for block in blocks if block.code == "X-Frame-Options: DENY")
    assert frame.text == "Do not allow displaying of the page in a frame."
    assert frame.section == "Recommendation"
    # a blank line between them, and no colon, still the sentence's value
    sniff = next(block for block in blocks if block.code == "X-Content-Type-Options: nosniff")
    assert sniff.text == "Set the Content-Type header correctly throughout the site."
    # no value stands alone as a passage any more, but one right under its heading, which
    # has no sentence to go with
    values = {"X-Frame-Options: DENY", "X-XSS-Protection: 0", "X-Content-Type-Options: nosniff"}
    assert not values & set(texts(parsed(HEADERS)))
    assert "Content-Type: text/html; charset=UTF-8" in texts(parsed(HEADERS))
    # only a quote of one code span alone is a value; words around it, or a quoted remark
    # with code inside it, are text
    source = (
        "# Headers\n\nDo not allow framing.\n\n> `X-Frame-Options: DENY` is the value.\n\n"
        "Another sentence.\n\n> A quoted remark, `code` inside.\n"
    )
    document = read_markdown(source.encode(), Path("page.md"))
    assert [(block.text, block.code) for block in document.blocks] == [
        ("Do not allow framing.", ""),
        ("X-Frame-Options: DENY is the value.", ""),
        ("Another sentence.", ""),
        ("A quoted remark, code inside.", ""),
    ]


def test_a_cell_written_in_signs_keeps_its_column_label() -> None:
    rows = [text for text in texts(parsed(REGEXES)) if text.startswith("Platform: ")]
    assert len(rows) == 8
    python = next(row for row in rows if row.startswith("Platform: Python |"))
    assert python == (
        "Platform: Python | Prepend: “^” or “\\A” | Append: “\\Z” (not “$” nor “\\z”)"
        " | $ Permissive?: Yes"
    )
    assert all(" | Append: " in row for row in rows)
