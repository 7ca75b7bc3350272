"""An English question to documents in French alone is told which language they are in, even
when it holds two words that are French too ("on", "a"); a French question stays French."""

from __future__ import annotations

import pytest

from retrieval.search.languages import detect


@pytest.mark.parametrize(
    "question",
    [
        "which Debian distribution should I use on a server",
        "how do I keep my system up to date",
        "is there a way to download the updates only once for a few machines",
    ],
)
def test_an_english_question_to_a_french_corpus_is_english(question: str) -> None:
    assert detect(question, ["fr"]) == "en"


@pytest.mark.parametrize(
    "question",
    [
        "A quoi sert la comande dch -i ?",
        "Comment installer un paquet sur un serveur",
        "est-ce que je peux mettre à jour un seul paquet ?",
        "missile defence Russia",  # no stop word: it stays the corpus's
    ],
)
def test_a_question_without_plainly_more_english_stays_french(question: str) -> None:
    assert detect(question, ["fr"]) == "fr"
