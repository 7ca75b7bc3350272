"""How the bot is used, read back from the query log and the feedback: the figures of /stats
and ``quotebot stats`` (terminal questions are logged too, under the chat type "terminal")."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

import sqlite_utils

DAY = 24 * 60 * 60  # seconds
WEEK = 7 * DAY
TOP = 5  # questions in each "most asked" list


@dataclass(frozen=True)
class PeriodCounts:
    """Questions and votes in one period."""

    questions: int = 0
    answered: int = 0  # hedged or not
    declined: int = 0
    hedged: int = 0  # answered with a line that the answer may not be full
    good: int = 0  # 👍 votes cast in the period
    bad: int = 0  # 👎


@dataclass(frozen=True)
class Usage:
    """How the bot was used: counts per period and the most asked questions of the last week.

    A question's count groups the ways it was written (case, spaces, final punctuation); the
    shown wording is the latest one.
    """

    day: PeriodCounts
    week: PeriodCounts
    all_time: PeriodCounts
    top_asked: tuple[tuple[str, int], ...]  # (question, times asked) in the last week
    top_declined: tuple[tuple[str, int], ...]  # the same, for questions it could not answer
    # Questions of the last week asked in a language none of the documents is written in:
    # (language code, times), most first. Not among ``top_declined``: what such a question
    # lacks is documents in its language, not a subject the documents miss.
    foreign: tuple[tuple[str, int], ...] = ()


def question_key(question: str) -> str:
    """What makes two questions the same for counting: words in lower case, no end punctuation."""
    return " ".join(re.sub(r"[\s?!.…]+$", "", question.strip()).casefold().split())


def usage(db: sqlite_utils.Database, now: float, top: int = TOP) -> Usage:
    """The figures of /stats at time ``now``: the last day, the last week, all time."""
    return Usage(
        day=_counts(db, now - DAY),
        week=_counts(db, now - WEEK),
        all_time=_counts(db, None),
        top_asked=_most_asked(db, now - WEEK, top, declined_only=False),
        top_declined=_most_asked(db, now - WEEK, top, declined_only=True),
        foreign=_foreign(db, now - WEEK),
    )


def _counts(db: sqlite_utils.Database, since: float | None) -> PeriodCounts:
    after = -1.0 if since is None else since
    asked, answered, hedged = db.execute(
        "select count(*), coalesce(sum(answered), 0), coalesce(sum(hedged), 0) from bot_queries "
        "where asked_at >= ?",
        [after],
    ).fetchone()
    good, bad = db.execute(
        "select coalesce(sum(vote > 0), 0), coalesce(sum(vote < 0), 0) "
        "from bot_feedback where voted_at >= ?",
        [after],
    ).fetchone()
    return PeriodCounts(
        questions=int(asked),
        answered=int(answered),
        declined=int(asked) - int(answered),
        hedged=int(hedged),
        good=int(good),
        bad=int(bad),
    )


def _most_asked(
    db: sqlite_utils.Database, since: float, top: int, *, declined_only: bool
) -> tuple[tuple[str, int], ...]:
    sql = "select question from bot_queries where asked_at >= ?"
    if declined_only:
        sql += " and answered = 0 and foreign_language is null"
    counts: Counter[str] = Counter()
    wording: dict[str, str] = {}
    first_seen: dict[str, int] = {}
    for position, (question,) in enumerate(db.execute(sql + " order by id", [since])):
        key = question_key(str(question))
        if not key:
            continue
        counts[key] += 1
        wording[key] = " ".join(str(question).split())
        first_seen.setdefault(key, position)
    ranked = sorted(counts, key=lambda key: (-counts[key], first_seen[key]))
    return tuple((wording[key], counts[key]) for key in ranked[:top])


def _foreign(db: sqlite_utils.Database, since: float) -> tuple[tuple[str, int], ...]:
    rows = db.execute(
        "select foreign_language, count(*) as n from bot_queries"
        " where asked_at >= ? and foreign_language is not null"
        " group by foreign_language order by n desc, min(id)",
        [since],
    )
    return tuple((str(language), int(count)) for language, count in rows)
