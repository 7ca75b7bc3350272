"""The Chinese benchmark's corpus is Chinese text a reader would recognise, in real paragraph
lengths, and its questions are Chinese (issue 14's speed targets are measured on them)."""

from __future__ import annotations

import re
from pathlib import Path

from retrieval.library import Library
from tools.zhbench import SOURCES, Source, generate, questions

_HAN = re.compile(r"[\u4e00-\u9fff]")


def test_the_chinese_corpus_is_indexed_as_chinese_paragraphs(tmp_path: Path) -> None:
    source = Source("zh", SOURCES["zh"])
    generate(source, tmp_path / "corpus", 250)
    assert len(list((tmp_path / "corpus").glob("*.txt"))) == 3  # 100 paragraphs a document
    library = Library.open(tmp_path / "zh.db", tmp_path / "corpus")
    try:
        assert library.languages()[0] == "zh"
        assert library.passage_count() >= 250
    finally:
        library.close()


def test_every_question_is_chinese_and_asked_once() -> None:
    asked = questions("zh", Source("zh", SOURCES["zh"]))
    assert len(asked) == len(set(asked)) > 200
    assert all(len(_HAN.findall(q)) >= 2 for q in asked)
