"""A memo with footnotes and "Section N – Title" headings read in order (tryout 16): OMB's
M-18-12, a US federal work (tests/ingest/fixtures/SOURCES.md, omb/).

What a user would notice: "When was the MGT Act enacted?" quotes the sentence whole, its date
where the PDF prints it, not moved past the next sentence by the footnote mark after it; the
marks are no words in the quotes ("(Board);² and", "Fund (WCF).⁷ IT"); each "Section N – …"
heads its text in citations, and a section's heading no longer ends the page's text; an
item's rest set a point smaller stays in the item.
"""

from __future__ import annotations

from pathlib import Path

from readerfiles import parsed

MEMO = Path(__file__).resolve().parent / "fixtures" / "omb" / "m-18-12.pdf"


def test_the_sentence_a_mark_ends_reads_whole_before_the_next() -> None:
    texts = [block.text for block in parsed(MEMO).blocks]
    enacted = next(text for text in texts if "The MGT Act was enacted" in text)
    assert (
        "Authorization Act (NDAA) on December 12, 2017. The MGT Act has two primary provisions"
        in enacted
    )
    assert any(
        text.endswith(
            "Technology Modernization Fund (TMF) and Technology Modernization Board (Board); and"
        )
        for text in texts
    )
    assert any("Working Capital Fund (WCF). IT WCFs may only be used" in text for text in texts)


def test_each_section_heads_its_own_text() -> None:
    blocks = parsed(MEMO).blocks
    first = {}
    for block in blocks:
        first.setdefault(block.section, block.text)
    assert first["Section 1 – The Technology Modernization Fund (TMF)"].startswith(
        "The TMF provides a new funding model"
    )
    assert first["Section 3 –Initial Project Proposal Submissions Process"].startswith(
        "All agencies are encouraged to begin submitting Initial Project Proposals"
    )
    assert not any("Section 3" in block.text for block in blocks)


def test_an_items_rest_set_a_point_smaller_stays_with_it() -> None:
    texts = [block.text for block in parsed(MEMO).blocks]
    item = next(text for text in texts if text.startswith("4. Describe why the project"))
    assert "executive level support for this effort, (2) the strength or experience" in item
    assert not any(text.startswith("effort, (2)") for text in texts)
