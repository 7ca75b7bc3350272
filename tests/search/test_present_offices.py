"""Who holds an office now, asked of documents naming the office: hedged, not answered."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from retrieval.library import Library

LEGAL_DEV = Path(__file__).parents[2] / "data" / "eval" / "corpora" / "legal-dev"


def test_who_holds_an_office_now_is_hedged_not_answered_by_the_shipped_corpus(
    shipped_library: Library,
) -> None:
    # "Yang Jiechi is State Councillor …, having previously served as the country's Foreign
    # Minister": a name, not who holds the office now. It was answered, at confidence 1.0.
    assert shipped_library.answer("Who is China's foreign minister now?").outcome == "hedged"
    assert shipped_library.answer("who is yang jiechi").outcome == "answered"
    # How many, not who: "At present, 845 PLA personnel are working …".
    serving = "How many PLA personnel are currently serving in UN peacekeeping task areas?"
    assert shipped_library.answer(serving).outcome == "answered"


def test_who_holds_an_office_now_is_hedged_in_each_language_by_the_constitutions(
    write_library: Callable[[dict[str, str]], Library],
) -> None:
    library = write_library(
        {path.name: path.read_text(encoding="utf-8") for path in sorted(LEGAL_DEV.glob("*/*.*"))}
    )
    for question in [
        "Who is the current Chief Justice?",  # "the Chief Justice shall preside"
        "Кто сейчас председатель Совета Федерации?",
        "¿Quién es el rey actual de España?",
        "现在的国务院总理是谁？",
    ]:
        assert library.answer(question).outcome == "hedged", question
    # What the constitution says of the office stays answered.
    assert library.answer("Who presides when the President is tried?").outcome == "answered"
