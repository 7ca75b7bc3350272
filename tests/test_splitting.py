"""Sentences and passages: splitting loses nothing, duplicates nothing, respects the limits."""

from __future__ import annotations

import itertools
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from retrieval.ingest.parsed import Block, ParsedDocument
from retrieval.ingest.passages import MAX_PASSAGE_CHARS, document_key, passages, split_long
from retrieval.ingest.pipeline import read
from retrieval.sentences import sentence_spans, sentences

# Django REST framework's guide to authentication (its licence: data/eval/corpora/docs-dev4)
DRF_AUTHENTICATION = (
    Path(__file__).parents[1] / "data/eval/corpora/docs-dev4/api-guide/authentication.md"
)


def read_file(path: Path) -> ParsedDocument:
    return read(path.name, path.read_bytes())


def non_space(text: str) -> str:
    return re.sub(r"\s+", "", text)


# ------------------------------------------------------------------------------ sentences
def test_sentences_split_at_full_stops_question_and_exclamation_marks() -> None:
    assert sentences("China agreed. Did Russia? Yes! The end.") == [
        "China agreed.",
        "Did Russia?",
        "Yes!",
        "The end.",
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Relations with the U.S. Government improved in 2006.",
        "It reported on Resolution No. 1373 to the Council.",
        "The statement was signed by Dmitry A. Medvedev in Beijing.",
        "Mr. Smith and Dr. Jones met in Geneva.",
    ],
)
def test_abbreviations_and_initials_do_not_end_a_sentence(text: str) -> None:
    assert sentences(text) == [text]


def test_etc_and_a_company_s_abbreviation_end_a_sentence_a_clause_opens_after() -> None:
    # "etc.", "Inc.", "Ltd.", "Co." close what they shorten, and their stop often ends the
    # sentence too: "… Orcid, etc. It generates tokens …" was one sentence, quoted whole.
    read = read_file(DRF_AUTHENTICATION)
    social = next(b.text for b in read.blocks if "Orcid, etc." in b.text)
    assert sentences(social) == [
        "Drf-social-oauth2 is a framework that helps you authenticate with major social oauth2 "
        "vendors, such as Facebook, Google, Twitter, Orcid, etc.",
        "It generates tokens in a JWTed way with an easy setup.",
    ]
    for ended in ("Apple Inc.", "Smith & Co.", "Martin Luther King Jr."):
        assert sentences(f"{ended} It was founded in Atlanta.") == [
            ended,
            "It was founded in Atlanta.",
        ]
    assert sentences("It sells phones, tablets, etc. Prices vary.") == [
        "It sells phones, tablets, etc.",
        "Prices vary.",
    ]
    # a number after it opens the next sentence as a capital does
    assert sentences("It sells books, maps, etc. 2020 was its best year.") == [
        "It sells books, maps, etc.",
        "2020 was its best year.",
    ]
    # inside a sentence: before a small letter, a name or a title, as news writes them
    for whole in (
        "Apple Inc. CEO Tim Cook said the shares rose.",
        "He joined Acme Ltd. in 1998 as a director.",
        "We saw Rome, Paris, etc. and came home.",
        "Toyota Motor Co. Japan division reported a loss.",
    ):
        assert sentences(whole) == [whole]


def test_a_stop_spaced_off_in_small_letters_ends_its_sentence() -> None:
    # An old abstract collection's text: small letters, stops written apart. It was one
    # "sentence", so the whole abstract was quoted for a question one sentence answers.
    text = (
        "use of a card catalogue in a small library . the readers searched faster than the "
        "staff expected . a change of filing rules , e.g. the subject's . done"
    )
    assert sentences(text) == [
        "use of a card catalogue in a small library .",
        "the readers searched faster than the staff expected .",
        "a change of filing rules , e.g. the subject's .",
        "done",
    ]
    # French spaces its question marks; a spaced ellipsis elides within a sentence
    for whole in (
        "Qu'avez-vous dit ? rien de plus.",
        "Il hésita … puis il partit.",
        "Use git add . to stage every change.",  # one spaced stop: a path, no sentence's end
    ):
        assert sentences(whole) == [whole]
    # a stop after a word, before a small letter, still ends nothing ("approx. ten")
    assert sentences("It weighs approx. ten tons. Then it moved.") == [
        "It weighs approx. ten tons.",
        "Then it moved.",
    ]


def test_closing_quotes_stay_with_their_sentence() -> None:
    text = "They said “good neighbors, close partners and friends.” The visit followed."
    assert sentences(text) == [
        "They said “good neighbors, close partners and friends.”",
        "The visit followed.",
    ]


def test_sentence_spans_point_into_the_text() -> None:
    text = "  First one.   Second one?\n Third!  "
    spans = sentence_spans(text)
    assert [text[a:b] for a, b in spans] == ["First one.", "Second one?", "Third!"]


@settings(max_examples=100, deadline=None)
@given(st.text())
def test_sentence_spans_lose_and_duplicate_no_text(text: str) -> None:
    spans = sentence_spans(text)
    assert non_space("".join(text[a:b] for a, b in spans)) == non_space(text)
    for (_, end), (start, _) in itertools.pairwise(spans):
        assert end <= start
    for a, b in spans:
        assert text[a:b] == text[a:b].strip() != ""


_word = st.from_regex(r"[A-Za-z][a-z]{0,8}", fullmatch=True) | st.sampled_from(
    ["U.S.", "No.", "Mr.", "1.", "3,362", "A.", "e.g.", "“Quote.”", "(next)", "end!", "what?", "…"]
)
_sentence = st.lists(_word, min_size=1, max_size=15).map(lambda ws: " ".join(ws) + ".")
_paragraph = st.lists(_sentence, min_size=1, max_size=30).map(" ".join)


@settings(max_examples=100, deadline=None)
@given(_paragraph, st.integers(min_value=20, max_value=400))
def test_split_long_loses_and_duplicates_no_text(text: str, limit: int) -> None:
    parts = split_long(text, limit)
    assert non_space("".join(parts)) == non_space(text)
    assert " ".join(parts).split() == text.split()


@settings(max_examples=100, deadline=None)
@given(_paragraph, st.integers(min_value=20, max_value=400))
def test_split_long_parts_fit_the_limit_unless_one_long_sentence(text: str, limit: int) -> None:
    for part in split_long(text, limit):
        assert len(part) <= limit or len(sentences(part)) == 1


def test_paragraph_under_the_limit_is_one_part() -> None:
    text = "A short paragraph. It has two sentences."
    assert split_long(text) == [text]


def test_long_paragraph_is_split_into_balanced_parts() -> None:
    sentence = "The two sides agreed to deepen their cooperation in trade, energy and security."
    text = " ".join([sentence] * 25)  # about 2,000 characters
    parts = split_long(text)
    assert len(parts) == 2
    assert all(700 <= len(p) <= MAX_PASSAGE_CHARS for p in parts)


def test_single_over_long_sentence_stays_whole() -> None:
    sentence = "The delegations discussed " + ", ".join(["trade and energy"] * 120) + "."
    assert len(sentence) > MAX_PASSAGE_CHARS
    text = "Short opener. " + sentence + " Short closer."
    parts = split_long(text)
    assert sentence in parts
    assert " ".join(parts) == text


# ------------------------------------------------------------------------------ passages and keys
def test_passages_number_paragraphs_as_a_reader_counts_them() -> None:
    long = " ".join(["The talks on trade and energy continued for many hours that day."] * 40)
    document = ParsedDocument(
        "Title",
        None,
        blocks=[
            Block("First paragraph."),
            Block(long, "Heading"),
            Block("Last paragraph.", "Heading"),
        ],
    )
    items = passages(document, "notes_2024.txt")
    assert [p.paragraph for p in items] == [1, 2, 2, 3]
    assert [p.id for p in items] == [f"notes_2024-{n}" for n in (1, 2, 3, 4)]
    assert [p.ordinal for p in items] == [1, 2, 3, 4]
    assert {p.section for p in items[1:]} == {"Heading"}
    assert all(p.title == "Title" and p.doc == "notes_2024.txt" for p in items)


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("004_ac3189a7eefc069c.txt", "004_ac3189a7eefc069c"),
    ],
)
def test_document_key_of_a_plain_name_is_its_stem(name: str, key: str) -> None:
    assert document_key(name) == key


@pytest.mark.parametrize(
    "name", ["my notes (draft).txt", "Café–Bericht.txt", "a" * 80 + ".txt", "x-y.txt"]
)
def test_document_key_of_an_awkward_name_is_short_and_safe(name: str) -> None:
    key = document_key(name)
    assert re.fullmatch(r"[A-Za-z0-9_]+", key)
    assert len(f"p_{key}-9999") <= 64  # fits a Telegram deep-link parameter


@settings(max_examples=100, deadline=None)
@given(st.text(min_size=1, max_size=60), st.text(min_size=1, max_size=60))
def test_different_file_stems_get_different_keys(a: str, b: str) -> None:
    if a != b:
        assert document_key(a + ".txt") != document_key(b + ".txt")


# ------------------------------------------------------------------------------ lists
def _listed(*blocks: Block) -> list[tuple[int, str]]:
    document = ParsedDocument(title="Guide", blocks=list(blocks))
    return [(p.paragraph, p.text) for p in passages(document, "guide.md")]


def test_a_short_list_is_one_passage_with_the_sentence_that_introduces_it() -> None:
    assert _listed(
        Block("Tables look better when you follow two rules:", "Tables"),
        Block("1. Never, ever use vertical rules.", "Tables", item=True),
        Block("2. Never use double rules.", "Tables", item=True),
        Block("The rules are old.", "Tables"),
    ) == [
        (
            1,
            "Tables look better when you follow two rules:\n"
            "1. Never, ever use vertical rules.\n2. Never use double rules.",
        ),
        (4, "The rules are old."),
    ]


def test_a_list_stops_at_a_section_a_long_item_and_the_length_of_a_passage() -> None:
    items = [
        Block(f"Item number {n} of the list, " + "word " * 40, "A", item=True) for n in range(8)
    ]
    listed = _listed(
        Block("The list:", "A"),
        *items,
        Block("Another item under another heading.", "B", item=True),
        Block("A long item. " * 40, "B", item=True),
    )
    assert listed[0][1].startswith("The list:\nItem number 0") and len(listed[0][1]) <= 1000
    assert sum(text.count("Item number") for _, text in listed) == 8  # nothing lost or repeated
    assert listed[-2:] == [(10, "Another item under another heading."), (11, "A long item. " * 40)]


def test_items_without_a_sentence_introducing_them_stay_apart() -> None:
    # A change log's items, each its own change: joined, one passage would match everything.
    # (Its headings name three releases: one "2.3" alone might be a section's number.)
    assert _listed(
        Block("Support for LuaTeX enabled by default.", "2.3", item=True),
        Block("New option to turn all warnings into messages.", "2.3", item=True),
        Block("New command to protect ligatures.", "2.2", item=True),
        Block("Letterspacing retains kerning.", "2.1", item=True),
    )[:2] == [
        (1, "Support for LuaTeX enabled by default."),
        (2, "New option to turn all warnings into messages."),
    ]


def test_a_paragraph_after_an_introduction_reads_alone() -> None:
    point = "1. The world today is undergoing great transformation. " * 10
    assert _listed(Block("The two sides make the following statement:"), Block(point)) == [
        (1, "The two sides make the following statement:"),
        (2, point),
    ]


def test_two_introductions_in_a_row_stay_apart() -> None:
    first, second = "To see the alternatives, run:", "If you want to change it, run:"
    assert _listed(Block(first), Block(second)) == [(1, first), (2, second)]
    assert _listed(Block("The tip is:"), Block("Work with Unicode inside.")) == [
        (1, "The tip is:"),
        (2, "Work with Unicode inside."),
    ]
