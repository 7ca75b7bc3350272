"""The passages a question's candidates are fetched as are the passages the store holds.

``CorpusStore.passages_by_rowid`` (every question) fills each Passage's fields without the
dataclass's __init__; oracle: ``CorpusStore.passage`` (by id), which builds it through it.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

from retrieval.library import Library
from retrieval.store.corpus import texts_by_rowid

_DOCUMENT = """# Harbour rules

## Mooring

### At night

Boats moor at the eastern quay after sunset.

Check the lines with this command:

    harbour lines --check

## Fuel

The fuel dock opens at dawn.
"""


def test_fetched_passages_equal_the_stored_ones(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "rules.md").write_text(_DOCUMENT, encoding="utf-8")
    (corpus / "notes.txt").write_text("Pilots board at the outer buoy.\n", encoding="utf-8")
    library = Library.open(tmp_path / "corpus.db", corpus)
    try:
        store = library.store
        rowids = [int(r) for (r,) in store.db.execute("select rowid from passages")]
        fetched = store.passages_by_rowid(rowids)
        assert sorted(fetched) == sorted(rowids) and len(rowids) >= 4
        assert any(p.above for p in fetched.values())  # headings above a section are read too
        for passage in fetched.values():
            stored = store.passage(passage.id)
            assert stored is not None
            assert passage == stored and hash(passage) == hash(stored)
            assert repr(passage) == repr(stored)
            assert dataclasses.asdict(passage) == dataclasses.asdict(stored)
        # What a long question reads of its hundred deeper candidates before fetching any whole.
        texts = texts_by_rowid(store, [*rowids, max(rowids) + 1])
        assert texts == {r: (p.id, p.text) for r, p in fetched.items()}
    finally:
        library.close()
