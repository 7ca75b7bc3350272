"""MDX (Markdown with JSX, react.dev's and Docusaurus' pages, ``.md`` files too) read as its
build shows it.

A comment, ``{/* … */}``, shows nothing wherever it stands: react.dev gives every heading its
anchor as one ("## Adding event handlers {/*adding-event-handlers*/}"), and CommonMark, which
knows no such comment, read the asterisks as emphasis: 1029 of 1849 passages of the Persian
"learn" pages were cited under "… {/adding-event-handlers/}".

A component's tag alone on its line (``<Intro>``, ``</YouWillLearn>``, ``<Sandpack>``) is a
block of its own in MDX: the line after it starts the next block. CommonMark reads it as raw
HTML running on to the next blank line, so a heading written right under ``</YouWillLearn>``
was a passage "## Adding event handlers …" and the page's first section had no heading.

An ES module statement (``import CatalogMode from './_catalogMode.mdx'``, ``export const
meta = {…}``) opening a block is the page's code, which the build runs and never shows:
pnpm's settings pages were quoted "import CatalogMode from './_catalogMode.mdx'" for "What
does catalogMode do?". It runs to the next blank line, as MDX reads it.

Code (fenced, indented, inline) and the front matter are left as written: a JSX example shows
its comments. A component is told from an HTML element by its capital (JSX's rule), so an HTML
block of plain Markdown ("</div>" over text) is still read as CommonMark reads it.
"""

from __future__ import annotations

import re
from collections.abc import Collection

# A comment, "{/* anchor */}", across lines too, or a string's expression on one line,
# "{`npm install --save-dev parcel`}"; inline code before it (no blank line inside) is matched
# first and kept.
_EXPRESSION_OR_CODE = re.compile(
    r"(?P<code>(?P<ticks>`+)(?:(?!\n[ \t]*\n).)*?(?<!`)(?P=ticks)(?!`))"
    r"|\{/\*.*?\*/\}|\{`(?P<string>[^`$\n]+)`\}",
    re.S,
)
# A component's tag alone on a line: "<Intro>", "</YouWillLearn>", '<Diagram name="x" />',
# "<Tabs.Item>", a fragment ("<>", "</>").
_COMPONENT_LINE = re.compile(
    r"^[ \t]*<(?:/?[A-Z][A-Za-z0-9]*(?:\.[A-Za-z0-9]+)*(?:[ \t/][^\n]*)?|/?)>[ \t]*$", re.M
)
_ATX_HEADING = re.compile(r"^ {0,3}#{1,6}(?:[ \t]|$)")
# An ES module statement at a block's start, unindented: "import X from './x.mdx'",
# "import {Tabs} from …", "import './style.css'", "export const toc = …", "export default …".
_ESM_START = re.compile(
    r"^(?:import[ \t]+(?:['\"]|[\w$*{][^\n]*?\bfrom[ \t]*['\"]|\{[ \t]*$|[\w$]+[ \t]*,[ \t]*\{)"
    r"|export[ \t]+(?:(?:const|let|var|function|async|class|default)\b|\{|\*))"
)


def marks(source: str) -> bool:
    """Whether ``source`` has MDX's comments, strings' expressions or components' tags alone on
    their lines."""
    return "{/*" in source or "{`" in source or _COMPONENT_LINE.search(source) is not None


def read_as_mdx(lines: list[str], code: Collection[int]) -> list[str]:
    """``lines`` (those at the indices ``code`` are code or front matter, left as written)
    with MDX's comments gone and a blank line after each component's tag that starts a block
    and has text right under it."""
    out: list[str] = []
    text: list[str] = []
    for at, line in enumerate([*lines, None]):
        if line is not None and at not in code:
            text.append(line)
            continue
        out += _components_apart(_expressions_read(_esm_dropped(text)))
        text = []
        if line is not None:
            out.append(line)
    return out


def _esm_dropped(lines: list[str]) -> list[str]:
    """``lines`` of text (the first starting a block) without the ES module statements that
    open a block, each to the next blank line: the build runs them, the page shows nothing."""
    out: list[str] = []
    starts, esm = True, False
    for line in lines:
        if not line.strip():
            esm = False
        elif starts and _ESM_START.match(line):
            esm = True
        if not esm:
            out.append(line)
        starts = not line.strip()
    return out


def _expressions_read(lines: list[str]) -> list[str]:
    """``lines`` of text without MDX's comments (a comment across lines leaves one line), and
    with a string's expression as the string it shows, as inline code: react.dev's terminal
    boxes show the command "{`npm create vite@latest my-app`}" gives (alone on its line, it is
    read as a code block), not the braces."""
    joined = "\n".join(lines)
    if "{/*" not in joined and "{`" not in joined:
        return lines
    return _EXPRESSION_OR_CODE.sub(_expression_read, joined).split("\n")


def _expression_read(match: re.Match[str]) -> str:
    if match["code"]:
        return match["code"]
    return f"`{match['string']}`" if match["string"] else ""


def _components_apart(lines: list[str]) -> list[str]:
    """``lines`` of text (the first starting a block: the page's, or the first after code or
    the front matter) with a blank line under each component's tag that starts a block (under
    a blank line, a heading or another tag too; elsewhere it is inline, in a paragraph) when
    text follows it right under."""
    out: list[str] = []
    starts = True  # whether the line starts a block
    dedent = 0  # how many characters of indentation the lines of the run after a tag lose
    for at, line in enumerate(lines):
        tag = starts and _COMPONENT_LINE.match(line) is not None
        if not line.strip():
            dedent = 0
        out.append(line[dedent:] if line[:dedent].isspace() else line)
        if tag and at + 1 < len(lines) and lines[at + 1].strip():
            out.append("")
            dedent = _code_indent(lines[at + 1])
        starts = tag or not line.strip() or _ATX_HEADING.match(line) is not None
    return out


def _code_indent(line: str) -> int:
    """The indentation of ``line`` under a component's tag ('<TeamMember name="Andrew Clark">'
    over "    Andrew got started with …") when it would make it code: MDX has no indented
    code (its text is a member's biography), CommonMark, once the tag is a block apart, has."""
    indent = len(line) - len(line.lstrip(" \t"))
    return indent if line[:indent].expandtabs(4).count(" ") >= 4 else 0
