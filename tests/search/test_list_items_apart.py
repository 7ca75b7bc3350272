"""A list's items written without full stops are sentences of their own when a passage is
weighed by its best sentences: a list of unrelated items ("● Experience designing static
websites", "● Experience developing websites compatible with accessibility …") ran into one
sentence holding all their words, and outweighed the item answering the question.

The documents are the office-dev2 corpus (data/eval/corpora/office-dev2/SOURCES.md): the question
is about The Carpentries' request for quotation for its website (CC-BY 4.0)."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from retrieval.library import Library
from retrieval.sentences import fragment_spans

_CORPUS = Path(__file__).resolve().parents[2] / "data/eval/corpora/office-dev2"


@pytest.fixture(scope="module")
def rfq(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Library]:
    folder = tmp_path_factory.mktemp("office") / "corpus"
    shutil.copytree(_CORPUS, folder, ignore=shutil.ignore_patterns("SOURCES.md"))
    library = Library.open(tmp_path_factory.mktemp("rfq-db") / "corpus.db", folder)
    yield library
    library.close()


def test_the_item_naming_the_standard_answers_before_a_list_of_criteria(rfq: Library) -> None:
    answer = rfq.answer("Which accessibility standard must the website template meet?", k=3)
    assert "template to comply with WCAG 2.2 AA" in answer.hits[0].passage.text


def test_each_bulleted_or_numbered_item_is_a_sentence() -> None:
    text = (
        "Selection criteria:\n● Evidenced ability to meet project goals\n"
        "● Experience designing static websites\n1. First step\n2. Second step"
    )
    pieces = [text[a:b] for a, b in fragment_spans(text)]
    assert pieces == [
        "Selection criteria:",
        "● Evidenced ability to meet project goals",
        "● Experience designing static websites",
        "1. First step",
        "2. Second step",
    ]
    # YAML's "- mkdocstrings:" is no list item: the code after a sentence stays one piece.
    code = "It is off by default:\nplugins:\n- mkdocstrings:\n    handlers:"
    assert [code[a:b] for a, b in fragment_spans(code)] == [code]
