"""Markdown extensions' inline marks read as the built page shows them: pymdownx Keys, Caret's and
Mark's marks, icon shortcodes in tabs' labels and in raw HTML, and a reference link written
across a line break.

Real pages of mkdocs-material's documentation (fixtures/mkdocs-material, sources in
fixtures/SOURCES.md). A new user asking how the search box suggests words was quoted "accepted with
the ++arrow-right++ key", "Searching for search su yields ^^search suggestions^^" and a tab's label
":octicons-codescan-16: `search_index.json`".
"""

from __future__ import annotations

import re
from pathlib import Path

from readerfiles import parsed, texts

from retrieval.ingest.parsed import ParsedDocument
from retrieval.ingest.pipeline import read

FIXTURES = Path(__file__).parent / "fixtures" / "mkdocs-material"


def _page(name: str) -> ParsedDocument:
    return parsed(FIXTURES / name)


def test_keys_and_inserted_text_read_as_the_page_shows_them() -> None:
    found = " ".join(texts(_page("setting-up-site-search.md")))
    assert "can be accepted with the Arrow Right key." in found
    assert "Searching for search su yields search suggestions as a suggestion." in found
    assert "++" not in found and "^^" not in found


def test_marks_in_running_text() -> None:
    """Keys joined by "+" (a quoted key is its text), Caret's "^^…^^" and Mark's "==…=="; a
    plus sign, a comparison or C++ elsewhere stays as written."""
    source = (
        'Press ++ctrl+alt+del++ or ++cmd+"K"++, then ++page-up++. A ^^new^^ and ==hot== word.\n\n'
        "In C++ and g++, x == y holds.\n"
    )
    assert texts(read("keys.md", source.encode())) == [
        "Press Ctrl+Alt+Del or Cmd+K, then Page Up. A new and hot word.",
        "In C++ and g++, x == y holds.",
    ]


def test_a_tabs_label_shows_no_icon_shortcode_nor_backticks() -> None:
    """'=== ":octicons-file-code-16: `docs/page.md`"': the page shows an icon and the file's
    name; the tab's code is quoted under "docs/page.md"."""
    document = _page("excluding-content-from-search-excerpt.md")
    # The first tab's label before the colon of the sentence introducing the tabs.
    labels = [re.split(r"\n| \(", b.text)[-1].rstrip("):") for b in document.blocks if b.code]
    assert labels == ["docs/page.md", "search_index.json", "docs/page.md", "search_index.json"]


def test_a_reference_written_across_a_line_break_is_its_text() -> None:
    """ "[Google Font]\\n[Google Fonts]": Python-Markdown reads one link, "Google Font" (CommonMark
    left "[Google Font] Google Fonts"); an inline link after a bracket is not one."""
    found = texts(_page("changing-the-fonts.md"))
    assert any("it can be set to any valid Google Font via mkdocs.yml:" in t for t in found)
    assert not [t for t in found if "[" in t]
    source = "See [the guide] [here](https://example.org) now.\n"
    assert texts(read("links.md", source.encode())) == ["See [the guide] here now."]


def test_icons_in_raw_html_are_dropped() -> None:
    source = "# Icons\n\n<small>\n  :octicons-light-bulb-16:\n  Enter some keywords.\n</small>\n"
    assert texts(read("icons.md", source.encode())) == ["Enter some keywords."]
