"""Reading the terminal chat's lines: line editing and history on a terminal, plain lines from
a pipe, and a clean end on Ctrl-D (end of input) or Ctrl-C.

On a terminal, :mod:`readline` gives the prompt line editing (arrow keys, Ctrl-A/E...) and a
history kept between sessions in ``$XDG_STATE_HOME/quotebot/history`` (else
``~/.local/state``). From a pipe or a file each line is echoed after the prompt, so the output
reads as a conversation.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TextIO

from bot.locales import en

PROMPT = "? "
HISTORY_LINES = 1000

LineReader = Callable[[str], str]  # input(): the line typed; EOFError at the end of input


def history_file() -> Path:
    base = os.environ.get("XDG_STATE_HOME") or str(Path.home() / ".local" / "state")
    return Path(base) / "quotebot" / "history"


def _readline_reader(history: Path) -> tuple[LineReader, Callable[[], None]]:
    """``input`` with line editing and ``history`` loaded; and what saves the history."""
    try:
        import readline
    except ImportError:  # not on every platform: plain input() still works
        return input, lambda: None
    with contextlib.suppress(OSError):
        readline.read_history_file(history)
    readline.set_history_length(HISTORY_LINES)

    def save() -> None:
        with contextlib.suppress(OSError):
            history.parent.mkdir(parents=True, exist_ok=True)
            readline.write_history_file(history)

    return input, save


def _piped_reader(stdin: TextIO, stdout: TextIO) -> LineReader:
    def read(prompt: str) -> str:
        line = stdin.readline()
        if not line:
            raise EOFError
        if line.strip():
            print(f"\n{prompt}{line.strip()}", file=stdout)
        return line

    return read


def chat_loop(
    handle: Callable[[str], str | None],
    welcome: str,
    reader: LineReader | None = None,
    *,
    stdin: TextIO | None = None,
    stdout: TextIO | None = None,
    bye: Callable[[], str] = lambda: str(en.CLI_BYE),
) -> int:
    """Read lines until /quit, Ctrl-D or Ctrl-C, printing ``handle``'s reply to each, then
    ``bye`` (in the language the chat speaks by then); 0."""
    stdin, stdout = stdin or sys.stdin, stdout or sys.stdout
    save: Callable[[], None] = lambda: None  # noqa: E731
    interactive = reader is None and stdin.isatty() and stdout.isatty()
    if reader is None:
        if interactive:
            reader, save = _readline_reader(history_file())
        else:
            reader = _piped_reader(stdin, stdout)
    print(welcome, file=stdout)
    try:
        while True:
            if interactive:
                print(file=stdout)  # a blank line before the prompt, not in it: readline
            line = reader(PROMPT)  # redraws the prompt's line, which must be one line
            if not line.strip():
                continue
            reply = handle(line)
            if reply is None:
                break
            print(reply, file=stdout, flush=True)
    except (EOFError, KeyboardInterrupt):  # Ctrl-D, Ctrl-C: the end, not an error
        print(file=stdout)
    finally:
        save()
    print(bye(), file=stdout)
    return 0
