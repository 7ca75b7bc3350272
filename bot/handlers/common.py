"""What several handlers do: pick the user's language, answer a question, show a page of further
results, show or post a passage, and read what a message asks.

Searching is CPU work, so every library call runs in a worker thread (``asyncio.to_thread``);
the state is awaited through :class:`bot.state.AsyncState`, whose writes never hold up a reply.
The event loop stays free.

In groups the bot speaks only when asked, keeps answers short (the full one is a deep link into
the private chat), replies to the message that asked (in its forum topic), and sends no
"typing": every request to a group counts against Telegram's limit of about 20 messages a minute
per group.
"""

from __future__ import annotations

import asyncio
import logging
import re
import time
from collections.abc import Callable
from dataclasses import dataclass, replace

from telegram import Chat, InlineKeyboardMarkup, Message, MessageEntity, Update
from telegram.constants import ChatAction, ChatType
from telegram.error import TelegramError
from telegram.ext import ContextTypes

from bot import buttons, locales
from bot.errors import StateError
from bot.locales import Strings
from bot.render.answers import (
    SHOWN_QUESTION,
    answer_reply,
    group_answer_reply,
    page_reply,
    refused,
)
from bot.render.html import Reply, echo
from bot.render.passages import passage_messages, quote_post
from bot.services import Services, services_of
from bot.state import SavedSearch
from bot.terminal import conversation_after
from retrieval.errors import (
    NoSearchableWordsError,
    NothingNamedError,
    QuestionError,
    QuestionTooLongError,
)
from retrieval.model import Answer, Document, Passage, document_key_of
from retrieval.paragraphs import paragraph_shown
from retrieval.search.followups import Conversation

logger = logging.getLogger(__name__)

PAGE_SIZE = 3  # passages per reply: the best one quoted and two more as lines; 3 per page after
clock = time.time  # what "now" is for conversations (a test lets half an hour pass at once)


def services(context: ContextTypes.DEFAULT_TYPE) -> Services:
    return services_of(context.bot_data)


async def texts(update: Update, context: ContextTypes.DEFAULT_TYPE) -> Strings:
    """The user's strings: the language chosen with /language, else their Telegram app's."""
    user = update.effective_user
    if user is None:
        return locales.strings(None)
    chosen = await services(context).state.language(user.id)
    return locales.strings(chosen or user.language_code)


async def example_questions(update: Update, context: ContextTypes.DEFAULT_TYPE) -> list[str]:
    """The /start examples for this user: in their language, about its documents first. To
    documents none of which is in their language, in the documents' own (a Spanish reader's
    "¿Qué hay sobre «The mime.cache files»?" to English documents was answered "ask in
    English": the bot told the reader off for its own suggestion)."""
    t = await texts(update, context)
    library = services(context).library
    written = await asyncio.to_thread(library.languages)
    spoken = [code for code in written if code in locales.available()]
    if spoken and locales.code_of(t) not in written:  # the first the bot has words for
        t = locales.strings(spoken[0])
    return await asyncio.to_thread(library.example_questions, locales.code_of(t), t.EXAMPLE_ABOUT)


def in_group(chat: Chat) -> bool:
    """A group or supergroup (channels never reach the handlers)."""
    return chat.type in {ChatType.GROUP, ChatType.SUPERGROUP}


def topic_of(message: Message | None) -> int | None:
    """The forum topic ``message`` was posted in: where the bot's reply to it belongs."""
    if message is None or not message.is_topic_message:
        return None
    return message.message_thread_id


async def send(
    context: ContextTypes.DEFAULT_TYPE,
    chat: Chat,
    text: str,
    reply_markup: InlineKeyboardMarkup | None = None,
    *,
    reply_to: Message | None = None,
    topic: int | None = None,
) -> Message:
    """Send ``text`` to ``chat``, in the forum topic of ``reply_to`` (or ``topic``); in a group
    as a reply to ``reply_to`` (even if it was deleted meanwhile), so everyone sees whose
    message it answers."""
    thread = topic_of(reply_to) or topic
    if reply_to is not None and in_group(chat):
        return await reply_to.reply_text(
            text,
            reply_markup=reply_markup,
            do_quote=True,
            allow_sending_without_reply=True,
            message_thread_id=thread,
        )
    return await context.bot.send_message(
        chat.id, text, reply_markup=reply_markup, message_thread_id=thread
    )


async def typing(context: ContextTypes.DEFAULT_TYPE, chat_id: int) -> None:
    """Show "typing…" in the chat; if Telegram cannot be told, answer all the same."""
    try:
        await context.bot.send_chat_action(chat_id, ChatAction.TYPING)
    except TelegramError as error:
        logger.info("could not show typing in chat %s: %s", chat_id, error)


# What a message asks ------------------------------------------------------------------------


def without_mention(text: str, bot_username: str | None) -> str:
    """``text`` without ``@bot_username`` (any case), spaces tidied, and no space left where
    it stood before punctuation ("what is the SCO @bot?" → "what is the SCO?"; a French "… @bot
    ?" keeps its space) nor punctuation that only followed it at the start ("@bot, what…")."""
    if bot_username:
        name = rf"(?<![\w@])@{re.escape(bot_username)}\b"
        text = re.sub(rf"^\s*{name}[\s,:;]*", "", text, flags=re.IGNORECASE)
        text = re.sub(rf"\s*{name}(?=[^\w\s])", "", text, flags=re.IGNORECASE)
        text = re.sub(name, " ", text, flags=re.IGNORECASE)
    return " ".join(text.split())


def command_text(message: Message) -> str:
    """What follows ``/command`` or ``/command@bot`` in ``message``, without the bot's @name."""
    text = message.text or ""
    if text.startswith("/"):
        parts = text.split(maxsplit=1)
        text = parts[1] if len(parts) > 1 else ""
    return without_mention(text, message.get_bot().username)


def mentions_bot(message: Message) -> bool:
    """True when ``message`` (its text, or the caption of its file or photo) mentions this bot
    by its @username."""
    name = "@" + message.get_bot().username.lower()
    mention: list[str | None] = [MessageEntity.MENTION]
    mentioned = [*message.parse_entities(mention).values()]
    mentioned += message.parse_caption_entities(mention).values()
    return any(text.lower() == name for text in mentioned)


def replies_to_bot(message: Message) -> bool:
    """True when ``message`` replies to one of this bot's own messages."""
    replied = message.reply_to_message
    return (
        replied is not None
        and replied.from_user is not None
        and replied.from_user.id == message.get_bot().id
    )


def replied_words(message: Message) -> str:
    """The words of the message ``message`` replies to: only the part quoted, if a part was."""
    if message.quote is not None:
        return message.quote.text
    replied = message.reply_to_message
    if replied is None:
        return ""
    return replied.text or replied.caption or ""


@dataclass(frozen=True)
class Thread:
    """What a reply to one of the bot's messages follows up on, and whether that was declined."""

    conversation: Conversation
    declined: bool = False


async def thread_of(message: Message | None, svc: Services, now: float) -> Thread | None:
    """The conversation a reply to one of the bot's messages continues: an answer's question,
    whoever asked it; a /quote post's subject (its words, else the passage's heading). None when
    ``message`` replies to no message of the bot's it remembers."""
    if message is None or message.reply_to_message is None or not replies_to_bot(message):
        return None
    replied = message.chat_id, message.reply_to_message.message_id
    saved = await svc.state.answered_by(*replied)
    if saved is not None and was_refused(saved):
        return Thread(Conversation())  # a reply to "ask in Spanish": a question of its own
    if saved is None:
        subject = await svc.state.post_subject(*replied)
        return Thread(Conversation((subject,), now)) if subject else None
    return Thread(remembered(saved, now), declined=not saved.answered)


def remembered(saved: SavedSearch, now: float) -> Conversation:
    """The conversation ``saved`` leaves: its earlier questions, then it as the conversation
    remembers it, a step through a document as the question it stands for ("et l'article
    suivant ?" after "Que dit l'article 96 ?" is "Que dit l'article 97 ?", so a reply "next"
    under that answer asks article 98, not 97 again)."""
    earlier = tuple(saved.context.splitlines()) if saved.context else ()
    return Conversation(earlier, now).after(saved.question, saved.context, now)


def was_refused(saved: SavedSearch) -> bool:
    """Whether ``saved`` was only told which languages to ask in (see
    :func:`bot.render.answers.refused`): no ranking a number opens, no subject to follow."""
    return saved.foreign is not None and saved.total == 0 and not saved.shown


def asked_in(saved: SavedSearch, now: float) -> Thread:
    """The conversation ``saved`` was asked in, so asking it again reads it the same way (a
    follow-up declined stays declined)."""
    history = (saved.context,) if saved.context else ()
    return Thread(Conversation(history, now), declined=not saved.answered)


# Answering ----------------------------------------------------------------------------------

# Where the next page of /sources starts, in a chat's data (``context.chat_data``) while /more
# goes on with the list: until a question is asked, as in the terminal chat.
SOURCES_NEXT = "sources_next"
# The search whose page of results a button showed last, in a chat's data: "more" typed next
# goes on with that page (it paged the last question asked instead), until a question is asked
# or another answer is paged (by a reply under it).
PAGED = "paged_search"


async def ask(
    update: Update,
    context: ContextTypes.DEFAULT_TYPE,
    question: str,
    *,
    echo: bool = False,
    thread: Thread | None = None,
) -> None:
    """Answer ``question`` in the update's chat, as a follow-up when it reads as one, and log it.

    ``echo`` repeats the question at the top of the reply (for questions asked by a button or
    taken from another message). The question follows up on ``thread`` if given, else on the
    message of the bot's the user's message replies to, else on the user's own conversation in
    this chat; a follow-up to a declined question is declined too unless answered outright.
    In a group the answer is short, with a button to the full one in the private chat.
    """
    chat, user = update.effective_chat, update.effective_user
    if chat is None or user is None:
        return
    svc, t = services(context), await texts(update, context)
    if context.chat_data is not None:
        context.chat_data.pop(SOURCES_NEXT, None)  # /more pages this question now
        context.chat_data.pop(PAGED, None)
    if not in_group(chat):
        await typing(context, chat.id)
    now = clock()
    if thread is None:
        thread = await _conversation(update, svc, chat.id, user.id, now)
    conversation = thread.conversation
    follows = conversation.context_for(question, now=now, idle_seconds=svc.idle_seconds)
    started = time.perf_counter()
    try:
        answer = await asyncio.to_thread(svc.library.answer, question, context=follows, k=PAGE_SIZE)
    except QuestionError as error:
        await send(context, chat, question_problem(error, t), reply_to=update.message)
        return
    if follows and thread.declined:
        answer = declined_too(answer)
    ms = round((time.perf_counter() - started) * 1000)
    documents = await documents_of(svc)
    reply = _reply(answer, in_group(chat), context.bot.username, follows, echo, t, documents)
    shown = [hit.passage.id for hit in answer.hits[: reply.shown]]
    saved = svc.state.log_query(
        asked_at=now, chat_id=chat.id, chat_type=chat.type, user_id=user.id, question=question,
        context=follows, query=answer.query, shown=shown, answered=answer.answered,
        total=answer.total, ms=ms, hedged=answer.outcome == "hedged",
        foreign=answer.language if answer.foreign else None,
    )  # fmt: skip
    # Refused for its language, it is no subject ("0" after it was "no result 0 for «データ…»").
    after = (
        Conversation()
        if refused(answer)
        else conversation_after(conversation, question, follows, now, answer.language)
    )
    svc.state.save_conversation(chat.id, user.id, after.to_json(), now=now)
    verdict = "answered" if answer.answered else "declined"
    logger.info("question in %s chat: %s, %d shown, %d ms", chat.type, verdict, len(shown), ms)
    markup = _answer_markup(saved, answer, reply, in_group(chat), context.bot.username, t)
    sent = await send(context, chat, reply.text, markup, reply_to=update.message)
    svc.state.remember_answer(chat.id, sent.message_id, saved.key)


def declined_too(answer: Answer) -> Answer:
    """A follow-up to a declined question ("and in London?" after the weather in Paris), hedged:
    declined as well. What it leans on found nothing, and a passage that may not answer, found
    much by that question's words, would contradict that. Answered outright, it stands."""
    if answer.outcome != "hedged":
        return answer
    return replace(answer, answered=False, outcome="declined")


async def _conversation(
    update: Update, svc: Services, chat_id: int, user_id: int, now: float
) -> Thread:
    """What a question follows up on: the message of the bot's it replies to, else the user's
    conversation (declined when the last question of it was)."""
    replied = await thread_of(update.message, svc, now)
    if replied is not None:
        return replied
    stored = await svc.state.load_conversation(
        chat_id, user_id, now=now, idle_seconds=svc.idle_seconds
    )
    conversation = Conversation.from_json(stored) if stored else Conversation()
    if not conversation.history:
        return Thread(conversation)
    last = await svc.state.latest_search(chat_id, user_id)
    declined = (
        last is not None
        and not last.answered
        and remembered(last, now).history[-1] == conversation.history[-1]
    )
    return Thread(conversation, declined)


def _reply(
    answer: Answer,
    group: bool,
    bot: str | None,
    follows: str | None,
    echo: bool,
    t: Strings,
    documents: dict[str, Document],
) -> Reply:
    render = group_answer_reply if group else answer_reply
    return render(answer, bot_username=bot, context=follows, echo=echo, t=t, documents=documents)


async def conversation_going(svc: Services, chat_id: int, user_id: int) -> bool:
    """Whether the user's conversation in this chat goes on: not reset, not idle past the
    idle time (a bare "2" opens a result of it; after, it is a question again)."""
    going = await svc.state.load_conversation(
        chat_id, user_id, now=clock(), idle_seconds=svc.idle_seconds
    )
    return bool(going)


async def documents_of(svc: Services) -> dict[str, Document]:
    """The documents by file name: where a citation finds its document's date and source."""
    documents = await asyncio.to_thread(svc.library.documents)
    return {document.doc: document for document in documents}


def _answer_markup(
    saved: SavedSearch, answer: Answer, reply: Reply, group: bool, bot: str | None, t: Strings
) -> InlineKeyboardMarkup | None:
    """In a group: the button to the full answer (none when no passage was found: "Closest
    passages" opened "No passage even mentions these words"); in private: Full passage, More,
    👍 👎."""
    if group:
        found = bool(answer.hits)
        return group_answer_keyboard(saved.key, bool(reply.shown), bot, t) if found else None
    more = reply.shown if answer.total > reply.shown else None
    top = saved.shown[0] if saved.shown else None
    return buttons.answer_keyboard(saved.key, top, more, t)


def group_answer_keyboard(
    key: str, answered: bool, bot: str | None, t: Strings
) -> InlineKeyboardMarkup | None:
    """The button under a group's answer to its full answer and further results in the private
    chat ("Closest passages" under a declined one); none without the bot's username."""
    label = t.BUTTON_FULL_ANSWER if answered else t.BUTTON_CLOSEST
    return buttons.link_keyboard(label, buttons.answer_link(bot, key))


def question_problem(error: QuestionError, t: Strings = locales.en) -> str:
    """What to tell the user about a question the library cannot search."""
    if isinstance(error, QuestionTooLongError):
        return str(t.QUESTION_TOO_LONG.format(length=error.length, limit=error.limit))
    if isinstance(error, NothingNamedError):
        return str(t.NOTHING_NAMED)
    if isinstance(error, NoSearchableWordsError):
        return str(t.ONLY_COMMON_WORDS)
    return str(t.EMPTY_QUESTION)  # EmptyQuestionError: no words at all


async def show_page(
    update: Update,
    context: ContextTypes.DEFAULT_TYPE,
    saved: SavedSearch,
    offset: int,
    *,
    pressed: bool = False,
) -> None:
    """Send the page of ``saved``'s ranking from ``offset`` on (same question, same order);
    ``pressed``: by its More results button, after which "more" typed goes on with it."""
    chat = update.effective_chat
    if chat is None:
        return
    svc, t = services(context), await texts(update, context)
    await typing(context, chat.id)
    answer = await asyncio.to_thread(
        svc.library.answer, saved.question, context=saved.context, k=PAGE_SIZE, offset=offset
    )
    gone = await asyncio.to_thread(_missing, svc, saved.shown)
    if not answer.hits:
        # A page past the end of a ranking that had more when asked: a reload took those
        # results away ("That was everything" said the search had found no more).
        shrank = gone > 0 or answer.total < saved.total
        said = t.NO_MORE_SINCE_RELOAD if shrank else t.NO_MORE_RESULTS
        await context.bot.send_message(
            chat.id, said.format(question=echo(saved.question, SHOWN_QUESTION))
        )
        return
    if gone:
        logger.info("%d passages of search %s are gone: the corpus was reloaded", gone, saved.key)
    reply = page_reply(
        answer,
        question=saved.question,
        context=saved.context,
        bot_username=context.bot.username,
        corpus_changed=gone > 0,
        t=t,
        documents=await documents_of(svc),
    )
    hits = answer.hits[: max(reply.shown, 1)]  # never 0, or "More results" would stand still
    end = offset + len(hits)
    svc.state.record_page(saved.key, [hit.passage.id for hit in hits], end)
    keyboard = buttons.page_keyboard(
        saved.key,
        [(hit.rank, hit.passage.id) for hit in hits],
        end if answer.total > end else None,
        t,
    )
    sent = await context.bot.send_message(chat.id, reply.text, reply_markup=keyboard)
    if context.chat_data is not None:
        context.chat_data.pop(SOURCES_NEXT, None)
        if pressed:  # "more" typed next goes on from this page
            context.chat_data[PAGED] = saved.key
        elif context.chat_data.get(PAGED) != saved.key:  # another answer paged by a reply
            context.chat_data.pop(PAGED, None)
    # A reply to the page ("more", "5", a follow-up) is about its question, as one to the answer
    # is: "more" under a page of an earlier question paged the last question.
    svc.state.remember_answer(chat.id, sent.message_id, saved.key)


def ranked_result(svc: Services, saved: SavedSearch, rank: int) -> tuple[Passage | None, int]:
    """Result ``rank`` of ``saved``'s ranking, shown already or found again (same question,
    same order, as its More results pages are), and how many results the ranking has; none
    for "0", which names no result."""
    if rank < 1:  # counted as past the last result is ("999"): without the repeats left out
        found = svc.library.answer(saved.question, context=saved.context, k=1, offset=saved.total)
        return None, found.total
    if rank <= len(saved.shown):
        return svc.library.passage(saved.shown[rank - 1]), saved.total
    found = svc.library.answer(saved.question, context=saved.context, k=1, offset=rank - 1)
    return (found.hits[0].passage if found.hits else None), found.total


async def no_such_result(
    update: Update, context: ContextTypes.DEFAULT_TYPE, saved: SavedSearch, rank: int, total: int
) -> str:
    """The line for a result number past ``saved``'s ranking ("7" after a search that found
    two): how many results there are, in the user's language."""
    t = await texts(update, context)
    question = echo(saved.question, SHOWN_QUESTION)
    return str(t.NO_SUCH_RESULT.format(rank=rank, question=question, found=t.passages(total)))


def _missing(svc: Services, passage_ids: tuple[str, ...]) -> int:
    """How many of these passages the library no longer has (runs in a worker thread)."""
    return sum(1 for passage_id in passage_ids if svc.library.passage(passage_id) is None)


async def show_passage(
    update: Update, context: ContextTypes.DEFAULT_TYPE, passage_id: str, *, link: bool = False
) -> None:
    """Send one passage in full, or say that it is gone since the corpus was reloaded; for a
    deep ``link`` (which anyone can type), that only when it was one of the bot's passages."""
    chat = update.effective_chat
    if chat is None:
        return
    svc, t = services(context), await texts(update, context)
    library = svc.library
    passage = await asyncio.to_thread(library.passage, passage_id)
    if passage is None:
        said = t.PASSAGE_GONE
        if link:
            said = t.LINK_GONE if await was_a_passage(svc, passage_id) else t.BAD_DEEP_LINK
        await context.bot.send_message(chat.id, said)
        return
    # "Full passage" is the whole paragraph, when a long one was cut into several passages;
    # one too long to show whole is shown a part at a time, with buttons to the others.
    shown, beside = await asyncio.to_thread(_paragraph_shown, passage, library.passage)
    document = (await documents_of(svc)).get(shown.doc)
    bot = context.bot.username
    *texts_, last = passage_messages(shown, bot_username=bot, document=document, t=t)
    for text in texts_:
        await context.bot.send_message(chat.id, text)  # a paragraph too long for one goes on
    await context.bot.send_message(chat.id, last, reply_markup=buttons.parts_keyboard(*beside, t))


def _paragraph_shown(
    passage: Passage, lookup: Callable[[str], Passage | None]
) -> tuple[Passage, tuple[tuple[int, str] | None, tuple[int, str] | None]]:
    """What "Full passage" shows of ``passage`` (:func:`whole_paragraph`) and the parts of its
    paragraph before and after that (number, id), when it is too long to show whole."""
    shown, before, after = paragraph_shown(passage, lookup)
    return shown, (
        (before.part[0], before.id) if before is not None and before.part else None,
        (after.part[0], after.id) if after is not None and after.part else None,
    )


PASSAGE_ID = re.compile(r"[A-Za-z0-9_]+-[0-9]+")  # a document's key, "-", an ordinal


async def was_a_passage(svc: Services, passage_id: str) -> bool:
    """Whether ``passage_id``, which the corpus no longer has, was one of its passages: an id
    of the bot's form, of a document still indexed (that has fewer passages now) or shown for a
    logged question (a document removed since)."""
    if not PASSAGE_ID.fullmatch(passage_id):
        return False
    key = document_key_of(passage_id)
    documents = (await documents_of(svc)).values()
    if any(d.key == key for d in documents):
        return True
    try:
        return await svc.state.ever_shown(passage_id)
    except StateError:  # the query log unreadable: the link is not known to have been one
        return False


async def post_passage(
    update: Update,
    context: ContextTypes.DEFAULT_TYPE,
    passage: Passage,
    *,
    reply_to: Message | None = None,
    topic: int | None = None,
    subject: str | None = None,
) -> None:
    """Post ``passage`` whole for discussion, with its citation; in a group with a button that
    opens it in the private chat. A reply to the post follows up on ``subject`` (the words it
    was found by), else on the passage's section, else its document's title."""
    chat = update.effective_chat
    if chat is None:
        return
    bot_username, t = context.bot.username, await texts(update, context)
    group = in_group(chat)
    markup = buttons.open_passage_keyboard(bot_username, passage.id, t) if group else None
    document = (await documents_of(services(context))).get(passage.doc)
    text = quote_post(passage, bot_username=bot_username, t=t, document=document)
    sent = await send(context, chat, text, markup, reply_to=reply_to, topic=topic)
    about = subject or passage.section or passage.title
    services(context).state.remember_post(chat.id, sent.message_id, about, now=clock())
