"""``quotebot eval [FILE]``: score a question file, or with no file every set of
``data/eval/sets.toml`` (held-out and dev), each over its own corpus (found by the command line
through the entry point ``quotebot.commands``; the scoring itself is :mod:`tools.evaluation`)."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from bot.cli import Command, opened, positive
from bot.settings import Settings
from retrieval.model import Answer
from tools.evalsets import run_sets, summary
from tools.evaluation import evaluate, format_report, read_questions

ENGINES = ("quotebot", "rank-bm25")


def _configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "file",
        type=Path,
        nargs="?",
        help="questions, one JSON object a line (none: every set of data/eval/sets.toml)",
    )
    parser.add_argument("--set", action="append", default=[], help="only this set (repeatable)")
    parser.add_argument("--k", type=positive, default=10, help="results scored (default 10)")
    parser.add_argument("--json", action="store_true")
    parser.add_argument(
        "--engine",
        choices=ENGINES,
        default="quotebot",
        help="rank-bm25: plain BM25Okapi, whitespace tokens, blank-line paragraphs (a yardstick)",
    )


def _run(args: argparse.Namespace, settings: Settings) -> int:
    if args.file is None:
        reports = run_sets(args.set, k=args.k)
        print(json.dumps(reports, ensure_ascii=False) if args.json else summary(reports))
        return 0
    questions = read_questions(args.file)
    if args.engine == "rank-bm25":
        from tools.baseline import PlainBM25

        plain = PlainBM25(args.corpus)
        report = evaluate(
            questions, lambda q, c: plain.answer(q, " ".join(c) if c else None, args.k), args.k
        )
    else:
        with opened(args) as library:

            def ask(question: str, context: tuple[str, ...] | None) -> Answer:
                return library.answer(question, context=context, k=args.k)

            report = evaluate(questions, ask, k=args.k)
    print(json.dumps(report, ensure_ascii=False) if args.json else format_report(report))
    return 0


command = Command("score a question file", _run, _configure)
