"""Code inside a sentence, shown as code: "set FZF_DEFAULT_OPTS", "pass --exact", "$HOME".

A passage keeps no mark of inline code (the readers restore a Markdown `` `FZF_DEFAULT_OPTS` ``
as its plain text, and a PDF or a Word file has none to give), so it is told by its shape, as a
reader tells it on a page printed without a code font: a name joined by underscores
(``asn1_der_decoding``, ``$env.FZF_CTRL_R_COMMAND``), a variable (``$HOME``, ``${PATH}``), a
call (``reload()``) or a command-line option (``--exact``, ``-ef``). A phrase of code with spaces
in it ("source <(fzf --zsh)") cannot be told from prose, so only its options and names are.
"""

from __future__ import annotations

import re

from bot.render.html import esc

# An identifier not inside a longer word, path or address: its parts joined by dots ("env.nu"
# alone is no identifier: it needs an underscore, a "$" or "()").
_NAME = re.compile(
    r"(?<![A-Za-z0-9_$/.@:-])"
    r"(?P<name>(?:\$\{?|\*)?[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*\}?(?:\(\))?)"
    r"(?![A-Za-z0-9_/@]|\.[A-Za-z0-9_])"
)
# An option: "--exact", "--no-sort"; a short one alone between spaces ("ps -ef", "-e").
_OPTION = re.compile(
    r"(?<![\w-])--[A-Za-z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)*(?![\w-])"
    r"|(?<!\S)-[A-Za-z]{1,2}(?=[\s,.;:)]|$)"
)
_JOINED = re.compile(r"[A-Za-z0-9]_|_[A-Za-z0-9]")


def _is_code(name: str) -> bool:
    """Whether an identifier-shaped word is code rather than a word: underscores inside it, a
    "$" before it or "()" after it."""
    if name.startswith("$"):
        return len(name.strip("${}")) > 0
    if name.endswith("()"):
        return True
    return bool(_JOINED.search(name)) and any(char.isalpha() for char in name)


def code_spans(text: str) -> list[tuple[int, int]]:
    """The ``(start, end)`` of each piece of inline code in ``text``, in order."""
    spans = [found.span("name") for found in _NAME.finditer(text) if _is_code(found["name"])]
    spans += [found.span() for found in _OPTION.finditer(text)]
    spans.sort()
    kept: list[tuple[int, int]] = []
    for start, end in spans:
        if not kept or start >= kept[-1][1]:
            kept.append((start, end))
    return kept


def with_code(text: str) -> str:
    """``text`` escaped for Telegram HTML, its inline code (:func:`code_spans`) as code."""
    parts: list[str] = []
    cursor = 0
    for start, end in code_spans(text):
        parts.append(esc(text[cursor:start]))
        parts.append(f"<code>{esc(text[start:end])}</code>")
        cursor = end
    parts.append(esc(text[cursor:]))
    return "".join(parts)
