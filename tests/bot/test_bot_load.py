"""Load: many chats asking at once through the real Application, with a reload in the middle.

Every simulated user asks their questions one after another (the next once the answer came, as a
person does), all chats at the same time; half way through, an admin reloads the documents (one
was added), and the reload is held in progress (:class:`conftest.GatedLibrary`) until more
questions have been answered, so questions are certainly answered while it runs.

The run is the issue's 200 chats × 20 questions (4,000 questions, about ten seconds);
``QUOTEBOT_LOAD_CHATS`` and ``QUOTEBOT_LOAD_QUESTIONS`` change it (at least 3 questions each).
Pacing to Telegram's flood limits is python-telegram-bot's limiter: it stays in the path, with
its limit raised, or 8,000 requests would take minutes of waiting.
"""

from __future__ import annotations

import asyncio
import json
import logging
import os
import sqlite3
from collections import Counter, defaultdict
from pathlib import Path

import pytest
from conftest import ADMIN_ID, PROJECT_ROOT, GatedLibrary
from tgfakes import Call, RecordingRequest, html_problems, running_bot

import bot.app
from bot import buttons
from bot.locales import en as messages
from bot.settings import Settings
from retrieval.errors import QuestionError
from retrieval.library import Library

CHATS = int(os.environ.get("QUOTEBOT_LOAD_CHATS", "200"))
QUESTIONS = int(os.environ.get("QUOTEBOT_LOAD_QUESTIONS", "20"))
FIRST_USER = 100_000  # the simulated users' ids (and so their private chats' ids)
NEW_DOCUMENT = (
    "Harbour Notes\n\n"
    "The northern harbour of Qingdao has twelve berths for container ships and a grain pier.\n"
)


def dev_questions(library: Library) -> list[str]:
    """The questions of the dev set (as users type them) that the library can search."""
    lines = (PROJECT_ROOT / "data" / "eval" / "dev.jsonl").read_text(encoding="utf-8")
    questions = [json.loads(line)["question"] for line in lines.splitlines() if line.strip()]
    searchable = []
    for question in questions:
        try:
            library.answer(question)
        except QuestionError:
            continue
        searchable.append(question)
    return searchable


def vote_key(call: Call) -> str:
    """The key of the logged question an answer's 👍 button carries."""
    press = buttons.parse(call.button(messages.BUTTON_GOOD)["callback_data"])
    assert isinstance(press, buttons.VotePress)
    return press.key


async def test_many_chats_at_once_with_a_reload_in_the_middle(
    admin_settings: Settings,
    gated_library: GatedLibrary,
    request_layer: RecordingRequest,
    corpus_dir: Path,
    caplog: pytest.LogCaptureFixture,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(bot.app, "OVERALL_PER_SECOND", 1_000_000)
    caplog.set_level(logging.INFO)
    questions = dev_questions(gated_library)
    total = CHATS * QUESTIONS
    users = [FIRST_USER + n for n in range(CHATS)]
    asked: dict[int, list[str]] = defaultdict(list)
    answered = 0
    progress = asyncio.Condition()
    building = asyncio.Event()  # the reload's new index is being built (and held there)
    overlap: list[int] = []  # questions answered when the build started, and when it went on

    async with running_bot(admin_settings, request_layer, gated_library) as harness:
        request_layer.clear()

        async def chat(n: int, user: int) -> None:
            nonlocal answered
            for i in range(QUESTIONS):
                if answered >= total * 5 // 8:  # the last questions wait for the reload to run
                    await building.wait()
                question = questions[(n * QUESTIONS + i) % len(questions)]
                asked[user].append(question)
                await harness.app.process_update(harness.updates.text(question, user_id=user))
                async with progress:
                    answered += 1
                    progress.notify_all()

        async def admin() -> None:
            async with progress:
                await progress.wait_for(lambda: answered >= total // 2)
            (corpus_dir / "harbour.txt").write_text(NEW_DOCUMENT, encoding="utf-8")
            await harness.app.process_update(harness.updates.text("/reload", user_id=ADMIN_ID))
            await asyncio.to_thread(gated_library.building.wait)
            overlap.append(answered)
            building.set()
            async with progress:  # questions are answered from the old index meanwhile
                await progress.wait_for(lambda: answered >= min(overlap[0] + CHATS // 2, total))
            overlap.append(answered)
            gated_library.gate.set()

        await asyncio.gather(*(chat(n, user) for n, user in enumerate(users)), admin())
        await harness.settle()  # the reload ran apart from the updates (block=False)
        state = harness.state
        log = list(state.db.query("SELECT chat_id, question, key FROM bot_queries ORDER BY id"))
        after_reload = gated_library.answer("How many berths does the northern harbour have?")

    # Zero errors: nothing reached the error handler, no apology, no locked database.
    problems = [r for r in caplog.records if r.levelno >= logging.WARNING]
    assert problems == [], [r.getMessage() for r in problems[:5]]
    assert "database is locked" not in caplog.text
    sent = request_layer.sent
    assert all(call.text != messages.APOLOGY for call in sent)
    # Every question answered exactly once, in its own chat, in the order it was asked.
    answers = [call for call in sent if int(call.params["chat_id"]) in asked]
    assert len(answers) == total
    assert Counter(int(call.params["chat_id"]) for call in answers) == dict.fromkeys(
        users, QUESTIONS
    )
    assert all(html_problems(call.text) == [] and len(call.text) <= 4096 for call in answers)
    # The query log is complete: one row per question, and each answer's buttons lead to it.
    assert len(log) == total
    by_key = {row["key"]: row for row in log}
    replies_of: dict[int, list[str]] = defaultdict(list)
    for call in answers:
        row = by_key[vote_key(call)]
        assert row["chat_id"] == int(call.params["chat_id"])
        replies_of[row["chat_id"]].append(row["question"])
    assert replies_of == asked
    # The reload happened in the middle, with questions answered while it ran; it was reported,
    # and its document answers now.
    started, went_on = overlap
    assert total // 2 <= started < went_on < total
    (report,) = [call for call in sent if int(call.params["chat_id"]) == ADMIN_ID]
    assert "1 added" in request_layer.final_text(report)
    assert gated_library.reindexes == 1
    assert after_reload.answered and after_reload.hits[0].passage.doc == "harbour.txt"
    with sqlite3.connect(admin_settings.db_path) as db:
        (rows,) = db.execute("SELECT count(*) FROM bot_queries").fetchone()
    assert rows == total
