"""A limit or an extreme asked for in words ("What is the maximum penalty for cheating?", "What is
the largest city in Australia?"), and excerpts that name it without a number.

"What is the maximum …" asks a quantity when the thing is a measure ("the maximum number of
agents", "la edad mínima"): a number answers it. Of another thing it may be answered in words:
"The maximum penalty for cheating is permanent expulsion", "Sydney is the largest city in
Australia", "La pena máxima prevista en el Código Penal es la prisión permanente revisable". An
excerpt saying of the same thing that it is the maximum (the superlative next to it, and "is" in
the same clause) answers it, stating a number or not.
"""

from __future__ import annotations

import re

_SUPERLATIVE = (
    r"(?:maximum|minimum|max|min|largest|smallest|biggest|maximal\w*|minimal\w*"
    r"|максимальн\w*|минимальн\w*|m[aá]xim[oa]s?|m[ií]nim[oa]s?)"
)
_SUPERLATIVE_RE = re.compile(rf"\b{_SUPERLATIVE}\b", re.IGNORECASE)
# The things whose maximum is a number: their size, count, duration, age or price (a general
# list of measures, in each language asked).
_MEASURES = frozenset(
    w[:5]
    for w in """number amount size length value count age version time duration term rate speed
    height width depth weight price cost wage salary memory limit nombre taille longueur valeur
    durée âge montant prix número tamaño longitud duración edad cantidad precio salario размер
    число количество длина значение срок возраст сумма стоимость""".split()
)
_ARTICLES = frozenset("the a an of le la les l de du des el los las del".split())
_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
_CLAUSE = re.compile(r"[^.;!?\n]+")
_COPULA = re.compile(r"\b(?:is|are|was|es|son|est|sont|являетс[яь])\b|\s[—–]\s", re.IGNORECASE)
_NEAR = 3  # words between the superlative and the thing, at most ("the maximum penalty for …")


def _things(asked: str, question: str) -> list[str]:
    """The stems of the words next to the superlative closing ``asked`` (the part of
    ``question`` asking the limit), or none when one of them is a measure."""
    words = _WORD.findall(question)
    said = _WORD.findall(asked)
    at = len(said) - 1  # the superlative: the last word of the asking part
    if at < 0 or not _SUPERLATIVE_RE.fullmatch(said[at]):
        return []
    near = [w.lower() for w in words[max(0, at - 1) : at + 2] if w.lower() != said[at].lower()]
    stems = [w[:5] for w in near if w not in _ARTICLES]
    return [] if any(s in _MEASURES for s in stems) else stems


def named_in_words(asked: str, question: str, excerpt: str) -> bool:
    """Whether ``excerpt`` says which thing ``question`` asks the maximum (minimum, largest …)
    of, in the clause saying it is: the superlative within :data:`_NEAR` words of the thing."""
    stems = _things(asked, question)
    if not stems:
        return False
    for clause in _CLAUSE.findall(excerpt):
        if not _COPULA.search(clause):
            continue
        words = [w.lower() for w in _WORD.findall(clause)]
        extremes = [i for i, w in enumerate(words) if _SUPERLATIVE_RE.fullmatch(w)]
        if any(
            words[j].startswith(stem)
            for i in extremes
            for j in range(max(0, i - _NEAR), min(len(words), i + _NEAR + 1))
            for stem in stems
        ):
            return True
    return False
