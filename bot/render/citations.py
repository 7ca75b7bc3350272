"""Where a passage comes from, as a reader checks it: title, section, ¶ number and PDF page.

One plain-text citation serves every surface (Telegram messages, inline results, buttons, the
terminal); each surface escapes or decorates it itself.
"""

from __future__ import annotations

import re

from bot.locales import Strings, en
from bot.render.html import FSI, PDI, shorten
from retrieval.ingest.dates import find_date
from retrieval.ingest.release_names import release
from retrieval.model import SECTION_SEPARATOR, SLIDE_SUFFIXES, Document, Passage

Pages = tuple[int, int] | None  # the first and last page a quote stands on (Hit.pages)
_RIGHT_TO_LEFT = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]")


def apart(name: str) -> str:
    """A title or section in Hebrew, Arabic or Persian isolated (FSI … PDI), so that it reads
    right to left within the citation's line without turning the line round: unset, its
    letters made the whole line right-to-left ("2 ¶ ,السد العالي ,نهر النيل —"). Others as they
    are."""
    return FSI + name + PDI if _RIGHT_TO_LEFT.search(name) else name


def titled(title: str, author: str | None) -> str:
    """A document's title with its author, as a reader cites a book ("Candide (Voltaire)"),
    unless the title names the author already."""
    if not author or author.casefold() in title.casefold():
        return title
    return f"{title} ({author})"


# More names than this, a citation names the first author "et al." ("Ammar et al."), as a paper
# cites another: a paper of 23 authors repeated all of them, four lines, under every quote.
CITED_AUTHORS = 3
_NAMES_APART = re.compile(r"\s*[,;]\s*(?:and\s+)?|\s+and\s+")
# words that lead a surname ("Madeleine van Zuylen", "Charles de Gaulle")
_PARTICLES = frozenset("van von der den de del della di da du le la ter ten bin al".split())


def cited_author(author: str | None) -> str | None:
    """The author as a citation names it: the names as written, or, over
    :data:`CITED_AUTHORS` of them, the first one's surname and "et al." ("Waleed Ammar, Dirk
    Groeneveld, …, Oren Etzioni" → "Ammar et al."). A list whose parts are not each a full name
    ("Smith, J., Jones, K.", surnames and initials apart) is left as written."""
    if not author:
        return author
    names = [name for name in _NAMES_APART.split(author.strip()) if name]
    # The first a person's name (its surname is cited), each a name's length (the properties of
    # a paper may write one in small letters: "oren etzioni")
    if len(names) <= CITED_AUTHORS or not _person(names[0]):
        return author
    if not all(2 <= len(name.split()) <= 5 for name in names):
        return author
    return f"{surname(names[0])} et al."


# Initials ("J", "J.", "И.И.", "J.-P.") and the suffixes after a surname ("Jr.", "III")
_INITIALS = re.compile(r"^(?:[^\W\d_]\.?-?){1,3}$")
_SUFFIXES = frozenset("jr jr. sr sr. ii iii iv".split())


def _person(name: str) -> bool:
    """Whether ``name`` reads as one person's: two to five words, each capitalised, initials or
    a particle ("Ministry of Health" is no person: a list of bodies is left as written)."""
    words = name.split()
    return 2 <= len(words) <= 5 and all(
        w[0].isupper() or w.casefold() in _PARTICLES or w.casefold() in _SUFFIXES for w in words
    )


def surname(name: str) -> str:
    """The family name of a name: its last word, with the particles before it ("Madeleine van
    Zuylen" → "van Zuylen"), a suffix aside ("Martin Luther King Jr." → "King"); the first word
    when the rest are initials ("Smith J", "Иванов И. И.")."""
    words = [w for w in name.split() if w.casefold() not in _SUFFIXES] or name.split()
    if len(words) > 1 and all(_INITIALS.match(w) and w.upper() == w for w in words[1:]):
        return words[0]
    start = len(words) - 1
    while start > 1 and words[start - 1].casefold() in _PARTICLES:
        start -= 1
    return " ".join(words[start:])


def cited_date(document: Document, passage: Passage | None = None) -> str | None:
    """The document's date as a citation of ``passage`` shows it: none when the heading the
    citation names states a date of its own. A CHANGELOG is dated by its newest release, and
    each older release's notes, "mkdocs-material-9.6.12 (2025-04-17) › ¶ 59", were cited
    "· 2026-03-19" too, a date the fix is not of."""
    heading = cited_heading(passage) if passage is not None else None
    if heading and find_date([heading]):
        return None
    return document.date


def cited_heading(passage: Passage) -> str | None:
    """The section as a citation names it: under the nearest heading above it ("Timeouts ›
    Examples", :attr:`Passage.heading`), and under the release further up whose notes it is
    part of ("0.66.0 › 8. Breaking changes › Compatibility changes"): "which version dropped
    …?" was answered by a quote cited without its version."""
    heading = passage.heading
    if heading is None or len(passage.above) < 2:
        return heading
    releases = [above for above in passage.above[:-1] if release(above)]
    return SECTION_SEPARATOR.join([releases[-1], heading]) if releases else heading


def where(passage: Passage, t: Strings = en, pages: Pages = None) -> str:
    """ "¶ 12", "¶ 12, p. 4" or "¶ 12, pp. 4–5": the paragraph a reader counts, and the pages
    when known: ``pages`` when given (a hit's, where its quote stands), else the whole passage's.
    A passage of a long paragraph cut into several says which ("¶ 12, part 2 of 4"): all share
    the ¶, and two quotes both cited "¶ 12" sent a reader looking for the second in vain."""
    paragraph: str = t.PARAGRAPH.format(paragraph=passage.paragraph)
    if passage.part is not None:
        paragraph += str(t.PARAGRAPH_PART.format(part=passage.part[0], parts=passage.part[1]))
    pages = pages or passage.pages
    if pages is None:
        return paragraph
    first, last = pages
    # A presentation's "page" is its slide: "p. 12" sent a reader to the 12th page of a
    # printout; the slide is what they turn to.
    slides = passage.doc.lower().endswith(SLIDE_SUFFIXES)
    if last != first:
        return paragraph + str((t.SLIDES if slides else t.PAGES).format(first=first, last=last))
    return paragraph + str((t.SLIDE if slides else t.PAGE).format(page=first))


def citation(
    passage: Passage,
    t: Strings = en,
    *,
    separator: str = ", ",
    pages: Pages = None,
    limit: int | None = None,
) -> str:
    """Title (with its author, :func:`cited_author`), section (when there is one, under the
    heading above it) and :func:`where`, as plain text. Longer than ``limit``, the section and
    then the title are shortened ("…"): the ¶ and page always stay, as they are what a reader
    looks the quote up by."""
    place = where(passage, t, pages)
    title = " ".join(titled(passage.title, cited_author(passage.author)).split())
    heading = " ".join((cited_heading(passage) or "").split())
    parts = [title, *([heading] if heading else [])]
    whole = separator.join([*map(apart, parts), place])
    if limit is None or len(whole) <= limit:
        return whole
    room = max(limit - len(place) - len(separator) * len(parts), 2 * len(parts))
    if not heading:
        return separator.join([apart(shorten(title, room)), place])
    title_room = min(len(title), max(room - len(heading), room // 2))
    shortened = (shorten(title, title_room), shorten(heading, room - title_room))
    return separator.join([*map(apart, shortened), place])
