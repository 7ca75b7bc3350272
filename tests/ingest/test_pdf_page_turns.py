"""A sentence that goes on over a page break with its full stop or comma ("… is zero¹¹" /
". There is …") is one paragraph, the stop right after the word (the footnote mark dropped), not
a passage that opens with "." (booktabs.pdf, docs-dev corpus)."""

from __future__ import annotations

from pathlib import Path

from retrieval.ingest.passages import passages
from retrieval.ingest.pipeline import read

BOOKTABS = Path(__file__).parents[2] / "data/eval/corpora/docs-dev/pdf/booktabs.pdf"


def test_a_sentence_ending_after_the_page_break_stays_in_its_paragraph() -> None:
    document = read("booktabs.pdf", BOOKTABS.read_bytes())
    found = passages(document, "pdf/booktabs.pdf")
    bottom = next(p for p in found if p.text.startswith("\\bottomrule[hwdi]"))
    assert "By default \\belowbottomsep is zero. There is a frequent and legitimate" in (
        bottom.text
    )
    assert bottom.text.endswith("so that it behaves sensibly in a longtable footer.")
    assert not [p for p in found if p.text.startswith(". There")]
