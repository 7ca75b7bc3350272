"""Security: admins by user id only, forged buttons and links, hostile file names, secrets kept
out of logs and replies, webhook requests without the secret refused.

Each list below is a set of attempts; every attempt must fail in the way a user would notice
(a refusal, or nothing at all) and leave nothing changed.
"""

from __future__ import annotations

import io
import json
import logging
import socket
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import httpx
import pytest
from conftest import ADMIN_ID
from telegram.error import NetworkError, TimedOut
from tgfakes import (
    GROUP_ID,
    OTHER_USER_ID,
    TOKEN,
    USER_ID,
    Call,
    Harness,
    RecordingRequest,
    chat_json,
    running_bot,
    user_json,
    visible,
)

from bot import buttons
from bot.app import RedactingFormatter, configure_logging
from bot.locales import en as messages
from bot.services import services_of
from bot.settings import Settings
from bot.state import StateStore

QUESTION = "What do China and Russia say about missile defence?"
PRIVATE_QUESTION = "What did China and Pakistan agree about the Karakoram highway?"
NEW_DOC = (
    "Polar Research Cooperation Notes\n\n"
    "The Arctic station at Ny-Alesund hosts scientists from many countries. Chinese researchers "
    "have studied narwhal migration and the thickness of sea ice there since 2004.\n"
)
DOC_001 = "001_301a7359be718b07.txt"
STRANGER = 9090  # a user who is not an admin and has never talked to the bot
WEBHOOK_SECRET = "hook-Secret_0123456789abcdef"


def state(bot: Harness) -> StateStore:
    return bot.state


def vote_key(call: Call) -> str:
    press = buttons.parse(call.button(messages.BUTTON_GOOD)["callback_data"])
    assert isinstance(press, buttons.VotePress)
    return press.key


def message(
    bot: Harness, text: str, *, sender: dict[str, Any], chat: dict[str, Any], **fields: Any
) -> Any:
    """A text message from ``sender`` in ``chat``, with a leading /command's entity."""
    payload: dict[str, Any] = {
        **bot.updates.message_json(),
        "from": sender,
        "chat": chat,
        "text": text,
        **fields,
    }
    if text.startswith("/"):
        length = len(text.split()[0])
        payload["entities"] = [{"type": "bot_command", "offset": 0, "length": length}]
    return bot.updates.raw({"message": payload})


# Admins are user ids --------------------------------------------------------------------------

ADMIN_AS_SEEN = user_json(ADMIN_ID)  # Ada: {"id": ADMIN_ID, "first_name": "Ada", ...}
IMPERSONATIONS: dict[str, tuple[dict[str, Any], dict[str, Any], dict[str, Any]]] = {
    # name: (sender, chat, more fields)
    "same first name as the admin": (
        {**ADMIN_AS_SEEN, "id": STRANGER},
        chat_json(STRANGER),
        {},
    ),
    "admin's name as username": (
        {"id": STRANGER, "is_bot": False, "first_name": "Ada", "username": "Ada"},
        chat_json(STRANGER),
        {},
    ),
    "username 'admin'": (
        {"id": STRANGER, "is_bot": False, "first_name": "admin", "username": "admin"},
        chat_json(STRANGER),
        {},
    ),
    "forwarding the admin's command": (
        user_json(STRANGER),
        chat_json(STRANGER),
        {"forward_origin": {"type": "user", "sender_user": ADMIN_AS_SEEN, "date": 0}},
    ),
    "replying to the admin's message": (
        user_json(STRANGER),
        chat_json(STRANGER),
        {
            "reply_to_message": {
                "message_id": 1,
                "date": 0,
                "chat": chat_json(STRANGER),
                "from": ADMIN_AS_SEEN,
                "text": "/reload",
            }
        },
    ),
    "a bot with the admin's id": (
        {**ADMIN_AS_SEEN, "is_bot": True, "username": "evil_bot"},
        chat_json(ADMIN_ID),
        {},
    ),
    "an anonymous group admin": (
        {"id": 1087968824, "is_bot": True, "first_name": "Group", "username": "GroupAnonymousBot"},
        chat_json(GROUP_ID, "supergroup"),
        {"sender_chat": chat_json(GROUP_ID, "supergroup")},
    ),
    "the admin, in a group": (ADMIN_AS_SEEN, chat_json(GROUP_ID, "supergroup"), {}),
}
ADMIN_COMMANDS = ("/reload", f"/remove {DOC_001}", "/stats")


@pytest.mark.parametrize("who", list(IMPERSONATIONS))
@pytest.mark.parametrize("command", ADMIN_COMMANDS)
async def test_admin_commands_go_by_user_id_in_a_private_chat_and_nothing_else(
    admin_bot: Harness, corpus_dir: Path, who: str, command: str
) -> None:
    sender, chat, fields = IMPERSONATIONS[who]
    before = sorted(p.name for p in corpus_dir.iterdir())
    report = services_of(admin_bot.app.bot_data).library.last_report
    sent = await admin_bot.send(message(admin_bot, command, sender=sender, chat=chat, **fields))
    # Refused (in a private chat), or not even answered (a bot, or a group).
    name = command.split()[0].lstrip("/")
    assert [call.text for call in sent] in ([], [messages.ADMIN_ONLY.format(command=name)])
    assert not any("How I am used" in visible(call.text) for call in admin_bot.request.sent)
    assert admin_bot.request.of("editMessageText") == []
    assert services_of(admin_bot.app.bot_data).library.last_report is report
    assert sorted(p.name for p in corpus_dir.iterdir()) == before
    assert state(admin_bot).forget_pending(older_than=float("inf")) == 0  # nothing asked


# Forged buttons and links ----------------------------------------------------------------------


@pytest.fixture
async def two_admins(admin_settings: Settings, request_layer: RecordingRequest) -> Iterator[Any]:
    settings = replace(admin_settings, admin_user_ids=frozenset({ADMIN_ID, OTHER_USER_ID}))
    async with running_bot(settings, request_layer) as harness:
        request_layer.clear()
        yield harness


async def test_a_button_naming_another_chats_search_shows_and_changes_nothing(
    bot: Harness, caplog: pytest.LogCaptureFixture
) -> None:
    (answer,) = await bot.say(PRIVATE_QUESTION)  # Ada's private question
    key = vote_key(answer)
    forged = [f"m:{key}:3", f"m:{key}:0", f"v:{key}:+", f"v:{key}:-"]
    with caplog.at_level(logging.WARNING):
        for data in forged:  # pressed by a stranger, in the stranger's own chat
            await bot.send(bot.updates.press(data, user_id=STRANGER, bot_message=None))
        deep = await bot.say(f"/start q_{key}", user_id=STRANGER)
    to_stranger = [call for call in bot.request.sent if int(call.params["chat_id"]) == STRANGER]
    assert [call.text for call in to_stranger] == [messages.SEARCH_GONE] * 3
    assert deep == to_stranger[-1:]
    assert all("Karakoram" not in visible(call.text) for call in to_stranger)
    answered = [c.params.get("text") for c in bot.request.of("answerCallbackQuery")]
    assert answered == [None, None, messages.FEEDBACK_GONE, messages.FEEDBACK_GONE]
    assert state(bot).feedback(key) == {}
    refused = [r for r in caplog.records if "another" in r.getMessage()]
    assert len(refused) == len(forged) + 1
    # Ada's own buttons still work for her.
    await bot.press(answer, messages.BUTTON_GOOD)
    assert state(bot).feedback(key) == {USER_ID: 1}


async def test_a_group_answer_link_opens_for_any_member_but_a_private_one_only_for_its_asker(
    bot: Harness,
) -> None:
    (group_answer,) = await bot.say_in_group(f"/ask {QUESTION}")
    url = group_answer.buttons[0]["url"]
    parameter = url.rsplit("start=", 1)[1]
    (opened,) = await bot.say(f"/start {parameter}", user_id=OTHER_USER_ID)
    assert opened.text != messages.SEARCH_GONE and "missile" in visible(opened.text).lower()
    (private,) = await bot.say(PRIVATE_QUESTION)
    (own,) = await bot.say(f"/start q_{vote_key(private)}")
    assert "Karakoram" in visible(own.text)


async def test_an_admins_yes_button_works_only_for_that_admin_in_that_chat(
    two_admins: Harness, corpus_dir: Path, caplog: pytest.LogCaptureFixture
) -> None:
    bot = two_admins
    (ask,) = await bot.say(f"/remove {DOC_001}")  # admin Ada asks
    data = ask.button(messages.BUTTON_REMOVE)["callback_data"]
    with caplog.at_level(logging.WARNING):
        # The other admin forges Ada's Yes in their own chat; a stranger forges it too.
        await bot.send(bot.updates.press(data, user_id=OTHER_USER_ID))
        await bot.send(bot.updates.press(data, user_id=STRANGER))
    assert (corpus_dir / DOC_001).exists()
    assert bot.request.of("editMessageText")[-1].text == messages.PENDING_GONE
    assert bot.request.of("answerCallbackQuery")[-1].params["text"] == messages.ADMIN_ONLY_BUTTON
    assert any("another chat" in r.getMessage() for r in caplog.records)
    # Ada's own Yes still works.
    await bot.press(ask, messages.BUTTON_REMOVE)
    assert not (corpus_dir / DOC_001).exists()


FORGED_DATA = [
    "",
    "m",
    "m:",
    "m::",
    "m:nokey:-1",
    "m:nokey:1e9",
    "m:nokey:99999999999999999999999999",
    "m:nokey:3:extra",
    "f:",
    "f:../../../etc/passwd",
    "f:" + "9" * 62,
    "f:000_26e09b2c81a064c7-999999",
    "v:",
    "v:nokey:*",
    "v:nokey:+",
    "x:",
    "x:-1",
    "x:99",
    "x:1.5",
    "x:٣",  # an Arabic-Indic digit: str.isdigit() says yes, int() reads 3
    "p:",
    "p:nonexistent-1",
    "p:'; DROP TABLE passages; --",
    "c:",
    "c::y",
    "c:nokey:maybe",
    "c:nokey:y",
    "z:anything",
    "💣",
    "\x00\x01",
    "<b>bold</b>",
    "a" * 64,
]


@pytest.mark.parametrize("data", FORGED_DATA)
@pytest.mark.parametrize("who", [USER_ID, STRANGER])
async def test_forged_or_unknown_button_data_is_answered_and_changes_nothing(
    admin_bot: Harness, corpus_dir: Path, caplog: pytest.LogCaptureFixture, data: str, who: int
) -> None:
    before = sorted(p.name for p in corpus_dir.iterdir())
    with caplog.at_level(logging.ERROR):
        sent = await admin_bot.send(admin_bot.updates.press(data, user_id=who))
    assert len(admin_bot.request.of("answerCallbackQuery")) == 1  # the spinner always stops
    assert all(call.text != messages.APOLOGY for call in sent)
    allowed = {
        messages.SEARCH_GONE,
        messages.PASSAGE_GONE,
    }
    assert all(call.text in allowed for call in sent), [c.text for c in sent]
    assert [r for r in caplog.records if r.levelno >= logging.ERROR] == []
    assert sorted(p.name for p in corpus_dir.iterdir()) == before


@pytest.mark.parametrize("kind", ["no data (a game)", "under an inline message"])
async def test_presses_without_data_or_chat_are_answered(admin_bot: Harness, kind: str) -> None:
    query: dict[str, Any] = {"id": "cq1", "from": user_json(), "chat_instance": "-1"}
    if kind == "no data (a game)":
        query["game_short_name"] = "snake"
        query["message"] = admin_bot.updates.message_json() | {"text": "x"}
    else:
        query["inline_message_id"] = "AAAinline"
        query["data"] = "m:nokey:3"
    sent = await admin_bot.send(admin_bot.updates.raw({"callback_query": query}))
    assert sent == []
    assert len(admin_bot.request.of("answerCallbackQuery")) == 1


# File names -----------------------------------------------------------------------------------

HOSTILE_NAMES = [
    "../../etc/passwd",
    "../../../../../../../../tmp/evil.txt",
    "..\\..\\windows\\system32\\drivers\\etc\\hosts",
    "/etc/cron.d/evil",
    "C:\\Windows\\evil.txt",
    "....//....//escape.txt",
    "%2e%2e%2fpasswd.txt",
    "..%2F..%2Fencoded.txt",
    "．．／fullwidth.txt",  # full-width dots and slash
    "..",
    ".",
    "...txt",
    ".hidden.txt",
    ".upload-abcdef.tmp.txt",  # the bot's own temporary file prefix
    "manifest.toml",
    "manifest.toml.txt",
    "evil\x00.txt",
    "evil\n.txt",
    "con.txt",
    "x" * 500 + ".txt",
    "/",
    "\\",
    "~/.ssh/authorized_keys",
    "$(rm -rf ~).txt",
    "`id`.md",
    "a/../../b.md",
    "﻿bom.txt",
    "‮txt.exe",  # a right-to-left override
]


TARGETS = [Path(p) for p in ("/etc/passwd", "/tmp/evil.txt", "/etc/cron.d/evil", "/escape.txt")]


@pytest.fixture
def outside(tmp_path: Path, corpus_dir: Path, admin_bot: Harness) -> Iterator[None]:
    """Asserts, after the test, that no file appeared outside the corpus folder (around it, in
    the folders above) and none of the places the names point at changed."""

    database = admin_bot.app.bot_data["settings"].db_path.name  # it and its index change

    def snapshot() -> set[str]:
        names = {
            str(p)
            for p in tmp_path.rglob("*")
            if corpus_dir not in p.parents
            and not p.relative_to(tmp_path).parts[0].startswith(database)
        }
        names |= {str(p) for p in tmp_path.parent.iterdir()}  # (further up: other test runs)
        for target in TARGETS:
            names.add(f"{target}: {target.read_bytes() if target.is_file() else None!r}")
        return names

    before = snapshot()
    yield
    assert snapshot() == before


@pytest.mark.usefixtures("outside")
@pytest.mark.parametrize("name", HOSTILE_NAMES)
async def test_an_uploaded_file_name_never_leaves_the_corpus_folder(
    admin_bot: Harness, corpus_dir: Path, name: str
) -> None:
    manifest = (corpus_dir / "manifest.toml").read_bytes()
    before = {p.name for p in corpus_dir.iterdir()}
    admin_bot.request.files["f1"] = NEW_DOC.encode()
    sent = await admin_bot.send(admin_bot.updates.document(name, file_id="f1"))
    assert sent, "an upload always gets an answer"
    added = {p.name for p in corpus_dir.iterdir()} - before
    for new in added:  # plain names, directly in the folder, never hidden
        path = corpus_dir / new
        assert path.is_file() and path.resolve().parent == corpus_dir.resolve()
        assert not new.startswith(".") and new.endswith((".txt", ".md"))
        assert path.read_text(encoding="utf-8") == NEW_DOC
    assert len(added) <= 1
    assert (corpus_dir / "manifest.toml").read_bytes() == manifest
    assert not list(corpus_dir.glob("**/.upload-*"))


# Secrets --------------------------------------------------------------------------------------


@pytest.fixture
def logs_as_run(settings: Settings) -> Iterator[tuple[Settings, io.StringIO]]:
    """Logging as `quotebot run` sets it up (through the redacting formatter) at DEBUG, the
    most talkative level, into a buffer instead of stderr; removed again after the test."""
    settings = replace(settings, webhook_secret=WEBHOOK_SECRET, log_level="DEBUG")
    root = logging.getLogger()
    level = root.level
    configure_logging(settings)
    (handler,) = [h for h in root.handlers if isinstance(h.formatter, RedactingFormatter)]
    stream = io.StringIO()
    handler.setStream(stream)  # type: ignore[attr-defined]
    yield settings, stream
    for handler in [h for h in root.handlers if isinstance(h.formatter, RedactingFormatter)]:
        root.removeHandler(handler)
    root.setLevel(level)
    logging.getLogger("httpx").setLevel(logging.NOTSET)


async def test_the_token_and_webhook_secret_never_appear_in_logs_errors_or_replies(
    logs_as_run: tuple[Settings, io.StringIO],
    caplog: pytest.LogCaptureFixture,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    request = RecordingRequest()
    caplog.set_level(logging.DEBUG)
    leaky = f"connection to https://api.telegram.org/bot{TOKEN}/sendMessage failed"
    async with running_bot(logs_as_run[0], request) as bot:
        await bot.say(QUESTION)
        # Errors that carry the secrets in their text: a network library naming the URL, a
        # failure that names the token and the webhook secret.
        request.raise_next("sendMessage", NetworkError(leaky))
        request.raise_next("sendMessage", TimedOut(f"timed out on bot{TOKEN}"))
        await bot.say(QUESTION)
        for _ in range(5):
            request.raise_next("sendMessage", NetworkError(leaky))
        await bot.say(QUESTION)
        library = services_of(bot.app.bot_data).library

        def broken(*args: object, **kwargs: object) -> None:
            raise RuntimeError(f"failed with {TOKEN} and {WEBHOOK_SECRET}")

        await bot.inline("peace")
        monkeypatch.setattr(library, "answer", broken)
        await bot.say(QUESTION)
    err = logs_as_run[1].getvalue()
    secret_part = TOKEN.split(":", 1)[1]
    assert "<redacted>" in err  # the leaky errors were logged, redacted
    assert "Traceback" in err  # the crash too, with its traceback
    for secret in (TOKEN, secret_part, WEBHOOK_SECRET):
        assert secret not in err
        for call in request.calls:  # nor in anything sent to Telegram
            assert secret not in json.dumps(call.params, ensure_ascii=False, default=str)
    assert secret_part in caplog.text  # the test did make them appear


# The webhook ----------------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


WEBHOOK_ATTEMPTS: dict[str, tuple[str, dict[str, str], str]] = {
    # name: (HTTP method, headers, path suffix); each must be refused
    "no secret": ("POST", {}, ""),
    "empty secret": ("POST", {"X-Telegram-Bot-Api-Secret-Token": ""}, ""),
    "wrong secret": ("POST", {"X-Telegram-Bot-Api-Secret-Token": "guess"}, ""),
    "secret in upper case": (
        "POST",
        {"X-Telegram-Bot-Api-Secret-Token": WEBHOOK_SECRET.upper()},
        "",
    ),
    "secret cut short": ("POST", {"X-Telegram-Bot-Api-Secret-Token": WEBHOOK_SECRET[:-1]}, ""),
    "secret and more": ("POST", {"X-Telegram-Bot-Api-Secret-Token": WEBHOOK_SECRET + "x"}, ""),
    "secret in the query": ("POST", {}, f"?secret_token={WEBHOOK_SECRET}"),
    "secret as bearer": ("POST", {"Authorization": f"Bearer {WEBHOOK_SECRET}"}, ""),
    "secret in another header": ("POST", {"X-Secret-Token": WEBHOOK_SECRET}, ""),
    "GET with the secret": ("GET", {"X-Telegram-Bot-Api-Secret-Token": WEBHOOK_SECRET}, ""),
}


async def test_webhook_requests_without_the_secret_are_refused_and_never_handled(
    settings: Settings,
) -> None:
    request = RecordingRequest()
    port = free_port()
    url = f"http://127.0.0.1:{port}/telegram/hook"
    async with running_bot(settings, request) as bot:
        assert bot.app.updater is not None
        await bot.app.updater.start_webhook(
            listen="127.0.0.1",
            port=port,
            url_path="telegram/hook",
            webhook_url=url,
            secret_token=WEBHOOK_SECRET,
        )
        try:
            update = {
                "update_id": 9_000_001,
                "message": {
                    "message_id": 1,
                    "date": 0,
                    "chat": chat_json(USER_ID),
                    "from": user_json(),
                    "text": QUESTION,
                },
            }
            statuses = {}
            async with httpx.AsyncClient(timeout=10) as client:
                for name, (method, headers, suffix) in WEBHOOK_ATTEMPTS.items():
                    response = await client.request(
                        method, url + suffix, json=update, headers=headers
                    )
                    statuses[name] = response.status_code
                garbage = await client.post(
                    url,
                    content=b"{not json",
                    headers={
                        "X-Telegram-Bot-Api-Secret-Token": WEBHOOK_SECRET,
                        "Content-Type": "application/json",
                    },
                )
                accepted = await client.post(
                    url, json=update, headers={"X-Telegram-Bot-Api-Secret-Token": WEBHOOK_SECRET}
                )
                await bot.wait_until(lambda: len(request.sent) >= 1, "the answer")
        finally:
            await bot.app.updater.stop()
    assert statuses == dict.fromkeys(WEBHOOK_ATTEMPTS, 403) | {"GET with the secret": 405}
    assert garbage.is_error  # python-telegram-bot answers 500 for a body that is not JSON
    assert accepted.status_code == 200
    (answer,) = request.sent  # only the accepted update was handled
    assert answer.params["chat_id"] == USER_ID and answer.text.startswith("<blockquote>")
    assert request.of("setWebhook")[0].params["secret_token"] == WEBHOOK_SECRET


def test_the_redacting_formatter_hides_every_secret_in_messages_and_tracebacks() -> None:
    formatter = RedactingFormatter("%(message)s", (TOKEN, WEBHOOK_SECRET, ""))
    try:
        raise RuntimeError(f"boom {TOKEN}")
    except RuntimeError as error:
        record = logging.LogRecord(
            "x", logging.ERROR, __file__, 1, "url %s secret %s", (TOKEN, WEBHOOK_SECRET), None
        )
        record.exc_info = (type(error), error, error.__traceback__)
    text = formatter.format(record)
    assert TOKEN not in text and WEBHOOK_SECRET not in text
    assert text.count("<redacted>") == 3
