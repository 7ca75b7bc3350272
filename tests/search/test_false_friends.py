"""An English word is not read as the French word it happens to spell ("pain" is bread, "four"
an oven, "chair" flesh) in a corpus mostly in English with a page or two in French: the question
is searched, and judged, on its English words alone."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from retrieval.library import Library
from retrieval.search.query import reading_languages

_BREAD = "Le pain de campagne est cuit au four à bois chaque matin avant six heures."
_MEAT = "La chair du poisson reste ferme et blanche après la cuisson."


@pytest.fixture(scope="module")
def guides(write_library: Callable[[dict[str, str]], Library]) -> Library:
    """Two English guides and one French page on bread and fish."""
    return write_library(
        {
            "en1.md": (
                "# Server guide\n\n## Backups\n\n"
                "Run the backup script every night so the database can be restored after a "
                "disk failure.\n\n## Logs\n\n"
                "The server writes its logs to /var/log/app and rotates them weekly.\n\n"
                "## Users\n\n"
                "New users are created with the adduser command and added to the staff group.\n"
            ),
            "en2.md": (
                "# Network guide\n\n## Firewall\n\n"
                "The firewall blocks every incoming port except ssh and https.\n\n## DNS\n\n"
                "The resolver caches answers for five minutes before it asks the upstream "
                "server again.\n"
            ),
            "fr.md": f"# Le marché\n\n## Le pain\n\n{_BREAD}\n\n## Le poisson\n\n{_MEAT}\n",
        }
    )


@pytest.mark.parametrize(
    "question",
    [
        "How do I treat the pain in my back?",
        "Where does the four stand?",
        "How do I adjust the chair of the server room?",
    ],
)
def test_an_english_word_is_no_french_false_friend(guides: Library, question: str) -> None:
    answer = guides.answer(question)
    assert not any(term.startswith("fr:") for term in answer.terms)
    quoted = [hit.passage.text for hit in answer.hits] if answer.answered else []
    assert _BREAD not in quoted[:1] and _MEAT not in quoted[:1]


def test_the_bread_question_about_a_back_is_declined(guides: Library) -> None:
    assert guides.answer("How do I treat the pain in my back?").outcome == "declined"


def test_english_words_are_read_in_languages_holding_a_real_share() -> None:
    # A few French pages in an English corpus: none. A corpus of five languages: those English
    # does not outnumber (the Russian passages are fewer than the English ones).
    assert reading_languages({"en": 15, "fr": 2}) == frozenset()
    assert reading_languages({"en": 60, "fr": 40}) == {"fr"}
    mixed = {"zh": 381, "es": 306, "fr": 194, "en": 180, "ru": 157}
    assert reading_languages(mixed) == {"zh", "es", "fr"}
    assert reading_languages({"fr": 10}) == {"fr"}
