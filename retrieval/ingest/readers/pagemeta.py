"""What a news or blog page's markup says *about* its article rather than in it: the date it was
published, its byline, its tags, the search engines' copy of it, the box of stories it links to.

None of it is a passage a question should be answered with ("Published Monday, November 18,
2019 8:22AM EST", "Tags calendario stock car 2018, stock car brasil, …"); the date and author
are the document's metadata instead. Each rule reads the markup's own word for what an element
is (schema.org's ``itemprop``, the ``rel="tag"`` of a tag link, a class named "publish-date"),
never the words of a page, so any page of the same kind comes out the same.
"""

from __future__ import annotations

import itertools
import re
from typing import Any

import lxml.etree

from retrieval.ingest.dates import find_date, iso_date
from retrieval.ingest.readers.common import prose

Element = Any  # lxml.html.HtmlElement

# Schema.org properties of an article that are facts about it, not its text: its dates, who
# wrote and published it, its keywords and section, its size, its logo. (Not "name",
# "headline" nor "description": a page's title and summary are set so, and are read.)
_META_PROPS = frozenset(
    {
        "datepublished", "datemodified", "datecreated", "uploaddate", "author", "creator",
        "publisher", "keywords", "articlesection", "thumbnailurl", "logo",
        "wordcount", "commentcount", "interactioncount", "copyrightyear", "copyrightholder",
        "inlanguage",
    }
)  # fmt: skip
# Words of class or id names of a box that holds the page's date ("publish-date", "storyDate",
# "footer-publish-date", "post-date", "timestamp").
_DATE_NAMES = frozenset(
    {"date", "dates", "pubdate", "published", "publish", "posted", "updated", "timestamp",
     "dateline", "datetime"}
)  # fmt: skip
# Words of class names of a byline's box, which holds the date beside the author's name
# ("c-byline__item", "entry-meta", "post-meta").
_BYLINE_ONLY = frozenset({"byline", "meta"})
_BYLINE_NAMES = _DATE_NAMES | _BYLINE_ONLY
_NAME_WORDS = re.compile(r"[-_\s:.]+|(?<=[a-z])(?=[A-Z])")
# Metadata is a line, not a story: a box longer than this is read whatever it is named.
_LONGEST = 120
# Outside its tag links, a list of tags holds a label at most ("Tags:", "Filed under").
_TAG_LABEL = 24
_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
# The links of a line of tags: its own ("<p><a rel=tag>"), or in its items or its marks
# ("<ul><li><a rel=tag>", "<strong>Tags<br><a rel=tag>").
_NEAR_LINKS = lxml.etree.XPath("./a[@rel] | ./*/a[@rel]")
# Blocks a browser sets as lines of their own: a byline, a dateline, a paragraph.
_LINES = frozenset(
    {"p", "div", "li", "dd", "dt", "td", "th", "section", "article", "header", "footer", "small",
     "blockquote", "ul", "ol", "dl", "table", "figure", "figcaption", "body", "main", "aside"}
)  # fmt: skip
_CLOCK = re.compile(r"\b\d{1,2}[:h.]\d{2}\b")
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_MONTHS = [m.lower() for m in "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()]
_MONTH_FIRST = re.compile(
    r"\b(?P<month>(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?)"
    r" (?P<day>\d{1,2}),? (?P<year>(?:19|20)\d\d)\b"
)
# Class names of a box of related stories (its heading's class: an id is made of the heading's
# own words, "related-work", "recommendations").
_RELATED = re.compile(r"related|recommend|youmaylike|you-may-like|morestories", re.IGNORECASE)
# A box named as a date holds the dateline when it says little else and is no sentence
# ("Posted by Jane Doe on Monday, November 18, 2019 at 8:22 AM"; not "Updated in 2019: the
# ferry now runs twice a day.").
_DATELINE_WORDS = 14
# The schema.org types whose properties are their own, not the page's article's: a comment's or
# an answer's author and date are not the page's.
_NOT_THE_ARTICLE = re.compile(r"(?:comment|answer|book|product|offer|review)/?$", re.IGNORECASE)
# A table's cell: a date column's "12 May 1921" is the table's text.
_CELLS = ("td", "th")


def is_metadata(element: Element) -> bool:
    """Whether ``element`` holds facts about the article rather than its text: a line of its tag
    links, or a short line (a byline, a dateline) made mostly of its schema.org properties (its
    date, author, publisher, keywords) and of boxes named as its date that hold a date or a time.
    Such a property or box making less than half of the line it stands in is the line's ("the
    law took effect on <time itemprop=…>", a release list's "<span class="date">2024-05-01</span>
    — Released 2.0"), and stays."""
    if not isinstance(element.tag, str) or element.tag in _HEADINGS:
        return False
    if element.tag in _CELLS or any(a.tag in _HEADINGS for a in element.iterancestors()):
        return False  # a table's cell, a heading's part: the page's text
    if _fills_a_cell(element):
        return False
    text = _squeezed(element.text_content())  # (prose's repairs change no length that counts)
    if not text:
        return False
    near = _NEAR_LINKS(element)
    if near and _is_tag_line(element, near, text):
        return not any(True for _ in element.iter(*_HEADINGS))
    if len(text) > _LONGEST or any(True for _ in element.iter(*_HEADINGS)):
        return False
    if element.tag in ("ul", "ol", "dl"):
        # A list is a byline only if each of its items is: a release list's "2024-05-01" and
        # "January 1, 2023: first release" are not, though dates are most of their text.
        items = [c for c in element if isinstance(c.tag, str) and _squeezed(c.text_content())]
        return bool(items) and all(map(is_metadata, items))
    covered = sum(len(_squeezed(e.text_content())) for e in _marked(element))
    if covered * 2 <= len(text):
        return False
    return element.tag in _LINES or len(_line_of(element)) <= 2 * len(text)


def _squeezed(text: str) -> str:
    return " ".join(text.split())


def _line_of(element: Element) -> str:
    """The text of the line an inline ``element`` stands in: with the inline elements and text
    beside it up to the blocks or line breaks before and after."""
    while element.getparent() is not None and element.getparent().tag not in _LINES:
        element = element.getparent()
    pieces = [prose(element.text_content())]
    for sibling in element.itersiblings(preceding=True):
        if _breaks(sibling):
            break
        pieces.append(_shown(sibling))
    parent = element.getparent()
    if parent is not None and element.getprevious() is None:
        pieces.append(parent.text or "")
    pieces.append(element.tail or "")
    for sibling in element.itersiblings():
        if _breaks(sibling):
            break
        pieces.append(_shown(sibling))
    return prose(" ".join(pieces))


def _breaks(sibling: Element) -> bool:
    return sibling.tag in _LINES or sibling.tag in _HEADINGS or sibling.tag == "br"


def _shown(sibling: Element) -> str:
    """An inline sibling's text and the text after it (a comment's or a script's: only what
    follows it)."""
    shown = isinstance(sibling.tag, str) and sibling.tag not in ("script", "style", "template")
    own = sibling.text_content() if shown else ""
    return own + (sibling.tail or "")


def _marked(element: Element) -> list[Element]:
    """The outermost elements in ``element`` (itself included) marked as the article's
    metadata."""
    found: list[Element] = []
    for e in element.iter():
        if not isinstance(e.tag, str) or not (
            e.get("itemprop") or e.get("class") or e.get("id") or e.get("datetime")
        ):
            continue
        prop = set((e.get("itemprop") or "").lower().split())
        meta = prop & _META_PROPS and (of_the_article(e) or not _of_a_named_item(e))
        marked = meta or _dateline(e) or _is_dated_time(e)
        if marked and not any(f in found for f in e.iterancestors()):
            found.append(e)
    return found


def _dateline(element: Element) -> bool:
    """Whether ``element`` is a box named as a date that states one and says little else."""
    if element.tag in _CELLS or not _name_words(element) & _DATE_NAMES or _fills_a_cell(element):
        return False  # a table's date column is its text
    text = element.text_content().strip()
    sentence = text.endswith(".") and not text.lower().endswith(("a.m.", "p.m."))
    return len(text.split()) <= _DATELINE_WORDS and not sentence and _dated(text)


def _is_dated_time(element: Element) -> bool:
    """A ``<time datetime="2025-12-15T15:33Z">``: the date in a form for machines (not a
    table's or a definition list's value: "Signed: 4 June 1920")."""
    dated = element.tag == "time" and iso_date(element.get("datetime")) is not None
    return dated and not _fills_a_cell(element)


def _fills_a_cell(element: Element) -> bool:
    """Whether ``element`` is all of a table's cell or a definition's text (a date column's
    "18 March 1921", "Founded: 1 May 1901"), not a dateline inside a page laid out in a table."""
    cell = next((a for a in element.iterancestors() if a.tag in ("td", "th", "dd", "dt")), None)
    if cell is None:
        return False
    return len(_squeezed(cell.text_content())) <= 2 * len(_squeezed(element.text_content()))


def dateline_time(root: Element) -> str | None:
    """The date of the page's dateline set as a ``<time datetime=…>`` on a line of its own
    (a blog's "<p><i><time datetime=…>15 Dec, 2025</time></i></p>" under its title) or in a
    byline so named ("By Aja Romano Dec 10, 2016, 10:20am EST"), as ISO ``YYYY-MM-DD``: the
    first such above the story's first long paragraph (not a related story's card beside or
    under it), and none in a sentence. A long paragraph above the page's headline (a cookie
    notice) is not the story's."""
    headline = next(root.iter("h1"), None)
    above = headline is not None
    for element in root.iter("time", "p", "h1"):
        above = above and element is not headline
        if element.tag == "p" and len(prose(element.text_content())) > _LONGEST and not above:
            return None
        date = iso_date(element.get("datetime")) if element.tag == "time" else None
        if date and not _of_another_story(element) and _dates_its_line(element):
            return date
    return None


def _dates_its_line(time: Element) -> bool:
    """Whether ``time`` is its line (a dateline), or stands in a short line that it or a box
    around it names as a byline or date ("By Aja Romano Dec 10, 2016, 10:20am EST")."""
    line, own = _line_of(time), prose(time.text_content())
    if line == own:
        return True
    if len(line.split()) > _DATELINE_WORDS or line.endswith("."):
        return False
    boxes = [time, *itertools.takewhile(lambda a: a.tag not in _LINES, time.iterancestors())]
    return any(_name_words(box) & _BYLINE_NAMES for box in boxes)


def _of_another_story(element: Element) -> bool:
    """Whether ``element`` is inside another story's card: an ``<article>`` without the
    page's headline, whose own headline links to that story (a sidebar's "Popular Right Now")."""
    card = next((a for a in element.iterancestors() if a.tag == "article"), None)
    if card is None or any(True for _ in card.iter("h1")):
        return False
    return bool(card.xpath(".//h2//a[@href] | .//h3//a[@href] | .//h4//a[@href]"))


def of_the_article(element: Element) -> bool:
    """Whether a schema.org property is the page's article's, not a comment's, an answer's, a
    listed book's or product's (whose author and date are theirs), nor one of a list of items
    of one type (a page of quotes, each a CreativeWork by its author)."""
    scope = next((a for a in element.iterancestors() if a.get("itemscope") is not None), None)
    if scope is None:
        return True
    if any(True for _ in scope.iter("h1")):
        return True  # the page's headline's item (a review too), whatever cards beside it
    kind = scope.get("itemtype") or ""
    if _NOT_THE_ARTICLE.search(kind):
        return False
    alike = scope.getroottree().getroot().xpath("//*[@itemscope][@itemtype=$kind]", kind=kind)
    return len(alike) <= 1


def _of_a_named_item(element: Element) -> bool:
    """Whether a property belongs to an item that names itself (a book listed with its
    ``name``: "Relativity, Albert Einstein, 1916" is a passage, not a byline); an answer's or a
    comment's author card names a person inside, not the answer."""
    scope = next((a for a in element.iterancestors() if a.get("itemscope") is not None), None)
    if scope is None:
        return False
    return any(
        "name" in (e.get("itemprop") or "").split()
        and next((a for a in e.iterancestors() if a.get("itemscope") is not None), None) is scope
        for e in scope.iter()
        if e is not element
    )


def _name_words(element: Element) -> set[str]:
    names = f"{element.get('class') or ''} {element.get('id') or ''}"
    return {w.lower() for w in _NAME_WORDS.split(names) if w}


def _dated(text: str) -> bool:
    """Whether ``text`` states a date or a time of day: a year or a clock's "8:22"."""
    return bool(_YEAR.search(text) or _CLOCK.search(text) or find_date([text]))


def _is_tag_line(element: Element, links: list[Element], text: str) -> bool:
    """Whether ``element``, a paragraph or a box, is a list of the article's tags: its
    ``links`` (its own, or its items' or marks') marked ``rel="tag"`` (or "category tag", as
    WordPress marks them), and a label beside them at most."""
    if element.tag not in ("p", "div", "ul", "ol", "li", "span", "strong", "section"):
        return False
    tags = [a for a in links if {"tag", "category"} & set(_rel(a))]
    if not tags:
        return False
    rest = len(text) - sum(len(_squeezed(a.text_content())) for a in tags)
    return rest <= _TAG_LABEL + 2 * len(tags)  # the label, and ", " between tags


def _rel(link: Element) -> list[str]:
    return (link.get("rel") or "").lower().split()


def keep_article_body(hidden: Element) -> bool:
    """Strip ``hidden``, a box a browser does not show, to the article body it holds, if any
    (schema.org's ``itemprop="articleBody"``, beside the headline, dates, image size and
    publisher's logo that a news site copies there for search engines); whether it held one.
    Its text is the story when the page draws it with scripts."""
    bodies = hidden.xpath(".//*[@itemprop='articleBody']")
    if not bodies:
        return False
    for child in list(hidden):
        hidden.remove(child)
    hidden.text = None
    hidden.extend(bodies)
    return True


def related_box(heading: Element, total: int) -> Element | None:
    """The box a heading named as the head of related stories ('<h3 class="relatedpoststitle">
    You may like…') heads: its parent, when that holds no ``<h1>`` and either opens with the
    heading or is not most of the page (of ``total`` characters)."""
    # Its class, not its id: a heading's id is made of its own words ("related-work").
    if heading.tag not in _HEADINGS or not _RELATED.search(heading.get("class") or ""):
        return None
    box = heading.getparent()
    if box is None or box.tag in ("body", "html", "main") or any(True for _ in box.iter("h1")):
        return None
    if heading is next((c for c in box if isinstance(c.tag, str)), None):
        return box  # the box opens with it: its title, however long the stories under it
    return box if len(prose(box.text_content())) * 2 <= total else None


def microdata_author(root: Element) -> str | None:
    """The name schema.org microdata gives the article's author, if it gives one."""
    for author in root.xpath("//*[@itemprop='author']"):
        if not of_the_article(author):
            continue  # a listed book's, a comment's
        named = author.xpath(".//*[@itemprop='name']")
        text = prose((named[0] if named else author).text_content())
        if text and len(text) <= 80:
            return text
    return None


def stated_date(root: Element) -> str | None:
    """The date a page's dateline states, as ISO ``YYYY-MM-DD``: the text of its schema.org
    datePublished, else of a short box named as its date ("Published Monday, November 18,
    2019 8:22AM EST")."""
    for element in root.xpath("//*[@itemprop='datePublished']"):
        if not of_the_article(element):
            continue
        date = find_date([prose(element.text_content())])
        if date:
            return date
    for element in root.iter():
        # A dateline of its own, not a date in a line of text ("January 1, 2023: first release").
        if not isinstance(element.tag, str) or _of_another_story(element):
            continue
        if (_dateline(element) and is_metadata(element)) or _byline(element):
            text = prose(element.text_content())
            date = find_date([text]) or _month_first(text)
            if date:
                return date
    return None


def _byline(element: Element) -> bool:
    """Whether ``element`` is a box named as the article's byline or meta line that holds a
    date and little else ("By Bushrod Washington / Published December 21, 2016 at 8:31am" in
    WordPress's "entry-meta")."""
    if not _name_words(element) & _BYLINE_ONLY or element.tag in (*_CELLS, *_HEADINGS):
        return False
    if _fills_a_cell(element) or any(a.tag in _HEADINGS for a in element.iterancestors()):
        return False
    text = prose(element.text_content())
    short = len(text) <= _LONGEST and len(text.split()) <= _DATELINE_WORDS
    return short and not text.endswith(".") and _dated(text)


def is_pop_up_card(element: Element) -> bool:
    """Whether ``element`` is a card a sentence pops up over a name it links ("Rep. <a>Ilhan
    Omar</a>", and hidden after it her photo, her page's link and three headlines of stories
    about her): an inline element inside a paragraph holding a picture and three links, its
    text all theirs; the innermost such (the name the sentence says stays). A browser shows
    it on hover only; read, it broke the sentence with headlines."""
    return _is_card(element) and not any(_is_card(e) for e in element.iterdescendants("span"))


def _is_card(element: Element) -> bool:
    if element.tag != "span" or not any(True for _ in element.iter("img")):
        return False
    links = list(element.iter("a"))
    if len(links) < 3 or not any(a.tag == "p" for a in element.iterancestors()):
        return False
    text = len(prose(element.text_content()))
    return sum(len(prose(a.text_content())) for a in links) >= 0.8 * text


def _month_first(text: str) -> str | None:
    """The date of a dateline written "Dec. 19, 2025" (a month's abbreviation first), which
    :func:`find_date` does not read in running text."""
    found = _MONTH_FIRST.search(text)
    if not found:
        return None
    month = _MONTHS.index(found["month"][:3].lower()) + 1
    return (
        f"{found['year']}-{month:02d}-{int(found['day']):02d}" if int(found["day"]) <= 31 else None
    )
