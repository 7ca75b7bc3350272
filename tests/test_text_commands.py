"""Plain text keeps the commands its sentences introduce: "… run this command:" then an indented
"make deb-pkg" is one passage, its prose searched and quoted with its code."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from retrieval.ingest.pipeline import read
from retrieval.library import Library

FAQ = (
    "Kernel FAQ\n\n"
    "1. How do I package my own kernel?\n\n"
    "After configuring the kernel, simply run the following command:\n\n"
    "    make deb-pkg\n\n"
    "The new package is created in the parent directory of the kernel source tree.\n\n"
    "2. How do I remove an old kernel?\n\n"
    "You can remove kernel packages you no longer want with this command:\n\n"
    "    dpkg --purge linux-image-NNN\n\n"
    "(Of course, replace NNN with the version and revision of your kernel.)\n"
)


def test_a_short_indented_command_is_kept_as_the_code_of_its_sentence() -> None:
    blocks = read("faq.txt", FAQ.encode()).blocks
    coded = {b.code: b.text for b in blocks if b.code}
    assert coded == {
        "make deb-pkg": "After configuring the kernel, simply run the following command:",
        "dpkg --purge linux-image-NNN": (
            "You can remove kernel packages you no longer want with this command:"
        ),
    }
    # The remark after the code is prose of its own, not code.
    assert any(b.text.startswith("(Of course") and not b.code for b in blocks)


def test_a_question_about_the_command_quotes_sentence_and_command(
    make_corpus: Callable[..., Path], tmp_path: Path
) -> None:
    library = Library.open(tmp_path / "k.db", make_corpus({"faq.txt": FAQ}))
    try:
        answer = library.answer("what do I run after configuring the kernel")
        passage = answer.hits[0].passage
        assert "make deb-pkg" in passage.text
        assert passage.code_at is not None and passage.text[passage.code_at :].strip() == (
            "make deb-pkg"
        )
    finally:
        library.close()
