"""bot.state: conversations, the query log and feedback in SQLite, across reopenings; the
migrations under the one mechanism of retrieval.store.db; the async facade off the loop."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlite_utils import Database

from bot.errors import StateError
from bot.state import MIGRATIONS, StateStore, queries


@pytest.fixture
def store(tmp_path: Path) -> StateStore:
    opened = StateStore.open(tmp_path / "quotebot.db")
    yield opened  # type: ignore[misc]
    opened.close()


def log(store: StateStore, question: str = "what treaty?", **kwargs: object) -> object:
    fields: dict[str, object] = {
        "asked_at": 1000.0,
        "chat_id": 1,
        "chat_type": "private",
        "user_id": 1,
        "question": question,
        "context": None,
        "query": question,
        "shown": ["d1-1", "d1-2", "d1-3"],
        "answered": True,
        "total": 10,
        "ms": 12,
    }
    fields.update(kwargs)
    return store.log_query(**fields)  # type: ignore[arg-type]


def test_schema_is_applied_once_and_the_file_is_in_wal_mode(tmp_path: Path) -> None:
    path = tmp_path / "quotebot.db"
    StateStore.open(path).close()
    again = StateStore.open(path)
    assert again.applied_migrations == [name for name, _ in MIGRATIONS]
    recorded = list(again.db.query("SELECT scope, name FROM _migrations WHERE scope = 'bot'"))
    assert len(recorded) == len(MIGRATIONS)  # each once
    assert next(again.db.query("PRAGMA journal_mode"))["journal_mode"] == "wal"
    again.close()


def test_a_folder_that_does_not_exist_is_refused_not_created(tmp_path: Path) -> None:
    with pytest.raises(StateError, match="folder does not exist"):
        StateStore.open(tmp_path / "nowhere" / "quotebot.db")
    assert not (tmp_path / "nowhere").exists()


def test_sqlite_errors_come_out_as_state_errors(store: StateStore) -> None:
    store.db.execute("DROP TABLE bot_conversations")
    with pytest.raises(StateError, match="no such table"):
        store.save_conversation(1, 10, "{}", now=1.0)


def test_conversation_is_kept_per_chat_and_user(store: StateStore) -> None:
    store.save_conversation(1, 10, '{"history": ["a"]}', now=100.0)
    store.save_conversation(1, 11, '{"history": ["b"]}', now=100.0)
    store.save_conversation(2, 10, '{"history": ["c"]}', now=100.0)
    assert store.load_conversation(1, 10, now=101.0, idle_seconds=60) == '{"history": ["a"]}'
    assert store.load_conversation(1, 11, now=101.0, idle_seconds=60) == '{"history": ["b"]}'
    assert store.load_conversation(2, 10, now=101.0, idle_seconds=60) == '{"history": ["c"]}'
    assert store.load_conversation(2, 11, now=101.0, idle_seconds=60) is None


def test_an_idle_conversation_expires(store: StateStore) -> None:
    store.save_conversation(1, 10, "{}", now=100.0)
    assert store.load_conversation(1, 10, now=160.0, idle_seconds=60) == "{}"
    assert store.load_conversation(1, 10, now=161.0, idle_seconds=60) is None
    store.save_conversation(1, 10, '{"history": ["new"]}', now=200.0)  # a new one replaces it
    assert store.load_conversation(1, 10, now=201.0, idle_seconds=60) == '{"history": ["new"]}'
    assert store.db["bot_conversations"].count == 1


def test_forgetting_a_conversation(store: StateStore) -> None:
    store.save_conversation(1, 10, "{}", now=100.0)
    assert store.forget_conversation(1, 10) is True
    assert store.forget_conversation(1, 10) is False
    assert store.load_conversation(1, 10, now=100.0, idle_seconds=60) is None


def test_logged_questions_get_short_distinct_keys_and_survive_reopening(tmp_path: Path) -> None:
    path = tmp_path / "quotebot.db"
    first = StateStore.open(path)
    saved = [log(first, f"question {n}") for n in range(50)]
    first.close()
    keys = {s.key for s in saved}  # type: ignore[attr-defined]
    assert len(keys) == 50 and all(len(key) <= 12 for key in keys)
    reopened = StateStore.open(path)
    found = reopened.search(saved[7].key)  # type: ignore[attr-defined]
    assert found is not None and found.question == "question 7"
    assert found.shown == ("d1-1", "d1-2", "d1-3") and found.next_offset == 3
    assert reopened.search("nope") is None
    reopened.close()


def test_query_log_row_holds_what_the_issue_asks_for(store: StateStore) -> None:
    log(store, "why?", chat_type="private", answered=False, ms=42, asked_at=1234.5)
    row = next(store.db.query("SELECT * FROM bot_queries"))
    assert row["asked_at"] == 1234.5
    assert row["chat_type"] == "private"
    assert row["question"] == "why?"
    assert row["shown"] == '["d1-1", "d1-2", "d1-3"]'
    assert row["answered"] == 0
    assert row["ms"] == 42


def test_latest_search_is_per_chat_and_user(store: StateStore) -> None:
    log(store, "mine, first", chat_id=1, user_id=10)
    log(store, "mine, last", chat_id=1, user_id=10)
    log(store, "someone else's", chat_id=1, user_id=11)
    log(store, "another chat", chat_id=2, user_id=10)
    latest = store.latest_search(1, 10)
    assert latest is not None and latest.question == "mine, last"
    assert store.latest_search(3, 10) is None


def test_pages_add_the_passages_shown_and_move_the_next_offset(store: StateStore) -> None:
    saved = log(store)
    key = saved.key  # type: ignore[attr-defined]
    store.record_page(key, ["d1-4", "d1-5", "d1-6"], 6)
    store.record_page(key, ["d1-4"], 4)  # an old "More results" pressed again
    found = store.search(key)
    assert found is not None
    assert found.shown == ("d1-1", "d1-2", "d1-3", "d1-4", "d1-5", "d1-6")
    assert found.next_offset == 6


def test_feedback_attaches_to_the_question_and_the_latest_vote_counts(store: StateStore) -> None:
    key = log(store).key  # type: ignore[attr-defined]
    assert store.record_feedback(key, 10, good=True, now=1.0)
    assert store.record_feedback(key, 10, good=False, now=2.0)
    assert store.record_feedback(key, 11, good=True, now=3.0)
    assert store.feedback(key) == {10: -1, 11: 1}
    assert store.record_feedback("unknown", 10, good=True, now=4.0) is False


def test_the_library_and_the_store_share_one_file(tmp_path: Path) -> None:
    path = tmp_path / "quotebot.db"
    other = sqlite3.connect(path)
    other.execute("CREATE TABLE passages (id TEXT)")
    other.commit()
    store = StateStore.open(path)
    log(store)
    assert {"passages", "bot_queries"} <= set(store.db.table_names())
    store.close()
    other.close()


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.text(max_size=4096), st.one_of(st.none(), st.text(max_size=200)))
def test_any_question_round_trips(store: StateStore, question: str, context: str | None) -> None:
    saved = log(store, question, context=context)
    found = store.search(saved.key)  # type: ignore[attr-defined]
    assert found is not None
    assert (found.question, found.context) == (question, context)


def test_an_answer_message_leads_back_to_its_question_after_reopening(tmp_path: Path) -> None:
    path = tmp_path / "quotebot.db"
    first = StateStore.open(path)
    asked = log(first, "what treaty?", chat_id=-100, context="the one before")
    other = log(first, "who signed?", chat_id=-100)
    first.remember_answer(-100, 7, asked.key)  # type: ignore[attr-defined]
    first.remember_answer(-100, 8, other.key)  # type: ignore[attr-defined]
    first.remember_answer(-100, 9, "unknown-key")  # nothing to remember
    first.close()
    store = StateStore.open(path)
    found = store.answered_by(-100, 7)
    assert found is not None and (found.question, found.context) == (
        "what treaty?",
        "the one before",
    )
    again = store.answered_by(-100, 8)
    assert again is not None and again.question == "who signed?"
    assert store.answered_by(-100, 9) is None
    assert store.answered_by(-200, 7) is None  # message ids are per chat
    store.close()


def test_a_posted_passage_s_subject_is_kept_after_reopening(tmp_path: Path) -> None:
    path = tmp_path / "quotebot.db"
    first = StateStore.open(path)
    first.remember_post(-100, 7, "Regional Security Cooperation", now=1.0)
    first.remember_post(-100, 7, "peacekeepers", now=2.0)  # the same message: the latest
    first.close()
    store = StateStore.open(path)
    assert store.post_subject(-100, 7) == "peacekeepers"
    assert store.post_subject(-200, 7) is None  # message ids are per chat
    store.close()


def test_a_database_of_the_first_schema_is_brought_up_to_date(tmp_path: Path) -> None:
    # As the bot's own migration runner left it: version 1 recorded in bot_schema.
    path = tmp_path / "quotebot.db"
    old = Database(sqlite3.connect(str(path)))
    old.execute("CREATE TABLE bot_schema (version INTEGER PRIMARY KEY)")
    MIGRATIONS[0][1](old)
    old.execute("INSERT INTO bot_schema (version) VALUES (1)")
    old.execute(
        "INSERT INTO bot_queries (key, asked_at, chat_id, chat_type, user_id, question, shown, "
        "answered, total, ms, next_offset) VALUES "
        "('oldkey12', 1.0, 1, 'private', 1, 'kept?', '[]', 1, 0, 3, 0)"
    )
    old.conn.commit()
    old.close()
    store = StateStore.open(path)
    assert store.applied_migrations == [name for name, _ in MIGRATIONS]
    saved = store.search("oldkey12")
    assert saved is not None
    store.remember_answer(1, 5, saved.key)  # type: ignore[attr-defined]
    found = store.answered_by(1, 5)
    assert found is not None and found.question == "kept?"
    store.close()


def test_a_link_is_looked_for_among_the_latest_questions_only(
    store: StateStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Anyone can type /start p_<id>: one never shown must not read the whole log, however long.
    monkeypatch.setattr(queries, "SHOWN_LOOKED_BACK", 3)
    log(store, "first", shown=["old_doc-4"])
    for number in range(3):
        log(store, f"later {number}", shown=[f"recent_doc-{number}"])
    assert store.ever_shown("recent_doc-0") and store.ever_shown("recent_doc-2")
    assert not store.ever_shown("old_doc-4")  # shown before the latest three
    assert not store.ever_shown("never-1")
