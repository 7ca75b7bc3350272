"""A dotted name in code ("websocket.close()", "request.client.host") is found by its words too."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from retrieval.library import Library
from retrieval.search.analyzer import Analyzer


@pytest.mark.parametrize(
    ("text", "terms"),
    [
        ("websocket.close()", ["websocketclos", "websocket", "close"]),
        ("request.client.host", ["requestclienthost", "request", "client", "host"]),
        ("r.raise_for_status()", ["rrais", "rais", "status"]),
        # Not abbreviations, versions, numbers, nor file and host names: those stay whole.
        ("the U.K.", ["uk"]),
        ("version 3.2.1", ["version", "3.2.1"]),
        ("/etc/apt/sources.list", ["etc", "apt", "sourceslist"]),
        ("www.example.com", ["wwwexamplecom"]),
        ("console.log", ["consolelog", "consol", "log"]),  # code, though ".log" ends file names
    ],
)
def test_a_dotted_name_gives_its_parts_beside_the_whole(text: str, terms: list[str]) -> None:
    assert Analyzer().terms(text, "en") == terms


@pytest.fixture(scope="module")
def guide(write_library: Callable[[dict[str, str]], Library]) -> Library:
    return write_library(
        {
            "websockets.md": (
                "# WebSockets\n\n## Closing\n\n"
                "Call `await websocket.close(code=1000)` before returning from the endpoint.\n\n"
                "## Sending\n\nSend text with the send_text method of the connection, and "
                "bytes with send_bytes.\n\n## Accepting\n\nA connection must be accepted "
                "before anything is sent; a handshake that fails closes the socket.\n"
            ),
        }
    )


def test_a_question_in_words_finds_the_method_call_that_does_it(guide: Library) -> None:
    answer = guide.answer("how do I close the websocket?")
    assert "websocket.close(" in answer.hits[0].passage.text


def test_the_method_asked_by_its_name_is_found_too(guide: Library) -> None:
    assert "websocket.close(" in guide.answer("websocket.close").hits[0].passage.text


def test_a_long_dotted_run_that_is_no_name_is_read_at_once() -> None:
    # Each part of the pattern matches one way only: a run of thirty parts ending in a number
    # was tried in 2^30 ways before failing (seconds for eight parts).
    run = ".".join(["abcdefgh"] * 30) + ".1"
    assert Analyzer().terms(run, "en") == [run.replace(".", "")]


def test_a_host_name_the_documents_lack_still_counts_as_a_word_they_lack(
    shipped_library: Library,
) -> None:
    answer = shipped_library.answer("what does nytimes.com say about Iran?")
    assert "nytimescom" in answer.terms
    assert answer.outcome != "answered"
