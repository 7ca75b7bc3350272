"""Persistence: one SQLite file, one connect / transaction / migration mechanism (:mod:`.db`), all
corpus SQL (:mod:`.corpus`), and the user's cache folder, where databases made for a corpus given
on the command line and the language model's unpacked copy are kept (:func:`cache_folder`)."""

from __future__ import annotations

import os
from pathlib import Path


def cache_folder() -> Path:
    """The user's cache folder for quotebot (``$XDG_CACHE_HOME/quotebot``, else ~/.cache)."""
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "quotebot"
