"""A question asking what something is gets the passage that says what it is, first."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from retrieval.library import Library
from retrieval.search.definitions import defines, subject

SED_FAQ = {
    "sedfaq.txt": (
        "The sed FAQ\n\n"
        "1. Examples\n\n"
        "To indent every line with sed, run sed 's/^/    /' myfile and sed prints the result.\n\n"
        "With sed you can also print the lines of a file with sed -n p, as sed reads each line.\n\n"
        "Another sed example: sed 's/Glenn/Harold/g' replaces every Glenn, as sed scripts do.\n\n"
        "2. What is it?\n\n"
        "\u201csed\u201d stands for Stream EDitor. It is a non-interactive editor.\n"
    )
}


@pytest.mark.parametrize(
    ("question", "thing"),
    [
        ("what is sed?", "sed"),
        ("What are tarballs", "tarballs"),
        ("What exactly is a virtual environment?", "virtual environment"),
        ("what's a wheel?", "wheel"),
        ("what does WAL stand for?", "WAL"),
        ("Qu'est-ce que LaTeX ?", "LaTeX"),
        ("¿Qué es cowbuilder?", "cowbuilder"),
        ("Что такое pbuilder?", "pbuilder"),
        ("什么是 unstable？", "unstable"),
        ("What is the oldest version that can do protrusion?", None),  # no definition asked
        ("how do I use sed?", None),
    ],
)
def test_the_thing_a_question_asks_the_definition_of(question: str, thing: str | None) -> None:
    assert subject(question) == thing


@pytest.mark.parametrize(
    ("text", "thing", "expected"),
    [
        ("\u201csed\u201d stands for Stream EDitor.", "sed", True),
        ("LZMA (Lempel-Ziv-Markov) is a compression method.", "lzma", True),
        ("Intro. The xz format is newer.", "xz format", True),
        ("We use sed to edit streams.", "sed", False),
        (
            "Create a virtual environment, a self-contained directory tree.",
            "virtual environment",
            True,
        ),
        ("Run sed, then awk.", "sed", False),
        ("You need Python, a C compiler and make.", "python", False),
        ("Russia, a permanent member of the Security Council, and China agreed.", "russia", False),
        ("Install python, a scripting language.", "python", True),
        ("unstable 是正在开发的版本。", "unstable", True),
    ],
)
def test_a_sentence_saying_what_the_thing_is(text: str, thing: str, expected: bool) -> None:
    assert defines(text, thing) is expected


def test_what_is_it_quotes_the_definition_not_the_passages_repeating_its_name(
    make_corpus: Callable[..., Path], tmp_path: Path
) -> None:
    library = Library.open(tmp_path / "s.db", make_corpus(SED_FAQ))
    try:
        answer = library.answer("what is sed?", k=4)
        assert answer.hits[0].passage.text.startswith("\u201csed\u201d stands for")
        scores = [h.score for h in answer.hits]
        assert scores == sorted(scores, reverse=True)  # the order shown is the score's
    finally:
        library.close()
