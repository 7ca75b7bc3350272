"""The reader of Markdown files, from markdown-it-py's token stream rather than line guesses.

Only the parser decides what a heading is, so a ``# comment`` or an output line inside a code block
never becomes a section. What a reader of the rendered page sees is kept: headings as sections
(each under the headings above it: "Timeouts › Examples"), paragraphs (hard-wrapped lines
rejoined), list items, admonition and definition-list text, table rows, and code blocks whole
with the paragraph that introduces them. What the page would not show
is dropped: YAML front matter (read for title, date, source and author), HTML blocks and comments,
mkdocs/Sphinx directives (``::: module.Class``, ``:docstring:``, ``.. note::``, ``/// html``),
attribute lists (``{: #id }``) and MyST's targets (``(asdict)=``) and colon fences (``:::``). A MyST
role is read as the text Sphinx shows for it: {func}`attrs.field` as "attrs.field", {issue}`1138`
as "issue 1138". A MyST directive fenced as code ('```{note}') is read as the page shows it (see
:mod:`retrieval.ingest.readers.myst`): an admonition as prose under its title, the reST of
'```{eval-rst}' as its paragraphs and code, a code-block as code under its caption, a table of
contents or a toctree not at all.
"""

from __future__ import annotations

import csv
import functools
import html as html_lib
import itertools
import re
import textwrap
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from markdown_it import MarkdownIt
from markdown_it.rules_block import StateBlock
from markdown_it.token import Token
from mdit_py_plugins.deflist import deflist_plugin
from mdit_py_plugins.footnote import footnote_plugin
from mdit_py_plugins.front_matter import front_matter_plugin

from retrieval.errors import DocumentError
from retrieval.ingest.dates import iso_date
from retrieval.ingest.parsed import Block, ParsedDocument
from retrieval.ingest.readers import (
    material,
    mdcontents,
    mddocfx,
    mdfields,
    mdhugo,
    mdlinks,
    mdliquid,
    mdmermaid,
    mdn,
    mdnested,
    mdplatyps,
    mdvitepress,
    mdx,
    myst,
)
from retrieval.ingest.readers.common import (
    LABEL_WORDS,
    TERMINAL,
    Outline,
    attach_code,
    code_text,
    fallback_title,
    joined_lines,
    labelled_cells,
    prose,
    row_text,
    stated_author,
    table_blocks,
    termed,
)
from retrieval.ingest.readers.decoding import decode
from retrieval.ingest.readers.lines import article_lead, numbers_articles
from retrieval.ingest.readers.toc import is_contents_title
from retrieval.ingest.release_names import RELEASES
from retrieval.text import CJK_CHAR, word_count

# A line that is an instruction to a documentation generator, not text: mkdocstrings
# ("::: markdown.util"), pymdownx blocks ("/// html | div.result", "///"), Sphinx/rST
# (".. autoclass:: Foo"), mkautodoc options (":docstring:", ":members: get post") and pymdownx
# snippets ('--8<-- "README.md"', a file included when the site is built).
_DIRECTIVE = re.compile(
    r"^(?::::\s*\S|///|\.\.\s+[\w:-]+::|-+8<-+|\{!|\{\*\s)"
)  # "--8<--" includes
# A fence the page draws as a picture (GitHub, GitLab, mkdocs-material, Docusaurus, VitePress):
# a Mermaid diagram's source ("graph LR", "Catalog((dcat:Catalog)):::main", "classDef main
# fill:#B8C2CC") is no text of the page nor code it shows, as Hugo's Mermaid shortcode is none.
_DIAGRAM = re.compile(r"^\s*\{?\s*\.?mermaid\b", re.IGNORECASE)
# MyST (Sphinx's Markdown): a fence of colons closing a directive (":::"), and a target line
# ("(asdict)=") that gives the next heading a label to link to.
_MYST_LINE = re.compile(r"^(?::{3,}|\(\s*[^()\s]+\s*\)=)$")
# A file included when the site is built, on a line of its own inside a code block too: by
# markdown-include or mdx_include ("{!../docs_src/app.py!}", "{!> ../docs_src/app.py!}"), FastAPI's
# docs ("{* ../docs_src/app.py hl[3] *}"), pymdownx snippets ('--8<-- "app.py"') or mdBook
# ("{{#include ../src/ffi.rs:anchor}}", "{{#rustdoc_include …}}", "{{#playground …}}": the Rust
# book's and ANSSI's Rust guide's code). What it stands for is not in the file: the line is no
# code of the page (a directive, kept only when a file holds nothing else).
# Only those forms: a Smarty comment ("{* cache this *}") or a scissors line ("--8<-- cut here")
# in code is code.
_INCLUDE = re.compile(
    r"""^(?:\{!.*!\}|\{\*\s*[^\s*]+\.\w+(?:\s.*)?\*\}|-+8<-+(?:\s+(?:"[^"]*"|'[^']*'))?\s*"""
    r"""|\{\{#(?:include|rustdoc_include|playground)\s+[^{}\s]+(?:\s[^{}]*)?\}\})$"""
)
# Hugo's link to another page, '[Introduction]({{< relref "docs" >}})': the address Hugo writes in
# its place is the page's path, so the link is read as the link it becomes.
_HUGO_REF = re.compile(r"""\{\{[<%]\s*(?:rel)?ref\s+"([^"\s]*)"\s*[>%]\}\}""")
# A Hugo shortcode inside a line of text ("{{% warning %}} If you have added…"): markup.
_HUGO_SHORTCODE = re.compile(r"\{\{[<%]\s*/?[\w-]+(?:\s[^{}]*)?[>%]\}\}\s*")
# A template line standing alone in the text: mkdocs-macros ("{{ conversion_table }}", "{% if x
# %}"), Hugo shortcodes ("{{% note %}}", "{{< tabs >}}"): replaced when the site is built, never
# shown. (In code it is code: a Jinja example.)
_TEMPLATE_LINE = re.compile(r"^(?:\{\{.*\}\}|\{%.*%\})$")
# A box whose content is indented by four spaces under its first line: an admonition ("!!! note",
# '!!! tip "Title"'), a collapsible one ("??? note", "???+ note") or a pymdownx content tab
# ('=== "Unix"', '===+ "Windows"' selected, '===! "A"' starting a new set of tabs).
# As Python-Markdown and pymdownx read them: the label is words, then a quoted title, nothing
# else ("!!! WARNING: do not run it as root" is a paragraph). The title runs to the line's last
# quote, quotes inside it too ('!!! note "on the "jsonable" nature of JSON schema"').
_BOX = re.compile(
    r"""^(?:(?:!!!|\?\?\?\+?)\ ?(?:[\w-]+(?:\ +[\w-]+)*(?:\ +"[^\n]*")?|"[^\n]*")"""
    r"""|===[+!]{0,2}[ \t]+"[^\n]*")[ \t]*$"""
)
# An admonition's type (its first word; the others are classes: "inline end") and quoted title.
_BOX_LABEL = re.compile(
    r"""^(?:!!!|\?\?\?\+?)\ ?(?P<kind>[\w-]+)?(?:\ +[\w-]+)*\ *(?:"(?P<title>[^\n]*)")?[ \t]*$"""
)
# Python-Markdown's md_in_html: an HTML block opened with a "markdown" attribute
# ('<div class="result" markdown>', 'markdown="1"') holds Markdown, read as such.
_MARKDOWN_IN_HTML = re.compile(
    r"^\s*<[a-z][\w-]*\b[^>]*\smarkdown(?:\s*=\s*[\"']?(?:1|block|span)[\"']?)?[\s/>]",
    re.IGNORECASE,
)
# A MyST role before its inline code: {func}`attrs.field`, {term}`Slotted classes <slotted>`.
_ROLE = re.compile(r"\{[a-z][\w:+-]*\}$")
_ROLE_TITLE = re.compile(r"^(?P<title>.*?)\s*<[^<>]+>$", re.DOTALL)
# sphinx-issues' roles, read with what they number: {issue}`1138` is "issue 1138".
_NUMBERED_ROLES = {"issue": "issue", "pr": "PR"}
_FIELD = re.compile(r"^:[\w-]+:(?:\s|$)")
_BLOCK_OPTION = re.compile(r"^[a-z_][\w-]*:\s*\S*$")  # "type: preview", "open: true"
# An options block under a directive: "options:", "  show_source: false", ":members:".
# A YAML comment among them ("# explicit members list so we can set order") is one too.
_OPTION_LINE = re.compile(r"^\s*(?::?[\w-]+:(?:\s.*)?|-\s.*|#.*)$")
# Python-Markdown attribute lists: "{: #id .class key='v' }" or "{ #id }" at a line's end.
# An id runs to the next space or brace: VitePress's "{#vue.js-privacy-policy}" and
# "{#web-accessibility-initiative-–-accessible-rich-internet-applications-wai-aria}" too.
_ATTR_ITEM = r"""(?:#[^\s{}"']+|\.[\w:-]+|[\w-]+=(?:"[^"]*"|'[^']*'|[^\s}]+)|[\w-]+)"""
# The first item names an id, a class or a key ("{ word }" is text).
_ATTR_FIRST = r"""(?:#[^\s{}"']+|\.[\w:-]+|[\w-]+=(?:"[^"]*"|'[^']*'|[^\s}]+))"""
_ATTR_LIST = re.compile(rf"\s*\{{:?\s*{_ATTR_FIRST}(?:\s+{_ATTR_ITEM})*\s*\}}\s*$")
# The same right after a link, an image, emphasis or code, inside a line: "[Testing](testing.md)
# {.internal-link target=_blank}", "`release`{ .label }" set the attributes of what they follow.
_ATTR_AFTER = re.compile(rf"^\{{:?\s*{_ATTR_FIRST}(?:\s+{_ATTR_ITEM})*\s*\}}")
_ATTR_TITLE = re.compile(r"""(?<![\w-])title=(?:"([^"]*)"|'([^']*)')""")
# pymdownx InlineHilite's language mark opening inline code: "`#!py3 False`", "`:::js var`",
# shown as the code alone ("False"), highlighted.
_HILITE = re.compile(r"^(?:#!|:::)[A-Za-z][\w+#.-]*\s+(?=\S)")
_ATTR_OWNERS = frozenset({"link_close", "image", "em_close", "strong_close", "code_inline"})
# Container tags whose opening and closing are counted to find where a raw HTML block ends.
_CONTAINER_TAG = re.compile(
    r"<(/?)(div|pre|table|section|details|figure|blockquote|ul|ol|dl|article|aside|main|form)\b"
    r"[^>]*?(/?)>",
    re.IGNORECASE,
)
# A key of the front matter: a word ("title"), dotted ("ms.date", Microsoft Learn's) or of words
# (platyPS's "online version").
_FRONT_KEY = re.compile(r"^(?P<key>[A-Za-z_][\w.-]*(?: [\w.-]+)*)\s*:\s*(?P<value>.*?)\s*$")
# "[BlockParser][markdown.blockparser.BlockParser]": a reference that mkdocs-autorefs resolves
# when the site is built, left as text by a parser that has no such definition; shown as its text.
# Python-Markdown allows one space or line break between the two ("[`markdown.markdown`]" at a
# line's end, "[markdown.markdown]" starting the next).
# The label may hold spaces ("[automatic reference pages recipe][autopages recipe]").
_AUTOREF = re.compile(r"\[([^\[\]]+)\]\s?\[[^\[\]\n]*\]")
# An emoji or icon shortcode that mkdocs-material and pymdownx draw as a picture: ":warning:",
# ":octicons-package-24:", ":material-equal:". Read as text it is noise, and a line starting with
# one would be taken for a Sphinx field (":param x:") and dropped. An attribute list right after
# it (":material-clock-fast:{ .lg .middle }") sets the icon's size: it goes with it.
_SHORTCODE = re.compile(
    r"(?<![\w`:]):[a-z][a-z0-9_]*(?:[-+][a-z0-9_]+)*:(?![\w`:])(?:\{:?\s*[#.][^{}\n]*\})?"
)
_PLACEHOLDER = 0x100000  # Supplementary Private Use Area-B: never in real text
# A release's heading in release notes: "unreleased", "[Unreleased]", "v0.25.0", "[1.2.3] -
# 2020-01-01", "Version 8.5.1", "0.24.0 (2023-10-11)".
_RELEASE_DATE = (
    r"\d{4}-\d\d-\d\d|\d{4}/\d\d/\d\d|[a-z]+\.?\s+\d{1,2},?\s+\d{4}|\d{1,2}\s+[a-z]+\.?\s+\d{4}"
    r"|unreleased|yanked"
)
# A release's heading: its version, and at most its date ("[1.2.3] - 2024-01-01", "v0.25.0
# (2024-05-01)", "Unreleased"); not a page about a version ("Version 2.0 - Migration guide").
_VERSION_HEADING = re.compile(
    r"(?i)^\[?(?:unreleased|(?:version\s+|release\s+|v)?\d+(?:\.\d+)+[\w.+-]*)\]?"
    rf"(?:\s*[-–—:(\[]?\s*(?:{_RELEASE_DATE})\s*[)\]]?)?$"
)
# GitHub's alerts: "> [!NOTE]" over the text of the box, shown as "Note" with an icon.
_ALERT = re.compile(r"^\[!(NOTE|TIP|IMPORTANT|WARNING|CAUTION)\]$", re.IGNORECASE)
_DOCSIFY = re.compile(r"^[?!]>[ \t]+(?=\S)")  # docsify's "?> Tip." and "!> Important."
_BREAK_TAG = re.compile(r"^<br\s*/?>$", re.IGNORECASE)
# A paragraph opening as an example of what the one before it says: "For example: …",
# "For instance, …", "As an example, this middleware…", "E.g., …".
_EXAMPLE = re.compile(r"^(?:For (?:example|instance)\b|As an example\b|[Ee]\.g\.)")
_LABEL_WORDS = 12  # an item's first paragraph this short, followed by more, labels them
ARTICLE_HEADING_LEVEL = 7  # an article numbered in its paragraph: under "######" headings too
_INTRODUCING = (":", "：")
_SOURCE_KEYS = ("source", "url", "canonical_url")
# What a page's authors want it found by: its search keywords, tags and summary (searched with
# the title, never quoted: see ParsedDocument.keywords).
_SEARCH_KEYS = ("keywords", "tags", "description", "summary")


@functools.cache
def _parser() -> MarkdownIt:
    """CommonMark plus what documentation sites use: tables, front matter, admonitions, notes."""
    return (
        MarkdownIt("commonmark")
        .enable(["table", "strikethrough"])
        .use(front_matter_plugin)
        .use(deflist_plugin)
        .use(footnote_plugin)
        .use(_boxes_plugin)
    )


def _boxes_plugin(md: MarkdownIt) -> None:
    md.block.ruler.before(
        "fence", "box", _box, {"alt": ["paragraph", "reference", "blockquote", "list"]}
    )


def _box(state: StateBlock, start_line: int, end_line: int, silent: bool) -> bool:
    """An admonition or a content tab: its first line a label (the box's type and title, the
    tab's name), then its content indented by four spaces, read as Markdown, never as an
    indented code block. As in Python-Markdown, the box runs on over blank lines (two blank lines
    between two functions of a code example inside it too) until a line indented less."""
    if state.is_code_block(start_line):
        return False
    start = state.bMarks[start_line] + state.tShift[start_line]
    if not _BOX.match(state.src[start : state.eMarks[start_line]]):
        return False
    if silent:
        return True
    indent = state.sCount[start_line] + 4
    end = start_line + 1
    while end < end_line:
        blank = state.bMarks[end] + state.tShift[end] >= state.eMarks[end]
        if not blank and state.sCount[end] < indent:
            break
        end += 1
    saved = (state.parentType, state.lineMax, state.blkIndent)
    state.parentType, state.lineMax, state.blkIndent = "admonition", end, indent
    token = state.push("box_open", "div", 1)
    token.map = [start_line, end]
    line = state.src[start : state.eMarks[start_line]]
    admonition = _admonition_label(line)
    token.info = _shown(_tab_label(line))
    token.meta = {"admonition": None if admonition is None else _shown(admonition)}
    state.md.block.tokenize(state, start_line + 1, end)
    state.push("box_close", "div", -1)
    state.parentType, state.lineMax, state.blkIndent = saved
    state.line = end
    return True


@dataclass
class _Reading:
    """Where the walk through the tokens is: the document so far and what the next block joins."""

    document: ParsedDocument
    title_from_heading: bool  # no front-matter title: the first "#" heading is the title
    title_level: int = 1  # the level of the heading that titles the page (see _title_level)
    boxes: int = 0  # how many boxes (admonitions, tabs) the walk is inside
    boxed_first: bool = False  # the page's first block is a box's ("??? api" over a link)
    section: str | None = None
    intro: int | None = None  # index of the paragraph right before, which may introduce code
    after_directive: bool = False  # an indented block right after a directive is its options
    term: str = ""  # a definition-list term waiting for its definition
    label: str = ""  # a content tab's label waiting for the tab's first block
    code_group: bool = False  # inside VitePress's "::: code-group": code titles label tabs
    vue: bool = False  # a page Vue compiles (VitePress's, with "<script setup>"): live demos
    result: bool = False  # inside a "result" box showing what the code before it outputs
    notes: dict[int, str | None] = field(default_factory=dict)  # footnote: section citing it
    below: str | None = None  # the section the footnotes at the page's foot interrupt
    directives: list[str] = field(default_factory=list)  # dropped, unless nothing else is there
    lines: list[str] = field(default_factory=list)  # the source, for raw HTML spanning blank lines
    # The lists the walk is inside, outermost first: whether each was introduced by a sentence
    # of its own ("Possible values:"), with which its items are quoted.
    lists: list[bool] = field(default_factory=list)
    # For each list open, the block of the item it is nested in, which its items join (see
    # :mod:`mdnested`); None: the items stay as read. ``leading``: the item's paragraph just read
    # leads a list nested in the item.
    parents: list[int | None] = field(default_factory=list)
    leading: int | None = None
    headed: int | None = None  # the first block of a list opening its section (mdnested.headed)
    terms: bool = False  # each item of that list so far names a term and describes it
    site: bool = False  # a Jekyll or Eleventy page, linking by the built site's addresses
    link_lists: dict[int, bool] = field(default_factory=dict)  # a list's opening: of links?
    item_lists: dict[int, int] = field(default_factory=dict)  # an item's list's opening
    releases: bool = False  # release notes: their lists' entries are news of their own
    apart: bool = False  # the next paragraph is no item of a run (see _list_closed)
    outline: Outline = field(default_factory=Outline)  # the headings above the section
    articles: bool = False  # the text numbers its articles where their paragraphs open
    images: list[str] = field(default_factory=list)  # alt texts of paragraphs of images alone
    grid: bool = False  # inside mkdocs-material's card grid ('<div class="grid cards" markdown>')
    cards: int = 0  # how many lists deep the grid's list of cards is (0: none open)
    card: int = 0  # the index of the first block of the card being read
    # The source's lines that are list items of MDN's link macros alone (see _cross_reference).
    cross_references: frozenset[int] = frozenset()
    tabs: int | None = None  # the level DocFX's tabs are read at, while a set of them is open
    tab_base: int | None = None  # the level the first heading inside the tab is written at


def _prepared(source: str, path: Path) -> str:
    """``source`` as the site's build reads it, outside fenced code: Hugo's links to pages read
    as their addresses (a code block showing how to write one, '{{< relref "docs" >}}', keeps
    it), and a line of text right under an HTML tag opened with a ``markdown`` attribute
    (md_in_html: '<div markdown>' then '**Bold** text') parted from it by a blank line, as
    CommonMark would otherwise read it as raw HTML, stars and all; mkdocs-material's macros
    ("<!-- md:setting config.post_date_format -->") read as the page shows them (see
    :mod:`material`); MDX's comments and components' tags (react.dev's "## Title {/*title*/}",
    a heading right under "</YouWillLearn>") read as MDX reads them (see :mod:`mdx`), and
    DocFX's markers as its built pages show them (see :mod:`mddocfx`), and so are Hugo's
    shortcodes, in the language of the page at ``path`` (see :mod:`mdhugo`). (MDN's
    macros are read after: see :func:`_with_kuma_rendered`.)"""
    if path.suffix.lower() == ".mdx" or mdx.marks(source):
        kept = _code_lines(source, front_matter=True)
        source = "\n".join(mdx.read_as_mdx(source.split("\n"), kept))
    if mddocfx.marks(source):
        kept = _code_lines(source, front_matter=True)
        source = "\n".join(mddocfx.read_as_docfx(source.split("\n"), kept))
    if material.has_macros(source):
        source = _with_macros_rendered(source)
    if mdhugo.marks(source):
        kept = _code_lines(source, front_matter=True)
        source = "\n".join(mdhugo.read_as_hugo(source.split("\n"), kept, mdhugo.language(path)))
    if _liquid_page(source):
        source = _outside_code(source, mdliquid.rendered, mdliquid.in_code)
    if _FENCE_UNDER_TAG.search(source):
        source = _fences_apart(source)
    if _LINK_OVER_LINES.search(source):
        source = _outside_code(source, lambda text: _LINK_OVER_LINES.sub(r"\1\2", text))
    if _TIGHT_HEADING.search(source):
        source = _outside_code(source, lambda text: _TIGHT_HEADING.sub(r"\1 ", text))
    if "ref" in source or "markdown" in source:
        fence, out = "", list[str]()
        for line in source.split("\n"):
            fence, code = _fenced(line, fence)
            if not code:
                opened = out and _MARKDOWN_IN_HTML.match(out[-1]) and _LONE_TAG.match(out[-1])
                if opened and line.strip() and not line.lstrip().startswith("<"):
                    out.append("")
                line = _HUGO_REF.sub(r"\1", line)
            out.append(line)
        source = "\n".join(out)
    return source


# A link whose text ends one line and whose address opens the next ("See the [WMATA website]" /
# "(https://wmata.com/fares/mobilepay/) for details."): CommonMark reads it as brackets and an
# address in parentheses, shown raw; its writer wrapped a link. Only an address: a web or mail
# one, or a path.
_LINK_OVER_LINES = re.compile(
    r"(\[[^\[\]\n]+\])[ \t]*\n[ \t]*(\((?:https?://|mailto:|\.{0,2}/|#)[^()\s]*\))"
)


# An ATX heading written without its space ("###Article 35", "####- Right to marry"), as
# hand-converted law files hold them: CommonMark reads the line as text, Markdown.pl and
# Python-Markdown as the heading a reader plainly sees. Two marks or more, then a word:
# "#hashtag" and "#include" stay text. A dash opening such a heading only marks it ("####- Right
# to marry" heads "Right to marry"); a hyphen right before a digit is a minus sign ("##-1 item"
# heads "-1 item").
_TIGHT_HEADING = re.compile(
    r"^( {0,3}#{2,6})(?:-(?!\d)[ \t]*|[–—][ \t]*)?(?=[^\W_]|[*\[(“\"'‘]|-\d)", re.MULTILINE
)


# A fence opening right under an HTML tag alone on its line: Powertools for AWS Lambda's
# "<center>" over each "```mermaid" diagram. CommonMark runs the HTML block on to a blank line,
# fence and all (the diagram's source was quoted as text, "```mermaid sequenceDiagram
# autonumber …"); pymdownx's superfences, which builds those pages, reads the fence first.
_FENCE_UNDER_TAG = re.compile(
    r"^[ \t]*<(?!pre\b)[a-z][\w-]*\b[^<>\n]*>[ \t]*\n {0,3}(?:`{3,}|~{3,})", re.I | re.M
)


def _fences_apart(source: str) -> str:
    """``source`` with a blank line between a lone HTML tag and a fence opening right under it,
    as pymdownx reads the fence."""
    fence, out = "", list[str]()
    for line in source.split("\n"):
        opened = not fence
        fence, code = _fenced(line, fence)
        if (
            code
            and opened
            and out
            and _LONE_TAG.match(out[-1])
            and not _PRE_OPEN.match(out[-1].strip())
        ):
            out.append("")
        out.append(line)
    return "\n".join(out)


def _fenced(line: str, fence: str) -> tuple[str, bool]:
    """The fence open after ``line`` ("" for none) given the one open before it (``fence``), and
    whether ``line`` is part of fenced code (its fences included)."""
    marks = _FENCE_MARKS.match(line)
    if fence:
        closing = marks and marks.group(1)[0] == fence[0] and len(marks.group(1)) >= len(fence)
        return ("" if closing and not line.strip().lstrip(fence[0]) else fence), True
    if marks:
        return marks.group(1), True
    return "", False


def _with_macros_rendered(source: str) -> str:
    """``source`` with mkdocs-material's macros outside code read as the page shows them
    (:func:`material.rendered`); in code, fenced or indented, they are shown as written."""
    code_lines = _code_lines(source)
    out, text = list[str](), list[str]()
    for at, line in enumerate(source.split("\n")):
        if at in code_lines:
            out += [*material.rendered(text), line]
            text = []
        else:
            text.append(line)
    return "\n".join(out + material.rendered(text))


def _outside_code(
    source: str, render: Callable[[str], str], in_code: Callable[[str], str] = str
) -> str:
    """``source`` with each run of its lines outside code blocks (fenced or indented) and the
    front matter passed through ``render``; code and the front matter are kept as written (code
    lines but through ``in_code``)."""
    kept = _code_lines(source, front_matter=True)
    matter = kept - _code_lines(source) if in_code is not str else kept
    out, text = list[str](), list[str]()
    for at, line in enumerate(source.split("\n")):
        if at in kept:
            out += [render("\n".join(text))] if text else []
            out.append(line if at in matter else in_code(line))
            text = []
        else:
            text.append(line)
    return "\n".join(out + ([render("\n".join(text))] if text else []))


def _liquid_page(source: str) -> bool:
    """Whether ``source`` is a Jekyll or Eleventy page: it holds a template's tag outside code (a
    VitePress page showing a Nunjucks loop in a fenced block keeps its links' addresses)."""
    if "{" not in source:
        return False
    return mdliquid.has_tags(_outside_code(source, str, lambda _line: ""))


def _with_kuma_rendered(source: str) -> tuple[str, frozenset[int]]:
    """``source`` with MDN's macros in its text read as the page shows them (see :mod:`mdn`),
    and the indices of its lines that are list items of links alone (:func:`mdn.links_alone`);
    code (fenced, indented or in HTML's ``<pre>``) and the front matter keep them as written."""
    if not mdn.has_macros(source):
        return source, frozenset()
    lines = source.split("\n")
    kept = _code_lines(source, front_matter=True) | _preformatted_lines(lines)
    links = frozenset(at for at, line in enumerate(lines) if mdn.links_alone(line)) - kept
    rendered = (line if at in kept else mdn.rendered(line) for at, line in enumerate(lines))
    return "\n".join(rendered), links


_PRE_OPEN = re.compile(r"<pre\b", re.IGNORECASE)
_PRE_CLOSE = re.compile(r"</pre\s*>", re.IGNORECASE)


def _preformatted_lines(lines: Sequence[str]) -> set[int]:
    """The indices of ``lines`` inside an HTML ``<pre>`` element, its tags' lines included."""
    kept, inside = set[int](), False
    for at, line in enumerate(lines):
        opens = [match.start() for match in _PRE_OPEN.finditer(line)]
        closes = [match.start() for match in _PRE_CLOSE.finditer(line)]
        if inside or opens:
            kept.add(at)
        if opens or closes:
            inside = max(opens, default=-1) > max(closes, default=-1)
    return kept


def _code_lines(source: str, *, front_matter: bool = False) -> set[int]:
    """The indices of the lines of ``source`` in code blocks, fenced or indented ("    <!--
    md:version 9.2.0 -->" under "Write a badge as:"), also inside a box or a list, as the parser
    finds them with each macro standing for the text it becomes: an option's definition under
    its macro (':   …') is a definition, no code."""
    tokens = _parser().parse(material.MACRO.sub("macro", source))
    kinds = ("fence", "code_block", "front_matter") if front_matter else ("fence", "code_block")
    spans = [t.map for t in tokens if t.type in kinds and t.map]
    return {line for start, end in spans for line in range(start, end)}


_TITLE_ATTR = re.compile(r"""(?:^|[\s{])title=(?:"(?P<double>[^"]*)"|'(?P<single>[^']*)')""")
# A content tab and its label: pymdownx.tabbed ('=== "Unix"') and pymdownx.blocks ("/// tab | pip").
_TAB = re.compile(
    r"""^(?:===[+!]{0,2}[ \t]+"(?P<quoted>[^\n]*)"|/{3,}\s*tab\s*\|\s*(?P<piped>.+?))\s*$"""
)
# pymdownx.blocks.html's result box, which Python-Markdown's and pymdownx's docs put right under
# a code block to show what it outputs: "/// html | div.result".
_RESULT = re.compile(r"^/{3,}\s*html\s*\|\s*div\.result\b")
# pymdownx.blocks' admonitions and details ("/// tip", "/// note | Technical Details"): the built
# page shows a box headed by its title, or by its type when it has none.
_ADMONITION = re.compile(
    r"^/{3,}\s*(?P<kind>note|attention|caution|danger|error|tip|hint|warning|info|important|check"
    r"|success|failure|bug|example|question|quote|abstract|details|admonition)\b"
    r"\s*(?:\|\s*(?P<title>.+?))?\s*$",
    re.IGNORECASE,
)
# FastAPI's (and Typer's, SQLModel's) terminal boxes: '<div class="termy">' round a console
# block, whose colours are HTML in the code ('<span style="color: green;">INFO</span>'), shown
# as colours, never as tags.
_TERMY = re.compile(r"""<div\b[^>]*\bclass=["'][^"']*\btermy\b""", re.IGNORECASE)
_IMAGE_TAG = re.compile(r"<img\b", re.IGNORECASE)
_TAG_IN_CODE = re.compile(r"</?[a-z][\w-]*(?:\s[^<>]*)?/?>", re.IGNORECASE)
_AUTODOC = re.compile(r"^:::\s*(?P<name>[\w.:-]+)\s*$")  # "::: markdown.util"
_LEADING_BLANK_LINES = re.compile(r"^(?:[ \t]*\n)+")
_LONE_TAG = re.compile(r"^\s*<[a-z][\w-]*\b[^<>]*>\s*$", re.IGNORECASE)
_FENCE_MARKS = re.compile(r"^ {0,3}(`{3,}|~{3,})")


def read_markdown(data: bytes, path: Path) -> ParsedDocument:
    """The reader of ``.md`` files."""
    source = decode(data, path).replace("\r\n", "\n").replace("\r", "\n")
    site = _liquid_page(source)  # Jekyll's or Eleventy's: links by the site's addresses
    source, cross_references = _with_kuma_rendered(_prepared(source, path))
    tokens = mdn.as_definitions(_parser().parse(source))
    meta = front_matter(tokens)
    title = _without_inline_tags(meta.get("title", ""))
    document = ParsedDocument(
        title=prose(title),
        date=iso_date(meta["date"]) if meta.get("date") else mddocfx.reviewed(meta),
        source=next((meta[key] for key in _SOURCE_KEYS if _source_of(key, meta)), None)
        or mddocfx.online(meta),
        author=stated_author(prose(meta.get("author", ""))) or _authors(meta.get("authors", "")),
        keywords=" · ".join(prose(meta[key]) for key in _SEARCH_KEYS if meta.get(key)) or None,
    )
    reading = _Reading(document, title_from_heading=not document.title, lines=source.split("\n"))
    reading.cross_references, reading.site = cross_references, site
    reading.title_level = _title_level(tokens)
    reading.vue = mdvitepress.compiled_by_vue(t.content for t in tokens if t.type == "html_block")
    reading.articles = numbers_articles(reading.lines)
    reading.releases = _release_notes(tokens)
    _walk(tokens, reading)
    _flush_label(reading)
    if not meta.get("title"):
        mdfields.stated(document)
    if not document.title:
        line = None if reading.boxed_first else _title_line(document)
        document.title = line or _documented(reading) or fallback_title(path)
    if not document.blocks:  # a page of pictures alone is read as their descriptions
        for alt in filter(None, map(prose, reading.images)):
            document.add(reading.section, alt)
    if not document.blocks:
        # A page that only includes a file ('--8<-- "LICENSE"') or only documents an object
        # from its docstrings ("::: pydantic.aliases") keeps that line, as code, so the file is
        # still indexed and found by what it names (its text is made when the site is built).
        for directive in reading.directives:
            attach_code(document, directive, reading.section, None)
    if not document.blocks and (included := mdhugo.included(source)):
        # A Hugo page made of another file's text ('{{< include path="…" >}}'): that file is
        # read on its own, if in the corpus; the report says why this one is not.
        raise DocumentError(path, f"only includes {', '.join(included)}")
    if not document.blocks and meta.get("redirect_to"):
        # Jekyll's and Eleventy's page that only sends the reader elsewhere: the report says so.
        raise DocumentError(path, f"a redirect to {meta['redirect_to']}")
    _values_labelled(document, reading.outline)
    _closing_links_dropped(document, mdlinks.closing_links(tokens))
    reading.outline.finish(document)
    return document


_ADDRESS = re.compile(r"^[a-z][a-z0-9+.-]*://\S+$", re.IGNORECASE)


def _source_of(key: str, meta: dict[str, str]) -> bool:
    """Whether the front matter's ``key`` says where the page is from: a ``source`` as written
    ("Wikipedia"), an address only for ``url`` and ``canonical_url``; Hugo's and Jekyll's
    "url: whitepapers/platforms" is the page's path on its own site, no address to follow."""
    value = meta.get(key, "").strip()
    return bool(value) and (key == "source" or bool(_ADDRESS.match(value)))


# HTML's inline elements, which a front matter's title may hold as the page shows it ("Get set up
# to travel for TTS <em>before</em> GSA onboarding"): only these, so a title naming a type
# ("Vec<T>", "<input>") keeps it.
_INLINE_TAG = re.compile(
    r"</?(?:em|strong|b|i|u|s|code|span|br|sup|sub|a|abbr|small|mark|kbd|q|cite|del|ins)"
    r"""(?:\s+[\w:-]+(?:=(?:"[^"]*"|'[^']*'|[^\s>]+))?)*\s*/?>""",
    re.IGNORECASE,
)


def _without_inline_tags(title: str) -> str:
    """``title`` as the page shows it: inline HTML's tags dropped and its entities read."""
    if "<" not in title and "&" not in title:
        return title
    return html_lib.unescape(_INLINE_TAG.sub("", title))


def _closing_links_dropped(document: ParsedDocument, inline: Token | None) -> None:
    """Leave out the section of links alone ending the page (:func:`mdlinks.closing_links`,
    ``heading`` its heading), unless it is all the page holds. Only blocks under that heading
    go: a closing section that made no blocks (sponsors' logos, pictures alone) takes nothing
    with it (it took the License section above it)."""
    blocks = document.blocks
    kept = len(blocks)
    # named as the section is (see _heading): its text, an attribute list or a link's address not
    heading = prose(_ATTR_LIST.sub("", " ".join(_inline_lines(inline)))) if inline else ""
    while heading and kept and _last_heading(blocks[kept - 1].section) == _folded(heading):
        kept -= 1
    if kept:
        del blocks[kept:]


def _last_heading(section: str | None) -> str:
    """The heading of a section named by its path (see :class:`Outline`)."""
    return _folded((section or "").rpartition("\n")[2])


def _folded(heading: str) -> str:
    """A heading as its words: "**Next** steps" and "Next steps" alike."""
    return " ".join(re.sub(r"[*_`]", "", heading).split()).casefold()


_HEAD_FIELD_WORDS = 3  # a paragraph a field at the page's head labels is longer: a sentence


def _values_labelled(document: ParsedDocument, outline: Outline) -> None:
    """A section holding one word alone (MDN's error pages: "## Error type" over "ReferenceError";
    "## License" over "MIT"; "## Default value" over "null") is a field and its value: read as
    "Error type: ReferenceError", as the page's reader takes it. At the head of the page, before
    any prose (under the error's message, a code block), it heads the page's first paragraph
    when that is a sentence, which says what it is ("Error type: ReferenceError" over "There is
    a non-existent variable referenced somewhere."). Alone, the one-word passage outranked every
    paragraph for a question naming the word ("¿qué es ReferenceError?"), and said nothing of
    what it was."""
    blocks = document.blocks
    at = 0
    while at < len(blocks):
        if not _value_alone(blocks, at):
            at += 1
            continue
        block = blocks[at]
        section = block.section or ""
        field = termed(outline.named.get(section, ((), section))[1], block.text)
        after = blocks[at + 1] if at + 1 < len(blocks) else None
        if after is not None and _heads_prose(blocks, at):
            blocks[at + 1] = replace(after, text=f"{field}\n{after.text}")
            del blocks[at]
            continue
        blocks[at] = replace(block, text=field)
        at += 1


def _heads_prose(blocks: Sequence[Block], at: int) -> bool:
    """Whether ``blocks[at]`` stands before any text of the page, over a sentence."""
    after = blocks[at + 1] if at + 1 < len(blocks) else None
    if after is None or after.kind != "text" or len(after.text.split()) <= _HEAD_FIELD_WORDS:
        return False
    return not any(block.text for block in blocks[:at])


def _value_alone(blocks: Sequence[Block], at: int) -> bool:
    """Whether ``blocks[at]`` is one word of text, all its section holds."""
    block = blocks[at]
    if block.kind != "text" or block.item or not block.section or len(block.text.split()) != 1:
        return False
    if CJK_CHAR.search(block.text):  # Chinese and Japanese write a sentence without spaces
        return False
    neighbours = blocks[at - 1 : at] if at else []
    neighbours = [*neighbours, *blocks[at + 1 : at + 2]]
    return all(other.section != block.section for other in neighbours)


def _walk(tokens: Sequence[Token], reading: _Reading) -> None:
    """Read ``tokens``, block after block."""
    index = 0
    while index < len(tokens):
        count = len(reading.document.blocks)
        labelled = bool(reading.label) or reading.boxes > 0
        index = _step(tokens, index, reading)
        labelled = _label(reading, count) or labelled or reading.boxes > 0
        if count == 0 and reading.document.blocks and labelled:
            # A box's text opening the page ('??? api "API Documentation"' over a link to the
            # class) is no title line: "API Documentation: pydantic.main.BaseModel" titled
            # the page on models.
            reading.boxed_first = True


def _admonition_label(line: str) -> str | None:
    """The label Python-Markdown heads an admonition opened on ``line`` with: its quoted title,
    else its type ("!!! tip" -> "Tip", "??? note inline end" -> "Note"); "" for an empty title
    ('!!! note ""', shown without one); None when ``line`` opens a content tab."""
    box = _BOX_LABEL.match(line)
    if box is None:
        return None
    if box["title"] is not None:
        return box["title"].strip()
    return box["kind"].capitalize() if box["kind"] else ""


def _tab_label(line: str) -> str:
    """The label of a content tab opened on ``line``, "" when it opens none."""
    tab = _TAB.match(line)
    return (tab["quoted"] or tab["piped"] or "") if tab else ""


def _box_label(line: str, reading: _Reading) -> str:
    """The label of a content tab or of a pymdownx admonition ("Tip", its title) opened on
    ``line``, "" when it opens neither. The box stands apart from the sentence before it, which
    introduced what the page showed between them, if anything ("… other editors:" over a
    screenshot), never the box ("Tip: If you use PyCharm …"); so does code included from
    another file ("… for all the attributes:" over "{* ../../docs_src/body/tutorial001.py *}")."""
    box = _ADMONITION.match(line)
    if box is not None or _INCLUDE.match(line):
        _pictured(reading)
    container = mdvitepress.container_title(line)
    if container is not None:
        return container  # the sentence before a VitePress box may show it ("…渲染成这样：")
    return (box["title"] or box["kind"].capitalize()) if box else _tab_label(line)


def _label(reading: _Reading, count: int) -> bool:
    """Give a content tab's label to the first block of the tab (``blocks[count]``, when the
    last step added it): the page shows "pip", "PDM" and "Poetry" above three install commands,
    "With inspection" and "Without inspection" above two renderings of one example. Return
    whether it did."""
    blocks = reading.document.blocks
    if not reading.label or len(blocks) <= count:
        return False
    block = blocks[count]
    blocks[count] = replace(block, text=_headed(reading.label, block.text))
    reading.label = ""
    return True


def _flush_label(reading: _Reading) -> None:
    """A label nothing took before a heading or the end (a bold line closing a section) is text
    of its own: kept as a paragraph, not lost."""
    if reading.label:
        reading.document.add(reading.section, reading.label)
        reading.label = ""


def _title_level(tokens: Sequence[Token]) -> int:
    """The level of the heading that titles the page: a "#" heading, or the heading that opens
    the page when no other heading is as high ("## [Batch Normalization: …](…)" over "####
    Key Points" only): the page's one top heading, which a reader takes for its title."""
    headings = [token for token in tokens if token.type == "heading_open"]
    first = next((token for token in tokens if not _heads_nothing(token)), None)
    if first is None or first.type != "heading_open" or not headings:
        return 1
    level = int(first.tag[1:])
    if any(int(token.tag[1:]) <= level for token in headings[1:]):
        return 1
    return level


# HTML's elements of a page's head, which show nothing ("<meta http-equiv='Content-Type' …/>"
# opening a page converted from HTML): no text before the page's first heading.
_HEAD_TAGS = re.compile(r"^\s*(?:<(?:meta|link|base)\b[^<>]*>\s*)+$", re.IGNORECASE)


def _heads_nothing(token: Token) -> bool:
    """Whether ``token`` is the front matter or HTML that shows nothing, before a page's text,
    or a line of fields about the draft ("**Status**: WIP | **Maintainer** : N/A |"), which
    is no title and stands before the title heading."""
    return (
        token.type == "front_matter"
        or (token.type == "html_block" and bool(_HEAD_TAGS.match(token.content)))
        or (token.type == "inline" and _fields_line(token.content))
        or token.type in ("paragraph_open", "paragraph_close")
    )


# One field of a line of them: "Status: WIP", "**Maintainer** : Omer Kahani".
_FIELD_PART = re.compile(r"^(?:\*\*)?[A-Z][\w -]{0,30}?(?:\*\*)?\s*:(?:\*\*)?\s*\S")


def _fields_line(text: str) -> bool:
    """Whether ``text`` is a line of two fields or more parted by "|": "Status: WIP |
    Maintainer : Omer Kahani |"."""
    parts = [part.strip() for part in text.split("|") if part.strip()]
    return "\n" not in text and len(parts) >= 2 and all(map(_FIELD_PART.match, parts))


def _documented(reading: _Reading) -> str | None:
    """The object an API-reference stub documents ("::: markdown.test_tools"), whose name
    mkdocstrings puts at the top of the built page: the title of a page holding nothing else
    (its file name made "markdown.test tools" of it)."""
    if reading.document.blocks or not reading.directives:
        return None
    match = _AUTODOC.match(reading.directives[0])
    return match["name"] if match else None


def _title_line(document: ParsedDocument) -> str | None:
    """A text file read as Markdown often starts with its title on a plain line ("Beta Orchard
    Notes"): with no ``#`` heading and no front matter, that first short line is the title."""
    first = document.blocks[0] if document.blocks else None
    if first is None or first.kind != "text" or first.section is not None:
        return None
    words = first.text.split()
    if len(words) > 12 or first.text.endswith(TERMINAL) or not first.text[0].isupper():
        return None
    if _fields_line(first.text):
        return None
    document.blocks.pop(0)
    return first.text


def front_matter(tokens: Sequence[Token]) -> dict[str, str]:
    """The top-level ``key: value`` pairs of a YAML front matter block, keys in lower case.

    Only scalars are read (title, date, source, author, keywords), and lists of them (joined by
    commas: "keywords:" over "- vacation" and "- leave"); nested keys are ignored, so no YAML
    library is needed and no YAML feature can surprise. A scalar may run over lines, as YAML
    folds them: a plain one continued on indented lines (the TTS handbook's "title:" over "  Play
    10 - Promote … through constructive" and "  feedback"), or a block scalar ("title: >").
    """
    block = next((t.content for t in tokens if t.type == "front_matter"), "")
    meta: dict[str, str] = {}
    lines = block.split("\n")
    for at, line in enumerate(lines):
        match = _FRONT_KEY.match(line)
        if match is None:
            continue
        key, value = match["key"].lower(), match["value"]
        if key in _NESTED_KEYS and (not value or value[0] in "[{"):
            value = _structured(key, value, lines[at + 1 :])
        elif key in _LISTED_KEYS and value.startswith("[") and value.endswith("]"):
            value = ", ".join(
                filter(None, (_unquote(v.strip()) for v in _FLOW_ITEM.findall(value[1:-1])))
            )
        elif not value or value[0] not in "[{&*!":  # a block scalar's "|" or ">" too
            value = _folded_scalar(value, lines[at + 1 :], listed=key in _LISTED_KEYS)
        else:  # a flow list or map, an anchor, an alias or a tag: no plain value
            value = ""
        if value:
            meta.setdefault(key, value)
    return meta


# A block scalar's header: "|", ">", with a chomping or an indentation sign ("|-", ">2").
_BLOCK_SCALAR = re.compile(r"^[|>][-+\d]*\s*(?:#.*)?$")
# Keys whose lists are lists of words: a page's search keywords and its tags.
_LISTED_KEYS = frozenset({"keywords", "tags"})
_LIST_ENTRY = re.compile(r"^-(?:\s+|$)")
_MAP_ENTRY = re.compile(r"^[\w.-]+\s*:(?:\s|$)")
# An entry of a flow list ("[alpha, "beta, gamma"]"): a quoted one may hold a comma.
_FLOW_ITEM = re.compile(r"""\s*("(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^,]+)\s*""")


def _folded_scalar(value: str, after: list[str], *, listed: bool = False) -> str:
    """The text of a key whose ``value`` opens its line and may go on over the indented lines
    ``after`` it: folded into one line (a block scalar's "|" keeps no line breaks either: a title
    is one line). A list of plain entries, where the key is one of words (``listed``), is read
    as they are, joined by commas; any other list or map under the key is no scalar ("")."""
    block = not value or _BLOCK_SCALAR.match(value)
    more = [line.strip() for line in itertools.takewhile(_indented_or_blank, after)]
    if value and block:  # a block scalar's lines are its text: "Kubernetes: a primer", "# 1"
        return " ".join(line for line in more if line)
    more = [line for line in more if line and not line.startswith("#")]
    if listed and block and more and all(_LIST_ENTRY.match(line) for line in more):
        entries = (_unquote(_LIST_ENTRY.sub("", line).strip()) for line in more)
        return ", ".join(entry for entry in entries if entry)
    if any(_LIST_ENTRY.match(line) or _MAP_ENTRY.match(line) for line in more):
        return "" if block else _unquote(value)
    return " ".join(more) if block else _unquote(" ".join([value, *more]))


def _indented_or_blank(line: str) -> bool:
    return not line.strip() or line[:1] in (" ", "\t")


# Keys read from a list or a map too: the Material blog's dates ("date:" over "  created:
# 2024-01-31" and "  updated: …", or "date: {created: 2024-01-31}": the post's date is its
# creation) and its posts' authors ("authors: [squidfunk, alexvoss]", or one a line).
_NESTED_KEYS = frozenset({"date", "authors"})
_CREATED = re.compile(r"""(?:^|[{,\s])created\s*:\s*['"]?(?P<date>[^'",}\s]+)""")


def _structured(key: str, value: str, after: list[str]) -> str:
    """The value of ``key``, written as a flow ``value`` ("[a, b]", "{created: …}") or as the
    indented lines ``after`` it: a date's "created", or the authors joined by commas."""
    if not value:
        value = "\n".join(itertools.takewhile(lambda line: line[:1] in (" ", "\t", "-"), after))
    if key == "date":
        created = _CREATED.search(value)
        return created["date"] if created else ""
    flow = value.strip()[:1] in ("[", "{")
    items = re.split(r"[,\n]" if flow else r"\n", value.strip().strip("[]"))
    names = [_author_item(item.strip().strip("{}").strip(), listed=not flow) for item in items]
    return ", ".join(name for name in names if name)


# One entry of a list of authors: Docusaurus writes each as a map ("- name: Joel Marcey" over
# "title: Co-creator of Docusaurus 1", "url: …"), or one map without a list; only its name names
# somebody (the title, the address and the picture were read as one more "author", and searched).
_AUTHOR_FIELD = re.compile(r"^(?P<key>[A-Za-z_][\w-]*)\s*:(?:\s+(?P<value>.*))?$")
_ANCHOR = re.compile(r"^&\S+\s*")


def _author_item(item: str, *, listed: bool) -> str:
    """The name an entry of ``authors`` gives, "" for none: a map's "name:", a plain entry (in a
    block, only one opened by "-": a line under a map's key goes on with its value). A YAML
    anchor ("&joel") is no name, nor an alias ("*joel", which stands for a map written above)."""
    dashed = item.startswith("-")
    item = _ANCHOR.sub("", item.lstrip("-").strip())
    field = _AUTHOR_FIELD.match(item)
    if field is not None:
        return _unquote((field["value"] or "").strip()) if field["key"] == "name" else ""
    if item.startswith("*") or (listed and not dashed):
        return ""
    return _unquote(item)


def _authors(listed: str) -> str | None:
    """The authors a front matter's list names ("Jane Doe, John Roe"), each as
    :func:`stated_author` takes it: a login ("squidfunk", which the Material blog resolves
    through a file of its own) names nobody."""
    names = [stated_author(prose(name)) for name in listed.split(",")]
    return ", ".join(name for name in names if name) or None


def _unquote(value: str) -> str:
    if len(value) >= 2 and value[0] == value[-1] == "'":
        return value[1:-1].replace("''", "'")  # YAML's single quote within single quotes
    if len(value) >= 2 and value[0] == value[-1] == '"':
        return value[1:-1]
    return value


def _step(tokens: Sequence[Token], index: int, reading: _Reading) -> int:
    """Read the block that starts at ``tokens[index]``; return the index of the next one."""
    token = tokens[index]
    kind = token.type
    if kind == "heading_open":
        return _heading_step(tokens, index, reading)
    if kind == "paragraph_open":
        _note_references(tokens[index + 1], reading)
        if _only_images(tokens[index + 1]):
            # "![Syntax highlighting example](…png)": the page shows a picture, not these words,
            # which were glued to the sentence before ("… markup languages:"); kept only for a
            # page of nothing else
            reading.images += _inline_lines(tokens[index + 1])
            _pictured(reading)
            return index + 3
        # (not an item of a list: "* `http://localhost`" under "… different origins:" is one)
        quoted = token.level == 1 and _quote_opened(tokens, index) == "alone"
        if (token.level == 0 or quoted) and (
            command := _lone_code(tokens[index + 1], reading, quoted=quoted)
        ) is not None:
            _attach(command, "", reading)
            return index + 3
        if not reading.lists and mdcontents.anchors_only(tokens[index + 1]):
            return index + 3  # "[⬆ back to top](#contents)": the page's navigation
        if _cross_reference(tokens, index, reading):
            return index + 3
        _paragraph(_paragraph_lines(tokens, index, reading), reading, _place(tokens, index))
        return index + 3
    if kind in ("footnote_open", "footnote_close"):
        _footnote(token, reading)
    if kind == "fence" and (found := myst.directive(token.info, token.content)) is not None:
        _directive(found, reading)
    elif kind == "fence" and (fields := _parameter_fields(token, reading)) is not None:
        reading.document.add(reading.section, fields)
        reading.intro = None
    elif kind == "fence" and _DIAGRAM.match(token.info):
        _diagram(token.content, reading)
    elif kind in ("fence", "code_block"):
        _code(token, reading)
    elif kind == "table_open":
        return _table(tokens, index, reading)
    elif kind == "dt_open":
        # A term waits for its definition.
        reading.term = prose(" ".join(_inline_lines(tokens[index + 1])))
        return _closing(tokens, index) + 1
    elif kind == "html_block":
        return _html(tokens, index, reading)
    elif kind == "hr":
        reading.intro = None
        if reading.tabs is not None:  # "---" closes a set of DocFX's tabs
            reading.section = reading.outline.close(reading.tabs)
            reading.tabs = reading.tab_base = None
    elif kind in ("box_open", "box_close"):
        _box_token(token, reading)
    elif kind in _LIST_OPENING and (end := _contents_end(tokens, index, reading)):
        return _contents_dropped(reading, end)
    elif kind in _LIST_TOKENS:
        _list_token(kind, reading)
    return index + 1


_LIST_OPENING = frozenset({"bullet_list_open", "ordered_list_open"})


def _heading_step(tokens: Sequence[Token], index: int, reading: _Reading) -> int:
    """Read the heading opened at ``tokens[index]``; return the index after it."""
    level = int(tokens[index].tag[1:])
    if mddocfx.tab(tokens[index + 1]):
        level, reading.tab_base = _tab_level(reading), None
    elif reading.tabs is not None:
        level = _in_tab_level(level, reading)
    lines = _inline_lines(_without_trailing_pictures(tokens[index + 1]))
    after = index + 3
    titled = after + 1 < len(tokens) and tokens[after].type == "heading_open"
    if titled and _BARE_DIVISION.match(" ".join(lines).strip()):
        # "### Article 12" right over "####- Right to marry": the article's title, one heading
        # as a text's "Глава первая" over "Дурное поведение" is ("Article 12. Right to marry"),
        # so the article's paragraphs are cited, and found, under its number.
        # A division over several headings ("## Part I" over "### Chapter 1", "### Chapter 2")
        # is a heading of its own, over all of them.
        title = prose(" ".join(_inline_lines(tokens[after + 1])))
        if title and _only_heading_under(tokens, index, after, reading.document.title):
            lines, after = [f"{prose(' '.join(lines)).rstrip('.')}. {title}"], after + 3
    _heading(level, lines, reading)
    return after


def _without_trailing_pictures(inline: Token) -> Token:
    """A heading's ``inline`` token without the pictures that end it after its words (and
    their attribute list): an icon set beside the title ('# A01:2021 – Broken Access Control
    ![icon](assets/a01.png){: style="height:80px" align="right"}', every page of OWASP's Top
    10) or a badge is drawn, not read: its description "icon" ended every citation's heading.
    A heading of pictures alone keeps them."""
    children = list(inline.children or ())
    end = len(children)
    while end and (
        children[end - 1].type in ("image", "link_open", "link_close")
        or (children[end - 1].type == "text" and _decoration_text(children[end - 1].content))
    ):
        end -= 1
    if end == len(children) or not any(
        child.type == "text" and child.content.strip() for child in children[:end]
    ):
        return inline
    if not any(child.type == "image" for child in children[end:]):
        return inline
    trimmed = Token(inline.type, inline.tag, inline.nesting, children=children[:end])
    trimmed.content = inline.content
    return trimmed


def _decoration_text(text: str) -> bool:
    """Whether ``text`` around a heading's pictures is blank or their attribute list."""
    return not text.strip() or _ATTR_LIST.fullmatch(text) is not None


def _only_heading_under(
    tokens: Sequence[Token], division: int, heading: int, document_title: str | None
) -> bool:
    """Whether the heading opened at ``tokens[heading]`` is under the one at
    ``tokens[division]`` and the only one at its level or above up to the division's end: a
    heading above it, or the document's title again (which starts the document over)."""
    top, level = int(tokens[division].tag[1:]), int(tokens[heading].tag[1:])
    if level <= top:
        return False
    for at in range(heading + 3, len(tokens) - 1):
        if tokens[at].type != "heading_open" or int(tokens[at].tag[1:]) > level:
            continue
        text = prose(" ".join(_inline_lines(tokens[at + 1])))
        return int(tokens[at].tag[1:]) <= top or text == document_title
    return True


# A numbered division's heading with no title of its own: "Article  12", "PART III", "Статья 5".
_BARE_DIVISION = re.compile(
    r"^(?:Article|Artikel|Art[íi]culo|Статья|Section|Part|Deel|Chapter|Hoofdstuk)\s+"
    r"(?:\d{1,4}|[IVXLC]{1,8})\.?$",
    re.IGNORECASE,
)


def _parameter_fields(token: Token, reading: _Reading) -> str | None:
    """A cmdlet parameter's metadata block in platyPS's reference as a paragraph of fields
    (:mod:`mdplatyps`), or None for other code."""
    heading = (reading.section or "").rpartition("\n")[2]
    return mdplatyps.fields(token.info, token.content, heading)


def _tab_level(reading: _Reading) -> int:
    """The level a DocFX tab's heading ("# [Outlook](#tab/outlook)") is read at: one below the
    section in force where its set opened, whatever level it is written at. The page shows the
    tabs inside that section ("Restore a group › Outlook"); read at its own "#", the tab closed
    every heading above it, and the sections after the set were cited under its last tab."""
    if reading.tabs is None:
        opened = reading.outline.open
        reading.tabs = (opened[-1][0] if opened else 0) + 1
    return reading.tabs


def _in_tab_level(level: int, reading: _Reading) -> int:
    """The level a heading written at ``level`` inside a DocFX tab is read at: under the tab,
    as the first heading inside it is, the others kept below or beside that one. Authors write
    them at any level, the tab's own too ("## [Mac](#tab/mac)" over "## Next steps"), and the
    set runs on to its "---": read at its own level, "## Next steps" closed the tab, and the
    next tab was cited under it ("Next steps › Mac")."""
    if reading.tab_base is None:
        reading.tab_base = level
    assert reading.tabs is not None
    return reading.tabs + 1 + max(0, level - reading.tab_base)


def _box_token(token: Token, reading: _Reading) -> None:
    """A box opened or closed: the label its text is read under."""
    kind = token.type
    reading.boxes += 1 if kind == "box_open" else -1
    # "" once the box is over; an admonition's label heads its text as the page shows it
    # ("Tip: Use a virtual environment …", as pymdownx's "/// tip" boxes), a tab's its first.
    admonition = token.meta.get("admonition") if token.meta else None
    label = prose(token.info or admonition or "")
    # A box opening with a box ("!!! tip" holding "!!! warning"): the page shows both
    # labels over the text ("Tip: Warning: …"; the outer one was lost).
    pending = kind == "box_open" and reading.label and label
    reading.label = termed(reading.label, label) if pending else label
    if kind == "box_open" and reading.term and reading.label:
        # A definition that is a box (a list of admonition types, each term over its box):
        # the term, then the box as the page shows it ("note: Note: Lorem ipsum …").
        reading.label, reading.term = termed(reading.term, reading.label), ""
    if kind == "box_close" or admonition is not None:
        # An admonition stands apart from the sentence before it, and what follows a box
        # (the example after a "??? info" aside) is not introduced by the box's last line.
        # A tab set may be introduced by the sentence before it ("Install it with:").
        reading.intro = None


def _contents_end(tokens: Sequence[Token], index: int, reading: _Reading) -> int | None:
    """Where the list opened at ``tokens[index]`` closes, when it is a table of contents
    (:func:`mdcontents.contents_list_end`); plain entries count right under a heading titling
    one, nothing read under it yet."""
    opened, blocks = reading.outline.open, reading.document.blocks
    alone = not blocks or blocks[-1].section != reading.section
    titled = bool(opened) and alone and is_contents_title(opened[-1][1])
    return mdcontents.contents_list_end(tokens, index, titled=titled)


def _contents_dropped(reading: _Reading, end: int) -> int:
    """Leave out a table of contents (:mod:`mdcontents`) closed at ``end``; return the index
    after it. Its entries repeat the headings, and were quoted in place of the sections under
    them. Its title ("## Índice"), when nothing else stands under it, heads none of the
    sections after it either, although they are written a level below it ("### Principiante"):
    they were all cited "Índice › Principiante › …"."""
    reading.intro, reading.label, reading.term = None, "", ""
    opened = reading.outline.open
    blocks = reading.document.blocks
    alone = not blocks or blocks[-1].section != reading.section  # nothing under the heading
    if opened and alone and is_contents_title(opened[-1][1]):
        reading.section = reading.outline.close(opened[-1][0])
    return end + 1


def _cross_reference(tokens: Sequence[Token], index: int, reading: _Reading) -> bool:
    """Whether the paragraph opened at ``tokens[index]`` is an item of MDN's link macros alone
    ("- {{HTTPStatus("410")}}") in a list that nothing introduces: a "See also" entry, whose
    words are another page's name ("410", "403, 407"). Short as it is, it outranked the
    paragraphs for any question naming the number ("quelle différence entre 401 et 403 ?" was
    answered "403, 407"); it is left out, as the page's other navigation is. Such items in a
    list a sentence introduces ("voici les fonctions qui utilisent une fonction en argument :"
    over "Array.prototype.every(), Array.prototype.some(), …") are what the sentence names."""
    if not reading.lists or reading.lists[-1] or tokens[index - 1].type != "list_item_open":
        return False
    start = (tokens[index].map or (-1, -1))[0]
    return start in reading.cross_references


def _paragraph_lines(tokens: Sequence[Token], index: int, reading: _Reading) -> list[str]:
    """The lines of the paragraph opened at ``tokens[index]``, as the page shows them; one that
    is only a link to another page says where it goes (:mod:`mdlinks`), unless it heads more of
    its item (a card's title over its text, which says what the page is) or is an item of a
    list of links, read by their texts."""
    inline = tokens[index + 1]
    lines = _inline_lines(inline)
    opens_item = index > 0 and tokens[index - 1].type == "list_item_open"
    after = tokens[index + 3].type if index + 3 < len(tokens) else ""
    if opens_item and len(reading.lists) == 1 and not mdnested.termed(inline.children or []):
        reading.terms = False
    alone = not opens_item or not _in_list_of_links(tokens, index - 1, reading)
    if alone and (not opens_item or after == "list_item_close"):
        lines = mdlinks.with_target(lines, inline, site=reading.site)
    return _marked(lines, reading, _quote_opened(tokens, index))


def _in_list_of_links(tokens: Sequence[Token], item: int, reading: _Reading) -> bool:
    """Whether the item opened at ``tokens[item]`` is one of a list of links
    (:func:`mdlinks.list_of_links`), each list looked at once (a list of 2,000 links)."""
    opened = mdlinks.list_opened(tokens, item, reading.item_lists)
    if opened not in reading.link_lists:
        reading.link_lists[opened] = mdlinks.list_of_links(tokens, opened, reading.site)
    return reading.link_lists[opened]


_LIST_TOKENS = _LIST_OPENING | {
    "bullet_list_close",
    "ordered_list_close",
    "list_item_open",
    "list_item_close",
}
# mkdocs-material's card grid: '<div class="grid cards" markdown>' round a list, each item a card.
# (Searched in the whole block: the grid may open inside a result box, '<div class="result"
# markdown>' then '  <div class="grid cards" markdown>'.)
_CARD_GRID = re.compile(
    r"""<div\b(?=[^>]*\smarkdown\b)[^>]*\bclass=["'](?=[^"']*\bgrid\b)(?=[^"']*\bcards\b)"""
)


def _list_token(kind: str, reading: _Reading) -> None:
    """A list or an item opening or closing; in a card grid, each item of the grid's list is a
    card (see :func:`_card_closed`)."""
    if kind in _LIST_OPENING:
        introduced = _introduced(reading)
        if not reading.lists and not introduced and not reading.grid and not reading.releases:
            reading.headed, reading.terms = len(reading.document.blocks), True
        reading.parents.append(_parent(reading, introduced))
        reading.lists.append(introduced)
        reading.leading = None
        if reading.grid and not reading.cards:
            reading.cards = len(reading.lists)
    elif kind in ("bullet_list_close", "ordered_list_close"):
        if reading.cards == len(reading.lists):
            reading.cards = 0
        _list_closed(reading)
        if not reading.lists and reading.headed is not None:
            _headed_joined(reading, reading.headed)
    elif reading.cards and reading.cards == len(reading.lists):
        if kind == "list_item_open":
            reading.card = len(reading.document.blocks)
        else:
            _card_closed(reading)


def _card_closed(reading: _Reading) -> None:
    """A card of a grid ("Built-in meta plugin", a rule, what it does, a rule, a tag line) read
    as one paragraph, its title heading its text ("Built-in meta plugin: The meta plugin makes
    it easy …"), standing alone as the page shows it, in a box of its own: run on as items of a
    list, each card's title was glued to the text of the card before ("… social card layouts.
    Built-in social plugin The social plugin …"), and the first to the sentence over the grid."""
    blocks = reading.document.blocks
    runs = [list(run) for _, run in itertools.groupby(blocks[reading.card :], _plain_text)]
    if not runs or not _plain_text(runs[0][0]):
        return
    title = runs[0][0].text
    parts = [block.text for block in runs[0]]
    text = termed(title, " ".join(parts[1:])) if len(parts) > 1 else title
    card = [replace(runs[0][0], text=text, item=False)]
    for run in runs[1:]:
        if _plain_text(run[0]):
            more = " ".join(block.text for block in run)
            card.append(replace(run[0], text=termed(title, more), item=False))
            continue
        # Code in the card (an install command under its title, then more text): quoted with
        # the card's text over it, later code and text under the card's title; the title stood
        # alone, the code without it, the text after it as an item of a list.
        for block in run:
            if len(card) == 1 and not card[0].code:
                card[0] = replace(block, text=_headed(card[0].text, block.text), item=False)
            else:
                card.append(replace(block, text=_headed(title, block.text), item=False))
    blocks[reading.card :] = card
    reading.intro = None


def _plain_text(block: Block) -> bool:
    return block.kind == "text" and not block.code


def _headed(head: str, text: str) -> str:
    return termed(head, text) if text else head


def _lone_code(inline: Token, reading: _Reading, *, quoted: bool = False) -> str | None:
    """The command a paragraph of one line of inline code alone is, right after the sentence
    leading into it (tldr pages: "- Force kill a process:" then "`killall -9 name`"): a line of
    code, as a fenced block would be, not words of the sentence. ``quoted``: the paragraph is
    a quote of its own, set off under the sentence it shows, colon or not (OWASP's "Do not
    allow displaying of the page in a frame." over "> `X-Frame-Options: DENY`"): apart, the
    setting was a passage saying nothing of what it is for, and the sentence lost its value."""
    children = [c for c in inline.children or () if c.type != "text" or c.content.strip()]
    if len(children) != 1 or children[0].type != "code_inline" or not _intro_is_last(reading):
        return None
    leads_in = quoted or reading.document.blocks[-1].text.endswith(_INTRODUCING)
    return children[0].content if leads_in else None


def _only_images(inline: Token) -> bool:
    """Whether a paragraph (its ``inline`` token) is images alone, linked or not (a screenshot,
    a row of badges)."""
    children = inline.children or ()
    pictures = [child for child in children if child.type == "image"]
    return bool(pictures) and all(
        child.type in ("image", "link_open", "link_close", "softbreak", "hardbreak")
        or (child.type == "text" and not child.content.strip())
        for child in children
    )


def _pictured(reading: _Reading) -> None:
    """The paragraph right before a picture, when it leads into it ("… markup languages:"),
    marked as introducing the picture, not the paragraph after it; so too before code included
    from a file the page does not hold ("{* ../../docs_src/body/tutorial001.py *}") and before
    a box."""
    blocks = reading.document.blocks
    if reading.intro is not None and reading.intro == len(blocks) - 1:
        blocks[-1] = replace(blocks[-1], pictured=True)
        reading.intro = None


def _marked(lines: list[str], reading: _Reading, quote: str = "") -> list[str]:
    """A paragraph's ``lines`` without the mark that makes it a box on the built page: GitHub's
    alert tag on a line of its own opening a quote ("> [!NOTE]"), read as the label the page
    shows ("Note") before the text, and docsify's "?>" (a tip) and "!>" (a warning) opening it,
    dropped. ``quote``: "opens" when the paragraph opens a quote, "alone" when it is all of it
    (a box with nothing in it labels nothing after it); elsewhere GitHub shows the tag as
    written."""
    alert = _ALERT.match(lines[0].strip()) if lines and quote else None
    if alert is not None:
        if len(lines) > 1 or quote != "alone":
            reading.label, reading.intro = alert[1].capitalize(), None
        return lines[1:]
    if lines and _DOCSIFY.match(lines[0]):
        return [_DOCSIFY.sub("", lines[0]), *lines[1:]]
    return lines


def _note_references(inline: Token, reading: _Reading) -> None:
    """Remember the section where each footnote is first cited (see :func:`_footnote`)."""
    for child in inline.children or ():
        if child.type == "footnote_ref":
            reading.notes.setdefault(child.meta["id"], reading.section)


def _footnote(token: Token, reading: _Reading) -> None:
    """A footnote is printed at the foot of the page, after the last section, but it is a note
    to the passage citing it: its text is read under the section that cites it ("Using nh3 or
    bleach"), not under whatever section happens to end the page."""
    if token.type == "footnote_open":
        reading.below = reading.section
        reading.section = reading.notes.get(token.meta.get("id", -1), reading.section)
    else:
        reading.section = reading.below
    reading.intro = None


def _quote_opened(tokens: Sequence[Token], index: int) -> str:
    """Whether the paragraph opened at ``tokens[index]`` opens a quote ("opens"), is all of it
    ("alone"), or neither ("")."""
    if index == 0 or tokens[index - 1].type != "blockquote_open":
        return ""
    after = tokens[index + 3].type if index + 3 < len(tokens) else ""
    return "alone" if after == "blockquote_close" else "opens"


def _place(tokens: Sequence[Token], index: int) -> str:
    """What the paragraph opened at ``tokens[index]`` is to what follows it: it "leads" a list
    nested right after it, is the "first" of an item more paragraphs follow, is "bold" all
    through (a line standing as a small heading: "**List of filters**"), or "" (none of those)."""
    after = tokens[index + 3].type if index + 3 < len(tokens) else ""
    if after in ("bullet_list_open", "ordered_list_open"):
        return "leads"
    if index > 0 and tokens[index - 1].type == "list_item_open" and after == "paragraph_open":
        return "first"
    children = [c for c in tokens[index + 1].children or () if c.type != "text" or c.content]
    strong = [i for i, child in enumerate(children) if child.type == "strong_close"]
    if children and children[0].type == "strong_open" and strong == [len(children) - 1]:
        return "bold"
    return ""


def _introduced(reading: _Reading) -> bool:
    """Whether the paragraph right before a list opening now introduces it ("Possible values:")."""
    if not _intro_is_last(reading):
        return False
    return reading.document.blocks[-1].text.endswith(_INTRODUCING)


def _intro_is_last(reading: _Reading) -> bool:
    """Whether the paragraph that may introduce what follows is the last block read."""
    return reading.intro == len(reading.document.blocks) - 1


def _list_closed(reading: _Reading) -> None:
    """The last item of a list introduces what follows the list only when it says so ("…, run:");
    otherwise it is the list's last value ("None: no style at all"), and the code block after the
    list stands on its own rather than taking the item away from its list.

    A list nested in an item of a list nobody introduced (a changelog's "Added" entries) was
    quoted with the sentence leading it; the entries after it are entries of their own, so the
    next paragraph does not run on from that quote."""
    introduced = reading.lists.pop()
    if reading.lists and introduced and not reading.lists[-1]:
        reading.apart = True
    _nested_joined(reading, reading.parents.pop())
    if reading.intro is None:
        return
    if not reading.document.blocks[reading.intro].text.endswith(_INTRODUCING):
        reading.intro = None


def _parent(reading: _Reading, introduced: bool) -> int | None:
    """The block of the item a list opening now is nested in, which the list's items join: an
    item of a list nobody introduced, whose own paragraph (no introduction either) leads the
    list. Not in a card grid, whose items are cards."""
    blocks = reading.document.blocks
    if introduced or not reading.lists or any(reading.lists) or reading.grid:
        return None
    return reading.leading if reading.leading == len(blocks) - 1 else None


def _nested_joined(reading: _Reading, parent: int | None) -> None:
    """The list closing, nested in the item ``blocks[parent]``, read with it (:mod:`mdnested`)."""
    blocks = reading.document.blocks
    if parent is None or (block := mdnested.joined(blocks, parent)) is None:
        return
    del blocks[parent:]
    blocks.append(block)
    if reading.intro is not None and reading.intro > parent:
        reading.intro = parent


def _release_notes(tokens: Sequence[Token]) -> bool:
    """Whether the page is release notes: headings naming releases ("## 0.47.3 (August 24,
    2025)"), as many as make plain-text release notes (:data:`release_names.RELEASES`). Each entry
    under "Fixed" is a change of its own, read alone, not a list describing its heading."""
    headings = (
        tokens[at + 1].content.strip()
        for at, token in enumerate(tokens[:-1])
        if token.type == "heading_open"
    )
    return sum(1 for text in headings if _VERSION_HEADING.match(text)) >= RELEASES


def _headed_joined(reading: _Reading, start: int) -> None:
    """The list just closed, opening its section with no sentence introducing it, read as one
    block when its items are short (:func:`mdnested.headed`)."""
    reading.headed = None
    blocks = reading.document.blocks
    if reading.terms:  # a reference list: each item an entry of its own (mdnested.termed)
        return
    if (block := mdnested.headed(blocks, start)) is not None:
        del blocks[start:]
        blocks.append(block)


def _closing(tokens: Sequence[Token], index: int) -> int:
    """The index of the token that closes the one at ``index``."""
    wanted = tokens[index].type.replace("_open", "_close")
    return next(i for i in range(index + 1, len(tokens)) if tokens[i].type == wanted)


def _inline_lines(token: Token) -> list[str]:
    """An inline token's text as its lines: markup gone, links (resolved or not) read as their
    text, images as their alt text, inline HTML tags and footnote marks dropped."""
    lines = [""]
    codes: list[str] = []  # inline code stands in the lines as one placeholder character each
    owner = False  # whether the child before can own an attribute list
    relabelled = False  # inside a link whose text is the label written before it
    mark: _Superscript | None = None  # inside "<sup>": where it opened, whether it links
    for child in token.children or ():
        mark = _superscript(child, lines, mark)
        follows, owner = owner, child.type in _ATTR_OWNERS
        if relabelled:
            relabelled = child.type != "link_close"
        elif child.type == "link_open" and (label := _label_before(lines, token.content)):
            # "[Google Font]\n[Google Fonts]": Python-Markdown reads one space or line break
            # between a reference's text and its label, so the page shows "Google Font" linked
            # (CommonMark left "[Google Font] Google Fonts").
            lines[-1] += label
            relabelled = True
        elif child.type in ("softbreak", "hardbreak") or (
            child.type == "html_inline" and _BREAK_TAG.match(child.content)
        ):
            lines.append("")
        elif child.type == "html_inline" and _placeholder(child.content, token.content):
            lines[-1] += child.content
        elif child.type == "code_inline" and _ROLE.search(lines[-1]):
            role = _ROLE.search(lines[-1])
            assert role is not None
            lines[-1] = lines[-1][: role.start()] + _role_text(role[0][1:-1], child.content)
        elif child.type == "code_inline":
            lines[-1] += chr(_PLACEHOLDER + len(codes))
            codes.append(_HILITE.sub("", child.content, count=1))
        elif child.type == "text":
            text = child.content
            attributes = _ATTR_AFTER.match(text) if follows else None
            if attributes is not None:
                text = text[attributes.end() :]
                lines[-1] = _titled(lines[-1], attributes[0])
            lines[-1] += _SHORTCODE.sub("", text)
        elif child.type == "image" and not _after_a_sentence(lines):
            lines[-1] += child.content
    # Unresolved references are read as their text; code inside or outside them is kept as is,
    # so "x[0][1]" in code is never taken for one.
    text = _marks_shown(_AUTOREF.sub(r"\1", "\n".join(lines)))
    if _CJK_CHAR.search(text):
        text = _CJK_STRONG.sub(r"\1", text)
    return [_restore(line, codes) for line in text.split("\n")]


# A "tag" no HTML names, bare and never closed, is a placeholder the author wrote outside code:
# "--host <str>: Bind socket to this host", "<path>", "<int>". (A custom element has a hyphen in
# its name, a component a capital letter.)
_BARE_TAG = re.compile(r"<([a-z]+)>")
_HTML_NAMES = frozenset(
    """a abbr acronym address applet area article aside audio b base basefont bdi bdo big blink
    blockquote body br button canvas caption center cite code col colgroup command data datalist
    dd del details dfn dialog dir div dl dt em embed fieldset figcaption figure font footer form
    frame frameset head header hgroup hr html i iframe image img input ins isindex kbd keygen
    label legend li link listing main map mark marquee math menu meta meter nav nobr noembed
    noframes noscript object ol optgroup option output p param picture plaintext pre progress q
    rb rp rt rtc ruby s samp script search section select slot small source span strike strong
    style sub summary sup svg table tbody td template textarea tfoot th thead time title tr track
    tt u ul var video wbr xmp""".split()
)


def _placeholder(tag: str, inline: str) -> bool:
    """Whether the inline HTML ``tag``, in the paragraph's source ``inline``, is a placeholder
    the page shows as written (see :data:`_BARE_TAG`)."""
    bare = _BARE_TAG.fullmatch(tag.strip())
    return bare is not None and bare[1] not in _HTML_NAMES and f"</{bare[1]}>" not in inline


_SUP_OPEN = re.compile(r"<sup\b[^>]*>$", re.IGNORECASE)
_SUP_CLOSE = re.compile(r"</sup\s*>$", re.IGNORECASE)
_LINK_TAG = re.compile(r"<a\s[^>]*\bhref=", re.IGNORECASE)
_NOTE_NUMBER = re.compile(r"\[?\d{1,3}(?:[,–-]\d{1,3})*\]?|[*†‡]")


@dataclass
class _Superscript:
    line: int  # the line of ``lines`` it opened on, and where in it
    at: int
    linked: bool = False


def _superscript(child: Token, lines: list[str], mark: _Superscript | None) -> _Superscript | None:
    """Follow a superscript through ``lines``: a footnote's number linked to its note
    ("…organizational design<sup><a href="…#22">1</a></sup>.") is dropped when it closes, as
    Markdown's own "[^1]" marks are; read, it was glued to the word ("design1."). An unlinked
    one ("10<sup>6</sup>", "m<sup>2</sup>") is part of what the sentence says, and is kept."""
    if child.type == "html_inline" and _SUP_OPEN.match(child.content.strip()):
        return _Superscript(len(lines) - 1, len(lines[-1]))
    if mark is None:
        return None
    if child.type == "link_open" or (
        child.type == "html_inline" and _LINK_TAG.match(child.content.strip())
    ):
        mark.linked = True
    elif child.type == "html_inline" and _SUP_CLOSE.match(child.content.strip()):
        number = lines[-1][mark.at :].strip()
        if mark.linked and mark.line == len(lines) - 1 and _NOTE_NUMBER.fullmatch(number):
            lines[-1] = lines[-1][: mark.at]
        return None
    return mark


# A picture after a finished sentence is shown, not read: its description is no words of the
# paragraph ("…click OK. ![selecting hotel booking option](…)" was quoted "…click OK. selecting
# hotel booking option", a tester's handbook); one inside a sentence ("click the ![gear] icon")
# is read as its words.
_SENTENCE_DONE = re.compile(r"[.!?。！？]\s*$")


def _after_a_sentence(lines: list[str]) -> bool:
    """Whether the text read so far (``lines``, over line breaks) ends a sentence."""
    said = next((line for line in reversed(lines) if line.strip()), "")
    return bool(_SENTENCE_DONE.search(said))


_TEXT_BEFORE_LINK = re.compile(r"\[([^\[\]]*[^\W\d_][^\[\]]*|[\U00100000-\U0010ffff])\] ?$")
# A reference's text and label a space or a line break apart, as written: "[Google Font]\n[Google
# Fonts]", not "[x] [Docs](…)" (an inline link) nor "[x]: …" (a definition).
_REFERENCE_APART = re.compile(r"\][ \n]\[[^\[\]]+\](?![(\[:])")


def _label_before(lines: list[str], source: str) -> str | None:
    """The text of "[Google Font]" ending ``lines`` (on the line before, across a line break),
    which is taken out of them: a reference's text, its label (the link that follows, written
    "[Google Fonts]" in the paragraph's ``source``, not an inline link's "[here](…)") apart."""
    broken = len(lines) > 1 and lines[-1] == ""
    found = _TEXT_BEFORE_LINK.search(lines[-2] if broken else lines[-1])
    if found is None or (len(found[1]) < 2 and ord(found[1][:1] or " ") < _PLACEHOLDER):
        return None
    if not _REFERENCE_APART.search(source):
        return None
    if broken:
        lines.pop()
    lines[-1] = lines[-1][: found.start()]
    return found[1]


# Bold marks CommonMark leaves as written beside Chinese punctuation ("都知道**「404 Not
# Found」**错误": a run after a letter and before punctuation opens nothing), which mkdocs
# renders bold; in Chinese text they are marks, never the text's asterisks. Code stands in the
# line as placeholders here, so its "**" (Python's power, kwargs) is untouched.
_CJK_CHAR = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]")
_CJK_STRONG = re.compile(r"(?<!\*)\*\*(?=[^\s*])([^*\n]+?)(?<=[^\s*])\*\*(?!\*)")


def _shown(label: str) -> str:
    """A box's or a tab's label (written as Markdown: '=== ":octicons-file-code-16: `mkdocs.yml`"')
    as the page shows it: "mkdocs.yml"."""
    if not label:
        return ""
    tokens = _parser().parseInline(label)
    return prose(" ".join(_inline_lines(tokens[0]))) if tokens else prose(label)


# pymdownx's inline marks, which the page shows as styled text: Keys ("++ctrl+alt+del++", a
# key's name or a quoted string, "+" between keys), Caret's insert ("^^text^^") and Mark's
# highlight ("==text=="). (CommonMark reads "~~text~~" as deleted text already.)
_KEY = r"""(?:[\w-]+|"[^"\n]+")"""
_KEYS = re.compile(rf"(?<![\w+])\+\+({_KEY}(?:\+{_KEY})*)\+\+(?![\w+])")
_INSERTED = re.compile(r"(?<![\w^])\^\^(?=\S)([^\n^]+?)(?<=\S)\^\^(?![\w^])")
_MARKED = re.compile(r"(?<![\w=])==(?=[^\s=])([^\n=]+?)(?<=[^\s=])==(?![\w=])")


def _marks_shown(text: str) -> str:
    """``text`` with pymdownx's inline marks read as the page shows them: "++ctrl+alt+del++" as
    "Ctrl+Alt+Del", "++arrow-right++" as "Arrow Right", "^^search suggestions^^" and
    "==marked==" as their words. Left as written, "accepted with the ++arrow-right++ key" was
    quoted with the plus signs, and "arrow" and "right" were one word nobody asks."""
    if "++" in text:
        text = _KEYS.sub(lambda match: _keys(match[1]), text)
    if "^^" in text:
        text = _INSERTED.sub(r"\1", text)
    if "==" in text:
        text = _MARKED.sub(r"\1", text)
    return text


def _keys(keys: str) -> str:
    """The keys of a pymdownx Keys mark as a keyboard shows them: "ctrl+alt+del" as
    "Ctrl+Alt+Del", "page-up" as "Page Up", a quoted string ('"git"') as its text."""
    named = re.findall(r'"[^"]+"|[^+]+', keys)
    return "+".join(
        key[1:-1] if key.startswith('"') else " ".join(w.capitalize() for w in key.split("-"))
        for key in named
    )


def _titled(line: str, attributes: str) -> str:
    """``line``, whose inline code at its end sets ``attributes``, with the ``title`` they give
    it before the code: the label a reader sees when pointing at it ("`True`{ title="default
    value" }" is "default value True"), and what a question asks ("what is the default value
    of show_source?")."""
    title = _ATTR_TITLE.search(attributes)
    placeholder = line[-1:]
    if title is None or not placeholder or ord(placeholder) < _PLACEHOLDER:
        return line
    return f"{line[:-1]}{title[1] or title[2]} {placeholder}"


def _role_text(role: str, content: str) -> str:
    """What Sphinx shows for a MyST role: its title when it has one ("Slotted classes" of
    "Slotted classes <slotted classes>"), the target otherwise, "PEP 557" for {pep}`557`;
    "issue 1138" and "PR 2020" for sphinx-issues' {issue}`1138` and {pr}`2020` (a bare number
    at a sentence's end said nothing); a page or a label with no title as its words
    ({doc}`/shell-completion` "shell completion", the page's title standing for it)."""
    titled = _ROLE_TITLE.match(content)
    text = titled["title"] if titled and titled["title"] else content.lstrip("~!")
    role = role.rsplit(":", 1)[-1]
    if role in ("pep", "rfc"):
        return f"{role.upper()} {text}"
    if role in _NUMBERED_ROLES:
        return f"{_NUMBERED_ROLES[role]} {text}"
    if role in ("doc", "ref") and not (titled and titled["title"]):
        return re.sub(r"[-_]+", " ", text.rstrip("/").rsplit("/", 1)[-1]).strip() or text
    return text


def _restore(line: str, codes: list[str]) -> str:
    return "".join(
        codes[ord(ch) - _PLACEHOLDER] if 0 <= ord(ch) - _PLACEHOLDER < len(codes) else ch
        for ch in line
    )


# Stars closing a heading, set apart from its words: a mark, not a word of it (the Vue docs'
# "## `ref()` \*\* {#ref}", which their site shows as a badge: "Composition API only").
_MARKING_STARS = re.compile(r"\s+\*{1,3}$")


def _heading(level: int, lines: list[str], reading: _Reading) -> None:
    text = _MARKING_STARS.sub("", prose(_ATTR_LIST.sub("", joined_lines(lines))))
    _flush_label(reading)
    reading.code_group = False
    reading.intro = None
    reading.term = ""
    if not text:
        return
    if _DIRECTIVE.match(text):
        # "# ::: package.module": mkdocstrings puts the module's documentation there, under a
        # heading it makes; the line itself is an instruction, not a section of the page.
        reading.directives.append(text)
        reading.after_directive = True
        return
    document = reading.document
    if reading.title_from_heading and level == reading.title_level:
        reading.title_from_heading = False
        # A letter alone names nothing ("## [g](http://arxiv.org/abs/1604.00289)", a note's
        # slip): its file name says more.
        if not _VERSION_HEADING.match(text) and len(text) > 1:
            # The title heads the whole document: no heading before it is open any more.
            document.title = text
            reading.section = reading.outline.close(level)
            return
        # "# unreleased", "# v0.25.0": a release notes file's first release, not its title
        # (its name is: "CHANGELOG"), heading that release's notes as the next ones do
    if text == document.title and (document.blocks or reading.section is None):
        # A "# Title" repeating the front matter's title heads nothing new; further on, the
        # title again starts the document over (a treaty's translation after its own text),
        # under none of the sections before it.
        reading.section = reading.outline.close(1)
        return
    opened = reading.outline.open
    if reading.tabs is not None and opened and opened[-1] == (reading.tabs, text):
        return  # "## Mac" under DocFX's tab "[Mac](#tab/Mac)" heads no section inside it
    reading.section = reading.outline.enter(level, text)


def _after_directive(lines: list[str], reading: _Reading) -> list[str]:
    """The lines of a paragraph opened by a directive after it and its options, which run on as
    lazy lines ("type: preview"); a pymdownx block ("//// tab | Table") may run on into its
    text, which a reader sees."""
    first = lines[0].strip()
    if len(lines) == 1 and mdvitepress.opens_code_group(first):
        reading.code_group = True  # the sentence before introduces the tabs' code
        return []
    reading.directives.append(first)
    reading.label = _shown(_box_label(first, reading))  # "///" ends the tab
    reading.result = bool(_RESULT.match(first))
    autodoc = bool(_AUTODOC.match(first))
    lines = lines[1:]
    while lines and _option(lines[0].strip(), autodoc):
        lines = lines[1:]
    if not lines:
        reading.intro, reading.after_directive = None, True
    return lines


def _paragraph(lines: list[str], reading: _Reading, place: str = "") -> None:
    lines = [
        line
        for line in mdcontents.without_markers(lines)
        if not _MYST_LINE.match(line.strip()) and not _TEMPLATE_LINE.match(line.strip())
    ]
    if lines and _DIRECTIVE.match(lines[0].strip()):
        lines = _after_directive(lines, reading)
        if not lines:
            return
    lines = [line for line in lines if not _DIRECTIVE.match(line.strip())]  # "////" closing
    kept = [
        _HUGO_SHORTCODE.sub("", _ATTR_LIST.sub("", line))
        for line in lines
        if not _FIELD.match(line.strip())
    ]
    text = prose(joined_lines(kept))
    reading.after_directive = False
    if not text:
        return
    reading.code_group = False
    if reading.term:
        text = termed(reading.term, text)
        reading.term = ""
    if place == "first" and word_count(text) <= _LABEL_WORDS and not _DIRECTIVE.match(text):
        # An item's first line, then its paragraphs ("* Windows:" or "* `em` and `strong`
        # changes", then what to do): the line is the label of what follows, as a term is.
        reading.term = text
        return
    if place == "bold" and not reading.lists and word_count(text) <= _LABEL_WORDS:
        # "**List of filters**" on a line of its own heads what follows as a small heading
        # would; alone it was a passage saying nothing. (Read as a tab's label is.) In a box,
        # after the box's label: "Note: Partial updates: When performing …".
        reading.label = termed(reading.label, text)
        return
    # A paragraph leading a list nested in an item ("…, we'll provide a few pointers:") is the
    # sentence that introduces that list, no item of its own list (unless its own list has an
    # introduction, with which all of it, nested lists too, is quoted).
    leads = place == "leads" and text.endswith(_INTRODUCING) and not any(reading.lists[-1:])
    item = bool(reading.lists) and not leads and not reading.apart
    reading.apart = False
    if not reading.lists and _example_of_last(text, reading):
        last = reading.document.blocks[-1]
        reading.document.blocks[-1] = replace(last, text=f"{last.text} {text}")
        return
    lead = article_lead(text) if reading.articles and not reading.lists else None
    if lead:
        # "第三十七条 中华人民共和国公民的人身自由不受侵犯。": the article heads its paragraphs,
        # under the headings in force, so its second paragraph is still cited as article 37.
        reading.section = reading.outline.enter(ARTICLE_HEADING_LEVEL, lead)
    reading.document.add(reading.section, text, item=item, apart=item)
    reading.intro = len(reading.document.blocks) - 1
    reading.leading = reading.intro if item and place == "leads" else None


def _example_of_last(text: str, reading: _Reading) -> bool:
    """Whether the paragraph ``text`` is a short example of what the paragraph right before it
    says ("For example: request.headers['content-type']" after "Headers are exposed as an
    immutable, case-insensitive, multi-dict."; "For example:" before the code showing it), and so
    goes on with it. Apart, the example did not say what it showed, and the sentence it showed
    lost its example: "For example:" took the code as its introduction, leaving "You can store
    arbitrary extra state on the application instance, using the generic app.state attribute."
    alone. A longer one ("For example, instead of adding CORSMiddleware as an inner middleware…,
    you can wrap your application as follows:") says what it shows and stands as it is."""
    blocks = reading.document.blocks
    if not _EXAMPLE.match(text) or len(text.split()) > _LABEL_WORDS:
        return False
    if reading.label or reading.term:
        return False
    if not _intro_is_last(reading):
        return False
    last = blocks[-1]
    return (
        last.kind == "text"
        and not last.item
        and last.section == reading.section
        and not last.text.endswith(_INTRODUCING)
    )


def _option(line: str, autodoc: bool) -> bool:
    """Whether ``line``, run on from a directive, is one of its options: "type: preview",
    ":members:"; under mkdocstrings' "::: starlette.testclient.TestClient" its YAML ("options:",
    "heading_level: 3", "filters:" and the filters' list, '- "__init__"', which a reader never
    sees and which Markdown made a passage "- "init"" of)."""
    if _BLOCK_OPTION.match(line) or _FIELD.match(line):
        return True
    return autodoc and bool(_OPTION_LINE.match(line))


def _diagram(source: str, reading: _Reading) -> None:
    """A Mermaid diagram: a picture the page draws, which the sentence before led into; a
    sequence diagram's messages and notes read as the passage its labels tell (see
    :mod:`mdmermaid`: "Lambda service to SQS queue: Poll. …")."""
    told = mdmermaid.told(source)
    if told:
        _paragraph([told], reading)
    else:
        _pictured(reading)


def _code(token: Token, reading: _Reading, *, shown: bool = False) -> None:
    """Add a fenced or indented code block; ``shown``: its HTML tags are shown as what they
    mark (a terminal box's colours, see :data:`_TERMY`), not as written."""
    code = code_text(token.content)
    if shown:
        code = html_lib.unescape(_TAG_IN_CODE.sub("", code))
    includes = [line.strip() for line in code.split("\n") if _INCLUDE.match(line.strip())]
    if includes:
        # "{!../docs_src/app.py!}": the code is in another file, included when the site is built
        reading.directives.extend(includes)
        code = "\n".join(line for line in code.split("\n") if not _INCLUDE.match(line.strip()))
        code = code.strip("\n")
    code = mdvitepress.shown_code(_without_annotations(code), token.info)
    if token.type == "code_block":
        # Inside a list item CommonMark keeps the indentation beyond the item's content column
        # ("* item" then 8 spaces); Python-Markdown and readers count 4, so the common part goes.
        code = textwrap.dedent(code)
    options = reading.after_directive and token.type == "code_block"
    reading.after_directive = False
    if options and all(_OPTION_LINE.match(line) for line in code.split("\n") if line.strip()):
        return  # "::: markdown.util" then an indented "options:" block: generator settings
    title = _code_title(token.info) if token.type == "fence" else ""
    if token.type == "fence" and not title:
        title = mdvitepress.fence_title(token.info)  # "```sh [pnpm]": VitePress's title
        if title and reading.code_group:  # a tab's label, as pymdownx's '=== "pnpm"'
            reading.label, title = title, ""
    _attach(code, title, reading)


# mkdocs-material's code annotation whose comment the page strips ("# (1)!", "/* (2)! */",
# "<!-- (3)! -->" ending a line): the page shows a button there, and the note in the list under
# the code opens from it; the comment is no code.
_ANNOTATION = re.compile(
    r"[ \t]*(?:#|//|--|;|%|/\*|<!--)[ \t]*\(\d+\)![ \t]*(?:\*/|-->)?[ \t]*$", re.MULTILINE
)


def _without_annotations(code: str) -> str:
    """``code`` as the page shows it, without code annotations' stripped comments: "name: str
    # (1)!" is "name: str" (101 of pydantic's listings held such marks)."""
    return _ANNOTATION.sub("", code) if ")!" in code else code


def _attach(code: str, title: str, reading: _Reading) -> None:
    """Add a code block, with the paragraph that introduces it and ``title`` (its caption)."""
    code = _LEADING_BLANK_LINES.sub("", code)
    if _result_of_code(reading, code):
        return
    if reading.term:
        title = _term_over_code(title, reading)
    introduced = _intro_is_last(reading)
    attach_code(reading.document, code, reading.section, reading.intro)
    reading.intro = None
    blocks = reading.document.blocks
    if introduced and reading.label:
        label, reading.label = reading.label, ""
        last = blocks[-1]
        if last.code == code and last.text.endswith(_INTRODUCING):
            # The first tab's code, under the sentence introducing the tabs ("Installation is
            # as simple as:" over '=== "pip"'): the label says which of the tabs' versions the
            # code is, before the colon pointing at it ("… as simple as (pip):"); on a line
            # of its own after the colon it read as the sentence's last word ("…:\npip").
            colon = last.text[-1]
            blocks[-1] = replace(last, text=f"{last.text[:-1].rstrip()} ({label}){colon}")
        else:
            # The tab's label ("❌ Don't") stands between them, as a code block's caption does.
            title = f"{label}\n{title}" if title else label
    if title and blocks and blocks[-1].code == code:
        last = blocks[-1]
        text = f"{last.text}\n{title}" if last.text else title
        blocks[-1] = replace(last, text=text)


def _term_over_code(title: str, reading: _Reading) -> str:
    """The caption of code a definition list's term describes ("`--config`" over ":   ```yaml";
    AsciiDoc's tabs, "Java::" over its listing): the term, shown over the code. It waited for
    a paragraph, and ran into the next one past the code ("Kotlin: In the preceding
    configuration …"), each code unlabelled."""
    term, reading.term = reading.term, ""
    return f"{term}\n{title}" if title else term


def _directive(found: myst.Directive, reading: _Reading) -> None:
    """A MyST directive as the built page shows it (see :mod:`myst`): code, the prose of a box
    under its title, a table, or nothing."""
    kind = found.kind
    if kind == "hidden":
        if found.argument and myst.documents_object(found.name):
            reading.directives.append(f".. {found.name}:: {found.argument}")
    elif kind == "code":
        _attach(code_text(found.body), prose(found.title), reading)
        reading.after_directive = False
    elif kind == "html":
        _html_text(found.body, reading)
    elif kind == "table":
        _directive_table(found, reading)
    elif kind == "rst":
        _nested(myst.rest_as_myst(found.body), reading, "")
    else:
        if found.title or found.name.lower() in myst.BOXES:
            reading.intro = None  # a box stands apart from the sentence before it
        _nested(found.text, reading, prose(found.title))


def _nested(source: str, reading: _Reading, title: str) -> None:
    """Read Markdown inside a directive as the page around it is read, ``title`` heading its
    first block as a tab's label does ("Note on Required Arguments: It is possible…")."""
    if title:
        _flush_label(reading)
        reading.label = title
    lines, reading.lines = reading.lines, source.split("\n")
    _walk(_parser().parse(source), reading)
    reading.lines = lines
    if title and reading.label == title:
        _flush_label(reading)  # a title over nothing (a rubric) is text of its own


def _directive_table(found: myst.Directive, reading: _Reading) -> None:
    """A list-table (a list of rows, each a list of cells) or a csv-table, one block a row."""
    header = found.options.get("header-rows", "0").strip() not in ("", "0")
    if found.name.lower() == "csv-table":
        rows = [[cell.strip() for cell in row] for row in csv.reader(found.body.split("\n"))]
    else:
        rows = _list_rows(_parser().parse(textwrap.dedent(found.body)))
    reading.document.blocks.extend(table_blocks(rows, reading.section, header=header))
    reading.intro = None


def _list_rows(tokens: Sequence[Token]) -> list[list[str]]:
    """The rows of a list-table: the items of the outer list, each the items of its inner list."""
    rows: list[list[str]] = []
    depth = 0
    for token in tokens:
        if token.type == "list_item_open":
            depth += 1
            if depth == 1:
                rows.append([])
            elif depth == 2 and rows:
                rows[-1].append("")
        elif token.type == "list_item_close":
            depth -= 1
        elif token.type == "inline" and depth >= 2 and rows and rows[-1]:
            text = " ".join(_ATTR_LIST.sub("", line) for line in _inline_lines(token))
            rows[-1][-1] = f"{rows[-1][-1]} {text}".strip()
    return rows


def _result_of_code(reading: _Reading, code: str) -> bool:
    """Join the output a result box shows ('/// html | div.result' holding the file a command
    wrote) to the code right before it, whose result it is: quoted alone, "<p>Some
    <strong>Markdown</strong> Text.</p>" said neither what made it nor why."""
    blocks = reading.document.blocks
    if not reading.result or not blocks or not blocks[-1].code:
        return False
    if blocks[-1].section != reading.section:
        return False
    blocks[-1] = replace(blocks[-1], code=f"{blocks[-1].code}\n\n{code}")
    reading.result = False
    return True


def _code_title(info: str) -> str:
    """The caption a fenced block's ``title`` attribute puts above the code on the built page
    (mkdocs-material, pymdownx): '```yaml title="mkdocs.yml"', '``` html { title='out.html' }'."""
    match = _TITLE_ATTR.search(info)
    if match is None:
        return ""
    return prose(match["double"] if match["double"] is not None else match["single"])


def _table(tokens: Sequence[Token], index: int, reading: _Reading) -> int:
    """Read a table as one block per row; return the index after ``table_close``."""
    rows: list[list[str]] = []
    end = _closing(tokens, index)
    for token in tokens[index:end]:
        if token.type == "tr_open":
            rows.append([])
        elif token.type == "inline" and rows:
            rows[-1].append(" ".join(_ATTR_LIST.sub("", line) for line in _inline_lines(token)))
    # A pymdownx block's closing line ("////") right under a table is read as a row of it.
    rows = [row for row in rows if not _DIRECTIVE.match(" ".join(row).strip())]
    one = _one_row(rows)
    if one is not None:
        reading.document.add(reading.section, one, kind="table")
    else:
        reading.document.blocks.extend(table_blocks(rows, reading.section))
    reading.intro = None
    return end + 1


def _one_row(rows: Sequence[Sequence[str]]) -> str | None:
    """The text of a table of one row under its header, the header's short labels read with the
    row's short values as :func:`table_blocks` reads them ("Year: 1998"); None for any other
    table. A Markdown table always has a header row: over one row, it is no row of its own (a
    specification table's "Спецификация | Название" stood as a passage by itself)."""
    cells = [[prose(cell) for cell in row] for row in rows]
    if len(cells) != 2 or len(cells[0]) != len(cells[1]) or not all(cells[0]):
        return None
    labels, row = cells
    if any(len(label.split()) > LABEL_WORDS for label in labels):
        return None
    return row_text(labelled_cells(labels, row)) or None


def _html(tokens: Sequence[Token], index: int, reading: _Reading) -> int:
    """Read a raw HTML block as a browser shows it; return the index of the next token.

    CommonMark ends an HTML block at a blank line, but Python-Markdown and browsers keep
    ``<div><pre>`` open until its closing tag: a ``# Heading`` line inside that ``<pre>`` is
    code, not a heading. So an unclosed block runs on, over the tokens the parser made of its
    inside, until its tags balance; a fenced code block in there is still code, as pymdownx's
    superfences reads it before the HTML ("<div class="termy">" then "```console"). A block
    opened with a ``markdown`` attribute (Python-Markdown's md_in_html) holds Markdown: its
    inside is read as the rest of the page is.
    """
    token = tokens[index]
    _grid(token.content, reading)
    start, end = token.map or (0, 0)
    depth = _tag_depth(token.content)
    if token.level == 0 and depth > 0 and not _MARKDOWN_IN_HTML.match(token.content):
        while end < len(reading.lines) and depth > 0:
            depth += _tag_depth(reading.lines[end])
            end += 1
        termy = bool(_TERMY.match(token.content))
        if not termy and _markdown_inside(reading.lines[start:end], tokens[index + 1 :], end):
            _html_text(token.content, reading)
            return index + 1
        after = _past(tokens, index + 1, end)
        if reading.vue and mdvitepress.live_demo(
            "\n".join(_outside_fences(reading.lines[start:end]))
        ):
            _pictured(reading)  # "…点击下面这个按钮…：" points at the widget, not what follows
            return after
        fences = [t for t in tokens[index + 1 : after] if t.type == "fence"]
        index = after
        at = start
        for fence in fences:
            fence_start, fence_end = fence.map or (at, at)
            _html_text("\n".join(reading.lines[at:fence_start]), reading)
            _code(fence, reading, shown=termy)
            at = fence_end
        _html_text("\n".join(reading.lines[at:end]), reading)
    elif reading.vue and mdvitepress.live_demo(token.content):
        _pictured(reading)
        index += 1
    elif (split := _element_then_text(token.content)) is not None:
        _html_text(split[0], reading)
        _nested(split[1], reading, "")
        index += 1
    else:
        _html_text(token.content, reading)
        index += 1
    return index


def _past(tokens: Sequence[Token], index: int, end: int) -> int:
    """The index of the first token from ``index`` on that starts at line ``end`` or after,
    past the closing tokens of blocks that were inside HTML ending there."""
    while index < len(tokens) and (tokens[index].map or (0, 0))[0] < end:
        index += 1
    while index < len(tokens) and tokens[index].map is None:
        index += 1
    return index


# A block-level element whole on its line: "<h3>validation</h3>".
_WHOLE_ELEMENT = re.compile(
    r"^\s*<(?P<tag>h[1-6]|p|div|section|header|footer|aside|figure|figcaption|center|pre|table"
    r"|blockquote|dl|ul|ol)\b[^>]*>.*</(?P=tag)\s*>\s*$",
    re.IGNORECASE,
)


def _element_then_text(html: str) -> tuple[str, str] | None:
    """An HTML block that is an element whole on its first line, then lines of text: the
    element and the text, which Python-Markdown (mkdocs) reads as Markdown once the element is
    closed (a dictionary entry in a quote: "<h3>validation</h3>" over "_noun_", shown in
    italics; CommonMark ran the lines on in the HTML block, and "_noun_" kept its marks)."""
    first, _, rest = html.partition("\n")
    lines = [line.strip() for line in rest.split("\n") if line.strip()]
    if not _WHOLE_ELEMENT.match(first) or not lines or lines[0].startswith("<"):
        return None
    if any(_DIRECTIVE.match(line) for line in lines):
        return None  # a pymdownx block closing under the element ("////"): no text
    return first, rest


def _markdown_inside(lines: Sequence[str], after: Sequence[Token], end: int) -> bool:
    """Whether an HTML block's ``lines`` (its opening tag to its closing one, line ``end``
    excluded; ``after``: the tokens after its first) hold Markdown that GitHub renders as such:
    a README's centred header ('<div align="center">', a blank line, then "Streams en Twitch:
    [twitch.tv/midudev](https://twitch.tv/midudev)"), a list under '<details><summary>
    Translations:</summary>', read as links and items, not their syntax; a fenced code block
    among them is code there as anywhere (VitePress's '<div class="composition-api">' round a
    section's text, headings and examples: its "### 侦听数据源类型" a heading, its `watch` code).
    Not when they hold HTML's code ('<pre>', '<code>'), whose lines stay as written, a table
    (its rows, apart in HTML blocks of their own, are still one table), nor HTML indented under
    a blank line, which CommonMark would take for code ("    <h3>🥈 Silver Sponsors</h3>")."""
    inside = itertools.takewhile(lambda token: (token.map or (0, 0))[0] < end, after)
    kinds = {token.type for token in inside}
    return (
        bool(kinds & _MARKDOWN_BLOCKS)
        and "code_block" not in kinds
        and not _CODE_OR_TABLE.search("\n".join(_outside_fences(lines)))
    )


def _outside_fences(lines: Sequence[str]) -> list[str]:
    """``lines`` outside fenced code, without their code spans: HTML shown as code, in a fence
    or in backticks ("`<table>`、`<ul>`" in a sentence), is no markup of the page."""
    fence, out = "", list[str]()
    for line in lines:
        fence, code = _fenced(line, fence)
        if not code:
            out.append(_CODE_SPAN.sub("", line))
    return out


_CODE_SPAN = re.compile(r"(`+)(?!`).*?(?<!`)\1(?!`)")


_MARKDOWN_BLOCKS = frozenset(
    {"paragraph_open", "bullet_list_open", "ordered_list_open", "heading_open", "blockquote_open"}
)
# HTML's code or a table: a "<pre>" anywhere, a "<code>" or "<table>" opening a line; a "<code
# v-pre>" inside a sentence is the sentence's inline code.
_CODE_OR_TABLE = re.compile(r"<pre\b|^\s*<(?:code|table)\b", re.IGNORECASE | re.MULTILINE)


def _grid(html: str, reading: _Reading) -> None:
    """Note a card grid opening (the sentence before it introduces the cards the page shows, no
    paragraph after them) or closing; or both, one grid closing on the line over the next one's
    opening ("</div>" over '<div class="grid cards grid-2col" markdown>': the second grid's cards
    were read as a list, each title, sentence, item and link a passage of its own)."""
    opening = _CARD_GRID.search(html)
    before = html[: opening.start()] if opening else html
    if reading.grid and "</div>" in before:
        if reading.cards and reading.cards == len(reading.lists):
            _card_closed(reading)  # '  </div>' indented into the last card closes it too
        reading.grid, reading.cards = False, 0
    line = html[before.rfind("\n") + 1 :] if opening else ""
    if opening and (_MARKDOWN_IN_HTML.match(html) or _MARKDOWN_IN_HTML.match(line)):
        reading.grid, reading.cards = True, 0
        _pictured(reading)


_TAG_OR_TEXT = re.compile(r"(<[^<>]*>)")
_CODE_TAG = re.compile(r"<(?:pre|code)\b", re.IGNORECASE)


def _without_icons(html: str) -> str:
    """``html`` without the icon shortcodes in its text (not in its tags' attributes), which the
    page draws as pictures (a tip under a search box, "<small>:octicons-light-bulb-16: **Tip:**
    …"), unless it holds code, which shows them as written."""
    if ":" not in html or _CODE_TAG.search(html):
        return html
    parts = _TAG_OR_TEXT.split(html)
    return "".join(part if part.startswith("<") else _SHORTCODE.sub("", part) for part in parts)


def _html_text(html: str, reading: _Reading) -> None:
    """Add what a browser shows of a piece of raw HTML; markup showing nothing (a comment, an
    opening ``<div>``) leaves the paragraph before it introducing what follows."""
    # Imported here: most Markdown has no raw HTML and need not load the HTML parser.
    from retrieval.ingest.readers.html import read_fragment

    before = len(reading.document.blocks)
    # A pymdownx block's closing line ("////") after the HTML is no text of it.
    kept = "\n".join(line for line in html.split("\n") if not _DIRECTIVE.match(line.strip()))
    read_fragment(_without_icons(kept), reading.document, reading.section)
    _join_short_runs(reading.document, before)
    if len(reading.document.blocks) > before:
        reading.intro = len(reading.document.blocks) - 1
    elif _IMAGE_TAG.search(html):  # '<img src="/img/tutorial/body/image01.png">'
        _pictured(reading)


# Lines a card holds at most: a longer run of short lines (a list of sixty links laid out in
# HTML) is no card, and stays lines of its own.
CARD_LINES = 6


def _join_short_runs(document: ParsedDocument, start: int) -> None:
    """Join each run of short lines that raw HTML laid out in boxes (``blocks[start:]``): a
    card's title, price and perks ("🥈 Silver Sponsor", "$250/month", "✓ Medium-sized logo"), a
    figure and its caption ("67M+", "Starlette Downloads/Month"). The page shows them together;
    apart, "$250/month" did not say what it was the price of. At most :data:`CARD_LINES` lines,
    under one heading."""
    out: list[Block] = []  # the blocks from ``start`` on (those before are not copied)
    for block in document.blocks[start:]:
        last = out[-1] if out else None
        if (
            last is not None
            and last.section == block.section
            and last.text.count("\n") + 1 < CARD_LINES
            and _short_text(block)
            and _short_text(last, joined=True)
        ):
            out[-1] = replace(last, text=f"{last.text}\n{block.text}")
        else:
            out.append(block)
    document.blocks[start:] = out


def _short_text(block: Block, joined: bool = False) -> bool:
    """A block of text with no line longer than a label (:data:`_LABEL_WORDS` words)."""
    lines = block.text.split("\n") if joined else [block.text]
    return block.kind == "text" and all(len(line.split()) <= _LABEL_WORDS for line in lines)


def _tag_depth(html: str) -> int:
    """Opened minus closed container tags in ``html``."""
    depth = 0
    for match in _CONTAINER_TAG.finditer(html):
        if not match[3]:
            depth += -1 if match[1] else 1
    return depth
