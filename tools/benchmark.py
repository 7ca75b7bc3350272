"""Retrieval benchmark: quotebot beside bm25s, tantivy and rank-bm25, first-time questions.

``python -m tools.benchmark --sizes 100k,1M --collection /path/to/nfcorpus --out bench-out``
(also :func:`run` and :func:`format_report` for ``quotebot bench``). For each corpus (synthetic
paragraphs of the chosen sizes, :mod:`tools.synthetic`, and one real-text collection in BEIR
format) it measures in one run:

- quotebot's build: reading the files into SQLite, then indexing, in a fresh child process with
  its peak memory;
- start-up to the first answer (launch of a new process → first answer printed), then every
  question asked once in that process (``answer(q, k=10)``: ranked passages with excerpts), so
  every figure is a first-time one; the process's resident memory after them;
- a reload after one document changed, on the built index;
- bm25s, tantivy (``tools.peers.build_and_query``, the optional extra ``peers``) on the same
  passages and questions, each in its own child, and rank-bm25's ``get_scores`` + top 10 where
  the corpus is small enough for it.

Every measurement runs in a child process, so one engine's memory never hides another's. The
report (``bench.json``) holds every figure; :func:`format_report` prints them with the ratios
per size and the targets of issue 13 beside what was measured; :func:`plot` draws them.
"""

from __future__ import annotations

import argparse
import compileall
import contextlib
import json
import os
import platform
import random
import resource
import shutil
import statistics
import subprocess
import sys
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from retrieval.errors import QuestionError
from retrieval.ingest.refresh import refresh
from retrieval.library import Library
from retrieval.store.corpus import CorpusStore
from tools.synthetic import generate

SIZES = {"10k": 10_000, "100k": 100_000, "1M": 1_000_000}
K = 10  # results a reader sees, each with its excerpt
QUESTIONS = 300  # per corpus, each asked once
RANK_BM25_QUESTIONS = 20  # rank-bm25 scores every passage in Python: a few suffice
RANK_BM25_MAX = 200_000
PEERS = ("bm25s", "tantivy")
ROOT = Path(__file__).resolve().parents[1]


@dataclass
class Latency:
    p50_ms: float
    p99_ms: float
    n: int

    @classmethod
    def of(cls, samples_ms: list[float]) -> Latency:
        ordered = sorted(samples_ms) or [0.0]
        p99 = ordered[min(len(ordered) - 1, round(0.99 * (len(ordered) - 1)))]
        return cls(round(statistics.median(ordered), 3), round(p99, 3), len(samples_ms))

    @classmethod
    def median_of(cls, runs: list[list[float]]) -> Latency:
        """Several runs of the same questions: the median of their p50s and of their p99s
        (the machine is shared; one run's p99 is its fifth slowest of 420, which another
        process's burst decides)."""
        each = [cls.of(samples) for samples in runs]
        p50 = statistics.median(run.p50_ms for run in each)
        p99 = statistics.median(run.p99_ms for run in each)
        return cls(round(p50, 3), round(p99, 3), sum(run.n for run in each))


# ---------------------------------------------------------------------------------- corpora
def synthetic_corpus(source: Path, cache: Path, name: str) -> Path:
    """The synthetic corpus of ``name`` size, generated once into ``cache``."""
    folder = cache / f"corpus-{name}"
    marker = folder / ".complete"
    if not marker.exists():
        shutil.rmtree(folder, ignore_errors=True)
        generate(source, folder, SIZES[name])
        marker.write_text("ok")
    return folder


def collection_corpus(collection: Path, cache: Path, limit: int) -> tuple[Path, list[str]]:
    """A BEIR collection as a corpus folder (one file per document, as tools/peers writes it)
    and its first ``limit`` queries."""
    from tools.ircollection import load

    loaded = load(collection)
    folder = cache / f"corpus-{loaded.name}"
    if not (folder / ".complete").exists():
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir(parents=True)
        for number, doc in enumerate(loaded.docs):
            text = f"{doc.title}\n\n{doc.text}\n" if doc.title else f"{doc.text}\n"
            (folder / f"{number:07d}.txt").write_text(text, encoding="utf-8")
        (folder / ".complete").write_text("ok")
    return folder, list(loaded.queries.values())[:limit]


def questions_for(
    library: Library, dev_file: Path | None, extra: int = 80, seed: int = 3
) -> list[str]:
    """The dev questions plus questions made of 2 to 6 consecutive words of random passages."""
    questions = []
    if dev_file is not None and dev_file.is_file():
        lines = dev_file.read_text(encoding="utf-8").splitlines()
        questions = [json.loads(line)["question"] for line in lines if line]
    rng = random.Random(seed)
    rowids = library._current().rowids
    wanted = len(questions) + extra
    while len(questions) < wanted:
        found = library.store.passages_by_rowid([int(rowids[rng.randrange(len(rowids))])])
        if not found:
            continue  # a passage deleted since the index was built
        text = next(iter(found.values())).text.split()
        start = rng.randrange(max(1, len(text) - 8))
        sample = " ".join(text[start : start + rng.randint(2, 6)])
        if sample not in questions and library.query_weights(sample):  # not only stop words
            questions.append(sample)
    return questions


# ------------------------------------------------------------------------------- children
def _child(args: list[str], timeout: float = 7200) -> dict[str, Any]:
    """Run ``python -m tools.benchmark child ARGS``; its JSON (last line of its output)."""
    result = subprocess.run(
        [sys.executable, "-m", "tools.benchmark", "child", *args],
        capture_output=True, text=True, cwd=ROOT, timeout=timeout,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )  # fmt: skip
    if result.returncode != 0:
        raise RuntimeError(f"benchmark child {args[0]} failed: {result.stderr[-2000:]}")
    data: dict[str, Any] = json.loads(result.stdout.strip().splitlines()[-1])
    return data


def _peak_mb() -> float:
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def _rss_mb() -> float:
    """Resident memory now (not the peak), from /proc; the peak where /proc is missing."""
    with contextlib.suppress(OSError, ValueError):
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return round(int(line.split()[1]) / 1024, 1)
    return _peak_mb()


def _child_build(corpus: Path, db: Path) -> dict[str, Any]:
    for stale in db.parent.glob(db.name + "*"):
        shutil.rmtree(stale) if stale.is_dir() else stale.unlink()
    started = time.perf_counter()
    store = CorpusStore(db)
    refresh(store, corpus)
    store.close()
    ingested = time.perf_counter()
    library = Library.open(db, corpus, refresh=False)
    indexed = time.perf_counter()
    passages = library.passage_count()
    library.close()
    return {
        "ingest_s": round(ingested - started, 2), "index_s": round(indexed - ingested, 2),
        "passages": passages, "peak_mb": _peak_mb(),
    }  # fmt: skip


def _child_serve(corpus: Path, db: Path, questions_file: Path) -> dict[str, Any]:
    """Open the saved index, answer one question (the launcher times this), then every
    question once."""
    started = time.perf_counter()
    # The saved index as it is (the folder is not re-read: a parser upgraded by another change
    # during a run would re-read every file and this would time that instead).
    library = Library.open(db, corpus, refresh=False)
    opened = time.perf_counter()
    with contextlib.suppress(QuestionError):
        library.answer("international security cooperation", k=K)
    first = time.perf_counter()
    print("answered", flush=True)
    questions = json.loads(questions_file.read_text(encoding="utf-8"))
    samples = []
    for question in questions:
        began = time.perf_counter()
        with contextlib.suppress(QuestionError):  # a refusal is an answer too
            library.answer(question, k=K)
        samples.append((time.perf_counter() - began) * 1000)
    library.close()
    return {
        "open_s": round(opened - started, 3), "first_answer_s": round(first - started, 3),
        "latencies_ms": [round(s, 3) for s in samples], "rss_mb": _rss_mb(),
        "peak_mb": _peak_mb(),
    }  # fmt: skip


def _child_reload(corpus: Path, db: Path) -> dict[str, Any]:
    """Seconds for a reload after one document changed, then for the reload that undoes it."""
    library = Library.open(db, corpus, refresh=False)
    victim = sorted(p for p in corpus.iterdir() if p.suffix == ".txt")[0]
    original = victim.read_bytes()
    try:
        with victim.open("a", encoding="utf-8") as handle:
            handle.write("\n\nA new closing paragraph was added to this document for the reload.\n")
        started = time.perf_counter()
        report = library.reindex()
        changed = time.perf_counter() - started
    finally:
        victim.write_bytes(original)
        started = time.perf_counter()
        library.reindex()
        undone = time.perf_counter() - started
        library.close()
    return {"reload_s": round(changed, 3), "undo_s": round(undone, 3), "changed": report.changed}


def _passage_texts(db: Path) -> list[str]:
    store = CorpusStore(db)
    try:
        return [p.text for _, p in store.all_passages()]
    finally:
        store.close()


def _child_peer(engine: str, db: Path, questions_file: Path) -> dict[str, Any]:
    """A peer engine built over the same passages, asked the same questions once each."""
    from tools.peers import build_and_query

    texts = _passage_texts(db)
    questions = json.loads(questions_file.read_text(encoding="utf-8"))
    result = build_and_query(engine, texts, questions, k=K)
    result["peak_mb"] = _peak_mb()
    result["rss_mb"] = _rss_mb()
    return result


def _child_rank_bm25(db: Path, questions_file: Path) -> dict[str, Any]:
    """rank-bm25 ``BM25Okapi.get_scores`` + a top-10 sort on whitespace tokens of the same
    passages (its build is not timed)."""
    import numpy as np
    from rank_bm25 import BM25Okapi

    bm25 = BM25Okapi([text.lower().split() for text in _passage_texts(db)])
    questions = json.loads(questions_file.read_text(encoding="utf-8"))[:RANK_BM25_QUESTIONS]
    samples = []
    for question in questions:
        started = time.perf_counter()
        scores = bm25.get_scores(question.lower().split())
        np.argsort(-scores)[:K]
        samples.append((time.perf_counter() - started) * 1000)
    return {"latencies_ms": [round(s, 3) for s in samples]}


def _launch_serve(corpus: Path, db: Path, questions_file: Path) -> dict[str, Any]:
    """The serving child, timed from launch to its first answer (imports included), as an
    installed bot starts: from the project's compiled bytecode (``make run`` compiles it), not
    compiling every module again where PYTHONDONTWRITEBYTECODE is set (0.2 s of a start)."""
    for package in ("bot", "retrieval", "tools"):
        compileall.compile_dir(ROOT / package, quiet=1)
    started = time.perf_counter()
    child = subprocess.Popen(
        [sys.executable, "-m", "tools.benchmark", "child", "serve", str(corpus), str(db),
         str(questions_file)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )  # fmt: skip
    assert child.stdout is not None
    first = child.stdout.readline()
    launch = time.perf_counter() - started
    out, err = child.communicate()
    if child.returncode != 0 or first.strip() != "answered":
        raise RuntimeError(f"benchmark child serve failed: {err[-2000:]}")
    data: dict[str, Any] = json.loads(out.strip().splitlines()[-1])
    data["launch_to_first_answer_s"] = round(launch, 3)
    return data


# --------------------------------------------------------------------------------- running
def measure_corpus(
    name: str, corpus: Path, out: Path, questions: list[str] | None, peers: bool, runs: int = 1
) -> dict[str, Any]:
    """Every figure for one corpus (see the module docstring); the questions asked by ``runs``
    serving children one after another (and each peer's as many), their latencies the medians
    (:meth:`Latency.median_of`)."""
    db = out / f"{name}.db"
    row: dict[str, Any] = {"name": name, "build": _child(["build", str(corpus), str(db)])}
    row["passages"] = row["build"]["passages"]
    questions_file = out / f"{name}.questions.json"
    if questions is None:
        library = Library.open(db, corpus, refresh=False)
        try:
            questions = questions_for(library, ROOT / "data" / "eval" / "dev.jsonl", QUESTIONS)
        finally:
            library.close()
    questions_file.write_text(json.dumps(questions), encoding="utf-8")
    served = [_launch_serve(corpus, db, questions_file) for _ in range(max(1, runs))]
    row["serve"] = {k: v for k, v in served[0].items() if k != "latencies_ms"}
    row["quotebot"] = Latency.median_of([s["latencies_ms"] for s in served]).__dict__
    row["reload"] = _child(["reload", str(corpus), str(db)])
    engines = [e for e in PEERS if peers and _installed(e)]
    for engine in engines:
        results = [
            _child(["peer", engine, str(db), str(questions_file)]) for _ in range(max(1, runs))
        ]
        result = results[0]
        row[engine] = {
            **Latency.median_of([r["latencies_ms"] for r in results]).__dict__,
            "build_s": result["build_s"], "peak_mb": result["peak_mb"],
            "rss_mb": result["rss_mb"],
        }  # fmt: skip
    if row["passages"] <= RANK_BM25_MAX:
        result = _child(["rank-bm25", str(db), str(questions_file)])
        row["rank-bm25"] = Latency.of(result["latencies_ms"]).__dict__
    return row


def _installed(engine: str) -> bool:
    from tools.peers import available

    return available(engine)


def run(
    out: Path,
    sizes: list[str],
    collection: Path | None = None,
    peers: bool = True,
    source: Path = ROOT / "data" / "corpus",
    runs: int = 1,
) -> dict[str, Any]:
    """Measure every corpus; the report, also written to ``out/bench.json``."""
    out.mkdir(parents=True, exist_ok=True)
    corpora: list[tuple[str, Path, list[str] | None]] = [
        (name, synthetic_corpus(source, out, name), None) for name in sizes
    ]
    if collection is not None:
        folder, queries = collection_corpus(collection, out, QUESTIONS)
        corpora.append((collection.name, folder, queries))
    rows = []
    for name, folder, questions in corpora:
        print(f"benchmarking {name} …", file=sys.stderr, flush=True)
        rows.append(measure_corpus(name, folder, out, questions, peers, runs))
    report = {
        "machine": {
            "cpus": len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else 0,
            "python": platform.python_version(), "platform": platform.platform(),
            "load_average": os.getloadavg() if hasattr(os, "getloadavg") else None,
        },
        "command": "python -m tools.benchmark " + " ".join(sys.argv[1:]),
        "runs": runs,
        "corpora": rows,
    }  # fmt: skip
    (out / "bench.json").write_text(json.dumps(report, indent=2), encoding="utf-8")
    return report


# ------------------------------------------------------- the older interface (tools/botbench)
@dataclass
class CorpusRow:
    """quotebot alone on one corpus, as ``tools/botbench`` reports it (first-time figures)."""

    name: str
    passages: int = 0
    build_seconds: float = 0.0
    build_peak_mb: float = 0.0
    load_seconds: float = 0.0  # launch to first answer
    serve_rss_mb: float = 0.0
    search: Latency | None = None
    search_first: Latency | None = None
    rank_bm25: Latency | None = None
    speedup_p50: float | None = None
    speedup_p99: float | None = None
    notes: list[str] = field(default_factory=list)


def bench_corpus(
    name: str, corpus: Path, db: Path, dev_file: Path, rank_bm25_queries: int
) -> CorpusRow:
    """Build, start and time first-time questions on one corpus (see :func:`measure_corpus`
    for the comparison with the peers)."""
    build = _child(["build", str(corpus), str(db)])
    library = Library.open(db, corpus, refresh=False)
    try:
        questions = questions_for(library, dev_file)
    finally:
        library.close()
    questions_file = db.parent / f"{name}.questions.json"
    questions_file.write_text(json.dumps(questions), encoding="utf-8")
    serve = _launch_serve(corpus, db, questions_file)
    first = Latency.of(serve["latencies_ms"])
    row = CorpusRow(
        name, build["passages"], build["ingest_s"] + build["index_s"], build["peak_mb"],
        serve["launch_to_first_answer_s"], serve["rss_mb"], first, first,
    )  # fmt: skip
    if rank_bm25_queries > 0 and row.passages <= RANK_BM25_MAX:
        other = Latency.of(_child(["rank-bm25", str(db), str(questions_file)])["latencies_ms"])
        row.rank_bm25 = other
        row.speedup_p50 = round(other.p50_ms / max(first.p50_ms, 1e-6), 1)
        row.speedup_p99 = round(other.p99_ms / max(first.p99_ms, 1e-6), 1)
    return row


def reload_one_document(corpus: Path, db: Path) -> float:
    """Seconds for a reload after one document of ``corpus`` changed (on an indexed db)."""
    return float(_child(["reload", str(corpus), str(db)])["reload_s"])


def rows_as_dicts(rows: list[CorpusRow]) -> list[dict[str, Any]]:
    return [asdict(row) for row in rows]


# --------------------------------------------------------------------------------- reporting
def _get(row: dict[str, Any] | None, *path: str) -> Any:
    value: Any = row
    for key in path:
        value = value.get(key) if isinstance(value, dict) else None
    return value


def targets(report: dict[str, Any]) -> list[tuple[str, str, str, bool | None]]:
    """Issue 13's targets: (target, limit, measured, met); None where not measured."""
    rows = {r["name"]: r for r in report["corpora"]}
    small, large = rows.get("100k"), rows.get("1M")

    def ratio(row: dict[str, Any] | None, a: tuple[str, ...], b: tuple[str, ...]) -> Any:
        x, y = _get(row, *a), _get(row, *b)
        return x / y if x is not None and y else None  # rounded when shown, never before

    def build(row: dict[str, Any] | None) -> Any:
        ingest, index = _get(row, "build", "ingest_s"), _get(row, "build", "index_s")
        return None if index is None else round(ingest + index, 1)

    p50 = ("quotebot", "p50_ms")
    checks: list[tuple[str, str, Any, float, str]] = [
        ("100k p50 / bm25s p50", "≤ 1.5", ratio(small, p50, ("bm25s", "p50_ms")), 1.5, "≤"),
        ("100k p99 ms", "≤ 3", _get(small, "quotebot", "p99_ms"), 3, "≤"),
        ("100k rank-bm25 p50 / p50", "≥ 100", ratio(small, ("rank-bm25", "p50_ms"), p50), 100, "≥"),
        ("1M p99 ms", "≤ 10", _get(large, "quotebot", "p99_ms"), 10, "≤"),
        ("100k build s (files → index)", "≤ 15", build(small), 15, "≤"),
        ("1M build s (files → index)", "≤ 150", build(large), 150, "≤"),
        ("1M build peak MB", "≤ 1536", _get(large, "build", "peak_mb"), 1536, "≤"),
        ("1M serving MB", "≤ 800", _get(large, "serve", "rss_mb"), 800, "≤"),
        ("100k reload of one document s", "≤ 2", _get(small, "reload", "reload_s"), 2, "≤"),
        ("1M reload of one document s", "≤ 10", _get(large, "reload", "reload_s"), 10, "≤"),
        ("1M start-up to first answer s", "≤ 1", _get(large, "serve", "launch_to_first_answer_s"),
         1, "≤"),
    ]  # fmt: skip
    out = []
    for name, limit, value, bound, sign in checks:
        met = None if value is None else (value <= bound if sign == "≤" else value >= bound)
        shown = "-" if value is None else str(round(value, 3))
        out.append((name, limit, shown, met))
    return out


def format_report(report: dict[str, Any]) -> str:
    """The report as tables a person reads: engines side by side per corpus, then targets."""
    machine = report["machine"]
    lines = [
        f"{machine['cpus']} cores, Python {machine['python']}, load average "
        f"{machine.get('load_average')}; every question asked once (first-time), k = {K}"
        + (f"; p50, p99: medians of {report['runs']} runs" if report.get("runs", 1) > 1 else ""),
        "",
        f"{'corpus':<10}{'passages':>10}{'engine':>11}{'build s':>9}{'peak MB':>9}"
        f"{'p50 ms':>9}{'p99 ms':>9}{'p50 ×':>8}",
    ]
    for row in report["corpora"]:
        ours = row["quotebot"]["p50_ms"]
        build = row["build"]
        lines.append(
            f"{row['name']:<10}{row['passages']:>10}{'quotebot':>11}"
            f"{build['ingest_s'] + build['index_s']:>9.1f}{build['peak_mb']:>9.0f}"
            f"{ours:>9.2f}{row['quotebot']['p99_ms']:>9.2f}{1.0:>8.2f}"
        )
        for engine in (*PEERS, "rank-bm25"):
            peer = row.get(engine)
            if peer:
                lines.append(
                    f"{'':<20}{engine:>11}{_cell(peer.get('build_s')):>9}"
                    f"{_cell(peer.get('peak_mb')):>9}{peer['p50_ms']:>9.2f}"
                    f"{peer['p99_ms']:>9.2f}{ours / max(peer['p50_ms'], 1e-9):>8.2f}"
                )
        serve, reload = row["serve"], row["reload"]
        lines.append(
            f"{'':<20}index {build['index_s']} s of it; start-up to first answer "
            f"{serve['launch_to_first_answer_s']} s; serving {serve['rss_mb']} MB; "
            f"reload of one document {reload['reload_s']} s"
        )
    lines += ["", "p50 × : quotebot's p50 over the engine's (below 1: quotebot is faster)", ""]
    lines.append(f"{'target':<36}{'limit':>8}{'measured':>10}  met")
    for name, limit, value, met in targets(report):
        lines.append(
            f"{name:<36}{limit:>8}{value:>10}  {'-' if met is None else 'yes' if met else 'NO'}"
        )
    return "\n".join(lines)


def _cell(value: Any) -> str:
    return "-" if value is None else f"{value:.1f}" if isinstance(value, float) else str(value)


def plot(report: dict[str, Any], path: Path) -> bool:
    """p50 and p99 per engine and corpus as grouped bars (log scale); False without
    matplotlib (the optional extra ``bench``)."""
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        return False
    rows = report["corpora"]
    engines = ["quotebot", *PEERS, "rank-bm25"]
    figure, axes = plt.subplots(figsize=(8, 4.5), dpi=120)
    width = 0.8 / len(engines)
    for e, engine in enumerate(engines):
        xs = [i + e * width for i, r in enumerate(rows) if r.get(engine)]
        p50 = [r[engine]["p50_ms"] for r in rows if r.get(engine)]
        p99 = [r[engine]["p99_ms"] for r in rows if r.get(engine)]
        bars = axes.bar(xs, p50, width, label=f"{engine} p50")
        axes.scatter(
            xs,
            p99,
            marker="_",
            s=200,
            color=bars.patches[0].get_facecolor() if bars.patches else None,
        )
    axes.set_xticks([i + 0.4 - width / 2 for i in range(len(rows))])
    axes.set_xticklabels([f"{r['name']}\n{r['passages']:,} passages" for r in rows])
    axes.set_yscale("log")
    axes.set_ylabel("ms per first-time question (bar p50, dash p99)")
    axes.set_title(f"First-time questions, k = {K} ({report['machine']['cpus']} cores)")
    axes.grid(True, axis="y", which="both", alpha=0.3)
    axes.legend(fontsize="small")
    figure.tight_layout()
    figure.savefig(path)
    plt.close(figure)
    return True


# ------------------------------------------------------------------------------ command line
def _child_main(argv: list[str]) -> dict[str, Any]:
    command, args = argv[0], argv[1:]
    if command == "build":
        return _child_build(Path(args[0]), Path(args[1]))
    if command == "serve":
        return _child_serve(Path(args[0]), Path(args[1]), Path(args[2]))
    if command == "reload":
        return _child_reload(Path(args[0]), Path(args[1]))
    if command == "peer":
        return _child_peer(args[0], Path(args[1]), Path(args[2]))
    if command == "rank-bm25":
        return _child_rank_bm25(Path(args[0]), Path(args[1]))
    raise SystemExit(f"unknown child command {command}")


def main(argv: list[str] | None = None) -> int:
    """``python -m tools.benchmark``: run, print the tables, write bench.json (and a plot)."""
    argv = sys.argv[1:] if argv is None else argv
    if argv and argv[0] == "child":
        print(json.dumps(_child_main(argv[1:])))
        return 0
    parser = argparse.ArgumentParser(prog="python -m tools.benchmark", description=__doc__)
    parser.add_argument("--sizes", default="100k,1M", help="synthetic sizes: 10k, 100k, 1M")
    parser.add_argument("--collection", type=Path, help="a BEIR-format collection folder")
    parser.add_argument("--out", type=Path, default=Path("bench-out"), help="working folder")
    parser.add_argument("--no-peers", action="store_true", help="quotebot alone")
    parser.add_argument("--docs", type=Path, help="also copy bench.json and bench.png here")
    parser.add_argument(
        "--runs", type=int, default=1, help="serving runs per engine: the medians of their p50, p99"
    )
    args = parser.parse_args(argv)
    sizes = [s for s in args.sizes.split(",") if s]
    report = run(args.out, sizes, args.collection, not args.no_peers, runs=args.runs)
    print(format_report(report))
    plotted = plot(report, args.out / "bench.png")
    if args.docs is not None:
        args.docs.mkdir(parents=True, exist_ok=True)
        shutil.copy(args.out / "bench.json", args.docs / "bench.json")
        if plotted:
            shutil.copy(args.out / "bench.png", args.docs / "bench.png")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
