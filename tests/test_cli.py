"""The ``quotebot`` command line, called in-process as a user would run it."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from bot.cli import main
from bot.settings import SETTINGS

DOC_002 = "002_a3dcc854a06e902a.txt"
DOC_004 = "004_ac3189a7eefc069c.txt"

SEARCH_KEYS = {"id", "doc", "title", "section", "paragraph", "score", "text", "excerpt"}
EVAL_KEYS = {
    "n",
    "hit@1",
    "hit@3",
    "hit@5",
    "mrr@10",
    "unanswerable_declined",
    "answerable_declined",
    "by_kind",
    "questions",
}


@pytest.fixture(autouse=True)
def isolated_settings(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Every setting comes from the environment, so a project .env cannot leak in; no token,
    so nothing ever talks to Telegram; the database and corpus defaults point nowhere useful."""
    for setting in SETTINGS:
        monkeypatch.setenv(setting.key, setting.default)
    monkeypatch.setenv("TELEGRAM_BOT_TOKEN", "")  # set empty: unset would let .env supply one
    monkeypatch.setenv("QUOTEBOT_DB", str(tmp_path / "default-should-not-be-used.db"))
    monkeypatch.setenv("QUOTEBOT_CORPUS", str(tmp_path / "default-should-not-be-used"))


@pytest.fixture
def paths(shipped_corpus: Path, tmp_path: Path) -> list[str]:
    return ["--corpus", str(shipped_corpus), "--db", str(tmp_path / "cli.db")]


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def unmarked(text: str) -> str:
    """The output without its ``**`` marks and line wrapping."""
    return " ".join(text.replace("**", "").split())


def assert_one_line_error(code: int, out: str, err: str, message: str) -> None:
    assert code != 0
    assert out == ""
    assert err.startswith("quotebot: ")
    assert err.count("\n") == 1
    assert message in err
    assert "Traceback" not in err


# ------------------------------------------------------------------------------ ask
def test_ask_prints_the_quote_and_its_citation(
    capsys: pytest.CaptureFixture[str], paths: list[str]
) -> None:
    code, out, err = run(
        capsys, "ask", "What do China and Russia say about missile defence?", *paths
    )
    assert (code, err) == (0, "")
    first = out.split("Also relevant:")[0]
    assert "“The two sides believe that the establishment of a global **anti-missile system**" in (
        " ".join(first.split())
    )
    assert "— China–Russia Joint Statement on Major International Issues › ¶ 16" in first
    assert f"[{DOC_002}, id 002_a3dcc854a06e902a-16]" in first
    assert "  2. “" in out
    assert "matching passages shown; /more for the next ones" in out


def test_ask_cites_section_and_paragraph(
    capsys: pytest.CaptureFixture[str], paths: list[str]
) -> None:
    code, out, _ = run(capsys, "ask", "how many policemen did china send since 2000", *paths)
    assert code == 0
    assert "China has sent 404 policemen" in unmarked(out)
    assert "**policemen**" in out
    assert "› Participating in UN Peacekeeping Operations › ¶ 16" in out
    assert f"[{DOC_004}, id 004_ac3189a7eefc069c-16]" in out


def test_ask_with_context_answers_a_follow_up(
    capsys: pytest.CaptureFixture[str], paths: list[str]
) -> None:
    code, out, _ = run(
        capsys,
        "ask",
        "how many rounds since then?",
        "--context",
        "When did China and France start their strategic dialogue?",
        *paths,
    )
    assert code == 0
    assert out.startswith(
        "(searched: how many rounds since then? "
        "(following: When did China and France start their strategic dialogue?))"
    )
    assert "have since held six rounds of such consultation" in unmarked(out)
    assert "**rounds**" in out


def test_ask_says_plainly_when_the_documents_do_not_answer(
    capsys: pytest.CaptureFixture[str], paths: list[str]
) -> None:
    code, out, _ = run(capsys, "ask", "when did china join the WTO", *paths)
    assert code == 0
    assert out.startswith("I couldn't find this in the documents")
    assert "The closest passages, which may not answer it:" in out
    code, out, _ = run(capsys, "ask", "recipe for kung pao chicken", *paths)
    assert code == 0
    assert out.startswith("I couldn't find anything about this in the documents")


# ------------------------------------------------------------------------------ search
def test_search_json_lists_ranked_passages_with_exactly_the_documented_keys(
    capsys: pytest.CaptureFixture[str], paths: list[str]
) -> None:
    code, out, err = run(capsys, "search", "peacekeeping", "--json", "--k", "4", *paths)
    assert (code, err) == (0, "")
    results = json.loads(out)
    assert isinstance(results, list)
    assert len(results) == 4
    for item in results:
        assert set(item) == SEARCH_KEYS
        assert item["excerpt"].strip("… ") in item["text"]
        assert isinstance(item["score"], float)
        assert isinstance(item["paragraph"], int)
    assert results[0]["doc"] == DOC_004
    assert results[0]["section"] == "Participating in UN Peacekeeping Operations"
    assert results[0]["title"].startswith("China's National Defense in 2004")
    assert len({item["id"] for item in results}) == 4


def test_search_without_json_prints_one_line_per_passage(
    capsys: pytest.CaptureFixture[str], paths: list[str]
) -> None:
    code, out, _ = run(capsys, "search", "peacekeeping", "--k", "3", *paths)
    assert code == 0
    lines = out.splitlines()
    assert len(lines) == 3
    assert lines[0].startswith("  1. ")
    assert "004_ac3189a7eefc069c-" in lines[0]


# ------------------------------------------------------------------------------ eval
@pytest.fixture
def question_file(tmp_path: Path) -> Path:
    path = tmp_path / "questions.jsonl"
    items = [
        {"id": "q1", "question": "how many policemen did china send since 2000",
         "doc": DOC_004, "gold": "404 policemen", "kind": "number"},
        {"id": "q2", "question": "how many rounds since then?", "doc": DOC_004,
         "gold": "six rounds", "kind": "followup",
         "context": "When did China and France start their strategic dialogue?"},
        {"id": "q3", "question": "recipe for kung pao chicken", "kind": "offtopic"},
    ]  # fmt: skip
    path.write_text("\n".join(json.dumps(i) for i in items) + "\n", encoding="utf-8")
    return path


def test_eval_json_prints_the_documented_keys(
    capsys: pytest.CaptureFixture[str], paths: list[str], question_file: Path
) -> None:
    code, out, err = run(capsys, "eval", str(question_file), "--json", *paths)
    assert (code, err) == (0, "")
    report = json.loads(out)
    assert set(report) == EVAL_KEYS
    assert report["n"] == 3
    assert report["hit@1"] == 1.0
    assert report["unanswerable_declined"] == 1.0
    assert report["answerable_declined"] == 0.0
    assert set(report["by_kind"]) == {"number", "followup", "offtopic"}
    assert [q["id"] for q in report["questions"]] == ["q1", "q2", "q3"]
    for row in report["questions"]:
        assert set(row) == {"id", "rank", "declined", "results"}
    assert report["questions"][0]["rank"] == 1
    assert report["questions"][2] == {"id": "q3", "rank": None, "declined": True, "results": []}


def test_eval_prints_a_table(
    capsys: pytest.CaptureFixture[str], paths: list[str], question_file: Path
) -> None:
    code, out, _ = run(capsys, "eval", str(question_file), *paths)
    assert code == 0
    assert out.startswith("questions 3   hit@1 1.000")
    assert "unanswerable declined 100%   answerable declined 0%" in out
    assert "followup" in out


def test_eval_of_plain_rank_bm25_never_declines(
    capsys: pytest.CaptureFixture[str], paths: list[str], question_file: Path
) -> None:
    code, out, _ = run(
        capsys, "eval", str(question_file), "--json", "--engine", "rank-bm25", *paths
    )
    assert code == 0
    report = json.loads(out)
    assert report["n"] == 3
    assert report["unanswerable_declined"] == 0.0


def test_eval_of_a_malformed_file_names_the_line(
    capsys: pytest.CaptureFixture[str], paths: list[str], tmp_path: Path
) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "a", "question": "fine"}\n{oops\n', encoding="utf-8")
    code, out, err = run(capsys, "eval", str(bad), *paths)
    assert_one_line_error(code, out, err, "bad.jsonl:2: not a question")


# ------------------------------------------------------------------------------ index and sources
def test_index_prints_what_changed(capsys: pytest.CaptureFixture[str], paths: list[str]) -> None:
    code, out, err = run(capsys, "index", *paths)
    assert (code, err) == (0, "")
    assert out.startswith("Indexed ")
    assert "added 5, changed 0, removed 0, unchanged 0" in out
    assert "passages: 0 before, 132 after" in out
    code, out, _ = run(capsys, "index", *paths)
    assert code == 0
    assert "added 0, changed 0, removed 0, unchanged 5" in out
    assert "passages: 132 before, 132 after" in out


def test_index_names_skipped_files(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "good.txt").write_text(
        "Harbour Report\n\nThe harbour needs deeper berths for larger cargo ships.\n", "utf-8"
    )
    (folder / "photo.txt").write_bytes(b"\x89PNG\x00\x00" * 50)
    code, out, _ = run(capsys, "index", "--corpus", str(folder), "--db", str(tmp_path / "q.db"))
    assert code == 0
    assert "  added: good.txt" in out
    assert "  skipped photo.txt: binary, not text" in out


def test_sources_lists_the_documents(capsys: pytest.CaptureFixture[str], paths: list[str]) -> None:
    code, out, _ = run(capsys, "sources", *paths)
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "The documents I quote from:"
    assert len(lines) == 6
    assert (
        "China–Russia Joint Statement on Major International Issues, 2008-05-23 — 28 paragraphs"
        in out
    )


# ------------------------------------------------------------------------------ errors
def test_missing_corpus_folder_is_a_one_line_error(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, out, err = run(
        capsys,
        "ask",
        "peace",
        "--corpus",
        str(tmp_path / "nowhere"),
        "--db",
        str(tmp_path / "q.db"),
    )
    assert_one_line_error(code, out, err, "the folder does not exist")


@pytest.mark.parametrize("question", ["   ", "?!"])
def test_empty_question_is_a_one_line_error(
    capsys: pytest.CaptureFixture[str], paths: list[str], question: str
) -> None:
    code, out, err = run(capsys, "ask", question, *paths)
    assert_one_line_error(code, out, err, "Please type a question")


def test_question_of_common_words_is_a_one_line_error(
    capsys: pytest.CaptureFixture[str], paths: list[str]
) -> None:
    code, out, err = run(capsys, "search", "what is it?", "--json", *paths)
    assert_one_line_error(code, out, err, "only very common words")


def test_too_long_question_is_a_one_line_error(
    capsys: pytest.CaptureFixture[str], paths: list[str]
) -> None:
    code, out, err = run(capsys, "ask", "peace " * 1000, *paths)
    assert_one_line_error(code, out, err, "5999 characters long; please keep it under 5000")


def test_database_that_is_not_sqlite_is_a_one_line_error(
    capsys: pytest.CaptureFixture[str], shipped_corpus: Path, tmp_path: Path
) -> None:
    db = tmp_path / "broken.db"
    db.write_bytes(b"not a database" * 100)
    code, out, err = run(capsys, "ask", "peace", "--corpus", str(shipped_corpus), "--db", str(db))
    assert_one_line_error(code, out, err, "cannot open the database")


def test_missing_question_file_is_a_one_line_error(
    capsys: pytest.CaptureFixture[str], paths: list[str], tmp_path: Path
) -> None:
    code, out, err = run(capsys, "eval", str(tmp_path / "missing.jsonl"), *paths)
    assert_one_line_error(code, out, err, "cannot read")


def test_bad_setting_is_a_one_line_usage_error(
    capsys: pytest.CaptureFixture[str], paths: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LOG_LEVEL", "LOUD")
    code, out, err = run(capsys, "ask", "peace", *paths)
    assert code == 2
    assert_one_line_error(code, out, err, "LOG_LEVEL must be")


def test_unknown_command_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["frobnicate"])
    assert caught.value.code == 2
    assert "invalid choice" in capsys.readouterr().err


# ------------------------------------------------------------------------------ chat
def test_chat_answers_follows_up_pages_resets_and_quits(
    capsys: pytest.CaptureFixture[str], paths: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    script = (
        "When did China and France start their strategic dialogue?\n"
        "how many rounds since then?\n"
        "/more\n"
        "\n"
        "/reset\n"
        "/more\n"
        "/quit\n"
        "this line is never read\n"
    )
    monkeypatch.setattr("sys.stdin", io.StringIO(script))
    code, out, err = run(capsys, "chat", *paths)
    assert (code, err) == (0, "")
    assert out.startswith(
        "quotebot — ask a question about the documents (5 documents, 132 passages)."
    )
    turns = out.split("\n? ")[1:]
    assert [t.splitlines()[0] for t in turns] == [
        "When did China and France start their strategic dialogue?",
        "how many rounds since then?",
        "/more",
        "/reset",
        "/more",
        "/quit",
    ]
    assert "China and France established the relationship of strategic dialogue in 1997" in (
        unmarked(turns[0])
    )
    assert "**France**" in turns[0]
    assert "(searched: how many rounds since then? (following:" in turns[1]
    assert "have since held six rounds of such consultation" in unmarked(turns[1])
    assert "**rounds**" in turns[1]
    assert "  4. “" in turns[2]  # the next results after the three shown
    assert "  1. “" not in turns[2]
    assert "Conversation forgotten" in turns[3]
    assert "Ask a question first" in turns[4]
    assert out.rstrip().endswith("Bye.")
    assert "this line is never read" not in out


def test_run_without_a_token_starts_the_terminal_chat(
    capsys: pytest.CaptureFixture[str], paths: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("peacekeeping\n"))
    code, out, _ = run(capsys, "run", *paths)
    assert code == 0
    assert out.startswith("No TELEGRAM_BOT_TOKEN is set")
    assert "peacekeeping" in out
    assert out.rstrip().endswith("Bye.")


def test_a_database_in_a_folder_that_does_not_exist_is_refused(
    tmp_path: Path, shipped_corpus: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "no-such-folder" / "x.db"
    code, out, err = run(
        capsys, "ask", "peacekeeping", "--db", str(db), "--corpus", str(shipped_corpus)
    )
    assert_one_line_error(code, out, err, "folder does not exist")
    assert not db.parent.exists()
