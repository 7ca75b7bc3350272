"""Text files saved in the encodings people's editors use are read as what they say: Russian in
Windows-1251 or KOI8-R, Chinese in GB18030, any text in UTF-16 without a byte order mark, French
in Windows-1252, not as accented gibberish ("Ãëàâà") nor skipped.

The texts are chapters of the Debian FAQ in Russian, Chinese and French from the dev corpus
data/eval/corpora/ml-dev (Debian FAQ licence, verbatim copies allowed, see its SOURCES.md).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from retrieval.ingest.pipeline import read
from retrieval.ingest.readers.decoding import decode
from retrieval.library import Library

CORPORA = Path(__file__).resolve().parents[2] / "data" / "eval" / "corpora"
ML_DEV = CORPORA / "ml-dev"
RU = (ML_DEV / "ru" / "debian-faq-uptodate.txt").read_text(encoding="utf-8")
ZH = (ML_DEV / "zh" / "debian-faq-uptodate.txt").read_text(encoding="utf-8")
FR = (ML_DEV / "fr" / "debian-faq-uptodate.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def library(tmp_path_factory: pytest.TempPathFactory) -> Library:
    folder = tmp_path_factory.mktemp("encodings")
    corpus = folder / "corpus"
    corpus.mkdir()
    (corpus / "ru-1251.txt").write_bytes(RU.encode("cp1251", errors="replace"))
    (corpus / "ru-koi8.txt").write_bytes(RU.encode("koi8_r", errors="replace"))
    (corpus / "zh-gb18030.txt").write_bytes(ZH.encode("gb18030"))
    (corpus / "zh-utf16.txt").write_bytes(ZH.encode("utf-16-le"))  # no byte order mark
    (corpus / "fr-1252.txt").write_bytes(FR.encode("cp1252", errors="replace"))
    return Library.open(folder / "q.db", corpus)


def test_every_file_is_indexed(library: Library) -> None:
    report = library.last_report
    assert report is not None and not report.skipped
    assert len(library.documents()) == 5


@pytest.mark.parametrize("name", ["ru-1251.txt", "ru-koi8.txt"])
def test_a_russian_file_reads_as_russian(library: Library, name: str) -> None:
    (document,) = [d for d in library.documents() if d.doc == name]
    assert document.title.startswith("Глава 9. Поддержание обновлений системы Debian")


@pytest.mark.parametrize("name", ["zh-gb18030.txt", "zh-utf16.txt"])
def test_a_chinese_file_reads_as_chinese(library: Library, name: str) -> None:
    texts = [p.text for _, p in library.store.all_passages() if p.doc == name]
    assert any(t.startswith("最直接的方法是进入 Debian 档案站点") for t in texts)


def test_a_french_file_keeps_its_accents(library: Library) -> None:
    (document,) = [d for d in library.documents() if d.doc == "fr-1252.txt"]
    assert document.title == "Chapitre 9. Garder son système Debian à jour"


def test_questions_in_each_language_find_their_file(library: Library) -> None:
    assert (
        library.answer("Как поддерживать систему Debian в актуальном состоянии?")
        .hits[0]
        .passage.doc.startswith("ru-")
    )
    assert library.answer("如何使 Debian 系统保持最新？").hits[0].passage.doc.startswith("zh-")


@pytest.mark.parametrize(
    "damage",
    [lambda data: data + "я".encode()[:1], lambda data: data[:4000] + b"\xff" + data[4000:]],
    ids=["cut-in-a-character", "one-stray-byte"],
)
def test_a_utf8_file_with_a_broken_character_still_reads_as_itself(
    tmp_path: Path, damage: Callable[[bytes], bytes]
) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name, text in (("ru.txt", RU), ("zh.txt", ZH), ("fr.txt", FR)):
        (corpus / name).write_bytes(damage(text.rstrip().encode("utf-8")))
    library = Library.open(tmp_path / "q.db", corpus)
    report = library.last_report
    assert report is not None and not report.skipped
    titles = {d.doc: d.title for d in library.documents()}
    assert titles["ru.txt"].startswith("Глава 9. Поддержание обновлений системы Debian")
    assert titles["fr.txt"] == "Chapitre 9. Garder son système Debian à jour"
    texts = [p.text for _, p in library.store.all_passages() if p.doc == "zh.txt"]
    assert any(t.startswith("最直接的方法是进入 Debian 档案站点") for t in texts)
    library.close()


@pytest.mark.parametrize(
    "line", ["Привет из Перу", "Привет, мир! Перу.", "Погода в Перу хорошая.", "Привет, мир"]
)
def test_a_one_line_russian_note_in_windows_1251_reads_as_russian(line: str) -> None:
    """Too short for the detector's measures: Mac Cyrillic ("ѕривет из ѕеру"), the DOS code
    page ("╧ЁштхҐ, ьшЁ") and Windows-1250 ("Ďđčâĺň") decode it as well, and were taken."""
    assert decode(line.encode("cp1251"), Path("привет.txt")) == line


@pytest.mark.parametrize(
    "line", ["Здраво, како си? Ђорђе, љубав, њега, џак.", "Добрий день, як справи? Їжак і ґанок."]
)
def test_a_short_serbian_or_ukrainian_note_in_windows_1251_keeps_its_letters(line: str) -> None:
    """Letters Russian does not write (ђ, љ, њ, џ; ї, ґ) are letters all the same: counting
    only Russian ones read the Serbian note as Mac Cyrillic ("«драво … АорРе, Ъубав")."""
    assert decode(line.encode("cp1251"), Path("note.txt")) == line


def test_a_chapter_title_ending_in_a_full_stop_is_the_title() -> None:
    """The Spanish Debian maintainers' guide (multilingual corpus) opens "Capítulo 1. Empezando
    «de la forma correcta».": the title, not the file name, and no passage of its own."""
    path = CORPORA / "multilingual" / "es" / "maint-guide-start.txt"
    document = read(path.name, path.read_bytes())
    assert document.title == "Capítulo 1. Empezando «de la forma correcta»."
    assert not document.blocks[0].text.startswith("Capítulo 1.")
