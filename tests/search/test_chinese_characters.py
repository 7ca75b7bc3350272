"""Chinese in simplified or traditional characters: a question finds documents written in the
other ones."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from retrieval.library import Library
from retrieval.search import cjk
from retrieval.search.cjk import other_characters

SIMPLIFIED = (
    "# 常见问题\n\n## 升级\n\n"
    "升级软件包的时候不需要重新启动系统，软件包可以在正在运行的系统中原地升级。\n\n"
    "## 字体\n\n"
    "要更改控制台字体，请编辑 /etc/default/console-setup 文件。\n\n"
    "## 网络\n\n"
    "无线网卡需要安装对应的固件软件包才能使用。\n"
)

TRADITIONAL = (  # the same in traditional characters (OpenCC s2t)
    "# 常見問題\n\n## 升級\n\n"
    "升級軟件包的時候不需要重新啓動系統，軟件包可以在正在運行的系統中原地升級。\n\n"
    "## 字體\n\n"
    "要更改控制台字體，請編輯 /etc/default/console-setup 文件。\n\n"
    "## 網絡\n\n"
    "無線網卡需要安裝對應的固件軟件包才能使用。\n"
)


@pytest.fixture(scope="module")
def simplified(write_library: Callable[[dict[str, str]], Library]) -> Library:
    return write_library({"faq.md": SIMPLIFIED})


@pytest.fixture(scope="module")
def traditional(write_library: Callable[[dict[str, str]], Library]) -> Library:
    return write_library({"faq.md": TRADITIONAL})


def test_a_question_in_traditional_characters_finds_the_simplified_passage(
    simplified: Library,
) -> None:
    # As typed in Taiwan: 軟體 for 软件, 重新開機 for 重新启动.
    answer = simplified.answer("升級軟體的時候要不要重新啟動系統？")
    assert "原地升级" in answer.hits[0].passage.text
    assert "zh:软件" in answer.terms
    assert answer.outcome == "answered"


def test_a_question_in_simplified_characters_finds_the_traditional_passage(
    traditional: Library,
) -> None:
    # 无线网卡 and 软件包 are written 無線網卡 and 軟件包 in the documents.
    answer = traditional.answer("无线网卡需要安装什么软件包？")
    assert "固件" in answer.hits[0].passage.text
    assert "zh:網卡" in answer.terms
    assert answer.outcome == "answered"


def test_a_question_in_the_documents_own_characters_is_searched_as_typed(
    simplified: Library,
) -> None:
    answer = simplified.answer("无线网卡需要安装什么？")
    assert "固件" in answer.hits[0].passage.text
    assert "zh:无线" in answer.terms
    assert not any(term in answer.terms for term in ("zh:無線", "zh:網卡"))


def test_other_characters_gives_each_other_form_once() -> None:
    assert other_characters("软件包") == ["軟件包", "軟體包"]
    assert other_characters("軟體") == ["软体", "软件"]
    assert other_characters("apt-get install") == []


def test_a_corpus_in_simplified_characters_loads_no_converter_to_traditional(
    simplified: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The converters to traditional characters weigh 75 MB: of no use to such a corpus.
    loaded: list[str] = []
    convert = cjk._converter

    def recording(config: str) -> cjk._Converter:
        loaded.append(config)
        return convert(config)

    monkeypatch.setattr(cjk, "_converter", recording)
    answer = simplified.answer("升級軟體的時候要不要重新啟動系統？")
    assert "原地升级" in answer.hits[0].passage.text
    assert loaded and not {"s2t", "s2twp"} & set(loaded)
