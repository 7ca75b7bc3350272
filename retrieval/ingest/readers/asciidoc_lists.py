"""AsciiDoc's lists written as Markdown lists (see :mod:`retrieval.ingest.readers.asciidoc`).

AsciiDoc nests a list by its marker, not by indentation: "*", "**", "-", ".", "..", "1.", "a.",
callouts' "<1>" and description lists' "term::", "term:::", "term;;" each make a level, and an
item marked as one of the levels above closes the lists below it. An item's text runs over the
lines under it; a line "+" attaches the block after it (a paragraph, code, an admonition) to the
item. A callout list (the notes under code) is read as a numbered list of its text; a description
list as Markdown's definition list, each term over its description ("term: description").
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from retrieval.ingest.readers.asciidoc_inline import Context, inline

Translate = Callable[[list[str], Context], list[str]]
_ITEM = re.compile(
    r"^[ \t]*(?P<marker>\*{1,6}|-|\.{1,6}|\d{1,9}\.|[a-zA-Z]\.|[ivxIVX]{1,5}\)|<(?:\d+|\.)>)"
    r"[ \t]+(?P<text>\S.*)$"
)
_TERM = re.compile(r"^[ \t]*(?P<term>[^\s/].*?)(?P<marker>:{2,4}|;;)(?:[ \t]+(?P<text>\S.*))?$")
_CHECK = re.compile(r"^\[[ xX*]\][ \t]+")
# A block's delimiter line: listing, literal, example, sidebar, quote, passthrough, comment, open,
# fenced, table (the blocks reader finds blocks by it too).
DELIMITER = re.compile(r"^(?:-{4,}|\.{4,}|={4,}|\*{4,}|_{4,}|\+{4,}|/{4,}|--|`{3}.*|[|,:!]={3,})$")
_BLOCK_ATTRIBUTE = re.compile(r"^(?:\[.*\]|\.[^.\s].*)$")
# A numbered list's marker: "1.", "a.", "iv)" are all one kind of list, "1.".
_NUMBERED = re.compile(r"^(?:\d+\.|[a-zA-Z]\.|[ivxIVX]+\))$")


@dataclass
class _Entry:
    """An item: how deep its list is, its list's kind, its text and the blocks attached."""

    depth: int
    kind: str
    text: list[str]
    term: str = ""
    attached: list[list[str]] = field(default_factory=list)


def starts_list(line: str) -> bool:
    return _match(line) is not None


def _match(line: str) -> tuple[str, str, str] | None:
    """(kind, term, text) of the item that ``line`` opens, None if it opens none."""
    item = _ITEM.match(line)
    if item is not None:
        marker = item["marker"]
        kind = "1." if _NUMBERED.match(marker) else marker
        return ("<>" if marker.startswith("<") else kind), "", item["text"]
    term = _TERM.match(line)
    if term is not None and not DELIMITER.match(line.strip()) and "::" not in term["term"][-1:]:
        return term["marker"], term["term"], term["text"] or ""
    return None


def read_list(
    lines: list[str], at: int, context: Context, translate: Translate
) -> tuple[list[str], int]:
    """The Markdown of the list that starts at ``lines[at]``, and the index after it."""
    entries: list[_Entry] = []
    kinds: list[str] = []
    while at < len(lines):
        found = _match(lines[at])
        if found is None:
            break
        kind, term, text = found
        if kind in kinds:
            del kinds[kinds.index(kind) + 1 :]
        else:
            kinds.append(kind)
        text = _CHECK.sub("", text)  # a checklist's box
        entry = _Entry(len(kinds) - 1, kind, [text] if text else [], term)
        at = _item_text(lines, at + 1, entry)
        at = _attachments(lines, at, entry)
        entries.append(entry)
        at = _next_item(lines, at)
    return _written(entries, context, translate), at


def _item_text(lines: list[str], at: int, entry: _Entry) -> int:
    """Read the lines of the item's text after its first; return the index after them. A term
    with no description on its line is described by the paragraph under it."""
    if not entry.text and entry.term:
        while at < len(lines) and not lines[at].strip():
            at += 1
        if at < len(lines) and (_match(lines[at]) or DELIMITER.match(lines[at].strip())):
            return at
    while at < len(lines):
        line = lines[at].strip()
        if not line or line == "+" or _match(lines[at]) or DELIMITER.match(line):
            break
        if not line.startswith("//"):
            entry.text.append(line)
        at += 1
    return at


def _attachments(lines: list[str], at: int, entry: _Entry) -> int:
    """Read the blocks attached to the item, by a "+" line each or, for a literal paragraph
    (indented), after a blank line; return the index after them."""
    while at < len(lines):
        literal = _literal_after(lines, at)
        if literal is not None:
            start, at = literal
        elif lines[at].strip() == "+":
            start = at = at + 1
            at = _attached_end(lines, at)
        else:
            break
        entry.attached.append(lines[start:at])
    return at


def _literal_after(lines: list[str], at: int) -> tuple[int, int] | None:
    """Where the literal paragraph after the blank lines at ``lines[at]`` starts and ends, if
    one does (" $ unzip input.docx" under an item is the item's command)."""
    start = at
    while start < len(lines) and not lines[start].strip():
        start += 1
    if start == at or start == len(lines) or lines[start][:1] not in (" ", "\t"):
        return None
    if _match(lines[start]) is not None:
        return None
    end = start
    while end < len(lines) and lines[end].strip():
        end += 1
    return start, end


def _attached_end(lines: list[str], at: int) -> int:
    """The index after the block attached at ``lines[at]``: a delimited block to its closing
    line, else a paragraph to a blank line."""
    start = at
    while at < len(lines) and _BLOCK_ATTRIBUTE.match(lines[at].strip()):
        at += 1
    if at < len(lines) and DELIMITER.match(lines[at].strip()):
        return delimited_end(lines, at) + 1
    while at < len(lines) and lines[at].strip() and lines[at].strip() != "+":
        if _match(lines[at]) and at > start:
            break
        at += 1
    return at


def delimited_end(lines: list[str], at: int) -> int:
    """The index of the line closing the delimited block opened at ``lines[at]`` (the last
    line's index + 1 when it is never closed)."""
    opening = lines[at].strip()
    closing = "```" if opening.startswith("```") else opening
    end = at + 1
    while end < len(lines) and lines[end].rstrip() != closing:
        end += 1
    return end


def _next_item(lines: list[str], at: int) -> int:
    """Where the list goes on: the next item, past blank lines; ``at`` itself when the list
    ends there (a comment line between two lists parts them)."""
    ahead = at
    while ahead < len(lines) and not lines[ahead].strip():
        ahead += 1
    if ahead < len(lines) and _match(lines[ahead]) is not None:
        return ahead
    return at


def _written(entries: list[_Entry], context: Context, translate: Translate) -> list[str]:
    """The entries as nested Markdown lists."""
    out: list[str] = []
    indents: list[str] = []  # the indentation of each open level's content
    numbers: list[int] = []
    bare: list[tuple[int, str]] = []  # terms described by the blocks under them: line, indent
    for entry in entries:
        del indents[entry.depth :]
        del numbers[entry.depth + 1 :]
        numbers[entry.depth :] = [numbers[entry.depth] + 1 if len(numbers) > entry.depth else 1]
        prefix = "".join(indents)
        text = inline("\n".join(entry.text), context) if entry.text else ""
        if entry.term:
            if out and out[-1]:
                out.append("")
            term = inline(entry.term, context).replace("\n", " ")
            if text:
                first, *rest = text.split("\n")
                lines = [term, _DESCRIBED + first, *(_INDENT + line for line in rest)]
            else:
                bare.append((len(out), prefix))
                lines = [term]
            body_indent = _INDENT
        else:
            ordered = entry.kind in ("1.", "<>") or entry.kind.startswith(".")  # see _match
            marker = f"{numbers[entry.depth]}. " if ordered else "- "
            body_indent = " " * len(marker)
            lines = [
                marker + line if i == 0 else body_indent + line
                for i, line in enumerate(text.split("\n"))
            ]
        out.extend(prefix + line for line in lines)
        indents.append(body_indent)
        for block in entry.attached:
            out.append("")
            content = translate(block, context)
            out.extend(prefix + body_indent + line if line else "" for line in content)
    for at, prefix in reversed(bare):
        _described(out, at, prefix)
    return out


_DESCRIBED = ":   "  # a definition's marker in Markdown, as wide as its content's indentation
_INDENT = "    "


def _described(out: list[str], at: int, prefix: str) -> None:
    """The term on ``out[at]``, described by no text on its line but by the blocks nested
    under it (a list, a paragraph attached by "+"): their first line carries the definition's
    marker, right under the term, as Markdown's definition list needs. A term nothing
    describes stays a paragraph of its own."""
    after = at + 1
    while after < len(out) and not out[after]:
        after += 1
    if after < len(out) and out[after].startswith(prefix + _INDENT):
        out[after] = prefix + _DESCRIBED + out[after][len(prefix + _INDENT) :]
        del out[at + 1 : after]
    elif after == at + 1:
        out.insert(at + 1, "")
