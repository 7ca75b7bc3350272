"""One analyzer for passages and questions: words → searchable terms, with character offsets.

Every language: a text is cut into script runs (:mod:`scripts`); each run is analysed in the
text's language when that language writes the script, else in the script's usual language
(Latin words in a Chinese passage are English, Cyrillic ones Russian). Terms of languages other
than English carry their language ("ru:книг", "zh:软件包") so stems of two languages never
collide; English terms and numbers are unprefixed, so English indexes stay as they were and a
year is the same term in every language. Chinese is cut into words by jieba, Japanese, Korean
and Thai into bigrams (:mod:`cjk`); other languages into words, folded, stop words dropped and
stemmed by Snowball where it has a stemmer (:mod:`languages`).

English, in order: find word tokens (keeping hyphenated words, dotted abbreviations and
thousands separators together) → match the synonym table on the raw words (longest form first;
forms in capitals match capitals only) → fold case, accents and quotes → split hyphenated words
into the joined word and its parts → drop stop words → stem (Snowball English). Numbers and years
are kept as they are.
"""

from __future__ import annotations

import functools
import operator
import re
import unicodedata
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

import snowballstemmer

from retrieval.search import cjk, scripts
from retrieval.search.languages import (
    ENGLISH,
    Language,
    detect,
    language,
    other_readings,
    stem_as_written,
    stemmed_as,
    stop_words,
    word_language,
)
from retrieval.text import strip_accents

# Dotted abbreviations first ("U.S.", "U.K."), then words that may hold hyphens, apostrophes,
# ampersands, decimal points or thousands separators between digits ("counter-terrorism",
# "China's", "3,362"; but "Cambodia,654" is two words). Written for the regex engine's speed,
# with the same matches as the plain ``(?:L\.){2,}|W+(?:(?:J|(?<=\d),(?=\d{3}(?!\d)))W+)*``:
# the first two letters of an abbreviation are spelt out, so the repeat (which costs an
# allocation to enter) is entered only after them, not at every word; the last repeat is
# possessive, as nothing follows it that could make it give a word back.
_WORD_SHAPE = r"{L}\.{L}\.(?:{L}\.)*|{W}+(?:(?:{J}|(?<=\d),(?=\d{{3}}(?!\d))){W}+)*+"
_WORD = re.compile(_WORD_SHAPE.format(L=r"[^\W\d_]", W=r"[^\W_]", J="[-‐‑'’&.+]"))
# The same words in ASCII text, where a letter is [A-Za-z] and the joiners are ASCII: character
# sets instead of Unicode categories find them in two thirds of the time (indexing's tokens).
_ASCII_WORD = re.compile(_WORD_SHAPE.format(L="[A-Za-z]", W="[A-Za-z0-9]", J="[-'&.+]"))
# Both, kept by ``re.split`` between the text around them (:mod:`token_columns`).
WORD_SPLIT = re.compile(f"({_WORD.pattern})")
ASCII_WORD_SPLIT = re.compile(f"({_ASCII_WORD.pattern})")
_HYPHENS = re.compile(r"[-‐‑]")
_SUFFIXES = frozenset(
    """txt md rst py js ts c h cpp java rb go rs sh bat ps1 cfg conf ini toml yaml yml json xml html
    htm css csv tsv pdf doc docx odt xls xlsx ppt pptx png jpg jpeg gif svg ico zip gz bz2 xz tar
    tgz deb rpm whl egg dll exe img iso list service socket target timer mount
    com org net edu gov info uk de fr ru cn jp eu us""".split()
)
# A dotted name: two or more parts, one of two letters or more, a letter in each part (so no
# "e.g", "U.S" abbreviation, no "3.2.1" version, no "2.5" number).
# Each part can match one way only (digits, then a letter, then anything but a dot: possessive),
# so a long name that fails to match fails at once ("aaaa.bbbb.….hhhh.1" took seconds).
_DOTTED = re.compile(r"(?=.*[^\W\d_]{2})\d*+[^\W\d_][^\W_]*+(?:\.\d*+[^\W\d_][^\W_]*+)+")
# Words of other languages: letters with their combining marks, joined by hyphens, apostrophes
# or a zero-width non-joiner or joiner (Persian "می‌کرد", "بزرگ‌ترین": the parts are then
# analysed alone and joined, so the spellings with a space and without one meet it), and
# numbers with their separators.
_LETTERS = rf"(?:[^\W_][{scripts.MARKS}]*)+"
_WORD_ANY = re.compile(rf"{_LETTERS}(?:(?:[-‐‑'’&+\u200c\u200d]|(?<=\d)[.,](?=\d)){_LETTERS})*")
_JOINERS = re.compile(r"[-‐‑'’&+\u200c\u200d]")
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_ALNUM = re.compile(r"[^\W_]")
_GROUPED = re.compile(r"\d{1,3}(,\d{3})+")  # thousands separators: "3,362"
_NUMERIC = re.compile(r"[\d.,]+")
_SPAN = operator.itemgetter(1, 2)  # a Token's start and end
KEYWORD_RUN = 3  # words at most of a Latin run in another script's text read as keywords
# English endings after an apostrophe that are no part of the word: a possessive, and "we'll",
# "they're", "I've", "NAT'd" (read as "well", "theyre" and "natd" before).
_CLITICS = ("'s", "'d", "'ll", "'re", "'ve", "'m")

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
    mentions mentioned anything something many vs whats whos hows wheres want wants wanted
    happen happens happened according exactly really actually basically regarding concerning
    please""".split()
)
# Words that frame a question ("what do they say about …", "tell me …") but name nothing; nouns
# such as "name", "sort", "way" or "back" are searched: a document may be about them.
# "e.g." and "i.e." written with their dots say "for example" and "that is": a question quoting
# one matched every passage giving an example ("IE" and "eg" without dots are still searched).
_LATIN_ABBREVIATIONS = frozenset({"e.g.", "e.g", "i.e.", "i.e"})


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
    if raw.isalnum() and raw.isascii():
        return raw.lower()  # letters and digits only (most words): nothing below applies
    # ASCII has no accents to strip: most words skip the decomposition.
    folded = (raw if raw.isascii() else strip_accents(raw)).casefold().replace("’", "'")
    if not folded.isascii():
        folded = _ascii_digits(folded)  # "٢٠٢٤" is 2024, in Arabic text too
    if folded.endswith(_CLITICS):
        folded = folded[: folded.rindex("'")]
    folded = folded.replace("'", "")
    if _GROUPED.fullmatch(folded):
        return folded.replace(",", "")
    return _HYPHENS.sub(
        "", folded.replace(".", "") if "." in folded and not _is_number(folded) else folded
    )


_ELIDED = re.compile(r"^\w{1,2}['’]")  # "l'", "d’", "qu'" before a French or Italian word
_ABBREVIATION_PLURAL = re.compile(r"[A-Z][A-Za-z]*[A-Z]s")


def _is_number(text: str) -> bool:
    return _NUMERIC.fullmatch(text) is not None


def _is_capitals(raw: str) -> bool:
    if raw.isascii():  # every ASCII letter has a case: the same answer, in C
        return raw.isupper()
    letters = [ch for ch in raw if ch.isalpha()]
    return bool(letters) and all(ch.isupper() for ch in letters)


def _words(text: str) -> list[_Word]:
    return [_Word(m.group(), _key(m.group()), m.start(), m.end()) for m in _WORD.finditer(text)]


_Terms = tuple[tuple[str, str], ...]  # a word's (term, folded word) pairs
_Phrase = tuple[str, int, bool]  # a phrase's term, its words, whether they keep their terms


@dataclass(frozen=True)
class _Form:
    keys: tuple[str, ...]
    capitals: tuple[bool, ...]  # per word: must be written in capitals to match
    canonical: str
    # A long form a corpus defines keeps its words beside the group's term: "human growth
    # hormone" is still about growth hormones (its words folded away, medline lost 0.01).
    keeps_words: bool = False


class _PhraseStart(NamedTuple):
    """A word where a phrase of the synonym table may start: its key, the phrases to try
    (longest first), and its terms when none of them follows."""

    key: str
    phrases: tuple[_Form, ...]
    terms: _Terms
    seconds: frozenset[str]  # the keys a phrase's second word may have: most words fail here


class Synonyms:
    """The synonym and abbreviation table: groups of forms that are searched as one term."""

    def __init__(self, groups: Iterable[Iterable[str]] = ()) -> None:
        # Forms by their first word's key: a word not in here starts no synonym.
        self.first_keys: dict[str, list[_Form]] = {}
        self.longest = 1  # words in the longest form
        self.groups: list[tuple[str, ...]] = []
        # The terms of groups naming something ("Belt and Road", "SCO"): a form has a capital.
        # A question asking a name the documents never write is about something else; one
        # asking a general word they lack ("per cent", "set up") is only worded otherwise.
        self.names: set[str] = set()
        # Forms of the abbreviations a corpus defines in another language than English
        # (:meth:`with_found`), by that language's code, then by their first word's key: each
        # searched only in words read in the language that defines it, as the table's groups
        # are English ("France | French | Paris" would make French text's "Paris" France). Read
        # in every language, "WAL", defined in English text, made the French reading of "WAL
        # mode" know all its words, and the English question was answered in French.
        self.defined: dict[str, dict[str, list[_Form]]] = {}
        for group in groups:
            self.add(group)

    def add(
        self, group: Iterable[str], capitals: Collection[str] = (), defined_in: str | None = None
    ) -> None:
        """Add a group of forms; those in ``capitals`` written in capitals match only words
        written so ("ACT" not "act"), as forms of two letters and stop words always do.
        ``defined_in``: the language of the text defining it, for an abbreviation a corpus
        defines (searched in that language's words only; its long form keeps its words)."""
        forms = tuple(f.strip() for f in group if f.strip())
        if len(forms) < 2:
            return
        self.groups.append(forms)
        parsed = [_words(f) for f in forms]
        one_word = all(len(p) == 1 and not _is_capitals(p[0].raw) for p in parsed)
        # Single words (British/American spellings) fold to the first form and are then stemmed
        # as usual; phrases and abbreviations become one unstemmed term named after the group.
        canonical = parsed[0][0].key if one_word else "_" + "_".join(w.key for w in parsed[0])
        if any(ch.isupper() for form in forms for ch in form):  # "… | WMD" names it too
            self.names.add(canonical)
        for words in parsed:
            if not words:
                continue
            form = _Form(
                keys=tuple(w.key for w in words),
                # "US" must be written in capitals (or it is "us"); "ASEAN" typed as "asean" is
                # still ASEAN. Capitals are required of short forms and of ordinary words.
                capitals=tuple(
                    _is_capitals(w.raw)
                    and (len(w.key) <= 2 or w.key in STOP_WORDS or w.raw in capitals)
                    for w in words
                ),
                canonical=canonical,
                keeps_words=defined_in is not None and len(words) > 1,
            )
            self.longest = max(self.longest, len(form.keys))
            bucket = self._forms_of(defined_in).setdefault(form.keys[0], [])
            bucket.append(form)
            bucket.sort(key=lambda f: -len(f.keys))

    def _forms_of(self, lang: str | None) -> dict[str, list[_Form]]:
        """The forms searched in words read in ``lang`` (None: English), by first word's key."""
        if lang is None or lang == ENGLISH:
            return self.first_keys
        return self.defined.setdefault(lang, {})

    def with_found(
        self, pairs: Iterable[tuple[str, str, str]], is_word: Callable[[str], bool]
    ) -> Synonyms:
        """This table and the ``(long form, short form, language)`` abbreviations a corpus
        defines (:mod:`abbreviations`), each a group with the short form's plural ("CRAs"),
        searched in the words read in the language of the text defining it. The table wins
        (in English, its language): a pair with a form the table has already is left out, as
        is one with a form an earlier pair of its language took. A short form that is a word in
        lower case (``is_word``: "ACT", "DNA") matches only in capitals; another ("CRA") as the
        table's abbreviations do."""
        merged = Synonyms(self.groups)
        taken = {ENGLISH: {form.keys for bucket in self.first_keys.values() for form in bucket}}
        for long, short, lang in pairs:
            forms = [long, short] + ([short + "s"] if _is_capitals(short) else [])
            keys = [tuple(w.key for w in _words(form)) for form in forms]
            own = taken.setdefault(lang, set())
            if not all(keys[:2]) or any(k in own for k in keys):
                continue
            own.update(keys)
            strict = forms[1:] if is_word(short.lower()) else ()
            merged.add(forms, capitals=strict, defined_in=lang)
        return merged

    @classmethod
    def load(cls, path: Path) -> Synonyms:
        """Read a table: one group a line, forms separated by ``|``, ``#`` starts a comment."""
        groups = []
        for line in path.read_text(encoding="utf-8").splitlines():
            line = line.split("#", 1)[0].strip()
            if line:
                groups.append(line.split("|"))
        return cls(groups)

    def match(
        self, words: list[_Word], i: int, lang: str | None = None
    ) -> tuple[_Form, int] | None:
        """The longest form starting at ``words[i]``, and how many words it covers (with
        ``lang``, not English: of the abbreviations the corpus defines in that language)."""
        table = self.first_keys if lang is None else self.defined.get(lang, {})
        for form in table.get(words[i].key, ()):
            n = len(form.keys)
            window = words[i : i + n]
            if len(window) == n and all(
                w.key == k and (not caps or _is_capitals(w.raw))
                for w, k, caps in zip(window, form.keys, form.capitals, strict=True)
            ):
                return form, n
        return None


class Analyzer:
    """Turns text into :class:`Token` terms; the same instance serves passages and questions.

    ``languages`` are the candidates when :meth:`tokens` is not told the text's language. The
    default, English alone, never guesses: Latin text is English and any other script is its
    usual language, which is how the analyzer has always read text. Pass the corpus's
    languages (or None for every known one) to have French told from English.
    """

    def __init__(
        self, synonyms: Synonyms | None = None, languages: Collection[str] | None = (ENGLISH,)
    ) -> None:
        self.synonyms = synonyms or Synonyms()
        self.languages = tuple(languages) if languages is not None else None
        self._stemmer = _new_stemmer("english")  # its own, as before: not shared by analyzers
        self._stems: dict[str, str] = {}
        self._entries: dict[str, _Terms | _PhraseStart] = {}
        self._foreign_cache: dict[tuple[str, str], tuple[tuple[str, str], ...]] = {}
        self._inside: dict[str, tuple[str, ...]] | None = None  # see groups_holding
        self._names: frozenset[str] | None = None  # see name_terms()

    def detect(
        self, text: str, candidates: Collection[str] | None = None, prior: str | None = None
    ) -> str:
        """The language of ``text`` (an ISO 639-1 code), preferring ``candidates``; ``prior``
        is kept where the text is too short to tell (see :func:`languages.detect`)."""
        return detect(text, candidates, prior)

    def stem(self, word: str, lang: str = ENGLISH) -> str:
        """The Snowball stem of a folded word (cached: vocabularies are small, texts are not).

        English stems are bare; another language's carry its code, as its terms do.
        """
        if lang != ENGLISH:
            return _foreign_stem(word, language(lang))
        stem = self._stems.get(word)
        if stem is None:
            number = not word.isalpha() and _is_number(word)  # letters alone are no number
            stem = word if number else str(self._stemmer.stemWord(word))
            self._stems[word] = stem
        return stem

    def groups_holding(self, term: str) -> tuple[str, ...]:
        """The terms of the synonym groups with a form of several words or parts that holds
        the English ``term`` ("missil" → the group of "anti-missile" and "missile defence").

        A form is indexed as its group's term, not as its words: a passage saying only
        "anti-missile" holds no "missil", and a question asking "missile" finds it through this.
        """
        if self._inside is None:
            self._inside = _words_inside_forms(self)
        return self._inside.get(term, ())

    def _single(self, word: str) -> str | None:
        """The term for one folded word, or None for a stop word."""
        if not word or word in STOP_WORDS or (len(word) == 1 and not word.isdigit()):
            return None
        stem = self.stem(word)
        # "ofs" stems to "of": a short word whose stem is a stop word is one ("willing" is not)
        return None if len(word) <= 4 and stem in STOP_WORDS else stem

    def tokens(self, text: str, lang: str | None = None) -> list[Token]:
        """The terms of ``text`` in order, each with the span it came from.

        ``lang`` is the text's language (None: detected among :attr:`languages`).
        """
        code = lang or self._language_of(text)
        if code == ENGLISH and not scripts.has_other_scripts(text):
            return self._english(text)  # the common case, as it always was
        return self._mixed(_affixes_joined(text) if code == "fa" else text, language(code))

    def _language_of(self, text: str) -> str:
        if self.languages == (ENGLISH,):
            return ENGLISH  # other scripts are told apart run by run: nothing to guess
        return detect(text, self.languages)

    def _mixed(self, text: str, own: Language) -> list[Token]:
        """Each script run analysed in its language; offsets into ``text`` throughout."""
        out: list[Token] = []
        for script, start, end in scripts.runs(text):
            lang = word_language(script, own)  # a look-up: no need to keep it per script
            if lang.segment == "words":
                if script == "common" and not _ALNUM.search(text, start, end):
                    continue  # spaces and punctuation between two Chinese runs
                if lang.code == ENGLISH and own.code != ENGLISH:
                    out.extend(_keywords(self, text, start, end))
                elif lang.code == ENGLISH:
                    out.extend(self._english(text, start, end))
                else:
                    out.extend(_foreign_words(self, text, start, end, lang))
            else:
                kanji = _after_kanji(text, script, start)
                out.extend(_segmented(text[start:end], start, lang, kanji))
        return out

    def _english(self, text: str, pos: int = 0, endpos: int | None = None) -> list[Token]:
        """English terms of ``text[pos:endpos]``: synonyms, hyphenated words, possessives,
        Snowball English.

        What a word gives depends only on how it is written, except where a phrase of the
        synonym table may start: so each spelling is analysed once (:meth:`_entry`) and every
        later occurrence is a dictionary look-up; only at a possible phrase start are the next
        words looked at (:meth:`_phrase`).
        """
        words = _ASCII_WORD if text.isascii() else _WORD
        matches = list(words.finditer(text, pos, len(text) if endpos is None else endpos))
        entries = self._entries
        entry_of = self._entry
        make = tuple.__new__  # Token(...) in C: millions of tokens are made
        out: list[Token] = []
        append = out.append
        skip = 0  # words already covered by a phrase
        for i, match in enumerate(matches):
            if i < skip:
                continue
            raw = match.group()
            entry = entries.get(raw)
            if entry is None:
                entry = entry_of(raw)
            if isinstance(entry, _PhraseStart):
                following = [m.group() for m in matches[i + 1 : i + self.synonyms.longest]]
                found = self.phrase(following, entry)
                if found is not None and found[2]:  # the group's term, then the words'
                    append(make(Token, (found[0], *match.span(), entry.key)))
                elif found is not None:
                    skip = i + found[1]
                    span = (match.start(), matches[skip - 1].end())
                    append(make(Token, (found[0], *span, entry.key)))
                    continue
                pairs = entry.terms
            else:
                pairs = entry
            start, end = match.span()
            for term, word in pairs:
                append(make(Token, (term, start, end, word)))
        return out

    def entry(self, raw: str) -> _Terms | _PhraseStart:
        """What the word written ``raw`` gives (as :meth:`_entry`), from the cache when there."""
        found = self._entries.get(raw)
        return self._entry(raw) if found is None else found

    def _entry(self, raw: str) -> _Terms | _PhraseStart:
        """What the word written ``raw`` gives: its ``(term, folded word)`` pairs, or, where a
        phrase of the synonym table may start, those pairs and the phrases to try first."""
        key = _key(raw)
        forms = self.synonyms.first_keys.get(key)
        entry = self._plain(raw, key) if forms is None else self._synonym_start(raw, key, forms)
        if len(self._entries) < 1 << 20:
            self._entries[raw] = entry
        return entry

    def _plain(self, raw: str, key: str) -> _Terms:
        """The pairs of a word no synonym starts with (most words)."""
        if "." in raw:
            if raw.casefold() in _LATIN_ABBREVIATIONS:
                return ()
            if is_dotted_name(raw):
                return _dotted(self, raw, key)
        if "-" in raw or "‐" in raw or "‑" in raw:
            return tuple((t.term, t.word) for t in self._word_tokens(_Word(raw, key, 0, 0)))
        # "GPUs", "SELUs", "ReLUs": an abbreviation's plural is the abbreviation. Snowball keeps
        # a final "us" ("bus", "status"), so "SELUs" was no "SELU" and "GPUs" no "GPU".
        # Not one whose singular is a stop word: "DOs" stays "dos", as it was.
        plural = self._single(key[:-1]) if _ABBREVIATION_PLURAL.fullmatch(raw) else None
        term = plural or self._single(key)
        return ((term, key),) if term else ()

    def _synonym_start(self, raw: str, key: str, forms: list[_Form]) -> _Terms | _PhraseStart:
        capitals = _is_capitals(raw)
        # Forms are longest first: a phrase is tried before a one-word form of the same word.
        fitting = [f for f in forms if not f.capitals[0] or capitals]
        single = next((f for f in fitting if len(f.keys) == 1), None)
        terms: _Terms
        if single is not None:
            term = single.canonical
            terms = ((_group_term(self, term), key),)
        else:
            terms = self._plain(raw, key)
        phrases = tuple(f for f in fitting if len(f.keys) > 1)
        if not phrases:
            return terms
        return _PhraseStart(key, phrases, terms, frozenset(f.keys[1] for f in phrases))

    def phrase(self, following: Sequence[str], entry: _PhraseStart) -> _Phrase | None:
        """The term of the longest phrase starting at a word whose entry is ``entry``, its
        length in words and whether its words keep their terms (:attr:`_Form.keeps_words`);
        ``following``: the words after it (as many as the longest phrase has, or to the end)."""
        if not following or _key(following[0]) not in entry.seconds:
            return None
        for form in entry.phrases:
            n = len(form.keys)
            if n - 1 > len(following):
                continue
            if all(
                _key(raw) == key and (not caps or _is_capitals(raw))
                for raw, key, caps in zip(
                    following[: n - 1], form.keys[1:], form.capitals[1:], strict=True
                )
            ):
                term = form.canonical
                return _group_term(self, term), n, form.keeps_words
        return None

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
                    part_term = _group_term(self, found[0].canonical)
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

    def terms(self, text: str, lang: str | None = None) -> list[str]:
        """Just the terms of ``text``."""
        return [t.term for t in self.tokens(text, lang)]


def _foreign_words(
    analyzer: Analyzer, text: str, pos: int, endpos: int, lang: Language
) -> list[Token]:
    """The terms of the words of ``text[pos:endpos]``, in the language ``lang``, not English."""
    out: list[Token] = []
    cache = analyzer._foreign_cache
    defined = analyzer.synonyms.defined.get(lang.code)
    matches = list(_WORD_ANY.finditer(text, pos, endpos))
    for i, match in enumerate(matches):
        raw = match.group()
        found = _found_form(analyzer, matches, i, lang.code, defined) if defined else None
        if found is not None:
            out.append(Token(found[0], match.start(), match.end(), found[2]))
            if found[1] == 1:
                continue  # a short form; a long form's words are read too (keeps_words)
        terms = cache.get((lang.code, raw))
        if terms is None:
            terms = _foreign_terms(raw, lang)
            if len(cache) < 1 << 20:
                cache[(lang.code, raw)] = terms
        out.extend(Token(term, match.start(), match.end(), word) for term, word in terms)
    return out


def _found_form(
    analyzer: Analyzer,
    matches: Sequence[re.Match[str]],
    i: int,
    lang: str,
    defined: dict[str, list[_Form]],
) -> tuple[str, int, str] | None:
    """The term of the corpus's abbreviation (or its long form) written from ``matches[i]``
    in text in ``lang`` (not English; ``defined``: the forms that language's text defines),
    how many words it covers and its first word's key."""
    synonyms = analyzer.synonyms
    raw = matches[i].group()
    key = _key(raw)
    if key not in defined:
        if "'" not in raw and "’" not in raw:
            return None  # most words
        # An elided article is written onto the word: "l'ONU", "de l'Organisation".
        raw = _ELIDED.sub("", raw)
        key = _key(raw)
        if key not in defined:
            return None
    window = matches[i + 1 : i + synonyms.longest]
    words = [_Word(raw, key, 0, 0)] + [_Word(m.group(), _key(m.group()), 0, 0) for m in window]
    found = synonyms.match(words, 0, lang)
    if found is None:
        return None
    return _group_term(analyzer, found[0].canonical), found[1], key


def is_dotted_name(raw: str) -> bool:
    """Whether a word is a dotted name searched by its parts too ("websocket.close",
    "console.log"): not a file or host name ("sources.list", "example.com")."""
    return bool(_DOTTED.fullmatch(raw)) and raw.rpartition(".")[2].lower() not in _SUFFIXES


def _dotted(analyzer: Analyzer, raw: str, key: str) -> _Terms:
    """A dotted name ("websocket.close", "httpx.Client", "os.path"): the joined word, as
    an identifier is asked for whole, and each part, as "close a websocket" asks for
    it in words. Not an abbreviation ("e.g", "U.S": parts of one letter) nor a number."""
    joined = analyzer._single(key)
    pairs: list[tuple[str, str]] = [(joined, key)] if joined else []
    for part in raw.split("."):
        for pair in analyzer._plain(part, _key(part)) if part else ():
            if pair not in pairs:
                pairs.append(pair)
    return tuple(pairs)


def _group_term(analyzer: Analyzer, canonical: str) -> str:
    """The term a synonym group is indexed as: a phrase's or abbreviation's own ("_united_states"),
    a group of single words' first word stemmed like any word ("France" → franc)."""
    return canonical if canonical.startswith("_") else analyzer.stem(canonical)


def name_terms(analyzer: Analyzer) -> frozenset[str]:
    """The terms of the synonym groups that name something (:attr:`Synonyms.names`) as the
    index holds them: a one-word group's term stemmed like any word ("France" → franc,
    "Germany" → germani), a phrase's the group's own ("_united_states"). Unstemmed, "Is France
    mentioned?" went unnoticed as a name no passage holds. Computed once an analyzer."""
    if analyzer._names is None:
        names = analyzer.synonyms.names
        analyzer._names = frozenset(_group_term(analyzer, n) for n in names)
    return analyzer._names


def _words_inside_forms(analyzer: Analyzer) -> dict[str, tuple[str, ...]]:
    """Each English term that is a word of a synonym form of several words or parts, and the
    terms of the groups it is in (:meth:`Analyzer.groups_holding`)."""
    inside: dict[str, list[str]] = {}
    synonyms = analyzer.synonyms
    for form in (form for group in synonyms.groups for form in group):
        words = [w for part in _HYPHENS.split(form) if part for w in _words(part)]
        written = _words(form)
        match = synonyms.match(written, 0) if written else None
        canonical = match[0].canonical if match and match[1] == len(written) else None
        if len(words) < 2 or canonical is None or match is None or match[0].keeps_words:
            continue  # one word: the group's term is that word's; a long form that keeps
            # its words is found by them
        # A group of one-word forms ("multi-polarization" | "multipolar") is searched as its
        # first form, stemmed; any other as the group's own term.
        group_term = _group_term(analyzer, canonical)
        for word in words:
            found = analyzer._single(word.key)
            if found and found != group_term:
                terms = inside.setdefault(found, [])
                if group_term not in terms:
                    terms.append(group_term)
    return {term: tuple(terms) for term, terms in inside.items()}


def covered_unknowns(tokens: Sequence[Token], known: Callable[[str], bool]) -> set[str]:
    """Terms of a question no passage has, but whose every character a known term covers.

    jieba's search mode gives a compound and its parts (软件包管理 → 软件, 软件包, 管理,
    软件包管理); when the corpus has the parts but never the compound, the compound is no
    word the documents lack, and should not count against the answer as one.
    """
    covered: set[tuple[int, int]] = set()
    for token in tokens:
        if known(token.term):
            covered.update((i, i + 1) for i in range(token.start, token.end))
    return {
        t.term
        for t in tokens
        if not known(t.term) and all((i, i + 1) in covered for i in range(t.start, t.end))
    }


# ------------------------------------------------------------------------ other languages
def _foreign_terms(raw: str, lang: Language) -> tuple[tuple[str, str], ...]:
    """``(term, folded word)`` for one written word of a language other than English.

    A hyphenated word gives its parts and the joined word, as in English; a word with an
    apostrophe only its parts, so French "l'installation" is "installation".
    """
    if _NUMBER.fullmatch(raw):
        number = _number(raw)
        return ((number, number),)
    parts = [p for p in _JOINERS.split(raw) if p]
    found: dict[str, str] = {}
    for part in parts:
        single = _foreign_single(part, lang)
        if single:
            found.setdefault(*single)
            for other in _other_stems(single[1], lang):
                found.setdefault(other, single[1])
    hyphenated = len(parts) > 1 and not any(ch in raw for ch in "'’")
    joined = _foreign_single("".join(parts), lang) if hyphenated else None
    if joined and joined[0] not in found:
        found = {joined[0]: joined[1], **found}
    return tuple(found.items())


def _foreign_single(word: str, lang: Language) -> tuple[str, str] | None:
    """The term and folded form of one word, or None for a stop word or a lone letter."""
    if _NUMBER.fullmatch(word):
        return _number(word), _number(word)
    folded = lang.fold(word)
    if len(folded) < 2 or folded in stop_words(lang.code):
        return None
    if lang.accented_stems and lang.stemmer is not None:
        return _accented_stem(word, lang), f"{lang.code}:{folded}"
    return _foreign_stem(folded, lang), f"{lang.code}:{folded}"


@functools.lru_cache(maxsize=1 << 18)
def _accented_stem(word: str, lang: Language) -> str:
    """``code:stem`` of a word of a language whose stemmer reads accents (French): stemmed as
    written, then folded (see :func:`languages.stem_as_written`)."""
    assert lang.stemmer is not None
    stem = _stemmer(lang.stemmer).stemWord(stem_as_written(word))
    return f"{lang.code}:{lang.fold(stem)}"


@functools.lru_cache(maxsize=1 << 18)
def _other_stems(word: str, lang: Language) -> tuple[str, ...]:
    """The stems of the other readings of a folded word (``code:word``) that its language's
    rules give it (:func:`languages.other_readings`), besides its own stem."""
    folded = word.partition(":")[2]
    own = _foreign_stem(folded, lang)
    found = (_foreign_stem(other, lang) for other in other_readings(folded, lang.code))
    return tuple(dict.fromkeys(stem for stem in found if stem != own))


@functools.lru_cache(maxsize=1 << 18)
def _foreign_stem(folded: str, lang: Language) -> str:
    """``code:stem`` of a folded word (cached: a corpus has far fewer words than tokens)."""
    if lang.stemmer is None or _NUMBER.fullmatch(folded):
        return f"{lang.code}:{folded}"
    return f"{lang.code}:{_stemmer(lang.stemmer).stemWord(stemmed_as(folded, lang.code))}"


def _new_stemmer(algorithm: str) -> snowballstemmer.Stemmer:
    """Snowball's stemmer, without PyStemmer's own cache: every stem is cached here already,
    and keeping its cache (sorting it each 2,500 new words) made a stem cost 1.8 us, not 0.5."""
    stemmer = snowballstemmer.stemmer(algorithm)
    if hasattr(stemmer, "maxCacheSize"):  # PyStemmer (the pure-Python fallback has no cache)
        stemmer.maxCacheSize = 0
    return stemmer


_stemmer = functools.cache(_new_stemmer)


def _ascii_digits(text: str) -> str:
    """Decimal digits of any script as ASCII ones (Arabic-Indic, Devanagari, full-width)."""
    return "".join(
        str(unicodedata.decimal(ch)) if not ch.isascii() and ch.isdecimal() else ch for ch in text
    )


def _number(raw: str) -> str:
    """A number as every language writes it in terms: ASCII digits, no thousands commas."""
    digits = _ascii_digits(raw)
    return digits.replace(",", "") if _GROUPED.fullmatch(digits) else digits


# Persian writes a verb's prefix (می‌, نمی‌) and the suffixes of plurals and comparatives (‌ها,
# ‌های, ‌تر, ‌ترین) after a zero-width non-joiner, but many type a space there ("بزرگ ترین",
# "می کرد") or nothing. The space is read as the non-joiner, so the word gives its joined form
# ("بزرگترین", stemmed) beside its parts, as the other two spellings do. One character for one:
# offsets stay those of the text.
_ARABIC_LETTER = "[\u0620-\u064a\u066e-\u06d3\u06d5\u06fa-\u06fc]"
_PERSIAN_SPACED = re.compile(
    rf"(?<!{_ARABIC_LETTER})(ن?می) (?={_ARABIC_LETTER})"
    rf"|(?<={_ARABIC_LETTER}) (ترین|تری|تر|هایی|های|ها)(?!{_ARABIC_LETTER})"
)


def _affixes_joined(text: str) -> str:
    """Persian ``text`` with the space before a suffix or after a prefix as a non-joiner."""
    if " " not in text:
        return text
    return _PERSIAN_SPACED.sub(
        lambda m: m[1] + "\u200c" if m[1] is not None else "\u200c" + m[2], text
    )


def _after_kanji(text: str, script: str, start: int) -> bool:
    """Whether a run of kana at ``start`` follows kanji (its opening hiragana are their ending)."""
    return bool(start and script == "kana" and scripts.HAN_LETTER.match(text, start - 1))


def _segmented(run: str, base: int, lang: Language, after_kanji: bool = False) -> list[Token]:
    """The words (Chinese) or bigrams (Japanese, Korean, Thai) of a run starting at ``base``;
    ``after_kanji``: a kana run right after kanji (its opening hiragana are their ending)."""
    split = cjk.chinese_words if lang.segment == "jieba" else cjk.bigrams
    if lang.code == "ja":  # katakana words whole, without particles and endings
        split = functools.partial(cjk.japanese_bigrams, after_kanji=after_kanji)
    stops = stop_words(lang.code)
    prefix = lang.code + ":"
    found = [
        Token(prefix + word, base + start, base + end, prefix + word)
        for word, start, end in split(run)
        if word not in stops
    ]
    found.sort(key=_SPAN)  # jieba gives a word's parts after it; offsets must run in order
    return found


def default_synonyms_path() -> Path:
    return Path(__file__).resolve().parents[2] / "data" / "synonyms.txt"


def _keywords(analyzer: Analyzer, text: str, pos: int, endpos: int) -> list[Token]:
    """English terms of a run of Latin letters in another script's text. A few words
    standing alone there ("let和var有什么区别", "Чем let отличается от var?") are code
    keywords and names, not English prose: a stop word among them ("let", "for", "in") is
    searched too. A longer run is English prose, read as such."""
    tokens = analyzer._english(text, pos, endpos)
    words = list(_WORD.finditer(text, pos, endpos))
    if len(words) > KEYWORD_RUN:
        return tokens
    starts = {token.start for token in tokens}
    for match in words:
        raw = match.group()
        if match.start() in starts or not raw.isalpha() or len(raw) < 2:
            continue
        key = _key(raw)
        tokens.append(Token(analyzer.stem(key), match.start(), match.end(), key))
    tokens.sort(key=_SPAN)
    return tokens
