"""Score the library on files of questions with known answers (``quotebot eval``).

A question is a hit at k when one of the top k passages belongs to the expected document and
contains the gold text once both are folded (case, quotes, dashes, white space). Each answer has an
outcome — answered, hedged or declined — and questions with no expected document should be declined
(or at least hedged); answerable ones should be answered.

The question sets are listed in ``data/eval/sets.toml``: each names its corpus, its question file
and its role: ``dev`` (tuned on) or ``heldout`` (written from the documents alone before any tuning,
never tuned on: the figures the README reports).
"""

from __future__ import annotations

import json
import tomllib
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from retrieval.errors import QuestionError, QuotebotError
from retrieval.model import Answer, Passage
from retrieval.search.followups import Conversation
from retrieval.text import fold

TOP = 10
SETS_FILE = Path(__file__).resolve().parents[1] / "data" / "eval" / "sets.toml"
Ask = Callable[[str, tuple[str, ...] | None], Answer]


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
    page: int | None = None  # where the gold stands, for PDFs
    lang: str | None = None
    alt_pages: tuple[int | None, ...] = ()  # where each alternative gold stands

    def page_of(self, passage: Passage) -> int | None:
        """The page of the first gold ``passage`` holds: an alternative gold's own, not the
        main gold's (an answer quoting the alternative on page 3 cites page 3, rightly)."""
        if self.page is None and not any(self.alt_pages):
            return None  # no page to check (every set without PDFs)
        text = fold(passage.text)
        pages = [self.page] if self.doc and self.gold else []
        pages += list(self.alt_pages) + [None] * (len(self.alt_gold) - len(self.alt_pages))
        for (doc, gold), page in zip(self.golds(), pages, strict=True):
            if passage.doc == doc and fold(gold) in text:
                return page
        return self.page

    @property
    def answerable(self) -> bool:
        return self.doc is not None

    def golds(self) -> list[tuple[str, str]]:
        main = [(self.doc, self.gold)] if self.doc and self.gold else []
        return main + list(self.alt_gold)


@dataclass(frozen=True)
class QuestionSet:
    """One corpus and its questions, from ``data/eval/sets.toml``."""

    name: str
    corpus: Path
    questions: Path
    role: str  # "dev" or "heldout"


def read_sets(path: Path = SETS_FILE) -> list[QuestionSet]:
    """The question sets listed in ``path`` (paths in it are relative to the project)."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        root = path.resolve().parents[2]
        return [
            QuestionSet(s["name"], root / s["corpus"], root / s["questions"], s["role"])
            for s in data["set"]
        ]
    except (OSError, tomllib.TOMLDecodeError, KeyError, TypeError) as error:
        raise EvalFileError(f"cannot read the list of question sets {path}: {error}") from error


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
            questions.append(_question(json.loads(line)))
        except (ValueError, KeyError, TypeError, AttributeError) as error:
            raise EvalFileError(
                f"{path}:{number}: not a question: each line must be a JSON object with at least "
                '"id" and "question" (and "doc", "gold", "kind")'
            ) from error
    return questions


def _question(item: dict[str, Any]) -> Question:
    alternatives = item.get("alt_gold") or []
    return Question(
        id=str(item["id"]),
        question=str(item["question"]),
        doc=item.get("doc"),
        gold=item.get("gold"),
        kind=str(item.get("kind", "other")),
        context=item.get("context"),
        alt_gold=tuple((a["doc"], a["gold"]) for a in alternatives),
        page=item.get("page"),
        alt_pages=tuple(a.get("page") for a in alternatives),
        lang=item.get("lang"),
    )


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
    outcomes: dict[str, int] = field(default_factory=lambda: defaultdict(int))

    def add(self, question: Question, rank: int | None, outcome: str) -> None:
        self.n += 1
        self.outcomes[outcome] += 1
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
        for outcome in ("declined", "hedged"):
            out[outcome] = round(self.outcomes[outcome] / self.n, 4) if self.n else 0.0
        return out


def _context_of(question: Question) -> tuple[str, ...] | None:
    """The earlier questions searched with ``question``, as the conversation would pass them."""
    conversation = Conversation()
    if question.context:
        conversation = conversation.after(question.context, None, now=0.0)
    context = conversation.context_for(question.question, now=0.0)
    return tuple(context.splitlines()) if context else None


def evaluate(questions: Sequence[Question], ask: Ask, k: int = TOP) -> dict[str, Any]:
    """Ask every question (its context first, as a conversation would) and score the answers."""
    overall, answerable, unanswerable, offtopic = _Tally(), _Tally(), _Tally(), _Tally()
    by_kind: dict[str, _Tally] = defaultdict(_Tally)
    by_language: dict[str, _Tally] = defaultdict(_Tally)
    rows = []
    for q in questions:
        answer, refused = _asked(ask, q)
        passages = [h.passage for h in answer.hits[:k]]
        rank = hit_rank(q, passages) if q.answerable else None
        for tally in (overall, by_kind[q.kind], by_language[q.lang or "en"]):
            tally.add(q, rank, answer.outcome)
        group = answerable if q.answerable else offtopic if q.kind == "offtopic" else unanswerable
        group.add(q, rank, answer.outcome)
        rows.append({**_row(q, answer, rank, k), "refused": refused})
    summary = overall.summary()
    pages = [r["page_right"] for r in rows if r["page_right"] is not None]
    return {
        "n": len(questions),
        **{key: summary.get(key, 0.0) for key in ("hit@1", "hit@3", "hit@5", "mrr@10")},
        "answerable": answerable.summary(),
        "unanswerable": unanswerable.summary(),
        "offtopic": offtopic.summary(),
        "page_right": round(sum(pages) / len(pages), 4) if pages else None,
        "by_kind": {kind: tally.summary() for kind, tally in sorted(by_kind.items())},
        "by_language": {lang: tally.summary() for lang, tally in sorted(by_language.items())},
        "questions": rows,
    }


def _asked(ask: Ask, question: Question) -> tuple[Answer, bool]:
    """The answer to ``question``, and whether the library refused to search it ("how do I
    install it?" asked first): refused, it is what its user sees, no passage, declined (it used
    to end the whole run), and its row says so (``refused``), so that a fault making questions
    refused does not pass for declines."""
    try:
        return ask(question.question, _context_of(question)), False
    except QuestionError:
        return Answer(question.question, question.question, (), False, 0.0), True


def _on(page: int, pages: tuple[int, int] | None) -> bool:
    return pages is not None and pages[0] <= page <= pages[1]


def _row(question: Question, answer: Answer, rank: int | None, k: int) -> dict[str, Any]:
    hit = answer.hits[rank - 1] if rank else None
    # The pages cited are the quote's (Hit.pages: "pp. 27–28" for a quote run over a page
    # break), which need not be the page its paragraph starts on.
    pages = hit.pages if hit is not None else None
    page = None if hit is None else question.page_of(hit.passage)
    page_right = None if page is None else _on(page, pages)
    return {
        "id": question.id,
        "kind": question.kind,
        "rank": rank,
        "outcome": answer.outcome,
        "confidence": answer.confidence,
        "page_right": page_right,
        "results": [
            {
                "doc": h.passage.doc,
                "id": h.passage.id,
                **h.passage.part_field(),
                "page": h.page,
                "score": h.score,
            }
            for h in answer.hits[:k]
        ],
    }


def sweep(report: dict[str, Any], thresholds: Sequence[float]) -> list[dict[str, float]]:
    """How declines and catches trade off if the decline threshold were each of ``thresholds``:
    the share of answerable questions declined and of the others declined, by confidence."""
    rows = report["questions"]
    answerable = [r["confidence"] for r in rows if _answerable(r)]
    others = [r["confidence"] for r in rows if not _answerable(r)]
    return [
        {
            "threshold": t,
            "answerable_declined": _below(answerable, t),
            "others_declined": _below(others, t),
        }
        for t in thresholds
    ]


def _below(confidences: Sequence[float], threshold: float) -> float:
    """The share of ``confidences`` under ``threshold`` (0 for none)."""
    if not confidences:
        return 0.0
    return round(sum(c < threshold for c in confidences) / len(confidences), 4)


def _answerable(row: dict[str, Any]) -> bool:
    return row["kind"] not in ("unanswerable", "offtopic")


def format_report(report: dict[str, Any], title: str = "") -> str:
    """A readable table of an :func:`evaluate` report."""
    a, u, o = report["answerable"], report["unanswerable"], report["offtopic"]
    lines = [title] if title else []
    lines += [
        f"questions {report['n']}   hit@1 {report['hit@1']:.3f}   hit@3 {report['hit@3']:.3f}   "
        f"hit@5 {report['hit@5']:.3f}   MRR@10 {report['mrr@10']:.3f}",
        f"answerable: declined {_pct(a, 'declined')}, hedged {_pct(a, 'hedged')}   "
        f"unanswerable: declined {_pct(u, 'declined')}, hedged {_pct(u, 'hedged')}   "
        f"off-topic: declined {_pct(o, 'declined')}",
    ]
    if report.get("page_right") is not None:
        lines.append(f"PDF hits citing the right page: {report['page_right']:.0%}")
    lines += ["", _header("kind"), *_table_rows(report["by_kind"])]
    languages = report.get("by_language", {})
    if len(languages) > 1:  # questions in several languages: each one's figures too
        lines += ["", _header("language"), *_table_rows(languages)]
    return "\n".join(lines)


def _header(first: str) -> str:
    return (
        f"{first:<14}{'n':>4}{'hit@1':>8}{'hit@3':>8}{'hit@5':>8}{'MRR@10':>8}"
        f"{'declined':>10}{'hedged':>8}"
    )


def _table_rows(groups: dict[str, dict[str, Any]]) -> list[str]:
    """One line a group (a kind of question, or a language): its figures in columns."""
    lines = []
    for name, row in groups.items():
        cells = "".join(
            f"{row[key]:>8.3f}" if key in row else f"{'-':>8}"
            for key in ("hit@1", "hit@3", "hit@5", "mrr@10")
        )
        lines.append(f"{name:<14}{row['n']:>4}{cells}{row['declined']:>10.3f}{row['hedged']:>8.3f}")
    return lines


def _pct(group: dict[str, Any], key: str) -> str:
    return f"{group[key]:.0%}" if group["n"] else "-"
