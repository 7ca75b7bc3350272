"""Follow-up questions: which questions lean on the one before, expiry, saving and restoring."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from retrieval.library import Library
from retrieval.search.followups import MAX_HISTORY, Conversation, is_follow_up

FIRST = "When did China and France start their strategic dialogue?"


@pytest.mark.parametrize(
    "question",
    [
        "and with Pakistan?",
        "And in 2004?",
        "how many rounds since then?",
        "what about Japan?",
        "How about Russia?",
        "why?",
        "in which year?",
        "with whom?",
        "Also with India?",
        "tell me more",
        "who signed it?",
        "how many did they send?",
        "how many in 2004 alone?",  # a number asked of the subject before
        "¿y en el 2004?",
        "2004 and 2005?",
        "does it work on Windows too?",  # "too" ending the clause points back
        "哪一年？",  # "which year?"
        "是哪一年？",
        "要等多久？",  # "how long must one wait?"
        "¿de qué año es?",  # "which year" and a verb saying nothing
        "combien de temps ?",  # "how long?"
        "¿cuánto tiempo?",
        "qui l'a écrit ?",  # "l'" before the auxiliary: "it"
        "ok, what does that mean?",
        "how do I change its theme?",  # "its": no subject named before it
        "what does it do with their files?",
        "What did Yang Jiechi say about it?",  # a name, and "it" asked about: the subject before
        "and does it stay that way after I close and reopen the file?",  # a cue, pointing back
        # Longer, but pointing back all the same: at "those", at "it" asked about, "instead".
        "can I keep those settings in a separate file instead?",
        "how much extra disk space does it need while it runs",
        "does it come with fancy symbols for the keys?",
        "why not just put that code at the end of the try block?",
        "and if I don't write any ON DELETE clause, what happens by default?",
        # Nothing but a question word: nothing to search but what was asked before.
        "when?",
        "where exactly?",
        "how long?",
        "и когда?",
        "¿dónde?",
        # The object of the verb is what was asked about before, whoever the question names
        # ("What is WebGPU?" / "Does Firefox support it?": a reviewer's case).
        "Does Firefox support it?",
        "Where does Debian keep it?",
        "how does apt handle them?",
        "Is Firefox able to open them?",
        "Поддерживает ли Debian его?",
        # A closing "one" stands for the thing asked about ("what is a PIV card?" before: a
        # tester's handbook); "is there" with nothing of its own asks of the thing before.
        "how do i get one",
        "do I need one?",
        "is there a limit?",
    ],
)
def test_short_leaning_questions_are_follow_ups(question: str) -> None:
    assert is_follow_up(question)


@pytest.mark.parametrize(
    "question",
    [
        FIRST,
        "What do China and Russia say about missile defence?",
        "How many peacekeepers has China sent to UN missions?",
        "What is the Belt and Road initiative?",
        "how many policemen did china send since 2000",
        "What did China and Pakistan agree in 2004 about border security?",
        "recipe for kung pao chicken",
        "who is Obama?",  # a question word, and what it asks about
        # A status code asked about, not a time asked of the subject before (the tester's
        # questions on MDN's pages); "too" intensifying; "that" resuming the clause before it.
        "what does 308 mean?",
        "what color is snow?",  # "which" and two words of its own
        "429 要等多久？",  # what it asks about named by its number
        "combien de temps dure un cookie de session ?",
        "Qui a écrit l'Étranger ?",  # "l'" the article
        "¿qué es el 418?",
        "чем 401 отличается от 403?",
        "ошибка 429 Too Many Requests как обойти",
        "mon serveur renvoie 429, ça veut dire quoi ?",
        # "its" after the subject the question names: the tester's question on another tool
        # was searched with the one before ("(following: …loadSidebar…)").
        "where does bat look for its config file?",
        "how did the Debian project pick its name?",
        "Why does Debian sign its packages?",
        # "it" standing for what the sentence goes on to say; a cue that opens questions too.
        "Does it matter in which order I create the indexes on a table?",
        "How long does it take to build the index of a large table?",
        "Is it a good practice to vacuum the database every night?",
        "So how do I make the database file smaller after deleting many rows?",
        # "it" asked of nothing, "those" before who names, "instead of" names both.
        "Is it possible to use verbatim stuff inside footnotes with the fancyvrb package?",
        "Do those who sign the joint statement on climate change meet every year?",
        "How do I create an isolated environment with conda instead of venv?",
        # "is there" asks whether a thing it names is: no place before (the tester's "free
        # coffee" question, asked after one on unpaid leave, was searched with it); "one"
        # counting.
        "is there free coffee in the SF office",
        # A pasted message and "what does that mean" after it, without its comma (a tester's
        # Telegram group: labelled "Read as a follow-up" to the question before).
        "asn1_der_decoding returns ASN1_TAG_ERROR what does that mean",
        "unknown option: --bash what does that mean",
        "are there parking spaces at the Denver office?",
        "what is chapter one",
        "what is Formula One",  # "One" with its capital ends a name (review15-b)
        "tell me about Xbox One",
        "",
        "?!",
        "And what did the two sides say about climate change, energy security, human rights "
        "and the reform of the United Nations Security Council in their joint statement?",
    ],
)
def test_standalone_questions_are_not_follow_ups(question: str) -> None:
    assert not is_follow_up(question)


def test_follow_up_gets_the_previous_question_as_context() -> None:
    conversation = Conversation().after(FIRST, None, now=100.0)
    assert conversation.context_for("and with Pakistan?", now=160.0) == FIRST
    assert conversation.context_for("What is the Belt and Road initiative?", now=160.0) is None


def test_first_question_has_no_context() -> None:
    assert Conversation().context_for("and with Pakistan?", now=0.0) is None


def test_context_expires_after_the_idle_time() -> None:
    conversation = Conversation().after(FIRST, None, now=100.0)
    assert conversation.context_for("and with Pakistan?", now=100.0 + 1800) == FIRST
    assert conversation.context_for("and with Pakistan?", now=100.0 + 1801) is None
    assert conversation.context_for("and with Pakistan?", now=160.0, idle_seconds=30) is None


def test_a_chain_of_follow_ups_keeps_the_topic_and_the_latest_follow_ups() -> None:
    conversation = Conversation().after(FIRST, None, now=0.0)
    context = conversation.context_for("and with Pakistan?", now=1.0)
    conversation = conversation.after("and with Pakistan?", context, now=1.0)
    assert conversation.history == (FIRST, "and with Pakistan?")
    context = conversation.context_for("and in 2004?", now=2.0)
    assert context == f"{FIRST}\nand with Pakistan?"
    conversation = conversation.after("and in 2004?", context, now=2.0)
    conversation = conversation.after("and in 2003?", "x", now=3.0)
    assert len(conversation.history) == MAX_HISTORY == 3
    # The question that set the topic stays however long the chain grows.
    assert conversation.history == (FIRST, "and in 2004?", "and in 2003?")


def test_a_long_chain_keeps_the_topic_and_replaces_names_in_order(
    shipped_library: Library,
) -> None:
    chain = ["What did China and Pakistan do about counter-terrorism?", "and in 2003?",
             "and with Russia?", "and with Kyrgyzstan?"]  # fmt: skip
    conversation = Conversation()
    for number, question in enumerate(chain):
        context = conversation.context_for(question, now=float(number))
        conversation = conversation.after(question, context, now=float(number))
    weights = shipped_library.query_weights(chain[-1], context)
    assert weights["kyrgyzstan"] == 1.0
    assert "_counterterrorism" in weights  # the topic survives four questions
    assert "pakistan" not in weights and "_russia" not in weights  # replaced names stay gone


def test_a_standalone_question_starts_a_new_subject() -> None:
    conversation = Conversation().after(FIRST, None, now=0.0)
    conversation = conversation.after("What is the Belt and Road initiative?", None, now=5.0)
    assert conversation.history == ("What is the Belt and Road initiative?",)
    assert conversation.updated_at == 5.0


def test_reset_forgets_everything() -> None:
    conversation = Conversation().after(FIRST, None, now=0.0).reset()
    assert conversation == Conversation()
    assert conversation.context_for("and with Pakistan?", now=1.0) is None


@settings(max_examples=100, deadline=None)
@given(
    st.lists(st.text(), max_size=MAX_HISTORY).map(tuple),
    st.floats(allow_nan=False, allow_infinity=False),
)
def test_json_round_trip(history: tuple[str, ...], updated_at: float) -> None:
    conversation = Conversation(history, updated_at)
    assert Conversation.from_json(conversation.to_json()) == conversation


@pytest.mark.parametrize(
    "text",
    [None, "", "not json", "{", "[]", "null", "42", '"a string"', '{"history": 5}',
     '{"updated_at": "soon"}', '{"history": ["a"], "updated_at": [1]}'],
)  # fmt: skip
def test_unreadable_saved_state_is_an_empty_conversation(text: str | None) -> None:
    assert Conversation.from_json(text) == Conversation()


@settings(max_examples=100, deadline=None)
@given(st.text())
def test_any_text_reads_as_some_conversation_without_raising(text: str) -> None:
    conversation = Conversation.from_json(text)
    assert len(conversation.history) <= MAX_HISTORY
    assert all(isinstance(q, str) for q in conversation.history)


def test_saved_state_with_a_long_history_keeps_the_topic_and_the_latest() -> None:
    text = json.dumps({"history": ["q1", "q2", "q3", "q4"], "updated_at": 7})
    assert Conversation.from_json(text) == Conversation(("q1", "q3", "q4"), 7.0)


@pytest.mark.parametrize(
    "question",
    ["а в 2005 году?", "а почему?", "et pour la Russie ?", "¿y en 2005?", "y con Francia?",
     "那Ubuntu呢？", "它支持什么？"],
)  # fmt: skip
def test_follow_ups_are_recognised_in_every_language_the_bot_speaks(question: str) -> None:
    assert is_follow_up(question)


@pytest.mark.parametrize(
    "question",
    ["Как установить пакет в Debian?", "Comment installer un paquet sous Debian ?",
     "¿Cómo instalo un paquete en Debian?", "Debian 是什么？", "如何在 Debian 中安装软件包？"],
)  # fmt: skip
def test_questions_that_stand_alone_are_not_follow_ups_in_any_language(question: str) -> None:
    assert not is_follow_up(question)


# A reader of Portuguese, Arabic or Persian documents (tryout12) leans on the answer as others
# do, though the bot speaks none of those languages: "and if it's a Windows laptop?", "and how do
# I bring him back?" (Arabic writes "and" joined to the next word), "so what's the fix?", "what
# next?".
@pytest.mark.parametrize(
    "question",
    ["e se for um portátil Windows?", "e quanto custa?", "mas e o preço?", "mas como faço?",
     "وكيف ارجعه؟", "ماذا عن المسؤول العام؟",
     "خب راه حلش چیه؟", "بعدش چی؟"],
)  # fmt: skip
def test_follow_ups_in_portuguese_arabic_and_persian(question: str) -> None:
    assert is_follow_up(question)


@pytest.mark.parametrize(
    "question",
    ["O que é o Microsoft 365?", "وزير الخارجية من هو؟", "كيف أضيف مستخدما جديدا؟",
     "چطور یک پروژه جدید بسازم؟", "Estados Unidos e Canadá?",
     # a reviewer's: an e-mail, "où" and "más" typed without accents, "after installing"
     "E-mail notifications are not sent, what should I check?", "e.g. how do I install pandas?",
     "ou est le fichier de configuration ?", "depois de instalar, o que faço?",
     # Chinese questions naming their subject before the asking word
     "北京在哪里？", "宪法有几条？", "长城多长？"],
)  # fmt: skip
def test_portuguese_arabic_and_persian_questions_standing_alone(question: str) -> None:
    assert not is_follow_up(question)


WHY_CORPUS = {
    "talks.txt": (
        "The Six-Party Talks\n\n"
        "China supports the Six-Party Talks on the Korean nuclear issue.\n\n"
        "China supports the talks because a nuclear-free peninsula serves peace in the region.\n\n"
        "The talks on the Korean nuclear issue began in Beijing in 2003.\n"
    )
}


def test_why_after_an_answer_quotes_another_passage_not_the_same_again(
    make_corpus: Callable[..., Path], tmp_path: Path
) -> None:
    library = Library.open(tmp_path / "w.db", make_corpus(WHY_CORPUS))
    try:
        first = "Does China support the talks on the Korean nuclear issue?"
        shown = library.answer(first).hits[0].passage.id
        conversation = Conversation().after(first, None, now=0.0)
        context = conversation.context_for("why?", now=1.0)
        assert context == first
        answer = library.answer("why?", context=context)
        assert answer.hits and shown not in [h.passage.id for h in answer.hits]
        # Nor is it counted: "more results" is offered only when there are more to show.
        assert answer.total == len(answer.hits)
        assert not library.answer("why?", context=context, offset=answer.total).hits
        # "when?" after "why?": of the two passages quoted already, the one stating a year
        # answers it ("began in Beijing in 2003"); the other is not quoted again.
        then = library.answer("when?", context=[first, "why?"], k=3)
        assert then.hits[0].passage.text.endswith("began in Beijing in 2003.")
        assert answer.hits[0].passage.id not in [h.passage.id for h in then.hits]
    finally:
        library.close()


def test_when_was_that_after_an_answer_stating_the_date_quotes_it_again(
    shipped_library: Library,
) -> None:
    # The passage on Du Zhaoyu says when he died; another on peacekeepers who lost their lives
    # says only "in the past 14 years". The one quoted was left out as "said already".
    first = "Which Chinese peacekeeper died in Lebanon?"
    assert "Du Zhaoyu" in shipped_library.answer(first).hits[0].passage.text
    then = shipped_library.answer("when was that?", context=first)
    assert "On July 26, 2006, Du Zhaoyu" in then.hits[0].passage.text
    # "why?" still asks for more than the passage quoted
    why = shipped_library.answer("why?", context=first)
    assert "Du Zhaoyu" not in why.hits[0].passage.text


@pytest.mark.parametrize(
    ("earlier", "follow_up", "said"),
    [
        (
            "Does China hold strategic dialogues with France?",
            "when did that start?",
            "China and France established the relationship of strategic dialogue in 1997",
        ),
        (
            "Which countries took part in the Joint-2003 counter-terrorism exercise?",
            "where was it held?",
            "in the vicinities of Ucharal in Kazakhstan",
        ),
    ],
)
def test_a_follow_up_pointing_back_asks_of_the_earlier_subject(
    shipped_library: Library, earlier: str, follow_up: str, said: str
) -> None:
    # Its one word of its own ("start", "held") weighed as much as the whole earlier question,
    # and a passage on China and Pakistan that "held their second" talks came first.
    answer = shipped_library.answer(follow_up, context=earlier)
    assert said in answer.hits[0].passage.text


def test_the_earlier_subject_weighs_more_when_a_follow_up_asks_something_new_of_it(
    shipped_library: Library,
) -> None:
    # "why did they do it?" asks more of the peacekeepers: they must stay in the search; "and
    # Russia?" names what it asks about instead, which the earlier words must not outweigh.
    earlier = "How many peacekeepers has China sent to United Nations missions?"
    asking_more = shipped_library.query_weights("why did they send the engineers?", earlier)
    naming = shipped_library.query_weights("and Lebanon?", earlier)
    assert asking_more["_peacekeeping"] >= 1.5 * naming["_peacekeeping"]
    assert naming["lebanon"] == 1.0 > 4 * naming["_peacekeeping"]
