"""An admin sends ``manifest.toml``: titles, dates, sources and authors set from Telegram.

It was refused as "not one of the kinds I can add", so an admin without a shell on the server
could never give a document its title or author. Through the real Application and library, on a
copy of the shipped corpus.
"""

from __future__ import annotations

from pathlib import Path

from conftest import ADMIN_ID
from test_bot_admin import DOC_001, DOC_002, library, upload
from tgfakes import Harness, html_problems, visible

from bot.locales import en as messages

MANIFEST = f"""
["{DOC_001}"]
title = "Asia-Pacific Security White Paper"
author = "State Council Information Office"

["{DOC_002}"]
title = "Joint Statement of 2008"
date = "the spring of 2008"
""".encode()


def documents(bot: Harness) -> dict[str, tuple[str, str | None]]:
    return {d.doc: (d.title, d.author) for d in library(bot).documents()}


async def test_a_manifest_sent_is_saved_and_its_titles_and_authors_apply_at_once(
    admin_bot: Harness, corpus_dir: Path
) -> None:
    old = (corpus_dir / "manifest.toml").read_bytes()
    (ask,) = await upload(admin_bot, "manifest.toml", MANIFEST)  # the folder has one already
    assert visible(ask.text) == visible(messages.MANIFEST_REPLACE_ASK)
    assert (corpus_dir / "manifest.toml").read_bytes() == old  # nothing before Yes
    (progress,) = await admin_bot.press(ask, messages.BUTTON_REPLACE)
    assert (corpus_dir / "manifest.toml").read_bytes() == MANIFEST
    report = visible(admin_bot.request.final_text(progress))
    assert html_problems(admin_bot.request.final_text(progress)) == []
    assert f"Changed: {DOC_001}, {DOC_002}" in report  # what changed, by name
    assert "⚠️ To fix in manifest.toml:\n• line 8: date 'the spring of 2008' is not a date" in report
    shown = documents(admin_bot)
    white_paper = ("Asia-Pacific Security White Paper", "State Council Information Office")
    assert shown[DOC_001] == white_paper
    assert shown[DOC_002][0] == "Joint Statement of 2008"
    (sources,) = await admin_bot.say("/sources")
    assert "Asia-Pacific Security White Paper (State Council Information Office)" in visible(
        sources.text
    )
    (again,) = await upload(admin_bot, "Manifest.TOML", MANIFEST)  # the same again: no change
    assert visible(again.text) == visible(messages.UPLOAD_UNCHANGED.format(name="manifest.toml"))


async def test_a_manifest_where_there_is_none_is_saved_and_reloaded_without_asking(
    admin_bot: Harness, corpus_dir: Path
) -> None:
    (corpus_dir / "manifest.toml").unlink()
    await admin_bot.say("/reload")
    (progress,) = await upload(admin_bot, "manifest.toml", MANIFEST)
    said = visible(admin_bot.request.final_text(progress))
    assert said.startswith(visible(messages.MANIFEST_SAVED))
    assert f"Changed: {DOC_001}, {DOC_002}" in said
    assert documents(admin_bot)[DOC_002][0] == "Joint Statement of 2008"


async def test_a_manifest_that_is_not_toml_is_refused_in_the_admins_language(
    admin_bot: Harness, corpus_dir: Path
) -> None:
    old = (corpus_dir / "manifest.toml").read_bytes()
    titles = documents(admin_bot)
    (refused,) = await upload(admin_bot, "manifest.toml", f'["{DOC_001}"\ntitle = "x'.encode())
    said = visible(refused.text)
    assert said.startswith("I can't add “manifest.toml”: line 1: not valid TOML (expected")
    assert said.endswith("Nothing was changed.") and "until it is fixed" not in said
    admin_bot.updates.languages[ADMIN_ID] = "ru"
    (ru,) = await upload(admin_bot, "manifest.toml", "title = 'ok'\n".encode("utf-16"))
    assert "UTF-8" in visible(ru.text) and "Ничего не изменено" in visible(ru.text)
    assert (corpus_dir / "manifest.toml").read_bytes() == old
    assert documents(admin_bot) == titles
