"""End to end over HTTP: the bot started as users start it, talking to a Bot API on 127.0.0.1.

The bot runs in its own process with only environment settings; :class:`tgfakes.FakeBotAPI`
plays Telegram's Bot API server (``TELEGRAM_API_BASE_URL`` points at it). Waits have generous
deadlines and only bound how long a failure takes to show: nothing asserts on timing.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import IO

import httpx
import pytest
from tgfakes import (
    BOT_USERNAME,
    GROUP_ID,
    OTHER_USER_ID,
    TOKEN,
    USER_ID,
    FakeBotAPI,
    html_problems,
    visible,
)

from bot.app import run_bot
from bot.locales import en as messages
from bot.settings import PROJECT_ROOT, SETTINGS, Settings

QUESTION = "What do China and Russia say about missile defence?"
DEADLINE = 60.0  # seconds a step may take before the test gives up on it


def bot_command() -> list[str]:
    """How a user starts the bot: `quotebot run` (the console script runs bot.cli)."""
    cli = PROJECT_ROOT / "bot" / "cli.py"
    if cli.is_file() and "run_bot" in cli.read_text(encoding="utf-8"):
        return [sys.executable, "-m", "bot.cli", "run"]
    return [  # until bot/cli.py has `run`: what it will do
        sys.executable,
        "-c",
        "from bot.app import run_bot; from bot.settings import load_settings; "
        "raise SystemExit(run_bot(load_settings()))",
    ]


def bot_environment(api: FakeBotAPI, db_path: Path, **overrides: str) -> dict[str, str]:
    """Only these settings count: every key is set, so a developer's .env changes nothing."""
    env = {k: v for k, v in os.environ.items() if k not in {s.key for s in SETTINGS}}
    env.update({setting.key: setting.default for setting in SETTINGS})
    env.update(
        TELEGRAM_BOT_TOKEN=TOKEN,
        TELEGRAM_API_BASE_URL=api.base_url,
        QUOTEBOT_DB=str(db_path),
        QUOTEBOT_CORPUS=str(PROJECT_ROOT / "data" / "corpus"),
        LOG_LEVEL="DEBUG",  # the most talkative level must still never show the token
        PYTHONPATH=str(PROJECT_ROOT),
    )
    env.update(overrides)
    return env


# What the bot prints goes to files, not pipes: at DEBUG it writes more than a pipe holds, and a
# pipe nobody reads until the end would stall the bot on its next log line.
OUTPUTS: dict[int, tuple[IO[str], IO[str]]] = {}


def start_bot(env: dict[str, str]) -> subprocess.Popen[str]:
    out, err = tempfile.TemporaryFile("w+"), tempfile.TemporaryFile("w+")  # noqa: SIM115
    process = subprocess.Popen(
        bot_command(), cwd=PROJECT_ROOT, env=env, stdout=out, stderr=err, text=True
    )
    OUTPUTS[process.pid] = (out, err)
    return process


def printed(process: subprocess.Popen[str]) -> tuple[str, str]:
    """What the (stopped) bot printed on stdout and stderr."""
    texts = []
    for stream in OUTPUTS.pop(process.pid):
        stream.seek(0)
        texts.append(stream.read())
        stream.close()
    return texts[0], texts[1]


def stop_bot(process: subprocess.Popen[str]) -> tuple[int, str, str]:
    """Ctrl-C, as a user stops it; the exit code and what it printed."""
    if process.poll() is None:
        process.send_signal(signal.SIGINT)
    try:
        process.wait(timeout=DEADLINE)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
    return (process.returncode, *printed(process))


@pytest.fixture
def api() -> Iterator[FakeBotAPI]:
    server = FakeBotAPI().start()
    yield server
    server.stop()


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_polling_bot_answers_a_user_message_with_a_quote(api: FakeBotAPI, db_path: Path) -> None:
    process = start_bot(bot_environment(api, db_path))
    try:
        menu = api.wait_for(lambda call: call.method == "setMyCommands", DEADLINE)
        assert menu is not None, "the bot never finished starting"
        api.queue_text(QUESTION)
        reply = api.wait_for(lambda call: call.method == "sendMessage", DEADLINE)
    finally:
        code, out, err = stop_bot(process)
    assert reply is not None, f"no answer came; the bot said:\n{err[-3000:]}"
    assert reply.params["chat_id"] == USER_ID
    assert reply.params["parse_mode"] == "HTML"
    assert reply.text.startswith("<blockquote>") and "<b>" in reply.text
    assert html_problems(reply.text) == []
    assert "China–Russia Joint Statement" in visible(reply.text) or "¶" in reply.text
    assert [b["text"] for row in reply.params["reply_markup"]["inline_keyboard"] for b in row] == [
        "Full passage",
        "More results",
        "👍",
        "👎",
    ]
    assert api.of("sendChatAction")[0].params["action"] == "typing"
    assert [c["command"] for c in menu.params["commands"]] == [
        "start",
        "help",
        "ask",
        "quote",
        "sources",
        "more",
        "reset",
        "language",
    ]
    assert code == 0, err[-3000:]
    assert TOKEN not in out + err
    assert "Traceback" not in err, err[-4000:]


def test_polling_bot_in_a_group_and_in_inline_mode(api: FakeBotAPI, db_path: Path) -> None:
    process = start_bot(bot_environment(api, db_path))
    command = f"/ask@{BOT_USERNAME}"
    try:
        group_menu = api.wait_for(
            lambda call: call.method == "setMyCommands" and "scope" in call.params, DEADLINE
        )
        assert group_menu is not None, "the bot never finished starting"
        # Chatter first: updates are handled in order, so it is past when the answer comes.
        api.queue_text("Lunch at one, anyone?", user_id=OTHER_USER_ID, chat_id=GROUP_ID)
        asked = api.queue_text(
            f"{command} {QUESTION}",
            chat_id=GROUP_ID,
            entities=[{"type": "bot_command", "offset": 0, "length": len(command)}],
        )
        answer = api.wait_for(lambda call: call.method == "sendMessage", DEADLINE)
        assert answer is not None and answer.result is not None, "no answer in the group"
        api.queue_text("and with Pakistan?", chat_id=GROUP_ID, reply_to_message=answer.result)
        follow_up = api.wait_for(
            lambda call: call.method == "sendMessage" and call is not answer, DEADLINE
        )
        api.queue(
            {
                "inline_query": {
                    "id": "iq1",
                    "from": {"id": USER_ID, "is_bot": False, "first_name": "Ada"},
                    "query": "peacekeepers",
                    "offset": "",
                }
            }
        )
        inline = api.wait_for(lambda call: call.method == "answerInlineQuery", DEADLINE)
    finally:
        code, out, err = stop_bot(process)
    assert group_menu.params["scope"] == {"type": "all_group_chats"}
    # The group: one short quote as a reply to the question, the full answer a tap away.
    assert answer.params["chat_id"] == GROUP_ID
    assert answer.params["reply_parameters"]["message_id"] == asked["message_id"]
    assert answer.text.startswith("<blockquote>") and html_problems(answer.text) == []
    (button,) = answer.params["reply_markup"]["inline_keyboard"][0]
    assert button["url"].startswith(f"https://t.me/{BOT_USERNAME}?start=q_")
    assert api.of("sendChatAction") == []  # no "typing" in groups
    assert follow_up is not None, f"no follow-up came; the bot said:\n{err[-3000:]}"
    assert visible(follow_up.text).startswith(f"Read as a follow-up to “{QUESTION}”.")
    assert len(api.of("sendMessage")) == 2  # the chatter got nothing
    # Inline mode: passages listed, each posting the whole passage with its citation.
    assert inline is not None, f"no inline answer; the bot said:\n{err[-3000:]}"
    assert inline.params["inline_query_id"] == "iq1"
    assert inline.params["is_personal"] is True  # per user: buttons in the user's language
    results = inline.params["results"]
    assert results and all(r["type"] == "article" for r in results)
    posted = results[0]["input_message_content"]["message_text"]
    assert posted.startswith("<blockquote") and html_problems(posted) == []
    assert "peacekeeping" in visible(posted).lower()
    assert "inline_query" in api.of("getUpdates")[0].params["allowed_updates"]
    assert code == 0, err[-3000:]
    assert TOKEN not in out + err
    assert "Traceback" not in err, err[-4000:]


def test_a_rejected_token_is_one_clear_line_and_a_failure_exit(
    api: FakeBotAPI, db_path: Path
) -> None:
    env = bot_environment(
        api, db_path, TELEGRAM_BOT_TOKEN="999:WRONG-secret-token", LOG_LEVEL="INFO"
    )
    process = start_bot(env)
    code, out, err = stop_bot_when_done(process)
    assert code != 0
    assert api.rejected == ["getMe"]
    assert err.strip().splitlines() == [messages.CONSOLE_TOKEN_REJECTED]
    assert "WRONG-secret-token" not in out + err


def test_an_unreachable_bot_api_is_one_clear_line_and_a_failure_exit(
    api: FakeBotAPI, db_path: Path
) -> None:
    nowhere = f"http://127.0.0.1:{free_port()}/bot"  # nothing listens there
    env = bot_environment(api, db_path, TELEGRAM_API_BASE_URL=nowhere, LOG_LEVEL="INFO")
    code, out, err = stop_bot_when_done(start_bot(env))
    assert code != 0
    (line,) = err.strip().splitlines()
    assert line.startswith(messages.CONSOLE_NETWORK.format(url=nowhere, reason=""))
    assert TOKEN not in out + err


def test_run_bot_without_a_token_is_one_clear_line_and_a_failure_exit(
    db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # `quotebot run` starts the terminal chat when no token is set; run_bot itself refuses.
    code = run_bot(Settings(token="  ", db_path=db_path))
    out, err = capsys.readouterr()
    assert code != 0
    assert (out, err) == ("", messages.CONSOLE_NO_TOKEN + "\n")


def stop_bot_when_done(process: subprocess.Popen[str]) -> tuple[int, str, str]:
    """Wait for a bot that should stop by itself; kill it if it does not."""
    try:
        process.wait(timeout=DEADLINE)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
        pytest.fail(f"the bot kept running: {printed(process)[1][-2000:]}")
    return (process.returncode, *printed(process))


@pytest.mark.parametrize("configured", ["s3cret-hook", ""], ids=["secret-set", "secret-made"])
def test_webhook_mode_checks_the_secret_token_on_every_request(
    api: FakeBotAPI, db_path: Path, configured: str
) -> None:
    port = free_port()
    url = f"http://127.0.0.1:{port}/telegram/hook"
    env = bot_environment(
        api, db_path, WEBHOOK_URL=url, WEBHOOK_SECRET=configured, WEBHOOK_PORT=str(port)
    )
    process = start_bot(env)
    try:
        registered = api.wait_for(lambda call: call.method == "setWebhook", DEADLINE)
        assert registered is not None, "the bot never set its webhook"
        assert api.wait_for(lambda call: call.method == "setMyCommands", DEADLINE) is not None
        secret = str(registered.params["secret_token"])
        # python-telegram-bot registers the webhook before its server listens; Telegram retries a
        # refused delivery, so the test waits for the port as Telegram would.
        assert listening(port, DEADLINE), "the webhook server never started listening"
        update = {
            "update_id": 1,
            "message": {
                "message_id": 1,
                "date": 0,
                "chat": {"id": USER_ID, "type": "private", "first_name": "Ada"},
                "from": {"id": USER_ID, "is_bot": False, "first_name": "Ada"},
                "text": QUESTION,
            },
        }
        refused = post_update(url, update, secret="wrong")
        missing = post_update(url, update, secret=None)
        accepted = post_update(url, update, secret=secret)
        reply = api.wait_for(lambda call: call.method == "sendMessage", DEADLINE)
    finally:
        code, out, err = stop_bot(process)
    assert registered.params["url"] == url
    assert secret == configured if configured else len(secret) >= 32
    assert (refused, missing, accepted) == (403, 403, 200)
    assert reply is not None and reply.text.startswith("<blockquote>")
    assert len(api.of("sendMessage")) == 1  # only the accepted update was answered
    assert api.of("getUpdates") == []
    assert code == 0, err[-3000:]
    assert TOKEN not in out + err and secret not in out + err


def listening(port: int, deadline: float) -> bool:
    """Whether something accepts connections on the port before the deadline (seconds)."""
    stop = time.monotonic() + deadline
    while time.monotonic() < stop:
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                return True
        time.sleep(0.05)
    return False


def post_update(url: str, update: dict[str, object], secret: str | None) -> int:
    headers = {"X-Telegram-Bot-Api-Secret-Token": secret} if secret else {}
    return httpx.post(url, json=update, headers=headers, timeout=DEADLINE).status_code


def test_an_admin_uploads_a_document_over_http_and_it_answers_at_once(
    api: FakeBotAPI, db_path: Path, tmp_path: Path
) -> None:
    corpus = tmp_path / "corpus"
    shutil.copytree(PROJECT_ROOT / "data" / "corpus", corpus)
    env = bot_environment(
        api, db_path, QUOTEBOT_CORPUS=str(corpus), ADMIN_USER_IDS=f"{USER_ID}, 31337"
    )
    text = "Polar Notes\n\nChinese researchers have studied narwhal migration at Ny-Alesund.\n"
    api.files["doc1"] = text.encode("utf-8")
    process = start_bot(env)
    try:
        admin_menu = api.wait_for(
            lambda call: call.params.get("scope", {}).get("chat_id") == USER_ID, DEADLINE
        )
        assert admin_menu is not None, "the bot never set the admin's menu"
        message = {
            "message_id": 1,
            "date": 0,
            "chat": {"id": USER_ID, "type": "private", "first_name": "Ada"},
            "from": {"id": USER_ID, "is_bot": False, "first_name": "Ada"},
            "document": {"file_id": "doc1", "file_unique_id": "udoc1", "file_name": "polar.txt"},
        }
        api.queue({"message": message})
        report = api.wait_for(
            lambda call: call.method == "editMessageText" and "Reloaded" in call.text, DEADLINE
        )
        api.queue_text("Where do researchers study narwhal migration?")
        answer = api.wait_for(
            lambda call: call.method == "sendMessage" and "narwhal" in call.text, DEADLINE
        )
    finally:
        code, out, err = stop_bot(process)
    assert report is not None, f"no reload report; the bot said:\n{err[-3000:]}"
    assert visible(report.text).startswith("📄 Saved polar.txt (1 paragraph).")
    assert api.downloads == ["doc1"]
    assert (corpus / "polar.txt").read_text(encoding="utf-8") == text
    assert answer is not None and "Polar Notes" in visible(answer.text)
    assert "reload" in [c["command"] for c in admin_menu.params["commands"]]
    assert code == 0, err[-3000:]
    assert TOKEN not in out + err
    assert "Traceback" not in err, err[-4000:]
