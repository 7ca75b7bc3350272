"""'On what date …' is answered by an excerpt stating a date, in digits or in words."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from retrieval.library import Library
from retrieval.search.quantities import unquantified

LEGAL_DEV = Path(__file__).parents[2] / "data" / "eval" / "corpora" / "legal-dev"


def test_a_date_in_words_answers_and_a_bare_number_does_not_in_the_constitutions(
    write_library: Callable[[dict[str, str]], Library],
) -> None:
    library = write_library(
        {path.name: path.read_text(encoding="utf-8") for path in sorted(LEGAL_DEV.glob("*/*.*"))}
    )
    # "such Meeting shall be on the first Monday in December": a date with no digit in it. A
    # passage numbered "SECTION. 3." was quoted first instead.
    assemble = library.answer("On what date shall Congress assemble?")
    assert "first Monday in December" in assemble.hits[0].excerpt.plain
    assert assemble.outcome == "answered"
    # "3. Постановления … принимаются большинством голосов от общего числа сенаторов": an item
    # number, no date of adoption. It was answered, at confidence 1.0.
    assert library.answer("Какого числа принята Конституция?").outcome == "hedged"


def test_dates_written_with_a_month_name_answer_the_question_in_each_language() -> None:
    for question, excerpt in [
        ("On what date was the Declaration adopted?", "It was adopted on the Fourth of July."),
        ("Quelle date est la fête nationale ?", "Elle est célébrée le quatorze juillet."),
        ("¿Qué fecha es la Fiesta Nacional?", "La Fiesta Nacional se celebra el doce de octubre."),
        ("Какого числа празднуется День России?", "День России празднуется двенадцатого июня."),
        ("元旦是哪一天？", "元旦是一月一日。"),
    ]:
        assert not unquantified(question, excerpt), question
    # "date" qualifying the thing asked: no date asked for.
    assert not unquantified("What date format does the API use?", "ISO format is used.")
