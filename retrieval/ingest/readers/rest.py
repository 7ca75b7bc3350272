"""reStructuredText (``.rst``): Sphinx documentation and PEPs, read by the Markdown reader once
their markup is written as Markdown's.

reST and Markdown say the same things otherwise: a heading is underlined (and maybe
overlined) instead of opened by "#", code follows "::" or ``.. code-block::`` indented instead of
fenced, a note is a directive instead of a quote, a link is `text <url>`_. Rewritten line by
line, in small steps, the page then reads as any Markdown page does (headings nested, code kept
whole with the sentence before it, lists as lists):

- a header of "Key: value" fields opening the file (a PEP's "Title:", "Author:", "Created:")
  becomes front matter: the document's title, author and date;
- a heading's underline (and overline) becomes "#" marks, a level for each style in the order
  the file first uses it, as Sphinx does;
- "::" and the code directives (code-block, code, sourcecode) become fenced code;
- a note, warning, tip … or a titled ``admonition`` becomes a box ('!!! note "Title"'), its
  body read as Markdown; a version note ("New in version 2.0.") joins the paragraph it dates;
- an object entry written by hand (``py:data``, ``option``, ``envvar``, ``confval`` …), a
  glossary's term or a definition list's becomes a term over its definition;
- sphinx-tabs' and sphinx-design's tabs become content tabs ('=== "Windows"');
- a simple table ("=====  =====") becomes rows (``resttables.py``), and so does a grid table
  ("+-----+" borders, ``restgrid.py``), its cells read as reST and flattened, an inline
  csv-table (not a ``:file:``: a change to it would not be read) and a list-table
  (``restdata.py``); raw HTML is read through the HTML reader;
- any other directive (toctree, image, figure, index, automodule), comment or link target goes
  with what is indented under it: pages, pictures and targets, not text;
- other indented lines lose their indentation, which Markdown would read as code (a block
  quote, a list item's next lines read on as text);
- inline (``restinline.py``): a role reads as the text Sphinx prints, a link as its text,
  ``literal`` as `literal`, footnote marks go.
"""

from __future__ import annotations

import re
from pathlib import Path

from retrieval.ingest.dates import find_date
from retrieval.ingest.parsed import ParsedDocument
from retrieval.ingest.readers.markdown import read_markdown
from retrieval.ingest.readers.restdata import csv_rows, list_rows
from retrieval.ingest.readers.restgrid import (
    as_text,
    dedented,
    flat,
    grid_end,
    grid_table,
    is_grid_border,
    table_markdown,
)
from retrieval.ingest.readers.restinline import (
    inline,
    numbered,
    substituted,
    titled_references,
    unclosed,
)
from retrieval.ingest.readers.resttables import is_border, table, table_end
from retrieval.ingest.readers.text import opening_fields, text_of

_DIRECTIVE = re.compile(r"^(?P<indent>[ \t]*)\.\.[ \t]+(?P<name>[\w:-]+)::[ \t]*(?P<rest>.*)$")
_COMMENT = re.compile(r"^[ \t]*\.\.(?:[ \t]|$)")  # ".. comment", ".. _target:", ".. [1] …"
_OPTION = re.compile(r"^[ \t]+:[\w -]+:")  # ":maxdepth: 2", ":class: good"
_LABELS = {
    name: name.capitalize()
    for name in "note warning tip hint important caution attention danger error".split()
} | {"seealso": "See also", "versionadded": "New in version",
     "versionchanged": "Changed in version", "deprecated": "Deprecated since version"}  # fmt: skip
_BOXES = frozenset(name for name in _LABELS if not name.startswith(("version", "deprecated")))
_GLUE = "\x00"  # marks a version's note waiting to head the paragraph after it
_DATA_TABLES = frozenset({"csv-table", "list-table"})
_TAB_SETS = frozenset({"tabs", "tab-set", "tab-set-code"})
_TABS = frozenset({"tab", "group-tab", "tab-item"})
_CODE = frozenset({"code-block", "code", "sourcecode"})
# Sphinx's object directives, written by hand: each shows its signature over its description,
# as a definition list does ("SESSION_COOKIE_NAME" over "The name of the session cookie …").
_OBJECTS = frozenset(
    "data function class method attribute exception decorator decoratormethod property "
    "classmethod staticmethod type option cmdoption envvar confval describe object "
    "directive role macro member var struct enum enumerator union event".split()
)
_SHORT_DEFINITION = 600  # characters: a config value's description and its default, say
_NO_OBJECTS = frozenset({"module", "currentmodule", "program", "default-domain", "namespace"})
# docutils' own directives of those names, which define rather than describe: a custom role
# (only "rst:role", "rst:directive" describe one)
_DOCUTILS = frozenset({"role", "directive"})
_DIRECTIVE_OPTION = re.compile(r"^[ \t]+:(?P<name>[\w-]+):[ \t]*(?P<value>.*)$")
_SHOWN_OPTION = re.compile(r"^[ \t]+:(?P<name>type|default):(?P<value>.*)$")
_ITEM = re.compile(r"^[ \t]*(?:[-*+•]|\d+[.)]|#\.|\(?[a-z]\))[ \t]+")  # "-   ", "2. ", "#. "
_HEADING = "\x02"  # ends each heading line written, until the page's levels are settled
_RULE = re.compile(r"^([=\-`:'\"~^_*+#<>.])\1{2,}[ \t]*$")
_FRONT = {"title": "title", "author": "author", "created": "date", "date": "date"}


def read_rest(data: bytes, path: Path) -> ParsedDocument:
    """The reader of reStructuredText files (``.rst``)."""
    text = text_of(data, path).replace(_HEADING, "")
    return read_markdown(markdown(text).encode("utf-8"), path)


def markdown(text: str) -> str:
    """``text`` (reST) written as Markdown (see the module's docstring)."""
    fields, after = opening_fields(text)  # a PEP's "Title:", "Author:", "Created:" …
    if "title" not in fields:
        return "\n".join(
            _untitled(_body(titled_references(numbered(substituted(text.split("\n"))))))
        )
    front = {_FRONT[key]: value for key, value in fields.items() if key in _FRONT}
    if "date" in front:
        front["date"] = find_date([front["date"]]) or front["date"]
    # (the Markdown reader reads the author's names without their addresses)
    quoted = [f"{key}: {_yaml(value)}" for key, value in front.items()]
    body = _body(titled_references(numbered(substituted(after.split("\n")))))
    return "\n".join(["---", *quoted, "---", "", *(line.rstrip(_HEADING) for line in body)])


def _untitled(lines: list[str]) -> list[str]:
    """The Markdown ``lines`` with every heading a level lower when the page's top heading
    style heads more than one part: the first such heading ("Step 1: Install PostgreSQL …",
    in a page of steps with no title line) is not over the whole page, and its siblings ("Step
    6: Update the server") are not inside it. The page is still titled by that first heading,
    as Sphinx titles it (its first section's title, whatever the level: sphinx-quickstart's
    "Welcome to X's documentation!" over "Indices and tables"). Headings inside a box or a tab
    go down too. (Headings are the lines :func:`_body` marked as such: a "# comment" in code
    is none.)"""
    tops = [line for line in lines if line.endswith(_HEADING) and line.startswith("# ")]
    out: list[str] = []
    for line in lines:
        if line.endswith(_HEADING):
            line = line[: -len(_HEADING)]
            if len(tops) >= 2 and not line.lstrip(" ").startswith("######"):
                indent = len(line) - len(line.lstrip(" "))
                line = line[:indent] + "#" + line[indent:]
        out.append(line)
    if len(tops) < 2:
        return out
    title = tops[0][2 : -len(_HEADING)].strip()
    return ["---", f"title: {_yaml(title)}", "---", "", *out]


def _yaml(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _body(lines: list[str]) -> list[str]:
    """The lines after the header as Markdown."""
    out: list[str] = []
    styles: list[tuple[str, bool]] = []  # heading styles in the order first used
    index = 0
    while index < len(lines):
        line = lines[index]
        heading = _heading(lines, index)
        if heading is not None:
            text, style, size = heading
            if style not in styles:
                styles.append(style)
            level = "#" * min(styles.index(style) + 1, 6)
            out += ["", f"{level} {inline(text.strip())}{_HEADING}", ""]
            index += size
            continue
        if is_grid_border(line) and (end := grid_end(lines, index)) > index:
            inner = _indent(line)
            grid = grid_table([text[inner:] for text in lines[index:end]], _cell)
            if grid is not None:
                out += grid
                index = end
                continue
        if is_border(line) and (end := table_end(lines, index)) > index:
            inner = _indent(line)
            out += table([text[inner:] for text in lines[index:end]], inline)
            index = end
            continue
        directive = _DIRECTIVE.match(line)
        if directive is not None:
            index = _directive(lines, index, directive, out)
            continue
        if _COMMENT.match(line):  # a comment or a target, and what is indented under it
            index = _past_block(lines, index + 1, _indent(line))
            continue
        while unclosed(line) and index + 1 < len(lines) and lines[index + 1].strip():
            index += 1  # a link's text and its address on two lines
            line = line.rstrip() + " " + lines[index].strip()
        if line.rstrip().endswith("::"):
            index = _literal(lines, index, line, out)
            continue
        if _is_term(lines, index, out):  # a definition list's term, its definition under it
            end = _past_block(lines, index + 1, _indent(line))
            out += _term(line.strip(), _nested(lines[index + 1 : end]))
            index = end
            continue
        out.append(inline(line.strip()))
        index += 1
    return _glued(out)


def _literal(lines: list[str], index: int, line: str, out: list[str]) -> int:
    """Write the paragraph line ``line`` ending in "::" and the code under it into ``out``; the
    index after the code. "Example::" reads "Example:", "Example ::" "Example"."""
    stripped = line.rstrip()
    said = stripped[:-2].rstrip() if stripped[:-2].endswith((" ", "\t")) else stripped[:-1]
    out.append(inline(said.strip() if stripped.strip() != "::" else ""))
    end = _past_block(lines, index + 1, _text_indent(line))
    out += _fenced(lines[index + 1 : end], "")
    return end


def _is_term(lines: list[str], index: int, out: list[str]) -> bool:
    """Whether ``lines[index]`` is a term of a definition list: opening a paragraph, the next
    line indented under it (a field list's ":param:", a list item, a line block, a doctest
    are not terms)."""
    line = lines[index]
    if (out and out[-1].strip()) or index + 1 >= len(lines) or not lines[index + 1].strip():
        return False
    if line.lstrip().startswith((":", "|", ">>>")) or _ITEM.match(line):
        return False
    return _indent(lines[index + 1]) > _indent(line)


def _heading(lines: list[str], index: int) -> tuple[str, tuple[str, bool], int] | None:
    """The heading at ``index``, its style (rule character, overlined) and how many lines it
    takes; None for any other line."""
    line = lines[index].strip()
    over = _RULE.match(line)
    if over is not None and index + 2 < len(lines) and lines[index + 2].strip() == line:
        title = lines[index + 1]  # framed by two rules alike
        if title.strip() and not _RULE.match(title):
            return title, (over[1], True), 3
    raw = lines[index]
    if not line or over is not None or raw[:1] in " \t" or index + 1 >= len(lines):
        return None
    under = _RULE.match(lines[index + 1])
    if under is None or len(lines[index + 1].rstrip()) < len(raw.rstrip()):
        return None
    return raw, (under[1], False), 2


def _directive(lines: list[str], index: int, found: re.Match[str], out: list[str]) -> int:
    """Write the directive at ``lines[index]`` into ``out``; the index after it."""
    name, rest = found["name"].lower(), found["rest"].strip()
    end = _past_block(lines, index + 1, _indent(lines[index]))
    body = lines[index + 1 : end]
    fields: list[str] = []  # a confval's ":type: int" and ":default: 5", as Sphinx shows them
    options: dict[str, str] = {}
    while body and _OPTION.match(body[0]):  # ":maxdepth: 2" under the directive, not ":doc:`…`"
        field = _SHOWN_OPTION.match(body[0])
        if field is not None and field["value"]:
            fields.append(f"{field['name'].capitalize()}: {field['value'].strip()}")
        if (option := _DIRECTIVE_OPTION.match(body[0])) is not None:
            options[option["name"].lower()] = option["value"].strip()
        body = body[1:]
    if name in _DATA_TABLES or name == "raw":
        out += _data_table(name, rest, options, body)
        return end
    if name in _BOXES:  # ".. note:: Do not run this" / "   as root.": the note's text
        inner = min((_indent(line) for line in body if line.strip()), default=0)
        out += _box(_LABELS[name], _nested([" " * inner + rest, *body]))
    elif name in _LABELS:  # ".. versionadded:: 2.0", what changed under it
        version, _, said = rest.partition(" ")
        _version(f"{_LABELS[name]} {version}".strip(), _nested([said, *body]), out)
    elif name in _CODE:
        out += _fenced(body, rest.split()[0] if rest else "")
    elif name == "admonition" and rest:  # a box with a title of its own
        out += _box(rest, _nested(body))
    elif name in _TAB_SETS:  # sphinx-tabs', sphinx-design's: read tab by tab
        out += _nested(body)
    elif name in _TABS:
        out += _tab(rest, _nested(body))
    elif name == "code-tab":  # ".. code-tab:: py" / "   :title: Python": a tab of code
        language, _, label = rest.partition(" ")
        out += _tab(label or language, _fenced(body, language))
    elif name == "glossary":
        out += _glossary(body)
    elif _is_object(name) and rest:
        indent = " " * min((_indent(line) for line in body if line.strip()), default=1)
        shown = [line for field in fields for line in (indent + field, "")]
        out += _term(rest, _nested([*body, "", *shown]))  # after the description
    return end


def _data_table(name: str, rest: str, options: dict[str, str], body: list[str]) -> list[str]:
    """A csv-table or a list-table as a grid table's rows are read (its ``:header:`` or
    ``:header-rows:`` the labels), or raw HTML as a fenced MyST ``raw`` block, whose text
    the Markdown reader reads through the HTML reader (a requirements box: "Database:
    PostgreSQL v14+"); raw LaTeX and the like show nothing on the page."""
    if name == "raw":
        if rest.lower() != "html" or not any(line.strip() for line in body):
            return []
        return ["", "`````{raw} html", *dedented(body), "`````", ""]
    body = dedented(body)
    rows = csv_rows(body, options) if name == "csv-table" else list_rows(body)
    cells = [[flat(_cell(cell)) for cell in row] for row in rows]
    width = max((len(row) for row in cells), default=0)
    cells = [row + [""] * (width - len(row)) for row in cells]
    heads = 1 if name == "csv-table" and options.get("header", "").strip() else 0
    heads += int(options["header-rows"]) if options.get("header-rows", "").isdigit() else 0
    return table_markdown(cells[:heads], cells[heads:])


def _version(label: str, content: list[str], out: list[str]) -> None:
    """A version's note into ``out``: "Changed in version 1.0: …" as Sphinx prints it; one
    saying nothing more joins the paragraph it follows ("… New in version 0.8."), or heads the
    one after a heading ("New in version 2.0. Routes … can be coroutine functions …")."""
    while content and not content[0].strip():
        content = content[1:]
    if content:
        out += ["", f"{label}: {content[0]}", *content[1:], ""]
        return
    last = next((line for line in reversed(out) if line.strip()), "")
    if _prose(last):
        while out and not out[-1].strip():
            out.pop()
        out.append(f"{label}.")
    elif not last or last.lstrip().startswith("#"):  # under a heading: the part it opens
        out += ["", _GLUE + f"{label}.", ""]
    else:  # after code or a table: none of the next paragraph's business
        out += ["", f"{label}.", ""]


def _prose(line: str) -> bool:
    """Whether ``line`` of the Markdown written goes on a paragraph of text (not a heading, a
    fence, a box's or a tab's label, a table's row)."""
    line = line.strip()
    return bool(line) and not line.startswith(("#", "````", "!!!", "===", "|", _GLUE))


def _opens_text(line: str) -> bool:
    """Whether ``line`` opens a paragraph of text: a word, or a literal, emphasis, a quote or
    a bracket before one ("``BUILD_WITH_INSTALL_NAME_DIR`` is …")."""
    return line[:1].isalnum() or line[:1] in "`*_\"'(“«"


def _glued(out: list[str]) -> list[str]:
    """``out`` with each note waiting for the paragraph after it joined to that paragraph."""
    joined: list[str] = []
    index = 0
    while index < len(out):
        line = out[index]
        index += 1
        if not line.startswith(_GLUE):
            joined.append(line)
            continue
        joined.append(line[len(_GLUE) :])
        after = index
        while after < len(out) and not out[after].strip():
            after += 1
        if after < len(out) and _prose(out[after]) and _opens_text(out[after]):
            index = after
    return joined


def _is_object(name: str) -> bool:
    """Whether ``name`` ("py:data", "option", "c:function") is an object directive written by
    hand (autodoc's "autofunction" reads the code, which is not here)."""
    domain, _, kind = name.rpartition(":")
    if not domain and name in _DOCUTILS:  # ".. role:: python(code)" defines a role
        return False
    return kind in _OBJECTS and (not domain or domain.isalpha()) and name not in _NO_OBJECTS


def _box(title: str, content: list[str]) -> list[str]:
    """A box titled ``title`` around ``content``, as Markdown's admonitions write it ('!!! note
    "Circular Imports"'): its first paragraph read under its title ("Circular Imports: …")."""
    quoted = inline(title).replace('"', "'")
    return ["", f'!!! note "{quoted}"', *[("    " + line) if line else "" for line in content], ""]


def _tab(label: str, content: list[str]) -> list[str]:
    """A tab of a set, as Markdown's content tabs write it ('=== "Windows"'): its content read
    under its label, the first tab's under the sentence introducing the set."""
    quoted = inline(label).replace('"', "'")
    return ["", f'=== "{quoted}"', "", *[("    " + line) if line else "" for line in content], ""]


def _glossary(body: list[str]) -> list[str]:
    """A glossary's terms, each over its definition ("builder" / "A class that takes parsed
    documents …"); a term's other names, on the lines under it, after it ("environment, env")."""
    lines = dedented(body)
    out: list[str] = []
    index = 0
    while index < len(lines):
        terms: list[str] = []
        while index < len(lines) and lines[index].strip() and not _indent(lines[index]):
            terms.append(lines[index].strip())
            index += 1
        end = _past_block(lines, index, 0)
        if terms:
            out += _term(", ".join(terms), _nested(lines[index:end]))
        index = max(end, index + 1)
    return out


def _short(definition: list[str]) -> bool:
    """Whether a definition is a few short paragraphs of text, read as one passage as the page
    shows them, under their term (no code, list, box or heading to keep apart)."""
    text = [line for line in definition if line.strip()]
    plain = all(line[:1].isalnum() or line[:1] in "`'\"(" for line in text)
    return plain and sum(len(line) for line in text) <= _SHORT_DEFINITION


def _cell(block: list[str]) -> list[str]:
    """A table cell's lines as Markdown, a heading in it a line of its text."""
    return [line.rstrip(_HEADING) for line in _nested(block)]


def _nested(block: list[str]) -> list[str]:
    """An indented block (a directive's body) as Markdown, its common indentation gone."""
    return _body(dedented(block))


def _term(term: str, definition: list[str]) -> list[str]:
    """A term over its definition, as a Markdown definition list writes them ("SECRET_KEY" /
    ":   A secret key …"); a term with nothing under it stands alone."""
    head = as_text(inline(term))  # "-j N" is an option, no list item
    while definition and not definition[0].strip():
        definition = definition[1:]
    if not definition:
        return ["", head, ""]
    if _short(definition):  # "Default: 'session'" read with the value it is the default of
        definition = [line for line in definition if line.strip()]
    lines = [":   " + definition[0]] + [("    " + line) if line else "" for line in definition[1:]]
    return ["", head, *lines, ""]


def _fenced(block: list[str], language: str) -> list[str]:
    """An indented block of code, fenced, its common indentation gone."""
    inner = min((_indent(line) for line in block if line.strip()), default=0)
    code = [line[inner:] if line.strip() else "" for line in block]
    while code and not code[-1]:
        code.pop()
    while code and not code[0]:
        code.pop(0)
    return ["", f"````{language}", *code, "````", ""] if code else []


def _past_block(lines: list[str], index: int, indent: int) -> int:
    """The index of the first line after ``index`` back at ``indent`` or less (blank lines
    inside the block included)."""
    while index < len(lines) and (not lines[index].strip() or _indent(lines[index]) > indent):
        index += 1
    return index


def _text_indent(line: str) -> int:
    """Where the text of ``line`` starts: a list item's after its marker ("-   Installed
    module::" is at 4), so what is indented under the item's text is its code, and a paragraph
    of the item after that code is not."""
    item = _ITEM.match(line)
    return item.end() if item else _indent(line)


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip())
