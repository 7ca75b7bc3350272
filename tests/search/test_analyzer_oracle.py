"""The analyzer's fast English path gives exactly what the straightforward one gave.

The analyzer caches what each written word gives and looks at the words after it only where a
phrase of the synonym table may start; this is the plain word-by-word analysis it replaced
(every word folded, the synonym table matched on a window of the following words, then
stemmed), kept here as the oracle. Both read real text — every passage, section and title of the
shipped corpus and the evaluation corpora, the dev questions — and text made to be awkward
(phrases cut short, capitals, hyphens, numbers, other scripts), and must give the same tokens:
terms, character spans and folded words. Indexes, excerpts and `quotebot eval` figures then
cannot change either.
"""

from __future__ import annotations

import json
import random
import re
from collections.abc import Iterator
from functools import cache
from pathlib import Path

import pytest

from retrieval.errors import DocumentError
from retrieval.ingest import pipeline
from retrieval.ingest.passages import passages
from retrieval.ingest.refresh import corpus_files
from retrieval.search import analyzer, scripts
from retrieval.search.analyzer import (
    STOP_WORDS,
    Analyzer,
    Synonyms,
    Token,
    default_synonyms_path,
)
from retrieval.search.languages import ENGLISH, language
from retrieval.text import strip_accents

ROOT = Path(__file__).resolve().parents[2]
CORPORA = [ROOT / "data" / "corpus", *sorted((ROOT / "data" / "eval" / "corpora").iterdir())]
DEV_QUESTIONS = ["dev.jsonl", "dev2.jsonl", "ml-dev.jsonl"]  # dev sets only, never held-out

# ------------------------------------------------------------------- the reference analysis
_WORD = re.compile(r"(?:[^\W\d_]\.){2,}|[^\W_]+(?:(?:[-‐‑'’&.+]|(?<=\d),(?=\d{3}(?!\d)))[^\W_]+)*")
_HYPHENS = re.compile(r"[-‐‑]")
Word = tuple[str, str, int, int]  # as written, folded key, start, end


_CLITICS = ("'s", "'d", "'ll", "'re", "'ve", "'m")


def _ref_key(raw: str) -> str:
    folded = strip_accents(raw).casefold().replace("’", "'")
    if not folded.isascii():
        folded = "".join(str(int(ch)) if ch.isdecimal() else ch for ch in folded)
    if folded.endswith(_CLITICS):
        folded = folded[: folded.rindex("'")]
    folded = folded.replace("'", "")
    if re.fullmatch(r"\d{1,3}(,\d{3})+", folded):
        return folded.replace(",", "")
    if "." in folded and not re.fullmatch(r"[\d.,]+", folded):
        folded = folded.replace(".", "")
    return _HYPHENS.sub("", folded)


def _ref_capitals(raw: str) -> bool:
    letters = [ch for ch in raw if ch.isalpha()]
    return bool(letters) and all(ch.isupper() for ch in letters)


def _ref_words(text: str, pos: int = 0, endpos: int | None = None) -> list[Word]:
    end = len(text) if endpos is None else endpos
    return [(m[0], _ref_key(m[0]), m.start(), m.end()) for m in _WORD.finditer(text, pos, end)]


def _ref_dotted(raw: str) -> bool:
    """A dotted name: parts of letters and digits, each with a letter, two letters together
    somewhere, and no file name or host suffix last."""
    parts = raw.split(".")
    return (
        len(parts) >= 2
        and all(p and p.isalnum() and any(ch.isalpha() for ch in p) for p in parts)
        and re.search(r"[^\W\d_]{2}", raw) is not None
        and parts[-1].lower() not in analyzer._SUFFIXES
    )


Form = tuple[tuple[str, ...], tuple[bool, ...], str]  # keys, capitals needed, canonical


def _ref_forms(synonyms: Synonyms) -> tuple[dict[str, list[Form]], int]:
    forms: dict[str, list[Form]] = {}
    longest = 1
    for group in synonyms.groups:
        parsed = [_ref_words(f) for f in group]
        one_word = all(len(p) == 1 and not _ref_capitals(p[0][0]) for p in parsed)
        canonical = parsed[0][0][1] if one_word else "_" + "_".join(w[1] for w in parsed[0])
        for words in parsed:
            if not words:
                continue
            keys = tuple(w[1] for w in words)
            caps = tuple(
                _ref_capitals(w[0]) and (len(w[1]) <= 2 or w[1] in STOP_WORDS) for w in words
            )
            longest = max(longest, len(keys))
            forms.setdefault(keys[0], []).append((keys, caps, canonical))
            forms[keys[0]].sort(key=lambda f: -len(f[0]))
    return forms, longest


class Reference(Analyzer):
    """The analyzer with its English path done the plain way (other languages are shared)."""

    def __init__(self, synonyms: Synonyms) -> None:
        super().__init__(synonyms, None)
        self.forms, self.longest = _ref_forms(synonyms)

    def tokens(self, text: str, lang: str | None = None) -> list[Token]:
        code = lang or self._language_of(text)
        if code == ENGLISH and not scripts._ANY_OTHER.search(text):
            return self._english(text)
        return self._mixed(text, language(code))

    def _match(self, window: list[Word]) -> tuple[str, int] | None:
        for keys, caps, canonical in self.forms.get(window[0][1], ()):
            n = len(keys)
            if len(window) >= n and all(
                w[1] == k and (not c or _ref_capitals(w[0]))
                for w, k, c in zip(window[:n], keys, caps, strict=True)
            ):
                return (canonical if canonical.startswith("_") else self.stem(canonical)), n
        return None

    def _english(self, text: str, pos: int = 0, endpos: int | None = None) -> list[Token]:
        words = _ref_words(text, pos, endpos)
        out: list[Token] = []
        i = 0
        while i < len(words):
            raw, key, start, end = words[i]
            found = self._match(words[i : i + self.longest])
            if found:
                out.append(Token(found[0], start, words[i + found[1] - 1][3], key))
                i += found[1]
                continue
            out += [Token(t, start, end, w) for t, w in self._ref_word(raw, key)]
            i += 1
        return out

    def _ref_single(self, key: str) -> str | None:
        if not key or key in STOP_WORDS or (len(key) == 1 and not key.isdigit()):
            return None
        stem = key if re.fullmatch(r"[\d.,]+", key) else self.stem(key)
        return None if len(key) <= 4 and stem in STOP_WORDS else stem

    def _ref_word(self, raw: str, key: str) -> list[tuple[str, str]]:
        if raw.lower() in ("e.g.", "e.g", "i.e.", "i.e"):
            return []  # "for example", "that is"
        if _ref_dotted(raw):
            found = []
            for term, word in [(self._ref_single(key), key)] + [
                (self._ref_single(_ref_key(part)), _ref_key(part)) for part in raw.split(".")
            ]:
                if term and (term, word) not in found:
                    found.append((term, word))
            return found
        parts = [p for p in _HYPHENS.split(raw) if p]
        if len(parts) <= 1:
            # An abbreviation's plural ("GPUs") is the abbreviation.
            abbreviation = re.fullmatch(r"[A-Z][A-Za-z]*[A-Z]s", raw)
            plural = self._ref_single(key[:-1]) if abbreviation else None
            term = plural or self._ref_single(key)
            return [(term, key)] if term else []
        found: list[tuple[str, str]] = []
        for part in parts:
            sub = _ref_words(part)
            for piece in sub:
                match = self._match(sub) if len(sub) == 1 else None
                term = match[0] if match else self._ref_single(piece[1])
                if term and all(t != term for t, _ in found):
                    found.append((term, piece[1]))
        numbers = all(p.replace(",", "").isdigit() for p in parts)
        named = any(t.startswith("_") for t, _ in found)
        joined = None if numbers or named else self._ref_single(key)
        if joined and all(t != joined for t, _ in found):
            found.insert(0, (joined, key))
        return found


# ------------------------------------------------------------------------------ the texts
def _corpus_texts(folder: Path) -> Iterator[tuple[str, str]]:
    """(text, language) of every passage, section and title of a corpus folder."""
    for path in corpus_files(folder):
        try:
            document = pipeline.read(path, path.read_bytes())
        except DocumentError:
            continue
        for passage in passages(document, path.name):
            yield passage.text, passage.lang
            for head in (passage.section, passage.title):
                if head:
                    yield head, passage.lang


@cache
def real_texts() -> list[tuple[str, str]]:
    texts = [item for folder in CORPORA for item in _corpus_texts(folder)]
    for name in DEV_QUESTIONS:
        for line in (ROOT / "data" / "eval" / name).read_text(encoding="utf-8").splitlines():
            if line.strip():
                texts.append((json.loads(line)["question"], ENGLISH))
    return texts


PIECES = [
    "weapons of mass destruction",
    "weapons of mass",
    "Weapons Of Mass Destruction",
    "WMD",
    "wmd",
    "US",
    "us",
    "U.S.",
    "u.s.",
    "Sino-U.S.",
    "confidence-building measures",
    "confidence building",
    "non-proliferation",
    "lost their lives",
    "lost their",
    "per cent",
    "percentage",
    "defence",
    "Defense",
    "counter-terrorism",
    "2003-2004",
    "3,362",
    "1,000,000",
    "Cambodia,654",
    "China's",
    "China’s",
    "ASEAN",
    "asean",
    "UN",
    "un",
    "it's",
    "ofs",
    "well-being",
    "e.g.",
    "Dr.",
    "café",
    "naïve",
    "Ünïcödé",
    "１２３",
    "٢٠٢٤",
    "war games",
    "drug smuggling",
    "military personnel",
    "service members",
    "a",
    "I",
    "x-ray",
    "X-Ray",
    "——",
    "...",
    "&",
    "AT&T",
    "C++",
    "3.14",
    "v2.0",
    "—",
    "'",
    "’s",
    "Debian 软件包管理",
    "книги",
    "l'installation",
    "Ελληνικά",
    "hello\u0301",
    "e\u0301tude",
    "\n",
    " ",
    ",",
]


def fuzz_texts(count: int, seed: int = 13) -> list[str]:
    rng = random.Random(seed)
    return [" ".join(rng.choices(PIECES, k=rng.randint(1, 12))) for _ in range(count)]


# ------------------------------------------------------------------------------- the tests
@pytest.fixture(scope="module")
def synonyms() -> Synonyms:
    return Synonyms.load(default_synonyms_path())


def test_every_real_passage_gives_the_same_tokens(synonyms: Synonyms) -> None:
    fast, plain = Analyzer(synonyms, None), Reference(synonyms)
    texts = real_texts()
    assert len(texts) > 5000
    differ = [
        (text[:80], lang)
        for text, lang in texts
        if fast.tokens(text, lang) != plain.tokens(text, lang)
    ]
    assert differ == []


def test_the_word_patterns_find_the_plain_patterns_words(synonyms: Synonyms) -> None:
    """The analyzer's word patterns (written for speed; an ASCII one for ASCII text) find
    exactly the words the plain pattern finds, in real and awkward text."""
    awkward = ["U.S. A.B.C. x.y e.g. a.b.c.d. 3,362 1,23 Cambodia,654 1,2345 co-op AT&T C++ v2.0"]
    for text in [t for t, _ in real_texts()] + fuzz_texts(4000) + awkward:
        plain = [m.span() for m in _WORD.finditer(text)]
        assert [m.span() for m in analyzer._WORD.finditer(text)] == plain, text
        if text.isascii():
            assert [m.span() for m in analyzer._ASCII_WORD.finditer(text)] == plain, text


def test_a_second_reading_gives_the_same_tokens_as_the_first(synonyms: Synonyms) -> None:
    """What a word gives is cached: reading the text again (warm) changes nothing."""
    fast = Analyzer(synonyms, None)
    texts = [text for text, lang in real_texts() if lang == ENGLISH][:2000]
    first = [fast.tokens(text, ENGLISH) for text in texts]
    assert [fast.tokens(text, ENGLISH) for text in texts] == first


def test_awkward_text_gives_the_same_tokens(synonyms: Synonyms) -> None:
    fast, plain = Analyzer(synonyms, None), Reference(synonyms)
    for text in fuzz_texts(4000):
        for lang in (ENGLISH, None, "fr", "zh"):
            assert fast.tokens(text, lang) == plain.tokens(text, lang), (text, lang)


def test_the_words_around_a_phrase_keep_their_spans(synonyms: Synonyms) -> None:
    fast = Analyzer(synonyms, None)
    text = "Their weapons of mass destruction, and the US troops"
    tokens = fast.tokens(text)
    phrase = next(t for t in tokens if t.term.startswith("_weapons"))
    assert text[phrase.start : phrase.end] == "weapons of mass destruction"
    assert [text[t.start : t.end] for t in tokens][-2:] == ["US", "troops"]
