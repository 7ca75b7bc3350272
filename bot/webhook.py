"""The webhook server refuses a body that is no update with a 400, in one log line.

python-telegram-bot's webhook handler (22.x) parses the body without a guard: a request with the
right secret and a body that is not JSON ends in a 500 and a traceback in the log, and one that
is JSON but no update is logged as CRITICAL with its traceback. :class:`CheckedHandler` checks
the body first; :func:`install` makes the updater's webhook server use it. Both reach into
python-telegram-bot's private webhook module, the one place it can be changed: a test pins the
behaviour, so an upgrade that moves it fails loudly rather than quietly.
"""

from __future__ import annotations

import asyncio
import json
import logging
from typing import Any

import tornado.web
from telegram import Bot, Update
from telegram.ext import _updater
from telegram.ext._utils import webhookhandler

logger = logging.getLogger(__name__)


class CheckedHandler(webhookhandler.TelegramHandler):
    """Telegram's webhook handler, answering 400 to a body that is not an update."""

    async def post(self) -> None:
        self._validate_post()  # the secret and the content type, as python-telegram-bot checks
        try:
            data = json.loads(self.request.body.decode())
            if not isinstance(data, dict) or Update.de_json(data, self.bot) is None:
                raise ValueError("not an update object")
        except (ValueError, TypeError, KeyError) as error:  # JSON and Unicode errors included
            logger.warning("webhook: refused a request whose body is not an update: %s", error)
            raise tornado.web.HTTPError(400, reason="Not an update") from None
        await super().post()

    def log_exception(self, typ: Any, value: Any, tb: Any) -> None:
        """A refused request was logged in one line already; anything else as before."""
        if not isinstance(value, tornado.web.HTTPError):
            super().log_exception(typ, value, tb)


class CheckedWebhookApp(webhookhandler.WebhookAppClass):
    """The webhook server's application, with :class:`CheckedHandler` at the webhook path."""

    def __init__(
        self,
        webhook_path: str,
        bot: Bot,
        update_queue: asyncio.Queue[Any],
        secret_token: str | None = None,
    ) -> None:
        self.shared_objects = {
            "bot": bot,
            "update_queue": update_queue,
            "secret_token": secret_token,
        }
        handlers = [(rf"{webhook_path}/?", CheckedHandler, self.shared_objects)]
        tornado.web.Application.__init__(self, handlers)


def install() -> None:
    """Make every webhook server started from now on check its requests' bodies."""
    _updater.WebhookAppClass = CheckedWebhookApp  # type: ignore[attr-defined]
