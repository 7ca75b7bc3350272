"""A question asking what something is gets the passage that says what it is, first."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from retrieval.library import Library
from retrieval.model import Excerpt, Passage
from retrieval.search.definitions import (
    defines,
    first_defining,
    purpose_searched,
    purpose_subject,
    says_purpose,
    sections_named,
    subject,
    term_asked,
)
from retrieval.search.rank import Ranked

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
        ("hot journal meaning", "hot journal"),
        ("WAL definition", "WAL"),
        ("who counts as a platform user?", "platform user"),
    ],
)
def test_the_thing_a_question_asks_the_definition_of(question: str, thing: str | None) -> None:
    assert subject(question) == thing


@pytest.mark.parametrize(
    ("question", "thing"),
    [
        ("sed", "sed"),
        ("neo-serverless", "neo-serverless"),
        ("sed?", None),  # asked back after an answer
        ("why", None),  # a stop word
        ("2004", None),
        ("sed examples", None),  # two words ask about something of it
        ("什么是", None),
    ],
)
def test_a_word_typed_alone_asks_what_it_is(question: str, thing: str | None) -> None:
    assert term_asked(question) == thing


def test_a_word_alone_quotes_its_definition(
    make_corpus: Callable[..., Path], tmp_path: Path
) -> None:
    library = Library.open(tmp_path / "s.db", make_corpus(SED_FAQ))
    try:
        answer = library.answer("sed", k=4)
        assert answer.hits[0].passage.text.startswith("\u201csed\u201d stands for")
    finally:
        library.close()


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


PBUILDER_NOTES = {
    "notes.md": (
        "# Build notes\n\n"
        "## Setting up\n\n"
        "Run pbuilder create once, then pbuilder update each week; pbuilder keeps its "
        "chroot in /var/cache/pbuilder and pbuilder logs go to pbuilder.log.\n\n"
        "## Why\n\n"
        "The pbuilder package lets you check build dependencies in a clean chroot.\n\n"
        "## Signing\n\n"
        "Sign the upload with debsign before you send it.\n"
    )
}


@pytest.mark.parametrize(
    ("question", "thing"),
    [
        ("what does microtype do?", "microtype"),
        ("What is pbuilder for?", "pbuilder"),
        ("what is the purpose of the venv module", "venv module"),
        ("why do I need a virtual environment?", "virtual environment"),
        ("À quoi sert uscan quand on met à jour un paquet ?", "uscan"),
        ("¿Para qué sirve uupdate?", "uupdate"),
        ("Зачем мейнтейнеру нужен pbuilder?", "pbuilder"),
        ("pbuilder 主要用来干嘛？", "pbuilder"),
        ("update-alternatives 是干什么用的？", "update-alternatives"),
        ("what does it do?", None),  # a pronoun names nothing to look for
        ("What can I do?", None),
        ("Зачем нужен этот пакет?", None),
        ("我应该做什么？", None),
        ("Que fait dpkg quand le disque est plein ?", None),  # what it does then, not its use
        ("Que fait dpkg ?", "dpkg"),
        ("Для чего используется команда debdiff?", "debdiff"),  # not "команда"
        ("¿Qué hace la orden debdiff?", "debdiff"),
        ("update-alternatives 命令是干什么用的？", "update-alternatives"),
        ("古代中国人把火星叫做什么？", None),  # "what was it called", not "what does it do"
        ("what is sed?", None),  # a definition: subject() reads that one
        ("how do I use sed?", None),
    ],
)
def test_the_thing_a_question_asks_the_purpose_of(question: str, thing: str | None) -> None:
    assert purpose_subject(question) == thing


@pytest.mark.parametrize(
    ("text", "thing", "expected"),
    [
        ("The pbuilder package lets you check build dependencies.", "pbuilder", True),
        ("Run pbuilder create once.", "pbuilder", False),
        ("The tool helps. Then run pbuilder.", "pbuilder", False),  # another sentence
        ("It provides tools, as microtype-show does.", "microtype", False),  # another name
        ("Perl 脚本 update-alternatives 提供了一种简单的方法。", "update-alternatives", True),
        ("uscan permet de télécharger les sources.", "uscan", True),
        ("pbuilder позволяет проверить зависимости.", "pbuilder", True),
        # Chinese words are found between others, not only after a space
        ("对于验证编译依赖而言，pbuilder 软件包是非常有用的。", "pbuilder", True),
        ("“sed” stands for Stream EDitor.", "sed", True),  # a definition says it too
    ],
)
def test_a_sentence_saying_what_the_thing_does(text: str, thing: str, expected: bool) -> None:
    assert says_purpose(text, thing) is expected


def test_what_is_it_for_quotes_what_it_does_not_the_passage_repeating_its_name(
    make_corpus: Callable[..., Path], tmp_path: Path
) -> None:
    library = Library.open(tmp_path / "p.db", make_corpus(PBUILDER_NOTES))
    try:
        answer = library.answer("what is pbuilder for?", k=3)
        assert answer.hits[0].passage.text.startswith("The pbuilder package lets you")
    finally:
        library.close()


def test_a_manuals_opening_brought_first_is_never_shown_twice(
    write_library: Callable[[dict[str, str]], Library],
) -> None:
    # The opening found as a document's start was also among the ranked passages: both copies
    # stayed, and the fourth page of results showed the opening again.
    warnings = "".join(f"Zorblat warning {n}: zorblat zorblat slot {n}.\n\n" for n in range(30))
    library = write_library(
        {
            "zorblat.md": (
                "# The zorblat package\n\n"
                "The zorblat package provides an interface to the frobnication engine, which "
                "lets documents be frobnicated at every level of their structure.\n\n"
                f"## Warnings\n\n{warnings}"
            )
        }
    )
    shown = [
        hit.passage.id
        for offset in range(0, 36, 3)
        for hit in library.answer("what is zorblat?", offset=offset).hits
    ]
    assert "provides an interface" in library.answer("what is zorblat?").hits[0].passage.text
    assert len(shown) == len(set(shown))


def test_every_defining_passage_comes_forward_even_when_the_first_already_defines() -> None:
    # The first candidate already defining left the other defining ones where BM25 put them
    # (fifth and eighth, under passages repeating the name).
    texts = [
        "Zorblat is a frobnication engine.",
        *(f"zorblat zorblat warning {n}" for n in range(3)),
        "Zorblat is free software.",
        "zorblat zorblat warning 4",
        "zorblat zorblat warning 5",
        "Zorblat is written in C.",
    ]
    ranked = [
        Ranked(Passage(f"z-{n}", "z.md", "Z", None, n, text), 10.0 - n, 10.0 - n, Excerpt(()))
        for n, text in enumerate(texts)
    ]
    out = first_defining(ranked, "zorblat")
    assert [r.passage.text for r in out[:3]] == [texts[0], texts[4], texts[7]]
    assert [r.score for r in out] == sorted((r.score for r in out), reverse=True)


def _pbuilder_manual(heading: str, opening: str, step: str) -> str:
    """A manual's section titled after pbuilder: its opening says what pbuilder is for, then
    steps repeat the name in commands (BM25 ranks those above the opening)."""
    steps = "".join(f"{step} {n}: `sudo pbuilder --step {n}` pbuilder.\n\n" for n in range(6))
    return f"# Build\n\n## 6.3. debuild\n\nRun debuild.\n\n## {heading}\n\n{opening}\n\n{steps}"


PBUILDER_MANUALS = {
    "ru.md": _pbuilder_manual(
        "6.4. Пакет pbuilder",
        "В чистой среде сборки для проверки зависимостей очень полезен пакет pbuilder.",
        "Шаг",
    ),
    "zh.md": _pbuilder_manual(
        "6.4. pbuilder 软件包",
        "对于使用净室编译环境来验证编译依赖而言，pbuilder 软件包是非常有用的。",
        "步骤",
    ),
}


@pytest.mark.parametrize(
    ("question", "opening"),
    [
        ("Зачем мейнтейнеру нужен pbuilder?", "В чистой среде сборки"),
        ("pbuilder 主要用来干嘛？", "对于使用净室编译环境"),
        ("Что такое pbuilder?", "В чистой среде сборки"),
    ],
)
def test_what_is_it_for_quotes_the_opening_of_the_section_titled_after_it(
    write_library: Callable[[dict[str, str]], Library], question: str, opening: str
) -> None:
    # The opening of "6.4. Пакет pbuilder" says what pbuilder is for; a dozen steps repeating
    # the name in commands (six in each language) ranked above it, and it was not among the
    # best ten. The same opening in the other language comes after.
    library = write_library(PBUILDER_MANUALS)
    assert library.answer(question, k=3).hits[0].passage.text.startswith(opening)


@pytest.mark.parametrize(
    ("heading", "titled"),
    [
        ("6.4. Пакет pbuilder", True),
        ("6.4. pbuilder 软件包", True),
        ("7.6. La orden pbuilder", True),
        ("Using pbuilder with lintian hooks", False),  # on something done with it
        ("6.4. pbuilder 软件包的钩子脚本配置", False),  # its hook scripts' configuration
        ("6.3. debuild", False),
    ],
)
def test_a_section_titled_after_the_thing(heading: str, titled: bool) -> None:
    passage = Passage("m-1", "m.md", "M", heading, 1, "Text.")
    ranked = [Ranked(passage, 1.0, 1.0, Excerpt(()))]
    assert bool(sections_named(ranked, "pbuilder")) is titled


@pytest.mark.parametrize(
    ("question", "searched"),
    [
        ("pbuilder 主要用来干嘛？", "pbuilder ？"),
        ("Зачем мейнтейнеру нужен pbuilder?", "pbuilder ?"),
        ("À quoi sert uscan quand on met à jour ?", "uscan quand on met à jour ?"),
        ("Для чего используется команда debdiff?", "команда debdiff ?"),
        ("what is the purpose of the venv module", "venv module"),
        ("how do I use sed?", None),  # no purpose asked: the question is searched as asked
    ],
)
def test_a_purpose_questions_frame_is_not_searched(question: str, searched: str | None) -> None:
    # 主要 ("mainly") and 用来 ("used for") found "主要信息来源" above the passages on pbuilder
    assert purpose_searched(question) == searched
