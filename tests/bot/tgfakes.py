"""The bot's tests' side of the fakes: real ``Update`` objects, the running bot, HTML checks.

The fake Bot API itself (the recording request layer and the HTTP server) is
:mod:`tools.fakebotapi`, shared with ``quotebot bench``; its names are re-exported here.

* ``*_update`` build real ``telegram.Update`` objects from the JSON Telegram sends.
* :func:`running_bot` starts the real Application offline; :class:`Harness` sends it updates.
* :func:`own_corpus` points the settings at a corpus folder of the test's own.
* :func:`html_problems` says why Telegram would refuse a text as HTML.
"""

from __future__ import annotations

import asyncio
import html
import itertools
import re
import time
from collections.abc import AsyncIterator, Callable, Mapping
from contextlib import asynccontextmanager
from dataclasses import dataclass, field, replace
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from telegram import Bot, Update

from bot.app import AnyApplication, build_application
from bot.delivery import RETRY, Backoff
from bot.services import services_of
from bot.settings import Settings
from bot.state import StateStore
from retrieval.library import Library
from tools.fakebotapi import (  # noqa: F401  (re-exported for the tests)
    BOT_ID,
    BOT_USER,
    BOT_USERNAME,
    DEADLINE,
    GROUP_ID,
    OTHER_USER_ID,
    TOKEN,
    USER_ID,
    Call,
    FakeBotAPI,
    Fault,
    RecordingRequest,
    chat_json,
    connect_timeout,
    connection_refused,
    dropped_after_sending,
    read_timeout,
    sent_message,
    user_json,
)

_TAGS = re.compile(r"<[^>]+>")


def _plain(text: str) -> str:
    """The text Telegram would show for HTML (tags dropped, entities decoded)."""
    return html.unescape(_TAGS.sub("", text))


class Updates:
    """Builds real ``Update`` objects for one bot, with increasing update and message ids."""

    def __init__(self, bot: Bot) -> None:
        self.bot = bot
        self._update_ids = itertools.count(1)
        self._message_ids = itertools.count(1)
        self.languages: dict[int, str] = {}  # user id → their Telegram app's language ("en")

    def _update(self, payload: dict[str, Any]) -> Update:
        update = Update.de_json({"update_id": next(self._update_ids), **payload}, self.bot)
        return update

    def raw(self, payload: dict[str, Any]) -> Update:
        """Any update, from the JSON Telegram sends (the update id is added)."""
        return self._update(payload)

    def message_json(
        self, user_id: int = USER_ID, chat_id: int | None = None, chat_type: str = "private"
    ) -> dict[str, Any]:
        return {
            "message_id": next(self._message_ids),
            "date": int(time.time()),
            "chat": chat_json(user_id if chat_id is None else chat_id, chat_type),
            "from": user_json(user_id, self.languages.get(user_id, "en")),
        }

    def text(
        self,
        text: str,
        *,
        user_id: int = USER_ID,
        chat_id: int | None = None,
        chat_type: str = "private",
        reply_to: dict[str, Any] | None = None,
        quote: str | None = None,
        edited: bool = False,
        topic: int | None = None,
    ) -> Update:
        """A text message, as Telegram sends it: a leading /command and every @username get
        their entities; ``reply_to`` is the message it replies to, ``quote`` the part of it
        the user quoted (Telegram's reply quote)."""
        message = self.message_json(user_id, chat_id, chat_type)
        message["text"] = text
        if topic is not None:  # posted in a forum topic of a supergroup
            message["chat"]["is_forum"] = True
            message["message_thread_id"] = topic
            message["is_topic_message"] = True
        entities = []
        if text.startswith("/"):
            command = text.split()[0]
            entities.append({"type": "bot_command", "offset": 0, "length": _units(command)})
        entities += _mentions(text)
        if entities:
            message["entities"] = entities
        if reply_to is not None:
            message["reply_to_message"] = reply_to
            if quote is not None:
                replied = str(reply_to.get("text", ""))
                assert quote in replied, "a quote is a part of the message replied to"
                message["quote"] = {
                    "text": quote,
                    "position": _units(replied[: replied.index(quote)]),
                    "is_manual": True,
                }
        if edited:
            message["edit_date"] = int(time.time())
            return self._update({"edited_message": message})
        return self._update({"message": message})

    def group_text(self, text: str, *, user_id: int = USER_ID, **kwargs: Any) -> Update:
        """A text message in the test supergroup :data:`GROUP_ID`."""
        return self.text(text, user_id=user_id, chat_id=GROUP_ID, chat_type="supergroup", **kwargs)

    def document(
        self,
        file_name: str | None,
        *,
        file_id: str = "BQACAgdoc",
        file_size: int | None = None,
        mime_type: str | None = "text/plain",
        user_id: int = USER_ID,
        chat_id: int | None = None,
        chat_type: str = "private",
        caption: str | None = None,
        reply_to: dict[str, Any] | None = None,
    ) -> Update:
        """A file sent to the bot (a Telegram "document"), named ``file_name``; ``caption``
        with an entity for each @username in it, replying to ``reply_to``."""
        message = self.message_json(user_id, chat_id, chat_type)
        _addressed(message, caption, reply_to)
        document: dict[str, Any] = {"file_id": file_id, "file_unique_id": f"u{file_id}"}
        if file_name is not None:
            document["file_name"] = file_name
        if file_size is not None:
            document["file_size"] = file_size
        if mime_type is not None:
            document["mime_type"] = mime_type
        message["document"] = document
        return self._update({"message": message})

    def inline(self, query: str, *, offset: str = "", user_id: int = USER_ID) -> Update:
        """An inline query: ``@bot query`` typed in some chat, asking for the page at ``offset``."""
        return self._update(
            {
                "inline_query": {
                    "id": f"iq{next(self._message_ids)}",
                    "from": user_json(user_id, self.languages.get(user_id, "en")),
                    "query": query,
                    "offset": offset,
                    "chat_type": "supergroup",
                }
            }
        )

    def sticker(
        self,
        *,
        user_id: int = USER_ID,
        chat_id: int | None = None,
        chat_type: str = "private",
        reply_to: dict[str, Any] | None = None,
    ) -> Update:
        message = self.message_json(user_id, chat_id, chat_type)
        _addressed(message, None, reply_to)
        message["sticker"] = {
            "file_id": "CAACAgIAAxkBAAEB",
            "file_unique_id": "AgADsticker",
            "type": "regular",
            "width": 512,
            "height": 512,
            "is_animated": False,
            "is_video": False,
            "emoji": "😀",
        }
        return self._update({"message": message})

    def photo(
        self,
        *,
        caption: str | None = None,
        user_id: int = USER_ID,
        chat_id: int | None = None,
        chat_type: str = "private",
        reply_to: dict[str, Any] | None = None,
    ) -> Update:
        """A photo, with ``caption`` (an entity for each @username in it) and ``reply_to``."""
        message = self.message_json(user_id, chat_id, chat_type)
        message["photo"] = [
            {"file_id": "AgACAgphoto", "file_unique_id": "AQADphoto", "width": 90, "height": 90}
        ]
        _addressed(message, caption, reply_to)
        return self._update({"message": message})

    def voice(self, *, user_id: int = USER_ID) -> Update:
        message = self.message_json(user_id)
        message["voice"] = {"file_id": "AwACAgvoice", "file_unique_id": "AgADvoice", "duration": 3}
        return self._update({"message": message})

    def press(
        self, data: str, bot_message: dict[str, Any] | None = None, *, user_id: int = USER_ID
    ) -> Update:
        """A press of an inline button carrying ``data`` under ``bot_message``."""
        message = bot_message or sent_message({"chat_id": user_id, "text": ""}, 1)
        return self._update(
            {
                "callback_query": {
                    "id": f"cq{next(self._update_ids)}",
                    "from": user_json(user_id, self.languages.get(user_id, "en")),
                    "chat_instance": "-1234",
                    "data": data,
                    "message": message,
                }
            }
        )

    def press_button(self, call: Call, label: str, *, user_id: int = USER_ID) -> Update:
        """Press the button labelled ``label`` on the message the bot sent in ``call``."""
        data = call.button(label)["callback_data"]
        return self.press(data, sent_message(call.params, 999), user_id=user_id)


def _addressed(
    message: dict[str, Any], caption: str | None, reply_to: dict[str, Any] | None
) -> None:
    """``caption`` on ``message``, with an entity for each @username in it; ``reply_to`` the
    message it replies to."""
    if caption:
        message["caption"] = caption
        if mentions := _mentions(caption):
            message["caption_entities"] = mentions
    if reply_to is not None:
        message["reply_to_message"] = reply_to


def _mentions(text: str) -> list[dict[str, Any]]:
    """The entities Telegram gives each @username in ``text``."""
    return [
        {"type": "mention", "offset": _units(text[: found.start()]), "length": _units(found[0])}
        for found in re.finditer(r"(?<![\w@])@[A-Za-z0-9_]{5,32}", text)
    ]


def _units(text: str) -> int:
    """Length in UTF-16 code units, as entity offsets count."""
    return len(text.encode("utf-16-le")) // 2


# ------------------------------------------------------------------------------- HTML checks
ALLOWED_TAGS = frozenset({"b", "i", "a", "blockquote", "u", "s", "code", "pre"})


class TelegramHTMLChecker(HTMLParser):
    """Parses a text the way Telegram's HTML mode needs it: known tags, all closed, in order."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.stack: list[str] = []
        self.problems: list[str] = []
        self.text_parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in ALLOWED_TAGS:
            self.problems.append(f"tag <{tag}>")
        self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or self.stack[-1] != tag:
            self.problems.append(f"</{tag}> closes {self.stack[-1:]}")
        else:
            self.stack.pop()

    def handle_data(self, data: str) -> None:
        if "<" in data or ">" in data:
            self.problems.append(f"bare angle bracket in {data!r}")
        if re.search(r"&(?![a-zA-Z]+;|#\d+;|#x[0-9a-fA-F]+;)", data):
            self.problems.append(f"bare & in {data!r}")
        self.text_parts.append(data)

    def handle_entityref(self, name: str) -> None:
        if name not in {"lt", "gt", "amp", "quot"}:
            self.problems.append(f"entity &{name}; is not one Telegram knows")
        self.text_parts.append(html.unescape(f"&{name};"))

    def handle_charref(self, name: str) -> None:
        self.text_parts.append(html.unescape(f"&#{name};"))


def html_problems(text: str) -> list[str]:
    """Why Telegram would refuse ``text`` as HTML (empty when it would accept it)."""
    checker = TelegramHTMLChecker()
    checker.feed(text)
    checker.close()
    problems = list(checker.problems)
    if checker.stack:
        problems.append(f"unclosed {checker.stack}")
    if checker.rawdata:
        problems.append(f"unparsed {checker.rawdata!r}")
    return problems


def visible(text: str) -> str:
    """The text a user sees for an HTML message (the isolates around echoed user text, FSI and
    PDI, show as nothing)."""
    return _plain(text).replace("\u2068", "").replace("\u2069", "")


# ---------------------------------------------------------------------------- a running bot


@dataclass
class Harness:
    """A started Application, its recording request layer and an update builder."""

    app: AnyApplication
    request: RecordingRequest
    updates: Updates
    _stores: list[StateStore] = field(default_factory=list)

    @property
    def state(self) -> StateStore:
        """The bot's state, read from the file as it is now (queued writes done: see
        :meth:`settle`), on a connection of the test's own."""
        store = StateStore.open(services_of(self.app.bot_data).state.path)
        self._stores.append(store)
        return store

    def close(self) -> None:
        for store in self._stores:
            store.close()

    async def send(self, update: Update) -> list[Call]:
        """Process ``update`` as the running bot would; the messages it sent in reply (once the
        handlers that run apart from the update, ``block=False``, are done too)."""
        before = len(self.request.sent)
        await self.app.process_update(update)
        await self.settle()
        return self.request.sent[before:]

    async def settle(self) -> None:
        """Wait for the handlers running apart from their update (``block=False``) to finish,
        then for the state's queued writes."""
        deadline = time.monotonic() + DEADLINE
        while True:
            running = [
                task
                for task in asyncio.all_tasks()
                if "process_update_non_blocking" in task.get_name() and not task.done()
            ]
            if not running:
                await services_of(self.app.bot_data).state.flush()
                return
            left = deadline - time.monotonic()
            if left <= 0:
                raise AssertionError(f"handlers still running after {DEADLINE} s: {running}")
            await asyncio.wait(running, timeout=left)

    async def deliver(self, update: Update) -> None:
        """Put ``update`` in the queue the running bot takes updates from, one after another as
        from Telegram: a handler that blocks holds up the updates after it."""
        await self.app.update_queue.put(update)

    async def wait_until(self, condition: Callable[[], bool], what: str) -> None:
        """Wait (up to a generous deadline, which only bounds a failure) until ``condition``."""
        deadline = time.monotonic() + DEADLINE
        while not condition():
            if time.monotonic() > deadline:
                raise AssertionError(f"gave up waiting for {what}; calls: {self.request.methods}")
            await asyncio.sleep(0.005)

    async def say(self, text: str, **kwargs: Any) -> list[Call]:
        return await self.send(self.updates.text(text, **kwargs))

    async def say_in_group(self, text: str, **kwargs: Any) -> list[Call]:
        """Post ``text`` in the test group; the messages the bot sent in reply."""
        return await self.send(self.updates.group_text(text, **kwargs))

    async def inline(self, query: str, offset: str = "", **kwargs: Any) -> Call:
        """Type ``@bot query`` somewhere; the bot's answerInlineQuery call."""
        before = len(self.request.of("answerInlineQuery"))
        await self.app.process_update(self.updates.inline(query, offset=offset, **kwargs))
        (answered,) = self.request.of("answerInlineQuery")[before:]
        return answered

    async def press(self, call: Call, label: str, **kwargs: Any) -> list[Call]:
        return await self.send(self.updates.press_button(call, label, **kwargs))


def own_corpus(settings: Settings, tmp_path: Path, files: Mapping[str, str | bytes]) -> Settings:
    """``settings`` over a corpus folder holding only ``files`` (name to text or bytes), with a
    database of its own."""
    folder = tmp_path / "own-corpus"
    folder.mkdir()
    for name, content in files.items():
        if isinstance(content, bytes):
            (folder / name).write_bytes(content)
        else:
            (folder / name).write_text(content, encoding="utf-8")
    return replace(settings, corpus_dir=folder, db_path=tmp_path / "own.db")


# Requests that fail for a moment are retried as in production, only without the waiting.
QUICK_RETRY = Backoff(attempts=RETRY.attempts, first=0.001, cap=0.004)


@asynccontextmanager
async def running_bot(
    settings: Settings,
    request: RecordingRequest,
    library: Library | None = None,
    backoff: Backoff = QUICK_RETRY,
) -> AsyncIterator[Harness]:
    """Start the bot as ``run_bot`` does (initialize, post_init, start), without polling; stop
    it after. Updates go in with :meth:`Harness.send` (processed at once) or
    :meth:`Harness.deliver` (queued, and taken one at a time as the polling bot takes them)."""
    app = build_application(settings, library, request=request, backoff=backoff)
    await app.initialize()
    if app.post_init is not None:
        await app.post_init(app)
    await app.start()
    harness = Harness(app, request, Updates(app.bot))
    try:
        yield harness
    finally:
        harness.close()
        await app.stop()
        await app.shutdown()
        if app.post_shutdown is not None:
            await app.post_shutdown(app)
