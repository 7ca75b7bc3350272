"""Text clean-up shared by ingestion, analysis and evaluation.

Two levels: :func:`clean` keeps the text as written for display (it only repairs encoding damage and
odd spaces), while :func:`fold` is for matching (case, accents, quotes, dashes and white space).
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Callable

from retrieval.search.scripts import MARKS

# Spaces that are not plain spaces: no-break, figure, thin, ideographic and friends.
_ODD_SPACES = re.compile(r"[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\t\x0b\x0c]")
# Zero-width characters and the byte-order mark carry nothing a reader sees, except the
# zero-width non-joiner and joiner between two letters: Persian spells words with them
# ("می‌کرد", "بزرگ‌ترین": without it the letters join and the word reads wrong), as do Urdu,
# Kurdish and the Indic scripts. Between anything else (an emoji sequence's joiner) they go.
_LETTER = rf"[^\W\d_{MARKS}]"
_ZERO_WIDTH = re.compile(
    rf"[\u200b\u2060\ufeff\u00ad]|(?<!{_LETTER}|[{MARKS}])[\u200c\u200d]+"
    rf"|[\u200c\u200d]+(?!{_LETTER})"
)
# For matching, every zero-width character goes: "می‌کرد" and "میکرد" are one word.
_ANY_ZERO_WIDTH = re.compile(r"[\u200b-\u200d\u2060\ufeff\u00ad]")
# Control characters other than newline.
_CONTROL = re.compile(r"[\x00-\x09\x0b-\x1f\x7f-\x9f]")
_ASCII_CONTROL = re.compile(r"[\x00-\x09\x0b-\x1f\x7f]")  # the ASCII ones, tab and CR included
_QUOTES = str.maketrans(
    {
        "‘": "'",
        "’": "'",
        "‚": "'",
        "‛": "'",
        "′": "'",
        "`": "'",
        "“": '"',
        "”": '"',
        "„": '"',
        "‟": '"',
        "″": '"',
        "«": '"',
        "»": '"',
    }
)
_DASHES = re.compile(r"[\u2010-\u2015\u2212\ufe58\ufe63\uff0d]")
_SPACES = re.compile(r"\s+")
# A Roman numeral as written, I to CCCXCIX (not any run of its letters: "CIVIL" is no number);
# in capitals: compile with re.IGNORECASE to take "xiv" too.
ROMAN = r"(?=[IVXLC])C{0,3}(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})"
_WHOLE_ROMAN = re.compile(ROMAN)
_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
# Numbers written out, as headings and questions write them ("CAPÍTULO PRIMERO", "Chapter
# Seven", "Titre premier", "the Second Amendment"), with their values, to twenty and some tens.
# Ordinals apart: "the second chapter" names one, "one chapter of the book" does not.
ORDINAL_WORDS: dict[str, int] = {
    word: n
    for words in (
        "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth "
        "thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth",
        "premier deuxième troisième quatrième cinquième sixième septième huitième neuvième "
        "dixième onzième douzième",
        "primero segundo tercero cuarto quinto sexto séptimo octavo noveno décimo undécimo "
        "duodécimo",
        "primera segunda tercera cuarta quinta sexta séptima octava novena décima undécima "
        "duodécima",
        "primo secondo terzo quarto quinto sesto settimo ottavo nono decimo",
        "prima seconda terza quarta quinta sesta settima ottava nona decima",
        "erstes zweites drittes viertes fünftes",
        "erster zweiter dritter vierter fünfter",
        "erste zweite dritte vierte fünfte",
        "первый второй третий четвертый пятый шестой седьмой восьмой девятый десятый",
        "первая вторая третья четвертая пятая шестая седьмая восьмая девятая десятая "
        "одиннадцатая двенадцатая тринадцатая четырнадцатая пятнадцатая шестнадцатая "
        "семнадцатая восемнадцатая девятнадцатая двадцатая",
        "перша друга третя",
    )
    for n, word in enumerate(words.split(), 1)
} | {
    "première": 1, "seconde": 2, "primer": 1, "tercer": 3, "setimo": 7, "четвёртый": 4,
    "четвёртая": 4, "thirtieth": 30, "fortieth": 40, "fiftieth": 50,
}  # fmt: skip
CARDINAL_WORDS: dict[str, int] = {
    word: n
    for words in (
        "one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
        "fifteen sixteen seventeen eighteen nineteen twenty",
        "un deux trois quatre cinq six sept huit neuf dix onze douze treize quatorze quinze "
        "seize",
        # not "once" (eleven): an English word
        "uno dos tres cuatro cinco seis siete ocho nueve diez",
        "eins zwei drei vier fünf sechs sieben acht neun zehn",
    )
    for n, word in enumerate(words.split(), 1)
} | {
    "une": 1, "vingt": 20, "trente": 30, "doce": 12, "trece": 13, "catorce": 14, "quince": 15,
    "veinte": 20, "thirty": 30, "forty": 40, "fifty": 50,
}  # fmt: skip
# A Chinese, Japanese or Korean character: those scripts write no spaces between words.
CJK_CHAR = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")


def clean(text: str) -> str:
    """Repair a document's text without changing how it reads.

    Mojibake is fixed where ftfy can tell (``Ã©`` → ``é``), the result is put in Unicode NFC, odd
    spaces become plain spaces and zero-width and control characters are removed, but for the
    non-joiner and joiner between two letters, which are part of the word's spelling (Persian
    "می‌کرد"). Typographic quotes and dashes are kept as written.
    """
    if text.isascii() and "&" not in text and not _ASCII_CONTROL.search(text):
        return text  # nothing below would change it: one pass over the text instead of five
    text = _fix_text(text)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n")
    text = _ODD_SPACES.sub(" ", text)
    text = _ZERO_WIDTH.sub("", text)
    return _CONTROL.sub("", text)


# What ftfy may change in a line: anything but printable ASCII, tabs and newlines (mojibake,
# controls, line breaks, terminal escapes), and "&" (HTML entities).
_FTFY_MAY_FIX = re.compile(r"[^\t\n\x20-\x25\x27-\x7e]")


def _fix_text(text: str) -> str:
    """``ftfy.fix_text`` with our options, run only on the lines it may change.

    ftfy reads a text line by line, each through a dozen passes (a tenth of reading a corpus):
    a line of plain ASCII without "&" comes out as it went in, so it is not passed at all. One
    thing carries from line to line: once a "<" is seen, HTML entities are left as written.
    """
    pos, out = 0, []
    first_lt = text.find("<")
    while (match := _FTFY_MAY_FIX.search(text, pos)) is not None:
        start = text.rfind("\n", 0, match.start()) + 1
        end = text.find("\n", match.start()) + 1 or len(text)
        out.append(text[pos:start])
        entities = "auto" if first_lt == -1 or first_lt >= start else False
        out.append(_ftfy_line(text[start:end], entities))
        pos = end
    if not out:
        return text
    out.append(text[pos:])
    return "".join(out)


# What makes ftfy change a line besides mojibake and NFC: HTML entities, C0/C1 controls, line
# and paragraph separators, surrogates, bidi-era format controls, a byte-order mark, specials.
_FTFY_OTHER_FIXES = re.compile(
    "[&\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u206a-\u206f\ufeff\ufff9-\ufffc\ud800-\udfff]"
)


@functools.cache
def _ftfy() -> tuple[Callable[..., str], Callable[[str], bool]]:
    """ftfy's ``fix_text`` and ``is_bad``, imported when a text first holds a line that is not
    plain ASCII (60 ms): a start whose files have not changed, over a corpus in English asked
    in English, never loads them; a library whose documents are in other languages loads them
    as it opens (:func:`warm_up`), not on its first question."""
    import ftfy
    from ftfy.badness import is_bad

    return ftfy.fix_text, is_bad


def warm_up() -> None:
    """Load ftfy now, for the first question not in plain ASCII (see :func:`_ftfy`)."""
    _ftfy()


def _ftfy_line(line: str, entities: str | bool) -> str:
    # Most lines that are not ASCII are just another language: no mojibake (ftfy's own test),
    # nothing else ftfy fixes, so its dozen passes would only put them in NFC. A 2 MB Spanish
    # novel spent 9 s of its 20 in ftfy. tests/test_build_shortcuts.py checks both ways agree.
    # A Windows line end is ftfy's to mend as well: "\r\n" becomes "\n".
    # Mojibake is looked for with the line end, as ftfy looks ("œ\n" is a sign of it).
    fix_text, is_bad = _ftfy()
    body = line[:-2] if line.endswith("\r\n") else line[:-1] if line.endswith("\n") else line
    end = "\n" if len(body) < len(line) else ""
    if not _FTFY_OTHER_FIXES.search(body) and not is_bad(body + end):
        normal = unicodedata.normalize("NFC", body) + end
        if normal == body + end or not is_bad(normal):
            return normal
    return fix_text(
        line,
        unescape_html=entities,
        uncurl_quotes=False,
        fix_latin_ligatures=False,
        fix_character_width=False,
        normalization="NFC",
    )


def strip_accents(text: str) -> str:
    """Remove combining marks: ``Café`` → ``Cafe``."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def fold(text: str) -> str:
    """Fold text for comparison: case, accents, quotes, dashes and runs of white space."""
    text = _ANY_ZERO_WIDTH.sub("", strip_accents(clean(text))).translate(_QUOTES)
    text = _DASHES.sub("-", text)
    return _SPACES.sub(" ", text).strip().casefold()


def squeeze(text: str) -> str:
    """Collapse runs of white space to one space and strip the ends."""
    # str.split and the pattern's \s agree on what white space is (both Py_UNICODE_ISSPACE);
    # joining the words is a third of the cost of the substitution.
    return " ".join(text.split())


def word_count(line: str) -> int:
    """Words as a reader counts them: Chinese and Japanese write no spaces, so their characters
    count about two to a word."""
    if line.isascii():
        return len(line.split())  # most lines: no Chinese to look for
    return len(line.split()) + len(CJK_CHAR.findall(line)) // 2


_ROMAN_WRITTEN = (
    (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
    (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
)  # fmt: skip


def roman_numeral(number: int) -> str:
    """``number`` in Roman numerals, in capitals (39 → "XXXIX"; 0 → "")."""
    written = []
    for value, letters in _ROMAN_WRITTEN:
        while number >= value:
            written.append(letters)
            number -= value
    return "".join(written)


def roman_value(numeral: str) -> int | None:
    """The value of a Roman numeral in capitals (I to CCCXCIX: "XXXIX" → 39), or None when it
    is not one (see :data:`ROMAN`)."""
    if not _WHOLE_ROMAN.fullmatch(numeral):
        return None
    values = [_ROMAN_VALUES[ch] for ch in numeral]
    return sum(-v if v < after else v for v, after in zip(values, [*values[1:], 0], strict=True))
