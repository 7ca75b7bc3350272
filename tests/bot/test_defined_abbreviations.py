"""A reload that finds an abbreviation the documents define ("the Cyber Resilience Act (CRA)"):
the bot keeps answering from the old index while it runs, records every question in the same
database file, and afterwards a question asking by the long form finds the passage written with
the short form."""

from __future__ import annotations

from pathlib import Path

from conftest import ADMIN_ID, GatedLibrary
from tgfakes import OTHER_USER_ID, RecordingRequest, running_bot, visible

from bot.settings import Settings

# Text of the European Commission's pages on the Cyber Resilience Act (Regulation (EU)
# 2024/2847): the obligation in one file, written with the short form only, its definition in
# another, added later.
OBLIGATION = (
    "# Reporting obligations\n\n"
    "Under the CRA, manufacturers notify ENISA of an actively exploited vulnerability within "
    "24 hours of becoming aware of it.\n"
)
DEFINITION = (
    "# Cyber Resilience Act\n\n"
    "The Cyber Resilience Act (CRA) aims to safeguard consumers and businesses buying software "
    "or hardware products with a digital component.\n"
)


async def test_a_reload_that_finds_an_abbreviation_keeps_answering_and_recording(
    admin_settings: Settings, corpus_dir: Path
) -> None:
    (corpus_dir / "cra-reporting.md").write_text(OBLIGATION, encoding="utf-8")
    library = GatedLibrary.open(admin_settings.db_path, corpus_dir)
    library.arm()
    (corpus_dir / "cra.md").write_text(DEFINITION, encoding="utf-8")
    request = RecordingRequest()
    try:
        async with running_bot(admin_settings, request, library) as bot:
            await bot.deliver(bot.updates.text("/reload", user_id=ADMIN_ID))
            await bot.wait_until(library.building.is_set, "the reload to be under way")
            # The old index is still served, and with it the analyzer that made it: "CRA" is
            # the word it holds (read as the new index's group, it matched nothing).
            await bot.deliver(bot.updates.text("What does the CRA say?", user_id=OTHER_USER_ID))
            await bot.wait_until(lambda: len(request.sent) == 2, "the answer during the reload")
            during = visible(request.sent[1].text)
            library.gate.set()
            await bot.wait_until(lambda: bool(request.edits_of(request.sent[0])), "the report")
            (after,) = await bot.say("What is the Cyber Resilience Act?")
            (stats,) = await bot.say("/stats", user_id=ADMIN_ID)
    finally:
        library.gate.set()
        library.close()
    assert "within 24 hours" in during
    assert "Added: cra.md" in visible(request.final_text(request.sent[0]))
    # Asked by the long form: the passage written with the short form alone is among the
    # results (it shares no word with the question).
    assert "Cyber Resilience Act (CRA)" in visible(after.text)
    assert "within 24 hours" in visible(after.text)
    # Both questions were written to the bot's tables in the database file the reload wrote
    # its abbreviations to ("database is locked" while a write was left open there).
    assert "Last 24 hours: 2 asked" in visible(stats.text)
