"""Inline mode: ``@bot words`` in any chat lists the matching passages; choosing one posts it.

The passages depend on the words only, but the buttons and hints are in the user's language,
so Telegram caches the results per user (``is_personal``) for :data:`CACHE_SECONDS`.
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
from bot.locales import Strings, is_small_talk
from bot.render.passages import inline_description, inline_title, quote_post
from retrieval.errors import QuestionError
from retrieval.library import Library
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


def _matching(library: Library, words: str, offset: int) -> tuple[tuple[Hit, ...], int]:
    """A page of the passages ``words`` match, and how many match. Telegram asks again at each
    pause in typing, so the last word is often unfinished ("belt and ro", "missile def"): when
    the words together match nothing, the ones before it are searched, and the list stays."""
    tries = [words, words.rsplit(None, 1)[0]] if len(words.split()) > 1 else [words]
    for typed in tries:
        try:
            answer = library.answer(typed, k=PAGE, offset=offset)
        except QuestionError:  # only common words, or none: nothing to list
            continue
        if answer.total:
            return answer.hits, answer.total
    return (), 0


async def inline_query(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """List the passages that match the typed words, a page at a time; an empty query: a hint."""
    query = update.inline_query
    if query is None:
        return
    words, t = query.query.strip(), await texts(update, context)
    offset = page_offset(query.offset)
    chatted = is_small_talk(words)  # "thanks", "hi there": no words to look up, the hint
    library = services(context).library
    hits, total = ((), 0) if chatted else await asyncio.to_thread(_matching, library, words, offset)
    hint = None
    if offset == 0 and not hits:
        text = t.INLINE_NOTHING if words and not chatted else t.INLINE_HINT
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
