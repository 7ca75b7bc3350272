"""Bad input: odd questions, odd updates and odd inline queries, through the real Application.

Each input gets one clear reply, or is ignored on purpose and logged as such; never a crash, an
apology or a message Telegram would refuse (invalid HTML, over 4,096 characters). The lists are
the inputs tried; the closing property test asks the real library anything Hypothesis can type.
"""

from __future__ import annotations

import logging
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import CORPUS
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from tgfakes import (
    BOT_ID,
    BOT_USER,
    BOT_USERNAME,
    GROUP_ID,
    OTHER_USER_ID,
    USER_ID,
    Call,
    Harness,
    Updates,
    chat_json,
    html_problems,
    sent_message,
    user_json,
    visible,
)

from bot import render as replies
from bot.handlers.common import question_problem
from bot.locales import en as messages
from bot.render.html import TELEGRAM_LIMIT, tg_len
from retrieval.errors import QuestionError
from retrieval.library import QUESTION_LIMIT, Library

QUESTION = "What do China and Russia say about missile defence?"

SEARCH, EMPTY, COMMON, NAMELESS, TOO_LONG, UNKNOWN, NOT_TEXT, USAGE, NUMBER = (
    "searched",
    "empty",
    "common words",
    "a pronoun and nothing asked before",
    "too long",
    "unknown command",
    "not text",
    "how to ask",
    "a result's number before any question",
)

# name: (text, what the reply must be)
QUESTIONS: dict[str, tuple[str, str]] = {
    # empty, spaces, stop words, one character
    "empty": ("", NOT_TEXT),  # Telegram never sends it; a message without text is not text
    "one space": (" ", EMPTY),
    "tabs and newlines": ("\n\n\t \r\n", EMPTY),
    "no-break and em spaces": ("\u00a0\u2003\u3000", EMPTY),
    "zero-width spaces only": ("\u200b\u200c\u200d\ufeff", EMPTY),
    "punctuation only": ("?!…—«»", EMPTY),
    "emoji only": ("🚀🔥👍🏽", EMPTY),
    "flag and ZWJ emoji only": ("🇨🇳🏳️‍🌈👨‍👩‍👧‍👦", EMPTY),
    "the": ("the", COMMON),
    "stop words": ("what is it that they said about it?", NAMELESS),
    "stop words in capitals": ("WHO? WHAT? WHEN? WHERE?", COMMON),
    "one letter": ("a", COMMON),
    "one letter x": ("x", COMMON),
    "one accented letter": ("é", COMMON),
    "one CJK character": ("中", COMMON),
    "one digit": ("7", NUMBER),  # a result's number, with no answer yet to open it in
    "one question mark": ("?", EMPTY),
    "single letters": ("x " * 2048, COMMON),
    # long
    "4,096 characters of question": (((QUESTION + " ") * 80)[:4096], SEARCH),
    "4,096 of one letter": ("a" * 4096, SEARCH),
    "4,096 CJK characters": ("中" * 4096, SEARCH),
    "2,048 emoji (4,096 UTF-16 units)": ("🚀" * 2048, EMPTY),
    "over the library's limit": ("peace " * (QUESTION_LIMIT // 6 + 1), TOO_LONG),
    # every script
    "Chinese": ("中国和俄罗斯在导弹防御问题上怎么说？", SEARCH),
    "Japanese": ("中国とロシアはミサイル防衛について何と言っていますか", SEARCH),
    "Korean": ("중국과 러시아는 미사일 방어에 대해 뭐라고 말합니까?", SEARCH),
    "Arabic": ("ماذا تقول الصين عن حفظ السلام؟", SEARCH),
    "Hebrew": ("מה אומרת סין על שמירת השלום?", SEARCH),
    "Russian": ("Что Китай говорит о миротворчестве?", SEARCH),
    "Greek": ("Τι λέει η Κίνα για την ειρήνη;", SEARCH),
    "Hindi": ("चीन शांति स्थापना के बारे में क्या कहता है?", SEARCH),
    "Thai": ("จีนพูดอะไรเกี่ยวกับการรักษาสันติภาพ", SEARCH),
    "Georgian": ("რას ამბობს ჩინეთი მშვიდობაზე?", SEARCH),
    "Amharic": ("ቻይና ስለ ሰላም ምን ትላለች?", SEARCH),
    "Tamil": ("அமைதி காக்கும் பணி பற்றி சீனா என்ன சொல்கிறது?", SEARCH),
    "Cyrillic look-alikes": ("Сhinа аnd Russiа missilе dеfеnce", SEARCH),
    "emoji among words": ("🇨🇳🤝🇷🇺 missile defence? 👨‍👩‍👧‍👦", SEARCH),
    # The marks are dropped before searching: the words underneath are found.
    "combining marks (Zalgo)": ("m̷̢i̵s̶s̴i̷l̸e̵ d̴e̷f̶e̶n̷c̶e̷", SEARCH),
    "mathematical letters": ("𝐦𝐢𝐬𝐬𝐢𝐥𝐞 𝐝𝐞𝐟𝐞𝐧𝐜𝐞", SEARCH),
    "full-width letters": ("ｍｉｓｓｉｌｅ ｄｅｆｅｎｃｅ", SEARCH),
    # control characters and invisible ones
    "NUL and controls": ("\x00\x01\x02 treaty \x7f\x9f", SEARCH),
    "ANSI colours": ("\x1b[31mred\x1b[0m treaty", SEARCH),
    "zero-width space inside": ("missile\u200bdefence", SEARCH),
    "soft hyphen": ("peace\u00adkeepers", SEARCH),
    "right-to-left override": ("\u202emissile defence\u202c", SEARCH),
    "byte order mark": ("\ufeffpeacekeepers", SEARCH),
    "line and paragraph separators": ("missile\u2028defence\u2029treaty", SEARCH),
    # formatting that would break a reply
    "HTML tags": ("<b>missile</b> <i>defence</i>", SEARCH),
    "closing tags": ("</blockquote></b></a> treaty", SEARCH),
    "a link": ('<a href="javascript:alert(1)">treaty</a>', SEARCH),
    "a script": ("<script>alert('treaty')</script>", SEARCH),
    "entities": ("&lt;&amp;&#0;&#x110000;&nbsp;&bogus; treaty", SEARCH),
    "Telegram-only tags": ("<tg-spoiler>peace</tg-spoiler> <blockquote expandable>treaty", SEARCH),
    "Markdown": ("*bold* _italic_ `code` ```block``` [link](http://x.y) ||spoiler|| ~s~", SEARCH),
    "MarkdownV2 escapes": ("\\*missile\\* \\_defence\\_ \\[treaty\\]", SEARCH),
    "unbalanced quotes": ("“treaty ‘missile \"defence '", SEARCH),
    # SQL and full-text-search operators
    "SQL injection": ("'; DROP TABLE bot_queries; --", SEARCH),
    "SQL always true": ("1' OR '1'='1", SEARCH),
    "SQL union": ("treaty UNION SELECT * FROM passages", SEARCH),
    "FTS boolean": ("missile AND NOT defence", SEARCH),
    "FTS NEAR": ("NEAR(china russia, 5)", SEARCH),
    "FTS prefix": ("china* russ*", SEARCH),
    "FTS phrase": ('"missile defence" treaty', SEARCH),
    "FTS column": ("title:china text:russia", SEARCH),
    "FTS signs": ("-russia +china ^missile", SEARCH),
    "dangling OR": ("china OR", SEARCH),
    "LIKE wildcards": ("%_% treaty%", SEARCH),
    "brackets": ("{china} [russia] (missile) <defence>", SEARCH),
    "backslashes": ("\\\\ treaty \\", SEARCH),
    "regex": (".*(missile|defence)+$", SEARCH),
    # commands nobody knows
    "unknown command": ("/frobnicate now", UNKNOWN),
    "a lone slash": ("/", UNKNOWN),
    "numeric command": ("/123", UNKNOWN),
    "long command": ("/" + "x" * 64, UNKNOWN),
    "another bot's /start": ("/start@other_quote_bot", UNKNOWN),
    "another bot's /ask": ("/ask@other_quote_bot missile defence", UNKNOWN),
    "another bot's /reload": ("/reload@other_quote_bot", UNKNOWN),
    "an admin command's look-alike": ("/reloadd", UNKNOWN),
    "/ask without a question": ("/ask", USAGE),
}
# Searched: quoted, declined, or (asked in a language no document is written in) told which
# languages the documents are in.
SEARCH_OPENINGS = (
    "<blockquote>",
    "I searched the documents for",
    messages.WRONG_LANGUAGE.split("{")[0],
    messages.WRONG_LANGUAGE_ONE.split("{")[0],
)
FIXED = {
    EMPTY: messages.EMPTY_QUESTION,
    COMMON: messages.ONLY_COMMON_WORDS,
    NAMELESS: messages.NOTHING_NAMED,
    UNKNOWN: messages.UNKNOWN_COMMAND,
    NOT_TEXT: messages.NOT_TEXT,
    USAGE: messages.ASK_USAGE,
    NUMBER: messages.NUMBER_BEFORE_QUESTION,
}


def query_log(bot: Harness) -> list[dict[str, Any]]:
    state = bot.state
    return list(state.db.query("SELECT * FROM bot_queries ORDER BY id"))


def assert_sendable(call: Call) -> None:
    """Telegram would take it: valid HTML, within 4,096 characters, no control characters."""
    text = call.text
    assert html_problems(text) == [], text[:300]
    assert tg_len(visible(text)) <= TELEGRAM_LIMIT and tg_len(text) <= TELEGRAM_LIMIT
    assert replies.sendable(text) == text


@pytest.mark.parametrize("name", list(QUESTIONS))
async def test_odd_questions_in_private_get_one_clear_reply(
    bot: Harness, caplog: pytest.LogCaptureFixture, name: str
) -> None:
    text, expected = QUESTIONS[name]
    with caplog.at_level(logging.WARNING):
        sent = await bot.say(text)
    (reply,) = sent
    assert_sendable(reply)
    assert [r for r in caplog.records if r.levelno >= logging.WARNING] == []
    if expected == SEARCH:
        assert reply.text.startswith(SEARCH_OPENINGS), reply.text[:200]
        (logged,) = query_log(bot)  # asked as it was written
        assert logged["question"] == text
    elif expected == TOO_LONG:
        assert reply.text == messages.QUESTION_TOO_LONG.format(
            length=len(text.strip()), limit=QUESTION_LIMIT
        )
    else:
        assert reply.text == FIXED[expected]
        assert query_log(bot) == []


GROUP_ASKABLE = [name for name, (t, kind) in QUESTIONS.items() if kind != UNKNOWN and t.strip()]


@pytest.mark.parametrize("name", GROUP_ASKABLE)
@pytest.mark.parametrize("how", ["/ask", "mention"])
async def test_odd_questions_in_a_group_get_one_clear_reply_to_the_asker(
    bot: Harness, name: str, how: str
) -> None:
    text = QUESTIONS[name][0]
    asked = f"/ask {text}" if how == "/ask" else f"@{BOT_USERNAME} {text}"
    update = bot.updates.group_text(asked)
    sent = await bot.send(update)
    (reply,) = sent
    assert_sendable(reply)
    assert reply.params["chat_id"] == GROUP_ID
    assert reply.params["reply_parameters"]["message_id"] == update.effective_message.message_id
    assert reply.text != messages.APOLOGY


# Updates that are not questions ---------------------------------------------------------------

Build = Callable[[Updates], Any]


def message(updates: Updates, *, kind: str = "message", **fields: Any) -> Any:
    """A message update (``kind``: message, edited_message, channel_post...) with ``fields``."""
    payload = {**updates.message_json(), **fields}
    return updates.raw({kind: payload})


def group(**fields: Any) -> dict[str, Any]:
    return {"chat": chat_json(GROUP_ID, "supergroup"), **fields}


CHANNEL = {"id": -1009876543210, "type": "channel", "title": "News"}
MENTION = f"@{BOT_USERNAME} missile defence?"
MENTION_ENTITY = [{"type": "mention", "offset": 0, "length": len(BOT_USERNAME) + 1}]
OTHER_BOT = {"id": 6060, "is_bot": True, "first_name": "Other", "username": "other_quote_bot"}
FILES = {
    "video": {"file_id": "v", "file_unique_id": "v", "width": 1, "height": 1, "duration": 1},
    "animation": {"file_id": "a", "file_unique_id": "a", "width": 1, "height": 1, "duration": 1},
    "video_note": {"file_id": "n", "file_unique_id": "n", "length": 1, "duration": 1},
    "audio": {"file_id": "au", "file_unique_id": "au", "duration": 1},
    "location": {"latitude": 39.9, "longitude": 116.4},
    "contact": {"phone_number": "+100", "first_name": "Bo"},
    "dice": {"emoji": "🎲", "value": 3},
    "poll": {
        "id": "p",
        "question": "treaty?",
        "options": [
            {"text": "yes", "voter_count": 0, "persistent_id": "1"},
            {"text": "no", "voter_count": 0, "persistent_id": "2"},
        ],
        "total_voter_count": 0,
        "is_closed": False,
        "is_anonymous": True,
        "type": "regular",
        "allows_multiple_answers": False,
        "allows_revoting": True,
        "members_only": False,
    },
}
# name: (how to build it, what the bot must do: "not text", "searched", "admins only", "ignored",
# "group help", "edit not searched")
UPDATES: dict[str, tuple[Build, str]] = {
    "edited private question": (lambda u: u.text(QUESTION, edited=True), "edit not searched"),
    "edited group mention": (lambda u: u.group_text(MENTION, edited=True), "ignored"),
    "channel post": (
        lambda u: message(u, kind="channel_post", chat=CHANNEL, text=MENTION, **{"from": None}),
        "ignored",
    ),
    "edited channel post": (
        lambda u: message(u, kind="edited_channel_post", chat=CHANNEL, text=MENTION, edit_date=1),
        "ignored",
    ),
    "sticker": (lambda u: u.sticker(), NOT_TEXT),
    "sticker in a group": (
        lambda u: u.sticker(chat_id=GROUP_ID, chat_type="supergroup"),
        "ignored",
    ),
    "photo": (lambda u: u.photo(), NOT_TEXT),
    "photo with a caption": (lambda u: u.photo(caption="missile defence?"), SEARCH),
    "photo with a mention in a group": (
        lambda u: u.photo(caption=MENTION, chat_id=GROUP_ID, chat_type="supergroup"),
        SEARCH,  # its caption asks the bot, as a photo's caption does in a private chat
    ),
    "voice": (lambda u: u.voice(), NOT_TEXT),
    **{
        kind: (lambda u, k=kind, v=value: message(u, **{k: v}), NOT_TEXT)
        for kind, value in FILES.items()
    },
    "a file from someone not an admin": (lambda u: u.document("notes.txt"), "admins only"),
    "forwarded question": (
        lambda u: message(
            u,
            text=QUESTION,
            forward_origin={"type": "user", "sender_user": user_json(OTHER_USER_ID), "date": 0},
        ),
        SEARCH,
    ),
    "forwarded from a channel": (
        lambda u: message(
            u,
            text=QUESTION,
            forward_origin={"type": "channel", "chat": CHANNEL, "message_id": 5, "date": 0},
        ),
        SEARCH,
    ),
    "automatic forward into the group": (
        lambda u: message(
            u,
            text=MENTION,
            entities=MENTION_ENTITY,
            is_automatic_forward=True,
            sender_chat=CHANNEL,
            **{"from": {"id": 777000, "is_bot": False, "first_name": "Telegram"}},
            **group(),
        ),
        SEARCH,  # a mention is a mention, whoever posts it
    ),
    "another bot mentioning us in a group": (
        lambda u: message(
            u, text=MENTION, entities=MENTION_ENTITY, **{"from": OTHER_BOT}, **group()
        ),
        "ignored",
    ),
    "another bot replying to our answer": (
        lambda u: message(
            u,
            text="and with Pakistan?",
            reply_to_message=sent_message({"chat_id": GROUP_ID, "text": QUESTION}, 1),
            **{"from": OTHER_BOT},
            **group(),
        ),
        "ignored",
    ),
    "another bot's command in private": (
        lambda u: message(
            u,
            text="/start",
            entities=[{"type": "bot_command", "offset": 0, "length": 6}],
            **{"from": OTHER_BOT},
        ),
        "ignored",
    ),
    "our own inline result posted in a group": (
        lambda u: message(
            u, text="“The two sides …” — Joint Statement", via_bot=BOT_USER, **group()
        ),
        "ignored",
    ),
    "member joined": (
        lambda u: message(u, new_chat_members=[user_json(OTHER_USER_ID)], **group()),
        "ignored",
    ),
    "the bot added to a group": (  # says once how to ask it there, as /help does
        lambda u: message(u, new_chat_members=[BOT_USER], **group()),
        "group help",
    ),
    "member left": (
        lambda u: message(u, left_chat_member=user_json(OTHER_USER_ID), **group()),
        "ignored",
    ),
    "title changed": (lambda u: message(u, new_chat_title="Readers 2", **group()), "ignored"),
    "group created": (lambda u: message(u, group_chat_created=True, **group()), "group help"),
    "pinned in private": (
        lambda u: message(u, pinned_message=sent_message({"chat_id": USER_ID, "text": "x"}, 3)),
        "ignored",
    ),
    "migrated to a supergroup": (
        lambda u: message(u, migrate_to_chat_id=GROUP_ID - 1, chat=chat_json(-4242, "group")),
        "ignored",
    ),
    "the bot blocked (my_chat_member)": (
        lambda u: u.raw(
            {
                "my_chat_member": {
                    "chat": chat_json(USER_ID),
                    "from": user_json(),
                    "date": 0,
                    "old_chat_member": {"status": "member", "user": BOT_USER},
                    "new_chat_member": {"status": "kicked", "user": BOT_USER, "until_date": 0},
                }
            }
        ),
        "ignored",
    ),
    "a chosen inline result": (
        lambda u: u.raw(
            {"chosen_inline_result": {"result_id": "x-1", "from": user_json(), "query": "peace"}}
        ),
        "ignored",
    ),
}


@pytest.mark.parametrize("name", list(UPDATES))
async def test_updates_that_are_not_questions_get_a_clear_reply_or_a_logged_ignore(
    bot: Harness, caplog: pytest.LogCaptureFixture, name: str
) -> None:
    build, expected = UPDATES[name]
    update = build(bot.updates)
    with caplog.at_level(logging.DEBUG):
        sent = await bot.send(update)
    assert [r for r in caplog.records if r.levelno >= logging.ERROR] == []
    if expected == "ignored":
        assert bot.request.calls == []
        (logged,) = [r for r in caplog.records if r.name == "bot.handlers.ignored"]
        assert f"update {update.update_id} ignored" in logged.getMessage()
        return
    (reply,) = sent
    assert_sendable(reply)
    if expected == SEARCH:
        assert reply.text.startswith(SEARCH_OPENINGS)
        assert len(query_log(bot)) == 1
    elif expected == NOT_TEXT:
        assert reply.text == messages.NOT_TEXT
    elif expected == "edit not searched":  # said so, under the edited message
        assert reply.text == messages.EDITED_NOT_ANSWERED
        assert query_log(bot) == []
    elif expected == "group help":
        assert reply.text == messages.GROUP_HELP.format(bot=BOT_USERNAME)
    else:
        assert reply.text == messages.ADMIN_ONLY_UPLOAD


async def test_the_bots_own_messages_never_trigger_it(bot: Harness) -> None:
    """Telegram does not send a bot its own messages; if it did, the bot stays quiet."""
    update = bot.updates.raw(
        {
            "message": {
                **bot.updates.message_json(),
                "from": {**BOT_USER, "id": BOT_ID},
                "text": MENTION,
                "entities": MENTION_ENTITY,
                **group(),
            }
        }
    )
    assert await bot.send(update) == []
    assert bot.request.calls == []


# Inline queries -------------------------------------------------------------------------------

INLINE = {
    "empty": "",
    "spaces": "   ",
    "zero-width": "\u200b\u200d",
    "stop words": "the of and what is it",
    "one letter": "a",
    "HTML": "<b>peace</b> &amp; </blockquote>",
    "SQL": "'; DROP TABLE passages; --",
    "FTS": "NEAR(china russia) AND missile*",
    "emoji": "🚀🇨🇳",
    "CJK": "中国 和平",
    "256 characters": ("peacekeepers " * 30)[:256],
    "controls": "\x00\x1b[1m peace \x7f",
    "right-to-left": "\u202epeace\u202c",
    "a command": "/start",
    "our own name": f"@{BOT_USERNAME} peace",
    "a passage id": "000_26e09b2c81a064c7-1",
    "a deep link": f"https://t.me/{BOT_USERNAME}?start=p_000_26e09b2c81a064c7-1",
}


@pytest.mark.parametrize("query", list(INLINE.values()), ids=list(INLINE))
async def test_odd_inline_queries_get_one_valid_answer(bot: Harness, query: str) -> None:
    answered = await bot.inline(query)
    results = answered.params.get("results", [])
    assert len(results) <= 10
    assert results or answered.params["button"]["start_parameter"] == "help"
    for result in results:
        text = result["input_message_content"]["message_text"]
        assert html_problems(text) == [] and tg_len(text) <= TELEGRAM_LIMIT
        assert len(result["title"]) <= replies.INLINE_TITLE
        assert len(result["description"]) <= replies.INLINE_DESCRIPTION
        assert len(result["id"].encode()) <= 64
    assert bot.request.sent == []


# Any question at all --------------------------------------------------------------------------


@pytest.fixture(scope="module")
def library(indexed_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Library]:
    """The real library on a copy of the indexed corpus, shared by the property test."""
    folder = tmp_path_factory.mktemp("any-question")
    for source in indexed_db.parent.iterdir():
        if source.name.startswith(indexed_db.name):
            if source.is_dir():  # the saved index
                shutil.copytree(source, folder / source.name)
            else:
                shutil.copy(source, folder / source.name)
    opened = Library.open(folder / indexed_db.name, CORPUS)
    yield opened
    opened.close()


HOSTILE = st.sampled_from(
    ["<", ">", "&", "</blockquote>", "<b>", "&amp;", "\x00", "\u202e", "\u200b", "🚀", "*", "_"]
)
WORDS = st.sampled_from(
    ["missile", "defence", "China", "Russia", "peacekeepers", "treaty", "the", "of", "2004"]
)
QUESTION_TEXT = st.lists(HOSTILE | WORDS | st.text(max_size=12), max_size=25).map(
    " ".join
) | st.text(max_size=200)


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(QUESTION_TEXT, st.none() | QUESTION_TEXT, st.booleans())
def test_whatever_is_asked_every_reply_is_valid_telegram_html_within_the_limit(
    library: Library, question: str, context: str | None, echo: bool
) -> None:
    try:
        answer = library.answer(question, context=context, k=3)
    except QuestionError as error:
        texts = [question_problem(error)]
    else:
        texts = [
            replies.answer_reply(
                answer, bot_username=BOT_USERNAME, context=context, echo=echo
            ).text,
            replies.group_answer_reply(answer, bot_username=BOT_USERNAME, context=context).text,
            replies.page_reply(answer, question=question, corpus_changed=echo).text,
            replies.choices_reply(answer, words=question).text,
            *(replies.quote_post(hit.passage, bot_username=BOT_USERNAME) for hit in answer.hits),
        ]
    for text in texts:
        assert html_problems(text) == [], text[:300]
        assert tg_len(text) <= TELEGRAM_LIMIT
        assert replies.sendable(text) == text
