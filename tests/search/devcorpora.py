"""A Library over one of the dev corpora, for tests that ask real documents questions."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from retrieval.library import Library

DEV_CORPORA = Path(__file__).resolve().parents[2] / "data" / "eval" / "corpora"


def dev_corpus_library(tmp_path_factory: pytest.TempPathFactory, name: str) -> Library:
    """A Library over a copy of the dev corpus ``name`` (data/eval/corpora/NAME, its SOURCES.md
    left out) in temporary folders, so no test writes beside the data; the caller closes it."""
    folder = tmp_path_factory.mktemp(name) / "corpus"
    shutil.copytree(DEV_CORPORA / name, folder, ignore=shutil.ignore_patterns("SOURCES.md"))
    return Library.open(tmp_path_factory.mktemp(f"{name}-db") / "corpus.db", folder)
