"""The bot in a group: /ask, mentions and replies get short answers; everything else is left alone.

Real ``Update`` objects through the real Application, offline; what the bot should quote is asked
of the same library, so these tests check the bot's behaviour, not the ranking.
"""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlsplit

import pytest
from telegram.ext import AIORateLimiter
from tgfakes import (
    BOT_USER,
    BOT_USERNAME,
    GROUP_ID,
    OTHER_USER_ID,
    USER_ID,
    Call,
    Harness,
    html_problems,
    visible,
)

from bot.delivery import RetryingLimiter
from bot.locales import en as messages
from bot.locales import fr
from bot.services import services_of
from bot.state import StateStore
from retrieval.library import Library

QUESTION = "What do China and Russia say about missile defence?"
FOLLOW_UP = "and with Pakistan?"
OTHER_QUESTION = "When did China and France start their strategic dialogue?"
OTHER_FOLLOW_UP = "how many rounds since then?"


def library(bot: Harness) -> Library:
    return services_of(bot.app.bot_data).library


def state(bot: Harness) -> StateStore:
    return bot.state


def query_log(bot: Harness) -> list[dict[str, object]]:
    return list(state(bot).db.query("SELECT * FROM bot_queries ORDER BY id"))


def quoted_paragraph(reply: Call) -> str:
    """The "¶ n" of the citation under the quote of a reply."""
    found = re.search(r"</blockquote>\n— .*?(¶ \d+)", reply.text)
    assert found is not None, reply.text
    return found.group(1)


def start_parameter(url: str) -> str:
    """What a t.me deep link sends the bot as ``/start <parameter>``."""
    parts = urlsplit(url)
    assert (parts.scheme, parts.netloc, parts.path) == ("https", "t.me", f"/{BOT_USERNAME}")
    (parameter,) = parse_qs(parts.query)["start"]
    return parameter


def assert_short_group_answer(bot: Harness, reply: Call, question: str, asked: int) -> None:
    """One quote with its citation, replying to message ``asked``, a button to the full answer."""
    best = library(bot).answer(question).hits[0].passage
    assert reply.params["chat_id"] == GROUP_ID
    replying = reply.params["reply_parameters"]
    assert replying["message_id"] == asked
    assert replying["allow_sending_without_reply"] is True  # the question may be deleted by now
    assert html_problems(reply.text) == []
    assert reply.text.count("<blockquote>") == 1
    assert messages.ANSWER_MORE_HEADER not in reply.text  # no further hits in a group
    assert quoted_paragraph(reply) == f"¶ {best.paragraph}"
    assert best.title in visible(reply.text)
    assert len(visible(reply.text)) < 1200
    (button,) = reply.buttons
    assert button["text"] == messages.BUTTON_FULL_ANSWER
    key = query_log(bot)[-1]["key"]
    assert start_parameter(button["url"]) == f"q_{key}"


@pytest.mark.parametrize("command", ["/ask", f"/ask@{BOT_USERNAME}"])
async def test_ask_in_a_group_gets_one_short_quote_as_a_reply(bot: Harness, command: str) -> None:
    update = bot.updates.group_text(f"{command} {QUESTION}")
    (reply,) = await bot.send(update)
    assert update.message is not None
    assert_short_group_answer(bot, reply, QUESTION, update.message.message_id)
    # No "typing" in groups: every request counts against the group's 20 a minute.
    assert bot.request.methods == ["sendMessage"]
    (logged,) = query_log(bot)
    assert logged["question"] == QUESTION
    assert (logged["chat_id"], logged["user_id"], logged["chat_type"]) == (
        GROUP_ID,
        USER_ID,
        "supergroup",
    )


async def test_a_message_mentioning_the_bot_is_answered_and_the_mention_is_not_searched(
    bot: Harness,
) -> None:
    for text in (f"@{BOT_USERNAME} {QUESTION}", f"{QUESTION} @{BOT_USERNAME.upper()}"):
        update = bot.updates.group_text(text)
        (reply,) = await bot.send(update)
        assert update.message is not None
        assert_short_group_answer(bot, reply, QUESTION, update.message.message_id)
        assert query_log(bot)[-1]["question"] == QUESTION


async def test_a_photo_whose_caption_asks_the_bot_is_answered_as_in_a_private_chat(
    bot: Harness,
) -> None:
    """A screenshot posted with "@bot …" (or in reply to an answer) asks its caption; a photo
    not addressed to the bot, or a laugh under an answer, is left alone."""
    group = {"chat_id": GROUP_ID, "chat_type": "supergroup"}
    update = bot.updates.photo(caption=f"@{BOT_USERNAME} {QUESTION}", **group)
    (reply,) = await bot.send(update)
    assert update.message is not None
    assert_short_group_answer(bot, reply, QUESTION, update.message.message_id)
    assert query_log(bot)[-1]["question"] == QUESTION
    (follow_up,) = await bot.send(
        bot.updates.photo(caption=FOLLOW_UP, reply_to=reply.result, **group)
    )
    assert visible(follow_up.text).startswith(f"Read as a follow-up to “{QUESTION}”.")
    bot.request.clear()
    await bot.send(bot.updates.photo(caption=QUESTION, **group))  # to the group, not the bot
    await bot.send(bot.updates.photo(caption="lol 😂", reply_to=reply.result, **group))
    assert bot.request.calls == []


async def test_a_reply_to_the_bot_is_a_follow_up_in_that_thread(bot: Harness) -> None:
    (answer,) = await bot.say_in_group(f"/ask {QUESTION}")
    (reply,) = await bot.say_in_group(FOLLOW_UP, reply_to=answer.result)
    assert visible(reply.text).startswith(f"Read as a follow-up to “{QUESTION}”.")
    expected = library(bot).answer(FOLLOW_UP, context=QUESTION).hits[0].passage
    assert quoted_paragraph(reply) == f"¶ {expected.paragraph}"
    assert expected.title in visible(reply.text)
    assert query_log(bot)[-1]["context"] == QUESTION


async def test_a_reply_naming_a_new_thing_quotes_it_not_the_answer_again(bot: Harness) -> None:
    (answer,) = await bot.say_in_group("/ask What is China position on the South China Sea?")
    (reply,) = await bot.say_in_group("and what about a code of conduct?", reply_to=answer.result)
    assert quoted_paragraph(reply) != quoted_paragraph(answer)
    assert "Code of Conduct" in visible(reply.text)


async def test_a_private_chat_command_with_the_bot_s_name_says_where_it_works(
    bot: Harness,
) -> None:
    for command in ("sources", "more", "language"):
        (reply,) = await bot.say_in_group(f"/{command}@{BOT_USERNAME}")
        assert (
            visible(reply.text)
            == f"That command works only in a private chat with me: @{BOT_USERNAME}."
        )
    assert await bot.say_in_group("/sources") == []  # maybe another bot's: left alone


OTHER_LANGUAGES = (
    "danke!", "obrigado", "haha", "شكرا!", "ありがとう", "ممنون", "grazie mille", "dziękuję",
    "teşekkürler", "дякую", "감사합니다", "धन्यवाद", "dank je wel", "kkkkk", "hahaha 😂",
)  # fmt: skip


async def test_thanks_or_a_laugh_under_an_answer_gets_no_reply(bot: Harness) -> None:
    (answer,) = await bot.say_in_group(f"/ask {QUESTION}")
    for text in ("thanks a lot!", "lol 😂", "Спасибо большое", "好的谢谢", "ok, merci", "👍", "+1",
                 *OTHER_LANGUAGES):  # fmt: skip
        assert await bot.say_in_group(text, reply_to=answer.result) == [], text
    assert [row["question"] for row in query_log(bot)] == [QUESTION]  # /stats: nothing unanswered
    assert await bot.say_in_group(f"thanks @{BOT_USERNAME}!") == []
    # A question that starts with thanks is still a question, answered.
    (reply,) = await bot.say_in_group(f"thanks! {QUESTION}", reply_to=answer.result)
    assert "<blockquote>" in reply.text


async def test_a_sign_off_to_the_bot_is_left_alone_and_a_request_for_help_is_answered(
    bot: Harness,
) -> None:
    # tryout21: "thanks, that's all" and "hi there" were searched; a request for help naming
    # nothing quoted a passage that "checked" something.
    for text in (f"thanks @{BOT_USERNAME}, that's all", f"hi there @{BOT_USERNAME}",
                 f"@{BOT_USERNAME} hello everyone"):  # fmt: skip
        assert await bot.say_in_group(text) == [], text
    for text in (f"@{BOT_USERNAME} good morning, can you help me check a claim?",
                 "/ask I have a question", "/ask hi there"):  # fmt: skip
        (reply,) = await bot.say_in_group(text)
        assert reply.text == messages.SMALL_TALK_REPLY, text
    assert query_log(bot) == []


async def test_a_members_chatter_under_an_answer_gets_no_reply_and_is_not_counted(
    bot: Harness,
) -> None:
    # tryout20: another member's "lol nice" under the bot's answer got a public "nothing in
    # them answers it", and /stats listed "1× lol nice" among the questions to add documents for.
    (answer,) = await bot.say_in_group(f"/ask {QUESTION}")
    for text in ("lol nice", "haha nice one", "wow, awesome", "bruh", "same here", "круто!",
                 "不错哈哈", "really", "I know", "me too", "is that so", "I see",
                 "I think so"):  # fmt: skip
        said = await bot.say_in_group(text, user_id=OTHER_USER_ID, reply_to=answer.result)
        assert said == [], text
    assert [row["question"] for row in query_log(bot)] == [QUESTION]  # /stats: nothing to add
    # A short follow-up by reply is still answered, and so is one after thanks or a laugh
    # (finalread15-b: "thanks, and who signed it" went unanswered), and a mention.
    follow_ups = ("and in 2005?", "thanks, and with Pakistan", "thanks, and who signed it",
                  "lol and who signed it", f"@{BOT_USERNAME} nice")  # fmt: skip
    for text in follow_ups:
        (reply,) = await bot.say_in_group(text, user_id=OTHER_USER_ID, reply_to=answer.result)
        assert reply.params["chat_id"] == GROUP_ID, text
    assert len(query_log(bot)) == 1 + len(follow_ups)


async def test_a_question_replied_without_a_question_mark_is_answered_even_if_not_found(
    bot: Harness,
) -> None:
    # review15-b: a reply to the bot holding no reaction, whose words found nothing, was taken
    # for chatter: no reply, and /stats never saw the question the documents can't answer.
    (answer,) = await bot.say_in_group(f"/ask {QUESTION}")
    questions = ["how do I reset my password", "why", "how", "真的吗"]
    replies = []
    for text in questions:
        (reply,) = await bot.say_in_group(text, user_id=OTHER_USER_ID, reply_to=answer.result)
        assert reply.params["chat_id"] == GROUP_ID, text
        replies.append(visible(reply.text))
    assert "nothing in them answers it" in replies[0]
    # "why", "how": read as following the answer; "真的吗" ("really?"): told to name a subject.
    assert all(r.startswith("Read as a follow-up") for r in replies[1:3]), replies
    assert all("only has very common words" in r for r in replies[3:]), replies
    logged = [QUESTION, "how do I reset my password", "why", "how"]
    assert [row["question"] for row in query_log(bot)] == logged  # /stats shows them
    # A reaction under the same answer is still the group's.
    assert await bot.say_in_group("lol nice", user_id=OTHER_USER_ID, reply_to=answer.result) == []
    assert len(query_log(bot)) == len(logged)


async def test_chatter_the_bot_is_not_asked_about_is_left_alone(bot: Harness) -> None:
    (answer,) = await bot.say_in_group(f"/ask {QUESTION}")
    bot.request.clear()
    members_message = bot.updates.group_text(QUESTION, user_id=OTHER_USER_ID).message
    assert members_message is not None
    chatter = [
        bot.updates.group_text(QUESTION),  # a question, but not to the bot
        bot.updates.group_text("I think the treaty was signed in 2001"),
        bot.updates.group_text("Good point!", reply_to=members_message.to_dict()),
        bot.updates.group_text("@someone_else what do you think about missile defence?"),
        bot.updates.group_text(f"/ask@other_quote_bot {QUESTION}"),  # another bot's command
        bot.updates.group_text("/more"),  # private-chat commands are not for the group
        bot.updates.group_text("/sources"),
        bot.updates.group_text("/frobnicate"),
        bot.updates.group_text(f"@{BOT_USERNAME} {QUESTION}", edited=True),  # edits: ignored
    ]
    # A sticker in reply to the bot's answer: a reaction, not a question.
    chatter.append(
        bot.updates.sticker(chat_id=GROUP_ID, chat_type="supergroup", reply_to=answer.result)
    )
    for update in chatter:
        await bot.send(update)
    assert bot.request.calls == []
    assert len(query_log(bot)) == 1


async def test_ask_as_a_reply_asks_the_message_replied_to(bot: Harness) -> None:
    members = bot.updates.group_text(QUESTION, user_id=OTHER_USER_ID).message
    assert members is not None
    update = bot.updates.group_text("/ask", reply_to=members.to_dict())
    (reply,) = await bot.send(update)
    assert update.message is not None
    assert visible(reply.text).startswith(f"❓ {QUESTION}")  # the question is said, as it is
    assert_short_group_answer(bot, reply, QUESTION, update.message.message_id)  # not the /ask's
    assert query_log(bot)[-1]["question"] == QUESTION
    assert query_log(bot)[-1]["user_id"] == USER_ID  # asked by whoever sent /ask


async def test_ask_as_a_reply_with_a_quote_asks_just_the_quoted_part(bot: Harness) -> None:
    quoted = "China has sent peacekeepers to UN missions"
    text = f"Lunch at one? Also, I read that {quoted}, is that so? Not sure."
    members = bot.updates.group_text(text, user_id=OTHER_USER_ID).message
    assert members is not None
    (reply,) = await bot.say_in_group("/ask", reply_to=members.to_dict(), quote=quoted)
    assert query_log(bot)[-1]["question"] == quoted
    assert visible(reply.text).startswith(f"❓ {quoted}\n")
    best = library(bot).answer(quoted).hits[0].passage
    assert quoted_paragraph(reply) == f"¶ {best.paragraph}"


async def test_a_bare_mention_replying_to_a_message_asks_that_message(bot: Harness) -> None:
    members = bot.updates.group_text(QUESTION, user_id=OTHER_USER_ID).message
    assert members is not None
    (reply,) = await bot.say_in_group(f"@{BOT_USERNAME}", reply_to=members.to_dict())
    assert visible(reply.text).startswith(f"❓ {QUESTION}")
    assert query_log(bot)[-1]["question"] == QUESTION


async def test_ask_with_nothing_to_ask_says_how(bot: Harness) -> None:
    for text in ("/ask", f"/ask@{BOT_USERNAME}", f"@{BOT_USERNAME}"):
        (reply,) = await bot.say_in_group(text)
        assert reply.text == messages.ASK_USAGE
        assert "reply_parameters" in reply.params
    (answer,) = await bot.say_in_group(f"/ask {QUESTION}")
    bot.request.clear()
    # A bare /ask on the bot's own answer would search the answer itself: it says how instead.
    (reply,) = await bot.say_in_group("/ask", reply_to=answer.result)
    assert reply.text == messages.ASK_USAGE
    assert len(query_log(bot)) == 1


async def test_two_members_following_up_at_once_do_not_mix(bot: Harness) -> None:
    await bot.say_in_group(f"/ask {QUESTION}", user_id=USER_ID)
    await bot.say_in_group(f"/ask {OTHER_QUESTION}", user_id=OTHER_USER_ID)
    (mine,) = await bot.say_in_group(f"@{BOT_USERNAME} {FOLLOW_UP}", user_id=USER_ID)
    (theirs,) = await bot.say_in_group(f"@{BOT_USERNAME} {OTHER_FOLLOW_UP}", user_id=OTHER_USER_ID)
    assert visible(mine.text).startswith(f"Read as a follow-up to “{QUESTION}”.")
    assert visible(theirs.text).startswith(f"Read as a follow-up to “{OTHER_QUESTION}”.")
    expected = library(bot).answer(OTHER_FOLLOW_UP, context=OTHER_QUESTION).hits[0].passage
    assert quoted_paragraph(theirs) == f"¶ {expected.paragraph}"
    assert [(row["user_id"], row["context"]) for row in query_log(bot)[2:]] == [
        (USER_ID, QUESTION),
        (OTHER_USER_ID, OTHER_QUESTION),
    ]


async def test_a_reply_to_another_members_answer_follows_up_on_that_answer(
    bot: Harness,
) -> None:
    (answer,) = await bot.say_in_group(f"/ask {QUESTION}", user_id=USER_ID)
    await bot.say_in_group(f"/ask {OTHER_QUESTION}", user_id=OTHER_USER_ID)
    (reply,) = await bot.say_in_group(FOLLOW_UP, user_id=OTHER_USER_ID, reply_to=answer.result)
    assert visible(reply.text).startswith(f"Read as a follow-up to “{QUESTION}”.")


async def test_a_declined_question_in_a_group_is_one_line_and_a_button(bot: Harness) -> None:
    question = "what's the weather in paris tomorrow"  # closest passages: about France
    found = library(bot).answer(question)
    assert not found.answered and found.hits, "needs a question declined with closest passages"
    (reply,) = await bot.say_in_group(f"/ask {question}")
    assert html_problems(reply.text) == []
    assert "<blockquote>" not in reply.text  # nothing is presented as the answer
    assert visible(reply.text).startswith(f"I searched the documents for “{question}”")
    (button,) = reply.buttons
    assert button["text"] == messages.BUTTON_CLOSEST
    assert start_parameter(button["url"]).startswith("q_")


async def test_a_question_no_passage_mentions_offers_no_closest_passages_in_a_group(
    bot: Harness,
) -> None:
    # bottry31: "The closest passages are a tap away, below." and a "Closest passages" button
    # that opened "No passage even mentions these words" in the private chat.
    question = "abracadabrazzz quuxolotl"
    assert library(bot).answer(question).hits == (), "needs a question no passage matches"
    (reply,) = await bot.say_in_group(f"/ask {question}")
    assert visible(reply.text) == (
        f"I searched the documents for “{question}”, but nothing in them answers it.\n\n"
        + messages.NO_ANSWER_NOTHING
    )
    assert reply.buttons == []
    (more,) = await bot.say_in_group("more", reply_to=reply.result)
    assert visible(more.text) == messages.NO_MORE_RESULTS.format(question=question)
    assert more.buttons == []
    (foreign,) = await bot.say_in_group("/ask ما هي العلاقات بين الصين وروسيا؟")
    assert foreign.buttons == []  # told which languages to ask in: no passage to open either


async def test_the_full_answer_opens_in_the_private_chat_with_more_results(bot: Harness) -> None:
    (short,) = await bot.say_in_group(f"/ask {QUESTION}")
    parameter = start_parameter(short.buttons[0]["url"])
    (full,) = await bot.say(f"/start {parameter}")  # the button opens the private chat so
    assert full.params["chat_id"] == USER_ID
    assert visible(full.text).startswith(f"❓ {QUESTION}")
    assert messages.ANSWER_MORE_HEADER in full.text  # further hits, as in a private answer
    assert [b["text"] for b in full.buttons] == ["Full passage", "More results", "👍", "👎"]
    (page,) = await bot.press(full, "More results")
    assert re.findall(r"^(\d+)\. ", visible(page.text), re.M) == ["4", "5", "6"]
    # The private chat goes on from there: a follow-up is read with the group's question.
    (follow,) = await bot.say(FOLLOW_UP)
    assert visible(follow.text).startswith(f"Read as a follow-up to “{QUESTION}”.")


async def test_a_group_follow_up_opened_in_private_is_read_the_same_way(bot: Harness) -> None:
    (answer,) = await bot.say_in_group(f"/ask {QUESTION}")
    (follow,) = await bot.say_in_group(FOLLOW_UP, reply_to=answer.result)
    (full,) = await bot.say(f"/start {start_parameter(follow.buttons[0]['url'])}")
    shown = visible(full.text)
    assert shown.startswith(f"❓ {FOLLOW_UP}\n\nRead as a follow-up to “{QUESTION}”.")
    expected = library(bot).answer(FOLLOW_UP, context=QUESTION).hits[0].passage
    assert quoted_paragraph(full) == f"¶ {expected.paragraph}"


async def test_a_full_answer_link_the_bot_no_longer_knows_says_so(bot: Harness) -> None:
    (reply,) = await bot.say("/start q_unknownkey")
    assert reply.text == messages.SEARCH_GONE


async def test_ask_in_a_private_chat_gets_the_full_answer(bot: Harness) -> None:
    (reply,) = await bot.say(f"/ask {QUESTION}")
    assert "reply_parameters" not in reply.params
    assert messages.ANSWER_MORE_HEADER in reply.text
    assert [b["text"] for b in reply.buttons] == ["Full passage", "More results", "👍", "👎"]
    assert query_log(bot)[-1]["question"] == QUESTION


async def test_help_in_a_group_says_how_to_ask_there(bot: Harness) -> None:
    for command in (f"/help@{BOT_USERNAME}", "/help", f"/start@{BOT_USERNAME}"):
        (reply,) = await bot.say_in_group(command)
        assert reply.text == messages.GROUP_HELP.format(bot=BOT_USERNAME)
        assert html_problems(reply.text) == []
    assert f"@{BOT_USERNAME}" in visible(reply.text)


async def test_the_bot_added_to_a_group_says_once_how_to_ask_it(bot: Harness) -> None:
    """Adding the bot used to get no sign of life: the members could not tell it was working.
    (Members joining or leaving, and the group's creation, are rows of the bad-input table.)"""
    bot.updates.languages[USER_ID] = "fr"  # said in the language of whoever added it
    message = bot.updates.message_json(USER_ID, GROUP_ID, "supergroup")
    added = {"message": {**message, "new_chat_members": [BOT_USER]}}
    (hello,) = await bot.send(bot.updates.raw(added))
    assert hello.params["chat_id"] == GROUP_ID
    assert hello.text == fr.GROUP_HELP.format(bot=BOT_USERNAME)


async def test_question_problems_in_a_group_are_said_as_a_reply(bot: Harness) -> None:
    (reply,) = await bot.say_in_group("/ask what is it?")
    assert reply.text == messages.ONLY_COMMON_WORDS
    assert "reply_parameters" in reply.params


async def test_group_messages_are_held_to_telegrams_group_flood_limit(bot: Harness) -> None:
    # Telegram allows about 20 messages a minute in one group; the rate limiter queues the rest.
    limiter = bot.app.bot.rate_limiter
    assert isinstance(limiter, RetryingLimiter) and isinstance(limiter.pacing, AIORateLimiter)
    group = limiter.pacing._get_group_limiter(GROUP_ID)
    assert (group.max_rate, group.time_period) == (20, 60)


# Forum topics ---------------------------------------------------------------------------------

TOPIC = 77  # a topic of a forum supergroup: its messages carry its message_thread_id


async def test_an_answer_goes_to_the_forum_topic_the_question_came_from(bot: Harness) -> None:
    (answer,) = await bot.say_in_group(f"/ask {QUESTION}", topic=TOPIC)
    assert answer.params["message_thread_id"] == TOPIC
    assert answer.text.startswith("<blockquote>")
    (follow_up,) = await bot.say_in_group(FOLLOW_UP, reply_to=answer.result, topic=TOPIC)
    assert follow_up.params["message_thread_id"] == TOPIC
    (usage,) = await bot.say_in_group("/ask", topic=TOPIC)
    assert usage.params["message_thread_id"] == TOPIC
    (elsewhere,) = await bot.say_in_group(f"/ask {QUESTION}")  # the general topic: none named
    assert "message_thread_id" not in elsewhere.params


async def test_a_passage_chosen_in_a_topic_is_posted_in_that_topic(bot: Harness) -> None:
    (choices,) = await bot.say_in_group("/quote peacekeepers", topic=TOPIC)  # words of several
    assert choices.params["message_thread_id"] == TOPIC
    assert choices.text.startswith("Several passages match")
    (posted,) = await bot.press(choices, choices.buttons[0]["text"])
    assert posted.params["message_thread_id"] == TOPIC
    assert posted.params["chat_id"] == GROUP_ID


@pytest.mark.parametrize(
    ("said", "rank"), [("2", 2), ("the second one", 2), ("#3", 3), ("the third one", 3)]
)
async def test_a_reply_naming_a_result_by_its_rank_posts_that_result(
    bot: Harness, said: str, rank: int
) -> None:
    # Under an answer in a topic, "2" was searched as a follow-up (the same quote, hedged) and
    # "the third one" quoted "The third strategy is …": neither is what the member asked for.
    (answer,) = await bot.say_in_group(f"/ask {QUESTION}", topic=TOPIC)
    wanted = library(bot).answer(QUESTION).hits[rank - 1].passage
    update = bot.updates.group_text(
        said, user_id=OTHER_USER_ID, reply_to=answer.result, topic=TOPIC
    )
    (posted,) = await bot.send(update)
    assert update.message is not None
    assert posted.params["message_thread_id"] == TOPIC
    assert posted.params["reply_parameters"]["message_id"] == update.message.message_id
    assert not visible(posted.text).startswith("Read as a follow-up")
    assert f"¶ {wanted.paragraph}" in visible(posted.text)
    assert wanted.text[:60] in visible(posted.text)
    # A number that is no reply to an answer is still a question (a follow-up needs the reply).
    assert await bot.say_in_group("2", topic=TOPIC) == []


# Follow-ups on what a reply answers ------------------------------------------------------------

DECLINED = "what's the weather in paris tomorrow"
DECLINED_FOLLOW_UP = "and at the weekend?"  # "and in London?" is declined alone now


async def test_a_follow_up_to_a_declined_question_is_declined_too(bot: Harness) -> None:
    # "and in London?" replying to the decline got a hedged quote about France.
    assert not library(bot).answer(DECLINED).answered, "needs a question the library declines"
    alone = library(bot).answer(DECLINED_FOLLOW_UP, context=DECLINED)
    assert alone.outcome == "hedged", "needs a follow-up the library hedges with that context"
    (declined,) = await bot.say_in_group(f"@{BOT_USERNAME} {DECLINED}")
    (reply,) = await bot.say_in_group(DECLINED_FOLLOW_UP, reply_to=declined.result)
    shown = visible(reply.text)
    assert shown.startswith(f"Read as a follow-up to “{DECLINED}”.")
    assert f"I searched the documents for “{DECLINED_FOLLOW_UP}”" in shown
    assert "<blockquote>" not in reply.text
    assert [b["text"] for b in reply.buttons] == [messages.BUTTON_CLOSEST]
    assert [(r["context"], r["answered"], r["hedged"]) for r in query_log(bot)[1:]] == [
        (DECLINED, 0, 0)
    ]  # /stats counts it among the questions the documents could not answer
    # Opened in the private chat, it is declined there too; a follow-up asked in the group's
    # conversation (no reply) as well.
    (full,) = await bot.say(f"/start {start_parameter(reply.buttons[0]['url'])}")
    assert "<blockquote>" not in full.text and messages.NO_ANSWER_CLOSEST in full.text
    await bot.say_in_group(f"@{BOT_USERNAME} {DECLINED}", user_id=OTHER_USER_ID)
    (own,) = await bot.say_in_group(f"/ask {DECLINED_FOLLOW_UP}", user_id=OTHER_USER_ID)
    assert "<blockquote>" not in own.text


async def test_a_follow_up_to_an_answer_is_still_hedged_when_the_library_hedges(
    bot: Harness,
) -> None:
    (answer,) = await bot.say_in_group(f"/ask {QUESTION}")
    expected = library(bot).answer(FOLLOW_UP, context=QUESTION)
    (reply,) = await bot.say_in_group(FOLLOW_UP, reply_to=answer.result)
    assert ("<blockquote>" in reply.text) == expected.answered
    assert (messages.HEDGED in reply.text) == (expected.outcome == "hedged")


PASSAGE_002_16 = "002_a3dcc854a06e902a-16"  # the joint statement on a global anti-missile system
JOINT_STATEMENT = "China–Russia Joint Statement on Major International Issues"


async def test_a_reply_to_a_quote_post_follows_up_on_what_it_quotes(bot: Harness) -> None:
    # It followed up on the member's own earlier question instead, with "Organization ?".
    await bot.say_in_group(f"what is the Shanghai Cooperation Organization @{BOT_USERNAME}?")
    assert query_log(bot)[-1]["question"] == "what is the Shanghai Cooperation Organization?"
    (post,) = await bot.say_in_group(f"/quote {PASSAGE_002_16}")
    (reply,) = await bot.say_in_group("and what about Iran?", reply_to=post.result)
    assert visible(reply.text).startswith(f"Read as a follow-up to “{JOINT_STATEMENT}”.")
    assert query_log(bot)[-1]["context"] == JOINT_STATEMENT
    expected = library(bot).answer("and what about Iran?", context=JOINT_STATEMENT)
    assert quoted_paragraph(reply) == f"¶ {expected.hits[0].passage.paragraph}"


async def test_a_reply_to_a_passage_quoted_by_words_follows_up_on_the_words(
    bot: Harness,
) -> None:
    words = "strategic dialogue France 1997"
    (post,) = await bot.say_in_group(f"/quote {words}")
    assert post.text.startswith("<blockquote")  # posted, not offered among others
    (reply,) = await bot.say_in_group("how many rounds since then?", reply_to=post.result)
    assert visible(reply.text).startswith(f"Read as a follow-up to “{words}”.")
    # Offered among others, then chosen: a reply to the offer or to the post, the same.
    (offer,) = await bot.say_in_group("/quote peacekeepers", user_id=OTHER_USER_ID)
    (reply,) = await bot.say_in_group("and Liberia?", reply_to=offer.result)
    assert visible(reply.text).startswith("Read as a follow-up to “peacekeepers”.")
    data = offer.buttons[0]["callback_data"]
    (chosen,) = await bot.send(bot.updates.press(data, offer.result, user_id=OTHER_USER_ID))
    (reply,) = await bot.say_in_group("and Liberia?", reply_to=chosen.result)
    assert visible(reply.text).startswith("Read as a follow-up to “peacekeepers”.")


async def test_a_reply_naming_a_result_past_the_ranking_says_how_many_there_are(
    bot: Harness,
) -> None:
    question = "Gulf of Aden escort vessels"
    assert library(bot).answer(question).total == 2, "needs a question with two results"
    (answer,) = await bot.say_in_group(f"/ask {question}", topic=TOPIC)
    update = bot.updates.group_text("7", user_id=OTHER_USER_ID, reply_to=answer.result, topic=TOPIC)
    (told,) = await bot.send(update)
    assert told.params["message_thread_id"] == TOPIC
    assert visible(told.text) == (
        f"There is no result 7 for “{question}”: the search found 2 passages."
    )
    # "0" names none either: told so, not searched as words.
    update = bot.updates.group_text("0", user_id=OTHER_USER_ID, reply_to=answer.result, topic=TOPIC)
    (told,) = await bot.send(update)
    assert visible(told.text) == (
        f"There is no result 0 for “{question}”: the search found 2 passages."
    )
