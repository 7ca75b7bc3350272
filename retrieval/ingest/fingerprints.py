"""A document's fingerprint: what it was read from, so a refresh reads again only what changed.

``"<sha256 of the file>:v<parser version>:<hash of its manifest entry>"``. The parser version
stands on its own, so a file read by an older parser is read again even while the manifest can't
be read (the entry unknown); and the entry it was read with can be found again from the
document's title, date and source (:func:`entry_of`), so it keeps them when it is read again.

Fingerprints written before the version stood apart, ``"<sha256>:<hash of version and entry>"``,
are still understood (:func:`matches`); a refresh writes them anew (:func:`is_old`).
"""

from __future__ import annotations

import hashlib
import itertools
import json
from collections.abc import Mapping

from retrieval.ingest import manifest

KEYS = manifest.KEYS  # the manifest's keys, each also a column of a document


def make(digest: str, entry: Mapping[str, str], version: str) -> str:
    """The fingerprint of a file whose content hashes to ``digest``, read by parser
    ``version`` with the manifest ``entry``."""
    return f"{digest}:v{version}:{_meta(entry)}"


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def content(fingerprint: str) -> str:
    """The content hash part of ``fingerprint``."""
    return fingerprint.split(":")[0]


def is_old(fingerprint: str) -> bool:
    """A fingerprint written before the parser version stood apart."""
    return fingerprint.count(":") == 1


def matches(fingerprint: str, entry: Mapping[str, str], version: str) -> bool:
    """Whether ``fingerprint`` is of a file read by parser ``version`` with ``entry`` (its
    content is not looked at)."""
    if is_old(fingerprint):
        return fingerprint.endswith(":" + _old_meta(entry, version))
    return fingerprint == make(content(fingerprint), entry, version)


def entry_of(fingerprint: str, row: Mapping[str, object], version: str) -> dict[str, str] | None:
    """The manifest entry the document ``row`` was read with, found among its title, date and
    source (each the entry's, when the entry had it); None when none fits (an old fingerprint
    of another parser version)."""
    written = as_entry(row)
    for size in range(len(written) + 1):
        for keys in itertools.combinations(written, size):
            entry = {key: written[key] for key in keys}
            meta = _old_meta(entry, version) if is_old(fingerprint) else _meta(entry)
            if fingerprint.endswith(":" + meta):
                return entry
    return None


def _meta(entry: Mapping[str, str]) -> str:
    return hashlib.sha256(json.dumps(entry, sort_keys=True).encode()).hexdigest()[:16]


def _old_meta(entry: Mapping[str, str], version: str) -> str:
    return hashlib.sha256(json.dumps([version, entry], sort_keys=True).encode()).hexdigest()[:16]


def as_entry(row: Mapping[str, object]) -> dict[str, str]:
    """The title, date and source the document ``row`` has, as a manifest entry would say them."""
    return {key: str(row[key]) for key in KEYS if row.get(key) is not None}


def only_parser(old: str, new: str) -> bool:
    """Whether a document fingerprinted ``old`` and read again as ``new`` was read again only
    for a new parser: the same content, read with the same manifest entry (an old-form
    fingerprint, which folds the version into the entry's hash, by its content alone)."""
    if content(old) != content(new):
        return False
    return is_old(old) or old.rsplit(":", 1)[-1] == new.rsplit(":", 1)[-1]
