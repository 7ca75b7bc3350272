"""Retrieval quality floors on the question sets of ``data/eval/sets.toml``.

The figures are measured by ``quotebot eval``; each floor sits a few points below the value
measured when it was set, so a change that loses a question or two passes and a change that loses
many fails. Held-out sets were written from the documents alone and are never tuned on; they say
what a new user will see. Raise a floor when a change raises its figure for good.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from retrieval.library import Library
from tools.evaluation import evaluate, read_questions, read_sets

# set name → figure → floor; "caught" is the share of unanswerable questions declined or hedged
FLOORS: dict[str, dict[str, float]] = {
    "dev": {"hit@1": 0.74, "hit@3": 0.87, "mrr@10": 0.81, "caught": 0.8},
    "sqlite-dev": {"hit@1": 0.35, "hit@3": 0.52, "mrr@10": 0.45, "caught": 0.33},
    "heldout": {"hit@1": 0.66, "hit@3": 0.80, "mrr@10": 0.75, "caught": 0.33},
    "debian": {"hit@1": 0.18, "hit@3": 0.38, "mrr@10": 0.30, "caught": 0.40},
    "mddocs": {"hit@1": 0.49, "hit@3": 0.68, "mrr@10": 0.60, "caught": 0.67},
}
# at most this share of answerable questions declined (default 0.10), and at least this share of
# off-topic ones (default all): in a broad corpus (Debian's FAQ) everyday words match somewhere
ANSWERABLE_DECLINED_AT_MOST = {"dev": 0.03, "sqlite-dev": 0.06, "heldout": 0.12, "mddocs": 0.08}
OFFTOPIC_DECLINED_AT_LEAST = {"sqlite-dev": 0.9, "debian": 0.5}
SETS = {s.name: s for s in read_sets()}


@pytest.fixture(scope="module", params=sorted(FLOORS))
def report(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Any:
    chosen = SETS[request.param]
    db = Path(tmp_path_factory.mktemp(chosen.name)) / "eval.db"
    library = Library.open(db, chosen.corpus)
    try:
        figures = evaluate(
            read_questions(chosen.questions), lambda q, c: library.answer(q, context=c, k=10)
        )
    finally:
        library.close()
    return chosen.name, figures


def test_ranking_stays_above_its_floors(report: Any) -> None:
    name, figures = report
    caught = figures["unanswerable"]["declined"] + figures["unanswerable"]["hedged"]
    measured = {**{k: figures[k] for k in ("hit@1", "hit@3", "mrr@10")}, "caught": caught}
    below = {k: (measured[k], floor) for k, floor in FLOORS[name].items() if measured[k] < floor}
    assert not below, f"{name}: figures under their floors (measured, floor): {below}"


def test_answerable_questions_are_rarely_declined_and_off_topic_always(report: Any) -> None:
    name, figures = report
    assert figures["answerable"]["declined"] <= ANSWERABLE_DECLINED_AT_MOST.get(name, 0.10)
    if figures["offtopic"]["n"]:
        assert figures["offtopic"]["declined"] >= OFFTOPIC_DECLINED_AT_LEAST.get(name, 1.0)
