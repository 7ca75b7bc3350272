"""Score the library on a file of questions with known answers (``quotebot eval``).

A question is a hit at k when one of the top k passages belongs to the expected document and
contains the gold text once both are folded (case, quotes, dashes, white space). Questions with no
expected document should be declined; answerable ones should not be.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from retrieval.errors import QuotebotError
from retrieval.model import Answer, Passage
from retrieval.search.followups import Conversation
from retrieval.text import fold

TOP = 10


class EvalFileError(QuotebotError):
    """The question file is missing or malformed; the message names the line."""


@dataclass(frozen=True)
class Question:
    id: str
    question: str
    doc: str | None
    gold: str | None
    kind: str
    context: str | None = None
    alt_gold: tuple[tuple[str, str], ...] = ()

    @property
    def answerable(self) -> bool:
        return self.doc is not None

    def golds(self) -> list[tuple[str, str]]:
        main = [(self.doc, self.gold)] if self.doc and self.gold else []
        return main + list(self.alt_gold)


def read_questions(path: Path) -> list[Question]:
    """Parse a ``.jsonl`` question file; raises :class:`EvalFileError` naming the bad line."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as error:
        raise EvalFileError(f"cannot read {path}: {error}") from error
    questions = []
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
            questions.append(
                Question(
                    id=str(item["id"]),
                    question=str(item["question"]),
                    doc=item.get("doc"),
                    gold=item.get("gold"),
                    kind=str(item.get("kind", "other")),
                    context=item.get("context"),
                    alt_gold=tuple((a["doc"], a["gold"]) for a in item.get("alt_gold") or []),
                )
            )
        except (ValueError, KeyError, TypeError) as error:
            raise EvalFileError(
                f"{path}:{number}: not a question: each line must be a JSON object with at least "
                '"id" and "question" (and "doc", "gold", "kind")'
            ) from error
    return questions


def hit_rank(question: Question, passages: Iterable[Passage]) -> int | None:
    """1-based rank of the first passage that holds a gold answer, or None."""
    golds = [(doc, fold(gold)) for doc, gold in question.golds()]
    for rank, passage in enumerate(passages, 1):
        text = fold(passage.text)
        if any(passage.doc == doc and gold in text for doc, gold in golds):
            return rank
    return None


@dataclass
class _Tally:
    n: int = 0
    answerable: int = 0
    hits: dict[int, int] = field(default_factory=lambda: {1: 0, 3: 0, 5: 0})
    reciprocal: float = 0.0
    declined: int = 0

    def add(self, question: Question, rank: int | None, declined: bool) -> None:
        self.n += 1
        self.declined += declined
        if not question.answerable:
            return
        self.answerable += 1
        if rank is not None:
            for k in self.hits:
                self.hits[k] += rank <= k
            self.reciprocal += 1 / rank

    def summary(self) -> dict[str, Any]:
        a = self.answerable
        out: dict[str, Any] = {"n": self.n}
        if a:
            out.update({f"hit@{k}": round(v / a, 4) for k, v in self.hits.items()})
            out["mrr@10"] = round(self.reciprocal / a, 4)
        out["declined"] = round(self.declined / self.n, 4) if self.n else 0.0
        return out


def evaluate(
    questions: list[Question],
    ask: Callable[[str, str | None], Answer],
    k: int = TOP,
) -> dict[str, Any]:
    """Ask every question (its context first, as a conversation would) and score the answers."""
    overall = _Tally()
    by_kind: dict[str, _Tally] = defaultdict(_Tally)
    unanswerable = [0, 0]  # declined, total
    answerable_declined = [0, 0]
    rows = []
    for q in questions:
        conversation = Conversation()
        if q.context:
            conversation = conversation.after(q.context, None, now=0.0)
        context = conversation.context_for(q.question, now=0.0)
        answer = ask(q.question, context)
        passages = [h.passage for h in answer.hits[:k]]
        rank = hit_rank(q, passages) if q.answerable else None
        declined = not answer.answered
        overall.add(q, rank, declined)
        by_kind[q.kind].add(q, rank, declined)
        bucket = answerable_declined if q.answerable else unanswerable
        bucket[0] += declined
        bucket[1] += 1
        rows.append(
            {
                "id": q.id,
                "rank": rank,
                "declined": declined,
                "results": [{"doc": p.doc, "id": p.id, "text": p.text} for p in passages],
            }
        )
    summary = overall.summary()
    return {
        "n": len(questions),
        "hit@1": summary.get("hit@1", 0.0),
        "hit@3": summary.get("hit@3", 0.0),
        "hit@5": summary.get("hit@5", 0.0),
        "mrr@10": summary.get("mrr@10", 0.0),
        "unanswerable_declined": round(unanswerable[0] / unanswerable[1], 4)
        if unanswerable[1]
        else None,
        "answerable_declined": (
            round(answerable_declined[0] / answerable_declined[1], 4)
            if answerable_declined[1]
            else None
        ),
        "by_kind": {kind: tally.summary() for kind, tally in sorted(by_kind.items())},
        "questions": rows,
    }


def format_report(report: dict[str, Any]) -> str:
    """A readable table of an :func:`evaluate` report."""
    lines = [
        f"questions {report['n']}   hit@1 {report['hit@1']:.3f}   hit@3 {report['hit@3']:.3f}   "
        f"hit@5 {report['hit@5']:.3f}   MRR@10 {report['mrr@10']:.3f}",
        f"unanswerable declined {_pct(report['unanswerable_declined'])}   "
        f"answerable declined {_pct(report['answerable_declined'])}",
        "",
        f"{'kind':<14}{'n':>4}{'hit@1':>8}{'hit@3':>8}{'hit@5':>8}{'MRR@10':>8}{'declined':>10}",
    ]
    for kind, row in report["by_kind"].items():
        cells = "".join(
            f"{row[key]:>8.3f}" if key in row else f"{'-':>8}"
            for key in ("hit@1", "hit@3", "hit@5", "mrr@10")
        )
        lines.append(f"{kind:<14}{row['n']:>4}{cells}{row['declined']:>10.3f}")
    return "\n".join(lines)


def _pct(value: float | None) -> str:
    return "-" if value is None else f"{value:.0%}"
