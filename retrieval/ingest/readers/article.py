"""Where a web page's story is, inside the box its markup gives (``<main>``, ``role=main``, one
``<article>``) or, when it gives none, the whole ``<body>``.

Every paragraph of running text (25 characters at least) scores the boxes around it: one point,
one a comma, one a hundred characters (three at most); its box gets the whole score, the box
around that half, the ones further out less (as Readability scores them). A box's score is then
cut by the share of its text that is link text, and the best box is the story (or a box around
it that scores better still). Boxes beside it under the same parent that score near it, are of
its kind, or read as prose are part of the story too (a story split into an intro and a body
box, a documentation chapter's sections); the rest beside it (related stories, share buttons,
bylines, sidebars, newsletter boxes) is not read. A manual's page is not narrowed at all (see
``html._is_manual``)."""

from __future__ import annotations

import re
from typing import Any

from retrieval.ingest.readers.common import prose

Element = Any  # lxml.html.HtmlElement

_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
# Blocks whose text is a paragraph inside a box: they score the boxes around them.
_PARAGRAPHS = frozenset({"p", "pre", "td"}) | _HEADINGS
# Boxes whose loose text (set with <br>, without <p>) is a paragraph of their own.
_BOXES = frozenset({"div", "section", "article", "main", "center", "body"})
_BLOCKS = _PARAGRAPHS | _BOXES | {"ul", "ol", "li", "dl", "table", "blockquote", "figure", "aside"}
_PARTS = frozenset({"tr", "td", "th", "tbody", "thead", "tfoot", "li", "dt", "dd"})
_SHORTEST = 25  # characters of running text a paragraph has at least
_LAYOUT = re.compile(r"(?:grid|col|row|container|wrap|column|span|flex|layout|clearfix)", re.I)
_POST = 100  # characters of the longest paragraph of most posts of a thread (not teasers)
_DEPTH = 5  # how many boxes out a paragraph scores
_COMMAS = re.compile("[,،、，]")
_SENTENCE_END = re.compile(r"[.!?。！？]\s|[.!?。！？]$")


def story_box(body: Element, marked: bool = False) -> Element:
    """The box of ``body`` holding the story, the boxes beside it that are not the story's
    removed; ``body`` itself when no box holds much running text, or when ``body`` is where the
    markup says the content is (``marked``: a ``<main>``, an ``<article>``) and the story found
    in it would leave out half its text (a page of tables, each a few rows, between paragraphs).
    """
    scores = _scores(body)
    if not scores:
        return body
    best = _best(body, _damped(scores))
    posts = _thread(best, body)
    best = posts[0] if posts else best
    parent = best.getparent()
    if best is body or parent is None:
        return best
    siblings = [s for s in parent if isinstance(s.tag, str)]
    found = _kept(siblings, best, scores)
    # (the story measured without the thread's other posts: a question's page is more than
    # its answers)
    if marked and sum(_length(s) for s, k in zip(siblings, found, strict=True) if k) * 2 < _length(
        body
    ):
        return body
    kept = [keep or s in posts for s, keep in zip(siblings, found, strict=True)]
    story = [s for s, keep in zip(siblings, kept, strict=True) if keep]
    if len(story) == 1:
        return best
    for sibling, keep in zip(siblings, kept, strict=True):
        if not keep:
            sibling.drop_tree()
    return parent


def story_score(body: Element) -> float:
    """The score of the best box in ``body``: 5 and more is a story's (two long paragraphs)."""
    return max(_damped(_scores(body)).values(), default=0.0)


def _damped(scores: dict[Element, float]) -> dict[Element, float]:
    """Each box's score less the share of its text that is links."""
    return {box: score * (1 - link_density(box)) for box, score in scores.items()}


def _best(body: Element, scores: dict[Element, float]) -> Element:
    """The box scoring best, or a box around it scoring better than the boxes between (a
    documentation page's section, around its definitions that score best one by one, as
    Readability climbs); a table's or a list's parts are read whole, and so is a box's only
    content."""
    best = max(scores, key=lambda box: scores[box])
    last, floor = scores[best], scores[best] / 3
    for box in best.iterancestors():
        score = scores.get(box, 0.0)
        if box is body or (box in scores and score < floor):
            break
        if score > last:
            best = box
            break
        last = score if box in scores else last
    while best is not body and (_only_child(best) or best.tag in _PARTS):
        best = best.getparent()
    return best


def _thread(best: Element, body: Element) -> list[Element]:
    """The posts of the thread ``best`` is in (none if it is in none), the one holding ``best``
    first: a forum's post among boxes of the same kind ('<div class="blockpost rowodd">',
    '<div class="blockpost roweven">'), laid out alike, each with a paragraph of running text,
    the thread not mostly links. Each post of a thread is the page, not only the longest (the
    question, without the replies that answer it). Most posts hold a paragraph of 100
    characters, which a list of related stories' teasers does not."""
    for box in [best, *best.iterancestors()][: _DEPTH + 2]:
        parent = box.getparent()
        if box is body or parent is None or parent is body:
            return []
        kind = (box.get("class") or "").split()[:1]
        if not kind or _LAYOUT.match(kind[0]):
            continue  # "grid-x", "col-xs-12": a page's columns, each of them a box of its own
        posts = [
            s for s in parent if s.tag == box.tag and (s.get("class") or "").split()[:1] == kind
        ]
        if len(posts) < 2 or not all(_longest(post) >= _SHORTEST for post in posts):
            continue
        if len({_template(post) for post in posts}) > 1:
            continue  # a story's boxes of text, each laid out its own way
        long = sum(_longest(post) >= _POST for post in posts)
        if link_density(parent) < 0.5 and long * 2 >= len(posts):
            return [box, *(post for post in posts if post is not box)]
    return []


def _template(post: Element) -> tuple[tuple[str, str], ...]:
    """How a post's first two boxes are laid out: a forum's posts come from one template (a
    heading and a box of the author's card and message, in each)."""
    children = [c for c in post if isinstance(c.tag, str)][:2]
    return tuple((c.tag, next(iter((c.get("class") or "").split()), "")) for c in children)


def _longest(box: Element) -> int:
    """The length of ``box``'s longest paragraph of prose (not mostly links)."""
    return max(
        (len(prose(e.text_content())) for e in box.iter("p") if link_density(e) < 0.25),
        default=0,
    )


def _length(box: Element) -> int:
    return len(prose(box.text_content()))


def _kept(siblings: list[Element], best: Element, scores: dict[Element, float]) -> list[bool]:
    """Which of ``siblings`` are the story's: ``best``, those scoring near it or reading as
    prose, and the sentences and lists between two of them that are not mostly links (a
    sentence naming a linked page, a documentation page's "Author:" field)."""
    least = max(10.0, scores.get(best, 0.0) * 0.2)
    kept = [s is best or _belongs(s, scores, least, best) or _prose(s, scores) for s in siblings]
    solid = [i for i, s in enumerate(siblings) if kept[i] and prose(s.text_content())]
    for i, sibling in enumerate(siblings):
        if solid[0] < i < solid[-1] and not kept[i]:
            text = prose(sibling.text_content())
            listed = sibling.tag in ("ul", "ol", "dl")
            kept[i] = link_density(sibling) <= 0.6 and (listed or bool(_SENTENCE_END.search(text)))
    return kept


def _scores(body: Element) -> dict[Element, float]:
    """The score of every box that holds a paragraph of running text."""
    scores: dict[Element, float] = {}
    for element in body.iter():
        if not isinstance(element.tag, str):
            continue
        if element.tag in _PARAGRAPHS:
            text, first = prose(element.text_content()), element.getparent()
        elif element.tag in _BOXES:
            # A box of inline text alone is a paragraph; text set loose beside blocks is a
            # paragraph in its box.
            text, first = _loose_text(element), element
            if not any(child.tag in _BLOCKS for child in element.iterdescendants()):
                first = element.getparent()
        else:
            continue
        if len(text) < _SHORTEST or first is None:
            continue
        points = 1 + len(_COMMAS.findall(text)) + min(len(text) // 100, 3)
        for level, box in enumerate([first, *first.iterancestors()][:_DEPTH]):
            share = 1 if level == 0 else 2 if level == 1 else level * 3
            scores[box] = scores.get(box, 0.0) + points / share
            if box is body:
                break
    return scores


def _loose_text(box: Element) -> str:
    """The text directly inside ``box`` and its inline elements, not inside its blocks."""
    pieces = [box.text or ""]
    for child in box:
        if isinstance(child.tag, str) and child.tag not in _BLOCKS:
            pieces.append(child.text_content())
        pieces.append(child.tail or "")
    return prose("".join(pieces))


def _only_child(box: Element) -> bool:
    parent = box.getparent()
    return parent is not None and _length(parent) == _length(box)


def link_density(box: Element) -> float:
    """The share of ``box``'s text that is the text of links."""
    text = len(prose(box.text_content()))
    linked = sum(len(prose(a.text_content())) for a in box.iter("a"))
    return min(1.0, linked / text) if text else 1.0


def _belongs(sibling: Element, scores: dict[Element, float], least: float, best: Element) -> bool:
    """Whether ``sibling`` of the story's best box is part of the story: a heading, a box scoring
    ``least``, a box of paragraphs of the best box's class, most of its names shared, or a
    ``<section>`` beside the best ``<section>`` (the story's next part, however short), or a
    paragraph of prose."""
    if not isinstance(sibling.tag, str):
        return False
    if sibling.tag in _HEADINGS:
        return True
    # "articleBodyText section" and "articleBodyText version-2 section"; not "grid-x post"
    # and "grid-x main-wrapper", two boxes of one layout
    kind, other = set((best.get("class") or "").split()), set((sibling.get("class") or "").split())
    same = len(kind & other) * 2 > len(kind | other) or sibling.tag == best.tag == "section"
    density = link_density(sibling)
    if same and density <= 0.5 and sibling in scores:
        return True
    if scores.get(sibling, 0.0) * (1 - density) >= least:
        return True
    if sibling.tag != "p":
        return False
    text = prose(sibling.text_content())
    if len(text) > 80:
        return density < 0.25
    return density == 0 and bool(_SENTENCE_END.search(text))


def _prose(sibling: Element, scores: dict[Element, float]) -> bool:
    """Whether ``sibling``, next to the story, goes on with it: a heading or a box of headings
    not linking elsewhere, a box of paragraphs scoring 5, or prose that is not mostly links
    (a paragraph, a list)."""
    text = prose(sibling.text_content())
    if not text or sibling.tag in _HEADINGS:
        return True
    density = link_density(sibling)
    if density > 0.5:
        return False
    if text == prose(" ".join(h.text_content() for h in sibling.iter(*_HEADINGS))):
        return True  # '<div class="titlepage"><h2>Chapter 8</h2></div>'
    if sibling in scores:  # its paragraphs are a story's when they score 5 (two long ones)
        return scores[sibling] * (1 - density) >= 5
    # A paragraph, a list: prose.
    return len(text) >= _SHORTEST and bool(_SENTENCE_END.search(text)) and density < 0.25
