"""A list's items written without full stops are sentences of their own when a passage is
weighed by its best sentences: a list of unrelated items ("● Experience designing static
websites", "● Experience developing websites compatible with accessibility …") ran into one
sentence holding all their words, and outweighed the item answering the question.

The documents are the office-dev2 corpus (data/eval/corpora/office-dev2/SOURCES.md): the question
is about The Carpentries' request for quotation for its website (CC-BY 4.0)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from retrieval.library import Library
from retrieval.sentences import fragment_spans
from tests.search.devcorpora import dev_corpus_library


@pytest.fixture(scope="module")
def rfq(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Library]:
    library = dev_corpus_library(tmp_path_factory, "office-dev2")
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


# A PDF's lines break anywhere, and a line of running text may open with a number or a letter
# and a stop: Brown v. Board of Education, 347 U.S. 483 (1954), a work of the U.S. government,
# as its opinion reads, broken where a PDF of it breaks a line.
BROWN = (
    'The doctrine of "separate but equal" did not make its appearance in this Court until 1896 '
    "in the case of Plessy\nv. Ferguson, supra, involving not education but transportation."
)


@pytest.mark.parametrize(
    "text",
    [
        BROWN,
        # German writes "for example" as two letters and stops; "Gefahren" over "z. B.":
        "Der Vermieter haftet für Schäden durch Gefahren\nz. B. durch Feuer oder Wasser.",
        # ... after a finished line too: two letters abbreviated are no item's letter
        "Die Kosten sind umlagefähig.\nz. B. die Heizkosten und die Wasserkosten.",
        # a reference to a point, mid-sentence
        "The rent is paid as set out in\n3. above, and no later than the fifth day.",
    ],
)
def test_a_line_of_running_text_opening_with_a_number_or_letter_is_no_item(text: str) -> None:
    # Cut before "v. Ferguson", the excerpt answering "when did separate but equal first appear"
    # quoted "… until 1896 in the case of Plessy" and the case's name went to another sentence.
    assert [text[a:b] for a, b in fragment_spans(text)] == [text]


def test_a_step_after_its_heading_line_and_a_point_after_its_article_are_items() -> None:
    step = "To install the management server\n1. Log on to the server as an administrator."
    assert [step[a:b] for a, b in fragment_spans(step)] == [
        "To install the management server",
        "1. Log on to the server as an administrator.",
    ]
    points = "Have regard to the following\na) the price;\nb) the date of delivery."
    assert [points[a:b] for a, b in fragment_spans(points)] == [
        "Have regard to the following",
        "a) the price;",
        "b) the date of delivery.",
    ]
