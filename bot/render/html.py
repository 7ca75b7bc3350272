"""Telegram HTML primitives: escaping, length as Telegram counts it, and fitting into a message.

Every piece of document or user text is escaped; the only tags are the ones the renderers write
(``b``, ``i``, ``a``, ``code``, ``pre``, ``blockquote``, ``blockquote expandable``), always closed.
Length is counted the way Telegram limits it, in UTF-16 code units, on the HTML source, which is
never shorter than the text Telegram counts. A text too long is cut between words before it is
escaped, so a cut never falls inside a tag or an entity.
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

# Characters of one text message (telegram.constants.MessageLimit.MAX_TEXT_LENGTH, which a
# test compares): not imported, as importing Telegram took a third of a second of every
# one-shot ``quotebot ask`` that renders through this module.
TELEGRAM_LIMIT = 4096
ELLIPSIS = "…"


def plural(count: int, noun: str) -> str:
    """``1 paragraph``, ``2 paragraphs``."""
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


def decimal(value: float, mark: str = ".") -> str:
    """``value`` with one decimal, written with the locale's decimal ``mark`` ("0,5")."""
    return f"{value:.1f}".replace(".", mark)


def tg_len(text: str) -> int:
    """Length as Telegram counts it: UTF-16 code units (an emoji outside the BMP counts 2)."""
    return len(text.encode("utf-16-le", "surrogatepass")) // 2


# Control characters (but tab and newline) and lone surrogates: a user may type them (or a
# client send them), they show as nothing, and Telegram may refuse a message that holds them.
_UNSENDABLE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")


def sendable(text: str) -> str:
    """``text`` without control characters (but tab and newline) and lone surrogates."""
    return _UNSENDABLE.sub("", text)


# Bidi embeddings, overrides, isolates and marks (U+202A–U+202E, U+2066–U+2069, U+200E/U+200F,
# U+061C): a user's own would reverse the rest of the bot's line ("invoice\u202egpj.txt").
_BIDI_CONTROLS = re.compile("[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
FSI, PDI = "\u2068", "\u2069"  # first-strong isolate … pop directional isolate


def unbidi(text: str) -> str:
    """``text`` without bidi embedding, override, isolate and mark characters."""
    return _BIDI_CONTROLS.sub("", text)


def isolated(text: str) -> str:
    """A user's text, to be shown inside the bot's own line: without its bidi controls, and
    isolated (FSI … PDI), so Hebrew or Arabic keeps its "?" and the line around it its order."""
    return FSI + unbidi(text) + PDI


_ISOLATE = re.compile(f"{FSI}([^{FSI}{PDI}]*){PDI}")


def terminal_isolates(text: str) -> str:
    """``text`` for a terminal: an isolate kept only around right-to-left letters (Hebrew,
    Arabic), where it is needed; a terminal may draw the marks themselves where it is not."""

    def kept(match: re.Match[str]) -> str:
        inside = match.group(1)
        rtl = any(unicodedata.bidirectional(char) in ("R", "AL") for char in inside)
        return match.group(0) if rtl else inside

    return _ISOLATE.sub(kept, text)


def echo(text: str, limit: int) -> str:
    """A user's text (a question, a file name) as HTML echoed in a line: shortened to ``limit``
    characters, escaped and :func:`isolated`."""
    return isolated(esc(shorten(unbidi(text), limit)))


def esc(text: str) -> str:
    """Text escaped for Telegram HTML (``<``, ``>``, ``&``; quotes may stay as they are), without
    control characters."""
    return html.escape(sendable(text), quote=False)


def esc_attr(text: str) -> str:
    """An attribute value (a link) escaped for Telegram HTML, quotes included."""
    return html.escape(sendable(text), quote=True)


def bold(text: str) -> str:
    return f"<b>{text}</b>"


def link(url: str | None, text: str) -> str:
    """``text`` (HTML already) as a link to ``url``; just ``text`` without one."""
    return f'<a href="{esc_attr(url)}">{text}</a>' if url else text


def shorten(text: str, limit: int) -> str:
    """``text`` cut between words to at most ``limit`` characters, "…" marking the cut."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    head = text[: max(limit - 1, 0)]
    if " " in head[limit // 2 :]:
        head = head.rsplit(" ", 1)[0]
    return head.rstrip() + ELLIPSIS


def cut_escaped(text: str, budget: int) -> str:
    """The longest start of ``text`` whose escaped form fits ``budget``, ending between words."""
    if tg_len(esc(text)) <= budget:
        return esc(text)
    low, high = 0, len(text)  # invariant: text[:low] fits, text[:high] does not
    while high - low > 1:
        middle = (low + high) // 2
        if tg_len(esc(text[:middle])) <= budget:
            low = middle
        else:
            high = middle
    head = text[:low]
    if " " in head[low // 2 :]:  # prefer a word boundary when one is not too far back
        head = head.rsplit(" ", 1)[0]
    return esc(head.rstrip())


def cut_whole(text: str, budget: int) -> str:
    """``text`` escaped, cut to fit ``budget`` with " …" marking a cut."""
    cut = cut_escaped(text, budget - 2)
    return cut if cut == esc(text) else cut + " " + ELLIPSIS


@dataclass(frozen=True)
class Reply:
    """A message's HTML, and how many of the answer's hits it shows (always the first ones)."""

    text: str
    shown: int


def fit(
    before: Sequence[str],
    items: Sequence[str],
    after: Sequence[str] = (),
    *,
    header: str | None = None,
    joiner: str = "\n",
    limit: int = TELEGRAM_LIMIT,
) -> Reply:
    """``before`` + as many whole ``items`` as fit (under ``header``) + ``after``, in paragraphs;
    ``shown`` counts the items that fitted."""

    def render(chosen: Sequence[str]) -> str:
        middle = [joiner.join(([header] if header else []) + list(chosen))] if chosen else []
        return "\n\n".join([*before, *middle, *after])

    chosen: list[str] = []
    for item in items:
        if tg_len(render([*chosen, item])) > limit:
            break
        chosen.append(item)
    return Reply(render(chosen), len(chosen))


def pages(header: str, lines: Sequence[str], limit: int = TELEGRAM_LIMIT) -> list[str]:
    """``header`` then ``lines``, split into as many messages as needed."""
    chunks: list[list[str]] = [[header]]
    for line in lines:
        if tg_len("\n".join([*chunks[-1], line])) > limit:
            chunks.append([])
        chunks[-1].append(line)
    return ["\n".join(chunk) for chunk in chunks]
