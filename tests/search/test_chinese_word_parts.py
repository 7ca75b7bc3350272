"""The parts of a long Chinese word that are searched: a word of three characters has no seam, and
of its two overlapping parts the commoner is kept too (红色 of 橘红色 "orange-red"), while a part
straddling the seam of two others still goes (通用 of 普通用户)."""

from __future__ import annotations

from collections.abc import Callable

from hypothesis import given, settings
from hypothesis import strategies as st

from retrieval.library import Library
from retrieval.search import cjk


def _words(text: str) -> list[str]:
    return [word for word, _, _ in cjk.chinese_words(text)]


def test_a_colour_word_is_found_inside_its_shade() -> None:
    assert "红色" in _words("橘红色")  # "red" in "orange-red"
    assert "半球" in _words("南半球")  # "hemisphere" in "southern hemisphere"


def test_a_rare_part_and_a_part_across_a_seam_still_go() -> None:
    assert _words("服务器") == ["服务器", "服务"]  # 务器 is a rare dictionary word
    assert "通用" not in _words("普通用户")  # 普通 + 用户: 通用 ("general") is no word of it
    assert "华人" not in _words("中华人民共和国")


# Characters of everyday words (colours, places, things): runs of them make words of two and
# three characters and overlapping parts.
HAN = "橘红色南半球服务器普通用户中华人民共和国火星表面二氧化碳计算机太阳系管理工具"


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=HAN, min_size=1, max_size=12))
def test_the_words_of_a_run_are_jiebas_and_keep_every_whole_word(run: str) -> None:
    search = cjk._unglued(cjk._jieba().tokenize(run, mode="search", hmm=True))
    kept = cjk.chinese_words(run)
    assert set(kept) <= set(search)
    # A word inside no other (jieba's segmentation of the run) is never dropped.
    for word in search:
        if not any(o != word and o[1] <= word[1] and word[2] <= o[2] for o in search):
            assert word in kept


def test_a_question_saying_red_finds_the_passage_saying_orange_red(
    write_library: Callable[[dict[str, str]], Library],
) -> None:
    library = write_library(
        {
            "mars.txt": "火星\n\n火星在视觉上呈现为橘红色，是由其地表广泛分布的氧化铁造成的。\n\n"
            "火星有两个天然卫星：火卫一和火卫二。\n",
            "apple.txt": "苹果\n\n苹果树是落叶乔木，果实一般呈红色，但需视乎品种而定。\n",
        }
    )
    answer = library.answer("火星为什么是红色的？")
    assert "氧化铁" in answer.hits[0].passage.text


def test_a_numbered_article_is_one_word_without_the_pieces_of_its_number() -> None:
    # 第六 ("sixth") and 十条 ("ten articles") are no words of 第六十条 ("Article 60").
    assert _words("第六十条") == ["第六十条"]
    assert _words("依照第三十九条的规定")[:2] == ["依照", "第三十九条"]
    assert "第二" in _words("第二小的行星")  # an ordinal alone is still a word


def test_a_name_jieba_does_not_know_is_not_glued_to_the_is_after_it() -> None:
    # jieba's guessing model joins an unknown name to the 是 ("is") after it: 火卫二是.
    assert ("火卫二", 0, 3) in cjk.chinese_words("火卫二是什么时候被发现的")
    assert "火卫二是" not in _words("火卫二是什么时候被发现的")
    assert "张三" in _words("张三是老师")


def test_a_name_starting_with_a_stop_character_keeps_it() -> None:
    # 中 and 本 are stop characters alone, and begin the name 中本聪.
    assert "中本聪" in _words("中本聪是谁")


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=HAN + "是的了和被", min_size=1, max_size=14))
def test_every_word_is_the_text_at_its_span(run: str) -> None:
    for word, start, end in cjk.chinese_words(run):
        assert run[start:end] == word
        glued = word[-1] in cjk.grammar()
        if glued and not cjk._jieba().has_word(word):
            assert len(word) <= 2  # only a guess that would leave one character stays


def test_a_question_about_a_name_jieba_guesses_searches_the_name(
    write_library: Callable[[dict[str, str]], Library],
) -> None:
    library = write_library(
        {
            "moons.txt": "火星的卫星\n\n火卫一离火星很近，每天绕火星三圈。\n\n"
            "火卫二离火星较远，直径只有十六公里，是一颗不规则的小天体。\n",
        }
    )
    answer = library.answer("火卫二是什么？")
    assert "zh:火卫二" in answer.terms
    assert "十六公里" in answer.hits[0].passage.text
