"""Chinese questions as people type them: the words of a spoken yes-no question ("能不能") and
the words jieba guesses ("这台", "那用") are not searched as words the documents lack."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from retrieval.library import Library
from retrieval.search import cjk

FAQ = (
    "# 常见问题\n\n## 电源\n\n"
    "升级过程中不能关闭电源，也不能重新启动。没有网络时不能下载软件包。\n\n"
    "## 自动升级\n\n"
    "可以使用 cron-apt 让系统定期升级。\n\n"
    "## 缓存\n\n"
    "如果网络上有多台机器，可以使用 apt-cacher 只下载一次。\n\n"
    "## 版本\n\n"
    "要确认系统的版本，请运行 lsb_release -a 命令。\n\n"
    "## 升级\n\n"
    "要从命令行升级系统，请运行 aptitude full-upgrade 命令。\n\n"
    "也可以运行 apt-get dist-upgrade 命令。\n"
)


@pytest.fixture(scope="module")
def faq(write_library: Callable[[dict[str, str]], Library]) -> Library:
    return write_library({"faq.md": FAQ})


def test_a_yes_no_question_does_not_search_its_negation(faq: Library) -> None:
    # 能不能 "can it or can it not" is cut 能 + 不能 ("cannot"): the passage saying what
    # cannot be done during an upgrade is no answer to "can it upgrade regularly?".
    answer = faq.answer("能不能定期升级？")
    assert "zh:不能" not in answer.terms
    assert "cron-apt" in answer.hits[0].passage.text
    assert answer.outcome == "answered"


def test_have_or_have_not_is_no_word_of_the_question(faq: Library) -> None:
    answer = faq.answer("有没有办法定期升级？")
    assert "zh:没有" not in answer.terms
    assert "cron-apt" in answer.hits[0].passage.text


def test_a_word_jieba_guesses_is_read_as_dictionary_words(faq: Library) -> None:
    # 这台 ("this [machine]") is no dictionary word: jieba's model joins 这 and 台, and a
    # question holding it was declined as asking about a word the documents lack. 台 alone
    # (a measure word, "多台机器") is in the documents, and says nothing of what is asked.
    assert ("这台", 1, 3) in cjk.chinese_words("我这台机器")
    assert ("这台", 1, 3) not in cjk.dictionary_words("我这台机器")
    answer = faq.answer("我这台电脑怎么看版本？")
    assert "zh:这台" not in answer.terms
    assert "lsb_release" in answer.hits[0].passage.text
    assert answer.outcome == "answered"


def test_a_follow_up_opening_with_a_guessed_word_searches_what_it_names(faq: Library) -> None:
    # 那用 ("then with") of "那用 apt-get 呢？" is no word the documents lack.
    answer = faq.answer("那用 apt-get 呢？", context=["用 aptitude 怎么升级整个系统？"])
    assert "zh:那用" not in answer.terms
    assert "apt-get dist-upgrade" in answer.hits[0].passage.text
    assert answer.outcome == "answered"


def test_a_word_across_the_seam_of_a_longer_one_is_not_found_in_it(
    write_library: Callable[[dict[str, str]], Library],
) -> None:
    # 普通用户 ("ordinary user") is 普通 + 用户: the 通用 ("general") across its seam is no
    # word of it, and a passage saying 普通用户 twice came before the one on general packages.
    assert [w for w, _, _ in cjk.chinese_words("普通用户")] == ["普通用户", "普通", "用户"]
    assert "通用" not in [w for w, _, _ in cjk.dictionary_words("普通用户")]
    assert "务器" not in [w for w, _, _ in cjk.chinese_words("服务器")]
    library = write_library(
        {
            "faq.md": "# 常见问题\n\n## 架构\n\n"
            "有些软件包是通用的，适合所有架构，但占用较多空间。\n\n"
            "## 权限\n\n普通用户不能安装软件包：普通用户要用 sudo 安装软件包。\n"
        }
    )
    answer = library.answer("哪些软件包是通用的？")
    assert "适合所有架构" in answer.hits[0].passage.text


def test_the_verb_of_a_yes_no_question_is_still_asked(faq: Library) -> None:
    # 卡不卡 "does it lag or not": the negation goes, the verb 卡 it asks about stays.
    terms = faq.answer("这个软件卡不卡？").terms
    assert "zh:卡" in terms
    assert not any("不" in term for term in terms)


def test_an_idiom_the_documents_tell_in_other_words_is_searched_by_its_parts(
    write_library: Callable[[dict[str, str]], Library],
) -> None:
    # 草船借箭 is one word to jieba, and no passage writes it: the story's chapter says 借箭.
    novel = write_library(
        {
            "novel.txt": (
                "第四十六回 用奇谋孔明借箭\n\n"
                "孔明用二十只船，每船三十军士，船上皆用青布为幔，各束草千余个，分布两边。\n\n"
                "第四十七回 阚泽密献诈降书\n\n"
                "却说阚泽字德润，会稽山阴人也，家贫好学，与人佣工，尝借人书来看。\n"
            )
        }
    )
    answer = novel.answer("草船借箭")
    assert "zh:借箭" in answer.terms and "zh:草船借箭" not in answer.terms
    assert answer.hits and "第四十六回" in (answer.hits[0].passage.section or "")
