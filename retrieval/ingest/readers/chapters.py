"""How books set their parts apart: chapter headings, the author's name over the title, dialogue.

A novel's chapters are headed by a chapter word and a number, in figures, roman numerals or
words, with a full stop or not, alone or before the chapter's title: "CHAPITRE III.", "CHAPITRE
II", "Capítulo primero. Que trata de la condición … hidalgo don Quijote de la Mancha", "Глава
первая", "Book the First", "第66章 关云长单刀赴会". Its lines of dialogue ("— Ну?", "-¿Pláticas
son éstas, Sancho, para este lugar?", "« Qui êtes-vous ? »") are never headings, however short
or question-like. A story may open with its author's name over its title ("Антон Чехов" /
"ХАМЕЛЕОН"): the name is no title. Project Gutenberg sets an em-dash as two hyphens ("--Et où
est son bras?") and may number chapters by a roman numeral alone ("IV." over "Marie couche le
petit blessé.", or "II. Papa se fâche." on one line); a title page's "PAR" or "BY" line, over
the author's name, heads nothing.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from retrieval.text import CARDINAL_WORDS, ORDINAL_WORDS, ROMAN, roman_value

# The chapter words of the languages the library reads, and of parts larger than a chapter.
CHAPTER_WORDS = r"Chapter|Chapitre|Cap[íi]tulo|Capitolo|Kapitel|Hoofdstuk|Rozdział|Глава|Розділ"
_CHAPTER_WORD = (
    rf"(?:{CHAPTER_WORDS}|Book|Livre|Libro|Buch|Книга|Part|Partie|Parte|Teil|Часть|Частина)"
)
# Numbers written out, cardinal and ordinal; "Twenty-One" joins two; "the last chapter" too.
_NUMBER_WORDS = [
    *CARDINAL_WORDS,
    *ORDINAL_WORDS,
    *"last dernier dernière último última ultimo ultima letztes последняя последний".split(),
]
_WORD_NUMBER = r"(?:the\s+)?(?:" + "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True)) + r")"
_NUMBER = rf"(?:\d{{1,3}}|{ROMAN}|{_WORD_NUMBER}(?:[- ]{_WORD_NUMBER})?)"
# The chapter word and its number, a note mark ("CHAPITRE XXII[1]."), then the end of the line
# or the chapter's title after a stop, a colon or a dash ("Capítulo II. Que trata de …"), or
# after a space when it opens in capitals ("Chapter 1 Loomings"), never in lower case ("Chapter 3
# describes …" is a sentence).
_CHAPTER = re.compile(
    rf"(?i:{_CHAPTER_WORD})\s+(?i:{_NUMBER})(?:\s*\[\d+\])?"
    r"(?:\s*[.:]?\s*$|\s*[.:—–-]\s*(?P<title>\S.*)|\s+(?P<spaced>[^\W\d_a-zà-ÿа-яё].*))"
)
_CJK_CHAPTER = re.compile(
    r"^第[0-9０-９〇零一二三四五六七八九十百千两]+[章回卷节節部篇集幕](?:[\s　：:].*)?$"
)
CHAPTER_TITLE_WORDS = 45  # the longest chapter title after its number (Cervantes wrote 31)
CHAPTER_TITLE_CHARS = 320
SUBTITLE_WORDS = 12  # the longest title on the line under a bare chapter heading
# A line of dialogue opens with a dash: a long one ("— Ну?", "– За что?"), or a hyphen set
# against the word ("-¿Y las narices?", "-Decid -le repliqué yo"); "- Websites" is a list's item.
_DIALOGUE = re.compile(r'^(?:[‒–—―]|[-‐‑](?=[^\s\d-])|--(?=[¿¡«"“]?[^\W\d_a-z]))')
# A roman numeral, its full stop, and the chapter's title if any: "IV.", "II. Papa se fâche."
_ROMAN_CHAPTER = re.compile(rf"^(?P<number>{ROMAN})\.?(?:\s+(?P<title>\S.*))?$")
ROMAN_RUN = 3  # chapters numbered in order that make a book's numbering, not a stray "C."
ROMAN_TITLE_WORDS = 12
_BY_WORDS = frozenset("by par por von di da door av af przez".split())
# A line opening with a quotation mark ("« Qui êtes-vous ? »", "»-Luego, ¿todo aquello …?",
# "“Where?”") is one of dialogue or a quotation when it is a question: no FAQ asks so.
_QUOTED = re.compile(r"^[«»“”„\"‘’‚]")


def is_chapter(line: str) -> bool:
    """Whether ``line`` is a chapter heading: a chapter word, its number, and its title if any
    ("CHAPITRE III.", "Capítulo primero. Que trata de …", "第1章 宴桃园豪杰三结义")."""
    if not line or "\n" in line:
        return False
    if _CJK_CHAPTER.match(line):
        return len(line) <= 40
    match = _CHAPTER.match(line)
    if match is None or not line[0].isupper():
        return False
    title = match["title"] or match["spaced"] or ""
    if title[:1].islower():
        return False
    return len(title.split()) <= CHAPTER_TITLE_WORDS and len(line) <= CHAPTER_TITLE_CHARS


def is_bare_chapter(line: str) -> bool:
    """A chapter heading that is only the chapter's word and number ("Глава первая")."""
    match = _CHAPTER.match(line) if is_chapter(line) else None
    return match is not None and not (match["title"] or match["spaced"])


def is_dialogue(line: str) -> bool:
    """Whether ``line`` opens as a line of dialogue does, with a dash ("— Ну?")."""
    return bool(_DIALOGUE.match(line))


def is_byline(line: str) -> bool:
    """Whether ``line`` is only the word a title page sets over the author's name ("PAR",
    "BY", "POR", "VON"): no heading."""
    return line.strip(" .:").casefold() in _BY_WORDS


def roman_chapters(lines: Sequence[str]) -> set[str]:
    """The lines of ``lines`` that number a book's chapters by a roman numeral alone or before
    a short title ("I.", "II. Papa se fâche.", "XXXIX. A l’Ecole? ou chez nous?"): such lines
    that follow one another in order, :data:`ROMAN_RUN` of them at least (I, II, III, …).
    One "C. Smith wrote …" or "I. e. …" is no chapter; a book numbers on. Nor is a list
    numbered so ("I. Budget approved." / "II. New treasurer elected."): a chapter heads text,
    so two numbered lines with nothing between them end the run."""
    found: set[str] = set()
    run: list[str] = []
    last = 0
    between = 0  # lines of text since the last numbered line
    for line in lines:
        match = _ROMAN_CHAPTER.match(line) if len(line) <= CHAPTER_TITLE_CHARS else None
        value = (roman_value(match["number"]) or 0) if match else 0
        title = (match["title"] or "") if match else ""
        if not value or len(title.split()) > ROMAN_TITLE_WORDS or title[:1].islower():
            between += 1
            continue  # the chapter's text between its headings
        if value != last + 1 or (run and not between):
            found.update(run if len(run) >= ROMAN_RUN else ())
            run = []
        run.append(line)
        last, between = value, 0
    return found | set(run if len(run) >= ROMAN_RUN else ())


def is_quoted(line: str) -> bool:
    """Whether ``line`` opens with a quotation mark ("« Qui êtes-vous ? »")."""
    return bool(_QUOTED.match(line))


def is_name(line: str) -> bool:
    """Whether ``line`` is a person's name: two to four words, each a capital and small
    letters ("Антон Чехов", "Miguel de Cervantes Saavedra" aside its "de", "Hsu-Han Ooi") or an
    initial ("H. G. Wells")."""
    words = line.split()
    if not 2 <= len(words) <= 4:
        return False
    capitalised = 0
    for word in words:
        letters = word.rstrip(".").replace("-", "")
        if not letters.isalpha():
            return False
        if word in ("de", "von", "van", "da", "di", "du", "del", "la", "le"):
            continue
        initial = len(letters) == 1 and word.endswith(".")
        # each part of a double name a capital and small letters: "Hsu-Han", "Jean-Paul"
        parts = word.split("-")
        cased = all(part[:1].isupper() and part[1:].islower() for part in parts)
        if not (letters[0].isupper() and (initial or (cased and word[-1] != "."))):
            return False
        capitalised += 1
    return capitalised >= 2


def is_capitals(line: str) -> bool:
    """Whether ``line`` has letters, all capitals ("ХАМЕЛЕОН", "TOLSTYI I TONKII")."""
    return any(ch.isalpha() for ch in line) and line.upper() == line
