"""The words that frame a question in another language, as the English list drops them: "before",
"after", "want", "whether" in Chinese (以后, 之前, 不想, 是否), "from where" in Russian (откуда).
They say how the question is asked, not what it is about, and are not searched."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from retrieval.library import Library
from retrieval.search.analyzer import Analyzer

FAQ = (
    "# 常见问题\n\n## 启动\n\n"
    "如果您不希望某个服务在开机时被启动，不必卸载对应的软件包，可以运行 systemctl disable。\n\n"
    "## 缓存\n\n"
    "安装完软件包后，可以删除下载的 .deb 文件，例如运行 aptitude clean。\n\n"
    "## 版本\n\n"
    "之前的版本和以后的版本都在发行说明里列出。\n"
)


@pytest.fixture(scope="module")
def faq(write_library: Callable[[dict[str, str]], Library]) -> Library:
    return write_library({"faq.md": FAQ})


@pytest.mark.parametrize(
    ("question", "framing"),
    [
        ("下载以后还要留着吗", {"zh:以后"}),
        ("升级之前要做什么", {"zh:之前", "zh:做什么"}),
        ("我不想让它启动", {"zh:不想"}),
        ("我想要升级", {"zh:想要"}),
        ("是否可以删除", {"zh:是否"}),
        ("具体干了什么", {"zh:具体", "zh:干什么"}),
    ],
)
def test_chinese_framing_words_are_not_searched(question: str, framing: set[str]) -> None:
    assert not framing & set(Analyzer().terms(question, "zh"))


def test_russian_from_where_is_a_question_word() -> None:
    assert Analyzer().terms("Откуда берутся пакеты?", "ru") == ["ru:берут", "ru:пакет"]


def test_russian_should_and_must_are_not_searched() -> None:
    # "should" and "must" are English stop words; следует ("should", "follows") also shares
    # its stem with следующий ("following"), in every passage listing commands.
    assert Analyzer().terms("Какому стандарту следует Debian?", "ru") == ["ru:стандарт", "debian"]
    assert Analyzer().terms("Что должен сделать сопровождающий?", "ru") == ["ru:сопровожда"]


def test_a_question_saying_what_it_does_not_want_finds_what_it_asks(faq: Library) -> None:
    # 不想 ("don't want") is one word to jieba, so the listed 想 did not drop it; searched, it
    # weighed as much as 开机 and 启动 and found nothing they do not.
    answer = faq.answer("有个服务我不想让它开机就启动，但也不想把包卸掉，怎么弄？")
    assert "zh:不想" not in answer.terms
    assert "systemctl disable" in answer.hits[0].passage.text


def test_after_and_before_do_not_find_a_passage_by_themselves(faq: Library) -> None:
    # "after installing, may I delete the .deb files I downloaded before?": the passage that
    # says 之前 and 以后 (of versions) is no answer.
    answer = faq.answer("软件装好以后，之前下载的那些 .deb 文件还要留着吗？")
    assert {"zh:以后", "zh:之前"}.isdisjoint(answer.terms)
    assert "aptitude clean" in answer.hits[0].passage.text


def test_how_old_in_english_asks_an_age(write_library: Callable[[dict[str, str]], Library]) -> None:
    # The answer states "the Age of thirty Years", never "old"; "old" alone is still a word.
    library = write_library(
        {
            "constitution.md": "# Constitution\n\nNo Person shall be a Senator who shall not"
            " have attained to the Age of thirty Years.\n\nThe old Senate chamber serves for"
            " ceremonies of the Senate.\n",
        }
    )
    answer = library.answer("How old must a senator be?")
    assert "age" in answer.terms
    assert "thirty Years" in answer.hits[0].passage.text
    assert "old" in library.answer("Where is the old Senate chamber?").terms


def test_how_old_still_finds_years_old(write_library: Callable[[dict[str, str]], Library]) -> None:
    # Searched as "age" alone, "How old do you have to be to join?" was declined against
    # "… at least 18 years old to join the club" (a reviewer's case).
    library = write_library(
        {
            "rules.md": "# Club rules\n\nApplicants must be at least 18 years old to join the"
            " club.\n\nMembers over the age of 65 pay half the yearly fee.\n",
        }
    )
    answer = library.answer("How old do you have to be to join?")
    assert answer.outcome != "declined"
    assert "18 years old" in answer.hits[0].passage.text
