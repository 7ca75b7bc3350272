"""A form filled in with LibreOffice, as a reader meets it: each answer beside its question, the
form's title alone.

The PDF is py-pdf's sample of a LibreOffice form (tests/ingest/fixtures/SOURCES.md): its labels
written in no order down the page, "Alice" typed in the field between "First Name" and "Last
Name", "Bob" in the field under "Other".
"""

from __future__ import annotations

from pathlib import Path

from readerfiles import parsed, texts

FORM = Path(__file__).resolve().parent / "fixtures" / "libreoffice-form-filled.pdf"


def test_a_filled_in_value_is_no_part_of_the_forms_title() -> None:
    """ "Alice" went under the title, the first line above her field in the file's order, in
    its size: the form was titled "Example for a Form Alice"."""
    assert parsed(FORM).title == "Example for a Form"


def test_a_value_stands_between_the_labels_its_field_stands_between() -> None:
    text = " ".join(" ".join(texts(parsed(FORM))).split())
    assert "First Name Alice Last Name" in text
    assert "Bob" in text
