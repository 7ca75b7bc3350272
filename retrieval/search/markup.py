"""A question's words without the HTML tags typed or pasted around them.

"<i>missile</i> defence", or a sentence copied from a page's source with its "<b>", "<br/>" and
"<a href='…'>", was searched for "i", "b", "br", "href" too, and their weight outweighed the
words asked: the question was declined. Only what is plainly a tag is left out: a closing tag
("</b>"), one closing itself ("<br/>"), one with attributes given values ("<a href=x>"), and an
opening tag closed later in the text ("<i>…</i>"). A name in brackets alone stays a word, as a
question about an element or a type asks it ("what does <details> do?", "List<String>"), and so
does prose: "a<b and c>d", "x < y".

Its HTML entities are read as the characters they stand for, "&amp;", "&#39;", "&nbsp;" as "&",
"'" and a space, as a page shows them: pasted with tags from a page's source ("<b>China</b>&#39;s
view on missile&nbsp;defence"), they were searched as "39" and "missile nbsp defence" (a question
without tags has them read so by :func:`retrieval.text.clean`). After the tags are gone: "what
does &lt;details&gt; do?" asks about "<details>".
"""

from __future__ import annotations

import html
import re

# An attribute with a value: name=value, quoted or not.
_ATTRIBUTE = r"""\s+[A-Za-z_:][-\w:.]*\s*=\s*(?:"[^"<>]*"|'[^'<>]*'|[^\s"'=<>`]+)"""
_TAG = re.compile(
    rf"</(?P<closing>[A-Za-z][A-Za-z0-9]*)\s*>"
    rf"|<(?P<name>[A-Za-z][A-Za-z0-9]*)(?P<attributes>(?:{_ATTRIBUTE})*)\s*(?P<slash>/?)>"
)
# Tags inside a word's run of text: left out without a space ("<b>China</b>'s" is "China's");
# the others (a paragraph, a line break, a quote block) part the words on either side.
_INLINE = frozenset(
    """a abbr b bdi bdo big cite code data del dfn em font i ins kbd mark q s samp small span
    strike strong sub sup time tt u var wbr""".split()
)


# An entity ended by its semicolon: a name ("&amp;"), or a decimal or hexadecimal code ("&#39;",
# "&#x27;"). Not one without it, which HTML reads only in some places: "?a=1&para=2" in a pasted
# address is no "¶".
_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_CLOSING = re.compile(r"</([A-Za-z][A-Za-z0-9]*)\s*>")


def without_tags(text: str) -> str:
    """``text`` without its HTML tags (as the module says which), or itself when it has none."""
    if "<" not in text:
        return text
    # Where each tag name is closed last, found once: an opening tag is closed later when its
    # name's last closing tag starts after it (searching the rest of the text for each opening
    # tag was quadratic in tags).
    last_closed = {m[1].casefold(): m.start() for m in _CLOSING.finditer(text)}
    return _TAG.sub(lambda match: _replaced(match, last_closed), text)


def _replaced(match: re.Match[str], last_closed: dict[str, int]) -> str:
    name = (match["closing"] or match["name"]).casefold()
    closed_later = last_closed.get(name, -1) >= match.end()
    if match["name"] and not (match["attributes"] or match["slash"] or closed_later):
        return match[0]  # "<details>", "<String>": named, not markup
    return "" if name in _INLINE else " "


def unescaped(text: str) -> str:
    """``text`` with its HTML entities read as their characters (a no-break space as a space);
    an unknown name ("&foo;") stays as written."""
    if "&" not in text:
        return text
    return _ENTITY.sub(lambda match: html.unescape(match[0]).replace("\xa0", " "), text)
