"""Retrieval quality floors on the question sets of ``data/eval/sets.toml``.

The figures are measured by ``quotebot eval``; each floor sits a few points below the value
measured when it was set, so a change that loses a question or two passes and a change that loses
many fails. Held-out sets were written from the documents alone and are never tuned on; they say
what a new user will see. Raise a floor when a change raises its figure for good.
"""

from __future__ import annotations

from typing import Any

import pytest

from tools.evalsets import run_sets

# set name → figure → floor; "caught" is the share of unanswerable questions declined or hedged
FLOORS: dict[str, dict[str, float]] = {
    "dev": {"hit@1": 0.79, "hit@3": 0.91, "mrr@10": 0.85, "caught": 0.85},
    "sqlite-dev": {"hit@1": 0.42, "hit@3": 0.58, "mrr@10": 0.51, "caught": 0.55},
    "docs-dev": {"hit@1": 0.71, "hit@3": 0.80, "mrr@10": 0.76, "caught": 0.67},
    # raised 2026-12-04 with the purpose and count rules (.621/.802/.703 -> .681/.836/.753)
    "ml-dev": {"hit@1": 0.62, "hit@3": 0.78, "mrr@10": 0.70, "caught": 0.75},
    "heldout": {"hit@1": 0.72, "hit@3": 0.83, "mrr@10": 0.79, "caught": 0.50},
    "debian": {"hit@1": 0.22, "hit@3": 0.39, "mrr@10": 0.32, "caught": 0.60},
    "mddocs": {"hit@1": 0.60, "hit@3": 0.76, "mrr@10": 0.69, "caught": 0.67},
    "office": {"hit@1": 0.55, "hit@3": 0.70, "mrr@10": 0.64, "caught": 0.50},
    # caught 0.58 -> 0.42 when the judge read headings in the passage's language, not English
    "multilingual": {"hit@1": 0.45, "hit@3": 0.63, "mrr@10": 0.55, "caught": 0.35},
    "heldout-b": {"hit@1": 0.72, "hit@3": 0.87, "mrr@10": 0.80, "caught": 0.80},
    "multilingual-b": {"hit@1": 0.40, "hit@3": 0.60, "mrr@10": 0.51, "caught": 0.85},
    "office-b": {"hit@1": 0.42, "hit@3": 0.60, "mrr@10": 0.51, "caught": 0.50},
    "mddocs-b": {"hit@1": 0.42, "hit@3": 0.64, "mrr@10": 0.56, "caught": 0.50},
    "docs-dev2": {"hit@1": 0.46, "hit@3": 0.67, "mrr@10": 0.57, "caught": 0.55},
    "docs-dev3": {"hit@1": 0.66, "hit@3": 0.84, "mrr@10": 0.76, "caught": 0.67},
    "uvicorn": {"hit@1": 0.42, "hit@3": 0.60, "mrr@10": 0.53, "caught": 0.50},
    "multilingual-c": {"hit@1": 0.49, "hit@3": 0.62, "mrr@10": 0.57, "caught": 0.60},
    "ml-dev2": {"hit@1": 0.56, "hit@3": 0.83, "mrr@10": 0.69, "caught": 0.30},
    "docs-dev4": {"hit@1": 0.43, "hit@3": 0.54, "mrr@10": 0.49, "caught": 0.20},
    "legal-dev": {"hit@1": 0.52, "hit@3": 0.63, "mrr@10": 0.59, "caught": 0.55},
    "office-dev": {"hit@1": 0.41, "hit@3": 0.72, "mrr@10": 0.56, "caught": 0.33},
    "office-dev2": {"hit@1": 0.46, "hit@3": 0.67, "mrr@10": 0.57, "caught": 0.40},
    # first run 0.324 / 0.485 / 0.420, caught 58% (2026-12-04)
    "debian-dev": {"hit@1": 0.27, "hit@3": 0.43, "mrr@10": 0.37, "caught": 0.45},
    # first run 0.508 / 0.600 / 0.584, caught 75% (2026-12-05)
    "office-c": {"hit@1": 0.46, "hit@3": 0.55, "mrr@10": 0.53, "caught": 0.62},
    # first run 0.446 / 0.696 / 0.577, caught 38% (2026-12-06)
    "office-d": {"hit@1": 0.40, "hit@3": 0.64, "mrr@10": 0.52, "caught": 0.25},
    # first run 0.460 / 0.700 / 0.587, caught 83% (2026-12-06), the AsciiDoc reader's first
    "adoc-ho": {"hit@1": 0.40, "hit@3": 0.64, "mrr@10": 0.52, "caught": 0.70},
}
# at most this share of answerable questions declined (default 0.10), and at least this share of
# off-topic ones (default all): in a broad corpus (Debian's FAQ) everyday words match somewhere;
# in other languages than English confidence runs lower (ml-dev, multilingual)
ANSWERABLE_DECLINED_AT_MOST = {
    "dev": 0.03,
    "sqlite-dev": 0.06,
    "heldout": 0.10,
    "mddocs": 0.08,
    "ml-dev": 0.18,
    "uvicorn": 0.15,  # 11% (6 of 54) at its first run: room for two more
    "legal-dev": 0.15,  # 9% (6 of 65) as measured: room for three more
    "debian-dev": 0.12,  # 7% (5 of 68) at its first run: room for three more
}
# sqlite-dev has 15 off-topic questions: each is 7 points, so the floor leaves room for one.
OFFTOPIC_DECLINED_AT_LEAST = {
    "sqlite-dev": 0.85,
    "debian": 0.5,
    "multilingual": 0.75,
    "heldout-b": 0.9,  # of its 10, one is hedged, not declined (measured when written)
    "multilingual-b": 0.75,
    "mddocs-b": 0.75,  # of its 4, one is hedged (measured at its first run)
    "docs-dev2": 0.5,  # of its 10, six are declined (as measured); room for one question less
    # On prose and on charters everyday words match somewhere: an off-topic question there is
    # mostly hedged (ml-dev2: 3 of 8 declined, legal-dev 3 of 5, multilingual-c 7 of 8)
    "ml-dev2": 0.25,
    "legal-dev": 0.4,
    "multilingual-c": 0.75,
    "office-dev2": 0.6,  # of its 3, one is hedged (measured at its first run)
    "debian-dev": 0.8,  # of its 10, one is hedged (measured at its first run)
    "office-d": 0.8,  # of its 6, one is hedged (measured at its first run)
}


@pytest.fixture(scope="module", params=sorted(FLOORS))
def report(request: pytest.FixtureRequest) -> Any:
    # Scored as `quotebot eval` scores it: the corpus without its SOURCES.md, a scratch database.
    name = request.param
    return name, run_sets([name])[name]


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
