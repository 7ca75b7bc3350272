"""The words a question is asked in, around the English it quotes.

People paste error messages into questions in their own language: "me sale ReferenceError: foo
is not defined, ¿qué hago?", "TypeError: obj.map is not a function что делать", "j'ai « Uncaught
TypeError: 2 is not a function », je fais comment ?". The message's English stop words ("is",
"not", "a") outnumber those of the few words around it, so the question was read as English and
answered with English wording. The language it is asked in is that of the words around what it
quotes: :func:`asked_around` reads them.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Collection

from retrieval.search.languages import ENGLISH, detect, language, stop_word_hits, stop_words

# What a question quotes: between quotation marks of any language, or straight quotes opening
# after a space and closing before one ("l'erreur" is no quotation).
_QUOTED = re.compile(
    r"«[^»]*»|“[^”]*”|„[^“”]*[“”]|\"[^\"]*\"|`[^`]*`|(?<!\w)'[^']*'(?!\w)|「[^」]*」"
)
# Where a pasted message ends: a clause's end, or a letter of another script than Latin.
_MESSAGE_END = r"(?=[,;?!¿¡？，。！；]|[^\x00-\u024f\s\d]|$)"
# An exception's name and what follows it, as a console prints them ("Uncaught TypeError: 2 is
# not a function", "ReferenceError: foo is not defined").
_EXCEPTION = re.compile(
    r"(?:\bUncaught\s+)?\b[A-Z]\w*(?:Error|Exception)\b(?::[^,;?!¿¡？，。！；]*?)?" + _MESSAGE_END
)
_TO_CLAUSE_END = re.compile(r"[^,;?!¿¡？，。！；]*?" + _MESSAGE_END)
_WORD = re.compile(r"[^\W\d_]+")


def without_quoted(text: str) -> str | None:
    """``text`` without what it quotes and the English messages pasted into it (an exception
    and its message; from two English words in a row that no other language the bot speaks
    writes, "is not", to the clause's end), or None when it quotes nothing."""
    rest = _EXCEPTION.sub(" ", _QUOTED.sub(" ", text))
    rest = _english_runs_dropped(rest)
    return None if rest == text else rest


def _english_runs_dropped(text: str) -> str:
    """``text`` without its runs of English after words of another: from two English-only stop
    words in a row ("is not a fonction", "was not found") to the clause's end. Not in an English
    sentence, whose first such word opens it or stands alone: "What is the difference between
    dpkg and пакет?", "why is the page not loading", "Spark keeps the cache" are English."""
    words = list(_WORD.finditer(text))
    only = _english_only()
    for first, second in itertools.pairwise(words):
        if first[0].casefold() not in only:
            continue
        if first is words[0] or second[0].casefold() not in only:
            return text
        end = _TO_CLAUSE_END.match(text, first.start())
        stop = end.end() if end is not None else len(text)
        return text[: first.start()] + " " + _english_runs_dropped(text[stop:])
    return text


@functools.cache
def _english_only() -> frozenset[str]:
    """English stop words that French and Spanish never write ("is", "not", "the"; not "a",
    "on", "me", "son")."""
    return stop_words(ENGLISH) - stop_words("fr") - stop_words("es")


def asked_around(text: str, candidates: Collection[str] | None = None) -> str | None:
    """The language other than English that ``text`` is asked in around the English it quotes
    (:func:`without_quoted`), among ``candidates``: "что делать" is Russian, "me sale …, ¿qué
    hago?" Spanish. None when it quotes nothing, or when the words around say no other
    language: no stop word of that language, or fewer of it than of English ("Spark is not
    starting" leaves "Spark", which says nothing)."""
    rest = without_quoted(text)
    if rest is None or not _WORD.search(rest):
        return None
    found = detect(rest, candidates)
    if found == ENGLISH:
        return None
    if language(found).script != "latin":
        return found  # "что делать", "是怎么回事": the script says it
    own = stop_word_hits(rest, found)
    return found if own and own >= stop_word_hits(rest, ENGLISH) else None
