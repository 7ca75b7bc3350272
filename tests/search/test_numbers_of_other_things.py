"""'How many …?' answered by an excerpt whose number counts something else is hedged."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from retrieval.library import Library

CORPORA = Path(__file__).parents[2] / "data" / "eval" / "corpora"


def test_a_number_of_another_thing_does_not_answer_how_many(shipped_library: Library) -> None:
    # Both were answered: "China initiated … the Shanghai Cooperation Organization (SCO),
    # Six-Party Talks …" for the submarines, "… can one accomplish big things" for the army.
    assert shipped_library.answer("How many submarines does China have?").outcome == "hedged"
    assert shipped_library.answer("How big is China's army?").outcome == "hedged"
    # The number said of the thing asked still answers it.
    countries = shipped_library.answer("how many countries does china have military relations with")
    assert "more than 150 countries" in countries.hits[0].excerpt.plain
    assert countries.outcome == "answered"
    ships = shipped_library.answer(
        "How many ships have Chinese escort fleets protected in the Gulf of Aden?"
    )
    assert "over 5,800 international vessels" in ships.hits[0].excerpt.plain
    assert ships.outcome == "answered"


def test_in_other_languages(write_library: Callable[[dict[str, str]], Library]) -> None:
    library = write_library(
        {
            "mars.txt": (CORPORA / "ml-dev2" / "ru" / "mars.txt").read_text(encoding="utf-8"),
            "constitution-rf.txt": (CORPORA / "legal-dev" / "ru" / "constitution-rf.txt").read_text(
                encoding="utf-8"
            ),
        }
    )
    # "В числе важных произведений о Марсе также стоит отметить вышедший в 1950 году роман …":
    # a year of a novel, no price of a ticket.
    assert library.answer("Сколько стоит билет на Марс?").outcome == "hedged"
    # The part's number ("1. Конституционный Суд …") is no count; the sentence after it is.
    judges = library.answer("Сколько судей в Конституционном Суде?")
    assert "состоит из 11 судей" in judges.hits[0].excerpt.plain
    assert judges.outcome == "answered"
    # "… 2. В Российской Федерации … гарантированный минимальный размер оплаты труда …": the
    # part's number "2." is no amount of anything, and nowhere is a pension's amount stated.
    pension = library.answer("Какой размер минимальной пенсии по старости в этом году?")
    assert pension.outcome != "answered"


def test_a_count_in_words_answers_in_its_case(
    write_library: Callable[[dict[str, str]], Library],
) -> None:
    library = write_library(
        {
            "constitution-rf.txt": (CORPORA / "legal-dev" / "ru" / "constitution-rf.txt").read_text(
                encoding="utf-8"
            ),
        }
    )
    # "в течение четырнадцати дней" was no number: the sentence saying it was hedged; and the
    # part after art. 81 (dated 2020) was quoted first for the terms, ahead of "более двух сроков".
    days = library.answer(
        "Сколько дней есть у Президента на подписание федерального конституционного закона?"
    )
    assert "в течение четырнадцати дней" in days.hits[0].excerpt.plain
    assert days.outcome == "answered"
    terms = library.answer("Сколько сроков может занимать должность Президент?")
    assert "более двух сроков" in terms.hits[0].excerpt.plain


FAQ = """# CloudNote FAQ

## How many devices can I use?

You can sign in on up to five phones, tablets or computers at once. Signing in on a sixth logs
out the oldest.

## Support

Our support team answers within 24 hours on working days. We were founded in 2015 by three
engineers in Oslo.
"""


def test_a_number_under_a_heading_naming_the_thing(
    write_library: Callable[[dict[str, str]], Library],
) -> None:
    library = write_library({"faq.md": FAQ})
    # The heading asks it; the answer names the devices by kind: "up to five phones, tablets or
    # computers" answers (it was hedged).
    devices = library.answer("How many devices can I use at once?")
    assert "up to five phones" in devices.hits[0].excerpt.plain
    assert devices.outcome == "answered"


COURT = """# The Court

## Membership

The Court has 9 Justices. They are appointed for life by the President, with the advice and
consent of the Senate, and hold their offices during good behaviour.
"""


def test_a_counted_noun_written_with_a_capital(
    write_library: Callable[[dict[str, str]], Library],
) -> None:
    library = write_library({"court.md": COURT})
    # "Justices" right after "How many" is the thing counted, not a name of what the documents
    # are about: written with a capital, the question was hedged.
    for question in (
        "How many justices are appointed for life?",
        "How many Justices are appointed for life?",
    ):
        found = library.answer(question)
        assert "9 Justices" in found.hits[0].excerpt.plain
        assert found.outcome == "answered"


SOCIETY = """# Riverside Historical Society

## Membership

The society's members, i.e. those who pay the yearly dues, number approx. 150. Meetings are
held on the first Monday of each month.
"""


def test_a_number_after_abbreviations_is_said_in_their_sentence(
    write_library: Callable[[dict[str, str]], Library],
) -> None:
    library = write_library({"society.md": SOCIETY})
    # The judge cut its sentences at every stop, "i.e." and "approx." too: "150" stood two
    # pieces away from "members", as if said of something else, and the answer was hedged.
    found = library.answer("How many members does the society have?")
    assert "number approx. 150" in found.hits[0].excerpt.plain
    assert found.outcome == "answered"
