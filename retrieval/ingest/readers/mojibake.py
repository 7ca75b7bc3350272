"""Text layers whose letters are not the ones printed, and the one case that can be put right.

A PDF font without a Unicode map (no ToUnicode, a one-byte encoding) makes PDFium read each
byte as the Latin-1 character of that code, or as a control code when the font numbers its
glyphs. For Russian set with TeX's T2A fonts or from Windows-1251, "Не очень краткое" comes out
as "Íå î÷åíü êðàòêîå": nearly every letter in À–ÿ, which no language written in Latin letters
comes close to (French has a few percent). Read again as Windows-1251 (T2A puts А–я at the same
codes) the words are Russian again; when they are not — another code page, or glyph numbers —
the text is of no use to anyone, and the file is reported as unreadable rather than indexed as
garbage. Glyph numbers are often one font's only: a paper whose title page and references read
well sets its body in a font without a map (pdf.js's TAMReview.pdf, pages 2–22 of 23). Such
pages (:func:`is_unmapped`) are left out and named (:func:`pages_unread`); the rest is read.

A font whose codes are the UTF-8 bytes of its characters (Haru's "Modern-UTF8-H" CMap) is read
by PDFium as the two bytes' number: Cyrillic "Подп" (D0 9F, D0 BE …) comes out as the Hangul
"킟킾킴킿". Korean itself has few such syllables (a lead byte C2–D7 and a second byte 80–BF: about
one in eight), so a text whose Hangul is nearly all of them is read again as UTF-8
(:func:`utf8_codes_read`).

Some layers hold letters but no words: an OCR layer that read a Russian form as Latin
("Hanorosas:t AeKnapai HoMep KoppeKn1pOBKH"), a font whose codes are its glyph numbers shifted
("3HQČåQtSURVWĜHGN"). Their words change from small letters to capitals or to digits and back
inside them where no way of writing words does (:func:`is_jumbled`). Code, formulas and product
names change case too, each in its own way, and are words: a name joined from words
("getElementById", "PowerShell", "innerHTML", "macOS") turns to a capital only where a word or an
abbreviation starts, a formula is element symbols and counts ("NaCl", "KMnO4"), a unit or
version ends in a digit ("IPv6"). A word counts as jumbled only when it cannot be one: its letters
from two alphabets (Latin, Cyrillic, Greek), a digit between letters with small letters about
("KoppeKn1pOBKH"; "k8s", "i18n" are the few real ones), or a capital after a small letter that
starts neither a word nor an abbreviation ("CpoK", "CyMMa", "yMeHbWeHliltO").
"""

from __future__ import annotations

import itertools
import re
import string
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable

UNREADABLE = "text layer unreadable: its fonts have no Unicode mapping — needs OCR"
T2A_HYPHEN = "\x7f"  # the hyphen of TeX's Cyrillic (T2A) fonts, which Unicode has as a control
GARBLED_SHARE = 0.5  # of a text's letters in À–ÿ: Latin-1 bytes, not a Latin-script language
VOWELS = (0.3, 0.55)  # the share of vowels among the letters of Cyrillic prose (Russian: 0.43)
_LETTER = re.compile(r"[^\W\d_]")
_LATIN1_LETTER = re.compile(r"[\u00c0-\u00ff]")
# A word as PDFium gives it: ASCII letters and the Latin-1 characters that stand for Cyrillic
# ones ("÷" is ч, "¸" is ё, "³" is Ukrainian і).
_WORD = re.compile(r"[A-Za-z\u00a0-\u00ff]+")
_UNMAPPED = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ue000-\uf8ff]")
# A page with fewer codes of no character than this is read whatever their share: a few symbols
# (a logo's letters, a checkbox, a formula's signs in a font without a map) cost nothing, and a
# page with no other text holds nothing to lose by reading it.
UNMAPPED_PAGE = 20
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_CYRILLIC_VOWEL = re.compile(r"[аеёиоуыэюяіїєАЕЁИОУЫЭЮЯІЇЄ]")


_HANGUL = re.compile(r"[\uac00-\ud7a3]")
UTF8_PAIRS = 10  # fewer syllables of Korean than this are read as they are, whatever they are
UTF8_SHARE = 0.9  # of a text's Hangul syllables: a font's UTF-8 codes, not Korean


def _is_utf8_pair(ch: str) -> bool:
    """Whether ``ch`` is a Hangul syllable whose two bytes are a UTF-8 sequence of a character
    in U+0080–U+05FF: a lead byte C2–D7, a second byte 80–BF."""
    return 0xC280 <= ord(ch) <= 0xD7BF and 0x80 <= ord(ch) & 0xFF <= 0xBF


def _counted(
    texts: Iterable[str], pattern: re.Pattern[str], odd: Callable[[str], bool]
) -> tuple[int, int]:
    """How many matches of ``pattern`` ``texts`` hold, and how many of them are ``odd``: each
    distinct match judged once (a 300-page text's words are mostly the same few thousand)."""
    found = Counter(match for text in texts for match in pattern.findall(text))
    return found.total(), sum(count for match, count in found.items() if odd(match))


def is_utf8_codes(texts: Iterable[str]) -> bool:
    """Whether the Hangul of ``texts`` is nearly all UTF-8 byte pairs read as one number
    (:data:`UTF8_SHARE`, :data:`UTF8_PAIRS` of them at least): a font's UTF-8 codes, not
    Korean."""
    hangul, pairs = _counted(texts, _HANGUL, _is_utf8_pair)
    return pairs >= UTF8_PAIRS and pairs > UTF8_SHARE * hangul


def utf8_codes_read(text: str) -> str:
    """``text`` with each Hangul syllable that is a UTF-8 byte pair read as UTF-8: "킟킾킴킿" →
    "Подп"."""
    return "".join(
        ord(ch).to_bytes(2, "big").decode("utf-8") if _is_utf8_pair(ch) else ch for ch in text
    )


JUMBLED = "text layer unreadable: its letters make no words (a bad OCR layer) — needs OCR"
JUMBLED_SHARE = 0.15  # of a text's words: a jumbled layer (Russian read as Latin: 0.21; a
# page of code, formulas and product names: 0.07, its numeronyms "k8s", "i18n" the only ones)
JUMBLED_WORDS = 5  # fewer such words than this are read whatever their share: a few
# glyphs read wrong in a one-line file ("يبيبَح˴ ϲΒϴΒhabibi") leave the rest of it to read
_LONG_WORD = re.compile(r"[^\W_]{3,}")
_DIGITS_INSIDE = re.compile(r"(?<=[^\W\d_])\d+(?=[^\W\d_])")
# element symbols and their counts, the whole word: "NaCl", "MgSO4", "C6H12O6"
_FORMULA = re.compile(r"(?:[A-Z][a-z]?\d*)+")


def _starts_word(word: str, at: int) -> bool:
    """Whether the capital at ``at``, after a small letter, starts a word ("getElementById") or
    an abbreviation that ends the name, comes before a digit or before a word ("innerHTML",
    "macOS", "getHTTPServer"): not a single capital among small letters ("CpoK", "CyMMa")."""
    end = at
    while end < len(word) and word[end].isupper():
        end += 1
    capitals = end - at
    if end == len(word) or not word[end].islower():
        return capitals >= 2 or (end < len(word) and word[end].isdigit())
    # a capital before small letters starts their word: the ones before it are an abbreviation
    return capitals == 1 or capitals >= 3


def _scripts(word: str) -> set[str]:
    """The alphabets among Latin, Cyrillic and Greek whose letters ``word`` holds: those an OCR
    layer confuses, letter for look-alike letter (Japanese mixes kanji and kana in every word,
    a unit its "µ": no mixture of these)."""
    if word.isascii():  # (most words: Latin letters alone, no name looked up)
        return {"LATIN"} if any(ch.isalpha() for ch in word) else set()
    return {unicodedata.name(ch, "?").split()[0] for ch in word if ch.isalpha()} & _ALPHABETS


_ALPHABETS = frozenset({"LATIN", "CYRILLIC", "GREEK"})


def _is_jumbled_word(word: str) -> bool:
    """Whether ``word`` cannot be a word of any kind (see the module's note)."""
    if len(_scripts(word)) > 1:
        return True
    if _DIGITS_INSIDE.search(word):
        return any(ch.islower() for ch in word)
    if _FORMULA.fullmatch(word):
        return False
    return any(
        before.islower() and after.isupper() and not _starts_word(word, at)
        for at, (before, after) in enumerate(itertools.pairwise(word), start=1)
    )


def is_jumbled(texts: Iterable[str]) -> bool:
    """Whether ``texts`` are letters in no words: more than :data:`JUMBLED_SHARE` of their
    words (three letters or more) cannot be words (see the module's note)."""
    words, jumbled = _counted(texts, _LONG_WORD, _is_jumbled_word)
    return jumbled >= JUMBLED_WORDS and jumbled > JUMBLED_SHARE * words


def is_garbled(texts: Iterable[str]) -> bool:
    """Whether most letters of ``texts`` are Latin-1 bytes standing for letters of another
    alphabet, or codes that are no characters at all (control codes, private use: a font that
    numbers its glyphs 1, 2, 3 … in the order they are used)."""
    # (one text, the line breaks between them neither letters nor codes: counted at once)
    text = "\n".join(texts)
    unmapped = len(_UNMAPPED.findall(text))
    garbled = len(_LATIN1_LETTER.findall(text)) + unmapped
    # The letters are at least the ASCII ones, counted fast: they tell most texts, and the rest
    # of the letters (slow to count in a book) need not be.
    if garbled <= GARBLED_SHARE * (_ascii_letters(text) + unmapped):
        return False
    letters = _letters(text) + unmapped
    return letters > 0 and garbled > GARBLED_SHARE * letters


def _letters(text: str) -> int:
    """How many letters ``text`` holds (as :data:`_LETTER` finds them), counted by runs."""
    return sum(map(len, _LETTERS.findall(text)))


def _ascii_letters(text: str) -> int:
    """How many ASCII letters ``text`` holds."""
    ascii_only = text.encode("ascii", "ignore")
    return len(ascii_only) - len(ascii_only.translate(None, _ASCII_LETTERS))


_LETTERS = re.compile(r"[^\W\d_]+")
_ASCII_LETTERS = string.ascii_letters.encode()


def is_unmapped(texts: Iterable[str]) -> bool:
    """Whether a page's ``texts`` are mostly codes that are no characters (control codes,
    private use), :data:`UNMAPPED_PAGE` of them at least: glyph numbers, not letters."""
    text = "\n".join(texts)  # (as in is_garbled)
    unmapped = len(_UNMAPPED.findall(text))
    if unmapped < UNMAPPED_PAGE:
        return False  # (most pages: their letters need no counting)
    letters = _letters(text)
    return unmapped >= UNMAPPED_PAGE and unmapped > GARBLED_SHARE * (letters + unmapped)


def pages_unread(pages: Iterable[int]) -> str:
    """Why ``pages`` (at least one) of a file were left out: "pages 2–22 not read: …"."""
    numbers = sorted(set(pages))
    if len(numbers) == 1:
        return PAGE_UNREAD.format(page=numbers[0])
    return PAGES_UNREAD.format(pages=page_ranges(numbers))


PAGE_UNREAD = "page {page} not read: its font has no Unicode mapping — needs OCR"
PAGES_UNREAD = "pages {pages} not read: their fonts have no Unicode mapping — needs OCR"


def page_ranges(numbers: Iterable[int]) -> str:
    """Page numbers as a reader writes them: runs joined by an en dash, "3, 5–7"."""
    runs: list[list[int]] = []
    for number in sorted(set(numbers)):
        if runs and number == runs[-1][-1] + 1:
            runs[-1].append(number)
        else:
            runs.append([number])
    return ", ".join(str(run[0]) if len(run) == 1 else f"{run[0]}–{run[-1]}" for run in runs)


def as_cp1251(text: str) -> str:
    """``text`` with each word written in Latin-1 stand-ins read as Windows-1251: "î÷åíü" →
    "очень". Words in ASCII letters ("LaTeX", "\\documentclass") stay as they are."""
    return _WORD.sub(_word_as_cp1251, text)


def _word_as_cp1251(match: re.Match[str]) -> str:
    word = match[0]
    stand_ins = len(_LATIN1_LETTER.findall(word))
    if not stand_ins or stand_ins < sum(ch.isascii() for ch in word):
        return word
    return "".join(
        bytes([ord(ch)]).decode("cp1251") if "\u00a0" <= ch <= "\u00ff" else ch for ch in word
    )


def is_cyrillic_prose(texts: Iterable[str]) -> bool:
    """Whether ``texts`` (repaired by :func:`as_cp1251`) read as words of a Cyrillic language:
    mostly Cyrillic letters, with as many vowels among them as such prose has. Letters of
    another code page read as Windows-1251 are Cyrillic too, but not in words."""
    letters = cyrillic = vowels = 0
    for text in texts:
        letters += len(_LETTER.findall(text))
        cyrillic += len(_CYRILLIC.findall(text))
        vowels += len(_CYRILLIC_VOWEL.findall(text))
    low, high = VOWELS
    return cyrillic > GARBLED_SHARE * letters and low * cyrillic <= vowels <= high * cyrillic
