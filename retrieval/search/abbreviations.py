"""Abbreviations a corpus defines, found in its own text and searched as one term with their
long forms: "the Cyber Resilience Act (CRA)" makes "CRA" and "Cyber Resilience Act" the same
term wherever either is written, in passages and in questions.

The definitions are found by the algorithm of A. S. Schwartz and M. A. Hearst, "A simple
algorithm for identifying abbreviation definitions in biomedical text", Pacific Symposium on
Biocomputing 8:451-462 (2003): a short form in parentheses after its long form ("long form
(SF)"), or a long form in parentheses after its short form ("SF (long form)"); the short form
2 to 10 characters, with a letter, starting with a letter or digit; the long form the shortest
run of words ending before the parenthesis, of at most min(|SF| + 5, 2 |SF|) words, in which
the short form's characters are found right to left, the first of them starting a word. Letters
match across case; only Latin and Cyrillic abbreviations are read (a Cyrillic short form can
only match Cyrillic words, as its letters are Cyrillic).

Pure functions: :func:`definitions` of one text, :func:`groups` of a corpus's texts.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable
from typing import NamedTuple

from retrieval.text import squeeze

VERSION = "3"  # of what is found: a database keeps the abbreviations it found with it
SHORTEST = 2  # characters of a short form, as in Schwartz & Hearst
LONGEST = 10
CAPITALS = 2  # capitals a kept short form has at least: "CRA", "ООН", "mRNA", not "Inc"
# Of a corpus's texts holding a parenthesis, the share in small letters that makes it a corpus
# written without capitals (old collections are lowercased): there alone a short form in small
# letters is read as one. Prose with capitals has a few such texts (code, notes), never most.
LOWERCASED = 0.9
# A parenthesis and what it holds, up to a comma or semicolon inside it (Schwartz & Hearst cut
# "(CRA; 2024)" to "CRA"); no nested parenthesis.
_PARENTHESIS = re.compile(r"\(([^()]*)\)")
# Where the sentence before a parenthesis starts: the long form cannot cross a sentence's end or
# another parenthesis.
_SENTENCE_END = re.compile(r"(?:[.!?;:]\s|[()\[\]\n])")


BEFORE = 300  # characters looked at before a parenthesis: 15 words of 19 letters
_QUOTES = "\"'“”«»„‘’ "
_WORDS_ONLY = re.compile(r"[\w\s\-‐‑'’&.,]+")
# Articles and the prepositions that open a phrase, in the languages of Latin and Cyrillic
# abbreviations this reads: a long form starting with one took its letter from it.
_ARTICLES = frozenset(
    """a an the of for and in on to by with at from de del la le les el los las l d du des un
    une uno una y et e o der die das den dem ein eine und von zu im и в на с по к о""".split()
)


_Test = Callable[[str], bool]


class Definition(NamedTuple):
    """A short form and the long form it was defined with, as written."""

    short: str
    long: str


def _latin_or_cyrillic(text: str) -> bool:
    """Whether every letter of ``text`` is Latin or Cyrillic: other scripts (Chinese, Arabic)
    write no words apart by spaces, or no capitals, which the algorithm relies on."""
    return all(ch.isascii() or not ch.isalpha() or _latin_or_cyrillic_letter(ch) for ch in text)


@functools.lru_cache(maxsize=4096)
def _latin_or_cyrillic_letter(ch: str) -> bool:
    name = unicodedata.name(ch, "")
    return name.startswith(("LATIN", "CYRILLIC"))


def is_short_form(text: str) -> bool:
    """Schwartz & Hearst's test of a candidate short form: 2-10 characters, a letter among
    them, a letter or digit first."""
    return (
        SHORTEST <= len(text) <= LONGEST
        and any(ch.isalpha() for ch in text)
        and text[0].isalnum()
        and " " not in text
    )


def long_form(short: str, before: str) -> str | None:
    """The long form of ``short`` ending ``before`` (the words written before it), or None.

    Schwartz & Hearst's ``findBestLongForm``: each character of the short form, right to left,
    is looked for leftwards in the long form; the first one must start a word. The words
    looked in are at most min(|SF| + 5, 2 |SF|), |SF| counting letters and digits only.
    """
    size = sum(ch.isalnum() for ch in short)
    words = before.split()
    candidate = " ".join(words[-min(len(words), size + 5, size * 2) :])
    at = len(candidate) - 1
    for i in range(len(short) - 1, -1, -1):
        char = short[i].lower()
        if not char.isalnum():
            continue
        while at >= 0 and (
            candidate[at].lower() != char or (i == 0 and at > 0 and candidate[at - 1].isalnum())
        ):
            at -= 1
        if at < 0:
            return None
        at -= 1
    # The long form starts at the word the first character starts; after an elided article
    # ("l'Organisation des Nations unies") at that character, as the article is no part of it.
    elided = at >= 0 and candidate[at] in "'’"
    found = candidate[at + 1 :] if elided else candidate[candidate.rfind(" ", 0, at + 1) + 1 :]
    # The paper's last checks: the long form longer than the short form and not holding it
    # as a word (then "SF" was matched within itself).
    if len(found) <= len(short) or f"{short} " in found or found.endswith(short):
        return None
    return found


def definitions(text: str) -> list[Definition]:
    """The abbreviation definitions of ``text``, in order (Schwartz & Hearst 2003)."""
    found = []
    for match in _PARENTHESIS.finditer(text):
        inside = re.split(r"[;,]\s", match.group(1), maxsplit=1)[0].strip(_QUOTES)
        # The long form has at most 15 words: the sentence is looked at that far back only
        # (from its start, a long text's parentheses cost its length squared).
        window = max(0, match.start() - BEFORE)
        ends = [m.end() for m in _SENTENCE_END.finditer(text, window, match.start())]
        before = text[ends[-1] if ends else window : match.start()].strip().strip(_QUOTES)
        if not inside or not before:
            continue
        definition = _defined(inside, before)
        if definition is not None and _plausible(definition):
            found.append(definition)
    return found


def _plausible(definition: Definition) -> bool:
    """Whether a definition the algorithm found reads as one: in Latin or Cyrillic letters;
    a long form of two words or more, in words alone (no address, path or code: "FAQ
    (https://…)"), not starting with a stop word (then the first letter was the article's:
    "DSSSL (de Especificación …)", "LAN (l’utilisation …)") and not holding the short form as a
    word ("OpenSSL (openssl passwd …)")."""
    short, long = definition
    words = long.split()
    return (
        _latin_or_cyrillic(short + long)
        and len(words) >= 2
        and _WORDS_ONLY.fullmatch(long) is not None
        and _elided(words[0]).casefold() not in _ARTICLES
        and short.casefold() not in (_elided(w).casefold() for w in words)
    )


def _elided(word: str) -> str:
    return re.split(r"['’]", word)[0] if re.match(r"\w{1,2}['’]", word) else word


def _defined(inside: str, before: str) -> Definition | None:
    """The definition a parenthesis holding ``inside`` after ``before`` makes, if any: the
    paper's rule reads it as the long form when it has more than two words or is longer than
    the word before it, which is then the short form."""
    if len(inside.split()) > 2 or len(inside) > len(before.split()[-1]):
        short = before.split()[-1]
        if not any(ch.isupper() for ch in short) or not is_short_form(short):
            return None
        found = long_form(short, inside)
        # The long form is then what the parenthesis holds, whole: the words before it are
        # the sentence's, not the definition's.
        return Definition(short, inside) if found == inside else None
    if not is_short_form(inside):
        return None
    found = long_form(inside, before)
    return None if found is None else Definition(inside, found)


def _key(text: str) -> str:
    """How two writings of a form are told to be the same: case and spacing aside."""
    return squeeze(text.casefold())


def _kept(short: str, lowercased: bool, is_common: _Test, is_word: _Test) -> bool:
    """Whether a short form is kept: :data:`CAPITALS` capitals and not a common word
    (``is_common`` of it in lower case: "WHO", "IT"). In a corpus written without capitals
    (``lowercased``: "free fatty acids (ffa)") its letters count instead, and it must be no
    word at all (``is_word``: "(watch)"), as a word in small letters cannot be told from that
    word. Where capitals are written, a reader takes for an abbreviation only a short form
    written with them: "backed up (db)" in one passage makes no "DB" of the corpus."""
    if sum(ch.isupper() for ch in short) >= CAPITALS:
        return not is_common(short.lower())
    if not lowercased or sum(ch.isalpha() for ch in short) < CAPITALS:
        return False
    return not is_common(short) and not is_word(short)


Found = tuple[str, str, str]  # a long form, its short form, the language of the text defining it


def groups(
    texts: Iterable[tuple[str, str]],
    is_common: _Test,
    is_word: _Test = lambda word: False,
    read_in: Callable[[str, str], str] = lambda short, lang: lang,
) -> list[Found]:
    """The ``(long form, short form, language)`` abbreviations a corpus of ``(text, language)``
    defines, most defined first, each in the language its definition is read in (``read_in``
    of the short form and the text's language: "TLS" in Russian text is read as English):
    there alone it is searched (in French text, "WAL" defined in English is a French word).

    Kept: short forms that :func:`_kept` keeps, each with the long form it is defined with most
    often in its language, or none when two are defined as often: a short form standing for
    two things is no synonym of either. ``is_common`` tells a common word (in lower case),
    ``is_word`` any word. Short forms in small letters are kept when :data:`LOWERCASED` of the
    texts holding a parenthesis are in small letters.
    """
    read: list[tuple[str, str, str]] = []  # (short form, long form, language) as defined
    holding = lowercase = 0  # texts holding a parenthesis, of them in small letters
    for text, lang in texts:
        if "(" not in text:
            continue  # most passages: no parenthesis, no definition
        holding += 1
        lowercase += text == text.lower()
        read.extend((short, long, lang) for short, long in definitions(text))
    # A short form in small letters is one only in a corpus written so (known once all of it
    # is read): a passage typed in small letters in a corpus with capitals makes none.
    lowercased = lowercase >= LOWERCASED * holding
    counts: dict[tuple[str, str], Counter[str]] = {}
    written: dict[str, Counter[str]] = {}
    for short, long, lang in read:
        if not _kept(short, lowercased, is_common, is_word):
            continue
        counts.setdefault((short, read_in(short, lang)), Counter())[_key(long)] += 1
        written.setdefault(_key(long), Counter())[long] += 1
    found = []
    for (short, lang), longs in counts.items():
        ranked = longs.most_common(2)
        if len(ranked) > 1 and ranked[0][1] == ranked[1][1]:
            continue
        long = written[ranked[0][0]].most_common(1)[0][0]
        found.append((sum(longs.values()), long, short, lang))
    found.sort(key=lambda p: (-p[0], p[1], p[2], p[3]))
    return [(long, short, lang) for _, long, short, lang in found]
