"""A code passage shown as a reader expects: its introducing sentence as prose, the code as code.

A code passage is "To send a file, pass ``files``:", a blank line, then the listing
(:attr:`Passage.code_at` says where the listing starts). The excerpt chosen for a question may be
a sentence of the prose, a few lines of the code, or both; whichever it is, the reader sees the
prose (with the matched words marked) and the code beside it — an answer about a listing that
showed only the sentence before it would have dropped what was asked for.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from retrieval.model import Excerpt, Hit, Passage, Segment
from retrieval.sentences import sentence_spans

INTRO_CHARACTERS = 400  # prose shown before a listing when the excerpt is all code
ELLIPSIS = "…"


@dataclass(frozen=True)
class CodeView:
    """What to show of a code passage: the prose (marked runs) and the code from ``code_from``."""

    prose: Excerpt | None  # None: the passage is code only
    code: str  # the listing, exactly as written, from the line the excerpt is about
    skipped_lines: bool  # lines of the listing before ``code`` are left out


def split_code(passage: Passage) -> tuple[str, str]:
    """``(prose, code)`` of a code passage; prose is empty for a passage that is code only."""
    at = passage.code_at or 0
    return passage.text[:at].strip(), passage.text[at:].strip("\n")


def code_view(hit: Hit, budget: int) -> CodeView:
    """The prose and the code of ``hit``'s code passage, ``budget`` characters or so of code
    starting at a line the reader needs: the first one, or the excerpt's when it is far down."""
    passage, at = hit.passage, hit.passage.code_at or 0
    prose, code = split_code(passage)
    start = _excerpt_start(hit)
    intro = _prose_excerpt(hit, start, at) if prose else None
    raw = passage.text[at:]
    offset = start - at - (len(raw) - len(raw.lstrip("\n"))) if start and start > at else 0
    first_line = code.rfind("\n", 0, max(offset, 0)) + 1
    skipped = first_line > 0 and first_line > budget // 2
    return CodeView(intro, code[first_line:] if skipped else code, skipped)


def _excerpt_start(hit: Hit) -> int | None:
    """Where the excerpt starts in the passage's text (None when it can't be told)."""
    body = "".join(segment.text for segment in hit.excerpt.segments)
    found = hit.passage.text.find(body) if body else -1
    return found if found >= 0 else None


def _prose_excerpt(hit: Hit, start: int | None, code_at: int) -> Excerpt:
    """The excerpt's part in the prose, marks kept; the prose's last sentences when the
    excerpt is all in the code."""
    text = hit.passage.text
    if start is not None and start < code_at:
        kept: list[Segment] = []
        cursor = start
        for segment in hit.excerpt.segments:
            room = max(code_at - cursor, 0)
            piece = segment.text[:room]
            cursor += len(segment.text)
            if piece:
                kept.append(Segment(piece, segment.marked))
        trimmed = _rstrip_segments(kept)
        cut_after = bool(text[start + sum(len(s.text) for s in trimmed) : code_at].strip())
        return Excerpt(trimmed, cut_before=hit.excerpt.cut_before, cut_after=cut_after)
    prose = text[:code_at].strip()
    spans = sentence_spans(prose)
    first = len(spans) - 1
    while first > 0 and len(prose) - spans[first - 1][0] <= INTRO_CHARACTERS:
        first -= 1
    begin = spans[first][0] if spans else 0
    return Excerpt((Segment(prose[begin:]),), cut_before=begin > 0)


def _rstrip_segments(segments: list[Segment]) -> tuple[Segment, ...]:
    while segments and not segments[-1].text.strip():
        segments.pop()
    if segments:
        last = segments[-1]
        segments[-1] = Segment(last.text.rstrip(), last.marked)
    return tuple(segments)


def cut_code(code: str, budget: int, measure: Callable[[str], int] = len) -> tuple[str, bool]:
    """``code`` cut at a line end so that ``measure`` of it is at most ``budget`` (a first line
    longer than that is cut inside); True when something was left out."""
    if measure(code) <= budget:
        return code, False
    kept: list[str] = []
    used = 0
    for line in code.split("\n"):
        size = measure(line) + (1 if kept else 0)
        if used + size > budget:
            break
        kept.append(line)
        used += size
    if not kept:  # one enormous line: cut it between characters
        line = code.split("\n", 1)[0]
        while line and measure(line) > budget:
            line = line[: min(len(line) * budget // max(measure(line), 1), len(line) - 1)]
        kept = [line] if line else []
    return "\n".join(kept).rstrip(), True
