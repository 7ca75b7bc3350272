"""Lists in plain text read whole: short items ("4. /var/tmp", "- auto") are what a list says,
and a list a sentence introduces is no table of contents, even when the sections after it take
its items up one by one. The document is the SQLite documentation's tempfiles.txt (public domain;
data/eval/corpora/devdocs)."""

from __future__ import annotations

from pathlib import Path

from retrieval.ingest.passages import passages
from retrieval.ingest.pipeline import read

TEMPFILES = Path(__file__).resolve().parents[2] / "data/eval/corpora/devdocs/tempfiles.txt"


def _texts() -> list[str]:
    return [p.text for p in passages(read(TEMPFILES.name, TEMPFILES.read_bytes()), "tempfiles.txt")]


def test_the_short_items_of_a_numbered_list_are_quoted_with_the_rest() -> None:
    assert (
        "On unix-like systems, directories are searched in the following order:\n"
        "1. The directory set by PRAGMA temp_store_directory or by the sqlite3_temp_directory "
        "global variable\n"
        "2. The SQLITE_TMPDIR environment variable\n"
        "3. The TMPDIR environment variable\n"
        "4. /var/tmp\n"
        "5. /usr/tmp\n"
        "6. /tmp\n"
        '7. The current working directory (".")'
    ) in _texts()


def test_a_list_its_sections_take_up_is_no_table_of_contents() -> None:
    document = read(TEMPFILES.name, TEMPFILES.read_bytes())
    nine = next(t for t in _texts() if t.startswith("SQLite currently uses nine distinct types"))
    assert nine.splitlines()[1:] == [
        "1. Rollback journals",
        "2. Super-journals",
        "3. Write-ahead Log (WAL) files",
        "4. Shared-memory files",
        "5. Statement journals",
        "6. TEMP databases",
        "7. Materializations of views and subqueries",
        "8. Transient indices",
        "9. Transient databases used by VACUUM",
    ]
    sections = {(block.section or "").split(" › ")[-1] for block in document.blocks}
    # the items are no headings, and the sections they name are still there
    assert "2. Super-journals" not in sections
    assert {"2.1. Rollback Journals", "2.4. Super-Journal Files"} <= sections


def test_a_bulleted_list_of_single_words_is_kept() -> None:
    text = (
        "Output modes\n\n"
        "The shell can print the results of a query in several ways. The modes are:\n\n"
        "-   csv\n-   json\n-   table\n\n"
        "Use the .mode command to switch between them at any time you like.\n"
    )
    texts = [p.text for p in passages(read("modes.txt", text.encode()), "modes.txt")]
    assert texts[0].endswith("The modes are:\ncsv\njson\ntable")
    assert texts[-1].startswith("Use the .mode command")


def test_a_numbered_heading_after_a_list_still_heads_its_section() -> None:
    text = (
        "Limits\n\n"
        "1. Overview\n\n"
        "The following limits apply to every database file that is opened:\n\n"
        "1.  Pages\n2.  Columns\n\n"
        "2. Maximum Length Of A String\n\n"
        "The maximum number of bytes in a string is defined by a compile-time setting.\n"
    )
    blocks = read("limits.txt", text.encode()).blocks
    assert [(b.section, b.text) for b in blocks][-1] == (
        "2. Maximum Length Of A String",
        "The maximum number of bytes in a string is defined by a compile-time setting.",
    )


def test_short_lines_alone_in_a_row_are_a_list_under_the_line_over_them() -> None:
    about = TEMPFILES.with_name("about.txt")
    document = read(about.name, about.read_bytes())
    summary = document.blocks[0]
    assert summary.section == "Executive Summary"
    assert summary.text.startswith("Full-featured SQL\nBillions and billions of deployments\n")
    assert summary.text.endswith("\nExtensive, detailed documentation\nLong-term support")
    # the paragraphs after the list are no "Zero-configuration" section
    assert {b.section for b in document.blocks} == {"Executive Summary"}
