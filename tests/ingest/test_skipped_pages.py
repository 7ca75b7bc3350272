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
