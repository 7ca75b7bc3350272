"""A question naming a numbered article, chapter, section or amendment gets the passages under
that heading first, its number read however it is written."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from retrieval.library import Library
from retrieval.search.divisions import following, heads, named

LEGAL_DEV = Path(__file__).parents[2] / "data" / "eval" / "corpora" / "legal-dev"


@pytest.mark.parametrize(
    ("text", "division"),
    [
        ("what does article 35 say?", ("article", 35)),
        ("Что говорит статья 22 Конституции?", ("article", 22)),
        ("第三十七条规定了什么", ("article", 37)),
        ("第一百零五条", ("article", 105)),
        ("¿Qué dice el artículo 14?", ("article", 14)),
        ("¿qué dice el art. 18?", ("article", 18)),
        ("что говорится в статье 5?", ("article", 5)),
        ("что сказано в ст. 6?", ("article", 6)),
        ("Que dit l'article 89 ?", ("article", 89)),
        ("What does the Second Amendment protect?", ("amendment", 2)),
        ("the 21st amendment", ("amendment", 21)),
        ("AMENDMENT XIV", ("amendment", 14)),
        ("Chapter iv", ("chapter", 4)),
        ("TÍTULO VIII", ("title", 8)),
        # numbers written as words, as headings and readers write them
        ("CAPÍTULO SEGUNDO", ("chapter", 2)),
        ("¿Qué dice el primer capítulo?", ("chapter", 1)),
        ("Titre premier - DE LA SOUVERAINETÉ", ("title", 1)),
        ("ARTICLE PREMIER", ("article", 1)),
        ("Article 1er", ("article", 1)),
        ("Sección 1.ª", ("section", 1)),
        ("And chapter three?", ("chapter", 3)),
        ("Что сказано в третьей главе?", ("chapter", 3)),
        ("глава первая", ("chapter", 1)),
    ],
)
def test_a_division_is_read_with_its_number_however_written(
    text: str, division: tuple[str, int]
) -> None:
    assert named(text) == division


@pytest.mark.parametrize(
    "text",
    [
        "how do I set a timeout?",
        "the civil part",
        "articles of clothing",
        "I need help",
        "one chapter of the book",  # a count, not chapter one
        "What part one plays in the economy",  # a cardinal inside a sentence
        "Quel article un citoyen peut-il invoquer ?",
        "a chapter one could skip",
        "что сказано в статье Третьякова",  # no ordinal: a name
    ],
)
def test_text_naming_no_numbered_division_names_none(text: str) -> None:
    assert named(text) is None


def test_a_heading_is_the_division_only_when_it_opens_with_its_name() -> None:
    assert heads("Article 5. Freedom of expression", ("article", 5))
    assert heads("PART TWO THE WAR", ("part", 2))  # a heading's cardinal stands anywhere
    assert heads("AMENDMENT II", ("amendment", 2))
    assert not heads("Notes on article 5", ("article", 5))
    assert not heads("Article 15", ("article", 5))


@given(st.integers(min_value=1, max_value=399))
def test_roman_and_arabic_numbers_name_the_same_article(number: int) -> None:
    numerals = [(100, "C"), (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX")]
    numerals += [(5, "V"), (4, "IV"), (1, "I")]
    roman, left = "", number
    for value, letters in numerals:
        while left >= value:
            roman, left = roman + letters, left - value
    assert named(f"Article {roman}") == named(f"article {number}") == ("article", number)


@pytest.fixture(scope="module")
def charter(write_library: Callable[[dict[str, str]], Library]) -> Library:
    articles = [
        "Everyone has the right to take part in the government of the country, as article 36"
        " and article 36's limits allow.",
        "Everyone has the right to freedom of peaceful assembly.",
        "Everyone has the right to education, as set out in articles 2 and 35.",
    ]
    body = "\n\n".join(f"## Article {n}\n\n{text}" for n, text in enumerate(articles, 34))
    return write_library({"charter.md": f"# A charter\n\n{body}\n"})


def test_what_an_article_says_is_the_passage_under_its_heading(charter: Library) -> None:
    # The third article cites "35" in its text; the 35th holds it in its heading only.
    answer = charter.answer("What does article 35 say?")
    assert answer.hits[0].passage.section == "Article 35"
    assert "peaceful assembly" in answer.hits[0].passage.text


def test_an_article_of_a_law_the_documents_lack_is_not_answered_for_sure(
    charter: Library,
) -> None:
    # "article 35 of the ZK": the charter's article 35 stands under its heading, but the code
    # named by its short name is in no document; the heading counted for the whole question
    # and it was hedged at 0.72, not declined (Russians write "ст. 105 УК": it was answered
    # from the Constitution). Another word no document holds is no code: "explain" is answered.
    assert charter.answer("What does article 35 say?").outcome == "answered"
    assert charter.answer("article 35 of the ZK").outcome == "declined"
    assert charter.answer("article 35 of the zk").outcome != "answered"  # typed in lower case
    assert charter.answer("explain article 35").outcome == "answered"


def test_an_article_asked_for_alone_is_quoted_from_its_first_paragraph_not_a_later_one(
    write_library: Callable[[dict[str, str]], Library],
) -> None:
    # One later paragraph among the best ("Ils contribuent … de l'article 1er …", which holds
    # the word "article") was quoted for "article 4" before the article's first: 11 of the
    # French Constitution's 80 articles so, beside four other constitutions.
    library = write_library(
        {path.name: path.read_text(encoding="utf-8") for path in sorted(LEGAL_DEV.glob("*/*.*"))}
    )
    for number, opening in [(4, "Les partis et groupements"), (20, "Le Gouvernement détermine")]:
        assert library.answer(f"article {number}").hits[0].passage.text.startswith(opening)


def test_a_question_asking_only_for_an_article_is_answered_by_it(
    write_library: Callable[[dict[str, str]], Library],
) -> None:
    # "artículo" stands in the headings only, the number in texts too: the heading must be read
    # in the passage's language (it was read as English, so the passage seemed to lack the
    # question's key word, and the answer was hedged).
    articles = {
        46: "Los poderes públicos garantizarán la conservación del patrimonio histórico.",
        47: "Todos los españoles tienen derecho a disfrutar de una vivienda digna y adecuada.",
        48: "Los poderes públicos promoverán la participación de la juventud.",
    }
    preamble = "\n\n".join(
        f"La ley {n} de 2003 regula {topic}."
        for n, topic in [(47, "los puertos"), (47, "las costas"), (12, "los montes")]
    )
    body = "\n\n".join(f"## Artículo {n}\n\n{text}" for n, text in articles.items())
    english = "\n\n".join(f"## Section {n}\n\nThe Congress shall lay taxes." for n in range(1, 9))
    library = write_library(
        {
            "constitucion.md": f"# Constitución\n\n{preamble}\n\n{body}\n",
            "us.md": f"# Constitution\n\n{english}\n",
        }
    )
    answer = library.answer("¿Qué dice el artículo 47?")
    assert answer.hits[0].passage.section == "Artículo 47"
    assert answer.outcome == "answered"


@pytest.mark.parametrize(
    ("follow_up", "earlier", "division"),
    [
        ("And the Fourth?", "What does the Third Amendment say?", ("amendment", 4)),
        ("and 44?", "Что говорится в статье 43?", ("article", 44)),
        ("and the 21st?", "What does the 20th amendment say?", ("amendment", 21)),
        ("And the Fourth?", "what is sed?", None),
        ("¿Y el segundo?", "¿Qué dice el capítulo primero?", ("chapter", 2)),
        ("etc", "What does article 5 say?", None),  # "et" and C (100)
    ],
)
def test_a_follow_up_naming_a_number_alone_names_the_earlier_kind(
    follow_up: str, earlier: str, division: tuple[str, int] | None
) -> None:
    assert following(follow_up, earlier) == division


def test_a_chapter_asked_by_its_number_in_words_is_the_one_headed_so(
    write_library: Callable[[dict[str, str]], Library],
) -> None:
    # Spain's constitution heads its chapters "CAPÍTULO PRIMERO", "CAPÍTULO SEGUNDO"; the
    # first chapter's text cites "el capítulo segundo", which the question's words match best.
    chapters = {
        "PRIMERO": "Los españoles son iguales ante la ley, como dice el capítulo segundo.",
        "SEGUNDO": "Se reconoce el derecho de reunión pacífica y sin armas.",
        "TERCERO": "Los poderes públicos aseguran la protección social de la familia.",
    }
    body = "\n\n".join(f"## CAPÍTULO {n}\n\n{text}" for n, text in chapters.items())
    library = write_library({"constitucion.md": f"# Constitución\n\n{body}\n"})
    answer = library.answer("¿Qué dice el capítulo segundo?")
    assert answer.hits[0].passage.section == "CAPÍTULO SEGUNDO"
    assert "reunión pacífica" in answer.hits[0].passage.text


def test_an_article_far_down_the_ranking_is_found_under_its_heading(
    write_library: Callable[[dict[str, str]], Library],
) -> None:
    # Sixty articles cite "article 7 of this Constitution" in the question's words; the
    # seventh itself says none of them, and stood below the fifty best.
    citing = "\n\n".join(
        f"## Article {n}\n\nAs article 7 of this Constitution provides, the council number {n}"
        " meets yearly."
        for n in range(10, 70)
    )
    english = f"# Constitution\n\n## Article 7\n\nEveryone may leave any country.\n\n{citing}\n"
    spanish = "# Constitución\n\n## Artículo 7\n\nLos sindicatos contribuyen a la defensa.\n"
    library = write_library({"constitution.md": english, "constitucion.md": spanish})
    answer = library.answer("What does article 7 of this Constitution provide?")
    assert answer.hits[0].passage.section == "Article 7"  # not Spain's, in another language
    assert "leave any country" in answer.hits[0].passage.text


def test_a_division_is_looked_for_only_in_the_document_asked_about(
    write_library: Callable[[dict[str, str]], Library],
) -> None:
    # The inflation note has no Part 2; the garden's Part 2 shares no word with the question.
    library = write_library({
        "inflation.md": "# Inflation framework\n\nThe inflation framework sets a target of two"
        " percent.\n\nThe framework is reviewed every five years.\n",
        "garden.md": "# Garden\n\n## Part 1\n\nDig the beds.\n\n## Part 2\n\nRoses are"
        " pruned in late winter.\n",
    })  # fmt: skip
    answer = library.answer("What is the second part of the inflation framework?")
    assert answer.hits[0].passage.doc == "inflation.md"


def test_and_the_next_article_follows_up_with_its_passage(charter: Library) -> None:
    answer = charter.answer("and 36?", context=["What does article 35 say?"])
    assert answer.hits[0].passage.section == "Article 36"


def test_an_article_asked_for_alone_is_quoted_from_its_first_paragraph(
    write_library: Callable[[dict[str, str]], Library],
) -> None:
    # The third paragraph writes "article" in its text and outranks the first, which opens
    # what the article says; a question with words of its own keeps the ranking's order.
    body = (
        "## Article 89\n\nThe initiative of revision belongs to the President and to members"
        " of Parliament.\n\nA revision is adopted by referendum.\n\nThis article does not"
        " apply while the territory is occupied.\n\n## Article 90\n\nThe Senate meets in"
        " ordinary session.\n"
    )
    library = write_library({"constitution.md": f"# Constitution\n\n{body}"})
    answer = library.answer("What does article 89 say?", k=3)
    assert [h.passage.text.split()[1] for h in answer.hits] == ["initiative", "revision", "article"]
    asked = library.answer("When does article 89 not apply?")
    assert "occupied" in asked.hits[0].passage.text


@pytest.fixture(scope="module")
def constitution(write_library: Callable[[dict[str, str]], Library]) -> Library:
    # Sixty articles cite parts 5 and 6 of another article in the question's words ("статьи",
    # "5"); Статья 5 and Статья 6 hold the number in their headings only and stood below the
    # fifty best. A French licence's "Article 6" stood among them.
    citing = "\n\n".join(
        f"## Статья {n}\n\n5. В случае, предусмотренном частями 5 и 6 статьи 111, совет номер {n}"
        " собирается ежегодно."
        for n in range(10, 70)
    )
    russian = (
        "# Конституция\n\n## Статья 5\n\n1. Российская Федерация состоит из республик, краев и"
        " областей.\n\n## Статья 6\n\n1. Гражданство Российской Федерации приобретается и"
        f" прекращается в соответствии с федеральным законом.\n\n{citing}\n\n## Статья 70\n\n"
        "Изменения в ст. 5 и ст. 6 вносятся федеральным конституционным законом.\n"
    )
    french = (
        "# Licence\n\n## Article 6 – Durée et fin\n\nLa présente licence s'applique pour la durée"
        " des droits.\n\nLes Articles 1, 5, 6, 7 et 8 continuent à s'appliquer.\n"
    )
    return write_library({"konstitutsiya.md": russian, "licence.md": french})


@pytest.mark.parametrize("question", ["что говорится в статье 5?", "статья 5", "Статья 5"])
def test_an_article_asked_for_by_its_number_alone_is_found_under_its_heading(
    constitution: Library, question: str
) -> None:
    answer = constitution.answer(question)
    assert answer.hits[0].passage.section == "Статья 5"
    assert "состоит из республик" in answer.hits[0].passage.text


def test_an_article_asked_for_alone_is_the_one_in_the_questions_language(
    constitution: Library,
) -> None:
    answer = constitution.answer("что в статье 6?")
    assert answer.hits[0].passage.section == "Статья 6"
    assert answer.hits[0].passage.doc == "konstitutsiya.md"
    assert constitution.answer("que dit l'article 6 ?").hits[0].passage.doc == "licence.md"


def test_an_article_cited_as_russian_law_cites_it_is_answered_by_it(
    constitution: Library,
) -> None:
    # "ст." is in one passage's text, none of the headings: the heading "Статья 5" answers it
    # (the answer was hedged as lacking the question's key word).
    answer = constitution.answer("что говорится в ст. 5?")
    assert answer.hits[0].passage.section == "Статья 5"
    assert answer.outcome == "answered"
