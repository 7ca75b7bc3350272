"""Every request to the Bot API goes through here: paced to Telegram's flood limits, and retried
with back-off when it cannot have been delivered.

python-telegram-bot hands each request (everything but ``getUpdates``, which its updater retries
itself) to the application's rate limiter; :class:`RetryingLimiter` is that limiter:

* pacing and Telegram's own "retry after N seconds" (429) are python-telegram-bot's
  :class:`~telegram.ext.AIORateLimiter`, when pacing is on;
* a request that cannot have reached Telegram, or that Telegram answered with an error
  (:func:`undelivered`: the connection could not be made, a 5xx, a 429) is retried after a pause
  that doubles each time up to a cap (:class:`Backoff`), a bounded number of times;
* a request that may have been carried out (a read time-out, a connection dropped after the
  request went out) is never retried: Telegram may have posted the message already, and a
  retry would post it twice. It fails like anything else that is not retried (a bad request, a
  user who blocked the bot).

When every attempt failed the error goes on to the handler, and from there to the error handler
(:mod:`bot.handlers.errors`), which logs the update it could not answer.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
from collections.abc import Callable, Coroutine, Iterator
from dataclasses import dataclass
from typing import Any

import httpx
from telegram.error import BadRequest, NetworkError, RetryAfter, TelegramError, TimedOut
from telegram.ext import AIORateLimiter, BaseRateLimiter

logger = logging.getLogger(__name__)

# Requests not retried here: "typing…" is stale by the time a retry would show it; the
# start-up calls fail at once, so that `quotebot run` says in one line that Telegram is out of
# reach (python-telegram-bot's bootstrap retries the webhook calls as configured).
NOT_RETRIED = frozenset({"sendChatAction", "getMe", "setWebhook", "deleteWebhook"})


@dataclass(frozen=True)
class Backoff:
    """How often a failed request is tried and how long to wait between the tries: ``first``
    seconds, doubling each time, never more than ``cap``; ``attempts`` tries in all."""

    attempts: int = 5
    first: float = 0.5
    cap: float = 8.0

    def pauses(self) -> Iterator[float]:
        """The pause before each retry (``attempts - 1`` of them)."""
        for retry in range(self.attempts - 1):
            yield min(self.first * 2**retry, self.cap)


RETRY = Backoff()  # 0.5, 1, 2 and 4 s: a failure gives up after 7.5 s of waiting


# Transport failures that happen before a request is sent: nothing reached Telegram.
NOT_SENT = (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout)


def undelivered(error: Exception) -> bool:
    """True when the request that failed with ``error`` cannot have been carried out: Telegram
    answered it with an error (5xx, 429 with ``retry_after``), or it was never sent (no
    connection). False for a read time-out or a connection broken after sending."""
    if isinstance(error, RetryAfter):
        return True
    if isinstance(error, BadRequest) or not isinstance(error, NetworkError):
        return False
    cause = error.__cause__
    if isinstance(error, TimedOut):
        return isinstance(cause, NOT_SENT)  # a connect or pool time-out; never a read time-out
    # python-telegram-bot raises NetworkError without a transport cause for an HTTP error status
    # (5xx), and from the httpx error for a transport failure.
    return cause is None or isinstance(cause, (TelegramError, *NOT_SENT))


class DeliveryError(NetworkError):
    """A request still failed after every retry: ``attempts`` tries, the last error its cause."""

    def __init__(self, endpoint: str, attempts: int, last: NetworkError) -> None:
        super().__init__(f"{endpoint} failed {attempts} times; the last time: {last.message}")
        self.endpoint = endpoint
        self.attempts = attempts


class RetryingLimiter(BaseRateLimiter[int]):
    """The rate limiter of the bot: ``pacing`` (None: requests go out at once), then retries."""

    def __init__(self, pacing: AIORateLimiter | None, backoff: Backoff = RETRY) -> None:
        self.pacing = pacing
        self.backoff = backoff

    async def initialize(self) -> None:
        if self.pacing is not None:
            await self.pacing.initialize()

    async def shutdown(self) -> None:
        if self.pacing is not None:
            await self.pacing.shutdown()

    async def process_request(
        self,
        callback: Callable[..., Coroutine[Any, Any, bool | dict[str, Any] | list[dict[str, Any]]]],
        args: Any,
        kwargs: dict[str, Any],
        endpoint: str,
        data: dict[str, Any],
        rate_limit_args: int | None,
    ) -> bool | dict[str, Any] | list[dict[str, Any]]:
        pauses = iter(() if endpoint in NOT_RETRIED else self.backoff.pauses())
        attempt = 1
        while True:
            try:
                if self.pacing is not None:
                    return await self.pacing.process_request(
                        callback, args, kwargs, endpoint, data, rate_limit_args
                    )
                return await callback(*args, **kwargs)
            except (NetworkError, RetryAfter) as error:
                if not undelivered(error):
                    raise  # refused for good (a bad request), or perhaps delivered: never twice
                if isinstance(error, RetryAfter) and self.pacing is not None:
                    raise  # the pacing limiter already waited as often as it may
                pause = next(pauses, None)
                if pause is None:
                    if attempt == 1:
                        raise
                    last = error if isinstance(error, NetworkError) else NetworkError(str(error))
                    raise DeliveryError(endpoint, attempt, last) from error
                if isinstance(error, RetryAfter):
                    pause = max(pause, _seconds(error.retry_after))
                logger.warning(
                    "%s failed (%s), attempt %d of %d; trying again in %.1f s",
                    endpoint,
                    error,
                    attempt,
                    self.backoff.attempts,
                    pause,
                )
                await asyncio.sleep(pause)
                attempt += 1


def _seconds(period: int | dt.timedelta) -> float:
    return period.total_seconds() if isinstance(period, dt.timedelta) else float(period)
