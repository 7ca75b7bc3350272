"""Release notes written as plain text: every release line heads its notes, each item its own.

mkdocs-material's CHANGELOG ("mkdocs-material-9.6.12 (2025-04-17)" over "  * Fixed #8158: …")
lost most of its release lines: dropped, or glued to the notes of the release above, so a fix
was cited under another version; its items were reflowed into one line joined by " * ". The
fixtures are real files (tests/ingest/fixtures/SOURCES.md): an excerpt of that CHANGELOG,
aide's NEWS ("Version 0.2" right under the last item of 0.3) and the Contributor Covenant's
changelog (bare "1.4.0" over its items, none of them a sentence).
"""

from __future__ import annotations

import re
from pathlib import Path

from retrieval.ingest.parsed import Block, ParsedDocument
from retrieval.ingest.pipeline import read

CHANGELOGS = Path(__file__).parent / "fixtures" / "changelogs"


def _read(path: Path) -> ParsedDocument:
    return read(path.name, path.read_bytes())


def _under(document: ParsedDocument, words: str) -> Block:
    return next(block for block in document.blocks if words in block.text)


def test_every_release_of_a_changelog_heads_its_own_notes() -> None:
    path = CHANGELOGS / "mkdocs-material" / "CHANGELOG"
    document = _read(path)
    releases = re.findall(r"^mkdocs-material-\S+ \(\d{4}-\d\d-\d\d\)$", path.read_text(), re.M)
    headed = {block.above[0] if block.above else block.section for block in document.blocks}
    assert headed == set(releases)  # none dropped, none joined to the notes before it
    assert document.title == "CHANGELOG"  # the newest release is no title
    fix = _under(document, "Flip footnote back reference icon")
    assert fix.section == "mkdocs-material-9.6.12 (2025-04-17)"  # was cited under 9.6.15
    newest = document.blocks[0]
    assert (newest.section, newest.text) == (
        "mkdocs-material-9.7.6 (2026-03-19)",
        "Automatically disable MkDocs 2.0 warning for forks of MkDocs",
    )


def test_each_item_is_its_own_and_the_prose_of_a_release_reads_as_written() -> None:
    document = _read(CHANGELOGS / "mkdocs-material" / "CHANGELOG")
    assert not any(" * " in block.text for block in document.blocks)  # "… to <2 * Updated …"
    assert all(block.kind == "text" for block in document.blocks)  # no release line as code
    limited = _under(document, "Limited version range of mkdocs")
    assert limited.item and limited.text == "Limited version range of mkdocs to <2"
    # the items a fix list names, however short, and what it says before them
    assert _under(document, "base.html").section == "Updated templates"
    assert _under(document, "base.html").above == ("mkdocs-material-9.4.3 (2023-10-02)",)
    assert _under(document, "Changes:").section == "mkdocs-material-9.7.0 (2025-11-11)"
    removed = _under(document, "Removed Universal Analytics integration")
    assert (removed.above, removed.section) == (("mkdocs-material-9.2.0 (2023-08-21)",), "Removals")
    # "Fixed jump back to top …", "Added icons for GitHub, …": a release's notes, no page's menu
    prose = _under(document, "This version is a pure refactoring release")
    assert prose.text.endswith("that we're currently exploring, including minijinja.")


def test_a_release_line_right_under_the_notes_of_the_one_before_still_heads_its_own() -> None:
    document = _read(CHANGELOGS / "aide" / "NEWS")
    assert document.title == "NEWS"
    assert _under(document, "Bugfix release").section == "Version 0.2"
    assert _under(document, "some bugfixes").section == "Version 0.3"
    assert _under(document, "Nothing yet").section == "Version 0.0.0.1"


def test_bare_version_numbers_head_items_that_are_no_sentences() -> None:
    document = _read(CHANGELOGS / "contributor-covenant" / "changelog")
    stronger = _under(document, "Stronger language regarding enforcement")
    assert stronger.section == "1.2.0"
    # the item's sentence runs on to the next line, at the bullet's margin
    assert stronger.text.endswith(
        "maintainers to fairly and consistently enforce the code of conduct"
    )
    assert _under(document, "Moves enforcement responsibilities").section == "2.0"
    assert {block.section for block in document.blocks} == {"1.2.0", "1.3.0", "1.4.0", "2.0", "2.1"}


def test_a_release_named_with_its_stage_heads_its_notes_as_the_others_do() -> None:
    # ODF Toolkit's CHANGES.txt: "======= Release 0.6.2 =======" … "======= Release 0.6
    # incubating =======": the last two were read as text under the notes of the one before.
    releases = ["Release 0.6.2", "Release 0.6.1", "Release 0.6 incubating", "Release 0.5 beta 2"]
    text = "ODF Toolkit Change Log\n\n" + "".join(
        f"======= {name} =======\n\nThe most notable changes in {name[8:]} are these, in short.\n\n"
        "Bug Fixes\n\n* ODFTOOLKIT-300 Memory Leak in ODF Simple API\n"
        "* ODFTOOLKIT-368 Column.setWidth wrong size\n\n"
        for name in releases
    )
    document = read("CHANGES.txt", text.encode())
    headed = [block.above[0] if block.above else block.section for block in document.blocks]
    assert sorted(set(headed)) == sorted(releases)
    assert {block.section for block in document.blocks if block.item} == {"Bug Fixes"}


def test_a_changelog_inside_a_readme_stands_under_its_heading_and_ends_at_the_next() -> None:
    text = (
        "Frobnicator\n\nFrobnicator turns widgets into gadgets. It runs anywhere Python does.\n\n"
        "Changelog\n=========\n\n"
        "1.2.0 (2024-03-01)\n\n  * Added gadget export to the command line tool\n\n"
        "1.1.0 (2023-11-20)\n\n  * Added the dark theme to the settings window\n\n"
        "1.0.0 (2023-06-01)\n\n  Fixes\n\n  * Fixed a crash when the widget list is empty\n\n"
        "License\n=======\n\nFrobnicator is released under the MIT licence, in the file LICENSE.\n"
    )
    document = read("README.txt", text.encode())
    export = _under(document, "Added gadget export")
    assert (export.above, export.section) == (("Changelog",), "1.2.0 (2024-03-01)")
    crash = _under(document, "Fixed a crash")
    assert (crash.above, crash.section) == (("Changelog", "1.0.0 (2023-06-01)"), "Fixes")
    licence = _under(document, "released under the MIT licence")
    assert (licence.above, licence.section) == ((), "License")  # not a part of release 1.0.0


def test_each_entry_of_a_gnu_changelog_is_headed_by_its_date_and_author() -> None:
    # "2025-08-07 Hannes von Haugwitz <hannes@…>" over its "* Fix …" items: the lines were
    # paragraphs of their own between the entries, the items cited under no heading at all.
    document = _read(CHANGELOGS / "aide" / "ChangeLog")
    fix = _under(document, "Escape control characters in report and log output")
    assert fix.section == "2025-08-07 Hannes von Haugwitz"
    assert fix.text.endswith("(CVE-2025-54389), thanks to Rajesh Pangare for reporting this issue")
    assert _under(document, "Fix typos in README").section == "2025-09-03 Attila Lakatos"
    assert not any("@" in block.text for block in document.blocks)  # no address is a passage


def test_a_debian_changelog_s_releases_head_their_items_and_sign_off() -> None:
    document = _read(CHANGELOGS / "bash-debian" / "changelog")
    assert document.title == "changelog"  # not "bash (5.2.15-2) unstable; urgency=medium"
    musl = _under(document, "Fix build on musl")
    assert (musl.section, musl.item) == ("bash (5.2-3)", True)
    signed = _under(document, "Sat, 31 Dec 2022 11:32:01")  # the release's date, under it
    assert signed.section == "bash (5.2-3)"


def test_versions_in_brackets_as_keep_a_changelog_writes_them_name_releases() -> None:
    text = "".join(
        f"## [{version}] - {date}\n\n### Fixed\n\n- Fixed the crash of {version} on start.\n\n"
        for version, date in (
            ("1.1.0", "2019-02-15"),
            ("1.0.1", "2018-12-03"),
            ("1.0.0", "2017-06-20"),
        )
    )
    document = read("CHANGELOG.txt", text.encode())
    fixed = _under(document, "crash of 1.0.1 on start")
    assert (fixed.above, fixed.section) == (("[1.0.1] - 2018-12-03",), "Fixed")
