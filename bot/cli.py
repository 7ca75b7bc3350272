"""The ``quotebot`` command: ask, search, chat, index, sources, stats, eval, bench and run.

Every subcommand takes ``--corpus DIR`` and ``--db FILE`` (defaults from the settings: the shipped
corpus and the project's database). Errors end as one line on stderr and a non-zero exit, never a
traceback.
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import sys
import time
from collections.abc import Sequence
from dataclasses import asdict, replace
from pathlib import Path
from typing import Any

from bot import messages
from bot.settings import Settings, SettingsError, load_settings
from bot.state import StateStore, Usage
from bot.terminal import TerminalChat, error_text, render_answer, render_sources, render_stats
from retrieval.errors import QuestionError, QuotebotError, StoreError
from retrieval.library import Library
from retrieval.model import ReindexReport
from retrieval.store.corpus import CorpusStore
from tools.evaluation import evaluate, format_report, read_questions

EXIT_ERROR = 1
EXIT_USAGE = 2


def _positive(text: str) -> int:
    """An argparse type: a whole number of at least 1."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(messages.CLI_NOT_A_COUNT.format(value=text)) from None
    if value < 1:
        raise argparse.ArgumentTypeError(messages.CLI_NOT_A_COUNT.format(value=text))
    return value


def _parser(settings: Settings) -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--corpus", type=Path, default=settings.corpus_dir, help="folder of .txt/.md documents"
    )
    common.add_argument("--db", type=Path, default=settings.db_path, help="SQLite database file")

    parser = argparse.ArgumentParser(
        prog="quotebot",
        description="Answer questions by quoting passages of a document collection.",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    ask = commands.add_parser("ask", parents=[common], help="answer one question")
    ask.add_argument("question")
    ask.add_argument("--k", type=_positive, default=3, help="how many passages to show (default 3)")
    ask.add_argument("--context", help="the previous question, for a follow-up")

    search = commands.add_parser(
        "search", parents=[common], help="ranked passages, as JSON or text"
    )
    search.add_argument("question")
    search.add_argument("--k", type=_positive, default=10, help="how many passages (default 10)")
    search.add_argument("--json", action="store_true", help="print a JSON list")
    search.add_argument("--context", help="the previous question, for a follow-up")

    commands.add_parser("chat", parents=[common], help="interactive chat in the terminal")
    commands.add_parser("index", parents=[common], help="build or refresh the corpus database")
    commands.add_parser("sources", parents=[common], help="list the documents")
    stats = commands.add_parser(
        "stats", parents=[common], help="how the bot is used: the figures of /stats"
    )
    stats.add_argument("--json", action="store_true", help="print a JSON object")

    evaluate_ = commands.add_parser("eval", parents=[common], help="score a question file")
    evaluate_.add_argument("file", type=Path)
    evaluate_.add_argument("--k", type=_positive, default=10, help="results scored (default 10)")
    evaluate_.add_argument("--json", action="store_true")
    evaluate_.add_argument(
        "--engine",
        choices=("quotebot", "rank-bm25"),
        default="quotebot",
        help="rank-bm25: plain BM25Okapi, whitespace tokens, blank-line paragraphs (a yardstick)",
    )

    bench = commands.add_parser(
        "bench", parents=[common], help="the performance report (minutes; not part of the tests)"
    )
    bench.add_argument(
        "--sizes",
        default="10k,100k,1M",
        help="synthetic corpus sizes, comma-separated from 10k, 100k, 1M (default all three)",
    )
    bench.add_argument("--out", type=Path, default=Path("bench-out"), help="working folder")
    bench.add_argument("--json", action="store_true", help="print the report as JSON")
    bench.add_argument("--plot", type=Path, help="write a PNG of latency by corpus size")
    bench.add_argument(
        "--rank-bm25-max",
        type=int,
        default=1_000_000,
        help="largest corpus to time rank-bm25 on (it needs minutes and GBs at 1M)",
    )

    commands.add_parser(
        "run", parents=[common], help="start the Telegram bot (the terminal chat without a token)"
    )
    return parser


def _open(args: argparse.Namespace) -> Library:
    return Library.open(args.db, args.corpus)


def _report_text(report: ReindexReport, folder: Path, db: Path) -> str:
    lines = [
        messages.CLI_INDEX_REPORT.format(
            folder=folder,
            db=db,
            seconds=report.seconds,
            added=len(report.added),
            changed=len(report.changed),
            removed=len(report.removed),
            unchanged=len(report.unchanged),
            before=report.paragraphs_before,
            after=report.paragraphs_after,
        )
    ]
    for label, names in (
        ("added", report.added),
        ("changed", report.changed),
        ("removed", report.removed),
    ):
        if names:
            lines.append(messages.CLI_INDEX_LIST.format(label=label, names=", ".join(names)))
    lines.extend(
        messages.CLI_INDEX_SKIPPED.format(doc=s.doc, reason=s.reason) for s in report.skipped
    )
    return "\n".join(lines)


def _usage(db: Path) -> tuple[Usage, int, int]:
    """The usage figures and the corpus size (documents, passages) kept in ``db``."""
    if not db.is_file():
        raise StoreError(messages.CLI_NO_DATABASE.format(path=db))
    corpus = CorpusStore(db)  # StoreError for a file that is not a database
    try:
        documents, passages = len(corpus.documents()), corpus.passage_count()
    finally:
        corpus.close()
    try:
        state = StateStore.open(db)
    except sqlite3.DatabaseError as error:
        raise StoreError(f"cannot read the query log in {db}: {error}") from error
    try:
        return state.usage(time.time()), documents, passages
    finally:
        state.close()


def _stats_json(usage: Usage, documents: int, passages: int) -> dict[str, Any]:
    figures = asdict(usage)
    for top in ("top_asked", "top_declined"):
        figures[top] = [{"question": q, "count": n} for q, n in getattr(usage, top)]
    figures["corpus"] = {"documents": documents, "passages": passages}
    return figures


def _search_json(
    library: Library, question: str, k: int, context: str | None
) -> list[dict[str, Any]]:
    answer = library.answer(question, context=context, k=k)
    return [
        {
            "id": hit.passage.id,
            "doc": hit.passage.doc,
            "title": hit.passage.title,
            "section": hit.passage.section,
            "paragraph": hit.passage.paragraph,
            "score": round(hit.score, 4),
            "text": hit.passage.text,
            "excerpt": hit.excerpt.plain,
        }
        for hit in answer.hits
    ]


def chat(library: Library, settings: Settings, stdin: Any = None, stdout: Any = None) -> int:
    """The interactive terminal conversation; returns the exit code."""
    stdin = stdin or sys.stdin
    stdout = stdout or sys.stdout
    session = TerminalChat(
        library, idle_seconds=settings.conversation_idle_minutes * 60, ansi=stdout.isatty()
    )
    interactive = stdin.isatty()
    print(
        messages.CLI_CHAT_WELCOME.format(
            documents=len(library.documents()), passages=library.passage_count()
        ),
        file=stdout,
    )
    while True:
        if interactive:
            print("\n? ", end="", file=stdout, flush=True)
        line = stdin.readline()
        if not line:
            break
        if not line.strip():
            continue
        if not interactive:
            print(f"\n? {line.strip()}", file=stdout)
        reply = session.handle(line)
        if reply is None:
            break
        print(reply, file=stdout, flush=True)
    print(messages.CLI_BYE, file=stdout)
    return 0


def run(args: argparse.Namespace, settings: Settings) -> int:
    """Dispatch one parsed command; QuotebotError escapes to :func:`main`."""
    settings = replace(settings, db_path=args.db, corpus_dir=args.corpus)
    if args.command == "run" and settings.has_token:
        from bot.app import run_bot  # imported here: the other commands don't need Telegram

        return run_bot(settings)
    if args.command == "index":
        library = _open(args)
        try:
            report = library.last_report
            assert report is not None
            print(_report_text(report, args.corpus, args.db))
        finally:
            library.close()
        return 0
    if args.command == "bench":
        from tools import botbench as bench_module  # imported here: only the benchmark needs it
        from tools.benchmark import SIZES

        sizes = [size.strip() for size in args.sizes.split(",") if size.strip()]
        unknown = [size for size in sizes if size not in SIZES]
        if unknown:
            error = messages.CLI_BENCH_UNKNOWN_SIZE.format(size=unknown[0])
            print(messages.CLI_ERROR.format(message=error), file=sys.stderr)
            return EXIT_USAGE
        figures = bench_module.run(settings, sizes, args.out, rank_bm25_max=args.rank_bm25_max)
        if args.plot and not bench_module.plot(figures, args.plot):
            print(messages.CLI_ERROR.format(message=messages.CLI_BENCH_NO_PLOT), file=sys.stderr)
        print(json.dumps(figures, indent=2) if args.json else bench_module.format_report(figures))
        return 0
    if args.command == "stats":
        usage, documents, passages = _usage(args.db)
        if args.json:
            print(json.dumps(_stats_json(usage, documents, passages), ensure_ascii=False, indent=2))
        else:
            print(render_stats(usage, documents=documents, passages=passages))
        return 0
    if args.command == "eval" and args.engine == "rank-bm25":
        from tools.baseline import PlainBM25

        plain = PlainBM25(args.corpus)
        report_ = evaluate(
            read_questions(args.file), lambda q, c: plain.answer(q, c, args.k), args.k
        )
        print(json.dumps(report_, ensure_ascii=False) if args.json else format_report(report_))
        return 0
    library = _open(args)
    try:
        if args.command in ("chat", "run"):
            if args.command == "run":
                print(messages.CLI_NO_TOKEN)
            return chat(library, settings)
        if args.command == "sources":
            print(render_sources(library))
        elif args.command == "ask":
            answer = library.answer(args.question, context=args.context, k=max(1, args.k))
            print(render_answer(answer, ansi=sys.stdout.isatty()))
        elif args.command == "search":
            results = _search_json(library, args.question, max(1, args.k), args.context)
            if args.json:
                print(json.dumps(results, ensure_ascii=False, indent=2))
            else:
                for number, row in enumerate(results, 1):
                    print(f"{number:>3}. {row['score']:7.3f}  {row['id']}  {row['excerpt'][:120]}")
        elif args.command == "eval":
            questions = read_questions(args.file)
            scores = evaluate(
                questions, lambda q, c: library.answer(q, context=c, k=args.k), k=args.k
            )
            print(json.dumps(scores, ensure_ascii=False) if args.json else format_report(scores))
        return 0
    finally:
        library.close()


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``quotebot`` console script."""
    try:
        settings = load_settings()
    except SettingsError as error:
        print(messages.CLI_ERROR.format(message=error), file=sys.stderr)
        return EXIT_USAGE
    args = _parser(settings).parse_args(argv)
    try:
        return run(args, settings)
    except QuestionError as error:
        print(messages.CLI_ERROR.format(message=error_text(error)), file=sys.stderr)
        return EXIT_ERROR
    except QuotebotError as error:
        print(messages.CLI_ERROR.format(message=error), file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        print(file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    raise SystemExit(main())
