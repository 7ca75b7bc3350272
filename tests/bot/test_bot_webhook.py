"""The webhook server: a request with the right secret but a body that is no update gets a 400
and one log line, never a traceback (issue 15); a real update still goes through."""

from __future__ import annotations

import json
import logging
import socket
from collections.abc import AsyncIterator

import httpx
import pytest
from tgfakes import DEADLINE, Harness, Updates

from bot import webhook

SECRET = "s3cret-token_for-tests"
PATH = "telegram"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture
async def served(bot: Harness) -> AsyncIterator[str]:
    """The bot's webhook server (as ``run_bot`` starts it), its URL."""
    webhook.install()
    port = free_port()
    assert bot.app.updater is not None
    await bot.app.updater.start_webhook(
        listen="127.0.0.1",
        port=port,
        url_path=PATH,
        webhook_url=f"https://example.org/{PATH}",
        secret_token=SECRET,
    )
    try:
        yield f"http://127.0.0.1:{port}/{PATH}"
    finally:
        await bot.app.updater.stop()


async def post(url: str, body: bytes, secret: str = SECRET) -> httpx.Response:
    headers = {"X-Telegram-Bot-Api-Secret-Token": secret, "Content-Type": "application/json"}
    async with httpx.AsyncClient(timeout=DEADLINE) as client:
        return await client.post(url, content=body, headers=headers)


@pytest.mark.parametrize(
    "body",
    [b"garbage{", b"", b"\xff\xfe\x00", b"[1, 2, 3]", b'"an update"', b'{"no": "update_id"}'],
)
async def test_a_body_that_is_no_update_gets_a_400_without_a_traceback(
    served: str, body: bytes, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.DEBUG):
        response = await post(served, body)
    assert response.status_code == 400
    assert not [r for r in caplog.records if r.exc_info], "no traceback in the log"
    assert [r.levelname for r in caplog.records if r.name == "bot.webhook"] == ["WARNING"]


async def test_the_wrong_secret_is_refused_and_a_real_update_goes_through(
    served: str, bot: Harness
) -> None:
    update = Updates(bot.app.bot).text("What is the Belt and Road initiative?").to_dict()
    assert (await post(served, json.dumps(update).encode(), secret="wrong")).status_code == 403
    assert (await post(served, json.dumps(update).encode())).status_code == 200
    await bot.wait_until(lambda: bool(bot.request.sent), "the answer to the update")
    assert bot.request.last.text.startswith("<blockquote>")
