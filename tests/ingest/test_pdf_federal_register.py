"""A page of the Federal Register, three columns of narrow lines, as a reader meets it: numbers
and addresses broken at a line's end read whole.

The PDF is page 47698 of the Federal Register of 6 August 2020 (tests/ingest/fixtures/SOURCES.md):
an FAA proposed rule on the Boeing 737 MAX, whose docket numbers, dates and phone numbers are
set with en dashes ("AD 2018–23–51") and broken after one, and whose web and mail addresses are
broken after "https://" and after the "@".
"""

from __future__ import annotations

from pathlib import Path

from readerfiles import parsed, texts

PAGE = Path(__file__).resolve().parent / "fixtures" / "federal-register-2020-08-06-p47698.pdf"


def _text() -> str:
    return " ".join(texts(parsed(PAGE)))


def test_a_number_broken_after_its_dash_reads_whole() -> None:
    """ "Since AD 2018–" / "23–51 was issued" read "AD 2018– 23–51"; "737–" / "9" "737– 9"."""
    text = _text()
    assert "Since AD 2018–23–51 was issued" in text
    assert "Model 737–8 and 737–9 (737 MAX) airplanes" in text
    assert "Docket No. FAA–2020–0686;" in text
    assert "phone and fax: 206–231–3500;" in text
    assert "– " not in text.replace(" – ", "")


def test_an_address_broken_before_its_host_reads_whole() -> None:
    """ "https://" / "www.regulations.gov" and "9-FAA-SACO-AD-Inquiry@" / "faa.gov" were read
    with a space inside, which no browser or mail program takes."""
    text = _text()
    assert "docket on the internet at https://www.regulations.gov by searching" in text
    assert "email: 9-FAA-SACO-AD-Inquiry@faa.gov." in text
    assert "https:// " not in text and "@ " not in text


def test_a_label_ending_in_its_colon_takes_no_second() -> None:
    """ "SUPPLEMENTARY INFORMATION:" set small in capitals over "Comments Invited" read
    "SUPPLEMENTARY INFORMATION:: Comments Invited"."""
    text = _text()
    assert "SUPPLEMENTARY INFORMATION: Comments Invited The FAA invites you" in text
    assert "::" not in text
