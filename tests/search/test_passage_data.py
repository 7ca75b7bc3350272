"""Indexing a chunk of passages at once gives what analysing them one token at a time gives.

The oracle is the plain reading: each passage's fragments (:func:`analyse_passage`), its terms
numbered where first met, and names counted token by token ("Pakistan", "Édouard", "Москва"
written with a capital where no sentence starts: what follow-up questions lean on).
"""

from __future__ import annotations

import numpy as np

from retrieval.search.analyzer import Analyzer
from retrieval.search.passage_data import (
    PassageRow,
    analyse_in_worker,
    analyse_passage,
    analyse_rows,
    init_worker,
)
from retrieval.search.segments import SegmentWriter

ANALYZER = Analyzer(languages=None)
ENDS = '.!?:;"“('

TEXTS = [  # (text, section, title, year, language)
    ("Talks with Pakistan began. Pakistan said the U.S. agreed.", "Talks", "News", "2008", "en"),
    ("Officials from pakistan and Beijing met; Beijing hosted them.", "Talks", "News", None, "en"),
    ("Le ministre Édouard Martin a parlé. Édouard est venu à Paris.", None, "Notes", None, "fr"),
    ("Мы были в Москве. Потом в Москве шёл снег, и Иван ушёл.", "Зима", "Дневник", None, "ru"),
    ("软件包管理系统。使用 Debian 的 APT 工具安装软件包。", "软件", "手册", None, "zh"),
    ("  ", None, "Empty", None, "en"),
]
ROWS = [PassageRow(n, f"d-{n}", *row) for n, row in enumerate(TEXTS, 1)]


def test_a_chunk_equals_the_passages_analysed_token_by_token() -> None:
    chunk = analyse_rows(ROWS, ANALYZER)
    ids: dict[str, int] = {}
    seen: dict[int, int] = {}
    capitals: dict[int, int] = {}
    tokens, sentences = [], []
    for row in ROWS:
        for fragment in analyse_passage(row.text, ANALYZER, row.lang):
            sentences.append((fragment.start, fragment.end, len(fragment.tokens)))
            for term, start, end, _ in fragment.tokens:
                number = ids.setdefault(term, len(ids))
                tokens.append((start, end, number))
                if start >= 2 and row.text[start - 2] not in ENDS:
                    seen[number] = seen.get(number, 0) + 1
                    capitals[number] = capitals.get(number, 0) + row.text[start].isupper()
        title = ANALYZER.terms(row.title, row.lang) + ([row.year] if row.year else [])
        for term in title + ANALYZER.terms(row.section or "", row.lang):
            ids.setdefault(term, len(ids))
    assert chunk.vocabulary == list(ids)
    assert chunk.tokens.tolist() == [list(t) for t in tokens]
    assert chunk.sentences.tolist() == [list(s) for s in sentences]
    assert chunk.seen is not None and chunk.capitals is not None
    assert {i: int(n) for i, n in enumerate(chunk.seen) if n} == seen
    assert {i: int(n) for i, n in enumerate(chunk.capitals) if n} == {
        i: n for i, n in capitals.items() if n
    }
    named = {chunk.vocabulary[i] for i in np.flatnonzero(chunk.capitals)}
    assert {"pakistan", "beij", "fr:edouard", "ru:москв", "ru:ива"} <= named
    assert "talk" not in named  # a capital only where a sentence starts


def test_chunks_from_a_worker_make_the_same_segment() -> None:
    """A worker sends each term and spelling once (later chunks carry only what is new to it);
    the segment written from its chunks is the one written from whole chunks."""
    rows = [PassageRow(n, f"p-{n}", *TEXTS[n % len(TEXTS)]) for n in range(1, 40)]
    batches = [rows[i : i + 7] for i in range(0, len(rows), 7)]
    whole, thinned = SegmentWriter(None), SegmentWriter(None)
    init_worker(ANALYZER.synonyms, ANALYZER.languages)
    for batch in batches:
        whole.add(analyse_rows(batch, ANALYZER))
        thinned.add(analyse_in_worker(batch))
    ours, expected = thinned.finish(), whole.finish()
    assert ours.vocabulary == expected.vocabulary
    assert ours.words == expected.words
    for name in ("tokens", "sentences", "indptr", "docs", "values", "seen", "capitals"):
        assert np.array_equal(getattr(ours, name), getattr(expected, name)), name
