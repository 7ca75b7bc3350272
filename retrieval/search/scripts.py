"""Writing systems: which script a run of letters is in, found with regular expressions.

Python's ``re`` has no ``\\p{Script}``, so the scripts the analyzer treats differently are
spelt out as code-point ranges. Everything not listed (Latin letters, digits, punctuation,
symbols) is "common": it belongs to whatever language the text around it is in. A per-character
loop in Python would cost seconds on a large corpus; one ``finditer`` over the text does not.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterator
from typing import NamedTuple

# Combining marks that belong to the letter before them (accents typed as two code points,
# Cyrillic stress marks, Hebrew points, Arabic harakat, Indic vowel signs): a word goes on
# through them instead of being cut at each one.
MARKS = (
    "\u0300-\u036f\u0483-\u0489\u0591-\u05bd\u05bf\u05c1\u05c2\u05c4\u05c5\u05c7"
    "\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e4\u06e7\u06e8\u06ea-\u06ed"
    "\u0900-\u0903\u093a-\u094f\u0951-\u0957\u0962\u0963\u0981-\u0983\u09bc-\u09d7"
    "\u0e31\u0e34-\u0e3a\u0e47-\u0e4e\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f"
)

# Ranges per script. Han includes the iteration mark 々 and the CJK compatibility block;
# kana includes the long-vowel mark ー and half-width katakana.
_RANGES = {
    "han": "\u3005\u3007\u3021-\u3029\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f",
    "kana": "\u3041-\u3096\u309d-\u309f\u30a1-\u30fa\u30fc-\u30ff\u31f0-\u31ff\uff66-\uff9d",
    "hangul": "\u1100-\u11ff\u3131-\u318e\uac00-\ud7a3",
    "cyrillic": "\u0400-\u0482\u048a-\u052f\u1c80-\u1c8f\ua640-\ua66e\ua680-\ua69d",
    "arabic": "\u0620-\u064a\u066e-\u066f\u0671-\u06d3\u06d5\u06ee\u06ef\u06fa-\u06fc"
    "\u0750-\u077f\u08a0-\u08c9\ufb50-\ufdfb\ufe70-\ufefc",
    "hebrew": "\u05d0-\u05ea\u05ef-\u05f2\ufb1d-\ufb4f",
    "greek": "\u0370-\u0373\u0376\u0377\u037b-\u037d\u0386\u0388-\u03ff\u1f00-\u1ffc",
    "indic": "\u0904-\u0939\u093d\u0950\u0958-\u0961\u0972-\u0980\u0985-\u09b9\u0a05-\u0d7f",
    "thai": "\u0e01-\u0e30\u0e32\u0e33\u0e40-\u0e46\u0e81-\u0eb0",
}
CJK_SCRIPTS = frozenset({"han", "kana", "hangul"})
# One Han character (kanji): the kana after one begin with its inflected ending (使われ).
HAN_LETTER = re.compile(f"[{_RANGES['han']}]")

# A run of one script's letters (marks and, within words, the script's own joiners included).
_RUN = re.compile(
    "|".join(
        f"(?P<{name}>[{chars}](?:[{chars}{MARKS}\u200c\u200d])*)" for name, chars in _RANGES.items()
    )
)
# Any letter of those scripts: one character class, which ``re`` scans far faster than the
# alternation above, for the common question "is there anything but Latin here?".
_ANY_OTHER = re.compile(f"[{''.join(_RANGES.values())}]")
_LATIN_LETTER = re.compile(r"[A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u1e00-\u1eff]")


# The combining marks of no particular script: what "Z̷a̷l̷g̷o̷" text stacks on letters.
_STRAY_MARKS = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]+")


def drop_stray_marks(text: str) -> str:
    """``text`` composed (NFC) and without the generic combining marks left over, full-width
    letters and digits as ASCII ones, its words typed in two alphabets mended
    (:func:`mend_mixed_words`).

    For a question before analysis: "é" typed as e + U+0301 becomes é, "й" stays й, Hangul
    stays syllables, kana keep their voicing marks and Arabic and Indic vowel signs stay
    (the analyzer folds those per language). NFKD and dropping every mark would turn "й"
    into "и", "が" into "か" and Korean into loose jamo.
    """
    composed = _STRAY_MARKS.sub("", unicodedata.normalize("NFC", text))
    return mend_mixed_words(composed.translate(_HALF_WIDTH))


# Full-width Latin letters and digits, which a Chinese or Japanese input method types when set
# to full width ("ａｐｔ－ｇｅｔ", "ＤＥＢＩＡＮ"), as the ASCII ones every document writes, and
# the marks that join a command's parts (－ ． ／ ＿ ＋). Full-width punctuation (，。？) is how
# those languages write it and stays.
_HALF_WIDTH = {
    full: full - 0xFEE0
    for first, last in ((0xFF10, 0xFF19), (0xFF21, 0xFF3A), (0xFF41, 0xFF5A))
    for full in range(first, last + 1)
} | {ord(full): ord(full) - 0xFEE0 for full in "－．／＿＋"}


# Latin and Cyrillic letters that look the same. Switching keyboard layouts mid-word is a common
# slip in Russian ("пaкет" with a Latin a, "аpt" with a Cyrillic а), and such a word is cut in
# three by script, finding nothing.
_LATIN_TWINS = "aceopxyABCEHKMOPTXY"
_CYRILLIC_TWINS = "асеорхуАВСЕНКМОРТХУ"
_TO_CYRILLIC = str.maketrans(_LATIN_TWINS, _CYRILLIC_TWINS)
_TO_LATIN = str.maketrans(_CYRILLIC_TWINS, _LATIN_TWINS)
# Each word once: a pattern finding only the mixed words backtracks cubically on a long word
# ("хахаха…" of 1,600 letters took 11 s, and the question holds the interpreter meanwhile).
_WORD_RUN = re.compile(r"\w+")
_CYRILLIC = re.compile(f"[{_RANGES['cyrillic']}]")


def mend_mixed_words(text: str) -> str:
    """``text`` with each word written in Cyrillic and Latin look-alikes put in one alphabet:
    the word's own (the one with more letters), when every letter of the other has a twin.

    "пaкет" (a Latin a) becomes "пакет"; "аpt-get" (a Cyrillic а) becomes "apt-get". A word
    truly in both ("USB-флешка" is two words) or with a letter without a twin stays.
    """
    if text.isascii() or not _CYRILLIC.search(text):
        return text
    return _WORD_RUN.sub(_mended, text)


def _mended(match: re.Match[str]) -> str:
    word = match.group()
    cyrillic = len(_CYRILLIC.findall(word))
    latin = len(_LATIN_LETTER.findall(word))
    if not cyrillic or not latin:
        return word
    if cyrillic >= latin:
        mended = word.translate(_TO_CYRILLIC)
        return mended if not _LATIN_LETTER.search(mended) else word
    mended = word.translate(_TO_LATIN)
    return mended if not _CYRILLIC.search(mended) else word


class Run(NamedTuple):
    """A stretch of ``text[start:end]`` in one script; "common" for Latin, digits and the rest."""

    script: str
    start: int
    end: int


def runs(text: str) -> Iterator[Run]:
    """The text cut into script runs, in order, covering it whole (common runs in between)."""
    cursor = 0
    for match in _RUN.finditer(text):
        if match.start() > cursor:
            yield Run("common", cursor, match.start())
        yield Run(match.lastgroup or "common", match.start(), match.end())
        cursor = match.end()
    if cursor < len(text):
        yield Run("common", cursor, len(text))


def has_other_scripts(text: str) -> bool:
    """Whether anything but common (Latin) text is in ``text``: the fast path's test.

    ASCII text (most of an English corpus) is told at C speed without the regular expression.
    """
    return not text.isascii() and _ANY_OTHER.search(text) is not None


def letter_counts(text: str) -> Counter[str]:
    """Letters per script, Latin counted as "latin"; a CJK character counts as three letters,
    about one word, so a Chinese sentence quoting one English name is still Chinese. Text
    in Latin alone is counted as 1 (it has letters) or 0: its share decides nothing."""
    counts: Counter[str] = Counter()
    if not has_other_scripts(text):  # most text: only whether it has letters matters
        counts["latin"] = 1 if _LATIN_LETTER.search(text) else 0
        return counts
    for match in _RUN.finditer(text):
        script = match.lastgroup or "common"
        counts[script] += (3 if script in CJK_SCRIPTS else 1) * (match.end() - match.start())
    counts["latin"] = len(_LATIN_LETTER.findall(text))
    return counts
