"""A question whose words tell no language (Russian in Latin letters, a bare command name) or
one the bot has no strings for is answered in the conversation's language, not the system's
nor English (tryout26: "Kak najti fajl?" after Russian questions was told in English). The
Telegram bot answers in the user's language (/language, else their app's) whatever the words."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.locales import en, ru
from bot.terminal import Layout, TerminalChat
from retrieval.library import Library

FIXTURES = Path(__file__).parents[1] / "ingest" / "fixtures"


@pytest.fixture(scope="module")
def library(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Library]:
    # Real pages: OWASP's A01 (English) and the Russian Constitution's chapter 7.
    folder = tmp_path_factory.mktemp("corpus")
    shutil.copy(FIXTURES / "owasp-top10" / "A01_2021-Broken_Access_Control.md", folder)
    shutil.copy(FIXTURES / "konstitutsiya-rf-excerpt.txt", folder)
    opened = Library.open(tmp_path_factory.mktemp("db") / "corpus.db", folder)
    yield opened
    opened.close()


def english_terminal(library: Library) -> TerminalChat:
    return TerminalChat(library, layout=Layout(columns=300, ansi=False), language="en")


def test_a_transliterated_question_after_russian_ones_is_answered_in_russian(
    library: Library,
) -> None:
    chat = english_terminal(library)
    assert "Конституционный Суд" in (chat.handle("Что проверяет Конституционный Суд?") or "")
    said = chat.handle("Kak najti fajl?") or ""
    assert said == ru.CLI_NOTHING_FOUND.format(query="Kak najti fajl?")
    assert chat.handle("/help") == ru.CLI_CHAT_HELP  # the chat still speaks Russian
    # Words that tell their language are answered in it.
    said = chat.handle("How do I prevent broken access control?") or ""
    assert en.CLI_ALSO in said.split("\n") and ru.CLI_ALSO not in said.split("\n")


def test_a_question_in_a_language_the_corpus_lacks_is_told_in_the_chat_s(
    library: Library,
) -> None:
    chat = english_terminal(library)
    chat.handle("Что проверяет Конституционный Суд?")
    said = chat.handle("Wie verhindert man eine defekte Zugriffskontrolle?") or ""
    assert said.startswith(ru.WRONG_LANGUAGE.format(languages="английский и русский"))


def test_after_reset_the_chat_speaks_the_system_s_language_again(library: Library) -> None:
    # /reset forgot the conversation but not its language: a German question after Russian
    # ones and /reset was still told in Russian, in a terminal whose LANG is English.
    chat = english_terminal(library)
    chat.handle("Что проверяет Конституционный Суд?")
    assert chat.handle("/reset") == ru.CLI_RESET  # said in the language spoken until then
    said = chat.handle("Wie verhindert man eine defekte Zugriffskontrolle?") or ""
    assert said.startswith(en.WRONG_LANGUAGE.format(languages="English and Russian")), said
    assert chat.handle("/help") == en.CLI_CHAT_HELP


def test_after_reset_a_chosen_language_stays(library: Library) -> None:
    chat = english_terminal(library)
    chat.handle("/language ru")
    chat.handle("/reset")
    said = chat.handle("Wie verhindert man eine defekte Zugriffskontrolle?") or ""
    assert said.startswith(ru.WRONG_LANGUAGE.format(languages="английский и русский")), said
