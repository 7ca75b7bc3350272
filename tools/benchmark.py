"""Retrieval benchmarks: build time, memory, load time and search latency by corpus size.

Used by ``quotebot bench`` (which adds the bot's own figures). Every measurement that needs a
clean process (index build time and its peak memory, start-up) runs in a child process, so one
size's memory does not hide inside another's. Latency is measured on the dev questions plus
questions made of the corpus's own words, each asked once cold and then again warm; rank-bm25's
``get_scores`` + sort is timed on the same passages and questions, pair by pair.
"""

from __future__ import annotations

import contextlib
import json
import os
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

import numpy as np

from retrieval.errors import QuestionError
from retrieval.library import Library
from tools.synthetic import generate

SIZES = {"10k": 10_000, "100k": 100_000, "1M": 1_000_000}


@dataclass
class Latency:
    p50_ms: float
    p99_ms: float
    n: int

    @classmethod
    def of(cls, samples_ms: list[float]) -> Latency:
        ordered = sorted(samples_ms)
        p99 = ordered[min(len(ordered) - 1, round(0.99 * (len(ordered) - 1)))]
        return cls(round(statistics.median(ordered), 3), round(p99, 3), len(ordered))


@dataclass
class CorpusRow:
    name: str
    passages: int = 0
    build_seconds: float = 0.0
    build_peak_mb: float = 0.0
    load_seconds: float = 0.0
    serve_rss_mb: float = 0.0
    search: Latency | None = None  # asked again (the repeated runs)
    search_first: Latency | None = None  # asked for the first time
    rank_bm25: Latency | None = None
    speedup_p50: float | None = None
    speedup_p99: float | None = None
    notes: list[str] = field(default_factory=list)


def questions_for(library: Library, dev_file: Path, extra: int = 80, seed: int = 3) -> list[str]:
    """The dev questions plus questions made of words from random passages of this corpus."""
    questions = [json.loads(line)["question"] for line in dev_file.read_text().splitlines() if line]
    rng = random.Random(seed)
    count = library.passage_count()
    rowids = library._current().rowids
    wanted = len(questions) + extra
    while len(questions) < wanted:
        passage = library.store.passages_by_rowid([int(rowids[rng.randrange(count)])])
        text = next(iter(passage.values())).text.split()
        start = rng.randrange(max(1, len(text) - 8))
        sample = " ".join(text[start : start + rng.randint(2, 6)])
        if library.query_weights(sample):  # not only stop words
            questions.append(sample)
    return questions


def time_search(library: Library, questions: list[str], rounds: int = 3) -> tuple[Latency, Latency]:
    """Question in, ranked passages with excerpts out: (first asking, asked again).

    The first round meets every passage for the first time (its sentences are analysed then);
    later rounds are what a busy bot sees for popular passages.
    """
    cold: list[float] = []
    warm: list[float] = []
    for round_ in range(rounds):
        for question in questions:
            started = time.perf_counter()
            with contextlib.suppress(QuestionError):  # a refusal is an answer too
                library.answer(question, k=3)
            (cold if round_ == 0 else warm).append((time.perf_counter() - started) * 1000)
    return Latency.of(cold), Latency.of(warm or cold)


def time_rank_bm25(library: Library, questions: list[str], limit: int) -> Latency:
    """rank-bm25 ``BM25Okapi.get_scores`` + a top-10 sort, on whitespace tokens of the same
    passages (its build time is not counted)."""
    from rank_bm25 import BM25Okapi

    texts = [p.text.lower().split() for _, p in library.store.all_passages()]
    bm25 = BM25Okapi(texts)
    del texts
    samples = []
    for question in questions[:limit]:
        started = time.perf_counter()
        scores = bm25.get_scores(question.lower().split())
        np.argsort(-scores)[:10]
        samples.append((time.perf_counter() - started) * 1000)
    return Latency.of(samples)


def _child(args: list[str]) -> tuple[dict[str, Any], float]:
    """Run ``python -m tools.benchmark ARGS`` and return its JSON and its peak RSS in MB."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    result = subprocess.run(
        [sys.executable, "-m", "tools.benchmark", *args],
        capture_output=True,
        text=True,
        check=True,
    )
    after = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    # ru_maxrss of children is the largest of any child so far; a fresh maximum is this child's.
    peak = after / 1024 if after > before else float(json.loads(result.stdout).get("rss_mb", 0))
    return json.loads(result.stdout), peak


def bench_corpus(
    name: str, corpus: Path, db: Path, dev_file: Path, rank_bm25_queries: int
) -> CorpusRow:
    """Build (in a child), load, and time searches on one corpus."""
    row = CorpusRow(name)
    for stale in db.parent.glob(db.name + "*"):
        stale.unlink()
    built, row.build_peak_mb = _child(["build", str(corpus), str(db)])
    row.build_seconds = built["seconds"]
    row.passages = built["passages"]
    loaded, _ = _child(["load", str(corpus), str(db)])
    row.load_seconds = loaded["seconds"]
    row.serve_rss_mb = loaded["rss_mb"]
    library = Library.open(db, corpus)
    try:
        questions = questions_for(library, dev_file)
        row.search_first, row.search = time_search(library, questions)
        if rank_bm25_queries > 0:
            row.rank_bm25 = time_rank_bm25(library, questions, rank_bm25_queries)
            row.speedup_p50 = round(row.rank_bm25.p50_ms / max(row.search.p50_ms, 1e-6), 1)
            row.speedup_p99 = round(row.rank_bm25.p99_ms / max(row.search.p99_ms, 1e-6), 1)
        else:
            row.notes.append("rank-bm25 not run at this size (--rank-bm25-max)")
    finally:
        library.close()
    return row


def reload_one_document(corpus: Path, db: Path) -> float:
    """Seconds for a reload after one document of ``corpus`` changed (on an indexed db)."""
    library = Library.open(db, corpus)
    try:
        victim = sorted(corpus.glob("*.txt"))[0]
        with victim.open("a", encoding="utf-8") as handle:
            handle.write("\n\nA new closing paragraph was added to this document for the reload.\n")
        started = time.perf_counter()
        library.reindex()
        return round(time.perf_counter() - started, 3)
    finally:
        library.close()


def synthetic_corpus(source: Path, cache: Path, name: str) -> Path:
    """The synthetic corpus of ``name`` size, generated once into ``cache``."""
    folder = cache / f"corpus-{name}"
    marker = folder / ".complete"
    if not marker.exists():
        shutil.rmtree(folder, ignore_errors=True)
        generate(source, folder, SIZES[name])
        marker.write_text("ok")
    return folder


def rows_as_dicts(rows: list[CorpusRow]) -> list[dict[str, Any]]:
    return [asdict(row) for row in rows]


def _rss_mb() -> float:
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def _main(argv: list[str]) -> int:
    """Child-process entry: ``build CORPUS DB`` or ``load CORPUS DB``; prints JSON."""
    command, corpus, db = argv[0], Path(argv[1]), Path(argv[2])
    started = time.perf_counter()
    library = Library.open(db, corpus)
    seconds = time.perf_counter() - started
    if command == "load":
        library.answer("international security cooperation", k=3)  # first answer included
        seconds = time.perf_counter() - started
    print(
        json.dumps(
            {"seconds": round(seconds, 3), "passages": library.passage_count(), "rss_mb": _rss_mb()}
        )
    )
    library.close()
    return 0


if __name__ == "__main__":
    os.environ.setdefault("PYTHONHASHSEED", "0")
    raise SystemExit(_main(sys.argv[1:]))
