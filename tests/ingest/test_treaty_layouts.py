"""Treaties as an NGO's bot reads them (tryout 22a): the UN Charter as plain text in five
languages, and human-rights treaties hand-converted to Markdown.

The excerpts are laid out as found: the Charter from un.org as scraped by
github.com/kleinlennart/un-charter-corpus (data/raw; "Chapter V: The Security Council" over
"COMPOSITION" over "Article 23", "第五章：安全理事会" over "组织" over "第二十三条"); the European
Convention from github.com/statengeneraal/laws-markdown (a Dutch government publication, public
domain), whose headings lack their space ("####- Right to marry", "###Article  19") and whose
Dutch translation follows the English text under the same title heading.
"""

from __future__ import annotations

from readerfiles import cited_under as _cited

from retrieval.ingest.pipeline import read
from retrieval.search import divisions

CHARTER_EN = """WE THE PEOPLES OF THE UNITED NATIONS DETERMINED
to save succeeding generations from the scourge of war, which twice in our lifetime has brought \
untold sorrow to mankind, and

Chapter III: Organs
Article 7
There are established as principal organs of the United Nations: a General Assembly, a \
Security Council, an Economic and Social Council, a Trusteeship Council, an International Court \
of Justice and a Secretariat.

Chapter IV: The General Assembly
COMPOSITION
Article 9
The General Assembly shall consist of all the Members of the United Nations.
Each Member shall have not more than five representatives in the General Assembly.
FUNCTIONS AND POWERS
Article 10
The General Assembly may discuss any questions or any matters within the scope of the present \
Charter.

Chapter V: The Security Council
COMPOSITION
Article 23
The Security Council shall consist of fifteen Members of the United Nations.

Chapter VI: Pacific Settlement of Disputes
Article 33
The parties to any dispute, the continuance of which is likely to endanger the maintenance of \
international peace and security, shall, first of all, seek a solution by negotiation.
"""

CHARTER_ZH = """我联合国人民同兹决心
　　欲免后世再遭今代人类两度身历惨不堪言之战祸，

第三章：机关
第七条
　　一、兹设联合国之主要机关如下：大会、安全理事会、经济及社会理事会、托管理事会、国际法院、及秘书处。

　　二、联合国得依本宪章设立认为必需之辅助机关。

第五章：安全理事会
组织
第二十三条
　　一、安全理事会以联合国十五会员国组织之。

　　二、安全理事会非常任理事国任期定为二年。

第七章：对于和平之威胁和平之破坏及侵略行为之应付办法
第五十一条
　　联合国任何会员国受武力攻击时，在安全理事会采取必要办法，以维持国际和平及安全以前，本宪章不得认为禁止行使单独或集体自卫之自然权利。
"""

CONVENTION = """<meta http-equiv='Content-Type' content='text/html; charset=utf-8' />

##Verdrag tot bescherming van de rechten van de mens en de fundamentele vrijheden

####Convention for the Protection of Human Rights and Fundamental Freedoms

The Governments signatory hereto, being Members of the Council of Europe, have agreed as follows:

### Article  12

####- Right to marry

Men and women of marriageable age have the right to marry and to found a family, according to \
the national laws governing the exercise of this right.

### Article  18

####- Limitation on use of restrictions on rights

The restrictions permitted under this Convention to the said rights and freedoms shall not be \
applied for any purpose other than those for which they have been prescribed.

###Article  19

####- Establishment of the Court

To ensure the observance of the engagements undertaken by the High Contracting Parties in the \
Convention and the Protocols thereto, there shall be set up a European Court of Human Rights.

####Verdrag tot bescherming van de rechten van de mens en de fundamentele vrijheden

De Regeringen die dit Verdrag hebben ondertekend, Leden van de Raad van Europa, zijn als volgt \
overeengekomen:

### Artikel  12

####- Recht te huwen

Mannen en vrouwen van huwbare leeftijd hebben het recht te huwen en een gezin te stichten.

#hashtag
"""


def test_a_sub_heading_in_capitals_keeps_its_chapter() -> None:
    """ "COMPOSITION" under "Chapter IV: …" closed the chapter: Articles 9–32 had none."""
    document = read("un_charter_en.txt", CHARTER_EN.encode())
    assert _cited(document, "The General Assembly shall consist") == (
        "Chapter IV: The General Assembly › COMPOSITION › Article 9"
    )
    assert _cited(document, "The General Assembly may discuss") == (
        "Chapter IV: The General Assembly › FUNCTIONS AND POWERS › Article 10"
    )
    assert _cited(document, "The Security Council shall consist") == (
        "Chapter V: The Security Council › COMPOSITION › Article 23"
    )
    assert _cited(document, "The parties to any dispute") == (
        "Chapter VI: Pacific Settlement of Disputes › Article 33"
    )
    assert _cited(document, "There are established") == "Chapter III: Organs › Article 7"


def test_chinese_chapters_after_a_colon_head_their_articles() -> None:
    """ "第五章：安全理事会" was quoted as text under the article before it."""
    document = read("un_charter_zh.txt", CHARTER_ZH.encode())
    texts = [block.text for block in document.blocks]
    assert not any(text.startswith("第五章") or text.startswith("第七章") for text in texts)
    assert _cited(document, "一、安全理事会以联合国十五会员国组织之") == (
        "第五章：安全理事会 › 组织 › 第二十三条"
    )
    assert _cited(document, "联合国任何会员国受武力攻击时").startswith("第七章：")
    assert _cited(document, "联合国任何会员国受武力攻击时").endswith(" › 第五十一条")
    assert _cited(document, "二、联合国得依本宪章") == "第三章：机关 › 第七条"


def test_headings_written_without_their_space_are_headings() -> None:
    """ "###Article  19" and "####- Right to marry" were read as text: Article 19 was cited as
    18, and the bare line "####- Right to marry" was the answer about article 12."""
    document = read("treaties/echr.md", CONVENTION.encode())
    assert (
        document.title
        == "Verdrag tot bescherming van de rechten van de mens en de fundamentele vrijheden"
    )
    texts = [block.text for block in document.blocks]
    assert not any("#" in text and text != "#hashtag" for text in texts)
    assert _cited(document, "Men and women") == "Article 12. Right to marry"
    assert _cited(document, "To ensure the observance") == "Article 19. Establishment of the Court"
    assert _cited(document, "The Governments signatory") == (
        "Convention for the Protection of Human Rights and Fundamental Freedoms"
    )


def test_an_article_titled_by_the_heading_under_it_is_still_found_by_its_number() -> None:
    """ "### Article  12" over "####- Right to marry" is one heading: the question "what does
    article 12 say?" brings the passages whose heading is that article first."""
    document = read("treaties/echr.md", CONVENTION.encode())
    division = divisions.asked("What does article 12 of the European Convention say?")
    assert division is not None
    headed = [block.text for block in document.blocks if divisions.heads(block.section, division)]
    assert headed == [
        "Men and women of marriageable age have the right to marry and to found a family, "
        "according to the national laws governing the exercise of this right."
    ]


def test_the_title_again_starts_the_translation_under_no_article() -> None:
    """The Dutch text after the English one, under a heading repeating the title, was cited
    under the last English article."""
    document = read("treaties/echr.md", CONVENTION.encode())
    assert _cited(document, "De Regeringen") == ""
    assert _cited(document, "Mannen en vrouwen") == "Artikel 12. Recht te huwen"


def test_a_lone_mark_before_a_word_is_a_hashtag_not_a_heading() -> None:
    document = read("notes.md", b"# Notes\n\nWe met on Friday.\n\n#hashtag\n\n##\n")
    assert [block.text for block in document.blocks] == ["We met on Friday.", "#hashtag"]


def test_a_minus_sign_after_the_marks_stays_in_the_heading() -> None:
    """ "##-1 item" headed "1 item": the hyphen was taken for the dash law files set after the
    marks ("####- Right to marry")."""
    document = read("scale.md", b"# Scale\n\n##-1 item\n\nOne less than none.\n")
    assert [block.section for block in document.blocks] == ["-1 item"]


CHARTER_RU = """МЫ, НАРОДЫ ОБЪЕДИНЕННЫХ НАЦИЙ, ПРЕИСПОЛНЕННЫЕ РЕШИМОСТИ
избавить грядущие поколения от бедствий войны, дважды в нашей жизни принесшей человечеству \
невыразимое горе, и

Глава IV: Генеральная Ассамблея
СОСТАВ
Статья 9
Генеральная Ассамблея состоит из всех Членов Организации.
Каждый Член Организации имеет не более пяти представителей в Генеральной Ассамблее.
ФУНКЦИИ и ПОЛНОМОЧИЯ
Статья 10
Генеральная Ассамблея уполномочивается обсуждать любые вопросы или дела в пределах настоящего \
Устава.
"""


def test_a_sub_heading_in_capitals_may_keep_its_short_words_in_lower_case() -> None:
    """ "ФУНКЦИИ и ПОЛНОМОЧИЯ" (and "FUNCIONES y PODERES") were dropped as too short a line, so
    Articles 10-18 were cited under "СОСТАВ"."""
    document = read("un_charter_ru.txt", CHARTER_RU.encode())
    assert _cited(document, "Генеральная Ассамблея уполномочивается") == (
        "Глава IV: Генеральная Ассамблея › ФУНКЦИИ и ПОЛНОМОЧИЯ › Статья 10"
    )
    assert _cited(document, "Генеральная Ассамблея состоит") == (
        "Глава IV: Генеральная Ассамблея › СОСТАВ › Статья 9"
    )


BOOK = """# A Short History of the Town

## Part I

### Chapter 1

The town was founded on the river in the twelfth century.

### Chapter 2

The mills came two hundred years later.

## Part II

Part two tells of the railway.
"""


def test_a_part_over_several_chapters_stays_a_heading_over_all_of_them() -> None:
    """ "## Part I" over "### Chapter 1" and "### Chapter 2" was read as "Part I. Chapter 1",
    and Chapter 2 was cited under it, as if part of chapter 1."""
    document = read("history.md", BOOK.encode())
    assert _cited(document, "The town was founded") == "Part I › Chapter 1"
    assert _cited(document, "The mills came") == "Part I › Chapter 2"
