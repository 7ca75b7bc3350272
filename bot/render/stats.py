"""The figures of /stats (and ``quotebot stats``, through :mod:`bot.render.plain`)."""

from __future__ import annotations

from collections.abc import Sequence

from bot.locales import Strings, en
from bot.render.answers import language_name
from bot.render.html import echo
from bot.state.usage import PeriodCounts, Usage


def _period_html(label: str, counts: PeriodCounts, t: Strings) -> str:
    percent = f"{counts.answered / counts.questions:.0%}" if counts.questions else "–"
    return str(
        t.STATS_PERIOD.format(
            label=label,
            questions=counts.questions,
            answered=counts.answered,
            percent=percent,
            hedged=counts.hedged,
            declined=counts.declined,
            good=counts.good,
            bad=counts.bad,
        )
    )


def _top_html(header: str, questions: Sequence[tuple[str, int]], t: Strings) -> str:
    lines = [
        t.STATS_TOP_LINE.format(count=count, question=echo(question, 200))
        for question, count in questions
    ]
    return "\n".join([header, *(lines or [t.STATS_NONE])])


def _foreign_html(languages: Sequence[tuple[str, int]], t: Strings) -> str:
    named = (f"{language_name(c, t)} {n}×" for c, n in languages)
    return str(t.STATS_FOREIGN.format(languages=str(t.LIST_SEPARATOR).join(named)))


def stats_html(
    usage: Usage, *, documents: int, paragraphs: int, passages: int, t: Strings = en
) -> str:
    """The figures of /stats: questions per period with answered and declined and the votes,
    the most asked questions, the most asked ones that were declined (those asked in a language
    none of the documents is written in apart, by language), and the corpus size: its
    paragraphs (as /sources and /reload count them) and the passages answers quote."""
    periods = zip(t.STATS_LABELS, (usage.day, usage.week, usage.all_time), strict=True)
    parts = [
        t.STATS_HEADER + "\n" + "\n".join(_period_html(*period, t) for period in periods),
        _top_html(t.STATS_TOP_ASKED, usage.top_asked, t),
        _top_html(t.STATS_TOP_DECLINED, usage.top_declined, t),
        *([_foreign_html(usage.foreign, t)] if usage.foreign else []),
        t.STATS_CORPUS.format(
            documents=t.documents(documents),
            paragraphs=t.paragraphs(paragraphs),
            passages=t.passages(passages),
        ),
    ]
    return "\n\n".join(parts)
