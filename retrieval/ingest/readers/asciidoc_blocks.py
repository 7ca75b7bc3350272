"""AsciiDoc's blocks written as the Markdown that shows the same page (see
:mod:`retrieval.ingest.readers.asciidoc`): sections as headings, paragraphs, listing, source and
literal blocks as fenced code (callouts "<1>" dropped), admonitions as boxes ("!!! note"), example,
sidebar, quote and open blocks as the blocks they hold, tables and lists (see
:mod:`asciidoc_tables`, :mod:`asciidoc_lists`). What the page never shows is dropped: comments,
attribute entries, block anchors and attribute lines; passthrough blocks and diagrams are
pictures (but for a Mermaid sequence diagram's labels: see :mod:`mdmermaid`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from retrieval.ingest.readers import asciidoc_lists, asciidoc_tables
from retrieval.ingest.readers.asciidoc_inline import (
    Context,
    address,
    escaped,
    inline,
    substituted,
)

ADMONITIONS = ("NOTE", "TIP", "IMPORTANT", "WARNING", "CAUTION")
ATTRIBUTE_ENTRY = re.compile(
    r"^:(?P<unset>!?)(?P<name>\w[\w-]*)(?P<unset2>!?):(?:[ \t]+(?P<value>.*))?$"
)
_HEADING = re.compile(
    r"^(?P<marks>={1,6}|#{1,6})[ \t]+(?P<title>\S.*?)(?:[ \t]+(?P=marks))?[ \t]*$"
)
_ANCHOR = re.compile(r"^\[\[[^\[\]]*\]\]$|^\[#[^\]]*\]$")
_ATTRIBUTES = re.compile(r"^\[(?P<list>[^\[\]]*)\]$")
_TITLE = re.compile(r"^\.(?P<title>[^.\s].*)$")
_BLOCK_MACRO = re.compile(r"^(?P<name>[a-z][\w-]*)::(?P<target>[^\[]*)\[(?P<body>.*)\]$")
_ADMONITION = re.compile(rf"^(?P<kind>{'|'.join(ADMONITIONS)}):[ \t]+(?P<text>.*)$")
# A thematic break ("'''", Markdown's "---", "***", "- - -") or a page break ("<<<").
_BREAK = re.compile(r"^(?:'{3,}|<{3,}|-{3}|\*{3}|-\s-\s-|\*\s\*\s\*)$")
# A callout's mark ending a line of code ("<1>", "// <2>", "# <3>", "<!--4-->"): the page shows a
# number standing for the note under the code, no code.
_CALLOUT = re.compile(
    r"(?:[ \t]*(?://|#|--|;;?|%)?[ \t]*<(?:\d+|\.)>|[ \t]*<!--(?:\d+|\.)-->)+[ \t]*$"
)
_DIAGRAMS = frozenset({"mermaid", "plantuml", "ditaa", "graphviz", "dot", "svgbob", "vega"})
_HIDDEN_STYLES = frozenset({"comment", "pass", "stem", "latexmath", "asciimath"})
_CODE_STYLES = frozenset({"source", "listing", "literal"})
_OPTION = re.compile(
    r"""^(?P<key>[\w-]+)\s*=\s*(?:"(?P<double>[^"]*)"|'(?P<single>[^']*)'|(?P<plain>.*))$"""
)
_SHORTHAND = re.compile(r"[%#.]")  # "source%linenums", "#id", ".role" after a style
_ID_OR_ROLE = re.compile(r"[#.]")
_NOT_INFO = re.compile(r"[\s`{}]")  # what a code fence's info string may not hold
_FENCE_RUN = re.compile(r"^\s*(`{3,})")  # a fence inside code, which the outer one outruns


@dataclass
class Attributes:
    """A block's attribute list ("[source,java]", "[NOTE]", '[cols="1,2",options="header"]')
    and title (".Example"), set by the lines above it."""

    positional: list[str] = field(default_factory=list)
    named: dict[str, str] = field(default_factory=dict)
    options: set[str] = field(default_factory=set)
    title: str = ""

    @property
    def style(self) -> str:
        return self.positional[0] if self.positional else ""

    def read(self, listed: str) -> None:
        for part in _split_list(listed):
            option = _OPTION.match(part)
            if option is not None:
                value = option["double"] if option["double"] is not None else option["single"]
                value = value if value is not None else option["plain"]
                self.named[option["key"]] = value.strip()
                if option["key"] in ("options", "opts"):
                    self.options.update(value.replace(" ", "").split(","))
                continue
            self.positional.append(part.strip())
        self._shorthands()

    def _shorthands(self) -> None:
        """ "[source%linenums]", "[%header]", "[#id.role]": the style before its shorthands."""
        if self.positional and _SHORTHAND.search(self.positional[0]):
            first, *options = self.positional[0].split("%")
            self.options.update(options)
            self.positional[0] = _ID_OR_ROLE.split(first)[0]


def _split_list(listed: str) -> list[str]:
    """An attribute list's entries, split at commas outside quotes; an empty one kept ("[,ruby]":
    no style, then the language)."""
    parts, quote, current = [], "", ""
    for char in listed:
        if char == "," and not quote:
            parts.append(current)
            current = ""
            continue
        if char in "\"'" and (not quote or char == quote):
            quote = "" if quote else char
        current += char
    return [*parts, current] if listed else []


def translate(lines: list[str], context: Context) -> list[str]:
    """The Markdown of ``lines``, a document's body or a block's content."""
    out: list[str] = []
    attributes = Attributes()
    at = 0
    while at < len(lines):
        line = lines[at].rstrip()
        if not line.strip() or _attribute_line(line, attributes, context):
            at += 1
        else:
            at = _block(lines, at, attributes, context, out)
            attributes = Attributes()
    return out


def _attribute_line(line: str, attributes: Attributes, context: Context) -> bool:
    """Whether ``line`` says something of the next block or of the document, not shown: an
    attribute entry, an anchor, an attribute list, a block's title, a comment."""
    entry = ATTRIBUTE_ENTRY.match(line)
    if entry is not None:
        define(entry, context)
        return True
    if _ANCHOR.match(line) or _comment(line):
        return True
    listed = _ATTRIBUTES.match(line)
    if listed is not None:
        attributes.read(listed["list"])
        return True
    title = _TITLE.match(line)
    if title is not None and not line.startswith(".."):
        attributes.title = title["title"]
        return True
    return False


def _comment(line: str) -> bool:
    """A comment line ("// …"), not a comment block's delimiter ("////")."""
    return line.startswith("//") and not line.startswith("////")


def define(entry: re.Match[str], context: Context) -> None:
    """An attribute entry, ":name: value" (or ":name!:", unsetting it)."""
    name = entry["name"].lower()
    if entry["unset"] or entry["unset2"]:
        context.attributes.pop(name, None)
    else:
        context.attributes[name] = substituted((entry["value"] or "").strip(), context)


def _block(
    lines: list[str], at: int, attributes: Attributes, context: Context, out: list[str]
) -> int:
    """Write the block that starts at ``lines[at]``; return the index of the line after it."""
    line = lines[at].rstrip()
    heading = _HEADING.match(line)
    if heading is not None:
        level = len(heading["marks"])
        _blank_then(out, ["#" * level + " " + inline(heading["title"], context)])
        return at + 1
    if asciidoc_lists.DELIMITER.match(line.strip()):
        end = asciidoc_lists.delimited_end(lines, at)
        _delimited(lines[at].strip(), lines[at + 1 : end], attributes, context, out)
        return end + 1
    macro = _BLOCK_MACRO.match(line)
    if macro is not None:
        _block_macro(macro, context, out)
        return at + 1
    if _BREAK.match(line.strip()):
        _blank_then(out, ["***"])
        return at + 1
    if asciidoc_lists.starts_list(line):
        markdown, end = asciidoc_lists.read_list(lines, at, context, translate)
        _titled(attributes, context, out)
        _blank_then(out, markdown)
        return end
    end = paragraph_end(lines, at)
    _paragraph(lines[at:end], attributes, context, out)
    return end


# A block's attribute list on its own line ("[source,text]", "[NOTE]", "[#id]"), which ends the
# paragraph above it as Asciidoctor reads it; an anchor ("[[id]]") does not.
_BLOCK_ATTRIBUTES = re.compile(r"""^\[(?:|[\w.#%{,"'].*)\]$""")


def paragraph_end(lines: list[str], at: int) -> int:
    """The index of the line after the paragraph that starts at ``lines[at]``: it runs to a
    blank line, a delimiter or the attribute list of the block under it ("Run a server." over
    "[source,text]": the list was read as the paragraph's words, and the code had no
    language)."""
    end = at + 1
    while (
        end < len(lines)
        and lines[end].strip()
        and not asciidoc_lists.DELIMITER.match(lines[end].strip())
        and not _BLOCK_ATTRIBUTES.match(lines[end].rstrip())
    ):
        end += 1
    return end


def _paragraph(lines: list[str], attributes: Attributes, context: Context, out: list[str]) -> None:
    """A paragraph, a literal one (indented), an admonition ("NOTE: …") or one styled by its
    attribute list ("[source]", "[NOTE]", "[quote]")."""
    lines = [line for line in lines if not _comment(line)]
    style = attributes.style
    if not lines or style in _HIDDEN_STYLES:
        return
    admonition = _ADMONITION.match(lines[0])
    named = style.upper() if style.upper() in ADMONITIONS else ""  # "[NOTE]" over the paragraph
    kind = named or (admonition["kind"] if admonition is not None else "")  # or "NOTE: …"
    if style in _CODE_STYLES or (not style and lines[0][:1] in (" ", "\t")):
        _code("\n".join(_dedented(lines)), attributes, context, out)
    elif kind:
        body = lines if admonition is None else [admonition["text"], *lines[1:]]
        _box(kind, attributes.title, _text(body, context), out)
    else:
        _titled(attributes, context, out)
        _blank_then(out, _text(lines, context))
        _attribution(attributes, context, out)


def _text(lines: list[str], context: Context) -> list[str]:
    return inline("\n".join(line.strip() for line in lines), context).split("\n")


def _dedented(lines: list[str]) -> list[str]:
    indents = [len(line) - len(line.lstrip()) for line in lines if line.strip()]
    cut = min(indents, default=0)
    return [line[cut:].rstrip() for line in lines]


def _delimited(
    opening: str, body: list[str], attributes: Attributes, context: Context, out: list[str]
) -> None:
    """A delimited block: ``opening`` its delimiter line, ``body`` the lines it holds."""
    style = attributes.style
    if opening[0] == "/" or style == "comment":
        return
    if style == "mermaid":  # Asciidoctor Diagram's: read as Markdown's (see readers.mdmermaid)
        _blank_then(out, ["```mermaid", *body, "```"])
        return
    if opening[0] == "+" or style in _HIDDEN_STYLES or style in _DIAGRAMS:
        _elsewhere(out)  # raw HTML, a formula, a diagram: no text of the page's own
        return
    if opening[1:4] == "===" and opening[0] in "|,:!":
        _titled(attributes, context, out)
        _blank_then(out, asciidoc_tables.table(opening, body, attributes, context))
    elif opening[0] == "`" and not style:
        attributes.positional = ["source", opening[3:].strip()]
        _code("\n".join(body), attributes, context, out)
    elif opening[0] in "-.`" and (opening != "--" or style in _CODE_STYLES):
        _code("\n".join(body), attributes, context, out)
    elif style.upper() in ADMONITIONS:
        _box(style.upper(), attributes.title, translate(body, context), out)
    else:  # an example, a sidebar, a quote, an open block: the blocks they hold
        _titled(attributes, context, out)
        _blank_then(out, translate(body, context))
        if opening[0] == "_" and not attributes.style and attributes.positional:
            attributes.positional[0] = "quote"  # "[,Author,Source]" over a quote block
        _attribution(attributes, context, out)


def _code(code: str, attributes: Attributes, context: Context, out: list[str]) -> None:
    """Code as a fenced block, in its language, under its title, without callouts' marks; the
    attributes it refers to replaced by their values where its ``subs`` says so."""
    if _substitutes_attributes(attributes.named.get("subs", "")):
        code = substituted(code, context)
    lines = [_CALLOUT.sub("", line) for line in code.split("\n")]
    while lines and not lines[0].strip():
        lines.pop(0)
    while lines and not lines[-1].strip():
        lines.pop()
    if not lines:  # its lines all included from another file
        _elsewhere(out)
        return
    language = attributes.positional[1] if len(attributes.positional) > 1 else ""
    language = language.strip() or attributes.named.get("language", "")
    info = _NOT_INFO.sub("", language)
    if attributes.title:
        info += ' title="' + attributes.title.replace('"', "'") + '"'
    ticks = max((len(run) for line in lines for run in _FENCE_RUN.findall(line)), default=2)
    fence = "`" * (ticks + 1)
    _blank_then(out, [fence + info, *lines, fence])


def _substitutes_attributes(subs: str) -> bool:
    """Whether a block's ``subs`` ("attributes+", "verbatim,attributes", "+a", "normal") replace
    the attributes in its code: Asciidoctor's README shows "gem 'asciidoctor', '2.0.22'" where
    its source writes "{release-version}" under "[subs=attributes+]"."""
    named = {part.strip().strip("+") for part in subs.strip().strip('"').split(",")}
    return bool(named & {"attributes", "a", "normal", "n"})


def _box(kind: str, title: str, content: list[str], out: list[str]) -> None:
    """An admonition, as a box labelled as the page labels it ("Note", or "Note: its title")."""
    label = kind.capitalize() + (": " + title.replace('"', "'") if title else "")
    _blank_then(out, [f'!!! {kind.lower()} "{label}"', *indented(content, "    ")])


def indented(lines: list[str], indent: str) -> list[str]:
    return [indent + line if line.strip() else "" for line in lines]


def _titled(attributes: Attributes, context: Context, out: list[str]) -> None:
    """A block's title, shown over it."""
    if attributes.title:
        _blank_then(out, [inline(attributes.title, context)])


def _attribution(attributes: Attributes, context: Context, out: list[str]) -> None:
    """A quote's author and source, shown under it ("— Albert Einstein, …")."""
    if attributes.style in ("quote", "verse") and len(attributes.positional) > 1:
        said = ", ".join(
            part.strip().strip('"') for part in attributes.positional[1:] if part.strip()
        )
        if said:
            _blank_then(out, [escaped("— ") + inline(said, context)])


def _block_macro(macro: re.Match[str], context: Context, out: list[str]) -> None:
    """A block macro: an image is its alt text as a picture; a table of contents, a video or
    an include shows no text of the page."""
    if macro["name"] != "image":
        if macro["name"] != "toc":
            _elsewhere(out)
        return
    alt = macro["body"].split(",")[0].strip().strip('"')
    target = address(substituted(macro["target"], context))
    _blank_then(out, [f"![{escaped(alt)}]({target})"])


def _elsewhere(out: list[str]) -> None:
    """Where the page shows what this file does not hold (code included from another file,
    Spring's "include-code::", a video, a diagram): the sentence introducing it ("… as shown
    in the following example:") introduces nothing after it, as over a picture: a picture
    without words says so to the Markdown reader."""
    _blank_then(out, ["![](<elsewhere>)"])


def _blank_then(out: list[str], lines: list[str]) -> None:
    if not lines:
        return
    if out and out[-1]:
        out.append("")
    out.extend(lines)
