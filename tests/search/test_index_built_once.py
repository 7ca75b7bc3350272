"""Two processes opening one database whose index must be rebuilt (an index of an older segment
format, after an upgrade: the bot and `quotebot index` at once) build it once: the second,
waiting for the index folder's lock, serves what the first built. It built it again, removing
the first one's index from under it (minutes at a million passages)."""

from __future__ import annotations

import json
import threading
from pathlib import Path
from typing import Any

import pytest

from retrieval.library import Library
from retrieval.search import snapshot, upkeep

DOCS = {
    "harbour.md": "# Harbour\n\nThe harbour master opens the lock gates at high tide.\n",
    "orchard.md": "# Orchard\n\nApples are picked in the valley in autumn.\n",
}


def test_an_index_of_an_old_format_opened_twice_at_once_is_built_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name, text in DOCS.items():
        (corpus / name).write_text(text, encoding="utf-8")
    db = tmp_path / "quotebot.db"
    Library.open(db, corpus).close()
    for meta in db.with_name(db.name + ".index").glob("*/meta.json"):
        written = json.loads(meta.read_text(encoding="utf-8"))
        meta.write_text(json.dumps(written | {"format": 1}), encoding="utf-8")

    # Both find the old index unreadable before either rebuilds it.
    both_looked = threading.Barrier(2, timeout=60)
    loads, builds = [0], [0]
    load, build = snapshot.load, snapshot.build

    def looking(*args: Any, **kwargs: Any) -> snapshot.Snapshot | None:
        loads[0] += 1
        found = load(*args, **kwargs)
        if loads[0] <= 2:
            both_looked.wait()
        return found

    def building(*args: Any, **kwargs: Any) -> snapshot.Snapshot:
        builds[0] += 1
        return build(*args, **kwargs)

    monkeypatch.setattr(upkeep.snapshot, "load", looking)
    monkeypatch.setattr(upkeep.snapshot, "build", building)
    answers: list[str] = []

    def serve() -> None:
        library = Library.open(db, corpus, refresh=False)
        try:
            answers.append(library.answer("When are apples picked?").hits[0].passage.text)
        finally:
            library.close()

    threads = [threading.Thread(target=serve) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(120)
    assert answers == ["Apples are picked in the valley in autumn."] * 2
    assert builds == [1]
