"""The Material blog's front matter: a post's date written as a map ("date:" over "created:" and
"updated:", the form the blog plugin documents) and its authors as a list.

A real post (fixtures/mkdocs-material/mkdocs-2.0-excerpt.md, sources in fixtures/SOURCES.md) was
cited without a date, while the posts writing "date: 2025-11-05" were dated.
"""

from __future__ import annotations

from pathlib import Path

from readerfiles import parsed

from retrieval.ingest.pipeline import read

FIXTURES = Path(__file__).parent / "fixtures" / "mkdocs-material"


def test_a_posts_date_is_its_creation_and_logins_name_no_author() -> None:
    """ "created: 2026-02-18", "updated: 2026-04-13": the post is dated when it was written, as
    the blog shows it. Its authors are logins ("squidfunk"), which the blog resolves through a
    file of its own: no author's name is stated."""
    document = parsed(FIXTURES / "mkdocs-2.0-excerpt.md")
    assert document.title == "What MkDocs 2.0 means for your documentation projects"
    assert (document.date, document.author) == ("2026-02-18", None)


def test_a_date_map_written_inline_and_a_list_of_authors() -> None:
    source = (
        "---\ntitle: Harbour notes\ndate: {created: 2024-01-31, updated: 2024-02-01}\n"
        "authors:\n  - Ana Ruiz\n  - jdoe\n  - Li Wei\ncategories:\n  - Port\n---\n\n"
        "The harbour committee met in spring.\n"
    )
    document = read("notes.md", source.encode())
    assert (document.date, document.author) == ("2024-01-31", "Ana Ruiz, Li Wei")
    flow = "---\nauthors: [Ana Ruiz, 'Li Wei']\ndate:\n  updated: 2024-02-01\n---\n\nText.\n"
    document = read("notes.md", flow.encode())
    assert (document.date, document.author) == (None, "Ana Ruiz, Li Wei")


def test_docusaurus_authors_written_as_maps_are_named_by_their_name() -> None:
    """Docusaurus's blog writes each author as a map: its name, title, address and picture. The
    reader cited "name: Joel Marcey, title: Co-creator of Docusaurus 1, url: …" as the author of
    every passage, and searched it; the page names Joel Marcey and Sébastien Lorber."""
    source = (
        "---\nslug: welcome\ntitle: Welcome\nauthors:\n  - name: Joel Marcey\n"
        "    title: Co-creator of Docusaurus 1, Meta\n    url: https://github.com/JoelMarcey\n"
        "    image_url: https://github.com/JoelMarcey.png\n  - &seb\n    name: 'Sébastien Lorber'\n"
        "    title: >\n      Docusaurus maintainer\n  - *seb\n  - Li Wei\n"
        "tags: [facebook, hello]\n---\n\nWelcome to this blog.\n"
    )
    document = read("welcome.md", source.encode())
    assert document.author == "Joel Marcey, Sébastien Lorber, Li Wei"
    one = "---\ntitle: Welcome\nauthors:\n  name: Gao Wei\n  title: Core Team\n---\n\nHi.\n"
    assert read("welcome.md", one.encode()).author == "Gao Wei"
    flow = "---\nauthors: [{name: Ana Ruiz, title: Editor}, *ed]\n---\n\nText.\n"
    assert read("welcome.md", flow.encode()).author == "Ana Ruiz"
