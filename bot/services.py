"""The services the handlers share: built once at start-up, kept in ``bot_data``."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from bot.settings import Settings
from bot.state import StateStore
from retrieval.library import Library

SERVICES = "services"  # the bot_data key


@dataclass(frozen=True)
class Services:
    """The library, the state store and the settings of a running bot."""

    settings: Settings
    library: Library
    state: StateStore
    owns_library: bool  # opened at start-up (and so closed at shutdown) rather than handed in

    @property
    def idle_seconds(self) -> float:
        return self.settings.conversation_idle_minutes * 60


class NotStartedError(RuntimeError):
    """A handler ran before post_init built the services (or after post_shutdown closed them)."""


def services_of(bot_data: dict[Any, Any]) -> Services:
    """The services kept in ``bot_data`` by post_init."""
    found = bot_data.get(SERVICES)
    if not isinstance(found, Services):
        raise NotStartedError("the bot's services are not running")
    return found
