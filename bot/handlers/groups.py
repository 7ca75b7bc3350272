"""Handlers for asking in groups (and /ask anywhere): /ask, a mention, a reply to the bot.

With privacy mode on (Telegram's default) these are all a bot receives from a group besides
service messages; with it off, the filter :data:`ADDRESSED` and the handler order in
:func:`bot.app.add_handlers` still leave every other message alone.
"""

from __future__ import annotations

from telegram import Message, Update
from telegram.ext import ContextTypes, filters

from bot import messages
from bot.handlers.common import (
    ask,
    command_text,
    mentions_bot,
    replied_words,
    replies_to_bot,
    send,
    without_mention,
)


class _AddressedToBot(filters.MessageFilter):
    """A message that mentions this bot by @username or replies to one of its messages."""

    def filter(self, message: Message) -> bool:
        return mentions_bot(message) or replies_to_bot(message)


ADDRESSED = _AddressedToBot(name="addressed to this bot")


async def ask_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Answer ``/ask QUESTION``; a bare ``/ask`` as a reply asks the replied message (or quote)."""
    message = update.effective_message
    if message is None or update.effective_chat is None:
        return
    question, echo = command_text(message), False
    # A bare /ask on one of the bot's own answers would search the answer: only a quoted part.
    if not question and (message.quote is not None or not replies_to_bot(message)):
        question, echo = replied_words(message).strip(), True
    if not question:
        await send(context, update.effective_chat, messages.ASK_USAGE, reply_to=message)
        return
    await ask(update, context, question, echo=echo)


async def addressed(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Answer a group message that mentions the bot or replies to it; the @name is not asked."""
    message = update.effective_message
    if message is None or message.text is None or update.effective_chat is None:
        return
    question, echo = without_mention(message.text, context.bot.username), False
    if not question and not replies_to_bot(message):  # "@bot" alone, as a reply: like /ask
        question, echo = replied_words(message).strip(), True
    if not question:
        await send(context, update.effective_chat, messages.ASK_USAGE, reply_to=message)
        return
    await ask(update, context, question, echo=echo)


async def group_help(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Say briefly how to use the bot in a group (/help and /start there)."""
    if update.effective_message is None or update.effective_chat is None:
        return
    text = messages.GROUP_HELP.format(bot=context.bot.username)
    await send(context, update.effective_chat, text, reply_to=update.effective_message)
