"""The terminal chat's further results: one of code alone says what it is (its section), and a
citation's file stands one space after it, in Chinese as in English."""

from __future__ import annotations

from collections.abc import Callable

from bot.locales import zh
from bot.terminal import Layout, TerminalChat
from retrieval.library import Library

DOCS = {
    "guide.md": "# Registration\n\n"
    "A component is registered with app.component, which takes the component name and its "
    "definition.\n\n"
    "## Component names\n\n"
    "```js\napp.component('MyComponent', { /* definition */ })\n```\n\n"
    "## Props\n\n"
    "Props are declared with defineProps.\n",
    "zh.md": "# 组件注册\n\n"
    "一个 Vue 组件在使用前需要先被注册，这样 Vue 才能在渲染模板时找到其对应的实现。\n\n"
    "## 组件名格式\n\n"
    "```js\napp.component('MyComponent', MyComponent)\n```\n",
}


def test_a_result_of_code_alone_is_headed_by_its_section(
    write_library: Callable[[dict[str, str]], Library],
) -> None:
    # tryout15 #15: "  3." and then indented code: users did not know what it was.
    library = write_library(DOCS)
    chat = TerminalChat(library, layout=Layout(columns=100, ansi=False))
    lines = (chat.handle("how is a component registered with app.component") or "").split("\n")
    code = next(n for n, line in enumerate(lines) if "app.component('MyComponent'" in line)
    assert lines[code - 1].strip() in ("2. Component names:", "3. Component names:")
    out = TerminalChat(library, layout=Layout(columns=100, ansi=False)).handle("组件注册") or ""
    assert f"组件名格式{zh.LINE_COLON}" in out
    # One space before the file, after English and Chinese alike ("¶ 1  [" and "¶ 1 [").
    assert "¶ 1 [guide.md]" in (chat.handle("how is a component registered?") or "")
    assert "¶ 1 [zh.md]" in out
    assert "  [" not in out
