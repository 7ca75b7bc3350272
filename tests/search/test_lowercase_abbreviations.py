"""Questions typed in small letters: "the us" is the United States where nothing else can be
meant, and a stop word typed with a slip ("hapens") is skipped like the stop word it is; but a
word the documents write in small letters ("the cd command"), a prefix ("the un-named") and the
name of a tool a letter from a stop word ("wget", "perl") are what the question asks about."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from retrieval.library import Library

MANUAL = (
    "# Admin manual\n\n## Downloading files\n\n"
    "Use curl to download a file from a server: curl -O followed by the address saves it "
    "under its own name. Downloads resume with the -C option.\n\n## Installing modules\n\n"
    "Python modules are installed with pip. A virtual environment keeps a project's modules "
    "apart from the system's.\n\n## Changing directory\n\n"
    "The cd command changes the working directory: cd /tmp moves into /tmp, and cd alone "
    "returns home.\n\n## Listing files\n\n"
    "The ls command lists the files of a directory; ls -l shows their sizes and owners.\n\n"
    "## Backups\n\nTake a backup every night. The backup is written to the second disk and "
    "kept for a week.\n"
)


@pytest.fixture(scope="module")
def manual(write_library: Callable[[dict[str, str]], Library]) -> Library:
    return write_library({"manual.md": MANUAL})


def test_the_us_in_small_letters_is_the_united_states(shipped_library: Library) -> None:
    # The pronoun "us" never follows "the": typed so it is the abbreviation, and the passage on
    # what China and the United States agree on Taiwan comes first.
    answer = shipped_library.answer("did china and the us agree on anything about taiwan")
    assert "China and the United States" in answer.hits[0].passage.text
    assert "Taiwan" in answer.hits[0].passage.text
    # Elsewhere "us" stays the pronoun.
    assert "_united_states" not in shipped_library.answer("can you tell us about Japan").terms


@pytest.mark.parametrize(
    "question",
    ["what is the cd command", "how do I change directory with the cd command"],
)
def test_a_word_the_documents_write_in_small_letters_stays_that_word(
    manual: Library, question: str
) -> None:
    # The synonyms' CD is the Conference on Disarmament; a manual's "cd" is the command: read
    # as the conference, the question was declined.
    answer = manual.answer(question)
    assert answer.outcome == "answered"
    assert "The cd command changes" in answer.hits[0].passage.text


@pytest.mark.parametrize(
    "question",
    [
        "what does the un-named official say about taiwan",
        "is the un-official channel with taiwan open",
    ],
)
def test_a_prefix_after_the_is_no_abbreviation(shipped_library: Library, question: str) -> None:
    # "un-named" is unnamed, not the United Nations: its peacekeeping passage came first.
    answer = shipped_library.answer(question)
    assert "_united_nations" not in answer.terms
    assert "peacekeeping" not in answer.hits[0].passage.text


def test_an_abbreviation_before_a_hyphen_is_still_read(shipped_library: Library) -> None:
    # "us-led" is no word: the coalition is the US's.
    answer = shipped_library.answer("what did china say about the us-led coalition")
    assert "United States" in answer.hits[0].passage.text


def test_a_slip_of_a_question_frame_word_is_not_searched(shipped_library: Library) -> None:
    # "happens" frames the question; "hapens", searched as a word no passage has, hedged it.
    answer = shipped_library.answer("what hapens at the Shanghai Cooperation Organization")
    assert answer.outcome == "answered"
    assert "Shanghai Cooperation Organization" in answer.hits[0].passage.text


@pytest.mark.parametrize("tool", ["wget", "perl", "cpan", "goto", "whois"])
def test_a_tool_a_letter_from_a_stop_word_is_asked_about(manual: Library, tool: str) -> None:
    # "wget" is "get" and a letter, "whois" "whos": skipped as slips, "how do I use wget" was
    # answered from the passage saying "use curl". The manual names no such tool.
    assert manual.answer(f"how do I use {tool}").outcome != "answered"
