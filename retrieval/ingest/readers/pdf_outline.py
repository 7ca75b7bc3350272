"""A PDF's headings nested by their type (:func:`nested`), a list of them dropped
(:func:`outline_dropped`), and the articles of a statute numbered where their first
paragraphs open (:func:`articles_headed`).

The PDF reader sees headings by their type (larger or bold, see ``pdf.is_heading``); the
largest heads the ones below it, as a Word document's heading levels do: a card's "How to do
it" set under its name is cited "KJ method › How to do it".
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from retrieval.ingest.parsed import Block
from retrieval.ingest.readers.lines import article_lead, numbers_articles
from retrieval.ingest.readers.pdf_furniture import heading_key
from retrieval.ingest.readers.pdf_page import BULLET
from retrieval.text import word_count


@dataclass(frozen=True)
class Heading:
    """A heading that opened a section: before which block, its text, and its rank by type
    (larger type ranks higher; in the same size, bold over roman)."""

    at: int
    text: str
    rank: tuple[float, bool]

    def outranks(self, other: Heading) -> bool:
        (size, bold), (other_size, other_bold) = self.rank, other.rank
        if abs(size - other_size) > 0.5:
            return size > other_size
        return bold and not other_bold

    @property
    def number(self) -> str | None:
        """Its section number ("4.1.8", "A.4", "05"), if it has one."""
        match = _SECTION_NUMBER.match(self.text)
        return match.group(1) if match else None

    @property
    def leads_in(self) -> bool:
        """Whether it reads as a sentence set like a heading, which heads no other ("Your
        conferencing platform needs to have:", a pull quote of sixteen words)."""
        return self.text.endswith(":") or word_count(self.text) > _PARENT_WORDS


# "4.1.8 Line numbering", "A.4 Errors", "5.7 (How) Does Debian support Java?"
_SECTION_NUMBER = re.compile(r"^(\d{1,2}(?:\.\d{1,2})*|[A-Z](?:\.\d{1,2})+)\.?\s+\S")
_PARENT_WORDS = 12  # a heading longer than this heads no other (a pull quote set large)


def nested(blocks: list[Block], outline: Sequence[Heading]) -> list[Block]:
    """``blocks`` with the headings above their section, by type: a card's "How to do it" set
    under its name in larger type is cited "KJ method › How to do it", and a chapter's heading
    right over its first section's ("Before Your Workshop" / "Planning Checklist") is kept."""
    result: list[Block] = []
    open_: list[Heading] = []
    pending = list(reversed(outline))
    for index, block in enumerate(blocks):
        while pending and pending[-1].at <= index:
            open_ = _opened(open_, pending.pop())
        names = tuple(h.text for h in open_)
        if names and block.section == names[-1] and not block.above:
            block = replace(block, above=names[:-1])
        elif names and block.above == names[-1:]:  # a table's caption in the section
            block = replace(block, above=names)
        result.append(block)
    return result


def _opened(open_: list[Heading], heading: Heading) -> list[Heading]:
    """The headings open once ``heading`` is: those it does not outrank are closed, and so is
    the same heading set again (a card's name over its back). A numbered heading stands under
    the one its number extends ("4.1.8" under "4 Verbatim environments"), never under an
    unnumbered one after a numbered one (a line of text set bold between "6." and "7.")."""
    names = [h.text for h in open_]
    kept = open_[: names.index(heading.text)] if heading.text in names else list(open_)
    number = heading.number
    numbered = [i for i, h in enumerate(kept) if h.number is not None]
    if number is not None and numbered:
        parents = [i for i in numbered if number.startswith(f"{kept[i].number}.")]
        kept = kept[: parents[-1] + 1] if parents else kept[: numbered[0]]
    while kept and (kept[-1].leads_in or not (heading.leads_in or kept[-1].outranks(heading))):
        kept.pop()  # a pull quote set larger than a chapter's title closes no heading
    return [*kept, heading]


def outline_dropped(blocks: list[Block], outline: Sequence[Heading]) -> list[Block]:
    """``blocks`` without a list of the document's own headings (an "Outline" of a page saved
    as PDF, a contents list without page numbers): it answers every question about a section
    with the section's name alone. A list is a run of items in one section; most of its items
    (two in three, three at least) name headings."""
    keys = {heading_key(heading.text) for heading in outline}
    runs = itertools.groupby(blocks, key=lambda b: (b.item and b.kind == "text", b.section))
    kept: list[Block] = []
    for (items, _), run in runs:
        listed = list(run)
        if items:
            names = [BULLET.sub("", b.text, count=1) for b in listed]
            if _mostly(names, keys):
                continue
        kept.extend(b for b in listed if not _mostly(_entries(b.text), keys))
    return kept


def _mostly(names: Sequence[str], keys: set[str]) -> bool:
    """Whether most of ``names`` (two in three, three at least) are headings (``keys``)."""
    named = sum(heading_key(name) in keys for name in names)
    return named >= _OUTLINE_ITEMS and 3 * named >= 2 * len(names)


def _entries(text: str) -> list[str]:
    """The titles of a contents list run into one line, each before its page number ("Key
    Metrics 6 Cash Flow and Financial Position 7 Concluding Remarks 8"), the numbers rising;
    none for any other text."""
    if not _CONTENTS_LINE.fullmatch(text):
        return []
    found = _ENTRY.findall(text)
    pages = [int(number) for _, number in found]
    return [title for title, _ in found] if pages == sorted(pages) else []


_ENTRY = re.compile(r"(\D+?)\s+(\d{1,3})(?:\s+|$)")
_CONTENTS_LINE = re.compile(r"(?:\D+?\s+\d{1,3}(?:\s+|$)){3,}")
_OUTLINE_ITEMS = 3


def articles_headed(blocks: list[Block]) -> list[Block]:
    """``blocks`` with each article of a text that numbers its articles where their first
    paragraphs open ("第三十七条 中华人民共和国公民的…", "Article 5. Everyone …": see
    :func:`lines.numbers_articles`, as the text and Markdown readers read them) heading that
    paragraph and those after it in its section, under the section's headings: a question
    about article 37 finds it, and its second paragraph is still cited as article 37."""
    if not numbers_articles(block.text for block in blocks if block.kind == "text"):
        return blocks
    headed: list[Block] = []
    article: tuple[str, str | None] | None = None  # the article and the section it opened in
    for block in blocks:
        lead = article_lead(block.text) if block.kind == "text" and not block.note else None
        if lead:
            article = (lead, block.section)
        elif article is not None and article[1] != block.section:
            article = None  # a new section: the article has ended
        if article is None:
            headed.append(block)
            continue
        above = (*block.above, block.section) if block.section else block.above
        headed.append(replace(block, section=article[0], above=above))
    return headed
