"""Synonyms of English words, for the question words a corpus lacks or barely has.

``data/thesaurus/en.tsv`` holds, for each word of WordNet 3.1, the other words of its two
commonest senses (built by ``tools/thesaurus.py``; licence beside it). A question asking about
"sluggish" inserts is searched for "slow" too, at a fraction of a word's weight
(:mod:`retrieval.search.query`), so it finds the passage whose words differ from the user's.
"""

from __future__ import annotations

import functools
from pathlib import Path

FILE = Path(__file__).resolve().parents[2] / "data" / "thesaurus" / "en.tsv"
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
def _table(path: Path = FILE) -> dict[str, tuple[str, ...]]:
    table = {}
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            word, _, synonyms = line.rstrip("\n").partition("\t")
            table[word] = tuple(synonyms.split())
    return table


def synonyms(word: str) -> tuple[str, ...]:
    """The synonyms of ``word`` (lower case, any inflection), commonest sense first."""
    base = _base(word)
    return _table()[base] if base else ()


def is_word(word: str) -> bool:
    """Whether ``word`` (lower case, any inflection) is an English word of the thesaurus."""
    return _base(word) is not None


def _base(word: str) -> str | None:
    table = _table()
    for ending, replacement in _ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            base = word[: len(word) - len(ending)] + replacement
            if ending in ("ed", "ing") and not replacement and base[-1] == base[-2]:
                base = base[:-1]  # "grabbed" → grab, "stopping" → stop
            if base in table:
                return base
    return None


def warm_up() -> None:
    """Read the table now (about 0.1 s), not when the first question needs it."""
    _table()
