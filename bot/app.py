"""The Telegram bot: one Application, every handler wired in one place, and how to run it.

:func:`build_application` makes the Application (rate limited, HTML by default) and
:func:`add_handlers` wires the handlers. The services (the library and the state store) are
opened once in ``post_init``, kept in ``bot_data``, and closed in ``post_shutdown``.
:func:`run_bot` is what ``quotebot run`` calls: long polling, or a webhook when ``WEBHOOK_URL``
is set; it returns the exit code and turns a missing or rejected token into one line on stderr.
"""

from __future__ import annotations

import asyncio
import functools
import logging
import os
import secrets
import sys
from typing import Any

from telegram import (
    BotCommand,
    BotCommandScopeAllGroupChats,
    BotCommandScopeChat,
    LinkPreviewOptions,
    Update,
)
from telegram.constants import ParseMode
from telegram.error import InvalidToken, NetworkError, TelegramError
from telegram.ext import (
    AIORateLimiter,
    Application,
    ApplicationBuilder,
    CallbackQueryHandler,
    CommandHandler,
    Defaults,
    InlineQueryHandler,
    MessageHandler,
    TypeHandler,
    filters,
)
from telegram.request import BaseRequest

from bot import locales, webhook
from bot.delivery import RETRY, Backoff, RetryingLimiter
from bot.handlers import (
    admin,
    callbacks,
    documents,
    errors,
    groups,
    ignored,
    inline,
    quoting,
)
from bot.handlers import private as private_
from bot.locales import en
from bot.services import SERVICES, Services
from bot.settings import Settings
from bot.state import AsyncState
from retrieval.errors import QuotebotError
from retrieval.library import Library

logger = logging.getLogger(__name__)

AnyApplication = Application[Any, Any, Any, Any, Any, Any]

_GIVEN_LIBRARY = "given_library"  # bot_data key: a library handed to build_application
_SETTINGS = "settings"
RATE_LIMIT_RETRIES = 3  # times a request is retried after Telegram's RetryAfter (flood control)
# Telegram's flood limits: about 30 messages a second overall, 20 a minute in one group.
OVERALL_PER_SECOND = 30
GROUP_PER_MINUTE = 20
# The updates the bot asks Telegram for (edited messages arrive, and are not searched again;
# inline queries arrive once inline mode is switched on with @BotFather's /setinline).
ALLOWED_UPDATES = [
    Update.MESSAGE,
    Update.EDITED_MESSAGE,
    Update.CALLBACK_QUERY,
    Update.INLINE_QUERY,
]


def build_application(
    settings: Settings,
    library: Library | None = None,
    *,
    request: BaseRequest | None = None,
    rate_limit: bool = True,
    backoff: Backoff = RETRY,
) -> AnyApplication:
    """The bot's Application, not started. ``library``: use this one instead of opening one
    (it is then not closed at shutdown); ``request``: talk to the Bot API through this;
    ``rate_limit=False``: no pacing to Telegram's flood limits (for benchmarks offline);
    ``backoff``: how requests that fail for a moment (time-outs, 5xx) are retried."""
    # Opt in to python-telegram-bot's durations as timedelta (v22.2+): otherwise every RetryAfter
    # from flood control raises a deprecation warning. The bot reads no such duration itself.
    os.environ.setdefault("PTB_TIMEDELTA", "1")
    builder: ApplicationBuilder[Any, Any, Any, Any, Any, Any] = (
        ApplicationBuilder()
        .token(settings.token)
        .base_url(settings.bot_api_url)
        .base_file_url(settings.bot_file_url)
        .defaults(
            Defaults(
                parse_mode=ParseMode.HTML,
                link_preview_options=LinkPreviewOptions(is_disabled=True),
            )
        )
        .post_init(_post_init)
        .post_shutdown(_post_shutdown)
    )
    pacing = (
        AIORateLimiter(
            overall_max_rate=OVERALL_PER_SECOND,
            overall_time_period=1,
            group_max_rate=GROUP_PER_MINUTE,
            group_time_period=60,
            max_retries=RATE_LIMIT_RETRIES,
        )
        if rate_limit
        else None
    )
    builder = builder.rate_limiter(RetryingLimiter(pacing, backoff))
    if request is not None:
        builder = builder.request(request).get_updates_request(request)
    else:
        # On Ctrl-C the updater sends one last getUpdates to confirm what it handled while the
        # cancelled long poll may still hold the pool's only connection; a second one spares
        # that request a pool timeout (and the user a traceback in the log).
        builder = builder.get_updates_connection_pool_size(2)
    application = builder.build()
    application.bot_data[_SETTINGS] = settings
    application.bot_data[_GIVEN_LIBRARY] = library
    add_handlers(application)
    return application


# A private question edited after its answer is told that an edit is not searched (the answer to
# the first version stands); an edited command, or an edit in a group, gets nothing.
EDITED_QUESTION = (
    filters.ChatType.PRIVATE & filters.UpdateType.EDITED_MESSAGE & filters.TEXT & ~filters.COMMAND
)


# Each button's handler, by the letter its callback data starts with (see bot.buttons).
_PRESSES = {
    "m": callbacks.more_results,
    "f": callbacks.full_passage,
    "v": callbacks.vote,
    "x": callbacks.example,
    "p": callbacks.post_chosen,
    "l": callbacks.choose_language,
    "s": callbacks.sources_page,
}


def add_handlers(application: AnyApplication) -> None:
    """Wire every handler. Within the group the first matching handler wins, so order matters."""
    private = filters.ChatType.PRIVATE & filters.UpdateType.MESSAGE  # edits: EDITED_QUESTION
    group = filters.ChatType.GROUPS & filters.UpdateType.MESSAGE
    add = application.add_handler
    # Other bots are never answered (two bots answering each other would never stop).
    add(MessageHandler(ignored.FROM_BOT, ignored.ignore))
    # /ask and /quote work in private chats and groups alike (/ask@otherbot is not for us).
    add(CommandHandler("ask", groups.ask_command, filters=private | group))
    add(CommandHandler("quote", quoting.quote, filters=private | group))
    commands = {
        "start": private_.start,
        "help": private_.help_command,
        "sources": private_.sources,
        "more": private_.more,
        "reset": private_.reset,
        "language": private_.language,
        "remove": documents.remove,  # admin commands refuse (and log) anyone not an admin
        "stats": admin.stats,
    }
    for name, callback in commands.items():
        add(CommandHandler(name, callback, filters=private))
    # block=False: a reload takes a while, and other updates (questions) go on meanwhile. A file
    # sent in a private chat is an admin adding a document (before "only text is read").
    add(CommandHandler("reload", admin.reload, filters=private, block=False))
    add(MessageHandler(private & filters.Document.ALL, documents.upload, block=False))
    # After the known commands: any other /command is unknown, never a question; any other
    # text is a question; stickers, photos, voice...: only text is read. Service messages (a
    # pinned message, a member joining) are not from the user and get no reply.
    add(MessageHandler(private & filters.COMMAND, private_.unknown_command))
    add(MessageHandler(private & filters.TEXT, private_.question))
    add(MessageHandler(private & ~filters.TEXT & ~filters.StatusUpdate.ALL, private_.not_text))
    add(MessageHandler(EDITED_QUESTION, private_.edited))  # "not searched": send it anew
    # In groups the bot speaks only when spoken to: /help and /start, a text, caption or file
    # mentioning it or replying to it (files are added in private). Other chatter: nothing.
    add(CommandHandler(("help", "start"), groups.group_help, filters=group))
    add(MessageHandler(group & groups.BOT_JOINED, groups.group_help))  # the same, as it is added
    # "/sources@thisbot", "/reload@thisbot" in a group: they work only in the private chat.
    private_only = ("sources", "more", "reset", "language", "reload", "remove", "stats")
    add(CommandHandler(private_only, groups.private_only, filters=group & groups.COMMAND_TO_BOT))
    add(MessageHandler(group & (groups.TEXT_TO_BOT | groups.CAPTION_TO_BOT), groups.addressed))
    add(MessageHandler(group & groups.FILE_TO_BOT, groups.file_to_bot))
    add(InlineQueryHandler(inline.inline_query))  # @bot words, in any chat
    # Buttons, in any chat; data this bot never sent (or no longer knows) last. A press without
    # data (a game's) matches every pattern: each handler then says the button expired.
    for prefix, press in _PRESSES.items():
        add(CallbackQueryHandler(press, pattern=rf"^{prefix}:"))
    add(CallbackQueryHandler(documents.confirm, pattern=r"^c:", block=False))
    add(CallbackQueryHandler(callbacks.expired))
    # Whatever no handler above took (edits, channel posts, group chatter...): ignored, logged.
    add(TypeHandler(Update, ignored.ignore))
    application.add_error_handler(errors.on_error)


async def _post_init(application: AnyApplication) -> None:
    """Open the library (indexing the corpus if needed) and the state; set the menus."""
    settings: Settings = application.bot_data[_SETTINGS]
    given: Library | None = application.bot_data[_GIVEN_LIBRARY]
    library = given if given is not None else await _open_library(settings)
    try:
        state = await AsyncState.open(settings.db_path)
    except Exception:
        if given is None:
            library.close()
        raise
    application.bot_data[SERVICES] = Services(settings, library, state, owns_library=given is None)
    await _set_menus(application, settings)
    mode = f"webhook {settings.webhook_url}" if settings.webhook_url else "long polling"
    logger.info("bot @%s started (%s); Ctrl-C stops it", application.bot.username, mode)


async def _open_library(settings: Settings) -> Library:
    """The library of the settings' corpus and database, a damaged database set aside."""
    library = await asyncio.to_thread(
        functools.partial(Library.open, settings.db_path, settings.corpus_dir, recover=True)
    )
    if library.damaged is not None:
        logger.warning(
            "the conversations, query log and feedback kept in the damaged database are "
            "lost to the bot: it starts afresh (the damaged file is kept at %s)",
            library.damaged,
        )
    elif library.was_new:
        logger.info(
            "new database %s: the corpus was indexed from %s; no conversations, query log "
            "or feedback from before are in it",
            settings.db_path,
            settings.corpus_dir,
        )
    return library


def _menu(commands: tuple[tuple[str, str], ...]) -> list[BotCommand]:
    return [BotCommand(command, description) for command, description in commands]


async def _set_menus(application: AnyApplication, settings: Settings) -> None:
    """The commands menu, in private chats and groups, in each language the bot speaks (a
    user's Telegram app shows the one of its language, else the English one); each admin's
    private chat gets the admin commands too (nobody else ever sees them), in each language as
    well: a menu for one chat wins over every language's menu for all, so an English one alone
    showed an admin whose app is in Russian every command in English."""
    bot = application.bot
    languages = [
        (None if code == locales.DEFAULT else code, t) for code, t in locales.available().items()
    ]
    for language, t in languages:
        await bot.set_my_commands(_menu(t.COMMANDS), language_code=language)
        await bot.set_my_commands(
            _menu(t.GROUP_COMMANDS), scope=BotCommandScopeAllGroupChats(), language_code=language
        )
    admin_menus = [(language, _menu((*t.COMMANDS, *t.ADMIN_COMMANDS))) for language, t in languages]
    for admin_id in sorted(settings.admin_user_ids):
        try:
            for language, menu in admin_menus:  # English first: it fails alone for an unknown chat
                await bot.set_my_commands(
                    menu, scope=BotCommandScopeChat(admin_id), language_code=language
                )
        except TelegramError as error:  # "chat not found": this admin never started the bot
            logger.warning("no admin commands menu for user %s: %s", admin_id, error)


async def _post_shutdown(application: AnyApplication) -> None:
    """Close what post_init opened (nothing, if start-up failed before it)."""
    services = application.bot_data.pop(SERVICES, None)
    if not isinstance(services, Services):
        return
    await services.state.close()
    if services.owns_library:
        services.library.close()


class RedactingFormatter(logging.Formatter):
    """A formatter that replaces the secrets (the bot token) wherever they would appear."""

    def __init__(self, fmt: str, secrets_: tuple[str, ...]) -> None:
        super().__init__(fmt)
        self.secrets = tuple(secret for secret in secrets_ if secret)

    def format(self, record: logging.LogRecord) -> str:
        text = super().format(record)
        for secret in self.secrets:
            text = text.replace(secret, "<redacted>")
        return text


def _not_reported_by_run_bot(record: logging.LogRecord) -> bool:
    """Drop python-telegram-bot's tracebacks for a rejected token or an unreachable Bot API at
    start-up: :func:`run_bot` says those in one line. Later network trouble is still logged."""
    error = record.exc_info[1] if record.exc_info else None
    if isinstance(error, InvalidToken):
        return False
    return not (isinstance(error, NetworkError) and "Bootstrap" in record.getMessage())


def configure_logging(settings: Settings, secrets_: tuple[str, ...] = ()) -> None:
    """Log to stderr at the configured level, never showing the token or the webhook secret."""
    handler = logging.StreamHandler()
    handler.addFilter(_not_reported_by_run_bot)
    handler.setFormatter(
        RedactingFormatter(
            "%(asctime)s %(levelname)s %(name)s: %(message)s",
            (settings.token, settings.webhook_secret, *secrets_),
        )
    )
    root = logging.getLogger()
    for old in [h for h in root.handlers if isinstance(h.formatter, RedactingFormatter)]:
        root.removeHandler(old)
    root.addHandler(handler)
    root.setLevel(settings.log_level)
    # httpx logs every request URL at INFO, and the URL holds the token.
    logging.getLogger("httpx").setLevel(logging.WARNING)


def run_bot(settings: Settings) -> int:
    """Run the bot until Ctrl-C or SIGTERM; the exit code (1 and one line on stderr on failure)."""
    if not settings.has_token:
        print(en.CONSOLE_NO_TOKEN, file=sys.stderr)
        return 1
    # Without a configured secret, a new one each start: Telegram learns it from setWebhook.
    secret = settings.webhook_secret or secrets.token_urlsafe(32)
    configure_logging(settings, (secret,))
    application = build_application(settings)
    try:
        if settings.webhook_url:
            webhook.install()
            application.run_webhook(
                listen=settings.webhook_listen,
                port=settings.webhook_port,
                url_path=settings.webhook_path,
                webhook_url=settings.webhook_url,
                secret_token=secret,
                allowed_updates=ALLOWED_UPDATES,
            )
        else:
            application.run_polling(allowed_updates=ALLOWED_UPDATES)
    except InvalidToken:
        print(en.CONSOLE_TOKEN_REJECTED, file=sys.stderr)
        return 1
    except NetworkError as error:
        reason = str(error).replace(settings.token, "<redacted>")
        api = settings.bot_api_url.replace(settings.token, "<redacted>")
        print(en.CONSOLE_NETWORK.format(url=api, reason=reason), file=sys.stderr)
        return 1
    except (QuotebotError, OSError) as error:  # no corpus, unusable database, port taken
        print(en.CONSOLE_SETUP.format(reason=error), file=sys.stderr)
        return 1
    return 0
