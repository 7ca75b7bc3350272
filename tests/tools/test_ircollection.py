"""The IR collection reader, its metrics against hand-computed values, and the peer comparison.

Everything runs on a tiny synthetic collection written here: no network, no real data. Peer
engines that are not installed (the optional ``peers`` extra) are skipped.
"""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest

from tools import peers
from tools.ircollection import (
    Collection,
    CollectionError,
    evaluate,
    load,
    mrr_at,
    ndcg_at,
    recall_at,
)

DOCS = [
    (
        "d1",
        "Volcanoes",
        "Lava flows from the crater of an erupting volcano. Magma cools into rock.",
    ),
    ("d2", "Honey bees", "Bees collect nectar from flowers and store honey in wax combs."),
    ("d3", "Glaciers", "Glaciers carve valleys as the ice slowly moves downhill over centuries."),
    ("d4", "Lighthouses", "A lighthouse warns ships at night with a rotating lamp on the coast."),
    ("d5", "Sourdough", "Sourdough bread rises with wild yeast kept alive in a flour starter."),
]
QUERIES = {
    "q1": "how do bees make honey",
    "q2": "what warns ships near the coast at night",
    "q3": "glaciers carving valleys",
    "q4": "an unjudged query",  # no relevant document: not part of the evaluation
}
QRELS = [("q1", "d2", 2), ("q2", "d4", 1), ("q3", "d3", 2), ("q3", "d1", 1), ("q4", "d1", 0)]


def write_collection(folder: Path) -> Path:
    """A BEIR-format folder with the synthetic collection."""
    (folder / "qrels").mkdir(parents=True)
    with (folder / "corpus.jsonl").open("w", encoding="utf-8") as out:
        for doc_id, title, text in DOCS:
            out.write(json.dumps({"_id": doc_id, "title": title, "text": text}) + "\n")
    with (folder / "queries.jsonl").open("w", encoding="utf-8") as out:
        for query_id, text in QUERIES.items():
            out.write(json.dumps({"_id": query_id, "text": text}) + "\n")
    lines = ["query-id\tcorpus-id\tscore", *(f"{q}\t{d}\t{g}" for q, d, g in QRELS)]
    (folder / "qrels" / "test.tsv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder


@pytest.fixture
def collection_dir(tmp_path: Path) -> Path:
    """The synthetic collection on disk."""
    return write_collection(tmp_path / "tiny")


# ------------------------------------------------------------------------------------ reading
def test_load_reads_docs_queries_and_judgements(collection_dir: Path) -> None:
    collection = load(collection_dir)
    assert [d.id for d in collection.docs] == ["d1", "d2", "d3", "d4", "d5"]
    assert collection.docs[1].body.startswith("Honey bees Bees collect")
    assert list(collection.queries) == ["q1", "q2", "q3"]  # q4 has nothing relevant
    assert collection.qrels["q3"] == {"d3": 2, "d1": 1}


def test_load_names_the_missing_file(tmp_path: Path) -> None:
    folder = write_collection(tmp_path / "c")
    (folder / "queries.jsonl").unlink()
    with pytest.raises(CollectionError, match=r"queries\.jsonl: missing"):
        load(folder)


def test_load_names_the_bad_qrels_line(collection_dir: Path) -> None:
    with (collection_dir / "qrels" / "test.tsv").open("a", encoding="utf-8") as out:
        out.write("q1\td5\n")
    with pytest.raises(CollectionError, match=r"test\.tsv:7"):
        load(collection_dir)


SMART_ALL = """.I 1
.T
Volcanoes
.A
Someone, A.
.W
   Lava flows from the crater
of an erupting volcano.
.X
1\t5\t1
.I 2
.T
Honey bees
.W
Bees collect nectar and store honey.
"""
SMART_QRY = """.I 1
.W
How do bees
make honey?
.I 2
.T
Craters
.W
lava and volcanoes
.I 3
.W
a query nobody judged
"""


@pytest.mark.parametrize(
    ("rel", "grades"),
    [
        ("     1     2\t0\t0.000000\n     2     1\t0\t0.000000\n", {"1": {"2": 1}, "2": {"1": 1}}),
        ("1 0 2 1\n2 0 1 2\n2 0 2 0\n", {"1": {"2": 1}, "2": {"1": 2}}),  # MEDLINE's layout
    ],
)
def test_load_reads_classic_smart_files(
    tmp_path: Path, rel: str, grades: dict[str, dict[str, int]]
) -> None:
    folder = tmp_path / "cisi"
    folder.mkdir()
    (folder / "CISI.ALL").write_text(SMART_ALL, encoding="utf-8")
    (folder / "CISI.QRY").write_text(SMART_QRY, encoding="utf-8")
    (folder / "CISI.REL").write_text(rel, encoding="utf-8")
    collection = load(folder)
    assert collection.docs[0].title == "Volcanoes"
    assert collection.docs[0].text == "Lava flows from the crater of an erupting volcano."
    assert collection.docs[1].body == "Honey bees Bees collect nectar and store honey."
    assert collection.queries == {"1": "How do bees make honey?", "2": "Craters lava and volcanoes"}
    assert collection.qrels == grades


# ------------------------------------------------------------------------------------ metrics
def test_ndcg_matches_the_hand_computed_value() -> None:
    judged = {"a": 2, "b": 1, "c": 0}
    # DCG = 1/log2(2) + 0 + 2/log2(4) = 2; ideal = 2/log2(2) + 1/log2(3)
    expected = 2 / (2 + 1 / math.log2(3))
    assert ndcg_at(["b", "x", "a"], judged, 10) == pytest.approx(expected)
    assert ndcg_at(["a", "b"], judged, 10) == pytest.approx(1.0)
    assert ndcg_at(["b", "a"], judged, 1) == pytest.approx(1 / 2)  # cut at 1: gain 1 of 2
    assert ndcg_at([], judged, 10) == 0.0
    assert ndcg_at(["a"], {"a": 0}, 10) == 0.0  # nothing relevant: 0, not a division by zero


def test_recall_and_mrr_match_hand_computed_values() -> None:
    judged = {"a": 2, "b": 1, "c": 0}
    assert recall_at(["c", "x", "b"], judged, 100) == pytest.approx(0.5)
    assert recall_at(["c", "x", "b"], judged, 2) == 0.0
    assert mrr_at(["c", "x", "b"], judged, 10) == pytest.approx(1 / 3)
    assert mrr_at(["c", "x", "b"], judged, 2) == 0.0


def test_evaluate_averages_and_counts_a_missing_ranking_as_zero() -> None:
    qrels = {"q1": {"a": 1}, "q2": {"b": 1}}
    scores = evaluate({"q1": ["a"]}, qrels)
    assert scores.ndcg10 == pytest.approx(0.5)
    assert scores.mrr10 == pytest.approx(0.5)
    assert scores.recall100 == pytest.approx(0.5)
    assert scores.queries == 2


# -------------------------------------------------------------------------------------- peers
def ranked_first(engine: str, collection: Collection) -> peers.EngineRun:
    """One engine's run on the synthetic collection."""
    return peers.run_engine(engine, collection, depth=5)


@pytest.mark.parametrize("engine", ["quotebot", "rank-bm25", "bm25s", "tantivy"])
def test_every_engine_finds_the_obvious_answers(engine: str, collection_dir: Path) -> None:
    if engine in ("bm25s", "tantivy"):
        pytest.importorskip(engine)
    run = ranked_first(engine, load(collection_dir))
    assert run.scores.mrr10 == pytest.approx(1.0)
    assert run.scores.queries == 3
    assert len(run.latencies_ms) == 3
    assert run.as_dict()["decline_rate"] <= 1.0


def test_engines_in_one_run_each_answer_every_query(collection_dir: Path) -> None:
    runs = peers.run_engines(["quotebot", "rank-bm25"], load(collection_dir), depth=5)
    assert [run.engine for run in runs] == ["quotebot", "rank-bm25"]
    assert [len(run.latencies_ms) for run in runs] == [3, 3]
    assert all(run.scores.mrr10 == pytest.approx(1.0) for run in runs)


def test_build_and_query_reports_build_memory_and_each_latency() -> None:
    texts = [text for _, _, text in DOCS]
    figures = peers.build_and_query("rank-bm25", texts, ["honey bees", "lighthouse lamp"])
    assert figures["engine"] == "rank-bm25"
    assert figures["docs"] == 5
    assert len(figures["latencies_ms"]) == 2
    assert figures["build_s"] >= 0
    assert figures["peak_rss_mb"] >= figures["rss_before_mb"] > 0
    assert figures["p99_ms"] >= figures["p50_ms"] >= 0


def test_build_and_query_refuses_an_unknown_engine() -> None:
    with pytest.raises(peers.PeersError, match="unknown engine"):
        peers.build_and_query("lucene", ["a"], ["a"])


def test_command_prints_json(collection_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status = peers.command(
        ["--collection", str(collection_dir), "--engines", "rank-bm25", "--json"]
    )
    report = json.loads(capsys.readouterr().out)
    assert status == 0
    assert report["queries"] == 3
    assert [e["engine"] for e in report["engines"]] == ["rank-bm25"]
    assert report["engines"][0]["mrr@10"] == pytest.approx(1.0)


def test_command_reports_a_missing_collection(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert peers.command(["--collection", str(tmp_path / "nowhere")]) == 2
    assert "not a folder" in capsys.readouterr().err


def test_percentile_is_nearest_rank() -> None:
    assert peers.percentile([], 0.5) == 0.0
    assert peers.percentile([3.0, 1.0, 2.0], 0.5) == 2.0
    assert peers.percentile([float(n) for n in range(1, 101)], 0.99) == 99.0
