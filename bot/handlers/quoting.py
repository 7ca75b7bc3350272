"""/quote: post one whole passage for discussion, named by its id or by a few of its words."""

from __future__ import annotations

import asyncio
from collections.abc import Collection

from telegram import Update
from telegram.ext import ContextTypes

from bot import buttons
from bot.handlers import common
from bot.handlers.common import (
    PASSAGE_ID,
    command_text,
    post_passage,
    question_problem,
    send,
    services,
    texts,
)
from bot.render.answers import choice_label, choices_reply
from bot.render.html import echo, esc
from retrieval.errors import QuestionError
from retrieval.model import Answer, document_key_of

CHOICES = 3  # passages offered when the words are ambiguous
CLOSE_SCORES = 0.85  # the runner-up scores at least this share of the best: the words are ambiguous


def looks_like_passage_id(text: str, document_keys: Collection[str]) -> bool:
    """True when ``text`` is written as a passage id, ``<document key>-<number>``: its key is a
    document's, or has a ``_`` as generated keys do ("G-20" is words, "004_ac31-5" an id)."""
    if not PASSAGE_ID.fullmatch(text):
        return False
    key = document_key_of(text)
    return key in document_keys or "_" in key


def is_ambiguous(answer: Answer) -> bool:
    """The words fit several passages about equally well (BM25 scores within
    :data:`CLOSE_SCORES`), or fit none of them well enough to be an answer."""
    if not answer.answered:
        return True
    best, *rest = answer.hits
    return bool(rest) and rest[0].score >= CLOSE_SCORES * best.score


async def quote(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Post the passage ``/quote WORDS`` or ``/quote ID`` names; offer three if words are vague."""
    message, chat = update.effective_message, update.effective_chat
    if message is None or chat is None:
        return
    words, t = command_text(message), await texts(update, context)
    if not words:
        await send(context, chat, t.QUOTE_USAGE, reply_to=message)
        return
    library = services(context).library
    # A passage's whole link pasted ("Link to this passage"): the id it ends with. It was
    # searched as words, and had none ("I couldn't find any words to search for").
    linked = buttons.start_of_link(words)
    if linked is not None and linked.startswith(buttons.START_PASSAGE):
        words = linked
    passage = await asyncio.to_thread(library.passage, words)
    if passage is None and words.startswith(buttons.START_PASSAGE):
        # The tail of a passage's link ("…?start=p_002_a3dc…-16") names it as its id does.
        bare = words.removeprefix(buttons.START_PASSAGE)
        passage = await asyncio.to_thread(library.passage, bare)
    if passage is not None:
        await post_passage(update, context, passage, reply_to=message)
        return
    documents = await asyncio.to_thread(library.documents)
    if looks_like_passage_id(words, {document.key for document in documents}):
        text = t.QUOTE_NO_PASSAGE.format(passage_id=esc(words))
        await send(context, chat, text, reply_to=message)
        return
    try:
        answer = await asyncio.to_thread(library.answer, words, k=CHOICES)
    except QuestionError as error:
        await send(context, chat, question_problem(error, t), reply_to=message)
        return
    if not answer.hits:
        text = t.QUOTE_NOTHING.format(words=echo(words, 300))
        await send(context, chat, text, reply_to=message)
    elif not is_ambiguous(answer):
        await post_passage(update, context, answer.hits[0].passage, reply_to=message, subject=words)
    else:
        reply = choices_reply(answer, words=words, t=t)
        offered = answer.hits[: reply.shown]
        # Sent as the group itself (an anonymous admin) or a channel, no one person asked:
        # anyone may choose, as a press never comes from GroupAnonymousBot.
        person = update.effective_user if message.sender_chat is None else None
        asker = person.id if person else None
        keyboard = buttons.choices_keyboard(
            [(choice_label(hit, t), hit.passage.id) for hit in offered], asker
        )
        sent = await send(context, chat, reply.text, keyboard, reply_to=message)
        # A reply to the offer ("and what about Liberia?") follows up on the words.
        services(context).state.remember_post(chat.id, sent.message_id, words, now=common.clock())
