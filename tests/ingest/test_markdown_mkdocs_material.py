"""The Markdown reader on mkdocs-material pages: Starlette's documentation (docs-dev3, 25 files).

What a user would notice: no passage made of an API-reference directive's settings, a code
block quoted with the sentence it illustrates (not with the last line of a box before it, nor
without the tab's label the page shows above it), a "For example: …" line quoted with what it
is an example of, and the short lines of a raw HTML card quoted together.
"""

from __future__ import annotations

from readerfiles import CORPORA, parsed, texts

from retrieval.ingest.parsed import Block, ParsedDocument
from retrieval.ingest.pipeline import read


def _page(name: str) -> ParsedDocument:
    return parsed(CORPORA / "docs-dev3" / name)


def _code(document: ParsedDocument, line: str) -> Block:
    return next(b for b in document.blocks if b.kind == "code" and line in b.code)


def test_an_api_reference_directives_options_are_no_text() -> None:
    """'??? abstract "API Reference"' holding "::: starlette.applications.Starlette" and its
    YAML options, down to the filters' list ('- "__init__"'): the built page shows the class's
    documentation there, never the settings; read as text they were a passage '- "init"'."""
    for name in ("applications.md", "testclient.md"):
        document = _page(name)
        found = texts(document)
        assert not [t for t in found if '"init"' in t or "heading_level" in t or ":::" in t]
        assert found[0].startswith(("Starlette includes an application class", "The test client"))
    source = (
        "# API\n\n::: package.module\n    options:\n      members:\n        - first\n"
        "        - second\n\nThe module does one thing.\n"
    )
    assert texts(read("api.md", source.encode())) == ["The module does one thing."]


def test_a_list_line_after_another_directive_is_still_text() -> None:
    """Only mkdocstrings' "::: name" takes YAML options; the line after a pymdownx block's
    first line is its text."""
    source = "# Styles\n\n/// note | Mind\n- keep this line\n///\n"
    assert any("keep this line" in t for t in texts(read("styles.md", source.encode())))


def test_the_code_after_an_aside_is_not_introduced_by_its_last_line() -> None:
    """middleware.md: a collapsible '??? info "Buffer on streaming responses"' ends with "This
    may cause a delay in the response…", then comes the page's GZipMiddleware example. The aside
    is no introduction of the example; quoted together, a question on the delay got the code."""
    document = _page("middleware.md")
    example = _code(document, "Middleware(GZipMiddleware, minimum_size=1000, compresslevel=9)")
    assert "delay" not in example.text
    assert any(t.startswith("This may cause a delay in the response") for t in texts(document))
    source = "# Use\n\nRun it:\n\n!!! note\n    It needs root.\n\n```\nmake install\n```\n"
    blocks = read("use.md", source.encode()).blocks
    assert [(b.text, b.code) for b in blocks if b.code] == [("", "make install")]


def test_each_tab_keeps_its_label_and_only_its_own_introduction() -> None:
    """middleware.md: the sentence introducing two tabs, "✅ Do" and "❌ Don't", each a version of
    one middleware. The first tab's code took that sentence and lost its label, so the right way
    was not told from the wrong one."""
    document = _page("middleware.md")
    do = _code(document, "should_mock = False\n")
    dont = _code(document, "self.should_mock = False")
    assert do.text == (
        "As an example, this would conditionally replace the response body, if an X-Mock header"
        " is present in the response...\n✅ Do"
    )
    assert dont.text == "❌ Don't"
    source = (
        "# Tabs\n\n"
        '=== "A"\n    Different tab set.\n\n'
        '=== "B"\n    ```\n    More content.\n    ```\n'
    )
    blocks = read("tabs.md", source.encode()).blocks
    # The code of tab B is not introduced by the last line of tab A.
    assert [(b.text, b.code) for b in blocks] == [
        ("A: Different tab set.", ""),
        ("B", "More content."),
    ]


def test_a_short_example_goes_with_the_sentence_it_illustrates() -> None:
    """requests.md, applications.md, routing.md: "For example:" (and then the code, or the
    example itself in the line) stood apart from the sentence it illustrates; the code was quoted
    under "For example:" alone and the sentence without its example."""
    requests = texts(_page("requests.md"))
    assert (
        "Headers are exposed as an immutable, case-insensitive, multi-dict. "
        "For example: request.headers['content-type']"
    ) in requests
    state = _code(_page("applications.md"), "app.state.ADMIN_EMAIL")
    assert state.text == (
        "You can store arbitrary extra state on the application instance, using the generic "
        "app.state attribute. For example:"
    )
    priority = _code(_page("routing.md"), "Route('/users/me', current_user)")
    assert priority.text.startswith("In cases where more that one route could match")


def test_a_long_example_sentence_stands_as_it_is() -> None:
    """A sentence that says what it shows ("For example, instead of adding CORSMiddleware as an
    inner middleware…, you can wrap your application as follows:") introduces its code alone:
    the explanation before it stays a passage of its own."""
    document = _page("middleware.md")
    wrapped = _code(document, 'app = CORSMiddleware(app=app, allow_origins=["*"])')
    assert wrapped.text.startswith("For example, instead of adding CORSMiddleware")
    assert any(t.startswith("When using CORSMiddleware with your") for t in texts(document))


def test_an_example_in_a_list_or_after_an_introduction_stays_apart() -> None:
    source = (
        "# Files\n\n* `seek(offset)`: goes to the byte position.\n"
        "    * E.g., `seek(0)` goes to the start.\n\n"
        "The values are:\n\nFor example: `1`.\n"
    )
    found = texts(read("files.md", source.encode()))
    assert "E.g., seek(0) goes to the start." in " ".join(found)
    assert "The values are: For example: 1." not in found


def test_the_short_lines_of_a_raw_html_card_are_quoted_together() -> None:
    """sponsorship.md lays its tiers out in HTML boxes: a title, a price, perks. Each line was a
    passage, and "$250/month" did not say which tier it was the price of."""
    found = texts(_page("sponsorship.md"))
    assert any("🥈 Silver Sponsor\n$250/month\n✓ All Bronze benefits" in t for t in found)
    assert any(t.startswith("67M+\nStarlette Downloads/Month\n57M+") for t in found)
    source = (
        "# Page\n\n<div>\n<p>A first sentence of the box that runs on for well over twelve "
        "words, as prose does.</p>\n<p>Short line</p>\n<p>Another short line</p>\n</div>\n"
    )
    assert texts(read("page.md", source.encode())) == [
        "A first sentence of the box that runs on for well over twelve words, as prose does.",
        "Short line\nAnother short line",
    ]


def test_a_long_run_of_short_html_lines_is_no_card() -> None:
    """Sixty links laid out in HTML are sixty lines, not one passage of 455 characters."""
    items = "".join(f"<p>Link number {n}</p>\n" for n in range(60))
    found = texts(read("links.md", f"# Links\n\n<div>\n{items}</div>\n".encode()))
    assert max(t.count("\n") + 1 for t in found) <= 6
    assert "Link number 59" in "\n".join(found)


def test_a_bold_line_opening_a_box_heads_its_text_after_the_boxs_label() -> None:
    """'!!! note' over "**Object-Level Validation and Partial Updates**" then the text
    (docs-dev4's serializers.md): the page shows the box's label and the bold line over the
    text; the reader made "Note: Object-Level Validation and Partial Updates" a passage of its
    own, saying nothing, and its text a passage with no title."""
    document = parsed(CORPORA / "docs-dev4" / "api-guide" / "serializers.md")
    assert "Note: Object-Level Validation and Partial Updates" not in texts(document)
    source = (
        "# Fields\n\n!!! note\n    **Partial updates**\n\n    Only some fields are sent.\n\n"
        '!!! tip "Lists"\n\n    **Checking items:**\n\n    Each item is validated.\n'
    )
    assert texts(read("fields.md", source.encode())) == [
        "Note: Partial updates: Only some fields are sent.",
        "Lists: Checking items: Each item is validated.",
    ]


def test_a_box_opening_with_a_box_keeps_both_labels() -> None:
    """ "!!! tip" holding "!!! warning" first (pymdownx's own page nests "??? danger" in "???+ note
    'Open styled details'"), and a tab holding a note: the page shows the outer label over the
    inner one; the reader kept the inner one alone ("Warning: Do not run it as root.")."""
    source = (
        "# Setup\n\n!!! tip\n    !!! warning\n        Do not run it as root.\n\n"
        '=== "Unix"\n\n    !!! note\n        Run it.\n\n=== "Windows"\n\n    Plain.\n'
    )
    assert texts(read("setup.md", source.encode())) == [
        "Tip: Warning: Do not run it as root.",
        "Unix: Note: Run it.",
        "Windows: Plain.",
    ]
