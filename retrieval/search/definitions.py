"""Questions asking what something is ("what is sed?"), and the passages that define it.

BM25 favours the passages that repeat a short question's one word ("sed" in every example
command); the answer is the sentence that says what it is: "“sed” stands for Stream EDitor".
For such a question, the candidates whose text opens a sentence with the thing asked about and
"is", "stands for", "means" (or their French, Spanish, Russian and Chinese forms) come first.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Sequence

from retrieval.model import document_key_of
from retrieval.search.excerpts import MAX_SENTENCES, format_matches
from retrieval.search.languages import SPOKEN, is_spoken_stop_word, stop_words
from retrieval.search.rank import Ranked, brought_first

WINDOW = 10  # the best candidates among which a defining passage is brought first
LONGEST_SUBJECT = 3  # words: "what is the oldest version that …" asks no definition
_ASKING = [
    re.compile(p, re.IGNORECASE)
    for p in (
        r"^(?:what|who)(?:\s+(?:exactly|actually|really))?\s*(?:\s(?:is|are)|['’]s)\s+"
        r"(?:an?\s+|the\s+)?(?P<x>[^?,]+?)\s*\??$",
        r"^what\s+(?:does|do)\s+(?P<x>[^?,]+?)\s+(?:mean|stand\s+for)\s*\??$",
        # "who counts as a platform user?", "what counts as a breaking change?"
        r"^(?:what|who)\s+counts\s+as\s+(?:an?\s+|the\s+)?(?P<x>[^?,]+?)\s*\??$",
        r"^(?:define|definition\s+of|meaning\s+of)\s+(?P<x>[^?,]+?)\s*\??$",
        # "hot journal meaning"; not "the hidden meaning", "explain the meaning".
        r"^(?!(?:the|an?|its|their|explain)\b)(?P<x>[^?,]+?)(?<!\bthe)(?<!\ban)(?<!\ba)\s+"
        r"(?:meaning|definition)\s*\??$",
        r"^qu['’]est[- ]ce\s+qu(?:e\s+|['’])(?:(?:le|la|les|un|une)\s+|l['’])?"
        r"(?P<x>[^?,]+?)\s*\??$",
        r"^¿?\s*qu[ée]\s+(?:es|son)\s+(?:(?:el|la|los|las|un|una)\s+)?(?P<x>[^?,]+?)\s*\??$",
        r"^что\s+такое\s+(?P<x>[^?,]+?)\s*\??$",
        r"^(?:什么是|何谓)(?P<x>[^？?，,]{1,20})[？?]?$",
        r"^(?P<x>[^？?，,]{1,20}?)是什么[？?]?$",
    )
]
_ARTICLE = r"(?:(?:the|an?|le|la|les|el|los|las|un|une|una)\s+|l['’])?"
_QUOTE = r"[“\"'‘«]?"
_UNQUOTE = r"[”\"'’»]?"
# "is", "stands for" … after the thing, perhaps with a parenthesis between: "LZMA (…) is".
_COPULA = (
    r"(?:\s*\([^)]{0,80}\))?(?:\s*,)?\s+(?:is|are|was|stands\s+for|means|refers\s+to|est|sont|"
    r"désigne|es|son|significa|—|–|это|является)\b|\s*[—–:]\s|\s*(?:是|指)"
)
_CJK = re.compile(r"[\u3400-\u9fff]")


def subject(question: str) -> str | None:
    """What ``question`` asks the definition of, or None when it asks something else."""
    return _thing_asked(question, _ASKING)


def term_asked(question: str) -> str | None:
    """The term a question of one word is ("dbsqlfuzz", "neo-serverless"): typed alone, a
    term asks what it is, as a search box's visitor means it. Not a stop word ("why"), nor a
    question ending in "?" ("Pakistan?" follows one before), nor Chinese (a sentence without
    spaces is one "word")."""
    stripped = question.strip()
    if stripped.endswith(("?", "？")) or _CJK.search(stripped):
        return None
    text = stripped.strip(".!;:\"'«»“”‘’")  # "dbsqlfuzz." is the word
    if len(text.split()) != 1 or not re.search(r"[^\W\d_]", text):
        return None
    if is_spoken_stop_word(text):
        return None  # "Qué", "Où", "ещё" typed alone say nothing
    return text


def _thing_asked(question: str, asking: Sequence[re.Pattern[str]]) -> str | None:
    """The thing the first of the ``asking`` patterns to match ``question`` names (its group
    ``x``), if it is short enough to be one thing."""
    found = _first_match(question.strip(), asking)
    if found is None:
        return None
    thing = found.group("x").strip()
    short = len(thing.split()) <= LONGEST_SUBJECT or bool(_CJK.search(thing))
    return thing if thing and short else None


def _first_match(text: str, asking: Sequence[re.Pattern[str]]) -> re.Match[str] | None:
    """The match of the first of the ``asking`` patterns that matches ``text``."""
    return next(filter(None, (pattern.match(text) for pattern in asking)), None)


def defines(text: str, thing: str) -> bool:
    """Whether ``text`` has a sentence saying what ``thing`` is."""
    name = re.escape(thing)
    if _CJK.search(thing):
        return re.search(name + r"(?:是|指|即)", text) is not None
    opening = r"(?:^|[.!?:]\s+|\n)"
    pattern = rf"{opening}{_ARTICLE}{_QUOTE}{name}{_UNQUOTE}(?:{_COPULA})"
    # or in apposition, wherever the sentence names it: "create a virtual environment, a
    # self-contained directory tree that …" — not in a list ("You need Python, a C compiler
    # and make"; "Russia, a permanent member …, and China agreed"): no "and"/"or" inside it,
    # and no ", and" after it.
    apposition = (
        rf"\b{name}{_UNQUOTE},\s+an?\s+(?:(?!\b(?:and|or)\b)[^,.;:])*"
        r"(?:[.;:]|,(?!\s+(?:and|or)\b)|$)"
    )
    return re.search(f"{pattern}|{apposition}", text, re.IGNORECASE) is not None


def first_defining(
    ranked: Sequence[Ranked],
    thing: str,
    openings: Sequence[Ranked] = (),
    lang: str | None = None,
) -> list[Ranked]:
    """``ranked`` with those of its best :data:`WINDOW` that define ``thing`` brought first, in
    their order, then those of ``openings`` that say what it is or does; those written in
    ``lang``, the question's language, before the others."""
    return _first(ranked, lambda text: defines(text, thing), openings, thing, lang)


# Questions asking what something is for: "what does microtype do?", "À quoi sert uscan … ?",
# "¿Para qué sirve uupdate?", "Зачем нужен pbuilder?", "pbuilder 主要用来干嘛？". The thing is
# one name (a tool, a package, an option) or, in English, up to three words.
_NAME = r"[“\"'‘«]?(?P<x>[\w.+/-]+)[”\"'’»]?"
# The noun naming what kind of thing the name is, before it: "la orden debdiff", "команда
# debdiff", "le paquet pbuilder" ask what debdiff and pbuilder are for, not "orden" or "команда".
_KIND = (
    r"(?P<k>(?:commande|programme|paquet|outil|utilitaire|orden|comando|programa|paquete|"
    r"herramienta|utilidad|команд[аыу]|программ[аыу]|утилит[аыу]|пакет)\s+)?"
)
# After a Chinese name: 命令, 软件包 … ("update-alternatives 命令是干什么用的？"); the frame asks
# "what for" (干嘛, 干什么, 有什么用, 的作用) or "what does it do" after 是, 用来 or 用于: a bare
# 做什么 also ends "叫做什么" ("what is it called").
_ZH_KIND = r"\s*(?P<k>命令|软件包|程序|工具)?"
_ZH_FRAME = (
    r"\s*(?:主要)?(?:(?:是|用来|用于|是用来|是用于)?(?:干嘛|干什么)|(?:是|用来|用于|是用来|是用于)做什么|"
    r"有什么用|的作用)"
)
_PURPOSE_ASKING = [
    re.compile(p, re.IGNORECASE)
    for p in (
        r"^what\s+(?:does|do|can)\s+(?:an?\s+|the\s+)?(?P<x>[^?,]+?)\s+do\s*\??$",
        r"^what\s+(?:is|are)\s+(?:an?\s+|the\s+)?(?P<x>[^?,]+?)\s+(?:used\s+|good\s+)?for\s*\??$",
        r"^what(?:['’]s|\s+is)\s+the\s+(?:purpose|point|use|job|role)\s+of\s+(?:an?\s+|the\s+)?"
        r"(?P<x>[^?,]+?)\s*\??$",
        r"^why\s+(?:do|would|should)\s+(?:i|you|we|one)\s+(?:need|use)\s+(?:an?\s+|the\s+)?"
        r"(?P<x>[^?,]+?)\s*\??$",
        r"^[àa]\s+quoi\s+serv?(?:en)?t\s+" + _ARTICLE + _KIND + _NAME,
        r"^(?:qu['’]est[- ]ce\s+que\s+fait|que\s+fait)\s+" + _ARTICLE + _KIND + _NAME + r"\s*\??$",
        r"^¿?\s*para\s+qu[ée]\s+(?:sirven?|se\s+usan?|se\s+utilizan?)\s+"
        + _ARTICLE
        + _KIND
        + _NAME,
        r"^¿?\s*qu[ée]\s+hacen?\s+" + _ARTICLE + _KIND + _NAME + r"\s*\??$",
        r"^(?:зачем|для\s+чего)\s+(?:\w+\s+)?(?:нуж(?:ен|на|но|ны)|служит|используется)\s+"
        + _KIND
        + _NAME,
        r"^что\s+делает\s+" + _KIND + _NAME + r"\s*\??$",
        r"^" + _NAME + _ZH_KIND + _ZH_FRAME,
    )
]
# Saying what a thing does or is for, in the same sentence as its name.
_PURPOSE_WORDS = (
    r"provides?|offers?|lets|allows?|enables?|helps?|serves?|(?:is|are|can\s+be)\s+used|"
    r"(?:is|are)\s+(?:useful|designed|meant|intended)|makes?\s+it\s+possible|"
    r"permet(?:tent)?|offrent|offre|fournit|ser[tv](?:ent)?\s+à|(?:est|sont)\s+(?:utile|utilisée?s?|conçue?s?)|"
    r"permiten?|ofrecen?|proporcionan?|sirven?\s+para|se\s+(?:usan?|utilizan?)|(?:es|son)\s+útil(?:es)?|"
    r"позволя\w*|предоставля\w*|обеспечива\w*|служ\w*|использу\w*|полез\w*|нуж(?:ен|на|ны)\s+для|предназначен\w*"
)
# Chinese writes its words without spaces: they are found wherever they stand ("非常有用"),
# the others only at a word's start.
_PURPOSE_WORDS_ZH = r"用于|用来|可以|能够|有用|作用|帮助|提供"
_PURPOSE = re.compile(
    rf"(?<!\w)(?:{_PURPOSE_WORDS})|{_PURPOSE_WORDS_ZH}", re.IGNORECASE
)  # compiled once
_SENTENCE = re.compile(r"[^.!?。！？\n]+")
_PRONOUN = re.compile(r"^(?:我|你|他|她|它|我们|你们|他们|这|那)")  # Chinese: no stop list here


def purpose_subject(question: str) -> str | None:
    """What ``question`` asks the purpose of ("what does microtype do?" → microtype), or None."""
    thing = _thing_asked(question, _PURPOSE_ASKING)
    if thing is None:
        return None
    # "what does it do?", "Зачем нужен этот …": a pronoun names nothing to look for.
    pronoun = any(thing.casefold() in stop_words(code) for code in SPOKEN)
    return None if pronoun or _PRONOUN.search(thing) else thing


def purpose_searched(question: str) -> str | None:
    """The words searched for a question asking what something is for: the thing and what
    follows the question's frame ("À quoi sert uscan quand on met à jour un paquet ?" → "uscan
    quand on met à jour un paquet ?"), or None for another question. The frame asks ("sert",
    "нужен", "主要用来干嘛", "used for"); the passage saying what the thing does seldom repeats
    it, and BM25 found passages by it ("主要信息来源" for 主要 above those on pbuilder)."""
    text = question.strip()
    found = _first_match(text, _PURPOSE_ASKING)
    if found is None or purpose_subject(question) is None:
        return None
    # the kind noun stays, before the name or after it ("команда debdiff")
    spans = [found.span(g) for g in ("x", "k") if found.groupdict().get(g)]
    start, end = min(s for s, _ in spans), max(e for _, e in spans)
    return " ".join(f"{text[start:end]} {text[found.end() :]}".split())


def says_purpose(text: str, thing: str) -> bool:
    """Whether a sentence of ``text`` names ``thing`` and says what it does or is for (or
    what it is)."""
    if defines(text, thing):
        return True
    name = re.compile(rf"(?<![\w-]){re.escape(thing)}(?![\w-])", re.IGNORECASE)
    return any(
        name.search(sentence) and _PURPOSE.search(sentence) for sentence in _SENTENCE.findall(text)
    )


def first_saying_purpose(
    ranked: Sequence[Ranked],
    thing: str,
    openings: Sequence[Ranked] = (),
    lang: str | None = None,
) -> list[Ranked]:
    """``ranked`` with those of its best :data:`WINDOW` that say what ``thing`` does brought
    first, in their order, then those of ``openings`` that do; those written in ``lang``, the
    question's language, before the others."""
    return _first(ranked, lambda text: says_purpose(text, thing), openings, thing, lang)


def _first(
    ranked: Sequence[Ranked],
    says: Callable[[str], bool],
    openings: Sequence[Ranked],
    thing: str,
    lang: str | None = None,
) -> list[Ranked]:
    """``ranked`` with those of ``openings`` (:func:`opening_ids`) that say what ``thing`` is or
    does brought first, then those of its best :data:`WINDOW` whose text ``says``: the opening of
    a document named after a thing introduces it ("The microtype package provides …"), where a
    sentence further in that names it and says "offers" is about a detail ("microtype includes
    the companion package microtype-show, which offers …").

    Of those, the ones written in ``lang`` come first: a manual translated into four languages
    says what pbuilder is for in each, and a reader asking in Chinese wants it said in Chinese
    (BM25 scores the name alike in every language's passages)."""
    head = ranked[:WINDOW]
    opening = [r for r in openings if says_purpose(r.passage.text, thing)]
    brought = {r.passage.id for r in opening}
    head_saying = [r for r in head if says(r.passage.text) and r.passage.id not in brought]
    brought |= {r.passage.id for r in head_saying}
    entries = [r for r in _entries(openings, thing) if r.passage.id not in brought]
    chosen = [*opening, *head_saying, *entries]
    if lang is not None:
        chosen.sort(key=lambda r: r.passage.lang != lang)  # stable: in their order otherwise
    return brought_first(ranked, chosen)


def _entries(openings: Sequence[Ranked], thing: str) -> list[Ranked]:
    """The first passage of each section of ``openings`` headed by ``thing`` alone
    (:func:`headed_by`): a glossary's entry, whose text says what the heading is without
    naming it. After the passages whose sentences say it (a paper's "A platform team is …")."""
    firsts: dict[tuple[str, str], Ranked] = {}
    for r in openings:
        section = r.passage.section
        if section is None or not headed_by(section.rpartition(" › ")[2], thing):
            continue
        key = (r.passage.doc, section)
        if key not in firsts or r.passage.ordinal < firsts[key].passage.ordinal:
            firsts[key] = r
    return [_from_its_start(r) for r in firsts.values()]


def _from_its_start(entry: Ranked) -> Ranked:
    """``entry`` quoted from its first sentence, the definition ("The people responsible for
    building and managing the platform(s)."), to the end of the excerpt chosen for the
    question's words (at most :data:`~retrieval.search.excerpts.MAX_SENTENCES`): those words
    stand in the sentences after it, which say more of the term ("Platform team members
    include …"), and the excerpt began there."""
    excerpt, matches = entry.excerpt, entry.matches
    if not excerpt.cut_before or excerpt.start is None or matches is None:
        return entry
    end = excerpt.start + sum(len(segment.text) for segment in excerpt.segments)
    last = sum(1 for start, _ in matches.spans if start < end)
    span = (0, max(1, min(last, MAX_SENTENCES)))
    return dataclasses.replace(entry, excerpt=format_matches(entry.passage.text, matches, span))


# A document named after the thing asked about ("The microtype package") says what it is where
# it begins: its abstract or first paragraph. Every passage of it has the name in its title, so
# BM25 ranks the ones that repeat the name (example commands, warnings) above that opening.
OPENING = 3  # passages: how far into such a document its opening is looked for


def named_after(title: str, thing: str) -> bool:
    """Whether the document title ``title`` names ``thing`` (as a word, any case)."""
    pattern = rf"(?<![\w-]){re.escape(thing)}(?![\w-])"
    return re.search(pattern, title, re.IGNORECASE) is not None


# A glossary's entry is a section headed by the term alone, its text the definition without
# the term ("Platform team" / "The people responsible for building …"): BM25 ranks it below the
# passages of a long paper that repeat the term, so such sections are looked for further down
# (tryout22d: "what is a platform team?" quoted the glossary's entry, not the paper's 15th
# passage on platform teams). Dev (2026-12-05, fourteen sets): no rank or outcome moved.
HEADING_WINDOW = 40


def sections_named(ranked: Sequence[Ranked], thing: str) -> list[tuple[str, str]]:
    """``(document, section)`` of each section among the best :data:`WINDOW` whose own heading
    (the nearest) names ``thing`` ("6.4. Пакет pbuilder"), or among the best
    :data:`HEADING_WINDOW` is ``thing`` alone (:func:`headed_by`), in the order they come."""
    found: dict[tuple[str, str], None] = {}
    for n, r in enumerate(ranked[:HEADING_WINDOW]):
        section = r.passage.section
        heading = (section or "").rpartition(" › ")[2]
        if section and ((n < WINDOW and _titled(heading, thing)) or headed_by(heading, thing)):
            found[(r.passage.doc, section)] = None
    return list(found)


_ASIDE = re.compile(r"\s*\([^)]*\)\s*$")  # "Thinnest Viable Platform (TVP)": its short form


def headed_by(heading: str, thing: str) -> bool:
    """Whether ``heading`` is ``thing`` alone, as a glossary heads an entry: in any case, its
    number, an article and a short form in brackets aside, one in the plural ("Platform users"
    for "platform user") or the other."""
    name = _ASIDE.sub("", _NUMBERING.sub("", heading)).casefold().strip()
    wanted = re.sub(rf"^{_ARTICLE}", "", thing.casefold().strip())
    return bool(wanted) and (name in (wanted, wanted + "s") or name + "s" == wanted)


TITLE_WORDS = 2  # words a heading may hold besides the thing it is titled after
_NUMBERING = re.compile(r"^\s*(?:\d+[.)]?)+\s*")


def _titled(heading: str, thing: str) -> bool:
    """Whether ``heading`` is the title of a section on ``thing``: it names it and at most
    :data:`TITLE_WORDS` other words, its number aside ("6.4. Пакет pbuilder", "La orden
    debdiff"); a heading naming it among more ("Deleting Or Renaming A Hot Journal") is on
    something done with it."""
    name = re.compile(rf"(?<![\w-]){re.escape(thing)}(?![\w-])", re.IGNORECASE)
    found = name.search(heading)
    if found is None:
        return False
    rest = _NUMBERING.sub("", heading[: found.start()] + " " + heading[found.end() :])
    # Chinese writes no spaces: two characters make a word (软件包 is one or two, not five)
    han = len(_CJK.findall(rest))
    words = len(_CJK.sub(" ", rest).split()) + (han + 1) // 2
    return words <= TITLE_WORDS


def opening_ids(ranked: Sequence[Ranked], thing: str) -> list[str]:
    """The ids of the first :data:`OPENING` passages of each document among the best
    :data:`WINDOW` that is named after ``thing``, in the order the documents come."""
    keys: dict[str, None] = {}
    for r in ranked[:WINDOW]:
        if named_after(r.passage.title, thing):
            keys[document_key_of(r.passage.id)] = None
    return [f"{key}-{n}" for key in keys for n in range(1, OPENING + 1)]
