"""mkdocs-material's card grids: '<div class="grid cards" markdown>' round a list, each item a
card (a title, a rule, what it does, a rule, a tag line).

A real page (fixtures/mkdocs-material/blog-excerpt.md, the blog plugin's, sources in
fixtures/SOURCES.md): read as a list, the cards ran into one another and into the sentence over
the grid; a new user asking about the blog and the tags plugins was quoted "… in different
subsections Built-in blog plugin The tags plugin allows …".
"""

from __future__ import annotations

from pathlib import Path

from readerfiles import parsed

from retrieval.ingest.passages import passages
from retrieval.ingest.pipeline import read

FIXTURES = Path(__file__).parent / "fixtures" / "mkdocs-material"


def test_each_card_is_a_passage_of_its_own_headed_by_its_title() -> None:
    document = parsed(FIXTURES / "blog-excerpt.md")
    found = [p.text for p in passages(document, "blog.md") if p.section == "When to use it"]
    assert found[0].endswith("as it integrates perfectly with many other built-in plugins:")
    assert found[1:] == [
        "Built-in meta plugin: The meta plugin makes it easy to apply metadata to a subset of"
        " posts, including authors, tags, categories, draft status, as well as social card"
        " layouts. Simpler organization, categorization and management of post metadata",
        "Built-in social plugin: The social plugin automatically generates beautiful and"
        " customizable social cards for each post and page, showing as previews on social media."
        " Links to your blog render beautiful social cards when shared on social media",
        "Built-in optimize plugin: The optimize plugin automatically identifies and optimizes all"
        " media files that you reference in your project by using compression and conversion"
        " techniques. Your blog loads faster as smaller images are served to your users",
        "Built-in tags plugin: The tags plugin allows to categorize posts alongside with pages in"
        " your project, to improve their discoverability and connect posts to your documentation."
        " Your documentation's tag system integrates with your blog",
    ]


def test_cards_of_one_line_stand_apart_and_a_list_after_the_grid_is_a_list() -> None:
    """The short form ("- :icon: __[Language]__ – Choose …"): each card a passage, never run on
    from the sentence over the grid; a list after the grid's end is read as lists are."""
    source = (
        "# Setup\n\nSet up your site with these:\n\n"
        '<div class="grid cards" markdown>\n\n'
        "- :material-translate: __Language__ – Choose out of the supported languages\n"
        "- :material-magnify: __Search__ – Set up and configure search\n\n</div>\n\n"
        "Possible values:\n\n- `one`\n- `two`\n"
    )
    document = read("setup.md", source.encode())
    assert [p.text for p in passages(document, "setup.md")] == [
        "Set up your site with these:",
        "Language – Choose out of the supported languages",
        "Search – Set up and configure search",
        "Possible values:\none\ntwo",
    ]


def test_a_grid_inside_a_result_box_and_an_icons_size() -> None:
    """As reference/grids.md shows a grid under its source: '<div class="result" markdown>' over
    '  <div class="grid cards" markdown>', the list, then '  </div>' indented into the last card;
    an icon's size (":material-clock-fast:{ .lg .middle }") goes with the icon."""
    source = (
        "# Grids\n\n"
        '<div class="result" markdown>\n  <div class="grid cards" markdown>\n\n'
        "-   :material-clock-fast:{ .lg .middle } __Set up in 5 minutes__\n\n    ---\n\n"
        "    Install it with pip and get up and running in minutes\n\n"
        "- :fontawesome-brands-js: __JavaScript__ for interactivity\n\n  </div>\n</div>\n"
    )
    document = read("grids.md", source.encode())
    assert [(b.text, b.item) for b in document.blocks] == [
        ("Set up in 5 minutes: Install it with pip and get up and running in minutes", False),
        ("JavaScript for interactivity", False),
    ]


def test_a_card_holding_code_is_quoted_under_its_title() -> None:
    """A card of a title, a rule, an install command and a sentence after it: the title stood
    alone, the command without it, the sentence as an item of a list. The command is quoted
    under the card's title (with the card's text over it when there is some), and so is the
    sentence after it."""
    source = (
        "# Plugins\n\nOur plugins:\n\n"
        '<div class="grid cards" markdown>\n\n'
        "-   __Second card__\n\n    ---\n\n    ```bash\n    pip install x\n    ```\n\n"
        "    After code.\n\n"
        "-   __Third card__\n\n    Install it with:\n\n        pip install y\n\n</div>\n\nLast.\n"
    )
    document = read("plugins.md", source.encode())
    assert [(b.text, b.code, b.item) for b in document.blocks] == [
        ("Our plugins:", "", False),
        ("Second card", "pip install x", False),
        ("Second card: After code.", "", False),
        ("Third card: Install it with:", "pip install y", False),
        ("Last.", "", False),
    ]


def test_a_grid_opening_on_the_line_under_the_last_ones_end_is_a_grid() -> None:
    """datos.gob.es's NTI-RISP FAQ (fixtures/datosgobes/nti-risp-faq.md) closes a grid and opens
    the next on the line under it ("</div>" over '<div class="grid cards grid-2col" markdown>'):
    the second grid was read as a list, and "¿Cómo se relacionan los elementos de NTI-RISP?"
    was answered with the card's title alone, its sentence, each item and its link apart."""
    path = FIXTURES.parent / "datosgobes" / "nti-risp-faq.md"
    blocks = read(path.name, path.read_bytes()).blocks
    card = next(b for b in blocks if b.text.startswith("¿Cómo se relacionan los elementos"))
    assert card.text.startswith(
        "¿Cómo se relacionan los elementos de NTI-RISP? El modelo de metadatos de la NTI-RISP"
        " funciona como una red donde los elementos se conectan entre sí:"
    )
    assert "Las distribuciones (dcat:Distribution) pueden accederse" in card.text
    assert not any(b.text.startswith("Las distribuciones (dcat:Distribution)") for b in blocks)
