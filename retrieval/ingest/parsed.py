"""What every reader returns: a document as a reader sees it, whatever its format.

A reader turns a file's bytes into a :class:`ParsedDocument`: a title, a date and a source where the
file says them, and :class:`Block` s — paragraphs, code blocks and table rows in reading order, each
under the section heading it stands under and, for paged formats, on the page it starts on.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Generic, Literal, TypeVar

from retrieval.model import Turns

BlockKind = Literal["text", "code", "table"]
T = TypeVar("T")


@dataclass(frozen=True)
class Block:
    """One paragraph (or code block, or table row) of a document.

    A code block keeps the sentence that introduces it ("To send a file, pass ``files``:"): that
    sentence is ``text`` and the code, exactly as written, is ``code``.
    """

    text: str
    section: str | None = None  # the heading it stands under
    page: int | None = None  # 1-based position of its page in the file (PDF), not the printed one
    kind: BlockKind = "text"
    code: str = ""
    item: bool = False  # an item of a list: a run of items is quoted together (see passages)
    # Where the text runs on over a page break: (how many characters of ``text`` stand before the
    # new page, white space not counted (``model.solid_length``): the count holds however the text
    # is re-spaced; the page).
    turns: Turns = ()
    # The headings above ``section``, outermost first: ("Timeouts",) for an "Examples" under
    # "Timeouts"; empty for a section at the top.
    above: tuple[str, ...] = ()
    # A sentence whose colon points at a picture the page shows under it ("… markup languages:"
    # over a screenshot): it introduces no paragraph after the picture.
    pictured: bool = False
    # A footnote or an endnote, read after the paragraph carrying its mark: the passes that join
    # blocks into passages pass over it, and it follows the passage its mark ends up in (see
    # :class:`HeldNotes`).
    note: bool = False
    # An item that stays apart from the list under its heading (see passages.list_runs): a
    # release's entry, or an item of a Markdown list, whose reader joins a list under its
    # heading itself, knowing which stay apart (a reference list's options: mdnested.termed).
    apart: bool = False


@dataclass
class ParsedDocument:
    """A document as a reader sees it: title, date, source, and its blocks in reading order."""

    title: str
    date: str | None = None
    source: str | None = None  # where it came from: a URL when known
    blocks: list[Block] = field(default_factory=list)
    author: str | None = None  # who wrote it, as the file says ("Author: José Rizal")
    # What its authors want it found by and no reader is shown: a page's keywords, tags and
    # summary from its front matter ("vacation, funeral, death, bereavement"). Searched with
    # the title, never quoted.
    keywords: str | None = None
    # Why part of the file was not read, when some was not: "pages 2–22 not read: their fonts
    # have no Unicode mapping — needs OCR" (the reload's report names it).
    unread: str | None = None

    def add(self, section: str | None, text: str, **kwargs: object) -> None:
        """Append a paragraph under ``section``."""
        self.blocks.append(Block(text, section, **kwargs))  # type: ignore[arg-type]

    @property
    def paragraphs(self) -> list[tuple[str | None, str]]:
        """The blocks as ``(section, text)`` pairs, the shape most checks want."""
        return [(block.section, block.text) for block in self.blocks]


def shifted(turns: Iterable[tuple[int, int]], by: int) -> Turns:
    """``turns`` of a text that now follows ``by`` solid characters of another (see
    :func:`retrieval.model.solid_length`)."""
    return tuple((at + by, page) for at, page in turns)


def end_page(block: Block) -> int | None:
    """The page ``block``'s text ends on (its last turn's, else the one it starts on)."""
    return block.turns[-1][1] if block.turns else block.page


def turns_after(block: Block, page: int | None, turns: Iterable[tuple[int, int]], at: int) -> Turns:
    """``block``'s turns, then those of text joined after it ``at`` solid characters in: a turn
    to ``page`` where that text starts when ``block`` ends on another, then its own ``turns``
    (counted from where it starts)."""
    opening = ((at, page),) if page is not None and page != end_page(block) else ()
    return block.turns + opening + shifted(turns, at)


class HeldNotes(Generic[T]):
    """Notes (:attr:`Block.note`) set aside while the blocks around them are joined: a note
    neither joins the block before it ("Close the tap" + "A tachyon walks into a bar." would
    read as one more item of the list) nor stands between two blocks that join (a list's items,
    a sentence and the paragraph it introduces), so the passages are those the body makes
    without its notes, each note right after the passage holding its mark.

    A pass that joins a block to the one before it calls :meth:`hold` for each note and
    :meth:`before_new` when it starts a new block; a note whose mark is in blocks still waiting
    to join (``waiting``, see readers.fragments) follows the block they end up in. ``T``: the
    note's block, or what a pass keeps with it (its number)."""

    def __init__(self) -> None:
        self._notes: list[tuple[T, bool]] = []

    def hold(self, note: T, waiting: bool = False) -> None:
        self._notes.append((note, waiting))

    def before_new(self) -> list[T]:
        """The notes to place before a new block; those whose marks were waiting are now in the
        block before it, so they wait for the next."""
        ready = [note for note, waiting in self._notes if not waiting]
        self._notes = [(note, False) for note, waiting in self._notes if waiting]
        return ready

    def joined_back(self) -> None:
        """The waiting blocks were joined to the block before them: every note follows it."""
        self._notes = [(note, False) for note, _ in self._notes]

    def rest(self) -> list[T]:
        """Every note still held, at the end."""
        notes, self._notes = [note for note, _ in self._notes], []
        return notes
