"""An e-book whose package names it only by a slug is cited by the title its first page
prints. Through the real Application."""

from __future__ import annotations

from pathlib import Path

from tgfakes import RecordingRequest, html_problems, own_corpus, running_bot, visible

from bot.settings import Settings

BOOK = Path(__file__).parents[1] / "ingest" / "fixtures" / "developers-reference.epub"


async def test_a_book_named_by_a_slug_is_cited_by_its_printed_title(
    settings: Settings, request_layer: RecordingRequest, tmp_path: Path
) -> None:
    own = own_corpus(settings, tmp_path, {BOOK.name: BOOK.read_bytes()})
    async with running_bot(own, request_layer) as bot:
        (answer,) = await bot.say("what is the DELAYED queue")
        (sources,) = await bot.say("/sources")
    assert html_problems(answer.text) == []
    cited = visible(answer.text).split("\n— ", 1)[1]
    # Sphinx wrote the project's slug as dc:title: every citation read "developers-reference".
    assert cited.startswith("Debian Developer's Reference"), cited
    assert "Debian Developer's Reference" in visible(sources.text)
