"""A question naming an identifier (cache_size, upper()) that none of the best passages writes is
hedged: the documents are searched by its parts, which passages on something else hold."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from retrieval.library import Library
from retrieval.model import Passage
from retrieval.search.judge import unnamed


@pytest.fixture(scope="module")
def pragmas(write_library: Callable[[dict[str, str]], Library]) -> Library:
    return write_library(
        {
            "pragmas.md": (
                "# Pragmas\n\n## Cache\n\n"
                "The cache_size pragma sets the default number of pages the page cache holds "
                "for each open database connection.\n\n## Journal\n\n"
                "The journal file grows while a transaction writes; its size is limited only by "
                "the free space on the disk.\n"
            ),
        },
    )


def test_a_named_identifier_the_documents_write_is_answered(pragmas: Library) -> None:
    answer = pragmas.answer("what does the cache_size pragma set?")
    assert answer.outcome == "answered"
    assert "cache_size" in answer.hits[0].passage.text


def test_an_identifier_no_passage_writes_is_hedged_though_its_parts_match(
    pragmas: Library,
) -> None:
    # "journal", "size" and "limit" all stand in the journal passage: it is no answer.
    answer = pragmas.answer("what does the journal_size_limit pragma limit?")
    assert answer.outcome == "hedged"


def _passage(text: str, section: str | None = None) -> Passage:
    return Passage("p1", "doc", "Functions", section, 1, text)


@pytest.mark.parametrize(
    ("question", "text", "section", "missing"),
    [
        ("what is json_extract for?", "json_each walks a JSON value.", None, ["jsonextract"]),
        ("what is json_extract for?", "The json_extract(X,P) function …", None, []),
        ("what does upper() do?", "upper(X) returns a copy of X in capitals.", None, []),
        ("what does ROW_NUMBER() do?", "Window functions number rows.", None, ["rownumber"]),
        ("how is show_root_heading set?", "It is set per page.", "show-root-heading", []),
        ("how is show_root_heading set?", "Set show root heading per page.", None, []),
        ("what is a cache?", "No identifier is asked about.", None, []),
        # A call starts at a word's start: "1é()" names no function "é".
        ("what does 1é() print?", "It prints nothing.", None, []),
    ],
)
def test_identifiers_none_of_the_passages_write(
    question: str, text: str, section: str | None, missing: list[str]
) -> None:
    assert unnamed(question, [_passage(text, section)]) == missing


def test_a_long_pasted_token_names_no_identifier_but_the_ones_beside_it() -> None:
    # A pasted key or hash as long as a question may be: the name beside it is still read.
    blob = "Fjbz" * 1200
    assert unnamed(f"why does journal_size_limit log {blob}?", [_passage("It logs.")]) == [
        "journalsizelimit"
    ]
    assert unnamed(f"why does the server log say {blob}?", [_passage("It logs.")]) == []
