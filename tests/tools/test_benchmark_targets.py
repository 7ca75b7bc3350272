"""Issue 13's targets as `quotebot bench` reports them: met or not on the measured value."""

from __future__ import annotations

from typing import Any

from tools.benchmark import targets


def _report(quotebot_p50: float, bm25s_p50: float) -> dict[str, Any]:
    small = {
        "name": "100k",
        "quotebot": {"p50_ms": quotebot_p50, "p99_ms": 2.5},
        "bm25s": {"p50_ms": bm25s_p50},
    }
    return {"corpora": [small]}


def test_a_ratio_just_over_its_limit_is_not_met_by_rounding() -> None:
    # 1.667 / 1.109 = 1.503: shown as such, and over 1.5.
    rows = {name: (shown, met) for name, _, shown, met in targets(_report(1.667, 1.109))}
    assert rows["100k p50 / bm25s p50"] == ("1.503", False)
    assert rows["100k p99 ms"] == ("2.5", True)


def test_a_ratio_within_its_limit_is_met() -> None:
    rows = {name: (shown, met) for name, _, shown, met in targets(_report(1.5, 1.2))}
    assert rows["100k p50 / bm25s p50"] == ("1.25", True)
    assert rows["1M p99 ms"] == ("-", None)  # not measured
