"""What admins read: a reload's report, a failed reload, lists of document file names."""

from __future__ import annotations

from collections.abc import Sequence

from bot.locales import Strings, en
from bot.render.html import ELLIPSIS, TELEGRAM_LIMIT, esc, fit, shorten, tg_len
from retrieval.ingest.manifest import MANIFEST
from retrieval.model import ReindexReport

MANIFEST_PROBLEMS = 10  # shown in a report at most; then how many more


def report_html(
    report: ReindexReport,
    *,
    intro: Sequence[str] = (),
    limit: int = TELEGRAM_LIMIT,
    t: Strings = en,
) -> str:
    """A reload's report: counts, paragraphs before and after, the names of what changed, what
    to fix in the manifest, and a line for every file skipped and why (as many as fit, then how
    many more)."""
    before = [*intro, _summary(report, t)]
    names = [
        t.RELOAD_NAMES.format(label=label, names=_listed(changed, 1000, t))
        for label, changed in zip(
            t.RELOAD_LABELS, (report.added, report.changed, report.removed), strict=True
        )
        if changed
    ]
    if names:
        before.append("\n".join(names))
    problems = [s.reason for s in report.skipped if s.doc == MANIFEST]
    if problems:
        before.append(_manifest_problems(problems, t, limit))
    skipped = [s for s in report.skipped if s.doc != MANIFEST]
    if not skipped:
        return fit(before, [], limit=limit).text
    lines = [
        t.RELOAD_SKIPPED.format(
            doc=esc(shorten(file.doc, 200)), reason=esc(shorten(file.reason, 300))
        )
        for file in skipped
    ]
    header = t.RELOAD_SKIPPED_HEADER
    more = t.RELOAD_MORE.format(count=len(lines))  # the longest it can be
    shown = fit(before, lines, header=header, limit=limit - tg_len("\n" + more))
    if shown.shown == len(lines):
        return fit(before, lines, header=header, limit=limit).text
    return f"{shown.text}\n{t.RELOAD_MORE.format(count=len(lines) - shown.shown)}"


def _manifest_problems(problems: Sequence[str], t: Strings, limit: int) -> str:
    """What to fix in ``manifest.toml``, a line each (in a message the first few, then how
    many more; all of them in the terminal)."""
    most = MANIFEST_PROBLEMS if limit <= TELEGRAM_LIMIT else len(problems)
    lines = [
        t.RELOAD_MANIFEST_LINE.format(problem=esc(shorten(problem, 400)))
        for problem in problems[:most]
    ]
    if len(problems) > most:
        lines.append(t.RELOAD_MORE.format(count=len(problems) - most))
    return "\n".join([t.RELOAD_MANIFEST_HEADER, *lines])


def _listed(names: Sequence[str], most: int, t: Strings) -> str:
    """``names`` joined by commas, as many as fit in ``most`` characters, then how many more
    (an admin who added 42 files sees 38 and "…and 4 more.", not 38 and "…")."""
    shown: list[str] = []
    for number, name in enumerate(names):
        if len(", ".join([*shown, name])) > most:
            more = t.RELOAD_MORE.format(count=len(names) - number)
            return f"{esc(', '.join(shown))} {more}" if shown else more
        shown.append(shorten(name, most))
    return esc(", ".join(shown))


def _summary(report: ReindexReport, t: Strings) -> str:
    counts = t.RELOAD_COUNTS.format(
        added=len(report.added),
        changed=len(report.changed),
        removed=len(report.removed),
        unchanged=len(report.unchanged),
    )
    paragraphs = t.RELOAD_PARAGRAPHS.format(
        before=report.paragraphs_before, after=report.paragraphs_after
    )
    return "\n".join([t.RELOAD_DONE.format(seconds=report.seconds), counts, paragraphs])


def reload_failed_html(reason: str, t: Strings = en) -> str:
    """A reload that failed: what failed, and that the documents served did not change."""
    return str(t.RELOAD_FAILED.format(reason=esc(shorten(reason, 1000))))


def names_html(names: Sequence[str], *, limit: int = 3000, t: Strings = en) -> str:
    """Document file names, one a line, as many as fit in ``limit``."""
    lines: list[str] = []
    for name in names:
        line = t.REMOVE_NAME.format(name=esc(name))
        if tg_len("\n".join([*lines, line])) > limit:
            lines.append(ELLIPSIS)
            break
        lines.append(line)
    return "\n".join(lines)
