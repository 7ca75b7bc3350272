"""``manifest.toml``: titles, dates, sources and authors for the corpus's files, and example
questions; and every mistake in it, said so an admin can fix it.

```toml
examples = ["What is the Belt and Road initiative?"]

["004_ac3189a7eefc069c.txt"]
title = "China's National Defense in 2004, chapter IX"
date = "2004-12-27"
source = "Information Office of the State Council"
author = "Information Office of the State Council"
```

A mistake never stops a refresh nor costs the corpus what it has: a value that can't be used
(a date that is no date, a key no one reads, an entry for a file that does not exist) is left
out and named in :attr:`Manifest.problems` ("line 4: date 'last spring' is not a date (use
2024-05-01)"); a file that is not TOML at all is :attr:`Manifest.broken`, and the documents
keep the titles, dates and sources they had until it is fixed.
"""

from __future__ import annotations

import datetime
import difflib
import re
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from retrieval.ingest.dates import iso_date

MANIFEST = "manifest.toml"
CLOSE_LOOKED_FOR = 10  # stale entries a close name is looked for, by likeness
KEYS = ("title", "date", "source", "author")  # what a file's entry may say
EXAMPLES = "examples"  # the one key of the top level
_ISO = re.compile(r"(?P<y>\d{4})(?:-(?P<m>\d{2})(?:-(?P<d>\d{2}))?)?")
_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
_MONTHS += "|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec"
_Lines = dict[tuple[Any, ...], int]
_MONTH_YEAR = re.compile(rf"(?i)(?:{_MONTHS})\.? \d{{4}}")
_ERROR_AT = re.compile(r"\s*\(at (?:line (?P<line>\d+), column (?P<column>\d+)|end of document)\)$")
_BARE_HEADER = re.compile(r"\s*\[\s*([^\s\"'\[\]][^\"'\[\]]*?)\s*\]\s*(?:#.*)?")
_BARE_VALUE = re.compile(
    r"\s*(\w+)\s*=\s*(?!(?:true|false|inf|nan)\s*(?:#|$))([^\s\"'\[{\d#+-][^#]*?)\s*(?:#.*)?"
)
_HEADER = re.compile(r"\s*(\[\[.*\]\]|\[.*\])\s*(?:#.*)?")
_PART = r"""(?:[A-Za-z0-9_-]+|"[^"]*"|'[^']*')"""
_KEY = re.compile(rf"\s*({_PART}(?:\s*\.\s*{_PART})*)\s*=")


@dataclass
class Manifest:
    """What ``manifest.toml`` says: an entry of ``KEYS`` per file name, example questions, and
    what is wrong with it (each problem a sentence, led by its line where one is known)."""

    entries: dict[str, dict[str, str]] = field(default_factory=dict)
    examples: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    broken: bool = False  # not TOML, or not readable: nothing in it could be used
    why: str = ""  # why it is broken, alone (its problem says what the documents keep too)
    lines: _Lines = field(default_factory=dict, repr=False)  # where things are written (_lines)

    def check_files(self, names: Iterable[str]) -> None:
        """Name each entry for a file that is not in the corpus (``names``), with the name
        meant where one is close ("did you mean 'advanced/proxies.md'?")."""
        present = set(names)
        by_name: dict[str, str] = {}  # a file's name, any case, → its first id, in order
        for known in sorted(present):
            by_name.setdefault(known.rsplit("/", 1)[-1].casefold(), known)
        missed = 0
        for name in list(self.entries):
            if name in present:
                continue
            del self.entries[name]
            missed += 1
            # Only the first few are looked for by likeness (a report shows no more): 300
            # stale entries against 3,000 files took 28 s, at every reload.
            near = []
            if missed <= CLOSE_LOOKED_FOR:
                near = difflib.get_close_matches(name, present, n=1, cutoff=0.6)
            same = by_name.get(name.rsplit("/", 1)[-1].casefold())
            near += [same] if same else []
            hint = f" (did you mean '{near[-1]}'?)" if near else ""
            said = f"'{name}' is listed but no such file{hint}"
            self.problems.append(_at(self.lines, (name,), said))


def read(folder: Path, files: Iterable[str] | None = None) -> Manifest:
    """The manifest of ``folder`` (an empty one when there is none). With ``files``, the
    corpus's document ids, an entry for any other file is reported and left out."""
    path = folder / MANIFEST
    if not path.is_file():
        return Manifest()
    try:
        data = path.read_bytes()
    except OSError as error:
        return _broken(f"it cannot be read ({error.strerror or error})")
    return parse(data, files)


def parse(data: bytes, files: Iterable[str] | None = None) -> Manifest:
    """A manifest from its bytes (an uploaded one, before it replaces the folder's), as
    :func:`read` reads the folder's; ``files`` as there."""
    try:
        text = data.decode("utf-8-sig")  # Notepad starts UTF-8 with a BOM
    except UnicodeDecodeError:
        return _broken("it is not UTF-8 text: save it as UTF-8")
    try:
        tables = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        return _broken(_syntax(str(error), text.splitlines()))
    written = _written(text)
    lines = written.lines
    manifest = Manifest(lines=lines)
    for key, value in tables.items():
        if isinstance(value, dict):
            _entry(manifest, key, value, written)
        elif key == EXAMPLES:
            _examples(manifest, value, lines)
        else:
            manifest.problems.append(_at(lines, ((), key), _stray(key, value)))
    if files is not None:
        manifest.check_files(files)
    manifest.problems.sort(key=_line_of)
    return manifest


def _line_of(problem: str) -> int:
    """The line a problem is on, for listing them in order (one without a line last)."""
    found = re.match(r"line (\d+):", problem)
    return int(found[1]) if found else 1 << 30


def _broken(why: str) -> Manifest:
    kept = "until it is fixed, the documents keep the titles, dates and sources they had"
    return Manifest(problems=[f"{why}; {kept}"], broken=True, why=why)


def _syntax(message: str, text: list[str]) -> str:
    """A TOML syntax error as a sentence with its line, and the fix of the two usual slips:
    a file name without quotes in a table's brackets, text without quotes."""
    found = _ERROR_AT.search(message)
    what = message[: found.start()] if found else message
    what = what[:1].lower() + what[1:]
    what = re.sub(r"\('([^']*)',\)", r'["\1"]', what)  # ('a.txt',) as it is written: ["a.txt"]
    line = int(found["line"]) if found and found["line"] else 0
    said = f"line {line}: not valid TOML ({what})" if line else f"not valid TOML ({what})"
    written = text[line - 1] if 0 < line <= len(text) else ""
    header, value = _BARE_HEADER.fullmatch(written), _BARE_VALUE.fullmatch(written)
    if header:
        said += f': put the file name in quotes, ["{header[1]}"]'
    elif value:
        said += f': put the text in quotes, {value[1]} = "{value[2]}"'
    return said


def _entry(manifest: Manifest, name: str, entry: dict[str, Any], written: _Written) -> None:
    """One file's table: the values that can be used, a problem for each that cannot."""
    lines = written.lines
    tables = {key: value for key, value in entry.items() if written.split(name, key, value)}
    for dotted in _dotted(name, tables) if tables else ():
        # [alpha.txt] is the table "txt" inside the table "alpha": the name needs quotes.
        fix = f'put the file name in quotes: ["{dotted}"]'
        manifest.problems.append(_at(lines, tuple(dotted.split(".")), fix))
    if tables and len(tables) == len(entry) and (name,) not in written.whole:
        return  # no entry of its own ("alpha" above)
    kept: dict[str, str] = {}
    for key, value in entry.items():
        if key in tables:
            continue
        where = ((name,), key)
        if key not in KEYS:
            manifest.problems.append(_at(lines, where, _unused(name, key, value)))
        elif isinstance(value, dict | list):
            manifest.problems.append(_at(lines, where, f'{key} should be text: {key} = "…"'))
        elif key == "date":
            date = _date(value)
            if date is None:
                said = f"date '{value}' is not a date (use 2024-05-01, or 2024-05, or 2024)"
                manifest.problems.append(_at(lines, where, said))
            else:
                kept[key] = date
        elif isinstance(value, str | int | float):
            kept[key] = str(value)
        else:
            manifest.problems.append(_at(lines, where, f'{key} should be text: {key} = "…"'))
    manifest.entries[name] = kept


def _unused(name: str, key: str, value: object) -> str:
    """What is wrong with ``key`` in the table of the file ``name``, a key no one reads; a
    dotted key (``meta.title = …``) or an inline table (``meta = {title = …}``) named whole."""
    while isinstance(value, dict) and len(value) == 1:
        inner, value = next(iter(value.items()))
        key = f"{key}.{inner}"
    near = difflib.get_close_matches(key.rsplit(".", 1)[-1], KEYS, n=1, cutoff=0.8)
    near = near or difflib.get_close_matches(key, KEYS, n=1)
    meant = f"did you mean '{near[0]}'? " if near else ""
    return f"'{key}' of '{name}' is not used ({meant}a file can have {', '.join(KEYS)})"


def _dotted(name: str, table: dict[str, Any]) -> list[str]:
    """The dotted names a bare ``[a.b.c]`` header made into nested tables."""
    inner = [(f"{name}.{key}", value) for key, value in table.items() if isinstance(value, dict)]
    return [dotted for key, value in inner for dotted in (_dotted(key, value) or [key])] or [name]


def _date(value: object) -> str | None:
    """The date as written when it is one ("2004", "2004-12", "2004-12-27", "27 December 2004",
    "December 2004", a TOML date); None for anything else ("last spring", "2004-13")."""
    if isinstance(value, datetime.datetime):
        return value.date().isoformat()
    if isinstance(value, datetime.date):
        return value.isoformat()
    text = str(value).strip()
    if isinstance(value, bool) or not text:
        return None
    iso = _ISO.fullmatch(text)
    if iso:
        return text if _is_day(f"{iso['y']}-{iso['m'] or '01'}-{iso['d'] or '01'}") else None
    if _MONTH_YEAR.fullmatch(text):
        return text
    written = iso_date(text)  # "27 December 2004": a day of its month, not "31 February"
    return text if written and _is_day(written) else None


def _is_day(iso: str) -> bool:
    """Whether ``iso`` ("2004-02-30") is a day of the calendar."""
    try:
        datetime.date.fromisoformat(iso)
    except ValueError:
        return False
    return True


def _examples(manifest: Manifest, value: object, lines: _Lines) -> None:
    if isinstance(value, list) and all(isinstance(item, str) for item in value):
        manifest.examples = list(value)
        return
    said = 'examples should be a list of questions: examples = ["…", "…"]'
    manifest.problems.append(_at(lines, ((), EXAMPLES), said))


def _stray(key: str, value: object) -> str:
    """What a top-level value other than ``examples`` is taken for."""
    if key in KEYS:
        return f"'{key}' is outside any file's table: put it under the file's name, [\"name.txt\"]"
    if isinstance(value, list) and value and all(isinstance(v, dict) for v in value):
        return f'[[{key}]] has double brackets: a file\'s table has one pair, ["{key}"]'
    if isinstance(value, str) and "." in key:
        return f'\'{key}\' should be a table: ["{key}"] and title = "{value}" on the next line'
    return f"'{key}' is not used (a file's entry is a table: [\"name.txt\"])"


# ------------------------------------------------------------------ where each thing is written


def _at(lines: _Lines, where: tuple[Any, ...], said: str) -> str:
    """``said`` led by the line ``where`` (a table's path, or (table path, key)) is on."""
    line = lines.get(where) or (lines.get(where[0]) if isinstance(where[0], tuple) else None)
    return f"line {line}: {said}" if line else said


@dataclass
class _Written:
    """How the tables of the manifest are written (:func:`_written`)."""

    lines: _Lines  # the line each table header and each key is on
    headers: set[tuple[str, ...]]  # the tables written as a [header]
    whole: set[tuple[str, ...]]  # the tables named whole: by a [header] or a key with no dots

    def split(self, name: str, key: str, value: object) -> bool:
        """Whether the table ``key`` in the table ``name`` is a file's name split at its dots
        (``[alpha.txt]``, ``alpha.txt.title = …``) rather than a key of the file's table."""
        if not isinstance(value, dict):
            return False
        made = any(header[:2] == (name, key) for header in self.headers)
        return made or (name,) not in self.whole


def _written(text: str) -> _Written:
    """Where each table header and each key is: ``("a.txt",)`` → 3, ``(("a.txt",), "date")``
    → 5; a key of the top level is ``((), key)``; a dotted key's tables are where it is. Found
    by reading line by line, each header and key parsed as TOML, so quoting and dots mean what
    they mean to tomllib."""
    found = _Written({}, set(), set())
    table: tuple[str, ...] = ()
    for number, line in enumerate(text.splitlines(), 1):
        header, key = _HEADER.fullmatch(line), _KEY.match(line)
        if header:
            table = _path(header[1]) or ()
            found.lines.setdefault(table, number)
            found.headers.add(table)
            found.whole.add(table)
            if table:  # a table is a key of the one around it too
                found.lines.setdefault((table[:-1], table[-1]), number)
        elif key:
            parsed = _path(f"{key[1]} = 0")
            if parsed:
                found.lines.setdefault((table, parsed[0]), number)
                for end in range(1, len(parsed) + 1):  # an inline table's name, a dotted key's
                    found.lines.setdefault((*table, *parsed[:end]), number)
                if len(parsed) == 1:
                    found.whole.add((*table, parsed[0]))
    return found


def _path(toml: str) -> tuple[str, ...] | None:
    """The keys leading to the innermost value of a one-line TOML text."""
    try:
        data: Any = tomllib.loads(toml)
    except tomllib.TOMLDecodeError:
        return None
    path: list[str] = []
    while isinstance(data, dict) and len(data) == 1:
        key = next(iter(data))
        path.append(key)
        data = data[key]
    return tuple(path)
