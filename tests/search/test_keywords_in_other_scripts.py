"""A word of code standing alone in Chinese or Russian text ("let和var", "Чем let …") is a
keyword, searched even where English prose would drop it as a stop word."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from retrieval.library import Library
from retrieval.search.analyzer import Analyzer


@pytest.fixture(scope="module")
def guide(write_library: Callable[[dict[str, str]], Library]) -> Library:
    return write_library(
        {
            "变量.md": (
                "# 变量声明\n\n## let 与 var\n\n"
                "用 let 声明的变量只在它所在的代码块内有效，用 var 声明的变量在整个函数内有效。\n\n"
                "## 函数提升\n\n"
                "var 声明和函数声明的区别在于，函数声明会连同函数体一起提升到作用域顶部。\n\n"
                "## 写法\n\n两种引号的写法没有区别，但同一个项目里应当统一。\n"
            ),
        }
    )


@pytest.mark.parametrize("question", ["let和var到底有啥区别", "let 和 var 有什么区别？"])
def test_a_keyword_that_english_stops_is_searched_in_a_chinese_question(
    guide: Library, question: str
) -> None:
    # "let" was dropped as an English stop word: var and 区别 quoted the hoisting paragraph.
    assert "用 let 声明的变量" in guide.answer(question).hits[0].passage.text


def test_english_prose_inside_chinese_text_still_drops_its_stop_words() -> None:
    terms = [
        t.term
        for t in Analyzer().tokens("这是 the quick brown fox jumps over the dog 的例子", "zh")
    ]
    assert "the" not in terms and "over" not in terms and "fox" in terms
    assert "let" in [t.term for t in Analyzer().tokens("Чем let отличается от var?", "ru")]
    assert "let" not in [t.term for t in Analyzer().tokens("How do I let users log in?", "en")]


def test_a_pasted_error_in_a_russian_question_is_answered_by_the_passage_quoting_it(
    write_library: Callable[[dict[str, str]], Library],
) -> None:
    # The question's "is not" were kept as keywords, which no passage holds (the passage quotes
    # the whole message, English prose): words no passage has, they hedged the exact answer.
    library = write_library(
        {
            "js.md": (
                "# Ошибки JavaScript\n\n## ReferenceError\n\n"
                "Сообщение «ReferenceError: foo is not defined» значит, что переменная foo не"
                " объявлена в этой области видимости.\n\n## Установка\n\n"
                "Установите Node.js с официального сайта и проверьте версию командой node -v.\n"
            ),
        }
    )
    answer = library.answer("Что значит is not defined?")
    assert answer.outcome == "answered"
    assert "foo is not defined" in answer.hits[0].passage.text
