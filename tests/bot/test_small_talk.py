"""Thanks, greetings and laughs in any language the bot speaks are small talk; questions that
merely start with such a word, or read as code, are questions."""

from __future__ import annotations

import pytest

from bot.locales import is_small_talk

SMALL_TALK = [
    "thanks!", "Thank you so much", "great, thanks", "ok", "lol 😂", "+1", "Hi",
    "спасибо большое", "Привет!", "谢谢你", "好的谢谢", "嗯嗯", "muchas gracias",
    "Gracias, muy bien", "merci bien", "Super !", "bonjour",
]  # fmt: skip
QUESTIONS = [
    "thanks to whom?", "ok google", "hello world program", "super()", "hello_world",
    "привет мир", "bonjour tristesse", "what is a lot", "好的软件包有哪些", "👍", "?",
]  # fmt: skip


@pytest.mark.parametrize("text", SMALL_TALK)
def test_small_talk_is_not_searched(text: str) -> None:
    assert is_small_talk(text)


@pytest.mark.parametrize("text", QUESTIONS)
def test_a_question_or_a_message_without_words_is_not_small_talk(text: str) -> None:
    assert not is_small_talk(text)
