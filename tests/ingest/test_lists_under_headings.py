"""A list that opens its section, with no sentence of its own leading into it, is quoted as one
passage under its heading, as the heading introduces it: a method card's steps, a
constitution's clauses. Entries of their own stay apart: a release's, terms described, works
cited.

The documents are from the dev corpora data/eval/corpora (sources in each one's SOURCES.md) and
tests/ingest/fixtures (sources in its SOURCES.md); a few are written here, as a Word file or a
text file a user might send."""

from __future__ import annotations

from pathlib import Path

import docx
from readerfiles import CORPORA, parsed, saved

from retrieval.ingest.passages import passages
from retrieval.ingest.pipeline import read
from retrieval.model import Passage

FIXTURES = Path(__file__).parent / "fixtures"


def _passages(path: Path) -> list[Passage]:
    return passages(parsed(path), path.name)


def test_a_method_cards_steps_are_one_passage_under_their_heading() -> None:
    """18F's KJ method card: "How to do it" then eight numbered steps. A step alone ("7.
    Reiterate the focus question and have each person rank …") never said which method it is
    a step of, nor came up for "how many participants does a KJ workshop need?" with step 1."""
    steps = [
        p
        for p in _passages(CORPORA / "office-dev/pdf/18f-method-cards.pdf")
        if p.above == ("KJ method",) and p.section == "How to do it"
    ]
    assert len(steps) == 1
    assert steps[0].text.startswith("1. Gather four or more participants for 90 minutes.")
    assert "\n7. Reiterate the focus question and have each person rank" in steps[0].text


def test_a_constitutions_clauses_under_their_heading_read_together() -> None:
    """The Debian constitution's "6.2. Composition": "1. The Technical Committee consists of up
    to 8 Developers, …" and the clauses after it on appointing members, one passage (the
    clauses on terms, past the length a passage quotes, another)."""
    composition = [
        p
        for p in _passages(CORPORA / "second/doc-debian/constitution.txt")
        if p.section == "6. Technical committee › 6.2. Composition"
    ]
    assert composition[0].text.startswith("1. The Technical Committee consists of up to 8")
    assert "\n3. When there are 5 members or fewer" in composition[0].text


def _docx(*paragraphs: tuple[str, str | None]) -> bytes:
    word = docx.Document()
    for text, style in paragraphs:
        word.add_paragraph(text, style=style)
    return saved(word)


def _read(name: str, data: bytes) -> list[str]:
    return [p.text for p in passages(read(name, data), name)]


def test_a_releases_entries_stay_apart_under_its_heading() -> None:
    """microtype's change log (a PDF) lists each version's changes under "2.3c (2008/11/11)"
    and the releases after it, as AIDE's NEWS does under "Version 0.11": each change is a
    passage of its own, as in any release notes, not one list of the version."""
    changes = _passages(CORPORA / "docs-dev/pdf/microtype.pdf")
    found = [p.text for p in changes if p.section == "2.3c (2008/11/11)"]
    assert "• New key ‘outer kerning’ for \\SetTracking to customise outer kerning [5.3]" in found
    news = [p.text for p in _passages(FIXTURES / "changelogs/aide/NEWS")]
    assert "Fixed many bugs" in news


def test_a_heading_naming_a_version_in_no_release_notes_heads_its_steps_as_any_heading() -> None:
    """An install guide's "Ubuntu 22.04" is a system, not a release: its steps are one passage
    as "Windows 11"'s are. Only a text whose headings name three or more releases is release
    notes (as a plain text's release lines must be)."""
    guide = (
        "Installation guide\n==================\n\nWindows 11\n----------\n\n"
        "1. Download the installer from the downloads page.\n2. Run setup.exe and accept the "
        "licence.\n3. Restart the computer when asked.\n\nUbuntu 22.04\n------------\n\n"
        "1. Add the package repository with add-apt-repository.\n2. Run sudo apt install "
        "foo.\n3. Log out and back in.\n"
    )
    found = _read("install.txt", guide.encode())
    assert "1. Add the package repository with add-apt-repository.\n2. Run sudo apt" in found[1]
    assert found[0].startswith("1. Download the installer") and "\n3. Restart" in found[0]


def test_a_list_of_works_cited_keeps_each_reference_apart() -> None:
    """A bibliography is entries, each a work, not one list: "who wrote the Wizard of Oz?"
    quotes "Baum, L. Frank, The Wizard of Oz." (the children's literature textbook's, an
    EPUB), and a report's numbered references keep their authors with their titles."""
    found = [p.text for p in _passages(FIXTURES / "epub/childrens-literature-parts.epub")]
    assert "Baum, L. Frank, The Wizard of Oz." in found
    assert '"Carroll, Lewis," Alice\'s Adventures in Wonderland.' in found
    references = [
        "Mazengarb, C. (2005). Landslide hazard mapping in Tasmania. Mineral Resources "
        "Tasmania, Hobart.",
        "Cruden, D. M. and Varnes, D. J. (1996). Landslide types and processes. Transportation "
        "Research Board Special Report 247.",
        "Stevens, G. (2012). Rainfall thresholds for debris flows in the Hobart region.",
    ]
    report = _docx(("References", "Heading 1"), *((r, "List Number") for r in references))
    assert _read("report.docx", report)[-1].startswith("3. Stevens, G. (2012). Rainfall")


def test_a_list_of_terms_each_described_keeps_each_term_apart() -> None:
    """A glossary's or a reference's list of terms, each with its description ("Chaîne
    élémentaire : …" in the French lesson on graphs, a PDF; "Data: Payload …" in the Fast RTPS
    manual, an ODT; a server's options in a text file) is entries, as Markdown's reader keeps
    them: joined, "which port does it bind to by default?" showed --host's default first."""
    lesson = [p.text for p in _passages(CORPORA / "office-dev2/pdf/nsi-graphes-cours.pdf")]
    assert any(t.startswith("• Chaîne élémentaire : une chaîne élémentaire est") for t in lesson)
    manual = [p.text for p in _passages(FIXTURES / "fastrtps/FastRTPS-User-Manual.odt")]
    assert any(
        t.startswith("• Data: Payload associated to a certain cache change.") for t in manual
    )
    options = (
        "Server manual\n=============\n\nOptions\n-------\n\n"
        "* --host <str>: Bind socket to this host. Default: 127.0.0.1.\n"
        "* --port <int>: Bind socket to this port. Default: 8000.\n"
        "* --uds <path>: Bind to a UNIX domain socket.\n"
    )
    found = _read("server.txt", options.encode())
    assert "--port <int>: Bind socket to this port. Default: 8000." in found


def test_a_short_item_right_after_the_sentence_introducing_a_list_heads_its_paragraph() -> None:
    """A Word file's risks, each a one-word bullet over the paragraph describing it: "•
    Security" reads with "Attackers may gain access …" as "• Cost" reads with its own, and
    "what is the security risk?" quotes them together."""
    plan = _docx(
        ("Risks", "Heading 1"),
        ("The project faces several risks that the steering group reviews every quarter:", None),
        ("Security", "List Bullet"),
        (
            "Attackers may gain access to the personal data the system stores, so every account "
            "must use two factors to sign in.",
            None,
        ),
        ("Cost", "List Bullet"),
        ("Licences are paid per seat each year, and their cost grows with the staff.", None),
    )
    found = _read("plan.docx", plan)
    security = next(t for t in found if "Attackers may gain access" in t)
    assert "• Security\nAttackers may gain access" in security
    assert any(t.startswith("• Cost\nLicences are paid") for t in found)


def test_a_markdown_options_placeholders_are_kept_as_written() -> None:
    """In "- --host <str>: Bind …" outside code, "<str>" is no HTML element, nor ever closed:
    it is the option's value as the author wrote it, not a tag to drop ("--host : Bind …")."""
    source = "# Options\n\n- --host <str>: Bind socket to this host.\n- --port <int>: Bind.\n"
    found = "\n".join(_read("server.md", source.encode()))
    assert "--host <str>: Bind socket to this host." in found
    assert "--port <int>: Bind." in found


def test_a_lists_short_last_items_stay_in_the_list_not_the_paragraph_after_it() -> None:
    """The State Software Budgeting Handbook's "… related problems like:" and six bullets, the
    last two short ("• Security threats"): they were read as the first lines of the paragraph
    after the list ("This is written specifically for procurement …"), and the list lost them."""
    found = [p.text for p in _passages(CORPORA / "office-dev/pdf/18f-state-software-budgeting.pdf")]
    listed = next(t for t in found if t.startswith("This handbook also gives you the tools"))
    assert listed.endswith("• Security threats\n• Hiring, staffing, and other resource constraints")
    assert any(t.startswith("This is written specifically for procurement") for t in found)


def test_a_word_files_table_of_figures_is_no_text() -> None:
    """The landslide planning report's "Table of Figures" and "Table of Tables", which Word
    made from the captions ("Figure 9 Proportion of land area by Landslide hazard band 26"), are
    left out as its table of contents is; the captions themselves stay with their figures."""
    found = [
        p.text for p in _passages(CORPORA / "docs-dev2/docx/testchartoleobjectembeddings.docx")
    ]
    assert not [t for t in found if "Proportion of land area by Landslide hazard band 26" in t]
    assert not [t for t in found if t.startswith("Table 1: Components of susceptibility mapping")]
    assert any(t.startswith("Figure 1: Landslide planning mapping process") for t in found)
