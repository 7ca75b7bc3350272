"""Whether the number an excerpt states for "how many …?" or "what is the maximum …?" is said of
what the question asks about, or of something else.

An excerpt stating some number does not answer "How many submarines does China have?" when the
number counts another thing: "China initiated with relevant countries the Shanghai Cooperation
Organization (SCO), Six-Party Talks …"; nor "Сколько стоит билет на Марс?" by "… стоит отметить
вышедший в 1950 году роман …". A number answering the question is said in a sentence holding a
word of it (stemmed as searched): "over 5,800 international vessels" escorted by "fleets", "Le
Congreso es elegido por cuatro años". Its words here are those besides the asking ones ("how
many", "combien", "多少"), the units ("years", "стоит", "天") and names: a capital inside the
question ("China", "Haiti", "Госдуме") names what the documents are about, which a sentence
counting anything else names too, unless an article makes it a body's title ("el Congreso",
"the House", "la République"), a thing the documents speak of.
"""

from __future__ import annotations

import re

from retrieval.search import quantities
from retrieval.search.analyzer import Analyzer, Token
from retrieval.sentences import fragment_spans

# Which year, which version: a date or a release answers them, said where it is (a heading, "en
# novembre 2007, Bernstein a déclaré …"), seldom beside the words of the question.
_DATED = re.compile(r"(?i:year|version|release|ann[ée]e|año|год|верси|versi[oó]n)|[年版]")
_CAPITAL = re.compile(r"[A-ZÀ-ÞА-ЯЁ]")
_TITLED = re.compile(r"(?i:\b(?:the|el|la|los|las|le|les)\s+|\bl['’])$")
_FIRST_WORD = re.compile(r"\w+")  # its capital is the sentence's, no name's
# What stands between the asking words and the thing they count: "How many Justices",
# "combien de Juges", "how many of the Justices".
_COUNTED = re.compile(r"\s+(?:(?:of|de)\s+(?:(?:the|los|las|les)\s+)?|d['’]\s*)?")


def _kept(question: str, token: Token, first: int, counted: bool = False) -> bool:
    """Whether ``token`` can name what is counted: not a name (a capital after the question's
    first word ``first``, no article before it) nor a unit. The ``counted`` word, the first
    after the asking ones, is the thing counted whatever its capital ("How many Justices …?",
    hedged when its capital read it as a name)."""
    word = question[token.start : token.end]
    if (
        not counted
        and token.start >= first
        and _CAPITAL.match(word)
        and not _TITLED.search(question, 0, token.start)
    ):
        return False
    return not quantities.UNIT.fullmatch(quantities.ELIDED.sub("", word))


def words(question: str, analyzer: Analyzer, lang: str) -> frozenset[str]:
    """The terms of ``question`` a sentence giving the number or the limit it asks for holds
    (see the module), or none when it asks none, or asks which year or version."""
    asked = quantities.asked_span(question)
    if asked is None or _DATED.search(question, *asked):
        return frozenset()
    start, end = asked
    opening = _FIRST_WORD.search(question)
    first = opening.end() if opening else 0
    tokens = analyzer.tokens(question, lang)
    after = [t.start for t in tokens if t.start >= end]
    counted = min(after, default=-1)  # where the first content word after the asking ones is
    if not _COUNTED.fullmatch(question, end, max(counted, end)):
        counted = -1  # "How big is China's army?": a verb first, and no thing counted after it
    return frozenset(
        t.term
        for t in tokens
        if (t.start >= end or t.end <= start) and _kept(question, t, first, t.start == counted)
    )


def said_elsewhere(
    question: str,
    excerpt: str,
    analyzer: Analyzer,
    lang: str,
    excerpt_lang: str,
    heading: str = "",
) -> bool:
    """Whether ``excerpt`` states the numbers ``question`` may ask for only in sentences holding
    none of its words (:func:`words`), nor following one that does: "max_age - Sets a maximum
    time in seconds for browsers to cache CORS responses. Defaults to 600." Its first sentence
    follows the ``heading`` it stands under, when it opens its passage (a FAQ's "How many
    devices can I use?" over "You can sign in on up to five phones, tablets or computers").
    An excerpt in another language than the question's is not judged so: its words are not the
    question's."""
    if excerpt_lang != lang:
        return False
    asked = words(question, analyzer, lang)
    if not asked:
        return False
    # The number and the thing it counts are said in one sentence, as excerpts are cut into
    # them (retrieval.sentences: "approx. 5 m", "No. 3", "2.053 percent" end none), each item
    # of a list its own ("Free: 2 GB" under "Storage depends on the plan:"); a part's number
    # opening one ("2. В Российской Федерации …") numbers the text, no thing.
    sentences = [quantities.ITEM_NUMBER.sub(" ", excerpt[a:b]) for a, b in fragment_spans(excerpt)]
    unheld = [
        asked.isdisjoint(analyzer.terms(sentence, lang)) for sentence in [heading, *sentences]
    ]
    return not any(
        not quantities.unquantified(question, sentence) and not (unheld[i + 1] and unheld[i])
        for i, sentence in enumerate(sentences)
    )
