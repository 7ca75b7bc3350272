"""A hard-wrapped paragraph never loses its first line to the page-furniture filter: a line
that reads like a breadcrumb ("CDs/DVDs/BDs") or a newsletter footer ("subscribe to mailing
lists") alone is judged with the rest of its sentence.

The text is an excerpt of the Debian GNU/Linux FAQ, chapters 9 and 12
(data/eval/corpora/second/faq; verbatim copies allowed, see its SOURCES.md).
"""

from __future__ import annotations

from retrieval.ingest.passages import passages
from retrieval.ingest.pipeline import read

FAQ = """\
Chapter 9. Keeping your Debian system up-to-date

9.1.2. apt-get

    Answer any questions that might come up, and your system will be
    upgraded. See also the apt-get(8) manual page, as well as
    Section 8.1.2, “APT”.

    If you want to use CDs/DVDs/BDs to install packages, you can use
    apt-cdrom. For details, please see the Release Notes, section
    "Adding APT sources from optical media".

    Please note that when you get and install the packages, you'll
    still have them kept in your /var directory hierarchy. To keep
    your partition from overflowing, remember to delete extra files
    using apt-get clean and apt-get autoclean, or to move them
    someplace else (hint: use apt-move).

12.2. Are there any resources for getting help?

    You can subscribe to mailing lists using the WWW form (https://
    www.debian.org/MailingLists/subscribe) . You can also
    un-subscribe using a WWW form (https://www.debian.org/
    MailingLists/unsubscribe) .

    Previous   1   2   3   Next
"""


def _texts() -> list[str]:
    return [p.text for p in passages(read("09.txt", FAQ.encode()), "09.txt")]


def test_a_first_line_that_looks_like_a_breadcrumb_alone_stays_in_its_paragraph() -> None:
    assert any(
        t.startswith("If you want to use CDs/DVDs/BDs to install packages, you can use apt-cdrom.")
        for t in _texts()
    )


def test_a_first_line_that_looks_like_a_newsletter_footer_alone_stays_in_its_paragraph() -> None:
    assert any(
        t.startswith("You can subscribe to mailing lists using the WWW form") for t in _texts()
    )


def test_a_line_of_furniture_on_its_own_still_goes() -> None:
    assert not any("Previous" in t for t in _texts())
