"""The reader of Rich Text Format files (``.rtf``), as WordPad, TextEdit, Word and court or
government sites save them.

striprtf (BSD-3) turns RTF into plain text; what it drops and a reader needs — which paragraphs
are headings, where a table's cells and rows end — is kept by putting marks into the RTF
before it runs: a private-use character after each heading style's or outline level's control
word, and one in place of each ``\\cell`` and ``\\row``. The plain text then says, paragraph by
paragraph, what each one is (:func:`_marked`, :func:`_units`).

A file whose paragraphs are all styled alike (WordPad's, most TextEdit ones) says nothing of its
headings: its paragraphs are read as a plain-text file's are, by their shape (see readers.text).
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterator
from pathlib import Path

from striprtf.striprtf import rtf_to_text

from retrieval.errors import DocumentError
from retrieval.ingest.parsed import Block, ParsedDocument
from retrieval.ingest.readers import text as plain
from retrieval.ingest.readers.common import (
    Outline,
    author_names,
    fallback_title,
    is_placeholder_title,
    prose,
    table_blocks,
)
from retrieval.text import clean

# Private-use characters no document holds: a heading of level 1–9, a cell's end, a row's end,
# a paragraph inside a table. (Not U+F900 on: those are CJK compatibility ideographs, which
# Unicode normalisation turns into Chinese characters.)
_HEADING = 0xE0F0  # + level
_CELL, _ROW, _IN_TABLE = "\ue100", "\ue101", "\ue102"
_MARKS = re.compile("[\ue0f1-\ue0f9\ue100-\ue102]")
_LEVEL_MARK = re.compile("^[\ue0f1-\ue0f9]")

# A style of the stylesheet: "{\s1 … \outlinelevel0 … heading 1;}". Word writes the outline
# level; LibreOffice and Google Docs name the style (the name in the writer's language).
_STYLE = re.compile(r"\{\s*(?:\\\*)?\\s(\d+)\b([^{}]*?);\}")
_STYLE_LEVEL = re.compile(r"\\outlinelevel(\d)\b")
_HEADING_NAME = re.compile(
    r"(?i)(?:heading|überschrift|titre|título|titolo|encabezado|kop|rubrik|nagłówek|nadpis"
    r"|заголовок|标题|見出し)\s*(\d)\s*$"
)
_STYLESHEET = re.compile(r"\{\\stylesheet\b")
# Control words in the body: a paragraph's style or outline level, a cell's or a row's end, a
# paragraph inside a table. Not after a backslash: "\\s1" is the text "\s1".
_BODY_WORD = re.compile(
    r"(?<!\\)\\(?:(?P<style>s)(?P<n>\d+)|outlinelevel(?P<o>\d)"
    r"|(?P<cell>(?:nest)?cell)|(?P<row>row)|(?P<intbl>intbl))(?![a-zA-Z\d])[ ]?"
)
_INFO = re.compile(r"\{\\info\b")
_INFO_FIELD = re.compile(r"\{\\(title|author|subject)\b ?((?:[^{}\\]|\\[^{}]|\{[^{}]*\})*)\}")
_CREATED = re.compile(r"\\(?:creatim|revtim)\s*\\yr(\d{4})\s*\\mo(\d{1,2})\s*\\dy(\d{1,2})")
_CODEPAGE = re.compile(r"\\ansicpg(\d+)")
_BINARY = re.compile(r"\\bin\d*(?![a-zA-Z])\s?")
# A nested table's row ends with \nestrow inside its properties' group, which striprtf skips
# as a destination: its mark goes before that group.
_NESTED_ROW_END = "{\\*\\nesttableprops"


def read_rtf(data: bytes, path: Path) -> ParsedDocument:
    """The reader of ``.rtf`` files."""
    data = data.removeprefix(codecs.BOM_UTF8)  # .NET's writers start with UTF-8's mark
    found = _CODEPAGE.search(data[:4096].decode("latin-1"))  # ASCII: any single-byte reading
    codepage = int(found.group(1)) if found else None
    raw = _decoded(data, codepage)
    if not raw.lstrip().startswith("{\\rtf"):
        raise DocumentError(path, "damaged: not an RTF file (it does not start with {\\rtf)")
    sheet = _group_span(raw, _STYLESHEET)  # scanned once: the styles, and where the body starts
    styles = _heading_styles(raw[slice(*sheet)])
    text = _read(_marked(raw, sheet[1], styles), path)
    units = list(_units(text))
    stated = _properties(raw, codepage)
    if not any(kind != "text" for kind, _ in units):
        return _as_plain_text(stated, text, units, path)
    document = ParsedDocument(
        title=stated["title"] or "", date=stated["date"], author=stated["author"]
    )
    _add_units(document, units)
    if not document.blocks:
        raise DocumentError(path, "empty")
    document.title = document.title or fallback_title(path)
    return document


def _read(marked: str, path: Path) -> str:
    """striprtf's text of ``marked``. A picture given as ``\\bin`` without its length (as
    pandoc writes one) breaks striprtf's skipping of binary data; pictures are never text, so
    the file is read again without the word."""
    try:
        return _text_of(marked)
    except ValueError:
        pass
    try:
        return _text_of(_BINARY.sub("", marked))
    except (ValueError, IndexError, LookupError) as error:  # striprtf on a broken file
        raise DocumentError(path, f"damaged: {error}") from error


def _decoded(data: bytes, codepage: int | None) -> str:
    """RTF is 7-bit text with escapes for everything else; a writer that put raw 8-bit bytes
    in wrote them in the file's code page (``\\ansicpg1251``)."""
    try:
        return data.decode(f"cp{codepage or 1252}", errors="replace")
    except LookupError:  # a code page Python lacks
        return data.decode("cp1252", errors="replace")


def _heading_styles(sheet: str) -> dict[str, int]:
    """The stylesheet's heading styles: style number → level (1 the highest)."""
    levels: dict[str, int] = {}
    for number, body in _STYLE.findall(sheet):
        outline = _STYLE_LEVEL.search(body)
        named = _HEADING_NAME.search(re.sub(r"\\[a-z]+-?\d* ?", " ", body))
        if outline is not None and int(outline.group(1)) < 9:  # 9: "body text"
            levels[number] = int(outline.group(1)) + 1
        elif named is not None and 1 <= int(named.group(1)) <= 9:
            levels[number] = int(named.group(1))
    return levels


def _group(raw: str, opening: re.Pattern[str]) -> str:
    """The braced group ``opening`` starts, braces balanced ("" when the file has none)."""
    return raw[slice(*_group_span(raw, opening))]


def _group_span(raw: str, opening: re.Pattern[str]) -> tuple[int, int]:
    """Where the group :func:`_group` reads starts and ends ((0, 0): none)."""
    found = opening.search(raw)
    if found is None:
        return 0, 0
    depth = 0
    for at in range(found.start(), len(raw)):
        if raw[at] == "{" and raw[at - 1] != "\\":
            depth += 1
        elif raw[at] == "}" and raw[at - 1] != "\\":
            depth -= 1
            if depth == 0:
                return found.start(), at + 1
    return found.start(), len(raw)


def _marked(raw: str, start: int, styles: dict[str, int]) -> str:
    """``raw`` with a mark after each heading's style or outline level, and marks for the
    ends of cells and rows and for paragraphs inside a table, from ``start`` (the stylesheet's
    end: the stylesheet left as it is)."""

    def mark(found: re.Match[str]) -> str:
        level = styles.get(found["n"]) if found["style"] else None
        if found["o"] is not None and int(found["o"]) < 9:
            level = int(found["o"]) + 1
        if level is not None:
            return f"{found.group(0).rstrip()}{{\\uc0\\u{_HEADING + level} }}"
        if found["cell"]:
            return f"{{\\uc0\\u{ord(_CELL)} }}"
        if found["row"]:
            return f"{{\\uc0\\u{ord(_ROW)} }}\\par "
        if found["intbl"]:
            return f"\\intbl{{\\uc0\\u{ord(_IN_TABLE)} }}"
        return found.group(0)

    # "\fldinst {": striprtf then leaves a link's address out, as it does any field's
    # instruction, rather than writing it after the link's text ('github("http://…")')
    body = raw[start:].replace("\\fldinst{", "\\fldinst {")
    body = body.replace(_NESTED_ROW_END, f"{{\\uc0\\u{ord(_ROW)} }}\\par {_NESTED_ROW_END}")
    return raw[:start] + _BODY_WORD.sub(mark, body)


def _units(text: str) -> Iterator[tuple[str, object]]:
    """The text's paragraphs in order: ("text", line), ("heading", (level, line)) or ("row",
    cells). A row is the lines from its first paragraph inside a table to its row mark."""
    text = clean(text)
    row: list[str] = []
    for line in text.split("\n"):
        if _IN_TABLE in line or _CELL in line or row:
            row.append(line)
            if _ROW in line:
                cells = "\n".join(row).replace(_ROW, "").split(_CELL)
                yield "row", [prose(_MARKS.sub("", cell)) for cell in cells]
                row = []
            continue
        level = _LEVEL_MARK.match(line.lstrip())
        words = prose(_MARKS.sub("", line))
        if not words:
            continue
        if level is not None:
            yield "heading", (ord(level.group(0)) - _HEADING, words)
        else:
            yield "text", words
    if row:  # a table never closed: its cells are text
        yield "text", prose(_MARKS.sub(" ", "\n".join(row)))


def _add_units(document: ParsedDocument, units: list[tuple[str, object]]) -> None:
    outline, section = Outline(), None
    rows: list[list[str]] = []
    for kind, unit in [*units, ("end", None)]:
        if kind != "row" and rows:
            document.blocks.extend(table_blocks(rows, section))
            rows = []
        if kind == "row":
            rows.append([cell for cell in unit if cell] if isinstance(unit, list) else [])
        elif kind == "heading" and isinstance(unit, tuple):
            level, words = unit
            if level == 1 and not document.title and not document.blocks:
                document.title = words  # a document's first top heading is its title
                continue
            section = outline.enter(level, words)
        elif kind == "text" and isinstance(unit, str):
            document.add(section, unit)
    outline.finish(document)


def _as_plain_text(
    stated: dict[str, str | None], text: str, units: list[tuple[str, object]], path: Path
) -> ParsedDocument:
    """A file without heading styles or tables, read as a plain-text file: of its paragraphs,
    or, when it was typed as one (a licence's lines ending at the 50th column, a blank line
    between paragraphs), of its lines as written, so the text reader rejoins them."""
    paragraphs = [str(unit) for _, unit in units]
    if not paragraphs:
        raise DocumentError(path, "empty")
    written = clean(_MARKS.sub("", text))
    typed = _is_typed(written)
    body = written if typed else "\n\n".join(paragraphs)
    document = plain.parse(body, fallback_title=fallback_title(path))
    if not document.blocks:  # one paragraph, which the text reader took for a title
        document.blocks = [Block(paragraph) for paragraph in paragraphs]
    document.title = stated.pop("title") or document.title
    document.date = stated.pop("date") or document.date
    document.author = stated.pop("author") or document.author
    return document


# A text typed with line breaks: blank lines between paragraphs, and lines no longer than a
# typewriter's (a paragraph a line runs to hundreds of characters).
_TYPED_LINE = 80


def _is_typed(text: str) -> bool:
    lines = [line for line in text.split("\n") if line.strip()]
    if not lines or "\n\n" not in text.strip():
        return False
    lengths = sorted(len(line) for line in lines)
    return len(lines) >= 4 and lengths[len(lengths) // 2] <= _TYPED_LINE


def _properties(raw: str, codepage: int | None) -> dict[str, str | None]:
    """Title, author and date from the file's information group, when a person filled them."""
    info = _group(raw, _INFO)
    header = f"{{\\rtf1\\ansi\\ansicpg{codepage} " if codepage is not None else "{\\rtf1 "
    fields = {name: _field_text(header, value) for name, value in _INFO_FIELD.findall(info)}
    title = fields.get("title") or ""
    created = _CREATED.search(info)
    date = None
    if created is not None and int(created.group(1)) > 1980:
        year, month, day = (int(part) for part in created.groups())
        date = f"{year:04d}-{month:02d}-{day:02d}" if 1 <= month <= 12 and 1 <= day <= 31 else None
    return {
        "title": title if title and not is_placeholder_title(title) else None,
        "author": author_names(fields.get("author")),
        "date": date,
    }


def _field_text(header: str, value: str) -> str:
    """A property's text, its escapes read in the file's code page ("Caf\\'e9" → "Café";
    "\\'d3\\'f5\\'e2\\'e0\\'eb\\'e0" → "Ухвала" in a file of code page 1251)."""
    return prose(_text_of(header + value + "}"))


def _text_of(rtf: str) -> str:
    """striprtf's plain text of ``rtf``, a letter it cannot decode replaced rather than fatal."""
    return str(rtf_to_text(rtf, errors="replace"))  # type: ignore[no-untyped-call]
