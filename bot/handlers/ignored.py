"""Updates the bot leaves alone on purpose: each is logged (at DEBUG) with what it was.

They reach :func:`ignore` because no other handler took them (:func:`bot.app.add_handlers`):
edited commands and group messages (the answer to the first version stands; an edited private
question is told so: :func:`bot.handlers.private.edited`),
channel posts, messages from other bots, service messages (a member joined, a title changed),
and, in groups, everything not addressed to the bot.
"""

from __future__ import annotations

import logging

from telegram import Message, Update
from telegram.ext import ContextTypes, filters

logger = logging.getLogger(__name__)


class _FromBot(filters.MessageFilter):
    """A message sent by a bot (not an anonymous group admin, who writes as the group)."""

    def filter(self, message: Message) -> bool:
        user = message.from_user
        return user is not None and user.is_bot and message.sender_chat is None


FROM_BOT = _FromBot(name="from a bot")


def what(update: Update) -> str:
    """A few words saying what kind of update this is, for the log."""
    if update.edited_message is not None:
        return "an edited message"
    if update.channel_post is not None or update.edited_channel_post is not None:
        return "a channel post"
    message = update.message
    if message is not None:
        if message.from_user is not None and message.from_user.is_bot:
            return "a message from a bot"
        if filters.StatusUpdate.ALL.check_update(update):
            return "a service message"
        where = "a group" if message.chat.type != "private" else "a private chat"
        return f"a message in {where} not addressed to the bot"
    kinds = [name for name, value in update.to_dict().items() if name != "update_id" and value]
    return "an update of kind " + (", ".join(kinds) or "unknown")


async def ignore(update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Leave the update alone, saying so in the log."""
    if isinstance(update, Update):
        logger.debug("update %s ignored: %s", update.update_id, what(update))
