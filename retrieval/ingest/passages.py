"""Turn a parsed document into passages: one paragraph each, long ones split at sentence ends."""

from __future__ import annotations

import functools
import hashlib
import itertools
import re
from collections.abc import Callable, Sequence
from dataclasses import replace

from retrieval.ingest.entries import release_headings, stand_apart
from retrieval.ingest.parsed import Block, HeldNotes, ParsedDocument, turns_after
from retrieval.model import Passage, Turns, page_at, solid_length
from retrieval.search.languages import detect, document_language
from retrieval.sentences import sentence_spans

MAX_PASSAGE_CHARS = 1500
LIST_CHARS = 1000  # a list and its introducing sentence are one passage up to this long
LIST_ITEM_CHARS = 400  # an item longer than this is a paragraph of its own
# A sentence this short right over a list leads into it though it ends in no colon (see _leads)
LEAD_CHARS = 200
# A "sentence" longer than this many passages is no sentence (a text without full stops, a
# table flattened into one line): it is cut between words, or one passage could be megabytes.
LONG_SENTENCE_PASSAGES = 4
_UNSAFE = re.compile(r"[^A-Za-z0-9_]+")


def document_key(file_name: str) -> str:
    """A short key for passage ids: letters, digits and ``_`` only, unique per file name.

    Keys stay short enough that ``p_<key>-<ordinal>`` fits a Telegram deep-link parameter (64).
    """
    stem, _, suffix = file_name.rpartition(".")
    safe = _UNSAFE.sub("_", stem).strip("_")
    if suffix.lower() == "txt" and safe == stem and 0 < len(safe) <= 40:
        return safe  # the common case reads as the file name: "004_ac3189a7eefc069c"
    # Anything else gets a digest of the whole name, so "notes.txt" and "notes.md" differ.
    digest = hashlib.sha1(file_name.encode("utf-8")).hexdigest()[:8]
    return f"{safe[:30]}_{digest}".lstrip("_")


def split_long(text: str, limit: int = MAX_PASSAGE_CHARS) -> list[str]:
    """Split ``text`` at sentence ends into parts of at most ``limit`` characters where possible.

    Parts are balanced (a 2,000-character paragraph becomes two of about 1,000, not 1,500 + 500);
    a single sentence longer than ``limit`` stays whole rather than being cut mid-sentence, unless
    it is longer than :data:`LONG_SENTENCE_PASSAGES` passages: then it is cut between words.
    """
    if len(text) <= limit:
        return [text]
    parts = _at_sentence_ends(text, limit)
    longest = LONG_SENTENCE_PASSAGES * limit
    return [piece for part in parts for piece in _between_words(part, limit, longest)]


def _between_words(text: str, limit: int, longest: int) -> list[str]:
    """``text`` itself if it is at most ``longest``, else cut at spaces into parts of at most
    ``limit`` (a word longer than that is cut too)."""
    if len(text) <= longest:
        return [text]
    parts: list[str] = []
    start, end = 0, len(text)
    while end - start > limit:
        cut = max(
            text.rfind(" ", start, start + limit + 1), text.rfind("\n", start, start + limit + 1)
        )
        if cut <= start:
            cut = start + limit
        head = text[start:cut].strip()
        if head:
            parts.append(head)
        start = cut
        while start < end and text[start].isspace():
            start += 1
    if start < end:
        parts.append(text[start:end])
    return parts


def _at_sentence_ends(text: str, limit: int) -> list[str]:
    spans = sentence_spans(text)
    parts_needed = -(-len(text) // limit)
    target = len(text) / parts_needed
    parts: list[str] = []
    start = spans[0][0]
    for i, (_, end) in enumerate(spans):
        last = i == len(spans) - 1
        next_end = spans[i + 1][1] if not last else end
        long_enough = end - start >= target or next_end - start > limit
        if last or long_enough:
            parts.append(text[start:end])
            if not last:
                start = spans[i + 1][0]
    return parts


def list_runs(blocks: Sequence[Block]) -> list[tuple[int, Block]]:
    """``blocks`` numbered as a reader counts paragraphs, each run of short list items joined
    with the sentence that introduces it ("Possible values:"), as long as the whole stays short:
    alone, the sentence says nothing, and an item ("1. Never use vertical rules.") has lost what
    it is an item of. A paragraph after such a sentence stays apart: it reads alone.

    A note marked in an item follows the item, or the whole list when the list is joined
    (see :class:`~retrieval.ingest.parsed.HeldNotes`)."""
    result: list[tuple[int, Block]] = []
    held: HeldNotes[tuple[int, Block]] = HeldNotes()
    headed = False  # the last passage is a list opening its section, under its heading
    led = False  # the last passage is a list joined to the sentence leading into it
    releases = release_headings(blocks)
    for number, block in enumerate(blocks, start=1):
        if block.note:
            held.hold((number, block))
            continue
        previous = result[-1][1] if result else None
        row = previous is not None and _joins_row(previous, block, led)
        # a list of entries (a release's changes) is no sentence's continuation: asked only
        # where it decides (walking the list's items for it at every block cost a list's length)
        entries = functools.partial(_entries, blocks, number - 1, releases)
        if previous is not None and (row or _joins(previous, block, headed, led, entries)):
            led = led or not previous.item
            text = f"{previous.text}\n{block.text}"
            turns = turns_after(previous, block.page, block.turns, solid_length(previous.text))
            joined = replace(previous, text=text, item=not row, turns=turns, kind=block.kind)
            result[-1] = (result[-1][0], joined)
        else:
            result.extend(held.before_new())
            headed = _opens_section(blocks, number - 1, previous, releases)
            led = False
            result.append((number, block))
    return result + held.rest()


def _opens_section(
    blocks: Sequence[Block], at: int, previous: Block | None, releases: frozenset[str]
) -> bool:
    """Whether ``blocks[at]`` is a list's first item and the first block under its heading,
    which introduces the list as a sentence ending in a colon would (see mdnested.headed),
    and the list's items are no entries of their own (a release's, terms', works':
    :func:`~retrieval.ingest.entries.stand_apart`)."""
    block = blocks[at]
    if not block.item or block.apart or block.section is None:
        return False
    if previous is not None and (previous.above, previous.section) == (block.above, block.section):
        return False
    return not stand_apart(_items_at(blocks, at), releases)


def _items_at(blocks: Sequence[Block], at: int) -> list[Block]:
    """The items of the list ``blocks[at]`` opens, in its section (notes passed over)."""
    place = (blocks[at].above, blocks[at].section)
    items = []
    # By index: a slice copied the rest of the document at each list (quadratic on many lists).
    for later in (blocks[i] for i in range(at, len(blocks))):
        if later.note:
            continue
        if not later.item or (later.above, later.section) != place:
            break
        items.append(later)
    return items


def _entries(blocks: Sequence[Block], at: int, releases: frozenset[str]) -> bool:
    """Whether ``blocks[at]`` opens a list of entries of their own (a release's changes, terms
    described, works: :func:`~retrieval.ingest.entries.stand_apart`)."""
    if not blocks[at].item:
        return False
    return stand_apart(_items_at(blocks, at), releases)


def _joins(
    previous: Block, block: Block, headed: bool, led: bool, entries: Callable[[], bool]
) -> bool:
    """``block`` is a short list item that goes with ``previous``: the sentence introducing the
    list (a sentence without a colon only when the list is no list of ``entries()``), or an
    item of the list joined to it (``led``) or to the heading over the list, when the list
    opens its section (``headed``); in the same section, the whole still short."""
    if not block.item or block.kind != "text" or previous.kind != "text" or previous.code:
        return False
    if (previous.above, previous.section) != (block.above, block.section):
        return False
    if len(previous.text) + len(block.text) > LIST_CHARS:
        return False
    if len(block.text) > LIST_ITEM_CHARS:  # an item long enough to read alone
        return False
    if previous.item:  # a list joined to its introduction or its heading goes on
        return (
            (headed and not block.apart)
            or led
            or ("\n" in previous.text and _introduces(previous.text.split("\n", 1)[0]))
        )
    return _leads(previous.text, entries())


def _joins_row(previous: Block, block: Block, led: bool) -> bool:
    """``block`` is a short row of a table that goes with ``previous``: the sentence ending in
    a colon that introduces the table ("The ".expert" command accepts the following
    options:"), or a row joined to it (``led``); in the same section, the whole still short.
    Alone, the sentence names what it does not say, and a short one outranked the text
    about its subject."""
    if block.kind != "table" or previous.code or previous.item:
        return False
    if (previous.above, previous.section) != (block.above, block.section):
        return False
    if len(previous.text) + len(block.text) > LIST_CHARS or len(block.text) > LIST_ITEM_CHARS:
        return False
    if previous.kind == "table":
        return led
    return previous.kind == "text" and _leads(previous.text, True)  # by its colon alone


def _introduces(text: str) -> bool:
    return text.rstrip().endswith((":", "："))


def _leads(text: str, entries: bool) -> bool:
    """Whether ``text``, the paragraph right over a list, leads into it: a sentence ending in a
    colon ("Possible values:"), or one short sentence the list goes on from ("… using it
    presents a number of problems.", "… occur in a well-defined order – a pipeline", "The
    options for the docstring parser."). Apart, the sentence announces what it does not say
    and each item has lost what it is an item of ("It's not portable; …"). A longer paragraph,
    or one of several sentences, reads alone; only a colon makes it lead in then, and so
    before a list of ``entries`` each read alone ("Date: 14th June 2024" over a release's
    changes)."""
    text = text.strip()
    if _introduces(text):
        return len(text) <= LIST_ITEM_CHARS
    if entries or len(text) > LEAD_CHARS or "\n" in text:
        return False
    return len(sentence_spans(text)) == 1


def passages(document: ParsedDocument, file_name: str) -> list[Passage]:
    """The passages of ``document``, numbered as a reader counts paragraphs, each with its
    language (the document's, unless the passage is plainly in another)."""
    key = document_key(file_name)
    prior = document_language(" ".join(block.text for block in document.blocks[:50]))
    result: list[Passage] = []
    numbered = list_runs(document.blocks)
    flood = _flooded([block for _, block in numbered])
    for at, (number, block) in enumerate(numbered):
        if at in flood:
            continue
        # Code and table rows are quoted whole: a listing cut at a "sentence end" is no listing.
        if block.code:
            # Searched and quoted as one: the introducing sentence, a blank line, the code.
            lead = f"{block.text}\n\n" if block.text else ""
            parts, code_at = [lead + block.code], len(lead)
        else:
            parts = [block.text] if block.kind != "text" else split_long(block.text)
            code_at = None
        before = 0  # solid characters of the block before ``part``
        repeated = _repeated(parts)
        kept, k = repeated.count(False), 0  # the parts read: cited "¶ 3, part 2 of 4"
        for part, again in zip(parts, repeated, strict=True):
            length = solid_length(part) if block.turns else 0  # only a block over pages needs it
            page, turns = _pages_of(block, before, length)
            before += length
            if again:
                continue
            k += 1
            result.append(
                Passage(
                    id=f"{key}-{len(result) + 1}",
                    doc=file_name,
                    title=document.title,
                    section=block.section,
                    above=block.above,
                    paragraph=number,
                    text=part,
                    ordinal=len(result) + 1,
                    page=page,
                    kind="code" if block.code else block.kind,
                    code_at=code_at,
                    lang=detect(part[:code_at] if code_at else part, prior=prior),
                    turns=turns,
                    part=(k, kept) if kept > 1 else None,
                )
            )
    return result


# Paragraphs alike in a row read as written up to this many: a doubled note, a refrain sung
# three times, a table's identical rows. A longer run is a flood (a paste gone wrong, a
# generator's loop): read once.
RUN_READ = 10


def _flooded(blocks: Sequence[Block]) -> set[int]:
    """The positions of the copies after the first in each run of more than :data:`RUN_READ`
    paragraphs alike (the same words, code and heading), one right after another.

    One paragraph pasted a thousand times was a thousand passages all alike: the copies tell a
    reader nothing new, and stepping on through the document ("next") met the same words again
    and again. The same words a few times, or further on after other text, are read where each
    stands: a "Note: back up first." under each of two steps, or a refrain between verses, says
    something there, and a reader stepping through expects it (search shows a quote once, see
    :mod:`retrieval.search.repeats`). The paragraphs keep the numbers a reader counts."""
    keys = [(" ".join(b.text.split()), b.code, b.kind, b.section, b.above) for b in blocks]
    flood: set[int] = set()
    start = 0
    for _, run in itertools.groupby(keys):
        length = sum(1 for _ in run)
        if length > RUN_READ:
            flood.update(range(start + 1, start + length))
        start += length
    return flood


def _repeated(parts: Sequence[str]) -> list[bool]:
    """Which of a long paragraph's ``parts`` are copies of an earlier part, not read again: no
    writer repeats a thousand characters inside one paragraph, but a file of one word repeated
    over 2 MB on one line ("word word …", a tester's) was 1,334 passages all alike."""
    if len(parts) == 1:
        return [False]  # most paragraphs: one part, a copy of nothing (not split into words)
    seen: set[str] = set()
    previous = ""
    flags: list[bool] = []
    for part in parts:
        words = " ".join(part.split())
        # The run's end, cut short where the file ends ("sync sync" after 300 of them), is of
        # the run too; after a part read (a flattened table's last cells), it is read.
        end = bool(flags) and flags[-1] and f" {words} " in f" {previous} "
        again = words in seen or end
        flags.append(again)
        seen.add(words)
        if not again:
            previous = words
    return flags


def _pages_of(block: Block, start: int, length: int) -> tuple[int | None, Turns]:
    """The page a part of ``block`` starts on (``start`` solid characters into it) and the page
    turns within the part (``length`` solid characters), counted from the part's start."""
    inside = tuple((at - start, later) for at, later in block.turns if start < at < start + length)
    return page_at(block.page, block.turns, start), inside
