"""The values the library hands out: documents, passages, excerpts, hits and answers.

All are frozen dataclasses so they can be shared between threads (the bot searches off the event
loop) and compared in tests.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Literal

Outcome = Literal["answered", "hedged", "declined"]
# Between a section's heading and the headings above it: "Timeouts › Examples".
SECTION_SEPARATOR = " › "
# PowerPoint's packages (a presentation, a show, a template, one with macros): a document of
# these suffixes has slides where others have pages, and a citation names the slide.
SLIDE_SUFFIXES = (".pptx", ".ppsx", ".potx", ".pptm")


# Where a text runs on over a page break: (solid characters before the new page, the page).
Turns = tuple[tuple[int, int], ...]


def document_key_of(passage_id: str) -> str:
    """The document key a passage id begins with: ids are "<document key>-<ordinal>"."""
    return passage_id.rsplit("-", 1)[0]


def solid_length(text: str) -> int:
    """How many characters of ``text`` are not white space: a position in a text that stays put
    when lines are joined, runs of spaces squeezed or the text stripped (see ``Passage.turns``)."""
    return len("".join(text.split()))


def page_at(page: int | None, turns: Turns, solid: int) -> int | None:
    """The page ``solid`` characters into a text that starts on ``page`` and turns at ``turns``
    stands on (the first character after a turn is on the new page)."""
    for at, later in turns:
        if at > solid:
            break
        page = later
    return page


@dataclass(frozen=True)
class Document:
    """One source file of the corpus."""

    doc: (
        str  # path inside the corpus folder, e.g. "004_ac3189a7eefc069c.txt", "advanced/proxies.md"
    )
    key: str  # short stable key used in passage ids (letters, digits, "_")
    title: str
    date: str | None = None  # as written in the manifest or detected in the page header
    source: str | None = None
    paragraphs: int = 0
    sha256: str = ""
    author: str | None = None  # as the manifest or the file says it ("Author: José Rizal")


@dataclass(frozen=True)
class Passage:
    """One citable paragraph (or one part of a very long paragraph)."""

    id: str  # "<doc key>-<ordinal>", stable while the document's text is unchanged
    doc: str
    title: str  # the document's title
    section: str | None  # the heading the paragraph stands under, if any
    paragraph: int  # 1-based paragraph number within the document, as a reader counts them
    text: str  # the passage as written (cleaned of junk and odd spaces, not folded)
    ordinal: int = 0  # 1-based position of the passage within the document
    page: int | None = None  # 1-based page of the file it starts on (PDF), not the printed number
    kind: str = "text"  # "text", "code" (quoted as code) or "table" (a row of cells)
    code_at: int | None = None  # where the code starts in ``text``, after its introducing sentence
    lang: str = "en"  # the language it is written in (ISO 639-1), detected when it was indexed
    turns: Turns = ()  # where it runs on over a page break (PDF)
    # The headings above ``section``, outermost first: ("Timeouts",) for an "Examples" under
    # "Timeouts"; empty for a section at the top. Kept apart, as a heading may hold " › " itself.
    above: tuple[str, ...] = ()
    author: str | None = None  # the document's author, when the manifest or the file names one
    # The document's search keywords (front matter's keywords, tags, description), which the
    # index reads with its title and the judge counts as its headings do; never quoted.
    keywords: str | None = None
    # Which part of its paragraph it is, (k, n), when a long paragraph was cut into n passages:
    # all share the paragraph's ¶, and a reader given "¶ 1" for two quotes found only one.
    part: tuple[int, int] | None = None

    @property
    def heading(self) -> str | None:
        """The section as citations name it: under the nearest heading above it, when there is
        one ("Timeouts › Examples"); those further up are left out, to keep citations short."""
        if self.section is None or not self.above:
            return self.section
        return self.above[-1] + SECTION_SEPARATOR + self.section

    def page_at(self, offset: int) -> int | None:
        """The page that character ``offset`` of ``text`` stands on."""
        return page_at(self.page, self.turns, solid_length(self.text[:offset]))

    @property
    def pages(self) -> tuple[int, int] | None:
        """The pages the whole passage stands on, first and last (PDF)."""
        if self.page is None:
            return None
        return self.page, self.turns[-1][1] if self.turns else self.page

    def part_field(self) -> dict[str, list[int]]:
        """``{"part": [k, n]}`` for part k of a long paragraph cut into n passages (cited "¶ 3,
        part 2 of 4"), else nothing: most passages are a paragraph whole. For JSON output."""
        return {"part": list(self.part)} if self.part else {}


@dataclass(frozen=True)
class Segment:
    """A run of excerpt text; ``marked`` runs are words that matched the question."""

    text: str
    marked: bool = False


def _as_is(text: str) -> str:
    return text


@dataclass(frozen=True)
class Excerpt:
    """The 1 to 3 consecutive sentences of a passage that best answer a question."""

    segments: tuple[Segment, ...]
    cut_before: bool = False  # sentences of the passage were left out before the excerpt
    cut_after: bool = False
    start: int | None = None  # where it starts in the passage's text, when cut from one

    def render(
        self,
        mark: Callable[[str], str] = _as_is,
        escape: Callable[[str], str] = _as_is,
        ellipsis: str = "…",
    ) -> str:
        """Join the segments, escaping every run and wrapping matched runs with ``mark``."""
        if mark is _as_is and escape is _as_is:  # plain: every candidate's, every question
            body = "".join([s.text for s in self.segments])
        else:
            body = "".join(
                mark(escape(s.text)) if s.marked else escape(s.text) for s in self.segments
            )
        return (
            (ellipsis + " " if self.cut_before else "")
            + body
            + (" " + ellipsis if self.cut_after else "")
        )

    @property
    def plain(self) -> str:
        """The excerpt as plain text, with "…" where the passage was cut."""
        return self.render()


@dataclass(frozen=True)
class Hit:
    """A passage ranked for a question, with the excerpt that answers it."""

    passage: Passage
    score: float
    excerpt: Excerpt
    rank: int  # 1-based rank in the full result list

    @property
    def pages(self) -> tuple[int, int] | None:
        """The pages the excerpt starts and ends on (PDF): where a reader finds the quoted
        words, which may be after the page the passage starts on, or run over a page break."""
        if self.passage.page is None or not self.passage.turns:
            return self.passage.pages
        quoted = "".join(segment.text for segment in self.excerpt.segments)
        start = self.excerpt.start
        if start is None:  # an excerpt made otherwise: its first occurrence
            start = max(self.passage.text.find(quoted), 0)
        first = self.passage.page_at(start)
        last = self.passage.page_at(start + len(quoted.rstrip()) - 1)
        return (first, last) if first and last else None

    @property
    def page(self) -> int | None:
        """The page the excerpt starts on (PDF)."""
        pages = self.pages
        return pages[0] if pages else None


@dataclass(frozen=True)
class Answer:
    """What the library says to a question: ranked hits, and whether they answer it."""

    question: str  # as the user asked it
    query: str  # what was searched, follow-up context included, for display ("Searched: …")
    hits: tuple[Hit, ...]
    answered: bool  # False: nothing matched well enough; ``hits`` are only the closest passages
    confidence: float  # 0..1, how sure the best passage answers (see retrieval.search.rank)
    total: int = 0  # how many passages matched at all (for "more results")
    terms: tuple[str, ...] = field(default=())  # the analyzed terms that were searched
    # "answered"; "hedged": the best match is shown but may not answer fully (say so);
    # "declined": nothing plausibly matches, ``hits`` are only the closest passages.
    outcome: Outcome = "answered"
    language: str = "en"  # the question's language
    corpus_languages: tuple[str, ...] = ()  # the languages the documents are written in
    earlier: tuple[str, ...] = ()  # the earlier questions a follow-up was searched with

    @property
    def foreign(self) -> bool:
        """Asked in a language none of the documents is written in (say which they are)."""
        return bool(self.corpus_languages) and self.language not in self.corpus_languages

    def __post_init__(self) -> None:
        if not self.answered and self.outcome == "answered":  # built with answered=False only
            object.__setattr__(self, "outcome", "declined")


@dataclass(frozen=True)
class SkippedFile:
    """A corpus file that was not indexed, and why (or, in :attr:`ReindexReport.partial`, a
    file of which some was not)."""

    doc: str
    reason: str


@dataclass(frozen=True)
class ReindexReport:
    """What a rebuild of the corpus changed."""

    added: tuple[str, ...] = ()
    changed: tuple[str, ...] = ()
    removed: tuple[str, ...] = ()
    unchanged: tuple[str, ...] = ()
    skipped: tuple[SkippedFile, ...] = ()
    paragraphs_before: int = 0
    # Of ``skipped``, the files whose earlier version is still served (added, changed, unchanged
    # and these are every document served); the others are not indexed at all.
    kept: tuple[str, ...] = ()
    paragraphs_after: int = 0
    seconds: float = 0.0
    # What is wrong in ``manifest.toml``, a sentence each led by its line where one is known
    # ("line 4: date 'last spring' is not a date …"); the files go ahead without it.
    manifest_problems: tuple[str, ...] = ()
    # Of ``removed`` and ``added``, the documents moved or renamed with their content unchanged:
    # (old name, new name).
    renamed: tuple[tuple[str, str], ...] = ()
    # Of ``changed`` and ``unchanged``, the files kept at their last good version before that
    # are readable again.
    recovered: tuple[str, ...] = ()
    # Of ``changed``, the documents read again only because quotebot reads their format
    # differently now (a new PARSER_VERSION): file and manifest entry as they were.
    reread: tuple[str, ...] = ()
    # Of the documents served, those read only in part, each with what was not read and why
    # ("pages 2–22 not read: their fonts have no Unicode mapping — needs OCR").
    partial: tuple[SkippedFile, ...] = ()

    @property
    def changed_anything(self) -> bool:
        return bool(self.added or self.changed or self.removed)
