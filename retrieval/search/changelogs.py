"""A changelog's line comes after the documentation that explains the same thing.

Release notes name every feature in a line ("Added `websocket.send_json()`", "The `toc`
extension now accepts `toc_depth`") and so match a question's words as well as the page that
explains the feature, often better: a line is short. Someone asking how a thing works wants
that page; someone asking when it changed wants the note, and the pages come after it
instead. Measured on the dev sets: docs-dev3 (Starlette's docs and release notes) hit@1
0.660 → 0.700, the others unchanged; checked after on held-out: Python-Markdown's docs (a
`change_log/` folder beside them) mddocs hit@1 0.579 → 0.645, mddocs-b 0.404 → 0.481, uvicorn
hit@3 +1, the others unchanged (a first pattern taking any "news" or "history" in a path also
raised debian by one, but took news stories and history books for release notes).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from retrieval.model import Passage
from retrieval.search.rank import Ranked, lowered

# A changelog by its file's name (CHANGELOG.md, CHANGES.rst, release-notes.md; NEWS and HISTORY
# in capitals, as GNU projects write them, History.md as Node's do: "history.md" or "news.html"
# may be a story) or by a folder of them (change_log/release-2.5.md, release-notes/3.0.md).
_CHANGELOG_FILE = re.compile(
    r"(?:^|/)(?:(?i:change[-_]?log|changes|release[-_]?notes?)|NEWS|HISTORY|History)(?:\.\w+)?$"
)
_CHANGELOG_FOLDER = re.compile(r"(?i)(?:^|/)(?:change[-_]?logs?|release[-_]?notes)/")
# A question about changes: "what's new in 3.0?", "which version added …", "when was X
# removed?", "since version 2.1"; not any "new" or "changes" ("I'm new to pathlib", "watch a
# folder for changes").
_ASKS_CHANGES = re.compile(
    r"(?i)\b(?:what(?:['’]s|\s+is)\s+new|(?:which|what)\s+(?:version|release)"
    # "in version 2.5", "since v3.0", "before 3.2.1"; not "after 2.5 seconds", "in 1.5 GB"
    r"|(?:in|since|before|after|until)\s+(?:(?:version\s+|v)\d+(?:\.\d+)+|\d+\.\d+\.\d+)"
    r"|since\s+(?:which|what)\b|change\s*log|release\s+notes?"
    r"|when\s+(?:was|were|did|is|are)\b.{0,60}?\b(?:added|removed|introduced|deprecated|changed"
    r"|dropped|released|renamed))"
)
# A question asking what a release changed: "what changed in", "what's new in", "changes in",
# "what was fixed in", "added in", "release notes of".
_ASKS_WHAT_CHANGED = re.compile(
    r"(?i)\bwhat(?:['’]s|\s+is|\s+has|\s+was|\s+were)?\s+(?:new|changed|added|fixed|removed)"
    r"|\bchange(?:s|d)?\s+(?:in|between|since|of|for)\b|\b(?:added|fixed|removed|new)\s+in\b"
    r"|\bchange\s*log|\brelease\s+notes?"
)
SHARE = 0.8  # a changelog passage's score is multiplied by this
WINDOW = 50  # of the best candidates, those re-ordered
# A version a question names: "9.7.5", "v3.0", "3.0.1rc2" (two parts or more).
_VERSION = re.compile(r"(?<![\w.])v?(\d+(?:\.\d+)+(?:[a-z]+\d*)?)(?![\w.]*\d)", re.IGNORECASE)
RELEASE_PASSAGES = 12  # of a release's notes, those brought first


def is_changelog(doc: str) -> bool:
    """Whether the document (its path in the corpus) is release notes by its name."""
    return bool(_CHANGELOG_FILE.search(doc) or _CHANGELOG_FOLDER.search(doc))


def below_the_documentation(ranked: Sequence[Ranked], question: str) -> list[Ranked]:
    """``ranked`` with its changelog passages' scores lowered (:data:`SHARE`) among the best
    :data:`WINDOW`; when the question asks about changes, the other passages' instead."""
    if not any(is_changelog(r.passage.doc) for r in ranked[:WINDOW]):
        return list(ranked)
    # A page naming the feature in its title outscores the note's one line; "which version
    # added it?" is the note's to answer.
    asks = _ASKS_CHANGES.search(question) is not None
    return lowered(ranked, lambda r: is_changelog(r.passage.doc) is not asks, SHARE, WINDOW)


def version_asked(question: str) -> str | None:
    """The version whose changes ``question`` asks about ("what changed in 9.7.5?", "what's new
    in v3.0?", "changes in 2.1"), None when it asks about no change ("how do I configure
    logging in 2.0.0?" asks how, in that version) or names no version."""
    if _ASKS_WHAT_CHANGED.search(question) is None:
        return None
    found = _VERSION.search(question)
    return found[1] if found else None


def names_version(heading: str, version: str) -> bool:
    """Whether a release's heading names ``version`` whole ("9.7.5 March 10, 2026",
    "mkdocs-material-9.7.5 (2026-03-10)", "[3.0] - 2019-05-01"; "1.2" names "1.2.0"; not
    "9.7.50", "19.7.5" nor a pre-release of it, "9.7.5-beta.1")."""
    pattern = rf"(?<![\w.])v?{re.escape(version)}(?:\.0)*(?![\w]|[.-]\w)"
    return re.search(pattern, heading, re.IGNORECASE) is not None


def release_notes(passages: Sequence[Passage], version: str) -> list[Passage]:
    """Those of ``passages`` under a heading naming ``version``: their section or a heading
    above it ("## [1.2.0]" over "### Added")."""
    return [
        p for p in passages if any(names_version(h, version) for h in (p.section or "", *p.above))
    ]


def answers_release(question: str, passage: Passage) -> bool:
    """Whether ``passage`` is a note of the release ``question`` asks what changed in: what
    that release changed answers it, whichever words the note shares with the question
    ("what changed in 2.0.0?" over "Dropped support for Python 3.7.")."""
    version = version_asked(question)
    return (
        version is not None
        and is_changelog(passage.doc)
        and bool(release_notes([passage], version))
    )
