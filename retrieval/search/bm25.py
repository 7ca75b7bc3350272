"""BM25 over passages, behind one small interface: build, save, load, search.

Scores are computed eagerly at build time, as bm25s does: for every (term, passage) pair the index
keeps the passage's whole BM25 contribution for that term, so a search only adds up a few rows of a
sparse matrix and picks the top k. Three fields count: the passage text, and more weakly its
section title and document title (BM25F-style: each field's term frequency is normalised by that
field's length, then weighted). A question's terms may carry weights (follow-up context counts
less than the question itself).

Where this deliberately differs from rank-bm25's ``BM25Okapi``: the IDF is Lucene's
``ln(1 + (N - df + 0.5) / (df + 0.5))``, which is always positive, where rank-bm25 uses
``ln((N - df + 0.5) / (df + 0.5))`` and replaces the negative values of terms in over half the
passages by ``epsilon * mean idf``. With rank-bm25's formula a term in most passages (here "China")
subtracts from a passage's score, and on a tiny corpus every score can be zero. The term-frequency
part is the same; ``tests/test_index.py`` checks the scores against rank-bm25 with the IDF swapped,
and shows the cases where plain rank-bm25 ranks differently.
"""

from __future__ import annotations

import math
import os
import zipfile
from array import array
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

K1 = 1.2
B = 0.5
FIELD_WEIGHTS = (1.0, 0.5, 0.25)  # passage text, section title, document title
DENSE_RATIO = 8  # postings over 1/8 of the passages: score into one array over all of them


def idf(df: npt.ArrayLike, n_docs: int) -> npt.NDArray[np.float64]:
    """Lucene's BM25 IDF: positive for every term, even one in every passage."""
    d = np.asarray(df, dtype=np.float64)
    return np.log1p((n_docs - d + 0.5) / (d + 0.5))


@dataclass(frozen=True)
class SearchResult:
    """Passage numbers (positions in the build order) ranked by score, and how many matched."""

    docs: npt.NDArray[np.int64]
    scores: npt.NDArray[np.float32]
    total: int


class BM25Index:
    """An immutable BM25 index; build it with :meth:`build` or read it with :meth:`load`."""

    def __init__(
        self,
        vocabulary: list[str],
        indptr: npt.NDArray[np.int64],
        doc_ids: npt.NDArray[np.int32],
        values: npt.NDArray[np.float32],
        df: npt.NDArray[np.int32],
        n_docs: int,
    ) -> None:
        self.vocabulary = vocabulary
        self.term_ids = {term: i for i, term in enumerate(vocabulary)}
        self.indptr = indptr
        self.doc_ids = doc_ids
        self.values = values
        self.df = df
        self.n_docs = n_docs
        self.idf = idf(df, n_docs) if n_docs else np.zeros(len(vocabulary))
        self.max_idf = float(idf([1], max(n_docs, 1))[0])

    @classmethod
    def build(
        cls,
        fields: Iterable[Sequence[Sequence[str]]],
        weights: Sequence[float] = FIELD_WEIGHTS,
        k1: float = K1,
        b: float = B,
    ) -> BM25Index:
        """Index passages given as ``fields[passage][field] = terms`` (any iterable: streamed).

        One pass collects (term, passage, tf) per field into compact arrays; the BM25 values are
        then computed with numpy, so memory grows with the postings, not with Python objects.
        """
        vocabulary: dict[str, int] = {}
        columns = [(array("i"), array("i"), array("H")) for _ in weights]  # term, passage, tf
        lengths = [array("i") for _ in weights]
        n_docs = 0
        for d, doc in enumerate(fields):
            n_docs += 1
            for f, (term_col, doc_col, tf_col) in enumerate(columns):
                terms = doc[f] if f < len(doc) else ()
                lengths[f].append(len(terms))
                for term, tf in Counter(terms).items():
                    term_col.append(vocabulary.setdefault(term, len(vocabulary)))
                    doc_col.append(d)
                    tf_col.append(min(tf, 65535))
        n_terms = len(vocabulary)
        parts_terms, parts_docs, parts_values = [], [], []
        for f, weight in enumerate(weights):
            term_ids = np.frombuffer(columns[f][0], dtype=np.int32)
            if weight == 0 or not len(term_ids):
                continue
            doc_ids = np.frombuffer(columns[f][1], dtype=np.int32)
            tf_values = np.frombuffer(columns[f][2], dtype=np.uint16).astype(np.float32)
            field_lengths = np.frombuffer(lengths[f], dtype=np.int32).astype(np.float32)
            average = max(float(field_lengths.mean()), 1.0)
            norm = k1 * (1 - b + b * field_lengths[doc_ids] / average)
            parts_values.append(weight * tf_values * (k1 + 1) / (tf_values + norm))
            parts_terms.append(term_ids)
            parts_docs.append(doc_ids)
        if not parts_terms:
            empty_i = np.zeros(0, dtype=np.int32)
            return cls(
                list(vocabulary), np.zeros(n_terms + 1, np.int64), empty_i,
                np.zeros(0, np.float32), np.zeros(n_terms, np.int32), n_docs,
            )  # fmt: skip
        # Sort the postings term-major, passage-minor, and add up a term's fields per passage.
        keys = np.concatenate(parts_terms).astype(np.int64) * max(n_docs, 1)
        keys += np.concatenate(parts_docs)
        order = np.argsort(keys, kind="stable")
        keys = keys[order]
        values = np.concatenate(parts_values)[order]
        del order
        starts = np.flatnonzero(np.r_[True, keys[1:] != keys[:-1]])
        summed = np.add.reduceat(values, starts)
        unique_keys = keys[starts]
        del keys, values
        term_of_entry = (unique_keys // max(n_docs, 1)).astype(np.int32)
        doc_ids_out = (unique_keys % max(n_docs, 1)).astype(np.int32)
        counts = np.bincount(term_of_entry, minlength=n_terms)
        # IDF from the passage text where the term occurs there: a word of a document's title is
        # in every passage's title field, which would make it look common when it is not.
        body_df = np.bincount(np.frombuffer(columns[0][0], dtype=np.int32), minlength=n_terms)
        df = np.where(body_df > 0, body_df, counts).astype(np.int32)
        summed = (summed * idf(df, n_docs)[term_of_entry]).astype(np.float32)
        indptr = np.zeros(n_terms + 1, dtype=np.int64)
        np.cumsum(counts, out=indptr[1:])
        return cls(list(vocabulary), indptr, doc_ids_out, summed, df, n_docs)

    def term_idf(self, term: str) -> float | None:
        """The IDF of ``term``, or None when no passage has it."""
        i = self.term_ids.get(term)
        return None if i is None else float(self.idf[i])

    def postings(self, term: str) -> tuple[npt.NDArray[np.int32], npt.NDArray[np.float32]]:
        """The passages holding ``term`` and the term's score in each."""
        i = self.term_ids.get(term)
        if i is None:
            empty = np.zeros(0, dtype=np.int32)
            return empty, np.zeros(0, dtype=np.float32)
        lo, hi = int(self.indptr[i]), int(self.indptr[i + 1])
        return self.doc_ids[lo:hi], self.values[lo:hi]

    def scores(self, query: Mapping[str, float]) -> npt.NDArray[np.float64]:
        """The score of every passage for weighted query terms (dense; for tests and oracles)."""
        total = np.zeros(self.n_docs, dtype=np.float64)
        for term, weight in query.items():
            docs, values = self.postings(term)
            np.add.at(total, docs, weight * values.astype(np.float64))
        return total

    def search(self, query: Mapping[str, float], k: int, offset: int = 0) -> SearchResult:
        """The passages ranked ``offset`` to ``offset + k`` by score, best first.

        Ties are broken by passage order, so the same question always pages the same way.
        """
        terms = [
            (docs, values, w)
            for (docs, values), w in ((self.postings(t), w) for t, w in query.items())
            if len(docs) and w > 0
        ]
        if not terms or k <= 0:
            return SearchResult(np.zeros(0, np.int64), np.zeros(0, np.float32), 0)
        postings = sum(len(docs) for docs, _, _ in terms)
        if len(terms) > 1 and postings * DENSE_RATIO > self.n_docs:
            return self._search_dense(terms, k, offset)
        if len(terms) == 1:
            docs, values, weight = terms[0]
            candidates, summed = docs.astype(np.int64), values * np.float32(weight)
        else:
            docs = np.concatenate([d for d, _, _ in terms])
            values = np.concatenate([v * np.float32(w) for _, v, w in terms])
            candidates, inverse = np.unique(docs, return_inverse=True)
            summed = np.zeros(len(candidates), dtype=np.float32)
            np.add.at(summed, inverse, values)
        return _page(candidates.astype(np.int64), summed, len(candidates), offset, k)

    def _search_dense(
        self,
        terms: list[tuple[npt.NDArray[np.int32], npt.NDArray[np.float32], float]],
        k: int,
        offset: int,
    ) -> SearchResult:
        """Scores for a question whose words are in a large share of the corpus: one float32
        accumulator over every passage (a term's postings hold each passage at most once, so a
        plain indexed add is exact), then a partial sort of the best."""
        scores = np.zeros(self.n_docs, dtype=np.float32)
        for docs, values, weight in terms:
            scores[docs] += values * np.float32(weight)
        total = int(np.count_nonzero(scores))
        want = min(offset + k, total)
        if want == 0:
            return SearchResult(np.zeros(0, np.int64), np.zeros(0, np.float32), 0)
        cutoff = -np.partition(-scores, want - 1)[want - 1]
        top = np.flatnonzero(scores >= max(cutoff, np.float32(1e-30)))
        return _page(top.astype(np.int64), scores[top], total, offset, k)

    # ----------------------------------------------------------------------------- persistence
    def save(
        self,
        path: Path,
        tag: str,
        extras: Mapping[str, list[str]] | None = None,
        side_arrays: Mapping[str, npt.NDArray[Any]] | None = None,
    ) -> None:
        """Write the index (and lists of strings beside it) atomically: a temporary file, then
        a rename, so a crash never leaves half an index."""
        tmp = path.with_name(path.name + f".tmp{os.getpid()}")
        vocab = "\n".join(self.vocabulary).encode("utf-8")
        strings = {
            f"extra_{name}": np.frombuffer("\n".join(items).encode("utf-8"), dtype=np.uint8)
            for name, items in (extras or {}).items()
        }
        arrays: dict[str, npt.NDArray[Any]] = {
            **strings,
            **{f"side_{name}": array for name, array in (side_arrays or {}).items()},
            "tag": np.frombuffer(tag.encode("utf-8"), dtype=np.uint8),
            "vocabulary": np.frombuffer(vocab, dtype=np.uint8),
            "indptr": self.indptr,
            "doc_ids": self.doc_ids,
            "values": self.values,
            "df": self.df,
            "n_docs": np.array([self.n_docs], dtype=np.int64),
        }
        with open(tmp, "wb") as handle:
            np.savez(handle, allow_pickle=False, **arrays)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)

    @classmethod
    def load(
        cls, path: Path, tag: str
    ) -> tuple[BM25Index, dict[str, list[str]], dict[str, npt.NDArray[Any]]] | None:
        """Read an index saved with the same ``tag`` and its extras; None when missing, stale
        or damaged (the caller rebuilds it)."""
        try:
            with np.load(path, allow_pickle=False) as data:
                if bytes(data["tag"]).decode("utf-8") != tag:
                    return None
                raw = bytes(data["vocabulary"]).decode("utf-8")
                extras = {}
                side = {
                    name.removeprefix("side_"): data[name]
                    for name in data.files
                    if name.startswith("side_")
                }
                for name in data.files:
                    if name.startswith("extra_"):
                        text = bytes(data[name]).decode("utf-8")
                        extras[name.removeprefix("extra_")] = text.split("\n") if text else []
                index = cls(
                    raw.split("\n") if raw else [],
                    data["indptr"],
                    data["doc_ids"],
                    data["values"],
                    data["df"],
                    int(data["n_docs"][0]),
                )
                return index, extras, side
        except (OSError, ValueError, KeyError, UnicodeDecodeError, EOFError, zipfile.BadZipFile):
            return None  # truncated, bit-flipped or from another version: rebuilt by the caller


def _page(
    candidates: npt.NDArray[np.int64],
    summed: npt.NDArray[np.float32],
    total: int,
    offset: int,
    k: int,
) -> SearchResult:
    """Ranks ``offset`` to ``offset + k`` of scored candidates (score, then passage order)."""
    want = min(offset + k, len(candidates))
    if want < len(candidates):
        # argpartition finds the top `want` without sorting everything; every passage tied with
        # the last of them is kept too, so ties are broken by passage order below and not by
        # where the partition happened to cut (pages must never repeat or skip a passage).
        cutoff = summed[np.argpartition(-summed, want - 1)[want - 1]]
        top = np.flatnonzero(summed >= cutoff)
    else:
        top = np.arange(len(candidates))
    # lexsort: the last key is primary: score descending, then passage number ascending.
    ranked = top[np.lexsort((candidates[top], -summed[top]))]
    chosen = ranked[offset : offset + k]
    return SearchResult(candidates[chosen], summed[chosen].astype(np.float32), total)


def lucene_idf(df: int, n_docs: int) -> float:
    """Scalar form of :func:`idf`, for oracle tests."""
    return math.log(1 + (n_docs - df + 0.5) / (df + 0.5))
