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
