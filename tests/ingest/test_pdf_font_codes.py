"""Characters PDFium gives as a composite font's codes, read from the font's own Unicode map.

The OWASP Top 10 2013's Chinese PDF (PowerPoint on Mac OS X, a SimSun subset with codes that are
glyph numbers) came out of PDFium with one block of its ToUnicode map unread: "容易" read "容᱃",
"攻击" read "᭫击", "数据" read "ᮠᦞ" (3% of its characters, letters of Balinese, Sundanese,
Lepcha …), and no question with those words found them."""

from __future__ import annotations

import contextlib
import io
import re
from pathlib import Path

import pypdf

from bot.locales import ru, zh
from bot.render.reasons import reason_text
from retrieval.ingest.pipeline import read
from retrieval.ingest.readers.pdf_tounicode import strays
from retrieval.library import Library

PAGE_9 = Path(__file__).parent / "fixtures" / "owasp-top10-2013-zh-page-9.pdf"
UNTRUSTED = (
    "page 1: some characters unreadable (a font has no Unicode mapping for them); "
    "the page is indexed as read"
)


def test_the_page_reads_as_printed() -> None:
    document = read(PAGE_9.name, PAGE_9.read_bytes())
    texts = [block.text for block in document.blocks]
    assert "大部分跨站脚本漏洞通过测试或代码分析很容易找到。" in texts
    assert any(
        text.startswith("攻击者能在受害者的浏览器中执行脚本以劫持用户会话") for text in texts
    )
    assert not any(strays(text) for text in texts)
    assert document.unread is None


def test_a_question_with_the_words_finds_them(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / PAGE_9.name).write_bytes(PAGE_9.read_bytes())
    with contextlib.closing(Library.open(tmp_path / "q.db", corpus)) as library:
        hits = library.answer("跨站脚本漏洞容易找到吗？").hits
        assert hits and "很容易找到" in hits[0].passage.text
        hits = library.answer("攻击者能做什么？").hits
        assert hits and "攻击者" in hits[0].passage.text


def _without_the_block(data: bytes) -> bytes:
    """The page with the block of its SimSun map that PDFium skips left out of the map too:
    nothing maps those codes, as in a font whose map lacks them."""
    writer = pypdf.PdfWriter(clone_from=pypdf.PdfReader(io.BytesIO(data)))
    cmap = writer.pages[0]["/Resources"]["/Font"]["/G1"]["/ToUnicode"].get_object()
    mapped = cmap.get_data()
    cmap.set_data(re.sub(rb"\d+ beginbfrange\s*<18d4>.*?endbfrange\s*", b"", mapped, flags=re.S))
    assert cmap.get_data() != mapped
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def test_characters_no_map_says_are_named_in_the_index_report() -> None:
    document = read(PAGE_9.name, _without_the_block(PAGE_9.read_bytes()))
    # still read and indexed, as it reads: the rest of the page is of use
    assert any("跨站脚本漏洞" in block.text for block in document.blocks)
    assert document.unread == UNTRUSTED
    assert reason_text(UNTRUSTED, zh).startswith("第 1 页：部分字符无法读取")
    many = UNTRUSTED.replace("page 1", "pages 2–21").replace("the page is", "the pages are")
    assert reason_text(many, ru).startswith("страницы 2–21: часть символов не читается")


def test_letters_of_scripts_written_together_are_no_strays() -> None:
    # Latin inside Chinese, kana and kanji, an accent's letter, a unit's "µ", a caron set apart
    assert not strays("使用Python的Williams和Dave")
    assert not strays("私は日本語を話します")
    assert not strays("naïve 5kµs Aviˇzienis")
    # a letter of one script alone between letters of another: "容᱃找", a Cyrillic "с" in Latin
    assert strays("很容᱃找到") == [2]
    assert strays("Aсb") == [1]
