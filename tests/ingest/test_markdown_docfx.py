"""DocFX's Markdown (Microsoft Learn's pages): videos, includes, styled blocks and pictures.

Real pages of MicrosoftDocs/microsoft-365-docs-pr.ar-SA (fixtures/docfx-ar, sources in
fixtures/SOURCES.md), the kind a tester (tryout 12) indexed: "[!VIDEO https://…]" was a passage
of its own (17 of them) under every "شاهد: …" ("Watch: …") section.
"""

from __future__ import annotations

from pathlib import Path

from readerfiles import parsed, texts

from retrieval.ingest.parsed import ParsedDocument
from retrieval.ingest.readers.markdown import read_markdown

FIXTURES = Path(__file__).parent / "fixtures" / "docfx-ar"
MARKERS = ("[!VIDEO", "[!INCLUDE", "[!div", ":::image", "8<")


def _page(name: str) -> ParsedDocument:
    return parsed(FIXTURES / name)


def _md(source: str) -> ParsedDocument:
    return read_markdown(source.encode(), Path("page.md"))


def test_a_video_is_no_passage() -> None:
    document = _page("about-admin-roles.md")
    section = "شاهد: ما المقصود بالمسؤول؟"
    watch = [block.text for block in document.blocks if block.section == section]
    assert not any("VIDEO" in text or "videoplayer" in text for text in texts(document))
    assert watch[0] == "اطلع على هذا الفيديو وغيره على قناتنا على YouTube."
    assert watch[1].startswith("أثناء تسجيل الدخول إلى Microsoft 365، حدد مشغل التطبيق.")


def test_markers_go_and_what_they_mark_stays() -> None:
    """An include, a video, a styled block and a picture leave no marks; the button's link
    stays; the sentence leading into the video introduces the video, not the next paragraph."""
    document = _page("m365d-autoir.md")
    assert not any(marker in text for text in texts(document) for marker in MARKERS)
    watch = "شاهد الفيديو التالي لمعرفة كيفية عمل الإصلاح الذاتي:"
    assert watch in texts(document)
    assert any(text.startswith("بدء >") for text in texts(document))
    card = [b.text for b in document.blocks if b.section == "بطاقة استجابة & التحقيق التلقائي"]
    assert len(card) == 2 and not any("لقطة شاشة" in text for text in card)  # no alt text


def test_an_include_in_a_sentence_and_pictures_in_cells_leave_no_markup() -> None:
    source = (
        "# Setup\n\nOpen UDP port 1813 on your [!INCLUDE [Product short](includes/p.md)] sensors."
        '\n\n| Feature | Supported |\n| --- | --- |\n| Tips | :::image type="icon" '
        'source="../media/rightmrk.png" border="false"::: Yes |\n\n'
        ':::image type="complex" source="a.png" alt-text="A chart.":::\n'
        "The long description of the chart.\n:::image-end:::\n\n"
        "[!code-csharp[](snippets/Program.cs)]\n\nDone.\n"
    )
    assert texts(_md(source)) == [
        "Open UDP port 1813 on your sensors.",
        "Feature: Tips | Supported: Yes",
        "Done.",
    ]


def test_a_page_of_includes_alone_is_still_indexed_by_what_it_names() -> None:
    source = "---\ntitle: Endpoints\n---\n\n[!INCLUDE [Worldwide](../includes/worldwide.md)]\n"
    document = _md(source)
    assert document.blocks and "worldwide.md" in document.blocks[0].code


def test_the_related_content_links_ending_the_page_are_left_out() -> None:
    """ "[Restore a user](restore-user.md) (article)" lines under "Related content" were quoted
    first for "how do I reset an employee's password?" over the pages with the steps."""
    document = _page("about-admin-roles.md")
    assert not any("(المقالة)" in text for text in texts(document))
    assert document.blocks[-1].section == "الإدارة المفوضة لشركاء Microsoft"


def test_links_elsewhere_or_with_words_or_alone_on_the_page_stay() -> None:
    middle = "# T\n\nIntro.\n\n## See also\n\n- [Users](users.md)\n\n## Usage\n\nRun it.\n"
    assert "Users (users.md)" in texts(_md(middle))
    worded = "# T\n\nIntro text here.\n\n## More\n\nRead [the guide](guide.md) before you start.\n"
    assert texts(_md(worded))[-1] == "Read the guide before you start."
    alone = "# T\n\n## Links\n\n- [Users](users.md)\n- [Groups](groups.md)\n"
    # one list opening its section: one block under its heading; a list of links, by their texts
    assert texts(_md(alone)) == ["Users\nGroups"]


def test_tabs_stand_inside_the_section_they_open_in() -> None:
    """ "# [Outlook](#tab/outlook)" under "## استعادة مجموعة" ("Restore a group"), the set closed
    by "---": the steps are cited "Restore a group › Outlook", the heading after the set is no
    part of the last tab."""
    document = _page("restore-deleted-group.md")
    steps = next(b for b in document.blocks if b.text.startswith("انتقل إلى مركز الإدارة"))
    assert (steps.above, steps.section) == (("استعادة مجموعة",), "مركز مسؤول")
    questions = document.blocks[-1]
    assert (questions.above, questions.section) == ((), "هل لديك أسئلة حول مجموعات Microsoft 365؟")


def test_headings_inside_a_tab_stay_in_it_whatever_their_level() -> None:
    source = (
        "---\ntitle: Onboard\n---\n\n## What to do\n\nPick your devices.\n\n"
        "## [Windows](#tab/win)\n\n## Windows\n\nRun the script.\n\n"
        "## Next steps\n\nSee the list.\n\n"
        "## [Mac](#tab/mac)\n\n## Next steps\n\nSee the Mac list.\n\n---\n\nThe end of the tabs.\n"
    )
    cited = [(b.above, b.section) for b in _md(source).blocks]
    assert cited == [
        ((), "What to do"),
        (("What to do",), "Windows"),
        (("What to do", "Windows"), "Next steps"),
        (("What to do", "Mac"), "Next steps"),
        ((), "What to do"),
    ]


def test_a_closing_section_of_pictures_takes_no_section_of_text_with_it() -> None:
    # A README ending with its sponsors' logos: that section makes no passage (pictures alone
    # are no text), and its "links alone" took the License section above it instead.
    page = (
        "# Tool\n\nTool turns documents into passages you can search.\n\n"
        "## License\n\nThis project is released under the MIT license.\n\n"
        "## Sponsors\n\n[![Acme](acme.png)](https://acme.com)\n"
    )
    assert "This project is released under the MIT license." in texts(_md(page))


def test_a_chinese_sections_one_paragraph_is_not_read_as_a_field() -> None:
    # Chinese writes a sentence without spaces: "one word" to a split on spaces, it was quoted
    # as "简介: 本工具…", words the page does not hold.
    page = (
        "# 工具\n\n## 简介\n\n本工具用于把文档转换成可以搜索的段落。\n\n"
        "## 安装\n\n使用pip安装本工具，然后运行索引命令。\n"
    )
    assert texts(_md(page)) == [
        "本工具用于把文档转换成可以搜索的段落。",
        "使用pip安装本工具，然后运行索引命令。",
    ]


def test_a_closing_heading_with_an_anchor_or_a_link_is_found_as_its_section() -> None:
    for heading in ("## Next steps {#next-steps}", "## [See also](other.md)"):
        page = (
            "# Guide\n\n## Install\n\nRun the installer and follow its steps.\n\n"
            f"{heading}\n\n- [Restore a user](restore.md)\n- [Add a user](add.md)\n"
        )
        assert texts(_md(page)) == ["Run the installer and follow its steps."], heading
