"""Whether an ``.html`` file is a template a site generator fills in (Sphinx's and Flask's
Jinja, Django's, Jekyll's Liquid, Hugo's Go templates, Handlebars), not a page: its text is
tags ('{% extends "furo/page.html" %}', '{% block footer -%}', '{{ super() }}') around the
pages it lays out, which are elsewhere. Quoted, it answered "page title override block
footer" with '{% if page_title_override %}{{ page_title_override }}…'.

The tags are counted outside code, scripts and comments, so a built page that shows a
template in ``<pre>`` or ``<code>`` (Jinja's own documentation) stays a page; a page whose
prose names one tag ("wrap it in {% raw %}") too: it takes two."""

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
_TAGS = 2  # a template has at least an opening and a closing tag, or two statements


def template_language(text: str) -> str | None:
    """The template language ``text`` (a decoded ``.html`` file) is written in, or None for a
    page."""
    outside = _SHOWN.sub(" ", text)
    for name, tag in _ENGINES:
        if len(tag.findall(outside)) >= _TAGS:
            return name
    return None
