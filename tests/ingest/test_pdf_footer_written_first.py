"""A PDF whose pages write their running footer before the text (OWASP ASVS 4.0.3, Spanish)."""

from __future__ import annotations

from pathlib import Path

from readerfiles import parsed

ASVS_ES = Path(__file__).parent / "fixtures" / "asvs-4.0.3-es-pages-59-60.pdf"


def _section_of(opening: str) -> str | None:
    blocks = parsed(ASVS_ES).blocks
    return next(b.section for b in blocks if opening in b.text)


def test_each_requirement_is_cited_under_its_own_heading() -> None:
    # The footer "OWASP … 4.0.3 (es) 59", written first, was taken for the page's lead: every
    # heading above it (all of them) was raised over the page's text, so the page's last
    # heading, "V12.3 Ejecución de Archivos", was cited for 12.1.2 and 12.2.1 alike.
    assert _section_of("12.1.2 | Verifique") == "V12.1 Carga de Archivos"
    assert _section_of("12.2.1 | Verifique") == "V12.2 Integridad de Archivos"
    assert _section_of("12.3.1 | Verifique") == "V12.3 Ejecución de Archivos"
    assert _section_of("Aunque las bombas zip") == "V12.1 Carga de Archivos"
    # Page 2's requirements stood under "Referencias", the last heading of that page.
    assert _section_of("12.4.1 | Verifique") == "V12.4 Almacenamiento de Archivos"
    assert _section_of("12.6.1 | Verifique") == "V12.6 Protección SSRF"
