"""A country the synonym table names, asked of documents that never mention it, is another
subject: declined, as a phrase name ("United States") always was; the one-word ones ("France",
"Germany") were only hedged, their name held unstemmed beside the index's stemmed term."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from retrieval.library import Library


@pytest.fixture(scope="module")
def sqlite_notes(write_library: Callable[[dict[str, str]], Library]) -> Library:
    return write_library(
        {
            "locking.md": (
                "# Locking\n\nSQLite uses file locks to let several processes read the database "
                "at once while one writes, on Linux, Windows and macOS.\n\nThe write-ahead log "
                "lets readers and a writer work at the same time.\n"
            )
        }
    )


@pytest.mark.parametrize(
    "question",
    [
        "Does SQLite lock files in France?",
        "can processes in Germany read the database?",
        "Do the writers in the Philippines use the write-ahead log?",
    ],
)
def test_a_country_no_document_names_declines(sqlite_notes: Library, question: str) -> None:
    assert sqlite_notes.answer(question).outcome == "declined"


def test_a_place_the_documents_name_is_answered(sqlite_notes: Library) -> None:
    answer = sqlite_notes.answer("Does SQLite lock files on Linux?")
    assert answer.outcome == "answered"
    assert "file locks" in answer.hits[0].passage.text
