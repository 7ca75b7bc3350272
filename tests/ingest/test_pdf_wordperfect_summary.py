"""A report WordPerfect wrote to PDF in 1998, as a reader meets it: its words whole, its bullets
read as bullets, its date one the file could have.

The PDF is two pages of the U.S. Copyright Office's summary of the DMCA
(tests/ingest/fixtures/SOURCES.md): type set tight, bullets in WordPerfect's symbol font, a
creation date Acrobat PDFWriter left as "D:00000101000000Z".
"""

from __future__ import annotations

from pathlib import Path

from readerfiles import parsed, texts

FIXTURES = Path(__file__).resolve().parent / "fixtures"
DMCA = FIXTURES / "copyright-office-dmca-summary-pages-1-3-4-11.pdf"


def test_a_word_with_a_syllable_twice_keeps_both() -> None:
    """ "infringing" is kerned so tight that its second "ing" starts a point inside the first,
    which was taken for a word drawn twice over itself: it read "infring activity"."""
    text = " ".join(texts(parsed(DMCA)))
    assert "knowledge of the infringing activity" in text
    assert "infring " not in text


def test_wordperfect_bullets_are_list_items_not_headings() -> None:
    """The bullets are WordPerfect's symbol font's "!": "! Title II, the “Online Copyright
    Infringement Liability Limitation" (its first line in bold) headed the items after it."""
    blocks = parsed(DMCA).blocks
    assert not [b.section for b in blocks if b.section and b.section.startswith("!")]
    items = [line for b in blocks for line in b.text.splitlines() if line.startswith("• Title")]
    assert items[1].startswith(
        "• Title II, the “Online Copyright Infringement Liability Limitation Act,” creates"
    )
    assert len(items) == 5
    assert not [t for t in texts(parsed(DMCA)) if "! " in t]


def test_a_placeholder_creation_date_gives_way_to_the_last_saved() -> None:
    """The properties' CreationDate is "D:00000101000000Z", the summary was dated 0000-01-01;
    the file was last saved on 17 October 2001 (its ModDate)."""
    assert parsed(DMCA).date == "2001-10-17"


def test_a_footnote_numbered_as_its_page_is_kept_after_the_pages_text() -> None:
    """WordPerfect writes a page's notes first and a line's raised marks after its text. Note 1
    on page 1 ("¹ Pub. L. No. 105-304, …") read "… 1998). 1", was then taken for a footer
    carrying the page's number and dropped."""
    found = texts(parsed(DMCA))
    note = [t for t in found if "Pub. L. No. 105-304" in t]
    assert note == ["1 Pub. L. No. 105-304, 112 Stat. 2860 (Oct. 28, 1998)."]
    assert found.index(note[0]) > next(i for i, t in enumerate(found) if "memorandum" in t)


def test_a_mark_set_after_its_line_cuts_no_paragraph_and_no_word() -> None:
    """The marks of "(DMCA)¹" and "copying²" came after their lines: the first, a line of its
    own, cut "… signed into law by" from "President Clinton …"; the second stood inside the
    paragraph running over the page break ("services that 2 are used"); note 2's own mark,
    after its first line, kept "exclus-" from "ive" and the note was read before the page."""
    found = texts(parsed(DMCA))
    assert any("was signed into law by President Clinton on October 28, 1998." in t for t in found)
    running = [t for t in found if t.startswith("Section 1201 divides")]
    assert "copyrighted work. Making or selling devices or services that are used to" in running[0]
    note = [t for t in found if "“Copying” is used" in t]
    assert note[0].startswith("2 “Copying” is used in this context as a short-hand for the ")
    assert "any of the exclusive rights of an author" in note[0]
    assert found.index(note[0]) > next(i for i, t in enumerate(found) if "Macrovision" in t)
