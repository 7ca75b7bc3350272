"""Answer, hedge or decline, as a person in a private chat and in the terminal sees it: the
same decision the library makes (``Answer.outcome``), shown with one hedging line, and a question
in a language none of the documents is written in told which languages they are in."""

from __future__ import annotations

import re

import pytest
from tgfakes import USER_ID, Harness, html_problems, visible

from bot.locales import en, ru
from bot.services import services_of
from bot.terminal import render_answer
from retrieval.library import Library

# "defense", "budget" and "China" match, never in one passage about 2004: the closest, hedged.
HEDGED = "what was china's defense budget in 2004"
ANSWERED = "How many policemen has China sent to UN peacekeeping since 2000?"
RUSSIAN = "Какова позиция Китая по миротворческим операциям ООН?"
SPANISH = "¿Cuál es la posición de China sobre Ucrania?"
SPANISH_FOLLOW_UP = "¿y sobre Corea?"
# One language is named as one ("please ask in English"), not as a list to choose from.
ONLY_ENGLISH = "The documents are written in English: please ask in English."


def library(bot: Harness) -> Library:
    return services_of(bot.app.bot_data).library


async def test_a_best_match_that_may_not_answer_is_quoted_with_one_hedging_line(
    bot: Harness,
) -> None:
    assert library(bot).answer(HEDGED).outcome == "hedged"
    (reply,) = await bot.say(HEDGED)
    assert "<blockquote>" in reply.text
    assert en.HEDGED in reply.text
    assert en.NO_ANSWER.split("“")[0] not in reply.text  # not the decline
    assert html_problems(reply.text) == []


async def test_a_confident_answer_carries_no_hedging_line(bot: Harness) -> None:
    assert library(bot).answer(ANSWERED).outcome == "answered"
    (reply,) = await bot.say(ANSWERED)
    assert en.HEDGED not in reply.text


async def test_a_question_in_a_language_the_documents_lack_is_told_which_they_are_in(
    bot: Harness,
) -> None:
    answer = library(bot).answer(RUSSIAN)
    assert answer.outcome == "declined" and answer.foreign
    (reply,) = await bot.say(RUSSIAN)
    assert visible(reply.text) == visible(ONLY_ENGLISH)


async def test_a_short_follow_up_in_that_language_is_told_so_too(bot: Harness) -> None:
    await bot.say(SPANISH)
    (reply,) = await bot.say(SPANISH_FOLLOW_UP)  # too short to read as Spanish alone
    assert visible(reply.text).endswith(visible(ONLY_ENGLISH))
    assert "<blockquote>" not in reply.text
    assert library(bot).answer(SPANISH_FOLLOW_UP, context=[SPANISH]).foreign


@pytest.mark.parametrize(
    ("app", "said"),
    [
        ("ru", "Язык документов — английский. Задайте вопрос на этом языке."),
        ("es", "Los documentos están escritos en inglés: pregunta en inglés."),
        ("fr", "Les documents sont rédigés en anglais\u00a0: posez votre question en anglais."),
        ("zh", "这些文档是用英语写的，请用英语提问。"),
    ],
)
async def test_the_documents_one_language_is_named_as_each_language_says_it(
    bot: Harness, app: str, said: str
) -> None:
    """Not "… written in one language: English. Ask in that language." (stilted in each)."""
    bot.updates.languages[USER_ID] = app
    (reply,) = await bot.say(RUSSIAN)
    assert visible(reply.text) == said


def test_the_terminal_shows_the_same_outcomes(bot: Harness) -> None:
    shipped = library(bot)
    assert en.CLI_HEDGED in render_answer(shipped.answer(HEDGED))
    assert en.CLI_HEDGED not in render_answer(shipped.answer(ANSWERED))
    # The terminal has no user's locale: it speaks the question's language, as the bot speaks
    # to a Russian user (the test above).
    foreign = render_answer(shipped.answer(RUSSIAN))
    assert foreign == ru.WRONG_LANGUAGE_ONE.format(language="английский")


async def test_a_declined_question_in_another_language_lists_its_closest_passages_once(
    bot: Harness,
) -> None:
    # A Hebrew question whose English words match: the language line, then the closest passages
    # as for any declined question, and "More results" goes on after them, never back to 1.
    question = "מה אומרים על cheese exports moon treaty?"
    answer = library(bot).answer(question)
    assert answer.foreign and not answer.answered and answer.total > 3
    (reply,) = await bot.say(question)
    shown = visible(reply.text)
    assert shown.startswith(visible(ONLY_ENGLISH))
    assert visible(en.NO_ANSWER_CLOSEST) in shown
    lines = [line for line in shown.split("\n") if re.match(r"\d+\. ", line)]
    assert lines and answer.hits[0].passage.title in lines[0]
    (page,) = await bot.press(reply, en.BUTTON_MORE)
    assert visible(page.text).split("\n\n")[1].startswith(f"{len(lines) + 1}. ")
