"""Lines that are no headings in a PDF (try-out 26). OWASP's Top 10 sets its
attack scenarios' addresses and code in bold type a point larger than the text, so a URL's end
("2P0OC2JSNDLPSKHCJUN2JV?dest=Hawaii") or a PHP line ("i:3;s:32:"…";}") headed the scenarios
after it, and a risk box's rating ("Технические: 3 обнаружения: 2") headed the box's text. A web
address, a line of code, a label with its figure name no section.

A chapter's tile, its label set far larger left of its title ("A4" by "Références directes non" /
"sécurisées à un objet"), came inside the title where its height fell among the title's lines,
and the first chapter's tiled heading ("O" / "Acerca de OWASP") titled the whole book. The tile
now opens its title, and a tiled heading is a chapter's, as a numbered one.

Real files: pages of the OWASP Top 10 2013 (fr, zh) and 2017 (ru) (fixtures/SOURCES.md).
"""

from __future__ import annotations

from pathlib import Path

from readerfiles import parsed

TOP10 = Path(__file__).resolve().parent / "fixtures" / "owasp-top10"
FR = TOP10 / "top10-2013-fr-page-8.pdf"  # A2's scenarios: a link with a session id
FR_A4 = TOP10 / "top10-2013-fr-page-10.pdf"  # A4, its tile beside a title of two lines
ZH = TOP10 / "top10-2013-zh-page-13.pdf"  # A7, its tile and title atop the page
RU = TOP10 / "top10-2017-ru-pages-8-15.pdf"  # A8's PHP "super cookie", its ratings' box


def test_a_scenarios_address_heads_no_scenario() -> None:
    blocks = parsed(FR).blocks
    second = [b for b in blocks if b.text.startswith("Scénario #2: Les timeouts")]
    assert len(second) == 1 and second[0].section == "Exemple de scénarios d’attaque"
    link = [b for b in blocks if "2P0OC2JSNDLPSKHCJUN2JV?dest=Hawaii" in b.text]
    assert len(link) == 1 and "jsessionid=" in link[0].text  # the address read whole


def test_code_and_ratings_head_nothing() -> None:
    sections = {block.section or "" for block in parsed(RU).blocks}
    assert not [s for s in sections if "i:3;s:32:" in s or "обнаружения:" in s]
    assert "Как предотвратить" in sections


def test_a_chapters_tile_opens_its_title() -> None:
    blocks = parsed(FR_A4).blocks
    title = "A4 Références directes non sécurisées à un objet"
    under = [b for b in blocks if title in (b.section, *b.above)]
    assert len(under) == len(blocks)  # every passage, its boxes and scenarios, under A4
    assert not [b for b in blocks if "non A4" in (b.section or "")]


def test_a_tiled_heading_heads_its_chapter_not_the_file() -> None:
    document = parsed(ZH)
    assert document.title != "A7 功能级访问控制缺失"
    first = document.blocks[0]
    assert first.section == "A7 功能级访问控制缺失"  # the risk's box cited under the risk
