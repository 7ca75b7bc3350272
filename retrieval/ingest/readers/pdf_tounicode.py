"""Characters PDFium gives as a font's raw codes, read again from the font's own Unicode map.

A composite font (Type0, its codes the glyph numbers: "Identity-H") says which character each
code draws in its ToUnicode map. PDFium does not always read all of it: in the OWASP Top 10
2013's Chinese PDF it skips one block of the SimSun subset's map (codes 18D4–1C43) and gives the
code itself as the character, so "容易" reads "容᱃" (U+1C43, where the map says U+6613 易) and
"攻击" reads "᭫击": 3% of the text in Balinese, Sundanese, Lepcha and other scripts of
Indonesia and Nepal, and every word holding one unfindable. pypdf reads the same map whole.

Such characters give themselves away by standing alone among letters of another script
(:func:`strays`): real writing sets a script's letters in words of their own, not one at a time
inside a Chinese word. Only a page with such a character is looked at again (its fonts' maps
read with pypdf, :class:`CharMaps`); there a character is put right only when its font's map has
its number as a code for another character and never maps any code to it (:meth:`PageMaps.read`):
PDFium then did not take it from the map, and the map says what it is. A page whose strays
remain after that is named in the index report (:data:`PAGES_UNTRUSTED`).
"""

from __future__ import annotations

import contextlib
import functools
import io
import logging
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from retrieval.ingest.readers.mojibake import page_ranges

# Scripts that are written together inside one word: Chinese, Japanese and Korean mix Han with
# kana or Hangul, and full-width forms go with them (UTS #39's "Han with Bopomofo", "Japanese",
# "Korean"); with Latin too (see _together). Named by the first word of their characters'
# Unicode names.
_EAST_ASIAN = frozenset(
    "CJK HIRAGANA KATAKANA KATAKANA-HIRAGANA HANGUL BOPOMOFO IDEOGRAPHIC HALFWIDTH FULLWIDTH "
    "KANGXI".split()
)
_LATIN_END = "\u0250"  # where the Latin blocks (ASCII, Latin-1, Latin Extended-A and B) end
_UNASSIGNED = "?"  # a code Unicode gives no character: no text writes it
_NONCHARACTER = re.compile("[\ufdd0-\ufdef\ufffe\uffff]")  # (U+FFFE marks PDFium's hyphen join)
# A page with this many strays left, and this share of its letters, is named: a few Greek
# letters in a formula's line ("dµs", "Δx") are its text.
UNTRUSTED_STRAYS = 3
UNTRUSTED_SHARE = 0.01
PAGE_UNTRUSTED = (
    "page {page}: some characters unreadable (a font has no Unicode mapping for them); "
    "the page is indexed as read"
)
PAGES_UNTRUSTED = (
    "pages {pages}: some characters unreadable (a font has no Unicode mapping for them); "
    "the pages are indexed as read"
)


@functools.cache
def _script(char: str) -> int:
    """The script of ``char`` as a number (0: none): that of a letter, a mark or a digit by the
    first word of its Unicode name, East Asian scripts as one; an unassigned code its own. The
    letters of the Latin blocks are Latin; punctuation, symbols, spaces and modifier letters
    belong to every script."""
    if char < _LATIN_END:  # ASCII, Latin-1 and Latin Extended (its "µ" and "ª" too)
        return _number("LATIN") if char.isalpha() else 0
    category = unicodedata.category(char)
    if category == "Cn":
        return 0 if _NONCHARACTER.match(char) else _number(_UNASSIGNED)
    if (category[0] not in "LM" and category != "Nd") or category == "Lm":
        return 0  # (a modifier letter, "ˇ" or "ʼ", goes with any script)
    word = unicodedata.name(char, _UNASSIGNED).split(" ", 1)[0]
    if word == "COMBINING":  # a mark of any script
        return 0
    return _number("CJK" if word in _EAST_ASIAN else word)


_NUMBERS: dict[str, int] = {}


def _number(script: str) -> int:
    return _NUMBERS.setdefault(script, len(_NUMBERS) + 1)


def strays(text: str) -> list[int]:
    """Where ``text`` has a character of a script set alone between letters of other scripts
    ("容᱃找": Lepcha between two Han). Each distinct character's script is looked up once (a
    page of 3,000 characters has a few hundred), the text's compared in one pass of numpy."""
    codes = np.frombuffer(text.encode("utf-32-le"), np.uint32)
    keys = np.unique(codes)  # (a set of the text's characters would make an object of each)
    numbers = [_script(chr(key)) for key in keys.tolist()]
    if len(set(numbers) - {0}) < 2:  # letters of one script (or none): none stands apart
        return []
    scripts = np.array(numbers)[np.searchsorted(keys, codes)]
    before, char, after = scripts[:-2], scripts[1:-1], scripts[2:]
    alone = (char != 0) & (before != 0) & (after != 0)
    alone &= ~_together(char, before) & ~_together(char, after)
    return [int(index) + 1 for index in np.flatnonzero(alone)]


def _together(one: Any, other: Any) -> Any:
    """Where the scripts ``one`` and ``other`` (arrays) are written together in a word: the
    same, or Latin and East Asian ("Williams和Dave", "使用A功能": UTS #39 lets Han, kana and
    Hangul mix with Latin)."""
    latin, east = _number("LATIN"), _number("CJK")
    return (one == other) | ((one == latin) & (other == east)) | ((one == east) & (other == latin))


def _cmap_codes(data: bytes) -> dict[int, str]:
    """The codes a ToUnicode CMap maps and their characters: its ``bfchar`` pairs and its
    ``bfrange`` ranges (to one start, counted up, or to a list)."""
    codes: dict[int, str] = {}
    text = data.decode("latin-1")
    for block in re.findall(r"beginbfchar(.*?)endbfchar", text, re.S):
        for source, target in re.findall(r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]*)>", block):
            codes[int(source, 16)] = _utf16(target)
    for block in re.findall(r"beginbfrange(.*?)endbfrange", text, re.S):
        for low, high, target in re.findall(
            r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*(<[0-9A-Fa-f]*>|\[[^\]]*\])", block
        ):
            first, last = int(low, 16), min(int(high, 16), int(low, 16) + _LONGEST_RANGE)
            if target.startswith("["):
                listed = [_utf16(each) for each in re.findall(r"<([0-9A-Fa-f]*)>", target)]
                codes.update(zip(range(first, last + 1), listed, strict=False))
                continue
            start = _utf16(target[1:-1])
            if len(start) == 1:
                for offset in range(last - first + 1):
                    codes[first + offset] = chr(min(ord(start) + offset, 0x10FFFF))
    return codes


_LONGEST_RANGE = 0xFFFF  # codes of one range: a two-byte code's most


def _utf16(digits: str) -> str:
    return bytes.fromhex(digits if len(digits) % 2 == 0 else "0" + digits).decode(
        "utf-16-be", "replace"
    )


@dataclass(frozen=True)
class PageMaps:
    """The Unicode maps of a page's fonts (see :class:`CharMaps`), and all the characters they
    map codes to."""

    fonts: dict[bytes, dict[int, str]] = field(default_factory=dict)
    mapped: frozenset[str] = frozenset()

    def read(self, char: str, font: bytes) -> str:
        """``char`` as the map of ``font`` says, when PDFium gave the font's code for it: the
        map has its number as a code for another single character and no map of the page (this
        font's among them) maps a code to it."""
        if char in self.mapped or font not in self.fonts:
            return char
        meant = self.fonts[font].get(ord(char), char)
        if len(meant) != 1 or not meant.isprintable():
            return char
        return meant


class CharMaps:
    """The ToUnicode maps of a PDF's composite fonts with codes that are glyph numbers
    ("Identity-H", "Identity-V"), by the font's name as PDFium gives it; read with pypdf, only
    for a page that needs them (:func:`strays`). A file pypdf cannot read has none."""

    def __init__(self, data: bytes) -> None:
        self._data = data
        self._reader: Any = None
        self._fonts: dict[int, dict[int, str]] = {}  # a font's map, by its object's number

    def page(self, index: int) -> PageMaps:
        """The maps of the fonts page ``index`` (from 0) uses; a name two fonts share with
        different maps is left out."""
        found: dict[bytes, dict[int, str]] = {}
        shared: set[bytes] = set()
        try:
            for name, codes in self._page_fonts(index):
                if name in found and found[name] != codes:
                    shared.add(name)
                found[name] = codes
        except Exception:  # a file pypdf cannot read is read as PDFium reads it
            return PageMaps()
        fonts = {name: codes for name, codes in found.items() if name not in shared}
        return PageMaps(fonts, frozenset().union(*(codes.values() for codes in fonts.values())))

    def _page_fonts(self, index: int) -> Iterator[tuple[bytes, dict[int, str]]]:
        if self._reader is None:
            import pypdf  # (only for such a page: most files never need it)

            # pypdf warns of what it mends in a damaged file (a cross-reference table's wrong
            # offsets: "Ignoring wrong pointing object"), which PDFium has read already.
            logging.getLogger("pypdf").setLevel(logging.ERROR)
            self._reader = pypdf.PdfReader(io.BytesIO(self._data), strict=False)
        resources = self._reader.pages[index].get("/Resources")
        for font in _fonts(resources, depth=0, seen=set()):
            if font.get("/Subtype") != "/Type0" or "/ToUnicode" not in font:
                continue
            if str(font.get("/Encoding")) not in ("/Identity-H", "/Identity-V"):
                continue
            key = id(font)
            number = font.indirect_reference
            if number is not None:
                key = number.idnum
            if key not in self._fonts:
                self._fonts[key] = _cmap_codes(font["/ToUnicode"].get_object().get_data())
            for name in _names(font):
                yield name, self._fonts[key]


def _names(font: Any) -> set[bytes]:
    """The names PDFium may give a composite font by: its own and its descendant's, their bytes
    as pypdf may have decoded them (UTF-8, GBK, Latin-1: "宋体" is written either way)."""
    named = [font, *[each.get_object() for each in font.get("/DescendantFonts", [])][:1]]
    names = {str(each.get("/BaseFont", "/"))[1:] for each in named} - {""}
    found = set()
    for name in names:
        for charset in ("utf-8", "gbk", "latin-1"):
            with contextlib.suppress(UnicodeEncodeError):
                found.add(name.encode(charset))
    return found


_DEEPEST_FORM = 3  # pictures drawn inside pictures: fonts this deep are looked for


def _fonts(resources: Any, depth: int, seen: set[int]) -> Iterator[Any]:
    """The font dictionaries of ``resources`` and of the forms (drawn pictures) they hold."""
    if resources is None or depth > _DEEPEST_FORM:
        return
    resources = resources.get_object()
    fonts = resources.get("/Font")
    if fonts is not None:
        for font in fonts.get_object().values():
            yield font.get_object()
    forms = resources.get("/XObject")
    for form in [] if forms is None else forms.get_object().values():
        reference = getattr(form, "idnum", None)
        form = form.get_object()
        if form.get("/Subtype") != "/Form" or reference in seen:
            continue
        if reference is not None:
            seen.add(reference)
        yield from _fonts(form.get("/Resources"), depth + 1, seen)


def untrusted(pages: dict[int, list[str]]) -> list[int]:
    """Those of ``pages`` (their lines' texts by number) with :data:`UNTRUSTED_STRAYS` strays
    (:func:`strays`) left or more, and :data:`UNTRUSTED_SHARE` of their letters: characters
    that still are no letters of the text."""
    found = []
    for number, texts in pages.items():
        text = "\n".join(texts)
        left = len(strays(text))
        if left >= UNTRUSTED_STRAYS and left >= UNTRUSTED_SHARE * sum(map(str.isalpha, text)):
            found.append(number)
    return found


def pages_untrusted(pages: list[int]) -> str:
    """What the index report says of ``pages`` (at least one) with characters left unreadable."""
    if len(set(pages)) == 1:
        return PAGE_UNTRUSTED.format(page=pages[0])
    return PAGES_UNTRUSTED.format(pages=page_ranges(pages))
