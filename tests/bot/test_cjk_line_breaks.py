"""The terminal chat wraps Chinese and Japanese by their line-breaking rules: no line starts
with a closing mark ("，", "）", "”") and none ends with an opening one ("（", "“")."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest

from bot.render import plain
from bot.terminal import Layout, TerminalChat
from retrieval.library import Library

DOCS = {
    "zh.md": "# 作用域\n\n"
    "箭头函数的 this 指向其定义时所处的作用域，这和 JavaScript 普通函数的规则不同，"
    "被“缓存”的组件（KeepAlive）不会被卸载。\n",
    "ja.md": "# ファイルシステム\n\n"
    "ファイルシステム（Windows/macOS）では大文字と小文字を区別しません。"
    "設定「server.port」を変えると、別のポートで起動します。\n",
}
BAD_START = re.compile(r"^\s*[，。、：；）」』！？”]", re.M)
BAD_END = re.compile(r"[（「『“]$", re.M)


@pytest.fixture(scope="module")
def library(write_library: Callable[[dict[str, str]], Library]) -> Library:
    return write_library(DOCS)


@pytest.mark.parametrize("columns", range(16, 48))
@pytest.mark.parametrize("question", ["作用域规则是什么", "ファイルシステムの大文字と小文字"])
def test_no_line_starts_with_closing_punctuation_at_any_width(
    library: Library, question: str, columns: int
) -> None:
    # tryout15 #13: "…所处的作用域⏎  ，这和 JavaScript…", "ファイルシステム（⏎ Windows/macOS）".
    chat = TerminalChat(library, layout=Layout(columns=columns, ansi=False))
    out = (chat.handle(question) or "").replace("**", "")  # matched words' marks
    said = re.sub(r"\s+", "", out)
    assert "作用域，这和JavaScript" in said or "ファイルシステム（Windows/macOS）" in said
    assert not BAD_START.search(out), out
    assert not BAD_END.search(out), out


def test_a_mark_after_a_space_stays_with_its_word_and_a_dotted_name_may_start_a_line() -> None:
    text = "文件 .gitignore 里（boolean ）"
    lines = plain.fill([(text, False)], 14, "", "").split("\n")
    assert lines == ["文件", ".gitignore 里", "（boolean ）"]


@pytest.mark.parametrize("columns", [30, 40, *range(12, 24)])
@pytest.mark.parametrize(
    "text",
    [
        "目次の項目" + "・・・…" * 16 + "12ページ",  # leader dots
        "見出しの下線" + "ー" * 60 + "本文です",
        "言葉が途切れた" + "。" * 60 + "そして次へ",
    ],
)
def test_a_long_run_of_marks_breaks_so_every_line_fits_the_width(text: str, columns: int) -> None:
    # A run of marks that may not start a line was glued into one word: lines of 64 and 120
    # columns at a width of 40 or 30.
    lines = plain.wrap(text, columns=columns, indent="").split("\n")
    assert all(plain.columns_of(line) <= columns for line in lines), lines
    assert "".join(lines) == text


@pytest.mark.parametrize("columns", range(6, 30))
def test_a_word_s_closing_marks_still_never_start_a_line(columns: int) -> None:
    # One or two marks after a word (and a word's closing brackets, quote and stop) stay with it.
    text = "彼は言った「設定（KeepAlive）」。それから……」。次に、「はい」！！と答えた。"
    out = plain.wrap(text, columns=columns, indent="")
    assert not BAD_START.search(out) and not re.search(r"^[…！]", out, re.M), out


def test_a_short_run_of_closing_marks_stays_with_its_word() -> None:
    # A final reader's case: "！！！" and "？？？" broke after two, a lone "？" starting a line
    # (from 16 columns "そうです！！！" fits on a line).
    for width in range(16, 30):
        lines = plain.wrap("はい！！！そうです！！！本当に？？？", columns=width, indent="").split(
            "\n"
        )
        assert not [line for line in lines if line[:1] in "！？"], (width, lines)


@pytest.mark.parametrize("columns", range(16, 48))
def test_a_matched_chinese_word_is_never_cut_between_lines(library: Library, columns: int) -> None:
    # tryout19: the terminal wrapped a bold "容器" as "**容**" / "**器**", two words marked.
    chat = TerminalChat(library, layout=Layout(columns=columns, ansi=False))
    out = chat.handle("作用域规则是什么") or ""
    assert "**作用域**" in out
    assert not re.search(r"\*\*[^*\s]+\*\*\n\s*\*\*", out), out
