"""Features of the re-ranking's candidates on the dev question sets, for fitting its weights.

``python -m tools.rerank_features OUT.json [--set NAME ...] [--depth N]``: every answerable
question of every set with role "dev" in ``data/eval/sets.toml`` (or those named) is asked as
``quotebot eval`` asks it (the follow-up's context too), and BM25's best ``depth`` candidates
handed to :func:`rank.rerank` are written with their features (:data:`FEATURES`), whether each
holds the question's gold (the label, as :func:`evaluation.hit_rank` decides), the order the
re-ranking gave them, and the rank of the gold in the answer. Held-out sets are refused: their
questions are never read here. :mod:`tools.rerank_fit` fits and cross-validates on the file.
"""

from __future__ import annotations

import argparse
import functools
import json
import math
import re
import shutil
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import retrieval.library as library_module
from retrieval.library import Library
from retrieval.model import Passage
from retrieval.search import rank
from retrieval.search.excerpts import Matches, pick_window
from retrieval.text import fold
from tools.evaluation import (
    Question,
    QuestionSet,
    _context_of,
    hit_rank,
    read_questions,
    read_sets,
)

SCRATCH = Path("/tmp/quotebot-rerank-features")
FEATURES = (
    "bm25",  # BM25 over the best candidate's
    "log_rank",  # log(1 + BM25 position)
    "window",  # the best 1-3 sentence window's coverage (code at CODE_SHARE), over the total
    "single",  # the best single sentence's coverage
    "head",  # the question weight only its headings and title hold (not the window)
    "question_head",  # the same, under a heading that is itself a question
    "phrase",  # the question's word pairs written as asked
    "whole",  # the question weight the whole passage text holds
    "head_all",  # the question weight its headings and title hold, window or not
    "log_chars",  # log of its length in characters
    "log_sentences",  # log(1 + its sentences)
    "code",  # a code passage
    "table",  # a table row
    "listing",  # holds a bulleted or numbered list
    "depth",  # the headings above its section (0 to 3)
    "same_section",  # in the best BM25 candidate's document and section
    "same_doc",  # in the best BM25 candidate's document
    "rarest",  # holds the question's rarest term the candidates hold
    "rare_share",  # its rarest held term's weight over the question's rarest
    "short",  # under 100 characters
    "first_of_section",  # the first passage of its section (the one before is another's)
    "log_span",  # log(1 + the fewest characters of the window holding all its question terms)
    "close_window",  # "window" over log(e + that span / 20): the same terms nearer together
    "loose_phrase",  # the question's word pairs within 30 characters, in either order
    "density",  # the share of the passage's characters that are question words
)
_LIST = re.compile(r"(?m)^\s*(?:[-*•▪◦]|\d{1,2}[.)])\s+\S")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--set", action="append", default=[], help="only this dev set")
    parser.add_argument("--depth", type=int, default=20, help="candidates kept a question")
    args = parser.parse_args(argv)
    rows = {}
    for question_set in dev_sets(args.set):
        rows[question_set.name] = _set_rows(
            question_set.name,
            question_set.corpus,
            read_questions(question_set.questions),
            args.depth,
        )
        print(question_set.name, len(rows[question_set.name]), file=sys.stderr)
    args.out.write_text(json.dumps({"features": FEATURES, "sets": rows}))
    return 0


def dev_sets(names: Sequence[str] = ()) -> list[QuestionSet]:
    """The sets with role "dev" (those ``names``, when given); a held-out or unknown name is
    refused: held-out questions are never read to fit the re-ranking."""
    listed = {s.name: s for s in read_sets()}
    refused = [n for n in names if n not in listed or listed[n].role != "dev"]
    if refused:
        raise SystemExit(f"not a dev set, never read here: {', '.join(refused)}")
    return [s for s in listed.values() if s.role == "dev" and (not names or s.name in names)]


def _set_rows(
    name: str, corpus: Path, questions: Sequence[Question], depth: int
) -> list[dict[str, Any]]:
    folder = SCRATCH / name
    if not folder.exists():
        shutil.copytree(corpus, folder, ignore=shutil.ignore_patterns("SOURCES.md"))
    library = Library.open(folder.with_suffix(".db"), folder)
    captured: list[dict[str, Any]] = []
    original = rank.rerank

    def capturing(*args: Any, **kwargs: Any) -> list[rank.Ranked]:
        ranked = original(*args, **kwargs)
        if len(args) >= 4 and not captured:  # the question's own search (library._search)
            captured.append(_candidates(library, ranked, depth, *args))
        return ranked

    rank.rerank = capturing
    rows = []
    try:
        for q in questions:
            if not q.answerable:
                continue
            captured.clear()
            answer = library.answer(q.question, context=_context_of(q), k=10)
            if not captured:
                continue
            row = captured[0]
            row["labels"] = [_holds(q, p) for p in row.pop("passages")]
            row["id"], row["kind"] = q.id, q.kind
            row["final_rank"] = hit_rank(q, [h.passage for h in answer.hits])
            rows.append(row)
    finally:
        rank.rerank = original
        library.close()
    return rows


def _holds(question: Question, passage: Passage) -> bool:
    text = fold(passage.text)
    return any(passage.doc == doc and fold(gold) in text for doc, gold in question.golds())


def _candidates(
    library: Library,
    ranked: list[rank.Ranked],
    depth: int,
    candidates: Sequence[tuple[Passage, float]],
    question: rank.QuestionWeights,
    matches: Sequence[Matches],
    heads: Sequence[int],
    extra: tuple[int, int] | None = None,
) -> dict[str, Any]:
    """The first ``depth`` candidates' features, passages and the re-ranking's order."""
    current = library._current()
    analyzer = library_module._analyzer_of(library, current)
    head_terms = functools.partial(library._head_terms, analyzer)
    head_of: Callable[[Passage], int] = functools.partial(
        library_module._head_mask, terms=question.terms, head_terms=head_terms
    )
    kept = list(candidates[:depth])
    position = {p.id: i for i, (p, _) in enumerate(kept)}
    order = [position[r.passage.id] for r in ranked if r.passage.id in position]
    top = kept[0][1] if kept else 1.0
    terms, total = question.ranking, question.ranking_total
    rarest = max(range(len(terms.weights)), key=terms.weights.__getitem__, default=None)
    first = kept[0][0] if kept else None
    features = []
    for i, ((passage, bm25), found) in enumerate(zip(kept, matches, strict=False)):
        head = heads[i] if i < len(heads) else head_of(passage)
        features.append(
            _features(
                library, passage, bm25 / top, i, found, head, terms, total, rarest, first, question
            )
        )
    return {
        "x": features,
        "passages": [p for p, _ in kept],
        "order": order,
        "extra": extra[0] if extra is not None else None,
    }


def _features(
    library: Library,
    passage: Passage,
    bm25: float,
    position: int,
    found: Matches,
    head: int,
    terms: Any,
    total: float,
    rarest: int | None,
    first: Passage | None,
    question: rank.QuestionWeights,
) -> list[float]:
    span = pick_window(found.masks, terms)
    covered, window = rank._window_coverage(passage, found, span, terms)
    single = max(map(terms.coverage, set(found.masks)), default=0.0)
    only_head = terms.coverage(head & ~covered) / total
    asks = rank._asks(passage.section)
    mask = found.mask
    held = [terms.weights[b] for b in range(len(terms.weights)) if (mask | head) >> b & 1]
    most = max(terms.weights, default=1.0) or 1.0
    assert first is not None
    return [
        bm25,
        math.log1p(position),
        window / total,
        single / total,
        0.0 if asks else only_head,
        only_head if asks else 0.0,
        rank.phrase_weight(found, question.phrases, terms) / total,
        terms.coverage(mask) / total,
        terms.coverage(head) / total,
        math.log(max(len(passage.text), 1)),
        math.log1p(len(found.masks)),
        float(passage.kind == "code"),
        float(passage.kind == "table"),
        float(bool(_LIST.search(passage.text))),
        float(min(len(passage.above), 3)),
        float(passage.doc == first.doc and passage.section == first.section),
        float(passage.doc == first.doc),
        float(rarest is not None and bool((mask | head) >> rarest & 1)),
        max(held, default=0.0) / most,
        float(len(passage.text) < 100),
        float(_first_of_section(library, passage)),
        *_closeness(passage, found, span, window / total, question, terms, total),
    ]


def _closeness(
    passage: Passage,
    found: Matches,
    span: tuple[int, int],
    window: float,
    question: rank.QuestionWeights,
    terms: Any,
    total: float,
) -> list[float]:
    """How near each other the question's words stand: the window's tightest span holding all
    its terms, the window's coverage scaled down by it, word pairs near in any order, density."""
    marks = sorted(m for sentence in found.marks[span[0] : span[1]] for m in sentence)
    wanted = {bit for _, _, bit in marks}
    tightest, seen, low = 0, dict[int, int](), 0
    for _, end, bit in marks:
        seen[bit] = seen.get(bit, 0) + 1
        while len(seen) == len(wanted):
            width = end - marks[low][0]
            tightest = width if not tightest else min(tightest, width)
            first = marks[low][2]
            seen[first] -= 1
            if not seen[first]:
                del seen[first]
            low += 1
    pairs = {frozenset(p) for p in question.phrases}
    near = {
        frozenset((a, b))
        for sentence in found.marks
        for i, (_, a_end, a) in enumerate(sentence)
        for start, _, b in sentence[i + 1 :]
        if start - a_end <= 30 and a != b and frozenset((a, b)) in pairs
    }
    loose = sum(min(terms.weights[a] for a in pair) for pair in near)
    words = sum(end - start for sentence in found.marks for start, end, _ in sentence)
    return [
        math.log1p(tightest),
        window / math.log(math.e + tightest / 20),
        loose / total,
        words / max(len(passage.text), 1),
    ]


def _first_of_section(library: Library, passage: Passage) -> bool:
    key, _, ordinal = passage.id.rpartition("-")
    if not ordinal.isdigit() or int(ordinal) <= 1:
        return True
    before = library.store.passage(f"{key}-{int(ordinal) - 1}")
    return before is None or (before.section, before.above) != (passage.section, passage.above)


if __name__ == "__main__":
    raise SystemExit(main())
