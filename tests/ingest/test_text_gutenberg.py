"""Project Gutenberg e-texts read as books, not as their header and licence.

Real e-texts (excerpts kept with their full header and licence; sources in fixtures/SOURCES.md):
Don Quijote (2010, Latin-1), The First Men in the Moon (2004, "End of Project Gutenberg's …"),
an issue of The Mirror of Literature (2003: "***START OF THE PROJECT GUTENBERG EBOOK …" wrapped
over two lines), and Candide, whose copy kept only the closing lines and the licence. What a user
notices: the book's title (not "The Project Gutenberg EBook of …" nor a line of its title page),
its date and page, and no passage, section or citation made of the boilerplate ("What is Candide
about?" was answered by "*** END OF THIS PROJECT GUTENBERG EBOOK CANDIDE ***").
"""

from __future__ import annotations

from pathlib import Path

import pytest
from readerfiles import parsed

from retrieval.ingest.parsed import ParsedDocument
from retrieval.ingest.pipeline import read

FIXTURES = Path(__file__).parent / "fixtures"
E_TEXTS = (
    "don-quijote-excerpt.txt",
    "gutenberg-1013-excerpt.txt",
    "gutenberg-10026-excerpt.txt",
    "candide-excerpt.txt",
)
# Words of the header, the credits and the licence that no page of these books prints.
BOILERPLATE = (
    "Gutenberg",
    "Posting Date",
    "Character set encoding",
    "This eBook is for the use of anyone",
    "Produced by",
    "E-text prepared by",
    "This file should be named",
    "LIMITED WARRANTY",
)


def _read(name: str) -> ParsedDocument:
    return parsed(FIXTURES / name)


@pytest.mark.parametrize("name", E_TEXTS)
def test_no_passage_or_section_is_gutenberg_boilerplate(name: str) -> None:
    document = _read(name)
    for block in document.blocks:
        for words in BOILERPLATE:
            assert words not in block.text and words not in block.code, block.text[:80]
            assert words not in (block.section or ""), block.section
    assert "Language:" not in {(block.section or "")[:9] for block in document.blocks}


@pytest.mark.parametrize(
    ("name", "title", "date", "number", "author"),
    [
        ("don-quijote-excerpt.txt", "Don Quijote", "2010-04-27", 2000,
         "Miguel de Cervantes Saavedra"),
        ("gutenberg-1013-excerpt.txt", "The First Men In The Moon", "2004-10-20", 1013,
         "H. G. Wells"),
        (
            "gutenberg-10026-excerpt.txt",
            "The Mirror of Literature, Amusement, and Instruction, Vol. 10, Issue 268, August 11, "
            "1827",
            "2003-10-09",
            10026,
            None,  # "by Various": an anthology names no author
        ),
    ],
)  # fmt: skip
def test_the_header_gives_the_title_date_page_and_author(
    name: str, title: str, date: str, number: int, author: str | None
) -> None:
    document = _read(name)
    assert document.title == title
    assert document.date == date
    assert document.source == f"https://www.gutenberg.org/ebooks/{number}"
    assert document.author == author


def test_a_copy_without_its_header_is_titled_by_its_closing_line() -> None:
    # "End of the Project Gutenberg EBook of Candide, by Voltaire": not "TRADUIT DE L'ALLEMAND"
    candide = _read("candide-excerpt.txt")
    assert (candide.title, candide.author) == ("Candide", "Voltaire")


def test_the_book_itself_is_all_kept_to_its_last_line() -> None:
    quijote = _read("don-quijote-excerpt.txt")
    assert quijote.blocks[-1].text.endswith("han de caer del todo, sin duda alguna. Vale.")
    moon = _read("gutenberg-1013-excerpt.txt").blocks
    assert moon[0].text.startswith("As I sit down to write here amidst the shadows")
    assert moon[-1].text.endswith("into that silence that has no end....")
    mirror = _read("gutenberg-10026-excerpt.txt").blocks
    assert any("Literary Fund Club" in block.text for block in mirror)
    candide = _read("candide-excerpt.txt").blocks
    assert any("il faut cultiver notre jardin" in block.text for block in candide[-3:])


def test_a_text_that_only_mentions_project_gutenberg_is_read_whole() -> None:
    text = (
        "Reading list\n\nMany of these novels can be read free of charge at Project Gutenberg, "
        "which has published public-domain books since 1971.\n\n"
        "End of the list. Ask the librarian for the others.\n"
    )
    document = read("list.txt", text.encode())
    assert document.title == "Reading list"
    assert [block.text[:12] for block in document.blocks] == ["Many of thes", "End of the l"]


def test_a_text_that_quotes_the_markers_is_read_whole() -> None:
    text = (
        "Cleaning e-texts\n\n"
        "A Gutenberg e-text marks where its book starts with a line of its own, like this one:\n\n"
        "*** START OF THE PROJECT GUTENBERG EBOOK CANDIDE ***\n\n"
        "Everything above that line is the header, and our script strips it before counting.\n\n"
        "*** END OF THE PROJECT GUTENBERG EBOOK CANDIDE ***\n\n"
        "That line marks where the book ends and the licence begins. The script keeps what lies "
        "between the two lines and counts its words, then reports the ten commonest ones.\n"
    )
    document = read("cleaning.txt", text.encode())
    assert document.title == "Cleaning e-texts"
    assert document.blocks[0].text.startswith("A Gutenberg e-text marks where its book starts")
    assert document.blocks[-1].text.startswith("That line marks where the book ends")
