"""A Markdown list nested in an item of a list nobody introduced, read with its parent item.

PowerShell's about_Profiles lists each profile with its paths nested under it::

    - All Users, Current Host
      - Windows - `$PSHOME\\Microsoft.PowerShell_profile.ps1`
      - Linux - `/opt/microsoft/powershell/7/Microsoft.PowerShell_profile.ps1`

Read one item a passage, "Windows - $PSHOME\\Microsoft.PowerShell_profile.ps1" no longer said
which profile it is the path of, and "All Users, Current Host" alone said nothing. The page
shows the nested items under their parent, as a list under the sentence introducing it
("Possible values:") is quoted with it: the parent item and its nested items are one block, one
line each, as long as each item is short and the whole stays short (the limits a list joined to
its introduction has, :data:`~retrieval.ingest.passages.LIST_CHARS`); a longer one keeps its
items apart. A parent ending in a colon introduces its nested list already (the reader joins
them then), and so does a list introduced as a whole; neither is changed here.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from markdown_it.token import Token

from retrieval.ingest.entries import DESCRIBING
from retrieval.ingest.parsed import Block
from retrieval.ingest.passages import LIST_CHARS, LIST_ITEM_CHARS

# The limits are those of a list joined to its introduction: the parent item and its nested
# list are one block up to LIST_CHARS long; a nested item longer than LIST_ITEM_CHARS reads alone.


def joined(blocks: Sequence[Block], parent: int) -> Block | None:
    """The item ``blocks[parent]`` with the nested list read after it (``blocks[parent + 1:]``)
    as one block, or None where they stay apart: a nested item is code, a table, a note or
    long, stands under another heading, or the whole is too long."""
    head, items = blocks[parent], blocks[parent + 1 :]
    if not items or head.kind != "text" or head.code or head.note:
        return None
    if not _short_items(items, head):
        return None
    text = "\n".join([head.text, *(item.text for item in items)])
    return None if len(text) > LIST_CHARS else replace(head, text=text, item=True)


def _short_items(items: Sequence[Block], under: Block) -> bool:
    """Whether each of ``items`` is a short item of text (no code, note or turns) standing
    under the same headings as ``under``."""
    for item in items:
        if item.kind != "text" or item.code or item.note or not item.item or item.turns:
            return False
        if (item.section, item.above) != (under.section, under.above):
            return False
        if len(item.text) > LIST_ITEM_CHARS:
            return False
    return True


def headed(blocks: Sequence[Block], start: int) -> Block | None:
    """The list ``blocks[start:]`` as one block when it opens its section, under the heading
    with no sentence of its own introducing it, and its items are short: the TTS handbook's
    work schedules ("Gliding" over "You can arrive/depart within a given time range each day."
    and "You work 8 hours, 5 days a week.") were a passage a bullet, none saying what Gliding
    is. The heading introduces the list as a sentence ending in a colon would, and its items are
    quoted together under it within the same limits. None where they stay apart: a single
    item, a block not a short item of text, another section, or a whole too long. (A list whose
    every item names a term and describes it stays apart before this is asked: :func:`termed`.)"""
    items = blocks[start:]
    if len(items) < 2 or items[0].section is None:
        return None
    first = items[0]
    before = blocks[start - 1] if start else None
    if before is not None and (before.section, before.above) == (first.section, first.above):
        return None  # text before the list in its section: the list does not open it
    if not _short_items(items, first):
        return None
    text = "\n".join(item.text for item in items)
    return None if len(text) > LIST_CHARS else replace(first, text=text, item=True)


# What parts an item's term from its description: "`--port <int>` - Bind …", "**Command Line**:
# Use …", or a colon inside the bold ("**Default:** uses …").
_PARTING = ("-", "\u2013", "\u2014", ":", "\uff1a")


def termed(children: Sequence[Token]) -> bool:
    """Whether an item's paragraph (its inline ``children``) opens by naming a term, an option
    or a field, in code or bold, and then describes it: "`--port <int>` - Bind to a socket with
    this port. … Default: 8000." Uvicorn's settings page lists its options so under each heading
    ("Socket Binding": --host, --port, --uds, --fd); each is an entry of its own, as a release's
    entries are, and joined under the heading the passage's excerpt showed --host's default to
    "which port does it bind to by default?". A field and its value alone (Vite's
    "**型:** `string`", "**デフォルト:** `5173`") describe nothing: those items are the
    heading's."""
    tokens = [token for token in children if token.type != "text" or token.content]
    if not tokens or tokens[0].type not in ("code_inline", "strong_open"):
        return False
    at = 1 if tokens[0].type == "code_inline" else _closed(tokens, "strong_close")
    term = "".join(token.content for token in tokens[:at]).rstrip()
    rest = _prose(tokens[at:])
    if not term.endswith((":", "\uff1a")) and not rest.lstrip().startswith(_PARTING):
        return False
    return sum(char.isalpha() for char in rest) >= DESCRIBING


def _closed(tokens: Sequence[Token], kind: str) -> int:
    """The index after the first token of ``kind`` (all of them when there is none)."""
    return next((at + 1 for at, token in enumerate(tokens) if token.type == kind), len(tokens))


def _prose(tokens: Sequence[Token]) -> str:
    """The plain words of ``tokens``: text outside code and links (a link names another page)."""
    words, inside = [], 0
    for token in tokens:
        inside += token.type == "link_open"
        inside -= token.type == "link_close"
        if token.type == "text" and not inside:
            words.append(token.content)
    return "".join(words)
