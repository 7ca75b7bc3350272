"""A public IR test collection (documents, queries, graded relevance judgements) and its metrics.

Two layouts are read:

- BEIR: ``corpus.jsonl`` (``_id``, ``title``, ``text``), ``queries.jsonl`` (``_id``, ``text``)
  and ``qrels/<split>.tsv`` (``query-id``, ``corpus-id``, ``score``, with a header line);
- the classic SMART files of CISI, MEDLINE or CACM: ``NAME.ALL`` (documents), ``NAME.QRY``
  (queries), ``NAME.REL`` (judgements, binary), records opened by ``.I id`` and fields by
  ``.T`` (title), ``.W`` (text), ``.A``, ``.B``, ``.X`` … of which only title and text are kept.

Only queries with at least one relevant document are kept, as BEIR's own evaluation does.

The metrics follow trec_eval (what BEIR reports through pytrec_eval), so figures compare with
published ones: nDCG@k with linear gain (the grade itself) and a log2(rank + 1) discount, the ideal
ranking built from every judged document; Recall@k over the documents judged relevant (grade > 0);
MRR@k from the first relevant document. A query's empty ranking scores 0 on all three.
"""

from __future__ import annotations

import csv
import json
import math
import re
import statistics
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from retrieval.errors import QuotebotError

Qrels = Mapping[str, Mapping[str, int]]  # query id → document id → relevance grade
_SMART_FIELD = re.compile(r"^\.([A-Z])(?:\s+(.*))?\s*$")  # ".I 12", ".T", ".W" …
Metric = Callable[[Sequence[str], Mapping[str, int], int], float]


class CollectionError(QuotebotError):
    """The collection folder is missing a file or a line cannot be read; the message says which."""


@dataclass(frozen=True)
class IrDoc:
    """One document of the collection."""

    id: str
    title: str
    text: str

    @property
    def body(self) -> str:
        """Title and text as one string, the way BEIR's lexical baselines index a document."""
        return f"{self.title} {self.text}" if self.title else self.text


@dataclass(frozen=True)
class Collection:
    """Documents, the judged queries of one split, and their judgements."""

    name: str
    docs: tuple[IrDoc, ...]
    queries: dict[str, str]  # query id → query text, only queries with a relevant document
    qrels: dict[str, dict[str, int]]


@dataclass(frozen=True)
class Scores:
    """Mean metrics over a collection's queries."""

    ndcg10: float
    recall100: float
    recall10: float
    mrr10: float
    queries: int

    def as_dict(self) -> dict[str, float | int]:
        """The scores as plain JSON values, rounded to four places."""
        return {
            "ndcg@10": round(self.ndcg10, 4),
            "recall@100": round(self.recall100, 4),
            "recall@10": round(self.recall10, 4),
            "mrr@10": round(self.mrr10, 4),
            "queries": self.queries,
        }


def load(folder: Path, split: str = "test") -> Collection:
    """Read a collection folder, BEIR or classic SMART (``split`` applies to BEIR only)."""
    if not folder.is_dir():
        raise CollectionError(f"{folder}: not a folder")
    if not (folder / "corpus.jsonl").exists() and _smart_files(folder):
        return load_smart(folder)
    return load_beir(folder, split)


def load_beir(folder: Path, split: str = "test") -> Collection:
    """Read a BEIR-format collection folder."""
    qrels = _read_qrels(folder / "qrels" / f"{split}.tsv")
    queries_all = {row["_id"]: str(row["text"]) for row in _read_jsonl(folder / "queries.jsonl")}
    judged = {q for q, docs in qrels.items() if any(g > 0 for g in docs.values())}
    missing = judged - queries_all.keys()
    if missing:
        raise CollectionError(f"{folder}: {len(missing)} judged queries have no text")
    docs = tuple(
        IrDoc(str(row["_id"]), str(row.get("title") or ""), str(row.get("text") or ""))
        for row in _read_jsonl(folder / "corpus.jsonl")
    )
    queries = {q: queries_all[q] for q in sorted(judged, key=_natural)}
    return Collection(folder.name, docs, queries, {q: dict(qrels[q]) for q in queries})


def _smart_files(folder: Path) -> tuple[Path, Path, Path] | None:
    """The .ALL, .QRY and .REL files of a classic collection, when the folder has one of each."""
    found = []
    for suffix in (".ALL", ".QRY", ".REL"):
        paths = [p for p in folder.iterdir() if p.suffix.upper() == suffix and p.is_file()]
        if len(paths) != 1:
            return None
        found.append(paths[0])
    return found[0], found[1], found[2]


def load_smart(folder: Path) -> Collection:
    """Read a classic SMART collection (CISI, MEDLINE, CACM): .ALL, .QRY and .REL files."""
    files = _smart_files(folder)
    if files is None:
        raise CollectionError(f"{folder}: needs exactly one each of .ALL, .QRY and .REL files")
    all_path, qry_path, rel_path = files
    docs = tuple(IrDoc(i, f.get("T", ""), f.get("W", "")) for i, f in _smart_records(all_path))
    texts = {
        i: " ".join(filter(None, (f.get("T"), f.get("W")))) for i, f in _smart_records(qry_path)
    }
    qrels = _read_smart_rel(rel_path)
    missing = qrels.keys() - texts.keys()
    if missing:
        raise CollectionError(
            f"{rel_path}: {len(missing)} judged queries are not in {qry_path.name}"
        )
    queries = {q: texts[q] for q in sorted(qrels, key=int)}
    return Collection(folder.name, docs, queries, {q: qrels[q] for q in queries})


def _smart_records(path: Path) -> Iterator[tuple[str, dict[str, str]]]:
    """(id, {field letter: text}) for each ``.I`` record of a SMART file, white space folded."""
    record: str | None = None
    fields: dict[str, list[str]] = {}
    current = ""
    for number, line in enumerate(
        path.read_text(encoding="utf-8", errors="replace").splitlines(), 1
    ):
        marker = _SMART_FIELD.match(line)
        if marker and marker.group(1) == "I":
            if record is not None:
                yield record, _fold_fields(fields)
            record, fields, current = str(int(marker.group(2))), {}, ""
        elif marker:
            current = marker.group(1)
            fields.setdefault(current, []).append(marker.group(2) or "")
        elif record is None:
            raise CollectionError(f"{path}:{number}: text before the first .I line")
        elif current:
            fields[current].append(line)
    if record is not None:
        yield record, _fold_fields(fields)


def _fold_fields(fields: dict[str, list[str]]) -> dict[str, str]:
    """Each field's lines as one string with single spaces."""
    return {name: " ".join(" ".join(lines).split()) for name, lines in fields.items()}


def _read_smart_rel(path: Path) -> dict[str, dict[str, int]]:
    """Binary judgements: CISI/CACM lines are "query doc …", MEDLINE's are "query 0 doc grade"."""
    qrels: dict[str, dict[str, int]] = {}
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        cells = line.split()
        if not cells:
            continue
        if len(cells) < 2 or not all(_is_int(c) for c in cells[:2]):
            raise CollectionError(f"{path}:{number}: expected query id and document id")
        if len(cells) == 4 and cells[1] == "0" and _is_int(cells[3]):
            query, doc, grade = cells[0], cells[2], int(cells[3])  # TREC style, as MEDLINE's
        else:
            query, doc, grade = cells[0], cells[1], 1
        if grade > 0:
            qrels.setdefault(str(int(query)), {})[str(int(doc))] = grade
    return qrels


def _read_jsonl(path: Path) -> Iterator[dict[str, Any]]:
    """The JSON objects of a JSON-lines file, each with an ``_id``."""
    if not path.is_file():
        raise CollectionError(f"{path}: missing")
    with path.open(encoding="utf-8") as lines:
        for number, line in enumerate(lines, 1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as error:
                raise CollectionError(f"{path}:{number}: not JSON ({error.msg})") from None
            if not isinstance(row, dict) or "_id" not in row:
                raise CollectionError(f"{path}:{number}: not an object with an _id")
            row["_id"] = str(row["_id"])
            yield row


def _read_qrels(path: Path) -> dict[str, dict[str, int]]:
    """Judgements from a BEIR qrels file (tab-separated, header line first)."""
    if not path.is_file():
        raise CollectionError(f"{path}: missing")
    qrels: dict[str, dict[str, int]] = {}
    with path.open(encoding="utf-8", newline="") as handle:
        for number, row in enumerate(csv.reader(handle, delimiter="\t"), 1):
            if number == 1 and row and not _is_int(row[-1]):
                continue  # the header
            if len(row) != 3 or not _is_int(row[2]):
                raise CollectionError(f"{path}:{number}: expected query-id, corpus-id, score")
            qrels.setdefault(row[0], {})[row[1]] = int(row[2])
    return qrels


def _is_int(text: str) -> bool:
    """Whether ``text`` is a (possibly negative) whole number."""
    return text.lstrip("-").isdigit()


def _natural(query_id: str) -> tuple[str, int]:
    """Sort key that puts PLAIN-2 before PLAIN-10."""
    head, _, tail = query_id.rpartition("-")
    return (head, int(tail)) if tail.isdigit() else (query_id, -1)


# ------------------------------------------------------------------------------------- metrics
def ndcg_at(ranking: Sequence[str], judged: Mapping[str, int], k: int = 10) -> float:
    """nDCG@k with linear gain, as trec_eval's ndcg_cut computes it."""
    dcg = sum(
        max(judged.get(doc, 0), 0) / math.log2(rank + 1) for rank, doc in enumerate(ranking[:k], 1)
    )
    ideal_grades = sorted((g for g in judged.values() if g > 0), reverse=True)[:k]
    ideal = sum(g / math.log2(rank + 1) for rank, g in enumerate(ideal_grades, 1))
    return dcg / ideal if ideal > 0 else 0.0


def recall_at(ranking: Sequence[str], judged: Mapping[str, int], k: int = 100) -> float:
    """Share of the relevant documents found in the top k."""
    relevant = {doc for doc, grade in judged.items() if grade > 0}
    if not relevant:
        return 0.0
    return len(relevant.intersection(ranking[:k])) / len(relevant)


def mrr_at(ranking: Sequence[str], judged: Mapping[str, int], k: int = 10) -> float:
    """Reciprocal rank of the first relevant document in the top k, else 0."""
    for rank, doc in enumerate(ranking[:k], 1):
        if judged.get(doc, 0) > 0:
            return 1.0 / rank
    return 0.0


def evaluate(rankings: Mapping[str, Sequence[str]], qrels: Qrels) -> Scores:
    """Mean nDCG@10, Recall@100, Recall@10 and MRR@10 over every judged query.

    A query of ``qrels`` missing from ``rankings`` counts as an empty ranking (0 everywhere), so a
    system can't gain by skipping hard queries.
    """
    if not qrels:
        return Scores(0.0, 0.0, 0.0, 0.0, 0)

    def mean(metric: Metric, k: int) -> float:
        return statistics.fmean(metric(rankings.get(q, ()), qrels[q], k) for q in qrels)

    return Scores(
        mean(ndcg_at, 10), mean(recall_at, 100), mean(recall_at, 10), mean(mrr_at, 10), len(qrels)
    )


def dedupe(docs: Iterable[str]) -> list[str]:
    """Document ids in order of first appearance (a passage ranking becomes a document ranking)."""
    return list(dict.fromkeys(docs))
