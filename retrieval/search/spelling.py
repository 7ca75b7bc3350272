"""Spelling correction of question words: the indexed term a misspelt or British-spelt word
most likely meant, when that is clearly better than the word as typed.
A word the corpus lacks is looked up with every word a letter dropped, doubled, swapped or
(for longer words) replaced away; the candidate most passages hold wins, first among those
keeping the word's first letter, and only when enough passages hold it: a word written once in
the whole corpus is as likely to be the rare word the user meant to be different.
"""

from __future__ import annotations

from retrieval.search import thesaurus
from retrieval.search.analyzer import Analyzer, Token
from retrieval.search.snapshot import Snapshot

MIN_CORRECTION_PASSAGES = 2  # passages a correction's word must stand in
LONG_WORD = 6  # letters from which a word has few enough neighbours to correct freely
LONG_SLIP = 7  # and from which a slip may point to a word only one passage has
LONGEST_CORRECTED = 40  # characters of the longest question word spelling correction tries
_LETTERS = "abcdefghijklmnopqrstuvwxyz"
# The letters a word is looked up with, as the index folds them (accents off where optional);
# a language with an alphabet not here ("el", "ar") uses the Latin letters and so is corrected
# only when written in them.
_ALPHABETS = {"ru": "абвгдежзийклмнопрстуфхцчшщъыьэюя", "uk": "абвгґдеєжзиіїйклмнопрстуфхцчшщьюя"}
_BRITISH = (
    ("isation", "ization"),
    ("ise", "ize"),
    ("ising", "izing"),
    ("yse", "yze"),
    ("our", "or"),
    ("tre", "ter"),
    ("ence", "ense"),
    ("ogue", "og"),
    ("lled", "led"),
)


def correct(token: Token, analyzer: Analyzer, snapshot: Snapshot) -> str | None:
    """The indexed term a misspelt (or British-spelt) word most likely meant, or None.

    A word of another language ("fr:comande") is looked for among that language's words, in
    its alphabet; a word of a script without one (Chinese) is not corrected.
    """
    code, _, word = token.word.rpartition(":")
    letters = _ALPHABETS.get(code or "en", _LETTERS)
    # Not short words, numbers, nor "words" longer than any real one: their one-edit
    # neighbours number 54 per letter, and a 4,000-letter "word" would cost seconds.
    if len(word) < 4 or len(word) > LONGEST_CORRECTED or word.isdigit():
        return None
    if not all(ch in letters or ch.isdigit() for ch in word):
        return None
    for variant in american_spellings(word) if not code else ():
        stem = analyzer.stem(variant)
        if snapshot.index.passages_with(stem):
            return stem
    if len(word) < LONG_WORD:
        # Short words have too many neighbours, and the corpus lacks many a common word:
        # "paris" is not "parts", "best" not "belt", "trial" not "trail". But a short English
        # word no dictionary has, a letter dropped, doubled or swapped away from one the
        # corpus has, is a slip of the fingers: "thred", "promt", "tabel", "exitt".
        if code or thesaurus.is_word(word):
            return None
        return _likeliest(
            _terms(slips(word, letters), snapshot), snapshot, MIN_CORRECTION_PASSAGES, word
        )
    prefix = f"{code}:" if code else ""
    slipped = slips(word, letters)
    # Every candidate looked up at once: the slips among them again below, not looked up again.
    # An English word of the dictionary is no misspelling of a word a letter away at its start
    # ("rotation" is not "notation"); one at its end may be the corpus's form of it ("amnesia":
    # amnesic).
    replaced = replacements(word, letters)
    if not code and thesaurus.is_word(word):
        half = len(word) // 2
        # Nor is it another word's inflection a letter away at its end: "creatine" is no
        # misspelt "creating" (create's), which a corpus of abstracts on computing holds.
        replaced = {
            c for c in replaced if c[:half] == word[:half] and thesaurus.headword(c) in (c, None)
        }
    terms = _terms(slipped | replaced, snapshot, prefix)
    found = _likeliest(terms, snapshot, MIN_CORRECTION_PASSAGES, word)
    if found is None and len(word) >= LONG_SLIP:
        # A letter dropped, doubled or swapped ("cyclorma", "solliloquy") is a slip of the
        # fingers even towards a word written once; a letter replaced may be another word
        # ("tocopheryl" is no misspelt "tocopherol").
        found = _likeliest({c: terms[c] for c in slipped}, snapshot, 1, word)
    return found


def _terms(candidates: set[str], snapshot: Snapshot, prefix: str = "") -> dict[str, str | None]:
    """Each candidate word's term (None: no passage writes it), looked up in the words of the
    language of ``prefix`` (as "fr:")."""
    listed = list(candidates)
    asked = [prefix + c for c in listed] if prefix else listed
    return dict(zip(listed, snapshot.words.find(asked), strict=True))


def _likeliest(
    terms: dict[str, str | None], snapshot: Snapshot, least: int, typed: str
) -> str | None:
    """The candidates' term most passages hold (``terms``: see :func:`_terms`), if at least
    ``least`` do; first those that keep the first letter of the word as ``typed``: a slip
    seldom changes how a word begins ("acros" is "across", not the commoner "macros")."""
    counts: dict[str, int] = {}
    kept: set[str] = set()
    for candidate, term in terms.items():
        if term is not None:
            counts[term] = snapshot.index.passages_with(term)
            if candidate[:1] == typed[:1]:
                kept.add(term)
    if not counts:
        return None
    commonest = min(counts.items(), key=lambda item: (-item[1], item[0]))
    keeping = [item for item in counts.items() if item[0] in kept]
    best = min(keeping, key=lambda item: (-item[1], item[0])) if keeping else commonest
    if best[1] < least:
        best = commonest  # too rare: the commonest decides
    # Clearly better only: a word written once in the whole corpus is as likely to be the
    # rare word the user meant to be different ("tocopheryl" is not "tocopherol").
    return best[0] if best[1] >= least else None


def american_spellings(word: str) -> list[str]:
    """American spellings of a British word: "normalise" → "normalize", "labour" → "labor"."""
    return [word.replace(gb, us) for gb, us in _BRITISH if gb in word]


def slips(word: str, letters: str = _LETTERS) -> set[str]:
    """Every word one deleted, inserted or swapped letter away (no letter replaced)."""
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    deletes = [a + b[1:] for a, b in splits if b]
    transposes = [a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1]
    inserts = [a + c + b for a, b in splits for c in letters]
    return set(deletes + transposes + inserts)


def replacements(word: str, letters: str = _LETTERS) -> set[str]:
    """Every word one replaced letter away."""
    splits = [(word[:i], word[i + 1 :]) for i in range(len(word))]
    return {a + c + b for a, b in splits for c in letters}
