"""A question of one or two everyday words that the passages use only in passing is declined;
one that a passage is about (it heads it, opens a sentence with it, repeats it) is answered."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from retrieval.library import Library

_GARDEN = (
    "# Garden notes\n\n"
    "## Watering\n\nMost of the time seedlings want water in the morning, so the leaves dry "
    "before evening and mildew has no chance.\n\n"
    "## Pests\n\nAphids gather under the leaves; a strong spray of water knocks most of them "
    "off, though some gardeners would love a ladybird or two instead.\n\n"
    "## Mulch\n\nMulch keeps the soil moist through a dry summer and smothers weeds.\n\n"
    "## Beds\n\nRaised beds drain well after heavy rain and warm up in time for spring; "
    "children love them.\n\n"
    "## Frost\n\nCover young plants with fleece on nights when frost is forecast; a cloche "
    "is a bell of glass set over a single plant.\n\n"
    "## Soil\n\nDig in a bucket of compost from the heap behind the shed every autumn, at the "
    "same time as the leaves fall; worms love it.\n\n"
    "## Suppliers\n\nMost garden centres order their seed from Bramble, a wholesaler in Kent, "
    "and their bulbs with swalecliffe, a catalogue printed twice a year.\n"
)


@pytest.fixture(scope="module")
def garden(write_library: Callable[[dict[str, str]], Library]) -> Library:
    return write_library({"garden.md": _GARDEN})


@pytest.mark.parametrize("question", ["What time is it?", "What is love?"])
def test_a_word_the_notes_use_in_passing_is_declined(garden: Library, question: str) -> None:
    # "time" and "love" recur in three passages, each once, in the middle of a sentence about
    # something else: the best covers the question's whole weight and answers nothing.
    answer = garden.answer(question)
    assert answer.outcome == "declined"
    assert not answer.answered


@pytest.mark.parametrize("query", ["time", "love", "Love"])
def test_a_word_typed_alone_is_a_search_for_it_not_small_talk(garden: Library, query: str) -> None:
    # A topic typed into the box alone (NFCorpus's queries: "coma", "veal") asks for the
    # passages naming it, however in passing: shown, not declined as "What time is it?" is.
    answer = garden.answer(query)
    assert answer.outcome != "declined"
    assert query.lower() in answer.hits[0].passage.text.lower()


def test_a_word_one_passage_holds_in_passing_is_still_answered(garden: Library) -> None:
    # "ladybird" is in one passage only: the notes' own word, however it is said ("What about
    # piracy?" against the one passage on escorting ships against piracy was declined).
    assert garden.answer("What about ladybirds?").outcome != "declined"


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("What is mulch?", "Mulch keeps the soil moist"),  # heads its section, opens a sentence
        ("What is a cloche?", "a cloche is a bell of glass"),  # opens a clause after ";"
        ("What is Bramble?", "from Bramble, a wholesaler"),  # a name: written with a capital
        ("What is swalecliffe?", "with swalecliffe, a catalogue"),  # in no dictionary
    ],
)
def test_a_word_a_passage_is_about_is_answered(
    garden: Library, question: str, expected: str
) -> None:
    answer = garden.answer(question)
    assert answer.outcome == "answered"
    assert expected in answer.hits[0].passage.text


def test_a_follow_up_is_not_declined_for_words_in_passing(garden: Library) -> None:
    # After a question on watering, "and in the morning?" names the subject by its context.
    answer = garden.answer("and what about the evening?", context="How do I water seedlings?")
    assert answer.outcome != "declined"


# Everyday questions (time, weather, jokes, greetings, life, recipes, sports) that were declined
# on every one of six dev corpora (the shipped one, sqlite-dev's, debian-dev's, docs-dev's,
# docs-dev3's and legal-dev's; 2026-12-04): the shipped corpus stands for all of them here.
# Others of the thirty asked ("What time is it?", "Hello, how are you?") were answered from
# some corpus whose passages are about that word (SQLite's time functions, Debian's "hello"
# package) and are not listed.
_EVERYDAY = [
    "tell me a joke",
    "What is love?",
    "Will it rain tomorrow?",
    "Good morning!",
    "How do I bake sourdough bread?",
    "What is the tallest mountain in the world?",
    "How long should I boil an egg?",
    "What should I cook for dinner tonight?",
    "Where can I buy cheap shoes?",
    "Is it going to snow this weekend?",
    "What's the score of the basketball game?",
    "Can you sing me a song?",
    "How many calories are in a banana?",
    "How do I make a cup of tea?",
]


@pytest.mark.parametrize("question", _EVERYDAY)
def test_everyday_questions_are_declined(shipped_library: Library, question: str) -> None:
    assert shipped_library.answer(question).outcome == "declined"


def test_what_time_is_it_is_declined_by_a_corpus_using_time_in_passing(
    shipped_library: Library,
) -> None:
    # "in times of difficulty", under "The Call of the Times": the heading does not open
    # with the word, so no passage of the shipped documents is about time (it was answered
    # at confidence 1.0).
    answer = shipped_library.answer("What time is it?")
    assert answer.outcome == "declined"


_MEETINGS = (
    "# Meetings\n\n"
    "## Interpreters\n\nWhen you are asking a colleague to repeat something, be patient. "
    "Asking them to read a document while an interpreter speaks is hard. On video calls, use "
    "the hand raise feature.\n\n"
    "## Problems\n\nIf a problem comes up in a sprint, please raise it with your lead.\n\n"
    "## Charity\n\nEach winter volunteers help the team raise money for a local shelter.\n\n"
    "## Kitchen\n\nYour buddy will show you where the kitchen is, if you ask.\n\n"
    "## Badges\n\nYou can ask the help desk for a new badge at any time.\n\n"
    "## Channels\n\nFeel free to ask questions in the team channel.\n\n"
    "## Leave\n\nAsk your supervisor before you book a holiday.\n"
)
_HANDS = "# Rooms\n\nRaise your hand in a meeting room to take the floor.\n"


def test_a_main_word_said_once_beside_a_repeated_other_word_is_in_passing(
    write_library: Callable[[dict[str, str]], Library],
) -> None:
    # "how do I ask for a raise": the closest passage repeats "asking" (it is about asking
    # colleagues) and says "raise", the question's rarer word, once ("the hand raise feature"),
    # with no passage among the first opening with it. It was answered at confidence 1.0.
    library = write_library({"meetings.md": _MEETINGS})
    assert library.answer("how do I ask for a raise").outcome == "declined"
    # With a passage opening with the main word among the first, the documents are about it.
    library = write_library({"meetings.md": _MEETINGS, "rooms.md": _HANDS})
    assert library.answer("how do I ask for a raise").outcome != "declined"
