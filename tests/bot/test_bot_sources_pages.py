"""/sources in pages through the real Application: a page of documents, then /more (typed, or
the button under the page) for the next, the skipped files counted and then listed by /more,
as the terminal chat pages its list (tryout20: 61 documents and 100 skipped files came as four
messages at once, and /more after them said "Ask me a question first")."""

from __future__ import annotations

import re
from pathlib import Path

from conftest import ADMIN_ID
from tgfakes import OTHER_USER_ID, Harness, html_problems, visible

from bot.locales import en as messages

QUESTION = "What do China and Russia say about missile defence?"


def _numbers(text: str) -> list[int]:
    return [int(n) for n in re.findall(r"^(\d+)\. ", visible(text), re.M)]


def _unread(text: str) -> list[str]:
    return re.findall(r"^• (\S+): unsupported type", visible(text), re.M)


async def _many(bot: Harness, corpus: Path) -> None:
    """56 documents more than the shipped 5, and 100 Go sources the reload skips."""
    for n in range(56):
        (corpus / f"note-{n:02}.txt").write_text(
            f"Field note {n}\n\nThe station logged {n} narwhals on the morning walk.\n", "utf-8"
        )
    (corpus / "code").mkdir()
    for n in range(100):
        (corpus / "code" / f"tool{n:03}.go").write_text(f"package main // {n}\n", "utf-8")
    await bot.say("/reload", user_id=ADMIN_ID)
    bot.request.clear()


async def test_sources_pages_documents_then_the_skipped_files(
    admin_bot: Harness, corpus_dir: Path
) -> None:
    await _many(admin_bot, corpus_dir)
    (first,) = await admin_bot.say("/sources")
    assert html_problems(first.text) == []
    assert _numbers(first.text) == list(range(1, 41))
    shown = visible(first.text)
    assert "Documents shown: 40 of 61." in shown
    assert "Files not read at the last reload: 100 (only admins see this)" in shown
    assert _unread(first.text) == []  # counted, not listed
    assert [b["text"] for b in first.buttons] == [messages.BUTTON_SOURCES_MORE]
    (second,) = await admin_bot.say("/more")
    assert _numbers(second.text) == list(range(41, 62))
    assert "Files not read at the last reload: 100" in visible(second.text)
    (third,) = await admin_bot.say("more")  # the word, as /more
    listed = _unread(third.text)
    assert visible(third.text).startswith("Not read at the last reload (only admins see this):")
    assert f"Files shown: {len(listed)} of 100." in visible(third.text)
    while third.buttons:  # the button goes on as /more does
        (third,) = await admin_bot.press(third, messages.BUTTON_SOURCES_MORE)
        listed += _unread(third.text)
    assert sorted(listed) == [f"code/tool{n:03}.go" for n in range(100)]
    assert all(len(call.text) <= 4096 for call in admin_bot.request.of("sendMessage"))
    # The list is done: /more is the last question's again, and a question ends the list too.
    (told,) = await admin_bot.say("/more")
    assert told.text == messages.NOTHING_TO_PAGE
    await admin_bot.say("/sources")
    await admin_bot.say(QUESTION)
    (page,) = await admin_bot.say("/more")
    assert visible(page.text).startswith(f"More results for “{QUESTION}”")


async def test_a_reader_who_is_not_an_admin_pages_the_documents_only(
    admin_bot: Harness, corpus_dir: Path
) -> None:
    await _many(admin_bot, corpus_dir)
    (first,) = await admin_bot.say("/sources", user_id=OTHER_USER_ID)
    assert _numbers(first.text) == list(range(1, 41))
    assert "not read" not in visible(first.text).lower()
    (last,) = await admin_bot.say("/more", user_id=OTHER_USER_ID)
    assert _numbers(last.text) == list(range(41, 62))
    assert last.buttons == [] and "not read" not in visible(last.text).lower()


async def test_each_page_of_skipped_files_says_which_group_they_are_in(
    admin_bot: Harness, corpus_dir: Path
) -> None:
    # review15-b: a page going on with the skipped files repeated only "Not read at the last
    # reload", not whether its files were kept at their last good version or not indexed, and
    # a group's heading could end a page with its files on the next.
    await _many(admin_bot, corpus_dir)
    for n in range(37):  # emptied: their last good version is kept
        (corpus_dir / f"note-{n:02}.txt").write_text("", "utf-8")
    await admin_bot.say("/reload", user_id=ADMIN_ID)
    (page,) = await admin_bot.say("/sources")
    pages = [page]
    while page.buttons:
        (page,) = await admin_bot.press(page, messages.BUTTON_SOURCES_MORE)
        pages.append(page)
    kept, skipped = messages.RELOAD_KEPT_HEADER, messages.RELOAD_SKIPPED_HEADER
    headings = {visible(kept), visible(skipped)}
    heads = []
    for page in pages[2:]:  # the skipped files', after two pages of documents
        lines = [line for line in visible(page.text).split("\n") if line]
        assert lines[0] == visible(messages.SOURCES_SKIPPED_HEADER)
        heads.append(lines[1])
        listed = [line for line in lines if line.startswith("• ") or line in headings]
        assert listed[-1] not in headings  # a heading goes with its files
    going_on = visible(messages.SOURCES_GROUP_CONTINUED.format(heading=skipped))
    assert heads[:2] == [visible(kept), visible(skipped)]
    assert heads[2:] == [going_on] * (len(pages) - 4) and len(pages) > 4
    assert all(html_problems(page.text) == [] for page in pages)
