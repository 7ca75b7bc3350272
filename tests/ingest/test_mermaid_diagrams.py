"""Mermaid diagrams, which the built page draws as pictures, as a new admin's try-out met them in
datos.gob.es's NTI-RISP FAQ: a card's answer on how the catalogue's elements relate was quoted
with the diagram's source as its code ("graph LR", "%% Definición de nodos",
"Catalog((dcat:Catalog)):::main", "classDef main fill:#B8C2CC"), in the Markdown source
(```mermaid) and in the built mkdocs-material page (<pre class=mermaid>) alike."""

from __future__ import annotations

from pathlib import Path

from retrieval.ingest.parsed import Block
from retrieval.ingest.pipeline import read

FAQ = Path(__file__).parent / "fixtures" / "datosgobes"


def _blocks(name: str) -> list[Block]:
    return read(name, (FAQ / name).read_bytes()).blocks


def _diagram(blocks: list[Block]) -> list[Block]:
    return [b for b in blocks if "classDef" in (b.code or "") + b.text or ":::main" in b.text]


def test_a_diagram_in_markdown_is_no_code_of_the_page() -> None:
    blocks = _blocks("nti-risp-faq.md")
    assert not _diagram(blocks)
    card = next(b for b in blocks if "Las distribuciones (dcat:Distribution)" in b.text)
    assert not card.code  # the card's last item, which the diagram followed


def test_a_diagram_in_the_built_page_is_no_code_either() -> None:
    blocks = _blocks("nti-risp-faq.html")
    assert not _diagram(blocks)
    card = next(b for b in blocks if "- Las distribuciones (dcat:Distribution)" in b.text)
    assert not card.code
    assert not any("graph LR" in (b.code or "") for b in blocks)
