"""The reader of AsciiDoc files (``.adoc``, ``.asciidoc``), read as Asciidoctor's built page shows
them.

No Python library reads AsciiDoc well enough to lean on: asciidoc-py and asciidoc3 are GPL,
adparser runs Ruby's Asciidoctor, and asciidoctrine (an alpha) took 16 seconds over one 18 kB
page of Spring Boot's guide. AsciiDoc is written in lines, so the page is rewritten line by line as
the Markdown that shows the same text (:mod:`asciidoc_blocks`, :mod:`asciidoc_lists`,
:mod:`asciidoc_tables`, :mod:`asciidoc_inline`), which the Markdown reader reads: a page comes out
as a Markdown page of the same text would, sections, code with the sentence introducing it,
admonitions ("Note: …"), lists, tables and all.

The document header gives the title ("= Title"), the author (the line under the title, or
``:author:``), the date (the revision line, or ``:revdate:``) and what the page is found by and
never shows (``:description:``, ``:keywords:``, ``:summary:``); the attributes the site defines
for every page (``antora.yml``, ``.asciidoctorconfig``: :mod:`asciidoc_site`) stand before the
page's own. The preprocessor's lines are read as Asciidoctor
reads them: ``ifdef``/``ifndef`` keep or drop what they enclose by the attributes the file defines
(a page built for the site, not for GitHub's preview), ``include::`` brings in a file that is not
this one (its line dropped).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from retrieval.errors import DocumentError
from retrieval.ingest.dates import iso_date
from retrieval.ingest.parsed import ParsedDocument
from retrieval.ingest.readers import asciidoc_blocks
from retrieval.ingest.readers.asciidoc_inline import Context, footnotes, inline, substituted
from retrieval.ingest.readers.asciidoc_site import site_attributes
from retrieval.ingest.readers.common import fallback_title, prose, stated_author
from retrieval.ingest.readers.decoding import decode
from retrieval.ingest.readers.markdown import read_markdown

# Supplementary Private Use Area-B, never text of a page: see asciidoc_inline._Held.
_PRIVATE = re.compile("[\U00100000-\U0010ffff]")
_CONDITION = re.compile(r"^(?P<kind>ifdef|ifndef|ifeval|endif)::(?P<names>[^\[]*)\[(?P<text>.*)\]$")
_INCLUDE = re.compile(r"^include::(?P<target>\S*)\[.*\]$")
_DOCUMENT_TITLE = re.compile(r"^(?:=|#)[ \t]+(?P<title>\S.*)$")
_EMAIL = re.compile(r"\s*<[^<>]*>")
# The author line under the title: names (one to three words each, an address in angle brackets
# after them) parted by semicolons: "Dan Allen <https://github.com/mojavelinux[@mojavelinux]>;
# Sarah White <…>". The revision line under it: "v1.0, 2013-01-01: Remark", "v1.0", "2013-01-01".
_NAME = r"\w[\w'.-]*(?: +\w[\w'.-]*){0,2}(?: +<[^<>]+>)?"
_AUTHORS = re.compile(rf"^{_NAME}(?:\s*;\s*{_NAME})*$")
_REVISION = re.compile(
    r"^(?:v\d[^,:]*(?:,\s*(?P<date>[^:]*?))?|(?P<alone>\d[^,:]*?)|\d[^,:]*,\s*(?P<dated>[^:]*?))"
    r"\s*(?::.*)?$"
)
_SECTION = re.compile(r"^(?:={2,6}|#{2,6})[ \t]+(?P<title>\S.*?)[ \t]*$")
_ANCHOR = re.compile(
    r"^\[\[(?P<id>[^,\]]+)(?:,\s*(?P<reftext>[^\]]*))?\]\]|^\[#(?P<short>[^.%,\]]+)"
    r"(?:[^\]]*,\s*reftext=\"?(?P<named>[^\"\]]*))?"
)
_BRACKETED = re.compile(r"^\[.*\]$")  # an anchor or an attribute list
_NOT_WORD = re.compile(r"[^\w]+")  # what a section's id has "_" for


@dataclass
class _Header:
    title: str = ""
    author: str = ""
    date: str = ""
    keywords: str = ""


def read_asciidoc(data: bytes, path: Path) -> ParsedDocument:
    """The reader of ``.adoc`` and ``.asciidoc`` files."""
    source = decode(data, path).replace("\r\n", "\n").replace("\r", "\n")
    source = _PRIVATE.sub("", source)  # the characters inline markup holds its pieces by
    included: list[str] = []
    site = site_attributes(path)  # what the site defines for every page ("{prodname}")
    lines = _preprocessed(source.split("\n"), included, set(site))
    context = Context(attributes=dict(site))
    header, start = _header(lines, context)
    context.titles = _section_titles(lines[start:])
    body = asciidoc_blocks.translate(lines[start:], context)
    title = ["# " + inline(header.title, context), ""] if header.title else []
    markdown = "\n".join([*title, *body, "", *footnotes(context)]) + "\n"
    if markdown.strip():
        document = read_markdown(markdown.encode("utf-8"), path)
    else:  # attribute entries alone (a locale's captions), or includes: no text of its own
        document = ParsedDocument(title=fallback_title(path))
    if not document.blocks and included:
        # An Antora page made of other files' text ("include::partial$man-asciidoctor.adoc[]"):
        # those are read on their own, if in the corpus; the report says why this one is not.
        raise DocumentError(path, f"only includes {', '.join(included)}")
    document.author = stated_author(prose(_EMAIL.sub("", header.author))) or document.author
    document.date = iso_date(header.date) if header.date else document.date
    # What the page's authors want it found by, never shown: Quarkus' guides say it in
    # ":summary:", as Hugo's front matter does in "summary".
    keywords = [context.attributes.get(key, "") for key in ("description", "keywords", "summary")]
    document.keywords = " · ".join(prose(words) for words in keywords if words) or document.keywords
    return document


def _preprocessed(lines: list[str], included: list[str], defined: set[str]) -> list[str]:
    """``lines`` as Asciidoctor's preprocessor passes them on: conditional lines read (by the
    attributes ``defined`` for the site, and those the file defines as it goes), what a false
    condition encloses dropped, include lines dropped (their file is not this one; its name
    added to ``included``)."""
    skipping: list[bool] = []  # for each open condition: whether it drops what it encloses
    out: list[str] = []
    for line in lines:
        trimmed = line.rstrip()
        condition = _CONDITION.match(trimmed)  # at the line's start only
        if condition is not None:
            _condition(condition, defined, skipping, out)
            continue
        if any(skipping):
            continue
        include = _INCLUDE.match(trimmed)
        if include is not None:
            included.append(include["target"])
            continue
        entry = asciidoc_blocks.ATTRIBUTE_ENTRY.match(line)
        if entry is not None:
            name = entry["name"].lower()
            (defined.discard if entry["unset"] or entry["unset2"] else defined.add)(name)
        out.append(line)
    return out


def _condition(
    condition: re.Match[str], defined: set[str], skipping: list[bool], out: list[str]
) -> None:
    kind = condition["kind"]
    if kind == "endif":
        if skipping:
            skipping.pop()
        return
    names = condition["names"]
    if kind == "ifeval":
        holds = True  # an expression not evaluated: what it encloses is kept
    elif "+" in names:
        holds = all(name in defined for name in names.split("+"))
    else:
        holds = any(name in defined for name in names.split(","))
    if kind == "ifndef":
        holds = not holds
    if condition["text"] and kind != "ifeval":  # "ifdef::name[text]": one line
        if holds and not any(skipping):
            out.append(condition["text"])
        return
    skipping.append(not holds)


def _header(lines: list[str], context: Context) -> tuple[_Header, int]:
    """The document header's title, author, date and attributes, and where the body starts."""
    header = _Header()
    at = 0
    while at < len(lines) and _before_title(lines[at], context):
        at += 1
    title = _DOCUMENT_TITLE.match(lines[at]) if at < len(lines) else None
    if title is None:
        return header, 0
    header.title = title["title"]
    at += 1
    while at < len(lines) and lines[at].strip():
        line = lines[at].rstrip()
        entry = asciidoc_blocks.ATTRIBUTE_ENTRY.match(line)
        if entry is not None:
            # A value going on over lines that end in " \" (a long :description:): one value.
            while line.endswith(" \\") and at + 1 < len(lines) and lines[at + 1].strip():
                at += 1
                line = f"{line[:-1].rstrip()} {lines[at].strip()}"
            entry = asciidoc_blocks.ATTRIBUTE_ENTRY.match(line) or entry
            asciidoc_blocks.define(entry, context)
        elif not header.author and _AUTHORS.match(line):
            header.author = line
        elif header.author and not header.date and (revision := _REVISION.match(line)):
            header.date = revision["date"] or revision["dated"] or revision["alone"] or ""
        elif not line.startswith("//"):
            break  # no header's line: a paragraph right under the title (not quite AsciiDoc)
        at += 1
    header.author = context.attributes.get("author") or header.author
    header.date = context.attributes.get("revdate") or header.date
    return header, at


def _before_title(line: str, context: Context) -> bool:
    """Whether ``line`` may stand before the document's title: blank, a comment, an attribute
    entry, an anchor or an attribute list."""
    entry = asciidoc_blocks.ATTRIBUTE_ENTRY.match(line)
    if entry is not None:
        asciidoc_blocks.define(entry, context)
        return True
    stripped = line.strip()
    return not stripped or stripped.startswith("//") or bool(_BRACKETED.match(stripped))


def _section_titles(lines: list[str]) -> dict[str, str]:
    """Each section's id (its anchor, else the one Asciidoctor makes of its title: "Getting
    Started" is "_getting_started") → its title, which a cross reference without text shows."""
    titles: dict[str, str] = {}
    anchor = ""
    for line in lines:
        found = _ANCHOR.match(line.strip())
        if found is not None:
            anchor = found["id"] or found["short"]
            reftext = found["reftext"] or found["named"]
            if reftext:  # "[[idname,reference text]]": what a reference to it shows
                titles[anchor] = reftext
            continue
        section = _SECTION.match(line)
        if section is not None:
            title = section["title"]
            generated = "_" + _NOT_WORD.sub("_", substituted(title, Context()).lower()).strip("_")
            titles[generated] = title
            if anchor:
                titles.setdefault(anchor, title)
        anchor = ""
    return titles
