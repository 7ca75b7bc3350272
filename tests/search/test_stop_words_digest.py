"""A saved index records the stop-word lists it was built with: other lists, another build."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from retrieval.library import Library
from retrieval.search import generations, languages


def test_an_index_built_with_other_stop_words_is_built_again(
    make_corpus: Callable[..., Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    lists = tmp_path / "stopwords"
    shutil.copytree(languages.STOP_WORDS_DIR, lists)
    monkeypatch.setattr(languages, "STOP_WORDS_DIR", lists)
    languages.stop_words_digest.cache_clear()
    folder = make_corpus({"a.txt": "Apples grow in the orchard behind the old farm house."})
    db = tmp_path / "q.db"
    Library.open(db, folder).close()
    before = generations.read_current(db.with_name("q.db.index"))
    with (lists / "en.txt").open("a", encoding="utf-8") as words:
        words.write("orchard\n")
    languages.stop_words_digest.cache_clear()
    Library.open(db, folder).close()
    after = generations.read_current(db.with_name("q.db.index"))
    languages.stop_words_digest.cache_clear()
    assert before is not None and after is not None
    assert before.tag != after.tag


def test_an_index_built_with_other_language_rules_is_built_again(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # languages.RULES is bumped when a fold or a reading of words changes the terms of a text
    # (Spanish qu/gu, French ligatures): the digest in the index tag must change with it.
    languages.stop_words_digest.cache_clear()
    before = languages.stop_words_digest()
    monkeypatch.setattr(languages, "RULES", languages.RULES + "-next")
    languages.stop_words_digest.cache_clear()
    after = languages.stop_words_digest()
    monkeypatch.undo()
    languages.stop_words_digest.cache_clear()
    assert before != after
