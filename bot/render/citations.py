"""Where a passage comes from, as a reader checks it: title, section, ¶ number and PDF page.

One plain-text citation serves every surface (Telegram messages, inline results, buttons, the
terminal); each surface escapes or decorates it itself.
"""

from __future__ import annotations

from bot.locales import Strings, en
from retrieval.model import Passage


def where(passage: Passage, t: Strings = en) -> str:
    """ "¶ 12" or "¶ 12, p. 4": the paragraph a reader counts, and the page when one is known."""
    paragraph: str = t.PARAGRAPH.format(paragraph=passage.paragraph)
    if passage.page is None:
        return paragraph
    return paragraph + str(t.PAGE.format(page=passage.page))


def citation(passage: Passage, t: Strings = en, *, separator: str = ", ") -> str:
    """Title, section (when there is one) and :func:`where`, as plain text."""
    parts = [passage.title, *([passage.section] if passage.section else []), where(passage, t)]
    return separator.join(parts)
