"""Indexing's fast path gives every English passage exactly the tokens the analyzer gives it.

The oracle is :meth:`Analyzer.tokens` on each text alone: the same terms, offsets and folded
words, phrases of the synonym table included (also one cut short by a passage's end), for texts
analysed many at a time by a table that has met some of their spellings before.
"""

from __future__ import annotations

import random

from retrieval.search.analyzer import Analyzer, Synonyms, default_synonyms_path
from retrieval.search.passage_data import PassageRow, analyse_passage, analyse_rows
from retrieval.search.token_columns import TermTable, english_columns

ANALYZER = Analyzer(Synonyms.load(default_synonyms_path()))

TEXTS = [
    "The United Nations Security Council met the U.S. delegation in New York.",
    "Counter-terrorism co-operation, anti-missile defence and the 2003-2004 plan.",
    "China's defense budget rose to 3,362 million; Cambodia,654 is two words.",
    "The Belt and Road initiative; the belt and road; the UN and the un-named.",
    "Dmitry A. Medvedev said No. 1373 (e.g. the resolution) applies.",
    "Café naïve résumé: Zürich’s coöperation – “quoted” words.",
    "United",  # a phrase's first word at a text's end
    "the United",
    "States of the United Nations were United",
    "",
    "   ",
    "x1.5 version 2.0.1 R&D AT&T C++ rock'n'roll",
]


def _expected(text: str) -> list[tuple[str, int, int, str]]:
    return [tuple(t) for t in ANALYZER.tokens(text, "en")]  # type: ignore[misc]


def _columns(table: TermTable, texts: list[str]) -> list[list[tuple[str, int, int, str]]]:
    found = english_columns(table, texts)
    out: list[list[tuple[str, int, int, str]]] = [[] for _ in texts]
    names = table.names
    for text, start, end, term, word in zip(*(c.tolist() for c in found), strict=True):
        out[text].append((names[term], start, end, names[word]))
    return out


def test_english_columns_equal_the_analyzer_text_by_text() -> None:
    table = TermTable(Analyzer(Synonyms.load(default_synonyms_path())))
    assert _columns(table, TEXTS) == [_expected(t) for t in TEXTS]
    assert _columns(table, TEXTS[::-1]) == [_expected(t) for t in TEXTS[::-1]]  # spellings met


def test_shuffled_words_give_the_same_tokens() -> None:
    """Words of the texts above in random orders, so phrases start, end and break anywhere."""
    words = " ".join(TEXTS).split()
    rng = random.Random(7)
    texts = [" ".join(rng.choices(words, k=rng.randint(0, 30))) for _ in range(300)]
    table = TermTable(Analyzer(Synonyms.load(default_synonyms_path())))
    for first in range(0, len(texts), 64):
        batch = texts[first : first + 64]
        assert _columns(table, batch) == [_expected(t) for t in batch]


def test_a_chunk_of_mixed_languages_keeps_each_passage_in_its_sentences() -> None:
    rows = [
        PassageRow(n, f"p-{n}", text, None, "Title", None, lang)
        for n, (text, lang) in enumerate(
            [(TEXTS[0], "en"), ("Мы были в Москве. Потом снег.", "ru"), (TEXTS[4], "en"),
             ("软件包管理系统。使用 APT 工具。", "zh"), (TEXTS[5], "en"), ("   ", "en")],
            1,
        )
    ]  # fmt: skip
    chunk = analyse_rows(rows, ANALYZER)
    tokens, sentences = [], []
    for row in rows:
        for fragment in analyse_passage(row.text, ANALYZER, row.lang):
            sentences.append([fragment.start, fragment.end, len(fragment.tokens)])
            tokens += [[t.start, t.end, chunk.vocabulary.index(t.term)] for t in fragment.tokens]
    assert chunk.tokens.tolist() == tokens
    assert chunk.sentences.tolist() == sentences
