"""Plain-text books and stories: chapters, titles and dialogue as a reader of the book sees them.

Real texts (sources in fixtures/SOURCES.md): Candide (its chapter headings set "CHAPITRE III."
with a full stop and "CHAPITRE II" without), Don Quijote (Latin-1, "Capítulo primero. Que trata
de …" wrapped over two lines, dialogue opened by a hyphen), Chekhov's stories (one paragraph a
line, the author's name over the title, dialogue opened by a dash; "Каштанка": "Глава первая"
over "Дурное поведение"), and the first chapters of 三国演义. What a user notices: each passage
cited under its own chapter, the story's name as its title, and never a line of dialogue ("—
Ну?") or a line of verse cited as a section.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from readerfiles import parsed

from retrieval.ingest.parsed import ParsedDocument
from retrieval.ingest.pipeline import read

FIXTURES = Path(__file__).parent / "fixtures"


def _read(name: str) -> ParsedDocument:
    return parsed(FIXTURES / name)


def _sections(document: ParsedDocument) -> list[str | None]:
    """The sections of ``document`` in order, each once."""
    found: list[str | None] = []
    for block in document.blocks:
        if not found or found[-1] != block.section:
            found.append(block.section)
    return found


def test_chapter_headings_with_and_without_a_full_stop() -> None:
    document = _read("candide-excerpt.txt")
    chapters = [section for section in _sections(document) if section]
    assert chapters == ["CHAPITRE I.", "CHAPITRE II", "CHAPITRE III.", "CHAPITRE XXX. Conclusion."]
    last = next(b for b in document.blocks if "il faut cultiver notre jardin" in b.text)
    assert last.section == "CHAPITRE XXX. Conclusion."
    first = next(b for b in document.blocks if "Il y avait en Vestphalie" in b.text)
    assert first.section == "CHAPITRE I."


def test_a_chapter_heading_wrapped_over_two_lines_is_one_heading() -> None:
    document = _read("don-quijote-excerpt.txt")
    age = next(b for b in document.blocks if "Frisaba la edad de nuestro hidalgo" in b.text)
    assert age.section == (
        "Capítulo primero. Que trata de la condición y ejercicio del famoso hidalgo don Quijote "
        "de la Mancha"
    )
    second = "Capítulo II. Que trata de la primera salida que de su tierra hizo el ingenioso don"
    assert f"{second} Quijote" in _sections(document)


@pytest.mark.parametrize(
    "name", ["don-quijote-excerpt.txt", "chekhov-khameleon.txt", "chekhov-loshadinaya-familiya.txt"]
)
def test_no_line_of_dialogue_or_verse_is_a_section(name: str) -> None:
    for section in _sections(_read(name)):
        assert section is None or not section.startswith(("—", "-", "–", "B. ")), section
        assert section is None or not section.endswith(("?", "!")), section


def test_the_dialogue_stays_in_the_story_as_passages() -> None:
    texts = [block.text for block in _read("chekhov-loshadinaya-familiya.txt").blocks]
    assert "— Ну?" in texts
    assert any(text.startswith("— Табунов? — спрашивали у него.") for text in texts)


@pytest.mark.parametrize(
    ("name", "title"),
    [
        ("chekhov-khameleon.txt", "ХАМЕЛЕОН"),
        ("chekhov-loshadinaya-familiya.txt", "ЛОШАДИНАЯ ФАМИЛИЯ"),
        ("chekhov-kashtanka-excerpt.txt", "Каштанка"),
    ],
)
def test_a_story_is_titled_by_its_name_not_its_author(name: str, title: str) -> None:
    document = _read(name)
    assert document.title == title
    assert all("Антон Чехов" not in (block.section or "") for block in document.blocks)


def test_a_chapter_numbered_in_words_is_headed_with_its_title() -> None:
    document = _read("chekhov-kashtanka-excerpt.txt")
    assert _sections(document) == [
        "Глава первая. Дурное поведение",
        "Глава вторая. Таинственный незнакомец",
    ]
    assert document.blocks[0].text.startswith("Молодая рыжая собака")


def test_a_book_of_chapters_is_titled_by_its_file_not_its_first_chapter() -> None:
    document = _read("sanguo-yanyi-excerpt.txt")
    assert document.title == "sanguo-yanyi-excerpt"
    assert _sections(document) == [
        "第1章 宴桃园豪杰三结义 斩黄巾英雄首立功",
        "第2章 张翼德怒鞭督邮 何国舅谋诛宦竖",
    ]
    assert document.blocks[0].text.startswith("滚滚长江东逝水")


def test_a_sentence_about_a_chapter_is_no_heading() -> None:
    text = (
        "Reading notes\n\n"
        "Chapter 3 describes how the harbour was rebuilt after the storm of 1842, and who paid "
        "for it.\n\n"
        "Part of the cost was borne by the town, the rest by the merchants who used the quay.\n"
    )
    document = read("notes.txt", text.encode())
    assert {block.section for block in document.blocks} == {None}
    assert document.blocks[0].text.startswith("Chapter 3 describes")


def test_a_chapter_title_over_three_lines_is_the_chapter() -> None:
    # Cervantes titles chapters at length: 31 words over three hard-wrapped lines.
    text = (
        "Don Quijote\n\n"
        "Capítulo XIX. De las discretas razones que Sancho pasaba con su amo\n\n"
        "Es la primera razón que Sancho dijo a su amo, y la segunda fue de otra manera,\n"
        "porque así lo quiso la suerte de aquel día tan largo.\n\n"
        "Capítulo XX. De la jamás vista ni oída aventura que con más poco peligro\n"
        "fue acabada de famoso caballero en el mundo, como la que acabó el valeroso\n"
        "don Quijote de la Mancha\n\n"
        "-No es posible, señor mío, sino que estas yerbas dan testimonio de que por aquí\n"
        "cerca debe de estar alguna fuente o arroyo que estas yerbas humedece.\n"
    )
    document = read("quijote.txt", text.encode())
    last = document.blocks[-1]
    assert last.section is not None and last.section.startswith("Capítulo XX. De la jamás")


def test_an_authors_name_before_the_title_on_its_line_is_left_out() -> None:
    text = (
        "Антон Павлович Чехов. Палата № 6\n\n"
        "В больничном дворе стоит небольшой флигель, окруженный целым лесом репейника.\n"
    )
    assert read("palata.txt", text.encode()).title == "Палата № 6"
