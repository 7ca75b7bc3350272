"""A Markdown page's own table of contents (a list of links to its headings) and the markers a
site generator replaces with one are no passages of it.

A new user's README in Spanish (fixtures/readme-toc, sources in fixtures/SOURCES.md) was indexed
with its "Índice": 157 passages, each a heading's words, quoted as the answer ("¿Qué diferencia
hay entre props y state?") in place of the section under that heading.
"""

from __future__ import annotations

from pathlib import Path

from readerfiles import parsed, texts

from retrieval.ingest.pipeline import read

FIXTURES = Path(__file__).parent / "fixtures" / "readme-toc"


def test_a_readmes_index_is_not_read_and_its_title_heads_no_section() -> None:
    document = parsed(FIXTURES / "preguntas-entrevista-react.md")
    found = texts(document)
    assert "¿Qué es JSX?" not in found  # an entry of the index
    assert not [t for t in found if "Volver a índice" in t]  # "[⬆ Volver a índice](#índice)"
    first = next(b for b in document.blocks if b.text.startswith("React es una biblioteca"))
    assert (first.above, first.section) == (("Principiante",), "¿Qué es React?")
    assert not [b for b in document.blocks if "Índice" in (b.section, *b.above)]
    # a list of links to other sites, under a section, stays
    assert "Documentación oficial de React en Español" in found


def _read(source: str) -> list[str]:
    return texts(read("page.md", source.encode()))


def test_contents_under_sub_headings_and_the_text_among_them() -> None:
    """Coding Interview University's "Table of Contents": a list under each of its sub-headings,
    some entries without links (a topic's parts), and a line of text between them."""
    source = (
        "## Table of Contents\n\n### The Study Plan\n\n- [What is it?](#what-is-it)\n"
        "- [Why use it?](#why-use-it)\n- [How to use it](#how-to-use-it)\n\n"
        "### Topics of Study\n\n- [Sorting](#sorting)\n    - selection\n    - insertion\n"
        "- [Graphs](#graphs)\n- [Recursion](#recursion)\n\n"
        "Everything below this point is optional.\n\n"
        "## What is it?\n\nA multi-month study plan.\n"
    )
    assert _read(source) == [
        "Everything below this point is optional.",
        "A multi-month study plan.",
    ]


def test_lists_that_are_not_contents_stay() -> None:
    """Links to other pages, and links to sections that are part of what an item says (each list
    opening its section, short: one block under its heading)."""
    source = (
        "## Translations\n\n- [Bahasa Indonesia](translations/README-id.md)\n"
        "- [Español](translations/README-es.md)\n- [Русский](translations/README-ru.md)\n\n"
        "## Notes\n\n- See [Caches](#caches) for the sizes.\n- Read [Tries](#tries) first.\n"
        "- [Heaps](#heaps)\n- Sorting is covered twice.\n"
    )
    assert _read(source) == [
        "Bahasa Indonesia\nEspañol\nРусский",  # a list of links: read by their texts
        "See Caches for the sizes.\nRead Tries first.\nHeaps\nSorting is covered twice.",
    ]


def test_the_markers_of_a_generated_table_of_contents() -> None:
    """VuePress' "[[toc]]", Python-Markdown's "[TOC]", GitLab's "[[_TOC_]]", kramdown's list
    item over "{:toc}": the built page shows the contents there, not these words."""
    for marker in ("[[toc]]", "[TOC]", "[[_TOC_]]", "${toc}", "* Table of contents\n{:toc}"):
        source = f"# Lexique\n\n{marker}\n\n## Donnée\n\nUne information.\n"
        assert _read(source) == ["Une information."], marker
    # written about in a sentence, it is text
    assert _read("Write [TOC] where the contents go.\n") == ["Write [TOC] where the contents go."]
