"""How long a 300-page text PDF takes to read and index (``python -m tools.pdfbench``).

The PDF is made of the office evaluation corpus's real PDFs, appended until it has 300 pages;
``quotebot index`` is then timed on a folder holding only it (issue target: 10 s on 2 cores).
"""

from __future__ import annotations

import io
import resource
import tempfile
import time
from pathlib import Path

from pypdf import PdfWriter

from retrieval.library import Library

PDFS = Path(__file__).resolve().parents[1] / "data" / "eval" / "corpora" / "office" / "pdf"
PAGES = 300


def three_hundred_pages() -> bytes:
    """A text PDF of at least :data:`PAGES` pages."""
    writer = PdfWriter()
    sources = sorted(PDFS.glob("*.pdf"), key=lambda p: -p.stat().st_size)
    while len(writer.pages) < PAGES:
        for source in sources:
            writer.append(str(source))
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def main() -> None:
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch) / "corpus"
        folder.mkdir()
        (folder / "manual.pdf").write_bytes(three_hundred_pages())
        started = time.perf_counter()
        library = Library.open(Path(scratch) / "bench.db", folder)
        elapsed = time.perf_counter() - started
        passages = library.passage_count()
        library.close()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"300-page PDF: indexed in {elapsed:.1f} s, {passages:,} passages, peak {peak:.0f} MB")


if __name__ == "__main__":
    main()
