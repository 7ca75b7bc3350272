"""A start over files that have not changed: answered without loading what reads files.

A library opens over its corpus folder and checks it; when no file changed, none is read, so the
readers (the plain-text rules alone take 0.13 s to import), the PDF, Word and HTML libraries and
ftfy need not load before the first answer (issue 13: start-up to the first answer at a million
passages within a second). Each start here is a new process: in this one every module is loaded
already, and the bot's own modules are imported as its start imports them.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

from retrieval.library import Library

PROJECT_ROOT = Path(__file__).resolve().parents[1]
# What only reading a file needs: the plain-text rules, the passage splitter, the readers of
# each format and their libraries, ftfy. (The bot's upload code imports the pipeline, the
# list of formats and the check of a file's kind, all light.)
READING = (
    "retrieval.ingest.readers.lines", "retrieval.ingest.readers.common",
    "retrieval.ingest.readers.text", "retrieval.ingest.readers.markdown",
    "retrieval.ingest.readers.pdf", "retrieval.ingest.passages", "ftfy", "pypdfium2", "docx",
    "lxml",
)  # fmt: skip
START = """
import json, sys
from pathlib import Path
import bot.app  # the bot's own modules, as its start imports them
from retrieval.library import Library
library = Library.open(Path(sys.argv[1]), Path(sys.argv[2]))
answer = library.answer(sys.argv[3])
report = library.last_report
library.close()
print(json.dumps({
    "quoted": [hit.passage.text for hit in answer.hits][:1],
    "changed": [*report.added, *report.changed] if report else None,
    "loaded": sorted(m for m in sys.modules if m.startswith(tuple(sys.argv[4:]))),
}))
"""


def _start(db: Path, folder: Path, question: str) -> dict[str, list[str]]:
    """A new process opening the library as the bot does, answering ``question``."""
    run = subprocess.run(
        [sys.executable, "-c", START, str(db), str(folder), question, *READING],
        capture_output=True, text=True, check=False, cwd=PROJECT_ROOT, timeout=300,
    )  # fmt: skip
    assert run.returncode == 0, run.stderr
    result: dict[str, list[str]] = json.loads(run.stdout)
    return result


def test_a_start_over_unchanged_files_answers_without_loading_the_readers(
    shipped_corpus: Path, tmp_path: Path
) -> None:
    db = tmp_path / "quotebot.db"
    Library.open(db, shipped_corpus).close()
    started = _start(db, shipped_corpus, "How many policemen did China send to peacekeeping?")
    assert started["changed"] == []
    assert started["quoted"] and "policemen" in started["quoted"][0]
    assert started["loaded"] == []


def test_a_start_after_a_file_changed_reads_it(
    make_corpus: Callable[..., Path], tmp_path: Path
) -> None:
    folder = make_corpus({"harbour.txt": "The harbour committee meets every spring.\n"})
    db = tmp_path / "quotebot.db"
    Library.open(db, folder).close()
    (folder / "orchard.txt").write_text("Apples are picked in the valley in autumn.\n")
    started = _start(db, folder, "When are apples picked?")
    assert started["changed"] == ["orchard.txt"]
    assert started["quoted"] == ["Apples are picked in the valley in autumn."]
    assert "retrieval.ingest.readers.text" in started["loaded"]


SERVING = """
import json, sys
from pathlib import Path
from retrieval.library import Library
library = Library.open(Path(sys.argv[1]), Path(sys.argv[2]), refresh=False)
answer = library.answer(sys.argv[3])
library.close()
print(json.dumps({
    "quoted": [hit.passage.text for hit in answer.hits][:1],
    "loaded": sorted(m for m in sys.modules if m.startswith(tuple(sys.argv[4:]))),
}))
"""


def test_a_saved_index_served_as_it_is_answers_without_loading_sqlite_utils(
    shipped_corpus: Path, tmp_path: Path
) -> None:
    # Served without re-reading the folder (as `quotebot bench` times a start-up), nothing is
    # written: plain sqlite3 reads, and sqlite-utils, which writes, and what it loads (click,
    # dateutil, its plugins' entry points: a tenth of a second) are not imported.
    db = tmp_path / "quotebot.db"
    Library.open(db, shipped_corpus).close()
    question = "How many policemen did China send to peacekeeping?"
    run = subprocess.run(
        [sys.executable, "-c", SERVING, str(db), str(shipped_corpus), question,
         "sqlite_utils", "click", "dateutil"],
        capture_output=True, text=True, check=False, cwd=PROJECT_ROOT, timeout=300,
    )  # fmt: skip
    assert run.returncode == 0, run.stderr
    started = json.loads(run.stdout)
    assert started["quoted"] and "policemen" in started["quoted"][0]
    assert started["loaded"] == []


def test_make_run_starts_the_bot_where_its_modules_cannot_be_compiled(tmp_path: Path) -> None:
    # `make run` compiles the modules before the bot starts, to start faster; in a tree it may
    # not write in (an image's read-only app folder), compileall failed and make stopped there:
    # the bot never started.
    (tmp_path / "pyproject.toml").write_text("", encoding="utf-8")
    for package in ("bot", "retrieval"):
        (tmp_path / package).mkdir()
        (tmp_path / package / "__init__.py").write_text("", encoding="utf-8")
        (tmp_path / package / "__pycache__").write_text("", encoding="utf-8")  # no folder
    venv = tmp_path / ".venv"
    (venv / "bin").mkdir(parents=True)
    (venv / "bin" / "python").symlink_to(sys.executable)
    started = venv / "bin" / "quotebot"
    started.write_text("#!/bin/sh\necho started $1\n", encoding="utf-8")
    started.chmod(0o755)
    (venv / ".installed").write_text("", encoding="utf-8")  # installed after pyproject.toml
    run = subprocess.run(
        ["make", "-s", "-f", str(PROJECT_ROOT / "Makefile"), "run"],
        capture_output=True, text=True, check=False, cwd=tmp_path, timeout=120,
    )  # fmt: skip
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip().splitlines()[-1] == "started run"
