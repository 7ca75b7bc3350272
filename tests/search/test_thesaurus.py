"""The thesaurus: a question word the documents lack is searched with its synonyms too."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from retrieval.library import Library
from retrieval.search import thesaurus
from retrieval.search.query import Weights
from tools.thesaurus import irregular_forms
from tools.thesaurus import synonyms as build

DOCS = {
    "inserts.md": (
        "# Inserts\n\n"
        "Inserting rows one at a time is slow: wrap many inserts in one transaction.\n\n"
        "The journal file is deleted when the transaction commits.\n\n"
        "An index makes lookups by that column fast.\n"
    )
}


@pytest.mark.parametrize(
    ("word", "expected"),
    [("sluggish", "slow"), ("quicker", "faster"), ("grabbed", "snatch"), ("drills", "bore")],
)
def test_a_word_in_any_inflection_has_its_synonyms(word: str, expected: str) -> None:
    assert expected in thesaurus.synonyms(word)


def test_a_word_of_no_dictionary_has_none() -> None:
    assert thesaurus.synonyms("qwzxv") == ()


@pytest.fixture
def library(make_corpus: Callable[..., Path], tmp_path: Path) -> Library:
    return Library.open(tmp_path / "t.db", make_corpus(DOCS))


def test_a_word_the_documents_lack_finds_the_passage_saying_it_otherwise(
    library: Library,
) -> None:
    answer = library.answer("which transaction is sluggish?")
    assert "slow" in answer.hits[0].passage.text
    assert answer.outcome != "declined"
    library.close()


def test_a_question_of_one_word_the_documents_lack_finds_its_synonym(
    make_corpus: Callable[..., Path], tmp_path: Path
) -> None:
    # "Zoloft" is a brand of sertraline: asked alone, it was declined, the documents naming
    # only the drug. (A longer question sharing no word with them stays unsearched.)
    corpus = make_corpus({
        "drugs.md": "# Drugs\n\nSertraline eased the symptoms of half the patients.\n\n"
        "Statins lower the level of cholesterol in the blood.\n",
    })  # fmt: skip
    library = Library.open(tmp_path / "t.db", corpus)
    answer = library.answer("Zoloft")
    assert answer.outcome != "declined"
    assert "Sertraline" in answer.hits[0].passage.text
    assert library.answer("how do I grow zoloft in my garden?").outcome == "declined"
    assert library.answer("What is zoloft?").outcome == "declined"  # a sentence, not a word
    library.close()


def test_words_the_documents_use_are_searched_as_they_are(library: Library) -> None:
    weights = library.query_weights("why is the journal file deleted")
    assert isinstance(weights, Weights) and weights.alternatives == {}
    library.close()


def test_synonyms_weigh_less_than_the_question_s_own_words(library: Library) -> None:
    weights = library.query_weights("sluggish inserts")
    assert (
        isinstance(weights, Weights)
        and weights.alternatives
        and all(weights[a] < weights[s] for a, s in weights.alternatives.items() if s in weights)
    )
    library.close()


def test_the_table_is_built_from_wordnet_s_files(tmp_path: Path) -> None:
    # A two-synset WordNet in its own format: data.* lines "offset lex_filenum ss_type
    # w_cnt word lex_id …", index.* lines "lemma pos synset_cnt p_cnt [ptrs] sense_cnt
    # tagsense_cnt offsets".
    (tmp_path / "data.adj").write_text(
        "  licence\n"
        "00000001 00 s 03 slow 0 sluggish 0 dull 0 000 | not fast\n"
        "00000002 00 a 02 fast 0 quick 0 000 | rapid\n"
    )
    (tmp_path / "index.adj").write_text(
        "  licence\nsluggish a 1 0 1 0 00000001\nslow a 1 0 1 0 00000001\nfast a 1 0 1 0 00000002\n"
    )
    for part in ("noun", "verb", "adv"):
        (tmp_path / f"data.{part}").write_text("")
        (tmp_path / f"index.{part}").write_text("")
    (tmp_path / "data.noun").write_text("00000003 00 n 01 guitar 0 000 | a stringed instrument\n")
    (tmp_path / "index.noun").write_text("guitar n 1 0 1 0 00000003\n")
    assert build(tmp_path) == {
        "fast": ["quick"],
        "guitar": [],  # a word with no synonym is a word all the same
        "slow": ["sluggish", "dull"],
        "sluggish": ["slow", "dull"],
    }


@pytest.mark.parametrize("word", ["guitar", "reset", "farm", "scale"])
def test_a_word_with_no_synonym_is_a_word_of_the_dictionary(word: str) -> None:
    # Spelling correction and the judge ask it whether a word the documents lack is a word.
    assert thesaurus.is_word(word)
    assert thesaurus.synonyms(word) == ()


def test_irregular_forms_come_from_wordnet_s_exception_lists(tmp_path: Path) -> None:
    (tmp_path / "verb.exc").write_text("flew fly\nbought buy\nate_up eat_up\n")
    (tmp_path / "noun.exc").write_text("children child\n")
    assert irregular_forms(tmp_path) == {"bought": "buy", "children": "child", "flew": "fly"}


@pytest.mark.parametrize("word", ["flew", "took", "bought", "children"])
def test_an_irregular_form_is_a_word_of_the_dictionary(word: str) -> None:
    # Not a stop word mistyped ("flew" is a letter from "few"), nor a typo.
    assert thesaurus.is_word(word)
