"""The title an OpenDocument text prints on its first page, and which title the document has.

A document made from another one, or from a template, keeps that one's properties: eProsima's
Fast RTPS manuals are all titled "eProsima RTPS User Manual" in their properties, while their
covers say "Fast RTPS" / "Latency Test" or "Shapes Demo v0.0.0" / "Interoperability
Troubleshooting" in the Title style. As the PDF reader does, the properties' title stands when
the first page prints it (as a run of its lines, or its words apart, most of them in the title);
otherwise the first page's title is the document's, unless it only says part of the properties'
(a cover printing "User Manual" under a fuller stated title). The Title style marks the printed
title, so no type sizes need comparing.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from retrieval.ingest.readers.common import prose, said_in_order, title_words
from retrieval.ingest.readers.odtcode import local_name

_TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
_STYLE = "urn:oasis:names:tc:opendocument:xmlns:style:1.0"
_FO = "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
# What ends the first page: a heading, the table of contents, an index.
_PAST_COVER = frozenset({"h", "table-of-content", "alphabetical-index", "illustration-index"})
_APART_WORDS = 3  # a title of fewer words may be any page's words ("User Manual")


@dataclass(frozen=True)
class Cover:
    """The first page: its lines of text in order, and its paragraphs in the Title style."""

    lines: tuple[str, ...] = ()
    titles: tuple[Any, ...] = ()  # the title's paragraphs, read as the title and not as text
    title: str = ""  # their lines joined


def page_breaks(roots: list[Any]) -> frozenset[str]:
    """The paragraph styles that start a new page: breaking before it, or opening a page style."""
    return frozenset(
        str(style.get(f"{{{_STYLE}}}name") or "")
        for root in roots
        for style in root.iter(f"{{{_STYLE}}}style")
        if style.get(f"{{{_STYLE}}}master-page-name")
        or any(
            properties.get(f"{{{_FO}}}break-before") == "page"
            for properties in style.iter(f"{{{_STYLE}}}paragraph-properties")
        )
    )


def cover(
    body: Any, title_styles: frozenset[str], breaks: frozenset[str], text: Callable[[Any], str]
) -> Cover:
    """The first page of ``body`` (``office:text``): what comes before its first heading, table
    of contents or page break after some text. ``title_styles``: the Title style and those based
    on it; ``breaks``: the paragraph styles starting a new page."""
    lines: list[str] = []
    titles: list[Any] = []
    lines_owner: Any = None  # the element the last line of text was in
    for element in _flat(body):
        name = local_name(element)
        if name in _PAST_COVER:
            break
        style = element.get(f"{{{_TEXT}}}style-name") or ""
        # a page LibreOffice turned where it laid the text out: a soft-page-break between
        # paragraphs (its usual place) or inside one
        turned = (
            name == "soft-page-break" or element.find(f".//{{{_TEXT}}}soft-page-break") is not None
        )
        if lines and (style in breaks or turned):
            break
        # the title: its run of lines in the Title style (a later one heads a part, as before)
        run = not titles or titles[-1] is lines_owner
        if name == "p" and style in title_styles and run and (line := prose(text(element))):
            titles.append(element)
            lines.append(line)
            lines_owner = element
        elif name in ("p", "list", "table"):
            paragraphs = element.iter(f"{{{_TEXT}}}p") if name != "p" else [element]
            said = [line for p in paragraphs if (line := prose(text(p)))]
            lines.extend(said)
            lines_owner = element if said else lines_owner
    printed = " ".join(prose(text(p)) for p in titles)
    return Cover(tuple(lines), tuple(titles), printed)


def _flat(body: Any) -> Iterator[Any]:
    """The body's elements in order, those of its sections (``text:section``) in their place."""
    for element in body:
        if local_name(element) == "section":
            yield from _flat(element)
        else:
            yield element


def title_of(stated: str, page: Cover) -> str:
    """The document's title: the properties' (``stated``) or the one its first page prints."""
    if not page.title or not stated:
        return stated or page.title
    words = title_words(stated)
    if _printed_whole(words, page.lines) or _printed_apart(set(words), page):
        return stated
    if set(title_words(page.title)) <= set(words):
        return stated  # the cover says part of it: the stated title is the fuller
    return page.title


def _printed_whole(words: list[str], lines: tuple[str, ...]) -> bool:
    """Whether ``words`` are printed in order as a line or a run of lines of their own."""
    return said_in_order(words, [title_words(line) for line in lines])


def _printed_apart(words: set[str], page: Cover) -> bool:
    """Whether every one of ``words`` is on the page, most of them in its title."""
    on_page = {word for line in page.lines for word in title_words(line)}
    if len(words) < _APART_WORDS or not words <= on_page:
        return False
    return 2 * len(words & set(title_words(page.title))) > len(words)
