"""Shared fixtures of the retrieval and command-line tests.

The shipped corpus is copied once into a temporary folder and opened as ONE session-wide
:class:`Library` for the read-only tests; tests that change a corpus build their own small folder
with ``make_corpus``. No fixture here is autouse, so the bot's tests (tests/bot) are unaffected.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from retrieval.ingest.parsed import ParsedDocument
from retrieval.ingest.readers.text import parse, read_document
from retrieval.library import Library

PROJECT_ROOT = Path(__file__).resolve().parents[1]
SHIPPED_CORPUS = PROJECT_ROOT / "data" / "corpus"
DEV_SET = PROJECT_ROOT / "data" / "eval" / "dev.jsonl"

DOC_000 = "000_26e09b2c81a064c7.txt"
DOC_001 = "001_301a7359be718b07.txt"
DOC_002 = "002_a3dcc854a06e902a.txt"
DOC_003 = "003_152c6e36f5d007da.txt"
DOC_004 = "004_ac3189a7eefc069c.txt"
ALL_DOCS = (DOC_000, DOC_001, DOC_002, DOC_003, DOC_004)


@pytest.fixture(scope="session")
def shipped_corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of data/corpus (five documents and the manifest) in a temporary folder."""
    folder = tmp_path_factory.mktemp("shipped") / "corpus"
    shutil.copytree(SHIPPED_CORPUS, folder)
    return folder


@pytest.fixture(scope="session")
def shipped_library(
    shipped_corpus: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Library]:
    """The one Library over the shipped corpus; read-only tests share it."""
    library = Library.open(tmp_path_factory.mktemp("shipped-db") / "quotebot.db", shipped_corpus)
    yield library
    library.close()


@pytest.fixture(scope="session")
def parsed_corpus() -> dict[str, ParsedDocument]:
    """Each shipped file parsed as the ingester does (before the manifest is applied)."""
    return {
        name: parse(read_document(SHIPPED_CORPUS / name), fallback_title=name) for name in ALL_DOCS
    }


@pytest.fixture
def make_corpus(tmp_path: Path) -> Callable[..., Path]:
    """Write ``{file name: text or bytes}`` into a fresh corpus folder and return the folder."""

    def make(files: dict[str, str | bytes], folder: str = "corpus") -> Path:
        target = tmp_path / folder
        target.mkdir(exist_ok=True)
        for name, content in files.items():
            path = target / name
            if isinstance(content, bytes):
                path.write_bytes(content)
            else:
                path.write_text(content, encoding="utf-8")
        return target

    return make


@pytest.fixture(scope="module")
def write_library(
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[Callable[[dict[str, str]], Library]]:
    """Open a Library over a fresh corpus folder holding ``{file name: text}``: for a module's
    fixture over a few paragraphs written for its tests; closed after the module."""
    opened: list[Library] = []

    def open_(files: dict[str, str]) -> Library:
        folder = tmp_path_factory.mktemp("written")
        for name, text in files.items():
            (folder / name).write_text(text, encoding="utf-8")
        opened.append(Library.open(tmp_path_factory.mktemp("written-db") / "corpus.db", folder))
        return opened[-1]

    yield open_
    for library in opened:
        library.close()
