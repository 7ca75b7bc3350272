"""The headings the re-ranking reads come from the index, as they were analysed when indexed.

Oracle: each passage's section and title analysed again now (and its document's year), which is
what the re-ranking analysed at every question before; read from the index instead, for the
passages of two segments (a reload adds the second, numbering its terms its own way).
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

from retrieval.library import Library


def _document(number: int) -> str:
    return (
        f"# Harbour rules {number}\n\n## Mooring and anchoring\n\n"
        f"Boats of the {number} fleet moor at the eastern quay after sunset.\n\n"
        "## Fuel\n\nThe fuel dock opens at dawn and closes when the harbour master leaves.\n"
    )


def test_each_passage_is_stored_with_its_headings_terms(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "first.md").write_text(_document(1), encoding="utf-8")
    library = Library.open(tmp_path / "corpus.db", corpus)
    try:
        (corpus / "second.md").write_text(_document(2) + "\n## Pilots\n\nA pilot boards.\n")
        library.reindex()
        current = library._current()
        vocabulary = current.index.vocabulary
        positions = list(range(len(current.rowids)))
        rowids = [int(r) for r in current.rowids.take(np.arange(len(current.rowids)))]
        passages = library.store.passages_by_rowid(rowids)
        listed = [passages[r] for r in rowids]
        stored = current.stored(positions, listed)
        assert len({p.doc for p in listed}) == 2 and len(current.segments) == 2
        for passage, heads in zip(listed, stored.heads, strict=True):
            expected = set(library.analyzer.terms(passage.section or "", passage.lang))
            expected |= set(library.analyzer.terms(passage.title, passage.lang))
            assert heads is not None and {vocabulary[t] for t in heads} == expected
    finally:
        library.close()
