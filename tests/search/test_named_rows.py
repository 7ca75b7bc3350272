"""A question about one row of a table names the row's thing ("Meghalaya", "Dhemaji").

The table's other rows and its summary rows hold the question's other words ("normal", "10 July
2016") and won on them: the other rows of a table that writes the name go after the row writing
it; prose, which may name its subject once and go on about it, and other documents stay where
they rank. And a long run of rows holding the name was left out of the re-ranking behind short
passages holding the commoner words ("school", "attend"): the best passage holding the rarest
name asked is re-ranked with the head.

The figures are those of camelot's test files ``rainfall_distribution.pdf`` (the India
Meteorological Department's state-wise rainfall table for the week to 10 July 2016) and
``assam.pdf`` (a census table of school attendance by district), camelot being MIT-licensed, set
out as Markdown; the parents' guide was written for this test."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from retrieval.library import Library

_RAINFALL = (
    "# State-wise rainfall distribution\n\n"
    "Week ending 10 July 2016, from the India Meteorological Department's weekly bulletin.\n\n"
    "## Category-wise distribution of states\n\n"
    "| Category | Day | Period | States |\n|---|---|---|---|\n"
    "| Normal | 10-07-2016 | 01-06-2016 to 10-07-2016 | 3 |\n"
    "| Excess | 10-07-2016 | 01-06-2016 to 10-07-2016 | 12 |\n"
    "| Deficient | 10-07-2016 | 01-06-2016 to 10-07-2016 | 6 |\n"
    "| Scanty | 10-07-2016 | 01-06-2016 to 10-07-2016 | 13 |\n"
    "| No rain | 10-07-2016 | 01-06-2016 to 10-07-2016 | 2 |\n\n"
    "## East and North East India\n\n"
    "| S No | Subdivision | Actual (mm) | Normal (mm) | Departure | Category |\n"
    "|---|---|---|---|---|---|\n"
    "| 1 | Arunachal Pradesh | 11.4 | 18.4 | -38% | D |\n"
    "| 2 | Assam | 17.9 | 17.1 | 4% | N |\n"
    "| 3 | Meghalaya | 7.2 | 37.7 | -81% | S |\n"
    "| 4 | Nagaland | 1.6 | 12.7 | -88% | S |\n"
    "| 5 | Manipur | 20.0 | 14.4 | 39% | E |\n"
    "| 6 | Mizoram | 18.4 | 16.4 | 12% | N |\n"
    "| 7 | Tripura | 8.5 | 15.2 | -44% | D |\n"
    "| 8 | Sikkim | 14.4 | 11.3 | 28% | E |\n"
)


_ASSAM = (
    "# Assam: schooling status by district\n"
    "\n"
    "## Children currently attending school (age 6-17 years) (%)\n"
    "\n"
    "Bongaigaon 87.2 86.4 93.8 85.6 84.6 93.5 89.1 88.4 94.1 Cachar 85.3 84.9 86.8 84.4 84.1 "
    "85.3 86.2 85.7 88.5 Darrang 83.2 82.8 - 81.5 81.0 - 85.1 84.6 - Dhemaji 92.9 92.8 94.1 "
    "92.5 92.4 93.3 93.4 93.3 94.9 Dhubri 87.3 86.9 91.4 84.4 84.0 89.0 90.6 90.2 93.5 "
    "Dibrugarh 85.5 83.9 91.5 86.2 84.7 91.4 84.8 83.0 91.6 Goalpara 88.4 88.1 90.7 86.6 86.2"
    " 90.0 90.3 90.1 91.5 Golaghat 89.7 89.2 94.6 89.5 89.0 94.2 89.8 89.4 95.1 Hailakandi "
    "84.9 84.6 88.9 82.7 82.4 87.6 87.2 86.9 90.3 Jorhat 90.8 90.3 93.6 90.9 90.4 93.5 90.7 "
    "90.2 93.7 Kamrup 89.2 88.3 93.1 88.6 87.7 92.5 89.8 88.9 93.8 Karbi Anglong 86.0 85.4 "
    "92.7 85.9 85.3 92.4 86.1 85.5 93.0 Karimganj 83.5 83.2 87.4 81.9 81.6 86.1 85.2 84.9 "
    "88.8 Kokrajhar 86.6 86.3 92.4 85.7 85.4 91.5 87.5 87.2 93.4\n"
    "\n"
)
_GUIDE = (
    "# A parent's guide to the school year\n"
    "\n"
    "## Attendance\n"
    "\n"
    "Children must attend school every day of the term unless they are ill.\n"
    "\n"
    "## Absences\n"
    "\n"
    "A school records every absence; parents are told when attendance falls below nine days "
    "in ten.\n"
    "\n"
    "## Holidays\n"
    "\n"
    "Families should not book holidays in term time: the school will not approve the absence,"
    " and a child who does not attend may be fined.\n"
    "\n"
    "## Transport\n"
    "\n"
    "The school bus stops at the end of every road in the village; children attend from all "
    "of them.\n"
    "\n"
    "## Meals\n"
    "\n"
    "Lunch is served at noon. Children who attend the breakfast club eat at eight, before "
    "school starts.\n"
    "\n"
    "## Uniform\n"
    "\n"
    "Pupils wear the school uniform on every day they attend, and a tracksuit for games.\n"
    "\n"
    "## Homework\n"
    "\n"
    "Homework is set twice a week and marked by the class teacher.\n"
    "\n"
    "## Reports\n"
    "\n"
    "Reports are sent home at the end of each term with the pupil's marks.\n"
    "\n"
    "## Clubs\n"
    "\n"
    "Chess, drama and football clubs meet after lessons on weekdays.\n"
    "\n"
)


@pytest.fixture(scope="module")
def rainfall(write_library: Callable[[dict[str, str]], Library]) -> Library:
    return write_library({"rainfall.md": _RAINFALL})


def _rows(answer_texts: list[str]) -> list[str]:
    return [text for text in answer_texts if " | " in text]


def test_the_row_naming_the_state_comes_before_the_summary_rows(rainfall: Library) -> None:
    answer = rainfall.answer(
        "How much rain fell in Meghalaya compared with normal in the week to 10 July 2016?", k=5
    )
    rows = _rows([hit.passage.text for hit in answer.hits])
    assert "Subdivision: Meghalaya" in rows[0]


def test_a_long_run_of_rows_naming_the_district_is_re_ranked_and_wins(
    write_library: Callable[[dict[str, str]], Library],
) -> None:
    library = write_library({"assam.md": _ASSAM, "guide.md": _GUIDE})
    answer = library.answer("Dhemaji school attendance", k=10)
    assert "Dhemaji 92.9" in answer.hits[0].passage.text


_HEALTH = (
    "# Health Sector Financing by Centre and States/UTs in India\n\n"
    "Table: 5 Public Health Outlay 2012-13 (Budget Estimates) (Rs. in 000)\n\n"
    "| | | | | | | |\n|---|---|---|---|---|---|---|\n"
    "| Bihar | 21,016,708 | 4,332,141 | 5,329,000 | 0 | 30,677,849 | 32,929,420 |\n"
    "| Gujarat | 36,460,750 | 9,197,910 | 4,118,190 | 0 | 49,776,850 | 62,440,850 |\n"
    "| Kerala | 27,923,965 | 3,985,473 | 929,503 | 0 | 32,838,941 | 33,173,581 |\n"
    "| Meghalaya | 2,894,093 | 342,893 | 705,500 | 5,000 | 3,947,486 | 3,971,614 |\n"
)


def test_the_row_naming_the_state_comes_before_the_tables_caption(
    write_library: Callable[[dict[str, str]], Library],
) -> None:
    # camelot's health.pdf (MIT): the caption holds "public health outlay 2012-13", the row
    # only "Kerala"; the caption alone says nothing of Kerala.
    library = write_library({"health.md": _HEALTH})
    answer = library.answer("What was Kerala's total public health outlay in 2012-13?", k=5)
    assert answer.hits[0].passage.text.startswith("Kerala | 27,923,965")


def test_a_spec_sheet_naming_its_thing_in_prose_keeps_its_rows_in_place(
    write_library: Callable[[dict[str, str]], Library],
) -> None:
    # review19: a product's spec table writes the product's name in no row; its power row was
    # pushed below the prose naming the product, and off the three results shown.
    library = write_library(
        {
            "waveserve.md": "# WaveServe\n\nThe WaveServe is a rack server for small offices.\n\n"
            "Order the WaveServe from your reseller.\n\n## Specifications\n\n"
            "| Item | Value |\n|---|---|\n| Power draw | 350 W typical |\n"
            "| Weight | 12 kg |\n| Height | 2U |\n",
            "other.md": "# Data centres\n\nThe power draw of a data centre is measured in MW.\n",
        }
    )
    first = library.answer("What is the power draw of the WaveServe?", k=3).hits[0]
    assert "350 W" in first.passage.text
