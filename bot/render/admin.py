"""What admins read: a reload's report, a failed reload, lists of document file names."""

from __future__ import annotations

import sys
from collections import Counter
from collections.abc import Sequence

from bot.locales import Strings, en
from bot.render.html import TELEGRAM_LIMIT, decimal, esc, fit, pages, shorten, tg_len
from bot.render.reasons import reason_text
from retrieval.model import ReindexReport, SkippedFile

MANIFEST_PROBLEMS = 10  # shown in a report at most; then how many more
SKIPPED_ROOM = 600  # characters a report keeps for its skipped files' first lines and counts
# Names listed one by one up to this many; more are counted by folder ("reference/7.7/ (468)")
# and skipped files by reason ("a.png and 773 more: unsupported type (.png …)"): a first
# index of 4,638 files printed 4,533 lines, a folder deleted 468 "Removed" lines.
LISTED_ONE_BY_ONE = 20
FOLDERS = 12  # folders a grouped list names at most (the deepest level with no more)


def report_html(
    report: ReindexReport,
    *,
    intro: Sequence[str] = (),
    limit: int = TELEGRAM_LIMIT,
    t: Strings = en,
    earlier: ReindexReport | None = None,
    every_name: bool = False,
) -> str:
    """A reload's report: counts, paragraphs before and after, the names of what changed, what
    to fix in the manifest, and a line for every file skipped and why, those kept at their last
    good version apart, and for every file read only in part (as many as fit, then how many
    more). With the ``earlier`` report, the files skipped (or read in part) then for the same
    reason are only counted (``/sources`` lists them).

    More than :data:`LISTED_ONE_BY_ONE` names are counted by folder, skipped files by reason,
    unless ``every_name`` (``quotebot index --verbose``). Without a message's ``limit`` (the
    terminal's ``quotebot index``) every line is shown; in a message, a list cut short says
    that ``/sources`` has the rest (not of the files removed: they are no more)."""
    full = limit > TELEGRAM_LIMIT
    before = [*intro, _summary(report, t, full)]
    names = [
        _names(label, changed if every_name else _by_folder(changed), t, full, hint)
        for (label, changed), hint in zip(
            _labelled_names(report, t), (True, True, False, True, True), strict=True
        )
        if changed
    ]
    if names:
        before.append("\n".join(names))
    problems = report.manifest_problems
    if problems:
        # What is left of the message once the skipped files' lines have their least room:
        # 60 renamed files and 60 stale manifest entries made a report Telegram refused.
        room = limit - tg_len("\n\n".join(before)) - SKIPPED_ROOM
        before.append(_manifest_problems(problems, t, limit, room))
    new = _new_skips(report, earlier)
    new_partial = _new_partial(report, earlier)
    still = len(report.skipped) - len(new)
    still_partial = len(report.partial) - len(new_partial)
    after = [t.RELOAD_STILL_SKIPPED.format(count=still)] if still else []
    if still_partial:
        after.append(t.RELOAD_STILL_PARTIAL.format(count=still_partial))
    items = skipped_lines(report, t, new, new_partial, grouped=not every_name)
    if not items:
        return fit(before, [], after, limit=limit).text
    headings = skipped_headings(t)
    listed = sum(1 for item in items if item not in headings)  # a file, or a reason's files
    more = t.RELOAD_MORE_LISTED.format(count=listed)  # the longest it can be
    shown = fit(before, items, after, limit=limit - tg_len("\n" + more)).shown
    chosen = items[:shown]
    while chosen and chosen[-1] in headings:
        chosen.pop()  # a heading with none of its lines
    left = listed - sum(1 for item in chosen if item not in headings)
    ending = [t.RELOAD_MORE_LISTED.format(count=left)] if left else []  # an admin's /sources
    return fit(before, [*chosen, *ending], after, limit=sys.maxsize).text


def _new_skips(report: ReindexReport, earlier: ReindexReport | None) -> list[SkippedFile]:
    """The files skipped that ``earlier`` did not skip the same way. A file skipped before
    under another folder's name, for the same reason, is no new one: the folder was renamed or
    moved (tryout19: renaming a folder listed its 15 ``_index.md`` files, skipped at every
    reload, one by one again)."""
    if earlier is None:
        return list(report.skipped)
    seen = {_how(s, earlier) for s in earlier.skipped}
    hows = [_how(s, report) for s in report.skipped]
    # Those skipped before and not now, by file name and reason: where a moved one came from.
    gone = Counter(_skip_key(how) for how in seen.difference(hows))
    new = []
    for skipped, how in zip(report.skipped, hows, strict=True):
        if how in seen:
            continue
        if gone[key := _skip_key(how)] > 0:
            gone[key] -= 1
        else:
            new.append(skipped)
    return new


def _skip_key(how: tuple[str, str, bool]) -> tuple[str, str, bool]:
    """A skipped file's name without its folder, its reason, and whether its last good
    version is kept: what stays the same when its folder is renamed."""
    doc, reason, kept = how
    return doc.rsplit("/", 1)[-1], reason, kept


def _how(skipped: SkippedFile, report: ReindexReport) -> tuple[str, str, bool]:
    return skipped.doc, skipped.reason, skipped.doc in report.kept


def _new_partial(report: ReindexReport, earlier: ReindexReport | None) -> list[SkippedFile]:
    """The files read in part that ``earlier`` did not read in part the same way."""
    seen = set() if earlier is None else set(earlier.partial)
    return [p for p in report.partial if p not in seen]


def skipped_lines(
    report: ReindexReport,
    t: Strings = en,
    only: Sequence[SkippedFile] | None = None,
    partial: Sequence[SkippedFile] | None = None,
    *,
    grouped: bool = False,
) -> list[str]:
    """A line for each file skipped (or each of ``only``) and why: first those kept at their
    last good version, then those not indexed, each group under its heading; then each file
    read only in part (or each of ``partial``), with what was not read and why. ``grouped``:
    more than :data:`LISTED_ONE_BY_ONE` under a heading, the files skipped for one reason are
    one line, how many and an example (:func:`_by_reason`)."""
    files = list(report.skipped if only is None else only)
    groups = (
        (t.RELOAD_KEPT_HEADER, [s for s in files if s.doc in report.kept]),
        (t.RELOAD_SKIPPED_HEADER, [s for s in files if s.doc not in report.kept]),
        (t.RELOAD_PARTIAL_HEADER, list(report.partial if partial is None else partial)),
    )
    lines: list[str] = []
    for heading, group in groups:
        if group:
            lines.append(heading)
        if grouped and len(group) > LISTED_ONE_BY_ONE:
            lines.extend(_by_reason(group, t))
            continue
        lines.extend(
            t.RELOAD_SKIPPED.format(
                doc=esc(shorten(file.doc, 200)),
                reason=esc(shorten(reason_text(file.reason, t), 300)),
            )
            for file in group
        )
    return lines


def skipped_headings(t: Strings) -> frozenset[str]:
    """The headings :func:`skipped_lines` puts over its groups of files."""
    return frozenset({t.RELOAD_KEPT_HEADER, t.RELOAD_SKIPPED_HEADER, t.RELOAD_PARTIAL_HEADER})


def _by_reason(files: Sequence[SkippedFile], t: Strings) -> list[str]:
    """The files skipped for one reason as one line, most first: "media/s1.png and 773 more:
    unsupported type (.png; an image: its text needs OCR)"; a reason given once is its file's
    line. "774 × media/s1.png" read as one file skipped 774 times."""
    reasons = Counter(file.reason for file in files)
    first: dict[str, str] = {}
    for file in files:
        first.setdefault(file.reason, file.doc)
    return [
        _skipped_with_more(t, first[reason], count - 1, reason_text(reason, t))
        for reason, count in reasons.most_common()
    ]


def _skipped_with_more(t: Strings, doc: str, more: int, reason: str) -> str:
    """A skipped file's line, with how many ``more`` were skipped for its reason after its
    name, said by the locale's own "…and 24 more." without its ellipsis and full stop."""
    template = str(t.RELOAD_SKIPPED)
    if more:
        said = esc(str(t.RELOAD_MORE.format(count=more)).strip("….。 "))
        code = "{doc}</code>"  # after the name, not in its code font, when it is in one
        name = code if code in template else "{doc}"
        template = template.replace(name, f"{name} {said}", 1)
    return template.format(doc=esc(shorten(doc, 200)), reason=esc(shorten(reason, 300)))


def _by_folder(names: Sequence[str]) -> Sequence[str]:
    """``names`` as listed: themselves when few (:data:`LISTED_ONE_BY_ONE`), else counted by
    folder at the deepest level naming at most :data:`FOLDERS` of them ("reference/7.7/ (468)"),
    a file alone in its folder by its name; a rename ("old → new") by the folders it left and
    went to ("source/end-user-guide/ → source/user-guide/ (97)")."""
    if len(names) <= LISTED_ONE_BY_ONE:
        return names
    deepest = max(_folder(name).count("/") for name in names)
    groups = Counter(names)  # all in the corpus folder itself: by name
    for depth in range(deepest, 0, -1):
        groups = Counter(_folder(name, depth) for name in names)
        if len(groups) <= FOLDERS:
            break
    return [f"{place} ({count})" if count > 1 else place for place, count in groups.items()]


def _folder(name: str, depth: int | None = None) -> str:
    """The folder ``name`` is in, its first ``depth`` levels ("a/b/"), or ``name`` itself when
    it is in no folder that deep; a rename's by :func:`_moved`."""
    if " → " in name:
        old, new = name.split(" → ", 1)
        return _moved(old, new, depth)
    parts = name.split("/")
    if depth is None:
        return "/".join(parts[:-1]) + "/" if len(parts) > 1 else name
    return "/".join(parts[:depth]) + "/" if len(parts) > depth else name


def _moved(old: str, new: str, depth: int | None) -> str:
    """A rename counted by what moved: a folder ("docs/ → guide/"), without what old and new
    share at the end (the file's name, the subfolders moved with it); a file renamed in its
    folder by that folder, as a file added is ("guide/"); one renamed in the corpus folder
    itself (or deeper than ``depth``), or moved into or out of it, by its "old → new".
    Renaming the folder "docs" read "guide/ (25)" (the old name lost); 22 files renamed in one
    folder, 22 lines of "guide/d1.md/ → guide/renamed-d1.md/" (a folder that is not)."""
    before, after = old.split("/"), new.split("/")
    if before[-1] != after[-1]:  # the file's name changed
        if before[:-1] == after[:-1]:  # where it was: by its folder, else old and new
            folder = _folder(new, depth)
            return f"{old} → {new}" if folder == new else folder
        before, after = before[:-1], after[:-1]  # and moved: the folders it left and went to
    while before and after and before[-1] == after[-1]:
        before, after = before[:-1], after[:-1]
    if not before or not after:  # from or to the corpus folder itself
        return f"{old} → {new}"
    return f"{'/'.join(before)}/ → {'/'.join(after)}/"


def skipped_pages(report: ReindexReport | None, t: Strings = en) -> list[str]:
    """For an admin's ``/sources``: every file the last reload did not read, or read only in
    part, and why (none when it read them all)."""
    lines = [] if report is None else skipped_lines(report, t)
    return pages(t.SOURCES_SKIPPED_HEADER, lines) if lines else []


def _manifest_problems(problems: Sequence[str], t: Strings, limit: int, room: int) -> str:
    """What to fix in ``manifest.toml``, a line each (in a message the first few that fit in
    ``room`` characters, then how many more; all of them in the terminal)."""
    most = MANIFEST_PROBLEMS if limit <= TELEGRAM_LIMIT else len(problems)
    lines = [
        t.RELOAD_MANIFEST_LINE.format(problem=esc(shorten(reason_text(problem, t), 400)))
        for problem in problems[:most]
    ]
    while lines and limit <= TELEGRAM_LIMIT and tg_len("\n".join(lines)) > room:
        lines.pop()
    if len(problems) > len(lines):
        lines.append(t.RELOAD_MORE.format(count=len(problems) - len(lines)))
    return "\n".join([t.RELOAD_MANIFEST_HEADER, *lines])


def changes_html(report: ReindexReport, t: Strings = en) -> str | None:
    """What a refresh made by a question (``quotebot ask``, ``search``, ``chat``) changed, on
    one line ("Changed: a.md; Removed: b.md"), or None when nothing did: ``quotebot index``
    afterwards has nothing left to report, so the command that read the changes says them."""
    parts = [
        str(
            t.RELOAD_NAMES.format(
                label=label, names=_listed(_by_folder(names), 300, t, False, False)
            )
        )
        for label, names in _labelled_names(report, t)
        if names
    ]
    return "; ".join(parts) or None


def _labelled_names(report: ReindexReport, t: Strings) -> list[tuple[str, tuple[str, ...]]]:
    """Each of :func:`_name_lists` with its label ("Added", …, "Renamed", "Readable again")."""
    labels = (*t.RELOAD_LABELS, t.RELOAD_RENAMED_LABEL, t.RELOAD_RECOVERED_LABEL)
    return list(zip(labels, _name_lists(report), strict=True))


def _name_lists(report: ReindexReport) -> tuple[tuple[str, ...], ...]:
    """The documents added, changed, removed, renamed ("old → new") and readable again: a
    document renamed is neither added nor removed, one readable again not merely changed."""
    renamed = {old for old, _ in report.renamed} | {new for _, new in report.renamed}
    return (
        tuple(name for name in report.added if name not in renamed),
        tuple(n for n in report.changed if n not in report.recovered and n not in report.reread),
        tuple(name for name in report.removed if name not in renamed),
        tuple(f"{old} → {new}" for old, new in report.renamed),
        report.recovered,
    )


def _names(label: str, names: Sequence[str], t: Strings, full: bool, hint: bool) -> str:
    """``names`` under ``label`` as a reader scans them: in the terminal one a line (340 files
    added were one line of 12,658 characters), in a message as many as fit on a line or two."""
    if full:
        heading = str(t.RELOAD_NAMES.format(label=label, names="")).rstrip()
        return heading + "".join(f"\n• {esc(name)}" for name in names)
    return str(t.RELOAD_NAMES.format(label=label, names=_listed(names, 1000, t, full, hint)))


def _listed(names: Sequence[str], most: int, t: Strings, full: bool, hint: bool = True) -> str:
    """``names`` joined by commas: all of them when ``full``, else as many as fit in ``most``
    characters, then how many more (an admin who added 42 files sees 38 and "…and 4 more",
    not 38 and "…"), and with a ``hint`` that /sources lists them all."""
    shown: list[str] = []
    for number, name in enumerate(names):
        if not full and len(", ".join([*shown, name])) > most:
            more = (t.RELOAD_MORE_LISTED if hint else t.RELOAD_MORE).format(
                count=len(names) - number
            )
            return f"{esc(', '.join(shown))} {more}" if shown else more
        shown.append(name if full else shorten(name, most))
    return esc(", ".join(shown))


def _summary(report: ReindexReport, t: Strings, full: bool) -> str:
    # A document renamed is counted as renamed, not as added and removed (nor as changed: "2
    # changed" over one file listed as changed and one as renamed puzzled two admins).
    # A file read again by a new reader is unchanged, as its admin knows it, and counted so.
    moved, reread = len(report.renamed), len(report.reread)
    counts = (t.RELOAD_COUNTS_RENAMED if moved else t.RELOAD_COUNTS).format(
        added=len(report.added) - moved,
        changed=len(report.changed) - reread,
        renamed=moved,
        removed=len(report.removed) - moved,
        unchanged=len(report.unchanged) + reread,
    )
    paragraphs = t.RELOAD_PARAGRAPHS.format(
        before=report.paragraphs_before, after=report.paragraphs_after
    )
    kept = (
        [t.RELOAD_KEPT.format(count=len(report.kept), names=_listed(report.kept, 300, t, full))]
        if report.kept
        else []
    )
    return "\n".join(
        [
            t.RELOAD_DONE.format(seconds=decimal(report.seconds, t.DECIMAL_MARK)),
            counts,
            *reread_line(report, t),
            *kept,
            paragraphs,
        ]
    )


def reread_line(report: ReindexReport, t: Strings = en) -> list[str]:
    """How many files were read again only because quotebot reads them differently now (a new
    version): one line, not each file under "Changed" (none changed on disk); none when none."""
    return [t.RELOAD_REREAD.format(count=len(report.reread))] if report.reread else []


def reload_failed_html(reason: str, t: Strings = en, *, first: bool = False) -> str:
    """A reload that failed: what failed, and that the documents served did not change; or,
    ``first`` (``quotebot index`` making a new database), that none was made."""
    template = t.CLI_INDEX_FAILED_FIRST if first else t.RELOAD_FAILED
    return str(template.format(reason=esc(shorten(reason, 1000))))


def names_html(names: Sequence[str], *, limit: int = 3000, t: Strings = en) -> str:
    """Document file names, one a line, as many as fit in ``limit``, then how many more."""
    lines: list[str] = []
    for number, name in enumerate(names):
        line = t.REMOVE_NAME.format(name=esc(name))
        if tg_len("\n".join([*lines, line])) > limit - 40:  # room for "…and 53 more."
            lines.append(t.RELOAD_MORE.format(count=len(names) - number))
            break
        lines.append(line)
    return "\n".join(lines)
