"""Handlers for button presses (callback queries); the data formats are in :mod:`bot.buttons`."""

from __future__ import annotations

import asyncio
import time

from telegram import Update
from telegram.ext import ContextTypes

from bot import buttons, messages
from bot.handlers.common import ask, post_passage, services, show_page, show_passage


async def more_results(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Show the page of results a "More results" button points to, after restarts too."""
    query = update.callback_query
    press = buttons.parse(query.data if query else None)
    if query is None or not isinstance(press, buttons.MorePress):
        return
    await query.answer()
    saved = services(context).state.search(press.key)
    if saved is None:
        if update.effective_chat is not None:
            await context.bot.send_message(update.effective_chat.id, messages.SEARCH_GONE)
        return
    await show_page(update, context, saved, press.offset)


async def full_passage(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Show the passage a "Full passage" or "¶ n" button points to."""
    query = update.callback_query
    press = buttons.parse(query.data if query else None)
    if query is None or not isinstance(press, buttons.FullPress):
        return
    await query.answer()
    await show_passage(update, context, press.passage_id)


async def vote(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Attach 👍 or 👎 to the logged question; the latest vote of a user counts."""
    query, user = update.callback_query, update.effective_user
    press = buttons.parse(query.data if query else None)
    if query is None or user is None or not isinstance(press, buttons.VotePress):
        return
    recorded = services(context).state.record_feedback(
        press.key, user.id, good=press.good, now=time.time()
    )
    if not recorded:
        await query.answer(messages.FEEDBACK_GONE)
    elif press.good:
        await query.answer(messages.FEEDBACK_THANKS_GOOD)
    else:
        await query.answer(messages.FEEDBACK_THANKS_BAD)


async def example(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Ask the example question of /start that was tapped."""
    query = update.callback_query
    press = buttons.parse(query.data if query else None)
    if query is None or not isinstance(press, buttons.ExamplePress):
        return
    examples = await asyncio.to_thread(services(context).library.example_questions)
    if press.index >= len(examples):
        await query.answer(messages.BUTTON_EXPIRED)
        return
    await query.answer()
    await ask(update, context, examples[press.index], echo=True)


async def post_chosen(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Post the passage chosen among those /quote offered, in the chat the choice was made."""
    query = update.callback_query
    press = buttons.parse(query.data if query else None)
    if query is None or not isinstance(press, buttons.PostPress):
        return
    passage = await asyncio.to_thread(services(context).library.passage, press.passage_id)
    if passage is None:
        await query.answer(messages.PASSAGE_GONE)
        return
    await query.answer()
    await post_passage(update, context, passage)


async def expired(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Answer a press of a button this bot does not know (any more)."""
    if update.callback_query is not None:
        await update.callback_query.answer(messages.BUTTON_EXPIRED)
