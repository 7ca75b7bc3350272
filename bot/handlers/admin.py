"""Handlers for admins: who may, /reload with its progress and report, /stats.

Admins are the Telegram user ids listed in ``ADMIN_USER_IDS`` (:func:`admin_only`); anyone else
is told the command is for admins, and the attempt is logged. A reload takes seconds on a large
corpus, so the handlers that reload are registered with ``block=False`` (:mod:`bot.app`): other
updates, questions included, keep being handled meanwhile, answered from the documents as they
were until the new index is swapped in. Adding and removing documents: :mod:`.documents`.
"""

from __future__ import annotations

import asyncio
import functools
import logging
import time
from collections.abc import Callable, Coroutine, Sequence
from typing import Any

from telegram import Message, Update
from telegram.error import BadRequest
from telegram.ext import ContextTypes

from bot.errors import RELOAD_ERRORS, StateError
from bot.handlers.common import services, texts
from bot.locales import Strings
from bot.render.admin import reload_failed_html, report_html
from bot.render.html import esc, shorten
from bot.render.stats import stats_html
from retrieval.model import ReindexReport

logger = logging.getLogger(__name__)

Handler = Callable[[Update, ContextTypes.DEFAULT_TYPE], Coroutine[Any, Any, None]]

PROGRESS_SECONDS = 3.0  # a long reload's progress message is edited this often


def admin_only(handler: Handler) -> Handler:
    """Run ``handler`` for admins; refuse anyone else, and log the attempt."""

    @functools.wraps(handler)
    async def checked(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        user = update.effective_user
        if services(context).is_admin(user.id if user else None):
            await handler(update, context)
        else:
            await refuse(update, context)

    return checked


async def refuse(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Tell a user who is not an admin that this is for admins; log who tried what."""
    user, t = update.effective_user, await texts(update, context)
    message, query = update.effective_message, update.callback_query
    if query is not None:
        attempt = "an admin button"
        await query.answer(t.ADMIN_ONLY_BUTTON)
    elif message is not None and message.document is not None:
        attempt = "to upload a document"
        await message.reply_text(t.ADMIN_ONLY_UPLOAD)
    elif message is not None:
        command = (message.text or "/").split()[0].lstrip("/").split("@")[0]
        attempt = "/" + command
        await message.reply_text(t.ADMIN_ONLY.format(command=esc(shorten(command, 40))))
    else:
        return
    logger.warning("user %s, who is not an admin, tried %s", user.id if user else None, attempt)


@admin_only
async def reload(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Re-read the documents folder, with a progress message that becomes the report."""
    if update.effective_chat is not None:
        t = await texts(update, context)
        await reload_and_report(context, update.effective_chat.id, t)


async def reload_and_report(
    context: ContextTypes.DEFAULT_TYPE,
    chat_id: int,
    t: Strings,
    *,
    after_change: bool = False,
    intro: Sequence[str] = (),
) -> ReindexReport | None:
    """Reload (joining one that runs, unless the folder was just changed), edit a progress
    message while it runs, and edit it into the report; None when the reload failed."""
    svc = services(context)
    earlier = svc.library.last_report  # its skipped files are counted, not listed again
    joined = svc.reloads.busy and not after_change
    future = svc.reloads.start(after_change=after_change)
    shown = "\n\n".join([*intro, t.RELOADING_JOINED if joined else t.RELOADING])
    progress = await context.bot.send_message(chat_id, shown)
    started = time.monotonic()
    while not future.done():
        await asyncio.wait({future}, timeout=PROGRESS_SECONDS)
        seconds = round(time.monotonic() - started)
        text = "\n\n".join([*intro, t.RELOADING_FOR.format(seconds=seconds)])
        if not future.done() and text != shown:  # Telegram refuses an edit that changes nothing
            shown = text
            await edit(progress, text, resend=False)
    try:
        report = future.result()
    except RELOAD_ERRORS as error:
        logger.warning("reload failed, the previous corpus is still served: %s", error)
        await edit(progress, "\n\n".join([*intro, reload_failed_html(str(error), t)]))
        return None
    except Exception:
        await edit(progress, "\n\n".join([*intro, t.RELOAD_CRASHED]))
        raise  # to the error handler, which logs it with its traceback
    logger.info(
        "reloaded in %.1fs: %d added, %d changed, %d removed, %d skipped, %d read in part,"
        " %d manifest problems",
        report.seconds,
        len(report.added),
        len(report.changed),
        len(report.removed),
        len(report.skipped),
        len(report.partial),
        len(report.manifest_problems),
    )
    await edit(progress, report_html(report, intro=intro, t=t, earlier=earlier))
    return report


async def edit(message: Message, text: str, *, resend: bool = True) -> None:
    """Edit ``message`` to ``text``; if Telegram refuses (deleted meanwhile...) send it anew."""
    try:
        await message.edit_text(text)
    except BadRequest as error:
        logger.info("could not edit message %s: %s", message.message_id, error)
        if resend:
            await message.get_bot().send_message(message.chat_id, text)


@admin_only
async def stats(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Show how the bot is used: questions, answered and declined, most asked, votes, corpus."""
    message = update.effective_message
    if message is None:
        return
    svc, t = services(context), await texts(update, context)
    try:
        usage = await svc.state.usage(time.time())
    except StateError as error:
        logger.warning("could not read the query log for /stats: %s", error)
        await message.reply_text(t.STATS_UNAVAILABLE)
        return
    documents = await asyncio.to_thread(svc.library.documents)
    passages = await asyncio.to_thread(svc.library.passage_count)
    paragraphs = sum(document.paragraphs for document in documents)  # as /sources counts them
    text = stats_html(
        usage, documents=len(documents), paragraphs=paragraphs, passages=passages, t=t
    )
    await message.reply_text(text)
