"""Questions whose searched words belong to no one language, answered in the asker's language.

"什么是 Debian？" and "Что такое Debian?" search one word, the name: the question words are stop
words and a name is the same term in every language (:mod:`analyzer`). BM25 then ranks the
corpus's Russian, Chinese and English passages on "Debian" alike, and the first may be in any
of them. The question's language is the one thing left that tells them apart, so passages of
documents written in it come first. Not for English questions: English terms carry no language
mark, so every English question would look like one, and the English paragraph of a Russian
manual that answers it exactly would go below English pages that only share its words.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping, Sequence

from retrieval.search.rank import Ranked, brought_first

# The best candidates among which those in the question's language come first: enough for the
# first pages of results ("more") to stay in it while it has passages on the name.
WINDOW = 30


def asks_by_language(lang: str, terms: Collection[str]) -> bool:
    """Whether a question in ``lang`` (not English) found passages by terms of no language
    only (names, numbers: "debian", "9"; ``terms``: those some passage holds), so that only
    its language tells the passages apart: "那稳定版呢？" after "什么是 Debian GNU/Linux？",
    where no passage writes 稳定版, searches the Russian passages on Debian GNU/Linux as much
    as the Chinese."""
    return lang != "en" and bool(terms) and not any(term[2:3] == ":" for term in terms)


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
