"""A result named by its number in a group without replying ("@bot 2", "/ask the second one")
is the member's last question's, as in a private chat: it was searched as the word "2"."""

from __future__ import annotations

import time

import pytest
from tgfakes import USER_ID, Harness, visible

from bot.locales import en as messages
from bot.services import services_of

QUESTION = "What do China and Russia say about missile defence?"
MENTION = "@quotebot_test_bot"


def _flat(text: str) -> str:
    return " ".join(text.split())


async def test_a_number_said_to_the_bot_posts_that_result_of_the_members_last_question(
    bot: Harness,
) -> None:
    await bot.say_in_group(f"/ask {QUESTION}")
    library = services_of(bot.app.bot_data).library
    second = library.answer(QUESTION, k=2).hits[1].passage
    for said in (f"{MENTION} 2", f"{MENTION} the second one", "/ask 2"):
        (posted,) = await bot.say_in_group(said)
        shown = _flat(visible(posted.text))
        assert _flat(second.text)[:80] in shown, (said, shown)
        assert "follow-up" not in shown
        (button,) = posted.buttons  # posted as /quote posts a passage
        assert button["text"] == f"Open in {MENTION}"


async def test_past_the_results_it_says_how_many_there_are(bot: Harness) -> None:
    await bot.say_in_group(f"/ask {QUESTION}")
    (said,) = await bot.say_in_group(f"{MENTION} 0")
    assert visible(said.text).startswith("There is no result 0"), visible(said.text)


async def test_another_members_number_asks_for_their_own_question(bot: Harness) -> None:
    await bot.say_in_group(f"/ask {QUESTION}")
    (reply,) = await bot.say_in_group(f"{MENTION} 2", user_id=USER_ID + 1)
    assert reply.text == messages.NUMBER_BEFORE_QUESTION  # not the word "2" searched


async def test_after_the_idle_time_a_number_asks_for_a_question_first(
    bot: Harness, monkeypatch: pytest.MonkeyPatch
) -> None:
    await bot.say_in_group(f"/ask {QUESTION}")
    later = time.time() + 31 * 60  # the idle time is 30 minutes
    monkeypatch.setattr("bot.handlers.common.clock", lambda: later)
    (reply,) = await bot.say_in_group(f"{MENTION} 2")
    assert reply.text == messages.NUMBER_BEFORE_QUESTION
    # a question about a year is still a question
    (answer,) = await bot.say_in_group(f"{MENTION} 2004")
    assert answer.text != messages.NUMBER_BEFORE_QUESTION


async def test_ask_2_in_a_private_chat_opens_the_result_as_2_does(bot: Harness) -> None:
    # It posted the passage as /quote does, without the buttons "2" shows it with.
    await bot.say(QUESTION)
    (opened,) = await bot.say("2")
    (asked,) = await bot.say("/ask 2")
    assert visible(asked.text) == visible(opened.text)
    assert asked.buttons == opened.buttons
