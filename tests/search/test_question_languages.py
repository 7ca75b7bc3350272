"""Questions read in the language they are written in, on the Debian manuals in four languages
(the ml-dev corpus: Chinese, Russian, French and Spanish chapters)."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from retrieval.library import Library

CORPUS = Path(__file__).parents[2] / "data" / "eval" / "corpora" / "ml-dev"


@pytest.fixture(scope="module")
def manuals(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Library]:
    folder = tmp_path_factory.mktemp("ml") / "corpus"
    shutil.copytree(CORPUS, folder, ignore=shutil.ignore_patterns("SOURCES.md"))
    library = Library.open(folder.parent / "ml.db", folder)
    yield library
    library.close()


def test_a_french_question_with_a_typo_stays_french(manuals: Library) -> None:
    # Read as Spanish, "comande" is a known word ("comando"); the French stop words say French.
    answer = manuals.answer("A quoi sert la comande dch -i ?")
    assert answer.language == "fr"
    assert answer.outcome == "answered"
    assert "dch" in answer.hits[0].passage.text


def test_a_russian_question_typed_in_the_english_layout_is_read_as_russian(
    manuals: Library,
) -> None:
    answer = manuals.answer("rfr elfkbnm gfrtn&")  # "как удалить пакет?"
    assert answer.language == "ru"
    assert answer.answered


def test_a_chinese_question_shortening_a_word_to_one_character_is_not_hedged(
    manuals: Library,
) -> None:
    # 装 for 安装 ("install"): no passage has it as a word, and it is no sign of another subject.
    answer = manuals.answer("怎么装 pbuilder？")
    assert answer.outcome == "answered"
    assert "pbuilder" in answer.hits[0].passage.text


def test_a_chinese_character_the_documents_never_write_is_a_sign_of_another_subject(
    manuals: Library,
) -> None:
    # 狗 ("dog") is in no passage, not even inside a word: the packages passage is no answer.
    answer = manuals.answer("狗的软件包在哪里？")
    assert answer.outcome != "answered"


def test_a_bare_number_takes_the_language_of_its_answer(
    write_library: Callable[[dict[str, str]], Library],
) -> None:
    # "1970" is written in no language: asked of Arabic documents it is not told to ask in
    # Arabic, nor hedged for being English.
    library = write_library(
        {"nile.txt": "السد العالي\n\nاكتمل بناء السد العالي في أسوان عام 1970 بعد عشر سنوات.\n"}
    )
    answer = library.answer("1970")
    assert answer.language == "ar"
    assert answer.outcome == "answered"
