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


def test_a_row_opening_with_a_hash_is_a_row_not_a_heading() -> None:
    sizes = b"Sizing\n======\n\nPick a size.\n\n+------------+------+\n| # of users | 1000 |\n"
    sizes += b"+------------+------+\n| # of nodes | 2    |\n+------------+------+\n"
    document = read(Path("sizing.rst"), sizes)
    assert [(block.section, block.text) for block in document.blocks][1:] == [
        (None, "# of users: 1000"),
        (None, "# of nodes: 2"),
    ]


def test_an_equals_sign_in_a_row_is_no_header_rule() -> None:
    limits = NOTES.replace(b"=", b"-").replace(b"be open.       |", b"be open: N=50. |")
    assert (
        _texts("n.rst", limits)[-1] == "v3.6.0: Update the maximum number of files that can"
        " be open: N=50."
    )


def test_a_row_a_character_off_its_columns_is_read_on_the_borders_columns() -> None:
    # docutils calls this table malformed (Mattermost's permissions table has such a row)
    shifted = NOTES.replace(b"| v3.6.0  |", b"| v3.6.0 |")
    texts = _texts("n.rst", shifted)
    assert texts[-1] == "v3.6.0 | Update the maximum number of files that can be open."


def test_a_grid_whose_text_overflows_its_columns_is_still_read_as_text() -> None:
    broken = NOTES.replace(b"be open.       |", b"be open, at least 50000. |")
    assert not [text for text in _texts("n.rst", broken) if text.startswith("v3.6.0 |")]
    assert any("at least 50000" in text for text in _texts("n.rst", broken))


def test_a_csv_table_reads_row_by_row_under_its_header_labels() -> None:
    texts = _texts("product-limits.rst")
    assert "Feature: Message length | Hard Limit: 16,383 characters" in texts
    assert "Feature: Channel name | Hard Limit: 64 characters" in texts
    # a long cell in a column of short values keeps its label as the others do (tryout 22d
    # #11); roles read as their titles
    assert (
        "Feature: Group messages | Hard Limit: 8 participants | Recommended Limit: If 8 isn't"
        " enough, create a private channel" in texts
    )
    assert not [text for text in texts if ":ref:" in text or ":doc:" in text]


LIST_TABLE = b"""\
Webhooks
========

.. list-table::
   :widths: 20 15 65
   :header-rows: 1

   * - Parameter
     - Required
     - Description
   * - ``text``
     - Yes
     - :doc:`Markdown-formatted </collaborate/format-messages>` message.
   * - ``channel``
     - No
     - - Overrides the default channel.
       - Use ``@<username>`` to send a Direct Message.
   * - ``username``
     - No
     - Overrides the username the message posts as.
"""


def test_a_list_table_reads_row_by_row_its_nested_list_kept_in_its_cell() -> None:
    assert _texts("webhooks.rst", LIST_TABLE) == [
        "Parameter: text | Required: Yes | Description: Markdown-formatted message.",
        "Parameter: channel | Required: No | Overrides the default channel. Use @<username> to"
        " send a Direct Message.",
        "Parameter: username | Required: No | Overrides the username the message posts as.",
    ]


CSV_FILE = b"""\
Limits
======

The limits of a workspace.

.. csv-table:: Limits
   :file: limits.csv
   :header-rows: 1
"""


def test_a_csv_tables_file_is_not_read(tmp_path: Path) -> None:
    # A reviewer's case: a change to the CSV alone was never read again (the page is what is
    # refreshed), so its old figures were quoted; and an upload, read from the bot's working
    # folder, could quote a file there. The page's own words are read.
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "limits.csv").write_text("Limit,Value\nChannel name,64 characters\n")
    page = tmp_path / "docs" / "limits.rst"
    page.write_bytes(CSV_FILE)
    texts = [p.text for p in passages(read(page, CSV_FILE), "limits.rst")]
    assert "The limits of a workspace." in texts
    assert not [text for text in texts if "Channel name" in text]
    # Its :header: alone is no passage of labels ("Limit: Value", a final reader's case).
    labelled = CSV_FILE.replace(b":header-rows: 1", b':header: "Limit", "Value"')
    texts = [p.text for p in passages(read(page, labelled), "limits.rst")]
    assert not [text for text in texts if "Limit" in text and "Value" in text]


LIST_TABLE_EMPTY_CELL = b"""Options
=======

.. list-table::
   :header-rows: 1

   * - Name
     - Default
     - Notes
   * - timeout
     -
     - seconds to wait
"""


def test_an_empty_list_table_cell_keeps_the_columns_in_place(tmp_path: Path) -> None:
    # A reviewer's case: a bullet alone (an empty cell) was glued to the cell before it, and
    # the note was quoted as the default.
    texts = [p.text for p in passages(read(tmp_path / "o.rst", LIST_TABLE_EMPTY_CELL), "o.rst")]
    (row,) = [text for text in texts if "timeout" in text]
    assert "Default: seconds to wait" not in row and "Notes: seconds to wait" in row
    assert "timeout -" not in row


def test_a_raw_html_box_is_read_as_its_text() -> None:
    texts = _texts("deploy-rhel-excerpt.rst")
    (box,) = [text for text in texts if "Database: PostgreSQL v14+" in text]
    assert box.startswith("Minimum system requirements:\nOperating System: Enterprise Linux 7+")
    assert any(text.startswith("Administrator Console 8065, TLS, TCP Inbound") for text in texts)
    assert not [text for text in texts if "<li>" in text or "mm-badge" in text]
