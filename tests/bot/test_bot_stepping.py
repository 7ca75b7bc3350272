"""Stepping through a document as the user meets it: a reply in a group, the terminal chat.

"et le suivant ?" under the answer to "Que dit l'article 96 ?" asks article 97, and "et le
suivant ?" under that answer article 98: the thread remembers the step as the question it
stands for. A paging word alone pages; said as a step ("and the next one?", "下一条呢？",
"а дальше?") it steps.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable

import pytest
from tgfakes import Harness, RecordingRequest, running_bot, visible

from bot.locales import en
from bot.settings import Settings
from bot.terminal import Layout, TerminalChat
from retrieval.library import Library
from tests.charters import CHARTER_FR, CHARTER_ZH

# An English charter in the same layout (tests/charters.py), ending at Article 99.
CHARTER_EN = """WE THE PEOPLES OF THE UNITED NATIONS

Article 97

The Secretariat shall comprise a Secretary-General and such staff as the Organization may
require. The Secretary-General shall be appointed by the General Assembly upon the
recommendation of the Security Council.

Article 98

The Secretary-General shall act in that capacity in all meetings of the General Assembly.

Article 99

The Secretary-General may bring to the attention of the Security Council any matter which in
his opinion may threaten international peace.
"""

# Articles inside chapters: an article's own heading is its section, its chapter a heading above.
STATUTE = """# Statute of the Harbour Board

## Chapter I: The Board

### Article 1

The Board consists of five wardens elected by the pilots of the port.

### Article 2

The clerk of the Board keeps the ledger of lamps and buoys.

## Chapter II: The Keepers

### Article 3

Each lighthouse keeper reports to the wardens once a month.

### Article 4

A keeper who leaves his post without leave forfeits a month's wages.
"""


@pytest.fixture(scope="module")
def library(write_library: Callable[[dict[str, str]], Library]) -> Library:
    return write_library(
        {
            "charter_fr.txt": CHARTER_FR,
            "charter_zh.txt": CHARTER_ZH,
            "charter_en.txt": CHARTER_EN,
            "statute.md": STATUTE,
        }
    )


@pytest.fixture
async def charter_bot(
    settings: Settings, request_layer: RecordingRequest, library: Library
) -> AsyncIterator[Harness]:
    async with running_bot(settings, request_layer, library) as harness:
        request_layer.clear()
        yield harness


async def test_a_reply_next_under_a_step_goes_on_from_the_article_it_quoted(
    charter_bot: Harness,
) -> None:
    (first,) = await charter_bot.say_in_group("/ask Que dit l'article 96 ?")
    assert "avis consultatif" in visible(first.text)
    (second,) = await charter_bot.say_in_group("et l'article suivant ?", reply_to=first.result)
    assert "Le Secrétariat comprend" in visible(second.text)
    # The reply under the answer on article 97 quoted article 97 again: the thread began anew
    # from "Que dit l'article 96 ?" and the step as typed.
    (third,) = await charter_bot.say_in_group("et le suivant ?", reply_to=second.result)
    assert "toutes les réunions" in visible(third.text)
    (fourth,) = await charter_bot.say_in_group("et le suivant ?", reply_to=third.result)
    assert "attirer l'attention" in visible(fourth.text)


async def test_a_step_in_a_private_chat_is_a_step_not_the_next_page(charter_bot: Harness) -> None:
    # "下一条呢？" said there were no more results: it was taken for "next page".
    await charter_bot.say("第五条讲什么？")
    (reply,) = await charter_bot.say("下一条呢？")
    assert "除名" in visible(reply.text)


def chat(library: Library) -> TerminalChat:
    return TerminalChat(library, layout=Layout(columns=300, ansi=False))


@pytest.mark.parametrize(
    ("asked", "step", "quoted"),
    [
        ("第五条讲什么？", "下一条呢？", "除名"),
        ("第五条讲什么？", "下一条讲的是什么？", "除名"),
        ("Who appoints the Secretary-General?", "and the next one?", "all meetings"),
        ("Who appoints the Secretary-General?", "show me the next article", "all meetings"),
        ("Que dit l'article 97 ?", "et le suivant ?", "toutes les réunions"),
        # The chapter of the article quoted is a heading above it: the next is Chapter II
        ("Who keeps the ledger of lamps and buoys?", "and the next chapter?", "reports to"),
    ],
)
def test_a_step_in_the_terminal_is_a_step_not_the_next_page(
    library: Library, asked: str, step: str, quoted: str
) -> None:
    # "下一条呢？" said "no more results" (paging), "and the next one?" showed result 4.
    terminal = chat(library)
    terminal.handle(asked)
    said = (terminal.handle(step) or "").splitlines()
    assert quoted in said[1], said  # the first quote, under the line saying what was searched


def test_a_step_that_lands_on_the_article_asked_is_answered_and_past_the_end_declined(
    library: Library,
) -> None:
    asked = "Who appoints the Secretary-General?"
    landed = library.answer("and the next article?", context=asked)
    assert "all meetings" in landed.hits[0].passage.text
    assert landed.outcome == "answered"  # it was hedged: "next" and "article" are not in it
    last = "What does article 99 say?"
    assert library.answer("and the next article?", context=last).outcome == "declined"


def test_the_terminal_says_the_question_a_step_searched(library: Library) -> None:
    terminal = chat(library)
    terminal.handle("第五条讲什么？")
    said = (terminal.handle("下一条呢？") or "").splitlines()
    assert said[0].startswith("（搜索词：第六条讲什么？"), said  # not "下一条呢？" as typed


@pytest.mark.parametrize("paging", ["next", "дальше", "下一条", "下一个", "suivant"])
def test_a_paging_word_alone_still_pages_after_an_answer(library: Library, paging: str) -> None:
    terminal = chat(library)
    first = terminal.handle("Who appoints the Secretary-General?") or ""
    assert "/more" in first.splitlines()[-1]
    said = terminal.handle(paging) or ""
    assert said.lstrip().startswith("4."), said  # the results after the three shown


@pytest.mark.parametrize("step", ["and the next one?", "the next one", "and the next article?"])
def test_a_step_with_no_question_before_it_asks_for_one(library: Library, step: str) -> None:
    # review18: first, or after /reset, "and the next one?" was searched as words and quoted
    # an article as its answer.
    terminal = chat(library)
    assert (terminal.handle(step) or "").startswith(en.CLI_NOTHING_NAMED)
    terminal.handle("Who appoints the Secretary-General?")
    terminal.handle("/reset")
    assert (terminal.handle(step) or "").startswith(en.CLI_NOTHING_NAMED)
