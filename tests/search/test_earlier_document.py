"""A follow-up is answered from the document the conversation is in, when it is a close call."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from retrieval.library import Library
from retrieval.model import Excerpt, Passage
from retrieval.search.earlier import WINDOW, same_document_first
from retrieval.search.excerpts import Matches, QuestionTerms
from retrieval.search.rank import Ranked


def test_and_on_iran_quotes_the_statement_the_conversation_is_about(
    shipped_library: Library,
) -> None:
    earlier = "What do China and Russia say about the Six-Party Talks in their 2008 statement?"
    first = shipped_library.answer(earlier, k=1).hits[0].passage
    answer = shipped_library.answer("and on iran?", context=[earlier])
    best = answer.hits[0].passage
    assert best.doc == first.doc  # the 2008 joint statement, not the overview mentioning Iran
    assert "Iran" in best.text


def test_a_follow_up_naming_a_place_is_not_answered_by_the_passage_before_again(
    shipped_library: Library,
) -> None:
    earlier = "What do China and Russia say about missile defence?"
    first = shipped_library.answer(earlier, k=1).hits[0].passage
    for follow_up, name in [
        ("what about the Gulf of Aden?", "Gulf of Aden"),
        ("and with Pakistan?", "Pakistan"),
    ]:
        best = shipped_library.answer(follow_up, context=[earlier]).hits[0].passage
        assert best.id != first.id and name in best.text


def test_a_follow_up_naming_a_thing_in_common_words_quotes_that_thing(
    shipped_library: Library,
) -> None:
    # The case: "code of conduct" is no proper name in the question, but the passage
    # writes it as one ("a Code of Conduct (COC)"); the South China Sea answer says nothing of it.
    earlier = "What is China position on the South China Sea?"
    first = shipped_library.answer(earlier, k=1).hits[0].passage
    best = shipped_library.answer("and what about a code of conduct?", context=[earlier])
    assert best.hits[0].passage.id != first.id
    assert "Code of Conduct" in best.hits[0].passage.text


def _ranked(docs: list[str]) -> list[Ranked]:
    return [
        Ranked(Passage(f"p{i}", doc, "T", None, i, f"text {i}"), 10.0 - i, 1.0, Excerpt(()))
        for i, doc in enumerate(docs)
    ]


@given(st.lists(st.sampled_from("abc"), min_size=1, max_size=8), st.sampled_from("abcd"))
def test_only_the_order_of_the_first_few_changes_and_scores_stay_in_order(
    docs: list[str], document: str
) -> None:
    ranked = _ranked(docs)
    shown = Ranked(Passage("shown", document, "T", None, 99, "shown"), 1.0, 1.0, Excerpt(()))
    result = same_document_first(ranked, shown)
    assert sorted(r.passage.id for r in result) == sorted(r.passage.id for r in ranked)
    assert [r.score for r in result] == sorted((r.score for r in result), reverse=True)
    head = docs[:WINDOW]
    if document in head:
        assert result[0].passage.doc == document
        assert result[0].passage.id == f"p{head.index(document)}"
    else:
        assert [r.passage.id for r in result] == [r.passage.id for r in ranked]


def test_a_follow_up_costs_a_few_answers_however_long_the_conversation(
    shipped_library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = []
    answer = Library.answer

    def counted(self: Library, question: str, **kwargs: Any) -> Any:
        calls.append(question)
        return answer(self, question, **kwargs)

    monkeypatch.setattr(Library, "answer", counted)
    history = [f"What did China say about Iran in {year}?" for year in range(1990, 2010)]
    shipped_library.answer("and on iran?", context=history)
    assert len(calls) <= 3


def test_the_answer_before_is_not_brought_first_for_a_follow_up_naming_what_it_lacks() -> None:
    terms = QuestionTerms({"aden": 1.0, "missil": 0.7})
    marks: list[list[tuple[int, int, int]]] = [[(0, 4, 0)]]

    def ranked(pid: str, doc: str, mask: int, score: float) -> Ranked:
        passage = Passage(pid, doc, "T", None, 1, "text")
        return Ranked(passage, score, score, Excerpt(()), Matches([(0, 4)], [mask], marks))

    shown = ranked("p16", "statement", 2, 1.0)  # holds the carried "missil" only
    others = [ranked("p44", "overview", 1, 0.9)]  # names Aden, in another document
    weights = {"aden": 1.0, "missil": 0.7}
    result = same_document_first([others[0], shown], shown, weights, terms, names={"aden"})
    assert result[0].passage.id == "p44"
    # A follow-up of ordinary words may still be answered by it.
    plain = same_document_first([others[0], shown], shown, weights, terms, names=set())
    assert plain[0].passage.id == "p16"
