"""A passage sharing one word alone of a question's several, said once and not in its heading,
is no confident answer: it is quoted under the hedge, not as the answer (a company handbook's
"eat your own dog food" for "is there insurance for my dog"). One that heads its section or
that the passage repeats is what the passage is about, and is answered."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from retrieval.library import Library

_GLOSSARY = (
    "# Glossary\n\n"
    "Dogfooding - To eat your own dog food. For our purposes, this means using the things we "
    "build.\n\n"
    "Sprint - Two weeks of work planned together by a team.\n\n"
    "Standup - A short daily meeting where the team says what it works on.\n"
)
_BENEFITS = (
    "# Benefits\n\n"
    "## Health insurance\n\nEveryone is covered by our health insurance from the first day, "
    "with dental and vision plans beside it.\n\n"
    "## Life insurance\n\nThe company pays for life insurance worth twice your salary.\n\n"
    "## Disability insurance\n\nDisability insurance replaces most of your pay while you "
    "cannot work.\n\n"
    "## Professional liability insurance\n\nSupervisors may be reimbursed for half the cost "
    "of professional liability insurance.\n"
)
_OFFICE = (
    "# The Chicago office\n\n"
    "## How do people dress?\n\nFeel free to dress how you like: jeans are fine, and some "
    "folks dress up for meetings with partners.\n\n"
    "## Codes of conduct\n\nWe follow the code of conduct of the agency and the code of "
    "ethics for federal employees.\n\n"
    "## One-on-ones\n\nThis agenda is simple and hits all the goals laid out above.\n"
)
_ENGINEERING = (
    "# Engineering\n\n"
    "## Reviews\n\nEvery change of code is reviewed by a second engineer before it merges.\n\n"
    "## Tests\n\nNew code comes with tests; the build runs them on every push.\n\n"
    "## Licences\n\nThe code we write is public, and we pay for no licence we can avoid.\n\n"
    "## Travel\n\nThe agency will pay for your travel to a conference you speak at.\n"
)


@pytest.fixture(scope="module")
def handbook(write_library: Callable[[dict[str, str]], Library]) -> Library:
    return write_library(
        {
            "glossary.md": _GLOSSARY,
            "benefits.md": _BENEFITS,
            "chicago.md": _OFFICE,
            "engineering.md": _ENGINEERING,
        }
    )


@pytest.mark.parametrize(
    ("question", "quoted"),
    [
        # "dog" is in one passage: it weighs more than "insurance", in every benefits passage.
        ("is there insurance for my dog", "eat your own dog food"),
        ("who pays for my dog", "eat your own dog food"),
    ],
)
def test_one_word_said_in_passing_is_hedged(handbook: Library, question: str, quoted: str) -> None:
    answer = handbook.answer(question)
    assert quoted in answer.hits[0].passage.text  # still the closest passage, shown
    assert answer.outcome == "hedged"


def test_one_word_heading_the_passage_is_answered(handbook: Library) -> None:
    # "dress" alone of "dress code", but under "How do people dress?", said twice: the answer.
    answer = handbook.answer("what's the dress code")
    assert "Feel free to dress how you like" in answer.hits[0].passage.text
    assert answer.outcome == "answered"


def test_a_follow_up_sharing_one_word_is_not_hedged_for_it(handbook: Library) -> None:
    # A follow-up's own words are few, and its subject is the conversation's.
    answer = handbook.answer("and how much is it worth?", context="what about life insurance")
    assert "life insurance worth twice" in answer.hits[0].passage.text
    assert answer.outcome == "answered"
