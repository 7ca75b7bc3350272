"""A web address broken across two lines at its own hyphen keeps the hyphen (tryout 16): a user
who copies "…/paquete-apertura-datos/guia-interoperables/" from a quote reaches the page, not
"…/guiainteroperables/". Typesetters never hyphenate an address, so a break in one is at a
hyphen it has; words of the text broken at a line end are still joined.

Real file: Argentina's guide to interoperable entities (tests/ingest/fixtures/SOURCES.md).
"""

from __future__ import annotations

from pathlib import Path

from readerfiles import parsed

GUIDE = Path(__file__).resolve().parent / "fixtures" / "datosgobar" / "guia-interoperables.pdf"


def test_an_address_broken_at_its_hyphen_keeps_it() -> None:
    text = "\n".join(block.text for block in parsed(GUIDE).blocks)
    assert "https://datosgobar.github.io/paquete-apertura-datos/guia-interoperables/" in text
    assert "guiainteroperables" not in text
