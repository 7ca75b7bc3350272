"""Tables of contents in Markdown: lists of links to the page's own headings, and the markers a
site generator replaces with one.

A README's "Table of Contents", "Índice", "Содержание" or "目录" is a list whose items are links
to the page's own headings ("- [¿Qué es React?](#qué-es-react)"), nested as the headings are.
Read as passages, each entry repeated the words of the heading it links to, and was quoted as
the answer in place of the section under that heading; the PDF and text readers drop a contents
list for the same reason. It is told by what it is: most of its items are such a link and
nothing more, so a list of links to other pages ("- [Bahasa Indonesia](translations/README-id.md)")
and a list where a link to a section is one part of a sentence ("- see [Caches](#caches) for
…") stay. A paragraph of such links alone ("**[⬆ back to top](#table-of-contents)**", "[Install]
(#install) · [Usage](#usage)") is the page's navigation, no text of it either.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from markdown_it.token import Token

FEWEST_ENTRIES = 3  # a list of fewer links is a few cross-references, not a table of contents
# A marker a site generator replaces with the page's table of contents: Python-Markdown's and
# Typora's "[TOC]", VuePress' and markdown-it-toc's "[[toc]]", GitLab's "[[_TOC_]]",
# markdown-it-toc-done-right's "${toc}", markdown-it-table-of-contents' "@[toc](Contents)".
_MARKER = re.compile(
    r"^(?:\[\[?_?toc_?\]\]?|\$\{toc\}|@\[toc\](?:\([^()]*\))?)$",
    re.IGNORECASE,
)
# kramdown's: the list item it follows ("* TOC" or "1. Contents" over "{:toc}") becomes the
# table of contents; the item's words are no text of the page.
_KRAMDOWN_MARKER = re.compile(r"^\{:\s*\.?toc\s*\}$", re.IGNORECASE)


def without_markers(lines: list[str]) -> list[str]:
    """A paragraph's ``lines`` without a table-of-contents marker; none at all when a kramdown
    marker ("{:toc}") makes the whole paragraph the table of contents."""
    if any(_KRAMDOWN_MARKER.match(line.strip()) for line in lines):
        return []
    return [line for line in lines if not _MARKER.match(line.strip())]


def contents_list_end(tokens: Sequence[Token], index: int, *, titled: bool = False) -> int | None:
    """The index of the token closing the list opened at ``tokens[index]`` when that list is a
    table of contents (:func:`anchors_only` in most of its items, nested ones counted; or plain
    entries naming the headings after it, or short ones right under a heading titling a table
    of contents, ``titled``: "## Table of Contents" over "1. Why platforms?"), else ``None``."""
    end = _closing(tokens, index)
    entries = [
        tokens[i]
        for i in range(index + 2, end)
        if tokens[i].type == "inline" and tokens[i - 2].type == "list_item_open"
    ]
    linked = sum(map(anchors_only, entries))
    if linked >= FEWEST_ENTRIES and 2 * linked > len(entries):
        return end
    if titled and len(entries) >= FEWEST_ENTRIES and all(map(_entry_alone, entries)):
        return end
    return end if _names_headings_after(entries, tokens, end) else None


ENTRY_WORDS = 12  # the longest entry of a table of contents written as plain text


def _entry_alone(entry: Token) -> bool:
    """Whether a list's item reads as a contents entry: a few words, no sentence."""
    text = entry.content.strip()
    return 0 < len(text.split()) <= ENTRY_WORDS and not text.endswith((".", ":", ";"))


def _folded(text: str) -> str:
    return " ".join(_NOT_WORD.sub(" ", text).casefold().split())


_NOT_WORD = re.compile(r"[^\w]+")


def _names_headings_after(entries: Sequence[Token], tokens: Sequence[Token], end: int) -> bool:
    """Whether the list's ``entries`` are, every one, the names of headings after it
    (``tokens[end:]``), in their order, without links: a table of contents written as plain
    text ("1. Why platforms?" … over "## Why platforms?"). Quoted, it answered in place of the
    sections. A list that names some of them ("Linux, macOS, Windows" and a fourth, or in
    another order) is the text's."""
    if len(entries) < FEWEST_ENTRIES:
        return False
    headings = iter(
        _folded(tokens[i + 1].content)
        for i in range(end, len(tokens) - 1)
        if tokens[i].type == "heading_open"
    )
    # each entry found among the headings left after the one the entry before named
    return all((name := _folded(entry.content)) and name in headings for entry in entries)


def anchors_only(inline: Token) -> bool:
    """Whether a paragraph (its ``inline`` token) is links to places in the page ("#anchor")
    and nothing else that has letters: numbering ("1.2"), a checkbox ("[ ]"), separators ("·",
    "|") and emphasis round the links may stand beside them."""
    inside = 0  # how deep in links the child is
    anchored = False
    for child in inline.children or ():
        if child.type == "link_open":
            if not str(child.attrGet("href") or "").startswith("#"):
                return False
            inside, anchored = inside + 1, True
        elif child.type == "link_close":
            inside -= 1
        elif (
            not inside
            and child.type in ("text", "code_inline")
            and any(ch.isalpha() for ch in child.content)
        ):
            return False
    return anchored


def _closing(tokens: Sequence[Token], index: int) -> int:
    """The index of the token closing the one at ``index`` (at its level: a list nested in it
    closes first)."""
    wanted = tokens[index].type.replace("_open", "_close")
    level = tokens[index].level
    return next(
        i
        for i in range(index + 1, len(tokens))
        if tokens[i].type == wanted and tokens[i].level == level
    )
