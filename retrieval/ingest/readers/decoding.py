"""A text file's bytes as text: UTF-8, UTF-16, Windows-1252, or the encoding that fits best.

:func:`decode` is the one entry; it raises :class:`DocumentError` saying why a file is no text
(too large, empty, binary, undecodable). The readers of ``.txt`` and ``.md`` files start here.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from pathlib import Path

import charset_normalizer

from retrieval.errors import DocumentError

MAX_FILE_BYTES = 20 * 1024 * 1024  # Telegram's download limit; larger files are refused


# Of a file's letters read as Windows-1252, the share with accents past which it is another
# encoding: French has a few in a hundred; Russian or Chinese bytes read so have nothing else.
ACCENTED_SHARE = 0.3


MOST_CHAOS = 0.2  # charset-normalizer's measure of mess in a decoded text: more is no text


LEAST_COHERENCE = 0.05  # its measure of how like a language it reads, past SHORT_TEXT letters


SHORT_TEXT = 150


UTF8_OUTWEIGHS = 10  # how many times a text's UTF-8 letters outnumber its stray bytes


def decode(data: bytes, path: Path) -> str:
    """Decode a file's bytes as text, or raise :class:`DocumentError` saying why it can't be."""
    if len(data) > MAX_FILE_BYTES:
        raise DocumentError(path, f"too large ({len(data) / 1_048_576:.2f} MB; the limit is 20 MB)")
    if not data.strip():
        raise DocumentError(path, "empty")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as error:
            raise DocumentError(path, "not decodable as UTF-16 text") from error
    if b"\x00" in data[:65536]:
        found = _detected(data)  # UTF-16 without a byte order mark has a zero in every pair
        if found is None or not found[1].startswith(("utf_16", "utf_32")):
            raise DocumentError(path, "binary, not text")
        text = found[0]
    else:
        text = _eight_bit(data, path)
    # Control characters no text file holds (line ends, tabs, form feeds aside), counted in C.
    controls = len(re.findall(r"[\x00-\x08\x0b\x0e-\x1f]", text[:65536]))
    if controls > max(3, len(text[:65536]) // 100):
        raise DocumentError(path, "binary, not text")
    return text


def _eight_bit(data: bytes, path: Path) -> str:
    """Text without zero bytes: UTF-8 (a few bytes that fit no letter aside), else
    Windows-1252 (Latin-1's superset, what most old Western files are), else the encoding that
    fits the bytes best (a Russian file saved as Windows-1251 or KOI8-R, a Chinese one as
    GB18030, a Japanese one as Shift-JIS): read as Windows-1252 those come out as letters with
    accents and no plain ones ("Ãëàâà")."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    text = utf8_despite_strays(data)
    if text is not None:
        return text
    text = data.decode("cp1252", errors="replace")
    if reads_as_western(text, text):
        return text
    found = _detected(data)
    if found is None:
        raise DocumentError(path, "not decodable as text (save it as UTF-8)")
    return found[0]


def utf8_despite_strays(data: bytes) -> str | None:
    """``data`` read as UTF-8 when a stray byte or a character cut at its end (a file cut
    short, a log) is all that does not fit: its other letters of two bytes or more far
    outnumber the bytes that fit no letter. Else None."""
    text = data.decode("utf-8-sig", errors="replace")
    bad = text.count("\ufffd")
    multibyte = len(text) - len(text.encode("ascii", errors="ignore")) - bad
    return text if multibyte >= UTF8_OUTWEIGHS * bad else None


def reads_as_western(text: str, shown: str) -> bool:
    """Whether ``text``, bytes read as cp1252, is a Western text's: few bytes fit no
    character, and few of the letters of ``shown`` (the part of it a reader sees) carry
    accents (a French text has a few in a hundred; Russian or Chinese bytes read so have
    nothing else)."""
    letters = [ch for ch in shown[:65536] if ch.isalpha()]
    accented = sum(1 for ch in letters if ch >= "\u00c0")
    return text.count("\ufffd") <= max(3, len(text) // 1000) and (
        accented <= ACCENTED_SHARE * len(letters)
    )


def _detected(data: bytes) -> tuple[str, str] | None:
    """The text of ``data`` in the encoding charset-normalizer finds fits it with little mess,
    and that encoding's name; None when none does."""
    found = charset_normalizer.from_bytes(data)
    best = found.best()
    if best is None or best.chaos > MOST_CHAOS:
        return None
    text = str(best)
    if len(text) <= SHORT_TEXT:
        # Too short for its measures to tell: "Привет из Перу" in Windows-1251 reads as well in
        # Mac Cyrillic ("ѕривет из ѕеру") or the DOS code page ("╧ЁштхҐ"). The reading whose
        # words are made of one alphabet's letters is the one written.
        fitting = [match for match in found if match.chaos <= MOST_CHAOS]
        best = max(fitting, key=lambda match: plain_letters(str(match)))
        text = str(best)
    # Bytes that decode cleanly but read as no language (the same few "letters" over and
    # over) are no text; a short text may not show its language yet.
    if best.coherence < LEAST_COHERENCE and len(text) > SHORT_TEXT:
        return None
    return text, best.encoding


def plain_letters(text: str) -> tuple[int, int]:
    """How many letters of ``text`` stand in words written in one alphabet as a language writes
    it: letters only (a "╧" or a "ֿ" inside makes none), one script, no capital after a small
    letter ("тЁхь"), in Latin letters not mostly accented ("Ďđčâĺň"); then, to break a tie,
    minus the Cyrillic letters that Russian, Ukrainian and Belarusian do not write (Mac
    Cyrillic's "ѕ" for a "П": "ѕривет" ties with "Привет", but a Serbian "Ђорђе" still counts)."""
    count = rare = 0
    for token in text.split():
        word = token.strip(_WORD_EDGE)
        if not word or not all(ch.isalpha() or ch in "-'’" for ch in word):
            continue
        letters = [ch for ch in word if ch.isalpha()]
        scripts = {unicodedata.name(ch, "?").split()[0] for ch in letters}
        camel = any(a.islower() and b.isupper() for a, b in itertools.pairwise(letters))
        if len(scripts) != 1 or camel:
            continue
        script = scripts.pop()
        if script == "LATIN" and 2 * sum(ch > "\x7f" for ch in letters) > len(letters):
            continue
        if script == "CYRILLIC":
            rare += sum(not _EAST_SLAVIC.match(ch) for ch in letters)
        count += len(letters)
    return count, -rare


_EAST_SLAVIC = re.compile(r"[А-яЁёІіЇїЄєҐґЎў]")


_WORD_EDGE = "\"'“”‘’«»„()[]{}.,;:!?¿¡…—–-"
