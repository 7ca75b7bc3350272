"""Markdown read as its built page shows it: GitHub's alerts, docsify's tip marks, pictures,
and release notes titled by their file.

Real pages (sources in fixtures/SOURCES.md): bat's README (an excerpt: a screenshot under "…
markup languages:", two "> [!NOTE]" boxes) and CHANGELOG (its first heading "# unreleased"),
docsify's Spanish "deploy.md" ("!> También puedes …", "?> El truco …") and, in data/, Django
REST framework's "renderers.md" (a sentence leading into a screenshot, a paragraph after it).
What a user saw in quotes: "[!NOTE] If PAGER is …", "!> …", "… markup languages: Syntax
highlighting example", and the release notes titled "unreleased".
"""

from __future__ import annotations

from pathlib import Path

from readerfiles import CORPORA, parsed

from retrieval.ingest.parsed import ParsedDocument

FIXTURES = Path(__file__).parent / "fixtures"


def _texts(document: ParsedDocument) -> list[str]:
    return [block.text for block in document.blocks]


def test_a_github_alert_reads_as_its_label_not_its_tag() -> None:
    texts = _texts(parsed(FIXTURES / "bat" / "README-excerpt.md"))
    assert not [text for text in texts if "[!" in text]
    assert (
        "Note: Custom themes must be stored in .tmTheme files. Newer .sublime-color-scheme files "
        "are currently not supported."
    ) in texts
    assert "Note: bat uses the name of the .tmTheme file for the theme's name." in texts


def test_docsifys_tip_and_warning_marks_are_dropped() -> None:
    texts = _texts(parsed(FIXTURES / "docsify-es" / "deploy.md"))
    assert not [text for text in texts if text.startswith(("?>", "!>"))]
    assert any(t.startswith("El truco .public evita que cp copie public/ a sí") for t in texts)
    assert any(t.startswith("También puedes guardar los archivos en el directorio") for t in texts)


def test_a_pictures_description_is_not_glued_to_the_sentence_before_it() -> None:
    document = parsed(FIXTURES / "bat" / "README-excerpt.md")
    texts = _texts(document)
    assert (
        "bat supports syntax highlighting for a large number of programming and markup languages:"
    ) in texts
    assert not [text for text in texts if "Syntax highlighting example" in text]


def test_a_sentence_leading_into_a_picture_introduces_no_paragraph_after_it() -> None:
    # "Renders data into HTML for the Browsable API:" over a screenshot, then its description
    document = parsed(CORPORA / "docs-dev4" / "api-guide" / "renderers.md")
    texts = _texts(document)
    assert "Renders data into HTML for the Browsable API:" in texts
    assert not [text for text in texts if "The BrowsableAPIRenderer" in text]
    after = next(t for t in texts if t.startswith("This renderer will determine which other"))
    assert "Browsable API:" not in after


def test_release_notes_are_titled_by_their_file_not_their_first_release() -> None:
    document = parsed(FIXTURES / "bat" / "CHANGELOG.md")
    assert document.title == "CHANGELOG"
    first = next(b for b in document.blocks if "Update Cargo dependencies" in b.text)
    assert "unreleased" in (first.section, *first.above)


def test_a_page_about_a_version_keeps_its_title() -> None:
    # Only a release's own heading (its version, at most its date) gives way to the file name;
    # "Version 2.0 - Migration guide" titles its page (a reviewer's case).
    from retrieval.ingest.pipeline import read

    page = (
        "# Version 2.0 - Migration guide\n\nMove your settings to the new file before you start.\n"
    )
    assert read("upgrade.md", page.encode()).title == "Version 2.0 - Migration guide"


def test_an_alert_tag_is_a_label_only_where_github_shows_one() -> None:
    # Opening a quote it labels the box; elsewhere GitHub shows the tag as written, and an
    # empty box labels nothing after it (a reviewer's cases).
    from retrieval.ingest.pipeline import read

    page = (
        "# Page\n\n> [!NOTE]\n> Useful information that users should know.\n\n"
        "[!NOTE] This is not inside a quote at all.\n\n> [!WARNING]\n\n"
        "Outside paragraph that follows an empty box.\n"
    )
    texts = [block.text for block in read("page.md", page.encode()).blocks]
    assert texts == [
        "Note: Useful information that users should know.",
        "[!NOTE] This is not inside a quote at all.",
        "Outside paragraph that follows an empty box.",
    ]


def test_a_readme_without_a_title_is_named_by_its_folder_too() -> None:
    # bat's README opens with its logo: titled "README" it said nothing in a citation or in
    # /sources beside lazygit's README; named with its folder, it is bat's.
    from retrieval.ingest.pipeline import read

    page = "![bat](logo.png)\n\nA cat(1) clone with syntax highlighting and Git integration.\n"
    assert read("md/bat/README.md", page.encode()).title == "bat README"
    assert read("notes/plan.md", b"Some notes on the plan for the spring.\n").title == "plan"
