"""kill -9 in the middle of a reload: the previous corpus survives, the next start serves it, and
the next reload completes.

A real subprocess opens the library on a corpus of 120 generated documents, every one of which has
changed since it was indexed, and reloads it. It is killed with SIGKILL at a chosen point, seen
from outside: while the reload's write transaction is open (the database is locked for writing),
or after it committed while the new index is being built (the corpus version has moved on). Then
the database must hold either the whole previous corpus or the whole new one, never a mix.
"""

from __future__ import annotations

import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import CORPUS, PROJECT_ROOT
from tgfakes import DEADLINE

from retrieval.library import Library
from tools.synthetic import generate

AMENDMENT = "Amended paragraph: the narwhal accord was revised by all parties."
CHILD = """
import sys
from pathlib import Path
from retrieval.library import Library

library = Library.open(Path(sys.argv[1]), Path(sys.argv[2]), refresh=False)
print("started", flush=True)
library.reindex()
print("finished", flush=True)
"""

Rows = list[tuple[str, str, str]]


def passages(db: Path) -> Rows:
    """Every passage in the database: (id, document, text), in order."""
    with sqlite3.connect(db) as conn:
        return list(conn.execute("select id, doc, text from passages order by doc, ordinal"))


def corpus_version(db: Path) -> str | None:
    with sqlite3.connect(db) as conn:
        row = conn.execute("select value from meta where key = 'corpus_version'").fetchone()
    return None if row is None else str(row[0])


def writing(db: Path) -> bool:
    """True while another connection holds the database's write lock (a transaction is open)."""
    probe = sqlite3.connect(db, timeout=0, isolation_level=None)
    try:
        probe.execute("begin immediate")
        probe.execute("rollback")
        return False
    except sqlite3.OperationalError as error:
        if "locked" not in str(error):
            raise
        return True
    finally:
        probe.close()


@pytest.fixture(scope="module")
def indexed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """120 generated documents, indexed once (each test works on a copy)."""
    root = tmp_path_factory.mktemp("crash")
    generated, folder = root / "generated", root / "corpus"
    generate(CORPUS, generated, 6000)
    folder.mkdir()
    for path in sorted(generated.iterdir()):  # 60 documents of 100 paragraphs → 120 of 50
        blocks = path.read_text(encoding="utf-8").split("\n\n")
        half = len(blocks) // 2
        for part, chunk in (("a", blocks[:half]), ("b", blocks[half:])):
            (folder / f"{path.stem}{part}.txt").write_text("\n\n".join(chunk), encoding="utf-8")
    Library.open(root / "q.db", folder).close()
    return root


@pytest.fixture
def changed(indexed: Path, tmp_path: Path) -> tuple[Path, Path, Rows]:
    """A copy of the indexed corpus and database, then every document changed, one removed and
    one added; the passages as they were before the change."""
    folder = tmp_path / "corpus"
    shutil.copytree(indexed / "corpus", folder)
    for source in indexed.iterdir():
        if source.name.startswith("q.db") and source.is_dir():  # the index folder
            shutil.copytree(source, tmp_path / source.name)
        elif source.name.startswith("q.db"):
            shutil.copy2(source, tmp_path / source.name)
    db = tmp_path / "q.db"
    before = passages(db)
    files = sorted(folder.iterdir())
    for path in files:
        path.write_text(path.read_text(encoding="utf-8") + f"\n\n{AMENDMENT}\n", "utf-8")
    files[0].unlink()
    (folder / "zz_new.txt").write_text(f"A new document\n\n{AMENDMENT}\n", encoding="utf-8")
    return folder, db, before


def run_and_kill(db: Path, folder: Path, at: str) -> None:
    """Start the reload in a subprocess and SIGKILL it at ``at``: "transaction" or "build"."""
    version = corpus_version(db)
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(db), str(folder)],
        cwd=PROJECT_ROOT,
        env={**os.environ, "PYTHONPATH": str(PROJECT_ROOT)},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert child.stdout is not None and child.stdout.readline().strip() == "started"
        deadline = time.monotonic() + DEADLINE
        while not (writing(db) if at == "transaction" else corpus_version(db) != version):
            assert child.poll() is None, f"the reload ended before the kill: {child.stderr}"
            assert time.monotonic() < deadline, "the reload never got there"
            time.sleep(0.001)
        child.send_signal(signal.SIGKILL)
    finally:
        child.kill()  # a no-op once it is dead
        child.communicate()
    assert child.returncode == -signal.SIGKILL


@pytest.mark.parametrize("at", ["transaction", "build"])
def test_kill_9_during_a_reload_leaves_a_whole_corpus_and_the_next_reload_completes(
    changed: tuple[Path, Path, Rows], at: str
) -> None:
    folder, db, before = changed
    run_and_kill(db, folder, at)

    after_kill = passages(db)
    # The next start (without re-reading the folder) serves what the database holds.
    library = Library.open(db, folder, refresh=False)
    try:
        served = library.passage_count()
        amended = library.answer("narwhal accord revised", k=1)
        report = library.reindex()  # the next reload
        final = passages(db)
        found = library.answer("narwhal accord revised", k=1)
    finally:
        library.close()

    assert after_kill in (before, final), "the database holds a mix of two corpora"
    assert served == len(after_kill)
    if at == "transaction":  # rolled back: the previous corpus, served from its saved index
        assert after_kill == before
        assert not amended.hits or AMENDMENT not in amended.hits[0].passage.text
        assert (len(report.added), len(report.changed), len(report.removed)) == (1, 119, 1)
    else:  # committed, index not saved: the new corpus, its index rebuilt on opening
        assert after_kill == final
        assert AMENDMENT in amended.hits[0].passage.text
        assert not report.changed_anything
    assert final != before and sum(AMENDMENT in text for _, _, text in final) == 120
    assert AMENDMENT in found.hits[0].passage.text
