"""The conversation in a terminal: the same library, follow-ups and paging as the bot, as text.

:class:`TerminalChat` keeps a :class:`~retrieval.search.followups.Conversation` exactly as the
bot does and logs each question to the same query log (``quotebot stats`` counts both). Answers
are laid out for a terminal (:func:`render_answer`): the best excerpt in quotes, wrapped evenly
to the width, then the citation; further hits numbered; a code passage indented as it is laid
out. Citations come from :mod:`bot.render.citations`, as in Telegram; matched words are bold
(ANSI) on a terminal and wrapped in ``**`` in a pipe or a file.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace

from bot.locales import (
    AUTO,
    Strings,
    asks_for_more,
    available,
    en,
    is_small_talk,
    named_language,
    names_a_result,
    own_name,
    reply_language,
    result_asked,
    strings,
)
from bot.render import plain
from bot.render.answers import (
    elsewhere,
    first_citations,
    refused,
    shown_source,
    wrong_language,
)
from bot.render.citations import Pages, citation, cited_date, where
from bot.render.code import code_view, cut_code
from bot.render.html import isolated, shorten, terminal_isolates, unbidi
from retrieval.errors import (
    EmptyQuestionError,
    NoSearchableWordsError,
    NothingNamedError,
    QuestionError,
    QuestionTooLongError,
)
from retrieval.library import Library
from retrieval.model import Answer, Document, Hit, Passage
from retrieval.search import divisions, followups
from retrieval.search.followups import Conversation, plain_language
from retrieval.search.languages import ENGLISH, detect, language, only_stop_words, stop_word_hits
from retrieval.search.pasted import without_quoted
from retrieval.search.query import searchable

SHORT_EXCERPT = 220  # visible characters of a further hit's excerpt
SHOWN_QUESTION = 300  # characters of a question repeated back
CODE_INDENT = "      "
LEAD_CODE = 2000  # characters of code shown for the best answer (a further hit: SHORT_CODE)
SHORT_CODE = 300
SOURCES_PAGE = 40  # documents a /sources page lists (3,516 at once scrolled the chat away)

Logger = Callable[[str, str | None, Answer, float, int], None]  # what a question is logged with


@dataclass(frozen=True)
class Layout:
    """How the terminal shows text: its width and whether it understands ANSI bold."""

    columns: int = 100
    ansi: bool = False


def terminal_citation(
    passage: Passage,
    documents: Mapping[str, Document] | None = None,
    pages: Pages = None,
    t: Strings = en,
) -> str:
    """Title › section › ¶ (and pages: ``pages`` when given, a hit's, named in ``t``'s words),
    the document's date and source, then the file.

    Not the passage's id: its number counts passages, not paragraphs (a list joined to the
    sentence that introduces it is one passage of several paragraphs, a long paragraph several
    passages), so "¶ 128 … id …-122" read as two paragraph numbers that disagree. ``quotebot
    search`` shows ids, where the index's own order is what is asked."""
    parts = [citation(passage, t, separator=" › ", pages=pages)]
    document = (documents or {}).get(passage.doc)
    if document is not None:
        dated = cited_date(document, passage)
        parts += [item for item in (dated, shown_source(document)) if item]
    # One space before the file, as wrapping Chinese leaves it (it made two spaces one there).
    return " · ".join(parts) + f" [{passage.doc}]"


def _runs(hit: Hit, limit: int | None) -> list[tuple[str, bool]]:
    """The excerpt as (text, matched) runs, cut between words near ``limit`` visible
    characters with "…" (a cut never splits a mark)."""
    runs: list[tuple[str, bool]] = [("… ", False)] if hit.excerpt.cut_before else []
    used = 0
    for segment in hit.excerpt.segments:
        text = segment.text
        if limit is not None and used + len(text) > limit:
            room = limit - used
            text = text[:room].rsplit(" ", 1)[0] if " " in text[:room] else ""
            runs.append((text.rstrip(), segment.marked))
            return [*runs, (" …", False)]
        runs.append((text, segment.marked))
        used += len(text)
    return runs + ([(" …", False)] if hit.excerpt.cut_after else [])


def wrap_runs(runs: Sequence[tuple[str, bool]], layout: Layout, first: str, indent: str) -> str:
    """Runs of text (matched or not) filled to ``layout.columns`` by their visible length, so
    marks never make a line look longer than it is; each mark is closed at a line's end. A line
    break in the text (a list's items) starts a new line."""
    lines: list[list[tuple[str, bool]]] = [[]]
    for text, marked in runs:
        for number, piece in enumerate(text.split("\n")):
            if number:
                lines.append([])
            lines[-1].append((piece, marked))
    return "\n".join(
        plain.fill(
            line, layout.columns, first if number == 0 else indent, indent, plain.mark(layout.ansi)
        )
        for number, line in enumerate(lines)
    )


def render_hit(
    hit: Hit,
    layout: Layout,
    lead: bool,
    documents: Mapping[str, Document] | None = None,
    t: Strings = en,
) -> str:
    """One ranked passage: its excerpt in quotes (a code passage indented as laid out), then
    the citation (in ``t``'s words), each wrapped to the width."""
    indent = "  " if lead else "     "
    first = "  " if lead else f"  {hit.rank}. "
    if hit.passage.kind == "code":
        quoted = _code(hit, layout, lead, first, indent, t)
    else:
        runs = [("“", False), *_runs(hit, None if lead else SHORT_EXCERPT), ("”", False)]
        quoted = wrap_runs(runs, layout, first, indent)
    cite = plain.wrap(
        "— " + terminal_citation(hit.passage, documents, hit.pages, t),
        indent + "    ",
        first=indent + "  ",
        columns=layout.columns,
        unbroken=(where(hit.passage, t, hit.pages), f"[{hit.passage.doc}]"),  # "¶ 16, p. 28"
    )
    return f"{quoted}\n{cite}"


def _code(hit: Hit, layout: Layout, lead: bool, first: str, indent: str, t: Strings) -> str:
    """A code passage: its prose quoted and wrapped like any excerpt, then the code indented as
    laid out (the first lines of it for a further hit). A further hit of code alone is headed by
    its section ("3. 组件名："), not by its bare number, which read as an empty result."""
    view = code_view(hit, LEAD_CODE if lead else SHORT_CODE)
    lines: list[str] = []
    if view.prose is not None:
        short = Hit(hit.passage, hit.score, view.prose, hit.rank)
        runs = [("“", False), *_runs(short, None if lead else SHORT_EXCERPT), ("”", False)]
        lines.append(wrap_runs(runs, layout, first, indent))
    elif not lead:
        heading = hit.passage.section or hit.passage.title
        lines.append(
            plain.wrap(heading + t.LINE_COLON.rstrip(), indent, first=first, columns=layout.columns)
        )
    code, cut = cut_code(view.code, LEAD_CODE if lead else SHORT_CODE)
    shown = (["…"] if view.skipped_lines else []) + code.split("\n") + (["…"] if cut else [])
    lines += [(CODE_INDENT + line).rstrip() for line in shown]
    return "\n".join(lines)


def render_answer(
    answer: Answer,
    layout: Layout = Layout(),
    *,
    first: bool = True,
    paging: bool = True,
    documents: Mapping[str, Document] | None = None,
    speaks: str = "en",
    says: str | None = None,
) -> str:
    """The answer as a person reads it: the best quote, then a few more, or the decline.
    ``paging``: the reader can ask for more (/more), so say how. Said in ``says`` when the
    caller has decided it (the chat: :meth:`TerminalChat._speaks`), else in the question's
    when there are strings for it (as the bot speaks the user's), else in the one the reader
    ``speaks`` (LANG's)."""
    t = strings(says or reply_language(told_in(answer), speaks, answer.question))
    # A step through the document searched the question it stands for: "第六条讲什么？", not
    # "下一条呢？" (:func:`followups.moved_to`).
    searched = followups.moved_to(answer.question, answer.earlier) or answer.question
    if answer.earlier:
        searched = t.CLI_FOLLOWING.format(question=searched, earlier=" / ".join(answer.earlier))
    query = terminal_isolates(isolated(shorten(unbidi(searched), SHOWN_QUESTION)))
    # Asked in a language no document is written in: say which they are.
    # Said once, over the first page (as Telegram's paging does), not again on each /more.
    said_here = answer.foreign and (first or not answer.hits)
    told = [wrong_language(t, answer.corpus_languages, str)] if said_here else []
    if not answer.hits:
        return told[0] if told else str(t.CLI_NOTHING_FOUND.format(query=query))
    hits = list(answer.hits)
    origins = first_citations(hits, documents)

    def further(shown: Sequence[Hit]) -> list[str]:  # each of ``shown`` in the short form
        return [render_hit(hit, layout, False, origins.get(hit.passage.id), t) for hit in shown]

    # Foreign, its words found passages: the closest, under that line.
    if not answer.answered and answer.foreign:
        closest = plain.to_plain(t.NO_ANSWER_CLOSEST, ansi=layout.ansi)
        return "\n".join([*told, closest, *further(hits)])
    if not answer.answered:
        only_there = elsewhere(answer, t, str)  # "The closest passages are all in French: …"
        declined = t.CLI_DECLINED.format(query=query)
        return "\n".join([declined, *further(hits), *only_there, t.CLI_DECLINED_HINT])
    # What ``told`` says comes first, as over a declined question's closest passages.
    searched_as = [t.CLI_SEARCHED.format(query=query)] if answer.query != answer.question else []
    lines = [*told, *searched_as]
    if first:
        lines.append(render_hit(hits[0], layout, True, origins.get(hits[0].passage.id), t))
        if answer.outcome == "hedged":
            lines.append(t.CLI_HEDGED)
        if len(hits) > 1:
            lines += [t.CLI_ALSO, *further(hits[1:])]
    else:
        lines += further(hits)
    shown = hits[-1].rank
    # Said when all are shown too (one answer of a Chinese chat without it looked cut short),
    # but not of a single passage, all there is: "(1 of 1 matching passages shown)" says nothing.
    total = max(answer.total, shown)
    said = t.CLI_MORE_AVAILABLE if paging and answer.total > shown else t.CLI_SHOWN
    return "\n".join([*lines, said.format(shown=shown, total=total)] if total > 1 else lines)


def asked_in(answer: Answer) -> str:
    """The language the question is written in, which the reply's own lines speak when there
    are strings for it. The library's reading of it (a follow-up's, with its conversation),
    unless the question, read by itself and not for the corpus, is another language of that
    script with at least as many of its stop words: the corpus reads "vacuum" and "Qu'est-ce
    que la gravité quantique ?" as Spanish, as its Spanish passages know those words best."""
    read = answer.language
    text = searchable(answer.question)
    if language(read).script != "latin" or not any(ch.isalpha() for ch in text):
        return read  # the script decides; "2005?" follows the question before it
    # Not the English message it quotes: "me sale ReferenceError: foo is not defined, ¿qué
    # hago?" is asked in the words around it, which read the library's way or say too little
    # ("coment on evite l'erreur" is English to py3langid without the corpus's languages).
    around = without_quoted(text)
    if around is not None and any(ch.isalpha() for ch in around):
        if detect(around) == ENGLISH:
            # English when English has more of its stop words there than the library's
            # reading ('what does "Soy una tetera" mean?' was answered in Spanish)
            english = stop_word_hits(around, ENGLISH) > stop_word_hits(around, read)
            return ENGLISH if english else read
        text = around
    alone = detect(text)
    if alone != read and stop_word_hits(text, alone) >= stop_word_hits(text, read):
        return alone
    return read


def told_in(answer: Answer) -> str | None:
    """The language the question's words tell (:func:`asked_in`), or None when they tell none:
    letters of a script several languages write, none of them a stop word of the language
    read ("Kak najti fajl?", Russian in Latin letters, read as English; "xargs?"). Its reply
    speaks the conversation's language then (tryout26: that one was told in English, after
    Russian questions)."""
    read = asked_in(answer)
    text = searchable(answer.question)
    if language(read).script != "latin" or not any(ch.isalpha() for ch in text):
        return read
    return read if stop_word_hits(text, read) else None


def conversation_after(
    conversation: Conversation, question: str, context: str | None, now: float, read: str
) -> Conversation:
    """The conversation once ``question`` (read as language ``read``) was answered with
    ``context``, in Telegram as here. A follow-up that only asks a number of the subject
    ("2004", "404?", "and in 2005?") is no subject of its own: the next one asks its number of
    the same subject, not of both ("2004" then "404?" was "Read as a follow-up to “how do i
    install fzf on linux 2004”")."""
    # ("and 7?" after "what does article 6 of the Covenant say?" is a subject: its article 7)
    moving = followups.moved_to(question, conversation.history) is not None
    if context and _only_a_number(question, read) and not moving:
        return replace(conversation, updated_at=now)
    return conversation.after(question, context, now)


def _only_a_number(question: str, read: str) -> bool:
    """Whether ``question`` is a number and words that say nothing in language ``read``."""
    if not any(ch.isdigit() for ch in question):
        return False
    words = re.sub(r"\d+", " ", question)
    return not any(ch.isalpha() for ch in words) or only_stop_words(words, read)


def error_text(error: QuestionError, t: Strings = en) -> str:
    """A friendly line for a question the library refused."""
    if isinstance(error, EmptyQuestionError):
        return str(t.CLI_EMPTY_QUESTION)
    if isinstance(error, NothingNamedError):
        return str(t.CLI_NOTHING_NAMED)
    if isinstance(error, NoSearchableWordsError):
        return str(t.CLI_ONLY_COMMON_WORDS)
    if isinstance(error, QuestionTooLongError):
        return str(t.CLI_TOO_LONG.format(limit=error.limit, length=error.length))
    return str(error)


@dataclass
class TerminalChat:
    """The conversation of one person at a terminal: questions, follow-ups, paging."""

    library: Library
    idle_seconds: float = 1800.0
    page_size: int = 3
    layout: Layout = Layout()
    log: Logger | None = None  # logs each question to the query log
    sources: Callable[[Strings], str] | None = None  # the /sources text, in a locale's words
    conversation: Conversation = field(default_factory=Conversation)
    last: tuple[str, str | None, int] | None = None  # question, context, results shown so far
    # The /sources list being paged and how many of its documents were shown: "/more" goes on
    # with the list until a question is asked (it paged the question before the list).
    listing: tuple[list[str], int] | None = None
    # The language the chat speaks: the system's (LANG) at first, then the last question's, as
    # the bot speaks a Telegram user's; its commands too ("/reset" answered in English after
    # a conversation in French).
    language: str = "en"
    # The system's language, which a question in a language the bot has no strings for is
    # answered in (a Japanese question in a Spanish terminal: in Spanish, not English).
    home: str = field(init=False)
    # The language chosen with /language, which every reply speaks then, as in Telegram; None:
    # the system's and the question's.
    chosen: str | None = None

    def __post_init__(self) -> None:
        self.home = self.language

    def handle(self, line: str) -> str | None:
        """The reply to one line typed by the user; None means "quit"."""
        text = line.strip()
        command = text.lower().split()[0] if text.startswith("/") else ""
        if command in ("/quit", "/exit", "/q"):
            return None
        t = self.texts
        replies: dict[str, Callable[[], str]] = {
            "/help": lambda: str(t.CLI_CHAT_HELP),
            "/reset": self.reset,
            "/sources": self.list_sources,
            "/more": self.more,
            "/language": lambda: self.choose_language(text.split()[1:]),
        }
        if command in replies:
            return replies[command]()
        if command:
            return str(t.CLI_UNKNOWN_COMMAND.format(command=command))
        if asks_for_more(text):  # first, as in a private chat: "encore" alone is "more"
            return self.more()
        if is_small_talk(text):  # "merci encore"
            return str(t.SMALL_TALK_REPLY)
        return self.opened(text) or self.ask(text)

    @property
    def texts(self) -> Strings:
        """The strings of the language the chat speaks (:attr:`language`)."""
        return strings(self.language)

    def choose_language(self, words: Sequence[str]) -> str:
        """/language CODE (or its name: "ru", "русский") answers in that language from now on,
        as the Telegram one's buttons do; "auto", in the system's and the question's again.
        Alone or naming none, which there are and how to choose."""
        names = {code: str(module.LANGUAGE_NAME) for code, module in available().items()}
        code = named_language(" ".join(words))
        if code == AUTO:
            self.chosen, self.language = None, self.home
            return str(self.texts.CLI_LANGUAGE_AUTO)
        if code is None:
            t = self.texts
            choices = str(t.LIST_SEPARATOR).join(f"{c} ({name})" for c, name in names.items())
            asked = t.LANGUAGE_CHOOSE.format(current=own_name(t))
            return f"{asked}\n{t.CLI_LANGUAGE_CHOICES.format(choices=choices)}"
        self.chosen = self.language = code
        return str(self.texts.LANGUAGE_SET.format(language=own_name(self.texts)))

    def _speaks(self, read: str | None, question: str, home: str | None = None) -> str:
        """The language a reply to ``question`` (read as ``read``) speaks: the one chosen with
        /language, else the question's when there are strings for it, else ``home``."""
        return self.chosen or reply_language(read, home or self.home, question)

    def reset(self) -> str:
        """Forget the conversation, its language too: said in the language spoken until now,
        the next reply speaks the system's (or the one chosen with /language), as a new chat
        would. A German question after Russian ones and /reset was told in Russian."""
        said = str(self.texts.CLI_RESET)
        self.conversation, self.last, self.listing = Conversation(), None, None
        self.language = self.chosen or self.home
        return said

    def ask(self, question: str) -> str:
        now = time.time()
        context = self.conversation.context_for(question, now, self.idle_seconds)
        started = time.perf_counter()
        try:
            answer = self.library.answer(question, context=context, k=self.page_size)
        except QuestionError as error:
            # Told in the question's language when it is plain ("как?" is Russian).
            self.language = self._speaks(plain_language(question), question)
            if isinstance(error, NoSearchableWordsError):  # "what can you do?": see /help
                said = error_text(error, self.texts)
                space = "" if said.endswith(("。", "！", "？")) else " "  # none after Chinese
                return f"{said}{space}{self.texts.CLI_CHAT_HELP_HINT}"
            return error_text(error, self.texts)
        if self.log is not None:
            ms = round((time.perf_counter() - started) * 1000)
            self.log(question, context, answer, now, ms)
        if refused(answer):  # no subject to page or follow: "0" was "no result 0 for «データ…»"
            self.conversation, self.last = Conversation(), None
        else:
            self.conversation = conversation_after(
                self.conversation, question, context, now, answer.language
            )
            self.last = (question, context, len(answer.hits))
        self.listing = None  # "/more" pages this question now, not /sources
        # The question's language when its words tell one the bot has strings for, else the
        # chat's: the system's at first, then its last reply's (a transliterated question, one
        # of no words, "2004?", or in a language without strings after Russian questions).
        self.language = self._speaks(told_in(answer), question, self.language)
        documents, says = self._documents(), self.language
        return render_answer(answer, self.layout, documents=documents, says=says)

    def list_sources(self) -> str:
        """The first page of the documents (/sources); "/more" lists the next."""
        if self.sources is None:
            return ""
        header, *items = self.sources(self.texts).split("\n")
        if not items:  # "No documents yet"
            return header
        self.listing = (items, 0)
        return "\n".join([header, self._sources_page()])

    def _sources_page(self) -> str:
        """The next :data:`SOURCES_PAGE` documents of :attr:`listing`, then how many of how
        many were shown and, while more are left, that /more lists them."""
        assert self.listing is not None
        items, shown = self.listing
        page = items[shown : shown + SOURCES_PAGE]
        shown += len(page)
        self.listing = (items, shown) if shown < len(items) else None
        if self.listing is None:
            return "\n".join(page)
        said = self.texts.CLI_SOURCES_MORE.format(shown=shown, total=len(items))
        return "\n".join([*page, said])

    def more(self) -> str:
        if self.listing is not None:
            return self._sources_page()
        if self.last is None:
            return str(self.texts.CLI_NO_MORE_QUESTION)
        question, context, shown = self.last
        answer = self.library.answer(question, context=context, k=self.page_size, offset=shown)
        if not answer.hits:
            return str(self.texts.CLI_NO_MORE_RESULTS)
        self.last = (question, context, shown + len(answer.hits))
        documents, home, says = self._documents(), self.home, self.chosen
        return render_answer(
            answer, self.layout, first=False, documents=documents, speaks=home, says=says
        )

    def opened(self, text: str) -> str | None:
        """The result ``text`` names by its number ("2", "the second one", "#3", "второй",
        "7" past those shown), quoted as the first is, or a line in the question's language
        saying how many there are; None when it names no result, or names a division after a
        question naming one ("and the second?" after "Chapter I")."""
        rank = result_asked(text, replying=True)  # the results above are numbered
        if rank is not None and self.last is None and names_a_result(text):
            return str(self.texts.NUMBER_BEFORE_QUESTION)  # after /reset: not searched as words
        if rank is None or self.last is None:
            return None
        question, context, _ = self.last
        if divisions.names_a_division(text, f"{context or ''} {question}"):
            return None
        # Never searched as words: "7" was "(recherche : 7 (à la suite de : …))", in French.
        # "0" names no result: the ranking's size is told all the same.
        answer = self.library.answer(question, context=context, k=1, offset=max(rank - 1, 0))
        if rank < 1:  # counted as past the last result is ("999"): the repeats left out
            end = answer.total
            answer = self.library.answer(question, context=context, k=1, offset=end)
        t = strings(self._speaks(asked_in(answer), question))
        if not answer.hits or rank < 1:
            found = t.passages(answer.total)
            return str(t.NO_SUCH_RESULT.format(rank=rank, question=question, found=found))
        return render_hit(answer.hits[0], self.layout, True, self._documents(), t)

    def _documents(self) -> dict[str, Document]:
        return {document.doc: document for document in self.library.documents()}
