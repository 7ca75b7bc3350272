"""Follow-ups that move through a document: "and the next article?" after "what does article 97
say?" asks for article 98 of the same document, in every language the bot speaks, and "and
article 7?" after a question naming article 6 of a treaty asks for that treaty's article 7."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from retrieval.library import Library
from retrieval.search.divisions import names_a_division, renumbered
from retrieval.search.followups import Conversation, is_follow_up, moved_to, step
from tests.charters import CHARTER_FR, CHARTER_ZH

COVENANT = """# International Covenant on Civil and Political Rights

## Article 6

Every human being has the inherent right to life. This right shall be protected by law.

## Article 7

No one shall be subjected to torture or to cruel, inhuman or degrading treatment.
"""
OTHER_COVENANT = """# International Covenant on Economic, Social and Cultural Rights

## Article 6

The States Parties recognize the right to work, which includes the right of everyone to gain
his living by work.

## Article 7

The States Parties to the present Covenant recognize the right of everyone to the enjoyment of
just and favourable conditions of work, which ensure, in particular:

(a) Remuneration which provides all workers with fair wages and equal remuneration for work of
equal value, and a decent living for themselves and their families in accordance with the
provisions of the present Covenant;

(b) Safe and healthy working conditions, and equal opportunity for everyone to be promoted in
his employment, subject to no considerations other than those of seniority and competence;

(c) Rest, leisure and reasonable limitation of working hours and periodic holidays with pay, as
well as remuneration for public holidays, rights recognized in the present Covenant.
"""

# A text without numbered divisions: "the next one" is the paragraph after the one quoted.
SOCIETY = """The Lantern Society

The society was founded in 1891 by a group of lighthouse keepers on the northern coast.

Its first president, Margaret Hale, kept the minutes in a ledger that survives today.

Meetings moved to the old customs house in 1904, after the harbour office burned down.

The society now runs a small museum of lamps, lenses and logbooks.
"""

# A longer one: "what comes next?" again and again walks on through it.
BEACONS = "Harbour beacons\n\n" + "\n\n".join(
    f"In {1900 + n} the harbour keepers lit beacon number {n} on the breakwater."
    for n in range(1, 10)
)


@pytest.fixture(scope="module")
def library(write_library: Callable[[dict[str, str]], Library]) -> Library:
    return write_library(
        {
            "charter_fr.txt": CHARTER_FR,
            "charter_zh.txt": CHARTER_ZH,
            "iccpr.md": COVENANT,
            "icescr.md": OTHER_COVENANT,
            "society.txt": SOCIETY,
            "beacons.txt": BEACONS,
        }
    )


@pytest.mark.parametrize(
    ("question", "moving"),
    [
        ("and the next article?", (1, "article")),
        ("what does the next article say?", (1, "article")),
        ("et l'article suivant ?", (1, "article")),
        ("¿y el siguiente?", (1, None)),
        ("а что дальше?", (1, None)),
        ("а следующая статья?", (1, "article")),
        ("下一条呢？", (1, "article")),
        ("and the previous one?", (-1, None)),
        ("l'article précédent ?", (-1, "article")),
        ("¿y el anterior?", (-1, None)),
        ("предыдущая статья?", (-1, "article")),
        ("上一条", (-1, "article")),
        ("the next chapter", (1, "chapter")),
        ("and the next paragraph?", (1, None)),
        ("show me the next article", (1, "article")),
        ("the article after that?", (1, "article")),
        ("下一条讲的是什么？", (1, "article")),
        ("下一条规定了什么内容？", (1, "article")),
        # Questions of their own that say "next"
        ("What are the next steps?", None),
        ("What happens next?", None),
        ("next year?", None),
        # A time, a list, more than one division: no step
        ("а в прошлом?", None),
        ("а в прошлый раз?", None),
        ("la prochaine fois ?", None),
        ("which of the following?", None),
        ("the next 3 articles?", None),
        ("and after that?", None),
    ],
)
def test_a_step_to_the_next_or_previous_division_is_read_in_each_language(
    question: str, moving: tuple[int, str | None] | None
) -> None:
    assert step(question) == moving
    if moving is not None:
        assert is_follow_up(question)


@pytest.mark.parametrize(
    ("question", "earlier", "meant"),
    [
        ("et l'article suivant ?", "Que dit l'article 97 ?", "Que dit l'article 98 ?"),
        ("¿y el siguiente?", "¿Qué dice el artículo 51?", "¿Qué dice el artículo 52?"),
        ("下一条呢？", "第五条讲什么？", "第六条讲什么？"),
        ("上一条呢？", "第一百零一条讲什么？", "第一百条讲什么？"),
        ("а что дальше?", "Что говорит статья 5?", "Что говорит статья 6?"),
        ("and the previous one?", "What does Chapter IV say?", "What does Chapter III say?"),
        (
            "and article 7?",
            "What does article 6 of the Covenant on Civil and Political Rights say?",
            "What does article 7 of the Covenant on Civil and Political Rights say?",
        ),
        ("第七条呢？", "第五条讲什么？", "第七条讲什么？"),
        # Not a step: a question of its own, another kind, or nothing before it to step from
        ("what about article 7 of the other covenant?", "What does article 6 say?", None),
        ("and the next chapter?", "Que dit l'article 97 ?", None),
        ("and the next one?", "Who appoints the Secretary-General?", None),
        ("and the previous one?", "What does article 1 say?", None),
        # An ordinal before its label: the label then the number ("le 3 article" names none)
        ("et le suivant ?", "Que dit le deuxième article ?", "Que dit l'article 3 ?"),
        ("¿y el siguiente?", "¿Qué dice el primer capítulo?", "¿Qué dice el capítulo 2?"),
        # Only French elides its article ("l'enmienda" was written for Spanish)
        ("¿y la siguiente?", "¿Qué dice la primera enmienda?", "¿Qué dice la enmienda 2?"),
        ("а следующая?", "Что говорит вторая статья?", "Что говорит статья 3?"),
        # A list of articles: no one of them to step from (it read "articles 4 and 4")
        ("and the next article?", "What do articles 3 and 4 say?", None),
        # A year is no article's number
        ("what about 1950?", "What does Article 5 of the European Convention say?", None),
        ("1950?", "What does Article 5 of the European Convention say?", None),
    ],
)  # fmt: skip
def test_a_step_asks_the_earlier_question_of_the_division_it_moves_to(
    question: str, earlier: str, meant: str | None
) -> None:
    assert moved_to(question, [earlier]) == meant


def test_a_step_after_a_question_naming_no_division_is_from_the_passage_it_quoted() -> None:
    # Not article 6 of the question two before: the library steps from the answer just quoted.
    history = ["What does Article 5 of the Charter say?", "and who appoints the Secretary-General?"]
    assert moved_to("and the next article?", history) is None
    assert moved_to("and article 7?", history) == "What does Article 7 of the Charter say?"


def test_next_and_next_again_go_on_through_the_document() -> None:
    # The conversation remembers each step as the question it stands for: three "next" in a
    # row are three articles on, however few questions it keeps.
    conversation = Conversation(("Que dit l'article 96 ?",), 0.0)
    for said in ("et l'article suivant ?", "et le suivant ?", "et l'article suivant ?"):
        context = conversation.context_for(said, 1.0)
        assert context is not None
        conversation = conversation.after(said, context, 1.0)
    assert conversation.history[-1] == "Que dit l'article 99 ?"


@pytest.mark.parametrize(
    ("earlier", "follow_up", "section", "words"),
    [
        ("Que dit l'article 97 ?", "et l'article suivant ?", "Article 98", "toutes les réunions"),
        ("Que dit l'article 97 ?", "et le précédent ?", "Article 96", "avis consultatif"),
        ("第五条讲什么？", "下一条呢？", "第六条", "除名"),
    ],
)
def test_the_next_article_is_quoted_not_a_passage_with_the_words(
    library: Library, earlier: str, follow_up: str, section: str, words: str
) -> None:
    # "suivants" in Article 2 and "一条" inside 第八十一条 matched the follow-up's words.
    answer = library.answer(follow_up, context=earlier)
    assert answer.hits[0].passage.section == section
    assert words in answer.hits[0].passage.text


def test_another_article_of_the_treaty_asked_about_is_that_treatys(library: Library) -> None:
    # "and article 7?" found the other covenant's Article 7 (conditions of work).
    earlier = "What does article 6 of the Covenant on Civil and Political Rights say?"
    answer = library.answer("and article 7?", context=earlier)
    assert answer.hits[0].passage.doc == "iccpr.md"
    assert "torture" in answer.hits[0].passage.text


def test_a_number_alone_picks_a_result_where_words_name_a_division() -> None:
    earlier = "Что говорит статья 5? а что дальше?"
    assert not names_a_division("2", earlier)
    assert names_a_division("а статья 2?", earlier)
    assert names_a_division("and the second?", "What does Chapter I say?")


def test_a_division_renumbered_keeps_how_its_number_was_written() -> None:
    third = renumbered("What does the Second Amendment say?", 3)
    assert third == "What does the 3rd Amendment say?"
    assert renumbered("第九十九条", 100) == "第一百条"
    assert renumbered("Article 1", 0) is None


def test_the_next_article_after_an_answer_is_the_one_after_the_article_quoted(
    library: Library,
) -> None:
    # The question named no article: its answer's article is where the reader is.
    answer = library.answer("and the previous article?", context="Is torture forbidden?")
    assert answer.hits[0].passage.doc == "iccpr.md"
    assert answer.hits[0].passage.section == "Article 6"


def test_without_numbers_the_next_one_is_the_passage_after_the_one_quoted(
    library: Library,
) -> None:
    asked = "When was the lantern society founded?"
    assert "1891" in library.answer(asked).hits[0].passage.text
    after = library.answer("and the next one?", context=asked).hits[0].passage.text
    assert "Margaret Hale" in after
    # And on from there, one step a question, as the chat remembers them.
    further = library.answer("and the next one?", context=[asked, "and the next one?"])
    assert "customs house" in further.hits[0].passage.text
    back = library.answer("and the previous one?", context=[asked, "and the next one?"])
    assert "1891" in back.hits[0].passage.text


def test_steps_without_numbers_go_on_past_the_few_questions_a_conversation_keeps(
    library: Library,
) -> None:
    # From the fourth "what comes next?" on, the same passage was quoted: the middle steps
    # were dropped from the conversation, and the place they reached with them.
    conversation = Conversation()
    quoted = []
    for now, said in enumerate(["When was beacon number 1 lit?"] + ["what comes next?"] * 6):
        context = conversation.context_for(said, float(now))
        quoted.append(library.answer(said, context=context, k=1).hits[0].passage.text[3:7])
        conversation = conversation.after(said, context, float(now))
    assert quoted == [str(year) for year in range(1901, 1908)]


def test_a_step_past_the_end_leaves_the_reader_where_they_were(library: Library) -> None:
    # review18: after "next" past the last beacon was declined, the next "next" went on from
    # the passage shown as closest, and was answered from there.
    conversation = Conversation()
    said_and_done = []
    steps = ["When was beacon number 8 lit?", *["what comes next?"] * 3, "and the previous one?"]
    for now, said in enumerate(steps):
        context = conversation.context_for(said, float(now))
        answer = library.answer(said, context=context, k=1)
        said_and_done.append((answer.outcome, answer.hits[0].passage.text[3:7]))
        conversation = conversation.after(said, context, float(now))
    assert [outcome for outcome, _ in said_and_done[2:4]] == ["declined", "declined"]
    assert said_and_done[1] == ("answered", "1909") and said_and_done[4][1] == "1908"
