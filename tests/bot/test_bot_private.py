"""The bot in a private chat, driven through the real Application with real updates, offline.

The library is the real one on the real corpus; what the bot is expected to quote is asked of the
same library, so these tests check the bot's behaviour, not the ranking.
"""

from __future__ import annotations

import json
import re
import time
from pathlib import Path

import pytest
from tgfakes import USER_ID, Harness, html_problems, visible

from bot.locales import en as messages
from bot.locales import ru
from bot.services import services_of
from bot.state import StateStore
from retrieval.library import Library
from retrieval.model import Answer

QUESTION = "What do China and Russia say about missile defence?"
FOLLOW_UP = "and with Pakistan?"


def library(bot: Harness) -> Library:
    return services_of(bot.app.bot_data).library


def state(bot: Harness) -> StateStore:
    return bot.state


def expected(bot: Harness, question: str, **kwargs: object) -> Answer:
    return library(bot).answer(question, **kwargs)  # type: ignore[arg-type]


def query_log(bot: Harness) -> list[dict[str, object]]:
    return list(state(bot).db.query("SELECT * FROM bot_queries ORDER BY id"))


async def test_a_question_is_answered_with_the_best_passage_quoted_and_cited(bot: Harness) -> None:
    (reply,) = await bot.say(QUESTION)
    best = expected(bot, QUESTION)
    assert best.answered
    top = best.hits[0].passage
    # "typing" is shown while the search runs, before the answer.
    assert bot.request.methods == ["sendChatAction", "sendMessage"]
    assert bot.request.of("sendChatAction")[0].params == {"chat_id": USER_ID, "action": "typing"}
    assert reply.params["chat_id"] == USER_ID
    assert reply.params["parse_mode"] == "HTML"
    assert html_problems(reply.text) == []
    assert len(reply.text) <= 4096
    quote = re.match(r"<blockquote>(.*?)</blockquote>\n— (.*)", reply.text, re.S)
    assert quote is not None
    assert "<b>" in quote.group(1)  # the matched words
    assert visible(quote.group(1)).strip(" …") in top.text.replace("\n", " ")
    assert visible(quote.group(2)).startswith(f"{top.title}, ")
    assert f"¶ {top.paragraph}" in quote.group(2)
    # One or two further hits as short lines.
    assert re.findall(r"^(\d)\. ", reply.text, re.M) in (["2"], ["2", "3"])  # by their rank
    assert [b["text"] for b in reply.buttons] == ["Full passage", "More results", "👍", "👎"]
    assert all(len(b["callback_data"].encode()) <= 64 for b in reply.buttons)


async def test_links_in_answers_do_not_unfurl_into_previews(bot: Harness) -> None:
    (reply,) = await bot.say(QUESTION)
    assert reply.params["link_preview_options"] == {"is_disabled": True}


async def test_every_question_goes_into_the_query_log(bot: Harness) -> None:
    await bot.say(QUESTION)
    await bot.say("where is the moon cheese sold")
    answered, declined = query_log(bot)
    assert answered["chat_type"] == "private" and answered["user_id"] == USER_ID
    assert answered["question"] == QUESTION and answered["answered"] == 1
    shown = [hit.passage.id for hit in expected(bot, QUESTION).hits]
    assert answered["shown"] == '["' + '", "'.join(shown) + '"]'
    assert isinstance(answered["ms"], int) and answered["ms"] >= 0
    assert isinstance(answered["asked_at"], float)
    assert declined["question"] == "where is the moon cheese sold" and declined["answered"] == 0


async def test_no_answer_reads_as_a_helpful_reply(bot: Harness) -> None:
    (reply,) = await bot.say("where is the moon cheese sold")
    assert html_problems(reply.text) == []
    shown = visible(reply.text)
    assert "I searched the documents for “where is the moon cheese sold”" in shown
    assert "nothing in them answers it" in shown
    assert "/sources" in shown and "other words" in shown
    assert "<blockquote>" not in reply.text  # nothing is presented as the answer


async def test_the_closest_passages_of_a_declined_question_are_flagged(bot: Harness) -> None:
    question = "What did the treaty say about cheese exports to the moon?"
    answer = expected(bot, question)
    assert not answer.answered and answer.hits, "needs a question the library declines"
    (reply,) = await bot.say(question)
    assert visible(messages.NO_ANSWER_CLOSEST) in visible(reply.text)
    assert answer.hits[0].passage.title in visible(reply.text)


async def test_start_greets_with_three_example_questions_as_buttons(bot: Harness) -> None:
    (reply,) = await bot.say("/start")
    assert reply.text == messages.GREETING
    examples = library(bot).example_questions()
    assert [b["text"] for b in reply.buttons] == examples
    assert len(reply.buttons) == 3


async def test_a_long_example_is_cut_between_words_on_its_button(
    admin_bot: Harness, corpus_dir: Path
) -> None:
    # "¿Qué hay sobre «CONTRIBUCION PARA El ESTUDIO DE LOS ANTIGUO…": cut inside a word.
    long = "What do China and Russia say about the global anti-missile system deployment?"
    manifest = corpus_dir / "manifest.toml"
    manifest.write_text(
        manifest.read_text("utf-8").replace('"What is the Belt and Road initiative?"', repr(long)),
        "utf-8",
    )
    await admin_bot.say("/reload")
    (reply,) = await admin_bot.say("/start")
    label = reply.buttons[-1]["text"]
    assert label == "What do China and Russia say about the global anti-missile…"
    (answer,) = await admin_bot.press(reply, label)
    assert visible(answer.text).startswith(f"❓ {long}")


async def test_tapping_an_example_asks_it(bot: Harness) -> None:
    (greeting,) = await bot.say("/start")
    label = greeting.buttons[1]["text"]
    (reply,) = await bot.press(greeting, label)
    example = library(bot).example_questions()[1]
    assert visible(reply.text).startswith(f"❓ {example}")
    assert bot.request.of("answerCallbackQuery")
    assert query_log(bot)[-1]["question"] == example


async def test_a_long_paragraph_cut_into_passages_opens_whole(bot: Harness) -> None:
    # ¶ 20 of the 2004 white paper's chapter is two passages; either opens the paragraph.
    first, second = (library(bot).passage(f"004_ac3189a7eefc069c-{n}") for n in (20, 21))
    assert first is not None and second is not None and first.paragraph == second.paragraph
    (reply,) = await bot.say(f"/start p_{second.id}")
    shown = " ".join(visible(reply.text).split())
    assert " ".join(first.text.split()) in shown and " ".join(second.text.split()) in shown
    assert shown.count("¶ 20") == 1


async def test_a_deep_link_opens_that_passage(bot: Harness) -> None:
    passage = expected(bot, QUESTION).hits[0].passage
    (reply,) = await bot.say(f"/start p_{passage.id}")
    assert html_problems(reply.text) == []
    shown = visible(reply.text)
    assert shown.startswith(passage.title)
    assert f"¶ {passage.paragraph}" in shown
    assert " ".join(passage.text.split()) in " ".join(shown.split())
    assert f"https://t.me/quotebot_test_bot?start=p_{passage.id}" in reply.text


async def test_a_deep_link_past_the_end_of_a_document_says_the_documents_changed(
    bot: Harness,
) -> None:
    document = library(bot).documents()[0]  # it had more passages once: the link was one
    (reply,) = await bot.say(f"/start p_{document.key}-{document.paragraphs + 500}")
    assert reply.text == messages.LINK_GONE


@pytest.mark.parametrize("parameter", ["p_d999_nothing-1", "p_hello", "p_004_ac3189a7eefc069c"])
async def test_a_deep_link_that_never_was_a_passage_says_so_plainly(
    bot: Harness, parameter: str
) -> None:
    (reply,) = await bot.say(f"/start {parameter}")
    assert reply.text == messages.BAD_DEEP_LINK
    bot.updates.languages[USER_ID] = "ru"
    (russian,) = await bot.say(f"/start {parameter}")
    assert russian.text == ru.BAD_DEEP_LINK


async def test_help_explains_asking_following_up_and_quoting(bot: Harness) -> None:
    (reply,) = await bot.say("/help")
    assert html_problems(reply.text) == []
    for heading in ("How to ask", "Follow up", "Quote"):
        assert heading in reply.text
    assert "for 30 minutes" in reply.text  # the configured idle time
    assert "/reset" in reply.text and "/more" in reply.text


async def test_sources_lists_each_document_with_date_and_paragraphs(bot: Harness) -> None:
    replies = await bot.say("/sources")
    shown = "\n".join(visible(reply.text) for reply in replies)
    documents = library(bot).documents()
    assert shown.startswith(f"The documents I quote from ({len(documents)}):")
    for document in documents:
        line = next(line for line in shown.split("\n") if document.title in line)
        assert line.endswith(f"· {document.paragraphs} paragraphs")
        if document.date:
            assert document.date in line


async def test_a_follow_up_is_read_with_the_previous_question(bot: Harness) -> None:
    await bot.say(QUESTION)
    (reply,) = await bot.say(FOLLOW_UP)
    assert visible(reply.text).startswith(f"Read as a follow-up to “{QUESTION}”.")
    assert query_log(bot)[-1]["context"] == QUESTION
    # The reply quotes what the library answers for the question together with its context.
    top = expected(bot, FOLLOW_UP, context=QUESTION).hits[0].passage
    assert f"¶ {top.paragraph}" in reply.text.split("</blockquote>")[1].split("\n")[1]


async def test_reset_forgets_the_conversation(bot: Harness) -> None:
    await bot.say(QUESTION)
    (done,) = await bot.say("/reset")
    assert done.text == messages.RESET_DONE
    (reply,) = await bot.say(FOLLOW_UP)
    assert "follow-up" not in reply.text
    assert query_log(bot)[-1]["context"] is None


async def test_a_conversation_idle_too_long_is_forgotten(
    bot: Harness, monkeypatch: pytest.MonkeyPatch
) -> None:
    await bot.say(QUESTION)
    # Let 31 minutes pass (the idle time is 30).
    later = time.time() + 31 * 60
    monkeypatch.setattr("bot.handlers.common.clock", lambda: later)
    (reply,) = await bot.say(FOLLOW_UP)
    assert "follow-up" not in reply.text
    assert query_log(bot)[-1]["context"] is None


async def test_conversations_are_per_user(bot: Harness) -> None:
    await bot.say(QUESTION, user_id=USER_ID)
    (reply,) = await bot.say(FOLLOW_UP, user_id=USER_ID + 1)
    assert "follow-up" not in reply.text


async def test_a_question_of_4096_characters_is_answered(bot: Harness) -> None:
    question = (QUESTION + " ") * 100
    question = question[:4096]
    (reply,) = await bot.say(question)
    assert reply.text.startswith("<blockquote>")
    assert len(reply.text) <= 4096 and html_problems(reply.text) == []
    assert len(query_log(bot)[-1]["question"]) == 4096  # type: ignore[arg-type]


async def test_html_and_markdown_in_a_question_are_searched_as_text_and_shown_escaped(
    bot: Harness,
) -> None:
    (answered,) = await bot.say("<b>missile</b> *defence* _China_ `Russia` 🚀")
    assert answered.text.startswith("<blockquote>") and html_problems(answered.text) == []
    (declined,) = await bot.say("<script>alert('moon cheese')</script> **zebra**")
    assert html_problems(declined.text) == []
    assert "&lt;script&gt;" in declined.text
    assert "<script>alert('moon cheese')</script> **zebra**" in visible(declined.text)


async def test_emoji_in_a_question_are_fine(bot: Harness) -> None:
    (reply,) = await bot.say("🇨🇳 peacekeepers 🪖 UN missions?")
    assert reply.text.startswith("<blockquote>")
    assert html_problems(reply.text) == []


async def test_a_question_without_words_gets_a_friendly_reply(bot: Harness) -> None:
    for text in ("???", "🚀🚀", "…"):
        (reply,) = await bot.say(text)
        assert reply.text == messages.EMPTY_QUESTION
    assert query_log(bot) == []


async def test_a_first_question_about_it_says_nothing_was_asked_before(bot: Harness) -> None:
    # finalread15-b: "how do I install it?" as the first question was told it "only has very
    # common words" ("install" is none): it names its subject by a pronoun, with nothing before.
    (reply,) = await bot.say("how do I install it?")
    assert reply.text == messages.NOTHING_NAMED
    (reply,) = await bot.say("/reset")
    (reply,) = await bot.say("and where do I download them?")
    assert reply.text == messages.NOTHING_NAMED


async def test_a_question_of_only_common_words_says_what_to_add(bot: Harness) -> None:
    (reply,) = await bot.say("what is it?")
    assert reply.text == messages.ONLY_COMMON_WORDS
    # "what can you do?" is no search either: it is pointed at /help, which says.
    (reply,) = await bot.say("what can you do?")
    assert "/help says what I can do" in reply.text


async def test_stickers_photos_and_voice_get_a_short_useful_reply(bot: Harness) -> None:
    for update in (bot.updates.sticker(), bot.updates.photo(), bot.updates.voice()):
        (reply,) = await bot.send(update)
        assert reply.text == messages.NOT_TEXT
    assert "sendChatAction" not in bot.request.methods
    assert query_log(bot) == []


async def test_a_photo_s_caption_is_answered_as_a_question(bot: Harness) -> None:
    (reply,) = await bot.send(bot.updates.photo(caption=QUESTION))
    assert "<blockquote>" in reply.text
    assert query_log(bot)[-1]["question"] == QUESTION


async def test_a_question_edited_after_its_answer_is_told_to_send_it_again(bot: Harness) -> None:
    # The edit (France → Germany) got no reply at all: the person waited for an answer.
    await bot.say(QUESTION)
    edit = bot.updates.text(QUESTION.replace("Russia", "Germany"), edited=True)
    (told,) = await bot.send(edit)
    assert told.text == messages.EDITED_NOT_ANSWERED
    assert edit.edited_message is not None
    assert told.params["reply_parameters"]["message_id"] == edit.edited_message.message_id
    assert [row["question"] for row in query_log(bot)] == [QUESTION]  # not searched
    assert await bot.send(bot.updates.text("/start", edited=True)) == []  # a command: nothing
    bot.updates.languages[USER_ID] = "ru"
    (in_russian,) = await bot.send(bot.updates.text("что такое ШОС?", edited=True))
    assert in_russian.text == ru.EDITED_NOT_ANSWERED


async def test_an_unknown_command_points_to_help(bot: Harness) -> None:
    (reply,) = await bot.say("/frobnicate now")
    assert reply.text == messages.UNKNOWN_COMMAND
    assert query_log(bot) == []


async def test_the_bots_own_name_in_a_question_is_not_searched(bot: Harness) -> None:
    (reply,) = await bot.say(f"@quotebot_test_bot {QUESTION}")
    assert reply.text.startswith("<blockquote>")
    assert query_log(bot)[-1]["question"] == QUESTION


async def test_commands_addressed_to_this_bot_by_name_work(bot: Harness) -> None:
    (reply,) = await bot.say("/help@quotebot_test_bot")
    assert "How to ask" in reply.text


async def test_thanks_and_greetings_get_a_friendly_line_not_a_search(bot: Harness) -> None:
    for text in ("thanks!", "Hi", "merci beaucoup", "спасибо"):
        (reply,) = await bot.say(text)
        assert reply.text == messages.SMALL_TALK_REPLY, text


async def test_a_greeting_between_questions_is_no_follow_up_and_leaves_the_thread(
    bot: Harness,
) -> None:
    # "hello again" was searched as a follow-up ("Read as a follow-up to …"), and the next real
    # follow-up then read "QUESTION hello again" as its context.
    await bot.say(QUESTION)
    for text in ("hello again", "Good morning!", "thanks again", "bye", "d'accord", "пока"):
        (reply,) = await bot.say(text)
        assert reply.text == messages.SMALL_TALK_REPLY, text
    (reply,) = await bot.say(FOLLOW_UP)
    assert visible(reply.text).startswith(f"Read as a follow-up to “{QUESTION}”.")
    assert query_log(bot)[-1]["context"] == QUESTION


async def test_a_sign_off_or_a_request_for_help_gets_the_friendly_line_in_any_turn(
    bot: Harness,
) -> None:
    # tryout21: after questions "thanks, that's all" was searched as a follow-up (it quoted an
    # acknowledgements section), and "good morning, can you help me check a claim?" was
    # quoted a passage that "checked" something.
    said = ("thanks, that's all", "ok that's it, thanks", "hi there", "hello everyone",
            "good morning, can you help me check a claim?", "I have a question",
            "спасибо, это всё", "у меня вопрос", "就这些，谢谢", "hola a todos",
            "j’ai une question")  # fmt: skip
    for text in said:
        (reply,) = await bot.say(text)  # a first turn
        assert reply.text == messages.SMALL_TALK_REPLY, text
    await bot.say(QUESTION)
    for text in said:
        (reply,) = await bot.say(text)
        assert reply.text == messages.SMALL_TALK_REPLY, text
    assert [row["question"] for row in query_log(bot)] == [QUESTION]
    # What asks about something is searched, however it opens.
    for text in ("thanks to what did China join the WTO?", "help with peacekeeping missions"):
        (reply,) = await bot.say(text)
        assert reply.text != messages.SMALL_TALK_REPLY, text
        assert query_log(bot)[-1]["question"] == text


async def test_tell_me_more_pages_on_like_more(bot: Harness) -> None:
    await bot.say(QUESTION)
    (reply,) = await bot.say("Tell me more!")
    assert visible(reply.text).startswith(f"More results for “{QUESTION}”")
    assert [row["question"] for row in query_log(bot)] == [QUESTION]


async def test_asking_for_other_results_in_any_language_pages_on(bot: Harness) -> None:
    # review15-b: the French "d’autres résultats" was searched as a question, not paged on.
    for text in ("autres résultats", "d’autres résultats", "encore des résultats",
                 "otros resultados", "другие результаты", "其他结果", "other results"):  # fmt: skip
        await bot.say(QUESTION)
        (reply,) = await bot.say(text)
        assert visible(reply.text).startswith(f"More results for “{QUESTION}”"), text
    assert {row["question"] for row in query_log(bot)} == {QUESTION}  # none was searched


async def test_naming_a_result_by_its_rank_opens_it_in_full(bot: Harness) -> None:
    # "the second one" was searched as a question: "The second strategy … is to pursue …".
    await bot.say(QUESTION)
    shown = json.loads(str(query_log(bot)[-1]["shown"]))
    for text, rank in (("the second one", 2), ("#1", 1), ("Третий", 3)):
        (opened,) = await bot.say(text)
        passage = library(bot).passage(shown[rank - 1])
        assert passage is not None
        assert f"¶ {passage.paragraph}" in visible(opened.text).split("\n")[1], text
        assert passage.text[:60] in visible(opened.text), text
    await bot.say("more")  # results 4 to 6, numbered so
    shown = json.loads(str(query_log(bot)[-1]["shown"]))
    (opened,) = await bot.say("show me the fifth")
    assert library(bot).passage(shown[4]).text[:60] in visible(opened.text)  # type: ignore[union-attr]
    assert len(query_log(bot)) == 1  # nothing was searched


async def test_paging_words_and_ordinals_of_languages_the_bot_only_reads_work(bot: Harness) -> None:
    # tryout15: "もっと" got "这个问题只包含非常常见的词" and "2番目" quoted "Vue 2 在 2022 年…".
    await bot.say(QUESTION)
    (page,) = await bot.say("もっと")
    assert visible(page.text).startswith(f"More results for “{QUESTION}”")
    (page,) = await bot.say("次の結果")
    assert visible(page.text).startswith(f"More results for “{QUESTION}”")
    shown = json.loads(str(query_log(bot)[-1]["shown"]))
    for text in ("2番目", "二つ目", "die zweite", "두 번째"):
        (opened,) = await bot.say(text)
        assert library(bot).passage(shown[1]).text[:60] in visible(opened.text), text  # type: ignore[union-attr]
    assert len(query_log(bot)) == 1  # nothing was searched


async def test_more_with_filler_words_pages_on_and_a_number_word_opens_a_result(
    bot: Harness,
) -> None:
    # tryout20: "show me more" and "more please" got "only very common words", "and more" was
    # searched as a follow-up, "number 3" and "result 5" answered as questions ("Height value
    # can be a negative number"), and "#4" then counted from "number 3"'s ranking.
    await bot.say(QUESTION)
    for text, first in (("show me more", 4), ("more please", 7), ("and more", 10)):
        (page,) = await bot.say(text)
        assert visible(page.text).startswith(f"More results for “{QUESTION}”"), text
        assert re.search(rf"^{first}\. ", visible(page.text), re.M), text
    ranked = expected(bot, QUESTION, k=12).hits
    for text, rank in (("number 3", 3), ("result 5", 5), ("#4", 4), ("show me result 11", 11)):
        (opened,) = await bot.say(text)
        wanted = ranked[rank - 1].passage
        assert f"¶ {wanted.paragraph}" in visible(opened.text).split("\n")[1], text
        assert wanted.text[:60] in visible(opened.text), text
    assert len(query_log(bot)) == 1  # nothing was searched


async def test_more_after_reset_asks_for_a_question_as_a_number_does(bot: Harness) -> None:
    # tryout20: after /reset "2" asked for a question, but "more" paged the question reset.
    await bot.say(QUESTION)
    await bot.say("/reset")
    for text, said in (
        ("more", messages.NOTHING_TO_PAGE),
        ("/more", messages.NOTHING_TO_PAGE),
        ("2", messages.NUMBER_BEFORE_QUESTION),
        ("number 3", messages.NUMBER_BEFORE_QUESTION),
    ):
        (reply,) = await bot.say(text)
        assert reply.text == said, text
    await bot.say(QUESTION)  # a question again: paged again
    (page,) = await bot.say("more")
    assert visible(page.text).startswith(f"More results for “{QUESTION}”")


async def test_numbers_asked_one_after_another_each_follow_the_question(bot: Harness) -> None:
    # tryout20: "2004" then "404?" was "Read as a follow-up to “how do i install fzf on linux
    # 2004”": the second number chained onto the first.
    question = "How many peacekeepers did China send?"
    await bot.say(question)
    for text in ("2004", "404?", "and in 2005?"):
        (reply,) = await bot.say(text)
        assert visible(reply.text).startswith(f"Read as a follow-up to “{question}”."), text
    assert [row["context"] for row in query_log(bot)] == [None, question, question, question]
    (reply,) = await bot.say("and what did they do there?")  # words of its own: a subject
    assert query_log(bot)[-1]["context"] == question


async def test_a_bare_number_replying_to_an_answer_opens_that_result(bot: Harness) -> None:
    # "2" under an answer whose "Also relevant" lines are numbered 2. and 3. was searched as a
    # follow-up: "Read as a follow-up to …" and the same quote again. Not replying, it still is.
    (answer,) = await bot.say(QUESTION)
    shown = json.loads(str(query_log(bot)[-1]["shown"]))
    passage = library(bot).passage(shown[1])
    assert passage is not None
    (opened,) = await bot.say("2", reply_to=answer.result)
    assert f"¶ {passage.paragraph}" in visible(opened.text).split("\n")[1]
    assert passage.text[:60] in visible(opened.text)
    assert len(query_log(bot)) == 1  # nothing was searched
    (again,) = await bot.say("2")  # not replying: the answer just given, as in the terminal
    assert passage.text[:60] in visible(again.text)
    assert len(query_log(bot)) == 1


async def test_a_bare_number_long_after_the_answer_asks_for_a_question(
    bot: Harness, monkeypatch: pytest.MonkeyPatch
) -> None:
    await bot.say(QUESTION)
    later = time.time() + 31 * 60  # the idle time is 30 minutes
    monkeypatch.setattr("bot.handlers.common.clock", lambda: later)
    (reply,) = await bot.say("2")
    assert reply.text == messages.NUMBER_BEFORE_QUESTION
    assert [row["question"] for row in query_log(bot)] == [QUESTION]


async def test_a_bare_number_after_reset_asks_for_a_question_but_a_code_is_searched(
    bot: Harness,
) -> None:
    # Three testers met "2" after /reset searched as words: it quoted a price table's row.
    await bot.say(QUESTION)
    await bot.say("/reset")
    (reply,) = await bot.say("2")  # as in the terminal chat, whose /reset forgets the results too
    assert reply.text == messages.NUMBER_BEFORE_QUESTION
    await bot.say("404")  # three digits: a status code, a year's part, asked about
    assert [row["question"] for row in query_log(bot)] == [QUESTION, "404"]


async def test_a_results_number_past_those_shown_opens_that_result(bot: Harness) -> None:
    # "7" after three results was searched as words, in French: "(recherche : 7 …)", and "the
    # fifth one" quoted "custom5: the fifth of five user defined fields".
    await bot.say(QUESTION)
    ranked = expected(bot, QUESTION, k=10).hits
    for said, rank in (("7", 7), ("the fifth one", 5)):
        (opened,) = await bot.say(said)
        wanted = ranked[rank - 1].passage
        assert f"¶ {wanted.paragraph}" in visible(opened.text).split("\n")[1], said
        assert wanted.text[:60] in visible(opened.text), said
    assert len(query_log(bot)) == 1  # nothing was searched


async def test_a_results_number_past_the_ranking_says_how_many_there_are(bot: Harness) -> None:
    question = "Gulf of Aden escort vessels"
    assert expected(bot, question).total == 2, "needs a question with two results"
    (answer,) = await bot.say(question)
    for said, rank in (("7", 7), ("the fifth one", 5)):
        (told,) = await bot.say(said, reply_to=answer.result)
        found = messages.passages(2)
        assert visible(told.text) == messages.NO_SUCH_RESULT.format(
            rank=rank, question=question, found=found
        )
    assert len(query_log(bot)) == 1  # nothing was searched


async def test_a_results_number_above_ten_opens_that_result(bot: Harness) -> None:
    # "11" to "25" were searched as words, chained to the question before; "0" too.
    (answer,) = await bot.say(QUESTION)
    ranked = expected(bot, QUESTION, k=25).hits
    total = expected(bot, QUESTION).total
    assert len(ranked) == 25 and total < 400, "needs a question with 25 to 399 results"
    for said, reply_to in (("11", None), ("25", answer.result)):
        (opened,) = await bot.say(said, reply_to=reply_to)
        wanted = ranked[int(said) - 1].passage
        assert f"¶ {wanted.paragraph}" in visible(opened.text).split("\n")[1], said
        assert wanted.text[:60] in visible(opened.text), said
    for said in ("400", "0"):
        (told,) = await bot.say(said)
        assert visible(told.text) == messages.NO_SUCH_RESULT.format(
            rank=said, question=QUESTION, found=messages.passages(total)
        )
    assert len(query_log(bot)) == 1  # nothing was searched
    (told,) = await bot.say("the")  # not chained to the question: what to ask instead
    assert visible(told.text) == messages.ONLY_COMMON_WORDS


async def test_an_ordinal_that_is_a_question_or_names_a_division_is_searched(bot: Harness) -> None:
    await bot.say(QUESTION)
    await bot.say("the second world war")
    await bot.say("What does Chapter IX say about peacekeeping?")
    await bot.say("and the second?")  # chapter II, as retrieval reads it, not result 2
    await bot.say("第三条")  # the third article: a division, not result 3
    asked = [row["question"] for row in query_log(bot)]
    assert asked[1:] == ["the second world war", "What does Chapter IX say about peacekeeping?",
                         "and the second?", "第三条"]  # fmt: skip


async def test_a_question_with_bidi_controls_is_echoed_isolated_without_them(bot: Harness) -> None:
    # U+202E (right-to-left override) typed into a question reversed the rest of the bot's line.
    (reply,) = await bot.say("zzqx \u202ewibble frob")
    assert not re.search("[\u200e\u200f\u202a-\u202e]", reply.text)
    assert "“\u2068zzqx wibble frob\u2069”" in reply.text  # isolated: its own direction only


async def test_a_hebrew_question_is_echoed_isolated_so_its_question_mark_stays(
    bot: Harness,
) -> None:
    (reply,) = await bot.say("/quote גבינת ירח?")
    assert "\u2068גבינת ירח?\u2069" in reply.text
