"""The reader of EPUB e-books: a zip of XHTML chapters, read in the book's order as web pages.

No e-book library is needed (the maintained one, EbookLib, is AGPL): the container names the
package file, whose metadata gives the title (with its subtitle), the author and the date, and
whose spine gives the chapters' order; each chapter goes through the web-page reader
(:func:`~retrieval.ingest.readers.html.add_page`), so chapters keep their headings as sections and
their code as code, once its e-book marks are read (:mod:`~retrieval.ingest.readers.epubpage`:
chapter headers, heading groups, the publisher's pages left out).
"""

from __future__ import annotations

import posixpath
import re
import zipfile
from functools import partial
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import lxml.etree

from retrieval.errors import DocumentError
from retrieval.ingest.dates import iso_date
from retrieval.ingest.parsed import ParsedDocument
from retrieval.ingest.readers.common import (
    Outline,
    fallback_title,
    is_placeholder_title,
    open_zip,
    prose,
    stated_author,
)
from retrieval.ingest.readers.epubpage import PUBLISHERS_MATTER, prepare_page
from retrieval.ingest.readers.html import add_page
from retrieval.ingest.readers.toc import is_contents_title

_NS = {
    "c": "urn:oasis:names:tc:opendocument:xmlns:container",
    "opf": "http://www.idpf.org/2007/opf",
    "dc": "http://purl.org/dc/elements/1.1/",
    "enc": "http://www.w3.org/2001/04/xmlenc#",
    "x": "http://www.w3.org/1999/xhtml",
    "ops": "http://www.idpf.org/2007/ops",
}
_CHAPTER_TYPES = ("application/xhtml+xml", "text/html")
_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
# Resources a publisher may obfuscate without locking the book: fonts. Anything else encrypted
# is DRM, and the text can't be read.
_FONT_SUFFIXES = (".ttf", ".otf", ".woff", ".woff2")
# The publisher's pages as an EPUB 2 package's guide names them (EPUB 3 names them in the
# navigation document's landmarks, by the words of epubpage.PUBLISHERS_MATTER). Not its "toc":
# Sphinx names so its first page, the book's opening text above the contents (a page of links
# alone is dropped as a menu anyway).
_GUIDE_TYPES = frozenset({"cover", "title-page", "copyright-page", "colophon"})


def read_epub(data: bytes, path: Path) -> ParsedDocument:
    """The reader of ``.epub`` files."""
    with open_zip(data, path, "an EPUB e-book") as book:
        if _is_locked(book):
            raise DocumentError(path, "encrypted")
        package_path = _package_path(book, path)
        package = _xml(book, package_path, path)
        title = _title(package)
        dates = package.xpath("//dc:date/text()", namespaces=_NS)
        document = ParsedDocument(
            title=title or fallback_title(path),
            date=iso_date(dates[0]) if dates else None,
            source=_source(package),
            author=_author(package),
        )
        section: str | None = None
        outline = Outline()
        publishers = _publishers_pages(book, package, package_path)
        chapters = _chapters(package, package_path)
        prepare = partial(prepare_page, document=document)
        for chapter in chapters:
            try:
                page = book.read(chapter)
            except KeyError:
                continue  # a chapter the spine names but the zip lacks: read the rest
            if chapter in publishers and len(chapters) > 1 and _short(page):
                continue
            section = add_page(page, path, document, section, outline, prepare)
        outline.finish(document)
    if _slug(document.title):
        document.title = _first_heading(document) or _readable(document.title)
    return document


# A title that is a file's or a project's name, not a book's ("developers-reference", Sphinx's
# default for an EPUB's dc:title): lower case, words joined by hyphens, underscores or dots.
_SLUG = re.compile(r"[a-z0-9]+(?:[-_.][a-z0-9]+)+")


def _slug(title: str) -> bool:
    return bool(_SLUG.fullmatch(title))


def _first_heading(document: ParsedDocument) -> str | None:
    """The heading the book's text opens under (its title page's "Debian Developer's
    Reference"), when the package names the book only by a slug; None when it names a part of
    the book, not the book ("Chapter 1", "Introduction": a book without a title page opens with
    its first chapter), or is a sentence (a test book's "Test passes if document paginates
    left-to-right (page 1)")."""
    if not document.blocks:
        return None
    first = document.blocks[0]
    heading = (first.above or (first.section,))[0]
    if not heading or _GENERIC_HEADING.match(heading) or is_contents_title(heading):
        return None
    sentence = heading.rstrip().endswith((".", "!", "?", "。", "！", "？"))
    if sentence or len(re.findall(r"\w[\w'-]*", heading)) >= _SENTENCE_WORDS:
        return None
    return heading


# A heading of this many words is a sentence, not a title: "Test passes if document paginates
# left-to-right (page 1)". A title in sentence case is a title, as French, Russian and Spanish
# write them: "Introduction to machine learning with python", "Руководство разработчика по
# созданию пакетов для дистрибутива".
_SENTENCE_WORDS = 8
# A heading naming a part of a book: numbered ("Chapter 1", "Part II: …") or front matter.
_GENERIC_HEADING = re.compile(
    r"^\s*(?:(?:chapter|part|book|volume|section|lesson|unit)\s+(?:\d+|[ivxlc]+|one|two|three)\b"
    r"|(?:introduction|preface|foreword|prologue|cover|title page|copyright|dedication"
    r"|acknowledge?ments|about this book)\W*$)",
    re.IGNORECASE,
)


def _readable(slug: str) -> str:
    """A slug as words: "developers-reference" → "Developers reference"."""
    words = re.sub(r"[-_.]+", " ", slug).strip()
    return words[:1].upper() + words[1:]


def _is_locked(book: zipfile.ZipFile) -> bool:
    """Whether ``META-INF/encryption.xml`` encrypts more than fonts."""
    if "META-INF/encryption.xml" not in book.namelist():
        return False
    try:
        listing = lxml.etree.fromstring(book.read("META-INF/encryption.xml"))
    except lxml.etree.XMLSyntaxError:
        return True
    targets = listing.xpath("//enc:CipherReference/@URI", namespaces=_NS)
    return any(not str(uri).lower().endswith(_FONT_SUFFIXES) for uri in targets)


def _xml(book: zipfile.ZipFile, name: str, path: Path) -> Any:
    try:
        return lxml.etree.fromstring(book.read(name))
    except (KeyError, lxml.etree.XMLSyntaxError) as error:
        raise DocumentError(path, f"damaged: {name} is missing or broken") from error


def _package_path(book: zipfile.ZipFile, path: Path) -> str:
    """Where the package file (``content.opf``) is, as the container says."""
    container = _xml(book, "META-INF/container.xml", path)
    found = container.xpath("//c:rootfile/@full-path", namespaces=_NS)
    if not found:
        raise DocumentError(path, "damaged: the e-book names no package file")
    return str(found[0])


def _refinements(package: Any, element: Any, name: str) -> list[str]:
    """The values of the EPUB 3 ``<meta refines="#id" property=name>`` for ``element``."""
    ident = element.get("id")
    if not ident:
        return []
    metas = package.xpath(
        "//opf:meta[@refines=$refines][@property=$name]",
        refines=f"#{ident}",
        name=name,
        namespaces=_NS,
    )
    return [prose(meta.text or "") for meta in metas]


def _title(package: Any) -> str:
    """The book's title: its main title, then each subtitle after a colon ("Children's
    Literature: A Textbook of Sources…"). EPUB 3 types each ``dc:title`` (main, subtitle, short,
    collection, edition, expanded); an untyped one after the first is taken for a subtitle, as
    EPUB 2 has no types. A series' name, a short form or an edition is not the title."""
    found = package.xpath("//dc:title", namespaces=_NS)
    # A title in another language than the first is its translation, not its subtitle ("The
    # Little Prince" / "Le Petit Prince").
    lang = _primary(found[0].get(_XML_LANG)) if found else None
    found = [t for t in found if _primary(t.get(_XML_LANG)) in (lang, None)]
    titles = [(prose(t.xpath("string()")), _title_type(package, t)) for t in found]
    # a program's default ("Untitled document", Google Docs' export) names no book
    titles = [(name, kind) for name, kind in titles if not is_placeholder_title(name)]
    expanded = [name for name, kind in titles if name and kind == "expanded"]
    if expanded:
        return expanded[0]  # the main title and its subtitles, written out by the publisher
    kept = [(name, kind) for name, kind in titles if name and kind in ("", "main", "subtitle")]
    kept.sort(key=lambda title: title[1] != "main")  # the main title first, the rest in order
    title = kept[0][0] if kept else ""
    for part, _ in kept[1:]:
        if part.casefold() in title.casefold():
            continue  # "X: Y", and Y again as its subtitle
        title = f"{title} {part}" if title.endswith((":", ".", "?", "!")) else f"{title}: {part}"
    return title


def _primary(tag: str | None) -> str | None:
    """A language tag's language: "en" of "en-GB"."""
    return tag.split("-")[0].casefold() if tag else None


def _title_type(package: Any, title: Any) -> str:
    types = _refinements(package, title, "title-type")
    return types[0] if types else ""


def _author(package: Any) -> str | None:
    """Who wrote the book: its ``dc:creator`` s whose role (EPUB 3's refinement, EPUB 2's
    ``opf:role``) is author, or is not said; an illustrator or an editor is no author."""
    names = []
    for creator in package.xpath("//dc:creator", namespaces=_NS):
        roles = _refinements(package, creator, "role")
        role = creator.get(f"{{{_NS['opf']}}}role")
        roles += [role] if role else []
        if not roles or "aut" in roles:
            names.append(prose(creator.xpath("string()")))
    return stated_author(", ".join(name for name in names if name))


def _source(package: Any) -> str | None:
    """The book's identifier when it is a web address."""
    for identifier in package.xpath("//dc:identifier/text()", namespaces=_NS):
        if str(identifier).strip().startswith(("http://", "https://")):
            return str(identifier).strip()
    return None


def _chapters(package: Any, package_path: str) -> list[str]:
    """The zip names of the chapters in reading order: the spine's linear items that are pages
    (the navigation document is the book's table of contents, not a chapter)."""
    manifest = {
        item.get("id"): item for item in package.xpath("//opf:manifest/opf:item", namespaces=_NS)
    }
    folder = posixpath.dirname(package_path)
    chapters: list[str] = []
    for ref in package.xpath("//opf:spine/opf:itemref", namespaces=_NS):
        item = _page_of(manifest, ref.get("idref"))
        if item is not None and ref.get("linear") != "no" and item.get("href"):
            href = unquote(str(item.get("href")))
            chapters.append(posixpath.normpath(posixpath.join(folder, href)))
    return chapters


def _publishers_pages(book: zipfile.ZipFile, package: Any, package_path: str) -> set[str]:
    """The zip names of the whole pages (no place in a page) that the package's guide or the
    navigation document's landmarks name as the publisher's: a title page, a copyright page, a
    table of contents. A book may mark them there and not in the page."""
    folder = posixpath.dirname(package_path)
    marked = {
        _zip_name(folder, ref.get("href"))
        for ref in package.xpath("//opf:guide/opf:reference", namespaces=_NS)
        if (ref.get("type") or "").lower() in _GUIDE_TYPES
    }
    navigation = package.xpath(
        "//opf:manifest/opf:item[contains(@properties, 'nav')]/@href", namespaces=_NS
    )
    if navigation:
        name = _zip_name(folder, navigation[0])
        try:
            document = lxml.etree.fromstring(book.read(name))
        except (KeyError, lxml.etree.XMLSyntaxError):
            return marked - {""}
        links = document.xpath("//x:nav[contains(@ops:type, 'landmarks')]//x:a", namespaces=_NS)
        marked |= {
            _zip_name(posixpath.dirname(name), link.get("href"))
            for link in links
            if set((link.get(f"{{{_NS['ops']}}}type") or "").split()) & PUBLISHERS_MATTER
        }
    return marked - {""}


# Words a page the guide or the landmarks name as the publisher's may hold and still be left
# out: a title page, an imprint or a licence (Standard Ebooks' Uncopyright, some 350 words of
# markup and text) is short; a book of one file, or a title page sharing its file with the first
# chapter, is the book's text, which a guide naming that file as its "title-page" cost whole.
_PUBLISHERS_WORDS = 600
_TAG = re.compile(rb"<[^>]*>")


def _short(page: bytes) -> bool:
    return len(_TAG.sub(b" ", page).split()) <= _PUBLISHERS_WORDS


def _zip_name(folder: str, href: Any) -> str:
    """The zip name of a page ``href`` (relative to ``folder``) shows whole; "" for a place in
    a page ("chapter.xhtml#notes") or none."""
    if not href or "#" in str(href):
        return ""
    return posixpath.normpath(posixpath.join(folder, unquote(str(href))))


def _page_of(manifest: dict[Any, Any], idref: Any) -> Any:
    """The manifest item a spine entry shows: itself when it is a page, else the page its
    fallback chain leads to (a chapter in XML or JSON falls back to XHTML for readers that
    can't show it); None for the navigation document or when no page is found."""
    seen = set()
    item = manifest.get(idref)
    while item is not None and item.get("id") not in seen:
        if item.get("media-type") in _CHAPTER_TYPES:
            return None if "nav" in (item.get("properties") or "").split() else item
        seen.add(item.get("id"))
        item = manifest.get(item.get("fallback"))
    return None
