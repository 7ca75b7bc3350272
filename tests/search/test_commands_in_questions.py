"""A Russian or Chinese question quoting long commands is still Russian or Chinese."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from retrieval.library import Library


@pytest.fixture(scope="module")
def guides(write_library: Callable[[dict[str, str]], Library]) -> Library:
    return write_library(
        {
            "ru.md": (
                "# Пакеты\n\n## Выбор пакетов\n\n"
                "Команда dpkg --get-selections выводит список выбранных пакетов, который можно "
                "сохранить в файл и восстановить на другой машине.\n\n## Альтернативы\n\n"
                "Команда update-alternatives --config editor позволяет выбрать редактор.\n"
            ),
            "fr.md": (
                "# Paquets\n\n## Sélections\n\n"
                "La commande dpkg --get-selections affiche la liste des paquets sélectionnés, "
                "que vous pouvez enregistrer dans un fichier texte.\n\n## Alternatives\n\n"
                "La commande update-alternatives --config editor choisit l'éditeur par défaut.\n"
            ),
            "zh.md": (
                "# 软件包\n\n## 替代方案\n\n"
                "运行 update-alternatives --config editor 命令可以选择默认的编辑器。\n"
            ),
        }
    )


@pytest.mark.parametrize(
    ("question", "lang"),
    [
        # More Latin letters than Russian or Chinese ones: the commands are every language's.
        ("dpkg --get-selections > list.txt — это что?", "ru"),
        ("update-alternatives --config editor 怎么用", "zh"),
    ],
)
def test_a_question_quoting_commands_is_read_in_its_own_language(
    guides: Library, question: str, lang: str
) -> None:
    answer = guides.answer(question)
    assert answer.language == lang
    # Its commands are searched as the Russian and Chinese passages write them, not as
    # French words: the French passage, holding every command too, does not come first.
    assert answer.hits[0].passage.doc != "fr.md"


def test_a_russian_question_quoting_a_command_finds_the_russian_passage(guides: Library) -> None:
    answer = guides.answer("dpkg --get-selections > list.txt — это что?")
    assert "выводит список" in answer.hits[0].passage.text


def test_an_english_question_naming_a_russian_word_stays_english(guides: Library) -> None:
    assert guides.answer("What is the difference between dpkg and пакет?").language == "en"
