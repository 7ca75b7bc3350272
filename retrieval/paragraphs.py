"""Turn a parsed document into passages: one paragraph each, long ones split at sentence ends."""

from __future__ import annotations

import hashlib
import re

from retrieval.documents import ParsedDocument
from retrieval.model import Passage
from retrieval.sentences import sentence_spans

MAX_PASSAGE_CHARS = 1500
_UNSAFE = re.compile(r"[^A-Za-z0-9_]+")


def document_key(file_name: str) -> str:
    """A short key for passage ids: letters, digits and ``_`` only, unique per file name.

    Keys stay short enough that ``p_<key>-<ordinal>`` fits a Telegram deep-link parameter (64).
    """
    stem, _, suffix = file_name.rpartition(".")
    safe = _UNSAFE.sub("_", stem).strip("_")
    if suffix.lower() == "txt" and safe == stem and 0 < len(safe) <= 40:
        return safe  # the common case reads as the file name: "004_ac3189a7eefc069c"
    # Anything else gets a digest of the whole name, so "notes.txt" and "notes.md" differ.
    digest = hashlib.sha1(file_name.encode("utf-8")).hexdigest()[:8]
    return f"{safe[:30]}_{digest}".lstrip("_")


def split_long(text: str, limit: int = MAX_PASSAGE_CHARS) -> list[str]:
    """Split ``text`` at sentence ends into parts of at most ``limit`` characters where possible.

    Parts are balanced (a 2,000-character paragraph becomes two of about 1,000, not 1,500 + 500);
    a single sentence longer than ``limit`` stays whole rather than being cut mid-sentence.
    """
    if len(text) <= limit:
        return [text]
    spans = sentence_spans(text)
    parts_needed = -(-len(text) // limit)
    target = len(text) / parts_needed
    parts: list[str] = []
    start = spans[0][0]
    for i, (_, end) in enumerate(spans):
        last = i == len(spans) - 1
        next_end = spans[i + 1][1] if not last else end
        long_enough = end - start >= target or next_end - start > limit
        if last or long_enough:
            parts.append(text[start:end])
            if not last:
                start = spans[i + 1][0]
    return parts


def passages(document: ParsedDocument, file_name: str) -> list[Passage]:
    """The passages of ``document``, numbered as a reader counts paragraphs."""
    key = document_key(file_name)
    result: list[Passage] = []
    for number, (section, text) in enumerate(document.paragraphs, start=1):
        for part in split_long(text):
            result.append(
                Passage(
                    id=f"{key}-{len(result) + 1}",
                    doc=file_name,
                    title=document.title,
                    section=section,
                    paragraph=number,
                    text=part,
                    ordinal=len(result) + 1,
                )
            )
    return result
