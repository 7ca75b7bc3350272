"""MDX pages (react.dev's, written as ``.md``): comments, components' tags and strings' expressions.

Real excerpts of reactjs/fa.react.dev (fixtures/react-fa, sources in fixtures/SOURCES.md), as a
team indexing React's Persian docs would have them. A tester (tryout 12) saw every citation end in
"{/adding-event-handlers/}" (the heading's anchor, an MDX comment, its asterisks read as
emphasis), and a heading written right under "</YouWillLearn>" quoted as a passage "## …" with
the first 34 paragraphs of the page cited under no section.
"""

from __future__ import annotations

from pathlib import Path

from readerfiles import parsed, texts

from retrieval.ingest.parsed import ParsedDocument
from retrieval.ingest.readers.markdown import read_markdown

FIXTURES = Path(__file__).parent / "fixtures" / "react-fa"


def _page(name: str) -> ParsedDocument:
    return parsed(FIXTURES / name)


def _md(source: str) -> ParsedDocument:
    return read_markdown(source.encode(), Path("page.md"))


def test_a_heading_under_a_closing_tag_heads_its_section_without_its_anchor() -> None:
    document = _page("responding-to-events-excerpt.md")
    adding = "اضافه کردن event handlerها"
    assert not any(text.startswith("##") for text in texts(document))
    assert not any("{/" in (block.section or "") or "{/" in block.text for block in document.blocks)
    first = next(block for block in document.blocks if "برای افزودن یک event handler" in block.text)
    assert first.section == adding
    props = next(block for block in document.blocks if block.text.startswith("از آنجایی که"))
    assert (props.above, props.section) == ((adding,), "خواندن props در event handlerها")


def test_text_inside_components_is_read_as_markdown() -> None:
    """The steps after "</Sandpack>" are a list; the box's warning keeps its table and links."""
    document = _page("responding-to-events-excerpt.md")
    steps = [block.text for block in document.blocks if block.item]
    assert "تابعی به نام handleClick در داخل کامپوننت Button خود تعریف کنید." in steps
    assert "درباره arrow functions بیشتر بخوانید." in texts(document)


def test_a_biography_indented_under_its_tag_is_text_not_code() -> None:
    """MDX has no indented code: '<TeamMember …>' over "    Andrew got started …" is prose."""
    document = _page("team-excerpt.md")
    andrew = next(block for block in document.blocks if block.text.startswith("Andrew got"))
    assert andrew.kind == "text" and andrew.section == "React Core"
    dan = next(block for block in document.blocks if block.text.startswith("Dan got"))
    assert "turning Sebastian's tweets" in dan.text  # the link read as its text


def test_a_terminal_box_shows_its_command_without_braces() -> None:
    document = _page("build-a-react-app-from-scratch-excerpt.md")
    assert "npm install --save-dev parcel" in texts(document)
    assert not any("{`" in text or "{npm" in text for text in texts(document))
    vite = next(b for b in document.blocks if b.text.startswith("Vite is opinionated"))
    assert (vite.above, vite.section) == (("Step 1: Install a build tool",), "Vite")


def test_comments_go_everywhere_but_in_code() -> None:
    source = (
        "# T\n\nSome {/* hidden\nacross lines */}text and `{/* shown */}` here.\n\n"
        "{/* TODO: link the docs */}\n\n```jsx\n<>\n  {/* a JSX comment */}\n</>\n```\n"
    )
    document = _md(source)
    assert texts(document)[0] == "Some text and {/* shown */} here."
    assert document.blocks[-1].code == "<>\n  {/* a JSX comment */}\n</>"
    assert not any("TODO" in text for text in texts(document))


def test_html_of_plain_markdown_is_still_read_as_commonmark() -> None:
    """A lowercase tag is HTML: "</div>" then a line runs on as CommonMark's HTML block."""
    document = _md("# T\n\n<div>\n\nInside.\n\n</div>\n## Not a heading\n")
    assert "## Not a heading" in texts(document)
