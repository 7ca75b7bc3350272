"""The thing a question asks the number or the limit of, and whether an excerpt's number is said
of it.

An excerpt stating some number does not answer "how many submarines does China have?" when the
number counts something else: "China initiated with relevant countries the Shanghai Cooperation
Organization (SCO), Six-Party Talks …". The number answering it stands in a sentence that names
the thing asked (its words as the question writes them, stemmed): "more than 150 countries" for
"how many countries …", "Le Président de la République est élu pour cinq ans" for a president's
term. The thing is the first run of words after the asking ones ("how many nuclear warheads
does …": nuclear warheads; "combien d'astronautes ont …": astronautes; "¿cuánto gana el …?":
gana), or, when nothing follows them, the last run before ("国家主席的工资是多少": 工资). Not a
name (a capital inside the question: "China", "Госдуме"), which is what the documents are about,
not what is counted; nor a unit ("how many years", "сколько стоит"). A measure ("the minimum age
for a member", "the maximum number of agents") is named with the thing after it: a sentence
names either ("the Age of twenty five Years", "up to 64 agents").
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from retrieval.search import quantities, superlatives
from retrieval.search.analyzer import Analyzer, Token

# Sentences: the number and the thing it counts are said in one ("No Person shall be … eligible
# to the Office of President; neither shall any person be eligible to that Office who shall not
# have attained to the Age of thirty five Years": a semicolon parts no number from its thing).
_SENTENCE = re.compile(r"[^.!?。！？\n]+(?:[.!?](?=\d)[^.!?。！？\n]*)*")
# Which year, which version: a date or a release answers them, said where it is (a heading, "in
# novembre 2007, Bernstein a déclaré …"), seldom beside the words of the question.
_DATED = re.compile(r"(?i:year|version|release|ann[ée]e|año|год|верси|versi[oó]n)|[年版]")
_GAP = re.compile(r"[\s'’-]*")  # between two words of one run: no other word, no punctuation
_CAPITAL = re.compile(r"[A-ZÀ-ÞА-ЯЁ]")
# An article before a capital makes it a body's title ("el Congreso", "the House", "le Sénat"),
# what the documents speak of as a thing, not a name they are about.
_TITLED = re.compile(r"(?i:\b(?:the|el|la|los|las|le|les)\s+|\bl['’])$")
_FIRST_WORD = re.compile(r"\w+")  # its capital is the sentence's, no name's


def _kept(question: str, token: Token, first: int) -> bool:
    """Whether ``token`` can name the thing asked: not a name (a capital after the question's
    first word) nor a unit."""
    word = question[token.start : token.end]
    if (
        token.start >= first
        and _CAPITAL.match(word)
        and not _TITLED.search(question, 0, token.start)
    ):
        return False
    return not quantities.UNIT.fullmatch(quantities.ELIDED.sub("", word))


def _measures(question: str, run: list[Token]) -> bool:
    """Whether ``run`` names only measures ("the minimum age for …", "the maximum number of
    …"): the thing measured follows, and a sentence may name either."""
    return all(question[t.start : t.end].lower()[:5] in superlatives.MEASURES for t in run)


def _runs(question: str, tokens: Sequence[Token], first: int) -> list[list[Token]]:
    """``tokens`` in runs of words written together (no stop word nor punctuation between),
    those that cannot name the thing left out."""
    runs: list[list[Token]] = []
    last: Token | None = None
    for token in tokens:
        joined = last is not None and _GAP.fullmatch(question, last.end, token.start)
        if _kept(question, token, first):
            if joined and runs and runs[-1] and runs[-1][-1] is last:
                runs[-1].append(token)
            else:
                runs.append([token])
        last = token
    return runs


def thing(question: str, analyzer: Analyzer, lang: str) -> frozenset[str]:
    """The terms of what ``question`` asks the number or limit of (see the module), or none
    when it asks none or names no such thing."""
    asked = quantities.asked_span(question)
    if asked is None or _DATED.search(question, *asked):
        return frozenset()
    start, end = asked
    tokens = [t for t in analyzer.tokens(question, lang) if t.start >= end or t.end <= start]
    opening = _FIRST_WORD.search(question)
    first = opening.end() if opening else 0
    after = _runs(question, [t for t in tokens if t.start >= end], first)
    if after:
        named = after[:2] if _measures(question, after[0]) else after[:1]
        return frozenset(t.term for run in named for t in run)
    before = _runs(question, [t for t in tokens if t.end <= start], first)
    return frozenset(t.term for t in before[-1]) if before else frozenset()


def said_elsewhere(
    question: str, excerpt: str, analyzer: Analyzer, lang: str, excerpt_lang: str
) -> bool:
    """Whether ``excerpt`` states the numbers it holds only in sentences that do not name the
    thing ``question`` asks the number or limit of (:func:`thing`). An excerpt in another
    language than the question's is not judged so: its words are not the question's."""
    if excerpt_lang != lang:
        return False
    things = thing(question, analyzer, lang)
    if not things:
        return False
    for sentence in _SENTENCE.findall(excerpt):
        if quantities.unquantified(question, sentence):
            continue
        if things & set(analyzer.terms(sentence, lang)):
            return False
    return True
