"""``/sources`` in pages, as the terminal chat lists them: :data:`~bot.terminal.SOURCES_PAGE`
documents a message, then ``/more`` (or the button under the page) for the next, until a
question is asked. For an admin, the files the last reload did not read follow the documents:
counted on the first page, listed by ``/more`` after them (61 documents and 100 skipped files
came as four messages at once, and ``/more`` then said "Ask me a question first").
"""

from __future__ import annotations

import asyncio
import functools
import sys
from collections.abc import Sequence
from dataclasses import dataclass

from telegram import Update
from telegram.ext import ContextTypes

from bot import buttons
from bot.handlers.common import PAGED, SOURCES_NEXT, services, texts
from bot.locales import Strings
from bot.render.admin import LISTED_ONE_BY_ONE, skipped_headings, skipped_lines
from bot.render.html import TELEGRAM_LIMIT, tg_len
from bot.render.passages import sources_html
from bot.terminal import SOURCES_PAGE
from retrieval.model import Document, ReindexReport

ROOM = 400  # characters a page keeps for its closing lines (how many shown, where the rest is)


@dataclass(frozen=True)
class Listing:
    """What ``/sources`` lists: its header and a line per document; for an admin, the files
    the last reload skipped under their header (``skipped``: their lines, with the headings
    of their groups, ``headings``, among them)."""

    header: str
    documents: Sequence[str]
    skipped_header: str = ""
    skipped: Sequence[str] = ()
    headings: frozenset[str] = frozenset()

    @functools.cached_property  # read at every step of a page's loop
    def items(self) -> list[str]:
        """The documents, then the skipped files under their header: one list to page."""
        return [*self.documents, *([self.skipped_header, *self.skipped] if self.skipped else [])]

    def files(self, end: int | None = None) -> int:
        """How many skipped files the items before ``end`` (all of them: None) list."""
        listed = self.items[len(self.documents) + 1 : end]
        return sum(1 for item in listed if item not in self.headings)


def listing_of(
    documents: Sequence[Document], report: ReindexReport | None, admin: bool, t: Strings
) -> Listing:
    """The documents as ``/sources`` lists them (file names for an admin) and, for an admin,
    the files the last reload (``report``) did not read, each on its line."""
    header, *lines = sources_html(documents, file_names=admin, limit=sys.maxsize, t=t)[0].split(
        "\n"
    )
    skipped = skipped_lines(report, t) if admin and report is not None else []
    return Listing(header, lines, t.SOURCES_SKIPPED_HEADER, skipped, skipped_headings(t))


def page(
    listing: Listing, start: int, t: Strings, limit: int = TELEGRAM_LIMIT
) -> tuple[str, int | None]:
    """The message listing ``listing``'s items from ``start`` on (as many as fit, at most
    :data:`SOURCES_PAGE`), closed by how many were shown and how to see the rest, and where
    the next page starts (None: this was the last). The skipped files start a page of their
    own unless they are few and fit on this one (three files are listed, thirty counted)."""
    items, count = listing.items, len(listing.documents)
    start = start if 0 <= start < len(items) else 0  # the documents changed since: again
    lines = [listing.header] if start == 0 else []
    if start > count:  # the skipped files, on: under their header again, and their group's
        lines += [listing.skipped_header, *_group_going_on(listing, start, t)]
    end = start
    while end < len(items) and end - start < SOURCES_PAGE:
        if end == count and end > start and not _fits(listing, lines, end - start, limit):
            break  # the skipped files: counted here, listed by /more
        if end > start and tg_len("\n".join([*lines, items[end]])) > limit - ROOM:
            break
        lines += ["", items[end]] if end == count and end > start else [items[end]]
        end += 1
    while end < len(items) and end - 1 > start and _heading(listing, end - 1):
        end -= 1  # a heading (or the skipped files' header) goes with its files, on the next
        del lines[-2 if end == count else -1 :]  # the header: with the blank line before it
    lines += _closing(listing, start, end, t)
    return "\n".join(lines), (end if end < len(items) else None)


def _heading(listing: Listing, index: int) -> bool:
    """Whether item ``index`` heads what follows it: a group of skipped files, or all of them."""
    item = listing.items[index]
    return index >= len(listing.documents) and (
        item in listing.headings or index == len(listing.documents)
    )


def _group_going_on(listing: Listing, start: int, t: Strings) -> list[str]:
    """The heading of the group of skipped files a page starting at item ``start`` goes on
    with, said to go on ("Skipped (not indexed): (continued)"): else the reader of the page
    can't tell whether its files are served at their last good version, not indexed, or read
    only in part. None when the page starts with a heading."""
    items = listing.items
    if items[start] in listing.headings:
        return []
    before = reversed(items[len(listing.documents) + 1 : start])
    heading = next((item for item in before if item in listing.headings), None)
    return [] if heading is None else [t.SOURCES_GROUP_CONTINUED.format(heading=heading)]


def _fits(listing: Listing, lines: Sequence[str], shown: int, limit: int) -> bool:
    """Whether the skipped files are few (as a reload's report lists them one by one) and fit
    on a page of ``lines`` showing ``shown`` items so far."""
    rest = listing.items[len(listing.documents) :]
    if listing.files() > LISTED_ONE_BY_ONE or shown + len(rest) > SOURCES_PAGE:
        return False
    return tg_len("\n".join([*lines, "", *rest])) <= limit - ROOM


def _closing(listing: Listing, start: int, end: int, t: Strings) -> list[str]:
    """How many were shown and where the rest is: the documents' count while documents are
    left, the skipped files' count (on the first page) while those have not begun."""
    count, files = len(listing.documents), listing.files()
    lines = []
    if end < count:
        lines.append(t.SOURCES_MORE.format(shown=end, total=count))
    if files and end <= count and (start == 0 or end == count):
        lines.append(t.SOURCES_SKIPPED_COUNT.format(count=files))
    elif files and count < end < len(listing.items):
        lines.append(t.SOURCES_SKIPPED_MORE.format(shown=listing.files(end), total=files))
    return ["", *lines] if lines else []


async def show_sources(update: Update, context: ContextTypes.DEFAULT_TYPE, start: int) -> None:
    """Send the page of ``/sources`` from item ``start`` on, with a button to the next while
    there is one; ``/more`` (or "more") then sends that one, until a question is asked."""
    chat, user = update.effective_chat, update.effective_user
    if chat is None:
        return
    svc, t = services(context), await texts(update, context)
    admin = user is not None and svc.is_admin(user.id)
    documents = await asyncio.to_thread(svc.library.documents)
    text, following = page(listing_of(documents, svc.library.last_report, admin, t), start, t)
    if context.chat_data is not None:
        if following is None:
            context.chat_data.pop(SOURCES_NEXT, None)
        else:
            context.chat_data[SOURCES_NEXT] = following
            context.chat_data.pop(PAGED, None)  # /more lists the documents on now
    markup = None if following is None else buttons.sources_keyboard(following, t)
    await context.bot.send_message(chat.id, text, reply_markup=markup)
