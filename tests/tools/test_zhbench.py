"""The Chinese benchmark's corpus is Chinese text a reader would recognise, in real paragraph
lengths, and its questions are Chinese (issue 14's speed targets are measured on them); the
English one it is compared with repeats each sentence as often, and none of its questions is
refused unsearched."""

from __future__ import annotations

import re
from pathlib import Path

from retrieval.library import Library
from retrieval.search.analyzer import Analyzer
from tools.zhbench import SOURCES, Source, generate, matched, questions

_HAN = re.compile(r"[\u4e00-\u9fff]")


def test_the_chinese_corpus_is_indexed_as_chinese_paragraphs(tmp_path: Path) -> None:
    source = Source("zh", SOURCES["zh"])
    generate(source, tmp_path / "corpus", 250)
    assert len(list((tmp_path / "corpus").glob("*.txt"))) == 3  # 100 paragraphs a document
    library = Library.open(tmp_path / "zh.db", tmp_path / "corpus")
    try:
        assert library.languages()[0] == "zh"
        # one passage a paragraph, but for a short sentence quoted with the bullet item under it
        # (the Debian reference's sentences include its items, "-   迷你 Debian 系统中…")
        assert library.passage_count() >= 225
    finally:
        library.close()


def test_every_question_is_chinese_and_asked_once() -> None:
    asked = questions("zh", Source("zh", SOURCES["zh"]))
    assert len(asked) == len(set(asked)) > 200
    assert all(len(_HAN.findall(q)) >= 2 for q in asked)


def test_both_corpora_draw_on_as_many_distinct_sentences() -> None:
    zh, en = Source("zh", SOURCES["zh"]), Source("en", SOURCES["en"])
    assert len(en.sentences) > 2 * len(zh.sentences)  # as read: three times as much English
    matched([zh, en])
    assert len(set(zh.sentences)) == len(set(en.sentences)) == len(zh.sentences) > 1000


def test_every_english_question_has_a_word_that_is_searched() -> None:
    asked = questions("en", Source("en", SOURCES["en"]))
    analyzer = Analyzer()
    assert len(asked) == len(set(asked)) > 200
    assert all(analyzer.terms(q, "en") for q in asked)
