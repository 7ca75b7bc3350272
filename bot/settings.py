"""One frozen settings object, read from the environment and an optional ``.env`` file.

Every key is declared once in :data:`SETTINGS` with its default and help text; ``.env.example``
documents each of them (a test checks that). The bot token is never logged or printed.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

PROJECT_ROOT = Path(__file__).resolve().parent.parent


class SettingsError(ValueError):
    """A setting has a value that cannot be used."""


def _is_http_url(url: str) -> bool:
    parts = urlsplit(url)
    return parts.scheme in {"http", "https"} and bool(parts.netloc)


def _resolve(path: str) -> Path:
    candidate = Path(path).expanduser()
    return candidate if candidate.is_absolute() else PROJECT_ROOT / candidate


def _number(key: str, kind: type[int] | type[float], what: str) -> Callable[[str], Any]:
    def parse(text: str) -> int | float:
        try:
            value = kind(text)
        except ValueError as error:
            raise SettingsError(f"{key} must be {what}") from error
        if value <= 0:
            raise SettingsError(f"{key} must be more than 0")
        return value

    return parse


def _url(key: str, *, optional: bool = False) -> Callable[[str], str]:
    def parse(text: str) -> str:
        if (text or not optional) and not _is_http_url(text):
            raise SettingsError(f"{key} must be an http(s) URL, not {text!r}")
        return text

    return parse


def _admins(text: str) -> frozenset[int]:
    try:
        return frozenset(int(part) for part in text.replace(" ", "").split(",") if part)
    except ValueError as error:
        raise SettingsError("ADMIN_USER_IDS must be comma-separated numeric user ids") from error


def _level(text: str) -> str:
    level = text.upper()
    if level not in {"DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"}:
        raise SettingsError(f"LOG_LEVEL must be DEBUG, INFO, WARNING or ERROR, not {level!r}")
    return level


def _text(text: str) -> str:
    return text


@dataclass(frozen=True)
class Setting:
    """One environment key: the Settings field it fills, its default (as text, as it would be
    written in .env), what it is for, and how its text is read."""

    key: str
    field: str
    default: str
    help: str
    parse: Callable[[str], Any] = _text


# Every setting, declared once: Settings' defaults are these defaults, read by these parsers.
SETTINGS: tuple[Setting, ...] = (
    Setting(
        "TELEGRAM_BOT_TOKEN", "token", "", "Bot token from @BotFather; empty runs the terminal chat"
    ),
    Setting(
        "TELEGRAM_API_BASE_URL",
        "api_base_url",
        "https://api.telegram.org/bot",
        "Bot API base URL (change it for a self-hosted Bot API server)",
        _url("TELEGRAM_API_BASE_URL"),
    ),
    Setting(
        "QUOTEBOT_DB",
        "db_path",
        "data/quotebot.db",
        "SQLite database: corpus, conversations, query log",
        _resolve,
    ),
    Setting(
        "QUOTEBOT_CORPUS",
        "corpus_dir",
        "data/corpus",
        "Folder of documents to answer from",
        _resolve,
    ),
    Setting(
        "ADMIN_USER_IDS",
        "admin_user_ids",
        "",
        "Comma-separated Telegram user ids allowed to run admin tasks",
        _admins,
    ),
    Setting(
        "LOG_LEVEL", "log_level", "INFO", "Logging level: DEBUG, INFO, WARNING or ERROR", _level
    ),
    Setting(
        "CONVERSATION_IDLE_MINUTES",
        "conversation_idle_minutes",
        "30",
        "Minutes of silence after which follow-ups forget",
        _number("CONVERSATION_IDLE_MINUTES", float, "a number of minutes"),
    ),
    Setting(
        "WEBHOOK_URL",
        "webhook_url",
        "",
        "Public HTTPS URL for webhook mode; empty means long polling",
        _url("WEBHOOK_URL", optional=True),
    ),
    Setting(
        "WEBHOOK_SECRET",
        "webhook_secret",
        "",
        "Secret token Telegram sends with every webhook request",
    ),
    Setting(
        "WEBHOOK_LISTEN", "webhook_listen", "127.0.0.1", "Address the webhook server listens on"
    ),
    Setting(
        "WEBHOOK_PORT",
        "webhook_port",
        "8443",
        "Port the webhook server listens on",
        _number("WEBHOOK_PORT", int, "a port number"),
    ),
)


# Settings' defaults: each setting's default text read by its parser.
_DEFAULTS: dict[str, Any] = {s.field: s.parse(s.default) for s in SETTINGS}


def read_dotenv(path: Path) -> dict[str, str]:
    """Read ``KEY=value`` lines of a ``.env`` file; blank lines and ``#`` comments are skipped."""
    values: dict[str, str] = {}
    if not path.is_file():
        return values
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith("#") or "=" not in line:
            continue
        key, _, value = line.partition("=")
        value = value.strip()
        if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
            value = value[1:-1]
        values[key.strip().removeprefix("export ").strip()] = value
    return values


@dataclass(frozen=True)
class Settings:
    """Everything configurable about quotebot. Build it with :func:`load_settings`."""

    token: str = field(default=_DEFAULTS["token"], repr=False)  # never in logs or tracebacks
    api_base_url: str = _DEFAULTS["api_base_url"]
    db_path: Path = _DEFAULTS["db_path"]
    corpus_dir: Path = _DEFAULTS["corpus_dir"]
    admin_user_ids: frozenset[int] = _DEFAULTS["admin_user_ids"]
    log_level: str = _DEFAULTS["log_level"]
    conversation_idle_minutes: float = _DEFAULTS["conversation_idle_minutes"]
    webhook_url: str = _DEFAULTS["webhook_url"]
    webhook_secret: str = field(default=_DEFAULTS["webhook_secret"], repr=False)
    webhook_listen: str = _DEFAULTS["webhook_listen"]
    webhook_port: int = _DEFAULTS["webhook_port"]

    @property
    def has_token(self) -> bool:
        return bool(self.token.strip())

    @property
    def bot_api_url(self) -> str:
        """The Bot API base URL the token is appended to, always ending in ``/bot``."""
        url = self.api_base_url.rstrip("/")
        return url if url.endswith("/bot") or "{token}" in url else url + "/bot"

    @property
    def bot_file_url(self) -> str:
        """Where files are downloaded from: ``…/file/bot`` next to :attr:`bot_api_url`."""
        url = self.bot_api_url
        if "{token}" in url:
            head, _, tail = url.rpartition("/bot")
            return f"{head}/file/bot{tail}"
        return url.removesuffix("/bot") + "/file/bot"

    @property
    def webhook_path(self) -> str:
        """The path the webhook server listens on: the path of :attr:`webhook_url`."""
        return urlsplit(self.webhook_url).path.strip("/")


def load_settings(environ: Mapping[str, str] | None = None, dotenv: Path | None = None) -> Settings:
    """Settings from ``environ`` (default: ``os.environ``) over ``.env`` over the defaults."""
    env = dict(read_dotenv(dotenv if dotenv is not None else PROJECT_ROOT / ".env"))
    env.update(os.environ if environ is None else environ)
    values = {s.field: s.parse(env.get(s.key, s.default).strip()) for s in SETTINGS}
    return Settings(**values)
