"""One analyzer for passages and questions: words → searchable terms, with character offsets.

The steps, in order: find word tokens (keeping hyphenated words, dotted abbreviations and
thousands separators together) → match the synonym table on the raw words (longest form first;
forms in capitals match capitals only) → fold case, accents and quotes → split hyphenated words
into the joined word and its parts → drop stop words → stem (Snowball English). Numbers and years
are kept as they are.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

import snowballstemmer

from retrieval.text import strip_accents

# Dotted abbreviations first ("U.S.", "U.K."), then words that may hold hyphens, apostrophes,
# ampersands, decimal points or thousands separators between digits ("counter-terrorism",
# "China's", "3,362"; but "Cambodia,654" is two words).
_WORD = re.compile(r"(?:[^\W\d_]\.){2,}|[^\W_]+(?:(?:[-‐‑'’&.+]|(?<=\d),(?=\d{3}(?!\d)))[^\W_]+)*")
_HYPHENS = re.compile(r"[-‐‑]")

STOP_WORDS = frozenset(
    """a about above after again against all also am an and any are aren't as at be because been
    before being below between both but by can cannot could did didn't do does doesn't doing
    don't down during each either else ever few for from further get gets got had has have
    having he her here hers herself him himself his how however i if in into is isn't it
    it's its itself just let me more most much must my myself no nor not now of off on once
    only or other ought our ours ourselves out over own per please same shall she should so
    some such than that that's the their theirs them themselves then there these they this
    those through thus to too under until up upon us very via was we were what what's when
    where whether which while who whom whose why will with would yet you your yours yourself
    yourselves say says said tell tells told know show shows shown give gives mention
    mentions mentioned anything something thing things way ways many vs whats whos hows
    wheres want wants wanted kind kinds sort sorts name names called happen happens happened
    according exactly really actually basically regarding concerning please back""".split()
)


class Token(NamedTuple):
    """A searchable term and the span of text it came from (a tuple: millions are made)."""

    term: str
    start: int
    end: int
    word: str = ""  # the folded word as written, for spelling correction of questions


class _Word(NamedTuple):
    raw: str
    key: str  # folded, without hyphens or dots: how synonym forms are compared
    start: int
    end: int


@functools.lru_cache(maxsize=1 << 18)
def _key(raw: str) -> str:
    """How a word is compared: folded, no possessive, no hyphens or dots, no digit grouping.

    Cached: a vocabulary is small next to the text it is drawn from.
    """
    folded = strip_accents(raw).casefold().replace("’", "'")
    if folded.endswith("'s"):
        folded = folded[:-2]
    folded = folded.replace("'", "")
    if re.fullmatch(r"\d{1,3}(,\d{3})+", folded):
        return folded.replace(",", "")
    return _HYPHENS.sub(
        "", folded.replace(".", "") if "." in folded and not _is_number(folded) else folded
    )


def _is_number(text: str) -> bool:
    return bool(re.fullmatch(r"[\d.,]+", text))


def _is_capitals(raw: str) -> bool:
    letters = [ch for ch in raw if ch.isalpha()]
    return bool(letters) and all(ch.isupper() for ch in letters)


def _words(text: str) -> list[_Word]:
    return [_Word(m.group(), _key(m.group()), m.start(), m.end()) for m in _WORD.finditer(text)]


@dataclass(frozen=True)
class _Form:
    keys: tuple[str, ...]
    capitals: tuple[bool, ...]  # per word: must be written in capitals to match
    canonical: str


class Synonyms:
    """The synonym and abbreviation table: groups of forms that are searched as one term."""

    def __init__(self, groups: Iterable[Iterable[str]] = ()) -> None:
        self._forms: dict[str, list[_Form]] = {}
        self.longest = 1  # words in the longest form
        self.groups: list[tuple[str, ...]] = []
        for group in groups:
            self.add(group)

    @property
    def first_keys(self) -> dict[str, list[_Form]]:
        """Forms by their first word's key: a word not in here starts no synonym."""
        return self._forms

    def add(self, group: Iterable[str]) -> None:
        forms = tuple(f.strip() for f in group if f.strip())
        if len(forms) < 2:
            return
        self.groups.append(forms)
        parsed = [_words(f) for f in forms]
        one_word = all(len(p) == 1 and not _is_capitals(p[0].raw) for p in parsed)
        # Single words (British/American spellings) fold to the first form and are then stemmed
        # as usual; phrases and abbreviations become one unstemmed term named after the group.
        canonical = parsed[0][0].key if one_word else "_" + "_".join(w.key for w in parsed[0])
        for words in parsed:
            if not words:
                continue
            form = _Form(
                keys=tuple(w.key for w in words),
                # "US" must be written in capitals (or it is "us"); "ASEAN" typed as "asean" is
                # still ASEAN. Capitals are required of short forms and of ordinary words.
                capitals=tuple(
                    _is_capitals(w.raw) and (len(w.key) <= 2 or w.key in STOP_WORDS) for w in words
                ),
                canonical=canonical,
            )
            self.longest = max(self.longest, len(form.keys))
            bucket = self._forms.setdefault(form.keys[0], [])
            bucket.append(form)
            bucket.sort(key=lambda f: -len(f.keys))

    @classmethod
    def load(cls, path: Path) -> Synonyms:
        """Read a table: one group a line, forms separated by ``|``, ``#`` starts a comment."""
        groups = []
        for line in path.read_text(encoding="utf-8").splitlines():
            line = line.split("#", 1)[0].strip()
            if line:
                groups.append(line.split("|"))
        return cls(groups)

    def match(self, words: list[_Word], i: int) -> tuple[_Form, int] | None:
        """The longest form starting at ``words[i]``, and how many words it covers."""
        for form in self._forms.get(words[i].key, ()):
            n = len(form.keys)
            window = words[i : i + n]
            if len(window) == n and all(
                w.key == k and (not caps or _is_capitals(w.raw))
                for w, k, caps in zip(window, form.keys, form.capitals, strict=True)
            ):
                return form, n
        return None


class Analyzer:
    """Turns text into :class:`Token` terms; the same instance serves passages and questions."""

    def __init__(self, synonyms: Synonyms | None = None) -> None:
        self.synonyms = synonyms or Synonyms()
        self._stemmer = snowballstemmer.stemmer("english")
        self._stems: dict[str, str] = {}
        self._word_cache: dict[str, tuple[tuple[str, str], ...]] = {}

    def stem(self, word: str) -> str:
        """The Snowball stem of a folded word (cached: vocabularies are small, texts are not)."""
        stem = self._stems.get(word)
        if stem is None:
            stem = word if _is_number(word) else str(self._stemmer.stemWord(word))
            self._stems[word] = stem
        return stem

    def _single(self, word: str) -> str | None:
        """The term for one folded word, or None for a stop word."""
        if not word or word in STOP_WORDS or (len(word) == 1 and not word.isdigit()):
            return None
        return self.stem(word)

    def tokens(self, text: str) -> list[Token]:
        """The terms of ``text`` in order, each with the span it came from."""
        matches = list(_WORD.finditer(text))
        starts = self.synonyms.first_keys
        cache = self._word_cache
        out: list[Token] = []
        i = 0
        while i < len(matches):
            match = matches[i]
            raw = match.group()
            key = _key(raw)
            if key in starts:
                window = [
                    _Word(m.group(), _key(m.group()), m.start(), m.end())
                    for m in matches[i : i + self.synonyms.longest]
                ]
                found = self.synonyms.match(window, 0)
                if found:
                    form, n = found
                    term = form.canonical
                    if not term.startswith("_"):
                        term = self.stem(term)
                    out.append(Token(term, match.start(), matches[i + n - 1].end(), key))
                    i += n
                    continue
            # The terms of a word depend only on how it is written: cache them per spelling.
            terms = cache.get(raw)
            if terms is None:
                terms = tuple((t.term, t.word) for t in self._word_tokens(_Word(raw, key, 0, 0)))
                if len(cache) < 1 << 20:
                    cache[raw] = terms
            start, end = match.start(), match.end()
            out.extend(Token(term, start, end, word) for term, word in terms)
            i += 1
        return out

    def _word_tokens(self, word: _Word) -> list[Token]:
        if "-" not in word.raw and "‐" not in word.raw and "‑" not in word.raw:
            term = self._single(word.key)
            return [Token(term, word.start, word.end, word.key)] if term else []
        raw_parts = [p for p in _HYPHENS.split(word.raw) if p]
        if len(raw_parts) == 1:
            term = self._single(word.key)
            return [Token(term, word.start, word.end, word.key)] if term else []
        # Hyphenated: the joined word ("counterterror") and each part ("counter", "terror"), so
        # "counter-terrorism", "counterterrorism" and "counter terrorism" all meet. Number ranges
        # ("2003-2004") are only their parts.
        tokens: list[Token] = []
        for part in raw_parts:
            sub = _words(part)
            for piece in sub:
                found = self.synonyms.match(sub, 0) if len(sub) == 1 else None
                part_term: str | None
                if found:
                    part_term = found[0].canonical
                    if not part_term.startswith("_"):
                        part_term = self.stem(part_term)
                else:
                    part_term = self._single(piece.key)
                if part_term and all(t.term != part_term for t in tokens):
                    tokens.append(Token(part_term, word.start, word.end, piece.key))
        numbers = all(p.replace(",", "").isdigit() for p in raw_parts)
        named = any(t.term.startswith("_") for t in tokens)  # "Sino-U.S.": the parts say it all
        joined = None if numbers or named else self._single(word.key)
        if joined and all(t.term != joined for t in tokens):
            tokens.insert(0, Token(joined, word.start, word.end, word.key))
        return tokens

    def terms(self, text: str) -> list[str]:
        """Just the terms of ``text``."""
        return [t.term for t in self.tokens(text)]


def default_synonyms_path() -> Path:
    return Path(__file__).resolve().parents[2] / "data" / "synonyms.txt"
