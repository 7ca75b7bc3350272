"""Tables an HTML page printed to PDF paints as a grid of filled cell boxes (wkhtmltopdf), read
row by row (tryout 16): a user asking what the coordinator does, or how open the XLS format is,
gets that row whole, not a wrapped line of one cell labelled by another cell's text, nor a row's
last cells glued to the next row.

Real files: Argentina's open-data guides (tests/ingest/fixtures/SOURCES.md, datosgobar/).
"""

from __future__ import annotations

from pathlib import Path

from readerfiles import parsed

from retrieval.ingest.parsed import Block

GUIDES = Path(__file__).resolve().parent / "fixtures" / "datosgobar"
TEAMS = GUIDES / "guia-subnacionales.pdf"  # p.11: roles by three examples, cells spanning rows
FORMATS = GUIDES / "guia-abiertos.pdf"  # p.3: formats, their type of data and openness


def _rows(path: Path, page: int) -> list[Block]:
    return [b for b in parsed(path).blocks if b.kind == "table" and b.page == page]


def test_a_row_per_role_with_the_examples_that_span_it() -> None:
    rows = _rows(TEAMS, 11)
    assert [row.text.split(" | ")[0] for row in rows] == [
        "Rol: Político",
        "Rol: Coordinador",
        "Rol: Analista",
        "Rol: Técnico",
        "Rol: Legal",
        "Rol: Informática",
    ]
    coordinator = rows[1].text
    # Example 1's cell spans Político and Coordinador; example 2's spans Coordinador to Técnico.
    assert "Una sola persona cumple con la coordinación política y operativa" in coordinator
    assert "El coordinador cumple con el rol de gestionar las cuestiones operativas" in coordinator
    assert coordinator.endswith("El coordinador cumple con las gestiones operativas")
    assert not any("El liderazgo político se:" in row.text for row in rows)


def test_each_format_row_ends_with_its_own_type_and_openness() -> None:
    rows = {row.text.split(" | ")[0]: row.text for row in _rows(FORMATS, 3)}
    assert rows["Formato: XLS"].endswith("| Tipo de datos: Tabulares | Nivel de apertura: Bajo")
    assert rows["Formato: GEOPACKAGE"].startswith("Formato: GEOPACKAGE | Es un formato de datos")
    assert len(rows) == 10


def test_header_cells_painted_apart_stay_apart() -> None:
    texts = [row.text for row in _rows(FORMATS, 10)]
    assert "solicitudes_numero_missing_nombre: Valor ausente" in texts
    assert not any("solicitudes_numerosolicitudes" in text for text in texts)
