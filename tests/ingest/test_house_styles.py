"""Word files whose headings are in house styles, and a sidebar laid out in a table (docs-dev2:
LibreOffice's import tests, sources in that folder's SOURCES.md)."""

from __future__ import annotations

from readerfiles import CORPORA, parsed, texts

DOCX = CORPORA / "docs-dev2" / "docx"


def test_headings_in_styles_built_on_word_headings_are_sections() -> None:
    # The deployment guide sets its headings in "DSTOC5-0" and the like, built on "Heading 5"
    # with an outline level that keeps them out of the contents: they still head their text.
    guide = parsed(DOCX / "fdo78904_fileHang.docx")
    kerberos = next(b for b in guide.blocks if b.text.startswith("The Kerberos authentication"))
    assert kerberos.section == "Kerberos"
    assert kerberos.above[-1] == "Trust Boundaries"
    assert not any(b.text == "Kerberos" or b.text.startswith("Kerberos\n") for b in guide.blocks)


def test_house_heading_styles_are_sections_nested_in_the_order_they_appear() -> None:
    # "Section Heading" ("Benefits") over "Body copy heading" ("Competitive Price").
    study = parsed(DOCX / "tdf81345.docx")
    founded = next(b for b in study.blocks if "Founded in 1999" in b.text)
    assert founded.text.startswith("Founded in 1999") and founded.section == "Situation"
    price = next(b for b in study.blocks if b.text.startswith("After using a Linux"))
    assert (price.above, price.section) == (("Benefits",), "Competitive Price")


def test_a_sidebar_laid_out_in_a_table_is_read_once_as_its_sections() -> None:
    # The sidebar ("Overview", "Business Situation" … in heading styles) fills a cell merged
    # down two rows: python-docx gives it in both, and as a table row it read as one block.
    study = parsed(DOCX / "tdf81345.docx")
    sidebar = [b for b in study.blocks if "Country or Region: Australia" in b.text]
    assert len(sidebar) == 1 and sidebar[0].section == "Overview"
    situation = next(b for b in study.blocks if b.text.startswith("OpiaVision was running"))
    assert (situation.above, situation.section) == (("Overview",), "Business Situation")
    assert "Linux was proving unreliable" in situation.text
    assert any("A leader in digital video recording" in b.text for b in study.blocks)


def test_a_bullet_typed_in_the_symbol_font_reads_as_a_bullet() -> None:
    guide = parsed(DOCX / "fdo78904_fileHang.docx")
    assert not [b for b in guide.blocks if "\uf0b7" in b.text]
    assert "• Release Notes for System Center 2012 - Operations Manager" in texts(guide)
