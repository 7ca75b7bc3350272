"""MyST directives (Sphinx's Markdown) and the reStructuredText inside ``{eval-rst}``, as the
built page shows them: what each directive's body is (prose, code, a table, or nothing shown),
the title it puts above its body, its options dropped.

A fenced block whose info is a name in braces is a directive, not code: '```{note}' is a box of
prose, '```{code-block} python' code, '```{toctree}' a list of pages the site builds elsewhere.
Its options (":class: note", ":caption: test_sync.py", or a YAML block between "---" lines) open
its content and are no text of the page. The reST inside '```{eval-rst}' is rewritten as MyST
Markdown (:func:`rest_as_myst`), so one reader reads both: ".. click:example::" and its indented
code become a directive holding code, ``literal`` and :func:`roles` their Markdown forms.
"""

from __future__ import annotations

import re
import textwrap
from dataclasses import dataclass, field
from typing import Literal

Kind = Literal["rst", "hidden", "code", "prose", "table", "html"]

# '```{code-block} python', '```{admonition} Note on Required Arguments': a name in braces (a
# pymdownx attribute list, '```{.python .extra}' or '``` { .html }', opens with a dot, a hash
# or a space, never a letter).
_INFO = re.compile(r"^\{(?P<name>[A-Za-z][\w:.+-]*)\}(?:\s+(?P<argument>.*?))?\s*$")
_OPTION = re.compile(r"^:(?P<key>[\w-]+):(?:\s+(?P<value>.*?))?\s*$")
_YAML_OPTION = re.compile(r"^(?P<key>[\w-]+)\s*:\s*(?P<value>.*?)\s*$")

# Directives that show no text of their own on the page: a table of contents, the pages of a
# toctree, a file included or an object documented from elsewhere (autodoc: the docstring is not
# in this file), settings of the build (the current module, the highlighting language), an image.
_HIDDEN = frozenset(
    {
        "contents", "toctree", "include", "currentmodule", "module", "py:module",
        "py:currentmodule", "index", "highlight", "default-role", "role", "meta", "image",
        "sectionauthor", "moduleauthor", "codeauthor", "tabularcolumns", "todo", "bibliography",
        "footbibliography", "autosummary", "program-output", "command-output", "spelling:word-list",
        "card-carousel", "button-link", "button-ref", "iconify", "tags",
    }
)  # fmt: skip
_AUTODOC = re.compile(r"^(?:[a-z]+:)?auto[a-z]*$")
# Admonitions: a box of prose, titled by its type ("Note", "Warning"), which the reader leaves
# out as it does "!!! note" ("Note" alone says nothing); text after the name is the body's.
_NOTES = frozenset(
    {
        "note", "warning", "tip", "hint", "caution", "attention", "danger", "error", "important",
        "seealso", "see-also",
    }
)  # fmt: skip
# A box or a tab whose argument is its title, shown above its body: "Note on Required
# Arguments", a tab's "Bash", a dropdown's "Click to see more", a rubric (a small heading).
_TITLED = frozenset(
    {
        "admonition", "topic", "sidebar", "dropdown", "card", "grid-item-card", "tab-item", "tab",
        "group-tab", "rubric", "centered", "figure-md",
    }
)  # fmt: skip
# Sphinx's notes of versions, shown "Changed in version 8.4.0: …" above their text.
_VERSIONED = {
    "versionadded": "Added in version",
    "versionchanged": "Changed in version",
    "deprecated": "Deprecated since version",
    "versionremoved": "Removed in version",
}
# Containers of prose whose argument is no text (a grid's column count, an "only" condition, a
# figure's image path: its body is the caption).
_CONTAINERS = frozenset(
    {
        "tab-set", "tabs", "grid", "grid-item", "container", "div", "only", "epigraph",
        "pull-quote", "highlights", "compound", "margin", "glossary", "hlist", "figure",
        "line-block", "cssclass", "rst-class",
    }
)  # fmt: skip
# An object a Sphinx domain describes: its signature is the title of the description under it.
_DESCRIBED = re.compile(
    r"^(?:(?:py|js|c|cpp|rst|std|http|mat|click):)?(?:function|class|method|classmethod|"
    r"staticmethod|attribute|data|exception|decorator|property|option|envvar|describe|object|"
    r"program|confval|macro|type|member|var|struct|enum|directive|role|get|post|put|delete)$"
)
_TABLES = frozenset({"list-table", "csv-table", "table"})
_CODE_OPTIONS = ("caption",)  # an option whose value the page shows above the code

# reST: an explicit markup block (a directive, a comment, a target ".. _label:", a
# substitution, a footnote), whose indented lines under it belong to it.
_REST_DIRECTIVE = re.compile(r"^\.\.\s+(?P<name>[A-Za-z][\w:.+-]*)::(?:\s+(?P<argument>.*?))?\s*$")
_REST_EXPLICIT = re.compile(r"^\.\.(?:\s|$)")
_REST_SECTION_RULE = re.compile(r"^([=\-~^\"'`#*+:.])\1{2,}\s*$")
_REST_INLINE = re.compile(
    r"``(?P<literal>[^`]+?)``"
    r"|:(?P<role>[A-Za-z][\w:+.-]*):`(?P<roled>[^`]+)`"
    r"|`(?P<link>[^`<]*?)\s*<(?P<target>[^`>]+)>`__?"
    r"|`(?P<ref>[^`]+)`__?"
    r"|`(?P<cite>[^`]+)`(?!`)"
)
_REST_ITEM = re.compile(r"^(?:[*+\-•]|\d+[.)]|#\.)\s")
_REST_AUTO_NUMBER = re.compile(r"^(\s*)#\.(\s)")
_MARKDOWN_ONLY = re.compile(r"[<\[\]]")  # read as markup by Markdown, as text by reST


@dataclass(frozen=True)
class Directive:
    """A MyST directive: its name, its argument (what follows the name), its options and its
    content without them."""

    name: str
    argument: str
    body: str
    options: dict[str, str] = field(default_factory=dict)

    @property
    def kind(self) -> Kind:
        """What the page shows of the directive's body."""
        name = self.name.lower()
        if name in ("eval-rst", "eval_rst"):
            return "rst"
        if name in _HIDDEN or _AUTODOC.match(name):
            return "hidden"
        if name == "raw":
            return "html" if self.argument.lower() == "html" else "hidden"
        if name in _TABLES:
            return "table"
        prose = name in _NOTES or name in _TITLED or name in _VERSIONED or name in _CONTAINERS
        if prose or _DESCRIBED.match(name):
            return "prose"
        return "code"  # code-block, code, sourcecode, literalinclude, and what is unknown

    @property
    def title(self) -> str:
        """The title the page shows above the body ("" for none): an admonition's, a tab's,
        a version note's ("Changed in version 8.4.0"), a caption above code."""
        name = self.name.lower()
        if name in _VERSIONED:
            version = self.argument.split(maxsplit=1)
            return f"{_VERSIONED[name]} {version[0]}" if version else _VERSIONED[name]
        if name in _TITLED or _DESCRIBED.match(name):
            return self.argument
        if self.kind == "code":
            return next((self.options[key] for key in _CODE_OPTIONS if key in self.options), "")
        return ""

    @property
    def text(self) -> str:
        """The body as the page's text: an admonition's first line is its body's (MyST reads
        '```{note} Read this first' so), a version note's text after its version too."""
        name = self.name.lower()
        lead = ""
        if name in _NOTES:
            lead = self.argument
        elif name in _VERSIONED:
            lead = (self.argument.split(maxsplit=1)[1:] or [""])[0]
        body = self.body if self.kind == "code" else textwrap.dedent(self.body)
        return f"{lead}\n{body}" if lead else body


def directive(info: str, content: str) -> Directive | None:
    """The directive a fenced block opened with ``info`` ('{note}', '{code-block} python') is,
    or ``None`` when it is code like any other."""
    match = _INFO.match(info.strip())
    if match is None:
        return None
    options, body = _options(content)
    return Directive(match["name"], match["argument"] or "", body, options)


def _options(content: str) -> tuple[dict[str, str], str]:
    """A directive's options and the content after them: ":key: value" lines opening it, or a
    YAML block between two "---" lines; the blank line after them goes too."""
    lines = content.split("\n")
    options: dict[str, str] = {}
    at = 0
    if lines and lines[0].strip() == "---" and "---" in (line.strip() for line in lines[1:]):
        end = next(i for i in range(1, len(lines)) if lines[i].strip() == "---")
        for line in lines[1:end]:
            yaml = _YAML_OPTION.match(line.strip())
            if yaml:
                options[yaml["key"].lower()] = yaml["value"]
        at = end + 1
    else:
        while at < len(lines) and (option := _OPTION.match(lines[at].strip())):
            options[option["key"].lower()] = option["value"] or ""
            at += 1
    while at < len(lines) and not lines[at].strip():
        at += 1
    return options, "\n".join(lines[at:])


def rest_as_myst(source: str) -> str:
    """reStructuredText rewritten as the MyST Markdown that shows the same: each directive a
    fenced directive (its body rewritten too when it is prose), a paragraph ending "::" then its
    indented literal block a paragraph and code, a block quote its text, comments and targets
    dropped, ``literal`` and :role:`text` as `literal` and {role}`text`."""
    lines = textwrap.dedent(source).split("\n")
    out: list[str] = []
    at, literal = 0, False
    while at < len(lines):
        line = lines[at]
        if not line.strip():
            out.append("")
            at += 1
        elif line[0] in " \t":  # a literal block after "::", else a block quote
            end = _indented_end(lines, at)
            block = textwrap.dedent("\n".join(lines[at:end])).strip("\n")
            out.extend(_fenced("", "", {}, block) if literal else [rest_as_myst(block)])
            at, literal = end, False
        elif _REST_ITEM.match(line):  # a list item, its lines under it indented as Markdown's
            end = _indented_end(lines, at + 1)
            out.append(_rest_inline("\n".join(lines[at:end])))
            at, literal = end, False
        elif _REST_EXPLICIT.match(line):
            end = _indented_end(lines, at + 1)
            found = _REST_DIRECTIVE.match(line)
            if found:
                out.extend(_rest_directive(found["name"], found["argument"] or "", lines[at:end]))
            at, literal = end, False
        else:
            end = at
            while end < len(lines) and lines[end].strip() and lines[end][0] not in " \t":
                end += 1
            text, literal = _literal_mark("\n".join(lines[at:end]))
            # A paragraph opening with "#" is text in reST, no heading as in Markdown.
            out.append(re.sub(r"^(\s*)([#>])", r"\1\\\2", _rest_inline(text), flags=re.M))
            at = end
    return "\n".join(out)


def _indented_end(lines: list[str], at: int) -> int:
    """Where the block of indented (or blank) lines starting at ``at`` ends."""
    end = at
    while end < len(lines) and (not lines[end].strip() or lines[end][0] in " \t"):
        end += 1
    while end > at and not lines[end - 1].strip():
        end -= 1
    return end


def _rest_directive(name: str, argument: str, lines: list[str]) -> list[str]:
    """A reST directive (its first line, then its indented options and body) as a MyST one."""
    body = textwrap.dedent("\n".join(lines[1:])).split("\n")
    options: dict[str, str] = {}
    while body and (option := _OPTION.match(body[0].strip())):
        options[option["key"].lower()] = option["value"] or ""
        body = body[1:]
    content = "\n".join(body).strip("\n")
    found = Directive(name, argument, content, options)
    if found.kind in ("prose", "table", "rst"):
        content = rest_as_myst(content)
    return _fenced(name, argument, options, content)


def _fenced(name: str, argument: str, options: dict[str, str], content: str) -> list[str]:
    """A fenced block (a directive when ``name`` is given) holding ``content``, its fence longer
    than any fence inside."""
    inner = [len(m[1]) for m in re.finditer(r"^\s*(`{3,})", content, re.MULTILINE)]
    fence = "`" * max([3, *(n + 1 for n in inner)])
    head = f"{fence}{{{name}}} {argument}".rstrip() if name else fence
    lines = [head, *(f":{key}: {value}".rstrip() for key, value in options.items())]
    if options:
        lines.append("")
    return [*lines, content, fence]


def _literal_mark(paragraph: str) -> tuple[str, bool]:
    """A paragraph without the "::" that ends it, and whether it had one (the indented block
    after it is then literal: "Example::" reads "Example:", a "::" alone nothing)."""
    stripped = paragraph.rstrip()
    if not stripped.endswith("::"):
        return paragraph, False
    text = stripped[:-2]
    if not text.strip():
        return "", True
    return (text.rstrip() if text[-1].isspace() else text + ":"), True


def _rest_inline(text: str) -> str:
    """reST's inline markup in ``text`` as Markdown's: ``code`` as `code`, :role:`x` as MyST's
    {role}`x`, `text <url>`_ as a link, a section's underline as Markdown's, "#." numbering as
    "1."; the characters Markdown would read as markup ("<", "[") as themselves."""
    lines = text.split("\n")
    if len(lines) == 2 and _REST_SECTION_RULE.match(lines[1]):
        return "## " + _rest_inline(lines[0])
    text = "\n".join(_REST_AUTO_NUMBER.sub(r"\g<1>1.\2", line) for line in lines)
    out, at = [], 0
    for match in _REST_INLINE.finditer(text):
        out.append(_MARKDOWN_ONLY.sub(r"\\\g<0>", text[at : match.start()]))
        out.append(_inline_markup(match))
        at = match.end()
    out.append(_MARKDOWN_ONLY.sub(r"\\\g<0>", text[at:]))
    return "".join(out)


def _inline_markup(match: re.Match[str]) -> str:
    if match["literal"] is not None:
        code = match["literal"]
        return f"`` {code} ``" if "`" in code else f"`{code}`"
    if match["role"] is not None:
        return f"{{{match['role']}}}`{match['roled']}`"
    if match["target"] is not None:
        return match["link"] or match["target"]
    return match["ref"] if match["ref"] is not None else match["cite"]


BOXES = _NOTES  # boxes set apart from the text around them, titled by their type alone


def documents_object(name: str) -> bool:
    """Whether a directive documents an object from its docstring (".. autoclass:: Foo"): a
    page holding nothing else is still found by the object's name."""
    return bool(_AUTODOC.match(name.lower()))
