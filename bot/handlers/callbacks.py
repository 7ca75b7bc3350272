"""Handlers for button presses (callback queries); the data formats are in :mod:`bot.buttons`."""

from __future__ import annotations

import asyncio
import logging
import time
from typing import TypeVar

from telegram import CallbackQuery, Message, Update
from telegram.error import TelegramError
from telegram.ext import ContextTypes

from bot import buttons, locales
from bot.handlers import listing
from bot.handlers.common import (
    Thread,
    ask,
    example_questions,
    post_passage,
    services,
    show_page,
    show_passage,
    texts,
    topic_of,
)
from bot.state import SavedSearch
from retrieval.search.followups import Conversation

logger = logging.getLogger(__name__)

Press = TypeVar("Press")


async def pressed(
    update: Update, context: ContextTypes.DEFAULT_TYPE, kind: type[Press]
) -> tuple[CallbackQuery, Press] | None:
    """The pressed button's query and parsed data when it is a ``kind`` press; otherwise the
    user is told the button expired and None is returned. (A press with no data at all matches
    every pattern: see add_handlers.)"""
    query = update.callback_query
    press = buttons.parse(query.data if query else None)
    if query is None or not isinstance(press, kind):
        await expired(update, context)
        return None
    return query, press


async def acknowledged(
    update: Update, context: ContextTypes.DEFAULT_TYPE, kind: type[Press]
) -> Press | None:
    """The press, when it is a ``kind`` press, its query answered at once (the button stops
    spinning) since what it shows comes as a message; None (said as expired) otherwise."""
    found = await pressed(update, context, kind)
    if found is None:
        return None
    await found[0].answer()
    return found[1]


async def more_results(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Show the page of results a "More results" button points to, after restarts too."""
    press = await acknowledged(update, context, buttons.MorePress)
    if press is None:
        return
    chat = update.effective_chat
    saved = await own_search(update, context, press.key)
    if saved is None:
        if chat is not None:
            t = await texts(update, context)
            await context.bot.send_message(chat.id, t.SEARCH_GONE)
        return
    await show_page(update, context, saved, press.offset, pressed=True)


async def sources_page(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Show the page of /sources a "Next page" button points to."""
    press = await acknowledged(update, context, buttons.SourcesPress)
    if press is not None:
        await listing.show_sources(update, context, press.start)


async def own_search(
    update: Update, context: ContextTypes.DEFAULT_TYPE, key: str
) -> SavedSearch | None:
    """The logged question ``key`` names if it was asked in the chat of this button; None for a
    key this bot does not know, or one of another chat (forged data: logged, never shown)."""
    saved = await services(context).state.search(key)
    chat, user = update.effective_chat, update.effective_user
    if saved is not None and (chat is None or saved.chat_id != chat.id):
        logger.warning(
            "user %s pressed a button naming a search of another chat (in chat %s); refused",
            user.id if user else None,
            chat.id if chat else None,
        )
        return None
    return saved


async def full_passage(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Show the passage a "Full passage" or "¶ n" button points to."""
    press = await acknowledged(update, context, buttons.FullPress)
    if press is not None:
        await show_passage(update, context, press.passage_id)


async def vote(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Attach 👍 or 👎 to the logged question; the latest vote of a user counts."""
    found = await pressed(update, context, buttons.VotePress)
    user = update.effective_user
    if found is None:
        return
    if user is None:
        await expired(update, context)
        return
    query, press = found
    state, t = services(context).state, await texts(update, context)
    recorded = await own_search(update, context, press.key) is not None and (
        await state.record_feedback(press.key, user.id, good=press.good, now=time.time())
    )
    if not recorded:
        await query.answer(t.FEEDBACK_GONE)
    elif press.good:
        await query.answer(t.FEEDBACK_THANKS_GOOD)
    else:  # "or tap More results" only under an answer that has the button
        more = _has_more_button(query.message)
        await query.answer(t.FEEDBACK_THANKS_BAD if more else t.FEEDBACK_THANKS_BAD_ALONE)


def _has_more_button(message: object) -> bool:
    """Whether ``message`` (the one a button was pressed on) has a "More results" button."""
    return any(
        isinstance(buttons.parse(str(button.callback_data)), buttons.MorePress)
        for button in buttons.message_buttons(message)
    )


async def example(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Ask the example question of /start that was tapped."""
    found = await pressed(update, context, buttons.ExamplePress)
    if found is None:
        return
    query, press = found
    question = await _example_pressed(update, context, query, press.index)
    if question is None:
        await query.answer((await texts(update, context)).BUTTON_EXPIRED)
        return
    await query.answer()
    # An example starts a conversation of its own: it follows on no question asked before.
    await ask(update, context, question, echo=True, thread=Thread(Conversation()))


async def _example_pressed(
    update: Update, context: ContextTypes.DEFAULT_TYPE, query: CallbackQuery, index: int
) -> str | None:
    """The example question the pressed button shows: the examples change with /language and
    the documents, and by its index alone "Tell me about Win-win Cooperation", pressed after
    /language ru, asked «Capítulo II…». None when no example is labelled so any more."""
    examples = await example_questions(update, context)
    label = buttons.pressed_label(query)
    if label is None or (index < len(examples) and buttons.example_label(examples[index]) == label):
        return examples[index] if index < len(examples) else None
    library = services(context).library
    for t in locales.available().values():  # shown in another language (or for the reader's)
        code, about = locales.code_of(t), t.EXAMPLE_ABOUT
        others = await asyncio.to_thread(library.example_questions, code, about)
        named = [other for other in others if buttons.example_label(other) == label]
        if named:
            return named[0]
    return None


async def post_chosen(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Post the passage chosen among those /quote offered, in the chat (and topic) the choice
    was made. Only the user who asked may choose, once: the choices' buttons then go."""
    found = await pressed(update, context, buttons.PostPress)
    if found is None:
        return
    query, press = found
    if press.asker is not None and query.from_user.id != press.asker:
        await query.answer((await texts(update, context)).QUOTE_NOT_YOURS)
        return
    passage = await asyncio.to_thread(services(context).library.passage, press.passage_id)
    if passage is None:
        await query.answer((await texts(update, context)).PASSAGE_GONE)
        return
    await query.answer()
    message = query.message if isinstance(query.message, Message) else None
    try:
        await query.edit_message_reply_markup(reply_markup=None)  # chosen: no second post
    except TelegramError as error:  # too old to edit; or gone already: pressed twice at once
        logger.info("could not remove the choices of /quote: %s", error)
        if "not modified" in str(error).lower():
            return
    # A reply to the post follows up on the words the passage was chosen for.
    state, chat = services(context).state, update.effective_chat
    words = await state.post_subject(chat.id, message.message_id) if chat and message else None
    await post_passage(update, context, passage, topic=topic_of(message), subject=words)


async def choose_language(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Answer in the language tapped under /language (or the Telegram app's again)."""
    found = await pressed(update, context, buttons.LanguagePress)
    user = update.effective_user
    if found is None or user is None:
        return
    query, press = found
    if press.language is not None and press.language not in locales.available():
        await expired(update, context)
        return
    services(context).state.set_language(user.id, press.language, now=time.time())
    t = locales.strings(press.language or user.language_code)
    said = (
        t.LANGUAGE_SET.format(language=locales.own_name(t)) if press.language else t.LANGUAGE_AUTO
    )
    await query.answer()
    await query.edit_message_text(said)


async def expired(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Answer a press of a button this bot does not know (any more)."""
    if update.callback_query is not None:
        await update.callback_query.answer((await texts(update, context)).BUTTON_EXPIRED)
