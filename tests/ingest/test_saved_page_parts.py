"""A page saved with its parts ("Save As → Web page, complete"): ``NAME.html`` is a document,
the ``NAME_files`` folder beside it (its pictures, styles, scripts, frames) is none, and the
report names that folder once instead of every file in it."""

from __future__ import annotations

from pathlib import Path

from retrieval.library import Library

_PAGE = (
    "<html><head><title>Harbour wall to be rebuilt</title></head><body><article>"
    "<h1>Harbour wall to be rebuilt</h1><p>The council voted on Tuesday to rebuild the old"
    " harbour wall before the winter storms, the mayor told reporters.</p></article>"
    "</body></html>"
)
_NEWSLETTER = (
    "<html><body><div><p>Subscribe to our newsletter: the day's stories in your inbox every"
    " morning, free of charge.</p></div></body></html>"
)


def _save_complete(folder: Path, stem: str, suffix: str) -> None:
    """Write a page as a browser saves it "complete": the page, and its parts beside it."""
    (folder / f"{stem}.html").write_text(_PAGE.replace("Tuesday", stem), "utf-8")
    parts = folder / f"{stem}{suffix}"
    parts.mkdir()
    (parts / "newsletter.html").write_text(_NEWSLETTER, "utf-8")
    (parts / "saved_resource.html").write_text(_NEWSLETTER, "utf-8")
    (parts / "style.css").write_text("body { margin: 0 }", "utf-8")
    (parts / "logo.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64))


def test_a_saved_pages_parts_are_no_documents_and_are_reported_once(tmp_path: Path) -> None:
    """A newsletter box saved as a frame was indexed as a document ("Subscribe to our
    newsletter…" quotable), its twin reported as a copy, and the logo as "needs OCR"."""
    folder = tmp_path / "corpus"
    folder.mkdir()
    _save_complete(folder, "Anticorrupción decidirá", "_files")
    _save_complete(folder, "Hafenmauer", "-Dateien")
    library = Library.open(tmp_path / "q.db", folder)
    try:
        report = library.last_report
        assert report is not None
        assert sorted(report.added) == ["Anticorrupción decidirá.html", "Hafenmauer.html"]
        assert [(s.doc, s.reason.split(" (")[0]) for s in report.skipped] == [
            (
                "Anticorrupción decidirá_files",
                "parts of the saved page Anticorrupción decidirá.html",
            ),
            ("Hafenmauer-Dateien", "parts of the saved page Hafenmauer.html"),
        ]
    finally:
        library.close()


def test_a_folder_so_named_beside_no_page_is_read(tmp_path: Path) -> None:
    """Only a page's own folder is its parts: "minutes_files/" of a council's notes is read."""
    folder = tmp_path / "corpus"
    (folder / "minutes_files").mkdir(parents=True)
    (folder / "minutes_files" / "march.txt").write_text(
        "The council met in March and voted to rebuild the harbour wall.\n", "utf-8"
    )
    library = Library.open(tmp_path / "q.db", folder)
    try:
        report = library.last_report
        assert report is not None and report.added == ("minutes_files/march.txt",)
        assert not report.skipped
    finally:
        library.close()


def test_a_parts_folder_holding_a_paper_is_not_said_to_hold_pictures(tmp_path: Path) -> None:
    """The report said "(its pictures, styles and scripts)" of a folder holding a paper the
    page shows: it says what any of its files is."""
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "Harbour.html").write_text(_PAGE, "utf-8")
    (folder / "Harbour_files").mkdir()
    (folder / "Harbour_files" / "minutes.txt").write_text(
        "The council met in March and voted to rebuild the harbour wall.\n", "utf-8"
    )
    library = Library.open(tmp_path / "q.db", folder)
    try:
        report = library.last_report
        assert report is not None
        assert [s.reason for s in report.skipped] == [
            "parts of the saved page Harbour.html (files it shows or runs), not documents"
        ]
    finally:
        library.close()
