"""Boxes of text set side by side on an OWASP Top 10 risk page (try-out 26): the "Threat agents /
Attack vectors / Security weakness / Impacts" boxes and the two boxes "Am I vulnerable? / How do I
prevent?" under them. Read across as a table's rows, each row mixed a line of one box with a
line of the next ("vulnérable aux références directes non sécurisées est de | de suivre une
approche …"), and the tile "A8" over ":2017" left ":2017" a passage, quoted as the answer to
"Что такое небезопасная десериализация?". Each box now reads down as its own text.

Real files: pages of the OWASP Top 10 2013 (fr, zh) and 2017 (ru) (fixtures/SOURCES.md).
"""

from __future__ import annotations

from pathlib import Path

from readerfiles import parsed

from retrieval.ingest.parsed import Block

TOP10 = Path(__file__).resolve().parent / "fixtures" / "owasp-top10"
FR = TOP10 / "top10-2013-fr-page-8.pdf"  # A2: "Suis-je vulnérable?" beside "Comment s'en prémunir?"
RU = TOP10 / "top10-2017-ru-pages-8-15.pdf"  # A1 Внедрение, A8 Небезопасная десериализация
ZH = TOP10 / "top10-2013-zh-page-13.pdf"  # A7: the risk's boxes, lines of about eight characters


def _holding(blocks: list[Block], words: str) -> list[Block]:
    return [block for block in blocks if words in block.text]


def test_two_boxes_side_by_side_read_each_down() -> None:
    blocks = parsed(FR).blocks
    item = "2. Faiblesse des fonctions de gestion de compte (ex: création de compte, changement de"
    found = _holding(blocks, item)
    assert len(found) == 1 and found[0].section == "Suis-je vulnérable?"
    assert "permettant de deviner ou d’écraser les credentials." in found[0].text
    prevent = _holding(blocks, "a) satisfaire aux exigences de vérification d'authentification")
    assert len(prevent) == 1 and prevent[0].section == "Comment s’en prémunir?"
    # no passage holds lines of both boxes
    assert not [
        b for b in blocks if "Les actifs de gestion" in b.text and "recommandation" in b.text
    ]


def test_a_risks_boxes_each_one_passage() -> None:
    blocks = parsed(RU).blocks
    agents = "Почти любой источник данных может оказаться вектором для внедрения: переменные"
    found = _holding(blocks, agents)
    assert len(found) == 1
    assert found[0].text.endswith(
        "если злоумышленник может отправлять интерпретатору вредоносные данные."
    )
    weakness = _holding(blocks, "Внедрения особенно распространены в старом коде. Уязвимости часто")
    assert len(weakness) == 1 and "Почти любой" not in weakness[0].text
    assert (
        "Сканеры и фаззеры могут помочь злоумышленникам найти подобные уязвимости."
        in weakness[0].text
    )


def test_a_tiles_rest_is_no_passage() -> None:
    blocks = parsed(RU).blocks
    assert not [b for b in blocks if b.text.strip() == ":2017" or b.text.startswith(":2017")]
    deserialisation = [
        b for b in blocks if b.page == 2 and b.section == "Небезопасная десериализация"
    ]
    assert deserialisation and all(b.above == ("A8:2017",) for b in deserialisation)


def test_chinese_boxes_of_short_lines_read_down() -> None:
    blocks = parsed(ZH).blocks
    impact = _holding(blocks, "这种漏洞允许")
    assert len(impact) == 1
    assert (
        "的功能。管理性的功能是这类" in impact[0].text and "考虑被暴露的功能" not in impact[0].text
    )
    business = _holding(blocks, "考虑被暴露的功能及其处理的")
    assert len(business) == 1 and "另外考虑如果这样的弱点被公布于众" in business[0].text
