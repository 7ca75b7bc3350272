"""Inline mode: ``@bot words`` in any chat lists the matching passages; choosing one posts it.

Results depend on the words only, so they are shared between users (``is_personal`` false) and
Telegram may cache them for :data:`CACHE_SECONDS`.
"""

from __future__ import annotations

import asyncio
import re

from telegram import (
    InlineQueryResultArticle,
    InlineQueryResultsButton,
    InputTextMessageContent,
    LinkPreviewOptions,
    Update,
)
from telegram.constants import ParseMode
from telegram.ext import ContextTypes

from bot import buttons
from bot.handlers.common import documents_of, services, texts
from bot.locales import Strings
from bot.render.passages import inline_description, inline_title, quote_post
from retrieval.errors import QuestionError
from retrieval.model import Document, Hit

PAGE = 10  # results per page; Telegram asks for the next page with ``offset``
# (at most InlineQueryLimit.RESULTS, 50, per answer)
CACHE_SECONDS = 300  # a reload may change results; five minutes of staleness is fine
_OFFSET = re.compile(r"[0-9]{1,6}")


def page_offset(offset: str) -> int:
    """The results a page starts at: Telegram echoes the ``next_offset`` given with the page
    before; anything else (a client's own guess) is the first page."""
    return int(offset) if _OFFSET.fullmatch(offset) else 0


def article(
    hit: Hit, bot_username: str | None, t: Strings, document: Document | None = None
) -> InlineQueryResultArticle:
    """One result: titled by document and section, described by the excerpt; choosing it posts
    the whole passage with its citation and a button back to the bot."""
    return InlineQueryResultArticle(
        id=hit.passage.id,
        title=inline_title(hit.passage, t),
        description=inline_description(hit),
        input_message_content=InputTextMessageContent(
            quote_post(hit.passage, bot_username=bot_username, t=t, document=document),
            parse_mode=ParseMode.HTML,
            link_preview_options=LinkPreviewOptions(is_disabled=True),
        ),
        reply_markup=buttons.open_passage_keyboard(bot_username, hit.passage.id, t),
    )


async def inline_query(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """List the passages that match the typed words, a page at a time; an empty query: a hint."""
    query = update.inline_query
    if query is None:
        return
    words, t = query.query.strip(), await texts(update, context)
    offset = page_offset(query.offset)
    hits: tuple[Hit, ...] = ()
    total = 0
    if words:
        try:
            answer = await asyncio.to_thread(
                services(context).library.answer, words, k=PAGE, offset=offset
            )
            hits, total = answer.hits, answer.total
        except QuestionError:  # only common words, or none: nothing to list
            pass
    hint = None
    if offset == 0 and not hits:
        text = t.INLINE_NOTHING if words else t.INLINE_HINT
        hint = InlineQueryResultsButton(text=text, start_parameter=buttons.START_HELP)
    end = offset + len(hits)
    documents = await documents_of(services(context))
    await query.answer(
        [article(hit, context.bot.username, t, documents.get(hit.passage.doc)) for hit in hits],
        cache_time=CACHE_SECONDS,
        # Per user: the buttons and hints are in the user's language, so another user typing the
        # same words must not be served them from Telegram's cache.
        is_personal=True,
        # No next_offset means no more pages. Not "": with Defaults set, python-telegram-bot
        # 22.8 sends an empty string as the JSON list [] (it mistakes it for poll options).
        next_offset=str(end) if hits and total > end else None,
        button=hint,
    )
