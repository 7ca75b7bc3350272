"""Properties over any text at all: the analyzer, the paragraph splitter, the document pipeline and
the library never fail on input, and keep their promises whatever it holds.

(Reply formatting has its own properties in tests/bot: test_bot_replies.py over made-up answers,
test_bot_bad_input.py over the real library.)
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from retrieval.errors import QuestionError
from retrieval.ingest.passages import (
    LONG_SENTENCE_PASSAGES,
    MAX_PASSAGE_CHARS,
    passages,
    split_long,
)
from retrieval.ingest.readers.text import parse
from retrieval.library import Library
from retrieval.search.analyzer import STOP_WORDS, Analyzer, Synonyms, default_synonyms_path
from retrieval.text import clean

# Text as users and files have it: any character, plus the troublesome ones more often.
ODD = st.sampled_from(
    [
        *"\x00\x1b\x7f\u200b\u200d\ufeff\u00ad\u202e\u0301\u2028\r\n\t .,;?!-'’\"“”()[]<>&*_`",
        "U.S.",
        "counter-terrorism",
        "3,362",
        "2004",
        "No.",
        "e.g.",
        "🇨🇳",
        "👨‍👩‍👧",
        "中国",
    ]
)
WORDS = st.sampled_from(
    "China Russia treaty peace keeping missile defence the of and harbour UN SCO DPRK".split()
)
ANY_TEXT = st.text(max_size=300) | st.lists(ODD | WORDS | st.text(max_size=8), max_size=80).map(
    "".join
)
SETTINGS = settings(max_examples=200, deadline=None)


@pytest.fixture(scope="module")
def analyzer() -> Analyzer:
    return Analyzer(Synonyms.load(default_synonyms_path()))


@SETTINGS
@given(ANY_TEXT)
def test_the_analyzer_takes_any_text_and_its_terms_point_at_words(
    analyzer: Analyzer, text: str
) -> None:
    tokens = analyzer.tokens(text)
    for token in tokens:
        assert 0 <= token.start < token.end <= len(text)
        assert token.term and not any(ch.isspace() for ch in token.term)
        assert token.term not in STOP_WORDS
        assert text[token.start : token.end].strip() == text[token.start : token.end]
    assert [t.start for t in tokens] == sorted(t.start for t in tokens)
    assert analyzer.tokens(text) == tokens  # the caches change nothing


@SETTINGS
@given(ANY_TEXT)
def test_spaces_punctuation_and_stop_words_around_a_question_change_nothing(
    analyzer: Analyzer, text: str
) -> None:
    terms = analyzer.terms(text)
    assert analyzer.terms(f" \t{text} ?! ") == terms
    assert analyzer.terms(f"{text} the of and what is it") == terms
    assert analyzer.terms(f"what is the {text}") == terms


@SETTINGS
@given(ANY_TEXT, st.integers(min_value=1, max_value=400))
def test_the_splitter_takes_any_text_and_loses_nothing(text: str, limit: int) -> None:
    text = text.strip()
    if not text:
        return
    parts = split_long(text, limit)
    assert parts and all(part.strip() for part in parts)
    assert "".join("".join(p.split()) for p in parts) == "".join(text.split())
    assert all(len(part) <= LONG_SENTENCE_PASSAGES * limit for part in parts)


@SETTINGS
@given(st.lists(ANY_TEXT, min_size=1, max_size=12))
def test_any_document_becomes_numbered_passages_of_bounded_size(paragraphs: list[str]) -> None:
    text = clean("\n\n".join(paragraphs))
    if not text.strip():
        return
    document = parse(text, fallback_title="fallback")
    items = passages(document, "any file.txt")
    assert [p.ordinal for p in items] == list(range(1, len(items) + 1))
    assert len({p.id for p in items}) == len(items)
    assert all(len(p.id.encode()) <= 62 for p in items)  # p_<id> fits a deep link (64)
    numbers = [p.paragraph for p in items]
    assert numbers == sorted(numbers) and (not numbers or numbers[0] == 1)
    for passage in items:
        assert passage.text.strip() == passage.text != ""
        assert len(passage.text) <= LONG_SENTENCE_PASSAGES * MAX_PASSAGE_CHARS


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(ANY_TEXT, st.none() | ANY_TEXT, st.integers(min_value=0, max_value=50))
def test_the_library_answers_any_question_or_says_why_it_cannot(
    shipped_library: Library, question: str, context: str | None, offset: int
) -> None:
    try:
        answer = shipped_library.answer(question, context=context, k=3, offset=offset)
    except QuestionError:
        return
    assert len(answer.hits) <= 3
    assert [hit.rank for hit in answer.hits] == list(
        range(offset + 1, offset + 1 + len(answer.hits))
    )
    assert 0.0 <= answer.confidence <= 1.0 + 1e-9
    for hit in answer.hits:
        shown = "".join(segment.text for segment in hit.excerpt.segments)
        assert shown.strip() and shown.strip() in hit.passage.text
