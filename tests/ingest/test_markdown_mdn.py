"""MDN Web Docs' Markdown: KumaScript macros in the text and "- term" / "  - : description" lists.

Real pages (fixtures/mdn, sources in fixtures/SOURCES.md), as a team running a doc bot over
MDN's translations would index them. A tester asked "quelle différence entre 401 et 403 ?" and
was quoted 'similaire à la réponse {{HTTPStatus("403", "403 Forbidden")}}'; the list of the
Array methods that take a callback (a list item of macros alone) was in no passage; "¿para qué
sirve la expresión final del for?" was answered with the one-word passage "expresion-final".
"""

from __future__ import annotations

from pathlib import Path

from readerfiles import parsed, texts

from retrieval.ingest.parsed import ParsedDocument
from retrieval.ingest.readers.markdown import read_markdown

FIXTURES = Path(__file__).parent / "fixtures" / "mdn"


def _page(name: str) -> ParsedDocument:
    return parsed(FIXTURES / name)


def _md(source: str) -> list[str]:
    return texts(read_markdown(source.encode(), Path("page.md")))


def test_a_macro_reads_as_the_text_the_page_shows() -> None:
    """The display argument when there is one, else the first: no braces left in any passage."""
    document = _page("fr-401.md")
    joined = "\n".join(texts(document))
    assert "{{" not in joined
    assert any(
        text.startswith("Un 401 Unauthorized est similaire à la réponse 403 Forbidden, sauf")
        for text in texts(document)
    )
    assert "\nL'en-tête HTTP WWW-Authenticate\n" in joined


def test_a_list_item_of_macros_alone_is_kept() -> None:
    """'- {{jsxref("Array.prototype.every()")}}, …' is the list the sentence before points at."""
    found = [text for text in texts(_page("fr-not_a_function.md")) if "reduceRight" in text]
    assert found and found[0].startswith("Array.prototype.every(), Array.prototype.some()")
    assert any(
        "Map.prototype.forEach() and Set.prototype.forEach()" in t
        for t in texts(_page("fr-not_a_function.md"))
    )


def test_a_sidebar_glued_to_the_text_and_furniture_show_nothing() -> None:
    text = _md('# T\n\n{{jsSidebar("Errors")}}JavaScript 异常"is not a function"。\n\n{{Compat}}\n')
    assert text == ['JavaScript 异常"is not a function"。']


def test_an_rfc_and_an_element_read_as_the_build_names_them() -> None:
    document = _page("ru-418.md")
    # (the reference is a short value, read with its column's label)
    row = "Specification: RFC 2324, § 2.3.2: 418 I'm a teapot | Hyper Text Coffee"
    assert any(text.startswith(row) for text in texts(document))
    assert _md('# T\n\nPonga la etiqueta {{HTMLElement("script")}} antes.\n') == [
        "Ponga la etiqueta <script> antes."
    ]


def test_macros_in_code_and_placeholders_stay_as_written() -> None:
    """Code shows a macro as written; "{{name}}" without arguments is a template's placeholder."""
    source = (
        '# T\n\nWrite `{{jsxref("Array")}}` to link. Hello {{name}}.\n\n'
        '```\n{{HTTPStatus("404")}}\n```\n'
    )
    document = read_markdown(source.encode(), Path("page.md"))
    assert document.blocks[0].text == 'Write {{jsxref("Array")}} to link. Hello {{name}}.'
    assert document.blocks[-1].code == '{{HTTPStatus("404")}}'


def test_a_macro_text_is_no_markup() -> None:
    """ "<number>" is a CSS type the page shows, no HTML tag to drop; it stays in a table cell."""
    assert (
        _md(
            '# T\n\n| Valeur | Sens |\n| - | - |\n| {{cssxref("<number>")}} | un nombre |\n'
            "| 0 | transparent |\n| 1 | opaque |\n"
        )[0]
        == "Valeur: <number> | Sens: un nombre"
    )


def test_an_mdn_definition_list_reads_as_term_and_description() -> None:
    """'- `expresion-final`' over '  - : Una expresión…' is one passage, as ':   ' lists are."""
    found = [t for t in texts(_page("es-for.md")) if t.startswith("expresion-final")]
    assert found == [
        "expresion-final: Una expresión para ser evaluada al final de cada iteración del bucle. "
        "Esto ocurre antes de la siguiente evaluación de la condicion. Generalmente se usa para "
        "actualizar o incrementar la variable contador."
    ]
    assert not any(t.startswith(":") for t in texts(_page("es-for.md")))


def test_a_description_holding_a_list_keeps_its_term() -> None:
    """The cookie prefixes: each description says which prefix it describes, its list after it."""
    source = (
        "# T\n\nDeux préfixes sont disponibles :\n\n- `__Host-`\n  - : Accepté seulement si :\n"
        "    - Il est marqué `Secure`\n    - Il n'inclut pas d'attribut `Domain`\n"
        "- `__Secure-`\n  - : Accepté s'il est marqué `Secure`.\n\nLe navigateur rejettera…\n"
    )
    text = _md(source)
    assert "__Host-: Accepté seulement si :" in text
    assert "__Secure-: Accepté s'il est marqué Secure." in text
    assert not any(t.startswith(":") for t in text)


def test_an_ordinary_nested_list_stays_a_list() -> None:
    text = _md("# T\n\nSteps:\n\n- Install\n  - with pip\n- Run\n  - : not alone\n  - two items\n")
    assert "Install" in " ".join(text) and any(t.startswith(": not alone") for t in text)


def test_a_table_of_one_row_reads_its_header_as_labels() -> None:
    """A specification table (a header over one row): no passage "Specification | Title" alone;
    short values are read with their labels as in longer tables."""
    document = _page("ru-418.md")
    assert not any(text.startswith("Specification | Title") for text in texts(document))
    rows = [block.text for block in document.blocks if block.kind == "table"]
    assert rows == [
        "Specification: RFC 2324, § 2.3.2: 418 I'm a teapot | "
        "Hyper Text Coffee Pot Control Protocol (HTCPCP/1.0): Semantics and Content"
    ]
    assert _md("# T\n\n| Type | Description |\n| - | - |\n| int | A random number. |\n") == [
        "Type: int | Description: A random number."
    ]


def test_a_macro_inside_html_preformatted_text_stays_as_written() -> None:
    source = '# T\n\n<pre>\n{{jsxref("Array")}}\n</pre>\n\nSee {{jsxref("Array")}}.\n'
    blocks = read_markdown(source.encode(), Path("page.md")).blocks
    assert [(block.text, block.code) for block in blocks] == [
        ("", '{{jsxref("Array")}}'),
        ("See Array.", ""),
    ]


def test_a_see_also_entry_of_link_macros_alone_is_left_out() -> None:
    """'- {{jsxref("Sentencias/break", "break")}}' under "Vea También": another page's name,
    no passage of its own ("break"); an entry with words of its own stays."""
    assert not {"break", "continue", "for...of"} & set(texts(_page("es-for.md")))
    source = (
        '# T\n\n## Voir aussi\n\n- {{HTTPStatus("403")}}, {{HTTPStatus("407")}}\n'
        '- L\'en-tête HTTP {{HTTPHeader("Retry-After")}}\n'
    )
    assert _md(source) == ["L'en-tête HTTP Retry-After"]


def test_the_error_type_heads_the_paragraph_saying_what_went_wrong() -> None:
    """ "## Type d'erreur" over "TypeError." alone was a one-word passage that outranked the
    paragraphs for "c'est quoi une TypeError ?"; it labels the page's first paragraph."""
    document = _page("fr-not_a_function.md")
    assert "TypeError." not in texts(document)
    first = next(b for b in document.blocks if b.text.startswith("Type d'erreur: TypeError.\n"))
    assert first.section == "Quel est le problème ?"
    assert first.text.endswith("mais a reçu des valeurs d'un autre type.")


def test_a_word_alone_under_a_heading_is_that_heading_s_value() -> None:
    """After prose, a field stays where it is, read with its name: "License: MIT"."""
    source = "# T\n\nA tool to check links in pages.\n\n## License\n\nMIT\n\n## Usage\n\nRun it.\n"
    assert _md(source) == ["A tool to check links in pages.", "License: MIT", "Run it."]


def test_a_templates_expressions_with_spaces_are_kept_as_written() -> None:
    # A Jinja page writes "{{ super() }}" outside code: no MDN macro (MDN writes them tight),
    # which was read as one and lost ("call  to render").
    page = (
        "# Templates\n\nIn a child template, call {{ super() }} to render the parent block.\n\n"
        "The variable {{ loop.index }} counts from one; {{ range(1, 10) }} gives one to nine.\n\n"
        "Write {{ next }} in the pagination template to link the next page.\n"
    )
    found = [b.text for b in read_markdown(page.encode("utf-8"), Path("templates.md")).blocks]
    assert found == [
        "In a child template, call {{ super() }} to render the parent block.",
        "The variable {{ loop.index }} counts from one; {{ range(1, 10) }} gives one to nine.",
        "Write {{ next }} in the pagination template to link the next page.",
    ]
