"""Answers as Telegram HTML that always fits one message.

The reply to a question quotes the best excerpt and cites it, then lists further hits as lines;
a declined question says what was searched and shows the closest passages as such; in a group
the answer is the one quote. When a message would be too long, whole hits are left out, and a
single excerpt too long is cut between words.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from typing import TypedDict, Unpack

from bot import buttons
from bot.locales import Strings, en
from bot.render.citations import Pages, citation, cited_date, where
from bot.render.code import code_view, cut_code
from bot.render.html import (
    ELLIPSIS,
    TELEGRAM_LIMIT,
    Reply,
    bold,
    cut_escaped,
    echo,
    esc,
    fit,
    link,
    shorten,
    tg_len,
)
from bot.render.inlinecode import code_spans
from retrieval.model import Answer, Document, Excerpt, Hit, Passage
from retrieval.search.languages import ENDONYMS

SHOWN_QUESTION = 300  # characters of a question repeated back in a reply
LINE_EXCERPT = 240  # characters of HTML for the excerpt of a one-line further hit
PAGE_EXCERPT = 1000  # characters of HTML for each excerpt on a "More results" page
GROUP_QUOTE = 900  # characters of HTML for the one quote of a group answer, citation included
CHOICE_EXCERPT = 300  # characters of HTML for each passage /quote offers to choose from
CITATION_CHARACTERS = 200


def _code(text: str) -> str:
    return f"<code>{text}</code>"


Run = tuple[str, Callable[[str], str] | None]  # text, and how it is wrapped (bold, code, none)


def _runs(excerpt: Excerpt, marks: bool) -> list[Run]:
    """The excerpt's text as runs: matched words in bold (unless not ``marks``), inline code
    (:func:`code_spans`) as code, where no matched word is in it (Telegram puts no bold in
    code: an identifier matched is bold whole, see :func:`identifier_around`)."""
    text = "".join(segment.text for segment in excerpt.segments)
    marked = [False] * len(text)
    at = 0
    for segment in excerpt.segments:
        if segment.marked:
            marked[at : at + len(segment.text)] = [True] * len(segment.text)
        at += len(segment.text)
    spans = [(a, b) for a, b in code_spans(text) if not any(marked[a:b])]
    runs: list[Run] = []
    cursor = 0
    for a, b in [*spans, (len(text), len(text))]:
        for part, bolded in _marked_parts(text, marked, cursor, a):
            runs.append((part, bold if bolded and marks else None))
        if b > a:
            runs.append((text[a:b], _code))
        cursor = b
    return runs


def _marked_parts(text: str, marked: list[bool], start: int, end: int) -> list[tuple[str, bool]]:
    """``text[start:end]`` cut where its marking changes."""
    parts: list[tuple[str, bool]] = []
    for bolded, group in itertools.groupby(range(start, end), marked.__getitem__):
        positions = list(group)
        parts.append((text[positions[0] : positions[-1] + 1], bolded))
    return parts


def excerpt_html(excerpt: Excerpt, budget: int = TELEGRAM_LIMIT, *, marks: bool = True) -> str:
    """The excerpt with matched words in bold (unless not ``marks``: Telegram nests nothing in
    code) and inline code as code, at most ``budget`` long (cut with "…")."""
    runs = _runs(excerpt, marks)
    pieces = [wrap(esc(part)) if wrap else esc(part) for part, wrap in runs]
    full = (
        (ELLIPSIS + " " if excerpt.cut_before else "")
        + "".join(pieces)
        + (" " + ELLIPSIS if excerpt.cut_after else "")
    )
    if tg_len(full) <= budget:
        return full
    tail = " " + ELLIPSIS
    used = tg_len(tail)
    parts: list[str] = []
    if excerpt.cut_before:
        parts.append(ELLIPSIS + " ")
        used += tg_len(parts[0])
    for (part, wrap), piece in zip(runs, pieces, strict=True):
        if used + tg_len(piece) <= budget:
            parts.append(piece)
            used += tg_len(piece)
            continue
        room = budget - used - (tg_len(wrap("")) if wrap else 0)
        # Code, or a matched word, is never cut inside ("<b>ASN1_D</b> …"): left out whole.
        whole_only = wrap is _code or (wrap is not None and not any(c.isspace() for c in part))
        head = cut_escaped(part, room) if room > 0 and not whole_only else ""
        if head:
            parts.append(wrap(head) if wrap else head)
        break
    if used > budget:
        return ""
    return "".join(parts).rstrip() + tail


def citation_html(
    passage: Passage,
    bot_username: str | None = None,
    t: Strings = en,
    document: Document | None = None,
    pages: Pages = None,
) -> str:
    """The citation, escaped, as a link that opens the passage when the bot's name is known;
    then, given the ``document``, its date and source (a link when it is a URL). ``pages``: the
    pages to cite (a hit's, where its quote stands), else the passage's first."""
    text = esc(citation(passage, t, pages=pages, limit=CITATION_CHARACTERS))
    cited = link(buttons.passage_link(bot_username, passage.id), text)
    origin = origin_html(document, passage)
    return f"{cited} · {origin}" if origin else cited


def origin_html(document: Document | None, passage: Passage | None = None) -> str:
    """ "2008-05-23 · source" for a document whose date or source is known; the source a link
    when it is a URL. Empty when neither is known. No date beside a ``passage`` whose heading
    states its own (see :func:`cited_date`)."""
    if document is None:
        return ""
    date = cited_date(document, passage)
    parts = [esc(date)] if date else []
    source = shown_source(document)
    if source:
        shown = esc(shorten(source, CITATION_CHARACTERS))
        parts.append(link(source, shown) if is_url(source) else shown)
    return " · ".join(parts)


def is_url(text: str) -> bool:
    return text.startswith(("https://", "http://"))


def shown_source(document: Document) -> str | None:
    """The document's source as a reader can follow it: a web address, or what the manifest or
    the file's metadata names; never a path on someone's disk (``file://``)."""
    source = (document.source or "").strip()
    return source if source and not source.lower().startswith("file:") else None


MaybeDocument = Document | None


def first_citations(
    hits: Sequence[Hit], documents: Mapping[str, Document] | None
) -> dict[str, Mapping[str, Document]]:
    """For each hit's passage id, the documents to cite it with, so that a document's date and
    source each stand once in a reply, not on each of its three quotes (a web address wrapping
    every citation to four lines): its first hit with both; a later one with the date alone
    while no citation has shown it yet (the first stood under a heading dated its own way, a
    release's notes); none after."""
    shown: dict[str, bool] = {}  # document → whether its date has been shown
    cited: dict[str, Mapping[str, Document]] = {}
    for hit in hits:
        doc = hit.passage.doc
        document = documents.get(doc) if documents else None
        if document is None or shown.get(doc):
            cited[hit.passage.id] = {}
            continue
        first = doc not in shown
        cited[hit.passage.id] = {doc: document if first else replace(document, source=None)}
        shown[doc] = bool(cited_date(document, hit.passage)) or not document.date
    return cited


def quote_block(hit: Hit, budget: int, bot: str | None, t: Strings, doc: MaybeDocument) -> str:
    """A blockquote of the excerpt (code as code), then "— citation"; the excerpt is cut to fit
    ``budget``."""
    cite = "\n— " + citation_html(hit.passage, bot, t, doc, hit.pages)
    return _quoted(hit, budget - tg_len(cite)) + cite


def _quoted(hit: Hit, budget: int) -> str:
    """The excerpt quoted within ``budget``: prose in a blockquote; for a code passage, its
    prose quoted and its code as preformatted code, kept as laid out."""
    if hit.passage.kind == "code":
        return code_html(hit, budget)
    frame = tg_len("<blockquote></blockquote>")
    return f"<blockquote>{excerpt_html(hit.excerpt, budget - frame)}</blockquote>"


def code_html(hit: Hit, budget: int) -> str:
    """A code passage's excerpt: the prose quoted (marks kept), then the code in ``<pre>`` (no
    marks: Telegram nests nothing in code), from the line the excerpt is about."""
    view = code_view(hit, budget)
    prose = ""
    if view.prose is not None:
        room = max(budget // 3, min(budget, 300))
        prose = f"<blockquote>{excerpt_html(view.prose, room)}</blockquote>\n"
    marks = ("…\n" if view.skipped_lines else "", "\n…")
    room = budget - tg_len(prose + "<pre></pre>" + "".join(marks))
    code, cut = cut_code(view.code, room, lambda text: tg_len(esc(text)))
    if not code:
        return prose.rstrip("\n") or "<pre>…</pre>"
    return f"{prose}<pre>{marks[0]}{esc(code)}{marks[1] if cut else ''}</pre>"


def ranked_block(hit: Hit, budget: int, bot: str | None, t: Strings, doc: MaybeDocument) -> str:
    """ "n. citation", then the excerpt quoted and cut to fit ``budget``: a page entry."""
    cite = citation_html(hit.passage, bot, t, doc, hit.pages)
    head = f"{bold(f'{hit.rank}.')} {cite}\n"
    return head + _quoted(hit, budget - tg_len(head))


def hit_line(hit: Hit, bot_username: str | None, t: Strings = en) -> str:
    """A further hit on one line, "2. citation: short excerpt": numbered by its rank, as the
    terminal and the More results pages number it, so that "the second one" is this one."""
    cite = citation_html(hit.passage, bot_username, t, pages=hit.pages)
    if hit.passage.kind == "code":
        return f"{hit.rank}. {cite}{t.LINE_COLON}{_code_line(hit)}"
    return f"{hit.rank}. {cite}{t.LINE_COLON}{excerpt_html(hit.excerpt, LINE_EXCERPT)}"


def _code_line(hit: Hit) -> str:
    """A code passage on one line: its introducing sentence, else its first line as code; a
    label alone ("zsh", a list item's over its listing) with the first command under it: "zsh"
    alone said nothing of why the passage was relevant."""
    view = code_view(hit, LINE_EXCERPT)
    first = _first_command(view.code)
    code = f"<code>{esc(shorten(first, LINE_EXCERPT // 2))}</code>"
    if view.prose is None:
        return code
    prose = excerpt_html(view.prose, LINE_EXCERPT)
    if not first or not _is_label(view.prose.plain):
        return prose
    return f"{prose}{'' if view.prose.plain.rstrip().endswith(':') else ':'} {code}"


LABEL_CHARACTERS = 40  # a code passage's prose this short, no sentence, only names its listing
_COMMENT_OPENERS = ("#", "//", "/*", "-- ", ";", "<!--")


def _is_label(prose: str) -> bool:
    """Whether a code passage's prose only names its listing ("zsh", "Example:"), as opposed
    to a sentence introducing it."""
    text = prose.strip().rstrip(":：")
    return len(text) <= LABEL_CHARACTERS and not re.search(r"[.!?。！？]", text)


def _first_command(code: str) -> str:
    """The listing's first line that is not a comment, else its first line."""
    lines = [line.strip() for line in code.strip().split("\n") if line.strip()]
    commands = [line for line in lines if not line.startswith(_COMMENT_OPENERS)]
    return (commands or lines or [""])[0]


class Framing(TypedDict, total=False):
    """How a reply to a question is framed (every key optional).

    ``bot_username``: citations link to the passage in the private chat with the bot;
    ``context``: the earlier question a follow-up was read with (said in a note); ``echo``:
    the question is repeated first (asked by tapping a button, or taken from another message);
    ``limit``: the message's length; ``t``: the strings of the user's language;
    ``documents``: by file name, for the date and source of the quoted passage's document.
    """

    documents: Mapping[str, Document]
    bot_username: str | None
    context: str | None
    echo: bool
    limit: int
    t: Strings


def answer_reply(answer: Answer, **framing: Unpack[Framing]) -> Reply:
    """The reply to a question: the best excerpt quoted and cited, then further hits as lines."""
    if not answer.answered or not answer.hits:
        return declined_reply(answer, **framing)
    bot, limit, t = _framed(framing)
    # Which languages to ask in comes first, as over the closest passages of a declined
    # question: under the quote it read as said of that passage alone.
    before = [*_head(answer, framing), *_foreign(answer, t)]
    top, *rest = answer.hits
    fixed = tg_len("\n\n".join([*before, ""]))
    document = framing.get("documents", {}).get(top.passage.doc)
    hedge = [t.HEDGED] if answer.outcome == "hedged" else []
    before.append(quote_block(top, limit - fixed - tg_len("\n\n".join(hedge)), bot, t, document))
    before += hedge
    lines = [hit_line(hit, bot, t) for hit in rest]
    further = fit(before, lines, header=t.ANSWER_MORE_HEADER, limit=limit)
    return Reply(further.text, 1 + further.shown)


def declined_reply(answer: Answer, **framing: Unpack[Framing]) -> Reply:
    """The no-answer reply: what was searched, that nothing answered, the closest passages."""
    bot, limit, t = _framed(framing)
    before = _head(answer, framing)
    lines = [hit_line(hit, bot, t) for hit in answer.hits]
    if answer.foreign and not lines:
        return Reply("\n\n".join([*before, *_foreign(answer, t)]), 0)
    if answer.foreign:  # its words found passages: the closest, as for any declined question
        return fit([*before, *_foreign(answer, t)], lines, header=t.NO_ANSWER_CLOSEST, limit=limit)
    before.append(t.NO_ANSWER.format(query=echo(answer.question, SHOWN_QUESTION)))
    if not answer.hits:
        before.append(t.NO_ANSWER_NOTHING)
    after = [*elsewhere(answer, t, esc), t.NO_ANSWER_HINT]
    return fit(before, lines, after, header=t.NO_ANSWER_CLOSEST, limit=limit)


def group_answer_reply(answer: Answer, **framing: Unpack[Framing]) -> Reply:
    """The short reply in a group: the best excerpt quoted and cited, nothing more.

    A declined question gets one line saying so. The full answer and further results are one
    tap away in the private chat (the button of :func:`bot.buttons.link_keyboard`).
    """
    bot, limit, t = _framed(framing)
    before = _head(answer, framing)
    if answer.foreign and not answer.answered:  # which languages to ask in; passages a tap away
        return Reply("\n\n".join([*before, *_foreign(answer, t)]), 0)
    if not answer.answered or not answer.hits:
        said = [
            t.NO_ANSWER.format(query=echo(answer.question, SHOWN_QUESTION)),
            # No passage at all: none is a tap away (the button is left out too).
            t.GROUP_NO_ANSWER_HINT if answer.hits else t.NO_ANSWER_NOTHING,
        ]
        text = "\n\n".join([*before, *said])
        # The search (question and context) is said anyway: repeating them may go.
        return Reply(text if tg_len(text) <= limit else "\n\n".join(said), 0)
    before += _foreign(answer, t)  # first, as in the full reply
    fixed = tg_len("\n\n".join([*before, ""]))
    if fixed + GROUP_QUOTE > limit:  # absurdly long question and context: the quote comes first
        before, fixed = [], 0
    top = answer.hits[0]
    document = framing.get("documents", {}).get(top.passage.doc)
    before.append(quote_block(top, min(GROUP_QUOTE, limit - fixed), bot, t, document))
    if answer.outcome == "hedged":
        before.append(t.HEDGED)
    return Reply("\n\n".join(before), 1)


def refused(answer: Answer) -> bool:
    """Whether ``answer`` only says which languages to ask in (a question in another, whose
    words found nothing): no question was searched, as for one of common words only, so numbers
    name none of its results and nothing follows up on it ("2004" after "データの形式は何ですか"
    was refused again, "404?" searched as its follow-up)."""
    return answer.foreign and not answer.hits


def _foreign(answer: Answer, t: Strings) -> list[str]:
    """For a question in a language no document is written in: which languages they are
    written in (alone, or under a quote its words still found)."""
    if not answer.foreign:
        return []
    return [wrong_language(t, answer.corpus_languages, esc)]


def wrong_language(t: Strings, codes: tuple[str, ...], quote: Callable[[str], str]) -> str:
    """Which languages the documents are written in, said of one language as of one."""
    if len(codes) == 1:
        return str(t.WRONG_LANGUAGE_ONE.format(language=quote(language_names(codes, t))))
    return str(t.WRONG_LANGUAGE.format(languages=quote(language_names(codes, t))))


def elsewhere(answer: Answer, t: Strings, quote: Callable[[str], str]) -> list[str]:
    """For a declined question in one of the documents' languages whose closest passages lead
    with others (the first two, or the only one, in other languages): a line naming those, as
    the subject may be covered only there ("how do I set a cookie with SameSite=Strict?" to a
    French cookie guide, an English passage on CORS third). Nothing otherwise: a foreign
    question is told the documents' languages already (:func:`wrong_language`)."""
    if answer.answered or answer.foreign or not answer.hits:
        return []
    ahead = list(itertools.takewhile(lambda h: h.passage.lang != answer.language, answer.hits))
    if len(ahead) < min(2, len(answer.hits)):
        return []
    found = tuple(dict.fromkeys(hit.passage.lang for hit in ahead))
    if len(found) == 1:
        return [str(t.ELSEWHERE_ONE.format(language=quote(language_names(found, t))))]
    return [str(t.ELSEWHERE.format(languages=quote(language_names(found, t))))]


def _framed(framing: Framing) -> tuple[str | None, int, Strings]:
    return (
        framing.get("bot_username"),
        framing.get("limit", TELEGRAM_LIMIT),
        framing.get("t", en),
    )


def _head(answer: Answer, framing: Framing) -> list[str]:
    context, t = framing.get("context"), framing.get("t", en)
    head = []
    if framing.get("echo"):
        head.append("❓ " + bold(echo(answer.question, SHOWN_QUESTION)))
    if context:
        head.append(t.FOLLOW_UP_NOTE.format(context=echo(context, SHOWN_QUESTION)))
    return head


def page_reply(
    answer: Answer,
    *,
    question: str,
    bot_username: str | None = None,
    corpus_changed: bool = False,
    limit: int = TELEGRAM_LIMIT,
    t: Strings = en,
    documents: Mapping[str, Document] | None = None,
    context: str | None = None,
) -> Reply:
    """A "More results" page: each hit quoted and numbered by rank (with its document's date
    and source), then "Results a–b of n". Of a follow-up (``context``: the question it was
    read with), the title names both: "why?" alone says nothing of what was searched."""
    shown = echo(question, SHOWN_QUESTION)
    if context:
        after_what = echo(context, SHOWN_QUESTION)
        before = [t.PAGE_HEADER_FOLLOW_UP.format(question=shown, context=after_what)]
    else:
        before = [t.PAGE_HEADER.format(question=shown)]
    if corpus_changed:
        before.append(t.CORPUS_CHANGED)
    origins = first_citations(answer.hits, documents)
    items = [
        ranked_block(
            hit, PAGE_EXCERPT, bot_username, t, origins[hit.passage.id].get(hit.passage.doc)
        )
        for hit in answer.hits
    ]
    after = []
    if answer.hits:
        last = answer.hits[-1].rank
        after.append(
            t.ANSWER_COUNT.format(
                first=answer.hits[0].rank, last=last, total=max(answer.total, last)
            )
        )
    return fit(before, items, after, joiner="\n\n", limit=limit)


def choices_reply(
    answer: Answer, *, words: str, limit: int = TELEGRAM_LIMIT, t: Strings = en
) -> Reply:
    """What /quote says when its words fit several passages: the candidates, numbered."""
    before = [t.QUOTE_CHOOSE.format(words=echo(words, SHOWN_QUESTION))]
    items = [
        f"{bold(f'{hit.rank}.')} {esc(cited(hit, t, CITATION_CHARACTERS))}{t.LINE_COLON}"
        f"{excerpt_html(hit.excerpt, CHOICE_EXCERPT)}"
        for hit in answer.hits
    ]
    return fit(before, items, joiner="\n\n", limit=limit)


def cited(hit: Hit, t: Strings = en, limit: int | None = None) -> str:
    """The plain citation of a hit: the pages its quote stands on (its ¶ kept within
    ``limit``)."""
    return citation(hit.passage, t, pages=hit.pages, limit=limit)


def choice_label(hit: Hit, t: Strings = en) -> str:
    """The label of the button that posts ``hit``'s passage: "n. ¶ p · title" (plain text)."""
    label: str = t.BUTTON_CHOICE.format(
        rank=hit.rank, where=where(hit.passage, t, hit.pages), title=hit.passage.title
    )
    return label


def language_name(code: str, t: Strings = en) -> str:
    """A language as the reader's locale names it, else as its speakers do, else its code."""
    names: dict[str, str] = t.LANGUAGE_NAMES
    return names.get(code) or ENDONYMS.get(code, code)


def language_names(codes: tuple[str, ...], t: Strings = en) -> str:
    """The corpus's languages as the reader's locale names them ("English, Russian and
    Spanish"; "английский и русский"; "英语和俄语"); one it has no name for as its speakers
    name it."""
    named = [language_name(c, t) for c in codes]
    if len(named) < 2:
        return "".join(named)
    last = str(t.LIST_LAST_SEPARATOR)
    if last == " y " and _I_SOUND.match(named[-1]):
        last = " e "  # Spanish "y" before an "i" sound: "español e inglés", "alemán e hindi"
    return str(t.LIST_SEPARATOR).join(named[:-1]) + last + named[-1]


_I_SOUND = re.compile(r"(?i)h?[ií](?![aeoáéó])")
