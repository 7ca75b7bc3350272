"""A short display of code in the middle of a sentence of a web page (docs-dev and docs-dev2:
Python's documentation pages; sources in those folders' SOURCES.md)."""

from __future__ import annotations

from readerfiles import CORPORA, parsed


def test_a_sentence_reads_through_its_short_display() -> None:
    # "… you’ll see:" / WARNING:root:Watch out! / "printed out on the console. The INFO …"
    logging = parsed(CORPORA / "docs-dev2" / "html" / "python-howto-logging.html")
    assert not [b for b in logging.blocks if b.text.startswith("printed out on the console")]
    seen = next(b for b in logging.blocks if b.text.startswith("If you type these lines"))
    assert "you’ll see: WARNING:root:Watch out! printed out on the console. The INFO" in seen.text
    venv = parsed(CORPORA / "docs-dev" / "html" / "python-tutorial-venv.html")
    texts = [b.text for b in venv.blocks]
    assert "To deactivate a virtual environment, type: deactivate into the terminal." in texts


def test_a_display_the_next_sentence_only_follows_stays_code() -> None:
    logging = parsed(CORPORA / "docs-dev2" / "html" / "python-howto-logging.html")
    simple = next(b for b in logging.blocks if b.text == "A very simple example is:")
    assert simple.kind == "code" and "logging.warning('Watch out!')" in simple.code


def test_a_session_or_a_sentence_opening_with_a_name_is_not_run_in() -> None:
    # ">>> PosixPath('/etc')" / "<em>pathsegments</em> is specified similarly to PurePath."
    pathlib = parsed(CORPORA / "docs-dev2" / "html" / "python-library-pathlib.html")
    posix = next(b for b in pathlib.blocks if b.text.startswith("class pathlib.PosixPath"))
    assert posix.kind == "code" and posix.code.startswith(">>> PosixPath('/etc')")
    cwd = next(b for b in pathlib.blocks if b.text.startswith("classmethod Path.cwd()"))
    assert "Path.home()" not in cwd.text
