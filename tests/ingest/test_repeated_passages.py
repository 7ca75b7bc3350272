"""A file that floods the index with copies of itself is read once; a line a document repeats
after other text is read where it stands each time.

A 2 MB file of one word (a tester's, "word word word …" on one line) was 1,334 passages all
alike, and one real paragraph pasted a thousand times over would be a thousand: the copies after
the first add nothing a reader could miss. Syncthing's page on ``copyRangeMethod`` says
"Available on: All platforms" under ``standard`` and again under ``all``: each says it of its
own method, and both are read; so is a paragraph written a few times in a row.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from retrieval.library import Library

PAGE = Path(__file__).parent / "fixtures" / "syncthing" / "folder-copyrangemethod.rst"
SAID_TWICE = "Available on: All platforms"


def _one_word() -> str:
    return " ".join(["sync"] * 400_000) + "\n"  # 2 MB on one line


def _one_paragraph_pasted(times: int = 1000) -> str:
    paragraph = PAGE.read_text(encoding="utf-8").split("\n\n")[3]  # "Provides a choice of …"
    return "\n\n".join([paragraph] * times) + "\n"


@pytest.mark.parametrize("flood", [_one_word, _one_paragraph_pasted], ids=["word", "paragraph"])
def test_a_flood_of_copies_is_one_passage_and_a_repeated_line_stays_at_each_place(
    tmp_path: Path, flood: Callable[[], str]
) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "copyrangemethod.rst").write_bytes(PAGE.read_bytes())
    (corpus / "flood.txt").write_text(flood(), encoding="utf-8")
    (corpus / "thrice.txt").write_text(_one_paragraph_pasted(3), encoding="utf-8")
    library = Library.open(tmp_path / "q.db", corpus)
    try:
        texts = [p.text for _, p in library.store.all_passages() if p.doc == "flood.txt"]
        assert len(texts) == 1  # not 1,334 (or 1,000) alike
        page = [p for _, p in library.store.all_passages() if p.doc == "copyrangemethod.rst"]
        said = [p.paragraph for p in page if p.text == SAID_TWICE]
        # Under "standard (default)" and under "all", the paragraphs a reader counts there.
        assert said == [3, 13]
        assert "standard" in page[1].text and page[-2].text.startswith("all: Tries all")
        # A paragraph written three times in a row (a refrain, a doubled note) is read so.
        thrice = [p.paragraph for _, p in library.store.all_passages() if p.doc == "thrice.txt"]
        assert thrice == [1, 2, 3]
        # The index's count, as `quotebot index` and the chat's greeting say it.
        assert library.passage_count() == len(page) + 1 + 3
    finally:
        library.close()
