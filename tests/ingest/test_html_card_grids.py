"""mkdocs-material's card grids in a built page (datos.gob.es's NTI-RISP FAQ,
fixtures/datosgobes/nti-risp-faq.html), as a new admin's try-out met them: a grid of four cards
read as one passage of every title, text and button ("DCAT / Es el vocabulario … / Ver más /
DCAT-AP / …"), and a grid of one card cut into its title alone, its text and its button's label
("¿Qué es una distribución?", "Una distribución …", "Distribución"). The page's Markdown source
(nti-risp-faq.md) was read card by card already."""

from __future__ import annotations

from pathlib import Path

from retrieval.ingest.parsed import Block
from retrieval.ingest.pipeline import read

PAGE = Path(__file__).parent / "fixtures" / "datosgobes" / "nti-risp-faq.html"


def _blocks() -> list[Block]:
    return read(PAGE.name, PAGE.read_bytes()).blocks


def test_each_card_is_a_paragraph_headed_by_its_title() -> None:
    texts = [b.text for b in _blocks()]
    assert (
        "¿Qué es una distribución? Una distribución (dcat:Distribution) es una representación"
        " específica de un conjunto de datos, como un archivo en un formato particular (ej: CSV,"
        " JSON)." in texts
    )
    assert any(t.startswith("DCAT-AP: Es el perfil europeo basado en DCAT") for t in texts)


def test_no_card_runs_into_the_next_and_no_button_stands_alone() -> None:
    texts = [b.text for b in _blocks()]
    assert not any("Ver más" in t for t in texts)
    assert "Distribución" not in texts and "Relaciones" not in texts
    assert not any(t.startswith("DCAT\n") for t in texts)
