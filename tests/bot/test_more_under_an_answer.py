"""A "more" under one of the bot's answers pages that answer, in a private chat and a group."""

from __future__ import annotations

from tgfakes import Harness, visible

from bot.locales import en as messages
from bot.services import services_of

QUESTION = "What do China and Russia say about missile defence?"
OTHER = "How many peacekeepers has China sent to UN missions?"


async def test_more_under_an_earlier_answer_pages_that_answer_not_the_last_one(
    bot: Harness,
) -> None:
    (first,) = await bot.say(QUESTION)
    await bot.say(OTHER)
    library = services_of(bot.app.bot_data).library
    for said, rank in (("more", 4), ("/more", 7)):  # each one the page after
        (page,) = await bot.say(said, reply_to=first.result)
        shown = visible(page.text)
        assert shown.startswith(f"More results for “{QUESTION}”:"), shown
        passage = library.answer(QUESTION, k=1, offset=rank - 1).hits[0].passage
        assert f"\n{rank}. {passage.title}" in shown
    # Not under an answer, "more" pages the last question, as before.
    (page,) = await bot.say("more")
    assert visible(page.text).startswith(f"More results for “{OTHER}”:")


async def test_a_reply_to_a_page_of_results_is_about_that_pages_question(bot: Harness) -> None:
    # Under a More results page of an earlier question, "more" paged the LAST question and "2"
    # opened the last question's second result: the page was not known to answer anything.
    (first,) = await bot.say(QUESTION)
    (page,) = await bot.press(first, "More results")
    await bot.say(OTHER)
    library = services_of(bot.app.bot_data).library
    (next_page,) = await bot.say("more", reply_to=page.result)
    shown = visible(next_page.text)
    assert shown.startswith(f"More results for “{QUESTION}”:"), shown
    seventh = library.answer(QUESTION, k=1, offset=6).hits[0].passage
    assert f"\n7. {seventh.title}" in shown
    (opened,) = await bot.say("2", reply_to=page.result)
    second = library.answer(QUESTION, k=2).hits[1].passage
    assert " ".join(second.text.split())[:80] in " ".join(visible(opened.text).split())


async def test_more_under_an_answer_in_a_group_links_to_its_further_results(bot: Harness) -> None:
    (answer,) = await bot.say_in_group(f"/ask {QUESTION}", topic=5)
    (link,) = await bot.say_in_group(OTHER.join(["/ask ", ""]))  # another question meanwhile
    for said in ("more", "more please", "@quotebot_test_bot more"):
        (reply,) = await bot.say_in_group(said, reply_to=answer.result, topic=5)
        assert (
            visible(reply.text) == f"More results for “{QUESTION}” open in a private chat with me."
        )
        assert reply.params["message_thread_id"] == 5
        (button,) = reply.buttons
        assert button["text"] == messages.BUTTON_FULL_ANSWER
        assert button["url"] == answer.button(messages.BUTTON_FULL_ANSWER)["url"]
    # A mention alone: the member's last question in the group.
    (reply,) = await bot.say_in_group("@quotebot_test_bot more")
    assert visible(reply.text) == f"More results for “{OTHER}” open in a private chat with me."
    assert reply.buttons[0]["url"] == link.button(messages.BUTTON_FULL_ANSWER)["url"]


async def test_more_under_a_declined_answer_in_a_group_links_to_the_closest_passages(
    bot: Harness,
) -> None:
    # Declined with closest passages (about France); one no passage mentions has no button.
    (declined,) = await bot.say_in_group("/ask what's the weather in paris tomorrow")
    (reply,) = await bot.say_in_group("more", reply_to=declined.result)
    (button,) = reply.buttons
    assert button == declined.button(messages.BUTTON_CLOSEST)


async def test_ask_more_is_more_not_a_question_of_common_words(bot: Harness) -> None:
    (answer,) = await bot.say_in_group(f"/ask {QUESTION}")
    (reply,) = await bot.say_in_group("/ask more")
    assert visible(reply.text) == f"More results for “{QUESTION}” open in a private chat with me."
    assert reply.buttons == answer.buttons
    await bot.say(QUESTION)
    (page,) = await bot.say("/ask more")
    assert visible(page.text).startswith(f"More results for “{QUESTION}”:")


async def test_ask_more_before_any_question_says_there_is_none_to_page(bot: Harness) -> None:
    # "/ask more" with nothing asked before was "Your question only has very common words".
    for said in ("/ask more", "@quotebot_test_bot more"):
        (reply,) = await bot.say_in_group(said, topic=3)
        assert visible(reply.text) == messages.GROUP_NOTHING_TO_PAGE
        assert reply.params["message_thread_id"] == 3
    (reply,) = await bot.say("/ask more")
    assert visible(reply.text) == messages.NOTHING_TO_PAGE
    # Once a question was asked, "more" links to its further results.
    await bot.say_in_group(f"/ask {QUESTION}")
    (reply,) = await bot.say_in_group("/ask more")
    assert visible(reply.text) == f"More results for “{QUESTION}” open in a private chat with me."
