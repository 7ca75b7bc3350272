"""Questions answered in the asker's language when its passages can answer them.

"什么是 Debian？" and "Что такое Debian?" search one word, the name: the question words are stop
words and a name is the same term in every language (:mod:`analyzer`). BM25 then ranks the
corpus's Russian, Chinese and English passages on "Debian" alike, and the first may be in any
of them. The question's language is the one thing left that tells them apart, so passages of
documents written in it come first. Not for English questions: English terms carry no language
mark, so every English question would look like one, and the English paragraph of a Russian
manual that answers it exactly would go below English pages that only share its words.
A question that found words of its own language is answered in it too (:func:`asks_by_language`).
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping, Sequence

from retrieval.search.rank import Ranked, brought_first

# The best candidates among which those in the question's language come first: enough for the
# first pages of results ("more") to stay in it while it has passages on the name.
WINDOW = 30


def asks_by_language(lang: str, terms: Collection[str]) -> bool:
    """Whether a question in ``lang`` (not English) is to be answered from passages of its
    language first (``terms``: the question's terms some passage holds).

    When it found passages by terms of no language only (names, numbers: "debian", "9"), only
    its language tells them apart: "那稳定版呢？" after "什么是 Debian GNU/Linux？", where no
    passage writes 稳定版, searches the Russian passages on Debian GNU/Linux as much as the
    Chinese. When it found words of its own language, the corpus answers in that language, and
    a passage of another one that shares only the question's Latin words ("single-user" in a
    Spanish manual's table, for a Russian question on upgrading in single-user mode) does not
    go before them: ml-dev MRR +.003 (two Russian questions no longer answered in Spanish or
    Chinese), the others unchanged.
    """
    if lang == "en" or not terms:
        return False
    tagged = [term for term in terms if term[2:3] == ":"]
    return not tagged or any(term.startswith(lang + ":") for term in tagged)


def written_in_first(
    ranked: Sequence[Ranked],
    lang: str,
    languages_of: Callable[[Collection[str]], Mapping[str, str]],
) -> list[Ranked]:
    """``ranked``, with those of its best :data:`WINDOW` from documents written in ``lang``
    first, in their order. ``languages_of`` gives the main language of each of some documents."""
    head = ranked[:WINDOW]
    written = languages_of({r.passage.doc for r in head})
    return brought_first(ranked, [r for r in head if written.get(r.passage.doc) == lang])
