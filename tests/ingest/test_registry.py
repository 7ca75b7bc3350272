"""Every format has a reader behind the one interface, loaded only when a file of it is met."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from retrieval.errors import DocumentError
from retrieval.ingest.readers import READERS, SUPPORTED_SUFFIXES, reader_for


@pytest.mark.parametrize("suffix", sorted(READERS))
def test_every_registered_reader_can_be_loaded(suffix: str) -> None:
    assert callable(reader_for(Path(f"document{suffix.upper()}")))


def test_the_formats_people_have_are_supported() -> None:
    wanted = {".txt", ".md", ".markdown", ".html", ".htm", ".pdf", ".docx", ".epub", ".odt"}
    assert wanted <= set(SUPPORTED_SUFFIXES)


def test_an_unknown_format_is_refused_by_name() -> None:
    with pytest.raises(DocumentError) as caught:
        reader_for(Path("sheet.xlsx"))
    assert caught.value.reason == "unsupported type (.xlsx)"


def test_a_text_corpus_never_loads_the_pdf_or_word_libraries() -> None:
    code = (
        "import sys\n"
        "from retrieval.ingest.pipeline import read\n"
        "read('notes.txt', b'The harbour committee met in spring to discuss the port.')\n"
        "read('notes.md', b'# Notes\\n\\nThe harbour committee met in spring.')\n"
        "print(sorted(m for m in ('pypdfium2', 'docx', 'lxml') if m in sys.modules))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=Path.cwd()
    )
    assert out.stdout.strip() == "[]"


def test_an_old_word_file_is_refused_with_what_to_do() -> None:
    with pytest.raises(DocumentError) as caught:
        reader_for(Path("minutes.DOC"))
    assert caught.value.reason == "unsupported type (.doc; Word 97–2003: save it as .docx)"
