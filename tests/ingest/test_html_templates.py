"""A site generator's template saved as ``.html`` (Sphinx's ``_templates/page.html``, a Hugo
layout) is no page: it is skipped with its reason, while a page showing a template as code
stays a page."""

from __future__ import annotations

from pathlib import Path

import pytest

from retrieval.errors import DocumentError
from retrieval.ingest.pipeline import read

SPHINX_PAGE = Path(__file__).parent / "fixtures" / "mattermost" / "page.html"

HUGO_LAYOUT = b"""\
{{ define "main" }}
<main class="docs">
  <h1>{{ .Title }}</h1>
  {{ range .Pages }}<article><a href="{{ .Permalink }}">{{ .Title }}</a></article>{{ end }}
</main>
{{ end }}
"""

JINJA_DOCS_PAGE = b"""\
<html><head><title>Template Inheritance</title></head><body><main>
<h1>Template Inheritance</h1>
<p>A child template starts with an extends tag, which tells the engine that it extends another
template, then fills in the blocks the base template leaves open:</p>
<pre>{% extends "base.html" %}
{% block title %}Index{% endblock %}</pre>
<p>To show tags as text, wrap them in a {% raw %} block.</p>
</main></body></html>
"""


def test_sphinxs_page_template_is_skipped_as_a_template() -> None:
    with pytest.raises(DocumentError, match=r"a template \(Jinja, Django or Liquid\), not a page"):
        read(SPHINX_PAGE, SPHINX_PAGE.read_bytes())


def test_a_hugo_layout_is_skipped_as_a_go_template() -> None:
    with pytest.raises(DocumentError, match=r"a template \(Go\), not a page"):
        read(Path("layouts/_default/list.html"), HUGO_LAYOUT)


def test_a_page_showing_a_template_as_code_is_still_a_page() -> None:
    document = read(Path("templates.html"), JINJA_DOCS_PAGE)
    assert document.title == "Template Inheritance"
    assert any(block.code and "{% extends" in block.code for block in document.blocks)
    assert any("wrap them in a {% raw %} block" in block.text for block in document.blocks)


@pytest.mark.parametrize(
    "prose",
    [
        "To show the tags as they are, wrap the passage in {% raw %} and {% endraw %}.",
        "A section starts with {{#items}} and ends with {{/items}}.",
    ],
)
def test_a_page_naming_a_pair_of_tags_in_its_prose_is_still_a_page(prose: str) -> None:
    # A reviewer's cases: two tags in a sentence made the whole page "a template".
    page = f"<html><head><title>Escaping</title></head><body><p>{prose}</p></body></html>"
    document = read(Path("escaping.html"), page.encode())
    assert any(prose in block.text for block in document.blocks)


@pytest.mark.parametrize(
    ("source", "engine"),
    [
        # Sphinx's sourcelink.html, overridden in a project's _templates: one if and its endif
        (
            "{%- if show_source and has_source and sourcename %}\n<h3>{{ _('This Page') }}</h3>"
            "\n<a href=\"{{ pathto('_sources/' + sourcename, true)|e }}\">Show Source</a>\n"
            "{%- endif %}\n",
            "Jinja, Django or Liquid",
        ),
        ("<main>{{> header}}\n{{{body}}}\n{{> footer}}</main>\n", "Handlebars or Mustache"),
    ],
)
def test_a_small_template_is_skipped_too(source: str, engine: str) -> None:
    # A final reader's cases: two tags, in a fragment no page would be, or laying out a page.
    with pytest.raises(DocumentError, match=rf"a template \({engine}\), not a page"):
        read(Path("_templates/part.html"), source.encode())
