"""Reading a file (decode, clean) and turning its text into title, date, sections, paragraphs."""

from __future__ import annotations

import re
import textwrap
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from retrieval.errors import DocumentError
from retrieval.ingest.dates import find_date
from retrieval.ingest.readers.common import author_names, stated_author
from retrieval.ingest.readers.decoding import MAX_FILE_BYTES, decode
from retrieval.ingest.readers.lines import units
from retrieval.ingest.readers.text import parse, read_document
from retrieval.text import clean, fold, squeeze

FILE = Path("doc.txt")


def words(text: str) -> list[str]:
    return text.split()


# ------------------------------------------------------------------------------ decode
def test_utf8_with_bom_is_decoded_without_the_bom() -> None:
    assert decode("\ufeffCafé au lait".encode(), FILE) == "Café au lait"


def test_latin1_bytes_are_decoded() -> None:
    assert decode("Crème brûlée à la café".encode("latin-1"), FILE) == "Crème brûlée à la café"


def test_windows_1252_quotes_are_decoded() -> None:
    assert decode("“Win-win” – they said".encode("cp1252"), FILE) == "“Win-win” – they said"


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_with_byte_order_mark_is_decoded(encoding: str) -> None:
    data = "\ufeffNaïve peacekeeping notes".encode(encoding)
    assert decode(data, FILE) == "Naïve peacekeeping notes"


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty"),
        (b"  \n\t\n ", "empty"),
        (bytes(range(256)) * 4, "binary, not text"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 20, "binary, not text"),
        (b"\x81\x8d\x8f\x90\x9d" * 100, "not decodable as text (save it as UTF-8)"),
    ],
)
def test_unusable_bytes_raise_document_error_with_a_reason(data: bytes, reason: str) -> None:
    with pytest.raises(DocumentError) as caught:
        decode(data, Path("broken.txt"))
    assert caught.value.reason == reason
    assert str(caught.value).startswith("broken.txt: ")


def test_file_over_20_megabytes_is_refused() -> None:
    with pytest.raises(DocumentError, match="too large"):
        decode(b"a" * (MAX_FILE_BYTES + 1), FILE)


def test_a_file_just_over_the_limit_is_not_said_to_be_at_it() -> None:
    with pytest.raises(DocumentError) as caught:
        decode(b"a" * 21_000_000, FILE)
    assert caught.value.reason == "too large (20.03 MB; the limit is 20 MB)"


def test_control_characters_make_a_file_binary() -> None:
    with pytest.raises(DocumentError, match="binary"):
        decode(("text \x01\x02\x03\x04\x05 " * 50).encode(), FILE)


def test_read_document_of_a_missing_file_says_it_cannot_be_read(tmp_path: Path) -> None:
    with pytest.raises(DocumentError, match="cannot be read"):
        read_document(tmp_path / "missing.txt")


# ------------------------------------------------------------------------------ clean and fold
def test_clean_turns_odd_spaces_into_spaces_and_removes_zero_width_characters() -> None:
    assert clean("a\u00a0b\u2009c\u3000d\u200be\ufefff\u00adg\x07h") == "a b c defgh"


def test_clean_keeps_typographic_quotes_and_dashes() -> None:
    text = "China’s “win-win” cooperation – the ‘Belt and Road’"
    assert clean(text) == text


def test_clean_repairs_mojibake_and_normalises_line_ends() -> None:
    assert clean("CafÃ© on the corner\r\nnext line\rlast") == "Café on the corner\nnext line\nlast"


def test_fold_folds_case_accents_quotes_dashes_and_spaces() -> None:
    assert fold("  China’s “Win–Win”\u00a0CAFÉ\n\tdéjà  ") == 'china\'s "win-win" cafe deja'


# ------------------------------------------------------------------------------ parse
def test_title_is_the_first_title_like_line_and_paragraphs_follow() -> None:
    document = parse(
        "Harbour Report\n\n"
        "The harbour committee met in spring to discuss the expansion of the port.\n\n"
        "Members agreed that the harbour needs deeper berths for larger cargo ships.\n",
        "fallback",
    )
    assert document.title == "Harbour Report"
    assert document.paragraphs == [
        (None, "The harbour committee met in spring to discuss the expansion of the port."),
        (None, "Members agreed that the harbour needs deeper berths for larger cargo ships."),
    ]


def test_ordinary_paragraph_between_two_others_is_kept() -> None:
    middle = "The mayor said the work would start next year and take three years."
    page = (
        "Harbour Report\n\n"
        "The harbour committee met in spring to discuss the expansion of the port.\n\n"
        f"{middle}\n\n"
        "Members agreed that the harbour needs deeper berths for larger cargo ships.\n"
    )
    assert [t for _, t in parse(page, "fallback").paragraphs][1] == middle


def test_file_without_a_title_line_gets_the_fallback_title() -> None:
    document = parse(
        "the harbour committee met in spring to discuss the expansion of the port, and agreed.\n",
        "harbour notes",
    )
    assert document.title == "harbour notes"


def test_markdown_headings_become_title_and_sections() -> None:
    document = parse(
        "# Orchard Notes\n\n"
        "## Apples\n\n"
        "The apple harvest in the northern valley begins in late September.\n\n"
        "## Pears\n\n"
        "Pear trees grow near the river and flower early in the spring.\n",
        "fallback",
    )
    assert document.title == "Orchard Notes"
    assert document.paragraphs == [
        ("Apples", "The apple harvest in the northern valley begins in late September."),
        ("Pears", "Pear trees grow near the river and flower early in the spring."),
    ]


def test_bullets_are_stripped_from_list_paragraphs() -> None:
    document = parse(
        "Harbour Report\n\n"
        "• The harbour needs deeper berths for the larger cargo ships.\n"
        "• The old warehouses along the quay will be turned into offices.\n",
        "fallback",
    )
    assert [t for _, t in document.paragraphs] == [
        "The harbour needs deeper berths for the larger cargo ships.",
        "The old warehouses along the quay will be turned into offices.",
    ]


@pytest.mark.parametrize(
    ("line", "date"),
    [
        ("Beijing, 23 May 2008", "2008-05-23"),
        ("Xinhua, January 11, 2017", "2017-01-11"),
        ("Updated: 2008-06-16 00:00", "2008-06-16"),
        ("Sept. 3, 2001", None),
        ("no date here", None),
        ("2008-13-40", None),
    ],
)
def test_find_date(line: str, date: str | None) -> None:
    assert find_date([line]) == date


def test_date_in_the_body_is_not_taken_for_the_document_date() -> None:
    document = parse(
        "Harbour Report\n\n"
        "The harbour committee met on 3 March 2015 to discuss the expansion of the port.\n",
        "fallback",
    )
    assert document.date is None


def test_dateline_under_the_title_sets_the_date_and_is_not_a_paragraph() -> None:
    document = parse(
        "Joint Statement on Ports\n\nRotterdam, 12 June 2019\n\n"
        "The two sides agreed to cooperate on the expansion of their ports and harbours.\n",
        "fallback",
    )
    assert document.date == "2019-06-12"
    assert [t for _, t in document.paragraphs] == [
        "The two sides agreed to cooperate on the expansion of their ports and harbours."
    ]


@pytest.mark.parametrize(
    ("written", "author"),
    [
        ("Jane Doe <jane@example.org>", "Jane Doe"),
        ("World Health Organization", "World Health Organization"),
        ("Voltaire", "Voltaire"),
        ("jdoe", None),  # a login
        ("cmcatee-MSFT", None),  # a login, as Microsoft's docs name their writers
        ("d'Alembert", "d'Alembert"),
        ("", None),
    ],
)
def test_a_stated_author_is_kept_without_its_address(written: str, author: str | None) -> None:
    assert stated_author(written) == author


@pytest.mark.parametrize(
    ("written", "authors"),
    [
        ("Alice Smith; Bob Jones", "Alice Smith, Bob Jones"),
        ("A. Smith, B. Jones and C. Wu", "A. Smith, B. Jones, C. Wu"),
        ("Miguel de Cervantes Saavedra", "Miguel de Cervantes Saavedra"),
        ("Ann Lee, and Bob Jones", "Ann Lee, Bob Jones"),
        ("Ann Lee <ann@example.org>", "Ann Lee"),
        # the account or program that made the file names no one who wrote it
        ("Windows User", None),
        ("Preferred Customer", None),  # an old Office's default
        ("Google Docs Renderer", None),
        ("Microsoft Office User", None),
        ("Administrator", None),
        ("jsmith", None),
        ("python-docx", None),
        ("Alice Smith; admin", None),
        (None, None),
    ],
)
def test_a_files_author_field_names_people_or_no_one(
    written: str | None, authors: str | None
) -> None:
    assert author_names(written) == authors


# ------------------------------------------------------------------------------ a new web page
NEW_PAGE = """\
Home » World » Asia
Trade Talks Resume Between Neighbours
Share | Tweet | Email | Print
Follow The Daily Example on Facebook
Photo: AFP/Jane Doe

Officials from both countries met in the capital on Tuesday to resume talks on a regional trade \
agreement that had stalled for two years.

\u00a0\u00a0The negotiators said they expected to conclude a first round of discussions before \
the end of the year, and to publish a joint report afterwards.

« Prev 1 2 3 Next »
Leave a comment
Your comment
12 Comments
Sign up for our weekly newsletter
Copyright 2024 The Daily Example. All rights reserved.
"""


def test_new_web_page_of_the_same_kind_comes_out_with_just_title_and_paragraphs() -> None:
    document = parse(clean(NEW_PAGE), "fallback")
    assert document.title == "Trade Talks Resume Between Neighbours"
    assert document.paragraphs == [
        (
            None,
            "Officials from both countries met in the capital on Tuesday to resume talks on a "
            "regional trade agreement that had stalled for two years.",
        ),
        (
            None,
            "The negotiators said they expected to conclude a first round of discussions before "
            "the end of the year, and to publish a joint report afterwards.",
        ),
    ]


def test_first_page_pagination_bar_is_not_a_passage() -> None:
    page = NEW_PAGE.replace("« Prev 1 2 3 Next »", "1 2 3 4 Next »")
    texts = [t for _, t in parse(clean(page), "fallback").paragraphs]
    assert len(texts) == 2, texts


# ------------------------------------------------------------------------------ hard-wrapped text
_WORDS = (
    "china russia trade peace security council members states partners regional dialogue "
    "cooperation agreement military exchanges policy development countries nations talks"
).split()
_sentence = st.builds(
    lambda first, rest: " ".join([first, *rest]) + ".",
    st.sampled_from(["The", "China", "Both", "Leaders", "Their"]),
    st.lists(st.sampled_from(_WORDS), min_size=4, max_size=14),
)
_paragraph = st.lists(_sentence, min_size=2, max_size=6).map(" ".join)


def hard_wrap(paragraphs: list[str], width: int, first_words: int) -> str:
    """Wrap each paragraph at ``width`` with a short first line, no blank lines between them."""
    lines: list[str] = []
    for paragraph in paragraphs:
        ws = paragraph.split()
        lines.append(" ".join(ws[:first_words]))
        lines.extend(textwrap.wrap(" ".join(ws[first_words:]), width))
    return "\n".join(lines) + "\n"


@settings(max_examples=75, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(_paragraph, min_size=2, max_size=6),
    st.integers(min_value=60, max_value=80),
    st.integers(min_value=1, max_value=4),
)
def test_units_of_hard_wrapped_text_keep_every_word_once_in_order(
    paragraphs: list[str], width: int, first_words: int
) -> None:
    text = hard_wrap(paragraphs, width, first_words)
    assert words(" ".join(units(text))) == words(text)


@settings(max_examples=75, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(_paragraph, min_size=2, max_size=6),
    st.integers(min_value=60, max_value=80),
    st.integers(min_value=1, max_value=4),
)
def test_parse_of_hard_wrapped_text_keeps_every_word_once_in_order(
    paragraphs: list[str], width: int, first_words: int
) -> None:
    text = "Security Cooperation Report\n" + hard_wrap(paragraphs, width, first_words)
    document = parse(text, "fallback")
    assert document.title == "Security Cooperation Report"
    assert words(" ".join(t for _, t in document.paragraphs)) == words(" ".join(paragraphs))


def test_hard_wrapped_paragraphs_and_two_line_heading_are_reflowed() -> None:
    text = (
        "Security Report\n"
        "In this chapter the\n"
        "report describes the cooperation of China with other countries in the fields of\n"
        "security and defense over the past two years.\n"
        "Cooperation in\n"
        "Non-Traditional Security Fields\n"
        "China attaches great\n"
        "importance to security cooperation in the non-traditional security fields with\n"
        "other countries, maintaining that in jointly combating non-traditional security\n"
        "threats, it is imperative to address both the symptoms and root causes.\n"
        "Cooperation in non-traditional\n"
        "security fields within the frameworks of ASEAN and China has developed gradually\n"
        "in recent years, and the two sides signed a joint declaration in November 2002.\n"
    )
    document = parse(text, "fallback")
    section = "Cooperation in Non-Traditional Security Fields"
    assert document.title == "Security Report"
    assert document.paragraphs == [
        (
            None,
            "In this chapter the report describes the cooperation of China with other countries "
            "in the fields of security and defense over the past two years.",
        ),
        (
            section,
            "China attaches great importance to security cooperation in the non-traditional "
            "security fields with other countries, maintaining that in jointly combating "
            "non-traditional security threats, it is imperative to address both the symptoms "
            "and root causes.",
        ),
        (
            section,
            "Cooperation in non-traditional security fields within the frameworks of ASEAN and "
            "China has developed gradually in recent years, and the two sides signed a joint "
            "declaration in November 2002.",
        ),
    ]


@pytest.mark.parametrize(
    "last_word",
    [
        "returned.",
        "home.",
        "back.",
    ],
)
def test_wrapped_paragraph_ending_in_a_lone_word_keeps_it(last_word: str) -> None:
    text = (
        "Naval Visits\n"
        "In October 2003, the\n"
        "navy of China paid a friendly visit to the ports of the region and then brought\n"
        "its ships and sailors safely back after a voyage of many weeks at sea, and they\n"
        f"{last_word}\n"
        "The ministers of\n"
        "defense of the two countries exchanged visits in April 2003 and March 2004\n"
        "respectively, the first of their kind in many years of their relations.\n"
    )
    texts = [t for _, t in parse(text, "fallback").paragraphs]
    assert texts[0].endswith(f"at sea, and they {last_word}")
    assert len(texts) == 2


def test_wrapped_title_directly_followed_by_a_heading_stays_two_lines() -> None:
    text = (
        "Annual Security Report\n"
        "Strategic Consultation and Dialogue\n"
        "In recent\n"
        "years, China has intensified bilateral and multilateral strategic consultation\n"
        "and dialogues with countries concerned in security and defense fields which\n"
        "contribute to better mutual trust and mutual exchange and cooperation.\n"
        "With the strengthening of the strategic and\n"
        "cooperative partnership between China and Russia, the two countries have\n"
        "established a senior-level meeting mechanism to exchange views on major issues.\n"
    )
    document = parse(text, "fallback")
    assert document.title == "Annual Security Report"
    assert {section for section, _ in document.paragraphs} == {
        "Strategic Consultation and Dialogue"
    }


def test_reflowed_text_joins_lines_with_single_spaces() -> None:
    text = hard_wrap(
        [
            "The two sides agreed to strengthen cooperation on trade and security in the region. "
            "Both leaders said the talks were frank and fruitful and would continue next year."
        ]
        * 3,
        70,
        2,
    )
    for unit in units(text):
        assert unit == squeeze(unit)
        assert not re.search(r"\s{2,}", unit)


MARKDOWN_PAGE = """# Project Apollo

## Budget

The **Apollo** program cost about [25.4 billion dollars](https://example.com) over its lifetime.

* Item one: launch vehicles
* Item two: spacecraft

## Crew

Neil Armstrong and Buzz Aldrin walked on the Moon in July 1969 while Michael Collins orbited.
"""


def test_markdown_is_read_as_a_reader_sees_it() -> None:
    document = parse(clean(MARKDOWN_PAGE), "fallback", markdown=True)
    assert document.title == "Project Apollo"
    assert document.paragraphs == [
        ("Budget", "The Apollo program cost about 25.4 billion dollars over its lifetime."),
        ("Budget", "Item one: launch vehicles"),  # list items stay under their own heading
        ("Budget", "Item two: spacecraft"),
        ("Crew", "Neil Armstrong and Buzz Aldrin walked on the Moon in July 1969 while Michael "
                 "Collins orbited."),
    ]  # fmt: skip


# Plain-text FAQs: wrapped question headings, tables of contents; Chinese hard-wrapped -----------

FAQ_ITEMS = "".join(
    f"\n{n}. Where is part number {n} kept on the system?\n\n"
    f"It is kept in the folder of part {n}, which the installer creates. Nothing else is there.\n"
    for n in range(3, 9)
)


def test_a_question_heading_wrapped_over_two_lines_heads_its_answer_whole() -> None:
    text = (
        "The Package FAQ\n\n"
        "1. How do I install the package on a machine without\nnetwork access?\n\n"
        "Download the files on another machine and copy them over.\n\n"
        "2. What is this FAQ\nabout, and who wrote it?\n\n"
        "It answers common questions. It was written by the maintainers.\n" + FAQ_ITEMS
    )
    document = parse(text, "faq")
    assert document.paragraphs[:2] == [
        (
            "1. How do I install the package on a machine without network access?",
            "Download the files on another machine and copy them over.",
        ),
        (
            "2. What is this FAQ about, and who wrote it?",
            "It answers common questions. It was written by the maintainers.",
        ),
    ]


def test_a_table_of_contents_is_no_passage_and_names_the_sections() -> None:
    topics = [
        "Installing the package on a machine without network access",
        "Upgrading from an older release of the package",
        "Where the logs are kept and for how long",
        "Reporting bugs to the maintainers of the package",
    ]
    contents = "".join(f"{n} {topic} ..... {2 * n + 1}\n" for n, topic in enumerate(topics, 1))
    body = "".join(
        f"\n{n} {topic}\n\nThis part says how it is done, step by step, for every release.\n"
        for n, topic in enumerate(topics, 1)
    )
    document = parse(f"The Package Guide\n\nTable of Contents\n{contents}{body}", "guide")
    assert document.paragraphs == [
        (f"{n} {topic}", "This part says how it is done, step by step, for every release.")
        for n, topic in enumerate(topics, 1)
    ]


def test_a_few_short_lines_that_come_back_later_are_kept() -> None:
    text = (
        "Notes\n\nRed apples ripen first in the valley.\nGreen apples ripen later.\n\n"
        "Red apples ripen first in the valley.\n\nThat is what the growers say every year.\n"
    )
    assert "Green apples ripen later." in " ".join(p for _, p in parse(text, "n").paragraphs)


def test_hard_wrapped_chinese_lines_join_without_a_space_and_headings_stay() -> None:
    text = (
        "中文文档\n\n第一章 总则\n"
        "这是一个很长的句子，它被硬换行了，因为作者使用了固定宽度的编辑器来写这\n"
        "个文件。我们希望读者看到的是一个完整的段落，而不是两个片段，因为这样的\n"
        "片段在搜索的时候会被分开。\n\n"
        "第二段也是这样写的，它同样被硬换行了，读者应该看到完整的段落而不是几个\n"
        "片段。\n"
    )
    document = parse(text, "zh")
    assert document.paragraphs[-2:] == [
        (
            "第一章 总则",
            "这是一个很长的句子，它被硬换行了，因为作者使用了固定宽度的编辑器来写这个文件。"
            "我们希望读者看到的是一个完整的段落，而不是两个片段，因为这样的片段在搜索的时候会被分开。",
        ),
        (
            "第一章 总则",
            "第二段也是这样写的，它同样被硬换行了，读者应该看到完整的段落而不是几个片段。",
        ),
    ]
