"""The attributes an AsciiDoc site defines for all its pages, outside them: Antora's component
descriptor (``antora.yml``: ``asciidoc: attributes: …``) and ``.asciidoctorconfig`` (the file the
editors' AsciiDoc plugins read, ``:name: value`` lines). A page of Debezium's documentation says
"{prodname}" where its site shows "Debezium"; read alone, the reference stays as written, as
Asciidoctor leaves it, and the product's name was in none of its passages.

Only the folders holding the page and those above it are looked in (the nearest file wins), and
only attribute entries are taken from these files: never text.
"""

from __future__ import annotations

import re
from pathlib import Path

# How many folders up a page's site files may stand: Antora's "docs/antora.yml" is three above
# "docs/modules/ROOT/pages/", and pages stand in folders of their own below that.
_LEVELS = 8
_ENTRY = re.compile(r"^:(?P<name>\w[\w-]*):(?:[ \t]+(?P<value>.*?))?[ \t]*$")
_YAML_KEY = re.compile(r"^(?P<indent>[ ]*)(?P<key>[\w-]+):(?:[ \t]+(?P<value>.*?))?[ \t]*$")
_COMMENT = re.compile(r"\s+#.*$")  # YAML's comment after a value


def site_attributes(path: Path) -> dict[str, str]:
    """The attributes the site files above ``path`` define, names in small letters: the farthest
    first, each nearer one's over them."""
    found: dict[str, str] = {}
    folders = [path.parent, *path.parent.parents][:_LEVELS]
    for folder in reversed(folders):
        for reader, name in ((_antora, "antora.yml"), (_asciidoctorconfig, ".asciidoctorconfig")):
            try:
                text = (folder / name).read_text(encoding="utf-8", errors="replace")
            except OSError:  # none there (or not a file): the usual case
                continue
            found.update(reader(text))
    return {name: value for name, value in found.items() if name not in _PAGES_OWN}


# What says something of one page, never of every page of a site (its header sets these).
_PAGES_OWN = frozenset(
    {"author", "email", "revdate", "revnumber", "description", "keywords", "summary", "doctitle"}
)


def _asciidoctorconfig(text: str) -> dict[str, str]:
    """The ``:name: value`` entries of an ``.asciidoctorconfig`` file."""
    entries = (_ENTRY.match(line) for line in text.splitlines())
    return {m["name"].lower(): _unquoted(m["value"] or "") for m in entries if m is not None}


def _antora(text: str) -> dict[str, str]:
    """The entries under ``asciidoc:`` → ``attributes:`` of an Antora component descriptor, read
    as the simple YAML mapping it is (one ``name: value`` a line); a value of ``false`` or
    ``~`` unsets, as Antora reads it, so it is left out."""
    found: dict[str, str] = {}
    path: list[tuple[int, str]] = []  # the keys open above the line, with their indents
    for line in text.splitlines():
        key = _YAML_KEY.match(line)
        if key is None or line.lstrip().startswith("#"):
            continue
        indent = len(key["indent"])
        while path and path[-1][0] >= indent:
            path.pop()
        if [k for _, k in path] == ["asciidoc", "attributes"] and key["value"] is not None:
            value = _unquoted(key["value"])
            if value not in ("false", "~", "null"):
                found[key["key"].lower()] = value
        path.append((indent, key["key"]))
    return found


def _unquoted(value: str) -> str:
    """A YAML or attribute value without its quotes and the comment after it."""
    value = _COMMENT.sub("", value).strip()
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
        return value[1:-1]
    return value
