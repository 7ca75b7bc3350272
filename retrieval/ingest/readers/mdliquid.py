"""Liquid, Jinja and Nunjucks tags in a Markdown page, read as the built page shows them.

Jekyll and Eleventy render a page's tags before its Markdown. The TTS handbook (Eleventy) writes
its links to other pages as ``[text]({% page "/travel-and-leave/" %})``, a Slack channel as
``{% slack_channel "people-ops" "People Ops" %}``, a picture as ``{% image "_img/x.png" "target
icon" %}`` and its authors' notes as ``{% comment %}…{% endcomment %}``. Read as text, a
quarter of its passages showed the tags, a question's words were marked inside the addresses,
an author's hidden note was quoted, and a list item holding only a channel's tag was dropped with
the channel's name.

Here each tag outside code is read as a reader of the page meets it:

- comments (``{% comment %}…{% endcomment %}``, ``{# … #}``) are dropped with what they hold;
- ``{% raw %}…{% endraw %}`` is what it holds, as written, and Jekyll's ``{% highlight ruby
  %}…{% endhighlight %}`` a block of code in that language;
- a tag of the template language's own (``if``, ``for``, ``set``, ``include``, …) and a closing
  tag (``endalert``) take no words, but for an include's ``content="…"`` (the note box of Jekyll
  themes: ``{% include note.html content="Restart the server." %}`` shows the sentence);
- a tag a closing one pairs with (``alert``, a box round text) shows its heading, its first
  quoted argument, opening the box's text ("Updated Travel Guidance (07/13/2021): On July 13,
  …"), as Docsy's alert does in :mod:`mdhugo`; or nothing, having none or a kind for one (one
  lower-case word: Eleventy's ``{% callout "info", "md" %}``);
- a picture's tag is the picture (``![target icon](_img/x.png)``: its description, the last of
  its quoted arguments, as a Markdown image is read);
- any other tag becomes its first quoted argument (a link's address where it stands in one, a
  channel's name in text), or nothing when it has none.

Output tags read as built: a quoted value is itself (``{{ '/docs/x/' | relative_url }}`` is
``/docs/x/``, so a link stays a link; ``{{ "{%include%}" }}`` is ``{%include%}``), and a value
the site's settings hold (``{{ site.repository }}``) is unknown here and dropped, not shown raw.
A tag is a line's or a paragraph's: a "{%" with no "%}" before a blank line is text ("Python
{%d} style").

A line left with no text is a blank line, as in the built page. Code (fenced, indented, inline)
keeps its tags as written: a page about templates shows them, as Jekyll builds it, that is
without the ``{% raw %}`` marks its author wrote round them (:func:`in_code`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

# A tag: "{% name args %}", with Liquid's and Jinja's whitespace control ("{%-" takes the blanks
# before it, "-%}" those after it); its arguments never run past the first "%}". Not Hugo's
# shortcodes ("{{% note %}}"), which the Markdown reader reads as Hugo's.
_TAG = re.compile(
    r"(?:\s*(?=\{%-))?(?<!\{)\{%-?\s*(?P<name>[A-Za-z_][\w-]*)"
    r"(?P<args>(?:[^%{\n]|%(?!\})|\{(?!%)|\n(?![ \t]*\n))*?)"
    r"\s*(?:-%\}\s*|%\}(?!\}))",
    re.DOTALL,
)
# A comment: a Liquid/Nunjucks comment block, or a Jinja comment ("{# note #}"; a blank or a dash
# after the brace: "{#side-nav}" is an attribute list giving a heading its id).
_COMMENT = re.compile(
    r"\{%-?\s*comment\s*-?%\}.*?\{%-?\s*endcomment\s*-?%\}|\{#[\s-](?:(?!#\}).)*#\}", re.DOTALL
)
_RAW = re.compile(r"\{%-?\s*raw\s*-?%\}(?P<body>.*?)\{%-?\s*endraw\s*-?%\}", re.DOTALL)
# Jekyll's code block: "{% highlight ruby linenos %}" on a line of its own, the code, then
# "{% endhighlight %}": a fenced block of that language.
_HIGHLIGHT = re.compile(
    r"^(?P<indent>[ \t]*)\{%-?\s*highlight\s+(?P<language>[\w+#.-]+)[^%\n]*?-?%\}[ \t]*\n"
    r"(?P<body>.*?)\n?[ \t]*\{%-?\s*endhighlight\s*-?%\}[ \t]*$",
    re.DOTALL | re.MULTILINE,
)
# An output tag, "{{ value | filter: … }}": a quoted value or a variable (no call: MDN's macros,
# "{{jsxref("Array")}}", are not Liquid's; nor Hugo's "{{< … >}}", read before).
_OUTPUT = re.compile(
    r"(?<!\{)\{\{-?\s*(?:(?P<quoted>\"[^\"\n]*\"|'[^'\n]*')|[A-Za-z_][\w.\[\]'\"-]*)"
    r"(?:\s*\|[^{}()\n]*)?\s*-?\}\}(?!\})"
)
# An output tag a Jekyll page would hold, besides its tags: the site's or the page's value, or a
# quoted value filtered (a page whose "{{ … }}" are a Vue or Handlebars example is left alone).
_JEKYLL_OUTPUT = re.compile(
    r"\{\{-?\s*(?:(?:site|page|include|layout|jekyll)\.|['\"][^'\"\n]*['\"]\s*\|)"
)
# Jekyll's "{% raw %}" and "{% endraw %}" in code: marks the built page does not show.
_RAW_MARK = re.compile(r"\{%-?\s*(?:end)?raw\s*-?%\}")
_QUOTED = re.compile(r""""(?P<double>[^"]*)"|'(?P<single>[^']*)'""")
# Inline code: a run of backticks to the next run of as many.
_CODE_SPAN = re.compile(r"(?<!`)(`+)(?!`).+?(?<!`)\1(?!`)", re.DOTALL)
# The template languages' own tags (Liquid, Jinja, Nunjucks, Django): they lay the page out and
# show no text of theirs.
_OWN = frozenset(
    "if elif elsif else unless for case when set assign capture block extends macro call filter"
    " with import from include include_relative render layout cycle increment decrement"
    " tablerow break continue liquid load csrf_token url static trans blocktrans autoescape"
    " spaceless verbatim now highlight".split()
)
_PICTURE = re.compile(r"image|img|picture|figure|icon", re.IGNORECASE)


def has_tags(source: str) -> bool:
    """Whether ``source`` (a page's text outside code blocks) holds a tag or a comment outside
    inline code: a page whose tags are all in code (a README teaching Jinja's raw block, Angular's
    "`{{ 'x' | titlecase }}`") shows them as written, and is no template page."""
    if "`" in source:
        source = _CODE_SPAN.sub("", source)
    return (
        ("{%" in source and bool(_TAG.search(source)))
        or bool("{#" in source and _COMMENT.search(source))
        or bool("{{" in source and _JEKYLL_OUTPUT.search(source))
    )


def in_code(line: str) -> str:
    """A line of code as the built page shows it: without Jekyll's raw marks (the TTS shortcodes
    page's code was quoted as '{% raw %}{% image "_img/ocelot.png" … %}{% endraw %}')."""
    return _RAW_MARK.sub("", line) if "raw" in line else line


def rendered(text: str) -> str:
    """``text`` (lines of a page outside code blocks) with its tags read as the page shows them;
    inline code keeps them (:func:`_code_span`)."""
    out, at = list[str](), 0
    for span in _CODE_SPAN.finditer(text):
        out += [_rendered_text(text[at : span.start()]), _code_span(span[0])]
        at = span.end()
    return "".join([*out, _rendered_text(text[at:])])


def _code_span(code: str) -> str:
    """Inline code as a template page shows it: as written, but for the raw marks and a quoted
    value outside them, the page's way to show a tag ('`{{ "{%include%}" }}`' shows
    "{%include%}" in the TTS handbook; '`{% raw %}{{ 'x' | upcase }}{% endraw %}`' shows the
    output tag)."""
    out, at = list[str](), 0
    for raw in _RAW.finditer(code):
        out += [_quoted_values(code[at : raw.start()]), raw["body"]]
        at = raw.end()
    return in_code("".join([*out, _quoted_values(code[at:])]))


def _quoted_values(code: str) -> str:
    return _OUTPUT.sub(lambda tag: tag["quoted"][1:-1] if tag["quoted"] else tag[0], code)


def _rendered_text(text: str) -> str:
    """``text`` (no code in it) with comments dropped, raw blocks opened and tags read."""
    text = _COMMENT.sub("", text)
    raws = list[str]()

    def kept(match: re.Match[str], *, fenced: bool = False) -> str:
        body = match.group("body")
        if fenced:
            indent = match.group("indent")
            body = f"{indent}```{match.group('language')}\n{body}\n{indent}```"
        raws.append(body)
        return f"\x00{len(raws) - 1}\x00"

    text = _RAW.sub(kept, text)
    text = _HIGHLIGHT.sub(lambda block: kept(block, fenced=True), text)
    closed = {name[3:] for name in _names(text) if name.startswith("end")}
    text = _TAG.sub(lambda tag: _tag_text(tag, closed), text)
    text = _EMPHASISED_OUTPUT.sub(_emphasised_value, text)
    text = _OUTPUT.sub(lambda tag: tag["quoted"][1:-1] if tag["quoted"] else _DROPPED, text)
    text = _without_wordless_rows(text) if _DROPPED in text else text
    text = _HEADING.sub(r"\g<1>\g<2>", text).replace(_HEADING_MARK, "").replace(_HEADING_END, "")
    return re.sub(r"\x00(\d+)\x00", lambda mark: raws[int(mark.group(1))], text)


# A box's heading ("{% alert "Heading" %}") opens the box's text: past blank lines after it when
# nothing follows it on its line, in place when the box's text does ('{% alert "Heads up" %}Read
# this first.{% endalert %}', the text after the box being another paragraph).
_HEADING_MARK, _HEADING_END = "\x01", "\x02"
_HEADING = re.compile(r"(\x01[^\n\x02]*)\x02[ \t]*(?:\n[ \t]*)*?\n([ \t]*\S)")
# A box's kind, not its heading: one lower-case word (Eleventy's '{% callout "info", "md" %}').
_KIND = re.compile(r"[a-z][a-z-]*")


# An output tag alone in emphasis ("Ruby version **{{ site.data.ruby.min_version }}** or
# higher"): an unknown value takes its marks with it, not leaving "****".
_EMPHASISED_OUTPUT = re.compile(
    rf"(?<![\w*])(?P<marks>\*{{1,3}}|_{{1,3}})(?P<tag>{_OUTPUT.pattern})(?P=marks)"
)
# Where an unknown value was dropped; a line it leaves with no word but in HTML's tags keeps only
# those (a loop's row, ":{{ entry.name }} | {{ entry.desc }}" or Jekyll's permalinks table's
# '<td><p><code>:{{ entry.name }}</code></p>', left ": |" and ":" quoted), a Markdown table's row
# or a list's item but its marks.
_DROPPED = "\x03"
_MARKED_LINE = re.compile(r"[ \t]*[|>*+-]")
_HTML_TAG = re.compile(r"<[^<>\n]*>")


def _without_wordless_rows(text: str) -> str:
    lines = text.split("\n")
    for at, line in enumerate(lines):
        shown = _HTML_TAG.sub("", line) if _DROPPED in line else "x"
        if not _MARKED_LINE.match(line) and not re.search(r"\w", shown):
            indent = line[: len(line) - len(line.lstrip())]
            lines[at] = indent + "".join(_HTML_TAG.findall(line))
    return "\n".join(lines).replace(_DROPPED, "")


def _emphasised_value(match: re.Match[str]) -> str:
    quoted = match["quoted"]
    return f"{match['marks']}{quoted[1:-1]}{match['marks']}" if quoted else _DROPPED


def _names(text: str) -> Iterable[str]:
    return (match.group("name").lower() for match in _TAG.finditer(text))


def _tag_text(tag: re.Match[str], closed: set[str]) -> str:
    """What the page shows for one tag (see the module's description)."""
    name = tag.group("name").lower()
    if name in ("include", "include_relative", "render"):
        content = _CONTENT.search(tag.group("args"))
        return (content["double"] or content["single"] or "") if content else ""
    if name in _OWN or name.startswith("end") or name in ("raw", "comment"):
        return ""
    quoted = [
        double if double is not None else single
        for double, single in (
            q.group("double", "single") for q in _QUOTED.finditer(tag.group("args"))
        )
    ]
    if name in closed:
        heading = quoted[0].strip() if quoted else ""
        return _heading(heading) if heading and not _KIND.fullmatch(heading) else ""
    if _PICTURE.search(name):
        return f"![{quoted[-1] if len(quoted) > 1 else ''}]({quoted[0] if quoted else ''})"
    return quoted[0] if quoted else ""


# An include's text: "content=" (Jekyll themes' note, tip and warning boxes).
_CONTENT = re.compile(r"""\bcontent\s*=\s*(?:"(?P<double>[^"]*)"|'(?P<single>[^']*)')""")


def _heading(heading: str) -> str:
    """A box's heading opening its text: "Heading: text" ("Heading? text" when it ends a
    sentence already), marked to be put before the text past blank lines (see _HEADING)."""
    stop = " " if heading.endswith((":", ".", "!", "?")) else ": "
    return f"{_HEADING_MARK}{heading}{stop}{_HEADING_END}"
