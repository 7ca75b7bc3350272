"""A question about one row of a table names the row's thing ("Meghalaya"); the table's other
rows and its summary rows hold the question's other words ("normal", "10 July 2016") and won
on them. The other rows of a table that writes the name go after the row writing it; prose, which
may name its subject once and go on about it, and other documents stay where they rank.

The figures are those of camelot's test file ``rainfall_distribution.pdf`` (the India
Meteorological Department's state-wise rainfall table for the week to 10 July 2016; camelot is
MIT-licensed), set out as a Markdown table."""

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
