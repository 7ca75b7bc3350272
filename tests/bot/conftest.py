"""Fixtures of the bot's tests: a real corpus database per test, the bot started offline."""

from __future__ import annotations

import shutil
import sys
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import pytest

PROJECT_ROOT = Path(__file__).resolve().parents[2]
if str(PROJECT_ROOT) not in sys.path:  # until pytest's `pythonpath` names the project root
    sys.path.insert(0, str(PROJECT_ROOT))

from tgfakes import TOKEN, Harness, RecordingRequest, running_bot  # noqa: E402

from bot.settings import Settings  # noqa: E402
from retrieval.library import Library  # noqa: E402

CORPUS = PROJECT_ROOT / "data" / "corpus"


@pytest.fixture(scope="session")
def indexed_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real corpus indexed once into a database file (copied by each test that uses it)."""
    path = tmp_path_factory.mktemp("template") / "quotebot.db"
    Library.open(path, CORPUS).close()
    return path


@pytest.fixture
def db_path(indexed_db: Path, tmp_path: Path) -> Path:
    """A fresh copy of the indexed database (and its saved index) for one test."""
    path = tmp_path / "quotebot.db"
    for source in indexed_db.parent.iterdir():
        if source.name.startswith(indexed_db.name):
            shutil.copy(source, tmp_path / source.name)
    return path


@pytest.fixture
def settings(db_path: Path) -> Settings:
    # The base URL is never contacted: the recording request answers every call.
    return Settings(
        token=TOKEN,
        api_base_url="http://127.0.0.1:9/bot",
        db_path=db_path,
        corpus_dir=CORPUS,
        conversation_idle_minutes=30,
    )


@pytest.fixture
def request_layer() -> Iterator[RecordingRequest]:
    request = RecordingRequest()
    yield request
    assert request.unexpected == [], (
        f"the bot called Bot API methods no fake knows: {request.unexpected}"
    )


@pytest.fixture
async def bot(settings: Settings, request_layer: RecordingRequest) -> AsyncIterator[Harness]:
    """The real Application, started (post_init ran: library and state open), offline."""
    async with running_bot(settings, request_layer) as harness:
        request_layer.clear()  # start-up calls (getMe, setMyCommands) are tested on their own
        yield harness
