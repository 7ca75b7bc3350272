"""Two extensions of Markdown from MDN Web Docs' build, read as its pages show them.

Macros: ``{{name(args)}}`` in the text is a KumaScript macro that the build replaces with what it
stands for, mostly a link written as its text: ``{{HTTPStatus("403", "403 Forbidden")}}`` is
"403 Forbidden", ``{{jsxref("Array.prototype.map()")}}`` "Array.prototype.map()",
``{{Glossary("CORS", "cross-origin")}}`` "cross-origin". As written, the macros were quoted with
their braces, and a list item made of macros alone was taken for a template line and lost
(the list of the Array methods that take a callback). A macro is read as its display argument
when it has one (the second, unless empty or an anchor, "#syntax"), else its first; an element
as its tag ("<script>"), an RFC as the build names it ("RFC 7231, § 6.5.4: 404 Not Found").
Macros that show nothing in the text's place are dropped: sidebars (``{{jsSidebar("Errors")}}``
glued to the first sentence), the compatibility and specification tables, embedded examples,
previous/next links, banners and badges. A bare ``{{name}}`` is dropped only when it is one of
those (``{{Compat}}``): elsewhere it is a template's placeholder ("Hello {{name}}"), kept. Code,
fenced, indented or inline, shows macros as written and is not read here. A list item of link
macros alone (a "See also" entry, "- {{HTTPStatus("410")}}") is told apart (:func:`links_alone`):
the Markdown reader leaves it out unless a sentence introduces its list.

Definition lists: MDN writes a term as a list item holding one nested item that opens with
": " (``- `Strict``` then ``  - : The browser sends…``), which its build shows as a term over its
description. Read as lists, the term was a passage of its own ("expresion-final") and the
description another starting ": …" that never said what it described. Such a list is read as a
definition list (``term`` / ``:   description``): "expresion-final: Una expresión para ser…".
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from typing import Literal

from markdown_it.token import Token

_ARG = r"""(?:"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|-?\d+(?:\.\d+)?|true|false)"""
# Written tight, as MDN writes every macro: "{{ super() }}", "{{ next }}" with spaces inside
# the braces are a template's expressions (Jinja, Django, Liquid), which a page about them
# shows as written ("call {{ super() }} to render" lost its expression).
MACRO = re.compile(
    rf"\{{\{{(?P<name>[A-Za-z][\w-]*)"
    rf"(?:\((?P<args>\s*(?:{_ARG}(?:\s*,\s*{_ARG})*)?\s*)\))?\}}\}}"
)
_ONE_ARG = re.compile(_ARG)
# Macros the build renders somewhere other than in the sentence, or as furniture: sidebars,
# navigation, tables built from data (compatibility, specifications, CSS's formal syntax),
# embedded live examples, banners and badges (icons).
_ELSEWHERE = re.compile(
    r"[\w-]*sidebar|(?:js|css|api|html|svg|xslt|mathml|xpath|webassembly|http|addon)ref"
    r"|compat|specifications|spec2|cssinfo|csssyntax[\w-]*|svginfo|js_property_attributes"
    r"|embed[\w-]*|interactiveexample|jsfiddleembed|livesample|webextexamples|webextallexamples"
    r"|previous[\w-]*|next[\w-]*|[\w-]*listsubpages[\w-]*|quicklinkswithsubpages"
    r"|subpageswithsummaries|includesubnav"
    r"|inheritancediagram|glossarydisambiguation|seecompattable|availableinworkers"
    r"|[\w-]+_header|[\w-]+_inline|[\w-]+badge|readonlyinline|draft|outdated",
    re.IGNORECASE,
)
_ELEMENTS = frozenset({"htmlelement", "svgelement", "mathmlelement"})
# A run of backquotes opening inline code, and the same run closing it.
_CODE_SPAN = re.compile(r"(?<!`)(`+)(?!`).*?(?<!`)\1(?!`)")
# Characters that would be Markdown (or HTML) in a macro's text, written as references so the
# text reads as the words the page shows: "<number>" is no HTML tag, "*" opens no emphasis.
_MARKUP = re.compile(r"[\\`*_\[\]<>&|~{}!#]")


def has_macros(source: str) -> bool:
    """Whether ``source`` may hold a macro (a quick test before reading it line by line)."""
    return "{{" in source and bool(MACRO.search(source))


def rendered(line: str) -> str:
    """A line of text with its macros outside inline code read as the page shows them."""
    if "{{" not in line:
        return line
    out, at = list[str](), 0
    for span in _CODE_SPAN.finditer(line):
        out += [MACRO.sub(_replacement, line[at : span.start()]), span[0]]
        at = span.end()
    return "".join([*out, MACRO.sub(_replacement, line[at:])])


# A list item's marker ("- ", "* ", "1. ") and what may stand between macros of a list of links.
_ITEM = re.compile(r"^\s*(?:[-*+]|\d{1,9}[.)])\s+(?=\S)")
_BETWEEN = re.compile(r"^[\s,;/|·•–—-]*$")


def links_alone(line: str) -> bool:
    """Whether ``line`` is a list item of macros alone that the page shows as links to other
    pages ("- {{HTTPStatus("410")}}", "- {{HTTPStatus("403")}}, {{HTTPStatus("407")}}"), commas
    between them: its words are those pages' names and nothing of its own."""
    item = _ITEM.match(line)
    if item is None or "{{" not in line:
        return False
    rest, shown = line[item.end() :], False
    for match in MACRO.finditer(rest):
        if match["args"] is None or not shown_text(match):
            return False
        shown = True
    return shown and bool(_BETWEEN.match(MACRO.sub("", rest)))


def shown_text(match: re.Match[str]) -> str:
    """The text a macro found by :data:`MACRO` shows in place ("" for none)."""
    return shown(match["name"], _arguments(match["args"] or ""))


def _replacement(match: re.Match[str]) -> str:
    name, args = match["name"], match["args"]
    if args is None and not _ELSEWHERE.fullmatch(name):
        return match[0]  # "{{name}}": a template's placeholder, no macro of MDN's
    text = shown(name, _arguments(args or ""))
    return _MARKUP.sub(lambda char: f"&#{ord(char[0])};", text)


def _arguments(args: str) -> list[str]:
    """A macro's arguments as strings: quotes taken off, escapes and HTML references read
    ('"&lt;color&gt;"' is "<color>")."""
    values = []
    for arg in _ONE_ARG.findall(args):
        if arg[:1] in ("'", '"'):
            arg = re.sub(r"\\(.)", r"\1", arg[1:-1])
        values.append(html.unescape(arg).strip())
    return values


def shown(name: str, args: Sequence[str]) -> str:
    """The text the build puts in place of the macro ``name`` called with ``args``."""
    key = name.lower()
    if _ELSEWHERE.fullmatch(key) or not args:
        return ""
    first = args[0]
    if key == "rfc":
        # "RFC 2324, section 2.3.2: 418 I'm a teapot" (the build's word for section is in the
        # page's language; the sign reads in any)
        section = f", § {args[2]}" if len(args) > 2 and args[2] else ""
        title = f": {args[1]}" if len(args) > 1 and args[1] else ""
        return f"RFC {first}{section}{title}"
    display = args[1] if len(args) > 1 and args[1] and not args[1].startswith("#") else ""
    if key == "htmlattrxref":  # (attribute, element, display)
        display = args[2] if len(args) > 2 else ""
    if not display and key in _ELEMENTS and " " not in first:
        return f"<{first.lower() if key == 'htmlelement' else first}>"
    return display or first


def as_definitions(tokens: list[Token]) -> list[Token]:
    """``tokens`` with each MDN definition list (see the module's note) as the tokens of a
    definition list: its items' first paragraphs as terms, their nested items as descriptions,
    the ": " opening them taken off."""
    if not any(t.type == "inline" and t.content.startswith(":") for t in tokens):
        return tokens
    out: list[Token] = []
    index = 0
    while index < len(tokens):
        token = tokens[index]
        end = _closing(tokens, index) if token.type == "bullet_list_open" else -1
        items = _definition_items(tokens, index, end) if end > 0 else None
        if items is None:
            out.append(token)
            index += 1
            continue
        out.append(_like(token, "dl_open", "dl", 1))
        for item in items:
            out += _definition(tokens, item)
        out.append(_like(tokens[end], "dl_close", "dl", -1))
        index = end + 1
    return out


def _definition_items(tokens: Sequence[Token], start: int, end: int) -> list[int] | None:
    """The indices of the items of the list ``tokens[start:end + 1]`` when every one is a term
    (one paragraph) over a nested list of one item opening with ": "; else None."""
    items = [i for i in range(start + 1, end) if tokens[i].type == "list_item_open"]
    items = [i for i in items if tokens[i].level == tokens[start].level + 1]
    if not items:
        return None
    for item in items:
        close = _closing(tokens, item)
        kinds = [t.type for t in tokens[item + 1 : item + 5]]
        if kinds != ["paragraph_open", "inline", "paragraph_close", "bullet_list_open"]:
            return None
        nested = item + 4
        nested_end = _closing(tokens, nested)
        if nested_end + 1 != close or not _described(tokens, nested, nested_end):
            return None
    return items


def _described(tokens: Sequence[Token], start: int, end: int) -> bool:
    """Whether the list ``tokens[start:end + 1]`` is one item opening with a paragraph ": …"."""
    level = tokens[start].level + 1
    items = [t for t in tokens[start + 1 : end] if t.type == "list_item_open" and t.level == level]
    inline = tokens[start + 3] if start + 3 < end else None
    return (
        len(items) == 1
        and tokens[start + 2].type == "paragraph_open"
        and inline is not None
        and inline.content.startswith(":")
        and inline.content[1:2] in ("", " ", "\n")
    )


def _definition(tokens: Sequence[Token], item: int) -> list[Token]:
    """The term and description tokens of the item opened at ``tokens[item]``."""
    term = tokens[item + 2]
    nested = item + 4
    body = list(tokens[nested + 2 : _closing(tokens, nested) - 1])  # the nested item's inside
    body[1] = _without_colon(body[1])
    return [
        _like(tokens[item], "dt_open", "dt", 1),
        term,
        _like(tokens[item], "dt_close", "dt", -1),
        _like(tokens[nested], "dd_open", "dd", 1),
        *body,
        _like(tokens[nested], "dd_close", "dd", -1),
    ]


def _without_colon(inline: Token) -> Token:
    """An inline token opening with ": " without it."""
    children = list(inline.children or ())
    if children and children[0].type == "text":
        first = children[0].copy(content=children[0].content[1:].lstrip())
        children[0] = first
    return inline.copy(content=inline.content[1:].lstrip(), children=children)


def _like(token: Token, kind: str, tag: str, nesting: Literal[-1, 1]) -> Token:
    return Token(kind, tag, nesting, map=token.map, level=token.level, block=True)


def _closing(tokens: Sequence[Token], index: int) -> int:
    """The index of the token closing the one at ``index`` (nesting counted)."""
    wanted = tokens[index].type.replace("_open", "_close")
    depth = 0
    for at in range(index, len(tokens)):
        if tokens[at].type == tokens[index].type:
            depth += 1
        elif tokens[at].type == wanted:
            depth -= 1
            if depth == 0:
                return at
    return len(tokens) - 1
