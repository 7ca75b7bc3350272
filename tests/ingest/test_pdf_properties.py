"""A PDF's title and authors from its properties, when they plainly give them (tryout 6,
finding 11).

What a user would notice: the IRS's Form 1040NR was titled "OMB No. 1545-0074 U.S. Nonresident
Alien Income Tax Return" (its largest line, the form's number glued in front) though its
properties say "2007 Form 1040NR", and every citation carried the prefix; the Semantic Scholar
paper showed no author, its properties listing all 23 ("… ; Hsu-Han Ooi ; … ; oren etzioni").
"""

from __future__ import annotations

from pdfmaker import Text, make_pdf, titled

from retrieval.ingest.pipeline import read
from retrieval.ingest.readers.common import author_names

FORM = [  # as the IRS sets it: "Form" small beside "1040NR" in large type, the year apart
    Text(300, 740, "OMB No. 1545-0074 U.S. Nonresident Alien Income Tax Return", 14),
    Text(40, 705, "Form", 7),
    Text(60, 705, "1040NR", 24),
    Text(500, 693, "2007", 22),
    Text(120, 700, "For the year January 1–December 31, 2007, or other tax year", 8),
    Text(40, 680, "Your first name and initial   Last name   Identifying number (see page 8)", 8),
    Text(40, 660, "Present home address (number, street, and apt. no., or rural route).", 8),
]


def test_a_properties_title_whose_words_the_first_page_prints_apart_is_the_title() -> None:
    document = read("f1040nr.pdf", titled(make_pdf([FORM]), "2007 Form 1040NR"))
    assert document.title == "2007 Form 1040NR"
    # a title not all of whose words the page prints is none: the page's own stays
    other = read("f1040nr.pdf", titled(make_pdf([FORM]), "2007 Budget Model"))
    assert other.title == "OMB No. 1545-0074 U.S. Nonresident Alien Income Tax Return"


def test_every_author_the_properties_list_is_named() -> None:
    written = "Waleed Ammar ; Dirk Groeneveld ; Hsu-Han Ooi ; Madeleine van Zuylen ; oren etzioni"
    assert author_names(written) == (
        "Waleed Ammar, Dirk Groeneveld, Hsu-Han Ooi, Madeleine van Zuylen, oren etzioni"
    )
    assert author_names("jsmith") is None and author_names("Windows User") is None
    assert author_names("oren etzioni") is None  # alone in small letters: maybe a login
