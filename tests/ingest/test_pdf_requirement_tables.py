"""A PDF table whose rows wrap a column of text beside columns of short values (OWASP ASVS
4.0.3, Spanish: "# | Descripción | L1 | L2 | L3 | CWE")."""

from __future__ import annotations

from pathlib import Path

from readerfiles import parsed

ASVS_ES = Path(__file__).parent / "fixtures" / "asvs-4.0.3-es-pages-59-60.pdf"


def _passage(opening: str) -> str:
    return next(b.text for b in parsed(ASVS_ES).blocks if opening in b.text)


def test_each_requirement_is_read_with_its_own_levels_and_cwe() -> None:
    # Its ticks and CWE stand on the first line of the wrapped description; read as text they
    # came after its last line and opened the next requirement's passage ("✓ ✓ 409 / 12.1.3").
    second = _passage("12.1.2")
    assert "número máximo de archivos antes de descomprimir el archivo." in second
    assert second.endswith("L2: ✓ | L3: ✓ | CWE: 409")
    third = _passage("12.1.3")
    assert "409" not in third and third.endswith("CWE: 770")
    assert "excesivamente grandes." in third  # the last row's wrapped lines are its own
    assert _passage("12.1.1").endswith("L1: ✓ | L2: ✓ | L3: ✓ | CWE: 400")
    assert _passage("12.6.1").endswith("CWE: 918")  # a table of one row under its header


def test_the_header_labels_the_rows_and_opens_none() -> None:
    blocks = parsed(ASVS_ES).blocks
    assert not any("Descripción L1" in b.text for b in blocks)
    first = _passage("12.1.1")
    assert first.startswith("#: 12.1.1 | Verifique que la aplicación no aceptará")
    # the paragraph above the table and the heading and references after it stay text
    assert _passage("Aunque las bombas zip").endswith("denegación de servicio.")
    assert "12.6.1" not in _passage("Para obtener más información")
