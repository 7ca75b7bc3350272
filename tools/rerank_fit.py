"""Fit the re-ranking's weights on the dev sets' candidates, leave-one-corpus-out.

``python -m tools.rerank_fit FEATURES.json [--rerank 5] [--only a,b,...] [--l2 1.0]``:
reads what :mod:`tools.rerank_features` wrote (dev sets only), fits a pairwise logistic
regression (numpy, L2) on the differences between each question's right and wrong candidates
within the re-ranked head, and scores each dev set by a model fitted on the other dev sets:
hit@1, hit@3 and MRR@10 of the head ordered by the fitted weights, beside the re-ranking's own
order and BM25's. Last, the weights fitted on every dev set, in the features' own units.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from tools.rerank_features import dev_sets

Array = npt.NDArray[np.float64]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("file", type=Path)
    parser.add_argument("--rerank", type=int, default=5, help="the head re-ranked")
    parser.add_argument("--only", default="", help="comma-separated; default all")
    parser.add_argument("--l2", type=float, default=1.0)
    parser.add_argument("--loss", choices=("pair", "list"), default="pair")
    args = parser.parse_args(argv)
    data = json.loads(args.file.read_text())
    names = list(data["features"])
    dev_sets(list(data["sets"]))  # refuses a file holding any other set
    chosen = args.only.split(",") if args.only else names
    columns = [names.index(n) for n in chosen]
    sets = {
        name: [_question(row, columns, len(names)) for row in rows]
        for name, rows in data["sets"].items()
    }
    print(table(sets, args.rerank, args.l2, args.loss))
    weights = fit([q for qs in sets.values() for q in qs], args.rerank, args.l2, args.loss)
    scale = weights[chosen.index("bm25")] if "bm25" in chosen else 1.0
    print("weights fitted on every dev set (over the bm25 weight):")
    for name, w in zip(chosen, weights, strict=True):
        print(f"  {name:<18}{w / scale:>9.3f}")
    return 0


def _question(row: dict[str, Any], columns: list[int], width: int) -> dict[str, Any]:
    x = np.asarray(row["x"], dtype=np.float64).reshape(-1, width)[:, columns]
    y = np.asarray(row["labels"], dtype=bool)
    return {"x": x, "y": y, "order": row["order"], "extra": row["extra"]}


def fit(questions: Sequence[dict[str, Any]], head: int, l2: float, loss: str = "pair") -> Array:
    """The weights ranking right candidates over wrong ones within each question's ``head``,
    each question weighing one in all, L2 on features standardised over the candidates (so its
    strength means the same for every feature). ``loss``: "pair", logistic on the differences
    between right and wrong candidates; "list", the softmax over the head's scores put on its
    right candidates (cross-entropy: the first place, not every pair)."""
    used = [q for q in questions if q["y"][:head].any() and not q["y"][:head].all()]
    every = np.vstack([q["x"][:head] for q in used])
    spread = every.std(axis=0)
    spread[spread == 0] = 1.0
    heads = [(q["x"][:head] / spread, q["y"][:head]) for q in used]
    w = np.zeros(every.shape[1])
    for _ in range(60):  # Newton's method: both losses are convex
        gradient, hessian = l2 * w, l2 * np.eye(len(w))
        for x, y in heads:
            g, h = _pair(x, y, w) if loss == "pair" else _list(x, y, w)
            gradient, hessian = gradient + g, hessian + h
        step = np.linalg.solve(hessian, gradient)
        w -= step
        if np.abs(step).max() < 1e-9:
            break
    result: Array = w / spread
    return result


def _pair(x: Array, y: npt.NDArray[np.bool_], w: Array) -> tuple[Array, Array]:
    d = (x[y][:, None, :] - x[~y][None, :, :]).reshape(-1, x.shape[1])
    weight = 1.0 / len(d)
    p = 1.0 / (1.0 + np.exp(-(d @ w)))
    gradient: Array = -(d.T @ (weight * (1 - p)))
    hessian: Array = (d * (weight * p * (1 - p))[:, None]).T @ d
    return gradient, hessian


def _list(x: Array, y: npt.NDArray[np.bool_], w: Array) -> tuple[Array, Array]:
    s = x @ w
    p = np.exp(s - s.max())
    p /= p.sum()
    mean = p @ x
    gradient: Array = mean - x[y].mean(axis=0)
    centred = x - mean
    hessian: Array = (centred * p[:, None]).T @ centred
    return gradient, hessian


def ranks(q: dict[str, Any], order: Sequence[int]) -> int | None:
    """The 1-based rank of the first right candidate in ``order``, or None."""
    return next((r for r, i in enumerate(order, 1) if q["y"][i]), None)


def learned_order(q: dict[str, Any], weights: Array, head: int) -> list[int]:
    """The head by the fitted score (ties by BM25 position), then the rest in BM25 order."""
    n = len(q["y"])
    scores = q["x"] @ weights
    chosen = list(range(min(head, n)))
    if q["extra"] is not None and q["extra"] >= head:  # rank.admitted's, re-ranked with them
        chosen.append(q["extra"])
    first = sorted(chosen, key=lambda i: (-scores[i], i))
    return first + [i for i in range(n) if i not in chosen]


def scored(found: Sequence[int | None]) -> tuple[float, float, float]:
    n = len(found) or 1
    return (
        sum(r == 1 for r in found) / n,
        sum(r is not None and r <= 3 for r in found) / n,
        sum(1 / r for r in found if r is not None and r <= 10) / n,
    )


def table(sets: dict[str, list[dict[str, Any]]], head: int, l2: float, loss: str) -> str:
    """Each dev set scored by weights fitted on the others: the re-ranking now, BM25 order,
    and the fitted order; then the sums over the sets (questions won and lost at hit@1)."""
    lines = [
        f"RERANK={head} l2={l2} loss={loss}: hit@1 / hit@3 / MRR@10 of the candidates reranked",
        f"{'set':<14}{'n':>4}  {'now':^20}  {'bm25':^20}  {'fitted (LOCO)':^20}  won lost",
    ]
    sums = np.zeros(9)
    won_all = lost_all = 0
    for name, questions in sets.items():
        others = [q for other, qs in sets.items() if other != name for q in qs]
        weights = fit(others, head, l2, loss)
        now = [ranks(q, q["order"]) for q in questions]
        plain = [ranks(q, range(len(q["y"]))) for q in questions]
        fitted = [ranks(q, learned_order(q, weights, head)) for q in questions]
        won = sum(f == 1 and o != 1 for f, o in zip(fitted, now, strict=True))
        lost = sum(f != 1 and o == 1 for f, o in zip(fitted, now, strict=True))
        won_all, lost_all = won_all + won, lost_all + lost
        row = [*scored(now), *scored(plain), *scored(fitted)]
        sums += np.array(row) * len(questions)
        cells = "  ".join(" ".join(f"{v:.3f}" for v in row[i : i + 3]) for i in (0, 3, 6))
        lines.append(f"{name:<14}{len(questions):>4}  {cells}  {won:>3} {lost:>4}")
    cells = "  ".join(" ".join(f"{v:6.1f}" for v in sums[i : i + 3]) for i in (0, 3, 6))
    lines.append(f"{'sum (questions)':<18}  {cells}  {won_all:>3} {lost_all:>4}")
    return "\n".join(lines)


if __name__ == "__main__":
    raise SystemExit(main())
