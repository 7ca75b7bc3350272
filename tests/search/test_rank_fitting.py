"""Fitting the re-ranking's weights (tools/rerank_features.py, tools/rerank_fit.py): only dev
questions are ever read, and the fit ranks first what the dev answers say is right."""

from __future__ import annotations

import numpy as np
import pytest

from tools.evaluation import read_sets
from tools.rerank_features import dev_sets
from tools.rerank_fit import fit, learned_order, ranks, table


def test_held_out_sets_are_refused_and_never_read() -> None:
    held_out = [s.name for s in read_sets() if s.role == "heldout"]
    assert held_out
    with pytest.raises(SystemExit, match="not a dev set"):
        dev_sets([held_out[0]])
    with pytest.raises(SystemExit, match="not a dev set"):
        dev_sets(["office-dev", held_out[-1]])
    assert {s.role for s in dev_sets()} == {"dev"}


def _question(right: int, n: int, rng: np.random.Generator) -> dict[str, object]:
    """A question whose right candidate (at BM25 position ``right``) has the best coverage
    (feature 1) though not the best BM25 score (feature 0)."""
    x = np.column_stack([np.linspace(1.0, 0.5, n), rng.uniform(0.0, 0.5, n)])
    x[right, 1] = 0.9
    y = np.zeros(n, dtype=bool)
    y[right] = True
    return {"x": x, "y": y, "order": list(range(n)), "extra": None}


@pytest.mark.parametrize("loss", ["pair", "list"])
def test_the_fit_puts_first_what_covers_the_question(loss: str) -> None:
    rng = np.random.default_rng(7)
    train = [_question(int(rng.integers(1, 5)), 8, rng) for _ in range(40)]
    weights = fit(train, head=5, l2=1.0, loss=loss)
    assert weights[1] > max(weights[0], 0.0)
    unseen = _question(3, 8, rng)
    assert ranks(unseen, learned_order(unseen, weights, 5)) == 1
    # Beyond the head BM25's order stands: a right candidate there is not brought up.
    deep = _question(6, 8, rng)
    assert learned_order(deep, weights, 5)[5:] == [5, 6, 7]


def test_each_set_is_scored_by_weights_fitted_on_the_others() -> None:
    rng = np.random.default_rng(3)
    sets = {name: [_question(2, 6, rng) for _ in range(10)] for name in ("a", "b", "c")}
    lines = table(sets, head=5, l2=1.0, loss="pair").splitlines()
    # now (BM25 order here) misses every first place; the fitted order finds all 30.
    assert lines[-1].split()[2:5] == ["0.0", "30.0", "10.0"]
    assert lines[-1].split()[8] == "30.0"
