"""What the bot says, rendered: values from :mod:`retrieval.model` in, text out.

    html.py       Telegram HTML primitives: escaping, length as Telegram counts it, fitting
    citations.py  where a passage comes from (title, section, ¶, page, date, source)
    answers.py    answers, declined answers, group answers, further pages, /quote choices
    passages.py   a passage in full, a passage posted for discussion, inline results, /sources
    admin.py      reload reports and document lists for admins
    stats.py      the figures of /stats
    plain.py      the terminal flavour: the same HTML as plain text (ANSI bold on a terminal)

Every function takes the locale's strings (``t``, English by default) and stays within
Telegram's limits (:data:`bot.render.html.TELEGRAM_LIMIT`).
"""

from bot.render.admin import names_html, reload_failed_html, report_html
from bot.render.answers import (
    GROUP_QUOTE,
    SHOWN_QUESTION,
    answer_reply,
    choice_label,
    choices_reply,
    citation_html,
    declined_reply,
    excerpt_html,
    group_answer_reply,
    page_reply,
)
from bot.render.citations import citation
from bot.render.html import TELEGRAM_LIMIT, Reply, bold, esc, plural, sendable, shorten, tg_len
from bot.render.passages import (
    INLINE_DESCRIPTION,
    INLINE_TITLE,
    inline_description,
    inline_title,
    passage_html,
    passage_messages,
    quote_post,
    sources_html,
)
from bot.render.stats import stats_html

__all__ = [
    "GROUP_QUOTE",
    "INLINE_DESCRIPTION",
    "INLINE_TITLE",
    "SHOWN_QUESTION",
    "TELEGRAM_LIMIT",
    "Reply",
    "answer_reply",
    "bold",
    "choice_label",
    "choices_reply",
    "citation",
    "citation_html",
    "declined_reply",
    "esc",
    "excerpt_html",
    "group_answer_reply",
    "inline_description",
    "inline_title",
    "names_html",
    "page_reply",
    "passage_html",
    "passage_messages",
    "plural",
    "quote_post",
    "reload_failed_html",
    "report_html",
    "sendable",
    "shorten",
    "sources_html",
    "stats_html",
    "tg_len",
]
