"""bot.settings: one frozen object from the environment and .env, every key documented."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest

from bot.settings import (
    PROJECT_ROOT,
    SETTINGS,
    Settings,
    SettingsError,
    load_settings,
    read_dotenv,
)

ENV_EXAMPLE = PROJECT_ROOT / ".env.example"


def test_every_setting_is_documented_with_a_comment_in_env_example() -> None:
    lines = ENV_EXAMPLE.read_text(encoding="utf-8").splitlines()
    for setting in SETTINGS:
        at = [n for n, line in enumerate(lines) if re.match(rf"#?\s*{setting.key}=", line)]
        assert len(at) == 1, f"{setting.key} is not in .env.example exactly once"
        comment = lines[at[0] - 1]
        assert comment.startswith("# ") and "=" not in comment.split()[1], setting.key


def test_env_example_names_no_unknown_key_and_loads_as_it_is(tmp_path: Path) -> None:
    known = {setting.key for setting in SETTINGS}
    assert set(read_dotenv(ENV_EXAMPLE)) <= known
    loaded = load_settings({}, dotenv=ENV_EXAMPLE)
    assert loaded == load_settings({}, dotenv=tmp_path / "missing.env")  # the defaults


def test_environment_wins_over_dotenv_over_defaults(tmp_path: Path) -> None:
    dotenv = tmp_path / ".env"
    dotenv.write_text(
        "# comment\nexport LOG_LEVEL=debug\nTELEGRAM_BOT_TOKEN='1:from-file'\n"
        "QUOTEBOT_DB=/tmp/x.db\n",
        encoding="utf-8",
    )
    loaded = load_settings({"TELEGRAM_BOT_TOKEN": "2:from-env"}, dotenv=dotenv)
    assert loaded.token == "2:from-env"
    assert loaded.log_level == "DEBUG"
    assert loaded.db_path == Path("/tmp/x.db")
    assert loaded.corpus_dir == PROJECT_ROOT / "data" / "corpus"
    assert loaded.conversation_idle_minutes == 30


def test_settings_are_frozen_and_never_show_the_token_or_secret() -> None:
    loaded = load_settings(
        {"TELEGRAM_BOT_TOKEN": "123:SECRET-TOKEN", "WEBHOOK_SECRET": "hush-hush"},
        dotenv=Path("/nonexistent"),
    )
    assert "SECRET-TOKEN" not in repr(loaded) and "hush-hush" not in repr(loaded)
    with pytest.raises(dataclasses.FrozenInstanceError):
        loaded.token = "x"  # type: ignore[misc]


@pytest.mark.parametrize(
    ("base", "api", "files"),
    [
        (
            "https://api.telegram.org/bot",
            "https://api.telegram.org/bot",
            "https://api.telegram.org/file/bot",
        ),
        (
            "http://127.0.0.1:8081/bot/",
            "http://127.0.0.1:8081/bot",
            "http://127.0.0.1:8081/file/bot",
        ),
        ("http://127.0.0.1:8081", "http://127.0.0.1:8081/bot", "http://127.0.0.1:8081/file/bot"),
    ],
)
def test_a_self_hosted_bot_api_server_gets_api_and_file_urls(
    base: str, api: str, files: str
) -> None:
    loaded = load_settings({"TELEGRAM_API_BASE_URL": base}, dotenv=Path("/nonexistent"))
    assert (loaded.bot_api_url, loaded.bot_file_url) == (api, files)


def test_webhook_path_is_the_path_of_the_public_url() -> None:
    loaded = load_settings(
        {"WEBHOOK_URL": "https://bot.example.org/hooks/quotebot"}, dotenv=Path("/nonexistent")
    )
    assert loaded.webhook_path == "hooks/quotebot"


@pytest.mark.parametrize(
    ("key", "value"),
    [
        ("ADMIN_USER_IDS", "12,abc"),
        ("CONVERSATION_IDLE_MINUTES", "soon"),
        ("CONVERSATION_IDLE_MINUTES", "0"),
        ("WEBHOOK_PORT", "http"),
        ("LOG_LEVEL", "LOUD"),
        ("TELEGRAM_API_BASE_URL", "api.telegram.org"),
        ("WEBHOOK_URL", "bot.example.org/hook"),
    ],
)
def test_unusable_values_are_refused_with_the_key_named(key: str, value: str) -> None:
    with pytest.raises(SettingsError, match=key):
        load_settings({key: value}, dotenv=Path("/nonexistent"))


def test_admin_ids_are_read_as_numbers() -> None:
    loaded = load_settings({"ADMIN_USER_IDS": " 12, 34 ,"}, dotenv=Path("/nonexistent"))
    assert loaded.admin_user_ids == frozenset({12, 34})


def test_each_default_is_declared_once_in_settings() -> None:
    # Settings() takes its defaults from SETTINGS, read by the same parsers load_settings uses.
    assert Settings() == load_settings({}, dotenv=Path("/nonexistent"))
    fields = {field.name for field in dataclasses.fields(Settings)}
    assert fields == {setting.field for setting in SETTINGS}
