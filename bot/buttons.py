"""Inline keyboards and the callback data their buttons carry.

Telegram allows 64 bytes of callback data, so a button never carries a question: it carries the
short key of the logged question (:mod:`bot.state`), a passage id (at most 50 characters), or a
small number. The formats, one letter then fields separated by ``:``:

    m:<key>:<offset>   "More results": the page of the ranking that starts at ``offset``
    f:<passage id>     "Full passage" / "¶ n": show that passage in full
    v:<key>:+ | v:<key>:-   👍 / 👎 on the logged question
    x:<n>              the n-th example question of /start
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from bot import messages

CALLBACK_LIMIT = 64  # bytes, Telegram's limit for callback_data


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


Press = MorePress | FullPress | VotePress | ExamplePress


def more_data(key: str, offset: int) -> str:
    return _checked(f"m:{key}:{offset}")


def full_data(passage_id: str) -> str:
    return _checked(f"f:{passage_id}")


def vote_data(key: str, good: bool) -> str:
    return _checked(f"v:{key}:{'+' if good else '-'}")


def example_data(index: int) -> str:
    return _checked(f"x:{index}")


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
    return None


def answer_keyboard(
    key: str, top_passage_id: str | None, next_offset: int | None
) -> InlineKeyboardMarkup:
    """Under an answer: Full passage, More results (when there are more), 👍, 👎."""
    first_row = []
    if top_passage_id is not None:
        first_row.append(
            InlineKeyboardButton(messages.BUTTON_FULL, callback_data=full_data(top_passage_id))
        )
    if next_offset is not None:
        first_row.append(
            InlineKeyboardButton(messages.BUTTON_MORE, callback_data=more_data(key, next_offset))
        )
    votes = [
        InlineKeyboardButton(messages.BUTTON_GOOD, callback_data=vote_data(key, True)),
        InlineKeyboardButton(messages.BUTTON_BAD, callback_data=vote_data(key, False)),
    ]
    return InlineKeyboardMarkup([first_row, votes] if first_row else [votes])


def page_keyboard(
    key: str, passages: Sequence[tuple[int, str]], next_offset: int | None
) -> InlineKeyboardMarkup:
    """Under a further page: one "¶ rank" button per passage (rank, id), then More results."""
    rows = []
    opens = [
        InlineKeyboardButton(messages.BUTTON_OPEN.format(rank=rank), callback_data=full_data(pid))
        for rank, pid in passages
    ]
    if opens:
        rows.append(opens)
    if next_offset is not None:
        rows.append(
            [InlineKeyboardButton(messages.BUTTON_MORE, callback_data=more_data(key, next_offset))]
        )
    return InlineKeyboardMarkup(rows)


def examples_keyboard(examples: Sequence[str]) -> InlineKeyboardMarkup:
    """One button per example question of /start (labels cut to Telegram's comfortable width)."""
    return InlineKeyboardMarkup(
        [
            [InlineKeyboardButton(_label(example), callback_data=example_data(index))]
            for index, example in enumerate(examples)
        ]
    )


def _label(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
