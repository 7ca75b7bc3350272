"""mkdocs-material's own documentation: the macros in HTML comments that name its settings and
options and give their defaults, and the definition lists that describe the options.

Real pages (fixtures/mkdocs-material, sources in fixtures/SOURCES.md): the blog plugin's settings
("#### <!-- md:setting config.post_date_format -->" over "<!-- md:default `long` -->"), the
cookie consent's options ("<!-- md:option consent.cookies -->" over ":   …", a definition holding
a list, tabs and code) and the admonition types. A new user asked "what's the default date format
for blog posts?": the default was in no passage, and each setting was cited under its parent
("Posts"); the options' descriptions were quoted as code blocks of raw Markdown.
"""

from __future__ import annotations

from pathlib import Path

from readerfiles import parsed, texts

from retrieval.ingest.parsed import Block, ParsedDocument
from retrieval.ingest.pipeline import read

FIXTURES = Path(__file__).parent / "fixtures" / "mkdocs-material"


def _page(name: str) -> ParsedDocument:
    return parsed(FIXTURES / name)


def _starting(document: ParsedDocument, opening: str) -> Block:
    return next(b for b in document.blocks if b.text.startswith(opening))


def test_a_setting_heads_its_section_with_its_default_and_version() -> None:
    """ "#### <!-- md:setting config.post_date_format -->": the setting's name is the heading the
    page shows; its badges ("9.2.0", "long") open the paragraph under it, each with what its icon
    says, so the passage holds the default a user asks for."""
    document = _page("blog-excerpt.md")
    block = _starting(document, "Version: 9.2.0. Default: long. Use this setting to change")
    assert block.section == "config.post_date_format"
    assert block.above == ("Configuration", "Posts")
    enabled = _starting(document, "Version: 9.2.0. Default: true. Use this setting to enable")
    assert enabled.section == "config.enabled"
    # No setting is cited under its parent any more: there, only the lines leading to them.
    assert [b.text for b in document.blocks if b.section in ("General", "Posts")] == [
        "The following settings are available:",
        "The following settings are available for posts:",
    ]


def test_an_options_definition_is_read_as_text_under_its_name() -> None:
    """ "<!-- md:option consent.cookies -->" then ":   <!-- md:default none --> This property …"
    with a list, three tabs of YAML and a note indented under it: the option's name (the last
    part, as the page shows it) heads its description, the list is items, the tabs are code
    with their labels; nothing is a code block of Markdown ("- __Google Analytics__", '===')."""
    document = _page("ensuring-data-privacy-excerpt.md")
    found = texts(document)
    joined = " ".join(found)
    assert "title: Default: none. Required. This property sets the title of the cookie" in joined
    cookies = _starting(document, "cookies: Default: none. This property allows to add custom")
    assert cookies.section == "Cookie consent"
    assert "Google Analytics – analytics (enabled by default)" in found
    codes = [b for b in document.blocks if b.code]
    assert not [b for b in codes if "__" in b.code or "===" in b.code or b.code.startswith(":")]
    tab = next(b for b in codes if "analytics: Custom name" in b.code)
    assert tab.text.endswith("name and checked state (Custom cookie name):")
    assert any(t.startswith("actions: Default: [accept, manage]. This property") for t in found)
    assert not [t for t in found if t.startswith(": ") or "md:" in t]


def test_badges_over_a_section_go_with_its_first_paragraph() -> None:
    """ "<!-- md:version 8.4.0 -->", "<!-- md:default none -->", "<!-- md:flag experimental -->"
    and "<!-- md:example cookie-consent -->" (a download link floated right) on lines of their
    own over the section's first paragraph: read with it, as the page shows them over it."""
    document = _page("ensuring-data-privacy-excerpt.md")
    first = next(b for b in document.blocks if b.section == "Cookie consent")
    assert first.text.startswith(
        "Version: 8.4.0. Default: none. Experimental. Material for MkDocs ships a native"
    )
    assert "cookie-consent" not in first.text


def test_a_badge_in_a_sentence_is_its_text() -> None:
    """ "Prior to <!-- md:version 5.0.0 -->, search was …" shows "Prior to 5.0.0, search was …";
    a heading's icon before a dash ("### <!-- md:flag required --> – Required value") is
    nothing; any other comment is still dropped ("<!-- more -->", a macro the build does not
    know)."""
    source = (
        "# Search\n\n## Worker\n\nPrior to <!-- md:version 5.0.0 -->, search was slow. It was\n"
        "fixed in\n<!-- md:version 5.0.0 -->.<!-- md:todo ask Ana -->\n\n<!-- more -->\n\n"
        "### <!-- md:flag required --> – Required value\n\nSome settings must be set.\n"
    )
    document = read("search.md", source.encode())
    assert document.paragraphs == [
        ("Worker", "Prior to 5.0.0, search was slow. It was fixed in 5.0.0."),
        ("Required value", "Some settings must be set."),
    ]


def test_a_definition_that_is_a_box_keeps_its_term_before_the_boxs_label() -> None:
    """The admonition types: "<!-- md:option type:note -->" over ":   !!! note" and its text.
    The type's name is the term ("note"), then the box as the page shows it ("Note: Lorem …")."""
    document = _page("admonitions-types-excerpt.md")
    lines = [line for text in texts(document) for line in text.split("\n")]
    assert any(line.startswith("note: Note: Lorem ipsum dolor sit amet") for line in lines)
    assert any(line.startswith("abstract: Abstract: Lorem ipsum") for line in lines)


def test_a_long_line_of_badges_before_text_is_read_at_once() -> None:
    """A line of 40 badges then text that is no badge: each way of ending each badge at a later
    "-->" was tried before the line was found to be no line of badges alone (a line of 24 took
    20 s, each badge doubling it; this one would take days). Read in an instant, the badges
    open the text."""
    badges = " ".join(f"<!-- md:version 1.{n} -->" for n in range(40))
    document = read("badges.md", f"# Versions\n\n{badges} shipped together.\n".encode())
    text = document.blocks[0].text
    assert text.startswith("Version: 1.0. Version: 1.1.")
    assert text.endswith("Version: 1.39. shipped together.")


def test_a_macro_in_code_is_shown_as_written() -> None:
    """A page showing how to write a badge, in an indented code block or in a box's fenced
    code: the page shows the comment as written ("Version: 9.2.0." was quoted as the code, and
    the box's example was lost); the badge outside code is read as its text."""
    source = (
        "# Writing badges\n\nWrite a version badge as a comment:\n\n"
        "    <!-- md:version 9.2.0 -->\n    <!-- md:default `long` -->\n\n"
        '!!! tip "In a box"\n\n    Or fenced in a box:\n\n    ```\n'
        "    <!-- md:flag required -->\n    ```\n\n<!-- md:version 9.2.0 --> The feature.\n"
    )
    document = read("badges.md", source.encode())
    codes = [block.code for block in document.blocks if block.code]
    assert codes == [
        "<!-- md:version 9.2.0 -->\n<!-- md:default `long` -->",
        "<!-- md:flag required -->",
    ]
    assert document.blocks[-1].text == "Version: 9.2.0. The feature."
