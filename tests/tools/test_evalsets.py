"""The one-line-a-set table `quotebot eval` prints first."""

from __future__ import annotations

from typing import Any

from tools.evalsets import summary


def _report(role: str) -> dict[str, Any]:
    group = {"n": 2, "declined": 0.5, "hedged": 0.0}
    return {
        "role": role,
        "n": 10,
        "hit@1": 0.5,
        "hit@3": 0.75,
        "hit@5": 0.8,
        "mrr@10": 0.6,
        "answerable": {**group, "n": 6, "hit@1": 0.5, "hit@3": 0.75, "hit@5": 0.8, "mrr@10": 0.6},
        "unanswerable": group,
        "offtopic": group,
        "by_kind": {},
        "sweep": [],
    }


def test_a_long_set_name_keeps_the_columns_apart() -> None:
    reports = {"dev": _report("dev"), "multilingual-b": _report("heldout")}
    header, short, long = summary(reports).splitlines()[:3]
    assert long.split()[:3] == ["multilingual-b", "heldout", "10"]
    # each row's role stands under the header's "role", however long the set's name
    assert long.index("heldout") == short.index("dev", 1) == header.index("role")
