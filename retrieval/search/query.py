"""From a question (and the conversation before it) to the weighted terms that are searched.

Two steps, each small: the words of a text become index terms, misspelt or British-spelt words
rewritten to the term the corpus has when that is clearly what was meant (:func:`terms_of`,
:mod:`spelling`); then a
follow-up is completed with the subject of the earlier questions (:func:`weights`). The follow-up's
own words count fully; carried words fill in only what it lacks and count less, and a name or a
number in the follow-up replaces the earlier one ("… with Russia in 2004?" → "and Pakistan?").
"""

from __future__ import annotations

import functools
import itertools
import re
import weakref
from collections import Counter
from collections.abc import Collection, Iterable, Iterator, Mapping, Sequence

from retrieval.search import cjk, thesaurus
from retrieval.search.analyzer import (
    STOP_WORDS,
    Analyzer,
    Token,
    covered_unknowns,
    is_dotted_name,
)
from retrieval.search.languages import (
    ENGLISH,
    LANGUAGES,
    detect,
    language,
    only_stop_words,
    scripts_of,
    spanish_noun_after,
    spanish_unstressed,
    spanish_verb_forms,
    stop_word_hits,
    stop_words,
)
from retrieval.search.layouts import mend_layout
from retrieval.search.markup import unescaped, without_tags
from retrieval.search.pasted import asked_around
from retrieval.search.scripts import (
    CJK_SCRIPTS,
    drop_stray_marks,
    has_other_scripts,
    letter_counts,
    runs,
)
from retrieval.search.snapshot import Snapshot
from retrieval.search.spelling import LONG_WORD, correct, slips
from retrieval.text import clean

CONTEXT_WEIGHT = 0.7  # a follow-up's carried-over terms count less than its own
REPEAT_POWER = 1.0  # a word asked n times weighs n ** REPEAT_POWER
# The carried-over terms together weigh at most this many times the follow-up's own words'
# count (each still at most CONTEXT_WEIGHT), for a follow-up of two words or more ("what shape
# are they?", "how many rounds since then?"): it asks something new of the earlier subject, which
# must stay in the search. At 1.5 (was 1.0): dev sets ml-dev2 hit@1 +2, sqlite-dev +2, docs-dev2
# +1, MRR up in dev, docs-dev, office-dev2; legal-dev hit@3 -1. A follow-up of one word keeps
# 1.0 (see weights): at 1.5 "那火卫二呢？" after the discovery of 火卫一 found 火卫一 again.
# Checked after on held-out: mddocs and mddocs-b hit@3 +1, uvicorn hit@1 +1, no hit@1 lost.
CONTEXT_SHARE = 1.5
# A follow-up that names what it asks about by a word pointing back ("when did that start?"
# after "Does China hold strategic dialogues with France?", "where was it held?"): its subject is
# the earlier question's, which weighs up to this many times its own words, one word or more.
# Only CONTEXT_SHARE before: with one word of its own ("start", "held") the context weighed as
# much as that word, and any passage saying "held" came first. Dev: china-dev hit@1 .659 -> .682,
# hit@3 .837 -> .861, debian-dev +1, office-dev2 +1 hit@1 and hit@3, legal-dev MRR -.003, the
# others unchanged. At 3.0: china-dev one more, legal-dev hit@3 -1. Not for a follow-up naming
# which of a kind it asks ("what shape are they?" after "Who discovered Phobos and Deimos?": the
# discovery passage came back over the one on their shape; followups.points_back).
POINTING_SHARE = 2.0
# An English question word at most RARE_PASSAGES passages hold is searched with its thesaurus
# synonyms too, each at ALTERNATIVE_WEIGHT of a word: the documents may say it otherwise.
RARE_PASSAGES = 2
ALTERNATIVE_WEIGHT = 0.3
# An English question is searched with its words' readings in the other languages of Latin
# script that the documents write them more often in, at this weight: French and Spanish
# passages say "configuration" and "modules" too, stemmed as French or Spanish words.
READING_WEIGHT = 1.0
# Only words of this many letters or more, or written in capitals: the words French or Spanish
# share with English by accident are short and common ("pain", "four", "coin", "main", "sale"),
# the cognates they share by meaning mostly long ("configuration", "modules", "hostname",
# "cache") or names written alike everywhere ("HTML", "SWF", "UTF-8").
READ_LETTERS = 5
SENTENCE_STOP_WORDS = 2  # English stop words that make a question an English sentence
ALTERNATIVES_PER_WORD = 6  # and together at most this many times the follow-up's own words
MISTYPED_STOP_LONGEST = 8  # letters: no stop word is longer, bar "yourselves" and "themselves"
SLIPPED_STOP_LETTERS = 5  # a stop word this long, a letter dropped or added, is still a slip
# The English stop words a question's slip may be of: the language's and the frames of questions
# ("happens", "please"), but none of two letters (a letter more is as often an abbreviation:
# "ini", "gif", "udp").
_STOP_WORDS_SLIPPED = frozenset(w for w in stop_words("en") | STOP_WORDS if len(w) > 2)
_NUMBER = re.compile(r"^\d[\d.]*$")
# English contractions as chat writes them, apostrophe or not ("doesnt", "theres"): function
# words of a question, like the stop words they contract, never what it asks about.
_CONTRACTIONS = frozenset(
    """arent cant couldnt didnt doesnt dont hadnt hasnt havent hes im isnt ive
    shes shouldnt thats theres theyre theyve wasnt werent whats wheres whos wont wouldnt youd
    youll youre youve""".split()
)
# A web address: with its scheme, or a host starting "www." (a bare "sqlite.org" may be asked about)
# (Not through a comma, a semicolon or a dash: "…/wal.html,and why" keeps its "and".)
_URL = re.compile(r"\b(?:https?://|ftp://|www\.)[^\s<>\",;—–]+", re.IGNORECASE)
_SENTENCE_ENDS = frozenset(".!?:;\"'«“(¿¡")
SEGMENTED = frozenset({"zh", "ja"})  # written without spaces: words found by segmentation
_NOUNS_CAPITALISED = frozenset({"de", "lb"})  # German, Luxembourgish
# "How old must one be?" asks an age, which a text states as "the Age of thirty Years", "aged
# 18", so "old" is searched as "age" (as 多大年纪 is as 岁, the unit of the answer; French
# "quel âge", Spanish "qué edad", Russian "с какого возраста" say the word), and as itself as
# a synonym of it would be ("18 years old"), not as a word of its own: "The old Senate chamber"
# is no age.
_HOW_OLD = re.compile(r"\bhow\s+old$", re.IGNORECASE)
_HOW_OLD_ASKED = re.compile(r"\bhow\s+old\b", re.IGNORECASE)
# "how long", "how far", "how high" ask a measure, which the passage gives ("5 minutes"), not
# the question's word, as Chinese 多久, 多长, 多远, 多高 are stop words: "how long until pods get
# kicked off a node that went dark?" was answered from a Chinese page quoting an English error,
# "… is too long", whose "long" weighed as much as the subject.
_HOW_MEASURED = re.compile(r"\bhow\s+(?:long|far|high)$", re.IGNORECASE)


@functools.lru_cache(maxsize=256)  # one question is read three times (language, terms, names)
def searchable(text: str) -> str:
    """A question as the analyzer should see it: repaired like a document (zero-width and
    control characters gone, NFC) and without stray combining marks, which would otherwise split
    "Z̷a̷l̷g̷o̷" text into letters (the marks a language's letters need, й or が, stay); a Russian
    question typed with the keyboard left in the English layout read back as Russian; no web
    address (:func:`without_links`) and no HTML tag (:func:`markup.without_tags`), its HTML
    entities read as their characters (:func:`markup.unescaped`)."""
    return mend_layout(drop_stray_marks(without_links(unescaped(without_tags(clean(text))))))


def without_links(text: str) -> str:
    """``text`` without the web addresses pasted into it ("… https://en.wikipedia.org/wiki/
    Belt_and_Road_Initiative"): their pieces ("wiki", "en", "org") are no words of the question,
    and were searched as such, so that a question answered without the link was declined with
    it. A bare host ("sqlite.org") stays: it may be what is asked about."""
    return _URL.sub(" ", text) if "://" in text or "www." in text.casefold() else text


def language_of(
    question: str, context: Sequence[str], analyzer: Analyzer, languages: Sequence[str]
) -> str:
    """The language of ``question`` among the corpus's ``languages``; a follow-up too short to
    tell ("and 2005?") keeps the language of the question before it."""
    prior = analyzer.detect(context[-1], languages) if context else None
    text = searchable(question)
    found = analyzer.detect(text, languages, prior=prior)
    if found == ENGLISH:
        # The English of a pasted message ("TypeError: obj.map is not a function что делать")
        # is not the language a question is asked in.
        found = asked_around(text, languages) or found
    if language(found).script != "latin" or not has_other_scripts(text):
        return found
    return _quoting_commands(text, languages) or found


def _quoting_commands(text: str, languages: Sequence[str]) -> str | None:
    """The corpus's language of another script that a question mostly in Latin letters is
    asked in: two words or more in that script (a Chinese character is half a word) and at
    most one English stop word. Every language writes its commands in Latin letters: "dpkg
    --get-selections > list.txt — это что?" is Russian, and read as French for its Latin
    letters its commands would be French words, which no Russian passage has."""
    words: Counter[str] = Counter()
    for run in runs(text):
        if run.script not in ("common", "latin"):
            size = run.end - run.start
            words[run.script] += (size + 1) // 2 if run.script in CJK_SCRIPTS else 1
    if not words or stop_word_hits(text, "en") > 1:
        return None
    script, count = words.most_common(1)[0]
    writing = [c for c in languages if script in scripts_of(language(c))]
    if not writing or (count < 2 and not _names_only(text, languages)):
        return None
    if len(writing) == 1:
        return writing[0]
    return detect(
        " ".join(text[r.start : r.end] for r in runs(text) if r.script == script), writing
    )


def _names_only(text: str, languages: Sequence[str]) -> bool:
    """Whether the Latin words of ``text`` are names: none is a stop word of a Latin-script
    language of the corpus. Then they tell no language, and the one word of another script
    does: "Kubernetes — это PaaS?" is Russian (read as Spanish for its two names, it was
    answered from the Spanish copy of a page the Russian documents hold too)."""
    latin = " ".join(text[r.start : r.end] for r in runs(text) if r.script == "latin")
    return not any(stop_word_hits(latin, c) for c in languages if language(c).script == "latin")


_SPANISH_MARKS = re.compile(r"[¿¡]")


def settle_language(
    question: str, lang: str, languages: Sequence[str], analyzer: Analyzer, snapshot: Snapshot
) -> str:
    """The detected ``lang``, unless the documents know at most half of the question's words
    read that way: then the corpus's language of the same script whose reading the documents
    know more words of, if its stop words are at least as many. A few words ("vacuum", "WAL
    mode") are not enough to tell English from French; the corpus is, but only when it plainly
    disagrees with the detector."""
    script = language(lang).script
    if script == "latin" and "es" in languages and _SPANISH_MARKS.search(question):
        return "es"  # only Spanish opens a question with "¿" ("¿Quién es Pangloss?")
    rivals = [c for c in languages if c != lang and language(c).script == script]
    if not rivals:
        return lang
    text = searchable(question)
    # Stop words of one language alone ("the", "what is it") are that language's, with nothing
    # to search: not a word of another ("the" in a few misread Catalan lines).
    if not only_stop_words(text, lang):
        for rival in rivals:
            if only_stop_words(text, rival):
                return rival

    def known(code: str) -> tuple[int, int]:
        terms = analyzer.terms(text, code)
        return sum(1 for t in terms if snapshot.index.passages_with(t)), len(terms)

    found, total = known(lang)
    if total and found / total > 0.5:
        return lang
    stops = stop_word_hits(text, lang)
    if not stops:
        # Typos leave the detector only a guess ("coment exposer mon aplication" read as
        # English); a stop word of one reading ("mon") is what the question plainly says.
        said = max(rivals, key=lambda rival: stop_word_hits(text, rival))
        if stop_word_hits(text, said):
            return said
    # Another reading wins only when the documents know more of its words (a count: a share
    # favours the language whose stop list drops more words) and it has at least as many stop
    # words: "A quoi sert la comande dch -i ?" stays French, not Spanish ("comand").
    best, most = lang, found
    for rival in rivals:
        rival_found, _ = known(rival)
        if rival_found > most and stop_word_hits(text, rival) >= stops:
            best, most = rival, rival_found
    return best


def _tokens(analyzer: Analyzer, text: str, lang: str, snapshot: Snapshot) -> tuple[Token, ...]:
    """``analyzer.tokens(text, lang)``, kept for the few texts asked last: a question is read
    three or four times (its terms, synonyms, readings, names), each reading the same tokens.
    (Kept by the text as read, :func:`_capitals_after_the` asking the documents: they change.)"""
    read = _capitals_after_the(text, analyzer, snapshot) if lang == "en" else text
    cache = _TOKENS.get(analyzer)
    if cache is None:
        cache = _TOKENS.setdefault(analyzer, {})
    found = cache.get((read, lang))
    if found is None:
        if len(cache) >= TOKENS_CACHED:
            cache.clear()
        found = cache[(read, lang)] = _asked_tokens(analyzer.tokens(read, lang), text, lang)
    return found


def _asked_tokens(tokens: Sequence[Token], text: str, lang: str) -> tuple[Token, ...]:
    """A question's tokens without those of the helper verbs a Japanese question ends a verb
    with (:func:`cjk.helper_endings`: できる, べき, たい …)."""
    spans = cjk.helper_endings(text) if lang == "ja" else ()
    if not spans:
        return tuple(tokens)
    return tuple(t for t in tokens if not any(a <= t.start and t.end <= b for a, b in spans))


# A short word in small letters after "the", and what a hyphen joins to it ("the us-led").
_AFTER_THE = re.compile(r"\b(?:the|The|THE)\s+([a-z]{2,3})\b(?:-([a-z]+))?")


def _capitals_after_the(text: str, analyzer: Analyzer, snapshot: Snapshot) -> str:
    """``text`` with a short word typed in small letters after "the" in capitals where it can
    only be the abbreviation of the synonyms those capitals are: "did china and the us agree"
    (the pronoun "us" never follows "the"), "the un" where no passage writes "un". Not where
    the documents write the word in small letters (a manual's "the cd command" is no Conference
    on Disarmament), nor where the word is a prefix ("the un-named official": unnamed is a
    word; "the us-led coalition" is the US's). Same length: the tokens' spans keep."""

    def capitals(found: re.Match[str]) -> str:
        word, joined = found.group(1), found.group(2)
        if joined and thesaurus.is_word(word + joined):
            return found.group(0)
        terms = analyzer.terms(word.upper(), "en")
        if not terms[:1] or not terms[0].startswith("_"):
            return found.group(0)  # no abbreviation of the synonyms
        small = analyzer.terms(word, "en")  # none for a stop word ("us")
        if small == terms or (small and snapshot.index.passages_with(small[0])):
            return found.group(0)
        start = found.start(1) - found.start(0)
        return found.group(0)[:start] + word.upper() + found.group(0)[start + len(word) :]

    return _AFTER_THE.sub(capitals, text) if "the" in text.casefold() else text


# Each analyzer's last texts' tokens, kept as long as the analyzer.
_TOKENS: weakref.WeakKeyDictionary[Analyzer, dict[tuple[str, str], tuple[Token, ...]]] = (
    weakref.WeakKeyDictionary()
)
TOKENS_CACHED = 64  # texts (a question and its conversation's, the languages it is read in)


def terms_of(text: str, analyzer: Analyzer, snapshot: Snapshot, lang: str = "en") -> list[str]:
    """The index terms of ``text``, with words the corpus lacks corrected where clearly meant."""
    return [term for term, _ in read_terms(text, analyzer, snapshot, lang)]


def read_terms(
    text: str, analyzer: Analyzer, snapshot: Snapshot, lang: str = "en"
) -> list[tuple[str, tuple[int, int]]]:
    """:func:`terms_of`, each term with the span of ``text`` (cleaned) it was read from."""
    found: list[tuple[str, tuple[int, int]]] = []
    clean_text = searchable(text)
    tokens: Sequence[Token] = _tokens(analyzer, clean_text, lang, snapshot)
    if lang == "zh":
        clean_text, tokens = _in_the_documents_characters(clean_text, tokens, analyzer, snapshot)
        # (a question of guesses alone, "中中中…", is searched as it is: it has nothing else)
        which = _which_dropped(tokens, clean_text)
        asked: Sequence[Token] = _yes_or_no_dropped(which, clean_text, analyzer) or tokens
        tokens = _guesses_split(asked, clean_text, snapshot) or asked
    # A Chinese compound the corpus never writes whole, though it has its parts, is searched
    # by its parts: it is no word the documents lack.
    parts_known = covered_unknowns(tokens, lambda t: snapshot.index.passages_with(t) > 0)
    if lang in SEGMENTED:
        parts_known |= _fragments_of_words(tokens, snapshot)
    for token in tokens:
        term = token.term
        if term in parts_known or (lang == "en" and token.word.replace("'", "") in _CONTRACTIONS):
            continue
        if lang == "en" and _HOW_MEASURED.search(clean_text, 0, token.end):
            continue
        if lang == "en" and token.word == "old" and _HOW_OLD.search(clean_text, 0, token.end):
            found.append((analyzer.stem("age"), (token.start, token.end)))
            continue
        if not snapshot.index.passages_with(term):
            if lang != "en" and term in STOP_WORDS:
                continue  # a keyword kept in a Chinese or Russian question ("is not defined")
            if _joined_only(token, clean_text):
                continue  # "inner-and" joined: its parts are searched, the join is no word
            if _mistyped_stop_word(token, clean_text):
                continue  # "abuot", "waht", "teh": a word the question means to skip
            if len(token.word) < LONG_WORD and clean_text[token.start : token.start + 1].isupper():
                found.append((term, (token.start, token.end)))  # a name ("Paris"), not "pairs"
                continue
            term = correct(token, analyzer, snapshot) or term
        found.append((term, (token.start, token.end)))
    if lang == "es":
        found += _unstressed(tokens, found, clean_text, analyzer, snapshot)
    return found


def _unstressed(
    tokens: Sequence[Token],
    found: Sequence[tuple[str, tuple[int, int]]],
    text: str,
    analyzer: Analyzer,
    snapshot: Snapshot,
) -> list[tuple[str, tuple[int, int]]]:
    """A Spanish question's verbs read without the diphthong their stress gives them too
    ("¿cómo cierro …?": cerr, as "queda cerrado" is written; :func:`spanish_unstressed`), where
    the documents write that form. Only the question's words are read so: read in the passages
    too, every "puerta" was also "porta", every "nuevo" "nov" (dev: as many answers lost as won).
    Not a name, capitalised after the first word: "Puerto Rico" is no form of portar.
    """
    searched = {term for term, _ in found}
    added: list[tuple[str, tuple[int, int]]] = []
    first = next((t.start for t in tokens), 0)
    for token in tokens:
        if token.term not in searched or not token.term.startswith("es:"):
            continue
        if token.start > first and text[token.start : token.start + 1].isupper():
            continue
        stem = _verb_reading(token, text, analyzer, snapshot)
        if stem and stem not in searched:
            searched.add(stem)
            added.append((stem, (token.start, token.end)))
    return added


_WORD_BEFORE = re.compile(r"(\w+)\W*$")
_OF_AFTER = re.compile(r"\s+del?\b", re.IGNORECASE)
_LOOK_BACK = 40  # characters before a word its article or preposition is looked for in


def _verb_reading(token: Token, text: str, analyzer: Analyzer, snapshot: Snapshot) -> str | None:
    """The stem of a Spanish question word read without its diphthong, where it may be a verb:
    not a plural (puertas, nuevos: a verb's forms in -s are the tú forms questions hardly use),
    not after an article, determiner or preposition (:func:`spanish_noun_after`: "una cuenta",
    "de nuevo") nor before "de" ("cuenta de usuario"), and only where the documents write
    that stem's infinitive, participle or gerund (:func:`spanish_verb_forms`: cerrar,
    cerrado), never only its nouns (nuevo: nov, viento: ventas)."""
    word = token.word.partition(":")[2]
    reading = spanish_unstressed(word)
    if reading is None or word.endswith("s"):
        return None
    before = _WORD_BEFORE.search(text[max(0, token.start - _LOOK_BACK) : token.start])
    if before and spanish_noun_after(before.group(1)):
        return None
    if _OF_AFTER.match(text, token.end):  # "cuenta de usuario", "fuente de datos": a noun's
        return None
    stem = analyzer.stem(reading, "es")
    forms = spanish_verb_forms(stem.partition(":")[2])
    if any(found == stem for found in snapshot.words.find([f"es:{f}" for f in forms])):
        return stem
    return None


def word_shares(read: Sequence[tuple[str, tuple[int, int]]]) -> dict[str, float]:
    """Each term of ``read`` (:func:`read_terms`) → the share of its word it stands for: a word
    read as several terms, their spans overlapping, is split evenly among them ("UTF-8": utf8,
    utf and 8; 普通用户: 普通, 普通用户 and 用户; a Russian word's two stems); a word read as one
    term is that term whole. A term of two words keeps its larger share."""
    words: list[tuple[int, set[str]]] = []  # each word's end and terms
    for term, (start, stop) in sorted(read, key=lambda item: item[1]):
        if words and start < words[-1][0]:
            end, terms = words[-1]
            terms.add(term)
            words[-1] = (max(end, stop), terms)
        else:
            words.append((stop, {term}))
    shares: dict[str, float] = {}
    for _, terms in words:
        for term in terms:
            shares[term] = max(shares.get(term, 0.0), 1 / len(terms))
    return shares


def _in_the_documents_characters(
    text: str, tokens: Sequence[Token], analyzer: Analyzer, snapshot: Snapshot
) -> tuple[str, Sequence[Token]]:
    """A Chinese question in the characters the documents are written in, and its tokens: one
    typed in traditional characters (升級軟體) asks a corpus in simplified ones (升级软件) as
    if typed in them, and the other way round. Tried only when some Chinese word of the
    question is in no passage; the form whose Chinese words the documents know best, the
    question as typed unless another is plainly better."""

    def score(found: Sequence[Token]) -> int:
        han = [t.term for t in found if t.term.startswith("zh:")]
        known = sum(1 for term in han if snapshot.index.passages_with(term))
        return 2 * known - len(han)  # known words less those the documents lack

    best = score(tokens)
    if best == sum(1 for t in tokens if t.term.startswith("zh:")):
        return text, tokens  # every Chinese word is in the documents as typed
    for other in cjk.other_characters(text, writes_traditional(snapshot)):
        found = analyzer.tokens(other, "zh")
        if score(found) > best:
            text, tokens, best = other, found, score(found)
    return text, tokens


# A Chinese question asking which division or passage ("哪一条规定了自卫权？" "which article is
# about self-defence?", 哪条, 第几条, 哪一章, 哪一节, 哪一段) asks with a question word, as "which
# article" does: its pieces are no words of the answer, and 一条 ("one article") matched the
# end of 第八十一条 in a list of articles cited.
_WHICH_DIVISION = re.compile(r"(?:哪|第几)一?[条章节款段篇]")


def _which_dropped(tokens: Sequence[Token], text: str) -> list[Token]:
    """The tokens less those inside a question word asking which division (see
    :data:`_WHICH_DIVISION`)."""
    spans = [m.span() for m in _WHICH_DIVISION.finditer(text)]
    return [t for t in tokens if not any(a <= t.start and t.end <= b for a, b in spans)]


# A Chinese yes-no question asks "V not V": 能不能 (can or cannot), 有没有, 是不是, 会不会,
# 可不可以. jieba cuts the form as it likes (能 + 不能, 可不 + 不可 + 可以), and a negation
# inside it (不能 "cannot", 没有 "has not") is no word of what is asked.
_YES_OR_NO = re.compile(r"([\u3400-\u9fff])[不没]\1")


def _yes_or_no_dropped(tokens: Sequence[Token], text: str, analyzer: Analyzer) -> list[Token]:
    """The tokens less those holding the negation of a "V not V" question form (see
    :data:`_YES_OR_NO`), with V itself kept: 卡不卡 ("does it lag?") asks about 卡."""
    forms = list(_YES_OR_NO.finditer(text))
    if not forms:
        return list(tokens)
    negations = [form.start() + 1 for form in forms]
    kept = [t for t in tokens if not any(t.start <= at < t.end for at in negations)]
    for form in forms:
        if not any(t.start <= form.start() < t.end for t in kept):  # jieba kept V only inside
            at = form.start()  # the whole form: V is searched as the word it is alone
            kept += [t._replace(start=at, end=at + 1) for t in analyzer.tokens(form[1], "zh")]
    return sorted(kept, key=lambda t: t.start)


def _guesses_split(tokens: Sequence[Token], text: str, snapshot: Snapshot) -> Sequence[Token]:
    """The Chinese tokens with each word that no passage has and jieba's dictionary lacks read
    as the dictionary's words of two characters or more in it (stop words dropped).

    jieba joins characters no dictionary word covers into a new word by its guessing model:
    那用 of "那用 apt-get 呢？", 想换个 of "想换个终端字型", 这台 of "我这台机器". A question's
    guesses rarely meet the documents' guesses, and each counted against the answer as a word
    the documents lack (answers hedged or declined). A single character of a guess that some
    passage has as a word is not searched: alone such characters are mostly function words and
    measure words (那, 想, 个, 台), and searched at a word's weight they drew passages on other
    things. One no passage has stays, a word the documents may lack (猫 in a corpus on
    packages), unless they write it inside their words (see :func:`_fragments_of_words`).
    """
    out: list[Token] = []
    stops = stop_words("zh")
    spans = {(t.start, t.end) for t in tokens}  # search mode gives a compound's parts already
    for token in tokens:
        word = token.term.removeprefix("zh:")
        if len(word) < 2 or word == token.term or snapshot.index.passages_with(token.term):
            out.append(token)
            continue
        pieces = cjk.dictionary_words(text[token.start : token.end])
        if (word, 0, len(word)) in pieces:
            # A dictionary word the documents lack: an idiom they tell in other words is
            # searched by its parts they write (草船借箭: 草船, 借箭), else it stays, lacking.
            parts = _written_parts(word, pieces, snapshot)
            out += [
                Token("zh:" + p, token.start + a, token.start + b, "zh:" + p) for p, a, b in parts
            ]
            if not parts:
                out.append(token)
            continue
        for piece, start, end in pieces:
            span = (token.start + start, token.start + end)
            term = "zh:" + piece
            if piece in stops or span in spans:
                continue
            if len(piece) > 1 or not snapshot.index.passages_with(term):
                out.append(Token(term, *span, term))
    return out


def _written_parts(
    word: str, pieces: Sequence[tuple[str, int, int]], snapshot: Snapshot
) -> list[tuple[str, int, int]]:
    """The parts of a Chinese dictionary word of three characters or more that passages write
    as words: its dictionary words of two characters or more, and the runs of two or more
    characters between them (借箭 of 草船借箭 is no dictionary word, but the novel's)."""
    if len(word) < 3:
        return []
    parts = [(p, a, b) for p, a, b in pieces if 2 <= len(p) < len(word)]
    covered = {at for _, a, b in parts for at in range(a, b)}
    start = None
    for at in range(len(word) + 1):
        if at < len(word) and at not in covered:
            start = at if start is None else start
        elif start is not None:
            if at - start >= 2:
                parts.append((word[start:at], start, at))
            start = None
    return sorted(p for p in parts if snapshot.index.passages_with("zh:" + p[0]))


def _mistyped_stop_word(token: Token, text: str) -> bool:
    """Whether ``token``, a word no passage has, is an English stop word mistyped
    (:func:`_slip_of_a_stop_word`), and no dictionary word: searched as a word the documents
    lack, it made "how does china see teh UN" look like a question on something else, and
    declined it.

    In another language only a long stop word with a doubled letter typed once ("coment"):
    no dictionary here tells its words from slips, and many are a letter from one of its stop
    words ("peso" from "eso", "voter" from "votre", "sens" from "ses", "тема" from "тем"):
    skipped, the word the question asks about went unseen, and a question on something the
    documents lack was answered. Nor a name, written with a capital
    past the question's first word or in capitals ("Ian", "ISO", "Moe"), which no dictionary
    holds either. Nor a letter added to a stop word of two: those three letters are as often an
    abbreviation ("ini" from "in", "gif" from "if", "udp" from "up") as a slip, and a question on
    an .ini file was answered from passages on files."""
    code, _, word = token.word.rpartition(":")
    if code:
        return _stop_word_dropping_a_letter(word, code)
    if not 3 <= len(word) <= MISTYPED_STOP_LONGEST or thesaurus.is_word(word):
        return False
    written = text[token.start : token.end]
    first = next((i for i, ch in enumerate(text) if ch.isalnum()), 0)
    if written[:1].isupper() and (token.start > first or written.isupper()):
        return False
    return _slip_of_a_stop_word(word)


def _slip_of_a_stop_word(word: str) -> bool:
    """Whether ``word`` is an English stop word with two letters next to each other swapped
    ("teh", "waht", "abuot"), or one of :data:`SLIPPED_STOP_LETTERS` letters or more with a
    letter dropped or added ("hapens", "abot"), its first letter kept. A letter added to a
    shorter one, or dropped from it, gives the names of tools and abbreviations as often as
    slips: "wget" and "goto" from "get" and "got", "perl" from "per", "whois" from "whos",
    "sys" from "says", "int" from "into"; skipped, a question on wget was answered from the
    passage on curl. So does a slip of a word's first letter ("aws" from "was"). (Dev: "wat
    happens if …" is now searched with "wat" and hedged, its first passage a wrong one.)"""
    return any(
        meant[0] == word[0] and (len(meant) == len(word) or len(meant) >= SLIPPED_STOP_LETTERS)
        for meant in slips(word) & _STOP_WORDS_SLIPPED
    )


def _stop_word_dropping_a_letter(word: str, code: str) -> bool:
    """Whether ``word``, of a language other than English, is one of its stop words with one
    of a doubled letter dropped, and long (:data:`LONG_WORD` letters or more): the commonest
    slip ("coment exposer mon aplication" searched "moment", the French word a letter from
    "coment" most passages hold). Another letter dropped may leave a real word ("commet" from
    "comment", German "Sonden" from "sondern": a reviewer's cases), and so may one added or
    swapped: no dictionary here tells "peso" from a slip of "eso"."""
    if len(word) < LONG_WORD:
        return False
    longer = (stop for stop in stop_words(code) if len(stop) == len(word) + 1)
    return any(
        stop[i] == stop[i + 1] and stop[:i] + stop[i + 1 :] == word
        for stop in longer
        for i in range(len(stop) - 1)
    )


def _joined_only(token: Token, text: str) -> bool:
    """Whether ``token`` is only the parts of a hyphenated or dotted word written together:
    "inner-and" as innerand, French "existe-t-il" as fr:existetil, "sait-on", Russian "из-за"
    (a question's inversion, which no one writes joined), or "websocket.close" as
    websocketclose where the documents write it otherwise. Its parts are searched; the join
    is no word the documents lack."""
    span = text[token.start : token.end]
    dotted = "." in span and is_dotted_name(span)
    if "-" not in span and not dotted:
        return False
    joined = span.replace(".", "") if dotted else span.replace("-", "")
    code, _, word = token.word.rpartition(":")
    return word == language(code or "en").fold(joined)


def _fragments_of_words(tokens: Sequence[Token], snapshot: Snapshot) -> set[str]:
    """Unknown terms that are but pieces of a word: jieba's search mode gives a word and its
    fragments (记录下来 → 记录, 录下, 录下来, 记录下来). One overlapping a word the corpus
    knows, or inside a longer unknown one, is no further word the documents lack; nor is a lone
    character the documents write inside their words: spoken Chinese shortens a compound to one
    of its characters (装 for 安装). One they never write (猫 in a corpus on packages) is."""
    known: list[Token] = []
    unknown: list[Token] = []
    for t in tokens:
        (known if snapshot.index.passages_with(t.term) else unknown).append(t)
    return {
        t.term
        for t in unknown
        if (t.end - t.start == 1 and t.term.rpartition(":")[2] in _characters_in_words(snapshot))
        or any(k.start < t.end and t.start < k.end for k in known)
        or any(
            u.start <= t.start and t.end <= u.end and u.end - u.start > t.end - t.start
            for u in unknown
        )
    }


def _characters_in_words(snapshot: Snapshot) -> frozenset[str]:
    """The characters the documents write inside Chinese or Japanese words of two or more
    (read once per index version, when a question first needs them)."""
    words = snapshot.words
    found = _CHARACTERS.get(id(words))
    if found is None:
        characters: set[str] = set()
        for code in sorted(SEGMENTED):
            for word in words.starting(f"{code}:"):  # only these are read
                written, _, body = word.rpartition(":")
                if written == code and len(body) > 1:
                    characters.update(body)
        found = _CHARACTERS[id(words)] = frozenset(characters)
        weakref.finalize(words, _CHARACTERS.pop, id(words), None)  # gone with the version
    return found


# The characters inside an index version's words, by its word list's id.
_CHARACTERS: dict[int, frozenset[str]] = {}


def writes_traditional(snapshot: Snapshot) -> bool:
    """Whether the documents write traditional Chinese characters (once per index version:
    its characters are one frozenset, cached with it)."""
    return _traditional(_characters_in_words(snapshot))


@functools.lru_cache(maxsize=8)  # a few index versions or libraries at once
def _traditional(characters: frozenset[str]) -> bool:
    return cjk.writes_traditional("".join(sorted(characters)))


def _script_of(word: str) -> str:
    counts = letter_counts(word)
    return max(counts, key=counts.__getitem__) if counts else "latin"


def unknown_names(
    text: str,
    analyzer: Analyzer,
    snapshot: Snapshot,
    lang: str = "en",
    searched: Collection[str] | None = None,
) -> list[str]:
    """The names ``text`` asks about that no passage holds: words written with a capital
    inside a sentence ("… in Lisbon tomorrow?"), which no spelling correction finds either.
    ``searched``: the terms the question was searched with (those of :func:`terms_of`), where
    a corrected word no longer stands as written.

    Not in languages that capitalise every noun, nor in scripts without capitals.
    """
    script = language(lang).script
    if lang in _NOUNS_CAPITALISED or script not in ("latin", "cyrillic", "greek"):
        return []  # no capitals to go by; a Latin "WiFi" in Chinese is any product's name
    if searched is None:
        searched = set(terms_of(text, analyzer, snapshot, lang))
    clean_text = searchable(text)
    # Only words of the question's own script: a Latin product name ("WiFi") in a Russian
    # question names no subject. (In Latin letters alone, every word is of Latin script.)
    tokens = list(_tokens(analyzer, clean_text, lang, snapshot))
    if script != "latin" or has_other_scripts(clean_text):
        tokens = [t for t in tokens if _script_of(clean_text[t.start : t.end]) == script]
    # Title Case or shouting: the capitals name nothing. Told without the names the documents
    # know (written with a capital, or read as a name they hold: "China" as _china): "China"
    # and "Russia" in a question on China's foreign policy are capitalised as names, not as a
    # title's words, and "… say about Georgia" names Georgia.
    # Every word counts, stop words too ("what do … say about"): the names may be all its
    # other words. Dev (2026-12-05, fourteen sets): only china-dev moved, unanswerable caught
    # 60% -> 64% (one answered now hedged, three hedged now declined), one answerable question
    # (whose first passage was wrong) hedged -> declined; IR declines unchanged.
    named = {t.start for t in tokens if _known_name(clean_text, t, snapshot, searched)}
    cased = [m.group() for m in _LETTERS.finditer(clean_text) if m.start() not in named]
    if script != "latin" or has_other_scripts(clean_text):
        cased = [word for word in cased if _script_of(word) == script]
    capitals = sum(word[:1].isupper() for word in cased)
    # Half is enough: a pasted log line, its known names told apart, may leave two words
    # ("Warning  FailedScheduling  Insufficient memory" was declined for "Insufficient").
    if capitals * 2 >= len(cased):
        return []
    names = []
    for token in tokens:
        written = clean_text[token.start : token.end]
        if not written[:1].isupper():
            continue
        before = clean_text[: token.start].rstrip()
        if not before or before[-1] in _SENTENCE_ENDS:
            continue  # a sentence's first word is capitalised whatever it is
        if token.word.replace("'", "") in _CONTRACTIONS:
            continue  # "I'm"
        if snapshot.index.passages_with(token.term) or token.term not in searched:
            continue  # in the documents, or corrected to a word that is
        names.append(written)
    return names


_LETTERS = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")  # a word, "China's" one


def _known_name(text: str, token: Token, snapshot: Snapshot, searched: Collection[str]) -> bool:
    """Whether ``token`` is written with a capital in ``text`` and names what the documents
    write with one, or was searched as another term (a name's group, "China" as _china)."""
    return text[token.start : token.start + 1].isupper() and (
        token.term in snapshot.proper or token.term not in searched
    )


def weights(
    question: str,
    context: Sequence[str],
    analyzer: Analyzer,
    snapshot: Snapshot,
    lang: str = "en",
    languages: Sequence[str] = (),
    read_in: Collection[str] | None = None,
    pointing: bool = False,
) -> Weights:
    """The weighted terms searched for ``question`` after the earlier questions ``context``
    (oldest first). They are read in order, each one that names its own place or year replacing
    those before it, so "and in 2003?" after "… Pakistan?" keeps Pakistan, not the Russia before.
    ``languages``: the corpus's, most passages first (an English question to documents mostly
    in others is searched in their readings of its words too, see :func:`_readings`).
    ``read_in``: the languages an English word may be read in (:func:`reading_languages`);
    None: every one. ``pointing``: see POINTING_SHARE."""
    before, carried, context_shares = _read_context(context, analyzer, snapshot, lang)
    read_own = read_terms(question, analyzer, snapshot, lang)
    own = [term for term, _ in read_own]
    carry(carried, own, snapshot.proper)
    # A word the question repeats matters more to it, as in Lucene and bm25s.
    result = {term: float(count) ** REPEAT_POWER for term, count in Counter(own).items()}
    added = [term for term in carried if term not in result]
    own_shares = word_shares(read_own)
    # The context fills in what the follow-up lacks, weighed in words (:func:`_context_share`).
    share = _context_share(_words(own_shares, result), _words(context_shares, added), pointing)
    result.update(dict.fromkeys(added, share))
    # Synonyms (words written as one too) only for a question sharing words with the documents:
    # one sharing none is about something else, and its synonyms find passages on that. But
    # a question typed as one word asks for that thing under any name: "Zoloft" finds
    # sertraline (NFCorpus: declined 16 -> 14 of 323, nDCG@10 +.001). Not "What is love?": a
    # sentence. English only: a Spanish word alone, "clave", found police arresting suspects.
    one_word = len(searchable(question).split()) == 1 and lang == "en"
    shares = lang in thesaurus.LANGUAGES and (
        any(snapshot.index.passages_with(t) for t in own) or one_word
    )
    found = _synonyms(question, read_own, analyzer, snapshot, lang) if shares else ()
    alternatives, also = _attributed(found, result)
    alternatives.update(_old_for_age(question, lang, own, result))
    result.update(dict.fromkeys(alternatives, ALTERNATIVE_WEIGHT))
    for group, word, weight in _groups_named(own, analyzer, snapshot):
        if group not in result:
            result[group] = weight
            alternatives[group] = word
    read = functools.partial(_read_elsewhere, analyzer, snapshot, lang, languages, read_in)
    readings = {r: word for r, word in read(own, question) if r not in result}
    result.update(dict.fromkeys(readings, READING_WEIGHT))
    alternatives.update(readings)
    # A follow-up saying nothing of its own ("а почему?" after "Кто такой Pangloss?") searches
    # the subject as it was read then (the French tale's fr:pangloss, not the English term no
    # passage has). One with words of its own searches those: "¿y sobre Corea?" to English
    # documents is not answered by what they say of China alone.
    for earlier, terms in zip(context, before, strict=True) if not own else ():
        for r, word in read(terms, earlier):
            if word in added and r not in result:
                result[r] = share
    parts = {t: context_shares[t] for t in added if t in context_shares} | own_shares
    return Weights(result, alternatives, readings, parts, also)


def _read_context(
    context: Sequence[str], analyzer: Analyzer, snapshot: Snapshot, lang: str
) -> tuple[list[list[str]], dict[str, None], dict[str, float]]:
    """The terms of each earlier question of ``context``; the subject they carry so far (an
    ordered set of terms, :func:`carry`); and each term's share of its word
    (:func:`word_shares`)."""
    before: list[list[str]] = []
    carried: dict[str, None] = {}
    shares: dict[str, float] = {}
    for earlier in context:
        read = read_terms(earlier, analyzer, snapshot, lang)
        before.append([term for term, _ in read])
        carry(carried, before[-1], snapshot.proper)
        shares.update(word_shares(read))
    return before, carried, shares


def _words(shares: Mapping[str, float], terms: Iterable[str]) -> float:
    """How many words ``terms`` stand for, each term its share of its word (``shares``:
    :func:`word_shares`)."""
    return sum(shares.get(term, 1.0) for term in terms)


def _attributed(
    found: Iterable[tuple[str, str]], searched: Collection[str]
) -> tuple[dict[str, str], dict[str, str]]:
    """The synonyms ``found`` (``(synonym's term, word's term)``) not ``searched`` already,
    each → the word it was searched for, and those searched for two words ("thread safe":
    threadsafe) → the second."""
    alternatives: dict[str, str] = {}
    also: dict[str, str] = {}
    for term, word in found:
        if term not in searched and alternatives.setdefault(term, word) != word:
            also[term] = word
    return alternatives, also


def _context_share(own: float, added: float, pointing: bool = False) -> float:
    """The weight of each term the earlier questions add to a follow-up, ``added`` words (a
    word read as several terms counts once) to its ``own``: however many words the earlier
    questions had, together they weigh at
    most :data:`CONTEXT_SHARE` times the follow-up's own words' count. One word of its own names
    what the follow-up asks about instead ("and Deimos?"): the context, the earlier question's
    subject and what it asked, must not outweigh it. But a follow-up ``pointing`` back ("when
    did that start?", "where was it held?") asks of that subject: its one word is no new one.
    Words, not terms: "et cargo-audit ?" after "Qu'est-ce que cargo-outdated ?" names one word of
    its own (read as cargoaudit, cargo and audit), and the earlier question's one word
    (cargooutdated, outdated) must not outweigh it twice over."""
    ratio = max(CONTEXT_SHARE if own > 1 else 1.0, POINTING_SHARE if pointing else 0.0)
    return CONTEXT_WEIGHT * min(1.0, ratio * max(own, 1) / max(added, 1))


_NAME_IN = re.compile(r"\w\W+[A-Z][a-z]")  # a capitalised word after the first


def _read_elsewhere(
    analyzer: Analyzer,
    snapshot: Snapshot,
    lang: str,
    languages: Sequence[str],
    read_in: Collection[str] | None,
    own: Collection[str],
    question: str,
) -> Iterator[tuple[str, str]]:
    """The readings in other languages of a question's words (see :func:`weights`)."""
    # Not in a corpus with no other Latin-script language of any share (most English ones):
    # reading each word in the other languages is a third of weighing a question.
    latin = any(code in _READ_IN for code in languages)
    if lang == "en" and (
        read_in is None
        or any(code in _READ_IN for code in read_in)
        or (latin and (_NAME_IN.search(question) or _scarce(own, snapshot)))
    ):
        # (a name, "Kyle Busch", is looked for in every language: a Portuguese page of
        # results in an English corpus writes it too; so is a word English passages barely
        # write, "pavimenta2", the tool a Spanish manual beside English ones describes)
        minor = bool(languages) and languages[0] != "en"
        return _readings(own, question, analyzer, snapshot, minor, read_in)
    if lang != "en":
        return _foreign_readings(own, question, analyzer, snapshot, lang)
    return iter(())


def _old_for_age(
    question: str, lang: str, own: Sequence[str], searched: Mapping[str, float]
) -> dict[str, str]:
    """ "old" as a synonym of "age" where "how old" was searched as "age" ("18 years old")."""
    asked = lang == "en" and "age" in own and _HOW_OLD_ASKED.search(question) is not None
    return {"old": "age"} if asked and "old" not in searched else {}


class Weights(dict[str, float]):
    """The terms searched and their weights. ``alternatives``: each synonym searched for a
    question word the corpus lacks or barely has → that word's term (not words of the
    question themselves, so the judge does not count them against it). ``readings``: those
    of the alternatives that are the same word in another language (fr:configur for
    "configuration"), which say all the word says. ``shares``: each of the question's own
    terms, and each its earlier questions add, → the share of its word it stands for
    (:func:`word_shares`). ``also``: each
    alternative standing for two of its words (:func:`_written_as_one`) → the other's term."""

    def __init__(
        self,
        weights: dict[str, float],
        alternatives: dict[str, str],
        readings: dict[str, str] | None = None,
        shares: dict[str, float] | None = None,
        also: dict[str, str] | None = None,
    ) -> None:
        super().__init__(weights)
        self.alternatives = alternatives
        self.readings = readings or {}
        self.shares = shares or {}
        self.also = also or {}

    def words_of(self, term: str) -> tuple[str, ...]:
        """The terms of the question's words ``term`` stands for: itself, or those of the
        words a synonym was searched for."""
        if term not in self.alternatives:
            return (term,)
        second = self.also.get(term)
        return (self.alternatives[term], second) if second else (self.alternatives[term],)


def _groups_named(
    own: Sequence[str], analyzer: Analyzer, snapshot: Snapshot
) -> Iterator[tuple[str, str, float]]:
    """``(group's term, word's term, weight)`` for the synonym groups whose forms hold the
    question's own words (every form of a group is indexed as the group's term, not as its
    words). The question's one word no passage holds ("missile", where the documents say only
    "anti-missile" and "missile defence") is searched as its group, at a word's weight, the word
    itself still one the documents lack; two such words are another subject ("polar vortex" is
    no multi-polarization). Two or more of its words in one form ("shanghai cooperation") search
    the group as a synonym is, at :data:`ALTERNATIVE_WEIGHT` (dev MRR -.001, heldout-b hit@3
    +1; at a word's weight dev hit@1 fell by two)."""
    unique = list(dict.fromkeys(own))
    holding: dict[str, list[str]] = {}
    for term in unique:
        for group in analyzer.groups_holding(term):
            holding.setdefault(group, []).append(term)
    if not holding:
        return  # most questions: no word of theirs is inside a synonym's form
    index = snapshot.index
    # One word the documents lack is read inside their forms; with two or more, the question
    # is about something they do not hold ("polar vortex" is no multi-polarization).
    lacking = [t for t in unique if not index.passages_with(t)]
    for group, terms in holding.items():
        if not index.passages_with(group):
            continue
        if len(lacking) == 1 and terms == lacking:
            yield group, terms[0], 1.0  # what the documents say for the word
        elif len(terms) >= 2:
            yield group, terms[0], ALTERNATIVE_WEIGHT


def _alternatives(
    question: str, analyzer: Analyzer, snapshot: Snapshot, lang: str
) -> Iterator[tuple[str, str]]:
    """``(synonym's term, word's term)`` for the question words at most :data:`RARE_PASSAGES`
    passages hold: "sluggish" is searched with "slow" too, "coches" with "automóvil"."""
    for token in _tokens(analyzer, searchable(question), lang, snapshot):
        if token.term.startswith("_") or snapshot.index.passages_with(token.term) > RARE_PASSAGES:
            continue  # a word the documents use, or one of the synonym groups of data/
        for term in thesaurus.alternatives(token, lang, analyzer, ALTERNATIVES_PER_WORD):
            if term != token.term and snapshot.index.passages_with(term):
                yield term, token.term


def _synonyms(
    question: str,
    read: Sequence[tuple[str, tuple[int, int]]],
    analyzer: Analyzer,
    snapshot: Snapshot,
    lang: str,
) -> Iterator[tuple[str, str]]:
    """``(synonym's term, word's term)``: the thesaurus's (:func:`_alternatives`) and two
    words the documents write as one (:func:`_written_as_one`)."""
    yield from _alternatives(question, analyzer, snapshot, lang)
    yield from _written_as_one(question, read, analyzer, snapshot, lang)


def _written_as_one(
    question: str,
    read: Sequence[tuple[str, tuple[int, int]]],
    analyzer: Analyzer,
    snapshot: Snapshot,
    lang: str,
) -> Iterator[tuple[str, str]]:
    """``(joined term, word's term)``, for the first word and then the second, for two words
    of an English question, one after the other with only a space between them, that the
    documents write as one word ("thread safe": threadsafe, "single line": singleline), the
    first as typed or as corrected ("thred safe"). At :data:`ALTERNATIVE_WEIGHT`, as a
    synonym: a word written with a hyphen is indexed joined too ("WAL-mode": walmode, wal,
    mode), and at a word's weight "wal mode" counted such passages twice (dev: sqlite-dev
    lost two questions from the top ten). At 0.3: docs-dev2 hit@1 +1 ("single line"), "is
    sqlite thred safe" found 7th (was past the tenth), debian-dev MRR -.002, the other sets
    unchanged. Only for a question sharing words with the documents (see :func:`weights`):
    "where is the green house" to documents on a greenhouse gas report alone was hedged."""
    if lang != "en":
        return
    text = searchable(question)
    for (first, (a, b)), (second_term, (c, d)) in itertools.pairwise(read):
        if b >= c or text[b:c] != " " or not (text[a:b] + text[c:d]).isalpha():
            continue
        second = text[c:d].casefold()
        for joined in dict.fromkeys((text[a:b].casefold() + second, first + second)):
            terms = analyzer.terms(joined, "en")
            if len(terms) == 1 and snapshot.index.passages_with(terms[0]):
                yield terms[0], first
                yield terms[0], second_term
                break


# The languages an English word is read in too: those of Latin script, English aside.
_READ_IN = tuple(c for c, lang in LANGUAGES.items() if lang.script == "latin" and c != "en")
READ_IN_SHARE = 0.3  # of the corpus's passages: a language an English word may be read in
# A word English does not have (no word of its thesaurus: "pavimenta2", not "chair") that
# another language writes READ_OVER times as often as English passages do is read in that
# language whatever its share; looked for when a question word is in at most SCARCE passages
# as English writes it (the tool's name stood in two, a title and its caption).
SCARCE = 5
READ_OVER = 2


def _scarce(own: Collection[str], snapshot: Snapshot) -> bool:
    """Whether a word of the question's own (not a synonym group's) is in at most
    :data:`SCARCE` passages as English writes it (whether English has the word is asked of
    each word by :func:`_readings`)."""
    index = snapshot.index
    return any(not t.startswith("_") and index.passages_with(t) <= SCARCE for t in own)


def reading_languages(passages: Mapping[str, int]) -> frozenset[str]:
    """The languages an English question's words may be read in, given how many passages each
    language has: one holding :data:`READ_IN_SHARE` of them, or at least as many as English.
    A few French pages in an English corpus are no reason to read "chair" as French flesh;
    in a corpus of five languages (Chinese, Spanish, French, English, Russian, a sixth to a
    third each), each of those that English does not outnumber is one to read in."""
    total = sum(passages.values())
    least = min(READ_IN_SHARE * total, passages.get("en", 0))
    return frozenset(code for code, n in passages.items() if n and n >= least and code != "en")


def _readings(
    own: Collection[str],
    question: str,
    analyzer: Analyzer,
    snapshot: Snapshot,
    english_minor: bool = False,
    read_in: Collection[str] | None = None,
) -> Iterator[tuple[str, str]]:
    """``(term of another language, English word's term)`` for the question's own words that
    the documents write more often in another Latin-script language than in English
    ("configuration" is fr:configur in French passages): a question asked in English finds the
    passages of a corpus in French or Spanish. Each passage holds only its own language's
    reading, so it is scored on the word once. A corpus mostly in English, with a few pages in
    French, writes its words more in English; and a word of fewer than :data:`READ_LETTERS`
    letters is not read ("pain" no English passage writes is no French bread), nor any word in
    a language holding no real share of the corpus (``read_in`` of :func:`weights`).

    Where English is not the corpus's main language (``english_minor``) a question written as
    an English sentence (two English stop words or more) is searched in every reading the
    documents have, "hostname" as es:hostnam too, though Chinese passages write it more; a bare
    list of commands is every language's, and keeps to the words each writes most. Not for a
    question holding words of another script (Russian or Chinese read as English for its
    commands): it is no English one."""
    text = searchable(question)
    if has_other_scripts(text):
        return
    every = english_minor and stop_word_hits(text, "en") >= SENTENCE_STOP_WORDS
    index = snapshot.index
    for token in _tokens(analyzer, text, "en", snapshot):
        if token.term not in own or token.term.startswith("_"):
            continue  # a corrected word, a synonym group of data/ or a stop word
        if len(token.word) < READ_LETTERS and not _acronym(text[token.start : token.end]):
            continue  # "pain" is bread in French, "four" an oven: no reading of the word
        english = index.passages_with(token.term)
        name = _foreign_name(text[token.start : token.end], text[: token.start], "en")
        for term in _read_in_other_languages(token.word, analyzer):
            found = index.passages_with(term)
            # A language holding no real share of the corpus: a name is read in it, and a word
            # English does not have that it writes READ_OVER times as often as English
            # passages do ("pavimenta2"; "chair" is an English word, no French flesh).
            minor = read_in is not None and term.partition(":")[0] not in read_in and not name
            if minor and (found < READ_OVER * max(english, 1) or thesaurus.is_word(token.word)):
                continue
            if found > english or (every and found):
                yield term, token.term


def _foreign_readings(
    own: Collection[str], question: str, analyzer: Analyzer, snapshot: Snapshot, lang: str
) -> Iterator[tuple[str, str]]:
    """``(term of another language, the word's term)`` for the own Latin-script words of a
    question in another language that its language's passages barely write (at most
    :data:`RARE_PASSAGES`) and English or another Latin-script language's passages write more:
    "¿Qué es lintian?" finds the English paragraph of a Spanish manual that names the tool,
    where no Spanish sentence does; "Qui est Rocinante ?" finds the Spanish novel's horse,
    "Кто такой Pangloss?" the French tale's tutor. Words of fewer than :data:`READ_LETTERS`
    letters are not read, as in :func:`_readings`."""
    text = searchable(question)
    index = snapshot.index
    for token in _tokens(analyzer, text, lang, snapshot):
        if token.term not in own or token.term.startswith("_"):
            continue
        written = text[token.start : token.end]
        if len(written) < READ_LETTERS and not _acronym(written):
            continue
        if _script_of(written) != "latin":
            continue  # a Russian word has no reading in French
        found = index.passages_with(token.term)
        if found > RARE_PASSAGES:
            continue  # the question's language writes it: its passages answer
        terms = analyzer.terms(written, "en")
        if _foreign_name(written, text[: token.start], lang):
            terms += _read_in_other_languages(language("en").fold(written.lower()), analyzer)
        for term in dict.fromkeys(terms):
            if term != token.term and index.passages_with(term) > found:
                yield term, token.term


def _foreign_name(written: str, before: str, lang: str) -> bool:
    """Whether a Latin-script word of a question in ``lang`` is a name that may be written in
    any Latin-script language's documents: any such word in a question of another script
    ("Кто такой Pangloss?"), a capitalised word after a question's first ("Qui est
    Rocinante ?"), an acronym. An ordinary word ("existe") is read in English only: Spanish
    and French share too many for the French reading of a Spanish one to be the same thing."""
    if language(lang).script != "latin" or _acronym(written):
        return True
    # After the first word: "¿" or a quote before it is no word ("¿Existe …?").
    return any(ch.isalnum() for ch in before) and written[:1].isupper()


def _acronym(written: str) -> bool:
    """Whether a word is written in capitals or with a digit ("HTML", "UTF-8", "s390"): a name
    every language writes alike, no ordinary word that means another thing in French."""
    return written.isupper() or any(ch.isdigit() for ch in written)


def _read_in_other_languages(word: str, analyzer: Analyzer) -> tuple[str, ...]:
    """The terms of a folded English word read in each other Latin-script language (stems
    looked up, not an analysis; once a word: every English question asks for them)."""
    cache = _READINGS.get(analyzer)
    if cache is None:
        cache = _READINGS.setdefault(analyzer, {})
    found = cache.get(word)
    if found is None:
        if len(cache) >= READINGS_CACHED:
            cache.clear()  # a bound on the words kept, as few questions meet again
        found = cache[word] = tuple(
            analyzer.stem(language(code).fold(word), code) for code in _READ_IN
        )
    return found


# The readings of each analyzer's words, kept as long as the analyzer (a library closed, its
# analyzer and their readings go).
_READINGS: weakref.WeakKeyDictionary[Analyzer, dict[str, tuple[str, ...]]] = (
    weakref.WeakKeyDictionary()
)
READINGS_CACHED = 1 << 14  # words an analyzer's readings are kept for


def carry(subject: dict[str, None], terms: list[str], proper: frozenset[str]) -> None:
    """Add ``terms`` to the ``subject`` of a conversation; names or numbers among them replace
    the subject's names or numbers."""
    if any(t in proper for t in terms):
        for term in [t for t in subject if t in proper]:
            del subject[term]
    if any(_NUMBER.match(t) for t in terms):
        for term in [t for t in subject if _NUMBER.match(t)]:
            del subject[term]
    subject.update(dict.fromkeys(terms))
