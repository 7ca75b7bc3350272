"""Handlers for asking in groups (and /ask anywhere): /ask, a mention, a reply to the bot.

With privacy mode on (Telegram's default) these are all a bot receives from a group besides
service messages; with it off, the filter :data:`ADDRESSED` and the handler order in
:func:`bot.app.add_handlers` still leave every other message alone.
"""

from __future__ import annotations

import asyncio
import logging
import re

from telegram import Message, MessageEntity, Update
from telegram.ext import ContextTypes, filters

from bot.handlers import common, private
from bot.handlers.admin import admin_only
from bot.handlers.common import (
    ask,
    command_text,
    group_answer_keyboard,
    in_group,
    mentions_bot,
    no_such_result,
    post_passage,
    ranked_result,
    replied_words,
    replies_to_bot,
    send,
    services,
    texts,
    was_refused,
    without_mention,
)
from bot.locales import (
    asks_for_more,
    is_courtesy,
    is_small_talk,
    names_a_result,
    result_asked,
    without_chatter,
)
from bot.render.answers import SHOWN_QUESTION
from bot.render.html import echo
from bot.services import Services
from bot.state import SavedSearch
from retrieval.errors import EmptyQuestionError, NoSearchableWordsError, QuestionError
from retrieval.search import divisions
from retrieval.search.followups import asks_something


class _AddressedToBot(filters.MessageFilter):
    """A message that mentions this bot by @username or replies to one of its messages."""

    def filter(self, message: Message) -> bool:
        return mentions_bot(message) or replies_to_bot(message)


logger = logging.getLogger(__name__)


ADDRESSED = _AddressedToBot(name="addressed to this bot")
TEXT_TO_BOT = filters.TEXT & ~filters.COMMAND & ADDRESSED  # a question (or small talk)
# A photo or video whose caption mentions the bot (or that replies to it): the caption is the
# question, as in a private chat ("@bot what is this error?" under a screenshot).
CAPTION_TO_BOT = filters.CAPTION & ~filters.Document.ALL & ADDRESSED
FILE_TO_BOT = filters.Document.ALL & ADDRESSED  # a document to add: that is done in private


class _BotAdded(filters.MessageFilter):
    """The service message of this bot added to a group."""

    def filter(self, message: Message) -> bool:
        return any(member.id == message.get_bot().id for member in message.new_chat_members)


# This bot joining a group: added to it, or there as it was made (a channel's creation never
# reaches the group handlers).
BOT_JOINED = filters.StatusUpdate.CHAT_CREATED | _BotAdded(name="this bot added to the group")


class _CommandToBot(filters.MessageFilter):
    """A command written with this bot's @username ("/sources@quotebot"): plainly for it,
    where a bare "/sources" in a group may be for another bot."""

    def filter(self, message: Message) -> bool:
        name = "@" + message.get_bot().username.lower()
        commands = message.parse_entities([MessageEntity.BOT_COMMAND]).values()
        return any(text.lower().endswith(name) for text in commands)


COMMAND_TO_BOT = _CommandToBot(name="a command with this bot's name")


async def private_only(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Say that /sources, /more, /reset, /language and the admin commands (/reload, /remove,
    /stats) work in the private chat, with a link."""
    message, chat = update.effective_message, update.effective_chat
    if message is None or chat is None:
        return
    t = await texts(update, context)
    text = t.PRIVATE_ONLY.format(bot=context.bot.username)
    await send(context, chat, text, reply_to=message)


@admin_only  # anyone else is told that only admins add documents, as in a private chat
async def file_to_bot(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """A file sent to the bot in a group (its caption names it, or it replies to the bot):
    documents are added in the private chat, so an admin is told to send it there. A file the
    bot is not addressed with is the members' own."""
    message, chat = update.effective_message, update.effective_chat
    if message is None or chat is None:
        return
    t = await texts(update, context)
    await send(
        context, chat, t.UPLOAD_IN_PRIVATE.format(bot=context.bot.username), reply_to=message
    )


async def ask_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Answer ``/ask QUESTION``; a bare ``/ask`` as a reply asks the replied message (or quote)."""
    message = update.effective_message
    if message is not None:
        # A bare /ask on one of the bot's own answers would search the answer: only a quote.
        replied_asks = message.quote is not None or not replies_to_bot(message)
        question = command_text(message)
        if await _asked_more(update, context, question) or (
            question and await _opened(update, context, question)
        ):
            return
        await _ask(update, context, question, replied_asks=replied_asks)


async def _opened(update: Update, context: ContextTypes.DEFAULT_TYPE, question: str) -> bool:
    """ "/ask 2" is "2": in a group that result posted for everyone, in a private chat opened
    as "2" opens it there, with its buttons (it was posted as /quote posts a passage)."""
    chat = update.effective_chat
    if chat is not None and not in_group(chat):
        return await private.opened_result(update, context, question)
    return await _posted_result(update, context, question)


async def _asked_more(update: Update, context: ContextTypes.DEFAULT_TYPE, question: str) -> bool:
    """ "/ask more" is "more" (searched, it was "only very common words"): in a private chat
    the next page, in a group the link to the further results."""
    chat = update.effective_chat
    if chat is None or not asks_for_more(question):
        return False
    if in_group(chat):
        return await _paged(update, context, question)
    await private.more(update, context)
    return True


async def addressed(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Answer a group message that mentions the bot or replies to it (its text, or a photo's
    caption); the @name is not asked."""
    message = update.effective_message
    said = None if message is None else message.text or message.caption
    if message is not None and said:
        question = without_mention(said, context.bot.username)
        if is_courtesy(question) or (
            replies_to_bot(message) and not any(ch.isalnum() for ch in question)
        ):
            # "thanks @bot!", "lol 😂" or "👍" under an answer: for the group, no question;
            # "@bot can you help me?" is asked what to look up (by _ask).
            return
        if await _posted_result(update, context, question) or await _paged(
            update, context, question
        ):
            return
        replied = replies_to_bot(message) and not mentions_bot(message)
        if replied and await _chatter(context, question):
            logger.info("a reply to the bot in a group read as chatter: not answered")
            return  # "lol nice" under an answer: for the group, not "nothing answers it"
        # "@bot" alone, as a reply to someone's message: like /ask.
        await _ask(update, context, question, replied_asks=not replies_to_bot(message))


async def _chatter(context: ContextTypes.DEFAULT_TYPE, text: str) -> bool:
    """Whether a member's reply to one of the bot's answers is said to the group, not asked:
    without a question mark and no question word to open it, it is thanks, laughs and
    reactions only ("lol nice", "bruh"), common words only ("really", "me too", "I see"), or
    words no passage holds ("lol that's wild"). Asked: "and in 2005?", "thanks, and for zsh"
    (zsh is in the documents), and a reply opening with a question word, found or not ("how do
    I reset my password", "why", "thanks, and who signed it", "真的吗"): people seldom type "?"
    in chat, and a question the documents can't answer is told so and counted for /stats."""
    if _ASKED.search(text):
        return False
    rest = without_chatter(text)
    if not any(ch.isalnum() for ch in rest):
        return True
    if asks_something(rest):
        return False
    try:
        found = await asyncio.to_thread(services(context).library.answer, rest, k=1)
    except (EmptyQuestionError, NoSearchableWordsError):  # "same here": only common words
        return True
    except QuestionError:  # too long to be chatter
        return False
    return found.total == 0


_ASKED = re.compile(r"[?？¿؟]")


async def _posted_result(update: Update, context: ContextTypes.DEFAULT_TYPE, text: str) -> bool:
    """Post the result a message names by its rank ("2", "the second one", "#3"), in full, as
    /quote posts one: of the answer it replies to, else ("@bot 2", "/ask the second one") of
    the member's last question here, as a private chat opens it; the group sees the first,
    the others are numbered behind "Full answer and more results". Not after a question
    naming a numbered division ("and the second?" after "Chapter I"), nor past the results."""
    message, chat, user = update.effective_message, update.effective_chat, update.effective_user
    if message is None or chat is None or user is None:
        return False
    rank = result_asked(text, replying=True)  # the stored answer is looked up only for a rank
    if rank is None:
        return False
    svc = services(context)
    saved = await _numbered_answer(svc, message, chat.id, user.id)
    if saved is None and message.reply_to_message is None and names_a_result(text):
        # "@bot 2" with no question of the member's going on here: asked for one, as in a
        # private chat, not searched as the word "2" (a paragraph numbered "2." was quoted).
        said = (await texts(update, context)).NUMBER_BEFORE_QUESTION
        await send(context, chat, said, reply_to=message)
        return True
    if saved is None or not saved.answered:
        return False
    if divisions.names_a_division(text, f"{saved.context or ''} {saved.question}"):
        return False
    passage, total = await asyncio.to_thread(ranked_result, svc, saved, rank)
    if passage is None and not 1 <= rank <= total:  # past the results ("0" too): said
        said = await no_such_result(update, context, saved, rank, total)
        await send(context, chat, said, reply_to=message)
        return True
    if passage is None:  # the documents were reloaded since
        return False
    await post_passage(update, context, passage, reply_to=message, subject=saved.question)
    return True


async def _numbered_answer(
    svc: Services, message: Message, chat_id: int, user_id: int
) -> SavedSearch | None:
    """The answer a result's number is about: the bot's answer the message replies to; else
    the member's last question in this group while their conversation goes on ("@bot 2" was
    searched as the word "2" and quoted a paragraph numbered so); none under a member's
    message, which it is about, nor after /reset or the idle time."""
    replied = message.reply_to_message
    if replied is not None:
        if not replies_to_bot(message):
            return None
        return await svc.state.answered_by(chat_id, replied.message_id)
    going = await common.conversation_going(svc, chat_id, user_id)
    saved = await svc.state.latest_search(chat_id, user_id) if going else None
    return None if saved is None or was_refused(saved) else saved


async def _paged(update: Update, context: ContextTypes.DEFAULT_TYPE, text: str) -> bool:
    """Answer "more" under one of the bot's answers (or "@bot more" after the member's last
    question here) with the link to that answer's further results: they are paged in the
    private chat, as its "Full answer and more results" button says; searched as words, "more"
    was chatter and got no reply."""
    message, chat, user = update.effective_message, update.effective_chat, update.effective_user
    if message is None or chat is None or user is None or not asks_for_more(text):
        return False
    svc = services(context)
    replied = message.reply_to_message
    under_answer = replied is not None and replies_to_bot(message)
    if under_answer and replied is not None:
        saved = await svc.state.answered_by(chat.id, replied.message_id)
    else:
        saved = await svc.state.latest_search(chat.id, user.id)
    t = await texts(update, context)
    if saved is None or was_refused(saved):  # told only which languages to ask in
        if under_answer:  # "more" under the bot's help: said to the group, as before
            return False
        # "/ask more", "@bot more" with no question before: searched, "only very common words"
        await send(context, chat, t.GROUP_NOTHING_TO_PAGE, reply_to=message)
        return True
    question = echo(saved.question, SHOWN_QUESTION)
    if saved.total == 0:  # no passage found: nothing further to open in the private chat
        await send(context, chat, t.NO_MORE_RESULTS.format(question=question), reply_to=message)
        return True
    keyboard = group_answer_keyboard(saved.key, saved.answered, context.bot.username, t)
    said = t.GROUP_MORE.format(question=question)
    await send(context, chat, said, keyboard, reply_to=message)
    return True


async def _ask(
    update: Update, context: ContextTypes.DEFAULT_TYPE, question: str, *, replied_asks: bool
) -> None:
    """Ask ``question``; none given: the words replied to (when ``replied_asks``), else how."""
    message, chat = update.effective_message, update.effective_chat
    if message is None or chat is None:
        return
    echo = False
    if not question and replied_asks:
        question, echo = replied_words(message).strip(), True
    if not question:
        await send(context, chat, (await texts(update, context)).ASK_USAGE, reply_to=message)
        return
    if is_small_talk(question):  # "/ask hi there", "@bot can you help me?": asked what to look up
        await send(context, chat, (await texts(update, context)).SMALL_TALK_REPLY, reply_to=message)
        return
    await ask(update, context, question, echo=echo)


async def group_help(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Say briefly how to use the bot in a group (/help and /start there, and once as it is
    added: otherwise the members would not know it is there and how to ask it)."""
    if update.effective_message is None or update.effective_chat is None:
        return
    text = (await texts(update, context)).GROUP_HELP.format(bot=context.bot.username)
    await send(context, update.effective_chat, text, reply_to=update.effective_message)
