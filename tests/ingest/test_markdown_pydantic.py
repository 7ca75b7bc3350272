"""The Markdown reader on pydantic's documentation (mkdocs-material; fixtures/pydantic).

What a new user's try-out (tryout 8) met: pages titled by the box on their first line, API
stubs and their settings read as passages, a box's title with quotes left as a raw line,
underscores of emphasis, code annotation marks in the code, a tab's label run into the
sentence before the tabs.
"""

from __future__ import annotations

from pathlib import Path

from readerfiles import parsed, texts

from retrieval.ingest.parsed import ParsedDocument
from retrieval.ingest.pipeline import read

PYDANTIC = Path(__file__).parent / "fixtures" / "pydantic"


def _page(name: str) -> ParsedDocument:
    return parsed(PYDANTIC / name)


def parsed_source(source: str, name: str = "page.md") -> ParsedDocument:
    return read(name, source.encode("utf-8"))


def test_a_box_on_the_first_line_is_no_title() -> None:
    """concepts/models.md opens with '??? api "API Documentation"' over a link to BaseModel and
    has no "#" heading: it was titled "API Documentation: pydantic.main.BaseModel", as were
    five more concept pages; the file name says more."""
    document = _page("models-excerpt.md")
    assert document.title == "models-excerpt"
    # The box is still read, as the page shows it.
    assert texts(document)[0] == "API Documentation: pydantic.main.BaseModel"
    assert _page("json_schema-excerpt.md").title == "json schema-excerpt"


def test_api_stubs_stay_indexed_and_their_options_are_no_passages() -> None:
    """api/aliases.md is "::: pydantic.aliases" alone: its text is made from the code when the
    site is built; the page stays indexed, titled by the module it documents, so every file
    of the docs is found. api/base_model.md's options, a YAML comment among them ("# explicit
    members list so we can set order …"), were a passage "# explicit members list … members:
    - init - model_config …"."""
    stub = _page("aliases.md")
    assert stub.title == "pydantic.aliases"
    assert [(b.kind, b.code) for b in stub.blocks] == [("code", "::: pydantic.aliases")]
    assert texts(_page("base_model.md")) == [
        "Pydantic models are simply classes which inherit from BaseModel and define fields as "
        "annotated attributes."
    ]


def test_a_box_title_holding_quotes_heads_its_box() -> None:
    """'!!! note "on the "jsonable" nature of JSON schema"' was read as a raw line run into the
    box's text ('!!! note "on the "jsonable" … schema" Regarding …'); Python-Markdown reads the
    title to the line's last quote."""
    found = [t for t in texts(_page("json_schema-excerpt.md")) if "Regarding" in t]
    assert found == [
        'on the "jsonable" nature of JSON schema: Regarding the "jsonable" nature of the '
        "model_json_schema results, calling json.dumps(m.model_json_schema())on some BaseModel m "
        "returns a valid JSON string. Similarly, for TypeAdapter.json_schema, calling "
        "json.dumps(TypeAdapter(<some_type>).json_schema()) returns a valid JSON string."
    ]


def test_markdown_after_an_html_element_on_its_line_is_read_as_markdown() -> None:
    """models.md quotes a dictionary: "> <h3>validation</h3>" over "> _noun_": mkdocs shows
    "noun" in italics (the element closed, the lines under it are Markdown); it was quoted
    "_noun_ the action of checking …", underscores and all."""
    found = [t for t in texts(_page("models-excerpt.md")) if "the action of checking" in t]
    assert found == [
        "noun the action of checking or proving the validity or accuracy of something."
    ]
    source = "# Terms\n\n<h3>validation</h3>\n**noun**, the action of checking.\n"
    assert texts(parsed_source(source)) == ["validation", "noun, the action of checking."]


def test_code_annotations_stripped_comments_are_no_code() -> None:
    """why.md: "name: str  # (1)!" shows "name: str" and a button opening note 1 (the "!" strips
    the comment); the marks were quoted in 101 of pydantic's listings."""
    code = next(b.code for b in _page("why-excerpt.md").blocks if "class Fruit" in b.code)
    assert "    name: str\n    color: Literal['red', 'green']\n" in code
    assert "(1)" not in code and "#>" in code  # the output comment stays
    css = '```css\n:root {\n  --md-text-font: "Roboto"; /* (1)! */\n}\n```\n'
    assert parsed_source(f"# Fonts\n\n{css}").blocks[0].code == (
        ':root {\n  --md-text-font: "Roboto";\n}'
    )


def test_a_first_tabs_label_goes_with_its_code_not_the_sentence() -> None:
    """install.md: "To install optional dependencies along with Pydantic:" over '=== "pip"' and
    '=== "uv"': quoted "…along with Pydantic:\\npip", the label read as the sentence's last
    word; it says which version the code is, before the colon pointing at it."""
    codes = [(b.text, b.code) for b in _page("install.md").blocks if b.code]
    assert codes[:2] == [
        ("Installation is as simple as (pip):", "pip install pydantic"),
        ("uv", "uv add pydantic"),
    ]
    assert "To install optional dependencies along with Pydantic (pip):" in [t for t, _ in codes]
