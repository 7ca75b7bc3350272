"""Plain rank-bm25 as a yardstick: whitespace tokens, blank-line paragraphs, no clean-up.

This is what a first attempt would do with the named library and nothing else. ``quotebot eval
--engine rank-bm25`` scores it on the same question file, so the closing figures can show what the
analyzer, the paragraph reflow and the re-ranking each earn. It never declines: rank-bm25 has no
notion of "not found".
"""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np
from rank_bm25 import BM25Okapi

from retrieval.ingest.refresh import corpus_files
from retrieval.model import Answer, Excerpt, Hit, Passage, Segment


class PlainBM25:
    """rank-bm25's ``BM25Okapi`` over the corpus folder, split at blank lines."""

    def __init__(self, folder: Path) -> None:
        self.passages: list[Passage] = []
        for path in corpus_files(folder):
            text = path.read_text(encoding="utf-8", errors="replace")
            blocks = [b.strip() for b in re.split(r"\n\s*\n", text) if b.strip()]
            for number, block in enumerate(blocks, 1):
                self.passages.append(
                    Passage(
                        f"{path.stem}-{number}", path.name, path.name, None, number, block, number
                    )
                )
        self.bm25 = BM25Okapi([p.text.lower().split() for p in self.passages])

    def answer(self, question: str, context: str | None = None, k: int = 10) -> Answer:
        query = f"{context} {question}" if context else question
        scores = self.bm25.get_scores(query.lower().split())
        order = np.argsort(-scores, kind="stable")[:k]
        hits = tuple(
            Hit(self.passages[i], float(scores[i]), Excerpt((Segment(self.passages[i].text),)), r)
            for r, i in enumerate(order, 1)
        )
        return Answer(
            question, query, hits, answered=True, confidence=1.0, total=len(self.passages)
        )
