"""The language a reply speaks when the question's has no strings (Japanese, Portuguese): the
reader's own (their /language, their Telegram app's, the terminal's LANG), never English by
default nor Chinese for kana; and a question refused for its language is no thread to follow."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from tgfakes import BOT_USERNAME, USER_ID, Harness, visible

from bot.locales import en, es, reply_language, zh
from bot.terminal import Layout, TerminalChat
from retrieval.library import Library

DOCS = {
    "es.md": (
        "# Formatos\n\n"
        "Los datos abiertos se publican en formatos como CSV, que cualquier programa puede "
        "leer.\n\n"
        "# Licencias\n\n"
        "Recomendamos usar la licencia Creative Commons Attribution 4.0 para publicar datos.\n"
    ),
    "ru.md": (
        "# Векторы\n\n"
        "Вектор хранит значения одного типа в памяти подряд.\n\n"
        "# Циклы\n\n"
        "Цикл for проходит по элементам вектора.\n"
    ),
}
TOLD = es.WRONG_LANGUAGE.format(languages="español y ruso")


@pytest.fixture(scope="module")
def library(write_library: Callable[[dict[str, str]], Library]) -> Library:
    return write_library(DOCS)


def spanish_terminal(library: Library) -> TerminalChat:
    return TerminalChat(library, layout=Layout(columns=300, ansi=False), language="es")


def test_a_question_in_a_language_without_strings_is_told_in_the_readers(
    library: Library,
) -> None:
    # tryout16: "データの形式は何ですか" in a LANG=es_AR terminal got "The documents are
    # written in Russian, Spanish and English: please ask in one of these."
    chat = spanish_terminal(library)
    assert chat.handle("データの形式は何ですか") == TOLD
    assert chat.handle("/help") == es.CLI_CHAT_HELP  # the chat still speaks Spanish


@pytest.mark.parametrize(
    ("read", "speaks", "text", "said"),
    [
        ("ja", "es", "データの形式は何ですか", "es"),
        ("pt", "ru", "o que é um dado aberto?", "ru"),
        ("zh", "es", "这是啥意思", "zh"),
        ("en", "es", "[Vue warn]: Extraneous non-props attributes were passed 这是啥意思", "zh"),
        ("en", "ru", "控制台报 Hydration completed but contains mismatches. 怎么办？", "zh"),
        ("en", "es", "what does 你好 mean?", "en"),  # Chinese quoted in an English question
        ("zh", "fr", "それは", "fr"),  # kana: Japanese, whatever its reading says
        ("en", "es", "what is CSV?", "en"),
        (None, "de", "?", "en"),  # a language the bot has no strings for: English
    ],
)
def test_the_reply_speaks_the_question_s_language_else_the_reader_s(
    read: str | None, speaks: str, text: str, said: str
) -> None:
    assert reply_language(read, speaks, text) == said


def test_a_refused_question_is_no_thread_in_the_terminal(library: Library) -> None:
    # tryout16: after it, "0" and "25" were "There is no result 0 for «データの…»", "2004"
    # was refused again and "404?" searched "(following: データの形式は何ですか / 2004)".
    chat = spanish_terminal(library)
    chat.handle("¿Qué licencia recomiendan?")
    assert chat.handle("データの形式は何ですか") == TOLD
    assert chat.handle("0") == es.NUMBER_BEFORE_QUESTION
    assert chat.handle("2") == es.NUMBER_BEFORE_QUESTION
    assert chat.handle("/more") == es.CLI_NO_MORE_QUESTION
    searched = chat.handle("¿y la licencia?") or ""
    assert "a continuación de" not in searched
    assert "Creative Commons" in searched
    assert "(a continuación de: ¿y la licencia?)" in (chat.handle("2004") or "")


async def test_the_bot_tells_a_japanese_question_in_the_user_s_spanish(bot: Harness) -> None:
    bot.updates.languages[USER_ID] = "es"
    told = es.WRONG_LANGUAGE_ONE.format(language="inglés")
    (reply,) = await bot.say("データの形式は何ですか")
    assert visible(reply.text) == told
    (reply,) = await bot.say_in_group(f"@{BOT_USERNAME} データの形式は何ですか")
    assert visible(reply.text) == told
    # Numbers open none of its results, /more pages none, nothing follows up on it.
    (reply,) = await bot.say("0")
    assert reply.text == es.NUMBER_BEFORE_QUESTION
    (reply,) = await bot.say("25")
    assert reply.text == es.NUMBER_BEFORE_QUESTION
    (reply,) = await bot.say("/more")
    assert reply.text == es.NOTHING_TO_PAGE
    (reply,) = await bot.say("2004?")
    assert "データ" not in visible(reply.text)


VUE = {
    "zh.md": "# 透传 Attributes\n\n"
    "“透传 attribute”指的是传递给一个组件，却没有被该组件声明为 props 或 emits 的 attribute "
    "或者 v-on 事件监听器。最常见的例子就是 class、style 和 id。\n\n"
    "当一个组件以单个元素为根作渲染时，透传的 attribute 会自动被添加到根元素上。\n",
    "en.md": "# Warnings\n\n"
    "The warning Extraneous non-props attributes were passed to component but could not be "
    "automatically inherited appears when a component renders fragments.\n",
}


def test_chinese_words_around_a_pasted_english_warning_make_the_reply_chinese(
    write_library: Callable[[dict[str, str]], Library],
) -> None:
    # tryout15 #14: its "Also relevant:" came in English, as if asked in English.
    chat = TerminalChat(write_library(VUE), layout=Layout(columns=300, ansi=False))
    out = chat.handle(
        "[Vue warn]: Extraneous non-props attributes (class) were passed to component but "
        "could not be automatically inherited because component renders fragment or text "
        "root nodes. 这是啥意思"
    )
    assert zh.CLI_ALSO in (out or "")
    assert en.CLI_ALSO not in (out or "")
    assert chat.handle("/help") == zh.CLI_CHAT_HELP
