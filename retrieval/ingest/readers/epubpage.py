"""An e-book's page as its marks mean it, before the web-page reader reads it.

A chapter of an EPUB is XHTML, but no web page: no site stands around its text, so a
``<header>`` holds the chapter's heading (the IDPF samples' '<header><h1>Chapter 24. The
Advocate.</h1></header>') with its epigraph, or a letter's dateline, an ``<aside>`` a note box
of the book, a ``<footer>`` a letter's signature; the web-page reader would drop each as a site's
banner, sidebar or footer. A header's heading heads the rest of the part it opens, not only the
header. ``<hgroup>`` groups a heading with its subtitle (Standard Ebooks'
'<hgroup><h2>IV</h2><p epub:type="title">Sir Henry Baskerville</p></hgroup>'): one heading,
"IV. Sir Henry Baskerville". And EPUB 3 names the publisher's pages (``epub:type``: the imprint,
the title page, the colophon, the copyright page, lists of contents): they are no text of the
book, and their lines ("standardebooks.org/ebooks/…") would answer questions about it; the
title page's author is kept as the book's author when the package names none. The print
edition's page numbers marked in the text are left out.
"""

from __future__ import annotations

import re
from typing import Any

from retrieval.ingest.parsed import ParsedDocument
from retrieval.ingest.readers.common import TERMINAL, prose, stated_author

Element = Any  # lxml.html.HtmlElement

_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
# The publisher's pages and the lists that navigate the book (EPUB 3 Structural Semantics
# Vocabulary), and the DPUB-ARIA roles of the same. Not "endnotes", "footnotes", "glossary",
# "index", "preface", "dedication" or "epigraph": those are the author's.
PUBLISHERS_MATTER = frozenset(
    {
        "imprint", "colophon", "copyright-page", "titlepage", "halftitlepage", "cover",
        "toc", "toc-brief", "landmarks", "page-list", "loi", "lot", "loa", "lov",
        "doc-colophon", "doc-toc", "doc-pagelist", "doc-cover",
    }
)  # fmt: skip
_PAGE_BREAKS = frozenset({"pagebreak", "doc-pagebreak"})
# A heading that is a number, or a label and its number: "IV", "12", "Chapter IV", "Book 2".
_NUMBERED = re.compile(r"^(?:[^\W\d_]+\s+)?(?:\d+|[IVXLCDM]+)$")
_BY = re.compile(r"^by\s+", re.IGNORECASE)


def prepare_page(root: Element, document: ParsedDocument) -> None:
    """Make the page's tree say what its e-book marks say (see the module's text); the first
    title page's author becomes ``document``'s when it has none."""
    marked = [e for e in root.iter() if isinstance(e.tag, str) and _marks(e) & PUBLISHERS_MATTER]
    for part in marked:
        if "titlepage" in _marks(part) and document.author is None:
            document.author = _title_page_author(part)
    # The print edition's page numbers ('<span epub:type="pagebreak" title="198">198</span>'
    # inside a sentence, or alone in a box): no text of the book, nor a heading.
    marked += [e for e in root.iter() if isinstance(e.tag, str) and _marks(e) & _PAGE_BREAKS]
    doomed = set(marked)
    for part in marked:
        if not any(ancestor in doomed for ancestor in part.iterancestors()):
            _drop(part)
    for header in list(root.iter("header")):
        header.drop_tag()  # its heading heads the rest of its part, its epigraph in it
    for element in list(root.iter("footer", "aside")):
        element.tag = "div"  # a box of the book's text
    for group in list(root.iter("hgroup")):
        _as_heading(group)


def _marks(element: Element) -> set[str]:
    """The words of ``epub:type`` and ``role``."""
    return set(f"{element.get('epub:type') or ''} {element.get('role') or ''}".split())


def _drop(element: Element) -> None:
    """Remove ``element``'s content; the element itself too unless it is the page's body."""
    if element.tag in ("body", "html") or element.getparent() is None:
        element.text = None
        for child in list(element):
            element.remove(child)
    else:
        element.drop_tree()


def _title_page_author(page: Element) -> str | None:
    """The authors a title page names: marked so (``z3998:author``), else a line "By …"."""
    marked = [
        prose(element.text_content())
        for element in page.iter()
        if isinstance(element.tag, str) and "z3998:author" in _marks(element)
    ]
    if marked:
        return stated_author(", ".join(dict.fromkeys(name for name in marked if name)))
    for line in page.iter("p", "div", "span"):
        text = prose(line.text_content())
        if _BY.match(text) and len(text) < 100:
            return stated_author(_BY.sub("", text).rstrip("."))  # "By Arthur Conan Doyle."
    return None


def _as_heading(group: Element) -> None:
    """Replace ``group``, an ``<hgroup>``, by one heading of its highest rank holding its parts:
    after a number a stop ("IV. Sir Henry Baskerville"), else a colon before the subtitle."""
    headings = [e for e in group.iter(*_HEADINGS)]
    parent = group.getparent()
    if not headings or parent is None:
        return
    parts = [prose(child.text_content()) for child in group if isinstance(child.tag, str)]
    heading = group.makeelement(min(e.tag for e in headings), {})
    heading.text = _joined([part for part in parts if part])
    heading.tail = group.tail
    parent.replace(group, heading)


def _joined(parts: list[str]) -> str:
    text = parts[0] if parts else ""
    for part in parts[1:]:
        if text.endswith(TERMINAL):
            text = f"{text} {part}"
        elif _NUMBERED.match(text):
            text = f"{text}. {part}"
        else:
            text = f"{text}: {part}"
    return text
