"""What several handlers do: answer a question, show a page of further results, show a passage.

Searching is CPU work, so every library call runs in a worker thread (``asyncio.to_thread``) and
the event loop stays free. The state store is only touched from the event loop's thread.
"""

from __future__ import annotations

import asyncio
import html
import logging
import time

from telegram import Update
from telegram.constants import ChatAction
from telegram.ext import ContextTypes

from bot import buttons, messages, replies
from bot.services import Services, services_of
from bot.state import SavedSearch
from retrieval.conversation import Conversation
from retrieval.errors import NoSearchableWordsError, QuestionError, QuestionTooLongError

logger = logging.getLogger(__name__)

PAGE_SIZE = 3  # passages per reply: the best one quoted and two more as lines; 3 per page after


def services(context: ContextTypes.DEFAULT_TYPE) -> Services:
    return services_of(context.bot_data)


async def ask(
    update: Update, context: ContextTypes.DEFAULT_TYPE, question: str, *, echo: bool = False
) -> None:
    """Answer ``question`` in the update's chat, as a follow-up when it reads as one, and log it.

    ``echo`` repeats the question at the top of the reply (for questions asked by a button).
    """
    chat, user = update.effective_chat, update.effective_user
    if chat is None or user is None:
        return
    svc = services(context)
    await context.bot.send_chat_action(chat.id, ChatAction.TYPING)
    now = time.time()
    stored = svc.state.load_conversation(chat.id, user.id, now=now, idle_seconds=svc.idle_seconds)
    conversation = Conversation.from_json(stored) if stored else Conversation()
    follows = conversation.context_for(question, now=now, idle_seconds=svc.idle_seconds)
    started = time.perf_counter()
    try:
        answer = await asyncio.to_thread(svc.library.answer, question, context=follows, k=PAGE_SIZE)
    except QuestionError as error:
        await context.bot.send_message(chat.id, _question_problem(error))
        return
    ms = round((time.perf_counter() - started) * 1000)
    reply = replies.answer_reply(
        answer, bot_username=context.bot.username, context=follows, echo=echo
    )
    shown = [hit.passage.id for hit in answer.hits[: reply.shown]]
    saved = svc.state.log_query(
        asked_at=now,
        chat_id=chat.id,
        chat_type=chat.type,
        user_id=user.id,
        question=question,
        context=follows,
        query=answer.query,
        shown=shown,
        answered=answer.answered,
        total=answer.total,
        ms=ms,
    )
    svc.state.save_conversation(
        chat.id, user.id, conversation.after(question, follows, now=now).to_json(), now=now
    )
    logger.info(
        "question in %s chat: %s, %d passages shown, %d ms",
        chat.type,
        "answered" if answer.answered else "declined",
        len(shown),
        ms,
    )
    more = reply.shown if answer.total > reply.shown else None
    top = shown[0] if shown else None
    await context.bot.send_message(
        chat.id, reply.text, reply_markup=buttons.answer_keyboard(saved.key, top, more)
    )


def _question_problem(error: QuestionError) -> str:
    """What to tell the user about a question the library cannot search."""
    if isinstance(error, QuestionTooLongError):
        return messages.QUESTION_TOO_LONG.format(length=error.length, limit=error.limit)
    if isinstance(error, NoSearchableWordsError):
        return messages.ONLY_COMMON_WORDS
    return messages.EMPTY_QUESTION  # EmptyQuestionError: no words at all


async def show_page(
    update: Update, context: ContextTypes.DEFAULT_TYPE, saved: SavedSearch, offset: int
) -> None:
    """Send the page of ``saved``'s ranking from ``offset`` on (same question, same order)."""
    chat = update.effective_chat
    if chat is None:
        return
    svc = services(context)
    await context.bot.send_chat_action(chat.id, ChatAction.TYPING)
    answer = await asyncio.to_thread(
        svc.library.answer, saved.question, context=saved.context, k=PAGE_SIZE, offset=offset
    )
    if not answer.hits:
        question = html.escape(replies.shorten(saved.question, replies.SHOWN_QUESTION))
        await context.bot.send_message(chat.id, messages.NO_MORE_RESULTS.format(question=question))
        return
    gone = await asyncio.to_thread(_missing, svc, saved.shown)
    if gone:
        logger.info("%d passages of search %s are gone: the corpus was reloaded", gone, saved.key)
    reply = replies.page_reply(
        answer, question=saved.question, bot_username=context.bot.username, corpus_changed=gone > 0
    )
    hits = answer.hits[: max(reply.shown, 1)]  # never 0, or "More results" would stand still
    end = offset + len(hits)
    svc.state.record_page(saved.key, [hit.passage.id for hit in hits], end)
    keyboard = buttons.page_keyboard(
        saved.key,
        [(hit.rank, hit.passage.id) for hit in hits],
        end if answer.total > end else None,
    )
    await context.bot.send_message(chat.id, reply.text, reply_markup=keyboard)


def _missing(svc: Services, passage_ids: tuple[str, ...]) -> int:
    """How many of these passages the library no longer has (runs in a worker thread)."""
    return sum(1 for passage_id in passage_ids if svc.library.passage(passage_id) is None)


async def show_passage(update: Update, context: ContextTypes.DEFAULT_TYPE, passage_id: str) -> None:
    """Send one passage in full, or say that it is gone since the corpus was reloaded."""
    chat = update.effective_chat
    if chat is None:
        return
    passage = await asyncio.to_thread(services(context).library.passage, passage_id)
    if passage is None:
        await context.bot.send_message(chat.id, messages.PASSAGE_GONE)
        return
    await context.bot.send_message(
        chat.id, replies.passage_html(passage, bot_username=context.bot.username)
    )
