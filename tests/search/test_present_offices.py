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


def test_a_passage_saying_who_holds_the_office_now_answers_who_holds_it_now(
    write_library: Callable[[dict[str, str]], Library],
) -> None:
    # The United Nations' page on the Secretary-General (un.org/sg/en/content/former-secretaries
    # -general, 2024): naming the office as current and who holds it says the present as
    # "currently" does. It was hedged.
    library = write_library(
        {
            "secretary-general.md": "# The Secretary-General\n\nThe Secretary-General is"
            " appointed by the General Assembly upon the recommendation of the Security Council."
            " The current Secretary-General, and the ninth occupant of the post, is Mr. António"
            " Guterres of Portugal, who took office on 1 January 2017.\n",
            "rey.md": "# La Corona\n\nEl actual Rey de España es Felipe VI, proclamado ante las"
            " Cortes Generales el 19 de junio de 2014.\n",
        }
    )
    assert library.answer("Who is the current Secretary-General?").outcome == "answered"
    assert library.answer("¿Quién es el rey actual de España?").outcome == "answered"
