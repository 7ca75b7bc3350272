"""A question is answered from the copy of a page written in its own language."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from retrieval.library import Library


@pytest.fixture(scope="module")
def pages(write_library: Callable[[dict[str, str]], Library]) -> Library:
    return write_library(
        {
            "es-what.md": (
                "# Qué es Kubernetes\n\n"
                "Kubernetes no es una Plataforma como Servicio (PaaS) convencional. Kubernetes "
                "opera a nivel del contenedor y no del hardware.\n\n"
                "## Servicios\n\nUn Service permite exponer una aplicación que corre en un "
                "conjunto de Pods como un servicio de red.\n"
            ),
            "ru-what.md": (
                "# Что такое Kubernetes\n\n"
                "Kubernetes ― это не традиционная комплексная система PaaS (платформа как "
                "услуга). Kubernetes работает на уровне контейнеров.\n\n"
                "## Сервисы\n\nСервис позволяет открыть доступ к приложению, запущенному "
                "на наборе подов, как к сетевой службе.\n"
            ),
            "fr-what.md": (
                "# Qu'est-ce que Kubernetes\n\n"
                "Kubernetes n'est pas une solution PaaS (Platform as a Service) traditionnelle. "
                "Kubernetes opère au niveau des conteneurs.\n\n"
                "## Services\n\nPour certaines parties de votre application, vous souhaiterez "
                "peut-être exposer un Service sur une adresse IP externe.\n\n"
                "## Mises à jour\n\nÀ tout moment, vous pouvez annuler une mise à jour.\n\n"
                "## Pauses\n\nUn déploiement peut être mis en pause à tout moment.\n"
            ),
            "en-labels.md": (
                "# Recommended labels\n\n"
                "Kubernetes is not a platform as a service (PaaS) and has no formal notion "
                "of an application.\n\nThe Service is used to expose the application.\n"
            ),
        }
    )


def test_a_russian_question_of_names_around_one_russian_word_is_russian(pages: Library) -> None:
    # "это" is the one Russian word; "Kubernetes" and "PaaS" are every language's, and the
    # question was read as Spanish and answered from the Spanish copy, in English.
    answer = pages.answer("Kubernetes — это PaaS?")
    assert answer.language == "ru"
    assert answer.hits[0].passage.doc == "ru-what.md"


def test_a_french_question_with_typos_is_answered_in_french(pages: Library) -> None:
    # Two of its four words misspelt, it was read as English ("aplication": application) and
    # answered from the English page; "mon" says it is French.
    answer = pages.answer("coment exposer mon aplication")
    assert answer.language == "fr"
    assert "exposer un Service" in answer.hits[0].passage.text


def test_a_stop_word_missing_a_letter_is_not_searched_as_another_word(pages: Library) -> None:
    # "coment" is "comment" with a letter dropped, not the French word "moment".
    terms = pages.answer("coment exposer une application à l'extérieur ?").terms
    assert "fr:expos" in terms
    assert not any("moment" in term for term in terms)
    # Another letter dropped leaves a real word as often: "commet" (commits) is searched.
    terms = pages.answer("Que commet le programme en cas d'erreur ?").terms
    assert any(term.startswith("fr:comm") for term in terms), terms


def test_how_long_asks_a_measure_not_the_word_long(
    write_library: Callable[[dict[str, str]], Library],
) -> None:
    # The Chinese page quotes an English error ("… is too long"): its "long" outweighed the
    # English passage that gives the time, as the question's rarest word.
    library = write_library(
        {
            "zh-dns.md": (
                "# DNS\n\n如果 Pod 的 FQDN 超出 64 字符，Pod 会一直处于 Pending 状态，并报错 "
                '"Failed to construct FQDN from pod hostname and cluster domain, FQDN is too '
                'long (64 characters is the max)"。\n'
            ),
            "en-nodes.md": (
                "# Nodes\n\nThe node controller evicts all pods from a node that has been "
                "unreachable for five minutes (the default pod-eviction-timeout).\n\n"
                "## Labels\n\nYou can use labels on nodes to control where pods are scheduled.\n\n"
                "## Capacity\n\nA node reports its capacity: CPU, memory and the number of pods.\n"
            ),
        }
    )
    answer = library.answer("how long until pods get kicked off a node that went dark?")
    assert "long" not in answer.terms
    assert answer.hits[0].passage.doc == "en-nodes.md"


def test_a_passage_in_the_question_s_language_holding_its_words_comes_first(
    write_library: Callable[[dict[str, str]], Library],
) -> None:
    # A link line of a Chinese index page, read as English for its address, came first for
    # the name and 模式 it holds; the Chinese definition holds both as well.
    library = write_library(
        {
            "zh-index.md": (
                "# 扩展 Kubernetes\n\n"
                "了解 Operator 模式 (/zh/docs/concepts/extend-kubernetes/operator/)\n"
            ),
            "zh-operator.md": (
                "# Operator 模式\n\n"
                "在 Kubernetes 上运行工作负载的人们都喜欢通过自动化来处理重复的任务。Operator "
                "模式会封装你编写的任务自动化代码，用来管理一个或一组服务的运维人员的关键目标。\n"
            ),
            "en-other.md": "# Other\n\nAn English page, so that the corpus has two languages.\n",
        }
    )
    answer = library.answer("Operator 模式是啥意思")
    assert answer.hits[0].passage.lang == "zh"
    assert "运维人员" in answer.hits[0].passage.text
