"""Rules that recognise page furniture: lines of a web page that are not the document's content.

Each rule describes a *kind* of line (a language bar, a breadcrumb, share buttons, a comment form,
pagination, a photo credit, a newsletter footer) rather than the exact strings of the shipped
files, so a new page of the same kind comes out clean too. :func:`is_junk` is the only entry point.
"""

from __future__ import annotations

import functools
import re
import unicodedata

from retrieval.text import word_count

# Words of share bars, comment forms, newsletter footers and similar widgets.
_WIDGET_WORDS = frozenset(
    """print e-mail email mail bookmark share shares comment comments comment(s) font size adjust
    tweet twitter facebook weibo wechat linkedin instagram youtube rss feed newsletter newsletters
    subscribe subscription unsubscribe mailing list app download mobile forum suggest friend
    login log sign register required captcha submit send stories more get go reply replies
    permalink related articles previous next home top back contents menu search whatsapp
    telegram reddit pinterest messenger read explore further""".split()
)


def _compile(*patterns: str) -> re.Pattern[str]:
    """One pattern matching where any of ``patterns`` does: a line is searched once, not once a
    rule (a 2 MB novel's 32,000 lines took 6 s of rule searches)."""
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)


# Furniture even when it reads like a sentence ("Follow … on Twitter to join the conversation.").
_ALWAYS = _compile(
    r"^follow\b.{0,80}\bon (twitter|facebook|weibo|instagram|linkedin|telegram|x)\b",
    r"\bcomments? (may|will) be (removed|deleted|moderated)\b",
    r"\b(user ?name required|your comment$|enter the (words|characters|code) you see)\b",
    r"\ball rights reserved\b",
    r"^\s*(copyright|©)\s*(\(c\)\s*)?(19|20)\d\d\b",
    # a citation box: "Citation: … (2019, November 18) retrieved 20 November 2019 from https://…"
    r"\bretrieved (on )?\d{1,2} \w+ (19|20)\d\d from https?://",
    r"^this (document|article|page|content) is subject to copyright\b",
)
# A word each of :data:`_ALWAYS` holds: a line without any is not searched for them.
_ALWAYS_WORDS = re.compile(
    r"follow|comment|user|enter the|rights reserved|copyright|©|retrieved", re.IGNORECASE
)
# Furniture unless the line is a real sentence: prose may say "back to the top of the agenda".
# Those a line's start decides, then those found anywhere in it.
_UNLESS_PROSE_AT_START = _compile(
    r"^\s*\d+\s*comments?(\(s\))?",
    r"^\W*(next|previous|prev|more|top|back|continued|continue reading)\W*$",
    r"^\W*((previous|prev|first|«)\W*)?\d+(\s+\d+)+\W*((next|last|»)\W*)?$",
    r"^\W*(previous|prev|first|«)\b(\W*\d+)+\W*(next|last|»)?\W*$",
    r"^\W*(\d+\W+)+(next|last|»|more)\W*$",
    r"^\s*(all rights reserved|copyright\b|©)",
    r"^<[^<>]{1,60}>$",
    r"^(related|related (stories|articles|posts|content|coverage)|read (more|next)|also read|"
    r"more from|recommended( for you)?|trending|explore further)\b\s*[:»›|-]",
)
_UNLESS_PROSE_ANYWHERE = _compile(
    r"\b(no comments yet|no comments\.?$|add your comments?|post a comment|leave a comment)",
    r"\b(user ?name|your comment)\b",
    r"\bback to (the )?(top|table of contents|contents|index|home ?page|home|list)\b",
    r"\b(photo|image|picture)\s*(:|by\b|credit)",
    r"\b(getty ?images|reuters/|afp/|xinhua photo|file photo)",
    r"\b(join|sign up for|subscribe to) (the |our )?.{0,40}(mailing list|newsletter)",
    r"\bapp download\b",
    r"\bcomment\(s\)",
)


def _unless_prose(text: str) -> bool:
    """Whether ``text`` is furniture of the kinds a real sentence may mention."""
    return bool(_UNLESS_PROSE_AT_START.match(text) or _UNLESS_PROSE_ANYWHERE.search(text))


# Menu items run together when a page is flattened: "storiesGet", "cnMobileRSSNewsletter"; not
# the plural of an acronym ("PRIMARY KEYs Can Sometimes Contain NULLs", "URLs", "APIs").
_GLUED = re.compile(r"[a-z][A-Z]|[A-Z]{2}[A-Z](?!s\b)[a-z]")
_SEPARATORS = re.compile(r"\s[>»|•·/]\s|\s?»\s?|\w/\w")
# What menus and breadcrumbs never hold: a URL, quotes, shell or code punctuation, an option
# ("-f", "--purge"), an absolute path, also in quotes or brackets ("«/etc/crypttab»", whose
# slashes and closing » would otherwise count as a breadcrumb's separators).
_CODE_OR_ADDRESS = re.compile(
    r"://|[`'\"$=\\{};]|(?:^|\s)--?[A-Za-z]|(?:^|[\s«“‘(\[])~?/\w|\w\.\w+/"
)
# The words an English sentence never ends on: it goes on past the line.
_RUNS_ON = re.compile(r"\b(?:to|at|from|with|for|of|in|on|by|into|via|a|an|the|and|or)$", re.I)
_DATE_TIME_ONLY = re.compile(r"^\d{4}-\d{1,2}-\d{1,2}([ T]\d{1,2}:\d{2}(:\d{2})?)?$")


def _scripts(line: str) -> set[str]:
    """The writing systems of the letters in ``line`` (LATIN, CYRILLIC, ARABIC, CJK …)."""
    return {_script(ch) for ch in set(line) if ch.isalpha()}


@functools.lru_cache(maxsize=1 << 12)
def _script(letter: str) -> str:
    """The writing system of ``letter``; Japanese's kanji and both kana are one: a line of
    Japanese mixes them in every phrase ("攻撃に必要な特権レベル: 不要"), and is no language bar."""
    name = unicodedata.name(letter, "")
    words = name.split(" ") if name else ["?"]
    if words[0] in _WIDTHS and len(words) > 1:
        # a Japanese line's full-width Latin ("ＣＶＳＳ") and half-width kana ("ｱｸｾｽ"): forms
        # Japanese text sets among its kanji; half-width Hangul is Korean's
        return "HANGUL" if words[1] == "HANGUL" else "CJK"
    return "CJK" if words[0] in _KANA else words[0]


# Kana, and the ideographic marks written with kanji ("々" repeating the one before it: "人々")
_KANA = frozenset({"HIRAGANA", "KATAKANA", "KATAKANA-HIRAGANA", "IDEOGRAPHIC"})
_WIDTHS = frozenset({"FULLWIDTH", "HALFWIDTH"})


def _glued_words(text: str) -> int:
    """How many words of ``text`` have items run together (:data:`_GLUED`)."""
    return sum(1 for word in text.split() if _GLUED.search(word))


def words_up_to(text: str, most: int) -> int:
    """:func:`word_count` of ``text``, or ``most`` or more when it has that many words: an
    ASCII line (most lines) is split only as far as that (a long paragraph is not split
    whole); Chinese counts its characters, so other lines are counted whole."""
    return len(text.split(None, most)) if text.isascii() else word_count(text)


def is_junk(line: str) -> bool:
    """True when ``line`` (one stripped line of a page) is page furniture, not content."""
    text = line.strip()
    if not any(ch.isalnum() for ch in text):
        return True  # rules, bars and bullets: "|", "***", "• •"
    count = words_up_to(text, 31)  # no rule below tells 31 words from more
    if count <= 30 and _ALWAYS_WORDS.search(text) and _ALWAYS.search(text):
        return True
    if _DATE_TIME_ONLY.match(text):
        return True  # a bare time stamp; the date is read separately
    ends_like_prose = text.rstrip("\"'”’)）」』").endswith((".", "!", "?", "。", "！", "？"))
    if ends_like_prose and count > 6:
        return False
    if count <= 30 and _unless_prose(text):
        return True
    if count <= 12 and len(_scripts(text)) >= 3:
        return True  # a language bar: "عربي Español Русский Français 简体中文"
    if _CODE_OR_ADDRESS.search(text):
        return False  # a command, a path or a web address is content: "sed 's/a/b/g' file"
    if count <= 14 and len(_SEPARATORS.findall(text)) >= 2:
        return True  # a breadcrumb or menu: "Home > China/Kina", "News | World | Sport"
    if count <= 12 and len(_GLUED.findall(text)) >= 3 and _glued_words(text) >= 2:
        # a flattened menu: "Send your storiesGet more from …MobileRSSNewsletter", three items
        # run together in two words; not one word's humps ("PEP 287 – reStructuredText
        # Docstring Format") nor two product names ("Deploying to GitHub Pages with GitHub
        # Actions", "PostgreSQL vs MySQL": dropped, they were headings lost)
        return True
    lowered = [w.strip(".,:;!?()[]<>\"'").lower() for w in text.split()]
    widget = sum(1 for w in lowered if w in _WIDGET_WORDS)
    if count <= 2:
        return widget == count  # "Print", "NEWSLETTER", "Share"
    # A line ending on "to", "from", "the" runs on into what follows, as furniture never does:
    # "To subscribe or unsubscribe from a mailing list, please send mail to" over the address.
    return count <= 12 and widget >= 2 and widget * 2 >= count and not _RUNS_ON.search(text)
