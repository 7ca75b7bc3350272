"""A paragraph whose first words are set bold for emphasis is text, not a heading over the text
after it (tryout 16): "¿qué es una entidad interoperable?" quotes the sentence from its start,
under the guide's own heading, not "datasets hablen entre sí…" under a section named by the
sentence's first line.

Real file: Argentina's guide to interoperable entities (tests/ingest/fixtures/SOURCES.md).
"""

from __future__ import annotations

from pathlib import Path

from readerfiles import parsed

GUIDE = Path(__file__).resolve().parent / "fixtures" / "datosgobar" / "guia-interoperables.pdf"


def test_a_sentence_begun_in_bold_reads_whole_under_its_heading() -> None:
    blocks = parsed(GUIDE).blocks
    assert not any(
        (block.section or "").startswith("Las entidades interoperables son las que")
        for block in blocks
    )
    block = next(b for b in blocks if b.text.startswith("Las entidades interoperables son las"))
    assert block.text.startswith(
        "Las entidades interoperables son las que permiten que los datasets hablen entre sí"
    )
    assert block.section == "¿POR QUÉ ES IMPORTANTE ESTANDARIZARLOS?"
