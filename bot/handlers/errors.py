"""The one error handler: log the failure with its traceback, tell the user one short apology.

Two failures are not bugs and are logged in one line, without an apology (it could not be
delivered either): a request that still failed after every retry (the network or the Bot API
was down: :class:`bot.delivery.DeliveryError`, a time-out), and a user who blocked the bot. The
update's id is in the line, so what was not answered can be found.
"""

from __future__ import annotations

import logging

from telegram import Update
from telegram.error import BadRequest, Forbidden, NetworkError, TelegramError
from telegram.ext import ContextTypes

from bot import locales

logger = logging.getLogger(__name__)


async def on_error(update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Log the failure with the update's id (and a bug's traceback); apologise once in the chat
    it happened in, unless the failure was that nothing could be sent there."""
    update_id = update.update_id if isinstance(update, Update) else None
    chat = update.effective_chat if isinstance(update, Update) else None
    error = context.error
    if isinstance(error, NetworkError) and not isinstance(error, BadRequest):
        logger.error(
            "could not answer update %s in chat %s: %s",
            update_id,
            chat.id if chat else None,
            error,
        )
        return
    if isinstance(error, Forbidden):
        logger.info("could not answer update %s: %s", update_id, error)
        return
    logger.error("error while handling update %s", update_id, exc_info=error)
    if chat is None:
        return
    user = update.effective_user if isinstance(update, Update) else None
    message = update.effective_message if isinstance(update, Update) else None
    topic = message.message_thread_id if message is not None and message.is_topic_message else None
    apology = locales.strings(user.language_code if user else None).APOLOGY
    try:
        await context.bot.send_message(chat.id, apology, message_thread_id=topic)
    except TelegramError as error:  # the apology itself failed: logging it is all that is left
        logger.warning("could not send the apology for update %s: %s", update_id, error)
