"""Answers, passages and document lists as Telegram HTML that always fits one message.

Pure functions: values from :mod:`retrieval.model` in, ``parse_mode=HTML`` text out. Every piece
of document or user text is escaped; the only tags are the ones written here (``b``, ``i``, ``a``,
``blockquote``, ``blockquote expandable``), always closed. Length is counted the way Telegram
limits it, in UTF-16 code units, on the HTML source, which is never shorter than the text
Telegram counts. When a message would be too long, whole passages are left out; a single passage
too long for the message is cut between words, before it is escaped, so a cut never falls inside
a tag or an entity.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from dataclasses import dataclass

from bot import buttons, messages
from bot.state import PeriodCounts, Usage
from retrieval.model import Answer, Document, Excerpt, Hit, Passage, ReindexReport

TELEGRAM_LIMIT = 4096  # characters of one text message
SHOWN_QUESTION = 300  # characters of a question repeated back in a reply
LINE_EXCERPT = 240  # characters of HTML for the excerpt of a one-line further hit
PAGE_EXCERPT = 1000  # characters of HTML for each excerpt on a "More results" page
GROUP_QUOTE = 900  # characters of HTML for the one quote of a group answer, citation included
EXPANDABLE_OVER = 400  # characters: a posted passage longer than this is collapsed until tapped
INLINE_TITLE = 200  # characters of an inline result's title (the citation)
INLINE_DESCRIPTION = 200  # characters of an inline result's description (the excerpt)
CHOICE_EXCERPT = 300  # characters of HTML for each passage /quote offers to choose from
ELLIPSIS = messages.CUT_MARK


def plural(count: int, noun: str) -> str:
    """``1 paragraph``, ``2 paragraphs``."""
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


def tg_len(text: str) -> int:
    """Length as Telegram counts it: UTF-16 code units (an emoji outside the BMP counts 2)."""
    return len(text.encode("utf-16-le", "surrogatepass")) // 2


# Control characters (but tab and newline) and lone surrogates: a user may type them (or a
# client send them), they show as nothing, and Telegram may refuse a message that holds them.
_UNSENDABLE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")


def sendable(text: str) -> str:
    """``text`` without control characters (but tab and newline) and lone surrogates."""
    return _UNSENDABLE.sub("", text)


def esc(text: str) -> str:
    """Text escaped for Telegram HTML (``<``, ``>``, ``&``; quotes may stay as they are), without
    control characters."""
    return html.escape(sendable(text), quote=False)


def esc_attr(text: str) -> str:
    """An attribute value (a link) escaped for Telegram HTML, quotes included."""
    return html.escape(sendable(text), quote=True)


def bold(text: str) -> str:
    return f"<b>{text}</b>"


def shorten(text: str, limit: int) -> str:
    """``text`` cut between words to at most ``limit`` characters, "…" marking the cut."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    head = text[: max(limit - 1, 0)]
    if " " in head[limit // 2 :]:
        head = head.rsplit(" ", 1)[0]
    return head.rstrip() + ELLIPSIS


def cut_escaped(text: str, budget: int) -> str:
    """The longest start of ``text`` whose escaped form fits ``budget``, ending between words."""
    if tg_len(esc(text)) <= budget:
        return esc(text)
    low, high = 0, len(text)  # invariant: text[:low] fits, text[:high] does not
    while high - low > 1:
        middle = (low + high) // 2
        if tg_len(esc(text[:middle])) <= budget:
            low = middle
        else:
            high = middle
    head = text[:low]
    if " " in head[low // 2 :]:  # prefer a word boundary when one is not too far back
        head = head.rsplit(" ", 1)[0]
    return esc(head.rstrip())


def excerpt_html(excerpt: Excerpt, budget: int = TELEGRAM_LIMIT) -> str:
    """The excerpt with matched words in bold, at most ``budget`` long (cut with "…")."""
    full = excerpt.render(mark=bold, escape=esc, ellipsis=ELLIPSIS)
    if tg_len(full) <= budget:
        return full
    tail = " " + ELLIPSIS
    used = tg_len(tail)
    parts: list[str] = []
    if excerpt.cut_before:
        parts.append(ELLIPSIS + " ")
        used += tg_len(parts[0])
    for segment in excerpt.segments:
        piece = bold(esc(segment.text)) if segment.marked else esc(segment.text)
        if used + tg_len(piece) <= budget:
            parts.append(piece)
            used += tg_len(piece)
            continue
        room = budget - used - (tg_len(bold("")) if segment.marked else 0)
        head = cut_escaped(segment.text, room) if room > 0 else ""
        if head:
            parts.append(bold(head) if segment.marked else head)
        break
    if used > budget:
        return ""
    return "".join(parts).rstrip() + tail


def deep_link(bot_username: str | None, passage_id: str) -> str | None:
    """``https://t.me/<bot>?start=p_<id>``: opens the passage in a private chat with the bot."""
    return buttons.passage_link(bot_username, passage_id)


def citation(passage: Passage) -> str:
    """Title, section and ¶ number as plain text."""
    if passage.section:
        return messages.CITATION_SECTION.format(
            title=passage.title, section=passage.section, paragraph=passage.paragraph
        )
    return messages.CITATION.format(title=passage.title, paragraph=passage.paragraph)


def citation_html(passage: Passage, bot_username: str | None = None) -> str:
    """The citation, escaped, as a link that opens the passage when the bot's name is known."""
    text = esc(shorten(citation(passage), 200))
    link = deep_link(bot_username, passage.id)
    return f'<a href="{esc_attr(link)}">{text}</a>' if link else text


def quote_block(hit: Hit, budget: int, bot_username: str | None) -> str:
    """A blockquote of the excerpt, then "— citation"; the excerpt is cut to fit ``budget``."""
    cite = "\n— " + citation_html(hit.passage, bot_username)
    frame = tg_len("<blockquote></blockquote>" + cite)
    return f"<blockquote>{excerpt_html(hit.excerpt, budget - frame)}</blockquote>{cite}"


def ranked_block(hit: Hit, budget: int, bot_username: str | None) -> str:
    """ "n. citation", then the excerpt in a blockquote cut to fit ``budget``: a page entry."""
    head = f"{bold(f'{hit.rank}.')} {citation_html(hit.passage, bot_username)}\n"
    frame = tg_len(head + "<blockquote></blockquote>")
    return f"{head}<blockquote>{excerpt_html(hit.excerpt, budget - frame)}</blockquote>"


def hit_line(hit: Hit, bot_username: str | None) -> str:
    """A further hit on one line: "• citation: short excerpt"."""
    return (
        f"• {citation_html(hit.passage, bot_username)}: {excerpt_html(hit.excerpt, LINE_EXCERPT)}"
    )


@dataclass(frozen=True)
class Reply:
    """A message's HTML, and how many of the answer's hits it shows (always the first ones)."""

    text: str
    shown: int


def fit(
    before: Sequence[str],
    items: Sequence[str],
    after: Sequence[str] = (),
    *,
    header: str | None = None,
    joiner: str = "\n",
    limit: int = TELEGRAM_LIMIT,
) -> Reply:
    """``before`` + as many whole ``items`` as fit (under ``header``) + ``after``, in paragraphs;
    ``shown`` counts the items that fitted."""

    def render(chosen: Sequence[str]) -> str:
        middle = [joiner.join(([header] if header else []) + list(chosen))] if chosen else []
        return "\n\n".join([*before, *middle, *after])

    chosen: list[str] = []
    for item in items:
        if tg_len(render([*chosen, item])) > limit:
            break
        chosen.append(item)
    return Reply(render(chosen), len(chosen))


def answer_reply(
    answer: Answer,
    *,
    bot_username: str | None = None,
    context: str | None = None,
    echo: bool = False,
    limit: int = TELEGRAM_LIMIT,
) -> Reply:
    """The reply to a question: the best excerpt quoted and cited, then further hits as lines.

    ``context`` is the earlier question a follow-up was read with (said in a note); ``echo``
    repeats the question first, for questions asked by tapping a button.
    """
    if not answer.answered or not answer.hits:
        return declined_reply(
            answer, bot_username=bot_username, context=context, echo=echo, limit=limit
        )
    before = _head(answer, context, echo)
    top, *rest = answer.hits
    fixed = tg_len("\n\n".join([*before, ""]))
    before.append(quote_block(top, limit - fixed, bot_username))
    lines = [hit_line(hit, bot_username) for hit in rest]
    further = fit(before, lines, header=messages.ANSWER_MORE_HEADER, limit=limit)
    return Reply(further.text, 1 + further.shown)


def declined_reply(
    answer: Answer,
    *,
    bot_username: str | None = None,
    context: str | None = None,
    echo: bool = False,
    limit: int = TELEGRAM_LIMIT,
) -> Reply:
    """The no-answer reply: what was searched, that nothing answered, the closest passages."""
    before = _head(answer, context, echo)
    before.append(messages.NO_ANSWER.format(query=esc(shorten(answer.query, SHOWN_QUESTION))))
    if not answer.hits:
        before.append(messages.NO_ANSWER_NOTHING)
    lines = [hit_line(hit, bot_username) for hit in answer.hits]
    return fit(
        before,
        lines,
        [messages.NO_ANSWER_HINT],
        header=messages.NO_ANSWER_CLOSEST,
        limit=limit,
    )


def group_answer_reply(
    answer: Answer,
    *,
    bot_username: str | None = None,
    context: str | None = None,
    echo: bool = False,
    limit: int = TELEGRAM_LIMIT,
) -> Reply:
    """The short reply in a group: the best excerpt quoted and cited, nothing more.

    A declined question gets one line saying so. The full answer and further results are one
    tap away in the private chat (the button of :func:`bot.buttons.link_keyboard`).
    """
    before = _head(answer, context, echo)
    if not answer.answered or not answer.hits:
        said = [
            messages.NO_ANSWER.format(query=esc(shorten(answer.query, SHOWN_QUESTION))),
            messages.GROUP_NO_ANSWER_HINT,
        ]
        text = "\n\n".join([*before, *said])
        # The search (question and context) is said anyway: repeating them may go.
        return Reply(text if tg_len(text) <= limit else "\n\n".join(said), 0)
    fixed = tg_len("\n\n".join([*before, ""]))
    if fixed + GROUP_QUOTE > limit:  # absurdly long question and context: the quote comes first
        before, fixed = [], 0
    before.append(quote_block(answer.hits[0], min(GROUP_QUOTE, limit - fixed), bot_username))
    return Reply("\n\n".join(before), 1)


def _head(answer: Answer, context: str | None, echo: bool) -> list[str]:
    head = []
    if echo:
        head.append("❓ " + bold(esc(shorten(answer.question, SHOWN_QUESTION))))
    if context:
        head.append(messages.FOLLOW_UP_NOTE.format(context=esc(shorten(context, SHOWN_QUESTION))))
    return head


def page_reply(
    answer: Answer,
    *,
    question: str,
    bot_username: str | None = None,
    corpus_changed: bool = False,
    limit: int = TELEGRAM_LIMIT,
) -> Reply:
    """A "More results" page: each hit quoted and numbered by rank, then "Results a–b of n"."""
    before = [messages.PAGE_HEADER.format(question=esc(shorten(question, SHOWN_QUESTION)))]
    if corpus_changed:
        before.append(messages.CORPUS_CHANGED)
    items = [ranked_block(hit, PAGE_EXCERPT, bot_username) for hit in answer.hits]
    after = []
    if answer.hits:
        after.append(
            messages.ANSWER_COUNT.format(
                first=answer.hits[0].rank,
                last=answer.hits[-1].rank,
                total=max(answer.total, answer.hits[-1].rank),
            )
        )
    return fit(before, items, after, joiner="\n\n", limit=limit)


def passage_html(
    passage: Passage, *, bot_username: str | None = None, limit: int = TELEGRAM_LIMIT
) -> str:
    """A passage in full: title, where it stands, the text quoted, and a link to share it."""
    where = (
        messages.PASSAGE_WHERE_SECTION.format(
            section=esc(passage.section), paragraph=passage.paragraph
        )
        if passage.section
        else messages.PASSAGE_WHERE.format(paragraph=passage.paragraph)
    )
    head = messages.PASSAGE_HEADER.format(title=esc(shorten(passage.title, 200))) + "\n" + where
    link = deep_link(bot_username, passage.id)
    tail = [messages.PASSAGE_LINK.format(url=esc_attr(link))] if link else []
    frame = tg_len("\n\n".join([head, "<blockquote></blockquote>", *tail]))
    text = cut_escaped(passage.text, limit - frame - 2)
    if text != esc(passage.text):
        text += " " + ELLIPSIS
    return "\n\n".join([head, f"<blockquote>{text}</blockquote>", *tail])


def sources_html(
    documents: Sequence[Document], *, file_names: bool = False, limit: int = TELEGRAM_LIMIT
) -> list[str]:
    """The documents as numbered lines, split into as many messages as needed; with
    ``file_names`` (for admins) each line ends with the document's file name."""
    if not documents:
        return [messages.SOURCES_EMPTY]
    lines = [
        messages.SOURCES_LINE.format(
            number=number,
            title=esc(shorten(document.title, 200)),
            date=messages.SOURCES_DATE.format(date=esc(document.date)) if document.date else "",
            paragraphs=document.paragraphs,
        )
        + (messages.SOURCES_FILE.format(name=esc(document.doc)) if file_names else "")
        for number, document in enumerate(documents, start=1)
    ]
    pages: list[list[str]] = [[messages.SOURCES_HEADER.format(count=len(documents))]]
    for line in lines:
        if tg_len("\n".join([*pages[-1], line])) > limit:
            pages.append([])
        pages[-1].append(line)
    return ["\n".join(page) for page in pages]


def quote_post(
    passage: Passage, *, bot_username: str | None = None, limit: int = TELEGRAM_LIMIT
) -> str:
    """A passage posted for discussion: the whole text quoted (collapsed when long), then
    "— citation" linking to the passage in the private chat."""
    cite = "\n— " + citation_html(passage, bot_username)
    expandable = len(passage.text) > EXPANDABLE_OVER
    opening = "<blockquote expandable>" if expandable else "<blockquote>"
    frame = tg_len(opening + "</blockquote>" + cite)
    text = cut_escaped(passage.text, limit - frame - 2)
    if text != esc(passage.text):
        text += " " + ELLIPSIS
    return f"{opening}{text}</blockquote>{cite}"


def choices_reply(answer: Answer, *, words: str, limit: int = TELEGRAM_LIMIT) -> Reply:
    """What /quote says when its words fit several passages: the candidates, numbered."""
    before = [messages.QUOTE_CHOOSE.format(words=esc(shorten(words, SHOWN_QUESTION)))]
    items = [
        f"{bold(f'{hit.rank}.')} {esc(shorten(citation(hit.passage), 200))}: "
        f"{excerpt_html(hit.excerpt, CHOICE_EXCERPT)}"
        for hit in answer.hits
    ]
    return fit(before, items, joiner="\n\n", limit=limit)


def choice_label(hit: Hit) -> str:
    """The label of the button that posts ``hit``'s passage: "n. ¶ p · title" (plain text)."""
    return messages.BUTTON_CHOICE.format(
        rank=hit.rank, title=hit.passage.title, paragraph=hit.passage.paragraph
    )


def inline_title(passage: Passage) -> str:
    """An inline result's title: the document and section it comes from (plain text)."""
    return shorten(citation(passage), INLINE_TITLE)


def inline_description(hit: Hit) -> str:
    """An inline result's description: the excerpt, plain and short."""
    return shorten(hit.excerpt.plain, INLINE_DESCRIPTION)


# Admins ---------------------------------------------------------------------------------------


def report_html(
    report: ReindexReport, *, intro: Sequence[str] = (), limit: int = TELEGRAM_LIMIT
) -> str:
    """A reload's report: counts, paragraphs before and after, the names of what changed, and a
    line for every file skipped and why (as many as fit, then how many more)."""
    before = [
        *intro,
        "\n".join(
            [
                messages.RELOAD_DONE.format(seconds=report.seconds),
                messages.RELOAD_COUNTS.format(
                    added=len(report.added),
                    changed=len(report.changed),
                    removed=len(report.removed),
                    unchanged=len(report.unchanged),
                ),
                messages.RELOAD_PARAGRAPHS.format(
                    before=report.paragraphs_before, after=report.paragraphs_after
                ),
            ]
        ),
    ]
    names = [
        messages.RELOAD_NAMES.format(label=label, names=esc(shorten(", ".join(changed), 1000)))
        for label, changed in zip(
            messages.RELOAD_LABELS, (report.added, report.changed, report.removed), strict=True
        )
        if changed
    ]
    if names:
        before.append("\n".join(names))
    if not report.skipped:
        return fit(before, []).text
    lines = [
        messages.RELOAD_SKIPPED.format(
            doc=esc(shorten(skipped.doc, 200)), reason=esc(shorten(skipped.reason, 300))
        )
        for skipped in report.skipped
    ]
    more = messages.RELOAD_MORE.format(count=len(lines))  # the longest it can be
    room = limit - tg_len("\n" + more)
    shown = fit(before, lines, header=messages.RELOAD_SKIPPED_HEADER, limit=room)
    if shown.shown == len(lines):
        return fit(before, lines, header=messages.RELOAD_SKIPPED_HEADER, limit=limit).text
    return shown.text + "\n" + messages.RELOAD_MORE.format(count=len(lines) - shown.shown)


def reload_failed_html(reason: str) -> str:
    """A reload that failed: what failed, and that the documents served did not change."""
    return messages.RELOAD_FAILED.format(reason=esc(shorten(reason, 1000)))


def names_html(names: Sequence[str], *, limit: int = 3000) -> str:
    """Document file names, one a line, as many as fit in ``limit``."""
    lines: list[str] = []
    for name in names:
        line = messages.REMOVE_NAME.format(name=esc(name))
        if tg_len("\n".join([*lines, line])) > limit:
            lines.append(ELLIPSIS)
            break
        lines.append(line)
    return "\n".join(lines)


def _period_html(label: str, counts: PeriodCounts) -> str:
    percent = f"{counts.answered / counts.questions:.0%}" if counts.questions else "–"
    return messages.STATS_PERIOD.format(
        label=label,
        questions=counts.questions,
        answered=counts.answered,
        percent=percent,
        declined=counts.declined,
        good=counts.good,
        bad=counts.bad,
    )


def _top_html(header: str, questions: Sequence[tuple[str, int]]) -> str:
    lines = [
        messages.STATS_TOP_LINE.format(count=count, question=esc(shorten(question, 200)))
        for question, count in questions
    ]
    return "\n".join([header, *(lines or [messages.STATS_NONE])])


def stats_html(usage: Usage, *, documents: int, passages: int) -> str:
    """The figures of /stats: questions per period with answered and declined and the votes,
    the most asked questions, the most asked ones that were declined, and the corpus size."""
    periods = zip(messages.STATS_LABELS, (usage.day, usage.week, usage.all_time), strict=True)
    parts = [
        messages.STATS_HEADER + "\n" + "\n".join(_period_html(*period) for period in periods),
        _top_html(messages.STATS_TOP_ASKED, usage.top_asked),
        _top_html(messages.STATS_TOP_DECLINED, usage.top_declined),
        messages.STATS_CORPUS.format(documents=documents, passages=passages),
    ]
    return "\n\n".join(parts)
