"""Synonyms of a question's words, for those a corpus lacks or barely has.

``data/thesaurus/en.tsv`` holds, for each word of WordNet 3.1, the other words of its two
commonest senses (built by ``tools/thesaurus.py``; licence beside it). A question asking about
"sluggish" inserts is searched for "slow" too, at a fraction of a word's weight
(:mod:`retrieval.search.query`), so it finds the passage whose words differ from the user's.
Spanish and Chinese have tables of the same shape from the Open Multilingual Wordnet
(``tools/omw_thesaurus.py``): a Spanish word is found through its stem, as the analyzer reads it
("coches" is es:coch, coche's), a Chinese one as jieba segments it (Chinese questions are not
searched with theirs yet: see :data:`LANGUAGES`). Each is read when a corpus in its language
opens (:func:`warm_up`) or its first question needs it.
"""

from __future__ import annotations

import functools
from collections.abc import Collection, Iterator
from pathlib import Path

from retrieval.search.analyzer import Analyzer, Token

FOLDER = Path(__file__).resolve().parents[2] / "data" / "thesaurus"
FILE = FOLDER / "en.tsv"
TABLES = frozenset({"en", "es", "zh"})
# The languages whose questions are searched with synonyms. Not yet Chinese: COW's commonest
# sense of a word is guessed from English, and a Chinese word is often a noun and a verb at
# once (结果, "result" and "bear fruit": 要过几年才结果 found the passage saying 影响结果, for
# 影响 "effect"); on dev, ml-dev's Chinese questions lost (MRR .742 -> .736: 电脑 and 办法
# searched as 计算机 and 方法 put two answers lower), ml-dev2's were unchanged, legal-dev's
# answered one more question without a hedge.
LANGUAGES = frozenset({"en", "es"})
# Endings a word may carry and its dictionary form's ("drills" → drill, "copied" → copy):
# tried in order, the first that names a word of the thesaurus wins.
_ENDINGS = (
    ("", ""),
    ("ies", "y"),
    ("es", ""),
    ("s", ""),
    ("ied", "y"),
    ("ed", ""),
    ("ed", "e"),
    ("ing", ""),
    ("ing", "e"),
    ("ier", "y"),
    ("iest", "y"),
    ("er", ""),
    ("est", ""),
)


@functools.cache
def _table(path: Path = FILE) -> dict[str, str]:
    """Word → its synonyms as the table writes them, split when asked for: read in two splits
    of the whole file (half the time of a line at a time, 0.1 s, on the way to a first
    answer)."""
    text = path.read_text(encoding="utf-8")
    text += "" if text.endswith("\n") else "\n"
    if text.count("\t") != text.count("\n"):
        raise ValueError(f"{path}: every line is a word, a tab and its synonyms")
    cells = text.replace("\n", "\t").split("\t")  # word, synonyms, word, synonyms, …, ""
    return dict(zip(cells[0::2], cells[1::2], strict=False))


def synonyms(word: str) -> tuple[str, ...]:
    """The synonyms of ``word`` (lower case, any inflection), commonest sense first."""
    base = headword(word)
    return tuple(_table()[base].split()) if base else ()


def is_word(word: str) -> bool:
    """Whether ``word`` (lower case, any inflection) is an English word of the thesaurus."""
    return headword(word) is not None


def headword(word: str) -> str | None:
    """The thesaurus's entry ``word`` is a form of ("creating": create), or None."""
    table = _table()
    for ending, replacement in _ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            base = word[: len(word) - len(ending)] + replacement
            if ending in ("ed", "ing") and not replacement and base[-1] == base[-2]:
                base = base[:-1]  # "grabbed" → grab, "stopping" → stop
            if base in table:
                return base
    return None


def alternatives(token: Token, lang: str, analyzer: Analyzer, per_word: int) -> Iterator[str]:
    """The terms of the synonyms of a question's ``token`` in its language ``lang``, at most
    ``per_word`` synonyms: "sluggish" gives slow, "coches" es:automovil, 汽车 zh:机动车."""
    if lang == "en":
        for word in synonyms(token.word)[:per_word]:
            yield from analyzer.terms(word, "en")
    elif lang in TABLES and token.term.startswith(f"{lang}:"):
        # A word of the table has its own synonyms ("coche"), its plural too ("coches"); no
        # other word of its stem lends its own: "clave" is no form of clavar ("arrestar"),
        # nor "casa" of casar, though the stemmer reads them alike.
        words = _by_term(lang).get(token.term, [])
        own = [w for w in words if token.word in (w[0], f"{w[0]}s", f"{w[0]}es")]
        yield from list(dict.fromkeys(t for _, terms in own for t in terms))[:per_word]


@functools.cache
def _by_term(lang: str) -> dict[str, list[tuple[str, tuple[str, ...]]]]:
    """Term of a word (its stem) → ``(folded word, its synonyms' terms)`` of each word of the
    table ``lang`` that has it, in the table's order."""
    table = _table(FOLDER / f"{lang}.tsv")
    analyzer = Analyzer()
    words = {w for word, others in table.items() for w in (word, *others.split())}
    read = {word: _whole(analyzer, word, lang) for word in sorted(words)}
    found: dict[str, list[tuple[str, tuple[str, ...]]]] = {}
    for word, others in table.items():
        terms = tuple(dict.fromkeys(t for other in others.split() for t, _ in read[other]))
        for term, written in read[word]:
            found.setdefault(term, []).append((written, terms))
    return found


def _whole(analyzer: Analyzer, word: str, lang: str) -> list[tuple[str, str]]:
    """``(term, folded word)`` of a word read whole (not jieba's parts of a Chinese one)."""
    return [(t.term, t.word) for t in analyzer.tokens(word, lang) if t.end - t.start == len(word)]


def warm_up(languages: Collection[str] = ()) -> None:
    """Read the tables now (English about 0.1 s, Spanish and Chinese 0.3 s with their
    analysis), not when the first question needs them."""
    _table()
    for lang in languages:
        if lang in LANGUAGES and lang != "en":
            _by_term(lang)
