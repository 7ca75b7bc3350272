"""Split running text into sentences, keeping each sentence's character span.

A sentence ends at ``.``, ``!`` or ``?`` (and any closing quotes or brackets) followed by white
space and something that can start a sentence (anything but a lower-case letter: a capital in
any alphabet, a digit, a letter of a script without case such as Arabic or Hebrew), unless the
word before the full stop is an abbreviation or an initial ("U.S.", "No. 1373", "Dmitry A.
Medvedev"). Arabic ``؟``, Urdu ``۔`` and the Devanagari danda end sentences the same way.

Chinese and Japanese put no space after a sentence: ``。！？；`` (and their half-width forms)
end one wherever they stand, with any closing quotes or brackets after them.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

_SPACED = r"""[.!?…؟۔।॥]+["'”’»)\]]*(?=\s+["'“‘«„¿¡(\[]?(?P<next>[^\W_]))"""
_CJK = r"[。！？；｡]+[”’」』）】〕》\"')\]]*"
_BOUNDARY = re.compile(f"{_SPACED}|{_CJK}")
# The same ends in ASCII text, where the only stops are ".!?" and a letter or digit is
# [A-Za-z0-9]: the pattern without Unicode classes runs in two thirds of the time. A small
# letter starts no sentence, so it is left out here rather than matched and then skipped: what
# follows the stops is the same for every shorter match of them, none of which can match
# instead.
_ASCII_BOUNDARY = re.compile(r"""[.!?]+["')\]]*(?=\s+["'(\[]?(?P<next>[A-Z0-9]))""")
_ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof st no nos art arts vol vols vs etc e.g i.e jan feb mar apr jun jul aug
    sep sept oct nov dec gen col lt maj capt sgt rep sen gov inc ltd co corp dept fig pp p cf approx
    est jr sr""".split()
)
_WORDY = max(map(len, _ABBREVIATIONS)) + 1  # letters before a stop that make it no abbreviation
_NUMBERED = re.compile(r"^\s*\(?\d{1,3}\.$")  # "10. The two sides …": a point's number
_INITIALS = re.compile(r"(?:^|[\s(])(?:[A-Za-z]\.)+$")


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of each sentence of ``text``; together they cover every non-space char."""
    spans: list[tuple[int, int]] = []
    start = 0
    for match in (_ASCII_BOUNDARY if text.isascii() else _BOUNDARY).finditer(text):
        following = match.group("next")
        if following and following.islower():
            continue  # "e.g. the", "approx. ten": a sentence starts with no small letter
        stop = match.start()
        if text[stop] == "." and not (
            stop - _WORDY > start and text[stop - _WORDY : stop].isalpha()
        ):
            # Only a full stop may end an abbreviation, initials or a point's number; the last
            # word alone is split off (splitting the whole sentence cost an eighth of indexing).
            # A stop after more letters than any abbreviation has ends none of them (most
            # stops), so those are not looked at.
            before = text[start : stop + 1]
            last = before.rsplit(None, 1)
            word = last[-1] if last else ""
            bare = word.rstrip(".").lstrip("(\"'“‘").lower()
            tail = max(0, len(before) - len(word) - 1)
            if bare in _ABBREVIATIONS or _INITIALS.search(before, tail) or _NUMBERED.match(before):
                continue
        end = match.end()
        span = _trim(text, start, end)
        if span[0] < span[1]:  # not white space only
            spans.append(span)
        start = end
    span = _trim(text, start, len(text))
    if span[0] < span[1]:
        spans.append(span)
    return spans


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def sentences(text: str) -> list[str]:
    """The sentences of ``text``."""
    return [text[a:b] for a, b in sentence_spans(text)]


# Characters of scripts written without spaces, and their punctuation: a line broken between two
# of them is joined without a space (a space inside a Chinese sentence is a typo a reader sees).
_UNSPACED = re.compile(
    "[\u3000-\u303f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]"
)


# A line broken after a slash inside a pair of words or an address, as a wrapping program cuts
# them ("Debian GNU/" over "Linux", "(https://" over "www.debian.org/)", ".../doc/debian/" over
# "bug-reporting.txt"): joined back unspaced. A path that ends the line whole ("/usr/local/" over
# "be") keeps its space: the word after it names no file.
_SCHEME = re.compile(r"[a-z][a-z+.-]*://$")
_WORD_PAIR = re.compile(r"^[^\W_][\w-]*/$")
# the rest of a path: a folder and what is in it ("share/aptitude/README"), or a file's name
# ("bug-reporting.txt"); not "e.g." nor a word after a folder named whole ("docs/" + "and then")
_PATH_PART = re.compile(r"^[\w-]+/[\w.-]|^[\w-]{2,}\.[A-Za-z0-9]{1,12}\b")


def join_lines(lines: Sequence[str]) -> str:
    """Hard-wrapped lines as one line: a space between them, none between Chinese or Japanese,
    nor after a slash that ends a line inside a pair of words or an address."""
    out = ""
    for line in lines:
        line = line.strip()
        if out and line and not _unspaced(out, line):
            out += " "
        out += line
    return out


def _unspaced(before: str, line: str) -> bool:
    if _UNSPACED.match(before[-1]) and _UNSPACED.match(line[0]):
        return True
    if not before.endswith("/") or not line[0].isalnum():
        return False
    cut = before.rsplit(None, 1)[-1].lstrip("(<\"'")
    if _SCHEME.search(cut) or _PATH_PART.match(line):
        return True
    # a pair of names ("GNU/" + "Linux", "CD/" + "DVD"), not a folder before a sentence's next
    # word ("templates/" + "so that", "debian/" + "The directory holding …")
    return bool(_WORD_PAIR.match(cut) and cut[0].isupper() and line[0].isupper())
