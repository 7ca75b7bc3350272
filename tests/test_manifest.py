"""Mistakes in ``manifest.toml`` are named, line by line, in the refresh's report; what can't be
used is left out, and nothing else changes: the other entries and files go ahead."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from retrieval.ingest import refresh
from retrieval.library import Library
from retrieval.model import ReindexReport

MakeCorpus = Callable[..., Path]
ALPHA = "Alpha Harbour Report\n\nThe harbour committee met in spring to expand the port.\n"
BETA = "Beta Orchard Notes\n\nThe apple harvest in the northern valley begins in September.\n"


def indexed(folder: Path, db: Path) -> tuple[ReindexReport, dict[str, tuple[str, str | None]]]:
    library = Library.open(db, folder)
    try:
        report = library.last_report
        assert report is not None
        return report, {d.doc: (d.title, d.date) for d in library.documents()}
    finally:
        library.close()


def problems(report: ReindexReport) -> list[str]:
    assert all(s.doc != "manifest.toml" for s in report.skipped)  # not a file skipped
    return list(report.manifest_problems)


@pytest.mark.parametrize(
    ("manifest", "said"),
    [
        (
            '["alpha.txt"]\ntitle = "Harbour"\n\n["report.pdf"]\ntitle = "Gone"\n',
            "line 4: 'report.pdf' is listed but no such file",
        ),
        (
            '["alpha.txt"]\ntitle = "Harbour"\n\n["Beta.txt"]\ntitle = "Fruit"\n',
            "line 4: 'Beta.txt' is listed but no such file (did you mean 'beta.txt'?)",
        ),
        (
            '["alpha.txt"]\ntitle = "Harbour"\ndate = "last spring"\n',
            "line 3: date 'last spring' is not a date (use 2024-05-01, or 2024-05, or 2024)",
        ),
        (
            '["alpha.txt"]\ntitle = "Harbour"\npublisher = "Port"\n',
            "line 3: 'publisher' of 'alpha.txt' is not used (a file can have title, date, source,"
            " author)",
        ),
        (
            '["alpha.txt"]\ntitle = "Harbour"\ntitel = "Harbour"\n',
            "line 3: 'titel' of 'alpha.txt' is not used (did you mean 'title'? a file can have "
            "title, date, source, author)",
        ),
        (
            '["alpha.txt"]\ntitle = "Harbour"\n\n[beta.txt]\ntitle = "Fruit"\n',
            'line 4: put the file name in quotes: ["beta.txt"]',
        ),
        (
            '["alpha.txt"]\ntitle = "Harbour"\nmeta.source = "Port"\n',
            "line 3: 'meta.source' of 'alpha.txt' is not used (did you mean 'source'? a file can "
            "have title, date, source, author)",
        ),
        (
            '["alpha.txt"]\ntitle = "Harbour"\ndate = {year = 2019}\n',
            'line 3: date should be text: date = "…"',
        ),
        (
            'beta.txt.title = "Fruit"\n\n["alpha.txt"]\ntitle = "Harbour"\n',
            'line 1: put the file name in quotes: ["beta.txt"]',
        ),
        (
            '["alpha.txt"]\ntitle = "Harbour"\ndate = "31 February 2019"\n',
            "line 3: date '31 February 2019' is not a date (use 2024-05-01, or 2024-05, or 2024)",
        ),
    ],
    ids=[
        "no such file",
        "a near name",
        "not a date",
        "unknown key",
        "a typo",
        "bare name",
        "a dotted key",  # was told to quote "alpha.txt.meta", and the whole entry left out
        "an inline table",
        "a dotted name",
        "no such day",  # was taken for a date
    ],
)
def test_a_mistake_is_named_with_its_line_and_the_rest_is_used(
    make_corpus: MakeCorpus, tmp_path: Path, manifest: str, said: str
) -> None:
    folder = make_corpus({"alpha.txt": ALPHA, "beta.txt": BETA, "manifest.toml": manifest})
    report, documents = indexed(folder, tmp_path / "q.db")
    assert problems(report) == [said]
    assert documents["alpha.txt"] == ("Harbour", None)  # the good entry is used, the bad left out
    assert documents["beta.txt"][0] == "Beta Orchard Notes"
    assert report.added == ("alpha.txt", "beta.txt")


@pytest.mark.parametrize(
    "date", ["2004", "2004-12", "2004-12-27", "December 2004", "27 December 2004"]
)
def test_dates_as_people_write_them_are_dates(
    make_corpus: MakeCorpus, tmp_path: Path, date: str
) -> None:
    folder = make_corpus({"alpha.txt": ALPHA, "manifest.toml": f'["alpha.txt"]\ndate = "{date}"\n'})
    report, documents = indexed(folder, tmp_path / "q.db")
    assert problems(report) == []
    assert documents["alpha.txt"][1] == date


def test_a_toml_date_is_a_date(make_corpus: MakeCorpus, tmp_path: Path) -> None:
    folder = make_corpus(
        {"alpha.txt": ALPHA, "manifest.toml": '["alpha.txt"]\ndate = 2024-05-01\n'}
    )
    report, documents = indexed(folder, tmp_path / "q.db")
    assert problems(report) == [] and documents["alpha.txt"][1] == "2024-05-01"


@pytest.mark.parametrize(
    ("manifest", "said"),
    [
        ('["alpha.txt"\ntitle = "x"\n', "line 1: not valid TOML (expected ']' at the end of"),
        ("[sub/alpha.txt]\n", 'put the file name in quotes, ["sub/alpha.txt"]'),
        ('["alpha.txt"]\ntitle = Harbour Plan\n', 'put the text in quotes, title = "Harbour Plan"'),
    ],
    ids=["unclosed", "a path without quotes", "text without quotes"],
)
def test_a_syntax_error_is_named_and_costs_nothing(
    make_corpus: MakeCorpus, tmp_path: Path, manifest: str, said: str
) -> None:
    folder = make_corpus(
        {"alpha.txt": ALPHA, "manifest.toml": '["alpha.txt"]\ntitle = "Harbour"\ndate = "2019"\n'}
    )
    db = tmp_path / "q.db"
    indexed(folder, db)
    (folder / "manifest.toml").write_text(manifest, encoding="utf-8")
    (folder / "beta.txt").write_text(BETA, encoding="utf-8")
    report, documents = indexed(folder, db)
    (problem,) = problems(report)
    assert said in problem and "until it is fixed" in problem
    assert documents == {"alpha.txt": ("Harbour", "2019"), "beta.txt": ("Beta Orchard Notes", None)}
    assert report.added == ("beta.txt",) and report.unchanged == ("alpha.txt",)


def test_a_manifest_that_is_not_utf8_is_named(make_corpus: MakeCorpus, tmp_path: Path) -> None:
    folder = make_corpus({"alpha.txt": ALPHA, "manifest.toml": b'["alpha.txt"]\ntitle = "\xe9"\n'})
    report, documents = indexed(folder, tmp_path / "q.db")
    assert problems(report) == [
        "it is not UTF-8 text: save it as UTF-8; until it is fixed, the documents keep the "
        "titles, dates and sources they had"
    ]
    assert documents == {"alpha.txt": ("Alpha Harbour Report", None)}


def test_a_manifest_saved_with_a_byte_order_mark_is_read(
    make_corpus: MakeCorpus, tmp_path: Path
) -> None:
    manifest = '\ufeff["alpha.txt"]\ntitle = "Harbour"\n'.encode()  # as Notepad saves UTF-8
    folder = make_corpus({"alpha.txt": ALPHA, "manifest.toml": manifest})
    report, documents = indexed(folder, tmp_path / "q.db")
    assert problems(report) == [] and documents["alpha.txt"][0] == "Harbour"


def test_examples_that_are_not_a_list_are_named(make_corpus: MakeCorpus, tmp_path: Path) -> None:
    folder = make_corpus({"alpha.txt": ALPHA, "manifest.toml": 'examples = "What is it?"\n'})
    report, _ = indexed(folder, tmp_path / "q.db")
    assert problems(report) == [
        'line 1: examples should be a list of questions: examples = ["…", "…"]'
    ]


@pytest.mark.parametrize(
    ("files", "written_by"),
    [
        ({"manifest.toml": '["alpha.txt"]\nauthor = "Hannah Ostrova"\n'}, "the manifest"),
        (
            {"alpha.txt": f"Title: Harbour\nAuthor: Hannah Ostrova\nDate: 2024-05-01\n\n{ALPHA}"},
            "its header",
        ),
    ],
)
def test_a_question_naming_the_author_is_about_her_document(
    make_corpus: MakeCorpus, tmp_path: Path, files: dict[str, str], written_by: str
) -> None:
    # The report never names its writer: asked by her name, it was declined as about someone
    # no document holds.
    folder = make_corpus({"alpha.txt": ALPHA, "beta.txt": BETA, **files})
    library = Library.open(tmp_path / "q.db", folder)
    try:
        answer = library.answer("What does Ostrova say the committee wants for the port?")
        assert answer.outcome != "declined", written_by
        assert answer.hits[0].passage.doc == "alpha.txt"
        assert answer.hits[0].passage.author == "Hannah Ostrova"
        assert {d.doc: d.author for d in library.documents()}["alpha.txt"] == "Hannah Ostrova"
    finally:
        library.close()


def test_the_shipped_manifest_has_no_mistakes(shipped_library: Library) -> None:
    report = shipped_library.last_report
    assert report is not None and report.skipped == () and report.manifest_problems == ()


def test_entries_left_behind_by_a_moved_folder_point_to_where_the_files_went(
    make_corpus: MakeCorpus, tmp_path: Path
) -> None:
    # Only the first stale entries are compared with every file by likeness (that took 28 s
    # for 300 entries and 3,000 files, at every reload); the others still get the file of the
    # same name.
    stale = "".join(f'["docs/part-{i:03d}.txt"]\ntitle = "Part {i}"\n\n' for i in range(40))
    folder = make_corpus({"manifest.toml": stale})
    (folder / "guide").mkdir()
    for i in range(40):
        (folder / "guide" / f"part-{i:03d}.txt").write_text(ALPHA, encoding="utf-8")
    report, _ = indexed(folder, tmp_path / "q.db")
    said = problems(report)
    assert len(said) == 40
    assert "did you mean 'guide/part-039.txt'?" in said[-1]


BROKEN = '["alpha.txt"\ntitle = "unclosed'


def test_a_new_parser_reads_every_file_again_while_the_manifest_is_broken(
    make_corpus: MakeCorpus, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The parser version hid inside the manifest's part of the fingerprint: with the manifest
    # broken, a new reader version read nothing again, and served the old parser's passages.
    manifest = '["alpha.txt"]\ntitle = "Harbour"\ndate = "2019"\n'
    folder = make_corpus({"alpha.txt": ALPHA, "beta.txt": BETA, "manifest.toml": manifest})
    db = tmp_path / "q.db"
    current = refresh.PARSER_VERSION
    monkeypatch.setattr(refresh, "PARSER_VERSION", "older")
    indexed(folder, db)
    monkeypatch.setattr(refresh, "PARSER_VERSION", current)
    (folder / "manifest.toml").write_text(BROKEN, encoding="utf-8")
    report, documents = indexed(folder, db)
    assert report.changed == ("alpha.txt", "beta.txt") and len(report.manifest_problems) == 1
    # read again, each keeps what the manifest said before it broke
    assert documents == {"alpha.txt": ("Harbour", "2019"), "beta.txt": ("Beta Orchard Notes", None)}
    report, _ = indexed(folder, db)
    assert report.unchanged == ("alpha.txt", "beta.txt")  # once
    (folder / "manifest.toml").write_text(manifest, encoding="utf-8")
    report, documents = indexed(folder, db)  # fixed as it was: nothing to read again
    assert report.unchanged == ("alpha.txt", "beta.txt") and report.manifest_problems == ()


def test_a_changed_file_keeps_its_title_while_the_manifest_is_broken(
    make_corpus: MakeCorpus, tmp_path: Path
) -> None:
    manifest = '["alpha.txt"]\ntitle = "Harbour"\n'
    folder = make_corpus({"alpha.txt": ALPHA, "manifest.toml": manifest})
    db = tmp_path / "q.db"
    indexed(folder, db)
    (folder / "manifest.toml").write_text(BROKEN, encoding="utf-8")
    (folder / "alpha.txt").write_text(ALPHA + "\nThe new quay opens in June.\n", encoding="utf-8")
    report, documents = indexed(folder, db)
    assert report.changed == ("alpha.txt",) and documents["alpha.txt"] == ("Harbour", None)


def _fingerprint_of_the_old_form(data: bytes, entry: dict[str, str]) -> str:
    """As fingerprints were written before the parser version stood apart."""
    meta = json.dumps([refresh.PARSER_VERSION, entry], sort_keys=True).encode()
    return hashlib.sha256(data).hexdigest() + ":" + hashlib.sha256(meta).hexdigest()[:16]


@pytest.mark.parametrize("broken", [False, True], ids=["manifest read", "manifest broken"])
def test_fingerprints_of_the_old_form_read_nothing_again(
    make_corpus: MakeCorpus, tmp_path: Path, broken: bool
) -> None:
    # A corpus indexed before the parser version stood apart in fingerprints: an upgrade that
    # did not change the parser reads nothing again, manifest broken or not.
    manifest = '["alpha.txt"]\ntitle = "Harbour"\n'
    folder = make_corpus({"alpha.txt": ALPHA, "beta.txt": BETA, "manifest.toml": manifest})
    db = tmp_path / "q.db"
    indexed(folder, db)
    with sqlite3.connect(db) as connection:
        for name, entry in (("alpha.txt", {"title": "Harbour"}), ("beta.txt", {})):
            old = _fingerprint_of_the_old_form((folder / name).read_bytes(), entry)
            connection.execute("update documents set sha256 = ? where doc = ?", [old, name])
    connection.close()
    if broken:
        (folder / "manifest.toml").write_text(BROKEN, encoding="utf-8")
    report, documents = indexed(folder, db)
    assert report.unchanged == ("alpha.txt", "beta.txt")
    assert documents["alpha.txt"][0] == "Harbour"
    (folder / "manifest.toml").write_text(manifest, encoding="utf-8")
    report, _ = indexed(folder, db)
    assert report.unchanged == ("alpha.txt", "beta.txt")
