"""A quote is shown once: the same sentence in two documents (a changelog kept as a text file
and as a page of the docs) or twice in one manual takes one place among the results."""

from __future__ import annotations

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
