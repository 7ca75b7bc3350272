"""Ingestion of each of the five shipped files, checked against the text of the files."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from retrieval.ingest.parsed import ParsedDocument
from retrieval.ingest.passages import MAX_PASSAGE_CHARS
from retrieval.library import Library
from retrieval.model import Passage
from retrieval.sentences import sentences
from retrieval.text import squeeze

PROJECT_ROOT = Path(__file__).resolve().parents[1]
SHIPPED_CORPUS = PROJECT_ROOT / "data" / "corpus"
DOC_000 = "000_26e09b2c81a064c7.txt"
DOC_001 = "001_301a7359be718b07.txt"
DOC_002 = "002_a3dcc854a06e902a.txt"
DOC_003 = "003_152c6e36f5d007da.txt"
DOC_004 = "004_ac3189a7eefc069c.txt"
ALL_DOCS = (DOC_000, DOC_001, DOC_002, DOC_003, DOC_004)


def stored_passages(library: Library, doc: str) -> list[Passage]:
    return [p for _, p in library.store.all_passages() if p.doc == doc]


def raw_lines(doc: str) -> list[str]:
    text = (SHIPPED_CORPUS / doc).read_text(encoding="utf-8")
    return [squeeze(line.replace("\u00a0", " ")) for line in text.splitlines()]


# ------------------------------------------------------------------------------ titles and dates
@pytest.mark.parametrize(
    ("doc", "title"),
    [
        (DOC_000, "China’s Foreign Affairs and International Relations"),
        (DOC_001, "Full text: China's Policies on Asia-Pacific Security Cooperation"),
        (
            DOC_002,
            "Joint Statement of The People's Republic of China and the Russian Federation "
            "On Major International Issues",
        ),
        (
            DOC_003,
            "A New Type of International Relations - Writing a New Chapter of Win-Win Cooperation",
        ),
        (DOC_004, "Chapter IX International Security Cooperation"),
    ],
)
def test_title_is_detected_from_the_first_line_of_the_page(
    parsed_corpus: dict[str, ParsedDocument], doc: str, title: str
) -> None:
    assert parsed_corpus[doc].title == title


@pytest.mark.parametrize(
    ("doc", "title"),
    [
        (DOC_000, "China’s Foreign Affairs and International Relations"),  # not in the manifest
        (DOC_001, "China's Policies on Asia-Pacific Security Cooperation"),
        (DOC_002, "China–Russia Joint Statement on Major International Issues"),
        (
            DOC_003,
            "A New Type of International Relations: Writing a New Chapter of Win-Win "
            "Cooperation (Yang Jiechi)",
        ),
        (
            DOC_004,
            "China's National Defense in 2004, Chapter IX: International Security Cooperation",
        ),
    ],
)
def test_indexed_title_is_the_manifest_title_where_one_is_given(
    shipped_library: Library, doc: str, title: str
) -> None:
    documents = {d.doc: d for d in shipped_library.documents()}
    assert documents[doc].title == title
    assert {p.title for p in stored_passages(shipped_library, doc)} == {title}


@pytest.mark.parametrize(
    ("doc", "date"),
    [(DOC_000, None), (DOC_001, "2017-01-11"), (DOC_002, "2008-05-23"), (DOC_004, None)],
)
def test_dateline_date_is_detected_in_the_page_header(
    parsed_corpus: dict[str, ParsedDocument], doc: str, date: str | None
) -> None:
    assert parsed_corpus[doc].date == date


@pytest.mark.parametrize(
    ("doc", "date"),
    [
        (DOC_000, None),
        (DOC_001, "2017-01-11"),  # detected: "Xinhua, January 11, 2017"
        (DOC_002, "2008-05-23"),  # detected: "Beijing, 23 May 2008"
        (DOC_003, "2015"),  # manifest
        (DOC_004, "2004-12"),  # manifest
    ],
)
def test_indexed_date_comes_from_the_manifest_or_the_dateline(
    shipped_library: Library, doc: str, date: str | None
) -> None:
    documents = {d.doc: d for d in shipped_library.documents()}
    assert documents[doc].date == date


def test_dateline_is_not_a_passage_of_its_own(shipped_library: Library) -> None:
    texts = [p.text for p in stored_passages(shipped_library, DOC_002)]
    assert not any("23 May 2008" in t for t in texts)
    assert texts[0].startswith("Proceeding from their responsibility for world peace")


# ------------------------------------------------------------------------------ paragraphs
@pytest.mark.parametrize(
    ("doc", "paragraphs"),
    [(DOC_000, 28), (DOC_001, 8), (DOC_002, 28), (DOC_003, 47), (DOC_004, 20)],
)
def test_paragraph_count(
    shipped_library: Library, parsed_corpus: dict[str, ParsedDocument], doc: str, paragraphs: int
) -> None:
    assert len(parsed_corpus[doc].paragraphs) == paragraphs
    documents = {d.doc: d for d in shipped_library.documents()}
    assert documents[doc].paragraphs == paragraphs
    stored = stored_passages(shipped_library, doc)
    assert sorted({p.paragraph for p in stored}) == list(range(1, paragraphs + 1))


FURNITURE_SENTENCES = {
    "Follow China.org.cn on Twitter and Facebook to join the conversation.",
    "Racist, abusive and off-topic comments may be removed by the moderator.",
}


@pytest.mark.parametrize("doc", [DOC_000, DOC_001, DOC_002, DOC_003])
def test_every_prose_line_of_a_blank_line_separated_file_is_exactly_one_passage(
    shipped_library: Library, doc: str
) -> None:
    # In these files each paragraph is one line. Every line of more than six words ending like
    # a sentence or a clause is one passage, verbatim; no passage is made of anything else except
    # the signature block at the end of the joint statement.
    texts = [p.text for p in stored_passages(shipped_library, doc)]
    prose = [
        line
        for line in raw_lines(doc)
        if len(line.split()) > 6
        and (line.rstrip('"”’)').endswith((".", ",", ":")) or line.endswith(" and"))
        and line not in FURNITURE_SENTENCES
    ]
    assert len(prose) >= 8
    for line in prose:
        assert texts.count(line) == 1, line
    leftovers = [t for t in texts if t not in prose]
    if doc == DOC_002:
        assert len(leftovers) == 1
        assert leftovers[0].startswith("(Signed) Hu Jintao (Signed) Dmitry A. Medvedev")
    else:
        assert leftovers == []


def test_hard_wrapped_file_keeps_every_word_in_order(
    parsed_corpus: dict[str, ParsedDocument],
) -> None:
    # 004 is wrapped at about 80 columns. Its body (after the title line, before the footer)
    # read as words must be exactly the headings and paragraphs in order: nothing lost, nothing
    # repeated, no heading glued into a paragraph.
    lines = raw_lines(DOC_004)
    body = lines[1 : lines.index("(next)")]
    document = parsed_corpus[DOC_004]
    rebuilt: list[str] = []
    section = None
    for heading, text in document.paragraphs:
        if heading != section:
            rebuilt.append(heading or "")
            section = heading
        rebuilt.append(text)
    assert " ".join(rebuilt).split() == " ".join(body).split()


# ------------------------------------------------------------------------------ junk
JUNK = [
    "Print E-mail Bookmark and Share",
    "Follow China.org.cn on Twitter",
    "Previous 1 2 3",
    "Back to Table of Contents",
    "(next)",
    "NEWSLETTER",
    "Русский",
    "Photo:GettyImages",
    "GettyImages",
    "Home > China/Kina",
    "China/Kina",
    "Comment(s)",
    "Adjust font size",
    "App Download",
    "Add your comments",
    "User Name Required",
    "Enter the words you see",
    "comments may be removed",
    "Suggest to a friend",
    "Suggest To a Friend",
    "mailing list",
    "2008-06-16 00:00",
    "Espa?ol",
    "MobileRSSNewsletter",
]


@pytest.mark.parametrize("junk", JUNK)
def test_page_furniture_is_gone_from_every_title_section_and_passage(
    shipped_library: Library, junk: str
) -> None:
    for _, passage in shipped_library.store.all_passages():
        assert junk not in passage.text, passage.id
        assert junk not in (passage.section or ""), passage.id
    for document in shipped_library.documents():
        assert junk not in document.title


def test_furniture_lines_really_are_in_the_files() -> None:
    # The junk list above is about these files: each string is present in the raw text.
    raw = "\n".join((SHIPPED_CORPUS / name).read_text(encoding="utf-8") for name in ALL_DOCS)
    raw = raw.replace("\u00a0", " ")
    for junk in JUNK:
        assert junk in raw or junk in squeeze(raw), junk


def test_no_passage_is_a_bare_print_or_share_word(shipped_library: Library) -> None:
    for _, passage in shipped_library.store.all_passages():
        assert len(passage.text.split()) >= 4, passage


# ------------------------------------------------------------------------------ sections
@pytest.mark.parametrize(
    ("doc", "sections"),
    [
        (
            DOC_000,
            [
                None,
                "China and the UN",
                "Relations with Major Powers",
                "China-U.S. Relations",
                "China-EU Relations",
                "China-Russia Relations",
                "China-Japan Relations",
                "Relations with African Countries",
                "Relations with Neighboring Countries and Multilateral Diplomacy",
                "Military Diplomacy",
            ],
        ),
        (DOC_001, [None]),
        (DOC_002, [None]),
        (
            DOC_003,
            [
                None,
                "The Call of the Times",
                "Four Strategies",
                "Win-win Cooperation",
                "Reviving the Silk Road",
                "China’s Positive Role",
                "Solid Steps Forward",
            ],
        ),
        (
            DOC_004,
            [
                None,
                "Strategic Consultation and Dialogue",
                "Regional Security Cooperation",
                "Cooperation in Non-Traditional Security Fields",
                "Participating in UN Peacekeeping Operations",
                "Military Exchanges",
            ],
        ),
    ],
)
def test_headings_become_the_sections_of_the_paragraphs_under_them(
    shipped_library: Library, doc: str, sections: list[str | None]
) -> None:
    seen: list[str | None] = []
    for passage in stored_passages(shipped_library, doc):
        if not seen or seen[-1] != passage.section:
            seen.append(passage.section)
    assert seen == sections


def test_china_russia_relations_section_holds_its_five_paragraphs(
    shipped_library: Library,
) -> None:
    under = [
        p
        for p in stored_passages(shipped_library, DOC_000)
        if p.section == "China-Russia Relations"
    ]
    assert len(under) == 5
    assert under[0].text.startswith("China and Russia make full tap on the cooperation")
    assert under[-1].text.startswith("Beijing will unswervingly abide by the Treaty")


@pytest.mark.parametrize(
    ("section", "first_words"),
    [
        ("Participating in UN Peacekeeping Operations", "China has consistently supported"),
        (
            "Cooperation in Non-Traditional Security Fields",
            "China attaches great importance to security",
        ),
        ("Military Exchanges", "The PLA conducts active military exchanges"),
    ],
)
def test_two_line_headings_of_the_wrapped_file_are_whole_sections(
    shipped_library: Library, section: str, first_words: str
) -> None:
    under = [p for p in stored_passages(shipped_library, DOC_004) if p.section == section]
    assert under, section
    assert under[0].text.startswith(first_words)
    last_heading_word = section.split()[-1]
    for passage in stored_passages(shipped_library, DOC_004):
        assert not passage.text.startswith(last_heading_word + " "), passage.text[:60]


def test_wrapped_paragraphs_are_reflowed_into_one_line_each(shipped_library: Library) -> None:
    texts = [p.text for p in stored_passages(shipped_library, DOC_004)]
    assert any(t.startswith("In recent years, China has intensified bilateral") for t in texts)
    pursues = [t for t in texts if "pursues a foreign policy of building" in t]
    assert len(pursues) == 1
    assert pursues[0].startswith("China pursues a foreign policy")  # heading did not leak in
    assert all("\n" not in t for t in texts)
    assert not any("Regional Security Cooperation China" in t for t in texts)


# ------------------------------------------------------------------------------ characters
def test_non_breaking_spaces_are_gone(shipped_library: Library) -> None:
    assert "\u00a0" in (SHIPPED_CORPUS / DOC_000).read_text(encoding="utf-8")
    for _, passage in shipped_library.store.all_passages():
        assert "\u00a0" not in passage.text
        assert "\u00a0" not in (passage.section or "")
        assert passage.text == passage.text.strip()
    for document in shipped_library.documents():
        assert "\u00a0" not in document.title


def test_curly_quotes_are_kept_as_written(shipped_library: Library) -> None:
    texts = [p.text for p in stored_passages(shipped_library, DOC_003)]
    assert any("“scourge of war which […] brought untold sorrow to mankind,”" in t for t in texts)
    assert any("the ‘Belt and Road’ initiative" in t for t in texts)
    assert any("China’s" in p.text for p in stored_passages(shipped_library, DOC_000))


def test_numbered_points_of_the_joint_statement_keep_their_numbers(
    shipped_library: Library,
) -> None:
    texts = [p.text for p in stored_passages(shipped_library, DOC_002)]
    for number in range(1, 12):
        assert sum(t.startswith(f"{number}. ") for t in texts) == 1, number
    assert any(
        t.startswith("1. The world today is undergoing great transformation.") for t in texts
    )


# ------------------------------------------------------------------------------ passages and ids
def test_passages_are_at_most_1500_characters_unless_one_long_sentence(
    shipped_library: Library,
) -> None:
    for _, passage in shipped_library.store.all_passages():
        assert len(passage.text) <= MAX_PASSAGE_CHARS or len(sentences(passage.text)) == 1


def test_the_over_long_paragraph_of_004_is_split_into_two_passages_with_one_number(
    shipped_library: Library,
) -> None:
    stored = stored_passages(shipped_library, DOC_004)
    counts = Counter(p.paragraph for p in stored)
    assert len(stored) == 21
    assert [n for n, c in counts.items() if c > 1] == [20]
    first, second = (p for p in stored if p.paragraph == 20)
    assert first.text.startswith("In October 2003, the PLA invited for the first time")
    assert second.text.endswith(
        "International Symposium Course hosted by the PLA National Defense University."
    )


@pytest.mark.parametrize("doc", ALL_DOCS)
def test_ids_are_key_and_ordinal(shipped_library: Library, doc: str) -> None:
    stored = stored_passages(shipped_library, doc)
    key = Path(doc).stem
    assert [p.id for p in stored] == [f"{key}-{n}" for n in range(1, len(stored) + 1)]
    assert [p.ordinal for p in stored] == list(range(1, len(stored) + 1))
    assert all(re.fullmatch(r"[A-Za-z0-9_]+-\d+", p.id) for p in stored)


def test_ids_are_the_same_when_the_corpus_is_indexed_again(
    shipped_library: Library, shipped_corpus: Path, tmp_path: Path
) -> None:
    before = [
        (p.id, p.text, p.paragraph, p.section) for _, p in shipped_library.store.all_passages()
    ]
    again = Library.open(tmp_path / "again.db", shipped_corpus)
    try:
        after = [(p.id, p.text, p.paragraph, p.section) for _, p in again.store.all_passages()]
    finally:
        again.close()
    assert after == before
    assert len(before) == 132
