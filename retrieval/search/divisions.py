"""Questions naming a numbered part of a document: "what does article 35 say?", "Статья 22",
"第三十七条", "¿Qué dice el artículo 14?", "the Second Amendment".

Charters, constitutions, statutes and manuals are cut into numbered articles, chapters and
sections, and a reader asks for one by its number. The number stands in the heading only, which
BM25 weighs weakly, while a passage elsewhere citing "articles 20 and 35" holds it in its text:
so the passages under the heading the question names are brought first. Each number is read as
it is written in any of the forms (digits, Roman numerals, English ordinal words, Chinese
numerals), so "Second Amendment" finds "AMENDMENT II".
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable

from retrieval.search.analyzer import Analyzer
from retrieval.search.rank import Ranked, brought_first
from retrieval.text import CARDINAL_WORDS, ORDINAL_WORDS, ROMAN, roman_numeral, roman_value

WINDOW = 50  # the best candidates among which the named division's passages are brought first

# Each kind of division by the words that name it, per language, as a question inflects them.
_KINDS = {
    "article": r"articles?|art\.|art[ií]culos?|стать[яиеюёй]\w*|ст\.",  # "ст. 6", as cited
    "chapter": r"chapters?|chapitres?|cap[ií]tulos?|глав[аыеуо]\w*",
    "section": r"sections?|secci[oó]n|secciones|раздел\w*",
    "amendment": r"amendments?|amendements?|enmiendas?|поправк\w*",
    "part": r"parts?|parties?|partes?|част[ьия]\w*",
    "title": r"titles?|titres?|t[ií]tulos?",
}
_CHINESE_KINDS = {"条": "article", "章": "chapter", "节": "section", "編": "part", "编": "part"}
# The Russian ordinals by their stem (they inflect: "в третьей главе"), beside text's words
_RUSSIAN = ("перв", "втор", "трет", "четв[её]рт", "пят", "шест", "седьм", "восьм", "девят", "десят")
_RUSSIAN_WORD = re.compile(
    rf"(?:{'|'.join(_RUSSIAN)})"
    r"(?:[ыиоа]й|[аяоеу]я|[оеую]ю|[ое]е|[ое]го|[ое]м|ь(?:я|е|ю|и|ей|ем|его|ему|им|ими|их))(?!\w)"
)
_WORDS = ORDINAL_WORDS | CARDINAL_WORDS
_ORDINAL_WORD = "|".join(sorted(ORDINAL_WORDS, key=len, reverse=True))
_CARDINAL_WORD = "|".join(sorted(CARDINAL_WORDS, key=len, reverse=True))
# A number: digits (1er, 1.º, 2nd), a Roman numeral, an ordinal word
_NUMBER = rf"\d+(?:st|nd|rd|th|er|re|\.?[ºª°])?|{ROMAN}|{_ORDINAL_WORD}|{_RUSSIAN_WORD.pattern}"
_LABEL = "|".join(f"(?P<{kind}>{words})" for kind, words in _KINDS.items())


def _labelled(number: str) -> re.Pattern[str]:
    """ "article 35", "Статья 22", "art. 5", "artículo nº 14", "AMENDMENT XIV", "CAPÍTULO
    PRIMERO": a label and its ``number``."""
    return re.compile(
        rf"(?<!\w)(?:{_LABEL})\s*(?:n[°ºo]\.?\s*|№\s*)?(?P<n>{number})(?![\w-])", re.IGNORECASE
    )


# A cardinal word after a label names a division in a heading ("CHAPTER ONE", "Part Two The
# War") but in a question only at its end or before a stop ("what does chapter three say?" no;
# "and chapter three?" yes): "What part one plays", "Quel article un citoyen peut-il invoquer"
# are ordinary sentences.
_LABELLED = _labelled(rf"{_NUMBER}|(?:{_CARDINAL_WORD})(?=\s*(?:[^\w\s]|$))")
_HEADED = _labelled(rf"{_NUMBER}|{_CARDINAL_WORD}")
# "the Second Amendment", "the 2nd Amendment", "el primer capítulo", "первая глава"
_ORDINAL = re.compile(
    rf"(?<!\w)(?P<n>{_ORDINAL_WORD}|{_RUSSIAN_WORD.pattern}|\d+(?:st|nd|rd|th))"
    rf"\s+(?:{_LABEL})(?!\w)",
    re.IGNORECASE,
)
# What a heading naming a division starts with: its label, 第, or an ordinal
_OPENING = re.compile(
    rf"(?:{_LABEL}|第|{_ORDINAL_WORD}|{_RUSSIAN_WORD.pattern}|\d+(?:st|nd|rd|th)\s)", re.IGNORECASE
)
_CHINESE = re.compile(r"第(?P<n>[\d零〇一二两三四五六七八九十百千]+)(?P<k>[条章节編编])")
_CHINESE_DIGITS = {c: i for i, c in enumerate("零一二三四五六七八九")} | {"〇": 0, "两": 2}

Division = tuple[str, int]  # (kind, number): ("article", 35)


def named(text: str, heading: bool = False) -> Division | None:
    """The numbered division ``text`` names first (a question, or a ``heading``), or None."""
    found = _naming(text, heading) if heading else naming(text)
    return None if found is None else found[0]


@functools.lru_cache(maxsize=256)  # a question is read again when it is judged
def naming(text: str) -> tuple[Division, str] | None:
    """The numbered division a question names first and the words naming it ("Second
    Amendment", "статье 43", "第三十七条"), or None. (Headings are read uncached: a document's
    many would push the questions out.)"""
    return _naming(text, False)


def naming_terms(text: str, analyzer: Analyzer, lang: str) -> tuple[Division, set[str]] | None:
    """The division a question names and the terms of the words naming it, or None."""
    found = naming(text)
    return None if found is None else (found[0], set(analyzer.terms(found[1], lang)))


def _naming(text: str, heading: bool) -> tuple[Division, str] | None:
    found = _CHINESE.search(text)
    if found:
        number = _chinese_number(found["n"])
        return None if number is None else ((_CHINESE_KINDS[found["k"]], number), found[0])
    for pattern in (_HEADED if heading else _LABELLED, _ORDINAL):
        match = pattern.search(text)
        if match:
            kind = next(k for k in _KINDS if match[k])
            number = _number(match["n"])
            if number is not None:
                return (kind, number), match[0]
    return None


# A follow-up naming only the next division's number: "And the Fourth?", "what about 44?"
_BARE = re.compile(
    r"^\W*(?:(?:and|what\s+about|how\s+about|y|et|и|а)\s+)?(?:the\s+|el\s+|la\s+|le\s+|l')?"
    rf"(?P<n>{_ORDINAL_WORD}|{_RUSSIAN_WORD.pattern}|\d+(?:st|nd|rd|th)?|{ROMAN})\W*$",
    re.IGNORECASE,
)


_YEAR_DIGITS = 4  # a number alone this long is a year; named with its label it is a division


def following(text: str, earlier: str) -> Division | None:
    """The division a follow-up names by its number alone, of the kind the earlier question
    named ("And the Fourth?" after "What does the Third Amendment say?"), or None."""
    bare = _BARE.match(text)
    before = named(earlier) if bare else None
    if bare is None or before is None:
        return None
    number = _number(bare["n"])
    if number is None or (bare["n"].isdigit() and len(bare["n"]) >= _YEAR_DIGITS):
        return None  # "what about 1950?": a year asked of the subject, not article 1950
    return before[0], number


def asked(text: str, earlier: str | None = None) -> Division | None:
    """The division a question asks for: the one it names, else the one it names by its number
    alone after ``earlier`` ("And the Fourth?")."""
    return named(text) or (following(text, earlier) if earlier else None)


def heads(section: str | None, division: Division) -> bool:
    """Whether a passage's section heading is the ``division`` (it opens the heading: a title
    such as "Article 5. Freedom of speech", not one that cites another article)."""
    if not section:
        return False
    start = section.lstrip()[:40]
    return _opens(start) and named(start, heading=True) == division


def first_in(
    ranked: list[Ranked],
    division: Division,
    doc: str | None = None,
    bare: bool = False,
    lang: str | None = None,
) -> list[Ranked]:
    """``ranked`` with its passages under the heading of ``division`` among the best
    :data:`WINDOW` (of ``doc`` when given) brought first, in their order; ``ranked`` itself
    when there are none. ``bare``: the question names the division and nothing else ("Que dit
    l'article 89 ?"): it asks what the article says, which its first paragraph begins to say,
    so each document's passages come in the order they are written, the documents in the
    order of their best passage. (An article's paragraphs share the question's few words and
    often tie: one of its later paragraphs was quoted first.) Those documents written in
    ``lang``, the question's language, come before the others: "что в статье 6?" asks for the
    Russian Статья 6, not a French licence's "Article 6"."""
    chosen = [
        r
        for r in ranked[:WINDOW]
        if heads(r.passage.section, division) and doc in (None, r.passage.doc)
    ]
    if bare:
        order = sorted(dict.fromkeys(r.passage.doc for r in chosen), key=_in(chosen, lang))
        documents = {d: i for i, d in enumerate(order)}
        chosen.sort(key=lambda r: (documents[r.passage.doc], r.passage.ordinal))
    return brought_first(ranked, chosen) if chosen else ranked


def _in(chosen: list[Ranked], lang: str | None) -> Callable[[str], bool]:
    """Whether a document of ``chosen`` is written in another language than ``lang`` (its
    first passage among them says), as a key sorting those in ``lang`` first."""
    written: dict[str, str] = {}
    for r in chosen:
        written.setdefault(r.passage.doc, r.passage.lang)
    return lambda doc: lang is not None and written[doc] != lang


def _opens(heading: str) -> bool:
    """Whether the division's name starts the heading (after "第" in Chinese)."""
    return _OPENING.match(heading) is not None


def _number(written: str) -> int | None:
    """The value of a number written in digits (2nd, 1er, 1.º), Roman numerals or words."""
    digits = re.match(r"\d+", written)
    if digits:
        return int(digits[0])
    word = written.lower()
    if word in _WORDS:
        return _WORDS[word]
    if _RUSSIAN_WORD.fullmatch(word):
        return next(n for n, stem in enumerate(_RUSSIAN, 1) if re.match(stem, word))
    return roman_value(written.upper())


def _chinese_number(written: str) -> int | None:
    """The value of a number in Chinese numerals below ten thousand (三十七, 一百零五), or
    digits."""
    if written.isdigit():
        return int(written)
    total, digit = 0, 0
    for ch in written:
        if ch in _CHINESE_DIGITS:
            digit = _CHINESE_DIGITS[ch]
        else:
            unit = {"十": 10, "百": 100, "千": 1000}[ch]
            total += (digit or 1) * unit
            digit = 0
    total += digit
    return total or None


# A division's label as one word of a question ("article", "l'article" read as "l" and
# "article", "статья", "art"): what a follow-up names when it asks for the next one.
_LABEL_WORD = re.compile(rf"(?:{'|'.join(_KINDS.values())})", re.IGNORECASE)


def is_label(word: str) -> bool:
    """Whether ``word`` names a kind of division ("article", "chapitre", "статьи")."""
    return _LABEL_WORD.fullmatch(word.rstrip(".")) is not None or word.lower() == "art"


# A number alone, as digits ("2", "#3"): while numbered results are shown, it picks one of them.
_DIGITS_ALONE = re.compile(r"\W*\d+\W*")


def names_a_division(text: str, earlier: str) -> bool:
    """Whether a reply to a numbered list of results names a division rather than a result:
    "第三条", "and the second?" after "What does Chapter I say?" name a division; a number
    alone ("2") picks the result so numbered above, as it does after any other question
    (after "Что говорит статья 5?" and a follow-up, "2" was searched as words)."""
    return _DIGITS_ALONE.fullmatch(text) is None and asked(text, earlier) is not None


# More numbers after a division's: "articles 3 and 4", "статьи 3 и 4", "articles 3, 4", "3-5"
_LISTED = re.compile(r"\s*(?:,|-|–|\b(?:and|or|to|et|ou|y|o|и|или)\b)\s*\d", re.IGNORECASE)


# The French labels opening with a vowel, before which "le"/"la" elide (not Spanish "la
# enmienda": "¿Qué dice la primera enmienda?" became "l'enmienda 2").
_FRENCH_VOWEL_LABELS = frozenset({"article", "amendement"})


def renumbered(text: str, number: int) -> str | None:
    """``text`` (a question naming a division) naming the division of the same kind numbered
    ``number`` instead, written as the question wrote its number (digits, a Roman numeral,
    Chinese numerals): "Que dit l'article 97 ?" → "Que dit l'article 98 ?", "第五条讲什么？" →
    "第六条讲什么？". None when it names none or ``number`` is below one."""
    if number < 1:
        return None
    found = _CHINESE.search(text)
    if found:
        written = str(number) if found["n"].isdigit() else _chinese_numeral(number)
        return text[: found.start("n")] + written + text[found.end("n") :]
    for pattern in (_LABELLED, _ORDINAL):
        match = pattern.search(text)
        if match and _LISTED.match(text, match.end()):
            return None  # "articles 3 and 4": no one division to renumber
        if match and _number(match["n"]) is not None:
            written = _written(match["n"], number)
            if pattern is _ORDINAL and written.isdigit():
                # An ordinal word before its label ("le deuxième article", "el primer capítulo",
                # "вторая статья") in digits: the label then its number ("article 3"), as
                # "le 3 article" names no article.
                label = next(match[k] for k in _KINDS if match[k])
                before = text[: match.start()]
                if label.lower().rstrip("s") in _FRENCH_VOWEL_LABELS:  # "l'article 3"
                    before = re.sub(r"(?<!\w)([lL])[ea] $", r"\1'", before)
                return f"{before}{label} {written}{text[match.end() :]}"
            return text[: match.start("n")] + written + text[match.end("n") :]
    return None


def _written(was: str, number: int) -> str:
    """``number`` written as ``was`` was: a Roman numeral as one, an English ordinal ("2nd",
    "Second") as "3rd", anything else in digits ("primero" → "2")."""
    if not was[0].isdigit() and roman_value(was.upper()) is not None:
        return roman_numeral(number)
    if was[0].isdigit() and not re.fullmatch(r"\d+(?:st|nd|rd|th)", was, re.IGNORECASE):
        return str(number)
    if was[0].isdigit() or re.fullmatch(r"[a-z]+(?:st|nd|rd|th)", was.lower()):
        suffix = "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10)
        return f"{number}{suffix or 'th'}"
    return str(number)


def _chinese_numeral(number: int) -> str:
    """``number`` (below ten thousand) in Chinese numerals as articles are numbered: 六, 十,
    十一, 二十, 九十八, 一百零五, 一百一十一."""
    digits = "零一二三四五六七八九"
    if number < 10:
        return digits[number]
    if number < 20:
        return "十" + (digits[number % 10] if number % 10 else "")
    out, zero = "", False
    for value, unit in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        digit = number // value % 10
        if digit:
            out += ("零" if zero and out else "") + digits[digit] + unit
            zero = False
        else:
            zero = True
    return out
