"""A plain text's lines as logical lines (:func:`units`): hard-wrapped paragraphs reflowed,
list items, "Key: value" runs, tables and indented code kept as written, a term over its
indented description joined to it; and what one line looks like (a heading, a numbered
heading, prose, data). :mod:`text` reads the title, headings and paragraphs from these.
"""

from __future__ import annotations

import functools
import itertools
import re
import statistics
import textwrap
from collections import Counter
from collections.abc import Iterable

from retrieval.ingest.junk import is_junk, words_up_to
from retrieval.ingest.readers.chapters import _NUMBER, is_chapter
from retrieval.ingest.readers.common import row_text
from retrieval.ingest.readers.restgrid import dedented, grid_cells, grid_end, is_grid_border
from retrieval.sentences import join_lines
from retrieval.text import CJK_CHAR, squeeze

QUESTION_HEADING_WORDS = 30  # the longest question line read as the heading of its answer
_SMALL_WORDS = frozenset(
    "a an and as at by for from in into of on or the to vs via with within without between".split()
)
_TERMINAL = (".", "!", "?", ";", ":", ",", "…", "。", "！", "？", "；", "：", "，")
_LATIN_END = (".", "!", "?")  # where a hard-wrapped Latin-script line ends its sentence
SENTENCE_END = (*_LATIN_END, "。", "！", "？")
_CLOSING = "\"'”’»"  # quotation marks closing a sentence ("… than either, Mrs." / "Sheppard.\"")
_PROSE_END = tuple(mark for mark in _TERMINAL if mark != "…")  # how running text ends a line
CJK_PUNCTUATION = re.compile(r"[，、。：；！？,;:]")
_CJK_INSIDE = ("，", "、", "：", "；", "“", "‘", "「", "『", "（", "《")  # marks inside a sentence
# Two levels of numbering at least ("9.1.", "2.3.4") or a named part; single numbers are list items.
_NUMBERED_HEADING = re.compile(
    r"^(\d+\.\d+(\.\d+)*\.?|(Chapter|Section|Part|Appendix) [\dIVXLC]+[.:]?)\s+\S"
)
# The divisions of a legal text, outermost first: a charter's, constitution's, statute's or
# treaty's parts ("TÍTULO I", "Раздел первый", "Titre premier"), chapters ("CAPÍTULO PRIMERO",
# "ГЛАВА 1."), sections ("Sección 1.ª") and articles ("ARTICLE 2.", "Статья 81 <*>", "Artículo
# 12", "AMENDMENT XIV"); their level is their place in this list (1 the outermost).
_DIVISION_WORDS = (
    r"Part|Partie|Parte|Teil|Раздел|Розділ|Book|Livre|Libro|Buch|Title|Titre|T[íi]tulo|Titolo|Titel",
    r"Chapter|Chapitre|Cap[íi]tulo|Capitolo|Kapitel|Hoofdstuk|Глава",
    r"Section|Secci[óo]n|Sezione|Abschnitt",
    r"Article|Art[íi]culo|Articolo|Artikel|Artigo|Статья|Стаття|Amendment|Amendement|Enmienda",
)
# A division's number: figures ("12", "88-1", "1.ª", "1er", "71-1"), roman numerals ("XI bis"),
# words ("premier", "PRIMERO", "первый") or "preliminar" (Spain's "Título preliminar").
_DIVISION_NUMBER = (
    rf"(?:\d{{1,4}}(?:-\d{{1,3}})?|{_NUMBER}|preliminar|pr[ée]liminaire|preliminary|liminaire)"
    r"(?:\.?[ªºo]|er|re)?(?:\s+(?:bis|ter|quater))?"
)
# The word, its number, a note mark ("<*>", "[1]", "*"), then the end of the line or the
# division's title after a stop, a colon or a dash ("Titre II - LE PRÉSIDENT DE LA RÉPUBLIQUE",
# "Sección 1.ª De los derechos fundamentales"): never running text ("Article 5 says …").
_DIVISION = [
    re.compile(
        rf"(?i:{words})\.?\s+(?i:{_DIVISION_NUMBER})\.?(?:\s*(?:<\*>|\[\d+\]|\*))?"
        r"(?:\s*[.:]?\s*$|\s*[.:—–-]\s+(?P<title>\S.*)|\s+(?P<spaced>[^\W\d_a-zà-ÿа-яё].*))"
    )
    for words in _DIVISION_WORDS
]
_CJK_NUMERAL = "[0-9０-９〇零一二三四五六七八九十百千两]"
# "第二章 公民的基本权利和义务", "第五章：安全理事会" (the title after a colon, as the UN prints it)
_CJK_DIVISION = re.compile(rf"^第{_CJK_NUMERAL}+([编編章节節条條])(?:[\s　：:].*)?$")
_CJK_LEVELS = {"编": 1, "編": 1, "章": 2, "节": 3, "節": 3, "条": 4, "條": 4}
ARTICLE_LEVEL = 4
DIVISION_TITLE_WORDS = 16
ARTICLE_LEADS = 3  # paragraphs opening with an article number that make a text of articles
# An article numbered where its first paragraph opens: "第三十七条　中华人民共和国公民的…",
# "Article 5. Everyone …", "Art. 12. …", "§ 3. …" (not a section: "SECTION. 2. The House …" opens
# a part of an article, whose heading says more).
_ARTICLE_LEAD = re.compile(
    rf"^(?:第{_CJK_NUMERAL}+[条條](?=[\s　])"
    rf"|(?:(?i:{_DIVISION_WORDS[3]})|Art|§)\.?\s*\d{{1,4}}(?:-\d{{1,3}})?"
    r"(?:\.?[ªºo])?\.(?=\s+\S))"
)
MARKDOWN_HEADING = re.compile(r"^#{1,6}\s+")
UNDERLINE = re.compile(r"^[ \t]*(?:={3,}|-{3,}|~{3,})[ \t]*$")
_LABEL = re.compile(r"^[ \t]*(?:[A-Z]:|\d{1,2}[.)]|[-*•])[ \t]+(?=\S)")  # "Q:  ", "1.  ", "-   "
BULLET = re.compile(r"^[•·▪◦*+-]\s+(?=\S)")
ITEM = re.compile(r"^(?:[•·▪◦*+-]|\d{1,2}[.)])\s+(?=\S)")  # "* item", "1.  The folder set by …"
LETTER_ITEM = re.compile(r"^[a-zа-яё](?:\.\d{1,2})?\)\s")  # "a) A expresar …", "б.1) утверждает …"
# A Chinese list's item: "（一）修改宪法；", "一、总纲", "1．…" (a full-width stop); or a line that
# runs on into the next with a Chinese comma or semicolon ("委员长，" over "副委员长若干人，").
_CJK_MARK = (
    r"^(?:[（(][一二三四五六七八九十百零〇]{1,4}[）)]|[一二三四五六七八九十百零〇]{1,4}、|\d{1,3}[．、])"
    r"\s*\S"
)
CJK_ITEM = re.compile(rf"{_CJK_MARK}|.*\S[，；]$")
_CJK_MARKED = re.compile(_CJK_MARK)


def is_cjk_item(line: str) -> bool:
    """Whether :data:`CJK_ITEM` matches ``line``. A line holding neither "，" nor "；" runs on
    into none, and only the marks are looked for: the pattern's ".*" read every character of
    every paragraph, and back (a sixth of reading a plain text)."""
    if "，" not in line and "；" not in line:
        return _CJK_MARKED.match(line) is not None
    return CJK_ITEM.match(line) is not None


BROKEN_LINE_WORDS = 10  # the shortest line that may stop mid-sentence and run on below it
BROKEN_LINE_CHARS = 60  # or, ending in a comma, as long in characters (long words in a list)
# A line of data or configuration: "Package: hello", "Distributor ID: Debian", "Language    :
# Chinese", "HOOKDIR=/var/cache/pbuilder/hooks", "[Unit]". Keys of one letter are labels ("Q:").
_FIELD_LINE = re.compile(
    r"^(?:[A-Za-z][\w.-]+(?: [A-Z][\w-]*)?[ \t]*:[ \t]+\S|[A-Za-z_][\w.-]*=\S|\[[\w .-]+\]$)"
)
FIELD_RUN = 2  # "Key: value" lines in a row that make a block of data, kept as written
ITEM_CHARS = 1000  # the longest list item joined with the paragraphs indented under it
ITEM_WORDS = 2  # the most words of a list's item too short to read alone (see _list_items)
TERM_WORDS = 6  # the most words of a term alone on its line over its indented description
# What code and data have and headings lack: operators, brackets opened on a word ("wordcount(",
# "KEY(trackartist)", not "fork()"), a time ("18:36:39"), a line left open ("… (", "…,").
_TABLE_RULE = re.compile(r"[ \t]*-{3,}(?:[ \t]+-{3,})+[ \t]*")  # "  ------- ---- ------"
_CODE_LIKE = re.compile(r"[=<>|{};$\\]|\w\((?!\))|\d:\d|[(,]$")
# An IPv4 address opening a line ("127.0.0.1 localhost", "192.168.1.10 server"), no numbered
# heading: heading numbers run from 1 and stay under 100, an address's do not.
_IPV4 = re.compile(r"^(?=(?:\d+\.){3}\d+\b)(?=\S*\b(?:0|\d{3})\b)")
CODE_MARK = re.compile(r"[=<>|{}$\\]|\w\((?!s?\))")  # the same, seen in prose the least


def _is_hard_wrapped(lines: list[str]) -> bool:
    """True when sentences run on across line breaks, as in text wrapped at a fixed width."""
    pairs = [(a, b) for a, b in itertools.pairwise(lines) if a and b]
    if len(pairs) < 4:
        return False
    # Chinese has no case to tell a sentence running on: the line before must be full width.
    full = 0.8 * statistics.quantiles([len(line) for line in lines], n=20)[-1]
    runs_on = sum(
        1
        for a, b in pairs
        if _runs_on(a, b)
        and (len(a) >= full if CJK_CHAR.match(b[0]) else not a.endswith(_TERMINAL))
    )
    return runs_on * 4 >= len(pairs)


def _reflow(lines: list[str], first_block: bool = False) -> list[str]:
    """Join hard-wrapped lines into logical lines: paragraphs and (possibly two-line) headings.

    A line broken before the wrap width ("early") ends a paragraph, is a heading, or is the first
    line of a paragraph that began part-way along the original line. The next line starting in
    lower case tells a paragraph's first line from a heading.
    """
    width = statistics.quantiles([len(line) for line in lines], n=20)[-1] if len(lines) > 1 else 80

    def early(i: int) -> bool:
        if i + 1 >= len(lines):
            return True
        following = lines[i + 1].split()
        # Chinese or Japanese wraps anywhere: a character of the next line would have fitted.
        word = (
            following[0][:1]
            if following and CJK_CHAR.match(following[0])
            else following[0]
            if following
            else ""
        )
        return not following or len(lines[i]) + 1 + len(word) <= width

    out: list[str] = []
    current: list[str] = []
    for i, line in enumerate(lines):
        current.append(line)
        nxt = lines[i + 1] if i + 1 < len(lines) else ""
        ends_sentence = line.endswith(SENTENCE_END) or line.endswith(('."', ".”", ".'"))
        # A sentence that ends where the next line starts early (a heading, or a paragraph that
        # began part-way along the original line) ends the paragraph even on a full-width line.
        # The block's last line, short as last lines are, ending a sentence is no heading and
        # ends the paragraph ("… features." / "Sed is often used as a find-and-replace tool.").
        last_sentence = i + 2 == len(lines) and nxt.rstrip(_CLOSING).endswith(SENTENCE_END)
        next_starts_block = (
            bool(nxt) and not _runs_on(line, nxt) and early(i + 1) and not last_sentence
        )
        if not nxt or (ends_sentence and (early(i) or next_starts_block) and not last_sentence):
            out.append(join_lines(current))
            current = []
        elif early(i) and len(current) == 1 and is_cjk_heading(line):
            out.append(line)
            current = []
        elif early(i) and not _runs_on(line, nxt) and looks_like_heading(" ".join(current)):
            heading_so_far = " ".join(current)
            # A heading can span two lines ("Participating in UN Peacekeeping" / "Operations").
            after = lines[i + 2] if i + 2 < len(lines) else ""
            if (
                len(current) == 1
                and not (i == 0 and first_block)  # a title line stands alone
                and looks_like_heading(heading_so_far + " " + nxt)
                and early(i + 1)
                and not (after and after[0].islower())  # "China" / "pursues …" opens a paragraph
            ):
                continue
            out.append(heading_so_far)
            current = []
    if current:
        out.append(join_lines(current))
    return out


def units(text: str, releases: frozenset[str] = frozenset()) -> list[str]:
    """Logical lines of a document: every paragraph or heading on one line, junk removed; a
    block of data (see :func:`_field_run_end`) as one unit of its lines, as written; a term
    alone on its line leads the description indented under it ("postinst: This script …").

    In hard-wrapped text a line that continues a sentence ("home." ending a paragraph) is never
    judged as furniture on its own; only lines that start a block or follow a finished line are.
    """
    body = body_indent(text)  # once: a pass over the whole text
    chunks = _chunks(text, body, releases)
    raw_blocks = [raw for raw, _ in chunks]
    verbatim = [data for _, data in chunks]
    blocks = [[MARKDOWN_HEADING.sub("", squeezed(line)) for line in block] for block in raw_blocks]
    junk = _junk(blocks, releases)  # once a line: asked twice below
    wrapped = _wrapped(blocks, junk, verbatim, releases)
    terms = _terms(raw_blocks, verbatim, body, releases)
    tables = {n: rows for n, raw in enumerate(raw_blocks) if (rows := _rows(raw))}
    result: list[str] = []
    term = ""
    item = -1  # where the text of the list item above starts ("  * Required: packages …")
    for number, (block, raw_block, bad) in enumerate(zip(blocks, raw_blocks, junk, strict=True)):
        if number in terms:
            term, item = blocks[number][0], -1  # a new term: what follows describes it
            continue
        if number in tables:
            result.extend(tables[number])
            continue
        start = len(result)
        if result and not verbatim[number] and all(indent_of(raw) == item for raw in raw_block):
            # a paragraph of the item, indented as its text: "This includes all tools …", or
            # an item of a list inside it (its mark dropped); a long item reads alone, and so
            # do its paragraphs
            inside = [BULLET.sub("", unit) for unit in _block_units(block, bad, wrapped, False)]
            joined = join_lines([result[-1], *inside])
            if len(joined) <= ITEM_CHARS:
                result[-1] = joined
                continue
        # An item that is a sentence has paragraphs; one that is a name ("-   Websites") heads
        # the paragraphs under it (see :func:`text._outdented`).
        item = _item_column(raw_block[0]) if is_prose(block[-1]) else -1
        if verbatim[number]:
            result.append(textwrap.dedent("\n".join(raw_block)))
        elif _hangs(raw_block) or _hanging_item(raw_block):
            # "Q:  Why is …" / "    Shouldn't it be …?", an item and the lines it runs on to
            # under its text: one paragraph
            result.append(join_lines(block))
        else:
            result.extend(_block_units(block, bad, wrapped, first_block=not result))
        if term and len(result) > start:
            result[start] = _with_term(term, result[start])
            if len(raw_block) > 1 and is_prose(block[-1]):  # its paragraphs indented alike
                item = indent_of(raw_block[-1])  # go on describing the term (see _terms)
        term = ""
    return result


def _junk(blocks: list[list[str]], releases: frozenset[str]) -> list[list[bool]]:
    """Which lines of ``blocks`` (squeezed) are furniture: no numbered heading ("3.1. Which
    Debian distribution (stable/testing/unstable) is better"), nothing of release notes ("*
    Fixed jump back to top on mobile …" is no furniture there), no title page's copyright."""
    opening = _title_page(blocks)
    return [
        [
            not releases
            and is_junk(line)
            and not _NUMBERED_HEADING.match(line)
            and not (number < opening and COPYRIGHT.match(line))
            for line in block
        ]
        for number, block in enumerate(blocks)
    ]


def _rows(raw: list[str]) -> list[str]:
    """The rows of the table ``raw`` is (dashes under its header, or a grid), else none."""
    return _table_rows(raw) or _grid_rows(raw)


# A document's copyright notice: "Copyright © 1996-2021 Software in the Public Interest"
COPYRIGHT = re.compile(r"^(?:copyright\b|©|\(c\) )\W*(?:\(c\)\W*)?(?:19|20)\d\d\b.*\w", re.I)


def _title_page(blocks: list[list[str]]) -> int:
    """How many ``blocks`` (squeezed lines) stand before the text's first paragraph of prose:
    its title page, where a copyright line ("Copyright © 1996-2021 Software in the Public
    Interest") is the document's own notice, read as its text, not a saved page's footer."""
    return next((n for n, b in enumerate(blocks) if any(is_prose(line) for line in b)), 0)


def _wrapped(
    blocks: list[list[str]], junk: list[list[bool]], verbatim: list[bool], releases: frozenset[str]
) -> bool:
    """Whether the text of ``blocks`` (squeezed lines; ``junk`` marks furniture, ``verbatim``
    blocks of data) is hard-wrapped. Release notes are mostly items, set apart by their bullets
    wrapped or not: their prose says it."""
    lines = [
        line
        for block, bad, data in zip(blocks, junk, verbatim, strict=True)
        for line, b in zip(block, bad, strict=True)
        if not b and not data and not (releases and BULLET.match(line))
    ]
    return _is_hard_wrapped(lines)


def _chunks(text: str, body: int, releases: frozenset[str]) -> list[tuple[list[str], bool]]:
    """The blocks of ``text`` (raw lines), cut around their runs of data lines (with whether
    each part is one, see :func:`_field_runs`) and before each item of a list of entries
    (:func:`_list_items`); a block of code indented under the text ``body`` (its
    :func:`body_indent`, :func:`_code_block`) is data whole."""
    return [
        (item, False) if len(items) > 1 else (raw, data)
        for block in text_blocks(text)
        for raw, data in ([(block, True)] if _code_block(block, body) else _field_runs(block))
        for items in [_list_items(raw, releases) if not data else [raw]]
        for item in items
    ]


CODE_INDENT = 2  # how much further than the text's paragraphs a block of code is indented
# Lines a listing's comments and results open with: "/* … */", "** …", "-- …", "--result 1 2"
_COMMENT = re.compile(r"^(?:/\*|\*|--|//|#)")


def _code_block(block: list[str], body: int) -> bool:
    """Whether ``block`` (raw lines between blank lines) is code set off by indentation: two
    lines or more, all indented further than the text's paragraphs, none of them prose nor a
    list's item, at least half of them code or a listing's comment ("/* Text comparison d=a
    is performed using the NOCASE collating sequence. */", "SELECT x FROM t1 WHERE d = a
    ORDER BY x;", "--result 1 2 3 4"). Read line by line, each was a passage of its own, and
    a comment outranked the text it illustrates; kept as written, the block is one listing
    (the blocks of one example, between blank lines, join: see text._Placing.verbatim)."""
    if len(block) < 2 or any(indent_of(line) < body + CODE_INDENT for line in block):
        return False
    lines = [line.strip() for line in block]
    code = [bool(_COMMENT.match(line) or _CODE_LIKE.search(line)) for line in lines]
    if any(
        ITEM.match(line) or (is_prose(line) and not c) for line, c in zip(lines, code, strict=True)
    ):
        return False
    return 2 * sum(code) >= len(lines)


def _table_rows(raw: list[str]) -> list[str]:
    """The rows of a plain-text table (a header over a rule of dashes, one run a column, as
    pandoc and text browsers set tables), each as one line of its cells ("grub-pc | V:23, I:708
    | 534 | … | Es lo bastante inteligente …"); none when ``raw`` is no such table. Read as lines,
    a row ran its cells on into one another. The header's labels are not repeated in each row:
    they put the same words in every row (on ml-dev a row outranked the answer)."""
    if len(raw) < 4 or not _TABLE_RULE.fullmatch(raw[1]):
        return []
    starts = [m.start() for m in re.finditer(r"-+", raw[1])]
    body = [line for line in raw[2:] if not _TABLE_RULE.fullmatch(line)]
    # Every cell starts in its column: a character right before a column's first one is a space.
    if any(len(line) > at and line[at - 1] != " " for line in raw[:1] + body for at in starts[1:]):
        return []

    bounds = list(itertools.pairwise([*starts, None]))
    rows = (row_text([line[a:b] for a, b in bounds]) for line in body)
    return [row for row in rows if row]


class Row(str):
    """A row of a grid table ("+-----+" borders around "| cell |" rows), its cells on one line:
    read as a table's row (see :func:`_grid_rows`)."""


def _grid_rows(raw: list[str]) -> list[str]:
    """The rows of the grid table ``raw`` is, as reST draws one ("+-----+-----+" borders
    around "| cell | cell |" lines, as docutils' text writer and pandoc set tables), each a
    :class:`Row` of its cells ("‑‑verbose | If present, output a more verbose report …"), a
    cell's lines run on and its paragraphs joined; none when ``raw`` is no such table. Read as
    lines, a cell of several lines was cut into rows of their own and the sentence leading
    into the table stood alone. The header's labels are not repeated (see :func:`_table_rows`)."""
    if not raw or not is_grid_border(raw[0]) or grid_end(raw, 0) != len(raw):
        return []
    found = grid_cells(dedented(raw), lambda lines: lines)
    if found is None:
        return []
    return [Row(text) for cells in found[1] if (text := row_text(cells))]


def _item_column(line: str) -> int:
    """Where the text of a list item starts ("      * Required: …": 8), -1 for other lines."""
    bullet = re.match(r"[ \t]*[•·▪◦*+-][ \t]+(?=\S)", line)
    return len(bullet[0].expandtabs(8)) if bullet else -1


def item_number(line: str) -> int | None:
    """The number of a list item ("3. /tmp": 3), 0 for a bulleted one, None for no item."""
    match = ITEM.match(line)
    if match is None:
        return None
    return int(digits) if (digits := match[0].strip().rstrip(".)")).isdigit() else 0


def text_blocks(text: str) -> list[list[str]]:
    """The raw lines of ``text`` in blocks between blank lines (and rules)."""
    return [list(block) for block in _text_blocks(text)]


# squeeze() of the raw lines of the text being read, kept: its units, its lines alone and its
# release lines each squeeze every line (four times a line, a tenth of the reading).
squeezed = functools.lru_cache(maxsize=1 << 14)(squeeze)


def forget() -> None:
    """Drop what is kept of the document read last (:func:`squeezed`, :func:`is_prose`, its
    blocks): memory holds one document's lines, however many are read."""
    for cache in (squeezed, _is_prose, _text_blocks, lines_alone, body_indent):
        cache.cache_clear()


@functools.lru_cache(maxsize=4)
def lines_alone(text: str) -> frozenset[str]:
    """The lines of ``text`` (squeezed) that stand alone between blank lines (the chapters'
    titles and the layout both ask)."""
    return frozenset(squeezed(block[0]) for block in _text_blocks(text) if len(block) == 1)


@functools.lru_cache(maxsize=4)
def _text_blocks(text: str) -> tuple[tuple[str, ...], ...]:
    """:func:`text_blocks`, cut once per text: reading a plain text asks for its blocks five
    times (its units, lines alone, lines set apart, release lines, chapters)."""
    raw_blocks: list[list[str]] = [[]]
    for raw in text.split("\n"):
        # A rule under a heading ("=====") or between paragraphs ends the block: never a line
        # that a hard-wrapped heading runs on into.
        if not raw.strip() or UNDERLINE.match(raw):
            if raw_blocks[-1]:
                raw_blocks.append([])
            continue
        raw_blocks[-1].append(raw.rstrip())
    return tuple(tuple(block) for block in raw_blocks if block)


def _block_units(block: list[str], junk: list[bool], wrapped: bool, first_block: bool) -> list[str]:
    """The logical lines of one block of prose (squeezed lines), its junk lines dropped."""
    kept: list[str] = []
    for number, (line, line_junk) in enumerate(zip(block, junk, strict=True)):
        continues = (
            wrapped
            and kept
            and not kept[-1].endswith(_LATIN_END)
            and not looks_like_heading(kept[-1])
        )
        if continues or not line_junk or (wrapped and _read_on(block, number)):
            kept.append(line)
    if wrapped and len(kept) > 1:
        return _reflow(kept, first_block and bool(kept))
    return _wrapped_heading(_broken_sentences(kept))


def _broken_sentences(lines: list[str]) -> list[str]:
    """``lines`` (of a text that is not hard-wrapped) with a long line that stops mid-sentence
    joined to the next when that one carries the sentence on in lower case: the odd paragraph
    broken once by hand ("… sin que pueda prevalecer discriminación alguna por razón de
    nacimiento, raza, sexo, religión, opinión o cualquier otra condición o" / "circunstancia
    personal o social.") is one paragraph, not two passages each half a sentence; so is a list of
    words broken after a comma ("Severities are critical, grave, …, minor," / "wishlist."). A
    short line ("Then run" over "apt-get update"), a list's item ("a) …") or a line of code stays
    apart."""
    out: list[str] = []
    for line in lines:
        if (
            out
            and (_stops_mid_sentence(out[-1]) or _clause_over_clause(out[-1], line))
            and line[:1].islower()
            and (len(line.split()) >= 3 or line.endswith(_LATIN_END))
            and not LETTER_ITEM.match(line)
            and not CODE_MARK.search(line)
        ):
            out[-1] = join_lines([out[-1], line])
        else:
            out.append(line)
    return out


def _clause_over_clause(line: str, following: str) -> bool:
    """A sentence set a clause a line, as a preamble is ("Мы, многонациональный народ Российской
    Федерации," / "соединенные общей судьбой на своей земле," / …): a line ending in a comma
    over one that goes on in lower case and ends in a comma too, the two as long as a line
    broken by hand (:data:`BROKEN_LINE_CHARS`). Each clause alone was a passage."""
    return (
        line.endswith(",")
        and following.endswith(",")
        and len(line) + len(following) >= BROKEN_LINE_CHARS
        and min(len(line.split()), len(following.split())) >= 3
    )


def _stops_mid_sentence(line: str) -> bool:
    """A long line that stops where its sentence goes on: no stop at its end, or a comma after
    a line as long as a wrapped one ("Severities are critical, grave, serious, …, minor,")."""
    if line.endswith(","):
        return len(line) >= BROKEN_LINE_CHARS or len(line.split()) >= BROKEN_LINE_WORDS
    return len(line.split()) >= BROKEN_LINE_WORDS and not line.endswith(_TERMINAL)


def _read_on(block: list[str], number: int) -> bool:
    """Whether line ``number`` of a hard-wrapped block starts a sentence that runs on into the
    lines below, and is furniture only when read alone: "If you want to use CDs/DVDs/BDs to
    install packages, you can use" is no breadcrumb once "apt-cdrom. For details, …" follows.
    The sentence is read to its end, three lines at most."""
    line = block[number]
    if number + 1 >= len(block) or line.endswith(_LATIN_END) or not any(map(str.isalpha, line)):
        return False  # the end of a sentence, the last line, or a rule ("-------- -----")
    sentence = block[number : number + 4]
    ends = [i for i, line in enumerate(sentence) if line.endswith(_LATIN_END)]
    return not is_junk(" ".join(sentence[: ends[0] + 1] if ends else sentence))


def _field_runs(block: list[str]) -> list[tuple[list[str], bool]]:
    """``block`` (raw lines) cut around its runs of data lines (see :func:`_field_run_end`),
    each part with whether it is such a run."""
    if PROMPT.match(block[0].lstrip()) and any(
        _FIELD_LINE.match(a.lstrip()) and _FIELD_LINE.match(b.lstrip())
        for a, b in itertools.pairwise(block)
    ):
        return [(block, True)]  # "$ lsb_release -a" and its output: "Distributor ID: Debian" …
    parts: list[tuple[list[str], bool]] = []
    rest: list[str] = []
    start = 0
    while start < len(block):
        end = _field_run_end(block, start)
        if end == start:
            rest.append(block[start])
            start += 1
            continue
        # A value run on from the block above it ("https://wiki.debian.org/DebianGis" over
        # "Moderated   : no") goes with the data; a paragraph stays text.
        column = indent_of(block[start])
        if rest and min(map(indent_of, rest)) > column and not is_prose(join_lines(rest)):
            start, rest = start - len(rest), []
        if rest:
            parts.append((rest, False))
            rest = []
        parts.append((block[start:end], True))
        start = end
    if rest:
        parts.append((rest, False))
    return parts


def _field_run_end(block: list[str], start: int) -> int:
    """Where a run of data lines that starts at ``start`` ends, or ``start`` when none does: at
    least :data:`FIELD_RUN` "Key: value" (or "KEY=value") lines set one under the other, with
    the lines indented further that continue a value (a control file's "Description:"). A
    control file, a service's unit, ``lsb_release -a``'s output: data, never a heading, kept
    whole with the sentence that shows it. Not lines amid others set as they are, as in a
    transcript ("$ apt-get source foo" / "dpkg-source: info: extracting …" / "$ ls -F")."""
    column = indent_of(block[start])
    if not _FIELD_LINE.match(block[start].lstrip()) or (
        start and indent_of(block[start - 1]) == column
    ):
        return start
    fields, end = 0, start
    while end < len(block):
        indent = indent_of(block[end])
        if indent == column and _FIELD_LINE.match(block[end].lstrip()):
            fields += 1
        elif indent <= column:
            break
        end += 1
    amid = end < len(block) and indent_of(block[end]) == column
    return end if fields >= FIELD_RUN and not amid else start


def _list_items(raw: list[str], releases: frozenset[str]) -> list[list[str]]:
    """``raw`` (a block's lines) cut before each line that a bullet opens, when two or more do:
    a list's items each on its own, with the lines it runs on to (indented past its bullet).
    Hard-wrapped, "  * Limited version range of mkdocs to <2" and "  * Updated MkDocs 2.0
    incompatibility warning" were reflowed into one line, "… to <2 * Updated …". A line at or
    left of the bullets that no bullet opens ends the list: what follows it is a block of its
    own ("Changes:" over the items stays their lead-in), unless it carries on the item's
    sentence in lower case ("- Stronger language …, including explicit commitment by
    maintainers" / "to fairly and consistently enforce …"). Only a list of entries, each of
    more than :data:`ITEM_WORDS` words, or any in release notes (``releases``): a list of names
    ("* reassign", "* severity", …), its items too short to read alone, stays one line; so does a
    list under a line that names what it is about without introducing it ("arrayfunc.c" over
    "- kvpair_assignment_p: …" in a ChangeLog): apart, the name would head nothing."""
    items = [BULLET.sub("", squeeze(line)) for line in raw if BULLET.match(line.lstrip())]
    if len(items) < 2 or not (releases or all(len(item.split()) > ITEM_WORDS for item in items)):
        return [raw]  # "reassign * severity * tags …": a list of names read as one line
    lead = list(itertools.takewhile(lambda line: not BULLET.match(line.lstrip()), raw))
    if lead and not lead[-1].rstrip().endswith((":", "：")):
        return [raw]  # "arrayfunc.c" over "- kvpair_assignment_p: …": what the items are of
    parts: list[list[str]] = [[]]
    column = -1  # where the bullet of the item being read stands; -1 outside an item
    for line in raw:
        if BULLET.match(line.lstrip()):
            parts.append([line])
            column = indent_of(line)
            continue
        if column >= 0 and not _carries_item(parts[-1][-1], line, column):
            parts.append([])  # the list ends: the lines after it stand apart
            column = -1
        parts[-1].append(line)
    return [part for part in parts if part]


def _carries_item(before: str, line: str, column: int) -> bool:
    """Whether ``line``, after ``before``, carries on a list item whose bullet stands at
    ``column``: indented past the bullet, or a sentence run on in lower case."""
    if indent_of(line) > column:
        return True
    return not before.rstrip().endswith(_TERMINAL) and _runs_on("", line.strip())


def _hanging_item(raw: list[str]) -> bool:
    """A list item over the lines it runs on to, each indented past its bullet (see
    :func:`_list_items`)."""
    return (
        len(raw) > 1
        and BULLET.match(raw[0].lstrip()) is not None
        and not any(BULLET.match(line.lstrip()) for line in raw[1:])
        and all(
            _carries_item(before, line, indent_of(raw[0]))
            for before, line in itertools.pairwise(raw)
        )
    )


def _terms(
    blocks: list[list[str]], verbatim: list[bool], body: int, releases: frozenset[str]
) -> set[int]:
    """The blocks that are a term of a definition list: one short line, not a heading nor a
    sentence, over a description indented further ("preinst" / "        This script is
    executed before …", "debian-x@lists.debian.org" / "      Description : …"). Alone, the
    description would never say what it describes; nor would its later paragraphs, indented as
    its lines ("This list is archived internally …" under debian-private's), which
    :func:`units` joins to it."""
    found: set[int] = set()
    for number, (block, following) in enumerate(itertools.pairwise(blocks)):
        if len(block) != 1 or verbatim[number] or indent_of(following[0]) <= indent_of(block[0]):
            continue  # (asked first: squeezing every paragraph was most of the work)
        line = squeeze(block[0])
        if (
            not 0 < len(line.split()) <= TERM_WORDS
            or line.endswith((".", ";", ",", "!", "。", "?", "？"))  # "Freedom:" is a term
            or _LABEL.match(line)
            or looks_like_heading(line)
            or line in releases  # "mkdocs-material-9.6.10 (2025-03-30)" over its notes
        ):
            continue
        # Left of the text, a line of words is an outdented heading ("Don't file bugs
        # upstream"); a name ("postinst"), data ("Forwarded: foo@example.com") or a label
        # ("The Debian package maintenance system:") is a term.
        if (
            indent_of(block[0]) < body
            and " " in line
            and not _FIELD_LINE.match(line)
            and not line.endswith((":", "："))
        ):
            continue
        if verbatim[number + 1] or _describes(following):
            found.add(number)
    return found


def _describes(block: list[str]) -> bool:
    """Whether ``block`` (raw lines) reads as the description of a term: prose, or data
    ("Description : debian-user in …"); not code nor a list that the term's line introduces
    ("Debian GNU/Linux is:" / "      * full featured: …")."""
    described = join_lines([squeeze(raw) for raw in block])
    if not (described[:1].isalpha() or described.startswith(("«", "“", '"', "'", "(", "¿", "¡"))):
        return False  # "     ..." over the lines of /etc/passwd
    if _LABEL.match(block[0]) or CODE_MARK.search(block[0]):
        return False
    return is_prose(described) or _FIELD_LINE.match(described) is not None


def _with_term(term: str, unit: str) -> str:
    """``unit`` led by the ``term`` it describes: "postinst: This script …"; a block of data
    under it has the term for its introduction (see :meth:`_Placing.verbatim`)."""
    if "\n" in unit:
        return f"{term}\n\n{unit}"
    if term.endswith((":", "：")):
        return join_lines([term, unit])  # "Freedom: As stated in …", "自由：如同 …"
    return f"{term} {unit}" if ":" in term else f"{term}: {unit}"


def _hangs(block: list[str]) -> bool:
    """A block set with a hanging indent: a label ("Q:", "A:", "1.", "-") and its text, the
    lines after it indented to where that text starts. However its lines end, it is one
    paragraph (a question, an answer, an item), never a paragraph and a heading."""
    label = _LABEL.match(block[0])
    if label is None or len(block) < 2:
        return False
    column = len(label[0].expandtabs(8))
    if is_numbered_heading(squeeze(block[0])) and not block[0].rstrip().endswith("?"):
        return False  # "1.  Introduction" heading the text indented under it
    return all(indent_of(line) == column for line in block[1:])


def indent_of(line: str) -> int:
    # The white space a line opens with, its tabs expanded: what the line would be indented by
    # expanded whole (its text moves every tab after it along, not the start of its text).
    if not line[:1].isspace():
        return 0  # most lines
    return len(line[: len(line) - len(line.lstrip())].expandtabs(8))


def _wrapped_heading(block: list[str]) -> list[str]:
    """A heading broken over two lines in a text that is otherwise not hard-wrapped ("2. What
    is this FAQ" / "about, and who wrote it?") as one line; any other block as it is."""
    if len(block) != 2 or block[0].endswith(_TERMINAL) or not _runs_on(block[0], block[1]):
        return block
    joined = join_lines(block)
    if is_numbered_heading(joined) or (
        joined.endswith(("?", "？")) and len(joined.split()) <= QUESTION_HEADING_WORDS
    ):
        return [joined]
    return block


# A short line of Arabic, Persian or Hebrew letters, scripts with no capitals to tell a heading
# by: one to CASELESS_HEADING_WORDS words, no sentence's punctuation (Arabic's ، ؛ ؟ and ۔ too),
# a letter first and last (vowel marks after it): "السد العالي", "برج میلاد".
_CASELESS_LETTER = "[\u0620-\u064a\u066e-\u06d3\u06d5\u06fa-\u06fc\u05d0-\u05ea]"
_CASELESS_HEADING = re.compile(
    rf"{_CASELESS_LETTER}(?:[^.,;:!?،؛؟۔…]*{_CASELESS_LETTER})?[\u064b-\u065f\u0670\u05b0-\u05c7]*"
)
CASELESS_HEADING_WORDS = 8


def is_cjk_heading(line: str) -> bool:
    """A short Chinese or Japanese line without a sentence's punctuation ("第一章 总则"), or
    an Arabic, Persian or Hebrew one (:data:`_CASELESS_HEADING`): none has capitals."""
    if _CASELESS_HEADING.fullmatch(line):
        return len(line.split()) <= CASELESS_HEADING_WORDS
    return (
        bool(CJK_CHAR.match(line[0]) and CJK_CHAR.match(line[-1]))
        and len(line) <= 30
        and not CJK_PUNCTUATION.search(line)  # "要知道…的状态，请执行" leads into a command
    )


def _runs_on(line: str, nxt: str) -> bool:
    """``nxt`` continues the sentence of ``line``: it starts in lower case, or both are Chinese
    or Japanese (no case) and ``line`` stops short of a sentence's end."""
    if not nxt:
        return False
    if nxt[0].islower():
        return True
    return bool(
        CJK_CHAR.match(nxt[0])
        and (CJK_CHAR.match(line[-1]) or line.endswith(_CJK_INSIDE))
        and not line.endswith(SENTENCE_END)
    )


def is_numbered_heading(line: str) -> bool:
    """A numbered section heading, "9.1. How can I keep my system current?" or "Chapter 9. …":
    it may end like a sentence (FAQs head each answer with its question), and a question may be
    longer ("5.8. How can I check that I am using a Debian system, and what version it is?").
    A book's chapter heading is one too, with its full stop or without ("CHAPITRE III.",
    "CHAPITRE II", "Capítulo primero. Que trata de …": :func:`chapters.is_chapter`)."""
    if line.endswith(("?", "？")):
        longest, words = 2 * 120, QUESTION_HEADING_WORDS
    else:
        longest, words = 120, 16
    numbered = (
        len(line) <= longest
        and len(line.split()) <= words
        and bool(_NUMBERED_HEADING.match(line))
        and not _IPV4.match(line)
    )
    return numbered or is_chapter(line) or division_level(line) is not None


def division_level(line: str) -> int | None:
    """The level of a legal text's division ``line`` heads (1: a part or title, 2: a chapter, 3:
    a section, 4: an article; see :data:`_DIVISION_WORDS`), or None when it heads none: "TÍTULO
    PRELIMINAR", "ГЛАВА 1.", "Titre II - LE PRÉSIDENT DE LA RÉPUBLIQUE", "ARTICLE PREMIER.",
    "Статья 81 <*>", "第二章 公民的基本权利和义务"."""
    if not line or "\n" in line or len(line) > 160:
        return None
    cjk = _CJK_DIVISION.match(line)
    if cjk:
        # "第二条 中华人民共和国的一切权力属于人民。" or "第三十条 …划分如下：" is the article's
        # first paragraph, led by its number (see :func:`article_lead`), however short: a
        # heading ("第一章 总纲") ends in no sentence's stop nor a colon
        sentence = line.rstrip(_CLOSING + "”』」）)").endswith(_PROSE_END)
        return _CJK_LEVELS[cjk.group(1)] if len(line) <= 40 and not sentence else None
    if not line[:1].isupper():
        return None
    for level, pattern in enumerate(_DIVISION, start=1):
        match = pattern.match(line)
        if match is None:
            continue
        title = match["title"] or match["spaced"] or ""
        if title[:1].islower() or len(title.split()) > DIVISION_TITLE_WORDS:
            return None
        last = title.split()[-1] if title else ""
        if len(title.split()) >= 4 and (title.endswith(_TERMINAL) or _stops_short(last)):
            # "SECTION. 2. Congress shall have power to enforce …" is its text; "SECTION. 5.
            # Sections 1 and 2 shall take effect on the 15th day of" is broken off its text
            return None
        return level
    return None


def _stops_short(word: str) -> bool:
    """A line's last word no title ends with: a short one in lower case ("of", "de", "и")."""
    return len(word) <= 3 and word.isalpha() and word.islower()


def is_bare_division(line: str) -> bool:
    """A part, chapter or section heading that is only its word and number ("ГЛАВА 1.",
    "TÍTULO I", "CAPÍTULO PRIMERO"), whose title may stand on the next line."""
    level = division_level(line)
    if level is None or level >= ARTICLE_LEVEL or _CJK_DIVISION.match(line):
        return False
    match = _DIVISION[level - 1].match(line)
    return match is not None and not (match["title"] or match["spaced"])


def article_lead(text: str) -> str | None:
    """The article number opening a paragraph, "第三十七条" in "第三十七条 中华人民共和国公民的
    人身自由不受侵犯。" or "Article 5." in "Article 5. Everyone has …", or None."""
    match = _ARTICLE_LEAD.match(text)
    return match.group(0) if match else None


def numbers_articles(lines: Iterable[str]) -> bool:
    """Whether a text numbers its articles where their first paragraphs open (:func:`article_lead`),
    :data:`ARTICLE_LEADS` times or more: one "Article 5. …" is a sentence, not an outline."""
    return sum(1 for line in lines if article_lead(line.strip())) >= ARTICLE_LEADS


def looks_like_heading(line: str) -> bool:
    """A short line in title case with no sentence punctuation at its end, or numbered."""
    if is_numbered_heading(line) or is_cjk_heading(line):
        return True
    words = line.split()
    if not words or len(words) > 12 or len(line) > 90 or line.rstrip(_CLOSING).endswith(_TERMINAL):
        return False  # "Sheppard.\"", "Poucet.»": the end of a quoted sentence, wrapped
    if not (line[0].isupper() or line[0].isdigit()) or is_data(line):
        return False
    significant = [w for w in words if w.lower() not in _SMALL_WORDS]
    capitalised = sum(1 for w in significant if w[:1].isupper() or w[:1].isdigit())
    return (bool(significant) and capitalised * 10 >= len(significant) * 7) or in_capitals(line)


SHORT_WORD = 3  # "и", "y", "et", "and": a heading in capitals may leave them in lower case


def in_capitals(line: str) -> bool:
    """Whether ``line`` is set in capitals, its short words aside: "FUNCTIONS AND POWERS",
    "ФУНКЦИИ и ПОЛНОМОЧИЯ", "FUNCIONES y PODERES" (the UN Charter's sub-headings)."""
    long_words = [word for word in line.split() if len(word) > SHORT_WORD]
    return bool(long_words) and all(w.upper() == w != w.lower() for w in long_words)


def is_data(line: str) -> bool:
    """Whether ``line`` reads as code or data, never a heading: "CREATE TABLE wordcount(",
    "SQLite version 3.36.0 2021-06-18 18:36:39", "Installed-Size: 145", "Release: 7.4"."""
    if _CODE_LIKE.search(line):
        return True
    field = _FIELD_LINE.match(line)
    if field is None or "=" in field[0]:
        return False
    if ":" not in line:
        return True  # "[Unit]" opening a section of a configuration file; "[Illustration]"
    key, value = line.split(":", 1)
    if any(ch.isdigit() or ch in "@/" for ch in value):
        return True
    return " " not in key.strip() and value.lstrip()[:1].islower()  # not "Obsolete X-PR: quiet"


@functools.lru_cache(maxsize=4)
def body_indent(text: str) -> int:
    """How far the text's paragraphs are indented: the commonest indentation of long lines
    (kept per text: a plain text's units, layout and outdented headings each ask)."""
    # split(None, 7) has 8 parts when the line has 8 words or more, without splitting the rest
    indents = Counter(indent_of(line) for line in text.split("\n") if len(line.split(None, 7)) >= 8)
    return indents.most_common(1)[0][0] if indents else 0


# A command line: a prompt ("$ ", "# "), or a program (a lower-case name, a path) and its
# arguments. Lines of four words or more must show it: an option ("-a", "--config"), a path, a
# pipe or redirection, a variable; fewer words would be no passage of their own.
PROMPT = re.compile(r"^[$#%] +\S")


def is_prose(line: str) -> bool:
    """A paragraph of running text rather than a heading or label (or a table's row)."""
    return not isinstance(line, Row) and _is_prose(line)


@functools.lru_cache(maxsize=1 << 12)
def _is_prose(line: str) -> bool:
    """:func:`is_prose` of a line that is no table's row, kept: a plain text's reading asks it
    twice or more of each line."""
    if is_numbered_heading(line):
        return False
    words = words_up_to(line, 25)
    if words >= 25:
        return True
    return words >= 4 and line.rstrip("\"'”’)」』").endswith(_PROSE_END)
