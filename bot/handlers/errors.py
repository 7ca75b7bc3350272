"""The one error handler: log the failure with its traceback, tell the user one short apology."""

from __future__ import annotations

import logging

from telegram import Update
from telegram.error import TelegramError
from telegram.ext import ContextTypes

from bot import messages

logger = logging.getLogger(__name__)


async def on_error(update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Log the exception with ``exc_info``; apologise once in the chat it happened in."""
    update_id = update.update_id if isinstance(update, Update) else None
    logger.error("error while handling update %s", update_id, exc_info=context.error)
    if not isinstance(update, Update) or update.effective_chat is None:
        return
    try:
        await context.bot.send_message(update.effective_chat.id, messages.APOLOGY)
    except TelegramError as error:  # the apology itself failed: logging it is all that is left
        logger.warning("could not send the apology for update %s: %s", update_id, error)
