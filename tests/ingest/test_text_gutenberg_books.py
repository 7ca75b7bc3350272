"""Project Gutenberg books as their pages read: chapters, dialogue, title page and italics.

Real e-texts (sources in fixtures/SOURCES.md): Entre Nous (a French reader for Dutch schools,
2013: chapters numbered "I." alone or "II. Papa se fâche.", dialogue opened by "--",
Gutenberg's em-dash, a song printed twice, a title page with "PAR" over the author, italics as
"_en plein français_", a glossary "Comment? hoe?" under its own "I.", "II.", …), Katrine (an
English novel, 2004: a quoted speech whose last wrapped line is "Good-bye!\""), and in data/
Rizal's essay (chapters "I", "II", "III.", rhetorical questions) beside an SQLite page that
names the column "_ROWID_". What a user noticed: dialogue and glossary lines cited as sections
("--Et où est son bras?", "comment vous appelez-vous, hoe heet je?"), most chapters lost, the
preface filed under "PAR", and quotes with Gutenberg's underscores ("_en_ été").
"""

from __future__ import annotations

from pathlib import Path

from readerfiles import CORPORA, parsed

from retrieval.ingest.parsed import ParsedDocument

FIXTURES = Path(__file__).parent / "fixtures"


def _entre_nous() -> ParsedDocument:
    return parsed(FIXTURES / "entre-nous-excerpt.txt")


def _sections(document: ParsedDocument) -> list[str]:
    """The sections of ``document`` in order, each once (no unheaded text)."""
    found: list[str] = []
    for block in document.blocks:
        if block.section and (not found or found[-1] != block.section):
            found.append(block.section)
    return found


def _block(document: ParsedDocument, words: str) -> str | None:
    """The section of the first block holding ``words``."""
    return next(block.section for block in document.blocks if words in block.text)


def test_chapters_numbered_by_a_roman_numeral_alone_or_before_their_title() -> None:
    document = _entre_nous()
    assert _sections(document)[:6] == [
        "I.",
        "II. Papa se fâche.",
        "III. Voilà ce que c’est!",
        "IV. Marie couche le petit blessé.",
        "V. Voilà le Docteur.",
        "VI. Le Docteur part.",
    ]
    assert _block(document, "Et je suis Jean") == "I."  # the first chapter's verse, not contents
    assert _block(document, "Le méchant petit Paul est monté") == "II. Papa se fâche."
    assert _block(document, "Le voici, docteur") == "V. Voilà le Docteur."


def test_dialogue_opened_by_two_hyphens_is_the_chapter_text_not_a_heading() -> None:
    document = _entre_nous()
    assert not [section for section in _sections(document) if section.startswith("--")]
    assert _block(document, "--Et où est son bras?") == "V. Voilà le Docteur."


def test_a_glossarys_questions_head_nothing_its_chapter_numbers_do() -> None:
    document = _entre_nous()
    asked = [section for section in _sections(document) if section.endswith("?")]
    assert asked == ["VIII. Paul est guéri, mais comment?", "X. Est-ce Paul qui chante?"]
    assert _block(document, "Comment? hoe?") == "VIII."
    assert _block(document, "Se fâche, wordt boos.") == "II."


def test_a_song_sung_twice_is_no_table_of_contents() -> None:
    document = _entre_nous()
    sections = _sections(document)
    assert "XVI. La Chanson du petit Pierre." in sections
    assert not {"Dig, din, don!", "C’est le matin,", "Réveillez-vous?"} & set(sections)
    assert _block(document, "Tin, tin, tin, tin!") == "XVI. La Chanson du petit Pierre."


def test_the_title_pages_par_heads_nothing() -> None:
    document = _entre_nous()
    assert "PAR" not in _sections(document)
    assert _block(document, "La Haye, novembre 1904. LUCIE VOS.") is None


def test_italics_underscores_are_dropped_from_an_e_text_only() -> None:
    document = _entre_nous()
    text = " ".join(block.text for block in document.blocks)
    assert "tout de suite en plein français. Ils rencontreront" in text
    assert "_en plein français_" not in text and "_La Haye_" not in text
    rowid = parsed(CORPORA / "devdocs" / "autoinc.txt")  # an SQLite page, no e-text
    assert any("_ROWID_" in block.text for block in rowid.blocks)


def test_a_quoted_speechs_last_wrapped_line_is_no_heading() -> None:
    document = parsed(FIXTURES / "katrine-excerpt.txt")
    assert not [section for section in _sections(document) if section.endswith('"')]
    speech = next(block for block in document.blocks if "Don't think about me!" in block.text)
    assert speech.text.endswith("Don't think about me! Good-bye!\"")


def test_an_essays_chapters_head_it_not_its_rhetorical_questions() -> None:
    document = parsed(CORPORA / "ml-dev2" / "es" / "rizal-filipinas-dentro-de-cien-anos.txt")
    assert _sections(document)[-4:] == ["I", "II", "III.", "IV."]
    assert _block(document, "¿Continuarán como colonia española?") == "II"
