"""Split running text into sentences, keeping each sentence's character span.

A sentence ends at ``.``, ``!`` or ``?`` (and any closing quotes or brackets) followed by white
space and something that can start a sentence (anything but a lower-case letter: a capital in
any alphabet, a digit, a letter of a script without case such as Arabic or Hebrew), unless the
word before the full stop is an abbreviation or an initial ("U.S.", "No. 1373", "Dmitry A.
Medvedev"). Arabic ``؟``, Urdu ``۔`` and the Devanagari danda end sentences the same way.

Chinese and Japanese put no space after a sentence: ``。！？；`` (and their half-width forms)
end one wherever they stand, with any closing quotes or brackets after them.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence

from retrieval.search.languages import language, stop_words

_SPACED = r"""[.!?…؟۔।॥]+["'”’»)\]]*(?=\s+["'“‘«„¿¡(\[]?(?P<next>[^\W_]))"""
_CJK = r"[。！？；｡]+[”’」』）】〕》\"')\]]*"
_BOUNDARY = re.compile(f"{_SPACED}|{_CJK}")
# The same ends in ASCII text, where the only stops are ".!?" and a letter or digit is
# [A-Za-z0-9]: the pattern without Unicode classes runs in two thirds of the time. A small
# letter starts no sentence, so it is left out here rather than matched and then skipped: what
# follows the stops is the same for every shorter match of them, none of which can match
# instead. The second branch, a spaced stop before a small letter (:func:`_lone`), opens with
# the stop and looks behind it for the space: opening with the look-behind, the pattern had no
# first character to scan for and was tried at every character (2.5 times the time).
_ASCII_STOPS = r"""[.!?]+["')\]]*(?=\s+["'(\[]?(?P<next>[A-Z0-9]))"""
_ASCII_BOUNDARY = re.compile(rf"""{_ASCII_STOPS}|\.(?<=\s\.)(?=\s+["'(\[]?[a-z])""")
# Most texts space off no stop, where that branch never matches: the first alone finds the same.
_ASCII_STOP = re.compile(_ASCII_STOPS)
_STOP_AFTER_SPACE = re.compile(r"\.(?<=\s\.)")
# Words written short before a number, a name or a year, which a capital or a digit follows
# inside a sentence: English.
_ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof st no nos art arts vol vols vs etc e.g i.e jan feb mar apr jun jul aug
    sep sept oct nov dec gen col lt maj capt sgt rep sen gov inc ltd co corp dept fig pp p cf approx
    est jr sr""".split()
)
# Of those, the ones written after what they shorten, closing a list or a name ("apples, pears,
# etc.", "Apple Inc.", "Acme Ltd.", "Smith & Co.", "Martin Luther King Jr."): a sentence often
# ends with one, its stop doing for both. "etc." ends its sentence before any capital ("…
# tablets, etc. The prices vary."), as a name seldom follows a list inside one; the others
# before a word that opens a clause ("Apple Inc. The company …", see :func:`_opens_clause`),
# not before a name or a title, as news writes them inside a sentence ("Apple Inc. CEO Tim
# Cook said", "Acme Ltd. Board members").
_ABBREVIATIONS_AFTER = frozenset("etc inc ltd co corp jr sr".split())
# The same in other languages, unless written in capitals ("CA." ends a sentence naming a
# certificate authority, "ca. 100" is German's "about"): Russian (2006 г., ст. 152, ч. 3, п. 2,
# гл. 5, с. 12, т. 2, см. ст. 3, рис. 1, табл. 2, "(англ. Mars Fever)", 1 янв. 2020); Spanish
# (núm. 16, pág. 26, Sra., Dña., p. ej.); French (av. J.-C., chap., éd., litt., Mgr); German
# (Nr. 5, Abs. 2, vgl. Art. 5, ca. 100); and the months each of these writes short (янв., févr.,
# abr., Okt.). Not those a sentence often ends with (Russian "и т. д.", "и др.", "руб."; German
# "usw."), nor those that are words too: Russian им "them", нем "him"; Spanish ago. (August)
# and cap., French env., German gem., which end English sentences as words.
_ABBREVIATIONS_ABROAD = frozenset(
    """г гг ст ч п пп гл с т тт см рис табл стр англ лат греч франц фр итал исп напр ср
    янв фев февр апр авг сен сент окт нояб дек
    núm núms pág págs pag sra srta sres dña ud uds vd vds ej aprox avda ene abr dic
    av apr chap éd litt mgr janv févr avr juil déc
    nr abs vgl ca hrsg bd ggf inkl jän mär okt dez""".split()
)
# Of those, the ones that are English words too and end English sentences as words ("Train your
# abs. Then …", "a good chap. Everyone …"): abbreviations only before a number (Abs. 2, chap. 5).
_ABBREVIATIONS_BEFORE_NUMBERS = frozenset({"abs", "chap"})
# letters before a stop that make it no abbreviation
_WORDY = max(map(len, _ABBREVIATIONS | _ABBREVIATIONS_ABROAD)) + 1
# "10. The two sides …", "2.1. Российская Федерация …": a point's number opening the text; or
# a list's letter ("а. Если x > 0 …", "β. …"), which a small Latin letter is as an initial
_NUMBERED = re.compile(r"^\s*\(?(?:\d{1,3}(?:\.\d{1,3})*|[а-яα-ω])\.$")
# Initials: a letter and a stop, Latin ("Dmitry A. Medvedev", "U.S.") or a capital of Cyrillic
# or Greek ("А. С. Пушкин", "Г. Уэллс"); a small Cyrillic letter is a word ("и т. д.").
_INITIALS = re.compile(r"(?:^|[\s(«„\"])(?:[A-Za-zА-ЯЁЄІЇҐΑ-Ω]\.)+$")
# A day's or a century's number is written with a stop in German, inside the sentence: "am
# 23. Mai 1949", "im 19. Jahrhundert", "des 20. Jahrhunderts". It ends no sentence before a
# German month's name ("3. Oktober", "3. Okt.") nor after an article or a preposition joined
# with one, which a number ends no sentence after. Not after "am" and "die", English words too
# ("I am 42. My wife is 40."). The names English shares ("April", "September", "Nov") join only
# after a German article or preposition ("am 3. September 1949", "bis 30. November"): an English
# sentence may end with a number and the next open with a month ("The limit is 10. September
# releases raise it.", "Teams have 11. March is …"), and English writes no stop after a day's
# number.
_MONTH_NEXT = re.compile(
    r"\s+(?:Januar|Jänner|Februar|Feber|März|Mai|Juni|Juli|Oktober|Dezember"
    r"|Jän|Mär|Okt|Dez)\b"
)
_SHARED_MONTH_NEXT = re.compile(
    r"\s+(?:April|August|September|November|Jan|Feb|Apr|Jun|Jul|Aug|Sep|Sept|Nov)\b"
)
_ORDINAL_AFTER = frozenset("im vom zum zur beim der das den dem des".split())
_BEFORE_DATE = _ORDINAL_AFTER | frozenset("am bis ab seit".split())


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of each sentence of ``text``; together they cover every non-space char."""
    spans: list[tuple[int, int]] = []
    start = 0
    plain = text.isascii()
    for match in _boundaries(text, plain).finditer(text):
        following = match.group("next")
        # the ASCII pattern's second branch: a spaced stop before a small letter
        small = following.islower() if following else plain
        if small and not _lone(text, match):
            continue  # "e.g. the", "approx. ten": a sentence starts with no small letter
        stop = match.start()
        if text[stop] == "." and not (
            stop - _WORDY > start and text[stop - _WORDY : stop].isalpha()
        ):
            # Only a full stop may end an abbreviation, initials or a point's number; the last
            # word alone is split off (splitting the whole sentence cost an eighth of indexing).
            # A stop after more letters than any abbreviation has ends none of them (most
            # stops), so those are not looked at.
            before = text[start : stop + 1]
            last = before.rsplit(None, 2)
            word = last[-1] if last else ""
            bare = word.rstrip(".").lstrip("(\"'“‘«„").lower()
            tail = max(0, len(before) - len(word) - 1)
            if (bare in _ABBREVIATIONS and not _closes(bare, text, match)) or _NUMBERED.match(
                before
            ):
                continue
            if _INITIALS.search(before, tail) and not _opens_clause(text, match, "en", "ru"):
                continue
            if (
                bare in _ABBREVIATIONS_ABROAD
                and not word.lstrip("(\"'“‘«„")[1:2].isupper()
                and (bare not in _ABBREVIATIONS_BEFORE_NUMBERS or (following or "").isdigit())
                and not _unit_ends(bare, last, text, match)
            ):
                continue
            if _ordinal(text, bare, last[-2] if len(last) > 1 else "", stop + 1):
                continue
        end = match.end()
        span = _trim(text, start, end)
        if span[0] < span[1]:  # not white space only
            spans.append(span)
        start = end
    span = _trim(text, start, len(text))
    if span[0] < span[1]:
        spans.append(span)
    return spans


def _boundaries(text: str, plain: bool) -> re.Pattern[str]:
    """The pattern finding ``text``'s candidate sentence ends (``plain``: it is ASCII)."""
    if not plain:
        return _BOUNDARY
    return _ASCII_BOUNDARY if _STOP_AFTER_SPACE.search(text) else _ASCII_STOP


# A word that opens a clause: a pronoun, a preposition, a conjunction (the language's stop
# words) with a capital, whole (no initial: "А. С. Пушкин"). Inside a sentence those are
# written small, so one with a capital after an abbreviation or an initial opens the next
# sentence: "Закон принят в 1993 г. Он вступил в силу позже.", "обозначено буквой А. Его
# формула проста.", "vitamin C. It is …". A name or a number after them stays in the sentence
# ("от 9 января 1996 г. N 20", "В 1990 г. Горбачёв стал …", "ст. 5 Закона", "А. С. Пушкин").
_AMOUNT = re.compile(r"\(?\d+(?:[–-]\d+)?")  # "1993", "1990–1991", "(5"
_WHOLE_WORD = re.compile(r"\w+(?![.\w])")
_RUSSIAN_ABBREVIATIONS = frozenset(
    w for w in _ABBREVIATIONS_ABROAD if "а" <= w[0] <= "я" or w[0] == "ё"
)


def _unit_ends(bare: str, last: list[str], text: str, stop: re.Match[str]) -> bool:
    """Whether a Russian abbreviation after a number (a year's "г.", a unit: "5 см.", "3 т.",
    "10 с.") ends its sentence: a clause opens after it (:func:`_opens_clause`). Before a number
    ("т. 2", "с. 12", "см. ст. 3": volume, page, "see") it ends none, nor does "См." before a
    law's title ("См. О правах …")."""
    return (
        bare in _RUSSIAN_ABBREVIATIONS
        and len(last) > 1
        and _AMOUNT.fullmatch(last[-2]) is not None
        and _opens_clause(text, stop, "ru")
    )


def _closes(bare: str, text: str, stop: re.Match[str]) -> bool:
    """Whether the abbreviation ``bare`` ("etc", "inc"), before ``stop``'s next word, ends its
    sentence (see :data:`_ABBREVIATIONS_AFTER`)."""
    if bare not in _ABBREVIATIONS_AFTER:
        return False
    if bare == "etc":
        # A list it closes is over: a capital or a number opens the next sentence ("etc.
        # 2020 was …"); inside one, a small letter follows ("Rome, Paris, etc. and …").
        following = stop.group("next") or ""
        return following.isupper() or following.isdigit()
    return _opens_clause(text, stop, "en")


def _opens_clause(text: str, stop: re.Match[str], *codes: str) -> bool:
    """Whether the word after ``stop`` is one of the languages' (``codes``) stop words written
    with a capital: the first word of a sentence (see :data:`_WHOLE_WORD`). A Cyrillic word is
    looked up in Russian's list, any other in English's."""
    found = _WHOLE_WORD.match(text, stop.start("next")) if stop.group("next") else None
    word = found.group() if found else ""
    if not word[:1].isupper() or (len(word) > 1 and not word[1:].islower()):
        return False  # a word in capitals: a heading's ("С 3 ДЕКАБРЯ 1891 г. ПО 12 АПРЕЛЯ")
    code = "ru" if "\u0400" <= word[0] <= "\u04ff" else "en"
    return code in codes and language(code).fold(word) in stop_words(code)


def _ordinal(text: str, number: str, word_before: str, after: int) -> bool:
    """Whether ``number`` (a word before a stop, its stop at ``after`` - 1) is a German
    ordinal inside its sentence: a day before its month (one English shares only after a
    German preposition), or after an article ("im 19. Jahrhundert", see :data:`_MONTH_NEXT`)."""
    if not (number.isdigit() and len(number) <= 2):
        return False
    before = word_before.lower()
    if before in _ORDINAL_AFTER or _MONTH_NEXT.match(text, after):
        return True
    return before in _BEFORE_DATE and _SHARED_MONTH_NEXT.match(text, after) is not None


_SPACED_STOPS = re.compile(r"(?<=\s)\.(?=\s|$)")


def _lone(text: str, stop: re.Match[str]) -> bool:
    """Whether ``stop`` is a full stop standing apart from the word before it ("of the catalogue
    . the results"): text written in small letters with its stops spaced off, as old abstract
    collections and tokenised corpora are, ends its sentences so, and "e.g. the" never does.
    Only a full stop: French spaces its "?" and "!" ("Qu'avez-vous dit ? rien"), and a spaced
    "…" elides within a sentence ("Il hésita … puis il partit"); and only in a text spacing off
    two or more, as one that writes so does (a lone " . " is more often a command's path)."""
    return (
        stop.group() == "."
        and stop.start() > 0
        and text[stop.start() - 1].isspace()
        and _stops_spaced_off(text)  # "Use git add . to stage it.": one, no stop
    )


def _stops_spaced_off(text: str) -> bool:
    """Whether ``text`` spaces off two full stops or more: looked for up to the second, as it is
    asked at each of them (counting them all there was quadratic in a long tokenised text)."""
    return next(itertools.islice(_SPACED_STOPS.finditer(text), 1, None), None) is not None


# Text without sentence punctuation (a cleaned abstract in small letters, a transcript, OCR'd
# notes) is one "sentence" however long: quoted whole, it was a wall of 15-24 lines. A run of
# more than RUN_WORDS words holding no stop, colon, semicolon, line break or table bar (no
# punctuated sentence does) is cut into pieces of about PIECE_WORDS words, at word boundaries,
# which excerpts then take as sentences: the window of 1-3 of them around the matches is a
# sentence's length, as whoosh's highlighter cuts its fragments.
RUN_WORDS = 80
PIECE_WORDS = 20
_MARKS = r".!?…;:|\n\u3002\uff01\uff1f\uff1b\u061f\u06d4\u0964\u0965"  # which end a run
_PUNCTUATED = re.compile(f"[{_MARKS}]")
_UNPUNCTUATED = re.compile(f"[^{_MARKS}]+")
_WORD = re.compile(r"\S+")
_RUN_CHARS = RUN_WORDS * 2  # characters: no span so long or shorter holds such a run


def fragment_spans(text: str) -> list[tuple[int, int]]:
    """:func:`sentence_spans`, each list item its own (:func:`_items`), with every
    unpunctuated run of more than :data:`RUN_WORDS` words cut into pieces of about
    :data:`PIECE_WORDS` (:func:`run_pieces`): the units an excerpt is chosen from."""
    spans = _item_sentences(text) if "\n" in text else sentence_spans(text)
    if not any(b - a > _RUN_CHARS for a, b in spans):
        return spans
    cut: list[tuple[int, int]] = []
    for start, end in spans:
        cut += run_pieces(text, start, end) if end - start > _RUN_CHARS else [(start, end)]
    return cut


# A line opening with a list's marker, then a space: a bullet as the readers write them (•, ◦,
# ▪) and documents draw them (●, ○, □, ➢), or a number or letter ("2.", "3)", "a)", Russian
# "б)", Greek "β)"; a point added between two, "а.1)", as the Russian constitution numbers its
# amendments; a subpoint "2.1.", but not "1.5)", a number). Not "-" or "*", which open lines of
# code (YAML's "- mkdocstrings:", a C comment's " * "), and a list read from Markdown or Word is
# drawn with bullets.
_ITEM = re.compile(
    r"\n[ \t]*(?:[•◦▪●○■□◆◇➢➤‣∙]|(?P<open>\(?)(?P<number>\d{1,3}|[a-zа-яα-ω])"
    r"(?P<sub>\.\d{1,2}(?=\.)|(?<=[a-zа-яα-ω])\.\d{1,2})?(?P<close>[.)]))[ \t]"
)
# The letters of each alphabet in the order a list counts them: a Russian list skips ё, й, ъ, ы
# and ь ("и)" then "к)"), a Greek one the final ς.
_LETTERS = (
    "abcdefghijklmnopqrstuvwxyz",
    "абвгдежзиклмнопрстуфхцчшщэюя",
    "αβγδεζηθικλμνξοπρστυφχψω",
)
# The end of a line that ends its sentence or clause: a stop, colon or semicolon, then any
# closing quotes or brackets.
_ABBREVIATED = re.compile(r"[^\W\d_]\.(?!\w)")  # a letter and a stop after a letter's: "z. B."
_LINE_ENDED = re.compile(r"""[.!?…:;。！？：；]["'”’»)\]]*[ \t]*$""")


def _item_sentences(text: str) -> list[tuple[int, int]]:
    """:func:`sentence_spans` of ``text`` read item by item when it holds a list: items
    written without full stops ("● Experience designing static websites" over "● Experience
    developing websites compatible with accessibility …") ran into one sentence, whose words
    counted as one sentence's when a passage was weighed by its best one to three sentences,
    and a list of unrelated items outweighed the item answering."""
    found = list(_ITEM.finditer(text))
    markers = {_marker(m) for m in found}
    edges = [0, *(m.start() + 1 for m in found if _opens_item(text, m, markers)), len(text)]
    if len(edges) == 2:
        return sentence_spans(text)
    return [
        (a + start, b + start)
        for start, end in itertools.pairwise(edges)
        for a, b in sentence_spans(text[start:end])
    ]


def _marker(match: re.Match[str]) -> tuple[str, int, str] | None:
    """A number or letter marker as its style and place in its sequence; None for a bullet."""
    number = match.group("number")
    if number is None:
        return None
    style = match.group("open") + match.group("close")
    if sub := match.group("sub"):  # "а.1)" by "а.2)", "2.1." by "2.2."
        return style + number, int(sub[1:]), "9"
    if number.isdigit():
        return style, int(number), "9"
    # a letter no list counts (й, ъ, ы): no place next to any other
    alphabet = next((letters for letters in _LETTERS if number in letters), "")
    return style, alphabet.find(number), alphabet[:1] or number


def _opens_item(text: str, match: re.Match[str], markers: set[tuple[str, int, str] | None]) -> bool:
    """Whether a line's marker opens a list item: a bullet always; a number or letter when the
    line before ended its sentence or clause ("Article 5.", "as follows:"), or when the item
    before or after it in its list opens a line too ("2." by "1." or "3."), or when it is a
    number and a full stop before a capital, which :func:`sentence_spans` would end a sentence
    after ("To install the server" over "1. Log on …": "1." is the step's). Else it is a line
    of running text broken where a number or an abbreviation stood: "… the case of Plessy" over
    "v. Ferguson", "wie" over "z. B. die Heizkosten", "am" over "3. Oktober", "as set out in"
    over "3. above", a PDF's lines breaking anywhere; cut there, an excerpt quoted half a
    sentence."""
    marker = _marker(match)
    if marker is None:
        return True
    style, place, kind = marker
    if kind != "9" and _ABBREVIATED.match(text, match.end()):
        return False  # "e. g.", "i. e.", German "z. B.", "d. h.": two letters abbreviated
    if (style, place - 1, kind) in markers or (style, place + 1, kind) in markers:
        return True
    line = text.rfind("\n", 0, match.start()) + 1
    if _LINE_ENDED.search(text, line, match.start()) is not None or line == match.start():
        return True  # after a finished line, or a blank one ("по вопросам:" / "" / "а) …")
    if match.group("open") or match.group("close") != "." or not match.group("number").isdigit():
        return False
    # "configuration" over "1. Log on": cut after "1." else (a sentence's end); but a German
    # ordinal ends no sentence ("am" over "3. Oktober")
    before = text[line : match.start()].rsplit(None, 1)
    return text[match.end() : match.end() + 4].lstrip()[:1].isupper() and not _ordinal(
        text, match.group("number"), before[-1] if before else "", match.end() - 1
    )


def run_pieces(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The span ``start``-``end`` of ``text`` with each unpunctuated run of more than
    :data:`RUN_WORDS` words in it (between two stops, colons, semicolons or line breaks) cut into
    pieces of about :data:`PIECE_WORDS` words, the rest of the span a piece of its own: an
    abstract written without stops but its last ("… changed little."), or under "Background:".
    Only in a script with small and capital letters (Thai or Chinese, written without spaces
    between words or without case, are left alone); a span holding no such run is itself."""
    if not any(
        b - a > _RUN_CHARS and len(text[a:b].split()) > RUN_WORDS
        for a, b in (m.span() for m in _UNPUNCTUATED.finditer(text, start, end))
    ) or not _cased(text[start:end]):
        return [(start, end)]
    groups: list[list[tuple[int, int]]] = [[]]
    for m in _WORD.finditer(text, start, end):
        groups[-1].append(m.span())
        if _PUNCTUATED.search(m.group()):  # a word holding a mark ends its stretch
            groups.append([])
    pieces: list[tuple[int, int]] = []
    pending: list[tuple[int, int]] = []  # short stretches, kept together as one piece
    for group in filter(None, groups):
        if len(group) <= RUN_WORDS:
            pending += group
            continue
        if pending:
            pieces.append((pending[0][0], pending[-1][1]))
            pending = []
        count = round(len(group) / PIECE_WORDS)
        edges = [round(i * len(group) / count) for i in range(count + 1)]
        pieces += [(group[a][0], group[b - 1][1]) for a, b in itertools.pairwise(edges)]
    if pending:
        pieces.append((pending[0][0], pending[-1][1]))
    return pieces


def _cased(run: str) -> bool:
    """Whether nearly all the letters of ``run`` have a case (Latin, Cyrillic, Greek)."""
    letters = [ch for ch in run if ch.isalpha()]
    cased = sum(ch.islower() or ch.isupper() for ch in letters)
    return bool(letters) and cased >= 0.9 * len(letters)


def piece_cut(text: str, end: int) -> bool:
    """Whether a span ending at ``end`` of ``text`` was cut inside a run (:func:`run_pieces`):
    it ends in a word's letter or digit, where a sentence ends in its stop."""
    return end > 0 and text[end - 1].isalnum()


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def sentences(text: str) -> list[str]:
    """The sentences of ``text``."""
    return [text[a:b] for a, b in sentence_spans(text)]


# Characters of scripts written without spaces, and their punctuation: a line broken between two
# of them is joined without a space (a space inside a Chinese sentence is a typo a reader sees).
_UNSPACED = re.compile(
    "[\u3000-\u303f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]"
)


# A line broken after a slash inside a pair of words or an address, as a wrapping program cuts
# them ("Debian GNU/" over "Linux", "(https://" over "www.debian.org/)", ".../doc/debian/" over
# "bug-reporting.txt"): joined back unspaced. A path that ends the line whole ("/usr/local/" over
# "be") keeps its space: the word after it names no file.
_SCHEME = re.compile(r"[a-z][a-z+.-]*://$")
_WORD_PAIR = re.compile(r"^[^\W_][\w-]*/$")
# the rest of a path: a folder and what is in it ("share/aptitude/README"), or a file's name
# ("bug-reporting.txt"); not "e.g." nor a word after a folder named whole ("docs/" + "and then")
_PATH_PART = re.compile(r"^[\w-]+/[\w.-]|^[\w-]{2,}\.[A-Za-z0-9]{1,12}\b")


def join_lines(lines: Sequence[str]) -> str:
    """Hard-wrapped lines as one line: a space between them, none between Chinese or Japanese,
    nor after a slash that ends a line inside a pair of words or an address."""
    out = ""
    for line in lines:
        line = line.strip()
        if out and line and not _unspaced(out, line):
            out += " "
        out += line
    return out


def _unspaced(before: str, line: str) -> bool:
    if _UNSPACED.match(before[-1]) and _UNSPACED.match(line[0]):
        return True
    if not before.endswith("/") or not line[0].isalnum():
        return False
    cut = before.rsplit(None, 1)[-1].lstrip("(<\"'")
    if _SCHEME.search(cut) or _PATH_PART.match(line):
        return True
    # a pair of names ("GNU/" + "Linux", "CD/" + "DVD"), not a folder before a sentence's next
    # word ("templates/" + "so that", "debian/" + "The directory holding …")
    return bool(_WORD_PAIR.match(cut) and cut[0].isupper() and line[0].isupper())
