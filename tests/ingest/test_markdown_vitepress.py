"""VitePress pages: the Vue docs in Chinese and the Vite docs in Japanese.

Real excerpts of vuejs-translations/docs-zh-cn and vitejs/docs-ja (fixtures/vitepress, sources in
fixtures/SOURCES.md), as a team reading those docs in Chinese or Japanese would index them. A
tester (tryout 15) saw the Vue pages' text inside '<div class="composition-api">' read as raw
Markdown whenever the div held a code block: "### 侦听数据源类型 {#watch-source-types}" glued into
a passage cited under the heading before it, links and backticks left as written, a container's
closing ":::" a passage of its own, and a sentence cut at "`<script setup>`".
"""

from __future__ import annotations

from pathlib import Path

from readerfiles import parsed, texts

from retrieval.ingest.parsed import ParsedDocument

FIXTURES = Path(__file__).parent / "fixtures" / "vitepress"


def _page(name: str) -> ParsedDocument:
    return parsed(FIXTURES / name)


def test_markdown_inside_an_api_preference_div_holding_code_is_read_as_markdown() -> None:
    document = _page("vue-zh-watchers-excerpt.md")
    source = next(b for b in document.blocks if b.text.startswith("watch 的第一个参数可以是"))
    assert source.section == "侦听数据源类型"
    intro = next(b for b in document.blocks if b.text.startswith("在组合式 API 中，我们可以使用"))
    assert "watch 函数" in intro.text and "](" not in intro.text
    for text in texts(document):
        assert "###" not in text and "](" not in text and "`" not in text
        assert text.strip() != ":::"


def test_inline_script_setup_inside_a_div_keeps_the_rest_of_its_sentence() -> None:
    document = _page("vue-zh-template-refs-excerpt.md")
    exposed = next(b for b in document.blocks if "默认私有" in b.text)
    assert exposed.text.endswith("除非子组件在其中通过 defineExpose 宏显式暴露：")
    assert "defineExpose({" in exposed.code


def test_an_anchor_with_a_dot_and_a_badge_of_stars_leave_titles_and_sections() -> None:
    """VitePress hides "{#vue.js-privacy-policy}"; the Vue docs' "\\*\\*" after a heading is a
    badge on their site ("Composition API only"), no word of the section's name."""
    assert _page("vue-zh-privacy-excerpt.md").title == "Vue.js 隐私政策"
    sections = {block.section for block in _page("vue-zh-watchers-excerpt.md").blocks}
    assert "watchEffect()" in sections
    assert not any("*" in (section or "") or "{#" in (section or "") for section in sections)


def test_twoslash_cuts_and_shiki_notation_are_not_code() -> None:
    """What twoslash cuts above "// ---cut---" is hidden on the page; "// [!code ++]" marks an added
    line, and a "[!code --]" line, struck through, is left out by the page's copy button."""
    hmr = _page("vite-ja-api-hmr-excerpt.md")
    accept = next(b for b in hmr.blocks if b.section == "hot.accept(cb)" and b.code)
    assert accept.code.startswith("export const count = 1\n")
    assert "自身を受け入れるモジュール" in accept.text
    assert not any("---cut" in b.code or "import 'vite/client'" in b.code for b in hmr.blocks)
    migration = _page("vite-ja-migration-excerpt.md")
    upgrade = next(b for b in migration.blocks if '"vite"' in b.code)
    assert '"vite": "^8.0.0"\n' in upgrade.code
    assert "[!code" not in upgrade.code and "rolldown-vite@7.2.2" not in upgrade.code


def test_a_container_title_labels_the_box_text() -> None:
    """ ":::warning 谨慎使用" heads the box on the page, as an admonition's title does."""
    document = _page("vue-zh-watchers-excerpt.md")
    warning = next(b for b in document.blocks if "深度侦听需要遍历" in b.text)
    assert warning.text.startswith("谨慎使用: 深度侦听需要遍历被侦听对象中的所有嵌套的属性")


def test_a_code_group_stays_with_its_sentence_and_each_tab_keeps_its_label() -> None:
    """ "例えば Vite + Vue のプロジェクトを生成するには…:" over "::: code-group" and five tabs
    ("```bash [pnpm]"): the sentence was quoted without the command, and "pnpm create vite"
    without saying which package manager it was for."""
    document = _page("vite-ja-guide-index-excerpt.md")
    codes = [(b.text, b.code) for b in document.blocks if "my-vue-app" in b.code]
    assert codes[0][0].startswith("プロジェクト名や使用するテンプレートは")
    assert codes[0][0].endswith("実行します (npm):")
    assert codes[0][1].endswith("\n$ npm create vite@latest my-vue-app -- --template vue")
    assert ("pnpm", "$ pnpm create vite my-vue-app --template vue") in codes
    assert [text for text, _ in codes[1:]] == ["Yarn", "pnpm", "Bun", "Deno"]


def test_a_live_demo_on_a_page_vue_compiles_is_no_text() -> None:
    """The Teleport page's '<div class="demo">' holds a '<button @click="open = true">' and the
    modal it opens: read as text, "Hello from the modal!" ran on from the sentence pointing at
    the button; the sentence after the demo is no part of it either."""
    document = _page("vue-zh-teleport-excerpt.md")
    pointing = next(b for b in document.blocks if b.text.startswith("你可以点击下面这个按钮"))
    assert pointing.text.endswith("在 <body> 标签下找到模态框元素：")
    assert not any(b.text.startswith("Hello from the modal!") for b in document.blocks)
    assert any(b.text.startswith("我们也可以将 <Teleport>") for b in document.blocks)
    assert any("Hello from the modal!" in b.code for b in document.blocks)  # the examples' code
