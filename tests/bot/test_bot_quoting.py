"""Quoting passages: /quote by id and by words, inline mode, and the deep links every quote carries.

Real ``Update`` objects through the real Application, offline; which passages the bot should post
is asked of the same library, so these tests check the bot's behaviour, not the ranking.
"""

from __future__ import annotations

import re
from typing import Any

import pytest
from tgfakes import (
    BOT_USERNAME,
    GROUP_ID,
    OTHER_USER_ID,
    USER_ID,
    Call,
    Harness,
    html_problems,
    visible,
)

from bot import render as replies
from bot.handlers.quoting import is_ambiguous, looks_like_passage_id
from bot.locales import en as messages
from bot.services import services_of
from retrieval.library import Library
from retrieval.model import Answer, Excerpt, Hit, Passage, Segment

CLEAR_WORDS = "strategic dialogue France 1997"
VAGUE_WORDS = "peacekeepers"


def library(bot: Harness) -> Library:
    return services_of(bot.app.bot_data).library


def link(passage_id: str) -> str:
    return f"https://t.me/{BOT_USERNAME}?start=p_{passage_id}"


def passage_of_length(bot: Harness, *, longer_than: int = 0, shorter_than: int = 10**6) -> Passage:
    """A passage of the real corpus whose text length is in the range given."""
    for document in library(bot).documents():
        for ordinal in range(1, document.paragraphs + 1):
            passage = library(bot).passage(f"{document.key}-{ordinal}")
            if passage is not None and longer_than < len(passage.text) < shorter_than:
                return passage
    raise AssertionError("no such passage in the corpus")


def assert_posted(post: Call, passage: Passage) -> None:
    """``post`` is ``passage`` whole in a blockquote, then its citation linking to it."""
    assert html_problems(post.text) == []
    assert len(post.text) <= 4096
    quoted = re.fullmatch(r"<blockquote( expandable)?>(.*)</blockquote>\n— (.*)", post.text, re.S)
    assert quoted is not None, post.text
    assert visible(quoted.group(2)) == passage.text
    # The citation, then the document's date and source where known (see below).
    assert visible(quoted.group(3)).startswith(replies.citation(passage))
    assert f'href="{link(passage.id)}"' in quoted.group(3)


async def test_a_posted_passage_cites_its_document_s_date_and_source(bot: Harness) -> None:
    dated = next(d for d in library(bot).documents() if d.date and d.source)
    passage = library(bot).passage(f"{dated.key}-3")
    assert passage is not None
    (post,) = await bot.send(bot.updates.group_text(f"/quote@{BOT_USERNAME} {passage.id}"))
    cited = visible(post.text).rsplit("\n— ", 1)[1]
    assert cited == f"{replies.citation(passage)} · {dated.date} · {dated.source}"


# /quote -------------------------------------------------------------------------------------


async def test_quote_by_the_tail_of_a_passage_link_posts_it(bot: Harness) -> None:
    passage = passage_of_length(bot, longer_than=100)
    (post,) = await bot.send(bot.updates.group_text(f"/quote p_{passage.id}"))
    assert_posted(post, passage)


async def test_quote_by_a_whole_passage_link_pasted_posts_it(bot: Harness) -> None:
    # bottry31: the link "Link to this passage" gives, pasted whole after /quote, was searched
    # as words and had none: "I couldn't find any words to search for in that."
    passage = passage_of_length(bot, longer_than=100)
    for pasted in (link(passage.id), f"tg://resolve?domain={BOT_USERNAME}&start=p_{passage.id}"):
        (post,) = await bot.send(bot.updates.group_text(f"/quote {pasted}"))
        assert_posted(post, passage)


async def test_quote_by_id_posts_the_whole_passage_in_a_group(bot: Harness) -> None:
    passage = passage_of_length(bot, longer_than=600)
    update = bot.updates.group_text(f"/quote@{BOT_USERNAME} {passage.id}")
    (post,) = await bot.send(update)
    assert update.message is not None
    assert post.params["chat_id"] == GROUP_ID
    assert post.params["reply_parameters"]["message_id"] == update.message.message_id
    assert_posted(post, passage)
    assert post.text.startswith("<blockquote expandable>")  # long: collapsed until tapped
    (button,) = post.buttons
    assert button == {"text": f"Open in @{BOT_USERNAME}", "url": link(passage.id)}


async def test_a_short_passage_is_posted_open(bot: Harness) -> None:
    passage = passage_of_length(bot, longer_than=80, shorter_than=300)
    (post,) = await bot.say_in_group(f"/quote {passage.id}")
    assert_posted(post, passage)
    assert post.text.startswith("<blockquote>")


async def test_quote_by_words_that_clearly_name_a_passage_posts_it(bot: Harness) -> None:
    answer = library(bot).answer(CLEAR_WORDS, k=3)
    assert not is_ambiguous(answer), "needs words with one clearly best passage"
    (post,) = await bot.say_in_group(f"/quote {CLEAR_WORDS}")
    assert_posted(post, answer.hits[0].passage)


async def test_ambiguous_words_offer_the_top_three_and_post_the_one_chosen(bot: Harness) -> None:
    answer = library(bot).answer(VAGUE_WORDS, k=3)
    assert is_ambiguous(answer) and len(answer.hits) == 3, "needs words that fit several"
    (choice,) = await bot.say_in_group(f"/quote {VAGUE_WORDS}")
    assert html_problems(choice.text) == []
    shown = visible(choice.text)
    assert shown.startswith(f"Several passages match “{VAGUE_WORDS}”.")
    labels = [b["text"] for b in choice.buttons]
    assert len(set(labels)) == 3  # three buttons a reader can tell apart
    for number, (label, hit) in enumerate(zip(labels, answer.hits, strict=True), start=1):
        assert label.startswith(f"{number}. ¶ {hit.passage.paragraph} · ")
        assert f"{number}. {replies.citation(hit.passage)}" in shown
    (post,) = await bot.press(choice, labels[1])
    assert bot.request.of("answerCallbackQuery")[-1].params.get("text") is None
    assert post.params["chat_id"] == GROUP_ID
    assert_posted(post, answer.hits[1].passage)


async def test_only_the_asker_chooses_among_quote_s_choices_and_once(bot: Harness) -> None:
    # Anyone could press them, and a second press posted the passage again.
    (choice,) = await bot.say_in_group(f"/quote {VAGUE_WORDS}")
    labels = [b["text"] for b in choice.buttons]
    assert await bot.press(choice, labels[1], user_id=OTHER_USER_ID) == []
    said = bot.request.of("answerCallbackQuery")[-1].params["text"]
    assert said == messages.QUOTE_NOT_YOURS
    assert len(await bot.press(choice, labels[1])) == 1  # the passage, posted by the asker
    (edited,) = bot.request.of("editMessageReplyMarkup")
    assert "reply_markup" not in edited.params or not edited.params["reply_markup"]


async def test_quote_of_a_passage_id_that_no_longer_exists_says_so(bot: Harness) -> None:
    document = library(bot).documents()[0]
    gone = f"{document.key}-{document.paragraphs + 500}"
    for words in (gone, "removed_document-3"):
        (reply,) = await bot.say_in_group(f"/quote {words}")
        assert visible(reply.text) == visible(messages.QUOTE_NO_PASSAGE.format(passage_id=words))
    # A choice whose passage went away since (the corpus was reloaded) says so to the presser.
    await bot.send(bot.updates.press("p:removed_document-3"))
    assert bot.request.of("answerCallbackQuery")[-1].params["text"] == messages.PASSAGE_GONE


async def test_quote_without_words_says_how_to_name_a_passage(bot: Harness) -> None:
    (reply,) = await bot.say_in_group("/quote")
    assert reply.text == messages.QUOTE_USAGE


async def test_quote_of_words_no_passage_has_says_so(bot: Harness) -> None:
    assert not library(bot).answer("xylophonic zeppelins", k=3).hits, "needs unknown words"
    (reply,) = await bot.say("/quote xylophonic zeppelins")
    assert (
        visible(reply.text)
        == "No passage matches “xylophonic zeppelins”. Try other words, or see /sources."
    )


async def test_quote_in_a_private_chat_posts_the_passage_without_a_button(bot: Harness) -> None:
    passage = passage_of_length(bot, longer_than=80)
    (post,) = await bot.say(f"/quote {passage.id}")
    assert post.params["chat_id"] == USER_ID
    assert_posted(post, passage)
    assert post.buttons == []  # the citation links to it; a button would open this same chat


def hit(score: float, rank: int) -> Hit:
    passage = Passage(f"d_x-{rank}", "d.txt", "T", None, rank, "text", rank)
    return Hit(passage, score, Excerpt((Segment("text"),)), rank)


def answer(*scores: float, answered: bool = True) -> Answer:
    hits = tuple(hit(score, rank) for rank, score in enumerate(scores, start=1))
    return Answer("q", "q", hits, answered, 1.0 if answered else 0.1, len(hits))


@pytest.mark.parametrize(
    ("got", "ambiguous"),
    [
        (answer(10.0), False),
        (answer(10.0, 5.0, 4.0), False),
        (answer(10.0, 9.0, 4.0), True),
        (answer(10.0, 12.0), True),  # re-ranking put a higher BM25 score second
        (answer(10.0, answered=False), True),
    ],
)
def test_words_are_ambiguous_when_the_runner_up_is_close_or_nothing_answers(
    got: Answer, ambiguous: bool
) -> None:
    assert is_ambiguous(got) is ambiguous


@pytest.mark.parametrize(
    ("text", "is_id"),
    [
        ("004_ac3189a7eefc069c-5", True),
        ("report-12", True),  # "report" is a document key
        ("gone_doc-3", True),
        ("G-20", False),
        ("missile defence", False),
        ("report-twelve", False),
    ],
)
def test_what_reads_as_a_passage_id(text: str, is_id: bool) -> None:
    assert looks_like_passage_id(text, {"report", "004_ac3189a7eefc069c"}) is is_id


# Inline mode --------------------------------------------------------------------------------


def results(call: Call) -> list[dict[str, Any]]:
    return list(call.params.get("results", []))


async def test_an_inline_query_lists_matching_passages_ten_at_a_time(bot: Harness) -> None:
    words = "China"
    total = library(bot).answer(words).total
    assert total > 20, "needs words many passages match"
    first = await bot.inline(words)
    # Per user (its buttons are in the user's language); Telegram may serve it from its cache.
    assert first.params["is_personal"] is True
    assert first.params["cache_time"] == 300
    expected = library(bot).answer(words, k=10).hits
    assert [r["id"] for r in results(first)] == [h.passage.id for h in expected]
    for result, expected_hit in zip(results(first), expected, strict=True):
        assert result["type"] == "article"
        passage = expected_hit.passage
        assert result["title"].startswith(passage.title)  # the document, then the section
        section = f", {passage.section}" if passage.section else ""  # an opening has none
        assert f"{section}, ¶ {passage.paragraph}" in result["title"]
        assert result["description"] == replies.shorten(expected_hit.excerpt.plain, 200)
    assert first.params["next_offset"] == "10"
    assert "button" not in first.params
    second = await bot.inline(words, offset=first.params["next_offset"])
    expected = library(bot).answer(words, k=10, offset=10).hits
    assert [r["id"] for r in results(second)] == [h.passage.id for h in expected]
    assert second.params["next_offset"] == "20"
    last_page = (total - 1) // 10 * 10
    last = await bot.inline(words, offset=str(last_page))
    assert len(results(last)) == total - last_page
    assert last.params.get("next_offset", "") == ""  # no more pages


async def test_a_chosen_inline_result_posts_the_quoted_passage_with_a_way_back(
    bot: Harness,
) -> None:
    first = await bot.inline("peacekeepers UN missions")
    for result in results(first):
        passage = library(bot).passage(result["id"])
        assert passage is not None
        content = result["input_message_content"]
        assert content["parse_mode"] == "HTML"
        assert content["link_preview_options"] == {"is_disabled": True}
        assert_posted(Call("sendMessage", {"text": content["message_text"]}), passage)
        assert result["reply_markup"]["inline_keyboard"] == [
            [{"text": f"Open in @{BOT_USERNAME}", "url": link(passage.id)}]
        ]
        assert len(result["id"].encode()) <= 64


async def test_an_empty_inline_query_shows_a_hint_that_opens_the_help(bot: Harness) -> None:
    for query in ("", "   "):
        hint = await bot.inline(query)
        assert results(hint) == []
        assert hint.params["button"] == {"text": messages.INLINE_HINT, "start_parameter": "help"}
    (help_text,) = await bot.say("/start help")  # what tapping the hint opens
    assert "How to ask" in help_text.text and "In groups and other chats" in help_text.text


async def test_inline_words_that_match_nothing_say_so(bot: Harness) -> None:
    for query in ("xylophonic zeppelins", "what is it?"):  # unknown words; only common words
        answered = await bot.inline(query)
        assert results(answered) == []
        assert answered.params["button"]["text"] == messages.INLINE_NOTHING


async def test_inline_small_talk_lists_nothing_and_shows_the_hint(bot: Harness) -> None:
    # "@bot thanks" listed the passages thanking someone, "@bot hi there" said nothing matched.
    for query in ("thanks", "hi there", "thanks, that's all", "can you help me check a claim?"):
        answered = await bot.inline(query)
        assert results(answered) == [], query
        assert answered.params["button"]["text"] == messages.INLINE_HINT, query
    assert results(await bot.inline("thanks to the WTO"))  # words to look up: listed


async def test_inline_results_stay_while_the_last_word_is_still_being_typed(bot: Harness) -> None:
    # Telegram asks at each pause in typing: "belt and ro" and "missile def" listed nothing.
    for typing, typed in (("belt and ro", "belt and"), ("missile def", "missile")):
        answered = await bot.inline(typing)
        expected = library(bot).answer(typed, k=10).hits
        assert expected, typed
        assert [r["id"] for r in results(answered)] == [h.passage.id for h in expected]
        assert "button" not in answered.params


@pytest.mark.parametrize("offset", ["garbage", "-10", "²", "9" * 5000])
async def test_a_malformed_inline_offset_starts_from_the_first_page(
    bot: Harness, offset: str
) -> None:
    answered = await bot.inline("China", offset=offset)
    first = library(bot).answer("China", k=10).hits
    assert [r["id"] for r in results(answered)] == [h.passage.id for h in first]


# Deep links ---------------------------------------------------------------------------------


async def test_the_deep_link_of_a_posted_passage_opens_it_in_private(bot: Harness) -> None:
    passage = passage_of_length(bot, longer_than=80)
    (post,) = await bot.say_in_group(f"/quote {passage.id}")
    parameter = post.buttons[0]["url"].split("?start=")[1]
    (opened,) = await bot.say(f"/start {parameter}")
    assert opened.params["chat_id"] == USER_ID
    assert visible(opened.text).startswith(passage.title)
    assert " ".join(passage.text.split()) in " ".join(visible(opened.text).split())


async def test_a_deep_link_to_a_passage_the_bot_never_had_says_so(bot: Harness) -> None:
    (reply,) = await bot.say("/start p_removed_document-3")
    assert reply.text == messages.BAD_DEEP_LINK


async def test_a_start_parameter_the_bot_never_links_just_greets(bot: Harness) -> None:
    (reply,) = await bot.say("/start from_a_website")
    assert reply.text == messages.GREETING


async def test_quote_s_choices_sent_as_the_group_itself_are_anyones_to_choose(
    bot: Harness,
) -> None:
    # An anonymous admin's /quote comes "from" GroupAnonymousBot, who never presses a button:
    # every member, the admin too, was told the choice was not theirs.
    sent = bot.updates.group_text(f"/quote {VAGUE_WORDS}").to_dict()
    sent["message"]["from"] = {"id": 1087968824, "is_bot": True, "first_name": "Group"}
    sent["message"]["sender_chat"] = sent["message"]["chat"]
    del sent["update_id"]
    (choice,) = await bot.send(bot.updates.raw(sent))
    label = [b["text"] for b in choice.buttons][1]
    assert len(await bot.press(choice, label, user_id=OTHER_USER_ID)) == 1
