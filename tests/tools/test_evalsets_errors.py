"""`quotebot eval` over a set whose corpus can't be read names the set and its folder, not the
scratch copy it was read from ("no corpus in /tmp/quotebot-eval-wkv64y_b/0: …")."""

from __future__ import annotations

from pathlib import Path

import pytest

from retrieval.errors import NoCorpusError
from tools import evalsets
from tools.evaluation import QuestionSet


def _set(tmp_path: Path, corpus: Path) -> QuestionSet:
    questions = tmp_path / "q.jsonl"
    questions.write_text('{"id": "q1", "question": "what is it?", "doc": null, "gold": null}\n')
    return QuestionSet("slides-ho", corpus, questions, "heldout")


def test_a_set_of_unreadable_files_is_named(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus = tmp_path / "corpora" / "slides"
    corpus.mkdir(parents=True)
    (corpus / "deck.key").write_bytes(b"PK\x03\x04 slides")
    monkeypatch.setattr(evalsets, "read_sets", lambda: [_set(tmp_path, corpus)])
    with pytest.raises(NoCorpusError) as raised:
        evalsets.run_sets()
    said = str(raised.value)
    assert said.startswith(f"no corpus in {corpus}: ")
    assert "deck.key: unsupported type" in said and "(set slides-ho)" in said


def test_a_missing_folder_is_named(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    corpus = tmp_path / "corpora" / "gone"
    monkeypatch.setattr(evalsets, "read_sets", lambda: [_set(tmp_path, corpus)])
    with pytest.raises(NoCorpusError, match="the folder is missing"):
        evalsets.run_sets()
