"""The services the handlers share: built once in post_init, kept in ``bot_data``."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from bot.errors import NotStartedError
from bot.reloads import Reloads
from bot.settings import Settings
from bot.state import AsyncState
from retrieval.library import Library

SERVICES = "services"  # the bot_data key


@dataclass(frozen=True)
class Services:
    """The library, the state and the settings of a running bot."""

    settings: Settings
    library: Library
    state: AsyncState
    owns_library: bool  # opened at start-up (and so closed at shutdown) rather than handed in
    reloads: Reloads = field(init=False)  # the library's reloads, one at a time

    def __post_init__(self) -> None:
        object.__setattr__(self, "reloads", Reloads(self.library))

    def is_admin(self, user_id: int | None) -> bool:
        """True for a Telegram user id listed in ``ADMIN_USER_IDS``."""
        return user_id is not None and user_id in self.settings.admin_user_ids

    @property
    def idle_seconds(self) -> float:
        return self.settings.conversation_idle_minutes * 60


def services_of(bot_data: dict[Any, Any]) -> Services:
    """The services kept in ``bot_data`` by post_init."""
    found = bot_data.get(SERVICES)
    if not isinstance(found, Services):
        raise NotStartedError("the bot's services are not running")
    return found
