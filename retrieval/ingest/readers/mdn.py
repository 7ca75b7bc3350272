"""MDN Web Docs' macros in Markdown, read as its pages show them.

``{{name(args)}}`` in the text is a KumaScript macro that the build replaces with what it
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
fenced, indented or inline, shows macros as written and is not read here.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence

_ARG = r"""(?:"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|-?\d+(?:\.\d+)?|true|false)"""
MACRO = re.compile(
    rf"\{{\{{\s*(?P<name>[A-Za-z][\w-]*)\s*"
    rf"(?:\((?P<args>\s*(?:{_ARG}(?:\s*,\s*{_ARG})*)?\s*)\))?\s*\}}\}}"
)
_ONE_ARG = re.compile(_ARG)
# Macros the build renders somewhere other than in the sentence, or as furniture: sidebars,
# navigation, tables built from data (compatibility, specifications, CSS's formal syntax),
# embedded live examples, banners and badges (icons).
_ELSEWHERE = re.compile(
    r"[\w-]*sidebar|(?:js|css|api|html|svg|xslt|mathml|xpath|webassembly|http|addon)ref"
    r"|compat|specifications|spec2|cssinfo|csssyntax[\w-]*|svginfo|js_property_attributes"
    r"|embed[\w-]*|interactiveexample|jsfiddleembed|livesample|webextexamples|webextallexamples"
    r"|previous[\w-]*|next[\w-]*|listsubpages[\w-]*|quicklinkswithsubpages|subpageswithsummaries"
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
