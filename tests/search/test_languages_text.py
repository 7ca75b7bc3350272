"""Text in any script: tokens point at it, sentences cover it, excerpts mark it.

Properties over any text (Hypothesis draws from every script, with the troublesome characters
more often), then the cases a reader of Chinese, Arabic and Russian would check.
"""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from retrieval.ingest.passages import MAX_PASSAGE_CHARS, split_long
from retrieval.search.analyzer import Analyzer, Synonyms, default_synonyms_path
from retrieval.search.excerpts import excerpt
from retrieval.search.languages import LANGUAGES, detect
from retrieval.search.scripts import drop_stray_marks
from retrieval.sentences import join_lines, sentence_spans, sentences

PIECES = st.sampled_from(
    [
        *"。！？；，、「」『』（）《》…—.!?;:,\"'«»¿¡؟،۔।\n \u00a0\u0301\u064e\u200c",
        "软件包管理工具",
        "Debian",
        "ёлка",
        "l'installation",
        "الحُزَم",
        "پکیج",
        "パッケージ",
        "한국어",
        "שלום",
        "Ελληνικά",
        "हिन्दी",
        "ภาษาไทย",
        "٢٠٢٤",
        "3,362",
        "U.S.",
        "counter-terrorism",
    ]
)
ANY_TEXT = st.text(max_size=200) | st.lists(PIECES | st.text(max_size=6), max_size=60).map("".join)
LANGS = st.sampled_from(sorted(LANGUAGES))
SETTINGS = settings(max_examples=300, deadline=None)


@pytest.fixture(scope="module")
def analyzer() -> Analyzer:
    return Analyzer(Synonyms.load(default_synonyms_path()))


@SETTINGS
@given(ANY_TEXT, LANGS)
def test_tokens_of_any_text_in_any_language_point_at_it_in_order(
    analyzer: Analyzer, text: str, lang: str
) -> None:
    tokens = analyzer.tokens(text, lang)
    for token in tokens:
        assert 0 <= token.start < token.end <= len(text)
        span = text[token.start : token.end]
        assert span.strip() == span and span
        assert token.term and not any(ch.isspace() for ch in token.term)
    assert [t.start for t in tokens] == sorted(t.start for t in tokens)
    assert analyzer.tokens(text, lang) == tokens  # the caches change nothing


@SETTINGS
@given(ANY_TEXT, LANGS)
def test_terms_are_english_numbers_or_tagged_with_a_language(
    analyzer: Analyzer, text: str, lang: str
) -> None:
    for token in analyzer.tokens(text, lang):
        code, colon, _ = token.term.partition(":")
        assert not colon or code in LANGUAGES or token.term.startswith("_")


@SETTINGS
@given(ANY_TEXT, st.none() | st.lists(LANGS, max_size=4), st.none() | LANGS)
def test_any_text_is_in_a_known_language(
    text: str, candidates: list[str] | None, prior: str | None
) -> None:
    found = detect(text, candidates, prior)
    assert found in LANGUAGES
    assert detect(text, candidates, prior) == found


@SETTINGS
@given(ANY_TEXT)
def test_sentence_spans_cover_any_text_in_order_without_overlap(text: str) -> None:
    spans = sentence_spans(text)
    covered = "".join(text[a:b] for a, b in spans)
    assert "".join(covered.split()) == "".join(text.split())
    for (a, b), (c, _) in itertools.pairwise(spans):
        assert a < b <= c
    for a, b in spans:
        assert text[a:b].strip() == text[a:b]


# ------------------------------------------------------------------------------ sentences
def test_chinese_sentences_end_at_full_width_marks_without_spaces() -> None:
    assert sentences("本文档提供了常见问题。如果可能，会提供链接！真的吗？是的；完毕") == [
        "本文档提供了常见问题。",
        "如果可能，会提供链接！",
        "真的吗？",
        "是的；",
        "完毕",
    ]


def test_closing_quotes_stay_with_a_chinese_sentence() -> None:
    assert sentences("他说：“好的。”然后走了。") == ["他说：“好的。”", "然后走了。"]


def test_russian_spanish_arabic_sentences_split() -> None:
    assert sentences("Это первое. Это второе! А это?") == ["Это первое.", "Это второе!", "А это?"]
    assert sentences("¿Cómo estás? ¡Bien! Gracias.") == ["¿Cómo estás?", "¡Bien!", "Gracias."]
    assert sentences("ما هو دبيان؟ إنه نظام تشغيل.") == ["ما هو دبيان؟", "إنه نظام تشغيل."]


def test_a_small_letter_after_a_full_stop_starts_no_sentence() -> None:
    assert sentences("См. раздел 5, т. е. ниже.") == ["См. раздел 5, т. е. ниже."]


def test_a_long_chinese_paragraph_becomes_several_passages() -> None:
    sentence = "Debian 的软件包系统是使它跻身顶级发行版行列的重要原因之一。"
    paragraph = sentence * (3 * MAX_PASSAGE_CHARS // len(sentence))
    parts = split_long(paragraph)
    assert len(parts) >= 3
    assert all(len(part) <= MAX_PASSAGE_CHARS for part in parts)
    assert "".join(parts) == paragraph


# ------------------------------------------------------------------------------ excerpts
def test_a_chinese_excerpt_marks_the_matched_words(analyzer: Analyzer) -> None:
    text = "Debian 是一个操作系统。软件包管理工具 dpkg 安装软件包。它还有很多用户。"
    weights = dict.fromkeys(analyzer.terms("怎么安装软件包", "zh"), 1.0)
    found = excerpt(text, analyzer, weights, "zh")
    marked = [s.text for s in found.segments if s.marked]
    assert "".join(s.text for s in found.segments) == "软件包管理工具 dpkg 安装软件包。"
    assert marked == ["软件包", "安装软件包"]
    assert found.cut_before and found.cut_after


def test_a_russian_excerpt_marks_words_in_any_form(analyzer: Analyzer) -> None:
    text = "Сначала прочтите документацию. Затем установите пакеты командой apt."
    weights = dict.fromkeys(analyzer.terms("как установить пакет", "ru"), 1.0)
    found = excerpt(text, analyzer, weights, "ru")
    assert [s.text for s in found.segments if s.marked] == ["установите", "пакеты"]


def test_an_arabic_excerpt_marks_right_to_left_words(analyzer: Analyzer) -> None:
    text = "دبيان نظام تشغيل حر. يمكنك تثبيت الحزم بسهولة."
    weights = dict.fromkeys(analyzer.terms("تثبيت الحزم", "ar"), 1.0)
    found = excerpt(text, analyzer, weights, "ar")
    assert [s.text for s in found.segments if s.marked] == ["تثبيت", "الحزم"]


def test_stray_marks_are_dropped_but_letters_keep_theirs() -> None:
    assert drop_stray_marks("Z̷a̷l̷g̷o̷") == "Zalgo"
    assert drop_stray_marks("cafe\u0301") == "café"
    assert drop_stray_marks("мой ёж") == "мой ёж"
    assert drop_stray_marks("한국어 が ال\u064eحزم हिन्दी") == "한국어 が ال\u064eحزم हिन्दी"


def test_a_question_word_typed_in_two_alphabets_is_mended(analyzer: Analyzer) -> None:
    # A Latin "a" in a Russian word, a Cyrillic "а" in a command: a keyboard layout switched
    # mid-word. The word is put in the alphabet most of its letters are in.
    assert drop_stray_marks("Как удалить пaкет?") == "Как удалить пакет?"
    assert drop_stray_marks("кaк удaлить") == "как удалить"  # small letters too
    assert drop_stray_marks("через аpt-get") == "через apt-get"
    mended = drop_stray_marks("пaкеты")
    assert analyzer.terms(mended, "ru") == analyzer.terms("пакеты", "ru") == ["ru:пакет"]
    # Words really in two alphabets, or with a letter that has no twin, stay as typed.
    assert drop_stray_marks("USB-флешка") == "USB-флешка"
    assert drop_stray_marks("Оk") == "Оk"


def test_a_long_laugh_is_read_at_once() -> None:
    # Each word is looked at once: "ха" × 2,500 next to Russian is no reason to stall.
    laugh = "ха" * 2500
    assert drop_stray_marks(f"{laugh} пaкет") == f"{laugh} пакет"


def test_full_width_letters_of_a_chinese_question_meet_the_documents_ascii(
    analyzer: Analyzer,
) -> None:
    # A Chinese input method set to full width types "ａｐｔ－ｇｅｔ" for apt-get.
    question = drop_stray_marks("怎么用ａｐｔ－ｇｅｔ升级系统？")
    assert question == "怎么用apt-get升级系统？"  # the Chinese question mark stays
    assert analyzer.terms(question, "zh") == analyzer.terms("怎么用 apt-get 升级系统？", "zh")


def test_wrapped_chinese_lines_join_without_a_space() -> None:
    assert join_lines(["Debian 的软件包系统是使它跻身", "顶级发行版行列的重要原因之一。"]) == (
        "Debian 的软件包系统是使它跻身顶级发行版行列的重要原因之一。"
    )
    assert join_lines(["软件包，", "Debian"]) == "软件包， Debian"
    assert join_lines(["The two sides", "agreed."]) == "The two sides agreed."
    assert join_lines(["", " a ", "b"]) == "a b"


def test_a_line_cut_after_a_slash_inside_a_word_pair_or_address_joins_unspaced() -> None:
    # As the Debian FAQ's text rendering wraps them: a reader sees "GNU/Linux", not "GNU/ Linux".
    assert join_lines(["runs Debian GNU/", "Linux today"]) == "runs Debian GNU/Linux today"
    assert (
        join_lines(["see (https://", "www.debian.org/Bugs/)"])
        == "see (https://www.debian.org/Bugs/)"
    )
    assert join_lines(["in /usr/share/doc/debian/", "bug-reporting.txt."]) == (
        "in /usr/share/doc/debian/bug-reporting.txt."
    )
    # A path that ends whole at the line end keeps the space before the next word, and so does
    # a folder named before a sentence goes on (a reviewer's cases).
    assert join_lines(["under /usr/local/", "be empty"]) == "under /usr/local/ be empty"
    assert join_lines(["the templates/", "so that Flask"]) == "the templates/ so that Flask"
    assert join_lines(["in /usr/local/etc/", "e.g. the file"]) == "in /usr/local/etc/ e.g. the file"
    assert join_lines(["debian/", "The directory holding"]) == "debian/ The directory holding"
    assert (
        join_lines(["/* Backup object */", "sqlite3 *pTo;"]) == "/* Backup object */ sqlite3 *pTo;"
    )
