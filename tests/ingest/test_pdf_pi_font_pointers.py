"""An IRS form's pointers read as the arrows they are drawn as, not as "©".

The PDF is page 2 of the IRS's 2007 Form 1040NR (tests/ingest/fixtures/SOURCES.md), whose
pointers ("Designee's name ▶") are Universal News with Commercial Pi's glyph at the code of
"©".
"""

from __future__ import annotations

from pathlib import Path

from readerfiles import parsed, texts

FORM = Path(__file__).resolve().parent / "fixtures" / "f1040nr-2007-page-2.pdf"


def test_a_forms_pointers_are_arrows_not_copyright_signs() -> None:
    text = " ".join(texts(parsed(FORM)))
    assert "©" not in text
    assert "Amount of line 71 you want applied to your 2008 estimated tax ▶" in text
    assert "These are your total payments ▶ 70" in text
