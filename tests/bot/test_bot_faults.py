"""Faults: the Bot API failing (flood control, 5xx, time-outs, broken links), the database locked
by another process, damaged or deleted at start-up, a full disk during a reload, and a restart
in the middle of a conversation. The bot keeps working and loses nothing; what it could not do
is logged with the update it was for.

Requests that fail for a moment are retried as in production (:mod:`bot.delivery`), with the
pauses made tiny (:data:`tgfakes.QUICK_RETRY`): nothing here asserts on timing.
"""

from __future__ import annotations

import asyncio
import errno
import logging
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from conftest import ADMIN_ID
from telegram.request import HTTPXRequest
from tgfakes import (
    DEADLINE,
    GROUP_ID,
    OTHER_USER_ID,
    QUICK_RETRY,
    USER_ID,
    Call,
    FakeBotAPI,
    Fault,
    Harness,
    RecordingRequest,
    connect_timeout,
    connection_refused,
    dropped_after_sending,
    html_problems,
    read_timeout,
    running_bot,
    visible,
)

from bot import buttons
from bot.app import build_application
from bot.delivery import RETRY
from bot.locales import en as messages
from bot.services import services_of
from bot.settings import Settings
from bot.state import StateStore
from retrieval.library import Library

QUESTION = "What do China and Russia say about missile defence?"
FOLLOW_UP = "and with Pakistan?"
NEW_DOC = (
    "Polar Research Cooperation Notes\n\n"
    "The Arctic station at Ny-Alesund hosts scientists from many countries. Chinese researchers "
    "have studied narwhal migration and the thickness of sea ice there since 2004.\n"
)
NEW_QUESTION = "Where do researchers study narwhal migration?"


def state(bot: Harness) -> StateStore:
    return bot.state


def library(bot: Harness) -> Library:
    return services_of(bot.app.bot_data).library


def query_log(bot: Harness) -> list[dict[str, Any]]:
    return list(state(bot).db.query("SELECT * FROM bot_queries ORDER BY id"))


def delivered(calls: list[Call]) -> list[Call]:
    """The calls the Bot API accepted (the others failed and were tried again)."""
    return [call for call in calls if call.result is not None]


# How the Bot API fails a request. Each is one fault injected.
Inject = Callable[[RecordingRequest, str], None]
FAULTS: dict[str, Inject] = {
    "500": lambda r, m: r.fail_next(m, 500, description="Internal Server Error"),
    "502": lambda r, m: r.fail_next(m, 502, description="Bad Gateway"),
    "503": lambda r, m: r.fail_next(m, 503, description="Service Unavailable"),
    "504": lambda r, m: r.fail_next(m, 504, description="Gateway Timeout"),
    # Failures before the request went out: it cannot have been carried out.
    "time-out": lambda r, m: r.raise_next(m, connect_timeout()),
    "connection refused": lambda r, m: r.raise_next(m, connection_refused()),
}
SEQUENCES = [[name] for name in FAULTS] + [
    ["500", "time-out"],
    ["502", "connection refused", "503"],
    ["time-out", "500", "504", "time-out"],  # attempts - 1 failures: the last try gets through
]
# Failures after the request went out: Telegram may have posted the message already.
AFTER_SENDING: dict[str, Callable[[], Exception]] = {
    "read time-out": read_timeout,
    "connection dropped": dropped_after_sending,
}


# The Bot API ----------------------------------------------------------------------------------


@pytest.mark.parametrize("faults", SEQUENCES, ids="+".join)
async def test_an_answer_is_retried_through_5xx_and_time_outs_and_delivered_once(
    bot: Harness, faults: list[str]
) -> None:
    for fault in faults:
        FAULTS[fault](bot.request, "sendMessage")
    attempts = await bot.say(QUESTION)
    assert len(attempts) == len(faults) + 1
    assert all(attempt.params == attempts[0].params for attempt in attempts)  # the same answer
    (answer,) = delivered(attempts)
    assert answer.text.startswith("<blockquote>")
    assert len(query_log(bot)) == 1
    # Delivered, the answer is remembered: a reply to it follows up on its question.
    saved = state(bot).answered_by(USER_ID, answer.result["message_id"])
    assert saved is not None and saved.question == QUESTION


@pytest.mark.parametrize("fault", AFTER_SENDING)
async def test_an_answer_that_may_have_been_delivered_is_never_sent_again(
    bot: Harness, fault: str, caplog: pytest.LogCaptureFixture
) -> None:
    # Telegram posts the answer, and then the bot never hears back: a retry would post it twice.
    bot.request.deliver_then_raise("sendMessage", AFTER_SENDING[fault]())
    update = bot.updates.text(QUESTION)
    with caplog.at_level(logging.INFO):
        attempts = await bot.send(update)
    (posted,) = attempts
    assert posted.result is not None and posted.text.startswith("<blockquote>")
    assert [r for r in caplog.records if r.name == "bot.delivery"] == []  # no retry
    (logged,) = [r for r in caplog.records if r.name == "bot.handlers.errors"]
    assert f"update {update.update_id}" in logged.getMessage() and logged.exc_info is None
    assert all(call.text != messages.APOLOGY for call in bot.request.sent)
    assert len(query_log(bot)) == 1


async def test_flood_control_then_5xx_then_a_time_out_still_delivers_once(bot: Harness) -> None:
    bot.request.fail_next(
        "sendMessage",
        429,
        description="Too Many Requests: retry after 1",
        parameters={"retry_after": 1},
    )
    FAULTS["500"](bot.request, "sendMessage")
    FAULTS["time-out"](bot.request, "sendMessage")
    attempts = await bot.say(QUESTION)
    assert len(attempts) == 4 and len(delivered(attempts)) == 1


@pytest.mark.parametrize(
    ("method", "action"),
    [
        ("answerCallbackQuery", "vote"),
        ("answerInlineQuery", "inline"),
        ("sendMessage", "group"),
        ("editMessageText", "reload"),
    ],
)
async def test_every_kind_of_request_is_retried_until_it_goes_through(
    admin_bot: Harness, method: str, action: str
) -> None:
    bot = admin_bot
    answer = None
    if action == "vote":
        (answer,) = await bot.say(QUESTION)
    FAULTS["503"](bot.request, method)
    FAULTS["time-out"](bot.request, method)
    if action == "vote":
        assert answer is not None
        await bot.press(answer, messages.BUTTON_GOOD)
    elif action == "inline":
        await bot.app.process_update(bot.updates.inline("peacekeepers"))
    elif action == "group":
        await bot.say_in_group(f"/ask {QUESTION}")
    else:
        await bot.say("/reload")
    calls = bot.request.of(method)
    assert len(calls) == 3 and len(delivered(calls)) == 1
    if action == "vote":
        assert calls[-1].params["text"] == messages.FEEDBACK_THANKS_GOOD
        assert state(bot).feedback(query_log(bot)[0]["key"]) == {ADMIN_ID: 1}
    elif action == "inline":
        assert calls[-1].params["results"]
    elif action == "group":
        assert calls[-1].params["chat_id"] == GROUP_ID
    else:
        assert "Reloaded" in visible(calls[-1].text)


async def test_an_answer_that_cannot_be_delivered_is_logged_with_its_update_and_nothing_is_lost(
    bot: Harness, caplog: pytest.LogCaptureFixture
) -> None:
    for _ in range(RETRY.attempts):  # the API is down for as long as the bot keeps trying
        FAULTS["502"](bot.request, "sendMessage")
    update = bot.updates.text(QUESTION)
    with caplog.at_level(logging.INFO):
        attempts = await bot.send(update)
    assert len(attempts) == RETRY.attempts and delivered(attempts) == []
    (failure,) = [r for r in caplog.records if r.name == "bot.handlers.errors"]
    assert failure.levelno == logging.ERROR
    assert f"update {update.update_id} in chat {USER_ID}" in failure.getMessage()
    assert "Bad Gateway" in failure.getMessage() and failure.exc_info is None  # one line
    retries = [r for r in caplog.records if r.name == "bot.delivery"]
    assert len(retries) == RETRY.attempts - 1
    assert all(call.text != messages.APOLOGY for call in bot.request.sent)  # it could not go
    log = query_log(bot)
    assert [row["question"] for row in log] == [QUESTION]  # the question is in the query log
    # The API is back: the next update is handled as usual (the bot did not stop or stall).
    (answer,) = await bot.say(FOLLOW_UP)
    assert visible(answer.text).startswith(f"Read as a follow-up to “{QUESTION}”.")


async def test_typing_that_cannot_be_shown_does_not_cost_the_answer(bot: Harness) -> None:
    FAULTS["time-out"](bot.request, "sendChatAction")
    (answer,) = await bot.say(QUESTION)
    assert answer.text.startswith("<blockquote>")
    assert len(bot.request.of("sendChatAction")) == 1  # not worth retrying
    assert len(query_log(bot)) == 1


async def test_a_user_who_blocked_the_bot_is_logged_not_retried_nor_apologised_to(
    bot: Harness, caplog: pytest.LogCaptureFixture
) -> None:
    bot.request.fail_next("sendMessage", 403, description="Forbidden: bot was blocked by the user")
    update = bot.updates.text(QUESTION)
    with caplog.at_level(logging.INFO):
        attempts = await bot.send(update)
    assert len(attempts) == 1
    (logged,) = [r for r in caplog.records if r.name == "bot.handlers.errors"]
    assert f"update {update.update_id}" in logged.getMessage() and logged.exc_info is None


async def test_a_request_telegram_refuses_is_not_retried(
    bot: Harness, caplog: pytest.LogCaptureFixture
) -> None:
    bot.request.fail_next("sendMessage", 400, description="Bad Request: can't parse entities")
    with caplog.at_level(logging.ERROR):
        attempts = await bot.say(QUESTION)
    # Retrying a refused request changes nothing: one try, then the one apology.
    assert [visible(call.text) == messages.APOLOGY for call in attempts] == [False, True]
    (logged,) = [r for r in caplog.records if r.name == "bot.handlers.errors"]
    assert logged.exc_info is not None  # a bug to look into: with its traceback


async def wait_until(condition: Callable[[], bool], what: str) -> None:
    deadline = time.monotonic() + DEADLINE
    while not condition():
        assert time.monotonic() < deadline, f"gave up waiting for {what}"
        await asyncio.sleep(0.01)


async def test_polling_through_5xx_and_real_time_outs_loses_no_update(settings: Settings) -> None:
    """Over real HTTP: getUpdates and sendMessage fail with 5xx and time out (the fake Bot API
    answers later than the bot waits, once after posting the message); every update queued
    meanwhile is answered, once."""
    api = FakeBotAPI().start()
    users = [USER_ID, OTHER_USER_ID, OTHER_USER_ID + 1]
    for user in users:
        api.queue_text(QUESTION, user_id=user)
    api.faults = [
        Fault("getUpdates", 502),
        Fault("getUpdates", 500, stall=1.5),  # the bot waits 1 s: a time-out
        Fault("sendMessage", 500),
        # Posted, and then the answer comes too late: the bot must not post it again.
        Fault("sendMessage", 200, stall=1.5, delivered=True),
        Fault("sendMessage", 502),
    ]
    request = HTTPXRequest(read_timeout=1.0, connect_timeout=2.0)
    app = build_application(
        replace(settings, api_base_url=api.base_url), request=request, backoff=QUICK_RETRY
    )
    try:
        await app.initialize()
        assert app.post_init is not None
        await app.post_init(app)
        assert app.updater is not None
        await app.updater.start_polling(timeout=0, poll_interval=0.02)
        await app.start()

        def answered() -> list[Call]:
            return [c for c in api.of("sendMessage") if c.text.startswith("<blockquote>")]

        await wait_until(lambda: len(answered()) >= len(users), "an answer to every user")
    finally:  # stopping waits for every update in hand: a duplicate would be sent before
        if app.updater is not None and app.updater.running:
            await app.updater.stop()
        if app.running:
            await app.stop()
        await app.shutdown()
        if app.post_shutdown is not None:
            await app.post_shutdown(app)
        api.stop()
    assert sorted(api.faulted) == ["getUpdates"] * 2 + ["sendMessage"] * 3
    assert sorted(int(call.params["chat_id"]) for call in answered()) == sorted(users)


# The database ---------------------------------------------------------------------------------


@contextmanager
def locked_by_another_process(db: Path, release_after: float = 0.3) -> Iterator[None]:
    """Another process holds the database's write lock (``BEGIN IMMEDIATE``) and lets it go
    ``release_after`` seconds after the block starts, whatever the bot is doing then."""
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sqlite3, sys\n"
            f"db = sqlite3.connect({str(db)!r}, isolation_level=None)\n"
            "db.execute('BEGIN IMMEDIATE')\n"
            "db.execute('CREATE TABLE IF NOT EXISTS held (x)')\n"
            "print('locked', flush=True)\n"
            "sys.stdin.readline()\n"
            "db.execute('ROLLBACK')\n",
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert holder.stdout is not None and holder.stdin is not None
    try:
        assert holder.stdout.readline().strip() == "locked"
        with sqlite3.connect(db, timeout=0) as probe, pytest.raises(sqlite3.OperationalError):
            probe.execute("BEGIN IMMEDIATE")  # the lock is real

        def release() -> None:
            assert holder.stdin is not None
            holder.stdin.write("\n")
            holder.stdin.flush()

        timer = threading.Timer(release_after, release)
        timer.start()
        yield
        timer.join()
    finally:
        holder.communicate(timeout=DEADLINE)


async def test_a_database_locked_by_another_process_only_delays_answers_and_reloads(
    admin_bot: Harness,
    admin_settings: Settings,
    corpus_dir: Path,
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.INFO)
    with locked_by_another_process(admin_settings.db_path):
        (answer,) = await admin_bot.say(QUESTION)  # writes the query log: waits for the lock
    assert answer.text.startswith("<blockquote>")
    (corpus_dir / "polar.txt").write_text(NEW_DOC, encoding="utf-8")
    with locked_by_another_process(admin_settings.db_path):
        (progress,) = await admin_bot.say("/reload")  # writes the corpus: waits too
    assert "1 added" in visible(admin_bot.request.final_text(progress))
    (found,) = await admin_bot.say(NEW_QUESTION)
    assert "narwhal" in visible(found.text)
    assert len(query_log(admin_bot)) == 2
    assert "locked" not in caplog.text
    assert [r for r in caplog.records if r.levelno >= logging.WARNING] == []


def damage(db: Path, how: str) -> None:
    data = db.read_bytes()
    if how == "not a database":
        db.write_bytes(b"this is no SQLite file, sorry" + data[29:])
    elif how == "malformed pages":
        db.write_bytes(data[:100] + b"\xa5" * 3996 + data[4096:])
    elif how == "truncated":
        db.write_bytes(data[: len(data) // 2])
    elif how == "zeros":
        db.write_bytes(bytes(len(data)))


def checkpointed(db: Path) -> None:
    """Fold the write-ahead log into the database file, as a clean shutdown leaves it."""
    with sqlite3.connect(db) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    for suffix in ("-wal", "-shm"):
        db.with_name(db.name + suffix).unlink(missing_ok=True)


@pytest.mark.parametrize("how", ["not a database", "malformed pages", "truncated", "zeros"])
async def test_a_damaged_database_at_start_up_is_set_aside_and_rebuilt_from_the_corpus(
    settings: Settings, caplog: pytest.LogCaptureFixture, how: str
) -> None:
    async with running_bot(settings, RecordingRequest()) as bot:
        (before,) = await bot.say(QUESTION)
    checkpointed(settings.db_path)
    damage(settings.db_path, how)

    caplog.set_level(logging.INFO)
    async with running_bot(settings, RecordingRequest()) as bot:
        bot.request.clear()
        gone = await bot.press(before, messages.BUTTON_MORE)  # a button from before
        (follow_up,) = await bot.say(FOLLOW_UP)
        (again,) = await bot.say(QUESTION)
        log = query_log(bot)
    # The loss of the conversations is said once, in the log; the damaged file is kept.
    (lost,) = [r for r in caplog.records if "lost" in r.getMessage()]
    assert lost.levelno == logging.WARNING
    (kept,) = settings.db_path.parent.glob(settings.db_path.name + ".corrupt-*[0-9]")
    assert str(kept) in lost.getMessage()
    assert [r.name for r in caplog.records if "damaged" in r.getMessage()] == [
        "retrieval.library",
        "bot.app",
    ]
    # The corpus is whole again and answers as before; what was kept of the chat is gone.
    assert again.text == before.text
    assert [call.text for call in gone] == [messages.SEARCH_GONE]
    assert "follow-up" not in visible(follow_up.text)
    assert [row["question"] for row in log] == [FOLLOW_UP, QUESTION]


async def test_a_deleted_database_is_rebuilt_from_the_corpus_and_said_once(
    settings: Settings, caplog: pytest.LogCaptureFixture
) -> None:
    async with running_bot(settings, RecordingRequest()) as bot:
        (before,) = await bot.say(QUESTION)
    for suffix in ("", "-wal", "-shm"):  # the saved index file stays behind
        settings.db_path.with_name(settings.db_path.name + suffix).unlink(missing_ok=True)
    caplog.set_level(logging.INFO)
    async with running_bot(settings, RecordingRequest()) as bot:
        (again,) = await bot.say(QUESTION)
    (said,) = [r for r in caplog.records if "new database" in r.getMessage()]
    assert "no conversations" in said.getMessage()
    assert again.text == before.text


async def test_a_full_disk_during_a_reload_keeps_the_previous_corpus_serving(
    admin_bot: Harness, corpus_dir: Path
) -> None:
    (before,) = await admin_bot.say(QUESTION)
    store = library(admin_bot).store.db  # the connection reloads write the corpus with
    (pages,) = store.execute("PRAGMA page_count").fetchone()
    store.execute(f"PRAGMA max_page_count = {pages}")  # the disk is full: the file cannot grow
    big = "\n\n".join(f"Harbour note {n}: the quay has berths for ships." * 8 for n in range(500))
    (corpus_dir / "polar.txt").write_text(NEW_DOC + "\n" + big, encoding="utf-8")

    (progress,) = await admin_bot.say("/reload")

    said = visible(admin_bot.request.final_text(progress))
    assert said.startswith("❌ The reload failed: ") and "database or disk is full" in said
    assert "still served as they were" in said
    (after,) = await admin_bot.say(QUESTION)
    assert after.text == before.text
    (unknown,) = await admin_bot.say(NEW_QUESTION)
    assert "Polar Research" not in visible(unknown.text)
    # Room again: the next reload completes.
    store.execute("PRAGMA max_page_count = 1073741823")
    (progress,) = await admin_bot.say("/reload")
    assert "1 added" in visible(admin_bot.request.final_text(progress))
    (found,) = await admin_bot.say(NEW_QUESTION)
    assert "narwhal" in visible(found.text)


async def test_a_full_disk_when_saving_an_upload_changes_nothing(
    admin_bot: Harness, corpus_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def full(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr("bot.corpus.os.fsync", full)
    before = sorted(p.name for p in corpus_dir.iterdir())
    admin_bot.request.files["f1"] = NEW_DOC.encode()
    (reply,) = await admin_bot.send(admin_bot.updates.document("polar.txt", file_id="f1"))
    assert visible(reply.text) == (
        "I couldn't save “polar.txt” in the documents folder: No space left on device. "
        "Nothing was changed."
    )
    assert sorted(p.name for p in corpus_dir.iterdir()) == before  # no temporary file left


# Restarts -------------------------------------------------------------------------------------


async def test_a_restart_in_the_middle_of_a_conversation_keeps_follow_ups_and_buttons(
    admin_settings: Settings, corpus_dir: Path
) -> None:
    async with running_bot(admin_settings, RecordingRequest()) as bot:
        (answer,) = await bot.say(QUESTION)
        (group_answer,) = await bot.say_in_group(f"/ask {QUESTION}", user_id=OTHER_USER_ID)
        bot.request.files["f1"] = NEW_DOC.encode()
        (ask,) = await bot.send(bot.updates.document("001_301a7359be718b07.txt", file_id="f1"))
        (page_before,) = await bot.press(answer, messages.BUTTON_MORE)

    request = RecordingRequest()
    async with running_bot(admin_settings, request) as bot:
        (follow_up,) = await bot.say(FOLLOW_UP)
        (page,) = await bot.press(answer, messages.BUTTON_MORE)
        (full,) = await bot.press(answer, messages.BUTTON_FULL)
        await bot.press(answer, messages.BUTTON_GOOD)
        (group_follow_up,) = await bot.say_in_group(
            FOLLOW_UP, user_id=USER_ID, reply_to=group_answer.result
        )
        (progress,) = await bot.press(ask, messages.BUTTON_REPLACE)
        press = buttons.parse(answer.button(messages.BUTTON_GOOD)["callback_data"])
        assert isinstance(press, buttons.VotePress)
        votes = state(bot).feedback(press.key)
    assert visible(follow_up.text).startswith(f"Read as a follow-up to “{QUESTION}”.")
    assert page.text == page_before.text
    assert full.text != messages.PASSAGE_GONE and html_problems(full.text) == []
    assert [c.params.get("text") for c in request.of("answerCallbackQuery")] == [
        None,
        None,
        messages.FEEDBACK_THANKS_GOOD,
        None,
    ]
    assert votes == {USER_ID: 1}  # on the question asked before the restart
    assert visible(group_follow_up.text).startswith(f"Read as a follow-up to “{QUESTION}”.")
    assert "0 added, 1 changed" in visible(request.final_text(progress))
    assert (corpus_dir / "001_301a7359be718b07.txt").read_text(encoding="utf-8") == NEW_DOC
