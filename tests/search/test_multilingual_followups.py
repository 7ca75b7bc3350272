"""Follow-ups in every language the bot speaks: which questions lean on the one before."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from retrieval.errors import NoSearchableWordsError
from retrieval.library import Library
from retrieval.search.followups import Conversation, is_follow_up


@pytest.mark.parametrize(
    "question",
    [
        "А как его удалить?",
        "А в testing?",
        "Ну а для stable?",
        "И сколько их?",
        "Какой у него формат?",
        "В каком году?",
        "Et pour les paquets source ?",
        "Et en testing ?",
        "Que fait-il exactement ?",
        "Où se trouve-t-il ?",
        "Qu'en est-il de testing ?",
        "¿Y cómo lo desinstalo?",
        "¿Y en testing?",
        "¿Qué más hace?",
        "¿Para qué sirve?",
        "那怎么卸载它？",
        "如果是 testing 呢？",
        "它的配置文件在哪里？",
        "Debian 默认是哪一个？",
        "in which year?",
        "Почему?",
        "¿Por qué?",
        "Sinon ?",
        "¿Qué hay de Ubuntu?",
        "Иначе как?",
        "why so slow?",
        "Since when?",
        # What comes next, and the forms of a question word a grammar gives it.
        "Ensuite ?",
        "Puis, comment tester ?",
        "Потом?",
        "Затем?",
        "А дальше?",
        "Luego?",
        "Чем?",
        "Кому?",
        # "это" opening or after a verb, "eso" asked about, "il" as the subject: pointing back.
        "а это время можно поменять?",
        "¿y eso de qué sirve?",
        "et il fait quoi ?",
    ],
)
def test_leaning_questions_are_follow_ups_in_each_language(question: str) -> None:
    assert is_follow_up(question)


@pytest.mark.parametrize(
    "question",
    [
        # Opening with a preposition is how many questions start in these languages.
        "В чём разница между apt и aptitude?",
        "В каком файле хранится список источников?",
        "Для чего нужен пакет build-essential?",
        "С чего начать сборку пакета?",
        "Зачем мейнтейнеру нужен pbuilder?",
        "Pourquoi Debian sépare-t-il main et contrib ?",
        "¿Por qué Debian usa systemd?",
        "Avec quelle commande installer un paquet ?",
        "Depuis quand Debian existe ?",
        "¿Para qué sirve debhelper?",
        "¿En qué archivo se definen las fuentes?",
        # Articles and impersonal pronouns point nowhere.
        "En quoi consiste le gel de testing ?",
        "Qu'est-ce qu'un paquet virtuel ?",
        "Y a-t-il un paquet pour Java ?",
        "Puis-je installer Debian sur un Mac ?",
        "Puis je installer Debian sur un Mac ?",
        "Luego de instalar Debian, ¿cómo configuro la red?",
        "Faut-il redémarrer après la mise à jour ?",
        "¿Cuáles son los requisitos de hardware?",
        "¿Dónde se guardan los registros?",
        # 其他 is "other", not "he".
        "其他发行版和 Debian 有什么区别？",
        "如何安装软件包？",
        "Si no tengo red, ¿cómo instalo paquetes desde un CD?",
        # A number naming what is asked about: a whole question, shorter than in English.
        "Comment renvoyer une erreur 404 ?",
        "Как вернуть ошибку 404?",
        "¿Cómo devuelvo un error 404?",
        "如何返回 404 错误？",
        # "Why" and two words of its own: a subject named ("why not?" names none).
        "Why use Pydantic?",
        "Pourquoi utiliser Pydantic ?",
        "Почему FastAPI быстрый?",
        "¿Por qué usar Pydantic?",
        # "кто такой …" asks who the next word is; a pasted message, then "что это", asks what
        # that message is (a tester's: both were searched with the question before them).
        "кто такой ферма",
        "что такое замыкание",
        "выдает error: use of moved value что это",
        "TypeError: undefined is not a function what is this",
        # "X — это Y?" is "is X a Y?": "это" is the copula, not "this" (a tester's, searched
        # with the question on API groups before it); French weather's "il" is nobody; "eso
        # de …" points at what follows it.
        "Kubernetes — это PaaS?",
        "Kubernetes это PaaS?",
        "Docker — это что?",
        "Il fait quel temps à Lyon demain ?",
        "Quel temps fera-t-il à Lyon demain ?",
        "Il y a combien de nœuds par défaut ?",
        "¿Qué es eso de la sobrecarga de pod?",
    ],
)
def test_questions_that_stand_alone_are_not_follow_ups(question: str) -> None:
    assert not is_follow_up(question)


def test_a_short_question_in_another_script_leans_on_keywords_before_it() -> None:
    # A pasted error or a few keywords in Latin letters say no language: "а почему?" and
    # "为什么？" after them ask about them (a reviewer's case: both were told "only very common
    # words").
    for earlier in (
        "nginx 502 Bad Gateway error",
        "CORSMiddleware allow_origins allow_credentials",
    ):
        conversation = Conversation().after(earlier, None, 0.0)
        assert conversation.context_for("а почему?", now=1.0) is not None
        assert conversation.context_for("为什么？", now=1.0) is not None
    # A command alone says nothing of a language either.
    russian = Conversation().after("Как установить пакет?", None, 0.0).after("apt-get?", "x", 1.0)
    assert russian.context_for("А почему?", now=2.0) is not None


@pytest.mark.parametrize(
    ("earlier", "question"),
    [
        ("which PEP introduced f-strings?", "What is PEP 8 about?"),
        ("who are the authors of PEP 572?", "pep 703"),
    ],
)
def test_a_thing_named_by_its_number_is_a_question_of_its_own(earlier: str, question: str) -> None:
    # A tester's PEPs: "PEP 8" names what is asked; it was searched with the f-strings question.
    assert Conversation().after(earlier, None, 0.0).context_for(question, now=1.0) is None


def test_a_year_asked_of_the_subject_before_still_follows() -> None:
    conversation = Conversation().after("How many nuclear tests did China conduct?", None, 0.0)
    assert conversation.context_for("how many in 2004 alone?", now=1.0) is not None


@pytest.mark.parametrize("question", ["which version?", "what year?", "Quelle version ?"])
def test_which_and_one_word_asks_of_the_subject_before(question: str) -> None:
    # "async and await syntax" then "which version?" searched "version" alone (a tester's case).
    conversation = Conversation().after("async and await syntax", None, 0.0)
    assert conversation.context_for(question, now=1.0) == "async and await syntax"


@pytest.fixture(scope="module")
def pages(write_library: Callable[[dict[str, str]], Library]) -> Library:
    return write_library(
        {
            "es.md": "# Jobs\n\nLos casos de uso de un Job son tareas que terminan.\n",
            "zh.md": "# Secret\n\n使用 Secret 之前必须先创建 Secret。\n",
            "ru.md": "# Узлы\n\nКак сделать узел недоступным: kubectl cordon.\n",
        }
    )


@pytest.mark.parametrize(
    ("question", "earlier"),
    [
        ("¿y cómo lo uso?", "¿Qué es un Job?"),
        ("它们谁先创建？", "Secret 和 Pod 是什么？"),
        ("а как это сделать?", "Что такое узел?"),
    ],
)
def test_a_pronoun_with_no_question_before_it_is_told_to_name_its_subject(
    pages: Library, question: str, earlier: str
) -> None:
    # After /reset, "¿y cómo lo uso?" was answered with "casos de uso" and "它们谁先创建？"
    # with a Secret's "先创建"; the Russian one, all stop words, was told to name its subject.
    with pytest.raises(NoSearchableWordsError):
        pages.answer(question)
    assert pages.answer(question, context=earlier).hits


def test_a_question_whose_it_stands_for_nothing_is_searched(pages: Library) -> None:
    # "what time is it?" leans on nothing: its "it" is nobody's, and it is searched (and
    # judged) as any question, not told to name its subject.
    assert pages.answer("What time is it?").question == "What time is it?"
