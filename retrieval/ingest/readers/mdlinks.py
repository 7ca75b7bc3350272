"""Where a Markdown paragraph that is only a link to another page of the documents goes.

An item of a list of links ("* Получение [токена приложения](authorization_for_application.md)")
read as its words alone left the reader at a dead end: quoted as the answer, it named a page
without saying which. Such a short paragraph, one link to another page and a word or two round
it, keeps the link's target beside its text, as a printed page would: "Получение токена
приложения (authorization_for_application.md)". A sentence holding a link reads as before: its
words carry what it says. A web address is not added: its words (host, path, query) would be
searched as the passage's, and a tutorial's address ("…/tutorial-api-django-rest-react/") put
its title first for a question about React that the title does not answer.
"""

from __future__ import annotations

import re
from urllib.parse import unquote

from markdown_it.token import Token

LABEL_WORDS = 12  # a paragraph of more words is a sentence, not a link's label
# A web address or an e-mail ("https://…", "//cdn…", "mailto:…"): see the module's note.
_ADDRESS = re.compile(r"^(?:[a-z][a-z0-9+.-]*:|//)", re.IGNORECASE)
OUTSIDE_WORDS = 2  # more words outside the link say something of their own ("see … for more")


def target(inline: Token) -> str | None:
    """The page the paragraph ``inline`` links to when it is a label of at most
    :data:`LABEL_WORDS` words holding one link to another page (not a place in this page: a
    table of contents' entry, nor an address written out as its own text), else ``None``."""
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
    return shown or None


def _bare(address: str) -> str:
    """An address without its scheme and trailing slash, lower-cased, to compare with text."""
    return address.split("://", 1)[-1].removeprefix("www.").rstrip("/").lower()


def with_target(lines: list[str], inline: Token) -> list[str]:
    """A paragraph's ``lines`` with the page it links to after them (:func:`target`)."""
    found = target(inline)
    if found is None or not lines or not "".join(lines).strip():
        return lines
    last = lines[-1].rstrip()
    stop = last[-1:] if last.endswith((".", "。")) else ""  # "(errors.md)." ends the sentence
    return [*lines[:-1], f"{last.removesuffix(stop)} ({found}){stop}"]
