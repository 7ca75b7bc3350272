"""A table set in plain text (a header over a rule of dashes, as pandoc and text browsers write
tables) is read row by row, each row's cells kept apart, not run on into one another."""

from __future__ import annotations

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
