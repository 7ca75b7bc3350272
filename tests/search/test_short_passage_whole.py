"""A passage no longer than a quote may be is quoted whole, not cut to the sentence matched."""

from __future__ import annotations

from collections.abc import Callable

from retrieval.library import Library

SHORT = (
    "In general, the switch costs more with the first directive, while the first render costs "
    "more with the second. So prefer the second if you toggle it often, and the first if the "
    "condition seldom changes at runtime."
)
LONG = (
    "The mirror keeps a full copy of the archive and syncs it every six hours. Each sync "
    "fetches only the files that changed since the last run, so it is quick. A sync that fails "
    "is retried after an hour, and the admins are mailed after three failures in a row. The "
    "copy takes about two terabytes of disk, and the index files are rebuilt after every sync "
    "so that clients never see half of a run."
)


def test_a_short_passage_is_quoted_whole_and_a_long_one_cut(
    write_library: Callable[[dict[str, str]], Library],
) -> None:
    library = write_library({"notes.md": f"# Directives\n\n{SHORT}\n\n## Mirror\n\n{LONG}\n"})
    # The question matches the first sentence only; the second says which to use.
    short = library.answer("which directive costs more to switch", k=3).hits[0]
    assert short.passage.text == SHORT
    assert short.excerpt.plain == SHORT and not short.excerpt.cut_after
    long = library.answer("how often does the mirror sync", k=3).hits[0]
    assert long.passage.text == LONG
    assert long.excerpt.cut_after and "two terabytes" not in long.excerpt.plain
