"""A slide whose bullets its file writes after all its text, as a reader meets it: the items'
words, not a row of lone bullets.

The PDF is slide 9 of the OWASP ASVS 5.0.0 release talk (tests/ingest/fixtures/SOURCES.md):
each list item's "·" is written apart from its item, after the slide's text and its footer.
"""

from __future__ import annotations

from pathlib import Path

from readerfiles import parsed, texts

SLIDE = Path(__file__).resolve().parent / "fixtures" / "owasp-asvs-5.0-release-talk-slide-9.pdf"


def test_bullets_written_apart_from_their_items_are_no_text() -> None:
    """They read "… to prevent attack Y." · ·" and "· · · ·" under the items."""
    found = texts(parsed(SLIDE))
    assert not [t for t in found if "·" in t]
    assert any(
        t.endswith('"Verify that the security principle X is achieved to prevent attack Y."')
        for t in found
    )
