"""Handlers for admins changing the documents: an upload adds one, /remove deletes one.

A replace or a removal waits for a Yes button: the change is kept in the state under a short key
(:meth:`bot.state.AsyncState.add_pending`) and done only when Yes is pressed, by the admin who
was asked, in the chat they were asked in. Every change ends with a reload and its report.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Sequence

from telegram import CallbackQuery, Message, Update
from telegram.error import BadRequest, TelegramError
from telegram.ext import ContextTypes

from bot import buttons, corpus
from bot.handlers.admin import admin_only, reload_and_report
from bot.handlers.common import command_text, services, texts
from bot.locales import Strings
from bot.render.admin import names_html
from bot.render.html import decimal, echo, esc, isolated, shorten, unbidi
from bot.render.reasons import reason_text
from bot.services import Services
from bot.state import PendingChange
from retrieval.model import ReindexReport, SkippedFile

logger = logging.getLogger(__name__)

PENDING_SECONDS = 60 * 60  # a Replace? or Remove? question is answered within an hour, or lapses
REPLACE, REMOVE = "replace", "remove"


@admin_only
async def upload(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Add the document an admin sent: check it, save it under a safe name, reload, report."""
    message, user = update.effective_message, update.effective_user
    if message is None or message.document is None or user is None:
        return
    t = await texts(update, context)
    data = await _download(message, context, t)
    if data is None:
        return
    sent = message.document.file_name or corpus.DEFAULT_STEM
    original = corpus.as_read(sent, data)  # "memo.doc" that is Rich Text: "memo.rtf"
    if corpus.is_manifest(original):
        await _upload_manifest(update, context, data, t)
        return
    shown = echo(sent, 200)
    try:
        checked = await asyncio.to_thread(corpus.prepare_upload, original, data)
    except corpus.UploadError as error:
        said = t.UPLOAD_REFUSED.format(name=shown, reason=esc(reason_text(error.reason, t)))
        renamed = corpus.renamed(original, data)  # "notes.txt" that is a PDF
        if renamed is not None:  # one sentence: the reason's "rename it" and the hint said it twice
            kind = corpus.suffix_of(renamed)[1:].upper()
            said = t.UPLOAD_MISNAMED.format(name=shown, kind=kind, renamed=isolated(esc(renamed)))
        await message.reply_text(said)
        return
    svc = services(context)
    folder = svc.library.corpus_dir
    same = await asyncio.to_thread(corpus.same_document, folder, checked.data)
    if same == checked.name:  # sent again as it is: "the same file as itself" read oddly
        await message.reply_text(t.UPLOAD_UNCHANGED.format(name=isolated(esc(same))))
        return
    if same is not None:  # the reload would leave it out: every answer would show it twice
        await message.reply_text(t.UPLOAD_SAME_AS.format(name=shown, same=isolated(esc(same))))
        return
    try:
        await asyncio.to_thread(
            corpus.write_document, folder, checked.name, checked.data, replace=False
        )
    except FileExistsError:
        await _ask_to_replace(message, svc, user.id, checked, t)
        return
    except OSError as error:  # a full disk, a read-only folder
        logger.warning("could not save the upload %s: %s", checked.name, error)
        reason = esc(error.strerror or str(error))
        await message.reply_text(t.UPLOAD_NOT_SAVED.format(name=shown, reason=reason))
        return
    logger.info("admin %s added %s (%d bytes)", user.id, checked.name, len(checked.data))
    passages = t.paragraphs(checked.paragraphs)  # as /sources and the reload's report count them
    saved = isolated(esc(checked.name))
    if checked.name == unbidi(sent):  # its bidi controls alone went: "Saved X", not "as X"
        said = t.UPLOAD_SAVED.format(name=saved, passages=passages)
    else:
        said = t.UPLOAD_SAVED_AS.format(original=shown, name=saved, passages=passages)
    await _reload_after_writing(context, message.chat_id, checked.name, t, [said])


async def _upload_manifest(
    update: Update, context: ContextTypes.DEFAULT_TYPE, data: bytes, t: Strings
) -> None:
    """Put the ``manifest.toml`` an admin sent in the corpus folder (asking first when there is
    one), then reload: its titles, dates, sources and authors apply, and the report says what
    to fix in it. One the library could not use at all is refused: the documents keep theirs."""
    message, user = update.effective_message, update.effective_user
    assert message is not None and user is not None
    svc = services(context)
    folder = svc.library.corpus_dir
    name = isolated(esc(corpus.MANIFEST))
    try:
        await asyncio.to_thread(corpus.check_manifest, data)
    except corpus.UploadError as error:
        reason = esc(reason_text(error.reason, t))
        await message.reply_text(t.UPLOAD_REFUSED.format(name=name, reason=reason))
        return
    current = folder / corpus.MANIFEST
    if await asyncio.to_thread(current.is_file):
        if await asyncio.to_thread(current.read_bytes) == data:
            await message.reply_text(t.UPLOAD_UNCHANGED.format(name=name))
            return
        key = await _pending(svc, REPLACE, message.chat_id, user.id, corpus.MANIFEST, data)
        keyboard = buttons.confirm_keyboard(key, t.BUTTON_REPLACE, t.BUTTON_KEEP)
        await message.reply_text(t.MANIFEST_REPLACE_ASK, reply_markup=keyboard)
        return
    try:
        await asyncio.to_thread(corpus.write_document, folder, corpus.MANIFEST, data, replace=False)
    except OSError as error:  # a full disk, a read-only folder; or written meanwhile
        reason = esc(error.strerror or str(error))
        await message.reply_text(t.UPLOAD_NOT_SAVED.format(name=name, reason=reason))
        return
    logger.info("admin %s added manifest.toml (%d bytes)", user.id, len(data))
    await _reload_after_writing(context, message.chat_id, corpus.MANIFEST, t, [t.MANIFEST_SAVED])


async def _download(
    message: Message, context: ContextTypes.DEFAULT_TYPE, t: Strings
) -> bytes | None:
    """The file ``message`` carries, once its kind and size are fine; None after saying why not."""
    document = message.document
    assert document is not None
    original = document.file_name or corpus.DEFAULT_STEM
    shown = echo(original, 200)
    kind = corpus.save_as(original)
    if kind is not None and not corpus.may_be_rtf(original):  # .ppt, .odp: what to save it as
        await message.reply_text(t.UPLOAD_SAVE_AS.format(name=shown, kind=kind))
        return None
    if kind is None and not corpus.is_accepted(original) and not corpus.is_manifest(original):
        kinds = corpus.accepted_kinds()
        refusal = t.UPLOAD_ARCHIVE if corpus.is_archive(original) else t.UPLOAD_WRONG_KIND
        await message.reply_text(refusal.format(name=shown, kinds=kinds))
        return None
    if document.file_size is not None and document.file_size > corpus.MAX_FILE_BYTES:
        size = document.file_size / 1_048_576
        await message.reply_text(
            t.UPLOAD_TOO_LARGE.format(name=shown, size=decimal(size, t.DECIMAL_MARK))
        )
        return None
    try:
        telegram_file = await context.bot.get_file(document.file_id)
        data = bytes(await telegram_file.download_as_bytearray())
    except TelegramError as error:
        logger.warning("could not download the upload %r: %s", original, error.message)
        text = t.UPLOAD_DOWNLOAD_FAILED.format(name=shown, reason=esc(error.message))
        await message.reply_text(text)
        return None
    if kind is not None and corpus.as_read(original, data) == original:  # a Word 97–2003 .doc
        await message.reply_text(t.UPLOAD_SAVE_AS.format(name=shown, kind=kind))
        return None
    return data


async def _ask_to_replace(
    message: Message, svc: Services, user_id: int, checked: corpus.Upload, t: Strings
) -> None:
    """Ask whether the upload should replace the document of the same name (kept meanwhile)."""
    key = await _pending(svc, REPLACE, message.chat_id, user_id, checked.name, checked.data)
    title = await _title(svc, checked.name, t)
    said = (
        t.UPLOAD_REPLACE_ASK_UNTITLED if _is_its_name(title, checked.name) else t.UPLOAD_REPLACE_ASK
    )
    text = said.format(
        name=isolated(esc(checked.name)),
        title=esc(shorten(title, 200)),
        passages=t.paragraphs(checked.paragraphs),
    )
    keyboard = buttons.confirm_keyboard(key, t.BUTTON_REPLACE, t.BUTTON_KEEP)
    await message.reply_text(text, reply_markup=keyboard)


def _is_its_name(title: str, name: str) -> bool:
    """Whether ``title`` only repeats the file ``name`` ("new" of new.txt): not worth saying."""
    stem = name.rsplit("/", 1)[-1].rsplit(".", 1)[0]
    return " ".join(title.replace("_", " ").split()).casefold() in (
        " ".join(stem.replace("_", " ").split()).casefold(),
        name.casefold(),
    )


async def _pending(
    svc: Services, kind: str, chat_id: int, user_id: int, name: str, data: bytes | None = None
) -> str:
    """Keep a change waiting for a Yes (and drop those nobody answered in time); its key."""
    now = time.time()
    await svc.state.forget_pending(older_than=now - PENDING_SECONDS)
    return await svc.state.add_pending(
        kind=kind, chat_id=chat_id, user_id=user_id, name=name, data=data, now=now
    )


async def _title(svc: Services, name: str, t: Strings) -> str:
    """The title of the indexed document ``name``; for a file not indexed, why not (the last
    reload's reason), or that it is not indexed yet."""
    documents = await asyncio.to_thread(svc.library.documents)
    title = next((d.title for d in documents if d.doc == name), None)
    if title is not None:
        return str(title)
    report = svc.library.last_report
    skipped = _skip_of(report, name)
    if skipped is None:
        return str(t.NOT_INDEXED_TITLE)
    return str(t.NOT_INDEXED_BECAUSE.format(reason=reason_text(skipped.reason, t)))


def _skip_of(report: ReindexReport | None, name: str) -> SkippedFile | None:
    """Why the file ``name`` was not indexed by the reload ``report``, if it was not."""
    return next((s for s in report.skipped if s.doc == name), None) if report else None


async def _reload_after_writing(
    context: ContextTypes.DEFAULT_TYPE,
    chat_id: int,
    name: str,
    t: Strings,
    intro: Sequence[str] = (),
) -> None:
    """Reload after ``name`` was written; say so if the reload could not index it."""
    report = await reload_and_report(context, chat_id, t, after_change=True, intro=intro)
    skipped = _skip_of(report, name)
    if skipped is not None:
        reason = esc(reason_text(skipped.reason, t))
        text = t.UPLOAD_NOT_INDEXED.format(name=isolated(esc(name)), reason=reason)
        await context.bot.send_message(chat_id, text)


@admin_only
async def remove(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Ask to confirm the removal of the document ``/remove NAME`` names."""
    message, user = update.effective_message, update.effective_user
    if message is None or user is None:
        return
    svc, t = services(context), await texts(update, context)
    # A name copied from the bot's own reply carries the marks that set it apart: not the name.
    typed = unbidi(command_text(message)).strip()
    names = await asyncio.to_thread(corpus.document_names, svc.library.corpus_dir)
    # "/remove booktabs": the names with those words first, so a long list still shows them.
    words = typed.casefold().split()
    near = {n for n in names if words and all(w in n.casefold() for w in words)}
    listed = names_html(sorted(names, key=lambda n: n not in near), t=t)
    named = named_by(typed, names)
    name = named[0] if len(named) == 1 else typed
    shown = echo(name, 200)
    if not typed:
        await message.reply_text(t.REMOVE_USAGE.format(names=listed))
    elif len(named) > 1:
        several = names_html(named, t=t)
        await message.reply_text(t.REMOVE_SEVERAL.format(name=shown, names=several))
    elif not named:
        await message.reply_text(t.REMOVE_NO_SUCH.format(name=shown, names=listed))
    elif len(names) == 1:
        await message.reply_text(t.REMOVE_LAST.format(name=shown))
    else:
        key = await _pending(svc, REMOVE, message.chat_id, user.id, name)
        title = esc(shorten(await _title(svc, name, t), 200))
        keyboard = buttons.confirm_keyboard(key, t.BUTTON_REMOVE, t.BUTTON_KEEP)
        await message.reply_text(
            t.REMOVE_ASK.format(name=shown, title=title), reply_markup=keyboard
        )


def named_by(typed: str, names: Sequence[str]) -> list[str]:
    """The documents ``typed`` names: the one of that name; else those whose file name is
    ``typed`` without the folder ("arctic.md" for sub/arctic.md) or without the extension too
    ("big15" for big15.txt), in any case."""
    if typed in names:
        return [typed]
    wanted = typed.casefold()

    def called(name: str) -> set[str]:
        folder, _, base = name.rpartition("/")
        stem = base.rsplit(".", 1)[0]
        return {name, base, stem, f"{folder}/{stem}" if folder else stem}

    return [name for name in names if wanted in {c.casefold() for c in called(name)}]


@admin_only
async def confirm(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Do (Yes) or drop (No) the replace or removal the pressed button asks about."""
    query, user, chat = update.callback_query, update.effective_user, update.effective_chat
    press = buttons.parse(query.data if query else None)
    t = await texts(update, context)
    if query is None or user is None or not isinstance(press, buttons.ConfirmPress):
        if query is not None:
            await query.answer(t.BUTTON_EXPIRED)
        return
    await query.answer()
    state = services(context).state
    waiting = await state.pending(press.key)
    if waiting is not None and (
        chat is None or (waiting.chat_id, waiting.user_id) != (chat.id, user.id)
    ):
        # Forged data, or another admin's question: only the admin who asked answers it there.
        logger.warning(
            "admin %s pressed a button of a change asked by %s in another chat; refused",
            user.id,
            waiting.user_id,
        )
        await _settle(query, t.PENDING_GONE)
        return
    pending = await state.take_pending(press.key)  # a second press finds nothing
    if pending is None or time.time() - pending.created_at > PENDING_SECONDS:
        await _settle(query, t.PENDING_GONE)
    elif not press.yes:
        kept = t.UPLOAD_KEPT if pending.kind == REPLACE else t.REMOVE_KEPT
        await _settle(query, kept.format(name=isolated(esc(pending.name))))
    elif pending.kind == REPLACE and pending.data is not None:
        await _replace(query, context, pending, t)
    elif pending.kind == REMOVE:
        await _remove(query, context, pending, t)


Context = ContextTypes.DEFAULT_TYPE


async def _replace(
    query: CallbackQuery, context: Context, pending: PendingChange, t: Strings
) -> None:
    """Write the file kept with ``pending`` over the document, then reload."""
    name, folder = isolated(esc(pending.name)), services(context).library.corpus_dir
    try:
        await asyncio.to_thread(
            corpus.write_document, folder, pending.name, pending.data or b"", replace=True
        )
    except OSError as error:
        logger.warning("could not replace %s: %s", pending.name, error)
        reason = esc(error.strerror or str(error))
        await _settle(query, t.UPLOAD_NOT_SAVED.format(name=name, reason=reason))
        return
    logger.info("admin %s replaced %s", pending.user_id, pending.name)
    await _settle(query, t.UPLOAD_REPLACED.format(name=name))
    await _reload_after_writing(context, pending.chat_id, pending.name, t)


async def _remove(
    query: CallbackQuery, context: Context, pending: PendingChange, t: Strings
) -> None:
    """Delete the document ``pending`` names, then reload."""
    name, folder = isolated(esc(pending.name)), services(context).library.corpus_dir
    if not await asyncio.to_thread(corpus.remove_document, folder, pending.name):
        await _settle(query, t.REMOVE_ALREADY_GONE.format(name=name))
        return
    logger.info("admin %s removed %s", pending.user_id, pending.name)
    await _settle(query, t.REMOVE_DONE.format(name=name))
    await reload_and_report(context, pending.chat_id, t, after_change=True)


async def _settle(query: CallbackQuery, text: str) -> None:
    """Replace a Yes/No question by its outcome, buttons gone."""
    try:
        await query.edit_message_text(text)
    except BadRequest as error:  # the question is too old to edit, or was deleted
        logger.info("could not edit the question: %s", error)
        if query.message is not None:
            await query.get_bot().send_message(query.message.chat.id, text)
