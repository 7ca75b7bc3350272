"""A fake Telegram Bot API, shared by the tests and ``quotebot bench``: no mocks, no network.

* :class:`RecordingRequest` is a python-telegram-bot ``BaseRequest`` that records every Bot API
  call (method and parameters) and answers it the way Telegram would; an unknown method is
  recorded as unexpected and fails, so nothing ever reaches the network. Files put in
  :attr:`RecordingRequest.files` can be fetched with ``getFile`` and downloaded. Faults can be
  injected: an error status, a transport error (:func:`connection_refused`, :func:`read_timeout`
  ...), or a request that is carried out and *then* times out (:meth:`deliver_then_raise`).
* :class:`FakeBotAPI` is a small Bot API server over HTTP on 127.0.0.1, for end-to-end runs of
  the bot started as users start it.
"""

from __future__ import annotations

import html
import itertools
import json
import re
import threading
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, TypeVar
from urllib.parse import parse_qsl, unquote

import httpx
from telegram.error import NetworkError, TimedOut
from telegram.request import BaseRequest, RequestData

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


def user_json(user_id: int = USER_ID, language: str = "en") -> dict[str, Any]:
    """A user as Telegram describes one; ``language`` is their app's language (IETF tag)."""
    name = "Ada" if user_id == USER_ID else f"Member {user_id}"
    return {"id": user_id, "is_bot": False, "first_name": name, "language_code": language}


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
    if params.get("message_thread_id"):  # posted in a forum topic
        message["message_thread_id"] = int(params["message_thread_id"])
        message["is_topic_message"] = True
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
    delivered: bool = False  # the request was carried out before ``error`` (a read time-out)


def connection_refused() -> NetworkError:
    """What python-telegram-bot raises when no connection could be made: nothing was sent."""
    return _caused(NetworkError("httpx.ConnectError: connection refused"), httpx.ConnectError(""))


def connect_timeout() -> TimedOut:
    """A time-out while connecting: nothing was sent."""
    return _caused(TimedOut(), httpx.ConnectTimeout(""))


def read_timeout() -> TimedOut:
    """A time-out waiting for the answer: the request went out and may have been carried out."""
    return _caused(TimedOut(), httpx.ReadTimeout(""))


def dropped_after_sending() -> NetworkError:
    """The server closed the connection after the request went out (it may have been done)."""
    error = NetworkError("httpx.RemoteProtocolError: Server disconnected")
    return _caused(error, httpx.RemoteProtocolError(""))


E = TypeVar("E", bound=Exception)


def _caused(error: E, cause: Exception) -> E:
    error.__cause__ = cause  # as python-telegram-bot raises it: `raise ... from err`
    return error


def downloaded_file(url: str, token: str) -> str | None:
    """The file id a file download URL (``…/file/bot<token>/documents/<id>``) asks for."""
    marker = f"/file/bot{token}/{FILE_PATH_PREFIX}"
    url = unquote(url)  # python-telegram-bot quotes the path, the token's ":" included
    return url.split(marker, 1)[1] if marker in url else None


class RecordingRequest(BaseRequest):
    """Records the bot's Bot API calls and answers them like Telegram; never opens a socket."""

    def __init__(self, token: str = TOKEN, *, keep: bool = True) -> None:
        self.keep = keep  # False: only count the calls (a benchmark's millions of them)
        self.counts: Counter[str] = Counter()  # calls per method
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
        ``error`` as the network layer would (:func:`connection_refused`...), not carried out."""
        self.failures.append(Failure(method, 0, {}, when, error))

    def deliver_then_raise(self, method: str, error: Exception) -> None:
        """Carry out the next call of ``method`` (the message is posted) and then raise
        ``error``, as when the answer is lost on its way back: :func:`read_timeout`."""
        self.failures.append(Failure(method, 0, {}, None, error, delivered=True))

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
        call = Call(api_method, params)
        self.counts[api_method] += 1
        if self.keep:
            self.calls.append(call)
        failure = next(
            (
                f
                for f in self.failures
                if f.method == api_method and (f.when is None or f.when(params))
            ),
            None,
        )
        if failure is not None:
            self.failures.remove(failure)
            if not failure.delivered:
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
        call.result = result
        if failure is not None and failure.error is not None:
            raise failure.error  # carried out, but the bot never hears so
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


@dataclass
class Fault:
    """One request to ``method`` that fails: answered ``status`` after ``stall`` seconds."""

    method: str
    status: int = 500
    stall: float = 0.0
    delivered: bool = False  # carried out first (the message is posted), then answered late


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
        if fault is not None and not fault.delivered:
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
        if fault is not None:
            time.sleep(fault.stall)  # done, but answered later than the bot waits
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
