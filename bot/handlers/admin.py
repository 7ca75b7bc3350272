"""Handlers for admins: /reload, adding and removing documents, /stats.

Admins are the Telegram user ids listed in ``ADMIN_USER_IDS`` (:func:`admin_only`); anyone else
is told the command is for admins, and the attempt is logged. A reload takes seconds on a large
corpus, so the handlers that reload are registered with ``block=False`` (:mod:`bot.app`): other
updates, questions included, keep being handled meanwhile, answered from the documents as they
were until the new index is swapped in.

A replace or a removal waits for a Yes button: the change is kept in the state store under a
short key (:meth:`bot.state.StateStore.add_pending`) and done only when Yes is pressed.
"""

from __future__ import annotations

import asyncio
import functools
import logging
import sqlite3
import time
from collections.abc import Callable, Coroutine, Sequence
from typing import Any

from telegram import CallbackQuery, Message, Update
from telegram.error import BadRequest, TelegramError
from telegram.ext import ContextTypes

from bot import buttons, corpus, messages, replies
from bot.handlers.common import command_text, services
from bot.replies import esc, shorten
from bot.services import Services
from retrieval.errors import QuotebotError
from retrieval.ingest.readers.text import MAX_FILE_BYTES
from retrieval.model import ReindexReport

logger = logging.getLogger(__name__)

Handler = Callable[[Update, ContextTypes.DEFAULT_TYPE], Coroutine[Any, Any, None]]

PROGRESS_SECONDS = 3.0  # a long reload's progress message is edited this often
PENDING_SECONDS = 60 * 60  # a Replace? or Remove? question is answered within an hour, or lapses
# What makes a reload fail without being a bug: the folder is gone or holds nothing readable,
# the manifest is broken, the database can't be written, a disk is full.
RELOAD_ERRORS = (QuotebotError, OSError, sqlite3.Error)
REPLACE, REMOVE = "replace", "remove"


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
    user = update.effective_user
    message, query = update.effective_message, update.callback_query
    if query is not None:
        attempt = "an admin button"
        await query.answer(messages.ADMIN_ONLY_BUTTON)
    elif message is not None and message.document is not None:
        attempt = "to upload a document"
        await message.reply_text(messages.ADMIN_ONLY_UPLOAD)
    elif message is not None:
        command = (message.text or "/").split()[0].lstrip("/").split("@")[0]
        attempt = "/" + command
        await message.reply_text(messages.ADMIN_ONLY.format(command=esc(shorten(command, 40))))
    else:
        return
    logger.warning("user %s, who is not an admin, tried %s", user.id if user else None, attempt)


# Reloading ------------------------------------------------------------------------------------


@admin_only
async def reload(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Re-read the documents folder, with a progress message that becomes the report."""
    if update.effective_chat is not None:
        await reload_and_report(context, update.effective_chat.id)


async def reload_and_report(
    context: ContextTypes.DEFAULT_TYPE,
    chat_id: int,
    *,
    after_change: bool = False,
    intro: Sequence[str] = (),
) -> ReindexReport | None:
    """Reload (joining one that runs, unless the folder was just changed), edit a progress
    message while it runs, and edit it into the report; None when the reload failed."""
    svc = services(context)
    joined = svc.reloads.busy and not after_change
    future = svc.reloads.start(after_change=after_change)
    waiting = messages.RELOADING_JOINED if joined else messages.RELOADING
    shown = "\n\n".join([*intro, waiting])
    progress = await context.bot.send_message(chat_id, shown)
    started = time.monotonic()
    while not future.done():
        await asyncio.wait({future}, timeout=PROGRESS_SECONDS)
        if future.done():
            break
        seconds = round(time.monotonic() - started)
        text = "\n\n".join([*intro, messages.RELOADING_FOR.format(seconds=seconds)])
        if text != shown:  # Telegram refuses an edit that changes nothing
            shown = text
            await _edit(progress, text, resend=False)
    try:
        report = future.result()
    except RELOAD_ERRORS as error:
        logger.warning("reload failed, the previous corpus is still served: %s", error)
        await _edit(progress, "\n\n".join([*intro, replies.reload_failed_html(str(error))]))
        return None
    except Exception:
        await _edit(progress, "\n\n".join([*intro, messages.RELOAD_CRASHED]))
        raise  # to the error handler, which logs it with its traceback
    logger.info(
        "reloaded in %.1fs: %d added, %d changed, %d removed, %d skipped",
        report.seconds,
        len(report.added),
        len(report.changed),
        len(report.removed),
        len(report.skipped),
    )
    await _edit(progress, replies.report_html(report, intro=intro))
    return report


async def _edit(message: Message, text: str, *, resend: bool = True) -> None:
    """Edit ``message`` to ``text``; if Telegram refuses (deleted meanwhile...) send it anew."""
    try:
        await message.edit_text(text)
    except BadRequest as error:
        logger.info("could not edit message %s: %s", message.message_id, error)
        if resend:
            await message.get_bot().send_message(message.chat_id, text)


# Adding documents -----------------------------------------------------------------------------


@admin_only
async def upload(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Add the document an admin sent: check it, save it under a safe name, reload, report."""
    message, user = update.effective_message, update.effective_user
    if message is None or message.document is None or user is None:
        return
    document = message.document
    original = document.file_name or corpus.DEFAULT_STEM
    shown = esc(shorten(original, 200))
    if not corpus.is_accepted(original):
        await message.reply_text(messages.UPLOAD_WRONG_KIND.format(name=shown))
        return
    if document.file_size is not None and document.file_size > MAX_FILE_BYTES:
        size = document.file_size / 1_048_576
        await message.reply_text(messages.UPLOAD_TOO_LARGE.format(name=shown, size=size))
        return
    try:
        telegram_file = await context.bot.get_file(document.file_id)
        data = bytes(await telegram_file.download_as_bytearray())
    except TelegramError as error:
        logger.warning("could not download the upload %r: %s", original, error.message)
        text = messages.UPLOAD_DOWNLOAD_FAILED.format(name=shown, reason=esc(error.message))
        await message.reply_text(text)
        return
    try:
        checked = await asyncio.to_thread(corpus.prepare_upload, original, data)
    except corpus.UploadError as error:
        text = messages.UPLOAD_REFUSED.format(name=shown, reason=esc(error.reason))
        await message.reply_text(text)
        return
    svc = services(context)
    folder = svc.library.corpus_dir
    try:
        await asyncio.to_thread(
            corpus.write_document, folder, checked.name, checked.data, replace=False
        )
    except FileExistsError:
        await _ask_to_replace(message, svc, user.id, checked)
        return
    except OSError as error:  # a full disk, a read-only folder
        logger.warning("could not save the upload %s: %s", checked.name, error)
        reason = esc(error.strerror or str(error))
        await message.reply_text(messages.UPLOAD_NOT_SAVED.format(name=shown, reason=reason))
        return
    logger.info("admin %s added %s (%d bytes)", user.id, checked.name, len(checked.data))
    paragraphs = replies.plural(checked.paragraphs, "paragraph")
    if checked.name == original:
        said = messages.UPLOAD_SAVED.format(name=esc(checked.name), paragraphs=paragraphs)
    else:
        said = messages.UPLOAD_SAVED_AS.format(
            original=shown, name=esc(checked.name), paragraphs=paragraphs
        )
    await _reload_after_writing(context, message.chat_id, checked.name, [said])


async def _ask_to_replace(
    message: Message, svc: Services, user_id: int, checked: corpus.Upload
) -> None:
    """Ask whether the upload should replace the document of the same name (kept meanwhile)."""
    now = time.time()
    svc.state.forget_pending(older_than=now - PENDING_SECONDS)
    key = svc.state.add_pending(
        kind=REPLACE,
        chat_id=message.chat_id,
        user_id=user_id,
        name=checked.name,
        data=checked.data,
        now=now,
    )
    title = await _title(svc, checked.name)
    text = messages.UPLOAD_REPLACE_ASK.format(
        name=esc(checked.name),
        title=esc(shorten(title, 200)),
        paragraphs=replies.plural(checked.paragraphs, "paragraph"),
    )
    keyboard = buttons.confirm_keyboard(key, messages.BUTTON_REPLACE, messages.BUTTON_KEEP)
    await message.reply_text(text, reply_markup=keyboard)


async def _title(svc: Services, name: str) -> str:
    """The title of the indexed document ``name`` (a file not indexed yet has none)."""
    documents = await asyncio.to_thread(svc.library.documents)
    return next((d.title for d in documents if d.doc == name), messages.NOT_INDEXED_TITLE)


async def _reload_after_writing(
    context: ContextTypes.DEFAULT_TYPE, chat_id: int, name: str, intro: Sequence[str] = ()
) -> None:
    """Reload after ``name`` was written; say so if the reload could not index it."""
    report = await reload_and_report(context, chat_id, after_change=True, intro=intro)
    skipped = next((s for s in report.skipped if s.doc == name), None) if report else None
    if skipped is not None:
        text = messages.UPLOAD_NOT_INDEXED.format(name=esc(name), reason=esc(skipped.reason))
        await context.bot.send_message(chat_id, text)


# Removing documents ---------------------------------------------------------------------------


@admin_only
async def remove(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Ask to confirm the removal of the document ``/remove NAME`` names."""
    message, user = update.effective_message, update.effective_user
    if message is None or user is None:
        return
    svc = services(context)
    name = command_text(message).strip()
    names = await asyncio.to_thread(corpus.document_names, svc.library.corpus_dir)
    listed = replies.names_html(names)
    if not name:
        await message.reply_text(messages.REMOVE_USAGE.format(names=listed))
        return
    shown = esc(shorten(name, 200))
    if name not in names:
        await message.reply_text(messages.REMOVE_NO_SUCH.format(name=shown, names=listed))
        return
    if len(names) == 1:
        await message.reply_text(messages.REMOVE_LAST.format(name=shown))
        return
    now = time.time()
    svc.state.forget_pending(older_than=now - PENDING_SECONDS)
    key = svc.state.add_pending(
        kind=REMOVE, chat_id=message.chat_id, user_id=user.id, name=name, now=now
    )
    title = esc(shorten(await _title(svc, name), 200))
    keyboard = buttons.confirm_keyboard(key, messages.BUTTON_REMOVE, messages.BUTTON_KEEP)
    await message.reply_text(
        messages.REMOVE_ASK.format(name=shown, title=title), reply_markup=keyboard
    )


# Yes and No -----------------------------------------------------------------------------------


@admin_only
async def confirm(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Do (Yes) or drop (No) the replace or removal the pressed button asks about."""
    query, user = update.callback_query, update.effective_user
    press = buttons.parse(query.data if query else None)
    if query is None or user is None or not isinstance(press, buttons.ConfirmPress):
        if query is not None:
            await query.answer(messages.BUTTON_EXPIRED)
        return
    await query.answer()
    svc = services(context)
    chat = update.effective_chat
    waiting = svc.state.pending(press.key)
    if waiting is not None and (
        chat is None or (waiting.chat_id, waiting.user_id) != (chat.id, user.id)
    ):
        # Forged data, or another admin's question: only the admin who asked answers it there.
        logger.warning(
            "admin %s pressed a button of a change asked by %s in another chat; refused",
            user.id,
            waiting.user_id,
        )
        await _settle(query, messages.PENDING_GONE)
        return
    pending = svc.state.take_pending(press.key)  # a second press finds nothing
    if pending is None or time.time() - pending.created_at > PENDING_SECONDS:
        await _settle(query, messages.PENDING_GONE)
        return
    name = esc(pending.name)
    folder = svc.library.corpus_dir
    if not press.yes:
        kept = messages.UPLOAD_KEPT if pending.kind == REPLACE else messages.REMOVE_KEPT
        await _settle(query, kept.format(name=name))
        return
    chat_id = pending.chat_id
    if pending.kind == REPLACE and pending.data is not None:
        try:
            await asyncio.to_thread(
                corpus.write_document, folder, pending.name, pending.data, replace=True
            )
        except OSError as error:
            logger.warning("could not replace %s: %s", pending.name, error)
            reason = esc(error.strerror or str(error))
            await _settle(query, messages.UPLOAD_NOT_SAVED.format(name=name, reason=reason))
            return
        logger.info("admin %s replaced %s", user.id, pending.name)
        await _settle(query, messages.UPLOAD_REPLACED.format(name=name))
        await _reload_after_writing(context, chat_id, pending.name)
    elif pending.kind == REMOVE:
        if not await asyncio.to_thread(corpus.remove_document, folder, pending.name):
            await _settle(query, messages.REMOVE_ALREADY_GONE.format(name=name))
            return
        logger.info("admin %s removed %s", user.id, pending.name)
        await _settle(query, messages.REMOVE_DONE.format(name=name))
        await reload_and_report(context, chat_id, after_change=True)


async def _settle(query: CallbackQuery, text: str) -> None:
    """Replace a Yes/No question by its outcome, buttons gone."""
    try:
        await query.edit_message_text(text)
    except BadRequest as error:  # the question is too old to edit, or was deleted
        logger.info("could not edit the question: %s", error)
        if query.message is not None:
            await query.get_bot().send_message(query.message.chat.id, text)


# Usage ----------------------------------------------------------------------------------------


@admin_only
async def stats(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Show how the bot is used: questions, answered and declined, most asked, votes, corpus."""
    message = update.effective_message
    if message is None:
        return
    svc = services(context)
    usage = svc.state.usage(time.time())
    documents = await asyncio.to_thread(svc.library.documents)
    passages = await asyncio.to_thread(svc.library.passage_count)
    text = replies.stats_html(usage, documents=len(documents), passages=passages)
    await message.reply_text(text)
