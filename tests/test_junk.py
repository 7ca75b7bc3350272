"""The page-furniture rules: each kind of line is recognised, ordinary prose is not."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from retrieval.ingest.junk import is_junk
from retrieval.ingest.parsed import ParsedDocument
from retrieval.ingest.readers.text import parse
from retrieval.sentences import sentences


@pytest.mark.parametrize(
    "line",
    [
        "عربي Espa?ol Русский Fran?ais 简体中文",  # the one in 002
        "English Français Español Deutsch 中文 Русский العربية",
        "日本語 한국어 Русский English",
    ],
)
def test_language_bar_is_junk(line: str) -> None:
    assert is_junk(line)


@pytest.mark.parametrize(
    "line",
    [
        "人々のための CVSS v3 評価",  # 々 repeats the kanji before it
        "ｱｸｾｽ 制限 CVSS 評価",  # half-width katakana
        "ＣＶＳＳ 基本値 ｱｸｾｽ 評価",  # full-width Latin
    ],
)
def test_a_japanese_line_in_all_its_forms_is_one_script_not_a_language_bar(line: str) -> None:
    """Japanese lines holding 々, half-width kana or full-width Latin were dropped as bars of
    three languages' names."""
    assert not is_junk(line)


@pytest.mark.parametrize(
    "line",
    ["Home > China/Kina", "Home » World » Asia", "News | World | Sport", "Home > News > Politics"],
)
def test_breadcrumb_is_junk(line: str) -> None:
    assert is_junk(line)


@pytest.mark.parametrize(
    "line",
    ["Print E-mail Bookmark and Share", "Share | Tweet | Email | Print", "Print", "Share", "Email"],
)
def test_share_bar_is_junk(line: str) -> None:
    assert is_junk(line)


@pytest.mark.parametrize(
    "line",
    [
        "Follow China.org.cn on Twitter and Facebook to join the conversation.",
        "Follow The Daily Example on Facebook",
        "Follow us on Instagram",
    ],
)
def test_follow_us_line_is_junk(line: str) -> None:
    assert is_junk(line)


@pytest.mark.parametrize(
    "line",
    [
        "Go to Forum >>0 Comment(s)",
        "0 Comment(s)Print E-mail Xinhua, January 11, 2017",
        "No comments.",
        "Add your comments...",
        "• User Name Required",
        "• Your Comment",
        "Enter the words you see:",
        "Racist, abusive and off-topic comments may be removed by the moderator.",
        "Leave a comment",
        "12 Comments",
    ],
)
def test_comment_form_is_junk(line: str) -> None:
    assert is_junk(line)


@pytest.mark.parametrize(
    "line",
    [
        "Previous 1 2 3 4 5 6 Next",
        "« Prev 1 2 3 Next »",
        "‹ Prev 1 2 3 Next ›",
        "(next)",
        "Next",
        "Continue reading",
    ],
)
def test_pagination_is_junk(line: str) -> None:
    assert is_junk(line)


@pytest.mark.parametrize(
    "line",
    [
        "Xi Jinping and Yang Jiechi Photo:GettyImages",
        "Photo: AFP/Jane Doe",
        "Photo by John Smith/Getty Images",
        "Image credit: Reuters/Staff",
    ],
)
def test_photo_credit_is_junk(line: str) -> None:
    assert is_junk(line)


@pytest.mark.parametrize(
    "line",
    [
        "NEWSLETTER",
        "Join the GlobalSecurity.org mailing list",
        "Sign up for our weekly newsletter",
        "Subscribe to the Example Times newsletter",
        "Send your storiesGet more from China.org.cnMobileRSSNewsletter",
        "ChinaNews App Download",
    ],
)
def test_newsletter_and_app_footer_is_junk(line: str) -> None:
    assert is_junk(line)


@pytest.mark.parametrize(
    "line",
    [
        "Back to Table of Contents",
        "Back to top",
        "Copyright 2024 Example News",
        "© 2024 Example",
        "All rights reserved",
        "<Suggest To a Friend>",
        "Suggest to a friend",
        "Adjust font size:",
        "2008-06-16 00:00",
        "|",
        "***",
        "• •",
        "====",
    ],
)
def test_other_furniture_is_junk(line: str) -> None:
    assert is_junk(line)


@pytest.mark.parametrize(
    "line",
    [
        "China and the UN",
        "Military Exchanges",
        "Four Strategies",
        "Regional Security Cooperation",
        "China-U.S. Relations",
        "Solid Steps Forward",
        "Beijing, 23 May 2008",
        "Chapter IX International Security Cooperation",
    ],
)
def test_headings_and_datelines_are_not_junk(line: str) -> None:
    assert not is_junk(line)


def test_no_sentence_or_heading_of_the_corpus_is_junk(
    parsed_corpus: dict[str, ParsedDocument],
) -> None:
    checked = 0
    for document in parsed_corpus.values():
        for section, text in document.paragraphs:
            assert not is_junk(text), text[:80]
            if section:
                assert not is_junk(section), section
            for sentence in sentences(text):
                assert not is_junk(sentence), sentence
                checked += 1
    assert checked > 300


@pytest.mark.parametrize(
    "line",
    [
        "China will share its experience of poverty reduction with other developing countries.",
        "Next year the two sides will hold their third round of strategic consultation.",
        "More than 150 countries have established military relations with China.",
        "Print media in both countries covered the visit extensively.",
        "Home affairs ministers of the SCO member states met in Beijing.",
    ],
)
def test_prose_that_uses_widget_words_is_not_junk(line: str) -> None:
    assert not is_junk(line)


@pytest.mark.parametrize(
    "line",
    [
        "To subscribe or unsubscribe from a mailing list, please send mail to",
        "Comments on the draft should be sent by e-mail to the list at",
    ],
)
def test_a_sentence_running_on_past_its_line_is_not_junk(line: str) -> None:
    # Widget words ("subscribe", "mailing", "list", "send", "mail"), but the line ends on a
    # word no menu or footer ends on: the sentence goes on under it.
    assert not is_junk(line)


@pytest.mark.parametrize(
    "line",
    [
        "Deploying to GitHub Pages with GitHub Actions",
        "PostgreSQL vs MySQL",
        "Every iPhone and iOS device",
        "MgCO3 + H2SO4 → MgSO4 + H2O + CO2",
    ],
)
def test_names_written_in_camel_case_are_no_flattened_menu(line: str) -> None:
    # Two such names were taken for menu items run together, and the heading, a list's line
    # or a formula was dropped.
    assert not is_junk(line)


# Ordinary words, including some that widgets use ("share", "print", "home", "next", "more").
_WORDS = (
    "china russia the two sides will share print more home next search list menu top send "
    "forum mobile friends trade security council members talks leaders agreed to hold in of and "
    "with for on at visit year peace region ministers"
).split()


@settings(max_examples=100, deadline=None)
@given(
    st.sampled_from(["China", "The", "Both", "Leaders", "Russia", "Next", "More", "Home"]),
    st.lists(st.sampled_from(_WORDS), min_size=6, max_size=40),
    st.sampled_from([".", "!", "?", ".”"]),
)
def test_generated_prose_sentences_are_not_junk(first: str, words: list[str], end: str) -> None:
    assert not is_junk(" ".join([first, *words]) + end)


@pytest.mark.parametrize(
    "line",
    [
        "Climate change has moved back to the top of the international agenda.",
        "Copyright protection for foreign authors was strengthened in 2001.",
        "Asked about the report, the ministry spokesman said he had no comments.",
        "The exhibition opened with a photo by a Chinese artist of the Great Wall.",
    ],
)
def test_prose_paragraph_resembling_a_widget_is_kept(line: str) -> None:
    page = (
        "Harbour Report\n\n"
        "The harbour committee met in spring to discuss the expansion of the port.\n\n"
        f"{line}\n\n"
        "Members agreed that the harbour needs deeper berths for larger cargo ships.\n"
    )
    assert line in [text for _, text in parse(page, "fallback").paragraphs]


@pytest.mark.parametrize(
    "line",
    [
        "sed 's/Glenn/Harold/g' oldfile >newfile",  # slashes of a command, not a breadcrumb
        "http://freshmeat.net/project/sed/",
        "dpkg --purge linux-image-NNN",
        "kbd 软件包支持这一操作，请编辑 /etc/kbd/config 文件。",  # a Chinese sentence with a path
        "Debian 政策要求这类符号链接（到 libfoo.so.x.y.z）由软件包提供。",
        # a path in quotes, in a sentence without its full stop (Debian reference, Spanish)
        "Los sistemas de archivos cifrados se configuran en «/etc/crypttab». Consulte crypttab(5)",
    ],
)
def test_commands_addresses_and_chinese_sentences_are_content(line: str) -> None:
    assert not is_junk(line)


@pytest.mark.parametrize(
    "line",
    [
        "Related: Possible Water Plumes on Europa: The Discovery in Images",
        "Read more: How the harbour wall was built",
        "Share this on WhatsApp",
        "Explore further",
        "Citation: Harbour wall to be rebuilt (2019, November 18) retrieved 20 November 2019 "
        "from https://example.org/news/2019-11-harbour.html",
    ],
)
def test_a_news_pages_related_links_share_lines_and_citation_box_are_furniture(line: str) -> None:
    assert is_junk(line)


@pytest.mark.parametrize(
    "line",
    [
        "Related work on this question was done by the harbour engineers in 2017.",
        "Read the manual before installing the package.",
        "The paper was retrieved from the archive in 1998 and read again.",
    ],
)
def test_sentences_with_the_same_words_are_content(line: str) -> None:
    assert not is_junk(line)
