"""Inline keyboards, the callback data their buttons carry, and the bot's deep links.

Telegram allows 64 bytes of callback data, so a button never carries a question: it carries the
short key of the logged question (:mod:`bot.state`), a passage id (at most 50 characters), or a
small number. The formats, one letter then fields separated by ``:``:

    m:<key>:<offset>   "More results": the page of the ranking that starts at ``offset``
    f:<passage id>     "Full passage" / "📖 n": show that passage in full; "◀ Part 1" /
                       "Part 3 ▶" under a part of a paragraph too long to show whole: that part
    v:<key>:+ | v:<key>:-   👍 / 👎 on the logged question
    x:<n>              the n-th example question of /start
    p:<passage id>[:<asker>]   one of the passages /quote offers: post it in the chat (only
                       the asker, a user id in base 36, may choose)
    c:<key>:y | c:<key>:n   Yes / No to an admin's pending change (replace or remove a document)
    l:<code> | l:           /language: answer in that language, or as the Telegram app says
    s:<start>          the page of /sources that starts at item ``start``

Deep links ``https://t.me/<bot>?start=<parameter>`` open a private chat with the bot and send it
``/start <parameter>`` (at most 64 characters of ``A-Z a-z 0-9 _ -``):

    p_<passage id>     that passage in full (every quoted passage links to itself this way)
    q_<key>            the full answer, with More results, to a question asked in a group
    help               how to use the bot (the hint of an empty inline query)
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from bot.locales import Strings, en

if TYPE_CHECKING:
    from telegram import CallbackQuery, InlineKeyboardButton, InlineKeyboardMarkup

# Telegram is imported where a keyboard is made, not with this module: the answers' links use
# it in the terminal too, where importing Telegram took a third of a second of every one-shot
# ``quotebot ask``.
CALLBACK_LIMIT = 64  # bytes (InlineKeyboardButtonLimit.MAX_CALLBACK_DATA, which a test compares)
START_LIMIT = 64  # characters of a deep link's start parameter (create_deep_linked_url checks)
START_PASSAGE = "p_"
START_ANSWER = "q_"
START_HELP = "help"
LABEL_LIMIT = 60  # characters of a button label that show without being cut on a phone


@dataclass(frozen=True)
class MorePress:
    key: str
    offset: int


@dataclass(frozen=True)
class FullPress:
    passage_id: str


@dataclass(frozen=True)
class VotePress:
    key: str
    good: bool


@dataclass(frozen=True)
class ExamplePress:
    index: int


@dataclass(frozen=True)
class PostPress:
    passage_id: str
    asker: int | None = None  # who asked /quote, the one who may choose (None: anyone, as before)


@dataclass(frozen=True)
class ConfirmPress:
    key: str
    yes: bool


@dataclass(frozen=True)
class LanguagePress:
    language: str | None  # None: as the Telegram app says


@dataclass(frozen=True)
class SourcesPress:
    start: int


Press = (
    MorePress
    | FullPress
    | VotePress
    | ExamplePress
    | PostPress
    | ConfirmPress
    | LanguagePress
    | SourcesPress
)


def more_data(key: str, offset: int) -> str:
    return _checked(f"m:{key}:{offset}")


def full_data(passage_id: str) -> str:
    return _checked(f"f:{passage_id}")


def vote_data(key: str, good: bool) -> str:
    return _checked(f"v:{key}:{'+' if good else '-'}")


def example_data(index: int) -> str:
    return _checked(f"x:{index}")


def post_data(passage_id: str, asker: int | None = None) -> str:
    return _checked(f"p:{passage_id}" + ("" if asker is None else f":{_base36(asker)}"))


def _base36(number: int) -> str:
    """``number`` in base 36 ("-" first when negative): a user id in at most 11 characters."""
    digits, value = "", abs(number)
    while True:
        value, digit = divmod(value, 36)
        digits = "0123456789abcdefghijklmnopqrstuvwxyz"[digit] + digits
        if not value:
            return ("-" if number < 0 else "") + digits


def _post_press(rest: str) -> PostPress | None:
    passage_id, colon, asker = rest.partition(":")
    if not colon:
        return PostPress(passage_id)
    try:
        return PostPress(passage_id, int(asker, 36)) if passage_id and asker else None
    except ValueError:
        return None


def confirm_data(key: str, yes: bool) -> str:
    return _checked(f"c:{key}:{'y' if yes else 'n'}")


def language_data(language: str | None) -> str:
    return _checked(f"l:{language or ''}")


def sources_data(start: int) -> str:
    return _checked(f"s:{start}")


def _checked(data: str) -> str:
    if len(data.encode("utf-8")) > CALLBACK_LIMIT:
        raise ValueError(f"callback data longer than {CALLBACK_LIMIT} bytes: {data!r}")
    return data


def parse(data: str | None) -> Press | None:
    """The press a callback's data describes, or None for data this bot never sent."""
    kind, _, rest = (data or "").partition(":")
    if kind == "m":
        key, _, offset = rest.rpartition(":")
        if key and offset.isdigit():
            return MorePress(key, int(offset))
    elif kind == "f" and rest:
        return FullPress(rest)
    elif kind == "v":
        key, _, vote = rest.rpartition(":")
        if key and vote in {"+", "-"}:
            return VotePress(key, vote == "+")
    elif kind == "x" and rest.isdigit():
        return ExamplePress(int(rest))
    elif kind == "p" and rest:
        return _post_press(rest)
    elif kind == "c":
        key, _, answer = rest.rpartition(":")
        if key and answer in {"y", "n"}:
            return ConfirmPress(key, answer == "y")
    elif kind == "l" and (rest.isalpha() or not rest) and len(rest) <= 3:
        return LanguagePress(rest or None)
    elif kind == "s" and rest.isdigit():
        return SourcesPress(int(rest))
    return None


# Deep links ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class PassageLink:
    passage_id: str


@dataclass(frozen=True)
class AnswerLink:
    key: str


@dataclass(frozen=True)
class HelpLink:
    pass


StartLink = PassageLink | AnswerLink | HelpLink


def start_link(bot_username: str | None, parameter: str) -> str | None:
    """``https://t.me/<bot>?start=<parameter>``, or None when the bot's name is not known."""
    if not bot_username:
        return None
    from telegram.helpers import create_deep_linked_url

    return create_deep_linked_url(bot_username, parameter)  # ValueError for a bad parameter


def passage_link(bot_username: str | None, passage_id: str) -> str | None:
    """The deep link that opens this passage in a private chat with the bot."""
    return start_link(bot_username, START_PASSAGE + passage_id)


def answer_link(bot_username: str | None, key: str) -> str | None:
    """The deep link that opens the full answer to the logged question ``key``."""
    return start_link(bot_username, START_ANSWER + key)


# A bot's deep link as a user pastes it: "https://t.me/somebot?start=p_…", "t.me/…" or
# "tg://resolve?domain=somebot&start=p_…".
_LINK_START = re.compile(
    r"(?:https?://)?(?:t\.me|telegram\.me)/\w+/?\?(?:\S*&)?start=([\w-]+)\S*"
    r"|tg://resolve\?\S*?\bstart=([\w-]+)\S*",
    re.IGNORECASE,
)


def start_of_link(text: str) -> str | None:
    """The ``/start`` parameter of a deep link that is all of ``text`` (a passage's link pasted
    after /quote), else None."""
    found = _LINK_START.fullmatch(text.strip())
    return None if found is None else found[1] or found[2]


def parse_start(parameter: str | None) -> StartLink | None:
    """What a ``/start`` parameter asks for, or None for none or one this bot never links."""
    parameter = parameter or ""
    if parameter.startswith(START_PASSAGE) and len(parameter) > len(START_PASSAGE):
        return PassageLink(parameter.removeprefix(START_PASSAGE))
    if parameter.startswith(START_ANSWER) and len(parameter) > len(START_ANSWER):
        return AnswerLink(parameter.removeprefix(START_ANSWER))
    if parameter == START_HELP:
        return HelpLink()
    return None


def answer_keyboard(
    key: str, top_passage_id: str | None, next_offset: int | None, t: Strings = en
) -> InlineKeyboardMarkup:
    """Under an answer: Full passage, More results (when there are more), 👍, 👎."""
    first_row = []
    if top_passage_id is not None:
        first_row.append(_button(t.BUTTON_FULL, callback_data=full_data(top_passage_id)))
    if next_offset is not None:
        first_row.append(_button(t.BUTTON_MORE, callback_data=more_data(key, next_offset)))
    votes = [
        _button(t.BUTTON_GOOD, callback_data=vote_data(key, True)),
        _button(t.BUTTON_BAD, callback_data=vote_data(key, False)),
    ]
    return _markup([first_row, votes] if first_row else [votes])


def page_keyboard(
    key: str, passages: Sequence[tuple[int, str]], next_offset: int | None, t: Strings = en
) -> InlineKeyboardMarkup:
    """Under a further page: one "📖 rank" button per passage (rank, id), the number of its
    entry on the page (not its ¶), then More results."""
    rows = []
    opens = [
        _button(t.BUTTON_OPEN.format(rank=rank), callback_data=full_data(pid))
        for rank, pid in passages
    ]
    if opens:
        rows.append(opens)
    if next_offset is not None:
        rows.append([_button(t.BUTTON_MORE, callback_data=more_data(key, next_offset))])
    return _markup(rows)


def parts_keyboard(
    before: tuple[int, str] | None, after: tuple[int, str] | None, t: Strings = en
) -> InlineKeyboardMarkup | None:
    """Under a part of a paragraph too long to show whole: the parts before and after it
    (number, passage id), each shown as "Full passage" shows it; None at neither."""
    row = []
    if before is not None:
        row.append(
            _button(t.BUTTON_PART_BEFORE.format(part=before[0]), callback_data=full_data(before[1]))
        )
    if after is not None:
        row.append(
            _button(t.BUTTON_PART_AFTER.format(part=after[0]), callback_data=full_data(after[1]))
        )
    return _markup([row]) if row else None


def sources_keyboard(start: int, t: Strings = en) -> InlineKeyboardMarkup:
    """Under a page of /sources: the button to the next page, which starts at ``start``."""
    return _markup([[_button(t.BUTTON_SOURCES_MORE, callback_data=sources_data(start))]])


def link_keyboard(label: str, url: str | None) -> InlineKeyboardMarkup | None:
    """One button that opens ``url`` (a deep link into the private chat); None without a url."""
    if url is None:
        return None
    return _markup([[_button(label, url=url)]])


def open_passage_keyboard(
    bot_username: str | None, passage_id: str, t: Strings = en
) -> InlineKeyboardMarkup | None:
    """Under a passage posted in a group or by inline mode: a button back to the bot."""
    label = t.BUTTON_OPEN_PASSAGE.format(bot=bot_username)
    return link_keyboard(label, passage_link(bot_username, passage_id))


def choices_keyboard(
    choices: Sequence[tuple[str, str]], asker: int | None = None
) -> InlineKeyboardMarkup:
    """One button per passage /quote offers, (label, passage id), each posting that passage when
    ``asker`` (the user who asked) presses it."""
    return _markup(
        [
            [_button(_label(label), callback_data=post_data(passage_id, asker))]
            for label, passage_id in choices
        ]
    )


def examples_keyboard(examples: Sequence[str]) -> InlineKeyboardMarkup:
    """One button per example question of /start (labels cut to Telegram's comfortable width)."""
    return _markup(
        [
            [_button(example_label(example), callback_data=example_data(index))]
            for index, example in enumerate(examples)
        ]
    )


def example_label(example: str) -> str:
    """The label of an example question's button (what a press is matched against)."""
    return _label(example)


def message_buttons(message: object) -> list[InlineKeyboardButton]:
    """The buttons of ``message`` (one a button was pressed on), row by row; none when it is no
    longer there to read (too old) or has no keyboard."""
    from telegram import Message

    if not isinstance(message, Message) or message.reply_markup is None:
        return []
    return [button for row in message.reply_markup.inline_keyboard for button in row]


def pressed_label(query: CallbackQuery) -> str | None:
    """The label of the button ``query`` pressed, as its message shows it; None when the
    message is no longer there to read (too old) or has no such button."""
    labels = [b.text for b in message_buttons(query.message) if b.callback_data == query.data]
    return labels[0] if labels else None


def confirm_keyboard(key: str, yes: str, no: str) -> InlineKeyboardMarkup:
    """Yes and No to a pending change, side by side, labelled ``yes`` and ``no``."""
    return _markup(
        [
            [
                _button(yes, callback_data=confirm_data(key, True)),
                _button(no, callback_data=confirm_data(key, False)),
            ]
        ]
    )


def languages_keyboard(names: Sequence[tuple[str, str]], t: Strings = en) -> InlineKeyboardMarkup:
    """One button per language (code, name), then one to follow the Telegram app again."""
    rows = [[_button(name, callback_data=language_data(code))] for code, name in names]
    rows.append([_button(t.BUTTON_LANGUAGE_AUTO, callback_data=language_data(None))])
    return _markup(rows)


def _label(text: str, limit: int = LABEL_LIMIT) -> str:
    """``text`` cut between words to fit a phone's button ("…ANTIGUO…" read as a typo)."""
    if len(text) <= limit:
        return text
    head = text[: limit - 1]
    cut = head.rsplit(" ", 1)[0] if " " in head[limit // 2 :] else head
    return cut.rstrip(" ,;:«“(") + "…"


def _button(text: str, **kwargs: Any) -> InlineKeyboardButton:
    from telegram import InlineKeyboardButton

    return InlineKeyboardButton(text, **kwargs)


def _markup(rows: Sequence[Sequence[InlineKeyboardButton]]) -> InlineKeyboardMarkup:
    from telegram import InlineKeyboardMarkup

    return InlineKeyboardMarkup(rows)
