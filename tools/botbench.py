"""``quotebot bench``: the performance report, readable or ``--json``, with an optional plot.

It measures in one run, on the shipped corpus and on synthetic corpora of the chosen sizes:
search latency (question in, ranked passages with excerpts out) beside rank-bm25's
``get_scores`` + sort on the same passages and questions; index build time and peak memory;
load time and resident memory when serving; a reload that changes one document; the bot's
throughput through the real ``Application`` (fake network, real SQLite state, many chats at
once); and start-up time from launch to the first answer.
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import json
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass, replace
from pathlib import Path
from typing import Any

from telegram import Update

from bot.cli import Command, positive
from bot.settings import Settings
from retrieval.errors import QuotebotError
from retrieval.library import Library
from tools import benchmark
from tools.fakebotapi import RecordingRequest

NO_PLOT = "the plot needs matplotlib (pip install matplotlib); the report is below"


def _update(update_id: int, chat_id: int, text: str, bot: Any) -> Update:
    payload = {
        "update_id": update_id,
        "message": {
            "message_id": update_id,
            "date": int(time.time()),
            "chat": {"id": chat_id, "type": "private", "first_name": "Reader"},
            "from": {"id": chat_id, "is_bot": False, "first_name": "Reader"},
            "text": text,
        },
    }
    return Update.de_json(payload, bot)


@dataclass
class BotRow:
    chats: int
    questions: int
    seconds: float
    updates_per_second: float
    p50_ms: float
    p99_ms: float
    bot_api_calls: int
    answers_sent: int  # sendMessage calls: one per question when nothing failed


async def _bot_throughput(
    settings: Settings, library: Library, questions: list[str], chats: int, per_chat: int
) -> BotRow:
    from bot.app import build_application

    # The fake Bot API answers at once and keeps nothing: the bot's own cost, not the network's.
    network = RecordingRequest(settings.token, keep=False)
    application = build_application(settings, library, request=network, rate_limit=False)
    latencies: list[float] = []
    # Started as run_bot starts it (initialize, post_init, start), without polling.
    await application.initialize()
    if application.post_init is not None:
        await application.post_init(application)
    await application.start()
    try:
        ids = itertools.count(1)

        async def one_chat(chat: int) -> None:
            for n in range(per_chat):
                question = questions[(chat * 7 + n) % len(questions)]
                update = _update(next(ids), 10_000 + chat, question, application.bot)
                started = time.perf_counter()
                await application.process_update(update)
                latencies.append((time.perf_counter() - started) * 1000)

        started = time.perf_counter()
        await asyncio.gather(*(one_chat(chat) for chat in range(chats)))
        seconds = time.perf_counter() - started
    finally:
        await application.stop()
        await application.shutdown()
        if application.post_shutdown is not None:
            await application.post_shutdown(application)
    latency = benchmark.Latency.of(latencies)
    total = chats * per_chat
    return BotRow(
        chats, total, round(seconds, 3), round(total / seconds, 1), latency.p50_ms,
        latency.p99_ms, network.counts.total(), network.counts["sendMessage"],
    )  # fmt: skip


def _startup_seconds(corpus: Path, workdir: Path) -> dict[str, float]:
    """Launch to first answer of ``quotebot ask`` on a fresh database, then on the built one."""
    db = workdir / "startup.db"
    timings = {}
    for label in ("fresh_database", "existing_database"):
        started = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "bot.cli", "ask", "What is the Belt and Road initiative?",
             "--db", str(db), "--corpus", str(corpus)],
            check=True, capture_output=True,
        )  # fmt: skip
        timings[label] = round(time.perf_counter() - started, 3)
    return timings


def run(
    settings: Settings,
    sizes: list[str],
    out: Path,
    rank_bm25_max: int = 1_000_000,
    chats: int = 50,
    per_chat: int = 20,
) -> dict[str, Any]:
    """Measure everything; returns the report (also written to ``out/bench.json``)."""
    out.mkdir(parents=True, exist_ok=True)
    dev = settings.corpus_dir.parent / "eval" / "dev.jsonl"
    rows = []
    corpora: list[tuple[str, Path]] = [("shipped", settings.corpus_dir)]
    corpora += [
        (name, benchmark.synthetic_corpus(settings.corpus_dir, out, name)) for name in sizes
    ]
    reload_seconds = None
    for name, folder in corpora:
        passages = benchmark.SIZES.get(name, 0)
        queries = 40 if passages <= rank_bm25_max else 0
        row = benchmark.bench_corpus(name, folder, out / f"{name}.db", dev, queries)
        rows.append(row)
        if name == "100k":
            scratch = out / "reload-100k"
            shutil.rmtree(scratch, ignore_errors=True)
            shutil.copytree(folder, scratch)
            shutil.copy(out / f"{name}.db", out / "reload-100k.db")
            index = out / f"{name}.db.index.npz"
            if index.exists():
                shutil.copy(index, out / "reload-100k.db.index.npz")
            reload_seconds = benchmark.reload_one_document(scratch, out / "reload-100k.db")
    with tempfile.TemporaryDirectory() as scratch_dir:
        startup = _startup_seconds(settings.corpus_dir, Path(scratch_dir))
        bot_settings = replace(settings, db_path=Path(scratch_dir) / "bot.db", token="1:bench")
        library = Library.open(bot_settings.db_path, settings.corpus_dir)
        try:
            questions = [q for q in benchmark.questions_for(library, dev, extra=0)]
            bot_row = asyncio.run(
                _bot_throughput(bot_settings, library, questions, chats, per_chat)
            )
        finally:
            library.close()
    report = {
        "machine": {
            "cpus": _cpus(),
            "python": platform.python_version(),
            "platform": platform.platform(),
            "processor": platform.processor() or platform.machine(),
        },
        "corpora": benchmark.rows_as_dicts(rows),
        "reload_one_document_of_100k_seconds": reload_seconds,
        "bot": asdict(bot_row),
        "startup_to_first_answer_seconds": startup,
    }
    (out / "bench.json").write_text(json.dumps(report, indent=2))
    return report


def _cpus() -> int:
    import os

    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 0


def format_report(report: dict[str, Any]) -> str:
    """The report as a table a person reads."""
    lines = [
        f"machine: {report['machine']['cpus']} cores, {report['machine']['processor']}, "
        f"Python {report['machine']['python']}",
        "",
        f"{'corpus':<9}{'passages':>10}{'build s':>9}{'build MB':>10}{'load s':>8}{'serve MB':>10}"
        f"{'p50 ms':>8}{'p99 ms':>8}{'1st p99':>9}{'bm25 p50':>10}{'bm25 p99':>10}"
        f"{'x p50':>8}{'x p99':>8}",
    ]
    for row in report["corpora"]:
        search = row["search"] or {}
        bm25 = row["rank_bm25"] or {}
        lines.append(
            f"{row['name']:<9}{row['passages']:>10}{row['build_seconds']:>9.1f}"
            f"{row['build_peak_mb']:>10.0f}{row['load_seconds']:>8.2f}{row['serve_rss_mb']:>10.0f}"
            f"{search.get('p50_ms', 0):>8.2f}{search.get('p99_ms', 0):>8.2f}"
            f"{(row['search_first'] or {}).get('p99_ms', 0):>9.2f}"
            f"{_cell(bm25.get('p50_ms')):>10}{_cell(bm25.get('p99_ms')):>10}"
            f"{_cell(row['speedup_p50']):>8}{_cell(row['speedup_p99']):>8}"
        )
    bot = report["bot"]
    lines += [
        "",
        "reload after one document changed (100k): "
        f"{report['reload_one_document_of_100k_seconds']} s",
        f"bot: {bot['questions']} questions from {bot['chats']} chats at once: "
        f"{bot['updates_per_second']} updates/s, p50 {bot['p50_ms']} ms, p99 {bot['p99_ms']} ms, "
        f"{bot['answers_sent']} answers sent",
        "start-up to first answer (shipped corpus): "
        + ", ".join(
            f"{k.replace('_', ' ')} {v} s"
            for k, v in report["startup_to_first_answer_seconds"].items()
        ),
    ]
    return "\n".join(lines)


def _cell(value: Any) -> str:
    return "-" if value is None else f"{value:.1f}" if isinstance(value, float) else str(value)


def plot(report: dict[str, Any], path: Path) -> bool:
    """A PNG of p50/p99 latency against corpus size, log scales; False without matplotlib."""
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        return False
    rows = [r for r in report["corpora"] if r["search"]]
    sizes = [r["passages"] for r in rows]
    figure, axes = plt.subplots(figsize=(7, 4.2), dpi=120)
    axes.plot(sizes, [r["search"]["p50_ms"] for r in rows], "o-", label="quotebot p50")
    axes.plot(sizes, [r["search"]["p99_ms"] for r in rows], "o--", label="quotebot p99")
    with_bm25 = [r for r in rows if r["rank_bm25"]]
    if with_bm25:
        axes.plot([r["passages"] for r in with_bm25], [r["rank_bm25"]["p50_ms"] for r in with_bm25],
                  "s-", label="rank-bm25 get_scores p50")  # fmt: skip
        axes.plot([r["passages"] for r in with_bm25], [r["rank_bm25"]["p99_ms"] for r in with_bm25],
                  "s--", label="rank-bm25 get_scores p99")  # fmt: skip
    axes.set_xscale("log")
    axes.set_yscale("log")
    axes.set_xlabel("paragraphs in the corpus")
    axes.set_ylabel("milliseconds per question")
    axes.set_title(f"Search latency ({report['machine']['cpus']} cores)")
    axes.grid(True, which="both", alpha=0.3)
    axes.legend()
    figure.tight_layout()
    figure.savefig(path)
    plt.close(figure)
    return True


class UnknownSizeError(QuotebotError):
    """A --sizes entry that is not one of the synthetic corpus sizes."""


def _configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--sizes",
        default="10k,100k,1M",
        help="synthetic corpus sizes, comma-separated from 10k, 100k, 1M (default all three)",
    )
    parser.add_argument("--out", type=Path, default=Path("bench-out"), help="working folder")
    parser.add_argument("--json", action="store_true", help="print the report as JSON")
    parser.add_argument("--plot", type=Path, help="write a PNG of latency by corpus size")
    parser.add_argument(
        "--rank-bm25-max",
        type=positive,
        default=1_000_000,
        help="largest corpus to time rank-bm25 on (it needs minutes and GBs at 1M)",
    )


def _run(args: argparse.Namespace, settings: Settings) -> int:
    sizes = [size.strip() for size in args.sizes.split(",") if size.strip()]
    unknown = [size for size in sizes if size not in benchmark.SIZES]
    if unknown:
        raise UnknownSizeError(f"unknown size {unknown[0]!r}: use 10k, 100k or 1M")
    figures = run(settings, sizes, args.out, rank_bm25_max=args.rank_bm25_max)
    if args.plot and not plot(figures, args.plot):
        print(f"quotebot: {NO_PLOT}", file=sys.stderr)
    print(json.dumps(figures, indent=2) if args.json else format_report(figures))
    return 0


# `quotebot bench`, found by the command line through the entry point quotebot.commands.
command = Command("the performance report (minutes; not part of the tests)", _run, _configure)
