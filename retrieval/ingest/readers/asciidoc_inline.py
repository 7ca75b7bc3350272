"""AsciiDoc's inline markup written as the Markdown that shows the same text (see
:mod:`retrieval.ingest.readers.asciidoc`).

What Asciidoctor shows is kept: ``*bold*`` as bold, ```mono``` as code, ``link:url[text]``,
``https://…[text]``, ``<<id,text>>`` and ``xref:file.adoc[text]`` as links with their text,
``kbd:[Ctrl+C]`` as "Ctrl+C", ``footnote:[…]`` as a footnote, ``{name}`` as the attribute's value
when the file defines it (left as written when not, as Asciidoctor leaves it). What it never shows
goes: anchors (``[[id]]``, ``anchor:id[]``), index terms, a hard break's "+". Every other character
of the text is escaped, so no Markdown rule reads AsciiDoc's text as markup of its own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

# Asciidoctor's own attributes a page may refer to: characters hard to type as they are.
INTRINSIC = {
    "nbsp": "\u00a0", "sp": " ", "empty": "", "blank": "", "zwsp": "", "wj": "", "amp": "&",
    "lt": "<", "gt": ">", "plus": "+", "pp": "++", "cpp": "C++", "startsb": "[", "endsb": "]",
    "vbar": "|", "caret": "^", "asterisk": "*", "tilde": "~", "backslash": "\\", "backtick": "`",
    "two-colons": "::", "two-semicolons": ";;", "apos": "'", "quot": '"', "deg": "°",
    "brvbar": "¦", "lsquo": "‘", "rsquo": "’", "ldquo": "“", "rdquo": "”", "ellipsis": "…",
}  # fmt: skip
_PLACEHOLDER = 0x100000  # Supplementary Private Use Area-B: never in real text
_HELD = re.compile("[\U00100000-\U0010fffd]")
_ATTRIBUTE = re.compile(r"(\\?)\{([\w][\w-]*)\}")
_PASS = re.compile(
    r"\+\+\+(.+?)\+\+\+|\+\+(.+?)\+\+|(?<![\w+])\+(?=\S)([^+\n]*?\S)\+(?![\w+])"
    r"|pass:[a-z,]*\[(.*?)(?<!\\)\]"
)
# A backslash keeps what follows as written: a mark ("\*not bold*"), a reference ("\{name}"),
# a macro or an address ("\file:///", "\link:x[y]").
_ESCAPED = re.compile(r"\\([*_`#+~^\[<{'\"\\]|[a-z]+:[^\s\[]*(?:\[[^\]]*\])?)")
_CODE = re.compile(r"``(.+?)``|(?<![\w`])`(?=\S)([^`\n]*?[^\s\\])`(?![\w`])")
_URL = r"(?:https?|ftp|irc|file)://[^\s\[\]<>]*[^\s\[\]<>.,;:!?)'\"]"
_MACRO = re.compile(
    rf"(?P<link>(?:link:|mailto:)(?P<target>[^\s\[]+)|(?<![\w/])(?P<url>{_URL}))"
    r"(?:\[(?P<text>(?:[^\]\\]|\\.)*)\])?"
    r"|<<(?P<ref>[\w#/.:{][^,<>\n]*?)(?:,\s*(?P<reftext>[^>\n]*))?>>"
    r"|(?P<macro>[a-z][a-z0-9_-]*):(?!:)(?P<mtarget>[^\s\[\]]*)\[(?P<body>(?:[^\]\\]|\\.)*)\]"
    r"|(?P<site>\{\w[\w-]*\}[^\s\[\]]*)\[(?P<sitetext>(?:[^\]\\]|\\.)*)\]"
    r"|\[\[[\w:.-]+(?:,[^\]]*)?\]\]|\(\(\((?:[^()]*)\)\)\)|\(\((?P<term>[^()]+)\)\)"
    r"|(?P<email>(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+)"
)
# Quoted text, the strongest first: unconstrained (doubled, anywhere) before constrained (at
# word boundaries). Group "mark" says how the page shows it.
_QUOTES = (
    ("strong", re.compile(r"(?:\[[^\]\n]*\])?\*\*(?=\S)(.+?)(?<=\S)\*\*")),
    ("strong", re.compile(r"(?<![\w*\\])(?:\[[^\]\n]*\])?\*(?=\S)(.*?\S)?\*(?![\w*])")),
    ("plain", re.compile(r"(?:\[[^\]\n]*\])?__(?=\S)(.+?)(?<=\S)__")),
    ("plain", re.compile(r"(?<![\w_\\])(?:\[[^\]\n]*\])?_(?=\S)(.*?\S)?_(?![\w_])")),
    ("plain", re.compile(r"(?:\[[^\]\n]*\])?##(?=\S)(.+?)(?<=\S)##")),
    ("plain", re.compile(r"(?<![\w#\\])(?:\[[^\]\n]*\])?#(?=\S)(.*?\S)?#(?![\w#])")),
    ("plain", re.compile(r"(?<![\\^])\^(?=\S)([^\s^]+)\^")),
    ("plain", re.compile(r"(?<![\\~])~(?=\S)([^\s~]+)~")),
)
_WRAP = {"strong": ("**", "**"), "plain": ("", "")}
# Curly quotes, written with backticks inside straight ones: "`real`" shows as “real”.
_CURLY = (
    (re.compile(r"\"`(?=\S)(.+?)(?<=\S)`\""), "“\\1”"),
    (re.compile(r"'`(?=\S)(.+?)(?<=\S)`'"), "‘\\1’"),
)
_REPLACEMENTS = (
    (re.compile(r"(?<=\w)--(?=\w)|(?<= )--(?= )|^--(?= )"), "—"),
    (re.compile(r"\(C\)"), "©"),
    (re.compile(r"\(R\)"), "®"),
    (re.compile(r"\(TM\)"), "™"),
    (re.compile(r"(?<=\s)->(?=\s)"), "→"),
    (re.compile(r"(?<=\s)=>(?=\s)"), "⇒"),
)
# Markdown's markup characters, escaped in text; a line may not open as a block of Markdown.
_MARKDOWN = re.compile(r"([\\`*_\[\]<>#|~{}!&$])")
_LINE_START = re.compile(r"^(\s*)([-+=>:])")
_NUMBER_START = re.compile(r"^(\s*\d+)([.)])")
# Macros that show their text, or their target when they have none, as a page built with the
# project's extensions does (Spring's "javadoc:java.sql.Connection[]" shows the class,
# "configprop:spring.jpa.open-in-view[]" the property).
_HIDDEN_MACROS = frozenset({"anchor", "indexterm", "indexterm2", "image", "icon"})
# Macros that show their text as written: a key, a button, a formula, a passthrough.
_LITERAL_MACROS = frozenset({"kbd", "btn", "stem", "latexmath", "asciimath", "pass"})
_LINK_OPTIONS = re.compile(r'\s*,\s*(?:[\w-]+\s*=|"|role=|window=|opts=)')
_OPTION_ONLY = re.compile(r"^[\w-]+=")  # a link's text that is an option alone ("window=_blank")
_HARD_BREAK = re.compile(r" \+$", re.MULTILINE)  # a hard line break's " +", no text
_BACKTICKS = re.compile(r"`+")
_MENU_STEP = re.compile(r"\s*>\s*")  # "menu:File[Save > As]"
_NOT_ADDRESS = re.compile(r"[<>\s]")


@dataclass
class Context:
    """What inline markup needs of the whole file: its attributes, its sections' titles (a
    cross reference without text shows the title), and the footnotes met so far."""

    attributes: dict[str, str] = field(default_factory=dict)
    titles: dict[str, str] = field(default_factory=dict)
    footnotes: list[str] = field(default_factory=list)


@dataclass
class _Held:
    """Pieces of a line already written as Markdown (code, links), each standing in the line as
    one placeholder character until the rest is escaped; ``raw``: the text each shows."""

    markdown: list[str] = field(default_factory=list)
    raw: list[str] = field(default_factory=list)

    def hold(self, markdown: str, raw: str) -> str:
        self.markdown.append(markdown)
        self.raw.append(raw)
        return chr(_PLACEHOLDER + len(self.markdown) - 1)

    def restored(self, text: str, raw: bool = False) -> str:
        pieces = self.raw if raw else self.markdown
        replaced = 1
        while replaced:  # a piece may hold pieces held before it (code in a link's text)
            text, replaced = _HELD.subn(lambda match: pieces[ord(match[0]) - _PLACEHOLDER], text)
        return text


def substituted(text: str, context: Context) -> str:
    """``text`` with its attribute references replaced by their values; an escaped reference
    (``\\{name}``) or one the file never defines stays as written."""

    def value(match: re.Match[str]) -> str:
        name = match[2].lower()
        if match[1]:
            return match[0][1:]
        if name in context.attributes:
            return context.attributes[name]
        return INTRINSIC.get(name, match[0])

    return _ATTRIBUTE.sub(value, text)


def inline(text: str, context: Context) -> str:
    """The Markdown of ``text``, a line or lines of AsciiDoc."""
    held = _Held()
    return held.restored(_inline(text, context, held))


def _inline(text: str, context: Context, held: _Held) -> str:
    """The Markdown of ``text``, what is held standing in it as placeholders (text inside a
    link or a footnote may hold code held before)."""
    text = _PASS.sub(lambda m: _passed(m, held), text)
    text = _ESCAPED.sub(lambda m: held.hold(escaped(m[1]), m[1]), text)
    text = substituted(text, context)
    for pattern, quoted in _CURLY:
        text = pattern.sub(quoted, text)
    text = _CODE.sub(lambda m: _code(held.restored(m[1] or m[2], raw=True), held), text)
    text = _MACRO.sub(lambda m: _macro(m, context, held), text)
    text = _HARD_BREAK.sub("", text)
    return _quoted(text, held)


def escaped(text: str) -> str:
    """``text`` as Markdown that shows it as written."""
    lines = _MARKDOWN.sub(r"\\\1", text).split("\n")
    lines = [_NUMBER_START.sub(r"\1\\\2", _LINE_START.sub(r"\1\\\2", line)) for line in lines]
    return "\n".join(lines)


def _passed(match: re.Match[str], held: _Held) -> str:
    text = next(group for group in match.groups() if group is not None)
    return held.hold(escaped(text), text)


def _code(text: str, held: _Held) -> str:
    """``text`` as a code span, fenced by more backticks than it holds in a row."""
    ticks = "`" * (max((len(run) for run in _BACKTICKS.findall(text)), default=0) + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return held.hold(f"{ticks}{pad}{text}{pad}{ticks}", text)


def _macro(match: re.Match[str], context: Context, held: _Held) -> str:
    """A link, a cross reference, a macro or an anchor as the page shows it."""
    if match["link"]:
        target = match["target"] or match["url"]
        shown = _link_text(match["text"]) if match["text"] is not None else ""
        if not shown and match["target"] and match["link"].startswith("mailto:"):
            shown = target
        return _link(shown, target, context, held)
    if match["ref"]:
        anchor = match["ref"].split("#")[-1]
        # "<<Logo image>>" names its section by the title the page shows (a natural reference)
        natural = anchor if " " in anchor else None
        shown = match["reftext"] or context.titles.get(anchor) or natural or f"[{match['ref']}]"
        return _link(shown, "#" + anchor, context, held)
    if match["macro"]:
        return _named_macro(match, context, held)
    if match["site"]:
        # An address made of an attribute the site defines and the file does not (Antora's
        # "{url-spring-framework-docs}/…[Spring Framework]"): the built page shows the link's
        # text; the reference, without it, stays as written.
        shown = _link_text(match["sitetext"])
        return _link(shown, match["site"], context, held) if shown else match[0]
    if match["term"]:
        return match["term"]
    if match["email"]:
        return held.hold(escaped(match["email"]), match["email"])
    return ""  # an anchor or a hidden index term


def _named_macro(match: re.Match[str], context: Context, held: _Held) -> str:
    name, target, body = match["macro"], match["mtarget"], match["body"].replace("\\]", "]")
    if name == "footnote" or name == "footnoteref":
        return _footnote(body, context, held)
    if name == "xref":
        anchor = target.partition("#")[2]
        shown = _link_text(body) or context.titles.get(anchor) or target
        return _link(shown, target, context, held)
    if name in _LITERAL_MACROS:
        return held.hold(escaped(body), body)
    if name == "menu":
        shown = " › ".join(filter(None, [target, *_MENU_STEP.split(body)]))
        return held.hold(escaped(shown), shown)
    if name in _HIDDEN_MACROS:
        alt = _link_text(body.split(",")[0]) if name == "image" else ""  # "reload,16,…"
        return held.hold(f"![{escaped(alt)}]({address(target)})", alt) if alt else ""
    shown = _link_text(body) or target
    if "." in shown and " " not in shown:
        return _code(shown, held)
    return held.hold(_inline(shown, context, held), shown)


def _footnote(body: str, context: Context, held: _Held) -> str:
    """A footnote's mark; its text read as a note (see :func:`footnotes`)."""
    if not body:
        return ""
    context.footnotes.append(held.restored(_inline(body, context, held)))
    number = len(context.footnotes)
    return held.hold(f"[^{number}]", "")


def footnotes(context: Context) -> list[str]:
    """The footnotes' definitions, as Markdown writes them at the page's foot."""
    return [f"[^{number}]: {text}" for number, text in enumerate(context.footnotes, start=1)]


def _link_text(body: str) -> str:
    """A link macro's text, without its options (``text,window=_blank``, ``text^``)."""
    body = body.replace("\\]", "]").strip()
    if body.startswith('"') and '"' in body[1:]:
        return body[1 : body.index('"', 1)]
    cut = _LINK_OPTIONS.search(body)
    if cut is not None:
        body = body[: cut.start()]
    if "=" in body and "," not in body and _OPTION_ONLY.match(body):
        return ""
    return body.rstrip("^").strip()


def _link(shown: str, target: str, context: Context, held: _Held) -> str:
    text = _inline(shown, context, held) if shown else escaped(target)
    return held.hold(f"[{text}]({address(target)})", shown or target)


def address(target: str) -> str:
    """A link's or an image's target as Markdown's address: in angle brackets, without the
    brackets and white space in it."""
    return "<" + _NOT_ADDRESS.sub("", target) + ">"


def _quoted(text: str, held: _Held) -> str:
    """``text`` (placeholders in it standing for what is already Markdown) with its quoted
    parts shown as Markdown and the rest escaped. The spans one after another are walked in a
    loop, only a span inside a span by recursion: a paragraph of a thousand code spans ran out
    of Python's stack, and its whole file was refused as "nested too deeply"."""
    out = []
    while (found := _first_quote(text)) is not None:
        mark, match = found
        opening, closing = _WRAP[mark]
        inner = _quoted(match[1] or "", held)
        out.append(escaped(_replaced(text[: match.start()])) + opening + inner + closing)
        text = text[match.end() :]
    out.append(escaped(_replaced(text)))
    return "".join(out)


def _first_quote(text: str) -> tuple[str, re.Match[str]] | None:
    best: tuple[str, re.Match[str]] | None = None
    for mark, pattern in _QUOTES:
        match = pattern.search(text)
        if match is not None and (best is None or match.start() < best[1].start()):
            best = (mark, match)
    return best


def _replaced(text: str) -> str:
    for pattern, replacement in _REPLACEMENTS:
        text = pattern.sub(replacement, text)
    return text
