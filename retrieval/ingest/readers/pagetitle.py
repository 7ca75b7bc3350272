"""A web page's title without the site's name: "Fed lifts rates … | Reuters" is cited as "Fed
lifts rates …", as most pages already are (their ``<h1>`` names the article, not the site).

The site is named by the page itself: its ``og:site_name`` or ``application-name``, or the
name its address is made of ("Die Tagespost" at die-tagespost.de, "Spektrum der Wissenschaft"
at spektrum.de, "ประชาไท Prachatai.com" at prachatai.com). Only a part of the title set apart
by a separator (" | ", " - ", " » ") at its start or end is taken for it; between the article's
title and the site's name at its end, a trail of the site's sections ("… » Local » Noticias »
Ultima Hora Mallorca") goes with it.
"""

from __future__ import annotations

import re
import unicodedata
from urllib.parse import urlsplit

# Between a page's own title and the site's name: "Opening Bell - Dealbreaker".
SEPARATORS = re.compile(r"\s+(?:[-|–—·»]|::)\s+")
_BREADCRUMB = "»"
_SHORTEST_NAME = 4  # letters of an address's name that may stand for a site ("vox" may not)


def without_site_name(title: str, names: list[str], source: str | None) -> str:
    """``title`` without the site's name at its end or start (``names``: what the page's
    metadata calls the site; ``source``: its address)."""
    seps = list(SEPARATORS.finditer(title))
    if not seps:
        return title
    sites, host = _site_names(names), _host_name(source)
    last = title[seps[-1].end() :]
    if _is_site(last, sites, host, at_end=True):
        trail = _BREADCRUMB in seps[-1].group()
        cut = seps[0] if trail and all(_BREADCRUMB in s.group() for s in seps) else seps[-1]
        return title[: cut.start()].strip() or title
    first = title[: seps[0].start()]
    if _is_site(first, sites, host, at_end=False):
        return title[seps[0].end() :].strip() or title
    return title


def names_the_site(text: str, names: list[str], source: str | None) -> bool:
    """Whether ``text`` (a page's "author") is the site's name, or its publisher's holding it
    ("Ediciones El País" at elpais.com): who published the page, not who wrote it."""
    return _is_site(text, _site_names(names), _host_name(source), at_end=True)


def is_publisher(author: str, names: list[str]) -> bool:
    """Whether ``author`` is the name the page's metadata gives its site or publisher
    ("Ediciones El País", its DC.publisher; "Die Tagespost" for og:site_name
    "die-tagespost.de", a name given as the site's address): who published the page, not who
    wrote it. A name only like the address is the writer's: Paul Graham's at paulgraham.com."""
    squashed = _squashed(author)
    addresses = {_host_name(f"//{name}") for name in names if _ADDRESS.match(name)}
    sites = {_squashed(name) for name in names} | addresses
    return bool(squashed) and squashed in sites


_ADDRESS = re.compile(r"^(?:www\.)?[\w-]+(?:\.[\w-]+)*\.[a-z]{2,6}$", re.IGNORECASE)


def _site_names(names: list[str]) -> set[str]:
    """What the page's metadata calls its site, each name squashed (empty ones left out)."""
    return {squashed for name in names if (squashed := _squashed(name))}


def _is_site(part: str, sites: set[str], host: str, *, at_end: bool) -> bool:
    """Whether ``part`` names the site: its metadata's name, or its address's (at the title's
    end, a name holding it: "Spektrum der Wissenschaft" for spektrum.de)."""
    squashed = _squashed(part)
    if not squashed:
        return False
    if squashed in sites or squashed == host:
        return True
    return at_end and len(host) >= _SHORTEST_NAME and host in squashed


def _squashed(text: str) -> str:
    """``text`` in lower case with letters and digits only, accents aside, as an address spells
    a name: "Die Tagespost" → "dietagespost", "El País" → "elpais"."""
    bare = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in bare if ch.isalnum())


def _host_name(source: str | None) -> str:
    """The name a page's address is registered under ("die-tagespost" in www.die-tagespost.de,
    "elpais" in sociedad.elpais.com, "bbc" in www.bbc.co.uk), squashed."""
    labels = (urlsplit(source or "").hostname or "").split(".")[:-1]  # (not the country's)
    while len(labels) > 1 and labels[-1] in _SECOND_LEVEL:
        labels.pop()  # bbc.co.uk's "co"
    return _squashed(labels[-1]) if labels and not labels[-1].startswith("www") else ""


_SECOND_LEVEL = frozenset({"co", "com", "org", "net", "gov", "ac", "edu", "or", "ne", "go"})
