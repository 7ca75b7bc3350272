"""Pages a site keeps that are no document: one that only sends the reader elsewhere (Jekyll's
and Eleventy's ``redirect_to:``), and the page a site shows for a missing address. The TTS
handbook (tryout 18) has eight of the first and a 404.html; the report said "no paragraphs of
text found" of the first, and the 404 page was indexed and quoted."""

from __future__ import annotations

import pytest

from retrieval.errors import DocumentError
from retrieval.ingest.pipeline import read


def _reason(name: str, text: str) -> str:
    with pytest.raises(DocumentError) as raised:
        read(name, text.encode())
    return raised.value.reason


def test_a_page_that_only_redirects_says_where_to() -> None:
    page = (
        "---\ntitle: VMware Fusion\nredirect_to: /tools/virtual-desktop/\n"
        "redirect_from:\n  - /vmware-fusion/\n---\n"
    )
    assert _reason("vmware-fusion.md", page) == "a redirect to /tools/virtual-desktop/"
    # a page with text is read, whatever its front matter says
    assert read("moved.md", (page + "\nWe moved this page.\n").encode()).blocks


def test_a_page_for_a_missing_address_is_an_error_page() -> None:
    page = (
        '<div class="usa-prose"><h1><strong>Page not found</strong></h1>\n'
        "<p>The requested page could not be found (404).</p></div>\n"
    )
    assert _reason("404.html", page) == "an error page"
    assert (
        _reason("missing.md", "# Page not found\n\nThis page does not exist.\n") == "an error page"
    )


def test_a_sphinx_sites_page_for_a_missing_address_is_an_error_page() -> None:
    """Sphinx builds a site's 404 page from "404.rst"; it was indexed and could be quoted."""
    page = "Page not found\n==============\n\nSorry, the page you are looking for does not exist.\n"
    assert _reason("404.rst", page) == "an error page"


def test_a_page_about_the_status_code_is_read() -> None:
    about = "# 404 Not Found\n\nThe server cannot find the requested resource.\n"
    assert read("http-404.md", about.encode()).title == "404 Not Found"
    longer = (
        "# Page not found\n\n" + "Check the address, then try the search box on every page. " * 9
    )
    assert read("404.md", longer.encode()).blocks


def test_a_numbered_note_saying_not_found_is_read() -> None:
    """A corpus of numbered FAQ entries, tickets or notes: "404.txt" answers a question about a
    package not found; it was skipped as "an error page" and lost from the documents."""
    entry = "Question 404: My package is not found on the mirror.\n\nAnswer: wait an hour.\n"
    blocks = read("404.txt", entry.encode()).blocks
    assert "Answer: wait an hour." in [block.text for block in blocks]
