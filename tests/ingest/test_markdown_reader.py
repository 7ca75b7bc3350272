"""The Markdown reader on the Python-Markdown documentation (50 real files) and generated text.

What a user would notice: every file indexed, code blocks whole and with the sentence that
introduces them, no code line ever a section, prose rejoined, directives and markup gone.
Oracles here are independent of markdown-it-py: simple line scanners over the raw files.
"""

from __future__ import annotations

import re
import textwrap
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from readerfiles import MARKDOWN_FILES, MDDOCS, parsed, texts

from retrieval.ingest.parsed import ParsedDocument
from retrieval.ingest.pipeline import read

_FENCE = re.compile(r"^(`{3,}|~{3,})")
_ATX = re.compile(r"^ {0,3}(#{1,6})\s+(.*?)\s*#*\s*$")


def _fence_states(source: str) -> list[tuple[str, str]]:
    """Each line of ``source`` with its part in a top-level fenced block: "open", "inside",
    "close" or "" (outside). A fence closes only with at least as many of its own characters, so
    a four-backtick fence can hold a three-backtick one."""
    states: list[tuple[str, str]] = []
    opening: str | None = None
    for line in source.split("\n"):
        stripped = line.strip()
        if opening is None:
            match = _FENCE.match(line)
            opening = match[1] if match else None
            states.append((line, "open" if match else ""))
        elif (
            stripped
            and set(stripped) == {opening[0]}
            and len(stripped) >= len(opening)
            and not line.startswith(" ")
        ):
            states.append((line, "close"))
            opening = None
        else:
            states.append((line, "inside"))
    return states


def _fences(source: str) -> list[str]:
    """The contents of the top-level (unindented) fenced code blocks of ``source``."""
    blocks: list[str] = []
    body: list[str] = []
    for line, state in _fence_states(source):
        if state == "open":
            body = []
        elif state == "inside":
            body.append(line)
        elif state == "close":
            blocks.append("\n".join(body))
    return blocks


def _heading_lines(source: str) -> set[str]:
    """Lines written as headings outside code: ATX lines and setext titles (a rough scanner)."""
    states = _fence_states(source)
    headings: set[str] = set()
    for i, (line, fenced) in enumerate(states):
        if fenced or line.startswith("    "):
            continue
        match = _ATX.match(line)
        following = states[i + 1][0] if i + 1 < len(states) else ""
        if match:
            headings.add(_words(match[2]))
        elif re.fullmatch(r"(=+|-+)\s*", following) and line.strip():
            headings.add(_words(line))
    return headings


def _words(text: str) -> str:
    """Letters and digits only, lower case: compares a rendered heading with its source line."""
    text = re.sub(r"\{:?[^}]*\}\s*$", "", text)  # an attribute list "{: #id }" is not shown
    return " ".join(re.findall(r"[a-z0-9]+", text.lower()))


def _read(text: str, name: str = "page.md") -> ParsedDocument:
    return read(name, text.encode("utf-8"))


# ----------------------------------------------------------------------------- the real files
# reference/ holds mkdocstrings' stubs ("::: markdown.util"), which hold no text (see below).
PAGES = [path for path in MARKDOWN_FILES if path.parent.name != "reference"]


def test_the_corpus_is_there() -> None:
    assert len(MARKDOWN_FILES) == 50
    assert len(PAGES) == 38


@pytest.mark.parametrize("path", PAGES, ids=lambda p: str(p.relative_to(MDDOCS)))
def test_every_file_yields_blocks_and_no_section_is_a_code_line(path: Path) -> None:
    document = parsed(path)
    assert document.blocks
    written = _heading_lines(path.read_text(encoding="utf-8"))
    for block in document.blocks:
        if block.section is not None:
            assert _words(block.section) in written, block.section


@pytest.mark.parametrize("path", PAGES, ids=lambda p: str(p.relative_to(MDDOCS)))
def test_every_fenced_block_comes_out_whole(path: Path) -> None:
    codes = [block.code for block in parsed(path).blocks if block.code]
    for fence in _fences(path.read_text(encoding="utf-8")):
        if fence.strip():
            # Whole, in one block (a result box's output is quoted after the code it shows).
            assert any(fence.strip("\n") in code for code in codes)


def test_interpreter_prompts_comments_and_indentation_are_kept() -> None:
    codes = "\n".join(b.code for b in parsed(MDDOCS / "extensions" / "tables.md").blocks)
    assert ">>> from markdown.extensions.tables import TableExtension" in codes
    assert "...                 extensions=[TableExtension(use_align_attribute=True)]" in codes
    assert ">>" + " from" not in codes.replace(">>> from", "")


def test_code_keeps_the_sentence_that_introduces_it() -> None:
    blocks = parsed(MDDOCS / "extensions" / "admonition.md").blocks
    syntax = next(
        b for b in blocks if b.text == "Admonitions are created using the following syntax:"
    )
    assert syntax.kind == "code"
    assert syntax.code.startswith("---\nextensions: [admonition]\n---\n!!! type")
    assert syntax.section == "Syntax"


def test_indented_code_blocks_are_kept_whole() -> None:
    codes = [b.code for b in parsed(MDDOCS / "change_log" / "release-2.5.md").blocks]
    assert "import bleach\nhtml = bleach.clean(markdown.markdown(text))" in codes
    assert (
        "from markdown.extensions import Extension\n\n"
        "class EscapeHtml(Extension):\n"
        "    def extendMarkdown(self, md, md_globals):\n"
        "        del md.preprocessors['html_block']\n"
        "        del md.inlinePatterns['html']\n\n"
        "html = markdown.markdown(text, extensions=[EscapeHtml()])"
    ) in codes


def test_hard_wrapped_paragraphs_are_one_line() -> None:
    document = parsed(MDDOCS / "cli.md")
    # (A code block's caption goes on a line of its own under its introduction: see
    # test_a_code_blocks_caption_is_read_with_it.)
    assert all("\n" not in block.text for block in document.blocks if block.kind == "text")
    assert any(
        text.startswith(
            "As Python-Markdown only ever outputs HTML fragments (no <html>, <head>, and <body> "
            "tags), it is generally expected that the command line interface will always be used"
        )
        for text in texts(document)
    )


def test_front_matter_gives_the_title_and_is_not_text() -> None:
    document = parsed(MDDOCS / "extensions" / "admonition.md")
    assert document.title == "Admonition Extension"
    assert not any("title:" in text for text in texts(document))


def test_admonitions_are_read_as_their_text_headed_by_their_label() -> None:
    """'!!! info "Note"' heads its box with "Note" on the page: the text says so, and the label
    is no passage of its own."""
    document = parsed(MDDOCS / "extensions" / "admonition.md")
    assert any(
        t.startswith("Note: This extension is in maintenance mode. We will")
        for t in texts(document)
    )
    assert "Note" not in texts(document)


def test_an_admonition_without_a_title_is_headed_by_its_type() -> None:
    """ "!!! tip" shows a box headed "Tip", "??? warning inline end" one headed "Warning" (the
    other words are classes), '!!! note ""' one without a heading; as pymdownx's "/// tip"."""
    source = (
        "# Setup\n\n!!! tip\n    Use a virtual environment.\n\n"
        "??? warning inline end\n    Never run it as root.\n\n"
        '!!! note ""\n    Python 3.10 or later is needed.\n\n'
        "/// tip\nKeep the lock file.\n///\n"
    )
    assert texts(_read(source)) == [
        "Tip: Use a virtual environment.",
        "Warning: Never run it as root.",
        "Python 3.10 or later is needed.",
        "Tip: Keep the lock file.",
    ]


def test_links_emphasis_and_code_marks_are_read_as_a_reader_sees_them() -> None:
    document = parsed(MDDOCS / "extensions" / "admonition.md")
    assert "The Admonition extension adds rST-style admonitions to Markdown documents." in texts(
        document
    )
    for text in texts(document):
        assert "](" not in text and "`" not in text and "__" not in text


def test_api_reference_stubs_keep_their_directive_as_code() -> None:
    """reference/markdown.util.md holds only "::: markdown.util": its text is made from the
    code when the site is built. The page stays indexed (every file of the docs is), its
    directive as code, titled by the object it documents."""
    for path in sorted(set(MARKDOWN_FILES) - set(PAGES)):
        document = parsed(path)
        assert [b.kind for b in document.blocks] == ["code"], path
        assert document.title == document.blocks[0].code.removeprefix("::: "), path


def test_directives_never_become_text() -> None:
    for path in PAGES:
        for text in texts(parsed(path)):
            assert not text.startswith((":::", "///", ".. ")), (path, text)


def test_tables_are_one_block_per_row_with_cells_labelled() -> None:
    rows = [b for b in parsed(MDDOCS / "extensions" / "smarty.md").blocks if b.kind == "table"]
    assert (
        "Option: smart_dashes | Default value: True | Description: whether to convert dashes"
        in [b.text for b in rows]
    )


def test_a_heading_inside_raw_html_pre_is_code_not_a_section() -> None:
    document = parsed(MDDOCS / "playground.md")
    assert all(block.section != "Heading" for block in document.blocks)
    assert any("# Heading\n\nA paragraph of **Markdown** text." in b.code for b in document.blocks)


# ----------------------------------------------------------------------------- generated text
def test_front_matter_date_source_and_author_other_keys_ignored() -> None:
    document = _read(
        "---\ntitle: 'Harbour notes'\ndate: 2024-03-05\ncanonical_url: https://example.org/h\n"
        "author: Ana Ruiz\nhide:\n  - toc\n---\n\n"
        "The harbour committee met in spring to discuss the port.\n"
    )
    assert (document.title, document.date, document.source, document.author) == (
        "Harbour notes",
        "2024-03-05",
        "https://example.org/h",
        "Ana Ruiz",
    )
    assert texts(document) == ["The harbour committee met in spring to discuss the port."]


def test_front_matter_values_that_are_not_plain_text_are_ignored() -> None:
    document = _read(
        "---\ntitle:\n  en: Harbour notes\n  fr: Notes du port\n---\n\n# Harbour\n\n"
        "The harbour committee met in spring to discuss the port.\n"
    )
    assert document.title == "Harbour"


def test_title_is_the_first_heading_else_the_file_name() -> None:
    assert _read("# Orchard\n\n## Apples\n\nApples ripen in autumn.\n").title == "Orchard"
    # A page's one top heading, on its first line, is its title whatever its level.
    assert _read("## Apples\n\nApples ripen in autumn.\n", "orchard_notes.md").title == "Apples"
    two = "## Apples\n\nApples ripen in autumn.\n\n## Pears\n\nPears too.\n"
    assert _read(two, "orchard_notes.md").title == "orchard notes"


def test_comments_attribute_lists_and_sphinx_directives_are_dropped() -> None:
    document = _read(
        "# Guide\n\n<!-- a note to the editors -->\n\n## Setup {: #setup }\n\n"
        ".. autoclass:: Client\n   :members:\n\nInstall the package first.\n"
    )
    assert document.paragraphs == [("Setup", "Install the package first.")]


def test_code_without_a_paragraph_before_it_stands_alone() -> None:
    document = _read("# Guide\n\n## Run\n\n```\n$ run --fast\n# not a heading\n200\n```\n")
    assert [(b.section, b.text, b.code) for b in document.blocks] == [
        ("Run", "", "$ run --fast\n# not a heading\n200")
    ]


def test_setext_headings_and_definition_lists() -> None:
    document = _read("Guide\n=====\n\nUsage\n-----\n\nApple\n:   A fruit of the rose family.\n")
    assert document.title == "Guide"
    assert document.paragraphs == [("Usage", "Apple: A fruit of the rose family.")]


def test_a_terms_code_is_shown_under_it_and_the_next_paragraph_has_no_term() -> None:
    # The term waited for a paragraph, so the code's went unlabelled and the last one opened
    # the paragraph after the list: "Kotlin: Then run it."
    source = (
        "Configure it:\n\nJava\n:   ```java\n    http.formLogin();\n    ```\n\n"
        "Kotlin\n:   ```kotlin\n    http { formLogin { } }\n    ```\n\nThen run it.\n"
    )
    blocks = _read(source).blocks
    assert [(block.text, block.code) for block in blocks] == [
        ("Configure it:\nJava", "http.formLogin();"),
        ("Kotlin", "http { formLogin { } }"),
        ("Then run it.", ""),
    ]


_WORD = st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=1, max_size=10)
_PARAGRAPH = st.lists(_WORD, min_size=1, max_size=40)


@settings(max_examples=60, deadline=None)
@given(paragraphs=st.lists(_PARAGRAPH, min_size=1, max_size=6), width=st.integers(10, 80))
def test_every_word_of_the_prose_is_in_the_blocks_in_order(
    paragraphs: list[list[str]], width: int
) -> None:
    def wrap(words: list[str]) -> str:
        lines, line = [], ""
        for word in words:
            if line and len(line) + 1 + len(word) > width:
                lines.append(line)
                line = word
            else:
                line = f"{line} {word}".strip()
        return "\n".join([*lines, line])

    source = "# Title\n\n" + "\n\n".join(wrap(p) for p in paragraphs) + "\n"
    document = _read(source)
    assert texts(document) == [" ".join(p) for p in paragraphs]


def test_references_resolved_only_when_the_site_is_built_read_as_their_text() -> None:
    document = parsed(MDDOCS / "extensions" / "api.md")
    assert any(
        t.startswith(
            "Preprocessors inherit from markdown.preprocessors.Preprocessor and implement a run "
            "method, which takes a single parameter lines."
        )
        for t in texts(document)
    )
    code = _read("# A\n\nIndex it with `rows[0][1]` or see [Rows][rows.Table].\n")
    assert texts(code) == ["Index it with rows[0][1] or see Rows."]


_CODE_LINE = st.one_of(
    st.builds(lambda w: f"# {w}", _WORD),  # a comment that looks like a heading
    st.builds(lambda w: f">>> {w}()", _WORD),
    st.builds(lambda w, n: " " * n + f"{w} = 1", _WORD, st.integers(0, 8)),
    st.builds(str, st.integers(0, 999)),  # an output line
    st.just("==="),
    st.just("---"),
)
_PART = st.one_of(
    st.tuples(st.just("heading"), st.lists(_WORD, min_size=1, max_size=5)),
    # Two words or more: a word alone under a heading is that heading's value ("## License" over
    # "MIT" is read "License: MIT", see test_markdown_mdn).
    st.tuples(st.just("prose"), st.lists(_WORD, min_size=2, max_size=40)),
    st.tuples(st.just("code"), st.lists(_CODE_LINE, min_size=1, max_size=8)),
)


@settings(max_examples=80, deadline=None)
@given(
    parts=st.lists(_PART, min_size=1, max_size=10).filter(
        lambda ps: any(k != "heading" for k, _ in ps)
    )
)
def test_headings_prose_and_code_come_out_as_written(parts: list[tuple[str, list[str]]]) -> None:
    chunks = []
    for kind, items in parts:
        if kind == "heading":
            chunks.append("## " + " ".join(items).capitalize())
        elif kind == "prose":
            chunks.append(" ".join(items))
        else:
            chunks.append("```\n" + "\n".join(items) + "\n```")
    document = _read("# Title\n\n" + "\n\n".join(chunks) + "\n")
    headings = {" ".join(items).capitalize() for kind, items in parts if kind == "heading"}
    assert {b.section for b in document.blocks} <= headings | {None}
    codes = ["\n".join(items) for kind, items in parts if kind == "code"]
    assert [b.code for b in document.blocks if b.code] == [c for c in codes if c.strip()]
    prose = [" ".join(items) for kind, items in parts if kind == "prose"]
    assert [b.text for b in document.blocks if b.text] == prose


def test_text_inside_a_pymdownx_block_is_kept_without_the_block_lines() -> None:
    document = _read(
        "# Styles\n\n/// admonition | Preview\n    type: preview\n\n//// tab | Table\n"
        "Tables work well when you have lots of items with short names.\n"
        "With longer strings, the columns risk getting squished horizontally.\n////\n\n///\n"
    )
    assert document.paragraphs == [
        (
            None,
            "Table: Tables work well when you have lots of items with short names. "
            "With longer strings, the columns risk getting squished horizontally.",
        )
    ]


def test_list_items_are_marked_so_a_short_list_is_quoted_with_its_introduction() -> None:
    from retrieval.ingest.passages import passages

    document = _read(
        "# Styles\n\n## Section style\n\nPossible values:\n\n"
        '- "table": a simple table\n- "list": a simple list\n\nThe default is the table.\n'
    )
    assert [b.item for b in document.blocks] == [False, True, True, False]
    assert [p.text for p in passages(document, "page.md")] == [
        'Possible values:\n"table": a simple table\n"list": a simple list',
        "The default is the table.",
    ]


def test_snippet_includes_and_block_closers_after_raw_html_are_no_text() -> None:
    document = _read(
        '# Guide\n\n--8<-- "README.md"\n\n/// html | div.result\n\n<p>Class docstring.</p>\n'
        "////\n\nThe handler renders the docstring of each class.\n"
    )
    assert document.paragraphs == [
        (None, "Class docstring."),
        (None, "The handler renders the docstring of each class."),
    ]


def test_myst_targets_colon_fences_and_roles_read_as_the_built_page_shows_them() -> None:
    """Sphinx sites written in MyST Markdown (attrs, most new Sphinx projects)."""
    document = _read(
        "# Examples\n\n(asdict)=\n\n## Converting to collections\n\n"
        ":::{caution}\n"
        "A field defined with {func}`attrs.field` (or {func}`~attr.ib`) but no annotation\n"
        "switches attrs to a no-typing mode.\n"
        ":::\n\n"
        "{term}`Slotted classes <slotted classes>` follow {pep}`557` and {ref}`validators`.\n"
    )
    assert [(b.section, b.text) for b in document.blocks] == [
        (
            "Converting to collections",
            "A field defined with attrs.field (or attr.ib) but no annotation switches attrs to a "
            "no-typing mode.",
        ),
        ("Converting to collections", "Slotted classes follow PEP 557 and validators."),
    ]


def test_icon_shortcodes_and_attribute_lists_are_not_text() -> None:
    """mkdocs-material pages draw ":warning:" and ":octicons-package-24:" as pictures and read
    '{ title="default value" }' as markup (its title is the code's label: it stays, the braces go);
    a line starting with an icon is still text."""
    source = (
        "# Options\n\n## :warning: Work in Progress!\n\nSome styles are partly supported.\n\n"
        "## `members`\n\n"
        "- **:octicons-package-24: Type `list[str] | None` :material-equal: `None`"
        '{ title="default value" }**\n\nAn explicit list of members to render.\n\n'
        "| Type | Description |\n| --- | --- |\n"
        '| Markdown{ .external title="markdown.Markdown" } | A Markdown instance. |\n'
    )
    document = read("options.md", source.encode())
    assert [b.section for b in document.blocks][:1] == ["Work in Progress!"]
    everything = " ".join(b.text for b in document.blocks)
    assert "Type list[str] | None default value None" in everything
    assert ":" + "octicons" not in everything and "title=" not in everything
    assert "Type: Markdown | Description: A Markdown instance." in everything  # one row: labelled


def test_a_block_closer_right_under_a_table_is_no_row_of_it() -> None:
    source = (
        "# Options\n\n/// tab | Table\n**Type** | **Name**\n--- | ---\n`int` | `threshold`\n"
        "`bool` | `flag`\n////\n\nAfter the table comes a paragraph of text.\n"
    )
    everything = " ".join(b.text for b in read("tabs.md", source.encode()).blocks)
    assert "///" not in everything and "threshold" in everything


# ------------------------------------------------- mkdocs-material, FastAPI and pydantic markup
def test_content_tabs_are_read_as_markdown_not_as_indented_code() -> None:
    """pymdownx.tabbed ('=== "Unix"' then its content indented by four spaces, as in
    mkdocs-material's "Creating your site"): the tab's fence is code, its list is text."""
    source = (
        "# Creating your site\n\nIf you're running from within Docker, use:\n\n"
        '=== "Unix, Powershell"\n\n    ```\n'
        "    docker run --rm -it squidfunk/mkdocs-material new .\n"
        '    ```\n\n=== "Other"\n\n'
        "    1.  Ensure your editor has support for YAML schema validation.\n"
        "    2.  Add the following lines at the top of `mkdocs.yml`:\n\n"
        "        ``` yaml\n        # yaml-language-server: $schema=schema.json\n        ```\n"
    )
    blocks = _read(source).blocks
    codes = [b for b in blocks if b.kind == "code"]
    assert [(b.text, b.code) for b in codes] == [
        (
            # The first tab's label, shown between the sentence and the code, goes with both.
            "If you're running from within Docker, use (Unix, Powershell):",
            "docker run --rm -it squidfunk/mkdocs-material new .",
        ),
        (
            "Add the following lines at the top of mkdocs.yml:",
            "# yaml-language-server: $schema=schema.json",
        ),
    ]
    # The tab's label, which the page shows above its content, goes with the tab's first block.
    assert "Other: Ensure your editor has support for YAML schema validation." in [
        b.text for b in blocks
    ]
    assert not any("===" in b.text + b.code or "```" in b.code for b in blocks)


def test_an_admonition_runs_on_over_the_blank_lines_inside_its_code() -> None:
    """Two blank lines between an import and a class (PEP 8) inside an admonition's example, as
    in pydantic's docs, do not end the admonition: the code stays whole, the text after it text."""
    code = (
        "from typing import Annotated\n\nfrom pydantic import BaseModel, Field\n\n\n"
        "class Model(BaseModel):\n    int_list: list[Annotated[int, Field(gt=0)]]"
    )
    source = (
        "# Fields\n\n!!! tip\n"
        "    The annotated pattern can also add metadata to parts of a type:\n\n"
        "    ```python\n" + textwrap.indent(code, "    ") + "\n    ```\n\n"
        "    Be careful not mixing field and type metadata.\n\nAfter the box comes more text.\n"
    )
    blocks = _read(source).blocks
    assert [b.code for b in blocks if b.kind == "code"] == [code]
    assert [b.text for b in blocks][-2:] == [
        "Be careful not mixing field and type metadata.",
        "After the box comes more text.",
    ]


def test_markdown_inside_html_marked_markdown_is_read_as_markdown() -> None:
    """Python-Markdown's md_in_html ('<div class="result" markdown>'): the admonition inside
    is read as one, not as raw text "!!! note Lorem ipsum"."""
    source = (
        "# Admonitions\n\n## Usage\n\nThe content follows on the next line:\n\n"
        '<div class="result" markdown>\n\n!!! note\n\n'
        "    Lorem ipsum dolor sit amet, consectetur.\n\n</div>\n\n"
        "## Changing the title\n\nThe title can be changed.\n"
    )
    assert texts(_read(source)) == [
        "The content follows on the next line:\nNote: Lorem ipsum dolor sit amet, consectetur.",
        "The title can be changed.",
    ]


def test_a_fence_inside_raw_html_is_code_with_its_introduction() -> None:
    """FastAPI wraps console sessions in '<div class="termy">': pymdownx's superfences reads the
    fence inside as code, so the reader does too."""
    source = (
        "# Async Tests\n\n## Run it\n\nYou can run your tests as usual via:\n\n"
        '<div class="termy">\n\n```console\n$ pytest\n\n---> 100%\n```\n\n</div>\n\n'
        "## In Detail\n\nThe marker tells pytest to run the test asynchronously.\n"
    )
    blocks = _read(source).blocks
    assert [(b.text, b.code, b.section) for b in blocks if b.kind == "code"] == [
        ("You can run your tests as usual via:", "$ pytest\n\n---> 100%", "Run it")
    ]
    assert not any("```" in b.text for b in blocks)


def test_files_included_when_the_site_is_built_are_neither_code_nor_text() -> None:
    """'{!> ../docs_src/app.py!}' in a fence (mdx_include, 940 times in FastAPI's docs),
    '{* … *}' and mkdocs-macros' '{{ table }}' stand for text the file doesn't hold."""
    source = (
        "# Additional Responses\n\nFor example, to declare another response, you can write:\n\n"
        '```Python hl_lines="18  22"\n{!> ../../../docs_src/additional_responses/tutorial001.py!}\n'
        "```\n\n{* ../../docs_src/additional_responses/tutorial002.py hl[3] *}\n\n"
        '=== "All"\n\n    {{ conversion_table_all }}\n\nThe response is documented.\n'
    )
    blocks = _read(source).blocks
    assert [(b.kind, b.text) for b in blocks] == [
        (
            "text",
            "For example, to declare another response, you can write:\nThe response is documented.",
        )
    ]


def test_a_page_that_only_includes_a_file_keeps_the_include_and_jinja_code_stays_code() -> None:
    """A stub page ('```' / '--8<-- "LICENSE"' / '```') is still found by what it includes;
    '{% extends … %}' inside a fence is a Jinja example, not a macro of the site."""
    stub = _read('# License\n\n```\n--8<-- "LICENSE"\n```\n', "license.md")
    assert [b.code for b in stub.blocks] == ['--8<-- "LICENSE"']
    jinja = '{% extends "_base/class.html" %}\n{% block contents %}\n  {{ block.super }}'
    page = _read(f"# Templates\n\nExample:\n\n```jinja\n{jinja}\n```\n")
    assert [b.code for b in page.blocks] == [jinja]


def test_an_attribute_list_after_a_link_or_code_is_not_text() -> None:
    source = (
        "# Tests\n\nSee [Testing](testing.md){.internal-link target=_blank} for the rest.\n\n"
        "A pull request labeled `release`{ .label .release } bumps the version.\n"
    )
    assert texts(_read(source)) == [
        "See Testing for the rest.",
        "A pull request labeled release bumps the version.",
    ]


def test_hugo_shortcodes_and_page_links_read_as_the_built_page_shows_them() -> None:
    """Poetry's docs (Hugo): '{{% note %}}' boxes, labelled as the site labels them, and
    '[text]({{< relref "page" >}})' links."""
    source = (
        '# Basic usage\n\n{{% note %}}\nIn the [pyproject section]({{< relref "pyproject" >}})'
        " you can see which fields are required.\n{{% /note %}}\n\n"
        '{{% warning %}} If you have added the [build-system]({{< relref "pyproject#pep-517" >}})'
        " section, install it.\n{{% /warning %}}\n"
    )
    assert texts(_read(source)) == [
        "Note: In the pyproject section you can see which fields are required.",
        "Warning: If you have added the build-system section, install it.",
    ]


def test_a_hugo_link_shown_in_a_code_block_stays_as_written() -> None:
    """Hugo's docs show how to link a page; the example is code, not a link Hugo built."""
    source = (
        '# Links\n\nRead [the intro]({{< relref "intro" >}}) first. Write a link so:\n\n'
        '```go-html-template\n[Intro]({{< relref "docs/intro" >}})\n```\n'
    )
    document = _read(source)
    assert texts(document) == ["Read the intro first. Write a link so:"]
    assert [block.code for block in document.blocks if block.code] == [
        '[Intro]({{< relref "docs/intro" >}})'
    ]


def test_exclamation_marks_opening_a_sentence_are_no_admonition() -> None:
    """Python-Markdown takes '!!! type "title"' for an admonition and nothing else: a
    sentence after '!!!' is a paragraph, not a label to drop."""
    source = (
        "# Install\n\n!!! WARNING: do not run the installer as root.\n\n"
        '!!! note "Mind the version"\n    Python 3.10 or later is needed.\n'
    )
    assert texts(_read(source)) == [
        "!!! WARNING: do not run the installer as root.",
        "Mind the version: Python 3.10 or later is needed.",
    ]


def test_a_smarty_comment_or_scissors_line_in_code_is_code_and_an_include_is_not() -> None:
    """'{* ../docs_src/app.py hl[3] *}' and '--8<-- "app.py"' stand for files included when the
    site is built; a Smarty template's comment and a scissors line are the example's own."""
    source = (
        "# Templates\n\nA template:\n\n```smarty\n{* cache this block *}\n{$title}\n"
        "--8<-- cut here --\n```\n\nThe app:\n\n```python\n{* ../docs_src/app.py hl[3] *}\n"
        '--8<-- "docs_src/main.py"\nprint(1)\n```\n'
    )
    assert [block.code for block in _read(source).blocks if block.code] == [
        "{* cache this block *}\n{$title}\n--8<-- cut here --",
        "print(1)",
    ]


def test_markdown_right_under_an_md_in_html_tag_is_read_as_markdown() -> None:
    """Python-Markdown's md_in_html reads '<div markdown>' then '**Bold** text' with no blank
    line between as Markdown too: no stars in the passage."""
    source = '# Result\n\n<div class="result" markdown>\n**Bold** text here.\n</div>\n'
    assert texts(_read(source)) == ["Bold text here."]


# ---------------------------------------------- what the built page shows around lists and code
DOCS_DEV_MD = MDDOCS.parent / "docs-dev" / "md"


def test_a_heading_that_is_an_autodoc_directive_heads_no_section() -> None:
    """mkdocstrings' "# ::: package.module" is replaced by the module's documentation when the
    site is built: no passage is cited under "::: mkdocstrings_handlers.python", and the
    page, which holds nothing else, is still found by its module's name."""
    document = parsed(DOCS_DEV_MD / "reference" / "api.md")
    assert [(b.section, b.code) for b in document.blocks] == [
        (None, "::: mkdocstrings_handlers.python")
    ]
    document = _read("# API\n\n# ::: package.module\n\nThe module does one thing.\n")
    assert [(b.section, b.text) for b in document.blocks] == [(None, "The module does one thing.")]


def test_a_code_blocks_caption_is_read_with_it() -> None:
    """'```yaml title="mkdocs.yml"' shows "mkdocs.yml" above the code: a code block with no
    sentence before it is no longer quoted bare, and one with a sentence keeps both."""
    source = (
        "## `allow_inspection`\n\nWhether to allow inspecting modules.\n\n"
        '```yaml title="in mkdocs.yml (global configuration)"\nplugins:\n- mkdocstrings\n```\n\n'
        '```md title="or in docs/some_page.md (local configuration)"\n::: path.to.object\n'
        "    options:\n      allow_inspection: false\n```\n"
    )
    codes = [(b.text, b.code) for b in _read(source).blocks if b.code]
    assert codes == [
        (
            "Whether to allow inspecting modules.\nin mkdocs.yml (global configuration)",
            "plugins:\n- mkdocstrings",
        ),
        (
            "or in docs/some_page.md (local configuration)",
            "::: path.to.object\n    options:\n      allow_inspection: false",
        ),
    ]


def test_the_last_item_of_a_list_stays_in_its_list_when_code_follows() -> None:
    """docs-dev's docstrings.md: "Possible values:" then four values, then a configuration
    example. The fourth value ("None ...") was taken as the introduction of the example and
    quoted with the YAML, away from the other three."""
    from retrieval.ingest.passages import passages

    document = parsed(DOCS_DEV_MD / "usage" / "configuration" / "docstrings.md")
    quoted = [p.text for p in passages(document, "docstrings.md")]
    values = next(text for text in quoted if text.startswith("Possible values:"))
    assert values.endswith("None (null or ~ in YAML): no style at all, parse as regular text.")
    assert not any(t.startswith("None (null") for t in quoted)


def test_an_items_label_line_is_read_with_the_paragraph_under_it() -> None:
    """cli.md: "* **Windows**:" then, indented under it, what to do on Windows. Alone, "Windows:"
    said nothing and the paragraph did not say it was about Windows."""
    blocks = texts(parsed(MDDOCS / "cli.md"))
    assert "Windows:" not in blocks
    assert any(
        t.startswith('Windows: Assuming a default install of Python on Windows, your "Scr')
        for t in blocks
    )


def test_a_list_nested_in_an_item_is_quoted_with_the_sentence_leading_it() -> None:
    """cli.md: "*nix (Linux, OSX, BSD, Unix, etc.):", "we'll provide a few helpful pointers:"
    and three pointers nested under it, each quoted alone before."""
    from retrieval.ingest.passages import passages

    quoted = [p.text for p in passages(parsed(MDDOCS / "cli.md"), "cli.md")]
    pointers = next(
        t for t in quoted if t.startswith("*nix (Linux, OSX, BSD, Unix, etc.): As each")
    )
    assert "we'll provide a few helpful pointers:\nSome systems will automatically" in pointers
    assert "\nIf you are sure markdown_py is on your path" in pointers


def test_a_changelog_entry_after_a_nested_list_is_an_entry_of_its_own() -> None:
    """changelog.md, 3.4.0 "Added": the footnote options nested under their entry are quoted
    with it, and the next entries (toc_class, pygments_formatter) are not quoted with them."""
    from retrieval.ingest.passages import passages

    quoted = [p.text for p in passages(parsed(MDDOCS / "changelog.md"), "changelog.md")]
    footnotes = next(
        t
        for t in quoted
        if t.startswith("Some new configuration options have been added to the footnotes extension")
    )
    assert "\nSmall refactor of the BACKLINK_TITLE option" in footnotes
    assert "toc_class" not in footnotes
    assert any(
        t.startswith("The Table of Contents extension now accepts a toc_class") for t in quoted
    )


def test_a_content_tabs_label_goes_with_what_the_tab_shows() -> None:
    """docs-dev usage/index.md: three tabs, "pip", "PDM" and "Poetry", each an install command;
    quoted without its label, "pdm install" did not say which tool it was for, and
    "docs-dev general.md" showed two renderings, "With inspection" and "Without inspection"."""
    source = (
        "## Installing\n\nInstall your package in the current environment, and run MkDocs:\n\n"
        "/// tab | pip\n```bash\n. venv/bin/activate\npip install -e .\n```\n///\n\n"
        "/// tab | PDM\n```bash\npdm install\npdm run mkdocs build\n```\n///\n\n"
        '=== "Poetry"\n\n    ```bash\n    poetry install\n    ```\n\n'
        "The build writes the site.\n"
    )
    blocks = _read(source).blocks
    assert [(b.text, b.code.split("\n")[0]) for b in blocks if b.code] == [
        ("pip", ". venv/bin/activate"),
        ("PDM", "pdm install"),
        ("Poetry", "poetry install"),
    ]
    assert blocks[-1].text == "The build writes the site."


def test_a_result_box_is_quoted_with_the_code_whose_output_it_shows() -> None:
    """cli.md: a shell command writing output.html, then '/// html | div.result' holding that
    file. Alone, "<p>Some <strong>Markdown</strong> Text.</p>" was a passage with no text at all
    and did not say what made it."""
    document = parsed(MDDOCS / "cli.md")
    piping = [b for b in document.blocks if b.code and "output.html" in b.code]
    assert piping[0].text.startswith("Piping input and output (on STDIN and STDOUT) is fully")
    assert piping[0].code == (
        'echo "Some **Markdown** text." | python -m markdown > output.html\n\n'
        "<p>Some <strong>Markdown</strong> Text.</p>"
    )
    assert all(b.text for b in document.blocks)


def test_a_bold_line_standing_as_a_small_heading_heads_the_paragraph_after_it() -> None:
    """docs-dev members.md: "**Filtering methods**" and "**List of filters**" on lines of their
    own were passages saying nothing, and the paragraphs under them did not say what they were
    about. A bold line closing a section is kept as it was; a bold list item stays an item."""
    source = (
        '## `filters`\n\n- **Type `list[str]`**\n\nA list of filters, or `"public"`.\n\n'
        "**Filtering methods**\n\n[](){#option-filters-public}\n\n"
        "The `public` filtering method will include only public objects.\n\n"
        "**List of filters**\n\n## `members`\n\nAn explicit list of members.\n"
    )
    assert texts(_read(source)) == [
        "Type list[str]",
        'A list of filters, or "public".',
        "Filtering methods: The public filtering method will include only public objects.",
        "List of filters",
        "An explicit list of members.",
    ]


def test_a_footnote_is_read_under_the_section_that_cites_it() -> None:
    """sanitization.md: the footnote on bleach is cited in "Using nh3 or bleach" and printed at
    the page's foot, after "Sanitizing on the Command Line", under which it was cited."""
    blocks = parsed(MDDOCS / "sanitization.md").blocks
    note = next(b for b in blocks if b.text.startswith("The bleach project has been deprecated"))
    assert note.section == "Using nh3 or bleach"


def test_a_reference_split_over_two_lines_is_read_as_its_text() -> None:
    """library.md: "[`markdown.markdown`]" ends a line and "[markdown.markdown]" starts the next;
    Python-Markdown allows the line break between them, and the page shows one link."""
    blocks = texts(parsed(MDDOCS / "library.md"))
    assert any(
        t.startswith(
            "To use markdown as a module, pass a string to the markdown.markdown function."
        )
        for t in blocks
    )
    assert not any("[markdown.markdown]" in t for t in blocks)


def test_a_reference_whose_label_holds_spaces_is_read_as_its_text() -> None:
    """docs-dev headings.md: "[automatic reference pages recipe][autopages recipe]", defined in a
    file the site appends, shows as its text."""
    source = (
        "## `show_root_heading`\n\nIt is common to inject one module per page, especially when "
        "following our [automatic reference pages recipe][autopages recipe].\n"
    )
    assert texts(_read(source)) == [
        "It is common to inject one module per page, especially when following our automatic "
        "reference pages recipe."
    ]


DOCS_DEV_MD = Path(__file__).parents[2] / "data/eval/corpora/docs-dev/md"
DOCS_DEV2_MD = Path(__file__).parents[2] / "data/eval/corpora/docs-dev2/md"


def test_an_inline_codes_title_attribute_is_read_as_its_label() -> None:
    """mkdocstrings' option pages: "Type `bool` = `True`{ title="default value" }": the title is
    the tooltip a reader sees on "True", and what "what is the default value of show_source?"
    asks for."""
    path = DOCS_DEV_MD / "usage/configuration/general.md"
    document = read(path.name, path.read_bytes())
    found = [b.text for b in document.blocks if b.section == "show_source"]
    assert any(t.startswith("Type bool default value True") for t in found)
    assert not [b for b in document.blocks if "title=" in b.text and "{" in b.text]


def test_inline_hilites_language_mark_is_no_part_of_the_code() -> None:
    """pymdownx InlineHilite: "`#!py3 False`" shows "False", highlighted as Python."""
    path = DOCS_DEV2_MD / "arithmatex.md"
    found = texts(read(path.name, path.read_bytes()))
    assert any("searches for the patterns $...$ and \\(...\\) for inline math" in t for t in found)
    everything = [t for p in sorted(DOCS_DEV2_MD.glob("*.md")) for t in texts(parsed(p))]
    assert not [t for t in everything if re.search(r"#!py3? ", t)]
    assert (
        not read("x.md", b"Set it to `:::js true` or `#!py3 False`.\n").blocks[0].text.count("#!")
    )


def test_inline_code_without_a_language_mark_is_kept_as_written() -> None:
    block = read("x.md", b"A shebang: `#!/bin/sh` and `#!` alone, or `:::` and `# comment`.\n")
    assert block.blocks[0].text == "A shebang: #!/bin/sh and #! alone, or ::: and # comment."


def test_bold_marks_beside_chinese_punctuation_are_not_text() -> None:
    # CommonMark opens no bold between a letter and "「": the marks stayed in the passage and
    # around every highlighted word ("**「**依赖注入**」**"); code keeps its own asterisks.
    source = (
        "# 错误\n\n大家都知道**「404 Not Found」**错误。\n\n"
        "这是**「依赖注入」**，`f(**kw)` 不变。\n"
    )
    document = read(Path("zh.md"), source.encode())
    assert [block.text for block in document.blocks] == [
        "大家都知道「404 Not Found」错误。",
        "这是「依赖注入」，f(**kw) 不变。",
    ]


def test_a_list_item_of_inline_code_under_a_colon_stays_an_item() -> None:
    # A paragraph of one command after "…:" is that sentence's code (tldr pages), but not the
    # items of a list: "* `http://localhost`" went into the code and its two siblings stayed
    # items (FastAPI's CORS page).
    source = (
        "# CORS\n\nSo, all these are different origins:\n\n"
        "* `http://localhost`\n* `https://localhost`\n* `http://localhost:8080`\n"
    )
    document = read(Path("cors.md"), source.encode())
    assert [(block.kind, block.text) for block in document.blocks][1:] == [
        ("text", "http://localhost"),
        ("text", "https://localhost"),
        ("text", "http://localhost:8080"),
    ]
