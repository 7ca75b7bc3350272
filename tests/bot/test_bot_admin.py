"""Admins: who may, /reload and its report, uploads, /remove, through the real Application.

The library is the real one, on a copy of the shipped corpus the test may change. A reload that
must stay in progress for a while uses :class:`conftest.GatedLibrary`, whose index build waits
for the test: nothing here sleeps for a fixed time or asserts on timing.
"""

from __future__ import annotations

import io
import logging
import os
import re
import shutil
import zipfile
from dataclasses import replace
from pathlib import Path

import docx
import pytest
from conftest import ADMIN_ID, GatedLibrary
from tgfakes import (
    BOT_USERNAME,
    GROUP_ID,
    OTHER_USER_ID,
    Call,
    Harness,
    RecordingRequest,
    html_problems,
    running_bot,
    visible,
)

from bot import locales
from bot.corpus import accepted_kinds
from bot.handlers import admin
from bot.locales import en as messages
from bot.services import services_of
from bot.settings import Settings
from retrieval.library import Library

QUESTION = "What do China and Russia say about missile defence?"
NEW_DOC = (
    "Polar Research Cooperation Notes\n\n"
    "The Arctic station at Ny-Alesund hosts scientists from many countries. Chinese researchers "
    "have studied narwhal migration and the thickness of sea ice there since 2004.\n\n"
    "Glacier monitoring is shared with Norwegian partners, who keep the records of every season "
    "and publish them for all the stations on the archipelago.\n"
)
NEW_QUESTION = "Where do researchers study narwhal migration?"
DOC_001 = "001_301a7359be718b07.txt"  # China's Policies on Asia-Pacific Security Cooperation
DOC_002 = "002_a3dcc854a06e902a.txt"  # the China–Russia Joint Statement
FIXTURES = Path(__file__).resolve().parents[1] / "ingest" / "fixtures"  # a Word file


def library(bot: Harness) -> Library:
    return services_of(bot.app.bot_data).library


def texts(bot: Harness, sent: list[Call]) -> list[str]:
    """What the messages sent read now (a progress message reads as its report), as seen."""
    return [visible(bot.request.final_text(call)) for call in sent]


def titles(bot: Harness) -> list[str]:
    return [document.title for document in library(bot).documents()]


async def upload(
    bot: Harness, file_name: str | None, data: bytes, *, user_id: int = ADMIN_ID, **kwargs: object
) -> list[Call]:
    """Send ``data`` to the bot as a file named ``file_name``; what the bot sent back."""
    file_id = f"file{len(bot.request.files)}"
    bot.request.files[file_id] = data
    update = bot.updates.document(file_name, file_id=file_id, user_id=user_id, **kwargs)  # type: ignore[arg-type]
    return await bot.send(update)


def report_counts(text: str) -> tuple[int, ...]:
    """(added, changed, removed, unchanged, paragraphs before, after) read off a report."""
    found = re.search(
        r"Documents: (\d+) added, (\d+) changed, (\d+) removed, (\d+) unchanged\.\n"
        r"Paragraphs: (\d+) before, (\d+) after\.",
        text,
    )
    assert found is not None, f"not a reload report: {text!r}"
    return tuple(int(n) for n in found.groups())


def paragraphs(bot: Harness) -> int:
    """The documents' paragraphs, as /sources counts each one's."""
    return sum(document.paragraphs for document in library(bot).documents())


# Who may --------------------------------------------------------------------------------------


async def test_admin_commands_are_in_the_menu_of_admins_only(
    settings: Settings, caplog: pytest.LogCaptureFixture
) -> None:
    settings = replace(settings, admin_user_ids=frozenset({ADMIN_ID, 31337}))
    request = RecordingRequest()
    # 31337 never started the bot: Telegram knows no chat with them.
    request.fail_next(
        "setMyCommands",
        400,
        when=lambda params: params.get("scope", {}).get("chat_id") == 31337,
        description="Bad Request: chat not found",
    )
    with caplog.at_level(logging.WARNING):
        async with running_bot(settings, request) as bot:
            (reply,) = await bot.say(QUESTION)  # started all the same
    menus = request.of("setMyCommands")
    private = [call for call in menus if "scope" not in call.params]
    (default,) = [call for call in private if "language_code" not in call.params]
    everyone = [c["command"] for c in default.params["commands"]]
    # One menu per language the bot speaks, each with the same commands.
    languages = sorted(call.params["language_code"] for call in private if call is not default)
    assert languages == sorted(code for code in locales.available() if code != "en")
    for call in private:
        assert [c["command"] for c in call.params["commands"]] == everyone
    assert "reload" not in everyone and "stats" not in everyone
    scoped = [call for call in menus if call.params.get("scope", {}).get("type") == "chat"]
    # 31337's chat is unknown: tried once, not once per language.
    assert [call.params["scope"]["chat_id"] for call in scoped] == [ADMIN_ID] * 5 + [31337]
    assert [c["command"] for c in scoped[0].params["commands"]] == [
        *everyone,
        "reload",
        "remove",
        "stats",
    ]
    # An admin's own menu wins over every language's menu for all: it comes in each language,
    # or an admin whose Telegram app is in Russian saw every command described in English.
    by_language = {call.params.get("language_code"): call for call in scoped[:5]}
    ru = locales.strings("ru")
    assert [(c["command"], c["description"]) for c in by_language["ru"].params["commands"]] == [
        *ru.COMMANDS,
        *ru.ADMIN_COMMANDS,
    ]
    assert sorted(by_language, key=str) == sorted([None, *languages], key=str)
    logged = [r.getMessage().lower() for r in caplog.records if r.name == "bot.app"]
    assert any("31337" in line and "chat not found" in line for line in logged)
    assert reply.text.startswith("<blockquote>")


async def test_someone_not_an_admin_is_refused_every_admin_command_and_it_is_logged(
    admin_bot: Harness, corpus_dir: Path, caplog: pytest.LogCaptureFixture
) -> None:
    before = sorted(p.name for p in corpus_dir.iterdir())
    report = library(admin_bot).last_report
    # An admin's pending removal, whose Yes button someone else presses.
    (question,) = await admin_bot.say(f"/remove {DOC_001}")
    with caplog.at_level(logging.WARNING):
        replies = [
            await admin_bot.say(command, user_id=OTHER_USER_ID)
            for command in ("/reload", f"/remove {DOC_002}", "/stats")
        ]
        replies.append(await upload(admin_bot, "mine.txt", NEW_DOC.encode(), user_id=OTHER_USER_ID))
        await admin_bot.press(question, messages.BUTTON_REMOVE, user_id=OTHER_USER_ID)
    assert [[call.text for call in sent] for sent in replies] == [
        [messages.ADMIN_ONLY.format(command="reload")],
        [messages.ADMIN_ONLY.format(command="remove")],
        [messages.ADMIN_ONLY.format(command="stats")],
        [messages.ADMIN_ONLY_UPLOAD],
    ]
    assert admin_bot.request.of("answerCallbackQuery")[-1].params["text"] == (
        messages.ADMIN_ONLY_BUTTON
    )
    attempts = [r.getMessage() for r in caplog.records if r.name == "bot.handlers.admin"]
    assert len(attempts) == 5
    assert all(str(OTHER_USER_ID) in attempt and "not an admin" in attempt for attempt in attempts)
    # Nothing happened: no reload, no download, no file written or removed.
    assert library(admin_bot).last_report is report
    assert admin_bot.request.of("getFile") == [] and admin_bot.request.downloads == []
    assert sorted(p.name for p in corpus_dir.iterdir()) == before
    # The admin's own question still stands.
    (progress,) = await admin_bot.press(question, messages.BUTTON_REMOVE)
    assert not (corpus_dir / DOC_001).exists()
    assert report_counts(visible(admin_bot.request.final_text(progress)))[2] == 1


async def test_admins_see_admin_help_and_file_names_others_do_not(admin_bot: Harness) -> None:
    (help_admin,) = await admin_bot.say("/help")
    (help_other,) = await admin_bot.say("/help", user_id=OTHER_USER_ID)
    (sources_admin,) = await admin_bot.say("/sources")
    (sources_other,) = await admin_bot.say("/sources", user_id=OTHER_USER_ID)
    assert (
        messages.ADMIN_HELP.format(kinds=accepted_kinds()) in help_admin.text
        and "admin" not in help_other.text
    )
    assert f"<code>{DOC_001}</code>" in sources_admin.text and DOC_001 not in sources_other.text


# Reload ---------------------------------------------------------------------------------------


async def test_reload_reports_added_changed_removed_and_every_skipped_file(
    admin_bot: Harness, corpus_dir: Path
) -> None:
    before = paragraphs(admin_bot)
    (corpus_dir / "polar.txt").write_text(NEW_DOC, encoding="utf-8")
    changed = corpus_dir / DOC_001
    changed.write_text(
        changed.read_text(encoding="utf-8") + "\n\nA paragraph added at the end.\n", "utf-8"
    )
    (corpus_dir / DOC_002).unlink()
    (corpus_dir / "binary.txt").write_bytes(b"\x00\x01\x02PK\x03\x04" * 200)
    (corpus_dir / "latin.txt").write_bytes(b"caf\x81\x8d\x8f\x90\x9d " * 100)
    (corpus_dir / "empty.md").write_bytes(b"  \n\n ")
    with open(corpus_dir / "huge.txt", "wb") as huge:
        huge.truncate(21 * 1024 * 1024)

    (progress,) = await admin_bot.say("/reload")

    assert progress.text == messages.RELOADING  # first "Reloading…", then edited into the report
    final = admin_bot.request.final_text(progress)
    assert html_problems(final) == []
    report = visible(final)
    after = paragraphs(admin_bot)
    assert report_counts(report) == (1, 1, 1, 3, before, after)
    assert after != before
    assert "Added: polar.txt" in report
    assert f"Changed: {DOC_001}" in report and f"Removed: {DOC_002}" in report
    skipped = dict(re.findall(r"^• (\S+): (.*)$", report, re.M))
    assert skipped.keys() == {"binary.txt", "latin.txt", "empty.md", "huge.txt"}
    assert skipped["binary.txt"] == "binary, not text"
    assert skipped["latin.txt"].startswith("not decodable")
    assert skipped["empty.md"] == "empty"
    assert skipped["huge.txt"].startswith("too large")
    # The new documents serve at once.
    (answer,) = await admin_bot.say(NEW_QUESTION)
    assert "narwhal" in visible(answer.text) and "Polar Research" in visible(answer.text)
    (sources,) = await admin_bot.say("/sources")  # few: on one page
    listed, unread = visible(sources.text).split("\n\n", 1)
    assert "Polar Research Cooperation Notes" in listed
    assert "China–Russia Joint Statement" not in listed
    # An admin's /sources ends with the files the reload did not read, and why.
    assert unread.startswith("Not read at the last reload (only admins see this):")
    assert "• binary.txt: binary, not text" in unread


async def test_reload_says_a_renamed_file_was_renamed(admin_bot: Harness, corpus_dir: Path) -> None:
    # "mv lpq.md lpq-printer-queue.md" was reported as "Added: …" and "Removed: …".
    (corpus_dir / DOC_002).rename(corpus_dir / "joint-statement.txt")
    (progress,) = await admin_bot.say("/reload")
    final = admin_bot.request.final_text(progress)
    assert html_problems(final) == []
    report = visible(final)
    assert f"Renamed: {DOC_002} → joint-statement.txt" in report
    assert "Added:" not in report and "Removed:" not in report
    assert "Documents: 0 added, 0 changed, 1 renamed, 0 removed, 4 unchanged." in report


async def test_a_file_name_that_is_not_utf8_is_named_as_skipped_and_the_rest_reloads(
    admin_bot: Harness, corpus_dir: Path
) -> None:
    # Every reload failed on it ("unexpected error"), and so did every upload after it.
    (corpus_dir / "polar.txt").write_text(NEW_DOC, encoding="utf-8")
    bad = os.fsencode(corpus_dir) + b"/bad\xffname.txt"
    with open(bad, "wb") as handle:
        handle.write(b"Some text here for a paragraph.\n")

    (progress,) = await admin_bot.say("/reload")

    report = visible(admin_bot.request.final_text(progress))
    assert report_counts(report)[:4] == (1, 0, 0, 5)
    assert "• bad\ufffdname.txt: file name is not valid UTF-8 — rename it" in report
    (answer,) = await admin_bot.say(NEW_QUESTION)
    assert "narwhal" in visible(answer.text)
    (listed,) = await admin_bot.say("/remove")
    assert "polar.txt" in visible(listed.text) and "bad" not in visible(listed.text)


async def test_files_skipped_as_before_are_counted_not_listed_again(
    admin_bot: Harness, corpus_dir: Path
) -> None:
    # The same "Skipped" lines came in full after every upload and /reload.
    for n in range(3):
        (corpus_dir / f"empty{n}.md").write_bytes(b"  \n\n ")
    (first,) = await admin_bot.say("/reload")
    assert "• empty2.md: empty" in visible(admin_bot.request.final_text(first))
    (corpus_dir / "binary.txt").write_bytes(b"\x00\x01\x02PK\x03\x04" * 200)
    (progress,) = await upload(admin_bot, "polar.txt", NEW_DOC.encode("utf-8"))
    report = visible(admin_bot.request.final_text(progress))
    assert "Added: polar.txt" in report
    assert "Skipped (not indexed):\n• binary.txt: binary, not text" in report  # new: in full
    assert "empty0.md" not in report
    assert report.endswith("Still skipped as at the last reload: 3 (/sources lists them).")
    (unread,) = await admin_bot.say("/sources")  # where they all are (few: on its one page)
    assert all(f"• empty{n}.md: empty" in visible(unread.text) for n in range(3))
    (ask,) = await admin_bot.say("/remove empty1.md")  # was "(not indexed yet)"
    assert visible(ask.text) == "Remove empty1.md (not indexed: empty) from the documents?"


async def test_files_skipped_before_are_still_counted_after_their_folder_is_renamed(
    admin_bot: Harness, corpus_dir: Path
) -> None:
    # tryout19: renaming a folder listed its 15 front-matter-only "_index.md" files, skipped at
    # every reload, one by one again as "Skipped (not indexed)".
    for part in ("nodes", "pods", "volumes"):
        folder = corpus_dir / "es" / part
        folder.mkdir(parents=True)
        (folder / "_index.md").write_text("---\ntitle: Nodes\n---\n", "utf-8")
        (folder / "guide.md").write_text(f"# {part}\n\nThe {part} guide in brief.\n", "utf-8")
    (first,) = await admin_bot.say("/reload")
    assert "es/nodes/_index.md" in visible(admin_bot.request.final_text(first))
    (corpus_dir / "es").rename(corpus_dir / "espanol")
    (progress,) = await admin_bot.say("/reload")
    report = visible(admin_bot.request.final_text(progress))
    assert "Renamed" in report
    assert "_index.md" not in report and "Skipped" not in report, report
    assert report.endswith("Still skipped as at the last reload: 3 (/sources lists them).")
    (corpus_dir / "espanol" / "pods" / "_index.md").write_bytes(
        b"  \n\n "
    )  # now for another reason
    (progress,) = await admin_bot.say("/reload")
    report = visible(admin_bot.request.final_text(progress))
    assert "espanol/pods/_index.md: empty" in report


async def test_a_reload_counts_a_folder_of_many_files_and_many_images_skipped(
    admin_bot: Harness, corpus_dir: Path
) -> None:
    # Deleting one folder listed 468 "Removed" names; 774 images each "needs OCR" a line.
    for n in range(30):
        page = corpus_dir / "reference" / "7.7" / f"cmdlet-{n:02}.md"
        page.parent.mkdir(parents=True, exist_ok=True)
        page.write_text(f"# Cmdlet {n}\n\nCmdlet {n} moves the polar item {n}.\n", "utf-8")
        (corpus_dir / "media" / f"shot-{n:02}.png").parent.mkdir(exist_ok=True)
        (corpus_dir / "media" / f"shot-{n:02}.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64))
    (progress,) = await admin_bot.say("/reload")
    report = visible(admin_bot.request.final_text(progress))
    assert "Added: reference/7.7/ (30)" in report and "cmdlet-" not in report
    assert "• media/shot-00.png and 29 more: unsupported type (.png" in report
    assert "shot-01" not in report
    shutil.rmtree(corpus_dir / "reference" / "7.7")
    (progress,) = await admin_bot.say("/reload")
    report = visible(admin_bot.request.final_text(progress))
    assert "Removed: reference/7.7/ (30)" in report and "cmdlet-" not in report
    assert "Still skipped as at the last reload: 30 (/sources lists them)." in report
    # Every name, where they all are: counted under the documents, listed by /more after them.
    (sources,) = await admin_bot.say("/sources")
    assert "Files not read at the last reload: 30 (only admins see this)" in visible(sources.text)
    assert "shot-00" not in sources.text
    (unread,) = await admin_bot.say("/more")
    assert visible(unread.text).startswith("Not read at the last reload (only admins see this):")
    assert all(f"• media/shot-{n:02}.png: unsupported" in visible(unread.text) for n in range(30))
    assert unread.buttons == []  # the end of the list


async def test_a_reload_with_nothing_to_do_says_so_in_numbers(admin_bot: Harness) -> None:
    count = paragraphs(admin_bot)
    (progress,) = await admin_bot.say("/reload")
    report = visible(admin_bot.request.final_text(progress))
    assert report_counts(report) == (0, 0, 0, 5, count, count)
    assert "Skipped" not in report and "Added" not in report


async def test_a_failed_reload_says_what_failed_and_the_old_corpus_keeps_serving(
    admin_bot: Harness, corpus_dir: Path
) -> None:
    (before,) = await admin_bot.say(QUESTION)
    documents = titles(admin_bot)
    shutil.rmtree(corpus_dir)

    (progress,) = await admin_bot.say("/reload")

    said = visible(admin_bot.request.final_text(progress))
    assert said.startswith("❌ The reload failed: ") and "does not exist" in said
    assert "still served as they were" in said
    (after,) = await admin_bot.say(QUESTION)
    assert after.text == before.text
    assert titles(admin_bot) == documents


@pytest.mark.parametrize(
    ("manifest", "to_fix"),
    [
        (
            '["001_301a7359be718b07.txt"]\ntitle = "Asia-Pacific"\ndate = "last spring"\n\n'
            '["report.pdf"]\ntitle = "A report"\n',
            [
                "• line 3: date 'last spring' is not a date (use 2024-05-01, or 2024-05, or 2024)",
                "• line 5: 'report.pdf' is listed but no such file",
            ],
        ),
        (
            '["001_301a7359be718b07.txt"\ntitle = "unclosed',
            [
                "• line 1: not valid TOML (expected ']' at the end of a table declaration); until "
                "it is fixed, the documents keep the titles, dates and sources they had"
            ],
        ),
    ],
    ids=["mistakes", "not TOML"],
)
async def test_a_reload_says_what_to_fix_in_the_manifest_and_reads_the_files(
    admin_bot: Harness, corpus_dir: Path, manifest: str, to_fix: list[str]
) -> None:
    (corpus_dir / "polar.txt").write_text(NEW_DOC, encoding="utf-8")
    (corpus_dir / "manifest.toml").write_text(manifest, encoding="utf-8")

    (progress,) = await admin_bot.say("/reload")

    final = admin_bot.request.final_text(progress)
    assert html_problems(final) == []
    report = visible(final)
    assert "Added: polar.txt" in report and "Skipped" not in report
    assert report.endswith("\n".join(["⚠️ To fix in manifest.toml:", *to_fix]))
    (answer,) = await admin_bot.say(NEW_QUESTION)
    assert "narwhal" in visible(answer.text)
    admin_bot.updates.languages[ADMIN_ID] = "ru"
    (ru,) = await admin_bot.say("/reload")
    # In Russian too, each problem in Russian (what TOML's parser says aside).
    said = visible(admin_bot.request.final_text(ru))
    assert "⚠️ Исправьте в manifest.toml:\n• строка " in said
    assert "is not a date" not in said and "until it is fixed" not in said


async def test_two_reloads_at_the_same_time_become_one(
    admin_settings: Settings, gated_library: GatedLibrary, corpus_dir: Path
) -> None:
    request = RecordingRequest()
    (corpus_dir / "polar.txt").write_text(NEW_DOC, encoding="utf-8")
    async with running_bot(admin_settings, request, gated_library) as bot:
        await bot.app.process_update(bot.updates.text("/reload"))
        await bot.wait_until(gated_library.building.is_set, "the reload to start")
        await bot.app.process_update(bot.updates.text("/reload"))
        await bot.wait_until(lambda: len(request.sent) == 2, "the second progress message")
        gated_library.gate.set()
        await bot.settle()
    first, second = request.sent
    assert (first.text, second.text) == (messages.RELOADING, messages.RELOADING_JOINED)
    assert gated_library.reindexes == 1
    reports = [visible(request.final_text(call)) for call in (first, second)]
    assert reports[0] == reports[1]
    assert report_counts(reports[0])[0] == 1  # polar.txt added


async def test_questions_are_answered_from_the_old_index_while_a_reload_runs(
    admin_settings: Settings, gated_library: GatedLibrary, corpus_dir: Path
) -> None:
    expected = gated_library.answer(QUESTION).hits[0].passage
    (corpus_dir / "polar.txt").write_text(NEW_DOC, encoding="utf-8")
    request = RecordingRequest()
    # Updates one after another, as from Telegram: a reload that held up the queue would keep
    # the question below from being answered until the gate opens, which it never would.
    async with running_bot(admin_settings, request, gated_library) as bot:
        await bot.deliver(bot.updates.text("/reload"))
        await bot.wait_until(gated_library.building.is_set, "the reload to be under way")
        await bot.deliver(bot.updates.text(QUESTION, user_id=OTHER_USER_ID))
        await bot.wait_until(lambda: len(request.sent) == 2, "the answer during the reload")
        answer = request.sent[1]
        still_running = visible(request.final_text(request.sent[0]))
        gated_library.gate.set()
        await bot.wait_until(lambda: bool(request.edits_of(request.sent[0])), "the report")
    assert answer.params["chat_id"] == OTHER_USER_ID
    assert expected.title in visible(answer.text) and f"¶ {expected.paragraph}" in answer.text
    assert still_running.startswith("⏳ Reloading")
    assert report_counts(visible(request.final_text(request.sent[0])))[0] == 1


async def test_a_long_reload_edits_its_progress_message_until_the_report(
    admin_settings: Settings,
    gated_library: GatedLibrary,
    corpus_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(admin, "PROGRESS_SECONDS", 0.01)
    (corpus_dir / "polar.txt").write_text(NEW_DOC, encoding="utf-8")
    request = RecordingRequest()
    async with running_bot(admin_settings, request, gated_library) as bot:
        await bot.app.process_update(bot.updates.text("/reload"))
        await bot.wait_until(lambda: bool(request.of("editMessageText")), "a progress edit")
        gated_library.gate.set()
        await bot.settle()
    (progress,) = request.sent
    *updates, final = [visible(edit.text) for edit in request.edits_of(progress)]
    assert updates and all(
        re.match(r"⏳ Reloading the documents… \d+ s so far", u) for u in updates
    )
    assert final.startswith("✅ Reloaded in ")
    assert len(set(updates)) == len(updates)  # never the same text twice (Telegram refuses it)


async def test_old_buttons_work_after_a_reload_where_their_passages_remain(
    admin_bot: Harness, corpus_dir: Path
) -> None:
    (gone_answer,) = await admin_bot.say(QUESTION)
    top = library(admin_bot).answer(QUESTION).hits[0].passage
    kept_question = "How many peacekeepers has China sent to UN missions?"
    (kept_answer,) = await admin_bot.say(kept_question)
    kept = library(admin_bot).answer(kept_question).hits[0].passage
    assert kept.doc != top.doc, "needs an answer from another document"

    (ask,) = await admin_bot.say(f"/remove {top.doc}")
    await admin_bot.press(ask, messages.BUTTON_REMOVE)

    (full_gone,) = await admin_bot.press(gone_answer, "Full passage")
    (more,) = await admin_bot.press(gone_answer, "More results")
    (full_kept,) = await admin_bot.press(kept_answer, "Full passage")
    assert full_gone.text == messages.PASSAGE_GONE
    assert messages.CORPUS_CHANGED in more.text and top.title not in visible(more.text)
    assert " ".join(kept.text.split()) in " ".join(visible(full_kept.text).split())


WOMBATS = "\n\n".join(
    f"Wombat burrow number {n} is dug by a bare-nosed wombat in the {place}."
    for n, place in enumerate(["hills", "forest", "valley", "plains", "scrub", "park"], 1)
)


async def test_more_results_of_a_removed_document_say_the_documents_changed(
    admin_bot: Harness, corpus_dir: Path
) -> None:
    # bottry31: the next page of an answer whose document was removed since said "That was
    # everything: there are no more results", as if the search had never found more.
    (corpus_dir / "wombats.txt").write_text(WOMBATS, encoding="utf-8")
    await admin_bot.say("/reload")
    (answer,) = await admin_bot.say("Where do wombats dig their burrows?")
    assert answer.button("More results")
    (ask,) = await admin_bot.say("/remove wombats.txt")
    await admin_bot.press(ask, messages.BUTTON_REMOVE)

    (pressed,) = await admin_bot.press(answer, "More results")
    (typed,) = await admin_bot.say("more")
    told = messages.NO_MORE_SINCE_RELOAD.format(
        question="\u2068Where do wombats dig their burrows?\u2069"
    )
    assert pressed.text == told and typed.text == told


async def test_a_link_to_a_passage_of_a_removed_document_says_the_documents_changed(
    admin_bot: Harness,
) -> None:
    await admin_bot.say(QUESTION)  # shows the passage, so its id is in the query log
    top = library(admin_bot).answer(QUESTION).hits[0].passage
    (ask,) = await admin_bot.say(f"/remove {top.doc}")
    await admin_bot.press(ask, messages.BUTTON_REMOVE)
    (opened,) = await admin_bot.say(f"/start p_{top.id}")  # the link a full passage ends with
    assert opened.text == messages.LINK_GONE


# Uploads --------------------------------------------------------------------------------------


async def test_an_uploaded_text_file_is_saved_reloaded_and_answers_at_once(
    admin_bot: Harness, corpus_dir: Path
) -> None:
    (progress,) = await upload(admin_bot, "polar.txt", NEW_DOC.encode("utf-8"))
    report = visible(admin_bot.request.final_text(progress))
    assert report.startswith("📄 Saved polar.txt (2 paragraphs).")
    assert report_counts(report)[:4] == (1, 0, 0, 5)
    assert (corpus_dir / "polar.txt").read_text(encoding="utf-8") == NEW_DOC
    assert admin_bot.request.downloads == ["file0"]
    (answer,) = await admin_bot.say(NEW_QUESTION)
    assert "narwhal" in visible(answer.text)
    (sources,) = await admin_bot.say("/sources")
    assert "Polar Research Cooperation Notes" in visible(sources.text)


async def test_an_admin_command_to_the_bot_in_a_group_says_where_it_works(
    admin_bot: Harness,
) -> None:
    # "/reload@bot" in a group got no reply at all; "/sources@bot" says where it works.
    for command in ("reload", "remove", "stats"):
        (reply,) = await admin_bot.say_in_group(f"/{command}@{BOT_USERNAME}", user_id=ADMIN_ID)
        assert visible(reply.text) == messages.PRIVATE_ONLY.format(bot=BOT_USERNAME)


async def test_remove_with_a_long_list_says_how_many_more_and_finds_a_name_by_its_words(
    admin_bot: Harness, corpus_dir: Path
) -> None:
    # 98 documents: about 40 names and a bare "…", so most could not be seen.
    for n in range(70):
        name = f"a rather long report name number {n:02} of the yearly archive series.txt"
        (corpus_dir / name).write_text(f"Report {n}: the harbour opened gate {n}.\n", "utf-8")
    (corpus_dir / "zz booktabs.txt").write_text("Tables need no vertical rules.\n", "utf-8")
    await admin_bot.say("/reload")
    (listed,) = await admin_bot.say("/remove")
    shown = visible(listed.text)
    more = re.search(r"…and (\d+) more\.$", shown)
    assert more is not None and "zz booktabs.txt" not in shown
    assert shown.count("\n• ") + int(more[1]) == 76  # every document, listed or counted
    (found,) = await admin_bot.say("/remove booktabs")
    assert "• zz booktabs.txt" in visible(found.text)


async def test_a_renamed_upload_is_titled_by_its_name_without_the_digest(
    admin_bot: Harness, corpus_dir: Path
) -> None:
    # "invoice?.txt" is saved as "invoice-<digest>.txt": its title was "invoice-5fab1891".
    text = "the harbour gate opens at dawn every day and closes at dusk, as the port rules say.\n"
    await upload(admin_bot, "harbour gate?.txt", text.encode())
    (saved,) = [p.name for p in corpus_dir.glob("harbour gate-*.txt")]
    assert "harbour gate" in titles(admin_bot)
    assert all("-" not in title for title in titles(admin_bot) if "harbour" in title), saved


async def test_an_upload_of_a_copy_of_a_document_says_which_and_is_not_saved(
    admin_bot: Harness, corpus_dir: Path
) -> None:
    # A copy under another name was saved, and every answer listed its passages twice.
    original = sorted(corpus_dir.glob("*.txt"))[0]
    (reply,) = await upload(admin_bot, "tables guide.txt", original.read_bytes())
    assert visible(reply.text) == visible(
        messages.UPLOAD_SAME_AS.format(name="tables guide.txt", same=original.name)
    )
    assert not (corpus_dir / "tables guide.txt").exists()


async def test_a_document_sent_again_as_it_is_is_said_to_be_there_unchanged(
    admin_bot: Harness, corpus_dir: Path
) -> None:
    # It read "“X” is the same file as X, which is already in the documents".
    original = sorted(corpus_dir.glob("*.txt"))[0]
    before = original.stat().st_mtime_ns
    (reply,) = await upload(admin_bot, original.name, original.read_bytes())
    assert visible(reply.text) == visible(messages.UPLOAD_UNCHANGED.format(name=original.name))
    assert original.stat().st_mtime_ns == before


async def test_an_upload_named_with_a_bidi_override_is_saved_and_named_without_it(
    admin_bot: Harness, corpus_dir: Path
) -> None:
    # "invoice\u202egpj.txt" shows as "invoicetxt.jpg": the override is neither kept nor echoed.
    (progress,) = await upload(admin_bot, "invoice\u202egpj.txt", NEW_DOC.encode("utf-8"))
    text = admin_bot.request.final_text(progress)
    assert "\u202e" not in text
    assert "\u2068invoicegpj.txt\u2069" in text
    assert (corpus_dir / "invoicegpj.txt").exists()


async def test_an_upload_counts_its_paragraphs_as_sources_and_the_report_do(
    admin_bot: Harness, corpus_dir: Path
) -> None:
    # A long paragraph is indexed as several passages, but a reader counts it once, as its ¶
    # does: the upload's reply, the reload's report and /sources say the same (tryout20: 843
    # "passages" on upload, 860 "paragraphs" in /sources for one CHANGELOG).
    long = " ".join(f"Sentence {n} is about narwhal migration near the station." for n in range(60))
    text = f"Polar Notes\n\n{long}\n\nA closing paragraph about the thickness of sea ice.\n"
    (progress,) = await upload(admin_bot, "polar.txt", text.encode("utf-8"))
    report = visible(admin_bot.request.final_text(progress))
    *_, before, after = report_counts(report)
    assert after - before == 2
    assert report.startswith("📄 Saved polar.txt (2 paragraphs).")
    sources = "\n".join(visible(call.text) for call in await admin_bot.say("/sources"))
    (line,) = [line for line in sources.split("\n") if "polar.txt" in line]
    assert "2 paragraphs" in line, line


async def test_an_uploaded_html_page_is_saved_as_sent_and_read_as_its_text(
    admin_bot: Harness, corpus_dir: Path
) -> None:
    page = (
        "<html><head><title>Polar Research Cooperation Notes</title>"
        "<script>var tracking = 'narwhalytics';</script></head><body>"
        "<nav><a href='/'>Home</a> | <a href='/news'>News</a></nav>"
        "<h1>Polar Research Cooperation Notes</h1>"
        "<p>The Arctic station at Ny-Alesund hosts scientists from many countries. Chinese "
        "researchers have studied narwhal migration &amp; the thickness of sea ice there.</p>"
        "<footer>© 2024 Polar Institute</footer></body></html>"
    )
    (progress,) = await upload(admin_bot, "Polar notes.html", page.encode("utf-8"))
    report = visible(admin_bot.request.final_text(progress))
    assert report.startswith("📄 Saved Polar notes.html (1 paragraph)")
    # Saved as it came: the library's HTML reader reads it at every reload, as it did here.
    assert (corpus_dir / "Polar notes.html").read_bytes() == page.encode("utf-8")
    (answer,) = await admin_bot.say(NEW_QUESTION)
    quoted = visible(answer.text)
    assert "narwhal migration & the thickness" in quoted
    assert not any(junk in quoted for junk in ("tracking", "Home |", "©", "<"))
    (sources,) = await admin_bot.say("/sources")
    assert "Polar Research Cooperation Notes" in visible(sources.text)


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("tables.txt", b"\x00\x01\x02\x03PK\x03\x04" * 300, "binary, not text"),
        ("latin.txt", b"caf\x81\x8d\x8f\x90\x9d " * 100, "not decodable"),
        ("blank.md", b" \n\n\t\n", "empty"),
        ("polar.html", b"<html><script>alert(1)</script><nav>Home</nav></html>", "no main text"),
    ],
)
async def test_an_unusable_upload_is_refused_and_nothing_changes(
    admin_bot: Harness, corpus_dir: Path, name: str, data: bytes, reason: str
) -> None:
    before = sorted(p.name for p in corpus_dir.iterdir())
    (reply,) = await upload(admin_bot, name, data)
    assert visible(reply.text).startswith(f"I can't add “{name}”: {reason}")
    assert visible(reply.text).endswith("Nothing was changed.")
    assert sorted(p.name for p in corpus_dir.iterdir()) == before
    assert library(admin_bot).last_report is not None
    assert admin_bot.request.edits_of(reply) == []  # no reload


async def test_a_file_named_as_another_kind_is_refused_with_the_name_to_send_it_as(
    admin_bot: Harness, corpus_dir: Path
) -> None:
    # "report.pdf" that is text was only "damaged: not a PDF file"; the admin had to guess why.
    text = b"The harbour gate opens at dawn every day and closes at dusk, as the port rules say.\n"
    (refused,) = await upload(admin_bot, "report.pdf", text)
    assert visible(refused.text) == (
        "I can't add “report.pdf”: it is a TXT file, so send it again named report.txt. "
        "Nothing was changed."
    )
    assert not (corpus_dir / "report.pdf").exists()
    (saved,) = await upload(admin_bot, "report.txt", text)
    assert "Saved" in visible(saved.text) and (corpus_dir / "report.txt").exists()


async def test_a_word_file_named_pdf_is_told_its_name_once(
    admin_bot: Harness, corpus_dir: Path
) -> None:
    # "I can't add “paper.pdf”: a .docx file, not a .pdf file: rename it. Nothing was changed."
    # then "Its contents are those of a DOCX file: send it again named paper.docx.": "rename"
    # twice, in two messages' worth of words.
    data = (FIXTURES / "python-docx-footnotes.docx").read_bytes()
    (refused,) = await upload(admin_bot, "paper.pdf", data)
    assert visible(refused.text) == (
        "I can't add “paper.pdf”: it is a DOCX file, so send it again named paper.docx. "
        "Nothing was changed."
    )
    assert not (corpus_dir / "paper.pdf").exists()


async def test_an_empty_word_template_is_refused_for_its_emptiness_not_its_name(
    admin_bot: Harness, corpus_dir: Path
) -> None:
    # A letterhead template of styles and no text was told "it is a DOCX file, so send it again
    # named letterhead.docx", which would be refused the same: a .dotx is read as a .docx.
    written = io.BytesIO()
    docx.Document().save(written)
    template = io.BytesIO()
    with (
        zipfile.ZipFile(written) as package,
        zipfile.ZipFile(template, "w", zipfile.ZIP_DEFLATED) as out,
    ):
        for info in package.infolist():
            part = package.read(info)
            if info.filename == "[Content_Types].xml":
                part = part.replace(b"document.main+xml", b"template.main+xml")
            out.writestr(info, part)
    (refused,) = await upload(admin_bot, "letterhead.dotx", template.getvalue())
    assert visible(refused.text).startswith("I can't add “letterhead.dotx”: no paragraphs")
    assert "letterhead.docx" not in visible(refused.text)
    assert not (corpus_dir / "letterhead.dotx").exists()


async def test_a_huge_upload_is_refused_without_downloading_it(
    admin_bot: Harness, corpus_dir: Path
) -> None:
    before = sorted(p.name for p in corpus_dir.iterdir())
    (reply,) = await upload(admin_bot, "archive.txt", b"big", file_size=25 * 1024 * 1024)
    assert visible(reply.text).startswith("“archive.txt” is 25.0 MB")
    assert "20 MB" in reply.text
    assert admin_bot.request.of("getFile") == [] and admin_bot.request.downloads == []
    assert sorted(p.name for p in corpus_dir.iterdir()) == before


async def test_an_old_word_file_is_refused_with_what_to_save_it_as(
    admin_bot: Harness, corpus_dir: Path
) -> None:
    # The README promises "save it as .docx"; the refusal only listed the kinds it reads.
    before = sorted(p.name for p in corpus_dir.iterdir())
    (reply,) = await upload(admin_bot, "old.doc", b"\xd0\xcf\x11\xe0 ...")
    assert visible(reply.text) == visible(
        messages.UPLOAD_SAVE_AS.format(name="old.doc", kind=".docx")
    )
    assert sorted(p.name for p in corpus_dir.iterdir()) == before


async def test_a_doc_file_that_is_rich_text_is_added_as_rtf(
    admin_bot: Harness, corpus_dir: Path
) -> None:
    # Word and WordPad save RTF as ".doc" too: the same file in the folder was indexed, sent
    # to the bot it was told "save it as .docx".
    rtf = (
        rb"{\rtf1\ansi{\fonttbl{\f0 Arial;}}\pard Members may borrow up to five books at a "
        rb"time, for three weeks each.\par}"
    )
    replies = await upload(admin_bot, "lending.doc", rtf)
    said = visible(replies[0].text)
    assert "lending.doc" in said and "lending.rtf" in said and "save it as" not in said
    assert (corpus_dir / "lending.rtf").read_bytes() == rtf


async def test_a_picture_is_not_told_to_be_saved_as_a_word_file(admin_bot: Harness) -> None:
    (reply,) = await upload(admin_bot, "scan.jpg", b"\xff\xd8\xff\xe0 ...")
    assert "save it as" not in visible(reply.text)
    assert ".pdf" in visible(reply.text)  # the kinds it reads are listed


async def test_an_archive_is_refused_with_what_to_do_in_the_users_language(
    admin_bot: Harness, corpus_dir: Path
) -> None:
    # tryout20: "bundle.zip" was told only which kinds are read, nothing of unpacking it.
    (reply,) = await upload(admin_bot, "bundle.zip", b"PK\x03\x04 ...")
    said = visible(reply.text)
    assert "bundle.zip" in said and "unpack it" in said and ".md" in said
    admin_bot.updates.languages[ADMIN_ID] = "ru"
    (reply,) = await upload(admin_bot, "docs.tar.gz", b"\x1f\x8b ...")
    said = visible(reply.text)
    assert "docs.tar.gz" in said and "распакуйте" in said
    assert admin_bot.request.downloads == []
    assert not (corpus_dir / "bundle.zip").exists()


async def test_every_compressed_file_is_told_to_be_unpacked(admin_bot: Harness) -> None:
    # review15-b: ".tar.xz", ".bz2", ".zst" were refused as a wrong kind, with no word of
    # unpacking them, where ".tar.gz" was told to.
    for name in ("docs.tar.xz", "docs.tar.bz2", "notes.txt.bz2", "site.xz", "dump.zst", "b.tgz"):
        (reply,) = await upload(admin_bot, name, b"\xfd7zXZ\x00 ...")
        said = visible(reply.text)
        assert name in said and "unpack it" in said, said
    assert admin_bot.request.downloads == []


async def test_a_file_of_another_kind_is_refused(admin_bot: Harness, corpus_dir: Path) -> None:
    (reply,) = await upload(admin_bot, "figures.xlsx", b"PK\x03\x04 ...")
    kinds = accepted_kinds()
    name = "\u2068figures.xlsx\u2069"  # isolated
    assert reply.text == messages.UPLOAD_WRONG_KIND.format(name=name, kinds=kinds)
    assert ".txt" in kinds and ".md" in kinds and ".html" in kinds and ".pptx" in kinds
    # Each format once, by its usual suffix: twenty suffixes hid the formats among variants.
    assert ".mdx" not in kinds and ".dotm" not in kinds and ".ppsx" not in kinds
    assert admin_bot.request.downloads == []


async def test_a_path_in_the_file_name_never_leaves_the_corpus_folder(
    admin_bot: Harness, corpus_dir: Path, tmp_path: Path
) -> None:
    def outside_the_corpus() -> list[str]:  # the database and its index change, of course
        database = admin_bot.app.bot_data["settings"].db_path.name
        return sorted(
            str(p)
            for p in tmp_path.rglob("*")
            if corpus_dir not in p.parents
            and not p.relative_to(tmp_path).parts[0].startswith(database)
        )

    outside = outside_the_corpus()
    (progress,) = await upload(admin_bot, "../../etc/passwd", NEW_DOC.encode("utf-8"))
    report = visible(admin_bot.request.final_text(progress))
    assert report.startswith("📄 Saved “../../etc/passwd” as passwd.txt")
    assert (corpus_dir / "passwd.txt").read_text(encoding="utf-8") == NEW_DOC
    assert not (tmp_path.parent / "etc").exists() and not (corpus_dir.parent / "etc").exists()
    assert outside_the_corpus() == outside


async def test_uploads_named_in_other_scripts_keep_their_names(
    admin_bot: Harness, corpus_dir: Path
) -> None:
    # Both were saved as document.txt: the second was offered to replace the first.
    notes = NEW_DOC.replace("Polar Research Cooperation Notes", "极地研究笔记")
    (first,) = await upload(admin_bot, "笔记.txt", notes.encode("utf-8"))
    said = visible(admin_bot.request.final_text(first))
    assert said.startswith("📄 Saved 笔记.txt (2 paragraphs)")
    report = "Отчёт о проекте\n\nСтанция на Шпицбергене принимает учёных из многих стран.\n"
    (second,) = await upload(admin_bot, "Отчёт о проекте 2024.txt", report.encode("utf-8"))
    said = visible(admin_bot.request.final_text(second))
    assert said.startswith("📄 Saved Отчёт о проекте 2024.txt (1 paragraph)"), said
    assert (corpus_dir / "笔记.txt").read_text(encoding="utf-8") == notes
    assert not (corpus_dir / "document.txt").exists() and not (corpus_dir / "2024.txt").exists()
    assert {"极地研究笔记", "Отчёт о проекте"} <= set(titles(admin_bot))
    (ask,) = await admin_bot.say("/remove 笔记.txt")
    assert visible(ask.text).startswith("Remove 笔记.txt (极地研究笔记)")


async def test_a_replace_prompt_does_not_repeat_a_name_as_its_title(
    admin_bot: Harness, corpus_dir: Path
) -> None:
    # "There is already a document new.txt: new." said the name twice.
    (corpus_dir / "new_notes.txt").write_text("just one line of plain notes here\n", "utf-8")
    await admin_bot.say("/reload")
    (ask,) = await upload(admin_bot, "new_notes.txt", NEW_DOC.encode())
    assert visible(ask.text).startswith("There is already a document new_notes.txt. Replace it")


async def test_an_upload_with_a_taken_name_replaces_only_after_yes(
    admin_bot: Harness, corpus_dir: Path
) -> None:
    original = (corpus_dir / DOC_001).read_bytes()
    new_text = NEW_DOC.replace("Polar Research", "Revised Polar Research")

    (ask,) = await upload(admin_bot, DOC_001, new_text.encode())
    assert visible(ask.text).startswith(f"There is already a document {DOC_001} (China's Policies")
    assert [b["text"] for b in ask.buttons] == [messages.BUTTON_REPLACE, messages.BUTTON_KEEP]
    assert all(len(b["callback_data"].encode()) <= 64 for b in ask.buttons)
    assert (corpus_dir / DOC_001).read_bytes() == original  # nothing yet
    await admin_bot.press(ask, messages.BUTTON_KEEP)
    assert visible(admin_bot.request.of("editMessageText")[-1].text).startswith("Kept the current")
    assert (corpus_dir / DOC_001).read_bytes() == original

    (ask_again,) = await upload(admin_bot, DOC_001, new_text.encode())
    (progress,) = await admin_bot.press(ask_again, messages.BUTTON_REPLACE)
    assert (corpus_dir / DOC_001).read_text(encoding="utf-8") == new_text
    assert report_counts(visible(admin_bot.request.final_text(progress)))[:4] == (0, 1, 0, 4)
    (answer,) = await admin_bot.say(NEW_QUESTION)
    assert "narwhal" in visible(answer.text)
    # A question answered is answered once: pressing Yes again changes nothing.
    reindexed = library(admin_bot).last_report
    assert await admin_bot.press(ask_again, messages.BUTTON_REPLACE) == []
    assert admin_bot.request.of("editMessageText")[-1].text == messages.PENDING_GONE
    assert library(admin_bot).last_report is reindexed


# Removal --------------------------------------------------------------------------------------


async def test_remove_asks_first_then_deletes_and_sources_shows_it_at_once(
    admin_bot: Harness, corpus_dir: Path
) -> None:
    (ask,) = await admin_bot.say(f"/remove {DOC_002}")
    assert visible(ask.text) == (
        f"Remove {DOC_002} (China–Russia Joint Statement on Major International Issues) "
        "from the documents?"
    )
    assert (corpus_dir / DOC_002).exists()
    (progress,) = await admin_bot.press(ask, messages.BUTTON_REMOVE)
    assert not (corpus_dir / DOC_002).exists()
    assert visible(admin_bot.request.of("editMessageText")[0].text) == f"🗑 Removed {DOC_002}."
    assert report_counts(visible(admin_bot.request.final_text(progress)))[:4] == (0, 0, 1, 4)
    (sources,) = await admin_bot.say("/sources")
    assert "China–Russia Joint Statement" not in visible(sources.text)
    assert len(library(admin_bot).documents()) == 4


async def test_remove_no_keeps_the_document(admin_bot: Harness, corpus_dir: Path) -> None:
    (ask,) = await admin_bot.say(f"/remove {DOC_002}")
    sent = await admin_bot.press(ask, messages.BUTTON_KEEP)
    assert sent == [] and (corpus_dir / DOC_002).exists()
    assert visible(admin_bot.request.of("editMessageText")[-1].text) == f"Kept {DOC_002}."
    assert len(library(admin_bot).documents()) == 5


@pytest.mark.parametrize("name", ["nothing.txt", "../corpus/" + DOC_002, "manifest.toml", ".."])
async def test_remove_names_only_documents_of_the_folder(
    admin_bot: Harness, corpus_dir: Path, name: str
) -> None:
    before = sorted(p.name for p in corpus_dir.iterdir())
    (reply,) = await admin_bot.say(f"/remove {name}")
    assert visible(reply.text).startswith(f"There is no document {name}. The documents are:")
    assert f"• {DOC_002}" in visible(reply.text)
    assert reply.buttons == []
    assert sorted(p.name for p in corpus_dir.iterdir()) == before


async def test_remove_without_a_name_lists_the_documents(admin_bot: Harness) -> None:
    (reply,) = await admin_bot.say("/remove")
    assert visible(reply.text).startswith("Tell me which document: /remove file-name.")
    assert visible(reply.text).count("• ") == 5


async def test_the_last_document_cannot_be_removed(
    admin_settings: Settings, tmp_path: Path
) -> None:
    folder = tmp_path / "one"
    folder.mkdir()
    (folder / "polar.txt").write_text(NEW_DOC, encoding="utf-8")
    settings = replace(admin_settings, corpus_dir=folder, db_path=tmp_path / "one.db")
    async with running_bot(settings, RecordingRequest()) as bot:
        (reply,) = await bot.say("/remove polar.txt")
    assert visible(reply.text).startswith("polar.txt is the only document")
    assert reply.buttons == [] and (folder / "polar.txt").exists()


async def test_a_name_copied_from_the_bots_reply_removes_the_document(
    admin_bot: Harness, corpus_dir: Path
) -> None:
    # The reply sets the name apart with invisible direction marks, which a tap copies: the
    # pasted name was "no document", with that file listed just below.
    (progress,) = await upload(admin_bot, "walrus notes.txt", NEW_DOC.encode("utf-8"))
    found = re.search(r"<code>([^<]*)</code>", admin_bot.request.final_text(progress))
    assert found is not None
    (ask,) = await admin_bot.say(f"/remove {found[1]}")
    assert visible(ask.text).startswith("Remove")


async def test_remove_takes_a_file_name_without_its_folder_or_extension(
    admin_bot: Harness, corpus_dir: Path
) -> None:
    # "/remove arctic.md" for sub/arctic.md, "/remove big15" for big15.txt: "There is no
    # document", with that very file listed below.
    (corpus_dir / "sub").mkdir()
    (corpus_dir / "sub" / "arctic.md").write_text(NEW_DOC, "utf-8")
    (corpus_dir / "big15.txt").write_text(NEW_DOC.replace("Arctic", "Antarctic"), "utf-8")
    await admin_bot.say("/reload")
    for typed, name in (("arctic.md", "sub/arctic.md"), ("big15", "big15.txt")):
        (ask,) = await admin_bot.say(f"/remove {typed}")
        assert visible(ask.text).startswith(f"Remove {name} (")
        await admin_bot.press(ask, messages.BUTTON_REMOVE)
        assert not (corpus_dir / name).exists()


async def test_remove_of_a_name_several_documents_have_lists_them(
    admin_bot: Harness, corpus_dir: Path
) -> None:
    for folder in ("north", "south"):
        (corpus_dir / folder).mkdir()
        (corpus_dir / folder / "notes.md").write_text(f"# {folder}\n\n{NEW_DOC}", "utf-8")
    await admin_bot.say("/reload")
    (reply,) = await admin_bot.say("/remove notes.md")
    assert visible(reply.text) == (
        "Several documents are called notes.md. Which one? Send /remove with its full name:\n"
        "• north/notes.md\n• south/notes.md"
    )
    assert reply.buttons == []
    assert (corpus_dir / "north" / "notes.md").exists() and (corpus_dir / "south/notes.md").exists()


@pytest.mark.parametrize("caption", [f"@{BOT_USERNAME} please add this", None])
async def test_a_file_sent_to_the_bot_in_a_group_says_uploads_are_private(
    admin_bot: Harness, corpus_dir: Path, caption: str | None
) -> None:
    # A file in a group got no reply at all, from an admin or anyone, "@bot" in its caption or not.
    before = sorted(p.name for p in corpus_dir.iterdir())
    (answer,) = await admin_bot.say_in_group(f"/ask {QUESTION}")
    group = {"chat_id": GROUP_ID, "chat_type": "supergroup"}
    addressed = {"caption": caption} if caption else {"reply_to": answer.result}
    (told,) = await upload(admin_bot, "polar.txt", NEW_DOC.encode(), **group, **addressed)
    assert visible(told.text) == messages.UPLOAD_IN_PRIVATE.format(bot=BOT_USERNAME)
    assert told.params["reply_parameters"]["message_id"] > 0  # a reply, for the group to see
    (refused,) = await upload(
        admin_bot, "mine.txt", b"x", user_id=OTHER_USER_ID, **group, **addressed
    )
    assert visible(refused.text) == visible(messages.ADMIN_ONLY_UPLOAD)
    # A file the members share among themselves is theirs: no reply.
    assert await upload(admin_bot, "polar.txt", NEW_DOC.encode(), **group) == []
    assert admin_bot.request.of("getFile") == []
    assert sorted(p.name for p in corpus_dir.iterdir()) == before
