"""Dates as files write them: metadata's ("2023-01-05T…", a PDF's "D:20230105…") and prose's
("October 1st, 2022", "2 March 2004", "25-Mar-2002"), as ISO ``YYYY-MM-DD``.

Outside the readers' package, so that reading the manifest at every start (its ``date`` fields)
imports no reader: a process whose files have not changed reads none.
"""

from __future__ import annotations

import re

_ISO_DATE = re.compile(r"^\s*(?P<y>(?:1[89]|20)\d\d)-?(?P<m>[01]\d)-?(?P<d>[0-3]\d)")
# PDF dates are "D:20230105120000+01'00'": the "D:" prefix then digits.
_PDF_DATE = re.compile(r"^D:(?P<y>\d{4})(?P<m>\d\d)?(?P<d>\d\d)?")
# Dates as text states them ("October 1st, 2022", "2 March 2004", "2004-03-02"): find_date.
_MONTHS = (
    "january february march april may june july august september october november december".split()
)
_MONTH = r"(?:" + "|".join(m.capitalize() for m in _MONTHS) + r")"
# "25-Mar-2002" (PEPs' "Created:", RFC 822's "Date:" write "25 Mar 2002"): the month's three
# letters, between the day and the year only.
_SHORT_MONTH = r"(?:" + "|".join(m[:3].capitalize() for m in _MONTHS) + r")"
_MONTH_NUMBERS = {m[:3]: number for number, m in enumerate(_MONTHS, start=1)}
_ORDINAL = r"(?:st|nd|rd|th)?"  # "October 1st, 2022", "the 2nd March 2004"
_DATE_PATTERNS = (
    re.compile(rf"\b(?P<month>{_MONTH})\.? (?P<day>\d{{1,2}}){_ORDINAL}, (?P<year>(19|20)\d\d)\b"),
    re.compile(rf"\b(?P<day>\d{{1,2}}){_ORDINAL} (?P<month>{_MONTH}),? (?P<year>(19|20)\d\d)\b"),
    re.compile(r"\b(?P<year>(19|20)\d\d)-(?P<month>\d{1,2})-(?P<day>\d{1,2})\b"),
    re.compile(rf"\b(?P<day>\d{{1,2}})([- ])(?P<month>{_SHORT_MONTH})\2(?P<year>(19|20)\d\d)\b"),
)


def iso_date(value: object) -> str | None:
    """A date from metadata (a datetime, "2023-01-05T…", "D:20230105…", "5 January 2023") as ISO."""
    if value is None:
        return None
    if hasattr(value, "year") and hasattr(value, "month") and hasattr(value, "day"):
        return f"{value.year:04d}-{value.month:02d}-{value.day:02d}"
    text = str(value).strip().strip("'\"")
    match = _PDF_DATE.match(text) or _ISO_DATE.match(text)
    if match:
        month, day = int(match["m"] or 1), int(match["d"] or 1)
        if 1 <= month <= 12 and 1 <= day <= 31:
            return f"{match['y']}-{month:02d}-{day:02d}"
        return None
    return find_date([text])


def find_date(lines: list[str]) -> str | None:
    """The first date written in ``lines`` as ISO ``YYYY-MM-DD``."""
    for line in lines:
        for pattern in _DATE_PATTERNS:
            match = pattern.search(line)
            if match:
                month = match["month"]
                number = int(month) if month.isdigit() else _MONTH_NUMBERS[month[:3].lower()]
                if 1 <= number <= 12 and 1 <= int(match["day"]) <= 31:
                    return f"{match['year']}-{number:02d}-{int(match['day']):02d}"
    return None
