"""MyST directives and the reST inside them, read as the built Sphinx page shows them.

Real pages: Click 8.5.1's documentation (tests/ingest/fixtures/click, BSD-3-Clause, see
SOURCES.md). A user asking "how do I prompt for a password" was quoted ".. click:example::", a
note as code starting ":class: note", a table of contents as "---/depth: 2/---", and a
changelog entry ending in a bare "1138". Oracles are the pages' own lines, read by eye.
"""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
from readerfiles import parsed

from retrieval.ingest.parsed import Block, ParsedDocument
from retrieval.ingest.pipeline import read

CLICK = Path(__file__).parent / "fixtures" / "click"
PAGES = sorted(CLICK.glob("*.md"))
# What a Sphinx build never shows: directive lines, their options, fences of directives.
MARKUP = (
    ".. click:", ".. code-block::", ".. tabs::", ":class:", ":caption:", "```{", ":depth:",
    "depth: 2", ":maxdepth:", ":header-rows:", "{issue}", "{pr}", "{meth}", "{ref}",
)  # fmt: skip


def _page(name: str) -> ParsedDocument:
    return parsed(CLICK / name)


def _read(source: str) -> ParsedDocument:
    return read("page.md", textwrap.dedent(source).encode())


def _block(document: ParsedDocument, start: str) -> Block:
    return next(b for b in document.blocks if b.text.startswith(start))


def test_the_pages_are_there() -> None:
    assert len(PAGES) == 6


@pytest.mark.parametrize("path", PAGES, ids=lambda p: p.name)
def test_no_directive_markup_is_ever_quoted(path: Path) -> None:
    for block in _page(path.name).blocks:
        for mark in MARKUP:
            assert mark not in block.text and mark not in block.code, (mark, block)


def test_an_eval_rst_example_is_code_with_the_sentence_before_it() -> None:
    document = _page("prompts.md")
    example = _block(document, "Example:")
    assert (example.kind, example.section) == ("code", "Option Prompts")
    assert example.code.startswith("@click.command()\n@click.option('--name', prompt=True)\n")
    run = _block(document, "And what it looks like:")
    assert run.code == "invoke(hello, args=['--name=John'])\ninvoke(hello, input=['John'])"


def test_an_admonition_is_prose_under_its_title() -> None:
    note = _block(_page("arguments.md"), "Note on Required Arguments: ")
    assert note.kind == "text"
    assert note.text.startswith(
        "Note on Required Arguments: It is possible to make an argument required by setting "
        "required=True. It is not recommended"
    )


def test_a_warning_is_prose_and_its_link_reads_as_its_text() -> None:
    warning = _block(_page("testing.md"), "These tools should only be used for testing")
    assert warning.kind == "text"
    assert "They are not thread-safe: see Running tests in parallel for the supported" in (
        warning.text
    )


def test_a_version_note_reads_as_sphinx_shows_it() -> None:
    deprecated = _block(_page("testing.md"), "Deprecated since version 8.5.0: ")
    assert "CliRunner.isolated_filesystem is deprecated and will be removed" in deprecated.text


def test_a_caption_heads_its_code_and_is_no_line_of_it() -> None:
    codes = [b for b in _page("testing.md").blocks if b.kind == "code"]
    test_hello = next(b for b in codes if b.code.startswith("from click.testing import CliRunner"))
    assert test_hello.text.endswith("test_hello.py")
    assert not any(b.code.startswith(":") for b in codes)
    assert any(b.text.endswith("sync.py") and b.code.startswith("import click") for b in codes)


def test_tabs_label_their_code() -> None:
    bash = _block(_page("shell-completion.md"), "Bash: Add this to ~/.bashrc:")
    assert bash.code == 'eval "$(_FOO_BAR_COMPLETE=bash_source foo-bar)"'
    assert bash.section == "Enabling Completion"


def test_a_list_table_is_read_row_by_row() -> None:
    rows = [b.text for b in _page("options.md").blocks if b.kind == "table"]
    assert 'Decorator Arguments: "-f", "--foo-bar" | Inferred Argument Name: foo_bar' in rows


def test_issue_and_pull_request_roles_say_what_they_number() -> None:
    entries = [b.text for b in _page("CHANGES-8.5.1.md").blocks]
    assert any(t.endswith("only the message may be lost. issue 3802") for t in entries)
    assert any(t.endswith("a command-line value. issue 3036 PR 3808") for t in entries)


def test_directives_showing_no_text_of_their_own_are_dropped() -> None:
    document = _read(
        """\
        # Guide

        The page starts here.

        ```{contents}
        ---
        depth: 2
        local: true
        ---
        ```

        ```{toctree}
        :maxdepth: 1

        quickstart
        ```

        ```{include} ../CHANGES.md
        ```

        ```{eval-rst}
        .. autofunction:: click.prompt

        .. currentmodule:: click
        ```

        The page ends here.
        """
    )
    assert document.paragraphs == [(None, "The page starts here."), (None, "The page ends here.")]


def test_other_fences_stay_code() -> None:
    """A pymdownx attribute list ('```{.python}'), an R Markdown cell ('```{r}') and a directive
    nobody knows hold code, as before."""
    document = _read(
        """\
        # Code

        ```{.python .numbered}
        x = 1
        ```

        ```{r}
        summary(cars)
        ```

        ```{mermaid}
        graph TD; A-->B
        ```
        """
    )
    assert [b.code for b in document.blocks] == ["x = 1", "summary(cars)", "graph TD; A-->B"]


def test_rest_paragraphs_literal_blocks_and_roles_inside_eval_rst() -> None:
    document = _read(
        """\
        # Usage

        ```{eval-rst}
        .. _usage-label:

        Call :func:`click.echo` with ``err=True`` to write to stderr, as in
        `the tutorial <https://example.org/tutorial>`_::

            click.echo("failed", err=True)

        .. note::
           :class: tip

           Colors need :pep:`8` and a terminal.
        ```
        """
    )
    assert [(b.kind, b.text, b.code) for b in document.blocks] == [
        (
            "code",
            "Call click.echo with err=True to write to stderr, as in the tutorial:",
            'click.echo("failed", err=True)',
        ),
        ("text", "Colors need PEP 8 and a terminal.", ""),
    ]


def test_a_note_s_first_line_is_its_text_and_options_open_no_text() -> None:
    document = _read(
        """\
        # Notes

        ```{note} Read this first.
        :class: dropdown

        It matters.
        ```
        """
    )
    assert [b.text for b in document.blocks] == ["Read this first. It matters."]


def test_a_line_opening_with_a_hash_inside_rest_is_text_not_a_heading() -> None:
    # reST has no "#" headings: click's "# And how it works on the command line:" above a
    # run's output headed every later section of the page ("… › And how it works …").
    page = (
        "# Advanced\n\n## Callbacks\n\n```{eval-rst}\nDefine the command.\n\n"
        "# And how it works on the command line:\n\n.. code-block:: text\n\n    $ cli --name Pete\n"
        "```\n\n## Managing Resources\n\nResources are closed when the context ends.\n"
    )
    document = read("advanced.md", page.encode())
    assert {b.section for b in document.blocks} <= {"Callbacks", "Managing Resources", None}
    assert any(b.text.startswith("# And how it works") for b in document.blocks)
