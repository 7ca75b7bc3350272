"""A chapter title set large and justified over two lines is one heading (tryout 16): the Rust
book's "Преобразования при разыменовании (deref" / "coercions)" cited its passages under
"coercions)", its first line read as a table's row of four cells (the words spread wide apart)
and left as text.

The page is written here (:mod:`pdfmaker`), as an e-book's justified title sets it.
"""

from __future__ import annotations

from pathlib import Path

from pdfmaker import Text, make_pdf
from readerfiles import parsed


def test_a_justified_title_over_two_lines_heads_its_text(tmp_path: Path) -> None:
    words = ["Conversions", "when", "dereferencing", "(deref"]
    # justified: the words spread across the line, gaps wider than a table's cells' (18 pt)
    spread = [Text(x, 760, word, 18) for x, word in zip((72, 215, 330, 505), words, strict=True)]
    text = [
        Text(72, 700, "The standard library provides a special trait, Deref, which is used"),
        Text(72, 686, "to overload the operator of dereferencing, the star, for your types."),
        Text(72, 672, "It is useful for writing your own pointer types, as the book shows."),
    ]
    cover = [
        Text(72, 760, "The Book", 24),
        Text(72, 700, "This book teaches the language from its first program to its traits."),
    ]
    page = [*spread, Text(72, 735, "coercions)", 18), *text]
    path = tmp_path / "book.pdf"
    path.write_bytes(make_pdf([cover, page], base14="Helvetica"))
    chapter = [block for block in parsed(path).blocks if block.page == 2]
    assert [block.section for block in chapter] == [
        "Conversions when dereferencing (deref coercions)"
    ]
    assert chapter[0].text.startswith("The standard library provides a special trait")
