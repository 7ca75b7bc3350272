"""Questions that ask for a quantity ("how many …", "in what year …"), and excerpts that give one.

A passage can hold every word of "how many developers work on SQLite full-time?" and still not
answer it: "an international team of developers who work on SQLite full-time" says no number.
An excerpt answering such a question states a number (in digits or in words) that the question
did not already hold; without one the best match is shown hedged, not as the answer.
"""

from __future__ import annotations

import re

# How a question asks for an amount, a size, a duration, a year or a version, per language.
_ASKS = re.compile(
    r"\b(?:how\s+(?:many|much|long|old|big|large|far|often|fast|high|small|tall|wide|deep|heavy)"
    r"|(?:what|which)\s+(?:year|percentage|percent|proportion|version|release)"
    r"|in\s+what\s+year"
    r"|сколько|в\s+каком\s+году|какой\s+верси|как\s+долго"
    r"|combien|en\s+quelle\s+année|quelle\s+année|quelle\s+version"
    r"|cu[aá]nt[oa]s?|en\s+qu[eé]\s+año|qu[eé]\s+año|qu[eé]\s+versi[oó]n)\b"
    r"|多少|几[个年次天岁]|哪一年|哪个版本|多大|多长|多久|多高|多远",
    re.IGNORECASE,
)
# A number in digits, or a cardinal word. Left out as too common in ordinary words: "一", and
# the French and Spanish "un(e)", "uno/una", which are also articles.
_NUMBER = re.compile(
    r"\d+(?:[.,]\d+)*|[二三四五六七八九十百千万亿两]+"
    r"|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens?|twenty|thirty"
    r"|forty|fifty|sixty|seventy|eighty|ninety|hundreds?|thousands?|millions?|billions?|once"
    r"|twice|half|single"
    r"|один|одна|одно|два|две|три|четыре|пять|шесть|семь|восемь|девять|десять|двадцать|сто"
    r"|тысяч\w*|миллион\w*|миллиард\w*|половин\w*"
    r"|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|vingt|trente|cent|mille|millions?"
    r"|moitié|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|veinte|cien|ciento"
    r"|mil|millón|millones|mitad)\b",
    re.IGNORECASE,
)


def asks_quantity(question: str) -> bool:
    """Whether ``question`` asks how many, how much, how long, which year or version."""
    return _ASKS.search(question) is not None


def numbers(text: str) -> set[str]:
    """The numbers ``text`` states, in digits or words, lower-cased."""
    return {found.group(0).lower() for found in _NUMBER.finditer(text)}


def gives_quantity(excerpt: str, question: str) -> bool:
    """Whether ``excerpt`` states a number that ``question`` does not already hold."""
    return bool(numbers(excerpt) - numbers(question))
