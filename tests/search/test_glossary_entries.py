"""A definition question gets a glossary's entry headed by its term, and is answered, not
hedged, by a passage saying what the term is."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from retrieval.library import Library
from retrieval.search.definitions import headed_by

# A long paper that names platform teams in every paragraph, and a glossary whose entry for the
# term is headed by it alone and does not repeat it, as a working group's glossary writes it.
_PAPER_PARAGRAPHS = [
    "A platform team doesn't necessarily run compute, network or storage services itself.",
    "Platform teams are responsible for the interfaces to platform capabilities.",
    "It is important to focus the platform team's energy on what is unique to the business.",
    "A few platform teams can serve many product teams, so platform team work is shared.",
    "Most importantly, platform teams must learn what platform users need from the platform.",
    "Platform teams must choose their priorities and investments carefully.",
    "Platform teams must treat their platforms like products and measure their adoption.",
    "Platform teams must seek the support of leadership for the platform team budget.",
    "Following are jobs a platform team should be responsible for: research and roadmaps.",
    "A platform team publishes templates; every platform team documents its platform.",
    "When platform teams grow, the platform team splits by capability of the platform.",
    "The platform team reviews each platform request before a platform team member acts.",
    "Measure how product teams rate the platform team and the platform each quarter.",
    "Platform engineering is the practice of planning and providing computing platforms to"
    " developers and users.",
    "Mean time to recovery tells how quickly a platform team restores a failed service.",
    "Platform users count on the platform team; every platform user counts the platform's outages.",
]
_PAPER = "# Platforms white paper\n\n## Attributes of platform teams\n\n" + "\n\n".join(
    _PAPER_PARAGRAPHS
)
_GLOSSARY = (
    "# Glossary\n\n"
    "## Platform\n\nA collection of capabilities, documentation and tools that support"
    " developing, deploying and operating applications.\n\n"
    "## Platform team\n\nThe people responsible for building and managing the platform."
    " Platform team members include platform engineers, who build the tools and capabilities"
    " that make up the platform experience. A platform team may also include product managers"
    " for the platform, who learn what its users need and plan its roadmap with them. As the"
    " platform grows, operators, testers, designers and technical writers may join.\n\n"
    "## Platform users\n\nThe people who directly use capabilities of the platform: app"
    " developers, operators and data scientists who run software on it.\n\n"
    "## Portal\n\nA web interface giving access to the platform's tools and services.\n"
)


@pytest.fixture(scope="module")
def platforms(write_library: Callable[[dict[str, str]], Library]) -> Library:
    return write_library({"paper.md": _PAPER, "glossary.md": _GLOSSARY})


def test_what_is_it_quotes_the_glossary_entry_headed_by_the_term(platforms: Library) -> None:
    best = platforms.answer("what is a platform team?").hits[0]
    assert best.passage.section == "Platform team"
    # quoted from its definition, not from the sentence after it repeating the term
    assert best.excerpt.plain.startswith("The people responsible")


def test_what_does_it_mean_is_answered_by_the_sentence_saying_what_it_is(
    platforms: Library,
) -> None:
    # "mean" weighs much of the question and the definition does not repeat it.
    answer = platforms.answer("what does platform engineering mean")
    assert answer.hits[0].passage.text.startswith("Platform engineering is the practice")
    assert answer.outcome == "answered"


def test_who_counts_as_it_is_answered_by_the_entry_headed_by_it(platforms: Library) -> None:
    # "counts" weighs much of the question; the entry, headed by the term, never says it.
    answer = platforms.answer("who counts as a platform user?")
    assert answer.hits[0].passage.section == "Platform users"
    assert answer.outcome == "answered"


@pytest.mark.parametrize(
    ("heading", "thing", "headed"),
    [
        ("Platform team", "platform team", True),
        ("Platform users", "platform user", True),
        ("Thinnest Viable Platform (TVP)", "thinnest viable platform", True),
        ("3. Cognitive load", "cognitive load", True),
        ("Attributes of platform teams", "platform team", False),
        ("Platform", "platform team", False),
    ],
)
def test_a_heading_that_is_the_term_alone(heading: str, thing: str, headed: bool) -> None:
    assert headed_by(heading, thing) is headed
