"""The terminal flavour of the renderers: the bot's HTML read out as plain text.

``quotebot stats``, ``sources`` and ``index`` print what /stats, /sources and /reload send,
through :func:`to_plain`: bold stays bold (ANSI) on a terminal and is dropped in a pipe, links
become their text followed by the address when it is not a deep link into the bot, quotes and
code are indented, entities are decoded. :func:`wrap` fits a line to the terminal's width.
"""

from __future__ import annotations

import re
import shutil
import textwrap
from html.parser import HTMLParser

ANSI_BOLD = ("\033[1m", "\033[0m")
QUOTE_INDENT = "  "


def width(limit: int = 100) -> int:
    """The terminal's width in columns (at most ``limit``; 80 when it can't be told)."""
    return min(shutil.get_terminal_size((80, 24)).columns, limit)


def mark(ansi: bool) -> tuple[str, str]:
    """How matched or bold words are shown: ANSI bold on a terminal, ``**`` in a pipe."""
    return ANSI_BOLD if ansi else ("**", "**")


class _Plain(HTMLParser):
    def __init__(self, bold: tuple[str, str]) -> None:
        super().__init__(convert_charrefs=True)
        self.bold = bold
        self.out: list[str] = []
        self.href: str | None = None
        self.quoted = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "b":
            self.out.append(self.bold[0])
        elif tag == "a":
            self.href = dict(attrs).get("href")
        elif tag in ("blockquote", "pre"):
            self.quoted += 1

    def handle_endtag(self, tag: str) -> None:
        if tag == "b":
            self.out.append(self.bold[1])
        elif tag == "a":
            if self.href and "?start=" not in self.href:
                self.out.append(f" <{self.href}>")
            self.href = None
        elif tag in ("blockquote", "pre"):
            self.quoted -= 1

    def handle_data(self, data: str) -> None:
        if self.quoted:
            data = data.replace("\n", "\n" + QUOTE_INDENT)
            if not self.out or self.out[-1].endswith("\n"):
                data = QUOTE_INDENT + data
        self.out.append(data)


def to_plain(html: str, *, ansi: bool = False) -> str:
    """``html`` (as the bot sends it) as terminal text; bold is ANSI with ``ansi``, else none."""
    parser = _Plain(ANSI_BOLD if ansi else ("", ""))
    parser.feed(html)
    parser.close()
    return "".join(parser.out)


def wrap(text: str, indent: str = "", *, first: str | None = None, columns: int = 0) -> str:
    """``text`` wrapped to the terminal's width, lines after the first indented by ``indent``."""
    if WIDE.search(text):
        return _wrap_wide(text, indent, indent if first is None else first, columns or width())
    return textwrap.fill(
        text,
        columns or width(),
        initial_indent=indent if first is None else first,
        subsequent_indent=indent,
        break_on_hyphens=False,
    )


# Characters two columns wide in a terminal (Chinese, Japanese, Korean, full-width forms).
WIDE = re.compile(
    "[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]"
)

WIDE_SPLIT = re.compile(f"({WIDE.pattern})")  # a word cut before and after each wide character


def columns_of(text: str) -> int:
    """How many terminal columns ``text`` takes: two for each wide character."""
    return len(text) + len(WIDE.findall(text))


def _wrap_wide(text: str, indent: str, first: str, columns: int) -> str:
    """:func:`wrap` for text with wide characters, whose lines are measured in columns and may
    break between two of them (a Chinese title has no spaces to break at)."""
    lines = [first]
    for number, word in enumerate(text.split()):
        for position, bit in enumerate(b for b in WIDE_SPLIT.split(word) if b):
            gap = " " if number and not position else ""
            if (number or position) and columns_of(lines[-1] + gap + bit) > columns:
                lines.append(indent + bit)
            else:
                lines[-1] += gap + bit
    return "\n".join(lines)
