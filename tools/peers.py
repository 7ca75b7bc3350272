"""quotebot beside other BM25 engines on a public IR test collection (``python -m tools.peers``).

The same documents and queries go through each engine in one run:

- ``quotebot``: the product's own library. Each document becomes a ``.txt`` file ("title", a
  blank line, the text) in a temporary corpus folder; ``Library.open`` indexes it and
  ``library.answer(query, k=...)`` ranks passages, which map back to documents by
  ``hit.passage.doc``. An answer with ``answered == False`` counts as a decline, but its ranking
  (the "closest passages") is scored all the same.
- ``bm25s``: method "lucene", k1 = 1.2, b = 0.75 (Lucene's defaults), its English stop words and
  PyStemmer's Snowball English stemmer.
- ``tantivy``: its default English tokenizer ``en_stem`` (lower case, Snowball English stemmer,
  no stop words) and its default BM25 (k1 = 1.2, b = 0.75).
- ``rank-bm25``: ``BM25Okapi`` over lower-cased, Snowball-stemmed words; small collections only,
  since it scores every document in Python for every query.

Each query is asked once at k = 10, the product's setting, and that call is timed: every query is
new to the process, so these are first-time latencies. The ranking that is scored comes from a
second, untimed call at ``--depth`` (100), so Recall@100 can be measured. The peers' optional
packages are the ``peers`` extra: ``pip install -e '.[peers]'``.

:func:`build_and_query` is the hook for ``tools/benchmark.py``: build one engine over plain
texts and time a list of queries, reporting build seconds, peak memory and every latency.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import re
import resource
import shutil
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from retrieval.errors import QuestionError, QuotebotError
from retrieval.library import Library
from tools.ircollection import Collection, IrDoc, Scores, dedupe, evaluate, load

ENGINES = ("quotebot", "bm25s", "tantivy", "rank-bm25")
PACKAGES = {"bm25s": ("bm25s", "Stemmer"), "tantivy": ("tantivy",), "rank-bm25": ("rank_bm25",)}
SERVED_K = 10  # what a reader sees: the timed call
DEPTH = 100  # the scored ranking's depth, for Recall@100
RANK_BM25_MAX_DOCS = 20_000  # rank-bm25 costs O(documents) of Python per query
TANTIVY_HEAP = 200_000_000  # bytes for tantivy's index writer; its own minimum is 15 MB

# BM25 nDCG@10 published in the BEIR paper (Thakur et al., 2021, Table 2), by BEIR folder name.
PUBLISHED_NDCG10 = {
    "nfcorpus": 0.325,
    "arguana": 0.315,
    "scidocs": 0.158,
    "fiqa": 0.236,
    "trec-covid": 0.656,
    "quora": 0.789,
}
_QUERY_SYNTAX = re.compile(r"[^\w\s]+")  # tantivy's query language reads these as operators
_WORD = re.compile(r"\w\w+")


# ------------------------------------------------------------------------------------ engines
@dataclass(frozen=True)
class Result:
    """One engine's answer to one query."""

    docs: list[str]  # document ids, best first, each once
    answered: bool = True  # False: the engine said it found nothing that answers the query
    failed: bool = False  # the engine refused the query (e.g. only stop words)


class Engine(Protocol):
    """What the comparison needs from an engine."""

    name: str

    def build(self, docs: Sequence[IrDoc]) -> None:
        """Index the documents."""

    def search(self, query: str, k: int) -> Result:
        """The best k documents for the query."""

    def close(self) -> None:
        """Release files and memory."""


class QuotebotEngine:
    """quotebot's library over a temporary corpus folder with one file per document."""

    name = "quotebot"

    def __init__(self) -> None:
        self._tmp = Path(tempfile.mkdtemp(prefix="quotebot-peers-"))
        self._ids: dict[str, str] = {}  # file name (quotebot's doc id) → collection doc id
        self._library: Library | None = None

    def build(self, docs: Sequence[IrDoc]) -> None:
        """Write the documents as .txt files and open the library over them (indexing them)."""
        corpus = self._tmp / "corpus"
        corpus.mkdir()
        for number, doc in enumerate(docs):
            # Numbered names: collection ids may hold characters a file name can't.
            name = f"{number:07d}.txt"
            self._ids[name] = doc.id
            text = f"{doc.title}\n\n{doc.text}\n" if doc.title else f"{doc.text}\n"
            (corpus / name).write_text(text, encoding="utf-8")
        self._library = Library.open(self._tmp / "quotebot.db", corpus)

    def search(self, query: str, k: int) -> Result:
        """Rank passages and keep each passage's document once, at its best rank."""
        assert self._library is not None, "build() first"
        try:
            answer = self._library.answer(query, k=k)
        except QuestionError:
            return Result([], answered=False, failed=True)
        docs = dedupe(self._ids[h.passage.doc] for h in answer.hits if h.passage.doc in self._ids)
        return Result(docs, answered=answer.answered)

    def close(self) -> None:
        """Close the database and remove the temporary folder."""
        if self._library is not None:
            self._library.close()
        shutil.rmtree(self._tmp, ignore_errors=True)


class Bm25sEngine:
    """bm25s, Lucene's BM25 variant, with English stop words and the Snowball stemmer."""

    name = "bm25s"

    def __init__(self) -> None:
        self._bm25s = _optional("bm25s")
        self._stemmer = _optional("Stemmer").Stemmer("english")
        self._model: Any = None
        self._ids: list[str] = []

    def _tokens(self, texts: list[str], return_ids: bool) -> Any:
        """bm25s's own analysis: lower case, stop words out, Snowball stems."""
        return self._bm25s.tokenize(
            texts,
            stopwords="en",
            stemmer=self._stemmer,
            return_ids=return_ids,
            show_progress=False,
        )

    def build(self, docs: Sequence[IrDoc]) -> None:
        """Tokenize and index the documents."""
        self._ids = [doc.id for doc in docs]
        self._model = self._bm25s.BM25(method="lucene", k1=1.2, b=0.75)
        self._model.index(self._tokens([doc.body for doc in docs], True), show_progress=False)

    def search(self, query: str, k: int) -> Result:
        """The top k documents with a score above zero."""
        tokens = self._tokens([query], False)
        if not tokens[0]:
            return Result([], failed=True)
        found, scores = self._model.retrieve(tokens, k=min(k, len(self._ids)), show_progress=False)
        # bm25s fills k places even when fewer documents match; zero scores are no match.
        return Result([self._ids[i] for i, s in zip(found[0], scores[0], strict=True) if s > 0])

    def close(self) -> None:
        """Drop the index."""
        self._model = None


class TantivyEngine:
    """tantivy with its English stemming tokenizer, indexed in a temporary folder."""

    name = "tantivy"

    def __init__(self) -> None:
        self._tantivy = _optional("tantivy")
        self._tmp = Path(tempfile.mkdtemp(prefix="tantivy-peers-"))
        self._index: Any = None
        self._searcher: Any = None

    def build(self, docs: Sequence[IrDoc]) -> None:
        """Index the documents with one writer and one commit."""
        schema = self._tantivy.SchemaBuilder()
        schema.add_text_field("id", stored=True, tokenizer_name="raw")
        schema.add_text_field("body", stored=False, tokenizer_name="en_stem")
        self._index = self._tantivy.Index(schema.build(), path=str(self._tmp))
        writer = self._index.writer(heap_size=TANTIVY_HEAP)
        for doc in docs:
            writer.add_document(self._tantivy.Document(id=doc.id, body=doc.body))
        writer.commit()
        writer.wait_merging_threads()
        self._index.reload()
        self._searcher = self._index.searcher()

    def search(self, query: str, k: int) -> Result:
        """The top k documents for the query's words, any of them (tantivy's default OR)."""
        # Lower case too, so that words like AND / OR / NOT are not read as operators.
        words = _QUERY_SYNTAX.sub(" ", query).lower().strip()
        if not words:
            return Result([], failed=True)
        parsed = self._index.parse_query(words, ["body"])
        hits = self._searcher.search(parsed, k).hits
        return Result([self._searcher.doc(address)["id"][0] for _, address in hits])

    def close(self) -> None:
        """Drop the index and its folder."""
        self._searcher = self._index = None
        shutil.rmtree(self._tmp, ignore_errors=True)


class RankBm25Engine:
    """rank-bm25's BM25Okapi over lower-cased, Snowball-stemmed words."""

    name = "rank-bm25"

    def __init__(self) -> None:
        self._stemmer = _optional("Stemmer").Stemmer("english")
        self._model: Any = None
        self._ids: list[str] = []

    def _tokens(self, text: str) -> list[str]:
        """Words of two or more letters, lower case, stemmed."""
        return list(self._stemmer.stemWords(_WORD.findall(text.lower())))

    def build(self, docs: Sequence[IrDoc]) -> None:
        """Tokenize the documents into rank-bm25's in-memory model."""
        bm25okapi = _optional("rank_bm25").BM25Okapi
        if len(docs) > RANK_BM25_MAX_DOCS:
            raise PeersError(f"rank-bm25 is limited to {RANK_BM25_MAX_DOCS:,} documents")
        self._ids = [doc.id for doc in docs]
        self._model = bm25okapi([self._tokens(doc.body) for doc in docs])

    def search(self, query: str, k: int) -> Result:
        """Score every document and keep the top k with a score above zero."""
        tokens = self._tokens(query)
        if not tokens:
            return Result([], failed=True)
        scores = self._model.get_scores(tokens)
        order = sorted(range(len(scores)), key=lambda i: -scores[i])[:k]
        return Result([self._ids[i] for i in order if scores[i] > 0])

    def close(self) -> None:
        """Drop the model."""
        self._model = None


class PeersError(QuotebotError):
    """An engine can't be run as asked (not installed, collection too large)."""


def _optional(module: str) -> Any:
    """Import a peer's package by name; the peers are an optional extra, untyped for mypy."""
    return importlib.import_module(module)


def available(name: str) -> bool:
    """Whether the packages an engine needs are installed."""
    return all(importlib.util.find_spec(module) for module in PACKAGES.get(name, ()))


def make(name: str) -> Engine:
    """A new, empty engine by name (one of :data:`ENGINES`)."""
    if name not in ENGINES:
        raise PeersError(f"unknown engine {name!r}; choose from {', '.join(ENGINES)}")
    if not available(name):
        raise PeersError(f"{name} is not installed: pip install -e '.[peers]'")
    kinds: dict[str, type[Engine]] = {
        "quotebot": QuotebotEngine,
        "bm25s": Bm25sEngine,
        "tantivy": TantivyEngine,
        "rank-bm25": RankBm25Engine,
    }
    return kinds[name]()


# ---------------------------------------------------------------------------------- measuring
def percentile(samples: Sequence[float], share: float) -> float:
    """The nearest-rank percentile (``share`` in 0..1) of the samples; 0 when there are none."""
    if not samples:
        return 0.0
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def _rss_mb() -> float:
    """This process's peak resident memory so far, in MB (Linux reports kilobytes)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def build_and_query(
    engine: str, docs: Sequence[str], queries: Sequence[str], k: int = SERVED_K
) -> dict[str, Any]:
    """Build ``engine`` over plain texts and ask each query once; the figures as a dict.

    ``docs`` are document texts (their ids are their positions, as strings); ``queries`` are
    asked in order, each once, so every latency is a first-time one. Returns ``engine``,
    ``docs``, ``queries``, ``build_s`` (seconds to index), ``rss_before_mb`` and
    ``peak_rss_mb`` (the process's peak resident memory before building and after the last
    query: ``ru_maxrss`` is a high-water mark, so call this in a fresh child process for a
    per-engine figure), ``latencies_ms`` (one per query, in order), ``p50_ms`` and ``p99_ms``.
    ``engine`` is any of :data:`ENGINES`; "quotebot" writes one file per text, so at a million
    texts the benchmark's own path for quotebot is the better measure. Raises
    :class:`PeersError` when the engine is unknown or not installed.
    """
    before = _rss_mb()
    built = make(engine)
    try:
        start = time.perf_counter()
        built.build([IrDoc(str(number), "", text) for number, text in enumerate(docs)])
        build_s = time.perf_counter() - start
        latencies = [_timed(built, query, k)[1] for query in queries]
    finally:
        built.close()
    return {
        "engine": engine,
        "docs": len(docs),
        "queries": len(queries),
        "build_s": round(build_s, 3),
        "rss_before_mb": round(before, 1),
        "peak_rss_mb": round(_rss_mb(), 1),
        "latencies_ms": [round(ms, 4) for ms in latencies],
        "p50_ms": round(percentile(latencies, 0.5), 4),
        "p99_ms": round(percentile(latencies, 0.99), 4),
    }


def _timed(engine: Engine, query: str, k: int) -> tuple[Result, float]:
    """The engine's result for one query and the milliseconds it took."""
    start = time.perf_counter()
    result = engine.search(query, k)
    return result, (time.perf_counter() - start) * 1000


@dataclass
class EngineRun:
    """One engine's figures on one collection."""

    engine: str
    scores: Scores
    served: Scores  # the same metrics on the timed k = 10 ranking, as a reader sees it
    build_s: float
    latencies_ms: list[float] = field(repr=False)
    declined: int = 0
    failed: int = 0

    def as_dict(self) -> dict[str, Any]:
        """Plain JSON values (latencies summarised)."""
        queries = max(self.scores.queries, 1)
        return {
            "engine": self.engine,
            **self.scores.as_dict(),
            "served_ndcg@10": round(self.served.ndcg10, 4),
            "declined": self.declined,
            "decline_rate": round(self.declined / queries, 4),
            "failed": self.failed,
            "build_s": round(self.build_s, 2),
            "p50_ms": round(percentile(self.latencies_ms, 0.5), 3),
            "p99_ms": round(percentile(self.latencies_ms, 0.99), 3),
        }


@dataclass
class _Tally:
    """What one engine answered so far in a run."""

    served: dict[str, list[str]] = field(default_factory=dict)  # the timed k = 10 rankings
    deep: dict[str, list[str]] = field(default_factory=dict)  # the scored rankings
    latencies_ms: list[float] = field(default_factory=list)
    declined: int = 0
    failed: int = 0

    def ask(self, engine: Engine, qid: str, text: str, depth: int) -> None:
        """Ask one query: timed at k = 10, then untimed at ``depth`` for the scored ranking."""
        result, ms = _timed(engine, text, SERVED_K)
        self.latencies_ms.append(ms)
        self.declined += not result.answered
        self.failed += result.failed
        self.served[qid] = result.docs
        self.deep[qid] = engine.search(text, depth).docs if depth > SERVED_K else result.docs


def run_engines(
    names: Sequence[str], collection: Collection, depth: int = DEPTH
) -> list[EngineRun]:
    """Build each engine over the collection, ask every query of each, and score the rankings.

    Each query goes to all the engines in turn, in an order that rotates from query to query, so
    a burst of load on a shared machine slows every engine alike instead of one engine's run.
    """
    engines: list[Engine] = []
    builds: list[float] = []
    try:
        for name in names:
            engines.append(make(name))
            start = time.perf_counter()
            engines[-1].build(collection.docs)
            builds.append(time.perf_counter() - start)
        tallies = [_Tally() for _ in engines]
        for number, (qid, text) in enumerate(collection.queries.items()):
            for turn in range(len(engines)):
                which = (number + turn) % len(engines)
                tallies[which].ask(engines[which], qid, text, depth)
    finally:
        for engine in engines:
            engine.close()
    return [
        EngineRun(
            name,
            evaluate(tally.deep, collection.qrels),
            evaluate(tally.served, collection.qrels),
            build_s,
            tally.latencies_ms,
            tally.declined,
            tally.failed,
        )
        for name, build_s, tally in zip(names, builds, tallies, strict=True)
    ]


def run_engine(name: str, collection: Collection, depth: int = DEPTH) -> EngineRun:
    """One engine's run on the collection."""
    return run_engines([name], collection, depth)[0]


# ------------------------------------------------------------------------------------- report
def table(collection: Collection, runs: Sequence[EngineRun], published: float | None) -> str:
    """The runs as an aligned text table, with the published BM25 figure when known."""
    lines = [
        f"{collection.name}: {len(collection.docs):,} documents, "
        f"{len(collection.queries):,} judged queries",
        f"{'engine':<10} {'nDCG@10':>8} {'R@100':>7} {'R@10':>7} {'MRR@10':>7} "
        f"{'declined':>9} {'build s':>8} {'p50 ms':>8} {'p99 ms':>8}",
    ]
    for run in runs:
        row = run.as_dict()
        lines.append(
            f"{run.engine:<10} {row['ndcg@10']:>8.3f} {row['recall@100']:>7.3f} "
            f"{row['recall@10']:>7.3f} {row['mrr@10']:>7.3f} {row['decline_rate']:>9.1%} "
            f"{row['build_s']:>8.2f} {row['p50_ms']:>8.2f} {row['p99_ms']:>8.2f}"
        )
    if published is not None:
        lines.append(f"{'published':<10} {published:>8.3f}   (BM25, BEIR paper, Table 2)")
    return "\n".join(lines)


def _parser() -> argparse.ArgumentParser:
    """The command line of ``python -m tools.peers``."""
    parser = argparse.ArgumentParser(
        prog="python -m tools.peers",
        description="Score quotebot beside bm25s, tantivy and rank-bm25 on a BEIR-format "
        "collection (corpus.jsonl, queries.jsonl, qrels/SPLIT.tsv).",
    )
    parser.add_argument("--collection", type=Path, required=True, help="the collection folder")
    parser.add_argument("--split", default="test", help="qrels file to use (default: test)")
    parser.add_argument(
        "--engines",
        default=",".join(ENGINES),
        help="comma-separated, from: " + ", ".join(ENGINES) + " (default: all installed)",
    )
    parser.add_argument("--depth", type=int, default=DEPTH, help="ranking depth scored")
    parser.add_argument("--limit", type=int, help="only the first N judged queries")
    parser.add_argument(
        "--published", type=float, help="published BM25 nDCG@10 to show (default: by name)"
    )
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    return parser


def command(argv: list[str]) -> int:
    """Run the comparison from command-line arguments; the exit status."""
    args = _parser().parse_args(argv)
    names = [n.strip() for n in args.engines.split(",") if n.strip()]
    explicit = args.engines != ",".join(ENGINES)
    try:
        collection = load(args.collection, args.split)
        if args.limit:
            kept = dict(list(collection.queries.items())[: args.limit])
            qrels = {q: collection.qrels[q] for q in kept}
            collection = Collection(collection.name, collection.docs, kept, qrels)
        skipped = [] if explicit else [n for n in names if not _runnable(n, collection)]
        runs = run_engines([n for n in names if n not in skipped], collection, args.depth)
    except QuotebotError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    published = args.published
    if published is None:
        published = PUBLISHED_NDCG10.get(collection.name.lower())
    if args.json:
        report = {
            "collection": str(args.collection),
            "name": collection.name,
            "docs": len(collection.docs),
            "queries": len(collection.queries),
            "published_bm25_ndcg@10": published,
            "skipped": skipped,
            "engines": [run.as_dict() for run in runs],
        }
        print(json.dumps(report, indent=2))
    else:
        print(table(collection, runs, published))
        for name in skipped:
            print(f"(skipped {name}: not installed, or the collection is too large for it)")
    return 0


def _runnable(name: str, collection: Collection) -> bool:
    """Whether a default engine can run here: installed, and rank-bm25 only on small sets."""
    if name == "rank-bm25" and len(collection.docs) > RANK_BM25_MAX_DOCS:
        return False
    return available(name)


def main() -> None:
    """Entry point of ``python -m tools.peers``."""
    sys.exit(command(sys.argv[1:]))


if __name__ == "__main__":
    main()
