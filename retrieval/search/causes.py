"""Questions that ask why, and the passages that give a reason.

"火星为什么看起来是红色的？" ("why does Mars look red?") is answered by the passage saying the red
is caused by iron oxide (是由……氧化铁造成的), not by the one saying most about Mars's red colour;
"why do browsers complain they can't verify my server certificate?" by the one saying it is
"because" of the chain. Among the best few candidates for a why-question, a passage that states
no cause, reason or purpose scores a little lower, as one stating no number does for a question
asking how many (:func:`quantities.stating_first`, whose share and window this uses).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from retrieval.search.quantities import NUMBERLESS_SHARE, NUMBERLESS_WINDOW
from retrieval.search.rank import Ranked, lowered

# "Why", per language ("porque", written for "por qué" in haste, too, where the text asks: in a
# statement it is "because").
_ASKS = re.compile(
    r"\bwhy\b|\bpourquoi\b|\bpor\s+qu[eé]\b|¿\s*porqu[eé]\b|\bporqu[eé]\b(?=[^.!]*\?)"
    r"|\bпочему\b|\bзачем\b|为什么|为何|为啥",
    re.IGNORECASE,
)
# The words a reason is given with, per language: because, due to, caused by, the reason,
# therefore, in order to. Not the Chinese 为了 ("for", "in order to") nor the French "pour":
# both are in every other sentence, whatever it says (measured: 为了 marked a passage on
# astrology as the reason Mars looks red). Each language's own: the French "car" is an English
# passage's car.
_GIVES_BY_LANGUAGE = {
    "en": r"\bbecause\b|\bdue to\b|\bcaused?\b|\bowing to\b|\breasons?\b|\btherefore\b"
    r"|\bso that\b|\bin order to\b|\bso as to\b|\bsince\b|\bthat is why\b",
    "fr": r"\bparce qu|\bcar\b|\ben raison d|\bà cause d|\bdue? à|\bprovoqu|\bcausé|\braisons?\b"
    r"|\bdonc\b|\bafin d|\bpuisqu|\bc'est pourquoi\b",
    "es": r"\bporque\b|\bdebido a\b|\ba causa d|\bpor eso\b|\bcausad|\braz[oó]n|\bya que\b"
    r"|\bpara que\b|\bpuesto que\b",
    "ru": r"потому что|так как|из-за|поэтому|вызван|причин|чтобы|поскольку",
    "zh": r"因为|由于|造成|导致|所以|因此|原因",
}
# A passage in another language is read with the English words too: a detector may take a
# page of formulas for French ("In order to avoid issues of network abuse …").
_GIVES = {
    lang: re.compile(pattern if lang == "en" else f"{pattern}|{_GIVES_BY_LANGUAGE['en']}", re.I)
    for lang, pattern in _GIVES_BY_LANGUAGE.items()
}
# A passage in a language not listed: any of them.
_GIVES_ANY = re.compile("|".join(_GIVES_BY_LANGUAGE.values()), re.IGNORECASE)


def asks_why(question: str) -> bool:
    """Whether ``question`` asks why."""
    return _ASKS.search(question) is not None


def gives_reason(text: str, lang: str = "en") -> bool:
    """Whether ``text``, written in ``lang``, states a cause, a reason or a purpose
    (:data:`_GIVES_BY_LANGUAGE`)."""
    return _GIVES.get(lang, _GIVES_ANY).search(text) is not None


def reason_first(ranked: Sequence[Ranked], question: str) -> list[Ranked]:
    """``ranked`` with the passages that give no reason lowered among the best few, when
    ``question`` asks why. Dev hit@1: ml-dev2 +1 (Chinese), office-dev +1, sqlite-dev +1;
    office-dev2 hit@3 +1; the others unchanged (at a share of 0.75, docs-dev2 lost one)."""
    if not asks_why(question):
        return list(ranked)
    return lowered(
        ranked,
        lambda r: not gives_reason(r.passage.text, r.passage.lang),
        NUMBERLESS_SHARE,
        NUMBERLESS_WINDOW,
    )
