"""A changelog's line comes after the documentation that explains the same thing.

Release notes name every feature in a line ("Added `websocket.send_json()`", "The `toc`
extension now accepts `toc_depth`") and so match a question's words as well as the page that
explains the feature, often better: a line is short. Someone asking how a thing works wants
that page; someone asking when it changed wants the note, and is left alone. Measured on the
dev sets: docs-dev3 (Starlette's docs and release notes) hit@1 0.660 → 0.700, the others
unchanged; checked after on held-out: Python-Markdown's docs (a `change_log/` folder beside
them) mddocs hit@1 0.579 → 0.645, mddocs-b 0.404 → 0.462, debian 0.270 → 0.286, the others
unchanged.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence

from retrieval.search.rank import Ranked

# A changelog's file or folder name: CHANGELOG.md, CHANGES, HISTORY.rst, NEWS, release-notes.md,
# change_log/release-2.5.md (a whole word of the path, so "ltnews.pdf" is no NEWS file).
_CHANGELOG = re.compile(
    r"(?i)(?:^|[/_.-])(?:change_?log|changes|history|news|release[-_]?notes?|releases?)"
    r"(?=[/_.-]|$)"
)
# A question about changes: "when was X added?", "what's new in 3.0?", "since which version".
_ASKS_CHANGES = re.compile(
    r"(?i)\b(?:versions?|releases?|released|changed?|changes|changelog|added|new|removed|"
    r"deprecated|since|upgrad\w*)\b"
)
SHARE = 0.8  # a changelog passage's score is multiplied by this
WINDOW = 50  # of the best candidates, those re-ordered


def is_changelog(doc: str) -> bool:
    """Whether the document (its path in the corpus) is release notes by its name."""
    return _CHANGELOG.search(doc) is not None


def below_the_documentation(ranked: Sequence[Ranked], question: str) -> list[Ranked]:
    """``ranked`` with its changelog passages' scores lowered (:data:`SHARE`) among the best
    :data:`WINDOW`, unless the question asks about changes."""
    head = list(ranked[:WINDOW])
    if _ASKS_CHANGES.search(question) or not any(is_changelog(r.passage.doc) for r in head):
        return list(ranked)
    lowered = [
        dataclasses.replace(r, score=r.score * SHARE) if is_changelog(r.passage.doc) else r
        for r in head
    ]
    lowered.sort(key=lambda r: -r.score)  # stable: ties keep their order
    return lowered + list(ranked[WINDOW:])
