"""The index's term numbering found by bisection (TermIds) answers as the dict of every term it
replaced would: a term's number, none for a term the index lacks, and a term numbered while an
index is composed found afterwards even when it was looked up (and missed) before."""

from __future__ import annotations

import numpy as np
from hypothesis import given
from hypothesis import strategies as st

from retrieval.search.snapshot import TermIds

WORDS = st.text(alphabet="abcdefghij:", min_size=1, max_size=6)


def _numbering(first: list[str]) -> TermIds:
    order = np.array(sorted(range(len(first)), key=first.__getitem__), dtype=np.int32)
    return TermIds(first, order, {})


@given(st.lists(WORDS, unique=True), st.lists(WORDS, unique=True), st.lists(WORDS))
def test_numbers_as_a_dict_of_every_term_would(
    first: list[str], added: list[str], asked: list[str]
) -> None:
    ids = _numbering(first)
    oracle = {term: number for number, term in enumerate(first)}
    for term in asked:  # looked up (and remembered) before the terms below are numbered
        assert ids.get(term) == oracle.get(term)
    for term in added:
        assert ids.number(term) == oracle.setdefault(term, len(oracle))
    for term in [*asked, *added, *first]:
        assert ids.get(term) == oracle.get(term)
        assert (term in ids) == (term in oracle)
    assert len(ids) == len(oracle) and sorted(ids) == sorted(oracle)
