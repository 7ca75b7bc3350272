"""Sphinx's tables in reStructuredText (Mattermost's documentation) read as their rows: a grid
table's cells, a csv-table's and a list-table's, each row with its header's labels."""

from __future__ import annotations

from pathlib import Path

from retrieval.ingest.passages import passages
from retrieval.ingest.pipeline import read

FIXTURES = Path(__file__).parent / "fixtures" / "mattermost"


def _texts(name: str, source: bytes | None = None) -> list[str]:
    data = source if source is not None else (FIXTURES / name).read_bytes()
    return [p.text for p in passages(read(FIXTURES / name, data), name)]


def test_a_settings_grid_table_reads_as_its_description_and_keys_not_ascii_art() -> None:
    texts = _texts("environment-configuration-settings-excerpt.rst")
    assert not [text for text in texts if "+---" in text or "|  " in text]
    (length,) = [text for text in texts if "Default is 2048 characters" in text]
    assert length.startswith("The longest URL, in characters, including query parameters,")
    # the setting's keys, with their list items kept apart, in the same passage as its default
    assert length.endswith(
        "| System Config path: N/A; config.json setting: ServiceSettings > MaximumURLLength"
        " > 2048; Environment variable: MM_SERVICESETTINGS_MAXIMUMURLLENGTH"
    )


def test_a_grid_table_under_a_header_labels_each_rows_short_cells() -> None:
    texts = _texts("keyboard-shortcuts-excerpt.rst")
    assert "On Windows & Linux: Ctrl U | On Mac: ⌘ U | Description: Upload a file." in texts
    assert (
        "On Windows & Linux: Alt ↑ | On Mac: ⌥ ↑ | Previous channel or direct message in the"
        " channel sidebar." in texts
    )
    assert not [text for text in texts if "+===" in text or "On Windows & Linux |" in text]
    # a key's role keeps its key, even "." (it was read as a module path's dot and dropped)
    assert (
        "On Windows & Linux: Ctrl . | On Mac: ⌘ . | Open or close the right-hand sidebar." in texts
    )


NOTES = b"""\
Upgrade notes
=============

+---------+------------------------------------------------------------+
| If      | Then...                                                    |
+=========+============================================================+
| v3.8.0  | Backwards compatibility with the old CLI tool was removed. |
|         | Scripts must use the                                       |
|         | :doc:`new CLI </administration-guide/manage/command-line>`.|
|         +------------------------------------------------------------+
|         | Check the **Logging** settings:                            |
|         |                                                            |
|         | 1. Go to the System Console.                               |
|         | 2. Make sure the log directory has no file name.           |
+---------+------------------------------------------------------------+
| v3.6.0  | Update the maximum number of files that can be open.       |
+---------+------------------------------------------------------------+
"""


def test_a_cell_spanning_rows_is_read_with_each_and_roles_read_as_their_text() -> None:
    texts = _texts("upgrade-notes.rst", NOTES)
    assert texts == [
        "v3.8.0 | Backwards compatibility with the old CLI tool was removed. Scripts must use"
        " the new CLI.",
        "v3.8.0 | Check the Logging settings: Go to the System Console. Make sure the log"
        " directory has no file name.",
        "v3.6.0 | Update the maximum number of files that can be open.",
    ]


def test_a_row_a_character_off_its_columns_is_read_on_the_borders_columns() -> None:
    # docutils calls this table malformed (Mattermost's permissions table has such a row)
    shifted = NOTES.replace(b"| v3.6.0  |", b"| v3.6.0 |")
    texts = _texts("n.rst", shifted)
    assert texts[-1] == "v3.6.0 | Update the maximum number of files that can be open."


def test_a_grid_whose_text_overflows_its_columns_is_still_read_as_text() -> None:
    broken = NOTES.replace(b"be open.       |", b"be open, at least 50000. |")
    assert not [text for text in _texts("n.rst", broken) if text.startswith("v3.6.0 |")]
    assert any("at least 50000" in text for text in _texts("n.rst", broken))
