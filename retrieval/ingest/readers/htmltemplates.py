"""Whether an ``.html`` file is a template a site generator fills in (Sphinx's and Flask's
Jinja, Django's, Jekyll's Liquid, Hugo's Go templates, Handlebars), not a page: its text is
tags ('{% extends "furo/page.html" %}', '{% block footer -%}', '{{ super() }}') around the
pages it lays out, which are elsewhere. Quoted, it answered "page title override block
footer" with '{% if page_title_override %}{{ page_title_override }}…'.

The tags are counted outside code, scripts and comments, so a built page that shows a
template in ``<pre>`` or ``<code>`` (Jinja's own documentation) stays a page; a page whose
prose names a tag or a pair ("wrap it in {% raw %} and {% endraw %}", "a section runs from
{{#items}} to {{/items}}") too: it takes three, or two where one lays out a page (extends, block,
include, define, a partial …) or in a fragment that is no page (no ``<html>`` or ``<body>``)."""

from __future__ import annotations

import re

# Where a page may show template syntax as text: code, scripts, styles, comments.
_SHOWN = re.compile(
    r"<(pre|code|script|style|textarea|kbd|samp|tt)\b.*?</\1\s*>|<!--.*?-->",
    re.IGNORECASE | re.DOTALL,
)
_ENGINES = (
    # a statement tag: '{% if … %}', '{%- block body -%}', Liquid's '{% assign %}'
    ("Jinja, Django or Liquid", re.compile(r"\{%-?\s*[a-z_]+\b[^%]*?-?%\}")),
    # Go's actions (Hugo): '{{ define "main" }}', '{{- range .Pages }}', '{{ end }}'
    (
        "Go",
        re.compile(r"\{\{-?\s*(?:define|block|template|partial|range|with|if|else|end)\b[^}]*\}\}"),
    ),
    # Handlebars' and Mustache's sections: '{{#each posts}}', '{{/each}}', '{{> header}}'
    ("Handlebars or Mustache", re.compile(r"\{\{[#/>^]\s*[\w.]+[^}]*\}\}")),
)
_TAGS = 3  # tags a template has at least, unless one of them lays out a page, or it is no page:
# The tag's own word, not its arguments ("{% if page.layout %}" lays nothing out): Jinja's
# and Go's layout statements, and Handlebars' partials ("{{> header}}").
_LAYOUT = re.compile(
    r"^\{(?:%|\{)-?\s*(?:extends|block|include|import|from|macro|load|layout|define|partial|"
    r"template)\b|^\{\{[<>]"
)
_PAGE = re.compile(r"<(?:html|body)\b", re.IGNORECASE)  # a built page has them; a fragment not


def _is_template(tags: list[str], text: str) -> bool:
    """Whether ``tags`` (of one engine, outside code) make ``text`` a template: three or more;
    two where one lays out a page, or in a fragment with no ``<html>`` or ``<body>`` (Sphinx's
    "sourcelink.html": one if and its endif)."""
    if len(tags) >= _TAGS:
        return True
    return len(tags) == 2 and (any(_LAYOUT.match(t) for t in tags) or not _PAGE.search(text))


def template_language(text: str) -> str | None:
    """The template language ``text`` (a decoded ``.html`` file) is written in, or None for a
    page."""
    outside = _SHOWN.sub(" ", text)
    for name, tag in _ENGINES:
        if _is_template([found.group(0) for found in tag.finditer(outside)], text):
            return name
    return None
