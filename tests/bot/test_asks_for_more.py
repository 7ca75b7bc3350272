"""A message that only asks for more results, in any language the bot speaks and however it is
typed, pages on; a question that merely starts with such a word is still a question."""

from __future__ import annotations

import pytest

from bot.locales import asks_for_more, result_asked

MORE = [
    "more",
    "  Next. ",
    "More results",
    "Show more",
    "Ещё!",
    "еще",
    "дальше",
    "¿Más?",
    "mas",
    "Encore !",
    "Plus !",
    "Tell me more!",
    "подробнее",
    "cuéntame más",
    "dis-m'en plus",
]
QUESTIONS = [
    "more about sed",
    "What's next?",
    "next release",
    "ещё один вопрос",
    "más tarde",
    "plus tard",
    "tell me more about the SCO",
]


@pytest.mark.parametrize(
    "text",
    [
        *MORE,
        "Suite ?",
        "La suite ?",
        "Suivant",
        "Mas resultados",
        "更多",
        "继续。",
        "下一个",
        "もっと",
        "次",
        "次の結果",
        "mehr",
        "다음",
    ],
)
def test_a_bare_request_for_more_pages_on(text: str) -> None:
    assert asks_for_more(text)


@pytest.mark.parametrize("text", [*QUESTIONS, "encore une question", "更多的软件包", "继续安装"])
def test_a_question_is_not_taken_for_more(text: str) -> None:
    assert not asks_for_more(text)


@pytest.mark.parametrize(
    "text",
    ["and the next one?", "the next one", "下一条呢？", "а дальше?", "et le suivant ?",
     "¿y el siguiente?", "and the next article?", "下一条讲的是什么？"],
)  # fmt: skip
def test_a_step_through_the_document_is_not_taken_for_more(text: str) -> None:
    # A paging word alone pages ("next", "дальше", "下一条"); said as a step, it steps.
    assert not asks_for_more(text)


@pytest.mark.parametrize(
    ("text", "rank"),
    [
        ("the second one", 2), ("Second!", 2), ("3rd", 3), ("#2", 2), ("show me the fifth", 5),
        ("второй", 2), ("а третий?", 3), ("第二个", 2), ("请打开第三条", 3), ("el segundo", 2),
        ("la segunda", 2), ("le deuxième", 2), ("la 3e", 3), ("the tenth result", 10),
        ("#25", 25), ("2番目", 2), ("二つ目", 2), ("三番目の結果", 3), ("두 번째", 2),
        ("die zweite", 2), ("o terceiro", 3), ("il secondo", 2), ("o quarto", 4),
        ("la seconda", 2), ("zeig mir das dritte Ergebnis", 3), ("a segunda", 2),
        # Full-width digits, as Japanese input methods type them
        ("２番目", 2), ("２つ目", 2), ("３番目の結果", 3), ("＃２", 2), ("第２个", 2),
        # A final reader's: a request in the usual Brazilian and Italian words
        ("me mostra o segundo", 2), ("o segundo, por favor", 2), ("mostra il secondo", 2),
    ],
)  # fmt: skip
def test_a_result_named_by_its_rank_is_read_in_any_language(text: str, rank: int) -> None:
    assert result_asked(text) == rank


@pytest.mark.parametrize(
    "text",
    ["the second world war", "second hand", "2", "what is the first one about?", "第二次世界大战",
     "first of all, what is the SCO", "l’autre", "eleventh", "2番目の方法は？",
     "zweite Weltkrieg",
     # A language the bot only reads counts with its own words about it: German's "die" is
     # no word about "the second"; "quarto" alone is a room, "secondo" alone "according to".
     "the second die", "quarto", "secondo", "the zweite", "die second", "o second"],
)  # fmt: skip
def test_a_question_with_an_ordinal_is_no_rank(text: str) -> None:
    assert result_asked(text) is None


@pytest.mark.parametrize(
    ("text", "rank"),
    [("2", 2), ("7?", 7), ("11", 11), ("#12?", 12), ("25.", 25), ("400", 400), ("0", 0),
     ("２", 2), ("１１", 11), ("№ 3", 3)],
)  # fmt: skip
def test_a_bare_number_replying_to_results_is_a_rank(text: str, rank: int) -> None:
    assert result_asked(text, replying=True) == rank


@pytest.mark.parametrize(("text", "rank"), [("quarto", 4), ("zweite", 2), ("terzo", 3)])
def test_a_bare_ordinal_replying_to_results_is_a_rank(text: str, rank: int) -> None:
    # Alone, "quarto" may be a room; replying to a numbered answer it names the fourth.
    assert result_asked(text) is None
    assert result_asked(text, replying=True) == rank


@pytest.mark.parametrize(
    "text", ["2004", "-3", "1.5", "11 September", "404?", "12?", "２００４", "４０４？"]
)
def test_a_year_or_a_number_with_words_is_no_rank(text: str) -> None:
    assert result_asked(text, replying=True) is None


@pytest.mark.parametrize(
    "text",
    ["show me more", "more please", "More, please!", "and more", "next please",
     "could you tell me more?", "some more results please", "ещё, пожалуйста", "дальше, пожалуйста",
     "más por favor", "y más?", "montre-moi la suite", "et plus ?", "mehr bitte",
     "请继续", "请给我更多吧", "もっとください", "次をお願いします"],
)  # fmt: skip
def test_more_with_polite_or_filler_words_around_it_pages_on(text: str) -> None:
    # tryout20: "show me more" and "more please" got "only very common words", "and more" was
    # searched as a follow-up.
    assert asks_for_more(text)


@pytest.mark.parametrize(
    "text", ["no more", "show me", "please", "and then?", "more about the SCO please", "详细说明"]
)
def test_filler_words_without_a_paging_word_or_with_a_subject_are_no_request(text: str) -> None:
    assert not asks_for_more(text)


@pytest.mark.parametrize(
    ("text", "rank"),
    [("number 3", 3), ("result 5", 5), ("Result 5?", 5), ("the number 3", 3), ("no. 2", 2),
     ("#4 please", 4), ("show me result 5", 5), ("open #3", 3), ("№ 3", 3), ("номер 3", 3),
     ("результат 2", 2), ("número 3", 3), ("resultado 5", 5), ("numéro 4", 4), ("n° 3", 3),
     ("Nummer 3", 3), ("Ergebnis 2", 2), ("risultato 4", 4), ("结果3", 3), ("3番", 3),
     ("3번", 3), ("result 25", 25)],
)  # fmt: skip
def test_a_result_named_by_a_word_for_number_opens_it(text: str, rank: int) -> None:
    # tryout20: "number 3" quoted "Height value can be a negative number", "result 5" a
    # changelog's "--query 5", both answered as questions.
    assert result_asked(text) == rank
    assert result_asked(text, replying=True) == rank


@pytest.mark.parametrize(
    "text", ["number 2004", "what is number 3", "Article 5", "result 5 and 6", "issue #4",
             "page 3", "the result of 5 by 3"],
)  # fmt: skip
def test_a_number_with_other_words_is_no_rank(text: str) -> None:
    assert result_asked(text) is None
    assert result_asked(text, replying=True) is None
