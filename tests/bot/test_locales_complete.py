"""Every locale says everything English says, the same way for the code that fills it in.

Each locale module must define exactly the public names of :mod:`bot.locales.en`, each of the
same kind (text, tuple, function with the same signature), each text with the same
``{placeholders}``, the same HTML tags, the same /commands, @mentions and emoji, within Telegram's
limits; and it must follow its own language's typography (quotes, spaces, punctuation, plurals).
"""

from __future__ import annotations

import importlib
import inspect
import re
import string
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from bot.locales import available, en
from bot.render.reasons import reason_text
from retrieval.ingest.readers import sniff
from retrieval.ingest.savedpages import parts_reason
from retrieval.search import definitions
from retrieval.search.analyzer import Analyzer
from retrieval.search.followups import is_follow_up
from retrieval.search.languages import ENDONYMS

REQUIRED = ("ru", "zh", "es", "fr")  # issue 14; any other module found is checked too
CODES = sorted(set(REQUIRED) | (set(available()) - {"en"}))
OWN_NAMES = {"en": "English", "ru": "Русский", "zh": "中文", "es": "Español", "fr": "Français"}

COUNTS = (0, 1, 2, 3, 4, 5, 10, 11, 12, 14, 21, 22, 25, 100, 101, 104, 111, 112, 1000, 1001)

# Plain-text limits of the Bot API.
COMMAND_DESCRIPTION = 256  # setMyCommands: 1-256 characters
CALLBACK_ANSWER = 200  # answerCallbackQuery text: 0-200 characters
BUTTON_TEXT = 64  # what a button shows without being cut (en.py's own rule)
MESSAGE = 4096  # sendMessage text after entity parsing
CALLBACK_ANSWERS = (
    "FEEDBACK_",
    "BUTTON_EXPIRED",
    "ADMIN_ONLY_BUTTON",
    "PASSAGE_GONE",
    "QUOTE_NOT_YOURS",
)
BUTTONS = ("BUTTON_", "INLINE_HINT", "INLINE_NOTHING")
# ", " and " and " in English, "、" and "和" in Chinese
SEPARATORS = ("LIST_SEPARATOR", "LIST_LAST_SEPARATOR", "LINE_COLON")

TAG = re.compile(r"<(/?[a-z]+)\b[^>]*>")
COMMAND = re.compile(r"(?<![\w</])/([a-z]+)\b")
MENTION = re.compile(r"@(\{\w+\}|\w+)")
FIELD = re.compile(r"\{[^{}]*\}")
CJK = "\u3400-\u4dbf\u4e00-\u9fff"
FULL_WIDTH_PUNCTUATION = "，。、；：？！“”‘’（）《》【】…—"


def public(module: ModuleType) -> dict[str, Any]:
    """The names a locale module defines for the bot (not ``annotations`` of ``__future__``)."""
    return {
        name: value
        for name, value in vars(module).items()
        if not name.startswith("_") and type(value).__name__ not in {"_Feature", "module"}
    }


def load(code: str) -> ModuleType:
    return importlib.import_module(f"bot.locales.{code}")


def texts(value: Any, name: str) -> Iterator[tuple[str, str]]:
    """Every text in ``value`` (a text, or tuples of them), each with a name to report it by."""
    if isinstance(value, str):
        yield name, value
    elif isinstance(value, tuple):
        for number, item in enumerate(value):
            yield from texts(item, f"{name}[{number}]")


def all_texts(module: ModuleType) -> Iterator[tuple[str, str]]:
    for name, value in public(module).items():
        yield from texts(value, name)


def fields(text: str) -> set[tuple[str, str, str]]:
    """Each ``{placeholder}`` with its format spec and conversion."""
    return {
        (name, spec or "", conversion or "")
        for _, name, spec, conversion in string.Formatter().parse(text)
        if name is not None
    }


def sample(name: str, spec: str) -> object:
    """A realistic value for a placeholder (long enough to make limits meaningful)."""
    if spec.endswith("f"):
        return 12.5
    if name in {"bot"}:
        return "quotebot_documents_bot"
    if name in {"paragraphs"}:
        return "123 paragraphs"
    return 12 if name in {"count", "rank", "first", "last", "total", "length", "limit"} else "xxxx"


def filled(text: str) -> str:
    return text.format(**{name: sample(name, spec) for name, spec, _ in fields(text)})


def prose(text: str) -> str:
    """The words of ``text``: placeholders become X, tags and the program-name prefix go."""
    text = FIELD.sub("X", TAG.sub("", text))
    return re.sub(r"^quotebot: ", "", text)


def locale_texts(code: str) -> list[tuple[str, str]]:
    return list(all_texts(load(code)))


# ------------------------------------------------------------------ the same names, same shapes


@pytest.mark.parametrize("code", CODES)
def test_same_names(code: str) -> None:
    theirs, ours = set(public(load(code))), set(public(en))
    assert not ours - theirs, f"{code}.py lacks {sorted(ours - theirs)}"
    assert not theirs - ours, f"{code}.py has names en.py does not: {sorted(theirs - ours)}"


@pytest.mark.parametrize("code", CODES)
def test_same_kinds_and_signatures(code: str) -> None:
    theirs = public(load(code))
    for name, value in public(en).items():
        other: Any = theirs.get(name)
        assert type(other) is type(value), f"{code}.{name} is a {type(other).__name__}"
        if isinstance(value, tuple):
            # A language's own words for a thing ("suivant", "下一个") are as many as it has;
            # everything else is a translation, item for item.
            words = name.endswith("_WORDS")
            assert words or len(other) == len(value), f"{code}.{name} has {len(other)} items"
            for mine, its in zip(value, other, strict=not words):
                assert type(its) is type(mine), f"{code}.{name} holds a {type(its).__name__}"
                if isinstance(mine, tuple):
                    assert len(its) == len(mine), f"{code}.{name} holds {its!r}"
        if callable(value):
            assert str(inspect.signature(other)) == str(inspect.signature(value)), name


@pytest.mark.parametrize("code", CODES)
def test_same_placeholders_tags_commands_mentions_and_emoji(code: str) -> None:
    english = dict(all_texts(en))
    for name, text in locale_texts(code):
        if name.split("[")[0].endswith("_WORDS") and name not in english:
            continue  # a word English has no counterpart for ("下一条" beside "下一个")
        source = english[name]
        assert fields(text) == fields(source), f"{code}.{name}: placeholders differ"
        assert Counter(TAG.findall(text)) == Counter(TAG.findall(source)), f"{code}.{name}: tags"
        assert set(COMMAND.findall(text)) == set(COMMAND.findall(source)), f"{code}.{name}: /cmd"
        assert set(MENTION.findall(text)) == set(MENTION.findall(source)), f"{code}.{name}: @"
        symbols = Counter(c for c in text if unicodedata.category(c) == "So")
        assert symbols == Counter(c for c in source if unicodedata.category(c) == "So"), name
        if name not in SEPARATORS:
            assert text[:1].isspace() == source[:1].isspace(), f"{code}.{name}: leading space"
            assert text[-1:].isspace() == source[-1:].isspace(), f"{code}.{name}: trailing space"
        filled(text)  # formats without error


@pytest.mark.parametrize("code", CODES)
def test_the_commands_menus(code: str) -> None:
    module = load(code)
    for menu in ("COMMANDS", "GROUP_COMMANDS", "ADMIN_COMMANDS"):
        theirs, ours = getattr(module, menu), getattr(en, menu)
        assert [command for command, _ in theirs] == [command for command, _ in ours], menu
        for command, description in theirs:
            assert 1 <= len(description) <= COMMAND_DESCRIPTION, f"{code}.{menu}: /{command}"
            assert "\n" not in description


@pytest.mark.parametrize("code", CODES)
def test_telegram_limits(code: str) -> None:
    for name, text in locale_texts(code):
        shown = filled(text)
        assert len(shown) <= MESSAGE, f"{code}.{name}"
        if name.startswith(CALLBACK_ANSWERS):
            assert len(shown) <= CALLBACK_ANSWER, f"{code}.{name} is {len(shown)} characters"
        if name.startswith(BUTTONS):
            assert len(shown) <= BUTTON_TEXT, f"{code}.{name} is {len(shown)} characters"


@pytest.mark.parametrize("code", CODES)
def test_texts_that_name_a_button_name_it_as_the_button_does(code: str) -> None:
    module = load(code)
    assert f"<i>{module.BUTTON_FULL}</i>" in module.HELP
    assert f"<i>{module.BUTTON_MORE}</i>" in module.HELP
    assert module.BUTTON_MORE in module.FEEDBACK_THANKS_BAD


@pytest.mark.parametrize("code", CODES)
def test_the_language_names_itself(code: str) -> None:
    module = load(code)
    if code in OWN_NAMES:
        name = module.LANGUAGE_NAME
        assert name == OWN_NAMES[code], name
    assert module.LANGUAGE_NAME != en.LANGUAGE_NAME


@pytest.mark.parametrize("code", CODES)
def test_every_language_is_named_in_the_locale(code: str) -> None:
    names = load(code).LANGUAGE_NAMES
    assert names.keys() == en.LANGUAGE_NAMES.keys() >= set(ENDONYMS)
    assert names["en"] != en.LANGUAGE_NAMES["en"] and names[code] != en.LANGUAGE_NAMES[code]


# ------------------------------------------------------------------ counting


def counters(module: ModuleType) -> dict[str, Callable[[int], str]]:
    return {name: value for name, value in public(module).items() if callable(value)}


@pytest.mark.parametrize("code", CODES)
def test_counting_functions_work_for_any_count(code: str) -> None:
    for name, function in counters(load(code)).items():
        for count in COUNTS:
            said = function(count)
            assert isinstance(said, str), name
            assert str(count) in said, f"{code}.{name}({count}) = {said!r}"


RUSSIAN_FORMS = {
    "paragraphs": ("абзац", "абзаца", "абзацев"),
    "passages": ("фрагмент", "фрагмента", "фрагментов"),
    "documents": ("документ", "документа", "документов"),
}


def russian_form(count: int) -> int:
    if count % 10 == 1 and count % 100 != 11:
        return 0
    if 2 <= count % 10 <= 4 and not 12 <= count % 100 <= 14:
        return 1
    return 2


def test_russian_plurals() -> None:
    ru = load("ru")
    for name, forms in RUSSIAN_FORMS.items():
        for count in COUNTS:
            assert getattr(ru, name)(count) == f"{count} {forms[russian_form(count)]}"
    assert ru.paragraphs(1) == "1 абзац"
    assert ru.paragraphs(3) == "3 абзаца"
    assert ru.paragraphs(11) == "11 абзацев"
    assert ru.documents(21) == "21 документ"
    assert ru.passages(112) == "112 фрагментов"


def test_french_plurals_count_zero_and_one_as_one() -> None:
    fr = load("fr")
    assert fr.paragraphs(0) == "0 paragraphe"
    assert fr.paragraphs(1) == "1 paragraphe"
    assert fr.paragraphs(2) == "2 paragraphes"
    assert fr.documents(1) == "1 document"
    assert fr.passages(5) == "5 passages"


def test_spanish_plurals() -> None:
    es = load("es")
    assert es.paragraphs(1) == "1 párrafo"
    assert es.paragraphs(0) == "0 párrafos"
    assert es.documents(2) == "2 documentos"
    assert es.passages(1) == "1 fragmento"


def test_chinese_counts_have_no_plural() -> None:
    zh = load("zh")
    for name in RUSSIAN_FORMS:
        assert getattr(zh, name)(1).removeprefix("1") == getattr(zh, name)(7).removeprefix("7")


# ------------------------------------------------------------------ each language's typography


def test_russian_typography() -> None:
    for name, text in locale_texts("ru"):
        words = prose(text)
        outer = re.sub("„[^“]*“", "", words)  # „inner quotes“ close with “
        assert '"' not in words and "“" not in outer, f"ru.{name}: use «»"
        assert words.count("«") == words.count("»"), f"ru.{name}"
        assert " - " not in words, f"ru.{name}: a dash is —"


def test_french_typography() -> None:
    for name, text in locale_texts("fr"):
        words = prose(text)
        assert '"' not in words and "“" not in words, f"fr.{name}: use « »"
        for match in re.finditer(r"[:;?!»]", words):
            before = words[match.start() - 1] if match.start() else ""
            assert before in {"\u00a0", "\u202f"}, f"fr.{name}: no-break space before {match[0]}"
        for match in re.finditer("«", words):
            assert words[match.end() : match.end() + 1] == "\u00a0", f"fr.{name}: after «"
        assert "'" not in words, f"fr.{name}: the apostrophe is ’"


def test_spanish_typography() -> None:
    for name, text in locale_texts("es"):
        words = prose(text)
        assert words.count("¿") == words.count("?"), f"es.{name}: ¿…?"
        assert words.count("¡") == words.count("!"), f"es.{name}: ¡…!"
        assert '"' not in words and "“" not in words, f"es.{name}: use «»"
        assert words.count("«") == words.count("»"), f"es.{name}"


def test_chinese_typography() -> None:
    for name, text in locale_texts("zh"):
        words = prose(text)
        assert not re.search(f"[{CJK}][,.;:?!()]|[,;:?!()][{CJK}]", words), f"zh.{name}: ，。"
        assert not re.search(f"[{CJK}] +[{CJK}]", words), f"zh.{name}: space between 汉字"
        assert not re.search(f"[{FULL_WIDTH_PUNCTUATION}] +| +[{FULL_WIDTH_PUNCTUATION}]", words), (
            f"zh.{name}: space beside full-width punctuation"
        )
        assert '"' not in words, f"zh.{name}: use “”"


SHIPPED_CORPUS_WORDS = ("treaty", "договор", "traité", "tratado", "条约", "/start")


@pytest.mark.parametrize("code", CODES)
def test_what_to_ask_about_fits_any_corpus(code: str) -> None:
    # "for example a country, a treaty" fitted only the shipped corpus; "/start's examples"
    # are not shown in a group, where the same reply is given.
    module = available()[code]
    for text in (module.ONLY_COMMON_WORDS, module.EMPTY_QUESTION):
        assert not any(word in text for word in SHIPPED_CORPUS_WORDS), f"{code}: {text}"


@pytest.mark.parametrize("code", CODES)
def test_every_reason_is_said_in_every_language_with_its_placeholders(code: str) -> None:
    theirs = load(code).REASONS
    assert theirs.keys() == en.REASONS.keys()
    for template, said in theirs.items():
        assert fields(said) == fields(template), f"{code}: {template}"
        assert code == "en" or said != template or template == "{problem}", template


def _reasons_the_readers_give() -> list[str]:
    """Every skip reason the readers write as a literal, its f-string fields filled in."""
    found = []
    for path in sorted(Path("retrieval/ingest").rglob("*.py")):
        text = path.read_text(encoding="utf-8")
        for literal in re.findall(r'DocumentError\(\s*\w+,\s*f?"([^"]+)"\s*\)', text):
            found.append(re.sub(r"\{[^{}]+\}", "x", literal))
    # what a file renamed is said to be (readers.sniff's reasons, kept as names there)
    renamed = (sniff.OLD_WORD, sniff.OLD_SLIDES, sniff.WORKBOOK, sniff.IMAGE, sniff.ARCHIVE)
    said = [reason.format(kind="PNG", suffix=".docx") for reason in renamed]
    return [*found, *said, parts_reason(Path("page.html"))]


@pytest.mark.parametrize("code", CODES)
def test_every_reason_a_reader_gives_is_said_in_every_language(code: str) -> None:
    # Two new reasons ("an error page", "a redirect to …") reached Russian admins in English.
    reasons = _reasons_the_readers_give()
    assert len(reasons) > 20
    untranslated = [r for r in reasons if reason_text(r, load(code)) == r]
    assert untranslated == []


@pytest.mark.parametrize("code", ["en", *CODES])
def test_an_example_question_searches_its_topic_alone(code: str) -> None:
    # Tapped on /start, the example is asked as typed (as a question of its own): the words
    # around the topic must be words the search passes over, and ask no definition.
    analyzer = Analyzer()
    for topic in ("Zzyzx", "Pangloss", "Глава 2", "Chapter 2", "it"):
        question = available()[code].EXAMPLE_ABOUT.format(topic=topic)
        assert analyzer.terms(question, code) == analyzer.terms(topic, code), question
        assert not definitions.subject(question), question  # no definition asked
    assert not is_follow_up(available()[code].EXAMPLE_ABOUT.format(topic="Zzyzx"))
