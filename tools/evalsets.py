"""Every question set of ``data/eval/sets.toml`` in one run: ``quotebot eval`` with no file.

Each set is scored over its own corpus, indexed into a scratch database, so the bot's database
is never touched. Held-out sets come first: they are the figures a new user will see.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from retrieval.errors import NoCorpusError
from retrieval.library import Library
from tools.evaluation import (
    EvalFileError,
    QuestionSet,
    evaluate,
    format_report,
    read_questions,
    read_sets,
    sweep,
)

SOURCES = "SOURCES.md"
THRESHOLDS = (0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6)


def run_sets(names: Sequence[str] = (), k: int = 10) -> dict[str, dict[str, Any]]:
    """The report of each set (all of them, or those ``names``), held-out sets first."""
    listed = read_sets()
    known = {s.name for s in listed}
    unknown = [n for n in names if n not in known]
    if unknown:
        raise EvalFileError(
            f"no question set named {', '.join(map(repr, unknown))} in data/eval/sets.toml;"
            f" the sets are: {', '.join(s.name for s in listed)}"
        )
    chosen = [s for s in listed if not names or s.name in names]
    chosen.sort(key=lambda s: (s.role != "heldout", s.name))
    reports = {}
    with tempfile.TemporaryDirectory(prefix="quotebot-eval-") as scratch:
        for number, question_set in enumerate(chosen):
            folder = Path(scratch) / f"{number}"
            # The corpus without the SOURCES.md beside its documents: it says where they
            # came from, and is no document a question is about.
            if not question_set.corpus.is_dir():
                raise NoCorpusError(question_set.corpus, "the folder is missing")
            shutil.copytree(question_set.corpus, folder, ignore=shutil.ignore_patterns(SOURCES))
            try:
                reports[question_set.name] = _run(
                    question_set, folder, folder.with_suffix(".db"), k
                )
            except NoCorpusError as error:
                # Said of the set's own folder: the scratch copy's name ("/tmp/quotebot-eval-
                # wkv64y_b/0") told nobody which set it was.
                raise NoCorpusError(
                    question_set.corpus, f"{error.reason} (set {question_set.name})"
                ) from error
    return reports


def _run(question_set: QuestionSet, corpus: Path, db: Path, k: int) -> dict[str, Any]:
    library = Library.open(db, corpus)
    try:
        report = evaluate(
            read_questions(question_set.questions),
            lambda q, c: library.answer(q, context=c, k=k),
            k=k,
        )
    finally:
        library.close()
    report["role"] = question_set.role
    report["sweep"] = sweep(report, THRESHOLDS)
    return report


def summary(reports: dict[str, dict[str, Any]]) -> str:
    """One line a set, then each set's table by kind."""
    wide = max([14, *(len(name) + 2 for name in reports)])  # a long set name keeps its column
    lines = [
        f"{'set':<{wide}}{'role':<9}{'n':>5}{'hit@1':>7}{'hit@3':>7}{'MRR@10':>8}"
        f"{'ans. declined':>15}{'hedged':>8}{'unans. caught':>15}{'off-topic declined':>20}",
    ]
    for name, r in reports.items():
        a, u, o = r["answerable"], r["unanswerable"], r["offtopic"]
        caught = u["declined"] + u["hedged"]
        lines.append(
            f"{name:<{wide}}{r['role']:<9}{r['n']:>5}{r['hit@1']:>7.3f}{r['hit@3']:>7.3f}"
            f"{r['mrr@10']:>8.3f}{a['declined']:>15.0%}{a['hedged']:>8.0%}"
            f"{_share(u, caught):>15}{_share(o, o['declined']):>20}"
        )
    for name, r in reports.items():
        lines += ["", format_report(r, f"== {name} ({r['role']})")]
        if r["role"] == "dev":
            lines.append("threshold sweep (confidence under t declined):")
            lines += [
                f"  t={row['threshold']:.2f}  answerable declined {row['answerable_declined']:.0%}"
                f"  unanswerable and off-topic declined {row['others_declined']:.0%}"
                for row in r["sweep"]
            ]
    return "\n".join(lines)


def _share(group: dict[str, Any], value: float) -> str:
    return f"{value:.0%}" if group["n"] else "-"
