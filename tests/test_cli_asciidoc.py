"""``quotebot index`` over a folder of AsciiDoc documentation, as an admin brings it: every file is
indexed (none "unsupported type (.adoc)") and a question is answered from the right section.
Real pages: tests/ingest/fixtures/asciidoc (sources in tests/ingest/fixtures/SOURCES.md)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from bot.cli import main
from bot.settings import SETTINGS

FIXTURES = Path(__file__).parent / "ingest" / "fixtures" / "asciidoc"


@pytest.fixture(autouse=True)
def isolated_settings(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Every setting from the environment, nothing from a project .env or the user's cache."""
    for setting in SETTINGS:
        monkeypatch.setenv(setting.key, setting.default)
    monkeypatch.setenv("TELEGRAM_BOT_TOKEN", "")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    monkeypatch.setenv("LANG", "C.UTF-8")
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)


def test_a_folder_of_asciidoc_pages_is_indexed_and_answers(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    folder = tmp_path / "docs"
    folder.mkdir()
    names = ["asciidoctor-readme-excerpt.adoc", "spring-boot-data-initialization.adoc"]
    for name in names:
        shutil.copy(FIXTURES / name, folder / name)
    shutil.copy(FIXTURES / "asciidoctor-test-lists.adoc", folder / "lists.asciidoc")
    argv = ["--corpus", str(folder), "--db", str(tmp_path / "q.db")]
    assert main(["index", *argv]) == 0
    out = capsys.readouterr().out
    assert "Documents: 3 added" in out
    assert "unsupported" not in out and "Skipped" not in out
    question = "How do I install Asciidoctor on Alpine Linux?"
    assert main(["search", "--json", question, *argv]) == 0
    best = json.loads(capsys.readouterr().out)[0]
    assert (best["doc"], best["section"]) == (names[0], "apk (Alpine Linux)")
    assert best["above"] == ["Installation", "Linux package managers"]
    question = "How can I switch off the Spring Batch database initialization?"
    assert main(["search", "--json", question, *argv]) == 0
    best = json.loads(capsys.readouterr().out)[0]
    assert (best["doc"], best["section"]) == (names[1], "Initialize a Spring Batch Database")
