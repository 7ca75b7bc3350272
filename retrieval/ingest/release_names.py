"""The lines that name a release: "=== Release 0.6.2 ===", "## [1.4.0] - 2024-03-01",
"bash (5.2-3) unstable; urgency=medium", a ChangeLog's "2013-05-18  Hannes von Haugwitz <…>".

Outside the readers' package: citations name the release a heading is under (the bot imports
this at start), and the readers' rules for plain text take a tenth of a second to import.
"""

from __future__ import annotations

import re

from retrieval.text import squeeze

RELEASES = 3  # release lines that make a text release notes; one alone may be a number in a list

# "9.2.0+insiders-4.39.1", "5.3-rc2", "0.6 incubating", "2.0 beta 3"
_VERSION = (
    r"v?\d+(?:\.\d+)+(?:[-+~]?[A-Za-z]+[\w.+~-]*)?"
    r"(?: (?i:alpha|beta|rc|final|stable|lts|incubating)(?: ?\d+)?)?"
)
_MONTH = r"[A-Z][a-z]{2,8}\.?"
_DATE = (
    rf"(?:\d{{4}}[-/.]\d{{1,2}}[-/.]\d{{1,2}}|\d{{1,2}}(?:[-/ ]{_MONTH}[-/ ,]+|[-/.]\d{{1,2}}[-/.])"
    rf"\d{{4}}|{_MONTH} \d{{1,2}},? \d{{4}})"
)
_WORDS = (
    r"(?:(?:noteworthy |new |user-visible |major )?changes (?:in|for|since) (?:release |version )?"
    r"|what'?s new in (?:version )?|new in (?:version )?|release |version |v(?:er)?\. )"
)
_NAME = r"(?:[A-Za-z][\w.+]*(?:-[\w.+]+)*[- ])"  # "mkdocs-material-", "bash-", "aide "
_AFTER = rf"(?:(?: ?[-–—/:,] ?| )(?:\(?{_DATE}\)?|\([^()]{{1,40}}\)))?(?: \[[^\]]{{1,20}}\])?"
_RELEASE = re.compile(
    rf"(?:[#=]+ |\* (?=(?i:{_WORDS})))?"
    rf"(?P<release>(?i:{_WORDS})?{_NAME}?\[?{_VERSION}\]?{_AFTER})(?: [=#]+)?"
)

# A GNU ChangeLog's entry: its date and its author's name and address ("2013-05-18  Hannes von
# Haugwitz  <hannes@vonhaugwitz.com>", "Tue Mar 23 14:36:51 1993  Brian Fox  (bfox@cubit)",
# "… (bfox at gnuwest.fsf.org)").
_ENTRY = re.compile(
    r"(?P<when>\d{4}-\d\d-\d\d"
    r"|[A-Z][a-z]{2} [A-Z][a-z]{2} \d{1,2} \d\d:\d\d:\d\d(?: [A-Z]{3,4})? \d{4})"
    r" (?P<who>[^\s<>()@][^<>()@]{0,60}?) (?:<[^<>\s]+@[^<>\s]+>|\([^()\s]+(?:@| at )[^()\s]+\))"
)

_DIGIT = re.compile(r"\d")  # as the patterns' \d: a version's, a date's and a time's digits

# A Debian changelog's release: "bash (5.2.15-2) unstable; urgency=medium".
_DEBIAN = re.compile(r"(?P<release>[a-z0-9][a-z0-9.+-]* \([\w.+~:-]+\)) [\w /.+-]+; urgency=\w+.*")


def release(line: str) -> str | None:
    """The release a line names, without the marks around it ("=== Release 0.6.2 ===" →
    "Release 0.6.2", "bash (5.2-3) unstable; urgency=medium" → "bash (5.2-3)"), or the date
    and author of a ChangeLog's entry, without the address ("2013-05-18 Hannes von
    Haugwitz"); None for any other line."""
    if "urgency=" not in line and _DIGIT.search(line) is None:
        return None  # each form has a number, but a Debian release's ("foo (bar) …; urgency=")
    line = squeeze(line)
    found = _RELEASE.fullmatch(line) or _DEBIAN.fullmatch(line)
    if found:
        return found["release"]
    entry = _ENTRY.fullmatch(line)
    return f"{entry['when']} {entry['who']}" if entry else None
