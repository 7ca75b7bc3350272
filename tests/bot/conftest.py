"""Fixtures of the bot's tests: a real corpus database per test, the bot started offline."""

from __future__ import annotations

import shutil
import sys
import threading
from collections.abc import AsyncIterator, Iterator
from dataclasses import replace
from pathlib import Path

import pytest

PROJECT_ROOT = Path(__file__).resolve().parents[2]
if str(PROJECT_ROOT) not in sys.path:  # until pytest's `pythonpath` names the project root
    sys.path.insert(0, str(PROJECT_ROOT))

from tgfakes import DEADLINE, TOKEN, USER_ID, Harness, RecordingRequest, running_bot  # noqa: E402

from bot.settings import Settings  # noqa: E402
from retrieval.library import Library  # noqa: E402
from retrieval.model import ReindexReport  # noqa: E402

CORPUS = PROJECT_ROOT / "data" / "corpus"
ADMIN_ID = USER_ID  # Ada, the user of most tests, is the admin where there is one


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
            if source.is_dir():  # the saved index
                shutil.copytree(source, tmp_path / source.name)
            else:
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


# Admins ---------------------------------------------------------------------------------------


@pytest.fixture
def corpus_dir(tmp_path: Path) -> Path:
    """A copy of the shipped corpus that admins may change (file times kept: nothing to
    re-read at start-up)."""
    folder = tmp_path / "corpus"
    shutil.copytree(CORPUS, folder)
    return folder


@pytest.fixture
def admin_settings(settings: Settings, corpus_dir: Path) -> Settings:
    """Settings with :data:`ADMIN_ID` as the one admin, over a corpus folder of the test's own."""
    return replace(settings, corpus_dir=corpus_dir, admin_user_ids=frozenset({ADMIN_ID}))


@pytest.fixture
async def admin_bot(
    admin_settings: Settings, request_layer: RecordingRequest
) -> AsyncIterator[Harness]:
    """The bot with an admin, on a corpus folder the test may change."""
    async with running_bot(admin_settings, request_layer) as harness:
        request_layer.clear()
        yield harness


class GatedLibrary(Library):
    """The real library, except that once :attr:`armed`, swapping in a new index waits until
    the test opens :attr:`gate`: a reload then stays in progress (the corpus tables already
    rewritten, the old index still serving) for as long as the test needs."""

    armed = False
    reindexes = 0

    def arm(self) -> None:
        self.armed = True
        self.building = threading.Event()  # set when a build has started and waits
        self.gate = threading.Event()

    def reindex(self) -> ReindexReport:
        self.reindexes += 1
        return super().reindex()

    def _swap(self, new, analyzer=None):  # type: ignore[no-untyped-def]
        if self.armed:
            self.building.set()
            if not self.gate.wait(DEADLINE):
                raise TimeoutError("the test never let the reload go on")
        return super()._swap(new, analyzer)


@pytest.fixture
def gated_library(admin_settings: Settings) -> Iterator[GatedLibrary]:
    """A :class:`GatedLibrary` on the admin's corpus, armed; the gate opens at the end anyway."""
    library = GatedLibrary.open(admin_settings.db_path, admin_settings.corpus_dir)
    library.arm()
    yield library
    library.gate.set()
    library.close()
