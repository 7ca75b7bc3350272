"""A question's words without the HTML tags typed or pasted around them.

"<i>missile</i> defence", or a sentence copied from a page's source with its "<b>", "<br/>" and
"<a href='…'>", was searched for "i", "b", "br", "href" too, and their weight outweighed the
words asked: the question was declined. Only what is plainly a tag is left out: a closing tag
("</b>"), one closing itself ("<br/>"), one with attributes given values ("<a href=x>"), and an
opening tag closed later in the text ("<i>…</i>"). A name in brackets alone stays a word, as a
question about an element or a type asks it ("what does <details> do?", "List<String>"), and so
does prose: "a<b and c>d", "x < y".
"""

from __future__ import annotations

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
