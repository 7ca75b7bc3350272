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
from collections.abc import Sequence
from dataclasses import dataclass, field
from html.parser import HTMLParser

from bot.render.html import terminal_isolates

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
    return terminal_isolates("".join(parser.out))


# Stands for a space no line may break at while text is wrapped: a character of the private
# range, which no text holds, is no space to the wrappers, and takes one column as a space does.
_GLUE = "\ue000"
# Marks the start of a piece kept whole, that no line breaks inside even at a wide character
# ("[docs/安装.pdf]"); it takes no column (see columns_of) and is gone once the text is wrapped.
_WHOLE = "\ue001"


def wrap(
    text: str,
    indent: str = "",
    *,
    first: str | None = None,
    columns: int = 0,
    unbroken: Sequence[str] = (),
) -> str:
    """``text`` wrapped to the terminal's width, lines after the first indented by ``indent``.

    Each of ``unbroken`` (its last occurrence in ``text``) stays on one line, as does every
    word: a citation's "¶ 16, p. 28" split after the "¶", or a file's path cut in the middle
    ("[pdf/AN" / "_108_Command…"), could not be read or copied. A word longer than the line
    runs past it, as a terminal shows it whole."""
    wide = bool(WIDE.search(text))
    for piece in unbroken:
        at = text.rfind(piece)
        if piece and at >= 0:
            whole = (_WHOLE if wide else "") + piece.replace(" ", _GLUE)
            text = text[:at] + whole + text[at + len(piece) :]
    if wide:  # measured in columns, and broken between wide characters too
        wrapped = fill(
            [(text, False)], columns or width(), indent if first is None else first, indent
        )
    else:
        wrapped = textwrap.fill(
            text,
            columns or width(),
            initial_indent=indent if first is None else first,
            subsequent_indent=indent,
            break_on_hyphens=False,
            break_long_words=False,
        )
    return wrapped.replace(_GLUE, " ").replace(_WHOLE, "")


# Characters two columns wide in a terminal (Chinese, Japanese, Korean, full-width forms).
WIDE = re.compile(
    "[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]"
)

WIDE_SPLIT = re.compile(f"({WIDE.pattern})")  # a word cut before and after each wide character


def columns_of(text: str) -> int:
    """How many terminal columns ``text`` takes: two for each wide character."""
    return len(text) + len(WIDE.findall(text)) - text.count(_WHOLE)


Runs = Sequence[tuple[str, bool]]  # text, and whether it is marked (a matched word, in bold)


def fill(
    runs: Runs, columns: int, first: str, indent: str, marks: tuple[str, str] = ("", "")
) -> str:
    """Runs of text (marked or not) filled to ``columns`` by their width on screen (a wide
    character takes two columns; marks none), lines after the first indented by ``indent``;
    each mark is closed at a line's end."""
    lines: list[list[_Word]] = [[]]
    used = len(first)
    for word in _words(runs):
        size = sum(columns_of(text) for text, _ in word.parts)
        gap = 0 if word.glued or not lines[-1] else 1
        if lines[-1] and used + gap + size > columns:
            lines.append([])
            used, gap = len(indent), 0
        used += size + gap
        lines[-1].append(word)
    opening, closing = marks
    rendered = []
    for number, line in enumerate(lines):
        pieces: list[tuple[str, bool]] = []
        for position, word in enumerate(line):
            if position and not word.glued:
                pieces.append((" ", word.parts[0][1] and pieces[-1][1]))
            pieces.extend(word.parts)
        text = "".join(
            f"{opening}{''.join(t for t, _ in group)}{closing}"
            if marked
            else "".join(t for t, _ in group)
            for marked, group in _grouped(pieces)
        )
        rendered.append((first if number == 0 else indent) + text)
    return "\n".join(rendered)


@dataclass
class _Word:
    """What a line may break before: a word between spaces, or one Chinese or Japanese
    character (they are written without spaces), ``glued`` to the word before it."""

    parts: list[tuple[str, bool]] = field(default_factory=list)
    glued: bool = False


def _words(runs: Runs) -> list[_Word]:
    """The runs cut where a line may break: at spaces, and before and after every wide
    character (a Chinese quote has no spaces, so it was one line of 140 columns)."""
    words = [_Word()]
    for text, marked in runs:
        for piece in re.split(r"(\s+)", text):
            if piece.isspace():
                words.append(_Word())
                continue
            # A piece kept whole (see wrap: "¶ 12，第 5 页") is not cut at its wide characters.
            held = False  # a matched word's wide characters are being held together
            for bit in [piece] if _WHOLE in piece else WIDE_SPLIT.split(piece):
                if bit and WIDE.fullmatch(bit):
                    if held and not words[-1].parts:
                        # A matched word ("容器") is not cut between its characters: cut, it
                        # showed as "**容**" / "**器**", two words marked.
                        words.pop()
                    elif words[-1].parts:
                        words.append(_Word(glued=True))
                    words[-1].parts.append((bit, marked))
                    words.append(_Word(glued=True))  # what follows it, written on, is glued
                    held = marked
                elif bit:
                    words[-1].parts.append((bit, marked))
                    held = False
    return _kept_together([w for w in words if w.parts])


# Chinese and Japanese line breaking (kinsoku; Unicode's UAX #14 classes CL, CP, EX, IS and
# some of NS, then OP): no line starts with a closing mark, and none ends with an opening one.
NO_LINE_START = frozenset(
    ")]}）］｝」』】〕〉》〙〗〟’”｠»"  # closing brackets and quotes
    "，。、：；,.:;！？!?‼⁇⁈⁉．"  # punctuation that ends what comes before it
    "…‥ー々〻〜～・ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶ"  # ellipses, small kana, marks
)
NO_LINE_END = frozenset("([{（［｛「『【〔〈《〘〖〝‘“｟«")


def _kept_together(words: list[_Word]) -> list[_Word]:
    """``words`` with each that starts with a closing mark ("，", "）", "”") joined to the
    one before it, and each that ends with an opening mark ("（", "「") to the one after it:
    a line no longer starts with "，这和 JavaScript…" nor ends with "ファイルシステム（"."""
    kept: list[_Word] = []
    for word in words:
        if kept and _joined(kept[-1], word):
            if not word.glued:
                kept[-1].parts.append((" ", word.parts[0][1] and kept[-1].parts[-1][1]))
            kept[-1].parts.extend(word.parts)
        else:
            kept.append(word)
    return kept


def _joined(before: _Word, word: _Word) -> bool:
    """Whether no line may break between ``before`` and ``word``. Across a space only when
    one of them is nothing but such marks (" ）"): ".gitignore" after "文件 " may start a line."""
    start, end = word.parts[0][0], before.parts[-1][0]
    if word.glued:
        closes = start[:1] in NO_LINE_START and not _in_a_run(before, start[:1])
        return closes or end[-1:] in NO_LINE_END
    closing = "".join(text for text, _ in word.parts)
    opening = "".join(text for text, _ in before.parts)
    return set(closing) <= NO_LINE_START or set(opening) <= NO_LINE_END


def _in_a_run(before: _Word, mark: str) -> bool:
    """Whether ``mark`` comes in a long run of such marks (:data:`_LONG_RUN` or more: leaders
    "・・・・", "ーーーー"), where a line may break. The rule is for the closing marks
    after a word ("）」。", "……", "」！！", "！！！"), which stay with it: a run glued whole was
    one word of 64 columns, a line twice the width of the terminal's."""
    text = "".join(piece for piece, _ in before.parts)
    return len(text) - len(text.rstrip(_MARKS)) >= _LONG_RUN


_MARKS = "".join(NO_LINE_START)
_LONG_RUN = 4


def _grouped(pieces: list[tuple[str, bool]]) -> list[tuple[bool, list[tuple[str, bool]]]]:
    groups: list[tuple[bool, list[tuple[str, bool]]]] = []
    for piece in pieces:
        if groups and groups[-1][0] == piece[1]:
            groups[-1][1].append(piece)
        else:
            groups.append((piece[1], [piece]))
    return groups
