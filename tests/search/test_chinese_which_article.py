"""哪一条 ("which article"), 哪条, 第几条, 哪一章 ask with a question word, as "which article"
does: its pieces are no words of the answer."""

from __future__ import annotations

from collections.abc import Callable

from retrieval.library import Library

# Written for this test in the layout of the Chinese UN Charter's plain text: an article
# citing others by number ("第八十一条") before the article on self-defence.
CHARTER = """我联合国人民同兹决心

第八十条

除依第七十七条、第七十九条及第八十一条所订置各领土于托管制度下之个别托管协定另有议定外，本章任何规定绝对不得解释为以任何方式变更任何国家之权利。

第五十一条

联合国任何会员国受武力攻击时，本宪章不得认为禁止行使单独或集体自卫之自然权利。
"""


def test_which_article_asked_in_chinese_is_a_question_word(
    write_library: Callable[[dict[str, str]], Library],
) -> None:
    # 哪一条 matched 一条 at the end of 第八十一条, cited in 第八十条, which came first.
    library = write_library({"charter_zh.txt": CHARTER})
    for question in ("哪一条规定了自卫权？", "哪条规定了自卫权？", "第几条规定了自卫权？"):
        assert library.answer(question).hits[0].passage.section == "第五十一条", question
