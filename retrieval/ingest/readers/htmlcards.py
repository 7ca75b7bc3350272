"""mkdocs-material's card grids in a built page: :func:`cards_as_paragraphs`.

A grid (``<div class="grid cards">`` round a list) shows each item as a card: an icon, a title,
a rule, what it is, and a button to the page it is about ("→ Ver más"). Read as a list, a grid
of several cards ran into one passage ("DCAT / Es el vocabulario … / Ver más / DCAT-AP / …"),
and a grid of one card each was cut into its title alone, its text and its button's label
("¿Cómo se relacionan los elementos de NTI-RISP?", …, "Relaciones"). Each card is read as the
Markdown reader reads the page's source: one paragraph, its title leading its text ("DCAT-AP:
Es el perfil …", "¿Qué es una distribución? Una distribución (dcat:Distribution) es …"); the
button, a link led by the theme's icon, is the page's navigation. A card holding code, a table
or a list is left as it is, and so is a grid of cards without the rule under their titles.
"""

from __future__ import annotations

from typing import Any

import lxml.html

from retrieval.ingest.readers.common import prose, termed

_GRIDS = (
    './/div[contains(concat(" ", normalize-space(@class), " "), " grid ")'
    ' and contains(concat(" ", normalize-space(@class), " "), " cards ")]/ul'
)


def cards_as_paragraphs(content: Any) -> None:
    """Each card of each grid in ``content`` made one paragraph (see the module)."""
    for grid in content.xpath(_GRIDS):
        cards = grid.xpath("./li")
        texts = [_card(card) for card in cards]
        if not cards or not all(texts):
            continue
        parent, at = grid.getparent(), grid.getparent().index(grid)
        tail = grid.tail
        parent.remove(grid)
        for offset, text in enumerate(texts):
            paragraph = lxml.html.Element("p")
            paragraph.text = text
            parent.insert(at + offset, paragraph)
        paragraph.tail = tail


def _card(card: Any) -> str:
    """A card's title and text as one paragraph, "" when it is no card as the module says."""
    if card.xpath(".//pre|.//table|.//ul|.//ol"):
        return ""
    rules = card.xpath("./hr")
    if len(rules) != 1:
        return ""
    at = card.index(rules[0])
    before = [e for e in card[:at] if isinstance(e.tag, str)]  # no comments
    after = [e for e in card[at + 1 :] if isinstance(e.tag, str) and not _button(e)]
    title = prose((card.text or "") + "".join(map(_shown, before)))
    parts = [rules[0].tail or "", *map(_shown, after)]
    text = prose(" ".join(part for part in parts if part.strip()))
    return termed(title, text) if title and text else ""


def _shown(element: Any) -> str:
    """The text ``element`` shows, and the text after it up to the next element."""
    return str(element.text_content()) + (element.tail or "")


def _button(element: Any) -> bool:
    """Whether ``element`` is a card's button: a paragraph of one link, led by an icon."""
    links = element.xpath("./a")
    if (
        element.tag != "p"
        or len(links) != 1
        or prose(element.text or "")
        or prose(links[0].tail or "")
    ):
        return False
    icon = links[0].xpath("./span[1]")
    return bool(icon) and "twemoji" in (icon[0].get("class") or "").split()
