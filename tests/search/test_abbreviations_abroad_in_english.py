"""The abbreviations and dates of other languages (German "Abs. 2", French "chap. 5", German "am
3. Oktober") join no English sentences: "abs" and "chap" are English words, and an English
sentence may end with a number before one opening with a month's English name. A Russian list's
letter with a stop ("а. Если …") stays with its item, as a Latin one does."""

from __future__ import annotations

import pytest

from retrieval.sentences import fragment_spans, sentence_spans


def sentences(text: str) -> list[str]:
    return [text[a:b] for a, b in sentence_spans(text)]


@pytest.mark.parametrize(
    ("english", "abroad"),
    [
        (
            "Lie on your back and tighten your abs. Then lift your legs slowly.",
            "Nach § 5 Abs. 2 UrhG gilt das auch für amtliche Werke.",
        ),
        (
            "The new coach is a friendly chap. Everyone on the team likes him.",
            "Voir chap. 5 du rapport annuel.",
        ),
        (
            "Each squad may register up to 11. March is the deadline for changes.",
            "Die Feier fand am 3. Oktober statt.",
        ),
        (
            "The default limit is 10. May users raise it? Only administrators can.",
            "Das Grundgesetz wurde am 23. Mai 1949 verkündet.",
        ),
        (
            "I am 42. My wife is 40.",
            "Der Vertrag wurde am 3. September 1949 unterzeichnet.",
        ),
        (
            "The limit is 10. September releases raise it.",
            "Die Frist läuft bis 30. November 2025.",
        ),
    ],
)
def test_english_sentences_stay_apart(english: str, abroad: str) -> None:
    assert sentences(english)[0] == english[: english.index(".") + 1]
    # where the other language writes them short, inside a sentence, they still join
    assert sentences(abroad) == [abroad]


def test_a_russian_list_letter_stays_with_its_item() -> None:
    text = (
        "Рассмотрим два случая.\n"
        "а. Если x > 0, то функция возрастает.\n"
        "б. Если x < 0, то функция убывает."
    )
    pieces = [text[a:b] for a, b in fragment_spans(text)]
    assert pieces == [
        "Рассмотрим два случая.",
        "а. Если x > 0, то функция возрастает.",
        "б. Если x < 0, то функция убывает.",
    ]
