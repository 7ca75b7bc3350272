"""The words a Chinese question asks with ("是什么意思", "这是怎么回事", "上面", "带") are not
searched: a passage sharing only them ("克隆，意思是…") is not an answer."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from retrieval.library import Library

DOCS = (
    "# 概念\n\n## 克隆\n\n"
    "克隆，意思是为已有的卷创建副本，它可以像任何其它标准卷一样被使用。\n\n"
    "## Operator\n\n"
    "Operator 模式旨在记述正在管理一个或一组服务的运维人员的关键目标。\n\n"
    "## Secret\n\n"
    "这是为了防止创建非常大的 Secret，从而耗尽 API 服务器和 kubelet 的内存。\n\n"
    "## 内存\n\n"
    "如果容器的内存用量超过其限制，容器会被终止，也就是被杀掉。\n\n"
    "## 节点\n\n"
    "节点失联超过 5 分钟后，节点控制器会驱逐节点上面的所有 Pod。上面提到的时间可以配置。\n"
)


@pytest.fixture(scope="module")
def docs(write_library: Callable[[dict[str, str]], Library]) -> Library:
    return write_library({"concepts.md": DOCS})


@pytest.mark.parametrize(
    ("question", "answering"),
    [
        ("Operator 模式是啥意思", "运维人员"),
        ("Operator 模式是什么意思？", "运维人员"),
        ("容器内存超了被杀掉，这是怎么回事？", "也就是被杀掉"),
    ],
)
def test_the_words_a_question_asks_with_find_nothing(
    docs: Library, question: str, answering: str
) -> None:
    answer = docs.answer(question)
    assert not {"zh:意思", "zh:啥意思", "zh:这是", "zh:怎么回事"} & set(answer.terms)
    assert answering in answer.hits[0].passage.text


def test_a_passage_is_not_marked_for_the_question_words_it_shares(docs: Library) -> None:
    # "上面" ("on it") is "above" in English: no mark on it in the quote.
    answer = docs.answer("节点失联多久以后上面的 Pod 会被驱逐？")
    assert "5 分钟" in answer.hits[0].passage.text
    marked = answer.hits[0].excerpt.render(mark=lambda text: f"[{text}]")
    assert "[Pod]" in marked
    assert "[上面]" not in marked
