"""A paragraph cut into passages reads whole again; code and parts on other pages stay apart."""

from __future__ import annotations

from dataclasses import replace

from retrieval.model import Passage
from retrieval.paragraphs import parts_beside, whole_paragraph

BASE = Passage("d-1", "d.txt", "Title", "Section", 7, "First part.", ordinal=1)


def _lookup(*parts: Passage) -> dict[str, Passage]:
    return {p.id: p for p in parts}


def test_the_parts_of_one_paragraph_are_joined_in_order_from_any_of_them() -> None:
    second = replace(BASE, id="d-2", ordinal=2, text="Second part.")
    third = replace(BASE, id="d-3", ordinal=3, text="Third part.")
    other = replace(BASE, id="d-4", ordinal=4, paragraph=8, text="Next paragraph.")
    found = _lookup(BASE, second, third, other)
    whole = whole_paragraph(second, found.get)
    assert whole.text == "First part. Second part. Third part."
    assert whole.id == "d-1"


def test_code_and_parts_on_another_page_are_not_joined() -> None:
    code = replace(BASE, id="d-2", ordinal=2, kind="code", text="make install")
    assert whole_paragraph(BASE, _lookup(BASE, code).get) == BASE
    paged = replace(BASE, page=3)
    later = replace(BASE, id="d-2", ordinal=2, page=4, text="On the next page.")
    assert whole_paragraph(paged, _lookup(paged, later).get) == paged


def test_a_paragraph_too_long_for_a_message_shows_the_part_opened() -> None:
    parts = [replace(BASE, id=f"d-{n}", ordinal=n, text="Words. " * 150) for n in range(1, 6)]
    assert whole_paragraph(parts[3], _lookup(*parts).get) == parts[3]


def test_a_part_shown_alone_knows_the_parts_beside_it_and_a_whole_paragraph_none() -> None:
    parts = [
        replace(BASE, id=f"d-{n}", ordinal=n, text="Words. " * 150, part=(n, 5))
        for n in range(1, 6)
    ]
    found = _lookup(*parts).get
    assert parts_beside(parts[0], found) == (None, parts[1])
    assert parts_beside(parts[3], found) == (parts[2], parts[4])
    assert parts_beside(parts[4], found) == (parts[3], None)
    short = [replace(p, text="Short.") for p in parts]
    assert parts_beside(short[2], _lookup(*short).get) == (None, None)  # shown whole
