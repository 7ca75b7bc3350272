"""Word policies laid out without heading styles: parts named by lines in bold capitals.

Built here in the shape of a credit union's "Abusive Member Policy" (Cassandra-Labs-Foundation/
pynthia-policies-and-procedures, which states no licence, so the file itself is not committed),
indexed by a tester: its title a bold line, its parts "COMPLIANCE STATEMENT", "PURPOSE",
"POLICY STATEMENT", "RESPONSIBILITY", … each a bold line in capitals, the list of abusive conduct
typed as a Wingdings dot (Insert › Symbol) and a tab before each item. The first three parts,
each over one paragraph, were read as labels of that paragraph ("PURPOSE: The purpose…") and the
later ones as sections, so the list under "POLICY STATEMENT" had no section, and its items,
with no bullet read, were paragraphs of no list: twelve passages, the introduction with the
first item only.
"""

from __future__ import annotations

import docx
from docx.document import Document
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from readerfiles import saved

from retrieval.ingest.parsed import ParsedDocument
from retrieval.ingest.passages import passages
from retrieval.ingest.pipeline import read

CONDUCT = [
    "Any type of harassment, including age, sexual, ethnic, or racial harassment;",
    "Making graphic or degrading comments about an individual or his or her appearance;",
    "Displaying sexually suggestive objects or pictures;",
    "Engaging in offensive or abusive physical contact;",
    "Using profane, abusive, intimidating or threatening language toward credit union staff;",
    "Making or suggesting threats of bodily harm or property damage to an employee; or",
    "Fighting or possession of weapons of any kind on credit union premises.",
]


def _bold(word: Document, text: str) -> None:
    word.add_paragraph().add_run(text).bold = True


def _typed_item(word: Document, text: str) -> None:
    """An item as the policy types it: a Wingdings dot inserted as a symbol, a tab, the text."""
    paragraph = word.add_paragraph(style="Body Text")
    paragraph._p.append(
        parse_xml(f'<w:r {nsdecls("w")}><w:sym w:font="Wingdings" w:char="F09F"/></w:r>')
    )
    run = paragraph.add_run()
    run.add_tab()
    run.add_text(text)


def _policy() -> Document:
    word = docx.Document()
    title = word.add_paragraph().add_run("ABUSIVE MEMBER POLICY")
    title.bold = title.underline = True
    word.add_paragraph()
    _bold(word, "COMPLIANCE STATEMENT")
    word.add_paragraph("The Credit Union will take the necessary actions to protect employees.")
    _bold(word, "PURPOSE")
    word.add_paragraph("The purpose of this policy is to protect the employees and members.")
    _bold(word, "POLICY STATEMENT")
    word.add_paragraph("For purposes of this policy, “abusive conduct” includes the following:")
    for item in CONDUCT:
        _typed_item(word, item)
    _bold(word, "RESPONSIBILITY")
    word.add_paragraph("The Board is committed to a workplace free from any type of abuse.")
    _bold(word, "GUIDELINES/STANDARDS")
    word.add_paragraph("The CEO is hereby authorized to impose sanctions against such member.")
    word.add_paragraph("Threats of any nature will be reported to the local authorities.")
    _bold(word, "TRAINING")
    word.add_paragraph("The Director of Compliance is authorized to coordinate trainings.")
    return word


def _read(word: Document) -> ParsedDocument:
    return read("Member Conduct Policy.docx", saved(word))


def test_every_bold_line_in_capitals_heads_its_part_alike() -> None:
    blocks = _read(_policy()).blocks
    sections = {b.text.split()[1]: b.section for b in blocks if not b.item}
    assert sections == {
        "Credit": "COMPLIANCE STATEMENT",
        "purpose": "PURPOSE",
        "purposes": "POLICY STATEMENT",
        "Board": "RESPONSIBILITY",
        "CEO": "GUIDELINES/STANDARDS",
        "of": "GUIDELINES/STANDARDS",  # "Threats of any nature…"
        "Director": "TRAINING",
    }
    assert not any(b.text.startswith("PURPOSE") for b in blocks)


def test_a_list_of_typed_bullets_is_one_list_under_its_part_with_its_introduction() -> None:
    document = _read(_policy())
    quoted = [p for p in passages(document, "policy.docx") if "abusive conduct" in p.text]
    assert len(quoted) == 1
    assert quoted[0].section == "POLICY STATEMENT"
    assert quoted[0].text.split("\n") == [
        "For purposes of this policy, “abusive conduct” includes the following:",
        *(f"• {item}" for item in CONDUCT),
    ]


def test_the_bold_line_over_the_parts_is_the_title() -> None:
    document = _read(_policy())
    assert document.title == "ABUSIVE MEMBER POLICY"
    assert not any("ABUSIVE MEMBER POLICY" in b.text for b in document.blocks)


def test_terms_in_capitals_stay_terms_where_no_line_in_capitals_heads_a_part() -> None:
    """A glossary of acronyms, each a bold line over its one paragraph, under real headings:
    the acronyms are terms read with their descriptions, not sections."""
    word = docx.Document()
    word.add_heading("Liquidity policy", 1)
    word.add_paragraph("This policy uses the following abbreviations throughout its parts.")
    word.add_heading("Glossary", 2)
    glossary = {
        "ALCO": "The Asset Liability Committee, which meets every month.",
        "NCUA": "The National Credit Union Administration, the regulator.",
        "CFP": "The contingency funding plan the board approves each year.",
    }
    for term, description in glossary.items():
        _bold(word, term)
        word.add_paragraph(description)
    blocks = _read(word).blocks
    assert [b.text for b in blocks if b.section == "Glossary"] == [
        f"{term}: {description}" for term, description in glossary.items()
    ]
