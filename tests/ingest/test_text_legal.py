"""Legal texts of numbered articles (constitutions, charters, statutes, codes of conduct), as a
citizen asking about one reads them: each paragraph cited under its own article, the article under
its chapter and part ("ГЛАВА 2. ПРАВА И СВОБОДЫ … › Статья 22"), the second paragraph of an
article still that article's, no article heading quoted as a passage of its own, no paragraph cut
in two where a line was broken by hand.

The excerpts are from the dev corpus data/eval/corpora/legal-dev (official texts, sources in its
SOURCES.md), laid out as found: the Russian constitution's "ГЛАВА 1." over its title and
"Статья 81 <*>", the French one's "Titre premier - …" line right over "ARTICLE 2.", the Spanish
one's CRLF lines indented with ideographic spaces, the US one opening with "PREAMBLE", the Chinese
one's Markdown chapters over paragraphs opening "第三十七条".
"""

from __future__ import annotations

from pathlib import Path

from retrieval.ingest.parsed import Block, ParsedDocument
from retrieval.ingest.passages import passages
from retrieval.ingest.pipeline import read

RUSSIAN = """\ufeffКОНСТИТУЦИЯ РОССИЙСКОЙ ФЕДЕРАЦИИ


Мы, многонациональный народ Российской Федерации,
принимаем КОНСТИТУЦИЮ РОССИЙСКОЙ ФЕДЕРАЦИИ.

РАЗДЕЛ ПЕРВЫЙ

ГЛАВА 1.
ОСНОВЫ КОНСТИТУЦИОННОГО СТРОЯ

Статья 1

1. Российская Федерация - Россия есть демократическое федеративное правовое государство с \
республиканской формой правления.
2. Наименования Российская Федерация и Россия равнозначны.

ГЛАВА 4.
ПРЕЗИДЕНТ РОССИЙСКОЙ ФЕДЕРАЦИИ

Статья 81 <*>

1. Президент Российской Федерации избирается сроком на шесть лет гражданами Российской \
Федерации на основе всеобщего равного и прямого избирательного права при тайном голосовании.

Статья 83

Президент Российской Федерации:
а) назначает Председателя Правительства Российской Федерации;
б) осуществляет общее руководство Правительством Российской Федерации;
"""

FRENCH = """Texte intégral de la Constitution du 4 octobre 1958 en vigueur

Préambule et article 1er
Titre Ier : De la Souveraineté (articles 2 à 4)
Titre II : Le Président de la République (articles 5 à 19)
Titre III : Le Gouvernement (articles 20 à 23)
- Charte de l'environnement de 2004
PRÉAMBULE

Le peuple français proclame solennellement son attachement aux Droits de l'homme et aux \
principes de la souveraineté nationale.

Titre premier - DE LA SOUVERAINETÉ
ARTICLE 2.

La langue de la République est le français.

L'hymne national est « La Marseillaise ».

Titre II - LE PRÉSIDENT DE LA RÉPUBLIQUE
ARTICLE 6.

Le Président de la République est élu pour cinq ans au suffrage universel direct.

Nul ne peut exercer plus de deux mandats consécutifs.
"""

_INDENT = "\u3000" * 4
SPANISH = "\r\n".join(
    [
        "CONSTITUCIÓN ESPAÑOLA",
        "",
        "TÍTULO I",
        " ",
        "De los derechos y deberes fundamentales",
        "Artículo 10",
        "",
        f"{_INDENT}1. La dignidad de la persona, los derechos inviolables que le son inherentes, "
        "el libre desarrollo de la personalidad, el respeto a la ley y a los derechos de los "
        "demás son fundamento del orden político y de la paz social.",
        "",
        "CAPITULO SEGUNDO",
        "",
        "Derechos y libertades",
        "",
        "Artículo 14",
        "",
        f"{_INDENT}Los españoles son iguales ante la ley, sin que pueda prevalecer discriminación"
        " alguna por razón de nacimiento, raza, sexo, religión, opinión o cualquier otra"
        " condición o",
        "circunstancia personal o social.",
        "",
    ]
)

AMERICAN = """PREAMBLE

We the People of the United States, in Order to form a more perfect
Union, establish Justice, insure domestic Tranquility, provide for the
common defence, promote the general Welfare, and secure the Blessings
of Liberty to ourselves and our Posterity, do ordain and establish this
Constitution for the United States of America.

ARTICLE I

SECTION. 1. All legislative Powers herein granted shall be vested in a
Congress of the United States, which shall consist of a Senate and House
of Representatives.

AMENDMENT XIX

The right of citizens of the United States to vote shall not be denied
or abridged by the United States or by any State on account of sex.

Congress shall have power to enforce this article by appropriate
legislation.

AMENDMENT XX

SECTION. 5. Sections 1 and 2 shall take effect on the 15th day of
October following the ratification of this article.

SECTION. 6. This article shall be inoperative unless it shall have been
ratified as an amendment to the Constitution by the legislatures of
three-fourths of the several States within seven years from the date of
its submission.
"""

CHINESE = """# 中华人民共和国宪法

1982年12月4日 第五届全国人民代表大会第五次会议通过

## 第二章 公民的基本权利和义务

第三十五条 中华人民共和国公民有言论、出版、集会、结社、游行、示威的自由。

第三十六条 中华人民共和国公民有宗教信仰自由。

第三十七条 中华人民共和国公民的人身自由不受侵犯。

任何公民，非经人民检察院批准或者决定或者人民法院决定，并由公安机关执行，不受逮捕。

## 第三章 国家机构

### 第二节 中华人民共和国主席

第七十九条 中华人民共和国主席、副主席由全国人民代表大会选举。

有选举权和被选举权的年满四十五周岁的中华人民共和国公民可以被选为中华人民共和国主席、副主席。
"""


def _read(name: str, text: str) -> ParsedDocument:
    return read(name, text.encode("utf-8"))


def _block(document: ParsedDocument, words: str) -> Block:
    return next(block for block in document.blocks if words in block.text)


def test_a_russian_article_is_cited_under_its_chapter_and_part() -> None:
    document = _read("constitution-rf.txt", RUSSIAN)
    first = _block(document, "демократическое федеративное правовое государство")
    assert first.section == "Статья 1"
    assert first.above == ("РАЗДЕЛ ПЕРВЫЙ", "ГЛАВА 1. ОСНОВЫ КОНСТИТУЦИОННОГО СТРОЯ")
    # "Статья 81 <*>" (its note mark dropped) heads article 81: not run into article 80's
    term = _block(document, "избирается сроком на шесть лет")
    assert term.section == "Статья 81"
    assert term.above == ("РАЗДЕЛ ПЕРВЫЙ", "ГЛАВА 4. ПРЕЗИДЕНТ РОССИЙСКОЙ ФЕДЕРАЦИИ")
    assert not any(block.text.startswith(("Статья", "ГЛАВА")) for block in document.blocks)


def test_the_words_introducing_lettered_items_are_kept() -> None:
    document = _read("constitution-rf.txt", RUSSIAN)
    lead = _block(document, "Президент Российской Федерации:")
    assert lead.section == "Статья 83"
    assert any("а) назначает Председателя" in block.text for block in document.blocks)


def test_a_french_title_line_right_over_an_article_heads_it() -> None:
    document = _read("constitution-1958.txt", FRENCH)
    language = _block(document, "La langue de la République est le français.")
    assert (language.above, language.section) == (
        ("Titre premier - DE LA SOUVERAINETÉ",),
        "ARTICLE 2.",
    )
    second = _block(document, "Nul ne peut exercer plus de deux mandats consécutifs.")
    assert (second.above, second.section) == (
        ("Titre II - LE PRÉSIDENT DE LA RÉPUBLIQUE",),
        "ARTICLE 6.",
    )
    assert all(block.text != "ARTICLE 2." for block in document.blocks)
    assert _block(document, "Le peuple français proclame").section == "PRÉAMBULE"


def test_a_legal_texts_table_of_contents_heads_nothing() -> None:
    document = _read("constitution-1958.txt", FRENCH)
    listed = _block(document, "Titre II : Le Président de la République (articles 5 à 19)")
    assert listed.section is None
    assert _block(document, "Charte de l'environnement de 2004").section is None
    assert all(not (block.section or "").startswith("Titre III") for block in document.blocks)


def test_spanish_titles_chapters_and_a_sentence_broken_by_hand() -> None:
    document = _read("constitucion.txt", SPANISH)
    dignity = _block(document, "La dignidad de la persona")
    assert dignity.section == "Artículo 10"
    assert dignity.above == ("TÍTULO I. De los derechos y deberes fundamentales",)
    equal = _block(document, "Los españoles son iguales ante la ley")
    assert equal.text.endswith("o cualquier otra condición o circunstancia personal o social.")
    assert equal.above[-1] == "CAPITULO SEGUNDO. Derechos y libertades"
    assert not any(block.text.startswith("circunstancia") for block in document.blocks)


def test_a_preamble_is_no_title_and_a_numbered_section_opening_its_text_no_heading() -> None:
    document = _read("us-constitution.txt", AMERICAN)
    assert document.title == "us-constitution"
    assert _block(document, "We the People").section == "PREAMBLE"
    enforce = _block(document, "Congress shall have power to enforce this article")
    assert (enforce.section, enforce.above) == ("AMENDMENT XIX", ())
    broken = _block(document, "Sections 1 and 2 shall take effect")
    assert broken.text.endswith("following the ratification of this article.")
    assert broken.section == _block(document, "SECTION. 6.").section == "AMENDMENT XX"


def test_a_chinese_article_heads_its_later_paragraphs_under_its_chapter() -> None:
    document = _read("宪法.md", CHINESE)
    arrest = _block(document, "不受逮捕")
    assert (arrest.above, arrest.section) == (("第二章 公民的基本权利和义务",), "第三十七条")
    age = _block(document, "年满四十五周岁")
    assert age.section == "第七十九条"
    assert age.above == ("第三章 国家机构", "第二节 中华人民共和国主席")
    assert _block(document, "第三十五条").text.startswith("第三十五条 中华人民共和国公民有言论")


def test_one_paragraph_naming_an_article_is_no_outline() -> None:
    text = (
        "Privacy notes\n\nArticle 5. Personal data shall be processed lawfully, fairly and in a "
        "transparent manner in relation to the data subject.\n\nWe keep logs for thirty days and "
        "delete them afterwards, unless a court orders otherwise.\n"
    )
    document = _read("notes.txt", text)
    assert {block.section for block in document.blocks} == {None}


def _fixture(name: str) -> ParsedDocument:
    path = Path(__file__).parent / "fixtures" / name
    return read(path, path.read_bytes())


def test_a_chinese_articles_one_sentence_opening_is_quoted_not_its_heading() -> None:
    # The 2018 PRC constitution as a GB18030 .txt: "第二条 中华人民共和国的一切权力属于人民。"
    # was the section's name, quoted nowhere; 第一百四十三条 (首都) was cited as 第一百四十一条.
    document = _fixture("xianfa-2018-excerpt-gb18030.txt")
    power = _block(document, "一切权力属于人民")
    assert (power.above, power.section) == (("第一章 总 纲",), "第二条")
    assert power.text == "第二条 中华人民共和国的一切权力属于人民。"
    assert _block(document, "人民行使国家权力的机关").section == "第二条"
    capital = _block(document, "首都是北京")
    assert capital.section == "第一百四十三条"
    assert capital.above == ("第四章 国旗、国歌、国徽、首都",)
    assert _block(document, "国徽").section == "第一百四十二条"
    assert all("。" not in (block.section or "") for block in document.blocks)


def test_chinese_articles_on_consecutive_lines_are_two_articles() -> None:
    text = (
        "中华人民共和国宪法\n\n第四章 国旗、国歌、国徽、首都\n\n"
        "第一百四十一条 中华人民共和国国旗是五星红旗。\n"
        "中华人民共和国国歌是《义勇军进行曲》。\n"
        "第一百四十二条 中华人民共和国国徽，中间是五星照耀下的天安门，周围是谷穗和齿轮。\n"
        "第一百四十三条 中华人民共和国首都是北京。\n"
    )
    document = _read("宪法.txt", text)
    assert [(block.section, block.text[:8]) for block in document.blocks] == [
        ("第一百四十一条", "第一百四十一条 "),
        ("第一百四十一条", "中华人民共和国国"),
        ("第一百四十二条", "第一百四十二条 "),
        ("第一百四十三条", "第一百四十三条 "),
    ]


# Laid out as the 2018 PRC constitution's GBK .txt (/tmp/tryout7), articles 30, 62 and 65 cut short:
# a paragraph a line indented with ideographic spaces, a blank line around each list.
CHINESE_LISTS = """中华人民共和国宪法

第一章　总　纲

　　第三十条　中华人民共和国的行政区域划分如下：

　　（一）全国分为省、自治区、直辖市；
　　（二）省、自治区分为自治州、县、自治县、市；
　　（三）县、自治县分为乡、民族乡、镇。

　　直辖市和较大的市分为区、县。自治州分为县、自治县、市。

第三章　国家机构

　　第六十二条　全国人民代表大会行使下列职权：

　　（一）修改宪法；
　　（二）监督宪法的实施；
　　（三）制定和修改刑事、民事、国家机构的和其他的基本法律；
　　（四）选举中华人民共和国主席、副主席；

　　第六十五条　全国人民代表大会常务委员会由下列人员组成：

　　委员长，
　　副委员长若干人，
　　秘书长，
　　委员若干人。

　　全国人民代表大会常务委员会组成人员中，应当有适当名额的少数民族代表。
"""


def test_a_chinese_articles_list_is_quoted_with_the_article_never_as_code() -> None:
    # "（一）修改宪法；" under "第六十二条 …行使下列职权：" was kept as the article's command, and
    # "委员长，" as 第六十五条's ("秘书长，" was dropped): items of the list the article leads into.
    document = _read("宪法.txt", CHINESE_LISTS)
    assert all(block.kind == "text" for block in document.blocks)
    quoted = [passage.text for passage in passages(document, "宪法.txt")]
    assert (
        "第三十条 中华人民共和国的行政区域划分如下：\n（一）全国分为省、自治区、直辖市；\n"
        "（二）省、自治区分为自治州、县、自治县、市；\n（三）县、自治县分为乡、民族乡、镇。"
    ) in quoted
    assert (
        "第六十二条 全国人民代表大会行使下列职权：\n（一）修改宪法；\n（二）监督宪法的实施；\n"
        "（三）制定和修改刑事、民事、国家机构的和其他的基本法律；\n（四）选举中华人民共和国主席、副主席；"
    ) in quoted
    assert (
        "第六十五条 全国人民代表大会常务委员会由下列人员组成：\n委员长，\n副委员长若干人，\n"
        "秘书长，\n委员若干人。"
    ) in quoted
    minorities = _block(document, "应当有适当名额的少数民族代表")
    assert minorities.section == "第六十五条"
    assert not minorities.text.startswith("第六十五条")


def test_note_marks_are_dropped_from_headings_and_note_references_from_text() -> None:
    # ConsultantPlus marks notes "<23>" and "<*>": "ГЛАВА 7. … <23>" was cited so, and "<*>"
    # stood in the text after the word it annotates. The notes themselves are kept.
    document = _fixture("konstitutsiya-rf-excerpt.txt")
    sections = {(block.above, block.section) for block in document.blocks}
    assert all("<" not in " ".join((*above, section or "")) for above, section in sections)
    items = _block(document, "в) по запросу Президента Российской Федерации")
    assert items.text.endswith(
        "(руководителем высшего исполнительного органа государственной "
        "власти субъекта Российской Федерации)."
    )
    assert _block(document, "Редакция наименования главы 7").text.startswith("<23> Редакция")
    # the note on "<*>" names its mark, which stays
    assert "помеченных символом <*>, приведена" in _block(document, "Редакция статей").text


KEYS = """Keyboard shortcuts

In the editor, press Ctrl+K and then <1> to fold the first level of the outline, or <2> to \
fold the second level.

The emulator maps the function keys F1 to F4 onto the numbered buttons <1> <2> <3> <4> along \
the bottom edge of the screen.
"""


def test_marks_in_angle_brackets_stay_in_a_text_without_such_notes() -> None:
    # "<1>" is a key here, no note's mark: the text has no line opening "<1> …"
    document = _read("shortcuts.txt", KEYS)
    assert _block(document, "press Ctrl+K").text == (
        "In the editor, press Ctrl+K and then <1> to fold the first level of the outline, or "
        "<2> to fold the second level."
    )
    assert "numbered buttons <1> <2> <3> <4> along" in _block(document, "emulator").text


def test_a_numbered_part_of_an_article_is_no_heading() -> None:
    # "5.1. Конституционный Суд Российской Федерации:" is part 5.1 of Статья 125, over its items:
    # read as a heading, it closed the article, its chapter and its part, and parts 6 to 8 and
    # the articles after them were cited under no chapter.
    document = _fixture("konstitutsiya-rf-excerpt.txt")
    court = ("РАЗДЕЛ ПЕРВЫЙ", "ГЛАВА 7. СУДЕБНАЯ ВЛАСТЬ И ПРОКУРАТУРА")
    part = _block(document, "5.1. Конституционный Суд Российской Федерации:")
    assert (part.above, part.section) == (court, "Статья 125")
    later = _block(document, "6. Акты или их отдельные положения")
    assert (later.above, later.section) == (court, "Статья 125")
    supreme = _block(document, "Верховный Суд Российской Федерации является")
    assert (supreme.above, supreme.section) == (court, "Статья 126")
    local = _block(document, "1. Местное самоуправление в Российской Федерации")
    assert local.above == ("РАЗДЕЛ ПЕРВЫЙ", "ГЛАВА 8. МЕСТНОЕ САМОУПРАВЛЕНИЕ")


def test_a_preamble_set_a_clause_a_line_is_one_paragraph() -> None:
    document = _fixture("konstitutsiya-rf-excerpt.txt")
    preamble = _block(document, "Мы, многонациональный народ Российской Федерации,")
    assert preamble.text.startswith(
        "Мы, многонациональный народ Российской Федерации, соединенные общей судьбой на своей "
        "земле, утверждая права и свободы человека"
    )
    assert preamble.text.endswith("принимаем КОНСТИТУЦИЮ РОССИЙСКОЙ ФЕДЕРАЦИИ.")


CONTRACT = """SERVICES AGREEMENT

ARTICLE 1. DEFINITIONS

1.1 Terms

In this Agreement the following terms have the meanings set out below, unless the context \
requires otherwise.

ARTICLE 2. TERM

2.1. The Provider shall:
a) deliver the services described in the schedule;
b) report monthly to the Client on the work done.

2.2. This Agreement continues until terminated by either party with thirty days notice in writing.
"""


def test_a_numbered_heading_in_an_article_heads_and_a_numbered_clause_is_its_text() -> None:
    # "1.1 Terms" is a heading; "2.1. The Provider shall:" and "2.2. This Agreement continues
    # …." are clauses of Article 2 (the second was dropped as a heading heading nothing).
    document = _read("agreement.txt", CONTRACT)
    assert _block(document, "the following terms have the meanings").section == "1.1 Terms"
    lead = _block(document, "2.1. The Provider shall:")
    assert lead.section == _block(document, "a) deliver the services").section == "ARTICLE 2. TERM"
    assert _block(document, "2.2. This Agreement continues").section == "ARTICLE 2. TERM"


def test_a_paragraph_after_a_chinese_list_is_no_item_of_it() -> None:
    # The list's last item ends in "；": the paragraph under it was read as the list's closing
    # line and quoted with the list.
    text = (
        "第五条 有下列行为之一的，由主管部门责令改正：\n\n（一）未按照规定办理登记手续；\n\n"
        "（二）未按照规定报送年度报告；\n\n本条所称主管部门，是指县级以上地方人民政府负责市场监督管理的"
        "部门，以及依照法律、行政法规的规定负责相关监督管理工作的其他部门。\n"
    )
    blocks = _read("rules.txt", text).blocks
    closing = next(b for b in blocks if b.text.startswith("本条所称"))
    assert not closing.item
