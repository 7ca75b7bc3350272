"""Symbolic links in a corpus folder: which are read, and why the others are not.

A link is read as the file it leads to when that file is inside the folder, not hidden (".env"),
and not itself a document of the corpus (then it would be indexed twice, and every answer from
it shown twice).
The others are reported, each with its reason, so no file is skipped silently: a link out of the
folder (it would let the corpus quote any file of the machine), a broken link, a link that
leads back to itself, a linked folder (not followed: a loop of folders has no end).
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

OUTSIDE = "a link to a file outside the corpus folder: not read"
BROKEN = "a link to a file that does not exist"
LOOP = "a link that leads back to itself"
HIDDEN = "a link to a hidden file: not read"
FOLDER = "a link to a folder: not followed (copy the folder in instead)"


def problem(path: Path, root: Path, documents: Mapping[Path, str]) -> str | None:
    """Why the link ``path`` is not read, or None when it is: ``root`` is the corpus folder,
    resolved; ``documents`` the corpus's files that are no links, by resolved path."""
    try:
        target = path.resolve(strict=True)
    except FileNotFoundError:
        return BROKEN
    except (RuntimeError, OSError):  # Python 3.11 raises RuntimeError for a loop
        return LOOP
    if not target.is_relative_to(root):
        return OUTSIDE
    if any(part.startswith(".") for part in target.relative_to(root).parts):
        return HIDDEN  # ".env", ".git/config": what the corpus leaves out, a link cannot bring in
    if target in documents:
        return f"a link to {documents[target]}, which is read under that name"
    return None


def unfollowed(path: Path, root: Path) -> str:
    """Why the link ``path``, which leads to no file (a walk for files passes over it), is not
    read: it leads to a folder, to nothing, or back to itself; ``root``: the corpus folder,
    resolved."""
    return FOLDER if path.is_dir() else problem(path, root, {}) or BROKEN
