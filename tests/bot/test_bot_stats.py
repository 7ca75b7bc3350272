"""Usage figures: /stats and ``quotebot stats`` against a query log written here, by hand."""

from __future__ import annotations

import json
import re
import time
from pathlib import Path

import pytest
from conftest import ADMIN_ID
from tgfakes import Harness, html_problems, visible

from bot.cli import main
from bot.services import services_of
from bot.settings import SETTINGS
from bot.state import PeriodCounts, StateStore, question_key
from retrieval.library import Library

HOUR = 3600.0
DAY = 24 * HOUR


def write_log(state: StateStore, now: float) -> None:
    """A known week and a half of questions and votes, oldest first.

    Within the last day: the Belt and Road twice (answered; 👍 👍, then 👎), the weather once
    (declined). Earlier in the week: the weather twice more (declined; 👎), peacekeepers once
    (answered; 👍). Older than a week: three answered and two declined questions, one 👍.
    """

    def log(question: str, ago: float, answered: bool, votes: tuple[bool, ...] = ()) -> None:
        saved = state.log_query(
            asked_at=now - ago,
            chat_id=1,
            chat_type="private",
            user_id=1,
            question=question,
            context=None,
            query=question,
            shown=[],
            answered=answered,
            total=0,
            ms=3,
        )
        for user, good in enumerate(votes, start=100):
            state.record_feedback(saved.key, user, good=good, now=now - ago)

    for _ in range(3):
        log("An old question", 10 * DAY, answered=True)
    log("An old unanswered question", 9 * DAY, answered=False, votes=(True,))
    log("An old unanswered question", 9 * DAY, answered=False)
    log("How many peacekeepers?", 3 * DAY, answered=True, votes=(True,))
    log("  WHAT'S the weather in paris??", 30 * HOUR, answered=False, votes=(False,))
    log("What's the weather in Paris", 29 * HOUR, answered=False)
    log("what is the belt and road initiative", 3 * HOUR, answered=True, votes=(False,))
    log("What is the Belt and Road initiative?", 2 * HOUR, answered=True, votes=(True, True))
    log("What's the weather in Paris?", 1 * HOUR, answered=False)


def test_question_key_ignores_case_spaces_and_end_punctuation() -> None:
    assert question_key("  WHAT'S the  weather in paris?? ") == question_key(
        "What's the weather in Paris"
    )
    assert question_key("peace?keeping") != question_key("peace keeping")


def test_usage_figures_of_a_known_log(tmp_path: Path) -> None:
    state = StateStore.open(tmp_path / "state.db")
    now = time.time()
    write_log(state, now)
    usage = state.usage(now)
    state.close()
    assert usage.day == PeriodCounts(questions=3, answered=2, declined=1, good=2, bad=1)
    assert usage.week == PeriodCounts(questions=6, answered=3, declined=3, good=3, bad=2)
    assert usage.all_time == PeriodCounts(questions=11, answered=6, declined=5, good=4, bad=2)
    # The latest wording of each question is shown; ties keep the order first asked.
    assert usage.top_asked == (
        ("What's the weather in Paris?", 3),
        ("What is the Belt and Road initiative?", 2),
        ("How many peacekeepers?", 1),
    )
    assert usage.top_declined == (("What's the weather in Paris?", 3),)


def test_an_empty_log_has_zero_figures(tmp_path: Path) -> None:
    state = StateStore.open(tmp_path / "state.db")
    usage = state.usage(time.time())
    state.close()
    assert usage.day == usage.week == usage.all_time == PeriodCounts()
    assert usage.top_asked == usage.top_declined == ()


async def test_stats_shows_the_figures_to_an_admin(admin_bot: Harness) -> None:
    library = services_of(admin_bot.app.bot_data).library
    write_log(admin_bot.state, time.time())
    (reply,) = await admin_bot.say("/stats", user_id=ADMIN_ID)
    assert html_problems(reply.text) == []
    assert visible(reply.text).split("\n") == [
        "How I am used",
        "Last 24 hours: 3 asked, 2 answered (67%; 0 of them with a doubt), 1 declined "
        "· 👍 2 · 👎 1",
        "Last 7 days: 6 asked, 3 answered (50%; 0 of them with a doubt), 3 declined · 👍 3 · 👎 2",
        "All time: 11 asked, 6 answered (55%; 0 of them with a doubt), 5 declined · 👍 4 · 👎 2",
        "",
        "Most asked in the last 7 days:",
        "3× What's the weather in Paris?",
        "2× What is the Belt and Road initiative?",
        "1× How many peacekeepers?",
        "",
        "Most asked that I could not answer in the last 7 days (what to add to the documents):",
        "3× What's the weather in Paris?",
        "",
        f"Corpus: 5 documents, {paragraphs(library)} paragraphs (as /sources and /reload count "
        f"them); answers quote {library.passage_count()} passages (a long paragraph in parts).",
    ]


def paragraphs(library: Library) -> int:
    return sum(document.paragraphs for document in library.documents())


async def test_stats_counts_the_paragraphs_the_reload_report_counts(admin_bot: Harness) -> None:
    # "Corpus: 8 documents, 161 passages" right after "Paragraphs: 159 before, 160 after": two
    # counts, and nothing said which was which.
    (progress,) = await admin_bot.say("/reload", user_id=ADMIN_ID)
    report = visible(admin_bot.request.final_text(progress))
    after = re.search(r"Paragraphs: \d+ before, (\d+) after\.", report)
    assert after is not None
    (reply,) = await admin_bot.say("/stats", user_id=ADMIN_ID)
    passages = services_of(admin_bot.app.bot_data).library.passage_count()
    assert passages != int(after[1])  # the shipped corpus has a paragraph quoted in parts
    assert visible(reply.text).endswith(
        f"Corpus: 5 documents, {after[1]} paragraphs (as /sources and /reload count them); "
        f"answers quote {passages} passages (a long paragraph in parts)."
    )


async def test_questions_asked_in_the_chat_count_at_once(admin_bot: Harness) -> None:
    await admin_bot.say("What is the Belt and Road initiative?")
    await admin_bot.say("how much capital did china put into the AIIB")  # hedged: not in them
    await admin_bot.say("what's the weather in paris tomorrow")
    (reply,) = await admin_bot.say("/stats")
    lines = visible(reply.text).split("\n")
    assert lines[1] == (
        "Last 24 hours: 3 asked, 2 answered (67%; 1 of them with a doubt), 1 declined · 👍 0 · 👎 0"
    )
    assert "1× what's the weather in paris tomorrow" in lines


async def test_questions_in_a_language_the_documents_lack_are_counted_by_language(
    admin_bot: Harness,
) -> None:
    # What they lack is documents in that language, not a subject: not among the questions
    # to add to the documents, but counted by language.
    await admin_bot.say("Какова позиция Китая по Украине?")
    await admin_bot.say("Что Китай думает о климате?")
    await admin_bot.say("中国对乌克兰的立场是什么？")
    await admin_bot.say("what's the weather in paris tomorrow")
    (reply,) = await admin_bot.say("/stats")
    assert html_problems(reply.text) == []
    lines = visible(reply.text).split("\n")
    declined = lines.index(
        "Most asked that I could not answer in the last 7 days (what to add to the documents):"
    )
    assert lines[declined + 1 : declined + 3] == ["1× what's the weather in paris tomorrow", ""]
    assert lines[declined + 3] == (
        "Questions of the last 7 days in languages none of the documents is written in "
        "(documents in those languages would answer them): Russian 2×, Chinese 1×"
    )
    assert not any("Китая" in line or "乌克兰" in line for line in lines[declined:])


# quotebot stats -------------------------------------------------------------------------------


@pytest.fixture
def isolated_settings(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Settings from the environment only, so a developer's .env changes nothing."""
    for setting in SETTINGS:
        monkeypatch.setenv(setting.key, setting.default)
    monkeypatch.setenv("TELEGRAM_BOT_TOKEN", "")
    monkeypatch.setenv("QUOTEBOT_DB", str(tmp_path / "default-should-not-be-used.db"))


@pytest.mark.usefixtures("isolated_settings")
def test_quotebot_stats_prints_the_same_figures(
    db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    state = StateStore.open(db_path)
    write_log(state, time.time())
    state.close()
    assert main(["stats", "--db", str(db_path)]) == 0
    out = capsys.readouterr().out
    # The text /stats sends, as plain text, and a line saying what is counted.
    assert (
        "Last 24 hours: 3 asked, 2 answered (67%; 0 of them with a doubt), 1 declined · 👍 2 · 👎 1"
        in out
    )
    assert (
        "All time: 11 asked, 6 answered (55%; 0 of them with a doubt), 5 declined · 👍 4 · 👎 2"
        in out
    )
    assert "3× What's the weather in Paris?\n2× What is the Belt and Road" in out
    assert "Corpus: 5 documents, " in out
    assert "<" not in out and "&" not in out
    assert out.rstrip().endswith("in Telegram and in the terminal are both counted.)")

    assert main(["stats", "--db", str(db_path), "--json"]) == 0
    figures = json.loads(capsys.readouterr().out)
    assert figures["day"] == {
        "questions": 3,
        "answered": 2,
        "declined": 1,
        "hedged": 0,
        "good": 2,
        "bad": 1,
    }
    assert figures["week"]["questions"] == 6 and figures["all_time"]["bad"] == 2
    assert figures["top_asked"][0] == {"question": "What's the weather in Paris?", "count": 3}
    assert figures["top_declined"] == [{"question": "What's the weather in Paris?", "count": 3}]
    assert figures["corpus"]["documents"] == 5 and figures["corpus"]["passages"] > 100
    assert 100 < figures["corpus"]["paragraphs"] != figures["corpus"]["passages"]


@pytest.mark.usefixtures("isolated_settings")
def test_quotebot_stats_without_a_database_is_one_line_on_stderr(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "none.db"
    assert main(["stats", "--db", str(missing)]) == 1
    out, err = capsys.readouterr()
    assert (
        out == ""
        and err == f"quotebot: no database at {missing} (the bot and `quotebot index` create it)\n"
    )
    assert not missing.exists()


@pytest.mark.usefixtures("isolated_settings")
def test_quotebot_stats_of_a_file_that_is_no_database(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    junk = tmp_path / "notes.db"
    junk.write_bytes(b"this is not SQLite" * 100)
    assert main(["stats", "--db", str(junk)]) == 1
    out, err = capsys.readouterr()
    assert out == "" and err.startswith("quotebot: ") and err.count("\n") == 1
