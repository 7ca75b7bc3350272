"""The title, authors and date a Markdown page states in fields at its top.

A collection of paper notes opens each note with the same heading, then the paper's fields:
"# Paper", "* **Title**: Adam: A Method for Stochastic Optimization", "* **Authors**: Diederik
Kingma, Jimmy Ba", "* **Year**: 2015" (aleju/papers). Titled by the heading, a hundred notes
were all "Paper", and every citation named "Paper". The fields say what the note is about: its
title is the "Title" field's, its author the "Authors" field's, its date the "Date" or "Year"
field's. The fields stay as text (a question on who wrote the paper is answered by them).

Only a run of at least :data:`FEWEST_FIELDS` such fields opening the page counts, one of them
the title, each a short value that is no sentence: a page documenting the keys of a form
("Title: the title of the page.") states no title of its own.
"""

from __future__ import annotations

import re

from retrieval.ingest.dates import iso_date
from retrieval.ingest.parsed import Block, ParsedDocument
from retrieval.ingest.readers.common import stated_author

FEWEST_FIELDS = 3  # "Title" and two more: fewer are a line or two of text
VALUE_WORDS = 30  # a longer value is a paragraph, not a field
# "Title: Adam: A Method …": a capitalised key of a word or two, then its value.
_FIELD = re.compile(r"^(?P<key>[A-Z][A-Za-z]*(?: [A-Za-z]+)?):\s+(?P<value>\S.*)$")
_YEAR = re.compile(r"^(?:1[5-9]|20)\d\d$")
_AUTHOR_KEYS = ("authors", "author", "by")
_DATE_KEYS = ("date", "published", "year")


def opening_fields(blocks: list[Block]) -> dict[str, str]:
    """The fields (keys in lower case) of the run of one-line "Key: value" paragraphs opening
    ``blocks``, under one heading; none when they are fewer than :data:`FEWEST_FIELDS`, or
    none of them is the title."""
    found: dict[str, str] = {}
    for block in blocks:
        field = _FIELD.match(block.text) if block.kind == "text" and not block.code else None
        if field is None or "\n" in block.text or block.section != blocks[0].section:
            break
        value = field["value"].strip()
        if len(value.split()) > VALUE_WORDS or value.endswith((".", ";")):
            break
        found.setdefault(field["key"].lower(), value)
    if len(found) < FEWEST_FIELDS or not found.get("title"):
        return {}
    return found


def stated(document: ParsedDocument) -> None:
    """Give ``document`` the title, author and date its opening fields state, where they do."""
    found = opening_fields(document.blocks)
    if not found:
        return
    document.title = found["title"]
    author = next((found[key] for key in _AUTHOR_KEYS if found.get(key)), None)
    document.author = document.author or stated_author(author)
    if document.date is None:
        written = next((found[key] for key in _DATE_KEYS if found.get(key)), "")
        document.date = written if _YEAR.match(written) else iso_date(written) if written else None
