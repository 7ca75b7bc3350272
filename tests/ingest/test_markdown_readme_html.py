"""Markdown inside a README's HTML blocks, which GitHub renders: a centred header ('<div
align="center">') and a list under '<details><summary>'.

A new user's Spanish README (fixtures/readme-toc, sources in fixtures/SOURCES.md) was quoted
"Streams de programación en Twitch: [twitch.tv/midudev](https://twitch.tv/midudev)", the link's
syntax and address in the sentence.
"""

from __future__ import annotations

from pathlib import Path

from readerfiles import parsed, texts

from retrieval.ingest.pipeline import read

FIXTURES = Path(__file__).parent / "fixtures" / "readme-toc"


def test_a_centred_headers_links_read_as_their_text() -> None:
    found = texts(parsed(FIXTURES / "preguntas-entrevista-react.md"))
    assert "Deja tu si te gusta el proyecto." in found  # ":star:" is a picture
    streams = next(t for t in found if t.startswith("Streams"))
    assert streams.startswith("Streams de programación en Twitch: twitch.tv/midudev")
    assert not [t for t in found if "](" in t]


def test_a_list_under_details_is_a_list() -> None:
    """Coding Interview University's translations, folded under '<details>'."""
    source = (
        "<details>\n<summary>Translations:</summary>\n\n"
        "- [Bahasa Indonesia](translations/README-id.md)\n- [Español](translations/README-es.md)\n"
        "\n</details>\n"
    )
    assert texts(read("README.md", source.encode())) == [
        "Translations:",
        "Bahasa Indonesia",  # a list of links: read by their texts, as the page shows them
        "Español",
    ]


def test_html_holding_code_or_indented_under_a_blank_line_stays_as_written() -> None:
    """'<div><pre>' keeps a '# comment' line as code, and HTML indented by four spaces after a
    blank line is still the box's HTML ("🥈 Silver Sponsors"), no code block."""
    source = (
        "# Page\n\n<div>\n<pre>\n$ ls\n\n# list the files\n</pre>\n</div>\n\n"
        '<div class="tiers">\n    <h3>Gold</h3>\n\n    <h3>Silver Sponsors</h3>\n</div>\n'
    )
    document = read("page.md", source.encode())
    assert all(block.section is None for block in document.blocks)  # no heading "list the files"
    assert "Silver Sponsors" in " ".join(texts(document))


def test_a_table_parted_by_a_blank_line_is_still_one_table() -> None:
    """hhru/api's errors.md: '<table>', its header row, a blank line, then the rows."""
    source = (
        "# Ошибки\n\n<table>\n<tr><th>HTTP code</th><th>error</th></tr>\n\n"
        "<tr>\n    <td>400</td>\n    <td>invalid_request</td>\n</tr>\n</table>\n"
    )
    rows = texts(read("errors.md", source.encode()))
    assert rows == ["HTTP code | error", "400 | invalid_request"]
