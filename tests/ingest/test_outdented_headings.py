"""Headings a text browser sets off by indentation or a rule under them, in real pages saved as
text.

The SQLite and Debian pages (data/eval/corpora, sources in each SOURCES.md) were dumped by a text
browser: the paragraphs indented, each heading at the margin or indented less. A reader of a
citation, and a question that names the heading's words, need those lines as the sections they
are, not as passages of their own.
"""

from __future__ import annotations

from pathlib import Path

from readerfiles import CORPORA, parsed

from retrieval.ingest.readers.text import parse

SQLITE = CORPORA / "devdocs"
DEBIAN = CORPORA / "second" / "doc-debian"


def _sections(document_path: Path) -> dict[str, list[str]]:
    document = parsed(document_path)
    found: dict[str, list[str]] = {}
    for block in document.blocks:
        found.setdefault(block.section or "", []).append(block.text)
    return found


def test_a_heading_at_the_margin_heads_the_indented_text_under_it() -> None:
    sections = _sections(SQLITE / "limits.txt")
    under = sections["1. Maximum length of a string or BLOB"]
    assert under[0].startswith("The maximum number of bytes in a string or BLOB")
    assert not any(text == "1. Maximum length of a string or BLOB" for text in sections[""])


def test_a_question_indented_less_than_its_answer_heads_it() -> None:
    sections = _sections(DEBIAN / "bug-reporting.txt")
    answer = sections["What package does your bug report belong to?"]
    assert answer[0].startswith("You need to know what package your bug report")


def test_nested_headings_and_list_items_keep_their_places() -> None:
    sections = _sections(DEBIAN / "constitution.txt")
    assert sections["2. Decision-making bodies and individuals"][0].startswith(
        "Each decision in the Project is made by one or more of the following"
    )
    # Five sections are called "Powers": each is named under its chapter.
    assert sections["5. Project Leader › 5.1. Powers"][0].startswith("The Project Leader may:")
    assert "6. Technical committee › 6.1. Powers" in sections
    # "    1. Appoint Delegates …" is an item of the Leader's powers, indented deeper: no heading.
    assert not any(section.startswith("1. Appoint Delegates") for section in sections)


def test_a_line_leading_into_code_or_a_table_is_no_heading() -> None:
    faq = _sections(SQLITE / "faq.txt")
    assert "With this table, the statement" not in faq
    boot = _sections(CORPORA / "ml-dev" / "es" / "debian-reference-ch03-boot.txt")
    assert not any(section.startswith("Tabla 3.1") for section in boot)


def test_a_heading_underlined_with_a_rule_is_a_heading_and_the_rule_is_gone() -> None:
    document = parsed(DEBIAN / "mailing-lists.txt")
    assert document.title == "Introduction to the Debian mailing lists"
    sections = _sections(DEBIAN / "mailing-lists.txt")
    assert sections["Subscription / Unsubscription"][0].startswith("Anyone is able to subscribe")
    assert not any("-----" in b.text or "=====" in b.text for b in document.blocks)


def test_a_first_line_stating_a_date_dates_the_text_and_is_no_title() -> None:
    """The social contract's page opens "Version 1.2 ratified on October 1st, 2022.": its date,
    not its title (which, unstated, is the file's name)."""
    document = parsed(DEBIAN / "social-contract.txt")
    assert document.title == "social-contract" and document.date == "2022-10-01"


def test_a_headline_that_mentions_a_date_is_still_the_title() -> None:
    body = "The council met for six hours and voted on the plan for schools, roads and the library."
    document = parse(
        f"Council approves budget on March 3, 2021 after long debate.\n\n{body}\n", "x"
    )
    assert document.title.startswith("Council approves budget") and document.date == "2021-03-03"


def test_a_numbered_question_wrapped_over_lines_at_the_margin_heads_its_answer() -> None:
    # The Debian FAQ's text rendering wraps long questions at the margin over the indented
    # answer; one with a remark after the question ("… on which packages!") was read as a
    # paragraph of the question before it.
    sections = _sections(CORPORA / "second" / "faq" / "09-keeping-up-to-date.txt")
    heading = next(s for s in sections if s.startswith("9.4. How can I keep a log"))
    assert heading.endswith(
        "I'd like to know when upgrades and removals have occurred and on which packages!"
    )
    assert sections[heading][0].startswith("Passing the --log-option to dpkg")
    assert not any(text.startswith("9.4.") for texts in sections.values() for text in texts)
    shorter = _sections(CORPORA / "second" / "faq" / "02-getting-and-installing.txt")
    assert any(s.startswith("2.5. Why does the official stable released CD-ROM") for s in shorter)


def test_a_list_of_words_broken_after_a_comma_is_one_paragraph() -> None:
    # The bug servers' reference card: "Severities are critical, grave, serious, important,
    # normal, minor," / "wishlist." was two passages, the second a lone word.
    sections = _sections(DEBIAN / "bug-mailserver-refcard.txt")
    texts = [text for texts in sections.values() for text in texts]
    assert "Severities are critical, grave, serious, important, normal, minor, wishlist." in texts
    assert "wishlist." not in texts
    assert any(t.startswith("Tags currently include patch") and "a11y, ftbfs" in t for t in texts)
