"""A Russian question typed with the keyboard still in its English layout: "rfr eljkbnm gfrtn&"
for "как удалить пакет?".

Forgetting to switch layouts is the commonest slip of people who type in two alphabets, and such
a question finds nothing at all. It is read back through the standard Russian layout (ЙЦУКЕН)
only when that plainly gives Russian: as typed it has no function word of English, French,
Spanish, Portuguese, Italian or German and few vowels (Russian vowels sit on f, j, t, b, s, z and
the punctuation keys), and read back it has Russian ones ("как", "что", "для"). "Is C
supported?" or "nginx config reload" stay as they are. In a slipped question the words meant in
Latin were typed right: a command, a path or a version ("apt-get", "/etc/fstab", "m68k") and a
word with the vowels of a Latin one ("Debian", "pbuilder") stay as typed.
"""

from __future__ import annotations

import re

from retrieval.search.analyzer import STOP_WORDS
from retrieval.search.languages import stop_words

# The keys of the English layout and what the same keys type in the Russian one, shifted too:
# the Russian layout's "," is the English "?", its "?" the English "&", its "." the English "/".
_ENGLISH_KEYS = "qwertyuiop[]asdfghjkl;'zxcvbnm,.`QWERTYUIOP{}ASDFGHJKL:\"ZXCVBNM<>~?&/^$"
_RUSSIAN_KEYS = "йцукенгшщзхъфывапролджэячсмитьбюёЙЦУКЕНГШЩЗХЪФЫВАПРОЛДЖЭЯЧСМИТЬБЮЁ,?.:;"
_TO_RUSSIAN = str.maketrans(_ENGLISH_KEYS, _RUSSIAN_KEYS)
_COMMAND = re.compile(r"[0-9_@=()]|\w[/-]\w|^[/~.]\w")  # a command, a path, a call, an address
_LETTERS = re.compile(r"[a-z]+")
_RUSSIAN_WORD = re.compile(r"[а-яё]{2,}")
_VOWELS = frozenset("aeiou")
# Letters of English, French or Spanish text are about 40% vowels (y aside); Russian typed in
# the English layout under 20% (the Russian questions of data/eval/ml-dev.jsonl: 3% to 24%).
MOST_VOWELS = 0.25
_LATIN_LISTS = ("en", "fr", "es", "pt", "it", "de")


def mend_layout(text: str) -> str:
    """``text`` as typed in the Russian layout when it is plainly Russian typed in the English
    one, the words meant in Latin kept; otherwise ``text`` unchanged."""
    if not text.isascii():
        return text
    tokens = text.split()
    slipped = [t for t in tokens if _LETTERS.search(t.lower()) and not _meant_latin(t)]
    if len(slipped) < 2 or _vowel_share(" ".join(slipped)) > MOST_VOWELS:
        return text
    words = [w for t in tokens if not _COMMAND.search(t) for w in _LETTERS.findall(t.lower())]
    if any(_is_latin_stop_word(word) for word in words):
        return text  # "for", "the", "une", "los": written in a Latin-script language
    mended = " ".join(_latin(t) if _meant_latin(t) else t.translate(_TO_RUSSIAN) for t in tokens)
    russian = stop_words("ru")
    # "ли", "ты", "да", "не" are also what "kb", "ns", "lf", "yt" type: one short function word
    # is no evidence ("max file size kb"); a longer one or two short ones are.
    found = [w for w in _RUSSIAN_WORD.findall(mended.lower()) if w in russian]
    if len(found) < 2 and not any(len(w) >= 3 for w in found):
        return text
    return mended


def _latin(token: str) -> str:
    """A word meant in Latin, but the Russian layout's "?" after it as "?"."""
    return token[:-1] + "?" if token.endswith("&") else token


def _meant_latin(token: str) -> bool:
    """A command, a path, a version, or a word with a Latin word's vowels ("Debian")."""
    if _COMMAND.search(token):
        return True
    word = token.strip("?&/.,:;!\"'()")
    return len(word) >= 4 and word.isalpha() and _vowel_share(word) > MOST_VOWELS


def _vowel_share(text: str) -> float:
    letters = "".join(_LETTERS.findall(text.lower()))
    return sum(ch in _VOWELS for ch in letters) / len(letters) if letters else 1.0


def _is_latin_stop_word(word: str) -> bool:
    return len(word) > 1 and (
        word in STOP_WORDS or any(word in stop_words(code) for code in _LATIN_LISTS)
    )
