"""Paging a ranking whose passages have word-for-word copies (one page kept in several version
folders): "/more" goes on for as long as it offers to, a result number up to the count opens
that result, and the count stays the same on every reply, in the terminal and in Telegram."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

from tgfakes import RecordingRequest, running_bot, visible

from bot.locales import en
from bot.settings import Settings
from bot.terminal import Layout, TerminalChat
from retrieval.library import Library

QUESTION = "how do I extract a zip archive"
VERSIONS = ("5.1", "7.4", "7.5", "7.6", "7.7")
TOOLS = (
    "unzip", "tar", "7z", "bsdtar", "jar", "ditto", "expand", "pax", "ark", "xarchiver", "peazip",
    "bandizip",
)  # fmt: skip


def _corpus(folder: Path) -> Path:
    """The same archive page in five version folders (12 paragraphs each), and a page of
    its own with 12 more: 24 distinct passages about zip archives among 72 that match."""
    page = "".join(
        f"The {tool} tool can extract a zip archive into a folder of its own, step {n}.\n\n"
        for n, tool in enumerate(TOOLS, 1)
    )
    for version in VERSIONS:
        (folder / "reference" / version).mkdir(parents=True)
        title = f"# Archives in {version}\n\n"  # not the same file: read, then left out
        (folder / "reference" / version / "archives.md").write_text(title + page, "utf-8")
    (folder / "notes.md").write_text(
        "# Notes\n\n"
        + "".join(f"Note {n}: a zip archive made on {tool} keeps its dates.\n\n" for n, tool in
                  enumerate(TOOLS, 1)),
        encoding="utf-8",
    )  # fmt: skip
    return folder


def test_more_pages_on_while_it_offers_to_and_the_count_holds(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path / "corpus")
    library = Library.open(tmp_path / "q.db", corpus)
    try:
        chat = TerminalChat(library, layout=Layout(columns=300))
        reply = chat.handle(QUESTION) or ""
        counts, ranks = [], []
        while True:
            ranks += [int(n) for n in re.findall(r"^  (\d+)\. ", reply, re.M)]
            said = re.search(r"\((\d+) of (\d+) matching passages shown(; /more)?", reply)
            if said is None or not said.group(3):
                break
            counts.append(int(said.group(2)))
            reply = chat.handle("/more") or ""
            assert reply != en.CLI_NO_MORE_RESULTS, f"offered more after {ranks[-1]}, gave none"
        assert len(set(counts)) == 1, counts  # the same count on every page
        shown = [1, *ranks]
        assert shown == list(range(1, len(shown) + 1))
        assert len(shown) == 24  # every distinct passage, each once
        assert chat.handle("/more") == en.CLI_NO_MORE_RESULTS
        for rank in (11, 24):
            assert "There is no result" not in (chat.handle(str(rank)) or ""), rank
        assert chat.handle("25") == (
            f"There is no result 25 for “{QUESTION}”: the search found 24 passages."
        )
    finally:
        library.close()


async def test_more_results_in_telegram_reach_every_distinct_passage(
    settings: Settings, tmp_path: Path
) -> None:
    corpus = _corpus(tmp_path / "copies")
    settings = replace(settings, db_path=tmp_path / "copies.db", corpus_dir=corpus)
    request = RecordingRequest()
    async with running_bot(settings, request) as bot:
        (page,) = await bot.say(QUESTION)
        numbers = [1, 2, 3]  # the first page: the answer and two more
        while any(b["text"] == "More results" for b in page.buttons):
            (page,) = await bot.press(page, "More results")
            got = [int(n) for n in re.findall(r"^<b>(\d+)\.</b> ", page.text, re.M)]
            assert got, f"offered more after {numbers[-1]}: {visible(page.text)[:200]}"
            numbers += got
    assert numbers == list(range(1, 25))
    assert request.unexpected == []


async def test_no_result_0_and_no_result_999_tell_the_same_count(
    settings: Settings, tmp_path: Path
) -> None:
    # tryout20: "0" said the search found 726 passages, "999" for the same question 723 (the
    # first page's count holds the copies, the last page's leaves them out).
    corpus = _corpus(tmp_path / "copies")
    settings = replace(settings, db_path=tmp_path / "copies.db", corpus_dir=corpus)
    async with running_bot(settings, RecordingRequest()) as bot:
        await bot.say(QUESTION)
        for said in ("0", "999", "number 25"):
            (told,) = await bot.say(said)
            rank = said.split()[-1]
            assert visible(told.text) == (
                f"There is no result {rank} for “{QUESTION}”: the search found 24 passages."
            )
    library = Library.open(tmp_path / "copies.db", corpus)
    try:
        chat = TerminalChat(library, layout=Layout(columns=300))
        chat.handle(QUESTION)
        for said in ("0", "999"):
            assert chat.handle(said) == (
                f"There is no result {said} for “{QUESTION}”: the search found 24 passages."
            )
    finally:
        library.close()
