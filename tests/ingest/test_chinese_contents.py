"""A Chinese chapter's table of contents is dropped, and the paragraphs under it stay: the
FAQ's numbered entries head nothing (the last one, "9.6", headed the chapter's introduction),
and a paragraph ending in "。" is no contents entry (chapter introductions were dropped as such).

The texts are chapters of the Chinese Debian FAQ and maintainers' guide in the dev corpus
data/eval/corpora/ml-dev/zh (licences in its SOURCES.md).
"""

from __future__ import annotations

from pathlib import Path

from retrieval.ingest.passages import passages
from retrieval.ingest.pipeline import read

ZH = Path(__file__).resolve().parents[2] / "data" / "eval" / "corpora" / "ml-dev" / "zh"


def _passages(name: str) -> list[tuple[str | None, str]]:
    found = passages(read(name, (ZH / name).read_bytes()), name)
    return [(" ".join((p.section or "").split()) or None, p.text) for p in found]


def test_the_introduction_is_under_no_question_of_the_contents() -> None:
    found = _passages("debian-faq-uptodate.txt")
    (section,) = [s for s, t in found if t.startswith("Debian 的目标之一")]
    assert section is None or not section.startswith("9.")
    assert any(t.startswith("您也应该阅读发行说明") for _, t in found)


def test_no_contents_entry_is_a_passage_and_each_heads_its_own_answer() -> None:
    found = _passages("debian-faq-uptodate.txt")
    assert not any(t.startswith(("目录", "9.")) for _, t in found)
    (first,) = [s for s, t in found if t.startswith("最直接的方法")]
    assert first == "9.1. 如何使 Debian 系统保持最新？"


def test_a_chapter_introduction_ending_in_a_full_stop_is_no_contents_entry() -> None:
    first, second = _passages("maint-guide-build.txt")[:2]
    assert first[1].startswith("本教程文档已被重写为另外的 Debian 维护者指导")
    assert second[1] == "现在我们已经为构建软件包做好了准备。"


def test_a_chinese_chapter_line_is_the_title() -> None:
    name = "debian-faq-uptodate.txt"
    document = read(name, (ZH / name).read_bytes())
    assert " ".join(document.title.split()) == "第 9 章 使您的 Debian 系统保持最新状态"
