"""Release notes come after the documentation that explains the same feature."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from retrieval.library import Library
from retrieval.search.changelogs import is_changelog


@pytest.mark.parametrize(
    ("doc", "changelog"),
    [
        ("CHANGELOG.md", True),
        ("docs/release-notes.md", True),
        ("change_log/release-2.5.md", True),
        ("NEWS", True),
        ("HISTORY.rst", True),
        ("pdf/ltnews35.pdf", False),  # a word inside a name is not the name
        ("websockets.md", False),
        ("newsletter.md", False),
        ("news/2024/election.html", False),  # news, and history, are what some corpora are
        ("history/rome.pdf", False),
        ("world-history.pdf", False),
        ("press-releases/q3.pdf", False),
        ("History.md", True),
        ("docs/release-notes/3.0.md", True),
    ],
)
def test_release_notes_are_told_by_their_file_or_folder_name(doc: str, changelog: bool) -> None:
    assert is_changelog(doc) is changelog


@pytest.fixture(scope="module")
def project(write_library: Callable[[dict[str, str]], Library]) -> Library:
    return write_library(
        {
            "websockets.md": (
                "# WebSockets\n\n## Sending\n\n"
                "To send JSON over a websocket, call send_json with the data; it is encoded as "
                "text frames unless the mode is set to binary, and the other side decodes it "
                "with receive_json.\n"
            ),
            "CHANGELOG.md": (
                "# Changelog\n\n## 0.10.0\n\nSend JSON over a websocket with send_json.\n\n"
                "## 0.9.0\n\nFixed a crash on empty frames.\n"
            ),
        }
    )


def test_how_a_feature_works_is_answered_by_its_documentation(project: Library) -> None:
    # The changelog's line is the shorter match: it came first.
    answer = project.answer("how do I send JSON over a websocket?")
    assert answer.hits[0].passage.doc == "websockets.md"


def test_when_it_was_added_is_answered_by_the_release_notes(project: Library) -> None:
    answer = project.answer("which version added sending JSON over a websocket?")
    assert answer.hits[0].passage.doc == "CHANGELOG.md"


def test_a_question_saying_new_otherwise_is_answered_from_the_documentation(
    project: Library,
) -> None:
    answer = project.answer("I'm new to websockets: how do I send JSON over one?")
    assert answer.hits[0].passage.doc == "websockets.md"


def test_what_changed_in_a_version_quotes_that_releases_notes(
    write_library: Callable[[dict[str, str]], Library],
) -> None:
    # The version stands only in the release's heading, and "changed" in many pages' text:
    # "what changed in 9.7.5?" found no note of that release among the first fifty.
    pages = {
        f"guide-{n}.md": f"# Changes {n}\n\nChanging the palette changes the colors of page {n}."
        " A change takes effect when the site is built again.\n"
        for n in range(30)
    }
    notes = (
        "# Changelog\n\n## 9.7.6 March 19, 2026\n\n- Disabled the warning for forks\n\n"
        "## 9.7.5 March 10, 2026\n\n- Limited the version range of MkDocs to <2\n"
        "- Updated the incompatibility warning\n\n## 9.7.4 March 3, 2026\n\n"
        "- Hardened the social cards plugin\n"
    )
    library = write_library({**pages, "CHANGELOG.md": notes})
    for question in ("what changed in 9.7.5?", "What's new in v9.7.5"):
        answer = library.answer(question, k=2)
        assert answer.outcome == "answered" and answer.total >= 2, question
        assert [hit.passage.section for hit in answer.hits] == ["9.7.5 March 10, 2026"] * 2
    assert library.answer("what changed in 9.7.50?").hits[0].passage.section != (
        "9.7.5 March 10, 2026"
    )


def test_a_releases_notes_under_added_and_fixed_headings_and_how_questions_left_alone(
    write_library: Callable[[dict[str, str]], Library],
) -> None:
    # Keep a Changelog: "## [1.2.0]" over "### Added" and "### Fixed" (the notes' own section);
    # "How do I configure logging in 2.0.0?" asks how, not what changed: it was declined, two
    # notes of 2.0.0 first.
    notes = (
        "# Changelog\n\n## [1.2.0] - 2024-05-01\n\n### Added\n\n- Export to PDF\n\n"
        "### Fixed\n\n- Crash when the config file is empty\n\n## [1.2.0-beta.1] - 2024-04-01"
        "\n\n### Added\n\n- Dark theme preview\n\n## [2.0.0] - 2024-09-01\n\n### Removed\n\n"
        "- Dropped support for Python 3.7\n"
    )
    logging = (
        "# Logging\n\n## Configuring logging\n\nConfigure logging with the log_level setting"
        " in config.toml. Since version 2.0.0 the handler is rich by default.\n"
    )
    library = write_library({"CHANGELOG.md": notes, "logging.md": logging})
    for question in ("what changed in 1.2.0?", "what's new in 1.2?"):
        answer = library.answer(question, k=2)
        assert answer.outcome == "answered", question
        texts = [hit.passage.text for hit in answer.hits]
        assert texts == ["Export to PDF", "Crash when the config file is empty"], question
    how = library.answer("How do I configure logging in 2.0.0?")
    assert how.outcome == "answered" and how.hits[0].passage.doc == "logging.md"
