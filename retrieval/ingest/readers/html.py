"""The reader of saved web pages: the main content only, its text exactly as a browser shows it.

Pages are parsed with lxml; what is not the page's own content is removed first (scripts, styles,
navigation, headers, footers, sidebars, tables of contents, reference lists, link-only menus), then
the content root is chosen (``<main>``, ``role=main``, a single ``<article>``, else ``<body>``),
the story's box is found in it unless the page is a manual's (see
:mod:`~retrieval.ingest.readers.article`), and that is walked in document order: headings become
sections (each under the headings above it, see :class:`~retrieval.ingest.readers.common.Outline`),
``<pre>`` becomes a code block with the paragraph that introduces it, data tables become one block
per row, everything else paragraphs.

Text is joined exactly as the markup holds it, never with a space added at an inline tag, so
"<a>Fennec</a>)" reads "Fennec)"; only runs of white space are collapsed, as a browser does.
"""

from __future__ import annotations

import codecs
import itertools
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import charset_normalizer
import lxml.html

from retrieval.errors import DocumentError
from retrieval.ingest.dates import find_date, iso_date
from retrieval.ingest.junk import is_junk
from retrieval.ingest.parsed import Block, ParsedDocument
from retrieval.ingest.passages import LIST_ITEM_CHARS
from retrieval.ingest.readers.article import link_density, story_box, story_score
from retrieval.ingest.readers.common import (
    Outline,
    attach_code,
    author_names,
    code_text,
    fallback_title,
    is_default_title,
    prose,
    table_blocks,
)
from retrieval.ingest.readers.decoding import (
    MOST_CHAOS,
    reads_as_western,
    utf8_despite_strays,
)
from retrieval.ingest.readers.htmlcards import cards_as_paragraphs
from retrieval.ingest.readers.htmltemplates import template_language
from retrieval.ingest.readers.manpre import is_indented, is_typeset_prose, pieces
from retrieval.ingest.readers.mdmermaid import told
from retrieval.ingest.readers.pagemeta import (
    dateline_time,
    is_metadata,
    is_pop_up_card,
    keep_article_body,
    microdata_author,
    of_the_article,
    related_box,
    stated_date,
)
from retrieval.ingest.readers.pagetitle import is_publisher, names_the_site, without_site_name

Element = Any  # lxml.html.HtmlElement; lxml ships no type information

_TEMPLATE_BYTES = 200_000  # a template's tags are at its start; a page may be megabytes
NO_MAIN_TEXT = "no main text (only navigation, scripts or markup)"
_HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
# Elements that start a new block of text in a browser; everything else is inline.
_BLOCK_TAGS = _HEADINGS | {
    "p", "div", "section", "article", "main", "ul", "ol", "li", "dl", "dt", "dd", "table",
    "thead", "tbody", "tfoot", "tr", "td", "th", "pre", "blockquote", "header", "footer",
    "figure", "figcaption", "hr", "form", "fieldset", "details", "summary", "address", "center",
    "caption", "aside", "nav", "br",
}  # fmt: skip
# Never content: code, styling, embedded objects, forms and the page's own furniture.
_DROP_TAGS = {
    "script", "style", "noscript", "template", "svg", "canvas", "iframe", "object",
    "embed", "nav", "form", "button", "select", "input", "textarea", "label", "dialog",
    "head", "title", "meta", "link",
}  # fmt: skip
_LETTERS = re.compile(r"[^\W\d_]")
_FILE_NAME = re.compile(r"[~.]?/?(?:[\w.@+-]+/)+[\w.@+-]+|[\w@+-]+\.\w{1,8}")
_PROSE = ".//text()[not(ancestor::a or ancestor::script or ancestor::style)]"
_SHOWN = ".//text()[not(ancestor::script or ancestor::style)]"
_PRINT_ONLY = frozenset(
    {"print-only", "printonly", "visible-print", "visible-print-block", "show-for-print"}
)
_DISPLAY = re.compile(
    r"^d-(?:\w+-)?(?:none|block|inline|inline-block|flex|inline-flex|table|grid)$"
)
# Class names of text hidden from sight for screen readers, beside the common ones (see
# _FURNITURE): "hidden-tag", "hidden-text", "hiddenText", "u-hidden-text", "a11y-hidden".
_HIDDEN_TEXT = re.compile(
    r"^(?:[a-z]+-)?(?:hidden-?(?:tag|text|label)|a11y-?hidden)$", re.IGNORECASE
)
# Class names of a box folded away until clicked (Bulma's "is-hidden", "u-hidden"): a menu's
# entries, or a FAQ's answer, which is read.
_FOLDED = re.compile(r"^(?:is|u)-?hidden$", re.IGNORECASE)
_HEADLINE_LETTERS = 15  # a story card's link names a story, not a picture
_CARD_LABEL_LETTERS = 25  # and its label is a few words: "Lire aussi", "Related:"
# A paragraph of this many lines broken by <br>, none longer than _SHORT_LINE, is one record.
_FEWEST_LINES, _MOST_LINES, _SHORT_LINE = 3, 12, 80
# A photo's credit at its caption's end, by the labels papers set before the name.
_CREDIT = re.compile(
    r"(?:^|(?<=[.!?”\"]))\s*(?:Photograph|Photo|Photos|Picture|Image|Illustration|Credit|Foto"
    r"|Fotos|Bild|Crédit|Crédits|Crédito|Créditos)\s?:\s*[^.:]{2,80}\.?\s*$"
)
_PICTURE_FILES = (".jpg", ".jpeg", ".png", ".gif", ".webp", ".avif")
_SCREEN_READER = re.compile(
    r"^(?:sr-only|screen-reader-text|visually-?hidden|off-?screen|element-invisible)$", re.I
)
_PAGE_HEADER = re.compile(r"^page-?header$", re.IGNORECASE)
_HIDDEN_STYLE = re.compile(r"(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)", re.I)
_CODE_TAGS = frozenset({"code", "tt", "kbd", "samp"})
_SENTENCE_BLOCKS = frozenset({"p", "li", "dd", "td", "blockquote", *("h1", "h2", "h3", "h4", "h5")})
_EMPHASIS = frozenset({"strong", "b", "span", "em"})
_CODE = ("pre", *sorted(_CODE_TAGS))
_RUN_IN_LINES = 2  # a display this short, in mid-sentence, is read as part of the sentence
_DROP_ROLES = {"navigation", "banner", "contentinfo", "complementary", "search", "menu", "toolbar"}
# Class or id names of furniture in common page generators (Sphinx, DocBook, MediaWiki, CMSs).
_FURNITURE = re.compile(
    r"^(?:nav|navbar|navheader|navfooter|navigation|menu|sidebar|sphinxsidebar"
    r"|sphinxsidebarwrapper|related|breadcrumbs?|footer|site-footer|site-header|toc|toctree"
    r"|headerlink|permalink|copiable-link|anchor-?link|mw-editsection|reflist|references|refbegin"
    r"|noprint|skip-?link|skip-?nav|navbox|catlinks|mw-portlet|printfooter|top-?link|back-?to-?top"
    # An empty box of the page's anchors ("On this page") that its scripts fill.
    r"|(?:inline-)?(?:anchor|jump)-?links?"
    r"|cookie[\w-]*|share|social|advert[\w-]*|ads?|banner"
    # A bar of the languages a page is also in ("Available Languages: de | en | fr").
    r"|(?:top|bottom)lang|lang(?:uage)?-?(?:switch(?:er)?|select(?:or)?|bar|menu)"
    # Text for screen readers only, which a browser does not show ("Image copyright").
    r"|sr-only|screen-reader-text|visually-?hidden|off-?screen|element-invisible)$",
    re.IGNORECASE,
)
# Words in class or id names ("comment-list", "article-comments", "share_box", "relatedPosts",
# "post-navigation") of what sits beside an article but is none of it: readers' comments, share
# and follow buttons, newsletter and promotion boxes ("nrplus-cta": a call to action), lists of
# related or popular stories and a "read more" link to one set as a box, links to
# the previous post, cookie notices ("cc-cookie-banner"), bylines and dates ("entry-meta"), tags,
# authors' notes ("author-bio"), advertisements ("ad-slot"), photo credits and slideshows. A box so
# named is dropped only when it leaves the article (see _is_aside).
_ASIDE_WORDS = frozenset(
    {
        "comment", "comments", "commentlist", "disqus", "respond", "share", "sharing",
        "sharedaddy", "sharetools", "social", "newsletter", "subscribe", "subscription", "promo",
        "related", "relatedposts", "popular", "trending", "recommended", "outbrain", "taboola",
        "pagination", "prev", "byline", "timestamp", "cookie", "cookies", "consent", "gdpr",
        "author", "bio", "dateline", "meta", "tags", "ad", "ads", "advert", "advertisement",
        "sponsored", "credit", "credits", "slideshow", "gallery", "readmore", "alsoread", "cta",
        "copyright",
        # A forum post's author card, signature, footer and menu ("postprofile", "user-info",
        # "post-signature", "postfoot", "js-post-menu"), and a post's votes ("js-vote-count").
        "postprofile", "postleft", "userinfo", "usercard", "userdetails", "signature",
        "postsignature", "postfoot", "postmenu", "votecell", "votecount", "voting",
        # A paywall ("restricted-content-breaker"), a page's widgets (a donation appeal in a
        # WordPress "widget"), its recent posts, a forum's preview of a linked page (Discourse's
        # "onebox"), a media player's controls.
        "paywall", "restricted", "widget", "recent", "onebox", "controls", "analytics",
        # A post's score as it would read once voted up or down, which a style sheet hides.
        "likes", "dislikes",
        # A forum's bar of actions ("Print view", "Locked") and a site's notice under a page.
        "actionbar", "notice",
        # An article's footer not set as <footer> ("c-article-footer", "entry-footer"): its
        # tags, share buttons and appeal for support ("Will you support Vox's … journalism?").
        "footer",
    }
)  # fmt: skip
# Where such words name no box: a highlighter's mark in code ("token comment" in Prism,
# "hljs-comment"), a heading's id made of its words ('<h2 id="sharing-files">' in MkDocs,
# '<span class="mw-headline" id="Related_software">' in MediaWiki).
_IN_CODE_OR_HEADING = (
    "ancestor-or-self::*[self::pre or self::code or self::kbd or self::samp or self::h1"
    " or self::h2 or self::h3 or self::h4 or self::h5 or self::h6]"
)
# In an article's header, what holds no heading and is in none: a byline, a date, share buttons.
# An article header's byline, date and share links; not its headings, nor a summary sentence
# under the headline (a paragraph of over 100 characters, and what holds or is inside it).
_LONG_P = "p[string-length(normalize-space(.)) > 100]"
_BESIDE_THE_TITLE = (
    ".//*[not(ancestor-or-self::h1 or ancestor-or-self::h2 or ancestor-or-self::h3"
    " or ancestor-or-self::h4 or ancestor-or-self::h5 or ancestor-or-self::h6"
    " or .//h1 or .//h2 or .//h3 or .//h4 or .//h5 or .//h6"
    f" or descendant-or-self::{_LONG_P} or ancestor::{_LONG_P})]"
)
_COMMENT_WORDS = frozenset({"comment", "comments", "commentlist", "disqus", "respond"})
# Words making a name a state of the box rather than what it is: "comments-open", "has-sidebar".
_STATE_WORDS = frozenset({"open", "closed", "enabled", "disabled", "allowed", "has", "no", "with"})
_NAME_WORDS = re.compile(r"[-_\s:.]+|(?<=[a-z])(?=[A-Z])")
# Names a CMS gives an article for its tags and categories ("tag-social-media"): no part's kind.
_TAXONOMY = re.compile(r"^(?:tag|category|categories|topic|section)-", re.IGNORECASE)
_DATE_META = (
    "article:published_time", "og:published_time", "date", "dc.date", "dc.date.issued",
    "dcterms.date", "dcterms.created", "dcterms.issued", "citation_publication_date",
    "citation_date", "pubdate", "publish-date", "publication_date", "article:modified_time",
    "dcterms.modified", "last-modified",
)  # fmt: skip
_BOX_TITLES = frozenset({"topic-title", "sidebar-title"})
_LABEL_CLASS_WORDS = frozenset({"header", "heading", "title", "label"})
_UPDATED = re.compile(r"\b(?:last|page) (?:updated|modified|changed)(?: on)?:?\s+(.{6,40})", re.I)
# A page's stamp of its last change, alone on its line with the links beside it ("Last updated
# on 2025-01-10 | Edit this page"): the page's furniture, whatever box it stands in.
_STAMP = re.compile(
    r"(?:(?:this page (?:was )?)?last|page(?: last)?) (?:updated|modified|changed|edited|reviewed)"
    r"(?: on)?:?"
    r"\s+[^|]{6,40}?(?:\s*\|\s*[^|]{1,30})*",
    re.IGNORECASE,
)
_UPDATED_TEXT = (
    "//body//text()[contains(., 'ast updated') or contains(., 'ast modified')"
    " or contains(., 'ast changed') or contains(., 'age updated')]"
    "[not(ancestor::script or ancestor::style)]"
)
# Footnotes: DocBook's '<div id="ftn.idm44" class="footnote">', Sphinx's '<aside class="footnote
# brackets" id="id3">'; and the blocks a footnote's marker may stand in.
_FOOTNOTES = (
    ".//*[@id][self::div or self::aside or self::li or self::dl or self::section]"
    "[contains(concat(' ', normalize-space(@class), ' '), ' footnote ')]"
)
_FOOTNOTE_HOSTS = frozenset({"p", "li", "dd", "td", "th", "blockquote", "pre"})
# ("Code:" over a forum's box of code, its "Select all" button gone.)
_LABELS = frozenset(
    ["note", "tip", "hint", "warning", "caution", "important", "danger", "attention", "see also",
     "code"]
)  # fmt: skip
# Between a page's own title and the site's name in <title>: "Opening Bell - Dealbreaker",
# "September 2018 open thread | The GiveWell Blog".
# MathML's invisible function application, times, separator and plus (U+2061–U+2064).
_INVISIBLE_OPERATORS = re.compile("[\u2061-\u2064]")
_SECTION_NUMBER = re.compile(r"\d+(?:\.\d+)*\.?\s+\w")
_QUOTES = str.maketrans("‘’“”", "''\"\"")
_TITLE_PARTS = re.compile(r"\s+(?:[-|–—·»]|::)\s+")
_WEB_ADDRESS = re.compile(r"^https?://[^\s/]+", re.IGNORECASE)
_SAVED_FROM = re.compile(rb"<!-- saved from url=\(\d+\)(\S+?) ?-->")
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_CONTROL_BYTES = re.compile(rb"[\x00-\x08\x0e-\x1f]")
# A UTF-8 lead byte read as a Latin-1 letter, then a continuation byte read as a C1 control
# code, which no text holds.
_DOUBLED = re.compile("[\u00c2-\u00f4][\u0080-\u009f]")
# A page's scripts, styles and tags, set apart from the text it shows.
_MARKUP = re.compile(r"<(script|style)\b.*?</\1\s*>|<[^>]*>", re.IGNORECASE | re.DOTALL)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset=["']?([\w-]+)""", re.IGNORECASE)


@dataclass
class _Walk:
    """The document being built and what the next block joins."""

    document: ParsedDocument
    section: str | None = None
    intro: int | None = None  # index of the paragraph right before, which may introduce code
    title_from_h1: bool = True
    term: str = ""  # a definition list's term, waiting to head its definition's first paragraph
    items: int = 0  # how many list items the walk is inside
    display: int | None = None  # index of the block a <pre> display of code just took
    sections: bool = True  # whether headings start sections (not inside an embedded fragment)
    outline: Outline = field(default_factory=Outline)  # the headings above the section
    logo: str | None = None  # the first <h1>'s text when it is the site's name, not the page's
    names: tuple[str, ...] = ()  # what <title> and og:title call the page
    typeset: bool = False  # a manual page typeset in <pre> blocks (see manpre)
    label: str = ""  # the name of the file the next <pre> holds, set in a box above it
    # The last box that was a part of its own (see _walk_box), with the headings in force at
    # its end: a box right after it goes on under them.
    boxed: tuple[Element, list[tuple[int, str]], str | None] | None = None


def read_html(data: bytes, path: Path) -> ParsedDocument:
    """The reader of ``.html`` and ``.htm`` files."""
    engine = template_language(_decode(data[:_TEMPLATE_BYTES]))
    if engine is not None:  # Sphinx's '_templates/page.html': tags around pages made elsewhere
        raise DocumentError(path, f"a template ({engine}), not a page")
    root = _parse(data, path)
    head_title = prose(" ".join(root.xpath("//head/title//text()")))
    # a program's default says nothing of the page: Google Docs' "Untitled document"
    head_title = "" if is_default_title(head_title) else head_title
    document = ParsedDocument(title="", date=_date(root), source=_source(root, data))
    author = _meta(root, "author") or microdata_author(root)  # before its byline goes
    content = _content_root(root)
    sites = [_meta(root, "og:site_name") or "", _meta(root, "application-name") or ""]
    named = _named_title(root, content, head_title)  # (before the page's header goes)
    if named and names_the_site(named, sites, document.source):
        named = None  # the site's logo set as a heading: "<h2>MIT Technology Review"
    named = named or _title_outside(root, content, head_title)
    # A dateline's date, read in the page's content (its article or main part when it has one):
    # a top bar's "Saturday, 5 December 2026" is the day the page was saved, not the article's.
    document.date = document.date or dateline_time(content) or stated_date(content)
    _sequence_diagrams_told(content)
    _remove_furniture(content)
    _footnotes_in_place(content)
    _notes_after_code(content)
    cards_as_paragraphs(content)
    logo, own = _site_heading(root, content, head_title)
    walk = _Walk(document, logo=logo, names=(head_title, _meta(root, "og:title") or ""))
    walk.typeset = any(is_typeset_prose(pre.text_content()) for pre in content.iter("pre"))
    if named:
        document.title, walk.title_from_h1 = named, False
    if _is_manual(content):
        walk_blocks(content, walk)
    else:
        walk_blocks(_drop_trailing_links(_story(content, walk)), walk)
    if not document.title and own:
        head_title = own  # "With shattered dreams, deportees return home | India Post"
    document.title = document.title or head_title or _meta(root, "og:title") or fallback_title(path)
    document.title = without_site_name(document.title, sites, document.source)
    if author and is_publisher(author, [*sites, _meta(root, "dc.publisher") or ""]):
        author = None  # "Die Tagespost" at die-tagespost.de: the publisher
    document.author = author_names(author)
    walk.outline.finish(document)
    # Lines of page furniture inside the story's box ("Related: …", "Share this on WhatsApp",
    # a citation box's "… retrieved 20 November 2019 from https://…"), as in saved text pages.
    document.blocks = [
        b
        for b in document.blocks
        if b.code or b.kind != "text" or not (is_junk(b.text) or _is_stamp(b.text))
    ]
    document.blocks = _without_headline_copy(document.blocks, document.title)
    if not document.blocks:
        raise DocumentError(path, NO_MAIN_TEXT)
    return document


def _sequence_diagrams_told(content: Element) -> None:
    """Each Mermaid sequence diagram the page draws from its source (``<pre class="mermaid">``,
    as mkdocs-material builds a fence) replaced by a paragraph of the messages its picture
    shows, as the Markdown source is read (:mod:`~retrieval.ingest.readers.mdmermaid`); other
    diagrams stay pictures, dropped with the page's furniture."""
    for element in list(content.iter("pre", "div")):
        if "mermaid" not in (element.get("class") or "").split():
            continue
        source = element.text_content()
        said = told(source)  # "" for any other diagram
        if said and element.getparent() is not None:
            paragraph = lxml.html.Element("p")
            paragraph.text, paragraph.tail = said, element.tail
            element.getparent().replace(element, paragraph)


def _without_headline_copy(blocks: list[Block], title: str) -> list[Block]:
    """``blocks`` without a copy of the headline and the summary run together ("Plumbers are
    training … a bill Oklahoma plumbers are getting trained …", a news site's box for voice
    assistants) when the summary is a paragraph of its own too: it said the same twice."""
    texts = {b.text for b in blocks if b.kind == "text"}
    return [
        b
        for b in blocks
        if not (
            b.kind == "text"
            and b.text.startswith(f"{title} ")
            and b.text[len(title) + 1 :] in texts
        )
    ]


def _named_title(root: Element, content: Element, title: str) -> str | None:
    """The page's title as its ``<title>`` or og:title names it, when its ``<h1>`` is not its
    title but a heading of its text: a numbered one (a manual's "1. Overview", then "2. The
    SELECT statement", under "<title>SELECT"), or one that neither names, with a heading
    before it saying what they say (a blog's "<h2>What do people love about Rust?" over its
    post, holding an ``<h1>`` "But what they love is …" further down). Else None: the
    ``<h1>`` is the title (a headline over a dek that repeats the page's <title>)."""
    h1s = [h for h in content.iter("h1") if inline_text(h)]
    named = [n for n in (_meta(root, "og:title"), title) if n]
    if not h1s or not named:
        return None
    parts = {_folded(p) for n in named for p in [n, *_TITLE_PARTS.split(n)]}
    first = _folded(inline_text(h1s[0])).rstrip("¶§# ")  # (its anchor link is still there)
    if first in parts or any(first in _folded(n) for n in named):
        return None
    if _SECTION_NUMBER.match(first):  # "1. Overview": the first section, numbered
        return title or named[0]
    own = parts - {_folded(n) for n in named}
    for heading in root.iter("h1", "h2", "h3"):
        if heading is h1s[0]:
            return None
        if _folded(inline_text(heading)) in own:
            return inline_text(heading)
    return None


def _title_outside(root: Element, content: Element, title: str) -> str | None:
    """The page's ``<h1>`` standing above its content root (a newsletter's issue title over its
    ``<main>``, whose own ``<h1>``s head its parts: "News & general"), when it is what the
    ``<title>`` or og:title calls the page; else None."""
    named = {_folded(n) for n in (title, _meta(root, "og:title")) if n}
    inside = set(content.iter("h1"))
    for h1 in root.iter("h1"):
        if h1 not in inside and _folded(inline_text(h1)) in named:
            return inline_text(h1)
    return None


def _folded(text: str) -> str:
    """``text`` compared as a title: case and the form of quotation marks aside."""
    return text.casefold().translate(_QUOTES)


def _is_stamp(text: str) -> bool:
    """Whether ``text`` is only the page's stamp of its last change (see :data:`_STAMP`)."""
    return bool(_STAMP.fullmatch(text)) and find_date([text]) is not None


def _story(content: Element, walk: _Walk) -> Element:
    """The story's box in ``content``. The page's title, its first ``<h1>`` that is not the
    site's logo, is the document's even when it stands above the box (by the byline and share
    buttons), and an ``<h1>`` in the box (a promotion's) is then a section."""
    title = next((h for h in content.iter("h1") if inline_text(h) not in ("", walk.logo)), None)
    box = story_box(content, marked=content.tag != "body")
    if (
        title is not None
        and walk.title_from_h1
        and title is not box
        and all(a is not box for a in title.iterancestors())
    ):
        walk.document.title, walk.title_from_h1 = _headline(title, walk.names), False
    return box


def _headline(h1: Element, names: tuple[str, ...]) -> str:
    """The text of ``h1``, the page's title; only its first line when the heading breaks
    (``<br>``) onto lines that ``<title>`` and og:title leave out, its first in them (Nikkei's
    headline over "編集委員　中沢克二", its writer, set in the heading)."""
    text = inline_text(h1)
    breaks = list(h1.iter("br"))
    if not breaks:
        return text
    first = prose("".join(_text_before(h1, breaks[0])[0]))
    said = ["".join(_folded(n).split()) for n in names if n]
    if not first or not any(n.startswith("".join(_folded(first).split())) for n in said):
        return text
    rest = "".join(_folded(text[len(first) :]).split())
    return first if rest and not any(rest in n for n in said) else text


def _text_before(box: Element, mark: Element) -> tuple[list[str], bool]:
    """The text of ``box`` before ``mark``, an element inside it, and whether ``mark`` was met."""
    pieces = [box.text or ""] if isinstance(box.tag, str) else []
    for child in box:
        if child is mark:
            return pieces, True
        inner, met = _text_before(child, mark)
        pieces.extend(inner)
        if met:
            return pieces, True
        pieces.append(child.tail or "")
    return pieces, False


def _drop_trailing_links(box: Element) -> Element:
    """``box``, the story's, without the lines at its end that are each one link and nothing
    else ("Zur Startseite", "Back to the list", the headline of a related story): the way on
    from the story, not a part of it. A list's items are kept; a manual's page is not cut (its
    "See also" box ends in a line of one link, "A logging cookbook")."""
    for _ in range(5):
        shown = [t for t in box.xpath(_SHOWN) if isinstance(t, str) and t.strip()]
        last: Any = shown[-1] if shown else None  # lxml's string, which knows its element
        if last is None or last.is_tail:
            return box
        element = last.getparent()
        link = next((a for a in [element, *element.iterancestors()] if a.tag == "a"), None)
        if link is None or link is box or any(a is link for a in box.iterancestors()):
            return box
        inside = itertools.takewhile(lambda b: b is not box, link.iterancestors())
        line = next((b for b in inside if _is_block(b)), None)
        if line is None or line.tag in ("li", "dd", "td", "th", "pre"):
            return box
        if prose(line.text_content()) != prose(link.text_content()):
            return box
        line.drop_tree()
    return box


def _is_manual(content: Element) -> bool:
    """Whether ``content`` is a manual's page, every box of it the manual's (a synopsis, a
    function's description, a one-line summary), not a story beside boxes of the site's: 2% of
    its text is code. (Of 181 news and blog pages measured, none held any code.)"""
    code = sum(
        len(prose(element.text_content()))
        for element in content.iter(_CODE)
        if not any(outer.tag in _CODE for outer in element.iterancestors())
    )
    return code * 50 >= len(_visible_text(content))


def _site_heading(root: Element, content: Element, title: str) -> tuple[str | None, str | None]:
    """The first ``<h1>``'s text when it names the site, not the page, with the page's own title.

    "<title>September 2018 open thread - The GiveWell Blog</title>" names the page and the site;
    a first ``<h1>`` giving one part ("The GiveWell Blog") is the site's logo when the other part
    is what another ``<h1>`` or og:title calls the page ("September 2018 open thread").
    """
    parts = _TITLE_PARTS.split(title)
    headings = [inline_text(h1) for h1 in content.iter("h1")]
    if len(parts) < 2 or not headings:
        return None, None
    names = {name.casefold() for name in [*headings[1:], _meta(root, "og:title") or ""]}
    first = headings[0].casefold()
    if first not in {part.casefold() for part in parts}:
        return None, None
    own = next((p for p in parts if p.casefold() != first and p.casefold() in names), None)
    return (headings[0], own) if own else (None, None)


def add_page(
    data: bytes,
    path: Path,
    document: ParsedDocument,
    section: str | None,
    outline: Outline,
    prepare: Callable[[Element], None] | None = None,
) -> str | None:
    """Add the main content of one page (an EPUB chapter) to ``document``, every heading a
    section under the headings of ``outline`` (the book's so far); return the section in force
    at the page's end, for the next page to continue. ``outline.finish`` ends the book.
    ``prepare`` first changes the page's tree as its format means it (an e-book's marks)."""
    root = _parse(data, path)
    if prepare is not None:
        prepare(root)
    content = _content_root(root)
    _remove_furniture(content)
    walk = _Walk(document, section, title_from_h1=False, outline=outline)
    walk_blocks(content, walk)
    return walk.section


def read_fragment(fragment: str, document: ParsedDocument, section: str | None) -> None:
    """Add the blocks of an HTML fragment embedded in another format (raw HTML in Markdown).

    Its headings are read as text, not sections: raw HTML in a Markdown page is a widget or a
    rendered example ("<h2>PrintOK</h2><p>Class docstring.</p>"), and the page's own headings
    say what its sections are; the example's names would otherwise head the text after it.
    """
    try:
        box = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except (ValueError, lxml.etree.ParserError):
        return  # markup with no elements: nothing a reader would see
    _remove_furniture(box)
    walk_blocks(box, _Walk(document, section, title_from_h1=False, sections=False))


def _parse(data: bytes, path: Path) -> Element:
    """The page's element tree, decoded from the encoding its bytes or ``<meta>`` declare."""
    if _is_binary(data[:65536]) and not data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise DocumentError(path, "binary, not a web page")
    try:
        # Characters XML forbids (a stray NUL, form feeds) can't be in lxml's tree; a browser
        # shows nothing for them either.
        text = _NOT_XML.sub("", _XML_DECLARATION.sub("", _undoubled(_decode(data))))
        return _without_readings(lxml.html.document_fromstring(text))
    except (ValueError, lxml.etree.ParserError) as error:
        if str(error) == "Document is empty":  # a doctype, comments: markup, nothing shown
            raise DocumentError(path, NO_MAIN_TEXT) from error
        raise DocumentError(path, f"damaged: not a web page ({error})") from error


def _without_readings(root: Element) -> Element:
    """``root`` without ruby's readings (``<rt>``, and the brackets ``<rp>`` a browser without
    ruby shows around them): the furigana set small over a Japanese word ("法律" under
    "ほうりつ") are a reading aid, and read inline they split the word ("法律ほうりつ"), so that
    neither it nor its sentence is found."""
    for reading in list(root.iter("rt", "rp")):
        reading.drop_tree()  # (its tail, the text after the word, stays)
    return root


def _is_binary(sample: bytes) -> bool:
    """Whether ``sample``, a file's start, is binary data: it holds a NUL, and 1% of its bytes
    are control characters. A page with a few stray NULs (eleven after an advertisement's
    ``<img>``, on a news site) is a page; a browser shows them as nothing."""
    if b"\x00" not in sample:
        return False
    return len(_CONTROL_BYTES.findall(sample)) * 100 >= len(sample)


def _decode(data: bytes) -> str:
    """HTML bytes as text: a byte-order mark, else UTF-8, else the declared charset, else the
    encoding the bytes fit (charset-normalizer's guess), else cp1252.

    UTF-8 is tried before the declaration because pages are often re-saved as UTF-8 while still
    declaring their old charset; a page that is not valid UTF-8 is taken at its word when its
    bytes fit the charset it names. When it names none (a page saved as "HTML only", its charset
    having come in the server's header) or a wrong one (UTF-8, over Windows-1251 bytes), the
    bytes say which: read as cp1252, a Chinese or Russian page is letters with accents only.
    """
    for bom, encoding in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16")):
        if data.startswith(bom) or (encoding == "utf-16" and data.startswith(codecs.BOM_UTF16_BE)):
            return data.decode(encoding, errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    text = utf8_despite_strays(data)
    if text is not None:
        return text
    found = _META_CHARSET.search(data[:4096])
    declared = found[1].decode("ascii").lower() if found else ""
    if declared.replace("_", "-") not in ("", "utf-8", "utf8"):
        try:
            return data.decode(declared)
        except (LookupError, UnicodeDecodeError):
            pass
    western = data.decode("cp1252", errors="replace")
    if reads_as_western(western, _MARKUP.sub(" ", western)):
        return western
    guess = charset_normalizer.from_bytes(data).best()
    if guess is not None and guess.chaos <= MOST_CHAOS:
        return str(guess)
    try:
        return data.decode(declared or "cp1252", errors="replace")
    except LookupError:
        return data.decode("cp1252", errors="replace")


def _undoubled(text: str) -> str:
    """``text`` encoded twice repaired: a page saved as UTF-8 from text already read as
    Latin-1 has each character's bytes as characters of their own ("â\x80\x9c" for "“",
    "â\x86\x92" for "→"). Only when every character is a byte (Latin-1) and the bytes are
    UTF-8 is the page taken for that; its titles were mended line by line, but code and a man
    page's text kept "â AB", "â¨https://…â©"."""
    if not _DOUBLED.search(text):
        return text
    try:
        return text.encode("latin-1").decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return text


def _meta(root: Element, name: str) -> str | None:
    """The content of ``<meta name=…>`` or ``<meta property=…>``, names compared in lower case."""
    for meta in root.iter("meta"):
        key = (meta.get("name") or meta.get("property") or meta.get("itemprop") or "").lower()
        if key == name and (meta.get("content") or "").strip():
            return str(meta.get("content")).strip()
    return None


_LD_DATE = re.compile(r'"date(?:Published|Created)"\s*:\s*"([^"]{8,40})"')


def _date(root: Element) -> str | None:
    """The date the page's metadata gives, else the one its footer states ("Last updated on
    October 07, 2026." under every Sphinx page)."""
    for name in _DATE_META:
        date = iso_date(_meta(root, name))
        if date:
            return date
    # Schema.org's date, in microdata ('<time itemprop="datePublished" datetime="…">') or in
    # a JSON-LD script ('"datePublished": "2019-11-18T…"'), as news sites write it.
    for prop in ("datePublished", "dateCreated"):  # (a question's page: when it was asked)
        for element in root.xpath(f"//*[@itemprop='{prop}']"):
            value = element.get("datetime") or element.get("content")
            date = iso_date(value) if value and of_the_article(element) else None
            if date:
                return date  # the article's: not a comment's or an answer's
    for script in root.xpath("//script[@type='application/ld+json']/text()"):
        found = _LD_DATE.search(str(script))
        date = iso_date(found.group(1)) if found else None
        if date:
            return date
    for text in root.xpath(_UPDATED_TEXT):
        found = _UPDATED.search(str(text))
        date = find_date([found.group(1)]) if found else None
        if date:
            return date
    return None


def _source(root: Element, data: bytes) -> str | None:
    """The page's address: its canonical link, else og:url, else a browser's "saved from" note;
    only a web address (a ``file://`` path names the saver's disk, not where the page is)."""
    found = [
        str(link.get("href")).strip()
        for link in root.iter("link")
        if "canonical" in (link.get("rel") or "").lower().split() and link.get("href")
    ]
    found.append(_meta(root, "og:url") or "")
    saved = _SAVED_FROM.search(data[:4096])
    found.append(saved[1].decode("ascii", "replace") if saved else "")
    return next((url for url in found if _WEB_ADDRESS.match(url)), None)


def _content_root(root: Element) -> Element:
    """Where the page's content is: ``<main>``, ``role=main``, one ``<article>``, or ``<body>``.

    A candidate holding almost none of the page's text is no content root: a news site's
    ``<article>`` that holds only ``<meta>`` tags for search engines, the story being beside it.
    One holding a story's paragraphs (200 characters) is the content, however long the readers'
    comments or the sidebars beside it run.
    """
    body = root.find("body")
    body = body if body is not None else root
    least = min(len(_visible_text(body)) // 5, 200)
    for query in ("//main", "//*[@role='main']", "//article"):
        found = root.xpath(query)
        if len(found) == 1 and len(_visible_text(found[0])) >= least:
            return found[0]
    return body


def _visible_text(element: Element) -> str:
    """The text of ``element`` without scripts and styles, white space squeezed."""
    return prose("".join(text for text in element.xpath(_SHOWN) if isinstance(text, str)))


def _is_furniture(element: Element, lists: bool = True) -> bool:
    """Whether ``element`` is no part of the page's content; ``lists``: counting a box that is
    mostly links (see :func:`_is_link_list`) as a menu."""
    tag = element.tag if isinstance(element.tag, str) else ""
    if tag == "form" and not _fills_in(element):
        return False  # a post wrapped in a form for its author's editing: text, not a form
    if tag in _DROP_TAGS or (element.get("role") or "").lower() in _DROP_ROLES:
        return True
    if tag in ("pre", "div") and "mermaid" in (element.get("class") or "").split():
        return True  # a diagram the page draws from its source (see markdown's _DIAGRAM)
    if tag == "a" and (_is_button(element) or _is_picture_link(element)):
        return True  # "[–]" folding a comment away, "Select all" of a box of code
    if tag in ("figure", "section", "aside") and _is_story_card(element):
        return True
    if tag == "div" and _is_speakable_copy(element):
        return True
    if (tag == "footer" and not element.xpath("ancestor::blockquote|ancestor::figure")) or (
        tag in ("header", "aside")
        and not element.xpath("ancestor::article|ancestor::main|ancestor::*[@role='main']")
    ):
        # The site's banner, footer and sidebar, and an article's footer (its tags, share
        # buttons, author); inside an article a header holds its title and an aside is a note
        # box of the article's own text (Sphinx's "Abstract" topic, in its '<div class="body"
        # role="main">').
        return True
    if element.get("hidden") is not None or element.get("aria-hidden") == "true":
        return True
    if _is_print_only(element) or _is_hidden_by_class(element):
        return True
    if _HIDDEN_STYLE.search(element.get("style") or "") and not _holds_prose(element):
        return True  # a box of metadata for search engines, '<div style="display:none">'
    if tag == "sup" and "reference" in (element.get("class") or "").split():
        return True  # a citation mark "[1]" pointing into the dropped reference list
    if _is_named_furniture(element) or is_pop_up_card(element):
        return True
    return (lists and _is_link_list(element)) or is_metadata(element)


def _is_button(link: Element) -> bool:
    """Whether ``link`` runs a script rather than leading anywhere: its address is
    "javascript:…", or "#" (or none) with a script run on a click. A word of a sentence that
    opens a glossary's pop-up (NHK News Web Easy links every hard word so) is the sentence's."""
    href = (link.get("href") or "").strip().lower()
    runs = href.startswith("javascript:") or (href in ("", "#") and bool(link.get("onclick")))
    return runs and not _in_a_sentence(link)


def _in_a_sentence(link: Element) -> bool:
    """Whether ``link`` stands in a paragraph's running text: text touches it on a side, and
    its paragraph holds 20 letters besides (not "Code: Select all", nor a comment's "[–]")."""
    block = _block_around(link)
    if block is None or block.tag not in _SENTENCE_BLOCKS:
        return False
    previous = link.getprevious()
    before = (previous.tail if previous is not None else link.getparent().text) or ""
    if not (before.strip() or (link.tail or "").strip()):
        return False
    besides = len(_LETTERS.findall(block.text_content()))
    return besides - len(_LETTERS.findall(link.text_content())) >= 20


def _fills_in(form: Element) -> bool:
    """Whether ``form`` has something a reader fills in or presses: a field that is not hidden,
    a text area, a choice, a button. A form of hidden fields only shows text: a forum wraps each
    post in one ('<form class="usertext">', its fields "thing_id") for its author to edit."""
    fields = form.xpath(".//textarea|.//select|.//button|.//input[not(@type='hidden')]")
    return bool(fields)


def _is_hidden_by_class(element: Element) -> bool:
    """Whether ``element`` is hidden by a style sheet's class "hidden" (a dropdown menu's
    entries, shown on a click), and not shown on wider screens ("hidden md:block"); or by a
    class naming hidden text ("hidden-tag": a link's "(Nouvelle fenêtre)" for screen readers,
    which read into the sentence "Un article sur ce sujet (Nouvelle fenêtre)avait été publié");
    or folded away ("is-hidden") and holding no sentence (a menu's entries, not a FAQ's answer)."""
    names = (element.get("class") or "").split()
    if any(_HIDDEN_TEXT.match(name) for name in names):
        return True
    if any(_FOLDED.match(name) for name in names):
        return not _holds_sentence(element)
    return "hidden" in names and not any(":" in name or "visible" in name for name in names)


def _is_speakable_copy(box: Element) -> bool:
    """Whether ``box`` is a copy of the headline and summary made for voice assistants: only
    loose lines marked ``data-is-speakable`` (schema.org's speakable parts), no heading nor
    paragraph of the page's own. NPR sets one, hidden, above the story: read, it stood first,
    and outranked the story it summed up."""
    marked = box.xpath(".//*[@data-is-speakable]")
    if not marked or box.xpath(".//h1|.//h2|.//h3|.//p|.//li"):
        return False
    outermost = [m for m in marked if not m.xpath("ancestor::*[@data-is-speakable]")]
    inside = sum(len(_LETTERS.findall(_visible_text(m))) for m in outermost)
    return inside >= len(_LETTERS.findall(_visible_text(box)))


def _is_story_card(box: Element) -> bool:
    """Whether ``box``, set among a story's paragraphs, is a card of another story: one link
    with a headline's text, and a label beside it at most (the Guardian's rich link, "Standing
    Rock protest: … evacuation Read more", Le Monde's "Lire aussi …"). Read, it broke the story
    with a headline glued to "Read more"."""
    links = [a for a in box.iter("a") if prose(a.text_content())]
    if len(links) != 1 or (links[0].get("href") or "#").startswith("#"):
        return False
    if _has_own_text(box, links[0]):
        return False
    text = len(_LETTERS.findall(_visible_text(box)))
    linked = len(_LETTERS.findall(_visible_text(links[0])))
    return linked >= _HEADLINE_LETTERS and text - linked <= _CARD_LABEL_LETTERS


def _has_own_text(box: Element, link: Element) -> bool:
    """Whether ``box`` says something of its own besides ``link``, as no card does: a heading
    outside the link ('<section><h2>Download</h2>'), a sentence the link is a part of (words
    after it: "Get it from <a>the releases page</a> today."), or a caption the link is in, under
    a picture of the box's own ('<figure><img><figcaption><a>')."""
    if any(not h.xpath("ancestor::a") for h in box.xpath(_HEADINGS_INSIDE)):
        return True
    if _LETTERS.search(link.tail or ""):
        return True
    in_caption = bool(link.xpath("ancestor::figcaption"))
    return in_caption and any(not img.xpath("ancestor::a") for img in box.iter("img"))


_HEADINGS_INSIDE = ".//h1|.//h2|.//h3|.//h4|.//h5|.//h6"


def _block_around(element: Element) -> Element | None:
    """The nearest block (a paragraph, a list's item, a box) holding ``element``, or None."""
    return next((a for a in element.iterancestors() if _is_block(a)), None)


def _is_picture_link(link: Element) -> bool:
    """Whether ``link`` leads to a picture's file and is its line's only text: a photo's
    "Enlarge this image" (NPR), a gallery's "View full size", not a sentence's words."""
    path = urlsplit(link.get("href") or "").path.lower()
    if not path.endswith(_PICTURE_FILES):
        return False
    line = _block_around(link)
    return line is not None and prose(line.text_content()) == prose(link.text_content())


def _is_print_only(element: Element) -> bool:
    """Whether ``element`` is shown on paper only, never on screen: Bootstrap's "d-none
    d-print-block" (a notice of copyright for the printout), "visible-print", "print-only"."""
    names = set((element.get("class") or "").lower().split())
    if names & _PRINT_ONLY:
        return True
    shown = [n for n in names if _DISPLAY.match(n) and not n.startswith("d-print-")]
    return (
        "d-none" in names and any(n.startswith("d-print-") for n in names) and shown == ["d-none"]
    )


def _is_named_furniture(element: Element) -> bool:
    names = (element.get("class") or "").split() + _own_ids(element)
    if any(_FURNITURE.match(name) for name in names):
        return not _tells_a_break(element, names)
    # A page's banner named so: the site's name and menu. Bootstrap's "page-header" box holds
    # the page's own title instead, which stays.
    banner = any(_PAGE_HEADER.match(name) for name in names)
    return banner and not any(child.tag in _HEADINGS for child in element.iter())


def _tells_a_break(element: Element, names: list[str]) -> bool:
    """Whether ``element`` is punctuation for screen readers only, standing for a break the
    page shows by its layout: Spektrum's kicker "Genetik", '<span class="sr-only">: </span>',
    then the headline on a line below, which read without it run together."""
    text = (element.text or "").strip()
    if len(element) or not text or any(ch.isalnum() for ch in text):
        return False
    return any(_SCREEN_READER.match(name) for name in names)


def _holds_prose(element: Element) -> bool:
    """Whether a hidden box holds sentences (a FAQ's folded answer: shown when its question is
    clicked), not a search engine's metadata."""
    text = _visible_text(element)
    return len(text) >= 100 and any(mark in text for mark in (". ", "? ", "! ", "。"))


def _holds_sentence(element: Element) -> bool:
    """Whether ``element`` holds a sentence: six words at least, and a full stop, question or
    exclamation mark ending one ("Delivery takes three to five working days.")."""
    text = _visible_text(element)
    return len(text.split()) >= 6 and bool(_SENTENCE_END.search(text))


_SENTENCE_END = re.compile(r"[.!?。](?:\s|$)")


def _own_ids(element: Element) -> list[str]:
    """The id of ``element`` unless a document generator (Sphinx, Pandoc) made it of the
    section's own heading: '<section id="cookies"><h2>Cookies</h2>' is a section of the
    documentation about cookies, '<div id="related-work"><h2>2 Related Work</h2>' a paper's,
    not a box beside the page (a box of related links so named is still dropped as links)."""
    ident = element.get("id") or ""
    parent = element.getparent()
    if ident and element.tag == "a" and parent is not None and parent.tag in _HEADINGS:
        return []  # the anchor a heading's link points to: '<h2><a id="related">.htaccess files'
    children = [child for child in element if isinstance(child.tag, str)]
    if not ident or not children or children[0].tag not in _HEADINGS:
        return ident.split()
    words = {w.casefold() for w in re.findall(r"[^\W_]+", ident)}
    heading = {w.casefold() for w in re.findall(r"[^\W_]+", children[0].text_content())}
    if not words or not words <= heading:
        return ident.split()
    text = len(prose(element.text_content()))
    linked = sum(len(prose(link.text_content())) for link in element.iter("a"))
    return ident.split() if linked * 2 >= text else []


def _is_link_list(element: Element) -> bool:
    """A menu not marked as one: a list or box of three or more links that is mostly link text.

    Letters are counted, not digits nor signs: a blog's categories "Travel (1465)" are links; nor
    the code of the scripts in it (an advertisement's, between the items of a list). A box
    holding prose (a run of 100 letters outside links) is no menu, however many menus it holds
    beside (a page wrapped in one box with its site's menus).
    """
    if element.tag not in ("ul", "ol", "div", "table", "dl"):
        return False
    links = element.xpath(".//a")
    if len(links) < 3:
        return False
    scripts = sum(len(_LETTERS.findall(s.text_content())) for s in element.iter("script", "style"))
    text = len(_LETTERS.findall(element.text_content())) - scripts
    linked = sum(len(_LETTERS.findall(link.text_content())) for link in links)
    if text == 0 or linked < 0.8 * text:
        return False
    titled = sum(len(_LETTERS.findall(h1.text_content())) for h1 in element.iter("h1"))
    if titled * 2 >= text:
        return False  # a page's title linked to itself, and its byline's links: no menu
    return not any(len(_LETTERS.findall(run)) >= 100 for run in element.xpath(_PROSE))


def _remove_furniture(content: Element) -> None:
    """Remove what is not content, keeping the tail text that follows a removed inline element.

    Boxes named as furniture go first, then what stands beside the title in an article's header,
    then readers' comments, then the other boxes beside the story (share buttons, related
    stories), each pass measuring what the one before left.
    """
    _math_as_text(content)
    _captions_without_credits(content)
    _article_bodies(content)
    doomed = [
        element
        for element in content.iterdescendants()
        if not isinstance(element.tag, str) or _is_furniture(element)
    ]
    # When that would leave almost nothing (under 200 characters), a box around most of the page
    # was no furniture, whatever its name: ASP.NET wraps the whole page in '<form
    # id="aspnetForm">', and an unclosed '<header>' or '<div class="navbar">' swallows everything
    # after it. (The furniture inside it still goes.)
    total, paragraphs = len(_visible_text(content)), _paragraph_length(content)
    # A box named as furniture that holds most of the page's paragraphs is the story's: a
    # WordPress theme names a post's box '<div class="entry themeform share">'.
    doomed = [e for e in doomed if not _holds_the_story(e, paragraphs)]
    marked = set(doomed)
    outermost = _outermost(doomed)
    if total - sum(len(_visible_text(e)) for e in outermost) < 200:
        doomed = [e for e in doomed if not _holds_the_page(e, total, marked - {e})]
        doomed = _lists_kept(doomed, total)
    _drop(doomed)
    headers = list(content.iter("header"))
    total = len(_visible_text(content)) if headers else 0
    for header in headers:
        if len(_visible_text(header)) * 2 <= total:  # not an unclosed one holding the page
            _drop(header.xpath(_BESIDE_THE_TITLE))  # an article's title, its byline beside
    thread: set[Element] = set()  # the comments that are the page, kept through both passes
    for comments in (True, False):
        total, paragraphs = len(_visible_text(content)), _paragraph_length(content)
        asides = [e for e in content.iterdescendants() if _is_aside(e, comments, total, paragraphs)]
        if not comments:  # and the boxes a heading named as of related stories heads
            boxes = (related_box(h, total) for h in content.iter(*_HEADINGS))
            asides += [box for box in boxes if box is not None]
        if comments and _is_thread(asides, content, total):
            thread = set(asides)
        _drop([aside for aside in asides if aside not in thread])


def _lists_kept(doomed: list[Element], total: int) -> list[Element]:
    """``doomed`` without the lists of links that are the page: when dropping them would leave
    almost nothing of its ``total`` text, the lists are its content (a wiki's "List of
    programming languages", a category's index of pages). Only boxes that are furniture for
    being mostly links stay, and not a menu of the page's other languages; a menu named so
    (MediaWiki's "mw-portlet" of tools) still goes."""
    if total - sum(len(_visible_text(e)) for e in _outermost(doomed)) >= 200:
        return doomed
    lists = [e for e in doomed if not _is_furniture(e, lists=False) and not _is_language_menu(e)]
    if sum(len(_visible_text(e)) for e in _outermost(lists)) * 2 <= total:
        return doomed  # the lists are not most of the page: menus
    kept = set(lists)
    return [e for e in doomed if e not in kept]


def _is_language_menu(element: Element) -> bool:
    """Whether ``element`` is a menu of the page in other languages: most of its links say the
    language they lead to ('<a hreflang="de">Deutsch</a>')."""
    links = element.xpath(".//a")
    return len(element.xpath(".//a[@hreflang]")) * 2 > len(links)


def _article_bodies(content: Element) -> None:
    """Reduce each box hidden from the browser that holds a copy of the story for search engines
    (schema.org's articleBody) to the story alone, once: a second copy is dropped whole."""
    seen: set[str] = set()
    for hidden in list(content.iterdescendants()):
        if not isinstance(hidden.tag, str) or not _HIDDEN_STYLE.search(hidden.get("style") or ""):
            continue
        if hidden.getparent() is not None and keep_article_body(hidden):
            text = _visible_text(hidden)
            if text in seen:
                hidden.drop_tree()
            seen.add(text)


def _footnotes_in_place(content: Element) -> None:
    """Move each footnote (a box of class "footnote" with an id, as DocBook and Sphinx write
    them at the page's end) to right after the paragraph that refers to it, so that it is read
    in that paragraph's section, not in the page's last one."""
    for note in content.xpath(_FOOTNOTES):
        ident = note.get("id")
        markers = content.xpath(".//a[@href=$target]", target=f"#{ident}")
        if not markers or any(a is note for a in markers[0].iterancestors()):
            continue
        paragraph = next((a for a in markers[0].iterancestors() if a.tag in _FOOTNOTE_HOSTS), None)
        if paragraph is not None and not any(a is note for a in paragraph.iterancestors()):
            paragraph.addnext(note)


def _notes_after_code(content: Element) -> None:
    """Label each note box ('<div class="…-warning"><strong>Warning</strong> This will …')
    "Warning: This will …", and move one standing between a sentence ending in a colon and the
    code it introduces to after that code: the sentence and its code are read as one passage,
    the warning beside them."""
    for box in content.iter("div", "aside"):
        first = next((c for c in box if isinstance(c.tag, str)), None)
        if first is None or first.tag not in _EMPHASIS or (box.text or "").strip():
            continue
        if inline_text(first).lower() not in _LABELS:
            continue
        if not (first.tail or "").lstrip().startswith(":"):
            first.tail = ": " + (first.tail or "").lstrip()
        before, after = box.getprevious(), box.getnext()
        if before is None or before.tag != "p" or after is None or after.tag != "pre":
            continue
        if not prose(before.text_content()).endswith(":") or (box.tail or "").strip():
            continue
        while after.getnext() is not None and after.getnext().tag == "pre":
            after = after.getnext()
        after.addnext(box)  # (lxml moves the box's tail with it: white space only)


def _captions_without_credits(content: Element) -> None:
    """Drop the credit closing a photo's caption ("Police use a water cannon on the protesters.
    Photograph: Stephanie Keith/Reuters"): who took the picture, not what it shows. The credit
    is the caption's last text, after its last sentence, opened by a credit's label."""
    for caption in content.iter("figcaption"):
        last = caption[-1] if len(caption) else None
        text = (last.tail if last is not None else caption.text) or ""
        found = _CREDIT.search(text)
        whole = caption.text_content()  # (the text searched is its end)
        if found is None or not prose(whole[: len(whole) - len(text) + found.start()]):
            continue  # a caption that is only a credit is left as it is
        if last is not None:
            last.tail = text[: found.start()]
        else:
            caption.text = text[: found.start()]


def _math_as_text(content: Element) -> None:
    """A MathML formula as the symbols a browser draws, joined without spaces ("y1,…,yN"); its
    TeX annotation, and the white space that lays the markup out, are not shown."""
    for math in list(content.iter("math")):
        for box in math.iterancestors():  # Wikipedia hides the MathML for an image of it
            if _HIDDEN_STYLE.search(box.get("style") or ""):
                del box.attrib["style"]
        pieces = math.xpath(".//text()[not(ancestor::annotation or ancestor::annotation-xml)]")
        symbols = "".join(str(piece).strip() for piece in pieces)
        math.tail = _INVISIBLE_OPERATORS.sub("", symbols) + (math.tail or "")
        math.drop_tree()


def _holds_the_page(element: Element, total: int, furniture: set[Element]) -> bool:
    """Whether ``element`` holds more than half of the ``total`` text (200 characters at
    least: a copyright line is no page), and not as links, nor is it a ``<nav>``. Its links are
    counted in what is left once the ``furniture`` inside it goes (a news site's menus and
    lists of stories, inside the '<form id="aspnetForm">' that wraps its page)."""
    if not isinstance(element.tag, str) or element.tag in ("script", "style", "template", "nav"):
        return False
    length = len(_visible_text(element))
    if length * 2 <= total or length < 200:
        return False
    left = linked = 0
    for text in element.xpath(_SHOWN):
        box = text.getparent().getparent() if text.is_tail else text.getparent()
        boxes = [box, *box.iterancestors()] if box is not None else []
        boxes = boxes[: next((i for i, b in enumerate(boxes) if b is element), len(boxes))]
        if not any(b in furniture for b in boxes):
            size = len(prose(str(text)))
            left += size
            linked += size if any(b.tag == "a" for b in boxes) else 0
    return linked * 2 < left


def _holds_the_story(element: Element, paragraphs: int) -> bool:
    """Whether ``element``, a box named as furniture, holds more than half of the ``paragraphs``
    (the characters in ``<p>`` of the page), and not as links."""
    if element.tag not in ("div", "section", "article") or not _is_named_furniture(element):
        return False  # an <aside>, a <header>: furniture by its tag
    return _paragraph_length(element) * 2 > paragraphs and link_density(element) < 0.5


def _drop(doomed: list[Element]) -> None:
    for element in doomed:
        if element.getparent() is not None:
            element.drop_tree()  # keeps the tail: "see note¶ below" stays "see note below"


def _paragraph_length(element: Element) -> int:
    """How many characters of ``element``'s text are in ``<p>`` paragraphs."""
    return sum(len(prose(p.text_content())) for p in element.iter("p"))


def _is_aside(element: Element, comments: bool, total: int, paragraphs: int) -> bool:
    """Whether ``element`` is a box of readers' comments (``comments``) or else of share
    buttons, related stories and the like, by the words of its class or id names, that can go
    without taking the story with it.

    Such names are loose ("tag-share" on a WordPress article about sharing, "comments-open" on
    a post's box), so the box must hold no ``<h1>`` and leave the story: hold at most half of
    ``total`` (the content's text) and no quotation (an embedded tweet), or, for comments, which
    often outrun the story, leave 1000 characters of ``<p>`` paragraphs (of ``paragraphs``) beside.
    """
    if not isinstance(element.tag, str) or element.tag in ("html", "body", "main", "article"):
        return False
    if element.tag == "a" and element.xpath("ancestor::p|ancestor::li|ancestor::dd"):
        return False  # a link in a sentence ("… see <a class="inline-onebox">How to …</a>")
    words: set[str] = set()
    for name in (element.get("class") or "").split() + _own_ids(element):
        if "." in name and name in _own_ids(element):
            continue  # an anchor of code ("requests.Session.cookies"), named after no box
        split = [word.lower() for word in _NAME_WORDS.split(name) if word]
        # and each two words read as one: "read-more-big" is a "readmore" box
        parts = {*split, *(a + b for a, b in itertools.pairwise(split))}
        if not _TAXONOMY.match(name) and not parts & _STATE_WORDS:
            words |= parts
    named = words & (_COMMENT_WORDS if comments else _ASIDE_WORDS)
    if not named or element.xpath(".//h1"):
        return False
    if element.xpath(_IN_CODE_OR_HEADING):
        return False
    if comments and paragraphs - _paragraph_length(element) >= 1000:
        return True
    return len(_visible_text(element)) * 2 <= total and not element.xpath(".//blockquote")


def _is_thread(comments: list[Element], content: Element, total: int) -> bool:
    """Whether ``comments``, the boxes named as readers' comments, are the page: a forum's
    thread of posts, a match's live ticker, each entry a "comment". They hold more than half of
    its ``total`` text, and no story is left without them (no box scoring 5)."""
    outermost = _outermost(comments)
    if sum(len(_visible_text(e)) for e in outermost) * 2 <= total:
        return False
    places = [(e.getparent(), e.getparent().index(e), e) for e in outermost]
    for parent, _, element in places:
        parent.remove(element)  # its tail goes, and comes back, with it
    try:
        return story_score(content) < 5
    finally:
        for parent, index, element in places:
            parent.insert(index, element)


def _outermost(elements: list[Element]) -> list[Element]:
    """Those of ``elements`` inside none of the others."""
    marked = set(elements)
    return [e for e in elements if not any(a in marked for a in e.iterancestors())]


def _is_block(element: Element) -> bool:
    return isinstance(element.tag, str) and element.tag in _BLOCK_TAGS


def _has_blocks(element: Element) -> bool:
    return any(_is_block(child) for child in element.iterdescendants())


def inline_text(element: Element) -> str:
    """An inline element's text as a browser shows it: pieces joined with nothing added between,
    ``<br>`` as a space. The text after the element (its tail) is not its own: after a heading
    left open ("<h3><code>rawset (t, i, v)</code></h3>Sets the real value of …", the Lua
    manual's form) it is the description the heading names, read by the walk as loose text."""
    pieces = [element.text or ""]
    for child in element:
        pieces.extend(_text_pieces(child))
    return prose("".join(pieces))


def _text_pieces(element: Element) -> Iterator[str]:
    if element.tag == "br":
        yield " "
    elif isinstance(element.tag, str):
        yield element.text or ""
        for child in element:
            yield from _text_pieces(child)
    yield element.tail or ""


def walk_blocks(element: Element, walk: _Walk) -> None:
    """Add the blocks of ``element``'s children, in document order, to ``walk.document``.

    Text directly inside a box that also holds blocks ("loose" text) is read as a paragraph of
    its own wherever a block interrupts it.
    """
    loose: list[str] = [element.text or ""]
    for child in element:
        if not _is_block(child) and not (walk.sections and _is_box_label(child)):
            loose.extend(_text_pieces(child))
            continue
        _paragraph(prose("".join(loose)), walk)
        loose = [child.tail or ""]
        if _is_block(child):
            _block(child, walk)
        elif not _headed_after(child):  # "Key Points" over a list: its heading
            walk.section = walk.outline.enter(6, inline_text(child))
    _paragraph(prose("".join(loose)), walk)


def _is_box_label(element: Element) -> bool:
    """Whether ``element``, an inline one between a box's blocks, is the label of the box's kind,
    named so ('<span class="callout-header">Discussion</span>', "card-header", "panel-title"): a
    few words, no sentence. Under a heading of the box (a callout's "Can I Use Open License?")
    it says nothing more; else it heads the box's text (see :func:`_walk_box`)."""
    if not isinstance(element.tag, str) or _is_block(element):
        return False
    words = {w.lower() for w in _NAME_WORDS.split(element.get("class") or "") if w}
    if not words & _LABEL_CLASS_WORDS:
        return False
    text, box = inline_text(element), element.getparent()
    if box is None or box.tag not in ("div", "section", "aside", "article"):
        return False  # an item's or a paragraph's label ("New"), or a footnote's number
    worded = any(ch.isalpha() for ch in text)
    return worded and len(text.split()) <= 4 and not text.endswith((".", ":", "!", "?"))


def _headed_after(label: Element) -> bool:
    """Whether a heading of the box ``label`` stands in comes after it."""
    return any(
        isinstance(e.tag, str) and e.tag in _HEADINGS and not _labels_code(e)
        for sibling in label.itersiblings()
        for e in sibling.iter()
    )


def _block(element: Element, walk: _Walk) -> None:
    """Read one block element: a heading, code, a table, a paragraph, or a box of blocks."""
    tag = element.tag
    if tag in _HEADINGS and _labels_code(element):
        return  # "BASH", "OUTPUT" over a lesson's code: the code's label, no section
    if tag in _HEADINGS:
        title = tag == "h1" and walk.title_from_h1
        _heading(tag, _headline(element, walk.names) if title else inline_text(element), walk)
    elif tag == "pre":
        for br in element.iter("br"):  # a line break inside code is a new line of it
            br.tail = "\n" + (br.tail or "")
        # A browser drops the newline right after <pre>; it is markup, not the code's first line.
        shown = element.text_content().removeprefix("\n")
        if is_typeset_prose(shown) or (walk.typeset and is_indented(shown)):
            _typeset(shown, walk)
            return
        if _labels_next_code(element, shown):
            walk.label = shown.strip()  # "/etc/sudoers.d/90-archie_nopasswd" over its lines
            return
        attach_code(walk.document, code_text(shown), walk.section, walk.intro)
        walk.intro, walk.display = None, len(walk.document.blocks) - 1
        if walk.label:
            code = walk.document.blocks[-1]
            walk.document.blocks[-1] = replace(code, text=f"{code.text} {walk.label}".strip())
            walk.label = ""
    elif tag == "table" and not _is_layout_table(element):
        rows, header = _table_rows(element), not _row_headed(element)
        walk.document.blocks.extend(table_blocks(rows, walk.section, header=header))
        walk.intro = None
    elif tag in ("hr", "br"):
        return
    elif tag == "li":
        walk.items += 1
        if _has_blocks(element):
            walk_blocks(element, walk)
        else:
            _paragraph(inline_text(element), walk)
        walk.items -= 1
    elif tag == "dt":
        walk.term = f"{walk.term}, {inline_text(element)}" if walk.term else inline_text(element)
    elif _is_box_title(element):
        walk.term = inline_text(element) + "\n"  # "Abstract", above the paragraph it heads
    elif tag == "dl":
        walk_blocks(element, walk)
        term, walk.term = walk.term, ""
        _paragraph(term, walk)  # a term with no definition after it stands alone
    elif tag == "p" and (lines := _short_lines(element)):
        _paragraph("\n".join(lines), walk)  # a record's lines, read as one
    elif _has_blocks(element):
        _walk_box(element, walk)
    elif tag == "p" and _all_code(element):
        # "<p><code>xslt-config --cflags</code></p>": a command set as a paragraph of its own,
        # the code the paragraph before introduces.
        attach_code(walk.document, inline_text(element), walk.section, walk.intro)
        walk.intro = None
    else:
        # "<p><em>pathsegments</em> is specified …" opens a sentence of its own with a name.
        named = not (element.text or "").strip() and len(element) > 0
        _paragraph(inline_text(element), walk, goes_on=not named)


def _short_lines(paragraph: Element) -> list[str]:
    """The lines of ``paragraph`` when it is a few short lines broken by ``<br>`` and nothing
    else (a record's "Deepwater Horizon" / "My Guess: $18,000,000" / "Actual: $20,606,000", an
    address, a stanza; one line may be a sentence): one paragraph, whose lines say what they
    say only together. Else none:
    a post's paragraphs set apart by ``<br>`` each read alone."""
    lines, pieces = [], [paragraph.text or ""]
    for child in paragraph:
        if isinstance(child.tag, str) and child.tag != "br" and _is_block(child):
            return []
        if child.tag == "br":
            lines.append(prose("".join(pieces)))
            pieces = [child.tail or ""]
        else:
            pieces.extend(_text_pieces(child))
    lines = [line for line in [*lines, prose("".join(pieces))] if line]
    if not _FEWEST_LINES <= len(lines) <= _MOST_LINES:
        return []
    longer = [line for line in lines if len(line) > _SHORT_LINE]  # (a record's "Result: …")
    return lines if len(longer) <= 1 and all(len(x) <= LIST_ITEM_CHARS for x in longer) else []


def _labels_next_code(pre: Element, shown: str) -> bool:
    """Whether ``pre``, holding ``shown``, is the caption of the ``<pre>`` right after it: one
    line naming a file ("/etc/sudoers.d/90-archie_nopasswd", "~/.bashrc") in a box of its own
    over the file's lines, as wikis set a file's name above its content."""
    following = pre.getnext()
    if following is None or following.tag != "pre" or (pre.tail or "").strip():
        return False
    return bool(_FILE_NAME.fullmatch(shown.strip()))


def _typeset(text: str, walk: _Walk) -> None:
    """Read a manual page typeset in a ``<pre>`` (see :mod:`~retrieval.ingest.readers.manpre`)
    as its subsections, paragraphs and displays, under the heading above it."""
    level = walk.outline.open[-1][0] + 1 if walk.outline.open else 2
    for piece in pieces(text):
        if piece.kind == "heading" and walk.sections:
            walk.section = walk.outline.enter(min(level, 6), piece.text)
            walk.intro = None
        elif piece.kind == "code":
            attach_code(walk.document, code_text(piece.text), walk.section, walk.intro)
            walk.intro = None
        else:
            _paragraph(piece.text, walk)


def _walk_box(box: Element, walk: _Walk) -> None:
    """Read a box of blocks. A box whose heading heads text inside it is a part of its own (a
    lesson's "Overview" card with its "Questions" and "Objectives", a callout titled "Can I Use
    Open License?", a ``<section>``): its headings head nothing after it, and the section in
    force before it goes on. A box holding only a heading (a banner around a title) leaves it
    in force for the text that follows. A box right after such a box is its sequel (a lesson's
    challenge, then its solution folded in a box of its own): under the same headings."""
    before, section, entered = list(walk.outline.open), walk.section, len(walk.outline.entered)
    sequel = walk.boxed if walk.boxed and walk.boxed[0] is box.getprevious() else None
    inside = None if sequel is None else _heads_inside(box)  # (a walk of the box: once)
    if sequel is not None and not inside:  # a challenge's solution after it
        walk.outline.open, walk.section = list(sequel[1]), sequel[2]
    else:
        sequel = None
    start = list(walk.outline.open)
    walk_blocks(box, walk)
    headed = len(walk.outline.entered) > entered
    if sequel is not None or (headed and (_heads_inside(box) if inside is None else inside)):
        inner = walk.boxed
        if inner is not None and walk.outline.open == start and _within(inner[0], box):
            walk.boxed = (box, inner[1], inner[2])  # its headings were an inner box's
        else:
            walk.boxed = (box, list(walk.outline.open), walk.section)
        walk.outline.open, walk.section = before, section


def _within(element: Element, box: Element) -> bool:
    return any(ancestor is box for ancestor in element.iterancestors())


def _inline_within(element: Element, box: Element) -> bool:
    """Whether ``element`` stands in an inline element inside ``box`` ("<button><h4>Show me
    the solution</h4></button>"): the walk reads it as text, no heading."""
    for ancestor in element.iterancestors():
        if ancestor is box:
            return False
        if not _is_block(ancestor):
            return True
    return False


def _heads_inside(box: Element) -> bool:
    """Whether a heading in ``box`` (not a label of code; or the box's label, see
    :func:`_is_box_label`) has text after it in ``box``."""
    heading: Element | None = None
    for element in box.iterdescendants():
        if not isinstance(element.tag, str):
            continue
        if (element.tag in _HEADINGS and not _labels_code(element)) or _is_box_label(element):
            if not _inline_within(element, box):  # one in a button is read as its text
                heading = element
        elif (
            heading is not None
            and element.tag in _BLOCK_TAGS
            and element.tag not in _HEADINGS
            and not _within(element, heading)
            and element.text_content().strip()
        ):
            return True
    return False


def _labels_code(heading: Element) -> bool:
    """Whether ``heading`` is the label of the code right under it, one word in capitals
    naming its language or what it shows ("BASH", "OUTPUT", "PYTHON", as a Carpentries lesson
    sets them): a caption, which would otherwise be the section of every paragraph after."""
    following = heading.getnext()
    text = inline_text(heading)
    one_word = len(text.split()) == 1 and text.isupper()
    if not one_word or following is None or following.tag != "pre":
        return False
    # Marked as a label ("code-label") or set inside the code's box ("codewrapper"): an
    # unmarked "INSTALLATION" heading over a command heads its section.
    parent = heading.getparent()
    around = parent.get("class") or "" if parent is not None else ""
    marks = f"{heading.get('class') or ''} {around}".lower()
    return "label" in marks or "code" in marks


def _is_box_title(element: Element) -> bool:
    """The title of a box of the text's own (Sphinx's '<p class="topic-title">Abstract</p>'),
    right above the box's first paragraph: no section, and no passage of its own."""
    names = set((element.get("class") or "").split())
    following = element.getnext()
    return (
        element.tag == "p"
        and bool(names & _BOX_TITLES)
        and following is not None
        and following.tag == "p"
    )


def _all_code(element: Element) -> bool:
    """Whether every character of ``element``'s text is inside code markup."""
    if (element.text or "").strip():
        return False
    children = list(element)
    return bool(children) and all(
        child.tag in _CODE_TAGS and not (child.tail or "").strip() for child in children
    )


def _is_layout_table(table: Element) -> bool:
    """A table used to lay out boxes (a DocBook "Tip" note) rather than to hold data.

    A data table has a row of two or more cells, each cell at most one paragraph: a CMS sets
    "<td><p>299,95 Euro</p></td>". A cell holding code, a list, a table or several paragraphs
    is a box of a layout.
    """
    if table.xpath(".//td//pre|.//td//table|.//td//ul|.//td//ol|.//td//dl|.//td//blockquote"):
        return True
    cells = table.xpath(".//td|.//th")
    if any(
        len(cell.xpath(".//p|.//div|.//h1|.//h2|.//h3|.//h4|.//h5|.//h6")) > 1 for cell in cells
    ):
        return True
    return not any(sum(1 for cell in row if cell) >= 2 for row in _table_rows(table))


def _table_rows(table: Element) -> list[list[str]]:
    """The text of a table's cells, row by row; header cells set in ``<thead>`` without a
    ``<tr>`` (as browsers accept) are the first row."""
    loose = table.xpath("./thead/th|./thead/td")
    rows = [[inline_text(cell) for cell in loose]] if loose else []
    return rows + [[inline_text(c) for c in tr.xpath("./th|./td")] for tr in table.iter("tr")]


def _row_headed(table: Element) -> bool:
    """Whether each row opens with its own header cell ("<th>Syntax:</th><td>ExpiresDefault
    …</td>", a reference's summary of a directive): names and values, no row of column labels,
    so the first row's cells must not label the others ("Description:: Syntax: | …")."""
    rows = list(table.iter("tr"))
    firsts = [tr.xpath("./th|./td")[:2] for tr in rows]
    return len(rows) >= 2 and all(
        len(cells) == 2 and cells[0].tag == "th" and cells[1].tag == "td" for cells in firsts
    )


def _heading(tag: str, text: str, walk: _Walk) -> None:
    walk.intro = None
    if not text:
        return
    if not walk.sections:
        _paragraph(text, walk)
        return
    if tag == "h1" and walk.title_from_h1 and text == walk.logo:
        # The site's logo set as a heading ("The GiveWell Blog"): the page's own title is
        # another <h1>, or else <title> without the site's name.
        walk.logo = None
        return
    if tag == "h1" and walk.title_from_h1:
        # The title heads the whole page: no heading before it ("Latest news") is open any more.
        walk.document.title, walk.title_from_h1 = text, False
        walk.section = walk.outline.close(1)
        return
    walk.section = walk.outline.enter(int(tag[1:]), text)


def _paragraph(text: str, walk: _Walk, goes_on: bool = True) -> None:
    if not text or text.lower().rstrip(":") in _LABELS:
        return  # "Note", "Tip": the label of a box, whose text follows as its own paragraph
    blocks = walk.document.blocks
    goes_on = goes_on and _goes_on(blocks[-1] if blocks else None, text, walk)
    if walk.term.endswith("\n"):  # a box's title, on a line above its first paragraph
        text, walk.term = walk.term + text, ""
    elif walk.term:  # a definition is read with its term: "timeout: seconds to wait"
        term, walk.term = walk.term.rstrip(), ""
        text = f"{term} {text}" if term.endswith((":", ".", "?")) else f"{term}: {text}"
    if goes_on:
        # "… you’ll see:" / WARNING:root:Watch out! / "printed out on the console.": the
        # sentence reads through its short display, and a passage of "printed out on the
        # console." would say nothing of what was printed.
        shown = blocks.pop()
        text = f"{shown.text} {' '.join(shown.code.split())} {text}"
    walk.document.add(walk.section, text, item=walk.items > 0)
    walk.intro = len(walk.document.blocks) - 1


def _goes_on(shown: Block | None, text: str, walk: _Walk) -> bool:
    """Whether ``text`` goes on with the sentence that ``shown`` (a short <pre> display and the
    sentence introducing it) left open: it starts with a small letter."""
    if shown is None or shown.kind != "code" or not shown.text or walk.items or walk.term:
        return False
    if walk.display != len(walk.document.blocks) - 1:
        return False  # a command set as a paragraph of <code> stays the code it is
    short = len(shown.code.splitlines()) <= _RUN_IN_LINES and len(shown.code) <= 80
    session = shown.code.lstrip().startswith((">>>", "$ ", "# "))  # an example, whole
    return short and not session and shown.section == walk.section and text[:1].islower()
