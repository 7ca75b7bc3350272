"""An e-book's page as its marks mean it, before the web-page reader reads it.

A chapter of an EPUB is XHTML, but no web page: no site stands around its text, so a
``<header>`` holds the chapter's heading (the IDPF samples' '<header><h1>Chapter 24. The
Advocate.</h1></header>') with its epigraph, or a letter's dateline, an ``<aside>`` a note box
of the book, a ``<footer>`` a letter's signature; the web-page reader would drop each as a site's
banner, sidebar or footer. A header's heading heads the rest of the part it opens, not only the
header. ``<hgroup>`` groups a heading with its subtitle (Standard Ebooks'
'<hgroup><h2>IV</h2><p epub:type="title">Sir Henry Baskerville</p></hgroup>'): one heading,
"IV. Sir Henry Baskerville".
"""

from __future__ import annotations

import re
from typing import Any

from retrieval.ingest.readers.common import TERMINAL, prose

Element = Any  # lxml.html.HtmlElement

_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
# A heading that is a number, or a label and its number: "IV", "12", "Chapter IV", "Book 2".
_NUMBERED = re.compile(r"^(?:[^\W\d_]+\s+)?(?:\d+|[IVXLCDM]+)$")


def prepare_page(root: Element) -> None:
    """Make the page's tree say what its e-book marks say (see the module's text)."""
    for header in list(root.iter("header")):
        header.drop_tag()  # its heading heads the rest of its part, its epigraph in it
    for element in list(root.iter("footer", "aside")):
        element.tag = "div"  # a box of the book's text
    for group in list(root.iter("hgroup")):
        _as_heading(group)


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
