"""Every user-facing string, one module per language; :func:`strings` picks one for a user.

Each locale is a flat module named by its ISO 639-1 code (``en.py``, ``ru.py``...) defining every
name :mod:`bot.locales.en` defines, with the same ``{placeholders}`` (a test checks both, and that
each text fits Telegram's limits). A new module here is found without registering it anywhere.
A user's language is the one they chose with ``/language``, else their Telegram app's
``language_code``, else English.
"""

from __future__ import annotations

import functools
import importlib
import pkgutil
import re
import unicodedata
from collections.abc import Iterable, Sequence
from types import ModuleType

from bot.locales import courtesy, en, paging
from retrieval.search import followups

Strings = ModuleType  # a locale module; its names are those of bot.locales.en
DEFAULT = "en"


@functools.cache
def available() -> dict[str, ModuleType]:
    """Every locale module, by language code, English first."""
    found = {DEFAULT: en}
    for module in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        if len(module.name) == 2 and module.name.isalpha() and module.name != DEFAULT:
            found[module.name] = importlib.import_module(f"{__name__}.{module.name}")
    return found


def language_of(language_code: str | None) -> str:
    """The locale a Telegram ``language_code`` (an IETF tag: "pt-br", "zh-hans") maps to."""
    code = (language_code or "").replace("_", "-").split("-")[0].lower()
    return code if code in available() else DEFAULT


def strings(language_code: str | None) -> Strings:
    """The texts in the language of ``language_code``, falling back to English."""
    return available()[language_of(language_code)]


def reply_language(read: str | None, speaks: str, text: str = "") -> str:
    """The locale a reply to a question read as ``read`` speaks: that language when the bot has
    strings for it, else ``speaks``, the one the user's chat speaks (their /language, their
    Telegram app's, the terminal's LANG), not English: a Spanish reader's Portuguese or
    Japanese question is told in Spanish which languages to ask in. Kana or Hangul in ``text``
    make it Japanese or Korean, whatever its Chinese characters say ("もっと" got a Chinese
    reply); a ``text`` of no letters is in ``speaks``; one whose first or last words are
    Chinese, in Chinese."""
    if _KANA_OR_HANGUL.search(text) or (text and not any(ch.isalpha() for ch in text)):
        return language_of(speaks)  # no words: no language of its own ("2004?")
    if _CHINESE_AROUND.search(text):
        read = "zh"  # Chinese words around an English message pasted ("[Vue warn]: … 这是啥意思")
    return read if read in available() else language_of(speaks)


# A question that opens or closes with Chinese words (two characters or more, its own
# punctuation aside) is asked in Chinese, however much English it quotes between them.
_CHINESE_AROUND = re.compile(r"^\W*[\u3400-\u9fff]{2}|[\u3400-\u9fff]{2}[\s，。？！、：；?!.…]*$")
_KANA_OR_HANGUL = re.compile(r"[\u3040-\u30ff\u1100-\u11ff\u3130-\u318f\uac00-\ud7af]")


AUTO = "auto"  # "/language auto": the reply language follows the app's (the system's) again


def named_language(said: str) -> str | None:
    """The locale ``said`` names, by its code or its own name ("ru", "Русский", "中文"), or
    :data:`AUTO`; None when it names none (what /language is typed with)."""
    said = " ".join(said.split()).casefold()
    if said == AUTO:
        return AUTO
    names = {code: str(module.LANGUAGE_NAME).casefold() for code, module in available().items()}
    return next((code for code, name in names.items() if said in (code, name)), None)


def code_of(texts: Strings) -> str:
    """The language code of a locale module (``bot.locales.ru`` → "ru")."""
    return texts.__name__.rpartition(".")[2]


def own_name(texts: Strings) -> str:
    """The locale's language as its sentences name it ("español", "русский"), where the
    /language buttons show it as a name of its own ("Español", "Русский")."""
    return str(texts.LANGUAGE_NAMES[code_of(texts)])  # every locale names its own (a test)


def asks_for_more(text: str) -> bool:
    """Whether a message only asks for more results ("more", "ещё", "更多", "Encore !"): any
    locale's :data:`~bot.locales.en.MORE_WORDS`, whatever the user's language (a Russian
    user whose Telegram app is set to English still types "ещё"), with nothing around them
    but the words said around such a request (:data:`~bot.locales.en.MORE_FILLERS`: "show me
    more", "more please", "and more", "请继续", "もっとください"); "more about sed" is a
    question. A paging word alone pages ("next", "дальше", "suivant", "下一个"); with words
    that make it a step through the document it steps (:func:`followups.step`: "and the next
    one?", "а дальше?", "et le suivant ?", "下一条呢？", "the next article")."""
    if _folded(" ".join(text.split()).strip(".!?¡¿…。！？ ")) in _more_words():
        return True
    if followups.step(text) is not None:
        return False
    more, fillers, affixes = _more_phrases()
    words = [_unfixed(word, more, affixes) for word in _letters(_folded(text)).split()]
    return _spans(words, more, fillers)


@functools.cache
def _more_words() -> frozenset[str]:
    words = (w for module in (*available().values(), paging) for w in module.MORE_WORDS)
    return frozenset(_folded(word) for word in words)


@functools.cache
def _more_phrases() -> tuple[
    frozenset[tuple[str, ...]], frozenset[tuple[str, ...]], tuple[str, ...]
]:
    """Every locale's paging words and the words said around them, each as its words (as
    :func:`_letters` splits a message: "dis-m’en plus" is "dis", "m'en", "plus"), and those
    of the latter written onto a word in Chinese and Japanese ("请", "ください"), longest
    first."""
    modules = (*available().values(), paging)
    more = frozenset(tuple(_letters(w).split()) for w in _more_words())
    said = _words_of(m.MORE_FILLERS for m in modules)
    fillers = frozenset(tuple(_letters(w).split()) for w in said)
    affixes = tuple(sorted((w for w in said if _unspaced(w)), key=len, reverse=True))
    return more, fillers, affixes


def _unspaced(text: str) -> bool:
    """Whether ``text`` is in a script written without spaces (Chinese, Japanese) or Korean."""
    return bool(text) and all(_UNSPACED.fullmatch(ch) for ch in text)


_UNSPACED = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\u1100-\u11ff\u3130-\u318f]")


def _unfixed(word: str, more: frozenset[tuple[str, ...]], affixes: Sequence[str]) -> str:
    """``word`` without the request words written onto it ("请继续", "もっと見せてください"),
    unless it is a paging word as it stands ("详细一点" ends as "一点" does)."""
    if not _unspaced(word):
        return word
    while (word,) not in more:
        cut = next((a for a in affixes if word != a and word.startswith(a)), None)
        if cut is not None:
            word = word[len(cut) :]
            continue
        cut = next((a for a in affixes if word != a and word.endswith(a)), None)
        if cut is None:
            return word
        word = word[: -len(cut)]
    return word


def _spans(
    words: Sequence[str], more: frozenset[tuple[str, ...]], fillers: frozenset[tuple[str, ...]]
) -> bool:
    """Whether ``words`` are paging words and words said around them only, one paging word at
    least."""
    # reached[i]: None when words[:i] cannot be read so; else whether a paging word was among
    reached: list[bool | None] = [False] + [None] * len(words)
    for start in range(len(words)):
        if reached[start] is None:
            continue
        for end in range(start + 1, len(words) + 1):
            span = tuple(words[start:end])
            if span in more:
                reached[end] = True
            elif span in fillers and not reached[end]:
                reached[end] = reached[start]
    return reached[-1] is True


def result_asked(text: str, *, replying: bool = False) -> int | None:
    """The rank of the result a message only asks to see ("the second one", "3rd", "#2",
    "второй", "第二个", "el segundo", "la deuxième", "#25"), in any locale's words
    (:data:`~bot.locales.en.ORDINALS`, 1 to 10); None for anything else ("the second world
    war"). A bare number ("2", "25"; "0", which names none and is told so) is one only
    ``replying`` to an answer, whose results are numbered; up to three digits: "2004" is a
    year asked about, and past 10 with a question mark it is asked about ("404?"). Digits
    are read full-width too ("２番目", "２": Japanese input methods type them so)."""
    text = _narrow(text)
    number = (_REPLIED_NUMBER if replying else _NUMBERED).fullmatch(text)
    marked = number is not None and number[0].lstrip()[:1] in "#№"  # "#12?" names a result
    if number and (marked or int(number[1]) <= _ALWAYS_A_RANK or not number[2]):
        return int(number[1])
    labelled = _labelled(text)
    if labelled is not None:  # "number 3", "result 5", "#4 please", "№ 3"
        return labelled
    words = _letters(_folded(text)).split()
    for ordinals, around, framed in _readings():
        said = [w for w in words if w not in around]
        if framed and not replying and len(said) == len(words):
            continue  # "quarto" alone is a room, "the second die" no German (but a reply to
            # a numbered answer, "quarto", names its fourth result)
        rest = "".join(said) if said and all(_is_cjk(w) for w in said) else " ".join(said)
        if _is_cjk(rest):  # "第二个", "请打开第二条": the words about it are not spaced out
            rest = _CJK_AROUND.sub("", rest)
        if rest in ordinals:
            return ordinals[rest]
    return None


def names_a_result(text: str) -> bool:
    """Of a message :func:`result_asked` reads as a rank replying to an answer (callers ask it
    first: "12?" is asked about), whether it is a bare number ("2", "#3"): not one of three
    digits, which may be asked about ("404", "418"), nor with words ("第3条" and "第三条" are an
    article, "the second one" may be a title, "3rd")."""
    found = _REPLIED_NUMBER.fullmatch(_narrow(text))
    return (found is not None and int(found[1]) < _ASKED_ABOUT) or _labelled(text) is not None


def _labelled(text: str) -> int | None:
    """The number of a message naming a result by it with a word for "number" or "result" in
    any language the bot reads (:data:`~bot.locales.en.RESULT_NUMBER_WORDS`: "number 3",
    "result 5", "Nummer 2", "3番") or a sign ("#4 please", "show № 3"), and only the words
    that go with a rank besides (:data:`~bot.locales.en.ORDINAL_WORDS`); up to three digits,
    as "#N" ("number 2004" is asked about)."""
    words = _NUMBER_WORDS.findall(_folded(text))
    numbers = [w for w in words if w.isdigit()]
    if len(numbers) != 1 or not _RANK.fullmatch(numbers[0]):
        return None
    labels, around = _number_words()
    rest = [w for w in words if not w.isdigit()]
    named = [w for w in rest if w in labels or (_unspaced(w) and any(n in w for n in labels))]
    if named and all(w in around or _joined(w, around) for w in rest):
        return int(numbers[0])
    return None


_NUMBER_WORDS = re.compile(r"[#№]|\d+|[^\W\d_]+(?:'[^\W\d_]+)*")
_RANK = re.compile(r"0|[1-9][0-9]{0,2}")


@functools.cache
def _number_words() -> tuple[frozenset[str], frozenset[str]]:
    """The words for "number" or "result" of every language read, with the signs "#" and
    "№"; and those with every word that may go with a rank."""
    modules = (*available().values(), paging)
    labels = _words_of(m.RESULT_NUMBER_WORDS for m in modules) | {"#", "№"}
    ranks = [m.ORDINAL_WORDS for m in available().values()]
    ranks += [o.words for o in paging.ORDINALS.values()]
    return labels, labels | _words_of(ranks)


def _joined(word: str, known: frozenset[str]) -> bool:
    """Whether ``word``, written without spaces (Chinese, Japanese), is words of ``known`` one
    after another ("显示结果")."""
    return _unspaced(word) and bool(_spoken(word, known))


def _narrow(text: str) -> str:
    """``text`` with its full-width forms ("＃２", "ｍｏｒｅ") as the usual ones, as NFKC folds
    them, and nothing else NFKC does: it made "№" "No", and Korean's "ㅋㅋ" letters no laugh."""
    return text.translate(_FULL_WIDTH)


_FULL_WIDTH = {0xFF01 + i: 0x21 + i for i in range(0x5E)} | {0x3000: 0x20}


_ASKED_ABOUT = 100
_NUMBERED = re.compile(r"\s*[#№]\s*(0|[1-9][0-9]{0,2})\s*(?:[.!)]|(\?))?\s*")
_REPLIED_NUMBER = re.compile(r"\s*[#№]?\s*(0|[1-9][0-9]{0,2})\s*(?:[.!)]|(\?))?\s*")
# A number asked with a question mark past the results a page shows is a question about it
# ("404?", "12?" for a release after "What is CORS?"), not a result to open.
_ALWAYS_A_RANK = 10


def _is_cjk(text: str) -> bool:
    return bool(text) and all("\u4e00" <= ch <= "\u9fff" or ch.isdigit() for ch in text)


@functools.cache
def _readings() -> tuple[tuple[dict[str, int], frozenset[str], bool], ...]:
    """How ranks are read: the locales' ordinals with any locale's words about them (a Russian
    user's Telegram app may be set to English), then each language of
    :data:`.paging.ORDINALS` alone with its own words, and only with one of them when it is
    ``framed``."""
    modules = available().values()
    pooled = (
        {form: rank for m in modules for form, rank in _ranked(m.ORDINALS).items()},
        _words_of(m.ORDINAL_WORDS for m in modules),
        False,
    )
    own = ((_ranked(o.forms), _words_of([o.words]), o.framed) for o in paging.ORDINALS.values())
    return (pooled, *own)


def _ranked(ordinals: Sequence[str]) -> dict[str, int]:
    """Each form of ``ordinals`` (1 to 10, "|" between the forms of one) by its rank."""
    return {
        _folded(form): rank
        for rank, forms in enumerate(ordinals, start=1)
        for form in forms.split("|")
    }


def _words_of(lists: Iterable[str]) -> frozenset[str]:
    return frozenset(_folded(word) for words in lists for word in words.split("|") if word)


_CJK_AROUND = re.compile(
    "^(?:"
    + "|".join(["请", "打开", "显示", "看看", "看", "那"])
    + ")+|(?:"
    + "|".join(["个", "条", "段", "结果", "片段", "吧", "的", "呢"])
    + ")+$"
)


def _folded(text: str) -> str:
    """``text`` in lower case without accents, its apostrophes straight, its full-width forms
    narrow: many type "mas" for "más", "еще" for "ещё", "d'accord" for "d’accord", and a
    Japanese input method "２つ目" for "2つ目"."""
    decomposed = unicodedata.normalize("NFD", _narrow(text).casefold().replace("’", "'"))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def is_small_talk(text: str) -> bool:
    """Whether a message gets the small-talk reply, not a search: courtesy
    (:func:`is_courtesy`: "thanks, that's all", "hi there") or a request for help that names
    nothing to look up (:func:`asks_for_help`: "can you help me check a claim?")."""
    return is_courtesy(text) or asks_for_help(text)


def is_courtesy(text: str) -> bool:
    """Whether a message is thanks, a greeting, a sign-off or a laugh and nothing else ("thanks
    a lot!", "lol 😂", "спасибо большое", "好的谢谢", "+1", "ok that's it, thanks"), maybe said
    to someone ("hi there", "thanks everyone", "всем привет"): no question to search (any
    locale's :data:`~bot.locales.en.SMALL_TALK_WORDS` and
    :data:`~bot.locales.en.SMALL_TALK_ADDRESSEE_WORDS`, and :mod:`.courtesy`'s words and laughs in
    the languages it does not speak: "danke!", "شكرا", "ありがとう", "hahaha"). A message with no
    words at all ("?", "👍") is not: it is told what to ask; nor is one that reads as code
    ("super()", "hello_world") or ends in a question mark ("toll?"), nor one only naming
    whom ("there", "everyone")."""
    if _CODE_LIKE.search(text) or text.rstrip().endswith(("?", "？", "؟")):
        return False  # "toll?", "super?": a question, however short
    said = _said(text)
    if said in ("+1", "+"):
        return True
    addressees = _listed("SMALL_TALK_ADDRESSEE_WORDS")
    pieces = _pieces(said.replace("+", " "), _vocabulary(help_asked=False))
    return bool(pieces) and any(p not in addressees for p in pieces)


def small_talk_language(text: str) -> str | None:
    """The locale whose own words of courtesy and help hold more of the small talk ``text``
    than any other's ("merci, c'est tout" is French, "hola a todos" Spanish), or None when
    none does ("ok", "👍"): a reply in that language, where the words tell it and a short
    message's letters do not."""
    said = _said(text)
    pieces = _pieces(said, _vocabulary(help_asked=True))
    counts = {code: sum(piece in words for piece in pieces) for code, words in _own_words().items()}
    ranked = sorted(counts.items(), key=lambda item: -item[1])
    if not ranked or ranked[0][1] == 0 or (len(ranked) > 1 and ranked[1][1] == ranked[0][1]):
        return None
    return ranked[0][0]


@functools.cache
def _own_words() -> dict[str, frozenset[str]]:
    """Each locale's words of courtesy, addressees and help, folded."""
    lists = ("SMALL_TALK_WORDS", "SMALL_TALK_ADDRESSEE_WORDS", "HELP_FRAME_WORDS", "HELP_WORDS")
    return {
        code: frozenset(_folded(w) for name in lists for w in getattr(module, name))
        for code, module in available().items()
    }


def asks_for_help(text: str) -> bool:
    """Whether a message asks for help and names nothing to look up ("I have a question",
    "good morning, can you help me check a claim?", "у меня вопрос", "我有一个问题"): small
    talk and any locale's :data:`~bot.locales.en.HELP_FRAME_WORDS` around one of its
    :data:`~bot.locales.en.HELP_WORDS`. A word naming a subject makes it a question ("help with
    WAL mode", "I have a question about the WTO"), and so does code ("help()")."""
    if _CODE_LIKE.search(text):
        return False
    said = _said(text)
    asking, addressees = _listed("HELP_WORDS"), _listed("SMALL_TALK_ADDRESSEE_WORDS")
    pieces = _pieces(said, _vocabulary(help_asked=True))
    greeted = any(p in _small_talk() for p in pieces)  # "hi all, …", not "all questions"
    return any(p in asking for p in pieces) and (greeted or not addressees.intersection(pieces))


def _said(text: str) -> str:
    """``text`` folded, without punctuation, its words one space apart, as small talk is read."""
    return " ".join(_letters(_folded(text)).split())


def _pieces(said: str, vocabulary: frozenset[str]) -> list[str]:
    """``said`` (folded) as words and phrases of ``vocabulary`` and laughs, a Chinese run as
    the words it is written of (:func:`_spoken`); none when anything else is in it. A phrase
    ("thank you", "check a claim") is one piece, the longest first ("dank je wel" before "dank
    je")."""
    said = _phrases(vocabulary).sub(lambda m: m[0].replace(" ", "_"), said)
    pieces: list[str] = []
    for word in said.split():
        word = word.replace("_", " ")
        if word in vocabulary or courtesy.LAUGH.fullmatch(word):
            pieces.append(word)
            continue
        run = _spoken(word, vocabulary)
        if not run:
            return []
        pieces.extend(run)
    return pieces


def without_chatter(text: str) -> str:
    """``text`` without its thanks, greetings, laughs and reactions (any locale's
    :data:`~bot.locales.en.SMALL_TALK_WORDS`, :mod:`.courtesy`'s words, laughs and
    :data:`~.courtesy.REACTIONS`): what is left of "lol nice" is nothing, of "haha nice one"
    "one", of "thanks, and for zsh" "and for zsh" (its words folded, its punctuation gone)."""
    known = _chatter()
    rest = f" {' '.join(_said(text).replace('+', ' ').split())} "
    for phrase in _chatter_phrases():  # "nice one", "thank you", "trop bien"
        rest = rest.replace(f" {phrase} ", " ")
    words = rest.split()
    return " ".join(
        w for w in words if not (w in known or courtesy.LAUGH.fullmatch(w) or _spoken(w, known))
    )


@functools.cache
def _chatter() -> frozenset[str]:
    return _small_talk() | frozenset(_folded(w) for w in courtesy.REACTIONS)


@functools.cache
def _chatter_phrases() -> tuple[str, ...]:
    return tuple(sorted((w for w in _chatter() if " " in w), key=len, reverse=True))


def _letters(text: str) -> str:
    """``text`` with what is not a letter, a digit, a mark, an apostrophe or "+" made a space
    (the vowel signs of "धन्यवाद" are marks), and Persian's zero-width non-joiner dropped."""
    kept = (
        c if c.isspace() or c in "’'+" or unicodedata.category(c)[0] in "LMN" else " "
        for c in text.replace("\u200c", "")
    )
    return "".join(kept)


_CODE_LIKE = re.compile(r"[()\[\]{}_/\\=<>]|\.\w")


def _spoken(run: str, known: frozenset[str]) -> list[str]:
    """The small-talk words ``run`` (Chinese, written without spaces) is written of, one after
    another ("好的谢谢" → 好的, 谢谢; "大家好" → 大家, 好); none when it is not made of them."""
    if not run or not all("\u4e00" <= ch <= "\u9fff" for ch in run):
        return []
    # The words each prefix ends with, when the prefix is made of them.
    reached: list[list[str] | None] = [[]] + [None] * len(run)
    # No word is longer than the longest known: a 4,000-character run was 16M look-ups (6 s).
    longest = max(map(len, known), default=0)
    for end in range(1, len(run) + 1):
        for start in range(max(0, end - longest), end):
            before = reached[start]
            if before is not None and run[start:end] in known:
                reached[end] = [*before, run[start:end]]
                break
    return reached[-1] or []


@functools.cache
def _vocabulary(*, help_asked: bool) -> frozenset[str]:
    """The words and phrases of courtesy, said to someone; with ``help_asked``, those of a
    request for help too."""
    said = _small_talk() | _listed("SMALL_TALK_ADDRESSEE_WORDS")
    return said | _listed("HELP_FRAME_WORDS") | _listed("HELP_WORDS") if help_asked else said


@functools.cache
def _phrases(vocabulary: frozenset[str]) -> re.Pattern[str]:
    """The phrases of ``vocabulary`` as whole words, the longest first."""
    phrases = sorted((w for w in vocabulary if " " in w), key=len, reverse=True)
    return re.compile(rf"(?<!\S)(?:{'|'.join(map(re.escape, phrases)) or '(?!)'})(?!\S)")


@functools.cache
def _listed(name: str) -> frozenset[str]:
    """Every locale's words of list ``name`` ("HELP_WORDS"), folded."""
    return frozenset(_folded(w) for m in available().values() for w in getattr(m, name))


@functools.cache
def _small_talk() -> frozenset[str]:
    spoken = (w for m in available().values() for w in m.SMALL_TALK_WORDS)
    return frozenset(_folded(w) for w in (*spoken, *courtesy.WORDS))
