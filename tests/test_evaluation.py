"""Scoring a question file: the figures computed by hand, gold matching, malformed files."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from retrieval.library import Library
from retrieval.model import Answer, Excerpt, Hit, Passage, Segment
from tools.evaluation import (
    EvalFileError,
    Question,
    evaluate,
    format_report,
    hit_rank,
    read_questions,
)

DEV_SET = Path(__file__).resolve().parents[1] / "data" / "eval" / "dev.jsonl"


def passage(doc: str, text: str, n: int = 1) -> Passage:
    return Passage(f"{doc}-{n}", doc, doc, None, n, text, n)


def answer_of(question: str, passages: list[Passage], answered: bool = True) -> Answer:
    hits = tuple(
        Hit(p, 1.0 / rank, Excerpt((Segment(p.text),)), rank) for rank, p in enumerate(passages, 1)
    )
    return Answer(question, question, hits, answered, 1.0 if answered else 0.0, len(hits))


def write_jsonl(path: Path, items: list[dict[str, Any]]) -> Path:
    path.write_text("\n".join(json.dumps(i) for i in items) + "\n", encoding="utf-8")
    return path


# ------------------------------------------------------------------------------ gold matching
def test_gold_matches_across_quotes_dashes_case_and_white_space() -> None:
    question = Question("q", "?", "a.txt", '"A new chapter" for the port - and the city', "quote")
    text = "The mayor called the plan “a new  chapter”\nfor the port – and   the City."
    assert hit_rank(question, [passage("a.txt", "unrelated"), passage("a.txt", text)]) == 2


def test_gold_in_another_document_does_not_count() -> None:
    question = Question("q", "?", "a.txt", "deeper berths", "fact")
    assert hit_rank(question, [passage("b.txt", "deeper berths")]) is None


def test_alternative_gold_answers_count() -> None:
    question = Question("q", "?", "a.txt", "deeper berths", "fact", alt_gold=(("b.txt", "cranes"),))
    assert hit_rank(question, [passage("c.txt", "x"), passage("b.txt", "New cranes.")]) == 2


def test_a_page_is_checked_against_the_gold_the_passage_holds() -> None:
    # The PDF says it twice: a quote of the alternative on page 3 cites page 3, rightly.
    question = Question(
        "q", "?", "a.pdf", "kills all spacing", "fact", alt_gold=(("a.pdf", "remove the space"),),
        page=12, alt_pages=(3,),
    )  # fmt: skip
    assert question.page_of(passage("a.pdf", "To remove the space altogether:")) == 3
    assert question.page_of(passage("a.pdf", "nosep kills all spacing")) == 12


# ------------------------------------------------------------------------------ the figures
def test_figures_are_computed_as_by_hand() -> None:
    a, b = "a.txt", "b.txt"
    questions = [
        Question("q1", "first question", a, "alpha", "fact"),
        Question("q2", "second question", a, "gamma", "fact"),
        Question("q3", "third question", a, "delta", "number"),
        Question("q4", "fourth question", None, None, "unanswerable"),
        Question("q5", "fifth question", None, None, "unanswerable"),
        Question("q6", "and the gamma one?", a, "gamma", "followup", context="first question"),
    ]
    responses = {
        "first question": answer_of("first question", [passage(a, "Alpha beta.")]),
        "second question": answer_of(
            "second question",
            [passage(b, "gamma"), passage(a, "x", 2), passage(a, "The gamma ray.", 3)],
        ),
        "third question": answer_of("third question", [], answered=False),
        "fourth question": answer_of("fourth question", [passage(b, "x")], answered=False),
        "fifth question": answer_of("fifth question", [passage(b, "x")], answered=True),
        "and the gamma one?": answer_of(
            "and the gamma one?",
            [passage(b, str(n), n) for n in range(1, 5)] + [passage(a, "Gamma!", 5)],
        ),
    }
    calls: list[tuple[str, tuple[str, ...] | None]] = []

    def ask(question: str, context: tuple[str, ...] | None) -> Answer:
        calls.append((question, context))
        return responses[question]

    report = evaluate(questions, ask, k=10)
    # Answerable ranks: 1, 3, none, 5.
    assert report["n"] == 6
    assert report["hit@1"] == 0.25
    assert report["hit@3"] == 0.5
    assert report["hit@5"] == 0.75
    assert report["mrr@10"] == round((1 + 1 / 3 + 0 + 1 / 5) / 4, 4) == 0.3833
    assert report["unanswerable"]["declined"] == 0.5
    assert report["answerable"]["declined"] == 0.25
    assert report["by_kind"] == {
        "fact": {
            "n": 2,
            "hit@1": 0.5,
            "hit@3": 1.0,
            "hit@5": 1.0,
            "mrr@10": 0.6667,
            "declined": 0.0,
            "hedged": 0.0,
        },
        "followup": {
            "n": 1,
            "hit@1": 0.0,
            "hit@3": 0.0,
            "hit@5": 1.0,
            "mrr@10": 0.2,
            "declined": 0.0,
            "hedged": 0.0,
        },
        "number": {
            "n": 1,
            "hit@1": 0.0,
            "hit@3": 0.0,
            "hit@5": 0.0,
            "mrr@10": 0.0,
            "declined": 1.0,
            "hedged": 0.0,
        },
        "unanswerable": {"n": 2, "declined": 0.5, "hedged": 0.0},
    }
    assert [(row["id"], row["rank"], row["outcome"]) for row in report["questions"]] == [
        ("q1", 1, "answered"),
        ("q2", 3, "answered"),
        ("q3", None, "declined"),
        ("q4", None, "declined"),
        ("q5", None, "answered"),
        ("q6", 5, "answered"),
    ]
    assert report["questions"][0]["results"] == [
        {"doc": a, "id": "a.txt-1", "page": None, "score": 1.0}
    ]
    # The follow-up is asked with its context; the others stand alone.
    assert calls[5] == ("and the gamma one?", ("first question",))
    assert all(context is None for _, context in calls[:5])
    # Only the top k passages count.
    assert evaluate(questions, ask, k=3)["hit@5"] == 0.5


def test_report_without_answerable_or_unanswerable_questions() -> None:
    report = evaluate(
        [Question("q", "x", None, None, "offtopic")], lambda q, c: answer_of(q, [], False)
    )
    assert report["hit@1"] == 0.0
    assert report["answerable"]["n"] == 0
    assert report["offtopic"]["declined"] == 1.0
    assert "answerable: declined -" in format_report(report)


HARBOUR = (
    "Harbour Report\n\n"
    "The harbour committee met in spring to discuss the expansion of the port.\n\n"
    "Members agreed that the harbour needs deeper berths for larger cargo ships.\n\n"
    "The mayor called the plan “a new chapter” for the port – and  the city.\n"
)
ORCHARD = (
    "Orchard Notes\n\n"
    "Apple orchards cover the northern valley, and the apple harvest begins in September.\n\n"
    "Pear trees grow near the river and flower early in spring.\n\n"
    "Some apple growers also keep bees beside the river.\n"
)
VOLCANO = (
    "Volcano Diary\n\n"
    "The volcano on the island erupted twice during the last decade.\n\n"
    "Scientists measure the gases that rise from the crater every week.\n"
)
QUESTIONS: list[dict[str, Any]] = [
    # rank 1
    {"id": "a1", "question": "When does the apple harvest begin?", "doc": "orchard.txt",
     "gold": "apple harvest begins in September", "kind": "fact"},
    {"id": "a2", "question": "Who keeps bees?", "doc": "orchard.txt", "gold": "keep bees",
     "kind": "fact"},
    {"id": "a3", "question": "What did the mayor call the plan?", "doc": "harbour.txt",
     "gold": '"a new chapter" for the port - and the city', "kind": "quote"},
    # the gold names the wrong document: never found
    {"id": "a4", "question": "How often did the volcano erupt?", "doc": "harbour.txt",
     "gold": "erupted twice", "kind": "fact"},
    # rank 2: the orchards paragraph covers more of the question than the bees paragraph
    {"id": "a5", "question": "apple orchards valley", "doc": "orchard.txt",
     "gold": "also keep bees", "kind": "fact"},
    # declined (the harbour documents say nothing of a lighthouse), gold at rank 2
    {"id": "a6", "question": "What is the lighthouse budget of the harbour?",
     "doc": "harbour.txt", "gold": "deeper berths", "kind": "fact"},
    {"id": "u1", "question": "What is the capital of Peru?", "kind": "unanswerable"},
    {"id": "u2", "question": "How tall is the lighthouse?", "kind": "unanswerable"},
]  # fmt: skip


def evaluated(folder: Path, items: list[dict[str, Any]], tmp_path: Path) -> dict[str, Any]:
    """The report of the questions ``items`` asked of a library over ``folder``."""
    questions = read_questions(write_jsonl(tmp_path / "questions.jsonl", items))
    library = Library.open(tmp_path / "tiny.db", folder)
    try:
        return evaluate(questions, lambda q, c: library.answer(q, context=c, k=10))
    finally:
        library.close()


def test_evaluation_of_a_tiny_corpus_gives_the_hand_computed_figures(
    make_corpus: Callable[..., Path], tmp_path: Path
) -> None:
    folder = make_corpus({"harbour.txt": HARBOUR, "orchard.txt": ORCHARD, "volcano.txt": VOLCANO})
    report = evaluated(folder, QUESTIONS, tmp_path)
    rows = {row["id"]: (row["rank"], row["outcome"]) for row in report["questions"]}
    assert rows == {
        "a1": (1, "answered"),
        "a2": (1, "answered"),
        "a3": (1, "answered"),
        "a4": (None, "answered"),
        "a5": (2, "answered"),
        "a6": (2, "declined"),
        "u1": (None, "declined"),
        "u2": (None, "declined"),
    }
    # Six answerable questions ranked 1, 1, 1, none, 2, 2; one of them declined.
    assert report["n"] == 8
    assert report["hit@1"] == 0.5
    assert report["hit@3"] == report["hit@5"] == round(5 / 6, 4)
    assert report["mrr@10"] == round(4 / 6, 4)
    assert report["unanswerable"]["declined"] == 1.0
    assert report["answerable"]["declined"] == round(1 / 6, 4)
    assert report["by_kind"]["fact"] == {
        "n": 5, "hit@1": 0.4, "hit@3": 0.8, "hit@5": 0.8, "mrr@10": 0.6, "declined": 0.2,
        "hedged": 0.0,
    }  # fmt: skip
    assert report["by_kind"]["quote"]["hit@1"] == 1.0
    assert report["by_kind"]["unanswerable"] == {"n": 2, "declined": 1.0, "hedged": 0.0}
    table = format_report(report)
    assert "questions 8" in table
    assert "hit@1 0.500" in table
    assert "unanswerable: declined 100%" in table


def test_a_question_the_library_refuses_counts_as_declined_and_the_run_goes_on(
    make_corpus: Callable[..., Path], tmp_path: Path
) -> None:
    # "how do I install it?" as a first question is refused (NothingNamedError): its user sees
    # no passage. It used to end the whole run with the refusal's message.
    folder = make_corpus({"harbour.txt": HARBOUR})
    items = [
        {"id": "o1", "question": "how do I install it?", "kind": "offtopic"},
        {"id": "o2", "question": "is it?", "kind": "offtopic"},
        QUESTIONS[0],
    ]
    report = evaluated(folder, items, tmp_path)
    rows = {r["id"]: (r["outcome"], r["results"], r["refused"]) for r in report["questions"]}
    assert rows["o1"] == rows["o2"] == ("declined", [], True)
    assert rows["a1"][2] is False
    assert report["offtopic"]["declined"] == 1.0
    assert report["n"] == 3


# ------------------------------------------------------------------------------ the question file
def test_question_file_is_read_with_optional_fields(tmp_path: Path) -> None:
    path = write_jsonl(
        tmp_path / "q.jsonl",
        [
            {"id": 1, "question": "Who?", "doc": "a.txt", "gold": "him", "kind": "fact",
             "context": "Before?", "alt_gold": [{"doc": "b.txt", "gold": "her", "page": 4}]},
            {"id": "u", "question": "Why?"},
        ],
    )  # fmt: skip
    first, second = read_questions(path)
    assert first == Question(
        "1",
        "Who?",
        "a.txt",
        "him",
        "fact",
        context="Before?",
        alt_gold=(("b.txt", "her"),),
        alt_pages=(4,),
    )
    assert first.answerable and first.golds() == [("a.txt", "him"), ("b.txt", "her")]
    assert second == Question("u", "Why?", None, None, "other")
    assert not second.answerable


@pytest.mark.parametrize(
    "bad_line",
    [
        "{not json",
        '{"question": "no id"}',
        '{"id": "x"}',
        "[1, 2]",
        '{"id": "x", "question": "q", "alt_gold": [1]}',
    ],
)
def test_malformed_line_is_an_error_naming_its_line_number(tmp_path: Path, bad_line: str) -> None:
    path = tmp_path / "q.jsonl"
    good = json.dumps({"id": "ok", "question": "fine"})
    path.write_text(f"{good}\n\n{bad_line}\n{good}\n", encoding="utf-8")
    with pytest.raises(EvalFileError, match=r"q\.jsonl:3: not a question"):
        read_questions(path)


def test_missing_question_file_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(EvalFileError, match="cannot read"):
        read_questions(tmp_path / "missing.jsonl")
