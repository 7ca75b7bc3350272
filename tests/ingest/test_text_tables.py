"""A table set in plain text (a header over a rule of dashes, as pandoc and text browsers write
tables) is read row by row, each row's cells kept apart, not run on into one another."""

from __future__ import annotations

from pathlib import Path

from retrieval.ingest.passages import passages
from retrieval.ingest.pipeline import read

MANUAL = """\
Boot loaders

Many boot loaders are available; the table lists the common ones.

  package          size   boot loader   description
  ---------------- ------ ------------- ----------------------------------------------
  grub-efi-amd64   159    GRUB UEFI     Smart enough to understand disk partitions.
  grub-pc          534    GRUB 2        Smart enough to understand file systems.
  syslinux         344    Isolinux      Understands the ISO9660 file system.

Choose the one your firmware starts.
"""


def test_each_row_is_a_passage_of_its_cells() -> None:
    texts = [p.text for p in passages(read("boot.txt", MANUAL.encode()), "boot.txt")]
    assert "grub-pc | 534 | GRUB 2 | Smart enough to understand file systems." in texts
    assert "syslinux | 344 | Isolinux | Understands the ISO9660 file system." in texts
    assert not any("-----" in t for t in texts)
    assert "Choose the one your firmware starts." in texts


def test_text_that_only_looks_like_columns_is_no_table() -> None:
    text = MANUAL.replace("  grub-pc          534", "  grub-pcXXXXXXXXXXX534")
    texts = [p.text for p in passages(read("boot.txt", text.encode()), "boot.txt")]
    assert not any(t.startswith("grub-pc | ") for t in texts)


LATLONG = Path(__file__).parent / "fixtures" / "pytudes" / "latlong-excerpt.htm"


def test_a_plain_text_table_named_htm_is_read_as_text_under_its_headings() -> None:
    """pytudes' latlong.htm has no tag: read as HTML, its lines ran into one another and every
    passage was "¶ 1" of nothing; as text, each city is a line of its own under its state."""
    found = passages(read("latlong.htm", LATLONG.read_bytes()), "latlong.htm")
    anniston = next(p for p in found if "Anniston" in p.text)
    assert anniston.text == "[ANB] 33.58 85.85 Anniston,AL"
    assert anniston.section == "Alabama"
    assert next(p for p in found if "Fairbanks" in p.text).section == "Alaska"


def test_a_page_with_tags_named_htm_is_still_read_as_a_web_page() -> None:
    page = b"<html><body><p>The library opens at nine.</p><p>It closes at six.</p></body></html>"
    texts = [p.text for p in passages(read("hours.htm", page), "hours.htm")]
    assert texts == ["The library opens at nine.", "It closes at six."]


def test_a_utf16_web_page_named_htm_is_read_as_a_web_page() -> None:
    # PowerShell's Out-File writes UTF-16: "<\x00h\x00" matched no tag, and the page was read
    # as text, tags and all.
    page = "<html><body><p>The library opens at nine.</p><p>It closes at six.</p></body></html>"
    texts = [p.text for p in passages(read("hours.htm", page.encode("utf-16")), "hours.htm")]
    assert texts == ["The library opens at nine.", "It closes at six."]
