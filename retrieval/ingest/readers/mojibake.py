"""Text layers whose letters are not the ones printed, and the one case that can be put right.

A PDF font without a Unicode map (no ToUnicode, a one-byte encoding) makes PDFium read each
byte as the Latin-1 character of that code, or as a control code when the font numbers its
glyphs. For Russian set with TeX's T2A fonts or from Windows-1251, "Не очень краткое" comes out
as "Íå î÷åíü êðàòêîå": nearly every letter in À–ÿ, which no language written in Latin letters
comes close to (French has a few percent). Read again as Windows-1251 (T2A puts А–я at the same
codes) the words are Russian again; when they are not — another code page, or glyph numbers —
the text is of no use to anyone, and the file is reported as unreadable rather than indexed as
garbage.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

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
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_CYRILLIC_VOWEL = re.compile(r"[аеёиоуыэюяіїєАЕЁИОУЫЭЮЯІЇЄ]")


def is_garbled(texts: Iterable[str]) -> bool:
    """Whether most letters of ``texts`` are Latin-1 bytes standing for letters of another
    alphabet, or codes that are no characters at all (control codes, private use: a font that
    numbers its glyphs 1, 2, 3 … in the order they are used)."""
    letters = garbled = 0
    for text in texts:
        unmapped = len(_UNMAPPED.findall(text))
        letters += len(_LETTER.findall(text)) + unmapped
        garbled += len(_LATIN1_LETTER.findall(text)) + unmapped
    return letters > 0 and garbled > GARBLED_SHARE * letters


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
