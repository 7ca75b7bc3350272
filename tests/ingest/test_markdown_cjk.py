"""Chinese and Japanese Markdown as a browser shows it.

A tester (tryout 19, the Kubernetes docs in Chinese) found a space wherever a paragraph was
wrapped in the source ("…不同节点上的 容器之间"): 908 of 3,944 Chinese passages had one between
two Chinese characters. A browser drops a line break between two such characters (CSS Text's
segment-break rule), as VitePress and Hugo pages show them. A list item whose first paragraph
is a Chinese sentence was read as a label of the next one ("…给每个容器中的进程 1。: Pod 中…"):
its words were counted by spaces, and a sentence ending "。" was given a colon.
"""

from __future__ import annotations

from pathlib import Path

from readerfiles import texts

from retrieval.ingest.parsed import ParsedDocument
from retrieval.ingest.pipeline import read
from retrieval.ingest.readers.common import joined_lines

FIXTURES = Path(__file__).parent / "fixtures"


def _page(path: Path) -> ParsedDocument:
    return read(path, path.read_bytes())


def test_a_wrapped_chinese_paragraph_reads_without_spaces_at_its_breaks() -> None:
    found = texts(_page(FIXTURES / "kubernetes" / "zh" / "nodes-excerpt.md"))
    assert found[0].startswith(
        "Kubernetes 通过将容器放入在节点（Node）上运行的 Pod 中来执行你的工作负载。"
        "节点可以是一个虚拟机或者物理机器，取决于所在的集群配置。"
    )
    assert "在一个学习用或者资源受限的环境中，你的集群中也可能只有一个节点。" in found[1]


def test_a_line_break_joins_chinese_but_keeps_the_space_before_a_latin_word() -> None:
    assert joined_lines(["节点上的", "kubelet 向控制面", "执行自注册；"]) == (
        "节点上的 kubelet 向控制面执行自注册；"
    )
    assert joined_lines(["Korean keeps its spaces:", "노드는", "가상 머신"]) == (
        "Korean keeps its spaces: 노드는 가상 머신"
    )


def test_an_items_second_paragraph_follows_a_chinese_full_stop_without_a_colon() -> None:
    """FastAPI's CORS page in Chinese: "默认是 `False`。" then, indented under the item, "当
    `allow_credentials` 设为 `True` 时…" was read "默认是 False。: 当 …"."""
    found = texts(_page(FIXTURES / "fastapi-cors" / "zh" / "cors.md"))
    item = next(text for text in found if text.startswith("allow_credentials - "))
    assert "默认是 False。当 allow_credentials 设为 True 时" in item
    assert not [text for text in found if "。: " in text]


def test_a_chinese_sentence_opening_an_item_is_no_label_of_what_follows() -> None:
    source = (
        "# 终止\n\n1. `kubelet` 接下来触发容器运行时发送 TERM 信号给每个容器中的进程 1。\n\n"
        "   Pod 中的容器会在不同时刻收到 TERM 信号，接收顺序也是不确定的。\n"
    )
    assert texts(read("page.md", source.encode())) == [
        "kubelet 接下来触发容器运行时发送 TERM 信号给每个容器中的进程 1。",
        "Pod 中的容器会在不同时刻收到 TERM 信号，接收顺序也是不确定的。",
    ]
