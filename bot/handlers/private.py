"""Handlers for private chats: commands, questions, and messages that are not questions."""

from __future__ import annotations

import asyncio
import logging
import math
import time

from telegram import Update
from telegram.ext import ContextTypes

from bot import buttons, locales
from bot.corpus import accepted_kinds
from bot.handlers import common, listing
from bot.handlers.common import (
    PAGED,
    SOURCES_NEXT,
    ask,
    asked_in,
    command_text,
    example_questions,
    mentions_bot,
    no_such_result,
    ranked_result,
    services,
    show_page,
    show_passage,
    texts,
    was_refused,
    without_mention,
)
from bot.render.answers import SHOWN_QUESTION
from bot.render.html import echo
from bot.services import Services
from retrieval.search import divisions

logger = logging.getLogger(__name__)


async def start(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Greet with three example questions as buttons, or open what a deep link points to."""
    message = update.effective_message
    if message is None:
        return
    link = buttons.parse_start(context.args[0] if context.args else None)
    if isinstance(link, buttons.PassageLink):
        await show_passage(update, context, link.passage_id, link=True)
        return
    if isinstance(link, buttons.AnswerLink):
        await full_answer(update, context, link.key)
        return
    if isinstance(link, buttons.HelpLink):
        await help_command(update, context)
        return
    t = await texts(update, context)
    examples = await example_questions(update, context)
    if not examples:
        await message.reply_text(t.GREETING_NO_EXAMPLES)
        return
    await message.reply_text(t.GREETING, reply_markup=buttons.examples_keyboard(examples))


async def full_answer(update: Update, context: ContextTypes.DEFAULT_TYPE, key: str) -> None:
    """Answer again, in full, a question asked in a group (its deep link's ``q_<key>``)."""
    saved = await services(context).state.search(key)
    user = update.effective_user
    # A group's question is for every member of the group; a private one only for its asker.
    if (
        saved is not None
        and saved.chat_id == saved.user_id
        and (user is None or user.id != saved.user_id)
    ):
        logger.warning(
            "user %s opened a link to another user's private search; refused",
            user.id if user else None,
        )
        saved = None
    if saved is None:
        if update.effective_message is not None:
            t = await texts(update, context)
            await update.effective_message.reply_text(t.SEARCH_GONE)
        return
    # Read as it was in the group; follow-ups here then continue from it.
    await ask(update, context, saved.question, echo=True, thread=asked_in(saved, time.time()))


async def help_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Explain how to ask, follow up and quote."""
    if update.effective_message is None:
        return
    svc, t = services(context), await texts(update, context)
    idle = svc.settings.conversation_idle_minutes
    text = t.HELP.format(idle=f"{idle:g}", bot=context.bot.username)
    if update.effective_user is not None and svc.is_admin(update.effective_user.id):
        text += "\n\n" + t.ADMIN_HELP.format(kinds=accepted_kinds())
    await update.effective_message.reply_text(text)


async def sources(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """List the documents, a page at a time: title, date where known, number of paragraphs
    (and, for admins, the file name, then every file the last reload did not read, and why);
    /more or the button under a page lists the next."""
    if update.effective_message is not None:
        await listing.show_sources(update, context, 0)


async def more(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Show the next page of results for the answer (or page of results) the message replies
    to, else for the user's last question in this chat."""
    chat, user, message = update.effective_chat, update.effective_user, update.effective_message
    if chat is None or user is None or message is None:
        return
    svc = services(context)
    replied = message.reply_to_message
    # "more" under an earlier answer (or one of its pages) pages that answer, as "2" under it
    # opens its second result.
    saved = await svc.state.answered_by(chat.id, replied.message_id) if replied else None
    following = None if context.chat_data is None else context.chat_data.get(SOURCES_NEXT)
    if saved is None and isinstance(following, int):  # /sources is being listed: its next page
        await listing.show_sources(update, context, following)
        return
    t = await texts(update, context)
    paged = None if context.chat_data is None else context.chat_data.get(PAGED)
    if saved is None and isinstance(paged, str):  # a button's page of an earlier answer: on
        saved = await svc.state.search(paged)
    if saved is None:
        saved = await svc.state.latest_search(chat.id, user.id)
        if saved is not None and await _was_reset(svc, chat.id, user.id):
            saved = None  # "more" after /reset paged the question reset; "2" asked for one
    if saved is None or was_refused(saved):  # told only which languages to ask in
        await message.reply_text(t.NOTHING_TO_PAGE)
        return
    if saved.next_offset >= saved.total:
        question = echo(saved.question, SHOWN_QUESTION)
        await message.reply_text(t.NO_MORE_RESULTS.format(question=question))
        return
    await show_page(update, context, saved, saved.next_offset)


async def _was_reset(svc: Services, chat_id: int, user_id: int) -> bool:
    """Whether the user sent /reset since their last question in this chat: their
    conversation is gone, where one idle too long is only old (every question keeps one)."""
    kept = await svc.state.load_conversation(
        chat_id, user_id, now=common.clock(), idle_seconds=math.inf
    )
    return kept is None


async def reset(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Forget the conversation, so the next question is not read as a follow-up."""
    chat, user, message = update.effective_chat, update.effective_user, update.effective_message
    if chat is None or user is None or message is None:
        return
    services(context).state.forget_conversation(chat.id, user.id)
    if context.chat_data is not None:
        context.chat_data.pop(SOURCES_NEXT, None)
        context.chat_data.pop(PAGED, None)
    await message.reply_text((await texts(update, context)).RESET_DONE)


async def language(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Offer the languages the bot speaks, as buttons; "/language ru" (or "русский", or
    "auto") chooses at once, as the terminal's /language does (it showed the buttons and kept
    the language it named unchosen)."""
    message, user = update.effective_message, update.effective_user
    if message is None:
        return
    chosen = locales.named_language(command_text(message))
    if chosen is not None and user is not None:
        code = None if chosen == locales.AUTO else chosen
        services(context).state.set_language(user.id, code, now=time.time())
        t = locales.strings(code or user.language_code)
        said = t.LANGUAGE_SET.format(language=locales.own_name(t)) if code else t.LANGUAGE_AUTO
        await message.reply_text(said)
        return
    t = await texts(update, context)
    names = [(code, module.LANGUAGE_NAME) for code, module in locales.available().items()]
    text = t.LANGUAGE_CHOOSE.format(current=locales.own_name(t))
    await message.reply_text(text, reply_markup=buttons.languages_keyboard(names, t))


async def question(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Answer any text as a question (without the bot's @name); "more" alone is /more."""
    message = update.effective_message
    if message is None or message.text is None:
        return
    await _respond(update, context, message.text)


async def _respond(update: Update, context: ContextTypes.DEFAULT_TYPE, text: str) -> None:
    """Page on, answer small talk, or search ``text`` (a message's text or a photo's caption)."""
    message = update.effective_message
    if message is None:
        return
    if mentions_bot(message):
        text = without_mention(text, context.bot.username) or text
    if locales.asks_for_more(text):
        await more(update, context)
        return
    if locales.is_small_talk(text):  # "thanks!", "hi": no question to search
        await message.reply_text((await texts(update, context)).SMALL_TALK_REPLY)
        return
    if await opened_result(update, context, text):
        return
    await ask(update, context, text)


async def opened_result(update: Update, context: ContextTypes.DEFAULT_TYPE, text: str) -> bool:
    """Open in full the result a message names by its rank ("the second one", "#2", "второй",
    "7"): of the answer it replies to, else of the user's last question; as its 📖 button
    would, past the results shown too, or say how many there are. Not after a question naming
    a numbered division, where "And the Fourth?" is the next amendment, nor one naming a
    division itself ("第三条"): those are searched as questions."""
    message, chat, user = update.effective_message, update.effective_chat, update.effective_user
    if message is None or chat is None or user is None:
        return False
    rank = locales.result_asked(text, replying=True)  # the widest reading; none: nothing to do
    if rank is None:
        return False
    svc = services(context)
    replied = message.reply_to_message
    saved = await svc.state.answered_by(chat.id, replied.message_id) if replied else None
    if saved is None:
        saved = await svc.state.latest_search(chat.id, user.id)
        if saved is not None and locales.result_asked(text) is None:
            # A bare "2" names a result of the answer just given, as in the terminal chat;
            # after /reset or the idle time, it is a question again.
            saved = saved if await common.conversation_going(svc, chat.id, user.id) else None
        elif saved is not None and await _was_reset(svc, chat.id, user.id):
            saved = None  # "the second one" after /reset: no answer to open it in either
    if saved is not None and was_refused(saved):  # told which languages to ask in: no results
        saved, replied = None, None
    if saved is None and replied is None and locales.names_a_result(text):
        # "2" with no answer to open it in (after /reset, the idle time, or before any
        # question): said so, not searched as words (it quoted a price table's row "2").
        await message.reply_text((await texts(update, context)).NUMBER_BEFORE_QUESTION)
        return True
    if saved is None or divisions.names_a_division(text, f"{saved.context or ''} {saved.question}"):
        return False  # "第三条", "and the second?" after a chapter: a division, not a result
    if 1 <= rank <= len(saved.shown):
        await show_passage(update, context, saved.shown[rank - 1])
        return True
    passage, total = await asyncio.to_thread(ranked_result, svc, saved, rank)
    if passage is None:  # past the results: said, never searched as words ("7")
        await message.reply_text(await no_such_result(update, context, saved, rank, total))
        return True
    await show_passage(update, context, passage.id)
    return True


async def edited(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Say that an edited question is not searched again, under it: the person who fixed a
    typo after the answer otherwise waits for a reply that never comes."""
    message = update.edited_message
    if message is not None:
        await message.reply_text((await texts(update, context)).EDITED_NOT_ANSWERED, do_quote=True)


async def unknown_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Point to /help for a command this bot does not have."""
    if update.effective_message is not None:
        await update.effective_message.reply_text((await texts(update, context)).UNKNOWN_COMMAND)


async def not_text(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Answer a photo's (or video's) caption as a question; else say only text is read."""
    message = update.effective_message
    if message is None:
        return
    if message.caption and message.caption.strip():  # a screenshot sent with its question
        await _respond(update, context, message.caption)
        return
    if message.media_group_id:
        return  # an album's other photos: its caption, on one of them, is answered once
    await message.reply_text((await texts(update, context)).NOT_TEXT)
