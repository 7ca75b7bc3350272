"""Answers rendered for a terminal: the same quotes and citations the bot sends, as plain text.

Matched words are bold (ANSI) on a terminal and wrapped in ``**`` when the output is a pipe or a
file. The terminal chat keeps a :class:`~retrieval.conversation.Conversation` exactly as the bot
does, so follow-ups and "more" behave the same way.
"""

from __future__ import annotations

import textwrap
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from bot import messages
from bot.state import PeriodCounts, Usage
from retrieval.errors import QuestionError
from retrieval.library import Library
from retrieval.model import Answer, Hit, Passage
from retrieval.search.followups import Conversation

ANSI_BOLD = ("\033[1m", "\033[0m")
WIDTH = 100
SHORT_EXCERPT = 220  # visible characters of a further hit's excerpt


def citation(passage: Passage) -> str:
    """Title, section and paragraph number: where a reader finds the quote."""
    parts = [passage.title]
    if passage.section:
        parts.append(passage.section)
    parts.append(f"¶ {passage.paragraph}")
    return " › ".join(parts) + f"  [{passage.doc}, id {passage.id}]"


def _marker(ansi: bool) -> Callable[[str], str]:
    if ansi:
        return lambda text: f"{ANSI_BOLD[0]}{text}{ANSI_BOLD[1]}"
    return lambda text: f"**{text}**"


def render_hit(hit: Hit, ansi: bool, lead: bool) -> str:
    """One ranked passage: its excerpt in quotes, then the citation."""
    body = hit.excerpt.render(mark=_marker(ansi))
    if lead:
        quoted = textwrap.fill(f"“{body}”", WIDTH, initial_indent="  ", subsequent_indent="  ")
        return f"{quoted}\n    — {citation(hit.passage)}"
    return f"  {hit.rank}. “{_shortened(hit, ansi)}”\n     — {citation(hit.passage)}"


def _shortened(hit: Hit, ansi: bool, limit: int = SHORT_EXCERPT) -> str:
    """The excerpt cut at a word boundary to about ``limit`` visible characters, "…" where
    cut, with matched words still marked (the cut never splits a mark)."""
    mark = _marker(ansi)
    pieces: list[str] = ["… "] if hit.excerpt.cut_before else []
    used = 0
    for segment in hit.excerpt.segments:
        text = segment.text
        if used + len(text) > limit:
            room = limit - used
            text = text[:room].rsplit(" ", 1)[0] if " " in text[:room] else ""
            if text:
                pieces.append(mark(text) if segment.marked else text)
            return "".join(pieces).rstrip() + " …"
        pieces.append(mark(text) if segment.marked else text)
        used += len(text)
    return "".join(pieces) + (" …" if hit.excerpt.cut_after else "")


def render_answer(answer: Answer, ansi: bool = False, first: bool = True) -> str:
    """The answer as a person reads it: the best quote, then a few more, or the decline."""
    lines: list[str] = []
    if not answer.hits:
        return messages.CLI_NOTHING_FOUND.format(query=answer.query)
    if not answer.answered:
        lines.append(messages.CLI_DECLINED.format(query=answer.query))
        lines.extend(render_hit(hit, ansi, lead=False) for hit in answer.hits)
        lines.append(messages.CLI_DECLINED_HINT)
        return "\n".join(lines)
    if answer.query != answer.question:
        lines.append(messages.CLI_SEARCHED.format(query=answer.query))
    hits = list(answer.hits)
    if first:
        lines.append(render_hit(hits[0], ansi, lead=True))
        if len(hits) > 1:
            lines.append(messages.CLI_ALSO)
            lines.extend(render_hit(hit, ansi, lead=False) for hit in hits[1:])
    else:
        lines.extend(render_hit(hit, ansi, lead=False) for hit in hits)
    shown = hits[-1].rank
    if answer.total > shown:
        lines.append(messages.CLI_MORE_AVAILABLE.format(shown=shown, total=answer.total))
    return "\n".join(lines)


@dataclass
class TerminalChat:
    """The conversation of one person at a terminal: questions, follow-ups, paging."""

    library: Library
    idle_seconds: float = 1800.0
    page_size: int = 3
    ansi: bool = False
    conversation: Conversation = field(default_factory=Conversation)
    last: tuple[str, str | None, int] | None = None  # question, context, results shown so far

    def handle(self, line: str) -> str | None:
        """The reply to one line typed by the user; None means "quit"."""
        text = line.strip()
        command = text.lower().split()[0] if text.startswith("/") else ""
        if command in ("/quit", "/exit", "/q"):
            return None
        if command == "/help":
            return messages.CLI_CHAT_HELP
        if command == "/reset":
            self.conversation, self.last = Conversation(), None
            return messages.CLI_RESET
        if command == "/sources":
            return render_sources(self.library)
        if command == "/more":
            return self.more()
        if command:
            return messages.CLI_UNKNOWN_COMMAND.format(command=command)
        return self.ask(text)

    def ask(self, question: str) -> str:
        now = time.time()
        context = self.conversation.context_for(question, now, self.idle_seconds)
        try:
            answer = self.library.answer(question, context=context, k=self.page_size)
        except QuestionError as error:
            return error_text(error)
        self.conversation = self.conversation.after(question, context, now)
        self.last = (question, context, len(answer.hits))
        return render_answer(answer, self.ansi)

    def more(self) -> str:
        if self.last is None:
            return messages.CLI_NO_MORE_QUESTION
        question, context, shown = self.last
        answer = self.library.answer(question, context=context, k=self.page_size, offset=shown)
        if not answer.hits:
            return messages.CLI_NO_MORE_RESULTS
        self.last = (question, context, shown + len(answer.hits))
        return render_answer(answer, self.ansi, first=False)


def render_sources(library: Library) -> str:
    """The documents, one a line: title, date where known, paragraph count."""
    lines = [messages.CLI_SOURCES_HEADER]
    for number, doc in enumerate(library.documents(), 1):
        date = f", {doc.date}" if doc.date else ""
        lines.append(f"  {number}. {doc.title}{date} — {doc.paragraphs} paragraphs [{doc.doc}]")
    return "\n".join(lines)


def render_stats(usage: Usage, *, documents: int, passages: int) -> str:
    """The figures of ``/stats`` as plain text, for ``quotebot stats``."""

    def period(label: str, counts: PeriodCounts) -> str:
        percent = f"{counts.answered / counts.questions:.0%}" if counts.questions else "–"
        return messages.CLI_STATS_PERIOD.format(label=label, percent=percent, **vars(counts))

    def top(header: str, questions: tuple[tuple[str, int], ...]) -> list[str]:
        lines = [messages.CLI_STATS_TOP_LINE.format(count=n, question=q) for q, n in questions]
        return [header, *(lines or [messages.CLI_STATS_NONE])]

    periods = zip(messages.STATS_LABELS, (usage.day, usage.week, usage.all_time), strict=True)
    return "\n".join(
        [
            *(period(label, counts) for label, counts in periods),
            "",
            *top(messages.CLI_STATS_TOP_ASKED, usage.top_asked),
            "",
            *top(messages.CLI_STATS_TOP_DECLINED, usage.top_declined),
            "",
            messages.CLI_STATS_CORPUS.format(documents=documents, passages=passages),
        ]
    )


def error_text(error: Exception) -> str:
    """A friendly line for a question the library refused."""
    from retrieval.errors import EmptyQuestionError, NoSearchableWordsError, QuestionTooLongError

    if isinstance(error, EmptyQuestionError):
        return messages.CLI_EMPTY_QUESTION
    if isinstance(error, NoSearchableWordsError):
        return messages.CLI_ONLY_COMMON_WORDS
    if isinstance(error, QuestionTooLongError):
        return messages.CLI_TOO_LONG.format(limit=error.limit, length=error.length)
    return str(error)
