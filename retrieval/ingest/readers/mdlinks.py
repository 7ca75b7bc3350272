"""Where a Markdown paragraph that is only a link to another page of the documents goes.

A list's one item of a link ("* Получение [токена приложения](authorization_for_application.md)")
read as its words alone left the reader at a dead end: quoted as the answer, it named a page
without saying which. Such a short paragraph, one link to another page and a word or two round
it, keeps the link's target beside its text, as a printed page would: "Получение токена
приложения (authorization_for_application.md)". A sentence holding a link reads as before: its
words carry what it says, and so does a list of links, read by their texts as a reader sees it
(:func:`list_of_links`). A web address is not added: its words (host, path, query) would be
searched as the passage's, and a tutorial's address ("…/tutorial-api-django-rest-react/") put
its title first for a question about React that the title does not answer. Nor is, on a page
of a Jekyll or Eleventy site (Liquid tags in it), an address naming no file ("/office/", from
'{% page "/office/" %}'): such a site links by the built site's addresses (permalinks), not by
the documents' files ("Microsoft Office (/office/)" was quoted). VitePress's and Docusaurus's
links without ".md" ("server-options", "/guide/build") are their files' names and stay.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from urllib.parse import unquote

from markdown_it.token import Token

LABEL_WORDS = 12  # a paragraph of more words is a sentence, not a link's label
# A web address or an e-mail ("https://…", "//cdn…", "mailto:…"): see the module's note.
_ADDRESS = re.compile(r"^(?:[a-z][a-z0-9+.-]*:|//)", re.IGNORECASE)
OUTSIDE_WORDS = 2  # more words outside the link say something of their own ("see … for more")


def target(inline: Token, *, site: bool = False) -> str | None:
    """The page the paragraph ``inline`` links to when it is a label of at most
    :data:`LABEL_WORDS` words holding one link to another page (not a place in this page: a
    table of contents' entry, nor an address written out as its own text), else ``None``; on
    a page linking by the ``site``'s addresses, only a file ("form.pdf") is a document."""
    children = inline.children or ()
    links = [child for child in children if child.type == "link_open"]
    if len(links) != 1:
        return None
    text = "".join(c.content for c in children if c.type in ("text", "code_inline"))
    opened = children.index(links[0])
    closed = next(i for i in range(opened, len(children)) if children[i].type == "link_close")
    outside = [c.content for c in (*children[:opened], *children[closed:]) if c.type == "text"]
    if len(text.split()) > LABEL_WORDS or len(" ".join(outside).split()) > OUTSIDE_WORDS:
        return None
    href = str(links[0].attrGet("href") or "")
    if not href or href.startswith("#") or _ADDRESS.match(href):
        return None
    shown = unquote(href.removeprefix("./"))
    if _bare(shown) in _bare(text):
        return None  # "[twitch.tv/midudev](https://twitch.tv/midudev)": the text is the address
    shown = shown.split("#", 1)[0]  # "errors.md#oauth": the file is where to go
    if site and not _FILE_NAME.search(shown.split("?", 1)[0]):
        return None
    return shown or None


def list_opened(tokens: Sequence[Token], item: int, known: dict[int, int]) -> int:
    """The index of the token opening the list whose item opens at ``tokens[item]``; ``known``
    holds the items already looked at, each with its list's opening. The walk back stops at the
    item before (same level), whose list is this one's: walking back from every item to the
    list's opening made a list of 8,000 links take seconds to read."""
    level = tokens[item].level
    for at in range(item - 1, -1, -1):
        token = tokens[at]
        if token.level < level:
            known[item] = at
            return at
        if token.level == level and token.type == "list_item_open" and at in known:
            known[item] = known[at]
            return known[at]
    raise ValueError("a list item outside a list")


def list_of_links(tokens: Sequence[Token], opened: int, site: bool = False) -> bool:
    """Whether the list opened at ``tokens[opened]`` is a list of links: two items or more,
    each only a link to another page (:func:`target`). Such a list (a site's navigation, an
    index page's "A01 Broken Access Control", "A02 Cryptographic Failures", …) is read by its
    links' texts, as a reader sees it; the pages' file names after each one were noise quoted
    with the list (tryout26). An item alone, or among sentences, keeps its target."""
    level = tokens[opened].level + 1
    items = 0
    for at in range(opened + 1, len(tokens)):
        token = tokens[at]
        if token.level < level:
            break  # the list's close
        if token.level != level or token.type != "list_item_open":
            continue
        shape = [t.type for t in tokens[at + 1 : at + 5]]
        if shape != ["paragraph_open", "inline", "paragraph_close", "list_item_close"]:
            return False
        if target(tokens[at + 2], site=site) is None:
            return False
        items += 1
    return items >= 2


# A target naming a file: its last part has an extension ("errors.md", "guide/setup.html").
_FILE_NAME = re.compile(r"(?:^|/)[^/]*[^/.]\.[A-Za-z0-9]{1,5}$")


def _bare(address: str) -> str:
    """An address without its scheme and trailing slash, lower-cased, to compare with text."""
    return address.split("://", 1)[-1].removeprefix("www.").rstrip("/").lower()


def with_target(lines: list[str], inline: Token, *, site: bool = False) -> list[str]:
    """A paragraph's ``lines`` with the page it links to after them (:func:`target`)."""
    found = target(inline, site=site)
    if found is None or not lines or not "".join(lines).strip():
        return lines
    last = lines[-1].rstrip()
    stop = last[-1:] if last.endswith((".", "。")) else ""  # "(errors.md)." ends the sentence
    return [*lines[:-1], f"{last.removesuffix(stop)} ({found}){stop}"]


# What may stand beside the links of a "Related content" line: a short note in brackets
# ("(مقال)", "(article)", "(video)"), separators and list marks.
_BESIDE_LINKS = re.compile(r"\([^()\n]{0,30}\)|[\s·|,;:•>\-–—]")
_LIST_OR_QUOTE = frozenset(
    {
        "paragraph_open",
        "paragraph_close",
        "inline",
        "bullet_list_open",
        "bullet_list_close",
        "ordered_list_open",
        "ordered_list_close",
        "list_item_open",
        "list_item_close",
        "blockquote_open",
        "blockquote_close",
    }
)


def closing_links(tokens: Sequence[Token]) -> Token | None:
    """The heading (its inline token) of the section of links alone that ends the page, when a
    section of text comes
    before it: after its last heading, only paragraphs (items of a list, a quote) each made of
    links to other pages and nothing else but a short note ("[Restore a
    user](restore-user.md) (article)"). That is Microsoft's "Next steps" and "Related content",
    MDN's "See also": the page's way out, which the built page shows as links. Quoted,
    "Restore a user (article) Add a new employee (article) …" came first for "how do I reset an
    employee's password?" (tryout 12), over the page with the steps. A page whose sections are
    all links (meetups by country, "## US" last) is a directory: its links are its content."""
    # (Two such sections ending the page, "Next steps" then "Related content", stay: that shape
    # is also a hub page's, whose sections of links are what it says.)
    heads = [at for at, token in enumerate(tokens) if token.type == "heading_open"]
    if not heads:
        return None
    bounds = [-3, *heads, len(tokens)]  # the text before the first heading is a span too
    spans = [tokens[start + 3 : end] for start, end in itertools.pairwise(bounds)]
    filled = [span for span in spans if any(token.type == "inline" for token in span)]
    run = len(list(itertools.takewhile(_links_only, reversed(filled))))
    # One section only, after a section of text: a run of them ("Licenses and services", "User
    # accounts", … under an introduction) is a hub page's content, kept as its directory is.
    if run != 1 or len(filled) == 1:
        return None
    return tokens[heads[-1] + 1] if spans[-1] is filled[-1] else None


def _links_only(span: Sequence[Token]) -> bool:
    """Whether the tokens of a section are paragraphs (in lists or quotes) of links alone."""
    inlines = [token for token in span if token.type == "inline"]
    if not inlines or any(token.type not in _LIST_OR_QUOTE for token in span):
        return False
    return all(_links_alone(inline) for inline in inlines)


def _links_alone(inline: Token) -> bool:
    """Whether a paragraph is links to other pages (no place in this page) and a short note."""
    depth, links, outside = 0, 0, []
    for child in inline.children or ():
        if child.type == "link_open":
            depth, links = depth + 1, links + 1
            if str(child.attrGet("href") or "").startswith("#"):
                return False
        elif child.type == "link_close":
            depth -= 1
        elif child.type in ("text", "code_inline") and depth == 0:
            outside.append(child.content)
    return links > 0 and not _BESIDE_LINKS.sub("", "".join(outside))
