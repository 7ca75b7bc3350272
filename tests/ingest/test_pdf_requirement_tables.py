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


ASVS_ZH = Path(__file__).parent / "fixtures" / "asvs-4.0.3-zh-cn-pages-44-45.pdf"
ASVS_ES_MORE = Path(__file__).parent / "fixtures" / "asvs-4.0.3-es-pages-20-21-33-34.pdf"


def _row(path: Path, number: str) -> str:
    rows = [b.text for b in parsed(path).blocks if b.text.startswith(f"#: {number} |")]
    assert len(rows) == 1, rows
    return rows[0]


def test_chinese_rows_set_further_apart_stay_whole() -> None:
    # Chinese type sets the rows 2.2 type sizes apart and more: each was cut off after its
    # first line ("6.2.4 … 可以在"), the rest and the next rows read as text.
    assert _row(ASVS_ZH, "6.2.4").endswith(
        "可以在任何时候重新配置、升级或交换，以防止密码中断。 (C8) | L2: ✓ | L3: ✓ | CWE: 326"
    )
    # a cell's lines wrapped between two characters read on without a space ("医" / "疗设备")
    assert "如医疗记录、医疗设备详情或去匿名化的研究记录。 | L2: ✓ | L3: ✓ | CWE: 311" in _row(
        ASVS_ZH, "6.1.2"
    )
    assert _row(ASVS_ZH, "6.2.7").endswith(
        "以确保密文不会被未经授权的一方更改。 | L3: ✓ | CWE: 326"
    )
    numbers = ["6.1.1", "6.1.2", "6.1.3", *(f"6.2.{n}" for n in range(1, 9)), "6.3.1", "6.3.3"]
    assert all(_row(ASVS_ZH, number) for number in numbers)
    assert not any("✓" in b.text for b in parsed(ASVS_ZH).blocks if b.kind != "table")


def test_a_column_empty_in_most_rows_is_still_a_column() -> None:
    # No requirement of V1.8 gives a CWE: the header's "CWE" had no column under it, and the
    # table was read as text ("# Descripción L1 L2 L3 CWE" / "1.8.1 Verifique …").
    assert _row(ASVS_ES_MORE, "1.8.1").endswith("en niveles de protección. | L2: ✓ | L3: ✓")
    assert not any("Descripción L1" in b.text for b in parsed(ASVS_ES_MORE).blocks)


def test_the_last_row_keeps_its_wrapped_lines_after_a_one_line_row() -> None:
    assert _row(ASVS_ES_MORE, "1.12.2").endswith(
        "XSS u otros ataques desde el archivo cargado. | L2: ✓ | L3: ✓ | CWE: 646"
    )


def test_a_label_over_two_lines_and_a_note_under_the_table() -> None:
    # "NIST" stands over "§", above the header's line: the column was labelled "§".
    assert _row(ASVS_ES_MORE, "3.2.4").endswith("| L2: ✓ | L3: ✓ | CWE: 331 | NIST §: 7.1")
    # the note under the table was read as its last rows ("#: Seguridad de las comunicaciones.")
    note = next(b for b in parsed(ASVS_ES_MORE).blocks if "TLS u otro canal" in b.text)
    assert note.kind != "table" and note.text.endswith("Seguridad de las comunicaciones.")


def test_a_header_ruled_off_a_cell_at_a_time() -> None:
    # V3.3's header rule is drawn one piece under each label, none half the table's width:
    # its rows were text, levels and CWE after the description ("✓ ✓ ✓ 613 7.1 / 3.3.2 …").
    assert _row(ASVS_ES_MORE, "3.3.1").endswith(
        "(C6) | L1: ✓ | L2: ✓ | L3: ✓ | CWE: 613 | NIST §: 7.1"
    )
    assert "| L1: 30 días |" in _row(ASVS_ES_MORE, "3.3.2")
    assert _row(ASVS_ES_MORE, "3.3.4").endswith(
        "actualmente. | L2: ✓ | L3: ✓ | CWE: 613 | NIST §: 7.1"
    )
