"""The library's reasons (a file skipped, a manifest problem) in the reader's language.

The library says them in English (:mod:`retrieval`, no locales there); each locale's
:data:`~bot.locales.en.REASONS` says them its way, keyed by the English text with its
``{placeholders}``. A reason no locale knows (a new one, an operating system's message) is
shown as it is.
"""

from __future__ import annotations

import functools
import re

from bot.locales import Strings, en


def reason_text(reason: str, t: Strings = en) -> str:
    """``reason`` as ``t``'s language says it ("damaged: not a PDF file" → "повреждён: это не
    PDF-файл"); the parts a template leaves open (a line's problem) translated in turn."""
    if t is en:
        return reason
    for template, pattern in _patterns():
        found = pattern.fullmatch(reason)
        if found is None:
            continue
        said: str = t.REASONS.get(template, template)
        values = {
            key: reason_text(value, t) if key == "problem" else value
            for key, value in found.groupdict().items()
        }
        return said.format(**values)
    return reason


@functools.cache
def _patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """Each English template with the pattern it matches: a placeholder matches any text."""
    compiled = []
    for template in en.REASONS:
        parts = re.split(r"\{(\w+)\}", template)
        pattern = "".join(
            re.escape(part) if index % 2 == 0 else f"(?P<{part}>.+?)"
            for index, part in enumerate(parts)
        )
        compiled.append((template, re.compile(pattern, re.S)))
    return tuple(compiled)
