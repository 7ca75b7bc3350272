"""Questions a user asks of the shipped corpus, and what the library answers."""

from __future__ import annotations

import gc
import weakref
from collections.abc import Callable
from pathlib import Path

import pytest

from retrieval.errors import (
    EmptyQuestionError,
    NoSearchableWordsError,
    QuestionError,
    QuestionTooLongError,
    QuotebotError,
)
from retrieval.library import QUESTION_LIMIT, Library
from retrieval.model import Answer
from retrieval.search import query
from retrieval.search.followups import Conversation

DOC_002 = "002_a3dcc854a06e902a.txt"
DOC_003 = "003_152c6e36f5d007da.txt"
DOC_004 = "004_ac3189a7eefc069c.txt"


def marked(answer: Answer, rank: int = 1) -> list[str]:
    return [s.text for s in answer.hits[rank - 1].excerpt.segments if s.marked]


def ask_in_turn(library: Library, *questions: str) -> list[Answer]:
    """Ask questions one after another as a conversation (10 seconds apart)."""
    conversation = Conversation()
    answers = []
    for n, question in enumerate(questions):
        now = 1000.0 + 10 * n
        context = conversation.context_for(question, now)
        answers.append(library.answer(question, context=context))
        conversation = conversation.after(question, context, now)
    return answers


# ------------------------------------------------------------------------------ answers
def test_missile_defence_question_quotes_the_anti_missile_passage_first(
    shipped_library: Library,
) -> None:
    answer = shipped_library.answer("What do China and Russia say about missile defence?")
    assert answer.answered
    best = answer.hits[0]
    assert best.rank == 1
    assert best.passage.doc == DOC_002
    assert "global anti-missile system" in best.excerpt.plain
    assert "strategic balance and stability" in best.excerpt.plain
    assert "anti-missile system" in marked(answer)


def test_policemen_question_quotes_404_policemen_from_the_defence_white_paper(
    shipped_library: Library,
) -> None:
    answer = shipped_library.answer("how many policemen did china send since 2000")
    assert answer.answered
    assert answer.hits[0].passage.doc == DOC_004
    assert "404 policemen" in answer.hits[0].excerpt.plain
    assert answer.hits[0].passage.section == "Participating in UN Peacekeeping Operations"


@pytest.mark.parametrize(
    ("question", "doc", "words"),
    [
        ("When was the SCO Secretariat inaugurated?", DOC_004, "formally inaugurated"),
        ("What is the BRI?", DOC_003, "Silk Road"),
        ("3362 military personnel", DOC_004, "3,362 military personnel"),
        ("peacekeping operations", DOC_004, "peacekeeping operations"),  # typo corrected
        ("counter terrorism exercise with Pakistan", None, "Pakistan"),
    ],
)
def test_abbreviations_numbers_and_typos_find_their_passage(
    shipped_library: Library, question: str, doc: str | None, words: str
) -> None:
    answer = shipped_library.answer(question)
    assert answer.answered
    if doc:
        assert answer.hits[0].passage.doc == doc
    assert words in answer.hits[0].excerpt.plain


def test_the_example_questions_shown_to_users_are_all_answered(shipped_library: Library) -> None:
    for question in shipped_library.example_questions():
        answer = shipped_library.answer(question)
        assert answer.answered, question
        assert answer.hits, question


def test_the_same_question_gets_the_same_answer(shipped_library: Library) -> None:
    first = shipped_library.answer("China's military exchanges with other countries", k=5)
    second = shipped_library.answer("China's military exchanges with other countries", k=5)
    assert first == second


def test_hits_cite_the_document_title_section_and_paragraph(shipped_library: Library) -> None:
    answer = shipped_library.answer("peacekeeping", k=5)
    titles = {d.doc: d.title for d in shipped_library.documents()}
    for hit in answer.hits:
        assert hit.passage.title == titles[hit.passage.doc]
        assert hit.passage.paragraph >= 1
        assert shipped_library.passage(hit.passage.id) == hit.passage
    assert [h.rank for h in answer.hits] == [1, 2, 3, 4, 5]
    assert answer.total >= len(answer.hits)


# ------------------------------------------------------------------------------ declining
def test_off_topic_question_sharing_a_word_is_declined_with_the_closest_passages(
    shipped_library: Library,
) -> None:
    answer = shipped_library.answer("what's the weather in paris tomorrow")
    assert not answer.answered
    assert answer.hits  # the closest passages, shown as such
    assert answer.confidence < 0.43


def test_off_topic_question_with_no_word_in_the_corpus_is_declined_with_nothing(
    shipped_library: Library,
) -> None:
    answer = shipped_library.answer("recipe for kung pao chicken")
    assert not answer.answered
    assert answer.hits == ()
    assert answer.total == 0


def test_question_naming_something_the_documents_never_mention_is_declined(
    shipped_library: Library,
) -> None:
    answer = shipped_library.answer("when did china join the WTO")
    assert answer.outcome != "answered"  # hedged: China and "join" still match something
    assert answer.hits


def test_a_question_about_a_name_the_documents_lack_is_declined_though_a_word_matches(
    shipped_library: Library,
) -> None:
    # "president" is in many passages; Brazil in none: nothing here is about it.
    assert shipped_library.answer("Who is the president of Brazil?").outcome == "declined"


def test_question_naming_a_place_the_documents_lack_is_declined_not_hedged(
    shipped_library: Library,
) -> None:
    # "weather", "tomorrow" or "cooperation" match something; Lisbon is in no document.
    answer = shipped_library.answer("What will the weather be like in Lisbon tomorrow?")
    assert answer.outcome == "declined"
    assert query.unknown_names(
        "What will the weather be like in Lisbon tomorrow?",
        shipped_library.analyzer,
        shipped_library._current(),
    ) == ["Lisbon"]


@pytest.mark.parametrize(
    "question",
    [
        "Why I'm asking: what does China say about peacekeeping?",
        "¿Peacekeeping in Africa?",
        "Peacekeeping in Africa?",
        "China's Peacekeeping Mission In Lisbon",  # Title Case: its capitals name nothing
    ],
)
def test_a_sentence_s_first_word_i_m_or_title_case_is_no_unknown_name(
    shipped_library: Library, question: str
) -> None:
    names = query.unknown_names(question, shipped_library.analyzer, shipped_library._current())
    assert names == []


def test_names_the_documents_know_do_not_make_a_question_title_case(
    shipped_library: Library,
) -> None:
    # "China" and "Russia" are capitalised as names, not as a title's words: Peru, which no
    # document names, is what the question asks about, and no passage answers it.
    current, analyzer = shipped_library._current(), shipped_library.analyzer
    question = "What do China and Russia say about Peru?"
    assert query.unknown_names(question, analyzer, current) == ["Peru"]
    assert shipped_library.answer(question).outcome != "answered"
    # A title's capitals still name nothing; nor does a pasted log line whose known names,
    # told apart, leave half its words capitalised ("Insufficient memory").
    title = "What Do China And Russia Say About Peru"
    assert query.unknown_names(title, analyzer, current) == []
    pasted = "China  Russia  Insufficient memory"
    assert query.unknown_names(pasted, analyzer, current) == []


@pytest.mark.parametrize("question", ["What is the capital of Australia?", "capital of australia"])
def test_a_question_half_of_which_no_passage_holds_is_not_answered_confidently(
    shipped_library: Library, question: str
) -> None:
    # The documents speak of Australia, and of capital as money, never in one passage.
    answer = shipped_library.answer(question)
    assert answer.outcome != "answered"


def test_question_about_a_year_the_documents_never_mention_is_declined(
    shipped_library: Library,
) -> None:
    assert not shipped_library.answer("What did China and Russia agree in 1975?").answered
    assert shipped_library.answer("What did China and Russia do in 2003?").answered


# ------------------------------------------------------------------------------ odd questions
@pytest.mark.parametrize("question", ["", "   ", "?!", " \n\t ", "…", "\u200b"])
def test_question_without_words_is_an_empty_question(
    shipped_library: Library, question: str
) -> None:
    with pytest.raises(EmptyQuestionError):
        shipped_library.answer(question)


def test_question_of_only_common_words_has_nothing_to_search(shipped_library: Library) -> None:
    with pytest.raises(NoSearchableWordsError):
        shipped_library.answer("what is it?")


def test_question_over_the_limit_is_too_long(shipped_library: Library) -> None:
    with pytest.raises(QuestionTooLongError) as caught:
        shipped_library.answer("peace " * 1000)
    assert caught.value.limit == QUESTION_LIMIT == 5000
    assert caught.value.length == len(("peace " * 1000).strip())
    assert isinstance(caught.value, QuestionError)
    assert isinstance(caught.value, QuotebotError)


def test_question_at_the_limit_is_answered(shipped_library: Library) -> None:
    question = ("peacekeeping " * 384).strip().ljust(QUESTION_LIMIT, "?")
    assert len(question) == QUESTION_LIMIT
    assert shipped_library.answer(question).answered


def test_a_telegram_sized_question_of_4096_characters_is_answered(
    shipped_library: Library,
) -> None:
    base = "How many policemen did China send to peacekeeping operations since 2000?"
    question = " ".join([base] * 60)[:4095].rsplit(" ", 1)[0].ljust(4096, "?")
    assert len(question) == 4096
    answer = shipped_library.answer(question)
    assert answer.answered
    assert "404 policemen" in answer.hits[0].excerpt.plain


def test_html_in_a_question_is_searched_as_its_words(shipped_library: Library) -> None:
    answer = shipped_library.answer("<b>peacekeeping</b>")
    plain = shipped_library.answer("peacekeeping")
    assert answer.answered
    assert answer.terms == plain.terms
    assert [h.passage.id for h in answer.hits] == [h.passage.id for h in plain.hits]
    assert answer.question == "<b>peacekeeping</b>"


def test_the_pronoun_us_does_not_search_for_the_united_states(shipped_library: Library) -> None:
    us_term = shipped_library.analyzer.terms("US")[0]
    assert us_term not in shipped_library.answer("Tell us about peacekeeping").terms
    assert us_term in shipped_library.answer("Tell me about US peacekeeping").terms


def test_cambodia_finds_the_passage_that_mentions_it(shipped_library: Library) -> None:
    answer = shipped_library.answer("Did China send engineers to Cambodia?")
    assert any("Cambodia" in h.excerpt.plain for h in answer.hits)
    assert shipped_library.answer("Cambodia").total >= 1


# ------------------------------------------------------------------------------ follow-ups
def test_follow_up_carries_the_subject_of_the_question_before(shipped_library: Library) -> None:
    first, second = ask_in_turn(
        shipped_library,
        "When did China and France start their strategic dialogue?",
        "how many rounds since then?",
    )
    assert "1997" in first.hits[0].excerpt.plain
    assert second.answered
    assert "six rounds" in second.hits[0].excerpt.plain
    assert second.query == (
        "how many rounds since then? "
        "(following: When did China and France start their strategic dialogue?)"
    )


def test_follow_up_naming_another_country_replaces_the_earlier_one(
    shipped_library: Library,
) -> None:
    weights = shipped_library.query_weights(
        "and with Pakistan?", context="When did China and France start their strategic dialogue?"
    )
    terms = shipped_library.analyzer.terms
    assert terms("France")[0] not in weights
    assert weights[terms("Pakistan")[0]] == 1.0
    assert 0 < weights[terms("dialogue")[0]] < 1.0  # the topic stays, weaker
    _, second = ask_in_turn(
        shipped_library,
        "When did China and France start their strategic dialogue?",
        "and with Pakistan?",
    )
    assert any("China and Pakistan held" in h.excerpt.plain for h in second.hits)
    assert not any("France" in h.excerpt.plain for h in second.hits)


def test_follow_up_naming_another_year_replaces_the_earlier_one(shipped_library: Library) -> None:
    weights = shipped_library.query_weights(
        "and in 2004?", context="What did China and Russia do in 2003?"
    )
    assert "2004" in weights
    assert "2003" not in weights


def test_standalone_question_after_another_is_not_a_follow_up(shipped_library: Library) -> None:
    _, second = ask_in_turn(
        shipped_library,
        "When did China and France start their strategic dialogue?",
        "How many peacekeepers has China sent to UN missions?",
    )
    assert second.query == "How many peacekeepers has China sent to UN missions?"


# ------------------------------------------------------------------------------ paging
@pytest.mark.parametrize("question", ["peacekeeping operations", "China Russia strategic"])
def test_paging_continues_the_same_ranking_without_repeats(
    shipped_library: Library, question: str
) -> None:
    whole = shipped_library.answer(question, k=15)
    pages = [shipped_library.answer(question, k=3, offset=offset) for offset in range(0, 15, 3)]
    ranks = [h.rank for page in pages for h in page.hits]
    ids = [h.passage.id for page in pages for h in page.hits]
    assert ranks == list(range(1, len(ranks) + 1))
    assert len(set(ids)) == len(ids)
    assert ids == [h.passage.id for h in whole.hits]
    assert {page.total for page in pages} == {whole.total}


def test_paging_past_the_end_gives_no_hits(shipped_library: Library) -> None:
    answer = shipped_library.answer("peacekeeping", k=3, offset=500)
    assert answer.hits == ()
    assert answer.total > 0


def test_paging_through_every_result_shows_each_passage_once(shipped_library: Library) -> None:
    question = "China cooperation"
    total = shipped_library.answer(question).total
    ids = [
        h.passage.id
        for offset in range(0, total, 3)
        for h in shipped_library.answer(question, k=3, offset=offset).hits
    ]
    assert len(ids) == total
    assert len(set(ids)) == len(ids)


# ------------------------------------------------------------------------------ passages by id
def test_passage_by_id(shipped_library: Library) -> None:
    passage = shipped_library.passage("004_ac3189a7eefc069c-16")
    assert passage is not None
    assert "404 policemen" in passage.text
    assert passage.paragraph == 16


@pytest.mark.parametrize("passage_id", ["nope", "004_ac3189a7eefc069c-999", "", "'; drop table"])
def test_unknown_passage_id_is_none(shipped_library: Library, passage_id: str) -> None:
    assert shipped_library.passage(passage_id) is None


def test_library_counts_the_passages_of_the_five_documents(shipped_library: Library) -> None:
    assert len(shipped_library.documents()) == 5
    assert shipped_library.passage_count() == 132


def test_zalgo_and_zero_width_characters_do_not_hide_the_words(shipped_library: Library) -> None:
    plain = shipped_library.answer("peacekeeping policemen")
    zalgo = "".join(letter + "\u0337" for letter in "peacekeeping")
    noisy = shipped_library.answer(f"{zalgo} police\u200bmen")
    assert noisy.answered
    assert [h.passage.id for h in noisy.hits] == [h.passage.id for h in plain.hits]


def test_example_questions_suit_the_corpus_being_served(
    shipped_library: Library, make_corpus: Callable[..., Path], tmp_path: Path
) -> None:
    examples = shipped_library.example_questions()
    assert len(examples) == 3
    assert all(shipped_library.answer(q).answered for q in examples)
    text = "Glacier Survey\n\nRetreat\n\nThe glacier retreated 40 metres in 2020.\n"
    folder = make_corpus({"glaciers.txt": text})
    other = Library.open(tmp_path / "other.db", folder)
    try:
        assert other.example_questions() == ["Tell me about Retreat"]
    finally:
        other.close()


def test_example_questions_are_in_the_readers_language_about_its_documents(
    make_corpus: Callable[..., Path], tmp_path: Path
) -> None:
    folder = make_corpus(
        {
            "glaciers.txt": "Glacier Survey\n\nRetreat\n\nThe glacier retreated 40 metres "
            "in 2020, and the survey measured it again in 2021 and in 2022.\n",
            "ледники.txt": "Ледники\n\nОтступление\n\nЛедник отступил на сорок метров за "
            "год, и его снова измеряли весной и осенью.\n",
        }
    )
    library = Library.open(tmp_path / "two.db", folder)
    try:
        (russian, *_) = library.example_questions("ru", "Что есть про «{topic}»?")
        assert russian == "Что есть про «Отступление»?"
        answer = library.answer(russian)
        assert answer.answered and answer.hits[0].passage.doc == "ледники.txt"
        # The form's own words are not searched; the noun is read as its verb too (отступить).
        assert answer.terms == ("ru:отступлен", "ru:отступ")
    finally:
        library.close()


@pytest.mark.parametrize(
    ("question", "lang", "names"),
    [
        ("我的 WiFi 网卡在 Linux 下没有驱动", "zh", []),  # no capitals in Chinese
        ("Почему WiFi не работает в Бразилии?", "ru", ["Бразилии"]),  # a Latin product name
    ],
)
def test_names_are_told_by_the_capitals_of_the_question_s_own_script(
    shipped_library: Library, question: str, lang: str, names: list[str]
) -> None:
    current = shipped_library._current()
    assert query.unknown_names(question, shipped_library.analyzer, current, lang) == names


def test_a_closed_library_lets_go_of_its_analyzer(tmp_path: Path) -> None:
    # A process opening many libraries (an eval over every set, the tests) keeps none of the
    # closed ones' analyzers and their caches.
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "logs.md").write_text(
        "# Logs\n\n## Rotation\n\nThe server rotates its logs every week.\n", encoding="utf-8"
    )
    library = Library.open(tmp_path / "corpus.db", corpus)
    assert library.answer("how often are the logs rotated?").answered
    analyzer = weakref.ref(library.analyzer)
    library.close()
    del library
    gc.collect()
    assert analyzer() is None


def test_an_example_question_is_never_about_a_bare_number(
    make_corpus: Callable[..., Path], tmp_path: Path
) -> None:
    # A story's chapters numbered "IX" hold the most passages; "Tell me about IX" says nothing.
    chapter = "\n\n".join(f"The ward had {n} beds and one window over the yard." for n in range(9))
    folder = make_corpus(
        {"ward.txt": f"Ward Six\n\nIX\n\n{chapter}\n\nThe Yard\n\nNettles grew there.\n"}
    )
    library = Library.open(tmp_path / "w.db", folder)
    try:
        # (its only section: no example, and /start greets without any)
        assert library.example_questions() == []
    finally:
        library.close()
