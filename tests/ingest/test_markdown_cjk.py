"""Chinese and Japanese Markdown as a browser shows it.

A tester (tryout 19, the Kubernetes docs in Chinese) found a space wherever a paragraph was
wrapped in the source ("…不同节点上的 容器之间"): 908 of 3,944 Chinese passages had one between
two Chinese characters. A browser drops a line break between two such characters (CSS Text's
segment-break rule), as VitePress and Hugo pages show them.
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
