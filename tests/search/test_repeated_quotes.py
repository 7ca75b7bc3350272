"""A quote is shown once: the same sentence in two documents (a changelog kept as a text file
and as a page of the docs) or twice in one manual takes one place among the results."""

from __future__ import annotations

import textwrap
from collections.abc import Callable

from retrieval.library import Library

ENTRY = "Fixed #2048: Math formulas show scrollbars on Windows."


def test_the_same_quote_from_two_documents_is_shown_once(
    write_library: Callable[[dict[str, str]], Library],
) -> None:
    library = write_library(
        {
            "CHANGELOG.txt": f"9.1.2\n\n{ENTRY}\n\n9.1.1\n\nFixed the search index on Windows.\n",
            "changelog.md": f"# Changelog\n\n## 9.1.2\n\n{ENTRY}\n\n## 9.1.0\n\nAdded tags.\n",
            "math.md": (
                "# Math\n\nMath formulas are written in LaTeX between dollar signs and shown"
                " with MathJax or KaTeX.\n"
            ),
        }
    )
    answer = library.answer("can I write math formulas?", k=3)
    quotes = [" ".join(hit.excerpt.render().split()) for hit in answer.hits]
    assert quotes.count(ENTRY) <= 1 and len(set(quotes)) == len(quotes)
    assert any(hit.passage.doc == "math.md" for hit in answer.hits)
    # Paging on continues the same list: the repeat is not shown there either.
    more = library.answer("can I write math formulas?", k=3, offset=3)
    assert all(" ".join(hit.excerpt.render().split()) not in quotes for hit in more.hits)


def test_passages_behind_repeats_are_reached_and_counted_without_them(
    write_library: Callable[[dict[str, str]], Library],
) -> None:
    # Seven manuals print the same warning: the results were cut short ("1 of 16 shown"), and
    # /more said there were no more, though other passages matched.
    warning = "Disconnect the charger before you open the battery cover of the device."
    manuals = {f"model-{n}.md": f"# Model {n}\n\n## Safety\n\n{warning}\n" for n in range(7)}
    others = {
        f"guide-{n}.md": f"# Guide {n}\n\nThe battery of model {n} lasts a day; charge it"
        " overnight.\n"
        for n in range(4)
    }
    library = write_library({**manuals, **others})
    first = library.answer("how do I open the battery cover?", k=3)
    quotes = [" ".join(hit.excerpt.render().split()) for hit in first.hits]
    assert len(first.hits) == 3 and quotes.count(warning) == 1
    # The count is the matching passages' on every page (it jumped with the depth searched,
    # tryout17), until the page where they end, which counts those shown: the warning once,
    # and the four guides.
    assert first.total == 11
    rest = library.answer("how do I open the battery cover?", k=3, offset=3)
    assert len(rest.hits) == 2 and all(h.passage.doc.startswith("guide-") for h in rest.hits)
    assert rest.total == 5


def test_the_same_words_under_two_headings_of_one_document_are_both_shown(
    write_library: Callable[[dict[str, str]], Library],
) -> None:
    # A FAQ answering two questions "Yes." and a fix listed under two releases: each place
    # answers something of its own.
    library = write_library(
        {
            "faq.md": "# FAQ\n\n## Does it run on Windows?\n\nYes.\n\n## Does it run on macOS?\n\n"
            "Yes.\n\n## Does it run on Android?\n\nNo.\n",
            "CHANGELOG.md": "# Changelog\n\n## 2.1.0\n\n- Fixed the crash when saving on"
            " Windows\n\n## 2.0.1\n\n- Fixed the crash when saving on Windows\n",
        }
    )
    sections = [
        h.passage.section for h in library.answer("Does it run on Windows and macOS?", k=3).hits
    ]
    assert {"Does it run on Windows?", "Does it run on macOS?"} <= set(sections)
    sections = [h.passage.section for h in library.answer("crash when saving on Windows", k=3).hits]
    assert {"2.1.0", "2.0.1"} <= set(sections)


def test_a_page_ending_on_the_last_passage_offers_no_more(
    write_library: Callable[[dict[str, str]], Library],
) -> None:
    # A reviewer's case: one page copied for four versions, six steps: the second page
    # of three ended on the last step while copies were still unranked, and offered "/more",
    # which then found nothing.
    page = "".join(
        f"The tool{n} tool can extract a zip archive into a folder of its own, step {n}.\n\n"
        for n in range(1, 7)
    )
    library = write_library(
        {f"archives-{v}.md": f"# Archives in {v}\n\n{page}" for v in ("5.1", "7.4", "7.5", "7.6")}
    )
    second = library.answer("how do I extract a zip archive", k=3, offset=3)
    assert len(second.hits) == 3
    assert second.total == 6  # the last page: nothing more is offered
    assert library.answer("how do I extract a zip archive", k=3, offset=6).hits == ()


PARAGRAPH = (
    "Metrics that reflect user satisfaction and productivity include the following: active"
    " users and retention, which includes the number of capabilities provisioned and user"
    " growth or churn, and the Net Promoter Score or other surveys that measure user"
    " satisfaction with a product."
)


def test_a_paper_kept_as_markdown_and_as_its_pdf_text_is_quoted_once(
    write_library: Callable[[dict[str, str]], Library],
) -> None:
    # tryout22d: the same paragraph from the Markdown paper and from its PDF (lines broken,
    # "●" before the list items, a reference mark) took two of the three places.
    from_pdf = textwrap.fill(
        PARAGRAPH.replace("following: active", "following: ● Active")
        .replace("and the Net", "and the ● Net")
        .replace("product.", "product [4]."),
        width=70,
    )
    library = write_library(
        {
            "paper.md": f"# Platforms\n\n## User satisfaction\n\n{PARAGRAPH}\n",
            "paper-print.txt": f"Platforms\n\n{from_pdf}\n",
            "other.md": "# Surveys\n\nA survey of user satisfaction is run every quarter.\n",
        }
    )
    hits = library.answer("which metrics show user satisfaction?", k=3).hits
    docs = [hit.passage.doc for hit in hits]
    assert len([d for d in docs if d.startswith("paper")]) == 1
    assert "other.md" in docs


def test_near_copies_naming_other_numbers_or_other_words_are_both_shown(
    write_library: Callable[[dict[str, str]], Library],
) -> None:
    # A release note repeated for two versions with another number, and a sentence of twenty
    # words with one word changed, say something of their own.
    note = (
        "The installer for version {n} now checks the free disk space before it copies any"
        " file and stops with a clear message when space is short."
    )
    library = write_library(
        {
            "v1.md": f"# Notes\n\n{note.format(n='2.1')}\n",
            "v2.md": f"# Notes\n\n{note.format(n='2.2')}\n",
            "a.md": "# Backups\n\nThe backup tool copies every file of the project folder to"
            " the external disk each night and keeps the last seven copies there for you.\n",
            "b.md": "# Backups\n\nThe backup tool copies every file of the project folder to"
            " the network disk each night and keeps the last seven copies there for you.\n",
        }
    )
    docs = {h.passage.doc for h in library.answer("installer checks free disk space", k=4).hits}
    assert {"v1.md", "v2.md"} <= docs
    docs = {h.passage.doc for h in library.answer("backup tool copies every file", k=4).hits}
    assert {"a.md", "b.md"} <= docs


def test_a_later_list_naming_one_more_project_is_shown_beside_the_older_one(
    write_library: Callable[[dict[str, str]], Library],
) -> None:
    # reask22 (tryout22d q021): the latest paper's list adds "Keycloak" to version 1's; folded
    # away as a near copy, the current list fell out of the first forty.
    row = (
        "Identity and secret services, Example Projects: {extra}SPIFFE, SPIRE, Vault, Dex,"
        " cert-manager and External Secrets provide identities and secrets to the apps a"
        " platform team hosts for its users."
    )
    library = write_library(
        {
            "paper-v1.md": f"# Platforms\n\n{row.format(extra='')}\n",
            "paper-latest.md": f"# Platforms\n\n{row.format(extra='Keycloak, ')}\n",
        }
    )
    docs = {h.passage.doc for h in library.answer("projects for identity and secrets", k=3).hits}
    assert docs == {"paper-v1.md", "paper-latest.md"}


def test_rows_of_one_table_differing_in_a_cell_are_each_shown(
    write_library: Callable[[dict[str, str]], Library],
) -> None:
    # review17b: rows of a feature matrix, one tool a row, all "Yes" but for one cell, were
    # taken for near copies of the first: "Which tools support Windows agents?" showed one.
    columns = [f"Feature {n}" for n in range(1, 10)]
    header = "| tool | Windows agents | " + " | ".join(columns) + " |"
    rule = "|" + "---|" * (len(columns) + 2)
    rows = [
        f"| {tool} | {'yes' if n < 3 else 'no'} | " + " | ".join(["yes"] * len(columns)) + " |"
        for n, tool in enumerate(["tekton", "jenkins", "buildkite", "drone"])
    ]
    library = write_library(
        {"ci.md": "# CI systems\n\n## Matrix\n\n" + "\n".join([header, rule, *rows]) + "\n"}
    )
    hits = library.answer("which tools support windows agents?", k=3).hits
    assert len(hits) == 3


def test_a_pdf_copy_numbering_its_items_and_curling_its_quotes_is_quoted_once(
    write_library: Callable[[dict[str, str]], Library],
) -> None:
    # review18: the PDF's list number ("7.") and curly apostrophe ("Goodhart’s") read as a
    # number and a name the Markdown copy did not write, and both copies were shown again.
    principle = (
        "Secure by default. A platform should be secure by default and offer capabilities to"
        " ensure compliance and validation based on rules and standards defined by the"
        " organization, as Goodhart's law warns of measures."
    )
    library = write_library(
        {
            "principles.md": f"# Platform principles\n\n{principle}\n",
            "principles-pdf.txt": "Platform principles (PDF)\n\n7. "
            + principle.replace("'", "’")
            + "\n",
        }
    )
    docs = [h.passage.doc for h in library.answer("what does secure by default mean?", k=3).hits]
    assert len(docs) == 1
