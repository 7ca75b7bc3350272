"""One frozen settings object, read from the environment and an optional ``.env`` file.

Every key is declared once in :data:`SETTINGS` with its default and help text; ``.env.example``
documents each of them (a test checks that). The bot token is never logged or printed.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

PROJECT_ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Setting:
    """One environment key: its default (as text) and what it is for."""

    key: str
    default: str
    help: str


SETTINGS: tuple[Setting, ...] = (
    Setting("TELEGRAM_BOT_TOKEN", "", "Bot token from @BotFather; empty runs the terminal chat"),
    Setting(
        "TELEGRAM_API_BASE_URL",
        "https://api.telegram.org/bot",
        "Bot API base URL (change it for a self-hosted Bot API server)",
    ),
    Setting("QUOTEBOT_DB", "data/quotebot.db", "SQLite database: corpus, conversations, query log"),
    Setting("QUOTEBOT_CORPUS", "data/corpus", "Folder of .txt/.md documents to answer from"),
    Setting("ADMIN_USER_IDS", "", "Comma-separated Telegram user ids allowed to run admin tasks"),
    Setting("LOG_LEVEL", "INFO", "Logging level: DEBUG, INFO, WARNING or ERROR"),
    Setting("CONVERSATION_IDLE_MINUTES", "30", "Minutes of silence after which follow-ups forget"),
    Setting("WEBHOOK_URL", "", "Public HTTPS URL for webhook mode; empty means long polling"),
    Setting("WEBHOOK_SECRET", "", "Secret token Telegram sends with every webhook request"),
    Setting("WEBHOOK_LISTEN", "127.0.0.1", "Address the webhook server listens on"),
    Setting("WEBHOOK_PORT", "8443", "Port the webhook server listens on"),
)


class SettingsError(ValueError):
    """A setting has a value that cannot be used."""


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


def _is_http_url(url: str) -> bool:
    parts = urlsplit(url)
    return parts.scheme in {"http", "https"} and bool(parts.netloc)


def _resolve(path: str) -> Path:
    candidate = Path(path).expanduser()
    return candidate if candidate.is_absolute() else PROJECT_ROOT / candidate


@dataclass(frozen=True)
class Settings:
    """Everything configurable about quotebot. Build it with :func:`load_settings`."""

    token: str = field(default="", repr=False)  # repr=False: never shown in logs or tracebacks
    api_base_url: str = "https://api.telegram.org/bot"
    db_path: Path = PROJECT_ROOT / "data" / "quotebot.db"
    corpus_dir: Path = PROJECT_ROOT / "data" / "corpus"
    admin_user_ids: frozenset[int] = frozenset()
    log_level: str = "INFO"
    conversation_idle_minutes: float = 30.0
    webhook_url: str = ""
    webhook_secret: str = field(default="", repr=False)
    webhook_listen: str = "127.0.0.1"
    webhook_port: int = 8443

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

    def get(key: str) -> str:
        default = next(s.default for s in SETTINGS if s.key == key)
        return env.get(key, default).strip()

    try:
        parts = get("ADMIN_USER_IDS").replace(" ", "").split(",")
        admins = frozenset(int(part) for part in parts if part)
    except ValueError as error:
        raise SettingsError("ADMIN_USER_IDS must be comma-separated numeric user ids") from error
    try:
        idle = float(get("CONVERSATION_IDLE_MINUTES"))
    except ValueError as error:
        raise SettingsError("CONVERSATION_IDLE_MINUTES must be a number of minutes") from error
    try:
        port = int(get("WEBHOOK_PORT"))
    except ValueError as error:
        raise SettingsError("WEBHOOK_PORT must be a port number") from error
    api = get("TELEGRAM_API_BASE_URL")
    if not _is_http_url(api):
        raise SettingsError(f"TELEGRAM_API_BASE_URL must be an http(s) URL, not {api!r}")
    webhook = get("WEBHOOK_URL")
    if webhook and not _is_http_url(webhook):
        raise SettingsError(f"WEBHOOK_URL must be an http(s) URL, not {webhook!r}")
    if idle <= 0:
        raise SettingsError("CONVERSATION_IDLE_MINUTES must be more than 0")
    level = get("LOG_LEVEL").upper()
    if level not in {"DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"}:
        raise SettingsError(f"LOG_LEVEL must be DEBUG, INFO, WARNING or ERROR, not {level!r}")
    return Settings(
        token=get("TELEGRAM_BOT_TOKEN"),
        api_base_url=api,
        db_path=_resolve(get("QUOTEBOT_DB")),
        corpus_dir=_resolve(get("QUOTEBOT_CORPUS")),
        admin_user_ids=admins,
        log_level=level,
        conversation_idle_minutes=idle,
        webhook_url=webhook,
        webhook_secret=get("WEBHOOK_SECRET"),
        webhook_listen=get("WEBHOOK_LISTEN"),
        webhook_port=port,
    )
