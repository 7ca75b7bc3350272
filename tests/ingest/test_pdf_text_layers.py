"""PDF text layers that are not the text printed: read right where the codes can be, else the
file is reported for what it is rather than indexed as garbage.

issue20232.pdf (pdf.js's test corpus, tests/ingest/fixtures/odd/SOURCES.md) is a Russian
drawing's title block written by Haru, whose fonts' codes are the UTF-8 bytes of their
characters; PDFium read each two-byte code as one number, and the block was indexed as Korean
("킟킾킴킿." for "Подп.").
"""

from __future__ import annotations

from pathlib import Path

from retrieval.ingest import pipeline
from retrieval.ingest.readers import mojibake

ODD = Path(__file__).parent / "fixtures" / "odd"
KOREAN = "대한민국은 민주공화국이다. 대한민국의 주권은 국민에게 있고, 모든 권력은 국민으로부터."


def test_a_title_block_whose_codes_are_utf8_is_read_as_russian() -> None:
    document = pipeline.read("issue20232.pdf", (ODD / "issue20232.pdf").read_bytes())
    text = " ".join(block.text for block in document.blocks)
    for words in ("Масштаб", "Инв. № подл.", "Перв. примен.", "Разраб."):
        assert words in text
    assert not any("\uac00" <= ch <= "\ud7a3" for ch in text)


def test_korean_is_korean() -> None:
    # about one Korean syllable in eight is a UTF-8 byte pair by chance: a sentence is not all
    assert not mojibake.is_utf8_codes([KOREAN])
    assert mojibake.utf8_codes_read("킟킾킴킿.") == "Подп."
