"""Buttons and paging, restarts, reloads, errors and flood control, through the real Application."""

from __future__ import annotations

import logging
import re
import shutil
from dataclasses import replace
from pathlib import Path

import pytest
from tgfakes import USER_ID, Harness, RecordingRequest, html_problems, running_bot, visible

from bot.locales import en as messages
from bot.services import services_of
from bot.settings import Settings

QUESTION = "What do China and Russia say about missile defence?"
FEW_RESULTS = "peacekeepers"


def ranks(text: str) -> list[int]:
    """The rank numbers heading a page's entries (bold, so a quoted "11. The two sides …" of the
    statement's numbered points is not taken for one)."""
    return [int(n) for n in re.findall(r"^<b>(\d+)\.</b> ", text, re.M)]


def answered_callbacks(request: RecordingRequest) -> list[str | None]:
    return [call.params.get("text") for call in request.of("answerCallbackQuery")]


async def test_start_up_sets_the_commands_menu(settings: Settings) -> None:
    request = RecordingRequest()
    async with running_bot(settings, request):
        menu, group_menu = [
            c for c in request.of("setMyCommands") if "language_code" not in c.params
        ]
    commands = [(c["command"], c["description"]) for c in menu.params["commands"]]
    assert "scope" not in menu.params  # the default menu: private chats
    assert [name for name, _ in commands] == [
        "start",
        "help",
        "ask",
        "quote",
        "sources",
        "more",
        "reset",
        "language",
    ]
    # Groups get only what works there.
    assert group_menu.params["scope"] == {"type": "all_group_chats"}
    group_commands = [(c["command"], c["description"]) for c in group_menu.params["commands"]]
    assert [name for name, _ in group_commands] == ["ask", "quote", "help"]
    assert all(0 < len(description) <= 256 for _, description in commands + group_commands)
    assert request.methods[0] == "getMe"
    assert request.unexpected == []


async def test_full_passage_shows_the_whole_paragraph(bot: Harness) -> None:
    (answer,) = await bot.say(QUESTION)
    library = services_of(bot.app.bot_data).library
    top = library.answer(QUESTION).hits[0].passage
    (full,) = await bot.press(answer, "Full passage")
    assert answered_callbacks(bot.request) == [None]  # the spinner on the button stops
    assert html_problems(full.text) == []
    assert " ".join(top.text.split()) in " ".join(visible(full.text).split())
    assert visible(full.text).startswith(top.title)


async def test_more_results_pages_through_the_rest_of_the_ranking(bot: Harness) -> None:
    (answer,) = await bot.say(QUESTION)
    (page2,) = await bot.press(answer, "More results")
    (page3,) = await bot.press(page2, "More results")
    assert ranks(page2.text) == [4, 5, 6] and ranks(page3.text) == [7, 8, 9]
    library = services_of(bot.app.bot_data).library
    expected = library.answer(QUESTION, k=3, offset=3).hits
    for hit in expected:
        assert hit.passage.title in visible(page2.text)
    assert [b["text"] for b in page2.buttons] == ["📖 4", "📖 5", "📖 6", "More results"]
    (full,) = await bot.press(page2, "📖 5")
    assert " ".join(expected[1].passage.text.split()) in " ".join(visible(full.text).split())
    # The query log knows every passage shown for the question, across pages.
    saved = bot.state.latest_search(USER_ID, USER_ID)
    assert saved is not None and len(saved.shown) == 9 and saved.next_offset == 9


async def test_more_command_continues_where_the_last_page_stopped(bot: Harness) -> None:
    await bot.say(QUESTION)
    (page2,) = await bot.say("/more")
    (page3,) = await bot.press(page2, "More results")
    (page4,) = await bot.say("/more")
    assert [ranks(p.text) for p in (page2, page3, page4)] == [[4, 5, 6], [7, 8, 9], [10, 11, 12]]


async def test_more_typed_after_paging_an_earlier_answer_goes_on_with_that_answer(
    bot: Harness,
) -> None:
    # bottry31: "more" typed right after the page an earlier answer's button showed paged the
    # last question asked instead ("That was everything … for “and in 2005?”").
    other = "How many peacekeepers has China sent to UN missions?"
    (earlier,) = await bot.say(QUESTION)
    await bot.say(other)
    (page2,) = await bot.press(earlier, "More results")
    (page3,) = await bot.say("more")
    assert ranks(page3.text) == [7, 8, 9]
    assert visible(page2.text).startswith(f"More results for “{QUESTION}”")
    assert visible(page3.text).startswith(f"More results for “{QUESTION}”")
    await bot.say(other)  # a question asked: "more" is about it again
    (next_of_other,) = await bot.say("more")
    assert visible(next_of_other.text).startswith(f"More results for “{other}”")


async def test_more_after_a_follow_up_names_the_question_it_followed(bot: Harness) -> None:
    # The page after "why?" was titled "More results for “why?”", which says nothing.
    await bot.say(QUESTION)
    (answer,) = await bot.say("and what about Russia?")
    assert visible(answer.text).startswith(f"Read as a follow-up to “{QUESTION}”.")
    (page2,) = await bot.say("/more")
    assert visible(page2.text).startswith(
        f"More results for “and what about Russia?”, after “{QUESTION}”:"
    )
    assert ranks(page2.text) == [4, 5, 6]


async def test_a_message_saying_only_more_pages_as_the_command_does(bot: Harness) -> None:
    await bot.say(QUESTION)
    (page2,) = await bot.say("more")
    (page3,) = await bot.say("Ещё!")  # any language the bot speaks, however it is punctuated
    (page4,) = await bot.say("  更多 ")
    assert [ranks(p.text) for p in (page2, page3, page4)] == [[4, 5, 6], [7, 8, 9], [10, 11, 12]]


async def test_paging_ends_with_a_clear_last_word(bot: Harness) -> None:
    total = services_of(bot.app.bot_data).library.answer(FEW_RESULTS).total
    assert 3 < total <= 9, "needs a question with a few results"
    await bot.say(FEW_RESULTS)
    seen: list[int] = []
    for _ in range(5):
        (reply,) = await bot.say("/more")
        if reply.text.startswith("That was everything"):
            break
        seen.extend(ranks(reply.text))
        assert ("More results" in [b["text"] for b in reply.buttons]) == (seen[-1] < total)
    assert seen == list(range(4, total + 1))
    assert (
        visible(reply.text)
        == f"That was everything: there are no more results for “{FEW_RESULTS}”."
    )


async def test_a_thumbs_down_offers_more_results_only_under_an_answer_that_has_them(
    bot: Harness,
) -> None:
    (answer,) = await bot.say("מה זה גבינת ירח?")  # nothing found: no "More results" button
    assert [b["text"] for b in answer.buttons] == ["👍", "👎"]
    await bot.press(answer, "👎")
    assert answered_callbacks(bot.request) == [messages.FEEDBACK_THANKS_BAD_ALONE]


async def test_more_before_any_question_says_to_ask_first(bot: Harness) -> None:
    (reply,) = await bot.say("/more")
    assert reply.text == messages.NOTHING_TO_PAGE


async def test_votes_attach_to_the_logged_question(bot: Harness) -> None:
    (answer,) = await bot.say(QUESTION)
    await bot.press(answer, "👍")
    await bot.press(answer, "👎")
    assert answered_callbacks(bot.request) == [
        messages.FEEDBACK_THANKS_GOOD,
        messages.FEEDBACK_THANKS_BAD,
    ]
    state = bot.state
    saved = state.latest_search(USER_ID, USER_ID)
    assert saved is not None and saved.question == QUESTION
    assert state.feedback(saved.key) == {USER_ID: -1}
    assert bot.request.sent[1:] == []  # a vote sends no message


async def test_buttons_this_bot_does_not_know_say_they_expired(bot: Harness) -> None:
    for data in ("m:unknownkey:3", "v:unknownkey:+", "zz", "x:99"):
        await bot.send(bot.updates.press(data))
    assert bot.request.sent[0].text == messages.SEARCH_GONE
    assert answered_callbacks(bot.request) == [
        None,
        messages.FEEDBACK_GONE,
        messages.BUTTON_EXPIRED,
        messages.BUTTON_EXPIRED,
    ]


async def test_more_results_keeps_working_after_a_restart(settings: Settings) -> None:
    first = RecordingRequest()
    async with running_bot(settings, first) as bot:
        (answer,) = await bot.say(QUESTION)
        await bot.press(answer, "More results")
        page_before = first.sent[-1].text
    second = RecordingRequest()
    # A new Application on the same database: it opens its own library and state store.
    async with running_bot(settings, second) as bot:
        (page,) = await bot.press(answer, "More results")
        await bot.press(answer, "👍")
        (full,) = await bot.press(answer, "Full passage")
        state = bot.state
        saved = state.latest_search(USER_ID, USER_ID)
    assert ranks(page.text) == [4, 5, 6]
    assert page.text == page_before  # the same ranking as before the restart
    assert "corpus" not in page.text and messages.CORPUS_CHANGED not in page.text
    assert full.text != messages.PASSAGE_GONE
    assert saved is not None and state is not None
    assert second.unexpected == []


async def test_after_a_reload_a_passage_that_is_gone_is_said_to_be(
    settings: Settings, tmp_path: Path
) -> None:
    corpus = tmp_path / "corpus"
    shutil.copytree(settings.corpus_dir, corpus)
    settings = replace(settings, corpus_dir=corpus, db_path=tmp_path / "reloaded.db")
    first = RecordingRequest()
    async with running_bot(settings, first) as bot:
        (answer,) = await bot.say(QUESTION)
        top = services_of(bot.app.bot_data).library.answer(QUESTION).hits[0].passage
    (corpus / top.doc).unlink()  # the document of the best passage leaves the collection
    second = RecordingRequest()
    async with running_bot(settings, second) as bot:  # start-up re-reads the corpus
        (gone,) = await bot.press(answer, "Full passage")
        (page,) = await bot.press(answer, "More results")
    assert gone.text == messages.PASSAGE_GONE
    assert messages.CORPUS_CHANGED in page.text
    assert top.title not in visible(page.text)


async def test_an_unexpected_failure_is_logged_and_the_user_gets_one_apology(
    bot: Harness, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    library = services_of(bot.app.bot_data).library

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("the index is on fire")

    monkeypatch.setattr(library, "answer", broken)
    with caplog.at_level(logging.ERROR):
        sent = await bot.say(QUESTION)
    assert [call.text for call in sent] == [messages.APOLOGY]
    (record,) = [r for r in caplog.records if r.name == "bot.handlers.errors"]
    assert record.exc_info is not None and "on fire" in str(record.exc_info[1])
    assert "on fire" not in messages.APOLOGY


async def test_flood_control_retry_after_is_honoured(bot: Harness) -> None:
    bot.request.fail_next(
        "sendMessage",
        429,
        description="Too Many Requests: retry after 1",
        parameters={"retry_after": 1},
    )
    await bot.say(QUESTION)
    attempts = bot.request.sent
    assert len(attempts) == 2  # refused once, then sent after waiting
    assert attempts[0].params == attempts[1].params
    assert bot.request.of("answerCallbackQuery") == []
