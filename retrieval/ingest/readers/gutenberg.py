"""Project Gutenberg's header and licence around the book it publishes.

A Gutenberg e-text opens with a header ("The Project Gutenberg EBook of Don Quijote, by Miguel
de Cervantes Saavedra", its terms of use, "Title:", "Author:", "Release Date:", "Language:",
"*** START OF THIS PROJECT GUTENBERG EBOOK DON QUIJOTE ***", "Produced by …") and closes with
"End of the Project Gutenberg EBook of …", "*** END OF THIS PROJECT GUTENBERG EBOOK … ***" and
the full licence. Read as text, they answered questions about the book ("What is Candide
about?" quoted "*** END OF THIS PROJECT GUTENBERG EBOOK CANDIDE ***") and titled it. Here they
say the book's title, date and address, and are dropped. The forms vary over
three decades: "Project Gutenberg's Etext of …", "***START OF THE PROJECT GUTENBERG EBOOK …"
wrapped over two lines, the early "*END*THE SMALL PRINT! FOR PUBLIC DOMAIN ETEXTS*…*END*".
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from retrieval.ingest.readers.common import stated_author
from retrieval.text import squeeze

HEADER_LINES = 600  # the header, the early small print included, lies in the first lines
OPENING_LINES = 10  # a Gutenberg header names the e-text ("The Project Gutenberg EBook of …")
CLOSING_MENTIONS = 3  # how often a licence after the closing line names Project Gutenberg
# The line that ends the header: "*** START OF THIS PROJECT GUTENBERG EBOOK X ***" (any spacing,
# "THE" or "THIS"), or the end of the early small print, "*END*THE SMALL PRINT! …*END*".
_START = re.compile(
    r"(?i)^\W{0,3}\*+\s*(?:START\s+OF\s+(?:THE|THIS)\s+PROJECT\s+GUTENBERG"
    r"|START\s+OF\s+THE\s+COPYRIGHTED|END\W*THE\s+SMALL\s+PRINT)"
)
# The first line of the end: "*** END OF THIS PROJECT GUTENBERG EBOOK X ***", "End of the
# Project Gutenberg EBook of X, by Y", "End of Project Gutenberg's X", "Ende dieses Project
# Gutenberg Etextes", "Fin de Project Gutenberg …", "END OF PROJECT GUTENBERG …".
_END = re.compile(
    r"(?i)^\W{0,3}(?:\*+\s*END\s+OF\s+(?:THE|THIS)\s+PROJECT\s+GUTENBERG"
    r"|End\s+of\s+(?:the\s+|this\s+)?Project\s+Gutenberg"
    r"|Ende\s+dieses\s+Proje[ck]t\s+Gutenberg|Fin\s+(?:de|du)\s+(?:Project|Projet)\s+Gutenberg)"
)
# "The Project Gutenberg EBook of X, by Y", "Project Gutenberg's X, by Y", "The Project
# Gutenberg eBook, X, by Y", "**The Project Gutenberg Etext of X**", and the closing "End of …".
_NAMES_BOOK = re.compile(
    r"(?i)^\W{0,3}(?:End\s+of\s+)?(?:the\s+|this\s+)?Project\s+Gutenberg(?:'s|’s)?"
    r"(?:\s+(?:E-?books?|E-?texts?))?(?:\s+of|,|\s)\s*(?P<book>.+?)\**\s*$"
)
_BY = re.compile(r",?\s+by\s+[^,]+?\s*$")
_FIELD = re.compile(r"^(?P<key>[A-Z][A-Za-z ]{1,30}?)\s*:\s*(?P<value>.*)$")
_NUMBER = re.compile(r"(?i)\[\s*E-?(?:book|text)\s*#\s*(?P<number>\d+)\s*\]")
# What the volunteers' credits open with, right after the header: "Produced by …", "E-text
# prepared by …", "This Etext was prepared by …".
_CREDITS = re.compile(
    r"(?i)^(?:Produced\s+by|(?:This\s+)?(?:Project\s+Gutenberg\s+)?E-?(?:text|book)\s+"
    r"(?:was\s+)?(?:prepared|produced)\s+by|Transcribed\s+(?:from|by))\b"
)
_NO_AUTHOR = frozenset({"various", "anonymous", "unknown"})
_RUNS_ON = frozenset("a an and of the to in on for with by or".split())  # "… Chapters of"
CREDIT_BLOCKS = 3  # of the blocks after the header, how many may be credits or notes on the file


@dataclass
class Book:
    """What a Gutenberg header (or its closing line) says of the book."""

    title: str | None = None
    dates: tuple[str, ...] = ()  # "Release Date", "Posting Date", … as written, in that order
    source: str | None = None  # the book's page: https://www.gutenberg.org/ebooks/2000
    author: str | None = None  # "Author:", or the opening line's "…, by Voltaire"


def without_boilerplate(text: str) -> tuple[Book | None, str]:
    """What the Gutenberg header and closing lines of ``text`` say of its book, and ``text``
    without them, the licence and the volunteers' credits; (None, ``text``) when it is no
    Gutenberg e-text."""
    lines = text.split("\n")
    end = next((i for i, line in enumerate(lines) if _END.match(line)), len(lines))
    start = _header_end(lines[: min(end, HEADER_LINES)])
    if start == 0 and not _closes_e_text(lines[end:]):
        return None, text
    book = _read_header(lines[:start]) if start else Book()
    if end < len(lines):
        closing = _names_book(_joined_line(lines, end))
        if closing is not None:
            book.title = book.title or closing.title
            book.author = book.author or closing.author
    body = _without_credits(lines[start:end])
    return book, "\n".join(body)


def _header_end(lines: list[str]) -> int:
    """Where the text after the header starts: after its last "*** START OF …" line (which may
    wrap onto a second line, up to its closing asterisks); 0 when there is none, or when the
    text does not open as an e-text does, naming itself or its title. Not a line of the
    closing small print of a short text: ``lines`` stop before the book's end."""
    opening = [line.strip() for line in lines if line.strip()][:OPENING_LINES]
    if not any(_names_book(line) or line.startswith("Title:") for line in opening):
        return 0  # a text that quotes the line ("*** START OF THE PROJECT GUTENBERG …")
    end = 0
    for number, line in enumerate(lines):
        if _START.match(line):
            end = number + 1
            if not line.rstrip().endswith("*") and number + 1 < len(lines):
                follows = lines[number + 1].rstrip()
                end += follows.endswith("*") and bool(follows)
    return end


def _closes_e_text(lines: list[str]) -> bool:
    """Whether ``lines``, from an "End of the Project Gutenberg …" line on, close an e-text whose
    header is gone: the licence that follows names Project Gutenberg again and again, or every
    line left names it ("*** END OF …"). Not a text that quotes the line and goes on."""
    named = ["gutenberg" in line.lower() for line in lines if line.strip()]
    return bool(named) and (sum(named) >= CLOSING_MENTIONS or all(named))


def _joined_line(lines: list[str], number: int) -> str:
    """Line ``number`` of ``lines`` with the next when it runs on ("… Baron de" / "Pollnitz")."""
    line = lines[number].strip()
    if number + 1 < len(lines) and lines[number + 1].strip() and not line.endswith("*"):
        return f"{line} {lines[number + 1].strip()}"
    return line


def _read_header(lines: list[str]) -> Book:
    """The book as the header's fields ("Title: …" run on over indented or following lines)
    and its opening line ("The Project Gutenberg EBook of X, by Y") say it."""
    fields: dict[str, str] = {}
    key = ""
    for line in lines:
        match = _FIELD.match(line.strip())
        if match and not line[:1].isspace():
            key = match["key"].lower()
            fields.setdefault(key, squeeze(match["value"]))
        elif key and line.strip() and _runs_on(fields[key], line.strip()):
            fields[key] = squeeze(f"{fields[key]} {line}")  # "Title: The Mirror of …, Vol. 10,"
        else:
            key = ""  # a subtitle ("Being the Observations He Made …") is no part of the title
    opening = next((_joined_line(lines, i) for i, line in enumerate(lines) if line.strip()), "")
    named = _names_book(opening) or Book()
    # the e-text's first release before a later posting or update
    dated = [key for key in fields if "date" in key or "updated" in key]
    dated.sort(key=lambda key: ("release" not in key, "posting" not in key))
    dates = tuple(fields[key] for key in dated)
    number = next((m["number"] for line in lines if (m := _NUMBER.search(line))), None)
    return Book(
        title=fields.get("title") or named.title,
        author=_author(fields.get("author")) or named.author,
        dates=dates,
        source=f"https://www.gutenberg.org/ebooks/{number}" if number else None,
    )


def _runs_on(value: str, line: str) -> bool:
    """Whether ``line`` goes on with a field's ``value`` ("… Instruction, Vol. 10," / "Issue
    268, August 11, 1827"; "Release date: …" / "Most recently updated: …" are two fields)."""
    if _START.match(line) or _FIELD.match(line):
        return False
    last = value.rsplit(" ", 1)[-1].lower()
    return value.endswith((",", ";", "-", "—", "(")) or line[0].islower() or last in _RUNS_ON


def _names_book(line: str) -> Book | None:
    """The title in a line naming the e-text, without its author: "The Project Gutenberg EBook
    of Candide, by Voltaire", "End of Project Gutenberg's X, by Y"; None for another line."""
    match = _NAMES_BOOK.match(line)
    if match is None or match["book"].upper().startswith(("EBOOK", "ETEXT")):
        return None
    book = match["book"].strip(" *")
    by = _BY.search(book)
    author = _author(by[0].strip(" ,").removeprefix("by")) if by else None
    return Book(title=(book[: by.start()].strip() if by else book) or None, author=author)


def _author(written: str | None) -> str | None:
    """An author as a header writes one (as any text states it: :func:`stated_author`); None
    for an anthology's "Various" or "Anonymous"."""
    name = stated_author(written)
    return None if name is None or name.casefold() in _NO_AUTHOR else name


def _without_credits(lines: list[str]) -> list[str]:
    """``lines`` without the volunteers' credits that open them ("Produced by an anonymous
    Project Gutenberg volunteer. Text file corrections …") and the notes on the e-text ("Note:
    Project Gutenberg also has an HTML version of this file …"): the first blocks that start
    so or name Project Gutenberg."""
    number, blocks = 0, 0
    while number < len(lines) and blocks < CREDIT_BLOCKS:
        while number < len(lines) and not lines[number].strip():
            number += 1
        end = number
        while end < len(lines) and lines[end].strip():
            end += 1
        block = " ".join(lines[number:end])
        if number == len(lines) or not (_CREDITS.match(block.strip()) or "Gutenberg" in block):
            break
        number, blocks = end, blocks + 1
    return lines[number:] if blocks else lines
