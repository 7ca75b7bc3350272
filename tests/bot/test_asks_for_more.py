"""A message that only asks for more results, in any language the bot speaks and however it is
typed, pages on; a question that merely starts with such a word is still a question."""

from __future__ import annotations

import pytest

from bot.locales import asks_for_more

MORE = [
    "more",
    "  Next. ",
    "More results",
    "Show more",
    "Ещё!",
    "еще",
    "дальше",
    "¿Más?",
    "mas",
    "Encore !",
    "Plus !",
    "Tell me more!",
    "подробнее",
    "cuéntame más",
    "dis-m'en plus",
]
QUESTIONS = [
    "more about sed",
    "What's next?",
    "next release",
    "ещё один вопрос",
    "más tarde",
    "plus tard",
    "tell me more about the SCO",
]


@pytest.mark.parametrize("text", [*MORE, "Suite ?", "Mas resultados", "更多", "继续。"])
def test_a_bare_request_for_more_pages_on(text: str) -> None:
    assert asks_for_more(text)


@pytest.mark.parametrize("text", [*QUESTIONS, "encore une question", "更多的软件包", "继续安装"])
def test_a_question_is_not_taken_for_more(text: str) -> None:
    assert not asks_for_more(text)
