"""Fragments a reader found kept with the text they belong to, never passages of their own.

A PDF or a Word file holds lines that say nothing alone: a table's caption and header cells
("Predefined font sets", "Set name Font attributes"), a command's syntax line before its
description ("\\toprule[<wd>]"), a label ("Options:"), a list item of one word, an answer of one
word after its question ("42"), a "Yes.". As passages they are noise at best; at worst a short
fragment that holds a question's word outranks the paragraph that answers it (BM25 favours short
passages). So their blocks go through :func:`merge_fragments`: a fragment joins the text that
follows it in the same section (and on the same page, so a PDF passage's page stays the page its
text is on), or, when nothing follows there, the text before it.

In every format but plain text, a short sentence that introduces the paragraph after it ("The
most important tip is:") is joined to it (:func:`join_introductions`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from retrieval.ingest.parsed import Block, HeldNotes, turns_after
from retrieval.model import solid_length
from retrieval.text import word_count

SENTENCE_WORDS = 3  # a sentence of fewer words is a fragment too ("Yes.", "See below.")
LABEL = 60  # characters: shorter than this and not ending a sentence, a line is a label …
LABEL_WORDS = 10  # … if it has fewer words than this (Chinese has many characters a word)
INTRODUCTION = 200  # characters: a sentence ending in ":" this short introduces what follows
MAX_RUN = 600  # fragments gathered before the text they head: more is a table of its own
_SENTENCE_END = (".", "!", "?", "。", "！", "？", ".)", ".”", '."')


def is_fragment(block: Block) -> bool:
    """A short text block that reads as no paragraph: a label, a caption, a cell, a word."""
    if block.kind != "text" or block.code:
        return False
    text = block.text.strip()
    if text.endswith(_SENTENCE_END):
        return word_count(text) < SENTENCE_WORDS
    return len(text) < LABEL and word_count(text) < LABEL_WORDS


def merge_fragments(blocks: Sequence[Block]) -> list[Block]:
    """``blocks`` with each fragment (see :func:`is_fragment`) joined, on a line of its own, to
    the block it goes with: the next one in its section and page, else the one before it.

    A note marked on a fragment reads with it as the fragment's next line would ("Colin
    Mazengarb" over "Senior Geologist, Mineral Resources Tasmania, DIER"), but not on a list
    item, where it would read as one more item: there, and after a paragraph, the note is passed
    over (see :class:`HeldNotes`)."""
    result: list[Block] = []
    waiting: list[Block] = []  # fragments held for the block that follows them
    held: HeldNotes[Block] = HeldNotes()
    with_line = False  # the note before was read with its line: so are the notes after it
    for block in blocks:
        if block.note and not with_line and not (waiting and not waiting[-1].item):
            held.hold(block, waiting=bool(waiting))
            continue
        with_line = block.note
        if waiting and not _same_place(waiting[0], block):
            _settle(result, waiting, held)
            waiting = []
        if is_fragment(block) and sum(len(b.text) for b in waiting) + len(block.text) <= MAX_RUN:
            if not waiting and _answers(result, block):
                result[-1] = _joined([result[-1], block], result[-1])
            else:
                waiting.append(block)
            continue
        if waiting and is_fragment(block):  # too many: the run stands as a block of its own
            _settle(result, waiting, held)
            waiting = [block]
            continue
        if waiting and block.kind != "table" and not _ends_list(result, waiting, block):
            block = _joined([*waiting, block], block)
        else:  # a table's rows are quoted one by one: a caption before it is no part of a row
            _settle(result, waiting, held)
        result.extend(held.before_new())
        result.append(block)
        waiting = []
    _settle(result, waiting, held)
    return result + held.rest()


def _same_place(first: Block, block: Block) -> bool:
    """Under the same heading (the headings above it too: two "Examples" differ) on one page."""
    return (first.above, first.section, first.page) == (block.above, block.section, block.page)


def _ends_list(result: list[Block], waiting: list[Block], block: Block) -> bool:
    """Whether ``waiting``, short items after an item of their list, close that list rather
    than lead into ``block``, a paragraph after it: the handbook's "• Security threats" and "•
    Hiring, staffing, and other resource constraints" were read as the opening lines of "This
    is written specifically for procurement …", and its list lost them. Right after the
    sentence introducing a list, two or more are the list ("… tools you may find helpful
    are:", "• Google Forms", "• Socrative", …), but one alone is the title of the paragraph
    under it ("• Security" over "Attackers may gain access …", as "• Cost" is of the next)."""
    if block.item or not result or not all(part.item for part in waiting):
        return False
    last = result[-1]
    listed = last.item or (_introduces(last) and len(waiting) > 1)
    return _same_place(last, waiting[0]) and listed


def _answers(result: list[Block], block: Block) -> bool:
    """Whether ``block`` is the short answer to the question the block before it asks."""
    if not result or not _same_place(result[-1], block):
        return False
    previous = result[-1]
    return previous.kind == "text" and not previous.code and previous.text.rstrip().endswith("?")


def _settle(result: list[Block], waiting: list[Block], held: HeldNotes[Block]) -> None:
    """Fragments that nothing followed in their place: with the text before them, or alone."""
    if not waiting:
        return
    previous = result[-1] if result else None
    joinable = (
        previous is not None
        and not _introduces(waiting[-1])
        and _same_place(previous, waiting[0])
        and previous.kind == "text"
        and not previous.code
    )
    if joinable and previous is not None:
        result[-1] = _joined([previous, *waiting], previous)
        held.joined_back()
    else:
        result.extend(held.before_new())
        result.append(_joined(waiting, waiting[0]))


def _introduces(block: Block) -> bool:
    return block.text.rstrip().endswith((":", "：")) and not block.pictured


def _joined(parts: Sequence[Block], base: Block) -> Block:
    """``parts`` as one block, with ``base``'s kind, code and list flag; on the first's page."""
    text = "\n".join(part.text.strip() for part in parts if part.text.strip())
    joined = parts[0]
    before = solid_length(parts[0].text)
    for part in parts[1:]:  # a part may start or run on a page after the one before ends on
        joined = replace(joined, turns=turns_after(joined, part.page, part.turns, before))
        before += solid_length(part.text)
    page, section = parts[0].page, parts[0].section
    note = all(part.note for part in parts)  # a note with the text it is on is text
    return replace(base, text=text, page=page, section=section, turns=joined.turns, note=note)


def join_introductions(blocks: Sequence[Block]) -> list[Block]:
    """``blocks`` with a short sentence that introduces the paragraph after it ("The most
    important tip is:", "The syntax is:") joined to that paragraph, on a line of its own: alone
    it answers nothing, and what it says ("the most important tip") is what a question asks. A
    list after it is joined item by item elsewhere (passages), code by the readers. A note is
    passed over (see :class:`HeldNotes`)."""
    result: list[Block] = []
    held: HeldNotes[Block] = HeldNotes()
    for block in blocks:
        if block.note:
            held.hold(block)
            continue
        previous = result[-1] if result else None
        if (
            previous is not None
            and _introduces(previous)
            and len(previous.text) <= INTRODUCTION
            and previous.kind == block.kind == "text"
            and not previous.code
            and not block.code
            and not block.item
            and _same_place(previous, block)
        ):
            result[-1] = _joined([previous, block], block)
            continue
        result.extend(held.before_new())
        result.append(block)
    return result + held.rest()


def headed_alone(blocks: Sequence[Block]) -> list[Block]:
    """``blocks`` with a fragment that is all its section holds ("● $10,000 - $25,000 USD"
    under "Budget", "Total Expenses $2,192,066" under "Expenses by Category") led by the
    section's heading on a line of its own: the heading is what the figure is, and nothing
    else in the section says it."""
    result = list(blocks)
    for i, block in enumerate(blocks):
        if block.section in (None, block.text) or not is_fragment(block):
            continue  # (a slide's title alone is its text: not said twice)
        place = (block.above, block.section)
        neighbours = [blocks[j] for j in (i - 1, i + 1) if 0 <= j < len(blocks)]
        if any((b.above, b.section) == place for b in neighbours):
            continue
        result[i] = replace(block, text=f"{block.section}\n{block.text}")
    return result
