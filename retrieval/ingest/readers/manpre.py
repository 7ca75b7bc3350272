"""A manual page typeset as preformatted text (a web page's ``<pre>`` holding what ``man``
prints, as man7.org and other man-page sites publish them): prose, not code.

What ``man`` prints is indented text: a section's paragraphs seven columns in, its subsections'
names three, and each entry of an option list a term ("-i, --ignore-case") with its description
indented further below it. Read as one block of code, the options section of grep(1) was a
single passage of 15,807 characters; read as what it is, each option is a paragraph of its own,
"-i, --ignore-case: Ignore case distinctions …", under its subsection.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_WORD = re.compile(r"[^\W\d_]{2,}")
# A line of code ends in a brace or a semicolon, starts with a shell's prompt, assigns a value
# or calls a function ("a = next(it)"; not a manual's "grep(1)").
_CODE_MARKS = re.compile(r"[{};]\s*$|^\s*[$#>%]\s|^\s*[{}]|\s=\s|\w\([^\d)]")
_SENTENCE = re.compile(r"[.?!][)\"'”]?(?:\s|$)")
_LEAST_LINES = 4  # a display this short is an example, whatever it says


@dataclass(frozen=True)
class Piece:
    """One part of a typeset manual page: a subsection's name, a paragraph, or a display of
    code (a command in an EXAMPLE section)."""

    kind: str  # "heading", "text" or "code"
    text: str


def is_typeset_prose(text: str) -> bool:
    """Whether ``text``, a ``<pre>`` block's, is a manual page's prose: four lines or more,
    indented, three in four of them running words (three words or more and no marks of code)
    or options' terms, and sentences ending on one in five. A program's source or a terminal
    session is not."""
    lines = [line for line in text.splitlines() if line.strip()]
    if len(lines) < _LEAST_LINES or not all(line[:1] == " " for line in lines):
        return False
    worded = sum(1 for line in lines if _is_running_words(line) or _is_option(line))
    sentences = sum(1 for line in lines if _SENTENCE.search(line))
    return worded * 4 >= len(lines) * 3 and sentences * 5 >= len(lines)


def _is_option(line: str) -> bool:
    """Whether ``line`` is an option's term ("-V, --version"), over its description."""
    return line.lstrip().startswith("-") and len(line.strip()) <= 40


def is_indented(text: str) -> bool:
    """Whether every line of ``text`` is indented: on a manual page typeset so, its short parts
    ("grep - print lines that match patterns" under NAME) are typeset the same way."""
    lines = [line for line in text.splitlines() if line.strip()]
    return bool(lines) and all(line[:1] == " " for line in lines)


def _is_running_words(line: str) -> bool:
    return len(_WORD.findall(line)) >= 3 and not _CODE_MARKS.search(line)


def pieces(text: str) -> list[Piece]:
    """The subsections' names, paragraphs and displays of a typeset manual page's text.

    The page's body is at its most common indent; a short line alone and less indented is a
    subsection's name; a paragraph whose first line is at the body's indent and whose next lines
    are further in is a term and its description; a paragraph of no running words is code."""
    paragraphs = _paragraphs(text)
    body = _body_indent(paragraphs)
    found: list[Piece] = []
    for lines in paragraphs:
        indent = _indent(lines[0])
        if len(lines) > 1 and indent < body <= _indent(lines[1]):
            found.append(Piece("heading", " ".join(lines[0].split())))  # over its first entry
            lines, indent = lines[1:], _indent(lines[1])
        words = [" ".join(line.split()) for line in lines]
        if len(lines) == 1 and indent < body and len(words[0]) <= 60 and words[0][-1:] != ".":
            found.append(Piece("heading", words[0]))
        elif not any(_is_running_words(line) for line in lines) or _is_display(lines, body):
            found.append(Piece("code", "\n".join(line[body:] for line in lines)))
        elif len(lines) > 1 and indent <= body < _indent(lines[1]) and _is_term(words[0]):
            term, description = words[0], " ".join(words[1:])
            joined = f"{term} {description}" if term.endswith((":", ".")) else f"{term}: "
            found.append(Piece("text", joined + description if joined.endswith(": ") else joined))
        else:
            found.append(Piece("text", " ".join(words)))
    return found


def _is_term(line: str) -> bool:
    """Whether ``line``, over lines set further in, is a term they describe ("-i,
    --ignore-case", "GREP_COLORS"), not a sentence's first line."""
    return len(line) <= 40 and not _SENTENCE.search(line) and not line.endswith(":")


def _is_display(lines: list[str], body: int) -> bool:
    """Whether ``lines`` are set further in than the body and start with a prompt ("$ grep
    -n …" and its output)."""
    return all(_indent(line) > body for line in lines) and bool(_CODE_MARKS.search(lines[0]))


def _paragraphs(text: str) -> list[list[str]]:
    paragraphs: list[list[str]] = [[]]
    for line in text.splitlines():
        if line.strip():
            paragraphs[-1].append(line.rstrip())
        elif paragraphs[-1]:
            paragraphs.append([])
    return [p for p in paragraphs if p]


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _body_indent(paragraphs: list[list[str]]) -> int:
    """The indent the page's paragraphs and terms start at: the least, unless every line set
    there is a subsection's name (short, no sentence), and then the next further in."""
    lines = [line for lines in paragraphs for line in lines]
    indents = sorted({_indent(line) for line in lines})
    least = indents[0]
    names = [" ".join(line.split()) for line in lines if _indent(line) == least]
    if len(indents) > 1 and all(len(name) <= 60 and not _SENTENCE.search(name) for name in names):
        return indents[1]
    return least
