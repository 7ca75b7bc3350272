"""The corpus folder as admins change it: safe names, uploads checked by the library's own
pipeline, atomic writes; and reloads shared between those who ask for one at the same time."""

from __future__ import annotations

import asyncio
import threading
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot import corpus
from bot.reloads import Reloads
from bot.render.html import unbidi
from retrieval.ingest import pipeline
from retrieval.model import ReindexReport

SIGNS = set(" ._-()[]+,&'")


def is_safe(name: str) -> bool:
    """Letters, digits and marks of any script and a few plain signs; never hidden, never an
    option, never empty before its suffix."""
    stem, _, suffix = name.rpartition(".")
    if not stem or stem[0] in "._- " or not suffix.isascii() or not suffix.islower():
        return False
    return all(unicodedata.category(c)[0] in "LMN" or c in SIGNS for c in stem)


@pytest.mark.parametrize(
    ("uploaded", "saved"),
    [
        ("notes.txt", "notes.txt"),
        ("notes.MD", "notes.md"),
        ("../../etc/passwd", "passwd.txt"),
        ("..\\..\\windows\\win.txt", "win.txt"),
        ("/absolute/path/report.md", "report.md"),
        (".bashrc", "bashrc-407439a5.txt"),  # never hidden
        ("...", "document-6eae3a5b.txt"),
        ("", "document.txt"),
        ("a..b.txt", "a.b-be77e08b.txt"),
        # Letters of every script are letters: the name sent is the name saved.
        ("café crème.txt", "café crème.txt"),
        ("Доклад 2024.txt", "Доклад 2024.txt"),
        ("Отчёт о проекте 2024.txt", "Отчёт о проекте 2024.txt"),
        ("笔记.txt", "笔记.txt"),
        ("a?b.txt", "a_b-f74652f0.txt"),  # what Windows refuses goes, and the name says so
        ("evil\u202etxt.exe.md", "eviltxt.exe.md"),  # a right-to-left override
        ("page.html", "page.html"),  # saved as it came: the library reads HTML
        ("page.HTM", "page.htm"),
        ("figures.xlsx", "figures.txt"),
        ("x" * 300 + ".txt", "x" * (corpus.NAME_LIMIT - 9) + "-0de5bba9.txt"),
    ],
)
def test_safe_names(uploaded: str, saved: str) -> None:
    assert corpus.safe_name(uploaded) == saved


@given(st.text(max_size=300))
def test_a_safe_name_is_always_a_plain_document_name_in_the_folder(name: str) -> None:
    safe = corpus.safe_name(name)
    assert is_safe(safe), safe
    assert safe[safe.rindex(".") :] in pipeline.SUPPORTED_SUFFIXES
    assert ".." not in safe and len(safe) <= corpus.NAME_LIMIT + 5
    assert len(safe.encode("utf-8")) <= 255  # what a file name can hold
    folder = Path("/srv/corpus")
    assert (folder / safe).resolve().parent == folder
    assert corpus.safe_name(safe) == safe  # stable: a saved name is its own safe name


@pytest.mark.parametrize(
    "names",
    [
        ("笔记.txt", "报告.txt"),  # were both document.txt
        ("Отчёт.txt", "Доклад.txt"),  # were both document.txt
        ("Отчёт 2024.txt", "Доклад 2024.txt"),  # were both 2024.txt
        ("a?b.txt", "a*b.txt", "a_b.txt"),
        ("x" * 100 + "1.txt", "x" * 100 + "2.txt"),
    ],
)
def test_two_different_names_are_never_saved_as_one(names: tuple[str, ...]) -> None:
    saved = [corpus.safe_name(name) for name in names]
    assert len(set(saved)) == len(names), saved


@given(st.text(max_size=120), st.text(max_size=120))
def test_different_names_stay_different(one: str, other: str) -> None:
    if one.strip() != other.strip() and "/" not in one + other and "\\" not in one + other:
        same = corpus.safe_name(one) == corpus.safe_name(other)
        assert not same or _alike(one, other), (one, other)


def _alike(one: str, other: str) -> bool:
    """The differences a saved name may drop: the suffix's case, a missing or unread suffix
    (.txt is added), a name left empty (the default one), the same letters composed differently,
    bidi controls (dropped unmarked:
    "invoice\u202egpj.txt" is shown as "invoicetxt.jpg")."""

    def plain(name: str) -> str:
        name = unicodedata.normalize("NFC", unbidi(name))
        suffix = corpus.suffix_of(name)
        stem = name[: -len(suffix)] if suffix else name
        unread = suffix not in pipeline.SUPPORTED_SUFFIXES
        stem = stem or corpus.DEFAULT_STEM  # a file sent without a name is "document.txt"
        return stem if suffix in ("", ".txt") or unread else name.lower()

    return plain(one) == plain(other) or plain(one).lower() == plain(other).lower()


@pytest.mark.parametrize(
    ("name", "accepted"),
    [("a.txt", True), ("a.md", True), ("a.html", True), ("a", True), ("a.xlsx", False)],
)
def test_accepted_kinds(name: str, accepted: bool) -> None:
    assert corpus.is_accepted(name) is accepted


def test_prepare_upload_checks_what_the_library_would_skip() -> None:
    good = corpus.prepare_upload("../x/Notes.txt", b"Title\n\nA paragraph of text here.\n")
    assert (good.name, good.paragraphs) == ("Notes.txt", 1)
    html_page = b"<h1>T</h1><p>A paragraph of some text.</p>"
    checked = corpus.prepare_upload("p.html", html_page)
    assert (checked.name, checked.data, checked.paragraphs) == ("p.html", html_page, 1)
    for name, data, reason in [
        ("a.xlsx", b"PK", "not a file I can read"),
        ("a.txt", b"x" * (20 * 1024 * 1024 + 1), "too large"),
        ("a.txt", b"\x00\x01\x02\x03" * 100, "binary"),
        ("a.txt", b"   \n ", "empty"),
        ("a.html", b"<style>p {}</style>", "no main text"),
    ]:
        with pytest.raises(corpus.UploadError) as refused:
            corpus.prepare_upload(name, data)
        assert refused.value.reason.startswith(reason)


@pytest.mark.parametrize(
    ("name", "data", "renamed"),
    [
        ("notes.txt", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj", "notes.pdf"),
        ("report.pdf", b"Plain words about whales.\n", "report.txt"),
        ("page.html", b"<html><nav>Home</nav></html>", None),  # text, as a page is
        ("notes.txt", b"caf\x81\x8d text", None),  # nothing plain about it
        ("real.pdf", b"%PDF-1.7\n", None),
    ],
)
def test_a_refused_upload_named_as_another_kind_gets_the_name_its_contents_call_for(
    name: str, data: bytes, renamed: str | None
) -> None:
    assert corpus.renamed(name, data) == renamed


def test_writing_never_overwrites_unless_asked_and_leaves_no_temporary_files(
    tmp_path: Path,
) -> None:
    corpus.write_document(tmp_path, "a.txt", b"first", replace=False)
    with pytest.raises(FileExistsError):
        corpus.write_document(tmp_path, "a.txt", b"second", replace=False)
    assert (tmp_path / "a.txt").read_bytes() == b"first"
    corpus.write_document(tmp_path, "a.txt", b"second", replace=True)
    assert (tmp_path / "a.txt").read_bytes() == b"second"
    with pytest.raises(ValueError, match="not a safe document name"):
        corpus.write_document(tmp_path, "../b.txt", b"x", replace=True)
    assert [p.name for p in tmp_path.iterdir()] == ["a.txt"]


def test_find_and_remove_know_only_the_documents_of_the_folder(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("text")
    (tmp_path / "manifest.toml").write_text("")
    (tmp_path / ".hidden.txt").write_text("text")
    assert corpus.document_names(tmp_path) == ["a.txt"]
    assert corpus.find_document(tmp_path, "a.txt") == tmp_path / "a.txt"
    for name in ("manifest.toml", ".hidden.txt", "../a.txt", "", "."):
        assert corpus.find_document(tmp_path, name) is None
        assert corpus.remove_document(tmp_path, name) is False
    assert corpus.remove_document(tmp_path, "a.txt") and not (tmp_path / "a.txt").exists()
    assert corpus.document_names(tmp_path / "missing") == []


# Reloads ----------------------------------------------------------------------------------------


class CountingLibrary:
    """Stands in for the library: each reindex waits for the test, then reports its number."""

    def __init__(self) -> None:
        self.calls = 0
        self.entered = threading.Semaphore(0)
        self.release = threading.Semaphore(0)
        self.fail = False

    def reindex(self) -> ReindexReport:
        self.calls += 1
        self.entered.release()
        assert self.release.acquire(timeout=60)
        if self.fail:
            raise OSError("disk full")
        return ReindexReport(added=(f"run{self.calls}",))


async def entered(library: CountingLibrary) -> None:
    assert await asyncio.to_thread(library.entered.acquire, True, 60)


async def test_reloads_asked_for_while_one_runs_join_it() -> None:
    library = CountingLibrary()
    reloads = Reloads(library)  # type: ignore[arg-type]
    first = reloads.start()
    await entered(library)
    assert reloads.busy and reloads.start() is first
    library.release.release()
    assert (await first).added == ("run1",)
    assert library.calls == 1 and not reloads.busy


async def test_a_reload_after_a_change_runs_again_after_the_one_running() -> None:
    library = CountingLibrary()
    reloads = Reloads(library)  # type: ignore[arg-type]
    running = reloads.start()
    await entered(library)
    queued = reloads.start(after_change=True)
    assert queued is not running
    assert reloads.start(after_change=True) is queued  # later changes join the queued one
    assert reloads.start() is queued  # and so does a plain /reload meanwhile
    library.release.release()
    assert (await running).added == ("run1",)
    await entered(library)
    library.release.release()
    assert (await queued).added == ("run2",)
    assert library.calls == 2


async def test_a_failed_reload_fails_for_everyone_who_joined_it_and_the_next_one_runs() -> None:
    library = CountingLibrary()
    reloads = Reloads(library)  # type: ignore[arg-type]
    library.fail = True
    first = reloads.start()
    await entered(library)
    joined = reloads.start()
    library.release.release()
    for future in (first, joined):
        with pytest.raises(OSError, match="disk full"):
            await future
    library.fail = False
    again = reloads.start()
    assert again is not first
    await entered(library)
    library.release.release()
    assert (await again).added == ("run2",)
