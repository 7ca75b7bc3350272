"""A sentence that goes on over a page break with its full stop or comma ("… is zero¹¹" /
". There is …") is one paragraph, the stop right after the word (the footnote mark dropped), not
a passage that opens with "." (booktabs.pdf, docs-dev corpus); nor does a page's footer or
running header land in one."""

from __future__ import annotations

from pathlib import Path

from pdfmaker import Text, make_pdf
from readerfiles import texts

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


def test_a_word_hyphenated_at_a_pages_foot_is_whole_and_the_footer_stays_out() -> None:
    """PDFium joins a page's last line ending in a hyphen ("as the opin-") to the line it reads
    next, the footer: "opinMINUTES OF THE COMMITTEE 1 ions" was quoted (freeculture.pdf)."""
    first = [
        "The committee met on Tuesday to review the budget for the coming year and",
        "agreed that the library should stay open on Saturday mornings, as the opin-",
    ]
    second = [
        "ions of the readers who wrote to it had asked, from the first of March onwards.",
        "The treasurer then presented the accounts for the last quarter of the year.",
    ]
    third = [
        "On the third page the members discussed the opening hours in the summer and",
        "decided that the reading room would close at six from June to August.",
    ]
    pages = [
        _page(first, "MINUTES OF THE COMMITTEE 1"),
        _page(second, "2 MINUTES OF THE COMMITTEE"),
        _page(third, "MINUTES OF THE COMMITTEE 3"),
    ]
    found = texts(read("minutes.pdf", make_pdf(pages)))
    assert found[0] == " ".join(first)[:-1] + " ".join(second)
    assert not [text for text in found if "MINUTES" in text]


def test_a_running_header_numbered_in_roman_on_either_side_is_dropped() -> None:
    """A book's front matter: "PREFACE xi" on a right-hand page, "xii PREFACE" on a left one."""
    said = [
        "This book began as a series of lectures given in the spring of the year.",
        "The lectures were recorded by the students, whose notes were a great help.",
        "Many friends read the drafts and sent corrections, for which I am grateful.",
        "The mistakes that remain are my own, and I would be glad to hear of them.",
    ]
    pages = [
        [
            Text(72, 780, f"PREFACE {folio}" if n % 2 == 0 else f"{folio} PREFACE", 8),
            Text(72, 700, line),
        ]
        for n, (line, folio) in enumerate(zip(said, ["xi", "xii", "xiii", "xiv"], strict=True))
    ]
    assert texts(read("book.pdf", make_pdf(pages))) == said


def _page(lines: list[str], footer: str) -> list[Text]:
    return [
        *(Text(72, 700 - 13.65 * i, line, 10.5) for i, line in enumerate(lines)),
        Text(72, 60, footer, 8),
    ]
