"""Questions asking what something is ("what is sed?"), and the passages that define it.

BM25 favours the passages that repeat a short question's one word ("sed" in every example
command); the answer is the sentence that says what it is: "“sed” stands for Stream EDitor".
For such a question, the candidates whose text opens a sentence with the thing asked about and
"is", "stands for", "means" (or their French, Spanish, Russian and Chinese forms) come first.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from retrieval.search.rank import Ranked, brought_first

WINDOW = 10  # the best candidates among which a defining passage is brought first
LONGEST_SUBJECT = 3  # words: "what is the oldest version that …" asks no definition
_ASKING = [
    re.compile(p, re.IGNORECASE)
    for p in (
        r"^(?:what|who)(?:\s+(?:exactly|actually|really))?\s*(?:\s(?:is|are)|['’]s)\s+"
        r"(?:an?\s+|the\s+)?(?P<x>[^?,]+?)\s*\??$",
        r"^what\s+(?:does|do)\s+(?P<x>[^?,]+?)\s+(?:mean|stand\s+for)\s*\??$",
        r"^(?:define|definition\s+of|meaning\s+of)\s+(?P<x>[^?,]+?)\s*\??$",
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
    text = question.strip()
    for pattern in _ASKING:
        found = pattern.match(text)
        if found:
            thing = found.group("x").strip()
            short = len(thing.split()) <= LONGEST_SUBJECT or bool(_CJK.search(thing))
            return thing if thing and short else None
    return None


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


def first_defining(ranked: Sequence[Ranked], thing: str) -> list[Ranked]:
    """``ranked`` with those of its best :data:`WINDOW` that define ``thing`` brought first, in
    their order."""
    return brought_first(ranked, [r for r in ranked[:WINDOW] if defines(r.passage.text, thing)])
