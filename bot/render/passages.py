"""Passages and documents as Telegram HTML: a passage in full, a passage posted for discussion,
inline results, and the list of documents (/sources)."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from bot import buttons
from bot.locales import Strings, en
from bot.render.answers import citation_html, code_html, origin_html
from bot.render.citations import apart, citation, cited_heading, titled, where
from bot.render.html import (
    TELEGRAM_LIMIT,
    cut_whole,
    esc,
    esc_attr,
    pages,
    sendable,
    shorten,
    tg_len,
)
from bot.render.inlinecode import with_code
from retrieval.model import Document, Excerpt, Hit, Passage, Segment

EXPANDABLE_OVER = 400  # characters: a posted passage longer than this is collapsed until tapped
INLINE_TITLE = 200  # characters of an inline result's title (the citation)
INLINE_DESCRIPTION = 200  # characters of an inline result's description (the excerpt)


def passage_html(
    passage: Passage,
    *,
    bot_username: str | None = None,
    document: Document | None = None,
    limit: int = TELEGRAM_LIMIT,
    t: Strings = en,
) -> str:
    """A passage in full: title, where it stands (and the document's date and source), the text
    quoted (code as code), and a link to share it."""
    here = where(passage, t)
    placed = (
        t.PASSAGE_WHERE_SECTION.format(section=esc(apart(heading)), where=here)
        if (heading := cited_heading(passage))
        else here
    )
    origin = origin_html(document, passage)
    head = "\n".join(
        [t.PASSAGE_HEADER.format(title=esc(shorten(passage.title, 200))), placed]
        + ([origin] if origin else [])
    )
    share = buttons.passage_link(bot_username, passage.id)
    tail = [t.PASSAGE_LINK.format(url=esc_attr(share))] if share else []
    frame = tg_len("\n\n".join([head, "", *tail]))
    return "\n\n".join([head, _whole(passage, limit - frame), *tail])


def passage_messages(
    passage: Passage,
    *,
    bot_username: str | None = None,
    document: Document | None = None,
    limit: int = TELEGRAM_LIMIT,
    t: Strings = en,
) -> list[str]:
    """A passage in full (:func:`passage_html`), in as many messages as its text needs: a
    paragraph too long for one goes on in the next, "continued (2 of 3)" above it, and the share
    link is under the last. A code passage is one message, cut as code."""
    single = passage_html(passage, bot_username=bot_username, document=document, limit=limit, t=t)
    if passage.kind == "code" or f"<blockquote>{with_code(passage.text)}</blockquote>" in single:
        return [single]
    head, _ = single.split("<blockquote>", 1)
    share = buttons.passage_link(bot_username, passage.id)
    tail = "\n\n" + t.PASSAGE_LINK.format(url=esc_attr(share)) if share else ""
    title = esc(shorten(passage.title, 200))
    note = t.PASSAGE_CONTINUED.format(title=title, part=999, parts=999) + "\n\n"
    # The first part has the head, the others the note; the last (maybe the first) the link.
    frame = tg_len("<blockquote></blockquote>") + max(tg_len(head), tg_len(note)) + tg_len(tail)
    chunks = _chunks(passage.text, limit - frame)
    texts = [f"{head}<blockquote>{chunks[0]}</blockquote>"]
    for number, chunk in enumerate(chunks[1:], start=2):
        said = t.PASSAGE_CONTINUED.format(title=title, part=number, parts=len(chunks))
        texts.append(f"{said}\n\n<blockquote>{chunk}</blockquote>")
    texts[-1] += tail
    return texts


def _chunks(text: str, budget: int) -> list[str]:
    """``text`` escaped, in pieces of at most ``budget`` (Telegram's units), cut between words
    (within a word only when it is longer than a piece: Chinese is written without spaces).
    Each word is measured with its code marks, so that every piece shows its inline code as
    code: filled to the budget as plain text, a piece had no room left for them, and the first
    parts of a long passage were plain where the last was not."""
    pieces: list[str] = []
    current, size = "", 0
    for word in re.findall(r"\S+\s*|\s+", text):
        for part in [word] if tg_len(with_code(word)) <= budget else list(word):
            length = tg_len(with_code(part))
            if size + length > budget and current.strip():
                pieces.append(current.strip())
                current, size = "", 0
            current, size = current + part, size + length
    if current.strip():
        pieces.append(current.strip())
    return [_coded(piece, budget) for piece in pieces]


def _coded(piece: str, budget: int) -> str:
    """A piece of a passage escaped, its inline code as code when that still fits."""
    coded = with_code(sendable(piece))  # code found as in the escaped text (no control marks)
    return coded if tg_len(coded) <= budget else esc(piece)


def _whole(passage: Passage, budget: int, expandable: bool = False) -> str:
    """The passage quoted whole (cut to ``budget``): prose in a blockquote, collapsed when
    long and ``expandable``; a code passage's prose quoted and its code as code."""
    if passage.kind == "code":
        whole = Excerpt((Segment(passage.text),))
        return code_html(Hit(passage, 0.0, whole, 1), budget)
    opening = "<blockquote>"
    if expandable and len(passage.text) > EXPANDABLE_OVER:
        opening = "<blockquote expandable>"
    frame = tg_len(opening + "</blockquote>")
    coded = with_code(passage.text)  # names and options as code, when the whole fits
    fitted = coded if tg_len(coded) <= budget - frame else cut_whole(passage.text, budget - frame)
    return f"{opening}{fitted}</blockquote>"


def quote_post(
    passage: Passage,
    *,
    bot_username: str | None = None,
    limit: int = TELEGRAM_LIMIT,
    t: Strings = en,
    document: Document | None = None,
) -> str:
    """A passage posted for discussion: the whole text quoted (collapsed when long), then
    "— citation" linking to the passage in the private chat, with the ``document``'s date and
    source as every answer cites them."""
    cite = "\n— " + citation_html(passage, bot_username, t, document)
    return _whole(passage, limit - tg_len(cite), expandable=True) + cite


def inline_title(passage: Passage, t: Strings = en) -> str:
    """An inline result's title: the document and section it comes from (plain text)."""
    return citation(passage, t, limit=INLINE_TITLE)


def inline_description(hit: Hit) -> str:
    """An inline result's description: the excerpt, plain and short."""
    return shorten(hit.excerpt.plain, INLINE_DESCRIPTION)


def sources_html(
    documents: Sequence[Document],
    *,
    file_names: bool = False,
    limit: int = TELEGRAM_LIMIT,
    t: Strings = en,
) -> list[str]:
    """The documents as numbered lines, split into as many messages as needed; with
    ``file_names`` (for admins) each line ends with the document's file name, and so do the
    lines of documents sharing a title (a licence in English as a .txt and in French as a
    .docx, both "Attribution 4.0 International"), which nothing else tells apart."""
    if not documents:
        return [t.SOURCES_EMPTY]
    titles = Counter(document.title for document in documents)
    lines = [
        t.SOURCES_LINE.format(
            number=number,
            title=esc(shorten(titled(document.title, document.author), 200)),
            date=t.SOURCES_DATE.format(date=esc(document.date)) if document.date else "",
            paragraphs=t.paragraphs(document.paragraphs),
        )
        + (
            t.SOURCES_FILE.format(name=esc(document.doc))
            if file_names or titles[document.title] > 1
            else ""
        )
        for number, document in enumerate(documents, start=1)
    ]
    return pages(t.SOURCES_HEADER.format(count=len(documents)), lines, limit)
