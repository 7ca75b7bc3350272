"""Numbered listings beside their typeset output in a PDF manual (docs-dev2: fancyvrb-doc.pdf,
TeX Live documentation; sources in that folder's SOURCES.md)."""

from __future__ import annotations

import re

from readerfiles import CORPORA, parsed

FANCYVRB = CORPORA / "docs-dev2" / "pdf" / "fancyvrb-doc.pdf"


def test_a_numbered_listing_is_code_and_never_opens_the_sentence_after_it() -> None:
    # Each source line is numbered in 5 pt roman ("5 \end{Verbatim}"): still code, and the
    # listing's last line no longer starts the paragraph that follows it.
    manual = parsed(FANCYVRB)
    assert not [b.text for b in manual.blocks if re.match(r"\d+ \\end\{Verbatim\}", b.text)]
    care = next(b for b in manual.blocks if b.text.startswith("Take care to a special effect"))
    assert "\\begin{Verbatim}[commentchar=\\%]" in care.code


def test_an_example_output_goes_with_its_listing_not_alone() -> None:
    # "Verbatim line." is what the example prints; it is quoted with the listing that makes it.
    manual = parsed(FANCYVRB)
    alone = [b for b in manual.blocks if b.kind == "code" and b.code.strip() == "Verbatim line."]
    assert len(alone) <= 4  # 42 before, one a listing number
    gobble = next(b for b in manual.blocks if b.text.startswith("gobble (integer)"))
    assert "Verbatim line." in gobble.code and "\\begin{Verbatim}" in gobble.code
