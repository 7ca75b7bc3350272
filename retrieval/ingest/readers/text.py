"""Read a corpus file and turn it into a titled list of headings and paragraphs.

The steps are small and separate: :func:`decode` (bytes → text or a :class:`DocumentError`),
:func:`units` (lines → logical lines, reflowing hard-wrapped text), :func:`parse` (units → title,
date, sections and paragraphs). Splitting long paragraphs into passages is :mod:`paragraphs`.
"""

from __future__ import annotations

import dataclasses
import functools
import itertools
import re
from pathlib import Path

from retrieval.errors import DocumentError
from retrieval.ingest.dates import find_date
from retrieval.ingest.parsed import Block, BlockKind, ParsedDocument
from retrieval.ingest.passages import MAX_PASSAGE_CHARS as LISTING_CHARS
from retrieval.ingest.readers.chapters import (
    CHAPTER_WORDS,
    SUBTITLE_WORDS,
    is_bare_chapter,
    is_byline,
    is_capitals,
    is_chapter,
    is_dialogue,
    is_name,
    is_quoted,
    roman_chapters,
)
from retrieval.ingest.readers.common import Outline, fallback_title, stated_author
from retrieval.ingest.readers.decoding import decode
from retrieval.ingest.readers.gutenberg import Book, without_boilerplate
from retrieval.ingest.readers.lines import (
    ARTICLE_LEVEL,
    BULLET,
    CJK_PUNCTUATION,
    CODE_MARK,
    COPYRIGHT,
    ITEM,
    LETTER_ITEM,
    MARKDOWN_HEADING,
    PROMPT,
    QUESTION_HEADING_WORDS,
    SENTENCE_END,
    UNDERLINE,
    Row,
    article_lead,
    body_indent,
    division_level,
    in_capitals,
    indent_of,
    is_bare_division,
    is_cjk_heading,
    is_cjk_item,
    is_data,
    is_numbered_heading,
    is_prose,
    item_number,
    lines_alone,
    looks_like_heading,
    numbers_articles,
    text_blocks,
    units,
)
from retrieval.ingest.readers.releases import Notes, set_apart
from retrieval.ingest.readers.toc import entry_key, without_contents
from retrieval.sentences import join_lines
from retrieval.text import CJK_CHAR, clean, squeeze, word_count

WORD_LIST = "a list of words, one a line, not text to quote"
WORD_LIST_LINES = 1000  # the fewest lines of a word list that is skipped (see is_word_list)
WORD_LIST_SHARE = 0.9  # of its lines, the share that are one word each
# One word alone on its line, no sentence's stop or comma in it ("don't", "e-mail", "U.S.A"),
# in a script that spaces its words: a line of Chinese or Japanese verse ("床前明月光") is no
# word, though it holds no space.
_LONE_WORD = re.compile(rf"^\s*(?:(?!{CJK_CHAR.pattern})[\w'’.-]){{1,40}}\s*$")
LAST_LINES = 40  # trailing lines past a signature block's: placed as fragments (see _place_last)
TITLE_SENTENCE_WORDS = 25  # the longest first sentence still read as a title
OUTDENTED_WORDS = 16  # the longest line read as a heading for standing left of its text
WRAPPED_QUESTION_LINES = 3  # the most lines a numbered question at the margin is wrapped over
LIST_RUN = 4  # short lines alone in a row, past the first, that are a list, not headings
LIST_RUN_WORDS = 8  # the most words of such a line
CONTENTS_RUN = 3  # headings of a legal text's divisions in a row that list them, not head them
FAQ_QUESTIONS = 3  # question lines that make a document a FAQ
_SENTENCE_INSIDE = re.compile(r"[.!?][\"'”’)]*\s+[A-Z]")
_STATES_VERSION = re.compile(
    r"(?i)(?:version|revision|updated|last (?:modified|updated|revised)|ratified|effective)\b.*"
    r"\b(?:19|20)\d\d\b"
)
_LAST_MODIFIED = re.compile(
    r"(?i)^\W*(?:this\s+(?:page|document)\s+(?:was\s+)?)?last\s+(?:modified|updated|revised)\b"
    r"[^.!?]{0,60}$"
)
# A chapter's title, which may end in a full stop as its sentence does ("Capítulo 1. Empezando
# «de la forma correcta».", in the Spanish Debian maintainers' guide): still the title.
_CHAPTER_TITLE = re.compile(
    rf"^(?:{CHAPTER_WORDS}|Appendix|Annexe|Ap[ée]ndice|Anhang|Приложение)"
    r"\s+[\dIVXLC]+[.:]?\s+\S.{0,100}$",
)
# A line ending so is a sentence, or one leading into what follows: no heading.
_NOT_HEADING_END = (".", ":", ";", ",", "!", "：", "。")
# A mail or Usenet header's field: "Archive-Name: editor-faq/sed", "Last-modified: 10 March 2003".
_PREAMBLE = re.compile(r"(?i:preamble|pr[ée]ambule|pre[áa]mbulo|преамбула|序言)[.:]?$")
_PART_NUMBER = re.compile(r"^\d{1,3}(?:\.\d{1,3})+\.?\s+\S")  # "5.1. Конституционный Суд …:"
# A note's mark ending a heading: "Статья 81 <*>", "ГЛАВА 7. СУДЕБНАЯ ВЛАСТЬ И ПРОКУРАТУРА <23>"
# (ConsultantPlus marks its notes so), "[1]", "*"; only the bracketed marks end other headings.
# A mark in angle brackets is a note's only where the text holds that note, a line opening with it
# ("<23> Редакция наименования главы 7 …"): elsewhere "<1>" is a key to press or a priority
# ("press Ctrl+K and then <1> to fold …"), kept as written (see _unmarked).
_HEADING_MARK = re.compile(r"\s*(?:<(?P<label>\d{1,3}|\*{1,3})>|\[\d+\]|(?P<star>\*))$")
# The same mark after a word in running text, a reference to its note ("Забайкальский край <8>,",
# "… в конкретном деле <*>."); a line opening with one is the note itself ("<24> Статья 127 …").
_NOTE_REFERENCE = re.compile(r"(?<=[\w).»”\"])[ \t]+<(\d{1,3}|\*{1,3})>(?=[\s.,;:)]|$)")
_NOTE_LINE = re.compile(r"^[ \t]*<(\d{1,3}|\*{1,3})>[ \t]+\S", re.MULTILINE)
_HEADER_FIELD = re.compile(r"^(?P<key>[A-Z][A-Za-z]*(?:-[A-Za-z]+)*):[ \t]+(?P<value>\S.*)$")
HEADER_FIELDS = 3  # fewer "Key: value" lines opening a text are its first lines, not a header
_TITLE_FIELDS = ("title", "subject")
_DATE_FIELDS = ("last-modified", "date", "posted", "created")
_SOURCE_FIELDS = ("url", "source", "x-url", "archive-url")
_AUTHOR_FIELDS = ("author", "authors")
_URL = re.compile(r"^(?:https?|ftp)://\S+$")
# "_word_" or "_a few words_": an underscore at a word's start and one at a word's end, neither
# inside a name (not after or before a letter, a digit or another underscore).
_UNDERSCORED = re.compile(r"(?<!\w)_(?=\w)(?!_)([^_\n]+?(?:\n[^_\n]+?)?)(?<=\S)_(?!\w)")
_MD_QUOTE = re.compile(r"^\s{0,3}>\s?")
_MD_IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
_MD_LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)")
_MD_CODE = re.compile(r"`([^`]+)`")
_MD_STRONG = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_MD_EMPHASIS = re.compile(r"(?<![\w*])\*(?=\S)([^*]+?)(?<=\S)\*(?![\w*])")


def read_text(data: bytes, path: Path) -> ParsedDocument:
    """The reader of plain-text files (``.txt``)."""
    text = text_of(data, path)
    if is_word_list(text):
        raise DocumentError(path, WORD_LIST)
    document = parse(text, fallback_title=fallback_title(path))
    line = None if document.blocks else _only_line(text)
    if line:
        # A file that is one line ("SIEVE (Algorithm 35)", a catalogue's title-only entry, a
        # one-line note) says that line: it is the document's passage (and its title, when it
        # reads as one), not a file skipped as holding "no paragraphs" (half of CACM's 3,204
        # records were, and NPL's "cascade directional filter"). Two lines that both read as
        # headings are still no text.
        document.add(None, line)
    return document


_SPACED_STOP = re.compile(r"\s+\.$")  # a title's closing " ."
_MIN_SPACED_STOPS = 2  # a text's " . " that show it writes its stops apart (not a note "git add .")


def _only_line(text: str) -> str | None:
    """The one line of a text that has one (white space folded), else None."""
    lines = [line for line in text.splitlines() if line.strip()]
    if len(lines) != 1 or not any(c.isalnum() for c in lines[0]):
        return None  # "----------", "* * *", "👍": nothing to find
    return " ".join(lines[0].split())


def is_word_list(text: str) -> bool:
    """Whether ``text`` is a list of words (or numbers), one a line, thousands of them: a
    spelling dictionary, a word game's list, a column of data. Read as text, it was one
    "paragraph" of a thousand passages of words in alphabetical order, which matched any
    question and answered none. A document's own lists and tables are far shorter."""
    lines = [line for line in text.split("\n") if line.strip()]
    if len(lines) < WORD_LIST_LINES:
        return False
    words = sum(1 for line in lines if _LONE_WORD.match(line))
    return words >= WORD_LIST_SHARE * len(lines)


def text_of(data: bytes, path: Path) -> str:
    """The cleaned text of a text file's bytes; :class:`DocumentError` when there is none."""
    text = clean(decode(data, path))
    if not text.strip():
        raise DocumentError(path, "empty")
    return text


def read_document(path: Path) -> str:
    """The cleaned text of ``path``; :class:`DocumentError` when it can't be used."""
    try:
        data = path.read_bytes()
    except OSError as error:
        raise DocumentError(path, f"cannot be read ({error.strerror or error})") from error
    return text_of(data, path)


def _question_headings(lines: list[str]) -> set[str]:
    """Questions that head their answers, as in a FAQ ("12. Can I use it without paying?"): a
    short line (one or two sentences) ending in "?" followed by a paragraph that is not another
    question, in a document with several (one rhetorical question is a paragraph like others).
    Never a line of dialogue ("— Ну?", "-¿Y las narices?", "“Where?”"), and none in a story,
    where such lines are mostly dialogue: there the others are lines of verse or of a speech.
    Never a line opening in lower case, as a glossary's entries do ("comment faire? wat te
    doen?"): a heading opens with a capital or a number."""
    asked = {
        line
        for line, following in itertools.pairwise(lines)
        if line.rstrip("\"'”’»").endswith("?")
        and len(line.split()) <= QUESTION_HEADING_WORDS
        and len(_SENTENCE_INSIDE.findall(line[:-1])) <= 1  # "… smaller. Is this a bug?"
        and (is_prose(following) or following.endswith(SENTENCE_END))  # "No." answers too
        and not following.endswith(("?", "？"))
    }
    found = {
        line
        for line in asked
        if line.endswith("?")
        and not (is_dialogue(line) or is_quoted(line))
        and not line[:1].islower()  # a glossary's "comment faire? wat te doen?"
    }
    if 2 * len(found) <= len(asked):
        return set()
    return found if len(found) >= FAQ_QUESTIONS else set()


def _is_sentence_title(lines: list[str]) -> bool:
    """A first line that reads as a sentence ("Vitamin D lowers the risk of falls.") is still the
    title when a longer body follows it, as in an abstract: title and body stay one unit rather
    than the title becoming a passage of its own. Not a line that states a date, or a version
    and its date; a headline that mentions a date is still a title."""
    if len(lines) < 2 or _is_dateline(lines[0]) or _STATES_VERSION.match(lines[0]):
        return False  # "Version 1.2 ratified on October 1st, 2022." dates the text; no title
    if "\n" in lines[0]:
        return False  # a block of data
    first = lines[0].split()
    return 1 <= len(first) <= TITLE_SENTENCE_WORDS and len(lines[1].split()) > len(first)


def _looks_like_title(line: str) -> bool:
    words = line.split()
    return (
        1 <= len(words) <= 30
        and not line.endswith((".", "!", ",", ";"))
        # "第 11 章 定制您的 Debian GNU/Linux 系统": Chinese has no capitals
        and (
            line[0].isupper()
            or bool(CJK_CHAR.match(line[0]) and not CJK_PUNCTUATION.search(line))
            or _caseless(line[0])
        )
    )


def _caseless(letter: str) -> bool:
    """A letter of a script without capitals (Arabic, Persian, Hebrew, Thai, Devanagari …),
    whose titles start as any line does: "إيقاف تشغيل متطلبات كلمات المرور القوية" was no title,
    and the file's name titled it."""
    return letter.isalpha() and letter.lower() == letter.upper() and not CJK_CHAR.match(letter)


def _is_dateline(line: str) -> bool:
    """A place and a date standing alone: "Beijing, 23 May 2008", "January 11, 2017"."""
    return len(line.split()) <= 6 and find_date([line]) is not None


def _without_underscores(block: Block) -> Block:
    """``block`` without the underscores Project Gutenberg sets around the words a book prints
    in italics ("_en_ été", "_La Haye_, novembre 1904"); never those inside a name ("snake_case",
    "__init__", "_NET_WM_NAME"). Only in an e-text: a manual's "_ROWID_" is a name."""
    section = _UNDERSCORED.sub(r"\1", block.section) if block.section else block.section
    above = tuple(_UNDERSCORED.sub(r"\1", heading) for heading in block.above)
    text = _UNDERSCORED.sub(r"\1", block.text)
    return dataclasses.replace(block, text=text, section=section, above=above)


def strip_markdown(text: str) -> tuple[str, set[str]]:
    """Markdown as a reader sees it: links, images, emphasis and code marks and quote markers
    removed; also the texts of its ``#`` headings, which are headings whatever they look like."""
    headings = set()
    out = []
    for line in text.split("\n"):
        line = _MD_QUOTE.sub("", line)
        line = _MD_IMAGE.sub(r"\1", line)
        line = _MD_LINK.sub(r"\1", line)
        line = _MD_CODE.sub(r"\1", line)
        line = _MD_STRONG.sub(r"\2", line)
        line = _MD_EMPHASIS.sub(r"\1", line)
        if MARKDOWN_HEADING.match(line):
            headings.add(squeeze(MARKDOWN_HEADING.sub("", line)).rstrip("#").strip())
        out.append(line)
    return "\n".join(out), headings


def parse(text: str, fallback_title: str, markdown: bool = False) -> ParsedDocument:
    """Turn a document's cleaned text into its title, date and sectioned paragraphs."""
    headings: set[str] = set()
    if markdown:
        text, headings = strip_markdown(text)
    book, text = without_boilerplate(text)
    fields, text = _header_fields(text)
    text, releases = set_apart(text)  # a CHANGELOG's "mkdocs-material-9.7.6 (2026-03-19)"
    # release notes list the same changes under several releases: none is a table of contents
    text, listed = without_contents(text) if not releases else (text, set())
    lines, numbered = _chaptered_units(text, releases)
    header_end = next((i for i, line in enumerate(lines) if is_prose(line)), len(lines))
    raw_header = [
        squeeze(r) for r in text.split("\n")[: max(1, _raw_line_count(text, lines, header_end))]
    ]
    stated = [*(book.dates if book else ()), *(fields[k] for k in _DATE_FIELDS if k in fields)]
    # "This page last modified on 2018-11-26 12:01:01 UTC" closing a saved page: its date,
    # no passage (it answered "who won the world cup in 2018?")
    footer = lines[-1:] if lines and _LAST_MODIFIED.match(lines[-1]) else []
    footer_date = find_date(footer)
    date = find_date(stated) or find_date(raw_header) or footer_date
    lines = lines[: len(lines) - len(footer)] if footer_date else lines
    # release notes opening with a release have no title line: the file's name ("CHANGELOG")
    first = next((i for i, line in enumerate(lines) if line in releases), len(lines))
    title, start = _title(lines[:first], min(header_end, first), fallback_title, fields)
    if text.count(" . ") >= _MIN_SPACED_STOPS:  # stops spaced off throughout: "… of catalogues ."
        title = _SPACED_STOP.sub("", title)
    document = _stated(book, fields, ParsedDocument(title=title, date=date))

    # an e-text's questions (a novel's, an essay's, a glossary's) are its text, never a FAQ's
    asked = _question_headings(lines[start:]) if book is None else set()
    found = asked | _outdented(text) | _underlined(text)
    headings |= {line for line in found if not is_dialogue(line)} | numbered | releases
    if listed:  # the lines a table of contents lists (most documents have none)
        headings |= {line for line in lines[start:] if entry_key(line) in listed}
    placing = _Placing(document, headings, text, releases)
    articles = numbers_articles(lines[start:])
    contents = _listed_divisions(lines)
    pending: list[str] = []  # lines that are not prose, waiting to see what follows them
    for i, line in enumerate(lines[start:], start=start):
        if i < header_end and _is_dateline(line) and line not in releases:
            continue  # "Beijing, 23 May 2008": read as the document's date, not a passage
        # a line of contents ("Titre II : Le Président … (articles 5 à 19)") reads as a paragraph
        if ("\n" in line or not is_prose(line) or line in headings) and i not in contents:
            pending.append(line)  # "\n": a block of data, kept as written
            continue
        pending, line = _through_display(pending, line, placing.layout)
        # "a) назначает …" after "Президент Российской Федерации:" is an item, too
        item = bool(ITEM.match(line) or LETTER_ITEM.match(line) or is_cjk_item(line))
        placing.fragments(pending, before_item=item)
        item = item or _cjk_item(document, line)  # after the lines before it are placed
        pending = []
        if articles and (lead := article_lead(line)):
            # "第三十七条 …" / "Article 5. …": the article heads its paragraphs (see enter)
            placing.section = placing.outline.enter(ARTICLE_LEVEL, lead)
        document.add(placing.section, BULLET.sub("", line), item=item)
    _place_last(placing, pending)
    placing.outline.finish(document)
    _without_marks(document, placing.notes_held, book is not None)
    return document


def _without_marks(document: ParsedDocument, notes: frozenset[str], book: bool) -> None:
    """Drop from ``document``'s paragraphs the references to its ``notes`` ("Забайкальский край
    <8>," reads "Забайкальский край,"), and an e-text's underscores around its italics (after
    the layout was read with them as printed). Code and data stay as written, and so does a
    note ("<*> Редакция статей, … помеченных символом <*>, …" names its mark)."""

    def unmarked(reference: re.Match[str]) -> str:
        return "" if reference.group(1) in notes else reference.group(0)

    blocks = [
        dataclasses.replace(block, text=_NOTE_REFERENCE.sub(unmarked, block.text))
        if block.kind == "text" and notes and not _NOTE_LINE.match(block.text)
        else block
        for block in document.blocks
    ]
    document.blocks = [_without_underscores(block) for block in blocks] if book else blocks


def _place_last(placing: _Placing, pending: list[str]) -> None:
    """Place the lines after the last paragraph: trailing lines that head nothing (a signature
    block) as one passage; a text with no paragraph at all (a table of cities under the names
    of their states, :data:`LAST_LINES` lines or more) and release notes as their lines would
    be between two."""
    if (
        any("\n" in fragment for fragment in pending)
        or len(pending) >= LAST_LINES
        or placing.releases  # the last releases' notes (all, when no note is a sentence)
    ):
        placing.fragments(pending)
    elif pending and sum(len(p.split()) for p in pending) >= 4:
        placing.document.add(placing.section, "\n".join(pending))


def _stated(book: Book | None, fields: dict[str, str], document: ParsedDocument) -> ParsedDocument:
    """``document`` with the title, address and author its Gutenberg header or its mail or
    Usenet header fields say, where they say them (the header before the fields)."""
    title = next((fields[key] for key in _TITLE_FIELDS if fields.get(key)), document.title)
    document.title = book.title if book and book.title else title
    source = next((v for k, v in fields.items() if k in _SOURCE_FIELDS and _URL.match(v)), None)
    document.source = source or (book.source if book else None)
    author = next((fields[key] for key in _AUTHOR_FIELDS if fields.get(key)), None)
    document.author = (book.author if book else None) or stated_author(author)
    return document


def _listed_divisions(lines: list[str]) -> set[int]:
    """Where a legal text lists its divisions before their text, :data:`CONTENTS_RUN` or more of
    one level in a row ("Titre Ier : De la Souveraineté (articles 2 à 4)", "Titre II : Le
    Président de la République (articles 5 à 19)", …): a table of contents, whose lines head
    nothing (the last of them headed the preamble)."""
    found: set[int] = set()
    run: list[int] = []
    level: int | None = None
    for i, line in enumerate([*lines, ""]):
        this = division_level(line)
        if this is not None and this == level:
            run.append(i)
            continue
        if len(run) >= CONTENTS_RUN:
            found.update(run)
        run, level = ([i], this) if this is not None else ([], None)
    return found


def _chaptered_units(text: str, releases: frozenset[str]) -> tuple[list[str], set[str]]:
    """The logical lines of ``text`` (:func:`units`) with each chapter's title joined to its
    heading (:func:`_with_chapter_titles`), and the lines numbering a book's chapters by a
    roman numeral ("IV." over its title, "II. Papa se fâche.": :func:`roman_chapters`)."""
    lines = units(text, releases)
    numbered = roman_chapters(lines)
    alone = lines_alone(text)
    bare = {line for line in numbered if len(line.split()) == 1}
    lines = _with_chapter_titles(lines, bare, alone)
    return lines, roman_chapters(lines)


def _with_chapter_titles(lines: list[str], bare: set[str], alone: frozenset[str]) -> list[str]:
    """``lines`` with a bare chapter heading and the short title on the line under it, before
    the chapter's text, as one heading: "Глава первая" / "Дурное поведение" read "Глава
    первая. Дурное поведение" (alone the title was too short a line to be kept). A title that
    is a sentence ("Ce que devint Candide parmi les Bulgares.") stays the chapter's first
    paragraph. ``bare``: the lines that number a book's chapters alone ("IV."), whose title is
    a line alone (``alone``), not the first entry of a glossary under the number."""
    result: list[str] = []
    skip = False
    padded = [*lines, "", ""]
    for line, title, following in zip(lines, padded[1:], padded[2:], strict=False):
        if skip:
            skip = False
            continue
        skip = (
            (is_bare_chapter(line) or is_bare_division(line) or (line in bare and title in alone))
            and 0 < len(title.split()) <= SUBTITLE_WORDS
            and not title.startswith("[")  # "[Illustration: DEUX PARENTS ET DEUX ENFANTS.]"
            and "\n" not in title
            and not is_prose(title)
            and not is_numbered_heading(title)
            and not is_dialogue(title)
            and not title.endswith(("?", "!", ":", ",", ";", "？", "！", "："))
            and (is_prose(following) or division_level(following) is not None)
        )
        joint = "" if line.endswith((".", ":")) else "."
        result.append(f"{line}{joint} {title}" if skip else line)
    return result


class _Placing:
    """Where the lines that are not prose go, read in order before the paragraph after them:
    a heading opens a section for what follows it, a command joins the sentence that leads
    into it, other fragments stay under the heading above them ("* Item one" under "Budget",
    not the next heading) or are dropped when too short to read alone."""

    def __init__(
        self, document: ParsedDocument, headings: set[str], text: str, releases: frozenset[str]
    ) -> None:
        self.document, self.headings, self.releases = document, headings, releases
        self.section: str | None = None
        self.numbered = _Numbering()
        self.outline = Outline()  # a legal text's parts, chapters and articles in force
        self.notes = Notes(releases, text, self.outline) if releases else None
        self.layout = _Layout(text)
        self.notes_held = frozenset(_NOTE_LINE.findall(text))  # "23" for "<23> Редакция …"

    def fragments(self, pending: list[str], before_item: bool = False) -> None:
        """Place ``pending``, the lines between the last paragraph and the next (an item of a
        list when ``before_item``: a short line that introduces it is its lead-in)."""
        document, layout = self.document, self.layout
        adjacent = True  # nothing (no heading, no dropped line) since the last block
        pending = self._listed(pending)
        for number, fragment in enumerate(pending):
            following = pending[number + 1] if number + 1 < len(pending) else ""
            leads = _leads_in(fragment, layout) and _set_apart_command(following, layout)
            if isinstance(fragment, (_Run, Row)):  # a grid table's row: a table's, whatever it says
                document.add(self.section, str(fragment), kind=_kind(fragment))
                adjacent = True
            elif "\n" in fragment:
                self.verbatim(fragment, adjacent)
                adjacent = True
            elif leads and adjacent and _joins_commands(document, fragment, self.headings):
                # "aptitude update" / "а затем" / "aptitude full-upgrade": the words between
                # two commands of one sentence go with them, whatever they look like alone.
                _attach_code(document, fragment)
            elif adjacent and self._in_list(fragment, following, before_item):
                document.add(self.section, BULLET.sub("", fragment), item=True)
            elif self._heads(fragment, leads and adjacent) or self._labels_list(
                fragment, following
            ):
                self.section = self.enter(fragment)
                adjacent = False
            elif _introduced(document, fragment, layout, following) or (
                adjacent and _runs_into_command(document, fragment, layout)
            ):
                # "… run the following command:" then "make deb-pkg", or "… используйте
                # команду" then an indented "lsb_release -a": the command is what the sentence
                # introduces, kept with it as its code, however short.
                _attach_code(document, fragment)
                adjacent = True
            elif leads:  # "Затем выполните" over an indented "apt-get update": its lead-in
                document.add(self.section, fragment)
                adjacent = True
            elif self._kept(fragment, following, before_item):
                item = bool(ITEM.match(fragment) or _cjk_item(self.document, fragment))
                document.add(self.section, BULLET.sub("", fragment), item=item)
                adjacent = True
            elif _set_apart_command(fragment, layout):
                # "Usage" / "    quotebot search foo": a short command with no sentence before
                # it (a heading came between) is still what a reader looks for, so it is kept
                # as code of its own, and the commands right under it join it.
                last = document.blocks[-1] if document.blocks else None
                if adjacent and last is not None and last.kind == "code" and not last.text:
                    _attach_code(document, fragment)
                else:
                    document.blocks.append(Block("", self.section, kind="code", code=fragment))
                adjacent = True
            else:
                adjacent = False

    def _kept(self, fragment: str, following: str, before_item: bool) -> bool:
        """Whether ``fragment``, no heading nor code, is text to keep rather than too short."""
        return bool(
            word_count(fragment) >= 4
            # a release's item however short ("- base.html" under "Updated templates")
            or (BULLET.match(fragment) and (word_count(fragment) >= 3 or self.releases))
            # "Changes:" over "* Added support for …": the lead-in of the list
            or (
                fragment.endswith((":", "："))
                and (ITEM.match(following) or (before_item and not following))
            )
            or fragment.rstrip("\"'”’)").endswith(SENTENCE_END)  # "No." answers too
            # "秘书长，" after "委员长，" under "…由下列人员组成：" (not "作为替代，" alone)
            or (_cjk_item(self.document, fragment) and _listing(self.document))
        )

    def enter(self, heading: str) -> str:
        """The section ``heading`` opens. A division of a legal text opens under the divisions
        above it: "Статья 22" under "РАЗДЕЛ ПЕРВЫЙ" and "ГЛАВА 2. ПРАВА И СВОБОДЫ ЧЕЛОВЕКА И
        ГРАЖДАНИНА", cited "ГЛАВА 2. … › Статья 22"; any other heading closes them."""
        if self.notes is not None:  # "Fixes" under "mkdocs-material-9.2.0 (2023-08-21)"
            return self.notes.enter(heading, len(self.document.blocks))
        level = division_level(heading)
        if level is None:
            level = _subdivision_level(heading, self.outline)
        if level is None:
            self.outline.close(1)
            return self.numbered.path(_unmarked(heading, self.notes_held, division=False))
        return self.outline.enter(level, _unmarked(heading, self.notes_held, division=True))

    def _listed(self, pending: list[str]) -> list[str]:
        """``pending`` with each run of :data:`LIST_RUN` short lines or more, each alone between
        blank lines and none a heading the text marks, as one :class:`_Run` after the first line
        of the run, which may head it: "Executive Summary" over "Full-featured SQL", "Billions
        and billions of deployments", … is a list, not sixteen headings heading nothing."""
        listed = [self._list_line(line) for line in pending]
        result: list[str] = []
        start = 0
        while start < len(pending):
            end = start
            while end < len(pending) and listed[end]:
                end += 1
            if end - start > LIST_RUN:
                result += [pending[start], _Run("\n".join(pending[start + 1 : end]))]
                start = end
            else:
                result += pending[start : end + 1]
                start = end + 1
        return result

    def _list_line(self, line: str) -> bool:
        """Whether ``line`` may be an item of a list set as lines alone (see :meth:`_listed`)."""
        return (
            "\n" not in line
            and line in self.layout.alone
            and line not in self.headings
            and not is_numbered_heading(line)
            and not _is_command(line)
            and not is_data(line)
            and not ITEM.match(line)  # a list that marks its items is read as such
            and 1 <= len(line.split()) <= LIST_RUN_WORDS
            and not line.endswith((":", "："))
        )

    def _in_list(self, fragment: str, following: str, before_item: bool) -> bool:
        """Whether ``fragment``, too short to read alone, is an item of a list whose other items
        are kept: the next item after one ("4. /var/tmp" after "3. The TMPDIR environment
        variable"), or the first after the sentence introducing the list ("… searched in the
        following order:") with another item after it. Dropped, the list read 1, 2, 3, 7; read as
        headings or code, "1. Rollback journals" and "2. Super-journals" were no list at all.
        A numbered heading after a list ("5. Storage Locations" after "4. /tmp") numbers on from
        the headings, not from the list."""
        number = item_number(fragment)
        if number is None or fragment in self.headings or not self.document.blocks:
            return False
        last = self.document.blocks[-1]
        if last.kind != "text" or last.section != self.section:
            return False
        if last.item:
            before = item_number(last.text)
            return number == 0 or (before is not None and before > 0 and number == before + 1)
        more = item_number(following) is not None if following else before_item
        return more and number <= 1 and last.text.rstrip().endswith((":", "："))

    def verbatim(self, fragment: str, adjacent: bool) -> None:
        """Place a block of data (and the term it describes, before a blank line): the code of
        the paragraph right before it that leads into it ("… a sample control file is shown
        below for the Debian package hello:"), else code of its own."""
        lead, _, code = fragment.rpartition("\n\n")
        last = self.document.blocks[-1] if self.document.blocks else None
        if lead or not adjacent or last is None:
            self.document.blocks.append(Block(lead, self.section, kind="code", code=code))
        elif last.kind == "code" and last.code and len(last.code) + len(code) <= LISTING_CHARS:
            # "[Unit] …" / "[Socket] …": one file; an example's blocks between blank lines, one
            # listing, as long as a passage is (a program's 3,000 characters matched any
            # question on its words, and showed none of them)
            self.document.blocks[-1] = dataclasses.replace(last, code=f"{last.code}\n\n{code}")
        elif last.kind == "text" and not _ends_sentence(last.text):
            _attach_code(self.document, code)
        else:
            self.document.blocks.append(Block(lead, self.section, kind="code", code=code))

    def _heads(self, fragment: str, leads: bool) -> bool:
        """Whether ``fragment`` is a heading. A short Chinese line with no punctuation looks
        like one, but not right after a paragraph that stops short of a sentence's end and over
        an indented command ("…的默认目标" / "然后执行" / "    apt-get update"): there it leads
        into the command. After a finished sentence ("…作为答案。" / "安装" / "    pip install
        quotebot") it heads what follows."""
        if COPYRIGHT.match(fragment):
            return False  # a title page's notice, over its licence indented under it: text
        if fragment in self.headings:
            return True
        if self._part_of_article(fragment):
            return False
        if not looks_like_heading(fragment) or is_byline(fragment):
            return False  # "PAR" over the author's name on a title page heads nothing
        if fragment in self.layout.set_apart and not is_numbered_heading(fragment):
            return False  # "2         Frank Sinatra" in a query's output, "DATETIME" in a table
        if not (leads and is_cjk_heading(fragment)):
            return True
        return self._after_sentence() and self._plain_cjk_headings

    def _part_of_article(self, fragment: str) -> bool:
        """Whether ``fragment`` is a numbered part of the article in force, no heading: "5.1.
        Конституционный Суд Российской Федерации:" inside "Статья 125", between its parts "5."
        and "6.", over the items it introduces. Read as a heading, it closed the article, its
        chapter and its part, and the articles after it were cited under none of them. A part
        that ends as no heading does (a colon, a stop): "5.1 Definitions" under "ARTICLE 5"
        still heads its clauses."""
        return (
            any(level == ARTICLE_LEVEL for level, _ in self.outline.open)
            and _PART_NUMBER.match(fragment) is not None
            and fragment.endswith(_NOT_HEADING_END)
            and division_level(fragment) is None
        )

    def _labels_list(self, fragment: str, following: str) -> bool:
        """Whether ``fragment`` is a short line in release notes over a list it names
        ("Removals" over "* Removed Universal Analytics integration"): it heads the list under
        its release, as "### Removals" would."""
        return bool(
            self.releases
            and self.outline.open
            and ITEM.match(following)
            and not ITEM.match(fragment)
            and 1 <= len(fragment.split()) <= LIST_RUN_WORDS
            and not fragment.endswith(_NOT_HEADING_END)
            and fragment not in self.releases
        )

    def _after_sentence(self) -> bool:
        """Whether the last paragraph ends a sentence (and holds no command at its end)."""
        if not self.document.blocks:
            return True
        last = self.document.blocks[-1]
        return not last.code and _ends_sentence(last.text)

    @functools.cached_property
    def _plain_cjk_headings(self) -> bool:
        """Whether the text heads its paragraphs with short unmarked Chinese or Japanese lines
        ("配置" over "本工具的配置文件位于…。"), past its first line (its title). The Debian
        FAQ numbers its headings ("9.1.2. apt-get 和 apt-cdrom"), so there a short line after a
        finished sentence and over a command ("…一样。" / "然后执行" / "    apt-get update")
        leads into the command."""
        blocks = [block.strip("\n") for block in _PARAGRAPH_BREAK.split(self.layout.text)]
        blocks = [block for block in blocks if block.strip()]
        for block, following in itertools.pairwise(blocks[1:]):
            line, text = squeeze(block), squeeze(following)
            if (
                "\n" not in block
                and is_cjk_heading(line)
                and _ends_sentence(text)
                and not is_numbered_heading(text)  # "目录" over a table of contents
                and self.layout.indent(line) <= self.layout.body
                and self.layout.indent(squeeze(following.split("\n", 1)[0])) <= self.layout.body
            ):
                return True
        return False


def _subdivision_level(heading: str, outline: Outline) -> int | None:
    """The level of a heading a legal text sets in capitals under a chapter ("Chapter V: The
    Security Council" / "COMPOSITION" / "Article 23", the UN Charter's "第五章：安全理事会" /
    "组织" / "第二十三条": Chinese has no capitals; "ФУНКЦИИ и ПОЛНОМОЧИЯ": short words may
    stay in lower case) over the articles that follow it: one level under the innermost
    division in force, so its articles keep their chapter. None when no division above the
    articles is open, or the text has no level left."""
    if not (in_capitals(heading) or (CJK_CHAR.match(heading) and is_cjk_heading(heading))):
        return None
    above = [
        level
        for level, text in outline.open
        if level < ARTICLE_LEVEL and division_level(text) is not None
    ]
    if not above or above[-1] + 1 >= ARTICLE_LEVEL:
        return None
    return above[-1] + 1


def _unmarked(heading: str, notes: frozenset[str], division: bool) -> str:
    """``heading`` without the mark of a note ending it: "[1]" always; "<23>" when the text
    holds note 23 (:data:`_HEADING_MARK`); "*" and "<*>" after a legal text's division
    ("Статья 81 <*>", whose note may be cut off, as the mark was read before notes were)."""
    mark = _HEADING_MARK.search(heading)
    if mark is None:
        return heading
    label = mark.group("label")
    if label is not None:
        dropped = label in notes or (division and label == "*")
    else:  # "[1]", or "*" (only after a division: "Note *" is a heading's own word)
        dropped = division or mark.group("star") is None
    return heading[: mark.start()] if dropped else heading


def _kind(fragment: str) -> BlockKind:
    return "table" if isinstance(fragment, Row) else "text"


class _Run(str):
    """Short lines alone between blank lines read as one list (see :meth:`_Placing._listed`)."""


class _Numbering:
    """Numbered headings seen so far, so a subsection is named under its chapter: "5. Project
    Leader › 5.1. Powers", not "5.1. Powers" (the constitution has five sections "Powers")."""

    def __init__(self) -> None:
        self.seen: dict[str, str] = {}

    def path(self, heading: str) -> str:
        match = re.match(r"(\d{1,3}(?:\.\d{1,3})*)\.?\s", heading)
        if match is None:
            return heading
        number = match.group(1)
        parent = self.seen.get(number.rsplit(".", 1)[0]) if "." in number else None
        path = f"{parent} › {heading}" if parent else heading
        self.seen[number] = path
        return path


def _outdented(text: str) -> set[str]:
    """Headings set off by indentation, as text browsers lay out a web page ("5. Project
    Leader" at the margin, "  5.1. Powers" under it, the text indented further): a line alone
    between blank lines, short, not a sentence, standing left of the text's usual indentation
    and of the paragraph (or heading) that follows it. Not a caption over a table, nor a line
    leading into code: what follows it is prose."""
    body = body_indent(text)
    found: set[str] = set()
    if body == 0:
        return found  # no line stands left of an unindented text
    blocks = [block.split("\n") for block in re.split(r"\n[ \t]*\n", text) if block.strip()]
    heads_next = False  # the block after this one is such a heading
    for block, following in reversed(list(itertools.pairwise(blocks))):
        line = block[0]
        heads = (
            len(block) == 1
            and indent_of(line) < min(body, indent_of(following[0]) + 1)
            and 0 < len((bare := squeeze(line)).split()) <= OUTDENTED_WORDS
            and not bare.endswith(_NOT_HEADING_END)
            and not is_data(bare)  # "Forwarded: foo@example.com" over what it does
            and (heads_next or is_prose(squeeze(" ".join(following))))
        )
        if heads:
            found.add(MARKDOWN_HEADING.sub("", bare))
        elif wrapped := _wrapped_question(block, following, body):
            found.add(wrapped)
            heads = True
        heads_next = heads
    return found


def _wrapped_question(block: list[str], following: list[str], body: int) -> str | None:
    """A numbered question hard-wrapped at the margin over the indented answer, as the Debian
    FAQ's text rendering sets them ("9.4. How can I keep a log of the packages I added to the
    system? I'd" / "like to know when … on which" / "packages!"): the whole question, as
    :func:`units` joins it, or None. Longer than a line alone may be, and it may end with a
    remark after the question ("… I thought this CD contains just `stable'!")."""
    column = indent_of(block[0])
    if not 2 <= len(block) <= WRAPPED_QUESTION_LINES or column >= body:
        return None
    if any(indent_of(line) != column for line in block) or column > indent_of(following[0]):
        return None
    joined = join_lines([squeeze(line) for line in block])
    heads = (
        is_numbered_heading(squeeze(block[0]))
        and joined.endswith(("?", "!"))
        and "?" in joined
        and len(joined.split()) <= 2 * QUESTION_HEADING_WORDS
        and is_prose(squeeze(" ".join(following)))
    )
    return joined if heads else None


def _underlined(text: str) -> set[str]:
    """Headings underlined with a rule of "=" or "-" ("Subscription / Unsubscription" over
    "-----------------------------"), as plain-text documents and reStructuredText set them."""
    return {
        squeeze(line)
        for line, under in itertools.pairwise(text.split("\n"))
        if UNDERLINE.match(under)
        and 0 < len(line.split()) <= OUTDENTED_WORDS
        and not UNDERLINE.match(line)
        and not is_data(squeeze(line))
        and len(under.strip()) >= 0.6 * len(line.strip())
    }


def _title(
    lines: list[str], header_end: int, fallback: str, fields: dict[str, str]
) -> tuple[str, int]:
    """The title among the lines before the first paragraph, and where the text after it starts.
    Not a line under a numbered heading: a text that opens with one ("5.8. How can I check …
    what version it is?") has no title line after it. Not the first chapter's heading of a book
    of chapters ("第1章 宴桃园豪杰三结义 …" over 第2章, 第3章, …), nor an author's name over
    the title in capitals ("Антон Чехов" / "ХАМЕЛЕОН"), nor the heading of a preamble, nor any
    line where the header's ``fields`` say the title ("Title: Style Guide for Python Code"
    over "Introduction", which heads the first section)."""
    if (lines and _PREAMBLE.match(lines[0])) or any(fields.get(k) for k in _TITLE_FIELDS):
        return fallback, 0  # "PREAMBLE" opening a constitution heads its first part
    book = len(lines) > 1 and sum(map(is_chapter, lines)) > 1
    if lines and _CHAPTER_TITLE.match(lines[0]) and "\n" not in lines[0] and not book:
        return lines[0], 1  # read as a sentence, so before ``header_end``
    for i, line in enumerate(lines[:header_end]):
        if book and is_chapter(line):
            break
        if _looks_like_title(line) and not _is_dateline(line) and "\n" not in line:
            following = lines[i + 1] if i + 1 < header_end else ""
            if is_name(line) and is_capitals(following) and _looks_like_title(following):
                return following, i + 2
            author, _, rest = line.partition(". ")
            if rest and is_name(author):  # "Антон Павлович Чехов. Палата № 6": the author first
                return rest, i + 1
            # the title repeated as the text's first heading (a page saved as text): once
            return line, i + 2 if following == line else i + 1
        if is_numbered_heading(line):
            break
    if _is_sentence_title(lines):
        return lines[0], 1
    return fallback, 0


def _header_fields(text: str) -> tuple[dict[str, str], str]:
    """The fields of a mail or Usenet header that opens ``text`` ("Archive-Name: editor-faq/sed",
    "Last-modified: 10 March 2003", "URL: http://…"), keys in lower case, and the text after
    it. They say the document's title, date and source; as text they would be its title
    ("Archive-Name: … Posting-Frequency: irregular") and a section ("Version: 015")."""
    opening = text.lstrip("\n")
    fields, rest = opening_fields(opening)
    if fields:
        return fields, rest
    # Under a title line ("PEP 572 – Assignment Expressions" / "" / "Author: …" / "Created: …")
    # the fields say the author and date too, and stay as text: the title is the first line.
    first, blank, after = opening.partition("\n\n")
    if blank and "\n" not in first and _HEADER_FIELD.match(first) is None:
        return opening_fields(after.lstrip("\n"))[0], text
    return {}, text


def opening_fields(text: str) -> tuple[dict[str, str], str]:
    """The "Key: value" lines opening ``text`` (at least :data:`HEADER_FIELDS`, then a blank
    line) and the text after them; none and ``text`` when it opens otherwise."""
    lines = text.split("\n")
    fields: dict[str, str] = {}
    for number, line in enumerate(lines):
        if not line.strip():
            if len(fields) >= HEADER_FIELDS:
                return fields, "\n".join(lines[number:])
            break
        match = _HEADER_FIELD.match(line)
        if match is None and fields and line[:1] in " \t":  # a value run on ("Author: A,")
            key = next(reversed(fields))
            fields[key] = f"{fields[key]} {squeeze(line)}"
            continue
        if match is None:
            break
        fields.setdefault(match["key"].lower(), squeeze(match["value"]))
    return {}, text


def _introduced(document: ParsedDocument, line: str, layout: _Layout, following: str) -> bool:
    """Whether the last paragraph introduces ``line`` as its code ("… the command:"): a line
    indented in the raw text, as code is in plain text, or one too short to stand alone. Not
    the words that run into the next command ("With apt, you can set a package to hold using"
    / "apt-mark hold package_name" after "… with:" / "dpkg --set-selections < selections.txt")."""
    if not document.blocks or BULLET.match(line) or _cjk_item(document, line):
        return False  # "（一）修改宪法；" or "委员长，" under "第六十二条 …行使下列职权：": items
    last = document.blocks[-1]
    intro = last.text.rstrip()
    if last.kind in ("text", "code") and intro[-1:].isalpha() and line in layout.short_lines_apart:
        # "… served every day in the canteen" over lines set apart under it ("Tomato soup",
        # "Apple pie"): the sentence runs on into them, as into a colon; alone, too short to
        # read, they were dropped.
        return True
    if last.kind not in ("text", "code") or not intro.endswith((":", "：")):
        return False
    words = len(line.split()) >= 3 and not _is_command(line) and not CODE_MARK.search(line)
    if words and line[-1].isalpha() and _command_apart(following, layout):
        return False
    return word_count(line) < 4 or _is_indented(line, layout.text)


def _cjk_item(document: ParsedDocument, line: str) -> bool:
    """Whether ``line`` is an item of a Chinese list (:data:`CJK_ITEM`), or the last item, after
    one running on into it ("委员若干人。" after "秘书长，"): words of a list, never a command.
    An article's opening ("第六十五条 …由下列人员组成：") or another list's lead is none."""
    if is_cjk_item(line):
        return True
    last = document.blocks[-1] if document.blocks else None
    return (
        last is not None
        and not line.endswith(("：", ":"))
        and article_lead(line) is None
        and last.kind == "text"
        and last.item
        and last.text.endswith(("，", "；"))
        and CJK_CHAR.search(line) is not None
        and len(line.strip()) <= _CJK_LAST_ITEM  # a paragraph after the list is no item
    )


# Characters of the line closing a Chinese list ("委员若干人。", "审计长。"): a paragraph after the
# list ("我们的客服人员每天早上九点到晚上六点在线，…") was read as its last item and quoted with it.
_CJK_LAST_ITEM = 30


def _listing(document: ParsedDocument) -> bool:
    """Whether the last paragraph is a list's item or the words leading into one."""
    last = document.blocks[-1] if document.blocks else None
    return (
        last is not None
        and last.kind == "text"
        and (last.item or last.text.rstrip().endswith((":", "：")))
    )


def _runs_into_command(document: ParsedDocument, line: str, layout: _Layout) -> bool:
    """Whether ``line`` is a command line that the last paragraph runs into without a colon
    ("… используйте команду" / "    lsb_release -a", "…请执行" / "    systemctl get-default"):
    the paragraph stops short of a sentence's end, and the line looks like a command set apart
    (see :func:`_set_apart_command`), or alone between blank lines where commands are not
    indented ("… download any source package by running" / "apt-get source foo")."""
    if not document.blocks or not _command_apart(line, layout):
        return False
    last = document.blocks[-1]
    intro = last.text.rstrip()
    # The sentence runs on into the command: it ends with a word ("run", "команду", "请执行"),
    # and is no command or code itself ("$ make clean", "key TEXT PRIMARY KEY,"), nor set
    # apart as code is ("    data, // Uncompressed file content").
    ending = intro.rsplit("\n", 1)[-1]
    return (
        last.kind in ("text", "code")
        and bool(intro)
        and intro[-1].isalpha()
        and not _is_command(ending)
        and layout.indent(ending) <= layout.body
    )


def _command_apart(line: str, layout: _Layout) -> bool:
    """Whether ``line`` is a command set apart: indented (see :func:`_set_apart_command`) or
    alone between blank lines."""
    return _set_apart_command(line, layout) or (line in layout.alone and _is_command(line))


def _set_apart_command(line: str, layout: _Layout) -> bool:
    """Whether ``line`` looks like a command and stands indented further than the text's
    paragraphs, as plain text sets code apart."""
    return bool(line) and _is_command(line) and layout.indent(line) > layout.body


def _through_display(pending: list[str], line: str, layout: _Layout) -> tuple[list[str], str]:
    """``pending`` and ``line``, or the lines before and one sentence set over three paragraphs
    when it is: words that stop short of its end, a name or an address set apart on its own
    line (no command: that is the words' code), and the rest starting in lower case ("… please
    send mail to" / "<listname>-REQUEST@lists.debian.org" / "with the word `subscribe' … as
    subject."). Apart, the first words and the address were no passage and the rest was one
    that said nothing of where to write."""
    if len(pending) < 2 or not line[:1].islower():
        return pending, line
    words, display = pending[-2:]
    if (
        "\n" in words
        or "\n" in display
        or word_count(words) < 4
        or not words[-1:].isalpha()
        or len(display.split()) > 3
        or _is_command(display)
        or layout.indent(display) <= layout.body
        or layout.indent(words) > layout.body
    ):
        return pending, line
    return pending[:-2], f"{words} {display} {line}"


def _ends_sentence(line: str) -> bool:
    return line.rstrip("\"'”’)」』").endswith(SENTENCE_END)


def _leads_in(line: str, layout: _Layout) -> bool:
    """Whether ``line`` could be the few words leading into a command ("Затем выполните",
    "然后运行", "suivi de"): short, not a sentence, not an item, not a command itself."""
    return (
        word_count(line) < 4
        and _WORDS.match(line) is not None
        and not _set_apart_command(line, layout)
    )


def _joins_commands(document: ParsedDocument, line: str, headings: set[str]) -> bool:
    """Whether ``line``, leading into a command, follows the last paragraph's command as the
    words between the two ("suivi de", "а затем", "and then"); a heading never does, whether
    the text marks it (underlined, numbered) or it only looks like one ("Configuration",
    "Usage" between "pip install quotebot" and "quotebot init")."""
    return (
        bool(document.blocks)
        and bool(document.blocks[-1].code)
        and line not in headings
        and not is_numbered_heading(line)
        and (is_cjk_heading(line) or not looks_like_heading(line))
    )


_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")

_PROGRAM = re.compile(r"^(?:sudo +)?(?:[a-z][a-z0-9_.+-]*|(?:\.{1,2}|~)?/[\w.-]\S*)(?: |$)")
_WORDS = re.compile(r"^[^\W\d_]+(?:[ '’-][^\W\d_]+)*[:：]?$")  # words only: "а затем", "Then run:"
_CODE_SIGN = re.compile(r"(?:^| )--?[A-Za-z0-9]|[/|<>=$\\]")
COMMAND_WORDS = 12  # the most words a command line has before it reads as a sentence
_SHORT_LINE_WORDS = 5  # the most words of a line of a list set apart without marks


def _is_command(line: str) -> bool:
    """Whether ``line`` looks like a command line rather than words of a sentence."""
    words = line.split()
    if not words or len(words) > COMMAND_WORDS or CJK_CHAR.search(line):
        return False
    if line.rstrip("\"'”’)").endswith((*SENTENCE_END, ",", ";")):
        return False
    if PROMPT.match(line):
        return True
    if not _PROGRAM.match(line):
        return False
    return len(words) < 4 or _CODE_SIGN.search(line) is not None


class _Layout:
    """How a text's lines are indented, read from the raw text once, when first asked."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._indents: dict[str, int] | None = None

    @functools.cached_property
    def body(self) -> int:
        """The indentation of the text's paragraphs (:func:`body_indent`)."""
        return body_indent(self.text)

    @functools.cached_property
    def alone(self) -> frozenset[str]:
        """The lines (squeezed) that stand alone between blank lines."""
        return lines_alone(self.text)

    @functools.cached_property
    def set_apart(self) -> set[str]:
        """The lines (squeezed) of indented blocks of several lines, as plain text sets code,
        output and tables apart: indented further than the text's paragraphs, or holding code
        ("sqlite> SELECT * FROM artist;" over its output) where code is most of the text."""
        found: set[str] = set()
        for block in text_blocks(self.text):
            indent = min(map(indent_of, block))
            if len(block) > 1 and (
                indent > self.body or (indent and any(CODE_MARK.search(line) for line in block))
            ):
                found.update(squeeze(line) for line in block)
        return found

    @functools.cached_property
    def short_lines_apart(self) -> set[str]:
        """The lines (squeezed) of indented blocks of several short lines of words, none code
        nor a sentence: a list set apart under the words leading into it ("Tomato soup",
        "Apple pie")."""
        found: set[str] = set()
        for block in text_blocks(self.text):
            lines = [squeeze(line) for line in block]
            if (
                len(block) > 1
                and min(map(indent_of, block)) > self.body
                and all(
                    word_count(line) <= _SHORT_LINE_WORDS
                    and not CODE_MARK.search(line)
                    and not _is_command(line)
                    and not _ends_sentence(line)
                    for line in lines
                )
            ):
                found.update(lines)
        return found

    def indent(self, line: str) -> int:
        """How far ``line`` (a logical line, white space squeezed) stands indented where it
        first occurs in the raw text; 0 when it is no raw line of its own."""
        if self._indents is None:
            self._indents = {}
            for raw in self.text.split("\n"):
                self._indents.setdefault(squeeze(raw), indent_of(raw))
        return self._indents.get(line, 0)


def _is_indented(line: str, text: str) -> bool:
    """Whether ``line`` stands indented in the raw ``text``."""
    first = line.split("\n", 1)[0][:80]
    return re.search(rf"(?m)^(?: {{2,}}|\t)[ \t]*{re.escape(first)}", text) is not None


def _attach_code(document: ParsedDocument, line: str) -> None:
    """Add ``line`` to the code of the last paragraph, which introduces it."""
    last = document.blocks[-1]
    code = f"{last.code}\n{line}" if last.code else line
    document.blocks[-1] = dataclasses.replace(last, kind="code", code=code)


def _raw_line_count(text: str, lines: list[str], header_end: int) -> int:
    """How many raw lines of ``text`` lie before the first paragraph (for reading the date)."""
    if header_end >= len(lines):
        return len(text.split("\n"))
    marker = lines[header_end][:40]
    for number, raw in enumerate(text.split("\n")):
        if marker[:20] and marker[:20] in squeeze(raw):
            return number
    return 10
