"""Fakes of Telegram for the bot's tests: no mocks, no network.

* :class:`RecordingRequest` is a python-telegram-bot ``BaseRequest`` that records every Bot API
  call (method and parameters) and answers it the way Telegram would; an unknown method is
  recorded as unexpected and fails, so a test never reaches the network. Files a test puts in
  :attr:`RecordingRequest.files` can be fetched with ``getFile`` and downloaded.
* ``*_update`` build real ``telegram.Update`` objects from the JSON Telegram sends.
* :class:`FakeBotAPI` is a small Bot API server over HTTP on 127.0.0.1, for end-to-end tests of
  the bot started as users start it.
"""

from __future__ import annotations

import asyncio
import html
import itertools
import json
import re
import threading
import time
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from html.parser import HTMLParser
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qsl, unquote

from telegram import Bot, Update
from telegram.request import BaseRequest, RequestData

from bot.app import AnyApplication, build_application
from bot.delivery import RETRY, Backoff
from bot.settings import Settings
from retrieval.library import Library

BOT_ID = 777000111
BOT_USERNAME = "quotebot_test_bot"
USER_ID = 4242
OTHER_USER_ID = 5353
GROUP_ID = -1001234567890  # a supergroup: Telegram's group ids are negative
TOKEN = "123456:TEST-token-never-shown"
DEADLINE = 60.0  # seconds a wait may take before a test gives up: it only bounds a failure

BOT_USER = {
    "id": BOT_ID,
    "is_bot": True,
    "first_name": "Quotebot",
    "username": BOT_USERNAME,
    "can_join_groups": True,
    "can_read_all_group_messages": False,
    "supports_inline_queries": True,
}


def user_json(user_id: int = USER_ID) -> dict[str, Any]:
    name = "Ada" if user_id == USER_ID else f"Member {user_id}"
    return {"id": user_id, "is_bot": False, "first_name": name, "language_code": "en"}


def chat_json(chat_id: int, chat_type: str = "private") -> dict[str, Any]:
    if chat_type == "private":
        return {"id": chat_id, "type": "private", "first_name": "Ada"}
    return {"id": chat_id, "type": chat_type, "title": "Readers"}


# --------------------------------------------------------------------------------- responses
def sent_message(params: dict[str, Any], message_id: int) -> dict[str, Any]:
    """The Message Telegram returns for sendMessage (and edits): what was sent, by the bot."""
    chat_id = int(params["chat_id"])
    message: dict[str, Any] = {
        "message_id": message_id,
        "date": int(time.time()),
        "chat": chat_json(chat_id, "private" if chat_id > 0 else "supergroup"),
        "from": BOT_USER,
        "text": _plain(str(params.get("text", ""))),
    }
    markup = params.get("reply_markup")
    if markup:
        message["reply_markup"] = json.loads(markup) if isinstance(markup, str) else markup
    return message


def _plain(text: str) -> str:
    """The text Telegram would show for HTML (tags dropped, entities decoded)."""
    return html.unescape(_TAGS.sub("", text))


_TAGS = re.compile(r"<[^>]+>")

TRUE_METHODS = frozenset(
    {
        "sendChatAction",
        "answerCallbackQuery",
        "answerInlineQuery",
        "setMyCommands",
        "deleteMyCommands",
        "deleteWebhook",
        "setWebhook",
        "close",
        "logOut",
    }
)
MESSAGE_METHODS = frozenset({"sendMessage", "editMessageText", "editMessageReplyMarkup"})


FILE_PATH_PREFIX = "documents/"  # where getFile says a file is, under the file download URL
INVALID_FILE = {"ok": False, "error_code": 400, "description": "Bad Request: invalid file_id"}


def file_result(file_id: str, data: bytes) -> dict[str, Any]:
    """The File ``getFile`` returns: where to download ``data`` from."""
    return {
        "file_id": file_id,
        "file_unique_id": f"u{file_id}",
        "file_size": len(data),
        "file_path": FILE_PATH_PREFIX + file_id,
    }


class FileNotFound(KeyError):
    """``getFile`` for a file id the fake does not have."""


def bot_api_result(
    method: str, params: dict[str, Any], message_id: int, files: dict[str, bytes] | None = None
) -> Any:
    """What the Bot API answers ``method``; KeyError for a method these fakes do not know
    (:class:`FileNotFound` for ``getFile`` of a file not in ``files``)."""
    if method == "getFile":
        file_id = str(params.get("file_id"))
        if files is None or file_id not in files:
            raise FileNotFound(file_id)
        return file_result(file_id, files[file_id])
    if method == "getMe":
        return BOT_USER
    if method in TRUE_METHODS:
        return True
    if method in MESSAGE_METHODS:
        return sent_message(params, message_id)
    if method == "getMyCommands":
        return []
    if method == "getWebhookInfo":
        return {"url": "", "has_custom_certificate": False, "pending_update_count": 0}
    raise KeyError(method)


# ---------------------------------------------------------------------------- the fake request
@dataclass
class Call:
    """One Bot API request the bot made."""

    method: str
    params: dict[str, Any]
    result: Any = None  # what the Bot API answered (for sendMessage: the Message sent)

    @property
    def text(self) -> str:
        return str(self.params.get("text", ""))

    @property
    def markup(self) -> dict[str, Any]:
        markup = self.params.get("reply_markup") or {}
        return json.loads(markup) if isinstance(markup, str) else dict(markup)

    @property
    def buttons(self) -> list[dict[str, Any]]:
        return [button for row in self.markup.get("inline_keyboard", []) for button in row]

    def button(self, label: str) -> dict[str, Any]:
        for button in self.buttons:
            if button["text"] == label:
                return button
        raise AssertionError(f"no button {label!r} in {[b['text'] for b in self.buttons]}")


@dataclass
class Failure:
    method: str
    status: int
    body: dict[str, Any]
    when: Callable[[dict[str, Any]], bool] | None = None  # only calls with these parameters
    error: Exception | None = None  # raised instead of answering (a time-out, a broken link)


def downloaded_file(url: str, token: str) -> str | None:
    """The file id a file download URL (``…/file/bot<token>/documents/<id>``) asks for."""
    marker = f"/file/bot{token}/{FILE_PATH_PREFIX}"
    url = unquote(url)  # python-telegram-bot quotes the path, the token's ":" included
    return url.split(marker, 1)[1] if marker in url else None


class RecordingRequest(BaseRequest):
    """Records the bot's Bot API calls and answers them like Telegram; never opens a socket."""

    def __init__(self, token: str = TOKEN) -> None:
        self.calls: list[Call] = []
        self.unexpected: list[str] = []
        self.failures: list[Failure] = []
        self.files: dict[str, bytes] = {}  # file id → content, for getFile and downloads
        self.downloads: list[str] = []  # the file ids the bot downloaded
        self.token = token
        self._ids = itertools.count(1000)

    @property
    def read_timeout(self) -> float | None:
        return 1.0

    async def initialize(self) -> None:
        return None

    async def shutdown(self) -> None:
        return None

    def fail_next(
        self,
        method: str,
        status: int,
        when: Callable[[dict[str, Any]], bool] | None = None,
        **body: Any,
    ) -> None:
        """Make the next call of ``method`` (whose parameters satisfy ``when``, if given) fail
        with this HTTP status and response body."""
        failure = Failure(method, status, {"ok": False, "error_code": status, **body}, when)
        self.failures.append(failure)

    def raise_next(
        self,
        method: str,
        error: Exception,
        when: Callable[[dict[str, Any]], bool] | None = None,
    ) -> None:
        """Make the next call of ``method`` (whose parameters satisfy ``when``, if given) raise
        ``error`` as the network layer would: ``TimedOut()``, ``NetworkError("...")``."""
        self.failures.append(Failure(method, 0, {}, when, error))

    async def do_request(
        self,
        url: str,
        method: str,
        request_data: RequestData | None = None,
        read_timeout: Any = BaseRequest.DEFAULT_NONE,
        write_timeout: Any = BaseRequest.DEFAULT_NONE,
        connect_timeout: Any = BaseRequest.DEFAULT_NONE,
        pool_timeout: Any = BaseRequest.DEFAULT_NONE,
    ) -> tuple[int, bytes]:
        file_id = downloaded_file(url, self.token)
        if file_id is not None:  # a file download, not a Bot API method
            self.downloads.append(file_id)
            if file_id in self.files:
                return 200, self.files[file_id]
            return 404, b"Not Found"
        api_method = url.rsplit("/", 1)[-1]
        params = dict(request_data.parameters) if request_data else {}
        self.calls.append(Call(api_method, params))
        for failure in self.failures:
            if failure.method == api_method and (failure.when is None or failure.when(params)):
                self.failures.remove(failure)
                if failure.error is not None:
                    raise failure.error
                return failure.status, json.dumps(failure.body).encode()
        try:
            result = bot_api_result(api_method, params, next(self._ids), self.files)
        except FileNotFound:
            return 400, json.dumps(INVALID_FILE).encode()
        except KeyError:
            self.unexpected.append(api_method)
            return 404, json.dumps({"ok": False, "description": "Not Found"}).encode()
        self.calls[-1].result = result
        return 200, json.dumps({"ok": True, "result": result}).encode()

    # What the tests look at ---------------------------------------------------------------

    def of(self, method: str) -> list[Call]:
        return [call for call in self.calls if call.method == method]

    @property
    def sent(self) -> list[Call]:
        """The messages the bot sent, in order."""
        return self.of("sendMessage")

    @property
    def last(self) -> Call:
        sent = self.sent
        if not sent:
            raise AssertionError(f"the bot sent no message; calls: {self.methods}")
        return sent[-1]

    @property
    def methods(self) -> list[str]:
        return [call.method for call in self.calls]

    def edits_of(self, call: Call) -> list[Call]:
        """The edits of the message the bot sent in ``call``, in order."""
        message_id = call.result["message_id"] if call.result else None
        return [
            edit
            for edit in self.of("editMessageText")
            if message_id is not None and int(edit.params.get("message_id", -1)) == message_id
        ]

    def final_text(self, call: Call) -> str:
        """The text of the message sent in ``call`` as it reads now, after its edits."""
        edits = self.edits_of(call)
        return edits[-1].text if edits else call.text

    def clear(self) -> None:
        self.calls.clear()


# ---------------------------------------------------------------------------------- updates
class Updates:
    """Builds real ``Update`` objects for one bot, with increasing update and message ids."""

    def __init__(self, bot: Bot) -> None:
        self.bot = bot
        self._update_ids = itertools.count(1)
        self._message_ids = itertools.count(1)

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
            "from": user_json(user_id),
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
    ) -> Update:
        """A text message, as Telegram sends it: a leading /command and every @username get
        their entities; ``reply_to`` is the message it replies to, ``quote`` the part of it
        the user quoted (Telegram's reply quote)."""
        message = self.message_json(user_id, chat_id, chat_type)
        message["text"] = text
        entities = []
        if text.startswith("/"):
            command = text.split()[0]
            entities.append({"type": "bot_command", "offset": 0, "length": _units(command)})
        for mention in re.finditer(r"(?<![\w@])@[A-Za-z0-9_]{5,32}", text):
            entities.append(
                {
                    "type": "mention",
                    "offset": _units(text[: mention.start()]),
                    "length": _units(mention.group()),
                }
            )
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
    ) -> Update:
        """A file sent to the bot (a Telegram "document"), named ``file_name``."""
        message = self.message_json(user_id, chat_id, chat_type)
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
                    "from": user_json(user_id),
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
        if reply_to is not None:
            message["reply_to_message"] = reply_to
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

    def photo(self, *, caption: str | None = None, user_id: int = USER_ID) -> Update:
        message = self.message_json(user_id)
        message["photo"] = [
            {"file_id": "AgACAgphoto", "file_unique_id": "AQADphoto", "width": 90, "height": 90}
        ]
        if caption:
            message["caption"] = caption
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
                    "from": user_json(user_id),
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
    """The text a user sees for an HTML message."""
    return _plain(text)


# ------------------------------------------------------------------------ fake Bot API server
@dataclass
class Fault:
    """One request to ``method`` that fails: answered ``status`` after ``stall`` seconds."""

    method: str
    status: int = 500
    stall: float = 0.0


@dataclass
class FakeBotAPI:
    """A Bot API server on 127.0.0.1 that serves one token, queues updates, records calls.

    ``getUpdates`` hands out the queued updates once each, and with none queued waits up to
    ``max_wait`` seconds (of the long-poll ``timeout``) for one, so polling is realistic but quick.
    """

    token: str = TOKEN
    max_wait: float = 0.5
    calls: list[Call] = field(default_factory=list)
    rejected: list[str] = field(default_factory=list)
    files: dict[str, bytes] = field(default_factory=dict)  # file id → content, for getFile
    downloads: list[str] = field(default_factory=list)
    faults: list[Fault] = field(default_factory=list)  # failures to inject, first match first
    faulted: list[str] = field(default_factory=list)  # the methods that met one
    _queue: list[dict[str, Any]] = field(default_factory=list)
    _cond: threading.Condition = field(default_factory=threading.Condition)
    _server: ThreadingHTTPServer | None = None
    _thread: threading.Thread | None = None
    _ids: itertools.count[int] = field(default_factory=lambda: itertools.count(5000))
    _update_ids: itertools.count[int] = field(default_factory=lambda: itertools.count(1))

    @property
    def port(self) -> int:
        if self._server is None:
            raise RuntimeError("not started")
        return int(self._server.server_address[1])

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/bot"

    def start(self) -> FakeBotAPI:
        api = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length).decode("utf-8")
                status, payload = api.handle(self.path, self.headers.get("Content-Type", ""), body)
                data = json.dumps(payload).encode()
                try:
                    self.send_response(status)
                    self.send_header("Content-Type", "application/json")
                    self.send_header("Content-Length", str(len(data)))
                    self.end_headers()
                    self.wfile.write(data)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the bot gave up a long poll (it is stopping): nobody to answer

            def do_GET(self) -> None:
                file_id = downloaded_file(self.path, api.token)
                if file_id is None:
                    self.do_POST()
                    return
                api.downloads.append(file_id)
                data = api.files.get(file_id)
                self.send_response(200 if data is not None else 404)
                self.send_header("Content-Length", str(len(data or b"")))
                self.end_headers()
                self.wfile.write(data or b"")

            def log_message(self, format: str, *args: Any) -> None:
                return None

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        if self._server is not None:
            with self._cond:
                self._cond.notify_all()
            self._server.shutdown()
            self._server.server_close()

    def handle(self, path: str, content_type: str, body: str) -> tuple[int, dict[str, Any]]:
        prefix = f"/bot{self.token}/"
        if not path.startswith(prefix):
            self.rejected.append(path.rsplit("/", 1)[-1])
            return 401, {"ok": False, "error_code": 401, "description": "Unauthorized"}
        method = path[len(prefix) :]
        with self._cond:
            fault = next((f for f in self.faults if f.method == method), None)
            if fault is not None:
                self.faults.remove(fault)
                self.faulted.append(method)
        if fault is not None:
            time.sleep(fault.stall)  # longer than the bot waits: it times out
            return fault.status, {"ok": False, "error_code": fault.status, "description": "Oops"}
        if "json" in content_type:
            params = json.loads(body or "{}")
        else:
            params = {}
            for key, value in parse_qsl(body, keep_blank_values=True):
                try:
                    params[key] = json.loads(value)
                except ValueError:
                    params[key] = value
        if method == "getUpdates":
            with self._cond:
                self.calls.append(Call(method, params))
            return 200, {"ok": True, "result": self._take_updates(params)}
        try:
            result = bot_api_result(method, params, next(self._ids), self.files)
        except FileNotFound:
            return 400, INVALID_FILE
        except KeyError:
            result = None
        with self._cond:  # recorded with its result, so a test can reply to a message sent
            self.calls.append(Call(method, params, result))
            self._cond.notify_all()
        if result is None:
            return 404, {"ok": False, "error_code": 404, "description": "Not Found"}
        return 200, {"ok": True, "result": result}

    def _take_updates(self, params: dict[str, Any]) -> list[dict[str, Any]]:
        offset = int(params.get("offset") or 0)
        wait = min(float(params.get("timeout") or 0), self.max_wait)
        with self._cond:
            self._queue = [u for u in self._queue if u["update_id"] >= offset]
            if not self._queue and wait:
                self._cond.wait(wait)
            taken, self._queue = list(self._queue), []
        return taken

    def queue_text(
        self, text: str, user_id: int = USER_ID, chat_id: int | None = None, **message: Any
    ) -> dict[str, Any]:
        """Queue a text message from ``user_id`` (in a private chat, or the group ``chat_id``)
        for the next getUpdates; ``message`` adds fields (entities, reply_to_message...)."""
        chat = chat_json(user_id) if chat_id is None else chat_json(chat_id, "supergroup")
        queued = {
            "message_id": next(self._ids),
            "date": int(time.time()),
            "chat": chat,
            "from": user_json(user_id),
            "text": text,
            **message,
        }
        self.queue({"message": queued})
        return queued

    def queue(self, payload: dict[str, Any]) -> None:
        """Queue any update (``{"inline_query": {...}}``...) for the next getUpdates."""
        update = {"update_id": next(self._update_ids), **payload}
        with self._cond:
            self._queue.append(update)
            self._cond.notify_all()

    def wait_for(self, predicate: Callable[[Call], bool], timeout: float = 60.0) -> Call | None:
        """The first recorded call matching ``predicate``, waiting for it up to ``timeout``."""
        deadline = time.monotonic() + timeout
        with self._cond:
            while True:
                for call in self.calls:
                    if predicate(call):
                        return call
                left = deadline - time.monotonic()
                if left <= 0:
                    return None
                self._cond.wait(left)

    def of(self, method: str) -> list[Call]:
        with self._cond:
            return [call for call in self.calls if call.method == method]


# ---------------------------------------------------------------------------- a running bot
@dataclass
class Harness:
    """A started Application, its recording request layer and an update builder."""

    app: AnyApplication
    request: RecordingRequest
    updates: Updates

    async def send(self, update: Update) -> list[Call]:
        """Process ``update`` as the running bot would; the messages it sent in reply (once the
        handlers that run apart from the update, ``block=False``, are done too)."""
        before = len(self.request.sent)
        await self.app.process_update(update)
        await self.settle()
        return self.request.sent[before:]

    async def settle(self) -> None:
        """Wait for the handlers running apart from their update (``block=False``) to finish."""
        deadline = time.monotonic() + DEADLINE
        while True:
            running = [
                task
                for task in asyncio.all_tasks()
                if "process_update_non_blocking" in task.get_name() and not task.done()
            ]
            if not running:
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
    try:
        yield Harness(app, request, Updates(app.bot))
    finally:
        await app.stop()
        await app.shutdown()
        if app.post_shutdown is not None:
            await app.post_shutdown(app)
