"""A Word report whose properties keep the title of the report it was made from: datos.gob.es's
"Inteligencia Artificial" (its cover: "Inteligencia Artificial" / "TECNOLOGÍAS EMERGENTES Y DATOS
ABIERTOS" / "Enero 2020") says "Cómo los datos abiertos pueden impulsar el sector agrícola y
forestal", which it never prints; every citation of it said so (a new admin's try-out)."""

from __future__ import annotations

from pathlib import Path

from retrieval.ingest.pipeline import read

FIXTURES = Path(__file__).parent / "fixtures"
REPORT = FIXTURES / "datosgobes" / "tecnologias-emergentes-ia-sin-imagenes.docx"


def test_a_title_the_document_never_prints_gives_way_to_its_covers() -> None:
    """The cover's title in a heading style, in a text box, before the table of contents."""
    document = read(REPORT.name, REPORT.read_bytes())
    assert document.title == "Inteligencia Artificial"
    assert "agrícola" not in document.title
    # the cover's other lines stay the text they were
    assert document.blocks[0].text.startswith("TECNOLOGÍAS EMERGENTES Y DATOS ABIERTOS\nEnero 2020")
