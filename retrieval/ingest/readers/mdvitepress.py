"""VitePress's Markdown: the marks its code blocks carry that the built page does not show.

Shiki's notation comments ("// [!code ++]", "# [!code focus]", "<!-- [!code warning] -->"), which
VitePress and other Shiki sites read on every code block, colour or highlight their line and are
not shown. A line marked "[!code --]" is shown struck through as a removed line of a diff, and
the page's copy button leaves it out (VitePress's ``copyCode``: ".diff.remove" is ignored): the
code a reader takes away is the new one, so the line is left out here too; the sentence over a
diff says what changed ("rolldown-vite から Vite 8 に移行する場合は…").

Twoslash's markers, in a block whose info string asks for it ("```ts twoslash"), hide the lines
around the example: "// ---cut---" (or "---cut-before---") hides what is above it,
"// ---cut-after---" what is below, "// ---cut-start---" to "// ---cut-end---" what is between;
"// @filename: x", "// @errors: 2304", "// @noErrors" set up the compiler and "//   ^?" asks for a
type shown as a popup. None of those lines is shown.

A custom container ("::: warning 谨慎使用", ":::tip 注意", "::: details 点击查看") is a box
headed by its title: the title labels the box's text as an admonition's does. One without a
title is headed by the site's label for its type, which the site's settings translate ("提示",
"警告") and the page does not say: it gets none.

A code block's title ("```sh [pnpm]", "```vue{4} [AlertBox.vue]") is shown above it: the file's
name, or in a "::: code-group" the tab's label ("npm", "pnpm", "Yarn"), which says which
version of the command the code is.

A page holding a ``<script setup>`` block is compiled as a Vue component (VitePress), and its
HTML holding Vue's template syntax ("{{ message }}", '<button @click="open = true">',
'<input v-model="checked">', '<p v-highlight>') is a live demo: the page shows the running
widget (a button, "Message is: Hello"), not those words; read as text it was "Message is: {{
message }}", or "Hello from the modal!" glued to the sentence introducing the demo.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

# A Shiki notation comment ending a line: "// [!code ++]", "/* [!code highlight] */", "# [!code
# --]", "<!-- [!code focus] -->", "-- [!code error]"; "[!code highlight:3]" marks three lines.
_NOTATION = re.compile(
    r"[ \t]*(?://|/\*|#|<!--|--|;|%)[ \t]*\[!code (?P<kind>[\w+-]+)(?::\d+)?\]"
    r"[ \t]*(?:\*/|-->)?[ \t]*$"
)
# A custom container's opening line and its title ("{open}" opens a details box: no words).
_CONTAINER = re.compile(
    r"^:::[ \t]*(?:info|tip|warning|danger|details)(?:[ \t]+(?P<title>.*?))?"
    r"(?:[ \t]*\{[^{}]*\})?[ \t]*$",
    re.IGNORECASE,
)
_CODE_GROUP = re.compile(r"^:::[ \t]*code-group[ \t]*$")
# A fence's title after its language and lines to highlight: "sh [pnpm]", "vue{4} [App.vue]".
_FENCE_TITLE = re.compile(r"^\S*?(?:\{[^{}]*\})?[ \t]*\[(?P<title>[^\[\]]+)\]")
_SCRIPT_SETUP = re.compile(r"^\s*<script\s+setup\b", re.IGNORECASE)
# Vue's template syntax in HTML: an interpolation, or a directive among a tag's attributes
# ("v-model", "v-if", "@click", ":to"); not an attribute whose name merely holds a colon.
_VUE_TEMPLATE = re.compile(
    r"\{\{.*?\}\}|<[A-Za-z][\w-]*(?:\s+[^\s<>]+)*?\s(?:v-(?!pre\b)[\w-]+|@[\w.-]+|:[\w.-]+)"
    r"(?=[\s=/>])",
    re.DOTALL,
)
# An element Vue shows as written ('<code v-pre>{{ }}</code>'): no template.
_AS_WRITTEN = re.compile(
    r"<(?P<tag>[A-Za-z][\w-]*)\s[^<>]*\bv-pre\b[^<>]*>.*?</(?P=tag)\s*>", re.DOTALL
)
_TWOSLASH = re.compile(r"(?:^|\s)twoslash(?:\s|$)")
_CUT = re.compile(r"^[ \t]*//[ \t]*---cut(?P<where>-before|-after|-start|-end)?---[ \t]*$")
_SETUP = re.compile(r"^[ \t]*//[ \t]*(?:@\w+(?::.*)?|\^[?|]+.*|\^+\s*)$")


def shown_code(code: str, info: str) -> str:
    """``code`` of a fenced block whose info string is ``info`` as the built page shows it."""
    if "[!code " in code:
        code = _without_notation(code)
    if _TWOSLASH.search(info):
        code = _without_twoslash(code)
    return code


def _without_notation(code: str) -> str:
    """``code`` without Shiki's notation comments, and without the lines marked removed."""
    out = []
    for line in code.split("\n"):
        match = _NOTATION.search(line)
        if match is None:
            out.append(line)
        elif match["kind"] != "--" and line[: match.start()].strip():
            out.append(line[: match.start()])  # a comment alone on its line marks the next
    return "\n".join(out)


def _without_twoslash(code: str) -> str:
    """``code`` without twoslash's cut lines, what they hide, and its setup and query lines."""
    lines = code.split("\n")
    out: list[str] = []
    hidden = False
    for line in lines:
        cut = _CUT.match(line)
        if cut is None:
            if not hidden and not _SETUP.match(line):
                out.append(line)
            continue
        where = cut["where"]
        if where in (None, "-before"):
            out = []
        elif where == "-after":
            break
        else:
            hidden = where == "-start"
    return "\n".join(out).strip("\n")


def container_title(line: str) -> str | None:
    """The title of the custom container opened on ``line`` ("" for none), or None when
    ``line`` opens none."""
    match = _CONTAINER.match(line)
    if match is None:
        return None
    return (match["title"] or "").strip()


def opens_code_group(line: str) -> bool:
    """Whether ``line`` opens a group of code blocks shown as tabs ("::: code-group")."""
    return bool(_CODE_GROUP.match(line))


def fence_title(info: str) -> str:
    """The title a fence's info string gives its code ("sh [pnpm]" -> "pnpm"), "" for none."""
    match = _FENCE_TITLE.match(info.strip())
    return match["title"].strip() if match else ""


def compiled_by_vue(blocks: Iterable[str]) -> bool:
    """Whether a page whose HTML blocks are ``blocks`` holds a ``<script setup>`` block."""
    return any(_SCRIPT_SETUP.match(html) for html in blocks)


def live_demo(html: str) -> bool:
    """Whether ``html`` of a page Vue compiles holds Vue's template syntax (see the module)."""
    return bool(_VUE_TEMPLATE.search(_AS_WRITTEN.sub("", html)))
